import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VFile } from 'vfile';
import { checkUntrustedYaml } from '../check/rules/untrusted-mdx.ts';
import { loadLibrary } from '../content/read-library-fs.ts';
import { countBySeverity, reportError, reportWarning } from '../content/report.ts';
import { libraryManifestSchema, manifestSignatureSchema, type LibraryManifest } from '../schemas/library-manifest.ts';
import { manifestFile, signatureFile } from './archive-entry-name.ts';
import { ArchiveRefused } from './archive-refused.ts';
import { readTrustedCentres, verifyBytes } from './keys-fs.ts';
import { checkUntrustedMdx } from './untrusted-mdx.ts';
import { defaultLimits, stageArchive, stageFolder, type ArchiveLimits, type StagedArchive } from './read-archive-fs.ts';

export interface VerifyOptions {
  /** data/trusted-centres.yaml */
  trustedCentresFile: string;
  limits?: ArchiveLimits;
  /** An unsigned library, or one signed by a centre not in the trusted list, is an error rather than a warning. */
  requireSignature?: boolean;
}

export type SignatureState = 'trusted' | 'untrusted' | 'unsigned' | 'invalid';

export interface VerifiedLibrary {
  /** A temporary folder holding the library's files; `dispose()` removes it. */
  stagingDir: string;
  manifest?: LibraryManifest;
  signature: SignatureState;
  /** Files with messages, paths shown as `<archive>/<entry>`. */
  files: VFile[];
  errors: number;
  warnings: number;
  staged?: StagedArchive;
  dispose(): void;
}

const top = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

/**
 * `relais verify`: reads an archive (or unpacked folder) into a temporary folder under the
 * archive limits, then checks the manifest, its signature against the trusted centres, every
 * file's SHA-256 and size, and the whole library: schemas, references, the untrusted-MDX
 * policy on every module and no YAML anchors, aliases or tags (`relais check --untrusted`). Nothing is written outside the
 * temporary folder; the caller disposes of it.
 */
export async function verifyLibrary(source: string, options: VerifyOptions): Promise<VerifiedLibrary> {
  const stagingDir = mkdtempSync(path.join(os.tmpdir(), 'relais-library-'));
  const display = path.relative(process.cwd(), path.resolve(source)) || source;
  const files: VFile[] = [];
  const result: VerifiedLibrary = {
    stagingDir,
    signature: 'unsigned',
    files,
    errors: 0,
    warnings: 0,
    dispose: () => rmSync(stagingDir, { recursive: true, force: true }),
  };
  const finish = () => {
    const kept = files.filter((file) => file.messages.length > 0);
    files.splice(0, files.length, ...kept);
    const counts = countBySeverity(files);
    result.errors = counts.error;
    result.warnings = counts.warning;
    return result;
  };
  const fileFor = (entry?: string) => {
    const file = new VFile({ path: entry ? `${display}/${entry}` : display });
    files.push(file);
    return file;
  };
  try {
    result.staged = statSync(source).isDirectory() ? await stageFolder(source, stagingDir, options.limits ?? defaultLimits) : await stageArchive(source, stagingDir, options.limits ?? defaultLimits);
  } catch (error) {
    if (!(error instanceof ArchiveRefused)) throw error;
    reportError(fileFor(), `${error.message}; nothing was written`, top, error.rule);
    return finish();
  }
  const staged = result.staged;

  // The manifest, and its signature.
  const manifestPath = path.join(stagingDir, manifestFile);
  if (!staged.files.has(manifestFile)) {
    reportError(fileFor(), `Unexpected library without \`${manifestFile}\`, expected an archive written by \`relais pack\``, top, 'library-manifest');
    return finish();
  }
  const manifestBytes = readFileSync(manifestPath);
  let parsed: unknown;
  try {
    parsed = JSON.parse(manifestBytes.toString('utf8'));
  } catch (error) {
    reportError(fileFor(manifestFile), `Unexpected manifest that is not JSON (${(error as Error).message}), expected the manifest \`relais pack\` writes`, top, 'library-manifest');
    return finish();
  }
  const manifest = libraryManifestSchema.safeParse(parsed);
  if (!manifest.success) {
    const file = fileFor(manifestFile);
    for (const issue of manifest.error.issues) reportError(file, `Unexpected manifest value at \`${issue.path.join('.')}\`: ${issue.message}`, top, 'library-manifest');
    return finish();
  }
  result.manifest = manifest.data;
  checkSignature(result, manifestBytes, staged, options, fileFor);

  // Every file as the manifest lists it, and no other.
  const checksums = fileFor(manifestFile);
  const listed = new Set<string>();
  for (const entry of manifest.data.files) {
    listed.add(entry.path);
    const got = staged.files.get(entry.path);
    if (!got) reportError(checksums, `Unexpected missing file \`${entry.path}\`, expected it in the archive as the manifest lists it`, top, 'library-checksum');
    else if (got.sha256 !== entry.sha256 || got.size !== entry.size) reportError(fileFor(entry.path), `Unexpected SHA-256 ${got.sha256.slice(0, 12)}… (${got.size} bytes), expected ${entry.sha256.slice(0, 12)}… (${entry.size} bytes) as the manifest says: the file was changed after packing; do not use this archive`, top, 'library-checksum');
  }
  for (const name of staged.files.keys()) {
    if (name !== manifestFile && name !== signatureFile && !listed.has(name)) reportError(fileFor(name), `Unexpected file \`${name}\` that the manifest does not list, expected only listed files: it was added after packing`, top, 'library-checksum');
  }
  for (const module of manifest.data.modules) {
    if (!listed.has(`modules/${module.id}.mdx`) && !listed.has(`modules/${module.id}.md`)) reportError(checksums, `Unexpected module \`${module.id}\` in the manifest without its file, expected \`modules/${module.id}.mdx\``, top, 'library-manifest');
  }
  if (result.errors > 0 || countBySeverity(files).error > 0) return finish();

  // The library itself, as untrusted content: schemas and references (as `relais check`), the
  // untrusted-MDX policy on every module and plain YAML only (as `relais check --untrusted`).
  const loaded = loadLibrary(stagingDir, { maxModuleBytes: (options.limits ?? defaultLimits).maxTextBytes });
  for (const module of [...loaded.library.modules.values(), ...loaded.library.invalidModules]) checkUntrustedMdx(String(module.file.value ?? ''), module.file);
  for (const file of loaded.library.files) {
    if (/\.ya?ml$/.test(file.path) && file.value !== undefined) checkUntrustedYaml(String(file.value).replace(/^\uFEFF/, ''), file);
  }
  // The manifest's account of the modules must be the modules' own.
  const listedModules = new Map(manifest.data.modules.map((module) => [module.id, module]));
  const libraryLicence = loaded.library.info?.data.licence;
  for (const [id, module] of loaded.library.modules) {
    const said = listedModules.get(id);
    if (!said) reportError(module.file, `Unexpected module \`${id}\` that the manifest's module list leaves out, expected every module listed with its licence and authors`, top, 'library-manifest');
    else if (said.licence !== (module.data.licence ?? libraryLicence) || said.authors.join() !== module.data.authors.join()) {
      reportError(module.file, `Unexpected licence or authors in the manifest for \`${id}\` (${said.licence}, ${said.authors.join(', ')}), expected the module's own (${module.data.licence ?? libraryLicence}, ${module.data.authors.join(', ')}): attribution must not change on the way`, top, 'library-manifest');
    }
  }
  const shownStaging = path.relative(process.cwd(), stagingDir);
  for (const file of loaded.library.files) {
    file.messages = file.messages.filter((message) => message.fatal === true);
    if (file.messages.length === 0) continue;
    const full = path.resolve(file.path);
    const inside = path.relative(stagingDir, full).split(path.sep).join('/');
    file.path = full.startsWith(stagingDir + path.sep) ? `${display}/${inside}` : file.path.replace(shownStaging, display);
    files.push(file);
  }
  if (!existsSync(path.join(stagingDir, 'library.yaml'))) reportError(fileFor(), 'Unexpected library without `library.yaml`, expected one (name, version, centre, licence)', top, 'library-manifest');
  return finish();
}

function checkSignature(result: VerifiedLibrary, manifestBytes: Buffer, staged: StagedArchive, options: VerifyOptions, fileFor: (entry?: string) => VFile): void {
  const manifest = result.manifest!;
  const report = options.requireSignature ? reportError : reportWarning;
  if (!staged.files.has(signatureFile)) {
    result.signature = 'unsigned';
    report(fileFor(manifestFile), `Unexpected unsigned library, expected a signature by centre \`${manifest.centre}\`: its origin cannot be checked`, top, 'library-signature');
    return;
  }
  const file = fileFor(signatureFile);
  let signature;
  try {
    signature = manifestSignatureSchema.parse(JSON.parse(readFileSync(path.join(result.stagingDir, signatureFile), 'utf8')));
  } catch {
    result.signature = 'invalid';
    reportError(file, 'Unexpected signature file, expected `{ algorithm: "ed25519", centre, signature }` as `relais pack --sign` writes it', top, 'library-signature');
    return;
  }
  if (signature.centre !== manifest.centre) {
    result.signature = 'invalid';
    reportError(file, `Unexpected signature by centre \`${signature.centre}\`, expected one by \`${manifest.centre}\`, the centre the manifest names`, top, 'library-signature');
    return;
  }
  const trusted = readTrustedCentres(options.trustedCentresFile).centres[manifest.centre];
  if (!trusted) {
    result.signature = 'untrusted';
    report(file, `Unexpected signature by centre \`${manifest.centre}\`, which is not in ${options.trustedCentresFile}, expected a trusted centre: add its public key there once you have checked it with them`, top, 'library-signature');
    return;
  }
  if (!verifyBytes(manifestBytes, signature.signature, trusted.publicKey)) {
    result.signature = 'invalid';
    reportError(file, `Unexpected signature that does not match the manifest, expected a valid Ed25519 signature by \`${manifest.centre}\`: the archive was changed after signing, or signed by another key; do not use it`, top, 'library-signature');
    return;
  }
  result.signature = 'trusted';
}
