import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'relais-bad-inputs-'));
const library = path.join(work, 'library');
const display = path.relative(root, library);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const frontmatter = 'title: Un module\nsummary: Un résumé.\ntrade: menuiserie\nskills: [rabotage]\nlevel: 1\nduration: 10\nlanguage: fr\nauthors: [paul-bois]\nstatus: draft\n';

/** The classic YAML "billion laughs": nine levels of aliases, each nine times the one before. */
const aliasBomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((name, index) => {
  const previous = 'abcdefghi'[index]!;
  return `${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(',')}]`;
})].join('\n');

let output = '';
let status: number | null = null;
let seconds = 0;

beforeAll(() => {
  cpSync(path.join(root, 'tests/fixtures/library'), library, { recursive: true });
  const modules = path.join(library, 'modules/menuiserie');
  // A picture saved as .mdx: the PNG signature (with its CR LF and LF), then NUL bytes.
  writeFileSync(path.join(modules, 'photo.mdx'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  // Saved in Latin-1 by an old editor: `é` is the single byte 0xE9.
  writeFileSync(path.join(modules, 'latin1.mdx'), Buffer.concat([Buffer.from(`---\n${frontmatter}---\n\nLe bois est coup`), Buffer.from([0xe9]), Buffer.from('.\n')]));
  // 5 MB of text: far more than one module, refused before it is parsed.
  writeFileSync(path.join(modules, 'enorme.mdx'), `---\n${frontmatter}---\n\n${'Le rabot glisse dans le fil du bois. '.repeat(140_000)}\n`);
  writeFileSync(path.join(library, 'glossary/en.yaml'), `${aliasBomb}\n`);
  const started = performance.now();
  const result = spawnSync(process.execPath, [path.join(root, 'bin/relais.mjs'), 'check', '--content', library], { cwd: root, encoding: 'utf8' });
  seconds = (performance.now() - started) / 1000;
  output = result.stdout + result.stderr;
  status = result.status;
});

describe('bad inputs get a clear message, never a crash', () => {
  it('exits 1 with a report, not a stack trace, quickly', () => {
    expect(status).toBe(1);
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).toMatch(/^4 errors, \d+ warnings? in \d+ files$/m);
    expect(seconds).toBeLessThan(30);
  });

  it('names a binary file', () => {
    expect(output).toContain(`${display}/modules/menuiserie/photo.mdx:3:1  error  Unexpected binary content (a NUL byte), expected UTF-8 text: is this really a content file? Remove it, or save it as text  file-encoding  relais`);
  });

  it('points at the first byte that is not UTF-8', () => {
    expect(output).toContain(`${display}/modules/menuiserie/latin1.mdx:13:17  error  Unexpected byte 0xE9 that is not UTF-8, expected UTF-8 text: save the file as UTF-8`);
  });

  it('refuses a 5 MB module before parsing it', () => {
    expect(output).toContain(`${display}/modules/menuiserie/enorme.mdx:1:1  error  Unexpected module of 5.2 MB, expected at most 1 MB: a module is one piece of know-how an apprentice studies in one go; split it into several modules  file-size  relais`);
  });

  it('stops a YAML alias bomb', () => {
    expect(output).toMatch(new RegExp(`${display.replace(/[.]/g, '\\.')}/glossary/en\\.yaml:1:1  error  Invalid YAML: Excessive alias count indicates a resource exhaustion attack  yaml-syntax  relais`));
  });
});
