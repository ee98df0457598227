// What the step shows and decides: annotation budgets with tool problems, failing, and the job summary.
import type { Finding, Severity } from '@flowkit/findings';
import { describe, expect, test } from '@jest/globals';
import { judgeLint, type LinterResult, type LintReport, lintSummary } from '../src/index.ts';

function findings(count: number, severity: Severity, tool = 'eslint'): Finding[] {
  return Array.from({ length: count }, (_, index) => ({
    tool,
    rule: 'no-console',
    severity,
    message: `problem ${index + 1}`,
    file: 'src/app.js',
    line: index + 1,
  }));
}

function report(...results: Partial<LinterResult>[]): LintReport {
  const full = results.map(
    (result): LinterResult => ({
      name: 'eslint',
      kind: 'linter',
      status: 'findings',
      findings: [],
      durationMs: 1200,
      ...result,
    }),
  );
  return { results: full, findings: full.flatMap((result) => result.findings) };
}

const defaults = { failOn: 'error' as const, failOnMissing: false };

describe('judgeLint', () => {
  test('25 errors: 9 annotations (the failure line takes the tenth), 16 for the summary; the step fails', () => {
    const all = findings(25, 'error');
    const verdict = judgeLint(report({ findings: all }), all, defaults);
    expect(verdict.annotated).toHaveLength(9);
    expect(verdict.rest).toHaveLength(16);
    expect(verdict.annotated.map((f) => f.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(verdict).toMatchObject({
      failed: true,
      reason: 'Lint failed: 25 errors (fail-on: error).',
      problems: [],
    });
  });

  test('warnings and notes have their own budgets of 10, and do not fail by default', () => {
    const all = [...findings(12, 'warning'), ...findings(3, 'note')];
    const verdict = judgeLint(report({ findings: all }), all, defaults);
    expect(verdict.annotated.filter((f) => f.severity === 'warning')).toHaveLength(10);
    expect(verdict.annotated.filter((f) => f.severity === 'note')).toHaveLength(3);
    expect(verdict.failed).toBe(false);
  });

  test('fail-on: warning fails on warnings; never does not fail even on errors', () => {
    const warnings = findings(1, 'warning');
    expect(
      judgeLint(report({ findings: warnings }), warnings, { ...defaults, failOn: 'warning' }).reason,
    ).toBe('Lint failed: 1 warning (fail-on: warning).');
    const errors = findings(2, 'error');
    expect(judgeLint(report({ findings: errors }), errors, { ...defaults, failOn: 'never' }).failed).toBe(
      false,
    );
  });

  test('a crash is an error that fails the step (a warning with fail-on: never), and takes an annotation', () => {
    const crashed = report(
      { name: 'tsc', status: 'crashed', crash: { exitCode: 134, tail: ['FATAL ERROR: heap out of memory'] } },
      { name: 'eslint', findings: findings(12, 'error') },
    );
    const verdict = judgeLint(crashed, crashed.findings, defaults);
    expect(verdict.problems).toEqual([
      {
        severity: 'error',
        message:
          'tsc crashed (exit 134), so its findings are unknown: FATAL ERROR: heap out of memory. The job summary has its last output lines.',
      },
    ]);
    expect(verdict.annotated).toHaveLength(8);
    expect(verdict.reason).toBe('Lint failed: 12 errors; tsc crashed (fail-on: error).');
    expect(judgeLint(crashed, [], { ...defaults, failOn: 'never' })).toMatchObject({
      failed: false,
      problems: [expect.objectContaining({ severity: 'warning' })],
    });
  });

  test('a missing tool is a warning, or an error that fails with fail-on-missing; reserved slots shrink budgets', () => {
    const missing = report({ name: 'shellcheck', status: 'missing', detail: 'shellcheck was not found' });
    expect(judgeLint(missing, [], defaults)).toMatchObject({
      failed: false,
      problems: [{ severity: 'warning', message: 'shellcheck is configured, but shellcheck was not found.' }],
    });
    expect(judgeLint(missing, [], { ...defaults, failOnMissing: true })).toMatchObject({
      failed: true,
      reason: 'Lint failed: shellcheck not installed (fail-on: error).',
      problems: [{ severity: 'error' }],
    });
    const warnings = findings(10, 'warning');
    expect(judgeLint(missing, warnings, { ...defaults, reserved: { warning: 2 } }).annotated).toHaveLength(7);
  });

  test('a chosen linter with nothing to lint is a warning naming what was looked for', () => {
    const skipped = report({ name: 'tsc', status: 'not-applicable', detail: 'found no tsconfig.json' });
    expect(judgeLint(skipped, [], defaults).problems).toEqual([
      { severity: 'warning', message: 'linters names tsc, but it found no tsconfig.json here; skipped.' },
    ]);
  });
});

describe('lintSummary', () => {
  test('a row per linter, the verdict, the budget note and a table of every finding', () => {
    const all = [...findings(25, 'error'), ...findings(1, 'warning', 'prettier')];
    const lint = report(
      { name: 'eslint', findings: all.slice(0, 25) },
      { name: 'prettier', findings: all.slice(25), durationMs: 400 },
      { name: 'tsc', status: 'clean', durationMs: 2000 },
      {
        name: 'shellcheck',
        status: 'missing',
        durationMs: 0,
        detail: 'shellcheck was not found | install it',
      },
    );
    const verdict = judgeLint(lint, all, defaults);
    const summary = lintSummary({ report: lint, findings: all, verdict });
    expect(summary).toContain(
      [
        '### Lint',
        '',
        '| linter | result | time |',
        '|---|---|---|',
        '| eslint | :x: 25 errors | 1.2 s |',
        '| prettier | :warning: 1 warning | 0.4 s |',
        '| tsc | :white_check_mark: clean | 2.0 s |',
        '| shellcheck | :grey_question: not installed: shellcheck was not found \\| install it |  |',
        '',
        '**Lint failed: 25 errors (fail-on: error).**',
        '',
        '10 finding(s) are annotations, the worst first; GitHub shows at most 10 errors, 10 warnings and 10 notices per step, so the other 16 are only in the table below.',
      ].join('\n'),
    );
    expect(summary).toContain('| error | src/app.js:25 | eslint | no-console | problem 25 |');
    expect(summary).toContain('| warning | src/app.js:1 | prettier | no-console | problem 1 |');
  });

  test('a crash shows its last output lines in a fence longer than any backticks inside', () => {
    const crashed = report({ name: 'tsc', status: 'crashed', crash: { exitCode: 1, tail: ['```', 'boom'] } });
    const summary = lintSummary({ report: crashed, findings: [], verdict: judgeLint(crashed, [], defaults) });
    expect(summary).toContain(
      '<details><summary>tsc: last output lines</summary>\n\n````text\n```\nboom\n````\n\n</details>',
    );
  });

  test('the changed-lines scope is explained; counts per linter are on changed lines, with the total', () => {
    const all = findings(3, 'error');
    const lint = report({ findings: all });
    const shown = all.slice(0, 1);
    const summary = lintSummary({
      report: lint,
      findings: shown,
      verdict: judgeLint(lint, shown, defaults),
      scope: { pullRequest: 7, kept: 1, dropped: 2 },
    });
    expect(summary).toContain('| eslint | :x: 1 error on changed lines (3 errors in all) | 1.2 s |');
    expect(summary).toContain(
      'Only findings on lines pull request #7 added or changed count: 1 kept, 2 on other lines left out.',
    );
  });

  test('nothing to check says so; a clean run passes', () => {
    const summary = lintSummary({
      report: report(),
      findings: [],
      verdict: judgeLint(report(), [], defaults),
    });
    expect(summary).toContain('No linter applies here and no commands were given: nothing was checked.');
    expect(summary).toContain('**Passed** with no findings.');
  });

  test('stays within the byte limit with tens of thousands of findings, saying how many were left out', () => {
    const all = findings(40_000, 'error');
    const lint = report({ findings: all });
    const summary = lintSummary(
      { report: lint, findings: all, verdict: judgeLint(lint, all, defaults) },
      200_000,
    );
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(200_000);
    expect(summary).toMatch(/… and \d+ more finding\(s\) not shown/);
  });
});
