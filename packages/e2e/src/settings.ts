// Reads and checks every e2e input before anything runs: one typed settings object comes out.
import { accessSync, constants, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { InputError, parseIntegerInput } from '@flowkit/core';
import { findPlaywright } from './playwright-cli.ts';

/** The inputs of the e2e action, as action.yml declares them. */
export const E2E_INPUTS = [
  'url',
  'working-directory',
  'project',
  'grep',
  'retries',
  'chromium-path',
  'expected-commit',
  'artifact-name',
  'retention-days',
  'timeout',
  'deployment-id',
  'github-token',
] as const;

/** The name of one e2e input. */
export type E2eInputName = (typeof E2E_INPUTS)[number];

/** Everything the e2e action needs, checked. */
export interface E2eSettings {
  /** The deployment under test; the tests get it as BASE_URL and as Playwright's default baseURL. */
  url: string;
  /** The repository root (GITHUB_WORKSPACE): annotations are relative to it. */
  root: string;
  /** Where playwright.config lives, relative to the root ('' for the root itself). */
  workingDirectory: string;
  /** The Playwright CLI from the repository's node_modules/.bin. */
  playwright: string;
  projects: string[];
  grep: string | undefined;
  /** How many times the failed tests are run again (0: never). */
  retries: number;
  /** Given to the config as CHROMIUM_PATH; undefined leaves the choice of browser to the config. */
  chromiumPath: string | undefined;
  expectedCommit: string | undefined;
  /** undefined: no artifact upload. */
  artifactName: string | undefined;
  /** undefined: the repository's default retention. */
  retentionDays: number | undefined;
  /** The budget of all attempts together. */
  timeoutMinutes: number;
  /** The GitHub deployment under test: failing tests add a failure status to it. */
  deploymentId: number | undefined;
  githubToken: string;
}

/** The Chromium Debian installs, which Flowkit's runners and GitHub's Ubuntu images provide. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

// The characters GitHub refuses in an artifact's name.
const BAD_ARTIFACT_NAME = /["<>|*?:\\/\r\n]/;

/** Checks every input; throws InputError for the first problem. `root` is the repository root. Runs nothing. */
export function readE2eSettings(input: (name: E2eInputName) => string, root: string): E2eSettings {
  const url = readUrl(input('url'));
  const workingDirectory = readWorkingDirectory(input('working-directory'), root);
  const projects = input('project')
    .split(/[,\n]/)
    .map((name) => name.trim())
    .filter(Boolean);
  const grep = readGrep(input('grep'));
  const retries = parseIntegerInput('retries', input('retries'), 1, { min: 0, max: 5 });
  const chromiumPath = readChromiumPath(input('chromium-path'));
  const expectedCommit = input('expected-commit') || undefined;
  if (expectedCommit !== undefined && !/^[0-9a-f]{7,64}$/i.test(expectedCommit)) {
    throw new InputError(
      'expected-commit',
      `is not a commit SHA: '${expectedCommit}'`,
      'Give the deployed commit, e.g. ${{ github.sha }}, or leave it out.',
    );
  }
  const artifactName = input('artifact-name') || undefined;
  if (artifactName !== undefined && BAD_ARTIFACT_NAME.test(artifactName)) {
    throw new InputError(
      'artifact-name',
      `holds a character GitHub does not allow in artifact names: '${artifactName}'`,
      'Leave out " : < > | * ? \\ / and line breaks, e.g. playwright-report-${{ matrix.shard }}.',
    );
  }
  const retention = input('retention-days');
  const retentionDays =
    retention === '' ? undefined : parseIntegerInput('retention-days', retention, 30, { min: 1, max: 90 });
  const timeoutMinutes = parseIntegerInput('timeout', input('timeout'), 30, { min: 1, max: 360 });
  const cwd = resolve(root, workingDirectory);
  const playwright = findPlaywright(root, cwd);
  if (playwright === undefined) {
    throw new InputError(
      'working-directory',
      `has no Playwright: node_modules/.bin/playwright was not found from '${workingDirectory || '.'}' up to the repository root`,
      "Add @playwright/test to the project's devDependencies and run 'npm ci' (or your package manager's install) before this step.",
    );
  }
  return {
    url,
    root,
    workingDirectory,
    playwright,
    projects,
    grep,
    retries,
    chromiumPath,
    expectedCommit,
    artifactName,
    retentionDays,
    timeoutMinutes,
    deploymentId: readDeploymentId(input('deployment-id')),
    githubToken: input('github-token'),
  };
}

function readDeploymentId(text: string): number | undefined {
  if (text === '') return undefined;
  if (!/^[1-9]\d{0,15}$/.test(text)) {
    throw new InputError(
      'deployment-id',
      `is not a deployment id: '${text.slice(0, 40)}'`,
      "Pass provision-staging's deployment-id output.",
    );
  }
  return Number(text);
}

/** The password of a URL with credentials (https://user:pass@host), to mask before anything is logged. */
export function urlSecret(text: string): string | undefined {
  try {
    const password = new URL(text).password;
    return password === '' ? undefined : decodeURIComponent(password);
  } catch {
    return undefined;
  }
}

function readUrl(text: string): string {
  if (text === '') {
    throw new InputError(
      'url',
      'is required and was not given',
      "Add 'url:' with the deployment to test, e.g. the staging URL a provision step put out.",
    );
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // The value may hold credentials, so it is not repeated.
    throw new InputError(
      'url',
      'is not an absolute URL',
      'Write it in full, e.g. https://staging.example.com.',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(
      'url',
      `must be an http or https URL, not ${url.protocol}`,
      'Write it in full, e.g. https://staging.example.com.',
    );
  }
  return text;
}

function readWorkingDirectory(text: string, root: string): string {
  const inside = relative(resolve(root), resolve(root, text || '.'));
  if (inside.startsWith('..') || isAbsolute(inside)) {
    throw new InputError(
      'working-directory',
      `is outside the repository: '${text}'`,
      'Give the folder of playwright.config relative to the repository root, e.g. apps/web.',
    );
  }
  const info = statSafe(resolve(root, inside));
  if (!info?.isDirectory()) {
    throw new InputError(
      'working-directory',
      `is not a folder of the repository: '${text}'`,
      'Check the path, and that actions/checkout ran before this step.',
    );
  }
  return inside.split(sep).join('/');
}

function readGrep(text: string): string | undefined {
  if (text === '') return undefined;
  // Playwright reads "/source/flags" as a literal and anything else as the source of a RegExp.
  const literal = /^\/(.*)\/([gi]*)$/.exec(text);
  try {
    new RegExp(literal ? (literal[1] ?? '') : text, literal ? literal[2] : 'gi');
  } catch (caught) {
    throw new InputError(
      'grep',
      `is not a regular expression: ${(caught as Error).message}`,
      'Escape characters such as ( [ + ? with a backslash, or match a plain part of the titles.',
    );
  }
  return text;
}

function readChromiumPath(text: string): string | undefined {
  // Empty: the config picks the browser itself (Playwright's own download, a channel…).
  if (text === '') return undefined;
  if (!isAbsolute(text)) {
    throw new InputError(
      'chromium-path',
      `must be an absolute path, not '${text}'`,
      `Write e.g. ${DEFAULT_CHROMIUM_PATH}, or leave it empty to let playwright.config choose the browser.`,
    );
  }
  const info = statSafe(text);
  const executable = (() => {
    try {
      accessSync(text, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  })();
  if (!info?.isFile() || !executable) {
    throw new InputError(
      'chromium-path',
      `is not an executable file: '${text}'${info === undefined ? ' does not exist' : ''}`,
      "Install Chromium before this step (on Debian and Ubuntu: 'sudo apt-get install -y chromium'), give the path of another Chromium or Chrome, or set chromium-path to '' to use Playwright's own browser.",
    );
  }
  return text;
}

function statSafe(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
