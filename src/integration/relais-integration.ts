import type { AstroIntegration } from 'astro';
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RelaisConfig } from '../config/relais-config.ts';
import { loadLibrary } from '../content/read-library-fs.ts';
import { formatReport } from '../content/report.ts';
import { buildSearchIndex } from './search-index-fs.ts';
import { serveMedia } from './serve-media-fs.ts';

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
      'astro:config:setup': ({ command, logger, addWatchFile }) => {
        if (!existsSync(contentDir)) throw new Error(`Content folder not found: ${contentDir}. Set contentDir in relais.config.ts or RELAIS_CONTENT_DIR.`);
        const { library, errors } = loadLibrary(contentDir);
        const withMessages = library.files.filter((file) => file.messages.length > 0);
        if (withMessages.length > 0) (errors > 0 ? logger.error : logger.warn).call(logger, `\n${formatReport(withMessages)}`);
        for (const file of library.files) if (file.path) addWatchFile(path.resolve(file.path));
        if (errors > 0 && command === 'build') {
          const error = new Error(`The library has ${errors} error${errors === 1 ? '' : 's'} (listed above as file:line:col). Fix them and build again.`);
          error.stack = error.message; // the list above says where; a stack trace would only hide it
          throw error;
        }
        logger.info(`library: ${library.modules.size} modules, ${library.trades.size} trades, ${library.skills.size} skills`);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(serveMedia(mediaDir));
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
