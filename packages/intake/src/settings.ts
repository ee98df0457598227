// Reads and checks every jira-triage input (and the dispatch payload) before anything is sent.
import { type FlowkitConfig, InputError, parseBooleanInput, parseIntegerInput } from '@flowkit/core';
import { isIssueKey, JIRA_CONNECTION_INPUTS, type JiraConnection, readJiraConnection } from '@flowkit/jira';
import { checkSlackApiUrl, checkSlackToken, SLACK_API_URL } from '@flowkit/slack';

/** The inputs of jira-triage, as action.yml declares them. */
export const TRIAGE_INPUTS = [
  'issue-key',
  'team',
  'force',
  'slack-token',
  'slack-api-url',
  ...JIRA_CONNECTION_INPUTS,
  'retries',
  'timeout',
  'config',
] as const;

export type TriageInputName = (typeof TRIAGE_INPUTS)[number];

/** Everything jira-triage needs, checked. */
export interface TriageSettings {
  key: string;
  connection: JiraConnection;
  team: string | undefined;
  force: boolean;
  slack: { token: string; apiUrl: string } | undefined;
  retries: number;
  timeoutMs: number;
}

/**
 * Checks the inputs; the key comes from `issue-key` or a repository_dispatch payload. The payload is untrusted:
 * only a value shaped like an issue key is taken from it, nothing else.
 */
export function readTriageSettings(
  input: (name: TriageInputName) => string,
  config: FlowkitConfig,
  event: Record<string, unknown>,
): TriageSettings {
  const connection = readJiraConnection(input, config);
  const key = issueKey(input('issue-key'), event);
  const team = input('team') || undefined;
  if (team !== undefined && config.teams[team] === undefined) {
    const known = Object.keys(config.teams);
    throw new InputError(
      'team',
      `names team '${team}', which .github/flowkit.yml does not define`,
      known.length === 0 ? 'Define teams under teams: in the config.' : `The teams are: ${known.join(', ')}.`,
    );
  }
  const token = input('slack-token');
  const slack =
    token === ''
      ? undefined
      : {
          token: checkSlackToken('slack-token', token),
          apiUrl: checkSlackApiUrl(
            'slack-api-url',
            input('slack-api-url') || config.slack['api-url'] || SLACK_API_URL,
          ),
        };
  return {
    key,
    connection,
    team,
    force: parseBooleanInput('force', input('force'), false),
    slack,
    retries: parseIntegerInput('retries', input('retries'), 4, { min: 0, max: 20 }),
    timeoutMs: parseIntegerInput('timeout', input('timeout'), 120, { min: 1, max: 3600 }) * 1000,
  };
}

function issueKey(input: string, event: Record<string, unknown>): string {
  if (input !== '') {
    if (!isIssueKey(input))
      throw new InputError(
        'issue-key',
        `is not an issue key: '${input.slice(0, 40)}'`,
        'Give a key like JIRA-1234.',
      );
    return input;
  }
  const payload = event.client_payload as Record<string, unknown> | undefined;
  const issue = payload?.issue as Record<string, unknown> | undefined;
  const candidate = issue?.key ?? payload?.key ?? payload?.issue_key;
  if (typeof candidate === 'string' && isIssueKey(candidate)) return candidate;
  throw new InputError(
    'issue-key',
    candidate === undefined
      ? 'is not set, and the event carries no client_payload.issue.key'
      : 'is not set, and the event’s client_payload holds no valid issue key',
    'Pass \'issue-key\', or have the Jira Automation rule send {"event_type": "jira-ticket-created", "client_payload": {"issue": {"key": "{{issue.key}}"}}}.',
  );
}
