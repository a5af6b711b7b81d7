import type { APIRoute } from 'astro';
import { localizedUrl, textDirection, translator, type UiLanguage } from '../../../i18n/strings.ts';
import { appIcons } from '../../../integration/app-icons.ts';
import { generatedFolder } from '../../lib/offline.ts';
import { localizedStaticPaths } from '../../lib/routes.ts';

/** The web app manifest of each UI language (`/manifest.webmanifest`, `/en/manifest.webmanifest`…): one installable app. */
export const getStaticPaths = () => localizedStaticPaths();

export const GET: APIRoute = ({ props }) => {
  const lang = (props as { lang: UiLanguage }).lang;
  const t = translator(lang);
  const manifest = {
    id: '/',
    name: t('site.name'),
    short_name: t('site.name'),
    description: t('site.tagline'),
    lang,
    dir: textDirection(lang),
    start_url: localizedUrl(lang, '/'),
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#0b5d7a',
    icons: [
      { src: `${generatedFolder}icons/icon.svg`, sizes: 'any', type: 'image/svg+xml' },
      ...appIcons
        .filter((icon) => !icon.file.startsWith('apple'))
        .map((icon) => ({ src: `${generatedFolder}icons/${icon.file}`, sizes: `${icon.size}x${icon.size}`, type: 'image/png', purpose: icon.maskable ? 'maskable' : 'any' })),
    ],
  };
  return new Response(JSON.stringify(manifest), { headers: { 'Content-Type': 'application/manifest+json' } });
};
