import type { FastifyInstance } from 'fastify';
import type { ServiceConfig } from './config.ts';
import { type ContextOptions, createContext, type ServiceContext } from './context.ts';
import { type AppOptions, buildApp } from './http.ts';

export interface RunningService {
  app: FastifyInstance;
  context: ServiceContext;
  /** `http://127.0.0.1:4321/` (the port actually bound when 0 was asked). */
  url: string;
  /** Stops accepting connections, lets requests in flight finish, then closes the database. */
  close(): Promise<void>;
}

/** config → context → app → listen (statusphere-style): the whole service, on one port. */
export async function startService(config: ServiceConfig, options: ContextOptions & AppOptions = {}): Promise<RunningService> {
  const context = await createContext(config, options);
  let app: FastifyInstance;
  try {
    app = await buildApp(context, options);
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await context.destroy();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
  let closing: Promise<void> | undefined;
  return {
    app,
    context,
    url: `http://${host}:${port}/`,
    close() {
      closing ??= (async () => {
        try {
          await app.close();
        } finally {
          await context.destroy();
        }
      })();
      return closing;
    },
  };
}

/**
 * Graceful shutdown on SIGTERM and SIGINT: stop accepting, drain requests in flight, close the
 * database, exit 0. A second signal, or 10 s without finishing, exits at once.
 */
export function closeOnSignals(service: RunningService, log: (message: string) => void = (message) => process.stderr.write(`${message}\n`)): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    log(`Relais: ${signal} received, finishing requests in flight…`);
    setTimeout(() => {
      log('Relais: requests still running after 10 s, exiting.');
      process.exit(1);
    }, 10_000).unref();
    service.close().then(
      () => {
        log('Relais: stopped.');
        process.exit(0);
      },
      (error: unknown) => {
        log(`Relais: error while stopping: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
