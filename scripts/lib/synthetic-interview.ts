/**
 * A synthetic interview of a senior by an interviewer, in French, deterministic for a seed:
 * about 10,000 words in about 900 cues per hour, with the kinds of talk capture must sort
 * (questions, steps with key points and reasons, safety, mistakes, tips, what-ifs, stories,
 * hesitations). Written as WebVTT, SubRip, Whisper JSON or plain text with `[hh:mm:ss] Name:`.
 */
import type { TranscriptFormat } from '../../src/capture/cue.ts';

export interface SyntheticCue {
  start: number;
  end: number;
  speaker: 'Intervieweur' | 'Senior';
  text: string;
}

const QUESTIONS = [
  'Par quoi commencez-vous ?',
  'Et ensuite, qu’est-ce que vous faites ?',
  'Pourquoi c’est si important ?',
  'Qu’est-ce qu’un débutant fait de travers ici ?',
  'Et si ça ne marche pas, que faites-vous ?',
  'Parlons sécurité : qu’est-ce qui est dangereux ?',
  'Quels outils faut-il ?',
  'Vous avez un conseil pour un apprenti ?',
  'Vous vous souvenez d’une fois où ça a mal tourné ?',
];
const VERBS = ['on coupe', 'on nettoie', 'on pose', 'on serre', 'on chauffe', 'on mesure', 'on vérifie', 'on marque', 'on perce', 'on tourne'];
const THINGS = ['le tube', 'le raccord', 'la pièce', 'le joint', 'la planche', 'le câble', 'le support', 'la vis', 'le cadre', 'la fixation'];
const STEPS = [
  (v: string, t: string) => `D'abord, ${v} ${t} bien droit, jusqu'à ce que ce soit propre.`,
  (v: string, t: string) => `Ensuite, ${v} ${t} doucement, parce que sinon ça casse.`,
  (v: string, t: string) => `Puis ${v} ${t}, pour que tout reste en place.`,
  (v: string, t: string) => `Après, ${v} ${t} à fond.`,
];
const TALK = [
  (t: string) => `Attention, ${t} peut vous brûler les doigts, il faut des gants.`,
  (t: string) => `L'erreur du débutant, c'est d'oublier de contrôler ${t}, et ça se voit tout de suite.`,
  (t: string) => `Le petit truc, c'est de marquer ${t} au crayon avant de commencer.`,
  (t: string) => `Si ${t} fuit après, il faut tout démonter et recommencer.`,
  (t: string) => `Une fois, chez un client, ${t} avait lâché au bout d'une semaine.`,
  (t: string) => `Euh, bon, ${t}, c'est, c'est du matériel qu'on trouve partout, hein.`,
  (t: string) => `On prend une pince, un tournevis et un mètre ruban pour ${t}.`,
  (t: string) => `Voilà, ${t} doit être bien propre, c'est le plus important.`,
];

/** A deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `hours` of interview: ~900 cues and ~10,000 words an hour. */
export function syntheticInterview(hours: number, seed = 1): SyntheticCue[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const cues: SyntheticCue[] = [];
  const total = Math.round(900 * hours);
  let time = 2;
  while (cues.length < total) {
    const question = pick(QUESTIONS);
    cues.push({ start: time, end: time + 3, speaker: 'Intervieweur', text: question });
    time += 3.5;
    const answers = 6 + Math.floor(next() * 5);
    for (let i = 0; i < answers && cues.length < total; i++) {
      const thing = pick(THINGS);
      const text = next() < 0.45 ? pick(STEPS)(pick(VERBS), thing) : pick(TALK)(thing);
      const duration = 3 + text.split(' ').length * 0.25;
      cues.push({ start: time, end: time + duration, speaker: 'Senior', text });
      time += duration + 0.2;
    }
  }
  // Stretch to the wanted length: an hour of cues spans 3,600 s.
  const scale = (3600 * hours) / time;
  return cues.map((cue) => ({ ...cue, start: round(cue.start * scale), end: round(cue.end * scale) }));
}

const round = (seconds: number) => Math.round(seconds * 1000) / 1000;

function stamp(seconds: number, separator: '.' | ','): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}${separator}${pad(ms % 1000, 3)}`;
}

/** The interview in one of the formats capture reads. */
export function formatInterview(cues: readonly SyntheticCue[], format: TranscriptFormat): string {
  switch (format) {
    case 'vtt':
      return `WEBVTT\n\n${cues.map((cue, i) => `c${i + 1}\n${stamp(cue.start, '.')} --> ${stamp(cue.end, '.')}\n<v ${cue.speaker}>${cue.text}`).join('\n\n')}\n`;
    case 'srt':
      return `${cues.map((cue, i) => `${i + 1}\n${stamp(cue.start, ',')} --> ${stamp(cue.end, ',')}\n${cue.speaker}: ${cue.text}`).join('\n\n')}\n`;
    case 'whisper':
      return JSON.stringify({ text: cues.map((cue) => cue.text).join(' '), segments: cues.map((cue, id) => ({ id, start: cue.start, end: cue.end, speaker: cue.speaker, text: ` ${cue.text}` })), language: 'fr' });
    case 'txt':
      return `${cues.map((cue) => `[${stamp(cue.start, '.').slice(0, 8)}] ${cue.speaker}: ${cue.text}`).join('\n\n')}\n`;
  }
}

export const countWords = (cues: readonly SyntheticCue[]): number => cues.reduce((sum, cue) => sum + cue.text.split(/\s+/).length, 0);
