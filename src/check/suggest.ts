/** Levenshtein distance, for "expected one of …" lists that put the likely intended id first. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** "expected one of `a`, `b`, …" with the closest candidates first; or a hint when there are none. */
export function expectedOneOf(value: string, candidates: Iterable<string>, max = 6): string {
  const list = [...candidates];
  if (list.length === 0) return 'none is defined yet';
  const ranked = list.sort((a, b) => distance(value, a) - distance(value, b) || a.localeCompare(b));
  const shown = ranked.slice(0, max).map((id) => `\`${id}\``);
  return `expected one of ${shown.join(', ')}${list.length > max ? ', …' : ''}`;
}
