import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../helpers/build-site.ts';

/**
 * Builds the example library once for the tests that read a built site (end-to-end, page
 * weight). Its folder is given to them as `exampleDist`.
 */
export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, '../..');
  // A folder per run: several test runs (CI, a developer, a watcher) may build at once.
  mkdirSync(path.join(root, 'test-results'), { recursive: true });
  const work = mkdtempSync(path.join(root, 'test-results', 'example-site-'));
  const outDir = path.join(work, 'dist');
  const result = await buildSite({ contentDir: path.join(root, 'content'), outDir, cacheDir: path.join(work, 'cache') });
  if (result.code !== 0) throw new Error(`The example library failed to build:\n${result.output}`);
  project.provide('exampleDist', outDir);
  return () => rmSync(work, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    exampleDist: string;
  }
}
