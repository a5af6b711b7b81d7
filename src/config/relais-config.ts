import { z } from 'zod';
import { configurableRuleIds } from '../check/rule-catalogue.ts';

/** `off` silences a rule; `warning` reports without failing; `error` fails `relais check` and the build. */
export const ruleSeverity = z.enum(['off', 'warning', 'error']);
export type RuleSeverity = z.infer<typeof ruleSeverity>;

/** Severities of the configurable rules (docs/check-rules.md); required rules are always errors. */
const ruleSettings = z.partialRecord(z.enum(configurableRuleIds), ruleSeverity);

const languageThresholds = z.record(z.string().regex(/^[a-z]{2,3}$/, 'Expected a language code such as `fr` or `en`'), z.number());

/** Plain-language thresholds: apprentices may read French at A1–B1. */
export const plainLanguageSchema = z.strictObject({
  /** A sentence with more words is reported (`sentence-length`). */
  maxSentenceWords: z.number().int().positive().default(25),
  /** A paragraph with more words is reported (`paragraph-length`). */
  maxParagraphWords: z.number().int().positive().default(120),
  /**
   * Lowest reading-ease score per module language (`readability`): Kandel–Moles for French,
   * Flesch for English, both 0 (very hard) to 100 (very easy). Other languages are not scored.
   */
  minReadingEase: languageThresholds.default({ fr: 60, en: 60 }),
  /** Modules with less prose than this are not scored (a few words give meaningless figures). */
  minWordsForReadability: z.number().int().nonnegative().default(100),
});
export type PlainLanguageSettings = z.infer<typeof plainLanguageSchema>;

export const checkConfigSchema = z.strictObject({
  /** Rule severities for all content, e.g. `{ readability: 'off', 'image-alt': 'warning' }`. */
  rules: ruleSettings.default({}),
  plainLanguage: plainLanguageSchema.prefault({}),
  /** With `true`, `skills-list` also asks for skills in alphabetical order (and `--fix` sorts them). */
  sortSkills: z.boolean().default(false),
  /** A module file larger than this is refused (`file-size`) rather than parsed. */
  maxModuleBytes: z.number().int().positive().default(1_000_000),
  /**
   * Settings for some files only; later entries win. `files` are globs relative to the content
   * folder (`modules/fibre-optique/**`, `modules/*\/intro-*.mdx`).
   */
  overrides: z
    .array(
      z.strictObject({
        files: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
        rules: ruleSettings.optional(),
        plainLanguage: plainLanguageSchema.partial().optional(),
      }),
    )
    .default([]),
});
export type CheckConfig = z.infer<typeof checkConfigSchema>;

export const relaisConfigSchema = z.strictObject({
  /** Public origin of the site; also the xAPI activity base (DESIGN.md, "xAPI identities"). */
  site: z.url().default('http://localhost:4321'),
  /**
   * The progress service's URL when the site is hosted on another origin (a static host). The
   * site's islands then call it, and the service allows the site's origin (CORS). Absent: the
   * site and the service share one origin (`relais serve`), the default.
   */
  service: z.url().optional(),
  /** More origins the service allows (other sites of a network of centres), e.g. `https://ecole.example`. */
  corsOrigins: z.array(z.url()).default([]),
  /** The library to build, relative to the project root. */
  contentDir: z.string().min(1).default('content'),
  /** Where the built site goes, relative to the project root. */
  outDir: z.string().min(1).default('dist'),
  /** Port of `npm start`. */
  port: z.number().int().min(0).max(65535).default(4321),
  /** `relais check` and the check before every build (docs/check-rules.md). */
  check: checkConfigSchema.prefault({}),
});
export type RelaisConfig = z.infer<typeof relaisConfigSchema>;

export function defineRelaisConfig(config: z.input<typeof relaisConfigSchema>): z.input<typeof relaisConfigSchema> {
  return config;
}

/** File settings, then environment overrides (RELAIS_SITE, RELAIS_CONTENT_DIR, RELAIS_OUT_DIR, RELAIS_SERVICE, PORT). */
export function resolveRelaisConfig(fileConfig: unknown, env: NodeJS.ProcessEnv = process.env): RelaisConfig {
  const base = parseConfig(fileConfig ?? {});
  return parseConfig({
    ...base,
    ...(env.RELAIS_SITE ? { site: env.RELAIS_SITE } : {}),
    ...(env.RELAIS_CONTENT_DIR ? { contentDir: env.RELAIS_CONTENT_DIR } : {}),
    ...(env.RELAIS_OUT_DIR ? { outDir: env.RELAIS_OUT_DIR } : {}),
    ...(env.RELAIS_SERVICE ? { service: env.RELAIS_SERVICE } : {}),
    ...(env.PORT ? { port: Number(env.PORT) } : {}),
  });
}

/** A config mistake names the setting and what was expected, instead of a zod stack trace. */
function parseConfig(value: unknown): RelaisConfig {
  const result = relaisConfigSchema.safeParse(value);
  if (result.success) return result.data;
  const error = new Error(`relais.config.ts is invalid:\n${z.prettifyError(result.error)}`);
  error.stack = error.message;
  throw error;
}
