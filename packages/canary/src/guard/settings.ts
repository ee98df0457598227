// The guard's settings: defaults (tuned with `npm run bench:guard`, see bench/guard-results.md) and their checks.

export interface GuardSettings {
  /** Total false-rollback budget per rollout, split evenly over the two metrics (errors, slow). */
  alpha: number;
  /** Nominal duration of each step below 100%, seconds. */
  stepSeconds: number;
  /** No early advance before a step has run this long, seconds. */
  minStepSeconds: number;
  /** Advance before a step's nominal end when the evidence that the canary is not worse is strong. */
  earlyAdvance: boolean;
  /** Canary requests a step must have seen before any advance (early or at its nominal end). */
  minCanaryRequests: number;
  /** Holding for lack of data for longer than this past a step's nominal end rolls back, seconds. */
  maxHoldSeconds: number;
  /** More consecutive failed metric reads than this roll back. */
  maxMissingReads: number;
  /** Alternatives ρ > 1 (canary/baseline rate ratio) the rollback test mixes over. */
  rhoGrid: number[];
  /** Prior weight of each alternative in `rhoGrid`; positive, summing to at most 1. */
  rhoWeights: number[];
  /** The "clearly worse" ratio that early advance weighs ρ = 1 against. */
  advanceRho: number;
  /** Early advance needs L(ρ = 1) / L(advanceRho) of errors and slow requests together at least this large. */
  advanceEvidence: number;
  /** … and each metric's own L(ρ = 1) / L(advanceRho) at least this large (no metric may point towards worse). */
  advanceMetricEvidence: number;
}

export const DEFAULT_GUARD_SETTINGS: Readonly<GuardSettings> = Object.freeze({
  alpha: 0.01,
  stepSeconds: 900,
  minStepSeconds: 180,
  earlyAdvance: true,
  minCanaryRequests: 200,
  maxHoldSeconds: 900,
  maxMissingReads: 3,
  rhoGrid: [2, 3, 10, 20],
  rhoWeights: [0.65, 0.18, 0.07, 0.1],
  advanceRho: 1.6,
  advanceEvidence: 10,
  advanceMetricEvidence: 2,
});

/**
 * The defaults overridden by `partial`, checked. `maxHoldSeconds` defaults to `stepSeconds` (so a step that never
 * gets enough data rolls back after twice its nominal duration). Throws RangeError naming the bad setting.
 */
export function guardSettings(partial: Partial<GuardSettings> = {}): GuardSettings {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, value]) => value !== undefined));
  const settings: GuardSettings = {
    ...DEFAULT_GUARD_SETTINGS,
    rhoGrid: [...DEFAULT_GUARD_SETTINGS.rhoGrid],
    rhoWeights: [...DEFAULT_GUARD_SETTINGS.rhoWeights],
    ...defined,
  };
  if (defined.maxHoldSeconds === undefined) settings.maxHoldSeconds = settings.stepSeconds;
  const fail = (name: keyof GuardSettings, problem: string): never => {
    throw new RangeError(`guard setting ${name} ${problem}`);
  };
  const number = (
    name: keyof GuardSettings,
    value: unknown,
    ok: (v: number) => boolean,
    what: string,
  ): void => {
    if (typeof value !== 'number' || Number.isNaN(value) || !ok(value))
      fail(name, `must be ${what}, not ${String(value)}`);
  };
  number('alpha', settings.alpha, (v) => v > 0 && v <= 0.5, 'a probability above 0 and at most 0.5');
  number(
    'stepSeconds',
    settings.stepSeconds,
    (v) => v > 0 && Number.isFinite(v),
    'a positive number of seconds',
  );
  number(
    'minStepSeconds',
    settings.minStepSeconds,
    (v) => v >= 0 && v <= settings.stepSeconds,
    `between 0 and stepSeconds (${settings.stepSeconds})`,
  );
  if (typeof settings.earlyAdvance !== 'boolean')
    fail('earlyAdvance', `must be true or false, not ${String(settings.earlyAdvance)}`);
  number(
    'minCanaryRequests',
    settings.minCanaryRequests,
    (v) => Number.isInteger(v) && v >= 0,
    'a whole number ≥ 0',
  );
  number('maxHoldSeconds', settings.maxHoldSeconds, (v) => v >= 0, 'a number of seconds ≥ 0');
  number(
    'maxMissingReads',
    settings.maxMissingReads,
    (v) => Number.isInteger(v) && v >= 0,
    'a whole number ≥ 0',
  );
  if (!Array.isArray(settings.rhoGrid) || settings.rhoGrid.length === 0)
    fail('rhoGrid', 'must be a non-empty list of ratios above 1');
  for (const rho of settings.rhoGrid)
    number('rhoGrid', rho, (v) => v > 1 && Number.isFinite(v), 'a list of finite ratios above 1');
  if (!Array.isArray(settings.rhoWeights) || settings.rhoWeights.length !== settings.rhoGrid.length)
    fail('rhoWeights', `must have one weight per rhoGrid entry (${settings.rhoGrid.length})`);
  for (const weight of settings.rhoWeights)
    number('rhoWeights', weight, (v) => v > 0, 'a list of positive weights');
  const total = settings.rhoWeights.reduce((sum, weight) => sum + weight, 0);
  if (total > 1 + 1e-9) fail('rhoWeights', `must sum to at most 1 (a prior), not ${total}`);
  number('advanceRho', settings.advanceRho, (v) => v > 1 && Number.isFinite(v), 'a finite ratio above 1');
  number(
    'advanceEvidence',
    settings.advanceEvidence,
    (v) => v >= 1 && Number.isFinite(v),
    'a finite likelihood ratio ≥ 1',
  );
  number(
    'advanceMetricEvidence',
    settings.advanceMetricEvidence,
    (v) => v > 0 && Number.isFinite(v),
    'a finite likelihood ratio above 0',
  );
  return settings;
}
