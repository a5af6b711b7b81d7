import type { DraftLanguage } from './detect-language.ts';
import type { ProposedFrontmatter } from './draft-frontmatter.ts';
import { clockTime } from './draft-labels.ts';
import type { Proposal } from './match-taxonomy.ts';
import type { Evidence, KnowHowSegment, Segmentation } from './segment-transcript.ts';
import type { SpeakerSummary } from './segment-turns.ts';

/** One thing the reviewer checks with the senior; `at` points into the recording. */
export interface ReviewItem {
  topic: 'source' | 'roles' | 'frontmatter' | 'step' | 'structure' | 'block' | 'tools' | 'glossary' | 'unused' | 'publish';
  text: string;
  at?: number | null;
}

export interface ReviewInput {
  language: DraftLanguage;
  sourceName: string;
  segmentation: Segmentation;
  frontmatter: ProposedFrontmatter;
  proposedSkills: readonly Proposal[];
  glossaryCandidates: readonly string[];
  /** Problems met while reading the transcript (decoding, parsing, order of times). */
  transcriptWarnings: readonly string[];
}

/**
 * What still needs the senior, and why each block is where it is. It is written as its own
 * Markdown file (reviewMarkdown), not inside the draft: a module holds only Markdown and the
 * know-how components (an MDX comment is an expression, refused by `relais check`).
 */
export function reviewChecklist(input: ReviewInput): ReviewItem[] {
  const fr = input.language === 'fr';
  const t = (french: string, english: string) => (fr ? french : english);
  const { segmentation, frontmatter } = input;
  const items: ReviewItem[] = [];
  const at = (seconds: number | null | undefined) => (seconds === null || seconds === undefined ? '' : `${clockTime(seconds)} `);
  const quote = (text: string, words = 12) => {
    const parts = text.split(' ');
    const shown = `${parts.slice(0, words).join(' ')}${parts.length > words ? ' …' : ''}`;
    return fr ? `« ${shown} »` : `"${shown}"`;
  };

  for (const warning of input.transcriptWarnings) items.push({ topic: 'source', text: t(`Transcription : ${warning}.`, `Transcript: ${warning}.`) });
  const hasTimes = segmentation.segments.some((segment) => segment.start !== null);
  items.push({
    topic: 'source',
    text: hasTimes
      ? t('Écouter chaque passage à son `<Clip>` et corriger ce que la transcription a mal entendu.', 'Listen to each passage at its `<Clip>` and fix what the transcript misheard.')
      : t('La transcription n’a pas de temps : il n’y a pas de `<Clip>`. Ajoutez-en si vous avez l’enregistrement.', 'The transcript has no times, so there is no `<Clip>`. Add them if you have the recording.'),
  });
  items.push({ topic: 'source', text: t('Citer la source de la transcription (auteur, licence) dans le module si elle l’exige.', 'Credit the source of the transcript (author, licence) in the module if it requires it.') });
  for (const speaker of segmentation.speakers) items.push({ topic: 'roles', text: roleLine(speaker, fr) });

  const title = frontmatter.titleFrom
    ? t(`Titre proposé d’après la compétence \`${frontmatter.titleFrom}\` : le dire comme une action (« Braser un raccord cuivre »).`, `Title taken from the skill \`${frontmatter.titleFrom}\`: say it as an action ("Prune a rose bush").`)
    : t('Aucune compétence ne correspond : écrire le titre (une action, 80 caractères au plus).', 'No skill matched: write the title (an action, 80 characters at most).');
  items.push({ topic: 'frontmatter', text: title });
  items.push({ topic: 'frontmatter', text: t('Écrire le résumé : une ou deux phrases simples.', 'Write the summary: one or two plain sentences.') });
  items.push({
    topic: 'frontmatter',
    text: frontmatter.skillsByDefault
      ? t(`Aucune compétence du métier ne partage de mots avec l’entretien : \`${frontmatter.data.skills.join('`, `')}\` est mise par défaut. La changer si besoin.`, `No skill of the trade shares words with the interview: \`${frontmatter.data.skills.join('`, `')}\` is set by default. Change it if needed.`)
      : t(`Compétences proposées : ${input.proposedSkills.map((p) => `\`${p.id}\` (mots : ${p.words.join(', ')})`).join(' ; ')}. Les vérifier.`, `Skills proposed: ${input.proposedSkills.map((p) => `\`${p.id}\` (words: ${p.words.join(', ')})`).join('; ')}. Check them.`),
  });
  items.push({
    topic: 'frontmatter',
    text: t(`Niveau ${frontmatter.data.level} et durée ${frontmatter.data.duration} min sont estimés (${frontmatter.estimate.steps} étapes, ${frontmatter.estimate.words} mots gardés).`, `Level ${frontmatter.data.level} and duration ${frontmatter.data.duration} min are estimates (${frontmatter.estimate.steps} steps, ${frontmatter.estimate.words} words kept).`),
  });

  const steps = segmentation.segments.filter((segment) => segment.kind === 'step');
  if (steps.length === 0) items.push({ topic: 'structure', text: t('Aucune étape trouvée : demander au senior les étapes, avec le point clé et la raison de chacune.', 'No step found: ask the senior for the steps, with the key point and the reason for each.') });
  steps.forEach((step, index) => {
    const parts = step.step!;
    const missing = [parts.keyPoint === null ? t('le point clé', 'the key point') : null, parts.reason === null ? t('la raison (pourquoi)', 'the reason (why)') : null].filter(Boolean);
    if (missing.length === 0 && parts.details.length === 0) return;
    const ask = missing.length > 0 ? `${t(' : demander', ': ask for')} ${missing.join(t(' et ', ' and '))}.` : '.';
    const said = parts.details.length > 0 ? ` ${t('Aussi dit :', 'Also said:')} ${parts.details.map((detail) => quote(detail)).join(' ')}` : '';
    items.push({ topic: 'step', at: step.start, text: `${at(step.start)}${t(`Étape ${index + 1}`, `Step ${index + 1}`)} ${quote(parts.action.charAt(0).toLocaleUpperCase() + parts.action.slice(1), 8)}${ask}${said}` });
  });
  const kinds = new Set(segmentation.segments.map((segment) => segment.kind));
  if (!kinds.has('safety') && !kinds.has('mistake')) items.push({ topic: 'structure', text: t('Ni sécurité ni erreur de débutant : en demander au moins une (un module publié en a besoin).', 'Neither safety nor a beginner’s mistake: ask for at least one (a published module needs one).') });
  if (!kinds.has('mistake')) items.push({ topic: 'structure', text: t('Demander : « Qu’est-ce qu’un débutant fait de travers ici, et comment s’en aperçoit-on ? »', 'Ask: "What does a beginner get wrong here, and how do you notice it?"') });
  items.push({ topic: 'structure', text: t('Écrire avec le senior la liste « avant de dire c’est fini » (`<Checklist>`) et une question de quiz (`<Quiz>`).', 'Write with the senior the "before you say it is done" list (`<Checklist>`) and a quiz question (`<Quiz>`).') });
  items.push({ topic: 'structure', text: t('Réécrire en langage simple : phrases courtes (moins de 20 mots), « vous », présent, une idée par phrase.', 'Rewrite in plain language: short sentences (under 20 words), "you", present tense, one idea per sentence.') });

  for (const segment of segmentation.segments) items.push({ topic: 'block', at: segment.start, text: `${at(segment.start)}${kindName(segment, fr)} ← ${evidenceText(segment.evidence, fr)}` });
  if (segmentation.tools.length > 0) items.push({ topic: 'tools', text: t(`Outils et matériel repérés par leur nom : ${segmentation.tools.map((tool) => tool.name).join(', ')}. Compléter, retirer ce qui n’en est pas.`, `Tools and materials found by name: ${segmentation.tools.map((tool) => tool.name).join(', ')}. Complete the list, remove what is not one.`) });
  else items.push({ topic: 'tools', text: t('Aucun outil nommé : demander au senior ses outils et son matériel (`<Tools>`).', 'No tool named: ask the senior for the tools and materials (`<Tools>`).') });
  if (input.glossaryCandidates.length > 0) items.push({ topic: 'glossary', text: t(`Mots du métier absents du glossaire : ${input.glossaryCandidates.join(', ')}. Les définir (\`glossary/fr.yaml\`) ou les expliquer.`, `Trade words missing from the glossary: ${input.glossaryCandidates.join(', ')}. Define them (\`glossary/en.yaml\`) or explain them.`) });
  if (segmentation.unused.length > 0) {
    const first = segmentation.unused.slice(0, 3).map((sentence) => `${at(sentence.start)}${quote(sentence.text, 8)}`).join(' ; ');
    items.push({ topic: 'unused', at: segmentation.unused[0]!.start, text: t(`${segmentation.unused.length} phrases du senior ne sont dans aucun bloc (${first}…) : relire la transcription pour ce qui manque.`, `${segmentation.unused.length} of the senior’s sentences are in no block (${first}…): read the transcript for what is missing.`) });
  }
  items.push({ topic: 'publish', text: t('Pour publier : mettre `status: published` et `reviewed` (by : qui a relu, on : la date), puis lancer `npx relais check`.', 'To publish: set `status: published` and `reviewed` (by: who reviewed, on: the date), then run `npx relais check`.') });
  return items;
}

function roleLine(speaker: SpeakerSummary, fr: boolean): string {
  const name = speaker.speaker ?? (fr ? '(sans nom)' : '(unnamed)');
  const role = fr ? { interviewer: 'intervieweur', senior: 'senior', other: 'autre voix' }[speaker.role] : { interviewer: 'interviewer', senior: 'senior', other: 'other voice' }[speaker.role];
  const { rule } = speaker.because;
  const n = speaker.because;
  const why = fr
    ? {
        option: 'donné en option',
        name: 'son nom le dit',
        asks: `pose le plus de questions : ${n.questions} tours sur ${n.turns}`,
        listener: `pose des questions (${n.questions} sur ${n.turns} tours) et parle peu (${n.words} mots)`,
        'most-words': `parle le plus après l’intervieweur (${n.words} mots)`,
        other: 'autre voix, lue comme répondant',
        questions: `pas de noms : les ${n.questions} paragraphes courts qui finissent par une question`,
        answers: 'pas de noms : tout ce qui n’est pas une question',
        monologue: `pas de noms et ${n.questions} questions pour ${n.turns} repères : lu comme une seule voix`,
      }[rule]
    : {
        option: 'given as an option',
        name: 'its label says so',
        asks: `asks the most: ${n.questions} of ${n.turns} turns`,
        listener: `asks (${n.questions} of ${n.turns} turns) and says little (${n.words} words)`,
        'most-words': `speaks the most after the interviewer (${n.words} words)`,
        other: 'another voice, read as answering',
        questions: `no labels: the ${n.questions} short paragraphs ending with a question`,
        answers: 'no labels: everything that is not a question',
        monologue: `no labels and ${n.questions} questions in ${n.turns} cues: read as one voice`,
      }[rule];
  return fr ? `Rôle de ${name} : ${role} (${why}). Corriger avec \`--interviewer\` / \`--senior\` si c’est faux.` : `Role of ${name}: ${role} (${why}). Fix with \`--interviewer\` / \`--senior\` if wrong.`;
}

const KIND_NAMES: Record<KnowHowSegment['kind'], [string, string]> = {
  step: ['Étape', 'Step'],
  safety: ['Sécurité', 'Safety'],
  mistake: ['Erreur de débutant', 'Beginner’s mistake'],
  tip: ['Astuce', 'Tip'],
  whatif: ['Si ça tourne mal', 'When things go wrong'],
  story: ['Histoire', 'Story'],
};

const kindName = (segment: KnowHowSegment, fr: boolean) => KIND_NAMES[segment.kind][fr ? 0 : 1];

function evidenceText(evidence: readonly Evidence[], fr: boolean): string {
  const words = (list: string[] | undefined) => (list ?? []).map((word) => (fr ? `« ${word} »` : `"${word}"`)).join(', ');
  const parts = evidence.map((item) => {
    switch (item.because) {
      case 'cue-words':
        return `${fr ? 'mots' : 'words'} ${words(item.words)}`;
      case 'sequence':
        return `${fr ? 'ordre' : 'order'} ${words(item.words)}`;
      case 'action':
        return `${fr ? 'action' : 'action'} ${words(item.words)}`;
      case 'question':
        return `${fr ? 'répond à' : 'answers'} ${words([item.question ?? ''])}`;
      case 'reason-answer':
        return `${fr ? 'raison : répond à' : 'reason: answers'} ${words([item.question ?? ''])}`;
      case 'reason':
        return `${fr ? 'raison' : 'reason'} ${words(item.words)}`;
      case 'key-point':
        return `${fr ? 'point clé' : 'key point'} ${words(item.words)}`;
      case 'refers-back':
        return fr ? 'renvoie à la phrase d’avant (prise avec)' : 'points back to the sentence before (taken along)';
    }
  });
  return [...new Set(parts)].join(' ; ');
}

/**
 * The checklist as a Markdown file to print or tick in an editor: a heading, where the draft and
 * the transcript are, then one task per point, grouped (to ask the senior, then why each block
 * is where it is). Written directly (it is plain lists): names in backticks become code, and
 * Markdown's marks in the transcript's words are escaped.
 */
export function reviewMarkdown(items: readonly ReviewItem[], info: { language: DraftLanguage; title: string; draftPath: string; sourceName: string }): string {
  const fr = info.language === 'fr';
  const ask = items.filter((item) => item.topic !== 'block');
  const blocks = items.filter((item) => item.topic === 'block');
  const tasks = (list: readonly ReviewItem[]) => list.map((item) => `- [ ] ${inline(item.text)}`).join('\n');
  const parts = [
    `# ${inline(fr ? `Relecture : ${info.title}` : `Review: ${info.title}`)}`,
    inline(
      fr
        ? `Brouillon : \`${info.draftPath}\`. Transcription : \`${info.sourceName}\`. Écrit par \`relais ingest\`. Relisez-le avec le senior et cochez chaque point. Quand tout est fait, publiez le module et gardez ce fichier comme trace, ou supprimez-le.`
        : `Draft: \`${info.draftPath}\`. Transcript: \`${info.sourceName}\`. Written by \`relais ingest\`. Review it with the senior and tick each point. When all is done, publish the module and keep this file as a record, or delete it.`,
    ),
    `## ${fr ? 'À voir avec le senior' : 'To go through with the senior'}`,
    tasks(ask),
  ];
  if (blocks.length > 0) {
    parts.push(`## ${fr ? 'Pourquoi chaque bloc est là' : 'Why each block is there'}`, fr ? 'Les mots ou la question qui ont placé chaque passage. Déplacez ce qui est mal placé.' : 'The words or the question that placed each passage. Move what is misplaced.', tasks(blocks));
  }
  return `${parts.join('\n\n')}\n`;
}

/** Text with `code` spans, Markdown's own marks escaped elsewhere. */
function inline(value: string): string {
  return value
    .split('`')
    .map((part, index) => (index % 2 === 1 ? `\`${part}\`` : part.replace(/[\\*_[\]<>#|]/g, '\\$&')))
    .join('');
}
