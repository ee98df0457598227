// DORA performance bands per key.
//
// Source: Google Cloud / DORA, "Accelerate State of DevOps Report 2023", section "Software delivery performance"
// (https://dora.dev/research/2023/dora-report/), summarised e.g. by Octopus Deploy, "The 2023 DevOps performance
// clusters" (https://octopus.com/blog/software-delivery-performance-clusters-2023). The 2023 clusters:
//
//   level   deployment frequency                  change lead time           change failure rate  failed deployment recovery
//   elite   on demand (multiple deploys per day)  less than one day          5%                   less than one hour
//   high    between once per day and once a week  between one day and a week 10%                  less than one day
//   medium  between once a week and once a month  between a week and a month 15%                  between one day and one week
//   low     between once a week and once a month  between a week and a month 64%                  between one month and six months
//
// The report describes survey clusters, not thresholds; turning them into bands needs choices, made here:
// - A value exactly on a boundary belongs to the better band (once per day → elite; one week of lead time → high).
//   Exception: lead time and recovery "less than one day / one hour" are strict, so exactly 1 day / 1 hour is not elite.
// - The 2023 low cluster overlaps medium on deployment frequency and lead time; low here is "worse than medium":
//   fewer than one deployment per month, lead time over one month, recovery over one week.
// - Change failure rate: elite ≤ 5%, high ≤ 10%, medium ≤ 15%, low above.
// - A month is 30 days.
import { DAY, HOUR, MONTH, WEEK } from './units.ts';

export type Band = 'elite' | 'high' | 'medium' | 'low';

export const BANDS: readonly Band[] = ['elite', 'high', 'medium', 'low'];

/**
 * `count` successful deployments over `windowMs`: elite ≥ 1/day, high ≥ 1/week, medium ≥ 1/month (30 days),
 * low otherwise. Integer arithmetic, so boundaries are exact.
 */
export function bandDeploymentFrequency(count: number, windowMs: number): Band {
  if (count * DAY >= windowMs) return 'elite';
  if (count * WEEK >= windowMs) return 'high';
  if (count * MONTH >= windowMs) return 'medium';
  return 'low';
}

/** Median lead time for changes (ms): elite < 1 day, high ≤ 1 week, medium ≤ 30 days, low above. */
export function bandLeadTime(ms: number): Band {
  if (ms < DAY) return 'elite';
  if (ms <= WEEK) return 'high';
  if (ms <= MONTH) return 'medium';
  return 'low';
}

/** Change failure rate as a ratio in [0, 1]: elite ≤ 0.05, high ≤ 0.10, medium ≤ 0.15, low above. */
export function bandChangeFailureRate(ratio: number): Band {
  if (ratio <= 0.05) return 'elite';
  if (ratio <= 0.1) return 'high';
  if (ratio <= 0.15) return 'medium';
  return 'low';
}

/** Median time to restore (ms): elite < 1 hour, high < 1 day, medium ≤ 1 week, low above. */
export function bandTimeToRestore(ms: number): Band {
  if (ms < HOUR) return 'elite';
  if (ms < DAY) return 'high';
  if (ms <= WEEK) return 'medium';
  return 'low';
}
