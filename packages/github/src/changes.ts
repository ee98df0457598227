// The text a change carries — branch names, PR title and body, commit messages — read from the event and the API.
import type { Commit, GitHubClient, Repo } from './client.ts';

/** Where a change's text came from, for the summary. */
export interface ChangeText {
  branches: string[];
  texts: string[];
  /** What was read, e.g. "branch, PR #12 title and body, 7 PR commits". */
  sources: string[];
}

/** The parts of a workflow run the change is read from. */
export interface ChangeContext {
  eventName: string;
  event: Record<string, unknown>;
  /** GITHUB_REF_NAME (the branch of a push). */
  refName: string;
  /** GITHUB_HEAD_REF (the source branch of a pull request). */
  headRef: string;
  repo: Repo;
}

/**
 * Reads the change's text: the branch, and for a pull request its title, body and commits (listed through the
 * API, since the pull_request payload carries none); for a push, the commits in the payload.
 */
export async function readChangeText(
  context: ChangeContext,
  github: GitHubClient | undefined,
): Promise<ChangeText> {
  const result: ChangeText = { branches: [], texts: [], sources: [] };
  const pull = context.event.pull_request as
    | { number?: number; title?: string; body?: string | null; head?: { ref?: string } }
    | undefined;
  const branch = context.headRef || pull?.head?.ref || (context.eventName === 'push' ? context.refName : '');
  if (branch) {
    result.branches.push(branch);
    result.sources.push(`branch ${branch}`);
  }
  if (pull !== undefined) {
    result.texts.push(pull.title ?? '', pull.body ?? '');
    result.sources.push(`PR #${pull.number} title and body`);
    if (github !== undefined && typeof pull.number === 'number') {
      const commits = await github.listPullRequestCommits(context.repo, pull.number);
      result.texts.push(...messages(commits));
      result.sources.push(`${commits.length} PR commit(s)`);
    }
  }
  const pushed = context.event.commits as { message?: string }[] | undefined;
  if (Array.isArray(pushed)) {
    result.texts.push(...pushed.map((commit) => commit.message ?? ''));
    result.sources.push(`${pushed.length} pushed commit(s)`);
  }
  return result;
}

/**
 * The text of every commit since the last successful deployment to `environment` up to `head`, for a release:
 * "all keys since the last production deployment". Without an earlier deployment, nothing (and says so).
 */
export async function readReleaseText(
  github: GitHubClient,
  repo: Repo,
  environment: string,
  head: string,
): Promise<ChangeText> {
  // Deployments of `head` itself are skipped: once a release succeeds it is the newest, and its tickets are still
  // the commits since the release before it.
  const last = await github.lastSuccessfulDeployment(repo, environment, 30, head);
  if (last === undefined)
    return { branches: [], texts: [], sources: [`no earlier successful ${environment} deployment`] };
  const commits = await github.compareCommits(repo, last.sha, head);
  return {
    branches: [],
    texts: messages(commits),
    sources: [`${commits.length} commit(s) since the ${environment} deployment of ${last.sha.slice(0, 7)}`],
  };
}

function messages(commits: Commit[]): string[] {
  return commits.map((commit) => commit.commit.message);
}
