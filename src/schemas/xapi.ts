import { z } from 'zod';

/**
 * xAPI 1.0.3 statements (Data, sections 2 and 4), as the progress service accepts them. The
 * schemas are strict: an unknown or mis-cased key, a `null` outside `extensions`, a string
 * where a number or boolean is expected, or a value that does not follow its format is an
 * error with the path of the field (`statement.actor.mbox`) and what was expected.
 */

export const xapiVersion = '1.0.3';
/** Versions a client may send in `X-Experience-API-Version` or a statement's `version`. */
export const acceptedVersionPattern = /^1\.0(?:\.\d+)?$/;

/** ADL verbs (in their own zod-free file so the site's small scripts can use them). */
import { verbs } from './xapi-verbs.ts';
export { verbs };

export const signatureUsageType = 'http://adlnet.gov/expapi/attachments/signature';

const uuidPattern = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** Absolute IRI: a scheme, a colon, no white space. */
const iriPattern = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;
/**
 * RFC 5646 language tag: language (with extlangs) · script · region · variants · extensions ·
 * private use, or a private-use or grandfathered tag. Order matters (`de-419-DE` is refused).
 */
const languageTagPattern =
  /^(?:(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|\d{3}))?(?:-(?:[A-Za-z\d]{5,8}|\d[A-Za-z\d]{3}))*(?:-[A-WY-Za-wy-z\d](?:-[A-Za-z\d]{2,8})+)*(?:-[Xx](?:-[A-Za-z\d]{1,8})+)?|[Xx](?:-[A-Za-z\d]{1,8})+|[Ii]-[A-Za-z]{2,8}|en-GB-oed|sgn-(?:BE-FR|BE-NL|CH-DE))$/;
const durationPattern =
  /^P(?:\d+(?:[.,]\d+)?W|(?=\d|T\d)(?:\d+(?:[.,]\d+)?Y)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?D)?(?:T(?=\d)(?:\d+(?:[.,]\d+)?H)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?S)?)?)$/;
const mediaTypePattern = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*(?:\s*;\s*[^;=\s]+=(?:[^;\s]+|"[^"]*"))*$/;

/**
 * Milliseconds since the epoch of an ISO 8601 date-time (extended `2026-03-02T10:15:00.250+01:00`
 * or basic `20260302T101500Z`), or null when it is not one. A missing offset means UTC; `-00`,
 * `-0000` and `-00:00` are refused (RFC 3339: "unknown local offset").
 */
export function parseTimestamp(value: string): number | null {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(value) ??
    /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(?:(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?:\d{2})?)?$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s = '0', fraction = '', zone = 'Z'] = match;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const zoneHours = Number(digits.slice(0, 2));
    const zoneMinutes = Number(digits.slice(2) || '0');
    if (zone.startsWith('-') && zoneHours === 0 && zoneMinutes === 0) return null;
    if (zoneHours > 23 || zoneMinutes > 59) return null;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (zoneHours * 60 + zoneMinutes);
  }
  const millis = Number(`0.${fraction || '0'}`) * 1000;
  const utc = Date.UTC(Number(y), month - 1, day, hour, minute, Math.min(second, 59), 0) + Math.floor(millis) - offsetMinutes * 60_000;
  const check = new Date(Date.UTC(Number(y), month - 1, day));
  if (check.getUTCDate() !== day) return null; // 31 April and the like
  return utc;
}

export const uuid = z.string().regex(uuidPattern, 'Expected a UUID such as `e05aa883-acaf-40ad-bf54-02c8ce485fb0`');
export const iri = z.string().regex(iriPattern, 'Expected an absolute IRI such as `http://adlnet.gov/expapi/verbs/completed`');
export const languageTag = z.string().regex(languageTagPattern, 'Expected an RFC 5646 language tag such as `fr` or `en-US`');
export const timestamp = z
  .string()
  .refine((value) => parseTimestamp(value) !== null, 'Expected an ISO 8601 date-time such as `2026-03-02T10:15:00.000Z` (offset `-00:00` is not allowed)');
export const duration = z.string().regex(durationPattern, 'Expected an ISO 8601 duration such as `PT1H30M` or `PT45.5S`');
export const languageMap = z.record(languageTag, z.string(), 'Expected a language map such as `{ "fr": "terminé" }`');
export const extensions = z.record(iri, z.unknown(), 'Expected an extensions object whose keys are IRIs');

const account = z.strictObject({
  homePage: iri,
  name: z.string(),
});

const ifiKeys = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;
const ifiFields = {
  mbox: z.string().regex(/^mailto:[^@\s]+@[^@\s]+$/, 'Expected a `mailto:` IRI such as `mailto:apprentice@example.org`').optional(),
  mbox_sha1sum: z.string().regex(/^[0-9a-fA-F]{40}$/, 'Expected the hex SHA-1 of a `mailto:` IRI (40 hex digits)').optional(),
  openid: iri.optional(),
  account: account.optional(),
};

function countIfis(value: Record<string, unknown>): number {
  return ifiKeys.filter((key) => value[key] !== undefined).length;
}

function exactlyOneIfi(value: Record<string, unknown>, context: z.RefinementCtx): void {
  const count = countIfis(value);
  if (count !== 1) {
    const got = count === 0 ? 'none' : String(count);
    context.addIssue({ code: 'custom', message: `Expected exactly one identifier (\`mbox\`, \`mbox_sha1sum\`, \`openid\` or \`account\`), got ${got}` });
  }
}

/** An Agent where Agent is the default (actor, instructor, member): `objectType` may be omitted. */
export const agent = z.strictObject({ objectType: z.literal('Agent').optional(), name: z.string().optional(), ...ifiFields }).superRefine(exactlyOneIfi);
/** An Agent as a statement's object: `objectType: "Agent"` is required (the default object is an Activity). */
export const objectAgent = z.strictObject({ objectType: z.literal('Agent'), name: z.string().optional(), ...ifiFields }).superRefine(exactlyOneIfi);

export const group = z
  .strictObject({
    objectType: z.literal('Group'),
    name: z.string().optional(),
    member: z.array(agent).optional(),
    ...ifiFields,
  })
  .superRefine((value, context) => {
    const count = countIfis(value);
    if (count > 1) context.addIssue({ code: 'custom', message: `Expected at most one identifier for a Group, got ${count}` });
    if (count === 0 && value.member === undefined) {
      context.addIssue({ code: 'custom', path: ['member'], message: 'Expected `member` (an anonymous Group lists its members)' });
    }
  });

/** Actor, instructor, authority: an Agent (default) or a Group. */
export const actor = z.discriminatedUnion('objectType', [agent, group]);

export const verb = z.strictObject({
  id: iri,
  display: languageMap.optional(),
});

const interactionComponent = z.strictObject({
  id: z.string().min(1, 'Expected a non-empty component id'),
  description: languageMap.optional(),
});

const interactionTypes = ['true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other'] as const;
const componentLists = ['choices', 'scale', 'source', 'target', 'steps'] as const;
const allowedComponents: Record<(typeof interactionTypes)[number], readonly (typeof componentLists)[number][]> = {
  'true-false': [],
  choice: ['choices'],
  'fill-in': [],
  'long-fill-in': [],
  matching: ['source', 'target'],
  performance: ['steps'],
  sequencing: ['choices'],
  likert: ['scale'],
  numeric: [],
  other: [],
};

export const activityDefinition = z
  .strictObject({
    name: languageMap.optional(),
    description: languageMap.optional(),
    type: iri.optional(),
    moreInfo: iri.optional(),
    extensions: extensions.optional(),
    interactionType: z.enum(interactionTypes).optional(),
    correctResponsesPattern: z.array(z.string()).optional(),
    choices: z.array(interactionComponent).optional(),
    scale: z.array(interactionComponent).optional(),
    source: z.array(interactionComponent).optional(),
    target: z.array(interactionComponent).optional(),
    steps: z.array(interactionComponent).optional(),
  })
  .superRefine((value, context) => {
    const allowed: readonly string[] = value.interactionType ? allowedComponents[value.interactionType] : [];
    if (value.correctResponsesPattern && !value.interactionType) {
      context.addIssue({ code: 'custom', path: ['interactionType'], message: 'Expected `interactionType` with `correctResponsesPattern`' });
    }
    for (const list of componentLists) {
      const components = value[list];
      if (!components) continue;
      if (!allowed.includes(list)) {
        context.addIssue({
          code: 'custom',
          path: [list],
          message: value.interactionType ? `Unexpected \`${list}\` for interactionType \`${value.interactionType}\`` : `Unexpected \`${list}\` without \`interactionType\``,
        });
      }
      const seen = new Set<string>();
      components.forEach((component, index) => {
        if (seen.has(component.id)) context.addIssue({ code: 'custom', path: [list, index, 'id'], message: `Duplicate component id \`${component.id}\`` });
        seen.add(component.id);
      });
    }
  });

export const activity = z.strictObject({
  objectType: z.literal('Activity').optional(),
  id: iri,
  definition: activityDefinition.optional(),
});

export const statementRef = z.strictObject({
  objectType: z.literal('StatementRef'),
  id: uuid,
});

export const score = z
  .strictObject({
    scaled: z.number().min(-1).max(1).optional(),
    raw: z.number().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .superRefine((value, context) => {
    if (value.min !== undefined && value.max !== undefined && value.max <= value.min) {
      context.addIssue({ code: 'custom', path: ['max'], message: `Expected \`max\` greater than \`min\` (${value.min})` });
    }
    if (value.raw !== undefined && value.min !== undefined && value.raw < value.min) {
      context.addIssue({ code: 'custom', path: ['raw'], message: `Expected \`raw\` at least \`min\` (${value.min})` });
    }
    if (value.raw !== undefined && value.max !== undefined && value.raw > value.max) {
      context.addIssue({ code: 'custom', path: ['raw'], message: `Expected \`raw\` at most \`max\` (${value.max})` });
    }
  });

export const result = z.strictObject({
  score: score.optional(),
  success: z.boolean().optional(),
  completion: z.boolean().optional(),
  response: z.string().optional(),
  duration: duration.optional(),
  extensions: extensions.optional(),
});

/** A single Activity or a list; stored and returned as a list (Data 2.4.6.2). */
const contextActivityList = z.union([z.array(activity), activity]).transform((value) => (Array.isArray(value) ? value : [value]));

export const contextActivities = z.strictObject({
  parent: contextActivityList.optional(),
  grouping: contextActivityList.optional(),
  category: contextActivityList.optional(),
  other: contextActivityList.optional(),
});

export const context = z.strictObject({
  registration: uuid.optional(),
  instructor: actor.optional(),
  team: group.optional(),
  contextActivities: contextActivities.optional(),
  revision: z.string().optional(),
  platform: z.string().optional(),
  language: languageTag.optional(),
  statement: z.strictObject({ objectType: z.literal('StatementRef').optional(), id: uuid }).optional(),
  extensions: extensions.optional(),
});

export const attachment = z.strictObject({
  usageType: iri,
  display: languageMap,
  description: languageMap.optional(),
  contentType: z.string().regex(mediaTypePattern, 'Expected an Internet media type such as `image/jpeg`'),
  length: z.number().int('Expected an integer number of octets').nonnegative(),
  sha2: z.string().regex(/^(?:[0-9a-fA-F]{64}|[0-9a-fA-F]{96}|[0-9a-fA-F]{128})$/, 'Expected the hex SHA-256, SHA-384 or SHA-512 of the attachment'),
  fileUrl: iri.optional(),
});

function noRevisionOnAgentObject(value: { object: { objectType?: string }; context?: { revision?: string; platform?: string } | undefined }, issues: z.RefinementCtx) {
  const objectType = value.object.objectType;
  if (objectType !== 'Agent' && objectType !== 'Group') return;
  for (const key of ['revision', 'platform'] as const) {
    if (value.context?.[key] !== undefined) {
      issues.addIssue({ code: 'custom', path: ['context', key], message: `Unexpected \`context.${key}\` when the object is an ${objectType} (only for Activities)` });
    }
  }
}

export const subStatement = z
  .strictObject({
    objectType: z.literal('SubStatement'),
    actor,
    verb,
    object: z.discriminatedUnion('objectType', [activity, objectAgent, group, statementRef]),
    result: result.optional(),
    context: context.optional(),
    timestamp: timestamp.optional(),
    attachments: z.array(attachment).optional(),
  })
  .superRefine(noRevisionOnAgentObject);

export const statementObject = z.discriminatedUnion('objectType', [activity, objectAgent, group, statementRef, subStatement]);

export const statement = z
  .strictObject({
    id: uuid.optional(),
    actor,
    verb,
    object: statementObject,
    result: result.optional(),
    context: context.optional(),
    timestamp: timestamp.optional(),
    stored: timestamp.optional(),
    authority: actor.optional(),
    version: z.string().regex(acceptedVersionPattern, 'Expected an xAPI version 1.0.x such as `1.0.3`').optional(),
    attachments: z.array(attachment).optional(),
  })
  .superRefine((value, issues) => {
    noRevisionOnAgentObject(value, issues);
    if (value.verb.id === verbs.voided && value.object.objectType !== 'StatementRef') {
      issues.addIssue({ code: 'custom', path: ['object', 'objectType'], message: 'Expected a `StatementRef` object for the verb `voided`' });
    }
    if (value.authority?.objectType === 'Group') {
      const members = value.authority.member ?? [];
      if (members.length !== 2) issues.addIssue({ code: 'custom', path: ['authority', 'member'], message: 'Expected a Group authority of exactly two Agents (OAuth consumer and user)' });
    }
  });

/** A statement or a list of statements, as POST accepts them. */
export const statementBatch = z.union([z.array(statement).min(1, 'Expected at least one statement'), statement]);

export type XapiAgent = z.infer<typeof agent>;
export type XapiGroup = z.infer<typeof group>;
export type XapiActor = z.infer<typeof actor>;
export type XapiActivity = z.infer<typeof activity>;
export type XapiAttachment = z.infer<typeof attachment>;
export type XapiSubStatement = z.infer<typeof subStatement>;
export type XapiStatementObject = z.infer<typeof statementObject>;
export type XapiStatementInput = z.infer<typeof statement>;
/** A statement as the service stores and returns it: id, timestamp, stored, authority and version set. */
export type XapiStatement = XapiStatementInput & { id: string; timestamp: string; stored: string; authority: XapiActor; version: string };

/** The `agent` query parameter: an Agent or an identified Group (JSON). */
export const agentFilter = z.discriminatedUnion('objectType', [agent, group]).superRefine((value, context) => {
  if (countIfis(value) !== 1) context.addIssue({ code: 'custom', message: 'Expected an Agent or an identified Group (with one identifier)' });
});

const booleanParam = z.enum(['true', 'false'], 'Expected `true` or `false`').transform((value) => value === 'true');

/** Query parameters of GET /xapi/statements (Communication 2.1.3). */
export const statementQuery = z.strictObject({
  statementId: uuid.optional(),
  voidedStatementId: uuid.optional(),
  agent: z
    .string()
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'Expected a JSON Agent such as `{"mbox":"mailto:a@example.org"}`' });
        return z.NEVER;
      }
    })
    .pipe(agentFilter)
    .optional(),
  verb: iri.optional(),
  activity: iri.optional(),
  registration: uuid.optional(),
  related_activities: booleanParam.optional(),
  related_agents: booleanParam.optional(),
  since: timestamp.optional(),
  until: timestamp.optional(),
  limit: z
    .string()
    .regex(/^\d+$/, 'Expected a whole number (0 for the server maximum)')
    .transform(Number)
    .optional(),
  format: z.enum(['ids', 'exact', 'canonical'], 'Expected `ids`, `exact` or `canonical`').optional(),
  attachments: booleanParam.optional(),
  ascending: booleanParam.optional(),
  more: z.string().optional(),
});
export type StatementQuery = z.infer<typeof statementQuery>;

/** GET /xapi/about (Communication 2.8). */
export const aboutResource = z.strictObject({
  version: z.array(z.string()),
  extensions: extensions.optional(),
});

/** GET /xapi/statements without statementId: the StatementResult object. */
export interface StatementResult {
  statements: XapiStatement[];
  more: string;
}
