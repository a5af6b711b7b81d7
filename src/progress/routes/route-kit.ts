import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Authenticator } from '../auth.ts';
import type { ServiceContext } from '../context.ts';
import { forbidden, invalidInput } from '../errors.ts';
import type { FailureThrottle } from '../throttle.ts';

/** What route modules get: the app to register on, the context, authentication and throttles. */
export interface RouteKit {
  app: FastifyInstance;
  context: ServiceContext;
  auth: Authenticator;
  throttles: { login: FailureThrottle; loginAddress: FailureThrottle; codes: FailureThrottle };
}

/** Parses a request part with its schema; a 400 naming the field otherwise. */
export function parse<Schema extends z.ZodType>(schema: Schema, value: unknown, root: string): z.output<Schema> {
  const result = schema.safeParse(value ?? (root === 'body' ? undefined : {}));
  if (!result.success) throw invalidInput(result.error, value, root);
  return result.data;
}

/**
 * A browser request carrying a cookie must come from the site's own origin (or an allowed one):
 * with SameSite=Strict cookies this closes cross-site request forgery for unsafe methods.
 */
export function checkOrigin(request: FastifyRequest, corsOrigins: readonly string[]): void {
  if (request.method === 'GET' || request.method === 'HEAD' || request.headers.authorization) return;
  const origin = request.headers.origin;
  if (!origin) return;
  const own = `${request.protocol}://${request.host}`;
  if (origin !== own && !corsOrigins.includes(origin)) throw forbidden(`Requests from origin \`${origin}\` may not use this site's cookies`);
}
