import type { Verification } from '../../../credentials/verify.ts';
import { formatDate } from './load.ts';

/** VALID / INVALID, the reason in plain words, and the revocation when the service said so. */
export function VerdictView({ result, revokedAt, s, lang }: { result: Verification; revokedAt: string | null; s: (key: string, values?: Record<string, string>) => string; lang: string }) {
  const good = result.valid && !revokedAt;
  return (
    <section className={`verdict ${good ? 'verdict-valid' : 'verdict-invalid'}`} aria-live="polite">
      <p className="verdict-word"><strong>{good ? s('credential.valid') : s('credential.invalid')}</strong></p>
      {result.valid ? <p>{s(`credential.trust.${result.issuerTrust}`, { name: result.trustedName ?? '' })}</p> : <p>{s(`credential.reason.${result.reason}`)}</p>}
      {revokedAt && <p>{s('credential.revoked', { date: formatDate(revokedAt, lang) })}</p>}
      {!result.valid && (
        <details>
          <summary>{s('credential.detail')}</summary>
          <p lang="en">{result.message}</p>
        </details>
      )}
    </section>
  );
}
