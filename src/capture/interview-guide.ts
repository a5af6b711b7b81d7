import type { List, ListItem, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { Skill, Trade } from '../schemas/index.ts';
import type { DraftLanguage } from './detect-language.ts';
import type { RomeFiche } from './rome-fiche.ts';

export interface InterviewGuideInput {
  trade: { id: string; data: Trade };
  /** The library's skills of this trade. */
  skills: { id: string; data: Skill }[];
  /** The trade's ROME fiche, when its code is in the taxonomy. */
  rome?: RomeFiche;
  /** The attribution line the ROME licence asks for. */
  romeAttribution?: string;
  language: DraftLanguage;
}

/** At most this many ROME competences get their own prompt (the core ones first). */
const MAX_ROME_PROMPTS = 12;
const BLANK_ROWS = 6;

/**
 * A printable interview guide (Markdown) for one trade, built on well-known elicitation
 * techniques so that the transcript holds what a module needs:
 * - the job broken into steps, each with its key point and its reason (TWI job breakdown);
 * - what a beginner gets wrong and how one notices it;
 * - what the expert sees, hears or feels that a beginner does not (cue recognition);
 * - "what if … goes wrong?" and a real incident told in order (critical decision method);
 * - tools and materials; safety;
 * - prompts drawn from the trade's skills (their level descriptors) and the core competences of
 *   its ROME fiche.
 * The questions use the words segmentation listens for, and the guide says to ask "why?".
 */
export function interviewGuide(input: InterviewGuideInput): string {
  const text = input.language === 'fr' ? french : english;
  const tradeLabel = label(input.trade.data.label, input.language);
  const skillLabel = (skill: { id: string; data: Skill }) => label(skill.data.label, input.language);
  const children: RootContent[] = [];
  const heading = (depth: 1 | 2 | 3, value: string) => children.push({ type: 'heading', depth, children: [{ type: 'text', value }] });
  const para = (...parts: PhrasingContent[]) => children.push({ type: 'paragraph', children: parts });
  const bullets = (items: string[], task = false) => children.push(list(items, task));

  heading(1, text.title(tradeLabel));
  para({ type: 'text', value: text.intro(tradeLabel, input.trade.data.rome, input.rome?.label) });
  bullets(text.identity);

  heading(2, text.before.heading);
  bullets(text.before.items, true);
  heading(2, text.how.heading);
  bullets(text.how.items);

  heading(2, text.choose.heading);
  para({ type: 'text', value: text.choose.lead });
  if (input.skills.length > 0) {
    para({ type: 'strong', children: [{ type: 'text', value: text.choose.librarySkills }] });
    bullets(input.skills.map((skill) => `${skillLabel(skill)}${skill.data.rome ? ` (ROME ${skill.data.rome})` : ''}`));
  }
  const core = romeCompetences(input.rome);
  if (core.length > 0) {
    para({ type: 'strong', children: [{ type: 'text', value: text.choose.romeSkills(input.rome!.code) }] });
    bullets(core.map((item) => item.label));
  }
  para({ type: 'strong', children: [{ type: 'text', value: text.choose.ask }] });
  bullets(text.choose.questions);

  heading(2, text.steps.heading);
  bullets(text.steps.questions);
  children.push(breakdownTable(text.steps.columns));

  heading(2, text.mistakes.heading);
  bullets(text.mistakes.questions);
  heading(2, text.perception.heading);
  bullets(text.perception.questions);
  heading(2, text.whatIf.heading);
  bullets(text.whatIf.questions);

  heading(2, text.tools.heading);
  const toolKnowledge = input.rome?.knowledge.filter((group) => /outils|matières|produits/iu.test(group.category)).flatMap((group) => group.items.map((item) => item.label)) ?? [];
  bullets([...text.tools.questions, ...toolKnowledge.slice(0, 8).map((item) => text.tools.perKnowledge(item))]);
  heading(2, text.safety.heading);
  const safetyRome = [...(input.rome?.skills.flatMap((group) => group.items).filter((item) => /sécurité|hygiène|santé|protection/iu.test(item.label)) ?? []), ...(input.rome?.knowledge.flatMap((group) => group.items).filter((item) => /sécurité|hygiène/iu.test(item.label)) ?? [])].map((item) => item.label);
  bullets([...text.safety.questions, ...[...new Set(safetyRome)].slice(0, 4).map((item) => text.safety.perRome(item))]);

  if (input.skills.length > 0 || core.length > 0) {
    heading(2, text.trade.heading(tradeLabel));
    for (const skill of input.skills) {
      heading(3, skillLabel(skill));
      bullets([...text.trade.perSkill(skillLabel(skill), skill.data.levels), text.mistakes.perSkill(skillLabel(skill)), text.whatIf.perSkill(skillLabel(skill))]);
    }
    if (core.length > 0) {
      heading(3, text.trade.romeHeading(input.rome!.code));
      bullets(core.map((item) => text.trade.perRome(item.label)));
    }
  }

  heading(2, text.end.heading);
  bullets(text.end.questions);
  heading(2, text.after.heading);
  bullets(text.after.items(input.trade.id), true);
  if (input.rome && input.romeAttribution) para({ type: 'emphasis', children: [{ type: 'text', value: text.source(input.romeAttribution) }] });

  const tree: Root = { type: 'root', children };
  return unified().use(remarkGfm).use(remarkStringify, { bullet: '-', listItemIndent: 'one', emphasis: '_', strong: '*' }).stringify(tree);
}

/** The fiche's competences to ask about: core ones (`Principale`) first, then the others. */
function romeCompetences(fiche: RomeFiche | undefined): { code: string; label: string }[] {
  if (!fiche) return [];
  const items = fiche.skills.flatMap((group) => group.items);
  const ordered = [...items.filter((item) => item.core === 'Principale'), ...items.filter((item) => item.core !== 'Principale')];
  return ordered.slice(0, MAX_ROME_PROMPTS);
}

function label(labels: Record<string, string>, language: string): string {
  return labels[language] ?? labels.fr ?? Object.values(labels)[0] ?? '';
}

function list(items: string[], task: boolean): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((value): ListItem => ({ type: 'listItem', spread: false, ...(task ? { checked: false } : {}), children: [{ type: 'paragraph', children: withCode(value) }] })),
  };
}

/** `a \`b\` c` → text, inline code, text: commands print as code. */
function withCode(value: string): PhrasingContent[] {
  return value.split('`').flatMap((part, index): PhrasingContent[] => (part === '' ? [] : [index % 2 === 1 ? { type: 'inlineCode', value: part } : { type: 'text', value: part }]));
}

function breakdownTable(columns: [string, string, string, string]): Table {
  const row = (cells: string[]): TableRow => ({ type: 'tableRow', children: cells.map((value) => ({ type: 'tableCell', children: value ? [{ type: 'text', value }] : [] })) });
  return {
    type: 'table',
    align: ['right', null, null, null],
    children: [row(columns), ...Array.from({ length: BLANK_ROWS }, (_, index) => row([String(index + 1), ' ', ' ', ' ']))],
  };
}

interface GuideText {
  title: (trade: string) => string;
  intro: (trade: string, code: string, romeLabel: string | undefined) => string;
  identity: string[];
  before: { heading: string; items: string[] };
  how: { heading: string; items: string[] };
  choose: { heading: string; lead: string; librarySkills: string; romeSkills: (code: string) => string; ask: string; questions: string[] };
  steps: { heading: string; questions: string[]; columns: [string, string, string, string] };
  mistakes: { heading: string; questions: string[]; perSkill: (skill: string) => string };
  perception: { heading: string; questions: string[] };
  whatIf: { heading: string; questions: string[]; perSkill: (skill: string) => string };
  tools: { heading: string; questions: string[]; perKnowledge: (item: string) => string };
  safety: { heading: string; questions: string[]; perRome: (item: string) => string };
  trade: { heading: (trade: string) => string; perSkill: (skill: string, levels: Skill['levels']) => string[]; romeHeading: (code: string) => string; perRome: (item: string) => string };
  end: { heading: string; questions: string[] };
  after: { heading: string; items: (trade: string) => string[] };
  source: (attribution: string) => string;
}

const french: GuideText = {
  title: (trade) => `Guide d’entretien : ${trade}`,
  intro: (trade, code, romeLabel) => `Pour recueillir un savoir-faire de ${trade.toLowerCase()} (ROME ${code}${romeLabel ? `, ${romeLabel}` : ''}) et en faire un module. Comptez 30 à 60 minutes pour un seul geste. Posez les questions dans l’ordre, une à la fois.`,
  identity: ['Senior : …………………………', 'Intervieweur : …………………………', 'Date et lieu : …………………………', 'Geste choisi : …………………………'],
  before: {
    heading: 'Avant d’enregistrer',
    items: [
      'Le senior a donné son accord écrit pour l’enregistrement et pour la publication du module (notez la date).',
      'Pièce calme, sans radio ni machine qui tourne. Téléphone en mode avion.',
      'Téléphone posé à 30–50 cm de la bouche du senior, micro vers lui, sur un support stable (pas sur la table où l’on pose les outils).',
      'Faites un essai de 30 secondes et réécoutez-le.',
      'Au début de l’enregistrement, dites la date, le nom du senior et le geste choisi.',
      'Si le senior peut montrer le geste, filmez aussi, ou notez l’heure de chaque étape.',
    ],
  },
  how: {
    heading: 'Comment poser les questions',
    items: [
      'Une question à la fois. Laissez les silences : le senior cherche ses mots.',
      'Après chaque étape, demandez « Pourquoi ? ». Puis « Et si on ne le fait pas ? ».',
      'Demandez un exemple réel : « La dernière fois que vous l’avez fait… ».',
      'Relancez : « Comment le savez-vous ? », « Qu’est-ce que vous regardez à ce moment-là ? ».',
      'Faites préciser les mots du métier : « Ça veut dire quoi, pour un débutant ? ».',
      'Notez l’heure de l’enregistrement quand une réponse est importante.',
    ],
  },
  choose: {
    heading: '1. Choisir le geste',
    lead: 'Un module = une chose qu’un apprenti peut s’entraîner à faire, en 10 à 30 minutes d’étude. Choisissez-la ensemble.',
    librarySkills: 'Compétences du métier dans la bibliothèque :',
    romeSkills: (code) => `Compétences de la fiche ROME ${code} (cœur de métier d’abord) :`,
    ask: 'À demander :',
    questions: ['« Parmi ces gestes, lequel voulez-vous transmettre aujourd’hui ? »', '« À la fin, qu’est-ce que l’apprenti doit savoir faire seul ? »', '« Qu’est-ce qu’il faut savoir faire avant ? »'],
  },
  steps: {
    heading: '2. Les étapes, avec le point clé et la raison',
    questions: [
      '« Quelles sont les grandes étapes, dans l’ordre ? Par quoi commencez-vous ? »',
      'Pour chaque étape : « Qu’est-ce qu’il faut surveiller ? » (le point clé), puis « Pourquoi ? » (la raison).',
      '« Qu’est-ce qui rend cette étape difficile ? »',
      '« À quoi voyez-vous que l’étape est finie ? »',
    ],
    columns: ['#', 'Étape (ce qu’on fait)', 'Point clé (ce qu’on surveille)', 'Pourquoi'],
  },
  mistakes: {
    heading: '3. Les erreurs du débutant',
    questions: ['« Qu’est-ce qu’un débutant fait de travers ici ? »', '« Comment s’en aperçoit-on ? Qu’est-ce qu’on voit, entend ou sent ? »', '« Comment on rattrape l’erreur ? »'],
    perSkill: (skill) => `« Pour ${skill.toLowerCase()} : quelle est l’erreur la plus courante, et comment la voir ? »`,
  },
  perception: {
    heading: '4. Ce que l’expert remarque',
    questions: [
      '« Qu’est-ce que vous voyez, entendez ou sentez que le débutant ne remarque pas ? »',
      '« À quoi savez-vous que c’est bien fait ? Que c’est fini ? »',
      '« Si vous deviez former l’œil d’un apprenti, que lui montreriez-vous ? »',
    ],
  },
  whatIf: {
    heading: '5. Quand ça tourne mal',
    questions: [
      '« Racontez une fois où ça a mal tourné. Qu’avez-vous remarqué en premier ? Qu’avez-vous décidé, et pourquoi ? »',
      '« Et si ça ne marche pas : que faites-vous ? »',
      '« Qu’est-ce qui vous aurait fait agir autrement ? »',
    ],
    perSkill: (skill) => `« Quand vous devez ${skill.toLowerCase()} et que ça tourne mal : que faites-vous ? »`,
  },
  tools: {
    heading: '6. Outils et matériel',
    questions: ['« Quels outils et quel matériel faut-il ? Lesquels choisir, lesquels éviter ? »', '« Comment les préparer, les régler, les entretenir ? »'],
    perKnowledge: (item) => `« ${item} : qu’est-ce qu’un apprenti doit en savoir ? »`,
  },
  safety: {
    heading: '7. Sécurité',
    questions: [
      '« Qu’est-ce qui peut blesser, brûler, intoxiquer ? Qui d’autre est en danger ? »',
      '« Quelles protections portez-vous, et pourquoi ? »',
      '« Qu’est-ce qu’on vérifie avant de commencer ? Et après avoir fini ? »',
    ],
    perRome: (item) => `« ${item} : qu’est-ce que ça veut dire concrètement ici ? »`,
  },
  trade: {
    heading: (trade) => `8. Questions propres au métier : ${trade}`,
    perSkill: (skill, levels) => [
      `« Montrez-moi, ou décrivez pas à pas, comment vous faites : ${skill.toLowerCase()}. »`,
      `Un débutant : « ${levels[1]} » Quelqu’un d’autonome : « ${levels[3]} » Demandez : « Qu’est-ce qui fait la différence, dans les gestes ? »`,
      '« Qu’est-ce que vous avez mis le plus de temps à apprendre ? »',
    ],
    romeHeading: (code) => `Compétences de la fiche ROME ${code}`,
    perRome: (item) => `« ${item} : comment faites-vous ? Qu’est-ce qu’un débutant y rate ? »`,
  },
  end: {
    heading: '9. Pour finir',
    questions: ['« Qu’est-ce qu’on a oublié ? »', '« Qu’auriez-vous aimé qu’on vous dise quand vous avez commencé ? »', '« Une histoire que vous racontez aux apprentis ? »'],
  },
  after: {
    heading: 'Après l’entretien',
    items: (trade) => [
      'Réécoutez le début et la fin : l’enregistrement est-il complet ?',
      'Faites la transcription (WebVTT, SRT, JSON Whisper ou texte).',
      `Faites le brouillon : \`npx relais ingest <transcription> --trade ${trade} --author <id du senior>\`.`,
      'Relisez le brouillon avec le senior (voir docs/capture.md).',
    ],
  },
  source: (attribution) => `Compétences : ${attribution}.`,
};

const english: GuideText = {
  title: (trade) => `Interview guide: ${trade}`,
  intro: (trade, code, romeLabel) => `To record a piece of ${trade.toLowerCase()} know-how (ROME ${code}${romeLabel ? `, ${romeLabel}` : ''}) and turn it into a module. Allow 30 to 60 minutes for one task. Ask the questions in order, one at a time.`,
  identity: ['Senior: …………………………', 'Interviewer: …………………………', 'Date and place: …………………………', 'Task chosen: …………………………'],
  before: {
    heading: 'Before recording',
    items: [
      'The senior has agreed in writing to the recording and to publishing the module (note the date).',
      'A quiet room, no radio or machine running. Phone in flight mode.',
      'Phone 30–50 cm from the senior’s mouth, microphone towards them, on a steady stand (not on the table where tools are put down).',
      'Record a 30-second test and listen to it.',
      'At the start of the recording, say the date, the senior’s name and the task.',
      'If the senior can show the task, film it too, or note the time of each step.',
    ],
  },
  how: {
    heading: 'How to ask',
    items: [
      'One question at a time. Leave silences: the senior is looking for words.',
      'After each step, ask "Why?". Then "And what if you don’t?".',
      'Ask for a real example: "The last time you did it…".',
      'Follow up: "How do you know?", "What are you looking at right then?".',
      'Ask what trade words mean: "What does that mean for a beginner?".',
      'Note the recording time when an answer matters.',
    ],
  },
  choose: {
    heading: '1. Choose the task',
    lead: 'One module = one thing an apprentice can practise, in 10 to 30 minutes of study. Choose it together.',
    librarySkills: 'Skills of the trade in the library:',
    romeSkills: (code) => `Competences of ROME fiche ${code} (core ones first, in French):`,
    ask: 'Ask:',
    questions: ['"Which of these tasks do you want to pass on today?"', '"At the end, what must the apprentice be able to do alone?"', '"What must they know how to do first?"'],
  },
  steps: {
    heading: '2. The steps, with key point and reason',
    questions: ['"What are the main steps, in order? What do you do first?"', 'For each step: "What do you watch for?" (the key point), then "Why?" (the reason).', '"What makes this step hard?"', '"How do you see that the step is finished?"'],
    columns: ['#', 'Step (what you do)', 'Key point (what you watch)', 'Why'],
  },
  mistakes: {
    heading: '3. Beginners’ mistakes',
    questions: ['"What does a beginner get wrong here?"', '"How do you notice it? What do you see, hear or feel?"', '"How do you put it right?"'],
    perSkill: (skill) => `"In ${skill.toLowerCase()}: what is the most common mistake, and how do you spot it?"`,
  },
  perception: {
    heading: '4. What the expert notices',
    questions: ['"What do you see, hear or feel that a beginner does not notice?"', '"How do you know it is done well? That it is finished?"', '"To train an apprentice’s eye, what would you show them?"'],
  },
  whatIf: {
    heading: '5. When things go wrong',
    questions: ['"Tell me about a time it went wrong. What did you notice first? What did you decide, and why?"', '"What if it doesn’t work: what do you do?"', '"What would have made you act differently?"'],
    perSkill: (skill) => `"${skill}: what if it goes wrong? What do you do?"`,
  },
  tools: {
    heading: '6. Tools and materials',
    questions: ['"Which tools and materials do you need? Which to choose, which to avoid?"', '"How do you prepare, set and look after them?"'],
    perKnowledge: (item) => `"${item}: what must an apprentice know about it?"`,
  },
  safety: {
    heading: '7. Safety',
    questions: ['"What can injure, burn or poison? Who else is at risk?"', '"What protection do you wear, and why?"', '"What do you check before you start? And when you have finished?"'],
    perRome: (item) => `"${item}: what does it mean in practice here?"`,
  },
  trade: {
    heading: (trade) => `8. Questions for this trade: ${trade}`,
    perSkill: (skill, levels) => [`"Show me, or describe step by step, how you do it: ${skill.toLowerCase()}."`, `A beginner: “${levels[1]}” Someone on their own: “${levels[3]}” Ask: "What makes the difference, in what they do?"`, '"What took you longest to learn?"'],
    romeHeading: (code) => `Competences of ROME fiche ${code}`,
    perRome: (item) => `"${item}: how do you do it? What does a beginner get wrong?"`,
  },
  end: {
    heading: '9. To finish',
    questions: ['"What have we forgotten?"', '"What do you wish someone had told you when you started?"', '"A story you tell apprentices?"'],
  },
  after: {
    heading: 'After the interview',
    items: (trade) => [
      'Listen to the start and the end: is the recording complete?',
      'Get it transcribed (WebVTT, SRT, Whisper JSON or text).',
      `Make the draft: \`npx relais ingest <transcript> --trade ${trade} --author <senior’s id>\`.`,
      'Review the draft with the senior (see docs/capture.md).',
    ],
  },
  source: (attribution) => `Competences: ${attribution}.`,
};
