import type { AstroIntegration } from 'astro';
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RelaisConfig } from '../config/relais-config.ts';
import { loadLibrary } from '../content/read-library-fs.ts';
import { formatReport } from '../content/report.ts';
import type { AstroIntegrationLogger } from 'astro';

/** Loads and checks the library, printing every message as path:line:col. */
function checkLibrary(contentDir: string, logger: AstroIntegrationLogger) {
  const loaded = loadLibrary(contentDir);
  const withMessages = loaded.library.files.filter((file) => file.messages.length > 0);
  if (withMessages.length > 0) (loaded.errors > 0 ? logger.error : logger.warn).call(logger, `\n${formatReport(withMessages)}`);
  return loaded;
}
import { buildSearchIndex } from './search-index-fs.ts';
import { serveFolder } from './serve-folder-fs.ts';

/**
 * Wires Relais into Astro: the library is checked before anything is built (so bad content
 * fails with path:line:col, not with a stack trace), media are served and copied, and the
 * Pagefind index is written after the pages.
 */
export function relaisIntegration(config: RelaisConfig): AstroIntegration {
  const contentDir = path.resolve(config.contentDir);
  const mediaDir = path.join(contentDir, 'media');
  return {
    name: 'relais',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (!existsSync(contentDir)) throw new Error(`Content folder not found: ${contentDir}. Set contentDir in relais.config.ts or RELAIS_CONTENT_DIR.`);
        const { library, errors } = checkLibrary(contentDir, logger);
        if (errors > 0 && command === 'build') {
          const error = new Error(`The library has ${errors} error${errors === 1 ? '' : 's'} (listed above as file:line:col). Fix them and build again.`);
          error.stack = error.message; // the list above says where; a stack trace would only hide it
          throw error;
        }
        logger.info(`library: ${library.modules.size} modules, ${library.trades.size} trades, ${library.skills.size} skills`);
      },
      'astro:server:setup': ({ server, logger }) => {
        server.middlewares.use(serveFolder('/media/', mediaDir));
        // Search in `astro dev` uses the index of the last build, if there is one.
        server.middlewares.use(serveFolder('/pagefind/', path.resolve(config.outDir, 'pagefind')));
        // Re-check the library as the author saves, so mistakes show up in the terminal at once.
        let timer: NodeJS.Timeout | undefined;
        server.watcher.on('all', (_event, file) => {
          if (!path.resolve(file).startsWith(contentDir + path.sep)) return;
          clearTimeout(timer);
          timer = setTimeout(() => {
            const { errors, warnings } = checkLibrary(contentDir, logger);
            if (errors + warnings === 0) logger.info('library: no problem found');
          }, 200);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        if (existsSync(mediaDir)) cpSync(mediaDir, path.join(outDir, 'media'), { recursive: true });
        const { pages, errors } = await buildSearchIndex(outDir);
        if (errors.length > 0) throw new Error(`Search index failed: ${errors.join('; ')}`);
        logger.info(`search index: ${pages} module pages`);
      },
    },
  };
}
