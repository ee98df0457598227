// The Playwright command line and environment of one attempt: the first runs everything, retries only what failed.
import { join, resolve } from 'node:path';
import type { E2eSettings } from './settings.ts';

/** Where a run leaves its reports, under the working directory: Playwright's own default folder names. */
export interface ReportPaths {
  /** The working directory (where playwright.config is), absolute. */
  cwd: string;
  /** `playwright-report/`: an HTML report per attempt (`attempt-N/`) and its JUnit file (`junit-attempt-N.xml`). */
  reportDir: string;
  /** `test-results/`: traces, screenshots and videos per attempt (`attempt-N/`). */
  resultsDir: string;
  /** The IDs of the tests that failed, which Playwright writes after each attempt and `--last-failed` reads. */
  lastRunFile: string;
}

/** The report folders of `settings`' working directory. */
export function reportPaths(settings: Pick<E2eSettings, 'root' | 'workingDirectory'>): ReportPaths {
  const cwd = resolve(settings.root, settings.workingDirectory);
  const resultsDir = join(cwd, 'test-results');
  return {
    cwd,
    reportDir: join(cwd, 'playwright-report'),
    resultsDir,
    lastRunFile: join(resultsDir, 'last-run.json'),
  };
}

/** What one attempt runs. */
export interface AttemptPlan {
  /** 1 for the first run, 2 for the first retry… */
  number: number;
  /** Arguments of the Playwright CLI. */
  args: string[];
  /** Variables set for Playwright, on top of the step's environment. */
  env: Record<string, string>;
  junitFile: string;
  htmlDir: string;
  outputDir: string;
}

/**
 * The command of attempt `number`, given `budgetMs` left of the timeout. Every attempt uses the action's
 * reporters (list for the log, JUnit to read, HTML to upload) and `--retries=0`, so retrying — and so telling
 * flaky from failed — is the action's alone. Retries add `--last-failed`: Playwright runs exactly the tests
 * whose IDs the previous attempt wrote to the last-run file; and `--trace=on`, which records what the usual
 * `trace: 'on-first-retry'` would (a retry in a new process is always Playwright's first try).
 */
export function planAttempt(
  settings: Pick<E2eSettings, 'url' | 'projects' | 'grep' | 'chromiumPath' | 'expectedCommit'>,
  paths: ReportPaths,
  number: number,
  budgetMs: number,
): AttemptPlan {
  const outputDir = join(paths.resultsDir, `attempt-${number}`);
  const htmlDir = join(paths.reportDir, `attempt-${number}`);
  const junitFile = join(paths.reportDir, `junit-attempt-${number}.xml`);
  const args = [
    'test',
    '--reporter=list,junit,html',
    '--retries=0',
    `--output=${relativeTo(paths.cwd, outputDir)}`,
    `--last-failed-file=${relativeTo(paths.cwd, paths.lastRunFile)}`,
    ...settings.projects.map((project) => `--project=${project}`),
    ...(settings.grep === undefined ? [] : [`--grep=${settings.grep}`]),
    // Whole seconds: the first attempt gets exactly the timeout, not a few milliseconds less.
    `--global-timeout=${Math.max(1, Math.round(budgetMs / 1000)) * 1000}`,
    ...(number > 1 ? ['--last-failed', '--trace=on'] : []),
  ];
  const env: Record<string, string> = {
    BASE_URL: settings.url,
    // The default of Playwright's `baseURL` option, for configs that do not set one.
    PLAYWRIGHT_TEST_BASE_URL: settings.url,
    PLAYWRIGHT_JUNIT_OUTPUT_FILE: junitFile,
    PLAYWRIGHT_HTML_OUTPUT_DIR: htmlDir,
    PLAYWRIGHT_HTML_OPEN: 'never',
    PLAYWRIGHT_HTML_TITLE:
      number === 1
        ? 'End-to-end tests: attempt 1'
        : `End-to-end tests: attempt ${number} (failed tests again)`,
    // Escape codes would end up in the summary's output lines.
    FORCE_COLOR: '0',
    ...(settings.chromiumPath === undefined ? {} : { CHROMIUM_PATH: settings.chromiumPath }),
    ...(settings.expectedCommit === undefined ? {} : { EXPECTED_COMMIT: settings.expectedCommit }),
  };
  return { number, args, env, junitFile, htmlDir, outputDir };
}

/** Variables the tests (code from the repository, maybe from a pull request) must not see. */
const PRIVATE = /^(INPUT_|ACTIONS_RUNTIME_TOKEN$|ACTIONS_ID_TOKEN_REQUEST_)/;

/** The step's environment without the action's inputs and the runner's tokens, plus the attempt's variables. */
export function attemptEnvironment(base: NodeJS.ProcessEnv, plan: AttemptPlan): NodeJS.ProcessEnv {
  return {
    ...Object.fromEntries(Object.entries(base).filter(([name]) => !PRIVATE.test(name))),
    ...plan.env,
  };
}

function relativeTo(cwd: string, path: string): string {
  return path.startsWith(`${cwd}/`) ? path.slice(cwd.length + 1) : path;
}
