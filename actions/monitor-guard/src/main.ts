// monitor-guard: a one-shot gate, a watch after a release, or the alerting set-up — mapped from the step's inputs.
import { readMonitorSettings, runGate, runWatch } from '@flowkit/canary';
import {
  checkMetricsOptions,
  createMetricsProvider,
  type MetricsTarget,
  setupDatadogMonitoring,
  writePrometheusSetup,
} from '@flowkit/metrics';
import {
  appendSummary,
  debug,
  error,
  getInput,
  info,
  runAction,
  setOutput,
  setSecret,
  warning,
} from '@flowkit/runner';

const RULE_OPTIONS = [
  'requestsMetric',
  'durationMetric',
  'versionLabel',
  'serviceLabel',
  'extraMatchers',
  'statusLabel',
  'errorStatusRegex',
];

await runAction(async () => {
  for (const name of ['datadog-api-key', 'datadog-app-key'] as const) {
    const value = getInput(name);
    if (value !== '') setSecret(value);
  }
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const settings = await readMonitorSettings((name) => getInput(name), { workspace });
  const log = { info, warning, debug };

  if (settings.mode === 'setup') {
    if (settings.metrics.name === 'datadog') {
      const options = settings.metrics.options;
      const result = await setupDatadogMonitoring({
        apiKey: String(options.apiKey),
        appKey: String(options.appKey),
        ...(typeof options.site === 'string' ? { site: options.site } : {}),
        ...(typeof options.apiUrl === 'string' ? { apiUrl: options.apiUrl } : {}),
        log,
        service: settings.service,
        env: settings.environment,
        version: settings.version,
        thresholds: { errorRate: settings.errorRateThreshold, p95LatencySeconds: settings.latencyP95Seconds },
        notify: settings.notify,
        dashboardId: settings.dashboardId,
      });
      for (const item of result.items)
        info(
          `${item.kind} ${item.name}: ${item.action}${item.note === undefined ? '' : ` (${item.note})`} — ${item.url}`,
        );
      setOutput('dashboard-id', result.dashboardId ?? '');
      setOutput('changed', String(result.items.filter((item) => item.action !== 'unchanged').length));
      setOutput('result', 'pass');
      appendSummary(
        [
          `### Monitoring: ${settings.service} (${settings.environment}) in Datadog`,
          '',
          '| what | name | result |',
          '|---|---|---|',
          ...result.items.map((item) => `| ${item.kind} | [${item.name}](${item.url}) | ${item.action} |`),
        ].join('\n'),
      );
      return;
    }
    // The provider's metric and label names also name the rules' series.
    const names = checkMetricsOptions('prometheus', settings.metrics.options);
    const rules = {
      service: settings.service,
      ...Object.fromEntries(Object.entries(names).filter(([key]) => RULE_OPTIONS.includes(key))),
      errorRateThreshold: settings.errorRateThreshold,
      p95LatencySeconds: settings.latencyP95Seconds,
    };
    const files = await writePrometheusSetup({ dir: settings.outputDirectory, rules });
    for (const file of files) info(`${file.path}: ${file.status}`);
    setOutput('files', files.map((file) => file.path).join('\n'));
    setOutput('changed', String(files.filter((file) => file.status !== 'unchanged').length));
    setOutput('result', 'pass');
    appendSummary(
      [
        `### Monitoring: ${settings.service} for Prometheus and Grafana`,
        '',
        ...files.map((file) => `- \`${file.path}\`: ${file.status}`),
        '',
        'Load the rules file in Prometheus (`rule_files:`) and import the dashboard in Grafana.',
      ].join('\n'),
    );
    return;
  }

  const target: MetricsTarget = {
    service: settings.service,
    // Without versions only the alerts are read; the labels below are never queried.
    canaryVersion: settings.version ?? 'unset-version',
    stableVersion: settings.stableVersion ?? 'unset-stable-version',
  };
  const metrics = createMetricsProvider(settings.metrics.name, settings.metrics.options, target, { log });
  const verdict =
    settings.mode === 'gate'
      ? await runGate(
          {
            version: settings.version,
            stableVersion: settings.stableVersion,
            windowSeconds: settings.windowSeconds,
            slowAboveSeconds: settings.slowAboveSeconds,
          },
          { metrics, log },
        )
      : await runWatch(
          {
            version: settings.version,
            durationSeconds: settings.durationSeconds,
            intervalSeconds: settings.intervalSeconds,
          },
          { metrics, log },
        );
  setOutput('result', verdict.result);
  setOutput('reason', verdict.reason);
  setOutput('firing', verdict.firing.map((alert) => alert.name).join(','));
  appendSummary(
    `### ${settings.mode === 'gate' ? 'Gate' : 'Watch'}: ${settings.service}${settings.version === undefined ? '' : ` ${settings.version}`}\n\n${verdict.result === 'pass' ? ':white_check_mark:' : ':x:'} ${verdict.reason}`,
  );
  if (verdict.result === 'fail') {
    error(`${settings.service}: ${verdict.reason}`);
    process.exitCode = 1;
  } else info(`${settings.service}: ${verdict.reason}`);
});
