/** Anchor id of a glossary term on /glossaire/ (`clé de serrage` → `cle-de-serrage`). */
export function termAnchor(term: string): string {
  return term
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'term';
}
