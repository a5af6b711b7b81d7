import { readFileSync } from 'node:fs';
import { loadLibrary } from '../content/read-library-fs.ts';
import type { Library } from '../content/library.ts';
import type { Skill, Trade } from '../schemas/index.ts';
import { findRomeFiche, romeAttribution, romeWords, type RomeFiche, type RomeTrades } from './rome-fiche.ts';
import type { TradeLabels } from './match-taxonomy.ts';

/** What capture needs from a library and the taxonomy, read once (the CLI's side of capture). */
export interface CaptureLibrary {
  library: Library;
  /** Errors `relais check` would report: capture still works with the valid entries. */
  errors: number;
  rome: RomeTrades;
  trade(id: string): { id: string; data: Trade } | undefined;
  tradeIds(): string[];
  skillsOf(tradeId: string): { id: string; data: Skill }[];
  authorsOf(tradeId: string): string[];
  glossary(language: string): string[];
  romeFiche(tradeId: string): RomeFiche | undefined;
  romeAttribution(): string;
  /** Labels of every trade, for proposing one from a transcript. */
  tradeLabels(): TradeLabels[];
}

const romeTradesPath = new URL('../data/taxonomy/rome-trades.json', import.meta.url);

export function readCaptureLibrary(contentDir: string): CaptureLibrary {
  const { library, errors } = loadLibrary(contentDir);
  const rome = JSON.parse(readFileSync(romeTradesPath, 'utf8')) as RomeTrades;
  const skillsOf = (tradeId: string) =>
    [...library.skills]
      .filter(([, entry]) => entry.data.trade === tradeId)
      .map(([id, entry]) => ({ id, data: entry.data }))
      .sort((a, b) => a.id.localeCompare(b.id));
  const trade = (id: string) => {
    const entry = library.trades.get(id);
    return entry ? { id, data: entry.data } : undefined;
  };
  return {
    library,
    errors,
    rome,
    trade,
    tradeIds: () => [...library.trades.keys()].sort(),
    skillsOf,
    authorsOf: (tradeId) =>
      [...library.authors]
        .filter(([, entry]) => entry.data.trades.includes(tradeId))
        .map(([id]) => id)
        .sort(),
    glossary: (language) => Object.keys(library.glossaries.get(language)?.data ?? {}),
    romeFiche: (tradeId) => findRomeFiche(rome, trade(tradeId)?.data.rome),
    romeAttribution: () => romeAttribution(rome),
    tradeLabels: () =>
      [...library.trades].map(([id, entry]) => ({
        id,
        label: entry.data.label,
        skills: skillsOf(id).flatMap((skill) => Object.values(skill.data.label)),
        words: romeWords(findRomeFiche(rome, entry.data.rome)),
      })),
  };
}
