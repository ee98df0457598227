// Where a ticket is in the flow, and who is next: pure decisions from the card's state.
import type { CardState } from './state.ts';

/** The flow's stages, in order (changes-requested sends the ticket back to in-progress work). */
export const STAGES = [
  'triaged',
  'in-progress',
  'changes-requested',
  'ci',
  'staging',
  'awaiting-approval',
  'approved',
  'canary',
  'released',
  'rolled-back',
] as const;

export type Stage = (typeof STAGES)[number];

/** The stage the state shows: the furthest fact wins, except that requested changes undo staging. */
export function decideStage(state: CardState): Stage {
  const production = state.production;
  if (production !== undefined) {
    if (production.outcome === 'promoted') return 'released';
    if (production.outcome === 'rolled-back') return 'rolled-back';
    return 'canary';
  }
  if (state.facts.changesRequested !== undefined) return 'changes-requested';
  if (state.staging?.state === 'success') {
    if (state.approval === undefined) return 'staging';
    return state.approval.approved ? 'approved' : 'awaiting-approval';
  }
  if (state.facts.ci !== undefined) return 'ci';
  if (state.facts.branch !== undefined || state.facts.pullRequest !== undefined) return 'in-progress';
  if (state.statusCategory === 'indeterminate') return 'in-progress';
  return 'triaged';
}

/** Who a thread entry hands the ticket to. */
export type Handoff = 'approvers' | 'assignee' | 'on-call';

/** One entry in the card's thread: posted once per `id`, mentioning `handoff` when set. */
export interface ThreadEntry {
  /** Unique per stage change: the stage and what identifies this occurrence (deployment, commit, request time). */
  id: string;
  stage: Stage;
  handoff?: Handoff;
}

/** The entry a stage change deserves, or undefined when the stage has nothing new to say. */
export function threadEntryFor(state: CardState, stage: Stage): ThreadEntry | undefined {
  const { facts } = state;
  switch (stage) {
    case 'triaged':
      return undefined;
    case 'in-progress': {
      const what = facts.pullRequest ? `pr-${facts.pullRequest.number}` : facts.branch;
      return what === undefined ? undefined : { id: `in-progress:${what}`, stage };
    }
    case 'changes-requested':
      return facts.changesRequested
        ? { id: `changes-requested:${facts.changesRequested.at}`, stage, handoff: 'assignee' }
        : undefined;
    case 'ci': {
      // One entry per commit and verdict, so jobs finishing one by one do not each post.
      const ci = facts.ci;
      const verdict = ciVerdict(state);
      if (ci === undefined || verdict === 'running') return undefined;
      return { id: `ci:${ci.sha}:${verdict}`, stage };
    }
    case 'staging':
    case 'awaiting-approval':
      return state.staging
        ? {
            id: `staging:${state.staging.id}`,
            stage,
            handoff: state.approval?.approved ? undefined : 'approvers',
          }
        : undefined;
    case 'approved':
      return state.staging ? { id: `approved:${state.staging.id}`, stage } : undefined;
    case 'canary':
      return state.production ? { id: `canary:${state.production.id}`, stage } : undefined;
    case 'released':
      return state.production ? { id: `released:${state.production.id}`, stage } : undefined;
    case 'rolled-back':
      return state.production
        ? { id: `rolled-back:${state.production.id}`, stage, handoff: 'on-call' }
        : undefined;
  }
}

/** 'failed' when any job failed, 'passed' when all succeeded or were skipped, else 'running'. */
export function ciVerdict(state: CardState): 'passed' | 'failed' | 'running' {
  const jobs = state.facts.ci?.jobs ?? [];
  if (jobs.some((job) => job.result === 'failure' || job.result === 'cancelled')) return 'failed';
  if (jobs.length > 0 && jobs.every((job) => job.result === 'success' || job.result === 'skipped'))
    return 'passed';
  return 'running';
}
