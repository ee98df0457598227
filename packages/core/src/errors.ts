// Errors a user can act on: each names what was wrong, where, and how to fix it.

/** A bad action input or CLI option. The message names the input, the problem and the fix. */
export class InputError extends Error {
  readonly input: string;
  readonly problem: string;
  readonly fix: string;

  constructor(input: string, problem: string, fix: string) {
    super(`Input '${input}' ${problem}. ${fix}`);
    this.name = 'InputError';
    this.input = input;
    this.problem = problem;
    this.fix = fix;
  }
}

/** A bad configuration file. The message names the file, the path inside it and what was expected. */
export class ConfigError extends Error {
  readonly file: string;
  readonly path: string;
  readonly line: number | undefined;

  constructor(file: string, path: string, problem: string, line?: number) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${path === '' ? '' : `${path}: `}${problem}`);
    this.name = 'ConfigError';
    this.file = file;
    this.path = path;
    this.line = line;
  }
}

/** True for errors caused by what the user supplied (shown as one line, never with a stack trace). */
export function isUserError(error: unknown): error is InputError | ConfigError {
  return error instanceof InputError || error instanceof ConfigError;
}

/** The message of anything thrown, for logs and annotations. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
