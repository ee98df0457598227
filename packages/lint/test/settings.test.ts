// Every lint input is read and checked before anything runs; bad input names the input and the fix.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '@flowkit/core';
import { afterAll, describe, expect, test } from '@jest/globals';
import { type LintInputName, readCommands, readLinters, readLintSettings } from '../src/index.ts';
import { removeTemps, tempDir } from './helpers.ts';

afterAll(removeTemps);

const DEFAULTS: Partial<Record<LintInputName, string>> = {
  linters: 'auto',
  'working-directory': '.',
  'fail-on': 'error',
  'fail-on-missing': 'false',
  'only-changed-lines': 'false',
  cache: 'true',
  'github-token': 'ghs_token',
};

async function settings(inputs: Partial<Record<LintInputName, string>>, root?: string) {
  const dir = root ?? (await tempDir());
  const all = { ...DEFAULTS, ...inputs };
  return readLintSettings((name) => all[name] ?? '', dir);
}

/** The InputError `promise` rejects with. */
async function inputError(promise: Promise<unknown>): Promise<InputError> {
  const caught = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(caught).toBeInstanceOf(InputError);
  return caught as InputError;
}

describe('readLintSettings', () => {
  test("the action's defaults", async () => {
    expect(await settings({})).toEqual({
      linters: 'auto',
      commands: [],
      workingDirectory: '',
      failOn: 'error',
      failOnMissing: false,
      onlyChangedLines: false,
      cache: true,
      githubToken: 'ghs_token',
    });
  });

  test('every input read', async () => {
    const root = await tempDir();
    await mkdir(join(root, 'packages', 'web'), { recursive: true });
    expect(
      await settings(
        {
          linters: 'eslint, tsc',
          commands: 'stylelint (gcc): npx stylelint "**/*.css" -f unix',
          'working-directory': 'packages/web/',
          'fail-on': 'warning',
          'fail-on-missing': 'true',
          'only-changed-lines': 'true',
          cache: 'false',
        },
        root,
      ),
    ).toMatchObject({
      linters: ['eslint', 'tsc'],
      commands: [{ name: 'stylelint', format: 'gcc', command: 'npx stylelint "**/*.css" -f unix' }],
      workingDirectory: 'packages/web',
      failOn: 'warning',
      failOnMissing: true,
      onlyChangedLines: true,
      cache: false,
    });
  });

  test('an unknown linter is an input error listing the known ones', async () => {
    const error = await inputError(settings({ linters: 'eslint,eslnt' }));
    expect(error.message).toBe(
      "Input 'linters' names an unknown linter 'eslnt'. Known linters: eslint, prettier, tsc, actionlint, shellcheck, markdownlint (or auto, or none).",
    );
  });

  test.each([
    [{ 'fail-on': 'errors' }, "Input 'fail-on' must be error, warning or never, not 'errors'"],
    [{ cache: 'yes' }, "Input 'cache' must be true or false, not 'yes'"],
    [{ 'only-changed-lines': 'on' }, "Input 'only-changed-lines' must be true or false, not 'on'"],
    [{ 'fail-on-missing': '1' }, "Input 'fail-on-missing' must be true or false, not '1'"],
    [
      { 'working-directory': '../elsewhere' },
      "Input 'working-directory' is outside the repository: '../elsewhere'",
    ],
    [
      { 'working-directory': 'no/such/dir' },
      "Input 'working-directory' is not a folder of the repository: 'no/such/dir'",
    ],
    [
      { 'only-changed-lines': 'true', 'github-token': '' },
      "Input 'github-token' is empty, and only-changed-lines needs it",
    ],
  ])('%j is refused', async (inputs, message) => {
    expect((await inputError(settings(inputs))).message).toContain(message);
  });
});

describe('readLinters', () => {
  test('auto, none, or names (comma- or newline-separated, duplicates once)', () => {
    expect(readLinters('')).toBe('auto');
    expect(readLinters(' auto ')).toBe('auto');
    expect(readLinters('none')).toEqual([]);
    expect(readLinters('tsc\neslint, tsc')).toEqual(['tsc', 'eslint']);
  });

  test('auto or none mixed with names is refused', () => {
    expect(() => readLinters('auto, eslint')).toThrow("Input 'linters' mixes 'auto' with linter names");
  });
});

describe('readCommands', () => {
  test("'name: command' defaults to the gcc format; '(format)' chooses; comments and blank lines skipped", () => {
    expect(
      readCommands(
        [
          '# extra checks',
          'stylelint: npx stylelint "**/*.css" --formatter unix',
          '',
          'api-types (tsc): tsc -p api --noEmit --pretty false',
          'semgrep (sarif): semgrep scan --sarif --quiet',
          'web.lint (eslint-json) : eslint -f json web',
        ].join('\n'),
      ),
    ).toEqual([
      { name: 'stylelint', format: 'gcc', command: 'npx stylelint "**/*.css" --formatter unix' },
      { name: 'api-types', format: 'tsc', command: 'tsc -p api --noEmit --pretty false' },
      { name: 'semgrep', format: 'sarif', command: 'semgrep scan --sarif --quiet' },
      { name: 'web.lint', format: 'eslint-json', command: 'eslint -f json web' },
    ]);
  });

  test.each([
    ['npx stylelint', "line 1 is not 'name: command' or 'name (format): command': 'npx stylelint'"],
    ['a: x\nb (junit): y', "line 2 names an unknown output format 'junit'"],
    ['lint: a\nlint: b', "names 'lint' twice"],
    ['lint:', "line 1 is not 'name: command'"],
  ])('%j is refused', (text, message) => {
    expect(() => readCommands(text)).toThrow(message);
  });
});
