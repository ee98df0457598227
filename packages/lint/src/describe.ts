// A few words for how a linter ended and what it found, for logs and the summary.
import type { Finding } from '@flowkit/findings';
import type { LinterResult } from './run.ts';

/** A few words on how a linter ended: "clean", "3 errors, 1 warning", "crashed (exit 2)", "not installed". */
export function describeResult(result: LinterResult): string {
  switch (result.status) {
    case 'clean':
      return 'clean';
    case 'findings':
      return countFindings(result.findings);
    case 'crashed':
      return `crashed (${result.crash?.exitCode === null ? 'no exit code' : `exit ${result.crash?.exitCode}`})`;
    case 'missing':
      return 'not installed';
    case 'not-applicable':
      return 'nothing to lint';
  }
}

/** "2 errors, 1 warning, 3 notes" (only the severities present); "no findings" for none. */
export function countFindings(findings: readonly Finding[]): string {
  const parts = (
    [
      ['error', 'errors'],
      ['warning', 'warnings'],
      ['note', 'notes'],
    ] as const
  ).flatMap(([severity, plural]) => {
    const count = findings.filter((finding) => finding.severity === severity).length;
    return count === 0 ? [] : [`${count} ${count === 1 ? severity : plural}`];
  });
  return parts.join(', ') || 'no findings';
}
