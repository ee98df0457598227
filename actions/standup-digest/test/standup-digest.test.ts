// standup-digest through the runner's contract, against the Jira, GitHub and Slack emulators at fixed clock times.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ActionRun,
  checkJiraRequest,
  checkJiraResponse,
  checkSlackRequest,
  checkSlackResponse,
  DEFAULT_GITHUB_TOKEN,
  DEFAULT_JIRA_API_TOKEN,
  DEFAULT_JIRA_EMAIL,
  DEFAULT_SLACK_TOKEN,
  describeWithContracts,
  GitHubEmulator,
  JiraEmulator,
  type JiraRecordedRequest,
  type RecordedRequest,
  runAction,
  SlackEmulator,
  unexplainedJiraProblems,
  unexplainedSlackProblems,
} from '@flowkit/testing';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import {
  CONFIG,
  deployments,
  FRONTEND_CHANNEL,
  githubWorld,
  jiraWorld,
  MONDAY_STANDUP,
  PLATFORM_CHANNEL,
  SHAS,
  slackWorld,
} from '../../../packages/digest/test/fixture.ts';

let jira: JiraEmulator;
let github: GitHubEmulator;
let slack: SlackEmulator;
let workspace: string;
const jiraLog: JiraRecordedRequest[] = [];
const slackLog: RecordedRequest[] = [];

beforeEach(async () => {
  [jira, github, slack] = await Promise.all([
    JiraEmulator.start(jiraWorld()),
    GitHubEmulator.start(githubWorld()),
    SlackEmulator.start(slackWorld()),
  ]);
  github.seedDeployments('acme', 'shop', deployments());
  workspace = await mkdtemp(join(tmpdir(), 'flowkit-digest-'));
  await mkdir(join(workspace, '.github'));
  await writeFile(join(workspace, '.github', 'flowkit.yml'), CONFIG);
});

afterEach(async () => {
  jiraLog.push(...jira.requests);
  slackLog.push(...slack.requests);
  await Promise.all([jira.stop(), github.stop(), slack.stop()]);
  await rm(workspace, { recursive: true, force: true });
});

function digest(inputs: Record<string, string>, config?: string): Promise<ActionRun> {
  return (async () => {
    if (config !== undefined) await writeFile(join(workspace, '.github', 'flowkit.yml'), config);
    return runAction({
      action: 'actions/standup-digest',
      githubToken: DEFAULT_GITHUB_TOKEN,
      workspace,
      eventName: 'schedule',
      github: { GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'acme/shop' },
      with: {
        'slack-token': DEFAULT_SLACK_TOKEN,
        'jira-url': jira.url,
        'jira-email': DEFAULT_JIRA_EMAIL,
        'jira-api-token': DEFAULT_JIRA_API_TOKEN,
        ...inputs,
      },
    });
  })();
}

/** The config with Slack pointed at the emulator. */
function config(): string {
  return CONFIG.replace('version: 1\n', `version: 1\nslack:\n  api-url: ${slack.apiUrl}\n`);
}

function allText(blocks: unknown): string {
  return JSON.stringify(blocks);
}

function expectClean(run: ActionRun): void {
  expect(run.errors).toEqual([]);
  expect(run.warnings).toEqual([]);
  expect(run.stderr).toBe('');
  expect(run.exitCode).toBe(0);
}

describe('the digest at stand-up time', () => {
  test('posts the team’s state once, in at most 10 requests; a rerun posts nothing', async () => {
    const run = await digest({ team: 'frontend', now: MONDAY_STANDUP }, config());
    expectClean(run);
    expect(run.outputs.posted).toBe('frontend');
    const calls = JSON.parse(run.outputs.requests ?? '{}').frontend;
    // Jira: one search (50 tickets < one page of 100); GitHub: one GraphQL query; Slack: history, one lookup per
    // person (4), the post.
    expect(calls).toEqual({ jira: 1, github: 1, slack: 6, total: 8 });
    expect(calls.total).toBeLessThanOrEqual(10);

    const [message, ...others] = slack.messages(FRONTEND_CHANNEL);
    expect(others).toEqual([]);
    const text = allText(message?.blocks);
    // In progress by person, with mentions resolved by email.
    expect(text).toContain('*In progress* (50)');
    expect(text).toContain('• <@U0TOMBERG1> (');
    expect(text).toContain('• _Unassigned_ (4)');
    expect(text).toContain('<https://');
    // Pull requests waiting more than 24 h without a review: 3, 5–10 (1 and 2 are reviewed, 4 is a draft).
    expect(text).toContain('*Waiting for review for more than 24 h* (7)');
    expect(text).toContain('(reviewers: priya, sarah)');
    expect(text).not.toContain('#4 ');
    // Approval: the per-PR staging environment (ready since 07:05 New York) and the qa deployment GitHub holds.
    expect(text).toContain('*Waiting for approval* (2)');
    expect(text).toContain(
      `<https://pr-12.staging.example.com|staging-pr-12> \`${SHAS.staging.slice(0, 7)}\` ready for review since 07:05 (2 h)`,
    );
    expect(text).toContain(
      `qa \`${SHAS.waiting.slice(0, 7)}\` waits for its required reviewers since 06:00 (3 h)`,
    );
    // Canary at 5 %, and only the rollback after Friday’s digest.
    expect(text).toContain(`\`${SHAS.canary.slice(0, 7)}\` at 5% (step 2 of 5) since 08:10`);
    expect(text).toContain('*Rollbacks since the last digest* (1)');
    expect(text).toContain(
      `\`${SHAS.rolledBackFriday.slice(0, 7)}\` at 2026-11-27 13:25: Rolled back from 1%: error rate 4.1% vs 0.2% on stable`,
    );
    expect(text).not.toContain(SHAS.rolledBackEarlier.slice(0, 7));
    // Week 5 of the rotation (from 2026-11-02): tom, priya, sarah, tom, priya.
    expect(text).toContain('*On call*: <@U0PRIYANA1>');

    const again = await digest({ team: 'frontend', now: '2026-11-30T14:50:00Z' });
    expectClean(again);
    expect(again.outputs.posted).toBe('');
    expect(again.outputs.skipped).toBe('frontend');
    expect(again.summary).toContain("Today's digest (2026-11-30) is already posted.");
    expect(slack.messages(FRONTEND_CHANNEL)).toHaveLength(1);
    expect(JSON.parse(again.outputs.requests ?? '{}').frontend).toEqual({
      jira: 0,
      github: 0,
      slack: 1,
      total: 1,
    });
  });

  test('hostile ticket and pull request text stays inert', async () => {
    const run = await digest({ team: 'frontend', now: MONDAY_STANDUP }, config());
    expectClean(run);
    const [message] = slack.messages(FRONTEND_CHANNEL);
    const text = allText(message?.blocks) + (message?.text ?? '');
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<!here>');
    expect(text).not.toContain('<https://evil.example/');
    expect(text).toContain(
      '&lt;!channel&gt; urgent &lt;https://evil.example/|click here&gt; &amp; &lt;@U0TOMBERG1&gt;',
    );
    expect(text).toContain('Fix &lt;b&gt;rendering&lt;/b&gt; &amp; &lt;!here&gt;');
  });

  test('each team at its own time: Tokyo posts at 10:00 JST, New York is skipped then', async () => {
    const run = await digest({ now: '2026-11-30T01:05:00Z' }, config());
    expectClean(run);
    expect(run.outputs.posted).toBe('platform');
    expect(run.outputs.skipped).toBe('frontend');
    expect(run.summary).toContain('It is Sunday (2026-11-29 20:05 America/New_York): no stand-up.');
    expect(slack.messages(PLATFORM_CHANNEL)).toHaveLength(1);
    expect(slack.messages(FRONTEND_CHANNEL)).toHaveLength(0);
  });

  test('weekends and holidays post nothing and send no request', async () => {
    for (const now of ['2026-11-28T14:35:00Z', '2026-11-26T14:35:00Z']) {
      const run = await digest({ team: 'frontend', now }, config());
      expectClean(run);
      expect(run.outputs.posted).toBe('');
    }
    expect(slack.requests).toEqual([]);
    expect(jira.requests).toEqual([]);
    expect(github.requests).toEqual([]);
  });
});

describe('dry runs and failures', () => {
  test('a dry run renders the digest and posts nothing', async () => {
    const run = await digest({ team: 'frontend', now: MONDAY_STANDUP, 'dry-run': 'true' }, config());
    expectClean(run);
    expect(run.outputs.posted).toBe('');
    const messages = JSON.parse(run.outputs.messages ?? '{}');
    expect(messages.frontend.text).toBe(
      'Stand-up digest for frontend, 2026-11-30: 50 in progress, 7 pull request(s) waiting for review, 2 waiting for approval, 1 canary, 1 rollback(s).',
    );
    expect(slack.messages(FRONTEND_CHANNEL)).toEqual([]);
    expect(slack.requests.map((r) => r.method)).not.toContain('chat.postMessage');
  });

  test('a team whose channel refuses the bot fails with Slack’s reason; the other team still posts', async () => {
    const run = await digest(
      { now: MONDAY_STANDUP, force: 'true' },
      config().replace(`slack-channel: ${FRONTEND_CHANNEL}`, 'slack-channel: C0NOTJOINED'),
    );
    expect(run.exitCode).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(/^frontend: the digest failed: .*channel_not_found/);
    expect(run.outputs.posted).toBe('platform');
    expect(slack.messages(PLATFORM_CHANNEL)).toHaveLength(1);
  });
});

describe('bad input', () => {
  test('a bad moment is one error line naming the input, before any request', async () => {
    const run = await digest({ team: 'frontend', now: 'monday morning' }, config());
    expect(run.exitCode).toBe(1);
    expect(run.errors).toEqual([
      "Input 'now' is not an ISO 8601 instant: 'monday morning'. Give a moment like 2026-11-30T08:30:00Z, or leave it empty (it exists for tests and backfills).",
    ]);
    expect(slack.requests).toEqual([]);
  });

  test('a bad stand-up time in the config names the file, line and path', async () => {
    const run = await digest(
      { team: 'frontend', now: MONDAY_STANDUP },
      config().replace('time: "09:30"', 'time: "9:30am"'),
    );
    expect(run.exitCode).toBe(1);
    expect(run.errors).toEqual([
      '.github/flowkit.yml:12: teams.frontend.standup.time: expected a 24-hour time like 09:30, got "9:30am"',
    ]);
  });

  test('a team without a stand-up is named with the fix', async () => {
    const run = await digest({ team: 'mobile', now: MONDAY_STANDUP }, config());
    expect(run.exitCode).toBe(1);
    expect(run.errors).toEqual([
      "Input 'team' names team 'mobile', which is not under teams: in the config. Use one of the teams with a stand-up (frontend, platform) or add it to .github/flowkit.yml.",
    ]);
  });
});

describeWithContracts("Atlassian's and Slack's API descriptions", () => {
  test('every request the digest sent, and every answer, fit them', () => {
    expect(jiraLog.length).toBeGreaterThan(0);
    expect(slackLog.map((r) => r.method)).toEqual(
      expect.arrayContaining(['conversations.history', 'users.lookupByEmail', 'chat.postMessage']),
    );
    const problems = [
      ...jiraLog.flatMap((r) => unexplainedJiraProblems([...checkJiraRequest(r), ...checkJiraResponse(r)])),
      ...slackLog.flatMap((r) =>
        unexplainedSlackProblems([...checkSlackRequest(r), ...checkSlackResponse(r)]),
      ),
    ];
    expect(problems).toEqual([]);
  });
});
