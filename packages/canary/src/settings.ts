// Reads and checks every canary-promote input into one settings object, before any traffic moves.
import { InputError, isRecord, parseJsonOrYaml, SyntaxProblem } from '@flowkit/core';
import { checkSlackApiUrl, checkSlackToken, SLACK_API_URL } from '@flowkit/slack';
import type { GuardSettings } from './guard/index.ts';
import { type CanaryPlan, DEFAULT_PLAN, readPlan } from './rollout/plan.ts';

/** Every input of the canary-promote action, as its action.yml declares them. */
export const PROMOTE_INPUTS = [
  'service',
  'version',
  'stable-version',
  'environment',
  'commit',
  'deployment-id',
  'steps',
  'duration',
  'min-step',
  'early-advance',
  'watch',
  'interval',
  'false-rollback-budget',
  'latency-threshold',
  'metrics',
  'metrics-options',
  'prometheus-url',
  'datadog-api-key',
  'datadog-app-key',
  'datadog-site',
  'traffic',
  'traffic-options',
  'slack-token',
  'slack-channel',
  'slack-thread-ts',
  'slack-api-url',
  'github-token',
] as const;

export type PromoteInputName = (typeof PROMOTE_INPUTS)[number];

export interface CanaryPromoteSettings {
  service: string;
  version: string;
  stableVersion: string;
  environment: string;
  commit: string;
  deploymentId: number | undefined;
  plan: CanaryPlan;
  guard: Partial<GuardSettings>;
  slowAboveSeconds: number | undefined;
  metrics: { name: string; options: Record<string, unknown> };
  traffic: { name: string; options: Record<string, unknown> };
  slack: { token: string; channel: string; threadTs: string | undefined; apiUrl: string } | undefined;
  githubToken: string;
}

/** A service or environment name as metrics and GitHub write them. */
export const SERVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
/** A version label or tag value. */
export const VERSION_LABEL = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$/;
const SHA = /^[0-9a-f]{40}$/;

/** Checks every input; throws InputError for the first problem found. Touches nothing. */
export async function readPromoteSettings(
  input: (name: PromoteInputName) => string,
  run: { sha: string },
): Promise<CanaryPromoteSettings> {
  const required = (name: PromoteInputName, fix: string): string => {
    const value = input(name);
    if (value === '') throw new InputError(name, 'is required and was not given', fix);
    return value;
  };
  const service = required('service', "Name the service as its metrics do, e.g. 'service: dashboard'.");
  if (!SERVICE_NAME.test(service))
    throw new InputError(
      'service',
      `is not a service name: '${service.slice(0, 40)}'`,
      'Use letters, digits, . _ and -.',
    );
  const version = checkVersion(
    'version',
    required('version', "Set 'version:' to the canary's version label, e.g. the commit or tag."),
  );
  const stableVersion = checkVersion(
    'stable-version',
    required('stable-version', "Set 'stable-version:' to the version serving production now."),
  );
  if (version === stableVersion)
    throw new InputError(
      'version',
      `is the same as 'stable-version' (${version})`,
      'The canary must be a different version from stable.',
    );
  const environment = input('environment') || 'production';
  if (!SERVICE_NAME.test(environment))
    throw new InputError(
      'environment',
      `is not an environment name: '${environment.slice(0, 40)}'`,
      "Use the GitHub environment's name, e.g. production.",
    );
  const commit = input('commit') || run.sha;
  if (!SHA.test(commit))
    throw new InputError(
      'commit',
      `is not a full commit SHA: '${commit.slice(0, 40)}'`,
      'Pass the 40-character SHA being released (default github.sha).',
    );
  const deploymentText = input('deployment-id');
  if (deploymentText !== '' && !/^[1-9]\d{0,15}$/.test(deploymentText))
    throw new InputError(
      'deployment-id',
      `is not a deployment id: '${deploymentText.slice(0, 40)}'`,
      'Leave it empty to use the job’s own deployment.',
    );

  const plan = readPlan(
    {
      steps: input('steps'),
      duration: input('duration'),
      'min-step': input('min-step'),
      'early-advance': input('early-advance'),
      watch: input('watch'),
      interval: input('interval'),
    },
    DEFAULT_PLAN,
  );
  const guard: Partial<GuardSettings> = {};
  const budget = input('false-rollback-budget');
  if (budget !== '') {
    const value = Number(budget.replace(/%$/, '')) / (budget.endsWith('%') ? 100 : 1);
    if (!/^\d*\.?\d+%?$/.test(budget) || !(value > 0 && value <= 0.2))
      throw new InputError(
        'false-rollback-budget',
        `must be a probability above 0 and at most 0.2, not '${budget}'`,
        "Write e.g. 'false-rollback-budget: 0.01' (1% of healthy rollouts rolled back by chance).",
      );
    guard.alpha = value;
  }
  const slowAboveSeconds = parseLatency(
    'latency-threshold',
    input('latency-threshold'),
    "Leave it empty to use stable's own p99 latency.",
  );

  const metrics = await readMetricsInputs(input);

  const trafficName = required('traffic', "Name the traffic driver: 'nginx', 'gateway-api' or 'command'.");
  const trafficOptions = await readOptions('traffic-options', input('traffic-options'));

  const slackToken = input('slack-token');
  const slackChannel = input('slack-channel');
  if ((slackToken === '') !== (slackChannel === ''))
    throw new InputError(
      slackToken === '' ? 'slack-token' : 'slack-channel',
      'is needed with the other Slack input',
      "Give both 'slack-token' and 'slack-channel', or neither.",
    );
  const threadTs = input('slack-thread-ts') || undefined;
  if (threadTs !== undefined && !/^\d{9,11}\.\d{1,6}$/.test(threadTs))
    throw new InputError(
      'slack-thread-ts',
      `is not a Slack message ts: '${threadTs.slice(0, 40)}'`,
      "Pass slack-notify's 'ts' output.",
    );

  const githubToken = required(
    'github-token',
    "Set 'github-token: ${{ github.token }}' (needs deployments: write).",
  );
  return {
    service,
    version,
    stableVersion,
    environment,
    commit,
    deploymentId: deploymentText === '' ? undefined : Number(deploymentText),
    plan,
    guard,
    slowAboveSeconds,
    metrics,
    traffic: { name: trafficName, options: trafficOptions },
    slack:
      slackToken === ''
        ? undefined
        : {
            token: checkSlackToken('slack-token', slackToken),
            channel: slackChannel,
            threadTs,
            apiUrl: checkSlackApiUrl('slack-api-url', input('slack-api-url') || SLACK_API_URL),
          },
    githubToken,
  };
}

/** The inputs that choose and configure the metrics provider, shared by canary-promote and monitor-guard. */
export type MetricsInputName =
  | 'metrics'
  | 'metrics-options'
  | 'prometheus-url'
  | 'datadog-api-key'
  | 'datadog-app-key'
  | 'datadog-site';

/** Reads the provider's name and options; secrets go into the options, never into a message. */
export async function readMetricsInputs(
  input: (name: MetricsInputName) => string,
  needsUrl = true,
): Promise<{ name: string; options: Record<string, unknown> }> {
  const metricsName = input('metrics') || (input('datadog-api-key') !== '' ? 'datadog' : 'prometheus');
  const metricsOptions = await readOptions('metrics-options', input('metrics-options'));
  if (metricsName === 'prometheus') {
    const url = input('prometheus-url') || (metricsOptions.url as string | undefined) || '';
    if (url === '' && needsUrl)
      throw new InputError(
        'prometheus-url',
        'is required with metrics: prometheus',
        "Set 'prometheus-url: https://prometheus.example.com'.",
      );
    if (url !== '') metricsOptions.url = url;
  } else if (metricsName === 'datadog') {
    for (const name of ['datadog-api-key', 'datadog-app-key'] as const)
      if (input(name) === '')
        throw new InputError(
          name,
          'is required with metrics: datadog',
          `Set '${name}: \${{ secrets.${name.toUpperCase().replaceAll('-', '_')} }}'.`,
        );
    metricsOptions.apiKey = input('datadog-api-key');
    metricsOptions.appKey = input('datadog-app-key');
    if (input('datadog-site') !== '') metricsOptions.site = input('datadog-site');
  } else {
    throw new InputError(
      'metrics',
      `names no metrics provider: '${metricsName.slice(0, 40)}'`,
      "Use 'prometheus' or 'datadog'.",
    );
  }

  return { name: metricsName, options: metricsOptions };
}

/** '300ms' or '1.5s' as seconds (above 0, at most 600); '' gives undefined. */
export function parseLatency(name: string, text: string, fix: string): number | undefined {
  if (text === '') return undefined;
  const match = /^(\d*\.?\d+)(ms|s)$/.exec(text);
  const value = match ? Number(match[1]) / (match[2] === 'ms' ? 1000 : 1) : Number.NaN;
  if (!(value > 0 && value <= 600))
    throw new InputError(name, `must be a duration like 300ms or 1.5s, not '${text.slice(0, 40)}'`, fix);
  return value;
}

function checkVersion(name: PromoteInputName, value: string): string {
  if (!VERSION_LABEL.test(value))
    throw new InputError(
      name,
      `is not a version label: '${value.slice(0, 40)}'`,
      'Use the value of the version label or tag your metrics carry (letters, digits, . _ + -).',
    );
  return value;
}

async function readOptions(
  name: PromoteInputName | MetricsInputName,
  text: string,
): Promise<Record<string, unknown>> {
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = await parseJsonOrYaml(text);
  } catch (error) {
    if (error instanceof SyntaxProblem)
      throw new InputError(
        name,
        `is not YAML or JSON: ${error.message}`,
        'Write a YAML mapping of option: value lines.',
      );
    throw error;
  }
  if (!isRecord(parsed))
    throw new InputError(name, 'must be a mapping of option: value', 'Write one option: value per line.');
  return { ...parsed };
}
