// The pure input of the DORA computation: one service's event history, assembled by other code from GitHub
// deployments, Jira tickets and incident trackers. All timestamps are epoch milliseconds (UTC).
import { InputError } from '@flowkit/core';

export type DeploymentOutcome = 'success' | 'failure' | 'rolled-back';

export const DEPLOYMENT_OUTCOMES: readonly DeploymentOutcome[] = ['success', 'failure', 'rolled-back'];

/** A commit a deployment brought to the environment, with its first timestamp (author or committer time). */
export interface CommitRef {
  sha: string;
  at: number;
}

export interface DeploymentEvent {
  id: string;
  environment: string;
  sha: string;
  startedAt: number;
  finishedAt: number;
  /**
   * `success`: the change reached the environment and stayed. `rolled-back`: it reached the environment and was
   * taken back out. `failure`: the deployment did not complete (the change never served traffic).
   */
  outcome: DeploymentOutcome;
  /**
   * First-commit timestamps of the commits this deployment brought that the previous successful deployment did
   * not have; `[]` = no new commits (a redeploy of what was already there).
   */
  commits: readonly CommitRef[];
}

export interface IncidentEvent {
  id: string;
  openedAt: number;
  /** Absent while the incident is still open. */
  resolvedAt?: number;
  /** The label that made it an incident (informational). */
  label?: string;
  /**
   * The deployment that caused it, when the incident tracker knows. Absent: the incident is attributed to the
   * latest deployment that reached the environment (`success` or `rolled-back`) started at or before `openedAt`.
   */
  deploymentId?: string;
}

/** A Jira ticket: created → released (the flow's own lead time). */
export interface TicketEvent {
  key: string;
  createdAt: number;
  /** Absent while unreleased. */
  releasedAt?: number;
}

export interface DoraHistory {
  /** The service the history belongs to (shown in reports). */
  service: string;
  deployments: readonly DeploymentEvent[];
  incidents: readonly IncidentEvent[];
  tickets: readonly TicketEvent[];
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function requireTime(input: string, value: unknown): void {
  if (!isTime(value)) {
    throw new InputError(
      input,
      `is ${String(value)}, not a finite epoch-milliseconds timestamp`,
      'Pass a number of milliseconds since 1970-01-01T00:00:00Z.',
    );
  }
}

/**
 * Rejects histories no computation could make sense of (throws `InputError`): non-finite timestamps, a deployment
 * that finished before it started, an unknown outcome, duplicate deployment ids, an incident resolved before it
 * opened, an incident naming an unknown deployment. Clock skew between commits and deployments, or between
 * ticket creation and release, is NOT an error: the keys clamp it and count it (`skewed`).
 */
export function validateHistory(history: DoraHistory): void {
  const ids = new Set<string>();
  for (const [i, d] of history.deployments.entries()) {
    const at = `deployments[${i}] (${d.id})`;
    requireTime(`${at}.startedAt`, d.startedAt);
    requireTime(`${at}.finishedAt`, d.finishedAt);
    if (d.finishedAt < d.startedAt) {
      throw new InputError(`${at}.finishedAt`, 'is before startedAt', 'Check the deployment timestamps.');
    }
    if (!DEPLOYMENT_OUTCOMES.includes(d.outcome)) {
      throw new InputError(
        `${at}.outcome`,
        `is '${String(d.outcome)}'`,
        `Use one of ${DEPLOYMENT_OUTCOMES.join(', ')}.`,
      );
    }
    if (ids.has(d.id)) {
      throw new InputError(`${at}.id`, 'is used by two deployments', 'Give every deployment a unique id.');
    }
    ids.add(d.id);
    for (const [j, c] of d.commits.entries()) requireTime(`${at}.commits[${j}].at`, c.at);
  }
  for (const [i, incident] of history.incidents.entries()) {
    const at = `incidents[${i}] (${incident.id})`;
    requireTime(`${at}.openedAt`, incident.openedAt);
    if (incident.resolvedAt !== undefined) {
      requireTime(`${at}.resolvedAt`, incident.resolvedAt);
      if (incident.resolvedAt < incident.openedAt) {
        throw new InputError(`${at}.resolvedAt`, 'is before openedAt', 'Check the incident timestamps.');
      }
    }
    if (incident.deploymentId !== undefined && !ids.has(incident.deploymentId)) {
      throw new InputError(
        `${at}.deploymentId`,
        `names deployment '${incident.deploymentId}', which is not in the history`,
        'Include that deployment or leave deploymentId out to attribute by time.',
      );
    }
  }
  for (const [i, t] of history.tickets.entries()) {
    const at = `tickets[${i}] (${t.key})`;
    requireTime(`${at}.createdAt`, t.createdAt);
    if (t.releasedAt !== undefined) requireTime(`${at}.releasedAt`, t.releasedAt);
  }
}
