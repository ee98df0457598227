// Contract tests: raw calls to the Slack emulator, and its answers, checked against Slack's own API description.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { Ajv } from 'ajv';
import {
  checkSlackRequest,
  checkSlackResponse,
  contractsDir,
  describeWithContracts,
  explains,
  loadSlackContract,
  SLACK_SPEC_GAPS,
  type SlackContract,
  unexplainedSlackProblems,
} from '../src/contracts.ts';
import { type RecordedRequest, SlackEmulator, type SlackEmulatorOptions } from '../src/slack-emulator.ts';

const BOT = 'xoxb-contract-bot';
const READ_ONLY = 'xoxb-contract-read-only';
const HOOK = 'T0FLOWKIT/B0HOOK0001/secret';

const options: SlackEmulatorOptions = {
  tokens: {
    [BOT]: {
      scopes: [
        'chat:write',
        'channels:read',
        'groups:read',
        'channels:history',
        'groups:history',
        'users:read.email',
      ],
    },
    [READ_ONLY]: { scopes: ['channels:read'] },
  },
  channels: [
    { id: 'C0DEPLOYS1', name: 'deploys', members: ['UBOT', 'U0ALICE01'] },
    { id: 'C0RANDOM01', name: 'random', members: ['U0ALICE01'] },
    { id: 'C0SECRET01', name: 'secret', isPrivate: true, members: ['UBOT'] },
    { id: 'C0ARCHIVE1', name: 'old-deploys', isArchived: true, members: ['UBOT'] },
    { id: 'C0EMPTY001', name: 'empty', members: ['UBOT'] },
  ],
  users: [{ id: 'U0ALICE01', name: 'alice', email: 'alice@example.com', realName: 'Alice Example' }],
  webhooks: { [HOOK]: { channel: 'deploys' } },
  // Only auth.test is held tight, so exactly one call meets a rate limit.
  rateLimits: {
    'auth.test': { limit: 1, windowMs: 60_000 },
    'chat.postMessage': { limit: 1000, windowMs: 1000 },
  },
};

// biome-ignore lint/suspicious/noExplicitAny: answers are untyped JSON, read field by field.
type Json = any;

function formOf(args: Record<string, unknown>): URLSearchParams {
  return new URLSearchParams(
    Object.entries(args).map(([name, value]): [string, string] => [
      name,
      typeof value === 'object' ? JSON.stringify(value) : String(value),
    ]),
  );
}

function auth(token: string | null): Record<string, string> {
  return token === null ? {} : { authorization: `Bearer ${token}` };
}

async function get(
  slack: SlackEmulator,
  method: string,
  args: Record<string, unknown>,
  token: string | null = BOT,
) {
  const response = await fetch(`${slack.apiUrl}${method}?${formOf(args)}`, { headers: auth(token) });
  return (await response.json()) as Json;
}

async function postForm(slack: SlackEmulator, method: string, args: Record<string, unknown>, token = BOT) {
  const response = await fetch(`${slack.apiUrl}${method}`, {
    method: 'POST',
    headers: { ...auth(token), 'content-type': 'application/x-www-form-urlencoded' },
    body: formOf(args),
  });
  return (await response.json()) as Json;
}

async function postJson(slack: SlackEmulator, method: string, args: Record<string, unknown>, token = BOT) {
  const response = await fetch(`${slack.apiUrl}${method}`, {
    method: 'POST',
    headers: { ...auth(token), 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(args),
  });
  return (await response.json()) as Json;
}

async function postWebhook(slack: SlackEmulator, body: string) {
  await (await fetch(slack.webhookUrl(HOOK), { method: 'POST', body })).text();
}

/** Every method with its success and error answers, sent as a well-behaved client sends them. */
async function driveEveryMethod(slack: SlackEmulator): Promise<void> {
  const metadata = { event_type: 'flowkit_deploy', event_payload: { run: '42' } };
  const blocks = [
    { type: 'header', text: { type: 'plain_text', text: 'Staging deployed' } },
    { type: 'section', text: { type: 'mrkdwn', text: '*dashboard* is live' } },
  ];

  await get(slack, 'auth.test', {});
  await get(slack, 'auth.test', {}, 'xoxb-unknown');

  const parent = await postForm(slack, 'chat.postMessage', {
    channel: 'deploys',
    text: 'deployed',
    blocks,
    metadata,
  });
  const reply = await postForm(slack, 'chat.postMessage', {
    channel: 'C0DEPLOYS1',
    text: 'r1',
    thread_ts: parent.ts,
  });
  await postJson(slack, 'chat.postMessage', {
    channel: '#deploys',
    text: 'r2',
    thread_ts: parent.ts,
    metadata,
  });
  await postJson(slack, 'chat.postMessage', { channel: 'secret', blocks, unfurl_links: false });
  await postForm(slack, 'chat.postMessage', { channel: 'deploys', text: 'x' }, READ_ONLY);
  await postForm(slack, 'chat.postMessage', { channel: 'nowhere', text: 'x' });
  await postForm(slack, 'chat.postMessage', { channel: 'random', text: 'x' });
  await postForm(slack, 'chat.postMessage', { channel: 'old-deploys', text: 'x' });
  await postForm(slack, 'chat.postMessage', { channel: 'deploys', text: '' });
  await postForm(slack, 'chat.postMessage', { channel: 'deploys', text: 'x'.repeat(40_001) });
  await postJson(slack, 'chat.postMessage', {
    channel: 'deploys',
    blocks: [{ type: 'header', text: { type: 'mrkdwn', text: 'x' } }],
  });
  await postForm(slack, 'chat.postMessage', { channel: 'deploys', blocks: { type: 'divider' } });
  await postForm(slack, 'chat.postMessage', { channel: 'deploys', text: 'x', metadata: { event_type: 'x' } });
  await postForm(slack, 'chat.postMessage', {
    channel: 'deploys',
    text: 'x',
    thread_ts: '1000000000.000001',
  });
  await postWebhook(slack, JSON.stringify({ text: 'from the hook' }));
  await postWebhook(slack, '{"text":');

  await postJson(slack, 'chat.update', {
    channel: 'C0DEPLOYS1',
    ts: parent.ts,
    text: 'done',
    blocks,
    metadata,
  });
  await postForm(slack, 'chat.update', { channel: 'C0DEPLOYS1', ts: reply.ts, text: 'edited reply' });
  await postForm(slack, 'chat.update', { channel: 'deploys', ts: parent.ts, text: 'x' });
  await postForm(slack, 'chat.update', { channel: 'C0DEPLOYS1', ts: '1000000000.000001', text: 'x' });
  const hookMessage = slack.messages('deploys').find((m) => m.botId === 'B0WEBHOOK0');
  await postForm(slack, 'chat.update', { channel: 'C0DEPLOYS1', ts: hookMessage?.ts, text: 'x' });

  await get(slack, 'chat.getPermalink', { channel: 'C0DEPLOYS1', message_ts: parent.ts });
  await get(slack, 'chat.getPermalink', { channel: 'C0DEPLOYS1', message_ts: reply.ts });
  await get(slack, 'chat.getPermalink', { channel: 'C0DEPLOYS1', message_ts: '1000000000.000001' });
  await get(slack, 'chat.getPermalink', { channel: 'C0NOWHERE1', message_ts: parent.ts });

  const page = await get(slack, 'conversations.list', { types: 'public_channel,private_channel', limit: 2 });
  await get(slack, 'conversations.list', {
    types: 'public_channel,private_channel',
    cursor: page.response_metadata.next_cursor,
    limit: 2,
    exclude_archived: true,
  });
  await get(slack, 'conversations.list', { types: 'private_channel' }, READ_ONLY);

  await get(slack, 'conversations.history', { channel: 'C0DEPLOYS1', include_all_metadata: true });
  await get(slack, 'conversations.history', {
    channel: 'C0DEPLOYS1',
    limit: 1,
    inclusive: true,
    oldest: parent.ts,
  });
  await get(slack, 'conversations.history', { channel: 'C0EMPTY001' });
  await get(slack, 'conversations.history', { channel: 'C0RANDOM01' });
  await get(slack, 'conversations.history', { channel: 'C0NOWHERE1' });
  await get(slack, 'conversations.history', { channel: 'C0DEPLOYS1' }, READ_ONLY);

  await get(slack, 'conversations.replies', {
    channel: 'C0DEPLOYS1',
    ts: parent.ts,
    include_all_metadata: true,
  });
  await get(slack, 'conversations.replies', { channel: 'C0DEPLOYS1', ts: parent.ts, limit: 2 });
  await get(slack, 'conversations.replies', { channel: 'C0DEPLOYS1', ts: '1000000000.000001' });

  await get(slack, 'users.lookupByEmail', { email: 'alice@example.com' });
  await get(slack, 'users.lookupByEmail', { email: 'bob@example.com' });
  await get(slack, 'users.lookupByEmail', { email: 'alice@example.com' }, READ_ONLY);

  // The second authenticated auth.test meets its limit of one per minute.
  await get(slack, 'auth.test', {});
}

/** What a JSON Schema validator says about `value` against one of the description's definitions. */
function definitionErrors(contract: SlackContract, schema: unknown, value: unknown): unknown[] {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const validate = ajv.compile({ ...(schema as object), definitions: contract.definitions });
  return validate(value) ? [] : (validate.errors ?? []);
}

describeWithContracts('Slack contract', (dir) => {
  let slack: SlackEmulator;
  let contract: SlackContract;

  beforeAll(async () => {
    contract = loadSlackContract(dir);
    slack = await SlackEmulator.start(options);
    await driveEveryMethod(slack);
  });

  afterAll(async () => {
    await slack.stop();
  });

  const apiCalls = () => slack.requests.filter((r) => r.method !== 'webhook');

  test('the calls cover every method and every error the emulator models', () => {
    const seen = new Set(
      apiCalls().map((r) => {
        const body = r.response as { ok: boolean; error?: string };
        return `${r.method} ${body.ok ? 'ok' : body.error}`;
      }),
    );
    expect([...seen].sort()).toEqual(
      [
        'auth.test ok',
        'auth.test invalid_auth',
        'auth.test ratelimited',
        'chat.postMessage ok',
        'chat.postMessage missing_scope',
        'chat.postMessage channel_not_found',
        'chat.postMessage not_in_channel',
        'chat.postMessage is_archived',
        'chat.postMessage no_text',
        'chat.postMessage msg_too_long',
        'chat.postMessage invalid_blocks',
        'chat.postMessage invalid_blocks_format',
        'chat.postMessage invalid_metadata_format',
        'chat.postMessage thread_not_found',
        'chat.update ok',
        'chat.update channel_not_found',
        'chat.update message_not_found',
        'chat.update cant_update_message',
        'chat.getPermalink ok',
        'chat.getPermalink message_not_found',
        'chat.getPermalink channel_not_found',
        'conversations.list ok',
        'conversations.list missing_scope',
        'conversations.history ok',
        'conversations.history not_in_channel',
        'conversations.history channel_not_found',
        'conversations.history missing_scope',
        'conversations.replies ok',
        'conversations.replies thread_not_found',
        'users.lookupByEmail ok',
        'users.lookupByEmail users_not_found',
        'users.lookupByEmail missing_scope',
      ].sort(),
    );
    expect(slack.requests.filter((r) => r.method === 'webhook').map((r) => r.status)).toEqual([200, 400]);
  });

  test('every request fits the description', () => {
    const problems = apiCalls().flatMap((r) => checkSlackRequest(r, contract));
    expect(problems).toEqual([]);
  });

  test('every answer fits the description, apart from its known gaps', () => {
    const unexplained = apiCalls().flatMap((r) => unexplainedSlackProblems(checkSlackResponse(r, contract)));
    expect(unexplained).toEqual([]);
  });

  test('every known gap of the 2020 description is met by a real answer', () => {
    const problems = apiCalls().flatMap((r) => checkSlackResponse(r, contract));
    const unmet = SLACK_SPEC_GAPS.filter((gap) => !problems.some((problem) => explains(gap, problem)));
    expect(unmet.map((gap) => gap.why)).toEqual([]);
  });

  test('webhook requests are not checked: no machine-readable description covers them', () => {
    const hooks = slack.requests.filter((r) => r.method === 'webhook');
    expect(hooks).toHaveLength(2);
    for (const r of hooks)
      expect([...checkSlackRequest(r, contract), ...checkSlackResponse(r, contract)]).toEqual([]);
  });

  test('the channel and user objects fit the objects the description means', () => {
    // The description wraps these in a tuple-style `items`, which a validator applies to nothing; checking the
    // first alternative (non-enterprise user, channel conversation) directly gives the check it meant to give.
    const definitions = contract.definitions as Json;
    const answers = (method: string) =>
      apiCalls()
        .filter((r) => r.method === method && (r.response as Json).ok)
        .map((r) => r.response as Json);
    const channels = answers('conversations.list').flatMap((answer) => answer.channels);
    expect(channels.map((channel) => channel.name)).toEqual(['deploys', 'random', 'secret', 'empty']);
    for (const channel of channels) {
      expect(definitionErrors(contract, definitions.objs_conversation.items[0], channel)).toEqual([]);
    }
    const users = answers('users.lookupByEmail').map((answer) => answer.user);
    expect(users).toHaveLength(1);
    expect(definitionErrors(contract, definitions.objs_user.items[0], users[0])).toEqual([]);
  });

  describe('the checks can fail', () => {
    let wrong: SlackEmulator;

    beforeAll(async () => {
      wrong = await SlackEmulator.start(options);
    });

    afterEach(() => {
      wrong.requests.length = 0;
    });

    afterAll(async () => {
      await wrong.stop();
    });

    test('a request with an unknown, a missing and a mistyped argument', async () => {
      await postForm(wrong, 'chat.postMessage', {
        colour: 'red',
        text: 'x',
        unfurl_links: 'maybe',
        blocks: '[{',
      });
      const [request] = wrong.requests as [RecordedRequest];
      expect(checkSlackRequest(request, contract)).toEqual([
        'chat.postMessage request: unknown argument "colour" in the form body',
        'chat.postMessage request: argument "unfurl_links" must be boolean, got "maybe"',
        'chat.postMessage request: argument "blocks" must be JSON text, got "[{"',
        'chat.postMessage request: missing required argument "channel" (formData)',
      ]);
    });

    test('a request without a token, to an unknown method, or with the wrong HTTP method', async () => {
      await get(wrong, 'auth.test', {}, null);
      await postForm(wrong, 'chat.postMessages', { channel: 'deploys', text: 'x' });
      await postJson(wrong, 'conversations.history', { channel: 'C0DEPLOYS1' });
      const [noToken, unknown, wrongMethod] = wrong.requests as [
        RecordedRequest,
        RecordedRequest,
        RecordedRequest,
      ];
      expect(checkSlackRequest(noToken, contract)).toEqual([
        'auth.test request: no token (send "Authorization: Bearer <token>" or a token argument)',
      ]);
      // not_authed is an answer the description knows.
      expect(checkSlackResponse(noToken, contract)).toEqual([]);
      expect(checkSlackRequest(unknown, contract)).toEqual([
        "chat.postMessages: not an operation in Slack's API description",
      ]);
      expect(checkSlackResponse(unknown, contract)).toEqual([
        "chat.postMessages: not an operation in Slack's API description",
      ]);
      expect(checkSlackRequest(wrongMethod, contract)).toEqual([
        "conversations.history: Slack's API description has it as GET, not POST",
      ]);
    });

    test('an answer with an error and a field Slack does not have', async () => {
      wrong.failNext('auth.test', { error: 'made_up_error', extra: { colour: 'red' } });
      await get(wrong, 'auth.test', {});
      const [request] = wrong.requests as [RecordedRequest];
      expect(checkSlackResponse(request, contract)).toEqual([
        'auth.test default response: (root) must NOT have additional properties ("colour")',
        'auth.test default response: /error must be equal to one of the allowed values (got "made_up_error")',
      ]);
    });

    test('a success answer with a malformed ts, a missing channel and a wrong status', async () => {
      await postForm(wrong, 'chat.postMessage', { channel: 'deploys', text: 'x' });
      const [real] = wrong.requests as [RecordedRequest];
      expect(checkSlackResponse(real, contract)).toEqual([]);
      const { channel: _dropped, ...answer } = real.response as Json;
      const tampered: RecordedRequest = {
        ...real,
        status: 201,
        responseHeaders: { 'content-type': 'text/plain' },
        response: { ...answer, ts: '17.5', message: { ...answer.message, reactions: 'lots' } },
      };
      expect(checkSlackResponse(tampered, contract)).toEqual([
        'chat.postMessage response: content type "text/plain", but the operation produces application/json',
        'chat.postMessage response: ok:true with HTTP 201',
        "chat.postMessage 200 response: (root) must have required property 'channel'",
        'chat.postMessage 200 response: /message/reactions must be array (got string)',
        'chat.postMessage 200 response: /ts must match pattern "^\\d{10}\\.\\d{6}$" (got "17.5")',
      ]);
    });
  });

  describe('loadSlackContract', () => {
    const read = (file: string) => JSON.parse(readFileSync(join(dir, 'slack', file), 'utf8')) as Json;

    test('is the subset plus conversations.history and .replies from the full description, without token', () => {
      const subset = read('slack-web-api.subset.json');
      expect(Object.keys(contract.paths).sort()).toEqual(
        [...Object.keys(subset.paths), '/conversations.history', '/conversations.replies'].sort(),
      );
      const parameterNames = Object.values(contract.paths).flatMap((item) =>
        Object.values(item).flatMap((operation) => (operation.parameters ?? []).map((p) => p.name)),
      );
      expect(parameterNames).not.toContain('token');
    });

    test('adds exactly metadata and include_all_metadata, and changes nothing else', () => {
      const subset = read('slack-web-api.subset.json');
      const full = read('slack-web-api.openapi2.json');
      const added: string[] = [];
      for (const [path, item] of Object.entries(contract.paths)) {
        for (const [httpMethod, operation] of Object.entries(item)) {
          const source = (subset.paths[path] ?? full.paths[path])[httpMethod];
          const sourceNames = source.parameters
            .map((p: Json) => p.name)
            .filter((name: string) => name !== 'token');
          const names = (operation.parameters ?? []).map((p) => p.name);
          added.push(...names.filter((name) => !sourceNames.includes(name)).map((name) => `${path} ${name}`));
          expect(names.filter((name) => sourceNames.includes(name))).toEqual(sourceNames);
          const responses = structuredClone(operation.responses) as Json;
          if (path === '/chat.update') delete responses['200'].schema.properties.message.properties.metadata;
          expect(responses).toEqual(source.responses);
        }
      }
      expect(added.sort()).toEqual([
        '/chat.postMessage metadata',
        '/chat.update metadata',
        '/conversations.history include_all_metadata',
        '/conversations.replies include_all_metadata',
      ]);
      const definitions = structuredClone(contract.definitions) as Json;
      expect(definitions.objs_message.properties.metadata.required).toEqual(['event_type', 'event_payload']);
      delete definitions.objs_message.properties.metadata;
      for (const [name, definition] of Object.entries(definitions)) {
        expect(definition).toEqual(subset.definitions[name] ?? full.definitions[name]);
      }
    });
  });
});

describe('contractsDir', () => {
  const saved = process.env.CONTRACTS_DIR;

  afterEach(() => {
    if (saved === undefined) delete process.env.CONTRACTS_DIR;
    else process.env.CONTRACTS_DIR = saved;
  });

  test('CONTRACTS_DIR names the folder, and a folder that does not exist gives undefined', () => {
    const folder = mkdtempSync(join(tmpdir(), 'flowkit-contracts-'));
    try {
      process.env.CONTRACTS_DIR = folder;
      expect(contractsDir()).toBe(folder);
      process.env.CONTRACTS_DIR = join(folder, 'missing');
      expect(contractsDir()).toBeUndefined();
      expect(() => loadSlackContract(contractsDir())).toThrow('Slack contract not found');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
