// What the built-in linters share: running their tool and telling "found problems" from "could not run".

import { commandLine, outputTail, type ProcessResult } from '@flowkit/core';
import type { Finding } from '@flowkit/findings';
import type { Crash, LinterJob, LinterOutcome } from '../linter.ts';
import type { ParseContext } from '../parsers/context.ts';

/** Runs the job's tool with `args` in the working directory. */
export async function runTool(
  job: LinterJob,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ result: ProcessResult; command: string }> {
  const tool = job.tool as string;
  const result = await job.exec(tool, args, { cwd: job.cwd, env: { ...job.env, ...env } });
  return { result, command: commandLine(tool.slice(tool.lastIndexOf('/') + 1), args) };
}

/**
 * A crash, or undefined when the run worked. It crashed when it could not start, was killed, exited with a
 * code outside `okCodes`, or exited non-zero (problems found) without any finding to show for it.
 */
export function crashOf(
  result: ProcessResult,
  okCodes: readonly number[],
  findings: readonly Finding[],
): Crash | undefined {
  const ok =
    result.startError === undefined &&
    result.exitCode !== null &&
    okCodes.includes(result.exitCode) &&
    (result.exitCode === 0 || findings.length > 0);
  return ok ? undefined : { exitCode: result.exitCode, tail: outputTail(result) };
}

/**
 * Parses with `parse` and decides crash or success in one go. A report that cannot be read is a crash whose
 * tail says why.
 */
export function interpret(
  result: ProcessResult,
  command: string,
  okCodes: readonly number[],
  parse: () => Finding[],
): LinterOutcome {
  let findings: Finding[];
  try {
    findings = parse();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      findings: [],
      command,
      crash: {
        exitCode: result.exitCode,
        tail: [...outputTail(result), `(could not read its report: ${reason})`],
      },
    };
  }
  const crash = crashOf(result, okCodes, findings);
  return crash ? { findings, command, crash } : { findings, command };
}

/** The parse context of a job for `tool`. */
export function parseContext(job: LinterJob, tool: string): ParseContext {
  return { root: job.root, cwd: job.cwd, tool };
}
