import type { TestProject } from 'vitest/node';
import { startPostgres } from '../helpers/postgres.ts';

/**
 * Starts one real PostgreSQL cluster for the test run (the progress service's tests run against
 * SQLite and PostgreSQL alike); each test file creates its own database on it. Never skipped:
 * without PostgreSQL installed the run fails and says how to install it.
 */
export default async function setup(project: TestProject) {
  const cluster = await startPostgres();
  project.provide('postgresUrl', cluster.baseUrl);
  return () => cluster.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
