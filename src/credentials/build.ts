import { type AchievementCredential, obContext, vcContext } from '../schemas/credential.ts';
import { addProof, type Signer } from './proof.ts';
import { verificationMethodOf } from './multibase.ts';

export interface AlignmentInput {
  framework: 'ROME' | 'ESCO';
  kind: 'occupation' | 'competence';
  code: string;
  name: string;
  url: string;
}

/** Everything a credential says, as plain data (the service fills it from the database and the catalogue). */
export interface CredentialInput {
  /** UUID, also the download address's id. */
  id: string;
  issuer: { did: string; name: string };
  subject: { pseudonym: string; displayName?: string | null };
  achievement: { id: string; achievementType: 'Certificate' | 'Competency'; name: string; description: string; criteria: string; alignment: AlignmentInput[] };
  validFrom: string;
  validUntil?: string | null;
  evidence?: { name: string; description: string }[];
}

/** The unsigned Open Badges 3.0 AchievementCredential. */
export function unsignedCredential(input: CredentialInput): Omit<AchievementCredential, 'proof'> {
  return {
    '@context': [vcContext, obContext],
    id: `urn:uuid:${input.id}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: input.achievement.name,
    issuer: { id: input.issuer.did, type: ['Profile'], name: input.issuer.name },
    validFrom: input.validFrom,
    ...(input.validUntil ? { validUntil: input.validUntil } : {}),
    credentialSubject: {
      type: ['AchievementSubject'],
      // The service's pseudonymous id, in clear: it names no one outside the centre (no name, no email).
      identifier: [{ type: 'IdentityObject', identityHash: input.subject.pseudonym, identityType: 'identifier', hashed: false }],
      ...(input.subject.displayName ? { name: input.subject.displayName } : {}),
      achievement: {
        id: input.achievement.id,
        type: ['Achievement'],
        achievementType: input.achievement.achievementType,
        name: input.achievement.name,
        description: input.achievement.description,
        criteria: { narrative: input.achievement.criteria },
        alignment: input.achievement.alignment.map((item) => ({
          type: ['Alignment'],
          targetName: item.name,
          targetUrl: item.url,
          targetCode: item.code,
          targetFramework: item.framework,
          targetType: `ext:${item.framework}${item.kind === 'occupation' ? 'Occupation' : 'Competence'}`,
        })),
      },
    },
    ...(input.evidence?.length ? { evidence: input.evidence.map((item) => ({ type: ['Evidence'], name: item.name, description: item.description })) } : {}),
  };
}

/** Builds and signs the credential (eddsa-jcs-2022) with the issuer's key. */
export async function signCredential(input: CredentialInput, sign: Signer, created: string): Promise<AchievementCredential> {
  return addProof(unsignedCredential(input), { verificationMethod: verificationMethodOf(input.issuer.did), created, sign }) as Promise<AchievementCredential>;
}
