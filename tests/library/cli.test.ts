import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture, fixtureLibrary, root, snapshot, temporaryFolder } from './archive-helpers.ts';

const work = temporaryFolder('library-cli');
afterAll(() => rmSync(work, { recursive: true, force: true }));
const relais = (...args: string[]) => {
  const run = spawnSync(process.execPath, [path.join(root, 'bin/relais.mjs'), ...args], { cwd: work, encoding: 'utf8' });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
};

describe('relais pack, import, libraries from the command line', () => {
  const archive = path.join(work, 'fixture.tar.gz');

  it('relais pack says what it packed', () => {
    const run = relais('pack', '--content', fixtureLibrary, '--out', archive);
    expect(run.out).toMatch(/^Packed Fixture library 1\.0\.0 \(fixture-centre\): 4 modules, 16 files, [\d.]+ KB → .*fixture\.tar\.gz$/m);
    expect(run.status).toBe(0);
  });

  it('relais import --dry-run lists the changes and writes nothing', () => {
    const content = path.join(work, 'content');
    const run = relais('import', archive, '--dry-run', '--content', content);
    expect(run.status).toBe(0);
    expect(run.out).toMatch(/^ {2}add {2}modules\/menuiserie\/raboter-planche\.mdx {2}new module \(CC-BY-4\.0, by paul-bois\)$/m);
    expect(run.out).toMatch(/16 added, 0 updated, 0 merged, 0 unchanged, 0 kept yours, 0 conflicts, 0 removed upstream\nDry run: nothing written\.$/m);
    expect(existsSync(content)).toBe(false);
  });

  it('a clash of ids exits 1 with the conflicts and how to resolve them; --prefix imports', () => {
    const content = copyFixture(path.join(work, 'local'));
    const before = snapshot(content);
    const run = relais('import', archive, '--content', content);
    expect(run.status).toBe(1);
    expect(run.out).toMatch(/^ {2}conflict {2}modules\/jardinage\/prune-a-rose\.mdx {2}a local module has the id `jardinage\/prune-a-rose`: it is kept; import with --prefix <id>/m);
    expect(run.out).toMatch(/Nothing imported: 4 module ids already used here\.$/m);
    expect(snapshot(content)).toEqual(before);
    const prefixed = relais('import', archive, '--content', content, '--prefix', 'ext');
    expect(prefixed.status).toBe(0);
    expect(existsSync(path.join(content, 'modules/jardinage/ext-prune-a-rose.mdx'))).toBe(true);
    const listed = relais('libraries', '--content', content, '--json');
    expect(JSON.parse(listed.out)).toEqual([expect.objectContaining({ name: 'Fixture library', version: '1.0.0', modules: 4, prefix: 'ext' })]);
    const check = relais('check', '--content', content, '--quiet');
    expect(check.out).toMatch(/^0 errors/m);
  });

  it('relais --help lists the sharing commands', () => {
    const run = relais('--help');
    for (const command of ['relais pack', 'relais verify', 'relais import', 'relais libraries', 'relais publish', 'relais keys create']) expect(run.out).toContain(command);
  });
});
