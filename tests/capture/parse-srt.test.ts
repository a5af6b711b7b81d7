import { describe, expect, it } from 'vitest';
import { parseSrt } from '../../src/capture/parse-srt.ts';
import { parseWebVtt } from '../../src/capture/parse-webvtt.ts';
import type { TranscriptIssue } from '../../src/capture/transcript-error.ts';
import { flatText, readTranscript, speakers, times } from './transcript-fixtures.ts';

describe('parseSrt on real transcripts', () => {
  it('reads fr-tapissier-d0009.srt with `L1: ` labels as speakers, like the WebVTT version', () => {
    const cues = parseSrt(readTranscript('fr-tapissier-d0009.srt').text);
    expect(cues).toHaveLength(220);
    expect(cues[0]).toEqual({ id: '1', start: 2.113, end: 2.919, speaker: 'L2', text: 'bon, autre chose.' });
    expect(cues[1]?.text).toBe('on a nos, nos chaises\nqui ont besoin de refaire.');
    expect(cues.at(-1)).toEqual({ id: '220', start: 310.444, end: 311.129, speaker: 'L1', text: 'il y a pas de problème.' });
    expect(speakers(cues)).toEqual(new Set(['L1', 'L2', '$L1']));
    const vtt = parseWebVtt(readTranscript('fr-tapissier-d0009.vtt').text);
    expect(times(cues)).toEqual(times(vtt));
    expect(cues.map((cue) => cue.speaker)).toEqual(vtt.map((cue) => cue.speaker));
    expect(cues.map(flatText)).toEqual(vtt.map(flatText));
  });

  it('reads the Windows-1252, CRLF fr-electronicien-d0005.cp1252.crlf.srt as the UTF-8 WebVTT says', () => {
    const decoded = readTranscript('fr-electronicien-d0005.cp1252.crlf.srt');
    expect(decoded.encoding).toBe('windows-1252');
    const cues = parseSrt(decoded.text);
    expect(cues).toHaveLength(127);
    expect(cues[0]).toEqual({ id: '1', start: 1.468, end: 6.914, speaker: 'L2', text: 'et, euh, et donc, euh, vous\navez exercé quoi comme métier, euh ?' });
    expect(cues[3]?.text).toBe('bah, euh, oh, bah, de…');
    expect(cues.at(-1)).toMatchObject({ id: '127', start: 238.224, end: 240.883, speaker: 'L1' });
    const vtt = parseWebVtt(readTranscript('fr-electronicien-d0005.vtt').text);
    expect(times(cues)).toEqual(times(vtt));
    expect(cues.map(flatText)).toEqual(vtt.map(flatText));
  });

  it('reads en-washing-machine-repair.srt, which has no speaker labels', () => {
    const cues = parseSrt(readTranscript('en-washing-machine-repair.srt').text);
    expect(cues).toHaveLength(182);
    expect(cues[1]).toEqual({ id: '2', start: 1, end: 4.8, speaker: null, text: "Today we're going to be attempting a\nrepair on this here washing machine." });
    expect(cues.at(-1)).toMatchObject({ id: '182', start: 1291.36, end: 1303.84, speaker: null });
    const vtt = parseWebVtt(readTranscript('en-washing-machine-repair.vtt').text);
    expect(cues.map(flatText)).toEqual(vtt.map(flatText));
  });
});

describe('parseSrt variants', () => {
  it('accepts period milliseconds, short fractions, no hours, numbering gaps and no final newline', () => {
    const cues = parseSrt('7\n00:00:01.500 --> 00:00:02,25\nA\n\n12\n01:02,003 --> 01:03,000 X1:10 X2:20\nB');
    expect(cues).toEqual([
      { id: '7', start: 1.5, end: 2.25, speaker: null, text: 'A' },
      { id: '12', start: 62.003, end: 63, speaker: null, text: 'B' },
    ]);
  });

  it('starts the next cue at a number and timing line even without a blank line', () => {
    const cues = parseSrt('1\n00:00:01,000 --> 00:00:02,000\nA\n2\n00:00:03,000 --> 00:00:04,000\nB\n00:00:05,000 --> 00:00:06,000\nC\n');
    expect(cues.map((cue) => [cue.id, cue.text])).toEqual([['1', 'A'], ['2', 'B'], [null, 'C']]);
  });

  it('keeps tags as written (the transcript contract keeps text as written)', () => {
    const [cue] = parseSrt('1\n00:00:01,000 --> 00:00:02,000\n<i>Attention</i> au <font color="red">gaz</font>\n');
    expect(cue?.text).toBe('<i>Attention</i> au <font color="red">gaz</font>');
  });

  it('takes `Name: ` as a speaker only where the file clearly uses labels', () => {
    const once = parseSrt('1\n00:00:01,000 --> 00:00:02,000\nNote: coupez le gaz.\n\n2\n00:00:03,000 --> 00:00:04,000\nEnsuite on brase.\n');
    expect(once.map((cue) => cue.speaker)).toEqual([null, null]);
    expect(once[0]?.text).toBe('Note: coupez le gaz.');
    const labelled = parseSrt('1\n00:00:01,000 --> 00:00:02,000\nMarie : Pourquoi ?\n\n2\n00:00:03,000 --> 00:00:04,000\nJean: Parce que.\n\n3\n00:00:05,000 --> 00:00:06,000\nMarie : Ah.\n\n4\n00:00:07,000 --> 00:00:08,000\nJean: Voilà.\n');
    expect(labelled.map((cue) => [cue.speaker, cue.text])).toEqual([['Marie', 'Pourquoi ?'], ['Jean', 'Parce que.'], ['Marie', 'Ah.'], ['Jean', 'Voilà.']]);
  });

  it('keeps text after a blank line inside a cue, with a warning', () => {
    const warnings: TranscriptIssue[] = [];
    const cues = parseSrt('1\n00:00:01,000 --> 00:00:02,000\nA\n\nstill A\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n', (w) => warnings.push(w));
    expect(cues.map((cue) => cue.text)).toEqual(['A\n\nstill A', 'B']);
    expect(warnings).toEqual([expect.objectContaining({ line: 5, column: 1 })]);
  });

  it.each([
    ['1\n00:00:01,000 --> 00:00:0a,500\nA\n', 2, 25, 'Unexpected `a` in the timing line, expected two digits'],
    ['1\n00:00:01,000 -> 00:00:02,000\nA\n', 2, 14, 'Unexpected `-` in the timing line, expected ` --> `'],
    ['1\n00:00:01,000 --> 00:61:00,000\nA\n', 2, 21, 'expected minutes or seconds from 00 to 59'],
    ['Hello there\n', 1, 1, 'Unexpected `Hello there`, expected a cue number or a timing line'],
    ['\n\n  \n', 1, 1, 'The file has no cues'],
  ])('rejects %j at line %i column %i', (text, line, column, message) => {
    expect(() => parseSrt(text)).toThrow(message);
    try {
      parseSrt(text);
    } catch (error) {
      expect(error).toMatchObject({ line, column });
    }
  });
});
