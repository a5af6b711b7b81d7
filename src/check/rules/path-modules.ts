import type { Library } from '../../content/library.ts';
import { reportError } from '../../content/report.ts';
import { expectedOneOf } from '../suggest.ts';

/** Path stages list existing, published modules (a cohort cannot study a draft). */
export function checkPathModules(library: Library): void {
  const published = [...library.modules.values()].filter((m) => m.data.status === 'published').map((m) => m.id);
  for (const entry of library.paths.values()) {
    entry.data.stages.forEach((stage, stageIndex) => {
      stage.modules.forEach((moduleId, index) => {
        const target = library.modules.get(moduleId);
        const place = entry.source.locate(['stages', stageIndex, 'modules', index]);
        if (!target) {
          reportError(entry.file, `Unexpected module \`${moduleId}\` in stage ${stageIndex + 1}, ${expectedOneOf(moduleId, published)}`, place, 'unknown-path-module');
        } else if (target.data.status !== 'published') {
          reportError(entry.file, `Unexpected module \`${moduleId}\` with status \`${target.data.status}\` in stage ${stageIndex + 1}, expected a published module`, place, 'unknown-path-module');
        }
      });
    });
  }
}
