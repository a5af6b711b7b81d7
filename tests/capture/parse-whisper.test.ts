import { describe, expect, it } from 'vitest';
import { parseWebVtt } from '../../src/capture/parse-webvtt.ts';
import { parseWhisperJson } from '../../src/capture/parse-whisper.ts';
import { flatText, readTranscript, speakers, times } from './transcript-fixtures.ts';

const whisper = (name: string) => parseWhisperJson(readTranscript(name).text);

describe('parseWhisperJson on real transcripts', () => {
  it('reads segments with word timestamps and whisperX speakers (fr-tapissier-d0009.whisper-words.json)', () => {
    const cues = whisper('fr-tapissier-d0009.whisper-words.json');
    expect(cues).toHaveLength(220);
    expect(cues[0]).toEqual({ id: '0', start: 2.113, end: 2.919, speaker: 'L2', text: 'bon, autre chose.' });
    expect(cues.at(-1)).toEqual({ id: '219', start: 310.444, end: 311.129, speaker: 'L1', text: 'il y a pas de problème.' });
    expect(speakers(cues)).toEqual(new Set(['L1', 'L2', '$L1']));
    const vtt = parseWebVtt(readTranscript('fr-tapissier-d0009.vtt').text);
    expect(times(cues)).toEqual(times(vtt));
    expect(cues.map(flatText)).toEqual(vtt.map(flatText));
  });

  it('builds text and times from `words` when a segment lacks them', () => {
    const data = JSON.parse(readTranscript('fr-tapissier-d0009.whisper-words.json').text) as { segments: Record<string, unknown>[] };
    for (const segment of data.segments) {
      delete segment.text;
      delete segment.start;
      delete segment.end;
    }
    const cues = parseWhisperJson(JSON.stringify(data));
    expect(cues).toHaveLength(220);
    expect(cues[0]).toEqual({ id: '0', start: 2.113, end: 2.919, speaker: 'L2', text: 'bon, autre chose.' });
    // The words keep their own spacing: this corpus splits `c'est` into " c'" and " est".
    expect(cues[5]).toEqual({ id: '5', start: 14.235, end: 14.94, speaker: 'L1', text: "c' est plus simple." });
  });

  it('reads segments without words (fr-electronicien-d0005, en-washing-machine-repair)', () => {
    const electronicien = whisper('fr-electronicien-d0005.whisper.json');
    expect(electronicien).toHaveLength(127);
    expect(electronicien[0]).toEqual({ id: '0', start: 1.468, end: 6.914, speaker: 'L2', text: 'et, euh, et donc, euh, vous avez exercé quoi comme métier, euh ?' });
    expect(electronicien.at(-1)).toMatchObject({ id: '126', start: 238.224, end: 240.883, speaker: 'L1' });
    const washing = whisper('en-washing-machine-repair.whisper.json');
    expect(washing).toHaveLength(182);
    expect(washing[0]).toEqual({ id: '0', start: 0, end: 1, speaker: null, text: 'English (AU) (Spoken) [Manually Transcribed Captions] github.com/WizardTim/WizardTim-captions' });
    expect(washing.at(-1)).toMatchObject({ id: '181', start: 1291.36, end: 1303.84, text: "leave you with some video of the die of the broken one it's pretty cool features in here." });
  });
});

describe('parseWhisperJson variants and errors', () => {
  it('joins bare words (`text`) with spaces, and reads a bare array of segments', () => {
    const cues = parseWhisperJson('[{"words": [{"text": "Coupez", "start": 1, "end": 1.4}, {"text": "le", "start": 1.4, "end": 1.5}, {"text": "gaz.", "start": 1.5, "end": 2, "speaker": "SPEAKER_01"}]}]');
    expect(cues).toEqual([{ id: null, start: 1, end: 2, speaker: 'SPEAKER_01', text: 'Coupez le gaz.' }]);
  });

  it('reads whisper.cpp output (offsets in milliseconds)', () => {
    const cues = parseWhisperJson('{"transcription": [{"timestamps": {"from": "00:00:00,000", "to": "00:00:02,500"}, "offsets": {"from": 0, "to": 2500}, "text": " Bonjour."}]}');
    expect(cues).toEqual([{ id: null, start: 0, end: 2.5, speaker: null, text: 'Bonjour.' }]);
  });

  it.each([
    ['{"segments": [\n  {"start": 0, "end": 1, "text": "a"},\n  {"start": 1, "end": 2, "te', 3, 29, 'The JSON ends before it is complete'],
    ['{"segments": [\n  {"start": 0, "end": 1, "text": nul}]}', 2, 37, "Invalid JSON: Unexpected token '}'"],
    ['{"segments": [\n  {"start": 0, "end": 1, "text": "a"},\n  {"start": "1s", "end": 2, "text": "b"}\n]}', 3, 13, 'Segment 1 has an invalid `start`, expected seconds as a number'],
    ['{"segments": [\n  {"start": 0, "text": "a"}\n]}', 2, 3, 'Segment 0 has no `end`'],
    ['{"text": "no segments"}', 1, 1, 'Expected Whisper JSON: an object with a `segments` array'],
  ])('rejects %j at line %i column %i', (text, line, column, message) => {
    expect(() => parseWhisperJson(text)).toThrow(message);
    try {
      parseWhisperJson(text);
    } catch (error) {
      expect(error).toMatchObject({ line, column });
    }
  });
});
