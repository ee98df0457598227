// `flowkit <command> [options]`: finds the command, parses its options, runs it; user errors are one line, exit 2.
import { errorMessage, isUserError } from '@flowkit/core';
import { ACTION_COMMANDS, actionCommand } from './action-command.ts';
import { type Command, type CommandIo, commandHelp, parseOptions } from './commands.ts';
import { configCheck } from './config-check.ts';
import { demo } from './demo/command.ts';
import { guardReplay } from './guard.ts';

/** Every command, in the order `flowkit --help` lists them. */
export const COMMANDS: Command[] = [
  ...ACTION_COMMANDS.map((spec) => actionCommand(spec)),
  guardReplay,
  configCheck,
  demo,
];

/** The commands under their group headings, groups in the order their first command appears. */
function overview(commands: Command[]): string {
  const width = Math.max(...commands.map((command) => command.path.join(' ').length)) + 4;
  const groups = [...new Set(commands.map((command) => command.group ?? 'Other'))];
  return [
    'Usage: flowkit <command> [options]',
    '',
    'Flowkit: from ticket to production.',
    ...groups.flatMap((group) => [
      '',
      `${group}:`,
      ...commands
        .filter((command) => (command.group ?? 'Other') === group)
        .map((command) => `  ${command.path.join(' ').padEnd(width)}${command.summary}`),
    ]),
    '',
    "Run 'flowkit <command> --help' for a command's options.",
    '',
  ].join('\n');
}

/** Runs the CLI on `args` (argv without node and the script) over `commands`; resolves with the exit code. */
export async function runCli(args: string[], io: CommandIo, commands: Command[] = COMMANDS): Promise<number> {
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h' || args[0] === 'help') {
    io.write(overview(commands));
    return args.length === 0 ? 2 : 0;
  }
  const command = commands.find((candidate) => candidate.path.every((word, i) => args[i] === word));
  if (command === undefined) {
    io.error(
      `flowkit: unknown command '${args.filter((arg) => !arg.startsWith('-')).join(' ')}'. Run 'flowkit --help'.\n`,
    );
    return 2;
  }
  const rest = args.slice(command.path.length);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.write(commandHelp(command));
    return 0;
  }
  try {
    return await command.run(parseOptions(rest, command), io);
  } catch (error) {
    if (isUserError(error)) {
      io.error(`flowkit: ${error.message}\n`);
      return 2;
    }
    io.error(`flowkit: unexpected failure: ${errorMessage(error)}\n`);
    return 1;
  }
}

if (process.argv[1] !== undefined && /flowkit(\.js)?$|main\.ts$/.test(process.argv[1])) {
  const code = await runCli(process.argv.slice(2), {
    stdin: process.stdin,
    write: (text) => process.stdout.write(text),
    error: (text) => process.stderr.write(text),
    tty: process.stderr.isTTY === true && process.env.CI !== 'true',
  });
  process.exitCode = code;
}
