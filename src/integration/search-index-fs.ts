import * as pagefind from 'pagefind';
import path from 'node:path';

/**
 * Indexes the built site with Pagefind's Node API. Only module pages carry
 * `data-pagefind-body`, so only published modules are searchable. One index for all
 * languages (French stemming), so a language facet can be used instead of separate indexes.
 */
export async function buildSearchIndex(outDir: string): Promise<{ pages: number; errors: string[] }> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'fr' });
  if (!index) return { pages: 0, errors };
  try {
    const added = await index.addDirectory({ path: outDir, glob: '**/*.html' });
    if (added.errors.length > 0) return { pages: 0, errors: added.errors };
    const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
    return { pages: added.page_count, errors: written.errors };
  } finally {
    await pagefind.close();
  }
}
