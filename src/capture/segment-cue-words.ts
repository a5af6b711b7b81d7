import type { DraftLanguage } from './detect-language.ts';

/**
 * The cue words behind every segmentation decision, in French and English. Kept as data so
 * that a decision can always name the words that caused it (the review checklist shows them),
 * and so that a centre can read — and extend — what the heuristics look for.
 *
 * A phrase matches whole words, case-insensitively, with `'` and `’` treated alike; a final
 * `*` matches any word ending (`dangereu*` → dangereux, dangereuse), a `*` alone any one word
 * (`ça fait * ans`). A phrase is matched in a sentence after hesitations were removed
 * (tidy-speech.ts).
 */
export type CueWordKind =
  /** Danger named as such, protection, rules: "danger", "sécurité", "brûlure", "unsafe". */
  | 'safety'
  /** Things that can hurt ("feu", "gants", "capacitor"): safety only in a sentence said to someone that is not a step. */
  | 'hazard'
  /** What a beginner gets wrong, and how one notices. */
  | 'mistake'
  /** A tip, a trick, the expert's advice. */
  | 'tip'
  /** An anecdote: "une fois", "I remember". */
  | 'story'
  /** Telling what happened ("j'ai travaillé", "I found"): order words in it tell a story, not a step. */
  | 'past'
  /** Order of actions: "d'abord", "ensuite", "first", "next". */
  | 'sequence'
  /** The same, but too common to start a step alone ("après", "then", "now"). */
  | 'weakSequence'
  /** What to watch while doing it: "jusqu'à ce que", "make sure". */
  | 'keyPoint'
  /** Why: "parce que", "because". */
  | 'reason'
  /** A condition ("si", "if") — with a `problem` word it makes a what-if. */
  | 'condition'
  /** Something going wrong: "panne", "fuit", "fails". */
  | 'problem'
  /** Said to someone, besides "vous"/"on"/"you": "il faut", "ne jamais". */
  | 'addressed';

export const cueWords: Record<DraftLanguage, Record<CueWordKind, readonly string[]>> = {
  fr: {
    safety: ['danger*', 'dangereu*', 'sécurité', 'un risque', 'le risque', 'les risques', 'risques', 'risqué', 'se brûler', 'brûlure*', 'blesser', 'blessure*', 'se couper', 'électrocut*', 'électris*', 'choc électrique', 'sous tension', 'couper le courant', 'coupez le courant', 'disjoncteur', 'incendie*', 'extincteur*', 'permis de feu', 'toxique*', 'protection*', 'protéger', 'protégez', 'chaussures de sécurité', 'intoxi*', 'asphyx*', 'mortel*', 'tuer', 'premiers secours', 'aérer', 'aérez', 'aère', 'produit chimique', 'produits chimiques', 'phytosanitaire*', 'charges lourdes', 'se faire mal', 'faire mal', 'irritant*', 'piquent les yeux', 'haute tension', 'interdit*'],
    hazard: ['feu', 'flamme*', 'fumée*', 'fumées', 'masque*', 'lunettes', 'gants', 'casque', 'poussière*', 'brûle', 'brûlent', 'brûler', 'débranch*', 'condensateur*', 'gaz', 'lame*', 'coupant*', 'lourd*', 'brûlant*'],
    mistake: ['erreur*', 'se tromper', 'se trompe*', 'trompé', 'faute', 'fautes', 'débutant*', 'apprenti*', 'novice*', 'surtout pas', 'il ne faut pas', 'il faut pas', 'faut pas', 'ne jamais', 'jamais', 'oublie*', 'oubli*', 'raté*', 'rater', 'mal fait', 'de travers', "à l'envers", 'piège*', 'se faire avoir', 'se font avoir', 'tout de suite on voit', 'ça se voit', "on s'en aperçoit", "on s'en rend compte", 'fausse manœuvre', 'fausse manoeuvre', 'mauvaise*', 'mauvais', 'abîm*', 'peur du débutant'],
    tip: ['astuce*', 'conseil*', 'conseille*', 'petit truc', 'le truc', 'un truc', 'le mieux', 'mieux vaut', 'il vaut mieux', 'vaut mieux', 'pensez à', "n'hésitez pas", 'plus simple', 'plus facile', 'le secret', "l'important c'est", 'entraînez-vous', "s'entraîner", 'habitude*'],
    story: ['une fois', 'je me souviens', 'je me rappelle', "à l'époque", 'quand j\'ai commencé', "quand j'étais", 'autrefois', 'dans le temps', 'ça fait * ans', 'il y a * ans', 'au début'],
    past: ["j'ai", 'on a', 'il a', 'elle a', 'ils ont', 'nous avons', "j'avais", 'on avait', 'il y avait', "c'était", "j'étais", 'on était', 'ils étaient'],
    sequence: ["d'abord", "tout d'abord", 'premièrement', 'en premier', 'pour commencer', 'on commence', 'je commence', 'vous commencez', 'ensuite', 'puis', 'pour finir', 'à la fin', 'finalement', 'une fois que', 'dès que', 'deuxièmement', 'troisièmement', 'étape*', 'après ça', 'et après'],
    weakSequence: ['après', 'avant de'],
    keyPoint: ["jusqu'à ce que", "jusqu'à ce qu'", 'faire attention', 'faites attention', 'attention', 'surtout', 'vérifie*', 'vérifier', 'important*', "l'important", 'regardez', 'on regarde', 'on voit', 'vous voyez', 'on sent', 'vous sentez', 'on entend', 'vous entendez', 'au toucher', "à l'oreille", "à l'œil", "à l'oeil", 'doucement', 'lentement', 'pas trop', 'juste assez', 'à fond', 'tout autour', 'bien droit', 'bien propre', 'il faut que'],
    reason: ['parce que', "parce qu'", 'car', 'pour que', "pour qu'", 'pour ne pas', 'pour éviter', 'afin de', 'afin que', 'sinon', "c'est pour ça", "c'est pourquoi", 'ça évite', 'ça permet', 'du fait que', 'puisque'],
    condition: ['si', "s'il", "s'ils", 'et si', 'si jamais', 'quand', 'lorsque', 'en cas de', 'au cas où', 'sinon'],
    addressed: ['il ne faut', 'il faut', 'ne jamais', 'jamais de'],
    problem: ['panne*', 'problème*', 'casse', 'cassé*', 'fuit', 'fuite*', 'bloqu*', 'coinc*', 'trop', 'ne marche pas', 'marche pas', 'ne marche plus', 'marche plus', 'ne fonctionne pas', 'mal', 'rate', 'raté', 'noirci*', 'ne rentre plus', 'tombe en panne', 'abîm*', 'défaut*'],
  },
  en: {
    safety: ['danger*', 'dangerous', 'hazard*', 'safely', 'safety', 'unsafe', 'not safe', 'risk*', 'hurt', 'injur*', 'electric shock', 'shock*', 'electrocut*', 'live wire', 'live and neutral', 'non-isolated', 'tingle', 'extinguisher*', 'toxic', 'turn off the power', 'lethal', 'kill*', 'emergency', 'first aid', 'watch out', 'forbidden', 'not allowed', 'illegal', 'fumes', 'safety glasses', 'goggles'],
    hazard: ['burn*', 'mains', 'discharge*', 'gloves', 'mask', 'fire', 'unplug*', 'switch it off', 'power off', 'heavy', 'lifting', 'sharp', 'capacitor*', 'joules', 'scorching', 'gas', 'high voltage', 'high-voltage', 'isolation', 'isolated'],
    mistake: ['mistake*', 'wrong', 'error*', 'beginner*', 'novice*', 'apprentice*', 'newbie*', "don't", 'do not', 'never', 'forget*', 'forgot*', 'people often', 'a lot of people', 'most people', "you'll notice", 'you can tell', 'careless*', 'mess up', 'messed up', 'ruin*', 'damage*', 'bad'],
    tip: ['tip*', 'trick*', 'hack', 'advice', 'best to', 'better to', 'i recommend', 'recommend*', 'easiest', 'easier', 'make your life easier', 'secret', 'secret weapon', 'the key is', 'practice', 'practise', 'it helps', 'handy', 'a good idea', 'good way', 'desperate situation', 'in a bind'],
    story: ['i remember', 'one time', 'back then', 'years ago', 'when i started', 'when i was', 'in those days', 'at that time', 'we used to', 'i used to'],
    past: ['i was', 'we were', 'i had', 'we had', 'i did', 'i found', 'i bought', 'i got', 'i went', 'i never', 'i used to', 'we used to', 'i managed', 'i tried', 'i decided', 'i thought', 'it was', 'there was', 'he was', 'she was', 'they were'],
    sequence: ['first', 'firstly', 'first of all', 'to start', 'start by', 'secondly', 'next', 'after that', 'finally', 'step', 'the next step', 'once you', "once you've", 'and then', 'then you', 'you can then'],
    weakSequence: ['then', 'after', 'before', 'once'],
    keyPoint: ['make sure', 'making sure', 'be careful', 'careful', 'watch', 'check', 'look for', 'you can see', "you'll see", 'you will see', 'feel', 'hear', 'important', 'the key', 'until', 'all the way', 'gently', 'slowly', 'properly', 'evenly', 'generous'],
    reason: ['because', 'so that', 'otherwise', "that's why", 'the reason', 'in order to', 'to avoid', 'which means', 'that way', 'that will make sure', 'since'],
    condition: ['if', 'what if', 'when', 'in case', 'otherwise', 'unless', 'whenever'],
    addressed: ['make sure', 'be careful'],
    problem: ['fail*', 'fault*', 'problem*', 'broken', 'break*', 'goes wrong', 'go wrong', 'went wrong', "doesn't work", 'does not work', "won't", 'stuck', 'leak*', 'short circuit', 'short-circuit', 'overheat*', 'too hot', 'too much', 'turn off', 'turns off', 'damage*', 'hail', 'drought', 'bad'],
  },
};

/** Kinds of question an interviewer asks (interview-guide.ts asks them; segmentation recognises them). */
export type QuestionKind = 'step' | 'reason' | 'mistake' | 'safety' | 'tools' | 'whatif' | 'tip' | 'perception' | 'story';

/** In order of precedence: a question that names a mistake and a step is about the mistake. */
export const questionKinds: readonly QuestionKind[] = ['whatif', 'mistake', 'safety', 'reason', 'tools', 'tip', 'perception', 'story', 'step'];

export const questionWords: Record<DraftLanguage, Record<QuestionKind, readonly string[]>> = {
  fr: {
    step: ['comment', 'étape*', 'par quoi', 'on commence', 'vous commencez', 'ensuite', 'et après', 'la suite', 'montrez', 'expliquez', "qu'est-ce que vous faites", 'que faites-vous', "qu'est-ce qu'on fait", 'déroul*', 'procéd*', 'préparation', 'une fois le'],
    reason: ['pourquoi', 'pour quelle raison', 'à quoi ça sert', 'à quoi sert'],
    mistake: ['erreur*', 'se tromp*', 'de travers', 'raté*', 'rate', 'rater', 'oubli*', 'mal fait'],
    safety: ['sécurité', 'danger*', 'risque*', 'protég*', 'protection*', 'accident*', 'blessure*', 'se bless*'],
    tools: ['outil*', 'matériel*', 'équipement*', 'avec quoi', 'machine*', 'produit*', 'sortes de', 'quel fil', 'quelle brasure'],
    whatif: ['et si', 'si jamais', "qu'est-ce qui se passe si", 'que faire si', 'que faites-vous si', 'ça tourne mal', 'ça rate', 'ça ne marche pas', 'en cas de', 'problème*', 'panne*', 'si on'],
    tip: ['conseil*', 'astuce*', 'truc*', 'secret*'],
    perception: ['remarquez', 'vous remarquez', 'remarquer', 'voyez', 'entendez', 'sentez', 'reconnaît*', 'reconnaissez', 'on voit', 'vous voyez', 'signe*'],
    story: ['racont*', 'souvenir*', 'souvenez', 'déjà vu', 'histoire*'],
  },
  en: {
    step: ['how do you', 'how did you', 'how does', 'how to', 'steps', 'step', 'first thing', 'what do you do', 'what did you do', 'what happens next', 'then what', 'after that', 'show me', 'walk me through', 'explain', 'process', 'daily routine', 'routine'],
    reason: ['why', 'what for', "what's the reason", 'how come'],
    mistake: ['mistake*', 'wrong', 'error*', 'forget*', 'mess up'],
    safety: ['safe*', 'danger*', 'hazard*', 'risk*', 'protect*', 'accident*', 'injur*', 'hurt'],
    tools: ['tool*', 'equipment', 'materials', 'what do you use', 'what did you use', 'machine*', 'machinery'],
    whatif: ['what if', 'what happens if', 'what do you do if', 'goes wrong', 'go wrong', 'went wrong', "doesn't work", 'in case', 'problem*', 'fault*'],
    tip: ['tip*', 'trick*', 'advice', 'secret*', 'recommend*'],
    perception: ['notice*', 'how can you tell', 'how do you know', 'what do you see', 'what do you hear', 'what do you feel', 'smell', 'sign', 'signs', 'look like'],
    story: ['tell me about', 'remember', 'story', 'stories', 'a time when'],
  },
};

/**
 * Tools and materials, matched anywhere in the senior's words: the longest phrase wins
 * (`fer à souder` before `fer`). Only common, unambiguous names; a trade's own words that are
 * missing show up as glossary candidates in the review instead.
 */
export const toolWords: Record<DraftLanguage, readonly string[]> = {
  fr: ['chalumeau*', 'fer à souder', 'multimètre*', 'tournevis', 'pince*', 'pince coupante', 'pince à dénuder', 'marteau*', 'maillet*', 'clé à molette', 'clés plates', 'scie', 'scies', 'scie à métaux', 'coupe-tube*', 'ébavureur*', 'toile abrasive', 'papier de verre', 'brosse*', 'pinceau*', 'chiffon*', 'éponge*', 'cutter*', 'couteau*', 'ciseaux', 'mètre ruban', 'équerre*', 'niveau à bulle', 'crayon*', 'perceuse*', 'visseuse*', 'foret*', 'meuleuse*', 'ponceuse*', 'lime', 'limes', 'rabot*', 'ciseau à bois', 'serre-joint*', 'étau', 'établi', 'agrafeuse*', 'agrafes', 'clous', 'colle', 'ruban adhésif', "fil d'étain", 'fil de brasure', 'étain', 'flux', 'décapant', 'brasure*', 'gants', 'gants en cuir', 'lunettes', 'masque*', 'casque', 'extincteur*', 'écran thermique', 'échelle*', 'escabeau*', 'aspirateur*', 'lampe*', 'loupe', 'loupes', 'caméra thermique', 'oscilloscope*', 'pompe à dessouder', 'tresse à dessouder', 'velours', 'paille', 'crin', 'mousse', 'ressorts', 'sangles', 'galon*', 'frange*', 'aiguille*', 'ficelle*', 'sécateur*', 'bêche*', 'binette*', 'râteau*', 'arrosoir*', 'brouette*', 'motoculteur*', 'fourche*', 'semoir*', 'cagette*', 'graines', 'semences', 'fumier', 'compost', 'engrais', 'pétrin*', 'balance*', 'thermomètre*', 'coupe-pâte', 'banneton*', 'ordinateur*', 'clavier*', 'souris', 'imprimante*', 'logiciel*'],
  en: ['soldering iron', 'solder', 'leaded solder', 'solder wick', 'solder braid', 'solder sucker', 'desoldering gun', 'desoldering pump', 'flux', 'flux pen', 'multimeter*', 'thermal camera', 'macro lens', 'oscilloscope*', 'screwdriver*', 'pliers', 'side cutters', 'wire cutters', 'wire strippers', 'tweezers', 'hammer*', 'mallet*', 'wrench*', 'spanner*', 'hacksaw*', 'pipe cutter*', 'sandpaper', 'paintbrush*', 'rag', 'rags', 'sponge*', 'knife', 'knives', 'scissors', 'tape measure', 'ruler*', 'pencil*', 'drill*', 'drill bit*', 'grinder*', 'sander*', 'chisel*', 'clamp*', 'vice', 'vise', 'workbench*', 'stapler*', 'staples', 'nails', 'screws', 'glue', 'gloves', 'goggles', 'safety glasses', 'fire extinguisher*', 'ladder*', 'vacuum cleaner*', 'torch*', 'flashlight*', 'magnifying glass', 'heat gun*', 'resistor leg', 'datasheet*', 'rotary hoe', 'hoe', 'spade*', 'shovel*', 'rake*', 'watering can*', 'hose*', 'wheelbarrow*', 'tractor*', 'seeds', 'fertiliser', 'fertilizer', 'compost', 'manure', 'boxes', 'crates', 'truck*', 'computer*', 'keyboard*', 'mouse', 'printer*', 'software', 'thermometer*', 'oven*'],
};

/**
 * A text's words as matching sees them: lower case, `’` as `'`, an apostrophe kept with the
 * word before it (`qu'il` → `qu'`, `il`; `don't` → `don'`, `t`), hyphenated words whole
 * (`entraînez-vous`), and each punctuation mark a token of its own so that a phrase never
 * runs across a comma.
 */
export function tokenize(text: string): string[] {
  return text.toLowerCase().replace(/’/g, "'").match(TOKEN) ?? [];
}

const TOKEN = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*'?|[^\s\p{L}\p{N}]/gu;

/** A compiled list of phrases: which of them occur in a text. */
export interface PhraseMatcher {
  /** The phrases found, as written in the text (lower case), in order, without repeats. */
  find(text: string): string[];
  /** The same on tokens from `tokenize` (to tokenize a sentence once for every list). */
  findTokens(tokens: readonly string[]): string[];
  /** Each phrase found with the index of its first token (repeats included). */
  findAt(tokens: readonly string[]): Found[];
  test(text: string): boolean;
}

/** One word of a phrase: a token, a token's start (`dangereu*`), or any one word (`*`). */
type WordPattern = { exact: string } | { prefix: string } | { any: true };

interface Phrase<K extends string> {
  list: K;
  words: WordPattern[];
}

export interface Found {
  /** The phrase as written in the text (lower case). */
  words: string;
  /** Index of its first token. */
  index: number;
}

/** Several lists of phrases scanned in one pass over a text's tokens. */
export interface PhraseIndex<K extends string> {
  /** Per list, the phrases found (longest at a position, no overlap within a list). */
  scan(tokens: readonly string[]): Record<K, Found[]>;
}

const MAX_MEMO = 50_000;

/**
 * Lists of phrases → an index that looks words up in maps, with no regular expression per
 * phrase: each token's candidate phrases (by its exact form, or by its start for `word*`) are
 * found once and remembered, so a transcript costs one map lookup per word plus the check of
 * the few phrases that start there. Linear in the text.
 */
export function phraseIndex<K extends string>(lists: Record<K, readonly string[]>): PhraseIndex<K> {
  const keys = Object.keys(lists) as K[];
  const byFirst = new Map<string, Phrase<K>[]>();
  const byPrefix = new Map<string, Phrase<K>[]>();
  const prefixLengths = new Set<number>();
  for (const list of keys) {
    for (const phrase of lists[list]) {
      const words: WordPattern[] = phrase
        .toLowerCase()
        .replace(/’/g, "'")
        .split(' ')
        .flatMap((word): WordPattern[] => {
          if (word === '*') return [{ any: true }];
          if (word.endsWith('*')) return [{ prefix: word.slice(0, -1) }];
          return tokenize(word).map((token) => ({ exact: token }));
        });
      const first = words[0];
      if (!first || 'any' in first) continue;
      const entry = { list, words };
      if ('exact' in first) push(byFirst, first.exact, entry);
      else {
        push(byPrefix, first.prefix, entry);
        prefixLengths.add(first.prefix.length);
      }
    }
  }
  const lengths = [...prefixLengths].sort((a, b) => b - a);
  const memo = new Map<string, Phrase<K>[]>();
  const candidatesOf = (token: string): Phrase<K>[] => {
    let candidates = memo.get(token);
    if (candidates === undefined) {
      candidates = [...(byFirst.get(token) ?? [])];
      for (const length of lengths) if (token.length >= length) candidates.push(...(byPrefix.get(token.slice(0, length)) ?? []));
      candidates.sort((a, b) => b.words.length - a.words.length);
      if (memo.size >= MAX_MEMO) memo.clear();
      memo.set(token, candidates);
    }
    return candidates;
  };
  const fits = (pattern: WordPattern, token: string | undefined): boolean => {
    if (token === undefined) return false;
    if ('exact' in pattern) return pattern.exact === token;
    if ('prefix' in pattern) return token.startsWith(pattern.prefix);
    return WORD.test(token);
  };
  return {
    scan(tokens) {
      const found = {} as Record<K, Found[]>;
      const free = {} as Record<K, number>;
      for (const key of keys) {
        found[key] = [];
        free[key] = 0;
      }
      for (let at = 0; at < tokens.length; at++) {
        const candidates = candidatesOf(tokens[at]!);
        for (const phrase of candidates) {
          // The longest phrase of a list at a position wins; a list's matches do not overlap.
          if (at < free[phrase.list]) continue;
          let fit = true;
          for (let k = 0; k < phrase.words.length && fit; k++) fit = fits(phrase.words[k]!, tokens[at + k]);
          if (!fit) continue;
          found[phrase.list].push({ words: joinTokens(tokens.slice(at, at + phrase.words.length)), index: at });
          free[phrase.list] = at + phrase.words.length;
        }
      }
      return found;
    },
  };
}

const WORD = /[\p{L}\p{N}]/u;

/** One list of phrases (see phraseIndex). */
export function phraseMatcher(phrases: readonly string[]): PhraseMatcher {
  const index = phraseIndex({ phrases });
  const findAt = (tokens: readonly string[]) => index.scan(tokens).phrases;
  const findTokens = (tokens: readonly string[]): string[] => [...new Set(findAt(tokens).map((found) => found.words))];
  return { find: (text) => findTokens(tokenize(text)), findTokens, findAt, test: (text) => findAt(tokenize(text)).length > 0 };
}

function push<T>(map: Map<string, T[]>, key: string, entry: T): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

/** Tokens back to words: a space between words, none after an apostrophe or before punctuation. */
export function joinTokens(tokens: readonly string[]): string {
  let text = tokens[0] ?? '';
  for (let index = 1; index < tokens.length; index++) {
    const token = tokens[index]!;
    const glue = tokens[index - 1]!.endsWith("'") || (token.length === 1 && PUNCTUATION.has(token));
    text += glue ? token : ` ${token}`;
  }
  return text;
}

const PUNCTUATION = new Set([...',.;:!?…«»"“”()[]/–—-']);

export const normaliseForMatching = (text: string): string => text.toLowerCase().replace(/’/g, "'");

/** Every list above, compiled once per language. */
export interface CueWordMatchers {
  /** All cue-word lists and the tools, scanned in one pass per sentence. */
  sentence: PhraseIndex<CueWordKind | 'tools'>;
  cue: Record<CueWordKind, PhraseMatcher>;
  question: Record<QuestionKind, PhraseMatcher>;
  tools: PhraseMatcher;
}

const compiled = new Map<DraftLanguage, CueWordMatchers>();

export function cueWordMatchers(language: DraftLanguage): CueWordMatchers {
  let matchers = compiled.get(language);
  if (!matchers) {
    const map = <K extends string>(lists: Record<K, readonly string[]>) =>
      Object.fromEntries(Object.entries<readonly string[]>(lists).map(([kind, words]) => [kind, phraseMatcher(words)])) as Record<K, PhraseMatcher>;
    matchers = {
      sentence: phraseIndex({ ...cueWords[language], tools: toolWords[language] }),
      cue: map(cueWords[language]),
      question: map(questionWords[language]),
      tools: phraseMatcher(toolWords[language]),
    };
    compiled.set(language, matchers);
  }
  return matchers;
}
