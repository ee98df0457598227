// tsc's `--pretty false` diagnostics: `file(line,col): error TS1234: message`, continued on indented lines.
import type { Finding, Severity } from '@flowkit/findings';
import { findingAt, type ParseContext } from './context.ts';

const LOCATED = /^(.+)\((\d+),(\d+)\): (error|warning|message) (TS\d+): (.*)$/;
const GLOBAL = /^(error|warning|message) (TS\d+): (.*)$/;
const SEVERITY: Record<string, Severity> = { error: 'error', warning: 'warning', message: 'note' };

/** Findings from tsc's plain output; indented lines continue the message above them (type elaboration). */
export function parseTscOutput(output: string, context: ParseContext): Finding[] {
  const findings: Finding[] = [];
  for (const line of output.split(/\r?\n/)) {
    const located = LOCATED.exec(line);
    const global = located ? undefined : GLOBAL.exec(line);
    if (located) {
      const [, file, row, column, level = 'error', code = '', message = ''] = located;
      findings.push(
        findingAt(context, file, {
          rule: code,
          severity: SEVERITY[level] ?? 'error',
          message,
          line: Number(row),
          column: Number(column),
        }),
      );
    } else if (global) {
      const [, level = 'error', code = '', message = ''] = global;
      findings.push(
        findingAt(context, undefined, { rule: code, severity: SEVERITY[level] ?? 'error', message }),
      );
    } else if (/^\s+\S/.test(line) && findings.length > 0) {
      const last = findings[findings.length - 1] as Finding;
      last.message += `\n${line.trimEnd()}`;
    }
  }
  return findings;
}
