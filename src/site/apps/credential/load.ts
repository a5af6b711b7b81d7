import type { TrustedKey } from '../../../credentials/verify.ts';

/** Text of a credential and its revocation status from the service (same origin), or why not. */
export type Loaded = { ok: true; text: string; revokedAt: string | null } | { ok: false; problem: 'not-found' | 'unreachable' };

export async function loadCredential(id: string): Promise<Loaded> {
  try {
    const [credential, status] = await Promise.all([fetch(`/api/credentials/${encodeURIComponent(id)}`), fetch(`/api/credentials/${encodeURIComponent(id)}/status`)]);
    if (credential.status === 404 || credential.status === 400) return { ok: false, problem: 'not-found' };
    if (!credential.ok) return { ok: false, problem: 'unreachable' };
    const revokedAt = status.ok ? ((await status.json()) as { revokedAt: string | null }).revokedAt : null;
    return { ok: true, text: await credential.text(), revokedAt };
  } catch {
    return { ok: false, problem: 'unreachable' };
  }
}

/** The keys the service trusts, when online; undefined offline (the signature is still checked). */
export async function loadTrustedKeys(): Promise<TrustedKey[] | undefined> {
  try {
    const response = await fetch('/api/credential-issuers');
    if (!response.ok) return undefined;
    return ((await response.json()) as { keys: TrustedKey[] }).keys;
  } catch {
    return undefined;
  }
}

export const idFromLocation = (): string | null => new URLSearchParams(globalThis.location?.search ?? '').get('id');

/** A date in the page's language, without the time. */
export const formatDate = (iso: string, lang: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
