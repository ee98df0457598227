import { parseCommands } from '@flowkit/testing';
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { error, info, redact, setSecret, warning } from '../src/commands.ts';

let written: string[];
beforeEach(() => {
  written = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  jest.restoreAllMocks();
});

describe('workflow commands', () => {
  test('messages and properties survive the runner’s unescaping exactly', () => {
    const message = 'rate 50% done\r\nnext: a, b';
    error(message, { title: 'Slack: refused, again', file: 'src/a.ts', line: 3 });
    expect(parseCommands(written.join(''))).toEqual([
      {
        command: 'error',
        properties: { title: 'Slack: refused, again', file: 'src/a.ts', line: '3' },
        message,
      },
    ]);
  });

  test('secrets are masked for the runner and redacted from this process’s own output', () => {
    setSecret('xoxb-1234-secret\nsecond-line-secret');
    info('token xoxb-1234-secret and second-line-secret');
    warning('again xoxb-1234-secret');
    const commands = parseCommands(written.join(''));
    expect(commands.filter((c) => c.command === 'add-mask').map((c) => c.message)).toEqual([
      'xoxb-1234-secret\nsecond-line-secret',
      'xoxb-1234-secret',
      'second-line-secret',
    ]);
    expect(written).toContain('token *** and ***\n');
    expect(commands.at(-1)).toEqual({ command: 'warning', properties: {}, message: 'again ***' });
    expect(redact('nothing secret')).toBe('nothing secret');
  });
});
