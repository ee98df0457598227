// Safe Slack text: user text is escaped and placed where Slack will not turn it into mentions or links.
import type { ContextBlock, HeaderBlock, MrkdwnElement, PlainTextElement, SectionBlock } from '@slack/types';

/** Slack's limit for a text object in a section or context. */
export const TEXT_LIMIT = 3000;
/** Slack's limit for a header's plain text. */
export const HEADER_LIMIT = 150;
/** Slack's limit for a section field. */
export const FIELD_LIMIT = 2000;

/**
 * Escapes the three characters Slack treats as markup (`&`, `<`, `>`), so `<!channel>`, `<@U123>` and
 * `<https://evil|click>` in user text arrive as plain text.
 */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes `text` and shortens it with '…' so that the escaped result fits in `limit` characters. */
export function fitEscaped(text: string, limit: number): string {
  const escaped = escapeText(text);
  if (escaped.length <= limit) return escaped;
  let keep = Math.min(text.length, limit - 1);
  while (keep > 0 && escapeText(text.slice(0, keep)).length > limit - 1) keep--;
  return `${escapeText(text.slice(0, keep))}…`;
}

/** A link in mrkdwn. The label is user text (escaped); a URL that is not http(s) gives the label alone. */
export function link(url: string | undefined, label: string): string {
  const safeLabel = escapeText(label).replace(/\|/g, '¦');
  if (url === undefined || !isWebUrl(url)) return safeLabel;
  // `|` and `>` end Slack's link syntax; percent-encoding them keeps the URL intact.
  const safeUrl = url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
  return `<${safeUrl}|${safeLabel}>`;
}

/** True for an absolute http or https URL (no javascript:, no relative paths). */
export function isWebUrl(text: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(text) && URL.canParse(text);
}

/**
 * A mrkdwn text object that Slack will not auto-parse (`verbatim: true`): plain words stay words,
 * only the markup Flowkit built (links, mentions) is active. Pass text already escaped.
 */
export function mrkdwn(markup: string, limit = TEXT_LIMIT): MrkdwnElement {
  return { type: 'mrkdwn', text: clip(markup, limit), verbatim: true };
}

/** A plain_text object: Slack shows it exactly, no formatting, no mentions. */
export function plainText(text: string, limit = TEXT_LIMIT): PlainTextElement {
  return { type: 'plain_text', text: fitEscaped(text, limit), emoji: true };
}

/** A section with safe mrkdwn text and optional two-column fields. */
export function section(markup: string, fields: [label: string, markup: string][] = []): SectionBlock {
  const block: SectionBlock = { type: 'section', text: mrkdwn(markup) };
  const shown = fields.filter(([, value]) => value !== '').slice(0, 10);
  if (shown.length > 0) {
    block.fields = shown.map(([label, value]) => mrkdwn(`*${escapeText(label)}*\n${value}`, FIELD_LIMIT));
  }
  return block;
}

/** A header block (plain text, at most 150 characters). */
export function header(text: string): HeaderBlock {
  return { type: 'header', text: plainText(text, HEADER_LIMIT) };
}

/** A context block of small mrkdwn parts (at most 10, as Slack allows). */
export function context(parts: string[]): ContextBlock {
  return {
    type: 'context',
    elements: parts
      .filter((part) => part !== '')
      .slice(0, 10)
      .map((part) => mrkdwn(part)),
  };
}

// Markup built by Flowkit may exceed a limit only through long user text already escaped; cut at a
// character boundary that does not split an entity or a <…> link.
function clip(markup: string, limit: number): string {
  if (markup.length <= limit) return markup;
  let cut = limit - 1;
  const open = markup.lastIndexOf('<', cut);
  if (open > markup.lastIndexOf('>', cut)) cut = open;
  const amp = markup.lastIndexOf('&', cut);
  if (amp > cut - 6 && markup.indexOf(';', amp) >= cut) cut = amp;
  return `${markup.slice(0, cut)}…`;
}
