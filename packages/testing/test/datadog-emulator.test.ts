// The Datadog emulator: keys, rate limits with Datadog's headers, validation, seeded queries, monitor search.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import {
  type DatadogEmulator,
  DEFAULT_DD_API_KEY,
  DEFAULT_DD_APP_KEY,
  datadogQueryProblem,
  doraTimestampMs,
  startDatadogEmulator,
} from '../src/datadog-emulator.ts';

const KEYS = { 'dd-api-key': DEFAULT_DD_API_KEY, 'dd-application-key': DEFAULT_DD_APP_KEY };
let now = Date.UTC(2026, 10, 20, 10, 0, 30);
let dd: DatadogEmulator;

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = KEYS) {
  const response = await fetch(`${dd.url}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

beforeAll(async () => {
  dd = await startDatadogEmulator({
    now: () => now,
    rateLimits: { monitor_search: { limit: 2, windowMs: 60_000 } },
  });
});
afterAll(() => dd.stop());

describe('Datadog emulator', () => {
  test('refuses a wrong API key or application key with 403 {"errors":["Forbidden"]}', async () => {
    expect(
      await call('GET', '/api/v1/monitor', undefined, {
        'dd-api-key': 'nope',
        'dd-application-key': DEFAULT_DD_APP_KEY,
      }),
    ).toMatchObject({
      status: 403,
      body: { errors: ['Forbidden'] },
    });
    expect(
      (await call('GET', '/api/v1/monitor', undefined, { 'dd-api-key': DEFAULT_DD_API_KEY })).status,
    ).toBe(403);
    // The key validation and events need the API key only.
    expect(
      await call('GET', '/api/v1/validate', undefined, { 'dd-api-key': DEFAULT_DD_API_KEY }),
    ).toMatchObject({
      status: 200,
      body: { valid: true },
    });
  });

  test('answers 429 with the X-RateLimit headers once a limit is used up, until the window resets', async () => {
    now = Date.UTC(2026, 10, 20, 10, 1, 15);
    expect((await call('GET', '/api/v1/monitor/search?query=status:alert')).status).toBe(200);
    const second = await call('GET', '/api/v1/monitor/search?query=status:alert');
    expect(second.headers.get('x-ratelimit-remaining')).toBe('0');
    const refused = await call('GET', '/api/v1/monitor/search?query=status:alert');
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ errors: ['Rate limit exceeded'] });
    expect(
      Object.fromEntries([...refused.headers].filter(([name]) => name.startsWith('x-ratelimit'))),
    ).toEqual({
      'x-ratelimit-limit': '2',
      'x-ratelimit-period': '60',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '45',
      'x-ratelimit-name': 'monitor_search',
    });
    now = Date.UTC(2026, 10, 20, 10, 2, 0);
    expect((await call('GET', '/api/v1/monitor/search?query=status:alert')).status).toBe(200);
  });

  test('validates monitors as Datadog does: type, query, thresholds, tags', async () => {
    const good = {
      name: 'web errors',
      type: 'query alert',
      query: 'avg(last_5m):p95:trace.http.request{service:web,env:prod} > 0.5',
      message: 'hi',
      tags: ['service:web'],
      options: { thresholds: { critical: 0.5, warning: 0.3 } },
    };
    expect(await call('POST', '/api/v1/monitor/validate', good)).toEqual(
      expect.objectContaining({ status: 200, body: {} }),
    );
    const bad = await call('POST', '/api/v1/monitor/validate', {
      ...good,
      type: 'metric',
      options: { thresholds: { critical: 0.4, warning: 0.6 } },
      tags: [7],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      'Invalid monitor type: "metric"',
      "The value provided for parameter 'tags' is invalid: a list of strings is expected",
    ]);
    const thresholds = await call('POST', '/api/v1/monitor', {
      ...good,
      options: { thresholds: { critical: 0.4, warning: 0.6 } },
    });
    expect(thresholds.body.errors).toEqual([
      'Alert threshold (0.4) does not match that used in the query (0.5).',
      'Warning threshold (0.6) must be less than the alert threshold (0.5) with > comparison.',
    ]);
    const query = await call('POST', '/api/v1/monitor', {
      ...good,
      query: 'avg(last_5m):p95:trace.http.request{} > 0.5',
    });
    expect(query.status).toBe(400);
    expect(String((query.body.errors as string[])[0])).toMatch(/parameter 'query' is invalid/);
    expect(dd.state.monitors.size).toBe(0);
  });

  test('answers seeded series for the query text and no series otherwise', async () => {
    const q = 'sum:trace.http.request.hits{service:web,version:2}.as_count()';
    dd.seedSeries(q, [
      [1_000_000_000_000, 5],
      [1_000_000_060_000, 7],
    ]);
    const answer = await call(
      'GET',
      `/api/v1/query?from=1000000000&to=1000000060&query=${encodeURIComponent(q.replace(',', ', '))}`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.series).toEqual([
      expect.objectContaining({
        pointlist: [
          [1_000_000_000_000, 5],
          [1_000_000_060_000, 7],
        ],
        tag_set: ['service:web', 'version:2'],
      }),
    ]);
    const none = await call('GET', '/api/v1/query?from=1000000000&to=1000000060&query=sum:other{*}');
    expect(none.body.series).toEqual([]);
    const broken = await call('GET', '/api/v1/query?from=1000000000&to=1000000060&query=sum:other');
    expect(broken.status).toBe(400);
    expect(
      datadogQueryProblem('count(v: v>0.25):trace.http.request{service:web}.as_count()'),
    ).toBeUndefined();
    expect(datadogQueryProblem('p99.9:trace.http.request{*}')).toBeUndefined();
  });

  test('finds monitors by status and tag; tests set their state', async () => {
    now = Date.UTC(2026, 10, 20, 10, 5, 0);
    const id = dd.addMonitor({
      name: 'web latency',
      query: 'avg(last_5m):p95:trace.http.request{service:web} > 1',
      tags: ['service:web', 'version:2'],
    });
    dd.addMonitor({
      name: 'api latency',
      query: 'avg(last_5m):p95:trace.http.request{service:api} > 1',
      tags: ['service:api'],
    });
    const search = () =>
      call('GET', `/api/v1/monitor/search?query=${encodeURIComponent('status:alert tag:"service:web"')}`);
    expect((await search()).body.monitors).toEqual([]);
    dd.setMonitorState(id, 'Alert');
    expect((await search()).body.monitors).toEqual([
      expect.objectContaining({ id, status: 'Alert', tags: ['service:web', 'version:2'] }),
    ]);
    expect(await call('GET', '/api/v1/monitor/1')).toMatchObject({
      status: 404,
      body: { errors: ['Monitor not found'] },
    });
  });

  test('DORA timestamps are read in seconds, milliseconds or nanoseconds', async () => {
    expect(doraTimestampMs(1693491974)).toBe(1693491974000);
    expect(doraTimestampMs(1693491974123)).toBe(1693491974123);
    expect(doraTimestampMs(1693491974000000000)).toBe(1693491974000);
    expect(doraTimestampMs(1.5)).toBeUndefined();
    const answer = await call(
      'POST',
      '/api/v2/dora/deployment',
      { data: { attributes: { service: 'web', started_at: 5 } } },
      { 'dd-api-key': DEFAULT_DD_API_KEY },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ status: '400', detail: 'Missing required attribute in body: finished_at' }),
    ]);
  });
});
