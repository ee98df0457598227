// Checks Jira REST v3 calls recorded by the emulator against Atlassian's own OpenAPI description (../shared/contracts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeSchemaError, isPlainObject, matchesGap, mediaType } from './contract-problems.ts';
import { contractsDir } from './contracts.ts';
import type { JiraRecordedRequest } from './jira-emulator.ts';
import {
  copyReferencedComponents,
  declaredResponse,
  type OpenApiComponents,
  type OpenApiOperationObject,
  type OpenApiParameterObject,
  type OpenApiResponseObject,
  OpenApiSchemaCache,
  readParameterText,
  resolveComponent,
} from './openapi-contract.ts';

type Json = Record<string, unknown>;

/** Atlassian's Jira Cloud platform REST v3 description: the operations Flowkit calls and their components. */
export interface JiraContract {
  /** Path ('/rest/api/3/issue/{issueIdOrKey}') → lower-case HTTP method → operation. */
  paths: Record<string, Record<string, OpenApiOperationObject>>;
  /** Component kind ('schemas', …) → name → component. */
  components: OpenApiComponents;
  /** The operations ('GET /rest/api/3/…') taken from the full description because the subset lacks them. */
  fromFullDescription: string[];
}

const SUBSET_FILE = 'jira/jira-platform-v3.subset.json';
const FULL_FILE = 'jira/jira-platform-v3.openapi.json';
const VENDOR = 'Jira description';
const JSON_TYPE = 'application/json';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const COMPONENTS_ID = 'jira-components';

/**
 * Operations Flowkit calls that the subset lacks: issue properties, remote issue links and "Bulk get workflows".
 */
export const JIRA_OPERATIONS_FROM_FULL_DESCRIPTION: readonly string[] = [
  'GET /rest/api/3/issue/{issueIdOrKey}/properties',
  'GET /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
  'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
  'DELETE /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
  'GET /rest/api/3/issue/{issueIdOrKey}/remotelink',
  'POST /rest/api/3/issue/{issueIdOrKey}/remotelink',
  'POST /rest/api/3/workflows',
];

function readJson(file: string): Json {
  return JSON.parse(readFileSync(file, 'utf8')) as Json;
}

function splitOperation(name: string): [string, string] {
  const space = name.indexOf(' ');
  return [name.slice(0, space).toLowerCase(), name.slice(space + 1)];
}

const loadedContracts = new Map<string, JiraContract>();

/**
 * Atlassian's description of the Jira operations Flowkit calls: every operation of
 * `jira/jira-platform-v3.subset.json`, plus `JIRA_OPERATIONS_FROM_FULL_DESCRIPTION` with the components they
 * reference from `jira/jira-platform-v3.openapi.json`. Nothing is changed. Atlassian stores every response
 * `example` as a JSON-encoded string (see ../shared/contracts/README.md); that matters to a mock server, not here,
 * because the checks read schemas and never examples. Throws when the contracts folder is absent.
 */
export function loadJiraContract(dir: string | undefined = contractsDir()): JiraContract {
  if (dir === undefined) {
    throw new Error(
      'Jira contract not found: set CONTRACTS_DIR or provide ../shared/contracts beside the repo',
    );
  }
  const cached = loadedContracts.get(dir);
  if (cached) return cached;
  const subset = readJson(join(dir, SUBSET_FILE));
  const contract: JiraContract = {
    paths: {},
    components: structuredClone(subset.components) as OpenApiComponents,
    fromFullDescription: [],
  };
  const addOperation = (path: string, item: Json, method: string) => {
    contract.paths[path] ??= {};
    contract.paths[path][method] = structuredClone(item[method]) as OpenApiOperationObject;
  };
  for (const [path, item] of Object.entries(subset.paths as Record<string, Json>)) {
    for (const method of Object.keys(item).filter((key) => HTTP_METHODS.includes(key)))
      addOperation(path, item, method);
  }
  const missing = JIRA_OPERATIONS_FROM_FULL_DESCRIPTION.filter((name) => {
    const [method, path] = splitOperation(name);
    return !contract.paths[path]?.[method];
  });
  if (missing.length > 0) {
    const full = readJson(join(dir, FULL_FILE));
    const fullPaths = full.paths as Record<string, Json>;
    for (const name of missing) {
      const [method, path] = splitOperation(name);
      const item = fullPaths[path];
      if (!item?.[method]) throw new Error(`${VENDOR}: ${name} is not in ${FULL_FILE}`);
      addOperation(path, item, method);
      copyReferencedComponents(
        item[method],
        full.components as OpenApiComponents,
        contract.components,
        VENDOR,
      );
      contract.fromFullDescription.push(name);
    }
  }
  loadedContracts.set(dir, contract);
  return contract;
}

const schemasByContract = new WeakMap<JiraContract, OpenApiSchemaCache>();

function schemaCache(contract: JiraContract): OpenApiSchemaCache {
  let cache = schemasByContract.get(contract);
  if (!cache) {
    cache = new OpenApiSchemaCache(COMPONENTS_ID, contract.components);
    schemasByContract.set(contract, cache);
  }
  return cache;
}

// --- Locating the operation -------------------------------------------------------------------------------------

interface Located {
  name: string;
  path: string;
  operation: OpenApiOperationObject;
  parameters: OpenApiParameterObject[];
  pathValues: Record<string, string>;
}

/** A path segment decoded, or as it is when its percent-encoding is malformed. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The path parameters of `pathname` by `template`, or undefined when it does not fit. */
function matchPath(template: string, pathname: string): Record<string, string> | undefined {
  const parts = template.split('/');
  const segments = pathname.split('/');
  if (parts.length !== segments.length) return undefined;
  const values: Record<string, string> = {};
  for (const [index, part] of parts.entries()) {
    const segment = segments[index] ?? '';
    const name = /^\{([^}]+)\}$/.exec(part)?.[1];
    if (name !== undefined) {
      if (segment === '') return undefined;
      values[name] = safeDecode(segment);
    } else if (part !== segment) {
      return undefined;
    }
  }
  return values;
}

/** True for a request to REST v2, which no description in the contracts folder covers. */
function isVersion2(r: JiraRecordedRequest): boolean {
  return r.pathname.startsWith('/rest/api/2/');
}

function locate(contract: JiraContract, r: JiraRecordedRequest): Located | { problem: string } {
  const method = r.httpMethod.toLowerCase();
  // A literal segment beats a parameter, so '/issue/{issueIdOrKey}/properties' never takes '/issue/properties/x'.
  const candidates = Object.keys(contract.paths)
    .map((path) => ({ path, values: matchPath(path, r.pathname) }))
    .filter(
      (candidate): candidate is { path: string; values: Record<string, string> } =>
        candidate.values !== undefined,
    )
    .sort((a, b) => Object.keys(a.values).length - Object.keys(b.values).length);
  const found = candidates[0];
  if (!found) return { problem: `${r.httpMethod} ${r.pathname}: not an operation in Jira's API description` };
  const operation = contract.paths[found.path]?.[method];
  if (!operation) {
    const described = Object.keys(contract.paths[found.path] ?? {})
      .map((m) => m.toUpperCase())
      .join('/');
    return { problem: `${found.path}: Jira's API description has it as ${described}, not ${r.httpMethod}` };
  }
  const parameters = (operation.parameters ?? []).map((parameter) =>
    resolveComponent<OpenApiParameterObject>(contract.components, parameter, VENDOR),
  );
  return {
    name: `${r.httpMethod} ${found.path}`,
    path: found.path,
    operation,
    parameters,
    pathValues: found.values,
  };
}

// --- Requests -----------------------------------------------------------------------------------------------------

function parameterProblems(
  contract: JiraContract,
  located: Located,
  parameter: OpenApiParameterObject,
  texts: readonly string[],
): string[] {
  const label = `${parameter.in} parameter "${parameter.name}"`;
  const schema = parameter.schema;
  // Jira reads a list parameter as repeated values or as one comma-separated value.
  const isList = schema?.type === 'array';
  if (!isList && texts.length > 1) return [`${label} is given ${texts.length} times, but takes one value`];
  const itemSchema = isList && isPlainObject(schema?.items) ? (schema.items as Json) : schema;
  const values = isList ? texts.flatMap((text) => text.split(',')) : texts;
  const problems: string[] = [];
  for (const text of values) {
    const read = readParameterText(text, itemSchema);
    if ('problem' in read) {
      problems.push(`${label} ${read.problem}`);
      continue;
    }
    if (!itemSchema) continue;
    const validate = schemaCache(contract).validator(
      `${located.name} parameter ${parameter.in}:${parameter.name}`,
      itemSchema,
    );
    if (!validate(read.value)) {
      for (const error of validate.errors ?? []) {
        problems.push(`${label} ${describeSchemaError(error).replace(/^\(root\) /, '')}`);
      }
    }
  }
  return problems;
}

/**
 * Problems with what a client sent to REST v3, judged by Atlassian's description: an operation or method it does
 * not describe, no credentials where the operation allows no anonymous call, an undeclared, repeated or mistyped
 * path or query parameter, a missing required one, and a body that is missing, unexpected or does not fit the
 * request schema. Problems read '<operation> request: <what>'.
 */
export function checkJiraRequest(
  r: JiraRecordedRequest,
  contract: JiraContract = loadJiraContract(),
): string[] {
  // Only REST v3 can be checked: the contracts folder holds Atlassian's v3 description and nothing for v2 (Cloud's
  // v2 or Server/Data Center's), so v2 requests are not judged.
  if (isVersion2(r)) return [];
  const located = locate(contract, r);
  if ('problem' in located) return [located.problem];
  const problems: string[] = [];
  const report = (problem: string) => problems.push(`${located.name} request: ${problem}`);

  const anonymousAllowed = (located.operation.security ?? [{}]).some((way) => Object.keys(way).length === 0);
  if (!anonymousAllowed && !r.headers.authorization) {
    const ways = (located.operation.security ?? []).flatMap((way) => Object.keys(way)).join(' or ');
    report(`no credentials, but the operation needs ${ways}`);
  }
  for (const [name, text] of Object.entries(located.pathValues)) {
    const parameter = located.parameters.find((p) => p.in === 'path' && p.name === name);
    if (!parameter) report(`path parameter "${name}" is not declared`);
    else for (const problem of parameterProblems(contract, located, parameter, [text])) report(problem);
  }
  for (const [name, value] of Object.entries(r.query)) {
    const parameter = located.parameters.find((p) => p.in === 'query' && p.name === name);
    if (!parameter) report(`unknown query parameter "${name}"`);
    else {
      const texts = Array.isArray(value) ? value : [value];
      for (const problem of parameterProblems(contract, located, parameter, texts)) report(problem);
    }
  }
  for (const parameter of located.parameters) {
    if (parameter.in === 'query' && parameter.required && !(parameter.name in r.query)) {
      report(`missing required query parameter "${parameter.name}"`);
    }
  }

  const requestBody = located.operation.requestBody
    ? resolveComponent<{ required?: boolean; content?: Record<string, { schema?: Json }> }>(
        contract.components,
        located.operation.requestBody,
        VENDOR,
      )
    : undefined;
  if (r.rawBody.trim() === '') {
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
  if (r.body === undefined) {
    report('body is not valid JSON');
    return problems;
  }
  const schema = requestBody.content?.[JSON_TYPE]?.schema;
  if (schema) {
    const validate = schemaCache(contract).validator(`${located.name} request body`, schema);
    if (!validate(r.body)) {
      for (const error of validate.errors ?? []) report(`body ${describeSchemaError(error)}`);
    }
  }
  return problems;
}

// --- Responses ----------------------------------------------------------------------------------------------------

/**
 * Problems with a REST v3 answer, judged by Atlassian's description: a status the operation does not declare, a
 * body where the status declares none, a content type it does not produce, and a body that does not fit the
 * status's schema. 5xx answers (HTML pages from Atlassian's edge) are not judged. Problems read
 * '<operation> <status> response: <what>'.
 */
export function checkJiraResponse(
  r: JiraRecordedRequest,
  contract: JiraContract = loadJiraContract(),
): string[] {
  // REST v2 has no description in the contracts folder (see checkJiraRequest).
  if (isVersion2(r)) return [];
  const located = locate(contract, r);
  if ('problem' in located) return [located.problem];
  if (r.status >= 500) return [];
  const prefix = `${located.name} ${r.status} response:`;
  const declared = declaredResponse(located.operation, r.status);
  if (!declared) return [`${prefix} the description declares no ${r.status} answer`];
  const response = resolveComponent<OpenApiResponseObject>(contract.components, declared.response, VENDOR);
  const hasBody = r.response !== undefined && r.response !== '';
  if (!response.content)
    return hasBody ? [`${prefix} the description declares no body for it, but one came`] : [];
  if (!hasBody) return [];
  const problems: string[] = [];
  const contentType = r.responseHeaders['content-type'] ?? '';
  const produced = Object.keys(response.content);
  if (!produced.includes(mediaType(contentType))) {
    problems.push(
      `${prefix} content type "${contentType}", but the description gives ${produced.join(', ')}`,
    );
  }
  const schema = response.content[JSON_TYPE]?.schema;
  if (!schema || Object.keys(schema).length === 0) return problems;
  const validate = schemaCache(contract).validator(`${located.name} ${declared.key}`, schema);
  if (!validate(r.response)) {
    for (const error of validate.errors ?? []) problems.push(`${prefix} ${describeSchemaError(error)}`);
  }
  return problems;
}

// --- Known gaps ---------------------------------------------------------------------------------------------------

/** A known difference between Atlassian's description and what Jira Cloud answers. */
export interface JiraSpecGap {
  /** The operations it concerns ('GET /rest/api/3/issue/{issueIdOrKey}'). */
  operations: readonly string[];
  /** Matches the text of the problem after '<operation> '. */
  problem: RegExp;
  /** What Jira does, and where that is documented or seen. */
  why: string;
}

const V3 = '/rest/api/3';
const ISSUE = `${V3}/issue/{issueIdOrKey}`;

/** Every REST v3 operation the emulator serves. */
export const JIRA_EMULATED_OPERATIONS: readonly string[] = [
  `GET ${ISSUE}`,
  `PUT ${ISSUE}`,
  `POST ${V3}/issue`,
  `GET ${ISSUE}/transitions`,
  `POST ${ISSUE}/transitions`,
  `GET ${ISSUE}/comment`,
  `POST ${ISSUE}/comment`,
  `GET ${ISSUE}/comment/{id}`,
  `PUT ${ISSUE}/comment/{id}`,
  `PUT ${ISSUE}/assignee`,
  `GET ${ISSUE}/properties`,
  `GET ${ISSUE}/properties/{propertyKey}`,
  `PUT ${ISSUE}/properties/{propertyKey}`,
  `DELETE ${ISSUE}/properties/{propertyKey}`,
  `GET ${ISSUE}/remotelink`,
  `POST ${ISSUE}/remotelink`,
  `GET ${V3}/myself`,
  `GET ${V3}/user`,
  `GET ${V3}/user/search`,
  `GET ${V3}/user/assignable/search`,
  `GET ${V3}/search/jql`,
  `POST ${V3}/search/jql`,
  `POST ${V3}/search/approximate-count`,
  `GET ${V3}/search`,
  `POST ${V3}/search`,
  `POST ${V3}/workflows`,
];

const WRITES = JIRA_EMULATED_OPERATIONS.filter((name) => /^(POST|PUT|DELETE) /.test(name));
const COMMENT_ANSWERS = [
  `GET ${ISSUE}/comment`,
  `POST ${ISSUE}/comment`,
  `GET ${ISSUE}/comment/{id}`,
  `PUT ${ISSUE}/comment/{id}`,
];

function undeclared(status: number, operations: readonly string[], why: string): JiraSpecGap {
  return {
    operations,
    problem: new RegExp(`^${status} response: the description declares no ${status} answer$`),
    why,
  };
}

/**
 * Where Atlassian's description leaves out or contradicts what Jira Cloud answers. `checkJiraRequest` and
 * `checkJiraResponse` still report these problems (the description is not loosened); tests use this list to tell
 * them apart from real ones, and `unexplainedJiraProblems` applies it.
 */
export const JIRA_SPEC_GAPS: readonly JiraSpecGap[] = [
  {
    operations: COMMENT_ANSWERS,
    problem:
      /^20[01] response: (\/comments\/\d+)?\/(created|updated) must match format "date-time" \(got "\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{4}"\)$/,
    why: 'Jira writes timestamps with a colon-less offset, "2021-01-17T12:34:00.000+0000", which is not RFC 3339 and so not format "date-time"; the description\'s own examples for these operations use that form (its addComment and getComments examples).',
  },
  {
    operations: JIRA_EMULATED_OPERATIONS,
    problem: /^4\d\d response: the description declares no body for it, but one came$/,
    why: 'Jira answers errors with an error collection, {"errorMessages":[…],"errors":{…}}, e.g. 404 "Issue does not exist or you do not have permission to see it." (github.com/jenkinsci/jira-plugin/issues/1166), and wrong credentials with a plain-text 401 (github.com/atlassian/gajira-login/issues/59); the description declares a body (ErrorCollection) only for createIssue\'s errors and leaves the other error answers without content.',
  },
  undeclared(
    429,
    JIRA_EMULATED_OPERATIONS,
    '"Any REST API can return a rate limit response": 429 with Retry-After, X-RateLimit-* and RateLimit-Reason (developer.atlassian.com/cloud/jira/platform/rate-limiting); only the user searches declare 429.',
  ),
  undeclared(
    410,
    [`GET ${V3}/search`, `POST ${V3}/search`],
    'The legacy search was removed from Jira Cloud: it answers 410 "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API." (developer.atlassian.com/changelog/#CHANGE-2046; seen in github.com/dapplo/Dapplo.Jira/issues/79); the description still lists it as deprecated with 200, 400 and 401.',
  ),
  undeclared(
    401,
    [`PUT ${ISSUE}/assignee`, `GET ${ISSUE}/properties`],
    'A request without valid credentials is refused with 401 before any resource runs (github.com/atlassian/gajira-login/issues/59); these two operations do not declare 401 though their security lists basicAuth.',
  ),
  undeclared(
    403,
    [`POST ${ISSUE}/comment`, `POST ${ISSUE}/transitions`],
    'A caller without the Add Comments permission is refused with 403 (github.com/UiPath/skills/pull/1737, Jira Add Comment failures), also when the comment rides on a transition; addComment and doTransition do not declare 403.',
  ),
  undeclared(
    403,
    [`POST ${V3}/workflows`],
    'Administration resources refuse a non-administrator with 403 {"errorMessages":["Only Jira administrators can …"]} (github.com/tenable/integration-jira-cloud/issues/129, github.com/atlassian/jenkins-for-jira/pull/16); "Bulk get workflows" declares only 400 and 401 and folds a missing permission into 401.',
  ),
  undeclared(
    403,
    WRITES,
    'A write whose body is not JSON (a form post) is refused by Jira\'s XSRF protection with 403 "XSRF check failed" unless it carries X-Atlassian-Token: no-check (developer.atlassian.com/server/jira/platform/form-token-handling); the description does not mention it.',
  ),
  undeclared(
    400,
    [`GET ${V3}/user`],
    'Jira Cloud runs in GDPR strict mode: GET /user with username or key is 400 "The query parameter \'username\' is not supported in GDPR strict mode." (github.com/atlassian-api/atlassian-python-api/issues/1020, github.com/nyyManni/ejira/issues/37), and without accountId 400 too; the operation declares no 400 though it declares both parameters.',
  ),
  {
    operations: [`GET ${ISSUE}/remotelink`],
    problem: /^200 response: \(root\) must be object \(got array\)$/,
    why: 'Without globalId, "Get remote issue links" answers every link of the issue as an array, as its own 200 example (two links) and Flowkit\'s remoteLinks read it; the description\'s 200 schema is a single RemoteIssueLink, which fits only the answer for a globalId.',
  },
  {
    operations: [`PUT ${ISSUE}/assignee`],
    problem: /^request: body \/accountId must be string \(got null\)$/,
    why: 'The operation\'s own description says "If accountId is set to null, the issue is set to unassigned", but its request schema (User) types accountId as a string that cannot be null.',
  },
];

/** The problems (as `checkJiraRequest`/`checkJiraResponse` report them) no known gap explains. */
export function unexplainedJiraProblems(
  problems: readonly string[],
  gaps: readonly JiraSpecGap[] = JIRA_SPEC_GAPS,
): string[] {
  return problems.filter((problem) => !gaps.some((gap) => explainsJiraProblem(gap, problem)));
}

/** True when `gap` explains `problem`. */
export function explainsJiraProblem(gap: JiraSpecGap, problem: string): boolean {
  return matchesGap(gap.operations, gap.problem, problem);
}
