import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { imageVariantUrl, isRasterImage, variantWidths } from '../site/lib/responsive-images.ts';

/** Whether this install can resize pictures (sharp, which Astro also uses, is present). */
export function canResizeImages(): boolean {
  try {
    createRequire(import.meta.url).resolve('sharp');
    return true;
  } catch {
    return false;
  }
}

function rasterFiles(folder: string): string[] {
  try {
    return readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && isRasterImage(entry.name))
      .map((entry) => path.join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

/**
 * Writes the 320 and 640 px WebP copies of every raster picture in dist/media that is wider, for
 * `srcset`: an old phone downloads a few dozen KB instead of a camera photo.
 */
export async function writeImageVariants(outDir: string): Promise<number> {
  const files = rasterFiles(path.join(outDir, 'media'));
  if (files.length === 0 || !canResizeImages()) return 0;
  const { default: sharp } = await import('sharp');
  let written = 0;
  for (const file of files) {
    const relative = path.relative(outDir, file).split(path.sep).join('/');
    const { width } = await sharp(file).metadata();
    for (const target of variantWidths(width ?? 0)) {
      const out = path.join(outDir, imageVariantUrl(relative, target));
      mkdirSync(path.dirname(out), { recursive: true });
      await sharp(file).resize({ width: target }).webp({ quality: 70 }).toFile(out);
      written++;
    }
  }
  return written;
}
