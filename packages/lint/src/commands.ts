// Runs a command from the `commands` input through the shell and reads its output in the chosen format.

import type { ProcessRunner } from '@flowkit/core';
import type { LinterOutcome } from './linter.ts';
import { interpret } from './linters/shared.ts';
import { parseOutput } from './parsers/index.ts';
import type { LintCommand } from './settings.ts';

/** Where and how a command runs. */
export interface CommandJob {
  root: string;
  cwd: string;
  exec: ProcessRunner;
  env: NodeJS.ProcessEnv;
}

/**
 * Runs `sh -c <command>` in the working directory. Exit 0 is success whatever it printed; a non-zero exit is
 * "problems found" when its output holds findings, and a crash when it holds none.
 */
export async function runCommand(command: LintCommand, job: CommandJob): Promise<LinterOutcome> {
  const result = await job.exec('sh', ['-c', command.command], { cwd: job.cwd, env: job.env });
  const context = { root: job.root, cwd: job.cwd, tool: command.name };
  return interpret(result, command.command, allExitCodes, () =>
    // A tool that printed nothing found nothing, whatever the format.
    result.stdout.trim() === '' && command.format !== 'gcc' && command.format !== 'tsc'
      ? []
      : parseOutput(command.format, result.stdout, result.stderr, context),
  );
}

/** Any exit code may mean "found problems" for a command; `interpret` still calls a silent failure a crash. */
const allExitCodes = Array.from({ length: 256 }, (_, code) => code);
