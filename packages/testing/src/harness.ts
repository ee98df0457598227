// Runs a bundled action the way the GitHub runner does, and reports what the runner would see.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './repo.ts';

/** A step that uses an action. */
export interface ActionStep {
  /** The action's directory (holding action.yml), absolute or relative to the repository root. */
  action: string;
  /** The step's `with:`; values are passed as text, like the runner does. */
  with?: Record<string, string | number | boolean>;
  /** The step's `env:` (the job's environment is otherwise empty but for the runner's own variables). */
  env?: Record<string, string>;
  /** The webhook payload written to GITHUB_EVENT_PATH. */
  event?: Record<string, unknown>;
  /** GITHUB_EVENT_NAME (default 'push'). */
  eventName?: string;
  /** Overrides of the runner's GITHUB_* variables, e.g. { GITHUB_REPOSITORY: 'acme/shop' }. */
  github?: Record<string, string>;
  /** Value of `${{ github.token }}` in input defaults. */
  githubToken?: string;
  /** The workspace (GITHUB_WORKSPACE and the working directory); a fresh empty directory by default. */
  workspace?: string;
  /** Kill the action after this long (default 60 s). */
  timeoutMs?: number;
  /**
   * Signals the main step once its stdout so far satisfies `when`: SIGINT as the runner does when a run is cancelled,
   * SIGKILL for a crash. The post step still runs, as on the runner.
   */
  interrupt?: { signal: 'SIGINT' | 'SIGTERM' | 'SIGKILL'; when: (stdout: string) => boolean };
}

/** A workflow command the action printed, unescaped. */
export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

/** What the runner saw of one step (main, or post). */
export interface StepRun {
  exitCode: number | null;
  /** Raw stdout, before the runner's masking. */
  stdout: string;
  stderr: string;
  /** The log as the runner shows it: registered secrets replaced by ***. */
  log: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  exportedEnv: Record<string, string>;
  summary: string;
  commands: WorkflowCommand[];
  errors: string[];
  warnings: string[];
  notices: string[];
  masks: string[];
}

/** The main step, the post step when the action has one, and the runner's own warnings. */
export interface ActionRun extends StepRun {
  post: StepRun | undefined;
  /** The runner's warnings, e.g. "Unexpected input(s) 'x', valid inputs are […]". */
  runnerWarnings: string[];
}

interface ActionMetadata {
  inputs?: Record<string, { default?: unknown }>;
  runs: { using: string; main: string; post?: string };
}

/**
 * Runs `step` under the runner's contract: INPUT_* from action.yml defaults plus `with:`, the file commands
 * (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV, GITHUB_PATH, GITHUB_STEP_SUMMARY), the event payload file, and the
 * Node version `runs.using` names. The post step runs afterwards with the saved state.
 */
export async function runAction(step: ActionStep): Promise<ActionRun> {
  const actionDir = isAbsolute(step.action) ? step.action : resolve(repoRoot(), step.action);
  const metadata = parse(await readFile(join(actionDir, 'action.yml'), 'utf8')) as ActionMetadata;
  checkNodeVersion(metadata.runs.using);
  const temp = await mkdtemp(join(tmpdir(), 'flowkit-runner-'));
  try {
    const workspace = step.workspace ?? (await mkdtemp(join(temp, 'workspace-')));
    const eventPath = join(temp, 'event.json');
    await writeFile(eventPath, JSON.stringify(step.event ?? {}));
    const { inputs, runnerWarnings } = inputVariables(metadata, step);
    const base: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? temp,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: 'X64',
      RUNNER_TEMP: temp,
      GITHUB_WORKSPACE: workspace,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_EVENT_NAME: step.eventName ?? 'push',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: 'https://api.github.com',
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_REPOSITORY_OWNER: 'acme',
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_WORKFLOW: 'CI',
      GITHUB_JOB: 'build',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      GITHUB_REF: 'refs/heads/JIRA-1234-top-deployments',
      GITHUB_REF_NAME: 'JIRA-1234-top-deployments',
      GITHUB_ACTOR: 'sarah',
      ...step.github,
      ...step.env,
      ...inputs,
    };
    const main = await runStep(
      join(actionDir, metadata.runs.main),
      base,
      workspace,
      temp,
      'main',
      step.timeoutMs,
      step.interrupt,
    );
    let post: StepRun | undefined;
    if (metadata.runs.post !== undefined) {
      const state = Object.fromEntries(
        Object.entries(main.state).map(([name, value]) => [`STATE_${name}`, value]),
      );
      post = await runStep(
        join(actionDir, metadata.runs.post),
        { ...base, ...state },
        workspace,
        temp,
        'post',
        step.timeoutMs,
      );
    }
    return { ...main, post, runnerWarnings };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

function checkNodeVersion(using: string): void {
  const wanted = /^node(\d+)$/.exec(using)?.[1];
  if (wanted === undefined) throw new Error(`runs.using '${using}' is not a JavaScript action`);
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== Number(wanted)) {
    throw new Error(
      `the action runs on ${using} but the tests run on Node ${process.versions.node}: run them with 'npm test'`,
    );
  }
}

function inputVariables(
  metadata: ActionMetadata,
  step: ActionStep,
): { inputs: Record<string, string>; runnerWarnings: string[] } {
  const declared = metadata.inputs ?? {};
  const inputs: Record<string, string> = {};
  const name = (input: string) => `INPUT_${input.replace(/ /g, '_').toUpperCase()}`;
  for (const [input, spec] of Object.entries(declared)) {
    if (spec.default === undefined) continue;
    const text = String(spec.default);
    inputs[name(input)] = text.replace(/\$\{\{\s*github\.token\s*\}\}/g, step.githubToken ?? '');
    if (/\$\{\{/.test(inputs[name(input)] ?? ''))
      throw new Error(`the harness cannot evaluate the default of input '${input}': ${text}`);
  }
  const unexpected: string[] = [];
  for (const [input, value] of Object.entries(step.with ?? {})) {
    if (!(input in declared)) unexpected.push(input);
    inputs[name(input)] = String(value);
  }
  const runnerWarnings =
    unexpected.length === 0
      ? []
      : [
          `Unexpected input(s) '${unexpected.join("', '")}', valid inputs are ['${Object.keys(declared).join("', '")}']`,
        ];
  return { inputs, runnerWarnings };
}

async function runStep(
  script: string,
  base: Record<string, string>,
  cwd: string,
  temp: string,
  label: string,
  timeoutMs = 60_000,
  interrupt?: ActionStep['interrupt'],
): Promise<StepRun> {
  const files = {
    GITHUB_OUTPUT: join(temp, `${label}-output`),
    GITHUB_STATE: join(temp, `${label}-state`),
    GITHUB_ENV: join(temp, `${label}-env`),
    GITHUB_PATH: join(temp, `${label}-path`),
    GITHUB_STEP_SUMMARY: join(temp, `${label}-summary.md`),
  };
  await Promise.all(Object.values(files).map((file) => writeFile(file, '')));
  const child = spawn(process.execPath, [script], {
    cwd,
    env: { ...base, ...files },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let interrupted = false;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (interrupt !== undefined && !interrupted && interrupt.when(stdout)) {
      interrupted = true;
      child.kill(interrupt.signal);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exitCode = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  clearTimeout(timer);

  const commands = parseCommands(stdout);
  const masks = commands.filter((c) => c.command === 'add-mask').map((c) => c.message);
  const of = (command: string) => commands.filter((c) => c.command === command).map((c) => c.message);
  return {
    exitCode,
    stdout,
    stderr,
    log: masks.reduce((text, secret) => (secret === '' ? text : text.split(secret).join('***')), stdout),
    outputs: parseKeyValueFile(await readFile(files.GITHUB_OUTPUT, 'utf8')),
    state: parseKeyValueFile(await readFile(files.GITHUB_STATE, 'utf8')),
    exportedEnv: parseKeyValueFile(await readFile(files.GITHUB_ENV, 'utf8')),
    summary: await readFile(files.GITHUB_STEP_SUMMARY, 'utf8'),
    commands,
    errors: of('error'),
    warnings: of('warning'),
    notices: of('notice'),
    masks,
  };
}

/** Parses `::command k=v,…::message` lines, undoing the runner's escaping. */
export function parseCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
      const at = pair.indexOf('=');
      properties[pair.slice(0, at)] = unescapeCommand(pair.slice(at + 1), true);
    }
    commands.push({ command: match[1] ?? '', properties, message: unescapeCommand(match[3] ?? '', false) });
  }
  return commands;
}

function unescapeCommand(text: string, property: boolean): string {
  let result = text.replace(/%0D/g, '\r').replace(/%0A/g, '\n');
  if (property) result = result.replace(/%3A/g, ':').replace(/%2C/g, ',');
  return result.replace(/%25/g, '%');
}

/** Parses a GITHUB_OUTPUT-style file: `name<<DELIMITER` blocks and `name=value` lines. */
export function parseKeyValueFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = '', delimiter] = heredoc;
      const end = lines.indexOf(delimiter ?? '', i + 1);
      if (end === -1) throw new Error(`output '${name}' has no closing delimiter`);
      values[name] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return values;
}
