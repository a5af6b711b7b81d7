import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx';
import type { Options as ToMarkdownOptions } from 'remark-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { ModuleFrontmatter } from '../schemas/module.ts';
import type { Cue } from './cue.ts';
import { detectLanguage, type DraftLanguage } from './detect-language.ts';
import { frontmatterYaml, proposeFrontmatter } from './draft-frontmatter.ts';
import { reviewChecklist, reviewMarkdown, type ReviewItem } from './draft-review.ts';
import { buildDraftTree } from './draft-tree.ts';
import { glossaryCandidates, proposeSkills, stemCounts, type SkillLabels } from './match-taxonomy.ts';
import { segmentTranscript, type Segmentation } from './segment-transcript.ts';

export interface DraftOptions {
  trade: { id: string; label: Record<string, string> };
  /** The skills of that trade (a draft needs at least one). */
  skills: readonly SkillLabels[];
  /** Author ids (content/authors/); a draft needs at least one. */
  authors: readonly string[];
  /** Terms of the glossary in the module's language (first uses become `<Term>`). */
  glossary?: readonly string[];
  /** Words of the trade's ROME fiche, for glossary candidates. */
  tradeWords?: readonly string[];
  /** `media/…` paths for `source` in the frontmatter. */
  source?: { transcript?: string; recording?: string };
  licence?: string;
  /** The transcript's name, for the review checklist. */
  sourceName: string;
  /** Default: detected from the words. */
  language?: DraftLanguage;
  interviewer?: string;
  senior?: string;
  /** Problems met while reading the transcript, repeated in the review checklist. */
  transcriptWarnings?: readonly string[];
  /** Where the draft will be, named in the review file (default `modules/<trade>/<slug>.mdx`). */
  draftPath?: string;
}

export interface Draft {
  /** The module file: frontmatter and body. */
  mdx: string;
  frontmatter: ModuleFrontmatter;
  review: ReviewItem[];
  /** The review checklist as its own Markdown file (`<slug>.review.md`, see docs/capture.md). */
  reviewMarkdown: string;
  segmentation: Segmentation;
  glossaryCandidates: string[];
}

/** A draft cannot be written (nothing to say, or nothing to tag it with); the message says what to do. */
export class DraftError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DraftError';
  }
}

/**
 * Cues → a draft module (MDX) and its review checklist (Markdown), pure: segmentation,
 * frontmatter proposal, review items, mdast tree, then remark (remark-mdx, remark-frontmatter,
 * remark-gfm) to text.
 */
export function writeDraft(cues: readonly Cue[], options: DraftOptions): Draft {
  if (options.skills.length === 0) throw new DraftError(`Trade \`${options.trade.id}\` has no skill yet, and a module needs one: add content/skills/<id>.yaml with \`trade: ${options.trade.id}\``);
  if (options.authors.length === 0) throw new DraftError('A module needs an author: pass --author <id> (a file in content/authors/)');
  const segmentation = segmentTranscript(cues, { language: options.language ?? detectLanguage(cues.slice(0, 400).map((cue) => cue.text).join(' ')).language, interviewer: options.interviewer, senior: options.senior });
  return draftFromSegmentation(segmentation, options);
}

/** The second half of writeDraft, for callers that segmented already (the benchmark times each half). */
export function draftFromSegmentation(segmentation: Segmentation, options: DraftOptions): Draft {
  if (options.skills.length === 0) throw new DraftError(`Trade \`${options.trade.id}\` has no skill yet, and a module needs one: add content/skills/<id>.yaml with \`trade: ${options.trade.id}\``);
  if (options.authors.length === 0) throw new DraftError('A module needs an author: pass --author <id> (a file in content/authors/)');
  if (segmentation.stats.words === 0) throw new DraftError('The transcript has no words from the senior to draft from');
  const language = segmentation.language;
  const counts = stemCounts(answerText(segmentation));
  const proposedSkills = proposeSkills(counts, options.skills);
  const frontmatter = proposeFrontmatter({
    trade: options.trade,
    skills: options.skills,
    proposedSkills,
    authors: options.authors,
    language,
    segmentation,
    source: options.source,
    licence: options.licence,
  });
  const candidates = glossaryCandidates({ tools: segmentation.tools.map((tool) => tool.name), tradeWords: options.tradeWords ?? [], counts, glossary: options.glossary ?? [] });
  const review = reviewChecklist({
    language,
    sourceName: options.sourceName,
    segmentation,
    frontmatter,
    proposedSkills,
    glossaryCandidates: candidates,
    transcriptWarnings: [...(options.transcriptWarnings ?? []), ...segmentation.warnings],
  });
  const tree = buildDraftTree({ segmentation, language, frontmatter: frontmatterYaml(frontmatter.data), glossary: options.glossary ?? [] });
  const markdown = reviewMarkdown(review, { language, title: frontmatter.data.title, draftPath: options.draftPath ?? `modules/${options.trade.id}/…`, sourceName: options.sourceName });
  return { mdx: stringifyDraft(tree), frontmatter: frontmatter.data, review, reviewMarkdown: markdown, segmentation, glossaryCandidates: candidates };
}

/** What the interview is about: the senior's words and the questions asked (which often name the task). */
function answerText(segmentation: Segmentation): string {
  const parts: string[] = segmentation.questions.map((question) => question.text);
  for (const segment of segmentation.segments) for (const sentence of segment.sentences) parts.push(sentence.text);
  for (const sentence of segmentation.unused) parts.push(sentence.text);
  return parts.join(' ');
}

// The library's house style for components (docs/authoring.md): an empty line after the opening
// tag and before the closing one, children not indented; literal string props only.
const handlers: ToMarkdownOptions['handlers'] = {
  mdxJsxFlowElement(node: MdxJsxFlowElement, _parent, state, info) {
    const attributes = node.attributes
      .map((attribute) => {
        if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') throw new Error(`Unexpected non-literal prop on <${node.name}>`);
        const quote = attribute.value.includes('"') ? "'" : '"';
        return ` ${attribute.name}=${quote}${attribute.value}${quote}`;
      })
      .join('');
    if (node.children.length === 0) return `<${node.name}${attributes} />`;
    return `<${node.name}${attributes}>\n\n${state.containerFlow(node, info)}\n\n</${node.name}>`;
  },
};

const processor = unified()
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkMdx)
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', listItemIndent: 'one', rule: '-', emphasis: '_', strong: '*', fences: true, handlers });

/** mdast (with frontmatter, MDX and GFM nodes) → MDX text. */
export function stringifyDraft(tree: Root): string {
  return processor.stringify(tree);
}
