import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleRules } from '../../src/check/check-module.ts';
import { applyEdits, fixOf } from '../../src/check/fix.ts';
import { ruleCatalogue } from '../../src/check/rule-catalogue.ts';
import { formatReport } from '../../src/content/report.ts';
import { checkLibraryFiles, checkSourcesLibrary } from '../helpers/check-sources.ts';

/**
 * One folder per rule (tests/fixtures/check/<rule>/): `bad.mdx` must give exactly the lines of
 * `expected.txt` (positions included), `good.mdx` nothing at all, and, for a fixable rule,
 * `--fix` must turn `bad.mdx` into `fixed.mdx`. Each module is checked inside the same small
 * library (tests/helpers/check-sources.ts) as `modules/plomberie/<bad|good>.mdx`.
 */
const root = path.resolve(import.meta.dirname, '../fixtures/check');
const cases = readdirSync(root).sort();

function check(name: string, kind: 'bad' | 'good' | 'fixed') {
  const text = readFileSync(path.join(root, name, `${kind}.mdx`), 'utf8');
  const library = checkSourcesLibrary({ ...checkLibraryFiles(), [`modules/plomberie/${kind}.mdx`]: text });
  const file = library.files.find((candidate) => candidate.path === `content/modules/plomberie/${kind}.mdx`)!;
  const others = library.files.filter((candidate) => candidate !== file && candidate.messages.length > 0);
  return { text, file, others, lines: formatReport([file]).split('\n').slice(0, -1).map((line) => line.replace('content/modules/plomberie/', '')) };
}

describe('rule fixtures', () => {
  it('cover every rule that reads a module', () => {
    const covered = new Set(cases);
    for (const [ruleId] of moduleRules) expect(covered, `tests/fixtures/check/${ruleId}/`).toContain(ruleId);
    for (const ruleId of ['mdx-syntax', 'skills-list']) expect(covered).toContain(ruleId);
  });

  describe.each(cases)('%s', (name) => {
    it('reports bad.mdx exactly as expected.txt says', () => {
      const { lines, others } = check(name, 'bad');
      const expected = readFileSync(path.join(root, name, 'expected.txt'), 'utf8').trimEnd().split('\n');
      expect(lines).toEqual(expected);
      expect(lines.some((line) => line.endsWith(`  ${name}  relais`))).toBe(true);
      expect(others).toEqual([]);
    });

    it('finds nothing in good.mdx', () => {
      expect(check(name, 'good').lines).toEqual([]);
    });

    const fixable = 'fixable' in ruleCatalogue[name as keyof typeof ruleCatalogue];
    if (fixable) {
      it('fixes bad.mdx into fixed.mdx, leaving nothing else to fix', () => {
        const { text, file } = check(name, 'bad');
        const edits = file.messages.map(fixOf).filter((edit) => edit !== undefined);
        expect(edits.length).toBeGreaterThan(0);
        expect(applyEdits(text, edits).text).toBe(readFileSync(path.join(root, name, 'fixed.mdx'), 'utf8'));
        expect(check(name, 'fixed').file.messages.filter((message) => fixOf(message) !== undefined)).toEqual([]);
      });
    } else {
      it('has no fixed.mdx (the rule has no safe fix)', () => {
        expect(existsSync(path.join(root, name, 'fixed.mdx'))).toBe(false);
      });
    }
  });
});
