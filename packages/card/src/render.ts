// The card and its thread entries as Slack messages: pure functions of the state, user text escaped.

import { context, escapeText, header, link, section } from '@flowkit/slack';
import type { KnownBlock } from '@slack/types';
import { ciVerdict, type Stage, type ThreadEntry } from './stage.ts';
import type { CardState } from './state.ts';

/** A message ready for chat.postMessage / chat.update. */
export interface CardMessage {
  /** The notification text (and the fallback where blocks cannot show). */
  text: string;
  blocks: KnownBlock[];
}

const STAGE_LINE: Record<Stage, string> = {
  triaged: ':inbox_tray: Triaged',
  'in-progress': ':hammer_and_wrench: In progress',
  'changes-requested': ':leftwards_arrow_with_hook: Changes requested — back in progress',
  ci: ':gear: CI',
  staging: ':rocket: On staging',
  'awaiting-approval': ':hourglass_flowing_sand: On staging, awaiting approval',
  approved: ':white_check_mark: Approved for release',
  canary: ':hatching_chick: Canary in production',
  released: ':tada: Released',
  'rolled-back': ':rewind: Rolled back',
};

const JOB_MARK: Record<string, string> = {
  success: ':white_check_mark:',
  failure: ':x:',
  cancelled: ':no_entry_sign:',
  skipped: ':heavy_minus_sign:',
};

/** The card: header, the stage at a glance, the facts as fields, and links. */
export function renderCard(state: CardState, stage: Stage): CardMessage {
  const { facts } = state;
  const fields: [string, string][] = [
    ['Status', escapeText(state.status)],
    ['Assignee', state.assignee ? escapeText(state.assignee.name) : '_unassigned_'],
  ];
  if (facts.pullRequest)
    fields.push(['Pull request', link(facts.pullRequest.url, `#${facts.pullRequest.number}`)]);
  if (facts.branch) fields.push(['Branch', `\`${escapeText(facts.branch).replace(/`/g, "'")}\``]);
  if (facts.ci && facts.ci.jobs.length > 0) {
    const jobs = facts.ci.jobs.map(
      (job) => `${JOB_MARK[job.result] ?? ':grey_question:'} ${escapeText(job.name)}`,
    );
    fields.push([`CI (${ciVerdict(state)})`, jobs.join('\n')]);
  }
  if (state.staging) {
    const where = state.staging.url
      ? link(state.staging.url, state.staging.url)
      : escapeText(state.staging.state);
    fields.push(['Staging', where]);
  }
  if (state.approval) {
    const given = Object.entries(state.approval.by).map(
      ([group, who]) => `${escapeText(group)}: ${escapeText(who)}`,
    );
    const waiting = state.approval.missing.map((group) => `${escapeText(group)}: _waiting_`);
    fields.push(['Approvals', [...given, ...waiting].join('\n')]);
  }
  if (state.production) fields.push(['Production', productionLine(state)]);
  if (facts.changesRequested)
    fields.push([
      'Changes requested',
      facts.changesRequested.by ? `by ${escapeText(facts.changesRequested.by)}` : 'by a reviewer',
    ]);

  const links = [
    link(state.ticketUrl, state.key),
    facts.pullRequest ? link(facts.pullRequest.url, 'PR') : '',
    facts.ci?.runUrl ? link(facts.ci.runUrl, 'CI run') : '',
    state.staging?.url ? link(state.staging.url, 'staging') : '',
    state.production?.logUrl ? link(state.production.logUrl, 'deployment') : '',
  ];
  const blocks: KnownBlock[] = [
    header(`${state.key} ${state.summary}`),
    section(`*${STAGE_LINE[stage]}*`, fields),
    context(links),
  ];
  return { text: `${state.key}: ${plainStage(stage)} — ${escapeText(state.summary)}`, blocks };
}

function productionLine(state: CardState): string {
  const production = state.production;
  if (production === undefined) return '';
  if (production.outcome === 'promoted') return '100% of traffic';
  if (production.outcome === 'rolled-back') {
    const from = production.rolledBack ? ` from ${production.rolledBack.from}%` : '';
    return `Rolled back${from}: ${escapeText(production.rolledBack?.reason ?? production.description ?? 'see the run')}`;
  }
  const step = production.step ? ` (step ${production.step.index + 1} of ${production.step.of})` : '';
  const weight = production.weight === undefined ? 'starting' : `${production.weight}%${step}`;
  const numbers = state.facts.production?.numbers;
  return numbers ? `${weight}\n${escapeText(numbers)}` : weight;
}

function plainStage(stage: Stage): string {
  return STAGE_LINE[stage].replace(/^:[a-z_]+: /, '');
}

/**
 * A thread entry: what changed and, for a handoff, who is next (`mentions`: mrkdwn mentions already resolved,
 * or escaped names when a person has no Slack user).
 */
export function renderEntry(state: CardState, entry: ThreadEntry, mentions: string[]): CardMessage {
  const who = mentions.length > 0 ? `${mentions.join(' ')} ` : '';
  const text = entryText(state, entry, who);
  return { text, blocks: [section(text)] };
}

function entryText(state: CardState, entry: ThreadEntry, who: string): string {
  const { facts } = state;
  switch (entry.stage) {
    case 'in-progress':
      return facts.pullRequest
        ? `Pull request ${link(facts.pullRequest.url, `#${facts.pullRequest.number}`)} opened.`
        : `Work started on branch \`${escapeText(facts.branch ?? '').replace(/`/g, "'")}\`.`;
    case 'changes-requested':
      return `${who}changes were requested${facts.changesRequested?.by ? ` by ${escapeText(facts.changesRequested.by)}` : ''}; the ticket is back in progress.`;
    case 'ci': {
      const failed = (facts.ci?.jobs ?? []).filter(
        (job) => job.result === 'failure' || job.result === 'cancelled',
      );
      const run = facts.ci?.runUrl ? ` ${link(facts.ci.runUrl, 'Run')}` : '';
      return failed.length > 0
        ? `CI failed: ${failed.map((job) => escapeText(job.name)).join(', ')}.${run}`
        : `CI passed.${run}`;
    }
    case 'staging':
    case 'awaiting-approval': {
      const url = state.staging?.url ? link(state.staging.url, state.staging.url) : 'staging';
      const missing = state.approval?.missing ?? [];
      const still = missing.length > 0 ? ` (still to approve: ${missing.map(escapeText).join(', ')})` : '';
      return `Staging deployment successful. Review here: ${url}\n${who}please approve or request changes${still}.`;
    }
    case 'approved':
      return `Approved by ${Object.values(state.approval?.by ?? {})
        .map(escapeText)
        .join(', ')}.`;
    case 'canary':
      return 'Canary release started in production.';
    case 'released':
      return ':tada: Released to 100% of traffic.';
    case 'rolled-back':
      return `${who}the canary rolled back: ${productionLine(state)}`;
    case 'triaged':
      return 'Triaged.';
  }
}
