import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import sirv from 'sirv';
import { cacheControlFor } from './cache-policy.ts';

export interface SiteServerOptions {
  distDir: string;
  port: number;
  host?: string;
}

/**
 * Serves the built site (dist/) alone: for tests and benchmarks of the static site. `relais
 * serve` and `npm start` run the progress service instead (src/progress/http.ts), which serves
 * dist/ with the same rules and the APIs on the same port (DESIGN.md, "Build → service").
 */
export function createSiteServer({ distDir }: Pick<SiteServerOptions, 'distDir'>): Server {
  const root = path.resolve(distDir);
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`No built site in ${root}: run \`npm run build\` first.`);
  }
  const notFoundPage = path.join(root, '404.html');
  const assets = sirv(root, {
    dev: false,
    etag: true,
    gzip: false,
    setHeaders(response, pathname) {
      response.setHeader('Cache-Control', cacheControlFor(pathname));
      response.setHeader('X-Content-Type-Options', 'nosniff');
    },
  });
  return createServer((request, response) => {
    assets(request, response, () => {
      response.statusCode = 404;
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      response.end(existsSync(notFoundPage) ? readFileSync(notFoundPage) : 'Not found');
    });
  });
}

/** Starts listening; resolves with the URL actually bound (port 0 picks a free port). */
export function listen(server: Server, port: number, host = '127.0.0.1'): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      resolve(`http://${host === '0.0.0.0' ? 'localhost' : host}:${bound}/`);
    });
  });
}

/** Stops accepting connections and lets open ones finish (SIGTERM, Ctrl-C). */
export function closeOnSignals(server: Server): void {
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
