// `npm run bench:guard`: a seeded Monte-Carlo simulation of canary rollouts under the guard's defaults; prints the
// table and writes bench/guard-results.md. BENCH_RUNS (default 2000) sets the runs per scenario.
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Guard, type GuardSettings, guardSettings } from '../packages/canary/src/guard/index.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 2000);
const RATE = 50; // requests per second, both arms together
const BASE_ERROR = 0.005;
const BASE_SLOW = 0.01; // the slow threshold is the baseline's p99
const STEPS = [0.01, 0.05, 0.1, 0.5];
const STEP_SECONDS = 720;
const INTERVAL = Number(process.env.BENCH_INTERVAL ?? 15);
const MAX_SECONDS = 4 * 3600;
const SIGMA = 0.5; // lognormal latency σ
const LATENCY_FACTOR = 1.25;
const Z99 = 2.3263478740408408;

// ---- seeded randomness ------------------------------------------------------------------------------------------

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Poisson: inversion below a mean of 30, the normal approximation above (request counts only). */
function poisson(random: () => number, mean: number): number {
  if (mean <= 0) return 0;
  if (mean >= 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(random)));
  let k = 0;
  let p = Math.exp(-mean);
  let cdf = p;
  const u = random();
  while (u > cdf && k < 1000) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

/** Binomial by inversion (exact) while n·p < 50, else the normal approximation. */
function binomial(random: () => number, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (n * p >= 50) {
    const k = Math.round(n * p + Math.sqrt(n * p * (1 - p)) * normal(random));
    return Math.min(n, Math.max(0, k));
  }
  const q = 1 - p;
  const r = p / q;
  let pmf = q ** n;
  let cdf = pmf;
  let k = 0;
  const u = random();
  while (u > cdf && k < n) {
    pmf *= (r * (n - k)) / (k + 1);
    k++;
    cdf += pmf;
  }
  return k;
}

/** Standard normal upper tail, from erfc (Abramowitz–Stegun 7.1.26, error < 1.5e-7). */
function upperTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erfc =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) *
    Math.exp(-x * x);
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

// ---- scenarios --------------------------------------------------------------------------------------------------

/** The latency model: lognormal(μ, σ = 0.5); slow = above the baseline's p99; the canary is LATENCY_FACTOR slower. */
const CANARY_SLOW = upperTail(Z99 - Math.log(LATENCY_FACTOR) / SIGMA);

interface Scenario {
  name: string;
  healthy: boolean;
  /** What blast radius counts: the canary's failed requests, or its slow ones. */
  harm: 'errors' | 'slow';
  errorFactor: number;
  slowFactor: number;
  /** Baseline error rate in (from, to], shared by both arms; bursts are drawn per run. */
  errorRate: (from: number, to: number, bursts: Float64Array) => number;
  bursts: boolean;
  bound?: number;
  target?: number;
}

const constant = (): number => BASE_ERROR;
const DRIFT_SECONDS = 48 * 60;
const drift = (from: number, to: number): number => {
  const at = (from + to) / 2;
  return 0.0025 + (0.01 - 0.0025) * Math.min(1, at / DRIFT_SECONDS);
};
const BURST_SECONDS = 30;
const BURST_FACTOR = 10;
const BURSTS_PER_SECOND = 1 / 600;
const bursty = (from: number, to: number, bursts: Float64Array): number => {
  let covered = 0;
  for (const start of bursts) {
    const overlap = Math.min(to, start + BURST_SECONDS) - Math.max(from, start);
    if (overlap > 0) covered += overlap;
  }
  const f = Math.min(1, covered / (to - from));
  return BASE_ERROR * (1 + (BURST_FACTOR - 1) * f);
};

const SCENARIOS: Scenario[] = [
  {
    name: 'healthy',
    healthy: true,
    harm: 'errors',
    errorFactor: 1,
    slowFactor: 1,
    errorRate: constant,
    bursts: false,
  },
  {
    name: 'healthy, drifting baseline (0.25% → 1%)',
    healthy: true,
    harm: 'errors',
    errorFactor: 1,
    slowFactor: 1,
    errorRate: drift,
    bursts: false,
  },
  {
    name: 'healthy, shared error bursts (10× for 30 s, 1 per 10 min)',
    healthy: true,
    harm: 'errors',
    errorFactor: 1,
    slowFactor: 1,
    errorRate: bursty,
    bursts: true,
  },
  {
    name: '2× errors',
    healthy: false,
    harm: 'errors',
    errorFactor: 2,
    slowFactor: 1,
    errorRate: constant,
    bursts: false,
    bound: 21.5,
    target: 36.5,
  },
  {
    name: '5× errors',
    healthy: false,
    harm: 'errors',
    errorFactor: 5,
    slowFactor: 1,
    errorRate: constant,
    bursts: false,
    bound: 5.1,
    target: 12.75,
  },
  {
    name: '20× errors',
    healthy: false,
    harm: 'errors',
    errorFactor: 20,
    slowFactor: 1,
    errorRate: constant,
    bursts: false,
    bound: 2.0,
    target: 5.0,
  },
  {
    name: `latency ×${LATENCY_FACTOR} (slow ${(CANARY_SLOW * 100).toFixed(2)}% vs 1%)`,
    healthy: false,
    harm: 'slow',
    errorFactor: 1,
    slowFactor: CANARY_SLOW / BASE_SLOW,
    errorRate: constant,
    bursts: false,
    bound: 10.2,
    target: 17.3,
  },
];

// ---- one rollout ------------------------------------------------------------------------------------------------

interface Outcome {
  promotedAt: number; // NaN when not promoted
  rollbackAt: number; // NaN when not rolled back
  harm: number; // canary failed (or slow) requests served before the rollout ended or reached 100%
}

function simulate(
  scenario: Scenario,
  settings: GuardSettings,
  random: () => number,
  INTERVAL: number,
): Outcome {
  const guard = new Guard(settings);
  const bursts: number[] = [];
  if (scenario.bursts) {
    let at = 0;
    for (;;) {
      at += -Math.log(1 - random()) / BURSTS_PER_SECOND;
      if (at > MAX_SECONDS) break;
      bursts.push(at);
    }
  }
  const burstArray = Float64Array.from(bursts);
  let step = 0;
  let t = 0;
  let harm = 0;
  while (t < MAX_SECONDS) {
    const share = STEPS[step] as number;
    const from = t;
    t += INTERVAL;
    const base = scenario.errorRate(from, t, burstArray);
    const nc = poisson(random, RATE * share * INTERVAL);
    const nb = poisson(random, RATE * (1 - share) * INTERVAL);
    const canary = {
      requests: nc,
      errors: binomial(random, nc, Math.min(1, base * scenario.errorFactor)),
      slow: binomial(random, nc, Math.min(1, BASE_SLOW * scenario.slowFactor)),
    };
    const baseline = {
      requests: nb,
      errors: binomial(random, nb, base),
      slow: binomial(random, nb, BASE_SLOW),
    };
    harm += scenario.harm === 'errors' ? canary.errors : canary.slow;
    const verdict = guard.observe({ t, share, canary, baseline });
    if (verdict.decision === 'rollback') return { promotedAt: Number.NaN, rollbackAt: t, harm };
    if (verdict.decision === 'advance') {
      step++;
      if (step === STEPS.length) return { promotedAt: t, rollbackAt: Number.NaN, harm };
    }
  }
  return { promotedAt: Number.NaN, rollbackAt: Number.NaN, harm };
}

// ---- the report -------------------------------------------------------------------------------------------------

interface Row {
  scenario: Scenario;
  runs: number;
  rollbacks: number;
  promoted: number;
  meanRollbackMinutes: number;
  meanHarm: number;
  medianPromoteMinutes: number;
  p90PromoteMinutes: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

function run(scenario: Scenario, settings: GuardSettings, seed: number, interval = INTERVAL): Row {
  const random = mulberry32(seed);
  let rollbacks = 0;
  let promoted = 0;
  let rollbackSeconds = 0;
  let harm = 0;
  const promoteTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const outcome = simulate(scenario, settings, random, interval);
    if (!Number.isNaN(outcome.rollbackAt)) {
      rollbacks++;
      rollbackSeconds += outcome.rollbackAt;
      harm += outcome.harm;
    }
    if (!Number.isNaN(outcome.promotedAt)) {
      promoted++;
      promoteTimes.push(outcome.promotedAt / 60);
    }
  }
  promoteTimes.sort((a, b) => a - b);
  return {
    scenario,
    runs: RUNS,
    rollbacks,
    promoted,
    meanRollbackMinutes: rollbacks > 0 ? rollbackSeconds / rollbacks / 60 : Number.NaN,
    meanHarm: rollbacks > 0 ? harm / rollbacks : Number.NaN,
    medianPromoteMinutes: quantile(promoteTimes, 0.5),
    p90PromoteMinutes: quantile(promoteTimes, 0.9),
  };
}

const pct = (n: number, of: number): string => `${((100 * n) / of).toFixed(2)}%`;
const num = (n: number, digits = 1): string => (Number.isNaN(n) ? '–' : n.toFixed(digits));

interface Check {
  what: string;
  value: string;
  target: string;
  met: boolean;
}

function checks(rows: Row[]): Check[] {
  const out: Check[] = [];
  for (const row of rows) {
    const s = row.scenario;
    if (s.healthy) {
      out.push({
        what: `false rollbacks, ${s.name}`,
        value: pct(row.rollbacks, row.runs),
        target: '≤ 1%',
        met: row.rollbacks / row.runs <= 0.01,
      });
      out.push({
        what: `median time to 100%, ${s.name}`,
        value: `${num(row.medianPromoteMinutes)} min`,
        target: '≤ 27 min',
        met: row.medianPromoteMinutes <= 27,
      });
    } else {
      if (s.name === '2× errors')
        out.push({
          what: 'detection before 100%, 2× errors',
          value: pct(row.rollbacks, row.runs),
          target: '≥ 99%',
          met: row.rollbacks / row.runs >= 0.99,
        });
      if (s.target !== undefined)
        out.push({
          what: `mean blast radius, ${s.name}`,
          value: num(row.meanHarm),
          target: `≤ ${s.target} (bound ${s.bound})`,
          met: row.meanHarm <= s.target,
        });
    }
  }
  return out;
}

function table(rows: Row[]): string {
  const lines = [
    '| scenario | runs | rolled back | reached 100% | mean time to rollback | mean blast radius (canary failed/slow requests) | Wald bound | median (p90) time to 100% |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of rows)
    lines.push(
      `| ${row.scenario.name} | ${row.runs} | ${pct(row.rollbacks, row.runs)} | ${pct(row.promoted, row.runs)} | ${num(row.meanRollbackMinutes)} min | ${row.scenario.healthy ? '–' : num(row.meanHarm)} | ${row.scenario.bound ?? '–'} | ${row.promoted > 0 ? `${num(row.medianPromoteMinutes)} (${num(row.p90PromoteMinutes)}) min` : '–'} |`,
    );
  return lines.join('\n');
}

async function main(): Promise<void> {
  const settings = guardSettings({
    stepSeconds: STEP_SECONDS,
    minStepSeconds: 180,
    ...(process.env.BENCH_GUARD === undefined ? {} : JSON.parse(process.env.BENCH_GUARD)),
  });
  const started = performance.now();
  const only = process.env.BENCH_ONLY;
  const rows = SCENARIOS.filter((s) => only === undefined || new RegExp(only).test(s.name)).map(
    (scenario, index) => run(scenario, settings, 0x5eed + index * 7919),
  );
  // Sensitivity: the same at the rollout's default interval of 30 s.
  const rows30 =
    INTERVAL === 30
      ? []
      : SCENARIOS.filter((s) => only === undefined || new RegExp(only).test(s.name)).map((scenario, index) =>
          run(scenario, settings, 0x5eed + index * 7919, 30),
        );
  const seconds = (performance.now() - started) / 1000;
  const results = checks(rows);
  const body = table(rows);
  const checkTable = [
    '| target | value | wanted | |',
    '|---|---:|---|---|',
    ...results.map((c) => `| ${c.what} | ${c.value} | ${c.target} | ${c.met ? 'met' : '**missed**'} |`),
  ].join('\n');
  const report = `# Canary guard benchmark

Generated by \`npm run bench:guard\` (scripts/bench-guard.ts) in ${seconds.toFixed(1)} s; ${RUNS} seeded runs per scenario.

## Model

- Traffic: Poisson, ${RATE} requests/s over both arms; the canary's share steps ${STEPS.map((s) => `${s * 100}%`).join(' → ')} → 100%,
  ${STEP_SECONDS / 60} min nominal per step, at least 3 min per step before an early advance. Reaching 100% = promoted.
- The guard observes every ${INTERVAL} s (counts of that interval); after an advance the interval grid restarts.
- Errors: each request fails with the baseline rate ${BASE_ERROR * 100}% (both arms), times the regression factor for the canary.
  Drift: the rate of both arms moves linearly 0.25% → 1% over ${DRIFT_SECONDS / 60} min. Bursts: shared incidents at
  Poisson times (1 per 10 min on average), 30 s each, multiply both arms' error rate by 10.
- Latency: lognormal with σ = ${SIGMA}; slow = above the baseline's p99, so the baseline's slow rate is 1%. A canary
  ×${LATENCY_FACTOR} slower has a slow rate of P(Z > 2.326 − ln ${LATENCY_FACTOR}/${SIGMA}) = ${(CANARY_SLOW * 100).toFixed(2)}% (≈${(CANARY_SLOW / BASE_SLOW).toFixed(2)}×). Errors and slowness are independent.
- Blast radius: the canary's failed requests (slow requests for the latency case) served up to and including the interval
  that rolled back, mean over the rolled-back runs. Wald bounds from the issue (1% false rollbacks, 95% detection,
  known baseline).
- Guard settings: α = ${settings.alpha} (${settings.alpha / 2} per metric, threshold ${2 / settings.alpha}), ρ grid
  ${JSON.stringify(settings.rhoGrid)} with prior ${JSON.stringify(settings.rhoWeights)}, early advance when
  L(ρ=1)/L(ρ=${settings.advanceRho}) over both metrics ≥ ${settings.advanceEvidence} (each ≥ ${settings.advanceMetricEvidence}) after ≥ ${settings.minStepSeconds / 60} min and
  ≥ ${settings.minCanaryRequests} canary requests in the step.

## Results

${body}

## Targets

${checkTable}
${
  rows30.length === 0
    ? ''
    : `
## Sensitivity: observing every 30 s (the rollout's default interval)

${table(rows30)}

${[
  '| target | value | wanted | |',
  '|---|---:|---|---|',
  ...checks(rows30).map((c) => `| ${c.what} | ${c.value} | ${c.target} | ${c.met ? 'met' : '**missed**'} |`),
].join('\n')}
`
}
## Analysis

- The 2× error case is the binding one. At α = 0.005 per metric and 99% power, an SPRT that knew ρ = 2 and the
  baseline rate would need about ln(200)/0.193 ≈ 27.5 failed canary requests (0.193 nats per failed request is the
  Poisson KL of ρ = 2). The mixture pays ln(1/0.65) ≈ 0.43 nats (≈ 2 requests) for not knowing ρ, conditioning on each
  interval's total loses ~5% of the information at 5% share and ~12% at 10% (the baseline's own noise), and the last
  interval overshoots. 35–36.5 is therefore close to what this family of tests can do without giving up the
  drift-proof conditioning; the margin to the 36.5 target is thin (36.4 over 8,000 runs in our check).
- Early advance is gated by L(ρ=1)/L(ρ=1.6) rather than against ρ = 2: under a true 2× the ratio against 1.6
  drifts down much faster than against 2, so few 2× canaries leave a step early (each early advance moves detection
  to a higher share, where a failed request carries less information, and risks reaching 100%).
- 20× is limited by discreteness: at 1% share three or four failed requests are needed (each is worth ≈ 2 nats net
  of the expected-count penalty) and the detecting interval can add more; observing every 15 s rather than 30 s
  saves ≈ 0.4 failed requests there, and ≈ 2 for 2×.
`;
  await writeFile(join(root, 'bench', 'guard-results.md'), report);
  process.stdout.write(
    `${body}\n\n${checkTable}\n\n(${seconds.toFixed(1)} s; written to bench/guard-results.md)\n`,
  );
}

await main();
