// Deleting a deployment environment in the GitHub emulator: administration permission, 204, 404, deployments kept.
import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { DEFAULT_GITHUB_TOKEN, GitHubEmulator } from '../src/github-emulator.ts';

const APP = 'ghs_emulator_app_with_administration';
const WORKFLOW = 'ghs_emulator_workflow_token';
const BASE = '/repos/acme/shop';
let gh: GitHubEmulator;

beforeEach(async () => {
  gh = await GitHubEmulator.start({
    tokens: {
      [DEFAULT_GITHUB_TOKEN]: { login: 'github-actions[bot]' },
      [WORKFLOW]: { login: 'github-actions[bot]', permissions: { deployments: 'write' } },
      [APP]: { login: 'flowkit[bot]', permissions: { deployments: 'write', administration: 'write' } },
    },
    repos: [{ owner: 'acme', name: 'shop', environments: [{ name: 'staging' }] }],
  });
});

afterEach(async () => {
  await gh.stop();
});

async function call(method: string, path: string, token: string, body?: unknown) {
  const response = await fetch(`${gh.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? undefined : JSON.parse(text),
  };
}

test('a workflow token, even the permissive default one, may not delete an environment: 403 naming the permission', async () => {
  for (const token of [DEFAULT_GITHUB_TOKEN, WORKFLOW]) {
    const answer = await call('DELETE', `${BASE}/environments/staging`, token);
    expect(answer.status).toBe(403);
    expect(answer.body.message).toBe('Resource not accessible by integration');
    expect(answer.headers.get('x-accepted-github-permissions')).toBe('administration=write');
  }
  expect(gh.environments('acme', 'shop')).toEqual(['staging']);
});

test('an app token with administration deletes it: 204 and no body; again 404; its deployments stay', async () => {
  const deployment = await call('POST', `${BASE}/deployments`, WORKFLOW, {
    ref: 'main',
    environment: 'pr-7',
    auto_merge: false,
    required_contexts: [],
    transient_environment: true,
  });
  expect(deployment.status).toBe(201);
  expect(gh.environments('acme', 'shop')).toEqual(['staging', 'pr-7']);
  const deleted = await call('DELETE', `${BASE}/environments/pr-7`, APP);
  expect(deleted).toMatchObject({ status: 204, body: undefined });
  expect(gh.environments('acme', 'shop')).toEqual(['staging']);
  expect((await call('GET', `${BASE}/environments/pr-7`, DEFAULT_GITHUB_TOKEN)).status).toBe(404);
  expect((await call('DELETE', `${BASE}/environments/pr-7`, APP)).status).toBe(404);
  expect(gh.deployments('acme', 'shop').map((d) => d.environment)).toEqual(['pr-7']);
  expect(gh.requests.map((r) => r.operation)).toContain(
    'DELETE /repos/{owner}/{repo}/environments/{environment_name}',
  );
});
