import { getCollection, type CollectionEntry } from 'astro:content';
import romeTrades from '../../data/taxonomy/rome-trades.json' with { type: 'json' };
import type { GlossaryEntry } from '../../schemas/index.ts';
import { normalizeTerm } from './anchors.ts';

export type ModuleEntry = CollectionEntry<'modules'>;
export type TradeEntry = CollectionEntry<'trades'>;
export type SkillEntry = CollectionEntry<'skills'>;
export type AuthorEntry = CollectionEntry<'authors'>;
export type PathEntry = CollectionEntry<'paths'>;

export interface SiteData {
  trades: TradeEntry[];
  skills: Map<string, SkillEntry>;
  authors: Map<string, AuthorEntry>;
  paths: PathEntry[];
  /** Published modules only: drafts never reach the site. */
  modules: ModuleEntry[];
  moduleById: Map<string, ModuleEntry>;
  modulesByTrade: Map<string, ModuleEntry[]>;
  modulesBySkill: Map<string, ModuleEntry[]>;
  modulesByAuthor: Map<string, ModuleEntry[]>;
  /** Modules that list a module as prerequisite: what comes after it. */
  dependents: Map<string, ModuleEntry[]>;
  glossaries: Map<string, Map<string, GlossaryEntry>>;
  romeLabels: Map<string, string>;
  romeCompetences: Map<string, string>;
}

const byLevelThenTitle = (a: ModuleEntry, b: ModuleEntry) => a.data.level - b.data.level || a.data.title.localeCompare(b.data.title, 'fr');

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

let cached: Promise<SiteData> | undefined;

/** Every page reads the library through this one index, built once per build. */
export function siteData(): Promise<SiteData> {
  cached ??= load();
  return cached;
}

async function load(): Promise<SiteData> {
  const [trades, skills, authors, paths, allModules, glossaries] = await Promise.all([
    getCollection('trades'),
    getCollection('skills'),
    getCollection('authors'),
    getCollection('paths'),
    getCollection('modules'),
    getCollection('glossary'),
  ]);
  const modules = allModules.filter((module) => module.data.status === 'published').sort(byLevelThenTitle);
  const data: SiteData = {
    trades: trades.sort((a, b) => a.data.label.fr.localeCompare(b.data.label.fr, 'fr')),
    skills: new Map(skills.map((skill) => [skill.id, skill])),
    authors: new Map(authors.map((author) => [author.id, author])),
    paths: paths.sort((a, b) => a.id.localeCompare(b.id)),
    modules,
    moduleById: new Map(modules.map((module) => [module.id, module])),
    modulesByTrade: new Map(),
    modulesBySkill: new Map(),
    modulesByAuthor: new Map(),
    dependents: new Map(),
    glossaries: new Map(glossaries.map((entry) => [entry.id, new Map(Object.entries(entry.data).map(([term, value]) => [normalizeTerm(term), value]))])),
    romeLabels: new Map(),
    romeCompetences: new Map(),
  };
  for (const module of modules) {
    push(data.modulesByTrade, module.data.trade, module);
    for (const skill of module.data.skills) push(data.modulesBySkill, skill, module);
    for (const author of module.data.authors) push(data.modulesByAuthor, author, module);
    for (const prerequisite of module.data.prerequisites) push(data.dependents, prerequisite, module);
  }
  for (const trade of romeTrades.trades) {
    data.romeLabels.set(trade.code, trade.label);
    for (const group of trade.skills) for (const item of group.items) data.romeCompetences.set(item.code, item.label);
  }
  return data;
}

/** Paths that concern a trade: declared for it, or holding one of its modules. */
export function pathsOfTrade(data: SiteData, trade: string): PathEntry[] {
  return data.paths.filter(
    (path) => path.data.trade === trade || path.data.stages.some((stage) => stage.modules.some((id) => id.startsWith(`${trade}/`))),
  );
}

/** What to study after a module: modules that build on it, else the next ones of its trade. */
export function nextModules(data: SiteData, module: ModuleEntry, max = 4): ModuleEntry[] {
  const after = data.dependents.get(module.id) ?? [];
  if (after.length > 0) return after.slice(0, max);
  const sameTrade = data.modulesByTrade.get(module.data.trade) ?? [];
  return sameTrade.filter((other) => other.id !== module.id && other.data.level >= module.data.level).slice(0, max);
}

export const moduleUrl = (id: string) => `/${id}/`;
export const pathHours = (path: PathEntry) => path.data.stages.reduce((sum, stage) => sum + stage.hours, 0);
