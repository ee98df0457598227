import { describe, expect, test } from '@jest/globals';
import type { Clock } from '../src/clock.ts';
import { parseRetryAfter, RetryExhaustedError, TransientError, withRetry } from '../src/retry.ts';

function fakeClock(): Clock & { waits: number[] } {
  let now = 1_000_000;
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
  };
}

describe('withRetry', () => {
  test('waits exactly what Retry-After asked for, then succeeds', async () => {
    const clock = fakeClock();
    let calls = 0;
    const value = await withRetry(
      async () => {
        calls++;
        if (calls < 3) throw new TransientError('rate limited', { retryAfterMs: 2000 });
        return 'sent';
      },
      { retries: 5, budgetMs: 60_000 },
      { clock },
    );
    expect(value).toBe('sent');
    expect(clock.waits).toEqual([2000, 2000]);
  });

  test('backs off exponentially with jitter when the server names no wait', async () => {
    const clock = fakeClock();
    await expect(
      withRetry(
        async () => {
          throw new TransientError('HTTP 503');
        },
        { retries: 3, budgetMs: 60_000, baseDelayMs: 100 },
        { clock, random: () => 0.5 },
      ),
    ).rejects.toThrow('HTTP 503 (gave up after 4 attempts)');
    expect(clock.waits).toEqual([75, 150, 300]);
  });

  test('refuses a wait longer than the rest of the budget, before waiting', async () => {
    const clock = fakeClock();
    const error = await withRetry(
      async () => {
        throw new TransientError('rate limited', { retryAfterMs: 90_000 });
      },
      { retries: 5, budgetMs: 60_000 },
      { clock },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RetryExhaustedError);
    expect((error as Error).message).toMatch(
      /a wait of 90 s would exceed the time budget: 60 s of 60 s left after 1 attempts/,
    );
    expect(clock.waits).toEqual([]);
  });

  test('does not retry other errors', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw new Error('channel_not_found');
        },
        { retries: 5, budgetMs: 1000 },
      ),
    ).rejects.toThrow('channel_not_found');
    expect(calls).toBe(1);
  });

  test('logs each retry with the wait', async () => {
    const lines: string[] = [];
    const clock = fakeClock();
    let calls = 0;
    await withRetry(
      async () => {
        if (++calls === 1)
          throw new TransientError('chat.postMessage was rate limited by Slack', { retryAfterMs: 3000 });
      },
      { retries: 1, budgetMs: 10_000 },
      { clock, log: { info: (line) => lines.push(line), warning() {}, debug() {} } },
    );
    expect(lines).toEqual(['chat.postMessage was rate limited by Slack; retrying in 3 s (attempt 2 of 2)']);
  });
});

describe('parseRetryAfter', () => {
  test('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('30')).toBe(30_000);
    expect(parseRetryAfter('1.5')).toBe(1500);
    expect(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')),
    ).toBe(10_000);
  });

  test('gives undefined for absent or unreadable values', () => {
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
