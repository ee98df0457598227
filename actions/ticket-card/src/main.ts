// ticket-card: maps the step's inputs and event to @flowkit/card, and the card it wrote to outputs and the summary.
import { type CardResult, readCardSettings, requestChanges, writeCard } from '@flowkit/card';
import { DEFAULT_CONFIG_PATH, loadConfig, systemClock } from '@flowkit/core';
import { GitHubClient } from '@flowkit/github';
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
import { SlackClient } from '@flowkit/slack';

await runAction(async () => {
  for (const secret of [...jiraSecrets(getInput), getInput('slack-token'), getInput('github-token')])
    if (secret !== '') setSecret(secret);
  const configPath = getInput('config') || DEFAULT_CONFIG_PATH;
  const config = await loadConfig(configPath, configPath === DEFAULT_CONFIG_PATH ? undefined : 'config');
  const github = readGitHubContext();
  const settings = readCardSettings((name) => getInput(name), config, github, new Date(systemClock.now()));
  const deadline = Date.now() + settings.timeoutMs;
  const policy = () => ({ retries: settings.retries, budgetMs: Math.max(0, deadline - Date.now()) });
  const log = { info, warning, debug };
  const [owner = '', repo = ''] = github.repository.split('/');

  const deps = {
    jira: connectJira(settings.connection, policy, log),
    slack: new SlackClient({ token: settings.slack.token, apiUrl: settings.slack.apiUrl, log }),
    github:
      settings.githubToken === '' || owner === ''
        ? undefined
        : {
            client: new GitHubClient({ token: settings.githubToken, apiUrl: github.apiUrl, policy, log }),
            repo: { owner, repo },
          },
    policy,
    log,
    clock: systemClock,
  };
  const summary: string[] = [];
  const cards: CardResult[] = [];
  for (const key of settings.keys) {
    const request = { key, config, jiraUrl: settings.connection.site, channel: settings.channel };
    summary.push(`### Status card of ${key}`, '');
    let card: CardResult;
    if (settings.changesRequested !== undefined) {
      const changes = await requestChanges(deps, { ...request, by: settings.changesRequested.by });
      card = changes.card;
      if (changes.move?.outcome === 'failed') warning(changes.move.message);
      if (changes.move !== undefined) summary.push(`- ${changes.move.message}`);
    } else {
      card = await writeCard(deps, { ...request, facts: settings.facts });
    }
    cards.push(card);
    for (const line of card.warnings) warning(`${key}: ${line}`);
    info(`${card.posted ? 'Posted' : 'Updated'} the card of ${key}: ${card.stage}.`);
    summary.push(
      `- Stage: **${card.stage}** — [the card](${card.permalink}) was ${card.posted ? 'posted' : 'updated'}${card.writes > 1 ? ` (${card.writes} writes: the state changed meanwhile)` : ''}.`,
      card.entries.length > 0
        ? `- Thread entry posted: ${card.entries.join(', ')}.`
        : '- No new thread entry (this stage was already announced).',
      ...card.warnings.map((line) => `- :warning: ${line}`),
      '',
    );
  }
  // One ticket is the usual case; for a release the outputs describe its first ticket.
  const [first] = cards;
  if (first !== undefined) {
    setOutput('channel', first.message.channel);
    setOutput('ts', first.message.ts);
    setOutput('permalink', first.permalink);
    setOutput('stage', first.stage);
  }
  setOutput('keys', settings.keys.join(','));
  setOutput('entries', cards.flatMap((card) => card.entries).join(','));
  appendSummary(summary.join('\n'));
});
