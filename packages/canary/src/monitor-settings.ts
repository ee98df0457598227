// Reads and checks every monitor-guard input, before anything is read or written.
import { isAbsolute, relative, resolve } from 'node:path';
import { InputError } from '@flowkit/core';
import { parseDuration } from './rollout/plan.ts';
import { parseLatency, readMetricsInputs, SERVICE_NAME, VERSION_LABEL } from './settings.ts';

/** Every input of the monitor-guard action, as its action.yml declares them. */
export const MONITOR_INPUTS = [
  'mode',
  'service',
  'version',
  'stable-version',
  'environment',
  'window',
  'duration',
  'interval',
  'latency-threshold',
  'error-rate-threshold',
  'latency-p95-threshold',
  'notify',
  'dashboard-id',
  'output-directory',
  'metrics',
  'metrics-options',
  'prometheus-url',
  'datadog-api-key',
  'datadog-app-key',
  'datadog-site',
] as const;

export type MonitorInputName = (typeof MONITOR_INPUTS)[number];

export interface MonitorSettings {
  mode: 'gate' | 'watch' | 'setup';
  service: string;
  version: string | undefined;
  stableVersion: string | undefined;
  environment: string;
  windowSeconds: number;
  durationSeconds: number;
  intervalSeconds: number;
  slowAboveSeconds: number | undefined;
  errorRateThreshold: number;
  latencyP95Seconds: number;
  notify: string[];
  dashboardId: string | undefined;
  /** Absolute; inside the workspace. */
  outputDirectory: string;
  metrics: { name: string; options: Record<string, unknown> };
}

/** Checks every input; throws InputError for the first problem. */
export async function readMonitorSettings(
  input: (name: MonitorInputName) => string,
  run: { workspace: string },
): Promise<MonitorSettings> {
  const mode = input('mode');
  if (mode !== 'gate' && mode !== 'watch' && mode !== 'setup')
    throw new InputError(
      'mode',
      mode === ''
        ? 'is required and was not given'
        : `must be gate, watch or setup, not '${mode.slice(0, 40)}'`,
      "Write 'mode: gate' (check once), 'mode: watch' (after a release) or 'mode: setup' (alerts and dashboard).",
    );
  const service = input('service');
  if (!SERVICE_NAME.test(service))
    throw new InputError(
      'service',
      service === '' ? 'is required and was not given' : `is not a service name: '${service.slice(0, 40)}'`,
      "Name the service as its metrics do, e.g. 'service: dashboard'.",
    );
  const version = input('version') || undefined;
  const stableVersion = input('stable-version') || undefined;
  for (const [name, value] of [
    ['version', version],
    ['stable-version', stableVersion],
  ] as const)
    if (value !== undefined && !VERSION_LABEL.test(value))
      throw new InputError(
        name,
        `is not a version label: '${value.slice(0, 40)}'`,
        'Use the version label or tag your metrics carry.',
      );
  if (stableVersion !== undefined && version === undefined)
    throw new InputError(
      'stable-version',
      'is given without version',
      "Give 'version' too: the gate compares it with stable.",
    );
  const errorText = input('error-rate-threshold');
  const errorRateThreshold =
    errorText === '' ? 0.05 : Number(errorText.replace(/%$/, '')) / (errorText.endsWith('%') ? 100 : 1);
  if (!(errorRateThreshold > 0 && errorRateThreshold < 1))
    throw new InputError(
      'error-rate-threshold',
      `must be a share between 0 and 1 (or a percentage), not '${errorText}'`,
      "Write e.g. 'error-rate-threshold: 0.05' or '5%'.",
    );
  const outputText = input('output-directory') || 'monitoring';
  const outputDirectory = resolve(run.workspace, outputText);
  const inside = relative(run.workspace, outputDirectory);
  if (inside.startsWith('..') || isAbsolute(inside))
    throw new InputError(
      'output-directory',
      `is outside the workspace: '${outputText}'`,
      'Write a folder of the repository, e.g. monitoring.',
    );
  const notify = input('notify')
    .split(/[\s,]+/)
    .filter((handle) => handle !== '');
  return {
    mode,
    service,
    version,
    stableVersion,
    environment: input('environment') || 'production',
    windowSeconds: parseDuration('window', input('window') || '10m', { min: 10, max: 86400 }),
    durationSeconds: parseDuration('duration', input('duration') || '15m', { min: 0, max: 86400 }),
    intervalSeconds: parseDuration('interval', input('interval') || '30s', { min: 1, max: 3600 }),
    slowAboveSeconds: parseLatency(
      'latency-threshold',
      input('latency-threshold'),
      "Write e.g. 'latency-threshold: 500ms'.",
    ),
    errorRateThreshold,
    latencyP95Seconds:
      parseLatency(
        'latency-p95-threshold',
        input('latency-p95-threshold'),
        "Write e.g. 'latency-p95-threshold: 500ms'.",
      ) ?? 0.5,
    notify,
    dashboardId: input('dashboard-id') || undefined,
    outputDirectory,
    // Prometheus set-up only writes files: no server to reach.
    metrics: await readMetricsInputs(input, mode !== 'setup'),
  };
}
