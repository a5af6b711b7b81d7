import type { BlockContent, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import type { DraftLanguage } from './detect-language.ts';
import { clockTime, draftLabels } from './draft-labels.ts';
import type { KnowHowSegment, Segmentation } from './segment-transcript.ts';

export interface DraftTreeInput {
  segmentation: Segmentation;
  language: DraftLanguage;
  /** YAML of the frontmatter (without the `---` lines). */
  frontmatter: string;
  /** Glossary terms of the module's language: their first use becomes a `<Term>`. */
  glossary: readonly string[];
}

/**
 * The draft as an mdast tree, in the library's usual order: tools, safety, steps, beginners'
 * mistakes, tips, what-ifs, stories, and a checklist to write with the senior. Each know-how
 * block is followed by `<Clip at="hh:mm:ss" />` at the moment its first sentence starts (when
 * the transcript has times). Steps read `**Action.** Point clé : … Pourquoi : …`, with
 * `à compléter` where the senior did not say it; with no step found, one placeholder step
 * keeps the place (a published module needs `<Steps>`).
 */
export function buildDraftTree(input: DraftTreeInput): Root {
  const { segmentation, language } = input;
  const labels = draftLabels[language];
  const terms = new TermLinker(input.glossary);
  const children: RootContent[] = [{ type: 'yaml', value: input.frontmatter }];
  const of = (kind: KnowHowSegment['kind']) => segmentation.segments.filter((segment) => segment.kind === kind);

  if (segmentation.tools.length > 0) {
    children.push(element('Tools', [list(false, segmentation.tools.map((tool) => item([paragraph(terms.link(capitalise(tool.name)))])))]));
    pushClip(children, segmentation.tools.map((tool) => tool.start));
  }
  for (const segment of of('safety')) pushBlock(children, 'Safety', segment, terms);

  const steps = of('step');
  const stepItems = steps.length > 0 ? steps.map((segment) => stepItem(segment, labels, terms)) : [stepItem(null, labels, terms)];
  children.push(element('Steps', [list(true, stepItems)]));
  pushClip(children, steps.map((step) => step.start));

  for (const segment of of('mistake')) pushBlock(children, 'Mistake', segment, terms);
  for (const segment of of('tip')) pushBlock(children, 'Tip', segment, terms);
  const section = (heading: string, segments: KnowHowSegment[]) => {
    if (segments.length === 0) return;
    children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: heading }] });
    for (const segment of segments) {
      children.push(paragraph(terms.link(segmentText(segment))));
      pushClip(children, [segment.start]);
    }
  };
  section(labels.whatIfHeading, of('whatif'));
  section(labels.storiesHeading, of('story'));
  children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: labels.checklistHeading }] });
  children.push(element('Checklist', [list(false, [{ ...item([paragraph([{ type: 'text', value: labels.checklistItem }])]), checked: false }])]));
  return { type: 'root', children };
}

function pushBlock(children: RootContent[], name: 'Safety' | 'Mistake' | 'Tip', segment: KnowHowSegment, terms: TermLinker): void {
  children.push(element(name, [paragraph(terms.link(segmentText(segment)))]));
  pushClip(children, [segment.start]);
}

function pushClip(children: RootContent[], starts: readonly (number | null)[]): void {
  const known = starts.filter((start): start is number => start !== null);
  if (known.length === 0) return;
  children.push({
    type: 'mdxJsxFlowElement',
    name: 'Clip',
    attributes: [{ type: 'mdxJsxAttribute', name: 'at', value: clockTime(Math.min(...known)) }],
    children: [],
  });
}

/** A block's sentences as one paragraph; cut pieces of run-on captions get their full stop. */
export function segmentText(segment: KnowHowSegment): string {
  return segment.sentences.map((sentence) => (sentence.runsOn ? sentence.text : withFullStop(sentence.text))).join(' ');
}

const withFullStop = (text: string): string => (/[.!?…]["»”’)]*$/u.test(text) ? text : `${text.replace(/[,;:\s]+$/, '')}.`);

function stepItem(segment: KnowHowSegment | null, labels: (typeof draftLabels)[DraftLanguage], terms: TermLinker): ListItem {
  const parts = segment?.step;
  const action = parts ? capitalise(parts.action.replace(/[.!?…]+$/u, '')) : labels.actionToComplete;
  const keyPoint = parts?.keyPoint ? capitalise(parts.keyPoint) : labels.toComplete;
  const reason = parts?.reason ? capitalise(parts.reason) : labels.toComplete;
  return item([
    paragraph([
      { type: 'strong', children: terms.link(`${action}.`) },
      ...terms.link(` ${labels.keyPoint} ${withFullStop(keyPoint)} ${labels.why} ${withFullStop(reason)}`),
    ]),
  ]);
}

const capitalise = (text: string): string => text.charAt(0).toLocaleUpperCase() + text.slice(1);

function element(name: string, children: BlockContent[]): MdxJsxFlowElement {
  return { type: 'mdxJsxFlowElement', name, attributes: [], children };
}

function list(ordered: boolean, items: ListItem[]): List {
  return { type: 'list', ordered, start: ordered ? 1 : null, spread: false, children: items };
}

function item(children: BlockContent[]): ListItem {
  return { type: 'listItem', spread: false, children };
}

function paragraph(children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children };
}

/**
 * Wraps the first use of each glossary term in `<Term>` (whole words, any case; `id` is given
 * when the text differs from the entry), as authors are asked to (docs/authoring.md).
 */
class TermLinker {
  private readonly pattern: RegExp | null;
  private readonly byLower = new Map<string, string>();
  private readonly used = new Set<string>();

  constructor(terms: readonly string[]) {
    for (const term of terms) this.byLower.set(term.toLowerCase(), term);
    const alternatives = [...this.byLower.keys()].sort((a, b) => b.length - a.length).map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.pattern = alternatives.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu') : null;
  }

  link(text: string): PhrasingContent[] {
    if (!this.pattern) return [{ type: 'text', value: text }];
    const out: PhrasingContent[] = [];
    let last = 0;
    for (const match of text.matchAll(this.pattern)) {
      const entry = this.byLower.get(match[0].toLowerCase());
      if (entry === undefined || this.used.has(entry)) continue;
      this.used.add(entry);
      if (match.index > last) out.push({ type: 'text', value: text.slice(last, match.index) });
      const term: MdxJsxTextElement = {
        type: 'mdxJsxTextElement',
        name: 'Term',
        attributes: match[0] === entry ? [] : [{ type: 'mdxJsxAttribute', name: 'id', value: entry }],
        children: [{ type: 'text', value: match[0] }],
      };
      out.push(term);
      last = match.index + match[0].length;
    }
    if (last < text.length) out.push({ type: 'text', value: text.slice(last) });
    return out;
  }
}
