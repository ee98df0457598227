// provision-staging: maps the step's inputs to @flowkit/provision, and its report to outputs, the summary and annotations.
import { GitHubClient } from '@flowkit/github';
import {
  type DestroyReport,
  describeAnswer,
  destroyEnvironment,
  type ProvisionReport,
  provisionEnvironment,
  readProvisionSettings,
} from '@flowkit/provision';
import {
  appendSummary,
  debug,
  error,
  getInput,
  info,
  notice,
  readGitHubContext,
  runAction,
  setOutput,
  setSecret,
  warning,
} from '@flowkit/runner';

await runAction(async () => {
  const token = getInput('github-token');
  if (token !== '') setSecret(token);
  const github = readGitHubContext();
  const settings = readProvisionSettings((name) => getInput(name), {
    eventName: github.eventName,
    event: github.event,
    sha: github.sha,
    repository: github.repository,
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
  });
  const log = { info, warning, debug };
  const deps = {
    github: new GitHubClient({
      token: settings.githubToken,
      apiUrl: github.apiUrl,
      policy: () => ({ retries: 4, budgetMs: 60_000 }),
      log,
    }),
    runUrl: github.runUrl,
    log,
    env: process.env,
    tempRoot: process.env.RUNNER_TEMP || undefined,
  };
  setOutput('environment', settings.environment);

  if (settings.mode === 'destroy') {
    const report = await destroyEnvironment(settings, deps);
    setOutput('url', '');
    setOutput('deployment-id', '');
    appendSummary(destroySummary(report));
    if (report.failure !== undefined) {
      error(
        `Destroying ${report.environment} failed; its deployments are left as they were. ${report.failure}`,
      );
      process.exitCode = 1;
      return;
    }
    info(`${report.inactivated.length} deployment(s) of ${report.environment} marked inactive.`);
    const deletion = deletionSentence(report);
    if (report.deletion === 'forbidden') notice(deletion);
    else info(deletion);
    return;
  }

  const report = await provisionEnvironment(settings, deps);
  setOutput('url', report.url ?? '');
  setOutput('deployment-id', String(report.deploymentId));
  appendSummary(provisionSummary(report));
  if (report.failure !== undefined) {
    error(`${report.failure}${report.cleanup === undefined ? '' : `\n${report.cleanup}`}`);
    process.exitCode = 1;
    return;
  }
  info(`${report.environment} is ready at ${report.url}.`);
});

function provisionSummary(report: ProvisionReport): string {
  const health = report.health;
  const healthText =
    health === undefined
      ? 'not checked'
      : `${health.verdict} (${health.attempts} attempt(s) in ${Math.round(health.elapsedMs / 100) / 10} s; last answer: ${describeAnswer(health.last)})`;
  const lines = [`### Staging: ${report.environment}`, ''];
  if (report.failure === undefined) {
    lines.push(`:white_check_mark: ${report.url} is healthy — ${report.healthUrl}: ${healthText}.`);
  } else {
    lines.push(`:x: ${report.url ?? 'no URL'} — ${report.failure.split('\n')[0]}`);
    if (health !== undefined) lines.push('', `Health: ${healthText}.`);
    if (report.cleanup !== undefined) lines.push('', report.cleanup);
  }
  lines.push('', `Deployment ${report.deploymentId}.`);
  return lines.join('\n');
}

function deletionSentence(report: DestroyReport): string {
  switch (report.deletion) {
    case 'deleted':
      return `The GitHub environment ${report.environment} was deleted.`;
    case 'absent':
      return `The GitHub environment ${report.environment} was already gone.`;
    case 'forbidden':
      return `The GitHub environment ${report.environment} was kept: deleting it needs Administration: write, which this token lacks (a workflow's GITHUB_TOKEN never has it; use a GitHub App token). Its deployments are inactive.`;
    default:
      return `The GitHub environment ${report.environment} was kept (delete-environment).`;
  }
}

function destroySummary(report: DestroyReport): string {
  if (report.failure !== undefined) {
    return `### Staging: ${report.environment}\n\n:x: Destroy failed: ${report.failure.split('\n')[0]}`;
  }
  return [
    `### Staging: ${report.environment}`,
    '',
    `:wastebasket: Removed; ${report.inactivated.length} deployment(s) marked inactive. ${deletionSentence(report)}`,
  ].join('\n');
}
