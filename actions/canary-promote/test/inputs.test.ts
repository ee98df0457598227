// canary-promote's bad input: one ::error:: naming the input and the fix, before any request or traffic change.
import { DEFAULT_GITHUB_TOKEN, GitHubEmulator, runAction } from '@flowkit/testing';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

let github: GitHubEmulator;
beforeAll(async () => {
  github = await GitHubEmulator.start({
    repos: [{ owner: 'acme', name: 'shop', branches: { main: [{ message: 'Initial' }] } }],
  });
});
afterAll(() => github.stop());

const GOOD = {
  service: 'dashboard',
  version: 'v2',
  'stable-version': 'v1',
  traffic: 'command',
  'traffic-options': 'command: [./set-weight.sh]',
  'prometheus-url': 'http://127.0.0.1:9',
};

describe('bad input', () => {
  test.each<[Record<string, string>, RegExp]>([
    [{ service: '' }, /^Input 'service' is required and was not given\. /],
    [{ version: 'v1' }, /^Input 'version' is the same as 'stable-version' \(v1\)\. /],
    [{ steps: '1,5,50' }, /^Input 'steps' must end at 100: '1,5,50'\. /],
    [{ duration: 'an hour' }, /^Input 'duration' must be a duration from 10s to /],
    [{ interval: '20m' }, /^Input 'interval' \(20m\) is longer than a step \(15m\)\. /],
    [
      { 'false-rollback-budget': '0.5' },
      /^Input 'false-rollback-budget' must be a probability above 0 and at most 0\.2/,
    ],
    [{ 'latency-threshold': 'fast' }, /^Input 'latency-threshold' must be a duration like 300ms/],
    [{ 'prometheus-url': '' }, /^Input 'prometheus-url' is required with metrics: prometheus\. /],
    [{ metrics: 'graphite' }, /^Input 'metrics' names no metrics provider: 'graphite'\. /],
    [
      { 'metrics-options': 'versionLable: release' },
      /^Input 'metrics-options' has an option prometheus does not know: 'versionLable'/,
    ],
    [
      { traffic: 'istio' },
      /^Input 'traffic' names no traffic driver: 'istio'\. Use one of: nginx, gateway-api, command\./,
    ],
    [{ traffic: 'nginx', 'traffic-options': 'name: web' }, /^Input 'traffic-options\./],
    [{ 'traffic-options': '[oops' }, /^Input 'traffic-options' is not YAML or JSON/],
    [{ 'slack-token': 'xoxb-1-2' }, /^Input 'slack-channel' is needed with the other Slack input/],
    [{ 'deployment-id': 'latest' }, /^Input 'deployment-id' is not a deployment id: 'latest'/],
  ])('%j', async (inputs, message) => {
    const before = github.requests.length;
    const run = await runAction({
      action: 'actions/canary-promote',
      githubToken: DEFAULT_GITHUB_TOKEN,
      github: { GITHUB_API_URL: github.url, GITHUB_SHA: github.sha('acme', 'shop', 'main') },
      with: { ...GOOD, ...inputs },
    });
    expect(run.exitCode).toBe(1);
    expect(run.errors).toEqual([expect.stringMatching(message)]);
    expect(run.stdout).not.toMatch(/\n\s+at /);
    expect(github.requests.length).toBe(before);
    // Nothing to undo: the post step finds no rollout.
    expect(run.post?.errors).toEqual([]);
  });
});

describe('metrics unreadable before the start', () => {
  test('one error line, no traffic moved, the deployment marked error; the post step has nothing to undo', async () => {
    const run = await runAction({
      action: 'actions/canary-promote',
      githubToken: DEFAULT_GITHUB_TOKEN,
      github: { GITHUB_API_URL: github.url, GITHUB_SHA: github.sha('acme', 'shop', 'main') },
      with: { ...GOOD, 'metrics-options': 'timeoutMs: 500' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.errors).toEqual([expect.stringMatching(/^Nothing was promoted: .*127\.0\.0\.1:9/)]);
    expect(run.stdout).not.toMatch(/\n\s+at /);
    expect(
      github
        .deployments('acme', 'shop')
        .at(-1)
        ?.statuses.map((status) => status.state),
    ).toEqual(['error']);
    expect(run.post?.errors).toEqual([]);
  });
});
