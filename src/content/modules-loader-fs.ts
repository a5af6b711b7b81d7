import type { Loader, LoaderContext } from 'astro/loaders';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { localizedUrl, uiLanguageFor } from '../i18n/strings.ts';
import { renderModuleBody } from '../mdx/markup/render-body.ts';
import { termsUsed } from '../mdx/terms.ts';
import { glossarySchema, type GlossaryEntry } from '../schemas/index.ts';
import { normalizeTerm } from '../site/lib/anchors.ts';
import { takeCheckedModule } from './checked-library.ts';
import { moduleHtmlFolder, pruneModuleHtml, saveModuleHtml } from './module-html-fs.ts';
import { splitFrontmatter } from './split-frontmatter.ts';

/** What the module page reads of a rendered module: where its HTML is, and what the body uses. */
export type ModuleMetadata = {
  /** Know-how components the body uses (the page adds the scripts of Quiz, Checklist, Clip). */
  components: string[];
  /** Glossary words the body uses, in order of first use (the module glossary). */
  terms: string[];
  /** The file holding the body's HTML (module-html-fs.ts): the store keeps only its path. */
  htmlFile: string;
};

interface Glossaries {
  byLanguage: Map<string, Map<string, GlossaryEntry>>;
  /** Changes when any glossary does: every module's HTML depends on it. */
  digest: string;
}

/**
 * The modules collection: every content/modules/<trade>/<slug>.mdx, its frontmatter validated by
 * the collection schema and its body rendered to HTML here, once (render-body.ts), instead of
 * each module becoming a JavaScript module that Vite bundles: the build's time and memory then
 * grow with the text, not with a module graph (docs/adr/0009). The checker has already refused
 * bad content with path:line:col before this runs. In `astro dev` it re-renders what is saved.
 */
export function modulesLoader(contentDir: string): Loader {
  const root = path.resolve(contentDir);
  const modulesDir = path.join(root, 'modules');
  const glossaryDir = path.join(root, 'glossary');
  return {
    name: 'relais-modules',
    load: async (context) => {
      let glossaries = readGlossaries(glossaryDir, context);
      const htmlFolder = moduleHtmlFolder(fileURLToPath(context.config.cacheDir), context.watcher ? 'dev' : 'build');
      const started = performance.now();
      const files = listModules(modulesDir);
      // Every body is rendered again (about a millisecond each): the store would otherwise keep, for
      // an unchanged file, the HTML of an older renderer (Astro skips a set() with the same digest).
      context.store.clear();
      // In `astro dev` a module being written may not parse yet: say so and keep the others (the
      // build never gets here with bad content: the checker stops it first, with path:line:col).
      const load = (file: string) =>
        loadModule(context, file, modulesDir, glossaries, root, htmlFolder).catch((error: unknown) => {
          const message = `${path.relative(process.cwd(), file)}: ${error instanceof Error ? error.message : String(error)}`;
          if (!context.watcher) throw Object.assign(new Error(message), { stack: message });
          context.logger.error(message);
          return false;
        });
      let fromChecker = 0;
      for (const file of files) if (await load(file)) fromChecker += 1;
      // Remove the HTML files of bodies edited or removed since the last load.
      pruneModuleHtml(htmlFolder, new Set(context.store.values().map((entry) => String(entry.rendered?.metadata?.htmlFile))));
      context.logger.info(`${files.length} modules rendered in ${Math.round(performance.now() - started)} ms (${fromChecker} with the frontmatter the checker read)`);
      const watcher = context.watcher;
      if (!watcher) return;
      watcher.add([modulesDir, glossaryDir]);
      watcher.on('all', async (event, changed) => {
        const file = path.resolve(changed);
        if (file.startsWith(glossaryDir + path.sep)) {
          glossaries = readGlossaries(glossaryDir, context);
          for (const module of listModules(modulesDir)) await load(module);
          return;
        }
        if (!file.startsWith(modulesDir + path.sep) || !/\.mdx$/.test(file)) return;
        if (event === 'unlink') context.store.delete(moduleId(modulesDir, file));
        else if (event === 'add' || event === 'change') await load(file);
      });
    },
  };
}

const moduleId = (modulesDir: string, file: string) => path.relative(modulesDir, file).split(path.sep).join('/').replace(/\.mdx$/, '');

/** modules/<trade>/<slug>.mdx, sorted (the order of the collection). */
function listModules(modulesDir: string): string[] {
  if (!existsSync(modulesDir)) return [];
  const files: string[] = [];
  for (const trade of readdirSync(modulesDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!trade.isDirectory()) continue;
    for (const name of readdirSync(path.join(modulesDir, trade.name)).sort()) if (name.endsWith('.mdx')) files.push(path.join(modulesDir, trade.name, name));
  }
  return files;
}

/** content/glossary/<lang>.yaml, keyed as Term looks words up. Invalid files were reported by the checker. */
function readGlossaries(glossaryDir: string, context: LoaderContext): Glossaries {
  const glossaries = new Map<string, Map<string, GlossaryEntry>>();
  if (!existsSync(glossaryDir)) return { byLanguage: glossaries, digest: '' };
  for (const name of readdirSync(glossaryDir)) {
    const match = /^(.+)\.ya?ml$/.exec(name);
    if (!match) continue;
    const parsed = glossarySchema.safeParse(parseYaml(readFileSync(path.join(glossaryDir, name), 'utf8')));
    if (parsed.success) glossaries.set(match[1]!, new Map(Object.entries(parsed.data).map(([term, entry]) => [normalizeTerm(term), entry])));
  }
  return { byLanguage: glossaries, digest: context.generateDigest(JSON.stringify([...glossaries].map(([code, entries]) => [code, [...entries]]))) };
}

async function loadModule(context: LoaderContext, file: string, modulesDir: string, glossaries: Glossaries, contentRoot: string, htmlFolder: string): Promise<boolean> {
  const id = moduleId(modulesDir, file);
  const text = readFileSync(file, 'utf8');
  // The checker read this file moments ago in a build: take its YAML instead of parsing it again.
  const checked = takeCheckedModule(id, text);
  const parts = checked ? undefined : splitFrontmatter(text);
  const frontmatter = (checked ? checked.source.data : parts ? parseYaml(parts.yaml) : {}) as Record<string, unknown>;
  const body = checked ? checked.body : parts ? parts.body : text;
  // Blank lines in place of the frontmatter: a parse error (in `astro dev`) gives the file's own line.
  const bodyLine = checked ? checked.bodyLine : parts ? parts.bodyLine : 1;
  const filePath = path.relative(fileURLToPath(context.config.root), file).split(path.sep).join('/');
  const data = await context.parseData({ id, data: frontmatter, filePath });
  const language = typeof data.language === 'string' ? data.language : 'fr';
  const recording = (data.source as { recording?: string } | undefined)?.recording;
  const hasRecording = !!recording && existsSync(path.resolve(contentRoot, recording));
  const lang = uiLanguageFor(language);
  const glossary = glossaries.byLanguage.get(language) ?? glossaries.byLanguage.get(lang);
  // The HTML depends on the file, the glossary and whether the recording exists.
  const digest = context.generateDigest(`${text}\0${hasRecording}\0${glossaries.digest}`);
  const rendered = renderModuleBody('\n'.repeat(bodyLine - 1) + body, { language, glossary, glossaryUrl: localizedUrl(lang, '/glossaire/'), hasRecording, contentDir: contentRoot });
  // Neither `body` nor the HTML: every byte kept here is in the data store Vite bundles into the
  // build (at 10,000 modules, one string of every body). The page reads the HTML from its file.
  const metadata: ModuleMetadata = { components: rendered.components, terms: termsUsed(body), htmlFile: saveModuleHtml(htmlFolder, rendered.html) };
  context.store.set({ id, data, filePath, digest, rendered: { html: '', metadata } });
  return checked !== undefined;
}
