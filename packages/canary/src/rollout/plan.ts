// The canary plan: traffic weights, how long the whole rollout should take, and how the guard paces it.
import { InputError } from '@flowkit/core';

/** How a rollout moves. Every duration is in seconds. */
export interface CanaryPlan {
  /** Canary weights in percent, increasing, ending at 100. */
  steps: number[];
  /** Nominal time for the whole rollout up to 100%. */
  durationSeconds: number;
  /** No early advance before a step has run this long. */
  minStepSeconds: number;
  /** Advance before a step's nominal end when the evidence that the canary is not worse is strong. */
  earlyAdvance: boolean;
  /** After 100%: how long to keep watching the alerts before calling the release done. */
  watchSeconds: number;
  /** How often the guard reads the metrics. */
  intervalSeconds: number;
}

export const DEFAULT_PLAN: CanaryPlan = {
  steps: [1, 5, 10, 50, 100],
  durationSeconds: 3600,
  minStepSeconds: 180,
  earlyAdvance: true,
  watchSeconds: 900,
  intervalSeconds: 15,
};

/** Nominal time of each step below 100%. */
export function stepSeconds(plan: CanaryPlan): number {
  return plan.durationSeconds / Math.max(1, plan.steps.length - 1);
}

/** '1,5,10,50,100' or '1 5 10 50 100' (a trailing % is allowed): increasing weights ending at 100. */
export function parseSteps(name: string, text: string): number[] {
  const parts = text
    .split(/[\s,→>]+/)
    .map((part) => part.replace(/%$/, ''))
    .filter((part) => part !== '');
  const weights = parts.map(Number);
  const fix = `Write increasing percentages ending at 100, e.g. '${name}: 1,5,10,50,100'.`;
  if (parts.length === 0 || weights.some((weight, i) => !/^\d+(\.\d+)?$/.test(parts[i] ?? '') || weight <= 0))
    throw new InputError(name, `is not a list of weights: '${text.slice(0, 60)}'`, fix);
  if (weights.some((weight, i) => i > 0 && weight <= (weights[i - 1] as number)))
    throw new InputError(name, `must increase step by step: '${text.slice(0, 60)}'`, fix);
  if (weights.at(-1) !== 100) throw new InputError(name, `must end at 100: '${text.slice(0, 60)}'`, fix);
  if (weights.length > 20) throw new InputError(name, `has ${weights.length} steps; at most 20`, fix);
  return weights;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600 };

/** '90s', '15m', '1h', '1h30m'; a bare number is minutes. Returns seconds within [min, max]. */
export function parseDuration(name: string, text: string, range: { min: number; max: number }): number {
  const trimmed = text.trim();
  let seconds: number | undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) seconds = Number(trimmed) * 60;
  else if (/^(\d+(\.\d+)?[hms])+$/.test(trimmed)) {
    seconds = 0;
    for (const [, amount, unit] of trimmed.matchAll(/(\d+(?:\.\d+)?)([hms])/g))
      seconds += Number(amount) * (UNIT_SECONDS[unit as string] as number);
  }
  if (seconds === undefined || seconds < range.min || seconds > range.max)
    throw new InputError(
      name,
      `must be a duration from ${formatDuration(range.min)} to ${formatDuration(range.max)}, not '${text.slice(0, 40)}'`,
      `Write for example '${name}: 15m' (s, m or h; a bare number is minutes).`,
    );
  return Math.round(seconds);
}

/** 3600 → '60m', 90 → '1m30s', 45 → '45s'. */
export function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole}s`;
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return rest === 0 ? `${minutes}m` : `${minutes}m${rest}s`;
}

/** The plan's parts as text inputs give them; '' keeps the default. */
export interface PlanInputs {
  steps: string;
  duration: string;
  'min-step': string;
  'early-advance': string;
  watch: string;
  interval: string;
}

/** Reads a plan from inputs over `base` (the config's plan or the default), checking that the parts fit together. */
export function readPlan(inputs: PlanInputs, base: CanaryPlan = DEFAULT_PLAN): CanaryPlan {
  const plan: CanaryPlan = { ...base, steps: [...base.steps] };
  if (inputs.steps !== '') plan.steps = parseSteps('steps', inputs.steps);
  if (inputs.duration !== '')
    plan.durationSeconds = parseDuration('duration', inputs.duration, { min: 10, max: 7 * 86400 });
  if (inputs['min-step'] !== '')
    plan.minStepSeconds = parseDuration('min-step', inputs['min-step'], { min: 1, max: 86400 });
  if (inputs['early-advance'] !== '') {
    const value = inputs['early-advance'];
    if (!['true', 'false'].includes(value))
      throw new InputError(
        'early-advance',
        `must be true or false, not '${value}'`,
        "Write 'early-advance: false' to hold every step for its full time.",
      );
    plan.earlyAdvance = value === 'true';
  }
  if (inputs.watch !== '') plan.watchSeconds = parseDuration('watch', inputs.watch, { min: 0, max: 86400 });
  if (inputs.interval !== '')
    plan.intervalSeconds = parseDuration('interval', inputs.interval, { min: 1, max: 3600 });
  const step = stepSeconds(plan);
  if (plan.intervalSeconds > step)
    throw new InputError(
      'interval',
      `(${formatDuration(plan.intervalSeconds)}) is longer than a step (${formatDuration(step)})`,
      'Read the metrics at least once per step: shorten the interval or lengthen the duration.',
    );
  if (plan.minStepSeconds > step) plan.minStepSeconds = step;
  return plan;
}

/** `1% → 5% → 10% → 50% → 100% over 60m (steps of 15m, at least 3m each, early advance on)` */
export function describePlan(plan: CanaryPlan): string {
  return `${plan.steps.map((w) => `${w}%`).join(' → ')} over ${formatDuration(plan.durationSeconds)} (steps of ${formatDuration(stepSeconds(plan))}, at least ${formatDuration(plan.minStepSeconds)} each, early advance ${plan.earlyAdvance ? 'on' : 'off'}; watch ${formatDuration(plan.watchSeconds)} after 100%)`;
}
