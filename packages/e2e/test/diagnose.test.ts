// Telling failed tests from a run that could not test, on recorded reports and Playwright's own messages.
import type { ProcessResult } from '@flowkit/core';
import { describe, expect, test } from '@jest/globals';
import { type AttemptOutcome, type DiagnoseContext, diagnoseAttempt } from '../src/diagnose.ts';
import { type JUnitCase, parseJUnit } from '../src/junit.ts';
import { recordedJUnit } from './recorded.ts';

const context: DiagnoseContext = {
  workingDirectory: 'e2e',
  projects: [],
  grep: undefined,
  chromiumPath: '/usr/bin/chromium',
  timeoutMinutes: 30,
};

function outcome(
  cases: JUnitCase[] | undefined,
  result: Partial<ProcessResult> = {},
  reportError?: string,
): AttemptOutcome {
  return {
    result: { exitCode: 1, signal: null, stdout: '', stderr: '', ...result },
    cases,
    tail: ['last line'],
    ...(reportError ? { reportError } : {}),
  };
}
const recorded = (name: Parameters<typeof recordedJUnit>[0]) => parseJUnit(recordedJUnit(name)).cases;

describe('diagnoseAttempt', () => {
  test('passing and failing tests are about the tests: no problem', () => {
    expect(diagnoseAttempt(outcome(recorded('attempt-1')), context)).toBeUndefined();
    expect(diagnoseAttempt(outcome(recorded('attempt-2')), context)).toBeUndefined();
    expect(diagnoseAttempt(outcome([], { exitCode: 0 }), context)).toBeUndefined();
  });

  test('a Chromium that does not start is a browser problem, not a failed test', () => {
    expect(
      diagnoseAttempt(outcome(recorded('browser-missing')), { ...context, chromiumPath: undefined }),
    ).toEqual({
      cause: 'browser',
      message:
        "The browser could not be started: Failed to launch chromium because executable doesn't exist at /opt/no-such-chromium/chrome. Check that the Chromium at /opt/no-such-chromium/chrome runs on this machine, and that playwright.config launches it with --no-sandbox (see the e2e action's README).",
      tail: ['last line'],
    });
  });

  test('a config that launches another path than chromium-path names the setting to change', () => {
    expect(diagnoseAttempt(outcome(recorded('browser-missing')), context)?.message).toBe(
      "The browser could not be started: playwright.config launches /opt/no-such-chromium/chrome, which does not exist, instead of chromium-path (/usr/bin/chromium). Set `executablePath: process.env.CHROMIUM_PATH` in its launchOptions (see the e2e action's README).",
    );
  });

  test('a config that ignores CHROMIUM_PATH: Playwright looks for its own download, and the fix is named', () => {
    const [one] = recorded('browser-missing');
    if (one?.failure === undefined) throw new Error('the recorded report has no failure');
    const ownDownload = {
      ...one,
      failure: {
        ...one.failure,
        message:
          "browserType.launch: Executable doesn't exist at /root/.cache/ms-playwright/chromium_headless_shell-1255/chrome-headless-shell-linux64/chrome-headless-shell\n╔═══╗\n║ Looks like Playwright was just installed or updated. ║",
      },
    };
    expect(diagnoseAttempt(outcome([ownDownload]), context)?.message).toBe(
      "The browser could not be started: Playwright looked for its own download (/root/.cache/ms-playwright/chromium_headless_shell-1255/chrome-headless-shell-linux64/chrome-headless-shell), so playwright.config does not use chromium-path (/usr/bin/chromium). Add `launchOptions: { executablePath: process.env.CHROMIUM_PATH }` under `use` in playwright.config (see the e2e action's README), or install Playwright's browsers before this step and set chromium-path to ''.",
    );
    expect(diagnoseAttempt(outcome([ownDownload]), { ...context, chromiumPath: undefined })?.message).toMatch(
      /^The browser could not be started: Playwright's own Chromium is not installed \(.*\)\. Run 'npx playwright install --with-deps chromium' before this step/,
    );
  });

  test('no tests found names the folder and the filters', () => {
    const problem = diagnoseAttempt(outcome(recorded('no-tests'), { stdout: 'Error: No tests found\n' }), {
      ...context,
      projects: ['chromium'],
      grep: 'checkout',
    });
    expect(problem).toMatchObject({
      cause: 'no-tests',
      message:
        "No tests found in 'e2e' (project: chromium; grep: checkout). Check working-directory (the folder of playwright.config), testDir in the config, and the project and grep inputs.",
    });
  });

  test("an unknown project or a test file that does not compile: Playwright's error line is the cause", () => {
    const project = diagnoseAttempt(
      outcome(undefined, {
        stderr:
          'Error: Project(s) "nope" not found. Available projects: "chromium"\n    at Object.filterProjects (/repo/node_modules/playwright/lib/runner/index.js:2244:11)\n',
      }),
      context,
    );
    expect(project).toMatchObject({
      cause: 'config',
      message:
        'Playwright could not run the tests: Error: Project(s) "nope" not found. Available projects: "chromium"',
    });
    const syntax = diagnoseAttempt(
      outcome([], {
        stdout:
          'SyntaxError: /repo/e2e/tests/broken.spec.ts: Missing semicolon. (1:6)\n\n> 1 | syntax error(\n',
      }),
      context,
    );
    expect(syntax).toMatchObject({
      cause: 'config',
      message:
        'Playwright could not load its config or the test files: SyntaxError: /repo/e2e/tests/broken.spec.ts: Missing semicolon. (1:6)',
    });
  });

  test('no report and nothing to say: the exit code and why the report is missing', () => {
    expect(diagnoseAttempt(outcome(undefined, { exitCode: 3 }, 'none was written'), context)?.message).toBe(
      'Playwright exited with code 3 without a JUnit report (none was written).',
    );
    // Even a run that exited 0 has told nothing about the tests without its report.
    expect(diagnoseAttempt(outcome(undefined, { exitCode: 0 }, 'none was written'), context)?.cause).toBe(
      'no-report',
    );
  });

  test('a failed run with no failed test went wrong outside the tests', () => {
    const passing = recorded('attempt-2').filter((testcase) => testcase.outcome === 'passed');
    expect(
      diagnoseAttempt(outcome(passing, { stderr: 'Error: globalTeardown: database is gone\n' }), context),
    ).toMatchObject({
      cause: 'outside-tests',
      message:
        'Playwright exited with code 1, yet no test failed: something outside the tests went wrong (global setup or teardown, a worker that crashed, an error in a test file). Error: globalTeardown: database is gone',
    });
  });

  test('the global timeout, a kill and a failed start', () => {
    expect(
      diagnoseAttempt(
        outcome(recorded('attempt-1'), { stdout: 'Timed out waiting 1800s for the test suite to run\n' }),
        context,
      ),
    ).toMatchObject({ cause: 'timeout' });
    expect(diagnoseAttempt(outcome(undefined, { exitCode: null, signal: 'SIGKILL' }), context)).toMatchObject(
      {
        cause: 'killed',
        message: 'Playwright was killed by SIGKILL before it finished.',
      },
    );
    expect(
      diagnoseAttempt(
        outcome(undefined, { exitCode: null, startError: 'spawn /x/playwright EACCES' }),
        context,
      ),
    ).toMatchObject({
      cause: 'not-started',
      message: 'Playwright could not be started: spawn /x/playwright EACCES.',
    });
  });
});
