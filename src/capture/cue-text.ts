/**
 * Cue text as written (WebVTT/SubRip tags, character references, line breaks) → the plain words
 * that were spoken, for segmentation and drafts. The transcript contract keeps tags as written
 * (DESIGN.md, "`relais transcript parse --json`"); this is the "plain text derived later".
 *
 * - caption tags are removed: `<i>`, `<b>`, `<u>`, `<c.yellow>`, `<v Name>`, `<lang fr>`,
 *   `<ruby>`, `<00:00:01.000>`, `<font color=…>` (other `<…>` text is words, kept);
 * - SubRip/ASS overrides `{\an8}` are removed;
 * - character references are decoded (`&nbsp;`, `&amp;`, `&#233;`, `&#xE9;`…);
 * - non-speech annotations in square brackets (`[Music]`, `[sounds of despair]`,
 *   `[Manually Transcribed Captions]`) and `(laughs)` / `(rires)` are removed;
 * - line breaks and runs of white space become one space.
 */
export function plainCueText(text: string): string {
  let plain = text;
  if (plain.includes('<')) plain = plain.replace(/<\/?(?:[ibuc]|v|lang|ruby|rt|font|span|br)(?:[.\s][^>\n]*)?\/?>|<\d[\d:.]*>/gi, ' ');
  if (plain.includes('{\\')) plain = plain.replace(/\{\\[^}]*\}/g, '');
  if (plain.includes('&')) plain = decodeCharacterReferences(plain);
  if (plain.includes('[')) plain = plain.replace(/\[[^\]\n]{0,80}\]/g, ' ');
  if (plain.includes('(')) plain = plain.replace(/\((?:laughs?|laughter|rires?|rire|inaudible|inaudibles?)\)/giu, ' ');
  return plain.replace(/[\s\u00a0\u200b\u200e\u200f]+/g, ' ').trim();
}

const NAMED: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  lrm: '',
  rlm: '',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  laquo: '«',
  raquo: '»',
  ndash: '–',
  mdash: '—',
  eacute: 'é',
  egrave: 'è',
  agrave: 'à',
  ccedil: 'ç',
};

function decodeCharacterReferences(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body] ?? NAMED[body.toLowerCase()] ?? whole;
  });
}
