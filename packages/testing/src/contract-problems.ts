// Wording shared by the contract checks: schema errors as one-line problems; problems matched to known gaps.
import type { ErrorObject } from 'ajv';

/** The media type of a Content-Type value, lower case and without parameters ('application/json'). */
export function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/** True for a JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** One schema error as '<where> <what>', e.g. '/ts must match pattern "…" (got "17.5")'. */
export function describeSchemaError(error: ErrorObject): string {
  const where = error.instancePath || '(root)';
  let detail = '';
  if (error.keyword === 'additionalProperties') {
    detail = ` ("${String((error.params as { additionalProperty?: unknown }).additionalProperty)}")`;
  } else if (error.keyword === 'type') {
    detail = ` (got ${Array.isArray(error.data) ? 'array' : error.data === null ? 'null' : typeof error.data})`;
  } else if (['enum', 'const', 'pattern', 'format'].includes(error.keyword)) {
    detail = ` (got ${describeValue(error.data)})`;
  }
  return `${where} ${error.message ?? error.keyword}${detail}`;
}

/**
 * True when `problem` reads '<subject> <rest>' for one of `subjects` (a Slack method, a GitHub operation) and
 * `pattern` matches the rest: how a known gap in a vendor's description is matched to a reported problem.
 */
export function matchesGap(subjects: readonly string[], pattern: RegExp, problem: string): boolean {
  return subjects.some(
    (subject) => problem.startsWith(`${subject} `) && pattern.test(problem.slice(subject.length + 1)),
  );
}
