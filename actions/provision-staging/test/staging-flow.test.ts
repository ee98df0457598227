// The staging workflow's steps in order, on this machine: real Ansible, nginx, the example service, Playwright in
// Chromium; GitHub and Slack emulated. Provision → e2e → Slack "Staging deployment successful" → destroy.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  type ActionRun,
  DEFAULT_GITHUB_TOKEN,
  DEFAULT_SLACK_TOKEN,
  GitHubEmulator,
  runAction,
  SlackEmulator,
} from '@flowkit/testing';
import { afterAll, beforeAll, expect, jest, test } from '@jest/globals';
import { freePort, isRunning, pidFiles, stopAndRemove } from '../../../packages/provision/test/support.ts';

jest.setTimeout(300_000);

const ROOT = new URL('../../../', import.meta.url).pathname;
const EXAMPLE = join(ROOT, 'examples/deployments-dashboard');
const PLAYBOOK = join(ROOT, 'packages/provision/ansible/deployments-dashboard.yml');

let github: GitHubEmulator;
let slack: SlackEmulator;
let deployRoot: string;
let workspace: string;

beforeAll(async () => {
  // The widget is deployed built, as CI's build step leaves it.
  if (!existsSync(join(EXAMPLE, 'web/dist/index.html'))) {
    const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
    const build = spawnSync(process.execPath, [vite, 'build'], { cwd: EXAMPLE, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}${build.stderr}`);
  }
  github = await GitHubEmulator.start({
    repos: [
      {
        owner: 'acme',
        name: 'shop',
        branches: {
          main: [{ message: 'Initial commit' }, { message: 'JIRA-1234: top 5 active deployments widget' }],
        },
      },
    ],
  });
  slack = await SlackEmulator.start({
    channels: [{ id: 'C0FRONTEND', name: 'devops-team-frontend', members: ['UBOT'] }],
  });
  deployRoot = await mkdtemp(join(tmpdir(), 'flowkit-staging-flow-'));
  workspace = await mkdtemp(join(tmpdir(), 'flowkit-workspace-'));
});

afterAll(async () => {
  await Promise.all([
    github.stop(),
    slack.stop(),
    stopAndRemove(deployRoot),
    rm(workspace, { recursive: true, force: true }),
  ]);
});

function step(
  action: string,
  inputs: Record<string, string>,
  timeoutMs = 150_000,
  inRepository = false,
): Promise<ActionRun> {
  return runAction({
    action,
    // The e2e step runs in a checkout of the repository, as in the workflow; the others need no files.
    workspace: inRepository ? ROOT : workspace,
    githubToken: DEFAULT_GITHUB_TOKEN,
    timeoutMs,
    github: {
      GITHUB_API_URL: github.url,
      GITHUB_SHA: github.sha('acme', 'shop', 'main'),
      GITHUB_REF: 'refs/heads/main',
    },
    with: inputs,
  });
}

test('a green build is provisioned, tested in a real browser, announced, and torn down', async () => {
  const commit = github.sha('acme', 'shop', 'main');
  // The ticket's card, posted at intake; the staging message goes in its thread.
  const card = await step('actions/slack-notify', {
    token: DEFAULT_SLACK_TOKEN,
    'api-url': slack.apiUrl,
    channel: 'C0FRONTEND',
    template: 'ticket-created',
    'update-key': 'JIRA-1234',
    values: '{"key": "JIRA-1234", "title": "Top 5 active deployments"}',
  });
  expect(card.exitCode).toBe(0);

  const vars = JSON.stringify({
    deploy_root: deployRoot,
    dashboard_source: EXAMPLE,
    service_port: await freePort(),
    nginx_port: await freePort(),
    node_binary: process.execPath,
  });
  const provisioned = await step('actions/provision-staging', {
    driver: 'ansible',
    playbook: PLAYBOOK,
    vars,
    commit,
  });
  expect(provisioned.errors).toEqual([]);
  expect(provisioned.exitCode).toBe(0);
  const url = provisioned.outputs.url ?? '';
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
  const [deployment] = github.deployments('acme', 'shop');
  expect(deployment).toMatchObject({ sha: commit, environment: 'staging' });
  expect(deployment?.statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
  expect(deployment?.statuses.at(-1)?.environment_url).toBe(url);

  const tested = await step(
    'actions/e2e',
    {
      url,
      'working-directory': 'examples/deployments-dashboard',
      'expected-commit': commit,
      'artifact-name': '',
    },
    200_000,
    true,
  );
  expect(tested.errors).toEqual([]);
  expect(tested.outputs).toMatchObject({ failed: '0', flaky: '0' });
  expect(Number(tested.outputs.passed)).toBeGreaterThanOrEqual(4);

  const told = await step('actions/slack-notify', {
    token: DEFAULT_SLACK_TOKEN,
    'api-url': slack.apiUrl,
    channel: 'C0FRONTEND',
    template: 'staging-ready',
    'thread-key': 'JIRA-1234',
    'update-key': 'JIRA-1234/staging',
    values: JSON.stringify({ key: 'JIRA-1234', url }),
  });
  expect(told.exitCode).toBe(0);
  const reply = slack
    .messages('C0FRONTEND')
    .find((message) => message.threadTs === card.outputs.ts && message.ts !== card.outputs.ts);
  expect(reply?.text).toBe(`[JIRA-1234] Staging deployment successful. Review here: ${url}`);

  const running = await pidFiles(deployRoot);
  expect(running.length).toBeGreaterThan(0);
  const destroyed = await step('actions/provision-staging', {
    mode: 'destroy',
    driver: 'ansible',
    playbook: PLAYBOOK,
    vars,
    commit,
  });
  expect(destroyed.errors).toEqual([]);
  expect(running.every(({ pid }) => !isRunning(pid))).toBe(true);
  expect(github.deployments('acme', 'shop')[0]?.statuses.at(-1)?.state).toBe('inactive');
});
