import { describe, expect, it } from 'vitest';
import { statement as statementSchema, verbs } from '../../src/schemas/xapi.ts';
import { uuidV4 } from '../../src/site/scripts/progress/ids.ts';
import { progressByModule } from '../../src/site/scripts/progress/local-progress.ts';
import type { LocalStatement } from '../../src/site/scripts/progress/queue-state.ts';
import { checklistCompleted, completedModule, experienced, isLocalActor, localActor, localDay, quizResult, voided, withActor, type Statement } from '../../src/site/scripts/progress/statements.ts';

const site = 'http://localhost:4321';
const module = { activity: `${site}/plomberie/braser-raccord-cuivre/`, title: 'Braser un raccord cuivre', language: 'fr' };
const actor = localActor(site, '00000000-0000-4000-8000-000000000001');
const at = new Date('2026-03-02T09:15:00.000Z');
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The service's own validation (src/schemas/xapi.ts): what the sync will send must pass it. */
function expectValid(statement: Statement) {
  const result = statementSchema.safeParse(statement);
  expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
}

describe('statement ids', () => {
  it('makes v4 UUIDs from random bytes, whatever the bytes', () => {
    expect(uuidV4((bytes) => bytes.fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(uuidV4((bytes) => bytes.fill(0))).toBe('00000000-0000-4000-8000-000000000000');
    const ids = new Set(Array.from({ length: 500 }, () => uuidV4()));
    expect(ids.size).toBe(500);
    for (const id of ids) expect(id).toMatch(uuid);
  });
});

describe('statement builders (docs/api.md, "Recording progress from the site")', () => {
  it('experienced: the module activity, ADL verb, valid xAPI', () => {
    const statement = experienced(module, actor, at);
    expect(statement).toMatchObject({ verb: { id: verbs.experienced }, object: { objectType: 'Activity', id: module.activity }, timestamp: '2026-03-02T09:15:00.000Z', actor });
    expect(statement.id).toMatch(uuid);
    expectValid(statement);
  });

  it('completed ("I did it") and its voiding are valid', () => {
    const done = completedModule(module, actor, at);
    expect(done).toMatchObject({ verb: { id: verbs.completed }, object: { id: module.activity }, result: { completion: true } });
    expectValid(done);
    const undo = voided(done.id, actor, at);
    expect(undo).toMatchObject({ verb: { id: verbs.voided }, object: { objectType: 'StatementRef', id: done.id } });
    expectValid(undo);
  });

  it('a quiz result: passed/failed on `<module>#quiz-1`, scaled and raw/min/max score, success, parent = module', () => {
    const passed = quizResult(module, 'quiz-1', true, actor, at);
    expect(passed).toMatchObject({
      verb: { id: verbs.passed },
      object: { id: `${module.activity}#quiz-1` },
      result: { score: { scaled: 1, raw: 1, min: 0, max: 1 }, success: true },
      context: { contextActivities: { parent: [{ id: module.activity }] } },
    });
    expectValid(passed);
    const failed = quizResult(module, 'quiz-1', false, actor, at);
    expect(failed).toMatchObject({ verb: { id: verbs.failed }, result: { score: { scaled: 0, raw: 0 }, success: false } });
    expectValid(failed);
  });

  it('a finished checklist is completed on `<module>#checklist-2` with the module as parent', () => {
    const statement = checklistCompleted(module, 'checklist-2', actor, at);
    expect(statement).toMatchObject({ verb: { id: verbs.completed }, object: { id: `${module.activity}#checklist-2` }, context: { contextActivities: { parent: [{ id: module.activity }] } } });
    expectValid(statement);
  });

  it('the local actor is recognisable, and is replaced by the joined one without changing the id', () => {
    expect(isLocalActor(actor)).toBe(true);
    const joined = { objectType: 'Agent' as const, account: { homePage: site, name: 'ap-k7q2m9xd3f4h' } };
    expect(isLocalActor(joined)).toBe(false);
    const statement = experienced(module, actor, at);
    const rewritten = withActor(statement, joined);
    expect(rewritten).toMatchObject({ id: statement.id, actor: joined, timestamp: statement.timestamp });
    expectValid(rewritten);
  });

  it('"once a day" uses the local calendar day', () => {
    expect(localDay(new Date(2026, 2, 2, 23, 59))).toBe('2026-03-02');
    expect(localDay(new Date(2026, 2, 3, 0, 1))).toBe('2026-03-03');
  });
});

describe('progress read from the local record', () => {
  const record = (statement: Statement, state: LocalStatement['state'] = 'queued'): LocalStatement => ({ id: statement.id, statement, state, recordedAt: statement.timestamp });
  const later = (minutes: number) => new Date(at.getTime() + minutes * 60_000);

  it('completed until voided; scores, attempts and last activity from the parts', () => {
    const done = completedModule(module, actor, later(5));
    const records = [
      record(experienced(module, actor, at)),
      record(quizResult(module, 'quiz-1', false, actor, later(1))),
      record(quizResult(module, 'quiz-1', true, actor, later(2))),
      record(done, 'synced'),
    ];
    const entry = progressByModule(records).get(module.activity)!;
    expect(entry).toMatchObject({ completedAt: later(5).toISOString(), completedBy: done.id, attempts: 2, bestScore: 1, lastScore: 1, lastAt: later(5).toISOString() });
    const undone = progressByModule([...records, record(voided(done.id, actor, later(6)))]).get(module.activity)!;
    expect(undone.completedAt).toBeNull();
  });

  it('a statement the service refused does not count', () => {
    const done = completedModule(module, actor, at);
    expect(progressByModule([{ ...record(done), state: 'rejected', error: '400: bad' }]).get(module.activity)).toBeUndefined();
  });
});
