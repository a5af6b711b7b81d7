/** `npm run schema`: writes schemas/*.schema.json from the zod schemas (editors validate content with them). */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { jsonSchemaSources, toEditorJsonSchema } from '../src/schemas/json-schema.ts';

const outDir = path.resolve(import.meta.dirname, '../schemas');
mkdirSync(outDir, { recursive: true });
for (const name of Object.keys(jsonSchemaSources) as (keyof typeof jsonSchemaSources)[]) {
  const file = path.join(outDir, `${name}.schema.json`);
  writeFileSync(file, `${JSON.stringify(toEditorJsonSchema(name), null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
