import { z } from 'zod';
import { localizedText } from './common.ts';

/** content/trades/<id>.yaml: a trade, tagged with its ROME 4.0 fiche (version in library.yaml). */
export const tradeSchema = z.strictObject({
  label: localizedText,
  rome: z.string().regex(/^[A-N]\d{4}$/, 'Expected a ROME 4.0 code such as `F1603`'),
  esco: z.url({ message: 'Expected an ESCO occupation URI' }).optional(),
  summary: z.string().min(1),
});
export type Trade = z.infer<typeof tradeSchema>;
