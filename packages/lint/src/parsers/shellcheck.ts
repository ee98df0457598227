// ShellCheck's `-f json1` report: `{"comments": [...]}`, one comment per problem.
import type { Finding, Severity } from '@flowkit/findings';
import { findingAt, type ParseContext } from './context.ts';

interface ShellcheckComment {
  file?: string;
  line?: number;
  endLine?: number;
  column?: number;
  endColumn?: number;
  level?: string;
  code?: number;
  message?: string;
}

const SEVERITY: Record<string, Severity> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  style: 'note',
};

/** Findings from ShellCheck's json1 report; throws when the text is not one. */
export function parseShellcheckJson(output: string, context: ParseContext): Finding[] {
  const report = JSON.parse(output) as { comments?: ShellcheckComment[] };
  if (!Array.isArray(report?.comments)) throw new Error('the ShellCheck report has no "comments" array');
  return report.comments.map((comment) =>
    findingAt(context, comment.file, {
      rule: `SC${comment.code ?? ''}`,
      severity: SEVERITY[comment.level ?? ''] ?? 'warning',
      message: comment.message?.trim() ?? '',
      line: comment.line,
      column: comment.column,
      endLine: comment.endLine,
      endColumn: comment.endColumn,
      helpUri: `https://www.shellcheck.net/wiki/SC${comment.code ?? ''}`,
    }),
  );
}
