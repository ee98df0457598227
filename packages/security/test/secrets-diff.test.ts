// Diff scanning: only added lines count, with their line numbers in the new file.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseUnifiedDiff } from '@flowkit/core';
import { describe, expect, test } from '@jest/globals';
import { scanDiff, scanPatches } from '../src/secrets/index.ts';
import { FakeSecrets } from './fixtures/secrets/fakes.ts';

const fake = new FakeSecrets(11);

describe('scanning a diff', () => {
  const added = fake.github();
  const removed = fake.github();
  const context = fake.github();
  const second = fake.slack();
  const deleted = fake.github();
  const diff = [
    'diff --git a/src/config.ts b/src/config.ts',
    'index 3b18e51..a9c3f2d 100644',
    '--- a/src/config.ts',
    '+++ b/src/config.ts',
    '@@ -10,6 +10,7 @@ export const config = {',
    '   retries: 3,',
    `   legacy: '${context}',`,
    `-  token: '${removed}',`,
    `+  token: '${added}',`,
    '+  timeout: 30,',
    '   region: "eu",',
    '   name: "shop",',
    '@@ -40,3 +41,4 @@ function x() {',
    '   a();',
    '+--- not a header',
    '+++ not a header either',
    '-  b();',
    '   c();',
    'diff --git a/old.env b/old.env',
    'deleted file mode 100644',
    'index 1111111..0000000',
    '--- a/old.env',
    '+++ /dev/null',
    '@@ -1 +0,0 @@',
    `-TOKEN=${deleted}`,
    'diff --git a/logo.png b/logo.png',
    'index 2222222..3333333 100644',
    'Binary files a/logo.png and b/logo.png differ',
    'diff --git "a/docs/caf\\303\\251.md" "b/docs/caf\\303\\251.md"',
    'new file mode 100644',
    'index 0000000..4444444',
    '--- /dev/null',
    '+++ "b/docs/caf\\303\\251.md"',
    '@@ -0,0 +1,3 @@',
    '+# Café',
    '+',
    `+Slack: ${second}`,
    '\\ No newline at end of file',
    '',
  ].join('\n');

  test('reads files, hunks and new-side line numbers', () => {
    const files = parseUnifiedDiff(diff);
    expect(files.map((file) => [file.file, file.binary, file.hunks.length])).toEqual([
      ['src/config.ts', false, 2],
      ['logo.png', true, 0],
      ['docs/café.md', false, 1],
    ]);
    const [first, secondHunk] = files[0]?.hunks ?? [];
    expect(first?.map((line) => [line.number, line.added])).toEqual([
      [10, false],
      [11, false],
      [12, true],
      [13, true],
      [14, false],
      [15, false],
    ]);
    expect(secondHunk?.map((line) => [line.number, line.added, line.text])).toEqual([
      [41, false, '  a();'],
      [42, true, '--- not a header'],
      [43, true, '++ not a header either'],
      [44, false, '  c();'],
    ]);
  });

  test('reports secrets on added lines only, with their line in the new file', () => {
    const result = scanDiff(diff);
    expect(result.source).toBe('diff');
    expect(
      result.findings.map((finding) => [finding.file, finding.line, finding.column, finding.rule]),
    ).toEqual([
      ['docs/café.md', 3, 8, 'slack-token'],
      ['src/config.ts', 12, 11, 'github-pat'],
    ]);
    expect(result.filesScanned).toBe(2);
    expect(result.skipped.binary).toBe(1);
    const shown = JSON.stringify(result);
    for (const secret of [added, removed, context, second, deleted]) expect(shown).not.toContain(secret);
  });

  test('a diff with CRLF line ends reads the same', () => {
    const result = scanDiff(diff.replace(/\n/g, '\r\n'));
    expect(result.findings.map((finding) => [finding.file, finding.line])).toEqual([
      ['docs/café.md', 3],
      ['src/config.ts', 12],
    ]);
  });

  test('context lines give an added key its surroundings', () => {
    const key = fake.datadogApiKey();
    const text = [
      '--- a/values.yml',
      '+++ b/values.yml',
      '@@ -1,2 +1,3 @@',
      ' datadog:',
      '   site: datadoghq.eu',
      `+  api_key: ${key}`,
      '',
    ].join('\n');
    expect(scanDiff(text).findings).toMatchObject([{ rule: 'datadog-api-key', file: 'values.yml', line: 3 }]);
  });

  test("GitHub's pull request patches: added lines only; files without a patch are listed", () => {
    const token = fake.github();
    const result = scanPatches([
      {
        filename: 'app/settings.py',
        status: 'modified',
        patch: `@@ -4,2 +4,3 @@ import os\n DEBUG = False\n+GITHUB_TOKEN = "${token}"\n ALLOWED_HOSTS = []`,
      },
      { filename: 'gone.py', status: 'removed', patch: `@@ -1 +0,0 @@\n-x = "${fake.github()}"` },
      { filename: 'huge.min.js', status: 'added' },
    ]);
    expect(result.findings.map((finding) => [finding.file, finding.line, finding.rule])).toEqual([
      ['app/settings.py', 5, 'github-pat'],
    ]);
    expect(result.unreadableFiles).toEqual(['huge.min.js']);
    expect(JSON.stringify(result)).not.toContain(token);
  });

  test('line numbers match the file, on a diff git itself wrote', async () => {
    const repo = await mkdtemp(join(tmpdir(), 'flowkit-secrets-diff-'));
    try {
      const git = (...args: string[]) =>
        execFileSync(
          'git',
          ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args],
          {
            cwd: repo,
            encoding: 'utf8',
          },
        );
      const lines = Array.from({ length: 60 }, (_, index) => `line ${index + 1}`);
      await writeFile(join(repo, 'app.txt'), `${lines.join('\n')}\n`);
      git('init', '-q');
      git('add', '.');
      git('commit', '-q', '-m', 'base');
      const early = fake.github();
      const late = fake.awsKeyId();
      lines.splice(4, 0, `token = "${early}"`);
      lines.splice(50, 1, `aws_access_key_id = ${late}`);
      lines.splice(30, 2);
      await writeFile(join(repo, 'app.txt'), `${lines.join('\n')}\n`);
      const result = scanDiff(git('diff'));
      const file = (await readFile(join(repo, 'app.txt'), 'utf8')).split('\n');
      expect(result.findings.map((finding) => finding.rule)).toEqual(['github-pat', 'aws-access-key-id']);
      for (const finding of result.findings) {
        const secret = finding.rule === 'github-pat' ? early : late;
        expect(file[(finding.line ?? 0) - 1]).toContain(secret);
      }
    } finally {
      await rm(repo, { recursive: true, force: true });
    }
  });
});
