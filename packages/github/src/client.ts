// A small GitHub REST client over Flowkit's HTTP helper: pagination, rate limits and Retry-After handled in one place.
import {
  type Clock,
  httpAttempt,
  type Logger,
  parseAnswerBody,
  parseRetryAfter,
  type RetryPolicy,
  silentLogger,
  systemClock,
  TransientError,
  withRetry,
} from '@flowkit/core';
import type { components } from '@octokit/openapi-types';

/**
 * GitHub refused a request: `status` and GitHub's `message`. For GraphQL, GitHub answers errors with HTTP 200:
 * `type` is the first error's type (NOT_FOUND, FORBIDDEN, EXCESSIVE_PAGINATION…) and `errors` all of them.
 */
export class GitHubError extends Error {
  readonly status: number;
  readonly type: string | undefined;
  readonly errors: readonly GraphQLError[];

  constructor(request: string, status: number, message: string, errors: readonly GraphQLError[] = []) {
    super(`GitHub answered ${status} to ${request}: ${message}`);
    this.name = 'GitHubError';
    this.status = status;
    this.type = errors[0]?.type;
    this.errors = errors;
  }
}

/** One entry of a GraphQL answer's `errors`. */
export interface GraphQLError {
  /** NOT_FOUND, FORBIDDEN, RATE_LIMITED, EXCESSIVE_PAGINATION…; absent for syntax and validation errors. */
  type?: string;
  message: string;
  path?: (string | number)[];
}

export type Commit = components['schemas']['commit'];
export type Deployment = components['schemas']['deployment'];
export type DeploymentStatus = components['schemas']['deployment-status'];
/** What code scanning answers to a SARIF upload: its `id` and the `url` of its status. */
export type SarifReceipt = components['schemas']['code-scanning-sarifs-receipt'];
/** Where a SARIF upload's processing stands: `processing_status`, `analyses_url`, `errors`. */
export type SarifUploadStatus = components['schemas']['code-scanning-sarifs-status'];

/** The body of a SARIF upload (docs.github.com/rest/code-scanning/code-scanning#upload-an-analysis-as-sarif-data). */
export interface SarifUploadRequest {
  /** The commit the analysis is of: 40 hex digits (64 for SHA-256 repositories). */
  commit_sha: string;
  /** refs/heads/<branch>, refs/tags/<tag>, refs/pull/<n>/merge or refs/pull/<n>/head. */
  ref: string;
  /** The SARIF log, gzip-compressed, then Base64-encoded. */
  sarif: string;
  /** The checkout the analysis ran in, to turn absolute file URIs into repository paths. */
  checkout_uri?: string;
  tool_name?: string;
}

/** The body of a deployment (docs.github.com/rest/deployments/deployments#create-a-deployment). */
export interface DeploymentRequest {
  /** A sha, branch or tag. */
  ref: string;
  environment: string;
  task?: string;
  /** false: do not merge the default branch into `ref` first. */
  auto_merge?: boolean;
  /** []: deploy whatever the commit statuses say; omitted, every context must be success. */
  required_contexts?: string[];
  payload?: Record<string, unknown> | string;
  description?: string;
  transient_environment?: boolean;
  production_environment?: boolean;
}

/** The body of a deployment status (docs.github.com/rest/deployments/statuses#create-a-deployment-status). */
export interface DeploymentStatusRequest {
  state: 'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success';
  /** The run's page. */
  log_url?: string;
  environment_url?: string;
  /** At most 140 characters. */
  description?: string;
  /** Default true: a success marks the environment's earlier successful deployments inactive. */
  auto_inactive?: boolean;
}

/** A file a pull request changes: name, status and the unified diff hunks in `patch` (absent for binary or huge diffs). */
export type PullRequestFile = components['schemas']['diff-entry'];

export interface GitHubClientOptions {
  token: string;
  /** GITHUB_API_URL: https://api.github.com, or GitHub Enterprise Server's /api/v3. */
  apiUrl: string;
  policy: () => RetryPolicy;
  timeoutMs?: number;
  log?: Logger;
  clock?: Clock;
}

/** The repository a client works on. */
export interface Repo {
  owner: string;
  repo: string;
}

/** Calls the GitHub REST API. Counts requests, for the API-economy figures. */
export class GitHubClient {
  requestCount = 0;
  readonly #options: GitHubClientOptions;

  constructor(options: GitHubClientOptions) {
    this.#options = options;
  }

  /** One request; JSON in and out. Rate limits wait for the reset or Retry-After within the time budget. */
  async request<T>(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    options: { query?: Record<string, string | number>; body?: unknown } = {},
  ): Promise<{ data: T; headers: Record<string, string> }> {
    const url = new URL(`${this.#options.apiUrl.replace(/\/$/, '')}${path}`);
    for (const [name, value] of Object.entries(options.query ?? {}))
      url.searchParams.set(name, String(value));
    return this.#send(method, url, options.body, (data, headers) => ({ data: data as T, headers }));
  }

  /**
   * One GraphQL query: POST to the GraphQL endpoint (`/graphql` beside api.github.com, `/api/graphql` for a
   * GitHub Enterprise Server `/api/v3` URL) with the same token, retries and rate-limit waits as `request`, counted
   * in `requestCount`. GraphQL reports errors with HTTP 200 and an `errors` list: a primary rate limit
   * (RATE_LIMITED) waits for the reset; any other error is a GitHubError naming each error's type and message,
   * even when part of `data` came back.
   */
  async graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const url = new URL(graphqlUrl(this.#options.apiUrl));
    const { clock = systemClock } = this.#options;
    return this.#send('POST', url, { query, variables }, (body, headers, request) => {
      const answer = (typeof body === 'object' && body !== null ? body : {}) as {
        data?: unknown;
        errors?: unknown;
      };
      const errors = Array.isArray(answer.errors) ? answer.errors.map(graphqlError) : [];
      if (errors.length > 0) {
        const message = errors.map((error) =>
          error.type ? `${error.type}: ${error.message}` : error.message,
        );
        if (errors.some((error) => error.type === 'RATE_LIMITED')) {
          throw new TransientError(`${request} was rate limited by GitHub (${message.join('; ')})`, {
            retryAfterMs: rateLimitWait(403, headers, clock.now()) ?? 60_000,
            hadNoEffect: true,
          });
        }
        throw new GitHubError(request, 200, message.join('; '), errors);
      }
      if (answer.data === undefined || answer.data === null) {
        throw new GitHubError(
          request,
          200,
          `no data in the answer: ${String(JSON.stringify(body)).slice(0, 300)}`,
        );
      }
      return answer.data as T;
    });
  }

  /** Sends with retries; `accept` reads a 2xx answer (and may throw). */
  async #send<R>(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: URL,
    bodyValue: unknown,
    accept: (data: unknown, headers: Record<string, string>, request: string) => R,
  ): Promise<R> {
    const { clock = systemClock, log = silentLogger, timeoutMs = 15_000 } = this.#options;
    const headers: Record<string, string> = {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${this.#options.token}`,
      'x-github-api-version': '2022-11-28',
      'user-agent': 'flowkit',
    };
    const body = bodyValue === undefined ? undefined : JSON.stringify(bodyValue);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const request = `${method} ${url.pathname}`;
    return withRetry(
      async ({ remainingMs }) => {
        this.requestCount++;
        const response = await httpAttempt(
          { method, url, headers, body, timeoutMs: Math.max(1, Math.min(timeoutMs, remainingMs)) },
          request,
        );
        const data = parseAnswerBody(response.body);
        if (response.status >= 200 && response.status < 300) return accept(data, response.headers, request);
        const message =
          typeof data === 'object' && data !== null && 'message' in data
            ? String((data as { message: unknown }).message)
            : String(data ?? '');
        const limited = rateLimitWait(response.status, response.headers, clock.now());
        if (limited !== undefined)
          throw new TransientError(`${request} was rate limited by GitHub (${message})`, {
            retryAfterMs: limited,
            hadNoEffect: true,
          });
        if (response.status >= 500)
          throw new TransientError(`${request}: GitHub answered HTTP ${response.status}`);
        throw new GitHubError(request, response.status, message);
      },
      this.#options.policy(),
      { clock, log },
    );
  }

  /** Every page of a list endpoint (`per_page` 100), stopping after `maxItems`. */
  async paginate<T>(
    path: string,
    query: Record<string, string | number>,
    maxItems: number,
    pick: (page: unknown) => T[] = (page) => page as T[],
  ): Promise<T[]> {
    const items: T[] = [];
    for (let page = 1; items.length < maxItems; page++) {
      const { data, headers } = await this.request<unknown>('GET', path, {
        query: { ...query, per_page: 100, page },
      });
      const found = pick(data);
      items.push(...found);
      if (found.length === 0 || !/rel="next"/.test(headers.link ?? '')) break;
    }
    return items.slice(0, maxItems);
  }

  /** The commits of a pull request (GitHub lists at most 250). */
  listPullRequestCommits({ owner, repo }: Repo, number: number): Promise<Commit[]> {
    return this.paginate<Commit>(`/repos/${owner}/${repo}/pulls/${number}/commits`, {}, 250);
  }

  /**
   * The files a pull request changes, each with its `patch`. GitHub lists at most 3,000: a longer list may be
   * incomplete.
   */
  listPullRequestFiles({ owner, repo }: Repo, number: number): Promise<PullRequestFile[]> {
    return this.paginate<PullRequestFile>(`/repos/${owner}/${repo}/pulls/${number}/files`, {}, 3000);
  }

  /** The commits reachable from `head` but not from `base`, oldest first (bounded at `max`). */
  async compareCommits({ owner, repo }: Repo, base: string, head: string, max = 1000): Promise<Commit[]> {
    const path = `/repos/${owner}/${repo}/compare/${encodeURIComponent(base)}...${encodeURIComponent(head)}`;
    return this.paginate<Commit>(path, {}, max, (page) => (page as { commits?: Commit[] }).commits ?? []);
  }

  /** Deployments to an environment, newest first. */
  listDeployments({ owner, repo }: Repo, environment: string, max = 100): Promise<Deployment[]> {
    return this.paginate<Deployment>(`/repos/${owner}/${repo}/deployments`, { environment }, max);
  }

  /** A deployment's newest `max` statuses (at most 100), newest first. */
  async listDeploymentStatuses({ owner, repo }: Repo, id: number, max = 10): Promise<DeploymentStatus[]> {
    const { data } = await this.request<DeploymentStatus[]>(
      'GET',
      `/repos/${owner}/${repo}/deployments/${id}/statuses`,
      { query: { per_page: Math.min(100, max) } },
    );
    return data;
  }

  /**
   * Creates a deployment (needs `deployments: write`). Pass `required_contexts: []` and `auto_merge: false` unless
   * GitHub should check commit statuses first or merge the default branch into the ref: either can answer 409.
   */
  async createDeployment({ owner, repo }: Repo, deployment: DeploymentRequest): Promise<Deployment> {
    const { data } = await this.request<Deployment>('POST', `/repos/${owner}/${repo}/deployments`, {
      body: deployment,
    });
    return data;
  }

  /** Adds a status to a deployment (needs `deployments: write`); `description` is at most 140 characters. */
  async createDeploymentStatus(
    { owner, repo }: Repo,
    id: number,
    status: DeploymentStatusRequest,
  ): Promise<DeploymentStatus> {
    const { data } = await this.request<DeploymentStatus>(
      'POST',
      `/repos/${owner}/${repo}/deployments/${id}/statuses`,
      { body: status },
    );
    return data;
  }

  /**
   * Deletes a deployment environment with its secrets and protection rules. Needs Administration: write, which a
   * GitHub App or a fine-grained token can have and a workflow's GITHUB_TOKEN cannot (GitHub answers 403).
   */
  async deleteEnvironment({ owner, repo }: Repo, name: string): Promise<void> {
    await this.request<unknown>('DELETE', `/repos/${owner}/${repo}/environments/${encodeURIComponent(name)}`);
  }

  /**
   * Uploads a SARIF log to code scanning (needs `security-events: write`); GitHub answers 202 with the upload's id
   * and processes it in the background.
   */
  async uploadSarif({ owner, repo }: Repo, upload: SarifUploadRequest): Promise<SarifReceipt> {
    const path = `/repos/${owner}/${repo}/code-scanning/sarifs`;
    const { data } = await this.request<SarifReceipt>('POST', path, { body: upload });
    return data;
  }

  /** Where the processing of an uploaded SARIF stands: pending, complete, or failed with GitHub's errors. */
  async getSarifUpload({ owner, repo }: Repo, sarifId: string): Promise<SarifUploadStatus> {
    const { data } = await this.request<SarifUploadStatus>(
      'GET',
      `/repos/${owner}/${repo}/code-scanning/sarifs/${encodeURIComponent(sarifId)}`,
    );
    return data;
  }

  /**
   * The newest deployment to `environment` whose latest status is success, looking at no more than `maxDeployments`
   * (one statuses request each) and skipping those of `exceptSha`, or undefined.
   */
  async lastSuccessfulDeployment(
    repo: Repo,
    environment: string,
    maxDeployments = 30,
    exceptSha?: string,
  ): Promise<Deployment | undefined> {
    for (const deployment of await this.listDeployments(repo, environment, maxDeployments)) {
      if (deployment.sha === exceptSha) continue;
      const [latest] = await this.listDeploymentStatuses(repo, Number(deployment.id));
      if (latest?.state === 'success' || latest?.state === 'inactive') return deployment;
    }
    return undefined;
  }
}

/**
 * How long to wait for a rate limit: Retry-After (secondary limits), else until x-ratelimit-reset when no requests
 * remain (primary limit); undefined when the answer is not a rate limit.
 */
export function rateLimitWait(
  status: number,
  headers: Record<string, string>,
  now: number,
): number | undefined {
  if (status !== 403 && status !== 429) return undefined;
  const retryAfter = parseRetryAfter(headers['retry-after'], now);
  if (retryAfter !== undefined) return retryAfter;
  if (headers['x-ratelimit-remaining'] === '0' && headers['x-ratelimit-reset'] !== undefined) {
    return Math.max(1000, Number(headers['x-ratelimit-reset']) * 1000 - now);
  }
  return status === 429 ? 60_000 : undefined;
}

/**
 * The GraphQL endpoint for a REST API URL: https://api.github.com/graphql, and for GitHub Enterprise Server
 * (https://HOST/api/v3) https://HOST/api/graphql.
 */
export function graphqlUrl(apiUrl: string): string {
  const base = apiUrl.replace(/\/+$/, '');
  return /\/api\/v3$/.test(base) ? `${base.slice(0, -'/v3'.length)}/graphql` : `${base}/graphql`;
}

function graphqlError(entry: unknown): GraphQLError {
  const record = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
  return {
    ...(typeof record.type === 'string' ? { type: record.type } : {}),
    message: typeof record.message === 'string' ? record.message : JSON.stringify(entry),
    ...(Array.isArray(record.path) ? { path: record.path as (string | number)[] } : {}),
  };
}
