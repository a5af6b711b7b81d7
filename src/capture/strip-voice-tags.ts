// ASCII whitespace as the WebVTT cue text tokenizer sees it (CR is gone by then).
const TAG_WHITESPACE = new Set(['\t', '\n', '\f', ' ']);

/**
 * Removes the voice tags (`<v Name>`, `<v.class Name>`, `<v>`, `</v>`) from raw cue text and
 * returns the first voice's name, per the rule of the conformance set's README: a tag runs from
 * `<` to the next `>` (or the end), every other character and tag stays as written, and the
 * name is the first voice tag's annotation with ASCII whitespace trimmed and runs collapsed
 * (character references not decoded). Text without a voice start tag is returned unchanged.
 */
export function stripVoiceTags(raw: string): { text: string; speaker: string | null } {
  if (!raw.includes('<v')) return { text: raw, speaker: null };
  let text = '';
  let speaker: string | null = null;
  let sawVoice = false;
  let i = 0;
  while (i < raw.length) {
    const open = raw.indexOf('<', i);
    if (open === -1) {
      text += raw.slice(i);
      break;
    }
    text += raw.slice(i, open);
    const close = raw.indexOf('>', open + 1);
    const end = close === -1 ? raw.length : close + 1;
    const inner = raw.slice(open + 1, close === -1 ? raw.length : close);
    if (isVoiceStart(inner)) {
      if (!sawVoice) speaker = voiceName(inner);
      sawVoice = true;
    } else if (inner !== '/v') {
      text += raw.slice(open, end);
    }
    i = end;
  }
  // Without a voice start tag the raw text is the answer, even if it holds a stray `</v>`.
  return sawVoice ? { text, speaker: speaker === '' ? null : speaker } : { text: raw, speaker: null };
}

function isVoiceStart(inner: string): boolean {
  const next = inner[1];
  return inner[0] === 'v' && (next === undefined || next === '.' || TAG_WHITESPACE.has(next));
}

function voiceName(inner: string): string {
  let k = 1;
  while (k < inner.length && !TAG_WHITESPACE.has(inner[k] ?? '')) k++; // skip `.class.class`
  return inner
    .slice(k)
    .replace(/[\t\n\f ]+/g, ' ')
    .replace(/^ | $/g, '');
}
