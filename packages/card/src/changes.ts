// Changes requested on staging: the ticket goes back to In Progress and its engineer is told in the card's thread.
import type { Clock } from '@flowkit/core';
import { DEFAULT_STAGES, type TransitionResult, transitionIssues } from '@flowkit/jira';
import { type CardDeps, type CardRequest, type CardResult, writeCard } from './card.ts';

/** Who asked for changes (a display name from the dispatch payload: untrusted, shown escaped). */
export interface ChangesRequest extends Omit<CardRequest, 'facts'> {
  by?: string;
}

/**
 * Moves the ticket to the in-progress status (jira.statuses.in-progress, along jira.paths when no transition leads
 * there) and writes the card with the request, which mentions the assignee once per request.
 */
export async function requestChanges(
  deps: CardDeps & { clock: Clock },
  request: ChangesRequest,
): Promise<{ move: TransitionResult | undefined; card: CardResult }> {
  const status =
    request.config.jira.statuses?.['in-progress'] ?? DEFAULT_STAGES['in-progress'] ?? 'In Progress';
  const [move] = await transitionIssues(
    deps.jira,
    { keys: [request.key], goal: { kind: 'status', status }, paths: request.config.jira.paths },
    deps.log,
  );
  const at = new Date(deps.clock.now()).toISOString();
  const card = await writeCard(deps, {
    ...request,
    facts: { changesRequested: request.by === undefined ? { at } : { by: request.by, at } },
  });
  return { move, card };
}
