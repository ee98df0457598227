// jira-triage: maps the step's inputs and the dispatch payload to @flowkit/intake, and its result to outputs.
import {
  DEFAULT_CONFIG_PATH,
  InputError,
  loadConfig,
  parseBooleanInput,
  parseIntegerInput,
} from '@flowkit/core';
import { triageTicket } from '@flowkit/intake';
import { connectJira, isIssueKey, jiraSecrets, readJiraConnection } from '@flowkit/jira';
import {
  appendSummary,
  debug,
  getInput,
  info,
  readGitHubContext,
  runAction,
  setOutput,
  setSecret,
  warning,
} from '@flowkit/runner';

await runAction(async () => {
  for (const secret of [...jiraSecrets(getInput), getInput('slack-token')])
    if (secret !== '') setSecret(secret);
  const configPath = getInput('config') || DEFAULT_CONFIG_PATH;
  const config = await loadConfig(configPath, configPath === DEFAULT_CONFIG_PATH ? undefined : 'config');
  const github = readGitHubContext();
  const connection = readJiraConnection((name) => getInput(name), config);
  const key = issueKey(getInput('issue-key'), github.event);
  const team = getInput('team') || undefined;
  if (team !== undefined && config.teams[team] === undefined) {
    const known = Object.keys(config.teams);
    throw new InputError(
      'team',
      `names team '${team}', which .github/flowkit.yml does not define`,
      known.length === 0 ? 'Define teams under teams: in the config.' : `The teams are: ${known.join(', ')}.`,
    );
  }
  const slackToken = getInput('slack-token');
  if (slackToken !== '' && !/^xox[bpae]-\S+$/.test(slackToken)) {
    throw new InputError(
      'slack-token',
      "is not a Slack token (they start with 'xoxb-')",
      'Use the Bot User OAuth Token from the Slack app’s OAuth & Permissions page.',
    );
  }
  const force = parseBooleanInput('force', getInput('force'), false);
  const retries = parseIntegerInput('retries', getInput('retries'), 4, { min: 0, max: 20 });
  const timeoutMs = parseIntegerInput('timeout', getInput('timeout'), 120, { min: 1, max: 3600 }) * 1000;
  const deadline = Date.now() + timeoutMs;
  const policy = () => ({ retries, budgetMs: Math.max(0, deadline - Date.now()) });
  const log = { info, warning, debug };

  const jira = connectJira(connection, policy, log);
  const result = await triageTicket(
    jira,
    {
      key,
      config,
      team,
      force,
      jiraUrl: connection.site,
      slack:
        slackToken === ''
          ? undefined
          : {
              token: slackToken,
              apiUrl: getInput('slack-api-url') || config.slack['api-url'] || 'https://slack.com/api/',
              retries,
              timeoutMs: Math.max(1000, deadline - Date.now()),
            },
      run: github,
    },
    log,
  );
  for (const line of result.explanation) info(line);
  for (const line of result.warnings) warning(line);
  const slack = result.slack?.ok
    ? { channel: result.slack.channelId ?? '', ts: result.slack.ts ?? '' }
    : undefined;
  setOutput('key', key);
  setOutput('team', result.team ?? '');
  setOutput('labels', result.labelsAdded.join(','));
  setOutput('assignee', result.assignee?.user.displayName ?? '');
  setOutput('slack-channel', slack?.channel ?? '');
  setOutput('slack-ts', slack?.ts ?? '');
  setOutput('already-triaged', String(result.alreadyTriaged));
  appendSummary(
    [
      `### Triage of ${key}`,
      '',
      ...result.explanation.map((line) => `- ${line}`),
      ...result.warnings.map((line) => `- :warning: ${line}`),
      '',
      `${jira.requestCount} Jira request(s).`,
    ].join('\n'),
  );
});

/** The key from the input, else from a repository_dispatch payload; the payload is untrusted, so only a key shape passes. */
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
