// The command traffic driver: any script moves the traffic. It gets the weight as its last argument and as
// FLOWKIT_CANARY_WEIGHT, must finish within the timeout, and must exit 0 only once the weight is in force.
import { InputError } from '@flowkit/core';
import type { TrafficDriver } from './driver.ts';
import { describeFailure, notFound, oneAtATime, runCommand } from './exec.ts';
import {
  argvOption,
  checkWeight,
  durationOption,
  formatWeight,
  optionInput,
  rejectUnknown,
  stringMapOption,
  stringOption,
} from './options.ts';

/**
 * The command driver's options. A command is a list (run directly, the weight appended as the last argument) or
 * a string (run by `sh -c`, the weight in `$1`).
 */
export interface CommandDriverOptions {
  /** Sets the weight, e.g. `['./deploy/set-weight.sh']` or `'./deploy/set-weight.sh "$1"'`. */
  command: string[] | string;
  /** Prints the weight in force (a number, `%` allowed) on its last line; without it currentWeight is undefined. */
  readCommand?: string[] | string;
  /** Working directory; default the current one. */
  cwd?: string;
  /** Extra environment variables. */
  env?: Record<string, string>;
  /** Limit for each run; default 300000 (5 minutes). */
  timeoutMs?: number;
}

const KNOWN = ['command', 'readCommand', 'cwd', 'env', 'timeoutMs'] as const;

type Argv = [string, ...string[]];

/** A command option as argv: a list as is, a string through `sh -c` (the weight, if any, as $1). */
function commandOption(options: Record<string, unknown>, key: string, required: boolean): Argv | undefined {
  const fix = `e.g. '${key}: [./deploy/set-weight.sh]' or '${key}: ./deploy/set-weight.sh "$1"'.`;
  const value = options[key];
  if (typeof value === 'string' || value === undefined || value === null) {
    const text = required
      ? stringOption(options, key, { required: true, fix })
      : stringOption(options, key, { fix });
    return text === undefined ? undefined : ['/bin/sh', '-c', text, 'flowkit-traffic'];
  }
  return argvOption(options, key, fix) as Argv;
}

/** The command driver. Options are checked at once (InputError), before anything runs. */
export function commandDriver(options: CommandDriverOptions | Record<string, unknown>): TrafficDriver {
  const raw = options as Record<string, unknown>;
  rejectUnknown('command', raw, KNOWN);
  const command = commandOption(raw, 'command', true) as Argv;
  const readCommand = commandOption(raw, 'readCommand', false);
  const cwd = stringOption(raw, 'cwd', { fix: "e.g. 'cwd: deploy'." });
  const extraEnv = stringMapOption(raw, 'env', "e.g. 'env: {SERVICE: web}'.");
  const timeoutMs = durationOption(raw, 'timeoutMs', 300_000, { min: 100, max: 3_600_000 });
  let last: number | undefined;

  const run = async (argv: Argv, weight: number | undefined) => {
    const [program, ...baseArgs] = argv;
    const args = weight === undefined ? baseArgs : [...baseArgs, formatWeight(weight)];
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...extraEnv,
      ...(weight === undefined ? {} : { FLOWKIT_CANARY_WEIGHT: formatWeight(weight) }),
    };
    const result = await runCommand(program, args, { timeoutMs, env, ...(cwd === undefined ? {} : { cwd }) });
    if (notFound(result))
      throw new InputError(
        optionInput(argv === command ? 'command' : 'readCommand'),
        `names a program that could not be started: '${program}' (${result.startError})`,
        'Give a path to an executable (relative to cwd) or a shell command line as a string.',
      );
    return { program, args, result };
  };

  const serial = oneAtATime();
  const read = async (): Promise<number | undefined> => {
    if (readCommand === undefined) return undefined;
    const { program, args, result } = await run(readCommand, undefined);
    if (result.exitCode !== 0)
      throw new Error(
        `reading the canary weight failed: ${describeFailure(program, args, result, timeoutMs)}`,
      );
    const line = result.stdout.trim().split(/\r?\n/).at(-1)?.trim() ?? '';
    const match = /^(\d+(?:\.\d+)?)\s*%?$/.exec(line);
    const value = match ? Number(match[1]) : Number.NaN;
    if (!(value >= 0 && value <= 100))
      throw new Error(
        `the read command printed '${line.slice(0, 80)}' on its last line, not a weight from 0 to 100 (${describeFailure(program, args, result, timeoutMs)})`,
      );
    return value;
  };
  const apply = async (weight: number): Promise<void> => {
    if (readCommand !== undefined && (await read()) === weight) return;
    const { program, args, result } = await run(command, weight);
    if (result.exitCode !== 0 || result.timedOut)
      throw new Error(
        `the traffic command did not set the canary weight to ${formatWeight(weight)} %: ${describeFailure(program, args, result, timeoutMs)}`,
      );
  };

  return {
    name: 'command',
    async setWeight(percent) {
      const weight = checkWeight(percent);
      await serial(() => apply(weight));
      last = weight;
    },
    currentWeight: read,
    describe() {
      const at = last === undefined ? '' : `${formatWeight(last)} % via `;
      const shown =
        command[0] === '/bin/sh' && command[1] === '-c' ? (command[2] as string) : command.join(' ');
      return `command: ${at}${shown}`;
    },
  };
}
