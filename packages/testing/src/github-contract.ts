// Checks GitHub REST calls recorded by the emulator against GitHub's API description (../shared/contracts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeSchemaError, matchesGap, mediaType } from './contract-problems.ts';
import { contractsDir } from './contracts.ts';
import { GITHUB_EMULATED_OPERATIONS, type GitHubRecordedRequest } from './github-emulator.ts';
import {
  copyReferencedComponents,
  declaredResponse,
  type OpenApiComponents,
  type OpenApiOperationObject,
  type OpenApiParameterObject,
  type OpenApiReference,
  type OpenApiResponseObject,
  OpenApiSchemaCache,
  readParameterText,
  resolveComponent,
} from './openapi-contract.ts';

type Json = Record<string, unknown>;

/** A parameter of GitHub's description, which marks path parameters whose value may contain '/'. */
export interface GitHubParameter extends OpenApiParameterObject {
  'x-multi-segment'?: boolean;
}

/** GitHub's REST description: the operations Flowkit calls and every component they reference. */
export interface GitHubContract {
  /** Path ('/repos/{owner}/{repo}/deployments') → lower-case HTTP method → operation. */
  paths: Record<string, Record<string, OpenApiOperationObject>>;
  /** Path → the parameters declared for every method of the path. */
  pathParameters: Record<string, (GitHubParameter | OpenApiReference)[]>;
  /** Component kind ('schemas', 'parameters', 'responses', …) → name → component. */
  components: OpenApiComponents;
  /**
   * The operations ('GET /repos/…') that were taken from the full description because the subset lacks them.
   */
  fromFullDescription: string[];
}

const SUBSET_FILE = 'github/api.github.com.subset.json';
const FULL_FILE = 'github/api.github.com.json';
const JSON_TYPE = 'application/json';
const VENDOR = 'GitHub description';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function readJson(file: string): Json {
  return JSON.parse(readFileSync(file, 'utf8')) as Json;
}

function splitOperation(name: string): [string, string] {
  const space = name.indexOf(' ');
  return [name.slice(0, space).toLowerCase(), name.slice(space + 1)];
}

const loadedContracts = new Map<string, GitHubContract>();

/**
 * GitHub's REST description for the operations Flowkit calls: every operation of
 * `github/api.github.com.subset.json`, plus those of `operations` the subset lacks (pulls, a pull request's
 * commits, one commit, commit statuses), copied with the components they reference from
 * `github/api.github.com.json`. The 13 MB full file is read only when the subset lacks an operation, once per
 * contracts folder, and not kept. Nothing is changed. Throws when the contracts folder is absent.
 */
export function loadGitHubContract(
  dir: string | undefined = contractsDir(),
  operations: readonly string[] = GITHUB_EMULATED_OPERATIONS,
): GitHubContract {
  if (dir === undefined) {
    throw new Error(
      'GitHub contract not found: set CONTRACTS_DIR or provide ../shared/contracts beside the repo',
    );
  }
  const key = `${dir}\0${operations.join('\0')}`;
  const cached = loadedContracts.get(key);
  if (cached) return cached;
  const subset = readJson(join(dir, SUBSET_FILE));
  const subsetPaths = subset.paths as Record<string, Json>;
  const contract: GitHubContract = {
    paths: {},
    pathParameters: {},
    components: structuredClone(subset.components) as GitHubContract['components'],
    fromFullDescription: [],
  };
  const addPath = (path: string, item: Json, methods: readonly string[]) => {
    contract.paths[path] ??= {};
    for (const method of methods) {
      contract.paths[path][method] = structuredClone(item[method]) as OpenApiOperationObject;
    }
    if (Array.isArray(item.parameters)) {
      contract.pathParameters[path] = structuredClone(item.parameters) as GitHubParameter[];
    }
  };
  for (const [path, item] of Object.entries(subsetPaths)) {
    addPath(
      path,
      item,
      Object.keys(item).filter((method) => HTTP_METHODS.includes(method)),
    );
  }
  const missing = operations.filter((name) => {
    const [method, path] = splitOperation(name);
    return !contract.paths[path]?.[method];
  });
  if (missing.length > 0) {
    const full = readJson(join(dir, FULL_FILE));
    const fullPaths = full.paths as Record<string, Json>;
    for (const name of missing) {
      const [method, path] = splitOperation(name);
      const item = fullPaths[path];
      if (!item?.[method]) throw new Error(`GitHub description: ${name} is not in ${FULL_FILE}`);
      addPath(path, item, [method]);
      copyReferencedComponents(
        [item[method], item.parameters],
        full.components as OpenApiComponents,
        contract.components,
        VENDOR,
      );
      contract.fromFullDescription.push(name);
    }
  }
  loadedContracts.set(key, contract);
  return contract;
}

// --- Resolving and compiling -------------------------------------------------------------------------------

const COMPONENTS_ID = 'github-components';

function resolve<T>(contract: GitHubContract, value: T | OpenApiReference): T {
  return resolveComponent(contract.components, value, VENDOR);
}

const schemasByContract = new WeakMap<GitHubContract, OpenApiSchemaCache>();

function schemaCache(contract: GitHubContract): OpenApiSchemaCache {
  let cache = schemasByContract.get(contract);
  if (!cache) {
    cache = new OpenApiSchemaCache(COMPONENTS_ID, contract.components);
    schemasByContract.set(contract, cache);
  }
  return cache;
}

// --- Locating the operation --------------------------------------------------------------------------------

interface Located {
  name: string;
  path: string;
  method: string;
  operation: OpenApiOperationObject;
  parameters: GitHubParameter[];
}

function locate(contract: GitHubContract, r: GitHubRecordedRequest): Located | { problem: string } {
  const unknown = { problem: `${r.httpMethod} ${r.pathname}: not an operation in GitHub's API description` };
  if (r.operation === '') return unknown;
  const [method, path] = splitOperation(r.operation);
  const operation = contract.paths[path]?.[method];
  if (!operation) return { problem: `${r.operation}: not an operation in GitHub's API description` };
  // Operation-level parameters override path-level ones of the same name and location.
  const byKey = new Map<string, GitHubParameter>();
  for (const parameter of [...(contract.pathParameters[path] ?? []), ...(operation.parameters ?? [])]) {
    const resolved = resolve<GitHubParameter>(contract, parameter);
    byKey.set(`${resolved.in}:${resolved.name}`, resolved);
  }
  return { name: r.operation, path, method, operation, parameters: [...byKey.values()] };
}

/**
 * The path parameters of `pathname` by the description's template; undefined when the path does not fit it.
 */
function pathParameterValues(
  template: string,
  parameters: readonly GitHubParameter[],
  pathname: string,
): Record<string, string> | undefined {
  const names: string[] = [];
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      const multi = parameters.some((p) => p.in === 'path' && p.name === name && p['x-multi-segment']);
      return multi ? '(.+)' : '([^/]+)';
    })
    .join('');
  const match = new RegExp(`^${source}$`).exec(pathname);
  if (!match) return undefined;
  return Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? '')]));
}

function parameterProblems(
  contract: GitHubContract,
  located: Located,
  parameter: GitHubParameter,
  text: string,
): string[] {
  const read = readParameterText(text, parameter.schema);
  const label = `${parameter.in} parameter "${parameter.name}"`;
  if ('problem' in read) return [`${label} ${read.problem}`];
  if (!parameter.schema) return [];
  const validate = schemaCache(contract).validator(
    `${located.name} parameter ${parameter.in}:${parameter.name}`,
    parameter.schema,
  );
  if (validate(read.value)) return [];
  return (validate.errors ?? []).map(
    (error) => `${label} ${describeSchemaError(error).replace(/^\(root\) /, '')}`,
  );
}

/**
 * Problems with what a client sent, judged by GitHub's description: an operation it does not describe, a path
 * parameter or query parameter it does not declare or of the wrong type, a missing required one, a body where
 * none is taken or none where one is required, and a body that does not fit the request schema.
 */
export function checkGitHubRequest(
  r: GitHubRecordedRequest,
  contract: GitHubContract = loadGitHubContract(),
): string[] {
  const located = locate(contract, r);
  if ('problem' in located) return [located.problem];
  const problems: string[] = [];
  const report = (problem: string) => problems.push(`${located.name} request: ${problem}`);

  const pathValues = pathParameterValues(located.path, located.parameters, r.pathname);
  if (!pathValues) {
    report(`path ${r.pathname} does not fit ${located.path}`);
  } else {
    for (const [name, text] of Object.entries(pathValues)) {
      const parameter = located.parameters.find((p) => p.in === 'path' && p.name === name);
      if (!parameter) report(`path parameter "${name}" is not declared`);
      else for (const problem of parameterProblems(contract, located, parameter, text)) report(problem);
    }
  }
  for (const [name, text] of Object.entries(r.query)) {
    const parameter = located.parameters.find((p) => p.in === 'query' && p.name === name);
    if (!parameter) report(`unknown query parameter "${name}"`);
    else for (const problem of parameterProblems(contract, located, parameter, text)) report(problem);
  }
  for (const parameter of located.parameters) {
    if (parameter.in === 'query' && parameter.required && !(parameter.name in r.query)) {
      report(`missing required query parameter "${parameter.name}"`);
    }
  }

  const requestBody = located.operation.requestBody
    ? resolve<{ required?: boolean; content?: Record<string, { schema?: Json }> }>(
        contract,
        located.operation.requestBody,
      )
    : undefined;
  if (r.body === undefined) {
    if (requestBody?.required) report('missing required JSON body');
    return problems;
  }
  if (!requestBody) {
    report('has a body, but the operation takes none');
    return problems;
  }
  const contentType = r.headers['content-type'] ?? '';
  const accepted = Object.keys(requestBody.content ?? {});
  if (!accepted.includes(mediaType(contentType))) {
    report(`body of type "${contentType || 'none'}", but the operation accepts ${accepted.join(', ')}`);
  }
  const schema = requestBody.content?.[JSON_TYPE]?.schema;
  if (typeof r.body === 'string') {
    report('body is not valid JSON');
  } else if (schema) {
    const validate = schemaCache(contract).validator(`${located.name} request body`, schema);
    if (!validate(r.body)) {
      for (const error of validate.errors ?? []) report(`body ${describeSchemaError(error)}`);
    }
  }
  return problems;
}

/**
 * Problems with an answer, judged by GitHub's description: a status the operation does not declare, a body where
 * the status declares none, a content type it does not produce, and a body that does not fit the status's
 * schema. Problems read '<operation> <status> response: <what>'.
 */
export function checkGitHubResponse(
  r: GitHubRecordedRequest,
  contract: GitHubContract = loadGitHubContract(),
): string[] {
  const located = locate(contract, r);
  if ('problem' in located) return [located.problem];
  const prefix = `${located.name} ${r.status} response:`;
  const declared = declaredResponse(located.operation, r.status);
  if (!declared) return [`${prefix} the description declares no ${r.status} answer`];
  const response = resolve<OpenApiResponseObject>(contract, declared.response);
  const hasBody = r.response !== undefined && r.response !== '';
  if (!response.content)
    return hasBody ? [`${prefix} the description declares no body for it, but one came`] : [];
  const problems: string[] = [];
  const contentType = r.responseHeaders['content-type'] ?? '';
  const produced = Object.keys(response.content);
  if (!produced.includes(mediaType(contentType))) {
    problems.push(
      `${prefix} content type "${contentType}", but the description gives ${produced.join(', ')}`,
    );
  }
  const schema = response.content[JSON_TYPE]?.schema;
  if (!schema) return problems;
  const validate = schemaCache(contract).validator(`${located.name} ${declared.key}`, schema);
  if (!validate(r.response)) {
    for (const error of validate.errors ?? []) problems.push(`${prefix} ${describeSchemaError(error)}`);
  }
  return problems;
}

// --- Known gaps --------------------------------------------------------------------------------------------

/** A known difference between GitHub's description and what GitHub answers. */
export interface GitHubSpecGap {
  /** The operations it concerns ('POST /repos/{owner}/{repo}/deployments'). */
  operations: readonly string[];
  /** Matches the text of the problem after '<operation> '. */
  problem: RegExp;
  /** What GitHub does, and where it says so. */
  why: string;
}

const ALL = GITHUB_EMULATED_OPERATIONS;
const REPO = '/repos/{owner}/{repo}';

function undeclared(status: number, operations: readonly string[], why: string): GitHubSpecGap {
  return {
    operations,
    problem: new RegExp(`^${status} response: the description declares no ${status} answer$`),
    why,
  };
}

/**
 * Where GitHub's description leaves out answers GitHub gives. `checkGitHubResponse` still reports these problems
 * (the description is not loosened); tests use this list to tell them apart from real ones, and
 * `unexplainedGitHubProblems` applies it.
 */
export const GITHUB_SPEC_GAPS: readonly GitHubSpecGap[] = [
  undeclared(
    401,
    ALL,
    'Every endpoint answers an unknown, expired or revoked token with 401 {"message":"Bad credentials"} (docs.github.com/rest/authentication/authenticating-to-the-rest-api); the description declares 401 for no repository operation.',
  ),
  undeclared(
    403,
    ALL,
    'Every endpoint answers 403 when the primary rate limit is used up (x-ratelimit-remaining: 0) or a secondary limit is hit, and "Resource not accessible by integration" when an app token lacks the permission (docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#exceeding-the-rate-limit, docs.github.com/rest/using-the-rest-api/troubleshooting-the-rest-api#resource-not-accessible); most operations do not declare 403.',
  ),
  undeclared(
    429,
    ALL,
    'A rate-limited request gets "a 403 or 429 response" (docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#exceeding-the-rate-limit), secondary limits with retry-after; no repository operation declares 429.',
  ),
  undeclared(
    404,
    [
      `GET ${REPO}/pulls/{pull_number}/commits`,
      `GET ${REPO}/deployments`,
      `POST ${REPO}/deployments`,
      `POST ${REPO}/deployments/{deployment_id}/statuses`,
      `GET ${REPO}/environments/{environment_name}`,
      `PATCH ${REPO}/issues/comments/{comment_id}`,
      `POST ${REPO}/statuses/{sha}`,
    ],
    'A repository that does not exist, or that the token cannot see, is 404 Not Found on every endpoint (docs.github.com/rest/using-the-rest-api/troubleshooting-the-rest-api#404-not-found-for-an-existing-resource), as are an unknown environment, deployment or comment; these operations do not declare 404.',
  ),
  undeclared(
    400,
    ALL.filter((name) => name.startsWith('POST ') || name.startsWith('PATCH ')),
    'A body that is not JSON is 400 "Problems parsing JSON", one that is not an object 400 "Body should be a JSON object" (docs.github.com/rest/using-the-rest-api/troubleshooting-the-rest-api#problems-parsing-json); no operation declares 400.',
  ),
  undeclared(
    422,
    [`POST ${REPO}/statuses/{sha}`],
    'Creating a commit status for a sha the repository does not have is 422 "No commit found for SHA", and a wrong type or state 422 "Invalid request" (docs.github.com/rest/using-the-rest-api/troubleshooting-the-rest-api#invalid-request); the operation declares only 201.',
  ),
  {
    operations: [
      `POST ${REPO}/deployments/{deployment_id}/statuses`,
      `GET ${REPO}/deployments/{deployment_id}/statuses`,
    ],
    problem:
      /^20[01] response: (\/\d+)?\/(target_url|log_url|environment_url) must match format "uri" \(got ""\)$/,
    why: 'A deployment status answers "" for a URL it was not given: create-a-deployment-status documents Default "" for log_url and environment_url (docs.github.com/rest/deployments/statuses#create-a-deployment-status), and the description\'s own deployment-status schema gives these fields default "" beside format: uri, which "" does not meet.',
  },
  {
    operations: [`POST ${REPO}/deployments`],
    problem: /^409 response: the description declares no body for it, but one came$/,
    why: 'The 409 of create-a-deployment is declared without content, yet GitHub answers with a JSON error: "Conflict merging main into topic." for an auto-merge conflict, and "Conflict: Commit status checks failed for topic." with errors[].contexts for failed contexts (docs.github.com/rest/deployments/deployments#create-a-deployment; answers quoted in github.com/remind101/slashdeploy/issues/1 and github.com/drevops/vortex/issues/1903).',
  },
  {
    operations: [`POST ${REPO}/code-scanning/sarifs`, `GET ${REPO}/code-scanning/sarifs/{sarif_id}`],
    problem: /^(400|404|413) response: the description declares no body for it, but one came$/,
    why: 'The upload declares 400 ("Bad Request if the sarif field is invalid") and 413 ("Payload Too Large if the sarif field is too large"), the status 404 ("Not Found if the sarif id does not match any upload"), all without content, yet GitHub answers errors with its JSON error body: "SARIF ZIP upload is invalid", "Invalid SARIF", "SARIF ZIP upload is too large" are the messages listed in docs.github.com/code-security/code-scanning/troubleshooting-sarif-uploads (sarif-invalid, file-too-large), and a body that is not JSON is 400 "Problems parsing JSON" (github.com/github/codeql/issues/16706).',
  },
  undeclared(
    422,
    [`POST ${REPO}/code-scanning/sarifs`],
    'An upload body missing commit_sha, ref or sarif, or whose commit_sha or ref does not match the pattern the description gives them, is 422 "Invalid request" like every request GitHub validates (docs.github.com/rest/using-the-rest-api/troubleshooting-the-rest-api#invalid-request); the operation does not declare 422.',
  ),
];

/** The problems (as `checkGitHubRequest`/`checkGitHubResponse` report them) no known gap explains. */
export function unexplainedGitHubProblems(
  problems: readonly string[],
  gaps: readonly GitHubSpecGap[] = GITHUB_SPEC_GAPS,
): string[] {
  return problems.filter((problem) => !gaps.some((gap) => explainsGitHubProblem(gap, problem)));
}

/** True when `gap` explains `problem`. */
export function explainsGitHubProblem(gap: GitHubSpecGap, problem: string): boolean {
  return matchesGap(gap.operations, gap.problem, problem);
}
