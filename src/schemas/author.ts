import { z } from 'zod';
import { id, isoDate, mediaPath } from './common.ts';

/** content/authors/<id>.yaml: a senior (or an apprentice turned author) who gave know-how. */
export const authorSchema = z.strictObject({
  name: z.string().min(1),
  trades: z.array(id).min(1),
  years: z.number().int().min(0).max(80),
  story: z.string().min(1),
  photo: mediaPath.optional(),
  consent: z.strictObject({ publish: z.boolean(), date: isoDate }),
  example: z.boolean().optional(),
  learnedFrom: z.array(id).optional(),
});
export type Author = z.infer<typeof authorSchema>;
