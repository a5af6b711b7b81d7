import { describe, expect, it } from 'vitest';
import { checkLibraryFiles, checkSources } from '../helpers/check-sources.ts';
import { validSkill, validTrade } from '../helpers/sources.ts';

/** `unknown-path-skill`: a stage's skills exist and belong to the path's trades. */
const pathWith = (skills: string) => `title: Découverte\ntrade: plomberie\nstages:\n  - title: S\n    hours: 10\n    modules: [plomberie/couper]\n    skills: ${skills}\n    validation: company\n`;

describe('unknown-path-skill', () => {
  it('accepts skills of the path’s trade', () => {
    const lines = checkSources({ ...checkLibraryFiles(), 'paths/decouverte.yaml': pathWith('[brasage, coupe]') });
    expect(lines.filter((line) => line.includes('paths/'))).toEqual([]);
  });

  it('reports an unknown skill and a skill of another trade, at the item', () => {
    const lines = checkSources({
      ...checkLibraryFiles(),
      'trades/boulangerie.yaml': validTrade,
      'skills/petrissage.yaml': validSkill().replace(/trade: \w+/, 'trade: boulangerie'),
      'paths/decouverte.yaml': pathWith('[brasag, petrissage]'),
    });
    const reported = lines.filter((line) => line.includes('paths/decouverte.yaml'));
    expect(reported).toHaveLength(2);
    expect(reported[0]).toMatch(/decouverte\.yaml:7:\d+\s+error\s+Unexpected skill `brasag` in stage 1, expected one of `brasage`.*unknown-path-skill/);
    expect(reported[1]).toMatch(/Unexpected skill `petrissage` of trade `boulangerie` in stage 1, expected a skill of `plomberie`.*unknown-path-skill/);
  });
});
