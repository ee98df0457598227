// The retry logic with a stand-in Playwright: the command lines of each attempt, and when retrying stops.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { ProcessResult, ProcessRunner } from '@flowkit/core';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { countResults } from '../src/merge.ts';
import { runE2e } from '../src/run.ts';
import type { E2eSettings } from '../src/settings.ts';
import { type RecordedReport, recordedJUnit } from './recorded.ts';

/** What the stand-in does on one call: the report it writes, the IDs it lists as failed, how it exits. */
interface Act {
  report?: RecordedReport | { xml: string };
  failedIds?: string[];
  exitCode?: number;
  stdout?: string;
  /** Minutes the attempt takes on the fake clock. */
  minutes?: number;
}

interface Call {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

const PASSING = `<testsuites tests="1"><testsuite name="a.spec.ts" hostname="chromium"><testcase name="works" classname="a.spec.ts" time="0.5"/></testsuite></testsuites>`;

let root: string;
let clock: number;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'flowkit-e2e-run-'));
  await mkdir(join(root, 'web'));
  clock = 0;
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function settings(overrides: Partial<E2eSettings> = {}): E2eSettings {
  return {
    url: 'https://staging.example.com',
    root,
    workingDirectory: 'web',
    playwright: '/repo/node_modules/.bin/playwright',
    projects: [],
    grep: undefined,
    retries: 1,
    chromiumPath: '/usr/bin/chromium',
    expectedCommit: undefined,
    artifactName: 'playwright-report',
    retentionDays: undefined,
    timeoutMinutes: 30,
    deploymentId: undefined,
    githubToken: '',
    ...overrides,
  };
}

/** A stand-in for the Playwright CLI that plays `acts` in order and records every call. */
function fakePlaywright(acts: Act[]): { exec: ProcessRunner; calls: Call[] } {
  const calls: Call[] = [];
  const exec: ProcessRunner = async (command, args, options) => {
    calls.push({ command, args, cwd: options.cwd, env: options.env });
    const act = acts[calls.length - 1];
    if (act === undefined) throw new Error(`Playwright was called ${calls.length} times`);
    clock += (act.minutes ?? 0.1) * 60_000;
    const junit = options.env.PLAYWRIGHT_JUNIT_OUTPUT_FILE as string;
    if (act.report !== undefined) {
      await mkdir(dirname(junit), { recursive: true });
      await writeFile(junit, typeof act.report === 'string' ? recordedJUnit(act.report) : act.report.xml);
    }
    const lastRun = args.find((arg) => arg.startsWith('--last-failed-file='))?.split('=')[1] as string;
    if (act.failedIds !== undefined) {
      await mkdir(dirname(resolve(options.cwd, lastRun)), { recursive: true });
      await writeFile(
        resolve(options.cwd, lastRun),
        JSON.stringify({ status: 'failed', failedTests: act.failedIds }),
      );
    }
    const result: ProcessResult = {
      exitCode: act.exitCode ?? 1,
      signal: null,
      stdout: act.stdout ?? '',
      stderr: '',
    };
    return result;
  };
  return { exec, calls };
}

const run = (overrides: Partial<E2eSettings>, acts: Act[], env: NodeJS.ProcessEnv = { PATH: '/usr/bin' }) => {
  const fake = fakePlaywright(acts);
  return runE2e(settings(overrides), { exec: fake.exec, env, now: () => clock }).then((result) => ({
    ...result,
    calls: fake.calls,
  }));
};

describe('retrying only the failed tests', () => {
  test('attempt 1 runs everything; attempt 2 only the failed tests (--last-failed), with traces on', async () => {
    const result = await run({}, [
      { report: 'attempt-1', failedIds: ['id-checkout', 'id-warmup'], minutes: 2 },
      { report: 'attempt-2', failedIds: ['id-checkout'] },
    ]);
    expect(result.calls.map((call) => [call.command, call.cwd])).toEqual([
      ['/repo/node_modules/.bin/playwright', join(root, 'web')],
      ['/repo/node_modules/.bin/playwright', join(root, 'web')],
    ]);
    expect(result.calls[0]?.args).toEqual([
      'test',
      '--reporter=list,junit,html',
      '--retries=0',
      '--output=test-results/attempt-1',
      '--last-failed-file=test-results/last-run.json',
      '--global-timeout=1800000',
    ]);
    // The second attempt gets what is left of the 30 minutes.
    expect(result.calls[1]?.args).toEqual([
      'test',
      '--reporter=list,junit,html',
      '--retries=0',
      '--output=test-results/attempt-2',
      '--last-failed-file=test-results/last-run.json',
      '--global-timeout=1680000',
      '--last-failed',
      '--trace=on',
    ]);
    expect(result.attempts.map((attempt) => attempt.command)).toEqual([
      'playwright test --reporter=list,junit,html --retries=0 --output=test-results/attempt-1 --last-failed-file=test-results/last-run.json --global-timeout=1800000',
      'playwright test --reporter=list,junit,html --retries=0 --output=test-results/attempt-2 --last-failed-file=test-results/last-run.json --global-timeout=1680000 --last-failed --trace=on',
    ]);
    expect(countResults(result.results)).toEqual({ passed: 1, failed: 1, flaky: 1, skipped: 1 });
    expect(result.problem).toBeUndefined();
    expect(result.retryNote).toBeUndefined();
  });

  test("each attempt has its own JUnit file and HTML report; the tests see the URL and the browser, not the step's secrets", async () => {
    const result = await run(
      { expectedCommit: 'abc1234', projects: ['chromium', 'mobile'], grep: 'checkout|ready' },
      [{ report: { xml: PASSING }, exitCode: 0 }],
      {
        PATH: '/usr/bin',
        INPUT_URL: 'https://staging.example.com',
        ACTIONS_RUNTIME_TOKEN: 'ey.secret',
        CI: 'true',
      },
    );
    const [call] = result.calls;
    expect(call?.args).toEqual(
      expect.arrayContaining(['--project=chromium', '--project=mobile', '--grep=checkout|ready']),
    );
    expect(call?.env).toEqual({
      PATH: '/usr/bin',
      CI: 'true',
      BASE_URL: 'https://staging.example.com',
      PLAYWRIGHT_TEST_BASE_URL: 'https://staging.example.com',
      CHROMIUM_PATH: '/usr/bin/chromium',
      EXPECTED_COMMIT: 'abc1234',
      PLAYWRIGHT_JUNIT_OUTPUT_FILE: join(root, 'web', 'playwright-report', 'junit-attempt-1.xml'),
      PLAYWRIGHT_HTML_OUTPUT_DIR: join(root, 'web', 'playwright-report', 'attempt-1'),
      PLAYWRIGHT_HTML_OPEN: 'never',
      PLAYWRIGHT_HTML_TITLE: 'End-to-end tests: attempt 1',
      FORCE_COLOR: '0',
    });
    expect(result.calls).toHaveLength(1);
    expect(countResults(result.results)).toEqual({ passed: 1, failed: 0, flaky: 0, skipped: 0 });
  });

  test('with chromium-path empty, CHROMIUM_PATH is not set and the config chooses the browser', async () => {
    const result = await run({ chromiumPath: undefined }, [{ report: { xml: PASSING }, exitCode: 0 }]);
    expect(result.calls[0]?.env).not.toHaveProperty('CHROMIUM_PATH');
  });

  test('retries: 0 runs once, so the flaky test counts as failed', async () => {
    const result = await run({ retries: 0 }, [{ report: 'attempt-1', failedIds: ['a', 'b'] }]);
    expect(result.calls).toHaveLength(1);
    expect(countResults(result.results)).toEqual({ passed: 1, failed: 2, flaky: 0, skipped: 1 });
  });

  test('retries: 2 runs a test that keeps failing three times, each retry with --last-failed', async () => {
    const onlyCheckout = recordedJUnit('attempt-2').replace(
      /<testsuite name="warmup\.spec\.ts"[\s\S]*?<\/testsuite>\n/,
      '',
    );
    expect(onlyCheckout).not.toContain('warmup');
    const result = await run({ retries: 2 }, [
      { report: 'attempt-1', failedIds: ['a', 'b'] },
      { report: 'attempt-2', failedIds: ['a'] },
      { report: { xml: onlyCheckout }, failedIds: ['a'] },
    ]);
    expect(
      result.calls.map((call) => call.args.filter((arg) => /^--(output|last-failed$)/.test(arg))),
    ).toEqual([
      ['--output=test-results/attempt-1'],
      ['--output=test-results/attempt-2', '--last-failed'],
      ['--output=test-results/attempt-3', '--last-failed'],
    ]);
    const checkout = result.results.find((test) => test.name === 'checkout › has a checkout button');
    expect(checkout).toMatchObject({ status: 'failed', retries: 2, failedAttempts: [1, 2, 3] });
    // The flaky test passed in attempt 2 and was not run in attempt 3.
    expect(result.results.find((test) => test.name === 'the service is ready')).toMatchObject({
      status: 'flaky',
      retries: 1,
    });
  });

  test('a pass stops retrying even with retries left', async () => {
    const result = await run({ retries: 3 }, [
      { report: 'attempt-1', failedIds: ['a'] },
      { report: { xml: PASSING }, exitCode: 0 },
    ]);
    expect(result.calls).toHaveLength(2);
  });

  test('no list of failed tests: no retry (--last-failed would run everything), and the run says why', async () => {
    const result = await run({}, [{ report: 'attempt-1' }]);
    expect(result.calls).toHaveLength(1);
    expect(result.retryNote).toBe(
      'Failed tests were not run again: Playwright left no list of them in web/test-results/last-run.json.',
    );
  });

  test('no retry when less than 30 s of the timeout is left', async () => {
    const result = await run({ timeoutMinutes: 5 }, [
      { report: 'attempt-1', failedIds: ['a'], minutes: 4.6 },
    ]);
    expect(result.calls).toHaveLength(1);
    expect(result.retryNote).toBe(
      'Failed tests were not run again: less than 30 s of the 5-minute timeout was left.',
    );
  });

  test('a problem with the run itself stops it: no retry of "No tests found"', async () => {
    const result = await run({}, [{ report: 'no-tests', stdout: 'Error: No tests found\n' }]);
    expect(result.calls).toHaveLength(1);
    expect(result.problem?.cause).toBe('no-tests');
  });

  test('reports of an earlier run are removed first, so only this run is uploaded', async () => {
    const stale = join(root, 'web', 'playwright-report', 'attempt-3', 'index.html');
    await mkdir(dirname(stale), { recursive: true });
    await writeFile(stale, 'old');
    await mkdir(join(root, 'web', 'test-results', 'old-trace'), { recursive: true });
    await run({}, [{ report: { xml: PASSING }, exitCode: 0 }]);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(join(root, 'web', 'test-results', 'old-trace'))).toBe(false);
  });

  test('an unreadable report is named in the problem', async () => {
    const result = await run({}, [{ report: { xml: '<testsuites><testsuite>' }, exitCode: 1 }]);
    expect(result.problem).toMatchObject({
      cause: 'no-report',
      message:
        'Playwright exited with code 1 without a JUnit report (it could not be read: line 1: the document ends inside <testsuite> (a truncated file?)).',
    });
  });
});
