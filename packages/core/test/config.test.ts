import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { loadConfig, parseConfig } from '../src/config.ts';
import { ConfigError, InputError } from '../src/errors.ts';

describe('the config file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'flowkit-config-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('a missing default file gives the defaults; a missing chosen file is an input error', async () => {
    expect(await loadConfig(join(dir, 'absent.yml'))).toEqual({ version: 1, slack: {}, people: {} });
    await expect(loadConfig(join(dir, 'absent.yml'), 'config')).rejects.toThrow(InputError);
  });

  test('reads a valid file', async () => {
    const path = join(dir, 'flowkit.yml');
    await writeFile(
      path,
      'version: 1\nslack:\n  channel: "#devops-team-frontend"\npeople:\n  sarah:\n    email: sarah@example.com\n    slack: U0SARAH01\n',
    );
    expect(await loadConfig(path)).toEqual({
      version: 1,
      slack: { channel: '#devops-team-frontend' },
      people: { sarah: { email: 'sarah@example.com', slack: 'U0SARAH01' } },
    });
  });

  test('names the file, the line, the path and what was expected', async () => {
    const text = 'slack:\n  channel: "#ok"\npeople:\n  sarah:\n    email: not-an-email\n';
    const error = (await parseConfig(text, '.github/flowkit.yml').catch((e: unknown) => e)) as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe(
      '.github/flowkit.yml:5: people.sarah.email: expected an email address like name@example.com, got "not-an-email"',
    );
  });

  test('rejects unknown keys, listing the known ones', async () => {
    await expect(parseConfig('slak:\n  channel: x\n', 'f.yml')).rejects.toThrow(
      "f.yml:1: slak: unknown key 'slak'; expected one of: version, slack, people",
    );
  });

  test('reports YAML syntax errors with their line', async () => {
    await expect(parseConfig('slack:\n  channel: [\n', 'f.yml')).rejects.toThrow(
      /^f\.yml:\d+: not valid YAML/,
    );
  });

  test('counts the problems beyond the first', async () => {
    await expect(parseConfig('version: 2\nslack: 3\n', 'f.yml')).rejects.toThrow('(and 1 more problem(s))');
  });
});
