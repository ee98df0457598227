// What the digest reports, read in a fixed number of requests: one JQL search (per 100 tickets), one GraphQL query.
import { readRolloutRecord } from '@flowkit/canary/rollout/record';
import type { GitHubClient, Repo } from '@flowkit/github';
import { type JiraDeployment, type JiraTransport, searchJql } from '@flowkit/jira';

/** A ticket in progress. */
export interface DigestTicket {
  key: string;
  summary: string;
  url: string;
  status: string;
  /** Who works on it: display name and, where Jira shows it, email; undefined when unassigned. */
  assignee: { name: string; email?: string } | undefined;
}

/** An open pull request that has had no review yet. */
export interface DigestPull {
  number: number;
  title: string;
  url: string;
  author: string;
  /** Epoch ms when it was opened. */
  createdAt: number;
  /** Requested reviewers (logins, or team names). */
  reviewers: string[];
}

/** An environment whose newest deployment waits for someone to approve. */
export interface AwaitingApproval {
  environment: string;
  sha: string;
  url: string | undefined;
  /** Epoch ms since it waits. */
  since: number;
  /** 'reviewers': GitHub waits for the environment's required reviewers; 'review': deployed, ready for review. */
  kind: 'reviewers' | 'review';
}

/** A production deployment whose canary runs now. */
export interface CanaryInProgress {
  sha: string;
  weight: number | undefined;
  step: string;
  since: number;
}

/** A rollback of a production canary. */
export interface Rollback {
  sha: string;
  at: number;
  reason: string;
}

/** What GitHub says about the repository. */
export interface RepoDigest {
  pulls: DigestPull[];
  /** Open pull requests that did not fit in the query's page (GitHub's totalCount minus those read). */
  morePulls: number;
  awaitingApproval: AwaitingApproval[];
  canaries: CanaryInProgress[];
  rollbacks: Rollback[];
}

const TICKET_FIELDS = ['summary', 'status', 'assignee'];

/**
 * The tickets `jql` selects, one request per 100 (Jira's largest page; Cloud and Server/Data Center alike).
 * `site` is the Jira base URL for links.
 */
export async function readTickets(
  transport: JiraTransport,
  deployment: JiraDeployment,
  site: string,
  jql: string,
  maxTickets = 500,
): Promise<DigestTicket[]> {
  const raw = await searchJql<RawTicket>(transport, deployment, {
    jql,
    fields: TICKET_FIELDS,
    maxIssues: maxTickets,
  });
  return raw.map((issue) => {
    const fields = issue.fields ?? {};
    const assignee = fields.assignee ?? undefined;
    return {
      key: issue.key ?? '',
      summary: String(fields.summary ?? ''),
      url: `${site.replace(/\/$/, '')}/browse/${issue.key ?? ''}`,
      status: fields.status?.name ?? '',
      assignee:
        assignee === undefined || assignee === null
          ? undefined
          : {
              name: assignee.displayName ?? assignee.accountId ?? assignee.name ?? '',
              ...(assignee.emailAddress ? { email: assignee.emailAddress } : {}),
            },
    };
  });
}

interface RawTicket {
  key?: string;
  fields?: {
    summary?: unknown;
    status?: { name?: string };
    assignee?: { accountId?: string; name?: string; displayName?: string; emailAddress?: string } | null;
  };
}

/**
 * The digest's one GitHub query: open pull requests with their review requests and reviews, and the newest
 * deployments of every environment with their statuses. 100 pull requests and 100 deployments × 20 statuses cost
 * 2 points of GitHub's GraphQL rate limit.
 */
export const STANDUP_DIGEST_QUERY = `query FlowkitStandupDigest($owner: String!, $name: String!, $pulls: Int!, $deployments: Int!, $statuses: Int!) {
  rateLimit { cost remaining resetAt }
  repository(owner: $owner, name: $name) {
    pullRequests(states: [OPEN], first: $pulls, orderBy: {field: CREATED_AT, direction: ASC}) {
      totalCount
      nodes {
        number
        title
        url
        createdAt
        isDraft
        author { login }
        reviewRequests(first: 10) { nodes { requestedReviewer { ... on User { login } ... on Team { name } } } }
        reviews(first: 1) { totalCount }
      }
    }
    deployments(first: $deployments, orderBy: {field: CREATED_AT, direction: DESC}) {
      nodes {
        databaseId
        commitOid
        createdAt
        environment
        statuses(first: $statuses) { nodes { state createdAt description environmentUrl } }
      }
    }
  }
}`;

interface DigestAnswer {
  repository: {
    pullRequests: {
      totalCount: number;
      nodes: (PullNode | null)[];
    };
    deployments: { nodes: (DeploymentNode | null)[] };
  } | null;
}

interface PullNode {
  number: number;
  title: string;
  url: string;
  createdAt: string;
  isDraft: boolean;
  author: { login: string } | null;
  reviewRequests: {
    nodes: ({ requestedReviewer: { login?: string; name?: string } | null } | null)[];
  } | null;
  reviews: { totalCount: number } | null;
}

interface DeploymentNode {
  databaseId: number | null;
  commitOid: string;
  createdAt: string;
  environment: string | null;
  statuses: { nodes: (StatusNode | null)[] } | null;
}

interface StatusNode {
  state: string;
  createdAt: string;
  description: string | null;
  environmentUrl: string | null;
}

/** Which environments are which, for reading the deployments. */
export interface EnvironmentNames {
  production: string;
  /** Environments whose name starts with this are staging (staging, staging-pr-12). */
  stagingPrefix: string;
}

/**
 * Reads the repository's state in one GraphQL query. `rollbacksSince` (epoch ms) is the previous digest's time:
 * rollbacks before it were reported then.
 */
export async function readRepoDigest(
  github: GitHubClient,
  repo: Repo,
  environments: EnvironmentNames,
  rollbacksSince: number,
): Promise<RepoDigest> {
  const answer = await github.graphql<DigestAnswer>(STANDUP_DIGEST_QUERY, {
    owner: repo.owner,
    name: repo.repo,
    pulls: 100,
    deployments: 100,
    statuses: 20,
  });
  if (answer.repository === null) throw new Error(`GitHub found no repository ${repo.owner}/${repo.repo}`);
  const { pullRequests, deployments } = answer.repository;
  const openPulls = pullRequests.nodes.filter((node) => node !== null);
  const pulls = openPulls
    .filter((pull) => !pull.isDraft && (pull.reviews?.totalCount ?? 0) === 0)
    .map((pull) => ({
      number: pull.number,
      title: pull.title,
      url: pull.url,
      author: pull.author?.login ?? 'ghost',
      createdAt: Date.parse(pull.createdAt),
      reviewers: (pull.reviewRequests?.nodes ?? []).flatMap((request) => {
        const who = request?.requestedReviewer;
        const name = who?.login ?? who?.name;
        return name === undefined ? [] : [name];
      }),
    }));
  return {
    pulls,
    morePulls: Math.max(0, pullRequests.totalCount - openPulls.length),
    ...readDeployments(
      deployments.nodes.filter((node) => node !== null),
      environments,
      rollbacksSince,
    ),
  };
}

/** The deployment part of the digest, from deployments newest first. Pure. */
export function readDeployments(
  nodes: readonly DeploymentNode[],
  environments: EnvironmentNames,
  rollbacksSince: number,
): Pick<RepoDigest, 'awaitingApproval' | 'canaries' | 'rollbacks'> {
  const newest = new Map<string, DeploymentNode>();
  for (const node of nodes) {
    const environment = node.environment ?? '';
    if (!newest.has(environment)) newest.set(environment, node);
  }
  const production = nodes.filter((node) => node.environment === environments.production);
  const releasedShas = new Set(production.map((node) => node.commitOid));
  const awaitingApproval: AwaitingApproval[] = [];
  for (const [environment, node] of newest) {
    const statuses = newestFirst(node);
    const latest = statuses[0];
    if (latest === undefined) continue;
    const url = statuses.find((status) => status.environmentUrl)?.environmentUrl ?? undefined;
    if (latest.state.toLowerCase() === 'waiting') {
      awaitingApproval.push({
        environment,
        sha: node.commitOid,
        url,
        since: Date.parse(latest.createdAt),
        kind: 'reviewers',
      });
    } else if (
      environment.startsWith(environments.stagingPrefix) &&
      latest.state.toLowerCase() === 'success' &&
      !releasedShas.has(node.commitOid)
    ) {
      awaitingApproval.push({
        environment,
        sha: node.commitOid,
        url,
        since: Date.parse(latest.createdAt),
        kind: 'review',
      });
    }
  }
  const canaries: CanaryInProgress[] = [];
  const rollbacks: Rollback[] = [];
  for (const node of production) {
    const statuses = newestFirst(node);
    const record = readRolloutRecord(
      statuses.map((status) => ({ description: status.description, created_at: status.createdAt })),
    );
    if (record === undefined) continue;
    if (record.outcome === 'rolled-back') {
      const status = statuses.find((entry) => (entry.description ?? '').startsWith('Rolled back from '));
      const at = Date.parse(status?.createdAt ?? node.createdAt);
      if (at >= rollbacksSince) {
        rollbacks.push({
          sha: node.commitOid,
          at,
          reason: (status?.description ?? '').replace(/ \[flowkit\]$/, ''),
        });
      }
    } else if (
      record.outcome === undefined &&
      ['in_progress', 'queued', 'pending'].includes(stateOf(statuses[0]))
    ) {
      const step = record.steps.at(-1);
      canaries.push({
        sha: node.commitOid,
        weight: step?.weight,
        step:
          step === undefined
            ? 'starting'
            : `${step.weight}% (step ${step.index + 1} of ${record.plan.steps.length})`,
        since: step?.since ?? record.startedAt,
      });
    }
  }
  return { awaitingApproval, canaries, rollbacks };
}

function newestFirst(node: DeploymentNode): StatusNode[] {
  // The connection lists statuses oldest first; equal seconds keep that order reversed.
  return (node.statuses?.nodes ?? [])
    .filter((status) => status !== null)
    .reverse()
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

function stateOf(status: StatusNode | undefined): string {
  return (status?.state ?? '').toLowerCase();
}
