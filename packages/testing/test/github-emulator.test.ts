// Behaviour of the GitHub emulator through HTTP: what each endpoint answers; auth, rate limits and faults.
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import {
  DEFAULT_GITHUB_TOKEN,
  GitHubEmulator,
  type GitHubEmulatorOptions,
  type GitHubRecordedRequest,
  type GitHubRepoDef,
} from '../src/github-emulator.ts';

const OWNER = 'flowkit-org';
const REPO = 'dashboard';
const BASE = `/repos/${OWNER}/${REPO}`;
const WRITER = 'ghs_writer';
const READER = 'ghs_reader';
const COMMENTER = 'ghs_pr_commenter';
const START = Date.UTC(2026, 2, 2, 12, 0, 0);

/**
 * main:            Initial commit ─ Add widget ─ Fix widget ─ Merge pull request #3
 * feature/top-5:                  └ Top 5 query ─ Top 5 widget              (diverged from main)
 * hotfix:                                       main ─ Hotfix               (ahead of main)
 * merged-feature:  └ Merged change ────────────────────┘                    (merged into main)
 * release:         main's head; orphan: an unrelated root commit
 */
const dashboard: GitHubRepoDef = {
  owner: OWNER,
  name: REPO,
  branches: {
    main: [
      { message: 'Initial commit' },
      { message: 'Add widget' },
      { message: 'Fix widget' },
      { message: 'Merge pull request #3', parents: ['Fix widget', 'merged-feature'] },
    ],
    'feature/top-5': [
      {
        message: 'Top 5 query',
        parents: ['Add widget'],
        author: { name: 'Alice', email: 'alice@example.com', login: 'alice' },
      },
      { message: 'Top 5 widget', author: { name: 'Alice', email: 'alice@example.com' } },
    ],
    hotfix: [{ message: 'Hotfix', parents: ['main'] }],
    'merged-feature': [{ message: 'Merged change', parents: ['Initial commit'] }],
    release: [],
    orphan: [{ message: 'Unrelated root' }],
  },
  pulls: [
    { number: 1, title: 'Top 5 widget', body: 'Shows the top 5.', head: 'feature/top-5', base: 'main' },
    { number: 3, title: 'Merged change', head: 'merged-feature', base: 'main', merged: true, user: 'bob' },
    { number: 4, title: 'Abandoned', head: 'hotfix', base: 'main', state: 'closed' },
  ],
  environments: [
    {
      name: 'production',
      protectionRules: [
        { type: 'required_reviewers', reviewers: ['pm-pat', 'qa-quinn'] },
        { type: 'wait_timer', waitTimer: 30 },
        { type: 'branch_policy' },
      ],
    },
    { name: 'staging' },
  ],
};

function options(overrides: Partial<GitHubEmulatorOptions> = {}): GitHubEmulatorOptions {
  return {
    repos: [dashboard],
    tokens: {
      [WRITER]: { login: 'github-actions[bot]' },
      [READER]: {
        login: 'reader',
        permissions: { contents: 'read', pull_requests: 'read', deployments: 'read' },
      },
      [COMMENTER]: { login: 'commenter', permissions: { pull_requests: 'write' } },
    },
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

interface Send {
  token?: string | null;
  scheme?: string;
  body?: unknown;
  rawBody?: string;
}

async function send(gh: GitHubEmulator, method: string, path: string, how: Send = {}): Promise<Answer> {
  const token = how.token === undefined ? WRITER : how.token;
  const headers: Record<string, string> = { accept: 'application/vnd.github+json' };
  if (token !== null) headers.authorization = `${how.scheme ?? 'Bearer'} ${token}`;
  let body: string | undefined = how.rawBody;
  if (how.body !== undefined) body = JSON.stringify(how.body);
  if (body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
  const response = await fetch(`${gh.url}${path}`, { method, headers, body });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? undefined : JSON.parse(text),
  };
}

const get = (gh: GitHubEmulator, path: string, how: Send = {}) => send(gh, 'GET', path, how);
const post = (gh: GitHubEmulator, path: string, body: unknown, how: Send = {}) =>
  send(gh, 'POST', path, { ...how, body });

function links(answer: Answer): Record<string, string> {
  const header = answer.headers.get('link') ?? '';
  return Object.fromEntries(
    [...header.matchAll(/<([^>]+)>; rel="(\w+)"/g)].map((match) => [match[2], match[1]] as [string, string]),
  );
}

function pageOf(url: string | undefined): string | null {
  return url === undefined ? null : new URL(url).searchParams.get('page');
}

describe('GitHubEmulator', () => {
  let gh: GitHubEmulator;
  let clock: number;

  beforeEach(async () => {
    clock = START;
    gh = await GitHubEmulator.start(options({ now: () => clock }));
  });

  afterEach(async () => {
    await gh.stop();
  });

  const sha = (branchOrMessage: string) => gh.sha(OWNER, REPO, branchOrMessage);

  describe('server and request log', () => {
    test('listens on 127.0.0.1 and serves the API at its root, like GITHUB_API_URL', async () => {
      expect(gh.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const answer = await get(gh, `${BASE}/commits/main`);
      expect(answer.status).toBe(200);
      expect(answer.body.url).toBe(`${gh.url}${BASE}/commits/${sha('main')}`);
    });

    test('records each request with its operation, query, body and answer', async () => {
      await post(gh, `${BASE}/issues/1/comments`, { body: 'hello' });
      await get(gh, `${BASE}/deployments?environment=staging&per_page=5`);
      await get(gh, '/nowhere');
      const [comment, list, unknown] = gh.requests as [
        GitHubRecordedRequest,
        GitHubRecordedRequest,
        GitHubRecordedRequest,
      ];
      expect(comment).toMatchObject({
        httpMethod: 'POST',
        pathname: `${BASE}/issues/1/comments`,
        operation: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
        body: { body: 'hello' },
        status: 201,
        receivedAt: START,
      });
      expect(comment.headers.authorization).toBe(`Bearer ${WRITER}`);
      expect((comment.response as Json).body).toBe('hello');
      expect(list).toMatchObject({
        path: `${BASE}/deployments?environment=staging&per_page=5`,
        operation: 'GET /repos/{owner}/{repo}/deployments',
        query: { environment: 'staging', per_page: '5' },
        body: undefined,
        response: [],
      });
      expect(unknown).toMatchObject({ operation: '', status: 404 });
      expect(unknown?.responseHeaders['content-type']).toBe('application/json; charset=utf-8');
    });

    test('stop() closes idle keep-alive connections and later calls fail', async () => {
      const first = await fetch(`${gh.url}${BASE}/commits/main`, {
        headers: { authorization: `Bearer ${WRITER}`, connection: 'keep-alive' },
      });
      await first.text();
      await gh.stop();
      await expect(fetch(`${gh.url}${BASE}/commits/main`)).rejects.toThrow();
    });
  });

  describe('repositories', () => {
    test('derives the same shas from the same definitions, and takes given ones', async () => {
      const again = await GitHubEmulator.start({
        repos: [
          dashboard,
          {
            owner: OWNER,
            name: 'given',
            branches: { main: [{ message: 'Pinned', sha: 'a'.repeat(40) }, { message: 'After' }] },
          },
        ],
      });
      try {
        expect(again.sha(OWNER, REPO, 'feature/top-5')).toBe(sha('feature/top-5'));
        expect(again.sha(OWNER, 'given', 'Pinned')).toBe('a'.repeat(40));
        const after = await get(again, `/repos/${OWNER}/given/commits/main`, { token: DEFAULT_GITHUB_TOKEN });
        expect(after.body.parents.map((parent: Json) => parent.sha)).toEqual(['a'.repeat(40)]);
      } finally {
        await again.stop();
      }
    });

    test('builds parents from shas, branches and messages, in either direction between branches', async () => {
      const merge = await get(gh, `${BASE}/commits/${sha('Merge pull request #3')}`);
      expect(merge.body.parents.map((parent: Json) => parent.sha)).toEqual([
        sha('Fix widget'),
        sha('merged-feature'),
      ]);
      const hotfix = await get(gh, `${BASE}/commits/hotfix`);
      expect(hotfix.body.parents[0].sha).toBe(sha('main'));
      expect(sha('release')).toBe(sha('main'));
      const root = await get(gh, `${BASE}/commits/orphan`);
      expect(root.body.parents).toEqual([]);
    });

    test('gives commits without a date one minute apart in definition order', async () => {
      const first = await get(gh, `${BASE}/commits/${sha('Initial commit')}`);
      const second = await get(gh, `${BASE}/commits/${sha('Add widget')}`);
      expect(first.body.commit.author.date).toBe('2025-01-06T09:00:00Z');
      expect(second.body.commit.author.date).toBe('2025-01-06T09:01:00Z');
    });

    test('sha() names a branch head or a commit message, and refuses what it cannot find', () => {
      expect(sha('main')).toBe(sha('Merge pull request #3'));
      expect(() => sha('no such thing')).toThrow('no branch or commit named "no such thing"');
      expect(() => gh.sha(OWNER, 'other', 'main')).toThrow('Unknown repository "flowkit-org/other"');
    });

    test('refuses definitions that do not make sense, naming the problem', async () => {
      const start = (repo: Partial<GitHubRepoDef>) =>
        GitHubEmulator.start({ repos: [{ owner: 'o', name: 'r', ...repo }] });
      await expect(start({ branches: { main: [{ message: 'x', parents: ['nope'] }] } })).rejects.toThrow(
        'commit "x" on main has parent(s) "nope" that name no commit',
      );
      await expect(start({ branches: { main: [{ message: 'x', sha: 'abc' }] } })).rejects.toThrow(
        'has sha "abc", which is not 40 hex digits',
      );
      await expect(
        start({ branches: { main: [{ message: 'x' }], other: [{ message: 'x' }] } }),
      ).rejects.toThrow('which another commit already has');
      await expect(start({ branches: { develop: [{ message: 'x' }] } })).rejects.toThrow(
        'the default branch "main" needs at least one commit',
      );
      await expect(
        start({ pulls: [{ number: 1, title: 't', head: 'feature', base: 'main' }] }),
      ).rejects.toThrow('pull request #1 names branch "feature", which is not defined');
    });

    test('finds repositories whatever the case of owner and name, and 404s unknown ones', async () => {
      expect((await get(gh, '/repos/FLOWKIT-ORG/Dashboard/commits/main')).status).toBe(200);
      const unknown = await get(gh, `/repos/${OWNER}/elsewhere/pulls/1`);
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual({
        message: 'Not Found',
        documentation_url: 'https://docs.github.com/rest/pulls/pulls#get-a-pull-request',
        status: '404',
      });
    });
  });

  describe('authentication and permissions', () => {
    test('takes the token as Bearer, as token, or as the Basic password', async () => {
      for (const how of [
        { scheme: 'Bearer', token: WRITER },
        { scheme: 'token', token: WRITER },
        { scheme: 'Basic', token: Buffer.from(`x-access-token:${WRITER}`).toString('base64') },
      ]) {
        expect((await get(gh, `${BASE}/commits/main`, how)).status).toBe(200);
      }
    });

    test('answers an unknown token with 401 Bad credentials', async () => {
      const answer = await get(gh, `${BASE}/commits/main`, { token: 'ghs_unknown' });
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401',
      });
    });

    test('hides the private repositories from a request without a token', async () => {
      const answer = await get(gh, `${BASE}/commits/main`, { token: null });
      expect(answer.status).toBe(404);
      expect(answer.body.message).toBe('Not Found');
      expect(answer.headers.get('x-ratelimit-limit')).toBe('60');
    });

    test('answers a missing permission with 403 and the permissions that would do', async () => {
      const write = await post(gh, `${BASE}/deployments`, { ref: 'main' }, { token: READER });
      expect(write.status).toBe(403);
      expect(write.body).toEqual({
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/deployments/deployments#create-a-deployment',
        status: '403',
      });
      expect(write.headers.get('x-accepted-github-permissions')).toBe('deployments=write');
      const comments = await get(gh, `${BASE}/issues/1/comments`, { token: READER });
      expect(comments.status).toBe(200);
      const environment = await get(gh, `${BASE}/environments/production`, { token: READER });
      expect(environment.status).toBe(403);
      expect(environment.headers.get('x-accepted-github-permissions')).toBe('actions=read');
      expect(gh.deployments(OWNER, REPO)).toEqual([]);
    });

    test('lets pull_requests or issues write comment, and write include read', async () => {
      const created = await post(
        gh,
        `${BASE}/issues/1/comments`,
        { body: 'via PR permission' },
        { token: COMMENTER },
      );
      expect(created.status).toBe(201);
      expect((await get(gh, `${BASE}/issues/1/comments`, { token: COMMENTER })).status).toBe(200);
      const denied = await post(gh, `${BASE}/issues/1/comments`, { body: 'x' }, { token: READER });
      expect(denied.headers.get('x-accepted-github-permissions')).toBe('issues=write; pull_requests=write');
      expect(gh.comments(OWNER, REPO, 1)).toEqual([{ id: 1, body: 'via PR permission', user: 'commenter' }]);
    });

    test('the default token acts as github-actions[bot] with every permission', async () => {
      const defaults = await GitHubEmulator.start({ repos: [dashboard] });
      try {
        const created = await post(
          defaults,
          `${BASE}/deployments`,
          { ref: 'main' },
          { token: DEFAULT_GITHUB_TOKEN },
        );
        expect(created.status).toBe(201);
        expect(created.body.creator.login).toBe('github-actions[bot]');
        expect(created.body.creator.type).toBe('Bot');
      } finally {
        await defaults.stop();
      }
    });
  });

  describe('rate limits', () => {
    test('every answer, errors included, carries the primary limit headers and a request ID', async () => {
      const ok = await get(gh, `${BASE}/commits/main`);
      const missing = await get(gh, `${BASE}/pulls/99`);
      for (const [answer, used] of [
        [ok, 1],
        [missing, 2],
      ] as const) {
        expect(answer.headers.get('x-ratelimit-limit')).toBe('1000');
        expect(answer.headers.get('x-ratelimit-used')).toBe(String(used));
        expect(answer.headers.get('x-ratelimit-remaining')).toBe(String(1000 - used));
        expect(answer.headers.get('x-ratelimit-reset')).toBe(String((START + 3_600_000) / 1000));
        expect(answer.headers.get('x-ratelimit-resource')).toBe('core');
      }
      const ids = [ok, missing].map((answer) => answer.headers.get('x-github-request-id'));
      expect(ids[0]).toMatch(/^[0-9A-F]{4}:[0-9A-F]{4}:[0-9A-F]{6}:[0-9A-F]{6}:[0-9A-F]{8}$/);
      expect(ids[0]).not.toBe(ids[1]);
    });

    test('a used-up primary limit is 403 with remaining 0 until the window resets', async () => {
      const limited = await GitHubEmulator.start(
        options({ now: () => clock, rateLimit: { limit: 2, windowMs: 60_000 } }),
      );
      try {
        await get(limited, `${BASE}/commits/main`);
        clock += 10_000;
        await get(limited, `${BASE}/commits/main`);
        const refused = await get(limited, `${BASE}/commits/main`);
        expect(refused.status).toBe(403);
        expect(refused.body).toEqual({
          message: expect.stringMatching(/^API rate limit exceeded for installation ID \d+\.$/),
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
          status: '403',
        });
        expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
        expect(refused.headers.get('x-ratelimit-used')).toBe('2');
        expect(refused.headers.get('x-ratelimit-reset')).toBe(String((START + 60_000) / 1000));
        // Another token has its own window.
        expect((await get(limited, `${BASE}/commits/main`, { token: READER })).status).toBe(200);
        clock = START + 60_000;
        const reset = await get(limited, `${BASE}/commits/main`);
        expect(reset.status).toBe(200);
        expect(reset.headers.get('x-ratelimit-remaining')).toBe('1');
        expect(reset.headers.get('x-ratelimit-reset')).toBe(String((START + 120_000) / 1000));
      } finally {
        await limited.stop();
      }
    });

    test('content-creating requests meet the secondary limit with retry-after; reads do not', async () => {
      const limited = await GitHubEmulator.start(
        options({ now: () => clock, contentRateLimits: [{ limit: 2, windowMs: 60_000 }] }),
      );
      try {
        await post(limited, `${BASE}/issues/1/comments`, { body: 'one' });
        clock += 15_000;
        await post(limited, `${BASE}/issues/1/comments`, { body: 'two' });
        const refused = await post(limited, `${BASE}/issues/1/comments`, { body: 'three' });
        expect(refused.status).toBe(403);
        expect(refused.body.message).toMatch(/^You have exceeded a secondary rate limit/);
        expect(refused.headers.get('retry-after')).toBe('45');
        expect((await get(limited, `${BASE}/issues/1/comments`)).status).toBe(200);
        expect(limited.comments(OWNER, REPO, 1).map((comment) => comment.body)).toEqual(['one', 'two']);
      } finally {
        await limited.stop();
      }
    });
  });

  describe('failNext', () => {
    test('fails matching requests as told, with no effect and without counting them', async () => {
      gh.failNext(
        { method: 'post', path: '/repos/{owner}/{repo}/deployments' },
        { status: 403, headers: { 'retry-after': '60' }, times: 2 },
      );
      const first = await post(gh, `${BASE}/deployments`, { ref: 'main', auto_merge: false });
      const second = await post(gh, `${BASE}/deployments`, { ref: 'main', auto_merge: false });
      const third = await post(gh, `${BASE}/deployments`, { ref: 'main', auto_merge: false });
      expect([first.status, second.status, third.status]).toEqual([403, 403, 201]);
      expect(first.body.message).toMatch(/^You have exceeded a secondary rate limit/);
      expect(first.headers.get('retry-after')).toBe('60');
      expect(first.headers.get('x-ratelimit-used')).toBe('0');
      expect(third.headers.get('x-ratelimit-used')).toBe('1');
      expect(gh.deployments(OWNER, REPO)).toHaveLength(1);
    });

    test('matches by exact pathname or pattern, and answers the body it is given', async () => {
      gh.failNext({ path: /\/pulls\/\d+$/ }, { status: 502, body: { message: 'Server Error' } });
      gh.failNext({ path: `${BASE}/commits/main` }, { status: 500 });
      expect((await get(gh, `${BASE}/pulls/1/commits`)).status).toBe(200);
      const pull = await get(gh, `${BASE}/pulls/1`);
      expect(pull).toMatchObject({ status: 502, body: { message: 'Server Error' } });
      const commit = await get(gh, `${BASE}/commits/main`);
      expect(commit).toMatchObject({ status: 500, body: { message: 'Server Error', status: '500' } });
      expect((await get(gh, `${BASE}/commits/main`)).status).toBe(200);
    });
  });

  describe('pull requests', () => {
    test('GET a pull request: its branches, shas, commit count and state', async () => {
      const answer = await get(gh, `${BASE}/pulls/1`);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        number: 1,
        state: 'open',
        title: 'Top 5 widget',
        body: 'Shows the top 5.',
        user: { login: 'alice' },
        merged: false,
        mergeable: true,
        merge_commit_sha: null,
        commits: 2,
        head: { ref: 'feature/top-5', sha: sha('feature/top-5'), label: `${OWNER}:feature/top-5` },
        base: {
          ref: 'main',
          sha: sha('main'),
          repo: { full_name: `${OWNER}/${REPO}`, default_branch: 'main' },
        },
      });
    });

    test('a merged pull request is closed and keeps the commits it had before the merge', async () => {
      const merged = await get(gh, `${BASE}/pulls/3`);
      expect(merged.body).toMatchObject({
        state: 'closed',
        merged: true,
        merge_commit_sha: sha('Merge pull request #3'),
        merged_by: { login: 'bob' },
        commits: 1,
        base: { sha: sha('Fix widget') },
      });
      expect(merged.body.merged_at).toBe(merged.body.closed_at);
      const commits = await get(gh, `${BASE}/pulls/3/commits`);
      expect(commits.body.map((commit: Json) => commit.commit.message)).toEqual(['Merged change']);
      const closed = await get(gh, `${BASE}/pulls/4`);
      expect(closed.body).toMatchObject({ state: 'closed', merged: false, merged_at: null, mergeable: null });
    });

    test('unknown pull requests are 404', async () => {
      expect((await get(gh, `${BASE}/pulls/99`)).status).toBe(404);
      expect((await get(gh, `${BASE}/pulls/99/commits`)).status).toBe(404);
      expect((await get(gh, `${BASE}/pulls/abc`)).status).toBe(404);
    });

    test('lists its commits oldest first, with the GitHub commit shape', async () => {
      const answer = await get(gh, `${BASE}/pulls/1/commits`);
      expect(answer.headers.get('link')).toBeNull();
      const [first, second] = answer.body;
      expect(first).toMatchObject({
        sha: sha('Top 5 query'),
        commit: {
          message: 'Top 5 query',
          author: { name: 'Alice', email: 'alice@example.com' },
          verification: { verified: false, reason: 'unsigned' },
        },
        author: { login: 'alice' },
        parents: [{ sha: sha('Add widget') }],
      });
      // An author with no GitHub login has no GitHub user.
      expect(second.author).toBeNull();
      expect(second.commit.author.name).toBe('Alice');
    });
  });

  describe('pagination and the 250-commit cap', () => {
    let big: GitHubEmulator;
    const commits = (count: number, prefix: string) =>
      Array.from({ length: count }, (_, index) => ({ message: `${prefix} ${index + 1}` }));

    beforeEach(async () => {
      big = await GitHubEmulator.start({
        tokens: { [WRITER]: { login: 'ci' } },
        repos: [
          {
            owner: OWNER,
            name: 'big',
            branches: {
              main: [{ message: 'Root' }],
              huge: [{ message: 'Huge 1', parents: ['Root'] }, ...commits(299, 'Huge more').slice(0)],
              small: [{ message: 'Small 1', parents: ['Root'] }, ...commits(69, 'Small more')],
            },
            pulls: [
              { number: 1, title: 'Huge', head: 'huge', base: 'main' },
              { number: 2, title: 'Small', head: 'small', base: 'main' },
            ],
          },
        ],
      });
    });

    afterEach(async () => {
      await big.stop();
    });

    const BIG = `/repos/${OWNER}/big`;

    test('pages default to 30, per_page is capped at 100, and Link names prev, next, last and first', async () => {
      const first = await get(big, `${BIG}/pulls/2/commits`);
      expect(first.body).toHaveLength(30);
      expect(first.body[0].commit.message).toBe('Small 1');
      expect(links(first)).toEqual({
        next: `${big.url}${BIG}/pulls/2/commits?page=2`,
        last: `${big.url}${BIG}/pulls/2/commits?page=3`,
      });
      const middle = await get(big, `${BIG}/pulls/2/commits?per_page=30&page=2`);
      expect(Object.keys(links(middle))).toEqual(['prev', 'next', 'last', 'first']);
      expect(links(middle).next).toBe(`${big.url}${BIG}/pulls/2/commits?per_page=30&page=3`);
      const last = await get(big, `${BIG}/pulls/2/commits?page=3`);
      expect(last.body).toHaveLength(10);
      expect(Object.keys(links(last))).toEqual(['prev', 'first']);
      const clamped = await get(big, `${BIG}/pulls/2/commits?per_page=500`);
      expect(clamped.body).toHaveLength(70);
      expect(clamped.headers.get('link')).toBeNull();
    });

    test('a pull request lists at most its oldest 250 commits but counts them all', async () => {
      const pull = await get(big, `${BIG}/pulls/1`);
      expect(pull.body.commits).toBe(300);
      const pages = [1, 2, 3, 4].map((page) => get(big, `${BIG}/pulls/1/commits?per_page=100&page=${page}`));
      const [first, second, third, beyond] = await Promise.all(pages);
      expect(pageOf(links(first as Answer).last)).toBe('3');
      expect(third?.body).toHaveLength(50);
      expect(third?.body.at(-1).commit.message).toBe('Huge more 249');
      expect(beyond?.body).toEqual([]);
      const listed = [first, second, third].flatMap((answer) => answer?.body.map((c: Json) => c.sha));
      expect(new Set(listed).size).toBe(250);
    });

    test('an unpaged compare lists the newest 250 commits; a paged one pages from the oldest', async () => {
      const unpaged = await get(big, `${BIG}/compare/main...huge`);
      expect(unpaged.body.total_commits).toBe(300);
      expect(unpaged.body.commits).toHaveLength(250);
      expect(unpaged.body.commits.at(-1).commit.message).toBe('Huge more 299');
      expect(unpaged.body.commits[0].commit.message).toBe('Huge more 50');
      expect(unpaged.headers.get('link')).toBeNull();
      const paged = await get(big, `${BIG}/compare/main...huge?per_page=250`);
      expect(paged.body.commits).toHaveLength(250);
      expect(paged.body.commits[0].commit.message).toBe('Huge 1');
      expect(paged.body.files).toEqual([]);
      expect(pageOf(links(paged).next)).toBe('2');
      const second = await get(big, `${BIG}/compare/main...huge?per_page=250&page=2`);
      expect(second.body.commits).toHaveLength(50);
      // Changed files come with the first page only.
      expect(second.body.files).toBeUndefined();
      const small = await get(big, `${BIG}/compare/main...huge?page=1`);
      expect(small.body.commits).toHaveLength(30);
    });
  });

  describe('compare', () => {
    const compare = (spec: string) => get(gh, `${BASE}/compare/${spec}`);

    test('ahead, behind, identical and diverged, with ahead_by, behind_by and the merge base', async () => {
      const ahead = await compare('main...hotfix');
      expect(ahead.body).toMatchObject({ status: 'ahead', ahead_by: 1, behind_by: 0, total_commits: 1 });
      expect(ahead.body.merge_base_commit.sha).toBe(sha('main'));
      const behind = await compare(`main...${sha('Add widget')}`);
      expect(behind.body).toMatchObject({ status: 'behind', ahead_by: 0, behind_by: 3, commits: [] });
      const identical = await compare('main...release');
      expect(identical.body).toMatchObject({ status: 'identical', ahead_by: 0, behind_by: 0 });
      const diverged = await compare('main...feature/top-5');
      expect(diverged.body).toMatchObject({
        status: 'diverged',
        ahead_by: 2,
        behind_by: 3,
        total_commits: 2,
      });
      expect(diverged.body.base_commit.sha).toBe(sha('main'));
      expect(diverged.body.merge_base_commit.sha).toBe(sha('Add widget'));
      expect(diverged.body.commits.map((commit: Json) => commit.commit.message)).toEqual([
        'Top 5 query',
        'Top 5 widget',
      ]);
      expect(diverged.body.url).toBe(`${gh.url}${BASE}/compare/main...feature/top-5`);
    });

    test('takes shas, short shas, heads/ refs, owner: prefixes and encoded slashes', async () => {
      for (const spec of [
        `${sha('Add widget')}...${sha('feature/top-5')}`,
        `${sha('Add widget').slice(0, 7)}...heads/feature/top-5`,
        `${OWNER}:main...${OWNER}:feature%2Ftop-5`,
      ]) {
        const answer = await compare(spec);
        expect(answer.status).toBe(200);
        expect(answer.body.ahead_by).toBe(2);
      }
    });

    test('unknown refs, a missing "...", another owner and unrelated histories are 404', async () => {
      for (const spec of ['main...nope', 'nope...main', 'main', `someone-else:main...hotfix`]) {
        expect((await compare(spec)).status).toBe(404);
      }
      const unrelated = await compare('main...orphan');
      expect(unrelated.status).toBe(404);
      expect(unrelated.body.message).toBe('No common ancestor between main and orphan.');
    });
  });

  describe('commits and commit statuses', () => {
    test('GET a commit by branch, sha or heads/ ref, with stats and files', async () => {
      for (const ref of ['hotfix', sha('hotfix'), 'heads/hotfix', 'refs/heads/hotfix']) {
        const answer = await get(gh, `${BASE}/commits/${ref}`);
        expect(answer.body).toMatchObject({ sha: sha('hotfix'), stats: { total: 0 }, files: [] });
      }
      const unknown = await get(gh, `${BASE}/commits/nope`);
      expect(unknown.status).toBe(422);
      expect(unknown.body.message).toBe('No commit found for SHA: nope');
    });

    test('creates commit statuses and refuses unknown shas and states', async () => {
      const created = await post(gh, `${BASE}/statuses/${sha('main')}`, {
        state: 'success',
        context: 'ci/test',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        state: 'success',
        context: 'ci/test',
        creator: { login: 'github-actions[bot]' },
      });
      const unknown = await post(gh, `${BASE}/statuses/${'0'.repeat(40)}`, { state: 'success' });
      expect(unknown.status).toBe(422);
      expect(unknown.body.message).toBe(`No commit found for SHA: ${'0'.repeat(40)}`);
      const badState = await post(gh, `${BASE}/statuses/${sha('main')}`, { state: 'done' });
      expect(badState.status).toBe(422);
      expect(badState.body.message).toMatch(
        /^Invalid request\.\n\nFor 'properties\/state', "done" is not one of/,
      );
    });
  });

  describe('deployments', () => {
    const deploy = (body: unknown, how: Send = {}) => post(gh, `${BASE}/deployments`, body, how);

    test('creates a deployment with GitHub defaults', async () => {
      clock = START + 5_000;
      const created = await deploy({ ref: 'main', payload: '{"canary":5}' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        id: 1,
        node_id: 'MDEwOkRlcGxveW1lbnQx',
        sha: sha('main'),
        ref: 'main',
        task: 'deploy',
        environment: 'production',
        original_environment: 'production',
        production_environment: true,
        transient_environment: false,
        payload: { canary: 5 },
        description: '',
        created_at: '2026-03-02T12:00:05Z',
        statuses_url: `${gh.url}${BASE}/deployments/1/statuses`,
      });
      const staging = await deploy({
        ref: 'hotfix',
        environment: 'pr-7',
        transient_environment: true,
        payload: { pr: 7 },
        description: 'Preview',
      });
      expect(staging.body).toMatchObject({
        production_environment: false,
        transient_environment: true,
        payload: { pr: 7 },
        description: 'Preview',
      });
      // Deploying to a new environment creates it, as GitHub does.
      expect((await get(gh, `${BASE}/environments/pr-7`)).status).toBe(200);
      expect(gh.deployments(OWNER, REPO)).toEqual([
        {
          id: 1,
          sha: sha('main'),
          ref: 'main',
          environment: 'production',
          payload: { canary: 5 },
          statuses: [],
        },
        { id: 2, sha: sha('hotfix'), ref: 'hotfix', environment: 'pr-7', payload: { pr: 7 }, statuses: [] },
      ]);
    });

    test('a ref behind the default branch is a merge conflict unless auto_merge is false', async () => {
      const conflict = await deploy({ ref: 'feature/top-5' });
      expect(conflict.status).toBe(409);
      expect(conflict.body).toEqual({
        message: 'Conflict merging main into feature/top-5.',
        documentation_url: 'https://docs.github.com/rest/deployments/deployments#create-a-deployment',
        status: '409',
      });
      expect((await deploy({ ref: sha('Add widget') })).body.message).toBe(
        `Conflict merging main into ${sha('Add widget')}.`,
      );
      expect((await deploy({ ref: 'feature/top-5', auto_merge: false })).status).toBe(201);
      expect((await deploy({ ref: 'hotfix' })).status).toBe(201);
    });

    test('every reported context, or every required one, must be success', async () => {
      const statusOf = (state: string, context: string) =>
        post(gh, `${BASE}/statuses/${sha('main')}`, { state, context });
      await statusOf('success', 'ci/build');
      await statusOf('pending', 'ci/e2e');
      const failed = await deploy({ ref: 'main' });
      expect(failed.status).toBe(409);
      expect(failed.body).toEqual({
        message: 'Conflict: Commit status checks failed for main.',
        errors: [
          {
            contexts: [
              { context: 'ci/build', state: 'success' },
              { context: 'ci/e2e', state: 'pending' },
            ],
            resource: 'Deployment',
            field: 'required_contexts',
            code: 'invalid',
          },
        ],
        documentation_url: 'https://docs.github.com/rest/deployments/deployments#create-a-deployment',
        status: '409',
      });
      expect((await deploy({ ref: 'main', required_contexts: ['CI/Build'] })).status).toBe(201);
      expect((await deploy({ ref: 'main', required_contexts: ['ci/lint'] })).status).toBe(409);
      expect((await deploy({ ref: 'main', required_contexts: [] })).status).toBe(201);
      await statusOf('success', 'ci/e2e');
      expect((await deploy({ ref: 'main' })).status).toBe(201);
    });

    test('validates the body as GitHub does', async () => {
      const missing = await deploy({ environment: 'staging' });
      expect(missing.status).toBe(422);
      expect(missing.body.message).toBe('Invalid request.\n\n"ref" wasn\'t supplied.');
      const wrongType = await deploy({ ref: 'main', auto_merge: 'yes' });
      expect(wrongType.body.message).toBe(
        `Invalid request.\n\nFor 'properties/auto_merge', "yes" is not a boolean.`,
      );
      const nullRef = await deploy({ ref: null });
      expect(nullRef.body.message).toBe(`Invalid request.\n\nFor 'properties/ref', nil is not a string.`);
      const contexts = await deploy({ ref: 'main', required_contexts: 'ci' });
      expect(contexts.body.message).toBe(
        `Invalid request.\n\nFor 'properties/required_contexts', "ci" is not an array of strings.`,
      );
      const unknownRef = await deploy({ ref: 'nope' });
      expect(unknownRef).toMatchObject({ status: 422, body: { message: 'No ref found for: nope' } });
      const notJson = await send(gh, 'POST', `${BASE}/deployments`, { rawBody: '{"ref":' });
      expect(notJson).toMatchObject({ status: 400, body: { message: 'Problems parsing JSON' } });
      const notObject = await send(gh, 'POST', `${BASE}/deployments`, { rawBody: '["main"]' });
      expect(notObject).toMatchObject({ status: 400, body: { message: 'Body should be a JSON object' } });
      expect(gh.deployments(OWNER, REPO)).toEqual([]);
    });

    test('lists newest first, filtered by sha, ref, task and environment, in pages', async () => {
      await deploy({ ref: 'main', environment: 'staging' });
      await deploy({ ref: 'hotfix', environment: 'staging', task: 'deploy:migrations' });
      await deploy({ ref: 'main', environment: 'production' });
      const ids = async (query: string) =>
        (await get(gh, `${BASE}/deployments${query}`)).body.map((deployment: Json) => deployment.id);
      expect(await ids('')).toEqual([3, 2, 1]);
      expect(await ids('?environment=staging')).toEqual([2, 1]);
      expect(await ids(`?sha=${sha('hotfix')}`)).toEqual([2]);
      expect(await ids('?ref=main&environment=production')).toEqual([3]);
      expect(await ids('?task=deploy:migrations')).toEqual([2]);
      expect(await ids('?environment=none')).toEqual([3, 2, 1]);
      const page = await get(gh, `${BASE}/deployments?per_page=2&page=2`);
      expect(page.body.map((deployment: Json) => deployment.id)).toEqual([1]);
      expect(Object.keys(links(page))).toEqual(['prev', 'first']);
    });

    test('GET one deployment, and 404 for an unknown one', async () => {
      await deploy({ ref: 'main' });
      expect((await get(gh, `${BASE}/deployments/1`)).body.sha).toBe(sha('main'));
      expect((await get(gh, `${BASE}/deployments/2`)).status).toBe(404);
      expect((await get(gh, `${BASE}/deployments/2/statuses`)).status).toBe(404);
      expect((await post(gh, `${BASE}/deployments/2/statuses`, { state: 'success' })).status).toBe(404);
    });
  });

  describe('deployment statuses', () => {
    const deploy = async (body: Json) => (await post(gh, `${BASE}/deployments`, body)).body.id as number;
    const setStatus = (id: number, body: unknown) => post(gh, `${BASE}/deployments/${id}/statuses`, body);

    test('adds statuses; log_url sets target_url; listed newest first', async () => {
      const id = await deploy({ ref: 'main', environment: 'staging' });
      await setStatus(id, { state: 'in_progress', log_url: 'https://ci.example/run/1' });
      const done = await setStatus(id, {
        state: 'success',
        environment_url: 'https://staging.example',
        description: 'Deployed',
      });
      expect(done.status).toBe(201);
      expect(done.body).toMatchObject({
        state: 'success',
        environment: 'staging',
        environment_url: 'https://staging.example',
        description: 'Deployed',
        deployment_url: `${gh.url}${BASE}/deployments/${id}`,
        log_url: '',
        target_url: '',
      });
      const listed = await get(gh, `${BASE}/deployments/${id}/statuses`);
      expect(listed.body.map((status: Json) => [status.state, status.target_url])).toEqual([
        ['success', ''],
        ['in_progress', 'https://ci.example/run/1'],
      ]);
      expect(gh.deployments(OWNER, REPO)[0]?.statuses).toEqual([
        { state: 'in_progress', log_url: 'https://ci.example/run/1' },
        { state: 'success', description: 'Deployed', environment_url: 'https://staging.example' },
      ]);
    });

    test('refuses a state GitHub does not have, a long description and a missing state', async () => {
      const id = await deploy({ ref: 'main' });
      const badState = await setStatus(id, { state: 'done' });
      expect(badState.status).toBe(422);
      expect(badState.body).toEqual({
        message: 'Validation Failed',
        errors: [
          {
            resource: 'DeploymentStatus',
            code: 'custom',
            field: 'state',
            message: 'state is not included in the list',
          },
        ],
        documentation_url: 'https://docs.github.com/rest/deployments/statuses#create-a-deployment-status',
        status: '422',
      });
      const long = await setStatus(id, { state: 'success', description: 'x'.repeat(141) });
      expect(long.body.errors[0].message).toBe('description is too long (maximum is 140 characters)');
      expect((await setStatus(id, { state: 'success', description: 'x'.repeat(140) })).status).toBe(201);
      expect((await setStatus(id, {})).body.message).toBe('Invalid request.\n\n"state" wasn\'t supplied.');
    });

    test('a status may move the deployment to another environment', async () => {
      const id = await deploy({ ref: 'main', environment: 'staging' });
      await setStatus(id, { state: 'queued', environment: 'qa' });
      const next = await setStatus(id, { state: 'in_progress' });
      expect(next.body.environment).toBe('qa');
      expect((await get(gh, `${BASE}/deployments/${id}`)).body).toMatchObject({
        environment: 'qa',
        original_environment: 'staging',
      });
    });

    test('a success marks earlier successful non-transient, non-production deployments of its environment inactive', async () => {
      const older = await deploy({ ref: 'main', environment: 'staging' });
      const failed = await deploy({ ref: 'main', environment: 'staging' });
      const transient = await deploy({ ref: 'main', environment: 'staging', transient_environment: true });
      const otherEnvironment = await deploy({ ref: 'main', environment: 'qa' });
      const productionOld = await deploy({ ref: 'main', environment: 'production' });
      for (const id of [older, transient, otherEnvironment, productionOld])
        await setStatus(id, { state: 'success' });
      await setStatus(failed, { state: 'failure' });
      const newer = await deploy({ ref: 'main', environment: 'staging' });
      await setStatus(newer, { state: 'success' });
      const productionNew = await deploy({ ref: 'main', environment: 'production' });
      await setStatus(productionNew, { state: 'success' });
      const states = Object.fromEntries(
        gh
          .deployments(OWNER, REPO)
          .map((deployment) => [deployment.id, deployment.statuses.map((s) => s.state)]),
      );
      expect(states).toEqual({
        [older]: ['success', 'inactive'],
        [failed]: ['failure'],
        [transient]: ['success'],
        [otherEnvironment]: ['success'],
        [productionOld]: ['success'],
        [newer]: ['success'],
        [productionNew]: ['success'],
      });
    });

    test('auto_inactive: false leaves earlier deployments as they are', async () => {
      const older = await deploy({ ref: 'main', environment: 'staging' });
      await setStatus(older, { state: 'success' });
      const newer = await deploy({ ref: 'main', environment: 'staging' });
      await setStatus(newer, { state: 'success', auto_inactive: false });
      expect(gh.deployments(OWNER, REPO).map((deployment) => deployment.statuses.at(-1)?.state)).toEqual([
        'success',
        'success',
      ]);
    });
  });

  describe('environments', () => {
    test('GET an environment with its protection rules', async () => {
      const answer = await get(gh, `${BASE}/environments/production`);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        name: 'production',
        deployment_branch_policy: { protected_branches: false, custom_branch_policies: true },
      });
      expect(answer.body.protection_rules.map((rule: Json) => rule.type)).toEqual([
        'required_reviewers',
        'wait_timer',
        'branch_policy',
      ]);
      const [reviewers, timer] = answer.body.protection_rules;
      expect(reviewers.reviewers.map((r: Json) => [r.type, r.reviewer.login])).toEqual([
        ['User', 'pm-pat'],
        ['User', 'qa-quinn'],
      ]);
      expect(timer.wait_timer).toBe(30);
      const staging = await get(gh, `${BASE}/environments/staging`);
      expect(staging.body).toMatchObject({ protection_rules: [], deployment_branch_policy: null });
    });

    test('names are URL-encoded and not case sensitive; unknown ones are 404', async () => {
      await post(gh, `${BASE}/deployments`, { ref: 'main', environment: 'prod/eu' });
      expect((await get(gh, `${BASE}/environments/prod%2Feu`)).body.name).toBe('prod/eu');
      expect((await get(gh, `${BASE}/environments/Production`)).status).toBe(200);
      const unknown = await get(gh, `${BASE}/environments/nowhere`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.documentation_url).toBe(
        'https://docs.github.com/rest/deployments/environments#get-an-environment',
      );
    });
  });

  describe('issue and pull request comments', () => {
    const comment = (number: number, body: unknown) => post(gh, `${BASE}/issues/${number}/comments`, body);

    test('creates, lists oldest first and updates comments', async () => {
      const first = await comment(1, { body: 'Staging deployment successful.' });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        id: 1,
        body: 'Staging deployment successful.',
        user: { login: 'github-actions[bot]' },
        issue_url: `${gh.url}${BASE}/issues/1`,
        html_url: `https://github.com/${OWNER}/${REPO}/pull/1#issuecomment-1`,
      });
      expect(first.headers.get('location')).toBe(`${gh.url}${BASE}/issues/comments/1`);
      await comment(1, { body: 'second' });
      await comment(3, { body: 'elsewhere' });
      clock += 60_000;
      const updated = await send(gh, 'PATCH', `${BASE}/issues/comments/1`, { body: { body: 'edited' } });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({
        body: 'edited',
        created_at: '2026-03-02T12:00:00Z',
        updated_at: '2026-03-02T12:01:00Z',
      });
      const listed = await get(gh, `${BASE}/issues/1/comments`);
      expect(listed.body.map((c: Json) => c.body)).toEqual(['edited', 'second']);
      const since = await get(gh, `${BASE}/issues/1/comments?since=2026-03-02T12:00:30Z`);
      expect(since.body.map((c: Json) => c.id)).toEqual([1]);
      const paged = await get(gh, `${BASE}/issues/1/comments?per_page=1`);
      expect(pageOf(links(paged).last)).toBe('2');
      expect(gh.comments(OWNER, REPO, 1)).toEqual([
        { id: 1, body: 'edited', user: 'github-actions[bot]' },
        { id: 2, body: 'second', user: 'github-actions[bot]' },
      ]);
      expect((await get(gh, `${BASE}/pulls/1`)).body.comments).toBe(2);
    });

    test('refuses unknown issues and comments, a missing body and a body over 65536 characters', async () => {
      expect((await comment(99, { body: 'x' })).status).toBe(404);
      expect((await get(gh, `${BASE}/issues/99/comments`)).status).toBe(404);
      expect((await send(gh, 'PATCH', `${BASE}/issues/comments/42`, { body: { body: 'x' } })).status).toBe(
        404,
      );
      const missing = await comment(1, {});
      expect(missing).toMatchObject({
        status: 422,
        body: { message: 'Invalid request.\n\n"body" wasn\'t supplied.' },
      });
      expect((await comment(1, { body: 'x'.repeat(65_536) })).status).toBe(201);
      const long = await comment(1, { body: 'x'.repeat(65_537) });
      expect(long.status).toBe(422);
      expect(long.body).toMatchObject({
        message: 'Validation Failed',
        errors: [
          {
            resource: 'IssueComment',
            code: 'unprocessable',
            field: 'data',
            message: 'Body is too long (maximum is 65536 characters)',
          },
        ],
      });
      expect(gh.comments(OWNER, REPO, 1)).toHaveLength(1);
    });
  });
});

describe('GitHubEmulator code scanning', () => {
  const SCANNER = 'ghs_scanner';
  const READ_ONLY = 'ghs_fork_pr';
  const SARIFS = `${BASE}/code-scanning/sarifs`;
  let gh: GitHubEmulator;

  const encode = (log: unknown) => gzipSync(JSON.stringify(log)).toString('base64');
  const run = (tool: string, category: string | undefined, results: unknown[] = []) => ({
    tool: { driver: { name: tool, rules: [] } },
    ...(category === undefined ? {} : { automationDetails: { id: category } }),
    results,
  });
  const sarifLog = (...runs: unknown[]) => ({ version: '2.1.0', runs });
  const upload = (body: Record<string, unknown>, token: string = SCANNER) =>
    post(gh, SARIFS, { commit_sha: gh.sha(OWNER, REPO, 'main'), ref: 'refs/heads/main', ...body }, { token });
  /** Uploads a log and answers its status after processing. */
  const processed = async (log: unknown) => {
    const accepted = await upload({ sarif: encode(log) });
    expect(accepted.status).toBe(202);
    return (await get(gh, `${SARIFS}/${accepted.body.id}`, { token: SCANNER })).body;
  };

  beforeEach(async () => {
    gh = await GitHubEmulator.start(
      options({
        tokens: {
          [SCANNER]: {
            login: 'github-actions[bot]',
            permissions: { security_events: 'write', contents: 'read' },
          },
          [READ_ONLY]: {
            login: 'github-actions[bot]',
            permissions: { security_events: 'read', contents: 'read' },
          },
          [READER]: { login: 'reader', permissions: { contents: 'read' } },
        },
        sarif: { limits: { maxGzippedBytes: 2048, maxRuns: 3, maxResultsPerRun: 2 } },
      }),
    );
  });

  afterEach(async () => {
    await gh.stop();
  });

  test('accepts gzip+Base64 SARIF with 202 and an id, processed by the next status request', async () => {
    const log = sarifLog(run('flowkit-audit', 'flowkit/audit/'), run('Trivy', 'flowkit/trivy/'));
    // Base64 wrapped at 76 columns, as plain `base64` writes it, is accepted too.
    const wrapped = encode(log).replace(/(.{76})/g, '$1\n');
    const accepted = await upload({ sarif: wrapped, checkout_uri: 'file:///github/workspace/' });
    expect(accepted.status).toBe(202);
    expect(accepted.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(accepted.body.url).toBe(`${gh.url}${SARIFS}/${accepted.body.id}`);
    expect(gh.sarifUploads(OWNER, REPO)).toEqual([
      {
        id: accepted.body.id,
        commitSha: gh.sha(OWNER, REPO, 'main'),
        ref: 'refs/heads/main',
        status: 'pending',
        errors: [],
        log,
      },
    ]);
    const status = await get(gh, accepted.body.url.slice(gh.url.length), { token: SCANNER });
    expect(status).toMatchObject({
      status: 200,
      body: {
        processing_status: 'complete',
        analyses_url: `${gh.url}${BASE}/code-scanning/analyses?sarif_id=${accepted.body.id}`,
      },
    });
    expect(gh.sarifUploads(OWNER, REPO)[0]?.status).toBe('complete');
  });

  test('answers pending for as many status requests as configured', async () => {
    const slow = await GitHubEmulator.start(options({ sarif: { pendingPolls: 2 } }));
    try {
      const accepted = await post(slow, SARIFS, {
        commit_sha: slow.sha(OWNER, REPO, 'main'),
        ref: 'refs/pull/1/merge',
        sarif: encode(sarifLog(run('x', 'c/'))),
      });
      const states: string[] = [];
      for (let n = 0; n < 4; n++) {
        states.push((await get(slow, `${SARIFS}/${accepted.body.id}`)).body.processing_status);
      }
      expect(states).toEqual(['pending', 'pending', 'complete', 'complete']);
    } finally {
      await slow.stop();
    }
  });

  test('several runs of one tool and category fail processing with the July 2025 rejection', async () => {
    const failed = await processed(sarifLog(run('Trivy', 'scan/'), run('Trivy', 'scan/2025-07-22')));
    expect(failed).toEqual({
      processing_status: 'failed',
      analyses_url: null,
      errors: [
        'A delivery cannot contain multiple runs with the same category. Please upload a single run per category. For more information, see https://github.blog/changelog/2025-07-21-code-scanning-will-stop-combining-multiple-sarif-runs-uploaded-in-the-same-sarif-file/',
      ],
    });
    expect(
      (await processed(sarifLog(run('Trivy', undefined), run('Trivy', undefined)))).processing_status,
    ).toBe('failed');
    // Another tool, or another category, is another analysis.
    expect(
      (await processed(sarifLog(run('Trivy', 'scan/'), run('gitleaks', 'scan/')))).processing_status,
    ).toBe('complete');
    expect((await processed(sarifLog(run('Trivy', 'a/'), run('Trivy', 'b/')))).processing_status).toBe(
      'complete',
    );
  });

  test('processing rejects too many runs or results, a non-numeric security-severity and a result without a file', async () => {
    const errors = async (log: unknown) => (await processed(log)).errors;
    expect(await errors(sarifLog(run('a', 'a/'), run('b', 'b/'), run('c', 'c/'), run('d', 'd/')))).toEqual([
      'rejecting SARIF, as there are more runs than allowed (4 > 3)',
    ]);
    expect(await errors(sarifLog(run('a', 'a/', [{}, {}, {}])))).toEqual([
      'rejecting SARIF, as there are more results per run than allowed (3 > 2)',
    ]);
    const severity = run('a', 'a/');
    severity.tool.driver.rules = [{ id: 'r', properties: { 'security-severity': 'high' } }] as never[];
    expect(await errors(sarifLog(severity))).toEqual([
      'could not convert rules: invalid security severity value, is not a number: high',
    ]);
    const located = (artifactLocation: unknown) =>
      sarifLog({
        ...run('a', 'a/', [
          { ruleId: 'r', message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation } }] },
        ]),
        artifacts: [{ location: { uri: 'src/a.js' } }],
      });
    expect(await errors(located({ uriBaseId: '%SRCROOT%' }))).toEqual([
      'locationFromSarifResult: expected artifact location',
    ]);
    expect((await processed(located({ index: 0 }))).processing_status).toBe('complete');
  });

  test('refuses a body that does not decode, is not SARIF 2.1.0, or is too large', async () => {
    const message = async (body: Record<string, unknown>) => {
      const answer = await upload(body);
      return [answer.status, answer.body.message];
    };
    expect(await message({ sarif: 'not base64!' })).toEqual([400, 'SARIF ZIP upload is invalid']);
    expect(await message({ sarif: Buffer.from('{"version":"2.1.0"}').toString('base64') })).toEqual([
      400,
      'SARIF ZIP upload is invalid',
    ]);
    expect(await message({ sarif: gzipSync('not json').toString('base64') })).toEqual([400, 'Invalid SARIF']);
    expect(await message({ sarif: encode({ version: '2.0.0', runs: [] }) })).toEqual([400, 'Invalid SARIF']);
    expect(await message({ sarif: encode({ version: '2.1.0' }) })).toEqual([400, 'Invalid SARIF']);
    expect(await message({ sarif: encode(sarifLog({ results: [] })) })).toEqual([400, 'Invalid SARIF']);
    expect(await message({ sarif: randomBytes(2049).toString('base64') })).toEqual([
      413,
      'SARIF ZIP upload is too large',
    ]);
    expect(await message({ sarif: randomBytes(2048).toString('base64') })).toEqual([
      400,
      'SARIF ZIP upload is invalid',
    ]);
    expect(await message({ ref: 'main', sarif: encode(sarifLog()) })).toEqual([
      422,
      `Invalid request.\n\nFor 'properties/ref', "main" does not match /^refs\\/(heads|tags|pull)\\/.*$/.`,
    ]);
    expect(await message({ commit_sha: 'abc123', sarif: encode(sarifLog()) })).toEqual([
      422,
      `Invalid request.\n\nFor 'properties/commit_sha', "abc123" does not match /^([0-9a-fA-F]{40}(?:[0-9a-fA-F]{24})?)$/.`,
    ]);
    expect(await message({})).toEqual([422, 'Invalid request.\n\n"sarif" wasn\'t supplied.']);
    expect(gh.sarifUploads(OWNER, REPO)).toEqual([]);
  });

  test('needs security_events: write to upload and read to ask; unknown ids are 404', async () => {
    const denied = await upload({ sarif: encode(sarifLog()) }, READ_ONLY);
    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe('Resource not accessible by integration');
    expect(denied.headers.get('x-accepted-github-permissions')).toBe('security_events=write');
    const accepted = await upload({ sarif: encode(sarifLog()) });
    expect((await get(gh, `${SARIFS}/${accepted.body.id}`, { token: READ_ONLY })).status).toBe(200);
    const unreadable = await get(gh, `${SARIFS}/${accepted.body.id}`, { token: READER });
    expect(unreadable.status).toBe(403);
    expect(unreadable.headers.get('x-accepted-github-permissions')).toBe('security_events=read');
    expect((await get(gh, `${SARIFS}/6c81cd8e-b078-4ac3-a3be-1dad7dbd0b53`, { token: SCANNER })).status).toBe(
      404,
    );
  });
});
