import { z } from 'zod';
import { id, localizedText } from './common.ts';

/** content/skills/<id>.yaml: one competence of a trade, with what each level looks like. */
export const skillSchema = z.strictObject({
  trade: id,
  label: localizedText,
  rome: z.string().regex(/^\d{3,7}$/, 'Expected a ROME competence code (digits, e.g. `405397`)').optional(),
  levels: z.strictObject({ 1: z.string().min(1), 2: z.string().min(1), 3: z.string().min(1) }),
});
export type Skill = z.infer<typeof skillSchema>;
