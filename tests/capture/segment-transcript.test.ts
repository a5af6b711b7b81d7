import { describe, expect, it } from 'vitest';
import type { Cue } from '../../src/capture/cue.ts';
import { plainCueText } from '../../src/capture/cue-text.ts';
import { detectLanguage } from '../../src/capture/detect-language.ts';
import { readSentenceCues, splitStepSentence } from '../../src/capture/segment-classify.ts';
import { phraseMatcher, tokenize } from '../../src/capture/segment-cue-words.ts';
import { splitSentences } from '../../src/capture/segment-sentences.ts';
import { segmentTranscript } from '../../src/capture/segment-transcript.ts';
import { tidySpeech } from '../../src/capture/tidy-speech.ts';

/** Cues from `[seconds, speaker, text]`, each 4 s long. */
const cues = (...rows: [number | null, string | null, string][]): Cue[] => rows.map(([start, speaker, text], i) => ({ id: String(i + 1), start, end: start === null ? null : start + 4, speaker, text }));
const kinds = (list: Cue[]) => segmentTranscript(list).segments.map((segment) => segment.kind);

describe('cue text and speech', () => {
  it('derives plain words from WebVTT/SubRip cue text', () => {
    expect(plainCueText('<v.loud Jean><i>Attention</i> au <c.red>gaz</c>&nbsp;!\n&amp; <00:00:01.000>ensuite')).toBe('Attention au gaz ! & ensuite');
    expect(plainCueText('{\\an8}[Music] bonjour (rires) &#233;t&#xE9;')).toBe('bonjour été');
  });

  it('drops hesitations, inaudible marks, cut-off words and repeats, keeping the words said', () => {
    expect(tidySpeech('euh, ben, c’est, c’est des, des XXX chaises mé~ hein', 'fr')).toBe('ben, c’est des chaises');
    expect(tidySpeech('so um the the capacitor uh is fine', 'en')).toBe('so the capacitor is fine');
  });

  it('tells French from English', () => {
    expect(detectLanguage('on a nos chaises qui ont besoin de refaire, est-ce que tu connais').language).toBe('fr');
    expect(detectLanguage("today we're going to be attempting a repair on this washing machine").language).toBe('en');
  });

  it('matches cue phrases on whole words, with word endings and any-word gaps', () => {
    const matcher = phraseMatcher(['dangereu*', "parce qu'", 'ça fait * ans', 'il faut pas']);
    expect(matcher.find("C'est dangereux, parce qu'il faut pas. Ça fait vingt ans.")).toEqual(['dangereux', "parce qu'", 'il faut pas', 'ça fait vingt ans']);
    expect(matcher.find('Le danger ? Non, pas dangereusement… il faut, pas')).toEqual(['dangereusement']);
    expect(tokenize('Qu’il don\'t high-voltage')).toEqual(["qu'", 'il', "don'", 't', 'high-voltage']);
  });
});

describe('sentences keep their times', () => {
  it('starts a sentence at the cue holding its first word, across cues', () => {
    const sentences = splitSentences([
      { cue: 0, start: 10, end: 12, speaker: null, text: 'Ensuite on chauffe le' },
      { cue: 1, start: 12, end: 15, speaker: null, text: 'raccord. Pas le tube ?' },
    ]);
    expect(sentences.map((s) => [s.text, s.start, s.end])).toEqual([
      ['Ensuite on chauffe le raccord.', 10, 15],
      ['Pas le tube ?', 12, 15],
    ]);
  });

  it('cuts run-on captions before a connector, and marks a hard cut as running on', () => {
    const long = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const [first, second] = splitSentences([{ cue: 0, start: 0, end: 60, speaker: null, text: `${long} so ${long}` }]);
    expect(first?.text.endsWith('word29')).toBe(true);
    expect(second?.text.startsWith('So word0')).toBe(true);
    const pieces = splitSentences([{ cue: 0, start: 0, end: 60, speaker: null, text: Array.from({ length: 130 }, () => 'mot').join(' ') }]);
    expect(pieces.map((p) => p.words)).toEqual([60, 60, 10]);
    expect(pieces[0]?.runsOn).toBe(true);
    expect(pieces[1]?.text.startsWith('mot')).toBe(true);
  });
});

describe('reading one sentence', () => {
  it('finds steps by order words or by someone doing something', () => {
    expect(readSentenceCues("D'abord, on coupe le tube.", 'fr')).toMatchObject({ sequence: ["d'abord"], action: ['on coupe'] });
    expect(readSentenceCues('Coupez le tube bien droit.', 'fr').action).toEqual(['coupez']);
    expect(readSentenceCues('And then we can take off this top plastic cover', 'en').action).toEqual(['we can take']);
    expect(readSentenceCues('Il bout un peu, puis il devient clair.', 'fr')).toMatchObject({ sequence: [], action: [] });
  });

  it('reads a past-tense account with order words as a story, not a step', () => {
    const cues = readSentenceCues("Et puis après, j'ai travaillé sur les micro-processeurs.", 'fr');
    expect(cues.sequence).toEqual([]);
    expect(cues.kinds.map((k) => k.kind)).toEqual(['story']);
  });

  it('needs a warning to be said to someone ("jamais", "never", hazard words)', () => {
    expect(readSentenceCues("Je n'ai jamais vu ça.", 'fr').kinds).toEqual([]);
    expect(readSentenceCues('Il ne faut jamais toucher le condensateur.', 'fr').kinds.map((k) => k.kind)).toEqual(['safety', 'mistake']);
    expect(readSentenceCues('We have the mains input here.', 'en').kinds).toEqual([]);
    expect(readSentenceCues("Don't forget to discharge the capacitor, it could hurt.", 'en').kinds[0]).toMatchObject({ kind: 'safety', words: ['hurt', 'discharge', 'capacitor'] });
  });

  it('makes a what-if of a condition with a problem', () => {
    expect(readSentenceCues('Si le jeu est trop grand, ça ne marche plus.', 'fr').kinds[0]).toEqual({ kind: 'whatif', words: ['si', 'trop', 'ne marche plus'] });
  });

  it('splits a step into action, key point and reason', () => {
    expect(splitStepSentence("Puis je nettoie le tube, jusqu'à ce que le cuivre brille, parce que la brasure n'accroche pas sur l'oxyde.", 'fr')).toEqual({
      action: 'je nettoie le tube',
      keyPoint: "jusqu'à ce que le cuivre brille",
      reason: "la brasure n'accroche pas sur l'oxyde",
    });
    expect(splitStepSentence('On promène la flamme tout autour pour chauffer de façon égale.', 'fr')).toMatchObject({ action: 'On promène la flamme tout autour', reason: 'pour chauffer de façon égale' });
    // No dangling "we have to" for an action.
    expect(splitStepSentence('Now we have to make sure the holes are clear.', 'en').keyPoint).toBeNull();
  });
});

describe('segmentTranscript', () => {
  it('tells the interviewer from the senior by who asks, and uses the question for the answer', () => {
    const result = segmentTranscript(
      cues(
        [0, 'A', 'Bonjour. Qu’est-ce qu’un débutant fait de travers ici ?'],
        [5, 'B', 'Il chauffe le tube au lieu du raccord, et la brasure ne rentre pas dans le joint.'],
        [12, 'A', 'Et pourquoi faut-il chauffer le raccord ?'],
        [16, 'B', 'C’est lui qui est le plus épais.'],
        [20, 'A', 'Et la sécurité ?'],
        [24, 'B', 'Attention aux gaines électriques derrière le mur, elles fondent vite.'],
      ),
    );
    expect(result.speakers.map((s) => [s.speaker, s.role, s.because.rule])).toEqual([
      ['A', 'interviewer', 'asks'],
      ['B', 'senior', 'most-words'],
    ]);
    expect(result.questions.map((q) => q.kind)).toEqual(['mistake', 'reason', 'safety']);
    expect(result.segments.map((s) => [s.kind, s.start, s.evidence[0]?.because])).toEqual([
      ['mistake', 5, 'question'],
      ['safety', 24, 'question'],
    ]);
  });

  it('puts the answer to "why?" into the step it asks about', () => {
    const result = segmentTranscript(
      cues(
        [0, 'Interviewer', 'Par quoi commencez-vous ?'],
        [4, 'Jean', 'D’abord je nettoie le tube à la toile abrasive jusqu’à ce que le cuivre brille. Ensuite je brosse le raccord.'],
        [12, 'Interviewer', 'Pourquoi faire briller le cuivre ?'],
        [16, 'Jean', 'Parce que la brasure n’accroche pas sur l’oxyde.'],
      ),
    );
    const steps = result.segments.filter((s) => s.kind === 'step');
    expect(steps.map((s) => s.step)).toEqual([
      { action: 'je nettoie le tube à la toile abrasive', keyPoint: 'jusqu’à ce que le cuivre brille', reason: 'La brasure n’accroche pas sur l’oxyde', details: [] },
      { action: 'je brosse le raccord', keyPoint: null, reason: null, details: [] },
    ]);
    expect(steps[0]?.evidence.map((e) => e.because)).toEqual(['sequence', 'reason-answer']);
    expect(result.speakers[0]?.because.rule).toBe('name');
  });

  it('reads unlabelled paragraphs as questions and answers when many are questions', () => {
    const list = cues(
      [null, null, 'How long did you work in the garden?'],
      [null, null, 'Twenty years. We cut the lettuce early in the morning, before the heat.'],
      [null, null, 'What did a beginner get wrong?'],
      [null, null, 'They put the small lettuce underneath and the nice ones on top.'],
      [null, null, 'Why not?'],
      [null, null, 'Because the buyer opens the box and never trusts you again.'],
    );
    const result = segmentTranscript(list);
    expect(result.speakers.map((s) => [s.role, s.because.rule])).toEqual([
      ['interviewer', 'questions'],
      ['senior', 'answers'],
    ]);
    expect(result.segments.every((s) => s.start === null)).toBe(true);
    expect(result.segments.map((s) => s.kind)).toContain('mistake');
  });

  it('reads a monologue without labels as the senior alone', () => {
    const result = segmentTranscript(cues([0, null, 'So firstly we take off the cover, is it safe?'], [4, null, 'Then we probe the board, making sure the capacitor is discharged.']));
    expect(result.speakers).toHaveLength(1);
    expect(result.speakers[0]).toMatchObject({ role: 'senior', because: { rule: 'monologue' } });
    expect(result.warnings[0]).toMatch(/no speaker labels/);
  });

  it('keeps the file order when times go backwards, and says where', () => {
    const result = segmentTranscript(cues([10, 'J', "D'abord on coupe le tube."], [5, 'J', 'Ensuite on ébavure.'], [20, 'J', 'Puis on nettoie.']));
    expect(result.segments.map((s) => s.start)).toEqual([10, 5, 20]);
    expect(result.warnings).toEqual(['1 cue start before the cue above (first: cue 2); the file\u2019s order was kept, check the clip times there'.replace('\u2019', "'")]);
  });

  it('handles overlapping speech of two speakers without mixing their words', () => {
    const result = segmentTranscript(cues([0, 'A', 'Et si ça fuit ?'], [1, 'B', 'Si ça fuit, on démonte tout et on recommence.'], [1.5, 'A', 'D’accord.'], [2, 'B', 'Jamais de colle sur un raccord, il faut refaire.']), { interviewer: 'A' });
    expect(result.segments.map((s) => [s.kind, s.speaker])).toEqual([
      ['whatif', 'B'],
      ['mistake', 'B'],
    ]);
  });

  it('counts nothing for empty or tag-only cues', () => {
    const result = segmentTranscript(cues([0, null, '<i></i>'], [1, null, '[Music]'], [2, null, '&nbsp;']));
    expect(result.segments).toEqual([]);
    expect(result.stats.words).toBe(0);
  });

  it('is deterministic and linear: 10 times the cues, about 10 times the segments', () => {
    const unit = cues([0, 'Q', 'Par quoi commencez-vous ?'], [4, 'S', "D'abord on coupe le tube. Attention, la lame coupe les doigts."], [8, 'Q', 'Et si ça fuit ?'], [12, 'S', 'Si ça fuit, on recommence.']);
    const many = Array.from({ length: 10 }, (_, k) => unit.map((cue) => ({ ...cue, start: cue.start! + k * 20, end: cue.end! + k * 20 }))).flat();
    expect(kinds(many)).toEqual(Array.from({ length: 10 }, () => kinds(unit)).flat());
    expect(segmentTranscript(many)).toEqual(segmentTranscript(many));
  });
});
