import { useEffect, useState } from 'react';
import { type CredentialSummary, type Verification, verifyCredential } from '../../../credentials/verify.ts';
import { formatDate, idFromLocation, loadCredential, loadTrustedKeys } from './load.ts';
import { VerdictView } from './Verdict.tsx';
import { fillPlaceholders } from '../../../i18n/text.ts';

/**
 * /verifier/: checks a credential in the browser, offline (WebCrypto Ed25519 and JCS, the same code
 * as `relais verify-credential`). Paste the JSON, open the file, or come with ?id= when online.
 */
export default function Verifier({ strings, lang }: { strings: Record<string, string>; lang: string }) {
  const s = (key: string, values: Record<string, string> = {}) => fillPlaceholders(strings[key] ?? key, values, '');
  const [text, setText] = useState('');
  const [result, setResult] = useState<Verification | null>(null);
  const [revokedAt, setRevokedAt] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [ready, setReady] = useState(false);

  const check = async (value: string, revoked: string | null = null) => {
    setRevokedAt(revoked);
    setResult(await verifyCredential(value, { trusted: await loadTrustedKeys() }));
  };

  useEffect(() => {
    setReady(true);
    const id = idFromLocation();
    if (!id) return;
    void (async () => {
      const loaded = await loadCredential(id);
      if (!loaded.ok) return setProblem(s(loaded.problem === 'not-found' ? 'credential.notFound' : 'credential.unreachable'));
      setText(loaded.text);
      await check(loaded.text, loaded.revokedAt);
    })();
  }, []);

  const open = async (file: File | undefined) => {
    if (!file) return;
    const value = await file.text();
    setText(value);
    await check(value);
  };

  return (
    <div className="verifier">
      <p>{s('credential.offlineNote')}</p>
      {problem && <p className="notice" role="alert">{problem}</p>}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void check(text);
        }}
      >
        <p>
          <label htmlFor="credential-json">{s('credential.paste')}</label>
          <textarea id="credential-json" rows={8} dir="ltr" spellCheck={false} value={text} onChange={(event) => setText(event.target.value)} />
        </p>
        <p>
          <label htmlFor="credential-file">{s('credential.file')}</label>{' '}
          <input id="credential-file" type="file" accept="application/json,.json" onChange={(event) => void open(event.target.files?.[0])} />
        </p>
        <p><button type="submit" disabled={!ready}>{s('credential.check')}</button></p>
      </form>
      {result && (
        <>
          <VerdictView result={result} revokedAt={revokedAt} s={s} lang={lang} />
          {result.credential && <Summary summary={result.credential} s={s} lang={lang} />}
        </>
      )}
    </div>
  );
}

function Summary({ summary, s, lang }: { summary: CredentialSummary; s: (key: string) => string; lang: string }) {
  return (
    <dl className="certificate-facts">
      <div><dt>{s('credential.achievement')}</dt><dd>{summary.achievement.name}</dd></div>
      <div><dt>{s('credential.awardedTo')}</dt><dd>{summary.subject.name ?? summary.subject.identifier}</dd></div>
      <div><dt>{s('credential.issuedBy')}</dt><dd>{summary.issuer.name}</dd></div>
      <div><dt>{s('credential.date')}</dt><dd>{Number.isNaN(Date.parse(summary.validFrom)) ? summary.validFrom : formatDate(summary.validFrom, lang)}</dd></div>
      {summary.achievement.alignment.length > 0 && <div><dt>{s('credential.alignment')}</dt><dd>{summary.achievement.alignment.map((item) => `${item.framework} ${item.framework === 'ESCO' ? item.name : item.code}`).join(', ')}</dd></div>}
    </dl>
  );
}
