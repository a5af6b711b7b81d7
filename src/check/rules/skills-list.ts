import type { VFile } from 'vfile';
import type { Library } from '../../content/library.ts';
import { reportWarning } from '../../content/report.ts';
import { attachFix, pointOf } from '../fix.ts';
import type { FileSettings } from '../module-context.ts';

/**
 * A module lists each skill once (a duplicate shows twice on the page and counts twice in the
 * catalogue). With `check.sortSkills`, skills are also kept in alphabetical order. `--fix`
 * rewrites the list (removing duplicates, sorting when asked), keeping its flow or block style.
 */
export function checkSkillsList(library: Library, settingsFor: (file: VFile) => FileSettings): void {
  for (const entry of library.modules.values()) {
    const settings = settingsFor(entry.file);
    if (!settings.enabled('skills-list')) continue;
    const skills = entry.data.skills;
    const unique = [...new Set(skills)];
    const wanted = settings.sortSkills ? [...unique].sort() : unique;
    if (wanted.every((skill, index) => skill === skills[index]) && wanted.length === skills.length) continue;
    const duplicate = skills.find((skill, index) => skills.indexOf(skill) !== index);
    const reason = duplicate
      ? `Unexpected skill \`${duplicate}\` listed twice, expected each skill once: \`[${wanted.join(', ')}]\``
      : `Unexpected skills out of order, expected \`[${wanted.join(', ')}]\``;
    const place = entry.source.locate(['skills']);
    const message = reportWarning(entry.file, reason, duplicate ? entry.source.locate(['skills', skills.lastIndexOf(duplicate)]) : place, 'skills-list');
    const text = String(entry.file.value ?? '');
    const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
    const written = lines[place.start.line - 1]?.slice(place.start.column - 1) ?? '';
    const replacement = written.startsWith('[')
      ? `[${wanted.join(', ')}]`
      : wanted.map((skill, index) => (index === 0 ? `- ${skill}` : `${' '.repeat(place.start.column - 1)}- ${skill}`)).join('\n');
    // A block list's range ends at the start of the next key: keep that line break.
    const end = written.startsWith('[') ? place.end : lastItemEnd(lines, place);
    attachFix(message, { start: pointOf(place.start), end, text: replacement });
  }
}

/** The end of the last non-empty line of a block sequence's range. */
function lastItemEnd(lines: string[], place: { start: { line: number }; end: { line: number; column: number } }): { line: number; column: number } {
  let line = place.end.column === 1 ? place.end.line - 1 : place.end.line;
  while (line > place.start.line && !(lines[line - 1] ?? '').trim()) line--;
  return { line, column: (lines[line - 1] ?? '').length + 1 };
}
