import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CheckConfig } from '../config/relais-config.ts';
import type { ModuleInput } from './check-module.ts';
import type { LibraryFacts } from './module-context.ts';
import { restoreMessages, type SerializedMessage, type WorkerCheck, type WorkerRead } from './module-job.ts';

/**
 * Below this many modules, starting threads costs more than it saves: each thread loads the
 * checker's code and warms its JIT again (about 0.5 s of CPU), and V8's own background threads
 * already use part of the second core. Measured on the 2-core machine (ADR 6): one thread is
 * faster at 300 and 500 modules, even at 1,000, and 15 % slower at 3,000.
 */
const minimumModules = 1000;

/**
 * This thread's head start in the deal, as a share of all module bytes: while the threads read
 * and parse their first modules, it reads and parses every YAML frontmatter and record
 * (`loadLibrary`), about a tenth of the module checks' time.
 */
const mainThreadHandicap = 0.1;

/** How many threads to use for `count` modules: `RELAIS_CHECK_THREADS` or the cores, up to 4 (1 = none). */
export function threadsFor(count: number): number {
  const configured = Number(process.env.RELAIS_CHECK_THREADS);
  if (Number.isInteger(configured) && configured >= 1) return Math.min(configured, Math.max(1, count));
  if (count < minimumModules) return 1;
  return Math.max(1, Math.min(4, availableParallelism(), Math.ceil(count / 100)));
}

/** A module file found before the library is read: where it is, the path reports give it, its size. */
export interface ModuleFileEntry {
  full: string;
  display: string;
  bytes: number;
}

export interface ModuleWorkers {
  /**
   * Checks the modules, each by the thread that was dealt its file (a module not dealt goes to
   * this thread), this thread checking its share with `checkHere` meanwhile; puts the messages
   * back on each module's VFile.
   */
  check(
    inputs: readonly ModuleInput[],
    facts: LibraryFacts,
    options: { config: CheckConfig; contentRoot: string; untrusted: boolean },
    checkHere: (input: ModuleInput) => void,
  ): Promise<void>;
  /** Stops the threads (when the check ends early). */
  stop(): Promise<void>;
}

/**
 * Starts `count` worker threads for module checks (parsing MDX is most of a check's time) and
 * deals the module files out by size between them and this thread, which is given less for the
 * YAML it reads meanwhile. Each thread reads and parses its files at once; the rules, which
 * need the whole library's facts, run when `check` sends them.
 */
export function startModuleWorkers(count: number, files: readonly ModuleFileEntry[], maxModuleBytes: number): ModuleWorkers {
  if (count < 1) throw new Error('startModuleWorkers: expected at least one thread');
  const workers = Array.from({ length: count }, () => new Worker(new URL('./module-worker.ts', import.meta.url)));
  const failures = workers.map(
    (worker) =>
      new Promise<never>((_, reject) => {
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`The checker's worker thread stopped with code ${code} before it answered`)));
      }),
  );
  for (const failure of failures) failure.catch(() => {}); // observed in check(); stop() may end them first
  // Share 0 is this thread's.
  const total = files.reduce((sum, file) => sum + file.bytes, 0);
  const sizes = [total * mainThreadHandicap, ...workers.map(() => 0)];
  const owner = new Map<string, number>();
  const dealt: ModuleFileEntry[][] = sizes.map(() => []);
  for (const file of [...files].sort((a, b) => b.bytes - a.bytes || a.display.localeCompare(b.display))) {
    const smallest = sizes.indexOf(Math.min(...sizes));
    owner.set(file.display, smallest);
    dealt[smallest]!.push(file);
    sizes[smallest]! += file.bytes;
  }
  workers.forEach((worker, index) => {
    const read: WorkerRead = { type: 'read', files: dealt[index + 1]!.map(({ full, display }) => ({ full, display })), maxModuleBytes };
    worker.postMessage(read);
  });
  return {
    async check(inputs, facts, options, checkHere) {
      const shares: ModuleInput[][] = sizes.map(() => []);
      for (const input of inputs) shares[owner.get(input.file.path) ?? 0]!.push(input);
      try {
        const answers = Promise.all(
          workers.map(async (worker, index) => {
            const share = shares[index + 1]!;
            const message: WorkerCheck = {
              type: 'check',
              jobs: share.map((input) => ({ path: input.file.path, text: input.text, id: input.id, data: input.data })),
              facts,
              config: options.config,
              contentRoot: options.contentRoot,
              untrusted: options.untrusted,
            };
            const answer = new Promise<SerializedMessage[][]>((resolve) => worker.once('message', resolve));
            worker.postMessage(message);
            const results = await Promise.race([answer, failures[index]!]);
            share.forEach((input, position) => restoreMessages(input.file, results[position] ?? []));
          }),
        );
        for (const input of shares[0]!) checkHere(input);
        await answers;
      } finally {
        await this.stop();
      }
    },
    async stop() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
