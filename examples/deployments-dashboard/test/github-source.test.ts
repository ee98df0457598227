import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_GITHUB_TOKEN, GitHubEmulator } from '@flowkit/testing';
import { afterEach, describe, expect, test } from '@jest/globals';
import { readConfig } from '../server/config.ts';
import { createGitHubSource } from '../server/github-source.ts';
import { type RunningServer, startServer } from '../server/server.ts';
import { bodyOf } from './helpers.ts';

const OWNER = 'octo-org';
const REPO = 'dashboard';
const START = Date.UTC(2026, 2, 2, 9, 0, 0);

const stoppers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stoppers.splice(0).map((stop) => stop()));
});

/** An emulated GitHub whose clock moves only when the test says so. */
async function startGitHub() {
  let clock = START;
  const github = await GitHubEmulator.start({
    now: () => clock,
    repos: [
      {
        owner: OWNER,
        name: REPO,
        branches: {
          main: [{ message: 'Initial commit' }, { message: 'Top deployments widget' }],
        },
      },
    ],
  });
  stoppers.push(() => github.stop());
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${github.url}/repos/${OWNER}/${REPO}${path}`, {
      method,
      headers: { authorization: `Bearer ${DEFAULT_GITHUB_TOKEN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: number };
  };
  return {
    github,
    /** Moves the emulated clock on by whole minutes. */
    advance(minutes: number) {
      clock += minutes * 60_000;
    },
    async deploy(
      environment: string,
      states: (string | [string, string])[],
      extra: Record<string, unknown> = {},
    ) {
      const { id } = await call('POST', '/deployments', { ref: 'main', environment, ...extra });
      for (const entry of states) {
        const [state, environmentUrl] = Array.isArray(entry) ? entry : [entry, undefined];
        clock += 60_000;
        await call('POST', `/deployments/${id}/statuses`, {
          state,
          ...(environmentUrl ? { environment_url: environmentUrl } : {}),
        });
      }
      return id;
    },
  };
}

/** Starts the dashboard reading from `apiUrl`, with the clock at `now()`. */
async function startDashboard(
  apiUrl: string,
  overrides: Parameters<typeof startServer>[1] = {},
  token = DEFAULT_GITHUB_TOKEN,
) {
  const config = readConfig({
    PORT: '0',
    GITHUB_TOKEN: token,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_API_URL: apiUrl,
  });
  const server: RunningServer = await startServer(config, { log: () => {}, cacheTtlMs: 0, ...overrides });
  stoppers.push(() => server.close());
  return server;
}

/** A stand-in API that takes connections and never answers, to exercise the timeout. */
async function startSilentServer(): Promise<string> {
  const silent: Server = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  stoppers.push(
    () =>
      new Promise<void>((resolve) => {
        silent.close(() => resolve());
        silent.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
}

describe('GitHub mode', () => {
  test('lists the top active deployments from the Deployments API', async () => {
    const gh = await startGitHub();
    await gh.deploy('staging', ['in_progress', ['success', 'https://staging.dashboard.example.com']]);
    // A newer success on the same environment makes the first one inactive, as GitHub does.
    await gh.deploy('staging', [['success', 'https://staging.dashboard.example.com/deployments']]);
    await gh.deploy('qa', ['in_progress', 'failure']);
    await gh.deploy('production', ['queued', 'in_progress'], { production_environment: true });
    await gh.deploy('preview-pr-91', ['queued']);
    const dashboard = await startDashboard(gh.github.url, { now: () => START + 3_600_000 });

    const response = await fetch(`${dashboard.url}/api/deployments/top`);
    expect(response.status).toBe(200);
    const body = await bodyOf(response);
    expect(body.source).toBe('github');
    const sha = gh.github.sha(OWNER, REPO, 'main').slice(0, 7);
    expect(body.deployments).toEqual([
      expect.objectContaining({ environment: 'preview-pr-91', state: 'queued', sha, ref: 'main' }),
      expect.objectContaining({ environment: 'production', state: 'in_progress' }),
      expect.objectContaining({
        id: 2,
        environment: 'staging',
        state: 'success',
        creator: 'github-actions[bot]',
        environment_url: 'https://staging.dashboard.example.com/deployments',
      }),
    ]);
    expect(gh.github.deployments(OWNER, REPO)[0]?.statuses.at(-1)?.state).toBe('inactive');

    const reads = gh.github.requests.filter((request) => request.httpMethod === 'GET');
    expect(reads.map((request) => request.operation)).toEqual([
      'GET /repos/{owner}/{repo}/deployments',
      ...Array(5).fill('GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses'),
    ]);
    expect(reads.every((request) => request.status === 200)).toBe(true);
    expect(reads[0]?.headers).toMatchObject({
      authorization: `Bearer ${DEFAULT_GITHUB_TOKEN}`,
      'x-github-api-version': '2022-11-28',
      accept: 'application/vnd.github+json',
    });
  });

  test('reuses an answer within the cache time, and shares one listing between concurrent requests', async () => {
    const gh = await startGitHub();
    await gh.deploy('staging', ['success']);
    let now = START + 3_600_000;
    const dashboard = await startDashboard(gh.github.url, { now: () => now, cacheTtlMs: 30_000 });
    const listings = () =>
      gh.github.requests.filter((request) => request.operation === 'GET /repos/{owner}/{repo}/deployments')
        .length;

    const answers = await Promise.all([1, 2, 3].map(() => fetch(`${dashboard.url}/api/deployments/top`)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(listings()).toBe(1);
    now += 29_000;
    await fetch(`${dashboard.url}/api/deployments/top`);
    expect(listings()).toBe(1);
    now += 1_000;
    await gh.deploy('qa', ['queued']);
    const fresh = await bodyOf(await fetch(`${dashboard.url}/api/deployments/top`));
    expect(listings()).toBe(2);
    expect(fresh.deployments.map((row) => row.environment)).toEqual(['qa', 'staging']);
  });

  test("answers 502 with GitHub's reason, without the token, and does not keep the failure", async () => {
    const gh = await startGitHub();
    await gh.deploy('staging', ['success']);
    const dashboard = await startDashboard(gh.github.url, { cacheTtlMs: 30_000 });
    gh.github.failNext({ path: /\/statuses$/ }, { status: 500, body: { message: 'Server Error' } });

    const failed = await fetch(`${dashboard.url}/api/deployments/top`);
    expect(failed.status).toBe(502);
    expect(await failed.json()).toEqual({
      error: `GitHub answered 500 for GET /repos/${OWNER}/${REPO}/deployments/1/statuses?per_page=10: Server Error`,
    });
    expect((await fetch(`${dashboard.url}/api/deployments/top`)).status).toBe(200);
  });

  test('a bad token is a 502 that says to check GITHUB_TOKEN', async () => {
    const gh = await startGitHub();
    const token = 'ghp_notTheRightToken000000000000000000000';
    const dashboard = await startDashboard(gh.github.url, {}, token);
    const response = await fetch(`${dashboard.url}/api/deployments/top`);
    expect(response.status).toBe(502);
    const { error } = await bodyOf(response);
    expect(error).toMatch(
      /^GitHub answered 401 for GET \/repos\/octo-org\/dashboard\/deployments\?per_page=30: .*\(check GITHUB_TOKEN\)$/,
    );
    expect(error).not.toContain(token);
  });

  test('a GitHub that does not answer in time is a 502 naming the timeout', async () => {
    const silentUrl = await startSilentServer();
    const dashboard = await startDashboard(silentUrl, { githubTimeoutMs: 100 });
    const response = await fetch(`${dashboard.url}/api/deployments/top`);
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      error: `GitHub did not answer within 0.1 s (GET /repos/${OWNER}/${REPO}/deployments?per_page=30)`,
    });
  });

  test('an unreachable GitHub is a 502 naming the address and the cause', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const apiUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const dashboard = await startDashboard(apiUrl);
    const response = await fetch(`${dashboard.url}/api/deployments/top`);
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ error: `could not reach GitHub at ${apiUrl}: ECONNREFUSED` });
  });

  test('a body that is not a list is refused, not misread', async () => {
    const source = createGitHubSource({
      token: 't',
      owner: OWNER,
      repo: REPO,
      apiUrl: 'https://api.example.com',
      fetch: async () => Response.json({ message: 'Moved Permanently' }),
    });
    await expect(source.list()).rejects.toThrow(
      `GitHub answered an unexpected body for GET /repos/${OWNER}/${REPO}/deployments?per_page=30: expected a list`,
    );
  });

  test('sends the token only to the configured API, whatever statuses_url says', async () => {
    const asked: string[] = [];
    const source = createGitHubSource({
      token: 't',
      owner: OWNER,
      repo: REPO,
      apiUrl: 'https://api.example.com',
      lookback: 2,
      fetch: async (input) => {
        asked.push(String(input));
        if (String(input).includes('/statuses')) return Response.json([]);
        return Response.json([{ id: 7, statuses_url: 'https://evil.example.com/steal', creator: null }]);
      },
    });
    const [history] = await source.list();
    expect(asked).toEqual([
      `https://api.example.com/repos/${OWNER}/${REPO}/deployments?per_page=2`,
      `https://api.example.com/repos/${OWNER}/${REPO}/deployments/7/statuses?per_page=10`,
    ]);
    expect(history).toMatchObject({ id: 7, creator: 'ghost', statuses: [] });
  });
});
