import type { Library } from '../../content/library.ts';
import { reportError } from '../../content/report.ts';
import { expectedOneOf } from '../suggest.ts';

/** Module skills exist and belong to the module's trade. */
export function checkUnknownSkill(library: Library): void {
  for (const entry of library.modules.values()) {
    const ofTrade = [...library.skills].filter(([, skill]) => skill.data.trade === entry.data.trade).map(([id]) => id);
    entry.data.skills.forEach((skillId, index) => {
      const skill = library.skills.get(skillId);
      const place = entry.source.locate(['skills', index]);
      if (!skill) {
        reportError(entry.file, `Unexpected skill \`${skillId}\`, ${expectedOneOf(skillId, ofTrade)} (skills of \`${entry.data.trade}\`)`, place, 'unknown-skill');
      } else if (skill.data.trade !== entry.data.trade) {
        reportError(
          entry.file,
          `Unexpected skill \`${skillId}\` of trade \`${skill.data.trade}\` in a \`${entry.data.trade}\` module, ${expectedOneOf(skillId, ofTrade)}`,
          place,
          'skill-trade',
        );
      }
    });
  }
}
