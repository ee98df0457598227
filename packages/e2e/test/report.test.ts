// What the step shows: annotations for failed and flaky tests within GitHub's budgets, and the job summary.
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { reportPaths } from '../src/attempt.ts';
import { parseJUnit } from '../src/junit.ts';
import { mergeAttempts, type TestResult } from '../src/merge.ts';
import { e2eSummary, failureDetail, judgeE2e, resultsTable, withoutCredentials } from '../src/report.ts';
import type { AttemptRecord, E2eRun } from '../src/run.ts';
import { recordedJUnit, recording } from './recorded.ts';

const ROOT = recording.root;
const paths = reportPaths({ root: ROOT, workingDirectory: recording.cwd });

function attempt(number: number, name: Parameters<typeof recordedJUnit>[0]): AttemptRecord {
  return {
    number,
    command: `playwright test --output=test-results/attempt-${number}${number > 1 ? ' --last-failed' : ''}`,
    exitCode: 1,
    durationMs: 3500,
    cases: parseJUnit(recordedJUnit(name)).cases,
    junitFile: join(paths.reportDir, `junit-attempt-${number}.xml`),
    htmlDir: join(paths.reportDir, `attempt-${number}`),
    outputDir: join(paths.resultsDir, `attempt-${number}`),
  };
}

function recordedRun(): E2eRun {
  const attempts = [attempt(1, 'attempt-1'), attempt(2, 'attempt-2')];
  return {
    paths,
    attempts,
    results: mergeAttempts(attempts.map((one) => one.cases)),
    specFiles: [],
  };
}

describe('judgeE2e', () => {
  test('a failed test is an error at its line, a flaky one a warning; the step fails on the failure', () => {
    const verdict = judgeE2e(recordedRun(), { root: ROOT });
    expect(verdict.counts).toEqual({ passed: 1, failed: 1, flaky: 1, skipped: 1 });
    expect(verdict.failed).toBe(true);
    expect(verdict.annotated).toEqual([
      {
        tool: 'e2e',
        rule: 'checkout.spec.ts › checkout › has a checkout button',
        severity: 'error',
        message:
          "Error: expect(locator).toBeVisible() failed\nLocator: getByRole('button', { name: 'Checkout' })\nExpected: visible\nTimeout: 1000ms\nError: element(s) not found\nFailed in all 2 attempts.",
        file: `${recording.cwd}/tests/checkout.spec.ts`,
        line: 8,
        column: 66,
      },
      {
        tool: 'e2e',
        rule: 'warmup.spec.ts › the service is ready',
        severity: 'warning',
        message:
          'Flaky: failed in attempt 1, then passed in attempt 2.\nError: expect(received).toBe(expected) // Object.is equality\nExpected: 200\nReceived: 503',
        file: `${recording.cwd}/tests/warmup.spec.ts`,
        line: 6,
        column: 30,
      },
    ]);
    expect(verdict.conclusion).toBe(
      'E2E tests failed: 1 failed, 1 flaky, 1 passed, 1 skipped after 1 retry of the failed tests.',
    );
  });

  test('flaky alone passes, and says so', () => {
    const run = recordedRun();
    run.results = run.results.filter((result) => result.status !== 'failed');
    const verdict = judgeE2e(run, { root: ROOT });
    expect(verdict.failed).toBe(false);
    expect(verdict.conclusion).toBe(
      'E2E tests passed, but 1 test(s) are flaky: they failed, then passed when run again (1 flaky, 1 passed, 1 skipped). Flaky tests do not fail the step.',
    );
  });

  test('25 failures: 9 error annotations, leaving one for the failure line; the rest only in the summary', () => {
    const run = recordedRun();
    const failed = run.results.find((result) => result.status === 'failed') as TestResult;
    run.results = Array.from({ length: 25 }, (_, index) => ({ ...failed, name: `case ${index}` }));
    const verdict = judgeE2e(run, { root: ROOT });
    expect(verdict.annotated).toHaveLength(9);
    expect(verdict.rest).toHaveLength(16);
    // With two errors already written, the budget shrinks again.
    const tighter = judgeE2e(run, { root: ROOT, reserved: { error: 2 } });
    expect(tighter.annotated).toHaveLength(7);
  });

  test('a browser that did not start is one explanation, not an annotation per test', () => {
    const run = recordedRun();
    run.problem = { cause: 'browser', message: 'The browser could not be started: …', tail: [] };
    const verdict = judgeE2e(run, { root: ROOT });
    expect(verdict.annotated).toEqual([]);
    expect(verdict.failed).toBe(true);
    expect(verdict.conclusion).toBe('The browser could not be started: …');
  });
});

describe('the summary', () => {
  test('the verdict, the attempts with their commands, a row per test (failed first) and where the reports are', () => {
    const run = recordedRun();
    const verdict = judgeE2e(run, { root: ROOT });
    const summary = e2eSummary({
      run,
      verdict,
      url: 'https://qa:secret@staging.example.com/',
      root: ROOT,
      location: {
        artifact: {
          name: 'playwright-report',
          url: 'https://github.com/acme/shop/actions/runs/1/artifacts/9',
        },
      },
    });
    expect(summary).toContain('Against https://staging.example.com/.');
    expect(summary).not.toContain('secret');
    expect(summary).toContain(
      '**E2E tests failed: 1 failed, 1 flaky, 1 passed, 1 skipped after 1 retry of the failed tests.**',
    );
    expect(summary).toContain(
      '| 1 | `playwright test --output=test-results/attempt-1` | 1 | 2 failed, 1 passed, 1 skipped | 3.5 s |',
    );
    expect(summary).toContain(
      '| 2 | `playwright test --output=test-results/attempt-2 --last-failed` | 1 | 1 failed, 1 passed | 3.5 s |',
    );
    const rows = summary.split('\n').filter((line) => /^\| \w+\.spec\.ts/.test(line));
    expect(rows.map((row) => row.replace(/\d+\.\d s/, 'T'))).toEqual([
      '| checkout.spec.ts | checkout › has a checkout button | :x: failed | T | 1 |',
      '| warmup.spec.ts | the service is ready | :warning: flaky | T | 1 |',
      '| dashboard.spec.ts | serves the expected commit | :heavy_minus_sign: skipped (EXPECTED_COMMIT is not set) |  | 0 |',
      '| dashboard.spec.ts | shows the top 5 active deployments | :white_check_mark: passed | T | 0 |',
    ]);
    expect(summary).toContain(
      `The HTML report and traces (\`${recording.cwd}/playwright-report/\` and \`${recording.cwd}/test-results/\`) are in the artifact [playwright-report](https://github.com/acme/shop/actions/runs/1/artifacts/9). \`playwright-report/\` holds an HTML report per attempt (\`attempt-1/\`, \`attempt-2/\`); a retry's holds only the tests it ran again.`,
    );
  });

  test("a problem shows Playwright's last lines; without an upload the summary says where the reports are", () => {
    const run = recordedRun();
    run.attempts = run.attempts.slice(0, 1);
    run.problem = {
      cause: 'config',
      message: 'Playwright could not run the tests: Error: x',
      tail: ['a ``` b', 'Error: x'],
    };
    const summary = e2eSummary({
      run,
      verdict: judgeE2e(run, { root: ROOT }),
      url: 'https://staging.example.com',
      root: ROOT,
      location: { note: 'there is no artifact service outside a GitHub runner, so they were not uploaded.' },
    });
    expect(summary).toContain(
      '<details><summary>Playwright: last output lines</summary>\n\n````text\na ``` b\nError: x\n````',
    );
    expect(summary).toContain(
      `The HTML report and traces are in \`${recording.cwd}/playwright-report/\` and \`${recording.cwd}/test-results/\` on the runner: there is no artifact service outside a GitHub runner, so they were not uploaded.`,
    );
  });

  test('the table is cut to the limit with a count of what was left out; cells cannot break it', () => {
    const [one] = recordedRun().results;
    const many = Array.from({ length: 500 }, (_, index) => ({
      ...(one as TestResult),
      name: `case ${index} | [link](x) <b>`,
    }));
    const table = resultsTable(many, 10_000);
    expect(Buffer.byteLength(table)).toBeLessThan(10_000);
    expect(table).toMatch(
      /\n… and \d+ more test\(s\) not shown \(the job summary is limited to 1 MiB\)\.\n$/,
    );
    expect(table).toContain('case 0 \\| \\[link](x) &lt;b>');
  });

  test('failureDetail keeps the error lines and drops the header, call log, code frame and stack', () => {
    const text =
      '  [chromium] › a.spec.ts:1:1 › t ───\n\n    Error: boom\n    Expected: 1\n\n    Call log:\n      - step\n';
    expect(failureDetail(text, 'fallback')).toBe('Error: boom\nExpected: 1');
    expect(failureDetail('   at /x.ts:1:1', 'fallback')).toBe('fallback');
    expect(withoutCredentials('not a url')).toBe('not a url');
  });
});
