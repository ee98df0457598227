// Behaviour of the Slack emulator through HTTP: what each method answers, and its rate limits and faults.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import {
  DEFAULT_RATE_LIMITS,
  maxAcceptedInWindow,
  type RateLimit,
  SlackEmulator,
  type SlackEmulatorOptions,
} from '../src/slack-emulator.ts';

const BOT = 'xoxb-bot';
const PUBLIC_POSTER = 'xoxb-public-poster';
const READ_ONLY = 'xoxb-read-only';
const OTHER_BOT = 'xoxb-other-bot';
const ALL_SCOPES = [
  'chat:write',
  'channels:read',
  'groups:read',
  'channels:history',
  'groups:history',
  'users:read',
  'users:read.email',
];
const HOOK = 'T0FLOWKIT/B0HOOK0001/secret';
const ARCHIVED_HOOK = 'T0FLOWKIT/B0HOOK0002/archived';
const START = 1_732_752_000_000;

/** Limits high enough that only the rate-limit tests meet them. */
function generousLimits(): Record<string, RateLimit> {
  return Object.fromEntries(
    Object.keys(DEFAULT_RATE_LIMITS).map((key) => [key, { limit: 10_000, windowMs: 1000 }]),
  );
}

function workspace(overrides: Partial<SlackEmulatorOptions> = {}): SlackEmulatorOptions {
  return {
    tokens: {
      [BOT]: { scopes: ALL_SCOPES },
      [PUBLIC_POSTER]: { scopes: ['chat:write', 'chat:write.public'] },
      [READ_ONLY]: { scopes: ['channels:read'] },
      [OTHER_BOT]: { scopes: ['chat:write'], userId: 'U0OTHERBOT', botId: 'B0OTHERBOT' },
    },
    channels: [
      { id: 'C0DEPLOYS1', name: 'deploys', members: ['UBOT', 'U0ALICE01', 'U0OTHERBOT'] },
      { id: 'C0RANDOM01', name: 'random', members: ['U0ALICE01'] },
      { id: 'C0SECRET01', name: 'secret', isPrivate: true, members: ['UBOT'] },
      { id: 'C0HIDDEN01', name: 'hidden', isPrivate: true, members: ['U0ALICE01'] },
      { id: 'C0ARCHIVE1', name: 'old-deploys', isArchived: true, members: ['UBOT'] },
      { id: 'C0EMPTY001', name: 'empty', members: ['UBOT'] },
    ],
    users: [{ id: 'U0ALICE01', name: 'alice', email: 'alice@example.com', realName: 'Alice Example' }],
    webhooks: { [HOOK]: { channel: 'deploys' }, [ARCHIVED_HOOK]: { channel: 'C0ARCHIVE1' } },
    rateLimits: generousLimits(),
    ...overrides,
  };
}

// biome-ignore lint/suspicious/noExplicitAny: answers are untyped JSON, read field by field in assertions.
type Json = any;

interface Answer {
  status: number;
  headers: Headers;
  body: Json;
}

async function send(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  const isJson = (response.headers.get('content-type') ?? '').startsWith('application/json');
  return { status: response.status, headers: response.headers, body: isJson ? JSON.parse(text) : text };
}

function auth(token: string | null): Record<string, string> {
  return token === null ? {} : { authorization: `Bearer ${token}` };
}

function formOf(args: Record<string, unknown>): URLSearchParams {
  return new URLSearchParams(
    Object.entries(args).map(([name, value]): [string, string] => [
      name,
      typeof value === 'object' ? JSON.stringify(value) : String(value),
    ]),
  );
}

/** A Web API call with a form body, as @slack/web-api sends it. */
function postForm(
  slack: SlackEmulator,
  method: string,
  args: Record<string, unknown>,
  token: string | null = BOT,
) {
  return send(`${slack.apiUrl}${method}`, {
    method: 'POST',
    headers: { ...auth(token), 'content-type': 'application/x-www-form-urlencoded' },
    body: formOf(args),
  });
}

/** A Web API call with a JSON body. */
function postJson(slack: SlackEmulator, method: string, args: unknown, token: string | null = BOT) {
  return send(`${slack.apiUrl}${method}`, {
    method: 'POST',
    headers: { ...auth(token), 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(args),
  });
}

/** A Web API call with its arguments in the query. */
function get(
  slack: SlackEmulator,
  method: string,
  args: Record<string, unknown> = {},
  token: string | null = BOT,
) {
  return send(`${slack.apiUrl}${method}?${formOf(args)}`, { headers: auth(token) });
}

function postWebhook(slack: SlackEmulator, key: string, body: string, contentType = 'application/json') {
  return send(slack.webhookUrl(key), { method: 'POST', headers: { 'content-type': contentType }, body });
}

describe('SlackEmulator', () => {
  let slack: SlackEmulator;
  let clock: number;

  beforeEach(async () => {
    clock = START;
    slack = await SlackEmulator.start(workspace({ now: () => clock }));
  });

  afterEach(async () => {
    await slack.stop();
  });

  describe('server', () => {
    test('listens on 127.0.0.1 and gives the Web API base with a trailing slash', () => {
      expect(slack.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(slack.apiUrl).toBe(`${slack.url}/api/`);
      expect(slack.webhookUrl(HOOK)).toBe(`${slack.url}/services/${HOOK}`);
    });

    test('stop() closes idle keep-alive connections and later calls fail', async () => {
      const first = await fetch(`${slack.apiUrl}auth.test`, {
        headers: { ...auth(BOT), connection: 'keep-alive' },
      });
      await first.text();
      await slack.stop();
      await expect(fetch(`${slack.apiUrl}auth.test`, { headers: auth(BOT) })).rejects.toThrow();
    });

    test('records every request in order, with what Slack read and what it answered', async () => {
      await postForm(slack, 'chat.postMessage', {
        channel: 'deploys',
        text: 'one',
        token: 'ignored-by-header',
      });
      await get(slack, 'auth.test');
      expect(slack.requests.map((r) => r.method)).toEqual(['chat.postMessage', 'auth.test']);
      const [post] = slack.requests;
      expect(post?.params).toEqual({ channel: 'deploys', text: 'one' });
      expect(post?.httpMethod).toBe('POST');
      expect(post?.contentType).toBe('application/x-www-form-urlencoded');
      expect(post?.headers.authorization).toBe(`Bearer ${BOT}`);
      expect(post?.status).toBe(200);
      expect(post?.response).toMatchObject({ ok: true, channel: 'C0DEPLOYS1' });
      expect(post?.responseHeaders['content-type']).toBe('application/json; charset=utf-8');
      expect(post?.receivedAt).toBe(START);
    });
  });

  describe('authentication', () => {
    test('no token is not_authed, an unknown one invalid_auth, both with HTTP 200 and JSON', async () => {
      const none = await get(slack, 'auth.test', {}, null);
      expect(none.status).toBe(200);
      expect(none.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(none.body).toEqual({ ok: false, error: 'not_authed' });
      expect((await get(slack, 'auth.test', {}, 'xoxb-nope')).body).toEqual({
        ok: false,
        error: 'invalid_auth',
      });
    });

    test('a token argument in the query or a form works like the bearer header', async () => {
      expect((await get(slack, 'auth.test', { token: BOT }, null)).body.ok).toBe(true);
      expect((await postForm(slack, 'auth.test', { token: BOT }, null)).body.ok).toBe(true);
    });

    test('a token inside a JSON body is ignored, as Slack reads it only from the header', async () => {
      const answer = await postJson(
        slack,
        'chat.postMessage',
        { token: BOT, channel: 'deploys', text: 'x' },
        null,
      );
      expect(answer.body).toEqual({ ok: false, error: 'not_authed' });
      expect(slack.messages('deploys')).toEqual([]);
    });

    test('auth.test names the team, the bot user and the bot', async () => {
      const answer = await get(slack, 'auth.test');
      expect(answer.body).toEqual({
        ok: true,
        url: 'https://flowkit.slack.com/',
        team: 'flowkit',
        user: 'flowkit',
        team_id: 'T0FLOWKIT',
        user_id: 'UBOT',
        bot_id: 'B0FLOWKIT0',
        is_enterprise_install: false,
      });
    });

    test('an unknown method is unknown_method with HTTP 200', async () => {
      const answer = await postForm(slack, 'chat.postMessages', { channel: 'deploys', text: 'x' });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ ok: false, error: 'unknown_method' });
    });

    test('a method checks its scope and names the needed and provided scopes', async () => {
      const answer = await postForm(slack, 'chat.postMessage', { channel: 'deploys', text: 'x' }, READ_ONLY);
      expect(answer.body).toEqual({
        ok: false,
        error: 'missing_scope',
        needed: 'chat:write',
        provided: 'channels:read',
      });
      expect((await get(slack, 'users.lookupByEmail', { email: 'a@b.c' }, READ_ONLY)).body.needed).toBe(
        'users:read.email',
      );
    });
  });

  describe('chat.postMessage', () => {
    test('posts by channel ID, #name or name and answers the channel ID and the message', async () => {
      const byId = await postForm(slack, 'chat.postMessage', { channel: 'C0DEPLOYS1', text: 'by id' });
      const byHash = await postJson(slack, 'chat.postMessage', { channel: '#deploys', text: 'by #name' });
      const byName = await postForm(slack, 'chat.postMessage', { channel: 'deploys', text: 'by name' });
      for (const answer of [byId, byHash, byName]) expect(answer.body.channel).toBe('C0DEPLOYS1');
      expect(byId.body).toEqual({
        ok: true,
        channel: 'C0DEPLOYS1',
        ts: byId.body.ts,
        message: { type: 'message', text: 'by id', user: 'UBOT', bot_id: 'B0FLOWKIT0', ts: byId.body.ts },
      });
      expect(slack.messages('C0DEPLOYS1').map((m) => m.text)).toEqual(['by id', 'by #name', 'by name']);
    });

    test('gives each message a unique, increasing seconds.microseconds ts from the clock', async () => {
      const stamps: string[] = [];
      for (const text of ['a', 'b', 'c']) {
        stamps.push((await postForm(slack, 'chat.postMessage', { channel: 'deploys', text })).body.ts);
      }
      clock += 1500;
      stamps.push((await postForm(slack, 'chat.postMessage', { channel: 'deploys', text: 'd' })).body.ts);
      expect(stamps).toEqual([
        '1732752000.000000',
        '1732752000.000001',
        '1732752000.000002',
        '1732752001.500000',
      ]);
    });

    test('a public channel the bot is not in needs chat:write.public', async () => {
      expect((await postForm(slack, 'chat.postMessage', { channel: 'random', text: 'x' })).body).toEqual({
        ok: false,
        error: 'not_in_channel',
      });
      const answer = await postForm(
        slack,
        'chat.postMessage',
        { channel: 'random', text: 'x' },
        PUBLIC_POSTER,
      );
      expect(answer.body.ok).toBe(true);
      expect(slack.messages('random')).toHaveLength(1);
    });

    test('a private channel is found only by members; archived and unknown channels are refused', async () => {
      expect((await postForm(slack, 'chat.postMessage', { channel: 'secret', text: 'x' })).body.ok).toBe(
        true,
      );
      const hidden = await postForm(
        slack,
        'chat.postMessage',
        { channel: 'C0HIDDEN01', text: 'x' },
        PUBLIC_POSTER,
      );
      expect(hidden.body).toEqual({ ok: false, error: 'channel_not_found' });
      expect(
        (await postForm(slack, 'chat.postMessage', { channel: 'old-deploys', text: 'x' })).body.error,
      ).toBe('is_archived');
      expect((await postForm(slack, 'chat.postMessage', { channel: 'nowhere', text: 'x' })).body.error).toBe(
        'channel_not_found',
      );
      expect((await postForm(slack, 'chat.postMessage', { text: 'x' })).body.error).toBe('channel_not_found');
      expect(slack.messages('old-deploys')).toEqual([]);
    });

    test('needs text, blocks or attachments, and text of at most 40,000 characters', async () => {
      expect((await postForm(slack, 'chat.postMessage', { channel: 'deploys' })).body.error).toBe('no_text');
      expect(
        (await postJson(slack, 'chat.postMessage', { channel: 'deploys', text: '', blocks: [] })).body.error,
      ).toBe('no_text');
      const longest = await postForm(slack, 'chat.postMessage', {
        channel: 'deploys',
        text: 'x'.repeat(40_000),
      });
      expect(longest.body.ok).toBe(true);
      const tooLong = await postForm(slack, 'chat.postMessage', {
        channel: 'deploys',
        text: 'x'.repeat(40_001),
      });
      expect(tooLong.body).toEqual({ ok: false, error: 'msg_too_long' });
      expect(slack.messages('deploys')).toHaveLength(1);
    });

    test('accepts the block types Flowkit uses, as a form field or in a JSON body', async () => {
      const blocks = [
        { type: 'header', text: { type: 'plain_text', text: 'Staging deployed' } },
        {
          type: 'section',
          text: { type: 'mrkdwn', text: '*dashboard* is live' },
          fields: [{ type: 'mrkdwn', text: 'a' }],
        },
        {
          type: 'context',
          elements: [
            { type: 'mrkdwn', text: 'by CI' },
            { type: 'image', image_url: 'https://x/y.png', alt_text: 'ci' },
          ],
        },
        { type: 'divider' },
        {
          type: 'actions',
          elements: [{ type: 'button', text: { type: 'plain_text', text: 'Review' }, url: 'https://x' }],
        },
        {
          type: 'rich_text',
          elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'hi' }] }],
        },
        { type: 'image', image_url: 'https://x/chart.png', alt_text: 'chart' },
        { type: 'markdown', text: '**bold**' },
      ];
      const viaForm = await postForm(slack, 'chat.postMessage', {
        channel: 'deploys',
        text: 'fallback',
        blocks,
      });
      const viaJson = await postJson(slack, 'chat.postMessage', { channel: 'deploys', blocks });
      expect(viaForm.body.ok).toBe(true);
      expect(viaForm.body.message.blocks).toEqual(blocks);
      expect(viaJson.body.ok).toBe(true);
      expect(viaJson.body.message.text).toBe('');
      expect(slack.messages('deploys')[1]?.blocks).toEqual(blocks);
      expect(slack.requests[0]?.params.blocks).toEqual(blocks);
    });

    test.each([
      [
        'a header over 150 characters',
        [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }],
        '[ERROR] must be less than 151 characters [json-pointer:/blocks/0/text/text]',
      ],
      [
        'a mrkdwn header',
        [{ type: 'header', text: { type: 'mrkdwn', text: 'h' } }],
        '[ERROR] must be one of the following: plain_text [json-pointer:/blocks/0/text/type]',
      ],
      [
        'an empty section text',
        [{ type: 'section', text: { type: 'mrkdwn', text: '' } }],
        '[ERROR] must be more than 0 characters [json-pointer:/blocks/0/text/text]',
      ],
      [
        'section text over 3000 characters',
        [{ type: 'section', text: { type: 'mrkdwn', text: 's'.repeat(3001) } }],
        '[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]',
      ],
      [
        'an unknown block type',
        [{ type: 'sparkle' }],
        '[ERROR] unsupported block type: sparkle [json-pointer:/blocks/0/type]',
      ],
      [
        '51 blocks',
        Array.from({ length: 51 }, () => ({ type: 'divider' })),
        '[ERROR] must be less than 51 items [json-pointer:/blocks]',
      ],
    ])('refuses %s as invalid_blocks, saying why', async (_name, blocks, message) => {
      const answer = await postJson(slack, 'chat.postMessage', { channel: 'deploys', text: 'x', blocks });
      expect(answer.body.ok).toBe(false);
      expect(answer.body.error).toBe('invalid_blocks');
      expect(answer.body.response_metadata.messages).toEqual([message]);
      expect(slack.messages('deploys')).toEqual([]);
    });

    test('blocks that are not a JSON array are invalid_blocks_format', async () => {
      const notJson = await postForm(slack, 'chat.postMessage', {
        channel: 'deploys',
        text: 'x',
        blocks: '[{',
      });
      expect(notJson.body).toEqual({ ok: false, error: 'invalid_blocks_format' });
      const notArray = await postJson(slack, 'chat.postMessage', {
        channel: 'deploys',
        blocks: { type: 'divider' },
      });
      expect(notArray.body.error).toBe('invalid_blocks_format');
    });

    test('stores metadata given as a form field or in JSON, and refuses malformed metadata', async () => {
      const metadata = { event_type: 'flowkit_deploy', event_payload: { run: '42', env: 'staging' } };
      const answer = await postForm(slack, 'chat.postMessage', { channel: 'deploys', text: 'x', metadata });
      expect(answer.body.message.metadata).toEqual(metadata);
      await postJson(slack, 'chat.postMessage', { channel: 'deploys', text: 'y', metadata });
      expect(slack.messages('deploys').map((m) => m.metadata)).toEqual([metadata, metadata]);
      for (const bad of [
        { event_type: 'x' },
        { event_payload: {} },
        { event_type: 'x', event_payload: 'y' },
        'x{',
      ]) {
        const refused = await postForm(slack, 'chat.postMessage', {
          channel: 'deploys',
          text: 'z',
          metadata: bad,
        });
        expect(refused.body).toEqual({ ok: false, error: 'invalid_metadata_format' });
      }
      expect(slack.messages('deploys')).toHaveLength(2);
    });

    test('replies in a thread, counts replies on the parent and refuses an unknown thread_ts', async () => {
      const parent = (await postForm(slack, 'chat.postMessage', { channel: 'deploys', text: 'parent' })).body;
      const reply = await postForm(slack, 'chat.postMessage', {
        channel: 'deploys',
        text: 'r1',
        thread_ts: parent.ts,
      });
      expect(reply.body.message.thread_ts).toBe(parent.ts);
      expect(reply.body.message.parent_user_id).toBe('UBOT');
      // A reply's ts names its parent's thread, as in Slack.
      await postForm(slack, 'chat.postMessage', { channel: 'deploys', text: 'r2', thread_ts: reply.body.ts });
      const unknown = await postForm(slack, 'chat.postMessage', {
        channel: 'deploys',
        text: 'x',
        thread_ts: '1.000001',
      });
      expect(unknown.body).toEqual({ ok: false, error: 'thread_not_found' });
      const stored = slack.messages('deploys');
      expect(stored.map((m) => [m.text, m.threadTs, m.replyCount])).toEqual([
        ['parent', parent.ts, 2],
        ['r1', parent.ts, 0],
        ['r2', parent.ts, 0],
      ]);
    });
  });

  describe('chat.delete', () => {
    test('removes a reply of its own and counts one reply fewer on the parent; a second delete is not found', async () => {
      const parent = (await postJson(slack, 'chat.postMessage', { channel: 'deploys', text: 'p' })).body;
      const reply = (
        await postJson(slack, 'chat.postMessage', { channel: 'deploys', text: 'r', thread_ts: parent.ts })
      ).body;
      const answer = await postJson(slack, 'chat.delete', { channel: 'C0DEPLOYS1', ts: reply.ts });
      expect(answer.body).toEqual({ ok: true, channel: 'C0DEPLOYS1', ts: reply.ts });
      expect(slack.messages('deploys').map((message) => [message.text, message.replyCount])).toEqual([
        ['p', 0],
      ]);
      const again = await postJson(slack, 'chat.delete', { channel: 'C0DEPLOYS1', ts: reply.ts });
      expect(again.body).toEqual({ ok: false, error: 'message_not_found' });
    });
  });

  describe('chat.update', () => {
    test('replaces text, blocks and metadata of its own message and marks it edited', async () => {
      const first = { event_type: 'flowkit_deploy', event_payload: { status: 'running' } };
      const posted = await postJson(slack, 'chat.postMessage', {
        channel: 'deploys',
        text: 'running',
        blocks: [{ type: 'divider' }],
        metadata: first,
      });
      const metadata = { event_type: 'flowkit_deploy', event_payload: { status: 'done' } };
      const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'done' } }];
      const answer = await postJson(slack, 'chat.update', {
        channel: 'C0DEPLOYS1',
        ts: posted.body.ts,
        text: 'done',
        blocks,
        metadata,
      });
      expect(answer.body).toEqual({
        ok: true,
        channel: 'C0DEPLOYS1',
        ts: posted.body.ts,
        text: 'done',
        message: {
          type: 'message',
          text: 'done',
          user: 'UBOT',
          bot_id: 'B0FLOWKIT0',
          ts: posted.body.ts,
          blocks,
          metadata,
        },
      });
      expect(slack.messages('deploys')).toEqual([
        {
          channel: 'C0DEPLOYS1',
          ts: posted.body.ts,
          text: 'done',
          blocks,
          metadata,
          userId: 'UBOT',
          botId: 'B0FLOWKIT0',
          edited: true,
          replyCount: 0,
        },
      ]);
    });

    test('keeps blocks left out and removes them for an empty array', async () => {
      const blocks = [{ type: 'divider' }];
      const { ts } = (await postJson(slack, 'chat.postMessage', { channel: 'deploys', text: 'a', blocks }))
        .body;
      await postForm(slack, 'chat.update', { channel: 'C0DEPLOYS1', ts, text: 'b' });
      expect(slack.messages('deploys')[0]?.blocks).toEqual(blocks);
      await postForm(slack, 'chat.update', { channel: 'C0DEPLOYS1', ts, text: 'c', blocks: [] });
      expect(slack.messages('deploys')[0]?.blocks).toBeUndefined();
    });

    test('takes only a channel ID and finds only messages that exist', async () => {
      const { ts } = (await postForm(slack, 'chat.postMessage', { channel: 'deploys', text: 'a' })).body;
      expect((await postForm(slack, 'chat.update', { channel: 'deploys', ts, text: 'b' })).body).toEqual({
        ok: false,
        error: 'channel_not_found',
      });
      const missing = await postForm(slack, 'chat.update', {
        channel: 'C0DEPLOYS1',
        ts: '1.000001',
        text: 'b',
      });
      expect(missing.body).toEqual({ ok: false, error: 'message_not_found' });
      expect(slack.messages('deploys')[0]?.text).toBe('a');
    });

    test("refuses another bot's or a webhook's message as cant_update_message", async () => {
      const { ts } = (await postForm(slack, 'chat.postMessage', { channel: 'deploys', text: 'mine' })).body;
      const byOther = await postForm(
        slack,
        'chat.update',
        { channel: 'C0DEPLOYS1', ts, text: 'theirs' },
        OTHER_BOT,
      );
      expect(byOther.body).toEqual({ ok: false, error: 'cant_update_message' });
      await postWebhook(slack, HOOK, JSON.stringify({ text: 'from hook' }));
      const hookTs = slack.messages('deploys')[1]?.ts;
      const onHook = await postForm(slack, 'chat.update', {
        channel: 'C0DEPLOYS1',
        ts: hookTs,
        text: 'edited',
      });
      expect(onHook.body.error).toBe('cant_update_message');
      expect(slack.messages('deploys').map((m) => m.text)).toEqual(['mine', 'from hook']);
    });
  });

  describe('chat.getPermalink', () => {
    test('links a message, and a reply with its thread, without needing a scope', async () => {
      const parent = (await postForm(slack, 'chat.postMessage', { channel: 'deploys', text: 'p' })).body;
      const reply = (
        await postForm(slack, 'chat.postMessage', { channel: 'deploys', text: 'r', thread_ts: parent.ts })
      ).body;
      const link = await get(
        slack,
        'chat.getPermalink',
        { channel: 'C0DEPLOYS1', message_ts: parent.ts },
        READ_ONLY,
      );
      expect(link.body).toEqual({
        ok: true,
        channel: 'C0DEPLOYS1',
        permalink: `https://flowkit.slack.com/archives/C0DEPLOYS1/p${parent.ts.replace('.', '')}`,
      });
      const replyLink = await get(slack, 'chat.getPermalink', {
        channel: 'C0DEPLOYS1',
        message_ts: reply.ts,
      });
      expect(replyLink.body.permalink).toBe(
        `https://flowkit.slack.com/archives/C0DEPLOYS1/p${reply.ts.replace('.', '')}?thread_ts=${parent.ts}&cid=C0DEPLOYS1`,
      );
    });

    test('an unknown message is message_not_found and an unknown channel channel_not_found', async () => {
      expect(
        (await get(slack, 'chat.getPermalink', { channel: 'C0DEPLOYS1', message_ts: '1.000001' })).body,
      ).toEqual({
        ok: false,
        error: 'message_not_found',
      });
      expect(
        (await get(slack, 'chat.getPermalink', { channel: 'C0NOPE0001', message_ts: '1.000001' })).body.error,
      ).toBe('channel_not_found');
    });
  });

  describe('conversations.list', () => {
    test('lists public channels by default, with is_member for the bot', async () => {
      const answer = await get(slack, 'conversations.list');
      expect(answer.body.channels.map((c: Json) => c.id)).toEqual([
        'C0DEPLOYS1',
        'C0RANDOM01',
        'C0ARCHIVE1',
        'C0EMPTY001',
      ]);
      expect(answer.body.channels[0]).toMatchObject({
        name: 'deploys',
        is_member: true,
        is_private: false,
        num_members: 3,
      });
      expect(answer.body.channels[1].is_member).toBe(false);
      expect(answer.body.response_metadata).toEqual({ next_cursor: '' });
    });

    test('private channels need groups:read and show only those the bot is in; archived can be left out', async () => {
      const both = await get(slack, 'conversations.list', {
        types: 'public_channel,private_channel',
        exclude_archived: true,
      });
      expect(both.body.channels.map((c: Json) => c.name)).toEqual(['deploys', 'random', 'secret', 'empty']);
      const refused = await get(slack, 'conversations.list', { types: 'private_channel' }, READ_ONLY);
      expect(refused.body).toEqual({
        ok: false,
        error: 'missing_scope',
        needed: 'groups:read',
        provided: 'channels:read',
      });
    });

    test('pages with limit and cursor until next_cursor is empty', async () => {
      const seen: string[] = [];
      let cursor = '';
      let pages = 0;
      do {
        const page = await get(slack, 'conversations.list', { limit: 3, ...(cursor ? { cursor } : {}) });
        expect(page.body.channels.length).toBeLessThanOrEqual(3);
        seen.push(...page.body.channels.map((c: Json) => c.id));
        cursor = page.body.response_metadata.next_cursor;
        pages += 1;
      } while (cursor !== '');
      expect(pages).toBe(2);
      expect(seen).toEqual(['C0DEPLOYS1', 'C0RANDOM01', 'C0ARCHIVE1', 'C0EMPTY001']);
      expect((await get(slack, 'conversations.list', { cursor: 'bm9wZQ==' })).body.error).toBe(
        'invalid_cursor',
      );
    });
  });

  describe('conversations.history and conversations.replies', () => {
    async function postThread(): Promise<{ parent: string; replies: string[]; later: string }> {
      const metadata = { event_type: 'flowkit_deploy', event_payload: { run: '7' } };
      const parent = (
        await postForm(slack, 'chat.postMessage', { channel: 'deploys', text: 'parent', metadata })
      ).body.ts;
      const replies: string[] = [];
      for (const text of ['r1', 'r2', 'r3']) {
        clock += 1000;
        replies.push(
          (await postForm(slack, 'chat.postMessage', { channel: 'deploys', text, thread_ts: parent })).body
            .ts,
        );
      }
      clock += 1000;
      const later = (await postForm(slack, 'chat.postMessage', { channel: 'deploys', text: 'later' })).body
        .ts;
      return { parent, replies, later };
    }

    test('history lists top-level messages newest first; a thread parent shows its replies', async () => {
      const { parent, replies, later } = await postThread();
      const answer = await get(slack, 'conversations.history', { channel: 'C0DEPLOYS1' });
      expect(answer.body).toEqual({
        ok: true,
        messages: [
          { type: 'message', text: 'later', user: 'UBOT', bot_id: 'B0FLOWKIT0', ts: later },
          {
            type: 'message',
            text: 'parent',
            user: 'UBOT',
            bot_id: 'B0FLOWKIT0',
            ts: parent,
            thread_ts: parent,
            reply_count: 3,
            reply_users_count: 1,
            reply_users: ['UBOT'],
            latest_reply: replies[2],
          },
        ],
        has_more: false,
        pin_count: 0,
        channel_actions_ts: null,
        channel_actions_count: 0,
      });
    });

    test('metadata is included only with include_all_metadata', async () => {
      await postThread();
      const without = await get(slack, 'conversations.history', { channel: 'C0DEPLOYS1' });
      expect(without.body.messages.some((m: Json) => 'metadata' in m)).toBe(false);
      const withIt = await get(slack, 'conversations.history', {
        channel: 'C0DEPLOYS1',
        include_all_metadata: true,
      });
      expect(withIt.body.messages[1].metadata).toEqual({
        event_type: 'flowkit_deploy',
        event_payload: { run: '7' },
      });
      const thread = await get(slack, 'conversations.replies', {
        channel: 'C0DEPLOYS1',
        ts: withIt.body.messages[1].ts,
        include_all_metadata: 'true',
      });
      expect(thread.body.messages[0].metadata.event_type).toBe('flowkit_deploy');
    });

    test('history pages with limit and cursor, and filters by oldest, latest and inclusive', async () => {
      for (const text of ['m1', 'm2', 'm3', 'm4', 'm5']) {
        clock += 1000;
        await postForm(slack, 'chat.postMessage', { channel: 'deploys', text });
      }
      const first = await get(slack, 'conversations.history', { channel: 'C0DEPLOYS1', limit: 2 });
      expect(first.body.messages.map((m: Json) => m.text)).toEqual(['m5', 'm4']);
      expect(first.body.has_more).toBe(true);
      const second = await get(slack, 'conversations.history', {
        channel: 'C0DEPLOYS1',
        limit: 2,
        cursor: first.body.response_metadata.next_cursor,
      });
      expect(second.body.messages.map((m: Json) => m.text)).toEqual(['m3', 'm2']);
      const stamps = slack.messages('deploys').map((m) => m.ts);
      const between = await get(slack, 'conversations.history', {
        channel: 'C0DEPLOYS1',
        oldest: stamps[1],
        latest: stamps[3],
      });
      expect(between.body.messages.map((m: Json) => m.text)).toEqual(['m3']);
      const inclusive = await get(slack, 'conversations.history', {
        channel: 'C0DEPLOYS1',
        oldest: stamps[1],
        latest: stamps[3],
        inclusive: true,
      });
      expect(inclusive.body.messages.map((m: Json) => m.text)).toEqual(['m4', 'm3', 'm2']);
      expect(
        (await get(slack, 'conversations.history', { channel: 'C0DEPLOYS1', oldest: 'soon' })).body.error,
      ).toBe('invalid_ts_oldest');
    });

    test('history needs a member bot, a channel ID and the history scope', async () => {
      expect((await get(slack, 'conversations.history', { channel: 'C0RANDOM01' })).body).toEqual({
        ok: false,
        error: 'not_in_channel',
      });
      expect((await get(slack, 'conversations.history', { channel: 'C0HIDDEN01' })).body.error).toBe(
        'channel_not_found',
      );
      expect((await get(slack, 'conversations.history', { channel: 'deploys' })).body.error).toBe(
        'channel_not_found',
      );
      expect((await get(slack, 'conversations.history', { channel: 'C0SECRET01' })).body.ok).toBe(true);
      const refused = await get(slack, 'conversations.history', { channel: 'C0DEPLOYS1' }, READ_ONLY);
      expect(refused.body).toMatchObject({ ok: false, error: 'missing_scope', provided: 'channels:read' });
    });

    test('read methods ignore a JSON body, so its arguments are missing', async () => {
      const history = await postJson(slack, 'conversations.history', { channel: 'C0DEPLOYS1' });
      expect(history.body).toEqual({ ok: false, error: 'channel_not_found' });
      const lookup = await postJson(slack, 'users.lookupByEmail', { email: 'alice@example.com' });
      expect(lookup.body.error).toBe('invalid_arguments');
      expect(lookup.body.response_metadata.messages).toEqual(['[ERROR] missing required field: email']);
    });

    test('replies answers the parent then the replies, oldest first, in pages', async () => {
      const { parent, replies } = await postThread();
      const all = await get(slack, 'conversations.replies', { channel: 'C0DEPLOYS1', ts: parent });
      expect(all.body.messages.map((m: Json) => m.text)).toEqual(['parent', 'r1', 'r2', 'r3']);
      expect(all.body.messages[1]).toEqual({
        type: 'message',
        text: 'r1',
        user: 'UBOT',
        bot_id: 'B0FLOWKIT0',
        ts: replies[0],
        thread_ts: parent,
        parent_user_id: 'UBOT',
      });
      expect(all.body.has_more).toBe(false);
      const first = await get(slack, 'conversations.replies', {
        channel: 'C0DEPLOYS1',
        ts: parent,
        limit: 2,
      });
      expect(first.body.messages.map((m: Json) => m.text)).toEqual(['parent', 'r1']);
      expect(first.body.has_more).toBe(true);
      const rest = await get(slack, 'conversations.replies', {
        channel: 'C0DEPLOYS1',
        ts: parent,
        limit: 2,
        cursor: first.body.response_metadata.next_cursor,
      });
      expect(rest.body.messages.map((m: Json) => m.text)).toEqual(['r2', 'r3']);
      expect(rest.body.has_more).toBe(false);
      const unknown = await get(slack, 'conversations.replies', { channel: 'C0DEPLOYS1', ts: '1.000001' });
      expect(unknown.body).toEqual({ ok: false, error: 'thread_not_found' });
    });
  });

  describe('users.lookupByEmail', () => {
    test('finds a user by email, ignoring case', async () => {
      const answer = await get(slack, 'users.lookupByEmail', { email: 'Alice@Example.com' });
      expect(answer.body.ok).toBe(true);
      expect(answer.body.user).toMatchObject({
        id: 'U0ALICE01',
        name: 'alice',
        real_name: 'Alice Example',
        profile: { email: 'alice@example.com', real_name: 'Alice Example', display_name: 'alice' },
      });
    });

    test('an unknown email is users_not_found', async () => {
      expect((await get(slack, 'users.lookupByEmail', { email: 'bob@example.com' })).body).toEqual({
        ok: false,
        error: 'users_not_found',
      });
    });
  });

  describe('incoming webhooks', () => {
    test('posts JSON or a form payload to its channel and answers plain-text ok', async () => {
      const answer = await postWebhook(slack, HOOK, JSON.stringify({ text: 'deployed' }));
      expect(answer.status).toBe(200);
      expect(answer.body).toBe('ok');
      expect(answer.headers.get('content-type')).toMatch(/^text\/plain/);
      const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*done*' } }];
      const form = `payload=${encodeURIComponent(JSON.stringify({ blocks }))}`;
      expect((await postWebhook(slack, HOOK, form, 'application/x-www-form-urlencoded')).body).toBe('ok');
      expect(slack.messages('deploys')).toEqual([
        expect.objectContaining({ text: 'deployed', botId: 'B0WEBHOOK0' }),
        expect.objectContaining({ text: '', blocks }),
      ]);
      expect(slack.requests.map((r) => r.method)).toEqual(['webhook', 'webhook']);
    });

    test.each([
      ['malformed JSON', HOOK, '{"text":', 400, 'invalid_payload'],
      ['no text or blocks', HOOK, '{"username":"ci"}', 400, 'no_text'],
      [
        'bad blocks',
        HOOK,
        '{"blocks":[{"type":"header","text":{"type":"mrkdwn","text":"x"}}]}',
        400,
        'invalid_blocks',
      ],
      ['an unknown key', 'T0/B0/nope', '{"text":"x"}', 404, 'no_service'],
      ['an archived channel', ARCHIVED_HOOK, '{"text":"x"}', 410, 'channel_is_archived'],
    ])('answers %s with a plain-text error and its HTTP status', async (_name, key, body, status, error) => {
      const answer = await postWebhook(slack, key, body);
      expect(answer.status).toBe(status);
      expect(answer.body).toBe(error);
      expect(slack.messages('deploys')).toEqual([]);
    });
  });

  describe('failNext', () => {
    test('answers ok:false with the error and extra fields, and has no other effect', async () => {
      slack.failNext('chat.postMessage', { error: 'fatal_error', extra: { warning: 'superfluous_charset' } });
      const failed = await postForm(slack, 'chat.postMessage', { channel: 'deploys', text: 'x' });
      expect(failed.status).toBe(200);
      expect(failed.body).toEqual({ ok: false, error: 'fatal_error', warning: 'superfluous_charset' });
      expect(slack.messages('deploys')).toEqual([]);
      expect((await postForm(slack, 'chat.postMessage', { channel: 'deploys', text: 'y' })).body.ok).toBe(
        true,
      );
    });

    test('answers an HTTP 500 with an HTML page, and a 429 with Retry-After, for the given number of calls', async () => {
      slack.failNext('auth.test', { status: 500, times: 2 });
      for (let i = 0; i < 2; i++) {
        const answer = await get(slack, 'auth.test');
        expect(answer.status).toBe(500);
        expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
      }
      expect((await get(slack, 'auth.test')).status).toBe(200);
      slack.failNext('auth.test', { status: 429, retryAfterSeconds: 7 });
      const limited = await get(slack, 'auth.test');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('7');
      expect(limited.body).toEqual({ ok: false, error: 'ratelimited' });
    });

    test('with afterActing the call takes effect and only its answer fails', async () => {
      slack.failNext('chat.postMessage', { status: 503, afterActing: true });
      const lost = await postForm(slack, 'chat.postMessage', { channel: 'deploys', text: 'posted anyway' });
      expect(lost.status).toBe(503);
      expect(slack.messages('deploys').map((m) => m.text)).toEqual(['posted anyway']);
    });

    test('fails webhooks with a plain-text error and the given status', async () => {
      slack.failNext('webhook', { status: 403, error: 'action_prohibited' });
      const answer = await postWebhook(slack, HOOK, '{"text":"x"}');
      expect([answer.status, answer.body]).toEqual([403, 'action_prohibited']);
      expect(slack.messages('deploys')).toEqual([]);
    });
  });
});

describe('SlackEmulator rate limits', () => {
  let slack: SlackEmulator | undefined;
  let clock: number;

  async function startWith(rateLimits: Record<string, RateLimit>): Promise<SlackEmulator> {
    clock = START;
    slack = await SlackEmulator.start(workspace({ now: () => clock, rateLimits }));
    return slack;
  }

  afterEach(async () => {
    await slack?.stop();
    slack = undefined;
  });

  test('a burst on one channel gets 429 with Retry-After; other channels and rejected calls are unaffected', async () => {
    const emulator = await startWith({ 'chat.postMessage': { limit: 3, windowMs: 1000 } });
    const answers: Answer[] = [];
    for (let i = 0; i < 5; i++) {
      answers.push(await postForm(emulator, 'chat.postMessage', { channel: 'deploys', text: `m${i}` }));
    }
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429, 429]);
    expect(answers[3]?.headers.get('retry-after')).toBe('1');
    expect(answers[3]?.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(answers[3]?.body).toEqual({ ok: false, error: 'ratelimited' });
    expect(emulator.messages('deploys').map((m) => m.text)).toEqual(['m0', 'm1', 'm2']);
    // The limit is per channel: the same instant, another channel is free.
    expect((await postForm(emulator, 'chat.postMessage', { channel: 'secret', text: 'x' })).status).toBe(200);
    // Calling by name or by ID counts in the same channel's bucket.
    expect((await postForm(emulator, 'chat.postMessage', { channel: 'C0DEPLOYS1', text: 'x' })).status).toBe(
      429,
    );
  });

  test('after waiting the advertised Retry-After a call succeeds, and never more than limit per window', async () => {
    const emulator = await startWith({ 'chat.postMessage': { limit: 2, windowMs: 2500 } });
    const schedule = [0, 100, 200, 1200, 2400, 2500, 2600, 2700, 5000, 5100, 5200];
    const statuses: number[] = [];
    for (const at of schedule) {
      clock = START + at;
      statuses.push(
        (await postForm(emulator, 'chat.postMessage', { channel: 'deploys', text: `t${at}` })).status,
      );
    }
    // Accepted at 0 and 100; the window frees a slot at 2500 and 2600; then at 5000 and 5100 as those leave it.
    expect(statuses).toEqual([200, 200, 429, 429, 429, 200, 200, 429, 200, 200, 429]);
    expect(maxAcceptedInWindow(emulator.requests, 'chat.postMessage:C0DEPLOYS1', 2500)).toBe(2);

    const limited = emulator.requests.at(-1);
    const retryAfter = Number(limited?.responseHeaders['retry-after']);
    // Refused at 5200: the call at 5000 leaves the window at 7500, 2.3 s later, advertised as 3 whole seconds.
    expect(retryAfter).toBe(3);
    clock += retryAfter * 1000;
    expect(
      (await postForm(emulator, 'chat.postMessage', { channel: 'deploys', text: 'after wait' })).status,
    ).toBe(200);
  });

  test('Retry-After is the whole seconds until a slot frees, for a per-minute tier', async () => {
    const emulator = await startWith({});
    expect(DEFAULT_RATE_LIMITS['conversations.list']).toEqual({ limit: 20, windowMs: 60_000 });
    for (let i = 0; i < 20; i++) {
      clock = START + i * 1000;
      expect((await get(emulator, 'conversations.list')).status).toBe(200);
    }
    clock = START + 30_500;
    const limited = await get(emulator, 'conversations.list');
    expect(limited.status).toBe(429);
    // The first call (at 0) leaves the one-minute window at 60 s: 29.5 s from now, so 30 whole seconds.
    expect(limited.headers.get('retry-after')).toBe('30');
    clock = START + 60_000;
    expect((await get(emulator, 'conversations.list')).status).toBe(200);
  });

  test('webhooks are limited per webhook with a plain-text rate_limited', async () => {
    const emulator = await startWith({ webhook: { limit: 1, windowMs: 1000 } });
    expect((await postWebhook(emulator, HOOK, '{"text":"a"}')).status).toBe(200);
    const limited = await postWebhook(emulator, HOOK, '{"text":"b"}');
    expect([limited.status, limited.body, limited.headers.get('retry-after')]).toEqual([
      429,
      'rate_limited',
      '1',
    ]);
    expect(emulator.messages('deploys')).toHaveLength(1);
    clock += 1000;
    expect((await postWebhook(emulator, HOOK, '{"text":"c"}')).status).toBe(200);
  });

  test('the defaults follow Slack: about one message per second per channel, with short bursts', async () => {
    const emulator = await startWith({});
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push(
        (await postForm(emulator, 'chat.postMessage', { channel: 'deploys', text: `${i}` })).status,
      );
    }
    expect(DEFAULT_RATE_LIMITS['chat.postMessage']).toEqual({ limit: 5, windowMs: 5000 });
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.slice(-1)).toEqual([429]);
  });
});
