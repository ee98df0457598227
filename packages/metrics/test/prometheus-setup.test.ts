// The Prometheus set-up: the rules file passes promtool, the Grafana dashboard has the expected shape, and the
// writer leaves unchanged files alone.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  GRAFANA_DEPLOYMENT_TAG,
  grafanaDashboard,
  PROMETHEUS_ALERT_NAMES,
  prometheusAlertRules,
  writePrometheusSetup,
} from '../src/prometheus/index.ts';

const run = promisify(execFile);
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'flowkit-prom-setup-'));
  dirs.push(dir);
  return dir;
}

describe('Prometheus alerting rules', () => {
  it('are valid for promtool, per version, with the labels and annotations the guard reads', async () => {
    const text = prometheusAlertRules({
      service: 'deployments-dashboard',
      errorRateThreshold: 0.02,
      p95LatencySeconds: 0.75,
      for: '2m',
      minRequestsPerSecond: 0.5,
      severity: 'critical',
    });
    const file = join(await tempDir(), 'rules.yml');
    await writeFile(file, text);

    const checked = await run('/usr/bin/promtool', ['check', 'rules', file]);
    expect(checked.stdout).toMatch(/SUCCESS: 2 rules found/);

    expect(text).toContain(`- alert: ${PROMETHEUS_ALERT_NAMES.errorRate}`);
    expect(text).toContain(`- alert: ${PROMETHEUS_ALERT_NAMES.latencyP95}`);
    expect(text).toContain(
      'expr: "(sum by (version) (rate(http_requests_total{job=\\"deployments-dashboard\\",route!~\\"/healthz|/metrics\\",status=~\\"5..\\"}[5m])) / sum by (version) (rate(http_requests_total{job=\\"deployments-dashboard\\",route!~\\"/healthz|/metrics\\"}[5m]))) > 0.02 and on (version) (sum by (version) (rate(http_requests_total{job=\\"deployments-dashboard\\",route!~\\"/healthz|/metrics\\"}[5m])) > 0.5)"',
    );
    expect(text).toContain(
      'histogram_quantile(0.95, sum by (version, le) (rate(http_request_duration_seconds_bucket{job=\\"deployments-dashboard\\",route!~\\"/healthz|/metrics\\"}[5m])))) > 0.75',
    );
    expect(text.match(/for: 2m/g)).toHaveLength(2);
    expect(text.match(/service: "deployments-dashboard"/g)).toHaveLength(2);
    expect(text.match(/version: "\{\{ \$labels\.version \}\}"/g)).toHaveLength(2);
    expect(text.match(/severity: "critical"/g)).toHaveLength(2);
    expect(text).toMatch(/summary: ".*error rate above 2%"/);
    expect(text).toMatch(/description: ".*humanizePercentage/);
  });

  it('rejects thresholds and durations Prometheus would not take', () => {
    expect(() => prometheusAlertRules({ service: 's', errorRateThreshold: 2 })).toThrow(/errorRateThreshold/);
    expect(() => prometheusAlertRules({ service: 's', for: '5 minutes' })).toThrow(
      /not a Prometheus duration/,
    );
    expect(() => prometheusAlertRules({ service: '' })).toThrow(/Input 'service' is empty/);
  });
});

describe('Grafana dashboard', () => {
  it('has a datasource variable, three panels by version, and the deployment annotation', () => {
    const dashboard = grafanaDashboard({ service: 'shop', versionLabel: 'app_version' });
    const json = JSON.parse(JSON.stringify(dashboard)) as typeof dashboard & {
      templating: { list: { name: string; type: string; query: string }[] };
      annotations: { list: { name: string; target?: { type: string; tags: string[] } }[] };
    };

    expect(json.schemaVersion).toBeGreaterThanOrEqual(36);
    expect(json.uid).toBe('flowkit-shop');
    expect(json.templating.list).toContainEqual(
      expect.objectContaining({ name: 'datasource', type: 'datasource', query: 'prometheus' }),
    );
    expect(json.panels.map((panel) => panel.title)).toEqual([
      'Request rate by version',
      'Error rate by version',
      'p95 latency by version',
    ]);
    for (const panel of json.panels) {
      expect(panel.type).toBe('timeseries');
      expect(panel.datasource).toEqual({ type: 'prometheus', uid: '${datasource}' });
      expect(panel.targets).toHaveLength(1);
      const [query] = panel.targets;
      expect(query?.expr).toMatch(/sum by \(app_version[,)]/);
      expect(query?.expr).toContain('job="shop"');
      expect(query?.expr).toContain('[$__rate_interval]');
      expect(query?.legendFormat).toBe('{{app_version}}');
    }
    expect(json.panels[1]?.targets[0]?.expr).toContain('status=~"5.."');
    expect(json.panels[2]?.targets[0]?.expr).toMatch(/^histogram_quantile\(0\.95, /);
    const deployments = json.annotations.list.find((entry) => entry.name === 'Flowkit deployments');
    expect(deployments?.target).toEqual(
      expect.objectContaining({ type: 'tags', tags: [GRAFANA_DEPLOYMENT_TAG, 'service:shop'] }),
    );
  });
});

describe('writePrometheusSetup', () => {
  it('creates, leaves identical files untouched, and updates changed ones', async () => {
    const dir = await tempDir();
    const first = await writePrometheusSetup({ dir, rules: { service: 'shop' } });
    expect(first).toEqual([
      { path: join(dir, 'shop.rules.yml'), status: 'created' },
      { path: join(dir, 'shop.dashboard.json'), status: 'created' },
    ]);
    const before = await stat(join(dir, 'shop.rules.yml'));

    const again = await writePrometheusSetup({ dir, rules: { service: 'shop' } });
    expect(again.map((file) => file.status)).toEqual(['unchanged', 'unchanged']);
    expect((await stat(join(dir, 'shop.rules.yml'))).mtimeMs).toBe(before.mtimeMs);

    const changed = await writePrometheusSetup({ dir, rules: { service: 'shop', errorRateThreshold: 0.1 } });
    expect(changed.map((file) => file.status)).toEqual(['updated', 'unchanged']);
    expect(await readFile(join(dir, 'shop.rules.yml'), 'utf8')).toContain('> 0.1');
    JSON.parse(await readFile(join(dir, 'shop.dashboard.json'), 'utf8'));
  });
});
