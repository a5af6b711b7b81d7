export type JsonPath = readonly (string | number)[];

/**
 * The offset where the value at `path` starts in valid JSON `text` (or where the nearest
 * existing ancestor starts), so that an error about `segments[3].start` can point at it.
 * Only used when reporting, so it re-scans the text rather than keeping positions while parsing.
 */
export function locateJsonValue(text: string, path: JsonPath): number {
  let position = skipWhitespace(text, 0);
  for (const key of path) {
    const found = typeof key === 'number' ? findItem(text, position, key) : findMember(text, position, key);
    if (found === null) return position;
    position = found;
  }
  return position;
}

function skipWhitespace(text: string, i: number): number {
  while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  return i;
}

function findItem(text: string, i: number, index: number): number | null {
  if (text[i] !== '[') return null;
  i = skipWhitespace(text, i + 1);
  for (let k = 0; text[i] !== ']' && i < text.length; k++) {
    if (k === index) return i;
    i = skipWhitespace(text, skipValue(text, i));
    if (text[i] === ',') i = skipWhitespace(text, i + 1);
  }
  return null;
}

function findMember(text: string, i: number, name: string): number | null {
  if (text[i] !== '{') return null;
  i = skipWhitespace(text, i + 1);
  while (text[i] === '"') {
    const keyEnd = skipValue(text, i);
    const key: unknown = JSON.parse(text.slice(i, keyEnd));
    i = skipWhitespace(text, skipWhitespace(text, keyEnd) + 1); // past `:`
    if (key === name) return i;
    i = skipWhitespace(text, skipValue(text, i));
    if (text[i] === ',') i = skipWhitespace(text, i + 1);
  }
  return null;
}

/** The offset just after the value starting at `i`. */
function skipValue(text: string, i: number): number {
  const c = text[i];
  if (c === '"') {
    for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    return i + 1;
  }
  if (c === '{' || c === '[') {
    let depth = 0;
    for (; i < text.length; i++) {
      const d = text[i];
      if (d === '"') i = skipValue(text, i) - 1;
      else if (d === '{' || d === '[') depth++;
      else if ((d === '}' || d === ']') && --depth === 0) return i + 1;
    }
    return i;
  }
  while (i < text.length && !' \t\n\r,]}'.includes(text[i] ?? '')) i++;
  return i;
}
