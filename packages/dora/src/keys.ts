// DORA's four keys (plus ticket lead time) over a half-open window [from, to), with trend series.
// Pure: no clock, no I/O; the same history in any order gives the same result.
import { InputError } from '@flowkit/core';
import {
  type Band,
  bandChangeFailureRate,
  bandDeploymentFrequency,
  bandLeadTime,
  bandTimeToRestore,
} from './bands.ts';
import { type DeploymentEvent, type DoraHistory, type IncidentEvent, validateHistory } from './events.ts';
import { DAY, WEEK } from './units.ts';

export type BucketSize = 'day' | 'week' | 'month';

export interface DoraOptions {
  /** Window start, inclusive (epoch ms). */
  from: number;
  /** Window end, exclusive (epoch ms). */
  to: number;
  /** Deployments of this environment are measured; default `production`. */
  environment?: string;
  /** Trend bucket size (UTC calendar days, ISO weeks starting Monday, calendar months); default `week`. */
  bucket?: BucketSize;
}

/** Nearest-rank percentile: the smallest sample with at least p% of the samples ≤ it, i.e. sorted[ceil(p/100·n) − 1]. */
export function nearestRank(samples: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new InputError('percentile', `is ${p}`, 'Use a percentile in (0, 100].');
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[rank - 1] ?? null;
}

/** Durations summarised by nearest-rank median (p50) and p90. */
export interface DurationStats {
  /** Nearest-rank p50, ms; null when there are no samples. */
  median: number | null;
  /** Nearest-rank p90, ms; null when there are no samples. */
  p90: number | null;
  samples: number;
}

function stats(samples: readonly number[]): DurationStats {
  return { median: nearestRank(samples, 50), p90: nearestRank(samples, 90), samples: samples.length };
}

export interface DeploymentFrequency {
  /** Successful deployments per day; null (with `reason`) when there were none. */
  value: number | null;
  reason: string | null;
  /** Successful deployments finished in the window, redeploys included. */
  count: number;
  perDay: number | null;
  perWeek: number | null;
  /** Of `count`, deployments that brought no new commits (counted, but no lead-time samples). */
  redeploys: number;
  /** Window length in ms (the denominator of `perDay`). */
  windowMs: number;
}

export interface LeadTime extends DurationStats {
  /** Median lead time in ms; null (with `reason`) when no commit reached the environment in the window. */
  value: number | null;
  reason: string | null;
  /** Samples whose commit time was after the deployment finished (clamped to 0, still in `samples`). */
  skewed: number;
}

export interface ChangeFailureRate {
  /** failedChanges ÷ attempted, in [0, 1]; null (with `reason`) when nothing was attempted. */
  value: number | null;
  reason: string | null;
  /** Deployments (any outcome) finished in the window. */
  attempted: number;
  /** Attempted deployments that failed, were rolled back, or caused ≥ 1 incident; each counted once. */
  failedChanges: number;
  /** Attempted deployments with outcome `failure` or `rolled-back`. */
  failedDeployments: number;
  /** Attempted deployments with outcome `success` that caused ≥ 1 incident. */
  successfulWithIncident: number;
  /** Incidents opened in the window that no deployment could be attributed to (not in the rate). */
  unattributedIncidents: number;
}

export interface TimeToRestore extends DurationStats {
  /** Median restore time of the restored failures, ms; null (with `reason`) when none was restored. */
  value: number | null;
  reason: string | null;
  /** Failures in the window: incidents opened + failed/rolled-back deployments without an incident. */
  failures: number;
  /** Failures with no restore yet (counted, not dropped). */
  open: number;
}

export interface TicketLeadTime extends DurationStats {
  value: number | null;
  reason: string | null;
  /** Tickets released before they were created (clamped to 0, still in `samples`). */
  skewed: number;
  /** Tickets created before `to` that are not released by `to`. */
  unreleased: number;
}

export interface DoraKeys {
  deploymentFrequency: DeploymentFrequency;
  leadTime: LeadTime;
  changeFailureRate: ChangeFailureRate;
  timeToRestore: TimeToRestore;
  ticketLeadTime: TicketLeadTime;
}

export interface DoraBands {
  deploymentFrequency: Band | null;
  leadTime: Band | null;
  changeFailureRate: Band | null;
  timeToRestore: Band | null;
}

export interface DoraSeriesPoint extends DoraKeys {
  /** Bucket start (inclusive, clipped to the window). */
  start: number;
  /** Bucket end (exclusive, clipped to the window). */
  end: number;
  /** `YYYY-MM-DD` (day, week start) or `YYYY-MM` (month), UTC. */
  label: string;
}

export interface DoraResult extends DoraKeys {
  service: string;
  environment: string;
  from: number;
  to: number;
  bucket: BucketSize;
  bands: DoraBands;
  series: DoraSeriesPoint[];
}

const inWindow = (t: number, from: number, to: number): boolean => t >= from && t < to;

/** Deterministic order (time, then id) so the input order never matters. */
function byFinish(a: DeploymentEvent, b: DeploymentEvent): number {
  return a.finishedAt - b.finishedAt || a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Everything about the history that does not depend on the window, computed once. */
interface Prepared {
  deployments: DeploymentEvent[];
  /** Lead-time samples per successful deployment id: [leadMs, skewed]. */
  leadSamples: Map<string, { ms: number; skewed: boolean }[]>;
  /** Incident id → attributed deployment (environment-filtered), or undefined. */
  attribution: Map<string, DeploymentEvent | undefined>;
  /** Deployment id → its incidents. */
  incidentsOf: Map<string, IncidentEvent[]>;
  incidents: IncidentEvent[];
  history: DoraHistory;
}

function prepare(history: DoraHistory, environment: string): Prepared {
  const deployments = history.deployments.filter((d) => d.environment === environment).sort(byFinish);
  const byId = new Map(history.deployments.map((d) => [d.id, d]));

  // Lead time: a commit's lead time ends at the FIRST successful deployment (by finish time) that carries it;
  // failed / rolled-back deployments never end it, and a later successful deployment repeating it adds nothing.
  const leadSamples = new Map<string, { ms: number; skewed: boolean }[]>();
  const delivered = new Set<string>();
  for (const d of deployments) {
    if (d.outcome !== 'success') continue;
    const samples: { ms: number; skewed: boolean }[] = [];
    const shas = [...d.commits].sort((a, b) => a.at - b.at || (a.sha < b.sha ? -1 : a.sha > b.sha ? 1 : 0));
    for (const c of shas) {
      if (delivered.has(c.sha)) continue;
      delivered.add(c.sha);
      const ms = d.finishedAt - c.at;
      samples.push({ ms: Math.max(0, ms), skewed: ms < 0 });
    }
    leadSamples.set(d.id, samples);
  }

  // Incident attribution: explicit deploymentId, else the latest deployment that reached the environment
  // (success or rolled-back) started at or before the incident opened.
  const reached = deployments
    .filter((d) => d.outcome !== 'failure')
    .sort((a, b) => a.startedAt - b.startedAt || byFinish(a, b));
  const incidents = [...history.incidents].sort(
    (a, b) => a.openedAt - b.openedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const attribution = new Map<string, DeploymentEvent | undefined>();
  const incidentsOf = new Map<string, IncidentEvent[]>();
  for (const incident of incidents) {
    let cause: DeploymentEvent | undefined;
    if (incident.deploymentId !== undefined) {
      const named = byId.get(incident.deploymentId);
      cause = named?.environment === environment ? named : undefined;
    } else {
      for (const d of reached) {
        if (d.startedAt <= incident.openedAt) cause = d;
        else break;
      }
    }
    attribution.set(incident.id, cause);
    if (cause) incidentsOf.set(cause.id, [...(incidentsOf.get(cause.id) ?? []), incident]);
  }
  return { deployments, leadSamples, attribution, incidentsOf, incidents, history };
}

function keysFor(p: Prepared, from: number, to: number): DoraKeys {
  const attempted = p.deployments.filter((d) => inWindow(d.finishedAt, from, to));
  const successes = attempted.filter((d) => d.outcome === 'success');

  // Deployment frequency.
  const windowMs = to - from;
  const count = successes.length;
  const deploymentFrequency: DeploymentFrequency = {
    value: count === 0 ? null : (count * DAY) / windowMs,
    reason: count === 0 ? 'no successful deployments in the window' : null,
    count,
    perDay: count === 0 ? null : (count * DAY) / windowMs,
    perWeek: count === 0 ? null : (count * WEEK) / windowMs,
    redeploys: successes.filter((d) => d.commits.length === 0).length,
    windowMs,
  };

  // Lead time for changes.
  const lead = successes.flatMap((d) => p.leadSamples.get(d.id) ?? []);
  const leadStats = stats(lead.map((s) => s.ms));
  const leadTime: LeadTime = {
    ...leadStats,
    value: leadStats.median,
    reason: lead.length === 0 ? 'no new commits reached the environment in the window' : null,
    skewed: lead.filter((s) => s.skewed).length,
  };

  // Change failure rate (per deployment, so a rolled-back deployment with an incident counts once).
  let failedChanges = 0;
  let failedDeployments = 0;
  let successfulWithIncident = 0;
  for (const d of attempted) {
    const hasIncident = (p.incidentsOf.get(d.id)?.length ?? 0) > 0;
    if (d.outcome !== 'success') failedDeployments++;
    else if (hasIncident) successfulWithIncident++;
    if (d.outcome !== 'success' || hasIncident) failedChanges++;
  }
  const openedIncidents = p.incidents.filter((i) => inWindow(i.openedAt, from, to));
  const changeFailureRate: ChangeFailureRate = {
    value: attempted.length === 0 ? null : failedChanges / attempted.length,
    reason: attempted.length === 0 ? 'no deployments attempted in the window' : null,
    attempted: attempted.length,
    failedChanges,
    failedDeployments,
    successfulWithIncident,
    unattributedIncidents: openedIncidents.filter((i) => p.attribution.get(i.id) === undefined).length,
  };

  // Time to restore: one failure per incident opened in the window (opened → resolved), plus one per
  // failed/rolled-back deployment in the window that has no incident (finished → next successful deployment
  // finished at or after it, looked up in the whole history).
  const restored: number[] = [];
  let failures = 0;
  for (const incident of openedIncidents) {
    failures++;
    if (incident.resolvedAt !== undefined) restored.push(incident.resolvedAt - incident.openedAt);
  }
  for (const d of attempted) {
    if (d.outcome === 'success' || (p.incidentsOf.get(d.id)?.length ?? 0) > 0) continue;
    failures++;
    const next = p.deployments.find((n) => n.outcome === 'success' && n.finishedAt >= d.finishedAt);
    if (next) restored.push(next.finishedAt - d.finishedAt);
  }
  const restoreStats = stats(restored);
  const timeToRestore: TimeToRestore = {
    ...restoreStats,
    value: restoreStats.median,
    reason:
      failures === 0
        ? 'no failures in the window'
        : restored.length === 0
          ? `no failure restored yet (${failures} open)`
          : null,
    failures,
    open: failures - restored.length,
  };

  // Ticket lead time (created → released), by release time.
  const released = p.history.tickets.filter(
    (t) => t.releasedAt !== undefined && inWindow(t.releasedAt, from, to),
  );
  const ticketMs = released.map((t) => (t.releasedAt ?? 0) - t.createdAt);
  const ticketStats = stats(ticketMs.map((ms) => Math.max(0, ms)));
  const ticketLeadTime: TicketLeadTime = {
    ...ticketStats,
    value: ticketStats.median,
    reason: released.length === 0 ? 'no tickets released in the window' : null,
    skewed: ticketMs.filter((ms) => ms < 0).length,
    unreleased: p.history.tickets.filter(
      (t) => t.createdAt < to && (t.releasedAt === undefined || t.releasedAt >= to),
    ).length,
  };

  return { deploymentFrequency, leadTime, changeFailureRate, timeToRestore, ticketLeadTime };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The UTC start of the bucket containing `t`, and of the next one. */
function bucketBounds(t: number, size: BucketSize): { start: number; next: number; label: string } {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  if (size === 'month') {
    return { start: Date.UTC(y, m, 1), next: Date.UTC(y, m + 1, 1), label: `${y}-${pad(m + 1)}` };
  }
  let start = Date.UTC(y, m, d.getUTCDate());
  if (size === 'week') start -= ((d.getUTCDay() + 6) % 7) * DAY; // back to Monday
  const s = new Date(start);
  const label = `${s.getUTCFullYear()}-${pad(s.getUTCMonth() + 1)}-${pad(s.getUTCDate())}`;
  return { start, next: start + (size === 'week' ? WEEK : DAY), label };
}

/** UTC buckets covering [from, to), the first and last clipped to the window. */
export function buckets(
  from: number,
  to: number,
  size: BucketSize,
): { start: number; end: number; label: string }[] {
  const out: { start: number; end: number; label: string }[] = [];
  let t = from;
  while (t < to) {
    const b = bucketBounds(t, size);
    const end = Math.min(b.next, to);
    out.push({ start: Math.max(b.start, from), end, label: b.label });
    t = end;
  }
  return out;
}

/** Largest number of trend buckets computed (a daily series over ~5 years); larger windows need a bigger bucket. */
export const MAX_BUCKETS = 2000;

/** DORA's four keys, ticket lead time, their bands and a trend series, for one service over [from, to). */
export function computeDora(history: DoraHistory, options: DoraOptions): DoraResult {
  const { from, to } = options;
  if (!Number.isFinite(from) || !Number.isFinite(to) || from >= to) {
    throw new InputError(
      'window',
      `[${from}, ${to}) is empty or not finite`,
      'Pass finite epoch-ms with from < to.',
    );
  }
  const environment = options.environment ?? 'production';
  const bucket = options.bucket ?? 'week';
  if (!['day', 'week', 'month'].includes(bucket)) {
    throw new InputError('bucket', `is '${String(bucket)}'`, 'Use day, week or month.');
  }
  const approx = bucket === 'day' ? DAY : bucket === 'week' ? WEEK : 28 * DAY;
  if ((to - from) / approx > MAX_BUCKETS) {
    throw new InputError(
      'bucket',
      `'${bucket}' gives more than ${MAX_BUCKETS} buckets for this window`,
      'Use a larger bucket.',
    );
  }
  validateHistory(history);
  const prepared = prepare(history, environment);
  const keys = keysFor(prepared, from, to);
  const series = buckets(from, to, bucket).map((b) => ({ ...b, ...keysFor(prepared, b.start, b.end) }));
  return {
    service: history.service,
    environment,
    from,
    to,
    bucket,
    ...keys,
    bands: bandsOf(keys),
    series,
  };
}

/** The DORA band of each key (null when the key has no data). */
export function bandsOf(keys: DoraKeys): DoraBands {
  const df = keys.deploymentFrequency;
  return {
    deploymentFrequency: df.count === 0 ? null : bandDeploymentFrequency(df.count, df.windowMs),
    leadTime: keys.leadTime.value === null ? null : bandLeadTime(keys.leadTime.value),
    changeFailureRate:
      keys.changeFailureRate.value === null ? null : bandChangeFailureRate(keys.changeFailureRate.value),
    timeToRestore: keys.timeToRestore.value === null ? null : bandTimeToRestore(keys.timeToRestore.value),
  };
}
