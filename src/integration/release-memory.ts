import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Runs a full garbage collection and returns the memory JavaScript holds (heap and the buffers
 * outside it) before and after, in bytes; resident memory follows a moment later, as V8 sweeps
 * and gives pages back. Called once Astro has written every page, before Pagefind starts:
 * Pagefind is a separate process, so whatever Astro still holds of the render adds to its peak
 * (docs/adr/0009). `--expose-gc` set at run time makes `gc` visible in a new context only, which
 * is all this needs; the flag is turned off again for the rest of the build's code.
 */
export function releaseMemory(): { before: number; after: number } {
  const held = () => {
    const usage = process.memoryUsage();
    return usage.heapUsed + usage.external;
  };
  const before = held();
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  setFlagsFromString('--no-expose-gc');
  gc?.();
  return { before, after: held() };
}
