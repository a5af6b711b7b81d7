import type { AstroIntegration } from 'astro';
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RelaisConfig } from '../config/relais-config.ts';
import { readUiLanguages } from '../i18n/languages-fs.ts';
import { generatedFolder } from '../site/lib/offline.ts';
import { appIcons, iconPng, iconSvg } from './app-icons.ts';
import { shareCheckedLibrary } from '../content/checked-library.ts';
import { checkBeforeBuild } from './check-before-build.ts';
import { writeImageVariants } from './image-variants-fs.ts';
import { buildOffline } from './offline-fs.ts';
import { releaseMemory } from './release-memory.ts';
import { buildSearchIndex } from './search-index-fs.ts';
import { serveFolder } from './serve-folder-fs.ts';

/**
 * Wires Relais into Astro: the library is checked before anything is built (so bad content
 * fails with path:line:col, not with a stack trace), media are served and copied, and the
 * Pagefind index is written after the pages, then what makes the site work offline and
 * installable (icons, download lists, the service worker: offline-fs.ts).
 */
export function relaisIntegration(config: RelaisConfig): AstroIntegration {
  const contentDir = path.resolve(config.contentDir);
  const mediaDir = path.join(contentDir, 'media');
  return {
    name: 'relais',
    hooks: {
      'astro:config:setup': async ({ command, logger, updateConfig }) => {
        // Pages register the service worker only in a build (it exists only there); `astro dev`
        // removes one left by a build served on the same port. Not NODE_ENV: tests build under `test`.
        updateConfig({ vite: { define: { __RELAIS_SERVICE_WORKER__: JSON.stringify(command === 'build') } } });
        if (!existsSync(contentDir)) throw new Error(`Content folder not found: ${contentDir}. Set contentDir in relais.config.ts or RELAIS_CONTENT_DIR.`);
        const { library, errors } = await checkBeforeBuild(contentDir, config.check, logger);
        if (errors > 0 && command === 'build') {
          const error = new Error(`The library has ${errors} error${errors === 1 ? '' : 's'} (listed above as file:line:col). Fix them and build again.`);
          error.stack = error.message; // the list above says where; a stack trace would only hide it
          throw error;
        }
        // The modules loader takes the frontmatter the checker parsed (src/content/checked-library.ts).
        if (command === 'build') shareCheckedLibrary(library);
        logger.info(`library: ${library.modules.size} modules, ${library.trades.size} trades, ${library.skills.size} skills`);
      },
      'astro:server:setup': ({ server, logger }) => {
        server.middlewares.use(serveFolder('/media/', mediaDir));
        // Search in `astro dev` uses the index of the last build, if there is one.
        server.middlewares.use(serveFolder('/pagefind/', path.resolve(config.outDir, 'pagefind')));
        // App icons are drawn by the build; `astro dev` draws them on request.
        server.middlewares.use((request, response, next) => {
          const pathname = (request.url ?? '').split('?')[0]!;
          const prefix = `${generatedFolder}icons/`;
          if (!pathname.startsWith(prefix)) return next();
          const name = pathname.slice(prefix.length);
          const spec = appIcons.find((icon) => icon.file === name);
          if (spec) response.setHeader('Content-Type', 'image/png').end(iconPng(spec));
          else if (name === 'icon.svg') response.setHeader('Content-Type', 'image/svg+xml').end(iconSvg());
          else next();
        });
        // Re-check the library as the author saves, so mistakes show up in the terminal at once.
        let timer: NodeJS.Timeout | undefined;
        server.watcher.on('all', (_event, file) => {
          if (!path.resolve(file).startsWith(contentDir + path.sep)) return;
          clearTimeout(timer);
          timer = setTimeout(async () => {
            const { errors, warnings } = await checkBeforeBuild(contentDir, config.check, logger);
            if (errors + warnings === 0) logger.info('library: no problem found');
          }, 200);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        if (existsSync(mediaDir)) cpSync(mediaDir, path.join(outDir, 'media'), { recursive: true });
        const variants = await writeImageVariants(outDir);
        if (variants > 0) logger.info(`pictures: ${variants} smaller copies for small screens`);
        // Pagefind runs beside this process: give back what rendering left first (release-memory.ts).
        const gcStarted = performance.now();
        const memory = releaseMemory();
        const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GiB`;
        logger.info(`JavaScript memory (heap and buffers) before the search index: ${gib(memory.before)}, ${gib(memory.after)} after garbage collection (${Math.round(performance.now() - gcStarted)} ms)`);
        const indexStarted = performance.now();
        const { pages, errors } = await buildSearchIndex(outDir);
        if (errors.length > 0) throw new Error(`Search index failed: ${errors.join('; ')}`);
        // Pagefind reads every page but indexes only those marked data-pagefind-body (published modules).
        logger.info(`search index written (${pages} pages read) in ${Math.round(performance.now() - indexStarted)} ms`);
        const started = performance.now();
        const offline = await buildOffline(outDir, readUiLanguages().map((language) => language.code));
        for (const warning of offline.warnings) logger.warn(`service worker: ${warning}`);
        const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`;
        logger.info(`offline: app shell ${offline.precache.files} files, ${kib(offline.precache.bytes)}; ${offline.packs.length} downloads (largest ${kib(Math.max(0, ...offline.packs.map((pack) => pack.bytes)))}) in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
