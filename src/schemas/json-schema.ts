import { z } from 'zod';
import { authorSchema, glossarySchema, librarySchema, moduleFrontmatterSchema, pathSchema, skillSchema, tradeSchema } from './index.ts';

/** The content schemas as JSON Schema, for editors (generated from the zod schemas, never by hand). */
export const jsonSchemaSources = {
  'module-frontmatter': moduleFrontmatterSchema,
  trade: tradeSchema,
  skill: skillSchema,
  author: authorSchema,
  path: pathSchema,
  glossary: glossarySchema,
  library: librarySchema,
} as const;

export function toEditorJsonSchema(name: keyof typeof jsonSchemaSources): Record<string, unknown> {
  // `input`: what an author writes (dates as strings, defaults optional); Date objects have no JSON form.
  const schema = z.toJSONSchema(jsonSchemaSources[name], { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  return { ...schema, $id: `https://relais.example/schemas/${name}.schema.json`, title: `Relais ${name}` };
}
