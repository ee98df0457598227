// Reads and checks every provision-staging input into one typed settings object, before anything runs.
import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { InputError, parseBooleanInput, parseIntegerInput } from '@flowkit/core';
import { DRIVER_NAMES, type DriverName, type DriverSettings, isDriverName } from './registry.ts';

/** Every input of the provision-staging action, as its action.yml declares them. */
export const PROVISION_INPUTS = [
  'mode',
  'driver',
  'environment',
  'commit',
  'url',
  'vars',
  'working-directory',
  'playbook',
  'destroy-playbook',
  'inventory',
  'terraform-output',
  'chart',
  'release',
  'namespace',
  'helm-timeout',
  'delete-namespace',
  'provision-command',
  'destroy-command',
  'health-url',
  'health-commit-path',
  'health-timeout',
  'destroy-on-failure',
  'delete-environment',
  'github-token',
] as const;

export type ProvisionInputName = (typeof PROVISION_INPUTS)[number];

/** What the settings reader needs to know about the run. */
export interface RunFacts {
  eventName: string;
  event: Record<string, unknown>;
  /** GITHUB_SHA. */
  sha: string;
  /** owner/name. */
  repository: string;
  /** GITHUB_WORKSPACE: relative paths in inputs start here. */
  workspace: string;
}

/** Everything provision-staging needs, checked. */
export interface ProvisionSettings {
  mode: 'provision' | 'destroy';
  driver: DriverSettings;
  /** The GitHub environment: staging, or pr-<number> on pull requests. */
  environment: string;
  /** True for a per-pull-request environment (pr-<number>): GitHub's transient_environment. */
  transient: boolean;
  commit: string;
  /** The url input with placeholders filled, when given. */
  url: string | undefined;
  vars: Record<string, unknown>;
  /** Absolute. */
  workingDirectory: string;
  health: {
    /** The health-url input with placeholders filled; undefined: <url>/healthz. */
    url: string | undefined;
    commitPath: string;
    timeoutMs: number;
  };
  destroyOnFailure: boolean;
  /** Whether destroy deletes the GitHub environment: auto = only per-pull-request ones. */
  deleteEnvironment: 'auto' | boolean;
  githubToken: string;
  repo: { owner: string; repo: string };
}

/** Inputs that only one driver reads: given with another driver, they are a mistake worth naming. */
const DRIVER_INPUTS: Partial<Record<ProvisionInputName, readonly DriverName[]>> = {
  playbook: ['ansible'],
  'destroy-playbook': ['ansible'],
  inventory: ['ansible'],
  'terraform-output': ['terraform', 'tofu'],
  chart: ['helm'],
  release: ['helm'],
  namespace: ['helm'],
  'helm-timeout': ['helm'],
  'delete-namespace': ['helm'],
  'provision-command': ['command'],
  'destroy-command': ['command'],
};

const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
const COMMIT = /^[0-9a-fA-F]{7,64}$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Checks every input; throws InputError for the first problem. Runs nothing and changes nothing. */
export function readProvisionSettings(
  input: (name: ProvisionInputName) => string,
  run: RunFacts,
): ProvisionSettings {
  const driverName = input('driver');
  if (driverName === '') {
    throw new InputError('driver', 'is required', `Choose one of: ${DRIVER_NAMES.join(', ')}.`);
  }
  if (!isDriverName(driverName)) {
    throw new InputError(
      'driver',
      `names an unknown driver '${driverName}'`,
      `Choose one of: ${DRIVER_NAMES.join(', ')}.`,
    );
  }
  for (const [name, drivers] of Object.entries(DRIVER_INPUTS) as [ProvisionInputName, DriverName[]][]) {
    if (input(name) !== '' && !drivers.includes(driverName)) {
      throw new InputError(
        name,
        `is for the ${drivers.join(' and ')} driver, not ${driverName}`,
        `Remove it, or set 'driver: ${drivers[0]}'.`,
      );
    }
  }
  const [owner = '', repoName = ''] = run.repository.split('/');
  const pull = pullRequestOf(run);
  const mode = readMode(input('mode'), run);
  const environment = readEnvironment(input('environment'), pull);
  const commit = readCommit(input('commit'), run, pull);
  const fill = (name: ProvisionInputName) =>
    fillPlaceholders(name, input(name), { environment, commit, pull });
  const url = fill('url');
  if (url !== undefined) checkHttpUrl('url', url);
  const healthUrl = fill('health-url');
  if (healthUrl !== undefined) checkHttpUrl('health-url', healthUrl);
  const workingDirectory = readFolder('working-directory', input('working-directory') || '.', run.workspace);
  const githubToken = input('github-token');
  if (githubToken === '') {
    throw new InputError(
      'github-token',
      'is empty, and the deployment and its statuses need it',
      "Leave it at its default (${{ github.token }}) and grant 'deployments: write'.",
    );
  }
  return {
    mode,
    driver: readDriver(driverName, input, { run, environment, repoName }),
    environment,
    transient: /^pr-\d+$/.test(environment),
    commit,
    url,
    vars: readVars(input('vars')),
    workingDirectory,
    health: {
      url: healthUrl,
      commitPath: readCommitPath(input('health-commit-path')),
      timeoutMs:
        parseIntegerInput('health-timeout', input('health-timeout'), 300, { min: 1, max: 3600 }) * 1000,
    },
    destroyOnFailure: parseBooleanInput('destroy-on-failure', input('destroy-on-failure'), true),
    deleteEnvironment: readDeleteEnvironment(input('delete-environment')),
    githubToken,
    repo: { owner, repo: repoName },
  };
}

function pullRequestOf(run: RunFacts): { number: number; headSha: string | undefined } | undefined {
  if (!run.eventName.startsWith('pull_request')) return undefined;
  const pull = run.event.pull_request as { number?: unknown; head?: { sha?: unknown } } | undefined;
  const number = pull?.number ?? run.event.number;
  if (typeof number !== 'number') return undefined;
  return { number, headSha: typeof pull?.head?.sha === 'string' ? pull.head.sha : undefined };
}

function readMode(text: string, run: RunFacts): 'provision' | 'destroy' {
  if (text === 'provision' || text === 'destroy') return text;
  if (text !== '' && text !== 'auto') {
    throw new InputError(
      'mode',
      `must be auto, provision or destroy, not '${text}'`,
      "Write 'mode: destroy' in the job that runs on 'pull_request: closed'.",
    );
  }
  return run.eventName.startsWith('pull_request') && run.event.action === 'closed' ? 'destroy' : 'provision';
}

function readEnvironment(text: string, pull: { number: number } | undefined): string {
  const name = text || (pull === undefined ? 'staging' : `pr-${pull.number}`);
  if (!ENVIRONMENT_NAME.test(name)) {
    throw new InputError(
      'environment',
      `'${name.slice(0, 120)}' is not a name Flowkit can give every tool (workspaces, namespaces, file names)`,
      'Use letters, digits, dots, dashes and underscores, starting with a letter or digit, up to 100 characters.',
    );
  }
  return name;
}

function readCommit(text: string, run: RunFacts, pull: { headSha: string | undefined } | undefined): string {
  const commit = text || pull?.headSha || run.sha;
  if (commit === '') {
    throw new InputError(
      'commit',
      'is not set and neither is GITHUB_SHA',
      'Give the commit being deployed, e.g. ${{ github.sha }}.',
    );
  }
  if (!COMMIT.test(commit)) {
    throw new InputError(
      'commit',
      `'${commit.slice(0, 80)}' is not a commit sha`,
      'Give the full sha of the commit being deployed.',
    );
  }
  return commit.toLowerCase();
}

/**
 * Fills {environment}, {commit}, {short_commit} and {pr} in an input; undefined when the input is empty. An
 * unknown placeholder is an InputError.
 */
export function fillPlaceholders(
  name: string,
  text: string,
  facts: { environment: string; commit: string; pull: { number: number } | undefined },
): string | undefined {
  if (text === '') return undefined;
  const values: Record<string, string | undefined> = {
    environment: facts.environment,
    commit: facts.commit,
    short_commit: facts.commit.slice(0, 7),
    pr: facts.pull === undefined ? undefined : String(facts.pull.number),
  };
  return text.replace(/\{([a-z_]+)\}/g, (whole, key: string) => {
    const value = values[key];
    if (value !== undefined) return value;
    throw new InputError(
      name,
      key === 'pr'
        ? 'uses {pr}, but this run is not for a pull request'
        : `has an unknown placeholder ${whole}`,
      'Placeholders: {environment}, {commit}, {short_commit}, {pr} (pull requests only).',
    );
  });
}

function checkHttpUrl(name: string, url: string): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new InputError(
      name,
      `is not an http(s) URL: '${url.slice(0, 200)}'`,
      'Write it like https://{environment}.staging.example.com.',
    );
  }
}

/** The vars input: a JSON object, or `name=value` lines (blank lines and # comments skipped). */
export function readVars(text: string): Record<string, unknown> {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      throw new InputError(
        'vars',
        `is not valid JSON: ${(error as Error).message}`,
        'Write a JSON object, or one name=value per line.',
      );
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new InputError(
        'vars',
        'is JSON but not an object',
        'Write a JSON object, or one name=value per line.',
      );
    }
    for (const name of Object.keys(parsed)) checkVarName(name);
    return parsed as Record<string, unknown>;
  }
  const vars: Record<string, unknown> = {};
  for (const [index, raw] of trimmed.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const at = line.indexOf('=');
    if (at <= 0) {
      throw new InputError(
        'vars',
        `line ${index + 1} is not name=value: '${line.slice(0, 80)}'`,
        'Write one name=value per line, or a JSON object.',
      );
    }
    const name = line.slice(0, at).trim();
    checkVarName(name);
    vars[name] = line.slice(at + 1).trim();
  }
  return vars;
}

function checkVarName(name: string): void {
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) {
    throw new InputError(
      'vars',
      `has a variable named '${name.slice(0, 80)}'`,
      'Names are letters, digits and underscores (dots for nested Helm values).',
    );
  }
  if (name.startsWith('flowkit_')) {
    throw new InputError(
      'vars',
      `sets '${name}', which Flowkit sets itself`,
      'Remove it: flowkit_* variables come from the environment, the commit and the url input.',
    );
  }
}

function readCommitPath(text: string): string {
  const path = text || 'commit';
  if (path !== 'body' && !/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(path)) {
    throw new InputError(
      'health-commit-path',
      `'${path}' is not a JSON path like commit or build.sha`,
      "Write a dotted path, or 'body' to find the commit anywhere in the answer.",
    );
  }
  return path;
}

function readDeleteEnvironment(text: string): 'auto' | boolean {
  if (text === '' || text === 'auto') return 'auto';
  return parseBooleanInput('delete-environment', text, false);
}

/** A folder: absolute, or relative to `base`; it must exist. */
function readFolder(name: string, text: string, base: string): string {
  const path = resolve(base, text);
  if (!isDirectory(path)) {
    throw new InputError(
      name,
      `is not a folder: '${text}' (looked at ${path})`,
      'Check the path, and that actions/checkout ran before this step.',
    );
  }
  return path;
}

/** A file: absolute, or relative to `base`; it must exist. */
function readFile(name: string, text: string, base: string): string {
  const path = resolve(base, text);
  if (!isFile(path)) {
    const where = isAbsolute(text) ? '' : ` (looked at ${path})`;
    throw new InputError(
      name,
      `names a file that does not exist: '${text}'${where}`,
      'Check the path: relative paths start at the repository root.',
    );
  }
  return path;
}

function readDriver(
  name: DriverName,
  input: (name: ProvisionInputName) => string,
  facts: { run: RunFacts; environment: string; repoName: string },
): DriverSettings {
  const { workspace } = facts.run;
  switch (name) {
    case 'ansible': {
      const playbook = input('playbook');
      if (playbook === '') {
        throw new InputError(
          'playbook',
          'is required by the ansible driver',
          'Give the playbook, e.g. deploy/staging.yml.',
        );
      }
      const destroy = input('destroy-playbook');
      const inventory = input('inventory');
      return {
        name,
        options: {
          playbook: readFile('playbook', playbook, workspace),
          destroyPlaybook: destroy === '' ? undefined : readFile('destroy-playbook', destroy, workspace),
          inventory:
            inventory === ''
              ? undefined
              : inventory.includes(',')
                ? inventory
                : readFile('inventory', inventory, workspace),
        },
      };
    }
    case 'terraform':
    case 'tofu': {
      const outputName = input('terraform-output') || 'url';
      if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(outputName)) {
        throw new InputError(
          'terraform-output',
          `'${outputName}' is not an output name`,
          'Give the name of the output that holds the URL, e.g. url.',
        );
      }
      return { name, options: { binary: name, outputName } };
    }
    case 'helm': {
      const chart = input('chart');
      if (chart === '') {
        throw new InputError(
          'chart',
          'is required by the helm driver',
          'Give a chart folder, repo/name or oci:// reference.',
        );
      }
      const release = input('release') || dnsLabel(facts.repoName || 'app', 53);
      const namespace = input('namespace') || dnsLabel(`${facts.repoName || 'app'}-${facts.environment}`, 63);
      checkDnsLabel('release', release, 53);
      checkDnsLabel('namespace', namespace, 63);
      const timeout = input('helm-timeout') || '10m';
      if (!/^(\d+h)?(\d+m)?(\d+s)?$/.test(timeout) || timeout === '') {
        throw new InputError(
          'helm-timeout',
          `'${timeout}' is not a duration like 10m or 90s`,
          'Write e.g. 10m.',
        );
      }
      return {
        name,
        options: {
          chart: /^(\.|\/)/.test(chart) ? resolve(workspace, chart) : chart,
          release,
          namespace,
          timeout,
          deleteNamespace: parseBooleanInput('delete-namespace', input('delete-namespace'), false),
        },
      };
    }
    case 'command': {
      const provision = input('provision-command');
      if (provision === '') {
        throw new InputError(
          'provision-command',
          'is required by the command driver',
          'Give the script that creates the environment and writes url=… to $FLOWKIT_OUTPUT.',
        );
      }
      const destroy = input('destroy-command');
      return { name, options: { provision, destroy: destroy === '' ? undefined : destroy } };
    }
  }
}

/** `text` made a DNS label: lower case, other characters as '-', at most `max` long. */
function dnsLabel(text: string, max: number): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
}

function checkDnsLabel(name: string, value: string, max: number): void {
  if (value.length > max || !DNS_LABEL.test(value)) {
    throw new InputError(
      name,
      `'${value.slice(0, 80)}' is not a DNS label of at most ${max} characters`,
      'Use lower-case letters, digits and dashes, starting and ending with a letter or digit.',
    );
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
