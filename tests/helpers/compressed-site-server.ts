import compression from 'compression';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createSiteServer } from '../../src/server/site-server.ts';

/**
 * The site server (src/server/site-server.ts) behind gzip, as any production host serves text
 * (nginx, Caddy, a CDN): performance is measured on what a phone really downloads. The page-weight
 * budgets of DESIGN.md are gzip sizes too.
 */
export function createCompressedSiteServer(distDir: string): Server {
  const site = createSiteServer({ distDir });
  const handle = site.listeners('request')[0] as RequestListener;
  const gzip = compression() as unknown as (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
  return createServer((request, response) => gzip(request, response, () => handle(request, response)));
}
