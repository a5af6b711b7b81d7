/**
 * The part of a ROME 4.0 fiche (src/data/taxonomy/rome-trades.json, see its SOURCES.md) that
 * capture uses: the trade's titles, its competences (savoir-faire grouped by stake, `core`
 * for the heart of the trade) and its knowledge. Read by the CLI, passed to pure functions.
 */
export interface RomeFiche {
  code: string;
  label: string;
  appellations: { label: string }[];
  skills: { enjeu: { label: string }; items: { code: string; label: string; core?: string }[] }[];
  knowledge: { category: string; items: { label: string }[] }[];
}

export interface RomeTrades {
  meta: { version: { title: string; published: string }; attribution: string; licence: string };
  trades: RomeFiche[];
}

export function findRomeFiche(data: RomeTrades, code: string | undefined): RomeFiche | undefined {
  return code === undefined ? undefined : data.trades.find((fiche) => fiche.code === code);
}

/** Every label of a fiche that names the trade's work (for matching a transcript to a trade). */
export function romeWords(fiche: RomeFiche | undefined): string[] {
  if (!fiche) return [];
  return [fiche.label, ...fiche.appellations.map((a) => a.label), ...fiche.skills.flatMap((group) => group.items.map((item) => item.label)), ...fiche.knowledge.flatMap((group) => group.items.map((item) => item.label))];
}

/** The attribution the ROME licence asks for, with the version used. */
export function romeAttribution(data: RomeTrades): string {
  return `${data.meta.attribution}, ${data.meta.version.title} (${data.meta.version.published}), ${data.meta.licence}`;
}
