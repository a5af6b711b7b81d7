import type { Clock } from './context.ts';
import { tooManyRequests } from './errors.ts';

/**
 * Counts failures per key in a sliding window and refuses (429) once a key has too many:
 * tutor logins (per address and login, and per address), join codes and recovery codes (per
 * address). Kept in memory: per process, reset on restart.
 */
export class FailureThrottle {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #clock: Clock;
  readonly #failures = new Map<string, number[]>();

  constructor(options: { limit: number; windowMs: number; clock: Clock }) {
    this.#limit = options.limit;
    this.#windowMs = options.windowMs;
    this.#clock = options.clock;
  }

  #recent(key: string): number[] {
    const now = this.#clock.now();
    const times = (this.#failures.get(key) ?? []).filter((time) => time > now - this.#windowMs);
    if (times.length === 0) this.#failures.delete(key);
    else this.#failures.set(key, times);
    return times;
  }

  /** Throws 429 (with Retry-After) when the key is over its limit. */
  check(key: string, what: string): void {
    const times = this.#recent(key);
    if (times.length >= this.#limit) {
      const retryAfter = Math.max(1, Math.ceil((times[0]! + this.#windowMs - this.#clock.now()) / 1000));
      throw tooManyRequests(`Too many failed ${what} attempts`, retryAfter);
    }
  }

  fail(key: string): void {
    const times = this.#recent(key);
    times.push(this.#clock.now());
    this.#failures.set(key, times);
    if (this.#failures.size > 10_000) {
      for (const stale of this.#failures.keys()) {
        this.#recent(stale);
        if (this.#failures.size <= 5_000) break;
      }
    }
  }

  reset(key: string): void {
    this.#failures.delete(key);
  }
}
