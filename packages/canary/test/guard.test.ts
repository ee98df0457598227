import { describe, expect, test } from '@jest/globals';
import {
  DEFAULT_GUARD_SETTINGS,
  Guard,
  type GuardSettings,
  guardSettings,
  intervalLogRatio,
  logMixture,
  MixtureSprt,
  type Observation,
  type Verdict,
} from '../src/guard/index.ts';

const SETTINGS: GuardSettings = guardSettings({
  stepSeconds: 600,
  minStepSeconds: 180,
  earlyAdvance: false,
  minCanaryRequests: 100,
});

/** Deterministic counts: `rate` of the arm's requests, spread so the running total tracks rate × requests. */
function arm(requests: number, errorRate: number, slowRate: number, before: { r: number }) {
  const from = before.r;
  before.r += requests;
  const count = (rate: number): number => Math.floor(rate * before.r) - Math.floor(rate * from);
  return { requests, errors: count(errorRate), slow: count(slowRate) };
}

/** One interval of `seconds` at `rps` requests per second, the canary at `share`. */
function interval(
  t: number,
  share: number,
  rates: { canaryErrors: number; baselineErrors: number; slow?: number; canarySlow?: number },
  totals: { c: { r: number }; b: { r: number } },
  rps = 50,
  seconds = 30,
): Observation {
  const total = rps * seconds;
  const canaryRequests = Math.round(total * share);
  return {
    t,
    share,
    canary: arm(canaryRequests, rates.canaryErrors, rates.canarySlow ?? rates.slow ?? 0.01, totals.c),
    baseline: arm(total - canaryRequests, rates.baselineErrors, rates.slow ?? 0.01, totals.b),
  };
}

function newTotals() {
  return { c: { r: 0 }, b: { r: 0 } };
}

describe('the statistics', () => {
  test('the interval log-likelihood ratio is the binomial one of the canary share of events', () => {
    const x = 7;
    const y = 20;
    const nc = 300;
    const nb = 2700;
    const rho = 2.5;
    const theta = (r: number): number => (r * nc) / (r * nc + nb);
    const direct = x * Math.log(theta(rho) / theta(1)) + y * Math.log((1 - theta(rho)) / (1 - theta(1)));
    expect(intervalLogRatio(rho, x, x + y, nc / (nc + nb))).toBeCloseTo(direct, 12);
    expect(intervalLogRatio(rho, 0, 0, 0.1)).toBe(0);
    expect(intervalLogRatio(rho, 3, 3, 1)).toBe(0);
  });

  test('the ratio is a martingale at ρ = 1 and a supermartingale for every ρ < 1 (Ville applies to H0: ρ ≤ 1)', () => {
    const nc = 100;
    const nb = 900;
    const n = 12;
    const share = nc / (nc + nb);
    const binomialPmf = (k: number, p: number): number => {
      let c = 1;
      for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
      return c * p ** k * (1 - p) ** (n - k);
    };
    const expectation = (trueRho: number, altRho: number): number => {
      const theta = (trueRho * nc) / (trueRho * nc + nb);
      let sum = 0;
      for (let k = 0; k <= n; k++)
        sum += binomialPmf(k, theta) * Math.exp(intervalLogRatio(altRho, k, n, share));
      return sum;
    };
    for (const alt of [1.6, 2, 3, 10, 20]) {
      expect(expectation(1, alt)).toBeCloseTo(1, 10);
      for (const trueRho of [0.1, 0.5, 0.9, 0.99]) expect(expectation(trueRho, alt)).toBeLessThan(1);
      expect(expectation(1.2, alt)).toBeGreaterThan(1);
    }
  });

  test('log-sum-exp does not overflow and weighs the alternatives', () => {
    expect(logMixture([Math.log(0.5), Math.log(0.5)], [0, 0])).toBeCloseTo(0, 12);
    expect(logMixture([Math.log(0.25), Math.log(0.75)], [2000, 1000])).toBeCloseTo(2000 + Math.log(0.25), 9);
    const sprt = new MixtureSprt([2, 4], [0.5, 0.5], 2);
    expect(sprt.logRollbackRatio()).toBeCloseTo(0, 12);
    sprt.add(5, 100, 5, 900);
    const expected = Math.log(
      0.5 * Math.exp(intervalLogRatio(2, 5, 10, 0.1)) + 0.5 * Math.exp(intervalLogRatio(4, 5, 10, 0.1)),
    );
    expect(sprt.logRollbackRatio()).toBeCloseTo(expected, 12);
    expect(sprt.logAdvanceRatio()).toBeCloseTo(-intervalLogRatio(2, 5, 10, 0.1), 12);
  });
});

describe('the guard', () => {
  test('a healthy canary is never rolled back and advances at the nominal end of the step', () => {
    const guard = new Guard(SETTINGS);
    const totals = newTotals();
    const verdicts: Verdict[] = [];
    for (let t = 30; t <= 600; t += 30)
      verdicts.push(guard.observe(interval(t, 0.05, { canaryErrors: 0.005, baselineErrors: 0.005 }, totals)));
    expect(verdicts.slice(0, -1).map((v) => v.decision)).toEqual(Array(19).fill('continue'));
    const last = verdicts.at(-1) as Verdict;
    expect(last.decision).toBe('advance');
    expect(last.t).toBe(600);
    expect(last.reason).toMatch(
      /^step done \(10m into the 5% step\), no evidence of harm: errors: canary \d+\/1,500/,
    );
    expect(last.evidence.stepCanaryRequests).toBe(1500);
    expect(last.evidence.errors.likelihoodRatio).toBeLessThan(last.evidence.errors.threshold);
    expect(last.evidence.errors.threshold).toBe(200);
  });

  test('early advance: strong evidence of "not worse" advances after the minimum step time, not before', () => {
    const guard = new Guard({ ...SETTINGS, earlyAdvance: true });
    const totals = newTotals();
    const decisions: [number, string][] = [];
    for (let t = 30; t <= 600; t += 30) {
      const v = guard.observe(interval(t, 0.2, { canaryErrors: 0.005, baselineErrors: 0.005 }, totals, 200));
      decisions.push([t, v.decision]);
      if (v.decision === 'advance') {
        expect(v.reason).toMatch(
          /^not worse \(3m into the 20% step\): L\(ρ=1\)\/L\(ρ=1.6\) over errors and slow/,
        );
        expect(v.evidence.advanceRatio).toBeGreaterThanOrEqual(10);
        break;
      }
    }
    expect(decisions.at(-1)).toEqual([180, 'advance']);
    expect(decisions.filter(([, d]) => d === 'continue').map(([t]) => t)).toEqual([30, 60, 90, 120, 150]);
  });

  test('no early advance while one metric points towards worse, even if the other is clean', () => {
    const guard = new Guard({ ...SETTINGS, earlyAdvance: true });
    const totals = newTotals();
    const decisions: string[] = [];
    for (let t = 30; t <= 570; t += 30)
      decisions.push(
        guard.observe(
          interval(t, 0.2, { canaryErrors: 0.008, baselineErrors: 0.005, canarySlow: 0.005 }, totals, 100),
        ).decision,
      );
    expect(decisions).not.toContain('advance');
  });

  test('a clear regression rolls back, with the numbers in the reason', () => {
    const guard = new Guard(SETTINGS);
    const totals = newTotals();
    let verdict: Verdict | undefined;
    for (let t = 30; t <= 600 && verdict?.decision !== 'rollback'; t += 30)
      verdict = guard.observe(interval(t, 0.05, { canaryErrors: 0.05, baselineErrors: 0.005 }, totals));
    expect(verdict?.decision).toBe('rollback');
    expect(verdict?.reason).toMatch(
      /^errors: canary \d+\/\d+ \(\d+\.\d+%\) vs baseline \d+\/[\d,]+ \(0\.\d\d%\); likelihood ratio [\d,.e]+ ≥ 200 \(α 0\.005\) → rollback$/,
    );
    expect(verdict?.evidence.errors.likelihoodRatio).toBeGreaterThanOrEqual(200);
    expect(verdict?.evidence.errors.canary.rate).toBeCloseTo(0.05, 1);
    expect(verdict?.t).toBeLessThan(300);
  });

  test('slow requests alone roll back too', () => {
    const guard = new Guard(SETTINGS);
    const totals = newTotals();
    let verdict: Verdict | undefined;
    for (let t = 30; t <= 600 && verdict?.decision !== 'rollback'; t += 30)
      verdict = guard.observe(
        interval(t, 0.1, { canaryErrors: 0.005, baselineErrors: 0.005, canarySlow: 0.05 }, totals),
      );
    expect(verdict?.decision).toBe('rollback');
    expect(verdict?.reason).toMatch(/^slow: canary \d+\/\d+ /);
  });

  test('a firing alert rolls back and names it', () => {
    const guard = new Guard(SETTINGS);
    const totals = newTotals();
    expect(
      guard.observe(interval(30, 0.05, { canaryErrors: 0.005, baselineErrors: 0.005 }, totals)).decision,
    ).toBe('continue');
    const verdict = guard.observe({
      ...interval(60, 0.05, { canaryErrors: 0.005, baselineErrors: 0.005 }, totals),
      alerts: [{ name: 'HighLatency', version: 'v2', url: 'https://alerts.example/1' }],
    });
    expect(verdict.decision).toBe('rollback');
    expect(verdict.reason).toBe('alert firing: HighLatency (v2) https://alerts.example/1');
    expect(verdict.evidence.alerts).toEqual(['HighLatency']);
  });

  test('too few requests hold at the end of the step, and roll back past maxHoldSeconds', () => {
    const guard = new Guard({ ...SETTINGS, maxHoldSeconds: 120 });
    const totals = newTotals();
    const at = (t: number): Verdict =>
      guard.observe(interval(t, 0.01, { canaryErrors: 0, baselineErrors: 0.005 }, totals, 5));
    const decisions: [number, string][] = [];
    let last: Verdict | undefined;
    for (let t = 30; t <= 780; t += 30) {
      last = at(t);
      decisions.push([t, last.decision]);
      if (last.decision === 'rollback') break;
    }
    expect(decisions.filter(([, d]) => d === 'continue').length).toBe(19);
    expect(decisions.filter(([, d]) => d === 'hold').map(([t]) => t)).toEqual([600, 630, 660, 690, 720]);
    expect(decisions.at(-1)).toEqual([750, 'rollback']);
    expect(last?.reason).toBe(
      "not enough data: the canary served 50 of the 100 requests needed in 12m30s at 1%; held 2m30s past the step's end (limit 2m)",
    );
  });

  test('maxHoldSeconds defaults to the step duration (rollback after twice the step)', () => {
    const settings = guardSettings({ stepSeconds: 300, minStepSeconds: 60, minCanaryRequests: 10 ** 6 });
    expect(settings.maxHoldSeconds).toBe(300);
    const guard = new Guard(settings);
    const totals = newTotals();
    let first: number | undefined;
    for (let t = 30; t <= 900 && first === undefined; t += 30)
      if (
        guard.observe(interval(t, 0.5, { canaryErrors: 0, baselineErrors: 0 }, totals)).decision ===
        'rollback'
      )
        first = t;
    expect(first).toBe(630);
  });

  test('failed reads hold, never advance, and roll back after more than maxMissingReads in a row', () => {
    const guard = new Guard({ ...SETTINGS, maxMissingReads: 2 });
    const totals = newTotals();
    const healthy = (t: number): Verdict =>
      guard.observe(interval(t, 0.05, { canaryErrors: 0.005, baselineErrors: 0.005 }, totals));
    for (let t = 30; t <= 570; t += 30) healthy(t);
    const failed = (t: number): Verdict =>
      guard.observe({ t, share: 0.05, error: 'Prometheus: 503 after 3 tries' });
    const first = failed(600); // the nominal end: a failed read never counts as success
    expect(first.decision).toBe('hold');
    expect(first.reason).toBe(
      'metrics unreadable (1 of 2 allowed in a row): Prometheus: 503 after 3 tries; holding',
    );
    expect(failed(630).decision).toBe('hold');
    expect(healthy(660).decision).toBe('advance'); // a good read resets the count
    expect(failed(690).decision).toBe('hold');
    expect(failed(720).decision).toBe('hold');
    const verdict = failed(750);
    expect(verdict.decision).toBe('rollback');
    expect(verdict.reason).toBe(
      'metrics unreadable 3 times in a row (limit 2): Prometheus: 503 after 3 tries',
    );
  });

  test('an observation without counts, or with bad counts, is a failed read', () => {
    const guard = new Guard(SETTINGS);
    const bad = guard.observe({
      t: 30,
      share: 0.05,
      canary: { requests: 10, errors: 11, slow: 0 },
      baseline: { requests: 100, errors: 0, slow: 0 },
    });
    expect(bad).toMatchObject({ decision: 'hold' });
    expect(bad.reason).toMatch(/invalid observation: canary.errors \(11\) exceeds canary.requests \(10\)/);
    expect(guard.observe({ t: 60, share: 0.05 }).reason).toMatch(/no counts in the observation/);
    expect(guard.observe({ t: 20, share: 0.05 }).reason).toMatch(
      /^metrics unreadable \(3 of 3 allowed in a row\): invalid observation: t went backwards \(20 after 60\); holding$/,
    );
    expect(guard.observe({ t: 90, share: 1.5 }).reason).toMatch(
      /share must be above 0 and at most 1, not 1.5/,
    );
    expect(guard.observe({ t: 120, share: 0.05 }).decision).toBe('rollback');
  });

  test('a drifting baseline (both arms move together) does not roll back', () => {
    const guard = new Guard(SETTINGS);
    const totals = newTotals();
    const decisions: string[] = [];
    const shares = [0.01, 0.05, 0.1, 0.5];
    let t = 0;
    for (const share of shares)
      for (let i = 0; i < 20; i++) {
        t += 30;
        // The error rate climbs from 0.2% to 8% over the rollout, the same for both arms.
        const rate = 0.002 * 40 ** (t / 2400);
        decisions.push(
          guard.observe(interval(t, share, { canaryErrors: rate, baselineErrors: rate }, totals)).decision,
        );
      }
    expect(decisions).not.toContain('rollback');
    expect(decisions.filter((d) => d === 'advance').length).toBe(4);
  });

  test('a change of share starts a new step whose clock starts at the previous interval', () => {
    const guard = new Guard({ ...SETTINGS, stepSeconds: 300, minStepSeconds: 60 });
    const totals = newTotals();
    const rates = { canaryErrors: 0.005, baselineErrors: 0.005 };
    let verdict: Verdict | undefined;
    for (let t = 30; t <= 300; t += 30) verdict = guard.observe(interval(t, 0.1, rates, totals));
    expect(verdict?.decision).toBe('advance');
    verdict = guard.observe(interval(330, 0.5, rates, totals));
    expect(verdict.evidence).toMatchObject({
      step: 1,
      share: 0.5,
      stepElapsedSeconds: 30,
      stepCanaryRequests: 750,
    });
    for (let t = 360; t <= 600; t += 30) verdict = guard.observe(interval(t, 0.5, rates, totals));
    expect(verdict).toMatchObject({ t: 600, decision: 'advance' });
  });

  test('at 100% the guard keeps watching: continue, or rollback on harm', () => {
    const guard = new Guard(SETTINGS);
    const verdict = guard.observe({
      t: 30,
      share: 1,
      canary: { requests: 1500, errors: 7, slow: 15 },
      baseline: { requests: 0, errors: 0, slow: 0 },
    });
    expect(verdict.decision).toBe('continue');
    expect(verdict.reason).toMatch(/^at 100%, watching: errors: canary 7\/1,500 \(0.47%\)/);
    const alert = guard.observe({
      t: 60,
      share: 1,
      canary: { requests: 1500, errors: 7, slow: 15 },
      baseline: { requests: 0, errors: 0, slow: 0 },
      alerts: [{ name: 'ErrorBudgetBurn' }],
    });
    expect(alert).toMatchObject({ decision: 'rollback', reason: 'alert firing: ErrorBudgetBurn' });
  });

  test('a rollback is sticky: every later observation answers rollback with the first reason', () => {
    const guard = new Guard(SETTINGS);
    const totals = newTotals();
    const first = guard.observe({
      ...interval(30, 0.05, { canaryErrors: 0.005, baselineErrors: 0.005 }, totals),
      alerts: [{ name: 'Down' }],
    });
    expect(first.decision).toBe('rollback');
    for (let t = 60; t <= 900; t += 30) {
      const later = guard.observe(interval(t, 0.05, { canaryErrors: 0.005, baselineErrors: 0.005 }, totals));
      expect(later).toMatchObject({
        t,
        decision: 'rollback',
        reason: 'rolled back at 30s: alert firing: Down',
      });
    }
    expect(guard.failedRead('boom').decision).toBe('rollback');
  });

  test('deterministic: the same observations give the same verdicts', () => {
    const observations: Observation[] = [];
    const totals = newTotals();
    let t = 0;
    for (const share of [0.01, 0.05, 0.1])
      for (let i = 0; i < 12; i++) {
        t += 30;
        observations.push(interval(t, share, { canaryErrors: 0.009, baselineErrors: 0.005 }, totals));
        if (i === 5) observations.push({ t, share, error: 'timeout' });
      }
    const run = (): Verdict[] => {
      const guard = new Guard(guardSettings({ stepSeconds: 360, minStepSeconds: 90 }));
      return observations.map((o) => guard.observe(o));
    };
    const first = run();
    expect(run()).toEqual(first);
    expect(new Set(first.map((v) => v.decision)).size).toBeGreaterThan(1);
  });

  test('seeded Monte-Carlo: 200 healthy rollouts, at most a few false rollbacks', () => {
    let seed = 12345;
    const random = (): number => {
      seed = (seed + 0x6d2b79f5) >>> 0;
      let x = seed;
      x = Math.imul(x ^ (x >>> 15), x | 1);
      x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
    const binomial = (n: number, p: number): number => {
      // Inversion: cheap for the small means here.
      const r = p / (1 - p);
      let pmf = (1 - p) ** n;
      let cdf = pmf;
      let k = 0;
      const u = random();
      while (u > cdf && k < n) {
        pmf *= (r * (n - k)) / (k + 1);
        k++;
        cdf += pmf;
      }
      return k;
    };
    const settings = guardSettings({ stepSeconds: 720, minStepSeconds: 180 });
    let rollbacks = 0;
    let promoted = 0;
    for (let run = 0; run < 200; run++) {
      const guard = new Guard(settings);
      const shares = [0.01, 0.05, 0.1, 0.5];
      let step = 0;
      for (let t = 30; t <= 7200 && step < shares.length; t += 30) {
        const share = shares[step] as number;
        const nc = binomial(1500, share);
        const counts = (n: number) => ({ requests: n, errors: binomial(n, 0.005), slow: binomial(n, 0.01) });
        const v = guard.observe({ t, share, canary: counts(nc), baseline: counts(1500 - nc) });
        if (v.decision === 'rollback') {
          rollbacks++;
          break;
        }
        if (v.decision === 'advance') step++;
      }
      if (step === shares.length) promoted++;
    }
    // α = 1% per rollout: 2 expected; 8 or more has probability below 0.1%.
    expect(rollbacks).toBeLessThan(8);
    expect(promoted + rollbacks).toBe(200);
  });
});

describe('settings', () => {
  test('defaults', () => {
    const settings = guardSettings();
    expect(settings).toMatchObject({
      alpha: 0.01,
      stepSeconds: 900,
      minStepSeconds: 180,
      earlyAdvance: true,
      minCanaryRequests: 200,
      maxHoldSeconds: 900,
      maxMissingReads: 3,
    });
    expect(settings.rhoGrid).toEqual(DEFAULT_GUARD_SETTINGS.rhoGrid);
    settings.rhoGrid.push(99);
    expect(DEFAULT_GUARD_SETTINGS.rhoGrid).not.toContain(99);
    expect(guardSettings({ alpha: 0.05, maxHoldSeconds: undefined }).alpha).toBe(0.05);
  });

  test.each([
    [{ alpha: 0 }, 'guard setting alpha must be a probability above 0 and at most 0.5, not 0'],
    [{ alpha: Number.NaN }, 'guard setting alpha must be a probability above 0 and at most 0.5, not NaN'],
    [{ stepSeconds: -1 }, 'guard setting stepSeconds must be a positive number of seconds, not -1'],
    [
      { stepSeconds: 300, minStepSeconds: 400 },
      'guard setting minStepSeconds must be between 0 and stepSeconds (300), not 400',
    ],
    [{ minCanaryRequests: 2.5 }, 'guard setting minCanaryRequests must be a whole number ≥ 0, not 2.5'],
    [{ maxMissingReads: -1 }, 'guard setting maxMissingReads must be a whole number ≥ 0, not -1'],
    [{ maxHoldSeconds: -5 }, 'guard setting maxHoldSeconds must be a number of seconds ≥ 0, not -5'],
    [
      { rhoGrid: [0.5], rhoWeights: [1] },
      'guard setting rhoGrid must be a list of finite ratios above 1, not 0.5',
    ],
    [{ rhoWeights: [1] }, 'guard setting rhoWeights must have one weight per rhoGrid entry (4)'],
    [{ rhoWeights: [0.5, 0.5, 0.5, 0.5] }, 'guard setting rhoWeights must sum to at most 1 (a prior), not 2'],
    [{ advanceRho: 1 }, 'guard setting advanceRho must be a finite ratio above 1, not 1'],
    [
      { earlyAdvance: 'yes' as unknown as boolean },
      'guard setting earlyAdvance must be true or false, not yes',
    ],
  ] as [Partial<GuardSettings>, string][])('rejects %j', (partial, message) => {
    expect(() => guardSettings(partial)).toThrow(new RangeError(message));
  });
});
