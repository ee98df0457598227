// A service's DORA history read from GitHub: deployments with their statuses (GraphQL), the commits each brought
// (compare API), incidents (issues with a label). The mapping from GitHub's shapes is pure and exported apart.
import { readRolloutRecord } from '@flowkit/canary/rollout/record';
import {
  type Commit,
  type DeploymentHistoryEntry,
  type DeploymentHistoryStatus,
  type GitHubClient,
  type Repo,
  readDeploymentHistory,
} from '@flowkit/github';
import type { CommitRef, DeploymentEvent, DeploymentOutcome, DoraHistory, IncidentEvent } from './events.ts';
import type { DeploymentMessages } from './tickets.ts';
import { DAY } from './units.ts';

/** The compare API lists at most 250 commits without paging further; one request of them per deployment. */
export const COMPARE_COMMIT_LIMIT = 250;

/** How a deployment ended and when, from its statuses (any order); undefined while it is still running. */
export function deploymentOutcome(
  statuses: readonly DeploymentHistoryStatus[],
): { outcome: DeploymentOutcome; at: number } | undefined {
  const newestFirst = [...statuses].sort((a, b) => b.createdAt - a.createdAt);
  // A later deployment marks earlier ones inactive: the status before that says how this one ended.
  const last = newestFirst.find((status) => status.state !== 'inactive');
  if (last === undefined) {
    const first = newestFirst.at(-1);
    return first === undefined ? undefined : { outcome: 'success', at: first.createdAt };
  }
  if (last.state === 'success') return { outcome: 'success', at: last.createdAt };
  if (last.state !== 'failure' && last.state !== 'error') return undefined;
  // canary-promote writes the rollout in the descriptions: a rollout that served traffic and ended rolled back.
  const record = readRolloutRecord(
    statuses.map((status) => ({
      description: status.description,
      created_at: new Date(status.createdAt).toISOString(),
    })),
  );
  const rolledBack = record?.outcome === 'rolled-back' && record.steps.length > 0;
  return { outcome: rolledBack ? 'rolled-back' : 'failure', at: last.createdAt };
}

/** A compare commit's first timestamp: when it was authored (committer time when GitHub has no author date). */
export function commitRef(commit: Commit): CommitRef {
  const at = Date.parse(commit.commit.author?.date ?? commit.commit.committer?.date ?? '');
  return { sha: commit.sha, at };
}

/** A deployment that ended, with the sha of the previous successful deployment (the base of its commits). */
export interface EndedDeployment {
  entry: DeploymentHistoryEntry;
  outcome: DeploymentOutcome;
  finishedAt: number;
  /** Undefined for the oldest deployment read: nothing to compare it with. */
  base: string | undefined;
}

/** The deployments that ended, oldest first, each with the sha its commits are counted from. */
export function endedDeployments(entries: readonly DeploymentHistoryEntry[]): EndedDeployment[] {
  const ended: EndedDeployment[] = [];
  let lastGood: string | undefined;
  for (const entry of [...entries].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id)) {
    const result = deploymentOutcome(entry.statuses);
    if (result === undefined) continue;
    ended.push({
      entry,
      outcome: result.outcome,
      finishedAt: Math.max(entry.createdAt, result.at),
      base: lastGood,
    });
    if (result.outcome === 'success') lastGood = entry.sha;
  }
  return ended;
}

/** A deployment event from an ended deployment and the commits it brought. */
export function toDeploymentEvent(ended: EndedDeployment, commits: readonly CommitRef[]): DeploymentEvent {
  return {
    id: String(ended.entry.id),
    environment: ended.entry.environment,
    sha: ended.entry.sha,
    startedAt: ended.entry.createdAt,
    finishedAt: ended.finishedAt,
    outcome: ended.outcome,
    commits: commits.map((commit) => ({
      sha: commit.sha,
      at: Number.isFinite(commit.at) ? commit.at : ended.entry.createdAt,
    })),
  };
}

/** An item of GitHub's issue list (pull requests come in it too, with a `pull_request` key). */
export interface IssueListItem {
  number: number;
  state: string;
  created_at: string;
  closed_at: string | null;
  pull_request?: unknown;
}

/** Incidents from the issues carrying the incident label; pull requests are left out. */
export function toIncidents(issues: readonly IssueListItem[], label: string): IncidentEvent[] {
  return issues
    .filter((issue) => issue.pull_request === undefined)
    .map((issue) => {
      const closed = issue.state === 'closed' && issue.closed_at ? Date.parse(issue.closed_at) : undefined;
      return {
        id: `#${issue.number}`,
        openedAt: Date.parse(issue.created_at),
        label,
        ...(closed === undefined ? {} : { resolvedAt: closed }),
      };
    });
}

export interface GitHubDoraOptions {
  service: string;
  environment: string;
  /** Window start and end (epoch ms): deployments and incidents are read from `from − lookbackMs`. */
  from: number;
  to: number;
  /** Read before `from` to find the base of the window's first deployments; default 30 days. */
  lookbackMs?: number;
  incidentLabel: string;
  /** At most this many deployments read (GraphQL, 100 a request); default 5,000. */
  maxDeployments?: number;
  /** At most this many compare requests (one per deployment in the window); default 500. */
  maxCompares?: number;
  /** At most this many incident issues read (100 a request); default 1,000. */
  maxIncidents?: number;
}

/** What reading cost, for the report and the bench. */
export interface GitHubDoraCost {
  graphqlRequests: number;
  compareRequests: number;
  issueRequests: number;
  /** Deployments in the window whose commits were not read because `maxCompares` was reached. */
  uncompared: number;
  /** True when `maxDeployments` stopped the reading. */
  truncated: boolean;
}

/**
 * Reads one environment's history from GitHub, with bounded requests; `messages` are the commit messages each
 * compared deployment brought (for the Jira keys it released). Tickets are left to `readJiraTickets`.
 */
export async function readGitHubDoraHistory(
  github: GitHubClient,
  repo: Repo,
  options: GitHubDoraOptions,
): Promise<{ history: DoraHistory; cost: GitHubDoraCost; messages: DeploymentMessages[] }> {
  const since = options.from - (options.lookbackMs ?? 30 * DAY);
  const read = await readDeploymentHistory(github, repo, {
    environment: options.environment,
    since,
    maxDeployments: options.maxDeployments ?? 5000,
  });
  const maxCompares = options.maxCompares ?? 500;
  let compareRequests = 0;
  let uncompared = 0;
  const deployments: DeploymentEvent[] = [];
  const messages: DeploymentMessages[] = [];
  for (const ended of endedDeployments(read.deployments)) {
    const inWindow = ended.finishedAt >= options.from && ended.finishedAt < options.to;
    let commits: CommitRef[] = [];
    if (inWindow && ended.base !== undefined && ended.base !== ended.entry.sha) {
      if (compareRequests < maxCompares) {
        const before = github.requestCount;
        const found = await github.compareCommits(repo, ended.base, ended.entry.sha, COMPARE_COMMIT_LIMIT);
        compareRequests += github.requestCount - before;
        commits = found.map(commitRef);
        messages.push({
          outcome: ended.outcome,
          finishedAt: ended.finishedAt,
          messages: found.map((commit) => commit.commit.message),
        });
      } else uncompared++;
    }
    deployments.push(toDeploymentEvent(ended, commits));
  }
  const before = github.requestCount;
  const issues = await github.paginate<IssueListItem>(
    `/repos/${repo.owner}/${repo.repo}/issues`,
    { labels: options.incidentLabel, state: 'all', since: new Date(since).toISOString() },
    options.maxIncidents ?? 1000,
  );
  return {
    history: {
      service: options.service,
      deployments,
      incidents: toIncidents(issues, options.incidentLabel),
      tickets: [],
    },
    cost: {
      graphqlRequests: read.requests,
      compareRequests,
      issueRequests: github.requestCount - before,
      uncompared,
      truncated: read.truncated,
    },
    messages,
  };
}
