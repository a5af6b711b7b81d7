import { createHash, randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importLibrary } from '../../src/library/import-fs.ts';
import { defaultLimits, type ArchiveLimits } from '../../src/library/read-archive-fs.ts';
import { copyFixture, fileEntry, fixtureLibrary, packFolder, readEntries, snapshot, temporaryFolder, ustarHeader, writeEntries, type RawEntry } from './archive-helpers.ts';

const work = temporaryFolder('attacks');
const content = copyFixture(path.join(work, 'content'));
const trusted = path.join(work, 'trusted-centres.yaml');
let good: RawEntry[] = [];
const before = snapshot(content);
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(async () => {
  good = await readEntries(await packFolder(fixtureLibrary, path.join(work, 'good.tar.gz')));
});

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** The good archive with one file replaced, and the manifest updated to match, as an attacker would. */
function withFile(name: string, data: string): RawEntry[] {
  const manifest = JSON.parse(good[0]!.data.toString('utf8'));
  const bytes = Buffer.from(data);
  manifest.files = manifest.files.map((file: { path: string }) => (file.path === name ? { path: name, size: bytes.length, sha256: sha(bytes) } : file));
  return [fileEntry('relais-manifest.json', JSON.stringify(manifest)), ...good.slice(1).map((entry) => (entry.header.name === name ? fileEntry(name, bytes) : entry))];
}

let count = 0;
/** Imports the archive into a copy of the fixture library; it must be refused, content/ unchanged. */
async function refused(entries: RawEntry[] | Buffer, limits?: ArchiveLimits): Promise<string> {
  const archive = path.join(work, `attack-${++count}.tar.gz`);
  if (Buffer.isBuffer(entries)) writeFileSync(archive, entries);
  else await writeEntries(archive, entries);
  const result = await importLibrary(archive, { contentDir: content, trustedCentresFile: trusted, prefix: 'ext', limits });
  expect(result.written).toBe(false);
  expect(result.refused).toBe('the library did not verify');
  expect(snapshot(content)).toEqual(before);
  return result.problems.flatMap((file) => file.messages.filter((message) => message.fatal).map((message) => `${file.path}:${message.line}:${message.column}  ${message.reason}  ${message.ruleId}`)).join('\n');
}

describe('archive attacks are refused before anything is written', () => {
  it('a `../` path', async () => {
    expect(await refused([...good, fileEntry('../evil.mdx', 'x')])).toMatch(/Unexpected `\.\.` in entry name `\.\.\/evil\.mdx`.*nothing was written  path-traversal/);
  });

  it('a `..` hidden inside a path', async () => {
    expect(await refused([...good, fileEntry('media/../../evil.sh', 'x')])).toMatch(/Unexpected `\.\.` in entry name `media\/\.\.\/\.\.\/evil\.sh`/);
  });

  it('an absolute path', async () => {
    expect(await refused([...good, fileEntry('/tmp/relais-evil', 'x')])).toMatch(/Unexpected absolute path `\/tmp\/relais-evil`.*path-traversal/);
  });

  it('a symbolic link', async () => {
    expect(await refused([...good, { header: { name: 'media/passwd', type: 'symlink', linkname: '/etc/passwd' }, data: Buffer.alloc(0) }])).toMatch(/Unexpected symbolic link `media\/passwd` → `\/etc\/passwd`.*archive-link/);
  });

  it('a hard link', async () => {
    expect(await refused([...good, { header: { name: 'media/copy.wav', type: 'link', linkname: '/etc/shadow' }, data: Buffer.alloc(0) }])).toMatch(/Unexpected hard link `media\/copy\.wav` → `\/etc\/shadow`.*archive-link/);
  });

  it('a duplicate entry (a second copy after the checked one)', async () => {
    const module = good.find((entry) => entry.header.name === 'modules/jardinage/prune-a-rose.mdx')!;
    expect(await refused([...good, fileEntry(module.header.name, 'export const x = 1')])).toMatch(/Unexpected duplicate entry `modules\/jardinage\/prune-a-rose\.mdx`.*duplicate-entry/);
  });

  it('a duplicate by case, one file on a case-insensitive disk', async () => {
    expect(await refused([...good, fileEntry('media/Paul-Bois.WAV', 'x')])).toMatch(/Unexpected duplicate entry `media\/Paul-Bois\.WAV` \(same file as `media\/paul-bois\.wav`/);
  });

  it('a gzip bomb by ratio', async () => {
    const tarBytes = Buffer.concat([ustarHeader('media/zeros.bin', 64 * 1024 * 1024), Buffer.alloc(64 * 1024 * 1024), Buffer.alloc(1024)]);
    expect(await refused(gzipSync(tarBytes, { level: 9 }))).toMatch(/Unexpected compression ratio over 100:1 .*decompression bomb; nothing was written  archive-ratio/);
  });

  it('a bomb by size', async () => {
    const limits = { ...defaultLimits, maxTotalBytes: 1024 * 1024 };
    const media = [fileEntry('media/a.bin', randomBytes(600 * 1024)), fileEntry('media/b.bin', randomBytes(600 * 1024))];
    expect(await refused([...good, ...media], limits)).toMatch(/Unexpected archive of more than 1 MB uncompressed.*archive-size/);
  });

  it('a huge file, refused from its header', async () => {
    const tarBytes = Buffer.concat([ustarHeader('media/huge.bin', 6 * 1024 * 1024 * 1024), randomBytes(4096)]);
    expect(await refused(gzipSync(tarBytes))).toMatch(/Unexpected file `media\/huge\.bin` of 6,144 MB, expected at most 1,024 MB for a media file; nothing was written  file-size/);
  });

  it('a huge text file', async () => {
    expect(await refused(withFile('modules/jardinage/prune-a-rose.mdx', 'a'.repeat(3 * 1024 * 1024)))).toMatch(/Unexpected file `modules\/jardinage\/prune-a-rose\.mdx` of 3 MB, expected at most 2 MB for a text file/);
  });

  it('control characters in a file name', async () => {
    expect(await refused([...good, fileEntry('modules/jardinage/a\u001b[31mb.mdx', 'x')])).toMatch(/Unexpected control character in entry name `modules\/jardinage\/a\\u001b\[31mb\.mdx`.*entry-name/);
  });

  it('a file outside the library layout', async () => {
    expect(await refused([...good, fileEntry('package.json', '{}')])).toMatch(/Unexpected entry `package\.json`, expected/);
  });

  it('a manifest lying about a checksum', async () => {
    const lying = good.map((entry) => (entry.header.name === 'modules/jardinage/prune-a-rose.mdx' ? fileEntry(entry.header.name, entry.data.toString('utf8').replace('published', 'draft')) : entry));
    expect(await refused(lying)).toMatch(/prune-a-rose\.mdx:1:1  Unexpected SHA-256 [0-9a-f]{12}… \(\d+ bytes\), expected [0-9a-f]{12}… .*changed after packing.*library-checksum/);
  });

  it('a file the manifest does not list', async () => {
    expect(await refused([...good, fileEntry('media/extra.png', 'x')])).toMatch(/Unexpected file `media\/extra\.png` that the manifest does not list/);
  });

  it('a module that fails the untrusted-MDX policy, with file:line:col', async () => {
    const module = good.find((entry) => entry.header.name === 'modules/jardinage/prune-a-rose.mdx')!.data.toString('utf8');
    const evil = module.replace(/\n---\n/, '\n---\n\nexport const x = 1\n\n{process.exit(1)}\n');
    const report = await refused(withFile('modules/jardinage/prune-a-rose.mdx', evil));
    expect(report).toMatch(/attack-\d+\.tar\.gz\/modules\/jardinage\/prune-a-rose\.mdx:\d+:1  Unexpected .*export.*untrusted-mdx/);
    expect(report).toMatch(/prune-a-rose\.mdx:\d+:1  Unexpected .*expression.*untrusted-mdx/i);
  });

  it('a YAML anchor bomb', async () => {
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((name, index) => `${name}: &${name} [${Array.from({ length: 9 }, () => `*${'abcdefghi'[index]}`).join(',')}]`)].join('\n');
    expect(await refused(withFile('glossary/fr.yaml', bomb))).toMatch(/glossary\/fr\.yaml:\d+:\d+  Unexpected YAML (anchor|alias)/);
  });

  it('something that is not a gzip archive', async () => {
    expect(await refused(Buffer.from('PK\u0003\u0004 not a tarball'))).toMatch(/expected a gzip-compressed tar file written by `relais pack`; nothing was written  archive-format/);
  });
});

describe('a manifest that misstates attribution', () => {
  it('is refused when a module’s authors differ from the manifest', async () => {
    const manifest = JSON.parse(good[0]!.data.toString('utf8'));
    manifest.modules[0].authors = ['someone-else'];
    const report = await refused([fileEntry('relais-manifest.json', JSON.stringify(manifest)), ...good.slice(1)]);
    expect(report).toMatch(/Unexpected licence or authors in the manifest for `jardinage\/prune-a-rose` \(CC-BY-4\.0, someone-else\), expected the module's own \(CC-BY-4\.0, paul-bois\)/);
  });
});

describe('an unpacked library folder', () => {
  it('is read under the same rules: a symbolic link is refused', async () => {
    const { mkdirSync, symlinkSync } = await import('node:fs');
    const folder = path.join(work, 'unpacked');
    mkdirSync(path.join(folder, 'media'), { recursive: true });
    for (const entry of good) {
      mkdirSync(path.dirname(path.join(folder, entry.header.name)), { recursive: true });
      writeFileSync(path.join(folder, entry.header.name), entry.data);
    }
    const clean = await importLibrary(folder, { contentDir: content, trustedCentresFile: trusted, dryRun: true, prefix: 'ext' });
    expect(clean.errors).toBe(0);
    symlinkSync('/etc/passwd', path.join(folder, 'media/passwd'));
    const result = await importLibrary(folder, { contentDir: content, trustedCentresFile: trusted, prefix: 'ext' });
    expect(result.refused).toBe('the library did not verify');
    expect(result.problems[0]!.messages[0]!.reason).toMatch(/^Unexpected symbolic link `media\/passwd`, expected regular files only/);
    expect(snapshot(content)).toEqual(before);
  });
});
