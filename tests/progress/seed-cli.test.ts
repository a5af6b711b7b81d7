import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

/** `npm run seed:example` as a command: its output, its refusals and its exit codes. */
const root = path.resolve(import.meta.dirname, '../..');

let dataDir = '';
function seed(args: string[]) {
  return spawnSync(process.execPath, [path.join(root, 'scripts/seed-example.ts'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', RELAIS_DATA_DIR: dataDir } });
}

describe('seed:example command', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'relais-seed-cli-'));
    dataDir = path.join(folder, 'data');
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('seeds a fresh database, prints the logins and writes them next to it; refuses it the second time', () => {
    const db = path.join(folder, 'exemple.db');
    const first = seed(['--db', db, '--dist', inject('exampleDist')]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/cohorts and apprentices: 8 cohorts, 246 apprentices/);
    expect(first.stdout).toMatch(/Tutor logins \(log in at \/tuteur\/\):\n {2}exemple-centre-espoir +login \S+ +password \S+/);
    expect(first.stdout).toContain(`(also written to ${db}.logins.txt)`);
    // No key in the data folder yet: the seed makes one, says so, and signs with it.
    expect(first.stdout).toContain(`Created the centre's signing key ${path.join(dataDir, 'keys', 'centre-ed25519.pem')} (as \`relais keys create\` does)`);
    expect(first.stdout).toMatch(/practical hours and validations: \d+ practical hours, [1-9]\d* validations by centre tutors, [1-9]\d* by companies \(each with its credential\)/);
    expect(first.stdout).toMatch(/path certificates: [1-9]\d* path certificates/);
    expect(readFileSync(`${db}.logins.txt`, 'utf8').split('\n').filter((line) => line.startsWith('exemple-'))).toHaveLength(11);
    const second = seed(['--db', db, '--dist', inject('exampleDist')]);
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/^Not seeded: SQLite .*exemple\.db already holds centres, apprentices or statements: the example goes into a fresh database\. Name another one with --db FILE, or add --force/);
  });

  it('says what is wrong with its arguments (exit code 2)', () => {
    const badSeed = seed(['--seed', 'abc']);
    expect(badSeed.status).toBe(2);
    expect(badSeed.stderr).toContain('--seed abc: expected a whole number');
    const unknown = seed(['--colour', 'red']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--colour'[\s\S]*Usage: npm run seed:example/);
  });

  it('without a built site, says to build first', () => {
    const result = seed(['--db', path.join(folder, 'other.db'), '--dist', path.join(folder, 'no-site')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Not seeded: No paths in .*no-site\/catalogue\.json: build the site first \(npm run build\)\./);
  });
});
