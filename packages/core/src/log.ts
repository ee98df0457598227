// The logging interface packages write to; actions pass the runner's commands, the CLI its own printer.

/** Where a package reports progress and problems. */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
}

/** A logger that drops everything (tests that do not look at logs). */
export const silentLogger: Logger = { info() {}, warning() {}, debug() {} };
