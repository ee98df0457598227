// The deployments-dashboard playbook for real: ansible-playbook on localhost, the service behind real nginx.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProcess } from '@flowkit/core';
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import type { DriverEnvironment, EnvironmentDriver } from '../src/driver.ts';
import { ansibleDriver } from '../src/drivers/ansible.ts';
import { waitForHealth } from '../src/health.ts';
import { freePort, get, isRunning, stopAndRemove } from './support.ts';

jest.setTimeout(120_000);

const PLAYBOOK = new URL('../ansible/deployments-dashboard.yml', import.meta.url).pathname;
/** The example's stand-in with the same contract, so the playbook is tested apart from the example's progress. */
const SOURCE = new URL('./fixtures/stand-in-dashboard', import.meta.url).pathname;
const FIRST = '1111111111111111111111111111111111111111';
const SECOND = '2222222222222222222222222222222222222222';

let root: string;
let output: string[];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'flowkit-playbook-'));
  output = [];
});

afterEach(async () => {
  await stopAndRemove(root);
});

function driver(): EnvironmentDriver {
  const log = { info: (line: string) => output.push(line), warning: () => {}, debug: () => {} };
  return ansibleDriver(
    { playbook: PLAYBOOK, destroyPlaybook: undefined, inventory: undefined },
    { run: runProcess, cwd: root, env: process.env, tempDir: root, log },
  );
}

async function environment(name: string, commit: string): Promise<DriverEnvironment> {
  return {
    name,
    commit,
    url: undefined,
    vars: {
      deploy_root: join(root, 'deploy'),
      dashboard_source: SOURCE,
      service_port: await freePort(),
      nginx_port: await freePort(),
      node_binary: process.execPath,
    },
  };
}

/** The PLAY RECAP's changed count of the last run. */
function changed(): number {
  const recap = output.filter((line) => /ok=\d+\s+changed=\d+/.test(line)).at(-1) ?? '';
  return Number(/changed=(\d+)/.exec(recap)?.[1]);
}

async function healthy(url: string, commit: string): Promise<void> {
  const result = await waitForHealth({
    url: `${url}/healthz`,
    commit,
    commitPath: 'commit',
    timeoutMs: 15_000,
    intervalMs: 100,
  });
  expect(result).toMatchObject({ healthy: true });
}

const servicePid = async (name: string) =>
  Number(await readFile(join(root, 'deploy/envs', name, 'service.pid'), 'utf8'));
const nginxPid = async () => Number(await readFile(join(root, 'deploy/nginx/nginx.pid'), 'utf8'));

describe('deployments-dashboard.yml', () => {
  test('deploys behind nginx; a rerun changes nothing; a new commit replaces the release; absent removes it all', async () => {
    const staging = await environment('staging', FIRST);
    const url = `http://127.0.0.1:${staging.vars.nginx_port}`;
    expect(await driver().provision(staging)).toEqual({ url });
    await healthy(url, FIRST);
    const first = { service: await servicePid('staging'), nginx: await nginxPid() };

    // Same commit again: nothing restarts, nothing is rewritten.
    await driver().provision(staging);
    expect(changed()).toBe(0);
    expect({ service: await servicePid('staging'), nginx: await nginxPid() }).toEqual(first);

    // A new commit: a new release and process; the old ones are gone; nginx keeps running.
    await driver().provision({ ...staging, commit: SECOND });
    await healthy(url, SECOND);
    expect(isRunning(first.service)).toBe(false);
    expect(await servicePid('staging')).not.toBe(first.service);
    expect(await nginxPid()).toBe(first.nginx);
    expect(await readdir(join(root, 'deploy/releases'))).toEqual([`staging-${SECOND}`]);

    const second = await servicePid('staging');
    await driver().destroy({ ...staging, commit: SECOND });
    expect(isRunning(second)).toBe(false);
    expect(isRunning(first.nginx)).toBe(false);
    expect(await readdir(join(root, 'deploy/releases'))).toEqual([]);
    expect(await readdir(join(root, 'deploy/nginx/conf.d'))).toEqual([]);
    expect(existsSync(join(root, 'deploy/envs/staging'))).toBe(false);
    expect(await get(`${url}/healthz`)).toMatchObject({ error: expect.stringMatching(/ECONNREFUSED/) });

    // Nothing left to remove: absent again is a no-op.
    await driver().destroy({ ...staging, commit: SECOND });
    expect(changed()).toBe(0);
  });

  test('two environments share one nginx: removing one reloads it, removing the last stops it', async () => {
    const staging = await environment('staging', FIRST);
    const preview = await environment('pr-7', SECOND);
    await driver().provision(staging);
    await driver().provision(preview);
    await healthy(`http://127.0.0.1:${staging.vars.nginx_port}`, FIRST);
    await healthy(`http://127.0.0.1:${preview.vars.nginx_port}`, SECOND);
    const nginx = await nginxPid();

    await driver().destroy(preview);
    expect(isRunning(nginx)).toBe(true);
    await healthy(`http://127.0.0.1:${staging.vars.nginx_port}`, FIRST);
    expect(await readdir(join(root, 'deploy/releases'))).toEqual([`staging-${FIRST}`]);

    await driver().destroy(staging);
    expect(isRunning(nginx)).toBe(false);
  });
});
