import type { ContentKind } from './library.ts';

/**
 * Maps a path relative to content/ to its kind and id (DESIGN.md: a file's id is its path).
 * Returns undefined for files that are not content records (media, README, dotfiles).
 */
export function classifyContentPath(relative: string): { kind: ContentKind; id: string } | undefined {
  const parts = relative.split('/');
  if (parts.some((part) => part.startsWith('.'))) return undefined;
  if (relative === 'library.yaml') return { kind: 'library', id: 'library' };
  const [folder, ...rest] = parts;
  const yaml = /^(.+)\.ya?ml$/;
  if (rest.length === 1) {
    const name = rest[0]!;
    const match = yaml.exec(name);
    if (match) {
      const kinds: Record<string, ContentKind> = { trades: 'trade', skills: 'skill', authors: 'author', paths: 'path', glossary: 'glossary' };
      const kind = kinds[folder!];
      if (kind) return { kind, id: match[1]! };
    }
  }
  if (folder === 'modules' && rest.length === 2 && /\.mdx?$/.test(rest[1]!)) {
    return { kind: 'module', id: `${rest[0]}/${rest[1]!.replace(/\.mdx?$/, '')}` };
  }
  return undefined;
}
