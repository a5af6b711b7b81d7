import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { orderLanguages, textDirection, type UiStrings } from './languages.ts';

const folder = import.meta.dirname;

/**
 * The UI languages for Node tools (benchmarks, the service worker build, tests): the same
 * strings files the site finds with `import.meta.glob`, read from this folder.
 */
export function readUiStrings(): Record<string, UiStrings> {
  return Object.fromEntries(
    readdirSync(folder)
      .filter((file) => file.endsWith('.json'))
      .map((file) => [path.basename(file, '.json'), JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as UiStrings]),
  );
}

export function readUiLanguages(defaultLanguage = 'fr'): { code: string; name: string; dir: 'ltr' | 'rtl' }[] {
  const strings = readUiStrings();
  return orderLanguages(Object.keys(strings), defaultLanguage).map((code) => ({
    code,
    name: strings[code]?.['lang.name'] ?? code,
    dir: textDirection(code, strings),
  }));
}
