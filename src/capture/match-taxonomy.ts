/**
 * Proposals from words shared with the taxonomy: which skills (and, when not given, which trade)
 * a transcript is about, and which trade words the glossary lacks. Every proposal carries the
 * words it rests on, for the review checklist. Pure: callers pass the labels in.
 */

/** What the matcher needs to know of a skill (content/skills/<id>.yaml). */
export interface SkillLabels {
  id: string;
  label: Record<string, string>;
}

/** What the matcher needs to know of a trade: its labels, its skills', its ROME fiche's words. */
export interface TradeLabels {
  id: string;
  label: Record<string, string>;
  /** The library's own words for the trade's work: its skills' labels (in every language). */
  skills: string[];
  /** The ROME fiche's titles and competences (French only: a weaker sign, cognates abound). */
  words: string[];
}

export interface Proposal {
  id: string;
  score: number;
  /** The shared words (as stems, e.g. `brase`, `cuivr`). */
  words: string[];
}

// Words too common to tell anything apart.
const STOP_WORDS = new Set(
  'avec dans pour sans sous sur entre chez vers leur leurs votre vous nous elle elles ils tout tous toute toutes cette ces comme mais donc plus moins très bien faire fait être avoir sont était avait peut faut aussi alors quand même autre autres selon the and with from that this then them they have will your their into about what when which there were been does done make made more most other such than some only very just like also over after before under while where'
    .split(' '),
);

/** Stems of the content words of a text: first 5 letters of words of 4 letters or more. */
export function contentStems(text: string): string[] {
  const stems: string[] = [];
  for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (word.length >= 4 && !STOP_WORDS.has(word)) stems.push(word.slice(0, 5));
  }
  return stems;
}

/** How often each stem occurs in a text (computed once per transcript). */
export function stemCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const stem of contentStems(text)) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  return counts;
}

function score(labelText: string, counts: Map<string, number>): Proposal & { id: '' } {
  const stems = [...new Set(contentStems(labelText))];
  const shared = stems.filter((stem) => (counts.get(stem) ?? 0) > 0);
  // Distinct shared words count most; repetition adds a little (capped, so one word said 50 times does not win alone).
  const total = shared.reduce((sum, stem) => sum + Math.min(counts.get(stem) ?? 0, 5), 0);
  return { id: '', score: shared.length * 10 + total, words: shared };
}

/** Skills whose label (any language) shares words with the transcript, best first (at most `max`). */
export function proposeSkills(counts: Map<string, number>, skills: readonly SkillLabels[], max = 3): Proposal[] {
  return skills
    .map((skill) => ({ ...score(Object.values(skill.label).join(' '), counts), id: skill.id }))
    .filter((proposal) => proposal.words.length > 0)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, max);
}

/**
 * Trades ranked by shared words: the library's labels of the trade and its skills count fully,
 * the ROME fiche's words a little. A trade is proposed only when it clearly leads: two shared
 * words or more, and at least 1.5 times the score of the next one.
 */
export function proposeTrade(counts: Map<string, number>, trades: readonly TradeLabels[]): { proposal: Proposal | null; ranking: Proposal[] } {
  const ranking = trades
    .map((trade) => {
      const own = score([...Object.values(trade.label), ...trade.skills].join(' '), counts);
      const rome = new Set(contentStems(trade.words.join(' ')).filter((stem) => (counts.get(stem) ?? 0) > 0 && !own.words.includes(stem)));
      return { id: trade.id, score: own.score + 2 * rome.size, words: [...own.words, ...rome] };
    })
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const [first, second] = ranking;
  const proposal = first && first.words.length >= 2 && first.score >= 1.5 * (second?.score ?? 0) ? first : null;
  return { proposal, ranking };
}

/**
 * Trade words the apprentice may not know and the glossary does not define: the tools and
 * materials found, and words of the trade's ROME labels said at least twice.
 */
export function glossaryCandidates(options: { tools: readonly string[]; tradeWords: readonly string[]; counts: Map<string, number>; glossary: readonly string[]; max?: number }): string[] {
  const defined = new Set(options.glossary.map((term) => term.toLowerCase()));
  const definedStems = new Set(options.glossary.flatMap((term) => contentStems(term)));
  const candidates: string[] = [];
  const consider = (word: string) => {
    const lower = word.toLowerCase();
    if (defined.has(lower) || candidates.includes(lower)) return;
    const stems = contentStems(lower);
    if (stems.length > 0 && stems.every((stem) => definedStems.has(stem))) return;
    candidates.push(lower);
  };
  for (const tool of options.tools) consider(tool);
  for (const word of options.tradeWords) {
    for (const part of word.toLowerCase().split(/[^\p{L}'-]+/u)) {
      if (part.length >= 7 && !STOP_WORDS.has(part) && (options.counts.get(part.slice(0, 5)) ?? 0) >= 2) consider(part);
    }
  }
  return candidates.slice(0, options.max ?? 15);
}
