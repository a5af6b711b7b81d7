import { parseArgs } from 'node:util';
import { relaisConfig } from '../config/current.ts';
import { closeOnSignals, createSiteServer, listen } from '../server/site-server.ts';

export const serveHelp = `relais serve [--port N] [--host H] [--dist DIR]
  Serves the built site (default dist/) on localhost and prints its URL.`;

export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string' }, host: { type: 'string' }, dist: { type: 'string' } },
  });
  const port = values.port === undefined ? relaisConfig.port : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`relais serve: --port ${values.port}: expected a port number between 0 and 65535`);
    return 1;
  }
  const server = createSiteServer({ distDir: values.dist ?? relaisConfig.outDir });
  const url = await listen(server, port, values.host ?? '127.0.0.1');
  console.log(`Relais site: ${url}`);
  closeOnSignals(server);
  return new Promise(() => {});
}
