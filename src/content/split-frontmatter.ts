/**
 * Splits an .mdx file into its YAML frontmatter and body. Line numbers are kept so that
 * positions inside either part map back to the file: the YAML starts on line 2.
 */
export function splitFrontmatter(text: string): { yaml: string; body: string; bodyLine: number } | undefined {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!normalised.startsWith('---\n')) return undefined;
  const end = normalised.indexOf('\n---', 3);
  if (end === -1) return undefined;
  const after = normalised.indexOf('\n', end + 4);
  const closing = normalised.slice(end + 1, after === -1 ? undefined : after);
  if (closing.trim() !== '---') return undefined;
  const yaml = normalised.slice(4, end + 1);
  const body = after === -1 ? '' : normalised.slice(after + 1);
  const bodyLine = normalised.slice(0, after + 1).split('\n').length;
  return { yaml, body, bodyLine };
}
