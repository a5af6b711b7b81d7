import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Intrinsic size of a picture (SVG, PNG, JPEG, GIF, WebP), read from its first bytes, so that
 * `<img width height>` reserves its place before it loads (no layout shift on a slow network).
 */
export function imageSize(file: string): { width: number; height: number } | undefined {
  let buffer: Buffer;
  try {
    const handle = openSync(file, 'r');
    buffer = Buffer.alloc(64 * 1024);
    const read = readSync(handle, buffer, 0, buffer.length, 0);
    closeSync(handle);
    buffer = buffer.subarray(0, read);
  } catch {
    return undefined;
  }
  if (buffer.subarray(1, 4).toString('latin1') === 'PNG') return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
  if (buffer.subarray(0, 3).toString('latin1') === 'GIF') return { width: buffer.readUInt16LE(6), height: buffer.readUInt16LE(8) };
  if (buffer.subarray(0, 4).toString('latin1') === 'RIFF' && buffer.subarray(8, 12).toString('latin1') === 'WEBP') return webpSize(buffer);
  if (buffer[0] === 0xff && buffer[1] === 0xd8) return jpegSize(buffer);
  const text = buffer.toString('utf8');
  const svg = /<svg\b[^>]*>/.exec(text)?.[0];
  if (svg) {
    const attribute = (name: string) => new RegExp(`\\s${name}="([\\d.]+)(?:px)?"`).exec(svg)?.[1];
    const [width, height] = [attribute('width'), attribute('height')];
    if (width && height) return { width: Math.round(Number(width)), height: Math.round(Number(height)) };
    const box = /\sviewBox="[\d.-]+[\s,]+[\d.-]+[\s,]+([\d.]+)[\s,]+([\d.]+)"/.exec(svg);
    if (box) return { width: Math.round(Number(box[1])), height: Math.round(Number(box[2])) };
  }
  return undefined;
}

function jpegSize(buffer: Buffer): { width: number; height: number } | undefined {
  let offset = 2;
  while (offset + 9 < buffer.length) {
    if (buffer[offset] !== 0xff) return undefined;
    const marker = buffer[offset + 1]!;
    const length = buffer.readUInt16BE(offset + 2);
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: buffer.readUInt16BE(offset + 5), width: buffer.readUInt16BE(offset + 7) };
    }
    offset += 2 + length;
  }
  return undefined;
}

function webpSize(buffer: Buffer): { width: number; height: number } | undefined {
  const format = buffer.subarray(12, 16).toString('latin1');
  if (format === 'VP8X') return { width: 1 + buffer.readUIntLE(24, 3), height: 1 + buffer.readUIntLE(27, 3) };
  if (format === 'VP8L') {
    const bits = buffer.readUInt32LE(21);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  if (format === 'VP8 ') return { width: buffer.readUInt16LE(26) & 0x3fff, height: buffer.readUInt16LE(28) & 0x3fff };
  return undefined;
}
