// The GitHub side of an environment: its deployment and statuses, marking it inactive, deleting it.
import { type Deployment, type GitHubClient, GitHubError, type Repo } from '@flowkit/github';

/** GitHub refuses a deployment status description over 140 characters. */
export const DESCRIPTION_MAX = 140;

/** `text` on one line, cut to GitHub's 140 characters with an ellipsis. */
export function shortDescription(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length <= DESCRIPTION_MAX ? line : `${chars.slice(0, DESCRIPTION_MAX - 1).join('')}…`;
}

/** What a deployment is of. */
export interface DeploymentTarget {
  repo: Repo;
  environment: string;
  /** A per-pull-request environment: transient, so GitHub may tidy it. */
  transient: boolean;
  commit: string;
  driver: string;
}

/**
 * Creates the deployment of `target.commit` to its environment and marks it in_progress. `required_contexts: []`
 * and `auto_merge: false` always: otherwise GitHub refuses (409) while any commit status is not success, or merges
 * the default branch into the ref first.
 */
export async function startDeployment(
  github: GitHubClient,
  target: DeploymentTarget,
  logUrl: string,
): Promise<Deployment> {
  const deployment = await github.createDeployment(target.repo, {
    ref: target.commit,
    environment: target.environment,
    task: 'deploy',
    auto_merge: false,
    required_contexts: [],
    payload: { flowkit: { driver: target.driver, commit: target.commit } },
    description: shortDescription(`Flowkit: ${target.environment} at ${target.commit.slice(0, 7)}`),
    transient_environment: target.transient,
    production_environment: false,
  });
  await github.createDeploymentStatus(target.repo, Number(deployment.id), {
    state: 'in_progress',
    ...(logUrl === '' ? {} : { log_url: logUrl }),
    description: shortDescription(
      `Provisioning ${target.environment} at ${target.commit.slice(0, 7)} with ${target.driver}`,
    ),
  });
  return deployment;
}

/** Marks a deployment success or failure, with the environment's URL when there is one. */
export async function finishDeployment(
  github: GitHubClient,
  repo: Repo,
  id: number,
  outcome: { state: 'success' | 'failure'; description: string; url: string | undefined; logUrl: string },
): Promise<void> {
  await github.createDeploymentStatus(repo, id, {
    state: outcome.state,
    description: shortDescription(outcome.description),
    ...(outcome.url === undefined ? {} : { environment_url: outcome.url }),
    ...(outcome.logUrl === '' ? {} : { log_url: outcome.logUrl }),
  });
}

/** Adds an inactive status to every deployment of the environment whose latest status is not inactive. */
export async function deactivateEnvironment(
  github: GitHubClient,
  repo: Repo,
  environment: string,
  logUrl: string,
): Promise<number[]> {
  const changed: number[] = [];
  for (const deployment of await github.listDeployments(repo, environment, 100)) {
    const id = Number(deployment.id);
    const [latest] = await github.listDeploymentStatuses(repo, id);
    if (latest?.state === 'inactive') continue;
    await github.createDeploymentStatus(repo, id, {
      state: 'inactive',
      description: shortDescription(`${environment} was removed by Flowkit`),
      ...(logUrl === '' ? {} : { log_url: logUrl }),
    });
    changed.push(id);
  }
  return changed;
}

/** How deleting the GitHub environment went. */
export type EnvironmentDeletion = 'deleted' | 'forbidden' | 'absent';

/**
 * Deletes the GitHub environment. 'forbidden' when the token may not (Administration: write, which a workflow's
 * GITHUB_TOKEN never has), 'absent' when it is already gone.
 */
export async function deleteEnvironment(
  github: GitHubClient,
  repo: Repo,
  environment: string,
): Promise<EnvironmentDeletion> {
  try {
    await github.deleteEnvironment(repo, environment);
    return 'deleted';
  } catch (error) {
    if (error instanceof GitHubError && error.status === 403) return 'forbidden';
    if (error instanceof GitHubError && error.status === 404) return 'absent';
    throw error;
  }
}
