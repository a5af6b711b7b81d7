import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemaSources, toEditorJsonSchema } from '../../src/schemas/json-schema.ts';

const dir = path.resolve(import.meta.dirname, '../../schemas');

describe('JSON Schemas for editors', () => {
  it.each(Object.keys(jsonSchemaSources) as (keyof typeof jsonSchemaSources)[])('schemas/%s.schema.json is up to date (run `npm run schema`)', (name) => {
    const committed = JSON.parse(readFileSync(path.join(dir, `${name}.schema.json`), 'utf8'));
    expect(committed).toEqual(toEditorJsonSchema(name));
  });

  it('makes unknown frontmatter keys errors and lists the required ones', () => {
    const schema = toEditorJsonSchema('module-frontmatter') as { additionalProperties: boolean; required: string[] };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['title', 'summary', 'trade', 'skills', 'level', 'duration', 'language', 'authors', 'status']));
    expect(schema.required).not.toContain('prerequisites');
  });
});
