// monitor-guard's checks outside a rollout: a one-shot gate (like a deployment gate), and a watch for a while after a
// release. Both stop on a firing alert; the gate also compares a version with stable over a recent window.
import { type Clock, type Logger, systemClock } from '@flowkit/core';
import {
  type FiringAlert,
  type MetricsProvider,
  MetricsUnavailableError,
  type WindowCounts,
} from '@flowkit/metrics';
import { alertsAbout } from './alerts.ts';
import { Guard, type GuardSettings, guardSettings } from './guard/index.ts';
import { formatDuration } from './rollout/plan.ts';

export interface MonitorVerdict {
  result: 'pass' | 'fail';
  /** One sentence with the numbers. */
  reason: string;
  firing: FiringAlert[];
  counts?: WindowCounts;
}

function names(alerts: FiringAlert[]): string {
  return alerts
    .map((alert) => alert.name + (alert.version === undefined ? '' : ` (${alert.version})`))
    .join(', ');
}

/**
 * The gate: fails when an alert fires for the service (and version), or when `version` is worse than `stableVersion`
 * over the last `windowSeconds` by the guard's test. Unreadable metrics fail it: a gate never passes blind.
 */
export async function runGate(
  options: {
    version?: string;
    stableVersion?: string;
    windowSeconds: number;
    slowAboveSeconds?: number;
    guard?: Partial<GuardSettings>;
  },
  deps: { metrics: MetricsProvider; clock?: Clock; log: Logger },
): Promise<MonitorVerdict> {
  const clock = deps.clock ?? systemClock;
  try {
    const firing = alertsAbout(await deps.metrics.firingAlerts(), options.version);
    if (firing.length > 0) return { result: 'fail', reason: `alert firing: ${names(firing)}`, firing };
    if (options.version === undefined || options.stableVersion === undefined)
      return { result: 'pass', reason: 'no alert firing', firing };
    const to = clock.now();
    const from = to - options.windowSeconds * 1000;
    const slowAboveSeconds =
      options.slowAboveSeconds ??
      (await deps.metrics.latencyQuantile(options.stableVersion, 0.99, from, to)) ??
      Number.POSITIVE_INFINITY;
    const counts = await deps.metrics.counts({ from, to, slowAboveSeconds });
    const total = counts.canary.requests + counts.baseline.requests;
    if (counts.canary.requests === 0 || counts.baseline.requests === 0)
      return {
        result: 'fail',
        reason: `not enough traffic to compare in the last ${formatDuration(options.windowSeconds)}: ${options.version} served ${counts.canary.requests} request(s), ${options.stableVersion} ${counts.baseline.requests}`,
        firing,
        counts,
      };
    const guard = new Guard(
      guardSettings({
        ...options.guard,
        stepSeconds: options.windowSeconds,
        minStepSeconds: options.windowSeconds,
        earlyAdvance: false,
      }),
    );
    const verdict = guard.observe({
      t: options.windowSeconds,
      share: counts.canary.requests / total,
      canary: counts.canary,
      baseline: counts.baseline,
    });
    return {
      result: verdict.decision === 'rollback' ? 'fail' : 'pass',
      reason: verdict.reason,
      firing,
      counts,
    };
  } catch (error) {
    if (!(error instanceof MetricsUnavailableError)) throw error;
    return {
      result: 'fail',
      reason: `metrics unreadable, so the gate cannot pass: ${error.message}`,
      firing: [],
    };
  }
}

/**
 * The watch: reads the alerts every `intervalSeconds` for `durationSeconds`; fails on the first firing alert, or
 * when the alerts could not be read `maxMissingReads` + 1 times in a row.
 */
export async function runWatch(
  options: { version?: string; durationSeconds: number; intervalSeconds: number; maxMissingReads?: number },
  deps: { metrics: MetricsProvider; clock?: Clock; log: Logger; signal?: AbortSignal },
): Promise<MonitorVerdict & { checks: number }> {
  const clock = deps.clock ?? systemClock;
  const end = clock.now() + options.durationSeconds * 1000;
  const maxMissing = options.maxMissingReads ?? 3;
  let missing = 0;
  let checks = 0;
  for (;;) {
    try {
      const firing = alertsAbout(await deps.metrics.firingAlerts(), options.version);
      checks++;
      missing = 0;
      if (firing.length > 0)
        return {
          result: 'fail',
          reason: `alert firing after ${formatDuration(checks * options.intervalSeconds)}: ${names(firing)}`,
          firing,
          checks,
        };
    } catch (error) {
      if (!(error instanceof MetricsUnavailableError)) throw error;
      missing++;
      deps.log.warning(`Alerts unreadable (${missing} in a row): ${error.message}`);
      if (missing > maxMissing)
        return {
          result: 'fail',
          reason: `alerts unreadable ${missing} times in a row: ${error.message}`,
          firing: [],
          checks,
        };
    }
    const next = Math.min(end, clock.now() + options.intervalSeconds * 1000);
    if (clock.now() >= end || deps.signal?.aborted) break;
    await clock.sleep(next - clock.now());
  }
  return {
    result: 'pass',
    reason: `no alert fired in ${formatDuration(options.durationSeconds)} (${checks} check(s))`,
    firing: [],
    checks,
  };
}
