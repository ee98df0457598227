// What the canary guard reads from a metrics backend, behind one interface; providers are chosen by name.

/** Counts of one arm (stable baseline or canary) over one window. */
export interface ArmCounts {
  requests: number;
  /** Requests answered with a server error (5xx). */
  errors: number;
  /** Requests slower than the window's `slowAboveSeconds`. */
  slow: number;
}

/** The window to count, and the latency above which a request counts as slow. */
export interface CountsRequest {
  /** Start of the window (exclusive), epoch milliseconds. */
  from: number;
  /** End of the window (inclusive), epoch milliseconds. */
  to: number;
  /** Latency threshold in seconds, derived from the baseline before the rollout (see `latencyQuantile`). */
  slowAboveSeconds: number;
}

/** Both arms over one window, side by side. */
export interface WindowCounts {
  canary: ArmCounts;
  baseline: ArmCounts;
  /**
   * The threshold actually applied: a histogram-backed provider rounds up to a bucket bound, the same for both
   * arms, so the comparison stays fair.
   */
  slowAboveSeconds: number;
}

/** An alert that is firing now for the service (a Datadog monitor in Alert, a firing Prometheus alert rule). */
export interface FiringAlert {
  name: string;
  /** The version it is about, when its tags or labels say. */
  version?: string;
  url?: string;
}

/** Which service and which two versions to compare. Versions are the `version` label or tag values. */
export interface MetricsTarget {
  service: string;
  stableVersion: string;
  canaryVersion: string;
}

/**
 * A metrics backend. Every method retries transient failures itself (timeouts, 5xx, 429 with Retry-After or
 * X-RateLimit-Reset) within a bounded budget, then throws MetricsUnavailableError; it never answers zeros for
 * data it could not read.
 */
export interface MetricsProvider {
  readonly name: string;
  /** Counts of both arms in (from, to]: raw counter increases, never extrapolated. */
  counts(request: CountsRequest): Promise<WindowCounts>;
  /**
   * The `quantile` (0–1) of one version's request latency in seconds over (from, to], or undefined when that
   * version served no requests in the window.
   */
  latencyQuantile(version: string, quantile: number, from: number, to: number): Promise<number | undefined>;
  /** Alerts firing now for the target's service (any version). */
  firingAlerts(): Promise<FiringAlert[]>;
}

/** The metrics backend could not be read, after retries. The guard counts it as missing data, never as success. */
export class MetricsUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MetricsUnavailableError';
  }
}
