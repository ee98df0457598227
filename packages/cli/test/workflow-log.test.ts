// The log view as a pure function of events: workflow commands → human lines, groups → a step list or ▶ lines.
import {
  formatDuration,
  initialLogState,
  type LogEvent,
  type LogState,
  parseLogLine,
  renderLog,
} from '@flowkit/cli';
import { describe, expect, test } from '@jest/globals';

const ESC = String.fromCharCode(27);
const CLEAR = `\r${ESC}[2K`;

/** Renders `events` from a fresh view; the text written, in order. */
function render(state: LogState, events: LogEvent[]): string {
  let current = state;
  let text = '';
  for (const event of events) {
    const next = renderLog(current, event);
    current = next.state;
    text += next.text;
  }
  return text;
}

const lines = (stdout: string[], at = 1000): LogEvent[] =>
  stdout.map((line, i) => parseLogLine(line, at + i * 500)).filter((event) => event !== undefined);

describe('parseLogLine', () => {
  test('annotations with their properties unescaped; masks, groups, debug; unknown commands dropped', () => {
    expect(parseLogLine('::error file=src/a%3A1.ts,line=3,title=Lint::50%25 done%0Anext', 0)).toEqual({
      kind: 'error',
      message: '50% done\nnext',
      properties: { file: 'src/a:1.ts', line: '3', title: 'Lint' },
    });
    expect(parseLogLine('::add-mask::s3cret', 0)).toEqual({ kind: 'mask', value: 's3cret' });
    expect(parseLogLine('::group::Build', 7)).toEqual({ kind: 'group', title: 'Build', at: 7 });
    expect(parseLogLine('::endgroup::', 9)).toEqual({ kind: 'endgroup', at: 9 });
    expect(parseLogLine('::stop-commands::token', 0)).toBeUndefined();
    expect(parseLogLine('plain :: text', 0)).toEqual({ kind: 'line', text: 'plain :: text' });
  });
});

describe('renderLog', () => {
  const stdout = [
    '::add-mask::hunter22',
    'starting',
    '::group::Build',
    'compiling with hunter22',
    '::warning file=a.ts,line=2::Slow',
    '::endgroup::',
    '::debug::detail',
    '::group::Deploy',
    'pushing',
    '::error::It broke',
  ];

  test('plain (CI logs): ▶ Title, every line, annotations as words, masks applied, no debug', () => {
    const text = render(initialLogState(false, false), [
      ...lines(stdout),
      { kind: 'end', at: 9000, failed: true },
    ]);
    expect(text).toBe(
      [
        'starting',
        '▶ Build',
        'compiling with ***',
        'warning: Slow (a.ts:2)',
        '▶ Deploy',
        'pushing',
        'error: It broke',
        '',
      ].join('\n'),
    );
    expect(render(initialLogState(false, true), lines(stdout))).toContain('debug: detail\n');
  });

  test('terminal: a spinner line per step, ✓/✗ with the duration; a failed step shows what it hid', () => {
    const text = render(initialLogState(true, false), [
      ...lines(stdout),
      { kind: 'tick' },
      { kind: 'end', at: 9000, failed: true },
    ]);
    expect(text).toBe(
      [
        'starting\n',
        '⠋ Build',
        `${CLEAR}warning: Slow (a.ts:2)\n⠋ Build`,
        `${CLEAR}✓ Build (1.5s)\n`,
        '⠋ Deploy',
        `${CLEAR}error: It broke\n⠋ Deploy`,
        `${CLEAR}⠙ Deploy`,
        `${CLEAR}✗ Deploy (4.5s)\n  pushing\n`,
      ].join(''),
    );
  });

  test('terminal with verbose: lines inside steps are printed above the spinner', () => {
    const text = render(initialLogState(true, true), lines(['::group::Build', 'compiling', '::endgroup::']));
    expect(text).toBe(`⠋ Build${CLEAR}compiling\n⠋ Build${CLEAR}✓ Build (1.0s)\n`);
  });

  test('a value masked before it is known is masked in titles and hidden lines too; longest first', () => {
    const state = initialLogState(true, false, ['abcd', 'abcdefgh']);
    const text = render(state, [
      ...lines(['::group::Deploy abcdefgh', 'token abcd']),
      { kind: 'end', at: 2000, failed: true },
    ]);
    expect(text).not.toContain('abcd');
    expect(text).toContain('✗ Deploy *** (1.0s)\n  token ***\n');
  });
});

test('formatDuration', () => {
  expect(formatDuration(400)).toBe('0.4s');
  expect(formatDuration(59_940)).toBe('59.9s');
  expect(formatDuration(185_000)).toBe('3m 05s');
});
