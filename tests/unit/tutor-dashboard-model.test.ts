import { describe, expect, it } from 'vitest';
import type { GridResponse, GridRow } from '../../src/schemas/centre-api.ts';
import { chartBars } from '../../src/site/apps/tutor/chart-model.ts';
import { daysInactive, filterRows, groupModulesByStage, isInactive, relativeTime, sortRows } from '../../src/site/apps/tutor/grid-model.ts';
import { placeSearch, readPlace } from '../../src/site/apps/tutor/url-state.ts';

const now = Date.parse('2026-03-20T12:00:00.000Z');
const ago = (ms: number) => new Date(now - ms).toISOString();
const day = 86_400_000;

function row(id: string, nickname: string | null, fields: Partial<GridRow> = {}): GridRow {
  return { apprentice: { id, nickname }, joinedAt: '2026-03-02T09:00:00.000Z', lastActivityAt: null, modulesCompleted: 0, hoursDone: 0, stageStatus: [], stageReached: null, averageScore: null, cells: {}, ...fields };
}

describe('relativeTime', () => {
  it('says how long ago in the page language, days up to four weeks', () => {
    expect(relativeTime(ago(10_000), now, 'en')).toBe('now');
    expect(relativeTime(ago(5 * 60_000), now, 'en')).toBe('5 minutes ago');
    expect(relativeTime(ago(3 * 3_600_000), now, 'en')).toBe('3 hours ago');
    expect(relativeTime(ago(day), now, 'en')).toBe('yesterday');
    expect(relativeTime(ago(day - 60_000), now, 'en')).toBe('yesterday');
    expect(relativeTime(ago(3 * day), now, 'en')).toBe('3 days ago');
    expect(relativeTime(ago(20 * day), now, 'en')).toBe('20 days ago');
    expect(relativeTime(ago(60 * day), now, 'en')).toBe('2 months ago');
    expect(relativeTime(ago(800 * day), now, 'en')).toBe('2 years ago');
    expect(relativeTime(ago(3 * day), now, 'fr')).toBe('il y a 3 jours');
    expect(relativeTime(ago(3 * day), now, 'ar')).toMatch(/قبل/);
  });
});

describe('inactivity', () => {
  it('counts from the last activity, or from joining for someone who never started', () => {
    expect(daysInactive(row('ap-aaaaaa', 'A', { lastActivityAt: ago(3 * day) }), now)).toBe(3);
    expect(isInactive(row('ap-aaaaaa', 'A', { lastActivityAt: ago(13 * day) }), now)).toBe(false);
    expect(isInactive(row('ap-aaaaaa', 'A', { lastActivityAt: ago(14 * day) }), now)).toBe(true);
    expect(isInactive(row('ap-aaaaaa', 'A', { joinedAt: ago(2 * day) }), now)).toBe(false);
    expect(isInactive(row('ap-aaaaaa', 'A', { joinedAt: ago(15 * day) }), now)).toBe(true);
  });
});

describe('sortRows and filterRows', () => {
  const rows = [
    row('ap-cccccc', 'Zoé', { hoursDone: 17.5, modulesCompleted: 1, lastActivityAt: ago(day) }),
    row('ap-aaaaaa', 'amine', { hoursDone: 35, modulesCompleted: 2, lastActivityAt: ago(20 * day) }),
    row('ap-bbbbbb', null, { hoursDone: 0 }),
    row('ap-dddddd', 'Élodie', { hoursDone: 17.5, modulesCompleted: 1, lastActivityAt: ago(2 * day) }),
  ];
  const names = (list: GridRow[]) => list.map((item) => item.apprentice.nickname ?? item.apprentice.id);

  it('sorts by name ignoring case and accents, the id standing in for a missing nickname', () => {
    expect(names(sortRows(rows, 'name', 'ascending', 'fr'))).toEqual(['amine', 'ap-bbbbbb', 'Élodie', 'Zoé']);
    expect(names(sortRows(rows, 'name', 'descending', 'fr'))).toEqual(['Zoé', 'Élodie', 'ap-bbbbbb', 'amine']);
  });

  it('sorts by progress (hours, then modules), ties by name', () => {
    expect(names(sortRows(rows, 'progress', 'descending', 'fr'))).toEqual(['amine', 'Élodie', 'Zoé', 'ap-bbbbbb']);
    expect(names(sortRows(rows, 'progress', 'ascending', 'fr'))).toEqual(['ap-bbbbbb', 'Élodie', 'Zoé', 'amine']);
  });

  it('sorts by last activity, never-active apprentices as the oldest', () => {
    expect(names(sortRows(rows, 'activity', 'descending', 'fr'))).toEqual(['Zoé', 'Élodie', 'amine', 'ap-bbbbbb']);
    expect(names(sortRows(rows, 'activity', 'ascending', 'fr'))).toEqual(['ap-bbbbbb', 'amine', 'Élodie', 'Zoé']);
  });

  it('does not change the rows it is given', () => {
    const before = names(rows);
    sortRows(rows, 'progress', 'descending', 'fr');
    expect(names(rows)).toEqual(before);
  });

  it('filters by name ignoring case, accents and surrounding spaces', () => {
    expect(names(filterRows(rows, ' elo '))).toEqual(['Élodie']);
    expect(names(filterRows(rows, 'BBB'))).toEqual(['ap-bbbbbb']);
    expect(filterRows(rows, '')).toHaveLength(4);
    expect(filterRows(rows, 'personne')).toHaveLength(0);
  });
});

describe('groupModulesByStage', () => {
  const module = (id: string, stage: number | null) => ({ id, title: id, trade: 'fibre-optique', duration: 20, stage });
  const grid: Pick<GridResponse, 'path' | 'modules'> = {
    path: {
      id: 'p',
      title: { fr: 'P' },
      hours: 175,
      stages: [
        { title: { fr: 'Sécurité', en: 'Safety' }, hours: 35, validation: 'quiz', modules: ['a/one', 'a/two'], skills: [] },
        { title: { fr: 'Stage' }, hours: 105, validation: 'company', modules: [], skills: ['souder'] },
        { title: { fr: 'Souder', en: 'Splice' }, hours: 35, validation: 'tutor', modules: ['a/three'], skills: [] },
      ],
    },
    modules: [module('a/one', 0), module('a/two', 0), module('a/three', 2), module('b/extra', null)],
  };

  it('groups modules under their stage in path order, skips stages without modules, then the others', () => {
    const groups = groupModulesByStage(grid, 'en');
    expect(groups.map((group) => [group.title?.text ?? null, group.hours, group.modules.map((item) => item.id)])).toEqual([
      ['Safety', 35, ['a/one', 'a/two']],
      ['Splice', 35, ['a/three']],
      [null, null, ['b/extra']],
    ]);
  });

  it('falls back to French for a stage title the page language lacks, and says so', () => {
    expect(groupModulesByStage(grid, 'ar')[0]!.title).toEqual({ text: 'Sécurité', lang: 'fr' });
  });

  it('puts every module in one group when the cohort has no path', () => {
    const groups = groupModulesByStage({ path: null, modules: [module('b/extra', null), module('c/other', null)] }, 'fr');
    expect(groups).toHaveLength(1);
    expect(groups[0]!.title).toBeNull();
  });
});

describe('url state', () => {
  it('reads and writes the place, ignoring an unknown tab', () => {
    expect(readPlace('?cohorte=co-abc123&vue=activite&apprenti=ap-abcdef')).toEqual({ cohortId: 'co-abc123', apprenticeId: 'ap-abcdef', tab: 'activite' });
    expect(readPlace('?vue=nimporte')).toEqual({ cohortId: null, apprenticeId: null, tab: 'progression' });
    expect(placeSearch({ cohortId: 'co-abc123', apprenticeId: null, tab: 'progression' })).toBe('?cohorte=co-abc123');
    expect(placeSearch({ cohortId: null, apprenticeId: null, tab: 'activite' })).toBe('');
    const place = { cohortId: 'co-abc123', apprenticeId: 'ap-abcdef', tab: 'activite' as const };
    expect(readPlace(placeSearch(place))).toEqual(place);
  });
});

describe('chartBars', () => {
  it('scales bars to the largest value and keeps them in the box', () => {
    const layout = chartBars([0, 2, 4], { width: 300, height: 120, top: 10, bottom: 20 });
    expect(layout.baseline).toBe(100);
    expect(layout.bars.map((bar) => bar.height)).toEqual([0, 45, 90]);
    expect(layout.bars[2]!.y).toBe(10);
    for (const bar of layout.bars) expect(bar.x + bar.width).toBeLessThanOrEqual(300);
  });

  it('draws a flat line for weeks without activity', () => {
    expect(chartBars([0, 0], { width: 100, height: 100, top: 0, bottom: 0 }).bars.every((bar) => bar.height === 0)).toBe(true);
  });
});
