// The GitHub emulator's POST /graphql: Flowkit's two deployment queries, GitHub's error shapes, auth, cursors,
// the `first` limit, rate-limit headers and the point counter. Not a GraphQL engine: other queries are refused.
//
// GraphQL is not in GitHub's OpenAPI description, so the contract helpers (github-contract.ts) check the REST
// operations only; these tests hold the emulator to GitHub's GraphQL schema and documented errors instead.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DEFAULT_GITHUB_TOKEN, GitHubEmulator } from '../src/github-emulator.ts';

const START = Date.UTC(2025, 1, 3, 8, 0, 0);
const NO_DEPLOYMENTS = 'ghs_no_deployments';

// Trimmed to what the emulator reads: the operation name, variables and the orderBy direction.
const HISTORY = (direction?: 'ASC' | 'DESC' | null) =>
  `query FlowkitDeploymentHistory($owner: String!, $name: String!, $environments: [String!], $first: Int!, $after: String, $statuses: Int!) {
  rateLimit { cost nodeCount remaining }
  repository(owner: $owner, name: $name) {
    deployments(environments: $environments, ${direction ? `orderBy: {field: CREATED_AT, direction: ${direction}}, ` : ''}first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { id databaseId commitOid createdAt environment statuses(first: $statuses) { pageInfo { hasNextPage endCursor } nodes { state createdAt description logUrl } } }
    }
  }
}`;
const STATUSES = `query FlowkitDeploymentStatuses($id: ID!, $first: Int!, $after: String) {
  node(id: $id) { ... on Deployment { statuses(first: $first, after: $after) { pageInfo { hasNextPage endCursor } nodes { state createdAt } } } }
}`;

interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field in assertions.
  body: any;
}

let github: GitHubEmulator;

async function post(body: unknown, token: string | null = DEFAULT_GITHUB_TOKEN): Promise<Answer> {
  const response = await fetch(`${github.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

const history = (variables: Record<string, unknown>, direction: 'ASC' | 'DESC' | null = 'DESC') =>
  post({
    query: HISTORY(direction),
    variables: {
      owner: 'acme',
      name: 'shop',
      environments: ['production'],
      first: 2,
      statuses: 2,
      ...variables,
    },
  });

beforeAll(async () => {
  github = await GitHubEmulator.start({
    now: () => START + 3_600_000,
    tokens: {
      [DEFAULT_GITHUB_TOKEN]: { login: 'github-actions[bot]', permissions: { deployments: 'read' } },
      [NO_DEPLOYMENTS]: { login: 'github-actions[bot]', permissions: { contents: 'read' } },
    },
    repos: [{ owner: 'acme', name: 'shop' }],
  });
  github.seedDeployments(
    'acme',
    'shop',
    [1, 2, 3].map((n) => ({
      environment: 'production',
      sha: String(n).repeat(40),
      createdAt: START + n * 60_000,
      statuses: Array.from({ length: n }, (_, k) => ({
        state: k === n - 1 ? 'success' : 'in_progress',
        createdAt: START + n * 60_000 + k * 1000,
      })),
    })),
  );
  github.seedDeployments('acme', 'shop', [{ environment: 'staging', createdAt: START + 5 * 60_000 }]);
});

afterAll(() => github.stop());

describe('FlowkitDeploymentHistory', () => {
  test('pages an environment’s deployments newest first with opaque cursors, statuses oldest first', async () => {
    const page1 = await history({});
    expect(page1.status).toBe(200);
    const connection = page1.body.data.repository.deployments;
    expect(connection.nodes.map((node: { databaseId: number }) => node.databaseId)).toEqual([3, 2]);
    expect(connection.pageInfo.hasNextPage).toBe(true);
    expect(Buffer.from(connection.pageInfo.endCursor, 'base64').toString()).not.toBe(
      connection.pageInfo.endCursor,
    );
    expect(connection.nodes[0]).toMatchObject({
      id: Buffer.from('010:Deployment3').toString('base64'),
      commitOid: '3'.repeat(40),
      createdAt: new Date(START + 3 * 60_000).toISOString().replace('.000', ''),
      environment: 'production',
      statuses: {
        pageInfo: { hasNextPage: true },
        nodes: [
          { state: 'IN_PROGRESS', description: null, logUrl: null },
          { state: 'IN_PROGRESS', description: null, logUrl: null },
        ],
      },
    });
    const page2 = await history({ after: connection.pageInfo.endCursor });
    const rest = page2.body.data.repository.deployments;
    expect(rest.nodes.map((node: { databaseId: number }) => node.databaseId)).toEqual([1]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  test('without orderBy the order is GitHub’s default: CREATED_AT ascending', async () => {
    const answer = await history({ first: 3 }, null);
    const ids = answer.body.data.repository.deployments.nodes.map(
      (node: { databaseId: number }) => node.databaseId,
    );
    expect(ids).toEqual([1, 2, 3]);
  });

  test('rate-limit headers are GraphQL’s, in points, and rateLimit reports the cost; the counter adds up', async () => {
    const before = { ...github.graphqlUsage };
    const answer = await history({ first: 100, statuses: 100 });
    expect(answer.headers.get('x-ratelimit-resource')).toBe('graphql');
    expect(answer.headers.get('x-ratelimit-limit')).toBe('1000');
    expect(answer.body.data.rateLimit).toEqual({
      cost: 1,
      nodeCount: 100 + 100 * 100,
      remaining: 1000 - before.points - 1,
    });
    expect(github.graphqlUsage).toEqual({
      queries: before.queries + 1,
      points: before.points + 1,
      nodes: before.nodes + 10_100,
    });
  });

  test('first over 100 is refused as GitHub does (EXCESSIVE_PAGINATION), on either connection', async () => {
    const deployments = await history({ first: 101 });
    expect(deployments.status).toBe(200);
    expect(deployments.body.errors).toEqual([
      {
        type: 'EXCESSIVE_PAGINATION',
        path: ['repository', 'deployments'],
        message:
          'Requesting 101 records on the `deployments` connection exceeds the `first` limit of 100 records.',
      },
    ]);
    const statuses = await history({ statuses: 250 });
    expect(statuses.body.errors[0]).toMatchObject({
      type: 'EXCESSIVE_PAGINATION',
      message:
        'Requesting 250 records on the `statuses` connection exceeds the `first` limit of 100 records.',
    });
    const missing = await history({ first: null });
    expect(missing.body.errors[0].type).toBe('MISSING_PAGINATION_BOUNDARIES');
  });

  test('errors in GitHub’s shape: NOT_FOUND repository, FORBIDDEN without deployments: read, invalid cursor', async () => {
    const unknown = await history({ name: 'nope' });
    expect(unknown.body).toMatchObject({
      data: { repository: null },
      errors: [
        {
          type: 'NOT_FOUND',
          path: ['repository'],
          message: "Could not resolve to a Repository with the name 'acme/nope'.",
        },
      ],
    });
    const forbidden = await post(
      { query: HISTORY('DESC'), variables: { owner: 'acme', name: 'shop', first: 1, statuses: 1 } },
      NO_DEPLOYMENTS,
    );
    expect(forbidden.status).toBe(200);
    expect(forbidden.body).toMatchObject({
      data: { repository: null },
      errors: [
        {
          type: 'FORBIDDEN',
          path: ['repository', 'deployments'],
          message: 'Resource not accessible by integration',
        },
      ],
    });
    const cursor = await history({ after: 'bm90LWEtY3Vyc29y' });
    expect(cursor.body.errors[0].message).toBe('`bm90LWEtY3Vyc29y` does not appear to be a valid cursor.');
  });
});

describe('FlowkitDeploymentStatuses', () => {
  test('pages one deployment’s statuses through its node ID', async () => {
    const id = Buffer.from('010:Deployment3').toString('base64');
    const first = await post({ query: STATUSES, variables: { id, first: 2 } });
    const connection = first.body.data.node.statuses;
    expect(connection.nodes).toHaveLength(2);
    const rest = await post({
      query: STATUSES,
      variables: { id, first: 100, after: connection.pageInfo.endCursor },
    });
    expect(rest.body.data.node.statuses).toMatchObject({
      pageInfo: { hasNextPage: false },
      nodes: [{ state: 'SUCCESS' }],
    });
    const missing = await post({ query: STATUSES, variables: { id: 'MDEwOkRlcGxveW1lbnQ5OQ==', first: 1 } });
    expect(missing.body).toMatchObject({
      data: { node: null },
      errors: [{ type: 'NOT_FOUND', path: ['node'] }],
    });
    const forbidden = await post({ query: STATUSES, variables: { id, first: 1 } }, NO_DEPLOYMENTS);
    expect(forbidden.body.errors[0]).toMatchObject({ type: 'FORBIDDEN', path: ['node'] });
  });
});

describe('requests the emulator does not answer with data', () => {
  test('other queries get GitHub’s error shape with HTTP 200; a body that is not JSON gets 400', async () => {
    const other = await post({ query: 'query { viewer { login } }' });
    expect(other.status).toBe(200);
    expect(other.body.errors[0]).toMatchObject({ type: 'EMULATOR_UNSUPPORTED_QUERY' });
    expect(other.body.errors[0].message).toContain('not an anonymous operation');
    const noQuery = await post({ variables: {} });
    expect(noQuery.body).toEqual({
      errors: [{ message: 'A query attribute must be specified and must be a string.' }],
    });
    const invalid = await post('{"query": ');
    expect(invalid.status).toBe(400);
    expect(invalid.body.message).toBe('Problems parsing JSON');
    const badVariable = await history({ owner: 7 });
    expect(badVariable.body.errors[0].message).toBe(
      'Variable $owner of type String! was provided invalid value',
    );
  });

  test('authentication as for REST: no token 401, an unknown token 401 Bad credentials', async () => {
    const anonymous = await post({ query: HISTORY() }, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.message).toBe('This endpoint requires you to be authenticated.');
    const bad = await post({ query: HISTORY() }, 'ghs_unknown');
    expect(bad.status).toBe(401);
    expect(bad.body.message).toBe('Bad credentials');
  });

  test('the GraphQL primary limit is counted in points apart from REST, and answers RATE_LIMITED with 200', async () => {
    const limited = await GitHubEmulator.start({
      now: () => START,
      graphqlRateLimit: { limit: 1, windowMs: 3_600_000 },
      repos: [{ owner: 'acme', name: 'shop' }],
    });
    try {
      const ask = () =>
        fetch(`${limited.url}/graphql`, {
          method: 'POST',
          headers: { authorization: `Bearer ${DEFAULT_GITHUB_TOKEN}` },
          body: JSON.stringify({
            query: HISTORY(),
            variables: { owner: 'acme', name: 'shop', first: 1, statuses: 1 },
          }),
        });
      expect((await ask()).status).toBe(200);
      const refused = await ask();
      expect(refused.status).toBe(200);
      expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(refused.headers.get('x-ratelimit-reset')).toBe(String(Math.ceil((START + 3_600_000) / 1000)));
      expect(await refused.json()).toMatchObject({
        errors: [
          {
            type: 'RATE_LIMITED',
            message: expect.stringMatching(/^API rate limit exceeded for installation ID \d+\.$/),
          },
        ],
      });
      // REST still has its own 1,000 requests.
      const rest = await fetch(`${limited.url}/repos/acme/shop/deployments`, {
        headers: { authorization: `Bearer ${DEFAULT_GITHUB_TOKEN}` },
      });
      expect(rest.status).toBe(200);
      expect(rest.headers.get('x-ratelimit-resource')).toBe('core');
    } finally {
      await limited.stop();
    }
  });
});
