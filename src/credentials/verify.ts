import { type AchievementCredential, achievementCredentialSchema } from '../schemas/credential.ts';
import { duplicateMember } from './duplicate-members.ts';
import { publicKeyFromDidKey } from './multibase.ts';
import { checkProof } from './proof.ts';

/** A key the verifier trusts: the centre's own, or one from data/trusted-centres.yaml. */
export interface TrustedKey {
  did: string;
  name: string;
  own: boolean;
}

export type InvalidReason = 'malformed' | 'signature' | 'expired' | 'not-yet-valid' | 'unknown-key';

/** What a credential says, for people to read (CLI, pages). */
export interface CredentialSummary {
  id: string;
  issuer: { id: string; name: string };
  subject: { identifier: string | null; name: string | null };
  achievement: { name: string; type: string; description: string; criteria: string; alignment: { framework: string; code: string; name: string; url: string }[] };
  validFrom: string;
  validUntil: string | null;
}

export type Verification =
  | { valid: true; issuerTrust: 'own' | 'trusted' | 'unchecked'; trustedName: string | null; credential: CredentialSummary }
  | { valid: false; reason: InvalidReason; message: string; credential: CredentialSummary | null };

export interface VerifyOptions {
  /** Keys to accept; without a list the signature is checked but the issuer is not (`unchecked`). */
  trusted?: readonly TrustedKey[];
  now?: Date;
}

function summarise(credential: AchievementCredential): CredentialSummary {
  const subject = credential.credentialSubject;
  const achievement = subject.achievement;
  return {
    id: credential.id,
    issuer: { id: credential.issuer.id, name: credential.issuer.name },
    subject: { identifier: subject.identifier?.[0]?.identityHash ?? null, name: subject.name ?? null },
    achievement: {
      name: achievement.name,
      type: achievement.achievementType,
      description: achievement.description,
      criteria: achievement.criteria.narrative,
      alignment: (achievement.alignment ?? []).map((item) => ({ framework: item.targetFramework ?? '', code: item.targetCode ?? '', name: item.targetName, url: item.targetUrl })),
    },
    validFrom: credential.validFrom,
    validUntil: credential.validUntil ?? null,
  };
}

const invalid = (reason: InvalidReason, message: string, credential: CredentialSummary | null = null): Verification => ({ valid: false, reason, message, credential });

/**
 * Verifies an Open Badges 3.0 credential offline: shape, eddsa-jcs-2022 signature by the key its
 * issuer did:key names, validity dates, then (with a list) whether that key is trusted. The same
 * function runs in the CLI and in the browser's /verifier/ page.
 */
export async function verifyCredential(json: unknown, options: VerifyOptions = {}): Promise<Verification> {
  if (typeof json === 'string') {
    const text = json;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return invalid('malformed', `Not JSON: ${(error as Error).message}`);
    }
    const duplicate = duplicateMember(text);
    if (duplicate) return invalid('malformed', `\`${duplicate}\` appears twice: a credential says each thing once`);
  }
  const parsed = achievementCredentialSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return invalid('malformed', `Not an Open Badges 3.0 credential Relais can verify: ${issue.path.join('.') || '(document)'}: ${issue.message}`);
  }
  const credential = parsed.data;
  const summary = summarise(credential);
  const { proof } = credential;
  const publicKey = publicKeyFromDidKey(credential.issuer.id);
  if (!publicKey) return invalid('malformed', `issuer.id \`${credential.issuer.id}\` is not an Ed25519 did:key`, summary);
  if (proof.verificationMethod.split('#')[0] !== credential.issuer.id || !publicKeyFromDidKey(proof.verificationMethod)) {
    return invalid('signature', `The proof was made with \`${proof.verificationMethod}\`, not with the issuer's key \`${credential.issuer.id}\``, summary);
  }
  let signed: boolean;
  try {
    signed = await checkProof(json as AchievementCredential, publicKey);
  } catch (error) {
    return invalid('malformed', `Cannot check the signature: ${(error as Error).message}`, summary);
  }
  if (!signed) return invalid('signature', 'The signature does not match what the credential says: it was changed after it was signed, or not signed by this issuer', summary);
  const now = (options.now ?? new Date()).getTime();
  if (Date.parse(credential.validFrom) > now) return invalid('not-yet-valid', `Valid only from ${credential.validFrom}`, summary);
  if (credential.validUntil && Date.parse(credential.validUntil) < now) return invalid('expired', `Expired on ${credential.validUntil}`, summary);
  if (!options.trusted) return { valid: true, issuerTrust: 'unchecked', trustedName: null, credential: summary };
  const key = options.trusted.find((candidate) => candidate.did === credential.issuer.id);
  if (!key) return invalid('unknown-key', `The issuer's key \`${credential.issuer.id}\` is neither this centre's nor a trusted centre's (data/trusted-centres.yaml)`, summary);
  return { valid: true, issuerTrust: key.own ? 'own' : 'trusted', trustedName: key.name, credential: summary };
}
