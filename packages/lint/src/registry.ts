// The built-in linters, registered by the name the `linters` input uses, in the order they run and report.
import type { Linter, LinterName } from './linter.ts';
import { actionlint } from './linters/actionlint.ts';
import { eslint } from './linters/eslint.ts';
import { markdownlint } from './linters/markdownlint.ts';
import { prettier } from './linters/prettier.ts';
import { shellcheck } from './linters/shellcheck.ts';
import { tsc } from './linters/tsc.ts';

/** Every built-in linter by name. */
export const LINTERS: Readonly<Record<LinterName, Linter>> = {
  eslint,
  prettier,
  tsc,
  actionlint,
  shellcheck,
  markdownlint,
};

/** The names `linters` accepts, in order. */
export const LINTER_NAMES = Object.keys(LINTERS) as LinterName[];

/** True when `name` is a built-in linter. */
export function isLinterName(name: string): name is LinterName {
  return Object.hasOwn(LINTERS, name);
}
