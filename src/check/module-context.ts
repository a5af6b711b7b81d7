import type { PlainLanguageSettings } from '../config/relais-config.ts';
import type { YamlSource } from '../content/yaml-source.ts';
import type { ModuleFrontmatter } from '../schemas/index.ts';
import type { MdxDocument } from './mdx-document.ts';
import type { RuleId } from './rule-catalogue.ts';

/**
 * What the module rules need to know of the rest of the library: plain data (ids, file names,
 * durations), so the rules stay pure functions of a module and these facts.
 */
export interface LibraryFacts {
  /** No library around the files (`relais check some/file.mdx`): reference checks are skipped. */
  standalone: boolean;
  modules: Map<string, { status: ModuleFrontmatter['status']; language: string }>;
  trades: Set<string>;
  skills: Set<string>;
  authors: Set<string>;
  paths: Set<string>;
  /** Files under content/media/, as `media/<name>`. */
  media: Set<string>;
  /** Duration in seconds of each transcript modules name (`media/….vtt`); null when it cannot be read. */
  transcriptDurations: Map<string, number | null>;
  /** Glossary keys per language, as written in glossary/<lang>.yaml. */
  glossaries: Map<string, string[]>;
  /**
   * The trades whose modules show each glossary word as a `<Term>` (key normalised). The
   * glossary is shared by all trades and some words differ by trade (a baker's `couche` is not
   * a plumber's): a word is asked for in the modules of these trades only (of all, when none).
   */
  termTrades: Map<string, Set<string>>;
  /** The site's UI languages (src/i18n/<code>.json), the default (at the site root) first. */
  uiLanguages: string[];
}

/** A module's UI language: its own when the site has strings for it, else the default (as the site does). */
export function uiLanguageFor(facts: LibraryFacts, language: string): string {
  const base = language.split('-')[0]!;
  return facts.uiLanguages.includes(base) ? base : (facts.uiLanguages[0] ?? 'fr');
}

export const emptyFacts = (): LibraryFacts => ({
  standalone: true,
  modules: new Map(),
  trades: new Set(),
  skills: new Set(),
  authors: new Set(),
  paths: new Set(),
  media: new Set(),
  transcriptDurations: new Map(),
  glossaries: new Map(),
  termTrades: new Map(),
  uiLanguages: ['fr', 'en'],
});

/** The settings that apply to one file (relais.config.ts, its folder overrides). */
export interface FileSettings {
  plainLanguage: PlainLanguageSettings;
  sortSkills: boolean;
  /** False when the rule is `off` for this file (the rule may then skip its work). */
  enabled(rule: RuleId): boolean;
}

/** One module under check: its parsed MDX and, when the frontmatter passed its schema, its data. */
export interface ModuleUnderCheck {
  doc: MdxDocument;
  /** `<trade>/<slug>`; undefined for a standalone file. */
  id?: string;
  data?: ModuleFrontmatter;
  frontmatter?: YamlSource;
  /** The module's language (frontmatter `language`, `fr` when unknown). */
  language: string;
}

export type ModuleRule = (module: ModuleUnderCheck, facts: LibraryFacts, settings: FileSettings) => void;

