// The health wait: 200 and the expected commit, with a fake clock and answers scripted per attempt.
import { describe, expect, test } from '@jest/globals';
import {
  describeAnswer,
  type HealthAnswer,
  type HealthProbe,
  judgeAnswer,
  sameCommit,
  waitForHealth,
} from '../src/health.ts';

const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const OLD = 'fedcba9876543210fedcba9876543210fedcba98';
const ok = (commit: string) => ({
  status: 200,
  body: JSON.stringify({ status: 'ok', commit, version: '1.0.0' }),
});

/** A clock that moves only when slept on, recording each sleep. */
function fakeClock() {
  let now = 1_000_000;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

/** A probe answering from a script, one entry per attempt (the last one repeats); an Error is a failed connection. */
function scripted(answers: (HealthAnswer | Error)[]): HealthProbe & { urls: string[] } {
  const urls: string[] = [];
  const probe = async (url: string) => {
    urls.push(url);
    const answer = answers[Math.min(urls.length - 1, answers.length - 1)];
    if (answer instanceof Error) throw answer;
    if (answer === undefined || 'error' in answer) throw new Error('no script');
    return answer;
  };
  return Object.assign(probe, { urls });
}

const check = { url: 'http://127.0.0.1:9/healthz', commit: COMMIT, commitPath: 'commit', timeoutMs: 10_000 };

describe('waitForHealth', () => {
  test('healthy at once: one attempt, no waiting', async () => {
    const clock = fakeClock();
    const result = await waitForHealth(check, { clock, probe: scripted([ok(COMMIT)]) });
    expect(result).toMatchObject({
      healthy: true,
      attempts: 1,
      elapsedMs: 0,
      verdict: 'HTTP 200 at commit 0123456',
    });
    expect(clock.sleeps).toEqual([]);
  });

  test('the old version answering is not mistaken for the new: it waits, with growing pauses', async () => {
    const clock = fakeClock();
    const probe = scripted([new Error('connect ECONNREFUSED 127.0.0.1:9'), ok(OLD), ok(OLD), ok(COMMIT)]);
    const result = await waitForHealth(check, { clock, probe });
    expect(result).toMatchObject({ healthy: true, attempts: 4, elapsedMs: 1000 + 1500 + 2250 });
    expect(clock.sleeps).toEqual([1000, 1500, 2250]);
    expect(probe.urls).toEqual(Array(4).fill(check.url));
  });

  test('timeout: fails with the last answer, after a last attempt at the deadline', async () => {
    const clock = fakeClock();
    const result = await waitForHealth(
      { ...check, maxIntervalMs: 3000 },
      { clock, probe: scripted([ok(OLD)]) },
    );
    expect(result.healthy).toBe(false);
    expect(result.verdict).toBe(`HTTP 200, but it reports commit ${OLD}, not 0123456`);
    expect(describeAnswer(result.last)).toBe(`HTTP 200 {"status":"ok","commit":"${OLD}","version":"1.0.0"}`);
    // 1 + 1.5 + 2.25 + 3 = 7.75 s, then the 2.25 s left: the deadline is met exactly, never passed.
    expect(clock.sleeps).toEqual([1000, 1500, 2250, 3000, 2250]);
    expect(result).toMatchObject({ attempts: 6, elapsedMs: 10_000 });
  });

  test('a service that never answers: the connection error is the last answer', async () => {
    const clock = fakeClock();
    const result = await waitForHealth(
      { ...check, timeoutMs: 3000 },
      { clock, probe: scripted([new Error('connect ECONNREFUSED 127.0.0.1:9')]) },
    );
    expect(result.healthy).toBe(false);
    expect(result.verdict).toBe('no answer (connect ECONNREFUSED 127.0.0.1:9)');
    expect(describeAnswer(result.last)).toBe('connect ECONNREFUSED 127.0.0.1:9');
  });
});

describe('judging one answer', () => {
  test('not 200, not JSON, no commit field', () => {
    expect(judgeAnswer({ status: 503, body: '{"status":"starting"}' }, COMMIT, 'commit')).toEqual({
      ok: false,
      verdict: 'HTTP 503, not 200',
    });
    expect(judgeAnswer({ status: 200, body: '<html>' }, COMMIT, 'commit').verdict).toBe(
      'HTTP 200, but the body is not JSON',
    );
    expect(judgeAnswer({ status: 200, body: '{"status":"ok"}' }, COMMIT, 'commit').verdict).toBe(
      "HTTP 200, but it reports no commit at 'commit'",
    );
  });

  test('a nested JSON path, and a short sha reported', () => {
    const body = JSON.stringify({ build: { sha: COMMIT.slice(0, 12) } });
    expect(judgeAnswer({ status: 200, body }, COMMIT, 'build.sha').ok).toBe(true);
    expect(judgeAnswer({ status: 200, body }, COMMIT, 'commit').ok).toBe(false);
  });

  test("'body': the commit (or its first 7 digits) anywhere in the text", () => {
    expect(judgeAnswer({ status: 200, body: `ok ${COMMIT.slice(0, 7)}` }, COMMIT, 'body').ok).toBe(true);
    expect(judgeAnswer({ status: 200, body: `ok ${OLD}` }, COMMIT, 'body')).toEqual({
      ok: false,
      verdict: 'HTTP 200, but the body does not name 0123456',
    });
  });

  test('sameCommit: prefixes of 7+ digits, any case; shorter must be equal', () => {
    expect(sameCommit('0123456', COMMIT)).toBe(true);
    expect(sameCommit(COMMIT.toUpperCase(), COMMIT)).toBe(true);
    expect(sameCommit('012345', COMMIT)).toBe(false);
    expect(sameCommit('0123457', COMMIT)).toBe(false);
  });

  test('describeAnswer keeps the first 200 characters of the body, on one line', () => {
    const body = `{\n"x": "${'y'.repeat(300)}"}`;
    const text = describeAnswer({ status: 500, body });
    expect(text).toBe(`HTTP 500 ${body.replace(/\s+/g, ' ').slice(0, 200)}…`);
  });
});
