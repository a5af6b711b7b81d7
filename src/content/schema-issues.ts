import type { z } from 'zod';
import type { VFile } from 'vfile';
import type { YamlSource } from './yaml-source.ts';
import { reportError } from './report.ts';

/** Shows a path the way an author writes it: `stages[1].modules[0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
}

/** Keys an object schema accepts, to tell an author what was expected instead of an unknown key. */
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  for (const part of [...path, null]) {
    // Unwrap optional/default/pipe/array wrappers until an object shape appears.
    for (let guard = 0; guard < 8; guard++) {
      const def = (current as { def?: Record<string, unknown> })?.def;
      if (!def) break;
      if (def.type === 'object') break;
      current = def.innerType ?? def.in ?? (def.type === 'array' ? def.element : undefined) ?? (def.options as unknown[] | undefined)?.find((o) => (o as { def?: { type?: string } }).def?.type === 'object');
    }
    const shape = (current as { def?: { shape?: Record<string, unknown> } })?.def?.shape;
    if (part === null) return shape ? Object.keys(shape) : [];
    if (typeof part === 'number') continue;
    current = shape?.[String(part)];
  }
  return [];
}

/**
 * Validates `source.data` against `schema`, reporting every issue at the YAML key it concerns.
 * Returns the parsed value, or undefined when the file is invalid.
 */
export function parseWithSchema<T extends z.ZodType>(schema: T, source: YamlSource, file: VFile): z.infer<T> | undefined {
  for (const error of source.syntaxErrors) {
    reportError(file, `Invalid YAML: ${error.message}`, error.place, 'yaml-syntax');
  }
  if (source.syntaxErrors.length > 0) return undefined;
  const result = schema.safeParse(source.data ?? {});
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const where = formatPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const expected = knownKeys(schema, issue.path);
      for (const key of issue.keys) {
        const hint = expected.length ? `, expected one of ${expected.map((k) => `\`${k}\``).join(', ')}` : '';
        reportError(file, `Unexpected key \`${where ? `${where}.` : ''}${key}\`${hint}`, source.locate([...issue.path, key], { key: true }), 'schema');
      }
      continue;
    }
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    if (missing) {
      reportError(file, `Missing \`${where}\`: add it (${issue.message.replace(/^Invalid input: /, '')})`, source.locate(issue.path.slice(0, -1)), 'schema');
      continue;
    }
    const message = issue.message.replace(/^Invalid input: /, '');
    reportError(file, `Invalid \`${where || '(file)'}\`: ${message}`, source.locate(issue.path), 'schema');
  }
  return undefined;
}
