/** Anchor id of a glossary term on /glossaire/ (`clé de serrage` → `cle-de-serrage`). */
export function termAnchor(term: string): string {
  return term
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'term';
}

/** Glossary lookup key: Markdown turns `'` into `’`, and authors vary case and spacing. */
export function normalizeTerm(term: string): string {
  return term.replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}
