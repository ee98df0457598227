// Who a handoff mentions: the approvers, the assignee or the on-call engineer, as Slack mentions.
import type { FlowkitConfig } from '@flowkit/core';
import type { MentionResolver } from '@flowkit/slack';
import { onCallAt, RotationError, toRotation } from '@flowkit/teams';
import type { Handoff } from './stage.ts';
import type { CardState } from './state.ts';

/** The people a handoff goes to (emails, logins or Slack IDs), and why when there is nobody. */
export function handoffPeople(
  handoff: Handoff,
  state: CardState,
  config: FlowkitConfig,
  now: Date,
): { people: string[]; problem?: string } {
  switch (handoff) {
    case 'approvers': {
      const groups = config.jira.approvals?.groups;
      if (groups === undefined)
        return {
          people: [],
          problem: 'nobody to ask for approval: set jira.approvals.groups in .github/flowkit.yml',
        };
      // Only the groups still to approve; before approvals are read, every group.
      const wanted = state.approval?.missing ?? Object.keys(groups);
      return { people: wanted.flatMap((group) => groups[group] ?? []) };
    }
    case 'assignee':
      if (state.assignee === undefined) return { people: [], problem: 'the ticket has no assignee to tell' };
      return { people: [state.assignee.email ?? state.assignee.name] };
    case 'on-call': {
      const rotation = state.team === undefined ? undefined : config.teams[state.team]?.rotation;
      if (rotation === undefined)
        return {
          people: [],
          problem: `team ${state.team ?? '(none)'} has no on-call rotation in .github/flowkit.yml`,
        };
      try {
        return { people: [onCallAt(toRotation(rotation), now).member] };
      } catch (error) {
        if (!(error instanceof RotationError)) throw error;
        return { people: [], problem: `nobody is on call: ${error.message}` };
      }
    }
  }
}

/** The people as mrkdwn mentions, each resolved once per run (email → users.lookupByEmail, cached). */
export async function mentionsOf(resolver: MentionResolver, people: string[]): Promise<string[]> {
  const resolved = await resolver.resolveAll(people);
  return [...new Set(people.map((person) => resolved.get(person) ?? ''))].filter((mention) => mention !== '');
}
