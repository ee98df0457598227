// What every checker reports: one finding, with where it is, how bad it is, and how to fix it.

/** How bad a finding is, in SARIF's words (`note` is shown as a notice on GitHub). */
export type Severity = 'error' | 'warning' | 'note';

/** One problem found by a linter or scanner. Paths are relative to the repository root, with '/'. */
export interface Finding {
  /** The tool that found it: 'eslint', 'shellcheck', 'secrets', 'npm-audit', 'workflow-audit', 'codeql'… */
  tool: string;
  /** The tool's rule id, e.g. 'no-unused-vars', 'SC2086', 'github-token'. */
  rule: string;
  severity: Severity;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** How to fix it, in a sentence. */
  fix?: string;
  helpUri?: string;
  /** Stable across runs and line moves, to tell new findings from old ones (e.g. a hash of rule + content). */
  fingerprint?: string;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

/** Worst first, then by file and line: the order findings are shown in. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    RANK[a.severity] - RANK[b.severity] ||
    (a.file ?? '').localeCompare(b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    a.rule.localeCompare(b.rule)
  );
}

/** Severity at or above `threshold` (error ≥ warning ≥ note). */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] <= RANK[threshold];
}
