/**
 * Escaping exactly as Astro's templates do, so markup built here is byte-identical to what the
 * .astro components produced: text gets & < > ' " escaped, attribute values & and ".
 */
const textEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

export const escapeText = (value: string): string => value.replace(/[&<>'"]/g, (char) => textEntities[char]!);

export const escapeAttribute = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** ` name="value"` pairs; undefined and false are left out, true gives a bare name. */
export function attributes(values: Record<string, string | number | boolean | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === false) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeAttribute(String(value))}"`;
  }
  return out;
}
