// The one interface every environment driver implements, what a driver runs with, and how its failures read.

import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import {
  commandLine,
  InputError,
  type Logger,
  outputTail,
  type ProcessResult,
  type ProcessRunner,
} from '@flowkit/core';

/** The environment a driver provisions or destroys. */
export interface DriverEnvironment {
  /** The GitHub environment's name: staging, pr-12. */
  name: string;
  /** The commit under test, as the service must report it. */
  commit: string;
  /** The `url` input with its placeholders filled, when given: a hint for the driver and its fallback URL. */
  url: string | undefined;
  /** The `vars` input: the user's variables for the driver. */
  vars: Record<string, unknown>;
}

/** What provisioning produced. */
export interface ProvisionResult {
  /** Where the environment answers; undefined when the driver could not tell (the `url` input is used). */
  url: string | undefined;
}

/** Creates and removes environments with one tool. */
export interface EnvironmentDriver {
  /** Creates or updates the environment at `env.commit`; throws DriverError when the tool fails. */
  provision(env: DriverEnvironment): Promise<ProvisionResult>;
  /** Removes everything provision created; safe to run when nothing, or only part, was created. */
  destroy(env: DriverEnvironment): Promise<void>;
}

/** What a driver runs with. */
export interface DriverContext {
  /** Runs the tool; tests inject one that records command lines. */
  run: ProcessRunner;
  /** Where the tool runs (the working-directory input, resolved). */
  cwd: string;
  /** The environment the tool gets (already without the step's inputs). */
  env: NodeJS.ProcessEnv;
  /** A private folder for files Flowkit hands the tool (extra vars, output files), removed afterwards. */
  tempDir: string;
  log: Logger;
}

/** A tool Flowkit runs, and how a workflow installs it. */
export interface ToolRequirement {
  command: string;
  /** How to put it on PATH, e.g. a pinned setup action. */
  install: string;
}

/** A driver's tool ran and failed: the message carries its last output lines. */
export class DriverError extends Error {
  readonly lastLines: string[];

  /** `shown` is the command as the message shows it (a script's text would drown the rest). */
  constructor(what: string, shown: string, result: ProcessResult, lines = 20) {
    const tail = outputTail(result, lines);
    const how =
      result.startError !== undefined
        ? `could not start (${result.startError})`
        : result.exitCode === null
          ? `was killed by ${result.signal ?? 'a signal'}`
          : `exited with ${result.exitCode}`;
    super(`${what} failed: ${shown} ${how}${tail.length > 0 ? `; its last lines:\n${tail.join('\n')}` : ''}`);
    this.name = 'DriverError';
    this.lastLines = tail;
  }
}

/** A driver could not work out something it needs (e.g. the URL); the message says what to set. */
export class DriverOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DriverOutputError';
  }
}

/** The path of `command` on `path` (PATH's value), or undefined. A command with a slash is checked as it is. */
export function findOnPath(command: string, path: string | undefined): string | undefined {
  const candidates = command.includes('/')
    ? [command]
    : (path ?? '')
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, command));
  return candidates.find(isExecutable);
}

/**
 * Checks that every tool is on PATH before anything happens; an InputError on `driver` names the missing tool
 * and how to install it.
 */
export function requireTools(
  driver: string,
  tools: readonly ToolRequirement[],
  path: string | undefined,
): void {
  for (const tool of tools) {
    if (findOnPath(tool.command, path) !== undefined) continue;
    throw new InputError(
      'driver',
      `is ${driver}, but ${tool.command} is not on PATH`,
      `Install it in an earlier step: ${tool.install}.`,
    );
  }
}

/** Runs one tool command and throws DriverError unless it exits 0; logs the command line first. */
export async function runTool(
  context: DriverContext,
  what: string,
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; shown?: string } = {},
): Promise<ProcessResult> {
  const shown = options.shown ?? commandLine(command, args);
  context.log.info(`$ ${shown}`);
  const result = await context.run(command, args, {
    cwd: options.cwd ?? context.cwd,
    env: { ...context.env, ...options.env },
  });
  // Indented, so a line of the tool's output can never pass for a workflow command (`::error::`, `::add-mask::`).
  for (const line of `${result.stdout}\n${result.stderr}`.split(/\r?\n/)) {
    if (line.trim() !== '') context.log.info(`  ${line.trimEnd()}`);
  }
  if (result.exitCode !== 0) throw new DriverError(what, shown, result);
  return result;
}

/** A variable's value as text for a command line: strings as they are, anything else as JSON. */
export function varText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
