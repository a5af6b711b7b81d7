import type { DraftLanguage } from './detect-language.ts';
import { cueWordMatchers, joinTokens, normaliseForMatching, tokenize, type CueWordMatchers, type Found } from './segment-cue-words.ts';

/** The kinds of know-how block a draft has a place for. */
export const knowHowKinds = ['step', 'safety', 'mistake', 'tip', 'whatif', 'story'] as const;
export type KnowHowKind = (typeof knowHowKinds)[number];

/** What one sentence says about itself, before its neighbours and the question are considered. */
export interface SentenceCues {
  /** Know-how kinds its own words point to, with those words, strongest first. */
  kinds: { kind: Exclude<KnowHowKind, 'step'>; words: string[]; weak?: true }[];
  /** Order words that start a step on their own ("d'abord", "next"). */
  sequence: string[];
  /** Someone doing something: "on emboîte", "we can take", or an imperative ("Coupez"). */
  action: string[];
  keyPoint: string[];
  reason: string[];
  /** Tools and materials named (segment-cue-words.ts, `toolWords`). */
  tools: string[];
  /** Starts with a reason ("Parce que…", "Because…", "C'est pour ça"): it explains what came before. */
  startsWithReason: boolean;
  /** Short and pointing back ("Les apprentis oublient toujours ça."): it needs the sentence before. */
  refersBack: boolean;
}

// Verbs of doing, as stems: a step is someone doing one of these (with a subject or as an imperative).
const FRENCH_ACTIONS = ['nettoi', 'nettoy', 'coup', 'mett', 'met', 'mets', 'pren', 'chauff', 'pose', 'posez', 'poser', 'serr', 'viss', 'déviss', 'enlèv', 'enlev', 'retir', 'vérifi', 'mesur', 'marqu', 'tourn', 'emboît', 'emboit', 'appliqu', 'perc', 'ponç', 'ponc', 'soud', 'brase', 'braser', 'démont', 'remont', 'branch', 'débranch', 'couvr', 'recouvr', 'tend', 'clou', 'agraf', 'coud', 'cous', 'taill', 'sème', 'semer', 'semez', 'plant', 'arros', 'récolt', 'cueill', 'lave', 'laver', 'lavez', 'rinc', 'sèch', 'séch', 'laiss', 'ouvr', 'ferm', 'essui', 'essuy', 'ébavur', 'frott', 'bross', 'touch', 'promèn', 'promen', 'regard', 'surveill', 'ajout', 'fix', 'coll', 'gratt', 'décap', 'vide', 'vider', 'videz', 'rempl', 'prépar', 'pass', 'chang', 'remplac', 'test', 'contrôl', 'règl', 'regl', 'pèse', 'peser', 'pesez', 'pétr', 'façonn', 'enfourn', 'sort', 'attach', 'emball', 'trie', 'trier', 'triez', 'calibr', 'range', 'ranger', 'rangez', 'démarr', 'allum', 'étein', 'appuy', 'dessoud', 'refai', 'refait', 'rhabill', 'rempaill', 'cann', 'garn', 'dégarn', 'tire', 'tirer', 'tirez', 'pouss', 'pli', 'roul', 'dépos', 'install', 'raccord', 'dénud', 'cliv', 'insér', 'nou', 'reprend', 'refaire', 'fait', 'faites', 'fais', 'faire', 'rest'];
const ENGLISH_ACTIONS = new Set(['take', 'taking', 'took', 'put', 'putting', 'remove', 'removing', 'cut', 'cutting', 'heat', 'heating', 'clean', 'cleaning', 'check', 'checking', 'turn', 'turning', 'unplug', 'unplugging', 'plug', 'plugging', 'open', 'opening', 'close', 'closing', 'unscrew', 'unscrewing', 'screw', 'screwing', 'solder', 'soldering', 'desolder', 'desoldering', 'add', 'adding', 'pull', 'pulling', 'push', 'pushing', 'apply', 'applying', 'measure', 'measuring', 'mark', 'marking', 'fit', 'fitting', 'test', 'testing', 'replace', 'replacing', 'scrape', 'scraping', 'coat', 'coating', 'insert', 'inserting', 'move', 'moving', 'wait', 'waiting', 'lift', 'lifting', 'place', 'placing', 'hold', 'holding', 'wipe', 'wiping', 'rinse', 'rinsing', 'wash', 'washing', 'dry', 'drying', 'tie', 'tying', 'bunch', 'bunching', 'plant', 'planting', 'sow', 'sowing', 'water', 'watering', 'harvest', 'harvesting', 'pick', 'picking', 'pack', 'packing', 'grade', 'grading', 'sort', 'sorting', 'load', 'loading', 'spread', 'spreading', 'mix', 'mixing', 'fill', 'filling', 'drain', 'draining', 'tighten', 'tightening', 'loosen', 'loosening', 'attach', 'attaching', 'connect', 'connecting', 'disconnect', 'disconnecting', 'probe', 'probing', 'discharge', 'discharging', 'inspect', 'inspecting', 'pour', 'pouring', 'bend', 'bending', 'strip', 'stripping', 'crimp', 'crimping', 'drill', 'drilling', 'sand', 'sanding', 'paint', 'painting', 'glue', 'gluing', 'nail', 'nailing', 'staple', 'stapling', 'sew', 'sewing', 'stretch', 'stretching', 'fold', 'folding', 'roll', 'rolling', 'whip', 'buy', 'order', 'get', 'keep', 'keeping', 'start', 'wake', 'cook', 'send']);
const ENGLISH_BASE_ACTIONS = new Set([...ENGLISH_ACTIONS].filter((verb) => !verb.endsWith('ing') && verb !== 'took'));
const FRENCH_ACTION_STEMS = new Set(FRENCH_ACTIONS);
const FRENCH_STEM_LENGTHS = [...new Set(FRENCH_ACTIONS.map((stem) => stem.length))].sort((a, b) => b - a);
const isFrenchAction = (token: string) => FRENCH_STEM_LENGTHS.some((length) => token.length >= length && FRENCH_ACTION_STEMS.has(token.slice(0, length)));

// Who does it, and the little words that may stand between them and the verb ("on ne touche plus", "we can then take").
const SUBJECTS: Record<DraftLanguage, string[][]> = {
  fr: [['il', 'faut'], ['il', 'faudrait'], ['il', 'suffit', 'de'], ['suffit', 'de'], ['faut'], ['faudrait'], ['on'], ['je'], ["j'"], ['vous'], ['tu'], ['nous']],
  en: [["let'", 's'], ['let', 'us'], ['you'], ["you'"], ['we'], ["we'"], ['i'], ["i'"]],
};
const BETWEEN: Record<DraftLanguage, Set<string>> = {
  fr: new Set(['le', 'la', 'les', "l'", 'ne', "n'", 'y', 'en', 'lui', 'leur', 'se', "s'", 'me', "m'", 'te', "t'", 'bien', 'toujours', 'aussi', "d'", 'abord', 'ensuite', 'alors', 'déjà', 'tout', 'simplement']),
  en: new Set(['ll', 're', 'd', 've', 'will', 'are', 'should', 'can', 'could', 'must', 'then', 'just', 'want', 'to', 'need', 'have', 'going', 'gonna', 'be', 'now', 'also', 'simply', 'first', 'carefully', 'always', 'generally', "can'", "don'", 't']),
};
const MAX_BETWEEN = 4;

// Opening words that leave what a sentence says unchanged ("Puis", "And then", "Okay so").
const LINK_TOKENS = new Set(['et', 'puis', 'ensuite', 'alors', 'donc', 'bon', 'ben', 'oui', 'voilà', 'après', 'enfin', "d'", 'abord', 'mais', 'so', 'and', 'then', 'okay', 'ok', 'now', 'yeah', 'yep', 'well', 'but', 'firstly', 'first', 'next', 'finally', ',']);
const ANAPHORS = new Set(['ça', 'cela', 'ce', "c'", 'là', 'that', 'this', 'it']);
const ADDRESSEES: Record<DraftLanguage, Set<string>> = { fr: new Set(['on', 'vous', 'tu', 'faut']), en: new Set(['you', "you'"]) };
const PRONOUNS = new Set(['i', 'we', 'he', 'she', 'they']);
const IRREGULAR_PAST = new Set(['came', 'went', 'got', 'had', 'was', 'were', 'did', 'made', 'took', 'bought', 'sold', 'built', 'found', 'left', 'gave', 'told', 'said', 'saw', 'knew', 'thought', 'brought', 'began', 'grew', 'sent', 'kept', 'ran', 'paid']);

const TIME_PHRASES = new Set(['au début', 'une fois', 'avant', 'at that time', 'back then', 'in those days', "à l'époque", 'autrefois', 'dans le temps']);
const GENERAL_NEGATIONS = new Set(['jamais', 'ne jamais', 'faut pas', 'il faut pas', "don't", 'do not', 'never']);

/** Words that may open a sentence without changing what it says ("Puis", "And then", "Okay so"). */
export const LEADING_LINKS = /^(?:(?:et|puis|ensuite|alors|donc|bon|ben|oui|voilà|après|enfin|d'abord|mais|so|and|then|okay|ok|now|yeah|yep|well|but|firstly|first|next|finally)(?:[ \t]*,)?[ \t]+)+/iu;

/** The text without its opening links ("Puis", "D’abord,", "And then"). */
export function withoutLeadingLinks(text: string): string {
  const match = LEADING_LINKS.exec(text.replace(/’/g, "'"));
  return match ? text.slice(match[0].length) : text;
}

/** Where the words proper start, past opening links ("Et puis, alors, on…" → `on`). */
function firstWordIndex(tokens: readonly string[]): number {
  let index = 0;
  while (index < tokens.length && LINK_TOKENS.has(tokens[index]!)) index++;
  return index;
}

/** "on emboîte", "il faut faire", "we can take": a subject, a few small words, a verb of doing. */
function findAction(tokens: readonly string[], language: DraftLanguage): string | null {
  for (let at = 0; at < tokens.length; at++) {
    for (const subject of SUBJECTS[language]) {
      if (!subject.every((word, k) => tokens[at + k] === word)) continue;
      let verb = at + subject.length;
      for (let skipped = 0; skipped < MAX_BETWEEN && BETWEEN[language].has(tokens[verb] ?? ''); skipped++) verb++;
      const token = tokens[verb];
      if (token !== undefined && (language === 'fr' ? isFrenchAction(token) : ENGLISH_ACTIONS.has(token))) return joinTokens(tokens.slice(at, verb + 1));
      break;
    }
  }
  return null;
}

/** The cues of one sentence (see SentenceCues). */
export function readSentenceCues(text: string, language: DraftLanguage, matchers: CueWordMatchers = cueWordMatchers(language)): SentenceCues {
  const tokens = tokenize(text);
  const found = matchers.sentence.scan(tokens);
  const words = (list: Found[]) => [...new Set(list.map((item) => item.words))];
  const first = firstWordIndex(tokens);
  const action: string[] = [];
  const subject = findAction(tokens, language);
  if (subject) action.push(subject);
  const opening = tokens[first];
  const imperative = opening !== undefined && (language === 'fr' ? isFrenchAction(opening) && opening.endsWith('ez') : ENGLISH_BASE_ACTIONS.has(opening));
  if (imperative && !action.includes(opening)) action.push(opening);
  // Order words start a step near the start of a sentence ("Puis je nettoie…"), or with an
  // action; "il bout un peu, puis il devient clair" is not a step. A weak one ("après",
  // "then") only as the sentence's first word, in a short sentence or with an action.
  const earlyEnd = Math.min(tokens.length, 4);
  const sequence = found.sequence.filter((found) => action.length > 0 || found.index < earlyEnd).map((found) => found.words);
  const lead = tokens[0] === 'et' || tokens[0] === 'and' || tokens[0] === 'so' || tokens[0] === 'bon' ? (tokens[1] === ',' ? 2 : 1) : 0;
  const weak = tokens[lead];
  if (sequence.length === 0 && weak !== undefined && matchers.cue.weakSequence.findTokens([weak]).length > 0 && (action.length > 0 || text.split(' ').length <= 8)) sequence.push(weak);
  // Order words in a past-tense account ("et puis après, j'ai travaillé sur…") tell a story.
  const past = action.length === 0 && sequence.length > 0 ? [...words(found.past), ...(language === 'en' ? englishPast(tokens) : [])] : [];
  if (past.length > 0) sequence.length = 0;
  const isStep = sequence.length > 0 || action.length > 0;
  const kinds: SentenceCues['kinds'] = [];
  const add = (kind: Exclude<KnowHowKind, 'step'>, words: string[], weakSign = false) => {
    if (words.length > 0) kinds.push(weakSign ? { kind, words, weak: true } : { kind, words });
  };
  // "never", "jamais", "don't", a hazard named warn only when said to someone ("vous", "on",
  // "you") or as an order; "the mains input here" describes.
  const addressed = tokens.some((token) => ADDRESSEES[language].has(token)) || words(found.addressed).length > 0 || (language === 'en' && (opening === "don'" || opening === 'never' || (opening === 'do' && tokens[first + 1] === 'not')));
  const safety = words(found.safety);
  // Hazard words alone ("le décapant brûle") are a weak sign: an answer's question may say otherwise.
  add('safety', [...safety, ...(isStep || !addressed ? [] : words(found.hazard))], safety.length === 0);
  add('mistake', words(found.mistake).filter((word) => addressed || !GENERAL_NEGATIONS.has(word)));
  const conditions = words(found.condition);
  const problems = conditions.length > 0 ? words(found.problem) : [];
  if (problems.length > 0) add('whatif', [...conditions, ...problems]);
  add('tip', words(found.tip));
  // Time phrases tell a story when they open the sentence ("Au début, il n'y avait…"), not
  // inside it ("sans fumée au début"); "une fois que…" orders actions.
  const story = found.story
    .filter(({ words, index }) => {
      if (words === 'une fois' && ['que', "qu'", 'le', 'la', 'les', "l'"].includes(tokens[index + 2] ?? '')) return false;
      return !TIME_PHRASES.has(words) || index <= 4;
    })
    .map((found) => found.words);
  add('story', [...story, ...past]);
  const normal = normaliseForMatching(text).replace(/^[\s"«“]+/, '');
  return {
    kinds,
    sequence,
    action,
    keyPoint: words(found.keyPoint),
    tools: words(found.tools),
    reason: words(found.reason),
    startsWithReason: /^(?:(?:et|mais|and|but|oui|yes|yeah|non|no)[ ,]+)?(?:parce que|parce qu'|car |puisque|c'est pour ça|c'est pourquoi|because|'cause|that's why|this is why|so that|otherwise|sinon)/u.test(normal),
    refersBack: text.split(' ').length <= 8 && tokens.some((token) => ANAPHORS.has(token)),
  };
}

/** English simple past after a pronoun ("he came", "we worked", "they sold"): a story's verbs. */
function englishPast(tokens: readonly string[]): string[] {
  for (let at = 0; at < tokens.length - 1; at++) {
    if (!PRONOUNS.has(tokens[at]!)) continue;
    const verb = tokens[at + 1]!.endsWith('ly') ? tokens[at + 2] : tokens[at + 1];
    if (verb && ((verb.length > 3 && verb.endsWith('ed')) || IRREGULAR_PAST.has(verb))) return [`${tokens[at]} ${verb}`];
  }
  return [];
}

const DANGLING_END = /(?:\bto|\bwill|\bwould|\bshould|\bcan|\bmust|il faut|faut|devez|doit|dois|peut|pouvez)[,\s]*$/iu;

// In-sentence splits of a step: "<action>, jusqu'à ce que <key point> parce que <reason>".
const KEY_POINT_SPLIT: Record<DraftLanguage, RegExp> = {
  fr: /(?:,[ \t]*|[ \t]+)(?=(?:jusqu'à ce que|jusqu'à ce qu'|en faisant attention|en veillant|sans trop|bien à fond|pas trop|quand on voit|quand vous voyez|dès que)(?![\p{L}]))/iu,
  en: /(?:,[ \t]*|[ \t]+)(?=(?:until|making sure|make sure|being careful|without|when you see|once you see)(?![\p{L}]))/iu,
};
const REASON_SPLIT: Record<DraftLanguage, RegExp> = {
  fr: /(?:,[ \t]*|[ \t]+)(?:parce que |parce qu'|car )|(?:,[ \t]*|[ \t]+)(?=(?:pour que|pour qu'|pour ne pas|pour éviter|afin de|afin que|sinon|pour (?:bien |mieux )?\p{L}+(?:er|ir|re))(?![\p{L}]))/iu,
  en: /(?:,[ \t]*|[ \t]+)because |(?:,[ \t]*|[ \t]+)(?=(?:so that|otherwise|to avoid|in order to|which means)(?![\p{L}]))/iu,
};

/**
 * A step sentence → its action, and the key point and reason said in the same breath. The
 * action keeps the speaker's words (without an opening "Puis", "So", "And then"); a key point
 * starts at "jusqu'à ce que" / "until" / "make sure"; a reason at "parce que" / "because" /
 * "pour que" / "so that" (the bare "parce que" / "because" is dropped: the label says why).
 * Splits are only taken after the third word, so that "Parce que…" stays whole.
 */
export function splitStepSentence(text: string, language: DraftLanguage): { action: string; keyPoint: string | null; reason: string | null } {
  // Matched on a copy with ’ as ' (same length), cut from the words as said.
  const body = text.replace(/[.!?…]+$/u, '');
  const plain = (value: string) => value.replace(/’/g, "'");
  const cutAt = (pattern: RegExp, within: string): { before: string; after: string } | null => {
    const match = pattern.exec(plain(within));
    // Not after the third word, nor after a verb that needs what follows ("we have to", "il faut").
    if (!match || within.slice(0, match.index).split(' ').length < 3 || DANGLING_END.test(within.slice(0, match.index))) return null;
    return { before: within.slice(0, match.index), after: within.slice(match.index + match[0].length) };
  };
  let rest = body;
  let reason: string | null = null;
  const reasonCut = cutAt(REASON_SPLIT[language], rest);
  if (reasonCut) {
    rest = reasonCut.before;
    reason = reasonCut.after.replace(/^[,\s]+/, '').trim() || null;
  }
  let keyPoint: string | null = null;
  const keyCut = cutAt(KEY_POINT_SPLIT[language], rest);
  if (keyCut) {
    rest = keyCut.before;
    keyPoint = keyCut.after.replace(/^[,\s]+/, '').trim() || null;
  }
  const action = withoutLeadingLinks(rest).replace(/[,;:\s]+$/, '').trim() || rest.trim();
  return { action, keyPoint, reason };
}
