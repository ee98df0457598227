import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { defaultConfig, loadConfig, parseConfig } from '../src/config.ts';
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
    expect(await loadConfig(join(dir, 'absent.yml'))).toEqual(defaultConfig());
    await expect(loadConfig(join(dir, 'absent.yml'), 'config')).rejects.toThrow(InputError);
  });

  test('reads a valid file', async () => {
    const path = join(dir, 'flowkit.yml');
    await writeFile(
      path,
      'version: 1\nslack:\n  channel: "#devops-team-frontend"\npeople:\n  sarah:\n    email: sarah@example.com\n    slack: U0SARAH01\n',
    );
    expect(await loadConfig(path)).toEqual({
      ...defaultConfig(),
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
      "f.yml:1: slak: unknown key 'slak'; expected one of: version, slack, people, jira, teams, routing",
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

  test('reads teams, rotations and routing; single items may be written without a list', async () => {
    const text = [
      'jira: { projects: JIRA, paths: { Done: [In Review, In QA, Done] } }',
      'teams:',
      '  frontend:',
      '    slack-channel: "#devops-team-frontend"',
      '    rotation: { cadence: weekly, start: 2026-11-09, time-zone: Europe/London, members: [tom, priya, sarah] }',
      'routing:',
      '  - match: { project: JIRA, summary: "dashboard" }',
      '    team: frontend',
      '    labels: team-frontend',
    ].join('\n');
    const config = await parseConfig(text, 'f.yml');
    expect(config.jira).toEqual({ projects: ['JIRA'], paths: { Done: ['In Review', 'In QA', 'Done'] } });
    expect(config.routing).toEqual([
      { match: { project: ['JIRA'], summary: 'dashboard' }, team: 'frontend', labels: ['team-frontend'] },
    ]);
    expect(config.teams.frontend?.rotation?.members).toEqual(['tom', 'priya', 'sarah']);
  });

  test.each([
    [
      'a routing rule naming an unknown team',
      'teams: { web: {} }\nrouting:\n  - match: {}\n    team: frontend\n',
      "f.yml:4: routing[0].team: names team 'frontend', which is not defined; the teams are: web",
    ],
    [
      'an unknown time zone',
      'teams:\n  web:\n    rotation: { cadence: weekly, start: 2026-11-09, time-zone: Mars/Olympus, members: [a] }\n',
      'f.yml:3: teams.web.rotation.time-zone: expected an IANA time zone like Europe/London, got "Mars/Olympus"',
    ],
    [
      'a date that does not exist',
      'teams:\n  web:\n    rotation: { cadence: daily, start: 2026-02-30, time-zone: UTC, members: [a] }\n',
      'f.yml:3: teams.web.rotation.start: expected the first day of the rotation, YYYY-MM-DD, got "2026-02-30"',
    ],
    [
      'an empty rotation',
      'teams:\n  web:\n    rotation: { cadence: daily, start: 2026-02-03, time-zone: UTC, members: [] }\n',
      'f.yml:3: teams.web.rotation.members: expected at least 1 item(s), got 0',
    ],
    [
      'a summary pattern that is not a regular expression',
      'routing:\n  - match: { summary: "([a-" }\n',
      'f.yml:2: routing[0].match.summary: expected a valid regular expression, got "([a-"',
    ],
    [
      'a lower-case project key',
      'jira: { projects: [jira] }\n',
      'f.yml:1: jira.projects[0]: expected a project key like JIRA, got "jira"',
    ],
  ])('%s is named with its line and path', async (_name, text, message) => {
    await expect(parseConfig(text, 'f.yml')).rejects.toThrow(message);
  });
});
