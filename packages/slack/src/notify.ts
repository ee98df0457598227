// Sends one notification: renders it, finds an earlier message with the same key, then updates or posts.
import {
  type Clock,
  type Logger,
  RetryExhaustedError,
  type RetryPolicy,
  systemClock,
  TransientError,
  withRetry,
} from '@flowkit/core';
import { SlackClient } from './client.ts';
import { SlackApiError } from './errors.ts';
import { MentionResolver } from './mentions.ts';
import type { NotifySettings } from './settings.ts';
import { ChannelHistoryStore, keyMetadata, type MessageRef, type MessageStore } from './store.ts';
import { list, type RunInfo, type SlackMessage, text } from './templates/index.ts';
import { postToWebhookOnce } from './webhook.ts';

/** What happened, for outputs and the job summary. */
export interface NotifyResult {
  ok: boolean;
  /** The message's timestamp (Web API only). */
  ts?: string;
  /** The thread it is in: the parent's ts, or its own ts for a top-level message (Web API only). */
  threadTs?: string;
  channelId?: string;
  permalink?: string;
  /** True when an earlier message with the same key was updated instead of posting a new one. */
  updated: boolean;
  /** Why it failed, with the fix (when ok is false). */
  error?: string;
  /** Slack's error code, when Slack refused. */
  errorCode?: string;
}

export interface NotifyDeps {
  log: Logger;
  run: RunInfo;
  clock?: Clock;
  /** Where keyed messages are found; channel history by default. */
  store?: (client: SlackClient, policy: () => RetryPolicy) => MessageStore;
}

const CHANNEL_ID = /^[CGD][A-Z0-9]{6,}$/;

/**
 * Sends the notification described by `settings`. Slack's refusals and exhausted retries come back as
 * `ok: false` with an explanation (the caller decides whether that fails the step); bugs still throw.
 */
export async function notify(settings: NotifySettings, deps: NotifyDeps): Promise<NotifyResult> {
  const clock = deps.clock ?? systemClock;
  const deadline = clock.now() + settings.timeoutMs;
  const policy = (): RetryPolicy => ({
    retries: settings.retries,
    budgetMs: Math.max(0, deadline - clock.now()),
  });
  try {
    if (settings.transport.kind === 'webhook') {
      const { url } = settings.transport;
      const message = await buildMessage(
        settings,
        deps,
        new MentionResolver({ people: settings.config.people, policy, log: deps.log }),
      );
      await withRetry(
        ({ remainingMs }) =>
          postToWebhookOnce(url, message, { clock, timeoutMs: Math.min(10_000, remainingMs) }),
        policy(),
        { clock, log: deps.log },
      );
      deps.log.info('Posted the message through the incoming webhook.');
      return { ok: true, updated: false };
    }
    const client = new SlackClient({
      token: settings.transport.token,
      apiUrl: settings.transport.apiUrl,
      log: deps.log,
      clock,
    });
    const store = (deps.store ?? ((c, p) => new ChannelHistoryStore(c, p)))(client, policy);
    const mentions = new MentionResolver({ people: settings.config.people, client, policy, log: deps.log });
    const message = await buildMessage(settings, deps, mentions);
    return await sendWithClient(settings, deps, client, store, message, policy, clock);
  } catch (error) {
    if (error instanceof SlackApiError)
      return { ok: false, updated: false, error: error.message, errorCode: error.code };
    if (error instanceof RetryExhaustedError)
      return { ok: false, updated: false, error: error.message, errorCode: 'retries_exhausted' };
    throw error;
  }
}

async function sendWithClient(
  settings: NotifySettings,
  deps: NotifyDeps,
  client: SlackClient,
  store: MessageStore,
  message: Record<string, unknown>,
  policy: () => RetryPolicy,
  clock: Clock,
): Promise<NotifyResult> {
  const needsId = settings.updateKey !== undefined || settings.threadKey !== undefined;
  const named = settings.channel ?? '';
  const channel = needsId && !CHANNEL_ID.test(named) ? await channelIdByName(client, named, policy) : named;

  let threadTs = settings.threadTs;
  if (settings.threadKey !== undefined) {
    const parent = await store.find(settings.threadKey, { channel });
    if (parent === undefined) {
      deps.log.warning(
        `No message with key '${settings.threadKey}' found in the channel's recent history; posting at the top level instead.`,
      );
    }
    threadTs = parent?.ts;
  }

  const key = settings.updateKey;
  const metadata = key === undefined ? undefined : keyMetadata(key, { repository: deps.run.repository });
  let existing: MessageRef | undefined;
  let lookedUp = false;
  // One attempt = look up the key (again, after a failure that may have posted), then update or post.
  // Retrying the whole step is what keeps a retried post from duplicating a message that did arrive.
  const sent = await withRetry(
    async ({ remainingMs }) => {
      if (key !== undefined && !lookedUp) {
        existing = await store.find(key, { channel, threadTs });
        lookedUp = true;
      }
      try {
        if (existing !== undefined) {
          const answer = await client.callOnce(
            'chat.update',
            { ...updatable(message), channel: existing.channel, ts: existing.ts, metadata },
            remainingMs,
          );
          return { channel: String(answer.channel), ts: String(answer.ts), updated: true };
        }
        const answer = await client.callOnce(
          'chat.postMessage',
          { ...message, channel, thread_ts: threadTs, metadata },
          remainingMs,
        );
        return { channel: String(answer.channel), ts: String(answer.ts), updated: false };
      } catch (error) {
        // A failure that may have posted the message invalidates the lookup: look again before retrying.
        if (!(error instanceof TransientError && error.hadNoEffect)) lookedUp = false;
        throw error;
      }
    },
    policy(),
    { clock, log: deps.log },
  );
  deps.log.info(`${sent.updated ? 'Updated' : 'Posted'} message ${sent.ts} in ${sent.channel}.`);
  if (key !== undefined && !sent.updated && store.remember !== undefined) {
    await store.remember(key, { channel: sent.channel, ts: sent.ts, threadTs });
  }
  const permalink = await client
    .call('chat.getPermalink', { channel: sent.channel, message_ts: sent.ts }, policy())
    .then((answer) => String(answer.permalink))
    .catch((error: Error) => {
      deps.log.debug(`No permalink: ${error.message}`);
      return undefined;
    });
  return {
    ok: true,
    ts: sent.ts,
    threadTs: threadTs ?? sent.ts,
    channelId: sent.channel,
    permalink,
    updated: sent.updated,
  };
}

/** Finds a channel's ID from its name (channels:read, groups:read for private channels). */
export async function channelIdByName(
  client: SlackClient,
  name: string,
  policy: () => RetryPolicy,
): Promise<string> {
  const wanted = name.replace(/^#/, '');
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const answer = await client.call(
      'conversations.list',
      { types: 'public_channel,private_channel', exclude_archived: true, limit: 1000, cursor },
      policy(),
    );
    const channels = (answer.channels ?? []) as { id: string; name: string }[];
    const found = channels.find((channel) => channel.name === wanted);
    if (found) return found.id;
    cursor = (answer.response_metadata as { next_cursor?: string } | undefined)?.next_cursor || undefined;
    if (cursor === undefined) break;
  }
  throw new SlackApiError('conversations.list', 'channel_not_found');
}

/** The Slack message to send: a rendered template or the custom payload. */
async function buildMessage(
  settings: NotifySettings,
  deps: NotifyDeps,
  mentions: MentionResolver,
): Promise<Record<string, unknown>> {
  const source = settings.message;
  if (source.kind === 'payload') {
    const { channel: _ignored, ...payload } = source.payload;
    return payload;
  }
  const people = source.template.fields.flatMap((field) =>
    field.kind === 'person'
      ? [text(source.values, field.name)]
      : field.kind === 'people'
        ? list(source.values, field.name)
        : [],
  );
  const resolved = await mentions.resolveAll([...people, deps.run.actor]);
  const rendered: SlackMessage = source.template.render(source.values, { ...deps.run, mentions: resolved });
  return { text: rendered.text, blocks: rendered.blocks, unfurl_links: false, unfurl_media: false };
}

/** The parts of a message chat.update accepts. */
function updatable(message: Record<string, unknown>): Record<string, unknown> {
  const { text: body, blocks, attachments } = message;
  return { text: body, blocks, attachments };
}
