// Reading the inputs: defaults, every bad value as one InputError naming the fix, and finding Playwright.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '@flowkit/core';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { E2E_INPUTS, type E2eInputName, readE2eSettings, urlSecret } from '../src/settings.ts';

let root: string;
let chromium: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'flowkit-e2e-settings-'));
  await mkdir(join(root, 'node_modules', '.bin'), { recursive: true });
  await writeFile(join(root, 'node_modules', '.bin', 'playwright'), '#!/bin/sh\n');
  await chmod(join(root, 'node_modules', '.bin', 'playwright'), 0o755);
  await mkdir(join(root, 'apps', 'web'), { recursive: true });
  chromium = join(root, 'chromium');
  await writeFile(chromium, '#!/bin/sh\n');
  await chmod(chromium, 0o755);
  await writeFile(join(root, 'not-executable'), '');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The inputs as the runner passes them: action.yml's defaults, then the step's `with:`. */
function read(given: Partial<Record<E2eInputName, string>>, at = root) {
  const inputs: Record<string, string> = {
    'working-directory': '.',
    retries: '1',
    'chromium-path': chromium,
    'artifact-name': 'playwright-report',
    timeout: '30',
    ...given,
  };
  return readE2eSettings((name) => inputs[name] ?? '', at);
}

function problem(given: Partial<Record<E2eInputName, string>>): InputError {
  try {
    read(given);
  } catch (caught) {
    if (caught instanceof InputError) return caught;
    throw caught;
  }
  throw new Error('no InputError');
}

describe('readE2eSettings', () => {
  test('the defaults, with Playwright found in a parent folder (a hoisted install)', () => {
    expect(read({ url: 'https://staging.example.com', 'working-directory': 'apps/web/' })).toEqual({
      url: 'https://staging.example.com',
      root,
      workingDirectory: 'apps/web',
      playwright: join(root, 'node_modules', '.bin', 'playwright'),
      projects: [],
      grep: undefined,
      retries: 1,
      chromiumPath: chromium,
      expectedCommit: undefined,
      artifactName: 'playwright-report',
      retentionDays: undefined,
      timeoutMinutes: 30,
      deploymentId: undefined,
      githubToken: '',
    });
  });

  test('every input given', () => {
    expect(
      read({
        url: 'http://127.0.0.1:8080/app',
        project: 'chromium, mobile\nfirefox',
        grep: '/checkout|login/i',
        retries: '3',
        'chromium-path': '',
        'expected-commit': '0123456789abcdef0123456789abcdef01234567',
        'artifact-name': '',
        'retention-days': '7',
        timeout: '90',
        'deployment-id': '4321',
        'github-token': 'ghs_token',
      }),
    ).toMatchObject({
      projects: ['chromium', 'mobile', 'firefox'],
      grep: '/checkout|login/i',
      retries: 3,
      chromiumPath: undefined,
      expectedCommit: '0123456789abcdef0123456789abcdef01234567',
      artifactName: undefined,
      retentionDays: 7,
      timeoutMinutes: 90,
      deploymentId: 4321,
      githubToken: 'ghs_token',
    });
  });

  test.each<[Partial<Record<E2eInputName, string>>, string, string]>([
    [{ url: '' }, 'url', "Input 'url' is required and was not given."],
    [{ url: 'staging.example.com' }, 'url', "Input 'url' is not an absolute URL."],
    [{ url: 'ftp://example.com' }, 'url', "Input 'url' must be an http or https URL, not ftp:."],
    [
      { 'working-directory': '../elsewhere' },
      'working-directory',
      "Input 'working-directory' is outside the repository: '../elsewhere'.",
    ],
    [
      { 'working-directory': 'apps/mobile' },
      'working-directory',
      "Input 'working-directory' is not a folder of the repository: 'apps/mobile'.",
    ],
    [{ grep: 'checkout(' }, 'grep', "Input 'grep' is not a regular expression: "],
    [{ retries: '9' }, 'retries', "Input 'retries' must be a whole number from 0 to 5, not '9'."],
    [{ retries: 'twice' }, 'retries', "Input 'retries' must be a whole number from 0 to 5, not 'twice'."],
    [
      { 'chromium-path': 'chromium' },
      'chromium-path',
      "Input 'chromium-path' must be an absolute path, not 'chromium'.",
    ],
    [
      { 'chromium-path': '/opt/no-such/chrome' },
      'chromium-path',
      "Input 'chromium-path' is not an executable file: '/opt/no-such/chrome' does not exist.",
    ],
    [
      { 'expected-commit': 'main' },
      'expected-commit',
      "Input 'expected-commit' is not a commit SHA: 'main'.",
    ],
    [
      { 'artifact-name': 'report:e2e' },
      'artifact-name',
      "Input 'artifact-name' holds a character GitHub does not allow in artifact names: 'report:e2e'.",
    ],
    [
      { 'retention-days': '365' },
      'retention-days',
      "Input 'retention-days' must be a whole number from 1 to 90, not '365'.",
    ],
    [
      { 'deployment-id': 'staging' },
      'deployment-id',
      "Input 'deployment-id' is not a deployment id: 'staging'.",
    ],
    [{ timeout: '0' }, 'timeout', "Input 'timeout' must be a whole number from 1 to 360, not '0'."],
  ])('%j: an InputError on %s', (given, input, message) => {
    const error = problem({ url: 'https://staging.example.com', ...given });
    expect(error.input).toBe(input);
    expect(error.message.startsWith(message)).toBe(true);
    expect(error.fix.length).toBeGreaterThan(10);
  });

  test('a chromium-path that is not executable names how to install Chromium', () => {
    const error = problem({ url: 'https://s.example.com', 'chromium-path': join(root, 'not-executable') });
    expect(error.message).toBe(
      `Input 'chromium-path' is not an executable file: '${join(root, 'not-executable')}'. Install Chromium before this step (on Debian and Ubuntu: 'sudo apt-get install -y chromium'), give the path of another Chromium or Chrome, or set chromium-path to '' to use Playwright's own browser.`,
    );
  });

  test('a URL with a password is not repeated in the error, and its password is the secret to mask', () => {
    expect(problem({ url: 'https//user:hunter22@staging' }).message).not.toContain('hunter22');
    expect(urlSecret('https://qa:p%40ss@staging.example.com')).toBe('p@ss');
    expect(urlSecret('https://staging.example.com')).toBeUndefined();
  });

  test('without Playwright installed, the fix is to install it', async () => {
    const bare = await mkdtemp(join(tmpdir(), 'flowkit-e2e-bare-'));
    try {
      expect(() => read({ url: 'https://staging.example.com' }, bare)).toThrow(
        "Input 'working-directory' has no Playwright: node_modules/.bin/playwright was not found from '.' up to the repository root. Add @playwright/test to the project's devDependencies and run 'npm ci' (or your package manager's install) before this step.",
      );
    } finally {
      await rm(bare, { recursive: true, force: true });
    }
  });

  test('E2E_INPUTS lists each input once', () => {
    expect(new Set(E2E_INPUTS).size).toBe(E2E_INPUTS.length);
  });
});
