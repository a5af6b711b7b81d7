import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export interface BuildResult {
  code: number;
  output: string;
}

const root = path.resolve(import.meta.dirname, '../..');

const lockDir = path.join(root, 'test-results', '.build-lock');

/**
 * Astro writes build files into the project's own `.astro/` whatever the output folder, so two
 * builds at once (parallel test files) break each other: builds take turns through a lock folder.
 */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(path.dirname(lockDir), { recursive: true });
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      // A lock left by a crashed run is stale after 5 minutes.
      try {
        if (Date.now() - statSync(lockDir).mtimeMs > 5 * 60_000) rmSync(lockDir, { recursive: true, force: true });
      } catch { /* taken and released meanwhile */ }
      if (Date.now() > deadline) throw new Error('Timed out waiting for another test build to finish');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/** Runs a real `astro build` of a content folder into its own output and cache folders. */
export function buildSite(options: { contentDir: string; outDir: string; cacheDir: string; env?: Record<string, string> }): Promise<BuildResult> {
  return withBuildLock(() => runBuild(options));
}

function runBuild(options: { contentDir: string; outDir: string; cacheDir: string; env?: Record<string, string> }): Promise<BuildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: root,
      env: {
        ...process.env,
        RELAIS_CONTENT_DIR: options.contentDir,
        RELAIS_OUT_DIR: options.outDir,
        RELAIS_CACHE_DIR: options.cacheDir,
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        // Vitest sets NODE_ENV=test, which Vite would pass on to the bundle: React islands would
        // ship React's development build (three times the size) instead of what `npm run build` makes.
        NODE_ENV: 'production',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}
