// A promotion as GitHub sees it: one deployment whose statuses record every step. Adopts the deployment GitHub made
// for the job, resumes an interrupted rollout of the same commit, rolls back an abandoned one of another, and never
// runs a finished one twice.
import { type Clock, errorMessage, type Logger, systemClock } from '@flowkit/core';
import type { Deployment, DeploymentStatus, GitHubClient, Repo } from '@flowkit/github';
import type { MetricsProvider, MetricsTarget } from '@flowkit/metrics';
import type { GuardSettings } from './guard/index.ts';
import type { CanaryPlan } from './rollout/plan.ts';
import {
  planDescription,
  promotedDescription,
  type RolloutRecord,
  readRolloutRecord,
  rolledBackDescription,
  stepDescription,
} from './rollout/record.ts';
import {
  type RolloutEvent,
  type RolloutRecorder,
  type RolloutReport,
  runRollout,
} from './rollout/rollout.ts';
import type { TrafficDriver } from './traffic/driver.ts';

export interface PromoteSettings {
  repo: Repo;
  /** The GitHub environment, e.g. production. */
  environment: string;
  /** The commit being released (the deployment's sha). */
  sha: string;
  target: MetricsTarget;
  plan: CanaryPlan;
  guard?: Partial<GuardSettings>;
  slowAboveSeconds?: number;
  /** A deployment to use (e.g. made by an earlier step); else the job's own deployment is adopted, else one is made. */
  deploymentId?: number;
  /** This workflow run's id and page: the job's deployment is the one whose statuses point at this run. */
  runId?: string;
  runUrl?: string;
  /** How many recent deployments of the environment to look through for an interrupted rollout (default 10). */
  lookback?: number;
}

export interface PromoteDeps {
  github: GitHubClient;
  traffic: TrafficDriver;
  metrics: MetricsProvider;
  log: Logger;
  clock?: Clock;
  notify?: (event: RolloutEvent) => Promise<void>;
  signal?: AbortSignal;
  /** Called with the deployment id as soon as it is known (the action saves it for its post step). */
  onDeployment?: (id: number) => void;
}

export interface PromoteReport extends RolloutReport {
  deploymentId: number;
  /** How the deployment was found: given, adopted (the job's), or created. */
  deploymentSource: 'given' | 'adopted' | 'created';
  /** The step the rollout resumed from, when it continued an interrupted run. */
  resumedFrom?: { deploymentId: number; weight: number };
  /** Deployments of another commit that were left mid-rollout and were rolled back first. */
  abandoned: number[];
  /** True when the deployment had already finished: nothing was done. */
  alreadyDone: boolean;
}

const ACTIVE = new Set(['in_progress', 'queued', 'pending']);

/** Runs, resumes or reports the promotion of `settings.sha` to `settings.environment`. */
export async function promote(settings: PromoteSettings, deps: PromoteDeps): Promise<PromoteReport> {
  const { github, log } = deps;
  const clock = deps.clock ?? systemClock;
  const { repo } = settings;
  const recent = await github.listDeployments(repo, settings.environment, settings.lookback ?? 10);
  const statusesOf = new Map<number, DeploymentStatus[]>();
  const statuses = async (id: number): Promise<DeploymentStatus[]> => {
    let known = statusesOf.get(id);
    if (known === undefined) {
      known = await github.listDeploymentStatuses(repo, id, 100);
      statusesOf.set(id, known);
    }
    return known;
  };

  // Our deployment.
  let deploymentId: number;
  let deploymentSource: PromoteReport['deploymentSource'];
  if (settings.deploymentId !== undefined) {
    deploymentId = settings.deploymentId;
    deploymentSource = 'given';
  } else {
    const adopted = await findJobDeployment(recent, settings, statuses);
    if (adopted !== undefined) {
      deploymentId = adopted;
      deploymentSource = 'adopted';
    } else {
      const created = await github.createDeployment(repo, {
        ref: settings.sha,
        environment: settings.environment,
        task: 'deploy:canary',
        auto_merge: false,
        required_contexts: [],
        production_environment: settings.environment === 'production' || undefined,
        description: `Canary of ${settings.target.canaryVersion}`.slice(0, 140),
        payload: {
          flowkit: {
            canary: { plan: settings.plan, service: settings.target.service, ...versions(settings) },
          },
        },
      });
      deploymentId = Number(created.id);
      deploymentSource = 'created';
      recent.unshift(created);
      statusesOf.set(deploymentId, []);
    }
  }
  deps.onDeployment?.(deploymentId);

  const base = { deploymentId, deploymentSource, abandoned: [] as number[], alreadyDone: false };
  const ownRecord = readRolloutRecord(await statuses(deploymentId));
  if (ownRecord?.outcome !== undefined) {
    const weight = ownRecord.outcome === 'promoted' ? 100 : 0;
    log.info(
      `Deployment ${deploymentId} already ${ownRecord.outcome === 'promoted' ? 'released' : 'rolled back'}: nothing to do.`,
    );
    return {
      ...base,
      alreadyDone: true,
      outcome: ownRecord.outcome,
      reason: `deployment ${deploymentId} had already ${ownRecord.outcome === 'promoted' ? 'been released' : 'been rolled back'}`,
      cancelled: false,
      startedAt: ownRecord.startedAt,
      finishedAt: clock.now(),
      finalWeight: weight,
      maxWeight: Math.max(0, ...ownRecord.steps.map((step) => step.weight)),
      slowAboveSeconds: settings.slowAboveSeconds ?? 0,
      timeline: [],
    };
  }

  // Interrupted rollouts of this environment: resume ours, roll back anyone else's.
  let resume: RolloutRecord | undefined = ownRecord;
  let resumedFrom: PromoteReport['resumedFrom'];
  for (const deployment of recent) {
    const id = Number(deployment.id);
    if (id === deploymentId) continue;
    const list = await statuses(id);
    if (!ACTIVE.has(list[0]?.state ?? '')) continue;
    const record = readRolloutRecord(list);
    if (record === undefined || record.outcome !== undefined) continue;
    const last = record.steps.at(-1);
    if (deployment.sha === settings.sha && resume === undefined) {
      resume = record;
      resumedFrom = { deploymentId: id, weight: last?.weight ?? 0 };
      log.info(
        `Deployment ${id} of the same commit stopped at ${last?.weight ?? 0}%: resuming it in deployment ${deploymentId}.`,
      );
      await github.createDeploymentStatus(
        repo,
        deploymentId,
        status('in_progress', planDescription(record.plan, record.startedAt), settings),
      );
      if (last !== undefined)
        await github.createDeploymentStatus(
          repo,
          deploymentId,
          status('in_progress', stepDescription(last, record.plan.steps.length), settings),
        );
      await github.createDeploymentStatus(repo, id, {
        ...status('inactive', `Resumed in deployment ${deploymentId} [flowkit]`, settings),
      });
      continue;
    }
    log.warning(
      `Deployment ${id} (${deployment.sha.slice(0, 7)}) was left at ${last?.weight ?? 0}% by a run that stopped: putting traffic back on stable first.`,
    );
    await deps.traffic.setWeight(0);
    await github.createDeploymentStatus(
      repo,
      id,
      status(
        'failure',
        rolledBackDescription(last?.weight ?? 0, `abandoned; rolled back by deployment ${deploymentId}`),
        settings,
      ),
    );
    base.abandoned.push(id);
  }

  const recorder: RolloutRecorder = {
    planned: async (plan, startedAt) => {
      await github.createDeploymentStatus(
        repo,
        deploymentId,
        status('in_progress', planDescription(plan, startedAt), settings),
      );
    },
    stepStarted: async (step, of) => {
      await github.createDeploymentStatus(
        repo,
        deploymentId,
        status('in_progress', stepDescription(step, of), settings),
      );
    },
    promoted: async (at) => {
      await github.createDeploymentStatus(repo, deploymentId, {
        ...status('success', promotedDescription(at), settings),
        auto_inactive: true,
      });
    },
    rolledBack: async (weight, reason) => {
      await github.createDeploymentStatus(
        repo,
        deploymentId,
        status('failure', rolledBackDescription(weight, reason), settings),
      );
    },
  };
  let report: RolloutReport;
  try {
    report = await runRollout(
      {
        plan: resume?.plan ?? settings.plan,
        target: settings.target,
        guard: settings.guard,
        slowAboveSeconds: settings.slowAboveSeconds,
        resume,
      },
      {
        traffic: deps.traffic,
        metrics: deps.metrics,
        recorder,
        clock,
        log,
        notify: deps.notify,
        signal: deps.signal,
      },
    );
  } catch (error) {
    // Only a failure before any traffic moved gets here (the rollout turns later ones into rollbacks).
    const reason = `Not started: ${errorMessage(error)}`;
    await github
      .createDeploymentStatus(
        repo,
        deploymentId,
        status('error', reason.length > 140 ? `${reason.slice(0, 139)}…` : reason, settings),
      )
      .catch(() => undefined);
    throw error;
  }
  return { ...base, ...report, resumedFrom };
}

/**
 * Puts traffic back on stable and marks the deployment failed, for a run that stopped mid-rollout (the action's
 * post step after a cancellation or crash). Does nothing to a deployment that already finished.
 */
export async function abandonRollout(
  settings: { repo: Repo; deploymentId: number; runUrl?: string },
  deps: { github: GitHubClient; traffic: TrafficDriver; log: Logger },
): Promise<'rolled-back' | 'already-finished'> {
  const list = await deps.github.listDeploymentStatuses(settings.repo, settings.deploymentId, 100);
  const record = readRolloutRecord(list);
  if (record?.outcome !== undefined) return 'already-finished';
  const weight = record?.steps.at(-1)?.weight ?? 0;
  let failure: string | undefined;
  try {
    await deps.traffic.setWeight(0);
  } catch (error) {
    failure = errorMessage(error);
  }
  const reason =
    failure === undefined
      ? 'the run stopped mid-rollout (cancelled or crashed); traffic is back on stable'
      : `the run stopped mid-rollout and traffic could NOT be moved back: ${failure}`;
  await deps.github.createDeploymentStatus(settings.repo, settings.deploymentId, {
    state: 'failure',
    description: rolledBackDescription(weight, reason),
    ...(settings.runUrl === undefined ? {} : { log_url: settings.runUrl }),
  });
  if (failure !== undefined) throw new Error(reason);
  return 'rolled-back';
}

function versions(settings: PromoteSettings): Record<string, string> {
  return { stable: settings.target.stableVersion, canary: settings.target.canaryVersion };
}

function status(
  state: 'in_progress' | 'success' | 'failure' | 'inactive' | 'error',
  description: string,
  settings: PromoteSettings,
): { state: typeof state; description: string; log_url?: string } {
  return { state, description, ...(settings.runUrl === undefined ? {} : { log_url: settings.runUrl }) };
}

/** The deployment GitHub made for this job (`environment:`): same commit, a status pointing at this run. */
async function findJobDeployment(
  recent: Deployment[],
  settings: PromoteSettings,
  statuses: (id: number) => Promise<DeploymentStatus[]>,
): Promise<number | undefined> {
  if (settings.runId === undefined) return undefined;
  const runPath = `/actions/runs/${settings.runId}`;
  for (const deployment of recent) {
    if (deployment.sha !== settings.sha) continue;
    const list = await statuses(Number(deployment.id));
    if (list.some((entry) => `${entry.log_url ?? ''} ${entry.target_url ?? ''}`.includes(runPath)))
      return Number(deployment.id);
  }
  return undefined;
}
