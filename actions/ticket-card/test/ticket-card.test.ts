// ticket-card through the runner's contract: one card per ticket across separate runs, against the Jira, Slack and
// GitHub emulators — the whole lifecycle, reruns, two concurrent writers, handoff mentions, hostile ticket text.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planDescription, rolledBackDescription, stepDescription } from '@flowkit/canary/rollout/record';
import { GitHubClient } from '@flowkit/github';
import {
  type ActionRun,
  type ActionStep,
  DEFAULT_GITHUB_TOKEN,
  DEFAULT_JIRA_ACCOUNT_ID,
  DEFAULT_JIRA_API_TOKEN,
  DEFAULT_JIRA_EMAIL,
  DEFAULT_JIRA_WORKFLOW,
  DEFAULT_SLACK_TOKEN,
  GitHubEmulator,
  JiraEmulator,
  runAction,
  SlackEmulator,
  type StoredMessage,
} from '@flowkit/testing';
import { afterAll, afterEach, beforeEach, describe, expect, test } from '@jest/globals';

const HOSTILE = 'Top 5 deployments <!channel> *bold* <https://evil.example|click> & more';
const KEY = 'JIRA-1234';
const SARAH = '5b10sarah0000000000000001';
const CONFIG = `
jira:
  url: https://acme.atlassian.net
  approvals:
    groups:
      qa: [quinn@example.com]
      product: [pat@example.com]
people:
  omar: { email: omar@example.com }
teams:
  frontend:
    slack-channel: C0FRONTEND
    rotation: { cadence: daily, start: 2026-01-01, time-zone: UTC, members: [omar] }
routing:
  - match: { project: JIRA }
    team: frontend
`;
const USERS = {
  sarah: 'U0SARAH001',
  quinn: 'U0QUINN001',
  pat: 'U0PAT00001',
  omar: 'U0OMAR0001',
};
const PLAN = {
  steps: [1, 5, 10, 50, 100],
  durationSeconds: 3600,
  minStepSeconds: 180,
  earlyAdvance: true,
  watchSeconds: 900,
  intervalSeconds: 30,
};

let jira: JiraEmulator;
let slack: SlackEmulator;
let github: GitHubEmulator;
let client: GitHubClient;
let workspace: string;
const temps: string[] = [];

beforeEach(async () => {
  jira = await JiraEmulator.start({
    users: [
      { accountId: DEFAULT_JIRA_ACCOUNT_ID, displayName: 'Flowkit', emailAddress: DEFAULT_JIRA_EMAIL },
      { accountId: SARAH, displayName: 'Sarah Lee', emailAddress: 'sarah@example.com' },
      { accountId: '5b10quinn000000000000001', displayName: 'Quinn QA', emailAddress: 'quinn@example.com' },
      { accountId: '5b10pat00000000000000001', displayName: 'Pat PM', emailAddress: 'pat@example.com' },
    ],
    credentials: [
      { accountId: DEFAULT_JIRA_ACCOUNT_ID, email: DEFAULT_JIRA_EMAIL, apiToken: DEFAULT_JIRA_API_TOKEN },
      { accountId: '5b10quinn000000000000001', email: 'quinn@example.com', apiToken: 'quinn-token' },
      { accountId: '5b10pat00000000000000001', email: 'pat@example.com', apiToken: 'pat-token' },
    ],
    projects: [{ key: 'JIRA', workflow: DEFAULT_JIRA_WORKFLOW }],
    issues: [{ key: KEY, summary: HOSTILE, issueType: 'Story', assignee: SARAH }],
  });
  slack = await SlackEmulator.start({
    channels: [{ id: 'C0FRONTEND', name: 'devops-team-frontend', members: ['UBOT'] }],
    users: Object.entries(USERS).map(([name, id]) => ({ id, name, email: `${name}@example.com` })),
    rateLimits: { 'chat.update': { limit: 1000, windowMs: 60_000 } },
  });
  github = await GitHubEmulator.start({ repos: [{ owner: 'acme', name: 'dashboard' }] });
  client = new GitHubClient({
    token: DEFAULT_GITHUB_TOKEN,
    apiUrl: github.url,
    policy: () => ({ retries: 0, budgetMs: 10_000 }),
  });
  workspace = await mkdtemp(join(tmpdir(), 'flowkit-card-'));
  temps.push(workspace);
  await mkdir(join(workspace, '.github'));
  await writeFile(join(workspace, '.github', 'flowkit.yml'), CONFIG);
});

afterEach(async () => {
  await Promise.all([jira.stop(), slack.stop(), github.stop()]);
});

afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

const PULL = {
  eventName: 'pull_request',
  event: {
    action: 'synchronize',
    pull_request: { number: 7, html_url: 'https://github.com/acme/dashboard/pull/7', title: `${KEY} top 5` },
  },
};

function connection(): ActionStep['with'] {
  return {
    'jira-url': jira.url,
    'jira-email': DEFAULT_JIRA_EMAIL,
    'jira-api-token': DEFAULT_JIRA_API_TOKEN,
    'slack-token': DEFAULT_SLACK_TOKEN,
    'slack-api-url': slack.apiUrl,
  };
}

function card(inputs: ActionStep['with'] = {}, step: Partial<ActionStep> = PULL): Promise<ActionRun> {
  return runAction({
    action: 'actions/ticket-card',
    workspace,
    githubToken: DEFAULT_GITHUB_TOKEN,
    github: {
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: 'acme/dashboard',
      GITHUB_SHA: 'a'.repeat(40),
      GITHUB_HEAD_REF: `${KEY}-top-deployments`,
    },
    ...step,
    with: { ...connection(), ...inputs },
  });
}

function intake(): Promise<ActionRun> {
  return runAction({
    action: 'actions/jira-triage',
    workspace,
    eventName: 'repository_dispatch',
    event: { action: 'jira-ticket-created', client_payload: { issue: { key: KEY } } },
    with: connection(),
  });
}

function expectClean(run: ActionRun): void {
  expect(run.errors).toEqual([]);
  expect(run.stderr).toBe('');
  expect(run.exitCode).toBe(0);
}

function topLevel(): StoredMessage[] {
  return slack
    .messages('C0FRONTEND')
    .filter((message) => message.threadTs === undefined || message.threadTs === message.ts);
}

function thread(): StoredMessage[] {
  return slack
    .messages('C0FRONTEND')
    .filter((message) => message.threadTs !== undefined && message.threadTs !== message.ts);
}

/** Every text object of a message's blocks, joined. */
function shown(message: StoredMessage | undefined): string {
  return JSON.stringify(message?.blocks ?? []);
}

async function staging(): Promise<number> {
  const sha = github.sha('acme', 'dashboard', 'main');
  const deployment = await client.createDeployment(
    { owner: 'acme', repo: 'dashboard' },
    { ref: sha, environment: 'staging', required_contexts: [], auto_merge: false },
  );
  await client.createDeploymentStatus({ owner: 'acme', repo: 'dashboard' }, Number(deployment.id), {
    state: 'success',
    environment_url: 'https://staging.dashboard.example.com/',
    log_url: 'https://github.com/acme/dashboard/actions/runs/1',
  });
  return Number(deployment.id);
}

async function production(): Promise<number> {
  const sha = github.sha('acme', 'dashboard', 'main');
  const repo = { owner: 'acme', repo: 'dashboard' };
  const deployment = await client.createDeployment(repo, {
    ref: sha,
    environment: 'production',
    required_contexts: [],
    auto_merge: false,
  });
  const started = Date.parse('2026-11-28T02:10:00Z');
  await client.createDeploymentStatus(repo, Number(deployment.id), {
    state: 'in_progress',
    description: planDescription(PLAN, started),
  });
  await client.createDeploymentStatus(repo, Number(deployment.id), {
    state: 'in_progress',
    description: stepDescription({ index: 1, weight: 5, since: started + 180_000 }, 5),
    log_url: 'https://github.com/acme/dashboard/actions/runs/2',
  });
  return Number(deployment.id);
}

/** A reviewer's comment, sent with the reviewer's own credential as Jira's UI would. */
async function comment(text: string, email: string): Promise<void> {
  const response = await fetch(`${jira.url}/rest/api/2/issue/${KEY}/comment`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${email}:${email.split('@')[0]}-token`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ body: text }),
  });
  expect(response.status).toBe(201);
}

describe('the card of one ticket, across the flow', () => {
  test('one message, updated at every stage, thread entries and handoffs once, a Jira link back', async () => {
    expectClean(await intake());
    expect(topLevel()).toHaveLength(1);
    const cardTs = topLevel()[0]?.ts;

    // In progress: the pull request.
    let run = await card();
    expectClean(run);
    expect(run.outputs.stage).toBe('in-progress');
    expect(run.outputs.ts).toBe(cardTs);
    expect(run.outputs.entries).toBe('in-progress:pr-7');

    // CI: two jobs report at the same moment from two runs; neither result is lost.
    const [test1, lint] = await Promise.all([
      card({ 'ci-jobs': JSON.stringify({ test: { result: 'success' } }) }),
      card({ 'ci-jobs': JSON.stringify({ lint: 'success' }) }),
    ]);
    expectClean(test1);
    expectClean(lint);
    expect(shown(topLevel()[0])).toContain(':white_check_mark: lint');
    expect(shown(topLevel()[0])).toContain(':white_check_mark: test');
    expect(
      thread().filter((entry) => entry.metadata?.event_payload.key === `${KEY}/ci:${'a'.repeat(40)}:passed`),
    ).toHaveLength(1);

    // Staging ready: QA and the product manager are asked, by mention.
    const stagingId = await staging();
    run = await card({ 'staging-deployment-id': stagingId });
    expectClean(run);
    expect(run.outputs.stage).toBe('awaiting-approval');
    const ask = thread().at(-1);
    expect(ask?.text).toContain(`<@${USERS.quinn}>`);
    expect(ask?.text).toContain(`<@${USERS.pat}>`);
    expect(ask?.text).toContain('approve or request changes');
    expect(shown(topLevel()[0])).toContain('qa: _waiting_');

    // A rerun of the same stage: no new entry, same card.
    const before = thread().length;
    run = await card({ 'staging-deployment-id': stagingId });
    expectClean(run);
    expect(run.outputs.entries).toBe('');
    expect(thread()).toHaveLength(before);

    // Changes requested (Jira Automation's dispatch): back to In Progress, the engineer is mentioned.
    expect(jira.issue(KEY).status).toBe('To Do');
    run = await card(
      {},
      {
        eventName: 'repository_dispatch',
        event: {
          action: 'flowkit-changes-requested',
          client_payload: { issue: { key: KEY }, user: 'Quinn <!here>' },
        },
      },
    );
    expectClean(run);
    expect(run.outputs.stage).toBe('changes-requested');
    expect(jira.issue(KEY).status).toBe('In Progress');
    const back = thread().at(-1);
    expect(back?.text).toContain(`<@${USERS.sarah}>`);
    expect(back?.text).toContain('Quinn &lt;!here&gt;');
    expect(back?.text).not.toContain('<!here>');

    // A new push, a new staging deployment, both approve.
    run = await card(
      { 'ci-jobs': JSON.stringify({ test: 'success', lint: 'success' }) },
      {
        ...PULL,
        github: {
          GITHUB_API_URL: github.url,
          GITHUB_REPOSITORY: 'acme/dashboard',
          GITHUB_SHA: 'b'.repeat(40),
          GITHUB_HEAD_REF: `${KEY}-top-deployments`,
        },
      },
    );
    expectClean(run);
    expect(run.outputs.stage).toBe('ci');
    const secondStaging = await staging();
    await comment('Approved, looks good', 'quinn@example.com');
    await comment('approved', 'pat@example.com');
    run = await card({ 'staging-deployment-id': secondStaging });
    expectClean(run);
    expect(run.outputs.stage).toBe('approved');

    // Canary: the current step and live numbers; then it rolls back and the on-call engineer is told why.
    const productionId = await production();
    run = await card({
      'deployment-id': productionId,
      'canary-numbers': 'errors 0.4% vs 0.3% stable; p95 210 ms',
    });
    expectClean(run);
    expect(run.outputs.stage).toBe('canary');
    expect(shown(topLevel()[0])).toContain('5% (step 2 of 5)');
    expect(shown(topLevel()[0])).toContain('errors 0.4% vs 0.3% stable; p95 210 ms');
    await client.createDeploymentStatus({ owner: 'acme', repo: 'dashboard' }, productionId, {
      state: 'failure',
      description: rolledBackDescription(5, 'error rate 2.1% vs 0.3% (p < 0.01)'),
    });
    run = await card({ 'deployment-id': productionId });
    expectClean(run);
    expect(run.outputs.stage).toBe('rolled-back');
    const rollback = thread().at(-1);
    expect(rollback?.text).toContain(`<@${USERS.omar}>`);
    expect(rollback?.text).toContain('Rolled back from 5%: error rate 2.1% vs 0.3% (p &lt; 0.01)');

    // A rerun of the last stage changes nothing.
    const entries = thread().length;
    expectClean(await card({ 'deployment-id': productionId }));
    expect(thread()).toHaveLength(entries);

    // One message at the end; its content is the final state, hostile text inert.
    expect(topLevel()).toHaveLength(1);
    const final = topLevel()[0];
    expect(final?.ts).toBe(cardTs);
    expect(final?.edited).toBe(true);
    const blocks = shown(final);
    expect(blocks).toContain('Rolled back');
    expect(blocks).not.toContain('<!channel>');
    expect(blocks).not.toContain('<https://evil.example|click>');
    expect(blocks).toContain('&lt;!channel&gt;');
    expect(final?.text).toContain('&lt;!channel&gt; *bold* &lt;https://evil.example|click&gt; &amp; more');
    // Every thread entry once.
    const keys = thread().map((entry) => entry.metadata?.event_payload.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual([
      `${KEY}/in-progress:pr-7`,
      `${KEY}/ci:${'a'.repeat(40)}:passed`,
      `${KEY}/staging:${stagingId}`,
      expect.stringMatching(new RegExp(`^${KEY}/changes-requested:`)),
      `${KEY}/ci:${'b'.repeat(40)}:passed`,
      `${KEY}/approved:${secondStaging}`,
      `${KEY}/canary:${productionId}`,
      `${KEY}/rolled-back:${productionId}`,
    ]);
    // The ticket links to the card, once.
    const links = jira.issue(KEY).remoteLinks;
    expect(links).toHaveLength(1);
    expect(links[0]?.object.url).toBe(run.outputs.permalink);
  }, 120_000);
});

describe('concurrent writers', () => {
  test('two runs of different stages at once: one card, both facts, the newest stage, the link once', async () => {
    expectClean(await intake());
    const stagingId = await staging();
    const runs = await Promise.all([
      card({ 'ci-jobs': JSON.stringify({ test: 'success' }) }),
      card({ 'staging-deployment-id': stagingId }),
    ]);
    for (const run of runs) expectClean(run);
    expect(topLevel()).toHaveLength(1);
    const blocks = shown(topLevel()[0]);
    expect(blocks).toContain(':white_check_mark: test');
    expect(blocks).toContain('https://staging.dashboard.example.com/');
    expect(blocks).toContain('On staging, awaiting approval');
    const keys = thread().map((entry) => entry.metadata?.event_payload.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain(`${KEY}/staging:${stagingId}`);
    expect(jira.issue(KEY).remoteLinks).toHaveLength(1);
  }, 60_000);

  test('a release names several tickets: each gets its own card', async () => {
    jira.addIssue({ key: 'JIRA-1235', summary: 'Second ticket', issueType: 'Story' });
    expectClean(await intake());
    expectClean(
      await runAction({
        action: 'actions/jira-triage',
        workspace,
        eventName: 'repository_dispatch',
        event: { action: 'jira-ticket-created', client_payload: { issue: { key: 'JIRA-1235' } } },
        with: connection(),
      }),
    );
    const productionId = await production();
    const run = await card({ 'issue-key': 'JIRA-1234, JIRA-1235', 'deployment-id': productionId });
    expectClean(run);
    expect(run.outputs.keys).toBe('JIRA-1234,JIRA-1235');
    expect(topLevel()).toHaveLength(2);
    for (const message of topLevel()) expect(shown(message)).toContain('5% (step 2 of 5)');
  }, 60_000);
});

describe('bad input', () => {
  test('a ci-jobs value that is not JSON fails before anything is sent', async () => {
    const run = await card({ 'ci-jobs': 'test=ok' });
    expect(run.exitCode).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain('ci-jobs');
    expect(slack.requests).toHaveLength(0);
    expect(jira.requests).toHaveLength(0);
  });
});
