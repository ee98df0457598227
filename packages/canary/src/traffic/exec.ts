// Runs a traffic command with a deadline. @flowkit/core's runProcess has no timeout and gives no handle on the
// child, so a hung `nginx -s reload`, kubectl or user script could not be stopped; this runs it in its own process
// group and kills the whole group (TERM, then KILL) when the time is up. The result has core's ProcessResult shape.
import { spawn } from 'node:child_process';
import { commandLine, outputTail, type ProcessResult } from '@flowkit/core';

/** What a command left behind; `timedOut` when it was killed for running past its deadline. */
export interface CommandResult extends ProcessResult {
  timedOut: boolean;
}

export interface CommandOptions {
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Written to its standard input (closed after); none: stdin is /dev/null. */
  input?: string;
}

/** Output kept per stream: the end of it, where the errors are. */
const MAX_OUTPUT = 1024 * 1024;
/** How long a command killed with SIGTERM has before SIGKILL. */
const KILL_GRACE_MS = 2000;

/** Runs `command args…` (no shell); never rejects. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: CommandOptions,
): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    const keep = (text: string) => (text.length > MAX_OUTPUT ? text.slice(-MAX_OUTPUT) : text);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout = keep(stdout + chunk);
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = keep(stderr + chunk);
    });
    if (options.input !== undefined && child.stdin) {
      child.stdin.on('error', () => undefined); // a command that does not read its input is not an error
      child.stdin.end(options.input);
    }
    let startError: string | undefined;
    let timedOut = false;
    let killTimer: NodeJS.Timeout | undefined;
    const killGroup = (signal: NodeJS.Signals) => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup('SIGTERM');
      killTimer = setTimeout(() => killGroup('SIGKILL'), KILL_GRACE_MS);
    }, options.timeoutMs);
    child.on('error', (error) => {
      startError = error.message;
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      if (killTimer !== undefined) clearTimeout(killTimer);
      resolve({
        exitCode: startError === undefined ? exitCode : null,
        signal,
        stdout,
        stderr,
        timedOut,
        ...(startError === undefined ? {} : { startError }),
      });
    });
  });
}

/** True when the command could not be started because the executable does not exist. */
export function notFound(result: CommandResult): boolean {
  return result.startError !== undefined && /ENOENT/.test(result.startError);
}

/** "`cmd args` failed (exit 2): <last lines>" for an error message. */
export function describeFailure(
  command: string,
  args: readonly string[],
  result: CommandResult,
  timeoutMs: number,
): string {
  const how = result.timedOut
    ? `did not finish within ${Math.round(timeoutMs / 100) / 10} s and was killed`
    : result.startError !== undefined
      ? `could not start (${result.startError})`
      : result.exitCode === null
        ? `was killed by ${result.signal ?? 'a signal'}`
        : `failed (exit ${result.exitCode})`;
  const tail = outputTail(result, 10);
  return `'${commandLine(command, args)}' ${how}${tail.length === 0 ? '' : `:\n${tail.join('\n')}`}`;
}

/** Runs the functions given to it one after another (a failure does not stop the next): weight changes never interleave. */
export function oneAtATime(): <T>(work: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return (work) => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
}
