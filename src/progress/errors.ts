import type { z } from 'zod';

/**
 * Errors the progress service answers with: an HTTP status, a stable code, a message saying
 * what is wrong (and where, for a field), and a hint saying what to do. The body is always
 * `{ "error": { "code", "message", "field"?, "hint"? } }` (docs/api.md, "Errors").
 */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly hint: string | undefined;
  readonly headers: Record<string, string>;

  constructor(status: number, code: string, message: string, options: { field?: string; hint?: string; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.field = options.field;
    this.hint = options.hint;
    this.headers = options.headers ?? {};
  }

  toBody(): { error: { code: string; message: string; field?: string; hint?: string } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field === undefined ? {} : { field: this.field }),
        ...(this.hint === undefined ? {} : { hint: this.hint }),
      },
    };
  }
}

export const badRequest = (code: string, message: string, options?: { field?: string; hint?: string }) => new HttpError(400, code, message, options);
export const unauthorized = (message: string, hint?: string, headers?: Record<string, string>) =>
  new HttpError(401, 'unauthorized', message, { ...(hint ? { hint } : {}), ...(headers ? { headers } : {}) });
export const forbidden = (message: string, hint?: string) => new HttpError(403, 'forbidden', message, hint ? { hint } : {});
export const notFound = (what: string, hint?: string) => new HttpError(404, 'not-found', what, hint ? { hint } : {});
export const conflict = (message: string, hint?: string) => new HttpError(409, 'conflict', message, hint ? { hint } : {});
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new HttpError(429, 'too-many-requests', message, { hint: `Wait ${retryAfterSeconds} s and try again.`, headers: { 'Retry-After': String(retryAfterSeconds) } });

/** `statements[0].actor.mbox` from a zod path under a root name. */
export function fieldPath(root: string, path: readonly PropertyKey[]): string {
  let text = root;
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : text ? `.${String(key)}` : String(key);
  return text;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return `\`${text.length > 60 ? `${text.slice(0, 57)}…` : text}\``;
}

/** zod's generic messages in this catalogue's form: "Expected …". */
function plainMessage(message: string): string {
  return message
    .replace(/^Invalid input: expected (\w+), received \w+$/, 'Expected $1')
    .replace(/^Invalid discriminator value\. Expected (.*)$/, (_all, options: string) => `Expected objectType ${options.replace(/'undefined'/, 'none').replace(/ \| /g, ', ')}`)
    .replace(/^Invalid option: expected one of (.*)$/, (_all, options: string) => `Expected one of ${options.replace(/\|/g, ', ')}`)
    .replace(/^Too small: expected string to have >=(\d+) characters?$/, (_all, n: string) => `Expected at least ${n} character${n === '1' ? '' : 's'}`)
    .replace(/^Too big: expected string to have <=(\d+) characters?$/, (_all, n: string) => `Expected at most ${n} character${n === '1' ? '' : 's'}`)
    .replace(/^Too small: expected number to be >=(-?[\d.]+)$/, 'Expected a number of at least $1')
    .replace(/^Too big: expected number to be <=(-?[\d.]+)$/, 'Expected a number of at most $1')
    .replace(/^Too small: expected array to have >=(\d+) items?$/, 'Expected at least $1 item(s)')
    .replace(/^Invalid input: expected int, received number$/, 'Expected a whole number');
}

/**
 * A 400 for the first problem zod found, in the form "field: what was expected, got what":
 * `statement.actor.mbox: Expected a \`mailto:\` IRI …, got \`"bob"\``.
 */
export function invalidInput(error: z.ZodError, input: unknown, root: string, code = 'invalid-request'): HttpError {
  const issue = error.issues[0]!;
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';
  const path = issue.path;
  let message = plainMessage(issue.message);
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => `\`${key}\``).join(', ');
    const field = fieldPath(root, path);
    return badRequest(code, `${field}: Unexpected propert${issue.keys.length > 1 ? 'ies' : 'y'} ${keys} (names are case-sensitive)${more}`, { field: fieldPath(root, [...path, issue.keys[0]!]) });
  }
  if (issue.code === 'invalid_key' && issue.issues[0]) message = plainMessage(issue.issues[0].message);
  if (issue.code === 'invalid_type' && valueAt(input, path) === undefined) {
    return badRequest(code, `${fieldPath(root, path)}: Expected a value (${issue.expected}), got nothing${more}`, { field: fieldPath(root, path) });
  }
  if (issue.code === 'invalid_type' && valueAt(input, path) === null) {
    return badRequest(code, `${fieldPath(root, path)}: Unexpected \`null\`, expected ${issue.expected} or no property at all${more}`, { field: fieldPath(root, path) });
  }
  const field = fieldPath(root, path);
  const got = issue.code === 'invalid_key' ? `\`${String(path.at(-1))}\`` : show(valueAt(input, path));
  return badRequest(code, `${field}: ${message.replace(/\.$/, '')}, got ${got}${more}`, { field });
}
