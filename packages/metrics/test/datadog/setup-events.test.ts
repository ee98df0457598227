// Monitor and dashboard set-up (idempotent), deployment and DORA events; Flowkit's requests and the emulator's
// answers checked against Datadog's descriptions.

import {
  checkDatadogRequest,
  checkDatadogResponse,
  type DatadogEmulator,
  DEFAULT_DD_API_KEY,
  DEFAULT_DD_APP_KEY,
  describeWithContracts,
  loadDatadogContract,
  startDatadogEmulator,
  unexplainedDatadogProblems,
} from '@flowkit/testing';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import {
  type SetupDatadogMonitoringOptions,
  sendDeploymentEvent,
  sendDoraDeployment,
  sendDoraFailure,
  setupDatadogMonitoring,
} from '../../src/datadog/index.ts';

let dd: DatadogEmulator;
const SHA = 'a'.repeat(40);

function options(overrides: Partial<SetupDatadogMonitoringOptions> = {}): SetupDatadogMonitoringOptions {
  return {
    apiUrl: dd.url,
    apiKey: DEFAULT_DD_API_KEY,
    appKey: DEFAULT_DD_APP_KEY,
    service: 'web',
    env: 'prod',
    thresholds: { errorRate: 0.05, p95LatencySeconds: 0.5, p95LatencyWarningSeconds: 0.4 },
    notify: ['@slack-web-alerts', 'oncall@example.com'],
    retry: { retries: 0, budgetMs: 1000 },
    ...overrides,
  };
}

beforeAll(async () => {
  dd = await startDatadogEmulator();
});
afterAll(() => dd.stop());

describe('setupDatadogMonitoring', () => {
  test('creates two monitors and the dashboard, tagged so it finds them again', async () => {
    const first = await setupDatadogMonitoring(options());
    expect(first.items.map((i) => [i.kind, i.key, i.action])).toEqual([
      ['dashboard', 'service-dashboard', 'created'],
      ['monitor', 'error-rate', 'created'],
      ['monitor', 'latency-p95', 'created'],
    ]);
    const dashboardId = first.dashboardId ?? '';
    expect(first.items[0]?.url).toBe(`https://app.datadoghq.com/dashboard/${dashboardId}`);
    const monitors = [...dd.state.monitors.values()];
    expect(monitors).toHaveLength(2);
    for (const monitor of monitors) {
      expect(monitor.tags).toEqual(
        expect.arrayContaining([
          'managed-by:flowkit',
          'service:web',
          'env:prod',
          `flowkit-dashboard:${dashboardId}`,
        ]),
      );
      expect(monitor.message).toContain('@slack-web-alerts @oncall@example.com');
    }
    expect(monitors[1]?.query).toBe(
      'avg(last_10m):p95:trace.http.request{service:web,env:prod} by {version} > 0.5',
    );
    expect(monitors[1]?.options).toMatchObject({ thresholds: { critical: 0.5, warning: 0.4 } });
    const dashboard = dd.state.dashboards.get(dashboardId);
    expect(JSON.stringify(dashboard?.widgets)).toContain(
      '"search":{"query":"tags:managed-by:flowkit service:web"}',
    );
    expect(dashboard?.widgets).toHaveLength(3);
  });

  test('a second run writes nothing and reports every item unchanged', async () => {
    const before = dd.writes().length;
    const again = await setupDatadogMonitoring(options());
    expect(again.items.map((i) => i.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(again.writes).toBe(0);
    expect(dd.writes().length).toBe(before);
  });

  test('a changed threshold is one PUT of that monitor', async () => {
    const before = dd.writes().length;
    const changed = await setupDatadogMonitoring(
      options({ thresholds: { errorRate: 0.02, p95LatencySeconds: 0.5, p95LatencyWarningSeconds: 0.4 } }),
    );
    expect(changed.items.map((i) => i.action)).toEqual(['unchanged', 'updated', 'unchanged']);
    const writes = dd.writes().slice(before);
    expect(writes.map((w) => `${w.httpMethod} ${w.operation}`)).toEqual([
      'PUT PUT /api/v1/monitor/{monitor_id}',
    ]);
    expect(dd.state.monitors.size).toBe(2);
  });

  test('a deleted dashboard is created again and said so; monitors then point at the new id', async () => {
    const old =
      (
        await setupDatadogMonitoring(
          options({ thresholds: { errorRate: 0.02, p95LatencySeconds: 0.5, p95LatencyWarningSeconds: 0.4 } }),
        )
      ).dashboardId ?? '';
    dd.deleteDashboard(old);
    const result = await setupDatadogMonitoring(
      options({ thresholds: { errorRate: 0.02, p95LatencySeconds: 0.5, p95LatencyWarningSeconds: 0.4 } }),
    );
    expect(result.items[0]).toMatchObject({
      action: 'recreated',
      note: expect.stringContaining(`${old} no longer exists (404)`),
    });
    expect(result.dashboardId).not.toBe(old);
    expect(result.items.slice(1).map((i) => i.action)).toEqual(['updated', 'updated']);
    expect(
      [...dd.state.monitors.values()].every((m) =>
        m.tags.includes(`flowkit-dashboard:${result.dashboardId}`),
      ),
    ).toBe(true);
  });

  test('bad thresholds are input errors before any request', async () => {
    const before = dd.requests.length;
    await expect(
      setupDatadogMonitoring(options({ thresholds: { errorRate: 5, p95LatencySeconds: 0.5 } })),
    ).rejects.toThrow(/thresholds.errorRate/);
    expect(dd.requests.length).toBe(before);
  });
});

describe('events', () => {
  const connection = () => ({
    apiUrl: dd.url,
    apiKey: DEFAULT_DD_API_KEY,
    appKey: DEFAULT_DD_APP_KEY,
    retry: { retries: 0, budgetMs: 1000 },
  });

  test('a deployment event is tagged for the dashboard overlay', async () => {
    const sent = await sendDeploymentEvent({
      ...connection(),
      service: 'web',
      version: '1.1',
      env: 'prod',
      outcome: 'rolled-back',
      release: 'canary 10%',
    });
    expect(sent.ok).toBe(true);
    expect(dd.state.events.at(-1)).toMatchObject({
      title: 'Flowkit: web 1.1 rolled-back (canary 10%) in prod',
      tags: ['managed-by:flowkit', 'service:web', 'version:1.1', 'env:prod', 'flowkit-outcome:rolled-back'],
      alert_type: 'warning',
    });
  });

  test('DORA deployment and failure: milliseconds, git info, a stable id', async () => {
    const base = {
      ...connection(),
      service: 'web',
      env: 'prod',
      version: '1.1',
      startedAt: 1_790_000_000_000,
    };
    const deployment = await sendDoraDeployment({
      ...base,
      finishedAt: 1_790_000_600_000,
      gitCommitSha: SHA,
      repositoryUrl: 'https://github.com/acme/web',
      team: 'payments',
    });
    const again = await sendDoraDeployment({
      ...base,
      finishedAt: 1_790_000_600_000,
      gitCommitSha: SHA,
      repositoryUrl: 'https://github.com/acme/web',
      team: 'payments',
    });
    expect(deployment).toEqual(again);
    expect(dd.state.dora.deployments[0]?.attributes).toEqual({
      env: 'prod',
      started_at: 1_790_000_000_000,
      finished_at: 1_790_000_600_000,
      version: '1.1',
      team: 'payments',
      git: { commit_sha: SHA, repository_url: 'https://github.com/acme/web' },
      custom_tags: ['managed-by:flowkit'],
      service: 'web',
      id: expect.stringMatching(/^flowkit-[0-9a-f]{32}$/),
    });
    const failure = await sendDoraFailure({
      ...base,
      name: 'Canary of 1.1 rolled back: error rate',
      severity: 'High',
    });
    expect(failure.ok).toBe(true);
    expect(dd.state.dora.failures[0]?.attributes).toMatchObject({
      services: ['web'],
      name: 'Canary of 1.1 rolled back: error rate',
    });
  });

  test('best effort: a refused key is a result, not a throw; input errors still throw', async () => {
    const result = await sendDoraDeployment({
      ...connection(),
      apiKey: 'wrong',
      service: 'web',
      env: 'prod',
      startedAt: 1_790_000_000_000,
      finishedAt: 1_790_000_000_001,
      gitCommitSha: SHA,
      repositoryUrl: 'https://github.com/acme/web',
      bestEffort: true,
    });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/refused the API key/) });
    await expect(
      sendDoraDeployment({
        ...connection(),
        service: 'web',
        env: 'prod',
        startedAt: 1_790_000_000,
        finishedAt: 1_790_000_001,
        gitCommitSha: SHA,
        repositoryUrl: 'x',
        bestEffort: true,
      }),
    ).rejects.toThrow(/startedAt/);
  });
});

describeWithContracts('Datadog contract', (dir) => {
  test("every request Flowkit sent, and every emulator answer, fits Datadog's description (or a known gap)", async () => {
    const contract = loadDatadogContract(dir);
    // Error answers too: a bad key, a rate limit, a validation error.
    await fetch(`${dd.url}/api/v1/monitor/search?query=x`, {
      headers: { 'dd-api-key': 'bad', 'dd-application-key': 'bad' },
    });
    dd.failNext({ path: '/api/v1/query' }, { status: 429 });
    await fetch(`${dd.url}/api/v1/query?from=1&to=2&query=sum:a{*}`, {
      headers: { 'dd-api-key': DEFAULT_DD_API_KEY, 'dd-application-key': DEFAULT_DD_APP_KEY },
    });
    const recorded = dd.requests.filter((r) => r.operation !== '');
    expect(recorded.length).toBeGreaterThan(10);
    const problems = recorded.flatMap((r) => [
      ...checkDatadogRequest(r, contract),
      ...checkDatadogResponse(r, contract),
    ]);
    expect(unexplainedDatadogProblems(problems)).toEqual([]);
    expect(new Set(recorded.map((r) => r.operation))).toEqual(
      new Set([
        'GET /api/v1/monitor',
        'POST /api/v1/dashboard',
        'GET /api/v1/dashboard/{dashboard_id}',
        'POST /api/v1/monitor/validate',
        'POST /api/v1/monitor',
        'PUT /api/v1/monitor/{monitor_id}',
        'POST /api/v1/events',
        'POST /api/v2/dora/deployment',
        'POST /api/v2/dora/failure',
        'GET /api/v1/validate',
        'GET /api/v1/monitor/search',
        'GET /api/v1/query',
      ]),
    );
  });
});
