// Runs an external tool and collects its output; behind an interface so tests and other runners can swap it.
import { spawn } from 'node:child_process';

/** What a finished process left behind. */
export interface ProcessResult {
  /** null when it was killed by a signal or could not start. */
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  /** Why it could not start (e.g. ENOENT), if it did not. */
  startError?: string;
}

/** Options of one process run. */
export interface ProcessOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Runs `command` with `args` (no shell) and resolves when it exits; never rejects. */
export type ProcessRunner = (
  command: string,
  args: string[],
  options: ProcessOptions,
) => Promise<ProcessResult>;

/** Output kept per stream; a linter printing more is cut from the start, keeping the end (where crashes are). */
const MAX_OUTPUT = 64 * 1024 * 1024;

/** Runs a process with node:child_process. */
export const runProcess: ProcessRunner = (command, args, options) =>
  new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout = collect();
    const stderr = collect();
    child.stdout.on('data', stdout.add);
    child.stderr.on('data', stderr.add);
    let startError: string | undefined;
    child.on('error', (error) => {
      startError = error.message;
    });
    child.on('close', (exitCode, signal) => {
      resolve({
        exitCode: startError === undefined ? exitCode : null,
        signal,
        stdout: stdout.text(),
        stderr: stderr.text(),
        ...(startError === undefined ? {} : { startError }),
      });
    });
  });

function collect(): { add: (chunk: Buffer) => void; text: () => string } {
  const chunks: Buffer[] = [];
  let size = 0;
  return {
    add: (chunk) => {
      chunks.push(chunk);
      size += chunk.length;
      while (size > MAX_OUTPUT && chunks.length > 1) size -= (chunks.shift() as Buffer).length;
    },
    text: () => Buffer.concat(chunks).toString('utf8'),
  };
}

/** The last `count` non-empty lines of a process's output (stdout, then stderr), each cut to 500 characters. */
export function outputTail(
  result: Pick<ProcessResult, 'stdout' | 'stderr' | 'startError'>,
  count = 20,
): string[] {
  const lines = [result.stdout, result.stderr, result.startError ?? '']
    .flatMap((text) => text.split(/\r?\n/))
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '');
  return lines.slice(-count).map((line) => (line.length > 500 ? `${line.slice(0, 500)}…` : line));
}

/** `command args…` as a person would type it, for logs and the summary. */
export function commandLine(command: string, args: readonly string[]): string {
  return [command, ...args]
    .map((part) => (/^[\w@%+=:,./-]+$/.test(part) ? part : `'${part.replace(/'/g, "'\\''")}'`))
    .join(' ');
}
