import { describe, expect, it } from 'vitest';
import { pathProgressOf } from '../../src/progress/path-progress.ts';
import { localFacts, summarise } from '../../src/site/apps/progress/summary.ts';
import type { LocalModuleProgress } from '../../src/site/scripts/progress/local-progress.ts';

const site = 'http://localhost:4321';
const mod = (id: string, trade: string, duration: number) => ({ id, activity: `${site}/${id}/`, title: id, trade, skills: [], level: 1, duration, language: 'fr', authors: [] });
const catalogue = {
  modules: [mod('plomberie/a', 'plomberie', 30), mod('plomberie/b', 'plomberie', 45), mod('plomberie/c', 'plomberie', 60), mod('fibre/d', 'fibre', 20)],
  paths: [{ id: 'p', title: { fr: 'Parcours', en: 'Path' }, trade: 'plomberie', hours: 30, stages: [
    { title: 'Un', hours: 10, modules: ['plomberie/a', 'plomberie/b'], validation: 'none', skills: [] },
    { title: 'Deux', hours: 20, modules: ['plomberie/c'], validation: 'quiz', skills: [] },
    { title: 'Trois', hours: 5, modules: [], validation: 'tutor', skills: ['souder'] },
  ] }],
};
const entry = (id: string, completed: boolean, passed = false): [string, LocalModuleProgress] => [`${site}/${id}/`, {
  activity: `${site}/${id}/`, completedAt: completed ? '2026-03-02T10:00:00.000Z' : null, completedBy: completed ? 'x' : null, lastAt: '2026-03-02T10:00:00.000Z', lastScore: null, bestScore: null, attempts: passed ? 1 : 0, passed,
}];

describe('"My progress" figures', () => {
  it('counts modules and study hours per trade and path', () => {
    const summary = summarise(catalogue, new Map([entry('plomberie/a', true), entry('plomberie/b', true), entry('plomberie/c', false)]));
    expect(summary.trades).toEqual([{ trade: 'plomberie', done: 2, total: 3, studyHours: 1.3 }]);
    expect(summary.paths.map(({ id, done, total, studyHours }) => ({ id, done, total, studyHours }))).toEqual([{ id: 'p', done: 2, total: 3, studyHours: 1.3 }]);
    expect(summary.modules.map((module) => module.id).sort()).toEqual(['plomberie/a', 'plomberie/b', 'plomberie/c']);
  });

  it('follows the tutor’s stage rule: module minutes capped per stage, a quiz stage needs the quiz passed', () => {
    const completedNotPassed = summarise(catalogue, new Map([entry('plomberie/a', true), entry('plomberie/b', true), entry('plomberie/c', true)])).paths[0]!.progress;
    // 75 min in stage 1, 60 min in stage 2: hours are the modules' minutes, not the stage plans.
    expect(completedNotPassed.minutesDone).toBe(135);
    expect(completedNotPassed.stages.map((stage) => stage.status)).toEqual(['complete', 'in-progress', 'not-started']);
    expect(completedNotPassed.next).toEqual({ kind: 'quiz', stage: 1, moduleId: 'plomberie/c' });

    const passed = summarise(catalogue, new Map([entry('plomberie/a', true), entry('plomberie/b', true), entry('plomberie/c', true, true)])).paths[0]!.progress;
    // The tutor-validated stage cannot be complete on the device: validations live on the service.
    expect(passed.stageReached).toBe(2);
    expect(passed.complete).toBe(false);
    expect(passed.next).toEqual({ kind: 'validation', stage: 2, by: 'tutor', skills: ['souder'] });
  });

  it('gives the same figures as the service’s rule fed with the same facts', () => {
    const progress = new Map([entry('plomberie/a', true), entry('plomberie/c', false)]);
    const path = catalogue.paths[0]!;
    expect(summarise(catalogue, progress).paths[0]!.progress).toEqual(pathProgressOf('p', path, localFacts(catalogue, progress)));
    const facts = localFacts(catalogue, progress);
    expect([...facts.completedModules]).toEqual(['plomberie/a']);
    expect([...facts.startedModules]).toEqual(['plomberie/a', 'plomberie/c']);
    expect(facts.practicalMinutes.size + facts.validatedSkills.size).toBe(0);
  });

  it('shows nothing for a device with no record, and ignores activities not in the catalogue', () => {
    expect(summarise(catalogue, new Map())).toEqual({ modules: [], trades: [], paths: [] });
    expect(summarise(catalogue, new Map([entry('other/z', true)]))).toEqual({ modules: [], trades: [], paths: [] });
  });
});
