import { Document, isSeq, visit } from 'yaml';
import { moduleFrontmatterSchema, type ModuleFrontmatter } from '../schemas/module.ts';
import type { DraftLanguage } from './detect-language.ts';
import { draftLabels } from './draft-labels.ts';
import type { Proposal, SkillLabels } from './match-taxonomy.ts';
import type { Segmentation } from './segment-transcript.ts';

export interface FrontmatterInput {
  trade: { id: string; label: Record<string, string> };
  /** The trade's skills, in the order to fall back on when none matches. */
  skills: readonly SkillLabels[];
  proposedSkills: readonly Proposal[];
  authors: readonly string[];
  language: DraftLanguage;
  segmentation: Segmentation;
  source?: { transcript?: string; recording?: string };
  licence?: string;
}

export interface ProposedFrontmatter {
  data: ModuleFrontmatter;
  /** Where the title came from: a skill id, or null for the trade's fallback title. */
  titleFrom: string | null;
  /** Skills were not matched: the first of the trade's skills was taken. */
  skillsByDefault: boolean;
  estimate: { steps: number; words: number };
}

const MAX_TITLE = 80;

/**
 * The frontmatter of a draft, valid for the module schema (it is parsed by it before being
 * returned, so a draft never starts with a schema error): title from the best-matching skill,
 * skills proposed from shared words (or the trade's first skill), level 2 when the senior gave
 * 3 steps or more, otherwise 1; duration from the words kept and the steps (2 minutes each, 10 at most; 5–60 minutes, in 5s).
 */
export function proposeFrontmatter(input: FrontmatterInput): ProposedFrontmatter {
  const labels = draftLabels[input.language];
  const skillsByDefault = input.proposedSkills.length === 0;
  const skillIds = skillsByDefault ? input.skills.slice(0, 1).map((skill) => skill.id) : input.proposedSkills.map((proposal) => proposal.id);
  const titleSkill = skillsByDefault ? undefined : input.skills.find((skill) => skill.id === input.proposedSkills[0]?.id);
  const tradeLabel = input.trade.label[input.language] ?? input.trade.label.fr ?? input.trade.id;
  const title = truncate(titleSkill ? (titleSkill.label[input.language] ?? titleSkill.label.fr ?? titleSkill.id) : labels.untitled(tradeLabel), MAX_TITLE);
  const segments = input.segmentation.segments;
  const steps = segments.filter((segment) => segment.kind === 'step').length;
  const words = segments.reduce((sum, segment) => sum + segment.sentences.reduce((n, sentence) => n + sentence.words, 0), 0);
  const minutes = Math.min(60, Math.max(5, Math.round((words / 120 + Math.min(steps, 10) * 2 + 5) / 5) * 5));
  const source = input.source && (input.source.transcript || input.source.recording) ? input.source : undefined;
  const data = moduleFrontmatterSchema.parse({
    title,
    summary: labels.summary(title),
    trade: input.trade.id,
    skills: skillIds,
    level: steps >= 3 ? 2 : 1,
    duration: minutes,
    language: input.language,
    authors: [...input.authors],
    prerequisites: [],
    ...(source ? { source: Object.fromEntries(Object.entries(source).filter(([, value]) => value)) } : {}),
    status: 'draft',
    ...(input.licence ? { licence: input.licence } : {}),
  });
  return { data, titleFrom: titleSkill?.id ?? null, skillsByDefault, estimate: { steps, words } };
}

/** The frontmatter as YAML in the library's style: keys in schema order, short lists in `[a, b]`. */
export function frontmatterYaml(data: ModuleFrontmatter): string {
  const ordered = Object.fromEntries(Object.keys(moduleFrontmatterSchema.shape).flatMap((key) => (key in data && data[key as keyof ModuleFrontmatter] !== undefined ? [[key, data[key as keyof ModuleFrontmatter]]] : [])));
  const document = new Document(ordered);
  visit(document, {
    Seq(_key, node) {
      if (isSeq(node)) node.flow = true;
    },
  });
  return document.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd();
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}
