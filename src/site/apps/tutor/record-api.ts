import { z } from 'zod';
import { credentialViewSchema } from '../../../schemas/credential.ts';
import { pathsResponse, practicalHoursView, validationLinkView, validationView } from '../../../schemas/validation-api.ts';
import { call } from './api.ts';

/**
 * An apprentice's path record as the dashboard reads and writes it (docs/api.md, "Paths, hours
 * and competence validation" and "Credentials"): every answer checked with the service's schemas.
 */
const base = (id: string) => `/api/apprentices/${encodeURIComponent(id)}`;

export interface HoursInput { stage: number; date: string; hours: number; kind: 'workshop' | 'internship' | 'other'; note?: string; pathId?: string }
export interface ValidationInput { skillId: string; level: 1 | 2 | 3; date: string; comment?: string; evidence?: { contentType: 'image/jpeg' | 'image/png' | 'image/webp'; data: string } }

export const recordApi = {
  paths: (id: string) => call('GET', `${base(id)}/paths`, pathsResponse),
  hours: (id: string) => call('GET', `${base(id)}/hours`, z.object({ hours: z.array(practicalHoursView) })),
  addHours: (id: string, body: HoursInput) => call('POST', `${base(id)}/hours`, z.object({ hours: practicalHoursView }), body),
  deleteHours: (id: string, hoursId: string) => call('DELETE', `${base(id)}/hours/${encodeURIComponent(hoursId)}`, null),
  validations: (id: string) => call('GET', `${base(id)}/validations`, z.object({ validations: z.array(validationView) })),
  validate: (id: string, body: ValidationInput) => call('POST', `${base(id)}/validations`, z.object({ validation: validationView }), body),
  voidValidation: (validationId: string, reason: string) => call('POST', `/api/validations/${encodeURIComponent(validationId)}/void`, z.object({ validation: validationView }), { reason }),
  links: (id: string) => call('GET', `${base(id)}/validation-links`, z.object({ links: z.array(validationLinkView) })),
  issueLink: (id: string, body: { company: string; skills?: string[]; days: number }) => call('POST', `${base(id)}/validation-links`, z.object({ link: validationLinkView, url: z.string() }), body),
  revokeLink: (id: string, linkId: string) => call('DELETE', `${base(id)}/validation-links/${encodeURIComponent(linkId)}`, null),
  credentials: (id: string) => call('GET', `${base(id)}/credentials`, z.object({ credentials: z.array(credentialViewSchema) })),
  issuePathCredential: (id: string, pathId: string) => call('POST', `${base(id)}/credentials`, z.object({ credential: credentialViewSchema }).loose(), { kind: 'path', pathId }),
  revokeCredential: (credentialId: string, reason: string) => call('POST', `/api/credentials/${encodeURIComponent(credentialId)}/revoke`, z.object({ credential: credentialViewSchema }), reason ? { reason } : {}),
};
