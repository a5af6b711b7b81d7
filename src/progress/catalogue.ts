import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Catalogue, catalogueSchema } from '../schemas/catalogue.ts';

export type CatalogueModule = Catalogue['modules'][number];
export type CataloguePath = Catalogue['paths'][number];
export type CatalogueTrade = Catalogue['trades'][number];
export type CatalogueSkill = Catalogue['skills'][number];

/**
 * The service's only view of the content (DESIGN.md, "Build → service"): dist/catalogue.json,
 * read once at startup. Maps xAPI activity ids to module ids for derived progress.
 */
export class ContentCatalogue {
  readonly site: string;
  readonly modules: readonly CatalogueModule[];
  readonly paths: readonly CataloguePath[];
  readonly trades: readonly CatalogueTrade[];
  readonly skills: readonly CatalogueSkill[];
  readonly authors: Catalogue['authors'];
  readonly #skillsById: Map<string, CatalogueSkill>;
  readonly #byId: Map<string, CatalogueModule>;
  readonly #byActivity: Map<string, string>;
  readonly #pathsById: Map<string, CataloguePath>;

  constructor(catalogue: Catalogue) {
    this.site = catalogue.site.replace(/\/$/, '');
    this.modules = catalogue.modules;
    this.paths = catalogue.paths;
    this.trades = catalogue.trades ?? [];
    this.skills = catalogue.skills ?? [];
    this.authors = catalogue.authors ?? [];
    this.#skillsById = new Map(this.skills.map((skill) => [skill.id, skill]));
    this.#byId = new Map(catalogue.modules.map((module) => [module.id, module]));
    this.#byActivity = new Map(catalogue.modules.map((module) => [module.activity, module.id]));
    this.#pathsById = new Map(catalogue.paths.map((learningPath) => [learningPath.id, learningPath]));
  }

  static empty(site: string): ContentCatalogue {
    return new ContentCatalogue({ site, modules: [], paths: [], trades: [], skills: [], authors: [] });
  }

  module(id: string): CatalogueModule | undefined {
    return this.#byId.get(id);
  }

  path(id: string): CataloguePath | undefined {
    return this.#pathsById.get(id);
  }

  trade(id: string): CatalogueTrade | undefined {
    return this.trades.find((trade) => trade.id === id);
  }

  skill(id: string): CatalogueSkill | undefined {
    return this.#skillsById.get(id);
  }

  /**
   * The module an activity belongs to: the module page itself (`<site>/<trade>/<slug>/`), or a
   * part of it (`…/<slug>/#quiz-1`, `…/<slug>/quiz/2`).
   */
  moduleOfActivity(activityId: string): string | undefined {
    const exact = this.#byActivity.get(activityId);
    if (exact) return exact;
    if (!activityId.startsWith(`${this.site}/`)) return undefined;
    const [trade, slug] = activityId.slice(this.site.length + 1).split(/[/?#]/);
    if (!trade || !slug) return undefined;
    return this.#byId.has(`${trade}/${slug}`) ? `${trade}/${slug}` : undefined;
  }

  /** Whether the activity is the module page itself (not a quiz or a part inside it). */
  isModuleActivity(activityId: string, moduleId: string): boolean {
    const module = this.#byId.get(moduleId);
    return module !== undefined && (activityId === module.activity || activityId === module.activity.replace(/\/$/, ''));
  }
}

/** Reads `<distDir>/catalogue.json`; without one (APIs alone, or no build yet) the catalogue is empty. */
export function loadCatalogue(distDir: string | null, site: string): { catalogue: ContentCatalogue; warning?: string } {
  if (!distDir) return { catalogue: ContentCatalogue.empty(site) };
  const file = path.join(distDir, 'catalogue.json');
  if (!existsSync(file)) return { catalogue: ContentCatalogue.empty(site), warning: `No ${file}: progress will not be mapped to modules until the site is built (npm run build) and the service restarted.` };
  const parsed = catalogueSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}. Rebuild the site with \`npm run build\`.`);
  }
  return { catalogue: new ContentCatalogue(parsed.data) };
}
