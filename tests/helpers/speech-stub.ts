import type { BrowserContext, Page } from 'playwright-core';

/** What the page asked the speech engine to say. */
export interface SpokenUtterance {
  text: string;
  lang: string;
  rate: number;
  voice: string | null;
}

/**
 * Replaces the Web Speech API (`speechSynthesis`, `SpeechSynthesisUtterance`) before any page
 * script runs: the stub has the given voices, records every utterance instead of speaking it,
 * and ends each one after `window.__speechDelay` ms (40 by default). Nothing else of the page is
 * touched: this is the browser boundary.
 */
export function stubSpeech(target: BrowserContext | Page, voices: { name: string; lang: string }[]): Promise<unknown> {
  return target.addInitScript((voiceList) => {
    type Stubbed = EventTarget & { text: string; lang: string; rate: number; pitch: number; volume: number; voice: { name: string } | null };
    const spoken: { text: string; lang: string; rate: number; voice: string | null }[] = [];
    const queue: Stubbed[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const global = window as unknown as Record<string, unknown>;
    global.__spoken = spoken;
    class Utterance extends EventTarget {
      text: string;
      lang = '';
      rate = 1;
      pitch = 1;
      volume = 1;
      voice: { name: string } | null = null;
      constructor(text = '') {
        super();
        this.text = text;
      }
    }
    const voices = voiceList.map((voice, index) => ({ ...voice, voiceURI: voice.name, localService: true, default: index === 0 }));
    const synth = Object.assign(new EventTarget(), {
      speaking: false,
      pending: false,
      paused: false,
      getVoices: () => voices,
      speak(utterance: Stubbed) {
        spoken.push({ text: utterance.text, lang: utterance.lang, rate: utterance.rate, voice: utterance.voice?.name ?? null });
        queue.push(utterance);
        synth.speaking = true;
        if (queue.length === 1) schedule();
      },
      cancel() {
        clearTimeout(timer);
        const dropped = queue.splice(0);
        synth.speaking = false;
        for (const utterance of dropped) utterance.dispatchEvent(Object.assign(new Event('error'), { error: 'interrupted' }));
      },
      pause() { synth.paused = true; },
      resume() { synth.paused = false; },
    });
    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const utterance = queue.shift();
        synth.speaking = queue.length > 0;
        utterance?.dispatchEvent(new Event('end'));
        if (queue.length > 0) schedule();
      }, Number(global.__speechDelay ?? 40));
    }
    Object.defineProperty(window, 'speechSynthesis', { configurable: true, get: () => synth });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { configurable: true, writable: true, value: Utterance });
  }, voices);
}

export const spokenSoFar = (page: Page): Promise<SpokenUtterance[]> => page.evaluate(() => (window as unknown as { __spoken: SpokenUtterance[] }).__spoken.slice());
