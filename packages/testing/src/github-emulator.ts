// A local HTTP server answering like the GitHub REST API over emulated repositories, so tests stay offline.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { isPlainObject } from './contract-problems.ts';
import { type RateLimit, SlidingWindowLimiter } from './rate-limit.ts';

/** A commit of an emulated repository. */
export interface GitHubCommitDef {
  /**
   * 40 hex digits; default derived from the message and parents, so a definition always gets the same sha.
   */
  sha?: string;
  message: string;
  /**
   * Each parent is a sha, a branch name (its head) or the exact message of another commit. Default: the previous
   * commit of the same branch; the first commit of a branch without parents is a root commit.
   */
  parents?: string[];
  /**
   * Default `DEFAULT_GITHUB_COMMIT_AUTHOR`. Without `login` the commit has no GitHub user, as for an unknown email.
   */
  author?: { name: string; email: string; login?: string };
  /**
   * ISO 8601; default a fixed start (`GITHUB_CLOCK_START`) plus one minute per commit in definition order.
   */
  date?: string;
}

/** A pull request between two branches of the same repository. */
export interface GitHubPullDef {
  number: number;
  title: string;
  body?: string;
  /** The branch with the changes. */
  head: string;
  /** The branch the changes go into. */
  base: string;
  /** Default 'open'; a merged pull request is closed whatever this says. */
  state?: 'open' | 'closed';
  /**
   * Merged pull requests keep the commits they had: their base is taken from before the merge commit, if any.
   */
  merged?: boolean;
  /**
   * The login that opened it; default the first login among its commits' authors, else
   * `DEFAULT_GITHUB_COMMIT_AUTHOR.login`.
   */
  user?: string;
  /** The files it changes, as `GET …/pulls/{n}/files` lists them; default none (the emulator has no contents). */
  files?: GitHubPullFileDef[];
  /** ISO 8601; default `GITHUB_CLOCK_START`. */
  createdAt?: string;
  /** A draft pull request; default false. */
  draft?: boolean;
  /** Logins (or team names) asked to review it. */
  reviewRequests?: string[];
  /** Reviews submitted, oldest first. */
  reviews?: { user: string; state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED'; submittedAt?: string }[];
}

/** One file a pull request changes. */
export interface GitHubPullFileDef {
  filename: string;
  /** Default 'modified'. */
  status?: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  /** The unified diff hunks (`@@ -1,2 +1,3 @@` …); omit it for a binary file or a diff too large for GitHub to show. */
  patch?: string;
  /** The old name of a renamed file. */
  previousFilename?: string;
}

/** A protection rule of a deployment environment. */
export interface GitHubProtectionRuleDef {
  type: 'required_reviewers' | 'wait_timer' | 'branch_policy';
  /** Logins of the required reviewers (required_reviewers). */
  reviewers?: string[];
  /** Minutes to wait (wait_timer). */
  waitTimer?: number;
}

/** A deployment environment. Deployments to a name that is not defined create it, as on GitHub. */
export interface GitHubEnvironmentDef {
  name: string;
  protectionRules?: GitHubProtectionRuleDef[];
}

/** One emulated repository: its commit graph, pull requests and environments. */
export interface GitHubRepoDef {
  owner: string;
  name: string;
  /** Default 'main'. */
  defaultBranch?: string;
  /**
   * Commits per branch, oldest first. A branch may start from another branch's commit through its first commit's
   * `parents`; a branch with no commits points at the default branch's head. Default: the default branch with
   * one commit, 'Initial commit'.
   */
  branches?: Record<string, GitHubCommitDef[]>;
  pulls?: GitHubPullDef[];
  environments?: GitHubEnvironmentDef[];
}

/** A permission of a GitHub App installation token, as a workflow's `permissions:` grants it. */
export type GitHubPermission =
  | 'contents'
  | 'pull_requests'
  | 'deployments'
  | 'issues'
  | 'statuses'
  | 'checks'
  | 'actions'
  | 'security_events'
  /** Repository administration: a GitHub App or fine-grained token may have it; a workflow's GITHUB_TOKEN never does. */
  | 'administration';

/** How much of a permission a token has; 'write' includes 'read'. */
export type GitHubAccess = 'read' | 'write';

/** A token the emulator accepts. */
export interface GitHubTokenDef {
  /** The account the token acts as, e.g. 'github-actions[bot]'. */
  login: string;
  /**
   * Like a workflow GITHUB_TOKEN's `permissions:`: what is not listed is 'none'. Omitted: 'write' for all, like the
   * permissive default token.
   */
  permissions?: Partial<Record<GitHubPermission, GitHubAccess>>;
}

/** What the emulated GitHub holds and how strict it is. */
export interface GitHubEmulatorOptions {
  repos?: GitHubRepoDef[];
  /**
   * The valid tokens; default one token, `DEFAULT_GITHUB_TOKEN`, acting as github-actions[bot] with every
   * permission.
   */
  tokens?: Record<string, GitHubTokenDef>;
  /**
   * The primary rate limit per token; default `DEFAULT_GITHUB_RATE_LIMIT` (a workflow token's 1,000 per
   * hour).
   */
  rateLimit?: RateLimit;
  /**
   * Secondary limits on content-creating requests (POST, PATCH, PUT, DELETE) per token, each a sliding window;
   * default `DEFAULT_GITHUB_CONTENT_RATE_LIMITS` (80 per minute and 500 per hour).
   */
  contentRateLimits?: RateLimit[];
  /** The clock in milliseconds, for rate limits and timestamps; default `Date.now`. */
  now?: () => number;
  /** How code scanning's SARIF uploads behave. */
  sarif?: GitHubSarifOptions;
  /**
   * The GraphQL primary rate limit per token, in points; default `DEFAULT_GITHUB_RATE_LIMIT` (a workflow token's
   * 1,000 points per hour, counted apart from REST's 1,000 requests).
   */
  graphqlRateLimit?: RateLimit;
}

/** Code scanning's SARIF processing in the emulator. */
export interface GitHubSarifOptions {
  /**
   * How many status requests of an upload answer 'pending' before it is processed; default 0: the first
   * `GET …/code-scanning/sarifs/{sarif_id}` finds it complete (or failed).
   */
  pendingPolls?: number;
  /** Default `GITHUB_SARIF_LIMITS`; smaller ones let tests reach them with little data. */
  limits?: Partial<GitHubSarifLimits>;
}

/** What code scanning accepts in one SARIF upload. */
export interface GitHubSarifLimits {
  maxGzippedBytes: number;
  maxRuns: number;
  maxResultsPerRun: number;
}

/**
 * Code scanning's upload limits: 10 MB gzipped (read as 10,000,000 bytes), 20 runs, 25,000 results per run
 * (docs.github.com/rest/code-scanning/code-scanning#upload-an-analysis-as-sarif-data).
 */
export const GITHUB_SARIF_LIMITS: Readonly<GitHubSarifLimits> = {
  maxGzippedBytes: 10_000_000,
  maxRuns: 20,
  maxResultsPerRun: 25_000,
};

/** A SARIF upload as the emulator stores it, for assertions. */
export interface GitHubSarifUploadRecord {
  id: string;
  commitSha: string;
  ref: string;
  /** What the last status request answered, or 'pending' before any. */
  status: 'pending' | 'complete' | 'failed';
  /** The processing errors of a failed upload. */
  errors: string[];
  /** The decoded SARIF log. */
  log: unknown;
}

/** One HTTP request the emulator received and what it answered. */
export interface GitHubRecordedRequest {
  httpMethod: string;
  /** The request target as sent: path and query string. */
  path: string;
  pathname: string;
  /**
   * The operation as GitHub's description names it, e.g. 'GET /repos/{owner}/{repo}/pulls/{pull_number}'; ''
   * if unknown.
   */
  operation: string;
  /** Query parameters (the last value of a repeated one). */
  query: Record<string, string>;
  /** Request headers, names in lower case. */
  headers: Record<string, string>;
  /** The parsed JSON body; the text when it is not JSON; undefined when there is none. */
  body: unknown;
  status: number;
  /** The parsed JSON answer. */
  response: unknown;
  /** Response headers, names in lower case. */
  responseHeaders: Record<string, string>;
  /** The emulator clock when the request arrived (milliseconds). */
  receivedAt: number;
}

/** Which requests a programmed failure applies to; an omitted field matches every request. */
export interface GitHubFailureMatch {
  /** HTTP method, any case. */
  method?: string;
  /**
   * The exact pathname or operation path ('/repos/{owner}/{repo}/deployments'), or a pattern tested on the
   * pathname.
   */
  path?: string | RegExp;
}

/**
 * A programmed failure: the answer the matching request(s) get instead of their real one, with no other
 * effect.
 */
export interface GitHubFailure {
  status: number;
  /** Default: GitHub's error body for the status (a secondary rate limit for 403 and 429). */
  body?: unknown;
  /** Extra response headers, e.g. `{ 'retry-after': '60' }` for a secondary rate limit. */
  headers?: Record<string, string>;
  /** How many requests fail; default 1. */
  times?: number;
}

/** A deployment as the emulator stores it, for assertions. */
export interface GitHubDeploymentRecord {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  payload: unknown;
  /** Oldest first. */
  statuses: { state: string; description?: string; environment_url?: string; log_url?: string }[];
}

/** A deployment for `GitHubEmulator.seedDeployments`: stored as is, with no REST checks. */
export interface GitHubDeploymentSeed {
  environment: string;
  /** Default the default branch's head. */
  sha?: string;
  /** Default the sha, else the default branch. */
  ref?: string;
  /** ISO 8601 or epoch milliseconds; default the emulator clock. Seed oldest first. */
  createdAt?: string | number;
  /** Oldest first. */
  statuses?: GitHubDeploymentStatusSeed[];
}

/** A status of a seeded deployment. */
export interface GitHubDeploymentStatusSeed {
  /** REST spelling: success, failure, error, inactive, in_progress, queued, pending. */
  state: string;
  /** ISO 8601 or epoch milliseconds; default the deployment's creation time. */
  createdAt?: string | number;
  description?: string;
  logUrl?: string;
  environmentUrl?: string;
}

/** An issue for `GitHubEmulator.seedIssues` (pull requests are the repository's `pulls`). */
export interface GitHubIssueSeed {
  title: string;
  labels?: string[];
  /** ISO 8601 or epoch milliseconds; default the emulator clock. */
  createdAt?: string | number;
  /** Set: the issue is closed, at this time (ISO 8601 or epoch milliseconds). */
  closedAt?: string | number;
}

/** What the emulator's GraphQL endpoint has answered, to compare API economy. */
export interface GitHubGraphQLUsage {
  /** Queries answered with data (not refused). */
  queries: number;
  /** Rate-limit points charged, by GitHub's formula: connection requests / 100, rounded, at least 1 per query. */
  points: number;
  /** Nodes the queries could return at most (GitHub's node limit counts these: 500,000 per query). */
  nodes: number;
}

/** An issue or pull request comment as the emulator stores it, for assertions. */
export interface GitHubCommentRecord {
  id: number;
  body: string;
  user: string;
}

/** The token valid when `options.tokens` is not given. */
export const DEFAULT_GITHUB_TOKEN = 'ghs_FlowkitEmulatorDefaultToken0000000000';

/** The account of `DEFAULT_GITHUB_TOKEN`: the identity a workflow's GITHUB_TOKEN acts as. */
export const DEFAULT_GITHUB_LOGIN = 'github-actions[bot]';

/**
 * A workflow GITHUB_TOKEN's primary rate limit: 1,000 requests per hour
 * (docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api).
 */
export const DEFAULT_GITHUB_RATE_LIMIT: Readonly<RateLimit> = { limit: 1000, windowMs: 3_600_000 };

/**
 * GitHub's content-creation secondary limits: "no more than 80 content-generating requests per minute and no more
 * than 500 content-generating requests per hour" (docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits).
 */
export const DEFAULT_GITHUB_CONTENT_RATE_LIMITS: readonly Readonly<RateLimit>[] = [
  { limit: 80, windowMs: 60_000 },
  { limit: 500, windowMs: 3_600_000 },
];

/** The author of commits that name none. */
export const DEFAULT_GITHUB_COMMIT_AUTHOR = {
  name: 'Flowkit Developer',
  email: 'developer@flowkit.test',
  login: 'flowkit-developer',
} as const;

/**
 * When the emulated history starts: commits without a date are one minute apart from here, in definition
 * order.
 */
export const GITHUB_CLOCK_START = Date.UTC(2025, 0, 6, 9, 0, 0);

/**
 * Unauthenticated requests get 60 per hour per address
 * (docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api).
 */
const ANONYMOUS_RATE_LIMIT: RateLimit = { limit: 60, windowMs: 3_600_000 };

/** GitHub's web host, for html_url fields; nothing fetches them. */
const WEB = 'https://github.com';
const DOCS = 'https://docs.github.com/rest';
const RATE_LIMIT_DOCS = `${DOCS}/overview/rate-limits-for-the-rest-api`;

/**
 * GitHub returns at most 250 commits for a pull request
 * (docs.github.com/rest/pulls/pulls#list-commits-on-a-pull-request).
 */
export const GITHUB_PULL_COMMIT_CAP = 250;

/**
 * An unpaged compare lists at most 250 commits, the newest last
 * (docs.github.com/rest/commits/commits#compare-two-commits).
 */
export const GITHUB_COMPARE_COMMIT_CAP = 250;

/**
 * GitHub lists at most 3,000 files of a pull request (docs.github.com/rest/pulls/pulls#list-pull-requests-files).
 */
export const GITHUB_PULL_FILES_CAP = 3000;

const PER_PAGE_DEFAULT = 30;
const PER_PAGE_MAX = 100;
const COMMENT_MAX_LENGTH = 65_536;
const RELEASE_BODY_MAX_LENGTH = 125_000;
const STATUS_DESCRIPTION_MAX_LENGTH = 140;
const DEPLOYMENT_STATES = ['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success'];
const COMMIT_STATES = ['error', 'failure', 'pending', 'success'];
const CONTENT_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

type Json = Record<string, unknown>;

interface Reply {
  status: number;
  headers: Record<string, string>;
  response: unknown;
}

function jsonReply(status: number, response: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { ...headers }, response };
}

/** GitHub's error body: message, documentation_url and the status as a string. */
function errorReply(status: number, message: string, documentationUrl: string, extra: Json = {}): Reply {
  return jsonReply(status, {
    message,
    ...extra,
    documentation_url: documentationUrl,
    status: String(status),
  });
}

/** 422 "Invalid request" as GitHub's request-schema validation words it. */
function invalidRequest(detail: string, documentationUrl: string): Reply {
  return errorReply(422, `Invalid request.\n\n${detail}`, documentationUrl);
}

/** 422 "Validation Failed" with GitHub's `errors` list. */
function validationFailed(errors: Json[], documentationUrl: string): Reply {
  return errorReply(422, 'Validation Failed', documentationUrl, { errors });
}

function notFound(documentationUrl: string): Reply {
  return errorReply(404, 'Not Found', documentationUrl);
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** A stable positive integer for a name, used as user and repository IDs. */
function stableId(text: string): number {
  return Number.parseInt(sha1(text).slice(0, 7), 16) + 1;
}

/**
 * GitHub's legacy global node ID: base64 of '0<length of type>:<Type><id>' ('MDEwOkRlcGxveW1lbnQx' is
 * Deployment 1).
 */
function nodeId(type: string, id: number | string): string {
  return Buffer.from(`0${type.length}:${type}${id}`, 'utf8').toString('base64');
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function headerRecord(headers: IncomingMessage['headers']): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) record[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return record;
}

function withoutUndefined<T extends Json>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

/** How GitHub's request validation names a JSON value in its messages (null is Ruby's nil). */
function shown(value: unknown): string {
  return value === null ? 'nil' : JSON.stringify(value);
}

type FieldType = 'string' | 'boolean' | 'string[]' | 'string|object' | 'string|null';

function fitsType(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'string[]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
    case 'string|object':
      return typeof value === 'string' || isPlainObject(value);
    case 'string|null':
      return typeof value === 'string' || value === null;
  }
}

/**
 * Checks a request body the way GitHub's request validation does: a required field missing, or a field of the
 * wrong type, is 422 "Invalid request" naming the field; fields GitHub does not know are ignored.
 */
function bodyProblem(
  body: Json,
  fields: Record<string, FieldType>,
  required: readonly string[],
  documentationUrl: string,
): Reply | undefined {
  for (const name of required) {
    if (body[name] === undefined) return invalidRequest(`"${name}" wasn't supplied.`, documentationUrl);
  }
  for (const [name, type] of Object.entries(fields)) {
    const value = body[name];
    if (value === undefined || fitsType(value, type)) continue;
    const expected = type === 'string[]' ? 'an array of strings' : `a ${type.split('|')[0]}`;
    return invalidRequest(`For 'properties/${name}', ${shown(value)} is not ${expected}.`, documentationUrl);
  }
  return undefined;
}

// --- The emulated repositories -----------------------------------------------------------------------------

interface CommitRecord {
  sha: string;
  message: string;
  parents: string[];
  author: { name: string; email: string; login?: string };
  date: string;
  /** Build order: every commit comes after its parents, so sorting by it is oldest first. */
  sequence: number;
}

interface PullRecord {
  number: number;
  title: string;
  body: string | null;
  head: string;
  base: string;
  state: 'open' | 'closed';
  merged: boolean;
  /** Undefined: taken from the commits' authors. */
  user: string | undefined;
  files: GitHubPullFileDef[];
  /** What the GraphQL digest query reads: creation time, draft state, review requests and reviews. */
  review: Required<Pick<GitHubPullDef, 'createdAt' | 'draft' | 'reviewRequests' | 'reviews'>>;
}

interface EnvironmentRecord {
  id: number;
  name: string;
  protectionRules: GitHubProtectionRuleDef[];
  ruleIds: number[];
  createdAt: string;
}

interface DeploymentStatusRecord {
  id: number;
  state: string;
  description: string;
  environment: string;
  targetUrl: string;
  logUrl: string;
  environmentUrl: string;
  creator: string;
  createdAt: string;
}

interface DeploymentRecord {
  id: number;
  sha: string;
  ref: string;
  task: string;
  payload: unknown;
  originalEnvironment: string;
  environment: string;
  description: string | null;
  transient: boolean;
  production: boolean;
  creator: string;
  createdAt: string;
  updatedAt: string;
  statuses: DeploymentStatusRecord[];
}

interface CommentRecord {
  id: number;
  issueNumber: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
}

interface CommitStatusRecord {
  id: number;
  sha: string;
  state: string;
  context: string;
  description: string | null;
  targetUrl: string | null;
  creator: string;
  createdAt: string;
}

/** A release; the emulator has no git tags, so a release's tag exists once the release does. */
interface ReleaseRecord {
  id: number;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  author: string;
  createdAt: string;
}

/** A release as the emulator stores it, for assertions. */
export interface GitHubReleaseRecord {
  id: number;
  tagName: string;
  name: string | null;
  body: string | null;
  draft: boolean;
}

interface RepoState {
  id: number;
  owner: string;
  name: string;
  defaultBranch: string;
  createdAt: string;
  commits: Map<string, CommitRecord>;
  branches: Map<string, string>;
  pulls: Map<number, PullRecord>;
  environments: Map<string, EnvironmentRecord>;
  deployments: DeploymentRecord[];
  comments: CommentRecord[];
  commitStatuses: CommitStatusRecord[];
  sarifUploads: Map<string, SarifUploadState>;
  ancestorCache: Map<string, Set<string>>;
}

interface IssueRecord {
  number: number;
  title: string;
  labels: string[];
  createdAt: string;
  closedAt: string | null;
}

interface SarifUploadState {
  id: string;
  commitSha: string;
  ref: string;
  log: Json;
  /** Status requests still to answer 'pending'. */
  pendingPolls: number;
  status: 'pending' | 'complete' | 'failed';
  errors: string[];
}

/** Builds a repository's commit graph from its definition; throws, naming the commit, when it cannot. */
function buildRepository(def: GitHubRepoDef, id: number): RepoState {
  const defaultBranch = def.defaultBranch ?? 'main';
  const branchDefs = def.branches ?? { [defaultBranch]: [{ message: 'Initial commit' }] };
  const where = `GitHub emulator repo ${def.owner}/${def.name}`;
  if (!(defaultBranch in branchDefs) || (branchDefs[defaultBranch] ?? []).length === 0) {
    throw new Error(
      `${where}: the default branch "${defaultBranch}" needs at least one commit in "branches"`,
    );
  }
  const commits = new Map<string, CommitRecord>();
  const branches = new Map<string, string>();
  // Definition order gives default dates, whatever order the commits are built in.
  let order = 0;
  const cursors = Object.entries(branchDefs).map(([branch, list]) => ({
    branch,
    list: list.map((commit) => ({ def: commit, order: order++ })),
    built: 0,
    head: undefined as string | undefined,
  }));
  const messageCounts = new Map<string, number>();
  for (const { list } of cursors) {
    for (const { def: commit } of list) {
      messageCounts.set(commit.message, (messageCounts.get(commit.message) ?? 0) + 1);
    }
  }
  const shaByMessage = new Map<string, string>();
  // A branch name means its head once all its commits exist; a message must name exactly one commit.
  const resolveParent = (reference: string): string | undefined => {
    if (commits.has(reference)) return reference;
    const head = branches.get(reference);
    if (head !== undefined) return head;
    return messageCounts.get(reference) === 1 ? shaByMessage.get(reference) : undefined;
  };
  // Commits are built one at a time, each once its parents exist, so branches may refer to each other both ways
  // (a feature branch starts from main; main later merges the feature branch).
  let sequence = 0;
  let progress = true;
  while (progress) {
    progress = false;
    for (const cursor of cursors) {
      for (const next of cursor.list.slice(cursor.built)) {
        const { def: commit, order: position } = next;
        const resolved = commit.parents?.map(resolveParent);
        if (resolved?.some((parent) => parent === undefined)) break;
        const parents = (resolved as string[] | undefined) ?? (cursor.head ? [cursor.head] : []);
        const sha = commit.sha ?? sha1(`commit\0${commit.message}\0${parents.join(' ')}`);
        if (!/^[0-9a-f]{40}$/.test(sha)) {
          throw new Error(
            `${where}: commit "${commit.message}" has sha "${sha}", which is not 40 hex digits`,
          );
        }
        if (commits.has(sha)) {
          throw new Error(
            `${where}: commit "${commit.message}" on ${cursor.branch} gets sha ${sha}, which another commit already has; give one of them a "sha" or a different message`,
          );
        }
        commits.set(sha, {
          sha,
          message: commit.message,
          parents,
          author: commit.author ?? { ...DEFAULT_GITHUB_COMMIT_AUTHOR },
          date: commit.date ?? isoSeconds(GITHUB_CLOCK_START + position * 60_000),
          sequence: sequence++,
        });
        shaByMessage.set(commit.message, sha);
        cursor.head = sha;
        cursor.built += 1;
        progress = true;
      }
      if (cursor.built < cursor.list.length || branches.has(cursor.branch)) continue;
      // A branch without commits points at the default branch's head.
      const head = cursor.list.length === 0 ? branches.get(defaultBranch) : cursor.head;
      if (head === undefined) continue;
      branches.set(cursor.branch, head);
      progress = true;
    }
  }
  const stuck = cursors.find((cursor) => cursor.built < cursor.list.length);
  if (stuck) {
    const commit = stuck.list[stuck.built]?.def as GitHubCommitDef;
    const unresolved = (commit.parents ?? []).filter((parent) => resolveParent(parent) === undefined);
    throw new Error(
      `${where}: commit "${commit.message}" on ${stuck.branch} has parent(s) ${unresolved.map((p) => `"${p}"`).join(', ')} that name no commit: a parent is a sha, a branch, or the message of exactly one commit`,
    );
  }
  const repo: RepoState = {
    id,
    owner: def.owner,
    name: def.name,
    defaultBranch,
    createdAt: isoSeconds(GITHUB_CLOCK_START),
    commits,
    branches,
    pulls: new Map(),
    environments: new Map(),
    deployments: [],
    comments: [],
    commitStatuses: [],
    sarifUploads: new Map(),
    ancestorCache: new Map(),
  };
  for (const pull of def.pulls ?? []) {
    for (const branch of [pull.head, pull.base]) {
      if (!branches.has(branch)) {
        throw new Error(
          `${where}: pull request #${pull.number} names branch "${branch}", which is not defined`,
        );
      }
    }
    if (repo.pulls.has(pull.number))
      throw new Error(`${where}: pull request #${pull.number} is defined twice`);
    repo.pulls.set(pull.number, {
      number: pull.number,
      title: pull.title,
      body: pull.body ?? null,
      head: pull.head,
      base: pull.base,
      state: pull.merged ? 'closed' : (pull.state ?? 'open'),
      merged: pull.merged ?? false,
      user: pull.user,
      files: pull.files ?? [],
      review: {
        createdAt: pull.createdAt ?? isoSeconds(GITHUB_CLOCK_START),
        draft: pull.draft ?? false,
        reviewRequests: pull.reviewRequests ?? [],
        reviews: pull.reviews ?? [],
      },
    });
  }
  return repo;
}

/** Every commit reachable from `sha`, itself included. */
function ancestors(repo: RepoState, sha: string): Set<string> {
  const cached = repo.ancestorCache.get(sha);
  if (cached) return cached;
  const seen = new Set<string>();
  const queue = [sha];
  while (queue.length > 0) {
    const next = queue.pop() as string;
    if (seen.has(next)) continue;
    seen.add(next);
    queue.push(...(repo.commits.get(next)?.parents ?? []));
  }
  repo.ancestorCache.set(sha, seen);
  return seen;
}

/** The best common ancestor of two commits (the newest, if several), or undefined for unrelated histories. */
function mergeBase(repo: RepoState, a: string, b: string): string | undefined {
  const ofB = ancestors(repo, b);
  const common = [...ancestors(repo, a)].filter((sha) => ofB.has(sha));
  const best = common.filter((candidate) =>
    common.every((other) => other === candidate || !ancestors(repo, other).has(candidate)),
  );
  return best.sort((x, y) => sequenceOf(repo, y) - sequenceOf(repo, x))[0];
}

function sequenceOf(repo: RepoState, sha: string): number {
  return repo.commits.get(sha)?.sequence ?? -1;
}

/** The commits reachable from `head` but not from `base` (git log base..head), oldest first. */
function commitsBetween(repo: RepoState, base: string, head: string): CommitRecord[] {
  const excluded = ancestors(repo, base);
  return [...ancestors(repo, head)]
    .filter((sha) => !excluded.has(sha))
    .map((sha) => repo.commits.get(sha) as CommitRecord)
    .sort((x, y) => x.sequence - y.sequence);
}

/**
 * A ref as GitHub resolves it in a path or body: a full or abbreviated (7+ hex digits, unambiguous) sha, a
 * branch name, 'heads/<branch>' or 'refs/heads/<branch>'.
 */
function resolveRef(repo: RepoState, ref: string): string | undefined {
  const branch = ref.replace(/^(refs\/)?heads\//, '');
  const head = repo.branches.get(branch);
  if (head !== undefined) return head;
  if (/^[0-9a-f]{7,40}$/.test(ref)) {
    const matches = [...repo.commits.keys()].filter((sha) => sha.startsWith(ref));
    if (matches.length === 1) return matches[0];
  }
  return undefined;
}

/**
 * The base a pull request's commits are counted from: for a merged one, the base branch before its merge
 * commit.
 */
function pullBase(repo: RepoState, pull: PullRecord): { baseSha: string; mergeCommit?: CommitRecord } {
  const baseHead = repo.branches.get(pull.base) as string;
  const headSha = repo.branches.get(pull.head) as string;
  if (pull.merged) {
    const merge = [...ancestors(repo, baseHead)]
      .map((sha) => repo.commits.get(sha) as CommitRecord)
      .find((commit) => commit.parents.length > 1 && commit.parents.slice(1).includes(headSha));
    if (merge?.parents[0] !== undefined) return { baseSha: merge.parents[0], mergeCommit: merge };
  }
  return { baseSha: baseHead };
}

// --- Operations --------------------------------------------------------------------------------------------

/** The permissions any one of which lets a token call an operation. */
type PermissionRule = readonly (readonly [GitHubPermission, GitHubAccess])[];

interface Caller {
  login: string;
}

interface Call {
  repo: RepoState;
  params: Record<string, string>;
  query: Record<string, string>;
  body: Json;
  caller: Caller;
  /** The request URL, for Link headers. */
  url: URL;
  now: number;
}

interface Operation {
  method: string;
  /** The path as GitHub's description writes it. */
  path: string;
  /** Where GitHub's errors for it point. */
  docs: string;
  permission: PermissionRule;
  handle: (world: GitHubWorld, call: Call) => Reply;
}

interface MatchedOperation {
  operation: Operation;
  params: Record<string, string>;
}

const REPO = '/repos/{owner}/{repo}';

function operationName(operation: Operation): string {
  return `${operation.method} ${operation.path}`;
}

/** Path parameters that may span several segments (GitHub's `x-multi-segment`). */
const MULTI_SEGMENT = new Set(['basehead', 'ref', 'sha']);

function pathPattern(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      return MULTI_SEGMENT.has(name) ? '(.+)' : '([^/]+)';
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`), names };
}

const DEPLOYMENTS_DOCS = `${DOCS}/deployments/deployments`;
const STATUSES_DOCS = `${DOCS}/deployments/statuses`;
const COMMENTS_DOCS = `${DOCS}/issues/comments`;
const PULLS_DOCS = `${DOCS}/pulls/pulls`;
const COMMITS_DOCS = `${DOCS}/commits/commits`;
const CODE_SCANNING_DOCS = `${DOCS}/code-scanning/code-scanning`;
const RELEASES_DOCS = `${DOCS}/releases/releases`;

/**
 * What the emulator answers, with the permission each needs (docs.github.com/rest/authentication/permissions-required-for-github-apps).
 * The two compare operations GitHub describes share one URL; the emulator records it as the basehead one.
 */
const OPERATIONS: readonly Operation[] = [
  {
    method: 'GET',
    path: `${REPO}/pulls/{pull_number}`,
    docs: `${PULLS_DOCS}#get-a-pull-request`,
    permission: [['pull_requests', 'read']],
    handle: (world, call) => world.getPull(call),
  },
  {
    method: 'GET',
    path: `${REPO}/pulls/{pull_number}/commits`,
    docs: `${PULLS_DOCS}#list-commits-on-a-pull-request`,
    permission: [['pull_requests', 'read']],
    handle: (world, call) => world.listPullCommits(call),
  },
  {
    method: 'GET',
    path: `${REPO}/pulls/{pull_number}/files`,
    docs: `${PULLS_DOCS}#list-pull-requests-files`,
    permission: [['pull_requests', 'read']],
    handle: (world, call) => world.listPullFiles(call),
  },
  {
    method: 'GET',
    path: `${REPO}/compare/{basehead}`,
    docs: `${COMMITS_DOCS}#compare-two-commits`,
    permission: [['contents', 'read']],
    handle: (world, call) => world.compare(call),
  },
  {
    method: 'GET',
    path: `${REPO}/commits/{ref}`,
    docs: `${COMMITS_DOCS}#get-a-commit`,
    permission: [['contents', 'read']],
    handle: (world, call) => world.getCommit(call),
  },
  {
    method: 'POST',
    path: `${REPO}/statuses/{sha}`,
    docs: `${DOCS}/commits/statuses#create-a-commit-status`,
    permission: [['statuses', 'write']],
    handle: (world, call) => world.createCommitStatus(call),
  },
  {
    method: 'GET',
    path: `${REPO}/deployments`,
    docs: `${DEPLOYMENTS_DOCS}#list-deployments`,
    permission: [['deployments', 'read']],
    handle: (world, call) => world.listDeployments(call),
  },
  {
    method: 'POST',
    path: `${REPO}/deployments`,
    docs: `${DEPLOYMENTS_DOCS}#create-a-deployment`,
    permission: [['deployments', 'write']],
    handle: (world, call) => world.createDeployment(call),
  },
  {
    method: 'GET',
    path: `${REPO}/deployments/{deployment_id}`,
    docs: `${DEPLOYMENTS_DOCS}#get-a-deployment`,
    permission: [['deployments', 'read']],
    handle: (world, call) => world.getDeployment(call),
  },
  {
    method: 'GET',
    path: `${REPO}/deployments/{deployment_id}/statuses`,
    docs: `${STATUSES_DOCS}#list-deployment-statuses`,
    permission: [['deployments', 'read']],
    handle: (world, call) => world.listDeploymentStatuses(call),
  },
  {
    method: 'POST',
    path: `${REPO}/deployments/{deployment_id}/statuses`,
    docs: `${STATUSES_DOCS}#create-a-deployment-status`,
    permission: [['deployments', 'write']],
    handle: (world, call) => world.createDeploymentStatus(call),
  },
  {
    method: 'GET',
    path: `${REPO}/environments/{environment_name}`,
    docs: `${DOCS}/deployments/environments#get-an-environment`,
    permission: [['actions', 'read']],
    handle: (world, call) => world.getEnvironment(call),
  },
  {
    method: 'DELETE',
    path: `${REPO}/environments/{environment_name}`,
    docs: `${DOCS}/deployments/environments#delete-an-environment`,
    permission: [['administration', 'write']],
    handle: (world, call) => world.deleteEnvironment(call),
  },
  {
    method: 'GET',
    path: `${REPO}/issues`,
    docs: `${DOCS}/issues/issues#list-repository-issues`,
    permission: [['issues', 'read']],
    handle: (world, call) => world.listIssues(call),
  },
  {
    method: 'GET',
    path: `${REPO}/issues/{issue_number}/comments`,
    docs: `${COMMENTS_DOCS}#list-issue-comments`,
    permission: [
      ['issues', 'read'],
      ['pull_requests', 'read'],
    ],
    handle: (world, call) => world.listComments(call),
  },
  {
    method: 'POST',
    path: `${REPO}/issues/{issue_number}/comments`,
    docs: `${COMMENTS_DOCS}#create-an-issue-comment`,
    permission: [
      ['issues', 'write'],
      ['pull_requests', 'write'],
    ],
    handle: (world, call) => world.createComment(call),
  },
  {
    method: 'PATCH',
    path: `${REPO}/issues/comments/{comment_id}`,
    docs: `${COMMENTS_DOCS}#update-an-issue-comment`,
    permission: [
      ['issues', 'write'],
      ['pull_requests', 'write'],
    ],
    handle: (world, call) => world.updateComment(call),
  },
  {
    method: 'GET',
    path: `${REPO}/releases/tags/{tag}`,
    docs: `${RELEASES_DOCS}#get-a-release-by-tag-name`,
    permission: [['contents', 'read']],
    handle: (world, call) => world.getReleaseByTag(call),
  },
  {
    method: 'POST',
    path: `${REPO}/releases`,
    docs: `${RELEASES_DOCS}#create-a-release`,
    permission: [['contents', 'write']],
    handle: (world, call) => world.createRelease(call),
  },
  {
    method: 'PATCH',
    path: `${REPO}/releases/{release_id}`,
    docs: `${RELEASES_DOCS}#update-a-release`,
    permission: [['contents', 'write']],
    handle: (world, call) => world.updateRelease(call),
  },
  {
    method: 'POST',
    path: `${REPO}/code-scanning/sarifs`,
    docs: `${CODE_SCANNING_DOCS}#upload-an-analysis-as-sarif-data`,
    permission: [['security_events', 'write']],
    handle: (world, call) => world.uploadSarif(call),
  },
  {
    method: 'GET',
    path: `${REPO}/code-scanning/sarifs/{sarif_id}`,
    docs: `${CODE_SCANNING_DOCS}#get-information-about-a-sarif-upload`,
    permission: [['security_events', 'read']],
    handle: (world, call) => world.getSarifUpload(call),
  },
];

const ROUTES = OPERATIONS.map((operation) => ({ operation, ...pathPattern(operation.path) }));

/**
 * The operation a request is for, with its decoded path parameters; undefined for a path GitHub does not
 * have.
 */
function matchOperation(httpMethod: string, pathname: string): MatchedOperation | undefined {
  for (const route of ROUTES) {
    if (route.operation.method !== httpMethod) continue;
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    const params: Record<string, string> = {};
    route.names.forEach((name, index) => {
      params[name] = decodeURIComponent(match[index + 1] ?? '');
    });
    return { operation: route.operation, params };
  }
  return undefined;
}

/** The operation names the emulator answers, as GitHub's description writes them. */
export const GITHUB_EMULATED_OPERATIONS: readonly string[] = OPERATIONS.map(operationName);

interface Page<T> {
  items: T[];
  link?: string;
}

function positiveInteger(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text.trim())) return undefined;
  const value = Number.parseInt(text, 10);
  return value >= 1 ? value : undefined;
}

/**
 * One page of `items` as `page`/`per_page` ask (per_page clamped to `maxPerPage`, as GitHub clamps it), with a
 * Link header naming the prev, next, last and first pages the way GitHub lists them.
 */
function paginate<T>(items: readonly T[], call: Call, maxPerPage = PER_PAGE_MAX): Page<T> {
  const perPage = Math.min(positiveInteger(call.query.per_page) ?? PER_PAGE_DEFAULT, maxPerPage);
  const page = positiveInteger(call.query.page) ?? 1;
  const pageItems = items.slice((page - 1) * perPage, page * perPage);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  if (lastPage === 1 && page === 1) return { items: pageItems };
  const linkTo = (target: number, rel: string) => {
    const url = new URL(call.url);
    url.searchParams.set('page', String(target));
    return `<${url.href}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(linkTo(page - 1, 'prev'));
  if (page < lastPage) links.push(linkTo(page + 1, 'next'), linkTo(lastPage, 'last'));
  if (page > 1) links.push(linkTo(1, 'first'));
  return { items: pageItems, link: links.join(', ') };
}

function pagedReply<T>(page: Page<T>, view: (item: T) => unknown): Reply {
  return jsonReply(200, page.items.map(view), page.link ? { link: page.link } : {});
}

/** The emulated repositories and what the operations do to them. */
class GitHubWorld {
  private readonly repos: RepoState[];
  private nextDeploymentId = 1;
  private nextStatusId = 1;
  private nextCommentId = 1;
  private nextEnvironmentId = 1;
  private nextRuleId = 1;
  private nextSarifUpload = 1;
  private nextReleaseId = 1;
  private readonly releasesByRepo = new Map<RepoState, ReleaseRecord[]>();
  private readonly issuesByRepo = new Map<RepoState, IssueRecord[]>();
  private readonly apiBase: () => string;
  private readonly sarif: { pendingPolls: number; limits: GitHubSarifLimits };

  constructor(definitions: readonly GitHubRepoDef[], apiBase: () => string, sarif: GitHubSarifOptions = {}) {
    this.apiBase = apiBase;
    this.sarif = {
      pendingPolls: sarif.pendingPolls ?? 0,
      limits: { ...GITHUB_SARIF_LIMITS, ...sarif.limits },
    };
    this.repos = definitions.map((def) => buildRepository(def, stableId(`${def.owner}/${def.name}`)));
    for (const [index, def] of definitions.entries()) {
      const repo = this.repos[index] as RepoState;
      for (const environment of def.environments ?? [])
        this.addEnvironment(repo, environment, repo.createdAt);
    }
  }

  /** Owner and repository names are not case sensitive on GitHub. */
  findRepo(owner: string, name: string): RepoState | undefined {
    return this.repos.find(
      (repo) =>
        repo.owner.toLowerCase() === owner.toLowerCase() && repo.name.toLowerCase() === name.toLowerCase(),
    );
  }

  repoOrThrow(owner: string, name: string): RepoState {
    const repo = this.findRepo(owner, name);
    if (!repo) throw new Error(`Unknown repository "${owner}/${name}": not in the emulator's repos option`);
    return repo;
  }

  private addEnvironment(repo: RepoState, def: GitHubEnvironmentDef, createdAt: string): EnvironmentRecord {
    const environment: EnvironmentRecord = {
      id: this.nextEnvironmentId++,
      name: def.name,
      protectionRules: def.protectionRules ?? [],
      ruleIds: (def.protectionRules ?? []).map(() => this.nextRuleId++),
      createdAt,
    };
    repo.environments.set(def.name.toLowerCase(), environment);
    return environment;
  }

  // --- Views: objects as GitHub's answers show them --------------------------------------------------------

  private repoApi(repo: RepoState): string {
    return `${this.apiBase()}/repos/${repo.owner}/${repo.name}`;
  }

  userView(login: string): Json {
    const id = stableId(`user:${login}`);
    const api = `${this.apiBase()}/users/${encodeURIComponent(login)}`;
    return {
      login,
      id,
      node_id: nodeId(login.endsWith('[bot]') ? 'Bot' : 'User', id),
      avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
      gravatar_id: '',
      url: api,
      html_url: `${WEB}/${encodeURIComponent(login)}`,
      followers_url: `${api}/followers`,
      following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`,
      starred_url: `${api}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`,
      events_url: `${api}/events{/privacy}`,
      received_events_url: `${api}/received_events`,
      type: login.endsWith('[bot]') ? 'Bot' : 'User',
      user_view_type: 'public',
      site_admin: false,
    };
  }

  private repositoryView(repo: RepoState): Json {
    const api = this.repoApi(repo);
    const html = `${WEB}/${repo.owner}/${repo.name}`;
    const owner = { ...this.userView(repo.owner), type: 'Organization' };
    return {
      id: repo.id,
      node_id: nodeId('Repository', repo.id),
      name: repo.name,
      full_name: `${repo.owner}/${repo.name}`,
      private: true,
      owner,
      html_url: html,
      description: null,
      fork: false,
      url: api,
      archive_url: `${api}/{archive_format}{/ref}`,
      assignees_url: `${api}/assignees{/user}`,
      blobs_url: `${api}/git/blobs{/sha}`,
      branches_url: `${api}/branches{/branch}`,
      collaborators_url: `${api}/collaborators{/collaborator}`,
      comments_url: `${api}/comments{/number}`,
      commits_url: `${api}/commits{/sha}`,
      compare_url: `${api}/compare/{base}...{head}`,
      contents_url: `${api}/contents/{+path}`,
      contributors_url: `${api}/contributors`,
      deployments_url: `${api}/deployments`,
      downloads_url: `${api}/downloads`,
      events_url: `${api}/events`,
      forks_url: `${api}/forks`,
      git_commits_url: `${api}/git/commits{/sha}`,
      git_refs_url: `${api}/git/refs{/sha}`,
      git_tags_url: `${api}/git/tags{/sha}`,
      git_url: `git://github.com/${repo.owner}/${repo.name}.git`,
      issue_comment_url: `${api}/issues/comments{/number}`,
      issue_events_url: `${api}/issues/events{/number}`,
      issues_url: `${api}/issues{/number}`,
      keys_url: `${api}/keys{/key_id}`,
      labels_url: `${api}/labels{/name}`,
      languages_url: `${api}/languages`,
      merges_url: `${api}/merges`,
      milestones_url: `${api}/milestones{/number}`,
      notifications_url: `${api}/notifications{?since,all,participating}`,
      pulls_url: `${api}/pulls{/number}`,
      releases_url: `${api}/releases{/id}`,
      ssh_url: `git@github.com:${repo.owner}/${repo.name}.git`,
      stargazers_url: `${api}/stargazers`,
      statuses_url: `${api}/statuses/{sha}`,
      subscribers_url: `${api}/subscribers`,
      subscription_url: `${api}/subscription`,
      tags_url: `${api}/tags`,
      teams_url: `${api}/teams`,
      trees_url: `${api}/git/trees{/sha}`,
      clone_url: `${html}.git`,
      mirror_url: null,
      hooks_url: `${api}/hooks`,
      svn_url: html,
      homepage: null,
      language: 'TypeScript',
      forks_count: 0,
      forks: 0,
      stargazers_count: 0,
      watchers_count: 0,
      watchers: 0,
      size: 0,
      default_branch: repo.defaultBranch,
      open_issues_count: [...repo.pulls.values()].filter((pull) => pull.state === 'open').length,
      open_issues: [...repo.pulls.values()].filter((pull) => pull.state === 'open').length,
      is_template: false,
      topics: [],
      has_issues: true,
      has_projects: true,
      has_wiki: false,
      has_pages: false,
      has_downloads: true,
      has_discussions: false,
      archived: false,
      disabled: false,
      visibility: 'private',
      pushed_at: repo.createdAt,
      created_at: repo.createdAt,
      updated_at: repo.createdAt,
      allow_forking: false,
      web_commit_signoff_required: false,
      license: null,
    };
  }

  commitView(repo: RepoState, commit: CommitRecord, detailed: boolean): Json {
    const api = this.repoApi(repo);
    const html = `${WEB}/${repo.owner}/${repo.name}`;
    const gitUser = { name: commit.author.name, email: commit.author.email, date: commit.date };
    const user = commit.author.login ? this.userView(commit.author.login) : null;
    const tree = sha1(`tree\0${commit.sha}`);
    return withoutUndefined({
      sha: commit.sha,
      node_id: nodeId('Commit', commit.sha),
      url: `${api}/commits/${commit.sha}`,
      html_url: `${html}/commit/${commit.sha}`,
      comments_url: `${api}/commits/${commit.sha}/comments`,
      commit: {
        url: `${api}/git/commits/${commit.sha}`,
        author: gitUser,
        committer: { ...gitUser },
        message: commit.message,
        tree: { sha: tree, url: `${api}/git/trees/${tree}` },
        comment_count: 0,
        verification: {
          verified: false,
          reason: 'unsigned',
          signature: null,
          payload: null,
          verified_at: null,
        },
      },
      author: user,
      committer: user === null ? null : { ...user },
      parents: commit.parents.map((parent) => ({
        sha: parent,
        url: `${api}/commits/${parent}`,
        html_url: `${html}/commit/${parent}`,
      })),
      // The emulator has no file contents, so a commit changes no files.
      stats: detailed ? { total: 0, additions: 0, deletions: 0 } : undefined,
      files: detailed ? [] : undefined,
    });
  }

  private pullView(repo: RepoState, pull: PullRecord): Json {
    const api = this.repoApi(repo);
    const html = `${WEB}/${repo.owner}/${repo.name}`;
    const headSha = repo.branches.get(pull.head) as string;
    const { baseSha, mergeCommit } = pullBase(repo, pull);
    const commits = commitsBetween(repo, baseSha, headSha);
    const opener =
      pull.user ??
      commits.find((commit) => commit.author.login !== undefined)?.author.login ??
      DEFAULT_GITHUB_COMMIT_AUTHOR.login;
    const closedAt = pull.state === 'closed' ? (mergeCommit?.date ?? repo.createdAt) : null;
    const link = (href: string) => ({ href });
    const side = (branch: string, sha: string) => ({
      label: `${repo.owner}:${branch}`,
      ref: branch,
      sha,
      user: { ...this.userView(repo.owner), type: 'Organization' },
      repo: this.repositoryView(repo),
    });
    return {
      url: `${api}/pulls/${pull.number}`,
      id: stableId(`pull:${repo.owner}/${repo.name}#${pull.number}`),
      node_id: nodeId('PullRequest', pull.number),
      html_url: `${html}/pull/${pull.number}`,
      diff_url: `${html}/pull/${pull.number}.diff`,
      patch_url: `${html}/pull/${pull.number}.patch`,
      issue_url: `${api}/issues/${pull.number}`,
      commits_url: `${api}/pulls/${pull.number}/commits`,
      review_comments_url: `${api}/pulls/${pull.number}/comments`,
      review_comment_url: `${api}/pulls/comments{/number}`,
      comments_url: `${api}/issues/${pull.number}/comments`,
      statuses_url: `${api}/statuses/${headSha}`,
      number: pull.number,
      state: pull.state,
      locked: false,
      title: pull.title,
      user: this.userView(opener),
      body: pull.body,
      labels: [],
      milestone: null,
      active_lock_reason: null,
      created_at: repo.createdAt,
      updated_at: closedAt ?? repo.createdAt,
      closed_at: closedAt,
      merged_at: pull.merged ? closedAt : null,
      merge_commit_sha: mergeCommit?.sha ?? null,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      head: side(pull.head, headSha),
      base: side(pull.base, baseSha),
      _links: {
        self: link(`${api}/pulls/${pull.number}`),
        html: link(`${html}/pull/${pull.number}`),
        issue: link(`${api}/issues/${pull.number}`),
        comments: link(`${api}/issues/${pull.number}/comments`),
        review_comments: link(`${api}/pulls/${pull.number}/comments`),
        review_comment: link(`${api}/pulls/comments{/number}`),
        commits: link(`${api}/pulls/${pull.number}/commits`),
        statuses: link(`${api}/statuses/${headSha}`),
      },
      author_association: 'CONTRIBUTOR',
      auto_merge: null,
      draft: false,
      merged: pull.merged,
      // Mergeability is computed from file contents GitHub has and the emulator has not: open ones merge cleanly.
      mergeable: pull.state === 'open' ? true : null,
      rebaseable: pull.state === 'open' ? true : null,
      mergeable_state: pull.state === 'open' ? 'clean' : 'unknown',
      merged_by: pull.merged ? this.userView(opener) : null,
      comments: repo.comments.filter((comment) => comment.issueNumber === pull.number).length,
      review_comments: 0,
      maintainer_can_modify: false,
      // The true count: only the list of commits is capped at 250.
      commits: commits.length,
      additions: pull.files.reduce((sum, file) => sum + patchCounts(file.patch).additions, 0),
      deletions: pull.files.reduce((sum, file) => sum + patchCounts(file.patch).deletions, 0),
      changed_files: pull.files.length,
    };
  }

  private deploymentView(repo: RepoState, deployment: DeploymentRecord): Json {
    const api = this.repoApi(repo);
    return {
      url: `${api}/deployments/${deployment.id}`,
      id: deployment.id,
      node_id: nodeId('Deployment', deployment.id),
      task: deployment.task,
      original_environment: deployment.originalEnvironment,
      environment: deployment.environment,
      description: deployment.description,
      created_at: deployment.createdAt,
      updated_at: deployment.updatedAt,
      statuses_url: `${api}/deployments/${deployment.id}/statuses`,
      repository_url: api,
      creator: this.userView(deployment.creator),
      sha: deployment.sha,
      ref: deployment.ref,
      payload: deployment.payload,
      transient_environment: deployment.transient,
      production_environment: deployment.production,
      performed_via_github_app: null,
    };
  }

  private deploymentStatusView(
    repo: RepoState,
    deployment: DeploymentRecord,
    status: DeploymentStatusRecord,
  ): Json {
    const api = this.repoApi(repo);
    return {
      url: `${api}/deployments/${deployment.id}/statuses/${status.id}`,
      id: status.id,
      node_id: nodeId('DeploymentStatus', status.id),
      state: status.state,
      creator: this.userView(status.creator),
      description: status.description,
      environment: status.environment,
      target_url: status.targetUrl,
      created_at: status.createdAt,
      updated_at: status.createdAt,
      deployment_url: `${api}/deployments/${deployment.id}`,
      repository_url: api,
      environment_url: status.environmentUrl,
      log_url: status.logUrl,
      performed_via_github_app: null,
    };
  }

  private commentView(repo: RepoState, comment: CommentRecord): Json {
    const api = this.repoApi(repo);
    const kind = repo.pulls.has(comment.issueNumber) ? 'pull' : 'issues';
    const url = `${api}/issues/comments/${comment.id}`;
    return {
      id: comment.id,
      node_id: nodeId('IssueComment', comment.id),
      url,
      html_url: `${WEB}/${repo.owner}/${repo.name}/${kind}/${comment.issueNumber}#issuecomment-${comment.id}`,
      body: comment.body,
      user: this.userView(comment.user),
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
      issue_url: `${api}/issues/${comment.issueNumber}`,
      author_association: 'NONE',
      performed_via_github_app: null,
      reactions: {
        url: `${url}/reactions`,
        total_count: 0,
        '+1': 0,
        '-1': 0,
        laugh: 0,
        hooray: 0,
        confused: 0,
        heart: 0,
        rocket: 0,
        eyes: 0,
      },
    };
  }

  // --- Operations ------------------------------------------------------------------------------------------

  private pullOf(call: Call): PullRecord | undefined {
    const number = positiveInteger(call.params.pull_number);
    return number === undefined ? undefined : call.repo.pulls.get(number);
  }

  getPull(call: Call): Reply {
    const pull = this.pullOf(call);
    if (!pull) return notFound(`${PULLS_DOCS}#get-a-pull-request`);
    return jsonReply(200, this.pullView(call.repo, pull));
  }

  listPullCommits(call: Call): Reply {
    const pull = this.pullOf(call);
    if (!pull) return notFound(`${PULLS_DOCS}#list-commits-on-a-pull-request`);
    const headSha = call.repo.branches.get(pull.head) as string;
    // The oldest 250 commits: GitHub lists no more for a pull request, however many pages are asked for.
    const commits = commitsBetween(call.repo, pullBase(call.repo, pull).baseSha, headSha).slice(
      0,
      GITHUB_PULL_COMMIT_CAP,
    );
    return pagedReply(paginate(commits, call), (commit) => this.commitView(call.repo, commit, false));
  }

  /** The files of a pull request, as defined, at most 3,000 however many pages are asked for. */
  listPullFiles(call: Call): Reply {
    const pull = this.pullOf(call);
    if (!pull) return notFound(`${PULLS_DOCS}#list-pull-requests-files`);
    const headSha = call.repo.branches.get(pull.head) as string;
    const files = pull.files.slice(0, GITHUB_PULL_FILES_CAP);
    return pagedReply(paginate(files, call), (file) => this.pullFileView(call.repo, headSha, file));
  }

  private pullFileView(repo: RepoState, headSha: string, file: GitHubPullFileDef): Json {
    const { additions, deletions } = patchCounts(file.patch);
    const path = file.filename.split('/').map(encodeURIComponent).join('/');
    return withoutUndefined({
      sha: sha1(`blob\0${headSha}\0${file.filename}`),
      filename: file.filename,
      status: file.status ?? 'modified',
      additions,
      deletions,
      changes: additions + deletions,
      blob_url: `${WEB}/${repo.owner}/${repo.name}/blob/${headSha}/${path}`,
      raw_url: `${WEB}/${repo.owner}/${repo.name}/raw/${headSha}/${path}`,
      contents_url: `${this.repoApi(repo)}/contents/${path}?ref=${headSha}`,
      patch: file.patch,
      previous_filename: file.previousFilename,
    });
  }

  compare(call: Call): Reply {
    const docs = `${COMMITS_DOCS}#compare-two-commits`;
    const basehead = call.params.basehead ?? '';
    const separator = basehead.indexOf('...');
    if (separator < 0) return notFound(docs);
    const ownRef = (ref: string) => {
      // 'owner:branch' names a branch of a repository in the same network; only this repository is emulated.
      const colon = ref.indexOf(':');
      if (colon < 0) return ref;
      return ref.slice(0, colon).toLowerCase() === call.repo.owner.toLowerCase() ? ref.slice(colon + 1) : '';
    };
    const baseRef = ownRef(basehead.slice(0, separator));
    const headRef = ownRef(basehead.slice(separator + 3));
    const baseSha = resolveRef(call.repo, baseRef);
    const headSha = resolveRef(call.repo, headRef);
    if (baseSha === undefined || headSha === undefined) return notFound(docs);
    const mergeBaseSha = mergeBase(call.repo, baseSha, headSha);
    if (mergeBaseSha === undefined) {
      return errorReply(404, `No common ancestor between ${baseRef} and ${headRef}.`, docs);
    }
    const ahead = commitsBetween(call.repo, baseSha, headSha);
    const behindBy = commitsBetween(call.repo, headSha, baseSha).length;
    const status =
      ahead.length === 0 && behindBy === 0
        ? 'identical'
        : behindBy === 0
          ? 'ahead'
          : ahead.length === 0
            ? 'behind'
            : 'diverged';
    const paged = call.query.page !== undefined || call.query.per_page !== undefined;
    // Unpaged, GitHub lists the newest 250 commits; paged, pages start from the oldest and go up to 250 long.
    const page = paged
      ? paginate(ahead, call, GITHUB_COMPARE_COMMIT_CAP)
      : { items: ahead.slice(-GITHUB_COMPARE_COMMIT_CAP), link: undefined };
    const api = this.repoApi(call.repo);
    const html = `${WEB}/${call.repo.owner}/${call.repo.name}`;
    const spec = `${baseRef}...${headRef}`;
    const firstPage = !paged || (positiveInteger(call.query.page) ?? 1) === 1;
    const body = withoutUndefined({
      url: `${api}/compare/${spec}`,
      html_url: `${html}/compare/${spec}`,
      permalink_url: `${html}/compare/${call.repo.owner}:${baseSha}...${call.repo.owner}:${headSha}`,
      diff_url: `${html}/compare/${spec}.diff`,
      patch_url: `${html}/compare/${spec}.patch`,
      base_commit: this.commitView(call.repo, call.repo.commits.get(baseSha) as CommitRecord, false),
      merge_base_commit: this.commitView(
        call.repo,
        call.repo.commits.get(mergeBaseSha) as CommitRecord,
        false,
      ),
      status,
      ahead_by: ahead.length,
      behind_by: behindBy,
      total_commits: ahead.length,
      commits: page.items.map((commit) => this.commitView(call.repo, commit, false)),
      // Changed files come with the first page only; the emulator has no file contents, so there are none.
      files: firstPage ? [] : undefined,
    });
    return jsonReply(200, body, page.link ? { link: page.link } : {});
  }

  getCommit(call: Call): Reply {
    const ref = call.params.ref ?? '';
    const sha = resolveRef(call.repo, ref);
    if (sha === undefined)
      return errorReply(422, `No commit found for SHA: ${ref}`, `${COMMITS_DOCS}#get-a-commit`);
    return jsonReply(200, this.commitView(call.repo, call.repo.commits.get(sha) as CommitRecord, true));
  }

  createCommitStatus(call: Call): Reply {
    const docs = `${DOCS}/commits/statuses#create-a-commit-status`;
    const problem = bodyProblem(
      call.body,
      { state: 'string', target_url: 'string|null', description: 'string|null', context: 'string' },
      ['state'],
      docs,
    );
    if (problem) return problem;
    const sha = call.params.sha ?? '';
    if (!call.repo.commits.has(sha)) return errorReply(422, `No commit found for SHA: ${sha}`, docs);
    const state = call.body.state as string;
    if (!COMMIT_STATES.includes(state)) {
      return invalidRequest(
        `For 'properties/state', ${shown(state)} is not one of ${COMMIT_STATES.join(', ')}.`,
        docs,
      );
    }
    const status: CommitStatusRecord = {
      id: this.nextStatusId++,
      sha,
      state,
      context: (call.body.context as string | undefined) ?? 'default',
      description: (call.body.description as string | null | undefined) ?? null,
      targetUrl: (call.body.target_url as string | null | undefined) ?? null,
      creator: call.caller.login,
      createdAt: isoSeconds(call.now),
    };
    call.repo.commitStatuses.push(status);
    const api = this.repoApi(call.repo);
    return jsonReply(
      201,
      {
        url: `${api}/statuses/${sha}`,
        avatar_url: this.userView(status.creator).avatar_url,
        id: status.id,
        node_id: nodeId('StatusContext', status.id),
        state: status.state,
        description: status.description,
        target_url: status.targetUrl,
        context: status.context,
        created_at: status.createdAt,
        updated_at: status.createdAt,
        creator: this.userView(status.creator),
      },
      { location: `${api}/statuses/${sha}` },
    );
  }

  private deploymentOf(call: Call): DeploymentRecord | undefined {
    const id = positiveInteger(call.params.deployment_id);
    return call.repo.deployments.find((deployment) => deployment.id === id);
  }

  listDeployments(call: Call): Reply {
    const { sha, ref, task, environment } = call.query;
    // GitHub documents "none" as the default of each filter: no filtering.
    const matches = (value: string, filter: string | undefined) =>
      filter === undefined || filter === 'none' || value === filter;
    const found = call.repo.deployments
      .filter(
        (deployment) =>
          matches(deployment.sha, sha) &&
          matches(deployment.ref, ref) &&
          matches(deployment.task, task) &&
          matches(deployment.environment, environment),
      )
      .reverse();
    return pagedReply(paginate(found, call), (deployment) => this.deploymentView(call.repo, deployment));
  }

  getDeployment(call: Call): Reply {
    const deployment = this.deploymentOf(call);
    if (!deployment) return notFound(`${DEPLOYMENTS_DOCS}#get-a-deployment`);
    return jsonReply(200, this.deploymentView(call.repo, deployment));
  }

  /**
   * Creates a deployment with GitHub's checks: the ref must exist; with auto_merge (default true) a ref behind the
   * default branch would be merged first, which the emulator, having no file contents, answers as a merge
   * conflict (409); the commit statuses of the required contexts (default: every context reported) must all be
   * success, else 409 (docs.github.com/rest/deployments/deployments#create-a-deployment).
   */
  createDeployment(call: Call): Reply {
    const docs = `${DEPLOYMENTS_DOCS}#create-a-deployment`;
    const problem = bodyProblem(
      call.body,
      {
        ref: 'string',
        task: 'string',
        auto_merge: 'boolean',
        required_contexts: 'string[]',
        payload: 'string|object',
        environment: 'string',
        description: 'string|null',
        transient_environment: 'boolean',
        production_environment: 'boolean',
      },
      ['ref'],
      docs,
    );
    if (problem) return problem;
    const { repo } = call;
    const ref = call.body.ref as string;
    const sha = resolveRef(repo, ref);
    if (sha === undefined) return errorReply(422, `No ref found for: ${ref}`, docs);
    const defaultHead = repo.branches.get(repo.defaultBranch) as string;
    if (call.body.auto_merge !== false && !ancestors(repo, sha).has(defaultHead)) {
      return errorReply(409, `Conflict merging ${repo.defaultBranch} into ${ref}.`, docs);
    }
    const failedContexts = this.failedContexts(
      repo,
      sha,
      call.body.required_contexts as string[] | undefined,
    );
    if (failedContexts) {
      return errorReply(409, `Conflict: Commit status checks failed for ${ref}.`, docs, {
        errors: [
          { contexts: failedContexts, resource: 'Deployment', field: 'required_contexts', code: 'invalid' },
        ],
      });
    }
    const environment = (call.body.environment as string | undefined) ?? 'production';
    const createdAt = isoSeconds(call.now);
    if (!repo.environments.has(environment.toLowerCase())) {
      this.addEnvironment(repo, { name: environment }, createdAt);
    }
    const deployment: DeploymentRecord = {
      id: this.nextDeploymentId++,
      sha,
      ref,
      task: (call.body.task as string | undefined) ?? 'deploy',
      payload: readPayload(call.body.payload),
      originalEnvironment: environment,
      environment,
      description: (call.body.description as string | null | undefined) ?? '',
      transient: (call.body.transient_environment as boolean | undefined) ?? false,
      production: (call.body.production_environment as boolean | undefined) ?? environment === 'production',
      creator: call.caller.login,
      createdAt,
      updatedAt: createdAt,
      statuses: [],
    };
    repo.deployments.push(deployment);
    return jsonReply(201, this.deploymentView(repo, deployment));
  }

  /**
   * The latest status of each context on `sha` when a required context is not success (or, when contexts are
   * listed, has no status at all); undefined when the deployment may go ahead.
   */
  private failedContexts(
    repo: RepoState,
    sha: string,
    required: readonly string[] | undefined,
  ): { context: string; state: string }[] | undefined {
    const latest = new Map<string, CommitStatusRecord>();
    // Contexts are case-insensitive (docs.github.com/rest/commits/statuses#create-a-commit-status).
    for (const status of repo.commitStatuses)
      if (status.sha === sha) latest.set(status.context.toLowerCase(), status);
    const contexts = required ?? [...latest.values()].map((status) => status.context);
    const passed = contexts.every((context) => latest.get(context.toLowerCase())?.state === 'success');
    if (passed) return undefined;
    return [...latest.values()].map((status) => ({ context: status.context, state: status.state }));
  }

  listDeploymentStatuses(call: Call): Reply {
    const deployment = this.deploymentOf(call);
    if (!deployment) return notFound(`${STATUSES_DOCS}#list-deployment-statuses`);
    const newestFirst = [...deployment.statuses].reverse();
    return pagedReply(paginate(newestFirst, call), (status) =>
      this.deploymentStatusView(call.repo, deployment, status),
    );
  }

  /**
   * Adds a status. A success status with auto_inactive (default true) adds an inactive status to every earlier
   * deployment of the same environment whose latest state is success, skipping transient and production ones, as
   * the description of `auto_inactive` says (docs.github.com/rest/deployments/statuses#create-a-deployment-status).
   */
  createDeploymentStatus(call: Call): Reply {
    const docs = `${STATUSES_DOCS}#create-a-deployment-status`;
    const deployment = this.deploymentOf(call);
    if (!deployment) return notFound(docs);
    const problem = bodyProblem(
      call.body,
      {
        state: 'string',
        target_url: 'string',
        log_url: 'string',
        description: 'string',
        environment: 'string',
        environment_url: 'string',
        auto_inactive: 'boolean',
      },
      ['state'],
      docs,
    );
    if (problem) return problem;
    const state = call.body.state as string;
    if (!DEPLOYMENT_STATES.includes(state)) {
      return validationFailed(
        [
          {
            resource: 'DeploymentStatus',
            code: 'custom',
            field: 'state',
            message: 'state is not included in the list',
          },
        ],
        docs,
      );
    }
    const description = (call.body.description as string | undefined) ?? '';
    if ([...description].length > STATUS_DESCRIPTION_MAX_LENGTH) {
      return validationFailed(
        [
          {
            resource: 'DeploymentStatus',
            code: 'custom',
            field: 'description',
            message: `description is too long (maximum is ${STATUS_DESCRIPTION_MAX_LENGTH} characters)`,
          },
        ],
        docs,
      );
    }
    const environment =
      (call.body.environment as string | undefined) ??
      deployment.statuses.at(-1)?.environment ??
      deployment.environment;
    // log_url replaces target_url; setting either sets both.
    const logUrl =
      (call.body.log_url as string | undefined) ?? (call.body.target_url as string | undefined) ?? '';
    const createdAt = isoSeconds(call.now);
    const status = this.addStatus(deployment, {
      state,
      description,
      environment,
      targetUrl: logUrl,
      logUrl,
      environmentUrl: (call.body.environment_url as string | undefined) ?? '',
      creator: call.caller.login,
      createdAt,
    });
    deployment.environment = environment;
    if (!call.repo.environments.has(environment.toLowerCase())) {
      this.addEnvironment(call.repo, { name: environment }, createdAt);
    }
    if (state === 'success' && call.body.auto_inactive !== false) {
      for (const earlier of call.repo.deployments) {
        if (
          earlier.id !== deployment.id &&
          earlier.environment === environment &&
          !earlier.transient &&
          !earlier.production &&
          earlier.statuses.at(-1)?.state === 'success'
        ) {
          this.addStatus(earlier, {
            ...(earlier.statuses.at(-1) as DeploymentStatusRecord),
            state: 'inactive',
            createdAt,
          });
        }
      }
    }
    return jsonReply(201, this.deploymentStatusView(call.repo, deployment, status));
  }

  private addStatus(
    deployment: DeploymentRecord,
    status: Omit<DeploymentStatusRecord, 'id'>,
  ): DeploymentStatusRecord {
    const record = { ...status, id: this.nextStatusId++ };
    deployment.statuses.push(record);
    deployment.updatedAt = record.createdAt;
    return record;
  }

  getEnvironment(call: Call): Reply {
    const environment = call.repo.environments.get((call.params.environment_name ?? '').toLowerCase());
    if (!environment) return notFound(`${DOCS}/deployments/environments#get-an-environment`);
    const api = this.repoApi(call.repo);
    const rules = environment.protectionRules.map((rule, index) => {
      const id = environment.ruleIds[index] as number;
      const base = { id, node_id: nodeId('Gate', id), type: rule.type };
      if (rule.type === 'wait_timer') return { ...base, wait_timer: rule.waitTimer ?? 0 };
      if (rule.type === 'required_reviewers') {
        return {
          ...base,
          prevent_self_review: false,
          reviewers: (rule.reviewers ?? []).map((login) => ({
            type: 'User',
            reviewer: this.userView(login),
          })),
        };
      }
      return base;
    });
    const hasBranchPolicy = environment.protectionRules.some((rule) => rule.type === 'branch_policy');
    return jsonReply(200, {
      id: environment.id,
      node_id: nodeId('Environment', environment.id),
      name: environment.name,
      url: `${api}/environments/${encodeURIComponent(environment.name)}`,
      html_url: `${WEB}/${call.repo.owner}/${call.repo.name}/deployments/activity_log?environments_filter=${encodeURIComponent(environment.name)}`,
      created_at: environment.createdAt,
      updated_at: environment.createdAt,
      can_admins_bypass: true,
      protection_rules: rules,
      deployment_branch_policy: hasBranchPolicy
        ? { protected_branches: false, custom_branch_policies: true }
        : null,
    });
  }

  /**
   * Deletes an environment: 204 with no body. Its deployments stay, as they do on GitHub; a later deployment to
   * the name creates it afresh.
   */
  deleteEnvironment(call: Call): Reply {
    const key = (call.params.environment_name ?? '').toLowerCase();
    if (!call.repo.environments.has(key)) {
      return notFound(`${DOCS}/deployments/environments#delete-an-environment`);
    }
    call.repo.environments.delete(key);
    return jsonReply(204, undefined);
  }

  /** The names of a repository's environments, in creation order. */
  /** Adds deployments with their statuses directly, oldest first, without the checks of the REST operations. */
  seedDeployments(
    owner: string,
    name: string,
    seeds: readonly GitHubDeploymentSeed[],
    now: number,
  ): number[] {
    const repo = this.repoOrThrow(owner, name);
    const head = repo.branches.get(repo.defaultBranch) as string;
    return seeds.map((seed) => {
      const createdAt = isoSeconds(seed.createdAt === undefined ? now : new Date(seed.createdAt).getTime());
      if (!repo.environments.has(seed.environment.toLowerCase())) {
        this.addEnvironment(repo, { name: seed.environment }, createdAt);
      }
      const deployment: DeploymentRecord = {
        id: this.nextDeploymentId++,
        sha: seed.sha ?? head,
        ref: seed.ref ?? seed.sha ?? repo.defaultBranch,
        task: 'deploy',
        payload: {},
        originalEnvironment: seed.environment,
        environment: seed.environment,
        description: '',
        transient: false,
        production: seed.environment === 'production',
        creator: DEFAULT_GITHUB_LOGIN,
        createdAt,
        updatedAt: createdAt,
        statuses: [],
      };
      for (const status of seed.statuses ?? []) {
        const logUrl = status.logUrl ?? '';
        this.addStatus(deployment, {
          state: status.state,
          description: status.description ?? '',
          environment: seed.environment,
          targetUrl: logUrl,
          logUrl,
          environmentUrl: status.environmentUrl ?? '',
          creator: DEFAULT_GITHUB_LOGIN,
          createdAt:
            status.createdAt === undefined ? createdAt : isoSeconds(new Date(status.createdAt).getTime()),
        });
      }
      repo.deployments.push(deployment);
      return deployment.id;
    });
  }

  /** Adds issues, numbered after the repository's pull requests and issues. Returns their numbers. */
  seedIssues(owner: string, name: string, seeds: readonly GitHubIssueSeed[], now: number): number[] {
    const repo = this.repoOrThrow(owner, name);
    const issues = this.issuesByRepo.get(repo) ?? [];
    let next = Math.max(0, ...repo.pulls.keys(), ...issues.map((issue) => issue.number)) + 1;
    const added = seeds.map((seed): IssueRecord => {
      const createdAt = isoSeconds(seed.createdAt === undefined ? now : new Date(seed.createdAt).getTime());
      const closedAt = seed.closedAt === undefined ? null : isoSeconds(new Date(seed.closedAt).getTime());
      return { number: next++, title: seed.title, labels: seed.labels ?? [], createdAt, closedAt };
    });
    this.issuesByRepo.set(repo, [...issues, ...added]);
    return added.map((issue) => issue.number);
  }

  /**
   * Lists issues and pull requests (these with a `pull_request` key), as GitHub does: `state` open (default),
   * closed or all; `labels` a comma-separated list the issue must all carry; `since` on the update time; sorted
   * by creation, newest first (docs.github.com/rest/issues/issues#list-repository-issues).
   */
  listIssues(call: Call): Reply {
    const docs = `${DOCS}/issues/issues#list-repository-issues`;
    const state = call.query.state ?? 'open';
    if (!['open', 'closed', 'all'].includes(state)) {
      return invalidRequest(
        `No subschema in "anyOf" matched: state "${state}" is not one of open, closed, all.`,
        docs,
      );
    }
    const since = call.query.since === undefined ? undefined : Date.parse(call.query.since);
    if (Number.isNaN(since)) return invalidRequest(`"since" ${call.query.since} is not a timestamp.`, docs);
    const wanted = (call.query.labels ?? '')
      .split(',')
      .map((label) => label.trim().toLowerCase())
      .filter((label) => label !== '');
    const api = this.repoApi(call.repo);
    const html = `${WEB}/${call.repo.owner}/${call.repo.name}`;
    const pulls = [...call.repo.pulls.values()].map((pull) => {
      const view = this.pullView(call.repo, pull) as Record<string, Json>;
      return {
        ...this.issueView(call.repo, {
          number: pull.number,
          title: pull.title,
          labels: [],
          createdAt: String(view.created_at),
          closedAt: typeof view.closed_at === 'string' ? view.closed_at : null,
        }),
        pull_request: {
          url: `${api}/pulls/${pull.number}`,
          html_url: `${html}/pull/${pull.number}`,
          diff_url: `${html}/pull/${pull.number}.diff`,
          patch_url: `${html}/pull/${pull.number}.patch`,
          merged_at: view.merged_at ?? null,
        },
      };
    });
    const issues = (this.issuesByRepo.get(call.repo) ?? []).map((issue) => this.issueView(call.repo, issue));
    const found = [...issues, ...pulls]
      .filter(
        (item) =>
          (state === 'all' || item.state === state) &&
          (since === undefined || Date.parse(item.updated_at) >= since) &&
          wanted.every((label) => item.labels.some((has) => has.name.toLowerCase() === label)),
      )
      .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.number - a.number);
    return pagedReply(paginate(found, call), (item) => item);
  }

  private issueView(repo: RepoState, issue: IssueRecord) {
    const api = this.repoApi(repo);
    const url = `${api}/issues/${issue.number}`;
    return {
      id: stableId(`issue:${repo.owner}/${repo.name}#${issue.number}`),
      node_id: nodeId('Issue', issue.number),
      url,
      repository_url: api,
      labels_url: `${url}/labels{/name}`,
      comments_url: `${url}/comments`,
      events_url: `${url}/events`,
      html_url: `${WEB}/${repo.owner}/${repo.name}/issues/${issue.number}`,
      number: issue.number,
      state: issue.closedAt === null ? 'open' : 'closed',
      state_reason: issue.closedAt === null ? null : 'completed',
      title: issue.title,
      body: null,
      user: this.userView(DEFAULT_GITHUB_LOGIN),
      labels: issue.labels.map((name) => ({
        id: stableId(`label:${repo.owner}/${repo.name}:${name}`),
        node_id: nodeId('Label', name),
        url: `${api}/labels/${encodeURIComponent(name)}`,
        name,
        color: 'd73a4a',
        default: false,
        description: null,
      })),
      assignee: null,
      assignees: [],
      milestone: null,
      locked: false,
      active_lock_reason: null,
      comments: repo.comments.filter((comment) => comment.issueNumber === issue.number).length,
      created_at: issue.createdAt,
      updated_at: issue.closedAt ?? issue.createdAt,
      closed_at: issue.closedAt,
      author_association: 'MEMBER',
    };
  }

  /** The deployment with this REST id in any repository. */
  findDeployment(id: number): { repo: RepoState; deployment: DeploymentRecord } | undefined {
    for (const repo of this.repos) {
      const deployment = repo.deployments.find((candidate) => candidate.id === id);
      if (deployment) return { repo, deployment };
    }
    return undefined;
  }

  environmentNames(owner: string, name: string): string[] {
    return [...this.repoOrThrow(owner, name).environments.values()].map((environment) => environment.name);
  }

  /** Pull requests are the emulated issues: an issue number that is no pull request is not found. */
  private issueNumberOf(call: Call): number | undefined {
    const number = positiveInteger(call.params.issue_number);
    return number !== undefined && call.repo.pulls.has(number) ? number : undefined;
  }

  listComments(call: Call): Reply {
    const issueNumber = this.issueNumberOf(call);
    if (issueNumber === undefined) return notFound(`${COMMENTS_DOCS}#list-issue-comments`);
    const since = call.query.since === undefined ? undefined : Date.parse(call.query.since);
    const comments = call.repo.comments.filter(
      (comment) =>
        comment.issueNumber === issueNumber &&
        (since === undefined || Number.isNaN(since) || Date.parse(comment.updatedAt) >= since),
    );
    return pagedReply(paginate(comments, call), (comment) => this.commentView(call.repo, comment));
  }

  private commentBodyProblem(call: Call, docs: string): Reply | undefined {
    const problem = bodyProblem(call.body, { body: 'string' }, ['body'], docs);
    if (problem) return problem;
    if ((call.body.body as string).length > COMMENT_MAX_LENGTH) {
      return validationFailed(
        [
          {
            resource: 'IssueComment',
            code: 'unprocessable',
            field: 'data',
            message: `Body is too long (maximum is ${COMMENT_MAX_LENGTH} characters)`,
          },
        ],
        docs,
      );
    }
    return undefined;
  }

  createComment(call: Call): Reply {
    const docs = `${COMMENTS_DOCS}#create-an-issue-comment`;
    const issueNumber = this.issueNumberOf(call);
    if (issueNumber === undefined) return notFound(docs);
    const problem = this.commentBodyProblem(call, docs);
    if (problem) return problem;
    const createdAt = isoSeconds(call.now);
    const comment: CommentRecord = {
      id: this.nextCommentId++,
      issueNumber,
      body: call.body.body as string,
      user: call.caller.login,
      createdAt,
      updatedAt: createdAt,
    };
    call.repo.comments.push(comment);
    const view = this.commentView(call.repo, comment);
    return jsonReply(201, view, { location: view.url as string });
  }

  /**
   * Accepts a SARIF upload as code scanning does: the body's fields checked like GitHub's request validation, then
   * the `sarif` field Base64-decoded and gunzipped. Over the size limit is 413, a field that does not decode 400 "SARIF
   * ZIP upload is invalid", a log that is not SARIF 2.1.0 with runs 400 "Invalid SARIF" (the answers listed in
   * docs.github.com/code-security/code-scanning/troubleshooting-sarif-uploads). Anything else is 202: the rest of
   * the checks happen while processing (see `processSarif`).
   */
  uploadSarif(call: Call): Reply {
    const docs = `${CODE_SCANNING_DOCS}#upload-an-analysis-as-sarif-data`;
    const problem = bodyProblem(
      call.body,
      {
        commit_sha: 'string',
        ref: 'string',
        sarif: 'string',
        checkout_uri: 'string',
        started_at: 'string',
        tool_name: 'string',
        validate: 'boolean',
      },
      ['commit_sha', 'ref', 'sarif'],
      docs,
    );
    if (problem) return problem;
    const {
      commit_sha: commitSha,
      ref,
      sarif,
    } = call.body as { commit_sha: string; ref: string; sarif: string };
    for (const [name, value, pattern] of [
      ['commit_sha', commitSha, SARIF_COMMIT_PATTERN],
      ['ref', ref, SARIF_REF_PATTERN],
    ] as const) {
      if (!pattern.test(value)) {
        return invalidRequest(`For 'properties/${name}', ${shown(value)} does not match ${pattern}.`, docs);
      }
    }
    const encoded = sarif.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded) || encoded.length % 4 === 1) {
      return errorReply(400, 'SARIF ZIP upload is invalid', docs);
    }
    const gzipped = Buffer.from(encoded, 'base64');
    if (gzipped.length > this.sarif.limits.maxGzippedBytes) {
      return errorReply(413, 'SARIF ZIP upload is too large', docs);
    }
    let text: string;
    try {
      text = gunzipSync(gzipped, { maxOutputLength: 512 * 1024 * 1024 }).toString('utf8');
    } catch {
      return errorReply(400, 'SARIF ZIP upload is invalid', docs);
    }
    let log: unknown;
    try {
      log = JSON.parse(text);
    } catch {
      return errorReply(400, 'Invalid SARIF', docs);
    }
    const runs = isPlainObject(log) ? log.runs : undefined;
    const wellFormed =
      isPlainObject(log) &&
      log.version === '2.1.0' &&
      Array.isArray(runs) &&
      runs.every((run) => isPlainObject(run) && typeof driverOf(run)?.name === 'string');
    if (!wellFormed) return errorReply(400, 'Invalid SARIF', docs);
    const digest = sha1(`sarif:${this.nextSarifUpload++}:${call.repo.id}`);
    const id = `${digest.slice(0, 8)}-${digest.slice(8, 12)}-${digest.slice(12, 16)}-${digest.slice(16, 20)}-${digest.slice(20, 32)}`;
    call.repo.sarifUploads.set(id, {
      id,
      commitSha,
      ref,
      log: log as Json,
      pendingPolls: this.sarif.pendingPolls,
      status: 'pending',
      errors: [],
    });
    return jsonReply(202, { id, url: `${this.repoApi(call.repo)}/code-scanning/sarifs/${id}` });
  }

  /** Where an upload stands: pending for the configured number of requests, then complete or failed. */
  getSarifUpload(call: Call): Reply {
    const upload = call.repo.sarifUploads.get(call.params.sarif_id ?? '');
    if (!upload) return notFound(`${CODE_SCANNING_DOCS}#get-information-about-a-sarif-upload`);
    if (upload.status === 'pending' && upload.pendingPolls > 0) {
      upload.pendingPolls -= 1;
      return jsonReply(200, { processing_status: 'pending', analyses_url: null });
    }
    if (upload.status === 'pending') {
      const error = processSarif(upload.log, this.sarif.limits);
      upload.status = error === undefined ? 'complete' : 'failed';
      upload.errors = error === undefined ? [] : [error];
    }
    if (upload.status === 'failed') {
      return jsonReply(200, { processing_status: 'failed', analyses_url: null, errors: upload.errors });
    }
    return jsonReply(200, {
      processing_status: 'complete',
      analyses_url: `${this.repoApi(call.repo)}/code-scanning/analyses?sarif_id=${upload.id}`,
    });
  }

  /** A repository's uploads, oldest first, copied for assertions. */
  sarifUploadRecords(owner: string, name: string): GitHubSarifUploadRecord[] {
    return [...this.repoOrThrow(owner, name).sarifUploads.values()].map((upload) => ({
      id: upload.id,
      commitSha: upload.commitSha,
      ref: upload.ref,
      status: upload.status,
      errors: [...upload.errors],
      log: structuredClone(upload.log),
    }));
  }

  releaseRecords(owner: string, name: string): GitHubReleaseRecord[] {
    return (this.releasesByRepo.get(this.repoOrThrow(owner, name)) ?? []).map((release) => ({
      id: release.id,
      tagName: release.tagName,
      name: release.name,
      body: release.body,
      draft: release.draft,
    }));
  }

  private releaseView(repo: RepoState, release: ReleaseRecord): Json {
    const api = `${this.repoApi(repo)}/releases/${release.id}`;
    const html = `${WEB}/${repo.owner}/${repo.name}/releases/tag/${encodeURIComponent(release.tagName)}`;
    return {
      url: api,
      html_url: html,
      assets_url: `${api}/assets`,
      upload_url: `https://uploads.github.com/repos/${repo.owner}/${repo.name}/releases/${release.id}/assets{?name,label}`,
      tarball_url: `${this.repoApi(repo)}/tarball/${encodeURIComponent(release.tagName)}`,
      zipball_url: `${this.repoApi(repo)}/zipball/${encodeURIComponent(release.tagName)}`,
      id: release.id,
      node_id: nodeId('Release', release.id),
      tag_name: release.tagName,
      target_commitish: release.targetCommitish,
      name: release.name,
      body: release.body,
      draft: release.draft,
      prerelease: release.prerelease,
      immutable: false,
      created_at: release.createdAt,
      updated_at: release.createdAt,
      published_at: release.draft ? null : release.createdAt,
      author: this.userView(release.author),
      assets: [],
    };
  }

  /** Drafts are found only by id: GitHub's by-tag lookup answers 404 for them. */
  getReleaseByTag(call: Call): Reply {
    const tag = call.params.tag ?? '';
    const release = (this.releasesByRepo.get(call.repo) ?? []).find(
      (candidate) => candidate.tagName === tag && !candidate.draft,
    );
    if (!release) return notFound(`${RELEASES_DOCS}#get-a-release-by-tag-name`);
    return jsonReply(200, this.releaseView(call.repo, release));
  }

  createRelease(call: Call): Reply {
    const docs = `${RELEASES_DOCS}#create-a-release`;
    const problem = bodyProblem(
      call.body,
      {
        tag_name: 'string',
        target_commitish: 'string',
        name: 'string',
        body: 'string',
        draft: 'boolean',
        prerelease: 'boolean',
      },
      ['tag_name'],
      docs,
    );
    if (problem) return problem;
    const tagName = call.body.tag_name as string;
    const releases = this.releasesByRepo.get(call.repo) ?? [];
    if (releases.some((release) => release.tagName === tagName)) {
      return validationFailed([{ resource: 'Release', code: 'already_exists', field: 'tag_name' }], docs);
    }
    if (((call.body.body as string | undefined)?.length ?? 0) > RELEASE_BODY_MAX_LENGTH) {
      const message = `body is too long (maximum is ${RELEASE_BODY_MAX_LENGTH} characters)`;
      return validationFailed([{ resource: 'Release', code: 'custom', field: 'body', message }], docs);
    }
    const release: ReleaseRecord = {
      id: this.nextReleaseId++,
      tagName,
      targetCommitish: (call.body.target_commitish as string | undefined) ?? call.repo.defaultBranch,
      name: (call.body.name as string | undefined) ?? null,
      body: (call.body.body as string | undefined) ?? null,
      draft: (call.body.draft as boolean | undefined) ?? false,
      prerelease: (call.body.prerelease as boolean | undefined) ?? false,
      author: call.caller.login,
      createdAt: isoSeconds(call.now),
    };
    this.releasesByRepo.set(call.repo, [...releases, release]);
    const view = this.releaseView(call.repo, release);
    return jsonReply(201, view, { location: view.url as string });
  }

  updateRelease(call: Call): Reply {
    const docs = `${RELEASES_DOCS}#update-a-release`;
    const id = positiveInteger(call.params.release_id);
    const release = (this.releasesByRepo.get(call.repo) ?? []).find((candidate) => candidate.id === id);
    if (!release) return notFound(docs);
    const problem = bodyProblem(
      call.body,
      {
        tag_name: 'string',
        target_commitish: 'string',
        name: 'string',
        body: 'string',
        draft: 'boolean',
        prerelease: 'boolean',
      },
      [],
      docs,
    );
    if (problem) return problem;
    if (typeof call.body.name === 'string') release.name = call.body.name;
    if (typeof call.body.body === 'string') release.body = call.body.body;
    if (typeof call.body.draft === 'boolean') release.draft = call.body.draft;
    if (typeof call.body.prerelease === 'boolean') release.prerelease = call.body.prerelease;
    return jsonReply(200, this.releaseView(call.repo, release));
  }

  updateComment(call: Call): Reply {
    const docs = `${COMMENTS_DOCS}#update-an-issue-comment`;
    const id = positiveInteger(call.params.comment_id);
    const comment = call.repo.comments.find((candidate) => candidate.id === id);
    if (!comment) return notFound(docs);
    const problem = this.commentBodyProblem(call, docs);
    if (problem) return problem;
    comment.body = call.body.body as string;
    comment.updatedAt = isoSeconds(call.now);
    return jsonReply(200, this.commentView(call.repo, comment));
  }
}

/** Lines a patch adds and removes (hunk headers and "\\ No newline at end of file" are neither). */
function patchCounts(patch: string | undefined): { additions: number; deletions: number } {
  const lines = patch?.split('\n') ?? [];
  return {
    additions: lines.filter((line) => line.startsWith('+')).length,
    deletions: lines.filter((line) => line.startsWith('-')).length,
  };
}

// --- Code scanning --------------------------------------------------------------------------------------------

/** The upload body's patterns, from GitHub's description (code-scanning-analysis-commit-sha, code-scanning-ref-full). */
const SARIF_COMMIT_PATTERN = /^([0-9a-fA-F]{40}(?:[0-9a-fA-F]{24})?)$/;
const SARIF_REF_PATTERN = /^refs\/(heads|tags|pull)\/.*$/;

/** The processing error code scanning reports for runs that share a category (since July 2025). */
export const GITHUB_SARIF_DUPLICATE_CATEGORY_ERROR =
  'A delivery cannot contain multiple runs with the same category. Please upload a single run per category. For more information, see https://github.blog/changelog/2025-07-21-code-scanning-will-stop-combining-multiple-sarif-runs-uploaded-in-the-same-sarif-file/';

function driverOf(run: Json): Json | undefined {
  const tool = run.tool;
  return isPlainObject(tool) && isPlainObject(tool.driver) ? tool.driver : undefined;
}

/**
 * The first processing error code scanning would report for a log, in its words (as github/codeql-action relays
 * them: "rejecting SARIF, as there are more runs than allowed (21 > 20)", "… more results per run than allowed
 * (42118 > 25000)", the duplicate-category rejection of github.blog/changelog/2025-07-21-…, "could not convert
 * rules: invalid security severity value, is not a number", "locationFromSarifResult: expected artifact location");
 * undefined when it would process. Runs share a category when their tool (name, full name, version, semantic version,
 * guid, as codeql-action's `createRunKey` compares them) and the category of `automationDetails.id` (everything before
 * its last '/') are the same.
 */
function processSarif(log: Json, limits: GitHubSarifLimits): string | undefined {
  const runs = (log.runs as Json[]) ?? [];
  if (runs.length > limits.maxRuns) {
    return `rejecting SARIF, as there are more runs than allowed (${runs.length} > ${limits.maxRuns})`;
  }
  const keys = new Set<string>();
  for (const run of runs) {
    const results = Array.isArray(run.results) ? (run.results as unknown[]) : [];
    if (results.length > limits.maxResultsPerRun) {
      return `rejecting SARIF, as there are more results per run than allowed (${results.length} > ${limits.maxResultsPerRun})`;
    }
    const driver = driverOf(run) ?? {};
    const id = isPlainObject(run.automationDetails) ? String(run.automationDetails.id ?? '') : '';
    const category = id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : '';
    const key = JSON.stringify([
      driver.name,
      driver.fullName,
      driver.version,
      driver.semanticVersion,
      driver.guid,
      category,
    ]);
    if (keys.has(key)) return GITHUB_SARIF_DUPLICATE_CATEGORY_ERROR;
    keys.add(key);
  }
  for (const run of runs) {
    const tool = isPlainObject(run.tool) ? run.tool : {};
    const components = [driverOf(run), ...(Array.isArray(tool.extensions) ? tool.extensions : [])];
    for (const component of components) {
      const rules = isPlainObject(component) && Array.isArray(component.rules) ? component.rules : [];
      for (const rule of rules) {
        const severity =
          isPlainObject(rule) && isPlainObject(rule.properties)
            ? rule.properties['security-severity']
            : undefined;
        if (severity !== undefined && !Number.isFinite(Number(severity))) {
          return `could not convert rules: invalid security severity value, is not a number: ${String(severity)}`;
        }
      }
    }
    const artifacts = Array.isArray(run.artifacts) ? run.artifacts : [];
    for (const result of Array.isArray(run.results) ? run.results : []) {
      const locations = isPlainObject(result) && Array.isArray(result.locations) ? result.locations : [];
      for (const location of locations) {
        const physical = isPlainObject(location) ? location.physicalLocation : undefined;
        if (!isPlainObject(physical)) continue;
        const artifact = isPlainObject(physical.artifactLocation) ? physical.artifactLocation : {};
        const indexed = typeof artifact.index === 'number' ? artifacts[artifact.index] : undefined;
        const indexedUri =
          isPlainObject(indexed) && isPlainObject(indexed.location) ? indexed.location.uri : undefined;
        if (typeof artifact.uri !== 'string' && typeof indexedUri !== 'string') {
          return 'locationFromSarifResult: expected artifact location';
        }
      }
    }
  }
  return undefined;
}

/** A deployment payload as GitHub keeps it: JSON text that holds an object is stored as that object. */
function readPayload(payload: unknown): unknown {
  if (payload === undefined) return {};
  if (typeof payload !== 'string') return payload;
  try {
    const parsed: unknown = JSON.parse(payload);
    return isPlainObject(parsed) ? parsed : payload;
  } catch {
    return payload;
  }
}

// --- Rate limits -------------------------------------------------------------------------------------------

interface RateWindow {
  start: number;
  used: number;
}

interface RateState {
  limit: number;
  used: number;
  remaining: number;
  /** UTC epoch seconds when the window resets. */
  reset: number;
}

/**
 * GitHub's primary rate limit: a window that opens with the first request and resets `windowMs` later, counted
 * per token; the x-ratelimit-* headers report it (docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api).
 */
class PrimaryRateLimit {
  private readonly windows = new Map<string, RateWindow>();

  /**
   * Counts a request (`cost` points: GraphQL queries cost more than 1), unless the window has not that much left;
   * says where the window stands after it.
   */
  take(key: string, rule: RateLimit, now: number, cost = 1): RateState & { exceeded: boolean } {
    const window = this.current(key, rule, now);
    const exceeded = window.used + cost > rule.limit;
    if (!exceeded) window.used += cost;
    return { ...this.state(window, rule), exceeded };
  }

  /** Where the window stands, without counting a request. */
  peek(key: string, rule: RateLimit, now: number): RateState {
    return this.state(this.current(key, rule, now), rule);
  }

  private current(key: string, rule: RateLimit, now: number): RateWindow {
    let window = this.windows.get(key);
    if (!window || now >= window.start + rule.windowMs) {
      window = { start: now, used: 0 };
      this.windows.set(key, window);
    }
    return window;
  }

  private state(window: RateWindow, rule: RateLimit): RateState {
    return {
      limit: rule.limit,
      used: window.used,
      remaining: Math.max(0, rule.limit - window.used),
      reset: Math.ceil((window.start + rule.windowMs) / 1000),
    };
  }
}

function rateHeaders(state: RateState, resource: 'core' | 'graphql' = 'core'): Record<string, string> {
  return {
    'x-ratelimit-limit': String(state.limit),
    'x-ratelimit-remaining': String(state.remaining),
    'x-ratelimit-used': String(state.used),
    'x-ratelimit-reset': String(state.reset),
    'x-ratelimit-resource': resource,
  };
}

// --- GraphQL -----------------------------------------------------------------------------------------------
//
// Not a GraphQL engine: POST /graphql answers the two queries Flowkit sends (packages/github's
// deployment-history.ts), recognised by their operation names, with their variables read and the fields Flowkit
// selects produced. Any other query gets GitHub's error shape (HTTP 200, `errors`). GraphQL is not in GitHub's
// OpenAPI description, so the contract helpers (github-contract.ts) check the REST operations only.

const GRAPHQL_DOCS = 'https://docs.github.com/graphql';
/** GitHub's limit on `first`/`last` for every connection (docs.github.com/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api). */
const GRAPHQL_PAGE_LIMIT = 100;
/** The operations the emulator answers, by operation name. */
const GRAPHQL_OPERATIONS = [
  'FlowkitDeploymentHistory',
  'FlowkitDeploymentStatuses',
  'FlowkitStandupDigest',
] as const;
type GraphQLOperation = (typeof GRAPHQL_OPERATIONS)[number];

interface GraphQLErrorEntry {
  type?: string;
  message: string;
  path?: (string | number)[];
  extensions?: Json;
}

/** GraphQL answers errors with HTTP 200 and an `errors` list beside whatever `data` could be resolved. */
function graphqlErrors(errors: GraphQLErrorEntry[], data?: Json | null): Reply {
  return jsonReply(200, data === undefined ? { errors } : { data, errors });
}

/** A variable that must be a string (String!/ID!): the value, or GitHub's validation error. */
function stringVariable(variables: Json, name: string, type: string): string | GraphQLErrorEntry {
  const value = variables[name];
  if (typeof value === 'string') return value;
  return { message: `Variable $${name} of type ${type} was provided invalid value`, extensions: { value } };
}

/** A connection's `first`: an integer 1–100, else GitHub's MISSING_PAGINATION_BOUNDARIES or EXCESSIVE_PAGINATION. */
function firstArgument(
  value: unknown,
  connection: string,
  path: (string | number)[],
): number | GraphQLErrorEntry {
  if (value === undefined || value === null) {
    return {
      type: 'MISSING_PAGINATION_BOUNDARIES',
      path,
      message: `You must provide a \`first\` or \`last\` value to properly paginate the \`${connection}\` connection.`,
    };
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return { message: `Variable of type Int! was provided invalid value`, extensions: { value } };
  }
  if (value > GRAPHQL_PAGE_LIMIT) {
    return {
      type: 'EXCESSIVE_PAGINATION',
      path,
      message: `Requesting ${value} records on the \`${connection}\` connection exceeds the \`first\` limit of ${GRAPHQL_PAGE_LIMIT} records.`,
    };
  }
  return Math.max(0, value);
}

/** Opaque cursors, like GitHub's: base64 of what the emulator needs to find the place again. */
function encodeCursor(kind: string, id: number): string {
  return Buffer.from(`cursor:${kind}:${id}`, 'utf8').toString('base64');
}

function decodeCursor(kind: string, cursor: unknown): number | undefined {
  if (typeof cursor !== 'string') return undefined;
  const match = new RegExp(`^cursor:${kind}:(\\d+)$`).exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

/** The items after `after` (an item id), at most `first`, with Relay's pageInfo. */
function connectionPage<T extends { id: number }>(
  items: readonly T[],
  kind: string,
  first: number,
  after: unknown,
): { items: T[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | GraphQLErrorEntry {
  let start = 0;
  if (after !== undefined && after !== null) {
    const id = decodeCursor(kind, after);
    const index = id === undefined ? -1 : items.findIndex((item) => item.id === id);
    if (index < 0) return { message: `\`${String(after)}\` does not appear to be a valid cursor.` };
    start = index + 1;
  }
  const page = items.slice(start, start + first);
  const last = page.at(-1);
  return {
    items: page,
    pageInfo: {
      hasNextPage: start + page.length < items.length,
      endCursor: last === undefined ? null : encodeCursor(kind, last.id),
    },
  };
}

function isErrorEntry(value: unknown): value is GraphQLErrorEntry {
  return typeof value === 'object' && value !== null && 'message' in value && !('items' in value);
}

function graphqlStatusView(status: DeploymentStatusRecord): Json {
  return {
    state: status.state.toUpperCase(),
    createdAt: status.createdAt,
    description: status.description || null,
    logUrl: status.logUrl || null,
    environmentUrl: status.environmentUrl || null,
  };
}

/** A deployment's statuses connection, oldest first. */
function graphqlStatuses(
  deployment: DeploymentRecord,
  first: number,
  after: unknown,
): Json | GraphQLErrorEntry {
  const page = connectionPage(deployment.statuses, 'status', first, after);
  if (isErrorEntry(page)) return page;
  return {
    totalCount: deployment.statuses.length,
    pageInfo: page.pageInfo,
    nodes: page.items.map(graphqlStatusView),
  };
}

/** GitHub's point cost: the connection requests a query may make, / 100, rounded, at least 1. */
function graphqlPoints(connectionRequests: number): number {
  return Math.max(1, Math.round(connectionRequests / 100));
}

/** What a recognised query needs before it runs: the point cost and node count, or validation errors. */
interface PlannedQuery {
  operation: GraphQLOperation;
  /** The fields of the query's top-level `rateLimit { … }`; undefined when it selects none. */
  rateLimitFields?: string[] | undefined;
  points: number;
  nodes: number;
  run: (world: GitHubWorld, def: GitHubTokenDef) => Reply;
}

const DEPLOYMENTS_READ: PermissionRule = [['deployments', 'read']];

function forbiddenEntry(path: (string | number)[]): GraphQLErrorEntry {
  return {
    type: 'FORBIDDEN',
    path,
    extensions: { saml_failure: false },
    message: 'Resource not accessible by integration',
  };
}

/** Reads Flowkit's history query: variables, the orderBy direction written in the query, the cost. */
function planDeploymentHistory(query: string, variables: Json): PlannedQuery | GraphQLErrorEntry[] {
  const owner = stringVariable(variables, 'owner', 'String!');
  const name = stringVariable(variables, 'name', 'String!');
  const first = firstArgument(variables.first, 'deployments', ['repository', 'deployments']);
  const statusesFirst = firstArgument(variables.statuses, 'statuses', [
    'repository',
    'deployments',
    'nodes',
    'statuses',
  ]);
  const environments = variables.environments;
  const problems = [owner, name, first, statusesFirst].filter(isErrorEntry);
  if (environments !== undefined && environments !== null) {
    if (!Array.isArray(environments) || !environments.every((item) => typeof item === 'string')) {
      problems.push({
        message: 'Variable $environments of type [String!] was provided invalid value',
        extensions: { value: environments },
      });
    }
  }
  if (problems.length > 0) return problems;
  const [ownerName, repoName, pageSize, statusesSize] = [owner, name, first, statusesFirst] as [
    string,
    string,
    number,
    number,
  ];
  // GitHub's default order is {field: CREATED_AT, direction: ASC}: oldest first unless the query says DESC.
  const descending = /orderBy:\s*\{[^}]*direction:\s*DESC/.test(query);
  const filter = Array.isArray(environments) ? new Set(environments as string[]) : undefined;
  return {
    operation: 'FlowkitDeploymentHistory',
    points: graphqlPoints(1 + pageSize),
    nodes: pageSize + pageSize * statusesSize,
    run: (world, def) => {
      const repo = world.findRepo(ownerName, repoName);
      if (!repo) {
        return graphqlErrors(
          [
            {
              type: 'NOT_FOUND',
              path: ['repository'],
              message: `Could not resolve to a Repository with the name '${ownerName}/${repoName}'.`,
            },
          ],
          { repository: null },
        );
      }
      // `deployments` is non-null in the schema, so its error nulls the repository.
      if (!grants(def, DEPLOYMENTS_READ)) {
        return graphqlErrors([forbiddenEntry(['repository', 'deployments'])], { repository: null });
      }
      const ordered = repo.deployments
        .filter((deployment) => filter === undefined || filter.has(deployment.environment))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
      if (descending) ordered.reverse();
      const page = connectionPage(ordered, 'deployment', pageSize, variables.after);
      if (isErrorEntry(page)) return graphqlErrors([{ ...page, path: ['repository', 'deployments'] }], null);
      const nodes: Json[] = [];
      for (const deployment of page.items) {
        const statuses = graphqlStatuses(deployment, statusesSize, undefined) as Json;
        nodes.push({
          id: nodeId('Deployment', deployment.id),
          databaseId: deployment.id,
          commitOid: deployment.sha,
          createdAt: deployment.createdAt,
          environment: deployment.environment,
          statuses,
        });
      }
      return jsonReply(200, {
        data: { repository: { deployments: { totalCount: ordered.length, pageInfo: page.pageInfo, nodes } } },
      });
    },
  };
}

/** Reads Flowkit's follow-up query: the statuses of one deployment, by node ID. */
function planDeploymentStatuses(variables: Json): PlannedQuery | GraphQLErrorEntry[] {
  const id = stringVariable(variables, 'id', 'ID!');
  const first = firstArgument(variables.first, 'statuses', ['node', 'statuses']);
  const problems = [id, first].filter(isErrorEntry);
  if (problems.length > 0) return problems;
  const [nodeIdText, pageSize] = [id, first] as [string, number];
  return {
    operation: 'FlowkitDeploymentStatuses',
    points: graphqlPoints(1),
    nodes: pageSize,
    run: (world, def) => {
      const match = /^0\d+:Deployment(\d+)$/.exec(Buffer.from(nodeIdText, 'base64').toString('utf8'));
      const found = match ? world.findDeployment(Number(match[1])) : undefined;
      if (!found) {
        return graphqlErrors(
          [
            {
              type: 'NOT_FOUND',
              path: ['node'],
              message: `Could not resolve to a node with the global id of '${nodeIdText}'`,
            },
          ],
          { node: null },
        );
      }
      if (!grants(def, DEPLOYMENTS_READ)) return graphqlErrors([forbiddenEntry(['node'])], { node: null });
      const statuses = graphqlStatuses(found.deployment, pageSize, variables.after);
      if (isErrorEntry(statuses)) return graphqlErrors([{ ...statuses, path: ['node', 'statuses'] }], null);
      return jsonReply(200, { data: { node: { statuses } } });
    },
  };
}

/**
 * Reads the stand-up digest's query (packages/digest): open pull requests oldest first with review requests and
 * whether any review exists, and the newest deployments of every environment with their first statuses.
 */
function planStandupDigest(variables: Json): PlannedQuery | GraphQLErrorEntry[] {
  const owner = stringVariable(variables, 'owner', 'String!');
  const name = stringVariable(variables, 'name', 'String!');
  const pulls = firstArgument(variables.pulls, 'pullRequests', ['repository', 'pullRequests']);
  const deployments = firstArgument(variables.deployments, 'deployments', ['repository', 'deployments']);
  const statuses = firstArgument(variables.statuses, 'statuses', [
    'repository',
    'deployments',
    'nodes',
    'statuses',
  ]);
  const problems = [owner, name, pulls, deployments, statuses].filter(isErrorEntry);
  if (problems.length > 0) return problems;
  const [ownerName, repoName, pullsSize, deploymentsSize, statusesSize] = [
    owner,
    name,
    pulls,
    deployments,
    statuses,
  ] as [string, string, number, number, number];
  return {
    operation: 'FlowkitStandupDigest',
    points: graphqlPoints(1 + pullsSize * 3 + 1 + deploymentsSize),
    nodes: pullsSize * 12 + deploymentsSize * (1 + statusesSize),
    run: (world, def) => {
      const repo = world.findRepo(ownerName, repoName);
      if (!repo) {
        return graphqlErrors(
          [
            {
              type: 'NOT_FOUND',
              path: ['repository'],
              message: `Could not resolve to a Repository with the name '${ownerName}/${repoName}'.`,
            },
          ],
          { repository: null },
        );
      }
      if (!grants(def, [['pull_requests', 'read']])) {
        return graphqlErrors([forbiddenEntry(['repository', 'pullRequests'])], { repository: null });
      }
      if (!grants(def, DEPLOYMENTS_READ)) {
        return graphqlErrors([forbiddenEntry(['repository', 'deployments'])], { repository: null });
      }
      const open = [...repo.pulls.values()]
        .filter((pull) => pull.state === 'open')
        .sort((a, b) => a.review.createdAt.localeCompare(b.review.createdAt) || a.number - b.number);
      const pullNodes = open.slice(0, pullsSize).map((pull) => ({
        number: pull.number,
        title: pull.title,
        url: `${WEB}/${repo.owner}/${repo.name}/pull/${pull.number}`,
        createdAt: pull.review.createdAt,
        isDraft: pull.review.draft,
        author: { login: pull.user ?? DEFAULT_GITHUB_COMMIT_AUTHOR.login },
        reviewRequests: {
          nodes: pull.review.reviewRequests.slice(0, 10).map((login) => ({ requestedReviewer: { login } })),
        },
        reviews: { totalCount: pull.review.reviews.length },
      }));
      const ordered = [...repo.deployments]
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id)
        .reverse()
        .slice(0, deploymentsSize);
      const deploymentNodes = ordered.map((deployment) => ({
        databaseId: deployment.id,
        commitOid: deployment.sha,
        createdAt: deployment.createdAt,
        environment: deployment.environment,
        statuses: graphqlStatuses(deployment, statusesSize, undefined),
      }));
      return jsonReply(200, {
        data: {
          repository: {
            pullRequests: { totalCount: open.length, nodes: pullNodes },
            deployments: { nodes: deploymentNodes },
          },
        },
      });
    },
  };
}

/** The plan for a request body, or the errors GitHub would answer. */
function planGraphql(body: unknown): PlannedQuery | Reply {
  if (!isPlainObject(body)) {
    return errorReplyGraphql(400, 'Body should be a JSON object');
  }
  const { query, variables = {} } = body as { query?: unknown; variables?: unknown };
  if (typeof query !== 'string') {
    return graphqlErrors([{ message: 'A query attribute must be specified and must be a string.' }]);
  }
  if (variables !== null && !isPlainObject(variables)) {
    return graphqlErrors([{ message: 'Variables are invalid JSON.' }]);
  }
  const name = /^\s*query\s+([A-Za-z_]\w*)/.exec(query)?.[1];
  const vars = (variables ?? {}) as Json;
  const planned =
    name === 'FlowkitDeploymentHistory'
      ? planDeploymentHistory(query, vars)
      : name === 'FlowkitDeploymentStatuses'
        ? planDeploymentStatuses(vars)
        : name === 'FlowkitStandupDigest'
          ? planStandupDigest(vars)
          : undefined;
  if (planned === undefined) {
    return graphqlErrors([
      {
        type: 'EMULATOR_UNSUPPORTED_QUERY',
        message: `The GitHub emulator answers only Flowkit's GraphQL operations (${GRAPHQL_OPERATIONS.join(', ')}), not ${name === undefined ? 'an anonymous operation' : name}.`,
      },
    ]);
  }
  if (Array.isArray(planned)) return graphqlErrors(planned);
  const rateLimit = /\brateLimit\s*\{([^}]*)\}/.exec(query)?.[1];
  return { ...planned, rateLimitFields: rateLimit?.split(/[\s,]+/).filter(Boolean) };
}

/** GitHub's non-GraphQL error body on the GraphQL endpoint (HTTP errors before the query is read). */
function errorReplyGraphql(status: number, message: string): Reply {
  return jsonReply(status, { message, documentation_url: GRAPHQL_DOCS });
}

// --- The server --------------------------------------------------------------------------------------------

interface PendingFailure extends GitHubFailure {
  match: GitHubFailureMatch;
  remaining: number;
}

type Authentication =
  | { kind: 'token'; token: string; def: GitHubTokenDef }
  | { kind: 'anonymous' }
  | { kind: 'bad' };

/** The token of an Authorization header: 'Bearer <t>', 'token <t>', or Basic with the token as password. */
function tokenOf(authorization: string): string | undefined {
  const match = /^(Bearer|token|Basic)\s+(\S+)\s*$/i.exec(authorization);
  if (!match) return undefined;
  const [, scheme = '', credential = ''] = match;
  if (scheme.toLowerCase() !== 'basic') return credential;
  const decoded = Buffer.from(credential, 'base64').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1) || undefined;
}

function grants(def: GitHubTokenDef, rule: PermissionRule): boolean {
  // A token defined without permissions is the permissive default token: write to everything a workflow token
  // can be granted, which never includes administration.
  if (!def.permissions) return rule.some(([permission]) => permission !== 'administration');
  return rule.some(([permission, access]) => {
    const granted = def.permissions?.[permission];
    return granted === 'write' || (granted === 'read' && access === 'read');
  });
}

/** A programmed failure's default body: what GitHub answers with that status. */
function defaultFailureBody(status: number): Json {
  if (status === 403 || status === 429) {
    return {
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      documentation_url: `${RATE_LIMIT_DOCS}#about-secondary-rate-limits`,
      status: String(status),
    };
  }
  const messages: Record<number, string> = {
    400: 'Bad Request',
    404: 'Not Found',
    409: 'Conflict',
    422: 'Validation Failed',
    500: 'Server Error',
    502: 'Server Error',
    503: 'Service Unavailable',
  };
  return { message: messages[status] ?? 'Error', documentation_url: DOCS, status: String(status) };
}

function failureMatches(match: GitHubFailureMatch, record: GitHubRecordedRequest): boolean {
  if (match.method !== undefined && match.method.toUpperCase() !== record.httpMethod) return false;
  if (match.path === undefined) return true;
  if (typeof match.path === 'string') {
    return (
      match.path === record.pathname || match.path === record.operation.slice(record.httpMethod.length + 1)
    );
  }
  return match.path.test(record.pathname);
}

/**
 * A GitHub REST API emulator on 127.0.0.1 over emulated repositories, with a request log, rate limits and
 * faults.
 */
export class GitHubEmulator {
  /** 'http://127.0.0.1:PORT': the API base, what GITHUB_API_URL would be. */
  readonly url: string;
  /** Every request in arrival order, recorded before its answer is sent. */
  readonly requests: GitHubRecordedRequest[] = [];
  private readonly server: Server;
  private readonly world: GitHubWorld;
  private readonly tokens: Record<string, GitHubTokenDef>;
  private readonly rateLimit: RateLimit;
  private readonly graphqlRateLimit: RateLimit;
  /** What POST /graphql has answered: queries, points charged and the nodes they could return. */
  readonly graphqlUsage: GitHubGraphQLUsage = { queries: 0, points: 0, nodes: 0 };
  private readonly contentRateLimits: readonly RateLimit[];
  private readonly primary = new PrimaryRateLimit();
  private readonly secondary = new SlidingWindowLimiter();
  private readonly failures: PendingFailure[] = [];
  private readonly now: () => number;
  private requestCount = 0;
  private stopped: Promise<void> | undefined;

  private constructor(server: Server, options: GitHubEmulatorOptions) {
    const address = server.address() as AddressInfo;
    this.server = server;
    this.url = `http://127.0.0.1:${address.port}`;
    this.now = options.now ?? Date.now;
    this.tokens = options.tokens ?? { [DEFAULT_GITHUB_TOKEN]: { login: DEFAULT_GITHUB_LOGIN } };
    this.rateLimit = options.rateLimit ?? DEFAULT_GITHUB_RATE_LIMIT;
    this.graphqlRateLimit = options.graphqlRateLimit ?? DEFAULT_GITHUB_RATE_LIMIT;
    this.contentRateLimits = options.contentRateLimits ?? DEFAULT_GITHUB_CONTENT_RATE_LIMITS;
    this.world = new GitHubWorld(options.repos ?? [], () => this.url, options.sarif);
  }

  /**
   * Starts an emulator on 127.0.0.1 on a free port; throws when a repository definition does not make sense.
   */
  static async start(options: GitHubEmulatorOptions = {}): Promise<GitHubEmulator> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    let emulator: GitHubEmulator;
    try {
      emulator = new GitHubEmulator(server, options);
    } catch (error) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      throw error;
    }
    server.on('request', (request, response) => {
      emulator.answer(request).then(
        (reply) => response.writeHead(reply.status, reply.headers).end(JSON.stringify(reply.response)),
        (error: unknown) => {
          // An emulator bug must surface in the test, not hang the client.
          response
            .writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
            .end(`emulator error: ${error}`);
        },
      );
    });
    return emulator;
  }

  /** The head sha of a branch, or the sha of the one commit with exactly this message. */
  sha(owner: string, repo: string, branchOrMessage: string): string {
    const state = this.world.repoOrThrow(owner, repo);
    const head = state.branches.get(branchOrMessage);
    if (head !== undefined) return head;
    const matches = [...state.commits.values()].filter((commit) => commit.message === branchOrMessage);
    if (matches.length !== 1) {
      throw new Error(
        `${owner}/${repo} has ${matches.length === 0 ? 'no branch or commit' : 'several commits'} named "${branchOrMessage}"`,
      );
    }
    return (matches[0] as CommitRecord).sha;
  }

  /** The repository's deployments, oldest first, each with its statuses oldest first. */
  deployments(owner: string, repo: string): GitHubDeploymentRecord[] {
    return this.world.repoOrThrow(owner, repo).deployments.map((deployment) => ({
      id: deployment.id,
      sha: deployment.sha,
      ref: deployment.ref,
      environment: deployment.environment,
      payload: structuredClone(deployment.payload),
      statuses: deployment.statuses.map((status) =>
        withoutUndefined({
          state: status.state,
          description: status.description || undefined,
          environment_url: status.environmentUrl || undefined,
          log_url: status.logUrl || undefined,
        }),
      ),
    }));
  }

  /**
   * Adds deployments with their statuses at once, oldest first, skipping the REST checks (and the request log and
   * rate limits): for histories of thousands of deployments. Returns their ids.
   */
  seedDeployments(owner: string, repo: string, deployments: readonly GitHubDeploymentSeed[]): number[] {
    return this.world.seedDeployments(owner, repo, deployments, this.now());
  }

  /** Adds issues (open, or closed at `closedAt`) with labels; numbered after the pull requests. Returns their numbers. */
  seedIssues(owner: string, repo: string, issues: readonly GitHubIssueSeed[]): number[] {
    return this.world.seedIssues(owner, repo, issues, this.now());
  }

  /** The names of the repository's deployment environments (defined, or created by a deployment). */
  environments(owner: string, repo: string): string[] {
    return this.world.environmentNames(owner, repo);
  }

  /** The repository's SARIF uploads, oldest first, each with its decoded log and processing state. */
  sarifUploads(owner: string, repo: string): GitHubSarifUploadRecord[] {
    return this.world.sarifUploadRecords(owner, repo);
  }

  /** The repository's releases, oldest first. */
  releases(owner: string, repo: string): GitHubReleaseRecord[] {
    return this.world.releaseRecords(owner, repo);
  }

  /** The comments on an issue or pull request, oldest first. */
  comments(owner: string, repo: string, issueNumber: number): GitHubCommentRecord[] {
    return this.world
      .repoOrThrow(owner, repo)
      .comments.filter((comment) => comment.issueNumber === issueNumber)
      .map((comment) => ({ id: comment.id, body: comment.body, user: comment.user }));
  }

  /**
   * Makes the next matching request(s) fail as described, with no other effect: nothing changes and the
   * primary limit does not count them. A secondary rate limit: `{ status: 403, headers: { 'retry-after': '60' } }`
   * (the default body for 403 and 429 is GitHub's secondary-limit message).
   */
  failNext(match: GitHubFailureMatch, failure: GitHubFailure): void {
    this.failures.push({ ...failure, match, remaining: failure.times ?? 1 });
  }

  /** Closes the server and every open connection, including idle keep-alive sockets. */
  stop(): Promise<void> {
    this.stopped ??= new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    return this.stopped;
  }

  private async answer(request: IncomingMessage): Promise<Reply> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const receivedAt = this.now();
    const target = request.url ?? '/';
    const url = new URL(target, this.url);
    const httpMethod = (request.method ?? 'GET').toUpperCase();
    const graphql = httpMethod === 'POST' && url.pathname === '/graphql';
    const matched = graphql ? undefined : matchOperation(httpMethod, url.pathname);
    const parsed = parseJson(rawBody);
    const record: GitHubRecordedRequest = {
      httpMethod,
      path: target,
      pathname: url.pathname,
      // GraphQL is no operation of GitHub's REST description: the contract helpers cannot check it.
      operation: graphql ? 'POST /graphql' : matched ? operationName(matched.operation) : '',
      query: Object.fromEntries(url.searchParams),
      headers: headerRecord(request.headers),
      body: parsed.ok ? parsed.value : rawBody === '' ? undefined : rawBody,
      status: 0,
      response: undefined,
      responseHeaders: {},
      receivedAt,
    };
    const reply = graphql ? this.respondGraphql(record, parsed) : this.respond(record, matched, parsed, url);
    this.requestCount += 1;
    reply.headers = {
      'content-type': 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': requestId(this.requestCount),
      ...reply.headers,
    };
    record.status = reply.status;
    record.response = reply.response;
    record.responseHeaders = { ...reply.headers };
    // Recorded before the answer leaves, so a client that has its answer always finds the request logged.
    this.requests.push(record);
    return reply;
  }

  private authenticate(authorization: string | undefined): Authentication {
    if (authorization === undefined) return { kind: 'anonymous' };
    const token = tokenOf(authorization);
    const def = token === undefined ? undefined : this.tokens[token];
    return token !== undefined && def ? { kind: 'token', token, def } : { kind: 'bad' };
  }

  private respond(
    record: GitHubRecordedRequest,
    matched: MatchedOperation | undefined,
    parsed: ParsedBody,
    url: URL,
  ): Reply {
    const now = record.receivedAt;
    const auth = this.authenticate(record.headers.authorization);
    const [bucket, rule] =
      auth.kind === 'token' ? [`token:${auth.token}`, this.rateLimit] : ['anonymous', ANONYMOUS_RATE_LIMIT];
    const failure = this.takeFailure(record);
    if (failure) {
      return jsonReply(failure.status, failure.body ?? defaultFailureBody(failure.status), {
        ...rateHeaders(this.primary.peek(bucket, rule, now)),
        ...failure.headers,
      });
    }
    const rate = this.primary.take(bucket, rule, now);
    const withRate = (reply: Reply): Reply => ({
      ...reply,
      headers: { ...rateHeaders(rate), ...reply.headers },
    });
    if (auth.kind === 'bad') return withRate(errorReply(401, 'Bad credentials', DOCS));
    if (rate.exceeded) {
      const who =
        auth.kind === 'token'
          ? auth.def.login.endsWith('[bot]')
            ? `installation ID ${stableId(`installation:${auth.token}`)}`
            : `user ID ${stableId(`user:${auth.def.login}`)}`
          : '127.0.0.1';
      return withRate(errorReply(403, `API rate limit exceeded for ${who}.`, RATE_LIMIT_DOCS));
    }
    if (!matched) return withRate(notFound(DOCS));
    const { operation, params } = matched;
    const repo = this.world.findRepo(params.owner ?? '', params.repo ?? '');
    // The emulated repositories are private: without a token GitHub does not admit they exist.
    if (!repo || auth.kind !== 'token') return withRate(notFound(operation.docs));
    if (!grants(auth.def, operation.permission)) return this.forbidden(operation, rate);
    if (CONTENT_METHODS.has(record.httpMethod)) {
      for (const [index, limit] of this.contentRateLimits.entries()) {
        const verdict = this.secondary.tryAccept(`${auth.token}:${index}`, limit, now);
        if (!verdict.accepted) {
          return withRate(
            jsonReply(
              403,
              {
                message:
                  'You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later.',
                documentation_url: `${RATE_LIMIT_DOCS}#about-secondary-rate-limits`,
                status: '403',
              },
              { 'retry-after': String(verdict.retryAfter) },
            ),
          );
        }
      }
    }
    let body: Json = {};
    if (CONTENT_METHODS.has(record.httpMethod) && !parsed.empty) {
      if (!parsed.ok) return withRate(errorReply(400, 'Problems parsing JSON', operation.docs));
      if (!isPlainObject(parsed.value)) {
        return withRate(errorReply(400, 'Body should be a JSON object', operation.docs));
      }
      body = parsed.value;
    }
    return withRate(
      operation.handle(this.world, {
        repo,
        params,
        query: record.query,
        body,
        caller: { login: auth.def.login },
        url,
        now,
      }),
    );
  }

  /**
   * POST /graphql: authentication as for REST (but no anonymous access), programmed failures, then Flowkit's
   * queries with their point cost charged to a GraphQL rate limit of their own. A primary limit reached answers
   * HTTP 200 with a RATE_LIMITED error and x-ratelimit-remaining 0, as GitHub's GraphQL API does.
   */
  private respondGraphql(record: GitHubRecordedRequest, parsed: ParsedBody): Reply {
    const now = record.receivedAt;
    const auth = this.authenticate(record.headers.authorization);
    if (auth.kind === 'anonymous') {
      return errorReplyGraphql(401, 'This endpoint requires you to be authenticated.');
    }
    if (auth.kind === 'bad') return errorReplyGraphql(401, 'Bad credentials');
    const bucket = `graphql:${auth.token}`;
    const rule = this.graphqlRateLimit;
    const failure = this.takeFailure(record);
    if (failure) {
      return jsonReply(failure.status, failure.body ?? defaultFailureBody(failure.status), {
        ...rateHeaders(this.primary.peek(bucket, rule, now), 'graphql'),
        ...failure.headers,
      });
    }
    if (!parsed.ok || parsed.empty) return errorReplyGraphql(400, 'Problems parsing JSON');
    const planned = planGraphql(parsed.value);
    const rateNow = () => rateHeaders(this.primary.peek(bucket, rule, now), 'graphql');
    if (!('run' in planned)) return { ...planned, headers: { ...rateNow(), ...planned.headers } };
    const rate = this.primary.take(bucket, rule, now, planned.points);
    const headers = rateHeaders(rate, 'graphql');
    if (rate.exceeded) {
      const who = auth.def.login.endsWith('[bot]')
        ? `installation ID ${stableId(`installation:${auth.token}`)}`
        : `user ID ${stableId(`user:${auth.def.login}`)}`;
      return {
        ...graphqlErrors([{ type: 'RATE_LIMITED', message: `API rate limit exceeded for ${who}.` }]),
        headers: { ...headers, 'x-ratelimit-remaining': '0' },
      };
    }
    this.graphqlUsage.queries += 1;
    this.graphqlUsage.points += planned.points;
    this.graphqlUsage.nodes += planned.nodes;
    const reply = planned.run(this.world, auth.def);
    // The query's `rateLimit { … }` selection, if any, answered with the fields it names.
    const response = reply.response as Json;
    const selected = planned.rateLimitFields;
    if (isPlainObject(response.data) && selected !== undefined) {
      const all: Json = {
        cost: planned.points,
        limit: rate.limit,
        nodeCount: planned.nodes,
        remaining: rate.remaining,
        used: rate.used,
        resetAt: isoSeconds(rate.reset * 1000),
      };
      response.data = {
        rateLimit: Object.fromEntries(
          selected.filter((field) => field in all).map((field) => [field, all[field]]),
        ),
        ...response.data,
      };
    }
    return { ...reply, headers: { ...headers, ...reply.headers } };
  }

  private forbidden(operation: Operation, rate: RateState): Reply {
    // Each alternative is a comma-separated permission set; alternatives are separated by semicolons.
    const accepted = operation.permission.map(([permission, access]) => `${permission}=${access}`).join('; ');
    return {
      ...errorReply(403, 'Resource not accessible by integration', operation.docs),
      headers: { ...rateHeaders(rate), 'x-accepted-github-permissions': accepted },
    };
  }

  private takeFailure(record: GitHubRecordedRequest): PendingFailure | undefined {
    const failure = this.failures.find((candidate) => failureMatches(candidate.match, record));
    if (!failure) return undefined;
    failure.remaining -= 1;
    if (failure.remaining <= 0) this.failures.splice(this.failures.indexOf(failure), 1);
    return failure;
  }
}

interface ParsedBody {
  empty: boolean;
  ok: boolean;
  value: unknown;
}

/** A request body read as JSON; an empty body is valid and has no value. */
function parseJson(rawBody: string): ParsedBody {
  if (rawBody.trim() === '') return { empty: true, ok: true, value: undefined };
  try {
    return { empty: false, ok: true, value: JSON.parse(rawBody) as unknown };
  } catch {
    return { empty: false, ok: false, value: undefined };
  }
}

/** A request ID shaped like GitHub's ('C0DE:1A2B:3C4D5E:6F7A8B:65A1B2C3'), unique per request. */
function requestId(count: number): string {
  const hex = (value: number, width: number) => value.toString(16).toUpperCase().padStart(width, '0');
  const digest = sha1(`request:${count}`);
  return `${hex(count & 0xffff, 4)}:${digest.slice(0, 4).toUpperCase()}:${digest.slice(4, 10).toUpperCase()}:${digest.slice(10, 16).toUpperCase()}:${hex(count, 8)}`;
}
