// The Datadog provider against the emulator: exact counts over (from, to], rate limits, outages, keys, alerts.

import type { Clock, Logger } from '@flowkit/core';
import {
  type DatadogEmulator,
  DEFAULT_DD_API_KEY,
  DEFAULT_DD_APP_KEY,
  startDatadogEmulator,
} from '@flowkit/testing';
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import {
  createDatadogProvider,
  DatadogAuthError,
  type DatadogProviderOptions,
  percentileAggregator,
} from '../../src/datadog/index.ts';
import { MetricsUnavailableError } from '../../src/provider.ts';

const T0 = Date.UTC(2026, 10, 20, 10, 0, 0);
const MIN = 60_000;
let dd: DatadogEmulator;

function fakeClock(): Clock & { slept: number[] } {
  let now = T0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

const lines: string[] = [];
const log: Logger = {
  info: (m) => lines.push(m),
  warning: (m) => lines.push(m),
  debug: (m) => lines.push(m),
};

function provider(overrides: Partial<DatadogProviderOptions> = {}) {
  return createDatadogProvider({
    apiUrl: dd.url,
    apiKey: DEFAULT_DD_API_KEY,
    appKey: DEFAULT_DD_APP_KEY,
    target: { service: 'web', stableVersion: '1.0', canaryVersion: '1.1' },
    timeoutMs: 5_000,
    retry: { retries: 3, budgetMs: 120_000 },
    clock: fakeClock(),
    log,
    ...overrides,
  });
}

const q = (metric: string, version: string) => `sum:${metric}{service:web,version:${version}}.as_count()`;
const slow = (version: string) =>
  `count(v: v>0.25):trace.http.request{service:web,version:${version}}.as_count()`;

beforeAll(async () => {
  dd = await startDatadogEmulator();
  // Points every minute from T0: the window (T0, T0+3m] holds the points at +1m, +2m and +3m.
  const points = (values: number[]) => values.map((v, i): [number, number] => [T0 + i * MIN, v]);
  dd.seedSeries(q('trace.http.request.hits', '1.1'), points([1000, 10, 20, 30, 4000]));
  dd.seedSeries(q('trace.http.request.errors', '1.1'), points([100, 1, 0, 2, 400]));
  dd.seedSeries(slow('1.1'), points([50, 3, 4, 5, 60]));
  dd.seedSeries(q('trace.http.request.hits', '1.0'), points([9, 100, 200, 300, 9]));
  dd.seedSeries(q('trace.http.request.errors', '1.0'), points([9, 1, 1, 1, 9]));
  dd.seedSeries(slow('1.0'), points([9, 10, 10, 10, 9]));
  dd.seedSeries('p95:trace.http.request{service:web,version:1.1}.rollup(max, 180)', [
    [T0, 0.31],
    [T0 + 2 * MIN, 0.42],
  ]);
});
afterAll(() => dd.stop());
afterEach(() => {
  lines.length = 0;
});

describe('Datadog provider', () => {
  test('sums the .as_count() points stamped in (from, to], both arms, with the slow threshold query', async () => {
    const counts = await provider().counts({ from: T0, to: T0 + 3 * MIN, slowAboveSeconds: 0.25 });
    expect(counts).toEqual({
      canary: { requests: 60, errors: 3, slow: 12 },
      baseline: { requests: 600, errors: 3, slow: 30 },
      slowAboveSeconds: 0.25,
    });
    const queries = dd.requests.filter((r) => r.pathname === '/api/v1/query').map((r) => r.query);
    expect(queries).toContainEqual({
      from: String(T0 / 1000),
      to: String(T0 / 1000 + 180),
      query: slow('1.1'),
    });
  });

  test('a window of one point counts that point only; an empty window counts zero', async () => {
    expect(
      (await provider().counts({ from: T0 + MIN, to: T0 + 2 * MIN, slowAboveSeconds: 0.25 })).canary,
    ).toEqual({
      requests: 20,
      errors: 0,
      slow: 4,
    });
    expect(
      (await provider().counts({ from: T0 + 10 * MIN, to: T0 + 11 * MIN, slowAboveSeconds: 0.25 })).canary,
    ).toEqual({
      requests: 0,
      errors: 0,
      slow: 0,
    });
  });

  test('latency quantile: percentile over one rollup of the window; undefined without requests', async () => {
    const p = provider();
    expect(await p.latencyQuantile('1.1', 0.95, T0, T0 + 3 * MIN)).toBe(0.42);
    expect(await p.latencyQuantile('1.1', 0.95, T0 + 10 * MIN, T0 + 13 * MIN)).toBeUndefined();
    expect(percentileAggregator(0.999)).toBe('p99.9');
    expect(percentileAggregator(0.5)).toBe('p50');
    expect(() => percentileAggregator(1.5)).toThrow(/quantile/);
  });

  test('429: waits as X-RateLimit-Reset says (injected clock), then succeeds', async () => {
    const clock = fakeClock();
    dd.failNext({ path: '/api/v1/query' }, { status: 429, resetSeconds: 37, times: 2 });
    const counts = await provider({ clock }).counts({ from: T0, to: T0 + 3 * MIN, slowAboveSeconds: 0.25 });
    expect(counts.canary.requests).toBe(60);
    expect(clock.slept).toEqual([37_000, 37_000]);
    expect(lines.some((l) => l.includes('rate limited (429') && l.includes('retrying in 37 s'))).toBe(true);
  });

  test('5xx: retried within the budget, then MetricsUnavailableError (never zeros)', async () => {
    dd.failNext({ path: '/api/v1/query' }, { status: 503, times: 100 });
    const clock = fakeClock();
    await expect(
      provider({ clock }).counts({ from: T0, to: T0 + 3 * MIN, slowAboveSeconds: 0.25 }),
    ).rejects.toThrow(MetricsUnavailableError);
    expect(clock.slept.length).toBeGreaterThanOrEqual(3);
    dd.clearFailures();
  });

  test('a timeout counts as a transient failure', async () => {
    dd.failNext({ path: '/api/v1/monitor/search' }, { status: 0, hang: true, times: 2 });
    await expect(
      provider({ timeoutMs: 50, retry: { retries: 1, budgetMs: 60_000 } }).firingAlerts(),
    ).rejects.toThrow(/no answer within 50 ms/);
  });

  test('403 names the key: wrong API key vs wrong application key, never retried, keys never logged', async () => {
    const badApp = provider({ appKey: 'wrong-app-key-secret' });
    const error = await badApp.firingAlerts().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatadogAuthError);
    expect((error as DatadogAuthError).key).toBe('app-key');
    const badApi = await provider({ apiKey: 'wrong-api-key-secret' })
      .firingAlerts()
      .catch((e: unknown) => e);
    expect((badApi as DatadogAuthError).key).toBe('api-key');
    expect((badApi as Error).message).toMatch(/refused the API key/);
    expect(JSON.stringify(lines)).not.toMatch(/secret|dd-emulator/);
    expect(String(error)).not.toMatch(/secret/);
  });

  test('firing alerts: monitors tagged service:web in Alert, with their version tag', async () => {
    const alerting = dd.addMonitor({
      name: 'web p95',
      query: 'avg(last_5m):p95:trace.http.request{service:web} > 1',
      tags: ['service:web', 'version:1.1'],
    });
    const ok = dd.addMonitor({
      name: 'web errors',
      query: 'avg(last_5m):p95:trace.http.request{service:web} > 2',
      tags: ['service:web'],
    });
    dd.addMonitor({
      name: 'api',
      query: 'avg(last_5m):p95:trace.http.request{service:api} > 1',
      tags: ['service:api'],
      overall_state: 'Alert',
    });
    dd.setMonitorState(alerting, 'Alert');
    dd.setMonitorState(ok, 'OK');
    expect(await provider().firingAlerts()).toEqual([
      { name: 'web p95', version: '1.1', url: `https://app.datadoghq.com/monitors/${alerting}` },
    ]);
    const search = dd.requests.filter((r) => r.pathname === '/api/v1/monitor/search').at(-1);
    expect(search?.query.query).toBe('status:alert tag:"service:web"');
  });

  test('bad options are input errors before any request', () => {
    expect(() => provider({ site: 'datadog.example' })).toThrow(/Input 'site'/);
    expect(() =>
      provider({ target: { service: 'web app', stableVersion: '1', canaryVersion: '2' } }),
    ).toThrow(/Input 'service'/);
    expect(() => provider({ queries: { requests: 'sum:hits{service:{service}}.as_count()' } })).toThrow(
      /version/,
    );
  });
});
