// A local HTTP server that answers like the Slack Web API and incoming webhooks, so tests never reach slack.com.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type RateLimit, SlidingWindowLimiter } from './rate-limit.ts';

export type { RateLimit } from './rate-limit.ts';

/** A token the emulator accepts, with the OAuth scopes granted to it. */
export interface SlackEmulatorToken {
  scopes: string[];
  /** The bot user the token acts as; default 'UBOT'. */
  userId?: string;
  /** The bot's ID; default `DEFAULT_BOT_ID`. */
  botId?: string;
}

/** A channel in the emulated workspace. `members` are user IDs; the bot is a member when its user ID is listed. */
export interface SlackEmulatorChannel {
  id: string;
  name: string;
  isPrivate?: boolean;
  isArchived?: boolean;
  members?: string[];
}

/** A person in the emulated workspace. */
export interface SlackEmulatorUser {
  id: string;
  name: string;
  email?: string;
  realName?: string;
}

/** What the emulated workspace holds and how strict it is. */
export interface SlackEmulatorOptions {
  /** Default `{ id: 'T0FLOWKIT', domain: 'flowkit' }`. */
  team?: { id: string; domain: string };
  /** The valid tokens; default one token, `DEFAULT_SLACK_TOKEN`, with `DEFAULT_SLACK_SCOPES`. */
  tokens?: Record<string, SlackEmulatorToken>;
  channels?: SlackEmulatorChannel[];
  users?: SlackEmulatorUser[];
  /** Key = the path after /services/, e.g. 'T0/B0/secret'; `channel` is an ID or a name. */
  webhooks?: Record<string, { channel: string }>;
  /** Per Slack method name, or 'webhook'; each entry replaces the default in `DEFAULT_RATE_LIMITS`. */
  rateLimits?: Record<string, RateLimit>;
  /** The clock in milliseconds, for rate limits and message timestamps; default `Date.now`. */
  now?: () => number;
}

/** One HTTP request the emulator received and what it answered. */
export interface RecordedRequest {
  /** Slack method ('chat.postMessage'), 'webhook', or '' for a path that is neither. */
  method: string;
  httpMethod: string;
  /** The request target as sent: path and query string. */
  path: string;
  /** Request headers, names in lower case. */
  headers: Record<string, string>;
  contentType: string;
  /** The arguments as Slack read them (query + form or JSON body), token removed, JSON-valued fields parsed. */
  params: Record<string, unknown>;
  rawBody: string;
  status: number;
  /** The parsed JSON answer, or the text of a plain-text or HTML answer. */
  response: unknown;
  /** Response headers, names in lower case. */
  responseHeaders: Record<string, string>;
  /** The emulator clock when the request arrived (milliseconds). */
  receivedAt: number;
  /** The rate-limit bucket the call was counted in ('chat.postMessage:C…', 'webhook:T0/B0/x', 'conversations.list'). */
  rateLimitKey?: string;
}

/** A message as the emulator stores it. */
export interface StoredMessage {
  channel: string;
  ts: string;
  threadTs?: string;
  text?: string;
  blocks?: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  userId?: string;
  botId?: string;
  edited?: boolean;
  replyCount?: number;
}

/** A programmed fault for the next call(s) of a method. */
export interface SlackFailure {
  /** The `error` of an `ok:false` answer (webhooks: the plain-text body). */
  error?: string;
  /** HTTP status; 5xx answers with an HTML page, 429 adds Retry-After. Default 200 (webhooks: 400). */
  status?: number;
  /** Retry-After for a 429; default 1. */
  retryAfterSeconds?: number;
  /** How many calls fail; default 1. */
  times?: number;
  /** Extra fields of the `ok:false` answer. */
  extra?: Record<string, unknown>;
  /**
   * The call takes effect first and only its answer fails, as when Slack posts a message but the answer is
   * lost to a timeout or a 5xx: the case that tests whether a client's retry duplicates the message.
   */
  afterActing?: boolean;
}

/** The token valid when `options.tokens` is not given. */
export const DEFAULT_SLACK_TOKEN = 'xoxb-flowkit-emulator';

/** The scopes of `DEFAULT_SLACK_TOKEN`: what Flowkit's Slack client needs. */
export const DEFAULT_SLACK_SCOPES: readonly string[] = [
  'chat:write',
  'channels:read',
  'groups:read',
  'channels:history',
  'groups:history',
  'users:read',
  'users:read.email',
];

/** The bot ID of a token that names none. Slack bot IDs are 'B' and at least 8 more characters. */
export const DEFAULT_BOT_ID = 'B0FLOWKIT0';

/** The bot that posts incoming-webhook messages. */
export const WEBHOOK_BOT_ID = 'B0WEBHOOK0';

const MINUTE = 60_000;

/**
 * Slack's limits as sliding windows (docs.slack.dev/apis/web-api/rate-limits): Tier 2 is 20+ per minute, Tier 3
 * 50+, Tier 4 100+; auth.test and chat.getPermalink are "special" and generous, so they get Tier 4 here.
 * chat.postMessage (per channel) and incoming webhooks (per webhook) allow about one message per second with short
 * bursts, modelled as five in any five seconds.
 */
export const DEFAULT_RATE_LIMITS: Readonly<Record<string, RateLimit>> = {
  'auth.test': { limit: 100, windowMs: MINUTE },
  'chat.getPermalink': { limit: 100, windowMs: MINUTE },
  'chat.postMessage': { limit: 5, windowMs: 5_000 },
  'chat.update': { limit: 50, windowMs: MINUTE },
  'chat.delete': { limit: 50, windowMs: MINUTE },
  'conversations.history': { limit: 50, windowMs: MINUTE },
  'conversations.list': { limit: 20, windowMs: MINUTE },
  'conversations.replies': { limit: 50, windowMs: MINUTE },
  'users.lookupByEmail': { limit: 50, windowMs: MINUTE },
  webhook: { limit: 5, windowMs: 5_000 },
};

const MAX_TEXT_LENGTH = 40_000;
const MAX_BLOCKS = 50;
const TEXT_OBJECT_TYPES = ['plain_text', 'mrkdwn'];

/** Methods that accept a JSON body; Slack reads JSON only for write methods and ignores it elsewhere. */
const JSON_METHODS = new Set(['chat.postMessage', 'chat.update', 'chat.delete']);

/** Arguments that travel as JSON text inside a form field. */
const JSON_VALUED_ARGUMENTS = ['blocks', 'attachments', 'metadata'];

type Args = Record<string, unknown>;

interface Caller {
  scopes: ReadonlySet<string>;
  userId: string;
  botId: string;
}

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** What the request log shows: the parsed JSON, or the text. */
  response: unknown;
}

interface ChannelRecord {
  id: string;
  name: string;
  isPrivate: boolean;
  isArchived: boolean;
  members: Set<string>;
}

interface MessageMetadata {
  event_type: string;
  event_payload: Record<string, unknown>;
}

interface MessageRecord {
  channel: string;
  ts: string;
  /** Set on replies (the parent's ts) and on parents once they have a reply (their own ts). */
  threadTs?: string;
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  metadata?: MessageMetadata;
  userId?: string;
  botId?: string;
  subtype?: string;
  edited?: { user: string; ts: string };
  replyCount: number;
  replyUsers: string[];
  latestReply?: string;
}

interface MessageContent {
  text?: string;
  blocks?: unknown[];
  attachments?: unknown[];
  metadata?: MessageMetadata;
}

type ContentResult = { content: MessageContent } | { error: string; extra?: Record<string, unknown> };

interface Page<T> {
  items: T[];
  nextCursor: string;
}

function jsonReply(body: unknown, status = 200, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
    response: body,
  };
}

function slackError(error: string, extra: Record<string, unknown> = {}): Reply {
  return jsonReply({ ok: false, error, ...extra });
}

function textReply(status: number, text: string): Reply {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text, response: text };
}

function htmlReply(status: number): Reply {
  // Slack's edge answers outages with an HTML page, not JSON; clients must cope with that.
  const html = `<html><head><title>${status}</title></head><body><h1>Slack is having trouble (${status})</h1></body></html>`;
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: html, response: html };
}

function rateLimitedReply(retryAfterSeconds: number, body: 'json' | 'text'): Reply {
  const reply =
    body === 'json' ? jsonReply({ ok: false, error: 'ratelimited' }, 429) : textReply(429, 'rate_limited');
  reply.headers['retry-after'] = String(retryAfterSeconds);
  return reply;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringArg(args: Args, name: string): string | undefined {
  const value = args[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function flagArg(args: Args, name: string): boolean {
  const value = args[name];
  return value === true || value === 1 || value === 'true' || value === '1';
}

function integerArg(args: Args, name: string): number | undefined {
  const value = args[name];
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number.parseInt(value, 10);
  return undefined;
}

function characterCount(text: string): number {
  return [...text].length;
}

function withoutUndefined<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

/** A Slack ts ('1732752000.000100') as integer microseconds, or undefined when it is not one. */
function tsToMicros(ts: string): number | undefined {
  const match = /^(\d+)(?:\.(\d{1,6}))?$/.exec(ts.trim());
  if (!match) return undefined;
  return Number(match[1]) * 1_000_000 + Number((match[2] ?? '').padEnd(6, '0'));
}

function microsToTs(micros: number): string {
  return `${Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, '0')}`;
}

function encodeCursor(kind: string, value: string): string {
  return Buffer.from(`${kind}:${value}`, 'utf8').toString('base64');
}

function decodeCursor(cursor: string, kind: string): string | undefined {
  const decoded = Buffer.from(cursor, 'base64').toString('utf8');
  return decoded.startsWith(`${kind}:`) ? decoded.slice(kind.length + 1) : undefined;
}

/** A page of `items` starting at the item the cursor names (by `keyOf`); undefined when the cursor is not valid. */
function pageOf<T>(
  items: T[],
  keyOf: (item: T) => string,
  kind: string,
  cursor: string | undefined,
  limit: number,
): Page<T> | undefined {
  let start = 0;
  if (cursor) {
    const key = decodeCursor(cursor, kind);
    start = key === undefined ? -1 : items.findIndex((item) => keyOf(item) === key);
    if (start < 0) return undefined;
  }
  const pageItems = items.slice(start, start + limit);
  const next = items[start + limit];
  return { items: pageItems, nextCursor: next === undefined ? '' : encodeCursor(kind, keyOf(next)) };
}

function pageLimit(args: Args, fallback: number, max: number): number {
  const requested = integerArg(args, 'limit');
  if (requested === undefined || requested < 1) return fallback;
  return Math.min(requested, max);
}

function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

function headerRecord(headers: IncomingMessage['headers']): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) record[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return record;
}

/** One Block Kit problem, worded like Slack's: 'must be less than 151 characters [json-pointer:/blocks/0/text/text]'. */
function blockProblem(message: string, pointer: string): string {
  return `${message} [json-pointer:${pointer}]`;
}

/**
 * Checks blocks the way Slack does for the block types Flowkit sends (section, header, context, divider, actions,
 * rich_text, image, markdown) and returns Slack-worded problems; an empty list means Slack would accept them.
 * Other block types are reported as unsupported, because the emulator does not know their rules.
 */
export function blockKitProblems(blocks: readonly unknown[]): string[] {
  const tooMany =
    blocks.length > MAX_BLOCKS ? [blockProblem(`must be less than ${MAX_BLOCKS + 1} items`, '/blocks')] : [];
  return [...tooMany, ...blocks.flatMap((block, index) => blockProblems(block, `/blocks/${index}`))];
}

function blockProblems(block: unknown, at: string): string[] {
  if (!isPlainObject(block)) return [blockProblem('must provide an object', at)];
  if (typeof block.type !== 'string') return [blockProblem('missing required field: type', `${at}/type`)];
  const badId =
    block.block_id !== undefined && (typeof block.block_id !== 'string' || block.block_id.length > 255)
      ? [blockProblem('must be a string of at most 255 characters', `${at}/block_id`)]
      : [];
  return [...badId, ...blockTypeProblems(block, block.type, at)];
}

function blockTypeProblems(block: Record<string, unknown>, type: string, at: string): string[] {
  switch (type) {
    case 'section':
      return [
        ...(block.text === undefined && block.fields === undefined
          ? [blockProblem('must define either `text` or `fields`', at)]
          : []),
        ...(block.text === undefined
          ? []
          : textObjectProblems(block.text, `${at}/text`, TEXT_OBJECT_TYPES, 3000)),
        ...(block.fields === undefined
          ? []
          : listProblems(block.fields, `${at}/fields`, 1, 10, (field, pointer) =>
              textObjectProblems(field, pointer, TEXT_OBJECT_TYPES, 2000),
            )),
        ...(block.accessory === undefined ? [] : elementProblems(block.accessory, `${at}/accessory`)),
      ];
    case 'header':
      return block.text === undefined
        ? [blockProblem('missing required field: text', `${at}/text`)]
        : textObjectProblems(block.text, `${at}/text`, ['plain_text'], 150);
    case 'context':
      return listProblems(block.elements, `${at}/elements`, 1, 10, (element, pointer) =>
        isPlainObject(element) && element.type === 'image'
          ? imageProblems(element, pointer, false)
          : textObjectProblems(element, pointer, TEXT_OBJECT_TYPES, 3000),
      );
    case 'divider':
      return [];
    case 'actions':
      return listProblems(block.elements, `${at}/elements`, 1, 25, elementProblems);
    case 'rich_text':
      return listProblems(block.elements, `${at}/elements`, 0, Number.POSITIVE_INFINITY, elementProblems);
    case 'image':
      return imageProblems(block, at, true);
    case 'markdown':
      return stringProblems(block.text, `${at}/text`, 12_000);
    default:
      return [blockProblem(`unsupported block type: ${type}`, `${at}/type`)];
  }
}

function listProblems(
  value: unknown,
  at: string,
  min: number,
  max: number,
  itemProblems: (item: unknown, pointer: string) => string[],
): string[] {
  if (!Array.isArray(value)) return [blockProblem('must provide an array', at)];
  if (value.length < min) return [blockProblem(`must provide at least ${min} items`, at)];
  if (value.length > max) return [blockProblem(`must be less than ${max + 1} items`, at)];
  return value.flatMap((item, index) => itemProblems(item, `${at}/${index}`));
}

function stringProblems(value: unknown, at: string, maxLength: number): string[] {
  if (value === undefined) return [blockProblem('missing required field', at)];
  if (typeof value !== 'string') return [blockProblem('must provide a string', at)];
  if (value.length === 0) return [blockProblem('must be more than 0 characters', at)];
  if (characterCount(value) > maxLength)
    return [blockProblem(`must be less than ${maxLength + 1} characters`, at)];
  return [];
}

function textObjectProblems(
  value: unknown,
  at: string,
  types: readonly string[],
  maxLength: number,
): string[] {
  if (!isPlainObject(value)) return [blockProblem('must provide an object', at)];
  if (typeof value.type !== 'string' || !types.includes(value.type)) {
    return [blockProblem(`must be one of the following: ${types.join(', ')}`, `${at}/type`)];
  }
  return stringProblems(value.text, `${at}/text`, maxLength);
}

function imageProblems(image: Record<string, unknown>, at: string, isBlock: boolean): string[] {
  return [
    ...(image.image_url === undefined && image.slack_file === undefined
      ? [blockProblem('must provide either image_url or slack_file', at)]
      : []),
    ...(image.image_url === undefined ? [] : stringProblems(image.image_url, `${at}/image_url`, 3000)),
    ...stringProblems(image.alt_text, `${at}/alt_text`, 2000),
    ...(isBlock && image.title !== undefined
      ? textObjectProblems(image.title, `${at}/title`, ['plain_text'], 2000)
      : []),
  ];
}

function elementProblems(element: unknown, at: string): string[] {
  if (!isPlainObject(element)) return [blockProblem('must provide an object', at)];
  return typeof element.type === 'string' ? [] : [blockProblem('missing required field: type', `${at}/type`)];
}

function isMessageMetadata(value: unknown): value is MessageMetadata {
  return (
    isPlainObject(value) &&
    typeof value.event_type === 'string' &&
    value.event_type.length > 0 &&
    isPlainObject(value.event_payload)
  );
}

/** Reads text, blocks, attachments and (for Web API calls) metadata, with Slack's errors for each. */
function readMessageContent(args: Args, options: { metadata: boolean }): ContentResult {
  const content: MessageContent = {};
  const text = stringArg(args, 'text');
  if (text !== undefined) content.text = text;
  if (args.blocks !== undefined) {
    // A form field that did not parse as JSON is still a string here.
    if (!Array.isArray(args.blocks)) return { error: 'invalid_blocks_format' };
    const problems = blockKitProblems(args.blocks);
    if (problems.length > 0) {
      return {
        error: 'invalid_blocks',
        extra: { errors: problems, response_metadata: { messages: problems.map((p) => `[ERROR] ${p}`) } },
      };
    }
    content.blocks = args.blocks;
  }
  if (args.attachments !== undefined) {
    if (!Array.isArray(args.attachments)) return { error: 'invalid_attachments' };
    content.attachments = args.attachments;
  }
  if (options.metadata && args.metadata !== undefined) {
    if (!isMessageMetadata(args.metadata)) return { error: 'invalid_metadata_format' };
    content.metadata = args.metadata;
  }
  if (!content.text && !content.blocks?.length && !content.attachments?.length) return { error: 'no_text' };
  if (content.text !== undefined && characterCount(content.text) > MAX_TEXT_LENGTH)
    return { error: 'msg_too_long' };
  return { content };
}

/** The arguments of one Web API call, read the way Slack reads them. */
interface ApiCallInput {
  args: Args;
  token: string | undefined;
  bodyError: 'invalid_json' | 'json_not_object' | undefined;
}

/** Reads the arguments and token of a Web API call from its query, form or (write methods only) JSON body. */
function readApiCall(
  method: string,
  url: URL,
  contentType: string,
  rawBody: string,
  authorization: string,
): ApiCallInput {
  const args: Args = {};
  for (const [name, value] of url.searchParams) args[name] = value;
  let bodyError: ApiCallInput['bodyError'];
  const type = mediaType(contentType);
  if (type === 'application/x-www-form-urlencoded') {
    for (const [name, value] of new URLSearchParams(rawBody)) args[name] = value;
  } else if (type === 'application/json' && JSON_METHODS.has(method) && rawBody.trim() !== '') {
    try {
      const body: unknown = JSON.parse(rawBody);
      if (isPlainObject(body)) {
        // A JSON call carries its token in the Authorization header; Slack ignores a token field in the body.
        for (const [name, value] of Object.entries(body)) if (name !== 'token') args[name] = value;
      } else {
        bodyError = 'json_not_object';
      }
    } catch {
      bodyError = 'invalid_json';
    }
  }
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  const token = bearer ?? (typeof args.token === 'string' && args.token !== '' ? args.token : undefined);
  delete args.token;
  for (const name of JSON_VALUED_ARGUMENTS) {
    const value = args[name];
    if (typeof value !== 'string') continue;
    try {
      args[name] = JSON.parse(value);
    } catch {
      // Left as text: the method answers with its own "bad format" error.
    }
  }
  return { args, token, bodyError };
}

/**
 * The most calls with `rateLimitKey` that the emulator accepted (did not answer 429) within any `windowMs`,
 * measured on its own clock: the check that a rate limit held.
 */
export function maxAcceptedInWindow(
  requests: readonly RecordedRequest[],
  rateLimitKey: string,
  windowMs: number,
): number {
  const times = requests
    .filter((r) => r.rateLimitKey === rateLimitKey && r.status !== 429)
    .map((r) => r.receivedAt)
    .sort((a, b) => a - b);
  let most = 0;
  let first = 0;
  for (let last = 0; last < times.length; last++) {
    while ((times[last] ?? 0) - (times[first] ?? 0) >= windowMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

/** The emulated workspace: its channels, users, messages and the Web API methods over them. */
class SlackWorkspace {
  readonly team: { id: string; domain: string };
  readonly channels: ChannelRecord[];
  readonly users: SlackEmulatorUser[];
  private readonly messagesByChannel = new Map<string, MessageRecord[]>();
  private readonly now: () => number;
  private readonly createdSeconds: number;
  private lastTsMicros = 0;

  /** The Web API methods the emulator knows, by Slack method name. */
  readonly methods: Record<string, (args: Args, caller: Caller) => Reply> = {
    'auth.test': (_args, caller) => this.authTest(caller),
    'chat.postMessage': (args, caller) => this.postMessage(args, caller),
    'chat.update': (args, caller) => this.updateMessage(args, caller),
    'chat.delete': (args, caller) => this.deleteMessage(args, caller),
    'chat.getPermalink': (args, caller) => this.getPermalink(args, caller),
    'conversations.list': (args, caller) => this.listConversations(args, caller),
    'conversations.history': (args, caller) => this.history(args, caller),
    'conversations.replies': (args, caller) => this.replies(args, caller),
    'users.lookupByEmail': (args, caller) => this.lookupByEmail(args, caller),
  };

  constructor(options: SlackEmulatorOptions, now: () => number) {
    this.team = options.team ?? { id: 'T0FLOWKIT', domain: 'flowkit' };
    this.now = now;
    this.createdSeconds = Math.floor(now() / 1000);
    this.users = options.users ?? [];
    this.channels = (options.channels ?? []).map((channel) => ({
      id: channel.id,
      name: channel.name.replace(/^#/, ''),
      isPrivate: channel.isPrivate ?? false,
      isArchived: channel.isArchived ?? false,
      members: new Set(channel.members ?? []),
    }));
    for (const channel of this.channels) this.messagesByChannel.set(channel.id, []);
  }

  /** A channel by ID, or by name ('#deploys' or 'deploys') when `byName`. */
  findChannel(reference: string | undefined, byName: boolean): ChannelRecord | undefined {
    if (!reference) return undefined;
    const byId = this.channels.find((channel) => channel.id === reference);
    if (byId || !byName) return byId;
    const name = reference.replace(/^#/, '');
    return this.channels.find((channel) => channel.name === name);
  }

  messagesIn(channelId: string): MessageRecord[] {
    return this.messagesByChannel.get(channelId) ?? [];
  }

  /** Stores a new message (a reply when `parent` is given) with a fresh, strictly increasing ts. */
  addMessage(
    channel: ChannelRecord,
    content: MessageContent,
    author: { userId?: string; botId?: string; subtype?: string },
    parent?: MessageRecord,
  ): MessageRecord {
    const message: MessageRecord = {
      channel: channel.id,
      ts: this.nextTs(),
      text: content.text ?? '',
      ...withoutUndefined({
        blocks: content.blocks,
        attachments: content.attachments,
        metadata: content.metadata,
        userId: author.userId,
        botId: author.botId,
        subtype: author.subtype,
      }),
      replyCount: 0,
      replyUsers: [],
    };
    if (parent) {
      message.threadTs = parent.ts;
      parent.threadTs = parent.ts;
      parent.replyCount += 1;
      parent.latestReply = message.ts;
      if (author.userId && !parent.replyUsers.includes(author.userId)) parent.replyUsers.push(author.userId);
    }
    this.messagesIn(channel.id).push(message);
    return message;
  }

  private nextTs(): string {
    // Slack's ts is seconds.microseconds and unique per channel; here it is unique and increasing everywhere.
    this.lastTsMicros = Math.max(Math.floor(this.now() * 1000), this.lastTsMicros + 1);
    return microsToTs(this.lastTsMicros);
  }

  private missingScope(caller: Caller, needed: string): Reply | undefined {
    if (caller.scopes.has(needed)) return undefined;
    return slackError('missing_scope', { needed, provided: [...caller.scopes].join(',') });
  }

  private missingArgument(name: string): Reply {
    return slackError('invalid_arguments', {
      response_metadata: { messages: [`[ERROR] missing required field: ${name}`] },
    });
  }

  private isMember(channel: ChannelRecord, caller: Caller): boolean {
    return channel.members.has(caller.userId);
  }

  /** A channel by ID the caller can see: private channels are invisible to non-members. */
  private visibleChannel(args: Args, caller: Caller, byName: boolean): ChannelRecord | undefined {
    const channel = this.findChannel(stringArg(args, 'channel'), byName);
    if (!channel || (channel.isPrivate && !this.isMember(channel, caller))) return undefined;
    return channel;
  }

  private findMessage(channelId: string, ts: string | undefined): MessageRecord | undefined {
    return ts === undefined ? undefined : this.messagesIn(channelId).find((message) => message.ts === ts);
  }

  private botName(caller: Caller): string {
    return this.users.find((user) => user.id === caller.userId)?.name ?? 'flowkit';
  }

  private authTest(caller: Caller): Reply {
    return jsonReply({
      ok: true,
      url: `https://${this.team.domain}.slack.com/`,
      team: this.team.domain,
      user: this.botName(caller),
      team_id: this.team.id,
      user_id: caller.userId,
      bot_id: caller.botId,
      is_enterprise_install: false,
    });
  }

  private postMessage(args: Args, caller: Caller): Reply {
    const scopeProblem = this.missingScope(caller, 'chat:write');
    if (scopeProblem) return scopeProblem;
    const channel = this.visibleChannel(args, caller, true);
    if (!channel) return slackError('channel_not_found');
    if (channel.isArchived) return slackError('is_archived');
    if (!this.isMember(channel, caller) && !caller.scopes.has('chat:write.public')) {
      return slackError('not_in_channel');
    }
    const read = readMessageContent(args, { metadata: true });
    if ('error' in read) return slackError(read.error, read.extra);
    let parent: MessageRecord | undefined;
    const threadTs = stringArg(args, 'thread_ts');
    if (threadTs) {
      const target = this.findMessage(channel.id, threadTs);
      if (!target) return slackError('thread_not_found');
      // A reply's ts names the thread its parent started, as in Slack.
      parent =
        target.threadTs && target.threadTs !== target.ts
          ? this.findMessage(channel.id, target.threadTs)
          : target;
    }
    const message = this.addMessage(
      channel,
      read.content,
      { userId: caller.userId, botId: caller.botId },
      parent,
    );
    return jsonReply({
      ok: true,
      channel: channel.id,
      ts: message.ts,
      message: this.messageView(message, true),
    });
  }

  private updateMessage(args: Args, caller: Caller): Reply {
    const scopeProblem = this.missingScope(caller, 'chat:write');
    if (scopeProblem) return scopeProblem;
    // chat.update takes only a channel ID; a name is not found.
    const channel = this.visibleChannel(args, caller, false);
    if (!channel) return slackError('channel_not_found');
    const ts = stringArg(args, 'ts');
    if (!ts) return this.missingArgument('ts');
    const message = this.findMessage(channel.id, ts);
    if (!message) return slackError('message_not_found');
    if (message.userId !== caller.userId || message.botId !== caller.botId)
      return slackError('cant_update_message');
    if (channel.isArchived) return slackError('is_inactive');
    const read = readMessageContent(args, { metadata: true });
    if ('error' in read) return slackError(read.error, read.extra);
    // Fields left out keep their value; an empty blocks array removes the blocks (chat.update argument docs).
    message.text = read.content.text ?? '';
    if (read.content.blocks !== undefined) {
      if (read.content.blocks.length > 0) message.blocks = read.content.blocks;
      else delete message.blocks;
    }
    if (read.content.attachments !== undefined) message.attachments = read.content.attachments;
    if (read.content.metadata !== undefined) message.metadata = read.content.metadata;
    message.edited = { user: caller.userId, ts: this.nextTs() };
    return jsonReply({
      ok: true,
      channel: channel.id,
      ts: message.ts,
      text: message.text,
      message: this.messageView(message, true),
    });
  }

  /** chat.delete: a bot deletes its own message; a reply's parent counts one reply fewer. */
  private deleteMessage(args: Args, caller: Caller): Reply {
    const scopeProblem = this.missingScope(caller, 'chat:write');
    if (scopeProblem) return scopeProblem;
    const channel = this.visibleChannel(args, caller, false);
    if (!channel) return slackError('channel_not_found');
    const ts = stringArg(args, 'ts');
    if (!ts) return this.missingArgument('ts');
    const message = this.findMessage(channel.id, ts);
    if (!message) return slackError('message_not_found');
    if (message.userId !== caller.userId || message.botId !== caller.botId)
      return slackError('cant_delete_message');
    if (channel.isArchived) return slackError('is_inactive');
    const messages = this.messagesIn(channel.id);
    messages.splice(messages.indexOf(message), 1);
    const parent =
      message.threadTs && message.threadTs !== message.ts
        ? this.findMessage(channel.id, message.threadTs)
        : undefined;
    if (parent) parent.replyCount = Math.max(0, parent.replyCount - 1);
    return jsonReply({ ok: true, channel: channel.id, ts });
  }

  private getPermalink(args: Args, caller: Caller): Reply {
    const channel = this.visibleChannel(args, caller, false);
    if (!channel) return slackError('channel_not_found');
    const ts = stringArg(args, 'message_ts');
    if (!ts) return this.missingArgument('message_ts');
    const message = this.findMessage(channel.id, ts);
    if (!message) return slackError('message_not_found');
    let permalink = `https://${this.team.domain}.slack.com/archives/${channel.id}/p${message.ts.replace('.', '')}`;
    if (message.threadTs && message.threadTs !== message.ts) {
      permalink += `?thread_ts=${message.threadTs}&cid=${channel.id}`;
    }
    return jsonReply({ ok: true, channel: channel.id, permalink });
  }

  private listConversations(args: Args, caller: Caller): Reply {
    const scopeByType: Record<string, string> = {
      public_channel: 'channels:read',
      private_channel: 'groups:read',
      mpim: 'mpim:read',
      im: 'im:read',
    };
    const types = (stringArg(args, 'types') ?? 'public_channel')
      .split(',')
      .map((type) => type.trim())
      .filter((type) => Object.hasOwn(scopeByType, type));
    for (const type of types) {
      const scopeProblem = this.missingScope(caller, scopeByType[type] ?? type);
      if (scopeProblem) return scopeProblem;
    }
    const excludeArchived = flagArg(args, 'exclude_archived');
    // The emulator has no DMs, so im and mpim add nothing; a bot sees only the private channels it is in.
    const listed = this.channels.filter(
      (channel) =>
        (channel.isPrivate
          ? types.includes('private_channel') && this.isMember(channel, caller)
          : types.includes('public_channel')) && !(excludeArchived && channel.isArchived),
    );
    const page = pageOf(
      listed,
      (channel) => channel.id,
      'team',
      stringArg(args, 'cursor'),
      pageLimit(args, 100, 1000),
    );
    if (!page) return slackError('invalid_cursor');
    return jsonReply({
      ok: true,
      channels: page.items.map((channel) => this.conversationView(channel, caller)),
      response_metadata: { next_cursor: page.nextCursor },
    });
  }

  /** Checks shared by conversations.history and conversations.replies; answers the channel or an error. */
  private readableChannel(args: Args, caller: Caller): ChannelRecord | Reply {
    const historyScopes = ['channels:history', 'groups:history', 'im:history', 'mpim:history'];
    if (!historyScopes.some((scope) => caller.scopes.has(scope))) {
      return slackError('missing_scope', {
        needed: historyScopes.join(','),
        provided: [...caller.scopes].join(','),
      });
    }
    const channel = this.visibleChannel(args, caller, false);
    if (!channel) return slackError('channel_not_found');
    const scopeProblem = this.missingScope(caller, channel.isPrivate ? 'groups:history' : 'channels:history');
    if (scopeProblem) return scopeProblem;
    if (!this.isMember(channel, caller)) return slackError('not_in_channel');
    return channel;
  }

  /** The oldest/latest/inclusive filter of history and replies, or the error for a malformed bound. */
  private timeFilter(args: Args): ((message: MessageRecord) => boolean) | Reply {
    const oldestArg = stringArg(args, 'oldest');
    const latestArg = stringArg(args, 'latest');
    const oldest = oldestArg ? tsToMicros(oldestArg) : 0;
    if (oldest === undefined) return slackError('invalid_ts_oldest');
    const latest = latestArg ? tsToMicros(latestArg) : Number.POSITIVE_INFINITY;
    if (latest === undefined) return slackError('invalid_ts_latest');
    const inclusive = flagArg(args, 'inclusive');
    return (message) => {
      const at = tsToMicros(message.ts) ?? 0;
      return inclusive ? at >= oldest && at <= latest : at > oldest && at < latest;
    };
  }

  private history(args: Args, caller: Caller): Reply {
    const channel = this.readableChannel(args, caller);
    if (!('id' in channel)) return channel;
    const inRange = this.timeFilter(args);
    if (typeof inRange !== 'function') return inRange;
    const topLevel = this.messagesIn(channel.id)
      .filter((message) => !message.threadTs || message.threadTs === message.ts)
      .filter(inRange)
      .reverse();
    const page = pageOf(
      topLevel,
      (m) => m.ts,
      'next_ts',
      stringArg(args, 'cursor'),
      pageLimit(args, 100, 999),
    );
    if (!page) return slackError('invalid_cursor');
    const includeMetadata = flagArg(args, 'include_all_metadata');
    return jsonReply({
      ok: true,
      messages: page.items.map((message) => this.messageView(message, includeMetadata)),
      has_more: page.nextCursor !== '',
      pin_count: 0,
      channel_actions_ts: null,
      channel_actions_count: 0,
      ...(page.nextCursor ? { response_metadata: { next_cursor: page.nextCursor } } : {}),
    });
  }

  private replies(args: Args, caller: Caller): Reply {
    const channel = this.readableChannel(args, caller);
    if (!('id' in channel)) return channel;
    const ts = stringArg(args, 'ts');
    if (!ts) return this.missingArgument('ts');
    const target = this.findMessage(channel.id, ts);
    if (!target) return slackError('thread_not_found');
    const parent =
      target.threadTs && target.threadTs !== target.ts
        ? this.findMessage(channel.id, target.threadTs)
        : target;
    if (!parent) return slackError('thread_not_found');
    const inRange = this.timeFilter(args);
    if (typeof inRange !== 'function') return inRange;
    const replies = this.messagesIn(channel.id).filter(
      (message) => message.threadTs === parent.ts && message.ts !== parent.ts && inRange(message),
    );
    // The parent heads the first page; later pages hold only replies.
    const thread = [parent, ...replies];
    const page = pageOf(
      thread,
      (m) => m.ts,
      'next_ts',
      stringArg(args, 'cursor'),
      pageLimit(args, 1000, 1000),
    );
    if (!page) return slackError('invalid_cursor');
    const includeMetadata = flagArg(args, 'include_all_metadata');
    return jsonReply({
      ok: true,
      messages: page.items.map((message) => this.messageView(message, includeMetadata)),
      has_more: page.nextCursor !== '',
      ...(page.nextCursor ? { response_metadata: { next_cursor: page.nextCursor } } : {}),
    });
  }

  private lookupByEmail(args: Args, caller: Caller): Reply {
    const scopeProblem = this.missingScope(caller, 'users:read.email');
    if (scopeProblem) return scopeProblem;
    const email = stringArg(args, 'email');
    if (!email) return this.missingArgument('email');
    const user = this.users.find((candidate) => candidate.email?.toLowerCase() === email.toLowerCase());
    if (!user) return slackError('users_not_found');
    return jsonReply({ ok: true, user: this.userView(user) });
  }

  /** A message as Slack shows it in answers; metadata only when asked for, as with include_all_metadata. */
  messageView(message: MessageRecord, includeMetadata: boolean): Record<string, unknown> {
    const isReply = message.threadTs !== undefined && message.threadTs !== message.ts;
    const parentUser = isReply ? this.findMessage(message.channel, message.threadTs)?.userId : undefined;
    const hasReplies = message.replyCount > 0;
    return withoutUndefined({
      type: 'message',
      subtype: message.subtype,
      text: message.text,
      user: message.userId,
      bot_id: message.botId,
      ts: message.ts,
      blocks: message.blocks,
      attachments: message.attachments,
      metadata: includeMetadata ? message.metadata : undefined,
      thread_ts: message.threadTs,
      parent_user_id: parentUser,
      reply_count: hasReplies ? message.replyCount : undefined,
      reply_users_count: hasReplies ? message.replyUsers.length : undefined,
      reply_users: hasReplies && message.replyUsers.length > 0 ? [...message.replyUsers] : undefined,
      latest_reply: hasReplies ? message.latestReply : undefined,
    });
  }

  private conversationView(channel: ChannelRecord, caller: Caller): Record<string, unknown> {
    const emptyTopic = { value: '', creator: '', last_set: 0 };
    return {
      id: channel.id,
      name: channel.name,
      is_channel: true,
      is_group: false,
      is_im: false,
      is_mpim: false,
      is_private: channel.isPrivate,
      created: this.createdSeconds,
      is_archived: channel.isArchived,
      is_general: false,
      unlinked: 0,
      name_normalized: channel.name,
      is_shared: false,
      is_org_shared: false,
      is_ext_shared: false,
      is_pending_ext_shared: false,
      pending_shared: [],
      parent_conversation: null,
      creator: [...channel.members][0] ?? caller.userId,
      is_member: this.isMember(channel, caller),
      topic: emptyTopic,
      purpose: { ...emptyTopic },
      previous_names: [],
      num_members: channel.members.size,
    };
  }

  private userView(user: SlackEmulatorUser): Record<string, unknown> {
    const realName = user.realName ?? user.name;
    const [firstName = '', ...rest] = realName.split(' ');
    return {
      id: user.id,
      team_id: this.team.id,
      name: user.name,
      deleted: false,
      color: '9f69e7',
      real_name: realName,
      tz: 'Europe/London',
      tz_label: 'Greenwich Mean Time',
      tz_offset: 0,
      profile: {
        title: '',
        phone: '',
        skype: '',
        real_name: realName,
        real_name_normalized: realName,
        display_name: user.name,
        display_name_normalized: user.name,
        fields: null,
        status_text: '',
        status_emoji: '',
        status_expiration: 0,
        avatar_hash: '',
        email: user.email ?? null,
        first_name: firstName,
        last_name: rest.join(' '),
        team: this.team.id,
      },
      is_admin: false,
      is_owner: false,
      is_primary_owner: false,
      is_restricted: false,
      is_ultra_restricted: false,
      is_bot: false,
      is_app_user: false,
      updated: this.createdSeconds,
      has_2fa: false,
    };
  }
}

interface PendingFailure extends SlackFailure {
  method: string;
  remaining: number;
}

/** A Slack Web API and incoming-webhook emulator on 127.0.0.1, with a request log, rate limits and faults. */
export class SlackEmulator {
  /** 'http://127.0.0.1:PORT' */
  readonly url: string;
  /** The Web API base, 'http://127.0.0.1:PORT/api/' (ends with '/', as Slack clients expect). */
  readonly apiUrl: string;
  /** Every request in arrival order, recorded before its answer is sent. */
  readonly requests: RecordedRequest[] = [];
  private readonly server: Server;
  private readonly workspace: SlackWorkspace;
  private readonly tokens: Record<string, SlackEmulatorToken>;
  private readonly webhooks: Record<string, { channel: string }>;
  private readonly rateLimits: Record<string, RateLimit>;
  private readonly limiter = new SlidingWindowLimiter();
  private readonly failures: PendingFailure[] = [];
  private readonly now: () => number;
  private stopped: Promise<void> | undefined;

  private constructor(server: Server, options: SlackEmulatorOptions) {
    const address = server.address() as AddressInfo;
    this.server = server;
    this.url = `http://127.0.0.1:${address.port}`;
    this.apiUrl = `${this.url}/api/`;
    this.now = options.now ?? Date.now;
    this.workspace = new SlackWorkspace(options, this.now);
    this.tokens = options.tokens ?? { [DEFAULT_SLACK_TOKEN]: { scopes: [...DEFAULT_SLACK_SCOPES] } };
    this.webhooks = options.webhooks ?? {};
    this.rateLimits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  }

  /** Starts an emulator on 127.0.0.1 on a free port. */
  static async start(options: SlackEmulatorOptions = {}): Promise<SlackEmulator> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const emulator = new SlackEmulator(server, options);
    server.on('request', (request, response) => {
      emulator.answer(request).then(
        (reply) => response.writeHead(reply.status, reply.headers).end(reply.body),
        (error: unknown) => {
          // An emulator bug must surface in the test, not hang the client.
          response
            .writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
            .end(`emulator error: ${error}`);
        },
      );
    });
    return emulator;
  }

  /** The URL of an incoming webhook: 'http://127.0.0.1:PORT/services/<key>'. */
  webhookUrl(key: string): string {
    return `${this.url}/services/${key}`;
  }

  /** All messages in a channel (ID or name), oldest first, thread replies included. */
  messages(channel: string): StoredMessage[] {
    const found = this.workspace.findChannel(channel, true);
    if (!found) throw new Error(`Unknown channel "${channel}": not in the emulator's channels option`);
    return this.workspace.messagesIn(found.id).map((message) =>
      withoutUndefined({
        channel: message.channel,
        ts: message.ts,
        threadTs: message.threadTs,
        text: message.text,
        blocks: message.blocks === undefined ? undefined : structuredClone(message.blocks),
        metadata: message.metadata === undefined ? undefined : structuredClone(message.metadata),
        userId: message.userId,
        botId: message.botId,
        edited: message.edited !== undefined,
        replyCount: message.replyCount,
      }),
    );
  }

  /**
   * Makes the next call(s) of `method` (a Slack method name, or 'webhook') fail as described, with no other effect
   * (nothing is stored and the call is not counted against the rate limit) unless `afterActing` is set.
   */
  failNext(method: string, failure: SlackFailure): void {
    this.failures.push({ ...failure, method, remaining: failure.times ?? 1 });
  }

  /** Closes the server and every open connection, including idle keep-alive sockets. */
  stop(): Promise<void> {
    this.stopped ??= new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    return this.stopped;
  }

  private async answer(request: IncomingMessage): Promise<Reply> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const receivedAt = this.now();
    const target = request.url ?? '/';
    const url = new URL(target, this.url);
    const headers = headerRecord(request.headers);
    const contentType = headers['content-type'] ?? '';
    const record: RecordedRequest = {
      method: '',
      httpMethod: request.method ?? 'GET',
      path: target,
      headers,
      contentType,
      params: {},
      rawBody,
      status: 0,
      response: undefined,
      responseHeaders: {},
      receivedAt,
    };
    let reply: Reply;
    if (url.pathname.startsWith('/api/')) {
      reply = this.answerApi(url, record);
    } else if (url.pathname.startsWith('/services/')) {
      reply = this.answerWebhook(url, record);
    } else {
      reply = textReply(404, 'not found');
    }
    record.status = reply.status;
    record.response = reply.response;
    record.responseHeaders = { ...reply.headers };
    // Recorded before the answer leaves, so a client that has its answer always finds the request logged.
    this.requests.push(record);
    return reply;
  }

  private takeFailure(method: string): PendingFailure | undefined {
    const failure = this.failures.find((candidate) => candidate.method === method);
    if (!failure) return undefined;
    failure.remaining -= 1;
    if (failure.remaining <= 0) this.failures.splice(this.failures.indexOf(failure), 1);
    return failure;
  }

  private accept(key: string, rule: RateLimit | undefined, record: RecordedRequest): Reply | undefined {
    if (!rule) return undefined;
    record.rateLimitKey = key;
    const verdict = this.limiter.tryAccept(key, rule, record.receivedAt);
    if (verdict.accepted) return undefined;
    return rateLimitedReply(verdict.retryAfter, key.startsWith('webhook:') ? 'text' : 'json');
  }

  private answerApi(url: URL, record: RecordedRequest): Reply {
    const method = decodeURIComponent(url.pathname.slice('/api/'.length));
    record.method = method;
    const call = readApiCall(
      method,
      url,
      record.contentType,
      record.rawBody,
      record.headers.authorization ?? '',
    );
    record.params = call.args;
    const failure = this.takeFailure(method);
    if (failure && !failure.afterActing) return apiFailureReply(failure);
    const handler = this.workspace.methods[method];
    if (!handler) return slackError('unknown_method');
    if (!call.token) return slackError('not_authed');
    const token = this.tokens[call.token];
    if (!token) return slackError('invalid_auth');
    if (call.bodyError) return slackError(call.bodyError);
    const caller: Caller = {
      scopes: new Set(token.scopes),
      userId: token.userId ?? 'UBOT',
      botId: token.botId ?? DEFAULT_BOT_ID,
    };
    // chat.postMessage is limited per channel, every other method per method.
    const key =
      method === 'chat.postMessage'
        ? `${method}:${this.workspace.findChannel(stringArg(call.args, 'channel'), true)?.id ?? stringArg(call.args, 'channel') ?? ''}`
        : method;
    const limited = this.accept(key, this.rateLimits[method], record);
    if (limited) return limited;
    const reply = handler(call.args, caller);
    return failure ? apiFailureReply(failure) : reply;
  }

  private answerWebhook(url: URL, record: RecordedRequest): Reply {
    record.method = 'webhook';
    const key = decodeURIComponent(url.pathname.slice('/services/'.length));
    const payload = readWebhookPayload(record.contentType, record.rawBody);
    if (payload) record.params = payload;
    const failure = this.takeFailure('webhook');
    if (failure) return webhookFailureReply(failure);
    const hook = this.webhooks[key];
    if (!hook) return textReply(404, 'no_service');
    const channel = this.workspace.findChannel(hook.channel, true);
    if (!channel) return textReply(404, 'channel_not_found');
    const limited = this.accept(`webhook:${key}`, this.rateLimits.webhook, record);
    if (limited) return limited;
    if (channel.isArchived) return textReply(410, 'channel_is_archived');
    if (!payload) return textReply(400, 'invalid_payload');
    const read = readMessageContent(payload, { metadata: false });
    if ('error' in read) {
      return textReply(400, read.error.startsWith('invalid_blocks') ? 'invalid_blocks' : read.error);
    }
    this.workspace.addMessage(channel, read.content, { botId: WEBHOOK_BOT_ID, subtype: 'bot_message' });
    return textReply(200, 'ok');
  }
}

/** The JSON payload of a webhook post (a JSON body, or a form field `payload`), or undefined when malformed. */
function readWebhookPayload(contentType: string, rawBody: string): Args | undefined {
  const text =
    mediaType(contentType) === 'application/x-www-form-urlencoded'
      ? (new URLSearchParams(rawBody).get('payload') ?? '')
      : rawBody;
  try {
    const payload: unknown = JSON.parse(text);
    return isPlainObject(payload) ? payload : undefined;
  } catch {
    return undefined;
  }
}

function apiFailureReply(failure: SlackFailure): Reply {
  const status = failure.status ?? 200;
  if (status >= 500) return htmlReply(status);
  const body = {
    ok: false,
    error: failure.error ?? (status === 429 ? 'ratelimited' : 'fatal_error'),
    ...failure.extra,
  };
  const headers: Record<string, string> =
    status === 429 ? { 'retry-after': String(failure.retryAfterSeconds ?? 1) } : {};
  return jsonReply(body, status, headers);
}

function webhookFailureReply(failure: SlackFailure): Reply {
  const status = failure.status ?? 400;
  if (status >= 500 && failure.error === undefined) return htmlReply(status);
  const reply = textReply(status, failure.error ?? (status === 429 ? 'rate_limited' : 'invalid_payload'));
  if (status === 429) reply.headers['retry-after'] = String(failure.retryAfterSeconds ?? 1);
  return reply;
}
