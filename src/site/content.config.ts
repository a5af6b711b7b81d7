import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import path from 'node:path';
import { relaisConfig } from '../config/current.ts';
import { modulesLoader } from '../content/modules-loader-fs.ts';
import { authorSchema, glossarySchema, moduleFrontmatterSchema, pathSchema, skillSchema, tradeSchema } from '../schemas/index.ts';

/** Collections read content/ (or the configured folder); ids are paths without extension (DESIGN.md). */
const base = (folder: string) => path.resolve(relaisConfig.contentDir, folder);
const stripExtension = ({ entry }: { entry: string }) => entry.replace(/\.(mdx?|ya?ml)$/, '');
const yamlFiles = (folder: string) => glob({ pattern: '*.{yaml,yml}', base: base(folder), generateId: stripExtension });

export const collections = {
  modules: defineCollection({
    // Bodies are rendered to HTML by the loader, not compiled to one JS module each (docs/adr/0009).
    loader: modulesLoader(relaisConfig.contentDir),
    schema: moduleFrontmatterSchema,
  }),
  trades: defineCollection({ loader: yamlFiles('trades'), schema: tradeSchema }),
  skills: defineCollection({ loader: yamlFiles('skills'), schema: skillSchema }),
  authors: defineCollection({ loader: yamlFiles('authors'), schema: authorSchema }),
  paths: defineCollection({ loader: yamlFiles('paths'), schema: pathSchema }),
  glossary: defineCollection({ loader: yamlFiles('glossary'), schema: glossarySchema }),
};
