// Runs the Playwright tests: a first attempt, then only the failed tests again, up to `retries` times.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import {
  commandLine,
  errorMessage,
  type Logger,
  outputTail,
  type ProcessRunner,
  runProcess,
  silentLogger,
} from '@flowkit/core';
import {
  type AttemptPlan,
  attemptEnvironment,
  planAttempt,
  type ReportPaths,
  reportPaths,
} from './attempt.ts';
import { diagnoseAttempt, type RunProblem } from './diagnose.ts';
import { type JUnitCase, parseJUnit } from './junit.ts';
import { mergeAttempts, type TestResult } from './merge.ts';
import type { E2eSettings } from './settings.ts';

/** One Playwright run. */
export interface AttemptRecord {
  number: number;
  /** The command as a person would type it (the CLI named `playwright`). */
  command: string;
  exitCode: number | null;
  durationMs: number;
  /** Its test cases; empty when its JUnit report could not be read. */
  cases: JUnitCase[];
  junitFile: string;
  htmlDir: string;
  outputDir: string;
}

/** Everything a run found out. */
export interface E2eRun {
  paths: ReportPaths;
  attempts: AttemptRecord[];
  /** One result per test, over all attempts. */
  results: TestResult[];
  /** Set when Playwright could not test (no browser, no tests, a broken config…). */
  problem?: RunProblem;
  /** Why failed tests were not run again although retries were left. */
  retryNote?: string;
  /** Repository-relative paths of the spec files, read only when a failure's stack names no file. */
  specFiles: string[];
}

/** What runE2e uses from its surroundings; tests swap them. */
export interface RunDependencies {
  exec?: ProcessRunner;
  log?: Logger;
  /** The step's environment, which Playwright inherits (less the inputs and tokens). */
  env?: NodeJS.ProcessEnv;
  /** Milliseconds on a monotonic clock. */
  now?: () => number;
}

/** A retry gets at least this long; with less time left, the run stops and says so. */
const MIN_RETRY_MS = 30_000;

/**
 * Runs the tests once, then, while tests failed and retries are left, runs only the tests that failed
 * (`--last-failed`, from the IDs the previous attempt wrote). It never throws for Playwright: a run that
 * could not test is `problem`. Old `playwright-report/` and `test-results/` are removed first, so only this
 * run's reports remain to upload.
 */
export async function runE2e(settings: E2eSettings, dependencies: RunDependencies = {}): Promise<E2eRun> {
  const {
    exec = runProcess,
    log = silentLogger,
    env = process.env,
    now = () => performance.now(),
  } = dependencies;
  const paths = reportPaths(settings);
  await rm(paths.reportDir, { recursive: true, force: true });
  await rm(paths.resultsDir, { recursive: true, force: true });
  const deadline = now() + settings.timeoutMinutes * 60_000;
  const attempts: AttemptRecord[] = [];
  let problem: RunProblem | undefined;
  let retryNote: string | undefined;

  for (let number = 1; ; number++) {
    const plan = planAttempt(settings, paths, number, deadline - now());
    const {
      record,
      failed,
      problem: found,
    } = await runAttempt(settings, plan, paths, { exec, log, env, now });
    attempts.push(record);
    if (found) {
      problem = found;
      break;
    }
    if (failed === 0) break;
    if (number > settings.retries) break;
    const ids = await failedTestIds(paths.lastRunFile);
    if (ids === undefined || ids.length === 0) {
      // With no list, --last-failed would run every test again.
      retryNote = `Failed tests were not run again: Playwright left no list of them in ${relative(settings.root, paths.lastRunFile)}.`;
      break;
    }
    if (deadline - now() < MIN_RETRY_MS) {
      retryNote = `Failed tests were not run again: less than ${MIN_RETRY_MS / 1000} s of the ${settings.timeoutMinutes}-minute timeout was left.`;
      break;
    }
    log.info(`${failed} test(s) failed; running them again (retry ${number} of ${settings.retries}).`);
  }
  const results = mergeAttempts(attempts.map((attempt) => attempt.cases));
  const needsSpecFiles = results.some((result) => result.failure !== undefined);
  return {
    paths,
    attempts,
    results,
    ...(problem ? { problem } : {}),
    ...(retryNote ? { retryNote } : {}),
    specFiles: needsSpecFiles ? await listSpecFiles(settings.root, paths.cwd) : [],
  };
}

async function runAttempt(
  settings: E2eSettings,
  plan: AttemptPlan,
  paths: ReportPaths,
  dependencies: Required<RunDependencies>,
): Promise<{ record: AttemptRecord; failed: number; problem: RunProblem | undefined }> {
  const { exec, log, env, now } = dependencies;
  const command = commandLine('playwright', plan.args);
  log.info(`Attempt ${plan.number}: ${command}`);
  const started = now();
  const result = await exec(settings.playwright, plan.args, {
    cwd: paths.cwd,
    env: attemptEnvironment(env, plan),
  });
  const durationMs = Math.round(now() - started);
  let cases: JUnitCase[] | undefined;
  let reportError: string | undefined;
  try {
    cases = parseJUnit(await readFile(plan.junitFile, 'utf8')).cases;
  } catch (caught) {
    reportError =
      (caught as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'none was written'
        : `it could not be read: ${errorMessage(caught)}`;
  }
  const tail = outputTail(result, 30);
  const problem = diagnoseAttempt({ result, cases, tail, ...(reportError ? { reportError } : {}) }, settings);
  const failed = (cases ?? []).filter((testcase) => testcase.outcome === 'failed').length;
  return {
    record: {
      number: plan.number,
      command,
      exitCode: result.exitCode,
      durationMs,
      cases: cases ?? [],
      junitFile: plan.junitFile,
      htmlDir: plan.htmlDir,
      outputDir: plan.outputDir,
    },
    failed,
    problem,
  };
}

/** The test IDs in Playwright's last-run file, or undefined when it is missing or unreadable. */
async function failedTestIds(file: string): Promise<string[] | undefined> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as { failedTests?: unknown };
    return Array.isArray(data.failedTests)
      ? data.failedTests.filter((id): id is string => typeof id === 'string')
      : undefined;
  } catch {
    return undefined;
  }
}

const SKIP = new Set(['node_modules', '.git', 'playwright-report', 'test-results']);
const SPEC = /\.(spec|test)\.[cm]?[jt]sx?$/;

/** Repository-relative paths of the spec files under `cwd` (at most 5,000; folders such as node_modules skipped). */
async function listSpecFiles(root: string, cwd: string): Promise<string[]> {
  const found: string[] = [];
  const pending = [cwd];
  while (pending.length > 0 && found.length < 5000) {
    const dir = pending.pop() as string;
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isDirectory() && !SKIP.has(entry.name)) pending.push(join(dir, entry.name));
      else if (entry.isFile() && SPEC.test(entry.name)) {
        found.push(relative(root, join(dir, entry.name)).split(sep).join('/'));
      }
    }
  }
  return found.sort();
}
