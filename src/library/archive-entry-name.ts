import { ArchiveRefused, showName } from './archive-refused.ts';

/** The files a library archive may hold: its manifest, library.yaml, and the content folders. */
export const manifestFile = 'relais-manifest.json';
export const signatureFile = 'relais-manifest.sig';
const topFolders = new Set(['trades', 'skills', 'authors', 'modules', 'paths', 'glossary', 'media']);
const topFiles = new Set([manifestFile, signatureFile, 'library.yaml']);

/**
 * Checks one entry name of an archive and returns it normalised (`a/b`, no `./`, no trailing `/`).
 * Refuses control characters, backslashes, absolute paths, `..` and empty segments, and names
 * outside the library layout: an entry can only ever land inside the staging folder.
 */
export function checkEntryName(raw: string, isDirectory: boolean): string {
  const shown = showName(raw);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f-\u009f]/.test(raw)) throw new ArchiveRefused(`Unexpected control character in entry name \`${shown}\`, expected printable file names: the archive may be crafted to hide a file; do not use it`, 'entry-name', raw);
  if (raw.includes('\\')) throw new ArchiveRefused(`Unexpected backslash in entry name \`${shown}\`, expected \`/\` separators`, 'entry-name', raw);
  if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw)) throw new ArchiveRefused(`Unexpected absolute path \`${shown}\`, expected a path inside the library (e.g. \`modules/plomberie/braser.mdx\`): the archive tries to write outside its folder; do not use it`, 'path-traversal', raw);
  let name = raw.replace(/^(?:\.\/)+/, '');
  if (isDirectory) name = name.replace(/\/+$/, '');
  const segments = name.split('/');
  if (segments.includes('..')) throw new ArchiveRefused(`Unexpected \`..\` in entry name \`${shown}\`, expected a path inside the library: the archive tries to write outside its folder; do not use it`, 'path-traversal', raw);
  if (name === '' || segments.some((segment) => segment === '' || segment === '.')) throw new ArchiveRefused(`Unexpected empty or \`.\` segment in entry name \`${shown}\`, expected a plain relative path`, 'entry-name', raw);
  if (segments.some((segment) => segment.length > 255) || name.length > 1024) throw new ArchiveRefused(`Unexpected entry name of ${name.length} characters \`${shown.slice(0, 80)}…\`, expected at most 255 a segment`, 'entry-name', raw);
  const top = segments[0]!;
  const allowed = segments.length === 1 ? topFiles.has(top) || (isDirectory && topFolders.has(top)) : topFolders.has(top);
  if (!allowed) throw new ArchiveRefused(`Unexpected entry \`${shown}\`, expected ${[...topFiles].map((f) => `\`${f}\``).join(', ')} or a file under ${[...topFolders].map((f) => `\`${f}/\``).join(', ')}`, 'entry-name', raw);
  return name;
}

/** Text entries are parsed; media are only hashed and copied. */
export const isTextEntry = (name: string): boolean => /\.(?:mdx|md|ya?ml|json|sig)$/i.test(name);
