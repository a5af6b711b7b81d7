import type { Library } from '../../content/library.ts';
import { reportError } from '../../content/report.ts';
import { idPattern } from '../../schemas/index.ts';

/** First URL segments the site uses itself; a trade with one of these ids would hide a page. */
export const reservedTradeIds = new Set([
  'en', 'ar', 'competences', 'parcours', 'auteurs', 'glossaire', 'recherche', 'progression', 'tuteur',
  'pagefind', 'media', 'api', 'xapi', 'assets', 'verifier', 'attestation', '404', 'hors-ligne', '_relais', '_astro', 'validation', 'dossier',
]);

/** File names are ids (they become URLs and xAPI activity ids), so they must be plain kebab-case. */
export function checkIds(library: Library): void {
  const groups = [library.trades, library.skills, library.authors, library.paths] as const;
  for (const group of groups) {
    for (const entry of group.values()) {
      if (!idPattern.test(entry.id)) {
        reportError(entry.file, `Unexpected file name \`${entry.id}\`, expected lowercase letters, digits and hyphens (e.g. \`brasage-cuivre\`): rename the file`, undefined, 'invalid-id');
      }
    }
  }
  for (const entry of library.modules.values()) {
    if (!entry.id.split('/').every((part) => idPattern.test(part))) {
      reportError(entry.file, `Unexpected module path \`${entry.id}\`, expected \`<trade>/<slug>\` in lowercase letters, digits and hyphens: rename the file`, undefined, 'invalid-id');
    }
  }
  for (const entry of library.trades.values()) {
    if (reservedTradeIds.has(entry.id)) {
      reportError(entry.file, `Unexpected trade id \`${entry.id}\`: the site uses \`/${entry.id}/\` for its own pages; rename the file`, undefined, 'invalid-id');
    }
  }
}
