import type { VFile } from 'vfile';
import type { Author, Glossary, LearningPath, LibraryInfo, ModuleFrontmatter, Skill, Trade } from '../schemas/index.ts';
import type { YamlSource } from './yaml-source.ts';

/** What kind of content file a path under content/ holds; its id is derived from the path. */
export type ContentKind = 'library' | 'trade' | 'skill' | 'author' | 'module' | 'path' | 'glossary';

/** One content file, read but not yet validated. `path` is what messages print (relative to cwd). */
export interface SourceFile {
  kind: ContentKind;
  id: string;
  path: string;
  text: string;
}

export interface Entry<T> {
  id: string;
  file: VFile;
  source: YamlSource;
  data: T;
}

export interface ModuleEntry extends Entry<ModuleFrontmatter> {
  /** The MDX after the frontmatter, and the line it starts on (1-based). */
  body: string;
  bodyLine: number;
}

/** The whole library, every file parsed by its schema; entries that failed their schema are left out. */
export interface Library {
  info?: Entry<LibraryInfo>;
  trades: Map<string, Entry<Trade>>;
  skills: Map<string, Entry<Skill>>;
  authors: Map<string, Entry<Author>>;
  modules: Map<string, ModuleEntry>;
  paths: Map<string, Entry<LearningPath>>;
  glossaries: Map<string, Entry<Glossary>>;
  /** Every file read, in order, for reporting (including those that failed). */
  files: VFile[];
  /** Modules whose frontmatter failed its schema: their MDX is still checked (syntax, safety). */
  invalidModules: { id: string; file: VFile }[];
}
