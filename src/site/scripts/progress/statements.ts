import { verbs, type VerbName } from '../../../schemas/xapi-verbs.ts';
import { uuidV4 } from './ids.ts';

/**
 * The xAPI statements the site records (docs/api.md, "Recording progress from the site"). Pure
 * builders: the caller gives the time and the actor, so they are tested without a browser.
 */
export interface AccountActor {
  objectType: 'Agent';
  account: { homePage: string; name: string };
}
export interface ActivityObject {
  objectType: 'Activity';
  id: string;
  definition?: { name?: Record<string, string>; type?: string };
}
export interface StatementRefObject {
  objectType: 'StatementRef';
  id: string;
}
export interface Score {
  scaled?: number;
  raw?: number;
  min?: number;
  max?: number;
}
export interface Statement {
  id: string;
  timestamp: string;
  actor: AccountActor;
  verb: { id: string; display: Record<string, string> };
  object: ActivityObject | StatementRefObject;
  result?: { score?: Score; success?: boolean; completion?: boolean };
  context?: { contextActivities?: { parent?: { objectType: 'Activity'; id: string }[] }; language?: string };
}

/** What a statement is about on a module page: the module, and the page's language. */
export interface ModuleRef {
  /** `<site>/<trade>/<slug>/`, as `activity` in catalogue.json. */
  activity: string;
  title: string;
  language: string;
}

const moduleType = 'http://adlnet.gov/expapi/activities/module';
const assessmentType = 'http://adlnet.gov/expapi/activities/assessment';
const interactionType = 'http://adlnet.gov/expapi/activities/interaction';

const verb = (name: VerbName) => ({ id: verbs[name], display: { 'en-US': name } });

/** The local anonymous actor, before joining a cohort: never sent as is (see rewriteActor). */
export function localActor(site: string, id = uuidV4()): AccountActor {
  return { objectType: 'Agent', account: { homePage: site, name: `local-${id}` } };
}
export const isLocalActor = (actor: AccountActor): boolean => actor.account.name.startsWith('local-');

function base(name: VerbName, actor: AccountActor, at: Date, object: Statement['object'], id: string): Statement {
  return { id, timestamp: at.toISOString(), actor, verb: verb(name), object };
}

const moduleObject = (module: ModuleRef): ActivityObject => ({
  objectType: 'Activity',
  id: module.activity,
  definition: { name: { [module.language]: module.title }, type: moduleType },
});

const partOf = (module: ModuleRef, fragment: string, type: string): ActivityObject => ({
  objectType: 'Activity',
  id: `${module.activity}#${fragment}`,
  definition: { type },
});

const withParent = (statement: Statement, module: ModuleRef): Statement => ({
  ...statement,
  context: { contextActivities: { parent: [{ objectType: 'Activity', id: module.activity }] }, language: module.language },
});

/** Opened the module page. */
export function experienced(module: ModuleRef, actor: AccountActor, at: Date, id = uuidV4()): Statement {
  return { ...base('experienced', actor, at, moduleObject(module), id), context: { language: module.language } };
}

/** "I did it" on the module. */
export function completedModule(module: ModuleRef, actor: AccountActor, at: Date, id = uuidV4()): Statement {
  return { ...base('completed', actor, at, moduleObject(module), id), result: { completion: true }, context: { language: module.language } };
}

/** Takes back an earlier statement ("I did it" undone). */
export function voided(target: string, actor: AccountActor, at: Date, id = uuidV4()): Statement {
  return base('voided', actor, at, { objectType: 'StatementRef', id: target }, id);
}

/**
 * A quiz answered: `passed` or `failed`, with the score of its one question as raw/min/max
 * (1 right answer out of 1) and scaled.
 */
export function quizResult(module: ModuleRef, quiz: string, passed: boolean, actor: AccountActor, at: Date, id = uuidV4()): Statement {
  const raw = passed ? 1 : 0;
  return withParent(
    { ...base(passed ? 'passed' : 'failed', actor, at, partOf(module, quiz, assessmentType), id), result: { score: { scaled: raw, raw, min: 0, max: 1 }, success: passed, completion: true } },
    module,
  );
}

/** Every item of a checklist ticked: the checklist is completed (the module progressed). */
export function checklistCompleted(module: ModuleRef, checklist: string, actor: AccountActor, at: Date, id = uuidV4()): Statement {
  return withParent({ ...base('completed', actor, at, partOf(module, checklist, interactionType), id), result: { completion: true } }, module);
}

/** A statement with another actor (the one given when the apprentice joined). */
export const withActor = (statement: Statement, actor: AccountActor): Statement => ({ ...statement, actor });

/** `YYYY-MM-DD` of a time in the device's own time zone: "once a day" means the apprentice's day. */
export function localDay(at: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}
