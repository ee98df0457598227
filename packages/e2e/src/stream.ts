// Runs a process like core's runProcess, but shows its output line by line as it comes: a test run takes minutes.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { ProcessRunner } from '@flowkit/core';

/** Output kept per stream for the result; the log has everything. */
const MAX_KEPT = 16 * 1024 * 1024;

/**
 * A ProcessRunner that writes each complete line of the child's stdout and stderr to `write` while it runs,
 * between `::stop-commands::` markers so that nothing a test prints (`::error::`, `::add-mask::`…) is taken
 * for a workflow command. It resolves with everything it printed, like runProcess; it never rejects.
 */
export function streamingRunner(write: (text: string) => void): ProcessRunner {
  return (command, args, options) =>
    new Promise((resolve) => {
      const token = `e2e-${randomUUID()}`;
      write(`::stop-commands::${token}\n`);
      const child = spawn(command, args, {
        cwd: options.cwd,
        env: options.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const stdout = lines(write);
      const stderr = lines(write);
      child.stdout.on('data', stdout.add);
      child.stderr.on('data', stderr.add);
      let startError: string | undefined;
      child.on('error', (error) => {
        startError = error.message;
      });
      child.on('close', (exitCode, signal) => {
        stdout.flush();
        stderr.flush();
        write(`::${token}::\n`);
        resolve({
          exitCode: startError === undefined ? exitCode : null,
          signal,
          stdout: stdout.text(),
          stderr: stderr.text(),
          ...(startError === undefined ? {} : { startError }),
        });
      });
    });
}

function lines(write: (text: string) => void): {
  add: (chunk: Buffer) => void;
  flush: () => void;
  text: () => string;
} {
  let pending = '';
  const kept: string[] = [];
  let size = 0;
  const keep = (text: string) => {
    kept.push(text);
    size += text.length;
    while (size > MAX_KEPT && kept.length > 1) size -= (kept.shift() as string).length;
  };
  const decoder = new TextDecoder();
  return {
    add: (chunk) => {
      const text = decoder.decode(chunk, { stream: true });
      keep(text);
      pending += text;
      const end = pending.lastIndexOf('\n');
      if (end === -1) return;
      // Whole lines only, so a mask the runner applies per line sees the whole secret.
      write(pending.slice(0, end + 1));
      pending = pending.slice(end + 1);
    },
    flush: () => {
      const rest = decoder.decode();
      keep(rest);
      pending += rest;
      if (pending !== '') write(`${pending}\n`);
      pending = '';
    },
    text: () => kept.join(''),
  };
}
