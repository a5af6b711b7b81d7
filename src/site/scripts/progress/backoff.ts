/**
 * When to try again after the service could not be reached (network error, 5xx): exponential,
 * with jitter ("equal jitter": half fixed, half random) so that a classroom of phones coming back online does not retry in step.
 */
export const backoff = {
  /** First retry around this many ms… */
  baseMs: 5_000,
  /** …never later than this (a few minutes). */
  capMs: 5 * 60_000,
} as const;

/** Delay before retry number `failures` (1 = first failure). `random` is in [0, 1). */
export function retryDelay(failures: number, random: () => number = Math.random, options: { baseMs: number; capMs: number } = backoff): number {
  const exponent = Math.max(0, Math.min(failures - 1, 20));
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** exponent);
  // Half fixed, half random: never hammering (≥ ceiling/2), still spread out.
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
