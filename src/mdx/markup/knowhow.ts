import type { GlossaryEntry } from '../../schemas/index.ts';
import { translator, uiLanguageFor, uiLanguages } from '../../i18n/strings.ts';
import { normalizeTerm, termAnchor } from '../../site/lib/anchors.ts';
import { structureSteps } from '../step-markup.ts';
import { readTaskList } from '../task-list.ts';
import { isoDuration, parseTimestamp } from '../timestamp.ts';
import { attributes, escapeText } from './escape.ts';
import { glossesHtml } from './glosses.ts';
import { pictureHtml } from './picture-fs.ts';

/**
 * The know-how components' markup: the one implementation of Steps, Safety, Tip, Mistake,
 * Tools, Clip, Quiz, Checklist and Term. Each takes the HTML of its children (already
 * rendered) and its literal props, and returns its HTML; render-body.ts calls them while it
 * turns a module body into HTML, once per module, in the content loader (docs/adr/0009).
 */
export interface BodyContext {
  /** The module's language (its `language` field). */
  language: string;
  glossary?: ReadonlyMap<string, GlossaryEntry>;
  /** The glossary page in the module's UI language. */
  glossaryUrl: string;
  /** The module's recording exists: clips can play it. */
  hasRecording: boolean;
  /** The content folder, where pictures are read to learn their size. */
  contentDir: string;
}

/** What rendering a body needs as it goes: page-unique ids, terms already glossed. */
export class BodyRenderer {
  readonly t: ReturnType<typeof translator>;
  private counter = 0;
  private terms = 0;
  private readonly glossed = new Set<string>();
  /** Components met, so the page adds only the scripts the body needs. */
  readonly used = new Set<string>();

  readonly context: BodyContext;

  constructor(context: BodyContext) {
    this.context = context;
    this.t = translator(uiLanguageFor(context.language));
  }

  /** A page-unique id for labels and popovers. */
  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}-${this.counter}`;
  }

  /**
   * The body's HTML with the ids of its terms numbered after those of the other components, as
   * the .astro components numbered them (a term took its id after rendering its text), so that
   * pages and their ids stay as they were.
   */
  finish(html: string): string {
    // NUL marks a placeholder: it cannot occur in a module's text.
    // eslint-disable-next-line no-control-regex
    return html.replace(/\u0000term-(\d+)\u0000/g, (_, index: string) => `term-${this.counter + Number(index)}`);
  }

  /** `name` with its literal props and the HTML of its children → its HTML. */
  component(name: string, props: Readonly<Record<string, string>>, children: string): string {
    this.used.add(name);
    switch (name) {
      case 'Safety':
      case 'Tip':
      case 'Mistake':
        return this.callout(name.toLowerCase() as 'safety' | 'tip' | 'mistake', children);
      case 'Steps':
        return this.steps(children);
      case 'Tools':
        return this.tools(children);
      case 'Clip':
        return this.clip(props.at ?? '');
      case 'Quiz':
        return this.quiz(children);
      case 'Checklist':
        return this.checklist(children);
      case 'Term':
        return this.term(children, props.id);
      default:
        // The checker refuses any other element before the build; never reached with checked content.
        throw new Error(`Unknown component <${name}>: only the know-how components can be used in a module`);
    }
  }

  /** Safety, Tip and Mistake: a titled note the reader cannot miss. */
  private callout(kind: 'safety' | 'tip' | 'mistake', children: string): string {
    const icons = { safety: '⚠', tip: '✦', mistake: '✗' } as const;
    return `<div class="knowhow ${kind}" role="note"><p class="knowhow-title"><strong><span aria-hidden="true">${icons[kind]} </span>${escapeText(this.t(`knowhow.${kind}`))}</strong></p>${children}</div>`;
  }

  /** Each step's "key point" and "why" become visible parts; the labels of every UI language are read. */
  private steps(children: string): string {
    const id = this.nextId('steps');
    const labels = {
      keyPoint: uiLanguages.map((code) => translator(code)('knowhow.keyPoint')),
      why: uiLanguages.map((code) => translator(code)('knowhow.why')),
    };
    return `<section class="knowhow steps" aria-labelledby="${id}"><h2 id="${id}">${escapeText(this.t('knowhow.steps'))}</h2>${structureSteps(children, labels)}</section>`;
  }

  private tools(children: string): string {
    const id = this.nextId('tools');
    return `<section class="knowhow tools" aria-labelledby="${id}"><h2 id="${id}">${escapeText(this.t('knowhow.tools'))}</h2>${children}</section>`;
  }

  /** `<Clip at="00:12:31" />`: plays the recording from there when it exists, else shows the time. */
  private clip(at: string): string {
    const seconds = parseTimestamp(at);
    if (this.context.hasRecording && seconds !== undefined) {
      return `<button type="button" class="clip"${attributes({ 'data-clip-at': seconds })}><span aria-hidden="true">▶</span> ${escapeText(this.t('knowhow.clip', { time: at }))}</button>`;
    }
    const inner = seconds === undefined ? escapeText(at) : `<span>${escapeText(this.t('knowhow.clipAt', { time: '' }))}<time${attributes({ datetime: isoDuration(seconds) })}>${escapeText(at)}</time></span>`;
    return `<span class="clip">${inner}</span>`;
  }

  /** A task list becomes real, labelled choices; one right answer reads as radio buttons. */
  private quiz(children: string): string {
    const id = this.nextId('quiz');
    const { before, items, after } = readTaskList(children);
    const right = items.flatMap((item, index) => (item.checked ? [index] : []));
    const type = right.length === 1 ? 'radio' : 'checkbox';
    const question = before.replace(/^\s*<p>|<\/p>\s*$/g, '').trim();
    const t = this.t;
    const choices = items.map((item, index) => `<li><label><input${attributes({ type, name: id, value: String(index) })}> <span>${item.html}</span></label></li>`).join('');
    return `<relais-quiz class="knowhow quiz"${attributes({ 'data-answer': right.join(',') })}><form><fieldset><legend><span class="knowhow-title"><strong>${escapeText(t('knowhow.quiz'))}</strong></span><br><span>${question}</span></legend><ul>${choices}</ul></fieldset>${after}<button type="submit" hidden>${escapeText(t('knowhow.quizCheck'))}</button><p class="quiz-feedback" role="status" aria-live="polite"${attributes({ 'data-right': t('knowhow.quizRight'), 'data-wrong': t('knowhow.quizWrong') })}></p><details><summary>${escapeText(t('knowhow.quizAnswer'))}</summary><ul>${right.map((index) => `<li>${items[index]!.html}</li>`).join('')}</ul></details></form></relais-quiz>`;
  }

  private checklist(children: string): string {
    const id = this.nextId('checklist');
    const { before, items, after } = readTaskList(children);
    const boxes = items.map((item, index) => `<li><label><input type="checkbox"${attributes({ name: `${id}-${index}` })}> <span>${item.html}</span></label></li>`).join('');
    return `<relais-checklist class="knowhow checklist" data-key="${id}"><section aria-labelledby="${id}"><h2 id="${id}"><span aria-hidden="true">☑ </span>${escapeText(this.t('knowhow.checklist'))}</h2>${before}<ul>${boxes}</ul>${after}<p class="checklist-done" role="status" hidden>${escapeText(this.t('knowhow.checklistDone'))}</p></section></relais-checklist>`;
  }

  /**
   * `<Term>brasure</Term>`: a glossary word; tapping it opens the definition and picture in a
   * native popover (no script). Its first use carries the glosses of the entry.
   */
  private term(children: string, id: string | undefined): string {
    const html = children.trim();
    const key = normalizeTerm(id ?? html.replace(/<[^>]+>/g, '').trim());
    const entry = this.context.glossary?.get(key);
    if (!entry) return `<span class="term">${html}</span>`;
    // A placeholder until finish() knows how many other ids the body has (Markdown turns a NUL into U+FFFD).
    this.terms += 1;
    const popoverId = `\u0000term-${this.terms}\u0000`;
    const firstUse = !this.glossed.has(key);
    this.glossed.add(key);
    const glosses = firstUse ? glossesHtml(entry.glosses, this.context.language) : '';
    const picture = entry.picture ? pictureHtml({ src: entry.picture, alt: key, class: 'term-picture', sizes: '14rem' }, this.context.contentDir) : '';
    const url = `${this.context.glossaryUrl}#${termAnchor(key)}`;
    return `<span class="term"><button type="button"${attributes({ popovertarget: popoverId })}>${html}</button>${glosses}<span popover${attributes({ id: popoverId })} class="term-popup"><strong>${escapeText(key)}</strong> ${escapeText(entry.definition)} ${picture} <a${attributes({ href: url })}>${escapeText(this.t('glossary.more'))}</a></span></span>`;
  }
}
