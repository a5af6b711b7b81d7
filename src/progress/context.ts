import { ContentCatalogue, loadCatalogue } from './catalogue.ts';
import type { ServiceConfig } from './config.ts';
import type { Database } from './db/database.ts';
import { openDatabase } from './db/open.ts';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export const stderrLogger: Logger = {
  info: (message) => process.stderr.write(`${new Date().toISOString()} info  ${message}\n`),
  warn: (message) => process.stderr.write(`${new Date().toISOString()} warn  ${message}\n`),
  error: (message, error) => process.stderr.write(`${new Date().toISOString()} error ${message}${error instanceof Error ? `\n${error.stack ?? error.message}` : ''}\n`),
};

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** What every part of the service gets: settings, the database, the content, a clock and a logger. */
export interface ServiceContext {
  readonly config: ServiceConfig;
  readonly db: Database;
  readonly catalogue: ContentCatalogue;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Closes the database; the one way to release what the context holds. */
  destroy(): Promise<void>;
}

export interface ContextOptions {
  clock?: Clock;
  logger?: Logger;
  /** An already open database (tests share one); otherwise opened (and migrated) from config.storage. */
  db?: Database;
  catalogue?: ContentCatalogue;
}

export async function createContext(config: ServiceConfig, options: ContextOptions = {}): Promise<ServiceContext> {
  const logger = options.logger ?? stderrLogger;
  let catalogue = options.catalogue;
  if (!catalogue) {
    const loaded = loadCatalogue(config.distDir, config.site);
    if (loaded.warning) logger.warn(loaded.warning);
    catalogue = loaded.catalogue;
  }
  const db = options.db ?? (await openDatabase(config.storage));
  let destroyed = false;
  return {
    config,
    db,
    catalogue,
    clock: options.clock ?? systemClock,
    logger,
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      await db.close();
    },
  };
}
