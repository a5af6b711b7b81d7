import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { pageWeight } from '../../scripts/lib/page-weight.ts';

/** Module pages found in a built site: `<trade>/<slug>/index.html`, outside the language folders. */
function modulePages(dist: string): string[] {
  const reserved = new Set(['en', 'ar', 'competences', 'parcours', 'auteurs', 'glossaire', 'recherche', 'hors-ligne', 'progression', 'tuteur', 'validation', 'dossier', 'pagefind', 'media']);
  return readdirSync(dist, { withFileTypes: true })
    // `_astro/`, `_relais/`: the build's own files (an id cannot start with `_`).
    .filter((entry) => entry.isDirectory() && !reserved.has(entry.name) && !entry.name.startsWith('_'))
    .flatMap((trade) =>
      readdirSync(path.join(dist, trade.name), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((slug) => `${trade.name}/${slug.name}/index.html`),
    );
}

describe('page-weight budget of the example library (DESIGN.md, "JavaScript budget")', () => {
  const dist = inject('exampleDist');
  const pages = modulePages(dist);

  it('finds every published module page', () => {
    expect(pages.length).toBeGreaterThanOrEqual(15);
  });

  it.each(pages)('%s: HTML + CSS + JS ≤ 30 KB gzipped, JS ≤ 15 KB', (page) => {
    const weight = pageWeight(dist, page);
    expect(weight.total).toBeLessThanOrEqual(30 * 1024);
    expect(weight.js).toBeLessThanOrEqual(15 * 1024);
    // The page must carry its interactive parts: if JS vanished, the budget would pass for the wrong reason.
    expect(weight.js).toBeGreaterThan(200);
  });
});
