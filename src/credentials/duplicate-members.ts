/**
 * The first object member name that appears twice in one object of a JSON text, with its path,
 * or null. `JSON.parse` silently keeps the last one; a credential carrying two `name`s could show
 * one thing in a viewer and have the other signed, so the verifier refuses it. The text must
 * already be valid JSON (it is parsed first).
 */
export function duplicateMember(text: string): string | null {
  const stack: ({ keys: Set<string>; expectKey: boolean; path: string; last: string } | { array: true; path: string; index: number })[] = [];
  const here = () => stack.at(-1);
  const childPath = () => {
    const top = here();
    if (!top) return '';
    return 'array' in top ? `${top.path}[${top.index}]` : `${top.path}${top.path ? '.' : ''}${top.last}`;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const top = here();
      if (top && !('array' in top) && top.expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (top.keys.has(key)) return `${top.path}${top.path ? '.' : ''}${key}`;
        top.keys.add(key);
        top.last = key;
        top.expectKey = false;
      }
      i = end;
    } else if (char === '{') {
      stack.push({ keys: new Set(), expectKey: true, path: childPath(), last: '' });
    } else if (char === '[') {
      stack.push({ array: true, path: childPath(), index: 0 });
    } else if (char === '}' || char === ']') {
      stack.pop();
    } else if (char === ',') {
      const top = here();
      if (top && 'array' in top) top.index++;
      else if (top) top.expectKey = true;
    }
  }
  return null;
}
