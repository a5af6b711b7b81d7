import { z } from 'zod';
import { id, moduleId } from './common.ts';

/**
 * dist/catalogue.json as the progress service reads it (DESIGN.md, "Build → service"): its only
 * view of the content. Objects are open (`z.object`): the build may add fields without breaking
 * a running service; the fields below are the contract.
 */
const text = z.union([z.string(), z.record(z.string(), z.string())]);

export const catalogueSchema = z.object({
  site: z.string(),
  modules: z.array(
    z.object({
      id: moduleId,
      activity: z.string(),
      title: z.string(),
      trade: id,
      skills: z.array(id),
      level: z.number(),
      duration: z.number(),
      language: z.string(),
      authors: z.array(id).default([]),
    }),
  ),
  paths: z.array(
    z.object({
      id: id,
      title: text,
      trade: id.nullable().optional(),
      hours: z.number(),
      stages: z.array(z.object({ title: text, hours: z.number(), modules: z.array(moduleId), validation: z.string(), skills: z.array(id).default([]) })),
    }),
  ),
  // Credentials align achievements to ROME/ESCO codes; `relais author promote` reads module authors;
  // competence validation shows what each skill level looks like.
  trades: z.array(z.object({ id: id, label: text, rome: z.string(), esco: z.string().nullable().optional() })).default([]),
  skills: z
    .array(z.object({ id: id, trade: id, label: text, rome: z.string().nullable().optional(), levels: z.object({ 1: z.string(), 2: z.string(), 3: z.string() }) }))
    .default([]),
  authors: z.array(z.object({ id: id, name: z.string(), trades: z.array(id), learnedFrom: z.array(id).default([]) })).default([]),
});
export type Catalogue = z.infer<typeof catalogueSchema>;
