import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/build-example.ts', 'tests/setup/postgres.ts'],
    reporters: ['default', './tests/reporters/closing-line.ts'],
    testTimeout: 300_000,
    hookTimeout: 600_000,
    // Builds and a browser share 2 cores; more workers only slow each other down.
    maxWorkers: 2,
  },
});
