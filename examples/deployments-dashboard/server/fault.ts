// The fault switch: injected errors and latency on the app routes, so canary tests can make a release look bad.

/** How faulty the app routes are. */
export interface FaultSettings {
  /** The probability (0–1) that an app request answers 500. */
  errorRate: number;
  /** Milliseconds added before every app request answers. */
  latencyMs: number;
}

/** What one request suffers. */
export interface FaultDecision {
  fail: boolean;
  delayMs: number;
}

/** A fault switch that does nothing. */
export const NO_FAULT: Readonly<FaultSettings> = { errorRate: 0, latencyMs: 0 };

/** The largest latency accepted: more would only trip client timeouts, which tests can do without us. */
export const MAX_LATENCY_MS = 60_000;

/** What an error rate must be, when `value` is not one; undefined when it is. */
export function errorRateProblem(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    return 'expected a number from 0 to 1 (0.2 = one request in five fails)';
  }
  return undefined;
}

/** What a latency must be, when `value` is not one; undefined when it is. */
export function latencyProblem(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_LATENCY_MS) {
    return `expected whole milliseconds from 0 to ${MAX_LATENCY_MS}`;
  }
  return undefined;
}

/** The outcome of reading a `POST /admin/fault` body. */
export type FaultUpdateResult = { ok: true; update: Partial<FaultSettings> } | { ok: false; problem: string };

/**
 * Reads `{"errorRate": 0.2, "latencyMs": 300}`; either field may be left out to keep its current value, but not
 * both, and no other field is accepted (a typo must not look like success).
 */
export function parseFaultUpdate(body: unknown): FaultUpdateResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, problem: 'expected a JSON object like {"errorRate": 0.2, "latencyMs": 300}' };
  }
  const fields = body as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((key) => key !== 'errorRate' && key !== 'latencyMs');
  if (unknown.length > 0) {
    return { ok: false, problem: `unknown field ${unknown.join(', ')}: only errorRate and latencyMs exist` };
  }
  const update: Partial<FaultSettings> = {};
  if ('errorRate' in fields) {
    const problem = errorRateProblem(fields.errorRate);
    if (problem)
      return { ok: false, problem: `errorRate: ${problem}, got ${JSON.stringify(fields.errorRate)}` };
    update.errorRate = fields.errorRate as number;
  }
  if ('latencyMs' in fields) {
    const problem = latencyProblem(fields.latencyMs);
    if (problem)
      return { ok: false, problem: `latencyMs: ${problem}, got ${JSON.stringify(fields.latencyMs)}` };
    update.latencyMs = fields.latencyMs as number;
  }
  if (Object.keys(update).length === 0) {
    return { ok: false, problem: 'expected errorRate, latencyMs or both' };
  }
  return { ok: true, update };
}

/** The fault settings of a running server, changeable at run time, with an injectable random source. */
export class FaultSwitch {
  private current: FaultSettings;
  private readonly random: () => number;

  /** `random` returns numbers in [0, 1) like `Math.random`; tests pass a fixed sequence. */
  constructor(initial: FaultSettings = NO_FAULT, random: () => number = Math.random) {
    this.current = { ...initial };
    this.random = random;
  }

  /** A copy of the current settings. */
  get settings(): FaultSettings {
    return { ...this.current };
  }

  /** Changes the given fields and returns the new settings. */
  update(change: Partial<FaultSettings>): FaultSettings {
    this.current = { ...this.current, ...change };
    return this.settings;
  }

  /** Decides the fate of one request: fails with probability errorRate, always delayed by latencyMs. */
  decide(): FaultDecision {
    const fail = this.current.errorRate > 0 && this.random() < this.current.errorRate;
    return { fail, delayMs: this.current.latencyMs };
  }
}
