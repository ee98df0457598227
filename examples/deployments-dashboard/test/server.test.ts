import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { DEFAULT_FIXTURE, readConfig } from '../server/config.ts';
import { SourceError } from '../server/deployment-source.ts';
import { topActiveDeployments } from '../server/deployments.ts';
import { createFixtureSource } from '../server/fixture-source.ts';
import { type RunningServer, type ServerOverrides, startServer } from '../server/server.ts';
import { bodyOf, makeStaticTree, rawRequest, type StaticTree } from './helpers.ts';

const NOW = Date.parse('2026-03-02T10:00:00Z');
const ADMIN_TOKEN = 'test-admin-token-0123456789';
const COMMIT = '9fceb02d0ae598e95dc970b74767f19372d61af8';

let tree: StaticTree;
const running: RunningServer[] = [];
let logged: string[] = [];

beforeAll(() => {
  tree = makeStaticTree();
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
  logged = [];
});

afterAll(() => tree.remove());

/** Starts a server on 127.0.0.1:0 over the temporary static tree, with a fixed clock; stopped after the test. */
async function start(
  env: Record<string, string> = {},
  overrides: ServerOverrides = {},
): Promise<RunningServer> {
  const config = readConfig({ PORT: '0', STATIC_DIR: tree.staticDir, COMMIT, VERSION: 'canary', ...env });
  const server = await startServer(config, {
    now: () => NOW,
    log: (line) => logged.push(line),
    ...overrides,
  });
  running.push(server);
  return server;
}

/** A random source answering the given numbers in turn. */
function sequence(...values: number[]): () => number {
  let index = 0;
  return () => values[index++] ?? 0.5;
}

describe('routes', () => {
  test('/healthz answers ok with the commit and version', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual({ status: 'ok', commit: COMMIT, version: 'canary' });
  });

  test('/version answers the commit, the version and the start time', async () => {
    const { url } = await start();
    expect(await (await fetch(`${url}/version`)).json()).toEqual({
      commit: COMMIT,
      version: 'canary',
      startedAt: '2026-03-02T10:00:00.000Z',
    });
  });

  test('/api/deployments/top answers the top 5 active deployments of the fixture', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/api/deployments/top`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { deployments: { environment: string }[]; source: string };
    const fixture = await createFixtureSource(DEFAULT_FIXTURE, NOW).list();
    expect(body).toEqual({
      deployments: topActiveDeployments(fixture, NOW),
      source: 'fixture',
      generated_at: '2026-03-02T10:00:00.000Z',
    });
    expect(body.deployments.map((row) => row.environment)).toEqual([
      'canary',
      'preview-pr-91',
      'staging',
      'production',
      'demo',
    ]);
  });

  test('/ serves the widget page with its security policy; HEAD gives the headers alone', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<title>Deployments dashboard</title>');
    const head = await rawRequest(url, '/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    expect(head.body).toBe('');
  });

  test('serves the built assets with their content types, cached for good', async () => {
    const { url } = await start();
    const script = await fetch(`${url}/assets/index-abc123.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await script.text()).toBe('console.log("widget");');
    const style = await fetch(`${url}/assets/index-abc123.css?v=1`);
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  test('answers 404 for what is not there', async () => {
    const { url } = await start();
    for (const path of ['/missing.js', '/nope', '/assets/', '/assets', '/api/deployments']) {
      const response = await fetch(`${url}${path}`);
      expect([path, response.status]).toEqual([path, 404]);
      expect(await response.json()).toEqual({ error: 'not found' });
    }
  });

  test.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/leak.txt',
    '/.env',
    '/%00index.html',
    '/%E0%A4%A',
    '//etc/passwd',
  ])('never serves a file outside the static directory: %s', async (target) => {
    const { url } = await start();
    const answer = await rawRequest(url, target);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain('top secret');
    expect(answer.body).not.toContain('HIDDEN');
  });

  test('a route answers 405 with Allow for a method it does not take; an unknown path 404', async () => {
    const { url } = await start();
    const post = await fetch(`${url}/api/deployments/top`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect((await fetch(`${url}/healthz`, { method: 'DELETE' })).status).toBe(405);
    expect((await fetch(`${url}/index.html`, { method: 'PUT' })).status).toBe(404);
  });

  test('/ says the widget is not built when the static directory has no index.html', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'dashboard-empty-'));
    try {
      const { url } = await start({ STATIC_DIR: empty });
      const response = await fetch(`${url}/`);
      expect(response.status).toBe(404);
      expect((await bodyOf(response)).error).toBe(`the widget is not built: no index.html in ${empty}`);
    } finally {
      rmSync(empty, { recursive: true });
    }
  });

  test('an unexpected error is a logged 500, not a hung request', async () => {
    const { url } = await start(
      {},
      {
        source: {
          kind: 'fixture',
          list: () => Promise.reject(new TypeError('cannot read properties of undefined')),
        },
      },
    );
    const response = await fetch(`${url}/api/deployments/top`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: 'internal error' });
    expect(logged.join('\n')).toContain('GET /api/deployments/top: 500 TypeError: cannot read properties');
  });

  test('a source that cannot answer is a 502 with the reason', async () => {
    const { url } = await start(
      {},
      { source: { kind: 'github', list: () => Promise.reject(new SourceError('GitHub answered 503')) } },
    );
    const response = await fetch(`${url}/api/deployments/top`);
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ error: 'GitHub answered 503' });
  });
});

describe('fault switch', () => {
  test('fails app routes with the configured probability, and never health, version, metrics or assets', async () => {
    const { url } = await start({ FAULT_ERROR_RATE: '0.5' }, { random: sequence(0.1, 0.9, 0.2, 0.7) });
    const api = await fetch(`${url}/api/deployments/top`);
    expect(api.status).toBe(500);
    expect((await bodyOf(api)).error).toContain('fault injected');
    expect((await fetch(`${url}/api/deployments/top`)).status).toBe(200);
    expect((await fetch(`${url}/`)).status).toBe(500);
    expect((await fetch(`${url}/`)).status).toBe(200);
    for (const path of ['/healthz', '/version', '/metrics', '/assets/index-abc123.js']) {
      expect([path, (await fetch(`${url}${path}`)).status]).toEqual([path, 200]);
    }
  });

  test('FAULT_ERROR_RATE=1 fails every app request; health still answers ok', async () => {
    const { url } = await start({ FAULT_ERROR_RATE: '1' });
    for (let index = 0; index < 5; index++)
      expect((await fetch(`${url}/api/deployments/top`)).status).toBe(500);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  test('adds the latency before answering, and the histogram sees it', async () => {
    const { url } = await start({ FAULT_LATENCY_MS: '150' });
    const started = performance.now();
    expect((await fetch(`${url}/api/deployments/top`)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(149);
    const healthStarted = performance.now();
    await fetch(`${url}/healthz`);
    expect(performance.now() - healthStarted).toBeLessThan(150);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain(
      'http_request_duration_seconds_bucket{route="/api/deployments/top",version="canary",le="0.1"} 0\n',
    );
    expect(metrics).toContain(
      'http_request_duration_seconds_count{route="/api/deployments/top",version="canary"} 1\n',
    );
  });
});

describe('POST /admin/fault', () => {
  const auth = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };

  test('does not exist without ADMIN_TOKEN', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/admin/fault`, {
      method: 'POST',
      headers: auth,
      body: '{"errorRate":1}',
    });
    expect(response.status).toBe(404);
    expect((await fetch(`${url}/api/deployments/top`)).status).toBe(200);
  });

  test('needs the bearer token', async () => {
    const { url } = await start({ ADMIN_TOKEN });
    for (const authorization of [undefined, `Bearer ${ADMIN_TOKEN}x`, ADMIN_TOKEN, 'Basic abc']) {
      const headers: Record<string, string> = authorization ? { authorization } : {};
      const response = await fetch(`${url}/admin/fault`, {
        method: 'POST',
        headers,
        body: '{"errorRate":1}',
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="admin"');
    }
    expect((await fetch(`${url}/api/deployments/top`)).status).toBe(200);
  });

  test('changes the fault at run time, one field at a time, and shows it', async () => {
    const { url } = await start({ ADMIN_TOKEN, FAULT_LATENCY_MS: '5' }, { random: sequence(0.1, 0.3) });
    const set = await fetch(`${url}/admin/fault`, {
      method: 'POST',
      headers: auth,
      body: '{"errorRate": 0.2}',
    });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ errorRate: 0.2, latencyMs: 5 });
    expect((await fetch(`${url}/api/deployments/top`)).status).toBe(500);
    expect((await fetch(`${url}/api/deployments/top`)).status).toBe(200);
    const read = await fetch(`${url}/admin/fault`, { headers: auth });
    expect(await read.json()).toEqual({ errorRate: 0.2, latencyMs: 5 });
    expect(logged).toContain('fault switch set: errorRate 0.2, latencyMs 5');
    const off = await fetch(`${url}/admin/fault`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ errorRate: 0, latencyMs: 0 }),
    });
    expect(await off.json()).toEqual({ errorRate: 0, latencyMs: 0 });
  });

  test('refuses a body it cannot use and changes nothing', async () => {
    const { url } = await start({ ADMIN_TOKEN });
    const cases: [string, number, string][] = [
      ['{"errorRate": 2}', 400, 'errorRate: expected a number from 0 to 1'],
      ['{"latency": 300}', 400, 'unknown field latency'],
      ['errorRate=1', 400, 'expected a JSON body'],
      [`{"pad": "${'x'.repeat(5000)}"}`, 413, 'body larger than 4096 bytes'],
    ];
    for (const [body, status, message] of cases) {
      const response = await fetch(`${url}/admin/fault`, { method: 'POST', headers: auth, body });
      expect([body.slice(0, 20), response.status]).toEqual([body.slice(0, 20), status]);
      expect((await bodyOf(response)).error).toContain(message);
    }
    expect(await (await fetch(`${url}/admin/fault`, { headers: auth })).json()).toEqual({
      errorRate: 0,
      latencyMs: 0,
    });
  });
});

describe('GET /metrics', () => {
  test('counts requests by normalised route, method, status and version in the Prometheus text format', async () => {
    const { url } = await start();
    await fetch(`${url}/api/deployments/top`);
    await fetch(`${url}/api/deployments/top`);
    await fetch(`${url}/assets/index-abc123.js`);
    await fetch(`${url}/wp-admin/setup`);
    await fetch(`${url}/`, { method: 'HEAD' });
    const response = await fetch(`${url}/metrics`);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await response.text();
    const v = 'version="canary"';
    expect(text).toContain(
      `http_requests_total{route="/api/deployments/top",method="GET",status="200",${v}} 2\n`,
    );
    expect(text).toContain(`http_requests_total{route="static",method="GET",status="200",${v}} 1\n`);
    expect(text).toContain(`http_requests_total{route="other",method="GET",status="404",${v}} 1\n`);
    expect(text).toContain(`http_requests_total{route="/",method="HEAD",status="200",${v}} 1\n`);
    expect(text).toContain(`http_request_duration_seconds_count{route="static",${v}} 1\n`);
    expect(text).toContain(`app_info{version="canary",commit="${COMMIT}"} 1\n`);
    expect(text).toContain(`process_start_time_seconds ${NOW / 1000}\n`);
    // The /metrics request itself is in flight while the text is made.
    expect(text).toContain(`http_requests_in_flight{${v}} 1\n`);
    expect(text).not.toContain('wp-admin');
    expect(text).not.toContain('index-abc123');
  });
});

describe('graceful shutdown', () => {
  test('finishes a request in flight, then refuses new connections', async () => {
    const server = await start({ FAULT_LATENCY_MS: '200' });
    let closed: Promise<void> | undefined;
    // Closing exactly when the request has arrived: it is in flight, sleeping in the injected latency.
    server.server.once('request', () => {
      closed = server.close();
    });
    const response = await fetch(`${server.url}/api/deployments/top`);
    expect(response.status).toBe(200);
    expect(response.headers.get('connection')).toBe('close');
    expect((await bodyOf(response)).deployments).toHaveLength(5);
    await closed;
    expect(server.server.listening).toBe(false);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  test('cuts what is still in flight after the grace period', async () => {
    const server = await start({ FAULT_LATENCY_MS: '30000' }, { shutdownGraceMs: 20 });
    let closed: Promise<void> | undefined;
    server.server.once('request', () => {
      closed = server.close();
    });
    const started = performance.now();
    await expect(rawRequest(server.url, '/api/deployments/top')).rejects.toThrow('socket hang up');
    await closed;
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
