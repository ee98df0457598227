// dora-metrics: DORA's four keys for a service over a window — outputs, job summary, and an optional Slack digest.
import { DEFAULT_CONFIG_PATH, loadConfig } from '@flowkit/core';
import { type DoraInputName, doraSummaryMarkdown, readDoraSettings, runDora } from '@flowkit/dora';
import { jiraSecrets } from '@flowkit/jira';
import {
  appendSummary,
  debug,
  error,
  getInput,
  info,
  readGitHubContext,
  runAction,
  setOutput,
  setSecret,
  warning,
} from '@flowkit/runner';

await runAction(async () => {
  for (const secret of [getInput('github-token'), getInput('slack-token'), ...jiraSecrets(getInput)])
    if (secret !== '') setSecret(secret);
  const configPath = getInput('config') || DEFAULT_CONFIG_PATH;
  const config = await loadConfig(configPath, configPath === DEFAULT_CONFIG_PATH ? undefined : 'config');
  const github = readGitHubContext();
  const defaults: Partial<Record<DoraInputName, string>> = {
    repository: github.repository,
    'github-api-url': process.env.GITHUB_API_URL ?? '',
  };
  const settings = readDoraSettings((name) => getInput(name) || (defaults[name] ?? ''), config);
  const { result, cost, slack } = await runDora(settings, {
    log: { info, warning, debug },
    run: github,
    now: Date.now(),
  });
  const seconds = (ms: number | null) => (ms === null ? '' : String(Math.round(ms / 1000)));
  const outputs: Record<string, string> = {
    'deployment-frequency':
      result.deploymentFrequency.perDay === null ? '' : String(result.deploymentFrequency.perDay),
    deployments: String(result.deploymentFrequency.count),
    'lead-time-median-seconds': seconds(result.leadTime.median),
    'lead-time-p90-seconds': seconds(result.leadTime.p90),
    'change-failure-rate':
      result.changeFailureRate.value === null ? '' : String(result.changeFailureRate.value),
    'time-to-restore-median-seconds': seconds(result.timeToRestore.median),
    'band-deployment-frequency': result.bands.deploymentFrequency ?? '',
    'band-lead-time': result.bands.leadTime ?? '',
    'band-change-failure-rate': result.bands.changeFailureRate ?? '',
    'band-time-to-restore': result.bands.timeToRestore ?? '',
    json: JSON.stringify(result),
  };
  for (const [name, value] of Object.entries(outputs)) setOutput(name, value);
  info(
    `Read ${result.changeFailureRate.attempted} deployments in the window with ${cost.graphqlRequests} GraphQL, ${cost.compareRequests} compare and ${cost.issueRequests} issue requests.`,
  );
  if (settings.jira !== undefined) {
    info(
      `Read the creation of the released tickets with ${cost.jiraRequests} Jira requests (${result.ticketLeadTime.samples} released in the window).`,
    );
    if (cost.unknownKeys > 0)
      warning(`${cost.unknownKeys} issue keys in the commits are not in Jira (left out).`);
    if (cost.unreadKeys > 0) warning(`${cost.unreadKeys} released issue keys were not read (limit reached).`);
  }
  if (cost.truncated)
    warning(
      `Stopped reading at max-deployments (${settings.maxDeployments}): older deployments are left out.`,
    );
  if (cost.uncompared > 0)
    warning(`${cost.uncompared} deployments were counted without their commits (compare limit reached).`);
  appendSummary(doraSummaryMarkdown(result));
  if (slack !== undefined) {
    setOutput('slack-ts', slack.ts ?? '');
    if (!slack.ok) {
      error(`The DORA digest was not posted to Slack: ${slack.error}`);
      process.exitCode = 1;
    } else info(`${slack.updated ? 'Updated' : 'Posted'} the DORA digest in Slack.`);
  }
});
