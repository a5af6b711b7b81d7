import { z } from 'zod';
import { mediaPath } from './common.ts';

export const glossaryEntrySchema = z.strictObject({
  definition: z.string().min(1),
  picture: mediaPath.optional(),
  glosses: z.record(z.string().regex(/^[a-z]{2,3}$/), z.string().min(1)).optional(),
});

/** content/glossary/<lang>.yaml: term → plain-language definition. */
export const glossarySchema = z.record(z.string().min(1), glossaryEntrySchema);
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
export type Glossary = z.infer<typeof glossarySchema>;
