import { z } from 'zod';
import { id, moduleId, spdxLicence } from './common.ts';
import { librarySchema } from './library.ts';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'Expected a SHA-256 checksum as 64 lowercase hex digits');
const semver = librarySchema.shape.version;

/** Where an imported module came from, as its `imported` frontmatter says. */
export const provenanceSchema = z.strictObject({ from: z.string().min(1), version: z.string().min(1), centre: id });

/** `relais-manifest.json`, the first entry of a library archive (docs/sharing.md). */
export const libraryManifestSchema = z.strictObject({
  format: z.literal(1),
  name: z.string().min(1),
  version: semver,
  centre: id,
  created: z.iso.datetime(),
  licence: spdxLicence,
  taxonomy: librarySchema.shape.taxonomy,
  files: z.array(z.strictObject({ path: z.string().min(1), size: z.number().int().nonnegative(), sha256 })),
  modules: z.array(
    z.strictObject({
      id: moduleId,
      title: z.string(),
      status: z.string(),
      licence: spdxLicence,
      authors: z.array(id),
      /** The library this module was itself imported from, if any. */
      provenance: provenanceSchema.optional(),
    }),
  ),
});
export type LibraryManifest = z.infer<typeof libraryManifestSchema>;

/** `relais-manifest.sig`: an Ed25519 signature of the manifest's exact bytes by the publishing centre. */
export const manifestSignatureSchema = z.strictObject({
  algorithm: z.literal('ed25519'),
  centre: id,
  /** base64 */
  signature: z.string().min(1),
});

/** data/trusted-centres.yaml: the centres whose signed libraries this centre trusts. */
export const trustedCentresSchema = z.strictObject({
  centres: z.record(id, z.strictObject({ name: z.string().optional(), publicKey: z.string().min(1) })).default({}),
});
export type TrustedCentres = z.infer<typeof trustedCentresSchema>;

/** index.json written by `relais publish <dir>`. */
export const catalogueSchema = z.strictObject({
  format: z.literal(1),
  libraries: z.array(
    z.strictObject({
      name: z.string(),
      centre: id,
      version: semver,
      file: z.string().regex(/^[^/\\]+\.tar\.gz$/, 'Expected an archive file name next to index.json'),
      size: z.number().int().nonnegative(),
      sha256,
      licence: spdxLicence,
      modules: z.number().int().nonnegative(),
      created: z.string(),
      signed: z.boolean(),
    }),
  ),
});
export type Catalogue = z.infer<typeof catalogueSchema>;

/** content/.relais/libraries/<centre>--<name>.json: one installed library, the base of updates. */
export const installedLibrarySchema = z.strictObject({
  name: z.string(),
  centre: id,
  version: semver,
  importedAt: z.string(),
  prefix: z.string().optional(),
  /** Local module id → the module as imported (the base of a three-way update). */
  modules: z.record(z.string(), z.strictObject({ source: moduleId, sha256, text: z.string() })),
});
export type InstalledLibrary = z.infer<typeof installedLibrarySchema>;
