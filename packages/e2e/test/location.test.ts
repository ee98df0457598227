// Finding the failing line: stack frames in recorded Playwright failures, other frame shapes, and the header fallback.
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { parseJUnit } from '../src/junit.ts';
import { locateFailure } from '../src/location.ts';
import { recordedJUnit, recording } from './recorded.ts';

const context = { root: recording.root, cwd: join(recording.root, recording.cwd) };
const failureText = (name: Parameters<typeof recordedJUnit>[0], index: number) =>
  parseJUnit(recordedJUnit(name)).cases[index]?.failure?.text ?? '';

describe('locateFailure', () => {
  test("a recorded assertion failure points at the spec's line and column, relative to the repository", () => {
    expect(locateFailure(failureText('attempt-1', 0), context)).toEqual({
      file: `${recording.cwd}/tests/checkout.spec.ts`,
      line: 8,
      column: 66,
    });
    expect(locateFailure(failureText('attempt-1', 3), context)).toEqual({
      file: `${recording.cwd}/tests/warmup.spec.ts`,
      line: 6,
      column: 30,
    });
  });

  test("frames in node_modules and outside the repository are passed over for the test's own", () => {
    const text = [
      'Error: boom',
      '    at Object.helper (/repo/node_modules/lib/index.js:3:9)',
      '    at wrapped (/elsewhere/lib.ts:1:1)',
      '    at file:///repo/e2e/tests/login.spec.ts:12:5',
      '    at /repo/e2e/tests/other.spec.ts:1:1',
    ].join('\n');
    expect(locateFailure(text, { root: '/repo', cwd: '/repo/e2e' })).toEqual({
      file: 'e2e/tests/login.spec.ts',
      line: 12,
      column: 5,
    });
  });

  test('a relative frame is read from the folder Playwright ran in', () => {
    expect(locateFailure('    at tests/a.spec.ts:4:2', { root: '/repo', cwd: '/repo/web' })).toEqual({
      file: 'web/tests/a.spec.ts',
      line: 4,
      column: 2,
    });
  });

  test("without a usable frame, Playwright's header names the test, found among the spec files when unique", () => {
    // A browser that did not start has no stack at all.
    const text = failureText('browser-missing', 0);
    expect(text).not.toMatch(/^\s*at /m);
    expect(
      locateFailure(text, { ...context, specFiles: ['e2e/tests/dashboard.spec.ts', 'e2e/x.ts'] }),
    ).toEqual({
      file: 'e2e/tests/dashboard.spec.ts',
      line: 4,
      column: 1,
    });
    const ambiguous = ['a/dashboard.spec.ts', 'b/dashboard.spec.ts'];
    expect(locateFailure(text, { ...context, specFiles: ambiguous })).toBeUndefined();
    expect(locateFailure(text, context)).toBeUndefined();
  });
});
