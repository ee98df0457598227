// provision-staging through the runner's contract: real Ansible, nginx and the example service; GitHub emulated.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ActionRun,
  type ActionStep,
  checkGitHubRequest,
  checkGitHubResponse,
  DEFAULT_GITHUB_TOKEN,
  describeWithContracts,
  GitHubEmulator,
  type GitHubRecordedRequest,
  runAction,
  unexplainedGitHubProblems,
} from '@flowkit/testing';
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { freePort, get, isRunning, stopAndRemove } from '../../../packages/provision/test/support.ts';

jest.setTimeout(180_000);

const ROOT = new URL('../../../', import.meta.url).pathname;

const PLAYBOOK = join(ROOT, 'packages/provision/ansible/deployments-dashboard.yml');
const FAILING_PLAYBOOK = join(ROOT, 'packages/provision/test/fixtures/failing-playbook.yml');
const EXAMPLE = join(ROOT, 'examples/deployments-dashboard');
const RUN_URL = 'https://github.com/acme/shop/actions/runs/4242';
/** A GitHub App installation token: it may delete environments, which a workflow's GITHUB_TOKEN never may. */
const APP_TOKEN = 'ghs_FlowkitAppInstallationToken00000000000';

let github: GitHubEmulator;
let deployRoot: string;
let workspace: string;
let stale: Server | undefined;
const githubLog: GitHubRecordedRequest[] = [];

beforeEach(async () => {
  github = await GitHubEmulator.start({
    tokens: {
      [DEFAULT_GITHUB_TOKEN]: {
        login: 'github-actions[bot]',
        permissions: { deployments: 'write', contents: 'read', actions: 'read' },
      },
      [APP_TOKEN]: {
        login: 'flowkit-app[bot]',
        permissions: { deployments: 'write', administration: 'write' },
      },
    },
    repos: [
      {
        owner: 'acme',
        name: 'shop',
        branches: {
          main: [{ message: 'Initial commit' }, { message: 'Deployments API' }],
          'JIRA-1234-top-deployments': [{ message: 'JIRA-1234: top 5 widget', parents: ['main'] }],
        },
        pulls: [{ number: 12, title: 'Top 5 deployments', head: 'JIRA-1234-top-deployments', base: 'main' }],
      },
    ],
  });
  deployRoot = await mkdtemp(join(tmpdir(), 'flowkit-staging-'));
  workspace = await mkdtemp(join(tmpdir(), 'flowkit-workspace-'));
});

afterEach(async () => {
  githubLog.push(...github.requests);
  await new Promise<void>((resolve) => (stale ? stale.close(() => resolve()) : resolve()));
  stale = undefined;
  await Promise.all([
    github.stop(),
    stopAndRemove(deployRoot),
    rm(workspace, { recursive: true, force: true }),
  ]);
});

const main = () => github.sha('acme', 'shop', 'main');
const head = () => github.sha('acme', 'shop', 'JIRA-1234-top-deployments');

/** The playbook's variables: everything under this test's deploy root, on ports free right now. */
async function dashboardVars(): Promise<Record<string, unknown>> {
  return {
    deploy_root: deployRoot,
    dashboard_source: EXAMPLE,
    service_port: await freePort(),
    nginx_port: await freePort(),
    node_binary: process.execPath,
  };
}

function provision(inputs: ActionStep['with'], step: Partial<ActionStep> = {}): Promise<ActionRun> {
  return runAction({
    action: 'actions/provision-staging',
    githubToken: DEFAULT_GITHUB_TOKEN,
    workspace,
    timeoutMs: 150_000,
    ...step,
    github: { GITHUB_API_URL: github.url, GITHUB_SHA: main(), ...step.github },
    with: inputs,
  });
}

function pullRequest(action: string) {
  return {
    eventName: 'pull_request',
    github: { GITHUB_REF: 'refs/pull/12/merge', GITHUB_HEAD_REF: 'JIRA-1234-top-deployments' },
    event: { action, number: 12, pull_request: { number: 12, head: { sha: head() } } },
  };
}

function expectClean(run: ActionRun): void {
  expect(run.errors).toEqual([]);
  expect(run.warnings).toEqual([]);
  expect(run.runnerWarnings).toEqual([]);
  expect(run.stderr).toBe('');
  expect(run.exitCode).toBe(0);
}

const bodiesOf = (operation: string) =>
  github.requests.filter((r) => r.operation === operation).map((r) => r.body as Record<string, unknown>);
const pidIn = async (file: string) => Number(await readFile(join(deployRoot, file), 'utf8'));

describe('ansible, for real: the example service behind nginx', () => {
  test('staging: provisioned, healthy at the commit, recorded as a deployment; destroy removes it all', async () => {
    const vars = await dashboardVars();
    const url = `http://127.0.0.1:${vars.nginx_port}`;
    const run = await provision({
      driver: 'ansible',
      playbook: PLAYBOOK,
      vars: JSON.stringify(vars),
      'health-timeout': 60,
    });
    expectClean(run);
    expect(run.outputs).toEqual({ environment: 'staging', url, 'deployment-id': '1' });
    const health = await get(`${url}/healthz`);
    expect(health).toMatchObject({ status: 200 });
    expect(JSON.parse((health as { body: string }).body)).toMatchObject({ status: 'ok', commit: main() });
    expect(github.deployments('acme', 'shop')).toEqual([
      {
        id: 1,
        sha: main(),
        ref: main(),
        environment: 'staging',
        payload: { flowkit: { driver: 'ansible', commit: main() } },
        statuses: [
          {
            state: 'in_progress',
            description: `Provisioning staging at ${main().slice(0, 7)} with ansible`,
            log_url: RUN_URL,
          },
          {
            state: 'success',
            description: `staging is healthy at ${main().slice(0, 7)}`,
            environment_url: url,
            log_url: RUN_URL,
          },
        ],
      },
    ]);
    expect(bodiesOf('POST /repos/{owner}/{repo}/deployments')).toEqual([
      expect.objectContaining({
        required_contexts: [],
        auto_merge: false,
        transient_environment: false,
        production_environment: false,
      }),
    ]);
    const descriptions = bodiesOf('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses').map(
      (body) => body.description,
    );
    expect(descriptions).toEqual([
      `Provisioning staging at ${main().slice(0, 7)} with ansible`,
      `staging is healthy at ${main().slice(0, 7)}`,
    ]);
    expect(run.summary).toContain(
      `:white_check_mark: ${url} is healthy — ${url}/healthz: HTTP 200 at commit ${main().slice(0, 7)}`,
    );
    expect(run.stdout).toContain('$ ansible-playbook -i ');

    const processes = [await pidIn('envs/staging/service.pid'), await pidIn('nginx/nginx.pid')];
    expect(processes.every(isRunning)).toBe(true);
    const removed = await provision({
      driver: 'ansible',
      playbook: PLAYBOOK,
      vars: JSON.stringify(vars),
      mode: 'destroy',
    });
    expectClean(removed);
    expect(removed.outputs).toEqual({ environment: 'staging', url: '', 'deployment-id': '' });
    expect(processes.filter(isRunning)).toEqual([]);
    expect(await get(`${url}/healthz`)).toMatchObject({ error: expect.stringMatching(/ECONNREFUSED/) });
    expect(existsSync(join(deployRoot, 'releases', `staging-${main()}`))).toBe(false);
    // Gone, so no environment_url any more.
    expect(github.deployments('acme', 'shop')[0]?.statuses.at(-1)).toEqual({
      state: 'inactive',
      description: 'staging was removed by Flowkit',
      log_url: RUN_URL,
    });
    // staging is not per-pull-request: delete-environment: auto keeps it.
    expect(github.environments('acme', 'shop')).toEqual(['staging']);
    expect(removed.stdout).toContain('The GitHub environment staging was kept (delete-environment).');
    expect(removed.summary).toContain('Removed; 1 deployment(s) marked inactive.');
  });

  test('a pull request gets pr-<number>, transient; closing it removes it, and an app token deletes the environment', async () => {
    const vars = JSON.stringify(await dashboardVars());
    const opened = await provision({ driver: 'ansible', playbook: PLAYBOOK, vars }, pullRequest('opened'));
    expectClean(opened);
    expect(opened.outputs.environment).toBe('pr-12');
    expect(github.deployments('acme', 'shop')).toMatchObject([
      { environment: 'pr-12', sha: head(), statuses: [{ state: 'in_progress' }, { state: 'success' }] },
    ]);
    expect(bodiesOf('POST /repos/{owner}/{repo}/deployments')[0]).toMatchObject({
      environment: 'pr-12',
      transient_environment: true,
      production_environment: false,
    });
    const service = await pidIn('envs/pr-12/service.pid');

    // The workflow token may not delete environments: the environment stays, and the step says why.
    const closed = await provision({ driver: 'ansible', playbook: PLAYBOOK, vars }, pullRequest('closed'));
    expectClean(closed);
    expect(isRunning(service)).toBe(false);
    expect(closed.notices).toEqual([
      "The GitHub environment pr-12 was kept: deleting it needs Administration: write, which this token lacks (a workflow's GITHUB_TOKEN never has it; use a GitHub App token). Its deployments are inactive.",
    ]);
    expect(github.deployments('acme', 'shop')[0]?.statuses.map((s) => s.state)).toEqual([
      'in_progress',
      'success',
      'inactive',
    ]);
    expect(github.environments('acme', 'shop')).toEqual(['pr-12']);

    const again = await provision(
      { driver: 'ansible', playbook: PLAYBOOK, vars, 'github-token': APP_TOKEN },
      pullRequest('closed'),
    );
    expectClean(again);
    expect(again.stdout).toContain('The GitHub environment pr-12 was deleted.');
    expect(github.environments('acme', 'shop')).toEqual([]);
    expect(github.requests.filter((r) => r.httpMethod === 'DELETE').map((r) => r.status)).toEqual([403, 204]);
    // Already inactive: no second inactive status.
    expect(github.deployments('acme', 'shop')[0]?.statuses).toHaveLength(3);
  });

  test('a failing playbook: its last lines in the error, a failure status, and its destroy ran', async () => {
    const marker = join(workspace, 'destroyed.txt');
    const run = await provision({
      driver: 'ansible',
      playbook: FAILING_PLAYBOOK,
      vars: JSON.stringify({ destroyed_marker: marker }),
    });
    expect(run.exitCode).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(
      /^Provisioning with Ansible failed: ansible-playbook -i \S+ --extra-vars @\S+ \S+failing-playbook\.yml exited with 2; its last lines:\n/,
    );
    expect(run.errors[0]).toContain(
      'migration 0042_top_deployments failed: relation deployments already exists',
    );
    expect(run.errors[0]).toMatch(/PLAY RECAP[\s\S]*failed=1/);
    expect(run.errors[0]).toMatch(/\nThe ansible driver's destroy removed staging\.$/);
    expect(await readFile(marker, 'utf8')).toBe(`staging ${main()}\n`);
    const [deployment] = github.deployments('acme', 'shop');
    expect(deployment?.statuses.map((s) => s.state)).toEqual(['in_progress', 'failure']);
    const failure = bodiesOf('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses')[1];
    expect(failure?.description).toMatch(
      /^ansible failed: fatal: \[localhost\]: FAILED! => .*migration 0042/,
    );
    expect([...String(failure?.description)].length).toBeLessThanOrEqual(140);
    expect(run.outputs['deployment-id']).toBe('1');
  });
});

describe('the health wait', () => {
  test('the old version still answering: failure with the last answer, a failure status, destroy ran', async () => {
    const old = 'fedcba9876543210fedcba9876543210fedcba98';
    stale = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: 'ok', commit: old, version: 'v1.3.9' }));
    });
    await new Promise<void>((resolve) => stale?.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(stale.address() as AddressInfo).port}`;
    const run = await provision({
      driver: 'command',
      'provision-command': `echo "url=${url}" >> "$FLOWKIT_OUTPUT"`,
      'destroy-command': 'echo "$FLOWKIT_ENVIRONMENT $FLOWKIT_STATE" > destroyed.txt',
      'health-timeout': 2,
    });
    const short = main().slice(0, 7);
    expect(run.exitCode).toBe(1);
    expect(run.errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${url}/healthz did not report commit ${short} healthy within 2 s \\(\\d+ attempt\\(s\\)\\): HTTP 200, but it reports commit ${old}, not ${short}\\. The last answer: HTTP 200 \\{"status":"ok","commit":"${old}","version":"v1\\.3\\.9"\\}\\nThe command driver's destroy removed staging\\.$`,
        ),
      ),
    ]);
    expect(await readFile(join(workspace, 'destroyed.txt'), 'utf8')).toBe('staging absent\n');
    expect(github.deployments('acme', 'shop')[0]?.statuses).toEqual([
      {
        state: 'in_progress',
        description: `Provisioning staging at ${short} with command`,
        log_url: RUN_URL,
      },
      {
        state: 'failure',
        description: `Health check failed: HTTP 200, but it reports commit ${old}, not ${short}`,
        environment_url: url,
        log_url: RUN_URL,
      },
    ]);
    const failure = bodiesOf('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses')[1];
    expect(failure?.description).toBe(
      `Health check failed: HTTP 200, but it reports commit ${old}, not ${short}`,
    );
    expect(run.summary).toContain(`:x: ${url} — ${url}/healthz did not report commit ${short}`);
    expect(run.outputs).toEqual({ environment: 'staging', url, 'deployment-id': '1' });
  });
});

describe('bad input: one ::error:: naming the input, before any request or command', () => {
  const bad: [string, ActionStep['with'], RegExp][] = [
    [
      'an unknown driver',
      { driver: 'pulumi' },
      /^Input 'driver' names an unknown driver 'pulumi'\. Choose one of: ansible, terraform, tofu, helm, command\.$/,
    ],
    [
      'a missing playbook',
      { driver: 'ansible', playbook: 'deploy/staging.yml' },
      /^Input 'playbook' names a file that does not exist: 'deploy\/staging\.yml' \(looked at \/.*\/deploy\/staging\.yml\)\. Check the path/,
    ],
    [
      'a tool that is not installed',
      { driver: 'tofu' },
      /^Input 'driver' is tofu, but tofu is not on PATH\. Install it in an earlier step: 'uses: opentofu\/setup-opentofu@a1320f892987e89d278cc92dc5adc984fb93aca4 # v2\.0\.2'/,
    ],
  ];

  test.each(bad)('%s', async (_name, inputs, message) => {
    const run = await provision(inputs);
    expect(run.exitCode).toBe(1);
    expect(run.errors).toEqual([expect.stringMatching(message)]);
    expect(run.stdout).not.toMatch(/\n\s+at /);
    expect(github.requests).toEqual([]);
  });
});

describeWithContracts("GitHub's API description", () => {
  test('every request provision-staging sent, and every answer, fit it', () => {
    const problems = githubLog.flatMap((r) =>
      unexplainedGitHubProblems([...checkGitHubRequest(r), ...checkGitHubResponse(r)]),
    );
    expect(problems).toEqual([]);
  });
});
