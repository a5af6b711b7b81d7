/**
 * Every rule `relais check` runs, with what it is about. Kept free of imports so that the
 * configuration schema (src/config/) and the docs test can read it.
 *
 * `required` rules guard what the build needs to be sound (it would fail or publish broken
 * pages without them): they are always errors and cannot be configured. The others have a
 * default severity that relais.config.ts may change, for all content or per folder.
 */
export const ruleCategories = ['files', 'schema', 'references', 'links-media', 'structure', 'plain-language', 'untrusted-mdx'] as const;
export type RuleCategory = (typeof ruleCategories)[number];

export interface RuleInfo {
  category: RuleCategory;
  /** One line: what the rule reports. */
  summary: string;
  /** `required` rules are always errors; others start at this severity. */
  severity: 'error' | 'warning' | 'required';
  /** The rule can rewrite what it reports with `relais check --fix`. */
  fixable?: true;
}

export const ruleCatalogue = {
  'file-encoding': { category: 'files', severity: 'required', summary: 'A content file that is binary or not valid UTF-8.' },
  'file-size': { category: 'files', severity: 'required', summary: 'A module too large to be one piece of know-how (and to check safely).' },
  'stray-file': { category: 'files', severity: 'required', summary: 'A file where a record is expected but that cannot be one.' },
  'yaml-syntax': { category: 'schema', severity: 'required', summary: 'YAML that cannot be read (including alias bombs).' },
  schema: { category: 'schema', severity: 'required', summary: 'A frontmatter or YAML value the zod schema refuses, at its key.' },
  'mdx-syntax': { category: 'schema', severity: 'required', summary: 'MDX that cannot be parsed.' },
  'duplicate-id': { category: 'references', severity: 'required', summary: 'Two files with the same id.' },
  'invalid-id': { category: 'references', severity: 'required', summary: 'A file name that cannot be an id or would hide a site page.' },
  'trade-folder': { category: 'references', severity: 'required', summary: 'A module outside the folder of its trade.' },
  'unknown-trade': { category: 'references', severity: 'required', summary: 'A trade that has no file in trades/.' },
  'unknown-skill': { category: 'references', severity: 'required', summary: 'A skill that has no file in skills/.' },
  'skill-trade': { category: 'references', severity: 'required', summary: 'A skill of another trade than the module’s.' },
  'unknown-author': { category: 'references', severity: 'required', summary: 'An author that has no file in authors/.' },
  'learned-from-cycle': { category: 'references', severity: 'required', summary: 'An author who learned from themself, or learnedFrom links that loop back.' },
  'unknown-prerequisite': { category: 'references', severity: 'required', summary: 'A prerequisite that is not a module id.' },
  'prerequisite-cycle': { category: 'references', severity: 'required', summary: 'Prerequisites that lead back to the module.' },
  'published-depends-on-draft': { category: 'references', severity: 'required', summary: 'A published module whose prerequisite is not published.' },
  'unknown-path-module': { category: 'references', severity: 'required', summary: 'A path stage naming an unknown or unpublished module.' },
  'unknown-path-skill': { category: 'references', severity: 'required', summary: 'A path stage naming a skill that does not exist or is of another trade.' },
  'unknown-component': { category: 'structure', severity: 'required', summary: 'A component that is not one of the know-how components.' },
  'skills-list': { category: 'references', severity: 'warning', fixable: true, summary: 'A skill listed twice, or skills out of order when sorting is asked for.' },
  'broken-link': { category: 'links-media', severity: 'error', fixable: true, summary: 'A link to a page the site does not have (or without its final `/`).' },
  'missing-media': { category: 'links-media', severity: 'error', summary: 'A picture, recording or transcript that is not in media/.' },
  'clip-beyond-recording': { category: 'links-media', severity: 'error', summary: 'A `<Clip at>` after the end of the module’s transcript.' },
  'image-alt': { category: 'links-media', severity: 'error', summary: 'A picture without alternative text.' },
  'knowhow-steps': { category: 'structure', severity: 'error', summary: 'A published module without `<Steps>`, or a step without its action, key point or reason.' },
  'mistake-or-safety': { category: 'structure', severity: 'error', summary: 'A published module with neither `<Mistake>` nor `<Safety>`.' },
  'quiz-answer': { category: 'structure', severity: 'error', summary: 'A `<Quiz>` without a question, choices or a right answer.' },
  'empty-component': { category: 'structure', severity: 'error', summary: 'A know-how component with nothing in it.' },
  'component-content': { category: 'structure', severity: 'error', summary: 'A know-how component holding the wrong kind of content.' },
  'component-props': { category: 'structure', severity: 'error', summary: 'A know-how component with an unknown or missing prop.' },
  'clip-timestamp': { category: 'structure', severity: 'warning', fixable: true, summary: 'A `<Clip at>` that is not written `hh:mm:ss`.' },
  'unknown-term': { category: 'plain-language', severity: 'warning', summary: 'A `<Term>` that the glossary does not define.' },
  'term-first-use': { category: 'plain-language', severity: 'warning', fixable: true, summary: 'A glossary word whose first use is not a `<Term>`.' },
  'sentence-length': { category: 'plain-language', severity: 'warning', summary: 'A sentence longer than the configured number of words.' },
  'paragraph-length': { category: 'plain-language', severity: 'warning', summary: 'A paragraph longer than the configured number of words.' },
  readability: { category: 'plain-language', severity: 'warning', summary: 'A module whose reading-ease score is below the configured minimum.' },
  'untrusted-mdx': { category: 'untrusted-mdx', severity: 'error', summary: 'MDX that could run code or load remote content.' },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof ruleCatalogue;
export const ruleIds = Object.keys(ruleCatalogue) as RuleId[];

type Configurable<K extends RuleId> = (typeof ruleCatalogue)[K]['severity'] extends 'required' ? never : K;
export type ConfigurableRuleId = { [K in RuleId]: Configurable<K> }[RuleId];
export const configurableRuleIds = ruleIds.filter((id) => ruleCatalogue[id].severity !== 'required') as ConfigurableRuleId[];

export const isRequiredRule = (id: string): boolean => (ruleCatalogue as Record<string, RuleInfo>)[id]?.severity === 'required';
