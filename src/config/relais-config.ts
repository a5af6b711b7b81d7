import { z } from 'zod';

export const relaisConfigSchema = z.strictObject({
  /** Public origin of the site; also the xAPI activity base (DESIGN.md, "xAPI identities"). */
  site: z.url().default('http://localhost:4321'),
  /** The library to build, relative to the project root. */
  contentDir: z.string().min(1).default('content'),
  /** Where the built site goes, relative to the project root. */
  outDir: z.string().min(1).default('dist'),
  /** Port of `npm start`. */
  port: z.number().int().min(0).max(65535).default(4321),
});
export type RelaisConfig = z.infer<typeof relaisConfigSchema>;

export function defineRelaisConfig(config: z.input<typeof relaisConfigSchema>): z.input<typeof relaisConfigSchema> {
  return config;
}

/** File settings, then environment overrides (RELAIS_SITE, RELAIS_CONTENT_DIR, RELAIS_OUT_DIR, PORT). */
export function resolveRelaisConfig(fileConfig: unknown, env: NodeJS.ProcessEnv = process.env): RelaisConfig {
  const base = relaisConfigSchema.parse(fileConfig ?? {});
  return relaisConfigSchema.parse({
    ...base,
    ...(env.RELAIS_SITE ? { site: env.RELAIS_SITE } : {}),
    ...(env.RELAIS_CONTENT_DIR ? { contentDir: env.RELAIS_CONTENT_DIR } : {}),
    ...(env.RELAIS_OUT_DIR ? { outDir: env.RELAIS_OUT_DIR } : {}),
    ...(env.PORT ? { port: Number(env.PORT) } : {}),
  });
}
