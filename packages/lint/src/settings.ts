// Reads and checks every lint input before anything runs: one typed settings object comes out.
import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { InputError, parseBooleanInput } from '@flowkit/core';
import type { LinterName } from './linter.ts';
import { OUTPUT_FORMATS, type OutputFormat } from './parsers/index.ts';
import { isLinterName, LINTER_NAMES } from './registry.ts';

/** The inputs of the lint action, as action.yml declares them. */
export const LINT_INPUTS = [
  'linters',
  'commands',
  'working-directory',
  'fail-on',
  'fail-on-missing',
  'only-changed-lines',
  'cache',
  'github-token',
] as const;

export type LintInputName = (typeof LINT_INPUTS)[number];

/** A command from the `commands` input: its name, the shell command, and how to read its output. */
export interface LintCommand {
  name: string;
  command: string;
  format: OutputFormat;
}

/** When the step fails: on errors, on warnings too, or never because of findings. */
export type FailOn = 'error' | 'warning' | 'never';

/** Everything the lint action needs, checked. */
export interface LintSettings {
  /** 'auto': every linter the repository's files call for; otherwise exactly these (possibly none). */
  linters: 'auto' | LinterName[];
  commands: LintCommand[];
  /** Where linters run, relative to the repository root ('' for the root itself). */
  workingDirectory: string;
  failOn: FailOn;
  failOnMissing: boolean;
  onlyChangedLines: boolean;
  cache: boolean;
  githubToken: string;
}

const KNOWN = `${LINTER_NAMES.join(', ')}`;
const COMMAND_LINE = /^([A-Za-z0-9][\w.-]*)\s*(?:\(([^)]*)\))?\s*:\s*(\S.*)$/;

/** Checks every input; throws InputError for the first problem. `root` is the repository root. Runs nothing. */
export async function readLintSettings(
  input: (name: LintInputName) => string,
  root: string,
): Promise<LintSettings> {
  const linters = readLinters(input('linters'));
  const commands = readCommands(input('commands'));
  const workingDirectory = await readWorkingDirectory(input('working-directory'), root);
  const failOn = input('fail-on') || 'error';
  if (failOn !== 'error' && failOn !== 'warning' && failOn !== 'never') {
    throw new InputError(
      'fail-on',
      `must be error, warning or never, not '${failOn}'`,
      "Write 'fail-on: error' (the default), 'warning' or 'never'.",
    );
  }
  const onlyChangedLines = parseBooleanInput('only-changed-lines', input('only-changed-lines'), false);
  const githubToken = input('github-token');
  if (onlyChangedLines && githubToken === '') {
    throw new InputError(
      'github-token',
      "is empty, and only-changed-lines needs it to read the pull request's changes",
      "Leave github-token at its default (${{ github.token }}) and grant 'pull-requests: read'.",
    );
  }
  return {
    linters,
    commands,
    workingDirectory,
    failOn,
    failOnMissing: parseBooleanInput('fail-on-missing', input('fail-on-missing'), false),
    onlyChangedLines,
    cache: parseBooleanInput('cache', input('cache'), true),
    githubToken,
  };
}

/** `auto` (or nothing), `none`, or a comma- or newline-separated list of linter names. */
export function readLinters(text: string): 'auto' | LinterName[] {
  const names = text
    .split(/[,\n]/)
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0 || (names.length === 1 && names[0] === 'auto')) return 'auto';
  if (names.length === 1 && names[0] === 'none') return [];
  const chosen: LinterName[] = [];
  for (const name of names) {
    if (name === 'auto' || name === 'none') {
      throw new InputError(
        'linters',
        `mixes '${name}' with linter names`,
        `Write '${name}' alone, or list linters: ${KNOWN}.`,
      );
    }
    if (!isLinterName(name)) {
      throw new InputError(
        'linters',
        `names an unknown linter '${name}'`,
        `Known linters: ${KNOWN} (or auto, or none).`,
      );
    }
    if (!chosen.includes(name)) chosen.push(name);
  }
  return chosen;
}

/** One command per line, `name: command` or `name (format): command`; blank lines and `#` comments are skipped. */
export function readCommands(text: string): LintCommand[] {
  const commands: LintCommand[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = COMMAND_LINE.exec(line);
    if (!match) {
      throw new InputError(
        'commands',
        `line ${index + 1} is not 'name: command' or 'name (format): command': '${line}'`,
        'Write one command per line, e.g. \'stylelint (gcc): npx stylelint "**/*.css" --formatter unix\'.',
      );
    }
    const [, name = '', format = 'gcc', command = ''] = match;
    const chosen = format.trim() || 'gcc';
    if (!(OUTPUT_FORMATS as readonly string[]).includes(chosen)) {
      throw new InputError(
        'commands',
        `line ${index + 1} names an unknown output format '${chosen}'`,
        `Use one of: ${OUTPUT_FORMATS.join(', ')}.`,
      );
    }
    if (commands.some((other) => other.name === name)) {
      throw new InputError(
        'commands',
        `names '${name}' twice`,
        'Give every command its own name: it labels its findings.',
      );
    }
    commands.push({ name, command, format: chosen as OutputFormat });
  }
  return commands;
}

async function readWorkingDirectory(text: string, root: string): Promise<string> {
  const inside = relative(resolve(root), resolve(root, text || '.'));
  if (inside.startsWith('..') || isAbsolute(inside)) {
    throw new InputError(
      'working-directory',
      `is outside the repository: '${text}'`,
      'Give a folder relative to the repository root, e.g. packages/web.',
    );
  }
  const info = await stat(resolve(root, inside)).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new InputError(
      'working-directory',
      `is not a folder of the repository: '${text}'`,
      'Check the path, and that actions/checkout ran before this step.',
    );
  }
  return inside.split(sep).join('/');
}
