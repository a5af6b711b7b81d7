import type { Library } from '../content/library.ts';
import { checkIds } from './rules/ids.ts';
import { checkLearnedFrom } from './rules/learned-from.ts';
import { checkModuleFolder } from './rules/module-folder.ts';
import { checkPathModules } from './rules/path-modules.ts';
import { checkPathSkills } from './rules/path-skills.ts';
import { checkPrerequisites } from './rules/prerequisites.ts';
import { checkUnknownAuthor } from './rules/unknown-author.ts';
import { checkUnknownSkill } from './rules/unknown-skill.ts';
import { checkUnknownTrade } from './rules/unknown-trade.ts';

/** The rules the build needs to be sound: every id a file names exists, and the graph has no cycle. */
export const referenceRules = [
  checkIds,
  checkModuleFolder,
  checkUnknownTrade,
  checkUnknownSkill,
  checkUnknownAuthor,
  checkLearnedFrom,
  checkPrerequisites,
  checkPathModules,
  checkPathSkills,
] as const;

export function checkReferences(library: Library): void {
  for (const rule of referenceRules) rule(library);
}
