// Runs `node server/main.ts` as a child process for tests, the way staging and the local run start it.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PACKAGE_DIR } from './helpers.ts';

/** A service started as its own process. */
export interface ServiceProcess {
  child: ChildProcess;
  /** Every stdout line so far. */
  stdout: string[];
  /** stderr so far. */
  stderr(): string;
  /** Resolves with the URL from the first stdout line; rejects if the process exits first. */
  url: Promise<string>;
  /** Resolves when the process has exited, with its code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** Sends SIGTERM unless it has exited already, and waits for the exit. */
  stop(): Promise<number | null>;
}

/**
 * Starts the server with exactly `env` plus PATH (so a GITHUB_TOKEN of the machine running the tests cannot switch it
 * to GitHub mode), using the Node that runs the tests.
 */
export function startServiceProcess(env: Record<string, string>): ServiceProcess {
  const child = spawn(process.execPath, [join(PACKAGE_DIR, 'server', 'main.ts')], {
    cwd: PACKAGE_DIR,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      stdout.push(line);
      if (stdout.length === 1) {
        const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
        if (match) resolve(match[1] as string);
        else reject(new Error(`unexpected first line: ${line}`));
      }
    });
    exited.then((code) => reject(new Error(`the server exited with ${code} before listening: ${stderr}`)));
  });
  // The URL may never be awaited when a test expects the process to fail.
  url.catch(() => undefined);
  return {
    child,
    stdout,
    stderr: () => stderr,
    url,
    exited,
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
