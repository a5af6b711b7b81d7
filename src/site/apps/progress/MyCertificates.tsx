import type { CredentialView } from '../../../schemas/credential.ts';

type T = (key: string, values?: Record<string, string | number>) => string;

/** The apprentice's certificates, each opening its attestation page (to print or share). */
export function MyCertificates({ credentials, note, t, lang }: { credentials: CredentialView[]; note: string; t: T; lang: string }) {
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
  const prefix = lang === 'fr' ? '' : `/${lang}`;
  return (
    <section aria-labelledby="certificates-title">
      <h2 id="certificates-title">{t('progress.certificates')}</h2>
      {note && <p className="progress-source">{note}</p>}
      {credentials.length === 0 ? (
        <p>{t('progress.certificates.none')}</p>
      ) : (
        <ul className="list progress-certificates">
          {credentials.map((credential) => (
            <li key={credential.id}>
              <a href={`${prefix}/attestation/?id=${encodeURIComponent(credential.id)}`}>{credential.name}</a>
              <br />
              <small>{credential.revokedAt ? t('progress.certificates.revoked', { date: date.format(new Date(credential.revokedAt)) }) : t('progress.certificates.issued', { date: date.format(new Date(credential.issuedAt)) })}</small>
            </li>
          ))}
        </ul>
      )}
      <p><a href={`${prefix}/dossier/`}>{t('progress.competences.link')}</a></p>
    </section>
  );
}
