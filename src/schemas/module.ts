import { z } from 'zod';
import { id, isoDate, languageTag, mediaPath, moduleId, spdxLicence } from './common.ts';

export const moduleStatus = z.enum(['draft', 'reviewed', 'published']);
export const moduleLevel = z.union([z.literal(1), z.literal(2), z.literal(3)]);

/** Frontmatter of content/modules/<trade>/<slug>.mdx (DESIGN.md, "Content model"). */
export const moduleFrontmatterSchema = z.strictObject({
  title: z.string().min(1).max(80),
  summary: z.string().min(1),
  trade: id,
  skills: z.array(id).min(1),
  level: moduleLevel,
  duration: z.number().int().positive(),
  language: languageTag,
  authors: z.array(id).min(1),
  prerequisites: z.array(moduleId).default([]),
  source: z.strictObject({ recording: mediaPath.optional(), transcript: mediaPath.optional() }).optional(),
  status: moduleStatus,
  reviewed: z.strictObject({ by: id, on: isoDate }).optional(),
  licence: spdxLicence.optional(),
  /** Set by `relais import`: the shared library this module came from (docs/sharing.md). */
  imported: z.strictObject({ from: z.string().min(1), version: z.string().min(1), centre: id }).optional(),
});
export type ModuleFrontmatter = z.infer<typeof moduleFrontmatterSchema>;
