import { rebuildProgress } from '../queries/rebuild.ts';
import { checkOrigin, type RouteKit } from './route-kit.ts';

/** Health (open) and maintenance (administrator clients). */
export function registerServiceRoutes({ app, context, auth }: RouteKit): void {
  app.get('/api/health', async () => ({ status: 'ok', storage: context.db.dialect, modules: context.catalogue.modules.length }));

  app.post('/api/progress/rebuild', async (request) => {
    checkOrigin(request, context.config.corsOrigins);
    await auth.authenticate(request.headers, ['admin-client']);
    return rebuildProgress(context.db, context.catalogue, context.config.site);
  });
}
