import { z } from 'zod';

/** Ids are file names: lowercase words joined by hyphens (`brasage-cuivre`). */
export const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const id = z
  .string()
  .regex(idPattern, 'Expected an id of lowercase letters, digits and hyphens (e.g. `brasage-cuivre`)');

/** A module id is `<trade-id>/<slug>`, the module's path under content/modules without `.mdx`. */
export const moduleId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Expected a module id `<trade>/<slug>` (e.g. `plomberie/couper-tube`)');

/** BCP 47 language tag, kept to the simple form authors write (`fr`, `en`, `pt-BR`). */
export const languageTag = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'Expected a language tag such as `fr` or `en`');

/** Text in several languages (`{ fr: …, en: … }`); French is required because the site defaults to it. */
export const localizedText = z
  .object({ fr: z.string().min(1) })
  .catchall(z.string().min(1))
  .superRefine((value, context) => {
    for (const key of Object.keys(value)) {
      if (!/^[a-z]{2,3}$/.test(key)) context.addIssue({ code: 'custom', path: [key], message: `Unexpected language \`${key}\`, expected a code such as \`fr\`, \`en\`, \`ar\`` });
    }
  });

/**
 * A calendar date `YYYY-MM-DD`. YAML readers differ (js-yaml, used by Astro, makes a Date;
 * `yaml` keeps the string), so both are accepted and normalised to the string.
 */
export const isoDate = z
  .union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date `YYYY-MM-DD`'), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value));

/** A file under content/ referenced by path relative to content/ (`media/…`). */
export const mediaPath = z
  .string()
  .regex(/^media\/[^\s\\]+$/, 'Expected a path under `media/` (e.g. `media/jean-martin-2026-09-14.m4a`)')
  .refine((value) => !value.split('/').includes('..'), 'Expected a path that stays inside `media/`');

/** SPDX licence expression, simple form (`CC-BY-SA-4.0`, `CC-BY-4.0 OR MIT`). */
export const spdxLicence = z
  .string()
  .regex(/^[A-Za-z0-9.+-]+(?: (?:OR|AND|WITH) [A-Za-z0-9.+-]+)*$/, 'Expected an SPDX licence id such as `CC-BY-SA-4.0`');
