// monitor-guard through the runner's contract: set-up against the Datadog emulator and as Prometheus files, the gate
// and the watch on firing monitors, and bad input.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ActionStep,
  type DatadogEmulator,
  DEFAULT_DD_API_KEY,
  DEFAULT_DD_APP_KEY,
  runAction,
  startDatadogEmulator,
} from '@flowkit/testing';
import { afterAll, afterEach, beforeEach, describe, expect, test } from '@jest/globals';

let dd: DatadogEmulator;
const temps: string[] = [];

beforeEach(async () => {
  dd = await startDatadogEmulator();
});
afterEach(async () => {
  await dd.stop();
});
afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

function guard(inputs: ActionStep['with'], step: Partial<ActionStep> = {}) {
  return runAction({ action: 'actions/monitor-guard', ...step, with: { service: 'dashboard', ...inputs } });
}

const DATADOG = {
  'datadog-api-key': DEFAULT_DD_API_KEY,
  'datadog-app-key': DEFAULT_DD_APP_KEY,
};

function datadog(): Record<string, string> {
  return {
    ...DATADOG,
    'metrics-options': JSON.stringify({ apiUrl: dd.url, appUrl: 'https://app.datadoghq.com' }),
  };
}

describe('setup', () => {
  test('Datadog: two monitors and the dashboard, then a rerun writes nothing', async () => {
    const first = await guard({
      mode: 'setup',
      'error-rate-threshold': '2%',
      notify: '@slack-frontend',
      ...datadog(),
    });
    expect(first.errors).toEqual([]);
    expect(first.stderr).toBe(''); // no deprecation noise from the Datadog client's unused fetch layer
    expect(first.exitCode).toBe(0);
    expect(first.outputs.changed).toBe('3');
    expect(first.outputs['dashboard-id']).not.toBe('');
    expect(first.summary).toContain('| monitor |');
    expect(first.masks).toEqual([DEFAULT_DD_API_KEY, DEFAULT_DD_APP_KEY]);
    expect(first.log).not.toContain(DEFAULT_DD_APP_KEY);

    const writes = dd.writes().length;
    const again = await guard({
      mode: 'setup',
      'error-rate-threshold': '2%',
      notify: '@slack-frontend',
      ...datadog(),
    });
    expect(again.outputs.changed).toBe('0');
    expect(again.outputs['dashboard-id']).toBe(first.outputs['dashboard-id']);
    expect(dd.writes()).toHaveLength(writes);
  });

  test('Prometheus: the rules file and the Grafana dashboard in the workspace; unchanged files untouched', async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'flowkit-monitor-'));
    temps.push(workspace);
    const first = await guard(
      { mode: 'setup', 'latency-p95-threshold': '400ms', 'metrics-options': 'versionLabel: release' },
      { workspace },
    );
    expect(first.errors).toEqual([]);
    const rules = join(workspace, 'monitoring', 'dashboard.rules.yml');
    expect((first.outputs.files ?? '').split('\n')).toEqual([
      rules,
      join(workspace, 'monitoring', 'dashboard.dashboard.json'),
    ]);
    const text = await readFile(rules, 'utf8');
    expect(text).toContain('FlowkitLatencyP95High');
    expect(text).toContain('> 0.4');
    expect(text).toContain('release');
    const before = (await stat(rules)).mtimeMs;
    const again = await guard(
      { mode: 'setup', 'latency-p95-threshold': '400ms', 'metrics-options': 'versionLabel: release' },
      { workspace },
    );
    expect(again.outputs.changed).toBe('0');
    expect((await stat(rules)).mtimeMs).toBe(before);
  });
});

describe('gate and watch', () => {
  test('the gate fails on a monitor in Alert for the service, naming it; passes once it is OK', async () => {
    const id = dd.addMonitor({
      name: 'dashboard error rate',
      query: 'sum(last_5m):sum:trace.http.request.errors{service:dashboard}.as_count() > 10',
      tags: ['service:dashboard'],
      overall_state: 'Alert',
    });
    const failed = await guard({ mode: 'gate', ...datadog() });
    expect(failed.exitCode).toBe(1);
    expect(failed.outputs).toMatchObject({ result: 'fail', firing: 'dashboard error rate' });
    expect(failed.errors).toEqual(['dashboard: alert firing: dashboard error rate']);

    dd.setMonitorState(id, 'OK');
    const passed = await guard({ mode: 'gate', ...datadog() });
    expect(passed.exitCode).toBe(0);
    expect(passed.outputs).toMatchObject({ result: 'pass', reason: 'no alert firing' });
  });

  test('the watch passes when nothing fires for its duration, and fails as soon as something does', async () => {
    const quiet = await guard({ mode: 'watch', duration: '2s', interval: '1s', ...datadog() });
    expect(quiet.errors).toEqual([]);
    expect(quiet.outputs.result).toBe('pass');
    expect(quiet.outputs.reason).toMatch(/^no alert fired in 2s \(\d+ check\(s\)\)$/);

    dd.addMonitor({
      name: 'dashboard p95',
      query: 'percentile(last_5m):p95:trace.http.request{service:dashboard} > 0.5',
      tags: ['service:dashboard'],
      overall_state: 'Alert',
    });
    const loud = await guard({ mode: 'watch', duration: '10m', interval: '1s', ...datadog() });
    expect(loud.outputs.result).toBe('fail');
    expect(loud.errors).toEqual([expect.stringMatching(/^dashboard: alert firing after .*: dashboard p95$/)]);
  });

  test('a gate whose metrics cannot be read fails: it never passes blind', async () => {
    const run = await guard({
      mode: 'gate',
      ...DATADOG,
      'metrics-options': JSON.stringify({ apiUrl: 'http://127.0.0.1:9', timeoutMs: 500 }),
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.result).toBe('fail');
    expect(run.errors[0]).toMatch(/^dashboard: metrics unreadable, so the gate cannot pass/);
  });
});

describe('bad input: one ::error:: naming the input', () => {
  test.each([
    [{ mode: 'check' }, /^Input 'mode' must be gate, watch or setup, not 'check'/],
    [{ mode: 'gate', service: 'web app' }, /^Input 'service' is not a service name/],
    [{ mode: 'gate', 'stable-version': 'v1' }, /^Input 'stable-version' is given without version/],
    [{ mode: 'setup', 'error-rate-threshold': '2' }, /^Input 'error-rate-threshold' must be a share/],
    [
      { mode: 'setup', 'output-directory': '../elsewhere' },
      /^Input 'output-directory' is outside the workspace/,
    ],
    [{ mode: 'gate' }, /^Input 'prometheus-url' is required with metrics: prometheus/],
    [
      { mode: 'gate', 'prometheus-url': 'http://x', 'metrics-options': 'verionLabel: v' },
      /^Input 'metrics-options' has an option prometheus does not know: 'verionLabel'/,
    ],
  ])('%j', async (inputs, message) => {
    const run = await guard(inputs);
    expect(run.exitCode).toBe(1);
    expect(run.errors).toEqual([expect.stringMatching(message)]);
    expect(run.stdout).not.toMatch(/\n\s+at /);
  });
});
