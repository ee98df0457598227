// canary-promote: maps the step's inputs to @flowkit/canary's promote(), and its report to outputs and the summary.
import {
  createTrafficDriver,
  type PromoteReport,
  promote,
  readPromoteSettings,
  reportToDatadog,
  rolloutSummary,
  slackNotifier,
} from '@flowkit/canary';
import { GitHubClient } from '@flowkit/github';
import { createMetricsProvider, MetricsUnavailableError } from '@flowkit/metrics';
import {
  appendSummary,
  debug,
  error,
  getInput,
  info,
  readGitHubContext,
  runAction,
  saveState,
  setOutput,
  setSecret,
  warning,
} from '@flowkit/runner';

await runAction(async () => {
  for (const name of ['github-token', 'slack-token', 'datadog-api-key', 'datadog-app-key'] as const) {
    const value = getInput(name);
    if (value !== '') setSecret(value);
  }
  const github = readGitHubContext();
  const settings = await readPromoteSettings((name) => getInput(name), { sha: github.sha });
  const log = { info, warning, debug };
  const target = {
    service: settings.service,
    stableVersion: settings.stableVersion,
    canaryVersion: settings.version,
  };
  const traffic = createTrafficDriver(settings.traffic.name, settings.traffic.options);
  const metrics = createMetricsProvider(settings.metrics.name, settings.metrics.options, target, { log });
  const [owner, repo] = github.repository.split('/') as [string, string];

  // A cancelled run: the runner sends SIGINT, then SIGTERM. Either one rolls the canary back before exiting.
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      warning(`${signal}: the run is being cancelled; putting traffic back on stable.`);
      controller.abort();
    });
  // The post step rolls back whatever is left split if this process dies before it reports.
  saveState('traffic', JSON.stringify(settings.traffic));

  const report: PromoteReport | undefined = await promote(
    {
      repo: { owner, repo },
      environment: settings.environment,
      sha: settings.commit,
      target,
      plan: settings.plan,
      guard: settings.guard,
      slowAboveSeconds: settings.slowAboveSeconds,
      deploymentId: settings.deploymentId,
      runId: process.env.GITHUB_RUN_ID,
      runUrl: github.runUrl,
    },
    {
      github: new GitHubClient({
        token: settings.githubToken,
        apiUrl: github.apiUrl,
        policy: () => ({ retries: 4, budgetMs: 60_000 }),
        log,
      }),
      traffic,
      metrics,
      log,
      signal: controller.signal,
      notify: settings.slack === undefined ? undefined : slackNotifier(settings, github, log),
      onDeployment: (id) => saveState('deployment-id', String(id)),
    },
  ).catch((caught: unknown) => {
    // The metrics could not be read before any traffic moved: one clear line, not a crash.
    if (!(caught instanceof MetricsUnavailableError)) throw caught;
    saveState('finished', 'true');
    error(`Nothing was promoted: ${caught.message}.`);
    process.exitCode = 1;
    return undefined;
  });
  if (report === undefined) return;
  saveState('finished', 'true');
  setOutput('result', report.outcome);
  setOutput('reason', report.reason);
  setOutput('deployment-id', String(report.deploymentId));
  setOutput('weight', String(report.finalWeight));
  setOutput('duration-seconds', String(Math.round((report.finishedAt - report.startedAt) / 1000)));
  const datadog = await reportToDatadog(report, settings, {
    runUrl: github.runUrl,
    repositoryUrl: `${github.serverUrl}/${github.repository}`,
  });
  for (const line of datadog) (line.includes('not sent') ? warning : info)(line);
  appendSummary(rolloutSummary(report, settings) + (datadog.length > 0 ? `\n\n${datadog.join('\n')}` : ''));
  if (report.trafficError !== undefined) error(`Traffic is NOT back on stable: ${report.trafficError}`);
  if (report.outcome === 'rolled-back') {
    error(`Rolled back ${settings.version}: ${report.reason}`);
    process.exitCode = 1;
    return;
  }
  info(
    report.alreadyDone
      ? `Nothing to do: ${report.reason}.`
      : `Released ${settings.version}: ${report.reason}.`,
  );
});
