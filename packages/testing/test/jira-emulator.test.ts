// Behaviour of the Jira emulator through HTTP: each operation on Cloud and Server, JQL, permissions, limits and faults.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import {
  DEFAULT_JIRA_ACCOUNT_ID,
  DEFAULT_JIRA_API_TOKEN,
  DEFAULT_JIRA_EMAIL,
  DEFAULT_JIRA_PAT,
  DEFAULT_JIRA_WORKFLOW,
  JiraEmulator,
  type JiraEmulatorOptions,
  type JiraWorkflowDef,
} from '../src/jira-emulator.ts';

const START = Date.UTC(2026, 10, 20, 10, 0, 0);
const DAY = 86_400_000;

const BOT = '5b10ac8d82e05b22cc7d4e01';
const ALICE = '5b10ac8d82e05b22cc7d4e02';
const BOB = '5b10ac8d82e05b22cc7d4e03';
const CAROL = '5b10ac8d82e05b22cc7d4e04';
const ADMIN = '5b10ac8d82e05b22cc7d4e05';

/** To Do → In Progress → In Review → Done, with screens on review and done, and a global reopen. */
const WORKFLOW: JiraWorkflowDef = {
  name: 'Flow workflow',
  statuses: [
    { id: '10000', name: 'To Do', category: 'new' },
    { id: '3', name: 'In Progress', category: 'indeterminate' },
    { id: '10001', name: 'In Review', category: 'indeterminate' },
    { id: '10002', name: 'Done', category: 'done' },
  ],
  transitions: [
    { id: '11', name: 'Start progress', from: ['To Do'], to: 'In Progress' },
    {
      id: '21',
      name: 'Request review',
      from: ['In Progress'],
      to: 'In Review',
      screen: ['labels', 'assignee', 'comment'],
    },
    {
      id: '31',
      name: 'Resolve',
      from: ['In Review'],
      to: 'Done',
      screen: ['resolution', 'fixVersions', 'comment'],
    },
    { id: '41', name: 'Reopen', from: [], to: 'To Do' },
  ],
};

function site(overrides: Partial<JiraEmulatorOptions> = {}): JiraEmulatorOptions {
  return {
    users: [
      { accountId: BOT, displayName: 'Flowkit Bot', emailAddress: 'bot@example.com', name: 'flowkit-bot' },
      { accountId: ALICE, displayName: 'Alice Example', emailAddress: 'alice@example.com', name: 'alice' },
      { accountId: BOB, displayName: 'Bob Builder', emailAddress: 'bob@example.com', name: 'bob' },
      {
        accountId: CAROL,
        displayName: 'Carol Gone',
        emailAddress: 'carol@example.com',
        name: 'carol',
        active: false,
      },
      { accountId: ADMIN, displayName: 'Ada Admin', emailAddress: 'admin@example.com', name: 'admin' },
    ],
    credentials: [
      { accountId: BOT, email: 'bot@example.com', apiToken: 'bot-token', token: 'bot-pat' },
      {
        accountId: ADMIN,
        email: 'admin@example.com',
        apiToken: 'admin-token',
        token: 'admin-pat',
        permissions: ['BROWSE_PROJECTS', 'ADMINISTER', 'ADD_COMMENTS'],
      },
      {
        accountId: ALICE,
        email: 'alice@example.com',
        apiToken: 'reader-token',
        token: 'reader-pat',
        permissions: ['BROWSE_PROJECTS'],
      },
      {
        accountId: BOB,
        email: 'bob@example.com',
        apiToken: 'outsider-token',
        token: 'outsider-pat',
        permissions: [],
      },
    ],
    projects: [
      {
        key: 'FLOW',
        id: '10100',
        name: 'Flowkit',
        workflow: WORKFLOW,
        components: ['dashboard', 'api'],
        versions: ['1.0', '1.1'],
      },
      { key: 'OPS', name: 'Operations', workflow: DEFAULT_JIRA_WORKFLOW, issueTypes: ['Task', 'Bug'] },
    ],
    issues: [
      {
        key: 'FLOW-1',
        summary: 'Top 5 deployments widget',
        description: 'Show the five\nmost active',
        labels: ['team-frontend'],
        components: ['dashboard'],
        assignee: ALICE,
        reporter: BOB,
        properties: { 'flowkit.state': { step: 1 } },
      },
      {
        key: 'FLOW-2',
        summary: 'Slow dashboard',
        issueType: 'Bug',
        status: 'In Progress',
        priority: 'High',
        labels: ['priority-high', 'service-dashboard'],
      },
      { key: 'FLOW-3', summary: 'Review me', status: 'In Review', assignee: BOB },
      { key: 'OPS-1', summary: 'Rotate keys', issueType: 'Task' },
    ],
    now: () => START,
    ...overrides,
  };
}

// biome-ignore lint/suspicious/noExplicitAny: answers are untyped JSON, read field by field in assertions.
type Json = any;

interface Answer {
  status: number;
  headers: Headers;
  body: Json;
}

function basic(email: string, token: string): string {
  return `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;
}

const AS_BOT = basic('bot@example.com', 'bot-token');
const AS_ADMIN = basic('admin@example.com', 'admin-token');
const AS_READER = basic('alice@example.com', 'reader-token');
const AS_OUTSIDER = basic('bob@example.com', 'outsider-token');

async function send(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  const isJson = (response.headers.get('content-type') ?? '').startsWith('application/json');
  return { status: response.status, headers: response.headers, body: isJson ? JSON.parse(text) : text };
}

/** One REST call with a JSON body (when given) and the bot's credentials unless told otherwise. */
function call(
  jira: JiraEmulator,
  method: string,
  path: string,
  body?: unknown,
  authorization: string | null = AS_BOT,
): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (authorization !== null) headers.authorization = authorization;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return send(`${jira.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

function adf(text: string): Json {
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

describe('JiraEmulator (Cloud)', () => {
  let jira: JiraEmulator;
  let clock: number;

  beforeEach(async () => {
    clock = START;
    jira = await JiraEmulator.start(site({ now: () => clock }));
  });

  afterEach(async () => {
    await jira.stop();
  });

  /** Keys of the issues a JQL query finds through GET /rest/api/3/search/jql. */
  async function keys(jql: string, authorization = AS_BOT): Promise<string[]> {
    const answer = await call(
      jira,
      'GET',
      `/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}`,
      undefined,
      authorization,
    );
    if (answer.status !== 200) throw new Error(`${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.issues.map((issue: Json) => issue.key);
  }

  /** The errorMessages of a JQL query Jira refuses. */
  async function jqlErrors(jql: string): Promise<string[]> {
    const answer = await call(jira, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}`);
    expect(answer.status).toBe(400);
    return answer.body.errorMessages;
  }

  describe('server', () => {
    test('listens on 127.0.0.1 and serves the API under the site URL', async () => {
      expect(jira.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await call(jira, 'GET', '/rest/api/3/myself')).status).toBe(200);
      expect((await call(jira, 'GET', '/rest/api/2/myself')).status).toBe(200);
    });

    test('stop() closes idle keep-alive connections and later calls fail', async () => {
      await (
        await fetch(`${jira.url}/rest/api/3/myself`, {
          headers: { authorization: AS_BOT, connection: 'keep-alive' },
        })
      ).text();
      await jira.stop();
      await expect(
        fetch(`${jira.url}/rest/api/3/myself`, { headers: { authorization: AS_BOT } }),
      ).rejects.toThrow();
    });

    test('records every request with its operation, query, body and answer', async () => {
      clock = START + 5;
      await call(jira, 'PUT', '/rest/api/3/issue/FLOW-1', { update: { labels: [{ add: 'x' }] } });
      await call(jira, 'GET', '/rest/api/3/issue/FLOW-1?fields=summary&fields=status&properties=a,b');
      await call(jira, 'GET', '/rest/api/3/nowhere');
      const [edit, read, unknown] = jira.requests;
      expect(edit).toMatchObject({
        httpMethod: 'PUT',
        path: '/rest/api/3/issue/FLOW-1',
        pathname: '/rest/api/3/issue/FLOW-1',
        operation: 'PUT /rest/api/3/issue/{issueIdOrKey}',
        body: { update: { labels: [{ add: 'x' }] } },
        status: 204,
        response: undefined,
        receivedAt: START + 5,
      });
      expect(edit?.headers.authorization).toBe(AS_BOT);
      expect(read?.query).toEqual({ fields: ['summary', 'status'], properties: 'a,b' });
      expect(read?.operation).toBe('GET /rest/api/3/issue/{issueIdOrKey}');
      expect(read?.responseHeaders['content-type']).toBe('application/json;charset=UTF-8');
      expect(read?.response).toMatchObject({ key: 'FLOW-1' });
      expect(unknown?.operation).toBe('');
    });

    test('every JSON answer is application/json;charset=UTF-8, errors included', async () => {
      const answers = [
        await call(jira, 'GET', '/rest/api/3/issue/FLOW-1'),
        await call(jira, 'GET', '/rest/api/3/issue/NOPE-1'),
        await call(jira, 'GET', '/rest/api/3/myself', undefined, null),
      ];
      expect(answers.map((answer) => answer.headers.get('content-type'))).toEqual(
        Array(3).fill('application/json;charset=UTF-8'),
      );
    });

    test("an unknown resource is Jersey's 404, a wrong method 405, a path outside the API an HTML 404", async () => {
      const unknown = await call(jira, 'GET', '/rest/api/3/issue/FLOW-1/watchers');
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual({
        message: `null for uri: ${jira.url}/rest/api/3/issue/FLOW-1/watchers`,
        'status-code': 404,
      });
      const wrongMethod = await call(jira, 'DELETE', '/rest/api/3/issue/FLOW-1');
      expect([wrongMethod.status, wrongMethod.headers.get('allow')]).toEqual([405, 'GET,PUT']);
      expect((await call(jira, 'GET', '/rest/api/3/issue/%E0%A4%A')).status).toBe(404);
      const page = await call(jira, 'GET', '/browse/FLOW-1');
      expect(page.status).toBe(404);
      expect(page.headers.get('content-type')).toBe('text/html;charset=UTF-8');
    });

    test('a body that is not JSON is refused: a form by the XSRF check, malformed JSON as 400', async () => {
      const form = await send(`${jira.url}/rest/api/3/issue/FLOW-1/comment`, {
        method: 'POST',
        headers: { authorization: AS_BOT, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'body=hi',
      });
      expect([form.status, form.body]).toEqual([403, 'XSRF check failed']);
      const noCheck = await send(`${jira.url}/rest/api/3/issue/FLOW-1/comment`, {
        method: 'POST',
        headers: { authorization: AS_BOT, 'content-type': 'text/plain', 'x-atlassian-token': 'no-check' },
        body: 'hi',
      });
      expect(noCheck.status).toBe(415);
      const malformed = await send(`${jira.url}/rest/api/3/issue/FLOW-1/comment`, {
        method: 'POST',
        headers: { authorization: AS_BOT, 'content-type': 'application/json' },
        body: '{"body":',
      });
      expect(malformed.status).toBe(400);
      expect(jira.issue('FLOW-1').comments).toEqual([]);
    });

    test('refuses definitions that do not hold together', async () => {
      const badWorkflow: JiraWorkflowDef = {
        ...WORKFLOW,
        transitions: [{ id: '1', name: 'x', from: ['Nowhere'], to: 'Done' }],
      };
      await expect(
        JiraEmulator.start(site({ projects: [{ key: 'FLOW', workflow: badWorkflow }], issues: [] })),
      ).rejects.toThrow('names status "Nowhere"');
      await expect(
        JiraEmulator.start(site({ credentials: [{ accountId: 'nobody', email: 'x@y', apiToken: 't' }] })),
      ).rejects.toThrow('names a user not in users');
      await expect(JiraEmulator.start(site({ issues: [{ key: 'NOPE-1', summary: 'x' }] }))).rejects.toThrow(
        'no project NOPE',
      );
      expect(() => jira.addIssue({ key: 'FLOW-9', summary: 'x', status: 'Closed' })).toThrow(
        'has no status "Closed"',
      );
      expect(() => jira.issue('FLOW-99')).toThrow('Unknown issue "FLOW-99"');
    });
  });

  describe('authentication', () => {
    test("no credentials is 401 with Jira's error collection", async () => {
      const answer = await call(jira, 'GET', '/rest/api/3/issue/FLOW-1', undefined, null);
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({
        errorMessages: ['You are not authenticated. Authentication required to perform this operation.'],
        errors: {},
      });
    });

    test('a wrong API token, a wrong email or a bearer token is 401 in plain text', async () => {
      for (const authorization of [
        basic('bot@example.com', 'wrong'),
        basic('other@example.com', 'bot-token'),
        'Bearer bot-pat',
      ]) {
        const answer = await call(jira, 'GET', '/rest/api/3/myself', undefined, authorization);
        expect([answer.status, answer.body]).toEqual([
          401,
          'Client must be authenticated to access this resource.',
        ]);
        expect(answer.headers.get('x-seraph-loginreason')).toBe('AUTHENTICATED_FAILED');
      }
    });

    test('the email is matched without regard to case', async () => {
      expect(
        (await call(jira, 'GET', '/rest/api/3/myself', undefined, basic('BOT@Example.com', 'bot-token')))
          .status,
      ).toBe(200);
    });

    test('the defaults give one user with a working Cloud credential', async () => {
      const defaults = await JiraEmulator.start({ now: () => START });
      try {
        const me = await call(
          defaults,
          'GET',
          '/rest/api/3/myself',
          undefined,
          basic(DEFAULT_JIRA_EMAIL, DEFAULT_JIRA_API_TOKEN),
        );
        expect(me.body.accountId).toBe(DEFAULT_JIRA_ACCOUNT_ID);
        defaults.addIssue({ key: 'FLOW-1', summary: 'x' });
        expect(defaults.issue('FLOW-1').status).toBe('To Do');
      } finally {
        await defaults.stop();
      }
    });
  });

  describe('GET /issue/{key}', () => {
    test("answers every field by default, in Jira's shapes", async () => {
      const answer = await call(jira, 'GET', '/rest/api/3/issue/FLOW-1');
      expect(answer.status).toBe(200);
      const issue = answer.body;
      expect(issue).toMatchObject({ id: '10000', key: 'FLOW-1', self: `${jira.url}/rest/api/3/issue/10000` });
      expect(issue.fields).toMatchObject({
        summary: 'Top 5 deployments widget',
        status: { id: '10000', name: 'To Do', statusCategory: { key: 'new', name: 'To Do' } },
        labels: ['team-frontend'],
        components: [{ name: 'dashboard' }],
        priority: { name: 'Medium' },
        issuetype: { name: 'Story' },
        assignee: { accountId: ALICE, displayName: 'Alice Example', active: true },
        reporter: { accountId: BOB },
        project: { id: '10100', key: 'FLOW', name: 'Flowkit' },
        fixVersions: [],
        resolution: null,
        created: '2026-11-20T10:00:00.000+0000',
        description: {
          type: 'doc',
          version: 1,
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Show the five' }] },
            { type: 'paragraph', content: [{ type: 'text', text: 'most active' }] },
          ],
        },
      });
      expect(issue.fields.issuetype.id).toMatch(/^\d+$/);
      expect(issue.properties).toBeUndefined();
      const unassigned = await call(jira, 'GET', '/rest/api/3/issue/FLOW-2?fields=assignee');
      expect(unassigned.body.fields).toEqual({ assignee: null });
    });

    test('fields and properties pick what is answered', async () => {
      const answer = await call(
        jira,
        'GET',
        '/rest/api/3/issue/FLOW-1?fields=summary,status&properties=flowkit.state',
      );
      expect(Object.keys(answer.body.fields)).toEqual(['summary', 'status']);
      expect(answer.body.properties).toEqual({ 'flowkit.state': { step: 1 } });
      const navigable = await call(jira, 'GET', '/rest/api/3/issue/FLOW-1?fields=*all,-comment,-description');
      expect(Object.keys(navigable.body.fields)).not.toContain('comment');
      expect(Object.keys(navigable.body.fields)).not.toContain('description');
      expect(Object.keys(navigable.body.fields)).toContain('labels');
    });

    test('finds an issue by id or lower-case key; v2 shows the description as text', async () => {
      expect((await call(jira, 'GET', '/rest/api/3/issue/10001?fields=summary')).body.key).toBe('FLOW-2');
      expect((await call(jira, 'GET', '/rest/api/3/issue/flow-2?fields=summary')).body.key).toBe('FLOW-2');
      const v2 = await call(jira, 'GET', '/rest/api/2/issue/FLOW-1?fields=description,assignee');
      expect(v2.body.fields.description).toBe('Show the five\nmost active');
      expect(v2.body.fields.assignee.self).toBe(`${jira.url}/rest/api/2/user?accountId=${ALICE}`);
    });

    test('an unknown issue and one the caller may not browse get the same 404', async () => {
      const expected = {
        errorMessages: ['Issue does not exist or you do not have permission to see it.'],
        errors: {},
      };
      const unknown = await call(jira, 'GET', '/rest/api/3/issue/FLOW-404');
      const hidden = await call(jira, 'GET', '/rest/api/3/issue/FLOW-1', undefined, AS_OUTSIDER);
      expect([unknown.status, unknown.body]).toEqual([404, expected]);
      expect([hidden.status, hidden.body]).toEqual([404, expected]);
    });
  });

  describe('PUT /issue/{key}', () => {
    test('adds and removes labels, sets fields and fix versions by name', async () => {
      clock = START + 1000;
      const answer = await call(jira, 'PUT', '/rest/api/3/issue/FLOW-1', {
        fields: {
          summary: 'Renamed',
          fixVersions: [{ name: '1.1' }],
          priority: { name: 'High' },
          components: [{ name: 'api' }],
        },
        update: { labels: [{ add: 'deployed' }, { remove: 'team-frontend' }] },
      });
      expect(answer.status).toBe(204);
      expect(jira.issue('FLOW-1')).toMatchObject({
        summary: 'Renamed',
        labels: ['deployed'],
        fixVersions: ['1.1'],
        priority: 'High',
        components: ['api'],
      });
      const read = await call(jira, 'GET', '/rest/api/3/issue/FLOW-1?fields=updated,fixVersions');
      expect(read.body.fields.updated).toBe('2026-11-20T10:00:01.000+0000');
      expect(read.body.fields.fixVersions).toEqual([expect.objectContaining({ name: '1.1' })]);
      expect(
        (await call(jira, 'PUT', '/rest/api/3/issue/FLOW-1', { fields: { labels: ['a', 'b'] } })).status,
      ).toBe(204);
      expect(jira.issue('FLOW-1').labels).toEqual(['a', 'b']);
    });

    test("a field not on the edit screen is 400 in Jira's words, and nothing changes", async () => {
      const answer = await call(jira, 'PUT', '/rest/api/3/issue/FLOW-1', {
        fields: { summary: 'Changed?', resolution: { name: 'Done' }, customfield_10001: 3 },
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        errorMessages: [],
        errors: {
          resolution: "Field 'resolution' cannot be set. It is not on the appropriate screen, or unknown.",
          customfield_10001:
            "Field 'customfield_10001' cannot be set. It is not on the appropriate screen, or unknown.",
        },
      });
      expect(jira.issue('FLOW-1').summary).toBe('Top 5 deployments widget');
    });

    test('refuses unknown versions and components, labels with spaces, and a v3 description that is not ADF', async () => {
      const answer = await call(jira, 'PUT', '/rest/api/3/issue/FLOW-1', {
        fields: { fixVersions: [{ name: '9.9' }], components: [{ name: 'nope' }], description: 'plain text' },
        update: { labels: [{ add: 'two words' }] },
      });
      expect(answer.body.errors).toEqual({
        fixVersions: "Version name '9.9' is not valid",
        components: "Component name 'nope' is not valid",
        description: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)',
        labels: "The label 'two words' contains spaces which is invalid.",
      });
      expect(
        (await call(jira, 'PUT', '/rest/api/3/issue/FLOW-1', { fields: { description: adf('New') } })).status,
      ).toBe(204);
      expect(
        (await call(jira, 'PUT', '/rest/api/2/issue/FLOW-1', { fields: { description: 'Via v2' } })).status,
      ).toBe(204);
      expect(
        (await call(jira, 'GET', '/rest/api/3/issue/FLOW-1?fields=description')).body.fields.description,
      ).toEqual(adf('Via v2'));
    });

    test('needs Edit Issues, a body, and answers the issue with returnIssue', async () => {
      const denied = await call(
        jira,
        'PUT',
        '/rest/api/3/issue/FLOW-1',
        { fields: { summary: 'x' } },
        AS_READER,
      );
      expect([denied.status, denied.body.errorMessages]).toEqual([
        403,
        ['You do not have permission to edit issues in this project.'],
      ]);
      expect((await call(jira, 'PUT', '/rest/api/3/issue/FLOW-1')).status).toBe(400);
      const returned = await call(jira, 'PUT', '/rest/api/3/issue/FLOW-1?returnIssue=true', {
        fields: { summary: 'Back' },
      });
      expect([returned.status, returned.body.fields.summary]).toEqual([200, 'Back']);
    });
  });

  describe('POST /issue', () => {
    test('creates the next key of the project, reported by the caller, in the first status', async () => {
      const answer = await call(jira, 'POST', '/rest/api/3/issue', {
        fields: {
          project: { key: 'FLOW' },
          issuetype: { name: 'Bug' },
          summary: 'New bug',
          labels: ['triage'],
          description: adf('Broken'),
        },
      });
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual({ id: '10004', key: 'FLOW-4', self: `${jira.url}/rest/api/3/issue/10004` });
      expect(jira.issue('FLOW-4')).toMatchObject({ status: 'To Do', labels: ['triage'], summary: 'New bug' });
    });

    test('names every missing or invalid field, and creates nothing when a field is refused', async () => {
      const missing = await call(jira, 'POST', '/rest/api/3/issue', {
        fields: { project: { key: 'FLOW' }, issuetype: { name: 'Epic' } },
      });
      expect(missing.body.errors).toEqual({
        issuetype: 'Specify a valid issue type',
        summary: 'You must specify a summary of the issue.',
      });
      const denied = await call(jira, 'POST', '/rest/api/3/issue', { fields: { summary: 'x' } }, AS_READER);
      expect([denied.status, denied.body.errorMessages]).toEqual([
        403,
        ['You do not have permission to create issues in this project.'],
      ]);
      const noProject = await call(jira, 'POST', '/rest/api/3/issue', { fields: { summary: 'x' } });
      expect(noProject.body.errors.project).toBe('Specify a valid project ID or key');
      const badLabel = await call(jira, 'POST', '/rest/api/3/issue', {
        fields: { project: { id: '10100' }, issuetype: { name: 'Story' }, summary: 'x', labels: ['a b'] },
      });
      expect(badLabel.status).toBe(400);
      expect(() => jira.issue('FLOW-4')).toThrow();
    });
  });

  describe('transitions', () => {
    test('lists the transitions available from the current status, global ones included', async () => {
      const fromToDo = await call(jira, 'GET', '/rest/api/3/issue/FLOW-1/transitions');
      expect(fromToDo.body.transitions.map((t: Json) => t.id)).toEqual(['11']);
      const fromProgress = await call(jira, 'GET', '/rest/api/3/issue/FLOW-2/transitions');
      expect(fromProgress.body.transitions.map((t: Json) => [t.id, t.isGlobal])).toEqual([
        ['21', false],
        ['41', true],
      ]);
      expect(fromProgress.body.transitions[0]).toEqual({
        id: '21',
        name: 'Request review',
        to: expect.objectContaining({
          id: '10001',
          name: 'In Review',
          statusCategory: expect.objectContaining({ key: 'indeterminate' }),
        }),
        hasScreen: true,
        isGlobal: false,
        isInitial: false,
        isAvailable: true,
        isConditional: false,
        isLooped: false,
      });
    });

    test('expand=transitions.fields describes the screen; transitionId picks one', async () => {
      const answer = await call(
        jira,
        'GET',
        '/rest/api/3/issue/FLOW-3/transitions?expand=transitions.fields',
      );
      const resolve = answer.body.transitions.find((t: Json) => t.id === '31');
      expect(Object.keys(resolve.fields)).toEqual(['resolution', 'fixVersions', 'comment']);
      expect(resolve.fields.resolution).toMatchObject({
        required: true,
        key: 'resolution',
        operations: ['set'],
      });
      expect(resolve.fields.resolution.allowedValues.map((v: Json) => v.name)).toEqual([
        'Done',
        "Won't Do",
        'Duplicate',
      ]);
      expect(resolve.fields.fixVersions.allowedValues.map((v: Json) => v.name)).toEqual(['1.0', '1.1']);
      const one = await call(jira, 'GET', '/rest/api/3/issue/FLOW-3/transitions?transitionId=41');
      expect(one.body.transitions.map((t: Json) => t.id)).toEqual(['41']);
      expect(one.body.transitions[0].fields).toBeUndefined();
    });

    test('a caller without Transition Issues sees no transitions and may not move the issue', async () => {
      expect(
        (await call(jira, 'GET', '/rest/api/3/issue/FLOW-1/transitions', undefined, AS_READER)).body
          .transitions,
      ).toEqual([]);
      const move = await call(
        jira,
        'POST',
        '/rest/api/3/issue/FLOW-1/transitions',
        { transition: { id: '11' } },
        AS_READER,
      );
      expect([move.status, move.body.errorMessages]).toEqual([
        400,
        ['You do not have permission to transition this issue.'],
      ]);
      expect(jira.issue('FLOW-1').status).toBe('To Do');
    });

    test('moves the issue and records the move at the emulator clock', async () => {
      clock = START + 60_000;
      expect(
        (await call(jira, 'POST', '/rest/api/3/issue/FLOW-1/transitions', { transition: { id: '11' } }))
          .status,
      ).toBe(204);
      expect(jira.issue('FLOW-1')).toMatchObject({
        status: 'In Progress',
        transitions: [{ id: '11', from: 'To Do', to: 'In Progress', at: START + 60_000 }],
      });
      // A numeric id is read like its string.
      expect(
        (await call(jira, 'POST', '/rest/api/3/issue/FLOW-1/transitions', { transition: { id: 41 } })).status,
      ).toBe(204);
      expect(jira.issue('FLOW-1').status).toBe('To Do');
    });

    test("a transition not available now, or no transition at all, is 400 in Jira's words", async () => {
      const unavailable = await call(jira, 'POST', '/rest/api/3/issue/FLOW-1/transitions', {
        transition: { id: '31' },
      });
      expect([unavailable.status, unavailable.body]).toEqual([
        400,
        { errorMessages: ["Transition id '31' is not valid for this issue."], errors: {} },
      ]);
      const globalToItself = await call(jira, 'POST', '/rest/api/3/issue/FLOW-1/transitions', {
        transition: { id: '41' },
      });
      expect(globalToItself.body.errorMessages).toEqual(["Transition id '41' is not valid for this issue."]);
      const missing = await call(jira, 'POST', '/rest/api/3/issue/FLOW-1/transitions', { fields: {} });
      expect(missing.body.errorMessages).toEqual(["Missing 'transition' identifier"]);
      const notInteger = await call(jira, 'POST', '/rest/api/3/issue/FLOW-1/transitions', {
        transition: { id: 'Done' },
      });
      expect(notInteger.body.errorMessages).toEqual(["'transition' identifier must be an integer"]);
      expect(jira.issue('FLOW-1').transitions).toEqual([]);
    });

    test('sets the fields on the screen, and refuses fields that are not on it', async () => {
      const offScreen = await call(jira, 'POST', '/rest/api/3/issue/FLOW-1/transitions', {
        transition: { id: '11' },
        update: { labels: [{ add: 'started' }] },
      });
      expect(offScreen.body).toEqual({
        errorMessages: [],
        errors: { labels: "Field 'labels' cannot be set. It is not on the appropriate screen, or unknown." },
      });
      expect(jira.issue('FLOW-1').status).toBe('To Do');
      const onScreen = await call(jira, 'POST', '/rest/api/3/issue/FLOW-2/transitions', {
        transition: { id: '21' },
        fields: { assignee: { accountId: BOB } },
        update: { labels: [{ add: 'in-review' }], comment: [{ add: { body: adf('Ready for review') } }] },
      });
      expect(onScreen.status).toBe(204);
      expect(jira.issue('FLOW-2')).toMatchObject({
        status: 'In Review',
        assignee: BOB,
        labels: ['priority-high', 'service-dashboard', 'in-review'],
        comments: [{ author: BOT, body: adf('Ready for review') }],
      });
    });

    test('a resolution screen needs a known resolution; reopening clears it', async () => {
      const none = await call(jira, 'POST', '/rest/api/3/issue/FLOW-3/transitions', {
        transition: { id: '31' },
      });
      expect(none.body.errors).toEqual({ resolution: 'Resolution is required.' });
      const unknown = await call(jira, 'POST', '/rest/api/3/issue/FLOW-3/transitions', {
        transition: { id: '31' },
        fields: { resolution: { name: 'Fixed' } },
      });
      expect(unknown.body.errors).toEqual({
        resolution: "Could not find valid 'id' or 'name' in resolution object.",
      });
      const done = await call(jira, 'POST', '/rest/api/3/issue/FLOW-3/transitions', {
        transition: { id: '31' },
        fields: { resolution: { name: "Won't Do" }, fixVersions: [{ name: '1.0' }] },
      });
      expect(done.status).toBe(204);
      expect(jira.issue('FLOW-3')).toMatchObject({
        status: 'Done',
        resolution: "Won't Do",
        fixVersions: ['1.0'],
      });
      const read = await call(jira, 'GET', '/rest/api/3/issue/FLOW-3?fields=resolution,resolutiondate');
      expect(read.body.fields.resolution).toMatchObject({ name: "Won't Do" });
      expect(read.body.fields.resolutiondate).toBe('2026-11-20T10:00:00.000+0000');
      await call(jira, 'POST', '/rest/api/3/issue/FLOW-3/transitions', { transition: { id: '41' } });
      expect(jira.issue('FLOW-3')).toMatchObject({ status: 'To Do', resolution: undefined });
    });

    test("a done status reached without a resolution screen gets resolution Done, as Jira's shipped workflows do", async () => {
      jira.addIssue({ key: 'OPS-2', summary: 'x', issueType: 'Task', status: 'In Review' });
      expect(
        (await call(jira, 'POST', '/rest/api/3/issue/OPS-2/transitions', { transition: { id: '41' } }))
          .status,
      ).toBe(204);
      expect(jira.issue('OPS-2')).toMatchObject({ status: 'Done', resolution: 'Done' });
    });

    test('a comment on a transition needs Add Comments', async () => {
      const limited = await JiraEmulator.start(
        site({
          credentials: [
            {
              accountId: BOT,
              email: 'bot@example.com',
              apiToken: 'bot-token',
              permissions: ['BROWSE_PROJECTS', 'TRANSITION_ISSUES'],
            },
          ],
        }),
      );
      try {
        const answer = await call(limited, 'POST', '/rest/api/3/issue/FLOW-2/transitions', {
          transition: { id: '21' },
          update: { comment: [{ add: { body: adf('x') } }] },
        });
        expect([answer.status, answer.body.errorMessages]).toEqual([
          403,
          ['You do not have the permission to comment on this issue.'],
        ]);
        expect(limited.issue('FLOW-2').status).toBe('In Progress');
      } finally {
        await limited.stop();
      }
    });
  });

  describe('comments', () => {
    test('v3 takes an ADF document and answers the comment with its author and Jira timestamps', async () => {
      clock = START + 2000;
      const answer = await call(jira, 'POST', '/rest/api/3/issue/FLOW-1/comment', {
        body: adf('Deployed to staging'),
      });
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({
        id: '10000',
        self: `${jira.url}/rest/api/3/issue/10000/comment/10000`,
        author: { accountId: BOT, displayName: 'Flowkit Bot' },
        body: adf('Deployed to staging'),
        created: '2026-11-20T10:00:02.000+0000',
        updated: '2026-11-20T10:00:02.000+0000',
      });
      expect(jira.issue('FLOW-1').comments).toEqual([
        {
          id: '10000',
          author: BOT,
          body: adf('Deployed to staging'),
          created: '2026-11-20T10:00:02.000+0000',
        },
      ]);
    });

    test('v3 refuses anything but a valid ADF document; an empty body has its own message', async () => {
      const invalid = { errorMessages: [], errors: { comment: 'Comment body is not valid!' } };
      for (const body of [
        'plain text',
        { type: 'doc', version: 1, content: [{ type: 'marquee', content: [] }] },
        { type: 'doc', version: 2, content: [] },
        {
          type: 'doc',
          version: 1,
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'blink' }] }] },
          ],
        },
      ]) {
        const answer = await call(jira, 'POST', '/rest/api/3/issue/FLOW-1/comment', { body });
        expect([answer.status, answer.body]).toEqual([400, invalid]);
      }
      const empty = await call(jira, 'POST', '/rest/api/3/issue/FLOW-1/comment', {
        body: { type: 'doc', version: 1, content: [] },
      });
      expect(empty.body.errors).toEqual({ comment: 'Comment body can not be empty!' });
      expect(jira.issue('FLOW-1').comments).toEqual([]);
    });

    test("v2 takes a string; each version shows the other's comments in its own format", async () => {
      expect((await call(jira, 'POST', '/rest/api/2/issue/FLOW-1/comment', { body: 'from v2' })).status).toBe(
        201,
      );
      expect(
        (await call(jira, 'POST', '/rest/api/2/issue/FLOW-1/comment', { body: adf('x') })).body.errors,
      ).toEqual({
        comment: 'Comment body is not valid!',
      });
      await call(jira, 'POST', '/rest/api/3/issue/FLOW-1/comment', { body: adf('from v3') });
      const v3 = await call(jira, 'GET', '/rest/api/3/issue/FLOW-1/comment');
      expect(v3.body.comments.map((c: Json) => c.body)).toEqual([adf('from v2'), adf('from v3')]);
      const v2 = await call(jira, 'GET', '/rest/api/2/issue/FLOW-1/comment');
      expect(v2.body.comments.map((c: Json) => c.body)).toEqual(['from v2', 'from v3']);
    });

    test('pages with startAt and maxResults, and orders by created either way', async () => {
      for (let i = 0; i < 5; i++) {
        clock = START + i * 1000;
        await call(jira, 'POST', '/rest/api/3/issue/FLOW-1/comment', { body: adf(`c${i}`) });
      }
      const firstPage = await call(jira, 'GET', '/rest/api/3/issue/FLOW-1/comment?startAt=1&maxResults=2');
      expect(firstPage.body).toMatchObject({ startAt: 1, maxResults: 2, total: 5 });
      expect(firstPage.body.comments.map((c: Json) => c.body.content[0].content[0].text)).toEqual([
        'c1',
        'c2',
      ]);
      const newest = await call(
        jira,
        'GET',
        '/rest/api/3/issue/FLOW-1/comment?orderBy=-created&maxResults=1',
      );
      expect(newest.body.comments[0].body).toEqual(adf('c4'));
      expect((await call(jira, 'GET', '/rest/api/3/issue/FLOW-1/comment')).body.maxResults).toBe(100);
      expect((await call(jira, 'GET', '/rest/api/3/issue/FLOW-1/comment?orderBy=updated')).status).toBe(400);
    });

    test('reads and updates one comment; only its author (or an admin) may edit it', async () => {
      const created = await call(jira, 'POST', '/rest/api/3/issue/FLOW-1/comment', { body: adf('first') });
      const path = `/rest/api/3/issue/FLOW-1/comment/${created.body.id}`;
      expect((await call(jira, 'GET', path)).body.body).toEqual(adf('first'));
      clock = START + 9000;
      const updated = await call(jira, 'PUT', path, { body: adf('edited') });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({
        body: adf('edited'),
        updated: '2026-11-20T10:00:09.000+0000',
        created: '2026-11-20T10:00:00.000+0000',
      });
      const someoneElse = await call(jira, 'PUT', path, { body: adf('hijack') }, AS_READER);
      expect([someoneElse.status, someoneElse.body.errorMessages]).toEqual([
        400,
        ['You do not have the permission to edit this comment.'],
      ]);
      expect((await call(jira, 'PUT', path, { body: adf('by admin') }, AS_ADMIN)).status).toBe(200);
      const missing = await call(jira, 'GET', '/rest/api/3/issue/FLOW-1/comment/99999');
      expect([missing.status, missing.body.errorMessages]).toEqual([
        404,
        ['Can not find a comment for the id: 99999.'],
      ]);
    });

    test('adding a comment needs Add Comments', async () => {
      const answer = await call(
        jira,
        'POST',
        '/rest/api/3/issue/FLOW-1/comment',
        { body: adf('x') },
        AS_READER,
      );
      expect([answer.status, answer.body]).toEqual([
        403,
        { errorMessages: ['You do not have the permission to comment on this issue.'], errors: {} },
      ]);
    });
  });

  describe('PUT /issue/{key}/assignee', () => {
    test('assigns by accountId; null and "-1" leave it unassigned', async () => {
      expect((await call(jira, 'PUT', '/rest/api/3/issue/FLOW-2/assignee', { accountId: BOB })).status).toBe(
        204,
      );
      expect(jira.issue('FLOW-2').assignee).toBe(BOB);
      expect((await call(jira, 'PUT', '/rest/api/3/issue/FLOW-2/assignee', { accountId: null })).status).toBe(
        204,
      );
      expect(jira.issue('FLOW-2').assignee).toBeUndefined();
      await call(jira, 'PUT', '/rest/api/3/issue/FLOW-2/assignee', { accountId: ALICE });
      expect((await call(jira, 'PUT', '/rest/api/3/issue/FLOW-2/assignee', { accountId: '-1' })).status).toBe(
        204,
      );
      expect(jira.issue('FLOW-2').assignee).toBeUndefined();
    });

    test('an unknown or inactive user cannot be assigned; a user name is refused in GDPR strict mode', async () => {
      const unknown = await call(jira, 'PUT', '/rest/api/3/issue/FLOW-2/assignee', { accountId: 'nobody' });
      expect([unknown.status, unknown.body]).toEqual([
        400,
        { errorMessages: [], errors: { assignee: "User 'nobody' cannot be assigned issues." } },
      ]);
      const inactive = await call(jira, 'PUT', '/rest/api/3/issue/FLOW-2/assignee', { accountId: CAROL });
      expect(inactive.body.errors.assignee).toBe(`User '${CAROL}' cannot be assigned issues.`);
      const byName = await call(jira, 'PUT', '/rest/api/3/issue/FLOW-2/assignee', { name: 'alice' });
      expect(byName.body.errorMessages).toEqual([
        "'accountId' must be the only user identifying query parameter in GDPR strict mode.",
      ]);
      expect(jira.issue('FLOW-2').assignee).toBeUndefined();
    });

    test('needs Assign Issues', async () => {
      const answer = await call(
        jira,
        'PUT',
        '/rest/api/3/issue/FLOW-2/assignee',
        { accountId: ALICE },
        AS_READER,
      );
      expect([answer.status, answer.body.errorMessages]).toEqual([
        403,
        ['You do not have permission to assign issues.'],
      ]);
    });
  });

  describe('users', () => {
    test('/myself answers the caller with locale, groups and application roles', async () => {
      const me = await call(jira, 'GET', '/rest/api/3/myself');
      expect(me.body).toMatchObject({
        accountId: BOT,
        accountType: 'atlassian',
        emailAddress: 'bot@example.com',
        displayName: 'Flowkit Bot',
        active: true,
        timeZone: 'Etc/UTC',
        locale: 'en_US',
        groups: { size: 0, items: [] },
        self: `${jira.url}/rest/api/3/user?accountId=${BOT}`,
      });
      expect(me.body.name).toBeUndefined();
    });

    test('/user finds by accountId and refuses user names, a missing id or a caller who may not browse users', async () => {
      expect((await call(jira, 'GET', `/rest/api/3/user?accountId=${ALICE}`)).body.displayName).toBe(
        'Alice Example',
      );
      const unknown = await call(jira, 'GET', '/rest/api/3/user?accountId=nobody');
      expect(unknown.status).toBe(404);
      const byName = await call(jira, 'GET', '/rest/api/3/user?username=alice');
      expect([byName.status, byName.body.errorMessages]).toEqual([
        400,
        ["The query parameter 'username' is not supported in GDPR strict mode."],
      ]);
      expect((await call(jira, 'GET', '/rest/api/3/user')).status).toBe(400);
      expect(
        (await call(jira, 'GET', `/rest/api/3/user?accountId=${ALICE}`, undefined, AS_READER)).status,
      ).toBe(403);
    });

    test('/user/search matches the start of the display name, a word of it, or the email, and pages', async () => {
      const names = async (query: string, extra = '') =>
        (
          await call(jira, 'GET', `/rest/api/3/user/search?query=${encodeURIComponent(query)}${extra}`)
        ).body.map((u: Json) => u.displayName);
      expect(await names('ali')).toEqual(['Alice Example']);
      expect(await names('builder')).toEqual(['Bob Builder']);
      expect(await names('carol@')).toEqual(['Carol Gone']);
      expect(await names('a')).toEqual(['Alice Example', 'Ada Admin']);
      expect(await names('a', '&maxResults=1')).toEqual(['Alice Example']);
      expect(await names('a', '&startAt=1')).toEqual(['Ada Admin']);
      expect((await call(jira, 'GET', '/rest/api/3/user/search')).status).toBe(400);
      // Without Browse users and groups, Jira Cloud answers an empty list.
      expect(
        (await call(jira, 'GET', '/rest/api/3/user/search?query=ali', undefined, AS_READER)).body,
      ).toEqual([]);
    });

    test('/user/assignable/search offers active users for an issue or project', async () => {
      const names = async (query: string) =>
        (await call(jira, 'GET', `/rest/api/3/user/assignable/search?${query}`)).body.map(
          (u: Json) => u.displayName,
        );
      expect(await names('issueKey=FLOW-1&query=c')).toEqual([]);
      expect(await names('issueKey=FLOW-1&query=Bob')).toEqual(['Bob Builder']);
      expect(await names('project=FLOW')).toEqual([
        'Flowkit Bot',
        'Alice Example',
        'Bob Builder',
        'Ada Admin',
      ]);
      expect((await call(jira, 'GET', '/rest/api/3/user/assignable/search?query=a')).status).toBe(400);
      expect((await call(jira, 'GET', '/rest/api/3/user/assignable/search?issueKey=FLOW-404')).status).toBe(
        404,
      );
      expect((await call(jira, 'GET', '/rest/api/3/user/assignable/search?project=NOPE')).status).toBe(404);
    });
  });

  describe('search', () => {
    test('/search/jql answers only the asked fields; without fields only id, key and self', async () => {
      const answer = await call(
        jira,
        'GET',
        `/rest/api/3/search/jql?jql=${encodeURIComponent('project = FLOW ORDER BY key')}&fields=summary,status`,
      );
      expect(answer.status).toBe(200);
      expect(answer.body.isLast).toBe(true);
      expect(answer.body.nextPageToken).toBeUndefined();
      expect(answer.body.issues.map((i: Json) => [i.key, Object.keys(i.fields)])).toEqual([
        ['FLOW-1', ['summary', 'status']],
        ['FLOW-2', ['summary', 'status']],
        ['FLOW-3', ['summary', 'status']],
      ]);
      const bare = await call(
        jira,
        'GET',
        `/rest/api/3/search/jql?jql=${encodeURIComponent('key = FLOW-1')}`,
      );
      expect(bare.body.issues).toEqual([
        expect.objectContaining({ id: '10000', key: 'FLOW-1', self: `${jira.url}/rest/api/3/issue/10000` }),
      ]);
      expect(bare.body.issues[0].fields).toBeUndefined();
    });

    test('POST /search/jql takes the same in a body, with properties', async () => {
      const answer = await call(jira, 'POST', '/rest/api/3/search/jql', {
        jql: 'key = FLOW-1',
        fields: ['labels'],
        properties: ['flowkit.state'],
        maxResults: 10,
      });
      expect(answer.body.issues).toEqual([
        expect.objectContaining({
          key: 'FLOW-1',
          fields: { labels: ['team-frontend'] },
          properties: { 'flowkit.state': { step: 1 } },
        }),
      ]);
    });

    test('pages with nextPageToken until isLast, and refuses a token from another query', async () => {
      const jql = 'project in (FLOW, OPS) ORDER BY key ASC';
      const seen: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const answer = await call(jira, 'POST', '/rest/api/3/search/jql', {
          jql,
          maxResults: 3,
          nextPageToken: token,
        });
        seen.push(...answer.body.issues.map((i: Json) => i.key));
        token = answer.body.nextPageToken;
        expect(answer.body.isLast).toBe(token === undefined);
        pages++;
      } while (token);
      expect([pages, seen]).toEqual([2, ['FLOW-1', 'FLOW-2', 'FLOW-3', 'OPS-1']]);
      const first = await call(
        jira,
        'GET',
        `/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}&maxResults=1`,
      );
      const wrong = await call(
        jira,
        'GET',
        `/rest/api/3/search/jql?jql=project%3DFLOW&nextPageToken=${first.body.nextPageToken}`,
      );
      expect(wrong.status).toBe(400);
    });

    test('maxResults defaults to 50 and is capped at 100', async () => {
      for (let i = 4; i <= 120; i++) jira.addIssue({ key: `FLOW-${i}`, summary: `bulk ${i}` });
      const byDefault = await call(jira, 'GET', '/rest/api/3/search/jql?jql=project%3DFLOW');
      expect(byDefault.body.issues).toHaveLength(50);
      const capped = await call(jira, 'GET', '/rest/api/3/search/jql?jql=project%3DFLOW&maxResults=500');
      expect([capped.body.issues.length, capped.body.isLast]).toEqual([100, false]);
    });

    test('an unbounded query is refused by enhanced search', async () => {
      for (const jql of ['', 'ORDER BY created DESC']) {
        const answer = await call(jira, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}`);
        expect([answer.status, answer.body.errorMessages]).toEqual([
          400,
          ['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'],
        ]);
      }
    });

    test('the legacy search is gone from Cloud, in both versions and both methods', async () => {
      const message =
        'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046';
      for (const [method, path] of [
        ['GET', '/rest/api/3/search?jql=project%3DFLOW'],
        ['POST', '/rest/api/3/search'],
        ['GET', '/rest/api/2/search?jql=project%3DFLOW'],
        ['POST', '/rest/api/2/search'],
      ] as const) {
        const answer = await call(
          jira,
          method,
          path,
          method === 'POST' ? { jql: 'project = FLOW' } : undefined,
        );
        expect([answer.status, answer.body]).toEqual([410, { errorMessages: [message], errors: {} }]);
      }
    });

    test('approximate-count counts what a query finds', async () => {
      const answer = await call(jira, 'POST', '/rest/api/3/search/approximate-count', {
        jql: 'project = FLOW',
      });
      expect(answer.body).toEqual({ count: 3 });
    });

    test('a caller finds only issues it may browse', async () => {
      expect(await keys('project = FLOW', AS_READER)).toHaveLength(3);
      expect(await keys('created >= -1d', AS_OUTSIDER)).toEqual([]);
      const project = await call(
        jira,
        'GET',
        `/rest/api/3/search/jql?jql=${encodeURIComponent('project = FLOW')}`,
        undefined,
        AS_OUTSIDER,
      );
      expect(project.body.errorMessages).toEqual([
        "The value 'FLOW' does not exist for the field 'project'.",
      ]);
      const hidden = await call(
        jira,
        'GET',
        `/rest/api/3/search/jql?jql=${encodeURIComponent('key = FLOW-1')}`,
        undefined,
        AS_OUTSIDER,
      );
      expect(hidden.body.errorMessages).toEqual([
        "An issue with key 'FLOW-1' does not exist for field 'key'.",
      ]);
    });
  });

  describe('JQL', () => {
    test('key = and key in, quoted or not, any case', async () => {
      expect(await keys('key = FLOW-1')).toEqual(['FLOW-1']);
      expect(await keys('issuekey = "flow-2"')).toEqual(['FLOW-2']);
      expect(await keys('key in (FLOW-1, OPS-1) ORDER BY key')).toEqual(['FLOW-1', 'OPS-1']);
      expect(await keys("key IN ('FLOW-3','FLOW-2') order by key desc")).toEqual(['FLOW-3', 'FLOW-2']);
      expect(await keys('key not in (FLOW-1) AND project = FLOW ORDER BY key')).toEqual(['FLOW-2', 'FLOW-3']);
    });

    test('project by key, name or id; status equal, in, and not equal', async () => {
      expect(await keys('project = OPS')).toEqual(['OPS-1']);
      expect(await keys('project = "Flowkit" ORDER BY key')).toEqual(['FLOW-1', 'FLOW-2', 'FLOW-3']);
      expect(await keys('project = 10100 AND status = "In Progress"')).toEqual(['FLOW-2']);
      expect(await keys('status in ("To Do", "In Review") ORDER BY key')).toEqual([
        'FLOW-1',
        'FLOW-3',
        'OPS-1',
      ]);
      expect(await keys('project = FLOW AND status != "To Do" ORDER BY key')).toEqual(['FLOW-2', 'FLOW-3']);
      expect(await keys("status = 'in progress'")).toEqual(['FLOW-2']);
    });

    test('labels =, in, is EMPTY; != and NOT IN leave out issues without labels, as Jira does', async () => {
      expect(await keys('labels = team-frontend')).toEqual(['FLOW-1']);
      expect(await keys('labels in (priority-high, team-frontend) ORDER BY key')).toEqual([
        'FLOW-1',
        'FLOW-2',
      ]);
      expect(await keys('labels is EMPTY ORDER BY key')).toEqual(['FLOW-3', 'OPS-1']);
      expect(await keys('labels is not EMPTY ORDER BY key')).toEqual(['FLOW-1', 'FLOW-2']);
      expect(await keys('labels != team-frontend')).toEqual(['FLOW-2']);
    });

    test('assignee by accountId, currentUser() and EMPTY', async () => {
      expect(await keys(`assignee = ${ALICE}`)).toEqual(['FLOW-1']);
      expect(await keys(`assignee in (${ALICE}, "${BOB}") ORDER BY key`)).toEqual(['FLOW-1', 'FLOW-3']);
      expect(await keys('assignee is EMPTY ORDER BY key')).toEqual(['FLOW-2', 'OPS-1']);
      expect(await keys('assignee = EMPTY ORDER BY key')).toEqual(['FLOW-2', 'OPS-1']);
      expect(await keys('assignee = currentUser()', AS_READER)).toEqual(['FLOW-1']);
      expect(await keys(`assignee != ${ALICE}`)).toEqual(['FLOW-3']);
      expect(await keys(`reporter = ${BOB}`)).toEqual(['FLOW-1']);
    });

    test('issuetype and other single-value fields', async () => {
      expect(await keys('issuetype = Bug')).toEqual(['FLOW-2']);
      expect(await keys('type in (Task, Bug) ORDER BY key')).toEqual(['FLOW-2', 'OPS-1']);
      expect(await keys('priority = High')).toEqual(['FLOW-2']);
      expect(await keys('component = dashboard')).toEqual(['FLOW-1']);
      expect(await keys('resolution is EMPTY AND project = OPS')).toEqual(['OPS-1']);
    });

    test('created and updated against relative and absolute dates', async () => {
      clock = START + 10 * DAY;
      jira.addIssue({ key: 'FLOW-4', summary: 'fresh' });
      expect(await keys('created >= -7d')).toEqual(['FLOW-4']);
      expect(await keys('created < -1w ORDER BY key')).toEqual(['FLOW-1', 'FLOW-2', 'FLOW-3', 'OPS-1']);
      expect(await keys('created >= "2026-11-30"')).toEqual(['FLOW-4']);
      expect(await keys('created <= "2026/11/20 10:00" AND key = FLOW-1')).toEqual(['FLOW-1']);
      clock = START + 11 * DAY + 1000;
      await call(jira, 'PUT', '/rest/api/3/issue/FLOW-2', { fields: { summary: 'touched' } });
      expect(await keys('updated >= -1d ORDER BY key')).toEqual(['FLOW-2']);
      expect(await keys('updated >= "2026-12-01" ORDER BY key')).toEqual(['FLOW-2']);
      expect(await keys('created > "-1w 2d" AND project = FLOW')).toEqual(['FLOW-4']);
    });

    test('AND binds tighter than OR; parentheses and NOT group', async () => {
      expect(await keys('project = OPS OR project = FLOW AND status = "In Review" ORDER BY key')).toEqual([
        'FLOW-3',
        'OPS-1',
      ]);
      expect(await keys('(project = OPS OR project = FLOW) AND status = "To Do" ORDER BY key')).toEqual([
        'FLOW-1',
        'OPS-1',
      ]);
      expect(await keys('project = FLOW AND NOT (status = "To Do") ORDER BY key')).toEqual([
        'FLOW-2',
        'FLOW-3',
      ]);
    });

    test('ORDER BY key, created, priority; newest first without it', async () => {
      expect(await keys('project = FLOW')).toEqual(['FLOW-3', 'FLOW-2', 'FLOW-1']);
      expect(await keys('project = FLOW ORDER BY priority DESC, key ASC')).toEqual([
        'FLOW-2',
        'FLOW-1',
        'FLOW-3',
      ]);
      clock = START + DAY;
      jira.addIssue({ key: 'OPS-2', summary: 'later', issueType: 'Task' });
      expect(await keys('project = OPS ORDER BY created ASC')).toEqual(['OPS-1', 'OPS-2']);
      expect(await keys('project = OPS ORDER BY created DESC')).toEqual(['OPS-2', 'OPS-1']);
    });

    test('values Jira does not know are refused in its words, all at once', async () => {
      expect(await jqlErrors('status = Closed AND project = NOPE')).toEqual([
        "The value 'Closed' does not exist for the field 'status'.",
        "The value 'NOPE' does not exist for the field 'project'.",
      ]);
      expect(await jqlErrors('key in (FLOW-1, FLOW-404, OPS-9)')).toEqual([
        "An issue with key 'FLOW-404' does not exist for field 'key'.",
        "An issue with key 'OPS-9' does not exist for field 'key'.",
      ]);
      expect(await jqlErrors('key = 12x')).toEqual(["The issue key '12x' for field 'key' is invalid."]);
      expect(await jqlErrors('assignee = nobody')).toEqual([
        "The value 'nobody' does not exist for the field 'assignee'.",
      ]);
      expect(await jqlErrors('sprint = 5')).toEqual([
        "Field 'sprint' does not exist or you do not have permission to view it.",
      ]);
      expect(await jqlErrors('status ~ Done')).toEqual([
        "The operator '~' is not supported by the 'status' field.",
      ]);
      expect(await jqlErrors('created >= yesterday')).toEqual([
        "Date value 'yesterday' for field 'created' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.",
      ]);
      expect(await jqlErrors('assignee = openSprints()')).toEqual([
        "Unable to find JQL function 'openSprints()'.",
      ]);
      expect(await jqlErrors('project = FLOW ORDER BY description')).toEqual([
        "Field 'description' does not exist or you do not have permission to view it.",
      ]);
      expect(await jqlErrors('project = FLOW ORDER BY labels')).toEqual([
        "Not able to sort using field 'labels'.",
      ]);
    });

    test('queries that do not parse get "Error in the JQL Query" with the position', async () => {
      expect(await jqlErrors('summary = "unfinished')).toEqual([
        "Error in the JQL Query: The quoted string 'unfinished' has not been completed. (line 1, character 11)",
      ]);
      expect(await jqlErrors('(project = FLOW')).toEqual([
        "Error in the JQL Query: Expecting ')' before the end of the query.",
      ]);
      expect(await jqlErrors('project = FLOW status = Done')).toEqual([
        "Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'status'. (line 1, character 16)",
      ]);
      expect((await jqlErrors('project FLOW'))[0]).toMatch(
        /^Error in the JQL Query: Expecting operator but got 'FLOW'\. The valid operators are '=', '!=', .* \(line 1, character 9\)$/,
      );
      expect(await jqlErrors('labels = a%b')).toEqual([
        "Error in the JQL Query: The character '%' is a reserved JQL character. You must enclose it in a string or use the escape '\\u0025' instead. (line 1, character 11)",
      ]);
      expect(await jqlErrors('project in FLOW')).toEqual([
        "Error in the JQL Query: Expecting '(' but got 'FLOW'. (line 1, character 12)",
      ]);
      expect(await jqlErrors('project =')).toEqual([
        'Error in the JQL Query: Expecting either a value, list or function before the end of the query.',
      ]);
      expect(await jqlErrors('assignee is someone')).toEqual([
        "Error in the JQL Query: Expecting 'EMPTY' but got 'someone'. (line 1, character 13)",
      ]);
    });

    test('an escaped quote inside a quoted value is part of the value', async () => {
      jira.addIssue({ key: 'FLOW-4', summary: 'x', labels: ['say"hi'] });
      expect(await keys('labels = "say\\"hi"')).toEqual(['FLOW-4']);
    });
  });

  describe('issue properties', () => {
    const path = '/rest/api/3/issue/FLOW-1/properties';

    test('lists keys, reads a value, and 404s for a property that is absent', async () => {
      expect((await call(jira, 'GET', path)).body).toEqual({
        keys: [{ key: 'flowkit.state', self: `${jira.url}/rest/api/3/issue/10000/properties/flowkit.state` }],
      });
      expect((await call(jira, 'GET', `${path}/flowkit.state`)).body).toEqual({
        key: 'flowkit.state',
        value: { step: 1 },
      });
      const absent = await call(jira, 'GET', `${path}/nope`);
      expect([absent.status, absent.body.errorMessages]).toEqual([
        404,
        ["The property with key 'nope' does not exist."],
      ]);
    });

    test('PUT stores any JSON (201 new, 200 replaced) and DELETE removes it', async () => {
      expect((await call(jira, 'PUT', `${path}/run`, [1, 'two', { three: 3 }])).status).toBe(201);
      expect((await call(jira, 'PUT', `${path}/run`, 42)).status).toBe(200);
      expect(jira.issue('FLOW-1').properties).toEqual({ 'flowkit.state': { step: 1 }, run: 42 });
      expect((await call(jira, 'DELETE', `${path}/run`)).status).toBe(204);
      expect((await call(jira, 'DELETE', `${path}/run`)).status).toBe(404);
      expect(jira.issue('FLOW-1').properties).toEqual({ 'flowkit.state': { step: 1 } });
    });

    test('refuses a value over 32 KB, a body that is not JSON, an empty one and a key over 255 characters', async () => {
      const big = await call(jira, 'PUT', `${path}/big`, { text: 'x'.repeat(32_768) });
      expect([big.status, big.body.errorMessages]).toEqual([
        400,
        ['The property value cannot be longer than 32768 characters.'],
      ]);
      const notJson = await send(`${jira.url}${path}/bad`, {
        method: 'PUT',
        headers: { authorization: AS_BOT, 'content-type': 'application/json' },
        body: '{oops',
      });
      expect([notJson.status, notJson.body.errorMessages]).toEqual([
        400,
        ['The property value has to be a valid, non-empty JSON.'],
      ]);
      expect((await call(jira, 'PUT', `${path}/empty`)).status).toBe(400);
      expect((await call(jira, 'PUT', `${path}/${'k'.repeat(256)}`, 1)).status).toBe(400);
      expect(Object.keys(jira.issue('FLOW-1').properties)).toEqual(['flowkit.state']);
    });

    test('writing needs Edit Issues: PUT is 403, DELETE 404 as Atlassian describes', async () => {
      expect((await call(jira, 'PUT', `${path}/x`, 1, AS_READER)).status).toBe(403);
      expect((await call(jira, 'DELETE', `${path}/flowkit.state`, undefined, AS_READER)).status).toBe(404);
      expect((await call(jira, 'GET', `${path}/flowkit.state`, undefined, AS_READER)).status).toBe(200);
      expect(jira.issue('FLOW-1').properties).toEqual({ 'flowkit.state': { step: 1 } });
    });
  });

  describe('POST /workflows', () => {
    test('answers the workflow of a project and issue type, with ids from the issue', async () => {
      const issue = (await call(jira, 'GET', '/rest/api/3/issue/FLOW-1?fields=project,issuetype')).body;
      const answer = await call(
        jira,
        'POST',
        '/rest/api/3/workflows',
        {
          projectAndIssueTypes: [
            { projectId: issue.fields.project.id, issueTypeId: issue.fields.issuetype.id },
          ],
        },
        AS_ADMIN,
      );
      expect(answer.status).toBe(200);
      const [workflow] = answer.body.workflows;
      expect(answer.body.workflows).toHaveLength(1);
      expect(workflow.name).toBe('Flow workflow');
      expect(workflow.statuses.map((s: Json) => s.statusReference)).toEqual(['10000', '3', '10001', '10002']);
      expect(
        workflow.transitions.map((t: Json) => [
          t.id,
          t.type,
          t.toStatusReference,
          t.links.map((l: Json) => l.fromStatusReference),
        ]),
      ).toEqual([
        ['1', 'INITIAL', '10000', []],
        ['11', 'DIRECTED', '3', ['10000']],
        ['21', 'DIRECTED', '10001', ['3']],
        ['31', 'DIRECTED', '10002', ['10001']],
        ['41', 'GLOBAL', '10000', []],
      ]);
      expect(answer.body.statuses.map((s: Json) => [s.statusReference, s.name, s.statusCategory])).toEqual([
        ['10000', 'To Do', 'TODO'],
        ['3', 'In Progress', 'IN_PROGRESS'],
        ['10001', 'In Review', 'IN_PROGRESS'],
        ['10002', 'Done', 'DONE'],
      ]);
    });

    test('finds workflows by name; an issue type the project lacks selects nothing', async () => {
      const byName = await call(
        jira,
        'POST',
        '/rest/api/3/workflows',
        { workflowNames: [DEFAULT_JIRA_WORKFLOW.name] },
        AS_ADMIN,
      );
      expect(byName.body.workflows.map((w: Json) => w.name)).toEqual([DEFAULT_JIRA_WORKFLOW.name]);
      const mismatch = await call(
        jira,
        'POST',
        '/rest/api/3/workflows',
        { projectAndIssueTypes: [{ projectId: '10100', issueTypeId: '99999' }] },
        AS_ADMIN,
      );
      expect(mismatch.body).toEqual({ workflows: [], statuses: [] });
    });

    test('projects that name the same workflow share it', async () => {
      const shared = await JiraEmulator.start(
        site({
          projects: [
            { key: 'FLOW', id: '10100', workflow: WORKFLOW },
            { key: 'WEB', id: '10200', workflow: WORKFLOW },
          ],
          issues: [],
        }),
      );
      try {
        const answer = await call(
          shared,
          'POST',
          '/rest/api/3/workflows',
          {
            projectAndIssueTypes: [
              { projectId: '10100', issueTypeId: '10001' },
              { projectId: '10200', issueTypeId: '10001' },
            ],
          },
          AS_ADMIN,
        );
        expect(answer.body.workflows.map((w: Json) => w.name)).toEqual(['Flow workflow']);
        expect(answer.body.statuses).toHaveLength(4);
      } finally {
        await shared.stop();
      }
    });

    test('needs Administer Jira', async () => {
      const answer = await call(jira, 'POST', '/rest/api/3/workflows', { workflowNames: ['Flow workflow'] });
      expect([answer.status, answer.body.errorMessages]).toEqual([
        403,
        ['Only Jira administrators can perform this operation.'],
      ]);
    });
  });

  describe('failNext', () => {
    test('a 503 answers an HTML page and has no effect; the next call works', async () => {
      jira.failNext({ method: 'POST', path: '/rest/api/3/issue/FLOW-1/comment' }, { status: 503 });
      const failed = await call(jira, 'POST', '/rest/api/3/issue/FLOW-1/comment', { body: adf('lost') });
      expect(failed.status).toBe(503);
      expect(failed.headers.get('content-type')).toBe('text/html;charset=UTF-8');
      expect(failed.body).toContain('<html');
      expect(jira.issue('FLOW-1').comments).toEqual([]);
      expect(
        (await call(jira, 'POST', '/rest/api/3/issue/FLOW-1/comment', { body: adf('kept') })).status,
      ).toBe(201);
      expect(jira.issue('FLOW-1').comments).toHaveLength(1);
    });

    test("a 429 carries Retry-After and Jira's body, for the given number of calls", async () => {
      jira.failNext({ path: /\/transitions$/ }, { status: 429, retryAfterSeconds: 7, times: 2 });
      const first = await call(jira, 'POST', '/rest/api/3/issue/FLOW-1/transitions', {
        transition: { id: '11' },
      });
      const second = await call(jira, 'GET', '/rest/api/3/issue/FLOW-1/transitions');
      expect([first.status, second.status]).toEqual([429, 429]);
      expect(first.headers.get('retry-after')).toBe('7');
      expect(first.body.errorMessages).toEqual([
        'The request has been rate-limited. Please try again later.',
      ]);
      expect(jira.issue('FLOW-1').status).toBe('To Do');
      expect((await call(jira, 'GET', '/rest/api/3/issue/FLOW-1/transitions')).status).toBe(200);
    });

    test('matches by method and path only, and can answer a given JSON or text body', async () => {
      jira.failNext(
        { method: 'PUT', path: '/rest/api/3/issue/FLOW-2' },
        { status: 409, body: { errorMessages: ['conflict'], errors: {} } },
      );
      expect((await call(jira, 'GET', '/rest/api/3/issue/FLOW-2?fields=summary')).status).toBe(200);
      const conflict = await call(jira, 'PUT', '/rest/api/3/issue/FLOW-2', { fields: { summary: 'x' } });
      expect([conflict.status, conflict.body]).toEqual([409, { errorMessages: ['conflict'], errors: {} }]);
      jira.failNext({}, { status: 502, body: 'Bad gateway', retryAfterSeconds: 3 });
      const gateway = await call(jira, 'GET', '/rest/api/3/myself');
      expect([gateway.status, gateway.body, gateway.headers.get('retry-after')]).toEqual([
        502,
        'Bad gateway',
        '3',
      ]);
      expect(jira.issue('FLOW-2').summary).toBe('Slow dashboard');
    });

    test('a fault comes before authentication and is recorded with its operation', async () => {
      jira.failNext({ path: '/rest/api/3/myself' }, { status: 500 });
      const answer = await call(jira, 'GET', '/rest/api/3/myself', undefined, null);
      expect(answer.status).toBe(500);
      expect(jira.requests.at(-1)).toMatchObject({ operation: 'GET /rest/api/3/myself', status: 500 });
    });
  });
});

describe('JiraEmulator (Server/Data Center)', () => {
  let jira: JiraEmulator;

  beforeEach(async () => {
    jira = await JiraEmulator.start(site({ flavor: 'server' }));
  });

  afterEach(async () => {
    await jira.stop();
  });

  const AS_BOT_PAT = 'Bearer bot-pat';

  test('takes a personal access token as Bearer; Basic and unknown tokens are 401', async () => {
    expect((await call(jira, 'GET', '/rest/api/2/myself', undefined, AS_BOT_PAT)).status).toBe(200);
    expect((await call(jira, 'GET', '/rest/api/2/myself', undefined, AS_BOT)).status).toBe(401);
    expect((await call(jira, 'GET', '/rest/api/2/myself', undefined, 'Bearer nope')).status).toBe(401);
    const defaults = await JiraEmulator.start({ flavor: 'server' });
    try {
      const me = await call(defaults, 'GET', '/rest/api/2/myself', undefined, `Bearer ${DEFAULT_JIRA_PAT}`);
      expect(me.body.name).toBe('flowkit-bot');
    } finally {
      await defaults.stop();
    }
  });

  test('serves only REST v2: v3 paths are unknown resources', async () => {
    const v3 = await call(jira, 'GET', '/rest/api/3/issue/FLOW-1', undefined, AS_BOT_PAT);
    expect(v3.status).toBe(404);
    expect(v3.body.message).toBe(`null for uri: ${jira.url}/rest/api/3/issue/FLOW-1`);
    expect(jira.requests.at(-1)?.operation).toBe('');
  });

  test('knows users by name and key, not accountId', async () => {
    const issue = await call(
      jira,
      'GET',
      '/rest/api/2/issue/FLOW-1?fields=assignee,description',
      undefined,
      AS_BOT_PAT,
    );
    expect(issue.body.fields.assignee).toMatchObject({
      name: 'alice',
      key: 'JIRAUSER10001',
      displayName: 'Alice Example',
    });
    expect(issue.body.fields.assignee.accountId).toBeUndefined();
    expect(issue.body.fields.assignee.self).toBe(`${jira.url}/rest/api/2/user?username=alice`);
    expect(issue.body.fields.description).toBe('Show the five\nmost active');
    expect(
      (await call(jira, 'GET', '/rest/api/2/user?username=bob', undefined, AS_BOT_PAT)).body.displayName,
    ).toBe('Bob Builder');
    const unknown = await call(jira, 'GET', '/rest/api/2/user?username=nobody', undefined, AS_BOT_PAT);
    expect([unknown.status, unknown.body.errorMessages]).toEqual([
      404,
      ["The user named 'nobody' does not exist"],
    ]);
    const search = await call(jira, 'GET', '/rest/api/2/user/search?username=ali', undefined, AS_BOT_PAT);
    expect(search.body.map((u: Json) => u.name)).toEqual(['alice']);
  });

  test('assigns by name; an accountId body is refused', async () => {
    expect(
      (await call(jira, 'PUT', '/rest/api/2/issue/FLOW-2/assignee', { name: 'bob' }, AS_BOT_PAT)).status,
    ).toBe(204);
    expect(jira.issue('FLOW-2').assignee).toBe(BOB);
    const byId = await call(
      jira,
      'PUT',
      '/rest/api/2/issue/FLOW-2/assignee',
      { accountId: ALICE },
      AS_BOT_PAT,
    );
    expect([byId.status, byId.body.errors]).toEqual([
      400,
      { assignee: "expected Object containing a 'name' property" },
    ]);
    expect(
      (await call(jira, 'PUT', '/rest/api/2/issue/FLOW-2/assignee', { name: null }, AS_BOT_PAT)).status,
    ).toBe(204);
    expect(jira.issue('FLOW-2').assignee).toBeUndefined();
  });

  test('searches with /rest/api/2/search (startAt, maxResults, total); there is no /search/jql', async () => {
    const answer = await call(
      jira,
      'GET',
      `/rest/api/2/search?jql=${encodeURIComponent('assignee = alice OR assignee = bob ORDER BY key')}&startAt=1&maxResults=1&fields=summary`,
      undefined,
      AS_BOT_PAT,
    );
    expect(answer.body).toMatchObject({ startAt: 1, maxResults: 1, total: 2 });
    expect(answer.body.issues.map((i: Json) => [i.key, i.fields])).toEqual([
      ['FLOW-3', { summary: 'Review me' }],
    ]);
    const posted = await call(jira, 'POST', '/rest/api/2/search', { jql: 'project = OPS' }, AS_BOT_PAT);
    expect(posted.body.issues.map((i: Json) => i.key)).toEqual(['OPS-1']);
    expect(Object.keys(posted.body.issues[0].fields)).not.toContain('comment');
    expect(
      (await call(jira, 'GET', '/rest/api/2/search/jql?jql=project%3DFLOW', undefined, AS_BOT_PAT)).status,
    ).toBe(404);
    expect((await call(jira, 'POST', '/rest/api/2/workflows', {}, AS_BOT_PAT)).status).toBe(404);
  });

  test('transitions and comments with strings', async () => {
    expect(
      (
        await call(
          jira,
          'POST',
          '/rest/api/2/issue/FLOW-1/transitions',
          { transition: { id: '11' } },
          AS_BOT_PAT,
        )
      ).status,
    ).toBe(204);
    const comment = await call(
      jira,
      'POST',
      '/rest/api/2/issue/FLOW-1/comment',
      { body: 'h1. Started' },
      AS_BOT_PAT,
    );
    expect(comment.body).toMatchObject({ body: 'h1. Started', author: { name: 'flowkit-bot' } });
    expect(jira.issue('FLOW-1')).toMatchObject({
      status: 'In Progress',
      comments: [{ body: 'h1. Started', author: BOT }],
    });
  });
});

describe('JiraEmulator rate limits', () => {
  let jira: JiraEmulator | undefined;
  let clock: number;

  async function startWith(options: Partial<JiraEmulatorOptions>): Promise<JiraEmulator> {
    clock = START;
    jira = await JiraEmulator.start(site({ now: () => clock, ...options }));
    return jira;
  }

  afterEach(async () => {
    await jira?.stop();
    jira = undefined;
  });

  test("over the limit a call is 429 with Retry-After and Jira Cloud's headers, and has no effect", async () => {
    const emulator = await startWith({ rateLimit: { limit: 2, windowMs: 10_000 } });
    expect((await call(emulator, 'GET', '/rest/api/3/myself')).status).toBe(200);
    clock = START + 2500;
    expect((await call(emulator, 'GET', '/rest/api/3/myself')).status).toBe(200);
    clock = START + 3000;
    const limited = await call(emulator, 'POST', '/rest/api/3/issue/FLOW-1/transitions', {
      transition: { id: '11' },
    });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      errorMessages: ['The request has been rate-limited. Please try again later.'],
      errors: {},
      status: 429,
    });
    // The call at 0 leaves the window at 10 s, 7 s from now.
    expect(
      Object.fromEntries(
        [
          'retry-after',
          'x-ratelimit-limit',
          'x-ratelimit-remaining',
          'x-ratelimit-reset',
          'x-ratelimit-nearlimit',
          'ratelimit-reason',
        ].map((h) => [h, limited.headers.get(h)]),
      ),
    ).toEqual({
      'retry-after': '7',
      'x-ratelimit-limit': '2',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '2026-11-20T10:00Z',
      'x-ratelimit-nearlimit': 'true',
      'ratelimit-reason': 'jira-burst-based',
    });
    expect(emulator.issue('FLOW-1').status).toBe('To Do');
    clock = START + 10_000;
    expect(
      (await call(emulator, 'POST', '/rest/api/3/issue/FLOW-1/transitions', { transition: { id: '11' } }))
        .status,
    ).toBe(204);
  });

  test('the limit is per credential; refused logins and programmed faults do not count', async () => {
    const emulator = await startWith({ rateLimit: { limit: 1, windowMs: 60_000 } });
    expect(
      (await call(emulator, 'GET', '/rest/api/3/myself', undefined, basic('bot@example.com', 'wrong')))
        .status,
    ).toBe(401);
    emulator.failNext({}, { status: 503 });
    expect((await call(emulator, 'GET', '/rest/api/3/myself')).status).toBe(503);
    expect((await call(emulator, 'GET', '/rest/api/3/myself')).status).toBe(200);
    expect((await call(emulator, 'GET', '/rest/api/3/myself')).status).toBe(429);
    expect((await call(emulator, 'GET', '/rest/api/3/myself', undefined, AS_READER)).status).toBe(200);
  });

  test('the default is generous', async () => {
    const emulator = await startWith({});
    const statuses = new Set<number>();
    for (let i = 0; i < 30; i++) statuses.add((await call(emulator, 'GET', '/rest/api/3/myself')).status);
    expect([...statuses]).toEqual([200]);
  });

  test('Data Center answers an HTML page with its token-bucket headers', async () => {
    const emulator = await startWith({ flavor: 'server', rateLimit: { limit: 1, windowMs: 1000 } });
    await call(emulator, 'GET', '/rest/api/2/myself', undefined, 'Bearer bot-pat');
    const limited = await call(emulator, 'GET', '/rest/api/2/myself', undefined, 'Bearer bot-pat');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toBe('text/html;charset=UTF-8');
    expect(limited.body).toContain('Rate limit exceeded.');
    expect(
      [
        'retry-after',
        'x-ratelimit-limit',
        'x-ratelimit-remaining',
        'x-ratelimit-fillrate',
        'x-ratelimit-interval-seconds',
      ].map((h) => limited.headers.get(h)),
    ).toEqual(['1', '1', '0', '1', '1']);
  });
});

describe('JiraEmulator remote issue links', () => {
  let jira: JiraEmulator;

  beforeEach(async () => {
    jira = await JiraEmulator.start(site());
  });

  afterEach(async () => {
    await jira.stop();
  });

  test('a globalId makes POST an upsert; GET lists them or finds one by globalId', async () => {
    const link = { globalId: 'slack=C1/1.2', object: { url: 'https://x.slack.com/p1', title: 'Card' } };
    const created = await call(jira, 'POST', '/rest/api/3/issue/FLOW-1/remotelink', link);
    expect(created.status).toBe(201);
    const again = await call(jira, 'POST', '/rest/api/3/issue/FLOW-1/remotelink', {
      ...link,
      object: { url: 'https://x.slack.com/p2', title: 'Card' },
    });
    expect(again.status).toBe(200);
    expect((again.body as { id: number }).id).toBe((created.body as { id: number }).id);
    const listed = await call(jira, 'GET', '/rest/api/3/issue/FLOW-1/remotelink');
    expect((listed.body as { object: { url: string } }[]).map((item) => item.object.url)).toEqual([
      'https://x.slack.com/p2',
    ]);
    const found = await call(jira, 'GET', '/rest/api/3/issue/FLOW-1/remotelink?globalId=slack%3DC1%2F1.2');
    expect(found.status).toBe(200);
    const absent = await call(jira, 'GET', '/rest/api/3/issue/FLOW-1/remotelink?globalId=other');
    expect(absent.status).toBe(404);
    expect(jira.issue('FLOW-1').remoteLinks).toHaveLength(1);
  });

  test('a link without object.title is 400 with the field named; without Link issues, 403', async () => {
    const missing = await call(jira, 'POST', '/rest/api/3/issue/FLOW-1/remotelink', {
      object: { url: 'https://x.example' },
    });
    expect([missing.status, missing.body]).toEqual([
      400,
      { errorMessages: [], errors: { title: "'title' is required." } },
    ]);
    const denied = await call(
      jira,
      'POST',
      '/rest/api/3/issue/FLOW-1/remotelink',
      { object: { url: 'https://x.example', title: 'x' } },
      AS_READER,
    );
    expect(denied.status).toBe(403);
    expect(jira.issue('FLOW-1').remoteLinks).toEqual([]);
  });
});
