// The deployment model and the pure rule that picks the top 5 active deployments for the widget.

/** Every state GitHub gives a deployment status. */
export const DEPLOYMENT_STATES = [
  'error',
  'failure',
  'inactive',
  'in_progress',
  'queued',
  'pending',
  'success',
] as const;

/** A deployment status state, as GitHub spells it. */
export type DeploymentState = (typeof DEPLOYMENT_STATES)[number];

/** The latest states that make a deployment "active": running, or on its way to running. */
export const ACTIVE_STATES: ReadonlySet<DeploymentState> = new Set(['success', 'in_progress', 'queued']);

/** How many deployments the widget shows. */
export const TOP_LIMIT = 5;

/** One status of a deployment. */
export interface DeploymentStatus {
  /** Increases with creation on GitHub, so it orders statuses created within the same second. */
  id: number;
  state: DeploymentState;
  /** ISO 8601. */
  createdAt: string;
  /** Where the deployed environment answers; absent or empty when the status does not say. */
  environmentUrl?: string;
}

/** A deployment with all the statuses known for it, in any order. */
export interface DeploymentHistory {
  id: number;
  environment: string;
  ref: string;
  /** The full commit sha. */
  sha: string;
  /** The login that created the deployment. */
  creator: string;
  /** ISO 8601. */
  createdAt: string;
  statuses: DeploymentStatus[];
}

/** One row of the widget, as `GET /api/deployments/top` answers it. */
export interface ActiveDeployment {
  id: number;
  environment: string;
  ref: string;
  /** The first 7 characters of the commit sha. */
  sha: string;
  creator: string;
  state: DeploymentState;
  /** When the latest status was created (ISO 8601). */
  updated_at: string;
  /**
   * Seconds between `updated_at` and the server's clock when it answered, so the widget can say "3 min ago"
   * without trusting the browser's clock.
   */
  age_seconds: number;
  /** Present only when some status named the environment's URL. */
  environment_url?: string;
}

/** The first 7 characters of a commit sha, as GitHub shows it. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/** Orders one deployment's statuses newest first; GitHub stamps seconds, so the id breaks same-second ties. */
function newestFirst(a: DeploymentStatus, b: DeploymentStatus): number {
  return Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id;
}

/**
 * The deployments whose latest status is success, in_progress or queued (so never inactive, failed or pending),
 * most recent status first, at most `TOP_LIMIT`. Ties on the status time go to the newer deployment (higher id), so
 * the order never depends on the input order. `now` (epoch ms) only dates the answer: it gives `age_seconds`.
 */
export function topActiveDeployments(
  deployments: readonly DeploymentHistory[],
  now: number,
): ActiveDeployment[] {
  const active: { deployment: DeploymentHistory; latest: DeploymentStatus; statuses: DeploymentStatus[] }[] =
    [];
  for (const deployment of deployments) {
    const statuses = [...deployment.statuses].sort(newestFirst);
    const latest = statuses[0];
    if (latest && ACTIVE_STATES.has(latest.state)) active.push({ deployment, latest, statuses });
  }
  active.sort(
    (a, b) =>
      Date.parse(b.latest.createdAt) - Date.parse(a.latest.createdAt) || b.deployment.id - a.deployment.id,
  );
  return active.slice(0, TOP_LIMIT).map(({ deployment, latest, statuses }) => {
    // An in_progress status often omits the URL an earlier status gave; the newest one that names it wins.
    const environmentUrl = statuses.find((status) => status.environmentUrl)?.environmentUrl;
    const row: ActiveDeployment = {
      id: deployment.id,
      environment: deployment.environment,
      ref: deployment.ref,
      sha: shortSha(deployment.sha),
      creator: deployment.creator,
      state: latest.state,
      updated_at: latest.createdAt,
      age_seconds: Math.max(0, Math.floor((now - Date.parse(latest.createdAt)) / 1000)),
    };
    if (environmentUrl) row.environment_url = environmentUrl;
    return row;
  });
}
