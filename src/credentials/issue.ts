import { randomUUID } from 'node:crypto';
import type { AchievementCredential, CredentialClaim } from '../schemas/credential.ts';
import type { ContentCatalogue } from '../progress/catalogue.ts';
import type { Database } from '../progress/db/database.ts';
import { missingForPath, pathModules } from '../progress/path-completion.ts';
import { getApprentice } from '../progress/queries/apprentices.ts';
import { pathProgressFor } from '../progress/queries/path-progress.ts';
import { getCentre } from '../progress/queries/centres.ts';
import { type CredentialRow, insertCredential, liveCredential } from '../progress/queries/credentials.ts';
import { type AlignmentInput, type CredentialInput, signCredential } from './build.ts';
import type { IssuerKeys } from './keys-fs.ts';

/** Why a credential cannot be issued: the route turns it into a 4xx with this message. */
export class NotEarnedError extends Error {
  readonly status: 400 | 404 | 409;
  constructor(status: 400 | 404 | 409, message: string) {
    super(message);
    this.name = 'NotEarnedError';
    this.status = status;
  }
}

export type IssueRequest = CredentialClaim & {
  apprenticeId: string;
  catalogue: ContentCatalogue;
  /** Who issues: `tutor:<id>`, `client:<key>`, `validation:<id>` (kept with the row, not in the credential). */
  issuedBy: string;
  now: number;
  /** Who validated a competence, as the credential's evidence shows it (a name or a role). */
  validator?: string;
  /** When the achievement was reached (validation or completion date), ISO; the issue time otherwise. */
  achievedAt?: string;
  /** Skip the check against derived progress (the validation code has checked it its own way). */
  trusted?: boolean;
};

const french = (text: string | Record<string, string>) => (typeof text === 'string' ? text : (text.fr ?? Object.values(text)[0] ?? ''));

/**
 * What the apprentice still lacks to complete a path (modules, quizzes, validations, hours), by
 * the one rule of "path completed" (`pathProgressOf`, as the outcome report counts it); [] when
 * it is complete.
 */
export async function missingForPathCredential(db: Database, catalogue: ContentCatalogue, apprenticeId: string, pathId: string): Promise<string[]> {
  const learningPath = catalogue.path(pathId);
  if (!learningPath) return [];
  const progress = (await pathProgressFor(db, catalogue, [apprenticeId], learningPath, undefined, pathModules(learningPath))).get(apprenticeId)!;
  return missingForPath(progress);
}

function tradeAlignment(catalogue: ContentCatalogue, tradeId: string | null | undefined): AlignmentInput[] {
  const trade = tradeId ? catalogue.trade(tradeId) : undefined;
  if (!trade) return [];
  const name = french(trade.label);
  return [
    { framework: 'ROME', kind: 'occupation', code: trade.rome, name, url: `https://candidat.francetravail.fr/metierscope/fiche-metier/${trade.rome}` },
    ...(trade.esco ? [{ framework: 'ESCO' as const, kind: 'occupation' as const, code: trade.esco, name, url: trade.esco }] : []),
  ];
}

/** What the credential says about the achievement, from the catalogue. */
function describe(request: IssueRequest, site: string): { achievement: CredentialInput['achievement']; name: string; subject: string; level: number | null; evidence: CredentialInput['evidence'] } {
  const { catalogue } = request;
  if (request.kind === 'path') {
    const learningPath = catalogue.path(request.pathId);
    if (!learningPath) throw new NotEarnedError(404, `No path \`${request.pathId}\` in the catalogue (dist/catalogue.json)`);
    const name = french(learningPath.title);
    const stages = learningPath.stages.map((stage) => french(stage.title));
    return {
      name,
      subject: learningPath.id,
      level: null,
      achievement: {
        id: `${site}/parcours/${learningPath.id}/`,
        achievementType: 'Certificate',
        name,
        description: `Parcours de ${learningPath.hours} heures en ${stages.length} étape${stages.length > 1 ? 's' : ''} : ${stages.join(' ; ')}.`,
        criteria: 'Chaque étape du parcours est terminée : ses modules, ses quiz, les compétences validées par un tuteur ou une entreprise et les heures pratiques prévues, suivis par le centre.',
        alignment: tradeAlignment(catalogue, learningPath.trade),
      },
      evidence: [{ name: 'Modules terminés', description: learningPath.stages.flatMap((stage) => stage.modules).join(', ') }],
    };
  }
  const skill = catalogue.skill(request.skillId);
  if (!skill) throw new NotEarnedError(404, `No skill \`${request.skillId}\` in the catalogue (dist/catalogue.json)`);
  const label = french(skill.label);
  const name = `${label} — niveau ${request.level}`;
  return {
    name,
    subject: skill.id,
    level: request.level,
    achievement: {
      id: `${site}/competences/${skill.id}/#niveau-${request.level}`,
      achievementType: 'Competency',
      name,
      description: `Compétence « ${label} » validée au niveau ${request.level} sur 3.`,
      criteria: `Niveau ${request.level} observé et validé par un tuteur ou une entreprise d'accueil (niveaux : 1 explique, 2 fait avec un tuteur, 3 fait seul, en sécurité).`,
      alignment: [
        ...(skill.rome ? [{ framework: 'ROME' as const, kind: 'competence' as const, code: skill.rome, name: label, url: `${site}/competences/${skill.id}/` }] : []),
        ...tradeAlignment(catalogue, skill.trade),
      ],
    },
    evidence: request.validator ? [{ name: 'Validation', description: `Validé par ${request.validator}${request.achievedAt ? ` le ${request.achievedAt.slice(0, 10)}` : ''}` }] : [],
  };
}

/**
 * Issues (signs and stores) an Open Badges 3.0 credential for a completed path or a validated
 * competence. Idempotent: an achievement already credited (and not revoked) returns that credential.
 * A path is refused until every stage is complete (modules, quizzes, validations, hours).
 */
export async function issueCredential(db: Database, keys: IssuerKeys, request: IssueRequest): Promise<{ row: CredentialRow; credential: AchievementCredential; created: boolean }> {
  const apprentice = await getApprentice(db, request.apprenticeId);
  if (!apprentice) throw new NotEarnedError(404, `No apprentice \`${request.apprenticeId}\``);
  const centre = await getCentre(db, apprentice.centre_id);
  const site = request.catalogue.site;
  const about = describe(request, site);
  const existing = await liveCredential(db, apprentice.id, request.kind, about.subject, about.level);
  if (existing) return { row: existing, credential: JSON.parse(existing.body) as AchievementCredential, created: false };
  if (request.kind === 'path' && !request.trusted) {
    const missing = await missingForPathCredential(db, request.catalogue, apprentice.id, request.pathId);
    if (missing.length) throw new NotEarnedError(409, `Path \`${request.pathId}\` is not completed yet: ${missing.join('; ')}`);
  }
  const now = new Date(request.now).toISOString();
  const id = randomUUID();
  const credential = await signCredential(
    {
      id,
      issuer: { did: keys.did, name: centre?.name ?? apprentice.centre_id },
      subject: { pseudonym: apprentice.id, displayName: apprentice.nickname },
      achievement: about.achievement,
      validFrom: request.achievedAt && Date.parse(request.achievedAt) <= request.now ? new Date(request.achievedAt).toISOString() : now,
      evidence: about.evidence,
    },
    keys.sign,
    now,
  );
  const row: CredentialRow = { id, apprentice_id: apprentice.id, centre_id: apprentice.centre_id, kind: request.kind, subject: about.subject, level: about.level, name: about.name, body: JSON.stringify(credential), issued_by: request.issuedBy, issued_at: now, revoked_at: null, revoked_reason: null };
  try {
    await insertCredential(db, row);
  } catch (error) {
    // Two issuers at once (a validation and a tutor): the unique index keeps one; return it.
    const winner = await liveCredential(db, apprentice.id, request.kind, about.subject, about.level);
    if (winner) return { row: winner, credential: JSON.parse(winner.body) as AchievementCredential, created: false };
    throw error;
  }
  return { row, credential, created: true };
}
