// OpenAPI 3 pieces shared by the contract checks: copying components, schemas for Ajv, parameters and responses.
import { Ajv, type ValidateFunction } from 'ajv';
import { isPlainObject } from './contract-problems.ts';

type Json = Record<string, unknown>;

/** A `$ref` to a component, as OpenAPI writes it. */
export interface OpenApiReference {
  $ref: string;
}

/** An OpenAPI 3 parameter. */
export interface OpenApiParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Json;
}

/** An OpenAPI 3 response: a description, maybe content by media type. */
export interface OpenApiResponseObject {
  description?: string;
  content?: Record<string, { schema?: Json; example?: unknown }>;
}

/** An OpenAPI 3 operation, `$ref`s left as the description has them. */
export interface OpenApiOperationObject {
  operationId?: string;
  parameters?: (OpenApiParameterObject | OpenApiReference)[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Json }> } | OpenApiReference;
  responses: Record<string, OpenApiResponseObject | OpenApiReference>;
  /** Each entry is one way to authenticate; `{}` allows anonymous calls. */
  security?: Record<string, string[]>[];
}

/** Component kind ('schemas', 'parameters', …) → name → component. */
export type OpenApiComponents = Record<string, Record<string, unknown>>;

const COMPONENT_REFERENCE = /^#\/components\/([^/]+)\/(.+)$/;

/**
 * Copies every component `value` refers to (transitively) from `source` into `target` where missing: how an
 * operation taken from a vendor's full description brings its schemas along. `vendor` names the description in
 * errors ('Jira description').
 */
export function copyReferencedComponents(
  value: unknown,
  source: OpenApiComponents,
  target: OpenApiComponents,
  vendor: string,
): void {
  if (Array.isArray(value)) {
    for (const item of value) copyReferencedComponents(item, source, target, vendor);
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const reference = key === '$ref' && typeof child === 'string' ? COMPONENT_REFERENCE.exec(child) : null;
    if (!reference) {
      copyReferencedComponents(child, source, target, vendor);
      continue;
    }
    const [, kind = '', name = ''] = reference;
    target[kind] ??= {};
    const kindTarget = target[kind];
    if (name in kindTarget) continue;
    const component = source[kind]?.[name];
    if (component === undefined) throw new Error(`${vendor}: ${child} does not resolve`);
    kindTarget[name] = structuredClone(component);
    copyReferencedComponents(kindTarget[name], source, target, vendor);
  }
}

/** `value`, or the component its `$ref` names (followed to the end). */
export function resolveComponent<T>(
  components: OpenApiComponents,
  value: T | OpenApiReference,
  vendor: string,
): T {
  let node: unknown = value;
  for (let depth = 0; isPlainObject(node) && typeof node.$ref === 'string'; depth++) {
    const match = COMPONENT_REFERENCE.exec(node.$ref);
    const target = match ? components[match[1] ?? '']?.[match[2] ?? ''] : undefined;
    if (target === undefined || depth > 20) throw new Error(`${vendor}: ${node.$ref} does not resolve`);
    node = target;
  }
  return node as T;
}

/**
 * An OpenAPI 3.0 schema as the JSON Schema Ajv reads, meaning the same: `nullable` beside `type` is Ajv's own
 * keyword (null added to an `enum` too), `nullable` without `type` becomes "null, or the schema", examples and
 * `x-` extensions are dropped, and component references point at the schema registered as `componentsId`.
 */
export function openApiToJsonSchema(schema: unknown, componentsId: string): unknown {
  if (Array.isArray(schema)) return schema.map((item) => openApiToJsonSchema(item, componentsId));
  if (!isPlainObject(schema)) return schema;
  const converted: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith('x-') || key === 'example' || key === 'examples') continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) {
      converted[key] = `${componentsId}${value}`;
    } else if (key === 'properties' && isPlainObject(value)) {
      // Property names are data, not keywords: keep properties named 'example' or 'x-…'.
      converted[key] = Object.fromEntries(
        Object.entries(value).map(([name, child]) => [name, openApiToJsonSchema(child, componentsId)]),
      );
    } else {
      converted[key] = openApiToJsonSchema(value, componentsId);
    }
  }
  if (converted.nullable !== true) return converted;
  if (converted.type !== undefined) {
    if (Array.isArray(converted.enum) && !converted.enum.includes(null))
      converted.enum = [...converted.enum, null];
    return converted;
  }
  const { nullable: _nullable, ...rest } = converted;
  return { anyOf: [{ type: 'null' }, rest] };
}

/** RFC 3339 date-time, as JSON Schema's "date-time" format means it: the offset is 'Z' or '±hh:mm'. */
const RFC3339_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** Compiled schemas of one description, with its components registered once. */
export class OpenApiSchemaCache {
  private readonly ajv: Ajv;
  private readonly componentsId: string;
  private readonly compiled = new Map<string, ValidateFunction>();

  /**
   * `componentsId` names the components in compiled references; `alwaysValid` lists vendor formats that carry no
   * rule a validator could check.
   */
  constructor(componentsId: string, components: OpenApiComponents, alwaysValid: readonly string[] = []) {
    this.componentsId = componentsId;
    this.ajv = new Ajv({ strict: false, allErrors: true, verbose: true });
    // ajv-formats is not a dependency, so the formats the descriptions use are defined here.
    this.ajv.addFormat('uri', { type: 'string', validate: (value: string) => URL.canParse(value) });
    this.ajv.addFormat('date-time', {
      type: 'string',
      validate: (value: string) => RFC3339_DATE_TIME.test(value),
    });
    this.ajv.addFormat('date', {
      type: 'string',
      validate: (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value),
    });
    this.ajv.addFormat('email', {
      type: 'string',
      validate: (value: string) => /^[^\s@]+@[^\s@]+$/.test(value),
    });
    // Widths of numbers (JSON does not limit them) and templates are not rules on the value.
    for (const format of ['int32', 'int64', 'float', 'double', 'uri-template', 'binary', ...alwaysValid]) {
      this.ajv.addFormat(format, true);
    }
    this.ajv.addSchema({ $id: componentsId, components: openApiToJsonSchema(components, componentsId) });
  }

  /** The validator of `schema`, compiled once per `key`. */
  validator(key: string, schema: Json): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(openApiToJsonSchema(schema, this.componentsId) as Json);
      this.compiled.set(key, validate);
    }
    return validate;
  }
}

/** A parameter's text as its schema's type reads it, or what is wrong with it. */
export function readParameterText(
  text: string,
  schema: Json | undefined,
): { value: unknown } | { problem: string } {
  const type = schema?.type;
  if (type === 'integer') {
    return /^-?\d+$/.test(text) ? { value: Number(text) } : { problem: `must be an integer, got "${text}"` };
  }
  if (type === 'number') {
    return text.trim() !== '' && Number.isFinite(Number(text))
      ? { value: Number(text) }
      : { problem: `must be a number, got "${text}"` };
  }
  if (type === 'boolean') {
    return text === 'true' || text === 'false'
      ? { value: text === 'true' }
      : { problem: `must be true or false, got "${text}"` };
  }
  return { value: text };
}

/** The response an operation declares for `status`: the exact code, then '4XX'-style ranges, then 'default'. */
export function declaredResponse(
  operation: OpenApiOperationObject,
  status: number,
): { key: string; response: OpenApiResponseObject | OpenApiReference } | undefined {
  for (const key of [String(status), `${String(status)[0]}XX`, 'default']) {
    const response = operation.responses[key];
    if (response) return { key, response };
  }
  return undefined;
}
