// markdownlint-cli2's default output: `file:line[:col] [error|warning] MD022/alias description [detail]`.
import type { Finding } from '@flowkit/findings';
import { findingAt, type ParseContext } from './context.ts';

const LINE = /^(.+?):(\d+)(?::(\d+))?\s+(?:(error|warning)\s+)?(\S+)\s+(.*)$/;

/** Findings from markdownlint-cli2's text output (it prints them on stderr). */
export function parseMarkdownlintOutput(output: string, context: ParseContext): Finding[] {
  const findings: Finding[] = [];
  for (const line of output.split(/\r?\n/)) {
    const match = LINE.exec(line);
    if (!match) continue;
    const [, file, row, column, level, rule = '', message = ''] = match;
    const number = /^MD(\d{3})/.exec(rule)?.[1];
    findings.push(
      findingAt(context, file, {
        rule,
        severity: level === 'warning' ? 'warning' : 'error',
        message,
        line: Number(row),
        column: column === undefined ? undefined : Number(column),
        ...(number
          ? { helpUri: `https://github.com/DavidAnson/markdownlint/blob/main/doc/md${number}.md` }
          : {}),
      }),
    );
  }
  return findings;
}
