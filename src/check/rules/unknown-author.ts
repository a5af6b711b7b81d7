import type { Library } from '../../content/library.ts';
import { reportError } from '../../content/report.ts';
import { expectedOneOf } from '../suggest.ts';

/** Module authors and authors' `learnedFrom` name files in content/authors/. */
export function checkUnknownAuthor(library: Library): void {
  const known = [...library.authors.keys()];
  for (const entry of library.modules.values()) {
    entry.data.authors.forEach((author, index) => {
      if (!library.authors.has(author)) {
        reportError(entry.file, `Unexpected author \`${author}\`, ${expectedOneOf(author, known)} (files in content/authors/)`, entry.source.locate(['authors', index]), 'unknown-author');
      }
    });
  }
  for (const entry of library.authors.values()) {
    (entry.data.learnedFrom ?? []).forEach((author, index) => {
      if (!library.authors.has(author)) {
        reportError(entry.file, `Unexpected author \`${author}\` in learnedFrom, ${expectedOneOf(author, known)}`, entry.source.locate(['learnedFrom', index]), 'unknown-author');
      }
    });
  }
}
