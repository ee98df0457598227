// Decides what the step shows and whether it fails: annotations within GitHub's budgets, and the job summary.
import {
  ANNOTATION_LIMITS,
  chooseAnnotations,
  type Finding,
  type Severity,
  SUMMARY_LIMIT_BYTES,
} from '@flowkit/findings';
import { locateFailure } from './location.ts';
import { countResults, type TestResult, type TestStatus } from './merge.ts';
import type { E2eRun } from './run.ts';

/** What the step shows and decides. */
export interface E2eVerdict {
  counts: Record<TestStatus, number>;
  /** Failed tests (errors) and flaky ones (warnings) shown as annotations, failed first. */
  annotated: Finding[];
  /** Those beyond the annotation budgets (the summary lists every test). */
  rest: Finding[];
  failed: boolean;
  /** The step's last line: why it failed (a problem's own message), or that it passed (and with how many flaky). */
  conclusion: string;
}

/** The annotations the step writes besides the tests' own: `reserved` counts those already written. */
export function judgeE2e(
  run: E2eRun,
  options: { root: string; reserved?: Partial<Record<Severity, number>> },
  limits: Readonly<Record<Severity, number>> = ANNOTATION_LIMITS,
): E2eVerdict {
  const counts = countResults(run.results);
  const failed = run.problem !== undefined || counts.failed > 0;
  // A browser that did not start fails every test the same way: its one explanation is the annotation.
  const findings = run.problem?.cause === 'browser' ? [] : testFindings(run, options.root);
  const used = (severity: Severity) => options.reserved?.[severity] ?? 0;
  const budget = {
    // The conclusion is an error too.
    error: Math.max(0, limits.error - used('error') - (failed ? 1 : 0)),
    warning: Math.max(0, limits.warning - used('warning')),
    note: Math.max(0, limits.note - used('note')),
  };
  const { annotated, rest } = chooseAnnotations(findings, budget);
  return { counts, annotated, rest, failed, conclusion: conclusionOf(run, counts) };
}

/** One finding per failed test (an error) and per flaky test (a warning), at the line the test failed on. */
export function testFindings(run: E2eRun, root: string): Finding[] {
  const context = { root, cwd: run.paths.cwd, specFiles: run.specFiles };
  const manyProjects = new Set(run.results.map((result) => result.project)).size > 1;
  return run.results
    .filter((result) => result.status === 'failed' || result.status === 'flaky')
    .map((result): Finding => {
      const where = result.failure ? locateFailure(result.failure.text, context) : undefined;
      const detail = result.failure ? failureDetail(result.failure.text, result.failure.message) : '';
      const message =
        result.status === 'failed'
          ? `${detail}${detail ? '\n' : ''}${attemptsText(result)}`
          : `Flaky: failed in attempt ${result.failedAttempts.join(', ') || '1'}, then passed${result.passedAttempt ? ` in attempt ${result.passedAttempt}` : ''}.${detail ? `\n${detail}` : ''}`;
      return {
        tool: 'e2e',
        rule: testTitle(result, manyProjects),
        severity: result.status === 'failed' ? 'error' : 'warning',
        message,
        ...(where ? { file: where.file, line: where.line, column: where.column } : {}),
      };
    });
}

/** `file › describe › title`, with `[project]` first when the run has more than one project. */
export function testTitle(result: TestResult, withProject: boolean): string {
  const title = [result.suite || result.classname, result.name].filter(Boolean).join(' › ');
  return withProject && result.project ? `[${result.project}] ${title}` : title;
}

function attemptsText(result: TestResult): string {
  const attempts = result.failedAttempts;
  return attempts.length > 1
    ? `Failed in all ${attempts.length} attempts.`
    : `Failed in attempt ${attempts[0] ?? 1}.`;
}

/**
 * The part of Playwright's failure text a reader needs: the error and what was expected, without the header,
 * call log, code frame, stack and attachment lines (the file and line are the annotation's own).
 */
export function failureDetail(text: string, message: string, maxLines = 8): string {
  const kept: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (/^(Call log:|Error Context:|attachment #\d|at\s)/.test(line) || /^>?\s*\d+\s+\|/.test(line)) break;
    if (line === '' || line.includes(' › ') || /^─+$/.test(line)) continue;
    kept.push(line);
    if (kept.length === maxLines) break;
  }
  return kept.length > 0 ? kept.join('\n') : message;
}

function conclusionOf(run: E2eRun, counts: Record<TestStatus, number>): string {
  const tally = tallyText(counts);
  // A problem's message already says what went wrong and what to do.
  if (run.problem) return run.problem.message;
  const attempts = run.attempts.length;
  if (counts.failed > 0) {
    return `E2E tests failed: ${tally}${attempts > 1 ? ` after ${attempts - 1} retr${attempts === 2 ? 'y' : 'ies'} of the failed tests` : ''}.`;
  }
  if (counts.flaky > 0) {
    return `E2E tests passed, but ${counts.flaky} test(s) are flaky: they failed, then passed when run again (${tally}). Flaky tests do not fail the step.`;
  }
  return `E2E tests passed: ${tally}.`;
}

/** "1 failed, 1 flaky, 2 passed, 1 skipped", leaving out the zeros. */
export function tallyText(counts: Record<TestStatus, number>): string {
  const parts = (['failed', 'flaky', 'passed', 'skipped'] as const)
    .filter((status) => counts[status] > 0)
    .map((status) => `${counts[status]} ${status}`);
  return parts.length > 0 ? parts.join(', ') : 'no tests';
}

/** Where the reports went, for the summary: an uploaded artifact, or folders on the runner. */
export interface ReportLocation {
  /** The artifact's link (or name) when uploaded. */
  artifact?: { name: string; url?: string };
  /** A sentence on why nothing was uploaded. */
  note?: string;
}

const ICON: Record<TestStatus, string> = {
  failed: ':x: failed',
  flaky: ':warning: flaky',
  passed: ':white_check_mark: passed',
  skipped: ':heavy_minus_sign: skipped',
};
const ORDER: Record<TestStatus, number> = { failed: 0, flaky: 1, skipped: 2, passed: 3 };

/** The job summary in Markdown: the verdict, the attempts, a table of every test (cut under 1 MiB), the reports. */
export function e2eSummary(
  input: { run: E2eRun; verdict: E2eVerdict; url: string; root: string; location: ReportLocation },
  limitBytes: number = SUMMARY_LIMIT_BYTES - 1024,
): string {
  const { run, verdict } = input;
  const parts = ['### End-to-end tests', '', `Against ${cell(withoutCredentials(input.url))}.`, ''];
  parts.push(verdict.failed ? `**${verdict.conclusion}**` : verdict.conclusion, '');
  if (run.retryNote) parts.push(run.retryNote, '');
  parts.push(
    '| attempt | command | exit code | tests | time |',
    '|---|---|---|---|---|',
    ...run.attempts.map(
      (attempt) =>
        `| ${attempt.number} | \`${attempt.command.replace(/`/g, "'").replace(/\|/g, '\\|')}\` | ${attempt.exitCode ?? 'killed'} | ${attemptTally(attempt.cases)} | ${seconds(attempt.durationMs)} |`,
    ),
    '',
  );
  if (run.problem) {
    const tail = run.problem.tail.join('\n');
    const fence = '`'.repeat(Math.max(3, ...[...tail.matchAll(/`+/g)].map((match) => match[0].length + 1)));
    parts.push(
      '<details><summary>Playwright: last output lines</summary>',
      '',
      `${fence}text`,
      tail,
      fence,
      '',
      '</details>',
      '',
    );
  }
  if (verdict.rest.length > 0) {
    parts.push(
      `${verdict.annotated.length} test(s) are annotations; GitHub shows at most 10 errors and 10 warnings per step, so the other ${verdict.rest.length} are only in the table below.`,
      '',
    );
  }
  parts.push(reportText(input.location, run, input.root), '');
  const head = parts.join('\n');
  return `${head}\n${resultsTable(run.results, Math.max(4096, limitBytes - Buffer.byteLength(head)))}`;
}

/**
 * Every test, failed first, then flaky, skipped and passed: suite, test, result, duration and retries, cut so
 * the text stays within `limitBytes` with a line saying how many were left out.
 */
export function resultsTable(results: readonly TestResult[], limitBytes: number): string {
  if (results.length === 0) return 'No test ran.\n';
  const manyProjects = new Set(results.map((result) => result.project)).size > 1;
  const header = '| suite | test | result | duration | retries |\n|---|---|---|---|---|\n';
  const sorted = [...results].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  const rows = [header];
  let bytes = Buffer.byteLength(header);
  for (const result of sorted) {
    const suite = manyProjects && result.project ? `[${result.project}] ${result.suite}` : result.suite;
    const why = result.status === 'skipped' && result.skipReason ? ` (${result.skipReason})` : '';
    const row = `| ${cell(suite || result.classname)} | ${cell(result.name)} | ${ICON[result.status]}${cell(why)} | ${result.status === 'skipped' ? '' : seconds(result.durationMs)} | ${result.retries} |\n`;
    const size = Buffer.byteLength(row);
    if (bytes + size > limitBytes - 200) break;
    rows.push(row);
    bytes += size;
  }
  const left = sorted.length - (rows.length - 1);
  return left > 0
    ? `${rows.join('')}\n… and ${left} more test(s) not shown (the job summary is limited to 1 MiB).\n`
    : rows.join('');
}

function reportText(location: ReportLocation, run: E2eRun, root: string): string {
  const folders = [run.paths.reportDir, run.paths.resultsDir].map((dir) => `\`${relativeName(root, dir)}/\``);
  const perAttempt =
    run.attempts.length > 1
      ? ` \`playwright-report/\` holds an HTML report per attempt (${run.attempts.map((attempt) => `\`attempt-${attempt.number}/\``).join(', ')}); a retry's holds only the tests it ran again.`
      : '';
  if (location.artifact) {
    const name = location.artifact.url
      ? `[${cell(location.artifact.name)}](${location.artifact.url})`
      : `\`${location.artifact.name}\``;
    return `The HTML report and traces (${folders.join(' and ')}) are in the artifact ${name}.${perAttempt}`;
  }
  return `The HTML report and traces are in ${folders.join(' and ')} on the runner${location.note ? `: ${location.note}` : '.'}${perAttempt}`;
}

/** The URL without a user name and password, for display. */
export function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username === '' && parsed.password === '') return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url;
  }
}

function relativeName(root: string, dir: string): string {
  return dir.startsWith(`${root}/`) ? dir.slice(root.length + 1) : dir;
}

function attemptTally(cases: readonly { outcome: 'passed' | 'failed' | 'skipped' }[]): string {
  if (cases.length === 0) return 'none';
  const count = (outcome: string) => cases.filter((testcase) => testcase.outcome === outcome).length;
  return (['failed', 'passed', 'skipped'] as const)
    .filter((outcome) => count(outcome) > 0)
    .map((outcome) => `${count(outcome)} ${outcome}`)
    .join(', ');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function cell(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/\[/g, '\\[')
    .slice(0, 1000);
}
