// Decides what the step shows and whether it fails: annotations within GitHub's budgets, tool problems, summary.
import {
  ANNOTATION_LIMITS,
  chooseAnnotations,
  type Finding,
  findingsTable,
  type Severity,
  SUMMARY_LIMIT_BYTES,
} from '@flowkit/findings';
import { countFindings, describeResult } from './describe.ts';
import type { LinterResult, LintReport } from './run.ts';
import type { FailOn } from './settings.ts';

/** A problem with a linter itself (crashed, not installed, nothing to lint), shown as its own annotation. */
export interface ToolProblem {
  severity: 'error' | 'warning';
  message: string;
}

/** What the step shows and decides. */
export interface LintVerdict {
  /** Findings shown as annotations, worst first. */
  annotated: Finding[];
  /** Findings beyond the annotation budgets (the summary lists them). */
  rest: Finding[];
  /** Tool problems, shown before the findings. */
  problems: ToolProblem[];
  failed: boolean;
  /** Why the step fails, as its last error line. */
  reason?: string;
}

/**
 * Decides from the report and the findings to show (after any changed-lines filter). Tool problems and the
 * failure line are annotations too, so the findings' budgets shrink to leave room for them: GitHub drops the
 * annotations past its per-step limits, and it would drop the last ones.
 */
export function judgeLint(
  report: LintReport,
  findings: readonly Finding[],
  options: {
    failOn: FailOn;
    failOnMissing: boolean;
    /** Annotations the step has already used or will use for other things (e.g. a warning about the cache). */
    reserved?: Partial<Record<Severity, number>>;
  },
  limits: Readonly<Record<Severity, number>> = ANNOTATION_LIMITS,
): LintVerdict {
  const problems = report.results.flatMap((result) => toolProblem(result, options));
  const reasons: string[] = [];
  const counted = findings.filter(
    (finding) =>
      finding.severity === 'error' || (options.failOn === 'warning' && finding.severity === 'warning'),
  );
  if (options.failOn !== 'never' && counted.length > 0) reasons.push(countFindings(counted));
  const crashed = report.results.filter((result) => result.status === 'crashed').map((result) => result.name);
  if (options.failOn !== 'never' && crashed.length > 0) reasons.push(`${crashed.join(', ')} crashed`);
  const missing = report.results.filter((result) => result.status === 'missing').map((result) => result.name);
  if (options.failOnMissing && missing.length > 0) reasons.push(`${missing.join(', ')} not installed`);
  const failed = reasons.length > 0;
  const used = (severity: Severity) =>
    problems.filter((problem) => problem.severity === severity).length + (options.reserved?.[severity] ?? 0);
  const budget = {
    error: Math.max(0, limits.error - used('error') - (failed ? 1 : 0)),
    warning: Math.max(0, limits.warning - used('warning')),
    note: Math.max(0, limits.note - used('note')),
  };
  const { annotated, rest } = chooseAnnotations(findings, budget);
  return {
    annotated,
    rest,
    problems,
    failed,
    ...(failed ? { reason: `Lint failed: ${reasons.join('; ')} (fail-on: ${options.failOn}).` } : {}),
  };
}

function toolProblem(
  result: LinterResult,
  options: { failOn: FailOn; failOnMissing: boolean },
): ToolProblem[] {
  switch (result.status) {
    case 'crashed': {
      const last = result.crash?.tail.at(-1);
      const hint = result.crash?.hint ? ` ${result.crash.hint}` : '';
      return [
        {
          severity: options.failOn === 'never' ? 'warning' : 'error',
          message: `${result.name} ${describeResult(result)}, so its findings are unknown${last ? `: ${last}` : ''}.${hint} The job summary has its last output lines.`,
        },
      ];
    }
    case 'missing':
      return [
        {
          severity: options.failOnMissing ? 'error' : 'warning',
          message: `${result.name} is configured, but ${result.detail}.`,
        },
      ];
    case 'not-applicable':
      return [
        {
          severity: 'warning',
          message: `linters names ${result.name}, but it ${result.detail} here; skipped.`,
        },
      ];
    default:
      return [];
  }
}

/** How findings were narrowed to a pull request's changed lines, for the summary. */
export interface ChangedLinesScope {
  pullRequest: number;
  kept: number;
  dropped: number;
}

/** Everything the summary shows. */
export interface SummaryInput {
  report: LintReport;
  /** The findings that count (after any changed-lines filter). */
  findings: readonly Finding[];
  verdict: LintVerdict;
  scope?: ChangedLinesScope;
  /** A line on why the changed-lines filter was not applied, if it was asked for. */
  scopeNote?: string;
}

const ICON: Record<LinterResult['status'], string> = {
  clean: ':white_check_mark:',
  findings: ':x:',
  crashed: ':boom:',
  missing: ':grey_question:',
  'not-applicable': ':heavy_minus_sign:',
};

/** The job summary in Markdown: a line per linter, the verdict, crash output, and a table of every finding. */
export function lintSummary(input: SummaryInput, limitBytes: number = SUMMARY_LIMIT_BYTES - 1024): string {
  const { report, findings, verdict } = input;
  const counted = new Set(findings);
  const rows = report.results.map((result) => {
    const icon = result.status === 'findings' ? findingsIcon(result.findings) : ICON[result.status];
    const shown = input.scope ? result.findings.filter((finding) => counted.has(finding)) : result.findings;
    const what =
      result.status === 'findings' && input.scope
        ? `${countFindings(shown)} on changed lines (${countFindings(result.findings)} in all)`
        : describeResult(result);
    const time = result.durationMs > 0 ? `${(result.durationMs / 1000).toFixed(1)} s` : '';
    return `| ${result.name} | ${icon} ${cell(what)}${result.detail && result.status !== 'findings' ? `: ${cell(result.detail)}` : ''} | ${time} |`;
  });
  const parts = ['### Lint', ''];
  if (rows.length === 0)
    parts.push('No linter applies here and no commands were given: nothing was checked.', '');
  else parts.push('| linter | result | time |', '|---|---|---|', ...rows, '');
  parts.push(verdict.failed ? `**${verdict.reason}**` : `**Passed** with ${countFindings(findings)}.`, '');
  if (input.scope) {
    parts.push(
      `Only findings on lines pull request #${input.scope.pullRequest} added or changed count: ${input.scope.kept} kept, ${input.scope.dropped} on other lines left out.`,
      '',
    );
  }
  if (input.scopeNote) parts.push(input.scopeNote, '');
  if (verdict.rest.length > 0) {
    parts.push(
      `${verdict.annotated.length} finding(s) are annotations, the worst first; GitHub shows at most 10 errors, 10 warnings and 10 notices per step, so the other ${verdict.rest.length} are only in the table below.`,
      '',
    );
  }
  for (const result of report.results) {
    if (!result.crash) continue;
    const tail = result.crash.tail.join('\n');
    const fence = '`'.repeat(Math.max(3, ...[...tail.matchAll(/`+/g)].map((run) => run[0].length + 1)));
    parts.push(
      `<details><summary>${result.name}: last output lines</summary>`,
      '',
      `${fence}text`,
      tail,
      fence,
      '',
      '</details>',
      '',
    );
  }
  const head = parts.join('\n');
  const table = findingsTable(findings, Math.max(4096, limitBytes - Buffer.byteLength(head)));
  return table === '' ? head : `${head}\n${table}`;
}

function findingsIcon(findings: readonly Finding[]): string {
  if (findings.some((finding) => finding.severity === 'error')) return ':x:';
  return findings.some((finding) => finding.severity === 'warning') ? ':warning:' : ':information_source:';
}

function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}
