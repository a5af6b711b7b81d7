import { type FormEvent, useEffect, useState } from 'react';
import type { ValidationLinkPublicView } from '../../../schemas/validation-api.ts';
import { format, localText } from '../app-strings.ts';

interface Props {
  lang: string;
  strings: Record<string, string>;
}

type Choice = '1' | '2' | '3' | 'not-observed';
const photoLimit = 5 * 1024 * 1024;

async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string; hint?: string } };
    return [body.error?.message, body.error?.hint].filter(Boolean).join('. ') || `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/**
 * The company tutor's page (`/validation/#<token>`): no account, the token in the fragment (never
 * sent to a server log) is the only credential. Shows the skills with their level texts and
 * sends one validation, after which the link is spent.
 */
export default function ValidationApp({ lang, strings: s }: Props) {
  const [token, setToken] = useState<string | null>(null);
  const [link, setLink] = useState<ValidationLinkPublicView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [comments, setComments] = useState<Record<string, string>>({});
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<number | null>(null);

  useEffect(() => {
    const fromHash = decodeURIComponent(window.location.hash.slice(1));
    if (!fromHash) {
      setError(s['validation.noToken']!);
      return;
    }
    setToken(fromHash);
    fetch(`/api/validation-links/${encodeURIComponent(fromHash)}`, { cache: 'no-store' })
      .then(async (response) => {
        if (!response.ok) throw new Error(await errorMessage(response));
        setLink((await response.json()) as ValidationLinkPublicView);
      })
      .catch((caught: Error) => setError(caught.message));
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!link || !token) return;
    if (photo && photo.size > photoLimit) {
      setError(s['validation.photoTooLarge']!);
      return;
    }
    setSending(true);
    setError(null);
    try {
      const evidence = photo ? { contentType: photo.type, data: await readBase64(photo) } : undefined;
      const response = await fetch(`/api/validation-links/${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          validator: { name, role },
          skills: link.skills.map((skill) => {
            const choice = choices[skill.id] ?? 'not-observed';
            const comment = comments[skill.id]?.trim();
            return { skillId: skill.id, level: choice === 'not-observed' ? choice : Number(choice), ...(comment ? { comment } : {}) };
          }),
          ...(evidence ? { evidence } : {}),
        }),
      });
      if (!response.ok) throw new Error(await errorMessage(response));
      const body = (await response.json()) as { validations: unknown[] };
      setDone(body.validations.length);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setSending(false);
    }
  }

  if (done !== null) {
    return (
      <div role="status" className="app-notice">
        <p>{s['validation.done']}</p>
        <p>{format(s['validation.doneCount'], { count: done })}</p>
      </div>
    );
  }
  return (
    <div className="validation-app">
      {error && (
        <p role="alert" className="app-error">
          <strong>{s['validation.error']}</strong> {error}
        </p>
      )}
      {!link && !error && <p role="status">{s['validation.loading']}</p>}
      {link && (
        <form onSubmit={submit}>
          <p>{format(s['validation.intro'], { company: link.company, nickname: link.apprentice.nickname ?? '—', centre: link.centre.name })}</p>
          <p>{format(s['validation.expires'], { date: new Date(link.expiresAt).toLocaleDateString(lang) })}</p>
          {link.skills.map((skill) => (
            <fieldset key={skill.id} className="skill-choice">
              <legend>{localText(skill.label, lang)}</legend>
              {(['1', '2', '3'] as const).map((level) => (
                <label key={level} className="choice">
                  <input type="radio" name={`level-${skill.id}`} value={level} checked={choices[skill.id] === level} onChange={() => setChoices({ ...choices, [skill.id]: level })} />
                  <span>
                    <strong>{level}</strong> — {skill.levels[level]}
                  </span>
                </label>
              ))}
              <label className="choice">
                <input type="radio" name={`level-${skill.id}`} value="not-observed" checked={(choices[skill.id] ?? 'not-observed') === 'not-observed'} onChange={() => setChoices({ ...choices, [skill.id]: 'not-observed' })} />
                <span>{s['validation.notObserved']}</span>
              </label>
              <label className="field">
                <span>{s['validation.comment']}</span>
                <textarea name={`comment-${skill.id}`} maxLength={1000} rows={2} value={comments[skill.id] ?? ''} onChange={(event) => setComments({ ...comments, [skill.id]: event.target.value })} />
              </label>
            </fieldset>
          ))}
          <fieldset>
            <legend>{s['validation.validator']}</legend>
            <label className="field">
              <span>{s['validation.name']}</span>
              <input name="validator-name" required maxLength={120} autoComplete="name" value={name} onChange={(event) => setName(event.target.value)} />
            </label>
            <label className="field">
              <span>{s['validation.role']}</span>
              <input name="validator-role" required maxLength={120} autoComplete="organization-title" value={role} onChange={(event) => setRole(event.target.value)} />
            </label>
            <label className="field">
              <span>{s['validation.photo']}</span>
              <input name="photo" type="file" accept="image/jpeg,image/png,image/webp" onChange={(event) => setPhoto(event.target.files?.[0] ?? null)} />
            </label>
          </fieldset>
          <button type="submit" className="button" disabled={sending}>
            {sending ? s['validation.sending'] : s['validation.submit']}
          </button>
        </form>
      )}
    </div>
  );
}
