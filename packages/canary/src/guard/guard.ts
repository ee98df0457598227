// The canary guard: reads each interval's counts of both arms and decides continue, advance, hold or roll back.
// Pure and deterministic: the same observations give the same verdicts, so a crashed rollout resumes by replaying.
import type { ArmCounts, FiringAlert } from '../../../metrics/src/provider.ts';
import type { GuardSettings } from './settings.ts';
import { MixtureSprt } from './sprt.ts';

export type Decision = 'continue' | 'advance' | 'hold' | 'rollback';

/** What the guard saw in one interval. */
export interface Observation {
  /** Seconds since the rollout started, at the end of the interval; non-decreasing. */
  t: number;
  /** The canary's configured traffic share in this interval, 0 < share ≤ 1; a change of share starts a new step. */
  share: number;
  /** Counts in this interval (deltas, not cumulative). */
  canary?: ArmCounts;
  baseline?: ArmCounts;
  /** The metrics read failed (after retries): counts absent. */
  error?: string;
  /** Alerts firing for the canary; any one rolls back. */
  alerts?: FiringAlert[];
}

export type Metric = 'errors' | 'slow';

/** The numbers behind one metric's part of a verdict, cumulative over the rollout. */
export interface MetricEvidence {
  canary: { events: number; requests: number; rate: number };
  baseline: { events: number; requests: number; rate: number };
  /** Mixture likelihood ratio that the canary is worse (ρ > 1) against ρ = 1; Infinity when it overflows. */
  likelihoodRatio: number;
  logLikelihoodRatio: number;
  /** The metric's share of the false-rollback budget, and the threshold 1/alpha. */
  alpha: number;
  threshold: number;
  /** L(ρ = 1) / L(ρ = advanceRho): evidence that the canary is not clearly worse. */
  advanceRatio: number;
  logAdvanceRatio: number;
}

export interface GuardEvidence {
  /** 0-based index of the step (each change of share is a new step). */
  step: number;
  share: number;
  /** Seconds since the step started. */
  stepElapsedSeconds: number;
  stepCanaryRequests: number;
  minCanaryRequests: number;
  /** Consecutive failed (or invalid) reads so far. */
  missingReads: number;
  errors: MetricEvidence;
  slow: MetricEvidence;
  /** Combined L(ρ = 1) / L(advanceRho) of both metrics, and what early advance needs. */
  advanceRatio: number;
  advanceThreshold: number;
  alerts: string[];
}

export interface Verdict {
  t: number;
  decision: Decision;
  reason: string;
  evidence: GuardEvidence;
}

const METRICS: readonly Metric[] = ['errors', 'slow'];

export class Guard {
  readonly #settings: GuardSettings;
  readonly #tests: Record<Metric, MixtureSprt>;
  readonly #totals = {
    canary: { requests: 0, errors: 0, slow: 0 },
    baseline: { requests: 0, errors: 0, slow: 0 },
  };
  readonly #logThreshold: number;
  #t = 0;
  #step = -1;
  #share = Number.NaN;
  #stepStart = 0;
  #stepRequests = 0;
  #missing = 0;
  #alerts: string[] = [];
  #rolledBack: { t: number; reason: string } | undefined;

  constructor(settings: GuardSettings) {
    this.#settings = settings;
    const test = (): MixtureSprt =>
      new MixtureSprt(settings.rhoGrid, settings.rhoWeights, settings.advanceRho);
    this.#tests = { errors: test(), slow: test() };
    this.#logThreshold = Math.log(METRICS.length / settings.alpha);
  }

  /** Time of the last valid observation (0 before any). */
  get t(): number {
    return this.#t;
  }

  /** Decides on one interval. Never throws: an invalid observation counts as a failed read. */
  observe(o: Observation): Verdict {
    const problem = observationProblem(o, this.#t);
    if (this.#rolledBack !== undefined) {
      const t = problem === undefined ? o.t : this.#t;
      if (problem === undefined) this.#t = o.t;
      return this.#verdict(
        t,
        'rollback',
        `rolled back at ${formatSeconds(this.#rolledBack.t)}: ${this.#rolledBack.reason}`,
      );
    }
    if (problem !== undefined) return this.failedRead(`invalid observation: ${problem}`);

    if (o.share !== this.#share) {
      // A new step: its clock starts where the previous interval ended.
      this.#step++;
      this.#share = o.share;
      this.#stepStart = this.#step === 0 ? 0 : this.#t;
      this.#stepRequests = 0;
    }
    this.#t = o.t;
    this.#alerts = (o.alerts ?? []).map((alert) => alert.name);
    if (this.#alerts.length > 0)
      return this.#rollback(`alert firing: ${(o.alerts ?? []).map(describeAlert).join(', ')}`);
    if (o.error !== undefined || o.canary === undefined || o.baseline === undefined)
      return this.#failed(o.error ?? 'no counts in the observation');

    this.#missing = 0;
    const { canary, baseline } = o;
    this.#stepRequests += canary.requests;
    for (const arm of ['canary', 'baseline'] as const) {
      const total = this.#totals[arm];
      const counts = arm === 'canary' ? canary : baseline;
      total.requests += counts.requests;
      total.errors += counts.errors;
      total.slow += counts.slow;
    }
    for (const metric of METRICS)
      this.#tests[metric].add(canary[metric], canary.requests, baseline[metric], baseline.requests);

    // Roll back as soon as either metric's evidence crosses 1/α.
    for (const metric of METRICS) {
      const log = this.#tests[metric].logRollbackRatio();
      if (log >= this.#logThreshold) return this.#rollback(this.#describe(metric, true), true);
    }

    const summary = `${this.#describe('errors', false)}; ${this.#describe('slow', false)}`;
    const where = `${formatSeconds(o.t - this.#stepStart)} into the ${formatShare(o.share)} step`;
    if (o.share >= 1) return this.#verdict(o.t, 'continue', `at 100%, watching: ${summary}`);

    const s = this.#settings;
    const elapsed = o.t - this.#stepStart;
    const enough = this.#stepRequests >= s.minCanaryRequests;
    if (s.earlyAdvance && enough && elapsed >= s.minStepSeconds) {
      const logs = METRICS.map((metric) => this.#tests[metric].logAdvanceRatio());
      const combined = logs.reduce((sum, log) => sum + log, 0);
      const quiet = METRICS.every((metric) => this.#tests[metric].logRollbackRatio() <= 0);
      if (
        quiet &&
        combined >= Math.log(s.advanceEvidence) &&
        logs.every((log) => log >= Math.log(s.advanceMetricEvidence))
      )
        return this.#verdict(
          o.t,
          'advance',
          `not worse (${where}): L(ρ=1)/L(ρ=${s.advanceRho}) over errors and slow ${formatRatio(Math.exp(combined))} ≥ ${formatRatio(s.advanceEvidence)}; ${summary} → advance early`,
        );
    }
    if (elapsed >= s.stepSeconds) {
      if (enough)
        return this.#verdict(
          o.t,
          'advance',
          `step done (${where}), no evidence of harm: ${summary} → advance`,
        );
      const held = elapsed - s.stepSeconds;
      const lacking = `the canary served ${formatCount(this.#stepRequests)} of the ${formatCount(s.minCanaryRequests)} requests needed in ${formatSeconds(elapsed)} at ${formatShare(o.share)}`;
      if (held > s.maxHoldSeconds)
        return this.#rollback(
          `not enough data: ${lacking}; held ${formatSeconds(held)} past the step's end (limit ${formatSeconds(s.maxHoldSeconds)})`,
        );
      return this.#verdict(o.t, 'hold', `not enough data to advance: ${lacking}; holding`);
    }
    return this.#verdict(o.t, 'continue', `${where}: ${summary}`);
  }

  /**
   * A read that gave no usable counts (the metrics backend failed, or the input was malformed): holds, and rolls
   * back after more than `maxMissingReads` in a row. Never advances.
   */
  failedRead(problem: string): Verdict {
    if (this.#rolledBack !== undefined)
      return this.#verdict(
        this.#t,
        'rollback',
        `rolled back at ${formatSeconds(this.#rolledBack.t)}: ${this.#rolledBack.reason}`,
      );
    return this.#failed(problem);
  }

  #failed(problem: string): Verdict {
    this.#missing++;
    const limit = this.#settings.maxMissingReads;
    if (this.#missing > limit)
      return this.#rollback(
        `metrics unreadable ${this.#missing} times in a row (limit ${limit}): ${problem}`,
      );
    return this.#verdict(
      this.#t,
      'hold',
      `metrics unreadable (${this.#missing} of ${limit} allowed in a row): ${problem}; holding`,
    );
  }

  #rollback(reason: string, arrow = false): Verdict {
    const full = arrow ? `${reason} → rollback` : reason;
    this.#rolledBack = { t: this.#t, reason: full };
    return this.#verdict(this.#t, 'rollback', full);
  }

  #describe(metric: Metric, crossed: boolean): string {
    const canary = this.#totals.canary;
    const baseline = this.#totals.baseline;
    const ratio = formatRatio(Math.exp(this.#tests[metric].logRollbackRatio()));
    const threshold = formatRatio(Math.exp(this.#logThreshold));
    const test = crossed
      ? `likelihood ratio ${ratio} ≥ ${threshold} (α ${formatNumber(this.#settings.alpha / METRICS.length)})`
      : `likelihood ratio ${ratio} < ${threshold}`;
    return `${metric}: canary ${formatCount(canary[metric])}/${formatCount(canary.requests)} (${formatPercent(canary[metric], canary.requests)}) vs baseline ${formatCount(baseline[metric])}/${formatCount(baseline.requests)} (${formatPercent(baseline[metric], baseline.requests)}); ${test}`;
  }

  #verdict(t: number, decision: Decision, reason: string): Verdict {
    return { t, decision, reason, evidence: this.#evidence() };
  }

  #evidence(): GuardEvidence {
    const s = this.#settings;
    const metric = (name: Metric): MetricEvidence => {
      const c = this.#totals.canary;
      const b = this.#totals.baseline;
      const log = this.#tests[name].logRollbackRatio();
      const advance = this.#tests[name].logAdvanceRatio();
      return {
        canary: { events: c[name], requests: c.requests, rate: c.requests > 0 ? c[name] / c.requests : 0 },
        baseline: { events: b[name], requests: b.requests, rate: b.requests > 0 ? b[name] / b.requests : 0 },
        likelihoodRatio: Math.exp(log),
        logLikelihoodRatio: log,
        alpha: s.alpha / METRICS.length,
        threshold: METRICS.length / s.alpha,
        advanceRatio: Math.exp(advance),
        logAdvanceRatio: advance,
      };
    };
    const errors = metric('errors');
    const slow = metric('slow');
    return {
      step: Math.max(0, this.#step),
      share: Number.isNaN(this.#share) ? 0 : this.#share,
      stepElapsedSeconds: this.#t - this.#stepStart,
      stepCanaryRequests: this.#stepRequests,
      minCanaryRequests: s.minCanaryRequests,
      missingReads: this.#missing,
      errors,
      slow,
      advanceRatio: Math.exp(errors.logAdvanceRatio + slow.logAdvanceRatio),
      advanceThreshold: s.advanceEvidence,
      alerts: this.#alerts,
    };
  }
}

/** Why an observation cannot be used after one at `lastT`, or undefined when it can. */
export function observationProblem(o: Observation, lastT: number): string | undefined {
  if (typeof o !== 'object' || o === null) return 'not an object';
  if (typeof o.t !== 'number' || !Number.isFinite(o.t) || o.t < 0)
    return `t must be seconds ≥ 0, not ${show(o.t)}`;
  if (o.t < lastT) return `t went backwards (${formatNumber(o.t)} after ${formatNumber(lastT)})`;
  if (typeof o.share !== 'number' || !(o.share > 0 && o.share <= 1))
    return `share must be above 0 and at most 1, not ${show(o.share)}`;
  if (o.error !== undefined && typeof o.error !== 'string') return 'error must be a string';
  if (o.alerts !== undefined) {
    if (!Array.isArray(o.alerts)) return 'alerts must be a list';
    for (const alert of o.alerts)
      if (typeof alert !== 'object' || alert === null || typeof alert.name !== 'string')
        return 'each alert needs a name';
  }
  if (o.error !== undefined) return undefined;
  for (const arm of ['canary', 'baseline'] as const) {
    const counts = o[arm];
    if (counts === undefined) continue;
    if (typeof counts !== 'object' || counts === null) return `${arm} must be counts`;
    for (const key of ['requests', 'errors', 'slow'] as const) {
      const value = counts[key];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
        return `${arm}.${key} must be a whole number ≥ 0, not ${show(value)}`;
    }
    if (counts.errors > counts.requests)
      return `${arm}.errors (${counts.errors}) exceeds ${arm}.requests (${counts.requests})`;
    if (counts.slow > counts.requests)
      return `${arm}.slow (${counts.slow}) exceeds ${arm}.requests (${counts.requests})`;
  }
  return undefined;
}

function show(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = typeof value === 'string' ? `'${value}'` : String(JSON.stringify(value));
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function describeAlert(alert: FiringAlert): string {
  return `${alert.name}${alert.version === undefined ? '' : ` (${alert.version})`}${alert.url === undefined ? '' : ` ${alert.url}`}`;
}

/** 7980 → '7,980' (no Intl: the benchmark formats millions of these). */
function formatCount(n: number): string {
  const text = String(Math.round(n));
  return text.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatPercent(events: number, requests: number): string {
  if (requests === 0) return '–';
  const p = (100 * events) / requests;
  return `${p >= 10 ? p.toFixed(1) : p.toFixed(2)}%`;
}

function formatShare(share: number): string {
  return `${formatNumber(share * 100)}%`;
}

function formatNumber(n: number): string {
  return String(Math.round(n * 10000) / 10000);
}

/** Likelihood ratios: 3 significant digits, powers of ten when huge or tiny. */
function formatRatio(r: number): string {
  if (r === Number.POSITIVE_INFINITY) return '∞';
  if (r >= 1e6 || (r > 0 && r < 0.001)) return r.toExponential(2).replace('e+', 'e');
  if (r >= 100) return formatCount(r);
  return String(Number(r.toPrecision(3)));
}

function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  const rest = s % 60;
  if (m < 60) return rest === 0 ? `${m}m` : `${m}m${rest}s`;
  const h = Math.floor(m / 60);
  return `${h}h${m % 60 === 0 ? '' : `${m % 60}m`}`;
}
