// Showing findings within GitHub's limits: annotation budgets per severity, and the bounded summary table.
import { describe, expect, test } from '@jest/globals';
import {
  ANNOTATION_LIMITS,
  chooseAnnotations,
  type Finding,
  findingsTable,
  type Severity,
  SUMMARY_LIMIT_BYTES,
} from '../src/index.ts';

function many(count: number, severity: Severity, file = 'src/app.ts'): Finding[] {
  return Array.from({ length: count }, (_, index) => ({
    tool: 'eslint',
    rule: 'no-console',
    severity,
    message: `problem ${index + 1}`,
    file,
    line: index + 1,
  }));
}

describe('chooseAnnotations', () => {
  test("GitHub's per-step limits: 10 errors, 10 warnings, 10 notices; 1 MiB of summary", () => {
    expect(ANNOTATION_LIMITS).toEqual({ error: 10, warning: 10, note: 10 });
    expect(SUMMARY_LIMIT_BYTES).toBe(1_048_576);
  });

  test('25 errors, 12 warnings, 3 notes: the first 10 errors and 10 warnings and all notes, the rest apart', () => {
    const findings = [...many(3, 'note'), ...many(12, 'warning'), ...many(25, 'error')];
    const { annotated, rest } = chooseAnnotations(findings);
    expect(annotated.map((f) => `${f.severity}:${f.line}`)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `error:${i + 1}`),
      ...Array.from({ length: 10 }, (_, i) => `warning:${i + 1}`),
      'note:1',
      'note:2',
      'note:3',
    ]);
    expect(rest.map((f) => `${f.severity}:${f.line}`)).toEqual([
      ...Array.from({ length: 15 }, (_, i) => `error:${i + 11}`),
      'warning:11',
      'warning:12',
    ]);
  });

  test('custom budgets, including none; the input is not reordered in place', () => {
    const findings = [...many(2, 'warning'), ...many(2, 'error')];
    const copy = [...findings];
    const { annotated, rest } = chooseAnnotations(findings, { error: 1, warning: 0, note: 5 });
    expect(annotated).toEqual([findings[2]]);
    expect(rest).toEqual([findings[3], findings[0], findings[1]]);
    expect(findings).toEqual(copy);
  });

  test('no findings, nothing to annotate', () => {
    expect(chooseAnnotations([])).toEqual({ annotated: [], rest: [] });
  });
});

describe('findingsTable', () => {
  test('a Markdown table, worst first, with where, tool, rule, message and fix', () => {
    const table = findingsTable([
      {
        tool: 'prettier',
        rule: 'format',
        severity: 'warning',
        message: 'Not formatted.',
        file: 'a.md',
        fix: 'Run prettier.',
      },
      {
        tool: 'tsc',
        rule: 'TS2322',
        severity: 'error',
        message: 'Type mismatch.',
        file: 'src/a.ts',
        line: 3,
      },
      { tool: 'tsc', rule: 'TS5058', severity: 'error', message: 'No tsconfig.' },
    ]);
    expect(table).toBe(
      [
        '| severity | where | tool | rule | message |',
        '|---|---|---|---|---|',
        '| error |  | tsc | TS5058 | No tsconfig. |',
        '| error | src/a.ts:3 | tsc | TS2322 | Type mismatch. |',
        '| warning | a.md | prettier | format | Not formatted. — Run prettier. |',
        '',
      ].join('\n'),
    );
  });

  test('empty for no findings', () => {
    expect(findingsTable([])).toBe('');
  });

  test('cells cannot break the table or make links: pipes, newlines, < and [ are escaped', () => {
    const table = findingsTable([
      {
        tool: 'x',
        rule: 'a|b',
        severity: 'error',
        message: 'line one\nline two | <script>alert(1)</script> [click](https://evil.example)',
      },
    ]);
    const row = table.split('\n')[2];
    expect(row).toBe(
      '| error |  | x | a\\|b | line one line two \\| &lt;script>alert(1)&lt;/script> \\[click](https://evil.example) |',
    );
  });

  test('long messages are cut to 1,000 characters per cell', () => {
    const table = findingsTable([{ tool: 'x', rule: 'r', severity: 'note', message: 'y'.repeat(5000) }]);
    expect(table).toContain(`| ${'y'.repeat(1000)} |`);
    expect(table).not.toContain('y'.repeat(1001));
  });

  test('cut to the byte limit, worst kept, with a line saying how many were left out', () => {
    const findings = [...many(500, 'note'), ...many(500, 'error')];
    const table = findingsTable(findings, 10_000);
    expect(Buffer.byteLength(table)).toBeLessThanOrEqual(10_000);
    const rows = table.split('\n').filter((line) => line.startsWith('| error') || line.startsWith('| note'));
    expect(rows.every((row) => row.startsWith('| error'))).toBe(true);
    expect(table).toMatch(
      new RegExp(
        `… and ${1000 - rows.length} more finding\\(s\\) not shown \\(the job summary is limited to 1 MiB\\)\\.\\n$`,
      ),
    );
  });

  test('the default limit keeps a large table under 1 MiB', () => {
    const long = many(1500, 'error').map((finding) => ({ ...finding, message: 'x'.repeat(900) }));
    const table = findingsTable(long);
    expect(Buffer.byteLength(table)).toBeLessThan(SUMMARY_LIMIT_BYTES);
    expect(table).toContain('more finding(s) not shown');
  });
});

test('a lone carriage return cannot break a row', () => {
  const table = findingsTable([{ tool: 't', rule: 'r', severity: 'error', message: 'a\rb' }]);
  expect(table.split('\n')[2]).toBe('| error |  | t | r | a b |');
});
