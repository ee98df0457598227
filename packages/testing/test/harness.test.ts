// The harness against a fixture action that uses the runner's contract by hand.
import { describe, expect, test } from '@jest/globals';
import { parseCommands, parseKeyValueFile, runAction } from '../src/harness.ts';

const fixture = new URL('./fixtures/echo-action', import.meta.url).pathname;

describe('runAction', () => {
  test('passes inputs, event and workspace; reads outputs, state, env, summary and commands; runs post', async () => {
    const run = await runAction({
      action: fixture,
      with: { 'multi-line': 'one\ntwo' },
      githubToken: 'ghs_secret_token_value',
      event: { action: 'opened' },
      eventName: 'pull_request',
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toEqual({
      greeting: 'hello',
      multi: 'one\ntwo',
      plain: 'value=with=equals',
      event: 'pull_request:opened',
      cwd: 'workspace',
    });
    expect(run.state).toEqual({ cleanup: 'remove /tmp/x' });
    expect(run.exportedEnv).toEqual({ FROM_ECHO: 'yes' });
    expect(run.summary).toBe('## Echo\n');
    expect(run.masks).toEqual(['ghs_secret_token_value']);
    expect(run.log).toContain('token is ***');
    expect(run.stdout).toContain('token is ghs_secret_token_value');
    expect(run.warnings).toEqual(['50% done\nnext line']);
    expect(run.commands[1]?.properties).toEqual({ file: 'src/a.ts', line: '3', title: 'Watch: out' });
    expect(run.errors).toEqual(['it broke']);
    expect(run.notices).toEqual(['fyi']);
    expect(run.post?.stdout).toBe('post saw remove /tmp/x\n');
    expect(run.runnerWarnings).toEqual([]);
  });

  test('reports inputs action.yml does not declare, as the runner does', async () => {
    const run = await runAction({ action: fixture, with: { greting: 'hi', exit: 3 } });
    expect(run.runnerWarnings).toEqual([
      "Unexpected input(s) 'greting', 'exit', valid inputs are ['greeting', 'token', 'multi-line']",
    ]);
    expect(run.exitCode).toBe(3);
  });
});

describe('parsers', () => {
  test('workflow commands are unescaped like the runner does', () => {
    expect(parseCommands('::error title=a%2Cb%3A c::100%25%0D%0Adone\nplain line\n::endgroup::')).toEqual([
      { command: 'error', properties: { title: 'a,b: c' }, message: '100%\r\ndone' },
      { command: 'endgroup', properties: {}, message: '' },
    ]);
  });

  test('an unterminated heredoc is an error, not a silent loss', () => {
    expect(() => parseKeyValueFile('name<<EOF\nvalue\n')).toThrow("output 'name' has no closing delimiter");
  });
});
