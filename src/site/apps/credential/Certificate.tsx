import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { type Verification, verifyCredential } from '../../../credentials/verify.ts';
import { formatDate, idFromLocation, loadCredential, loadTrustedKeys } from './load.ts';
import { VerdictView } from './Verdict.tsx';
import { fillPlaceholders } from '../../../i18n/text.ts';

type State =
  | { step: 'loading' }
  | { step: 'problem'; message: string }
  | { step: 'ready'; id: string; result: Verification; revokedAt: string | null; qr: string; verifyUrl: string };

/** /attestation/?id=…: the printable certificate, its QR code to /verifier/?id=…, and the JSON download. */
export default function Certificate({ strings, lang, verifierPath }: { strings: Record<string, string>; lang: string; verifierPath: string }) {
  const [state, setState] = useState<State>({ step: 'loading' });
  const s = (key: string, values: Record<string, string> = {}) => fillPlaceholders(strings[key] ?? key, values, '');

  useEffect(() => {
    const id = idFromLocation();
    if (!id) return setState({ step: 'problem', message: s('credential.noId') });
    void (async () => {
      const loaded = await loadCredential(id);
      if (!loaded.ok) return setState({ step: 'problem', message: s(loaded.problem === 'not-found' ? 'credential.notFound' : 'credential.unreachable') });
      const result = await verifyCredential(loaded.text, { trusted: await loadTrustedKeys() });
      const verifyUrl = new URL(`${verifierPath}?id=${encodeURIComponent(id)}`, location.href).href;
      const qr = await QRCode.toDataURL(verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 320 });
      setState({ step: 'ready', id, result, revokedAt: loaded.revokedAt, qr, verifyUrl });
    })();
  }, []);

  if (state.step === 'loading') return <p role="status">{s('credential.loading')}</p>;
  if (state.step === 'problem') return <p className="notice" role="alert">{state.message}</p>;
  const summary = state.result.credential;
  return (
    <div className="certificate">
      {summary && (
        <article className="certificate-sheet" aria-labelledby="certificate-achievement">
          <p className="certificate-issuer">{summary.issuer.name}</p>
          <p className="certificate-kicker">{s('credential.certificateTitle')}</p>
          <h2 id="certificate-achievement">{summary.achievement.name}</h2>
          <dl className="certificate-facts">
            <div><dt>{s('credential.awardedTo')}</dt><dd>{summary.subject.name ?? summary.subject.identifier}</dd></div>
            <div><dt>{s('credential.date')}</dt><dd><time dateTime={summary.validFrom}>{formatDate(summary.validFrom, lang)}</time></dd></div>
            {summary.validUntil && <div><dt>{s('credential.until')}</dt><dd><time dateTime={summary.validUntil}>{formatDate(summary.validUntil, lang)}</time></dd></div>}
            <div><dt>{s('credential.issuedBy')}</dt><dd>{summary.issuer.name}</dd></div>
            <div><dt>{s('credential.identifier')}</dt><dd><code>{summary.subject.identifier}</code></dd></div>
          </dl>
          <p lang="fr">{summary.achievement.description}</p>
          {summary.achievement.alignment.length > 0 && (
            <>
              <h3>{s('credential.alignment')}</h3>
              <ul className="certificate-codes">
                {summary.achievement.alignment.map((item) => (
                  <li key={`${item.framework}-${item.code}`}>{item.framework} <a href={item.url}>{item.framework === 'ESCO' ? item.name : item.code}</a>{item.framework === 'ESCO' ? '' : ` — ${item.name}`}</li>
                ))}
              </ul>
            </>
          )}
          <figure className="certificate-qr">
            <img src={state.qr} width="160" height="160" alt={s('credential.qr')} />
            <figcaption><a href={state.verifyUrl}>{s('credential.verifyLink')}</a></figcaption>
          </figure>
        </article>
      )}
      <VerdictView result={state.result} revokedAt={state.revokedAt} s={s} lang={lang} />
      <p className="certificate-actions">
        <a className="button" href={`/api/credentials/${encodeURIComponent(state.id)}`} download={`attestation-${state.id}.json`}>{s('credential.download')}</a>{' '}
        <button type="button" onClick={() => window.print()}>{s('credential.print')}</button>
      </p>
    </div>
  );
}
