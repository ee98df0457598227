// Output parsers by format name: the formats a configured command's output may be read as.
import type { Finding } from '@flowkit/findings';
import type { ParseContext } from './context.ts';
import { parseEslintJson } from './eslint-json.ts';
import { parseGccOutput } from './gcc.ts';
import { parseSarif } from './sarif.ts';
import { parseTscOutput } from './tsc.ts';

export * from './actionlint.ts';
export * from './context.ts';
export * from './eslint-json.ts';
export * from './gcc.ts';
export * from './markdownlint.ts';
export * from './prettier.ts';
export * from './sarif.ts';
export * from './shellcheck.ts';
export * from './tsc.ts';

/** The formats a configured command's output can be parsed as. */
export const OUTPUT_FORMATS = ['gcc', 'tsc', 'eslint-json', 'sarif'] as const;

export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/**
 * Parses a command's output in `format`. JSON formats read stdout only (a tool's progress goes to stderr);
 * line formats read both.
 */
export function parseOutput(
  format: OutputFormat,
  stdout: string,
  stderr: string,
  context: ParseContext,
): Finding[] {
  switch (format) {
    case 'eslint-json':
      return parseEslintJson(stdout, context);
    case 'sarif':
      return parseSarif(stdout, context);
    case 'tsc':
      return parseTscOutput(`${stdout}\n${stderr}`, context);
    case 'gcc':
      return parseGccOutput(`${stdout}\n${stderr}`, context);
  }
}
