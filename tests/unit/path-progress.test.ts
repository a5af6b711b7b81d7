import { describe, expect, it } from 'vitest';
import { type ApprenticeFacts, hoursToMinutes, minutesToHours, pathProgressOf } from '../../src/progress/path-progress.ts';
import { missingForPath } from '../../src/progress/path-completion.ts';

/** Stage rules and hours arithmetic of path progress (src/progress/path-progress.ts), on a small hand-made path. */
const path = {
  title: 'Parcours test',
  stages: [
    { title: 'Bases', hours: 1.5, modules: ['t/a', 't/b'], validation: 'quiz', skills: [] },
    { title: 'Gestes', hours: 10, modules: ['t/b', 't/c'], validation: 'tutor', skills: ['geste'] },
    { title: 'Stage', hours: 35, modules: [], validation: 'company', skills: ['pose', 'mesure'] },
    { title: 'Atelier', hours: 0.1, modules: [], validation: 'none', skills: [] },
  ],
};
const durations: Record<string, number> = { 't/a': 25, 't/b': 40, 't/c': 33 };

function facts(changes: Partial<Omit<ApprenticeFacts, 'moduleMinutes'>> = {}): ApprenticeFacts {
  return {
    moduleMinutes: (id) => durations[id] ?? 0,
    completedModules: new Set(),
    passedModules: new Set(),
    startedModules: new Set(),
    practicalMinutes: new Map(),
    validatedSkills: new Map(),
    ...changes,
  };
}

describe('path progress', () => {
  it('starts with every stage not started, the first module next, planned hours in whole minutes', () => {
    const progress = pathProgressOf('p', path, facts());
    expect(progress.stages.map((stage) => stage.status)).toEqual(['not-started', 'not-started', 'not-started', 'not-started']);
    expect(progress.stages.map((stage) => stage.minutesPlanned)).toEqual([90, 600, 2100, 6]);
    expect(progress.minutesPlanned).toBe(2796);
    expect(progress.minutesDone).toBe(0);
    expect(progress.stageReached).toBe(0);
    expect(progress.next).toEqual({ kind: 'module', stage: 0, moduleId: 't/a' });
    expect(progress.complete).toBe(false);
  });

  it('keeps a quiz stage in progress until every quiz is passed, and asks for the missing quiz', () => {
    const done = new Set(['t/a', 't/b']);
    const progress = pathProgressOf('p', path, facts({ completedModules: done, startedModules: done, passedModules: new Set(['t/a']) }));
    expect(progress.stages[0]!.status).toBe('in-progress');
    expect(progress.next).toEqual({ kind: 'quiz', stage: 0, moduleId: 't/b' });
    const passed = pathProgressOf('p', path, facts({ completedModules: done, startedModules: done, passedModules: done }));
    expect(passed.stages[0]!.status).toBe('complete');
    expect(passed.stageReached).toBe(1);
  });

  it('counts a module listed in two stages once (in the first), and sums module minutes exactly', () => {
    const done = new Set(['t/a', 't/b', 't/c']);
    const progress = pathProgressOf('p', path, facts({ completedModules: done, startedModules: done, passedModules: done }));
    expect(progress.stages[0]!.minutesRecorded).toBe(65);
    expect(progress.stages[0]!.minutesDone).toBe(65);
    expect(progress.stages[1]!.minutesRecorded).toBe(33);
    expect(progress.stages[1]!.modulesCompleted).toBe(2);
    expect(progress.minutesDone).toBe(98);
    expect(progress.hoursDone).toBe(1.6);
  });

  it('needs a tutor stage’s skills validated (by a tutor or a company), and a company stage’s by a company', () => {
    const done = new Set(['t/a', 't/b', 't/c']);
    const base = { completedModules: done, startedModules: done, passedModules: done };
    const waiting = pathProgressOf('p', path, facts(base));
    expect(waiting.stages[1]!.status).toBe('in-progress');
    expect(waiting.next).toEqual({ kind: 'validation', stage: 1, by: 'tutor', skills: ['geste'] });

    const byTutor = pathProgressOf('p', path, facts({ ...base, validatedSkills: new Map([['geste', { byTutor: true, byCompany: false }], ['pose', { byTutor: true, byCompany: false }]]) }));
    expect(byTutor.stages[1]!.status).toBe('complete');
    // The tutor's word does not complete a company stage, but shows it started.
    expect(byTutor.stages[2]!.status).toBe('in-progress');
    expect(byTutor.stages[2]!.skillsValidated).toEqual([]);
    expect(byTutor.next).toEqual({ kind: 'validation', stage: 2, by: 'company', skills: ['pose', 'mesure'] });

    const byCompany = pathProgressOf(
      'p',
      path,
      facts({ ...base, validatedSkills: new Map([['geste', { byTutor: false, byCompany: true }], ['pose', { byTutor: false, byCompany: true }], ['mesure', { byTutor: true, byCompany: true }]]) }),
    );
    expect(byCompany.stages.slice(0, 3).map((stage) => stage.status)).toEqual(['complete', 'complete', 'complete']);
    expect(byCompany.stageReached).toBe(3);
    expect(byCompany.next).toEqual({ kind: 'hours', stage: 3, minutesMissing: 6 });
  });

  it('completes a stage with nothing to check once its hours are logged, and caps done minutes at planned', () => {
    const progress = pathProgressOf('p', path, facts({ practicalMinutes: new Map([[3, 4], [2, 3000]]) }));
    expect(progress.stages[3]!.status).toBe('in-progress');
    expect(progress.stages[3]!.minutesDone).toBe(4);
    expect(progress.stages[2]!.minutesRecorded).toBe(3000);
    expect(progress.stages[2]!.minutesDone).toBe(2100);
    expect(progress.minutesDone).toBe(2104);
    const logged = pathProgressOf('p', path, facts({ practicalMinutes: new Map([[3, 6]]) }));
    expect(logged.stages[3]!.status).toBe('complete');
  });

  it('is complete, with nothing next, when every stage is', () => {
    const done = new Set(['t/a', 't/b', 't/c']);
    const progress = pathProgressOf(
      'p',
      path,
      facts({
        completedModules: done,
        startedModules: done,
        passedModules: done,
        practicalMinutes: new Map([[3, 15]]),
        validatedSkills: new Map(['geste', 'pose', 'mesure'].map((skill) => [skill, { byTutor: false, byCompany: true }])),
      }),
    );
    expect(progress.complete).toBe(true);
    expect(progress.stageReached).toBeNull();
    expect(progress.next).toBeNull();
  });

  it('converts hours and minutes without float drift', () => {
    expect(hoursToMinutes(0.1) + hoursToMinutes(0.2)).toBe(hoursToMinutes(0.3));
    expect(hoursToMinutes(7.25)).toBe(435);
    expect(minutesToHours(10 * 6)).toBe(1);
    let total = 0;
    for (let index = 0; index < 1000; index++) total += hoursToMinutes(0.1);
    expect(total).toBe(6000);
    expect(minutesToHours(total)).toBe(100);
  });
});

describe('what is missing to complete a path (missingForPath, the words of a refused certificate)', () => {
  const company = new Map([['geste', { byCompany: false, byTutor: true }], ['pose', { byCompany: true, byTutor: false }], ['mesure', { byCompany: true, byTutor: false }]]);

  it('lists modules and validations per stage, then the quiz, then the hours of a stage with only hours', () => {
    expect(missingForPath(pathProgressOf('p', path, facts()))).toEqual([
      'stage 1: 2 modules to finish',
      'stage 2: 2 modules to finish',
      'stage 2: tutor validation of `geste`',
      'stage 3: company validation of `pose`, `mesure`',
      'stage 4: 0.1 practical hours to log',
    ]);
    const allModules = new Set(['t/a', 't/b', 't/c']);
    expect(missingForPath(pathProgressOf('p', path, facts({ completedModules: allModules, validatedSkills: company })))).toEqual(['stage 1: a passed quiz in every module', 'stage 4: 0.1 practical hours to log']);
    // A tutor's word does not count for a company stage.
    const byTutorOnly = new Map([...company].map(([skill]) => [skill, { byCompany: false, byTutor: true }]));
    expect(missingForPath(pathProgressOf('p', path, facts({ completedModules: allModules, passedModules: new Set(['t/a', 't/b']), validatedSkills: byTutorOnly, practicalMinutes: new Map([[3, 6]]) })))).toEqual([
      'stage 3: company validation of `pose`, `mesure`',
    ]);
    const complete = pathProgressOf('p', path, facts({ completedModules: allModules, passedModules: new Set(['t/a', 't/b']), validatedSkills: company, practicalMinutes: new Map([[3, 6]]) }));
    expect(complete.complete).toBe(true);
    expect(missingForPath(complete)).toEqual([]);
  });
});
