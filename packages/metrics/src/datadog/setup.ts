// Monitors and the service dashboard in Datadog, created or updated idempotently and found again by Flowkit.
//
// Monitors are found by their tags (managed-by:flowkit, service:S, env:E, flowkit-monitor:<kind>). Dashboards accept
// only team: tags, so the service dashboard is found by its id: given by the caller (config), else read back from
// the `flowkit-dashboard:<id>` tag Flowkit puts on its monitors; the id is also returned for the caller to keep.
import { DashboardsApi } from '@datadog/datadog-api-client/dist/packages/datadog-api-client-v1/apis/DashboardsApi.js';
import { MonitorsApi } from '@datadog/datadog-api-client/dist/packages/datadog-api-client-v1/apis/MonitorsApi.js';
import type { Dashboard } from '@datadog/datadog-api-client/dist/packages/datadog-api-client-v1/models/Dashboard.js';
import type { Monitor } from '@datadog/datadog-api-client/dist/packages/datadog-api-client-v1/models/Monitor.js';
import { ObjectSerializer } from '@datadog/datadog-api-client/dist/packages/datadog-api-client-v1/models/ObjectSerializer.js';
import { InputError } from '@flowkit/core';
import { DatadogApiError, DatadogConnection, type DatadogConnectionOptions } from './client.ts';

type Json = Record<string, unknown>;

/** When the monitors alert. */
export interface DatadogMonitoringThresholds {
  /** Errors per request over the window that alerts (0–1), e.g. 0.05. */
  errorRate: number;
  /** Warns first at this error rate; below `errorRate`. */
  errorRateWarning?: number;
  /** p95 request latency in seconds that alerts. */
  p95LatencySeconds: number;
  /** Warns first at this p95 latency; below `p95LatencySeconds`. */
  p95LatencyWarningSeconds?: number;
  /** Evaluation window in minutes; default 10. */
  windowMinutes?: number;
}

export interface SetupDatadogMonitoringOptions extends DatadogConnectionOptions {
  service: string;
  env: string;
  /** The release being set up; only reported (monitors cover every version of the service, grouped by version). */
  version?: string;
  thresholds: DatadogMonitoringThresholds;
  /** Who is notified: Datadog handles ('@slack-team-alerts', '@pagerduty-web', '@jane@example.com'); an e-mail without '@' prefix is accepted. */
  notify?: string[];
  /** The service dashboard's id, when kept in config; default read back from Flowkit's monitors. */
  dashboardId?: string;
  /** Set up the dashboard; default true. */
  dashboard?: boolean;
}

export type SetupAction = 'created' | 'updated' | 'unchanged' | 'recreated';

export interface SetupItem {
  kind: 'monitor' | 'dashboard';
  /** 'error-rate', 'latency-p95' or 'service-dashboard'. */
  key: string;
  name: string;
  id: string;
  url: string;
  action: SetupAction;
  /** Why, when it is not obvious (a recreated dashboard). */
  note?: string;
}

export interface SetupDatadogMonitoringResult {
  items: SetupItem[];
  /** The dashboard's id (keep it in config to find the dashboard without reading monitors). */
  dashboardId?: string;
  /** Requests that changed something in Datadog. */
  writes: number;
}

export const MANAGED_BY_TAG = 'managed-by:flowkit';
const DASHBOARD_TAG = 'flowkit-dashboard:';
const KIND_TAG = 'flowkit-monitor:';

const TAG_VALUE = /^[A-Za-z0-9_\-./]+$/;

function checkOptions(options: SetupDatadogMonitoringOptions): void {
  for (const [input, value] of [
    ['service', options.service],
    ['env', options.env],
  ] as const) {
    if (!value || !TAG_VALUE.test(value)) {
      throw new InputError(input, `is '${value}'`, 'Use a Datadog tag value: letters, digits, _ - . /');
    }
  }
  const t = options.thresholds;
  if (!(t.errorRate > 0 && t.errorRate <= 1)) {
    throw new InputError(
      'thresholds.errorRate',
      `is ${t.errorRate}`,
      'Use a fraction above 0 and at most 1, e.g. 0.05.',
    );
  }
  if (!(t.p95LatencySeconds > 0)) {
    throw new InputError(
      'thresholds.p95LatencySeconds',
      `is ${t.p95LatencySeconds}`,
      'Use seconds above 0, e.g. 0.5.',
    );
  }
  if (t.errorRateWarning !== undefined && !(t.errorRateWarning > 0 && t.errorRateWarning < t.errorRate)) {
    throw new InputError(
      'thresholds.errorRateWarning',
      `is ${t.errorRateWarning}`,
      'Use a value above 0 and below errorRate.',
    );
  }
  if (
    t.p95LatencyWarningSeconds !== undefined &&
    !(t.p95LatencyWarningSeconds > 0 && t.p95LatencyWarningSeconds < t.p95LatencySeconds)
  ) {
    throw new InputError(
      'thresholds.p95LatencyWarningSeconds',
      `is ${t.p95LatencyWarningSeconds}`,
      'Use a value above 0 and below p95LatencySeconds.',
    );
  }
  const minutes = t.windowMinutes ?? 10;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
    throw new InputError('thresholds.windowMinutes', `is ${minutes}`, 'Use whole minutes from 1 to 1440.');
  }
  for (const handle of options.notify ?? []) {
    if (!/^@?[A-Za-z0-9_.+@-]+$/.test(handle)) {
      throw new InputError(
        'notify',
        `has '${handle}', not a Datadog handle`,
        "Use '@slack-channel', '@pagerduty-service' or an e-mail address.",
      );
    }
  }
  if (
    options.dashboardId !== undefined &&
    !/^[a-z0-9]{3}-[a-z0-9]{3}-[a-z0-9]{3}$/.test(options.dashboardId)
  ) {
    throw new InputError(
      'dashboard-id',
      `is '${options.dashboardId}'`,
      "Use the id from the dashboard's URL, e.g. 'abc-def-ghi'.",
    );
  }
}

function num(value: number): string {
  return Number(value.toFixed(6)).toString();
}

function handles(notify: readonly string[] | undefined): string {
  return (notify ?? []).map((h) => (h.startsWith('@') ? h : `@${h}`)).join(' ');
}

/** True when every field of `wanted` is in `actual` with the same value (arrays: same length, item by item). */
export function includes(wanted: unknown, actual: unknown): boolean {
  if (Array.isArray(wanted)) {
    return (
      Array.isArray(actual) &&
      wanted.length === actual.length &&
      wanted.every((item, i) => includes(item, actual[i]))
    );
  }
  if (typeof wanted === 'object' && wanted !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return false;
    return Object.entries(wanted).every(([key, value]) => includes(value, (actual as Json)[key]));
  }
  return wanted === actual;
}

interface DesiredMonitor {
  key: 'error-rate' | 'latency-p95';
  body: Json;
}

function desiredMonitors(
  options: SetupDatadogMonitoringOptions,
  dashboardLink: string | undefined,
): DesiredMonitor[] {
  const { service, env, thresholds } = options;
  const scope = `service:${service},env:${env}`;
  const window = `last_${thresholds.windowMinutes ?? 10}m`;
  const tags = (key: string) =>
    [
      MANAGED_BY_TAG,
      `service:${service}`,
      `env:${env}`,
      `${KIND_TAG}${key}`,
      ...(dashboardLink ? [`${DASHBOARD_TAG}${dashboardLink}`] : []),
    ].sort();
  const footer = [
    options.dashboardId || dashboardLink ? `Dashboard: {{dashboard}}` : '',
    handles(options.notify),
    'Managed by Flowkit: changes made here are overwritten by the next set-up.',
  ].filter(Boolean);
  const thresholdsOf = (critical: number, warning: number | undefined) => ({
    critical,
    ...(warning === undefined ? {} : { warning }),
  });
  const common = { notify_no_data: false, require_full_window: false, include_tags: true };
  return [
    {
      key: 'error-rate',
      body: {
        name: `[Flowkit] ${service} (${env}): error rate above ${num(thresholds.errorRate * 100)}%`,
        type: 'query alert',
        query: `sum(${window}):sum:trace.http.request.errors{${scope}} by {version}.as_count() / sum:trace.http.request.hits{${scope}} by {version}.as_count() > ${num(thresholds.errorRate)}`,
        message: [
          `{{#is_alert}}${service} in ${env}, version {{version.name}}: error rate {{value}} is above {{threshold}}.{{/is_alert}}`,
          `{{#is_warning}}${service} in ${env}, version {{version.name}}: error rate {{value}} is above {{warn_threshold}}.{{/is_warning}}`,
          ...footer,
        ].join('\n'),
        tags: tags('error-rate'),
        options: { ...common, thresholds: thresholdsOf(thresholds.errorRate, thresholds.errorRateWarning) },
        priority: 2,
      },
    },
    {
      key: 'latency-p95',
      body: {
        name: `[Flowkit] ${service} (${env}): p95 latency above ${num(thresholds.p95LatencySeconds)} s`,
        type: 'query alert',
        query: `avg(${window}):p95:trace.http.request{${scope}} by {version} > ${num(thresholds.p95LatencySeconds)}`,
        message: [
          `{{#is_alert}}${service} in ${env}, version {{version.name}}: p95 latency {{value}} s is above {{threshold}} s.{{/is_alert}}`,
          `{{#is_warning}}${service} in ${env}, version {{version.name}}: p95 latency {{value}} s is above {{warn_threshold}} s.{{/is_warning}}`,
          ...footer,
        ].join('\n'),
        tags: tags('latency-p95'),
        options: {
          ...common,
          thresholds: thresholdsOf(thresholds.p95LatencySeconds, thresholds.p95LatencyWarningSeconds),
        },
        priority: 3,
      },
    },
  ];
}

function desiredDashboard(options: SetupDatadogMonitoringOptions): Json {
  const { service, env } = options;
  const scope = `service:${service},env:${env}`;
  const overlay = {
    display_type: 'overlay',
    response_format: 'timeseries',
    queries: [
      {
        data_source: 'events',
        name: 'deployments',
        search: { query: `tags:${MANAGED_BY_TAG} service:${service}` },
        compute: { aggregation: 'count' },
      },
    ],
  };
  const timeseries = (title: string, queries: Json[], formula: string) => ({
    definition: {
      type: 'timeseries',
      title,
      show_legend: true,
      requests: [
        {
          display_type: 'line',
          response_format: 'timeseries',
          queries: queries.map((q) => ({ data_source: 'metrics', ...q })),
          formulas: [{ formula }],
        },
        overlay,
      ],
    },
  });
  return {
    title: `Flowkit: ${service} (${env})`,
    description: `Request rate, error rate and p95 latency of ${service} in ${env} by version, with Flowkit's deployment events. Managed by Flowkit: changes made here are overwritten by the next set-up.`,
    layout_type: 'ordered',
    widgets: [
      timeseries(
        'Requests per second by version',
        [{ name: 'hits', query: `sum:trace.http.request.hits{${scope}} by {version}.as_rate()` }],
        'hits',
      ),
      timeseries(
        'Error rate by version',
        [
          { name: 'errors', query: `sum:trace.http.request.errors{${scope}} by {version}.as_count()` },
          { name: 'hits', query: `sum:trace.http.request.hits{${scope}} by {version}.as_count()` },
        ],
        'errors / hits',
      ),
      timeseries(
        'p95 latency (s) by version',
        [{ name: 'p95', query: `p95:trace.http.request{${scope}} by {version}` }],
        'p95',
      ),
    ],
  };
}

/**
 * Creates or updates Flowkit's monitors (error rate, p95 latency) and the service dashboard. A second run with the
 * same options writes nothing and reports every item `unchanged`; a changed threshold is one PUT; a dashboard that
 * no longer exists (404) is created again and reported `recreated`.
 */
export async function setupDatadogMonitoring(
  options: SetupDatadogMonitoringOptions,
): Promise<SetupDatadogMonitoringResult> {
  checkOptions(options);
  const connection = new DatadogConnection(options);
  const monitorsApi = new MonitorsApi(connection.configuration);
  const dashboardsApi = new DashboardsApi(connection.configuration);
  const items: SetupItem[] = [];
  let writes = 0;

  const existing = await connection.call('monitor list', () =>
    monitorsApi.listMonitors({
      monitorTags: [MANAGED_BY_TAG, `service:${options.service}`, `env:${options.env}`].join(','),
      pageSize: 1000,
    }),
  );
  const existingJson = existing.map((m) => ObjectSerializer.serialize(m, 'Monitor', '') as Json);
  const storedDashboardId = existingJson
    .flatMap((m) => (m.tags as string[] | undefined) ?? [])
    .find((tag) => tag.startsWith(DASHBOARD_TAG))
    ?.slice(DASHBOARD_TAG.length);

  let dashboardId = options.dashboardId ?? storedDashboardId;
  if (options.dashboard !== false) {
    const wanted = desiredDashboard(options);
    const model = () => ObjectSerializer.deserialize(structuredClone(wanted), 'Dashboard', '') as Dashboard;
    let current: Dashboard | undefined;
    let note: string | undefined;
    if (dashboardId) {
      const id = dashboardId;
      try {
        current = await connection.call('dashboard read', () =>
          dashboardsApi.getDashboard({ dashboardId: id }),
        );
      } catch (error) {
        if (!(error instanceof DatadogApiError && error.status === 404)) throw error;
        note = `dashboard ${id} no longer exists (404), so it was created again`;
        connection.log.warning(`Datadog: ${note}`);
      }
    }
    let action: SetupAction;
    if (!current) {
      current = await connection.call(
        'dashboard create',
        () => dashboardsApi.createDashboard({ body: model() }),
        false,
      );
      writes += 1;
      action = note ? 'recreated' : 'created';
    } else if (includes(wanted, ObjectSerializer.serialize(current, 'Dashboard', ''))) {
      action = 'unchanged';
    } else {
      const id = current.id ?? '';
      current = await connection.call('dashboard update', () =>
        dashboardsApi.updateDashboard({ dashboardId: id, body: model() }),
      );
      writes += 1;
      action = 'updated';
    }
    dashboardId = current.id ?? '';
    items.push({
      kind: 'dashboard',
      key: 'service-dashboard',
      name: current.title,
      id: dashboardId,
      url: `${connection.appUrl}/dashboard/${dashboardId}`,
      action,
      ...(note ? { note } : {}),
    });
  }

  const dashboardUrl = dashboardId ? `${connection.appUrl}/dashboard/${dashboardId}` : undefined;
  for (const desired of desiredMonitors(options, dashboardId)) {
    if (typeof desired.body.message === 'string' && dashboardUrl) {
      desired.body.message = desired.body.message.replace('{{dashboard}}', dashboardUrl);
    }
    const matches = existingJson.filter((m) =>
      ((m.tags as string[] | undefined) ?? []).includes(`${KIND_TAG}${desired.key}`),
    );
    if (matches.length > 1) {
      connection.log.warning(
        `Datadog: ${matches.length} monitors are tagged ${KIND_TAG}${desired.key}; updating ${String(matches[0]?.id)} only`,
      );
    }
    const found = matches[0];
    const sameTags = (actual: unknown) =>
      Array.isArray(actual) && JSON.stringify([...actual].sort()) === JSON.stringify(desired.body.tags);
    let action: SetupAction;
    let id = found?.id as number | undefined;
    const { tags: _tags, ...untagged } = desired.body;
    if (found && includes(untagged, found) && sameTags(found.tags)) {
      action = 'unchanged';
    } else {
      // Validated first, so a bad threshold is reported before anything is written.
      await connection.call('monitor validate', () =>
        monitorsApi.validateMonitor({
          body: ObjectSerializer.deserialize(structuredClone(desired.body), 'Monitor', '') as Monitor,
        }),
      );
      if (found) {
        const monitorId = found.id as number;
        await connection.call('monitor update', () =>
          monitorsApi.updateMonitor({
            monitorId,
            body: ObjectSerializer.deserialize(structuredClone(desired.body), 'MonitorUpdateRequest', ''),
          }),
        );
        action = 'updated';
      } else {
        const created = await connection.call(
          'monitor create',
          () =>
            monitorsApi.createMonitor({
              body: ObjectSerializer.deserialize(structuredClone(desired.body), 'Monitor', '') as Monitor,
            }),
          false,
        );
        id = created.id;
        action = 'created';
      }
      writes += 1;
    }
    items.push({
      kind: 'monitor',
      key: desired.key,
      name: String(desired.body.name),
      id: String(id),
      url: `${connection.appUrl}/monitors/${id}`,
      action,
    });
  }
  for (const item of items)
    connection.log.info(`Datadog ${item.kind} ${item.action}: ${item.name} ${item.url}`);
  return { items, writes, ...(dashboardId ? { dashboardId } : {}) };
}
