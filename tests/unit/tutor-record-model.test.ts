import { describe, expect, it } from 'vitest';
import { stageReachedOf } from '../../src/site/apps/tutor/grid-model.ts';
import { companySkills, linkStatus, localDay, photoProblem, skillsOfPaths, toBase64 } from '../../src/site/apps/tutor/record-model.ts';

const levels = { 1: 'guidé', 2: 'seul', 3: 'transmet' };
const catalogue = {
  paths: [
    { id: 'plomb', title: { fr: 'Plomberie' }, hours: 10, trade: 'plomberie', stages: [{ validation: 'tutor', skills: ['braser'] }, { validation: 'company', skills: ['poser', 'elec-x'] }] },
    { id: 'libre', title: { fr: 'Libre' }, hours: 5, trade: null, stages: [{ validation: 'tutor', skills: ['tirer-fibre'] }] },
  ],
  modules: [],
  skills: [
    { id: 'braser', trade: 'plomberie', label: 'Braser', levels },
    { id: 'poser', trade: 'plomberie', label: 'Poser', levels },
    { id: 'tirer-fibre', trade: 'fibre', label: 'Tirer', levels },
    { id: 'elec-x', trade: 'electricite', label: 'Câbler', levels },
    { id: 'souder', trade: 'metal', label: 'Souder', levels },
  ],
};

describe('apprentice record helpers', () => {
  it('says a link is used, revoked, expired or open', () => {
    const now = Date.parse('2026-03-10T12:00:00Z');
    const open = { usedAt: null, revokedAt: null, expiresAt: '2026-03-11T00:00:00Z' };
    expect(linkStatus(open, now)).toBe('active');
    expect(linkStatus({ ...open, expiresAt: '2026-03-10T12:00:00Z' }, now)).toBe('expired');
    expect(linkStatus({ ...open, revokedAt: '2026-03-09T00:00:00Z' }, now)).toBe('revoked');
    expect(linkStatus({ ...open, usedAt: '2026-03-09T00:00:00Z', expiresAt: '2026-03-01T00:00:00Z' }, now)).toBe('used');
  });

  it('lists the skills of the paths’ trades and those their stages name, in catalogue order', () => {
    expect(skillsOfPaths(catalogue, ['plomb']).map((skill) => skill.id)).toEqual(['braser', 'poser', 'elec-x']);
    expect(skillsOfPaths(catalogue, ['libre']).map((skill) => skill.id)).toEqual(['tirer-fibre']);
    expect(skillsOfPaths(catalogue, ['unknown'])).toEqual([]);
    expect(companySkills(catalogue, ['plomb', 'libre'])).toEqual(['poser', 'elec-x']);
    expect(companySkills(null, ['plomb'])).toEqual([]);
  });

  it('checks a photo before sending it', () => {
    expect(photoProblem({ type: 'image/jpeg', size: 1000 })).toBeNull();
    expect(photoProblem({ type: 'image/gif', size: 1000 })).toBe('type');
    expect(photoProblem({ type: 'image/png', size: 5 * 1024 * 1024 + 1 })).toBe('size');
  });

  it('encodes bytes as base64, also past one chunk', () => {
    const bytes = new Uint8Array(70_000).map((_, index) => index % 251);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(toBase64(new Uint8Array())).toBe('');
  });

  it('gives today in local time as YYYY-MM-DD', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });

  it('says where a grid row stands in the path', () => {
    expect(stageReachedOf({ stageStatus: [], stageReached: null })).toEqual({ kind: 'none' });
    expect(stageReachedOf({ stageStatus: ['complete', 'complete'], stageReached: null })).toEqual({ kind: 'complete' });
    expect(stageReachedOf({ stageStatus: ['complete', 'in-progress', 'not-started'], stageReached: 1 })).toEqual({ kind: 'stage', index: 1, status: 'in-progress' });
  });
});
