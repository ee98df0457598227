// ESLint's `--format json` report: one entry per file, each with its messages.
import type { Finding } from '@flowkit/findings';
import { findingAt, type ParseContext } from './context.ts';

interface EslintMessage {
  ruleId?: string | null;
  severity?: number;
  message?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  fatal?: boolean;
}

interface EslintFileResult {
  filePath?: string;
  messages?: EslintMessage[];
}

/** Findings from ESLint's JSON report; throws when the text is not one (the caller reports a crash). */
export function parseEslintJson(output: string, context: ParseContext): Finding[] {
  const report: unknown = JSON.parse(output);
  if (!Array.isArray(report)) throw new Error('the ESLint report is not a JSON array');
  return (report as EslintFileResult[]).flatMap((file) =>
    (file.messages ?? []).map((message) => {
      // A parse error has no rule: ESLint marks it fatal.
      const rule = message.ruleId ?? (message.fatal ? 'syntax-error' : 'eslint');
      return findingAt(context, file.filePath, {
        rule,
        severity: message.severity === 2 || message.fatal ? 'error' : 'warning',
        message: message.message ?? '',
        line: message.line,
        column: message.column,
        endLine: message.endLine,
        endColumn: message.endColumn,
        ...(message.ruleId && !message.ruleId.includes('/')
          ? { helpUri: `https://eslint.org/docs/latest/rules/${message.ruleId}` }
          : {}),
      });
    }),
  );
}
