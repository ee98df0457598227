// A CLI command that runs one action's committed bundle here, under the runner's contract, with a readable log.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { InputError } from '@flowkit/core';
import { ciSystem, contextVariables, type GitFacts } from './ci-context.ts';
import type { Command, CommandIo, OptionSpec } from './commands.ts';
import {
  initialLogState,
  type LogEvent,
  type LogState,
  mask,
  parseLogLine,
  renderLog,
} from './workflow-log.ts';

/** Where `flowkit dora` writes its HTML report unless told otherwise. */
export const DORA_REPORT = 'flowkit-report/dora.html';

/** One row of the command table: the words after `flowkit`, and the action it runs. */
export interface ActionCommandSpec {
  path: string[];
  /** The action's directory name under actions/. */
  action: string;
  summary: string;
  /** The heading in `flowkit --help` (default 'Flow steps'). */
  group?: string;
  /** Inputs the command sets itself (not offered as options), e.g. monitor-guard's mode. */
  fixed?: Record<string, string>;
  /** Options of the command itself, beyond the action's inputs (e.g. a report file). */
  extraOptions?: OptionSpec[];
  /** Runs after a successful action with its outputs and the command's options (e.g. writes a report). */
  afterRun?: (
    outputs: Record<string, string>,
    options: Record<string, string>,
    io: CommandIo,
  ) => Promise<void>;
}

/**
 * Every action command. A new action becomes a command by one row here (its options, help and outputs come from
 * its action.yml, and it runs its committed dist/ bundle).
 */
export const ACTION_COMMANDS: ActionCommandSpec[] = [
  { path: ['slack', 'notify'], action: 'slack-notify', summary: 'Posts or updates a Slack message.' },
  { path: ['jira', 'transition'], action: 'jira-transition', summary: 'Moves Jira tickets to a status.' },
  {
    path: ['jira', 'triage'],
    action: 'jira-triage',
    summary: 'Routes a new ticket to its team and on-call.',
  },
  { path: ['lint'], action: 'lint', summary: 'Runs the linters, with findings as annotations.' },
  {
    path: ['scan'],
    action: 'security-scan',
    summary: 'Scans for secrets, vulnerable dependencies, risky workflows.',
  },
  {
    path: ['provision'],
    action: 'provision-staging',
    summary: 'Provisions (or destroys) a staging environment.',
  },
  { path: ['e2e'], action: 'e2e', summary: 'Runs the end-to-end tests against a deployed URL.' },
  { path: ['canary', 'promote'], action: 'canary-promote', summary: 'Releases a version step by step.' },
  {
    path: ['guard', 'gate'],
    action: 'monitor-guard',
    summary: 'Checks the alerts and metrics once.',
    group: 'Monitoring',
    fixed: { mode: 'gate' },
  },
  {
    path: ['guard', 'watch'],
    action: 'monitor-guard',
    summary: 'Watches alerts after a release.',
    group: 'Monitoring',
    fixed: { mode: 'watch' },
  },
  {
    path: ['guard', 'setup'],
    action: 'monitor-guard',
    summary: 'Sets up alerts and a dashboard.',
    group: 'Monitoring',
    fixed: { mode: 'setup' },
  },
  {
    path: ['ticket', 'card'],
    action: 'ticket-card',
    summary: "Keeps a ticket's Slack status card up to date.",
  },
  {
    path: ['release', 'notes'],
    action: 'release-notes',
    summary: 'Publishes the release notes (GitHub release, Confluence).',
  },
  {
    path: ['dora'],
    action: 'dora-metrics',
    summary: "DORA's four keys for a service, with an HTML report.",
    group: 'Delivery metrics',
    extraOptions: [
      {
        name: 'report',
        description: 'write the HTML report (bands, trend charts) to this file',
        default: DORA_REPORT,
      },
    ],
    afterRun: writeDoraReport,
  },
  {
    path: ['standup', 'digest'],
    action: 'standup-digest',
    summary: "Posts a team's stand-up digest to Slack.",
  },
];

/** `flowkit dora`'s report: the action's `json` output (the whole result) rendered as one self-contained page. */
async function writeDoraReport(
  outputs: Record<string, string>,
  options: Record<string, string>,
  io: CommandIo,
) {
  const path = resolve(options.report || DORA_REPORT);
  const { doraHtml } = await import('@flowkit/dora');
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, doraHtml(JSON.parse(outputs.json ?? '{}')));
  io.error(`DORA report: ${path}\n`);
}

/** actions/ of this repository (the CLI runs the committed bundles next to it). */
export const ACTIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'actions');

interface ActionMetadata {
  name?: string;
  description?: string;
  inputs?: Record<string, { description?: string; required?: boolean; default?: unknown }>;
  outputs?: Record<string, { description?: string }>;
  runs: { using: string; main: string; post?: string };
}

/** Options every action command has besides the action's inputs (an input of the same name takes its place). */
const COMMON_OPTIONS: OptionSpec[] = [
  {
    name: 'repository',
    description: 'owner/name on GitHub (default: from the CI system, else git remote origin)',
  },
  { name: 'sha', description: 'the commit (default: from the CI system, else git HEAD)' },
  { name: 'ref', description: 'the branch or full ref (default: from the CI system, else the git branch)' },
  { name: 'event-name', description: 'the GitHub event name the action sees', default: 'workflow_dispatch' },
  { name: 'event-path', description: 'a JSON webhook payload file the action reads as its event' },
  { name: 'summary', description: "write the action's job summary (Markdown) to this file" },
  {
    name: 'json',
    description: 'print the outputs as one JSON object instead of name=value lines',
    flag: true,
  },
  { name: 'verbose', description: 'show debug lines and every line inside steps', flag: true },
];

const GITHUB_TOKEN_EXPRESSION = /\$\{\{\s*github\.token\s*\}\}/g;

/** The command for `spec`; `actionsDir` holds the action's directory (the repository's actions/ by default). */
export function actionCommand(spec: ActionCommandSpec, actionsDir = ACTIONS_DIR): Command {
  const actionDir = join(actionsDir, spec.action);
  let metadata: ActionMetadata | undefined;
  const meta = (): ActionMetadata => {
    // yaml is loaded here, not at start-up: every `flowkit` command loads this module, few read an action.yml.
    metadata ??= (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(
      readFileSync(join(actionDir, 'action.yml'), 'utf8'),
    ) as ActionMetadata;
    return metadata;
  };
  const inputs = () =>
    Object.entries(meta().inputs ?? {}).filter(([name]) => !(spec.fixed && name in spec.fixed));
  return {
    path: spec.path,
    summary: spec.summary,
    group: spec.group ?? 'Flow steps',
    get help() {
      return actionHelp(spec, meta());
    },
    get options() {
      const own: OptionSpec[] = inputs().map(([name, input]) => ({
        name,
        description: oneLine(input.description ?? ''),
        ...(input.default === undefined ? {} : { default: shownDefault(String(input.default)) }),
        ...(input.required ? { required: true } : {}),
      }));
      const extra = spec.extraOptions ?? [];
      const names = new Set([...own, ...extra].map((option) => option.name));
      return [...own, ...extra, ...COMMON_OPTIONS.filter((option) => !names.has(option.name))];
    },
    run: (options, io) => runActionCommand(spec, actionDir, meta(), options, io),
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function shownDefault(value: string): string {
  return value.replace(GITHUB_TOKEN_EXPRESSION, '$GITHUB_TOKEN');
}

function actionHelp(spec: ActionCommandSpec, metadata: ActionMetadata): string {
  const outputs = Object.entries(metadata.outputs ?? {});
  const width = Math.max(0, ...outputs.map(([name]) => name.length)) + 4;
  const fixed = Object.entries(spec.fixed ?? {}).map(([name, value]) => `${name}: ${value}`);
  return [
    `Runs the ${metadata.name ?? spec.action} action (actions/${spec.action}) here, as a GitHub runner would${fixed.length > 0 ? ` (with ${fixed.join(', ')})` : ''}:`,
    oneLine(metadata.description ?? ''),
    '',
    'The options are the inputs of its action.yml, same names and defaults. The log goes to stderr (a live step',
    'list on a terminal, plain lines when CI=true or piped); the outputs go to stdout as name=value lines (multi-line',
    'values as name<<FLOWKIT_EOF … FLOWKIT_EOF), or one JSON object with --json.',
    '',
    ...(outputs.length > 0
      ? [
          'Outputs:',
          ...outputs.map(([name, output]) => `  ${name.padEnd(width)}${oneLine(output.description ?? '')}`),
          '',
        ]
      : []),
    'Context (repository, commit, ref) comes from the options, else GitHub Actions, GitLab CI, CircleCI or Jenkins',
    'variables, else git. A ${{ github.token }} default is $GITHUB_TOKEN (or $GH_TOKEN).',
    '',
    'Exit codes: 0 success; 1 the action failed (its error is shown, bad input values included); 2 bad usage',
    '(unknown option, missing value, required input not given); 130/143 interrupted by SIGINT/SIGTERM (the',
    "action's post step, e.g. a rollback, has run).",
  ].join('\n');
}

/** The text of every INPUT_* variable: action.yml defaults, then the command's fixed inputs, then the options. */
export function inputVariables(
  declared: ActionMetadata['inputs'],
  fixed: Record<string, string>,
  options: Record<string, string>,
  githubToken: string,
): Record<string, string> {
  const variables: Record<string, string> = {};
  const variable = (input: string) => `INPUT_${input.replace(/ /g, '_').toUpperCase()}`;
  for (const [name, input] of Object.entries(declared ?? {})) {
    if (input.default === undefined) continue;
    // Other expressions (github.sha …) are not used in our action.yml defaults; they read as empty.
    const text = String(input.default).replace(GITHUB_TOKEN_EXPRESSION, githubToken);
    variables[variable(name)] = text.replace(/\$\{\{[^}]*\}\}/g, '');
  }
  for (const [name, value] of Object.entries({ ...fixed, ...options }))
    if (name in (declared ?? {})) variables[variable(name)] = value;
  return variables;
}

/** Input values that are secrets by their name: masked in everything the command prints. */
export function secretOptionValues(options: Record<string, string>): string[] {
  return Object.entries(options)
    .filter(
      ([name, value]) => /token|secret|password|api-key|app-key|webhook/.test(name) && value.length >= 4,
    )
    .map(([, value]) => value);
}

function gitFacts(cwd: string): GitFacts {
  const git = (...args: string[]) => {
    const result = spawnSync('git', args, {
      cwd,
      encoding: 'utf8',
      timeout: 5000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return result.status === 0 ? result.stdout.trim() : '';
  };
  return {
    sha: git('rev-parse', 'HEAD'),
    branch: git('rev-parse', '--abbrev-ref', 'HEAD'),
    remote: git('remote', 'get-url', 'origin'),
  };
}

/**
 * An action's message in the command's words: `Input 'channel'` becomes `Input '--channel'` and a suggested
 * `'channel: #team'` becomes `'--channel #team'`, for the inputs in `names`.
 */
export function optionWording(message: string, names: readonly string[]): string {
  if (names.length === 0) return message;
  const name = names
    .map((input) => input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .sort((a, b) => b.length - a.length)
    .join('|');
  return message
    .replace(new RegExp(`\\bInput '(${name})'`, 'g'), "Input '--$1'")
    .replace(new RegExp(`'(${name}): ([^'\\n]*)'`, 'g'), "'--$1 $2'");
}

/** The outputs as the command prints them on stdout. */
export function formatOutputs(outputs: Record<string, string>, json: boolean): string {
  if (json) return `${JSON.stringify(outputs)}\n`;
  return Object.entries(outputs)
    .map(([name, value]) =>
      value.includes('\n') ? `${name}<<FLOWKIT_EOF\n${value}\nFLOWKIT_EOF\n` : `${name}=${value}\n`,
    )
    .join('');
}

/** Parses a GITHUB_OUTPUT/GITHUB_STATE file: `name<<DELIMITER` blocks and `name=value` lines. */
export function parseKeyValueFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2] ?? '', i + 1);
      if (end === -1) break;
      values[heredoc[1] ?? ''] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('='))
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
  }
  return values;
}

/** The log of the steps a command runs, shared by main and post so masks carry over. */
class LogView {
  private readonly io: CommandIo;
  private state: LogState;
  private timer: NodeJS.Timeout | undefined;

  private readonly inputs: string[];

  constructor(io: CommandIo, verbose: boolean, masks: string[], inputs: string[]) {
    this.io = io;
    this.inputs = inputs;
    this.state = initialLogState(io.tty === true, verbose, masks);
    if (io.tty) {
      this.timer = setInterval(() => this.show({ kind: 'tick' }), 100);
      this.timer.unref();
    }
  }

  /** How many errors the steps reported. */
  errors = 0;

  show(event: LogEvent): void {
    if (event.kind === 'error') this.errors++;
    const worded =
      event.kind === 'error' || event.kind === 'warning' || event.kind === 'notice'
        ? { ...event, message: optionWording(event.message, this.inputs) }
        : event;
    const { state, text } = renderLog(this.state, worded);
    this.state = state;
    if (text !== '') this.io.error(text);
  }

  get masks(): string[] {
    return this.state.masks;
  }

  close(): void {
    clearInterval(this.timer);
  }
}

interface StepResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
}

/** A signal sent to the CLI while steps run: passed on to the running step, remembered for the exit code. */
interface Interruption {
  signal?: NodeJS.Signals;
  child?: ChildProcess;
}

/** Runs one step's script; a signal recorded in `interruption` meanwhile is passed on to it. */
async function runStep(
  script: string,
  env: Record<string, string>,
  view: LogView,
  interruption: Interruption,
): Promise<StepResult> {
  // Its own process group: a terminal's Ctrl-C reaches the step once, through us, not twice.
  const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  interruption.child = child;
  const errorsBefore = view.errors;
  const stdout = createInterface({ input: child.stdout, crlfDelay: Number.POSITIVE_INFINITY });
  stdout.on('line', (line) => {
    const event = parseLogLine(line, Date.now());
    if (event !== undefined) view.show(event);
  });
  const stderr = createInterface({ input: child.stderr, crlfDelay: Number.POSITIVE_INFINITY });
  stderr.on('line', (line) => view.show({ kind: 'line', text: line }));
  const closed = Promise.all([
    new Promise((done) => stdout.on('close', done)),
    new Promise((done) => stderr.on('close', done)),
  ]);
  const result = await new Promise<StepResult>((done, fail) => {
    child.on('error', fail);
    child.on('exit', (exitCode, signal) => done({ exitCode, signal }));
  });
  await closed;
  interruption.child = undefined;
  const failed = result.exitCode !== 0;
  view.show({ kind: 'end', at: Date.now(), failed });
  // A step that failed without saying why (a crash, a kill) still gets one error line.
  if (failed && view.errors === errorsBefore && interruption.signal === undefined)
    view.show({
      kind: 'error',
      message: `${basename(script)} ended ${result.signal === null ? `with exit code ${result.exitCode}` : `by ${result.signal}`}`,
      properties: {},
    });
  return result;
}

async function runActionCommand(
  spec: ActionCommandSpec,
  actionDir: string,
  metadata: ActionMetadata,
  options: Record<string, string>,
  io: CommandIo,
): Promise<number> {
  const declared = metadata.inputs ?? {};
  const fixed = spec.fixed ?? {};
  // Usage errors, before anything runs (exit 2 through runCli).
  for (const [name, input] of Object.entries(declared)) {
    if (input.required && !(name in fixed) && (options[name] ?? '').trim() === '')
      throw new InputError(
        `--${name}`,
        'is required and was not given',
        `Add '--${name} <value>'; see 'flowkit ${spec.path.join(' ')} --help'.`,
      );
  }
  const eventPath = options['event-path'];
  if (eventPath !== undefined && !existsSync(eventPath))
    throw new InputError(
      '--event-path',
      `names '${eventPath}', which does not exist`,
      'Give a JSON payload file.',
    );
  const summaryFile = options.summary;

  const cwd = process.cwd();
  const githubToken = process.env.GITHUB_TOKEN ?? process.env.GH_TOKEN ?? '';
  const inputs = inputVariables(declared, fixed, options, githubToken);
  const context = contextVariables(options, process.env, gitFacts(cwd));
  const temp = await mkdtemp(join(tmpdir(), 'flowkit-cli-'));
  // The action's RUNNER_TEMP: kept when an output names a file in it (a SARIF file, a report), else removed.
  const runnerTemp = await mkdtemp(join(tmpdir(), 'flowkit-temp-'));
  let keepRunnerTemp = false;
  const interrupted: Interruption = {};
  const forward = (signal: NodeJS.Signals) => {
    interrupted.signal ??= signal;
    interrupted.child?.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const view = new LogView(
    io,
    options.verbose === 'true',
    [...secretOptionValues(options), ...(githubToken.length >= 4 ? [githubToken] : [])],
    Object.keys(declared),
  );
  try {
    const event = join(temp, 'event.json');
    // Inside GitHub Actions the run's own payload, unless another is given.
    const payload =
      eventPath ?? (ciSystem(process.env) === 'github' ? process.env.GITHUB_EVENT_PATH : undefined);
    if (payload !== undefined && existsSync(payload)) await copyFile(payload, event);
    else await writeFile(event, '{}');
    // The caller's environment without a surrounding runner's inputs and state, which belong to another step (its
    // GITHUB_OUTPUT and the other step files are replaced by this step's own below).
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(
        (entry): entry is [string, string] => entry[1] !== undefined && !/^(INPUT_|STATE_)/.test(entry[0]),
      ),
    );
    const base: Record<string, string> = {
      ...inherited,
      ...context,
      GITHUB_WORKSPACE: cwd,
      GITHUB_EVENT_PATH: event,
      RUNNER_TEMP: runnerTemp,
      ...(options.verbose === 'true' ? { RUNNER_DEBUG: '1' } : {}),
      ...inputs,
    };
    const files = async (label: string) => {
      const paths = {
        GITHUB_OUTPUT: join(temp, `${label}-output`),
        GITHUB_STATE: join(temp, `${label}-state`),
        GITHUB_ENV: join(temp, `${label}-env`),
        GITHUB_PATH: join(temp, `${label}-path`),
        GITHUB_STEP_SUMMARY: join(temp, `${label}-summary.md`),
      };
      await Promise.all(Object.values(paths).map((path) => writeFile(path, '')));
      return paths;
    };
    const mainFiles = await files('main');
    const main = await runStep(
      join(actionDir, metadata.runs.main),
      { ...base, ...mainFiles },
      view,
      interrupted,
    );
    let summary = await readFile(mainFiles.GITHUB_STEP_SUMMARY, 'utf8');
    let postFailed = false;
    if (metadata.runs.post !== undefined) {
      // Always after main, as on GitHub (a cancelled run's post step is where a rollout is rolled back).
      const state = parseKeyValueFile(await readFile(mainFiles.GITHUB_STATE, 'utf8'));
      const postFiles = await files('post');
      const stateVariables = Object.fromEntries(
        Object.entries(state).map(([name, value]) => [`STATE_${name}`, value]),
      );
      const post = await runStep(
        join(actionDir, metadata.runs.post),
        { ...base, ...stateVariables, ...postFiles },
        view,
        interrupted,
      );
      postFailed = post.exitCode !== 0;
      summary += await readFile(postFiles.GITHUB_STEP_SUMMARY, 'utf8');
    }
    const outputs = parseKeyValueFile(await readFile(mainFiles.GITHUB_OUTPUT, 'utf8'));
    keepRunnerTemp = Object.values(outputs).some((value) => value.includes(runnerTemp));
    io.write(mask(formatOutputs(outputs, options.json === 'true'), view.masks));
    if (summaryFile !== undefined) await writeFile(summaryFile, mask(summary, view.masks));
    if (interrupted.signal !== undefined) return interrupted.signal === 'SIGINT' ? 130 : 143;
    if (main.exitCode === 0 && !postFailed && spec.afterRun !== undefined)
      await spec.afterRun(outputs, options, io);
    return main.exitCode === 0 && !postFailed ? 0 : 1;
  } finally {
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
    view.close();
    await rm(temp, { recursive: true, force: true });
    if (!keepRunnerTemp) await rm(runnerTemp, { recursive: true, force: true });
  }
}
