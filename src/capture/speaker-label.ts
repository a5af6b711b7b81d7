import type { Cue } from './cue.ts';

/**
 * A leading speaker label: `L1: `, `$L1: `, `Marie : ` (French spacing), `SPEAKER_00: `,
 * `Dr. Smith: `. It starts with a capital letter or `$`, runs at most 32 characters and 4
 * words, and is followed by a colon and a space. A time (`10:30`) or a URL never matches.
 */
const LABEL = /^(\$?\p{Lu}[\p{L}\p{M}\p{N}_'’.-]*(?: [\p{L}\p{M}\p{N}_'’.-]+){0,3}) ?:[ \t]+(?=\S)/u;
const MAX_LABEL_LENGTH = 32;

/** The label at the start of `text` and the text after it, by shape alone. */
export function readSpeakerLabel(text: string): { speaker: string; rest: string } | null {
  const match = LABEL.exec(text);
  const speaker = match?.[1];
  if (!match || speaker === undefined || speaker.length > MAX_LABEL_LENGTH) return null;
  return { speaker, rest: text.slice(match[0].length) };
}

/**
 * Moves leading labels to `speaker` in cues that have none, but only where the file clearly
 * uses labels: the same label opens at least 2 cues, and labelled cues are at least a fifth of
 * the cues. So a stray "Note: …" or "So: …" stays text.
 */
export function takeSpeakerLabels(cues: Cue[]): Cue[] {
  const candidates = cues.map((cue) => (cue.speaker === null ? readSpeakerLabel(cue.text) : null));
  const counts = new Map<string, number>();
  for (const label of candidates) if (label) counts.set(label.speaker, (counts.get(label.speaker) ?? 0) + 1);
  const accepted = new Set([...counts].filter(([, count]) => count >= 2).map(([speaker]) => speaker));
  const labelled = candidates.filter((label) => label && accepted.has(label.speaker)).length;
  if (accepted.size === 0 || labelled * 5 < cues.length) return cues;
  return cues.map((cue, i) => {
    const label = candidates[i];
    return label && accepted.has(label.speaker) ? { ...cue, speaker: label.speaker, text: label.rest } : cue;
  });
}
