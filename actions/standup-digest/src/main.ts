// standup-digest: maps the step's inputs to @flowkit/digest and the results to outputs and the job summary.
import { DEFAULT_CONFIG_PATH, loadConfig } from '@flowkit/core';
import {
  type DIGEST_INPUTS,
  readDigestSettings,
  runStandupDigest,
  type TeamDigestResult,
} from '@flowkit/digest';
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
  for (const secret of [getInput('slack-token'), getInput('github-token'), ...jiraSecrets(getInput)])
    if (secret !== '') setSecret(secret);
  const configPath = getInput('config') || DEFAULT_CONFIG_PATH;
  const config = await loadConfig(configPath, configPath === DEFAULT_CONFIG_PATH ? undefined : 'config');
  const settings = readDigestSettings(
    (name: (typeof DIGEST_INPUTS)[number]) => getInput(name),
    config,
    new Date(),
  );
  const github = readGitHubContext();
  const [owner = '', repo = ''] = github.repository.split('/');
  const results = await runStandupDigest(settings, {
    repo: { owner, repo },
    githubApiUrl: github.apiUrl,
    log: { info, warning, debug },
  });
  setOutput(
    'posted',
    results
      .filter((result) => result.posted)
      .map((result) => result.team)
      .join(','),
  );
  setOutput(
    'skipped',
    results
      .filter((result) => !result.decision.post)
      .map((result) => result.team)
      .join(','),
  );
  setOutput(
    'requests',
    JSON.stringify(Object.fromEntries(results.map((result) => [result.team, result.calls]))),
  );
  if (settings.dryRun) {
    const messages = results
      .filter((result) => result.message)
      .map((result) => [result.team, result.message]);
    setOutput('messages', JSON.stringify(Object.fromEntries(messages)));
  }
  appendSummary(summary(results, settings.dryRun));
  for (const result of results) {
    if (result.error === undefined) continue;
    error(`${result.team}: the digest failed: ${result.error}`);
    process.exitCode = 1;
  }
});

function summary(results: TeamDigestResult[], dryRun: boolean): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rows = results.map((result) => {
    const outcome = result.error
      ? `failed: ${cell(result.error)}`
      : result.posted
        ? `posted (${result.posted.ts})`
        : result.decision.post && dryRun
          ? 'dry run: not posted'
          : 'skipped';
    const calls = `${result.calls.total} (Jira ${result.calls.jira}, GitHub ${result.calls.github}, Slack ${result.calls.slack})`;
    return `| ${cell(result.team)} | ${outcome} | ${cell(result.decision.reason)} | ${calls} |`;
  });
  return [
    '### Stand-up digest',
    '',
    '| team | digest | why | API requests |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
}
