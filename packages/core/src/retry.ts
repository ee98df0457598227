// The one retry helper: bounded attempts, a total time budget, and the server's Retry-After honoured.
import { type Clock, systemClock } from './clock.ts';
import type { Logger } from './log.ts';

/** How hard to try. */
export interface RetryPolicy {
  /** Retries after the first attempt (0 = try once). */
  retries: number;
  /** Total time for all attempts and waits, in milliseconds. */
  budgetMs: number;
  /** First wait when the server names none; doubles per retry. Default 500 ms. */
  baseDelayMs?: number;
  /** Longest wait chosen by backoff (a server's Retry-After may ask for more). Default 10 s. */
  maxDelayMs?: number;
}

/** Thrown by an attempt that may succeed if tried again, optionally after the wait the server asked for. */
export class TransientError extends Error {
  readonly retryAfterMs: number | undefined;
  /**
   * True when the server certainly did not act on the request (a rate limit, a refused connection), so
   * even a non-idempotent request may simply be sent again.
   */
  readonly hadNoEffect: boolean;

  constructor(
    message: string,
    options: { retryAfterMs?: number | undefined; hadNoEffect?: boolean; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'TransientError';
    this.retryAfterMs = options.retryAfterMs;
    this.hadNoEffect = options.hadNoEffect ?? false;
  }
}

/** Thrown when retries or the time budget ran out; `cause` is the last TransientError. */
export class RetryExhaustedError extends Error {
  readonly attempts: number;

  constructor(message: string, attempts: number, cause: TransientError) {
    super(message, { cause });
    this.name = 'RetryExhaustedError';
    this.attempts = attempts;
  }
}

/** Facts about one attempt. */
export interface AttemptInfo {
  /** 1 for the first attempt. */
  attempt: number;
  /** Milliseconds left in the budget when the attempt starts. */
  remainingMs: number;
}

export interface RetryOptions {
  clock?: Clock;
  /** Told before each wait: "<what failed>; retrying in 2 s". */
  log?: Logger;
  /** Source of jitter in [0, 1); injectable for tests. */
  random?: () => number;
}

/**
 * Runs `attempt` until it returns, throws a non-transient error, or the retries or budget run out.
 * A wait longer than the rest of the budget is not started: the caller hears at once that it cannot succeed.
 */
export async function withRetry<T>(
  attempt: (info: AttemptInfo) => Promise<T>,
  policy: RetryPolicy,
  options: RetryOptions = {},
): Promise<T> {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const base = policy.baseDelayMs ?? 500;
  const cap = policy.maxDelayMs ?? 10_000;
  const deadline = clock.now() + policy.budgetMs;

  for (let n = 1; ; n++) {
    try {
      return await attempt({ attempt: n, remainingMs: Math.max(0, deadline - clock.now()) });
    } catch (error) {
      if (!(error instanceof TransientError)) throw error;
      if (n > policy.retries) {
        throw new RetryExhaustedError(`${error.message} (gave up after ${n} attempts)`, n, error);
      }
      const backoff = Math.min(cap, base * 2 ** (n - 1)) * (0.5 + random() / 2);
      const waitMs = error.retryAfterMs ?? Math.round(backoff);
      const remainingMs = deadline - clock.now();
      if (waitMs > remainingMs) {
        const asked = error.retryAfterMs === undefined ? 'a retry' : `a wait of ${seconds(waitMs)}`;
        throw new RetryExhaustedError(
          `${error.message} (${asked} would exceed the time budget: ${seconds(Math.max(0, remainingMs))} of ${seconds(policy.budgetMs)} left after ${n} attempts)`,
          n,
          error,
        );
      }
      options.log?.info(
        `${error.message}; retrying in ${seconds(waitMs)} (attempt ${n + 1} of ${policy.retries + 1})`,
      );
      await clock.sleep(waitMs);
    }
  }
}

/**
 * Reads a Retry-After header (delay in seconds, or an HTTP date) as milliseconds from `now`.
 * Returns undefined when absent or unreadable, so the caller falls back to backoff.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
