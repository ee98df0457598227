// The canary guard's numbers from Prometheus: raw counter deltas from instant queries at both ends of the window,
// never increase()/rate() (they extrapolate and answer fractions). Resets are handled per series, in code.
import {
  type Clock,
  errorMessage,
  httpAttempt,
  InputError,
  type Logger,
  parseRetryAfter,
  RetryExhaustedError,
  type RetryPolicy,
  silentLogger,
  systemClock,
  TransientError,
  withRetry,
} from '@flowkit/core';
import {
  type ArmCounts,
  type CountsRequest,
  type FiringAlert,
  type MetricsProvider,
  type MetricsTarget,
  MetricsUnavailableError,
  type WindowCounts,
} from '../provider.ts';

/** How to reach Prometheus and which series belong to the service. */
export interface PrometheusProviderOptions {
  /** Prometheus base URL (or a compatible API: Thanos, Mimir's `/prometheus` prefix), e.g. `http://prom:9090`. */
  url: string;
  target: MetricsTarget;
  /** Sent as `Authorization: Bearer …`; never logged. */
  bearerToken?: string;
  /** Sent as `Authorization: Basic …`; never logged. */
  basicAuth?: { username: string; password: string };
  /** Extra request headers (e.g. `X-Scope-OrgID`); values never logged. */
  headers?: Record<string, string>;
  /** Request counter. Default `http_requests_total`. */
  requestsMetric?: string;
  /** Latency histogram (the base name, without `_bucket`). Default `http_request_duration_seconds`. */
  durationMetric?: string;
  /** Label holding the version. Default `version`. */
  versionLabel?: string;
  /** Label whose value is the service name. Default `job`; `''` to select by `extraMatchers` alone. */
  serviceLabel?: string;
  /** More label matchers, PromQL text without braces, e.g. `namespace="prod",cluster=~"eu-.*"`. Default none. */
  extraMatchers?: string;
  /** Label holding the HTTP status. Default `status`. */
  statusLabel?: string;
  /** RE2 regex (fully anchored, as PromQL applies it) of error statuses. Default `5..`. */
  errorStatusRegex?: string;
  /** Label holding the route. Default `route`. */
  routeLabel?: string;
  /** RE2 regex of routes to count; default all. */
  includeRoutes?: string;
  /** RE2 regex of routes never counted. Default `/healthz|/metrics`; `''` to count every route. */
  excludeRoutes?: string;
  /** Labels of a Prometheus alert naming the service; an alert matches when any of them equals it. Default `['service', 'job']`. */
  alertServiceLabels?: string[];
  /** Per request. Default 10 000 ms. */
  timeoutMs?: number;
  /** Default 3 retries within 30 s. */
  retry?: RetryPolicy;
  clock?: Clock;
  log?: Logger;
  /** Jitter source for retries (tests). */
  random?: () => number;
}

/** One series of an instant-query vector: its labels and value. */
export interface PromSample {
  labels: Record<string, string>;
  value: number;
}

const DEFAULT_RETRY: RetryPolicy = { retries: 3, budgetMs: 30_000 };
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** A PromQL string literal holding `value`. */
export function promString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** An RE2 regex matching exactly `value` (metacharacters escaped). */
export function regexLiteral(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Counter increase of each series from `before` to `after`, handled like Prometheus handles a reset: a value that
 * went down means the counter restarted, so the new value is all that was added; a series absent before started
 * from 0. A series absent after (its target gone) adds nothing.
 */
export function prometheusSeriesDeltas(before: PromSample[], after: PromSample[]): PromSample[] {
  const previous = new Map(before.map((sample) => [seriesKey(sample.labels), sample.value]));
  return after.map((sample) => {
    const old = previous.get(seriesKey(sample.labels));
    const value = old === undefined || sample.value < old ? sample.value : sample.value - old;
    return { labels: sample.labels, value };
  });
}

/**
 * The `quantile` of a histogram given as (upper bound, cumulative count) pairs, interpolated linearly within the
 * bucket as histogram_quantile does; undefined when it counted nothing. Needs the +Inf bucket.
 */
export function prometheusBucketQuantile(
  quantile: number,
  buckets: { le: number; count: number }[],
): number | undefined {
  const sorted = buckets.map((bucket) => ({ ...bucket })).sort((a, b) => a.le - b.le);
  const last = sorted.at(-1);
  if (last === undefined || last.le !== Number.POSITIVE_INFINITY) {
    throw new Error('the histogram has no +Inf bucket');
  }
  // Deltas of separately reset series can break monotonicity by a little; flatten as histogram_quantile does.
  let running = 0;
  for (const bucket of sorted) {
    running = Math.max(running, bucket.count);
    bucket.count = running;
  }
  const total = last.count;
  if (total === 0) return undefined;
  const rank = quantile * total;
  const index = sorted.findIndex((bucket) => bucket.count >= rank);
  const bucket = sorted[index] as { le: number; count: number };
  if (bucket.le === Number.POSITIVE_INFINITY) {
    // Above the largest finite bound: that bound is all the histogram can say (as histogram_quantile answers).
    return sorted.length > 1 ? (sorted[sorted.length - 2] as { le: number }).le : undefined;
  }
  const lower = index === 0 ? Math.min(bucket.le, 0) : (sorted[index - 1] as { le: number }).le;
  const below = index === 0 ? 0 : (sorted[index - 1] as { count: number }).count;
  if (bucket.count === below) return bucket.le;
  return lower + ((bucket.le - lower) * (rank - below)) / (bucket.count - below);
}

/** A MetricsProvider reading Prometheus's HTTP API. Options are checked here; nothing is requested yet. */
export function createPrometheusProvider(options: PrometheusProviderOptions): MetricsProvider {
  const settings = checkOptions(options);
  const { target } = options;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? silentLogger;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retry = options.retry ?? DEFAULT_RETRY;
  const headers = authHeaders(options);
  const base = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
  const shownBase = redact(base);

  const selector = (extra: string[]): string => {
    const matchers = [...settings.matchers, ...extra];
    return `{${matchers.join(',')}}`;
  };
  const versionsMatcher = (versions: string[]): string =>
    `${settings.versionLabel}=~${promString(versions.map(regexLiteral).join('|'))}`;

  async function apiGet(path: string, params: Record<string, string>, what: string): Promise<unknown> {
    const url = new URL(path, base);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    try {
      return await withRetry(() => attempt(url, what), retry, {
        clock,
        log,
        ...(options.random === undefined ? {} : { random: options.random }),
      });
    } catch (error) {
      if (error instanceof MetricsUnavailableError) throw error;
      if (error instanceof RetryExhaustedError) {
        throw new MetricsUnavailableError(`Prometheus at ${shownBase} could not be read: ${error.message}`, {
          cause: error,
        });
      }
      throw new MetricsUnavailableError(
        `Prometheus at ${shownBase} could not be read (${what}): ${errorMessage(error)}`,
        {
          cause: error,
        },
      );
    }
  }

  async function attempt(url: URL, what: string): Promise<unknown> {
    const response = await httpAttempt({ method: 'GET', url, headers, timeoutMs }, what);
    const body = parseJson(response.body);
    const apiError =
      body !== undefined && isRecord(body) && body.status === 'error'
        ? `${String(body.errorType ?? 'error')}: ${String(body.error ?? '(no message)')}`
        : undefined;
    const detail = apiError ?? (body === undefined ? `body ${snippet(response.body)}` : 'no error message');
    if (response.status === 429 || response.status >= 500) {
      const retryAfterMs = parseRetryAfter(response.headers['retry-after'], clock.now());
      throw new TransientError(`${what}: HTTP ${response.status} (${detail})`, {
        retryAfterMs,
        hadNoEffect: response.status === 429,
      });
    }
    if (response.status === 401 || response.status === 403) {
      throw new MetricsUnavailableError(
        `Prometheus at ${shownBase} refused ${what} with HTTP ${response.status}: check the bearer token, basic auth or headers given to the provider`,
      );
    }
    if (response.status === 400 || response.status === 422) {
      throw new MetricsUnavailableError(
        `Prometheus at ${shownBase} rejected ${what} with HTTP ${response.status} (${detail}); check the metric, label and regex options of the Prometheus provider`,
      );
    }
    if (response.status < 200 || response.status >= 300) {
      throw new MetricsUnavailableError(
        `Prometheus at ${shownBase} answered ${what} with HTTP ${response.status} (${detail}); is the URL Prometheus's base URL?`,
      );
    }
    if (body === undefined) {
      throw new MetricsUnavailableError(
        `Prometheus at ${shownBase} answered ${what} with HTTP ${response.status} but not JSON (${snippet(response.body)}); is the URL Prometheus's base URL, not a login page or proxy?`,
      );
    }
    if (!isRecord(body) || body.status !== 'success') {
      throw new MetricsUnavailableError(
        `Prometheus at ${shownBase} answered ${what} without success (${apiError ?? snippet(response.body)})`,
      );
    }
    if (Array.isArray(body.warnings) && body.warnings.length > 0) {
      log.warning(`Prometheus warned about ${what}: ${body.warnings.map(String).join('; ')}`);
    }
    return body.data;
  }

  async function instant(query: string, at: number): Promise<PromSample[]> {
    const what = `query ${query} at ${new Date(at).toISOString()}`;
    const data = await apiGet('api/v1/query', { query, time: (at / 1000).toFixed(3) }, what);
    if (!isRecord(data) || data.resultType !== 'vector' || !Array.isArray(data.result)) {
      throw new MetricsUnavailableError(
        `Prometheus at ${shownBase} answered ${what} with no instant vector (resultType ${isRecord(data) ? String(data.resultType) : 'missing'})`,
      );
    }
    return data.result.map((item: unknown) => {
      const labels = isRecord(item) && isRecord(item.metric) ? item.metric : undefined;
      const pair = isRecord(item) && Array.isArray(item.value) ? item.value : undefined;
      const value = typeof pair?.[1] === 'string' ? Number(pair[1]) : Number.NaN;
      if (labels === undefined || Number.isNaN(value)) {
        throw new MetricsUnavailableError(
          `Prometheus at ${shownBase} answered ${what} with a malformed sample ${snippet(JSON.stringify(item))}`,
        );
      }
      return { labels: Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, String(v)])), value };
    });
  }

  /** Per-series increases over (from, to] of `query` (a selector, not aggregated). */
  async function deltas(
    query: string,
    from: number,
    to: number,
  ): Promise<{ after: PromSample[]; deltas: PromSample[] }> {
    const [before, after] = await settleAll([instant(query, from), instant(query, to)]);
    return { after, deltas: prometheusSeriesDeltas(before, after) };
  }

  const sumFor = (samples: PromSample[], version: string): number =>
    samples.filter((s) => s.labels[settings.versionLabel] === version).reduce((sum, s) => sum + s.value, 0);

  function bucketsOf(samples: PromSample[], version: string): Map<number, number> {
    const byBound = new Map<number, number>();
    for (const sample of samples) {
      if (sample.labels[settings.versionLabel] !== version) continue;
      const le = parseBound(sample.labels.le);
      if (le === undefined) continue;
      byBound.set(le, (byBound.get(le) ?? 0) + sample.value);
    }
    return byBound;
  }

  function checkWindow(from: number, to: number): void {
    if (!Number.isFinite(from) || !Number.isFinite(to) || from >= to) {
      throw new InputError(
        'window',
        `must have from < to (got from ${from}, to ${to})`,
        'Pass epoch milliseconds.',
      );
    }
  }

  return {
    name: 'prometheus',

    async counts(request: CountsRequest): Promise<WindowCounts> {
      const { from, to, slowAboveSeconds } = request;
      checkWindow(from, to);
      if (!(slowAboveSeconds > 0) || !Number.isFinite(slowAboveSeconds)) {
        throw new InputError(
          'slowAboveSeconds',
          `must be a positive number of seconds (got ${slowAboveSeconds})`,
          'Pass e.g. 0.5.',
        );
      }
      const versions = [target.stableVersion, target.canaryVersion];
      const arms = versionsMatcher(versions);
      const requestsQuery = `${settings.requestsMetric}${selector([arms])}`;
      const errorsQuery = `${settings.requestsMetric}${selector([arms, settings.errorMatcher])}`;
      const bucketsQuery = `${settings.durationMetric}_bucket${selector([arms])}`;
      const [requestSeries, errorSeries, bucketSeries] = await settleAll([
        deltas(requestsQuery, from, to),
        deltas(errorsQuery, from, to),
        deltas(bucketsQuery, from, to),
      ]);
      const requests = requestSeries.deltas;
      const errors = errorSeries.deltas;
      const buckets = bucketSeries.deltas;
      if (
        !requestSeries.after.some((sample) => sample.labels[settings.versionLabel] === target.stableVersion)
      ) {
        // A stable version that served traffic has its counters exported on every scrape; none at all is a wrong
        // selector or a target that is not scraped, not "zero requests".
        throw new MetricsUnavailableError(
          `Prometheus at ${shownBase} has no ${requestsQuery} series for the stable version '${target.stableVersion}' at ${new Date(to).toISOString()}: check the service selector (${settings.matchers.join(',') || 'none'}) and the version label '${settings.versionLabel}', and that the service is scraped`,
        );
      }

      const bucketSets = versions.map((version) => bucketsOf(buckets, version));
      const bounds = [...new Set(bucketSets.flatMap((set) => [...set.keys()]))]
        .filter(Number.isFinite)
        .sort((a, b) => a - b);
      let bound = slowAboveSeconds;
      if (bounds.length > 0) {
        const chosen = bounds.find((le) => le >= slowAboveSeconds - 1e-12);
        if (chosen === undefined) {
          throw new MetricsUnavailableError(
            `${settings.durationMetric} has no bucket bound at or above ${slowAboveSeconds} s (largest ${bounds.at(-1)} s), so slow requests cannot be counted; lower the threshold or add buckets`,
          );
        }
        bound = chosen;
      }
      const arm = (version: string, set: Map<number, number>): ArmCounts => {
        const total = set.get(Number.POSITIVE_INFINITY) ?? 0;
        const fast = set.get(bound);
        if (total > 0 && fast === undefined) {
          throw new MetricsUnavailableError(
            `${settings.durationMetric} of version '${version}' has no bucket le="${bound}" (its bounds differ from the other version's), so slow requests cannot be compared`,
          );
        }
        return {
          requests: sumFor(requests, version),
          errors: sumFor(errors, version),
          slow: Math.max(0, total - (fast ?? 0)),
        };
      };
      const result: WindowCounts = {
        baseline: arm(target.stableVersion, bucketSets[0] as Map<number, number>),
        canary: arm(target.canaryVersion, bucketSets[1] as Map<number, number>),
        slowAboveSeconds: bound,
      };
      log.debug(
        `prometheus counts ${new Date(from).toISOString()}..${new Date(to).toISOString()}: ${JSON.stringify(result)}`,
      );
      return result;
    },

    async latencyQuantile(version, quantile, from, to) {
      checkWindow(from, to);
      if (!(quantile >= 0 && quantile <= 1)) {
        throw new InputError('quantile', `must be from 0 to 1 (got ${quantile})`, 'Pass e.g. 0.95 for p95.');
      }
      const query = `${settings.durationMetric}_bucket${selector([`${settings.versionLabel}=${promString(version)}`])}`;
      const set = bucketsOf((await deltas(query, from, to)).deltas, version);
      if (set.size === 0) return undefined;
      try {
        return prometheusBucketQuantile(
          quantile,
          [...set].map(([le, count]) => ({ le, count })),
        );
      } catch (error) {
        throw new MetricsUnavailableError(`${query}: ${errorMessage(error)}`);
      }
    },

    async firingAlerts() {
      const data = await apiGet('api/v1/alerts', {}, 'the alerts list');
      if (!isRecord(data) || !Array.isArray(data.alerts)) {
        throw new MetricsUnavailableError(
          `Prometheus at ${shownBase} answered the alerts list without an alerts array`,
        );
      }
      const found = new Map<string, FiringAlert>();
      for (const alert of data.alerts as unknown[]) {
        if (!isRecord(alert) || alert.state !== 'firing' || !isRecord(alert.labels)) continue;
        const labels = alert.labels as Record<string, unknown>;
        if (!settings.alertServiceLabels.some((label) => labels[label] === target.service)) continue;
        const name = typeof labels.alertname === 'string' ? labels.alertname : 'unnamed alert';
        const version = labels[settings.versionLabel] ?? labels.version;
        const entry: FiringAlert = { name, url: `${shownBase}alerts` };
        if (typeof version === 'string' && version !== '') entry.version = version;
        found.set(`${name}\u0000${entry.version ?? ''}`, entry);
      }
      return [...found.values()];
    },
  };
}

interface Settings {
  requestsMetric: string;
  durationMetric: string;
  versionLabel: string;
  matchers: string[];
  errorMatcher: string;
  alertServiceLabels: string[];
}

function checkOptions(options: PrometheusProviderOptions): Settings {
  let url: URL | undefined;
  try {
    url = new URL(options.url);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new InputError(
      'url',
      'is not an http(s) URL',
      "Pass Prometheus's base URL, e.g. http://prometheus:9090.",
    );
  }
  const { target } = options;
  for (const [name, value] of Object.entries({
    service: target.service,
    stableVersion: target.stableVersion,
    canaryVersion: target.canaryVersion,
  })) {
    if (typeof value !== 'string' || value === '') {
      throw new InputError(`target.${name}`, 'is empty', 'Name the service and both versions.');
    }
  }
  if (target.stableVersion === target.canaryVersion) {
    throw new InputError(
      'target.canaryVersion',
      `equals the stable version '${target.stableVersion}'`,
      'Compare two different versions.',
    );
  }
  const metric = (input: string, value: string): string => {
    if (!METRIC_NAME.test(value))
      throw new InputError(input, `'${value}' is not a metric name`, 'Use [a-zA-Z_:][a-zA-Z0-9_:]*.');
    return value;
  };
  const label = (input: string, value: string): string => {
    if (!LABEL_NAME.test(value))
      throw new InputError(input, `'${value}' is not a label name`, 'Use [a-zA-Z_][a-zA-Z0-9_]*.');
    return value;
  };
  const regex = (input: string, value: string): string => {
    try {
      new RegExp(value);
    } catch (error) {
      throw new InputError(
        input,
        `is not a valid regex (${errorMessage(error)})`,
        'Use RE2 syntax, e.g. /healthz|/metrics.',
      );
    }
    return value;
  };
  if (options.timeoutMs !== undefined && !(options.timeoutMs > 0)) {
    throw new InputError(
      'timeoutMs',
      `must be positive (got ${options.timeoutMs})`,
      'Pass milliseconds, e.g. 10000.',
    );
  }
  const versionLabel = label('versionLabel', options.versionLabel ?? 'version');
  const serviceLabel = options.serviceLabel ?? 'job';
  const routeLabel = label('routeLabel', options.routeLabel ?? 'route');
  const statusLabel = label('statusLabel', options.statusLabel ?? 'status');
  const extra = (options.extraMatchers ?? '').trim();
  if (/[{}]/.test(extra)) {
    throw new InputError(
      'extraMatchers',
      'contains braces',
      'Give matchers only, e.g. namespace="prod",cluster=~"eu-.*".',
    );
  }
  const matchers: string[] = [];
  if (serviceLabel !== '')
    matchers.push(`${label('serviceLabel', serviceLabel)}=${promString(target.service)}`);
  else if (extra === '') {
    throw new InputError(
      'serviceLabel',
      'is empty and extraMatchers too',
      'Select the service by a label or matchers.',
    );
  }
  if (extra !== '') matchers.push(extra.replace(/,\s*$/, ''));
  if (options.includeRoutes !== undefined && options.includeRoutes !== '') {
    matchers.push(`${routeLabel}=~${promString(regex('includeRoutes', options.includeRoutes))}`);
  }
  const exclude = options.excludeRoutes ?? '/healthz|/metrics';
  if (exclude !== '') matchers.push(`${routeLabel}!~${promString(regex('excludeRoutes', exclude))}`);
  const errorRegex = regex('errorStatusRegex', options.errorStatusRegex ?? '5..');
  const alertServiceLabels = (options.alertServiceLabels ?? ['service', 'job']).map((value) =>
    label('alertServiceLabels', value),
  );
  if (alertServiceLabels.length === 0) {
    throw new InputError(
      'alertServiceLabels',
      'is empty',
      'Name the alert label that holds the service, e.g. service.',
    );
  }
  return {
    requestsMetric: metric('requestsMetric', options.requestsMetric ?? 'http_requests_total'),
    durationMetric: metric('durationMetric', options.durationMetric ?? 'http_request_duration_seconds'),
    versionLabel,
    matchers,
    errorMatcher: `${statusLabel}=~${promString(errorRegex)}`,
    alertServiceLabels,
  };
}

function authHeaders(options: PrometheusProviderOptions): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.bearerToken !== undefined && options.basicAuth !== undefined) {
    throw new InputError('bearerToken', 'and basicAuth are both set', 'Give one of them.');
  }
  if (options.bearerToken !== undefined) headers.authorization = `Bearer ${options.bearerToken}`;
  if (options.basicAuth !== undefined) {
    const { username, password } = options.basicAuth;
    headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  }
  return headers;
}

/** The URL without user info, for messages. */
function redact(url: URL): string {
  const copy = new URL(url);
  copy.username = '';
  copy.password = '';
  return copy.toString();
}

/** Like Promise.all, but rejects only once every promise settled, so no request outlives the call. */
async function settleAll<T extends readonly unknown[]>(
  promises: { [K in keyof T]: Promise<T[K]> },
): Promise<T> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((result) => result.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  return results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

function parseBound(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (value === '+Inf' || value === 'Inf') return Number.POSITIVE_INFINITY;
  const bound = Number(value);
  return Number.isNaN(bound) ? undefined : bound;
}

function seriesKey(labels: Record<string, string>): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${JSON.stringify(flat.slice(0, 120))}…` : JSON.stringify(flat);
}
