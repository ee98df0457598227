// After a rollout: Datadog hears about it (an event on the service's dashboards, and DORA's deployment or failure),
// when the metrics come from Datadog. Best effort: a Datadog outage never changes the rollout's result.
import {
  type DatadogConnectionOptions,
  type SendResult,
  sendDeploymentEvent,
  sendDoraDeployment,
  sendDoraFailure,
} from '@flowkit/metrics';
import type { PromoteReport } from './promote.ts';
import type { CanaryPromoteSettings } from './settings.ts';

/** One line per event sent (or why not), for the log and the summary. */
export async function reportToDatadog(
  report: PromoteReport,
  settings: CanaryPromoteSettings,
  run: { runUrl: string; repositoryUrl: string },
): Promise<string[]> {
  if (settings.metrics.name !== 'datadog' || report.alreadyDone) return [];
  const options = settings.metrics.options;
  const connection: DatadogConnectionOptions = {
    apiKey: String(options.apiKey),
    appKey: String(options.appKey),
    ...(typeof options.site === 'string' ? { site: options.site } : {}),
    ...(typeof options.apiUrl === 'string' ? { apiUrl: options.apiUrl } : {}),
  };
  const common = { ...connection, service: settings.service, env: settings.environment, bestEffort: true };
  const promoted = report.outcome === 'promoted';
  const lines: string[] = [];
  const say = (what: string, result: SendResult): void => {
    lines.push(
      result.ok ? `Datadog ${what}: sent (${result.id}).` : `Datadog ${what}: not sent — ${result.error}`,
    );
  };
  say(
    'deployment event',
    await sendDeploymentEvent({
      ...common,
      version: settings.version,
      outcome: promoted ? 'promoted' : 'rolled-back',
      release: `${settings.service} ${settings.version}`,
      details: [report.reason, `Run: ${run.runUrl}`],
      at: report.finishedAt,
    }),
  );
  const dora = {
    ...common,
    version: settings.version,
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
    gitCommitSha: settings.commit,
    repositoryUrl: run.repositoryUrl,
  };
  if (promoted) say('DORA deployment', await sendDoraDeployment(dora));
  else
    say(
      'DORA failure',
      await sendDoraFailure({
        ...dora,
        name: `Canary ${settings.version} rolled back: ${report.reason}`.slice(0, 200),
      }),
    );
  return lines;
}
