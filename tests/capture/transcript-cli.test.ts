import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Runs `relais transcript …` as a user would, from the project root. */
function relais(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/relais.mjs', 'transcript', ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const fixture = (name: string) => `tests/fixtures/transcripts/${name}`;

describe('relais transcript parse', () => {
  it('prints exactly {"cues":[{"id","start","end","speaker","text"}]} with --json', () => {
    const { code, stdout, stderr } = relais('parse', fixture('fr-tapissier-d0009.vtt'), '--json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const output = JSON.parse(stdout) as { cues: Record<string, unknown>[] };
    expect(Object.keys(output)).toEqual(['cues']);
    expect(output.cues).toHaveLength(220);
    expect(Object.keys(output.cues[0] ?? {})).toEqual(['id', 'start', 'end', 'speaker', 'text']);
    expect(stdout.startsWith('{"cues":[{"id":"c1","start":2.113,"end":2.919,"speaker":"L2","text":"bon, autre chose."}')).toBe(true);
  });

  it('honours --format and warns on stderr about a Windows-1252 file', () => {
    const { code, stdout, stderr } = relais('parse', fixture('fr-electronicien-d0005.cp1252.crlf.srt'), '--format', 'srt', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).cues).toHaveLength(127);
    expect(stderr).toBe(`${fixture('fr-electronicien-d0005.cp1252.crlf.srt')}:4:11  warning  The file is not valid UTF-8; it was read as Windows-1252. Check its accented letters, and save it as UTF-8 to be sure\n`);
  });

  it('prints a readable listing without --json', () => {
    const { code, stdout } = relais('parse', fixture('fr-tapissier-d0009.timestamped.txt'));
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('00:00:02.000 → …  L2: bon, autre chose. on a nos, nos chaises qui ont besoin de refaire. est-ce que tu connais des, un endroit où je pourrais les laisser pour le rempaillage ?');
    expect(lines.at(-1)).toBe('116 cues (txt), speakers: L2, L1, $L1');
  });

  it.each([
    ['invalid/empty.txt', [], '1:1', 'The file is empty; expected a transcript in WebVTT, SubRip, Whisper JSON or plain text'],
    ['invalid/recording.m4a', [], '1:1', 'Unexpected binary data, expected a text transcript'],
    ['invalid/truncated.whisper.json', [], '21:12', 'The JSON ends before it is complete'],
    ['invalid/segment-without-start.json', [], '4:5', 'Segment 1 has no `start`, expected seconds as a number'],
    ['invalid/timing-letters.srt', [], '6:25', 'Unexpected `a` in the timing line, expected two digits'],
    ['invalid/not-subrip.srt', [], '1:1', 'Unexpected `Ceci est un compte rendu, pas…`, expected a cue number or a timing line'],
    ['invalid/srt-named.vtt', [], '1:1', 'Unexpected `1`, expected `WEBVTT` at the start of the file'],
    ['invalid/not-subrip.srt', ['--format', 'whisper'], '1:1', "Invalid JSON: Unexpected token 'C'"],
    ['fr-tapissier-d0009.srt', ['--format', 'vtt'], '1:1', 'Unexpected `1`, expected `WEBVTT`'],
  ])('rejects %s %j: exit 1, file:line:col on stderr, nothing on stdout', (name, options, where, message) => {
    const { code, stdout, stderr } = relais('parse', fixture(name), ...options, '--json');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(stderr.slice(0, `${fixture(name)}:${where}  error  ${message}`.length)).toBe(`${fixture(name)}:${where}  error  ${message}`);
  });

  it('says what is wrong with the command line', () => {
    expect(relais('parse', 'missing.vtt', '--json')).toMatchObject({ code: 1, stdout: '', stderr: 'missing.vtt:1:1  error  Cannot read the file (ENOENT); check the path\n' });
    expect(relais('parse', fixture('fr-tapissier-d0009.vtt'), '--format', 'ass')).toMatchObject({ code: 1, stdout: '' });
    expect(relais('convert')).toMatchObject({ code: 1, stdout: '' });
  });
});
