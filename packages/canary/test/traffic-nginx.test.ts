// The nginx traffic driver against a real nginx proxying to two real example-service processes (stable, canary).
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type ExampleService,
  freePort,
  type LoadResult,
  type RunningNginx,
  runLoad,
  startExampleService,
  startNginx,
} from '@flowkit/testing';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { TrafficDriver } from '../src/traffic/driver.ts';
import { nginxDriver, readNginxOptions, renderNginxFile } from '../src/traffic/nginx.ts';

let stable: ExampleService;
let canary: ExampleService;

beforeAll(async () => {
  [stable, canary] = await Promise.all([
    startExampleService({ version: 'stable' }),
    startExampleService({ version: 'canary' }),
  ]);
});

afterAll(async () => {
  await Promise.all([stable?.stop(), canary?.stop()]);
});

/** The location every test proxies through: the driver's variable, and which upstream answered. */
const PROXY = [
  '        location / {',
  '            proxy_pass http://$flowkit_web;',
  '            add_header X-Upstream $upstream_addr always;',
  '        }',
].join('\n');

/** Starts nginx with the driver's first file (all on stable) in place, as the one-time set-up does. */
async function nginxWith(
  options: Record<string, unknown>,
): Promise<{ nginx: RunningNginx; driver: TrafficDriver; options: Record<string, unknown> }> {
  const statusListen = `127.0.0.1:${await freePort()}`;
  // The file path is known only once the prefix exists: render with a placeholder path, then point the driver at it.
  const initial = renderNginxFile(
    readNginxOptions({ ...options, file: '/placeholder/web.conf', statusListen }),
    0,
  ).text;
  const nginx = await startNginx({ serverBlock: PROXY, includeFiles: { 'web.conf': initial } });
  const full = {
    ...options,
    file: join(nginx.includeDir, 'web.conf'),
    nginx: nginx.nginx,
    nginxArgs: nginx.nginxArgs,
    statusListen,
  };
  return { nginx, driver: nginxDriver(full), options: full };
}

function canaryCount(result: LoadResult): number {
  return result.byUpstream[canary.address] ?? 0;
}

function reloads(log: string): number {
  return log.split('\n').filter((line) => line.includes('SIGHUP')).length;
}

describe('nginx driver, weighted', () => {
  let nginx: RunningNginx;
  let driver: TrafficDriver;
  let options: Record<string, unknown>;

  beforeAll(async () => {
    ({ nginx, driver, options } = await nginxWith({
      name: 'web',
      stable: stable.address,
      canary: canary.address,
    }));
  });
  afterAll(async () => {
    await nginx?.stop();
  });

  test('the canary share of requests follows the weight: 0 → 1 → 5 → 10 → 50 → 100', async () => {
    const requests = 400;
    for (const weight of [0, 1, 5, 10, 50, 100]) {
      await driver.setWeight(weight);
      expect(await driver.currentWeight()).toBe(weight);
      const result = await runLoad({
        url: `${nginx.url}/healthz`,
        ratePerSecond: 1000,
        maxRequests: requests,
        maxInFlight: 8,
      });
      expect(result.failures).toBe(0);
      expect(result.byStatus).toEqual({ '200': requests });
      expect(Object.keys(result.byUpstream).sort()).toEqual(
        [...(weight < 100 ? [stable.address] : []), ...(weight > 0 ? [canary.address] : [])].sort(),
      );
      // One worker, smooth weighted round robin: every run of 100/w requests holds one canary request, so the count
      // is exact up to the cycle the run starts in (a worker of the previous generation still finishing is excluded
      // by the in-force check).
      expect(Math.abs(canaryCount(result) - (requests * weight) / 100)).toBeLessThanOrEqual(
        weight === 0 ? 0 : 2,
      );
    }
  });

  test('setting the weight in force reloads nothing and rewrites nothing', async () => {
    await driver.setWeight(10);
    const workers = await nginx.workerPids();
    const mtime = (await stat(options.file as string)).mtimeMs;
    const reloadsBefore = reloads(await nginx.errorLog());
    expect(reloadsBefore).toBeGreaterThan(0); // the log does show reloads

    await driver.setWeight(10);
    await driver.setWeight(10.0);

    expect(await nginx.workerPids()).toEqual(workers);
    expect((await stat(options.file as string)).mtimeMs).toBe(mtime);
    expect(reloads(await nginx.errorLog())).toBe(reloadsBefore);
    expect(driver.describe()).toMatch(
      /^nginx: 10 % of requests to 127\.0\.0\.1:\d+ \(stable 127\.0\.0\.1:\d+\)/,
    );
  });

  test('a configuration nginx -t refuses leaves the previous file in place and traffic as it was', async () => {
    await driver.setWeight(10);
    const { readFile } = await import('node:fs/promises');
    const before = await readFile(options.file as string, 'utf8');
    const workers = await nginx.workerPids();
    // Valid host:port for Flowkit, but nginx cannot resolve it: `nginx -t` fails with "host not found in upstream".
    const broken = nginxDriver({ ...options, canary: 'no-such-host.invalid:8080' });

    const failure = broken.setWeight(50);
    await expect(failure).rejects.toThrow(
      /nginx rejected the configuration[\s\S]*host not found in upstream/,
    );
    await expect(failure).rejects.toThrow(/back as it was and traffic is unchanged/);

    expect(await readFile(options.file as string, 'utf8')).toBe(before);
    expect(await driver.currentWeight()).toBe(10);
    expect(await nginx.workerPids()).toEqual(workers);
    const result = await runLoad({
      url: `${nginx.url}/healthz`,
      ratePerSecond: 1000,
      maxRequests: 200,
      maxInFlight: 8,
    });
    expect(result.byStatus).toEqual({ '200': 200 });
    expect(Math.abs(canaryCount(result) - 20)).toBeLessThanOrEqual(2);
  });

  test('no request fails while the weight steps through the plan three times (retrying a reset GET once)', async () => {
    const plan = [0, 1, 5, 10, 50, 100];
    let done = false;
    let steps = 0;
    const load = runLoad({
      url: `${nginx.url}/healthz`,
      ratePerSecond: 300,
      until: () => done,
      maxInFlight: 64,
      users: 50,
      retryOnce: true,
    });
    try {
      for (let round = 0; round < 3; round++)
        for (const weight of plan) {
          await driver.setWeight(weight);
          steps++;
        }
    } finally {
      done = true;
    }
    const result = await load;
    console.log(
      `nginx weight changes under load: ${steps} reloads, ${result.total} requests, ${result.retries} retried once (${JSON.stringify(result.retryReasons)}), ${result.failures} failed, ${result.delayed} started late`,
    );
    expect(result.failureMessages).toEqual([]);
    expect(result.failures).toBe(0);
    expect(result.byStatus).toEqual({ '200': result.total });
    expect(result.total).toBeGreaterThan(100);
    expect(steps).toBe(18);
  });
});

describe('nginx driver, sticky by cookie', () => {
  let nginx: RunningNginx;
  let driver: TrafficDriver;
  const users = 2000;
  const cookie = (user: number) => `flowkit_user=user-${user}; theme=dark`;

  beforeAll(async () => {
    ({ nginx, driver } = await nginxWith({
      name: 'web',
      mode: 'sticky',
      cookie: 'flowkit_user',
      stable: stable.address,
      canary: canary.address,
    }));
  });
  afterAll(async () => {
    await nginx?.stop();
  });

  /** Each user's upstream, after `rounds` requests per user; fails if a user saw both. */
  async function arms(rounds: number): Promise<Set<number>> {
    const result = await runLoad({
      url: `${nginx.url}/healthz`,
      ratePerSecond: 2000,
      maxRequests: users * rounds,
      maxInFlight: 32,
      users,
      cookie,
    });
    expect(result.failures).toBe(0);
    expect(result.byStatus).toEqual({ '200': users * rounds });
    const onCanary = new Set<number>();
    for (let user = 0; user < users; user++) {
      const seen = Object.keys(result.byUser[user] ?? {});
      expect(seen).toHaveLength(1);
      if (seen[0] === canary.address) onCanary.add(user);
    }
    return onCanary;
  }

  /** Within 4 standard deviations of a binomial share of `users`. */
  function expectShare(count: number, percent: number): void {
    const p = percent / 100;
    const sd = Math.sqrt(users * p * (1 - p));
    expect(Math.abs(count - users * p)).toBeLessThanOrEqual(4 * sd + 1);
  }

  test('a user keeps its side; raising the share never moves a canary user back; the share of users ≈ the weight', async () => {
    await driver.setWeight(5);
    const at5 = await arms(2); // every user twice: stickiness
    expectShare(at5.size, 5);

    let previous = at5;
    for (const weight of [10, 50]) {
      await driver.setWeight(weight);
      const now = await arms(1);
      expectShare(now.size, weight);
      for (const user of previous) expect(now.has(user)).toBe(true);
      expect(now.size).toBeGreaterThan(previous.size);
      previous = now;
    }

    await driver.setWeight(100);
    expect((await arms(1)).size).toBe(users);
    await driver.setWeight(0);
    expect((await arms(1)).size).toBe(0);
  });

  test('without the cookie the client address decides, so a client stays on one side', async () => {
    await driver.setWeight(50);
    const result = await runLoad({
      url: `${nginx.url}/healthz`,
      ratePerSecond: 1000,
      maxRequests: 100,
      maxInFlight: 8,
    });
    expect(result.byStatus).toEqual({ '200': 100 });
    expect(Object.keys(result.byUpstream)).toHaveLength(1);
  });
});
