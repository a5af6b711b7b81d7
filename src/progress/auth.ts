import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceContext } from './context.ts';
import { forbidden, unauthorized } from './errors.ts';
import type { Principal, PrincipalKind } from './principal.ts';
import { apprenticeOfToken } from './queries/apprentices.ts';
import { findClient } from './queries/clients.ts';
import { tutorOfSession } from './queries/tutors.ts';
import { sha256, verifySecret } from './secrets.ts';

export const tutorCookie = 'relais_tutor';
export const apprenticeCookie = 'relais_apprentice';
/**
 * A stale token or cookie (a browser's apprentice or tutor) is answered with a Bearer challenge
 * (RFC 6750): a Basic one would make the browser open its own login prompt over the page.
 */
const bearerChallenge = { 'WWW-Authenticate': 'Bearer realm="Relais", error="invalid_token"' };

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index < 1) continue;
    const name = part.slice(0, index).trim();
    try {
      cookies[name] = decodeURIComponent(part.slice(index + 1).trim());
    } catch {
      // A malformed cookie is ignored, like a missing one.
    }
  }
  return cookies;
}

export function setCookie(reply: FastifyReply, request: FastifyRequest, name: string, value: string, maxAgeSeconds: number): void {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  const cookie = `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure}`;
  const existing = reply.getHeader('set-cookie');
  reply.header('set-cookie', existing === undefined ? [cookie] : [...(Array.isArray(existing) ? existing : [String(existing)]), cookie]);
}

export function clearCookie(reply: FastifyReply, request: FastifyRequest, name: string): void {
  setCookie(reply, request, name, '', 0);
}

const kindsText: Record<PrincipalKind, string> = {
  'admin-client': 'an administrator client (HTTP Basic)',
  'centre-client': 'a centre client (HTTP Basic)',
  tutor: 'a tutor (session)',
  apprentice: 'an apprentice (token)',
};

/**
 * Finds who is calling: HTTP Basic (an integration client), `Bearer rt_…` (tutor session),
 * `Bearer ra_…` (apprentice token), or the HttpOnly cookies `relais_tutor` / `relais_apprentice`.
 * Verified client secrets are kept for a minute (by a SHA-256 of key and secret), so scrypt
 * runs once per client and minute, not once per request.
 */
export class Authenticator {
  readonly #context: ServiceContext;
  readonly #verified = new Map<string, { principal: Principal; digest: Buffer; until: number }>();

  constructor(context: ServiceContext) {
    this.#context = context;
  }

  async #client(key: string, secret: string): Promise<Principal | null> {
    const now = this.#context.clock.now();
    const digest = Buffer.from(sha256(`${key}:${secret}`), 'hex');
    const cached = this.#verified.get(key);
    if (cached && cached.until > now && timingSafeEqual(cached.digest, digest)) return cached.principal;
    const row = await findClient(this.#context.db, key);
    if (!row || !(await verifySecret(secret, row.secret_hash))) return null;
    const principal: Principal = row.centre_id ? { kind: 'centre-client', key, name: row.name, centreId: row.centre_id } : { kind: 'admin-client', key, name: row.name };
    if (this.#verified.size > 1000) this.#verified.clear();
    this.#verified.set(key, { principal, digest, until: now + 60_000 });
    return principal;
  }

  async #token(token: string): Promise<Principal | null> {
    const hash = sha256(token);
    if (token.startsWith('rt_')) {
      const tutor = await tutorOfSession(this.#context.db, hash, this.#context.clock.now());
      return tutor ? { kind: 'tutor', tutorId: tutor.id, centreId: tutor.centre_id, name: tutor.name, tokenHash: hash } : null;
    }
    if (token.startsWith('ra_')) {
      const apprentice = await apprenticeOfToken(this.#context.db, hash);
      return apprentice ? { kind: 'apprentice', apprenticeId: apprentice.id, centreId: apprentice.centre_id, tokenHash: hash } : null;
    }
    return null;
  }

  /**
   * The caller if they are one of `allowed`; 401 without (valid) credentials, 403 with
   * credentials of another kind. `authorization` and `cookie` may come from the alternate
   * request syntax's form.
   */
  async authenticate(
    headers: { authorization?: string | undefined; cookie?: string | undefined },
    allowed: readonly PrincipalKind[],
    challenge?: Record<string, string>,
  ): Promise<Principal> {
    const expected = allowed.map((kind) => kindsText[kind]).join(' or ');
    const authorization = headers.authorization?.trim();
    if (authorization) {
      const [scheme, value = ''] = authorization.split(/\s+/, 2);
      let principal: Principal | null = null;
      if (scheme?.toLowerCase() === 'basic') {
        const decoded = Buffer.from(value, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon > 0) principal = await this.#client(decoded.slice(0, colon), decoded.slice(colon + 1));
        if (!principal) throw unauthorized('Unknown client key or wrong secret', 'Use the `key` and `secret` printed by `relais client create`.', challenge);
      } else if (scheme?.toLowerCase() === 'bearer') {
        principal = await this.#token(value);
        if (!principal) throw unauthorized('Unknown or expired token', 'Log in again (tutors) or recover your account with your recovery code (apprentices).', challenge && bearerChallenge);
      } else {
        throw unauthorized(`Unexpected authorization scheme \`${scheme}\`, expected Basic or Bearer`, undefined, challenge);
      }
      if (!allowed.includes(principal.kind)) throw forbidden(`This route is for ${expected}, not ${kindsText[principal.kind]}`);
      return principal;
    }
    const cookies = parseCookies(headers.cookie);
    let sawCookie = false;
    for (const [name, kind] of [
      [tutorCookie, 'tutor'],
      [apprenticeCookie, 'apprentice'],
    ] as const) {
      const token = cookies[name];
      if (!token) continue;
      sawCookie = true;
      if (!allowed.includes(kind)) continue;
      const principal = await this.#token(token);
      if (principal?.kind === kind) return principal;
    }
    if (sawCookie && !allowed.some((kind) => kind === 'tutor' || kind === 'apprentice')) throw forbidden(`This route is for ${expected}`);
    throw unauthorized(`This route needs credentials: ${expected}`, undefined, sawCookie ? challenge && bearerChallenge : challenge);
  }
}

/** True when a principal authenticated with a cookie (then unsafe requests need a same-origin Origin). */
export function usesCookie(headers: { authorization?: string | undefined }): boolean {
  return !headers.authorization;
}
