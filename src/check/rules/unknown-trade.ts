import type { Library } from '../../content/library.ts';
import { reportError } from '../../content/report.ts';
import { expectedOneOf } from '../suggest.ts';

/** Every `trade`/`trades` field names a file in content/trades/. */
export function checkUnknownTrade(library: Library): void {
  const known = [...library.trades.keys()];
  const check = (entry: { file: import('vfile').VFile; source: import('../../content/yaml-source.ts').YamlSource }, trade: string, path: PropertyKey[]) => {
    if (!library.trades.has(trade)) {
      reportError(entry.file, `Unexpected trade \`${trade}\`, ${expectedOneOf(trade, known)} (files in content/trades/)`, entry.source.locate(path), 'unknown-trade');
    }
  };
  for (const entry of library.modules.values()) check(entry, entry.data.trade, ['trade']);
  for (const entry of library.skills.values()) check(entry, entry.data.trade, ['trade']);
  for (const entry of library.authors.values()) entry.data.trades.forEach((trade, index) => check(entry, trade, ['trades', index]));
  for (const entry of library.paths.values()) if (entry.data.trade) check(entry, entry.data.trade, ['trade']);
}
