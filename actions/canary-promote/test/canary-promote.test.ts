// canary-promote for real: the bundled action under the runner's contract moves real nginx between two real
// example-service processes (stable and canary), reads real Prometheus scraping both, records the rollout in the
// GitHub emulator and explains it in the Slack emulator's thread — on a compressed plan, under a bounded load.
import { join } from 'node:path';
import { readNginxOptions, renderNginxFile } from '@flowkit/canary';
import {
  type ActionRun,
  type ActionStep,
  DEFAULT_GITHUB_TOKEN,
  DEFAULT_SLACK_TOKEN,
  type ExampleService,
  freePort,
  GitHubEmulator,
  type LoadResult,
  type RunningNginx,
  type RunningPrometheus,
  runAction,
  runLoad,
  SlackEmulator,
  startExampleService,
  startNginx,
  startPrometheus,
} from '@flowkit/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';

const CHANNEL = 'C0RELEASES';

let stable: ExampleService;
let canary: ExampleService;
let nginx: RunningNginx;
let prometheus: RunningPrometheus;
let traffic: Record<string, unknown>;
let github: GitHubEmulator;
let slack: SlackEmulator;
let sha: string;
/** The release's announcement, as slack-notify posts it before the canary; the rollout replies in its thread. */
let thread: string;

beforeAll(async () => {
  [stable, canary] = await Promise.all([
    startExampleService({ version: 'stable' }),
    startExampleService({ version: 'canary' }),
  ]);
  const statusListen = `127.0.0.1:${await freePort()}`;
  const options = { name: 'dashboard', stable: stable.address, canary: canary.address, statusListen };
  const initial = renderNginxFile(
    readNginxOptions({ ...options, file: '/placeholder/dashboard.conf' }),
    0,
  ).text;
  nginx = await startNginx({
    serverBlock: [
      '        location / {',
      '            proxy_pass http://$flowkit_dashboard;',
      '            add_header X-Upstream $upstream_addr always;',
      '        }',
    ].join('\n'),
    includeFiles: { 'dashboard.conf': initial },
  });
  traffic = {
    ...options,
    file: join(nginx.includeDir, 'dashboard.conf'),
    nginx: nginx.nginx,
    nginxArgs: nginx.nginxArgs,
  };
  prometheus = await startPrometheus({
    targets: [
      { job: 'dashboard', address: stable.address },
      { job: 'dashboard', address: canary.address },
    ],
  });
}, 60_000);

afterAll(async () => {
  await Promise.all([nginx?.stop(), prometheus?.stop(), stable?.stop(), canary?.stop()]);
});

beforeEach(async () => {
  github = await GitHubEmulator.start({
    repos: [
      {
        owner: 'acme',
        name: 'shop',
        branches: { main: [{ message: 'Initial' }, { message: 'JIRA-1234 widget' }] },
      },
    ],
  });
  sha = github.sha('acme', 'shop', 'main');
  slack = await SlackEmulator.start({ channels: [{ id: CHANNEL, name: 'releases', members: ['UBOT'] }] });
  const posted = await fetch(`${slack.url}/api/chat.postMessage`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEFAULT_SLACK_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ channel: CHANNEL, text: 'Promotion of canary to production started' }),
  });
  thread = ((await posted.json()) as { ts: string }).ts;
  await canary.setFault({ errorRate: 0, latencyMs: 0 });
});

afterEach(async () => {
  await Promise.all([github.stop(), slack.stop()]);
});

/** The action with a compressed plan: 10% → 50% → 100% in 24 s, reads every 2 s. */
function promoteStep(overrides: Partial<ActionStep> = {}): ActionStep {
  return {
    action: 'actions/canary-promote',
    githubToken: DEFAULT_GITHUB_TOKEN,
    eventName: 'workflow_dispatch',
    github: { GITHUB_API_URL: github.url, GITHUB_SHA: sha, GITHUB_REPOSITORY: 'acme/shop' },
    timeoutMs: 120_000,
    ...overrides,
    with: {
      service: 'dashboard',
      version: 'canary',
      'stable-version': 'stable',
      traffic: 'nginx',
      'traffic-options': JSON.stringify(traffic),
      'prometheus-url': prometheus.url,
      steps: '10,50,100',
      duration: '24s',
      'min-step': '4s',
      interval: '2s',
      watch: '2s',
      'latency-threshold': '250ms',
      'slack-token': DEFAULT_SLACK_TOKEN,
      'slack-channel': CHANNEL,
      'slack-thread-ts': thread,
      'slack-api-url': `${slack.url}/api/`,
      ...overrides.with,
    },
  };
}

/** Runs the action while a bounded load (120 req/s through nginx, retry-once like a browser) runs beside it. */
async function promoteUnderLoad(step: ActionStep): Promise<{ run: ActionRun; load: LoadResult }> {
  let done = false;
  const load = runLoad({
    url: `${nginx.url}/api/deployments/top`,
    ratePerSecond: 120,
    maxInFlight: 32,
    until: () => done,
  });
  try {
    const run = await runAction(step);
    done = true;
    return { run, load: await load };
  } finally {
    done = true;
    await load;
  }
}

async function trafficNow(): Promise<LoadResult> {
  return runLoad({
    url: `${nginx.url}/api/deployments/top`,
    ratePerSecond: 500,
    maxRequests: 100,
    maxInFlight: 8,
  });
}

function statuses(): { state: string }[] {
  return github.deployments('acme', 'shop').at(-1)?.statuses ?? [];
}

function replies(): string[] {
  return slack
    .messages(CHANNEL)
    .filter((message) => message.threadTs === thread && message.ts !== thread)
    .map((message) => message.text ?? '');
}

describe('canary-promote on real nginx and Prometheus', () => {
  test('a healthy canary reaches 100% with no failed request while the weights change', async () => {
    const { run, load } = await promoteUnderLoad(promoteStep());
    expect(run.errors).toEqual([]);
    expect(run.warnings).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ result: 'promoted', weight: '100' });
    expect(load.failures).toBe(0);
    expect(load.byStatus['200']).toBe(load.total);
    expect(load.byUpstream[canary.address]).toBeGreaterThan(0);
    const after = await trafficNow();
    expect(after.byUpstream).toEqual({ [canary.address]: 100 });
    expect(statuses().at(-1)?.state).toBe('success');
    expect(run.summary).toContain('Released **canary** of dashboard to 100% of production');
    expect(replies().some((text) => text.includes('Released canary to 100% of production'))).toBe(true);
    expect(run.post?.exitCode).toBe(0);
    // The post step found a finished rollout and did nothing.
    expect(run.post?.errors).toEqual([]);
  }, 120_000);

  test('a faulty canary is rolled back with its numbers, and all traffic is back on stable', async () => {
    await canary.setFault({ errorRate: 0.3 });
    const { run } = await promoteUnderLoad(promoteStep());
    expect(run.exitCode).toBe(1);
    expect(run.outputs.result).toBe('rolled-back');
    expect(run.outputs.weight).toBe('0');
    expect(run.errors).toEqual([expect.stringMatching(/^Rolled back canary: .*error/)]);
    expect(run.outputs.reason).toMatch(/\d+\/\d+/);
    const after = await trafficNow();
    expect(after.byUpstream).toEqual({ [stable.address]: 100 });
    expect(statuses().at(-1)?.state).toBe('failure');
    expect(replies().some((text) => /Rolled back canary from 10% of production/.test(text))).toBe(true);
  }, 120_000);

  test('a cancelled run puts traffic back on stable; the post step finds nothing left to undo', async () => {
    const { run } = await promoteUnderLoad(
      promoteStep({ interrupt: { signal: 'SIGINT', when: (stdout) => stdout.includes('Canary at 50%') } }),
    );
    expect(run.outputs.result).toBe('rolled-back');
    expect(run.warnings).toContain('SIGINT: the run is being cancelled; putting traffic back on stable.');
    expect((await trafficNow()).byUpstream).toEqual({ [stable.address]: 100 });
    expect(statuses().at(-1)?.state).toBe('failure');
    expect(run.post?.errors).toEqual([]);
  }, 120_000);

  test('a crashed run (killed mid-rollout) is rolled back by the post step', async () => {
    const { run } = await promoteUnderLoad(
      promoteStep({ interrupt: { signal: 'SIGKILL', when: (stdout) => stdout.includes('Canary at 50%') } }),
    );
    expect(run.exitCode).toBeNull();
    expect(run.post?.errors).toEqual([
      expect.stringMatching(
        /stopped half-way: traffic is back on stable and the deployment is marked failed/,
      ),
    ]);
    expect((await trafficNow()).byUpstream).toEqual({ [stable.address]: 100 });
    expect(statuses().at(-1)?.state).toBe('failure');
  }, 120_000);
});
