import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * `relais serve` as a child process (the durability test kills it; the service benchmark loads
 * it from another process). Resolves once the banner with the bound port is printed.
 */
const root = path.resolve(import.meta.dirname, '../..');
const relais = path.join(root, 'bin', 'relais.mjs');

export interface ServiceProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** Everything the child wrote so far. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface ServiceStorage {
  /** A SQLite file, or a PostgreSQL URL. */
  db: string;
}


export function startServiceProcess(storage: ServiceStorage, options: { distDir: string; env?: Record<string, string> }): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [relais, 'serve', '--port', '0', '--dist', options.distDir, '--db', storage.db], {
    cwd: root,
    env: { ...process.env, RELAIS_LOG_REQUESTS: '0', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    let ready = false;
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Site:\s+(http:\/\/\S+\/)/.exec(output);
      if (match && !ready) {
        ready = true;
        resolve({ child, url: match[1]!, output: () => output, exited });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    exited.then(({ code, signal }) => reject(new Error(`relais serve exited (${code ?? signal}) before it was ready:\n${output}`)));
  });
}

/** Runs a `relais` command on the same storage; returns stdout, throws with stderr on failure. */
export function runRelais(args: string[], storage: ServiceStorage, env: Record<string, string> = {}): string {
  const result = spawnSync(process.execPath, [relais, ...args, '--db', storage.db], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`relais ${args.join(' ')} failed (${result.status}):\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

/** `relais client create` → an HTTP Basic Authorization header. */
export function createClientProcess(storage: ServiceStorage, name: string, centre?: string): { key: string; secret: string; authorization: string } {
  const printed = runRelais(['client', 'create', '--name', name, ...(centre ? ['--centre', centre] : [])], storage);
  const key = /^key: (\S+)$/m.exec(printed)?.[1];
  const secret = /^secret: (\S+)$/m.exec(printed)?.[1];
  if (!key || !secret) throw new Error(`Unexpected output of relais client create:\n${printed}`);
  return { key, secret, authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}` };
}
