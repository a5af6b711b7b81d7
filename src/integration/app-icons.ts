import { crc32, deflateSync } from 'node:zlib';

/**
 * The Relais icon — a white caret on the site's blue — drawn from one description into SVG
 * (favicon, manifest) and PNG (installable app: Android wants 192 and 512 px PNGs, iOS a
 * 180 px touch icon). PNGs are rasterised here with signed distances and encoded with zlib:
 * no native image library in the build.
 */
const viewBox = 32;
const blue = [0x0b, 0x5d, 0x7a] as const;
const caret: readonly [number, number][] = [[7, 22], [16, 8], [25, 22]];
const strokeWidth = 3.5;
const cornerRadius = 6;

export interface IconSpec {
  file: string;
  size: number;
  /** Maskable icons fill the square (the launcher cuts the shape) and keep the caret in the safe zone. */
  maskable?: boolean;
}

export const appIcons: readonly IconSpec[] = [
  { file: 'icon-192.png', size: 192 },
  { file: 'icon-512.png', size: 512 },
  { file: 'maskable-512.png', size: 512, maskable: true },
  { file: 'apple-touch-icon.png', size: 180, maskable: true },
];

export function iconSvg(): string {
  const points = caret.map(([x, y]) => `${x} ${y}`).join(' ');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${viewBox} ${viewBox}"><rect width="${viewBox}" height="${viewBox}" rx="${cornerRadius}" fill="#0b5d7a"/><polyline points="${points}" fill="none" stroke="#fff" stroke-width="${strokeWidth}" stroke-linecap="round" stroke-linejoin="round"/></svg>\n`;
}

function distanceToSegment(px: number, py: number, [ax, ay]: readonly [number, number], [bx, by]: readonly [number, number]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function roundedSquareDistance(px: number, py: number, radius: number): number {
  const half = viewBox / 2;
  const qx = Math.abs(px - half) - (half - radius);
  const qy = Math.abs(py - half) - (half - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** RGBA pixels of the icon at `size` px. */
export function drawIcon({ size, maskable = false }: IconSpec): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const unit = viewBox / size; // icon units per pixel
  // A maskable icon's safe zone is the central circle of 80 % of the size: shrink the caret to 85 %.
  const scale = maskable ? 0.85 : 1;
  const half = viewBox / 2;
  const coverage = (distance: number) => Math.max(0, Math.min(1, 0.5 - distance / unit));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const px = (x + 0.5) * unit;
      const py = (y + 0.5) * unit;
      const background = maskable ? 1 : coverage(roundedSquareDistance(px, py, cornerRadius));
      const cx = half + (px - half) / scale;
      const cy = half + (py - half) / scale;
      let stroke = Infinity;
      for (let i = 0; i + 1 < caret.length; i++) stroke = Math.min(stroke, distanceToSegment(cx, cy, caret[i]!, caret[i + 1]!));
      const white = coverage((stroke - strokeWidth / 2) * scale);
      const offset = (y * size + x) * 4;
      for (let channel = 0; channel < 3; channel++) pixels[offset + channel] = Math.round(blue[channel]! * (1 - white) + 255 * white);
      pixels[offset + 3] = Math.round(255 * background);
    }
  }
  return pixels;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, checksum]);
}

/** Encodes RGBA pixels as a PNG (8-bit, colour type 6, no filtering). */
export function encodePng(pixels: Uint8Array, width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0;
    rows.set(pixels.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', new Uint8Array())]);
}

export const iconPng = (spec: IconSpec): Buffer => encodePng(drawIcon(spec), spec.size, spec.size);
