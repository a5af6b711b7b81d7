import { z } from 'zod';
import { id } from './common.ts';

/**
 * Open Badges 3.0 AchievementCredential (a W3C Verifiable Credential 2.0) as Relais issues and
 * reads it, with a Data Integrity proof (cryptosuite eddsa-jcs-2022, ADR 0013). Objects are open:
 * the signature covers every member, so a verifier reads what it knows and the proof guards the rest.
 */
export const vcContext = 'https://www.w3.org/ns/credentials/v2';
export const obContext = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

/** Date-times as the VC data model writes them (`2026-03-02T09:00:00Z`, with an offset or Z). */
const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/, 'Expected a date-time such as `2026-03-02T09:00:00Z`');

const typeList = (required: string) => z.union([z.literal(required), z.array(z.string()).refine((types) => types.includes(required), `Expected \`${required}\` among the types`)]);

export const alignmentSchema = z.object({
  type: z.array(z.string()).or(z.string()),
  targetName: z.string(),
  targetUrl: z.string(),
  targetCode: z.string().optional(),
  targetFramework: z.string().optional(),
  targetType: z.string().optional(),
});

export const dataIntegrityProofSchema = z.object({
  type: z.literal('DataIntegrityProof'),
  cryptosuite: z.literal('eddsa-jcs-2022', { error: 'Expected cryptosuite `eddsa-jcs-2022` (the only one Relais verifies)' }),
  created: dateTime.optional(),
  verificationMethod: z.string().startsWith('did:key:z', 'Expected a did:key verification method'),
  proofPurpose: z.literal('assertionMethod'),
  proofValue: z.string().startsWith('z', 'Expected a base58btc multibase proof value (starting with `z`)'),
});
export type DataIntegrityProof = z.infer<typeof dataIntegrityProofSchema>;

export const achievementCredentialSchema = z.object({
  '@context': z.array(z.string()).refine((contexts) => contexts[0] === vcContext && contexts.includes(obContext), `Expected @context [${vcContext}, ${obContext}, …]`),
  id: z.string().min(1),
  type: typeList('OpenBadgeCredential').refine((types) => [types].flat().includes('VerifiableCredential'), 'Expected `VerifiableCredential` among the types'),
  name: z.string().optional(),
  issuer: z.object({ id: z.string().startsWith('did:key:z', 'Expected the issuer id to be a did:key'), type: typeList('Profile'), name: z.string().min(1) }),
  validFrom: dateTime,
  validUntil: dateTime.optional(),
  credentialSubject: z.object({
    type: typeList('AchievementSubject'),
    identifier: z.array(z.object({ type: z.literal('IdentityObject'), identityHash: z.string(), identityType: z.string(), hashed: z.boolean() })).min(1).optional(),
    name: z.string().optional(),
    achievement: z.object({
      id: z.string(),
      type: typeList('Achievement'),
      achievementType: z.string(),
      name: z.string(),
      description: z.string(),
      criteria: z.object({ narrative: z.string() }),
      alignment: z.array(alignmentSchema).optional(),
    }),
  }),
  evidence: z.array(z.object({ type: z.array(z.string()).or(z.string()), name: z.string().optional(), description: z.string().optional() })).optional(),
  proof: dataIntegrityProofSchema,
});
export type AchievementCredential = z.infer<typeof achievementCredentialSchema>;

/**
 * What earns a credential, as plain data: a completed path, or a competence validated at a level.
 * The validation code (recordValidation) and the tutor route both pass this.
 */
export const credentialClaimSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('path'), pathId: id }),
  z.strictObject({ kind: z.literal('competence'), skillId: id, level: z.union([z.literal(1), z.literal(2), z.literal(3)]) }),
]);
export type CredentialClaim = z.infer<typeof credentialClaimSchema>;

/** POST /api/apprentices/:id/credentials */
export const issueCredentialRequest = credentialClaimSchema;

/** POST /api/credentials/:id/revoke */
export const revokeCredentialRequest = z.strictObject({ reason: z.string().trim().min(1).max(500).optional() });

/** One stored credential as the API lists it (the signed JSON itself is GET /api/credentials/:id). */
export const credentialViewSchema = z.object({
  id: z.string(),
  apprenticeId: z.string(),
  kind: z.enum(['path', 'competence']),
  subject: z.string(),
  level: z.number().nullable(),
  name: z.string(),
  issuedAt: z.string(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
});
export type CredentialView = z.infer<typeof credentialViewSchema>;

/** The unguessable credential id in URLs: a UUID v4 (122 random bits). */
export const credentialId = z.uuid({ error: 'Expected a credential id (a UUID)' });

