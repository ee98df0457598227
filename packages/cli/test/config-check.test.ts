// `flowkit config check` through the executable: a valid file's summary, an invalid file's every problem.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from '@jest/globals';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'flowkit.js');

function flowkit(
  args: string[],
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flowkit-config-check-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('a valid file at the default path: exit 0 and one line of what it defines', async () => {
  await mkdir(join(dir, '.github'), { recursive: true });
  await writeFile(
    join(dir, '.github', 'flowkit.yml'),
    [
      'version: 1',
      'slack: { channel: "#releases" }',
      'people:',
      '  sarah: { email: sarah@example.com, slack: U0SARAH001 }',
      'jira: { projects: [JIRA, OPS] }',
      'teams:',
      '  frontend:',
      '    slack-channel: C0FRONTEND',
      '    rotation: { cadence: weekly, start: 2026-11-09, time-zone: Europe/London, members: [sarah] }',
      '  backend:',
      '    slack-channel: C0BACKEND',
      'routing:',
      '  - match: { project: JIRA }',
      '    team: frontend',
    ].join('\n'),
  );
  expect(await flowkit(['config', 'check'], dir)).toEqual({
    code: 0,
    stdout:
      '.github/flowkit.yml: valid — 2 teams, 1 rotation, 3 Slack channels, 1 person, 1 routing rule, 2 Jira projects.\n',
    stderr: '',
  });
});

test('the documented sample (docs/flowkit.sample.yml) is valid, every key of it', async () => {
  const sample = join(
    dirname(fileURLToPath(import.meta.url)),
    '..',
    '..',
    '..',
    'docs',
    'flowkit.sample.yml',
  );
  expect(await flowkit(['config', 'check', '--config', sample], dir)).toEqual({
    code: 0,
    stdout: `${sample}: valid — 1 team, 1 rotation, 1 Slack channel, 3 persons, 2 routing rules, 1 Jira project.\n`,
    stderr: '',
  });
});

test('an invalid file: exit 1, every problem with the file, its place and what was expected', async () => {
  const file = join(dir, 'bad.yml');
  await writeFile(
    file,
    [
      'version: 1',
      'slack:',
      '  channel: "Not A Channel"',
      'teams:',
      '  frontend:',
      '    slack-channel: C0FRONTEND',
      '    colour: blue',
    ].join('\n'),
  );
  expect(await flowkit(['config', 'check', '--config', file], dir)).toEqual({
    code: 1,
    stdout: '',
    stderr: [
      `${file}:3: slack.channel: expected a channel ID like C0123456789 or a name like #team, got "Not A Channel"`,
      `${file}: teams.frontend.colour: unknown key 'colour'; expected one of: slack-channel, rotation, standup, holidays, digest`,
      '',
    ].join('\n'),
  });
  await writeFile(file, 'routing:\n  - match: { project: JIRA }\n    team: web\n');
  expect(await flowkit(['config', 'check', '--config', file], dir)).toMatchObject({
    code: 1,
    stderr: `${file}:3: routing[0].team: names team 'web', which is not defined; no teams are defined under teams:\n`,
  });
});

test('no such file: exit 2 with the fix', async () => {
  expect(await flowkit(['config', 'check', '--config', 'nope.yml'], dir)).toEqual({
    code: 2,
    stdout: '',
    stderr:
      'flowkit: nope.yml does not exist. Give its path with --config, or create it (the actions use defaults without one).\n',
  });
});
