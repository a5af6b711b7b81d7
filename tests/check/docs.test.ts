import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleCatalogue, ruleIds } from '../../src/check/rule-catalogue.ts';

const docs = readFileSync(path.resolve(import.meta.dirname, '../../docs/check-rules.md'), 'utf8');
const headings = docs.split('\n').filter((line) => line.startsWith('### '));

describe('docs/check-rules.md', () => {
  it.each(ruleIds)('documents `%s` under its own heading, with its severity', (id) => {
    const heading = headings.findIndex((line) => line.includes(`\`${id}\``));
    expect(heading, `### \`${id}\``).toBeGreaterThanOrEqual(0);
    const section = docs.slice(docs.indexOf(headings[heading]!)).split('\n### ')[0]!;
    const info = ruleCatalogue[id];
    expect(section).toMatch(info.severity === 'required' ? /\*Required\.\*/ : new RegExp(`\\*${info.severity === 'error' ? 'Error' : 'Warning'}`));
    if ('fixable' in info) expect(section).toMatch(/fixable/);
  });
});
