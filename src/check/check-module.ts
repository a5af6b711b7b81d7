import type { VFile } from 'vfile';
import type { YamlSource } from '../content/yaml-source.ts';
import type { ModuleFrontmatter } from '../schemas/index.ts';
import { parseMdxDocument, type MdxDocument } from './mdx-document.ts';
import type { FileSettings, LibraryFacts, ModuleRule } from './module-context.ts';
import type { RuleId } from './rule-catalogue.ts';
import { checkBrokenLink } from './rules/broken-link.ts';
import { checkClipBeyondRecording } from './rules/clip-beyond-recording.ts';
import { checkClipTimestamp } from './rules/clip-timestamp.ts';
import { checkComponentContent } from './rules/component-content.ts';
import { checkComponentProps } from './rules/component-props.ts';
import { checkEmptyComponent } from './rules/empty-component.ts';
import { checkImageAlt } from './rules/image-alt.ts';
import { checkKnowhowSteps } from './rules/knowhow-steps.ts';
import { checkMissingMedia } from './rules/missing-media.ts';
import { checkMistakeOrSafety } from './rules/mistake-or-safety.ts';
import { checkParagraphLength } from './rules/paragraph-length.ts';
import { checkQuizAnswer } from './rules/quiz-answer.ts';
import { checkReadability } from './rules/readability.ts';
import { checkSentenceLength } from './rules/sentence-length.ts';
import { checkTermFirstUse } from './rules/term-first-use.ts';
import { checkUnknownComponent } from './rules/unknown-component.ts';
import { checkUnknownTerm } from './rules/unknown-term.ts';
import { checkUntrustedMdxRule } from './rules/untrusted-mdx.ts';

/** The rules over a module's MDX, in the order their messages read best. */
export const moduleRules: readonly (readonly [RuleId, ModuleRule])[] = [
  ['unknown-component', checkUnknownComponent],
  ['untrusted-mdx', checkUntrustedMdxRule],
  ['component-props', checkComponentProps],
  ['empty-component', checkEmptyComponent],
  ['component-content', checkComponentContent],
  ['knowhow-steps', checkKnowhowSteps],
  ['mistake-or-safety', checkMistakeOrSafety],
  ['quiz-answer', checkQuizAnswer],
  ['clip-timestamp', checkClipTimestamp],
  ['clip-beyond-recording', checkClipBeyondRecording],
  ['broken-link', checkBrokenLink],
  ['missing-media', checkMissingMedia],
  ['image-alt', checkImageAlt],
  ['unknown-term', checkUnknownTerm],
  ['term-first-use', checkTermFirstUse],
  ['sentence-length', checkSentenceLength],
  ['paragraph-length', checkParagraphLength],
  ['readability', checkReadability],
];

/** What a module with an invalid frontmatter is still checked for: could it break or subvert the build? */
const safetyRules = new Set<RuleId>(['unknown-component', 'untrusted-mdx']);

export interface ModuleInput {
  file: VFile;
  /** The whole file, frontmatter included. */
  text: string;
  id?: string;
  /** The frontmatter when it passed its schema; without it only the safety rules run. */
  data?: ModuleFrontmatter;
  frontmatter?: YamlSource;
}

/**
 * Parses one module's MDX and runs the module rules enabled for it; messages go to its VFile.
 * `parsed`: the parse of `input.text` into `input.file` already done (by a worker thread, ahead).
 */
export function checkModule(input: ModuleInput, facts: LibraryFacts, settings: FileSettings, parsed?: { doc: MdxDocument | undefined }): void {
  const doc = parsed ? parsed.doc : parseMdxDocument(input.text, input.file);
  if (!doc) return;
  const module = { doc, id: input.id, data: input.data, frontmatter: input.frontmatter, language: input.data?.language ?? 'fr' };
  for (const [ruleId, rule] of moduleRules) {
    if (!settings.enabled(ruleId)) continue;
    if (!input.data && !safetyRules.has(ruleId)) continue;
    rule(module, facts, settings);
  }
}
