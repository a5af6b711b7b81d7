import { centreCreateRequest, tutorCreateRequest } from '../../schemas/centre-api.ts';
import { mayManageCentre, seesCentre } from '../access.ts';
import { forbidden, notFound } from '../errors.ts';
import { createCentre, getCentre, listCentres } from '../queries/centres.ts';
import { createTutor, listTutors } from '../queries/tutors.ts';
import { checkOrigin, parse, type RouteKit } from './route-kit.ts';

/** Centres and their tutors. */
export function registerCentreRoutes({ app, context, auth }: RouteKit): void {
  const { db, clock, config } = context;

  app.get('/api/centres', async (request) => {
    const principal = await auth.authenticate(request.headers, ['admin-client', 'centre-client', 'tutor']);
    return { centres: await listCentres(db, principal.kind === 'admin-client' ? undefined : principal.centreId) };
  });

  app.post('/api/centres', async (request, reply) => {
    await auth.authenticate(request.headers, ['admin-client']);
    const body = parse(centreCreateRequest, request.body, 'body');
    reply.code(201);
    return { centre: await createCentre(db, { ...body, now: clock.now() }) };
  });

  app.get<{ Params: { centreId: string } }>('/api/centres/:centreId', async (request) => {
    const principal = await auth.authenticate(request.headers, ['admin-client', 'centre-client', 'tutor']);
    const centre = await getCentre(db, request.params.centreId);
    if (!centre || !seesCentre(principal, centre.id)) throw notFound(`No centre \`${request.params.centreId}\``);
    return { centre };
  });

  app.get<{ Params: { centreId: string } }>('/api/centres/:centreId/tutors', async (request) => {
    const principal = await auth.authenticate(request.headers, ['admin-client', 'centre-client', 'tutor']);
    const centre = await getCentre(db, request.params.centreId);
    if (!centre || !seesCentre(principal, centre.id)) throw notFound(`No centre \`${request.params.centreId}\``);
    return { tutors: await listTutors(db, centre.id) };
  });

  app.post<{ Params: { centreId: string } }>('/api/centres/:centreId/tutors', async (request, reply) => {
    checkOrigin(request, config.corsOrigins);
    const principal = await auth.authenticate(request.headers, ['admin-client', 'centre-client', 'tutor']);
    const centre = await getCentre(db, request.params.centreId);
    if (!centre || !seesCentre(principal, centre.id)) throw notFound(`No centre \`${request.params.centreId}\``);
    if (!mayManageCentre(principal, centre.id)) throw forbidden('Tutors are created by the centre (its client or `relais tutor create`)');
    const body = parse(tutorCreateRequest, request.body, 'body');
    const created = await createTutor(db, { centreId: centre.id, name: body.name, password: body.password, now: clock.now() });
    reply.code(201);
    return { tutor: created.tutor, password: created.generated ? created.password : null };
  });
}
