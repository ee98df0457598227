// Runs an action's main function: user errors become one ::error:: line, never a stack trace.
import { errorMessage, isUserError } from '@flowkit/core';
import { debug, error, isDebug } from './commands.ts';

/**
 * Awaits `main`; on failure writes a single `::error::` line and sets exit code 1. Unexpected errors
 * show their stack only with debug logging on.
 */
export async function runAction(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (caught) {
    process.exitCode = 1;
    if (isUserError(caught)) {
      error(caught.message);
      return;
    }
    error(`Unexpected failure: ${errorMessage(caught)}. Re-run with debug logging for details.`);
    if (isDebug() && caught instanceof Error && caught.stack) debug(caught.stack);
  }
}
