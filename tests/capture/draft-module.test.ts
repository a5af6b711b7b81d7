import { describe, expect, it } from 'vitest';
import type { Cue } from '../../src/capture/cue.ts';
import { frontmatterYaml } from '../../src/capture/draft-frontmatter.ts';
import { DraftError, writeDraft, type DraftOptions } from '../../src/capture/draft-module.ts';
import { chooseDraftSlug, existingStatus, slugFromFileName } from '../../src/capture/draft-target.ts';
import { glossaryCandidates, proposeSkills, proposeTrade, stemCounts } from '../../src/capture/match-taxonomy.ts';

const cues = (...rows: [number | null, string | null, string][]): Cue[] => rows.map(([start, speaker, text]) => ({ id: null, start, end: start === null ? null : start + 5, speaker, text }));

const options: DraftOptions = {
  trade: { id: 'plomberie', label: { fr: 'Plomberie', en: 'Plumbing' } },
  skills: [
    { id: 'brasage-cuivre', label: { fr: 'Braser le cuivre', en: 'Brazing copper' } },
    { id: 'securite-chantier', label: { fr: 'Travailler en sécurité sur le chantier' } },
  ],
  authors: ['jean-martin'],
  glossary: ['brasure', 'décapant'],
  source: { transcript: 'media/jean.vtt' },
  sourceName: 'media/jean.vtt',
  licence: 'CC-BY-SA-4.0',
};

const interview = cues(
  [0, 'Interviewer', 'Par quoi commencez-vous pour braser le cuivre ?'],
  [5, 'Jean', "D'abord je nettoie le tube à la toile abrasive, jusqu'à ce que le cuivre brille, parce que la brasure n'accroche pas sur l'oxyde."],
  [15, 'Jean', 'Ensuite on met le décapant au pinceau.'],
  [25, 'Interviewer', 'Et la sécurité ?'],
  [30, 'Jean', "Il faut un extincteur à portée de main, c'est le plus important."],
  [40, 'Interviewer', 'Qu’est-ce qu’un débutant fait de travers ?'],
  [75, 'Jean', 'Il chauffe le tube au lieu du raccord. Vous le voyez : la brasure fait des boules.'],
);

describe('writeDraft', () => {
  const draft = writeDraft(interview, options);

  it('writes the frontmatter the module schema accepts, as a draft with its source', () => {
    expect(draft.frontmatter).toEqual({
      title: 'Braser le cuivre',
      summary: 'Brouillon tiré d’un entretien : Braser le cuivre. Résumé à écrire avec le senior.',
      trade: 'plomberie',
      skills: ['brasage-cuivre', 'securite-chantier'],
      level: 1,
      duration: 10,
      language: 'fr',
      authors: ['jean-martin'],
      prerequisites: [],
      source: { transcript: 'media/jean.vtt' },
      status: 'draft',
      licence: 'CC-BY-SA-4.0',
    });
    expect(draft.mdx.startsWith('---\ntitle: Braser le cuivre\n')).toBe(true);
    expect(draft.mdx).toContain('skills: [brasage-cuivre, securite-chantier]\n');
  });

  it('writes steps with key point and reason, `à compléter` where missing, and a clip after each block', () => {
    expect(draft.mdx).toContain(
      [
        '<Steps>',
        '',
        "1. **Je nettoie le tube à la toile abrasive.** Point clé : Jusqu'à ce que le cuivre brille. Pourquoi : La brasure n'accroche pas sur l'oxyde.",
        '2. **On met le décapant au pinceau.** Point clé : à compléter. Pourquoi : à compléter.',
        '',
        '</Steps>',
        '',
        '<Clip at="00:00:05" />',
      ].join('\n'),
    );
    expect(draft.mdx).toContain('<Safety>\n\nIl faut un extincteur à portée de main, c\'est le plus important.\n\n</Safety>\n\n<Clip at="00:00:30" />');
    expect(draft.mdx).toContain('<Mistake>\n\nIl chauffe le tube au lieu du raccord. Vous le voyez : la brasure fait des boules.\n\n</Mistake>\n\n<Clip at="00:01:15" />');
    // A glossary word becomes a <Term> at its first use only (here, in the tools).
    expect(draft.mdx).toContain('<Tools>\n\n- Toile abrasive\n- <Term id="brasure">Brasure</Term>\n- <Term id="décapant">Décapant</Term>\n- Pinceau\n- Extincteur\n\n</Tools>');
  });

  it('writes the review checklist apart, with what the senior must still say and why each block is there', () => {
    expect(draft.mdx).not.toMatch(/[{}]/);
    const review = draft.reviewMarkdown;
    expect(review).toMatch(/^# Relecture : Braser le cuivre\n/);
    expect(review).toContain('- [ ] 00:00:15 Étape 2 « On met le décapant au pinceau » : demander le point clé et la raison (pourquoi).');
    expect(review).toContain("- [ ] 00:00:05 Étape ← ordre « d'abord »");
    expect(review).toContain('- [ ] 00:00:30 Sécurité ← mots « extincteur »');
    expect(review).toContain('Rôle de Interviewer : intervieweur (son nom le dit)');
    expect(review).toMatch(/Mots du métier absents du glossaire : toile abrasive, pinceau, extincteur/);
  });

  it('keeps a placeholder step when the senior gave none, and says so in the review', () => {
    const none = writeDraft(cues([0, null, "Il faut un extincteur à portée de main, c'est une question de sécurité."]), options);
    expect(none.mdx).toContain('1. **Action à compléter.** Point clé : à compléter. Pourquoi : à compléter.');
    expect(none.reviewMarkdown).toContain('Aucune étape trouvée');
    expect(none.mdx).not.toContain('<Mistake>');
  });

  it('writes no clip when the transcript has no times', () => {
    const untimed = writeDraft(cues([null, 'Jean', "D'abord on coupe le tube."], [null, 'Jean', 'Attention, le coupe-tube est dangereux pour les doigts.']), options);
    expect(untimed.mdx).not.toContain('<Clip');
    expect(untimed.reviewMarkdown).toContain('La transcription n’a pas de temps');
  });

  it('writes English drafts with English labels', () => {
    const english = writeDraft(cues([0, null, 'First you take off the top cover, because the board is under it. Then you check the capacitors.']), options);
    expect(english.frontmatter.language).toBe('en');
    expect(english.mdx).toContain('1. **You take off the top cover.** Key point: to be completed. Why: The board is under it.');
    expect(english.reviewMarkdown).toMatch(/^# Review: /);
  });

  it('escapes what MDX would read as code or tags', () => {
    const odd = writeDraft(cues([0, null, "D'abord on met {la vis} dans <le trou> *vite*."]), options);
    expect(odd.mdx).toContain('**On met \\{la vis} dans \\<le trou> \\*vite\\*.**');
  });

  it('refuses to draft without a skill, an author or words, saying what to do', () => {
    expect(() => writeDraft(interview, { ...options, skills: [] })).toThrow(DraftError);
    expect(() => writeDraft(interview, { ...options, skills: [] })).toThrow(/add content\/skills\/<id>\.yaml/);
    expect(() => writeDraft(interview, { ...options, authors: [] })).toThrow(/--author/);
    expect(() => writeDraft(cues([0, null, '[Music]']), options)).toThrow(/no words/);
  });
});

describe('frontmatter and taxonomy proposals', () => {
  it('writes YAML in the library style', () => {
    expect(frontmatterYaml({ title: 'T', summary: 'S: x', trade: 't', skills: ['a', 'b'], level: 1, duration: 5, language: 'fr', authors: ['p'], prerequisites: [], status: 'draft' })).toBe(
      'title: T\nsummary: "S: x"\ntrade: t\nskills: [a, b]\nlevel: 1\nduration: 5\nlanguage: fr\nauthors: [p]\nprerequisites: []\nstatus: draft',
    );
  });

  it('proposes skills and a trade by shared words, with the words', () => {
    const counts = stemCounts('On brase le cuivre, on brase encore le tube de cuivre au chalumeau.');
    expect(proposeSkills(counts, options.skills)).toEqual([{ id: 'brasage-cuivre', score: 24, words: ['brase', 'cuivr'] }]);
    const trades = [
      { id: 'plomberie', label: { fr: 'Plomberie' }, skills: ['Braser le cuivre'], words: ['Poser un tube'] },
      { id: 'boulangerie', label: { fr: 'Boulangerie' }, skills: ['Pétrir la pâte'], words: [] },
    ];
    expect(proposeTrade(counts, trades).proposal?.id).toBe('plomberie');
    expect(proposeTrade(stemCounts('bonjour à tous'), trades).proposal).toBeNull();
    expect(glossaryCandidates({ tools: ['chalumeau', 'brasure'], tradeWords: [], counts, glossary: ['brasure'] })).toEqual(['chalumeau']);
  });
});

describe('where a draft goes', () => {
  it('makes a slug from the transcript name', () => {
    expect(slugFromFileName('/x/Jean Martin 14-09.whisper.json')).toBe('jean-martin-14-09');
    expect(slugFromFileName('fr-tapissier-d0009.timestamped.txt')).toBe('fr-tapissier-d0009');
    expect(slugFromFileName('Été à Noël.vtt')).toBe('ete-a-noel');
    expect(slugFromFileName('___.srt')).toBe('entretien');
  });

  it('replaces only drafts, and writes beside anything else', () => {
    const state: Record<string, 'none' | 'draft' | 'kept'> = { a: 'draft', b: 'kept', 'b-draft': 'kept', 'b-draft-2': 'draft' };
    const existing = (slug: string) => state[slug] ?? 'none';
    expect(chooseDraftSlug('a', existing)).toEqual({ slug: 'a', besides: null });
    expect(chooseDraftSlug('b', existing)).toEqual({ slug: 'b-draft-2', besides: 'b' });
    expect(chooseDraftSlug('c', existing, new Set(['c']))).toEqual({ slug: 'c-2', besides: null });
    expect(existingStatus('---\ntitle: x\nstatus: draft\n---\n')).toBe('draft');
    expect(existingStatus('---\nstatus: published # by Marie\n---\n')).toBe('kept');
    expect(existingStatus('no frontmatter, status: draft')).toBe('kept');
  });
});
