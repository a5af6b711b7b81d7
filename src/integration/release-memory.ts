import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Runs a full garbage collection and returns the JavaScript heap in use before and after, in
 * bytes (the resident memory follows a moment later, as V8 sweeps and gives pages back). Called when Astro has written every page and before Pagefind starts: Pagefind is a
 * separate process, so whatever Astro's heap still holds of the render adds to its peak
 * (docs/adr/0009). `--expose-gc` set at run time makes `gc` visible in a new context only, which
 * is all this needs; the flag is not left on for the rest of the build's code.
 */
export function releaseMemory(): { before: number; after: number } {
  const before = process.memoryUsage().heapUsed;
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  setFlagsFromString('--no-expose-gc');
  gc?.();
  return { before, after: process.memoryUsage().heapUsed };
}
