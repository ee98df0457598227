// A repository's deployments to one environment, each with its statuses, read through GitHub's GraphQL API.
//
// Why GraphQL: over REST the history costs one list request per 100 deployments plus one statuses request per
// deployment (5,000 deployments: 50 + 5,000 = 5,050 requests), while a workflow's GITHUB_TOKEN may make 1,000
// REST requests per hour per repository. One GraphQL query lists 100 deployments with the first statuses of each
// for 1 point (the 5,000: 50 queries), plus one follow-up query per deployment that has more statuses than asked.
import type { GitHubClient, Repo } from './client.ts';

/** One status of a deployment. */
export interface DeploymentHistoryStatus {
  /** GitHub's GraphQL state in lower case, as REST writes it: success, failure, in_progress, inactive… */
  state: string;
  /** Epoch milliseconds. */
  createdAt: number;
  description: string | null;
  logUrl: string | null;
}

/** One deployment with all its statuses, newest first. */
export interface DeploymentHistoryEntry {
  /** The REST id (GraphQL `databaseId`). */
  id: number;
  sha: string;
  /** The environment the deployment is in now (a status may have moved it). */
  environment: string;
  /** Epoch milliseconds. */
  createdAt: number;
  statuses: DeploymentHistoryStatus[];
}

export interface DeploymentHistoryOptions {
  environment: string;
  /** Epoch milliseconds: deployments created before it are not read (the reading stops at the first one). */
  since?: number;
  /** Read at most this many deployments; default 5,000. */
  maxDeployments?: number;
  /** Statuses read with each deployment (1–100, GitHub's page limit); default 20. More take a follow-up query. */
  statusesPerDeployment?: number;
}

export interface DeploymentHistory {
  /** Newest first. */
  deployments: DeploymentHistoryEntry[];
  /** HTTP requests made, retries included. */
  requests: number;
  /** True when `maxDeployments` stopped the reading before the history (or `since`) did. */
  truncated: boolean;
  /** The ids of the deployments that had more statuses than `statusesPerDeployment`: read by follow-up queries. */
  statusFollowUps: number[];
}

/** GitHub's limit on `first` for any connection. */
const PAGE_LIMIT = 100;

const STATUS_FIELDS = 'state createdAt description logUrl';

/**
 * The history query: a page of deployments, newest first, each with its first `$statuses` statuses. Its cost is
 * (1 + $first) connection requests / 100, i.e. 1 point for 100 deployments; its node count $first × (1 + $statuses).
 */
export const DEPLOYMENT_HISTORY_QUERY = `query FlowkitDeploymentHistory($owner: String!, $name: String!, $environments: [String!], $first: Int!, $after: String, $statuses: Int!) {
  rateLimit { cost remaining resetAt }
  repository(owner: $owner, name: $name) {
    deployments(environments: $environments, orderBy: {field: CREATED_AT, direction: DESC}, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        databaseId
        commitOid
        createdAt
        environment
        statuses(first: $statuses) {
          pageInfo { hasNextPage endCursor }
          nodes { ${STATUS_FIELDS} }
        }
      }
    }
  }
}`;

/** The rest of one deployment's statuses, through its node ID. */
export const DEPLOYMENT_STATUSES_QUERY = `query FlowkitDeploymentStatuses($id: ID!, $first: Int!, $after: String) {
  rateLimit { cost remaining resetAt }
  node(id: $id) {
    ... on Deployment {
      statuses(first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { ${STATUS_FIELDS} }
      }
    }
  }
}`;

interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

interface StatusNode {
  state: string;
  createdAt: string;
  description: string | null;
  logUrl: string | null;
}

interface StatusConnection {
  pageInfo: PageInfo;
  nodes: (StatusNode | null)[];
}

interface DeploymentNode {
  id: string;
  databaseId: number | null;
  commitOid: string;
  createdAt: string;
  environment: string | null;
  statuses: StatusConnection | null;
}

interface HistoryAnswer {
  repository: {
    deployments: { pageInfo: PageInfo; nodes: (DeploymentNode | null)[] };
  } | null;
}

interface StatusesAnswer {
  node: { statuses?: StatusConnection | null } | null;
}

/**
 * Reads the deployments to `environment`, newest first, each with every status: pages of up to 100 deployments,
 * stopping at the first deployment older than `since` or after `maxDeployments`. Throws GitHubError for GraphQL
 * errors (e.g. FORBIDDEN "Resource not accessible by integration" without `deployments: read`).
 */
export async function readDeploymentHistory(
  github: GitHubClient,
  repo: Repo,
  options: DeploymentHistoryOptions,
): Promise<DeploymentHistory> {
  const before = github.requestCount;
  const maxDeployments = Math.max(0, Math.floor(options.maxDeployments ?? 5000));
  const statusesPerDeployment = Math.min(
    PAGE_LIMIT,
    Math.max(1, Math.floor(options.statusesPerDeployment ?? 20)),
  );
  const deployments: DeploymentHistoryEntry[] = [];
  const statusFollowUps: number[] = [];
  let truncated = false;
  let after: string | null = null;
  for (;;) {
    if (deployments.length >= maxDeployments) {
      // Reached the bound: truncated unless the history provably ended here (it did if `after` is null after a
      // page, which the loop leaves through `break` below).
      truncated = true;
      break;
    }
    const answer: HistoryAnswer = await github.graphql<HistoryAnswer>(DEPLOYMENT_HISTORY_QUERY, {
      owner: repo.owner,
      name: repo.repo,
      environments: [options.environment],
      first: Math.min(PAGE_LIMIT, maxDeployments - deployments.length),
      after,
      statuses: statusesPerDeployment,
    });
    if (answer.repository === null) {
      throw new Error(`GitHub found no repository ${repo.owner}/${repo.repo} for the deployment history`);
    }
    const { pageInfo, nodes } = answer.repository.deployments;
    let reachedSince = false;
    for (const node of nodes) {
      if (node === null) continue;
      const createdAt = Date.parse(node.createdAt);
      if (options.since !== undefined && createdAt < options.since) {
        reachedSince = true;
        break;
      }
      const id = node.databaseId ?? Number.NaN;
      const statuses = (node.statuses?.nodes ?? []).filter((status) => status !== null);
      let statusPage = node.statuses?.pageInfo;
      if (statusPage?.hasNextPage) statusFollowUps.push(id);
      while (statusPage?.hasNextPage) {
        const rest: StatusesAnswer = await github.graphql<StatusesAnswer>(DEPLOYMENT_STATUSES_QUERY, {
          id: node.id,
          first: PAGE_LIMIT,
          after: statusPage.endCursor,
        });
        const connection = rest.node?.statuses;
        if (!connection) throw new Error(`GitHub no longer finds deployment ${id} (node ${node.id})`);
        statuses.push(...connection.nodes.filter((status) => status !== null));
        statusPage = connection.pageInfo;
      }
      deployments.push({
        id,
        sha: node.commitOid,
        environment: node.environment ?? options.environment,
        createdAt,
        // The connection lists statuses oldest first (as `statuses(last: 1)` for the latest suggests; GitHub does
        // not document it): reversed, then sorted, so statuses of the same second stay newest first too.
        statuses: statuses
          .map(toStatus)
          .reverse()
          .sort((a, b) => b.createdAt - a.createdAt),
      });
    }
    if (reachedSince || !pageInfo.hasNextPage || pageInfo.endCursor === null) break;
    after = pageInfo.endCursor;
  }
  return { deployments, requests: github.requestCount - before, truncated, statusFollowUps };
}

function toStatus(node: StatusNode): DeploymentHistoryStatus {
  return {
    state: node.state.toLowerCase(),
    createdAt: Date.parse(node.createdAt),
    description: node.description,
    logUrl: node.logUrl,
  };
}
