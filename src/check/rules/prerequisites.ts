import type { Library } from '../../content/library.ts';
import { reportError } from '../../content/report.ts';
import { expectedOneOf } from '../suggest.ts';

/** Prerequisites exist, a published module does not rest on an unpublished one, and there is no cycle. */
export function checkPrerequisites(library: Library): void {
  const known = [...library.modules.keys()];
  for (const entry of library.modules.values()) {
    entry.data.prerequisites.forEach((prerequisite, index) => {
      const place = entry.source.locate(['prerequisites', index]);
      const target = library.modules.get(prerequisite);
      if (!target) {
        reportError(entry.file, `Unexpected prerequisite \`${prerequisite}\`, ${expectedOneOf(prerequisite, known)} (module ids are \`<trade>/<file name>\`)`, place, 'unknown-prerequisite');
      } else if (prerequisite === entry.id) {
        reportError(entry.file, `Unexpected prerequisite \`${prerequisite}\`: a module cannot require itself`, place, 'prerequisite-cycle');
      } else if (entry.data.status === 'published' && target.data.status !== 'published') {
        reportError(
          entry.file,
          `Unexpected prerequisite \`${prerequisite}\` with status \`${target.data.status}\` for a published module, expected a published module: publish it first or remove it`,
          place,
          'published-depends-on-draft',
        );
      }
    });
  }
  reportCycles(library);
}

/** Depth-first search; each cycle is reported once, on the module that closes it. */
function reportCycles(library: Library): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): void => {
    state.set(id, 'visiting');
    stack.push(id);
    const entry = library.modules.get(id)!;
    entry.data.prerequisites.forEach((next, index) => {
      if (next === id || !library.modules.has(next)) return;
      if (state.get(next) === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(next)), next];
        reportError(
          entry.file,
          `Unexpected prerequisite cycle ${cycle.map((m) => `\`${m}\``).join(' → ')}, expected prerequisites that lead back to no module: remove one link`,
          entry.source.locate(['prerequisites', index]),
          'prerequisite-cycle',
        );
      } else if (!state.has(next)) {
        visit(next);
      }
    });
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of [...library.modules.keys()].sort()) if (!state.has(id)) visit(id);
}
