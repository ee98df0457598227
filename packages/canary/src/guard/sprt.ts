// The statistics of the guard: a mixture sequential probability ratio test on the canary's share of events.
//
// Model. In one interval the canary served Nc requests and the baseline Nb. Events (errors, or slow requests) of each
// arm are Poisson with rates λ·ρ·Nc and λ·Nb, where λ is the baseline's rate in that interval (free to drift, to
// burst, to be anything) and ρ the canary/baseline rate ratio. Given the interval's total of events n = x + y, the
// canary's x is Binomial(n, θ(ρ)) with θ(ρ) = ρ·Nc / (ρ·Nc + Nb): λ cancels. With s = Nc / (Nc + Nb), the log
// likelihood ratio of ρ against ρ = 1 for that interval is
//
//     ℓ(ρ) = x·ln ρ − n·ln(1 + (ρ − 1)·s)
//
// and the ratio of a whole rollout is the product over intervals (exp of the sum). Under ρ = 1 it is a nonnegative
// martingale with mean 1; under any ρ < 1 it is a supermartingale for every alternative ρ > 1 (per event, its
// expectation is θ_t·θ_a/θ_1 + (1 − θ_t)(1 − θ_a)/(1 − θ_1), linear and increasing in θ_t, equal to 1 at θ_t = θ_1).
// A prior-weighted mixture over alternatives ρ_k > 1 with weights summing to ≤ 1 keeps those properties, so by
// Ville's inequality P(the mixture ever reaches 1/α) ≤ α however often it is looked at (Johari et al., "Always Valid
// Inference"; Lindon & Malek 2022, "Anytime-valid inference for multinomial count data").

/** Log-likelihood of ρ against ρ = 1 for one interval; 0 when the interval says nothing (no events, an empty arm). */
export function intervalLogRatio(
  rho: number,
  canaryEvents: number,
  totalEvents: number,
  share: number,
): number {
  if (totalEvents === 0 || !(share > 0 && share < 1)) return 0;
  return canaryEvents * Math.log(rho) - totalEvents * Math.log1p((rho - 1) * share);
}

/** ln(Σ w_k·e^{s_k}) without overflow. */
export function logMixture(logWeights: ArrayLike<number>, logRatios: ArrayLike<number>): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < logRatios.length; k++) {
    const value = (logWeights[k] as number) + (logRatios[k] as number);
    if (value > max) max = value;
  }
  if (max === Number.NEGATIVE_INFINITY) return max;
  let sum = 0;
  for (let k = 0; k < logRatios.length; k++)
    sum += Math.exp((logWeights[k] as number) + (logRatios[k] as number) - max);
  return max + Math.log(sum);
}

/**
 * The running test of one metric: cumulative log-likelihood ratios of each alternative on the grid, and of the
 * "clearly worse" alternative that early advance weighs ρ = 1 against.
 */
export class MixtureSprt {
  readonly #logRho: Float64Array;
  readonly #rhoMinusOne: Float64Array;
  readonly #logWeights: Float64Array;
  readonly #sums: Float64Array;
  readonly #advanceLogRho: number;
  readonly #advanceRhoMinusOne: number;
  #advanceSum = 0;

  constructor(grid: readonly number[], weights: readonly number[], advanceRho: number) {
    this.#logRho = Float64Array.from(grid, Math.log);
    this.#rhoMinusOne = Float64Array.from(grid, (rho) => rho - 1);
    this.#logWeights = Float64Array.from(weights, Math.log);
    this.#sums = new Float64Array(grid.length);
    this.#advanceLogRho = Math.log(advanceRho);
    this.#advanceRhoMinusOne = advanceRho - 1;
  }

  /** Adds one interval: x canary events of Nc requests, y baseline events of Nb requests. */
  add(canaryEvents: number, canaryRequests: number, baselineEvents: number, baselineRequests: number): void {
    const n = canaryEvents + baselineEvents;
    const requests = canaryRequests + baselineRequests;
    if (n === 0 || canaryRequests === 0 || baselineRequests === 0) return;
    const share = canaryRequests / requests;
    for (let k = 0; k < this.#sums.length; k++)
      (this.#sums as Float64Array)[k] =
        (this.#sums[k] as number) +
        canaryEvents * (this.#logRho[k] as number) -
        n * Math.log1p((this.#rhoMinusOne[k] as number) * share);
    this.#advanceSum += canaryEvents * this.#advanceLogRho - n * Math.log1p(this.#advanceRhoMinusOne * share);
  }

  /** ln of the mixture likelihood ratio (evidence that the canary is worse); 0 before any event. */
  logRollbackRatio(): number {
    return logMixture(this.#logWeights, this.#sums);
  }

  /** ln of L(ρ = 1) / L(ρ = advanceRho): evidence that the canary is not clearly worse. */
  logAdvanceRatio(): number {
    return -this.#advanceSum;
  }
}
