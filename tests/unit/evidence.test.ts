import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/progress/canonical-json.ts';
import { HttpError } from '../../src/progress/errors.ts';
import { readEvidence, sniffImage } from '../../src/progress/evidence.ts';

/** Evidence photos are recognised by their bytes; validation records are signed over one canonical form. */
describe('evidence photos', () => {
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
  const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);

  it('knows JPEG, PNG and WebP by their magic bytes, and nothing else', () => {
    expect(sniffImage(jpeg)).toBe('image/jpeg');
    expect(sniffImage(png)).toBe('image/png');
    expect(sniffImage(webp)).toBe('image/webp');
    expect(sniffImage(Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt '))).toBeNull();
    expect(sniffImage(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImage(Buffer.alloc(0))).toBeNull();
  });

  it('refuses what is not base64, too large, or not the declared type, with the field named', () => {
    const refusal = (evidence: Parameters<typeof readEvidence>[0]) => {
      try {
        readEvidence(evidence, 'body.evidence');
      } catch (error) {
        return error as HttpError;
      }
      throw new Error('accepted');
    };
    expect(readEvidence({ contentType: 'image/webp', data: webp.toString('base64') }, 'body.evidence').content.equals(webp)).toBe(true);
    expect(refusal({ contentType: 'image/png', data: 'not base64!' })).toMatchObject({ status: 400, field: 'body.evidence.data' });
    expect(refusal({ contentType: 'image/png', data: Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]).toString('base64') })).toMatchObject({ status: 413, code: 'evidence-too-large' });
    expect(refusal({ contentType: 'image/png', data: jpeg.toString('base64') })).toMatchObject({ status: 400, field: 'body.evidence.contentType' });
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every level, keeps arrays in order, leaves out undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { y: null, x: 'é' }], c: true }, e: undefined })).toBe('{"a":{"c":true,"d":[3,{"x":"é","y":null}]},"b":1}');
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
  });

  it('refuses numbers JSON cannot carry', () => {
    expect(() => canonicalJson({ level: Number.NaN })).toThrow(/not allowed|finite/);
  });
});
