import { describe, expect, it } from 'vitest';
import { parseWebVtt } from '../../src/capture/parse-webvtt.ts';
import { TranscriptError } from '../../src/capture/transcript-error.ts';
import { readTranscript, speakers } from './transcript-fixtures.ts';

const vtt = (name: string) => parseWebVtt(readTranscript(name).text);

describe('parseWebVtt on real transcripts', () => {
  it('reads cue ids, voice spans and overlapping cues (fr-tapissier-d0009.vtt)', () => {
    const cues = vtt('fr-tapissier-d0009.vtt');
    expect(cues).toHaveLength(220);
    expect(cues[0]).toEqual({ id: 'c1', start: 2.113, end: 2.919, speaker: 'L2', text: 'bon, autre chose.' });
    expect(cues[2]?.text).toBe('est-ce que tu connais des, un endroit\noù je pourrais les laisser pour le');
    expect(cues.at(-1)).toEqual({ id: 'c220', start: 310.444, end: 311.129, speaker: 'L1', text: 'il y a pas de problème.' });
    expect(speakers(cues)).toEqual(new Set(['L1', 'L2', '$L1']));
    // Overlapping speech is kept as it is: some cues start before the previous one ends.
    expect(cues.some((cue, i) => i > 0 && (cue.start ?? 0) < (cues[i - 1]?.end ?? 0))).toBe(true);
  });

  it('reads the interview fr-electronicien-d0005.vtt', () => {
    const cues = vtt('fr-electronicien-d0005.vtt');
    expect(cues).toHaveLength(127);
    expect(cues[0]).toMatchObject({ id: 'c1', start: 1.468, end: 6.914, speaker: 'L2' });
    expect(cues.at(-1)).toMatchObject({ id: 'c127', start: 238.224, end: 240.883, speaker: 'L1', text: "parce qu'il y a la nouvelle\ngénération, tout ci, euh." });
  });

  it('keeps character references and skips the NOTE block (en-washing-machine-repair.vtt)', () => {
    const cues = vtt('en-washing-machine-repair.vtt');
    expect(cues).toHaveLength(182);
    expect(cues[0]).toEqual({ id: null, start: 0, end: 1, speaker: null, text: 'English (AU) (Spoken) [Manually Transcribed Captions]\ngithub.com/WizardTim/WizardTim-captions' });
    expect(cues[1]?.text).toBe("Today we're going to be attempting a&nbsp;\nrepair on this here washing machine.");
    expect(cues.at(-1)).toMatchObject({ start: 1291.36, end: 1303.84, text: "leave you with some video of the die of the&nbsp;\nbroken one it's pretty cool features in here." });
  });

  it('reads the YouTube export whose header lines follow WEBVTT without a blank line', () => {
    expect(vtt('en-washing-machine-repair.youtube.vtt')).toEqual(vtt('en-washing-machine-repair.vtt'));
  });

  it('starts a cue at every `-->` line even without the blank line before it', () => {
    expect(vtt('en-washing-machine-repair.missing-blank-line.vtt')).toEqual(vtt('en-washing-machine-repair.vtt'));
  });
});

describe('parseWebVtt edge cases', () => {
  it('gives the same cues for LF, CRLF and CR line endings, raw or normalised', () => {
    const lf = 'WEBVTT\n\nid\n00:01.000 --> 00:02.000 align:start\n<v.loud Mary  Ann>Hi</v> &amp; bye\n\n00:03.000 --> 00:04.000\nNOTE is text here\n';
    const expected = [
      { id: 'id', start: 1, end: 2, speaker: 'Mary Ann', text: 'Hi &amp; bye' },
      { id: null, start: 3, end: 4, speaker: null, text: 'NOTE is text here' },
    ];
    expect(parseWebVtt(lf)).toEqual(expected);
    expect(parseWebVtt(lf.replace(/\n/g, '\r\n'))).toEqual(expected);
    expect(parseWebVtt(lf.replace(/\n/g, '\r'))).toEqual(expected);
  });

  it('reads hours of any length, and rejects a cue whose timestamp has a bad field', () => {
    const cues = parseWebVtt('WEBVTT\n\n100:00:00.000 --> 100:00:01.500\na\n\n00:60.000 --> 00:61.000\nb\n\n000:00.000 --> 00:01.000\nc\n\n00:00.000 --> 00:01.0000\nd\n');
    expect(cues).toEqual([{ id: null, start: 360000, end: 360001.5, speaker: null, text: 'a' }]);
  });

  it('turns NUL into U+FFFD and keeps the spaces of ids and text', () => {
    expect(parseWebVtt('WEBVTT\n\n id \n00:00.000 --> 00:01.000\n a\0b \n')).toEqual([{ id: ' id ', start: 0, end: 1, speaker: null, text: ' a\uFFFDb ' }]);
  });

  it('gives no cue for NOTE, STYLE and REGION blocks', () => {
    const text = 'WEBVTT\n\nSTYLE\n::cue { color: red }\n\nREGION\nid:r width:40%\n\nNOTE a comment\n\n00:00.000 --> 00:01.000 region:r\nx\n';
    expect(parseWebVtt(text)).toEqual([{ id: null, start: 0, end: 1, speaker: null, text: 'x' }]);
  });

  it.each([
    ['', 1, 'The file is empty'],
    ['webvtt\n', 1, 'Unexpected `webvtt`, expected `WEBVTT` in capitals'],
    ['WEBVTX\n', 6, 'Unexpected `X`, expected `WEBVTT` at the start of the file'],
    ['WEBVTT-captions\n', 7, 'Unexpected `-` after `WEBVTT`, expected a space, a tab or a line break'],
    ['\uFEFFWEBVTT\n', 1, 'Unexpected U+FEFF'],
  ])('rejects a failed signature with line and column: %j', (text, column, message) => {
    const error = (() => {
      try {
        parseWebVtt(text);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(TranscriptError);
    expect(error).toMatchObject({ line: 1, column });
    expect((error as TranscriptError).message).toContain(message);
  });
});
