// The digest as a Slack message: Block Kit sections in mrkdwn, every piece of user text escaped. Pure.
import { clockTime, type LocalDate, localParts } from '@flowkit/core';
import { context, escapeText, header, link, section } from '@flowkit/slack';
import type { KnownBlock } from '@slack/types';
import type { DigestTicket, RepoDigest } from './gather.ts';

/** Everything the digest shows. */
export interface DigestContent {
  team: string;
  date: LocalDate;
  timeZone: string;
  /** Epoch ms: the moment the digest describes. */
  now: number;
  tickets: DigestTicket[];
  repo: RepoDigest;
  reviewWaitHours: number;
  /** Who is on call (a login or email, resolved through `mentions`), or why nobody could be named. */
  onCall: { member: string } | { problem: string } | undefined;
  /** Person (email, login or display name) → mrkdwn (a mention, or escaped text). */
  mentions: ReadonlyMap<string, string>;
  /** The repository, for the footer. */
  repository: string;
}

/** A Slack message. */
export interface DigestMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Tickets listed per person before "and N more". */
const TICKETS_PER_PERSON = 8;
/** Lines listed per section before "and N more" (a section holds 3,000 characters). */
const LINES_PER_SECTION = 15;

/** The people the digest mentions, to resolve before rendering. */
export function peopleIn(tickets: readonly DigestTicket[], repo: RepoDigest, onCall?: string): string[] {
  return [
    ...tickets.flatMap((ticket) => (ticket.assignee ? [personKey(ticket.assignee)] : [])),
    ...repo.pulls.map((pull) => pull.author),
    ...(onCall === undefined ? [] : [onCall]),
  ];
}

/** Renders the digest. */
export function renderDigest(content: DigestContent): DigestMessage {
  const who = (person: string): string => content.mentions.get(person) ?? escapeText(person);
  const when = (ms: number): string => localTime(ms, content.timeZone, content.now);
  const waitLimit = content.reviewWaitHours * 3_600_000;
  const waiting = content.repo.pulls
    .filter((pull) => content.now - pull.createdAt > waitLimit)
    .sort((a, b) => a.createdAt - b.createdAt);

  const blocks: KnownBlock[] = [header(`Stand-up digest: ${content.team}, ${content.date}`)];

  // In progress, by person.
  const byPerson = new Map<string, DigestTicket[]>();
  for (const ticket of content.tickets) {
    const key = ticket.assignee === undefined ? '' : personKey(ticket.assignee);
    byPerson.set(key, [...(byPerson.get(key) ?? []), ticket]);
  }
  const people = [...byPerson.entries()].sort(([a], [b]) =>
    a === '' ? 1 : b === '' ? -1 : a.localeCompare(b),
  );
  const personLines = people.map(([person, tickets]) => {
    const name = person === '' ? '_Unassigned_' : who(person);
    const shown = tickets
      .slice(0, TICKETS_PER_PERSON)
      .map((ticket) => `${link(ticket.url, ticket.key)} ${escapeText(ticket.summary)}`);
    const more =
      tickets.length > TICKETS_PER_PERSON ? `, and ${tickets.length - TICKETS_PER_PERSON} more` : '';
    return `• ${name} (${tickets.length}): ${shown.join('; ')}${more}`;
  });
  blocks.push(
    ...listSections(`*In progress* (${content.tickets.length})`, personLines, 'Nothing in progress.'),
  );

  blocks.push(
    ...listSections(
      `*Waiting for review for more than ${content.reviewWaitHours} h* (${waiting.length})`,
      waiting.map((pull) => {
        const reviewers =
          pull.reviewers.length === 0
            ? 'no reviewer requested'
            : `reviewers: ${pull.reviewers.map((name) => escapeText(name)).join(', ')}`;
        return `• ${link(pull.url, `#${pull.number} ${pull.title}`)} by ${who(pull.author)}, ${hours(content.now - pull.createdAt)} (${reviewers})`;
      }),
      'No pull request waits that long.',
      content.repo.morePulls > 0
        ? `More than 100 pull requests are open; ${content.repo.morePulls} were not read.`
        : undefined,
    ),
  );

  blocks.push(
    ...listSections(
      `*Waiting for approval* (${content.repo.awaitingApproval.length})`,
      content.repo.awaitingApproval.map((entry) => {
        const what = entry.kind === 'reviewers' ? 'waits for its required reviewers' : 'ready for review';
        return `• ${link(entry.url, entry.environment)} \`${entry.sha.slice(0, 7)}\` ${what} since ${when(entry.since)} (${hours(content.now - entry.since)})`;
      }),
      'Nothing waits for approval.',
    ),
  );

  blocks.push(
    ...listSections(
      `*Canary in progress* (${content.repo.canaries.length})`,
      content.repo.canaries.map(
        (canary) =>
          `• \`${canary.sha.slice(0, 7)}\` at ${escapeText(canary.step)} since ${when(canary.since)}`,
      ),
      'No canary running.',
    ),
  );

  blocks.push(
    ...listSections(
      `*Rollbacks since the last digest* (${content.repo.rollbacks.length})`,
      content.repo.rollbacks.map(
        (rollback) =>
          `• \`${rollback.sha.slice(0, 7)}\` at ${when(rollback.at)}: ${escapeText(rollback.reason)}`,
      ),
      'No rollbacks.',
    ),
  );

  const onCall =
    content.onCall === undefined
      ? 'no rotation configured'
      : 'member' in content.onCall
        ? who(content.onCall.member)
        : escapeText(content.onCall.problem);
  blocks.push(section(`*On call*: ${onCall}`));
  blocks.push(
    context([`${escapeText(content.repository)} · ${content.date} (${escapeText(content.timeZone)})`]),
  );

  const text = escapeText(
    `Stand-up digest for ${content.team}, ${content.date}: ${content.tickets.length} in progress, ${waiting.length} pull request(s) waiting for review, ${content.repo.awaitingApproval.length} waiting for approval, ${content.repo.canaries.length} canary, ${content.repo.rollbacks.length} rollback(s).`,
  );
  return { text, blocks };
}

/** How a ticket's assignee is looked up: by email where Jira shows it, else by name. */
function personKey(assignee: { name: string; email?: string }): string {
  return assignee.email ?? assignee.name;
}

/** A titled list as sections of at most LINES_PER_SECTION lines. */
function listSections(title: string, lines: string[], empty: string, note?: string): KnownBlock[] {
  if (lines.length === 0) return [section(`${title}\n${empty}${note ? `\n${note}` : ''}`)];
  const blocks: KnownBlock[] = [];
  const shown = lines.slice(0, LINES_PER_SECTION * 3);
  for (let start = 0; start < shown.length; start += LINES_PER_SECTION) {
    const part = shown.slice(start, start + LINES_PER_SECTION).join('\n');
    blocks.push(section(start === 0 ? `${title}\n${part}` : part));
  }
  const rest = lines.length - shown.length;
  if (rest > 0 || note) {
    blocks.push(context([[rest > 0 ? `and ${rest} more` : '', note ?? ''].filter(Boolean).join('; ')]));
  }
  return blocks;
}

/** 'HH:MM' in the team's zone, with the date when it is not the day of `now`. */
function localTime(ms: number, timeZone: string, now: number): string {
  const at = localParts(new Date(ms), timeZone);
  const time = clockTime(at.minutes);
  return at.date === localParts(new Date(now), timeZone).date ? time : `${at.date} ${time}`;
}

function hours(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 3_600_000));
  return total >= 48 ? `${Math.floor(total / 24)} d ${total % 24} h` : `${total} h`;
}
