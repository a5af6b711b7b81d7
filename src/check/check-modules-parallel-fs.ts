import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CheckConfig } from '../config/relais-config.ts';
import type { ModuleInput } from './check-module.ts';
import type { LibraryFacts } from './module-context.ts';
import { restoreMessages, type SerializedMessage, type WorkerInput } from './module-job.ts';

/** Below this many modules, starting threads costs more than it saves. */
const minimumModules = 300;

/** How many threads to use for `count` modules: `RELAIS_CHECK_THREADS` or the cores, up to 4 (1 = none). */
export function threadsFor(count: number): number {
  const configured = Number(process.env.RELAIS_CHECK_THREADS);
  if (Number.isInteger(configured) && configured >= 1) return Math.min(configured, Math.max(1, count));
  if (count < minimumModules) return 1;
  return Math.max(1, Math.min(4, availableParallelism(), Math.ceil(count / 100)));
}

export interface ModuleWorkers {
  /**
   * Checks the modules, dealt out by size between the threads and this one (which checks its
   * share with `checkHere` meanwhile), and puts the messages back on each module's VFile.
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
 * Starts `count` worker threads for module checks (parsing MDX is most of a check's time).
 * They load their code while the caller reads the library, then each gets one share.
 */
export function startModuleWorkers(count: number): ModuleWorkers {
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
  return {
    async check(inputs, facts, options, checkHere) {
      // Share 0 is this thread's.
      const shares: ModuleInput[][] = [[], ...workers.map(() => [])];
      const sizes = shares.map(() => 0);
      for (const input of [...inputs].sort((a, b) => b.text.length - a.text.length)) {
        const smallest = sizes.indexOf(Math.min(...sizes));
        shares[smallest]!.push(input);
        sizes[smallest]! += input.text.length;
      }
      try {
        const answers = Promise.all(
          workers.map(async (worker, index) => {
            const share = shares[index + 1]!;
            const message: WorkerInput = {
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
