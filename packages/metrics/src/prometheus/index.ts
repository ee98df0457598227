// Prometheus: the canary guard's metrics provider and the alerting set-up for `monitor-guard setup`.
export { createPrometheusProvider, type PrometheusProviderOptions } from './provider.ts';
export {
  GRAFANA_DEPLOYMENT_TAG,
  type GrafanaDashboard,
  type GrafanaDashboardOptions,
  type GrafanaPanel,
  grafanaDashboard,
  PROMETHEUS_ALERT_NAMES,
  type PrometheusRulesOptions,
  type PrometheusSetupOptions,
  prometheusAlertRules,
  prometheusQueries,
  type WrittenFile,
  writePrometheusSetup,
} from './setup.ts';
