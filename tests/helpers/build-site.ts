import { spawn } from 'node:child_process';
import path from 'node:path';

export interface BuildResult {
  code: number;
  output: string;
}

const root = path.resolve(import.meta.dirname, '../..');

/** Runs a real `astro build` of a content folder into its own output and cache folders. */
export function buildSite(options: { contentDir: string; outDir: string; cacheDir: string; env?: Record<string, string> }): Promise<BuildResult> {
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
