// Which Jira and Slack `flowkit demo` uses: the environment's, all of a service's variables or none, one clear line
// (exit 2, nothing started) for anything else.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_JIRA_WORKFLOW, JiraEmulator } from '@flowkit/testing';
import { describe, expect, test } from '@jest/globals';
import { readDemoServices } from '../src/demo/services.ts';
import { runCli } from '../src/main.ts';

const JIRA = {
  JIRA_URL: 'https://acme.atlassian.net/',
  JIRA_EMAIL: 'dana@acme.test',
  JIRA_API_TOKEN: 'secret-token',
  JIRA_PROJECT: 'SHOP',
};
const SLACK = { SLACK_BOT_TOKEN: 'xoxb-1-2-3', SLACK_CHANNEL: 'C0123ABCDEF' };

describe('readDemoServices', () => {
  test('nothing set: every service emulated', () => {
    expect(readDemoServices({ PATH: '/usr/bin', HOME: '/root' })).toEqual({ services: {} });
  });

  test('a whole set: that service is real (URL without its trailing slash, QA status by default QA)', () => {
    expect(readDemoServices({ ...JIRA, ...SLACK })).toEqual({
      services: {
        jira: {
          url: 'https://acme.atlassian.net',
          email: 'dana@acme.test',
          apiToken: 'secret-token',
          project: 'SHOP',
          qaStatus: 'QA',
        },
        slack: { token: 'xoxb-1-2-3', channel: 'C0123ABCDEF', apiUrl: undefined },
      },
    });
    expect(readDemoServices({ ...JIRA, JIRA_QA_STATUS: 'In Review' })).toMatchObject({
      services: { jira: { qaStatus: 'In Review' } },
    });
    expect(readDemoServices({ ...SLACK, SLACK_API_URL: 'http://127.0.0.1:8080/api' })).toEqual({
      services: {
        slack: { token: 'xoxb-1-2-3', channel: 'C0123ABCDEF', apiUrl: 'http://127.0.0.1:8080/api/' },
      },
    });
    expect(readDemoServices({ DD_API_KEY: 'api', DD_APP_KEY: 'app', DD_SITE: 'datadoghq.eu' })).toEqual({
      services: { datadog: { apiKey: 'api', appKey: 'app', site: 'datadoghq.eu', apiUrl: undefined } },
    });
  });

  test.each([
    [
      { JIRA_URL: JIRA.JIRA_URL },
      'JIRA_URL is set but JIRA_EMAIL, JIRA_API_TOKEN and JIRA_PROJECT are not: set JIRA_URL, JIRA_EMAIL, JIRA_API_TOKEN and JIRA_PROJECT to use your Jira, or none of them to use the emulator.',
    ],
    [
      { ...JIRA, JIRA_PROJECT: '  ' },
      'JIRA_URL, JIRA_EMAIL and JIRA_API_TOKEN are set but JIRA_PROJECT is not: set JIRA_URL, JIRA_EMAIL, JIRA_API_TOKEN and JIRA_PROJECT to use your Jira, or none of them to use the emulator.',
    ],
    [
      { JIRA_QA_STATUS: 'QA' },
      'JIRA_QA_STATUS is set but JIRA_URL, JIRA_EMAIL, JIRA_API_TOKEN and JIRA_PROJECT are not: set JIRA_URL, JIRA_EMAIL, JIRA_API_TOKEN and JIRA_PROJECT to use your Jira, or none of them to use the emulator.',
    ],
    [
      { SLACK_BOT_TOKEN: 'xoxb-1' },
      'SLACK_BOT_TOKEN is set but SLACK_CHANNEL is not: set SLACK_BOT_TOKEN and SLACK_CHANNEL to use your Slack, or none of them to use the emulator.',
    ],
    [
      { ...JIRA, JIRA_URL: 'acme.atlassian.net' },
      "JIRA_URL must be an http(s) URL such as https://your-site.atlassian.net, not 'acme.atlassian.net'.",
    ],
    [{ ...JIRA, JIRA_PROJECT: 'shop' }, "JIRA_PROJECT must be a Jira project key such as SHOP, not 'shop'."],
    [
      { DD_APP_KEY: 'app', DD_SITE: 'datadoghq.eu' },
      'DD_APP_KEY and DD_SITE are set but DD_API_KEY is not: set DD_API_KEY and DD_APP_KEY to use your Datadog, or none of them to use the emulator.',
    ],
    [
      { DD_API_KEY: 'api', DD_APP_KEY: 'app', DD_SITE: 'datadog.eu' },
      "DD_SITE must be one of Datadog's sites (datadoghq.com, us3.datadoghq.com, us5.datadoghq.com, ap1.datadoghq.com, ap2.datadoghq.com, uk1.datadoghq.com, datadoghq.eu, ddog-gov.com, us2.ddog-gov.com), not 'datadog.eu'.",
    ],
    [
      { ...SLACK, SLACK_CHANNEL: '#devops' },
      "SLACK_CHANNEL must be a channel ID such as C0123ABCDEF (the channel's details show it), not '#devops'.",
    ],
  ])('%j: %s', (env, error) => {
    expect(readDemoServices(env)).toEqual({ error });
  });
});

describe('flowkit demo with half a set', () => {
  test('one line naming what is missing, exit 2, nothing started or written, no secret echoed', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'flowkit-demo-services-'));
    try {
      let out = '';
      let err = '';
      const code = await runCli(['demo', '--report', join(folder, 'report')], {
        stdin: (async function* () {})(),
        write: (text) => (out += text),
        error: (text) => (err += text),
        env: { JIRA_URL: JIRA.JIRA_URL, JIRA_API_TOKEN: JIRA.JIRA_API_TOKEN },
      });
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toBe(
        'flowkit demo: JIRA_URL and JIRA_API_TOKEN are set but JIRA_EMAIL and JIRA_PROJECT are not: set JIRA_URL, JIRA_EMAIL, JIRA_API_TOKEN and JIRA_PROJECT to use your Jira, or none of them to use the emulator.\n',
      );
      expect(existsSync(join(folder, 'report'))).toBe(false);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('flowkit demo with a token your Jira refuses', () => {
  test('says so in one line, exit 1, and files nothing', async () => {
    const jira = await JiraEmulator.start({
      users: [
        { accountId: '5b10dana000000000000000001', displayName: 'Dana', emailAddress: JIRA.JIRA_EMAIL },
      ],
      credentials: [{ accountId: '5b10dana000000000000000001', email: JIRA.JIRA_EMAIL, apiToken: 'right' }],
      projects: [{ key: 'SHOP', workflow: DEFAULT_JIRA_WORKFLOW }],
    });
    const folder = await mkdtemp(join(tmpdir(), 'flowkit-demo-services-'));
    try {
      let out = '';
      const code = await runCli(['demo', '--fast', '--report', folder], {
        stdin: (async function* () {})(),
        write: (text) => (out += text),
        error: (text) => (out += text),
        env: { ...JIRA, JIRA_URL: jira.url, JIRA_API_TOKEN: 'wrong' },
      });
      expect(code).toBe(1);
      const failed = out.split('\n').filter((line) => line.includes('✘'));
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatch(/demo: could not start: Jira answered 401 to POST \/rest\/api\/3\/issue/);
      expect(out).not.toContain('wrong');
      expect(jira.requests.map((request) => [request.operation, request.status])).toEqual([
        ['POST /rest/api/3/issue', 401],
      ]);
      await expect(readFile(join(folder, 'index.html'), 'utf8')).resolves.toContain('The flow stopped early');
    } finally {
      await Promise.all([jira.stop(), rm(folder, { recursive: true, force: true })]);
    }
  });
});
