// Reads and checks every slack-notify input before anything is sent: one typed settings object comes out.
import { readFile } from 'node:fs/promises';
import {
  type FlowkitConfig,
  InputError,
  interpolate,
  isRecord,
  type Lookup,
  parseBooleanInput,
  parseIntegerInput,
  parseJsonOrYaml,
  SyntaxProblem,
  UnresolvedPlaceholder,
} from '@flowkit/core';
import { SLACK_API_URL } from './client.ts';
import {
  checkValues,
  findTemplate,
  type Template,
  type TemplateValues,
  templates,
} from './templates/index.ts';
import { escapeText } from './text.ts';

/** The inputs of slack-notify, as action.yml declares them. */
export const NOTIFY_INPUTS = [
  'token',
  'webhook',
  'channel',
  'template',
  'values',
  'payload',
  'payload-file',
  'update-key',
  'thread-key',
  'thread-ts',
  'api-url',
  'retries',
  'timeout',
  'fail-on-error',
  'config',
] as const;

export type NotifyInputName = (typeof NOTIFY_INPUTS)[number];

/** How the message travels. */
export type Transport = { kind: 'api'; token: string; apiUrl: string } | { kind: 'webhook'; url: string };

/** What to send. */
export type MessageSource =
  | { kind: 'template'; template: Template; values: TemplateValues }
  | { kind: 'payload'; payload: Record<string, unknown> };

/** Everything slack-notify needs, checked. */
export interface NotifySettings {
  transport: Transport;
  /** Channel ID or name; always set for the Web API. */
  channel: string | undefined;
  message: MessageSource;
  updateKey: string | undefined;
  threadKey: string | undefined;
  threadTs: string | undefined;
  retries: number;
  timeoutMs: number;
  failOnError: boolean;
  config: FlowkitConfig;
}

/** Where the settings come from: inputs by name, the config, and the resolver for `{{ env.X }}`/`{{ github.x }}`. */
export interface SettingsSource {
  input(name: NotifyInputName): string;
  config: FlowkitConfig;
  lookup: Lookup;
}

const CHANNEL = /^([CGD][A-Z0-9]{6,}|#?[a-z0-9][a-z0-9._-]{0,79})$/;
const TOKEN = /^xox(?:[bpae]|e\.xox[bp])-[A-Za-z0-9-]+$/;
const TS = /^\d{9,11}\.\d{1,6}$/;
/** Payload fields that are identifiers or URLs, not text Slack renders: inserted values go in unescaped. */
const NOT_RENDERED = new Set([
  'url',
  'image_url',
  'alt_text',
  'value',
  'action_id',
  'block_id',
  'channel',
  'thread_ts',
  'icon_url',
  'event_type',
]);

/** Checks every input; throws InputError for the first problem found. Sends nothing. */
export async function readNotifySettings(source: SettingsSource): Promise<NotifySettings> {
  const { input, config } = source;
  const token = input('token');
  const webhook = input('webhook');
  if (token === '' && webhook === '') {
    throw new InputError(
      'token',
      'and webhook are both empty',
      "Set 'token: ${{ secrets.SLACK_BOT_TOKEN }}' (Web API, needed for updates and threads) or 'webhook: ${{ secrets.SLACK_WEBHOOK_URL }}'.",
    );
  }
  if (token !== '' && webhook !== '') {
    throw new InputError(
      'webhook',
      'is set together with token',
      'Give one of them: token for the Web API or webhook for an incoming webhook.',
    );
  }
  const transport =
    token !== ''
      ? apiTransport(token, input('api-url') || config.slack['api-url'] || SLACK_API_URL)
      : webhookTransport(webhook);

  const updateKey = optionalKey(input, 'update-key');
  const threadKey = optionalKey(input, 'thread-key');
  const threadTs = input('thread-ts') || undefined;
  if (threadTs !== undefined && !TS.test(threadTs)) {
    throw new InputError(
      'thread-ts',
      `is not a Slack message timestamp: '${threadTs}'`,
      "Pass the 'ts' or 'thread-ts' output of an earlier slack-notify step, e.g. 1732752000.000100.",
    );
  }
  if (threadTs !== undefined && threadKey !== undefined) {
    throw new InputError(
      'thread-ts',
      'is set together with thread-key',
      'Give one: thread-ts for a message of this job, thread-key to find it by key.',
    );
  }
  if (transport.kind === 'webhook') {
    for (const [name, value] of [
      ['update-key', updateKey],
      ['thread-key', threadKey],
      ['thread-ts', threadTs],
      ['channel', input('channel') || undefined],
    ] as const) {
      if (value !== undefined) {
        throw new InputError(
          name,
          'cannot be used with an incoming webhook',
          name === 'channel'
            ? 'A webhook always posts to the channel chosen when it was created: remove channel, or use a bot token.'
            : 'Webhooks return no message timestamp, so messages cannot be updated or threaded: use a bot token (token:) instead.',
        );
      }
    }
  }

  const message = await readMessage(source, updateKey);
  const payloadChannel =
    message.kind === 'payload' && typeof message.payload.channel === 'string'
      ? message.payload.channel
      : undefined;
  const channel =
    transport.kind === 'api'
      ? readChannel(input('channel') || payloadChannel || config.slack.channel)
      : undefined;

  return {
    transport,
    channel,
    message,
    updateKey,
    threadKey,
    threadTs,
    retries: parseIntegerInput('retries', input('retries'), 5, { min: 0, max: 20 }),
    timeoutMs: parseIntegerInput('timeout', input('timeout'), 60, { min: 1, max: 3600 }) * 1000,
    failOnError: parseBooleanInput('fail-on-error', input('fail-on-error'), false),
    config,
  };
}

function apiTransport(token: string, apiUrl: string): Transport {
  return { kind: 'api', token: checkSlackToken('token', token), apiUrl: checkSlackApiUrl('api-url', apiUrl) };
}

/** Checks that `token` looks like a Slack token (naming `input` in the error) and returns it. */
export function checkSlackToken(input: string, token: string): string {
  if (/\s/.test(token)) {
    throw new InputError(
      input,
      'contains spaces or line breaks',
      'Copy the token again without surrounding text, and store it as a secret.',
    );
  }
  if (!TOKEN.test(token)) {
    throw new InputError(
      input,
      "is not a Slack token (they start with 'xoxb-')",
      'Use the Bot User OAuth Token from the app’s OAuth & Permissions page.',
    );
  }
  return token;
}

/** Checks a Web API base URL (https, or http on loopback) and returns it ending with '/'. */
export function checkSlackApiUrl(input: string, url: string): string {
  return checkUrl(input, url.endsWith('/') ? url : `${url}/`, 'https://slack.com/api/');
}

function webhookTransport(url: string): Transport {
  // Never echo the value: a webhook URL is a secret.
  checkUrl('webhook', url, 'https://hooks.slack.com/services/T…/B…/…');
  return { kind: 'webhook', url };
}

function checkUrl(name: string, url: string, example: string): string {
  if (!URL.canParse(url)) throw new InputError(name, 'is not a URL', `Give an absolute URL like ${example}.`);
  const parsed = new URL(url);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) {
    throw new InputError(
      name,
      'must use https',
      `Give an https URL like ${example} (plain http is allowed only for localhost).`,
    );
  }
  return url;
}

function optionalKey(input: SettingsSource['input'], name: 'update-key' | 'thread-key'): string | undefined {
  const key = input(name);
  if (key === '') return undefined;
  if (key.length > 200 || /[\r\n]/.test(key)) {
    throw new InputError(
      name,
      'must be one line of at most 200 characters',
      'Use a ticket key (JIRA-1234) or a deployment id.',
    );
  }
  return key;
}

function readChannel(channel: string | undefined): string {
  if (channel === undefined || channel === '') {
    throw new InputError(
      'channel',
      'is required with a bot token',
      "Set 'channel: C0123456789' (the channel ID) or 'channel: #team', or slack.channel in .github/flowkit.yml.",
    );
  }
  if (!CHANNEL.test(channel)) {
    throw new InputError(
      'channel',
      `is not a channel ID or name: '${channel}'`,
      'Use the channel ID (C0123456789, from the channel’s details) or its name (#devops-team-frontend).',
    );
  }
  return channel;
}

async function readMessage(source: SettingsSource, updateKey: string | undefined): Promise<MessageSource> {
  const { input, lookup } = source;
  const chosen = (['template', 'payload', 'payload-file'] as const).filter((name) => input(name) !== '');
  if (chosen.length !== 1) {
    throw new InputError(
      chosen[1] ?? 'template',
      chosen.length === 0
        ? 'is not set, and neither is payload or payload-file'
        : `is set together with ${chosen[0]}`,
      `Give exactly one: template (${templates.map((t) => t.name).join(', ')}), payload, or payload-file.`,
    );
  }
  if (chosen[0] === 'template') {
    const template = findTemplate(input('template'));
    if (template === undefined) {
      throw new InputError(
        'template',
        `names no template: '${input('template')}'`,
        `Use one of: ${templates.map((t) => t.name).join(', ')}.`,
      );
    }
    const raw = input('values') === '' ? undefined : await parseInput('values', input('values'));
    return {
      kind: 'template',
      template,
      values: checkValues(
        template,
        insertValues('values', () => interpolate(raw, lookup).value),
      ),
    };
  }
  if (input('values') !== '') {
    throw new InputError(
      'values',
      'only applies to a template',
      'With a custom payload, put {{ env.NAME }} placeholders in the payload itself.',
    );
  }
  const name = chosen[0] ?? 'payload';
  const text = name === 'payload' ? input('payload') : await readPayloadFile(input('payload-file'));
  const parsed = await parseInput(name, text);
  if (!isRecord(parsed)) {
    throw new InputError(
      name,
      'must be a JSON or YAML object (a mapping)',
      'Give an object like {"text": "…", "blocks": […]}.',
    );
  }
  if (!('text' in parsed) && !('blocks' in parsed) && !('attachments' in parsed)) {
    throw new InputError(
      name,
      'has no text, blocks or attachments',
      'Slack needs at least one of them; text also serves as the notification text.',
    );
  }
  if (updateKey !== undefined && 'metadata' in parsed) {
    throw new InputError(
      name,
      'has its own metadata, which update-key needs for itself',
      'Remove metadata from the payload, or remove update-key.',
    );
  }
  return { kind: 'payload', payload: insertValues(name, () => escapeInsertedValues(parsed, lookup)) };
}

async function readPayloadFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      'payload-file',
      `cannot be read: '${path}' (${code ?? 'error'})`,
      'Give a path relative to the repository root, and check out the repository before this step.',
    );
  }
}

async function parseInput(name: string, text: string): Promise<unknown> {
  try {
    return await parseJsonOrYaml(text);
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error;
    throw new InputError(
      name,
      `is not valid JSON or YAML (${error.message})`,
      'Do not build it with ${{ }} around user text: pass such text through env: and write {{ env.NAME }} where it goes.',
    );
  }
}

function insertValues<T>(name: string, insert: () => T): T {
  try {
    return insert();
  } catch (error) {
    if (!(error instanceof UnresolvedPlaceholder)) throw error;
    const variable = error.expression.startsWith('env.') ? error.expression.slice(4) : undefined;
    throw new InputError(
      name,
      `uses {{ ${error.expression} }}, which has no value`,
      variable === undefined
        ? 'Check the name against the github context.'
        : `Set ${variable} in the step's env: (an empty value is fine).`,
    );
  }
}

/**
 * Inserts `{{ }}` values into the parsed payload: escaped wherever Slack renders text, and every mrkdwn
 * text object that received a value is marked verbatim so Slack does not auto-link names or mentions in it.
 */
function escapeInsertedValues(payload: Record<string, unknown>, lookup: Lookup): Record<string, unknown> {
  const { value, inserted } = interpolate(payload, lookup, (text, path) => {
    const key = path[path.length - 1];
    return typeof key === 'string' && NOT_RENDERED.has(key) ? text : escapeText(text);
  });
  const result = value as Record<string, unknown>;
  for (const path of inserted) {
    if (path[path.length - 1] !== 'text') continue;
    let parent: unknown = result;
    for (const part of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[part];
    if (isRecord(parent) && parent.type === 'mrkdwn') parent.verbatim = true;
  }
  return result;
}
