// readDeploymentHistory and GitHubClient.graphql against the GitHub emulator's GraphQL endpoint.
//
// GraphQL is not in GitHub's OpenAPI description: the emulator's contract helpers check REST calls only, so these
// queries are checked against the emulator's reading of GitHub's GraphQL schema instead.
import type { Clock } from '@flowkit/core';
import {
  DEPLOYMENT_HISTORY_QUERY,
  GitHubClient,
  GitHubError,
  graphqlUrl,
  readDeploymentHistory,
} from '@flowkit/github';
import { DEFAULT_GITHUB_TOKEN, type GitHubDeploymentSeed, GitHubEmulator } from '@flowkit/testing';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

const REPO = { owner: 'acme', repo: 'shop' };
const START = Date.UTC(2025, 1, 3, 8, 0, 0);
const MINUTE = 60_000;
const SHA = (index: number) => index.toString(16).padStart(40, '0');
const STATES = ['queued', 'in_progress', 'success'];

/** Deployment `index` of production, created `index` minutes after START, with 1–3 statuses a second apart. */
function production(index: number, statusCount = 1 + (index % 3)): GitHubDeploymentSeed {
  return {
    environment: 'production',
    sha: SHA(index + 1),
    createdAt: START + index * MINUTE,
    statuses: Array.from({ length: statusCount }, (_, k) => ({
      state: statusCount > 3 ? (k === statusCount - 1 ? 'success' : 'in_progress') : (STATES[k] as string),
      createdAt: START + index * MINUTE + (k + 1) * 1000,
      description: `step ${k + 1}`,
      logUrl: `https://github.com/acme/shop/actions/runs/${index}`,
    })),
  };
}

const client = (emulator: GitHubEmulator, token = DEFAULT_GITHUB_TOKEN, clock?: Clock) =>
  new GitHubClient({
    token,
    apiUrl: emulator.url,
    policy: () => ({ retries: 2, budgetMs: 2 * 3_600_000 }),
    ...(clock ? { clock } : {}),
  });

describe('readDeploymentHistory', () => {
  let github: GitHubEmulator;
  const ids: number[] = [];

  beforeAll(async () => {
    github = await GitHubEmulator.start({
      tokens: {
        [DEFAULT_GITHUB_TOKEN]: { login: 'github-actions[bot]', permissions: { deployments: 'read' } },
        ghs_contents_only: { login: 'github-actions[bot]', permissions: { contents: 'read' } },
      },
      repos: [{ owner: 'acme', name: 'shop' }],
    });
    // 250 production deployments, interleaved with staging ones the environment filter must leave out.
    for (let index = 0; index < 250; index++) {
      ids.push(...github.seedDeployments('acme', 'shop', [production(index)]));
      if (index % 25 === 0) {
        github.seedDeployments('acme', 'shop', [
          {
            environment: 'staging',
            createdAt: START + index * MINUTE + 30_000,
            statuses: [{ state: 'success' }],
          },
        ]);
      }
    }
    github.seedDeployments(
      'acme',
      'shop',
      [
        { environment: 'canary', createdAt: START, statuses: [{ state: 'success' }] },
        production(0, 30),
        production(1, 130),
      ].map((seed, index) => ({ ...seed, environment: 'canary', createdAt: START + (index + 1) * MINUTE })),
    );
  });

  afterAll(() => github.stop());

  test('reads 250 deployments with their 1–3 statuses each in 3 GraphQL requests, newest first', async () => {
    const before = github.requests.length;
    const history = await readDeploymentHistory(client(github), REPO, { environment: 'production' });
    expect(history.requests).toBe(3);
    expect(history.truncated).toBe(false);
    expect(history.statusFollowUps).toEqual([]);
    expect(history.deployments.map((deployment) => deployment.id)).toEqual([...ids].reverse());
    const run = 'https://github.com/acme/shop/actions/runs/248';
    const at = START + 248 * MINUTE;
    expect(history.deployments[1]).toEqual({
      id: ids[248],
      sha: SHA(249),
      environment: 'production',
      createdAt: at,
      statuses: [
        { state: 'success', createdAt: at + 3000, description: 'step 3', logUrl: run },
        { state: 'in_progress', createdAt: at + 2000, description: 'step 2', logUrl: run },
        { state: 'queued', createdAt: at + 1000, description: 'step 1', logUrl: run },
      ],
    });
    expect(history.deployments.map((deployment) => deployment.statuses.length)).toEqual(
      [...ids.keys()].reverse().map((index) => 1 + (index % 3)),
    );
    const sent = github.requests.slice(before);
    expect(sent.map((request) => `${request.httpMethod} ${request.pathname} ${request.status}`)).toEqual(
      Array(3).fill('POST /graphql 200'),
    );
    expect(sent.map((request) => (request.body as { variables: { first: number } }).variables.first)).toEqual(
      [100, 100, 100],
    );
    expect(sent[0]?.body).toMatchObject({
      variables: {
        owner: 'acme',
        name: 'shop',
        environments: ['production'],
        after: null,
        statuses: 20,
      },
    });
    expect(sent[0]?.responseHeaders['x-ratelimit-resource']).toBe('graphql');
  });

  test('since: stops at the first deployment older than it, without reading further pages', async () => {
    const history = await readDeploymentHistory(client(github), REPO, {
      environment: 'production',
      since: START + 120 * MINUTE,
    });
    expect(history.deployments).toHaveLength(130);
    expect(history.deployments.at(-1)?.createdAt).toBe(START + 120 * MINUTE);
    expect(history.requests).toBe(2);
    expect(history.truncated).toBe(false);
  });

  test('maxDeployments bounds the reading and says the history was truncated', async () => {
    const bounded = await readDeploymentHistory(client(github), REPO, {
      environment: 'production',
      maxDeployments: 150,
    });
    expect(bounded.deployments).toHaveLength(150);
    expect(bounded.deployments.at(-1)?.id).toBe(ids[100]);
    expect(bounded.truncated).toBe(true);
    expect(bounded.requests).toBe(2);
    // A bound the history ends at exactly is no truncation.
    const exact = await readDeploymentHistory(client(github), REPO, {
      environment: 'production',
      maxDeployments: 250,
    });
    expect(exact.deployments).toHaveLength(250);
    expect(exact.truncated).toBe(false);
  });

  test('a deployment with more statuses than asked gets the rest by follow-up queries on its node', async () => {
    const before = github.requests.length;
    const history = await readDeploymentHistory(client(github), REPO, { environment: 'canary' });
    const [with130, with30, withOne] = history.deployments;
    expect(withOne?.statuses).toHaveLength(1);
    expect(with30?.statuses).toHaveLength(30);
    expect(with130?.statuses).toHaveLength(130);
    // 1 history query; 1 follow-up for the 10 beyond 20; 2 (100 + 10) for the 110 beyond 20.
    expect(history.requests).toBe(4);
    expect(history.statusFollowUps).toEqual([with130?.id, with30?.id]);
    const times = with130?.statuses.map((status) => status.createdAt) ?? [];
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(times).size).toBe(130);
    expect(with130?.statuses[0]?.state).toBe('success');
    const followUps = github.requests.slice(before + 1).map((request) => request.body as { query: string });
    expect(followUps.every((body) => body.query.startsWith('query FlowkitDeploymentStatuses'))).toBe(true);
  });

  test('a token without deployments: read gets GitHub’s FORBIDDEN error', async () => {
    const reading = readDeploymentHistory(client(github, 'ghs_contents_only'), REPO, {
      environment: 'production',
    });
    await expect(reading).rejects.toThrow(GitHubError);
    await expect(
      readDeploymentHistory(client(github, 'ghs_contents_only'), REPO, { environment: 'production' }),
    ).rejects.toMatchObject({
      status: 200,
      type: 'FORBIDDEN',
      message: expect.stringContaining('FORBIDDEN: Resource not accessible by integration'),
    });
  });

  test('GraphQL errors in an HTTP 200 answer are GitHubErrors naming type and message', async () => {
    await expect(
      readDeploymentHistory(client(github), { owner: 'acme', repo: 'nope' }, { environment: 'production' }),
    ).rejects.toThrow("NOT_FOUND: Could not resolve to a Repository with the name 'acme/nope'.");
    const tooMany = client(github).graphql(DEPLOYMENT_HISTORY_QUERY, {
      owner: 'acme',
      name: 'shop',
      environments: ['production'],
      first: 101,
      statuses: 20,
    });
    await expect(tooMany).rejects.toMatchObject({
      type: 'EXCESSIVE_PAGINATION',
      message: expect.stringContaining(
        'Requesting 101 records on the `deployments` connection exceeds the `first` limit of 100 records.',
      ),
    });
  });
});

describe('GitHubClient.graphql', () => {
  test('the GraphQL endpoint: /graphql beside api.github.com, /api/graphql on GitHub Enterprise Server', () => {
    expect(graphqlUrl('https://api.github.com')).toBe('https://api.github.com/graphql');
    expect(graphqlUrl('https://ghe.example.com/api/v3')).toBe('https://ghe.example.com/api/graphql');
    expect(graphqlUrl('https://ghe.example.com/api/v3/')).toBe('https://ghe.example.com/api/graphql');
    expect(graphqlUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080/graphql');
  });

  test('waits out a secondary limit (403 + Retry-After) and a primary one (RATE_LIMITED until the reset)', async () => {
    let now = START;
    const clock: Clock = {
      now: () => now,
      sleep: async (ms) => {
        now += ms;
      },
    };
    const github = await GitHubEmulator.start({
      now: () => now,
      graphqlRateLimit: { limit: 2, windowMs: 3_600_000 },
      repos: [{ owner: 'acme', name: 'shop' }],
    });
    try {
      github.seedDeployments('acme', 'shop', [production(0)]);
      const reader = client(github, DEFAULT_GITHUB_TOKEN, clock);
      github.failNext({ path: '/graphql' }, { status: 403, headers: { 'retry-after': '30' } });
      const first = await readDeploymentHistory(reader, REPO, { environment: 'production' });
      expect(first.deployments).toHaveLength(1);
      expect(first.requests).toBe(2);
      expect(now).toBe(START + 30_000);
      await readDeploymentHistory(reader, REPO, { environment: 'production' });
      // The third query finds the 2 points used: GitHub answers 200 with RATE_LIMITED until the window resets.
      const third = await readDeploymentHistory(reader, REPO, { environment: 'production' });
      expect(third.deployments).toHaveLength(1);
      expect(third.requests).toBe(2);
      expect(now).toBeGreaterThanOrEqual(START + 3_600_000);
      expect(reader.requestCount).toBe(5);
      expect(github.requests.map((request) => request.status)).toEqual([403, 200, 200, 200, 200]);
      expect(github.requests[3]?.response).toMatchObject({ errors: [{ type: 'RATE_LIMITED' }] });
    } finally {
      await github.stop();
    }
  });
});

describe('a 5,000-deployment history', () => {
  let github: GitHubEmulator;

  beforeAll(async () => {
    github = await GitHubEmulator.start({ repos: [{ owner: 'acme', name: 'shop' }] });
    github.seedDeployments('acme', 'shop', [
      ...Array.from({ length: 4998 }, (_, index) => production(index)),
      production(4998, 25),
      production(4999, 21),
    ]);
  });

  afterAll(() => github.stop());

  test('takes 52 GraphQL requests (50 pages + 2 status follow-ups) where REST takes 5,050 (50 lists + 5,000 statuses calls)', async () => {
    const history = await readDeploymentHistory(client(github), REPO, { environment: 'production' });
    expect(history.deployments).toHaveLength(5000);
    expect(history.truncated).toBe(false);
    expect(history.requests).toBe(52);
    // Reading writes nothing: every request was a GraphQL query, and the history is as seeded.
    expect(new Set(github.requests.map((request) => `${request.httpMethod} ${request.pathname}`))).toEqual(
      new Set(['POST /graphql']),
    );
    expect(github.deployments('acme', 'shop')).toHaveLength(5000);
    // 1 point a query, far from the workflow token's 1,000 points an hour; REST's 5,050 requests exceed its 1,000.
    expect(github.graphqlUsage.points).toBe(52);
  });
});
