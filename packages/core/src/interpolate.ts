// Inserts values into an already-parsed payload, so quotes and newlines in them can never break its structure.

/** Path from the root of a payload to a string inside it, e.g. ['blocks', 0, 'text', 'text']. */
export type ValuePath = readonly (string | number)[];

/** Resolves `env.NAME` or `github.event.issue.title` (the text between the braces); undefined when unknown. */
export type Lookup = (expression: string) => string | undefined;

/** A placeholder the lookup could not resolve (e.g. `{{ env.TITLE }}` with TITLE unset). */
export class UnresolvedPlaceholder extends Error {
  readonly expression: string;

  constructor(expression: string) {
    super(`{{ ${expression} }} has no value`);
    this.name = 'UnresolvedPlaceholder';
    this.expression = expression;
  }
}

/** Decides how an inserted value is written at a place in the payload (e.g. escaped for Slack mrkdwn). */
export type Encode = (value: string, path: ValuePath, parent: unknown) => string;

const PLACEHOLDER = /\{\{\s*((?:env|github)(?:\.[A-Za-z0-9_-]+)+)\s*\}\}/g;

/** True when a string holds at least one `{{ env.X }}` or `{{ github.x }}` placeholder. */
export function hasPlaceholder(text: string): boolean {
  PLACEHOLDER.lastIndex = 0;
  return PLACEHOLDER.test(text);
}

/** The result of `interpolate`: the new value and the paths of the strings that received values. */
export interface Interpolated {
  value: unknown;
  inserted: ValuePath[];
}

/**
 * Returns a copy of `value` with every `{{ env.NAME }}` and `{{ github.path }}` placeholder in its strings
 * replaced by `encode(lookup(expression), path, parent)`, where `parent` is the original object or array
 * holding the string. Keys are never interpolated; other `{{ }}` text is left as it is.
 * Throws UnresolvedPlaceholder when the lookup knows no value.
 */
export function interpolate(value: unknown, lookup: Lookup, encode: Encode = (text) => text): Interpolated {
  const inserted: ValuePath[] = [];
  const walk = (node: unknown, path: ValuePath, parent: unknown): unknown => {
    if (typeof node === 'string') {
      if (!hasPlaceholder(node)) return node;
      inserted.push(path);
      return node.replace(PLACEHOLDER, (_match, expression: string) => {
        const found = lookup(expression);
        if (found === undefined) throw new UnresolvedPlaceholder(expression);
        return encode(found, path, parent);
      });
    }
    if (Array.isArray(node)) return node.map((item, index) => walk(item, [...path, index], node));
    if (typeof node === 'object' && node !== null) {
      const copy: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(node)) copy[key] = walk(item, [...path, key], node);
      return copy;
    }
    return node;
  };
  return { value: walk(value, [], undefined), inserted };
}
