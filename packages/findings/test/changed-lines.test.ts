// The unified diff parser (pure) and the changed-lines filter built on it.
import { addedLineNumbers, parseUnifiedDiff as parseFiles, parsePatch } from '@flowkit/core';
import { describe, expect, test } from '@jest/globals';
import { changedLinesOf, type Finding, keepChangedLines } from '../src/index.ts';

/** The lines a one-file patch adds. */
const addedLines = (patch: string) => addedLineNumbers(parsePatch('', patch));
/** Every file of a diff with the lines it adds. */
const parseUnifiedDiff = (diff: string) =>
  new Map(parseFiles(diff).map((file) => [file.file, addedLineNumbers(file)]));

describe('addedLines', () => {
  test('the + lines of GitHub patch hunks, numbered in the new file', () => {
    const patch = [
      '@@ -1,4 +1,5 @@',
      ' import a from "a";',
      '-const old = 1;',
      '+const renamed = 1;',
      '+const extra = 2;',
      ' ',
      ' export default a;',
      '@@ -20,3 +21,4 @@ function tail() {',
      '   return 1;',
      '+  // added at the end',
      ' }',
      '\\ No newline at end of file',
    ].join('\n');
    expect(addedLines(patch)).toEqual([2, 3, 22]);
  });

  test('a new file: every line added; a pure deletion adds none', () => {
    expect(addedLines('@@ -0,0 +1,3 @@\n+a\n+b\n+c')).toEqual([1, 2, 3]);
    expect(addedLines('@@ -3,2 +2,0 @@\n-gone\n-gone too')).toEqual([]);
  });

  test('hunk headers without counts mean one line', () => {
    expect(addedLines('@@ -5 +5 @@\n-x\n+y')).toEqual([5]);
  });

  test('a context line stripped of its space still counts; a +++ line inside a hunk is content', () => {
    expect(addedLines('@@ -1,3 +1,4 @@\n a\n\n+++counter;\n b')).toEqual([3]);
  });
});

describe('parseUnifiedDiff', () => {
  test('a git diff with several files, a rename, a deletion and a quoted path', () => {
    const diff = [
      'diff --git a/src/app.ts b/src/app.ts',
      'index 1111111..2222222 100644',
      '--- a/src/app.ts',
      '+++ b/src/app.ts',
      '@@ -10,2 +10,3 @@',
      ' one',
      '+two',
      ' three',
      'diff --git a/old.md b/docs/new.md',
      'similarity index 90%',
      'rename from old.md',
      'rename to docs/new.md',
      '--- a/old.md',
      '+++ b/docs/new.md',
      '@@ -1 +1 @@',
      '-# Old',
      '+# New',
      'diff --git a/gone.sh b/gone.sh',
      'deleted file mode 100755',
      '--- a/gone.sh',
      '+++ /dev/null',
      '@@ -1,2 +0,0 @@',
      '-#!/bin/sh',
      '-echo bye',
      'diff --git "a/caf\\303\\251 menu.md" "b/caf\\303\\251 menu.md"',
      '--- "a/caf\\303\\251 menu.md"',
      '+++ "b/caf\\303\\251 menu.md"',
      '@@ -0,0 +1 @@',
      '+Croissant',
    ].join('\n');
    expect(Object.fromEntries(parseUnifiedDiff(diff))).toEqual({
      'src/app.ts': [11],
      'docs/new.md': [1],
      'café menu.md': [1],
    });
  });

  test('diff -u headers with timestamps', () => {
    const diff = '--- a.txt\t2025-01-01 10:00:00\n+++ b.txt\t2025-01-02 10:00:00\n@@ -1 +1,2 @@\n x\n+y\n';
    expect(Object.fromEntries(parseUnifiedDiff(diff))).toEqual({ 'b.txt': [2] });
  });
});

describe('changed lines of a pull request', () => {
  const finding = (file: string | undefined, line?: number, endLine?: number): Finding => ({
    tool: 'eslint',
    rule: 'r',
    severity: 'error',
    message: 'm',
    ...(file === undefined ? {} : { file }),
    ...(line === undefined ? {} : { line }),
    ...(endLine === undefined ? {} : { endLine }),
  });

  const changed = changedLinesOf([
    { filename: 'src/app.js', status: 'modified', patch: '@@ -1,3 +1,4 @@\n a\n+b\n c\n+d' },
    { filename: 'assets/big.json', status: 'modified' },
    { filename: 'old.js', status: 'removed', patch: '@@ -1 +0,0 @@\n-x' },
  ]);

  test('added lines per file; a file without a patch counts as changed throughout', () => {
    expect(changed.files.get('src/app.js')).toEqual(new Set([2, 4]));
    expect(changed.files.get('assets/big.json')).toBe('all');
    expect(changed.files.has('old.js')).toBe(false);
    expect(changed.complete).toBe(true);
  });

  test('keeps findings on added lines, spanning ones that cover one, file-level and global ones', () => {
    const findings = [
      finding('src/app.js', 2),
      finding('src/app.js', 3),
      finding('src/app.js', 1, 2),
      finding('src/app.js'),
      finding('assets/big.json', 900),
      finding('src/untouched.js', 2),
      finding(undefined),
    ];
    const { kept, dropped } = keepChangedLines(findings, changed);
    expect(kept).toEqual([findings[0], findings[2], findings[3], findings[4], findings[6]]);
    expect(dropped).toEqual([findings[1], findings[5]]);
  });

  test('when GitHub may have cut the file list short (3,000 files), unlisted files keep their findings', () => {
    const many = Array.from({ length: 3000 }, (_, index) => ({
      filename: `f${index}.js`,
      patch: '@@ -1 +1 @@\n-a\n+b',
    }));
    const capped = changedLinesOf(many);
    expect(capped.complete).toBe(false);
    expect(keepChangedLines([finding('unlisted.js', 4)], capped).kept).toHaveLength(1);
  });
});
