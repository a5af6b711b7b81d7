import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/check/check-content-fs.ts';
import { threadsFor } from '../../src/check/check-modules-parallel-fs.ts';
import { formatJsonReport } from '../../src/check/format-json.ts';
import { resolveRelaisConfig } from '../../src/config/relais-config.ts';
import { formatReport } from '../../src/content/report.ts';
import { checkLibraryFiles, testMedia } from '../helpers/check-sources.ts';

/**
 * The module checks run in worker threads for large libraries (check-modules-parallel-fs.ts).
 * The report must not depend on it: same messages, places, rule ids, severities, fixes and
 * order with no thread, one worker or several. The library holds every rule fixture's bad
 * module (so every module rule and a syntax error report something), a draft, and a module
 * whose frontmatter fails its schema (checked for its safety only).
 */
const fixtures = path.resolve(import.meta.dirname, '../fixtures/check');
const work = mkdtempSync(path.join(tmpdir(), 'relais-check-threads-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function writeLibrary(dir: string): void {
  const files: Record<string, string> = { ...checkLibraryFiles() };
  for (const rule of readdirSync(fixtures).sort()) files[`modules/plomberie/${rule}.mdx`] = readFileSync(path.join(fixtures, rule, 'bad.mdx'), 'utf8');
  files['modules/plomberie/sans-schema.mdx'] = '---\ntitle: Sans schéma\nlevel: douze\n---\n\n<Script>alert(1)</Script>\n\n{process.exit(1)}\n';
  for (const name of testMedia) files[name] = 'media';
  // A 10-minute transcript, as the rule fixtures assume (clip-beyond-recording).
  files['media/entretien.vtt'] = 'WEBVTT\n\n00:00:01.000 --> 00:00:05.000\nBonjour.\n\n00:09:55.000 --> 00:10:00.000\nFin.\n';
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

async function reportWith(threads: number, contentDir: string) {
  const before = process.env.RELAIS_CHECK_THREADS;
  process.env.RELAIS_CHECK_THREADS = String(threads);
  try {
    const result = await checkContent({ contentDir, config: resolveRelaisConfig({}, {}).check });
    const withMessages = result.files.filter((file) => file.messages.length > 0);
    return { pretty: formatReport(withMessages), json: formatJsonReport(result.files), errors: result.errors, warnings: result.warnings };
  } finally {
    if (before === undefined) delete process.env.RELAIS_CHECK_THREADS;
    else process.env.RELAIS_CHECK_THREADS = before;
  }
}

describe('checking modules in worker threads', () => {
  const contentDir = path.join(work, 'content');
  writeLibrary(contentDir);

  it('gives the same report, in the same order, with 1, 2 and 4 threads', async () => {
    const alone = await reportWith(1, contentDir);
    // Not a trivial comparison: every module rule and the syntax check report something.
    const rules = new Set((JSON.parse(alone.json) as { messages: { ruleId: string }[] }).messages.map((message) => message.ruleId));
    for (const rule of readdirSync(fixtures)) expect(rules, rule).toContain(rule);
    expect(alone.errors).toBeGreaterThan(10);
    expect(alone.warnings).toBeGreaterThan(3);
    expect(alone.pretty).toMatch(/sans-schema\.mdx:\d+:\d+ +error .*unknown-component/);
    for (const threads of [2, 4]) {
      const parallel = await reportWith(threads, contentDir);
      expect(parallel.pretty, `${threads} threads`).toBe(alone.pretty);
      expect(parallel.json, `${threads} threads`).toBe(alone.json);
    }
  });

  it('uses no thread for a small library, the cores for a large one, and RELAIS_CHECK_THREADS when set', () => {
    const before = process.env.RELAIS_CHECK_THREADS;
    delete process.env.RELAIS_CHECK_THREADS;
    try {
      expect(threadsFor(10)).toBe(1);
      expect(threadsFor(1000)).toBeGreaterThanOrEqual(1);
      process.env.RELAIS_CHECK_THREADS = '3';
      expect(threadsFor(1000)).toBe(3);
      expect(threadsFor(2)).toBe(2);
      process.env.RELAIS_CHECK_THREADS = 'many';
      expect(threadsFor(10)).toBe(1);
    } finally {
      if (before === undefined) delete process.env.RELAIS_CHECK_THREADS;
      else process.env.RELAIS_CHECK_THREADS = before;
    }
  });
});
