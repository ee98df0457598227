// After a rollout, Datadog hears of it: a deployment event, and DORA's deployment (released) or failure (rolled back).
import {
  type DatadogEmulator,
  DEFAULT_DD_API_KEY,
  DEFAULT_DD_APP_KEY,
  startDatadogEmulator,
} from '@flowkit/testing';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { reportToDatadog } from '../src/events.ts';
import type { PromoteReport } from '../src/promote.ts';
import { DEFAULT_PLAN } from '../src/rollout/plan.ts';
import type { CanaryPromoteSettings } from '../src/settings.ts';

let dd: DatadogEmulator;
beforeEach(async () => {
  dd = await startDatadogEmulator();
});
afterEach(() => dd.stop());

const STARTED = Date.now() - 40 * 60_000;

function settings(metrics: string): CanaryPromoteSettings {
  return {
    service: 'dashboard',
    version: 'v2',
    stableVersion: 'v1',
    environment: 'production',
    commit: 'c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffe',
    deploymentId: undefined,
    plan: DEFAULT_PLAN,
    guard: {},
    slowAboveSeconds: undefined,
    metrics: {
      name: metrics,
      options: { apiKey: DEFAULT_DD_API_KEY, appKey: DEFAULT_DD_APP_KEY, apiUrl: dd.url },
    },
    traffic: { name: 'command', options: {} },
    slack: undefined,
    githubToken: 'x',
  };
}

function report(outcome: PromoteReport['outcome']): PromoteReport {
  return {
    outcome,
    reason:
      outcome === 'promoted'
        ? 'released to 100% in 40m'
        : 'errors: canary 9/412 (2.18%) vs baseline 31/7,980 (0.39%)',
    cancelled: false,
    startedAt: STARTED,
    finishedAt: STARTED + 40 * 60_000,
    finalWeight: outcome === 'promoted' ? 100 : 0,
    maxWeight: outcome === 'promoted' ? 100 : 5,
    slowAboveSeconds: 0.25,
    timeline: [],
    deploymentId: 7,
    deploymentSource: 'adopted',
    abandoned: [],
    alreadyDone: false,
  };
}

const RUN = {
  runUrl: 'https://github.com/acme/shop/actions/runs/1',
  repositoryUrl: 'https://github.com/acme/shop',
};

describe('reportToDatadog', () => {
  test('released: a deployment event tagged for the service and version, and a DORA deployment', async () => {
    const lines = await reportToDatadog(report('promoted'), settings('datadog'), RUN);
    expect(lines).toEqual([
      expect.stringMatching(/^Datadog deployment event: sent/),
      expect.stringMatching(/^Datadog DORA deployment: sent/),
    ]);
    expect(dd.state.events).toHaveLength(1);
    expect(dd.state.events[0]?.tags).toEqual(
      expect.arrayContaining(['service:dashboard', 'version:v2', 'env:production']),
    );
    expect(dd.state.dora.deployments).toHaveLength(1);
    expect(dd.state.dora.deployments[0]?.attributes).toMatchObject({
      service: 'dashboard',
      env: 'production',
      version: 'v2',
    });
    expect(dd.state.dora.failures).toEqual([]);
  });

  test('rolled back: the event and a DORA failure with the reason', async () => {
    await reportToDatadog(report('rolled-back'), settings('datadog'), RUN);
    expect(dd.state.dora.deployments).toEqual([]);
    expect(dd.state.dora.failures).toHaveLength(1);
    expect(String(dd.state.dora.failures[0]?.attributes.name)).toContain('errors: canary 9/412');
  });

  test('Datadog refusing: said, never thrown; with Prometheus metrics nothing is sent', async () => {
    dd.failNext({ path: /events|dora/ }, { status: 400, times: 20 });
    const lines = await reportToDatadog(report('promoted'), settings('datadog'), RUN);
    expect(lines.every((line) => line.includes('not sent'))).toBe(true);
    expect(await reportToDatadog(report('promoted'), settings('prometheus'), RUN)).toEqual([]);
  });
});
