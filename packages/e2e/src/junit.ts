// Reads JUnit XML test reports (Playwright's and the common dialects) into a flat list of test cases.
import { childrenNamed, parseXml, type XmlElement } from './xml.ts';

/** How one test case ended in one report. */
export type CaseOutcome = 'passed' | 'failed' | 'skipped';

/** A `<failure>` or `<error>`: what went wrong, with the full text (Playwright's holds the stack and the code frame). */
export interface CaseFailure {
  kind: 'failure' | 'error';
  message: string;
  type: string;
  text: string;
}

/** One `<testcase>`. */
export interface JUnitCase {
  /** The enclosing `<testsuite>`'s name; Playwright names it after the spec file (relative to testDir). */
  suite: string;
  /** The suite's `hostname`, which Playwright sets to the project's name ('' when absent). */
  project: string;
  classname: string;
  /** Playwright joins the describe blocks and the title with ' › '. */
  name: string;
  durationMs: number;
  outcome: CaseOutcome;
  /** The first `<failure>` or `<error>` of a failed case. */
  failure?: CaseFailure;
  /** Why it was skipped, when the report says. */
  skipReason?: string;
  /**
   * Failed runs before a pass, as reports with retries record them (`<flakyFailure>`, `<flakyError>`: Maven
   * Surefire's dialect, which Playwright writes with includeRetries): a case that passed with some is flaky.
   */
  flakyFailures: CaseFailure[];
  /** Failed runs of a case that failed in the end (`<rerunFailure>`, `<rerunError>`), the first run aside. */
  rerunFailures: CaseFailure[];
  /** Files the case attached (`[[ATTACHMENT|path]]` lines in `<system-out>`), as the report wrote them. */
  attachments: string[];
  systemOut: string;
  systemErr: string;
}

/** Every test case of a report, in document order, and the report's own totals where it states them. */
export interface JUnitReport {
  cases: JUnitCase[];
  /** The root's `tests` attribute, when present (Playwright writes 0 when no test was found). */
  declaredTests?: number;
}

/**
 * Parses a JUnit XML report: a `<testsuites>` root, or a single `<testsuite>`; suites may nest. Throws XmlError
 * for malformed XML, and an Error when the root is neither element.
 */
export function parseJUnit(xml: string): JUnitReport {
  const root = parseXml(xml);
  if (root.name !== 'testsuites' && root.name !== 'testsuite') {
    throw new Error(`the root element is <${root.name}>, not <testsuites> or <testsuite>`);
  }
  const cases: JUnitCase[] = [];
  if (root.name === 'testsuite') collectSuite(root, cases);
  else {
    for (const suite of childrenNamed(root, 'testsuite')) collectSuite(suite, cases);
    // Some tools put test cases straight under <testsuites>.
    for (const testcase of childrenNamed(root, 'testcase')) cases.push(readCase(testcase, root));
  }
  const declared = Number(root.attributes.tests);
  return {
    cases,
    ...(root.attributes.tests !== undefined && Number.isFinite(declared) ? { declaredTests: declared } : {}),
  };
}

function collectSuite(suite: XmlElement, cases: JUnitCase[]): void {
  for (const child of suite.children) {
    if (child.name === 'testcase') cases.push(readCase(child, suite));
    else if (child.name === 'testsuite') collectSuite(child, cases);
  }
}

function readCase(testcase: XmlElement, suite: XmlElement): JUnitCase {
  let failure: CaseFailure | undefined;
  let skipReason: string | undefined;
  let skipped = false;
  const flakyFailures: CaseFailure[] = [];
  const rerunFailures: CaseFailure[] = [];
  const out: string[] = [];
  const err: string[] = [];
  for (const child of testcase.children) {
    switch (child.name) {
      case 'failure':
      case 'error':
        failure ??= readFailure(child, child.name);
        break;
      case 'skipped': {
        skipped = true;
        const reason = (child.attributes.message ?? child.text).trim();
        if (reason !== '') skipReason = reason;
        break;
      }
      case 'flakyFailure':
      case 'flakyError':
        flakyFailures.push(readFailure(child, child.name === 'flakyError' ? 'error' : 'failure'));
        break;
      case 'rerunFailure':
      case 'rerunError':
        rerunFailures.push(readFailure(child, child.name === 'rerunError' ? 'error' : 'failure'));
        break;
      case 'system-out':
        out.push(child.text);
        break;
      case 'system-err':
        err.push(child.text);
        break;
    }
  }
  // Playwright puts a skip's reason in a property named "skip".
  if (skipped && skipReason === undefined) {
    const property = childrenNamed(testcase, 'properties')
      .flatMap((properties) => childrenNamed(properties, 'property'))
      .find((property) => property.attributes.name === 'skip');
    if (property?.attributes.value) skipReason = property.attributes.value;
  }
  const systemOut = out.join('\n');
  return {
    suite: suite.attributes.name ?? '',
    project: suite.attributes.hostname ?? '',
    classname: testcase.attributes.classname ?? '',
    name: testcase.attributes.name ?? '',
    durationMs: seconds(testcase.attributes.time),
    outcome: failure ? 'failed' : skipped ? 'skipped' : 'passed',
    ...(failure ? { failure } : {}),
    ...(skipReason === undefined ? {} : { skipReason }),
    flakyFailures,
    rerunFailures,
    attachments: [...systemOut.matchAll(/\[\[ATTACHMENT\|([^\]\r\n]+)\]\]/g)].map((match) => match[1] ?? ''),
    systemOut,
    systemErr: err.join('\n'),
  };
}

function readFailure(element: XmlElement, kind: CaseFailure['kind']): CaseFailure {
  // Surefire's retry elements keep the stack in a child element.
  const stack = childrenNamed(element, 'stackTrace')
    .map((child) => child.text)
    .join('\n');
  const text = element.text.trim() === '' ? stack : element.text;
  return {
    kind,
    message: element.attributes.message ?? firstLine(text),
    type: element.attributes.type ?? '',
    text: text.replace(/^\n+|\s+$/g, ''),
  };
}

/** A `time` attribute in seconds ("1.5", "1,234.5") as whole milliseconds; 0 when absent or unreadable. */
function seconds(text: string | undefined): number {
  const value = Number((text ?? '').replace(/,/g, ''));
  return text === undefined || !Number.isFinite(value) || value < 0 ? 0 : Math.round(value * 1000);
}

function firstLine(text: string): string {
  return (
    text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .find(Boolean) ?? ''
  );
}
