/**
 * `<relais-read-aloud>`: reads a module aloud with the Web Speech API.
 *
 * The text is taken from the page as it is shown (headings, paragraphs, steps with their key
 * point and reason, safety notes, checklist and quiz), cut into sentences with Intl.Segmenter,
 * and spoken one sentence per utterance: the current sentence is highlighted (CSS Custom
 * Highlight API, else its block is outlined), long texts never hit the engines' utterance
 * limits, and pause/resume restart the current sentence — `speechSynthesis.pause()` is
 * unreliable on Android, so pausing cancels and remembers where it was.
 */
interface Sentence {
  text: string;
  range: Range;
  block: Element;
}

const blocks = 'h1, h2, h3, h4, p, li, dt, dd, legend, figcaption, summary, td, th, .knowhow-title';
/** Never read: popovers (read when opened), clips, answers, glosses in other languages, the controls themselves. */
const skipped = '[popover], .clip, details, script, style, select, button[type=submit], [hidden], [aria-hidden="true"], .gloss, .meta, .facts, .recording, relais-read-aloud, relais-help-language, relais-offline-pack';
const highlightName = 'relais-read-aloud';
const rateKey = 'relais:read-rate';

const normalizeLanguage = (tag: string) => tag.replace('_', '-').toLowerCase();

function collectSentences(root: Element, language: string): Sentence[] {
  const groups: { block: Element; nodes: Text[] }[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(skipped) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const block = node.parentElement?.closest(blocks);
    if (!block || !root.contains(block)) continue;
    const last = groups.at(-1);
    if (last?.block === block) last.nodes.push(node);
    else groups.push({ block, nodes: [node] });
  }
  const segmenter = 'Segmenter' in Intl ? new Intl.Segmenter(language, { granularity: 'sentence' }) : undefined;
  const sentences: Sentence[] = [];
  for (const { block, nodes } of groups) {
    const starts: number[] = [];
    let text = '';
    for (const node of nodes) {
      starts.push(text.length);
      text += node.data;
    }
    const locate = (offset: number): [Text, number] => {
      let index = starts.length - 1;
      while (index > 0 && starts[index]! > offset) index--;
      return [nodes[index]!, Math.min(offset - starts[index]!, nodes[index]!.length)];
    };
    const pieces = segmenter
      ? [...segmenter.segment(text)].map((piece) => ({ start: piece.index, value: piece.segment }))
      : [...text.matchAll(/[^.!?…؟]+[.!?…؟]*\s*/g)].map((match) => ({ start: match.index, value: match[0] }));
    for (const piece of pieces) {
      const spoken = piece.value.replace(/\s+/g, ' ').trim();
      if (!/[\p{L}\p{N}]/u.test(spoken)) continue;
      const lead = piece.value.length - piece.value.trimStart().length;
      const range = document.createRange();
      range.setStart(...locate(piece.start + lead));
      range.setEnd(...locate(piece.start + piece.value.trimEnd().length));
      sentences.push({ text: spoken, range, block });
    }
  }
  return sentences;
}

class RelaisReadAloud extends HTMLElement {
  private language = normalizeLanguage(this.dataset.lang ?? document.documentElement.lang);
  private text: Record<string, string> = JSON.parse(this.dataset.text ?? '{}');
  private sentences: Sentence[] = [];
  private index = 0;
  private state: 'idle' | 'playing' | 'paused' = 'idle';
  private generation = 0;
  private voice: SpeechSynthesisVoice | undefined;
  private playButton = this.querySelector<HTMLButtonElement>('[data-action=play]')!;
  private stopButton = this.querySelector<HTMLButtonElement>('[data-action=stop]')!;
  private rateSelect = this.querySelector<HTMLSelectElement>('select')!;
  private reading: Element | undefined;

  connectedCallback() {
    if (!('speechSynthesis' in window) || typeof SpeechSynthesisUtterance === 'undefined') return;
    const findVoice = () => {
      this.voice = this.pickVoice();
      this.hidden = !this.voice;
    };
    findVoice();
    // Voices often arrive after the page (Chrome loads them asynchronously).
    speechSynthesis.addEventListener?.('voiceschanged', findVoice);
    try {
      const saved = localStorage.getItem(rateKey);
      if (saved && [...this.rateSelect.options].some((option) => option.value === saved)) this.rateSelect.value = saved;
    } catch { /* private mode */ }
    this.playButton.addEventListener('click', () => this.toggle());
    this.stopButton.addEventListener('click', () => this.stop());
    this.rateSelect.addEventListener('change', () => {
      try { localStorage.setItem(rateKey, this.rateSelect.value); } catch { /* private mode */ }
      if (this.state === 'playing') this.play(this.index);
    });
    addEventListener('pagehide', () => this.stop());
  }

  /** The device's voice for the module's language: exact tag first, then same base language, local voices first. */
  private pickVoice(): SpeechSynthesisVoice | undefined {
    const voices = speechSynthesis.getVoices();
    const base = this.language.split('-')[0]!;
    const matching = voices.filter((voice) => normalizeLanguage(voice.lang).split('-')[0] === base);
    const score = (voice: SpeechSynthesisVoice) => (normalizeLanguage(voice.lang) === this.language ? 4 : 0) + (voice.localService ? 2 : 0) + (voice.default ? 1 : 0);
    return matching.sort((a, b) => score(b) - score(a))[0];
  }

  private toggle() {
    if (this.state === 'playing') return this.pause();
    if (this.state === 'paused') return this.play(this.index);
    const target = document.querySelector(this.dataset.target ?? 'main') ?? document.body;
    this.sentences = collectSentences(target, this.language);
    this.play(0);
  }

  private play(from: number) {
    this.state = 'playing';
    this.generation++;
    speechSynthesis.cancel();
    this.render();
    // Some engines drop an utterance queued in the same task as a cancel().
    setTimeout(() => this.speakFrom(from), 0);
  }

  private pause() {
    this.state = 'paused';
    this.generation++;
    speechSynthesis.cancel();
    this.render();
  }

  private stop() {
    if (this.state === 'idle') return;
    this.state = 'idle';
    this.generation++;
    speechSynthesis.cancel();
    this.index = 0;
    this.highlight(undefined);
    this.render();
  }

  private speakFrom(index: number) {
    const generation = ++this.generation;
    if (this.state !== 'playing') return;
    const sentence = this.sentences[index];
    if (!sentence) return this.stop();
    this.index = index;
    this.highlight(sentence);
    const utterance = new SpeechSynthesisUtterance(sentence.text);
    utterance.lang = this.voice?.lang ?? this.language;
    if (this.voice) utterance.voice = this.voice;
    utterance.rate = Number(this.rateSelect.value) || 1;
    const next = () => {
      if (generation === this.generation && this.state === 'playing') this.speakFrom(index + 1);
    };
    utterance.addEventListener('end', next);
    utterance.addEventListener('error', (event) => {
      if (event.error !== 'interrupted' && event.error !== 'canceled') next();
    });
    speechSynthesis.speak(utterance);
  }

  private highlight(sentence: Sentence | undefined) {
    const registry = (globalThis.CSS as { highlights?: Map<string, unknown> } | undefined)?.highlights;
    const HighlightClass = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
    if (registry && HighlightClass) {
      if (sentence) registry.set(highlightName, new HighlightClass(sentence.range));
      else registry.delete(highlightName);
    }
    this.reading?.classList.remove('reading');
    this.reading = sentence?.block;
    this.reading?.classList.add('reading');
    if (sentence) {
      const box = sentence.block.getBoundingClientRect();
      if (box.top < 0 || box.bottom > innerHeight) {
        sentence.block.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
      }
    }
  }

  private render() {
    const label = this.playButton.querySelector('.label')!;
    const icon = this.playButton.querySelector('.icon')!;
    label.textContent = this.state === 'playing' ? this.text.pause ?? '' : this.state === 'paused' ? this.text.resume ?? '' : this.text.play ?? '';
    icon.textContent = this.state === 'playing' ? '❚❚' : '▶';
    this.stopButton.disabled = this.state === 'idle';
    this.dataset.state = this.state;
  }
}

customElements.define('relais-read-aloud', RelaisReadAloud);
