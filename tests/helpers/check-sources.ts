import path from 'node:path';
import type { z } from 'zod';
import { checkReferences } from '../../src/check/check-references.ts';
import { checkLibrary } from '../../src/check/check-library.ts';
import { libraryFacts } from '../../src/check/library-facts.ts';
import { settingsResolver } from '../../src/check/rule-settings.ts';
import { checkConfigSchema } from '../../src/config/relais-config.ts';
import type { Library } from '../../src/content/library.ts';
import { parseLibrary } from '../../src/content/parse-library.ts';
import { formatReport } from '../../src/content/report.ts';
import { moduleText, sources, validAuthor, validSkill, validTrade } from './sources.ts';

/** A module that passes every rule: the base the rule fixtures change in one place. */
export const completeBody = `
Le cuivre ne fond pas. On fait fondre la <Term>brasure</Term> dans le raccord.

<Clip at="00:03:40" />

<Safety>

La flamme brûle ce qui est derrière le tuyau. Posez un écran.

</Safety>

<Steps>

1. **Nettoyer le tube.** Point clé : frottez jusqu'à ce qu'il brille. Pourquoi : la brasure n'accroche pas sur l'oxyde.
2. **Chauffer le raccord.** Point clé : la flamme tourne autour. Pourquoi : la brasure va vers le plus chaud.

</Steps>

<Quiz>

Que faut-il chauffer ?

- [ ] Le tube
- [x] Le raccord

</Quiz>
`;

/**
 * The library the check tests run in (in memory): one trade, skills, an author, a published
 * and a draft module, a path, French and English glossaries; `media/` holds a picture, a
 * recording and a 10-minute transcript.
 */
export function checkLibraryFiles(): Record<string, string> {
  return {
    'trades/plomberie.yaml': validTrade,
    'skills/brasage.yaml': validSkill(),
    'skills/coupe.yaml': validSkill(),
    'authors/jean.yaml': validAuthor,
    'paths/decouverte.yaml': 'title: Découverte\nstages:\n  - title: S\n    hours: 10\n    modules: [plomberie/couper]\n    validation: none\n',
    'glossary/fr.yaml': 'brasure:\n  definition: Métal que l’on fait fondre.\ndécapant:\n  definition: Pâte qui nettoie le cuivre.\npermis de feu:\n  definition: Autorisation écrite.\n',
    'glossary/en.yaml': 'solder:\n  definition: Metal that melts.\n',
    'modules/plomberie/couper.mdx': moduleText({ title: 'Couper', source: '{ transcript: media/entretien.vtt }' }, completeBody),
    'modules/plomberie/brouillon.mdx': moduleText({ title: 'Brouillon', status: 'draft' }, completeBody),
  };
}

export const testMedia = ['media/photo.jpg', 'media/entretien.m4a', 'media/entretien.vtt'];
export const testTranscripts: Record<string, number> = { 'media/entretien.vtt': 600 };

export interface CheckSourcesOptions {
  config?: z.input<typeof checkConfigSchema>;
  untrusted?: boolean;
  media?: string[];
}

/** Checks in-memory files as `relais check` would (the file system replaced by `testMedia`). */
export function checkSourcesLibrary(files: Record<string, string>, options: CheckSourcesOptions = {}): Library {
  const library = parseLibrary(sources(files));
  checkReferences(library);
  const facts = libraryFacts(library, {
    media: new Set(options.media ?? testMedia),
    transcriptDurations: new Map(Object.entries(testTranscripts)),
    uiLanguages: ['fr', 'en', 'ar'],
  });
  const settingsFor = settingsResolver(checkConfigSchema.parse(options.config ?? {}), path.resolve('content'), options.untrusted);
  checkLibrary(library, facts, { settingsFor, untrusted: options.untrusted });
  return library;
}

/** The printed report, one line per message, then the summary line. */
export function checkSources(files: Record<string, string>, options: CheckSourcesOptions = {}): string[] {
  const library = checkSourcesLibrary(files, options);
  return formatReport(library.files.filter((file) => file.messages.length > 0)).split('\n');
}
