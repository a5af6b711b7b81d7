import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reservedTradeIds } from '../../src/check/rules/ids.ts';
import { loadLibrary } from '../../src/content/read-library-fs.ts';
import { formatReport } from '../../src/content/report.ts';
import { generateLibrary } from '../../scripts/generate-library.ts';

const work = mkdtempSync(path.join(tmpdir(), 'relais-generate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the synthetic library for benchmarks', () => {
  const dir = path.join(work, 'a');
  const summary = generateLibrary(dir, 30);
  const { library, errors, warnings } = loadLibrary(dir);

  it('passes the schemas and the reference checks', () => {
    const report = formatReport(library.files.filter((file) => file.messages.length > 0));
    expect(errors, report).toBe(0);
    expect(warnings, report).toBe(0);
  });

  it('has the expected counts', () => {
    expect(summary).toMatchObject({ modules: 30, trades: 10, skills: 80, authors: 1, paths: 10 });
    expect(library.info).toBeDefined();
    expect(library.modules.size).toBe(30);
    expect(library.trades.size).toBe(10);
    expect(library.skills.size).toBe(80);
    expect(library.authors.size).toBe(1);
    expect(library.paths.size).toBe(10);
    expect([...library.glossaries.keys()].sort()).toEqual(['en', 'fr']);
    for (const trade of library.trades.keys()) expect(reservedTradeIds.has(trade)).toBe(false);
  });

  it('writes published modules that use the know-how components', () => {
    for (const module of library.modules.values()) {
      expect(module.data.status).toBe('published');
      expect([1, 2, 3]).toContain(module.data.level);
      for (const component of ['<Tools>', '<Steps>', '<Tip>', '<Checklist>', '<Quiz>', '<Term>']) expect(module.body, `${module.id} ${component}`).toContain(component);
      expect(module.body).toMatch(/<Safety>|<Mistake>/);
      expect(module.body).toMatch(/^1\. \*\*[^*]+\.\*\* (Point clé :|Key point:) .+ (Pourquoi :|Why:) .+$/m);
      expect(module.body).toMatch(/^- \[x\] /m);
      const words = module.body.replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean).length;
      expect(words).toBeGreaterThanOrEqual(400);
      expect(words).toBeLessThan(1100);
    }
    const withPrerequisites = [...library.modules.values()].filter((module) => module.data.prerequisites.length > 0);
    expect(withPrerequisites.length).toBeGreaterThan(0);
  });

  it('is deterministic for a seed', () => {
    const again = path.join(work, 'b');
    generateLibrary(again, 30);
    const files = (root: string): string[] =>
      readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
        .sort();
    expect(files(again)).toEqual(files(dir));
    for (const file of files(dir)) expect(readFileSync(path.join(again, file), 'utf8'), file).toBe(readFileSync(path.join(dir, file), 'utf8'));
  });
});
