import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import zlib from 'node:zlib';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { cacheControlFor } from '../server/cache-policy.ts';
import { xapiVersion } from '../schemas/xapi.ts';
import { Authenticator } from './auth.ts';
import type { ServiceContext } from './context.ts';
import { HttpError, invalidInput } from './errors.ts';
import { registerApprenticeRoutes } from './routes/apprentices.ts';
import { registerCentreRoutes } from './routes/centres.ts';
import { registerCohortRoutes } from './routes/cohorts.ts';
import { registerCredentialRoutes } from './routes/credentials.ts';
import { registerFollowUpRoutes } from './routes/follow-up.ts';
import type { RouteKit } from './routes/route-kit.ts';
import { registerServiceRoutes } from './routes/service.ts';
import { registerSessionRoutes } from './routes/sessions.ts';
import { registerValidationRoutes } from './routes/validation.ts';
import { registerXapiRoutes } from './routes/xapi.ts';
import { FailureThrottle } from './throttle.ts';

export interface AppOptions {
  /** Called for every route as it is registered (the authorisation matrix test lists them). */
  onRoute?: (route: { method: string; url: string }) => void;
}

const isApi = (url: string) => /^\/(?:api|xapi)(?:[/?]|$)/.test(url);

/**
 * The HTTP side of the progress service: one Fastify app serving the built site (dist/), the
 * xAPI Statements resource (/xapi/) and the centre API (/api/) on one origin.
 */
export async function buildApp(context: ServiceContext, options: AppOptions = {}): Promise<FastifyInstance> {
  const { config, logger } = context;
  const app = Fastify({
    logger: false,
    bodyLimit: config.bodyLimit.api,
    trustProxy: config.trustProxy,
    // On close: stop accepting, end idle keep-alive connections, let requests in flight finish.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });
  // Only JSON by default (text/plain would reach handlers as a string); xAPI adds its own formats.
  app.removeContentTypeParser('text/plain');
  // Pages, scripts and JSON compressed on the way out: a module page drops from ~31 KB to ~11 KB,
  // which is what an apprentice on a slow network waits for. Brotli at a light quality: cheap per request.
  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    // Text only: Pagefind's index files are gzip already and must reach the browser byte for byte.
    customTypes: /^(?:text\/|application\/(?:javascript|json|xml|manifest\+json|xhtml\+xml)|image\/svg\+xml)/,
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  if (options.onRoute) {
    const onRoute = options.onRoute;
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) onRoute({ method, url: route.url });
    });
  }

  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    const origin = request.headers.origin;
    if (origin && isApi(request.url) && config.corsOrigins.includes(origin)) {
      reply.header('Access-Control-Allow-Origin', origin);
      reply.header('Access-Control-Allow-Credentials', 'true');
      reply.header('Access-Control-Expose-Headers', 'X-Experience-API-Version, X-Experience-API-Consistent-Through, Last-Modified, Retry-After, Content-Disposition');
      reply.header('Vary', 'Origin');
    }
    if (isApi(request.url)) reply.header('Cache-Control', 'no-store');
    // Every /xapi/ answer, a 404 of an unknown xAPI resource included (Communication 3.3).
    if (/^\/xapi(?:[/?]|$)/.test(request.url)) reply.header('X-Experience-API-Version', xapiVersion);
  });
  if (config.logRequests) {
    app.addHook('onResponse', async (request, reply) => {
      // A validation link's token is a credential: it never goes into a log line.
      const url = request.url.split('?')[0]!.replace(/^(\/api\/validation-links\/)[^/]+/, '$1…');
      logger.info(`${request.method} ${url} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)}ms`);
    });
  }

  app.setErrorHandler((error: FastifyError | HttpError | z.ZodError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof HttpError) {
      for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
      return reply.code(error.status).type('application/json; charset=utf-8').send(error.toBody());
    }
    if (error instanceof z.ZodError) {
      const http = invalidInput(error, request.body, 'body');
      return reply.code(400).send(http.toBody());
    }
    const fastifyError = error as FastifyError;
    const status = fastifyError.statusCode ?? 500;
    const code =
      fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? 'payload-too-large'
        : fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'unsupported-media-type'
          : status === 400 && (fastifyError.name === 'SyntaxError' || /JSON/.test(fastifyError.message))
            ? 'invalid-json'
            : status < 500
              ? 'bad-request'
              : 'internal-error';
    if (status >= 500) {
      logger.error(`${request.method} ${request.url}`, error);
      return reply.code(500).send({ error: { code, message: 'The service failed on this request; it is logged.', hint: 'Try again; if it goes on, tell the centre.' } });
    }
    const messages: Record<string, string> = {
      'payload-too-large': `The request body is larger than this route accepts (${request.url.startsWith('/xapi/') ? config.bodyLimit.xapi : config.bodyLimit.api} bytes)`,
      'unsupported-media-type': `Unexpected Content-Type \`${request.headers['content-type'] ?? ''}\`, expected application/json${request.url.startsWith('/xapi/') ? ' or multipart/mixed' : ''}`,
      'invalid-json': `The body is not valid JSON: ${fastifyError.message}`,
    };
    return reply.code(status).send({ error: { code, message: messages[code] ?? fastifyError.message } });
  });

  const notFoundPage = config.distDir && existsSync(path.join(config.distDir, '404.html')) ? readFileSync(path.join(config.distDir, '404.html')) : null;
  app.setNotFoundHandler((request, reply) => {
    if (isApi(request.url)) {
      return reply
        .code(404)
        .send({ error: { code: 'not-found', message: `No route ${request.method} ${request.url.split('?')[0]}`, hint: 'The routes are listed in docs/api.md.' } });
    }
    return reply
      .code(404)
      .type('text/html; charset=utf-8')
      .header('Cache-Control', 'no-cache')
      .send(notFoundPage ?? 'Not found');
  });

  // Preflight for a site hosted on another origin (RELAIS_CORS_ORIGINS).
  for (const prefix of ['/api/*', '/xapi/*']) {
    app.options(prefix, async (request, reply) => {
      if (request.headers.origin && config.corsOrigins.includes(request.headers.origin)) {
        reply.header('Access-Control-Allow-Methods', 'GET, HEAD, POST, PUT, PATCH, DELETE');
        reply.header('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match');
        reply.header('Access-Control-Max-Age', '600');
      }
      return reply.code(204).send();
    });
  }

  const kit: RouteKit = {
    app,
    context,
    auth: new Authenticator(context),
    throttles: {
      login: new FailureThrottle({ limit: 5, windowMs: 15 * 60_000, clock: context.clock }),
      loginAddress: new FailureThrottle({ limit: 30, windowMs: 15 * 60_000, clock: context.clock }),
      codes: new FailureThrottle({ limit: 10, windowMs: 15 * 60_000, clock: context.clock }),
    },
  };
  registerXapiRoutes(kit);
  registerSessionRoutes(kit);
  registerCentreRoutes(kit);
  registerCohortRoutes(kit);
  registerApprenticeRoutes(kit);
  registerCredentialRoutes(kit);
  registerValidationRoutes(kit);
  registerFollowUpRoutes(kit);
  registerServiceRoutes(kit);

  if (config.distDir) {
    const root = path.resolve(config.distDir);
    if (!existsSync(path.join(root, 'index.html'))) throw new Error(`No built site in ${root}: run \`npm run build\` first.`);
    await app.register(fastifyStatic, {
      root,
      wildcard: true,
      index: ['index.html'],
      redirect: true,
      cacheControl: false,
      etag: true,
      lastModified: true,
      decorateReply: false,
      setHeaders(reply, file) {
        reply.header('Cache-Control', cacheControlFor(`/${path.relative(root, file).split(path.sep).join('/')}`));
      },
    });
  }
  await app.ready();
  return app;
}
