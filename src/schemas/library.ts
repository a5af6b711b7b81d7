import { z } from 'zod';
import { id, spdxLicence } from './common.ts';

/** content/library.yaml: the library as a whole (a pack's manifest starts from it). */
export const librarySchema = z.strictObject({
  name: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'Expected a semver version such as `1.4.0`'),
  centre: id,
  licence: spdxLicence,
  taxonomy: z.strictObject({ rome: z.string().min(1), esco: z.string().min(1).optional() }),
});
export type LibraryInfo = z.infer<typeof librarySchema>;
