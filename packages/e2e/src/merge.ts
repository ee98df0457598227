// Combines the attempts of a run into one result per test: passed, failed, flaky (failed, then passed) or skipped.
import type { CaseFailure, JUnitCase } from './junit.ts';

/** A test's result over all attempts. */
export type TestStatus = 'passed' | 'failed' | 'flaky' | 'skipped';

/** One test, over every attempt it ran in. */
export interface TestResult {
  project: string;
  suite: string;
  classname: string;
  name: string;
  status: TestStatus;
  /** The time of all its runs together. */
  durationMs: number;
  /** How many times it ran again after its first run. */
  retries: number;
  /** The attempts (1-based) it failed in. */
  failedAttempts: number[];
  /** The attempt it passed in, if it did. */
  passedAttempt?: number;
  /** failed: its last failure; flaky: its first. */
  failure?: CaseFailure;
  skipReason?: string;
}

/** The key that tells a test apart across attempts: its project, file and title path. */
export function testKey(test: Pick<JUnitCase, 'project' | 'suite' | 'classname' | 'name'>): string {
  return [test.project, test.suite, test.classname, test.name].join('\u0000');
}

/**
 * Merges the cases of each attempt (attempt 1 first). A test's last run decides, except that a test which
 * failed and then only got skipped never passed, so it failed. A pass after a failure — in an earlier attempt,
 * or in the same report's `<flakyFailure>` records — is flaky. Tests keep the order of their first appearance.
 */
export function mergeAttempts(attempts: readonly (readonly JUnitCase[])[]): TestResult[] {
  const runs = new Map<string, { attempt: number; testcase: JUnitCase }[]>();
  attempts.forEach((cases, index) => {
    for (const testcase of cases) {
      const key = testKey(testcase);
      const list = runs.get(key) ?? [];
      if (list.length === 0) runs.set(key, list);
      list.push({ attempt: index + 1, testcase });
    }
  });
  return [...runs.values()].map((list) => resultOf(list));
}

function resultOf(list: { attempt: number; testcase: JUnitCase }[]): TestResult {
  const first = list[0] as { attempt: number; testcase: JUnitCase };
  const last = list.at(-1) ?? first;
  const failedRuns = list.filter((run) => run.testcase.outcome === 'failed');
  const failures = list.flatMap((run) => [
    ...run.testcase.rerunFailures,
    ...run.testcase.flakyFailures,
    ...(run.testcase.failure ? [run.testcase.failure] : []),
  ]);
  const { testcase } = last;
  const status: TestStatus =
    testcase.outcome === 'failed'
      ? 'failed'
      : testcase.outcome === 'passed'
        ? failures.length > 0
          ? 'flaky'
          : 'passed'
        : failedRuns.length > 0
          ? 'failed'
          : 'skipped';
  const failure =
    status === 'failed'
      ? (failedRuns.at(-1)?.testcase.failure ?? failures.at(-1))
      : status === 'flaky'
        ? failures[0]
        : undefined;
  return {
    project: testcase.project,
    suite: testcase.suite,
    classname: testcase.classname,
    name: testcase.name,
    status,
    durationMs: list.reduce((sum, run) => sum + run.testcase.durationMs, 0),
    retries:
      list.length -
      1 +
      list.reduce(
        (sum, run) => sum + run.testcase.flakyFailures.length + run.testcase.rerunFailures.length,
        0,
      ),
    failedAttempts: failedRuns.map((run) => run.attempt),
    ...(testcase.outcome === 'passed' ? { passedAttempt: last.attempt } : {}),
    ...(failure ? { failure } : {}),
    ...(status === 'skipped' && testcase.skipReason !== undefined ? { skipReason: testcase.skipReason } : {}),
  };
}

/** How many tests ended in each status. */
export function countResults(results: readonly TestResult[]): Record<TestStatus, number> {
  const counts: Record<TestStatus, number> = { passed: 0, failed: 0, flaky: 0, skipped: 0 };
  for (const result of results) counts[result.status]++;
  return counts;
}
