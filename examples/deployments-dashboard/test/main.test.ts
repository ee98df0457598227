import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { PACKAGE_DIR, rawRequest } from './helpers.ts';
import { type ServiceProcess, startServiceProcess } from './process.ts';

const started: ServiceProcess[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((service) => service.stop()));
});

function start(env: Record<string, string>): ServiceProcess {
  const service = startServiceProcess(env);
  started.push(service);
  return service;
}

/** The value of http_requests_in_flight, read from /metrics (whose own request counts as one). */
async function inFlight(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^http_requests_in_flight\{[^}]*\} (\d+)$/m.exec(text)?.[1]);
}

describe('node server/main.ts', () => {
  test.each([
    [{}, 'PORT: required: the port to listen on (0 lets the system choose)'],
    [{ PORT: '0', FAULT_ERROR_RATE: '2' }, 'FAULT_ERROR_RATE: expected a number from 0 to 1'],
    [{ PORT: '0', FIXTURE: join(PACKAGE_DIR, 'package.json') }, 'FIXTURE: '],
  ])('refuses a bad environment %j with one line on stderr and exit code 2', async (env, message) => {
    const service = start(env as Record<string, string>);
    expect(await service.exited).toBe(2);
    const lines = service.stderr().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(message);
    expect(service.stdout).toEqual([]);
  });

  test('with PORT=0 the first stdout line names the chosen port, and the service answers there', async () => {
    const service = start({ PORT: '0', COMMIT: 'abcdef1234567', VERSION: 'stable' });
    const url = await service.url;
    expect(service.stdout[0]).toMatch(/^listening on http:\/\/127\.0\.0\.1:[1-9]\d*$/);
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({
      status: 'ok',
      commit: 'abcdef1234567',
      version: 'stable',
    });
  });

  test('SIGTERM finishes the request in flight and exits 0', async () => {
    const service = start({ PORT: '0', FAULT_LATENCY_MS: '300' });
    const url = await service.url;
    const slow = rawRequest(url, '/api/deployments/top');
    // Signal only once the slow request is being answered; each look is a request, not a sleep.
    for (let look = 0; (await inFlight(url)) < 2; look++) {
      if (look > 500) throw new Error('the slow request never arrived');
    }
    service.child.kill('SIGTERM');
    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).deployments).toHaveLength(5);
    expect(await service.exited).toBe(0);
    expect(service.stdout.slice(-2)).toEqual(['SIGTERM: finishing in-flight requests', 'stopped']);
  });

  test('SIGINT stops an idle service with exit code 0', async () => {
    const service = start({ PORT: '0' });
    await service.url;
    service.child.kill('SIGINT');
    expect(await service.exited).toBe(0);
  });
});
