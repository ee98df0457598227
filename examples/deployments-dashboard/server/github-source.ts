// Deployments from the GitHub Deployments REST API: the recent deployments and each one's latest statuses.
import { type DeploymentSource, SourceError } from './deployment-source.ts';
import {
  DEPLOYMENT_STATES,
  type DeploymentHistory,
  type DeploymentState,
  type DeploymentStatus,
} from './deployments.ts';

/** How to reach the repository's deployments. */
export interface GitHubSourceOptions {
  token: string;
  owner: string;
  repo: string;
  /** The REST API base, without a trailing slash (https://api.github.com, or GHES's https://host/api/v3). */
  apiUrl: string;
  /** The whole listing, every request included, must finish within this; default `GITHUB_TIMEOUT_MS`. */
  timeoutMs?: number;
  /** How many of the most recent deployments are considered; default `GITHUB_LOOKBACK`. */
  lookback?: number;
  /** Injected by tests; default the global `fetch`. */
  fetch?: typeof fetch;
}

/** The default time budget for one listing. */
export const GITHUB_TIMEOUT_MS = 10_000;

/**
 * The default number of recent deployments read. Each costs one statuses request, and a workflow token has 1,000
 * requests an hour: 30 deployments every 30 s (the cache) is about 3,700 an hour for an app token's 5,000.
 */
export const GITHUB_LOOKBACK = 30;

/** Statuses requests in flight at once; GitHub's secondary limits punish bursts. */
const CONCURRENCY = 5;

/** The statuses read per deployment: the newest few are enough to find its state and its URL. */
const STATUSES_PER_DEPLOYMENT = 10;

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeFailure(status: number, headers: Headers, body: unknown, path: string): string {
  const message = isFields(body) && typeof body.message === 'string' ? `: ${body.message}` : '';
  let hint = '';
  if (status === 401) hint = ' (check GITHUB_TOKEN)';
  else if (status === 404) hint = ' (check GITHUB_REPOSITORY, and that the token can read deployments)';
  else if ((status === 403 || status === 429) && headers.get('x-ratelimit-remaining') === '0') {
    const reset = Number(headers.get('x-ratelimit-reset'));
    hint = Number.isFinite(reset)
      ? ` (rate limit exhausted until ${new Date(reset * 1000).toISOString()})`
      : '';
  }
  return `GitHub answered ${status} for GET ${path}${message}${hint}`;
}

function toStatus(value: unknown): DeploymentStatus | undefined {
  if (!isFields(value)) return undefined;
  const { id, state, created_at: createdAt, environment_url: environmentUrl } = value;
  if (typeof id !== 'number' || typeof createdAt !== 'string') return undefined;
  // A state GitHub adds later is simply not active.
  if (!DEPLOYMENT_STATES.includes(state as DeploymentState)) return undefined;
  const status: DeploymentStatus = { id, state: state as DeploymentState, createdAt };
  if (typeof environmentUrl === 'string' && environmentUrl !== '') status.environmentUrl = environmentUrl;
  return status;
}

function toHistory(value: unknown, path: string): Omit<DeploymentHistory, 'statuses'> {
  if (!isFields(value) || typeof value.id !== 'number') {
    throw new SourceError(`GitHub answered an unexpected deployment for GET ${path}: no id`);
  }
  const creator =
    isFields(value.creator) && typeof value.creator.login === 'string' ? value.creator.login : 'ghost';
  const field = (name: string) => (typeof value[name] === 'string' ? (value[name] as string) : '');
  return {
    id: value.id,
    environment: field('environment'),
    ref: field('ref'),
    sha: field('sha'),
    creator,
    createdAt: field('created_at'),
  };
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of the results. */
async function mapWithLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A source reading `GET /repos/{owner}/{repo}/deployments` and, for each, `…/deployments/{id}/statuses`. */
export function createGitHubSource(options: GitHubSourceOptions): DeploymentSource {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? GITHUB_TIMEOUT_MS;
  const lookback = options.lookback ?? GITHUB_LOOKBACK;
  const repoPath = `/repos/${encodeURIComponent(options.owner)}/${encodeURIComponent(options.repo)}`;

  async function getJson(path: string, signal: AbortSignal): Promise<unknown> {
    let response: Response;
    try {
      response = await doFetch(`${options.apiUrl}${path}`, {
        signal,
        headers: {
          accept: 'application/vnd.github+json',
          authorization: `Bearer ${options.token}`,
          'x-github-api-version': '2022-11-28',
          'user-agent': 'flowkit-deployments-dashboard',
        },
      });
    } catch (error) {
      if (signal.aborted) {
        throw new SourceError(`GitHub did not answer within ${timeoutMs / 1000} s (GET ${path})`, {
          cause: error,
        });
      }
      const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
      const reason = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new SourceError(`could not reach GitHub at ${options.apiUrl}: ${reason}`, { cause: error });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      if (signal.aborted) {
        throw new SourceError(`GitHub did not answer within ${timeoutMs / 1000} s (GET ${path})`, {
          cause: error,
        });
      }
      body = undefined;
      if (response.ok) throw new SourceError(`GitHub answered GET ${path} with a body that is not JSON`);
    }
    if (!response.ok) throw new SourceError(describeFailure(response.status, response.headers, body, path));
    return body;
  }

  return {
    kind: 'github',
    async list() {
      // One budget for the whole listing: the widget waits for all of it.
      const signal = AbortSignal.timeout(timeoutMs);
      const listPath = `${repoPath}/deployments?per_page=${lookback}`;
      const deployments = await getJson(listPath, signal);
      if (!Array.isArray(deployments)) {
        throw new SourceError(`GitHub answered an unexpected body for GET ${listPath}: expected a list`);
      }
      const bare = deployments.map((deployment) => toHistory(deployment, listPath));
      return mapWithLimit(bare, CONCURRENCY, async (deployment) => {
        // Built from the id rather than taken from statuses_url, so the token only ever goes to apiUrl.
        const statusesPath = `${repoPath}/deployments/${deployment.id}/statuses?per_page=${STATUSES_PER_DEPLOYMENT}`;
        const statuses = await getJson(statusesPath, signal);
        if (!Array.isArray(statuses)) {
          throw new SourceError(
            `GitHub answered an unexpected body for GET ${statusesPath}: expected a list`,
          );
        }
        return { ...deployment, statuses: statuses.map(toStatus).filter((status) => status !== undefined) };
      });
    },
  };
}
