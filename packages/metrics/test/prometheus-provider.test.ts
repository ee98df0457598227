// The Prometheus provider against a small fake Prometheus HTTP API: delta arithmetic (resets, new series), the
// PromQL it sends, and how it fails (retries, Retry-After, bad_data, non-JSON) without ever answering zeros.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Clock, Logger } from '@flowkit/core';
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  createPrometheusProvider,
  type PrometheusProviderOptions,
  prometheusBucketQuantile,
  prometheusSeriesDeltas,
} from '../src/prometheus/provider.ts';
import { MetricsUnavailableError } from '../src/provider.ts';

interface Seen {
  path: string;
  query: string | null;
  time: string | null;
  headers: IncomingMessage['headers'];
}

type Reply = { status: number; body: string; headers?: Record<string, string> } | 'hang';

interface Fake {
  url: string;
  seen: Seen[];
  close(): Promise<void>;
}

const servers: Fake[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function fakePrometheus(answer: (seen: Seen) => Reply): Promise<Fake> {
  const seen: Seen[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const entry: Seen = {
      path: url.pathname,
      query: url.searchParams.get('query'),
      time: url.searchParams.get('time'),
      headers: req.headers,
    };
    seen.push(entry);
    const reply = answer(entry);
    if (reply === 'hang') return;
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(reply.body);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fake: Fake = {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  servers.push(fake);
  return fake;
}

/** A clock that never waits: sleeping moves time on and is recorded. */
function fakeClock(): Clock & { sleeps: number[] } {
  let now = 1_800_000_000_000;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

function recordingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info ${message}`),
    warning: (message) => lines.push(`warning ${message}`),
    debug: (message) => lines.push(`debug ${message}`),
  };
}

const FROM = 1_700_000_000_000;
const TO = FROM + 60_000;
const FROM_PARAM = '1700000000.000';
const TO_PARAM = '1700000060.000';
const SERVICE = 'deployments-dashboard';
const target = { service: SERVICE, stableVersion: 'stable', canaryVersion: 'canary' };

const SELECTOR = `job="${SERVICE}",route!~"/healthz|/metrics",version=~"stable|canary"`;
const REQUESTS_QUERY = `http_requests_total{${SELECTOR}}`;
const ERRORS_QUERY = `http_requests_total{${SELECTOR},status=~"5.."}`;
const BUCKETS_QUERY = `http_request_duration_seconds_bucket{${SELECTOR}}`;

function vector(series: [Record<string, string>, number][]): Reply {
  return {
    status: 200,
    body: JSON.stringify({
      status: 'success',
      data: {
        resultType: 'vector',
        result: series.map(([metric, value]) => ({ metric, value: [1_700_000_000, String(value)] })),
      },
    }),
  };
}

const req = (instance: string, version: string, status: string) => ({
  __name__: 'http_requests_total',
  job: SERVICE,
  instance,
  route: '/api/deployments/top',
  method: 'GET',
  status,
  version,
});
const bucket = (instance: string, version: string, le: string) => ({
  __name__: 'http_request_duration_seconds_bucket',
  job: SERVICE,
  instance,
  route: '/api/deployments/top',
  version,
  le,
});

/** Requests: stable on two instances (b restarted in the window), canary new in the window. */
const DATA: Record<string, Record<string, [Record<string, string>, number][]>> = {
  [REQUESTS_QUERY]: {
    [FROM_PARAM]: [
      [req('a', 'stable', '200'), 100],
      [req('b', 'stable', '200'), 50],
      [req('a', 'stable', '500'), 2],
    ],
    [TO_PARAM]: [
      [req('a', 'stable', '200'), 130],
      [req('b', 'stable', '200'), 20],
      [req('a', 'stable', '500'), 3],
      [req('c', 'canary', '200'), 10],
      [req('c', 'canary', '500'), 5],
    ],
  },
  [ERRORS_QUERY]: {
    [FROM_PARAM]: [[req('a', 'stable', '500'), 2]],
    [TO_PARAM]: [
      [req('a', 'stable', '500'), 3],
      [req('c', 'canary', '500'), 5],
    ],
  },
  [BUCKETS_QUERY]: {
    [FROM_PARAM]: [
      [bucket('a', 'stable', '0.1'), 90],
      [bucket('a', 'stable', '0.25'), 95],
      [bucket('a', 'stable', '0.5'), 100],
      [bucket('a', 'stable', '+Inf'), 102],
    ],
    [TO_PARAM]: [
      [bucket('a', 'stable', '0.1'), 110],
      [bucket('a', 'stable', '0.25'), 120],
      [bucket('a', 'stable', '0.5'), 128],
      [bucket('a', 'stable', '+Inf'), 133],
      [bucket('c', 'canary', '0.1'), 2],
      [bucket('c', 'canary', '0.25'), 5],
      [bucket('c', 'canary', '0.5'), 12],
      [bucket('c', 'canary', '+Inf'), 15],
    ],
  },
};

function fromData(seen: Seen): Reply {
  const byTime = seen.query === null ? undefined : DATA[seen.query];
  if (byTime === undefined) {
    return {
      status: 400,
      body: JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'unexpected' }),
    };
  }
  return vector(byTime[seen.time ?? ''] ?? []);
}

function provider(url: string, extra: Partial<PrometheusProviderOptions> = {}) {
  const clock = fakeClock();
  const log = recordingLog();
  const metrics = createPrometheusProvider({
    url,
    target,
    clock,
    log,
    random: () => 0.5,
    retry: { retries: 2, budgetMs: 60_000 },
    timeoutMs: 5000,
    ...extra,
  });
  return { metrics, clock, log };
}

describe('Prometheus provider: counts from raw counter deltas', () => {
  it('subtracts per series, counts a reset as the new value and a new series from 0, and rounds the threshold up to a bucket', async () => {
    const fake = await fakePrometheus(fromData);
    const { metrics } = provider(fake.url);

    const counts = await metrics.counts({ from: FROM, to: TO, slowAboveSeconds: 0.2 });

    expect(counts).toEqual({
      // 30 on instance a, 20 after b's restart (not 20 − 50), 1 more 500.
      baseline: { requests: 51, errors: 1, slow: 31 - 25 },
      // No series at `from`: the canary started in the window.
      canary: { requests: 15, errors: 5, slow: 15 - 5 },
      slowAboveSeconds: 0.25,
    });
    const asked = fake.seen.map((s) => `${s.path} ${s.query} @${s.time}`).sort();
    expect(asked).toEqual(
      [
        `/api/v1/query ${BUCKETS_QUERY} @${FROM_PARAM}`,
        `/api/v1/query ${BUCKETS_QUERY} @${TO_PARAM}`,
        `/api/v1/query ${ERRORS_QUERY} @${FROM_PARAM}`,
        `/api/v1/query ${ERRORS_QUERY} @${TO_PARAM}`,
        `/api/v1/query ${REQUESTS_QUERY} @${FROM_PARAM}`,
        `/api/v1/query ${REQUESTS_QUERY} @${TO_PARAM}`,
      ].sort(),
    );
    expect(fake.seen.every((s) => !/increase|rate\(/.test(s.query ?? ''))).toBe(true);
  });

  it('uses an exact bucket bound as it is, and the configured names, matchers and routes in the PromQL', async () => {
    const fake = await fakePrometheus((seen) =>
      /_bucket/.test(seen.query ?? '')
        ? vector([
            [{ ...bucket('a', '1.2.3', '0.5'), app_version: '1.2.3' }, seen.time === TO_PARAM ? 4 : 1],
            [{ ...bucket('a', '1.2.3', '+Inf'), app_version: '1.2.3' }, seen.time === TO_PARAM ? 9 : 1],
          ])
        : vector([[{ ...req('a', '1.2.3', '200'), app_version: '1.2.3' }, seen.time === TO_PARAM ? 9 : 1]]),
    );
    const { metrics } = provider(fake.url, {
      target: { service: 'shop "eu"', stableVersion: '1.2.3', canaryVersion: '1.3.0-rc.1' },
      requestsMetric: 'api_requests_total',
      durationMetric: 'api_latency_seconds',
      versionLabel: 'app_version',
      serviceLabel: 'app',
      extraMatchers: 'namespace="prod"',
      statusLabel: 'code',
      errorStatusRegex: '5..|429',
      includeRoutes: '/api/.*',
      excludeRoutes: '',
    });

    const counts = await metrics.counts({ from: FROM, to: TO, slowAboveSeconds: 0.5 });

    expect(counts).toEqual({
      baseline: { requests: 8, errors: 8, slow: 8 - 3 },
      canary: { requests: 0, errors: 0, slow: 0 },
      slowAboveSeconds: 0.5,
    });
    const matchers = String.raw`app="shop \"eu\"",namespace="prod",route=~"/api/.*",app_version=~"1\\.2\\.3|1\\.3\\.0-rc\\.1"`;
    expect(new Set(fake.seen.map((s) => s.query))).toEqual(
      new Set([
        `api_requests_total{${matchers}}`,
        `api_requests_total{${matchers},code=~"5..|429"}`,
        `api_latency_seconds_bucket{${matchers}}`,
      ]),
    );
  });

  it('refuses to answer zeros when the stable version has no series at all (wrong selector or not scraped)', async () => {
    const fake = await fakePrometheus(() => vector([]));
    const { metrics } = provider(fake.url);

    const counting = metrics.counts({ from: FROM, to: TO, slowAboveSeconds: 0.25 });

    await expect(counting).rejects.toThrow(MetricsUnavailableError);
    await expect(counting).rejects.toThrow(
      /no http_requests_total\{.*\} series for the stable version 'stable'/,
    );
  });

  it('says so when the threshold is above every finite bucket bound', async () => {
    const fake = await fakePrometheus(fromData);
    const { metrics } = provider(fake.url);

    await expect(metrics.counts({ from: FROM, to: TO, slowAboveSeconds: 2 })).rejects.toThrow(
      /no bucket bound at or above 2 s \(largest 0.5 s\)/,
    );
  });
});

describe('Prometheus provider: latency quantile', () => {
  it('interpolates within the bucket over the window, from per-series deltas of that version only', async () => {
    const fake = await fakePrometheus((seen) => {
      const all = DATA[BUCKETS_QUERY]?.[seen.time ?? ''] ?? [];
      const version = /version="([^"]+)"/.exec(seen.query ?? '')?.[1];
      return vector(all.filter(([labels]) => labels.version === version));
    });
    const { metrics } = provider(fake.url);

    // canary over the window: 2 ≤ 0.1 s, 5 ≤ 0.25 s, 12 ≤ 0.5 s, 15 in all; the median (rank 7.5) is in (0.25, 0.5].
    expect(await metrics.latencyQuantile('canary', 0.5, FROM, TO)).toBeCloseTo(0.25 + 0.25 * (2.5 / 7), 10);
    // Above the largest finite bound: that bound, as histogram_quantile answers.
    expect(await metrics.latencyQuantile('canary', 0.95, FROM, TO)).toBe(0.5);
    expect(await metrics.latencyQuantile('nobody', 0.5, FROM, TO)).toBeUndefined();
    expect(fake.seen[0]?.query).toBe(
      `http_request_duration_seconds_bucket{job="${SERVICE}",route!~"/healthz|/metrics",version="canary"}`,
    );
  });

  it('computes quantiles and deltas like Prometheus (helpers)', () => {
    const buckets = [
      { le: Number.POSITIVE_INFINITY, count: 10 },
      { le: 1, count: 10 },
      { le: 0.5, count: 0 },
    ];
    expect(prometheusBucketQuantile(0.5, buckets)).toBe(0.75);
    expect(prometheusBucketQuantile(0.5, [{ le: Number.POSITIVE_INFINITY, count: 0 }])).toBeUndefined();
    expect(() => prometheusBucketQuantile(0.5, [{ le: 1, count: 3 }])).toThrow(/\+Inf/);
    expect(
      prometheusSeriesDeltas(
        [
          { labels: { a: '1' }, value: 5 },
          { labels: { a: '2' }, value: 9 },
          { labels: { a: '3' }, value: 1 },
        ],
        [
          { labels: { a: '1' }, value: 8 },
          { labels: { a: '2' }, value: 4 },
          { labels: { a: '4' }, value: 6 },
        ],
      ),
    ).toEqual([
      { labels: { a: '1' }, value: 3 },
      { labels: { a: '2' }, value: 4 },
      { labels: { a: '4' }, value: 6 },
    ]);
  });
});

describe('Prometheus provider: failures', () => {
  it('honours Retry-After on 429 and 503, then answers', async () => {
    let calls = 0;
    const fake = await fakePrometheus(() => {
      calls += 1;
      if (calls === 1) return { status: 429, body: 'slow down', headers: { 'retry-after': '7' } };
      if (calls === 2) {
        return {
          status: 503,
          body: JSON.stringify({ status: 'error', errorType: 'timeout', error: 'query timed out' }),
          headers: { 'retry-after': '3' },
        };
      }
      return { status: 200, body: JSON.stringify({ status: 'success', data: { alerts: [] } }) };
    });
    const { metrics, clock, log } = provider(fake.url);

    expect(await metrics.firingAlerts()).toEqual([]);

    expect(clock.sleeps).toEqual([7000, 3000]);
    expect(fake.seen.map((s) => s.path)).toEqual(['/api/v1/alerts', '/api/v1/alerts', '/api/v1/alerts']);
    expect(log.lines.join('\n')).toMatch(/HTTP 503 \(timeout: query timed out\); retrying in 3 s/);
  });

  it('retries 5xx a bounded number of times, then throws MetricsUnavailableError (never zeros)', async () => {
    const fake = await fakePrometheus(() => ({ status: 502, body: '<html>bad gateway</html>' }));
    const { metrics, clock } = provider(fake.url);

    const counting = metrics.counts({ from: FROM, to: TO, slowAboveSeconds: 0.25 });

    await expect(counting).rejects.toThrow(MetricsUnavailableError);
    await expect(counting).rejects.toThrow(/HTTP 502 .*bad gateway.*gave up after 3 attempts/);
    // 3 queries pairs × 2 times, each tried 3 times (1 + 2 retries), backoff waits with no real time passing.
    expect(fake.seen).toHaveLength(6 * 3);
    expect(clock.sleeps.length).toBe(6 * 2);
  });

  it('does not retry a PromQL error (400 bad_data) and names the query', async () => {
    const fake = await fakePrometheus(() => ({
      status: 400,
      body: JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'invalid regular expression' }),
    }));
    const { metrics, clock } = provider(fake.url);

    const quantile = metrics.latencyQuantile('canary', 0.5, FROM, TO);

    await expect(quantile).rejects.toThrow(MetricsUnavailableError);
    await expect(quantile).rejects.toThrow(
      /rejected query http_request_duration_seconds_bucket\{.*\} at .* with HTTP 400 \(bad_data: invalid regular expression\)/,
    );
    expect(fake.seen).toHaveLength(2);
    expect(clock.sleeps).toEqual([]);
  });

  it('handles a body that is not JSON, and a success-less one', async () => {
    const html = await fakePrometheus(() => ({ status: 200, body: '<html>Sign in</html>' }));
    await expect(provider(html.url).metrics.firingAlerts()).rejects.toThrow(
      /HTTP 200 but not JSON \("<html>Sign in<\/html>"\)/,
    );
    const odd = await fakePrometheus(() => ({
      status: 200,
      body: JSON.stringify({ status: 'error', errorType: 'execution', error: 'boom' }),
    }));
    await expect(provider(odd.url).metrics.firingAlerts()).rejects.toThrow(
      /without success \(execution: boom\)/,
    );
    const wrongShape = await fakePrometheus(() => ({
      status: 200,
      body: JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [] } }),
    }));
    await expect(provider(wrongShape.url).metrics.latencyQuantile('canary', 0.5, FROM, TO)).rejects.toThrow(
      /no instant vector \(resultType matrix\)/,
    );
  });

  it('retries a request that times out, then gives up', async () => {
    const fake = await fakePrometheus(() => 'hang');
    const { metrics } = provider(fake.url, { timeoutMs: 100, retry: { retries: 1, budgetMs: 60_000 } });

    await expect(metrics.firingAlerts()).rejects.toThrow(/no answer within 100 ms.*gave up after 2 attempts/);
    expect(fake.seen).toHaveLength(2);
  });

  it('sends credentials as headers and never puts them in messages', async () => {
    const fake = await fakePrometheus(() => ({ status: 401, body: 'unauthorized' }));
    const withToken = provider(fake.url, {
      bearerToken: 's3cret-token',
      headers: { 'x-scope-orgid': 'team-a' },
    });
    const failure = await withToken.metrics.firingAlerts().catch((error: Error) => error);
    expect(failure).toBeInstanceOf(MetricsUnavailableError);
    expect(String((failure as Error).message)).toMatch(/HTTP 401: check the bearer token/);
    expect(fake.seen[0]?.headers.authorization).toBe('Bearer s3cret-token');
    expect(fake.seen[0]?.headers['x-scope-orgid']).toBe('team-a');

    const withBasic = provider(fake.url.replace('http://', 'http://user:pw-in-url@'), {
      basicAuth: { username: 'u', password: 'p4ss' },
    });
    const again = await withBasic.metrics.firingAlerts().catch((error: Error) => error);
    expect(fake.seen[1]?.headers.authorization).toBe(`Basic ${Buffer.from('u:p4ss').toString('base64')}`);
    for (const text of [String((again as Error).message), ...withToken.log.lines, ...withBasic.log.lines]) {
      expect(text).not.toMatch(/s3cret|p4ss|pw-in-url/);
    }
  });

  it('checks its options before any request', () => {
    expect(() => provider('ftp://x')).toThrow(/Input 'url' is not an http\(s\) URL/);
    expect(() => provider('http://x', { versionLabel: 'bad-label' })).toThrow(/Input 'versionLabel'/);
    expect(() => provider('http://x', { excludeRoutes: '(' })).toThrow(
      /Input 'excludeRoutes' is not a valid regex/,
    );
    expect(() =>
      provider('http://x', { target: { service: 's', stableVersion: 'v1', canaryVersion: 'v1' } }),
    ).toThrow(/equals the stable version/);
  });
});

describe('Prometheus provider: firing alerts', () => {
  it('lists firing alerts of the service with their version, once each', async () => {
    const alert = (state: string, labels: Record<string, string>) => ({
      labels,
      annotations: {},
      state,
      value: '1',
    });
    const fake = await fakePrometheus(() => ({
      status: 200,
      body: JSON.stringify({
        status: 'success',
        data: {
          alerts: [
            alert('firing', { alertname: 'FlowkitErrorRateHigh', service: SERVICE, version: 'canary' }),
            alert('firing', {
              alertname: 'FlowkitErrorRateHigh',
              service: SERVICE,
              version: 'canary',
              instance: 'b',
            }),
            alert('pending', { alertname: 'FlowkitLatencyP95High', service: SERVICE, version: 'canary' }),
            alert('firing', { alertname: 'TargetDown', job: SERVICE }),
            alert('firing', { alertname: 'FlowkitErrorRateHigh', service: 'other', version: 'canary' }),
          ],
        },
      }),
    }));
    const { metrics } = provider(fake.url);

    expect(await metrics.firingAlerts()).toEqual([
      { name: 'FlowkitErrorRateHigh', version: 'canary', url: `${fake.url}/alerts` },
      { name: 'TargetDown', url: `${fake.url}/alerts` },
    ]);
  });
});
