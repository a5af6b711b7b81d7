import path from 'node:path';
import type { RelaisConfig } from '../config/relais-config.ts';

/**
 * The progress service's settings: relais.config.ts (site, outDir, port), then environment
 * variables, then command-line flags (README, "Configuration"). Nothing else reads process.env.
 */
export interface ServiceConfig {
  /** Public origin: the `homePage` of apprentices' xAPI accounts. */
  site: string;
  host: string;
  port: number;
  /** The built site to serve, or null for the APIs alone. */
  distDir: string | null;
  storage: StorageConfig;
  /** Request body limits in bytes: the centre API, and the xAPI Statements resource (attachments). */
  bodyLimit: { api: number; xapi: number };
  /** Origins allowed to call the APIs from a browser (a site hosted elsewhere); empty: same origin only. */
  corsOrigins: string[];
  /** Trust X-Forwarded-* (behind a reverse proxy). */
  trustProxy: boolean;
  /** Tutor sessions and apprentice tokens. */
  tutorSessionHours: number;
  /** Log one line per request to stderr. */
  logRequests: boolean;
  /** The centre's data folder: its Ed25519 key (`relais keys create`) signs competence validations and certificates; trusted-centres.yaml. */
  dataDir: string;
}

export type StorageConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export const defaultDatabaseFile = path.join('data', 'relais.db');

export interface ServiceFlags {
  port?: string | undefined;
  host?: string | undefined;
  db?: string | undefined;
  dist?: string | undefined;
}

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new Error(`${name}=${value}: expected a positive whole number`);
  return number;
}

/** Which database: `--db file` (SQLite), else DATABASE_URL (PostgreSQL), else RELAIS_DB, else data/relais.db. */
export function resolveStorage(flags: { db?: string | undefined }, env: NodeJS.ProcessEnv = process.env): StorageConfig {
  if (flags.db) return storageFromString(flags.db);
  if (env.DATABASE_URL) return storageFromString(env.DATABASE_URL);
  return { kind: 'sqlite', file: env.RELAIS_DB || defaultDatabaseFile };
}

function storageFromString(value: string): StorageConfig {
  return /^postgres(?:ql)?:\/\//.test(value) ? { kind: 'postgres', url: value } : { kind: 'sqlite', file: value };
}

export function resolveServiceConfig(relais: RelaisConfig, flags: ServiceFlags = {}, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const port = flags.port === undefined ? relais.port : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${flags.port}: expected a port number between 0 and 65535`);
  return {
    site: relais.site.replace(/\/$/, ''),
    host: flags.host ?? env.RELAIS_HOST ?? '127.0.0.1',
    port,
    distDir: flags.dist ?? relais.outDir,
    storage: resolveStorage(flags, env),
    bodyLimit: {
      api: positiveInteger('RELAIS_API_BODY_LIMIT', env.RELAIS_API_BODY_LIMIT, 64 * 1024),
      xapi: positiveInteger('RELAIS_XAPI_BODY_LIMIT', env.RELAIS_XAPI_BODY_LIMIT, 16 * 1024 * 1024),
    },
    corsOrigins: allowedOrigins(relais, env),
    trustProxy: env.RELAIS_TRUST_PROXY === '1' || env.RELAIS_TRUST_PROXY === 'true',
    tutorSessionHours: positiveInteger('RELAIS_SESSION_HOURS', env.RELAIS_SESSION_HOURS, 12),
    logRequests: env.RELAIS_LOG_REQUESTS !== '0',
    dataDir: env.RELAIS_DATA_DIR || 'data',
  };
}

/**
 * Origins allowed to call the APIs from a browser: the site's own when it is hosted apart from the
 * service (`service` in relais.config.ts), the config's `corsOrigins`, and RELAIS_CORS_ORIGINS.
 */
function allowedOrigins(relais: RelaisConfig, env: NodeJS.ProcessEnv): string[] {
  const origins = new Set<string>();
  if (relais.service && new URL(relais.service).origin !== new URL(relais.site).origin) origins.add(new URL(relais.site).origin);
  for (const origin of relais.corsOrigins) origins.add(new URL(origin).origin);
  for (const origin of (env.RELAIS_CORS_ORIGINS ?? '').split(',')) {
    const trimmed = origin.trim().replace(/\/$/, '');
    if (trimmed) origins.add(trimmed);
  }
  return [...origins];
}

/** What a log line or a message may show of the storage (never a password). */
export function describeStorage(storage: StorageConfig): string {
  if (storage.kind === 'sqlite') return `SQLite ${storage.file}`;
  const url = new URL(storage.url);
  if (url.password) url.password = '***';
  return `PostgreSQL ${url.toString()}`;
}
