// Prometheus metrics written by hand in the text exposition format 0.0.4: request counter, latency histogram, info.

/** The Content-Type Prometheus expects for the text format. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** Latency buckets in seconds, Prometheus's defaults: 5 ms to 10 s. */
export const DURATION_BUCKETS: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The routes that keep their own label; every other path is `static` or `other`. */
export const KNOWN_ROUTES: ReadonlySet<string> = new Set([
  '/',
  '/api/deployments/top',
  '/healthz',
  '/version',
  '/metrics',
  '/admin/fault',
]);

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** A label value escaped for the exposition format: backslash, double quote and line feed. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** HELP text escaped for the exposition format: backslash and line feed. */
export function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

/** A sample value or bucket bound as Prometheus writes it (`+Inf`, `-Inf`, `NaN`, else the shortest decimal). */
export function formatValue(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  if (Number.isNaN(value)) return 'NaN';
  return String(value);
}

/** `{name="value",…}` in the given order, or nothing when there are no labels. */
export function formatLabels(pairs: readonly (readonly [string, string])[]): string {
  if (pairs.length === 0) return '';
  return `{${pairs.map(([name, value]) => `${name}="${escapeLabelValue(value)}"`).join(',')}}`;
}

/**
 * The route label for a request path. Raw paths would let any client create series without bound, so a path is
 * one of `KNOWN_ROUTES`, `static` (a file name with an extension, the widget's assets) or `other`.
 */
export function routeLabel(pathname: string): string {
  if (KNOWN_ROUTES.has(pathname)) return pathname;
  const lastSegment = pathname.slice(pathname.lastIndexOf('/') + 1);
  return /^[^.][^/]*\.[A-Za-z0-9]+$/.test(lastSegment) ? 'static' : 'other';
}

/** The method label: the standard methods as sent, anything else `other`, for the same reason as `routeLabel`. */
export function methodLabel(method: string | undefined): string {
  const upper = (method ?? '').toUpperCase();
  return KNOWN_METHODS.has(upper) ? upper : 'other';
}

function header(name: string, help: string, type: string): string[] {
  return [`# HELP ${name} ${escapeHelp(help)}`, `# TYPE ${name} ${type}`];
}

/** A labelled metric family holding one value per label combination. */
abstract class Family<Value> {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly string[];
  protected readonly series = new Map<string, { values: string[]; value: Value }>();

  constructor(name: string, help: string, labelNames: readonly string[]) {
    this.name = name;
    this.help = help;
    this.labelNames = labelNames;
  }

  protected entry(labels: Readonly<Record<string, string>>, create: () => Value): Value {
    const values = this.labelNames.map((label) => {
      const value = labels[label];
      if (value === undefined) throw new Error(`${this.name}: label ${label} is missing`);
      return value;
    });
    const key = JSON.stringify(values);
    let found = this.series.get(key);
    if (!found) {
      found = { values, value: create() };
      this.series.set(key, found);
    }
    return found.value;
  }

  protected pairs(values: readonly string[]): [string, string][] {
    return this.labelNames.map((label, index) => [label, values[index] as string]);
  }

  /** The family in the exposition format, one line per element, without a final line feed. */
  abstract render(): string[];
}

/** A counter: a total that only goes up. */
export class Counter extends Family<{ total: number }> {
  /** Adds `amount` (default 1) to the series with these labels. */
  inc(labels: Readonly<Record<string, string>>, amount = 1): void {
    this.entry(labels, () => ({ total: 0 })).total += amount;
  }

  render(): string[] {
    const lines = header(this.name, this.help, 'counter');
    for (const { values, value } of this.series.values()) {
      lines.push(`${this.name}${formatLabels(this.pairs(values))} ${formatValue(value.total)}`);
    }
    return lines;
  }
}

/** A gauge: a value that is set, or moves up and down. */
export class Gauge extends Family<{ current: number }> {
  /** Sets the series with these labels. */
  set(labels: Readonly<Record<string, string>>, value: number): void {
    this.entry(labels, () => ({ current: 0 })).current = value;
  }

  /** Adds `amount` (negative to lower it) to the series with these labels. */
  add(labels: Readonly<Record<string, string>>, amount: number): void {
    this.entry(labels, () => ({ current: 0 })).current += amount;
  }

  render(): string[] {
    const lines = header(this.name, this.help, 'gauge');
    for (const { values, value } of this.series.values()) {
      lines.push(`${this.name}${formatLabels(this.pairs(values))} ${formatValue(value.current)}`);
    }
    return lines;
  }
}

interface HistogramState {
  /** Observations per bucket, not cumulative; the cumulative counts are made when rendering. */
  bucketCounts: number[];
  sum: number;
  count: number;
}

/** A histogram with fixed upper bounds; `le` is added after the family's own labels. */
export class Histogram extends Family<HistogramState> {
  readonly buckets: readonly number[];

  constructor(name: string, help: string, labelNames: readonly string[], buckets: readonly number[]) {
    super(name, help, labelNames);
    if (labelNames.includes('le')) throw new Error(`${name}: "le" is reserved for bucket bounds`);
    this.buckets = [...buckets].sort((a, b) => a - b);
  }

  /** Records one observation. */
  observe(labels: Readonly<Record<string, string>>, value: number): void {
    const state = this.entry(labels, () => ({ bucketCounts: this.buckets.map(() => 0), sum: 0, count: 0 }));
    const index = this.buckets.findIndex((bound) => value <= bound);
    if (index >= 0) state.bucketCounts[index] = (state.bucketCounts[index] as number) + 1;
    state.sum += value;
    state.count += 1;
  }

  render(): string[] {
    const lines = header(this.name, this.help, 'histogram');
    for (const { values, value } of this.series.values()) {
      const pairs = this.pairs(values);
      let cumulative = 0;
      this.buckets.forEach((bound, index) => {
        cumulative += value.bucketCounts[index] as number;
        lines.push(
          `${this.name}_bucket${formatLabels([...pairs, ['le', formatValue(bound)]])} ${cumulative}`,
        );
      });
      lines.push(`${this.name}_bucket${formatLabels([...pairs, ['le', '+Inf']])} ${value.count}`);
      lines.push(`${this.name}_sum${formatLabels(pairs)} ${formatValue(value.sum)}`);
      lines.push(`${this.name}_count${formatLabels(pairs)} ${value.count}`);
    }
    return lines;
  }
}

/** Who is being measured: every series carries the version so a canary can be compared with stable. */
export interface ServiceIdentity {
  version: string;
  commit: string;
  /** Epoch milliseconds. */
  startedAtMs: number;
}

/** One finished request, as the server reports it. */
export interface RequestObservation {
  route: string;
  method: string;
  status: number;
  durationSeconds: number;
}

/** The service's metrics: what `GET /metrics` shows. */
export class ServiceMetrics {
  private readonly identity: ServiceIdentity;
  private readonly requests = new Counter('http_requests_total', 'HTTP requests answered.', [
    'route',
    'method',
    'status',
    'version',
  ]);
  private readonly durations = new Histogram(
    'http_request_duration_seconds',
    'Time from receiving a request to finishing its answer.',
    ['route', 'version'],
    DURATION_BUCKETS,
  );
  private readonly inFlight = new Gauge('http_requests_in_flight', 'HTTP requests being answered.', [
    'version',
  ]);
  private readonly startTime = new Gauge(
    'process_start_time_seconds',
    'Start time of the process since unix epoch in seconds.',
    [],
  );
  private readonly info = new Gauge('app_info', 'The running build: always 1.', ['version', 'commit']);

  constructor(identity: ServiceIdentity) {
    this.identity = identity;
    this.startTime.set({}, identity.startedAtMs / 1000);
    this.info.set({ version: identity.version, commit: identity.commit }, 1);
    this.inFlight.set({ version: identity.version }, 0);
  }

  /** A request has arrived. */
  requestStarted(): void {
    this.inFlight.add({ version: this.identity.version }, 1);
  }

  /** A request has ended, answered or not; pair with `requestStarted`. */
  requestEnded(): void {
    this.inFlight.add({ version: this.identity.version }, -1);
  }

  /** Counts an answered request and its duration. */
  observe(request: RequestObservation): void {
    const { version } = this.identity;
    this.requests.inc({
      route: request.route,
      method: request.method,
      status: String(request.status),
      version,
    });
    this.durations.observe({ route: request.route, version }, request.durationSeconds);
  }

  /** Every family in the exposition format, ending with a line feed. */
  render(): string {
    const families = [this.requests, this.durations, this.inFlight, this.startTime, this.info];
    return `${families.flatMap((family) => family.render()).join('\n')}\n`;
  }
}
