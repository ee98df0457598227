// jira-triage: maps the step's inputs and the dispatch payload to @flowkit/intake, and its result to outputs.
import { DEFAULT_CONFIG_PATH, loadConfig } from '@flowkit/core';
import { readTriageSettings, triageTicket } from '@flowkit/intake';
import { connectJira, jiraSecrets } from '@flowkit/jira';
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
  const settings = readTriageSettings((name) => getInput(name), config, github.event);
  const deadline = Date.now() + settings.timeoutMs;
  const policy = () => ({ retries: settings.retries, budgetMs: Math.max(0, deadline - Date.now()) });
  const log = { info, warning, debug };

  const jira = connectJira(settings.connection, policy, log);
  const result = await triageTicket(
    jira,
    {
      key: settings.key,
      config,
      team: settings.team,
      force: settings.force,
      jiraUrl: settings.connection.site,
      slack: settings.slack && {
        ...settings.slack,
        retries: settings.retries,
        timeoutMs: Math.max(1000, deadline - Date.now()),
      },
      run: github,
    },
    log,
  );
  for (const line of result.explanation) info(line);
  for (const line of result.warnings) warning(line);
  setOutput('key', settings.key);
  setOutput('team', result.team ?? '');
  setOutput('labels', result.labelsAdded.join(','));
  setOutput('assignee', result.assignee?.user.displayName ?? '');
  setOutput('slack-channel', result.slackMessage?.channel ?? '');
  setOutput('slack-ts', result.slackMessage?.ts ?? '');
  setOutput('already-triaged', String(result.alreadyTriaged));
  appendSummary(
    [
      `### Triage of ${settings.key}`,
      '',
      ...result.explanation.map((line) => `- ${line}`),
      ...result.warnings.map((line) => `- :warning: ${line}`),
      '',
      `${jira.requestCount} Jira request(s).`,
    ].join('\n'),
  );
});
