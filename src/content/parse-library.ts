import { VFile } from 'vfile';
import { z } from 'zod';
import {
  authorSchema,
  glossarySchema,
  librarySchema,
  moduleFrontmatterSchema,
  pathSchema,
  skillSchema,
  tradeSchema,
} from '../schemas/index.ts';
import type { ContentKind, Entry, Library, ModuleEntry, SourceFile } from './library.ts';
import { reportError } from './report.ts';
import { parseWithSchema } from './schema-issues.ts';
import { splitFrontmatter } from './split-frontmatter.ts';
import { parseYamlSource } from './yaml-source.ts';

const schemas: Record<Exclude<ContentKind, 'module'>, z.ZodType> = {
  library: librarySchema,
  trade: tradeSchema,
  skill: skillSchema,
  author: authorSchema,
  path: pathSchema,
  glossary: glossarySchema,
};

/** Parses every file by its schema. Pure: no file system; messages go to each file's VFile. */
export function parseLibrary(sources: readonly SourceFile[]): Library {
  const library: Library = {
    trades: new Map(),
    skills: new Map(),
    authors: new Map(),
    modules: new Map(),
    paths: new Map(),
    glossaries: new Map(),
    files: [],
    invalidModules: [],
  };
  const seen = new Map<string, VFile>();
  for (const source of sources) {
    const file = new VFile({ path: source.path, value: source.text });
    library.files.push(file);
    const key = `${source.kind}:${source.id}`;
    const first = seen.get(key);
    if (first) {
      reportError(file, `Unexpected duplicate ${source.kind} id \`${source.id}\`, already defined by \`${first.path}\`: rename or remove one of them`, undefined, 'duplicate-id');
      continue;
    }
    seen.set(key, file);
    if (source.kind === 'module') {
      const entry = parseModule(source, file);
      if (entry) library.modules.set(entry.id, entry);
      else library.invalidModules.push({ id: source.id, file });
      continue;
    }
    const yamlSource = parseYamlSource(source.text.replace(/^\uFEFF/, ''));
    const data = parseWithSchema(schemas[source.kind], yamlSource, file);
    if (data === undefined) continue;
    const entry: Entry<never> = { id: source.id, file, source: yamlSource, data: data as never };
    const target = {
      library: undefined,
      trade: library.trades,
      skill: library.skills,
      author: library.authors,
      path: library.paths,
      glossary: library.glossaries,
    }[source.kind];
    if (target) target.set(source.id, entry);
    else library.info = entry;
  }
  return library;
}

function parseModule(source: SourceFile, file: VFile): ModuleEntry | undefined {
  const parts = splitFrontmatter(source.text);
  if (!parts) {
    reportError(file, 'Missing frontmatter: a module starts with `---`, its YAML fields (title, summary, trade, …), then `---`', { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, 'schema');
    return undefined;
  }
  const yamlSource = parseYamlSource(parts.yaml, 1);
  const data = parseWithSchema(moduleFrontmatterSchema, yamlSource, file);
  if (!data) return undefined;
  return { id: source.id, file, source: yamlSource, data, body: parts.body, bodyLine: parts.bodyLine };
}
