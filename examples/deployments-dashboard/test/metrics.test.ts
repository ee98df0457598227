import { describe, expect, test } from '@jest/globals';
import {
  Counter,
  DURATION_BUCKETS,
  escapeHelp,
  escapeLabelValue,
  formatLabels,
  formatValue,
  Histogram,
  methodLabel,
  routeLabel,
  ServiceMetrics,
} from '../server/metrics.ts';

describe('exposition format', () => {
  test('escapes backslash, double quote and line feed in label values', () => {
    expect(escapeLabelValue('a\\b "c"\nd')).toBe('a\\\\b \\"c\\"\\nd');
    expect(formatLabels([['path', 'C:\\x "y"']])).toBe('{path="C:\\\\x \\"y\\""}');
    expect(formatLabels([])).toBe('');
  });

  test('escapes backslash and line feed in HELP, but not quotes', () => {
    expect(escapeHelp('one\\two\n"three"')).toBe('one\\\\two\\n"three"');
  });

  test('writes special values as Prometheus does', () => {
    expect(
      [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN, 0.005, 10].map(formatValue),
    ).toEqual(['+Inf', '-Inf', 'NaN', '0.005', '10']);
  });

  test('a counter writes HELP, TYPE and one line per label set, labels in declared order', () => {
    const counter = new Counter('jobs_total', 'Jobs done.', ['queue', 'result']);
    counter.inc({ result: 'ok', queue: 'fast' });
    counter.inc({ queue: 'fast', result: 'ok' }, 2);
    counter.inc({ queue: 'slow\n"x"', result: 'failed' });
    expect(counter.render()).toEqual([
      '# HELP jobs_total Jobs done.',
      '# TYPE jobs_total counter',
      'jobs_total{queue="fast",result="ok"} 3',
      'jobs_total{queue="slow\\n\\"x\\"",result="failed"} 1',
    ]);
  });

  test('a counter refuses an observation that lacks a label', () => {
    const counter = new Counter('jobs_total', 'Jobs done.', ['queue']);
    expect(() => counter.inc({})).toThrow('jobs_total: label queue is missing');
  });

  test('a histogram writes cumulative buckets, +Inf, sum and count', () => {
    const histogram = new Histogram('wait_seconds', 'Waits.', ['route'], [0.1, 1, 0.5]);
    for (const value of [0.05, 0.1, 0.3, 0.7, 4]) histogram.observe({ route: '/' }, value);
    expect(histogram.render()).toEqual([
      '# HELP wait_seconds Waits.',
      '# TYPE wait_seconds histogram',
      'wait_seconds_bucket{route="/",le="0.1"} 2',
      'wait_seconds_bucket{route="/",le="0.5"} 3',
      'wait_seconds_bucket{route="/",le="1"} 4',
      'wait_seconds_bucket{route="/",le="+Inf"} 5',
      'wait_seconds_sum{route="/"} 5.15',
      'wait_seconds_count{route="/"} 5',
    ]);
  });

  test('a histogram cannot take "le" as one of its own labels', () => {
    expect(() => new Histogram('x_seconds', 'X.', ['le'], [1])).toThrow('"le" is reserved');
  });
});

describe('route and method labels', () => {
  test('known routes keep their path', () => {
    for (const route of ['/', '/api/deployments/top', '/healthz', '/version', '/metrics', '/admin/fault']) {
      expect(routeLabel(route)).toBe(route);
    }
  });

  test('file names are static, anything else is other: raw paths never become labels', () => {
    expect(routeLabel('/assets/index-MWyCcewA.js')).toBe('static');
    expect(routeLabel('/index.html')).toBe('static');
    expect(routeLabel('/favicon.ico')).toBe('static');
    expect(routeLabel('/api/deployments/top/')).toBe('other');
    expect(routeLabel('/api/deployments/42')).toBe('other');
    expect(routeLabel('/.env')).toBe('other');
    expect(routeLabel('/wp-login.php?x=1')).toBe('other');
  });

  test('standard methods keep their name, anything else is other', () => {
    expect(methodLabel('get')).toBe('GET');
    expect(methodLabel('DELETE')).toBe('DELETE');
    expect(methodLabel('PROPFIND')).toBe('other');
    expect(methodLabel(undefined)).toBe('other');
  });
});

describe('ServiceMetrics', () => {
  const identity = { version: 'canary', commit: 'abc1234', startedAtMs: 1_772_445_600_500 };

  test('counts requests by route, method, status and version, and times them by route and version', () => {
    const metrics = new ServiceMetrics(identity);
    metrics.observe({ route: '/api/deployments/top', method: 'GET', status: 200, durationSeconds: 0.02 });
    metrics.observe({ route: '/api/deployments/top', method: 'GET', status: 500, durationSeconds: 0.3 });
    const text = metrics.render();
    expect(text).toContain(
      'http_requests_total{route="/api/deployments/top",method="GET",status="200",version="canary"} 1\n',
    );
    expect(text).toContain(
      'http_requests_total{route="/api/deployments/top",method="GET",status="500",version="canary"} 1\n',
    );
    expect(text).toContain('# TYPE http_request_duration_seconds histogram\n');
    expect(text).toContain(
      'http_request_duration_seconds_bucket{route="/api/deployments/top",version="canary",le="0.025"} 1\n',
    );
    expect(text).toContain(
      'http_request_duration_seconds_bucket{route="/api/deployments/top",version="canary",le="0.5"} 2\n',
    );
    expect(text).toContain(
      'http_request_duration_seconds_count{route="/api/deployments/top",version="canary"} 2\n',
    );
    expect(text).toContain(
      'http_request_duration_seconds_sum{route="/api/deployments/top",version="canary"} 0.32\n',
    );
    const bounds = [
      ...text.matchAll(/_bucket\{route="\/api\/deployments\/top",version="canary",le="([^"]+)"\}/g),
    ].map((match) => match[1]);
    expect(bounds).toEqual([...DURATION_BUCKETS.map(String), '+Inf']);
  });

  test('reports the start time, the build and the requests in flight', () => {
    const metrics = new ServiceMetrics(identity);
    metrics.requestStarted();
    metrics.requestStarted();
    metrics.requestEnded();
    const text = metrics.render();
    expect(text).toContain(
      '# TYPE process_start_time_seconds gauge\nprocess_start_time_seconds 1772445600.5\n',
    );
    expect(text).toContain('app_info{version="canary",commit="abc1234"} 1\n');
    expect(text).toContain('http_requests_in_flight{version="canary"} 1\n');
    expect(text.endsWith('\n')).toBe(true);
  });

  test('every line is a comment or a well-formed sample', () => {
    const metrics = new ServiceMetrics(identity);
    metrics.observe({ route: 'static', method: 'HEAD', status: 404, durationSeconds: 12 });
    const sample =
      /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\[\\"n])*",?)*\})? [-+0-9.eInfNa]+$/;
    for (const line of metrics.render().trimEnd().split('\n')) {
      if (!line.startsWith('# ')) expect(line).toMatch(sample);
    }
  });
});
