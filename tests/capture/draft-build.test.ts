import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { captureCases, draftCase, writeLibraryFor } from './capture-cases.ts';

/**
 * Drafts must compile in the real Astro build: the fixture library plus two drafts (French and
 * English, from real and example transcripts), set to `published` so that the build renders them.
 */
const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'relais-draft-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const picked = ['jean-martin-2026-09-14-vtt', 'en-washing-machine-repair-vtt'].map((name) => captureCases().find((testCase) => testCase.name === name)!);

describe('drafts in a real build', () => {
  const content = path.join(work, 'content');
  const dist = path.join(work, 'dist');
  let output = '';
  beforeAll(async () => {
    cpSync(path.join(root, 'tests/fixtures/library'), content, { recursive: true });
    for (const testCase of picked) {
      const draft = draftCase(testCase);
      writeLibraryFor(content, testCase, draft.segmentation.language);
      const target = path.join(content, 'modules', testCase.trade.id, `${testCase.name}.mdx`);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, draft.mdx.replace('\nstatus: draft\n', '\nstatus: published\n'));
      copyFileSync(testCase.input, path.join(content, 'media', path.basename(testCase.input)));
    }
    const result = await buildSite({ contentDir: content, outDir: dist, cacheDir: path.join(work, 'cache') });
    output = result.output;
    expect(result.code, output).toBe(0);
  });

  it('renders each draft with its know-how components and clips', () => {
    const french = readFileSync(path.join(dist, 'plomberie/jean-martin-2026-09-14-vtt/index.html'), 'utf8');
    expect(french).toContain('<span class="step-key"><b>Point clé :</b>');
    expect(french).toMatch(/<time datetime="PT8M42S">00:08:42<\/time>/);
    expect(french).toMatch(/class="knowhow safety"/);
    const english = readFileSync(path.join(dist, 'electromenager/en-washing-machine-repair-vtt/index.html'), 'utf8');
    expect(english).toContain('<html lang="en"');
    expect(english).toContain('<span class="step-why"><b>Why:</b>');
    expect(existsSync(path.join(dist, 'media/en-washing-machine-repair.vtt'))).toBe(true);
  });
});
