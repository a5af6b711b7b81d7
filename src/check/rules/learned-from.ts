import type { Library } from '../../content/library.ts';
import { reportError } from '../../content/report.ts';

/**
 * `learnedFrom` in authors/<id>.yaml names other authors (unknown ones: `unknown-author`): not the
 * author themself, and the chain of transmission must not loop back (a learned from b learned from a).
 */
export function checkLearnedFrom(library: Library): void {
  for (const [id, entry] of library.authors) {
    (entry.data.learnedFrom ?? []).forEach((teacher, index) => {
      const at = entry.source.locate(['learnedFrom', index]);
      if (teacher === id) reportError(entry.file, `Unexpected \`${teacher}\` in learnedFrom: an author cannot have learned from themself`, at, 'learned-from-cycle');
      else if (library.authors.has(teacher)) {
        const loop = pathBack(library, teacher, id);
        if (loop) reportError(entry.file, `learnedFrom makes a loop: ${[id, ...loop].join(' → ')}`, at, 'learned-from-cycle');
      }
    });
  }
}

/** The chain of learnedFrom from `start` that reaches `target`, if any (depth-first, each author once). */
function pathBack(library: Library, start: string, target: string): string[] | null {
  const seen = new Set<string>();
  const walk = (id: string): string[] | null => {
    if (id === target) return [id];
    if (seen.has(id)) return null;
    seen.add(id);
    for (const next of library.authors.get(id)?.data.learnedFrom ?? []) {
      const rest = walk(next);
      if (rest) return [id, ...rest];
    }
    return null;
  };
  return walk(start);
}
