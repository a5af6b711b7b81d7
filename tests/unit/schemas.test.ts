import { describe, expect, it } from 'vitest';
import { authorSchema, glossarySchema, moduleFrontmatterSchema, pathSchema, skillSchema, tradeSchema } from '../../src/schemas/index.ts';

const validModule = {
  title: 'Braser un raccord cuivre',
  summary: 'Pourquoi et comment.',
  trade: 'plomberie',
  skills: ['brasage-cuivre'],
  level: 1,
  duration: 25,
  language: 'fr',
  authors: ['jean-martin'],
  prerequisites: ['plomberie/couper-tube'],
  source: { recording: 'media/jean.m4a', transcript: 'media/jean.vtt' },
  status: 'published',
  reviewed: { by: 'marie-dubois', on: '2026-10-02' },
  licence: 'CC-BY-SA-4.0',
};

describe('module frontmatter schema', () => {
  it('accepts the frontmatter of DESIGN.md', () => {
    expect(moduleFrontmatterSchema.parse(validModule)).toMatchObject({ level: 1, reviewed: { on: '2026-10-02' } });
  });

  it('normalises a YAML date object to YYYY-MM-DD (js-yaml reads dates as Date)', () => {
    const parsed = moduleFrontmatterSchema.parse({ ...validModule, reviewed: { by: 'marie-dubois', on: new Date('2026-10-02') } });
    expect(parsed.reviewed?.on).toBe('2026-10-02');
  });

  it('defaults prerequisites to an empty list', () => {
    const { prerequisites: _omitted, ...rest } = validModule;
    expect(moduleFrontmatterSchema.parse(rest).prerequisites).toEqual([]);
  });

  it.each([
    ['an unknown key', { ...validModule, tags: ['x'] }, 'unrecognized_keys'],
    ['a title over 80 characters', { ...validModule, title: 'x'.repeat(81) }, 'too_big'],
    ['level 4', { ...validModule, level: 4 }, 'invalid_union'],
    ['a fractional duration', { ...validModule, duration: 2.5 }, 'invalid_type'],
    ['no skill', { ...validModule, skills: [] }, 'too_small'],
    ['a prerequisite without trade', { ...validModule, prerequisites: ['couper-tube'] }, 'invalid_format'],
    ['an unknown status', { ...validModule, status: 'done' }, 'invalid_value'],
    ['a recording outside media/', { ...validModule, source: { recording: '../secret.m4a' } }, 'invalid_format'],
    ['a path escaping media/', { ...validModule, source: { recording: 'media/../../etc/passwd' } }, 'custom'],
    ['a bad date', { ...validModule, reviewed: { by: 'marie', on: '02/10/2026' } }, 'invalid_format'],
    ['an upper-case skill id', { ...validModule, skills: ['Brasage'] }, 'invalid_format'],
    ['a missing title', { ...validModule, title: undefined }, 'invalid_type'],
  ])('rejects %s', (_name, input, code) => {
    const result = moduleFrontmatterSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.code)).toContain(code);
  });
});

describe('other content schemas', () => {
  it('accepts a trade and rejects a ROME 3 style code', () => {
    expect(tradeSchema.safeParse({ label: { fr: 'Plomberie', en: 'Plumbing' }, rome: 'F1603', summary: 'x' }).success).toBe(true);
    expect(tradeSchema.safeParse({ label: { fr: 'Plomberie' }, rome: 'F16', summary: 'x' }).success).toBe(false);
  });

  it('requires the three level descriptors of a skill', () => {
    expect(skillSchema.safeParse({ trade: 'plomberie', label: { fr: 'x' }, levels: { 1: 'a', 2: 'b', 3: 'c' } }).success).toBe(true);
    expect(skillSchema.safeParse({ trade: 'plomberie', label: { fr: 'x' }, levels: { 1: 'a', 2: 'b' } }).success).toBe(false);
  });

  it('requires consent to publish an author', () => {
    const author = { name: 'Jean', trades: ['plomberie'], years: 32, story: 'x' };
    expect(authorSchema.safeParse(author).success).toBe(false);
    expect(authorSchema.safeParse({ ...author, consent: { publish: true, date: '2026-01-25' }, example: true }).success).toBe(true);
  });

  it('checks path stages: hours, module ids and validation kind', () => {
    const stage = { title: 'Bases', hours: 35, modules: ['plomberie/couper'], validation: 'quiz' };
    expect(pathSchema.safeParse({ title: { fr: 'P', en: 'P' }, stages: [stage] }).success).toBe(true);
    expect(pathSchema.safeParse({ title: 'P', stages: [] }).success).toBe(false);
    expect(pathSchema.safeParse({ title: 'P', stages: [{ ...stage, hours: -1 }] }).success).toBe(false);
    expect(pathSchema.safeParse({ title: 'P', stages: [{ ...stage, validation: 'exam' }] }).success).toBe(false);
  });

  it('accepts glossary entries with glosses and rejects unknown fields', () => {
    expect(glossarySchema.safeParse({ brasure: { definition: 'x', glosses: { ar: 'y' } } }).success).toBe(true);
    expect(glossarySchema.safeParse({ brasure: { definition: 'x', image: 'y' } }).success).toBe(false);
  });
});
