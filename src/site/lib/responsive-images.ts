/**
 * Smaller copies of raster pictures for small screens: `media/glossaire/four.jpg` at 320 and
 * 640 px wide is `/_relais/img/320/glossaire/four.webp` and `/_relais/img/640/…`. Picture.astro
 * lists them in `srcset`; the build writes them (src/integration/image-variants-fs.ts).
 */
import { generatedFolder } from './offline.ts';

export const imageWidths = [320, 640] as const;

export const isRasterImage = (file: string): boolean => /\.(png|jpe?g|webp)$/i.test(file);

/** Widths worth a copy: smaller than the original. */
export const variantWidths = (intrinsicWidth: number): number[] => imageWidths.filter((width) => width < intrinsicWidth);

/** URL of the copy of `media/…` at `width` px. */
export const imageVariantUrl = (src: string, width: number): string =>
  `${generatedFolder}img/${width}/${src.replace(/^\/?media\//, '').replace(/\.[^./]+$/, '')}.webp`;
