// The rollout: moves traffic step by step, reads the metrics every interval, lets the guard decide, records every
// step in GitHub, and on rollback, cancellation or a crash puts all traffic back on stable.
import { type Clock, errorMessage, type Logger, systemClock } from '@flowkit/core';
import {
  type ArmCounts,
  type FiringAlert,
  type MetricsProvider,
  type MetricsTarget,
  MetricsUnavailableError,
} from '@flowkit/metrics';
import { alertsAbout } from '../alerts.ts';
import { Guard, type GuardSettings, guardSettings, type Observation, type Verdict } from '../guard/index.ts';
import type { TrafficDriver } from '../traffic/driver.ts';
import { type CanaryPlan, formatDuration, stepSeconds } from './plan.ts';
import type { RolloutRecord, StepRecord } from './record.ts';

/** What the rollout tells the outside world as it goes (Slack thread, job summary, logs). */
export type RolloutEvent =
  | { kind: 'started'; plan: CanaryPlan; slowAboveSeconds: number; resumedFrom?: StepRecord }
  | { kind: 'step'; step: StepRecord; of: number; verdict?: Verdict }
  | { kind: 'hold'; step: StepRecord; verdict: Verdict }
  | { kind: 'promoted'; durationSeconds: number }
  | { kind: 'rolled-back'; weight: number; reason: string; verdict?: Verdict };

/** Where the rollout writes its state: one call per fact, in order. */
export interface RolloutRecorder {
  planned(plan: CanaryPlan, startedAt: number): Promise<void>;
  stepStarted(step: StepRecord, of: number): Promise<void>;
  promoted(at: number): Promise<void>;
  rolledBack(weight: number, reason: string): Promise<void>;
}

export interface RolloutOptions {
  plan: CanaryPlan;
  target: MetricsTarget;
  /** Guard settings beyond what the plan fixes (alpha, minimum requests, …). */
  guard?: Partial<GuardSettings>;
  /** Requests slower than this count as slow. Default: the stable version's `latencyQuantile` before the rollout. */
  slowAboveSeconds?: number;
  /** Which quantile of stable's latency makes the slow threshold (default 0.99). */
  latencyQuantile?: number;
  /** How far back to look for stable's latency (default 30 min). */
  baselineLookbackSeconds?: number;
  /** A rollout to continue (the record of an earlier run of the same deployment). */
  resume?: RolloutRecord;
}

export interface RolloutDeps {
  traffic: TrafficDriver;
  metrics: MetricsProvider;
  recorder: RolloutRecorder;
  clock?: Clock;
  log: Logger;
  /** Told of every step, hold and the end; its failures are logged, never fatal. */
  notify?: (event: RolloutEvent) => Promise<void>;
  /** Aborted on cancellation: traffic goes back to stable and the rollout ends as rolled back. */
  signal?: AbortSignal;
}

/** One guard reading, for the report's charts and table. */
export interface TimelinePoint {
  /** Seconds since the rollout started. */
  t: number;
  weight: number;
  canary?: ArmCounts;
  baseline?: ArmCounts;
  decision: Verdict['decision'];
  reason: string;
}

export interface RolloutReport {
  outcome: 'promoted' | 'rolled-back';
  /** Why it rolled back (with the numbers), or a sentence about the release. */
  reason: string;
  /** True when the rollback was a cancellation, not a guard decision. */
  cancelled: boolean;
  startedAt: number;
  finishedAt: number;
  /** The weight in force at the end: 100 when promoted, 0 after a rollback (or what could not be undone). */
  finalWeight: number;
  /** The highest weight the canary reached. */
  maxWeight: number;
  slowAboveSeconds: number;
  timeline: TimelinePoint[];
  /** Set when traffic could not be put back on stable: somebody must act. */
  trafficError?: string;
}

class Cancelled extends Error {}

/** Runs (or resumes) a rollout to its end. Never leaves traffic split: every way out sets 100 or 0. */
export async function runRollout(options: RolloutOptions, deps: RolloutDeps): Promise<RolloutReport> {
  const clock = deps.clock ?? systemClock;
  const { plan, target } = options;
  const nominal = stepSeconds(plan);
  const guard = new Guard(
    guardSettings({
      ...options.guard,
      stepSeconds: nominal,
      minStepSeconds: plan.minStepSeconds,
      earlyAdvance: plan.earlyAdvance,
    }),
  );
  const timeline: TimelinePoint[] = [];
  const resume = options.resume;
  const startedAt = resume?.startedAt ?? clock.now();
  let weight = 0;
  let maxWeight = 0;
  let slowAboveSeconds = options.slowAboveSeconds ?? Number.NaN;

  const notify = async (event: RolloutEvent): Promise<void> => {
    try {
      await deps.notify?.(event);
    } catch (error) {
      deps.log.warning(`Could not tell about the rollout (${event.kind}): ${errorMessage(error)}`);
    }
  };
  const checkCancelled = (): void => {
    if (deps.signal?.aborted) throw new Cancelled('the run was cancelled');
  };
  const sleepUntil = async (at: number): Promise<void> => {
    const wait = at - clock.now();
    if (wait <= 0) return checkCancelled();
    await new Promise<void>((resolve) => {
      const done = (): void => {
        deps.signal?.removeEventListener('abort', done);
        resolve();
      };
      deps.signal?.addEventListener('abort', done, { once: true });
      clock.sleep(wait).then(done);
    });
    checkCancelled();
  };

  const rollBack = async (reason: string, cancelled: boolean, verdict?: Verdict): Promise<RolloutReport> => {
    const from = weight;
    let trafficError: string | undefined;
    try {
      await deps.traffic.setWeight(0);
      weight = 0;
    } catch (error) {
      trafficError = `traffic could not be moved back to stable (${deps.traffic.describe()}): ${errorMessage(error)}`;
    }
    const fullReason = trafficError === undefined ? reason : `${reason}; ${trafficError}`;
    try {
      await deps.recorder.rolledBack(from, fullReason);
    } catch (error) {
      deps.log.warning(`Could not record the rollback in GitHub: ${errorMessage(error)}`);
    }
    await notify({ kind: 'rolled-back', weight: from, reason: fullReason, verdict });
    return {
      outcome: 'rolled-back',
      reason: fullReason,
      cancelled,
      startedAt,
      finishedAt: clock.now(),
      finalWeight: weight,
      maxWeight,
      slowAboveSeconds,
      timeline,
      trafficError,
    };
  };

  // Before any traffic moves: the latency that counts as slow, from stable alone.
  if (options.slowAboveSeconds === undefined) {
    const quantile = options.latencyQuantile ?? 0.99;
    const lookback = (options.baselineLookbackSeconds ?? 1800) * 1000;
    const measured = await deps.metrics.latencyQuantile(
      target.stableVersion,
      quantile,
      startedAt - lookback,
      startedAt,
    );
    if (measured === undefined)
      throw new MetricsUnavailableError(
        `${target.stableVersion} served no requests in the ${formatDuration(lookback / 1000)} before the rollout, so there is no latency to compare with: set 'latency-threshold', or let stable serve traffic first`,
      );
    slowAboveSeconds = measured;
  }

  // Resuming: replay the guard over the metrics since the start, so its evidence is what an unbroken run would have.
  let stepIndex = 0;
  let stepSince = startedAt;
  let lastRead = startedAt;
  if (resume !== undefined && resume.steps.length > 0) {
    const current = resume.steps.at(-1) as StepRecord;
    stepIndex = current.index;
    stepSince = current.since;
    const shareAt = (at: number): number => {
      let share = 0;
      for (const step of resume.steps) if (step.since <= at) share = step.weight / 100;
      return share;
    };
    const interval = plan.intervalSeconds * 1000;
    for (let to = startedAt + interval; to <= clock.now(); to += interval) {
      const verdict = await observe(lastRead, to, shareAt(to - 1));
      lastRead = to;
      if (verdict.decision === 'rollback') {
        weight = current.weight;
        return rollBack(verdict.reason, false, verdict);
      }
    }
    weight = current.weight;
    maxWeight = weight;
    deps.log.info(
      `Resuming at ${weight}% (step ${stepIndex + 1} of ${plan.steps.length}), started ${formatDuration((clock.now() - stepSince) / 1000)} ago.`,
    );
  }

  async function observe(from: number, to: number, share: number): Promise<Verdict> {
    const observation: Observation = { t: (to - startedAt) / 1000, share };
    try {
      const counts = await deps.metrics.counts({ from, to, slowAboveSeconds });
      observation.canary = counts.canary;
      observation.baseline = counts.baseline;
      const alerts: FiringAlert[] = await deps.metrics.firingAlerts();
      const relevant = alertsAbout(alerts, target.canaryVersion);
      if (relevant.length > 0) observation.alerts = relevant;
    } catch (error) {
      if (!(error instanceof MetricsUnavailableError)) throw error;
      observation.error = error.message;
    }
    const verdict = guard.observe(observation);
    timeline.push({
      t: observation.t,
      weight: Math.round(share * 1000) / 10,
      canary: observation.canary,
      baseline: observation.baseline,
      decision: verdict.decision,
      reason: verdict.reason,
    });
    return verdict;
  }

  try {
    checkCancelled();
    if (resume === undefined) await deps.recorder.planned(plan, startedAt);
    await notify({ kind: 'started', plan, slowAboveSeconds, resumedFrom: resume?.steps.at(-1) });

    const enterStep = async (index: number, verdict?: Verdict): Promise<void> => {
      const target = plan.steps[index] as number;
      await deps.traffic.setWeight(target);
      weight = target;
      maxWeight = Math.max(maxWeight, weight);
      stepIndex = index;
      stepSince = clock.now();
      const step = { index, weight, since: stepSince };
      deps.log.info(`Canary at ${weight}% (step ${index + 1} of ${plan.steps.length}).`);
      await deps.recorder.stepStarted(step, plan.steps.length);
      await notify({ kind: 'step', step, of: plan.steps.length, verdict });
    };

    if (resume === undefined || resume.steps.length === 0) await enterStep(0);
    else await deps.traffic.setWeight(weight); // idempotent: makes sure the recorded weight is the one in force

    // The canary steps below 100%: the guard decides at every interval.
    let heldThisStep = false;
    while ((plan.steps[stepIndex] as number) < 100) {
      const next = lastRead + plan.intervalSeconds * 1000;
      await sleepUntil(next);
      const verdict = await observe(lastRead, next, weight / 100);
      lastRead = next;
      deps.log.info(`${formatDuration(verdict.t)} at ${weight}%: ${verdict.decision} — ${verdict.reason}`);
      if (verdict.decision === 'rollback') return await rollBack(verdict.reason, false, verdict);
      if (verdict.decision === 'hold' && !heldThisStep) {
        heldThisStep = true;
        await notify({ kind: 'hold', step: { index: stepIndex, weight, since: stepSince }, verdict });
      }
      if (verdict.decision === 'advance') {
        heldThisStep = false;
        await enterStep(stepIndex + 1, verdict);
        // The new step's counts start now: the interval grid restarts with it.
        lastRead = clock.now();
      }
    }

    // 100%: watch the alerts for a while before calling it released.
    const watchEnd = clock.now() + plan.watchSeconds * 1000;
    let missing = 0;
    const maxMissing = guardSettings(options.guard).maxMissingReads;
    while (clock.now() < watchEnd) {
      await sleepUntil(Math.min(watchEnd, clock.now() + plan.intervalSeconds * 1000));
      try {
        const alerts = alertsAbout(await deps.metrics.firingAlerts(), target.canaryVersion);
        missing = 0;
        if (alerts.length > 0)
          return await rollBack(
            `alert firing after release: ${alerts.map((alert) => alert.name).join(', ')}`,
            false,
          );
      } catch (error) {
        if (!(error instanceof MetricsUnavailableError)) throw error;
        missing++;
        deps.log.warning(`Alerts unreadable while watching (${missing} of ${maxMissing}): ${error.message}`);
        if (missing > maxMissing)
          return await rollBack(
            `alerts unreadable ${missing} times in a row while watching: ${error.message}`,
            false,
          );
      }
    }
    const finishedAt = clock.now();
    await deps.recorder.promoted(finishedAt);
    await notify({ kind: 'promoted', durationSeconds: (finishedAt - startedAt) / 1000 });
    return {
      outcome: 'promoted',
      reason: `released to 100% in ${formatDuration((finishedAt - startedAt) / 1000)}`,
      cancelled: false,
      startedAt,
      finishedAt,
      finalWeight: 100,
      maxWeight,
      slowAboveSeconds,
      timeline,
    };
  } catch (error) {
    if (error instanceof Cancelled) return rollBack('the run was cancelled', true);
    // Anything unexpected (a traffic driver failure, a GitHub outage): never leave the split behind.
    return rollBack(`the rollout stopped on an error: ${errorMessage(error)}`, false);
  }
}
