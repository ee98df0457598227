// Where a keyed message lives, so a rerun or a later job updates it instead of posting a duplicate.
import type { RetryPolicy } from '@flowkit/core';
import type { SlackClient } from './client.ts';

/** Slack message metadata event type that marks Flowkit's messages. */
export const MESSAGE_EVENT_TYPE = 'flowkit_message';

/** A message in a channel, optionally inside a thread. */
export interface MessageRef {
  channel: string;
  ts: string;
  threadTs?: string;
}

/**
 * Finds the message that carries a key. Slack cannot search by metadata, so implementations look where
 * the message must be (channel history here; a Jira issue property or a deployment payload in later stores).
 */
export interface MessageStore {
  /** The message with `key` in `channel` (inside the thread `threadTs` when given), or undefined. */
  find(key: string, where: { channel: string; threadTs?: string }): Promise<MessageRef | undefined>;
  /** Records where a keyed message was posted, for stores that cannot find it by looking (e.g. a Jira issue property). */
  remember?(key: string, message: MessageRef): Promise<void>;
}

/** The metadata Flowkit attaches to a keyed message. */
export function keyMetadata(key: string, extra: Record<string, string> = {}) {
  return { event_type: MESSAGE_EVENT_TYPE, event_payload: { key, ...extra } };
}

/**
 * Reads the channel's recent history (or a thread's replies) with `include_all_metadata`, newest first,
 * in at most `maxPages` pages of `pageSize`. Needs channels:history (groups:history for private channels).
 */
export class ChannelHistoryStore implements MessageStore {
  readonly #client: SlackClient;
  readonly #policy: () => RetryPolicy;
  readonly #pageSize: number;
  readonly #maxPages: number;

  constructor(
    client: SlackClient,
    policy: () => RetryPolicy,
    options: { pageSize?: number; maxPages?: number } = {},
  ) {
    this.#client = client;
    this.#policy = policy;
    this.#pageSize = options.pageSize ?? 200;
    this.#maxPages = options.maxPages ?? 5;
  }

  async find(key: string, where: { channel: string; threadTs?: string }): Promise<MessageRef | undefined> {
    const method = where.threadTs === undefined ? 'conversations.history' : 'conversations.replies';
    let cursor: string | undefined;
    for (let page = 0; page < this.#maxPages; page++) {
      const answer = await this.#client.call(
        method,
        {
          channel: where.channel,
          ts: where.threadTs,
          limit: this.#pageSize,
          include_all_metadata: true,
          cursor,
        },
        this.#policy(),
      );
      const messages = Array.isArray(answer.messages) ? (answer.messages as SlackMessageRecord[]) : [];
      // Replies come oldest first with the parent on top; a rerun wants the latest match, so scan from the end.
      const ordered = where.threadTs === undefined ? messages : [...messages].reverse();
      const found = ordered.find(
        (message) =>
          message.metadata?.event_type === MESSAGE_EVENT_TYPE &&
          message.metadata.event_payload?.key === key &&
          message.ts !== where.threadTs,
      );
      if (found?.ts) return { channel: where.channel, ts: found.ts, threadTs: where.threadTs };
      cursor = (answer.response_metadata as { next_cursor?: string } | undefined)?.next_cursor || undefined;
      if (cursor === undefined) return undefined;
    }
    return undefined;
  }
}

interface SlackMessageRecord {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}
