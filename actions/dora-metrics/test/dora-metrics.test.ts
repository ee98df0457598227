// dora-metrics through the runner's contract: a seeded week of production in the GitHub emulator, the digest in
// the Slack emulator (a rerun updates it), the tickets' lead time from the Jira emulator, and bad input.
import {
  DEFAULT_JIRA_ACCOUNT_ID,
  DEFAULT_JIRA_API_TOKEN,
  DEFAULT_JIRA_EMAIL,
  DEFAULT_JIRA_WORKFLOW,
  DEFAULT_SLACK_TOKEN,
  type GitHubEmulator,
  JiraEmulator,
  runAction,
  SlackEmulator,
} from '@flowkit/testing';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import {
  at,
  COMMITS,
  NAME,
  OWNER,
  startSeededGitHub,
  T0,
} from '../../../packages/dora/test/github-fixture.ts';

const CHANNEL = 'C0DORA0001';
const UNTIL = new Date(T0 + 7 * 24 * 3_600_000).toISOString();
let github: GitHubEmulator;
let slack: SlackEmulator;

beforeAll(async () => {
  github = await startSeededGitHub();
  slack = await SlackEmulator.start({
    channels: [{ id: CHANNEL, name: 'team-dora', members: ['UBOT'] }],
    tokens: { [DEFAULT_SLACK_TOKEN]: { scopes: ['chat:write', 'channels:read', 'channels:history'] } },
  });
});
afterAll(async () => {
  await Promise.all([github.stop(), slack.stop()]);
});

const dora = (inputs: Record<string, string>) =>
  runAction({
    action: 'actions/dora-metrics',
    github: { GITHUB_API_URL: github.url },
    with: {
      'github-token': 'ghs_FlowkitEmulatorDefaultToken0000000000',
      window: '7d',
      until: UNTIL,
      ...inputs,
    },
  });

describe('dora-metrics', () => {
  test('outputs the four keys with bands, the summary with trend charts, and one Slack digest per window', async () => {
    const first = await dora({
      'slack-token': DEFAULT_SLACK_TOKEN,
      'slack-channel': CHANNEL,
      'slack-api-url': slack.apiUrl,
    });
    expect(first.errors).toEqual([]);
    expect(first.exitCode).toBe(0);
    expect(first.outputs.deployments).toBe('2');
    expect(first.outputs['change-failure-rate']).toBe('0.75');
    expect(first.outputs['band-change-failure-rate']).toBe('low');
    expect(first.outputs['lead-time-median-seconds']).not.toBe('');
    expect(JSON.parse(first.outputs.json ?? '{}').service).toBe('shop');
    expect(first.summary).toContain('xychart-beta');
    expect(slack.messages(CHANNEL)).toHaveLength(1);
    expect(slack.messages(CHANNEL)[0]?.text).toContain('DORA for shop (production)');

    const again = await dora({
      'slack-token': DEFAULT_SLACK_TOKEN,
      'slack-channel': CHANNEL,
      'slack-api-url': slack.apiUrl,
    });
    expect(again.exitCode).toBe(0);
    expect(slack.messages(CHANNEL)).toHaveLength(1);
  });

  test('bad input: one error naming the input, nothing read', async () => {
    const before = github.requests.length;
    const run = await dora({ window: 'a month' });
    expect(run.exitCode).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain("Input 'window'");
    expect(github.requests.length).toBe(before);
  });
});

describe('dora-metrics with Jira', () => {
  // The fixture's commits, with issue keys in their messages: d2 (m2, m3) is the first successful deployment in
  // the window, d3 (m4, rolled back) and d4 (m5, failed) release nothing, d5 brings m4, m5, m6.
  const messages: Record<keyof typeof COMMITS, string> = {
    m1: 'JIRA-5 before the window',
    m2: 'JIRA-1 cart total',
    m3: 'JIRA-2 checkout button',
    m4: 'JIRA-1: follow-up fix',
    m5: 'JIRA-3 search\n\nMentions DASH-9 and UTF-8',
    m6: 'JIRA-77 is not in Jira',
  };
  let keyed: GitHubEmulator;
  let jira: JiraEmulator;

  beforeAll(async () => {
    keyed = await startSeededGitHub({
      repos: [
        {
          owner: OWNER,
          name: NAME,
          branches: {
            main: Object.entries(COMMITS).map(([name, commit]) => ({
              sha: commit.sha,
              message: messages[name as keyof typeof COMMITS],
              date: new Date(commit.at).toISOString(),
            })),
          },
        },
      ],
    });
    jira = await JiraEmulator.start({
      // Every ticket is created a day before the window.
      now: () => at(-24),
      users: [
        { accountId: DEFAULT_JIRA_ACCOUNT_ID, displayName: 'Flowkit', emailAddress: DEFAULT_JIRA_EMAIL },
      ],
      projects: [{ key: 'JIRA', workflow: DEFAULT_JIRA_WORKFLOW }],
      issues: ['JIRA-1', 'JIRA-2', 'JIRA-3', 'JIRA-5'].map((key) => ({ key, summary: key, status: 'Done' })),
    });
  });
  afterAll(async () => {
    await Promise.all([keyed?.stop(), jira?.stop()]);
  });

  const withJira = (inputs: Record<string, string>) =>
    runAction({
      action: 'actions/dora-metrics',
      github: { GITHUB_API_URL: keyed.url },
      with: {
        'github-token': 'ghs_FlowkitEmulatorDefaultToken0000000000',
        window: '7d',
        until: UNTIL,
        'jira-url': jira.url,
        'jira-email': DEFAULT_JIRA_EMAIL,
        'jira-api-token': DEFAULT_JIRA_API_TOKEN,
        projects: 'JIRA',
        ...inputs,
      },
    });

  test('the summary shows the ticket lead time: created → the first successful deployment carrying the key', async () => {
    const run = await withJira({});
    expect(run.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
    const result = JSON.parse(run.outputs.json ?? '{}');
    // JIRA-1, JIRA-2 released by d2 (at 4h10m): 28h10m; JIRA-3 by d5 (at 52h20m): 76h20m. JIRA-77 is unknown.
    expect(result.ticketLeadTime).toMatchObject({
      samples: 3,
      median: 28 * 3_600_000 + 10 * 60_000,
      p90: 76 * 3_600_000 + 20 * 60_000,
    });
    expect(run.summary).toMatch(/Ticket lead time[^\n]*median 1d 04h, p90 3d 04h \(3 tickets/);
    expect(run.log).toContain('with 2 Jira requests');
    expect(run.warnings.join('\n')).toContain('1 issue keys in the commits are not in Jira');
    // One search for the keys; the unknown key is taken out and the search repeated; the token is masked.
    const searches = jira.requests.filter((request) => request.path === '/rest/api/3/search/jql');
    expect(searches).toHaveLength(2);
    expect((searches[0]?.body as { jql?: string } | undefined)?.jql).toBe(
      'key in ("JIRA-1", "JIRA-2", "JIRA-3", "JIRA-77")',
    );
    expect(run.masks).toContain(DEFAULT_JIRA_API_TOKEN);
    expect(run.log).not.toContain(DEFAULT_JIRA_API_TOKEN);
  });

  test('a Jira credential without its pair: one error naming the missing input, nothing read', async () => {
    const before = keyed.requests.length + jira.requests.length;
    const run = await withJira({ 'jira-api-token': '' });
    expect(run.exitCode).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain("Input 'jira-api-token'");
    expect(keyed.requests.length + jira.requests.length).toBe(before);
  });
});
