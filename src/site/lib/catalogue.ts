import { pathHours, type SiteData } from './site-data.ts';

/** The published library as data: modules, paths, trades, skills and authors, with activity ids. */
export function buildCatalogue(data: SiteData, site: string) {
  const base = site.replace(/\/$/, '');
  return {
    site: base,
    modules: data.modules.map((module) => ({
      id: module.id,
      activity: `${base}/${module.id}/`,
      title: module.data.title,
      trade: module.data.trade,
      skills: module.data.skills,
      level: module.data.level,
      duration: module.data.duration,
      language: module.data.language,
      authors: module.data.authors,
      prerequisites: module.data.prerequisites,
    })),
    paths: data.paths.map((path) => ({
      id: path.id,
      title: path.data.title,
      trade: path.data.trade ?? null,
      hours: pathHours(path),
      stages: path.data.stages.map((stage) => ({ title: stage.title, hours: stage.hours, modules: stage.modules, validation: stage.validation, skills: stage.skills })),
    })),
    trades: data.trades.map((trade) => ({ id: trade.id, label: trade.data.label, rome: trade.data.rome, esco: trade.data.esco ?? null })),
    skills: [...data.skills.values()].map((skill) => ({ id: skill.id, trade: skill.data.trade, label: skill.data.label, rome: skill.data.rome ?? null, levels: skill.data.levels })),
    authors: [...data.authors.values()].map((author) => ({ id: author.id, name: author.data.name, trades: author.data.trades, learnedFrom: author.data.learnedFrom ?? [] })),
  };
}
