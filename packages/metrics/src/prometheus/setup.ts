// `monitor-guard setup` for Prometheus users: an alerting rules file and a Grafana dashboard for one service, as
// text built by pure functions, and a writer that leaves files with the same content untouched.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { InputError } from '@flowkit/core';
import { promString } from './provider.ts';

/** What the generated rules and dashboard measure; defaults match the example service. */
export interface PrometheusSetupOptions {
  service: string;
  /** Default `http_requests_total`. */
  requestsMetric?: string;
  /** Histogram base name. Default `http_request_duration_seconds`. */
  durationMetric?: string;
  /** Default `version`. */
  versionLabel?: string;
  /** Label whose value is the service name. Default `job`. */
  serviceLabel?: string;
  /** More matchers, PromQL without braces. Default none. */
  extraMatchers?: string;
  /** Default `status`. */
  statusLabel?: string;
  /** Default `5..`. */
  errorStatusRegex?: string;
  /** Default `route`. */
  routeLabel?: string;
  /** Default `/healthz|/metrics`; `''` for none. */
  excludeRoutes?: string;
}

/** Thresholds of the alert rules. */
export interface PrometheusRulesOptions extends PrometheusSetupOptions {
  /** Error ratio (0–1) above which `FlowkitErrorRateHigh` fires. Default 0.05. */
  errorRateThreshold?: number;
  /** p95 latency in seconds above which `FlowkitLatencyP95High` fires. Default 0.5. */
  p95LatencySeconds?: number;
  /** How long the condition must hold, a Prometheus duration. Default `5m`. */
  for?: string;
  /** rate() window. Default `5m`. */
  rateWindow?: string;
  /** Alerts are ignored below this many requests per second of a version. Default 0 (none ignored). */
  minRequestsPerSecond?: number;
  /** The `severity` label. Default `page`. */
  severity?: string;
  /** Rule group name. Default `flowkit-<service>`. */
  groupName?: string;
}

/** The rule names, for the guard's firing-alert check and for tests. */
export const PROMETHEUS_ALERT_NAMES = {
  errorRate: 'FlowkitErrorRateHigh',
  latencyP95: 'FlowkitLatencyP95High',
} as const;

/** The Grafana annotation tag every Flowkit deployment event carries, next to `service:<name>`. */
export const GRAFANA_DEPLOYMENT_TAG = 'flowkit-deployment';

const DURATION = /^(\d+(ms|s|m|h|d|w|y))+$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

interface Resolved {
  service: string;
  requests: string;
  buckets: string;
  versionLabel: string;
  selector: string;
  errorSelector: string;
}

function resolve(options: PrometheusSetupOptions): Resolved {
  if (typeof options.service !== 'string' || options.service === '') {
    throw new InputError('service', 'is empty', 'Name the service whose alerts and dashboard to make.');
  }
  const label = (input: string, value: string): string => {
    if (!LABEL_NAME.test(value))
      throw new InputError(input, `'${value}' is not a label name`, 'Use [a-zA-Z_][a-zA-Z0-9_]*.');
    return value;
  };
  const metric = (input: string, value: string): string => {
    if (!METRIC_NAME.test(value))
      throw new InputError(input, `'${value}' is not a metric name`, 'Use [a-zA-Z_:][a-zA-Z0-9_:]*.');
    return value;
  };
  const matchers = [`${label('serviceLabel', options.serviceLabel ?? 'job')}=${promString(options.service)}`];
  const extra = (options.extraMatchers ?? '').trim().replace(/,\s*$/, '');
  if (/[{}]/.test(extra)) {
    throw new InputError('extraMatchers', 'contains braces', 'Give matchers only, e.g. namespace="prod".');
  }
  if (extra !== '') matchers.push(extra);
  const exclude = options.excludeRoutes ?? '/healthz|/metrics';
  if (exclude !== '')
    matchers.push(`${label('routeLabel', options.routeLabel ?? 'route')}!~${promString(exclude)}`);
  const errors = `${label('statusLabel', options.statusLabel ?? 'status')}=~${promString(options.errorStatusRegex ?? '5..')}`;
  return {
    service: options.service,
    requests: metric('requestsMetric', options.requestsMetric ?? 'http_requests_total'),
    buckets: `${metric('durationMetric', options.durationMetric ?? 'http_request_duration_seconds')}_bucket`,
    versionLabel: label('versionLabel', options.versionLabel ?? 'version'),
    selector: `{${matchers.join(',')}}`,
    errorSelector: `{${[...matchers, errors].join(',')}}`,
  };
}

/** PromQL of the three measures, by version, over `window`. */
export function prometheusQueries(
  options: PrometheusSetupOptions,
  window = '5m',
): { requestRate: string; errorRatio: string; p95Latency: string } {
  const r = resolve(options);
  const v = r.versionLabel;
  const requestRate = `sum by (${v}) (rate(${r.requests}${r.selector}[${window}]))`;
  return {
    requestRate,
    errorRatio: `sum by (${v}) (rate(${r.requests}${r.errorSelector}[${window}])) / ${requestRate}`,
    p95Latency: `histogram_quantile(0.95, sum by (${v}, le) (rate(${r.buckets}${r.selector}[${window}])))`,
  };
}

/**
 * The alerting rules file (YAML) for the service: error ratio and p95 latency per version. Each alert carries the
 * labels `service`, `version` and `severity`, which is what the Prometheus provider's `firingAlerts()` reads.
 */
export function prometheusAlertRules(options: PrometheusRulesOptions): string {
  const r = resolve(options);
  const errorRate = options.errorRateThreshold ?? 0.05;
  const p95 = options.p95LatencySeconds ?? 0.5;
  const holdFor = options.for ?? '5m';
  const window = options.rateWindow ?? '5m';
  const minRate = options.minRequestsPerSecond ?? 0;
  if (!(errorRate >= 0 && errorRate <= 1)) {
    throw new InputError(
      'errorRateThreshold',
      `must be from 0 to 1 (got ${errorRate})`,
      'Pass e.g. 0.05 for 5%.',
    );
  }
  if (!(p95 > 0) || !Number.isFinite(p95)) {
    throw new InputError(
      'p95LatencySeconds',
      `must be a positive number (got ${p95})`,
      'Pass seconds, e.g. 0.5.',
    );
  }
  if (!(minRate >= 0) || !Number.isFinite(minRate)) {
    throw new InputError('minRequestsPerSecond', `must be 0 or more (got ${minRate})`, 'Pass e.g. 1.');
  }
  for (const [input, value] of [
    ['for', holdFor],
    ['rateWindow', window],
  ] as const) {
    if (!DURATION.test(value))
      throw new InputError(input, `'${value}' is not a Prometheus duration`, 'Use e.g. 0s, 30s, 5m.');
  }
  const severity = options.severity ?? 'page';
  const group = options.groupName ?? `flowkit-${r.service}`;
  const q = prometheusQueries(options, window);
  const traffic = minRate > 0 ? ` and on (${r.versionLabel}) (${q.requestRate} > ${minRate})` : '';
  const v = `{{ $labels.${r.versionLabel} }}`;
  const rule = (name: string, expr: string, summary: string, description: string): string[] => [
    `      - alert: ${name}`,
    `        expr: ${yamlString(expr)}`,
    `        for: ${holdFor}`,
    '        labels:',
    `          service: ${yamlString(r.service)}`,
    `          version: ${yamlString(v)}`,
    `          severity: ${yamlString(severity)}`,
    '        annotations:',
    `          summary: ${yamlString(summary)}`,
    `          description: ${yamlString(description)}`,
  ];
  return [
    `# Flowkit alerting rules for ${JSON.stringify(r.service)}: generated by \`monitor-guard setup\`; re-run it to change them.`,
    'groups:',
    `  - name: ${yamlString(group)}`,
    '    rules:',
    ...rule(
      PROMETHEUS_ALERT_NAMES.errorRate,
      `(${q.errorRatio}) > ${errorRate}${traffic}`,
      `${r.service} ${v}: error rate above ${formatPercent(errorRate)}`,
      `${r.service} version ${v} answers {{ $value | humanizePercentage }} of requests with a server error over ${window} (threshold ${formatPercent(errorRate)}).`,
    ),
    ...rule(
      PROMETHEUS_ALERT_NAMES.latencyP95,
      `(${q.p95Latency}) > ${p95}${traffic}`,
      `${r.service} ${v}: p95 latency above ${p95} s`,
      `${r.service} version ${v} has a p95 latency of {{ $value | humanizeDuration }} over ${window} (threshold ${p95} s).`,
    ),
    '',
  ].join('\n');
}

/** Grafana dashboard JSON model (schemaVersion 39, Grafana 10+), to import or provision. */
export interface GrafanaDashboard {
  uid: string;
  title: string;
  schemaVersion: number;
  panels: GrafanaPanel[];
  [key: string]: unknown;
}

export interface GrafanaPanel {
  id: number;
  type: string;
  title: string;
  targets: { refId: string; expr: string; legendFormat: string; datasource: { type: string; uid: string } }[];
  [key: string]: unknown;
}

/** Dashboard options. */
export interface GrafanaDashboardOptions extends PrometheusSetupOptions {
  /** Default `flowkit-<service>` (cut to Grafana's 40 characters). */
  uid?: string;
  /** Default `<service> · Flowkit canary`. */
  title?: string;
  /** rate() window. Default `$__rate_interval`. */
  rateWindow?: string;
}

/**
 * The service's Grafana dashboard: request rate, error ratio and p95 latency by version, a `datasource` variable,
 * and an annotation query showing Flowkit deployment events. Deployment events are Grafana annotations tagged
 * `flowkit-deployment` and `service:<service>` (POST /api/annotations), read through Grafana's built-in annotation
 * store, so they need no exporter and work with any datasource.
 */
export function grafanaDashboard(options: GrafanaDashboardOptions): GrafanaDashboard {
  const r = resolve(options);
  const q = prometheusQueries(options, options.rateWindow ?? '$__rate_interval');
  const datasource = { type: 'prometheus', uid: '${datasource}' };
  const legend = `{{${r.versionLabel}}}`;
  const panel = (
    id: number,
    title: string,
    expr: string,
    unit: string,
    x: number,
    y: number,
    w: number,
  ): GrafanaPanel => ({
    id,
    type: 'timeseries',
    title,
    datasource,
    gridPos: { h: 8, w, x, y },
    fieldConfig: { defaults: { unit, min: 0 }, overrides: [] },
    options: {
      legend: { displayMode: 'table', placement: 'bottom', calcs: ['lastNotNull', 'max'] },
      tooltip: { mode: 'multi' },
    },
    targets: [{ refId: 'A', datasource, expr, legendFormat: legend }],
  });
  return {
    uid: (options.uid ?? `flowkit-${r.service}`.replace(/[^a-zA-Z0-9_-]/g, '-')).slice(0, 40),
    title: options.title ?? `${r.service} · Flowkit canary`,
    tags: ['flowkit', r.service],
    editable: true,
    graphTooltip: 1,
    schemaVersion: 39,
    version: 1,
    refresh: '30s',
    time: { from: 'now-1h', to: 'now' },
    timezone: '',
    templating: {
      list: [
        {
          name: 'datasource',
          label: 'Prometheus',
          type: 'datasource',
          query: 'prometheus',
          current: {},
          hide: 0,
          refresh: 1,
          regex: '',
        },
      ],
    },
    annotations: {
      list: [
        {
          builtIn: 1,
          name: 'Annotations & Alerts',
          datasource: { type: 'grafana', uid: '-- Grafana --' },
          enable: true,
          hide: true,
          iconColor: 'rgba(0, 211, 255, 1)',
          type: 'dashboard',
        },
        {
          name: 'Flowkit deployments',
          datasource: { type: 'grafana', uid: '-- Grafana --' },
          enable: true,
          hide: false,
          iconColor: 'purple',
          target: {
            type: 'tags',
            tags: [GRAFANA_DEPLOYMENT_TAG, `service:${r.service}`],
            matchAny: false,
            limit: 100,
          },
        },
      ],
    },
    panels: [
      panel(1, 'Request rate by version', q.requestRate, 'reqps', 0, 0, 24),
      panel(2, 'Error rate by version', q.errorRatio, 'percentunit', 0, 8, 12),
      panel(3, 'p95 latency by version', q.p95Latency, 's', 12, 8, 12),
    ],
  };
}

/** What happened to one file. */
export interface WrittenFile {
  path: string;
  status: 'created' | 'updated' | 'unchanged';
}

/**
 * Writes the rules file and the dashboard (`<dir>/<service>.rules.yml`, `<dir>/<service>.dashboard.json` unless
 * named). A file whose content is already the same is not touched (mtime kept); others are replaced atomically.
 */
export async function writePrometheusSetup(options: {
  dir: string;
  rules: PrometheusRulesOptions;
  dashboard?: GrafanaDashboardOptions;
  rulesFile?: string;
  dashboardFile?: string;
}): Promise<WrittenFile[]> {
  const service = options.rules.service.replace(/[^a-zA-Z0-9._-]/g, '-');
  const rulesPath = options.rulesFile ?? join(options.dir, `${service}.rules.yml`);
  const dashboardPath = options.dashboardFile ?? join(options.dir, `${service}.dashboard.json`);
  const dashboard = grafanaDashboard(options.dashboard ?? options.rules);
  return [
    await writeIfChanged(rulesPath, prometheusAlertRules(options.rules)),
    await writeIfChanged(dashboardPath, `${JSON.stringify(dashboard, null, 2)}\n`),
  ];
}

/** Writes `content` unless the file already holds exactly it. */
export async function writeIfChanged(path: string, content: string): Promise<WrittenFile> {
  const current = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (current === content) return { path, status: 'unchanged' };
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, path);
  return { path, status: current === undefined ? 'created' : 'updated' };
}

/** A YAML double-quoted scalar (JSON's escapes are valid YAML). */
function yamlString(value: string): string {
  return JSON.stringify(value);
}

function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 10_000) / 100}%`;
}
