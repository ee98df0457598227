// The `file:line:col: severity: message [rule]` style many tools can print (gcc, stylelint's unix format…).
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Finding, Severity } from '@flowkit/findings';
import { findingAt, type ParseContext } from './context.ts';

const LINE =
  /^(.+?):(\d+):(?:(\d+):)?\s*(?:(fatal error|error|warning|note|info)\s*:\s*)?(.+?)(?:\s+\[([^\]\s]+)\])?\s*$/i;

/**
 * Findings from `file:line[:col]: [error|warning|note:] message [rule]` lines. The severity defaults to error.
 * Lines whose file does not exist are not findings (timestamps, banners, progress).
 */
export function parseGccOutput(output: string, context: ParseContext): Finding[] {
  const findings: Finding[] = [];
  for (const line of output.split(/\r?\n/)) {
    const match = LINE.exec(line);
    if (!match) continue;
    const [, file = '', row, column, level, message = '', rule] = match;
    if (!existsSync(isAbsolute(file) ? file : resolve(context.cwd, file))) continue;
    findings.push(
      findingAt(context, file, {
        rule: rule ?? '',
        severity: severityOf(level),
        message,
        line: Number(row),
        column: column === undefined ? undefined : Number(column),
      }),
    );
  }
  return findings;
}

function severityOf(level: string | undefined): Severity {
  const word = level?.toLowerCase();
  if (word === 'warning') return 'warning';
  if (word === 'note' || word === 'info') return 'note';
  return 'error';
}
