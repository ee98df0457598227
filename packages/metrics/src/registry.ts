// Metrics providers by name, with their options checked: the options come from YAML a user wrote.
import { type Clock, InputError, type Logger } from '@flowkit/core';
import { createDatadogProvider, type DatadogProviderOptions } from './datadog/provider.ts';
import { createPrometheusProvider, type PrometheusProviderOptions } from './prometheus/provider.ts';
import type { MetricsProvider, MetricsTarget } from './provider.ts';

type Kind = 'string' | 'number' | 'object' | 'string[]';

/** Each provider's options and their kinds, as written in `metrics-options` (kebab-case or camelCase). */
export const METRICS_PROVIDERS: Record<string, Record<string, Kind>> = {
  prometheus: {
    url: 'string',
    bearerToken: 'string',
    basicAuth: 'object',
    headers: 'object',
    requestsMetric: 'string',
    durationMetric: 'string',
    versionLabel: 'string',
    serviceLabel: 'string',
    extraMatchers: 'string',
    statusLabel: 'string',
    errorStatusRegex: 'string',
    routeLabel: 'string',
    includeRoutes: 'string',
    excludeRoutes: 'string',
    alertServiceLabels: 'string[]',
    timeoutMs: 'number',
  },
  datadog: {
    site: 'string',
    apiUrl: 'string',
    appUrl: 'string',
    apiKey: 'string',
    appKey: 'string',
    timeoutMs: 'number',
    queries: 'object',
    monitorTags: 'string[]',
  },
};

function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

function kindOf(value: unknown): Kind | 'other' {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number' && Number.isFinite(value)) return 'number';
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string') ? 'string[]' : 'other';
  if (typeof value === 'object' && value !== null) return 'object';
  return 'other';
}

/** Checks `options` against the provider's list; throws InputError naming `metrics-options` and the option. */
export function checkMetricsOptions(name: string, options: Record<string, unknown>): Record<string, unknown> {
  const known = METRICS_PROVIDERS[name];
  if (known === undefined)
    throw new InputError(
      'metrics',
      `names no metrics provider: '${name.slice(0, 40)}'`,
      `Use one of: ${Object.keys(METRICS_PROVIDERS).join(', ')}.`,
    );
  const checked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    const option = camel(key);
    const kind = known[option];
    if (kind === undefined)
      throw new InputError(
        'metrics-options',
        `has an option ${name} does not know: '${key}'`,
        `Known options: ${Object.keys(known).join(', ')}.`,
      );
    if (kindOf(value) !== kind)
      throw new InputError(
        'metrics-options',
        `'${key}' must be a ${kind === 'string[]' ? 'list of strings' : kind}`,
        `Fix '${key}' in metrics-options.`,
      );
    checked[option] = value;
  }
  return checked;
}

/** A provider by name over `target`, its options checked first. */
export function createMetricsProvider(
  name: string,
  options: Record<string, unknown>,
  target: MetricsTarget,
  deps: { log?: Logger; clock?: Clock } = {},
): MetricsProvider {
  const checked = checkMetricsOptions(name, options);
  if (name === 'prometheus') {
    if (typeof checked.url !== 'string' || !/^https?:\/\/\S+$/.test(checked.url))
      throw new InputError(
        'prometheus-url',
        `is not an http(s) URL: '${String(checked.url ?? '').slice(0, 60)}'`,
        "Set 'prometheus-url: https://prometheus.example.com'.",
      );
    return createPrometheusProvider({
      ...(checked as unknown as PrometheusProviderOptions),
      target,
      ...deps,
    });
  }
  return createDatadogProvider({ ...(checked as unknown as DatadogProviderOptions), target, ...deps });
}
