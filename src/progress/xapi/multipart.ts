import { randomBytes } from 'node:crypto';

export interface MimePart {
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: Buffer;
}

/** The `boundary` parameter of a multipart Content-Type, or null. */
export function boundaryOf(contentType: string): string | null {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/**
 * Splits a multipart/mixed body (RFC 2046) into its parts. Throws with a message saying what is
 * malformed; the caller answers 400.
 */
export function parseMultipart(body: Buffer, contentType: string): MimePart[] {
  const boundary = boundaryOf(contentType);
  if (!boundary) throw new Error('multipart/mixed without a `boundary` parameter in Content-Type');
  const delimiter = Buffer.from(`--${boundary}`);
  let position = body.indexOf(delimiter);
  if (position < 0) throw new Error(`no part delimiter \`--${boundary}\` in the body`);
  const parts: MimePart[] = [];
  for (;;) {
    position += delimiter.length;
    if (body[position] === 0x2d && body[position + 1] === 0x2d) break; // closing delimiter `--boundary--`
    const lineEnd = body.indexOf('\n', position);
    if (lineEnd < 0) throw new Error('a part delimiter is not followed by a line break');
    const start = lineEnd + 1;
    let next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), start);
    let endOfContent = next;
    if (next < 0) {
      next = body.indexOf(Buffer.concat([Buffer.from('\n'), delimiter]), start);
      endOfContent = next;
      if (next < 0) throw new Error(`part ${parts.length + 1} is not closed by \`--${boundary}\``);
      next += 1;
    } else {
      next += 2;
    }
    parts.push(parsePart(body.subarray(start, endOfContent), parts.length + 1));
    position = next;
  }
  return parts;
}

function parsePart(raw: Buffer, index: number): MimePart {
  let headerEnd = raw.indexOf('\r\n\r\n');
  let separator = 4;
  if (raw.subarray(0, 2).toString() === '\r\n') {
    headerEnd = 0;
    separator = 2;
  } else if (headerEnd < 0) {
    headerEnd = raw.indexOf('\n\n');
    separator = 2;
    if (headerEnd < 0) throw new Error(`part ${index} has no blank line after its headers`);
  }
  const headers: Record<string, string> = {};
  for (const line of raw.subarray(0, headerEnd).toString('latin1').split(/\r?\n/)) {
    if (!line.trim()) continue;
    const colon = line.indexOf(':');
    if (colon < 0) throw new Error(`part ${index} has a malformed header line \`${line}\``);
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body: raw.subarray(headerEnd + separator) };
}

/** A multipart/mixed body and its Content-Type. */
export function buildMultipart(parts: { headers: Record<string, string>; body: Buffer | string }[]): { contentType: string; body: Buffer } {
  const boundary = `relais-${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const headers = Object.entries(part.headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    chunks.push(Buffer.from(`--${boundary}\r\n${headers}\r\n`), Buffer.isBuffer(part.body) ? part.body : Buffer.from(part.body), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: Buffer.concat(chunks) };
}
