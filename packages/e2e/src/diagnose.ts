// Tells "tests failed" from "Playwright could not test": a missing browser, no tests, a broken config, a timeout.
import type { ProcessResult } from '@flowkit/core';
import type { JUnitCase } from './junit.ts';

/** Why an attempt says nothing (or not everything) about the tests. */
export type ProblemCause =
  | 'not-started'
  | 'killed'
  | 'browser'
  | 'no-tests'
  | 'config'
  | 'timeout'
  | 'outside-tests'
  | 'no-report';

/** A problem with the run itself, not with the tests: the step fails with `message`, and shows `tail`. */
export interface RunProblem {
  cause: ProblemCause;
  message: string;
  /** Playwright's last output lines. */
  tail: string[];
}

/** What diagnosing an attempt needs. */
export interface AttemptOutcome {
  result: ProcessResult;
  /** The attempt's test cases, or undefined when its JUnit report is missing or unreadable. */
  cases: JUnitCase[] | undefined;
  /** Why the JUnit report could not be read. */
  reportError?: string;
  tail: string[];
}

/** The run's filters and browser, to name them in messages. */
export interface DiagnoseContext {
  workingDirectory: string;
  projects: readonly string[];
  grep: string | undefined;
  chromiumPath: string | undefined;
  timeoutMinutes: number;
}

// Playwright's messages when a browser does not start ("Executable doesn't exist at …", "Failed to launch …").
const LAUNCH = /browserType\.launch|Failed to launch|Executable doesn't exist/i;
const MISSING_AT = /executable doesn't exist at (\S+)/i;

/**
 * The problem of an attempt, or undefined when its result is about the tests (all passed, or some failed).
 * Order matters: a browser that does not start makes every test fail, which must not read as failed tests.
 */
export function diagnoseAttempt(outcome: AttemptOutcome, context: DiagnoseContext): RunProblem | undefined {
  const { result, cases, tail } = outcome;
  const problem = (cause: ProblemCause, message: string): RunProblem => ({ cause, message, tail });
  if (result.startError !== undefined) {
    return problem('not-started', `Playwright could not be started: ${result.startError}.`);
  }
  if (result.signal !== null && result.exitCode === null) {
    return problem('killed', `Playwright was killed by ${result.signal} before it finished.`);
  }
  const launch = cases?.find((testcase) => testcase.failure && LAUNCH.test(testcase.failure.message));
  if (launch?.failure) return problem('browser', browserMessage(launch.failure.message, context));
  const output = `${result.stdout}\n${result.stderr}`;
  // Playwright's --global-timeout: "Timed out waiting 60s for the test suite to run".
  if (result.exitCode !== 0 && /Timed out waiting [\d.]+s for the .+ to run/.test(output)) {
    return problem(
      'timeout',
      `The tests ran out of time: timeout allows ${context.timeoutMinutes} minute(s) for all attempts together. Raise timeout, or look for a test that hangs.`,
    );
  }
  // Without its report a run says nothing about the tests, whatever its exit code.
  if (cases === undefined) {
    const error = errorLine(result);
    return problem(
      error === undefined ? 'no-report' : 'config',
      error === undefined
        ? `Playwright exited with code ${result.exitCode} without a JUnit report (${outcome.reportError ?? 'none was written'}).`
        : `Playwright could not run the tests: ${error}`,
    );
  }
  if (result.exitCode === 0) return undefined;
  if (cases.length === 0) {
    if (/No tests found/i.test(output)) {
      const filters = [
        context.projects.length > 0 ? `project: ${context.projects.join(', ')}` : '',
        context.grep === undefined ? '' : `grep: ${context.grep}`,
      ].filter(Boolean);
      return problem(
        'no-tests',
        `No tests found in '${context.workingDirectory || '.'}'${filters.length > 0 ? ` (${filters.join('; ')})` : ''}. Check working-directory (the folder of playwright.config), testDir in the config, and the project and grep inputs.`,
      );
    }
    return problem(
      'config',
      `Playwright could not load its config or the test files: ${errorLine(result) ?? `it exited with code ${result.exitCode} before running a test`}`,
    );
  }
  if (!cases.some((testcase) => testcase.outcome === 'failed')) {
    return problem(
      'outside-tests',
      `Playwright exited with code ${result.exitCode}, yet no test failed: something outside the tests went wrong (global setup or teardown, a worker that crashed, an error in a test file). ${errorLine(result) ?? 'Its last output lines are in the job summary.'}`,
    );
  }
  return undefined;
}

function browserMessage(message: string, context: DiagnoseContext): string {
  const firstLine = message.split(/\r?\n/)[0]?.replace(/^browserType\.launch:\s*/, '') ?? message;
  const missing = MISSING_AT.exec(message)?.[1];
  // Playwright says "Executable doesn't exist at …" for its own downloads (in PLAYWRIGHT_BROWSERS_PATH,
  // ~/.cache/ms-playwright by default), and "Failed to launch … because executable doesn't exist" for an
  // executablePath the config gave.
  const ownDownload = missing !== undefined && !/Failed to launch/i.test(message);
  if (ownDownload) {
    return context.chromiumPath === undefined
      ? `The browser could not be started: Playwright's own Chromium is not installed (${missing}). Run 'npx playwright install --with-deps chromium' before this step, or set chromium-path to a Chromium on the runner (e.g. /usr/bin/chromium) and have playwright.config use it.`
      : `The browser could not be started: Playwright looked for its own download (${missing}), so playwright.config does not use chromium-path (${context.chromiumPath}). Add \`launchOptions: { executablePath: process.env.CHROMIUM_PATH }\` under \`use\` in playwright.config (see the e2e action's README), or install Playwright's browsers before this step and set chromium-path to ''.`;
  }
  if (missing !== undefined && context.chromiumPath !== undefined && missing !== context.chromiumPath) {
    return `The browser could not be started: playwright.config launches ${missing}, which does not exist, instead of chromium-path (${context.chromiumPath}). Set \`executablePath: process.env.CHROMIUM_PATH\` in its launchOptions (see the e2e action's README).`;
  }
  return `The browser could not be started: ${firstLine}. Check that the Chromium at ${missing ?? context.chromiumPath ?? "the config's executablePath"} runs on this machine, and that playwright.config launches it with --no-sandbox (see the e2e action's README).`;
}

/** The first `Error: …` line of Playwright's output (its errors go to stderr), which names what it could not do. */
function errorLine(result: ProcessResult): string | undefined {
  return `${result.stderr}\n${result.stdout}`
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => /^\w*Error: \S/.test(line));
}
