// A rollout's state, written to GitHub deployment statuses after every step so a rerun resumes and a crashed run
// is rolled back. Descriptions are limited to 140 characters, so each status carries one fact in a fixed form that
// reads well in GitHub's deployment log and parses back exactly.
import { type CanaryPlan, formatDuration } from './plan.ts';

/** GitHub's limit on a deployment status description. */
export const DESCRIPTION_LIMIT = 140;
const MARK = '[flowkit]';

/** One step that started: its index in the plan, weight and start time (epoch ms). */
export interface StepRecord {
  index: number;
  weight: number;
  since: number;
}

/** What the statuses of one deployment say about its rollout. */
export interface RolloutRecord {
  plan: CanaryPlan;
  startedAt: number;
  /** The steps that started, in order. */
  steps: StepRecord[];
  /** Set once the rollout ended. */
  outcome?: 'promoted' | 'rolled-back';
  /** Why it rolled back, and the weight it left (as the status says it, possibly cut short). */
  rolledBack?: { from: number; reason: string };
}

function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** `Canary plan 1,5,10,50,100% in 60m min 3m early watch 15m every 30s from 2026-11-28T02:10:00Z [flowkit]` */
export function planDescription(plan: CanaryPlan, startedAt: number): string {
  const text = `Canary plan ${plan.steps.join(',')}% in ${formatDuration(plan.durationSeconds)} min ${formatDuration(plan.minStepSeconds)} ${plan.earlyAdvance ? 'early' : 'full'} watch ${formatDuration(plan.watchSeconds)} every ${formatDuration(plan.intervalSeconds)} from ${iso(startedAt)} ${MARK}`;
  if (text.length > DESCRIPTION_LIMIT)
    throw new RangeError(`the plan does not fit a deployment status (${text.length} > 140 characters)`);
  return text;
}

/** `Canary at 5% (step 2 of 5) since 2026-11-28T02:25:00Z [flowkit]` */
export function stepDescription(step: StepRecord, of: number): string {
  return `Canary at ${step.weight}% (step ${step.index + 1} of ${of}) since ${iso(step.since)} ${MARK}`;
}

/** `Released: 100% since 2026-11-28T03:02:00Z [flowkit]` */
export function promotedDescription(at: number): string {
  return `Released: 100% since ${iso(at)} ${MARK}`;
}

/** `Rolled back from 5%: <reason> [flowkit]`, the reason cut to fit. */
export function rolledBackDescription(weight: number, reason: string): string {
  const head = `Rolled back from ${weight}%: `;
  const room = DESCRIPTION_LIMIT - head.length - MARK.length - 1;
  const cut = reason.length > room ? `${reason.slice(0, room - 1)}…` : reason;
  return `${head}${cut} ${MARK}`;
}

const DURATION = '(\\d+h)?(\\d+m)?(\\d+s)?';
const PLAN = new RegExp(
  `^Canary plan ([\\d.,]+)% in ${DURATION} min ${DURATION} (early|full) watch ${DURATION} every ${DURATION} from (\\S+) \\[flowkit\\]$`,
);
const ROLLED_BACK = /^Rolled back from ([\d.]+)%: (.*) \[flowkit\]$/s;
const STEP = /^Canary at ([\d.]+)% \(step (\d+) of (\d+)\) since (\S+) \[flowkit\]$/;

function seconds(h?: string, m?: string, s?: string): number {
  return (
    Number.parseInt(h ?? '0', 10) * 3600 + Number.parseInt(m ?? '0', 10) * 60 + Number.parseInt(s ?? '0', 10)
  );
}

/**
 * Reads a rollout back from its deployment's status descriptions (any order; GitHub lists newest first), or
 * undefined when no Flowkit plan is among them.
 */
export function readRolloutRecord(
  statuses: { id?: number | bigint; description?: string | null; created_at?: string }[],
): RolloutRecord | undefined {
  // Timestamps have whole seconds, so ids (increasing) order statuses made within one second.
  const oldestFirst = [...statuses].sort(
    (a, b) => (a.created_at ?? '').localeCompare(b.created_at ?? '') || Number(a.id ?? 0) - Number(b.id ?? 0),
  );
  let record: RolloutRecord | undefined;
  for (const status of oldestFirst) {
    const text = status.description ?? '';
    const plan = PLAN.exec(text);
    if (plan) {
      const [, steps, dh, dm, ds, mh, mm, ms, mode, wh, wm, wsec, ih, im, isec, from] = plan;
      record = {
        plan: {
          steps: (steps as string).split(',').map(Number),
          durationSeconds: seconds(dh, dm, ds),
          minStepSeconds: seconds(mh, mm, ms),
          earlyAdvance: mode === 'early',
          watchSeconds: seconds(wh, wm, wsec),
          intervalSeconds: seconds(ih, im, isec),
        },
        startedAt: Date.parse(from as string),
        steps: [],
      };
      continue;
    }
    if (record === undefined) continue;
    const step = STEP.exec(text);
    if (step) {
      record.steps.push({
        index: Number(step[2]) - 1,
        weight: Number(step[1]),
        since: Date.parse(step[4] as string),
      });
    } else if (text.startsWith('Released: ') && text.endsWith(MARK)) record.outcome = 'promoted';
    else if (text.startsWith('Rolled back from ') && text.endsWith(MARK)) {
      record.outcome = 'rolled-back';
      const rolled = ROLLED_BACK.exec(text);
      if (rolled) record.rolledBack = { from: Number(rolled[1]), reason: rolled[2] as string };
    }
  }
  return record;
}
