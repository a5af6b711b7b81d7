import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/content/read-library-fs.ts';
import { captureCases, writeLibraryFor } from './capture-cases.ts';

const root = path.resolve(import.meta.dirname, '../..');
const transcripts = path.join(root, 'tests/fixtures/transcripts');
const invalid = path.join(transcripts, 'invalid');
const work = mkdtempSync(path.join(tmpdir(), 'relais-capture-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `relais …` as a user would (non-TTY), in the project folder. */
function relais(args: string[], nodeOptions: string[] = []) {
  const result = spawnSync(process.execPath, [...nodeOptions, path.join(root, 'bin/relais.mjs'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const washing = captureCases().find((testCase) => testCase.name === 'en-washing-machine-repair-vtt')!;
let content = '';

/** A fresh library: the fixture library plus the appliance-repair trade, its skills and its author. */
beforeEach(() => {
  content = mkdtempSync(path.join(work, 'content-'));
  cpSync(path.join(root, 'tests/fixtures/library'), content, { recursive: true });
  writeLibraryFor(content, washing, 'en');
});

const errorsOf = (dir: string) => {
  const { library, errors } = loadLibrary(dir);
  return { errors, messages: library.files.flatMap((file) => file.messages.filter((m) => m.fatal).map((m) => `${file.path}:${m.line} ${m.reason}`)) };
};

describe('relais interview', () => {
  it('prints a French guide for a trade, with its skills, and the English one with --lang en', () => {
    const fr = relais(['interview', 'menuiserie', '--content', content]);
    expect(fr.code).toBe(0);
    expect(fr.stdout).toMatch(/^# Guide d’entretien : Menuiserie\n/);
    for (const heading of ['## Avant d’enregistrer', '## 2. Les étapes, avec le point clé et la raison', '## 3. Les erreurs du débutant', '## 4. Ce que l’expert remarque', '## 5. Quand ça tourne mal', '## 6. Outils et matériel', '## 7. Sécurité', '## 8. Questions propres au métier : Menuiserie']) {
      expect(fr.stdout).toContain(heading);
    }
    expect(fr.stdout).toContain('### Raboter');
    expect(fr.stdout).toContain('|  # | Étape (ce qu’on fait) | Point clé (ce qu’on surveille) | Pourquoi |');
    // The trade's ROME fiche (H2206) gives its core competences, with the licence's attribution.
    expect(fr.stdout).toMatch(/Compétences de la fiche ROME H2206/);
    expect(fr.stdout).toMatch(/_Compétences : France Travail - Répertoire Opérationnel des Métiers et des Emplois \(ROME 4\.0\), ROME 4\.0 version 60/);
    const en = relais(['interview', 'electromenager', '--lang', 'en', '--content', content]);
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/^# Interview guide: Appliance repair\n/);
    expect(en.stdout).toContain('"What do you see, hear or feel that a beginner does not notice?"');
    expect(en.stdout).toContain('### Find the cause of a fault');
  });

  it('writes the guide to --out', () => {
    const out = path.join(content, 'guide.md');
    const result = relais(['interview', 'menuiserie', '--out', out, '--content', content]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/^# Guide d’entretien/);
  });

  it('refuses an unknown trade with the known ones, exit code 1', () => {
    const result = relais(['interview', 'plomberie', '--content', content]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('relais interview: unknown trade `plomberie`, expected one of `electromenager`, `jardinage`, `menuiserie`');
    expect(relais(['interview', 'menuiserie', '--lang', 'de', '--content', content]).code).toBe(1);
  });
});

describe('relais ingest', () => {
  it('writes a draft, its review checklist and the transcript copy, and the library stays valid', () => {
    const result = relais(['ingest', path.join(transcripts, 'en-washing-machine-repair.vtt'), '--trade', 'electromenager', '--author', 'wizardtim', '--content', content]);
    expect(result.code, result.stderr).toBe(0);
    const draft = path.join(content, 'modules/electromenager/en-washing-machine-repair.mdx');
    expect(result.stdout).toContain(`→ ${draft}: `);
    expect(result.stdout).toMatch(/1 file: 1 draft written, \d+ warnings?, 0 failures\n$/);
    expect(result.stderr).not.toContain('\r');
    expect(readFileSync(draft, 'utf8')).toMatch(/^---\ntitle: .*\n[\s\S]*source:\n {2}transcript: media\/en-washing-machine-repair\.vtt\nstatus: draft\n/);
    expect(readFileSync(path.join(content, 'review/electromenager/en-washing-machine-repair.review.md'), 'utf8')).toMatch(/^# Review: /);
    expect(readFileSync(path.join(content, 'media/en-washing-machine-repair.vtt'))).toEqual(readFileSync(path.join(transcripts, 'en-washing-machine-repair.vtt')));
    expect(errorsOf(content)).toEqual({ errors: 0, messages: [] });
  });

  it('takes the only author of the trade, and proposes the trade from the words, with warnings', () => {
    const result = relais(['ingest', path.join(transcripts, 'en-washing-machine-repair.srt'), '--content', content]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/en-washing-machine-repair\.srt:1:1 {2}warning {2}No --trade: `electromenager` was chosen from shared words/);
    expect(result.stderr).toMatch(/No --author: `wizardtim`, the only author of `electromenager`/);
  });

  it('never replaces a module that is not a draft: writes beside it and says so', () => {
    const published = path.join(content, 'modules/electromenager/en-washing-machine-repair.mdx');
    mkdirSync(path.dirname(published), { recursive: true });
    const original = '---\ntitle: Réparer une alimentation\nsummary: Déjà relu.\ntrade: electromenager\nskills: [diagnostiquer-panne]\nlevel: 2\nduration: 20\nlanguage: fr\nauthors: [wizardtim]\nstatus: reviewed\n---\n\nTexte relu par le centre.\n';
    writeFileSync(published, original);
    const args = ['ingest', path.join(transcripts, 'en-washing-machine-repair.vtt'), '--trade', 'electromenager', '--author', 'wizardtim', '--content', content];
    const first = relais(args);
    expect(first.code, first.stderr).toBe(0);
    const beside = path.join(content, 'modules/electromenager/en-washing-machine-repair-draft.mdx');
    expect(first.stderr).toContain(`${published} is not a draft, so it was kept: the new draft is ${beside}`);
    expect(readFileSync(published, 'utf8')).toBe(original);
    expect(readFileSync(beside, 'utf8')).toContain('status: draft');
    // Ingesting again replaces the draft beside it (a draft may be replaced), never the reviewed module.
    const second = relais(args);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`→ ${beside} (replaced the previous draft)`);
    expect(readFileSync(published, 'utf8')).toBe(original);
    expect(existsSync(path.join(content, 'modules/electromenager/en-washing-machine-repair-draft-2.mdx'))).toBe(false);
  });

  it('goes through a folder: a bad file fails alone, the others are drafted, the exit code says so', () => {
    const folder = path.join(content, '..', `batch-${path.basename(content)}`);
    mkdirSync(folder);
    copyFileSync(path.join(transcripts, 'en-washing-machine-repair.vtt'), path.join(folder, 'a-good.vtt'));
    copyFileSync(path.join(transcripts, 'en-washing-machine-repair.whisper.json'), path.join(folder, 'b-good.json'));
    copyFileSync(path.join(invalid, 'truncated.whisper.json'), path.join(folder, 'c-truncated.json'));
    copyFileSync(path.join(invalid, 'empty.txt'), path.join(folder, 'd-empty.txt'));
    writeFileSync(path.join(folder, 'README.md'), 'not a transcript: skipped');
    const result = relais(['ingest', folder, '--trade', 'electromenager', '--author', 'wizardtim', '--content', content]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/4 files: 2 drafts written, \d+ warnings?, 2 failures\n$/);
    expect(result.stderr).toMatch(new RegExp(`${path.join(folder, 'c-truncated.json').replace(/[/.]/g, '\\$&')}:\\d+:\\d+ {2}error {2}The JSON ends before it is complete`));
    expect(result.stderr).toContain(`${path.join(folder, 'd-empty.txt')}:1:1  error  The file is empty`);
    for (const slug of ['a-good', 'b-good']) expect(existsSync(path.join(content, `modules/electromenager/${slug}.mdx`))).toBe(true);
    expect(errorsOf(content).errors).toBe(0);
  });

  it('refuses a recording given by mistake (binary), with file:line:col and exit code 1', () => {
    const result = relais(['ingest', path.join(invalid, 'recording.m4a'), '--trade', 'electromenager', '--author', 'wizardtim', '--content', content]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/recording\.m4a:\d+:\d+ {2}error {2}Unexpected binary data, expected a text transcript/);
    expect(result.stdout).toMatch(/1 file: 0 drafts written, \d+ warnings?, 1 failure/);
    expect(result.stderr).not.toMatch(/\n {4}at /); // no stack trace
  });

  it('drafts a transcript whose times go backwards or overlap, warning where', () => {
    const file = path.join(content, '..', `odd-times-${path.basename(content)}.vtt`);
    writeFileSync(
      file,
      'WEBVTT\n\n00:00:10.000 --> 00:00:14.000\n<v Q>Par quoi commencez-vous ?\n\n00:00:05.000 --> 00:00:09.000\n<v S>D’abord on débranche l’appareil, parce que le condensateur peut faire mal.\n\n00:00:08.000 --> 00:00:20.000\n<v S>Ensuite on démonte le capot.\n\n00:00:12.000 --> 00:00:13.000\n<v Q>Et si ça ne marche pas ?\n',
    );
    const result = relais(['ingest', file, '--trade', 'electromenager', '--author', 'wizardtim', '--interviewer', 'Q', '--content', content]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/warning {2}1 cue start before the cue above \(first: cue 2\); the file's order was kept/);
  });

  it('refuses a 200 MB file by its size, without reading it (bounded memory)', () => {
    const big = path.join(work, 'huge.vtt');
    const fd = openSync(big, 'w');
    const chunk = Buffer.from(`WEBVTT\n\n${'00:00:01.000 --> 00:00:02.000\nune ligne de sous-titre assez longue pour remplir\n\n'.repeat(12_000)}`);
    let written = 0;
    while (written < 200 * 1024 * 1024) written += writeSync(fd, chunk);
    closeSync(fd);
    const probe = `const { main } = await import(${JSON.stringify(path.join(root, 'src/cli/main.ts'))}); const code = await main(${JSON.stringify(['ingest', big, '--trade', 'electromenager', '--author', 'wizardtim', '--content', content])}); console.error('MAXRSS ' + process.resourceUsage().maxRSS); process.exitCode = code;`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: root, encoding: 'utf8' });
    rmSync(big);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/huge\.vtt:1:1 {2}error {2}The file is 20\d MB, more than a transcript can be \(limit 64 MB/);
    const maxRss = Number(/MAXRSS (\d+)/.exec(result.stderr)?.[1]) * 1024;
    expect(maxRss).toBeLessThan(200 * 1024 * 1024);
  });

  it('exits 1 with what is wrong for bad arguments', () => {
    expect(relais(['ingest']).code).toBe(1);
    const trade = relais(['ingest', path.join(transcripts, 'en-washing-machine-repair.vtt'), '--trade', 'nope', '--content', content]);
    expect(trade.code).toBe(1);
    expect(trade.stderr).toContain('relais ingest: unknown trade `nope`, expected one of `electromenager`, `jardinage`, `menuiserie`');
    const author = relais(['ingest', path.join(transcripts, 'en-washing-machine-repair.vtt'), '--author', 'nobody', '--content', content]);
    expect(author.code).toBe(1);
    expect(author.stderr).toContain('relais ingest: unknown author `nobody`');
    const missing = relais(['ingest', path.join(content, 'none.vtt'), '--content', content]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read');
  });
});
