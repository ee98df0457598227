// A local HTTP server that answers like the Datadog API (metrics query, monitors, dashboards, events, DORA), so
// tests never reach datadoghq.com.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RateLimit } from './rate-limit.ts';

/** The API key valid when `options.apiKeys` is not given. */
export const DEFAULT_DD_API_KEY = 'dd-emulator-api-key-0000000000000';
/** The application key valid when `options.appKeys` is not given. */
export const DEFAULT_DD_APP_KEY = 'dd-emulator-app-key-00000000000000000000';

/** A monitor's overall state as Datadog names it. */
export type DatadogMonitorState = 'OK' | 'Alert' | 'Warn' | 'No Data' | 'Unknown' | 'Ignored' | 'Skipped';

/** One point: [epoch milliseconds, value] (null is a gap). */
export type DatadogPoint = [number, number | null];

/** A seeded metric series, answered by `GET /api/v1/query` for its exact query text. */
export interface DatadogSeriesSeed {
  points: DatadogPoint[];
  /** Milliseconds between points (the rollup interval); default 60 000. */
  intervalMs?: number;
  /** Tags of the series, e.g. ['service:web', 'version:1.2.0']; default read from the query's scope. */
  tagSet?: string[];
}

/** What the emulated organisation holds and how strict it is. */
export interface DatadogEmulatorOptions {
  /** Valid API keys; default [DEFAULT_DD_API_KEY]. */
  apiKeys?: string[];
  /** Valid application keys; default [DEFAULT_DD_APP_KEY]. */
  appKeys?: string[];
  /**
   * Rate limits by limit name (the `X-RateLimit-Name` Datadog sends): 'query', 'monitors', 'monitor_search',
   * 'dashboards', 'events', 'dora', 'validate'. Each replaces the default in `DEFAULT_DATADOG_RATE_LIMITS`.
   * Windows are fixed, as Datadog's are: `X-RateLimit-Reset` is the seconds until the window ends.
   */
  rateLimits?: Record<string, RateLimit>;
  /** The clock in milliseconds; default `Date.now`. */
  now?: () => number;
  /** Org id reported on monitors; default 1234. */
  orgId?: number;
  /** The creator handle reported on monitors and dashboards; default 'flowkit-bot@example.com'. */
  userHandle?: string;
}

/** One HTTP request the emulator received and what it answered. */
export interface DatadogRecordedRequest {
  /** The operation served ('GET /api/v1/monitor/{monitor_id}'), or '' for an unknown path. */
  operation: string;
  httpMethod: string;
  /** The request target as sent: path and query string. */
  path: string;
  pathname: string;
  query: Record<string, string | string[]>;
  /** Request headers, names in lower case. */
  headers: Record<string, string>;
  /** The parsed JSON body, or undefined. */
  body: unknown;
  rawBody: string;
  status: number;
  response: unknown;
  responseHeaders: Record<string, string>;
  receivedAt: number;
}

/** A monitor as the emulator stores it (the API's Monitor object). */
export interface DatadogMonitor {
  id: number;
  name: string;
  type: string;
  query: string;
  message: string;
  tags: string[];
  options: Record<string, unknown>;
  priority: number | null;
  overall_state: DatadogMonitorState;
  created: string;
  modified: string;
  creator: { email: string; handle: string; name: string };
  org_id: number;
  multi: boolean;
  deleted: null;
  restricted_roles: null;
}

/** A dashboard as the emulator stores it. */
export interface DatadogDashboard {
  id: string;
  title: string;
  description?: string | null;
  layout_type: string;
  widgets: Record<string, unknown>[];
  tags?: string[] | null;
  url: string;
  created_at: string;
  modified_at: string;
  author_handle: string;
  [key: string]: unknown;
}

/** An event posted with `POST /api/v1/events`. */
export interface DatadogEvent {
  id: number;
  title: string;
  text: string;
  tags: string[];
  date_happened: number;
  alert_type: string;
  priority: string;
  source_type_name?: string;
  aggregation_key?: string;
  url: string;
}

/** A DORA event posted with `POST /api/v2/dora/deployment` or `/failure`. */
export interface DatadogDoraEvent {
  id: string;
  kind: 'deployment' | 'failure';
  attributes: Record<string, unknown>;
}

/** What tests inspect (and may change) directly. */
export interface DatadogEmulatorState {
  monitors: Map<number, DatadogMonitor>;
  dashboards: Map<string, DatadogDashboard>;
  events: DatadogEvent[];
  dora: { deployments: DatadogDoraEvent[]; failures: DatadogDoraEvent[] };
}

/** A programmed fault for the next matching call(s). */
export interface DatadogFailure {
  /** HTTP status; 5xx answers with an HTML page (as Datadog's edge does), 4xx with {"errors": […]}. */
  status: number;
  /** 429: seconds sent as X-RateLimit-Reset; default 1. */
  resetSeconds?: number;
  /** How many calls fail; default 1. */
  times?: number;
  /** Never answer (until stop): for client timeouts. */
  hang?: boolean;
}

/** Which calls a failure applies to: a method and a pathname (string: exact; RegExp: tested on the path). */
export interface DatadogFailureMatch {
  method?: string;
  path?: string | RegExp;
}

const HOUR = 3_600_000;

/** Generous defaults (Datadog's documented defaults are per organisation and per hour). */
export const DEFAULT_DATADOG_RATE_LIMITS: Readonly<Record<string, RateLimit>> = {
  query: { limit: 1600, windowMs: HOUR },
  monitors: { limit: 3000, windowMs: 60_000 },
  monitor_search: { limit: 1000, windowMs: 60_000 },
  dashboards: { limit: 1000, windowMs: 60_000 },
  events: { limit: 1000, windowMs: 60_000 },
  dora: { limit: 500, windowMs: 60_000 },
  validate: { limit: 1000, windowMs: 60_000 },
};

/** The monitor types the emulator accepts (the spec's MonitorType enum). */
export const DATADOG_MONITOR_TYPES: readonly string[] = [
  'composite',
  'event alert',
  'log alert',
  'metric alert',
  'process alert',
  'query alert',
  'rum alert',
  'service check',
  'synthetics alert',
  'trace-analytics alert',
  'slo alert',
  'event-v2 alert',
  'audit alert',
  'ci-pipelines alert',
  'ci-tests alert',
  'error-tracking alert',
  'database-monitoring alert',
  'network-performance alert',
  'cost alert',
  'data-quality alert',
  'network-path alert',
  'data-jobs alert',
  'llm-observability alert',
];

type Json = Record<string, unknown>;

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
  response: unknown;
}

type Auth = 'api' | 'api+app';

interface Route {
  method: string;
  template: string;
  auth: Auth;
  limit: string;
  handle: (emulator: DatadogEmulator, call: Call) => Reply;
}

interface Call {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  rawBody: string;
}

interface PendingFailure extends DatadogFailure {
  match: DatadogFailureMatch;
  remaining: number;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonReply(body: unknown, status = 200): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    response: body,
  };
}

/** Datadog's v1 error body: {"errors": ["…"]}. */
function errors(status: number, ...messages: string[]): Reply {
  return jsonReply({ errors: messages }, status);
}

/** Datadog's v2 (JSON:API) error body. */
function jsonApiErrors(status: number, ...details: string[]): Reply {
  const title = status === 400 ? 'Bad Request' : `HTTP ${status}`;
  return jsonReply({ errors: details.map((detail) => ({ status: String(status), title, detail })) }, status);
}

function htmlReply(status: number): Reply {
  const html = `<html><body><h1>${status} ${status === 503 ? 'Service Unavailable' : 'Server Error'}</h1></body></html>`;
  return { status, headers: { 'content-type': 'text/html' }, body: html, response: html };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

// --- Queries ------------------------------------------------------------------------------------------------------

/** The same query text, whitespace-insensitive: how seeded series are found. */
export function normalizeDatadogQuery(query: string): string {
  return query.replace(/\s+/g, '');
}

const METRIC_NAME = /^[A-Za-z][A-Za-z0-9_.]*$/;
const SPACE_AGGREGATORS = ['avg', 'sum', 'min', 'max', 'count'];

/**
 * Why a metrics query would not parse, or undefined. Understands `[aggregator:]metric{scope}[ by {tags}]` with
 * chained functions (`.as_count()`, `.rollup(sum, 60)`), percentile aggregators (`p95:`) and distribution threshold
 * queries (`count(v: v>0.5):metric{…}`).
 */
export function datadogQueryProblem(query: string): string | undefined {
  let rest = query.trim();
  const threshold = /^count\(v:\s*v\s*(>=|<=|>|<)\s*-?\d+(\.\d+)?\)\s*:/.exec(rest);
  if (threshold) rest = rest.slice(threshold[0].length);
  else {
    const aggregator = /^([a-z0-9.]+):/.exec(rest);
    if (aggregator) {
      const name = aggregator[1] ?? '';
      if (!SPACE_AGGREGATORS.includes(name) && !/^p(\d{1,2}(\.\d{1,2})?|100)$/.test(name)) {
        return `Error parsing query: unknown aggregator '${name}'`;
      }
      rest = rest.slice(aggregator[0].length);
    }
  }
  const match = /^([^{\s]+)\{([^}]*)\}(\s+by\s+\{[^}]*\})?((\.[a-z_]+\([^()]*\))*)$/.exec(rest);
  if (!match) return `Error parsing query: unable to parse ${query}`;
  if (!METRIC_NAME.test(match[1] ?? '')) return `Error parsing query: invalid metric name '${match[1]}'`;
  const scope = (match[2] ?? '').trim();
  if (scope === '') return 'Error parsing query: empty scope, use {*}';
  return undefined;
}

function scopeTags(query: string): string[] {
  const scope = /\{([^}]*)\}/.exec(query)?.[1] ?? '*';
  return scope === '*' ? [] : scope.split(',').map((tag) => tag.trim());
}

// --- Monitors -----------------------------------------------------------------------------------------------------

const MONITOR_QUERY =
  /^(avg|sum|min|max|change|pct_change)\((last_\d+[smhdw]|last_\d+[smhdw],last_\d+[smhdw])\):(.+?)\s*(>=|<=|>|<)\s*(-?\d+(\.\d+)?)$/;

/** Problems with a monitor body as Datadog's create, update and validate calls report them. */
function monitorProblems(body: Json, partial: boolean): string[] {
  const problems: string[] = [];
  const type = body.type;
  if (type === undefined) {
    if (!partial) problems.push("Missing required parameter 'type'");
  } else if (typeof type !== 'string' || !DATADOG_MONITOR_TYPES.includes(type)) {
    problems.push(`Invalid monitor type: ${JSON.stringify(type)}`);
  }
  if (body.name !== undefined && (typeof body.name !== 'string' || body.name.trim() === '')) {
    problems.push("The value provided for parameter 'name' is invalid");
  } else if (!partial && body.name === undefined) {
    problems.push("Missing required parameter 'name'");
  }
  if (body.message !== undefined && typeof body.message !== 'string') {
    problems.push("The value provided for parameter 'message' is invalid");
  }
  if (body.tags !== undefined) {
    if (!Array.isArray(body.tags) || body.tags.some((tag) => typeof tag !== 'string')) {
      problems.push("The value provided for parameter 'tags' is invalid: a list of strings is expected");
    } else {
      for (const tag of body.tags as string[]) {
        if (tag.length > 200 || tag.trim() === '') problems.push(`Invalid tag: '${tag}'`);
      }
    }
  }
  if (body.priority !== undefined && body.priority !== null) {
    if (!Number.isInteger(body.priority) || (body.priority as number) < 1 || (body.priority as number) > 5) {
      problems.push(
        "The value provided for parameter 'priority' is invalid: an integer from 1 to 5 is expected",
      );
    }
  }
  const query = body.query;
  if (query === undefined) {
    if (!partial) problems.push("Missing required parameter 'query'");
    return problems;
  }
  if (typeof query !== 'string') return [...problems, "The value provided for parameter 'query' is invalid"];
  if (type !== 'metric alert' && type !== 'query alert' && type !== undefined) return problems;
  const parsed = MONITOR_QUERY.exec(query.trim());
  if (!parsed) return [...problems, "The value provided for parameter 'query' is invalid"];
  const metricQueries = [
    ...(parsed[3] ?? '').matchAll(
      /(count\(v:[^)]*\):|[a-z0-9.]+:)?[A-Za-z][\w.]*\{[^}]*\}(\.[a-z_]+\([^()]*\))*/g,
    ),
  ].map((match) => match[0]);
  if (metricQueries.length === 0) return [...problems, "The value provided for parameter 'query' is invalid"];
  for (const metricQuery of metricQueries) {
    const problem = datadogQueryProblem(metricQuery);
    if (problem) return [...problems, `The value provided for parameter 'query' is invalid: ${problem}`];
  }
  const comparator = parsed[4] ?? '>';
  const queryThreshold = Number(parsed[5]);
  const options = isObject(body.options) ? body.options : {};
  const thresholds = isObject(options.thresholds) ? options.thresholds : undefined;
  if (options.thresholds !== undefined && !thresholds) {
    problems.push("The value provided for parameter 'options.thresholds' is invalid");
    return problems;
  }
  if (thresholds) {
    for (const [name, value] of Object.entries(thresholds)) {
      if (value !== null && typeof value !== 'number' && !name.endsWith('_query')) {
        problems.push(`Threshold '${name}' must be a number`);
      }
    }
    const critical = thresholds.critical;
    if (typeof critical === 'number' && critical !== queryThreshold) {
      problems.push(
        `Alert threshold (${critical}) does not match that used in the query (${queryThreshold}).`,
      );
    }
    const warning = thresholds.warning;
    if (typeof warning === 'number') {
      const above = comparator.startsWith('>');
      if (above ? warning >= queryThreshold : warning <= queryThreshold) {
        problems.push(
          `Warning threshold (${warning}) must be ${above ? 'less' : 'greater'} than the alert threshold (${queryThreshold}) with ${comparator} comparison.`,
        );
      }
    }
  }
  return problems;
}

const MONITOR_FIELDS = ['name', 'type', 'query', 'message', 'tags', 'options', 'priority'];

// --- Search -------------------------------------------------------------------------------------------------------

/** The terms of a monitor search query: `status:alert tag:"service:web" type:metric free text`. */
function searchTerms(query: string): { key: string; value: string }[] {
  const terms: { key: string; value: string }[] = [];
  const pattern = /(?:([a-z_]+):)?(?:"([^"]*)"|(\S+))/g;
  for (const match of query.matchAll(pattern)) {
    terms.push({ key: match[1] ?? '', value: (match[2] ?? match[3] ?? '').toLowerCase() });
  }
  return terms;
}

function monitorMatches(monitor: DatadogMonitor, terms: { key: string; value: string }[]): boolean {
  return terms.every(({ key, value }) => {
    switch (key) {
      case 'status':
        return monitor.overall_state.toLowerCase() === value;
      case 'tag':
        return monitor.tags.some((tag) => tag.toLowerCase() === value);
      case 'type':
        return monitor.type.toLowerCase().startsWith(value);
      case 'id':
        return String(monitor.id) === value;
      case '':
        return monitor.name.toLowerCase().includes(value);
      default:
        return false;
    }
  });
}

function searchResult(monitor: DatadogMonitor): Json {
  return {
    id: monitor.id,
    name: monitor.name,
    type: monitor.type,
    query: monitor.query,
    status: monitor.overall_state,
    tags: monitor.tags,
    classification: monitor.type.split(' ')[0] === 'query' ? 'metric' : monitor.type.split(' ')[0],
    creator: monitor.creator,
    org_id: monitor.org_id,
    last_triggered_ts: null,
    metrics: [...monitor.query.matchAll(/([A-Za-z][A-Za-z0-9_.]*)\{/g)].map((m) => m[1] ?? ''),
    notifications: [],
    scopes: [],
    quality_issues: [],
  };
}

// --- Dashboards ---------------------------------------------------------------------------------------------------

function dashboardProblems(body: Json): string[] {
  const problems: string[] = [];
  if (typeof body.title !== 'string' || body.title.trim() === '')
    problems.push("Invalid dashboard: 'title' is required");
  if (body.layout_type !== 'ordered' && body.layout_type !== 'free') {
    problems.push("Invalid dashboard: 'layout_type' must be 'ordered' or 'free'");
  }
  if (!Array.isArray(body.widgets)) problems.push("Invalid dashboard: 'widgets' is required");
  else {
    body.widgets.forEach((widget, index) => {
      const definition = isObject(widget) ? widget.definition : undefined;
      if (!isObject(definition) || typeof definition.type !== 'string') {
        problems.push(`Invalid widget at index ${index}: 'definition.type' is required`);
        return;
      }
      if (definition.type === 'timeseries' && !Array.isArray(definition.requests)) {
        problems.push(`Invalid widget at index ${index}: timeseries widgets need 'requests'`);
      }
    });
  }
  if (Array.isArray(body.tags)) {
    for (const tag of body.tags) {
      if (typeof tag !== 'string' || !tag.startsWith('team:')) {
        problems.push(`Invalid dashboard tag '${String(tag)}': only 'team:' tags are allowed`);
      }
    }
  }
  return problems;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

// --- DORA ---------------------------------------------------------------------------------------------------------

const DORA_ID = /^[A-Za-z0-9_.:-]{16,128}$/;

/** Seconds, milliseconds or nanoseconds since the epoch as milliseconds, or undefined when none fits. */
export function doraTimestampMs(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) return undefined;
  if (value < 1e11) return value * 1000; // seconds (until the year 5138)
  if (value < 1e14) return value; // milliseconds
  if (value >= 1e17) return Math.floor(value / 1e6); // nanoseconds
  return undefined;
}

function doraProblems(kind: 'deployment' | 'failure', body: unknown): string[] {
  const attributes = isObject(body) && isObject(body.data) ? body.data.attributes : undefined;
  if (!isObject(attributes)) return ['Missing required attribute in body: data.attributes'];
  const problems: string[] = [];
  const required = kind === 'deployment' ? ['service', 'started_at', 'finished_at'] : ['started_at'];
  for (const name of required) {
    if (attributes[name] === undefined) problems.push(`Missing required attribute in body: ${name}`);
  }
  if (kind === 'failure' && attributes.team === undefined && !Array.isArray(attributes.services)) {
    problems.push('Either services or team must be provided');
  }
  const started = doraTimestampMs(attributes.started_at);
  const finished = attributes.finished_at === undefined ? undefined : doraTimestampMs(attributes.finished_at);
  if (attributes.started_at !== undefined && started === undefined) {
    problems.push('started_at must be a Unix timestamp in seconds, milliseconds or nanoseconds');
  }
  if (attributes.finished_at !== undefined && finished === undefined) {
    problems.push('finished_at must be a Unix timestamp in seconds, milliseconds or nanoseconds');
  }
  if (started !== undefined && finished !== undefined && finished < started) {
    problems.push('finished_at must not be before started_at');
  }
  if (attributes.id !== undefined && (typeof attributes.id !== 'string' || !DORA_ID.test(attributes.id))) {
    problems.push('id must be 16-128 characters of a-z, A-Z, 0-9, -, _, . and :');
  }
  if (attributes.git !== undefined) {
    const git = attributes.git;
    if (!isObject(git) || typeof git.repository_url !== 'string' || typeof git.commit_sha !== 'string') {
      problems.push('git needs repository_url and commit_sha');
    } else if (!/^[a-fA-F0-9]{40,}$/.test(git.commit_sha)) {
      problems.push('git.commit_sha must be a full commit SHA');
    }
  }
  if (Array.isArray(attributes.custom_tags)) {
    if (attributes.custom_tags.length > 100) problems.push('custom_tags: up to 100 tags');
    for (const tag of attributes.custom_tags) {
      if (typeof tag !== 'string' || !/^[^:]+:.+$/.test(tag))
        problems.push(`custom_tags: '${String(tag)}' is not key:value`);
    }
  }
  return problems;
}

// --- Routes -------------------------------------------------------------------------------------------------------

const ROUTES: Route[] = [
  {
    method: 'GET',
    template: '/api/v1/validate',
    auth: 'api',
    limit: 'validate',
    handle: () => jsonReply({ valid: true }),
  },
  {
    method: 'GET',
    template: '/api/v1/query',
    auth: 'api+app',
    limit: 'query',
    handle: (e, c) => e.queryMetrics(c),
  },
  {
    method: 'POST',
    template: '/api/v1/monitor',
    auth: 'api+app',
    limit: 'monitors',
    handle: (e, c) => e.createMonitor(c),
  },
  {
    method: 'GET',
    template: '/api/v1/monitor',
    auth: 'api+app',
    limit: 'monitors',
    handle: (e, c) => e.listMonitors(c),
  },
  {
    method: 'GET',
    template: '/api/v1/monitor/search',
    auth: 'api+app',
    limit: 'monitor_search',
    handle: (e, c) => e.searchMonitors(c),
  },
  {
    method: 'POST',
    template: '/api/v1/monitor/validate',
    auth: 'api+app',
    limit: 'monitors',
    handle: (_e, c) => {
      if (!isObject(c.body)) return errors(400, 'Invalid JSON');
      const problems = monitorProblems(c.body, false);
      return problems.length > 0 ? errors(400, ...problems) : jsonReply({});
    },
  },
  {
    method: 'GET',
    template: '/api/v1/monitor/{monitor_id}',
    auth: 'api+app',
    limit: 'monitors',
    handle: (e, c) => e.getMonitor(c),
  },
  {
    method: 'PUT',
    template: '/api/v1/monitor/{monitor_id}',
    auth: 'api+app',
    limit: 'monitors',
    handle: (e, c) => e.updateMonitor(c),
  },
  {
    method: 'POST',
    template: '/api/v1/dashboard',
    auth: 'api+app',
    limit: 'dashboards',
    handle: (e, c) => e.createDashboard(c),
  },
  {
    method: 'GET',
    template: '/api/v1/dashboard/{dashboard_id}',
    auth: 'api+app',
    limit: 'dashboards',
    handle: (e, c) => e.getDashboard(c),
  },
  {
    method: 'PUT',
    template: '/api/v1/dashboard/{dashboard_id}',
    auth: 'api+app',
    limit: 'dashboards',
    handle: (e, c) => e.updateDashboard(c),
  },
  {
    method: 'POST',
    template: '/api/v1/events',
    auth: 'api',
    limit: 'events',
    handle: (e, c) => e.createEvent(c),
  },
  {
    method: 'POST',
    template: '/api/v2/dora/deployment',
    auth: 'api',
    limit: 'dora',
    handle: (e, c) => e.createDora('deployment', c),
  },
  {
    method: 'POST',
    template: '/api/v2/dora/failure',
    auth: 'api',
    limit: 'dora',
    handle: (e, c) => e.createDora('failure', c),
  },
];

/** Every operation the emulator serves, as the contract checks name them. */
export const DATADOG_EMULATED_OPERATIONS: readonly string[] = ROUTES.map((r) => `${r.method} ${r.template}`);

function matchTemplate(template: string, pathname: string): Record<string, string> | undefined {
  const parts = template.split('/');
  const segments = pathname.replace(/\/$/, '').split('/');
  if (parts.length !== segments.length) return undefined;
  const values: Record<string, string> = {};
  for (const [index, part] of parts.entries()) {
    const segment = segments[index] ?? '';
    const name = /^\{([^}]+)\}$/.exec(part)?.[1];
    if (name !== undefined) {
      if (segment === '') return undefined;
      values[name] = decodeURIComponent(segment);
    } else if (part !== segment) return undefined;
  }
  return values;
}

function headerRecord(headers: IncomingMessage['headers']): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) record[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return record;
}

function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    record[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return record;
}

/** A running emulator. Start with `startDatadogEmulator` (or `DatadogEmulator.start`). */
export class DatadogEmulator {
  /** 'http://127.0.0.1:PORT': the API base URL (what `apiUrl` takes). */
  readonly url: string;
  /** Every request in arrival order, recorded before its answer is sent. */
  readonly requests: DatadogRecordedRequest[] = [];
  readonly state: DatadogEmulatorState = {
    monitors: new Map(),
    dashboards: new Map(),
    events: [],
    dora: { deployments: [], failures: [] },
  };
  private readonly server: Server;
  private readonly apiKeys: ReadonlySet<string>;
  private readonly appKeys: ReadonlySet<string>;
  private readonly rateLimits: Record<string, RateLimit>;
  private readonly windows = new Map<string, { start: number; count: number }>();
  private readonly series = new Map<string, DatadogSeriesSeed>();
  private readonly failures: PendingFailure[] = [];
  private readonly now: () => number;
  private readonly orgId: number;
  private readonly handle: string;
  private nextMonitorId = 1000001;
  private nextEventId = 7000000000000001;
  private nextDashboard = 0;
  private stopped: Promise<void> | undefined;

  private constructor(server: Server, options: DatadogEmulatorOptions) {
    const address = server.address() as AddressInfo;
    this.server = server;
    this.url = `http://127.0.0.1:${address.port}`;
    this.apiKeys = new Set(options.apiKeys ?? [DEFAULT_DD_API_KEY]);
    this.appKeys = new Set(options.appKeys ?? [DEFAULT_DD_APP_KEY]);
    this.rateLimits = { ...DEFAULT_DATADOG_RATE_LIMITS, ...options.rateLimits };
    this.now = options.now ?? Date.now;
    this.orgId = options.orgId ?? 1234;
    this.handle = options.userHandle ?? 'flowkit-bot@example.com';
  }

  /** Starts an emulator on 127.0.0.1 on a free port. */
  static async start(options: DatadogEmulatorOptions = {}): Promise<DatadogEmulator> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const emulator = new DatadogEmulator(server, options);
    server.on('request', (request, response) => {
      emulator.answer(request).then(
        (reply) => {
          if (reply) response.writeHead(reply.status, reply.headers).end(reply.body);
        },
        (error: unknown) => {
          response
            .writeHead(500, { 'content-type': 'text/plain' })
            .end(`emulator error: ${error instanceof Error ? error.stack : String(error)}`);
        },
      );
    });
    return emulator;
  }

  /** Seeds the series `GET /api/v1/query` answers for `query` (matched without regard to whitespace). */
  seedSeries(query: string, seed: DatadogSeriesSeed | DatadogPoint[]): void {
    const problem = datadogQueryProblem(query);
    if (problem) throw new Error(`Datadog emulator: cannot seed "${query}": ${problem}`);
    this.series.set(normalizeDatadogQuery(query), Array.isArray(seed) ? { points: seed } : seed);
  }

  /** Sets a monitor's overall state (as if Datadog evaluated it); throws for an unknown id. */
  setMonitorState(id: number, state: DatadogMonitorState): void {
    const monitor = this.state.monitors.get(id);
    if (!monitor) throw new Error(`Datadog emulator: no monitor ${id}`);
    monitor.overall_state = state;
  }

  /** Adds a monitor as if created in the UI; answers its id. */
  addMonitor(monitor: Partial<DatadogMonitor> & { name: string; query: string }): number {
    const stored = this.storeMonitor({ type: 'query alert', ...monitor });
    if (monitor.overall_state) stored.overall_state = monitor.overall_state;
    return stored.id;
  }

  /** Deletes a dashboard (as if someone removed it in the UI). */
  deleteDashboard(id: string): void {
    this.state.dashboards.delete(id);
  }

  /** Requests that changed something (POST/PUT/DELETE), for "no writes" assertions. */
  writes(): DatadogRecordedRequest[] {
    return this.requests.filter((r) => r.httpMethod !== 'GET' && !r.pathname.endsWith('/monitor/validate'));
  }

  /** Makes the next matching request(s) fail with `failure` and have no other effect. */
  failNext(match: DatadogFailureMatch, failure: DatadogFailure): void {
    this.failures.push({ ...failure, match, remaining: failure.times ?? 1 });
  }

  /** Drops every programmed failure not yet used. */
  clearFailures(): void {
    this.failures.length = 0;
  }

  /** Closes the server and every open connection. */
  stop(): Promise<void> {
    this.stopped ??= new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    return this.stopped;
  }

  // --- Handlers (called by the routes) ------------------------------------------------------------------------------

  queryMetrics(call: Call): Reply {
    const from = call.query.get('from');
    const to = call.query.get('to');
    const query = call.query.get('query');
    for (const [name, value] of [
      ['from', from],
      ['to', to],
      ['query', query],
    ] as const) {
      if (value === null || value === '') return errors(400, `Missing required parameter '${name}'`);
    }
    if (!/^\d+$/.test(from ?? '') || !/^\d+$/.test(to ?? '')) {
      return errors(
        400,
        "The value provided for parameter 'from' or 'to' is invalid: seconds since the epoch",
      );
    }
    const fromMs = Number(from) * 1000;
    const toMs = Number(to) * 1000;
    if (fromMs > toMs) return errors(400, "'from' must be before 'to'");
    const problem = datadogQueryProblem(query ?? '');
    if (problem) return errors(400, problem);
    const seed = this.series.get(normalizeDatadogQuery(query ?? ''));
    const metric = /([A-Za-z][A-Za-z0-9_.]*)\{/.exec(query ?? '')?.[1] ?? '';
    const series = [];
    if (seed) {
      const interval = seed.intervalMs ?? 60_000;
      const points = seed.points.filter(([time]) => time >= fromMs && time <= toMs);
      if (points.length > 0) {
        const tagSet = seed.tagSet ?? scopeTags(query ?? '');
        series.push({
          aggr: /^(\w+):/.exec(query ?? '')?.[1] ?? null,
          metric,
          display_name: metric,
          expression: (query ?? '').trim(),
          scope: tagSet.length > 0 ? tagSet.join(',') : '*',
          tag_set: tagSet,
          pointlist: points,
          start: points[0]?.[0] ?? fromMs,
          end: (points[points.length - 1]?.[0] ?? toMs) + interval - 1000,
          interval: interval / 1000,
          length: points.length,
          query_index: 0,
          unit: null,
        });
      }
    }
    return jsonReply({
      status: 'ok',
      res_type: 'time_series',
      resp_version: 1,
      query,
      from_date: fromMs,
      to_date: toMs,
      series,
      values: [],
      times: [],
      message: '',
      group_by: [],
    });
  }

  private storeMonitor(body: Json): DatadogMonitor {
    const now = iso(this.now());
    const monitor: DatadogMonitor = {
      id: this.nextMonitorId++,
      name: String(body.name ?? ''),
      type: String(body.type),
      query: String(body.query),
      message: typeof body.message === 'string' ? body.message : '',
      tags: Array.isArray(body.tags) ? [...(body.tags as string[])] : [],
      options: isObject(body.options) ? structuredClone(body.options) : {},
      priority: typeof body.priority === 'number' ? body.priority : null,
      overall_state: 'No Data',
      created: now,
      modified: now,
      creator: { email: this.handle, handle: this.handle, name: 'Flowkit Bot' },
      org_id: this.orgId,
      multi: false,
      deleted: null,
      restricted_roles: null,
    };
    this.state.monitors.set(monitor.id, monitor);
    return monitor;
  }

  createMonitor(call: Call): Reply {
    if (!isObject(call.body)) return errors(400, 'Invalid JSON');
    const problems = monitorProblems(call.body, false);
    if (problems.length > 0) return errors(400, ...problems);
    return jsonReply(this.storeMonitor(call.body));
  }

  listMonitors(call: Call): Reply {
    const wanted = (call.query.get('monitor_tags') ?? '')
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean);
    const name = call.query.get('name')?.toLowerCase();
    const pageSize = Number(call.query.get('page_size') ?? 100);
    const page = Number(call.query.get('page') ?? 0);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
      return errors(400, "The value provided for parameter 'page_size' is invalid");
    }
    const monitors = [...this.state.monitors.values()].filter(
      (monitor) =>
        wanted.every((tag) => monitor.tags.includes(tag)) &&
        (name === undefined || monitor.name.toLowerCase().includes(name)),
    );
    return jsonReply(monitors.slice(page * pageSize, (page + 1) * pageSize));
  }

  searchMonitors(call: Call): Reply {
    const perPage = Number(call.query.get('per_page') ?? 30);
    const page = Number(call.query.get('page') ?? 0);
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 1000) {
      return errors(400, "The value provided for parameter 'per_page' is invalid");
    }
    const terms = searchTerms(call.query.get('query') ?? '');
    const found = [...this.state.monitors.values()].filter((monitor) => monitorMatches(monitor, terms));
    const count = (values: string[]) => {
      const counts = new Map<string, number>();
      for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
      return [...counts].map(([name, n]) => ({ name, count: n }));
    };
    return jsonReply({
      monitors: found.slice(page * perPage, (page + 1) * perPage).map(searchResult),
      metadata: {
        page,
        per_page: perPage,
        page_count: Math.ceil(found.length / perPage),
        total_count: found.length,
      },
      counts: {
        status: count(found.map((m) => m.overall_state)),
        tag: count(found.flatMap((m) => m.tags)),
        type: count(found.map((m) => (m.type === 'query alert' ? 'metric' : m.type))),
        muted: [],
      },
    });
  }

  private monitorFor(call: Call): DatadogMonitor | Reply {
    const id = call.params.monitor_id ?? '';
    if (!/^\d+$/.test(id)) return errors(400, "The value provided for parameter 'monitor_id' is invalid");
    return this.state.monitors.get(Number(id)) ?? errors(404, 'Monitor not found');
  }

  getMonitor(call: Call): Reply {
    const monitor = this.monitorFor(call);
    return 'status' in monitor && 'body' in monitor ? monitor : jsonReply(monitor);
  }

  updateMonitor(call: Call): Reply {
    const monitor = this.monitorFor(call);
    if ('status' in monitor && 'body' in monitor) return monitor;
    if (!isObject(call.body)) return errors(400, 'Invalid JSON');
    if (call.body.type !== undefined && call.body.type !== monitor.type) {
      return errors(400, 'The monitor type cannot be changed');
    }
    const merged: Json = { ...monitor, ...call.body };
    const problems = monitorProblems(merged, false);
    if (problems.length > 0) return errors(400, ...problems);
    const target = monitor as unknown as Json;
    for (const field of MONITOR_FIELDS)
      if (field in call.body) target[field] = structuredClone(call.body[field]);
    monitor.modified = iso(this.now());
    return jsonReply(monitor);
  }

  createDashboard(call: Call): Reply {
    if (!isObject(call.body)) return errors(400, 'Invalid JSON');
    const problems = dashboardProblems(call.body);
    if (problems.length > 0) return errors(400, ...problems);
    this.nextDashboard += 1;
    const n = this.nextDashboard.toString(36).padStart(9, '0');
    const id = `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6, 9)}`;
    const now = iso(this.now());
    const dashboard: DatadogDashboard = {
      ...structuredClone(call.body),
      id,
      title: String(call.body.title),
      layout_type: String(call.body.layout_type),
      widgets: this.withWidgetIds(call.body.widgets as Json[]),
      url: `/dashboard/${id}/${slug(String(call.body.title))}`,
      created_at: now,
      modified_at: now,
      author_handle: this.handle,
    };
    this.state.dashboards.set(id, dashboard);
    return jsonReply(dashboard);
  }

  private withWidgetIds(widgets: Json[]): Json[] {
    return widgets.map((widget, index) => ({
      ...structuredClone(widget),
      id: (widget.id as number) ?? 1000 + index,
    }));
  }

  getDashboard(call: Call): Reply {
    const id = call.params.dashboard_id ?? '';
    const dashboard = this.state.dashboards.get(id);
    return dashboard ? jsonReply(dashboard) : errors(404, `Dashboard with ID ${id} not found`);
  }

  updateDashboard(call: Call): Reply {
    const id = call.params.dashboard_id ?? '';
    const existing = this.state.dashboards.get(id);
    if (!existing) return errors(404, `Dashboard with ID ${id} not found`);
    if (!isObject(call.body)) return errors(400, 'Invalid JSON');
    const problems = dashboardProblems(call.body);
    if (problems.length > 0) return errors(400, ...problems);
    const dashboard: DatadogDashboard = {
      ...structuredClone(call.body),
      id,
      title: String(call.body.title),
      layout_type: String(call.body.layout_type),
      widgets: this.withWidgetIds(call.body.widgets as Json[]),
      url: `/dashboard/${id}/${slug(String(call.body.title))}`,
      created_at: existing.created_at,
      modified_at: iso(this.now()),
      author_handle: existing.author_handle,
    };
    this.state.dashboards.set(id, dashboard);
    return jsonReply(dashboard);
  }

  createEvent(call: Call): Reply {
    const body = call.body;
    if (!isObject(body)) return errors(400, 'Invalid JSON');
    const problems: string[] = [];
    if (typeof body.title !== 'string' || body.title === '') problems.push('Event title is required');
    if (typeof body.text !== 'string') problems.push('Event text is required');
    else if (body.text.length > 4000) problems.push('Event text is limited to 4000 characters');
    if (
      body.tags !== undefined &&
      (!Array.isArray(body.tags) || body.tags.some((t) => typeof t !== 'string'))
    ) {
      problems.push("The value provided for parameter 'tags' is invalid");
    }
    if (typeof body.aggregation_key === 'string' && body.aggregation_key.length > 100) {
      problems.push('aggregation_key is limited to 100 characters');
    }
    const nowSeconds = Math.floor(this.now() / 1000);
    if (body.date_happened !== undefined) {
      if (!Number.isInteger(body.date_happened))
        problems.push("'date_happened' must be an integer (seconds)");
      else if ((body.date_happened as number) < nowSeconds - 18 * 3600) {
        problems.push('Event too old: date_happened must be within the last 18 hours');
      }
    }
    if (problems.length > 0) return errors(400, ...problems);
    const id = this.nextEventId++;
    const event: DatadogEvent = {
      id,
      title: String(body.title),
      text: String(body.text),
      tags: Array.isArray(body.tags) ? [...(body.tags as string[])] : [],
      date_happened: (body.date_happened as number | undefined) ?? nowSeconds,
      alert_type: typeof body.alert_type === 'string' ? body.alert_type : 'info',
      priority: typeof body.priority === 'string' ? body.priority : 'normal',
      url: `https://app.datadoghq.com/event/event?id=${id}`,
      ...(typeof body.source_type_name === 'string' ? { source_type_name: body.source_type_name } : {}),
      ...(typeof body.aggregation_key === 'string' ? { aggregation_key: body.aggregation_key } : {}),
    };
    this.state.events.push(event);
    const { aggregation_key: _key, ...shown } = event;
    return jsonReply({ status: 'ok', event: { ...shown, id_str: String(id) } }, 202);
  }

  createDora(kind: 'deployment' | 'failure', call: Call): Reply {
    const problems = doraProblems(kind, call.body);
    if (problems.length > 0) return jsonApiErrors(400, ...problems);
    const attributes = ((call.body as Json).data as Json).attributes as Json;
    const id =
      typeof attributes.id === 'string'
        ? attributes.id
        : (this.state.dora.deployments.length + this.state.dora.failures.length + 1)
            .toString(16)
            .padStart(16, '0');
    const record: DatadogDoraEvent = { id, kind, attributes: structuredClone(attributes) };
    (kind === 'deployment' ? this.state.dora.deployments : this.state.dora.failures).push(record);
    return jsonReply({ data: { id, type: kind === 'deployment' ? 'dora_deployment' : 'dora_failure' } }, 202);
  }

  // --- Plumbing -----------------------------------------------------------------------------------------------------

  private async answer(request: IncomingMessage): Promise<Reply | undefined> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const target = request.url ?? '/';
    const url = new URL(target, this.url);
    let body: unknown;
    try {
      body = rawBody.trim() === '' ? undefined : JSON.parse(rawBody);
    } catch {
      body = undefined;
    }
    const record: DatadogRecordedRequest = {
      operation: '',
      httpMethod: (request.method ?? 'GET').toUpperCase(),
      path: target,
      pathname: url.pathname,
      query: queryRecord(url.searchParams),
      headers: headerRecord(request.headers),
      body,
      rawBody,
      status: 0,
      response: undefined,
      responseHeaders: {},
      receivedAt: this.now(),
    };
    const reply = this.route(url, record);
    if (reply === undefined) {
      // A hanging failure: recorded, never answered (stop() closes the connection).
      this.requests.push(record);
      return undefined;
    }
    record.status = reply.status;
    record.response = reply.response;
    record.responseHeaders = { ...reply.headers };
    this.requests.push(record);
    return reply;
  }

  private takeFailure(record: DatadogRecordedRequest): PendingFailure | undefined {
    const failure = this.failures.find(({ match }) => {
      if (match.method !== undefined && match.method.toUpperCase() !== record.httpMethod) return false;
      if (match.path === undefined) return true;
      if (typeof match.path === 'string') return match.path === record.pathname;
      return match.path.test(record.path);
    });
    if (!failure) return undefined;
    failure.remaining -= 1;
    if (failure.remaining <= 0) this.failures.splice(this.failures.indexOf(failure), 1);
    return failure;
  }

  private route(url: URL, record: DatadogRecordedRequest): Reply | undefined {
    const matching = ROUTES.map((route) => ({
      route,
      params: matchTemplate(route.template, url.pathname),
    })).filter(
      (candidate): candidate is { route: Route; params: Record<string, string> } =>
        candidate.params !== undefined,
    );
    // A literal segment beats a parameter ('/monitor/search' over '/monitor/{monitor_id}').
    matching.sort((a, b) => Object.keys(a.params).length - Object.keys(b.params).length);
    const found = matching.find(({ route }) => route.method === record.httpMethod);
    if (found) record.operation = `${found.route.method} ${found.route.template}`;

    const failure = this.takeFailure(record);
    if (failure) {
      if (failure.hang) return undefined;
      if (failure.status === 429)
        return this.rateLimited(found?.route.limit ?? 'default', failure.resetSeconds ?? 1);
      return failure.status >= 500
        ? htmlReply(failure.status)
        : errors(failure.status, `HTTP ${failure.status}`);
    }
    if (matching.length === 0) return errors(404, 'Not found');
    if (!found) return errors(405, 'Method Not Allowed');
    const { route, params } = found;

    // Datadog answers a missing or wrong key with 403 {"errors":["Forbidden"]}, without saying which key.
    if (!this.apiKeys.has(record.headers['dd-api-key'] ?? '')) return errors(403, 'Forbidden');
    if (route.auth === 'api+app' && !this.appKeys.has(record.headers['dd-application-key'] ?? '')) {
      return errors(403, 'Forbidden');
    }
    const limited = this.countCall(route.limit, record.receivedAt);
    if (limited.refused) return this.rateLimited(route.limit, limited.resetSeconds);

    if ((record.httpMethod === 'POST' || record.httpMethod === 'PUT') && record.body === undefined) {
      const reply = route.template.startsWith('/api/v2/')
        ? jsonApiErrors(400, 'Invalid JSON body')
        : errors(400, 'Invalid JSON');
      return this.withLimitHeaders(reply, route.limit, limited);
    }
    const reply = route.handle(this, {
      params,
      query: url.searchParams,
      body: record.body,
      rawBody: record.rawBody,
    });
    return this.withLimitHeaders(reply, route.limit, limited);
  }

  private countCall(
    name: string,
    now: number,
  ): { refused: boolean; remaining: number; resetSeconds: number } {
    const rule = this.rateLimits[name] ?? { limit: Number.MAX_SAFE_INTEGER, windowMs: HOUR };
    const start = Math.floor(now / rule.windowMs) * rule.windowMs;
    let window = this.windows.get(name);
    if (!window || window.start !== start) {
      window = { start, count: 0 };
      this.windows.set(name, window);
    }
    const resetSeconds = Math.max(1, Math.ceil((start + rule.windowMs - now) / 1000));
    if (window.count >= rule.limit) return { refused: true, remaining: 0, resetSeconds };
    window.count += 1;
    return { refused: false, remaining: rule.limit - window.count, resetSeconds };
  }

  private limitHeaders(name: string, remaining: number, resetSeconds: number): Record<string, string> {
    const rule = this.rateLimits[name];
    if (!rule) return {};
    return {
      'x-ratelimit-limit': String(rule.limit),
      'x-ratelimit-period': String(Math.max(1, Math.round(rule.windowMs / 1000))),
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': String(resetSeconds),
      'x-ratelimit-name': name,
    };
  }

  private withLimitHeaders(
    reply: Reply,
    name: string,
    limited: { remaining: number; resetSeconds: number },
  ): Reply {
    Object.assign(reply.headers, this.limitHeaders(name, limited.remaining, limited.resetSeconds));
    return reply;
  }

  /** Datadog's 429: {"errors":["Rate limit exceeded"]} with its X-RateLimit-* headers. */
  private rateLimited(name: string, resetSeconds: number): Reply {
    const reply = errors(429, 'Rate limit exceeded');
    const rule = this.rateLimits[name] ?? { limit: 1, windowMs: 1000 };
    Object.assign(reply.headers, {
      'x-ratelimit-limit': String(rule.limit),
      'x-ratelimit-period': String(Math.max(1, Math.round(rule.windowMs / 1000))),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(resetSeconds),
      'x-ratelimit-name': name,
    });
    return reply;
  }
}

/** Starts a Datadog emulator on 127.0.0.1 on a free port. */
export function startDatadogEmulator(options: DatadogEmulatorOptions = {}): Promise<DatadogEmulator> {
  return DatadogEmulator.start(options);
}
