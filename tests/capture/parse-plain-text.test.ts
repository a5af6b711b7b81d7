import { describe, expect, it } from 'vitest';
import { parsePlainText } from '../../src/capture/parse-plain-text.ts';
import { readTranscript, speakers } from './transcript-fixtures.ts';

const text = (name: string) => parsePlainText(readTranscript(name).text);

describe('parsePlainText on real transcripts', () => {
  it('reads `[hh:mm:ss] Speaker:` marks (fr-tapissier-d0009.timestamped.txt)', () => {
    const cues = text('fr-tapissier-d0009.timestamped.txt');
    expect(cues).toHaveLength(116);
    expect(cues[0]).toEqual({
      id: null, start: 2, end: null, speaker: 'L2',
      text: 'bon, autre chose. on a nos, nos chaises qui ont besoin de refaire. est-ce que tu connais des, un endroit où je pourrais les laisser pour le rempaillage ?',
    });
    expect(cues.at(-1)).toEqual({ id: null, start: 310, end: null, speaker: 'L1', text: 'il y a pas de problème.' });
    expect(speakers(cues)).toEqual(new Set(['L1', 'L2', '$L1']));
  });

  it('reads speaker labels without times (fr-electronicien-d0005.speakers.txt)', () => {
    const cues = text('fr-electronicien-d0005.speakers.txt');
    expect(cues).toHaveLength(34);
    expect(cues[0]).toEqual({ id: null, start: null, end: null, speaker: 'L2', text: 'et, euh, et donc, euh, vous avez exercé quoi comme métier, euh ? enfin, moi, je sais que vous sa~, vous travaillez XXX.' });
    expect(cues.at(-1)).toEqual({ id: null, start: null, end: null, speaker: 'L1', text: "oui. XXX. bah, oui, oui. parce qu'il y a la nouvelle génération, tout ci, euh." });
  });

  it('gives one cue a paragraph, no times and no speakers without marks (en-washing-machine-repair.plain.txt)', () => {
    const cues = text('en-washing-machine-repair.plain.txt');
    expect(cues).toHaveLength(10);
    expect(cues.every((cue) => cue.start === null && cue.end === null && cue.speaker === null)).toBe(true);
    expect(cues[0]?.text).toMatch(/^English \(AU\) \(Spoken\) \[Manually Transcribed Captions\] github\.com\/WizardTim\/WizardTim-captions Today we're/);
    expect(cues.at(-1)?.text).toMatch(/^and this here is one of the wire bonds/);
  });

  it('reads the Windows-1252, CRLF oral history exactly as its UTF-8 copy (en-market-garden-camilleri)', () => {
    const original = readTranscript('en-market-garden-camilleri.cp1252.crlf.txt');
    expect(original.encoding).toBe('windows-1252');
    expect(original.warnings).toHaveLength(1);
    const cues = parsePlainText(original.text);
    expect(cues).toEqual(text('en-market-garden-camilleri.utf8.txt'));
    expect(cues).toHaveLength(274);
    expect(cues[0]?.text).toBe('INTERVIEW NO. 11\t\t\t\tDATE OF INTERVIEW: 18/10/91\nMRS. RITA CAMILLERI\n17 TARGO ROAD\nPENDLE HILL.');
    // Tape-counter marks (`0.39<TAB>`) are ambiguous and restart per side: they stay text.
    expect(cues[1]).toMatchObject({ start: null, speaker: null, text: expect.stringMatching(/^0\.39\tMy name is Rita Camilleri\./) });
    expect(cues.at(-1)?.text).toMatch(/^Yes\. And I felt that/);
    expect(cues.some((cue) => cue.text.includes('’'))).toBe(true); // 0x92 read as a curly apostrophe
    expect(speakers(cues)).toEqual(new Set([null]));
  });
});

describe('parsePlainText marks', () => {
  it('reads `Speaker (00:01:23):` and `[mm:ss]` marks; a mark line starts a cue even without a blank line', () => {
    const cues = parsePlainText('Intro without a mark.\n\nMarie (00:01:23): Pourquoi ?\nJean (1:02:03.5): Parce que.\ncontinued\n[02:05] plain mark\n');
    expect(cues).toEqual([
      { id: null, start: null, end: null, speaker: null, text: 'Intro without a mark.' },
      { id: null, start: 83, end: null, speaker: 'Marie', text: 'Pourquoi ?' },
      { id: null, start: 3723.5, end: null, speaker: 'Jean', text: 'Parce que.\ncontinued' },
      { id: null, start: 125, end: null, speaker: null, text: 'plain mark' },
    ]);
  });

  it('does not take an impossible time as a mark', () => {
    expect(parsePlainText('[00:75] not a time')).toEqual([{ id: null, start: null, end: null, speaker: null, text: '[00:75] not a time' }]);
  });

  it('rejects a text without any words', () => {
    expect(() => parsePlainText(' \n\t\n')).toThrow('The file has no text');
  });
});
