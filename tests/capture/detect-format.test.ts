import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/capture/detect-format.ts';
import { readTranscript } from './transcript-fixtures.ts';

describe('detectFormat', () => {
  it.each([
    ['fr-tapissier-d0009.vtt', 'vtt'],
    ['en-washing-machine-repair.youtube.vtt', 'vtt'],
    ['en-washing-machine-repair.missing-blank-line.vtt', 'vtt'],
    ['fr-tapissier-d0009.srt', 'srt'],
    ['fr-electronicien-d0005.cp1252.crlf.srt', 'srt'],
    ['fr-tapissier-d0009.whisper-words.json', 'whisper'],
    ['en-washing-machine-repair.whisper.json', 'whisper'],
    ['fr-tapissier-d0009.timestamped.txt', 'txt'],
    ['fr-electronicien-d0005.speakers.txt', 'txt'],
    ['en-market-garden-camilleri.cp1252.crlf.txt', 'txt'],
  ])('detects %s as %s, with or without its name', (name, format) => {
    const { text } = readTranscript(name);
    expect(detectFormat(text, name)).toBe(format);
    expect(detectFormat(text)).toBe(format);
  });

  it('lets unmistakable content win over the extension', () => {
    expect(detectFormat('WEBVTT\n', 'captions.srt')).toBe('vtt');
    expect(detectFormat('{"segments": []}', 'out.txt')).toBe('whisper');
    expect(detectFormat('[]')).toBe('whisper');
  });

  it('uses a known extension otherwise, so a .vtt without its signature is judged by the WebVTT parser', () => {
    expect(detectFormat('1\n00:00:01,000 --> 00:00:02,000\nA\n', 'mislabelled.vtt')).toBe('vtt');
    expect(detectFormat('', 'empty.srt')).toBe('srt');
    expect(detectFormat('[00:00:01] L1: hello', 'notes.txt')).toBe('txt');
    expect(detectFormat('1\n00:00:01,000 --> 00:00:02,000\nA\n', 'export.txt')).toBe('srt');
  });
});
