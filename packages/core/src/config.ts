// Loads and validates `.github/flowkit.yml`, the one config file a repository keeps for Flowkit.
import { readFile } from 'node:fs/promises';
import { ConfigError, InputError } from './errors.ts';
import { formatPath, type Schema, validateSchema } from './schema.ts';
import { yamlProblem } from './structured.ts';

/** Default location of the config file, relative to the repository root. */
export const DEFAULT_CONFIG_PATH = '.github/flowkit.yml';

/** A person Flowkit may mention or assign, keyed by GitHub login in the config. */
export interface Person {
  name?: string;
  email?: string;
  /** Slack member ID (U… or W…). */
  slack?: string;
}

/** The validated contents of `.github/flowkit.yml`. Keys are spelled as in the file. */
export interface FlowkitConfig {
  version: 1;
  slack: {
    /** Default channel for notifications: an ID (C…) or a name (#team). */
    channel?: string;
    /** Web API base URL (Enterprise Grid, GovSlack: https://slack-gov.com/api/). */
    'api-url'?: string;
  };
  /** GitHub login → person, for mentions. */
  people: Record<string, Person>;
}

const CHANNEL = '^([CGD][A-Z0-9]{6,}|#?[a-z0-9][a-z0-9._-]{0,79})$';

/** The schema of `.github/flowkit.yml`. */
export const configSchema: Schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    version: { type: 'integer', enum: [1], expected: '1 (the only config version so far)' },
    slack: {
      type: 'object',
      additionalProperties: false,
      properties: {
        channel: {
          type: 'string',
          pattern: CHANNEL,
          expected: 'a channel ID like C0123456789 or a name like #team',
        },
        'api-url': { type: 'string', format: 'uri', expected: 'an absolute URL like https://slack.com/api/' },
      },
    },
    people: {
      type: 'object',
      description: 'GitHub login → person',
      propertyNames: { pattern: '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$' },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          name: { type: 'string', minLength: 1 },
          email: { type: 'string', format: 'email', expected: 'an email address like name@example.com' },
          slack: {
            type: 'string',
            pattern: '^[UW][A-Z0-9]{2,}$',
            expected: 'a Slack member ID like U0123ABCD',
          },
        },
      },
    },
  },
};

/** The config used when a repository has no file. */
export function defaultConfig(): FlowkitConfig {
  return { version: 1, slack: {}, people: {} };
}

/**
 * Reads the config file at `path`. A missing file gives the defaults, unless the path was chosen explicitly
 * (`explicitInput` names the input that chose it), in which case it is an error.
 */
export async function loadConfig(
  path: string = DEFAULT_CONFIG_PATH,
  explicitInput?: string,
): Promise<FlowkitConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (explicitInput !== undefined) {
      throw new InputError(
        explicitInput,
        `names '${path}', which does not exist`,
        'Check the path (relative to the repository root) or remove the input to use the defaults.',
      );
    }
    return defaultConfig();
  }
  return parseConfig(text, path);
}

/** Validates config text; `file` is only used in messages. */
export async function parseConfig(text: string, file: string): Promise<FlowkitConfig> {
  const { isMap, isSeq, LineCounter, parseDocument } = await import('yaml');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  const [syntax] = doc.errors;
  if (syntax !== undefined) {
    throw new ConfigError(
      file,
      '',
      `not valid YAML: ${yamlProblem(syntax.message)}`,
      syntax.linePos?.[0].line,
    );
  }
  // The line of a problem: the key's line for a mapping entry, the item's for a list entry.
  const lineOf = (path: (string | number)[]): number | undefined => {
    const parent = path.length <= 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
    const last = path[path.length - 1];
    let node: { range?: [number, number, number] | null } | null | undefined;
    if (isMap(parent))
      node = parent.items.find((pair) => (pair.key as { value?: unknown } | null)?.value === last)
        ?.key as typeof node;
    else if (isSeq(parent) && typeof last === 'number') node = parent.items[last] as typeof node;
    else node = parent as typeof node;
    return node?.range ? lines.linePos(node.range[0]).line : undefined;
  };
  const value = doc.toJS({ maxAliasCount: 100 }) ?? {};
  const problems = validateSchema(value, configSchema);
  const [first] = problems;
  if (first !== undefined) {
    const line = lineOf(first.path);
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : '';
    throw new ConfigError(file, formatPath(first.path), `${first.message}${more}`, line);
  }
  const config = value as Partial<FlowkitConfig>;
  return { version: 1, slack: config.slack ?? {}, people: config.people ?? {} };
}
