// A small JSON Schema subset: enough to validate Flowkit's config with messages that say what was expected.
import { isLocalDate, isTimeZone } from './zoned-time.ts';

/** A JSON Schema subset. `expected` overrides the wording of "expected …" in messages. */
export type Schema = { description?: string; expected?: string } & (
  | {
      type: 'object';
      properties?: Record<string, Schema>;
      required?: string[];
      /** false: unknown keys are errors; a schema: every other key's value must match it. */
      additionalProperties?: boolean | Schema;
      /** Keys must match this pattern (for maps keyed by names). */
      propertyNames?: { pattern: string };
    }
  | {
      type: 'array';
      items: Schema;
      minItems?: number;
      /** A single item may be written without the list around it (`project: JIRA`); `normalize` wraps it. */
      acceptSingle?: boolean;
    }
  | {
      type: 'string';
      pattern?: string;
      enum?: string[];
      minLength?: number;
      format?: 'email' | 'uri' | 'date' | 'time-zone' | 'regex';
    }
  | { type: 'integer' | 'number'; minimum?: number; maximum?: number; enum?: number[] }
  | { type: 'boolean' }
);

/** One way a value fails its schema. */
export interface SchemaProblem {
  path: (string | number)[];
  message: string;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

const FORMATS: Record<string, { test: (text: string) => boolean; expected: string }> = {
  email: { test: (text) => EMAIL.test(text), expected: 'an email address' },
  uri: { test: (text) => URL.canParse(text), expected: 'an absolute URL' },
  date: { test: isLocalDate, expected: 'a date written YYYY-MM-DD' },
  'time-zone': { test: isTimeZone, expected: 'an IANA time zone like Europe/London' },
  regex: { test: isRegex, expected: 'a valid regular expression' },
};

function isRegex(text: string): boolean {
  try {
    new RegExp(text);
    return true;
  } catch {
    return false;
  }
}

/** Lists every way `value` fails `schema` (empty when it fits). */
export function validateSchema(
  value: unknown,
  schema: Schema,
  path: (string | number)[] = [],
): SchemaProblem[] {
  const problem = (message: string): SchemaProblem[] => [{ path, message }];
  const got = describeValue(value);
  switch (schema.type) {
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return problem(`expected ${schema.expected ?? 'a mapping'}, got ${got}`);
      }
      const record = value as Record<string, unknown>;
      const problems: SchemaProblem[] = [];
      for (const key of schema.required ?? []) {
        if (!(key in record)) problems.push({ path, message: `missing required key '${key}'` });
      }
      const known = Object.keys(schema.properties ?? {});
      for (const [key, item] of Object.entries(record)) {
        const property = schema.properties?.[key];
        if (property !== undefined) {
          problems.push(...validateSchema(item, property, [...path, key]));
          continue;
        }
        if (schema.propertyNames && !new RegExp(schema.propertyNames.pattern).test(key)) {
          problems.push({ path: [...path, key], message: `'${key}' is not a valid name here` });
          continue;
        }
        if (schema.additionalProperties === false) {
          const hint = known.length > 0 ? `; expected one of: ${known.join(', ')}` : '';
          problems.push({ path: [...path, key], message: `unknown key '${key}'${hint}` });
        } else if (typeof schema.additionalProperties === 'object') {
          problems.push(...validateSchema(item, schema.additionalProperties, [...path, key]));
        }
      }
      return problems;
    }
    case 'array': {
      if (schema.acceptSingle && !Array.isArray(value)) return validateSchema([value], schema, path);
      if (!Array.isArray(value)) return problem(`expected ${schema.expected ?? 'a list'}, got ${got}`);
      if (schema.minItems !== undefined && value.length < schema.minItems) {
        return problem(`expected at least ${schema.minItems} item(s), got ${value.length}`);
      }
      return value.flatMap((item, index) => validateSchema(item, schema.items, [...path, index]));
    }
    case 'string': {
      if (typeof value !== 'string') return problem(`expected ${schema.expected ?? 'a string'}, got ${got}`);
      const fits =
        (schema.enum === undefined || schema.enum.includes(value)) &&
        (schema.pattern === undefined || new RegExp(schema.pattern).test(value)) &&
        (schema.minLength === undefined || value.length >= schema.minLength) &&
        (schema.format === undefined || FORMATS[schema.format]?.test(value) === true);
      if (fits) return [];
      const expected =
        schema.expected ??
        (schema.enum
          ? `one of: ${schema.enum.join(', ')}`
          : (FORMATS[schema.format ?? '']?.expected ?? 'a valid value'));
      return problem(`expected ${expected}, got ${got}`);
    }
    case 'integer':
    case 'number': {
      const isNumber = typeof value === 'number' && Number.isFinite(value);
      if (!isNumber || (schema.type === 'integer' && !Number.isInteger(value))) {
        return problem(
          `expected ${schema.expected ?? `a${schema.type === 'integer' ? 'n integer' : ' number'}`}, got ${got}`,
        );
      }
      const fits =
        (schema.minimum === undefined || value >= schema.minimum) &&
        (schema.maximum === undefined || value <= schema.maximum) &&
        (schema.enum === undefined || schema.enum.includes(value));
      if (fits) return [];
      const range = schema.enum
        ? `one of ${schema.enum.join(', ')}`
        : `a number from ${schema.minimum ?? '-∞'} to ${schema.maximum ?? '∞'}`;
      return problem(`expected ${schema.expected ?? range}, got ${got}`);
    }
    case 'boolean':
      return typeof value === 'boolean' ? [] : problem(`expected true or false, got ${got}`);
  }
}

/** Returns `value` shaped as `schema` says: single items of `acceptSingle` lists wrapped in a list. Call after validating. */
export function normalize(value: unknown, schema: Schema): unknown {
  if (schema.type === 'array') {
    const list = Array.isArray(value) ? value : [value];
    return list.map((item) => normalize(item, schema.items));
  }
  if (schema.type === 'object' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => {
        const property =
          schema.properties?.[key] ??
          (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
        return [key, property === undefined ? item : normalize(item, property)];
      }),
    );
  }
  return value;
}

/** Short description of a value for messages: strings quoted and cut, other types named. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${String(value)}`;
}

/** Formats a path as `people.sarah.email` or `steps[2]`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text === '' ? part : `${text}.${part}`),
    '',
  );
}
