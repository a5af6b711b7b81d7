import type { XapiActor, XapiAgent, XapiStatement, XapiStatementObject, XapiSubStatement } from '../../schemas/xapi.ts';

type Identified = { objectType?: string; mbox?: string | undefined; mbox_sha1sum?: string | undefined; openid?: string | undefined; account?: { homePage: string; name: string } | undefined };

/**
 * The key of an Agent or identified Group for comparisons and the query index: object type and
 * inverse functional identifier (Data 2.4.2.1: same IFI and same objectType is the same one).
 * Null for an anonymous Group.
 */
export function identityKey(actor: Identified): string | null {
  const type = actor.objectType === 'Group' ? 'Group' : 'Agent';
  if (actor.mbox !== undefined) return `${type}|mbox|${actor.mbox.toLowerCase()}`;
  if (actor.mbox_sha1sum !== undefined) return `${type}|sha1|${actor.mbox_sha1sum.toLowerCase()}`;
  if (actor.openid !== undefined) return `${type}|openid|${actor.openid}`;
  if (actor.account !== undefined) return `${type}|account|${actor.account.homePage}|${actor.account.name}`;
  return null;
}

/** The xAPI actor of an apprentice (DESIGN.md, "xAPI identities"). */
export function apprenticeActor(site: string, apprenticeId: string): { objectType: 'Agent'; account: { homePage: string; name: string } } {
  return { objectType: 'Agent', account: { homePage: site, name: apprenticeId } };
}

/** The apprentice id an actor names, if it is an account on this site. */
export function apprenticeIdOf(actor: XapiActor, site: string): string | null {
  if (actor.objectType === 'Group' || !actor.account) return null;
  return actor.account.homePage.replace(/\/$/, '') === site ? actor.account.name : null;
}

export interface IndexRow {
  kind: 'a' | 'c' | 'v' | 'r';
  value: string;
  /** 0: matches the plain filter; 1: matches only with related_agents / related_activities. */
  related: 0 | 1;
}

function addActor(rows: Map<string, IndexRow>, actor: Identified & { member?: XapiAgent[] | undefined }, related: 0 | 1): void {
  const key = identityKey(actor);
  if (key) add(rows, { kind: 'a', value: key, related });
  for (const member of actor.member ?? []) {
    const memberKey = identityKey(member);
    if (memberKey) add(rows, { kind: 'a', value: memberKey, related: 1 });
  }
}

function add(rows: Map<string, IndexRow>, row: IndexRow): void {
  const key = `${row.kind} ${row.value}`;
  const existing = rows.get(key);
  if (!existing || existing.related > row.related) rows.set(key, row);
}

function addObjectAndContext(rows: Map<string, IndexRow>, statement: XapiStatement | XapiSubStatement, related: 0 | 1): void {
  const object: XapiStatementObject = statement.object;
  if (object.objectType === 'Agent' || object.objectType === 'Group') addActor(rows, object, related);
  else if (object.objectType === undefined || object.objectType === 'Activity') add(rows, { kind: 'c', value: object.id, related });
  const context = statement.context;
  if (context?.instructor) addActor(rows, context.instructor, 1);
  if (context?.team) addActor(rows, context.team, 1);
  for (const list of [context?.contextActivities?.parent, context?.contextActivities?.grouping, context?.contextActivities?.category, context?.contextActivities?.other]) {
    for (const activity of list ?? []) add(rows, { kind: 'c', value: activity.id, related: 1 });
  }
}

/**
 * Rows of the query index for one statement (Communication 2.1.3): actor and object match
 * `agent`; authority, instructor, team and group members only `related_agents`; the object
 * Activity matches `activity`; context activities and a SubStatement's only `related_activities`.
 */
export function indexRows(statement: XapiStatement): IndexRow[] {
  const rows = new Map<string, IndexRow>();
  addActor(rows, statement.actor, 0);
  add(rows, { kind: 'v', value: statement.verb.id, related: 0 });
  if (statement.context?.registration) add(rows, { kind: 'r', value: statement.context.registration.toLowerCase(), related: 0 });
  addObjectAndContext(rows, statement, 0);
  if (statement.object.objectType === 'SubStatement') {
    addActor(rows, statement.object.actor, 1);
    addObjectAndContext(rows, statement.object, 1);
  }
  addActor(rows, statement.authority, 1);
  return [...rows.values()];
}
