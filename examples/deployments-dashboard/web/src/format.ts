// Pure helpers of the widget: reading the API's answer and wording states and times; no DOM, so Jest tests them.
import type { ActiveDeployment, DeploymentState } from '../../server/deployments.ts';

export type { ActiveDeployment };

const STATE_LABELS: Partial<Record<DeploymentState, string>> = {
  success: 'Live',
  in_progress: 'Deploying',
  queued: 'Queued',
};

/** The badge text for a state: what an on-call engineer would say, not GitHub's identifier. */
export function stateLabel(state: DeploymentState): string {
  return STATE_LABELS[state] ?? state.replace(/_/g, ' ');
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'long' });

/** "just now", "4 minutes ago", "3 hours ago", "yesterday", "5 days ago". */
export function relativeTime(ageSeconds: number): string {
  const seconds = Math.max(0, Math.round(ageSeconds));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return relative.format(-minutes, 'minute');
  const hours = Math.round(seconds / 3600);
  if (hours < 24) return relative.format(-hours, 'hour');
  return relative.format(-Math.round(seconds / 86_400), 'day');
}

/** The answer of the API did not have the expected shape. */
export class UnexpectedAnswerError extends Error {
  constructor(detail: string) {
    super(`unexpected answer from the API: ${detail}`);
    this.name = 'UnexpectedAnswerError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Only http(s) links are rendered: an environment URL comes from whoever created the deployment. */
export function safeHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The rows of a `GET /api/deployments/top` answer; throws `UnexpectedAnswerError` when it is not one. */
export function parseTopDeployments(body: unknown): ActiveDeployment[] {
  if (!isRecord(body) || !Array.isArray(body.deployments))
    throw new UnexpectedAnswerError('no deployments list');
  return body.deployments.map((row, index) => {
    if (
      !isRecord(row) ||
      typeof row.id !== 'number' ||
      typeof row.environment !== 'string' ||
      typeof row.ref !== 'string' ||
      typeof row.sha !== 'string' ||
      typeof row.state !== 'string' ||
      typeof row.updated_at !== 'string' ||
      typeof row.age_seconds !== 'number'
    ) {
      throw new UnexpectedAnswerError(`deployment ${index + 1} lacks a field`);
    }
    const parsed: ActiveDeployment = {
      id: row.id,
      environment: row.environment,
      ref: row.ref,
      sha: row.sha,
      creator: typeof row.creator === 'string' ? row.creator : '',
      state: row.state as DeploymentState,
      updated_at: row.updated_at,
      age_seconds: row.age_seconds,
    };
    const url = safeHttpUrl(row.environment_url);
    if (url) parsed.environment_url = url;
    return parsed;
  });
}
