/**
 * Where a draft goes: a slug from the transcript's name, and a file name that never replaces
 * a module someone has reviewed or published. Pure: the caller says what already exists.
 */

/** `Jean Martin 14-09.whisper.json` → `jean-martin-14-09`; the part before the first dot names the interview. */
export function slugFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const stem = base.replace(/^\.+/, '').split('.')[0] ?? '';
  const slug = stem
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? 'entretien' : slug;
}

/** What is at a path now: nothing, a draft (may be replaced), or anything else (never replaced). */
export type ExistingModule = 'none' | 'draft' | 'kept';

/** A module file's status from its frontmatter (`kept` when it cannot be read as a draft). */
export function existingStatus(text: string): Exclude<ExistingModule, 'none'> {
  const frontmatter = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
  const status = frontmatter && /^status:[ \t]*["']?([a-z]+)["']?[ \t]*(?:#.*)?$/m.exec(frontmatter)?.[1];
  return status === 'draft' ? 'draft' : 'kept';
}

/**
 * The slug to write: the wanted one if free or a draft; otherwise `<slug>-draft`, then
 * `<slug>-draft-2`, … (the first that is free or a draft). `taken` are slugs already written
 * in this run (two transcripts of one interview must not overwrite each other).
 */
export function chooseDraftSlug(wanted: string, existing: (slug: string) => ExistingModule, taken: ReadonlySet<string> = new Set()): { slug: string; besides: string | null } {
  const usable = (slug: string) => !taken.has(slug) && existing(slug) !== 'kept';
  if (usable(wanted)) return { slug: wanted, besides: null };
  const besides = existing(wanted) === 'kept' ? wanted : null;
  const base = besides ? `${wanted}-draft` : wanted;
  for (let n = besides ? 1 : 2; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (usable(slug)) return { slug, besides };
  }
}
