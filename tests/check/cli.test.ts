import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'relais-check-cli-'));
const library = path.join(work, 'library');
const display = path.relative(root, library);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const relais = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'bin/relais.mjs'), 'check', ...args], { cwd: root, encoding: 'utf8' });

/** A module with one of each safe fix to make: timestamp, duplicate skill, final `/`, glossary word. */
const fixable = `---
title: Poncer une planche
summary: Poncer dans le fil pour une surface douce.
trade: menuiserie
skills: [rabotage, rabotage]
level: 1
duration: 10
language: fr
authors: [paul-bois]
status: published
---

On ponce toujours dans le fil du bois, après avoir vu [le rabotage](/menuiserie/raboter-planche).

<Clip at="0:02" />

<Safety>

Portez un masque : la poussière de bois irrite.

</Safety>

<Steps>

1. **Poncer.** Point clé : grain fin à la fin. Pourquoi : les rayures disparaissent.

</Steps>
`;
const modulePath = path.join(library, 'modules/menuiserie/poncer.mdx');

beforeEach(() => {
  rmSync(library, { recursive: true, force: true });
  cpSync(path.join(root, 'tests/fixtures/library'), library, { recursive: true });
  writeFileSync(modulePath, fixable);
});

describe('relais check (command line)', () => {
  it('prints path:line:col  severity  message  rule  relais and a summary; exit 0 with warnings only', () => {
    const result = relais('--content', library);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`${display}/modules/menuiserie/poncer.mdx:5:20  warning  Unexpected skill \`rabotage\` listed twice, expected each skill once: \`[rabotage]\`  skills-list  relais`);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(/^0 errors, \d+ warnings in \d+ files?$/);
  });

  it('--fix applies the safe fixes, says what it changed, and leaves nothing to fix', () => {
    const result = relais('--content', library, '--fix');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Fixed 4 problems:');
    expect(result.stdout).toContain(`${display}/modules/menuiserie/poncer.mdx:15:7  fixed  Unexpected \`at="0:02"\` on \`<Clip>\`, expected \`at="00:00:02"\` (\`hh:mm:ss\`)  clip-timestamp`);
    const fixed = readFileSync(modulePath, 'utf8');
    expect(fixed).toContain('skills: [rabotage]\n');
    expect(fixed).toContain('On ponce toujours dans le <Term>fil du bois</Term>, après avoir vu [le rabotage](/menuiserie/raboter-planche/).');
    expect(fixed).toContain('<Clip at="00:00:02" />');
    expect(fixed.replace(/skills: .*\n/, '').replace('<Term>fil du bois</Term>', 'fil du bois').replace('planche/)', 'planche)').replace('00:00:02', '0:02')).toBe(fixable.replace(/skills: .*\n/, ''));
    const again = relais('--content', library, '--fix');
    expect(again.stdout).toContain('Nothing to fix.');
    expect(again.stdout).not.toContain('poncer.mdx');
  });

  it('--format json gives the messages with their fixes, and exit 1 on errors', () => {
    writeFileSync(modulePath, fixable.replace('<Safety>', '<Video />\n\n<Safety>'));
    const result = relais('--content', library, '--format', 'json');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.errors).toBe(1);
    const error = report.messages.find((message: { severity: string }) => message.severity === 'error');
    expect(error).toMatchObject({ file: `${display}/modules/menuiserie/poncer.mdx`, line: 17, column: 1, ruleId: 'unknown-component', source: 'relais' });
    const clip = report.messages.find((message: { ruleId: string }) => message.ruleId === 'clip-timestamp');
    expect(clip.fix).toEqual({ line: 15, column: 7, endLine: 15, endColumn: 16, text: 'at="00:00:02"' });
  });

  it('--quiet reports errors only', () => {
    const result = relais('--content', library, '--quiet');
    expect(result.stdout).not.toContain('  warning  ');
    expect(result.stdout).toMatch(/^0 errors in 0 files \(\d+ warnings not shown\)$/m);
  });

  it('reports only the paths given, checked within their library', () => {
    writeFileSync(path.join(library, 'modules/menuiserie/autre.mdx'), fixable.replace('Poncer une planche', 'Autre').replace('[rabotage, rabotage]', '[rabotage, inconnue]'));
    const one = relais('--content', library, modulePath);
    expect(one.stdout).toContain('poncer.mdx');
    expect(one.stdout).not.toContain('autre.mdx');
    expect(one.status).toBe(0);
    const folder = relais('--content', library, path.join(library, 'modules'));
    expect(folder.stdout).toContain(`${display}/modules/menuiserie/autre.mdx:5:20  error  Unexpected skill \`inconnue\``);
    expect(folder.status).toBe(1);
  });

  it('says what is wrong with its arguments', () => {
    expect(relais('--format', 'xml').stderr).toContain('--format xml: expected `pretty` or `json`');
    expect(relais('nowhere.mdx').stderr).toContain('nowhere.mdx: no such file or folder');
  });
});
