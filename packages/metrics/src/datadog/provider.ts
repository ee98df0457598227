// The Datadog metrics provider: APM trace metrics per version, counted from GET /api/v1/query, and monitors in Alert.
import { MetricsApi } from '@datadog/datadog-api-client/dist/packages/datadog-api-client-v1/apis/MetricsApi.js';
import { MonitorsApi } from '@datadog/datadog-api-client/dist/packages/datadog-api-client-v1/apis/MonitorsApi.js';
import { InputError } from '@flowkit/core';
import {
  type ArmCounts,
  type CountsRequest,
  type FiringAlert,
  type MetricsProvider,
  type MetricsTarget,
  MetricsUnavailableError,
  type WindowCounts,
} from '../provider.ts';
import { DatadogApiError, DatadogConnection, type DatadogConnectionOptions } from './client.ts';

/**
 * Query templates; `{service}`, `{version}` and `{threshold}` (seconds) are replaced. Counts must be `.as_count()`
 * queries whose points are counts per rollup interval.
 */
export interface DatadogQueries {
  requests: string;
  errors: string;
  slow: string;
  /** `{quantile}` is replaced by the percentile aggregator ('p95'). */
  latency: string;
}

/**
 * APM trace metrics (docs.datadoghq.com/tracing/metrics/metrics_namespace): hits and errors are counts; the
 * `trace.http.request` distribution holds each request's duration in seconds, so the slow count is a distribution
 * threshold query, `count(v: v>T)`, which counts the values above T exactly (it needs percentiles / advanced query
 * functionality enabled on that distribution in Metrics Summary).
 */
export const DEFAULT_DATADOG_QUERIES: Readonly<DatadogQueries> = {
  requests: 'sum:trace.http.request.hits{service:{service},version:{version}}.as_count()',
  errors: 'sum:trace.http.request.errors{service:{service},version:{version}}.as_count()',
  slow: 'count(v: v>{threshold}):trace.http.request{service:{service},version:{version}}.as_count()',
  latency: '{quantile}:trace.http.request{service:{service},version:{version}}',
};

export interface DatadogProviderOptions extends DatadogConnectionOptions {
  target: MetricsTarget;
  /** Replaces any of the default query templates. */
  queries?: Partial<DatadogQueries>;
  /** Extra scope for the monitor search (e.g. 'env:production'), added as a tag term. */
  monitorTags?: string[];
}

const PLACEHOLDERS = ['service', 'version', 'threshold', 'quantile'];

function fill(template: string, values: Record<string, string>): string {
  return template.replace(
    /\{(service|version|threshold|quantile)\}/g,
    (_whole, name: string) => values[name] ?? '',
  );
}

function checkTemplates(queries: DatadogQueries): void {
  for (const [name, template] of Object.entries(queries)) {
    for (const placeholder of template.matchAll(/\{([a-z_]+)\}/g)) {
      const word = placeholder[1] ?? '';
      // {*} and tag scopes are braces too: only bare lower-case words that look like placeholders are checked.
      if (!PLACEHOLDERS.includes(word) && !template.includes(`${word}:`) && /^[a-z]+$/.test(word)) {
        throw new InputError(
          `queries.${name}`,
          `uses the unknown placeholder {${word}}`,
          `Use ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`,
        );
      }
    }
    if ((name === 'requests' || name === 'errors' || name === 'slow') && !template.includes('{version}')) {
      throw new InputError(
        `queries.${name}`,
        'has no {version} placeholder',
        'Both arms are told apart by version.',
      );
    }
  }
}

/** The threshold written as Datadog's query parser reads it: plain decimal, no exponent. */
function thresholdText(seconds: number): string {
  return Number(seconds.toFixed(6)).toString();
}

/** Datadog's percentile aggregator for a quantile: p50…p99.99 (two decimals at most), rounded up. */
export function percentileAggregator(quantile: number): string {
  if (!(quantile > 0 && quantile <= 1)) {
    throw new InputError('quantile', `is ${quantile}`, 'Use a number above 0 and at most 1, e.g. 0.95.');
  }
  const percent = Math.ceil(Math.round(quantile * 1e6) / 100) / 100;
  return `p${Number(percent.toFixed(2))}`;
}

type Series = { pointlist?: (number | null)[][] };

/** Sum of the points stamped in (from, to]: each point is the count of its rollup interval, stamped at its start. */
function sumPoints(series: Series[] | undefined, from: number, to: number): number {
  let total = 0;
  for (const one of series ?? []) {
    for (const [time, value] of one.pointlist ?? []) {
      if (
        time !== undefined &&
        time !== null &&
        value !== undefined &&
        value !== null &&
        time > from &&
        time <= to
      ) {
        total += value;
      }
    }
  }
  return total;
}

/** Creates the Datadog provider. Throws InputError for bad options before any request. */
export function createDatadogProvider(options: DatadogProviderOptions): MetricsProvider {
  const connection = new DatadogConnection(options);
  const queries: DatadogQueries = { ...DEFAULT_DATADOG_QUERIES, ...options.queries };
  checkTemplates(queries);
  const { service, stableVersion, canaryVersion } = options.target;
  for (const [input, value] of [
    ['service', service],
    ['stable-version', stableVersion],
    ['canary-version', canaryVersion],
  ] as const) {
    if (!value || /[\s,{}]/.test(value)) {
      throw new InputError(input, `is '${value}'`, 'Use a Datadog tag value: no spaces, commas or braces.');
    }
  }
  const metrics = new MetricsApi(connection.configuration);
  const monitors = new MonitorsApi(connection.configuration);

  async function read<T>(what: string, attempt: () => Promise<T>): Promise<T> {
    try {
      return await connection.call(what, attempt);
    } catch (error) {
      if (error instanceof DatadogApiError && error.name === 'DatadogAuthError') throw error;
      throw new MetricsUnavailableError(error instanceof Error ? error.message : String(error), {
        cause: error,
      });
    }
  }

  async function query(text: string, from: number, to: number): Promise<Series[]> {
    // The API takes whole seconds; widen to cover (from, to] and filter points by milliseconds.
    const fromSeconds = Math.floor(from / 1000);
    const toSeconds = Math.ceil(to / 1000);
    const answer = await read(`metrics query '${text}'`, () =>
      metrics.queryMetrics({ from: fromSeconds, to: toSeconds, query: text }),
    );
    if (answer.status !== undefined && answer.status !== 'ok') {
      throw new MetricsUnavailableError(
        `Datadog metrics query '${text}': status ${answer.status}: ${answer.error ?? ''}`,
      );
    }
    return (answer.series ?? []) as Series[];
  }

  async function arm(version: string, request: CountsRequest): Promise<ArmCounts> {
    const values = { service, version, threshold: thresholdText(request.slowAboveSeconds) };
    const [requests, errors, slow] = await Promise.all(
      [queries.requests, queries.errors, queries.slow].map(async (template) =>
        sumPoints(await query(fill(template, values), request.from, request.to), request.from, request.to),
      ),
    );
    return { requests: requests ?? 0, errors: errors ?? 0, slow: slow ?? 0 };
  }

  return {
    name: 'datadog',

    async counts(request: CountsRequest): Promise<WindowCounts> {
      if (!(request.to > request.from)) {
        throw new InputError(
          'window',
          `is (${request.from}, ${request.to}]`,
          'The window must end after it starts.',
        );
      }
      if (!(request.slowAboveSeconds > 0)) {
        throw new InputError(
          'slowAboveSeconds',
          `is ${request.slowAboveSeconds}`,
          'Use a latency above 0 seconds.',
        );
      }
      const [canary, baseline] = await Promise.all([
        arm(canaryVersion, request),
        arm(stableVersion, request),
      ]);
      return { canary, baseline, slowAboveSeconds: request.slowAboveSeconds };
    },

    async latencyQuantile(version: string, quantile: number, from: number, to: number) {
      const aggregator = percentileAggregator(quantile);
      const windowSeconds = Math.max(1, Math.ceil((to - from) / 1000));
      const values = { service, version, quantile: aggregator, threshold: '' };
      // One rollup over the whole window, so the percentile is over every request in it, not an average of
      // per-interval percentiles.
      const text = `${fill(queries.latency, values)}.rollup(max, ${windowSeconds})`;
      const requests = sumPoints(await query(fill(queries.requests, values), from, to), from, to);
      if (requests === 0) return undefined;
      const points = (await query(text, from, to)).flatMap((series) => series.pointlist ?? []);
      // The rollup buckets are aligned to the epoch, so the window may touch two: the larger percentile is kept.
      const inWindow = points.filter(([, value]) => typeof value === 'number');
      if (inWindow.length === 0) return undefined;
      return Math.max(...inWindow.map(([, value]) => value as number));
    },

    async firingAlerts(): Promise<FiringAlert[]> {
      const terms = [
        'status:alert',
        `tag:"service:${service}"`,
        ...(options.monitorTags ?? []).map((t) => `tag:"${t}"`),
      ];
      const alerts: FiringAlert[] = [];
      for (let page = 0; page < 20; page++) {
        const answer = await read('monitor search', () =>
          monitors.searchMonitors({ query: terms.join(' '), page, perPage: 100 }),
        );
        for (const monitor of answer.monitors ?? []) {
          if (monitor.status !== 'Alert') continue;
          const version = (monitor.tags ?? [])
            .find((tag) => tag.startsWith('version:'))
            ?.slice('version:'.length);
          alerts.push({
            name: monitor.name ?? `monitor ${monitor.id}`,
            ...(version ? { version } : {}),
            ...(monitor.id === undefined ? {} : { url: `${connection.appUrl}/monitors/${monitor.id}` }),
          });
        }
        const pageCount = answer.metadata?.pageCount ?? 1;
        if (page + 1 >= pageCount) break;
      }
      return alerts;
    },
  };
}
