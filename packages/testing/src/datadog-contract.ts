// Checks Datadog API calls recorded by the emulator against Datadog's own OpenAPI descriptions (../shared/contracts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describeSchemaError, matchesGap, mediaType } from './contract-problems.ts';
import { contractsDir } from './contracts.ts';
import type { DatadogRecordedRequest } from './datadog-emulator.ts';
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

/** One of Datadog's two descriptions (v1 or v2): the operations Flowkit calls and their components. */
export interface DatadogApiDescription {
  /** Path ('/api/v1/monitor/{monitor_id}') → lower-case HTTP method → operation. */
  paths: Record<string, Record<string, OpenApiOperationObject>>;
  components: OpenApiComponents;
}

/** Datadog's descriptions of the operations Flowkit calls. */
export interface DatadogContract {
  v1: DatadogApiDescription;
  v2: DatadogApiDescription;
  /** Operations taken from the full v1 description because the subset lacks them. */
  fromFullDescription: string[];
}

const V1_SUBSET = 'datadog/datadog-v1.subset.json';
const V2_SUBSET = 'datadog/datadog-v2.subset.json';
const V1_FULL = 'datadog/datadog-v1.openapi.yaml';
const VENDOR = 'Datadog description';
const JSON_TYPE = 'application/json';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/**
 * Operations Flowkit calls that the v1 subset lacks: updating the service dashboard. They are read from the full
 * v1 description (YAML, about 1.6 MB).
 */
export const DATADOG_OPERATIONS_FROM_FULL_DESCRIPTION: readonly string[] = [
  'PUT /api/v1/dashboard/{dashboard_id}',
];

function readJson(file: string): Json {
  return JSON.parse(readFileSync(file, 'utf8')) as Json;
}

function description(document: Json): DatadogApiDescription {
  const result: DatadogApiDescription = {
    paths: {},
    components: structuredClone(document.components) as OpenApiComponents,
  };
  for (const [path, item] of Object.entries(document.paths as Record<string, Json>)) {
    for (const method of Object.keys(item).filter((key) => HTTP_METHODS.includes(key))) {
      result.paths[path] ??= {};
      result.paths[path][method] = structuredClone(item[method]) as OpenApiOperationObject;
    }
  }
  return result;
}

const loaded = new Map<string, DatadogContract>();

/**
 * Datadog's descriptions of the operations Flowkit calls: both subsets whole, plus
 * `DATADOG_OPERATIONS_FROM_FULL_DESCRIPTION` from the full v1 file. Nothing is changed. Throws when the contracts
 * folder is absent.
 */
export function loadDatadogContract(dir: string | undefined = contractsDir()): DatadogContract {
  if (dir === undefined) {
    throw new Error(
      'Datadog contract not found: set CONTRACTS_DIR or provide ../shared/contracts beside the repo',
    );
  }
  const cached = loaded.get(dir);
  if (cached) return cached;
  const contract: DatadogContract = {
    v1: description(readJson(join(dir, V1_SUBSET))),
    v2: description(readJson(join(dir, V2_SUBSET))),
    fromFullDescription: [],
  };
  const missing = DATADOG_OPERATIONS_FROM_FULL_DESCRIPTION.filter((name) => {
    const [method = '', path = ''] = name.split(' ');
    return !contract.v1.paths[path]?.[method.toLowerCase()];
  });
  if (missing.length > 0) {
    const full = parseYaml(readFileSync(join(dir, V1_FULL), 'utf8'), { maxAliasCount: -1 }) as Json;
    const fullPaths = full.paths as Record<string, Json>;
    for (const name of missing) {
      const [method = '', path = ''] = name.split(' ');
      const operation = fullPaths[path]?.[method.toLowerCase()];
      if (!operation) throw new Error(`${VENDOR}: ${name} is not in ${V1_FULL}`);
      contract.v1.paths[path] ??= {};
      contract.v1.paths[path][method.toLowerCase()] = structuredClone(operation) as OpenApiOperationObject;
      copyReferencedComponents(
        operation,
        full.components as OpenApiComponents,
        contract.v1.components,
        VENDOR,
      );
      contract.fromFullDescription.push(name);
    }
  }
  loaded.set(dir, contract);
  return contract;
}

const caches = new WeakMap<DatadogApiDescription, OpenApiSchemaCache>();

function schemaCache(api: DatadogApiDescription, id: string): OpenApiSchemaCache {
  let cache = caches.get(api);
  if (!cache) {
    cache = new OpenApiSchemaCache(id, api.components, ['uuid']);
    caches.set(api, cache);
  }
  return cache;
}

interface Located {
  name: string;
  api: DatadogApiDescription;
  cache: OpenApiSchemaCache;
  operation: OpenApiOperationObject;
  parameters: OpenApiParameterObject[];
  pathValues: Record<string, string>;
}

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
      values[name] = decodeURIComponent(segment);
    } else if (part !== segment) return undefined;
  }
  return values;
}

function locate(contract: DatadogContract, r: DatadogRecordedRequest): Located | { problem: string } {
  const isV2 = r.pathname.startsWith('/api/v2/');
  const api = isV2 ? contract.v2 : contract.v1;
  const found = Object.keys(api.paths)
    .map((path) => ({ path, values: matchPath(path, r.pathname) }))
    .filter((c): c is { path: string; values: Record<string, string> } => c.values !== undefined)
    .sort((a, b) => Object.keys(a.values).length - Object.keys(b.values).length)[0];
  if (!found)
    return { problem: `${r.httpMethod} ${r.pathname}: not an operation in Datadog's API description` };
  const operation = api.paths[found.path]?.[r.httpMethod.toLowerCase()];
  if (!operation) {
    const described = Object.keys(api.paths[found.path] ?? {})
      .map((m) => m.toUpperCase())
      .join('/');
    return {
      problem: `${found.path}: Datadog's API description has it as ${described}, not ${r.httpMethod}`,
    };
  }
  return {
    name: `${r.httpMethod} ${found.path}`,
    api,
    cache: schemaCache(api, isV2 ? 'datadog-v2-components' : 'datadog-v1-components'),
    operation,
    parameters: (operation.parameters ?? []).map((p) =>
      resolveComponent<OpenApiParameterObject>(api.components, p, VENDOR),
    ),
    pathValues: found.values,
  };
}

function parameterProblems(located: Located, parameter: OpenApiParameterObject, text: string): string[] {
  const label = `${parameter.in} parameter "${parameter.name}"`;
  const read = readParameterText(text, parameter.schema);
  if ('problem' in read) return [`${label} ${read.problem}`];
  if (!parameter.schema) return [];
  const validate = located.cache.validator(
    `${located.name} parameter ${parameter.in}:${parameter.name}`,
    parameter.schema,
  );
  return validate(read.value)
    ? []
    : (validate.errors ?? []).map((e) => `${label} ${describeSchemaError(e).replace(/^\(root\) /, '')}`);
}

/**
 * Problems with what a client sent, judged by Datadog's description: an undescribed operation, missing keys where
 * the operation's security asks for DD-API-KEY (apiKeyAuth) and DD-APPLICATION-KEY (appKeyAuth), undeclared or
 * mistyped parameters, a missing required one, and a body that does not fit the request schema. Problems read
 * '<operation> request: <what>'.
 */
export function checkDatadogRequest(
  r: DatadogRecordedRequest,
  contract: DatadogContract = loadDatadogContract(),
): string[] {
  const located = locate(contract, r);
  if ('problem' in located) return [located.problem];
  const problems: string[] = [];
  const report = (problem: string) => problems.push(`${located.name} request: ${problem}`);
  const ways = located.operation.security ?? [{ apiKeyAuth: [], appKeyAuth: [] }];
  const satisfied = ways.some((way) =>
    Object.keys(way).every(
      (scheme) =>
        (scheme === 'apiKeyAuth' && r.headers['dd-api-key'] !== undefined) ||
        (scheme === 'appKeyAuth' && r.headers['dd-application-key'] !== undefined),
    ),
  );
  if (!satisfied) {
    report(
      `credentials missing: the operation needs ${ways.map((w) => Object.keys(w).join('+')).join(' or ')}`,
    );
  }
  for (const [name, text] of Object.entries(located.pathValues)) {
    const parameter = located.parameters.find((p) => p.in === 'path' && p.name === name);
    if (!parameter) report(`path parameter "${name}" is not declared`);
    else for (const problem of parameterProblems(located, parameter, text)) report(problem);
  }
  for (const [name, value] of Object.entries(r.query)) {
    const parameter = located.parameters.find((p) => p.in === 'query' && p.name === name);
    if (!parameter) report(`unknown query parameter "${name}"`);
    else if (Array.isArray(value)) report(`query parameter "${name}" is given ${value.length} times`);
    else for (const problem of parameterProblems(located, parameter, value)) report(problem);
  }
  for (const parameter of located.parameters) {
    if (parameter.in === 'query' && parameter.required && !(parameter.name in r.query)) {
      report(`missing required query parameter "${parameter.name}"`);
    }
  }
  const requestBody = located.operation.requestBody
    ? resolveComponent<{ required?: boolean; content?: Record<string, { schema?: Json }> }>(
        located.api.components,
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
    const validate = located.cache.validator(`${located.name} request body`, schema);
    if (!validate(r.body))
      for (const error of validate.errors ?? []) report(`body ${describeSchemaError(error)}`);
  }
  return problems;
}

/**
 * Problems with an answer, judged by Datadog's description: an undeclared status, a content type it does not
 * produce, and a body that does not fit. 5xx answers (HTML from Datadog's edge) are not judged. Problems read
 * '<operation> <status> response: <what>'.
 */
export function checkDatadogResponse(
  r: DatadogRecordedRequest,
  contract: DatadogContract = loadDatadogContract(),
): string[] {
  const located = locate(contract, r);
  if ('problem' in located) return [located.problem];
  if (r.status >= 500) return [];
  const prefix = `${located.name} ${r.status} response:`;
  const declared = declaredResponse(located.operation, r.status);
  if (!declared) return [`${prefix} the description declares no ${r.status} answer`];
  const response = resolveComponent<OpenApiResponseObject>(located.api.components, declared.response, VENDOR);
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
  const validate = located.cache.validator(`${located.name} ${declared.key}`, schema);
  if (!validate(r.response)) {
    for (const error of validate.errors ?? []) problems.push(`${prefix} ${describeSchemaError(error)}`);
  }
  return problems;
}

// --- Known gaps ---------------------------------------------------------------------------------------------------

/** A known difference between Datadog's description and what Datadog answers or accepts. */
export interface DatadogSpecGap {
  /** The operations it concerns ('POST /api/v1/events'). */
  operations: readonly string[];
  /** Matches the text of the problem after '<operation> '. */
  problem: RegExp;
  /** What Datadog does, and where that is documented or seen. */
  why: string;
}

/**
 * Where Datadog's description leaves out or contradicts what the API does. The checks still report these
 * problems (the description is not loosened); `unexplainedDatadogProblems` filters them. The list also records
 * gaps that no schema check can see (`problem` matching nothing), so they are written down in one place.
 */
export const DATADOG_SPEC_GAPS: readonly DatadogSpecGap[] = [
  {
    operations: ['POST /api/v1/events'],
    problem: /^403 response: the description declares no 403 answer$/,
    why: 'Every Datadog endpoint refuses a missing or unknown DD-API-KEY with 403 {"errors":["Forbidden"]} (docs.datadoghq.com/api/latest/#api-reference "403 Forbidden" on events); CreateEvent declares only 202, 400 and 429.',
  },
  {
    operations: ['GET /api/v1/query'],
    problem: /^200 response: \/series\/\d+\/pointlist\/\d+\/0 .*$/,
    why: 'Point\'s description says "The timestamp should be in seconds", but MetricsQueryMetadata.pointlist says "in milliseconds" and the query API answers milliseconds (docs.datadoghq.com/api/latest/metrics/#query-timeseries-points example: [[1575317847000, 0.5]]). The schema has no unit, so nothing is reported; the provider reads milliseconds.',
  },
  {
    operations: ['PUT /api/v1/dashboard/{dashboard_id}'],
    problem: /^(?!)/,
    why: 'Updating a dashboard is not in the v1 subset (only create and get are); Flowkit updates the service dashboard in place, so the operation is read from the full v1 description (DATADOG_OPERATIONS_FROM_FULL_DESCRIPTION).',
  },
  {
    operations: ['POST /api/v1/dashboard', 'PUT /api/v1/dashboard/{dashboard_id}'],
    problem: /^(?!)/,
    why: 'Dashboard.tags is "a list of tags", but Datadog accepts only team: tags on dashboards (docs.datadoghq.com/dashboards: "Dashboard tags: only team: tags"); the emulator refuses others with 400 and Flowkit finds its dashboard by stored id, not by tag.',
  },
  {
    operations: ['POST /api/v2/dora/deployment', 'POST /api/v2/dora/failure'],
    problem: /^(?!)/,
    why: 'started_at/finished_at accept seconds, milliseconds or nanoseconds (format int64), and the example is in nanoseconds (1693491974000000000), which exceeds 2^53 and cannot be a JavaScript number exactly; Flowkit sends milliseconds, which the description allows.',
  },
  {
    operations: ['POST /api/v1/events'],
    problem: /^(?!)/,
    why: 'Event.id is int64 and real event ids exceed 2^53 (e.g. 7716183282948012000), so JSON.parse rounds them; use id_str. The emulator hands out ids below 2^53.',
  },
  {
    operations: ['GET /api/v1/monitor/search'],
    problem: /^(?!)/,
    why: 'The query syntax (status:alert, tag:"service:web", type:metric) is documented only on the Manage Monitors page (docs.datadoghq.com/monitors/manage/search), not in the description; status values are lower case in the query and title case ("Alert") in results.',
  },
];

/** True when `gap` explains `problem`. */
export function explainsDatadogProblem(gap: DatadogSpecGap, problem: string): boolean {
  return matchesGap(gap.operations, gap.problem, problem);
}

/** The problems no known gap explains. */
export function unexplainedDatadogProblems(
  problems: readonly string[],
  gaps: readonly DatadogSpecGap[] = DATADOG_SPEC_GAPS,
): string[] {
  return problems.filter((problem) => !gaps.some((gap) => explainsDatadogProblem(gap, problem)));
}
