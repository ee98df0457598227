// Datadog's sites, in a module of their own: light enough for the CLI's start-up (the client loads Datadog's SDK).

/** Datadog's sites (docs.datadoghq.com/getting_started/site). */
export const DATADOG_SITES: readonly string[] = [
  'datadoghq.com',
  'us3.datadoghq.com',
  'us5.datadoghq.com',
  'ap1.datadoghq.com',
  'ap2.datadoghq.com',
  'uk1.datadoghq.com',
  'datadoghq.eu',
  'ddog-gov.com',
  'us2.ddog-gov.com',
];
