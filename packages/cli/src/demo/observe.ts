// What the report shows of Jira and Slack, read through their APIs after every step — the same for the emulators and
// the real services: the ticket's status, labels and assignee as they change, its comments and links, and the
// channel's messages since the run began (a message whose words changed between two looks was updated in place).
import type { RetryPolicy } from '@flowkit/core';
import type { JiraApi } from '@flowkit/jira';
import { SlackClient } from '@flowkit/slack';
import type { JiraChange, RecordedMessage } from './record.ts';
import { jiraAs, type World } from './world.ts';

/** The ticket at the end of the run. */
export interface TicketState {
  status: string;
  labels: string[];
  assignee: string | undefined;
  properties: Record<string, unknown>;
  /** Status changes in the order they were seen. */
  transitions: { from: string; to: string }[];
  /** The ticket's remote links (the card's permalink among them). */
  remoteLinks: { url: string; title: string }[];
}

const policy = (): RetryPolicy => ({ retries: 3, budgetMs: 30_000 });

interface SlackMessage {
  ts?: string;
  thread_ts?: string;
  text?: string;
  user?: string;
  bot_id?: string;
  reply_count?: number;
}

export class Observer {
  readonly #world: World;
  readonly #jira: JiraApi;
  readonly #slack: SlackClient;
  readonly #since: number;
  readonly #changes: JiraChange[] = [];
  readonly #transitions: { from: string; to: string }[] = [];
  /** ts → the message as last seen, and whether its words ever changed. */
  readonly #messages = new Map<string, RecordedMessage>();
  #seen: { status: string; labels: string; assignee: string | undefined } | undefined;
  #bot: { user?: string; bot?: string } | undefined;

  constructor(world: World, since: number) {
    this.#world = world;
    this.#since = since;
    this.#jira = jiraAs(world.jiraCredentials.url, world.jiraCredentials);
    this.#slack = new SlackClient({ token: world.slack.token, apiUrl: world.slack.apiUrl });
  }

  /** When the ticket was first seen in `status`. */
  seen(status: string): number | undefined {
    return this.#changes.find((change) => change.kind === 'status' && change.text.endsWith(` → ${status}`))
      ?.at;
  }

  /** Reads the ticket and the channel once; records what changed since the last look. */
  async look(): Promise<void> {
    await Promise.all([this.#lookAtTicket(), this.#lookAtChannel()]);
  }

  async #lookAtTicket(): Promise<void> {
    const issue = await this.#jira.getIssue(this.#world.story.key);
    const now = Date.now();
    const labels = issue.labels.join(', ');
    const before = this.#seen;
    if (before !== undefined && before.status !== issue.status) {
      this.#transitions.push({ from: before.status, to: issue.status });
      this.#changes.push({ at: now, kind: 'status', text: `${before.status} → ${issue.status}` });
    }
    if (before === undefined ? labels !== '' : before.labels !== labels)
      this.#changes.push({ at: now, kind: 'labels', text: labels || '(none)' });
    if (before === undefined ? issue.assignee !== undefined : before.assignee !== issue.assignee)
      this.#changes.push({ at: now, kind: 'assignee', text: issue.assigneeName ?? 'unassigned' });
    this.#seen = { status: issue.status, labels, assignee: issue.assignee };
  }

  async #lookAtChannel(): Promise<void> {
    const channel = this.#world.slack.channel;
    if (this.#bot === undefined) {
      const answer = await this.#slack.call('auth.test', {}, policy());
      this.#bot = {
        ...(typeof answer.user_id === 'string' ? { user: answer.user_id } : {}),
        ...(typeof answer.bot_id === 'string' ? { bot: answer.bot_id } : {}),
      };
    }
    const bot = this.#bot;
    const history = await this.#slack.call(
      'conversations.history',
      { channel: channel.id, oldest: (this.#since / 1000).toFixed(6), limit: 200 },
      policy(),
    );
    const found: SlackMessage[] = [];
    for (const message of (history.messages ?? []) as SlackMessage[]) {
      found.push(message);
      if ((message.reply_count ?? 0) > 0 && message.ts !== undefined) {
        const replies = await this.#slack.call(
          'conversations.replies',
          { channel: channel.id, ts: message.ts, limit: 200 },
          policy(),
        );
        found.push(
          ...((replies.messages ?? []) as SlackMessage[]).filter((reply) => reply.ts !== message.ts),
        );
      }
    }
    for (const message of found) {
      const { ts } = message;
      const mine =
        (bot.user !== undefined && message.user === bot.user) ||
        (bot.bot !== undefined && message.bot_id === bot.bot);
      if (ts === undefined || !mine) continue;
      const text = message.text ?? '';
      const known = this.#messages.get(ts);
      this.#messages.set(ts, {
        channel: channel.name,
        ts,
        ...(message.thread_ts === undefined || message.thread_ts === ts
          ? {}
          : { threadTs: message.thread_ts }),
        text,
        edited: known !== undefined && (known.edited || known.text !== text),
      });
    }
  }

  /** The channel's messages of the run, oldest first. */
  messages(): RecordedMessage[] {
    return [...this.#messages.values()].sort((a, b) => Number(a.ts) - Number(b.ts));
  }

  /** The ticket's history (moves, labels, assignee as seen; comments as Jira dates them) and its final state. */
  async ticket(): Promise<{ history: JiraChange[]; state: TicketState }> {
    const key = this.#world.story.key;
    const [issue, comments, links] = await Promise.all([
      this.#jira.getIssue(key, ['flowkit-slack']),
      this.#jira.authoredComments(key),
      this.#jira.remoteLinks(key),
    ]);
    const history = [
      ...this.#changes,
      ...comments.map((comment) => ({
        at: Date.parse(comment.created ?? '') || Date.now(),
        kind: 'comment' as const,
        text: comment.authorName,
        detail: comment.text,
      })),
    ].sort((a, b) => a.at - b.at);
    return {
      history,
      state: {
        status: issue.status,
        labels: issue.labels,
        assignee: issue.assigneeName,
        properties: issue.properties,
        transitions: this.#transitions,
        remoteLinks: links.map(({ url, title }) => ({ url, title })),
      },
    };
  }
}
