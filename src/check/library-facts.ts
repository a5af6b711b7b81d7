import type { Library } from '../content/library.ts';
import { normalizeTerm } from '../site/lib/anchors.ts';
import type { LibraryFacts } from './module-context.ts';

/** What the folder holds besides the records: read by the caller (check-content-fs.ts) or given by a test. */
export interface FolderFacts {
  media: Set<string>;
  transcriptDurations: Map<string, number | null>;
  uiLanguages: string[];
}

/** The facts the module rules read, from a parsed library and what its folder holds. Pure. */
export function libraryFacts(library: Library, folder: FolderFacts): LibraryFacts {
  const termTrades = new Map<string, Set<string>>();
  for (const entry of library.modules.values()) {
    for (const match of String(entry.file.value ?? '').matchAll(/<Term\b([^>]*)>([^<]*)<\/Term>/g)) {
      const key = normalizeTerm(/\bid\s*=\s*"([^"]*)"/.exec(match[1]!)?.[1] ?? match[2]!);
      termTrades.set(key, (termTrades.get(key) ?? new Set()).add(entry.data.trade));
    }
  }
  return {
    standalone: false,
    modules: new Map([...library.modules].map(([id, entry]) => [id, { status: entry.data.status, language: entry.data.language }])),
    trades: new Set(library.trades.keys()),
    skills: new Set(library.skills.keys()),
    authors: new Set(library.authors.keys()),
    paths: new Set(library.paths.keys()),
    media: folder.media,
    transcriptDurations: folder.transcriptDurations,
    glossaries: new Map([...library.glossaries].map(([language, entry]) => [language, Object.keys(entry.data)])),
    termTrades,
    uiLanguages: folder.uiLanguages,
  };
}
