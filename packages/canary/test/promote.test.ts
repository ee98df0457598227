// The rollout as GitHub sees it: steps recorded as deployment statuses, resume, abandon, cancel, idempotent reruns.
// Traffic and metrics are fakes driven by a virtual clock; GitHub is the emulator.

import { type Clock, silentLogger } from '@flowkit/core';
import { GitHubClient } from '@flowkit/github';
import {
  type ArmCounts,
  type CountsRequest,
  type FiringAlert,
  type MetricsProvider,
  MetricsUnavailableError,
  type WindowCounts,
} from '@flowkit/metrics';
import { DEFAULT_GITHUB_TOKEN, GitHubEmulator } from '@flowkit/testing';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { abandonRollout, type PromoteSettings, promote } from '../src/promote.ts';
import { DEFAULT_PLAN } from '../src/rollout/plan.ts';
import { planDescription, stepDescription } from '../src/rollout/record.ts';
import type { RolloutEvent } from '../src/rollout/rollout.ts';
import type { TrafficDriver } from '../src/traffic/driver.ts';

const REPO = { owner: 'acme', repo: 'shop' };

/** Time that passes only when the code under test sleeps. */
function virtualClock(start = Date.parse('2026-11-28T02:00:00Z')): Clock & { advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += Math.max(0, ms);
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

/** Remembers every weight it was asked for. */
class FakeTraffic implements TrafficDriver {
  readonly name = 'fake';
  weight = 0;
  readonly history: number[] = [];
  failNext: string | undefined;
  async setWeight(percent: number): Promise<void> {
    if (this.failNext !== undefined) {
      const message = this.failNext;
      this.failNext = undefined;
      throw new Error(message);
    }
    if (percent !== this.weight) this.history.push(percent);
    this.weight = percent;
  }
  async currentWeight(): Promise<number | undefined> {
    return this.weight;
  }
  describe(): string {
    return 'fake traffic';
  }
}

/**
 * Counts as a steady service would produce them: `rps` requests per second split by the weight in force, errors and
 * slow requests at fixed rates per arm (deterministic: expected values, rounded).
 */
class FakeMetrics implements MetricsProvider {
  readonly name = 'fake';
  canaryErrorRate = 0.005;
  baselineErrorRate = 0.005;
  alerts: FiringAlert[] = [];
  unavailable = false;
  reads = 0;
  private readonly traffic: FakeTraffic;
  private readonly rps: number;
  constructor(traffic: FakeTraffic, rps = 1000) {
    this.traffic = traffic;
    this.rps = rps;
  }
  private arm(requests: number, errorRate: number): ArmCounts {
    return { requests, errors: Math.round(requests * errorRate), slow: Math.round(requests * 0.01) };
  }
  async counts(request: CountsRequest): Promise<WindowCounts> {
    this.reads++;
    if (this.unavailable) throw new MetricsUnavailableError('Prometheus answered 503 four times');
    const total = Math.round((this.rps * (request.to - request.from)) / 1000);
    const canary = Math.round((total * this.traffic.weight) / 100);
    return {
      canary: this.arm(canary, this.canaryErrorRate),
      baseline: this.arm(total - canary, this.baselineErrorRate),
      slowAboveSeconds: request.slowAboveSeconds,
    };
  }
  async latencyQuantile(): Promise<number | undefined> {
    return 0.25;
  }
  async firingAlerts(): Promise<FiringAlert[]> {
    if (this.unavailable) throw new MetricsUnavailableError('Prometheus answered 503 four times');
    return this.alerts;
  }
}

let github: GitHubEmulator;
let client: GitHubClient;
let sha: string;
let clock: ReturnType<typeof virtualClock>;
let traffic: FakeTraffic;
let metrics: FakeMetrics;
let events: RolloutEvent[];

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
  client = new GitHubClient({
    token: DEFAULT_GITHUB_TOKEN,
    apiUrl: github.url,
    policy: () => ({ retries: 0, budgetMs: 5000 }),
  });
  clock = virtualClock();
  traffic = new FakeTraffic();
  metrics = new FakeMetrics(traffic);
  events = [];
});

afterEach(async () => {
  await github.stop();
});

/** A compressed plan: 1-minute steps, 5-second reads, no watch. */
const PLAN = {
  ...DEFAULT_PLAN,
  durationSeconds: 240,
  minStepSeconds: 20,
  intervalSeconds: 5,
  watchSeconds: 0,
};

function settings(overrides: Partial<PromoteSettings> = {}): PromoteSettings {
  return {
    repo: REPO,
    environment: 'production',
    sha,
    target: { service: 'dashboard', stableVersion: 'v1', canaryVersion: 'v2' },
    plan: PLAN,
    runUrl: 'https://github.com/acme/shop/actions/runs/77',
    ...overrides,
  };
}

function run(overrides: Partial<PromoteSettings> = {}, signal?: AbortSignal) {
  return promote(settings(overrides), {
    github: client,
    traffic,
    metrics,
    clock,
    log: silentLogger,
    signal,
    notify: async (event) => {
      events.push(event);
    },
  });
}

function descriptions(): string[] {
  const [deployment] = github.deployments('acme', 'shop').slice(-1);
  return (deployment?.statuses ?? []).map((status) => status.description ?? '');
}

describe('a rollout', () => {
  test('a healthy canary walks every step to 100%, each recorded in the deployment, and is released', async () => {
    const report = await run();
    expect(report.outcome).toBe('promoted');
    expect(report.deploymentSource).toBe('created');
    expect(traffic.history).toEqual([1, 5, 10, 50, 100]);
    expect(report.finalWeight).toBe(100);
    const [deployment] = github.deployments('acme', 'shop');
    expect(deployment?.statuses.map((status) => status.state)).toEqual([
      'in_progress',
      'in_progress',
      'in_progress',
      'in_progress',
      'in_progress',
      'in_progress',
      'success',
    ]);
    expect(descriptions()[0]).toMatch(
      /^Canary plan 1,5,10,50,100% in 4m min 20s early watch 0s every 5s from /,
    );
    expect(descriptions()[2]).toMatch(/^Canary at 5% \(step 2 of 5\) since /);
    expect(descriptions().at(-1)).toMatch(/^Released: 100% since /);
    expect(events.map((event) => event.kind)).toEqual([
      'started',
      'step',
      'step',
      'step',
      'step',
      'step',
      'promoted',
    ]);
    expect(report.timeline.length).toBeGreaterThan(4);
  });

  test('a canary with 20× the errors is rolled back at 1%, with the numbers, and traffic is all on stable', async () => {
    metrics.canaryErrorRate = 0.1;
    const report = await run();
    expect(report.outcome).toBe('rolled-back');
    expect(traffic.history).toEqual([1, 0]);
    expect(report.finalWeight).toBe(0);
    expect(report.maxWeight).toBe(1);
    expect(report.reason).toMatch(/error/i);
    expect(report.reason).toMatch(/\d/);
    const [deployment] = github.deployments('acme', 'shop');
    expect(deployment?.statuses.at(-1)?.state).toBe('failure');
    expect(descriptions().at(-1)).toMatch(/^Rolled back from 1%: .+ \[flowkit\]$/);
    expect(events.at(-1)).toMatchObject({ kind: 'rolled-back', weight: 1 });
  });

  test('a firing alert for the canary rolls back; one for stable alone does not', async () => {
    metrics.alerts = [{ name: 'HighErrorRate', version: 'v1' }];
    const first = await run();
    expect(first.outcome).toBe('promoted');

    github.deployments('acme', 'shop');
    traffic = new FakeTraffic();
    metrics = new FakeMetrics(traffic);
    metrics.alerts = [{ name: 'HighLatency', version: 'v2' }];
    const second = await run({ sha: github.sha('acme', 'shop', 'Initial') });
    expect(second.outcome).toBe('rolled-back');
    expect(second.reason).toContain('HighLatency');
  });

  test('metrics that stay unreadable roll back (never treated as healthy)', async () => {
    metrics.unavailable = true;
    const report = await run();
    expect(report.outcome).toBe('rolled-back');
    expect(traffic.history).toEqual([1, 0]);
    expect(report.timeline.every((point) => point.decision !== 'advance')).toBe(true);
  });

  test('cancellation puts traffic back on stable and records why', async () => {
    const controller = new AbortController();
    const sleep = clock.sleep;
    let sleeps = 0;
    clock.sleep = async (ms) => {
      if (++sleeps === 30) controller.abort();
      await sleep(ms);
    };
    const report = await run({}, controller.signal);
    expect(report.outcome).toBe('rolled-back');
    expect(report.cancelled).toBe(true);
    expect(traffic.weight).toBe(0);
    expect(report.maxWeight).toBeGreaterThan(0);
    expect(descriptions().at(-1)).toMatch(/^Rolled back from \d+%: the run was cancelled \[flowkit\]$/);
  });

  test('no stable latency to compare with: nothing moves, the deployment says why', async () => {
    metrics.latencyQuantile = async () => undefined;
    await expect(run()).rejects.toThrow(/v1 served no requests in the 30m before the rollout/);
    expect(traffic.history).toEqual([]);
    const [deployment] = github.deployments('acme', 'shop');
    expect(deployment?.statuses.map((status) => status.state)).toEqual(['error']);
    expect(descriptions()[0]).toMatch(/^Not started: v1 served no requests/);
  });

  test('a traffic driver failure mid-way rolls back instead of leaving the split', async () => {
    const setWeight = traffic.setWeight.bind(traffic);
    traffic.setWeight = async (percent) => {
      if (percent === 10) throw new Error('nginx -t failed: unknown directive');
      await setWeight(percent);
    };
    const report = await run();
    expect(report.outcome).toBe('rolled-back');
    expect(report.reason).toContain('nginx -t failed');
    expect(traffic.weight).toBe(0);
  });
});

describe('deployments: adopt, resume, abandon, rerun', () => {
  async function leftBehind(at: number, commit: string): Promise<number> {
    const deployment = await client.createDeployment(REPO, {
      ref: commit,
      environment: 'production',
      auto_merge: false,
      required_contexts: [],
    });
    const id = Number(deployment.id);
    const started = clock.now() - 90_000;
    await client.createDeploymentStatus(REPO, id, {
      state: 'in_progress',
      description: planDescription(PLAN, started),
    });
    await client.createDeploymentStatus(REPO, id, {
      state: 'in_progress',
      description: stepDescription({ index: 0, weight: 1, since: started }, 5),
    });
    await client.createDeploymentStatus(REPO, id, {
      state: 'in_progress',
      description: stepDescription({ index: 1, weight: at, since: started + 60_000 }, 5),
    });
    traffic.weight = at;
    return id;
  }

  test('the job’s own deployment (its status points at this run) is adopted, not duplicated', async () => {
    const deployment = await client.createDeployment(REPO, {
      ref: sha,
      environment: 'production',
      auto_merge: false,
      required_contexts: [],
    });
    await client.createDeploymentStatus(REPO, Number(deployment.id), {
      state: 'in_progress',
      log_url: 'https://github.com/acme/shop/actions/runs/77/job/5',
    });
    const report = await run({ runId: '77' });
    expect(report.deploymentSource).toBe('adopted');
    expect(report.deploymentId).toBe(Number(deployment.id));
    expect(github.deployments('acme', 'shop')).toHaveLength(1);
  });

  test('a rerun of the same commit resumes at the recorded step, not from 1%', async () => {
    const old = await leftBehind(5, sha);
    const report = await run();
    expect(report.outcome).toBe('promoted');
    expect(report.resumedFrom).toEqual({ deploymentId: old, weight: 5 });
    expect(traffic.history).toEqual([10, 50, 100]);
    const previous = github.deployments('acme', 'shop').find((deployment) => deployment.id === old);
    expect(previous?.statuses.at(-1)?.state).toBe('inactive');
  });

  test('a rollout of another commit left mid-way is rolled back first, then this one starts at 1%', async () => {
    const other = github.sha('acme', 'shop', 'Initial');
    const old = await leftBehind(10, other);
    const report = await run();
    expect(report.abandoned).toEqual([old]);
    expect(traffic.history).toEqual([0, 1, 5, 10, 50, 100]);
    const previous = github.deployments('acme', 'shop').find((deployment) => deployment.id === old);
    expect(previous?.statuses.at(-1)?.state).toBe('failure');
  });

  test('rerunning a finished rollout changes nothing: no traffic moves, no status added', async () => {
    const first = await run();
    const statuses = github.deployments('acme', 'shop')[0]?.statuses.length;
    traffic.history.length = 0;
    const again = await run({ deploymentId: first.deploymentId });
    expect(again.alreadyDone).toBe(true);
    expect(again.outcome).toBe('promoted');
    expect(traffic.history).toEqual([]);
    expect(github.deployments('acme', 'shop')[0]?.statuses.length).toBe(statuses);
  });

  test('the post step after a crash: traffic back on stable, the deployment marked failed; a finished one is left alone', async () => {
    const old = await leftBehind(50, sha);
    const outcome = await abandonRollout(
      { repo: REPO, deploymentId: old },
      { github: client, traffic, log: silentLogger },
    );
    expect(outcome).toBe('rolled-back');
    expect(traffic.weight).toBe(0);
    const record = github.deployments('acme', 'shop').find((deployment) => deployment.id === old);
    expect(record?.statuses.at(-1)?.state).toBe('failure');
    expect(
      await abandonRollout({ repo: REPO, deploymentId: old }, { github: client, traffic, log: silentLogger }),
    ).toBe('already-finished');
  });
});
