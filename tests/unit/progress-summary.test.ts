import { describe, expect, it } from 'vitest';
import { summarise } from '../../src/site/apps/progress/summary.ts';
import type { LocalModuleProgress } from '../../src/site/scripts/progress/local-progress.ts';

const site = 'http://localhost:4321';
const mod = (id: string, trade: string, duration: number) => ({ id, activity: `${site}/${id}/`, title: id, trade, skills: [], level: 1, duration, language: 'fr', authors: [] });
const catalogue = {
  modules: [mod('plomberie/a', 'plomberie', 30), mod('plomberie/b', 'plomberie', 45), mod('plomberie/c', 'plomberie', 60), mod('fibre/d', 'fibre', 20)],
  paths: [{ id: 'p', title: { fr: 'Parcours', en: 'Path' }, trade: 'plomberie', hours: 30, stages: [
    { title: 'Un', hours: 10, modules: ['plomberie/a', 'plomberie/b'], validation: 'none', skills: [] },
    { title: 'Deux', hours: 20, modules: ['plomberie/c'], validation: 'quiz', skills: [] },
  ] }],
};
const entry = (id: string, completed: boolean): [string, LocalModuleProgress] => [`${site}/${id}/`, {
  activity: `${site}/${id}/`, completedAt: completed ? '2026-03-02T10:00:00.000Z' : null, completedBy: completed ? 'x' : null, lastAt: '2026-03-02T10:00:00.000Z', lastScore: null, bestScore: null, attempts: 0,
}];

describe('"My progress" figures', () => {
  it('counts modules and study hours per trade and path, and the hours of finished stages', () => {
    const summary = summarise(catalogue, new Map([entry('plomberie/a', true), entry('plomberie/b', true), entry('plomberie/c', false)]));
    expect(summary.trades).toEqual([{ trade: 'plomberie', done: 2, total: 3, studyHours: 1.3 }]);
    expect(summary.paths).toEqual([{ id: 'p', title: { fr: 'Parcours', en: 'Path' }, done: 2, total: 3, studyHours: 1.3, stageHoursDone: 10, hours: 30 }]);
    expect(summary.modules.map((module) => module.id).sort()).toEqual(['plomberie/a', 'plomberie/b', 'plomberie/c']);
  });

  it('shows nothing for a device with no record, and ignores activities not in the catalogue', () => {
    expect(summarise(catalogue, new Map())).toEqual({ modules: [], trades: [], paths: [] });
    expect(summarise(catalogue, new Map([entry('other/z', true)]))).toEqual({ modules: [], trades: [], paths: [] });
  });
});
