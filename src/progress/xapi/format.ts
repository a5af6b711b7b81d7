import type { XapiStatement } from '../../schemas/xapi.ts';

type Json = Record<string, unknown>;

function idsOfActor(actor: Json): Json {
  const out: Json = {};
  if (actor.objectType !== undefined) out.objectType = actor.objectType;
  for (const key of ['mbox', 'mbox_sha1sum', 'openid', 'account']) if (actor[key] !== undefined) out[key] = actor[key];
  if (actor.objectType === 'Group' && Object.keys(out).length === 1 && Array.isArray(actor.member)) out.member = (actor.member as Json[]).map(idsOfActor);
  return out;
}

function idsOfObject(object: Json): Json {
  if (object.objectType === 'Agent' || object.objectType === 'Group') return idsOfActor(object);
  if (object.objectType === 'SubStatement') return idsOfStatement(object);
  if (object.objectType === 'StatementRef') return object;
  return { ...(object.objectType ? { objectType: object.objectType } : {}), id: object.id };
}

function idsOfStatement(statement: Json): Json {
  const out: Json = { ...statement, actor: idsOfActor(statement.actor as Json), verb: { id: (statement.verb as Json).id }, object: idsOfObject(statement.object as Json) };
  if (statement.authority) out.authority = idsOfActor(statement.authority as Json);
  const context = statement.context as Json | undefined;
  if (context) {
    const contextOut: Json = { ...context };
    if (context.instructor) contextOut.instructor = idsOfActor(context.instructor as Json);
    if (context.team) contextOut.team = idsOfActor(context.team as Json);
    if (context.contextActivities) {
      contextOut.contextActivities = Object.fromEntries(
        Object.entries(context.contextActivities as Record<string, Json[]>).map(([key, list]) => [key, list.map((activity) => ({ id: activity.id }))]),
      );
    }
    out.context = contextOut;
  }
  return out;
}

/** Accept-Language as tags in order of preference (`fr-FR,fr;q=0.9,en;q=0.5`). */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((param) => /^\s*q=([\d.]+)/.exec(param)).find(Boolean);
      return { tag: tag!.trim().toLowerCase(), q: q ? Number(q[1]) : 1 };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((entry) => entry.tag);
}

function pickLanguage(map: Record<string, string>, languages: string[]): Record<string, string> {
  const keys = Object.keys(map);
  if (keys.length <= 1) return map;
  for (const wanted of languages) {
    if (wanted === '*') break;
    const exact = keys.find((key) => key.toLowerCase() === wanted);
    if (exact) return { [exact]: map[exact]! };
    const prefix = keys.find((key) => key.toLowerCase().split('-')[0] === wanted.split('-')[0]);
    if (prefix) return { [prefix]: map[prefix]! };
  }
  const first = keys.find((key) => key.toLowerCase() === 'und') ?? keys[0]!;
  return { [first]: map[first]! };
}

const languageMapKeys = new Set(['display', 'name', 'description']);

function canonicalLanguages(value: unknown, languages: string[], key = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => canonicalLanguages(item, languages));
  if (value === null || typeof value !== 'object') return value;
  if (languageMapKeys.has(key) && Object.values(value).every((item) => typeof item === 'string')) return pickLanguage(value as Record<string, string>, languages);
  if (key === 'extensions') return value;
  return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, canonicalLanguages(item, languages, name)]));
}

/**
 * A stored statement in the requested format (Communication 2.1.3): `exact` as stored; `ids`
 * with only identifiers of agents, groups, activities and verbs; `canonical` with one language
 * per language map, chosen by Accept-Language.
 */
export function formatStatement(statement: XapiStatement, format: 'exact' | 'ids' | 'canonical', languages: string[]): XapiStatement {
  if (format === 'exact') return statement;
  if (format === 'ids') return idsOfStatement(statement as unknown as Json) as unknown as XapiStatement;
  return canonicalLanguages(statement, languages) as XapiStatement;
}
