// What a message template is, and how its values are checked before anything is sent.
import { describeValue, InputError, isRecord } from '@flowkit/core';
import type { ContextBlock, KnownBlock } from '@slack/types';
import { context as contextBlock, escapeText, isWebUrl, link } from '../text.ts';

/** A message ready to send: blocks, and the fallback text Slack shows in notifications. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** The kinds of value a template field takes. */
export type FieldKind = 'text' | 'url' | 'person' | 'people' | 'list' | 'map';

/** One value a template reads. */
export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required?: boolean;
  description: string;
}

/** Checked template values: text and URLs as strings, lists as arrays, maps as records. */
export type TemplateValues = Record<string, string | string[] | Record<string, string>>;

/** Facts about the run that every template may show ('' where unknown, e.g. outside GitHub Actions). */
export interface RunInfo {
  serverUrl: string;
  repository: string;
  runUrl: string;
  workflow: string;
  job: string;
  sha: string;
  refName: string;
  actor: string;
}

/** The run, and mentions already resolved. */
export interface RenderContext extends RunInfo {
  /** Person value (email, GitHub login, Slack ID) → mrkdwn: a `<@U…>` mention or escaped text. */
  mentions: ReadonlyMap<string, string>;
}

/** A named message for one moment of the flow. */
export interface Template {
  name: string;
  summary: string;
  fields: FieldSpec[];
  render(values: TemplateValues, context: RenderContext): SlackMessage;
}

/**
 * Checks raw values (parsed from the `values` input) against a template's fields: unknown names, missing
 * required values and wrong shapes are InputErrors naming `values` and the field.
 */
export function checkValues(template: Template, raw: unknown): TemplateValues {
  if (raw !== undefined && !isRecord(raw)) {
    throw new InputError(
      'values',
      `must be a mapping of names to values, got ${describeValue(raw)}`,
      example(template),
    );
  }
  const given = raw ?? {};
  const known = new Map(template.fields.map((field) => [field.name, field]));
  for (const name of Object.keys(given)) {
    if (!known.has(name)) {
      throw new InputError(
        'values',
        `has '${name}', which template '${template.name}' does not use`,
        `Its values are: ${template.fields.map((field) => field.name).join(', ')}.`,
      );
    }
  }
  const values: TemplateValues = {};
  for (const field of template.fields) {
    const value = given[field.name];
    if (value === undefined || value === null || value === '') {
      if (field.required) {
        throw new InputError(
          'values',
          `is missing '${field.name}' (${field.description}), which template '${template.name}' needs`,
          example(template),
        );
      }
      continue;
    }
    values[field.name] = checkValue(template, field, value);
  }
  return values;
}

function checkValue(
  template: Template,
  field: FieldSpec,
  value: unknown,
): string | string[] | Record<string, string> {
  const bad = (expected: string): never => {
    throw new InputError(
      'values',
      `'${field.name}' must be ${expected}, got ${describeValue(value)}`,
      example(template),
    );
  };
  const scalar = (item: unknown): string =>
    typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean'
      ? String(item)
      : bad('text');
  switch (field.kind) {
    case 'text':
    case 'person':
      return scalar(value);
    case 'url': {
      const url = scalar(value);
      return isWebUrl(url) ? url : bad('an http(s) URL');
    }
    case 'list':
    case 'people': {
      const items = Array.isArray(value) ? value.map(scalar) : scalar(value).split(',');
      return items.map((item) => item.trim()).filter((item) => item !== '');
    }
    case 'map': {
      if (!isRecord(value)) return bad('a mapping of names to values');
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scalar(item)]));
    }
  }
}

function example(template: Template): string {
  const lines = template.fields
    .filter((field) => field.required)
    .map((field) => `${field.name}: …`)
    .join(', ');
  return `Template '${template.name}' needs ${lines === '' ? 'no values' : lines}; see the slack-notify README.`;
}

/** Reads a text value ('' when absent). */
export function text(values: TemplateValues, name: string): string {
  const value = values[name];
  return typeof value === 'string' ? value : '';
}

/** Reads a list value ([] when absent). */
export function list(values: TemplateValues, name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value : [];
}

/** Reads a map value ({} when absent). */
export function map(values: TemplateValues, name: string): Record<string, string> {
  const value = values[name];
  return isRecord(value) ? (value as Record<string, string>) : {};
}

/** A person as mrkdwn: the resolved mention, or the escaped name. */
export function person(context: RenderContext, value: string): string {
  return context.mentions.get(value) ?? escapeText(value);
}

/** `[JIRA-1234]` linked to the ticket, or '' without a key. */
export function ticketTag(values: TemplateValues): string {
  const key = text(values, 'key');
  return key === '' ? '' : `[${link(text(values, 'ticket-url') || undefined, key)}]`;
}

/** The footer every message carries: repository and run links (none outside a run). */
export function footerBlocks(context: RenderContext): ContextBlock[] {
  const parts: string[] = [];
  if (context.repository) parts.push(link(`${context.serverUrl}/${context.repository}`, context.repository));
  if (context.runUrl)
    parts.push(link(context.runUrl, context.workflow ? `${context.workflow} run` : 'workflow run'));
  return parts.length > 0 ? [contextBlock([parts.join(' · ')])] : [];
}

/** A commit as a short linked SHA. */
export function commitLink(context: RenderContext, sha: string): string {
  if (sha === '') return '';
  const short = sha.slice(0, 7);
  return context.repository
    ? link(`${context.serverUrl}/${context.repository}/commit/${sha}`, short)
    : escapeText(short);
}
