import type { Library } from '../../content/library.ts';
import { reportError } from '../../content/report.ts';

/** A module lives in the folder of its trade: `modules/plomberie/x.mdx` says `trade: plomberie`. */
export function checkModuleFolder(library: Library): void {
  for (const entry of library.modules.values()) {
    const folder = entry.id.split('/')[0]!;
    if (entry.data.trade !== folder) {
      reportError(
        entry.file,
        `Unexpected trade \`${entry.data.trade}\` for a module in \`modules/${folder}/\`, expected \`${folder}\`: move the file or fix the trade`,
        entry.source.locate(['trade']),
        'trade-folder',
      );
    }
  }
}
