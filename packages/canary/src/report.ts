// How a rollout explains itself: the job summary (decisions with their numbers, a chart of weight and error rates)
// and the Slack thread (each step, hold, rollback and the release).
import { defaultConfig, type Logger } from '@flowkit/core';
import { findTemplate, notify, type RunInfo, type Template, type TemplateValues } from '@flowkit/slack';
import type { PromoteReport } from './promote.ts';
import { describePlan, formatDuration } from './rollout/plan.ts';
import type { RolloutEvent, TimelinePoint } from './rollout/rollout.ts';
import type { CanaryPromoteSettings } from './settings.ts';

function rate(errors: number | undefined, requests: number | undefined): string {
  if (requests === undefined || errors === undefined) return '—';
  if (requests === 0) return '0 req';
  return `${((100 * errors) / requests).toFixed(2)}% of ${requests}`;
}

/** Keeps a table readable: every decision that changed something, plus the last few readings. */
function keyPoints(timeline: TimelinePoint[]): TimelinePoint[] {
  const picked = timeline.filter(
    (point, i) =>
      point.decision !== 'continue' || i === timeline.length - 1 || timeline[i + 1]?.weight !== point.weight,
  );
  return picked.length > 60 ? [...picked.slice(0, 20), ...picked.slice(-40)] : picked;
}

/** A Mermaid line chart of canary weight and both arms' error rates over time; renders on GitHub. */
export function rolloutChart(timeline: TimelinePoint[]): string {
  if (timeline.length < 2) return '';
  const points =
    timeline.length > 80 ? timeline.filter((_, i) => i % Math.ceil(timeline.length / 80) === 0) : timeline;
  const pct = (errors?: number, requests?: number): string =>
    requests === undefined || requests === 0 || errors === undefined
      ? '0'
      : ((100 * errors) / requests).toFixed(2);
  const maxRate = Math.max(1, ...points.map((p) => Number(pct(p.canary?.errors, p.canary?.requests))));
  return [
    '```mermaid',
    'xychart-beta',
    '  title "Canary weight (bars, %) and error rates (lines: canary, stable; % × 100 / max)"',
    `  x-axis [${points.map((p) => `"${formatDuration(p.t)}"`).join(', ')}]`,
    '  y-axis "percent" 0 --> 100',
    `  bar [${points.map((p) => p.weight).join(', ')}]`,
    `  line [${points.map((p) => ((Number(pct(p.canary?.errors, p.canary?.requests)) * 100) / maxRate).toFixed(1)).join(', ')}]`,
    `  line [${points.map((p) => ((Number(pct(p.baseline?.errors, p.baseline?.requests)) * 100) / maxRate).toFixed(1)).join(', ')}]`,
    '```',
  ].join('\n');
}

/** The job summary of one promotion. */
export function rolloutSummary(report: PromoteReport, settings: CanaryPromoteSettings): string {
  const icon = report.outcome === 'promoted' ? ':white_check_mark:' : ':rotating_light:';
  const headline =
    report.outcome === 'promoted'
      ? `${icon} Released **${settings.version}** of ${settings.service} to 100% of ${settings.environment}`
      : `${icon} Rolled back **${settings.version}** of ${settings.service} (reached ${report.maxWeight}%)`;
  const lines = [
    `### Canary: ${settings.service} ${settings.version}`,
    '',
    headline,
    '',
    `Reason: ${report.reason}`,
    '',
    `Plan: ${describePlan(settings.plan)}. Deployment ${report.deploymentId} (${report.deploymentSource}). Slow = slower than ${(report.slowAboveSeconds * 1000).toFixed(0)} ms.`,
  ];
  if (report.resumedFrom !== undefined)
    lines.push(
      '',
      `Resumed from deployment ${report.resumedFrom.deploymentId} at ${report.resumedFrom.weight}%.`,
    );
  if (report.abandoned.length > 0)
    lines.push(
      '',
      `Rolled back first: deployments ${report.abandoned.join(', ')}, left mid-rollout by runs that stopped.`,
    );
  if (report.trafficError !== undefined)
    lines.push('', `:x: **Traffic is not back on stable**: ${report.trafficError}`);
  const chart = rolloutChart(report.timeline);
  if (chart !== '') lines.push('', chart);
  const points = keyPoints(report.timeline);
  if (points.length > 0) {
    lines.push(
      '',
      '| time | weight | canary errors | stable errors | canary slow | decision | why |',
      '|---|---:|---|---|---|---|---|',
    );
    for (const p of points)
      lines.push(
        `| ${formatDuration(p.t)} | ${p.weight}% | ${rate(p.canary?.errors, p.canary?.requests)} | ${rate(p.baseline?.errors, p.baseline?.requests)} | ${rate(p.canary?.slow, p.canary?.requests)} | ${p.decision} | ${p.reason.replaceAll('|', '\\|').replaceAll('\n', ' ')} |`,
      );
  }
  return lines.join('\n');
}

/** Posts the rollout's moments in the release's Slack thread (best effort: failures are logged by the rollout). */
export function slackNotifier(
  settings: CanaryPromoteSettings,
  run: RunInfo,
  log: Logger,
): (event: RolloutEvent) => Promise<void> {
  const slack = settings.slack;
  if (slack === undefined) return async () => undefined;
  const common: TemplateValues = {
    version: settings.version,
    environment: settings.environment,
    url: run.runUrl,
  };
  const send = async (name: string, values: TemplateValues): Promise<void> => {
    const template = findTemplate(name) as Template;
    const result = await notify(
      {
        transport: { kind: 'api', token: slack.token, apiUrl: slack.apiUrl },
        channel: slack.channel,
        message: { kind: 'template', template, values: { ...common, ...values } },
        updateKey: undefined,
        threadKey: undefined,
        threadTs: slack.threadTs,
        retries: 2,
        timeoutMs: 15_000,
        failOnError: false,
        config: defaultConfig(),
      },
      { log, run },
    );
    if (!result.ok) log.warning(`Slack: ${result.error ?? 'the message was not posted'}`);
  };
  return async (event) => {
    switch (event.kind) {
      case 'step':
        return send('canary-step', {
          weight: String(event.step.weight),
          step: String(event.step.index + 1),
          steps: String(event.of),
          ...(event.verdict === undefined ? {} : { decision: event.verdict.reason }),
        });
      case 'hold':
        return send('canary-step', {
          weight: String(event.step.weight),
          step: String(event.step.index + 1),
          decision: `Holding: ${event.verdict.reason}`,
        });
      case 'rolled-back':
        return send('rolled-back', { reason: event.reason, weight: String(event.weight) });
      case 'promoted':
        return send('released', { duration: formatDuration(event.durationSeconds) });
      default:
        return undefined;
    }
  };
}
