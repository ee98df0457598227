// The streaming runner: the log gets whole lines as they come, fenced so a test's output cannot issue commands.
import { describe, expect, test } from '@jest/globals';
import { streamingRunner } from '../src/stream.ts';

describe('streamingRunner', () => {
  test('writes whole lines between stop-commands markers and returns all output', async () => {
    const written: string[] = [];
    const run = streamingRunner((text) => written.push(text));
    // The second write waits for the first to be flushed, so a line arrives in two pieces.
    const script = [
      "process.stdout.write('::error::from a test\\nhalf ', () => {",
      "  process.stdout.write('a line\\nno newline at the end');",
      "  process.stderr.write('on stderr\\n');",
      '  process.exitCode = 3;',
      '});',
    ].join('\n');
    const result = await run(process.execPath, ['-e', script], { cwd: process.cwd(), env: process.env });
    expect(result).toEqual({
      exitCode: 3,
      signal: null,
      stdout: '::error::from a test\nhalf a line\nno newline at the end',
      stderr: 'on stderr\n',
    });
    const token = /^::stop-commands::(e2e-[\w-]+)\n$/.exec(written[0] ?? '')?.[1];
    expect(token).toBeDefined();
    expect(written.at(-1)).toBe(`::${token}::\n`);
    const body = written.slice(1, -1);
    // Every piece ends a line: a secret is never split between two writes.
    expect(body.every((piece) => piece.endsWith('\n'))).toBe(true);
    expect(body.join('').split('\n').sort()).toEqual(
      ['::error::from a test', 'half a line', 'no newline at the end', 'on stderr', ''].sort(),
    );
  });

  test('a command that cannot start resolves with startError and still resumes commands', async () => {
    const written: string[] = [];
    const result = await streamingRunner((text) => written.push(text))('/no/such/playwright', ['test'], {
      cwd: process.cwd(),
      env: process.env,
    });
    expect(result.exitCode).toBeNull();
    expect(result.startError).toMatch(/ENOENT/);
    expect(written).toHaveLength(2);
    expect(written[1]).toBe(`::${/::stop-commands::(.*)\n/.exec(written[0] ?? '')?.[1]}::\n`);
  });
});
