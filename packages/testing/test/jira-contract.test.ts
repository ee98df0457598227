// Contract tests: raw calls to the Jira emulator, and its answers, checked against Atlassian's own API description.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { describeWithContracts } from '../src/contracts.ts';
import {
  checkJiraRequest,
  checkJiraResponse,
  explainsJiraProblem,
  JIRA_EMULATED_OPERATIONS,
  JIRA_OPERATIONS_FROM_FULL_DESCRIPTION,
  JIRA_SPEC_GAPS,
  type JiraContract,
  loadJiraContract,
  unexplainedJiraProblems,
} from '../src/jira-contract.ts';
import {
  DEFAULT_JIRA_WORKFLOW,
  JiraEmulator,
  type JiraEmulatorOptions,
  type JiraRecordedRequest,
} from '../src/jira-emulator.ts';

const START = Date.UTC(2026, 10, 20, 10, 0, 0);
const BOT = '5b10ac8d82e05b22cc7d4e01';
const ALICE = '5b10ac8d82e05b22cc7d4e02';
const ADMIN = '5b10ac8d82e05b22cc7d4e05';

function basic(email: string, token: string): string {
  return `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;
}

const AS_BOT = basic('bot@example.com', 'bot-token');
const AS_ADMIN = basic('admin@example.com', 'admin-token');
const AS_READER = basic('alice@example.com', 'reader-token');
/** May move issues but not comment. */
const AS_MOVER = basic('mover@example.com', 'mover-token');

let clock = START;

function options(): JiraEmulatorOptions {
  return {
    users: [
      { accountId: BOT, displayName: 'Flowkit Bot', emailAddress: 'bot@example.com' },
      { accountId: ALICE, displayName: 'Alice Example', emailAddress: 'alice@example.com' },
      { accountId: ADMIN, displayName: 'Ada Admin', emailAddress: 'admin@example.com' },
    ],
    credentials: [
      { accountId: BOT, email: 'bot@example.com', apiToken: 'bot-token' },
      {
        accountId: ADMIN,
        email: 'admin@example.com',
        apiToken: 'admin-token',
        permissions: ['BROWSE_PROJECTS', 'ADMINISTER'],
      },
      {
        accountId: ALICE,
        email: 'alice@example.com',
        apiToken: 'reader-token',
        permissions: ['BROWSE_PROJECTS'],
      },
      {
        accountId: ALICE,
        email: 'mover@example.com',
        apiToken: 'mover-token',
        permissions: ['BROWSE_PROJECTS', 'TRANSITION_ISSUES'],
      },
    ],
    projects: [
      {
        key: 'FLOW',
        name: 'Flowkit',
        versions: ['1.0'],
        components: ['dashboard'],
        workflow: {
          ...DEFAULT_JIRA_WORKFLOW,
          transitions: DEFAULT_JIRA_WORKFLOW.transitions.map((transition) =>
            transition.id === '31' ? { ...transition, screen: ['labels', 'comment'] } : transition,
          ),
        },
      },
    ],
    issues: [
      {
        key: 'FLOW-1',
        summary: 'Widget',
        description: 'Top five',
        labels: ['team-frontend'],
        assignee: ALICE,
        reporter: BOT,
        properties: { 'flowkit.state': { step: 1 } },
      },
      { key: 'FLOW-2', summary: 'Bug', issueType: 'Bug', status: 'In Progress' },
    ],
    // Each window holds three calls; the driver moves the clock on, except for the burst at the end.
    rateLimit: { limit: 3, windowMs: 1000 },
    now: () => clock,
  };
}

// biome-ignore lint/suspicious/noExplicitAny: answers are untyped JSON, read field by field.
type Json = any;

async function call(
  jira: JiraEmulator,
  method: string,
  path: string,
  body?: unknown,
  authorization: string | null = AS_BOT,
  advance = true,
): Promise<Json> {
  if (advance) clock += 1000;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (authorization !== null) headers.authorization = authorization;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${jira.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return (response.headers.get('content-type') ?? '').startsWith('application/json')
    ? JSON.parse(text)
    : text;
}

function adf(text: string): Json {
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

const V3 = '/rest/api/3';

/** Every v3 operation with its success and error answers, sent as a well-behaved client sends them. */
async function driveEveryOperation(jira: JiraEmulator): Promise<void> {
  // Issues.
  const issue = await call(jira, 'GET', `${V3}/issue/FLOW-1`);
  await call(jira, 'GET', `${V3}/issue/FLOW-1?fields=summary,status,labels&properties=flowkit.state`);
  await call(jira, 'GET', `${V3}/issue/FLOW-404`);
  await call(jira, 'GET', `${V3}/issue/FLOW-1`, undefined, null);
  await call(jira, 'GET', `${V3}/issue/FLOW-1`, undefined, basic('bot@example.com', 'wrong'));
  await call(jira, 'PUT', `${V3}/issue/FLOW-1`, {
    update: { labels: [{ add: 'deployed' }] },
    fields: { fixVersions: [{ name: '1.0' }] },
  });
  await call(jira, 'PUT', `${V3}/issue/FLOW-1?returnIssue=true`, { fields: { summary: 'Widget, renamed' } });
  await call(jira, 'PUT', `${V3}/issue/FLOW-1`, { fields: { resolution: { name: 'Done' } } });
  await call(jira, 'PUT', `${V3}/issue/FLOW-1`, { fields: { summary: 'x' } }, AS_READER);
  await call(jira, 'POST', `${V3}/issue`, {
    fields: {
      project: { key: 'FLOW' },
      issuetype: { name: 'Task' },
      summary: 'Created',
      description: adf('From the API'),
    },
  });
  await call(jira, 'POST', `${V3}/issue`, {
    fields: { project: { key: 'FLOW' }, issuetype: { name: 'Task' } },
  });

  // Transitions.
  await call(jira, 'GET', `${V3}/issue/FLOW-1/transitions`);
  await call(jira, 'GET', `${V3}/issue/FLOW-2/transitions?expand=transitions.fields&transitionId=31`);
  await call(jira, 'GET', `${V3}/issue/FLOW-404/transitions`);
  await call(jira, 'POST', `${V3}/issue/FLOW-1/transitions`, { transition: { id: '21' } });
  await call(jira, 'POST', `${V3}/issue/FLOW-1/transitions`, { transition: { id: '41' } });
  await call(jira, 'POST', `${V3}/issue/FLOW-1/transitions`, {
    transition: { id: '21' },
    update: { labels: [{ add: 'x' }] },
  });
  await call(
    jira,
    'POST',
    `${V3}/issue/FLOW-2/transitions`,
    { transition: { id: '31' }, update: { comment: [{ add: { body: adf('x') } }] } },
    AS_MOVER,
  );
  await call(jira, 'POST', `${V3}/issue/FLOW-2/transitions`, {
    transition: { id: '31' },
    update: { labels: [{ add: 'in-review' }], comment: [{ add: { body: adf('Ready for review') } }] },
  });
  await call(jira, 'POST', `${V3}/issue/FLOW-404/transitions`, { transition: { id: '21' } });

  // Comments.
  const comment = await call(jira, 'POST', `${V3}/issue/FLOW-1/comment`, {
    body: adf('Deployed to staging'),
  });
  await call(jira, 'POST', `${V3}/issue/FLOW-1/comment`, { body: 'not ADF' });
  await call(jira, 'POST', `${V3}/issue/FLOW-1/comment`, { body: adf('x') }, AS_READER);
  await call(jira, 'GET', `${V3}/issue/FLOW-1/comment?startAt=0&maxResults=10&orderBy=-created`);
  await call(jira, 'GET', `${V3}/issue/FLOW-2/comment`);
  await call(jira, 'GET', `${V3}/issue/FLOW-1/comment?orderBy=created`);
  await call(jira, 'GET', `${V3}/issue/FLOW-404/comment`);
  await call(jira, 'GET', `${V3}/issue/FLOW-1/comment/${comment.id}`);
  await call(jira, 'GET', `${V3}/issue/FLOW-1/comment/99999`);
  await call(jira, 'PUT', `${V3}/issue/FLOW-1/comment/${comment.id}`, {
    body: adf('Deployed to production'),
  });
  await call(jira, 'PUT', `${V3}/issue/FLOW-1/comment/${comment.id}`, {
    body: { type: 'doc', version: 1, content: [{ type: 'blink' }] },
  });

  // Assignee.
  await call(jira, 'PUT', `${V3}/issue/FLOW-2/assignee`, { accountId: ALICE });
  await call(jira, 'PUT', `${V3}/issue/FLOW-2/assignee`, { accountId: null });
  await call(jira, 'PUT', `${V3}/issue/FLOW-2/assignee`, { accountId: 'nobody' });
  await call(jira, 'PUT', `${V3}/issue/FLOW-2/assignee`, { accountId: ALICE }, AS_READER);
  await call(jira, 'PUT', `${V3}/issue/FLOW-2/assignee`, { accountId: ALICE }, null);

  // Issue properties.
  await call(jira, 'GET', `${V3}/issue/FLOW-1/properties`);
  await call(jira, 'GET', `${V3}/issue/FLOW-1/properties`, undefined, null);
  await call(jira, 'GET', `${V3}/issue/FLOW-1/properties/flowkit.state`);
  await call(jira, 'GET', `${V3}/issue/FLOW-1/properties/absent`);
  await call(jira, 'PUT', `${V3}/issue/FLOW-1/properties/flowkit.run`, { runId: 42, steps: ['a', 'b'] });
  await call(jira, 'PUT', `${V3}/issue/FLOW-1/properties/flowkit.run`, { runId: 43 });
  await call(jira, 'PUT', `${V3}/issue/FLOW-1/properties/flowkit.big`, { text: 'x'.repeat(40_000) });
  await call(jira, 'PUT', `${V3}/issue/FLOW-1/properties/flowkit.run`, 1, AS_READER);
  await call(jira, 'DELETE', `${V3}/issue/FLOW-1/properties/flowkit.run`);
  await call(jira, 'DELETE', `${V3}/issue/FLOW-1/properties/flowkit.run`);

  // Remote issue links: a globalId makes POST replace the issue's link with it (200) instead of adding one (201).
  const card = {
    globalId: 'flowkit-card=FLOW-1',
    object: {
      url: 'https://flowkit.example/cards/FLOW-1',
      title: 'Ticket card',
      summary: 'Deploys and reviews of FLOW-1',
      icon: { url16x16: 'https://flowkit.example/icon-16.png', title: 'Ticket card' },
    },
  };
  await call(jira, 'POST', `${V3}/issue/FLOW-1/remotelink`, card);
  await call(jira, 'POST', `${V3}/issue/FLOW-1/remotelink`, {
    ...card,
    object: { ...card.object, url: 'https://flowkit.example/cards/FLOW-1?v=2' },
  });
  await call(jira, 'POST', `${V3}/issue/FLOW-1/remotelink`, {
    application: { name: 'Flowkit', type: 'dev.flowkit.card' },
    relationship: 'mentioned in',
    object: {
      url: 'https://flowkit.example/runs/7',
      title: 'Run 7',
      status: { resolved: true, icon: { url16x16: 'https://flowkit.example/done.png', title: 'Done' } },
    },
  });
  await call(jira, 'POST', `${V3}/issue/FLOW-1/remotelink`, {
    object: { url: 'https://x.example', title: '' },
  });
  await call(jira, 'POST', `${V3}/issue/FLOW-1/remotelink`, {
    globalId: 'g'.repeat(256),
    object: card.object,
  });
  await call(jira, 'POST', `${V3}/issue/FLOW-1/remotelink`, card, AS_READER);
  await call(jira, 'POST', `${V3}/issue/FLOW-404/remotelink`, card);
  await call(jira, 'POST', `${V3}/issue/FLOW-1/remotelink`, card, basic('bot@example.com', 'wrong'));
  await call(jira, 'GET', `${V3}/issue/FLOW-1/remotelink`);
  await call(jira, 'GET', `${V3}/issue/FLOW-1/remotelink?globalId=${encodeURIComponent(card.globalId)}`);
  await call(jira, 'GET', `${V3}/issue/FLOW-1/remotelink?globalId=absent`);
  await call(jira, 'GET', `${V3}/issue/FLOW-404/remotelink`);
  await call(jira, 'GET', `${V3}/issue/FLOW-1/remotelink`, undefined, null);

  // Users.
  await call(jira, 'GET', `${V3}/myself`);
  await call(jira, 'GET', `${V3}/user?accountId=${ALICE}`);
  await call(jira, 'GET', `${V3}/user?accountId=nobody`);
  await call(jira, 'GET', `${V3}/user?username=alice`);
  await call(jira, 'GET', `${V3}/user?accountId=${ALICE}`, undefined, AS_READER);
  await call(jira, 'GET', `${V3}/user/search?query=ali&maxResults=5`);
  await call(jira, 'GET', `${V3}/user/search`);
  await call(jira, 'GET', `${V3}/user/assignable/search?issueKey=FLOW-1&query=a`);
  await call(jira, 'GET', `${V3}/user/assignable/search?project=FLOW`);
  await call(jira, 'GET', `${V3}/user/assignable/search?query=a`);
  await call(jira, 'GET', `${V3}/user/assignable/search?issueKey=FLOW-404`);

  // Search.
  const jql = 'project = FLOW AND status != Done ORDER BY key ASC';
  await call(
    jira,
    'GET',
    `${V3}/search/jql?jql=${encodeURIComponent(jql)}&fields=summary,status,assignee&maxResults=50`,
  );
  const firstPage = await call(jira, 'POST', `${V3}/search/jql`, {
    jql,
    fields: ['summary', 'labels'],
    maxResults: 1,
    properties: ['flowkit.state'],
  });
  await call(jira, 'POST', `${V3}/search/jql`, {
    jql,
    fields: ['summary'],
    maxResults: 1,
    nextPageToken: firstPage.nextPageToken,
  });
  await call(jira, 'GET', `${V3}/search/jql?jql=${encodeURIComponent('key in (FLOW-1, FLOW-404)')}`);
  await call(jira, 'POST', `${V3}/search/jql`, { jql: 'ORDER BY created DESC' });
  await call(jira, 'POST', `${V3}/search/approximate-count`, { jql: 'project = FLOW' });
  await call(jira, 'POST', `${V3}/search/approximate-count`, { jql: 'status = (' });
  await call(jira, 'GET', `${V3}/search?jql=${encodeURIComponent('project = FLOW')}&startAt=0&maxResults=10`);
  await call(jira, 'POST', `${V3}/search`, { jql: 'project = FLOW', startAt: 0, maxResults: 10 });

  // Workflows.
  await call(
    jira,
    'POST',
    `${V3}/workflows`,
    {
      projectAndIssueTypes: [{ projectId: issue.fields.project.id, issueTypeId: issue.fields.issuetype.id }],
    },
    AS_ADMIN,
  );
  await call(jira, 'POST', `${V3}/workflows`, { workflowNames: [DEFAULT_JIRA_WORKFLOW.name] });

  // A form post meets the XSRF check; an outage answers an HTML page.
  clock += 1000;
  await fetch(`${jira.url}${V3}/issue/FLOW-1/comment`, {
    method: 'POST',
    headers: { authorization: AS_BOT, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'body=hi',
  });
  jira.failNext({ path: `${V3}/myself` }, { status: 503 });
  await call(jira, 'GET', `${V3}/myself`);

  // A burst: the fourth call within one second meets the limit of three.
  clock += 1000;
  for (let i = 0; i < 4; i++)
    await call(jira, 'GET', `${V3}/issue/FLOW-1?fields=summary`, undefined, AS_BOT, false);

  // REST v2 is not checked: there is no description of it.
  await call(jira, 'GET', '/rest/api/2/issue/FLOW-1?fields=summary');
}

describeWithContracts('Jira contract', (dir) => {
  let jira: JiraEmulator;
  let contract: JiraContract;

  beforeAll(async () => {
    clock = START;
    contract = loadJiraContract(dir);
    jira = await JiraEmulator.start(options());
    await driveEveryOperation(jira);
  });

  afterAll(async () => {
    await jira.stop();
  });

  const v3Calls = () => jira.requests.filter((r) => r.pathname.startsWith('/rest/api/3/'));

  test('the calls reach every v3 operation the emulator serves, with its success and error answers', () => {
    const seen = new Set(v3Calls().map((r) => `${r.operation} ${r.status}`));
    const issue = `${V3}/issue/{issueIdOrKey}`;
    expect([...seen].sort()).toEqual(
      [
        `GET ${issue} 200`,
        `GET ${issue} 401`,
        `GET ${issue} 404`,
        `GET ${issue} 429`,
        `PUT ${issue} 204`,
        `PUT ${issue} 200`,
        `PUT ${issue} 400`,
        `PUT ${issue} 403`,
        `POST ${V3}/issue 201`,
        `POST ${V3}/issue 400`,
        `GET ${issue}/transitions 200`,
        `GET ${issue}/transitions 404`,
        `POST ${issue}/transitions 204`,
        `POST ${issue}/transitions 400`,
        `POST ${issue}/transitions 403`,
        `POST ${issue}/transitions 404`,
        `GET ${issue}/comment 200`,
        `GET ${issue}/comment 404`,
        `POST ${issue}/comment 201`,
        `POST ${issue}/comment 400`,
        `POST ${issue}/comment 403`,
        `GET ${issue}/comment/{id} 200`,
        `GET ${issue}/comment/{id} 404`,
        `PUT ${issue}/comment/{id} 200`,
        `PUT ${issue}/comment/{id} 400`,
        `PUT ${issue}/assignee 204`,
        `PUT ${issue}/assignee 400`,
        `PUT ${issue}/assignee 401`,
        `PUT ${issue}/assignee 403`,
        `GET ${issue}/properties 200`,
        `GET ${issue}/properties 401`,
        `GET ${issue}/properties/{propertyKey} 200`,
        `GET ${issue}/properties/{propertyKey} 404`,
        `PUT ${issue}/properties/{propertyKey} 201`,
        `PUT ${issue}/properties/{propertyKey} 200`,
        `PUT ${issue}/properties/{propertyKey} 400`,
        `PUT ${issue}/properties/{propertyKey} 403`,
        `DELETE ${issue}/properties/{propertyKey} 204`,
        `DELETE ${issue}/properties/{propertyKey} 404`,
        `POST ${issue}/remotelink 201`,
        `POST ${issue}/remotelink 200`,
        `POST ${issue}/remotelink 400`,
        `POST ${issue}/remotelink 401`,
        `POST ${issue}/remotelink 403`,
        `POST ${issue}/remotelink 404`,
        `GET ${issue}/remotelink 200`,
        `GET ${issue}/remotelink 401`,
        `GET ${issue}/remotelink 404`,
        `GET ${V3}/myself 200`,
        `GET ${V3}/myself 503`,
        `GET ${V3}/user 200`,
        `GET ${V3}/user 400`,
        `GET ${V3}/user 403`,
        `GET ${V3}/user 404`,
        `GET ${V3}/user/search 200`,
        `GET ${V3}/user/search 400`,
        `GET ${V3}/user/assignable/search 200`,
        `GET ${V3}/user/assignable/search 400`,
        `GET ${V3}/user/assignable/search 404`,
        `GET ${V3}/search/jql 200`,
        `GET ${V3}/search/jql 400`,
        `POST ${V3}/search/jql 200`,
        `POST ${V3}/search/jql 400`,
        `POST ${V3}/search/approximate-count 200`,
        `POST ${V3}/search/approximate-count 400`,
        `GET ${V3}/search 410`,
        `POST ${V3}/search 410`,
        `POST ${V3}/workflows 200`,
        `POST ${V3}/workflows 403`,
      ].sort(),
    );
    expect(new Set(v3Calls().map((r) => r.operation))).toEqual(new Set(JIRA_EMULATED_OPERATIONS));
  });

  test('every v3 request fits the description, apart from its known gaps and the one form post', () => {
    const isFormPost = (r: JiraRecordedRequest) =>
      (r.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
    const unexplained = v3Calls()
      .filter((r) => !isFormPost(r))
      .flatMap((r) => unexplainedJiraProblems(checkJiraRequest(r, contract)));
    expect(unexplained).toEqual([]);
    // The form post is sent to meet Jira's XSRF check; the request check sees what is wrong with it.
    const formPosts = v3Calls().filter(isFormPost);
    expect(formPosts.map((r) => checkJiraRequest(r, contract))).toEqual([
      [
        `POST ${V3}/issue/{issueIdOrKey}/comment request: body of type "application/x-www-form-urlencoded", but the operation accepts application/json`,
        `POST ${V3}/issue/{issueIdOrKey}/comment request: body is not valid JSON`,
      ],
    ]);
  });

  test('every v3 answer fits the description, apart from its known gaps', () => {
    const unexplained = v3Calls().flatMap((r) => unexplainedJiraProblems(checkJiraResponse(r, contract)));
    expect(unexplained).toEqual([]);
  });

  test('every known gap of the description is met by a real request or answer', () => {
    const problems = v3Calls().flatMap((r) => [
      ...checkJiraRequest(r, contract),
      ...checkJiraResponse(r, contract),
    ]);
    const unmet = JIRA_SPEC_GAPS.filter(
      (gap) => !problems.some((problem) => explainsJiraProblem(gap, problem)),
    );
    expect(unmet.map((gap) => gap.why)).toEqual([]);
  });

  test('answers the description has schemas for are really checked against them', () => {
    // The success answers are judged by schema, not passed for want of one.
    const judged = v3Calls().filter((r) => r.status === 200 && checkJiraResponse(r, contract).length === 0);
    expect(judged.length).toBeGreaterThan(20);
    const transitions = v3Calls().find(
      (r) => r.operation.endsWith('/transitions') && r.httpMethod === 'GET' && r.status === 200,
    );
    const tampered: JiraRecordedRequest = {
      ...(transitions as JiraRecordedRequest),
      response: { transitions: 'none', extra: 1 },
    };
    expect(checkJiraResponse(tampered, contract)).toEqual([
      `GET ${V3}/issue/{issueIdOrKey}/transitions 200 response: (root) must NOT have additional properties ("extra")`,
      `GET ${V3}/issue/{issueIdOrKey}/transitions 200 response: /transitions must be array (got string)`,
    ]);
  });

  test('REST v2 calls and 5xx outages are not judged', () => {
    const v2 = jira.requests.filter((r) => r.pathname.startsWith('/rest/api/2/'));
    expect(v2).toHaveLength(1);
    const outage = jira.requests.filter((r) => r.status === 503);
    expect(outage).toHaveLength(1);
    for (const r of [...v2, ...outage])
      expect([...checkJiraRequest(r, contract), ...checkJiraResponse(r, contract)]).toEqual([]);
  });

  describe('the checks can fail', () => {
    let wrong: JiraEmulator;

    beforeAll(async () => {
      wrong = await JiraEmulator.start({ ...options(), rateLimit: { limit: 1000, windowMs: 1000 } });
    });

    afterEach(() => {
      wrong.requests.length = 0;
    });

    afterAll(async () => {
      await wrong.stop();
    });

    const only = () => wrong.requests[0] as JiraRecordedRequest;

    test('an unknown, a repeated and a mistyped query parameter', async () => {
      await call(
        wrong,
        'GET',
        `${V3}/search/jql?jql=project%3DFLOW&maxResults=ten&colour=red&jql=x&fieldsByKeys=maybe`,
      );
      expect(checkJiraRequest(only(), contract)).toEqual([
        `GET ${V3}/search/jql request: query parameter "jql" is given 2 times, but takes one value`,
        `GET ${V3}/search/jql request: query parameter "maxResults" must be an integer, got "ten"`,
        `GET ${V3}/search/jql request: unknown query parameter "colour"`,
        `GET ${V3}/search/jql request: query parameter "fieldsByKeys" must be true or false, got "maybe"`,
      ]);
    });

    test('a body that does not fit the request schema, a missing body and a body where none is taken', async () => {
      await call(wrong, 'POST', `${V3}/issue/FLOW-1/transitions`, {
        transition: '21',
        update: { labels: 'x' },
      });
      await call(wrong, 'PUT', `${V3}/issue/FLOW-1/assignee`);
      await call(wrong, 'DELETE', `${V3}/issue/FLOW-1/properties/flowkit.state`, { why: 'no' });
      const [transition, assignee, deletion] = wrong.requests as [
        JiraRecordedRequest,
        JiraRecordedRequest,
        JiraRecordedRequest,
      ];
      expect(checkJiraRequest(transition, contract)).toEqual([
        `POST ${V3}/issue/{issueIdOrKey}/transitions request: body /transition must be object (got string)`,
        `POST ${V3}/issue/{issueIdOrKey}/transitions request: body /update/labels must be array (got string)`,
      ]);
      expect(checkJiraRequest(assignee, contract)).toEqual([
        `PUT ${V3}/issue/{issueIdOrKey}/assignee request: missing required JSON body`,
      ]);
      expect(checkJiraRequest(deletion, contract)).toEqual([
        `DELETE ${V3}/issue/{issueIdOrKey}/properties/{propertyKey} request: has a body, but the operation takes none`,
      ]);
    });

    test('a remote link without object.title: the request check names it, and the 400 answer fits', async () => {
      await call(wrong, 'POST', `${V3}/issue/FLOW-1/remotelink`, { object: { url: 'https://x.example' } });
      expect(only().status).toBe(400);
      expect(checkJiraRequest(only(), contract)).toEqual([
        `POST ${V3}/issue/{issueIdOrKey}/remotelink request: body /object must have required property 'title'`,
      ]);
      expect(checkJiraResponse(only(), contract)).toEqual([]);
    });

    test('no credentials where the operation allows no anonymous call', async () => {
      await call(wrong, 'POST', `${V3}/workflows`, { workflowNames: [] }, null);
      expect(checkJiraRequest(only(), contract)).toEqual([
        `POST ${V3}/workflows request: no credentials, but the operation needs basicAuth or OAuth2`,
      ]);
    });

    test('an operation the description does not have, or has with another method', async () => {
      await call(wrong, 'GET', `${V3}/issue/FLOW-1/watchers`);
      await call(wrong, 'DELETE', `${V3}/issue/FLOW-1`);
      const [unknown, wrongMethod] = wrong.requests as [JiraRecordedRequest, JiraRecordedRequest];
      expect(checkJiraRequest(unknown, contract)).toEqual([
        `GET ${V3}/issue/FLOW-1/watchers: not an operation in Jira's API description`,
      ]);
      expect(checkJiraResponse(unknown, contract)).toEqual([
        `GET ${V3}/issue/FLOW-1/watchers: not an operation in Jira's API description`,
      ]);
      expect(checkJiraRequest(wrongMethod, contract)).toEqual([
        `${V3}/issue/{issueIdOrKey}: Jira's API description has it as GET/PUT, not DELETE`,
      ]);
    });

    test('an answer with an undeclared status, a wrong content type and fields Jira does not have', async () => {
      await call(wrong, 'GET', `${V3}/myself`);
      const real = only();
      expect(checkJiraResponse(real, contract)).toEqual([]);
      const me = real.response as Json;
      expect(
        checkJiraResponse(
          {
            ...real,
            responseHeaders: { 'content-type': 'text/plain' },
            response: { ...me, nickname: 'bot', active: 'yes' },
          },
          contract,
        ),
      ).toEqual([
        `GET ${V3}/myself 200 response: content type "text/plain", but the description gives application/json`,
        `GET ${V3}/myself 200 response: (root) must NOT have additional properties ("nickname")`,
        `GET ${V3}/myself 200 response: /active must be boolean (got string)`,
      ]);
      expect(checkJiraResponse({ ...real, status: 202 }, contract)).toEqual([
        `GET ${V3}/myself 202 response: the description declares no 202 answer`,
      ]);
    });

    test('a comment timestamp in RFC 3339 passes; the gap list does not hide other format errors', async () => {
      await call(wrong, 'POST', `${V3}/issue/FLOW-1/comment`, { body: adf('x') });
      const real = only();
      const [gap] = checkJiraResponse(real, contract);
      expect(gap).toMatch(/\/created must match format "date-time"/);
      const fixed = {
        ...(real.response as Json),
        created: '2026-11-20T10:00:00.000+00:00',
        updated: '2026-11-20T10:00:00Z',
      };
      expect(checkJiraResponse({ ...real, response: fixed }, contract)).toEqual([]);
      const broken = { ...fixed, created: 'yesterday' };
      expect(unexplainedJiraProblems(checkJiraResponse({ ...real, response: broken }, contract))).toEqual([
        `POST ${V3}/issue/{issueIdOrKey}/comment 201 response: /created must match format "date-time" (got "yesterday")`,
      ]);
    });
  });

  describe('loadJiraContract', () => {
    // biome-ignore lint/suspicious/noExplicitAny: the description files are read as untyped JSON.
    const read = (file: string): any => JSON.parse(readFileSync(join(dir, 'jira', file), 'utf8'));

    test('is the subset plus issue properties, remote issue links and Bulk get workflows from the full description, unchanged', () => {
      const subset = read('jira-platform-v3.subset.json');
      const subsetOperations = subset.info['x-contract-subset'].operations as string[];
      const operations = Object.entries(contract.paths).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
      );
      expect(operations.sort()).toEqual(
        [...subsetOperations, ...JIRA_OPERATIONS_FROM_FULL_DESCRIPTION].sort(),
      );
      expect(contract.fromFullDescription).toEqual([...JIRA_OPERATIONS_FROM_FULL_DESCRIPTION]);
      for (const name of subsetOperations) {
        const [method = '', path = ''] = name.split(' ');
        expect(contract.paths[path]?.[method.toLowerCase()]).toEqual(
          subset.paths[path][method.toLowerCase()],
        );
      }
      const full = read('jira-platform-v3.openapi.json');
      expect(contract.paths[`${V3}/workflows`]?.post).toEqual(full.paths[`${V3}/workflows`].post);
      expect(contract.components.schemas?.WorkflowReadResponse).toEqual(
        full.components.schemas.WorkflowReadResponse,
      );
      expect(contract.components.schemas?.PropertyKeys).toEqual(full.components.schemas.PropertyKeys);
      const remoteLinks = `${V3}/issue/{issueIdOrKey}/remotelink`;
      expect(contract.paths[remoteLinks]).toEqual({
        get: full.paths[remoteLinks].get,
        post: full.paths[remoteLinks].post,
      });
      for (const name of [
        'RemoteIssueLink',
        'RemoteIssueLinkRequest',
        'RemoteIssueLinkIdentifies',
        'RemoteObject',
      ])
        expect(contract.components.schemas?.[name]).toEqual(full.components.schemas[name]);
    });

    test('every reference in it resolves', () => {
      const references = JSON.stringify(contract).match(/"#\/components\/schemas\/[^"]+"/g) ?? [];
      expect(references.length).toBeGreaterThan(50);
      for (const reference of new Set(references)) {
        const name = reference.slice('"#/components/schemas/'.length, -1);
        expect(contract.components.schemas?.[name]).toBeDefined();
      }
    });

    test('needs a contracts folder', () => {
      const saved = process.env.CONTRACTS_DIR;
      process.env.CONTRACTS_DIR = join(dir, 'no-such-folder');
      try {
        expect(() => loadJiraContract()).toThrow('Jira contract not found');
      } finally {
        if (saved === undefined) delete process.env.CONTRACTS_DIR;
        else process.env.CONTRACTS_DIR = saved;
      }
    });
  });
});
