import type { SourceFile } from '../../src/content/library.ts';
import { classifyContentPath } from '../../src/content/classify-path.ts';

/** Builds in-memory content sources from `{ 'trades/x.yaml': '…' }`, as the file reader would. */
export function sources(files: Record<string, string>): SourceFile[] {
  return Object.entries(files).map(([relative, text]) => {
    const classified = classifyContentPath(relative);
    if (!classified) throw new Error(`not a content path: ${relative}`);
    return { ...classified, path: `content/${relative}`, text };
  });
}

export const validTrade = 'label: { fr: Plomberie, en: Plumbing }\nrome: F1603\nsummary: Installer et réparer.\n';
export const validSkill = (trade = 'plomberie') => `trade: ${trade}\nlabel: { fr: Braser }\nlevels: { 1: a, 2: b, 3: c }\n`;
export const validAuthor = 'name: Jean\ntrades: [plomberie]\nyears: 30\nstory: Plombier.\nconsent: { publish: true, date: 2026-01-01 }\n';

export function moduleText(overrides: Record<string, string> = {}, body = '\nCorps.\n'): string {
  const fields: Record<string, string> = {
    title: 'Braser',
    summary: 'Résumé.',
    trade: 'plomberie',
    skills: '[brasage]',
    level: '1',
    duration: '10',
    language: 'fr',
    authors: '[jean]',
    prerequisites: '[]',
    status: 'published',
    ...overrides,
  };
  const yaml = Object.entries(fields)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
  return `---\n${yaml}\n---\n${body}`;
}

/** A small valid library; tests change one file to make one mistake. */
export function baseLibrary(): Record<string, string> {
  return {
    'trades/plomberie.yaml': validTrade,
    'trades/boulangerie.yaml': 'label: { fr: Boulangerie }\nrome: D1102\nsummary: Faire le pain.\n',
    'skills/brasage.yaml': validSkill(),
    'skills/petrissage.yaml': validSkill('boulangerie'),
    'authors/jean.yaml': validAuthor,
    'modules/plomberie/couper.mdx': moduleText({ title: 'Couper' }),
    'modules/plomberie/braser.mdx': moduleText({ prerequisites: '[plomberie/couper]' }),
  };
}
