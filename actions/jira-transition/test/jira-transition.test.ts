// jira-transition through the runner's contract, against the Jira and GitHub emulators.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ActionRun,
  type ActionStep,
  checkGitHubRequest,
  checkGitHubResponse,
  checkJiraRequest,
  checkJiraResponse,
  DEFAULT_GITHUB_TOKEN,
  DEFAULT_JIRA_ACCOUNT_ID,
  DEFAULT_JIRA_API_TOKEN,
  DEFAULT_JIRA_EMAIL,
  DEFAULT_JIRA_PAT,
  DEFAULT_JIRA_WORKFLOW,
  describeWithContracts,
  GitHubEmulator,
  type GitHubRecordedRequest,
  type JiraCredential,
  JiraEmulator,
  type JiraEmulatorOptions,
  type JiraRecordedRequest,
  runAction,
  unexplainedGitHubProblems,
  unexplainedJiraProblems,
} from '@flowkit/testing';
import { afterAll, afterEach, beforeEach, describe, expect, test } from '@jest/globals';

const ADMIN_EMAIL = 'admin@example.com';
const ADMIN_TOKEN = 'admin-api-token';

function jiraOptions(overrides: Partial<JiraEmulatorOptions> = {}): JiraEmulatorOptions {
  return {
    users: [
      { accountId: DEFAULT_JIRA_ACCOUNT_ID, displayName: 'Flowkit', emailAddress: DEFAULT_JIRA_EMAIL },
      { accountId: '5b10admin0000000000000001', displayName: 'Admin', emailAddress: ADMIN_EMAIL },
      { accountId: '5b10sarah0000000000000001', displayName: 'Sarah Lee', emailAddress: 'sarah@example.com' },
    ],
    credentials: [
      { accountId: DEFAULT_JIRA_ACCOUNT_ID, email: DEFAULT_JIRA_EMAIL, apiToken: DEFAULT_JIRA_API_TOKEN },
      {
        accountId: '5b10admin0000000000000001',
        email: ADMIN_EMAIL,
        apiToken: ADMIN_TOKEN,
        permissions: [
          'BROWSE_PROJECTS',
          'TRANSITION_ISSUES',
          'ADD_COMMENTS',
          'ASSIGN_ISSUES',
          'EDIT_ISSUES',
          'USER_PICKER',
          'ADMINISTER',
        ],
      },
    ],
    projects: [
      { key: 'JIRA', workflow: DEFAULT_JIRA_WORKFLOW, versions: ['1.4.0'] },
      { key: 'DASH', workflow: DEFAULT_JIRA_WORKFLOW },
    ],
    issues: [
      { key: 'JIRA-1234', summary: '[FEAT] Top 5 active deployments widget', status: 'To Do' },
      { key: 'JIRA-1235', summary: 'Cache invalidation for the metrics API', status: 'In Progress' },
      { key: 'DASH-7', summary: 'Dashboard layout', status: 'In Review' },
    ],
    ...overrides,
  };
}

let jira: JiraEmulator;
let github: GitHubEmulator;
const jiraLog: JiraRecordedRequest[] = [];
const githubLog: GitHubRecordedRequest[] = [];
const temps: string[] = [];

async function startJira(options: JiraEmulatorOptions = jiraOptions()): Promise<void> {
  if (jira) {
    jiraLog.push(...jira.requests);
    await jira.stop();
  }
  jira = await JiraEmulator.start(options);
}

beforeEach(async () => {
  await startJira();
  github = await GitHubEmulator.start({
    repos: [
      {
        owner: 'acme',
        name: 'shop',
        branches: {
          main: [{ message: 'Initial commit' }, { message: 'JIRA-1 released long ago' }],
          'JIRA-1234-top-deployments': [
            { message: 'JIRA-1234: widget skeleton', parents: ['JIRA-1 released long ago'] },
            { message: 'Read files as UTF-8; refs DASH-7' },
          ],
        },
        pulls: [
          {
            number: 12,
            title: '[JIRA-1234] Top 5 active deployments',
            head: 'JIRA-1234-top-deployments',
            base: 'main',
          },
        ],
      },
    ],
  });
});

afterEach(async () => {
  jiraLog.push(...jira.requests);
  githubLog.push(...github.requests);
  await Promise.all([jira.stop(), github.stop()]);
});

afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function workspaceWith(config: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'flowkit-jira-'));
  temps.push(dir);
  await mkdir(join(dir, '.github'));
  await writeFile(join(dir, '.github', 'flowkit.yml'), config);
  return dir;
}

/** A jira-transition step against the emulators; `with` adds or overrides inputs. */
function transition(inputs: ActionStep['with'], step: Partial<ActionStep> = {}): Promise<ActionRun> {
  return runAction({
    action: 'actions/jira-transition',
    githubToken: DEFAULT_GITHUB_TOKEN,
    ...step,
    github: { GITHUB_API_URL: github.url, ...step.github },
    with: {
      'jira-url': jira.url,
      'jira-email': DEFAULT_JIRA_EMAIL,
      'jira-api-token': DEFAULT_JIRA_API_TOKEN,
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

/** Jira requests per operation, e.g. { 'GET /rest/api/3/issue/{issueIdOrKey}': 2 }. */
function callsByOperation(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const request of jira.requests) counts[request.operation] = (counts[request.operation] ?? 0) + 1;
  return counts;
}

const PUSH = {
  eventName: 'push',
  github: {
    GITHUB_REF_NAME: 'JIRA-1234-top-deployments',
    GITHUB_REF: 'refs/heads/JIRA-1234-top-deployments',
  },
  event: { commits: [{ message: 'JIRA-1234: widget skeleton' }, { message: 'Also fixes JIRA-1235' }] },
};

describe('finding keys and moving them', () => {
  test('a push moves the branch’s and the commits’ keys: one search reads them all, two calls per hop', async () => {
    const run = await transition({ status: 'in-progress' }, PUSH);
    expectClean(run);
    expect(run.outputs).toEqual({
      keys: 'JIRA-1234,JIRA-1235',
      'primary-key': 'JIRA-1234',
      transitioned: 'JIRA-1234',
      unchanged: 'JIRA-1235',
      failed: '',
    });
    expect(jira.issue('JIRA-1234').status).toBe('In Progress');
    expect(run.stdout).toContain('JIRA-1234: To Do → In Progress (a direct transition)');
    expect(run.stdout).toContain('JIRA-1235: already in In Progress; left alone');
    expect(run.summary).toContain(
      '| JIRA-1234 | :white_check_mark: transitioned | To Do | To Do → In Progress (a direct transition) |',
    );
    // One search for every key, then 2 × hops per key that moves.
    expect(callsByOperation()).toEqual({
      'POST /rest/api/3/search/jql': 1,
      'GET /rest/api/3/issue/{issueIdOrKey}/transitions': 1,
      'POST /rest/api/3/issue/{issueIdOrKey}/transitions': 1,
    });
    expect(run.masks).toEqual([DEFAULT_JIRA_API_TOKEN, DEFAULT_GITHUB_TOKEN]);
    expect(run.log).not.toContain(DEFAULT_JIRA_API_TOKEN);
  });

  test('a rerun changes nothing and costs one search', async () => {
    await transition({ status: 'In Progress' }, PUSH);
    const before = jira.requests.length;
    const again = await transition({ status: 'In Progress' }, PUSH);
    expectClean(again);
    expect(again.outputs).toMatchObject({ transitioned: '', unchanged: 'JIRA-1234,JIRA-1235' });
    expect(jira.requests.length - before).toBe(1);
  });

  test('a pull request reads its title, body and commits through the API; projects keep UTF-8 out', async () => {
    const workspace = await workspaceWith('jira:\n  projects: [JIRA, DASH]\n');
    const run = await transition(
      { status: 'In Review' },
      {
        workspace,
        eventName: 'pull_request',
        github: { GITHUB_HEAD_REF: 'JIRA-1234-top-deployments', GITHUB_REF: 'refs/pull/12/merge' },
        event: {
          pull_request: {
            number: 12,
            title: '[JIRA-1234] Top 5 active deployments',
            body: 'Refs ISO-8601',
            html_url: 'https://github.com/acme/shop/pull/12',
            head: { ref: 'JIRA-1234-top-deployments' },
          },
        },
      },
    );
    expect(run.outputs.keys).toBe('JIRA-1234,DASH-7');
    expect(github.requests.map((r) => r.operation)).toEqual([
      'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits',
    ]);
    expect(run.outputs.unchanged).toBe('DASH-7');
    expect(run.outputs.failed).toBe('JIRA-1234');
    expect(run.warnings[0]).toMatch(/^JIRA-1234: no transition leads from To Do to In Review/);
  });

  test('no keys: a notice, empty outputs, no Jira call', async () => {
    const run = await transition(
      { status: 'Done' },
      { eventName: 'push', github: { GITHUB_REF_NAME: 'main' }, event: { commits: [{ message: 'tidy' }] } },
    );
    expectClean(run);
    expect(run.notices).toEqual(['No Jira issue keys found in this change; nothing to move.']);
    expect(run.outputs).toEqual({ keys: '', 'primary-key': '', transitioned: '', unchanged: '', failed: '' });
    expect(jira.requests).toEqual([]);
  });

  test('a release moves every key since the last successful production deployment', async () => {
    const repo = `${github.url}/repos/acme/shop`;
    const headers = { authorization: `Bearer ${DEFAULT_GITHUB_TOKEN}`, 'content-type': 'application/json' };
    const old = github.sha('acme', 'shop', 'JIRA-1 released long ago');
    const created = await fetch(`${repo}/deployments`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ ref: old, environment: 'production', auto_merge: false, required_contexts: [] }),
    });
    const deployment = (await created.json()) as { id: number };
    await fetch(`${repo}/deployments/${deployment.id}/statuses`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ state: 'success' }),
    });
    const head = github.sha('acme', 'shop', 'JIRA-1234-top-deployments');
    const workspace = await workspaceWith('jira:\n  projects: [JIRA, DASH]\n');
    const run = await transition(
      { status: 'In Review', 'since-deployment': 'production' },
      { workspace, eventName: 'workflow_dispatch', github: { GITHUB_SHA: head, GITHUB_REF_NAME: 'main' } },
    );
    expect(run.outputs.keys).toBe('JIRA-1234,DASH-7');
    expect(run.stdout).toContain(`2 commit(s) since the production deployment of ${old.slice(0, 7)}`);
  });
});

describe('routes to the target', () => {
  test('a configured path, hop by hop: 1 + 2 × hops calls', async () => {
    const workspace = await workspaceWith('jira:\n  paths:\n    Done: [In Progress, In Review, Done]\n');
    const run = await transition({ status: 'done', keys: 'JIRA-1234' }, { workspace });
    expectClean(run);
    expect(jira.issue('JIRA-1234').transitions.map((t) => t.to)).toEqual([
      'In Progress',
      'In Review',
      'Done',
    ]);
    expect(run.stdout).toContain(
      'JIRA-1234: To Do → Done via In Progress, In Review (the path configured in jira.paths)',
    );
    expect(jira.requests).toHaveLength(1 + 2 * 3);
  });

  test('with a token that may read workflows, the workflow’s shortest path', async () => {
    const run = await transition({
      status: 'Done',
      keys: 'JIRA-1234',
      'jira-email': ADMIN_EMAIL,
      'jira-api-token': ADMIN_TOKEN,
    });
    expectClean(run);
    expect(jira.issue('JIRA-1234').status).toBe('Done');
    expect(run.stdout).toContain(
      "JIRA-1234: To Do → Done via In Progress, In Review (the workflow's shortest path)",
    );
    expect(callsByOperation()['POST /rest/api/3/workflows']).toBe(1);
  });

  test('no route and no way to read the workflow: the failure says what to configure', async () => {
    const run = await transition({ status: 'Done', keys: 'JIRA-1234' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ failed: 'JIRA-1234', transitioned: '' });
    expect(run.warnings).toEqual([
      "JIRA-1234: no transition leads from To Do to Done (the transitions lead to: In Progress ('Start progress', id 21)); add jira.paths.\"Done\" to .github/flowkit.yml, or let Flowkit's account read workflows (Administer Jira, or Administer projects + View workflow)",
    ]);
    expect(jira.issue('JIRA-1234').status).toBe('To Do');
  });

  test('an unknown status lists where the issue can go', async () => {
    const run = await transition({ status: 'Shipped', keys: 'JIRA-1235', 'fail-on-error': true });
    expect(run.exitCode).toBe(1);
    expect(run.errors).toEqual([
      expect.stringMatching(
        /^JIRA-1235: no transition leads from In Progress to Shipped \(the transitions lead to: To Do .*In Review \('Request review', id 31\)\)/,
      ),
    ]);
  });

  test('a transition by name or id', async () => {
    expectClean(await transition({ transition: 'Start progress', keys: 'JIRA-1234' }));
    expect(jira.issue('JIRA-1234').status).toBe('In Progress');
    expectClean(await transition({ transition: '31', keys: 'JIRA-1234' }));
    expect(jira.issue('JIRA-1234').status).toBe('In Review');
  });
});

describe('what goes with a move', () => {
  test('a comment with links, added once even when the issue comes back', async () => {
    const inputs = {
      status: 'In Review',
      keys: 'JIRA-1235',
      comment: 'Ready for review: "quotes" ${{ x }} <!channel>',
      'staging-url': 'https://staging.example.com/deployments',
    };
    const event = {
      pull_request: { number: 12, html_url: 'https://github.com/acme/shop/pull/12', title: 'x' },
    };
    const first = await transition(inputs, { eventName: 'pull_request', event });
    expectClean(first);
    const [comment] = jira.issue('JIRA-1235').comments;
    expect(JSON.stringify(comment?.body)).toContain('Ready for review: \\"quotes\\" ${{ x }} <!channel>');
    expect(JSON.stringify(comment?.body)).toContain(
      '{"type":"link","attrs":{"href":"https://staging.example.com/deployments"}}',
    );
    // Someone sends it back; the next push moves it again but does not repeat the comment.
    await fetch(`${jira.url}/rest/api/3/issue/JIRA-1235/transitions`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${DEFAULT_JIRA_EMAIL}:${DEFAULT_JIRA_API_TOKEN}`).toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ transition: { id: '11' } }),
    });
    const workspace = await workspaceWith('jira:\n  paths:\n    In Review: [In Progress, In Review]\n');
    const again = await transition(inputs, { eventName: 'pull_request', event, workspace });
    expectClean(again);
    expect(again.stdout).toContain('the same comment is already there');
    expect(jira.issue('JIRA-1235').comments).toHaveLength(1);
  });

  test('labels and fix versions not on the screen are applied by an edit; assignee by email', async () => {
    const run = await transition({
      status: 'In Review',
      keys: 'JIRA-1235',
      'add-labels': 'reviewed, team-frontend',
      'fix-versions': '1.4.0',
      assignee: 'sarah@example.com',
    });
    expectClean(run);
    const issue = jira.issue('JIRA-1235');
    expect(issue).toMatchObject({
      status: 'In Review',
      labels: ['reviewed', 'team-frontend'],
      fixVersions: ['1.4.0'],
      assignee: '5b10sarah0000000000000001',
    });
  });

  test('a field Jira refuses on the transition is reported in Jira’s words, and the issue stays put', async () => {
    const run = await transition({ status: 'In Review', keys: 'JIRA-1235', resolution: 'Done' });
    expect(run.outputs.failed).toBe('JIRA-1235');
    expect(run.warnings).toEqual([
      "JIRA-1235: Jira refused transition 'Request review' (31) from In Progress to In Review: resolution: Field 'resolution' cannot be set. It is not on the appropriate screen, or unknown.",
    ]);
    expect(jira.issue('JIRA-1235').status).toBe('In Progress');
  });
});

describe('a comment alone', () => {
  test('comments without moving anything, once', async () => {
    const inputs = { keys: 'JIRA-1235', comment: 'Staging failed at the end-to-end tests.' };
    const first = await transition(inputs);
    const again = await transition(inputs);
    for (const run of [first, again]) expectClean(run);
    expect(first.outputs).toMatchObject({ unchanged: 'JIRA-1235', transitioned: '' });
    expect(first.stdout).toContain('JIRA-1235: left in In Progress; commented');
    expect(again.stdout).toContain('JIRA-1235: left in In Progress; the same comment is already there');
    expect(jira.issue('JIRA-1235')).toMatchObject({ status: 'In Progress' });
    expect(jira.issue('JIRA-1235').comments).toHaveLength(1);
  });
});

describe('release approvals (check-approvals)', () => {
  const QA = { accountId: '5b10qa000000000000000001', email: 'qa@example.com', token: 'qa-token' };
  const PM = { accountId: '5b10pm000000000000000001', email: 'pm@example.com', token: 'pm-token' };
  const APPROVALS =
    'jira:\n  approvals:\n    status: Approved\n    groups:\n      qa: [qa@example.com]\n      product: [5b10pm000000000000000001]\n';

  beforeEach(async () => {
    const options = jiraOptions();
    await startJira({
      ...options,
      users: [
        ...(options.users ?? []),
        { accountId: QA.accountId, displayName: 'Quinn QA', emailAddress: QA.email },
        { accountId: PM.accountId, displayName: 'Pat PM', emailAddress: PM.email },
      ],
      credentials: [
        ...(options.credentials ?? []),
        ...[QA, PM].map((person) => ({
          accountId: person.accountId,
          email: person.email,
          apiToken: person.token,
          permissions: ['BROWSE_PROJECTS', 'ADD_COMMENTS'] as JiraCredential['permissions'],
        })),
      ],
    });
  });

  /** A person comments through Jira's API, as they would in the UI. */
  async function say(person: typeof QA, key: string, words: string): Promise<void> {
    const response = await fetch(`${jira.url}/rest/api/3/issue/${key}/comment`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${person.email}:${person.token}`).toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        body: {
          type: 'doc',
          version: 1,
          content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }],
        },
      }),
    });
    expect(response.status).toBe(201);
  }

  test('both groups approved one issue; the other lacks product: the step fails listing it, moving nothing', async () => {
    const workspace = await workspaceWith(APPROVALS);
    await say(QA, 'JIRA-1234', 'Approved — works on staging');
    await say(PM, 'JIRA-1234', 'approved!');
    await say(QA, 'JIRA-1235', 'Approved');
    await say(PM, 'JIRA-1235', 'Looks approved to me?'); // not an approval: does not start with the phrase
    const run = await transition({ 'check-approvals': 'true', keys: 'JIRA-1234, JIRA-1235' }, { workspace });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.approved).toBe('false');
    expect(run.errors).toEqual(['Not approved yet: JIRA-1235 (needs product). Nothing was promoted.']);
    expect(run.summary).toContain(
      '| JIRA-1234 | To Do | :white_check_mark: approved | qa: Quinn QA, product: Pat PM |',
    );
    expect(run.summary).toContain('| JIRA-1235 | In Progress | :x: needs product |');
    expect(jira.issue('JIRA-1234').transitions).toEqual([]);
  });

  test('a later "changes requested" withdraws an approval; the approved status alone is enough', async () => {
    const workspace = await workspaceWith(APPROVALS.replace('status: Approved', 'status: In Review'));
    await say(QA, 'JIRA-1234', 'Approved');
    await say(PM, 'JIRA-1234', 'Approved');
    await say(QA, 'JIRA-1234', 'Changes requested: the widget overflows on mobile');
    const run = await transition({ 'check-approvals': 'true', keys: 'JIRA-1234, DASH-7' }, { workspace });
    expect(run.errors).toEqual(['Not approved yet: JIRA-1234 (needs qa). Nothing was promoted.']);
    expect(run.summary).toContain('| DASH-7 | In Review | :white_check_mark: approved | status: In Review |');

    await say(QA, 'JIRA-1234', 'Approved after the fix');
    const again = await transition({ 'check-approvals': 'true', keys: 'JIRA-1234, DASH-7' }, { workspace });
    expectClean(again);
    expect(again.outputs.approved).toBe('true');
  });

  test('without jira.approvals in the config: one error naming the input and the fix, no request', async () => {
    const run = await transition({ 'check-approvals': 'true', keys: 'JIRA-1234' });
    expect(run.errors).toEqual([
      expect.stringMatching(
        /^Input 'check-approvals' is true but .github\/flowkit.yml has no jira.approvals/,
      ),
    ]);
    expect(jira.requests).toEqual([]);
  });
});

describe('partial failure and faults', () => {
  test('every key is tried; each failure is reported; fail-on-error decides the exit code', async () => {
    const run = await transition({ status: 'In Review', keys: 'JIRA-1235, JIRA-9999, DASH-7' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toEqual({
      keys: 'JIRA-1235,JIRA-9999,DASH-7',
      'primary-key': 'JIRA-1235',
      transitioned: 'JIRA-1235',
      unchanged: 'DASH-7',
      failed: 'JIRA-9999',
    });
    expect(run.warnings).toEqual([
      "JIRA-9999: JIRA-9999 does not exist, or Flowkit's account may not browse it",
    ]);
    const strict = await transition({ status: 'In Review', keys: 'JIRA-9999', 'fail-on-error': 'true' });
    expect(strict.exitCode).toBe(1);
    expect(strict.errors).toHaveLength(1);
  });

  test('a rate limit is waited out with Jira’s Retry-After', async () => {
    jira.failNext({ method: 'GET', path: /\/transitions/ }, { status: 429, retryAfterSeconds: 1 });
    const run = await transition({ status: 'In Progress', keys: 'JIRA-1234' });
    expectClean(run);
    expect(run.stdout).toMatch(
      /GET \/rest\/api\/3\/issue\/JIRA-1234\/transitions was rate limited by Jira; retrying in 1 s/,
    );
    expect(jira.issue('JIRA-1234').status).toBe('In Progress');
  });

  test('Jira down: bounded retries, then a clear failure and nothing half-done', async () => {
    jira.failNext({ path: /JIRA-1234/ }, { status: 503, times: 50 });
    const run = await transition({ status: 'In Progress', keys: 'JIRA-1234', retries: 2 });
    expect(run.outputs.failed).toBe('JIRA-1234');
    expect(run.warnings).toEqual([
      expect.stringMatching(
        /^JIRA-1234: GET \/rest\/api\/3\/issue\/JIRA-1234\/transitions: Jira answered HTTP 503 \(gave up after 3 attempts\)$/,
      ),
    ]);
    expect(jira.issue('JIRA-1234').transitions).toEqual([]);
  });

  test('credentials Jira does not accept are named as such', async () => {
    const run = await transition({
      status: 'In Progress',
      keys: 'JIRA-1234',
      'jira-api-token': 'wrong-token',
    });
    expect(run.warnings).toEqual([
      'JIRA-1234: Jira did not accept the credentials: check the email and API token (or the personal access token)',
    ]);
  });
});

describe('Jira Server / Data Center', () => {
  test('REST v2, a personal access token, and wiki markup with user text escaped', async () => {
    await startJira(
      jiraOptions({
        flavor: 'server',
        credentials: [{ accountId: DEFAULT_JIRA_ACCOUNT_ID, token: DEFAULT_JIRA_PAT }],
      }),
    );
    const run = await transition({
      status: 'In Progress',
      keys: 'JIRA-1234',
      'jira-deployment': 'server',
      'jira-email': '',
      'jira-api-token': '',
      'jira-token': DEFAULT_JIRA_PAT,
      comment: 'Started {code} *not bold* [link|http://evil]',
    });
    expectClean(run);
    expect(jira.requests.every((r) => r.pathname.startsWith('/rest/api/2/'))).toBe(true);
    expect(jira.issue('JIRA-1234').comments[0]?.body).toBe(
      'Started \\{code\\} \\*not bold\\* \\[link\\|http://evil\\]\n\n[workflow run|https://github.com/acme/shop/actions/runs/4242]',
    );
    expect(run.masks).toContain(DEFAULT_JIRA_PAT);
  });
});

describe('bad input: one ::error:: naming the input, before any request', () => {
  const bad: [string, ActionStep['with'], RegExp][] = [
    [
      'no site',
      { 'jira-url': '', status: 'Done', keys: 'JIRA-1' },
      /^Input 'jira-url' is not set, and neither is jira.url/,
    ],
    [
      'an http site',
      { 'jira-url': 'http://jira.example.com', status: 'Done', keys: 'JIRA-1' },
      /^Input 'jira-url' is not an https URL/,
    ],
    [
      'no API token on Cloud',
      { 'jira-api-token': '', status: 'Done', keys: 'JIRA-1' },
      /^Input 'jira-api-token' is required for Jira Cloud/,
    ],
    [
      'a personal access token on Cloud',
      { 'jira-api-token': '', 'jira-token': 'pat', status: 'Done' },
      /^Input 'jira-token' is a personal access token, which only Jira Server\/Data Center accepts/,
    ],
    [
      'an unknown deployment',
      { 'jira-deployment': 'datacenter', status: 'Done' },
      /^Input 'jira-deployment' must be cloud or server/,
    ],
    [
      'no target and no comment',
      { keys: 'JIRA-1' },
      /^Input 'status' is required \(or transition, or a comment alone\)/,
    ],
    [
      'status and transition',
      { status: 'Done', transition: '31' },
      /^Input 'transition' is set together with status/,
    ],
    [
      'a key that is not a key',
      { status: 'Done', keys: "JIRA-1, x' OR 1=1" },
      /^Input 'keys' has 'x'', which is not an issue key/,
    ],
    [
      'a lower-case project',
      { status: 'Done', projects: 'jira' },
      /^Input 'projects' has 'jira', which is not a project key/,
    ],
    [
      'an assignee that is not an email',
      { status: 'Done', keys: 'JIRA-1', assignee: 'sarah' },
      /^Input 'assignee' must be an email or 'unassigned'/,
    ],
    [
      'keys with since-deployment',
      { status: 'Done', keys: 'JIRA-1', 'since-deployment': 'production' },
      /^Input 'since-deployment' is set together with keys/,
    ],
    [
      'a staging URL that is not one',
      { status: 'Done', keys: 'JIRA-1', 'staging-url': 'javascript:alert(1)' },
      /^Input 'staging-url' is not an http\(s\) URL/,
    ],
  ];

  test.each(bad)('%s', async (_name, inputs, message) => {
    const run = await transition(inputs, PUSH);
    expect(run.exitCode).toBe(1);
    expect(run.errors).toEqual([expect.stringMatching(message)]);
    expect(run.stdout).not.toMatch(/\n\s+at /);
    expect(jira.requests).toEqual([]);
    expect(github.requests).toEqual([]);
  });

  test('a malformed config names the file, the line and the path', async () => {
    const workspace = await workspaceWith('jira:\n  paths:\n    Done: In Review\n');
    const run = await transition({ status: 'Done', keys: 'JIRA-1234' }, { workspace });
    expect(run.errors).toEqual(['.github/flowkit.yml:3: jira.paths.Done: expected a list, got "In Review"']);
    expect(jira.requests).toEqual([]);
  });
});

describeWithContracts("Atlassian's and GitHub's API descriptions", () => {
  test('every request jira-transition sent, and every answer, fit them', () => {
    const v3 = jiraLog.filter(
      (r) => r.pathname.startsWith('/rest/api/3/') && r.status !== 429 && r.status < 500,
    );
    expect(v3.length).toBeGreaterThan(40);
    const problems = [
      ...v3.flatMap((r) => unexplainedJiraProblems([...checkJiraRequest(r), ...checkJiraResponse(r)])),
      ...githubLog.flatMap((r) =>
        unexplainedGitHubProblems([...checkGitHubRequest(r), ...checkGitHubResponse(r)]),
      ),
    ];
    expect(problems).toEqual([]);
  });
});
