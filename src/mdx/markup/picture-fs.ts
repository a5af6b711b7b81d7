import path from 'node:path';
import { relaisConfig } from '../../config/current.ts';
import { attributes } from './escape.ts';
import { canResizeImages } from '../../integration/image-variants-fs.ts';
import { imageSize } from '../../site/lib/image-size-fs.ts';
import { imageVariantUrl, isRasterImage, variantWidths } from '../../site/lib/responsive-images.ts';

export interface PictureProps {
  /** `media/…`, relative to the content folder. */
  src: string;
  alt: string;
  class?: string;
  /** Displayed width, for `sizes`. */
  sizes?: string;
}

/**
 * A picture from content/media/: lazy, decoded off the main thread, with its intrinsic size so
 * the page does not jump when it arrives, and — for photos — smaller WebP copies in `srcset`
 * so a phone takes the one its screen needs.
 */
export function pictureHtml({ src, alt, class: className, sizes = '(max-width: 46rem) 100vw, 46rem' }: PictureProps, contentDir = relaisConfig.contentDir): string {
  const size = imageSize(path.resolve(contentDir, src));
  const widths = size && isRasterImage(src) && canResizeImages() ? variantWidths(size.width) : [];
  const srcset = widths.length > 0 ? [...widths.map((width) => `${imageVariantUrl(src, width)} ${width}w`), `/${src} ${size!.width}w`].join(', ') : undefined;
  return `<img${attributes({ class: className, src: `/${src}`, srcset, sizes: srcset ? sizes : undefined, alt, width: size?.width, height: size?.height, loading: 'lazy', decoding: 'async' })}>`;
}
