import type { Library } from '../../content/library.ts';
import { reportError } from '../../content/report.ts';
import { expectedOneOf } from '../suggest.ts';

/**
 * A stage's `skills` exist and belong to the path's trades: its `trade`, and the trades of the
 * modules it lists (an orientation path spans several). Their validation completes the stage.
 */
export function checkPathSkills(library: Library): void {
  for (const entry of library.paths.values()) {
    const trades = new Set<string>();
    if (entry.data.trade) trades.add(entry.data.trade);
    for (const stage of entry.data.stages) for (const moduleId of stage.modules) trades.add(library.modules.get(moduleId)?.data.trade ?? moduleId.split('/')[0]!);
    const ofTrades = [...library.skills.values()].filter((skill) => trades.has(skill.data.trade)).map((skill) => skill.id);
    entry.data.stages.forEach((stage, stageIndex) => {
      stage.skills.forEach((skillId, index) => {
        const skill = library.skills.get(skillId);
        const place = entry.source.locate(['stages', stageIndex, 'skills', index]);
        if (!skill) {
          reportError(entry.file, `Unexpected skill \`${skillId}\` in stage ${stageIndex + 1}, ${expectedOneOf(skillId, ofTrades)}`, place, 'unknown-path-skill');
        } else if (!trades.has(skill.data.trade)) {
          reportError(entry.file, `Unexpected skill \`${skillId}\` of trade \`${skill.data.trade}\` in stage ${stageIndex + 1}, expected a skill of ${[...trades].map((trade) => `\`${trade}\``).join(', ') || 'the path’s trade (set `trade`)'}`, place, 'unknown-path-skill');
        }
      });
    });
  }
}
