import type { DraftLanguage } from './detect-language.ts';

/** The words a draft is written with, in its language (the module's language, not the UI's). */
export interface DraftLabels {
  keyPoint: string;
  why: string;
  toComplete: string;
  actionToComplete: string;
  whatIfHeading: string;
  storiesHeading: string;
  checklistHeading: string;
  checklistItem: string;
  summary: (title: string) => string;
  untitled: (trade: string) => string;
}

export const draftLabels: Record<DraftLanguage, DraftLabels> = {
  fr: {
    keyPoint: 'Point clé :',
    why: 'Pourquoi :',
    toComplete: 'à compléter',
    actionToComplete: 'Action à compléter',
    whatIfHeading: 'Si ça tourne mal',
    storiesHeading: 'Histoires du métier',
    checklistHeading: 'Avant de dire « c’est fini »',
    checklistItem: 'À compléter avec le senior : ce qu’on vérifie à la fin',
    summary: (title) => `Brouillon tiré d’un entretien : ${title}. Résumé à écrire avec le senior.`,
    untitled: (trade) => `${trade} : savoir-faire à nommer`,
  },
  en: {
    keyPoint: 'Key point:',
    why: 'Why:',
    toComplete: 'to be completed',
    actionToComplete: 'Action to be completed',
    whatIfHeading: 'When things go wrong',
    storiesHeading: 'Stories from the trade',
    checklistHeading: 'Before you say it is done',
    checklistItem: 'To be completed with the senior: what to check at the end',
    summary: (title) => `Draft from an interview: ${title}. Summary to be written with the senior.`,
    untitled: (trade) => `${trade}: know-how to be named`,
  },
};

/** `754.2` → `00:12:34` (the form `<Clip at>` takes). */
export function clockTime(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(whole / 3600))}:${pad(Math.floor(whole / 60) % 60)}:${pad(whole % 60)}`;
}
