// Merging attempts into one result per test: failed, flaky, passed and skipped, and the retries each had.
import { describe, expect, test } from '@jest/globals';
import { type JUnitCase, parseJUnit } from '../src/junit.ts';
import { countResults, mergeAttempts } from '../src/merge.ts';
import { recordedJUnit } from './recorded.ts';

const cases = (name: Parameters<typeof recordedJUnit>[0]) => parseJUnit(recordedJUnit(name)).cases;
const summary = (results: ReturnType<typeof mergeAttempts>) =>
  results.map(({ suite, name, status, retries, failedAttempts, passedAttempt }) => ({
    test: `${suite} › ${name}`,
    status,
    retries,
    failedAttempts,
    passedAttempt,
  }));

describe('mergeAttempts', () => {
  test('the recorded attempts: the flaky test failed in attempt 1 and passed in 2; the failing one failed in both', () => {
    const results = mergeAttempts([cases('attempt-1'), cases('attempt-2')]);
    expect(summary(results)).toEqual([
      {
        test: 'checkout.spec.ts › checkout › has a checkout button',
        status: 'failed',
        retries: 1,
        failedAttempts: [1, 2],
        passedAttempt: undefined,
      },
      {
        test: 'dashboard.spec.ts › shows the top 5 active deployments',
        status: 'passed',
        retries: 0,
        failedAttempts: [],
        passedAttempt: 1,
      },
      {
        test: 'dashboard.spec.ts › serves the expected commit',
        status: 'skipped',
        retries: 0,
        failedAttempts: [],
        passedAttempt: undefined,
      },
      {
        test: 'warmup.spec.ts › the service is ready',
        status: 'flaky',
        retries: 1,
        failedAttempts: [1],
        passedAttempt: 2,
      },
    ]);
    expect(countResults(results)).toEqual({ passed: 1, failed: 1, flaky: 1, skipped: 1 });
    // Durations add up over attempts; a flaky test keeps its first failure, a failed one its last.
    const [checkout, , skipped, warmup] = results;
    const [first, , , firstWarmup] = cases('attempt-1');
    const [second] = cases('attempt-2');
    expect(checkout?.durationMs).toBe((first?.durationMs ?? 0) + (second?.durationMs ?? 0));
    expect(checkout?.failure?.text).toBe(second?.failure?.text);
    expect(warmup?.failure?.text).toBe(firstWarmup?.failure?.text);
    expect(skipped?.skipReason).toBe('EXPECTED_COMMIT is not set');
  });

  test("Playwright's own retries in one report give the same verdicts", () => {
    const results = mergeAttempts([cases('builtin-retries')]);
    expect(results.map((result) => [result.name, result.status, result.retries])).toEqual([
      ['checkout › has a checkout button', 'failed', 1],
      ['shows the top 5 active deployments', 'passed', 0],
      ['serves the expected commit', 'skipped', 0],
      ['the service is ready', 'flaky', 1],
    ]);
    expect(results[3]?.failure?.message).toBe('expect(received).toBe(expected) // Object.is equality');
  });

  test('a test that failed and was then only skipped never passed: it failed', () => {
    const base: JUnitCase = {
      suite: 's.spec.ts',
      project: 'chromium',
      classname: 's.spec.ts',
      name: 't',
      durationMs: 5,
      outcome: 'failed',
      failure: { kind: 'failure', message: 'no', type: '', text: 'no' },
      flakyFailures: [],
      rerunFailures: [],
      attachments: [],
      systemOut: '',
      systemErr: '',
    };
    const { failure: _, ...skipped } = base;
    const [result] = mergeAttempts([[base], [{ ...skipped, outcome: 'skipped' }]]);
    expect(result).toMatchObject({
      status: 'failed',
      failedAttempts: [1],
      retries: 1,
      failure: base.failure,
    });
  });

  test('tests with the same title in different projects stay apart', () => {
    const [one] = cases('attempt-2');
    if (one === undefined) throw new Error('recorded report is empty');
    const { failure: _, ...passed } = one;
    const results = mergeAttempts([[one, { ...passed, project: 'firefox', outcome: 'passed' }]]);
    expect(results.map((result) => [result.project, result.status])).toEqual([
      ['chromium', 'failed'],
      ['firefox', 'passed'],
    ]);
  });
});
