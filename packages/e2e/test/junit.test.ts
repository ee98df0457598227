// The JUnit reader on reports recorded from real Playwright runs, and on the other dialects it meets.
import { describe, expect, test } from '@jest/globals';
import { parseJUnit } from '../src/junit.ts';
import { XmlError } from '../src/xml.ts';
import { recordedJUnit } from './recorded.ts';

describe('Playwright reports (recorded)', () => {
  test('the first attempt: one passed, two failed, one skipped with its reason, in file order', () => {
    const { cases, declaredTests } = parseJUnit(recordedJUnit('attempt-1'));
    expect(declaredTests).toBe(4);
    expect(
      cases.map(({ suite, project, classname, name, outcome, skipReason }) => ({
        suite,
        project,
        classname,
        name,
        outcome,
        skipReason,
      })),
    ).toEqual([
      {
        suite: 'checkout.spec.ts',
        project: 'chromium',
        classname: 'checkout.spec.ts',
        name: 'checkout › has a checkout button',
        outcome: 'failed',
        skipReason: undefined,
      },
      {
        suite: 'dashboard.spec.ts',
        project: 'chromium',
        classname: 'dashboard.spec.ts',
        name: 'shows the top 5 active deployments',
        outcome: 'passed',
        skipReason: undefined,
      },
      {
        suite: 'dashboard.spec.ts',
        project: 'chromium',
        classname: 'dashboard.spec.ts',
        name: 'serves the expected commit',
        outcome: 'skipped',
        skipReason: 'EXPECTED_COMMIT is not set',
      },
      {
        suite: 'warmup.spec.ts',
        project: 'chromium',
        classname: 'warmup.spec.ts',
        name: 'the service is ready',
        outcome: 'failed',
        skipReason: undefined,
      },
    ]);
  });

  test("a failure keeps Playwright's message, type and full text (code frame and stack), and the attachments", () => {
    const [checkout] = parseJUnit(recordedJUnit('attempt-1')).cases;
    expect(checkout?.durationMs).toBeGreaterThan(1000);
    expect(checkout?.failure).toMatchObject({
      kind: 'failure',
      message: 'expect(locator).toBeVisible() failed',
      type: 'expect.toBeVisible',
    });
    expect(checkout?.failure?.text).toMatch(
      /^ {2}\[chromium\] › checkout\.spec\.ts:5:3 › checkout › has a checkout button/,
    );
    expect(checkout?.failure?.text).toContain(
      ">  8 |     await expect(page.getByRole('button', { name: 'Checkout' })).toBeVisible();",
    );
    expect(checkout?.failure?.text).toMatch(/at \/.*\/tests\/checkout\.spec\.ts:8:66$/m);
    expect(checkout?.attachments).toEqual([
      'results-attempt-1/checkout-checkout-has-a-checkout-button-chromium/error-context.md',
      'results-attempt-1/checkout-checkout-has-a-checkout-button-chromium/trace.zip',
    ]);
  });

  test('the retry attempt holds only the two tests run again: the flaky one passed', () => {
    const { cases } = parseJUnit(recordedJUnit('attempt-2'));
    expect(cases.map((testcase) => [testcase.name, testcase.outcome])).toEqual([
      ['checkout › has a checkout button', 'failed'],
      ['the service is ready', 'passed'],
    ]);
  });

  test("Playwright's own retries, in Surefire's dialect: flakyFailure on a pass, rerunFailure on a failure", () => {
    const { cases } = parseJUnit(recordedJUnit('builtin-retries'));
    const checkout = cases.find((testcase) => testcase.suite === 'checkout.spec.ts');
    const warmup = cases.find((testcase) => testcase.suite === 'warmup.spec.ts');
    expect(checkout).toMatchObject({ outcome: 'failed', flakyFailures: [] });
    expect(checkout?.rerunFailures).toHaveLength(1);
    expect(checkout?.rerunFailures[0]?.text).toContain('toBeVisible');
    expect(warmup).toMatchObject({ outcome: 'passed', rerunFailures: [] });
    expect(warmup?.flakyFailures).toEqual([
      expect.objectContaining({
        kind: 'failure',
        message: 'expect(received).toBe(expected) // Object.is equality',
        type: 'expect.toBe',
      }),
    ]);
    expect(warmup?.flakyFailures[0]?.text).toMatch(/tests\/warmup\.spec\.ts:6:30/);
  });

  test('a browser that cannot start is an <error>, its entity-encoded message decoded', () => {
    const [testcase] = parseJUnit(recordedJUnit('browser-missing')).cases;
    expect(testcase?.failure).toMatchObject({
      kind: 'error',
      type: 'Error',
      message:
        "browserType.launch: Failed to launch chromium because executable doesn't exist at /opt/no-such-chromium/chrome",
    });
  });

  test('no tests found: an empty <testsuites>', () => {
    expect(parseJUnit(recordedJUnit('no-tests'))).toEqual({ cases: [], declaredTests: 0 });
  });
});

describe('other dialects and damaged files', () => {
  test('a lone <testsuite> root, nested suites, error and skipped with messages, comma times, system-err', () => {
    const { cases, declaredTests } = parseJUnit(`<?xml version="1.0"?>
<testsuite name="outer" tests="3">
  <testsuite name="inner" hostname="ci-box">
    <testcase name="a &amp; b" classname="pkg.A" time="1,234.5"><error message="boom" type="TypeError">stack</error></testcase>
  </testsuite>
  <testcase name="c" classname="pkg.C"><skipped message="not today"/><system-err>warn</system-err></testcase>
  <testcase name="d" classname="pkg.D" time="-1"><failure>first line
second line</failure><failure message="ignored"/></testcase>
</testsuite>`);
    expect(declaredTests).toBe(3);
    expect(
      cases.map(({ suite, project, name, outcome, durationMs }) => [
        suite,
        project,
        name,
        outcome,
        durationMs,
      ]),
    ).toEqual([
      ['inner', 'ci-box', 'a & b', 'failed', 1234500],
      ['outer', '', 'c', 'skipped', 0],
      ['outer', '', 'd', 'failed', 0],
    ]);
    expect(cases[0]?.failure).toEqual({ kind: 'error', message: 'boom', type: 'TypeError', text: 'stack' });
    expect(cases[1]).toMatchObject({ skipReason: 'not today', systemErr: 'warn' });
    // The first failure counts; one without a message is named by its first line.
    expect(cases[2]?.failure).toEqual({
      kind: 'failure',
      message: 'first line',
      type: '',
      text: 'first line\nsecond line',
    });
  });

  test('test cases straight under <testsuites>, and Surefire retries with their stack in <stackTrace>', () => {
    const { cases } = parseJUnit(`<testsuites>
  <testcase name="x" classname="X"><flakyError message="timeout" type="T"><stackTrace>at x.ts:1:2</stackTrace></flakyError></testcase>
</testsuites>`);
    expect(cases[0]).toMatchObject({
      outcome: 'passed',
      flakyFailures: [{ kind: 'error', message: 'timeout', type: 'T', text: 'at x.ts:1:2' }],
    });
  });

  test('a report cut short is an XmlError naming where; another root element is an Error', () => {
    const report = recordedJUnit('attempt-1');
    const truncated = report.slice(0, report.indexOf('</testcase>'));
    expect(() => parseJUnit(truncated)).toThrow(XmlError);
    expect(() => parseJUnit(truncated)).toThrow(
      /^line \d+: the document ends inside <testcase> \(a truncated file\?\)$/,
    );
    expect(() => parseJUnit(report.slice(0, report.indexOf(']]>')))).toThrow('unterminated CDATA section');
    expect(() => parseJUnit('<html></html>')).toThrow(
      'the root element is <html>, not <testsuites> or <testsuite>',
    );
  });
});
