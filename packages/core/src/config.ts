// Loads and validates `.github/flowkit.yml`, the one config file a repository keeps for Flowkit.
import { readFile } from 'node:fs/promises';
import { ConfigError, InputError } from './errors.ts';
import { formatPath, normalize, type Schema, validateSchema } from './schema.ts';
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

/** An on-call rotation (see @flowkit/teams for what each field means). */
export interface RotationConfig {
  cadence: 'daily' | 'weekly';
  start: string;
  'time-zone': string;
  handover?: string;
  members: string[];
  overrides?: { from: string; to: string; member: string; reason?: string }[];
  unavailable?: { member: string; from: string; to: string; reason?: string }[];
}

/** A team: where it talks, and who is on call. */
export interface TeamConfig {
  'slack-channel'?: string;
  rotation?: RotationConfig;
  /** When the team's stand-up is, in its time zone: the stand-up digest posts then. */
  standup?: { time: string; 'time-zone': string };
  /** Days without a stand-up (no digest), YYYY-MM-DD in the stand-up's time zone. */
  holidays?: string[];
  /** What the stand-up digest shows. */
  digest?: DigestConfig;
}

/** Options of the stand-up digest (teams.<name>.digest). */
export interface DigestConfig {
  /** Pull requests waiting for review longer than this many hours are listed (default 24). */
  'review-wait-hours'?: number;
  /** JQL that selects the team's tickets (default: labels = team-<name>). */
  jql?: string;
}

/** A routing rule: criteria that must all hold, the team it picks and the labels it adds. */
export interface RoutingRuleConfig {
  name?: string;
  match: {
    project?: string[];
    'issue-type'?: string[];
    components?: string[];
    labels?: string[];
    priority?: string[];
    summary?: string;
  };
  team?: string;
  labels?: string[];
}

/** Where Jira is, and how its workflow is named. */
export interface JiraConfig {
  url?: string;
  /** Jira Cloud (REST v3, ADF, account IDs) or Server/Data Center (REST v2, wiki markup, user names). */
  deployment?: 'cloud' | 'server';
  /** Project keys that count when finding issue keys (so UTF-8 never matches). */
  projects?: string[];
  /** Flow stage → status name in this Jira, e.g. `in-review: Code Review`. */
  statuses?: Record<string, string>;
  /** Status name → the statuses to pass through, in order, when no transition leads there directly. */
  paths?: Record<string, string[]>;
  /**
   * Who must approve a release before promotion: an issue in `status` is approved; otherwise each group needs a
   * comment from one of its members (email or account ID) that starts with `phrase` (default "approved"), not
   * withdrawn by a later one from the same person that starts with `changes-phrase` (default "changes requested").
   */
  approvals?: {
    status?: string;
    groups: Record<string, string[]>;
    phrase?: string;
    'changes-phrase'?: string;
  };
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
  /** GitHub login → person, for mentions and assignment. */
  people: Record<string, Person>;
  jira: JiraConfig;
  teams: Record<string, TeamConfig>;
  routing: RoutingRuleConfig[];
}

const CHANNEL = '^([CGD][A-Z0-9]{6,}|#?[a-z0-9][a-z0-9._-]{0,79})$';
const CHANNEL_SCHEMA: Schema = {
  type: 'string',
  pattern: CHANNEL,
  expected: 'a channel ID like C0123456789 or a name like #team',
};
const NAME = '^[a-z0-9][a-z0-9_-]*$';
const PROJECT_KEYS: Schema = {
  type: 'array',
  acceptSingle: true,
  items: { type: 'string', pattern: '^[A-Z][A-Z0-9_]{1,9}$', expected: 'a project key like JIRA' },
};
const STATUS_NAME: Schema = { type: 'string', minLength: 1, expected: 'a Jira status name' };
const MEMBER: Schema = { type: 'string', minLength: 1, expected: 'a GitHub login or an email' };
const WORDS: Schema = { type: 'array', acceptSingle: true, items: { type: 'string', minLength: 1 } };

function dateRange(extra: Record<string, Schema>): Schema {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['from', 'to', ...Object.keys(extra)],
    properties: {
      from: { type: 'string', format: 'date' },
      to: { type: 'string', format: 'date' },
      reason: { type: 'string' },
      ...extra,
    },
  };
}

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
        channel: CHANNEL_SCHEMA,
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
    jira: {
      type: 'object',
      additionalProperties: false,
      properties: {
        url: { type: 'string', format: 'uri', expected: 'your site URL like https://acme.atlassian.net' },
        deployment: { type: 'string', enum: ['cloud', 'server'] },
        projects: PROJECT_KEYS,
        statuses: {
          type: 'object',
          propertyNames: { pattern: '^[a-z][a-z-]*$' },
          additionalProperties: STATUS_NAME,
        },
        paths: { type: 'object', additionalProperties: { type: 'array', minItems: 1, items: STATUS_NAME } },
        approvals: {
          type: 'object',
          additionalProperties: false,
          required: ['groups'],
          properties: {
            status: STATUS_NAME,
            groups: {
              type: 'object',
              propertyNames: { pattern: NAME },
              additionalProperties: { type: 'array', minItems: 1, items: MEMBER },
            },
            phrase: { type: 'string', minLength: 1, expected: 'the words an approving comment starts with' },
            'changes-phrase': {
              type: 'string',
              minLength: 1,
              expected: 'the words that withdraw an approval',
            },
          },
        },
      },
    },
    teams: {
      type: 'object',
      propertyNames: { pattern: NAME },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          'slack-channel': CHANNEL_SCHEMA,
          rotation: {
            type: 'object',
            additionalProperties: false,
            required: ['cadence', 'start', 'time-zone', 'members'],
            properties: {
              cadence: { type: 'string', enum: ['daily', 'weekly'] },
              start: {
                type: 'string',
                format: 'date',
                expected: 'the first day of the rotation, YYYY-MM-DD',
              },
              'time-zone': { type: 'string', format: 'time-zone' },
              handover: {
                type: 'string',
                pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
                expected: 'a time like 09:00',
              },
              members: { type: 'array', minItems: 1, items: MEMBER },
              overrides: { type: 'array', items: dateRange({ member: MEMBER }) },
              unavailable: { type: 'array', items: dateRange({ member: MEMBER }) },
            },
          },
          standup: {
            type: 'object',
            additionalProperties: false,
            required: ['time', 'time-zone'],
            properties: {
              time: {
                type: 'string',
                pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
                expected: 'a 24-hour time like 09:30',
              },
              'time-zone': {
                type: 'string',
                format: 'time-zone',
                expected: 'an IANA time zone like Europe/Berlin',
              },
            },
          },
          holidays: {
            type: 'array',
            acceptSingle: true,
            items: { type: 'string', format: 'date', expected: 'a date written YYYY-MM-DD' },
          },
          digest: {
            type: 'object',
            additionalProperties: false,
            properties: {
              'review-wait-hours': {
                type: 'number',
                minimum: 1,
                maximum: 720,
                expected: 'a number of hours from 1 to 720',
              },
              jql: {
                type: 'string',
                minLength: 1,
                expected: 'a JQL restriction like labels = team-frontend',
              },
            },
          },
        },
      },
    },
    routing: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['match'],
        properties: {
          name: { type: 'string', minLength: 1 },
          match: {
            type: 'object',
            additionalProperties: false,
            properties: {
              project: PROJECT_KEYS,
              'issue-type': WORDS,
              components: WORDS,
              labels: WORDS,
              priority: WORDS,
              summary: { type: 'string', format: 'regex' },
            },
          },
          team: { type: 'string', pattern: NAME, expected: 'a team name defined under teams:' },
          labels: {
            type: 'array',
            acceptSingle: true,
            items: { type: 'string', pattern: '^\\S+$', expected: 'a label without spaces' },
          },
        },
      },
    },
  },
};

/** The config used when a repository has no file. */
export function defaultConfig(): FlowkitConfig {
  return { version: 1, slack: {}, people: {}, jira: {}, teams: {}, routing: [] };
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
    if (isMap(parent)) {
      node = parent.items.find((pair) => (pair.key as { value?: unknown } | null)?.value === last)
        ?.key as typeof node;
    } else if (isSeq(parent) && typeof last === 'number') node = parent.items[last] as typeof node;
    else node = parent as typeof node;
    return node?.range ? lines.linePos(node.range[0]).line : undefined;
  };
  const value = doc.toJS({ maxAliasCount: 100 }) ?? {};
  const problems = validateSchema(value, configSchema);
  const [first] = problems;
  if (first !== undefined) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : '';
    throw new ConfigError(file, formatPath(first.path), `${first.message}${more}`, lineOf(first.path));
  }
  const config: FlowkitConfig = {
    ...defaultConfig(),
    ...(normalize(value, configSchema) as Partial<FlowkitConfig>),
  };
  // References between parts of the file, which the schema cannot express.
  const teams = Object.keys(config.teams);
  const unknownTeam = config.routing.findIndex(
    (rule) => rule.team !== undefined && !teams.includes(rule.team),
  );
  if (unknownTeam !== -1) {
    const known =
      teams.length === 0 ? 'no teams are defined under teams:' : `the teams are: ${teams.join(', ')}`;
    const path = ['routing', unknownTeam, 'team'];
    const problem = `names team '${config.routing[unknownTeam]?.team}', which is not defined; ${known}`;
    throw new ConfigError(file, formatPath(path), problem, lineOf(path));
  }
  return config;
}
