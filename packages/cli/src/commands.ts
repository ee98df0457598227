// The command table: each command names its options, its help text, and the function that runs it.
import { InputError } from '@flowkit/core';

/** What a command may touch: its streams and exit code. */
export interface CommandIo {
  stdin: AsyncIterable<string | Buffer>;
  write: (text: string) => void;
  error: (text: string) => void;
  /** True when `error` goes to a terminal a person watches (live progress); false in CI logs and pipes. */
  tty?: boolean;
  /** The environment the command reads (default process.env). */
  env?: NodeJS.ProcessEnv;
}

export interface OptionSpec {
  name: string;
  description: string;
  /** Shown in help as the default. */
  default?: string;
  /** A switch without a value (`--json`); parsed as 'true'. */
  flag?: boolean;
  /** Shown in help as required; the command checks it. */
  required?: boolean;
}

export interface Command {
  /** Words after `flowkit`, e.g. ['guard', 'replay']. */
  path: string[];
  summary: string;
  /** The heading `flowkit --help` lists it under (default 'Other'). */
  group?: string;
  /** Longer help: what it reads, what it writes, its exit codes. */
  help: string;
  options: OptionSpec[];
  run(options: Record<string, string>, io: CommandIo): Promise<number>;
}

/**
 * `--name value` and `--name=value` pairs, and switches (`--json`) as 'true'; an option given twice keeps the last.
 * Unknown options are InputErrors.
 */
export function parseOptions(args: string[], command: Command): Record<string, string> {
  const known = new Map(command.options.map((option) => [option.name, option]));
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const match = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/s.exec(arg);
    if (!match)
      throw new InputError(
        arg,
        'is not an option of this command',
        `See 'flowkit ${command.path.join(' ')} --help'.`,
      );
    const name = match[1] as string;
    if (!known.has(name))
      throw new InputError(
        `--${name}`,
        'is not an option of this command',
        `See 'flowkit ${command.path.join(' ')} --help'.`,
      );
    let value = match[2];
    if (known.get(name)?.flag) {
      if (value !== undefined && value !== 'true' && value !== 'false')
        throw new InputError(`--${name}`, 'is a switch and takes no value', `Write '--${name}' alone.`);
      value = value ?? 'true';
    } else if (value === undefined) {
      value = args[i + 1];
      if (value === undefined || value.startsWith('--'))
        throw new InputError(`--${name}`, 'needs a value', `Write '--${name} <value>'.`);
      i++;
    }
    options[name] = value;
  }
  return options;
}

/** The help text of one command. */
export function commandHelp(command: Command): string {
  const label = (option: OptionSpec) => (option.flag ? option.name : `${option.name} <value>`);
  const width = Math.max(0, ...command.options.map((option) => label(option).length)) + 4;
  const lines = [
    `Usage: flowkit ${command.path.join(' ')} [options]`,
    '',
    command.summary,
    '',
    command.help.trim(),
    '',
  ];
  if (command.options.length > 0) {
    lines.push('Options:');
    for (const option of command.options)
      lines.push(
        `  --${label(option).padEnd(width)}${option.required ? '(required) ' : ''}${option.description}${option.default === undefined ? '' : ` (default ${option.default})`}`,
      );
    lines.push('');
  }
  return lines.join('\n');
}
