// The Prometheus provider against a real Prometheus scraping two real example services (stable, canary): exact
// counts of the requests sent, errors as received, slow requests as injected, and the generated alert rule firing.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ExampleService,
  type RunningPrometheus,
  startExampleService,
  startPrometheus,
} from '@flowkit/testing';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPrometheusProvider } from '../src/prometheus/provider.ts';
import { PROMETHEUS_ALERT_NAMES, prometheusAlertRules } from '../src/prometheus/setup.ts';
import type { FiringAlert, MetricsProvider } from '../src/provider.ts';

const SERVICE = 'deployments-dashboard';
const ROUTE = '/api/deployments/top';

/** GET the route once; the status code. */
function hit(service: ExampleService): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${service.url}${ROUTE}`, { method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Sends `count` requests, `parallel` at a time; how many answered 500. */
async function send(
  service: ExampleService,
  count: number,
  parallel = 1,
): Promise<{ sent: number; errors: number }> {
  let errors = 0;
  for (let done = 0; done < count; done += parallel) {
    const statuses = await Promise.all(
      Array.from({ length: Math.min(parallel, count - done) }, () => hit(service)),
    );
    errors += statuses.filter((status) => status === 500).length;
  }
  return { sent: count, errors };
}

let stable: ExampleService | undefined;
let canary: ExampleService | undefined;
let prometheus: RunningPrometheus | undefined;
let dir: string | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flowkit-prom-real-'));
  [stable, canary] = await Promise.all([
    startExampleService({ version: 'stable' }),
    startExampleService({ version: 'canary', errorRate: 0.2, latencyMs: 300 }),
  ]);
  const rules = join(dir, 'rules.yml');
  await writeFile(
    rules,
    prometheusAlertRules({
      service: SERVICE,
      errorRateThreshold: 0.01,
      p95LatencySeconds: 0.2,
      for: '0s',
      rateWindow: '1m',
    }),
  );
  prometheus = await startPrometheus({
    targets: [
      { job: SERVICE, address: stable.address },
      { job: SERVICE, address: canary.address },
    ],
    scrapeIntervalSeconds: 1,
    evaluationIntervalSeconds: 1,
    ruleFiles: [rules],
  });
}, 60_000);

afterAll(async () => {
  await prometheus?.stop();
  await Promise.all([stable?.stop(), canary?.stop()]);
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

const totals =
  (byVersion: Record<string, number>) => (samples: { labels: Record<string, string>; value: number }[]) =>
    Object.entries(byVersion).every(
      ([version, total]) => samples.find((sample) => sample.labels.version === version)?.value === total,
    );
const TOTALS_QUERY = `sum by (version) (http_requests_total{route="${ROUTE}"})`;

describe('Prometheus provider with a real Prometheus', () => {
  it('counts exactly the requests, errors and slow requests of each version in the window', async () => {
    if (stable === undefined || canary === undefined || prometheus === undefined)
      throw new Error('not started');
    const metrics: MetricsProvider = createPrometheusProvider({
      url: prometheus.url,
      target: { service: SERVICE, stableVersion: 'stable', canaryVersion: 'canary' },
      timeoutMs: 5000,
    });

    // Before the window: traffic that must not be counted.
    const early = await Promise.all([send(stable, 5), send(canary, 5, 5)]);
    await prometheus.waitForQuery(TOTALS_QUERY, totals({ stable: 5, canary: 5 }));
    await prometheus.waitForScrape();
    const from = Date.now();
    expect(early[0].errors).toBe(0);

    // The window. The canary keeps going until it produced a 500, so the error alert has something to fire on.
    const stableSent = await send(stable, 30);
    const canarySent = await send(canary, 20, 10);
    for (let extra = 0; canarySent.errors === 0 && extra < 100; extra++) {
      const more = await send(canary, 1);
      canarySent.sent += 1;
      canarySent.errors += more.errors;
    }
    await prometheus.waitForQuery(TOTALS_QUERY, totals({ stable: 35, canary: 5 + canarySent.sent }));
    const to = Date.now();

    const counts = await metrics.counts({ from, to, slowAboveSeconds: 0.25 });

    expect(counts).toEqual({
      baseline: { requests: 30, errors: stableSent.errors, slow: 0 },
      canary: { requests: canarySent.sent, errors: canarySent.errors, slow: canarySent.sent },
      slowAboveSeconds: 0.25,
    });
    expect(stableSent.errors).toBe(0);
    expect(canarySent.errors).toBeGreaterThan(0);

    // Latency injected: 300 ms, in the (0.25, 0.5] bucket; the stable version well below it.
    const canaryMedian = await metrics.latencyQuantile('canary', 0.5, from, to);
    expect(canaryMedian).toBeGreaterThan(0.25);
    expect(canaryMedian).toBeLessThanOrEqual(0.5);
    expect(await metrics.latencyQuantile('stable', 0.95, from, to)).toBeLessThan(0.25);
    expect(await metrics.latencyQuantile('nobody', 0.95, from, to)).toBeUndefined();

    // A threshold that is not a bucket bound is rounded up to one, the same for both arms.
    const rounded = await metrics.counts({ from, to, slowAboveSeconds: 0.2 });
    expect(rounded.slowAboveSeconds).toBe(0.25);

    // The generated rules, evaluated every second with for: 0s, fire for the canary only (errors and latency).
    const deadline = Date.now() + 20_000;
    let alerts: FiringAlert[] = [];
    const wanted = (name: string) =>
      alerts.some((alert) => alert.name === name && alert.version === 'canary');
    while (!(wanted(PROMETHEUS_ALERT_NAMES.errorRate) && wanted(PROMETHEUS_ALERT_NAMES.latencyP95))) {
      if (Date.now() > deadline) throw new Error(`alerts did not fire: ${JSON.stringify(alerts)}`);
      // Live traffic meanwhile: rate() needs a 500 series to grow between two scrapes, not only to be born.
      await send(canary, 5, 5);
      alerts = await metrics.firingAlerts();
    }
    expect(alerts.filter((alert) => alert.version === 'stable')).toEqual([]);
    expect(alerts[0]?.url).toBe(`${prometheus.url}/alerts`);
  }, 90_000);
});
