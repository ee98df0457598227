// Prettier's `--list-different` output: one unformatted file per line, and `[error] file: SyntaxError: … (l:c)`.
import type { Finding } from '@flowkit/findings';
import { findingAt, type ParseContext } from './context.ts';

const SYNTAX_ERROR = /^\[error\] (.+?): (\w*Error): (.*?)(?: \((\d+):(\d+)\))?$/;

/** Findings from `prettier --list-different`: stdout lists unformatted files, stderr files it could not parse. */
export function parsePrettierOutput(stdout: string, stderr: string, context: ParseContext): Finding[] {
  const unformatted = stdout
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('['))
    .map((file) =>
      findingAt(context, file, {
        rule: 'format',
        severity: 'error',
        message: 'Not formatted as Prettier would format it.',
        fix: `Run 'npx prettier --write ${file}'.`,
      }),
    );
  const unparsable = stderr.split(/\r?\n/).flatMap((line) => {
    const match = SYNTAX_ERROR.exec(line);
    if (!match) return [];
    const [, file, kind = 'SyntaxError', message = '', row, column] = match;
    return [
      findingAt(context, file, {
        rule: 'syntax-error',
        severity: 'error',
        message: `${kind}: ${message}`,
        line: row === undefined ? undefined : Number(row),
        column: column === undefined ? undefined : Number(column),
      }),
    ];
  });
  return [...unformatted, ...unparsable];
}
