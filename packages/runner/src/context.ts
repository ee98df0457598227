// The GitHub context of the run, read from the runner's GITHUB_* variables and the event payload file.
import { readFileSync } from 'node:fs';

/** What Flowkit reads about the current run. */
export interface GitHubContext {
  serverUrl: string;
  apiUrl: string;
  repository: string;
  runId: string;
  runAttempt: string;
  workflow: string;
  job: string;
  sha: string;
  ref: string;
  refName: string;
  /** The source branch of a pull request ('' for other events). */
  headRef: string;
  actor: string;
  eventName: string;
  /** Link to this run's page, or '' outside a runner. */
  runUrl: string;
  /** The webhook payload that triggered the run ({} when there is none). */
  event: Record<string, unknown>;
}

/** Reads the context from `env` (the process environment by default). */
export function readGitHubContext(env: NodeJS.ProcessEnv = process.env): GitHubContext {
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const repository = env.GITHUB_REPOSITORY ?? '';
  const runId = env.GITHUB_RUN_ID ?? '';
  return {
    serverUrl,
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    repository,
    runId,
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    workflow: env.GITHUB_WORKFLOW ?? '',
    job: env.GITHUB_JOB ?? '',
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    refName: env.GITHUB_REF_NAME ?? '',
    headRef: env.GITHUB_HEAD_REF ?? '',
    actor: env.GITHUB_ACTOR ?? '',
    eventName: env.GITHUB_EVENT_NAME ?? '',
    runUrl: repository && runId ? `${serverUrl}/${repository}/actions/runs/${runId}` : '',
    event: readEvent(env.GITHUB_EVENT_PATH),
  };
}

function readEvent(path: string | undefined): Record<string, unknown> {
  if (!path) return {};
  try {
    const event: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof event === 'object' && event !== null ? (event as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Resolves a `github.…` expression the way GitHub's expression syntax names context fields
 * (`github.event.pull_request.title`, `github.repository`, `github.run_id`); '' for what is absent.
 */
export function resolveGitHubExpression(context: GitHubContext, path: string[]): string {
  const top: Record<string, unknown> = {
    server_url: context.serverUrl,
    api_url: context.apiUrl,
    repository: context.repository,
    repository_owner: context.repository.split('/')[0] ?? '',
    run_id: context.runId,
    run_attempt: context.runAttempt,
    workflow: context.workflow,
    job: context.job,
    sha: context.sha,
    ref: context.ref,
    ref_name: context.refName,
    actor: context.actor,
    event_name: context.eventName,
    event: context.event,
  };
  let node: unknown = top;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return '';
    node = (node as Record<string, unknown>)[key];
  }
  if (node === undefined || node === null) return '';
  return typeof node === 'object' ? JSON.stringify(node) : String(node);
}
