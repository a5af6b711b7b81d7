import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

// The W3C/WPT/vtt.js conformance set (tests/fixtures/webvtt-conformance/README.md), run through
// the real command, one process per case, as its runner intends.
it('passes all 99 cases of the WebVTT conformance set through `relais transcript parse --json`', () => {
  const result = spawnSync(
    process.execPath,
    ['tests/fixtures/webvtt-conformance/check.mjs', '--jobs', '2', '--', process.execPath, 'bin/relais.mjs', 'transcript', 'parse', '{file}', '--json'],
    { cwd: root, encoding: 'utf8', timeout: 110_000 },
  );
  const lines = result.stdout.trimEnd().split('\n');
  expect(lines.filter((line) => line.startsWith('FAIL'))).toEqual([]);
  expect(lines.at(-1)).toBe('99 passed, 0 failed');
  expect(result.status).toBe(0);
});
