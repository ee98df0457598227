// A local HTTP server that answers like Jira Cloud (REST v3 and v2) or Jira Server/Data Center (REST v2).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type RateLimit, SlidingWindowLimiter } from './rate-limit.ts';

/** A status of a workflow. `category` is Jira's status category key. */
export interface JiraStatusDef {
  id: string;
  name: string;
  category: 'new' | 'indeterminate' | 'done';
}

/** A transition of a workflow. */
export interface JiraTransitionDef {
  id: string;
  name: string;
  /** Status names it leaves from; [] makes it a global transition (from any status but its target). */
  from: string[];
  /** The status name it moves to. */
  to: string;
  /**
   * Field ids on its screen ('resolution', 'fixVersions', 'labels', 'assignee', 'comment', 'components',
   * 'priority'); none means no screen, so no field may be set while moving.
   */
  screen?: string[];
}

/** A workflow: its statuses (the first is where new issues start) and transitions. */
export interface JiraWorkflowDef {
  name: string;
  statuses: JiraStatusDef[];
  transitions: JiraTransitionDef[];
}

/** A project. `id` defaults to a stable generated one (10000, 10001, …); `issueTypes` default to Story, Task, Bug. */
export interface JiraProjectDef {
  key: string;
  id?: string;
  name?: string;
  workflow: JiraWorkflowDef;
  components?: string[];
  versions?: string[];
  issueTypes?: string[];
}

/** A person on the site. `name` is the Server/Data Center user name (default: the accountId). */
export interface JiraUserDef {
  accountId: string;
  displayName: string;
  emailAddress?: string;
  name?: string;
  /** Default true; inactive users cannot be assigned. */
  active?: boolean;
}

/** A permission a credential may hold. Project permissions apply to every project of the site. */
export type JiraPermission =
  | 'BROWSE_PROJECTS'
  | 'CREATE_ISSUES'
  | 'TRANSITION_ISSUES'
  | 'ADD_COMMENTS'
  | 'ASSIGN_ISSUES'
  | 'EDIT_ISSUES'
  | 'ADMINISTER'
  | 'USER_PICKER'
  | 'LINK_ISSUES';

/** A credential the emulator accepts and the user it acts as. */
export interface JiraCredential {
  /** The user the credential acts as; must be one of `users`. */
  accountId: string;
  /** Cloud: `Authorization: Basic base64(email:apiToken)`. */
  email?: string;
  apiToken?: string;
  /** Server/Data Center personal access token: `Authorization: Bearer <token>`. */
  token?: string;
  /** Default: every permission but ADMINISTER. */
  permissions?: JiraPermission[];
}

/** An issue to put on the site. Its project is the key's prefix. */
export interface JiraIssueDef {
  key: string;
  summary: string;
  description?: string;
  /** Default 'Story'. */
  issueType?: string;
  /** Default: the workflow's first status. */
  status?: string;
  labels?: string[];
  components?: string[];
  /** Default 'Medium'. */
  priority?: string;
  /** An accountId. */
  assignee?: string;
  /** An accountId. */
  reporter?: string;
  fixVersions?: string[];
  properties?: Record<string, unknown>;
}

/** What the emulated site holds and how strict it is. */
export interface JiraEmulatorOptions {
  /** Default 'cloud'. Server/Data Center serves only REST v2 and knows users by name. */
  flavor?: 'cloud' | 'server';
  /** Default: one user, `DEFAULT_JIRA_ACCOUNT_ID`. */
  users?: JiraUserDef[];
  /** Default: one credential for the first user, with `DEFAULT_JIRA_API_TOKEN` and `DEFAULT_JIRA_PAT`. */
  credentials?: JiraCredential[];
  /** Default: one project, FLOW, with `DEFAULT_JIRA_WORKFLOW`. */
  projects?: JiraProjectDef[];
  issues?: JiraIssueDef[];
  /** The whole API, per credential; default `DEFAULT_JIRA_RATE_LIMIT`. */
  rateLimit?: RateLimit;
  /** The clock in milliseconds, for rate limits and timestamps; default `Date.now`. */
  now?: () => number;
}

/** One HTTP request the emulator received and what it answered. */
export interface JiraRecordedRequest {
  httpMethod: string;
  /** The request target as sent: path and query string. */
  path: string;
  pathname: string;
  /** The operation as the API description names it, 'GET /rest/api/3/issue/{issueIdOrKey}'; '' if unknown. */
  operation: string;
  /** Query parameters; a repeated parameter gives an array. */
  query: Record<string, string | string[]>;
  /** Request headers, names in lower case. */
  headers: Record<string, string>;
  /** The parsed JSON body, or undefined when there is none or it is not JSON. */
  body: unknown;
  rawBody: string;
  status: number;
  /** The parsed JSON answer, the text of a plain-text or HTML answer, or undefined when empty. */
  response: unknown;
  /** Response headers, names in lower case. */
  responseHeaders: Record<string, string>;
  /** The emulator clock when the request arrived (milliseconds). */
  receivedAt: number;
}

/** An issue as the emulator holds it, for assertions. */
export interface JiraIssueSnapshot {
  key: string;
  summary: string;
  status: string;
  labels: string[];
  components: string[];
  priority: string;
  assignee: string | undefined;
  fixVersions: string[];
  resolution: string | undefined;
  /** `author` is an accountId; `body` is as it was sent (ADF through v3, a string through v2). */
  comments: { id: string; author: string; body: unknown; created: string }[];
  properties: Record<string, unknown>;
  /** The history of moves, oldest first. */
  transitions: { id: string; from: string; to: string; at: number }[];
  /** Remote links (web links to other systems), oldest first, as POST /issue/{key}/remotelink stored them. */
  remoteLinks: JiraRemoteLink[];
}

/** A remote issue link as Jira stores it. */
export interface JiraRemoteLink {
  id: number;
  globalId?: string;
  relationship?: string;
  application?: Record<string, unknown>;
  object: { url: string; title: string; summary?: string; icon?: Record<string, unknown> };
}

/** A programmed fault for the next matching request(s). */
export interface JiraFailure {
  status: number;
  /** JSON (an object or array) or text; default: an HTML page for 5xx, Jira's answer for 429, else an error collection. */
  body?: unknown;
  /** Sets Retry-After (seconds). */
  retryAfterSeconds?: number;
  /** How many requests fail; default 1. */
  times?: number;
}

/** Which requests a fault applies to: an HTTP method and a path (exact pathname, or a pattern tested on the path with query). */
export interface JiraFailureMatch {
  method?: string;
  path?: string | RegExp;
}

/** The accountId of the default user. */
export const DEFAULT_JIRA_ACCOUNT_ID = '5b10ac8d82e05b22cc7d4ef5';
/** The email of the default user, for Cloud basic auth. */
export const DEFAULT_JIRA_EMAIL = 'flowkit-bot@example.com';
/** The API token of the default credential (Cloud). */
export const DEFAULT_JIRA_API_TOKEN = 'flowkit-emulator-api-token';
/** The personal access token of the default credential (Server/Data Center). */
export const DEFAULT_JIRA_PAT = 'flowkit-emulator-pat';
/** Generous enough that only tests that mean to meet it do. */
export const DEFAULT_JIRA_RATE_LIMIT: Readonly<RateLimit> = { limit: 10_000, windowMs: 60_000 };

/** To Do → In Progress → In Review → Done, with a global "Back to To Do"; Done sets the resolution itself. */
export const DEFAULT_JIRA_WORKFLOW: JiraWorkflowDef = {
  name: 'Flowkit software workflow',
  statuses: [
    { id: '10000', name: 'To Do', category: 'new' },
    { id: '3', name: 'In Progress', category: 'indeterminate' },
    { id: '10001', name: 'In Review', category: 'indeterminate' },
    { id: '10002', name: 'Done', category: 'done' },
  ],
  transitions: [
    { id: '11', name: 'Back to To Do', from: [], to: 'To Do' },
    { id: '21', name: 'Start progress', from: ['To Do'], to: 'In Progress' },
    { id: '31', name: 'Request review', from: ['In Progress'], to: 'In Review' },
    { id: '41', name: 'Done', from: ['In Review'], to: 'Done' },
  ],
};

/** Jira's default resolutions. */
export const JIRA_RESOLUTIONS: readonly { id: string; name: string; description: string }[] = [
  { id: '10000', name: 'Done', description: 'Work has been completed on this issue.' },
  { id: '10001', name: "Won't Do", description: "This issue won't be actioned." },
  { id: '10002', name: 'Duplicate', description: 'The problem is a duplicate of an existing issue.' },
];

/** Jira's default priorities, highest first. */
export const JIRA_PRIORITIES: readonly { id: string; name: string }[] = [
  { id: '1', name: 'Highest' },
  { id: '2', name: 'High' },
  { id: '3', name: 'Medium' },
  { id: '4', name: 'Low' },
  { id: '5', name: 'Lowest' },
];

const ALL_PERMISSIONS: readonly JiraPermission[] = [
  'BROWSE_PROJECTS',
  'CREATE_ISSUES',
  'TRANSITION_ISSUES',
  'ADD_COMMENTS',
  'ASSIGN_ISSUES',
  'EDIT_ISSUES',
  'ADMINISTER',
  'USER_PICKER',
  'LINK_ISSUES',
];
const DEFAULT_ISSUE_TYPES = ['Story', 'Task', 'Bug'];
const SCREEN_FIELDS = [
  'resolution',
  'fixVersions',
  'labels',
  'assignee',
  'comment',
  'components',
  'priority',
];
/** Fields on every project's edit screen. */
const EDIT_SCREEN = ['summary', 'description', 'labels', 'components', 'priority', 'assignee', 'fixVersions'];
/** Every field an issue answer can carry, in the order Jira lists them. */
const ALL_FIELDS = [
  'summary',
  'status',
  'issuetype',
  'project',
  'priority',
  'labels',
  'components',
  'fixVersions',
  'assignee',
  'reporter',
  'resolution',
  'resolutiondate',
  'created',
  'updated',
  'description',
  'comment',
];
/** The comment field is not navigable, so `*navigable` (the legacy search default) leaves it out. */
const NAVIGABLE_FIELDS = ALL_FIELDS.filter((field) => field !== 'comment');
const MAX_PROPERTY_VALUE_LENGTH = 32_768;
const MAX_PROPERTY_KEY_LENGTH = 255;
const MAX_COMMENT_LENGTH = 32_767;
const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';

/** Status category ids, names and colours as Jira reports them. */
const STATUS_CATEGORIES = {
  new: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do', workflowName: 'TODO' },
  indeterminate: {
    id: 4,
    key: 'indeterminate',
    colorName: 'yellow',
    name: 'In Progress',
    workflowName: 'IN_PROGRESS',
  },
  done: { id: 3, key: 'done', colorName: 'green', name: 'Done', workflowName: 'DONE' },
} as const;

// --- Jira's words, with where each was seen ---------------------------------------------------------------------

/** Issue hidden or unknown: Jira does not tell them apart. */
const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';
/**
 * No credentials: the emulated site grants anonymous users nothing, so every operation answers as Jira does where a
 * user is needed (its REST error collection).
 */
const NOT_AUTHENTICATED = 'You are not authenticated. Authentication required to perform this operation.';
/** Wrong credentials: Jira Cloud answers this as plain text (atlassian/gajira-login#59, GET /rest/api/3/myself). */
const CLIENT_MUST_AUTHENTICATE = 'Client must be authenticated to access this resource.';
/** Legacy search on Cloud (dapplo/Dapplo.Jira#79, adyscorpius/logseq-jira#34). */
const SEARCH_REMOVED =
  'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046';
/** Enhanced search without any restriction (raycast/extensions#21425). */
const UNBOUNDED_JQL =
  'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';
/** Cloud 429 body (raycast/extensions#29015). */
const RATE_LIMITED = 'The request has been rate-limited. Please try again later.';

// --- Replies ------------------------------------------------------------------------------------------------------

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** What the request log shows: the parsed JSON, the text, or undefined for an empty body. */
  response: unknown;
}

function jsonReply(body: unknown, status = 200, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { 'content-type': JSON_CONTENT_TYPE, ...headers },
    body: JSON.stringify(body),
    response: body,
  };
}

function emptyReply(status: number): Reply {
  return { status, headers: {}, body: '', response: undefined };
}

/** Jira's error collection: messages about the request, and messages per field. */
function errorReply(status: number, errorMessages: string[], errors: Record<string, string> = {}): Reply {
  return jsonReply({ errorMessages, errors }, status);
}

function fieldErrorReply(errors: Record<string, string>): Reply {
  return errorReply(400, [], errors);
}

function textReply(status: number, text: string, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { 'content-type': 'text/plain;charset=UTF-8', ...headers },
    body: text,
    response: text,
  };
}

function htmlReply(status: number, html?: string): Reply {
  // Atlassian's edge answers outages with an HTML page, not JSON; clients must cope with that.
  const page =
    html ??
    `<!DOCTYPE html><html lang="en"><head><title>Oops - an error has occurred</title></head><body class="error-page error${status}"><h1>Something went wrong</h1><p>Try reloading the page, then check our Statuspage for any current outages.</p></body></html>`;
  return { status, headers: { 'content-type': 'text/html;charset=UTF-8' }, body: page, response: page };
}

/** Jersey's answer for a path no resource serves (Jira's REST framework). */
function unknownResource(url: URL): Reply {
  return jsonReply({ message: `null for uri: ${url.href}`, 'status-code': 404 }, 404);
}

/** Jira's timestamp format: milliseconds and an offset without a colon, '2026-11-20T10:00:00.000+0000'. */
export function jiraTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function headerRecord(headers: IncomingMessage['headers']): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) record[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return record;
}

function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const [name, value] of params) {
    const existing = record[name];
    if (existing === undefined) record[name] = value;
    else record[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return record;
}

function withoutUndefined<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

function sameText(a: string, b: string): boolean {
  return a.localeCompare(b, 'en', { sensitivity: 'accent' }) === 0;
}

// --- Atlassian Document Format --------------------------------------------------------------------------------------

/** Block and inline node types of ADF (developer.atlassian.com/cloud/jira/platform/apis/document/structure). */
const ADF_NODE_TYPES = new Set([
  'blockquote',
  'bulletList',
  'codeBlock',
  'date',
  'emoji',
  'expand',
  'hardBreak',
  'heading',
  'inlineCard',
  'listItem',
  'media',
  'mediaGroup',
  'mediaSingle',
  'mention',
  'nestedExpand',
  'orderedList',
  'panel',
  'paragraph',
  'rule',
  'status',
  'table',
  'tableCell',
  'tableHeader',
  'tableRow',
  'text',
]);
const ADF_MARK_TYPES = new Set([
  'code',
  'em',
  'link',
  'strike',
  'strong',
  'subsup',
  'textColor',
  'underline',
  'backgroundColor',
]);

/** True when `value` is an ADF document Jira accepts: a 'doc' of version 1 whose nodes and marks are known. */
export function isAdfDocument(value: unknown): boolean {
  if (!isPlainObject(value) || value.type !== 'doc' || value.version !== 1 || !Array.isArray(value.content)) {
    return false;
  }
  return value.content.every(isAdfNode);
}

function isAdfNode(node: unknown): boolean {
  if (!isPlainObject(node) || typeof node.type !== 'string' || !ADF_NODE_TYPES.has(node.type)) return false;
  if (node.type === 'text') {
    if (typeof node.text !== 'string' || node.text === '') return false;
    if (node.marks !== undefined) {
      if (!Array.isArray(node.marks)) return false;
      for (const mark of node.marks) {
        if (!isPlainObject(mark) || typeof mark.type !== 'string' || !ADF_MARK_TYPES.has(mark.type))
          return false;
        if (mark.type === 'link' && !(isPlainObject(mark.attrs) && typeof mark.attrs.href === 'string'))
          return false;
      }
    }
    return node.content === undefined;
  }
  if (node.content === undefined) return true;
  return Array.isArray(node.content) && node.content.every(isAdfNode);
}

/** Plain text as an ADF document: one paragraph per line. */
function textToAdf(text: string): Record<string, unknown> {
  const lines = text.split('\n');
  return {
    type: 'doc',
    version: 1,
    content: lines.map((line) => ({
      type: 'paragraph',
      content: line === '' ? [] : [{ type: 'text', text: line }],
    })),
  };
}

/** The text of an ADF document, block nodes on their own lines (roughly what Jira Cloud's v2 API renders). */
function adfToText(node: unknown): string {
  if (!isPlainObject(node)) return '';
  if (node.type === 'text') return typeof node.text === 'string' ? node.text : '';
  if (node.type === 'hardBreak') return '\n';
  if (node.type === 'mention' && isPlainObject(node.attrs)) return String(node.attrs.text ?? '');
  const children = Array.isArray(node.content) ? node.content.map(adfToText) : [];
  const blocks = ['doc', 'bulletList', 'orderedList', 'table', 'tableRow', 'blockquote', 'panel', 'expand'];
  return children.join(blocks.includes(String(node.type)) ? '\n' : '');
}

/** A rich-text value (description, comment body) as it was written, shown in either API version. */
interface RichText {
  value: unknown;
  format: 'adf' | 'text';
}

function richTextFor(rich: RichText | undefined, version: ApiVersion): unknown {
  if (rich === undefined) return null;
  if (version === 3)
    return rich.format === 'adf' ? structuredClone(rich.value) : textToAdf(String(rich.value));
  return rich.format === 'text' ? rich.value : adfToText(rich.value);
}

// --- JQL ------------------------------------------------------------------------------------------------------------

/** A JQL query Jira refuses, with its errorMessages. */
class JqlError extends Error {
  readonly messages: string[];

  constructor(messages: string[]) {
    super(messages.join(' '));
    this.messages = messages;
  }
}

interface JqlToken {
  kind: 'word' | 'string' | 'symbol';
  text: string;
  /** Zero-based character offset in the query. */
  at: number;
}

type JqlOperand = { kind: 'value'; text: string } | { kind: 'empty' } | { kind: 'function'; name: string };

type JqlNode =
  | { kind: 'and' | 'or'; items: JqlNode[] }
  | { kind: 'not'; item: JqlNode }
  | { kind: 'clause'; field: string; operator: string; operands: JqlOperand[] };

interface JqlQuery {
  where: JqlNode | undefined;
  orderBy: { field: string; descending: boolean }[];
}

const JQL_OPERATORS =
  "'=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS', 'IS NOT', 'WAS', 'WAS IN', 'WAS NOT', 'WAS NOT IN', 'CHANGED'";
const JQL_KEYWORDS = new Set(['AND', 'OR', 'NOT', 'IN', 'IS', 'EMPTY', 'NULL', 'ORDER', 'BY', 'ASC', 'DESC']);

/** A parse error in Jira's words, e.g. "Error in the JQL Query: Expecting ')' … (line 1, character 9)". */
function jqlSyntax(detail: string, token?: JqlToken): JqlError {
  const where = token ? ` (line 1, character ${token.at + 1})` : '';
  return new JqlError([`Error in the JQL Query: ${detail}${where}`]);
}

function tokenizeJql(jql: string): JqlToken[] {
  const tokens: JqlToken[] = [];
  let i = 0;
  while (i < jql.length) {
    const ch = jql.charAt(i);
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      let text = '';
      let j = i + 1;
      let closed = false;
      while (j < jql.length) {
        const c = jql.charAt(j);
        if (c === '\\' && j + 1 < jql.length) {
          text += jql.charAt(j + 1);
          j += 2;
          continue;
        }
        if (c === ch) {
          closed = true;
          break;
        }
        text += c;
        j++;
      }
      if (!closed) {
        throw jqlSyntax(`The quoted string '${text}' has not been completed.`, {
          kind: 'string',
          text,
          at: i,
        });
      }
      tokens.push({ kind: 'string', text, at: i });
      i = j + 1;
      continue;
    }
    const pair = jql.slice(i, i + 2);
    if (['!=', '>=', '<=', '!~'].includes(pair)) {
      tokens.push({ kind: 'symbol', text: pair, at: i });
      i += 2;
      continue;
    }
    if ('()=,<>~'.includes(ch)) {
      tokens.push({ kind: 'symbol', text: ch, at: i });
      i++;
      continue;
    }
    // Jira reserves most punctuation; '.', ':' and '-' are let through unquoted for versions, account ids and dates.
    const word = /^[A-Za-z0-9_.:-]+/.exec(jql.slice(i));
    if (!word) {
      const codePoint = ch.charCodeAt(0).toString(16).padStart(4, '0');
      throw jqlSyntax(
        `The character '${ch}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${codePoint}' instead.`,
        { kind: 'symbol', text: ch, at: i },
      );
    }
    tokens.push({ kind: 'word', text: word[0], at: i });
    i += word[0].length;
  }
  return tokens;
}

/** Reads the JQL subset Flowkit sends into a tree; anything else is a JqlError worded like Jira's parser. */
class JqlParser {
  private readonly tokens: JqlToken[];
  private position = 0;

  constructor(jql: string) {
    this.tokens = tokenizeJql(jql);
  }

  parse(): JqlQuery {
    const where = this.atKeyword('ORDER') || this.peek() === undefined ? undefined : this.parseOr();
    const orderBy: JqlQuery['orderBy'] = [];
    if (this.atKeyword('ORDER')) {
      this.position++;
      this.expectKeyword('BY');
      do {
        const field = this.next();
        if (!field || field.kind === 'symbol') {
          throw field
            ? jqlSyntax(`Expecting a field name but got '${field.text}'.`, field)
            : jqlSyntax('Expecting a field name before the end of the query.');
        }
        let descending = false;
        if (this.atKeyword('ASC') || this.atKeyword('DESC'))
          descending = this.next()?.text.toUpperCase() === 'DESC';
        orderBy.push({ field: field.text, descending });
      } while (this.takeSymbol(','));
    }
    const rest = this.peek();
    if (rest) throw jqlSyntax(`Expecting either 'OR' or 'AND' but got '${rest.text}'.`, rest);
    return { where, orderBy };
  }

  private peek(): JqlToken | undefined {
    return this.tokens[this.position];
  }

  private next(): JqlToken | undefined {
    const token = this.tokens[this.position];
    if (token) this.position++;
    return token;
  }

  private atKeyword(keyword: string, offset = 0): boolean {
    const token = this.tokens[this.position + offset];
    return token?.kind === 'word' && token.text.toUpperCase() === keyword;
  }

  private takeSymbol(symbol: string): boolean {
    const token = this.peek();
    if (token?.kind === 'symbol' && token.text === symbol) {
      this.position++;
      return true;
    }
    return false;
  }

  private expectKeyword(keyword: string): void {
    const token = this.next();
    if (token?.kind === 'word' && token.text.toUpperCase() === keyword) return;
    throw token
      ? jqlSyntax(`Expecting '${keyword}' but got '${token.text}'.`, token)
      : jqlSyntax(`Expecting '${keyword}' before the end of the query.`);
  }

  private parseOr(): JqlNode {
    const items = [this.parseAnd()];
    while (this.atKeyword('OR')) {
      this.position++;
      items.push(this.parseAnd());
    }
    return items.length === 1 ? (items[0] as JqlNode) : { kind: 'or', items };
  }

  private parseAnd(): JqlNode {
    const items = [this.parseUnary()];
    while (this.atKeyword('AND')) {
      this.position++;
      items.push(this.parseUnary());
    }
    return items.length === 1 ? (items[0] as JqlNode) : { kind: 'and', items };
  }

  private parseUnary(): JqlNode {
    if (this.atKeyword('NOT')) {
      this.position++;
      return { kind: 'not', item: this.parseUnary() };
    }
    if (this.takeSymbol('(')) {
      const inner = this.parseOr();
      const close = this.next();
      if (close?.kind === 'symbol' && close.text === ')') return inner;
      throw close
        ? jqlSyntax(`Expecting ')' but got '${close.text}'.`, close)
        : jqlSyntax("Expecting ')' before the end of the query.");
    }
    return this.parseClause();
  }

  private parseClause(): JqlNode {
    const field = this.next();
    if (!field) throw jqlSyntax('Expecting a field name before the end of the query.');
    if (field.kind === 'symbol' || (field.kind === 'word' && JQL_KEYWORDS.has(field.text.toUpperCase()))) {
      throw jqlSyntax(`Expecting a field name but got '${field.text}'.`, field);
    }
    const operator = this.parseOperator();
    if (operator === 'is' || operator === 'is not') {
      const empty = this.next();
      if (empty?.kind === 'word' && ['EMPTY', 'NULL'].includes(empty.text.toUpperCase())) {
        return { kind: 'clause', field: field.text, operator, operands: [{ kind: 'empty' }] };
      }
      throw empty
        ? jqlSyntax(`Expecting 'EMPTY' but got '${empty.text}'.`, empty)
        : jqlSyntax("Expecting 'EMPTY' before the end of the query.");
    }
    if (operator === 'in' || operator === 'not in') {
      const open = this.next();
      if (!(open?.kind === 'symbol' && open.text === '(')) {
        throw open
          ? jqlSyntax(`Expecting '(' but got '${open.text}'.`, open)
          : jqlSyntax("Expecting '(' before the end of the query.");
      }
      const operands: JqlOperand[] = [];
      do operands.push(this.parseOperand());
      while (this.takeSymbol(','));
      const close = this.next();
      if (!(close?.kind === 'symbol' && close.text === ')')) {
        throw close
          ? jqlSyntax(`Expecting ')' but got '${close.text}'.`, close)
          : jqlSyntax("Expecting ')' before the end of the query.");
      }
      return { kind: 'clause', field: field.text, operator, operands };
    }
    return { kind: 'clause', field: field.text, operator, operands: [this.parseOperand()] };
  }

  private parseOperator(): string {
    const token = this.next();
    if (!token)
      throw jqlSyntax(
        `Expecting operator before the end of the query. The valid operators are ${JQL_OPERATORS}.`,
      );
    if (token.kind === 'symbol' && ['=', '!=', '<', '>', '<=', '>=', '~', '!~'].includes(token.text))
      return token.text;
    if (token.kind === 'word') {
      const word = token.text.toUpperCase();
      if (word === 'IN') return 'in';
      if (word === 'IS') {
        if (this.atKeyword('NOT')) {
          this.position++;
          return 'is not';
        }
        return 'is';
      }
      if (word === 'NOT' && this.atKeyword('IN')) {
        this.position++;
        return 'not in';
      }
    }
    throw jqlSyntax(
      `Expecting operator but got '${token.text}'. The valid operators are ${JQL_OPERATORS}.`,
      token,
    );
  }

  private parseOperand(): JqlOperand {
    const token = this.next();
    if (!token) throw jqlSyntax('Expecting either a value, list or function before the end of the query.');
    if (token.kind === 'string') return { kind: 'value', text: token.text };
    if (token.kind === 'symbol') {
      throw jqlSyntax(`Expecting either a value, list or function but got '${token.text}'.`, token);
    }
    const upper = token.text.toUpperCase();
    if (upper === 'EMPTY' || upper === 'NULL') return { kind: 'empty' };
    if (JQL_KEYWORDS.has(upper)) {
      throw jqlSyntax(
        `Expecting either a value, list or function but got '${token.text}'. You must surround '${token.text}' in quotation marks to use it as a value.`,
        token,
      );
    }
    if (this.takeSymbol('(')) {
      const close = this.next();
      if (!(close?.kind === 'symbol' && close.text === ')')) {
        throw close
          ? jqlSyntax(`Expecting ')' but got '${close.text}'.`, close)
          : jqlSyntax("Expecting ')' before the end of the query.");
      }
      return { kind: 'function', name: token.text };
    }
    return { kind: 'value', text: token.text };
  }
}

/** A moment a JQL date value names: '-7d', '-2w 3d', '2026-11-20', '2026/11/20 10:00'. */
function parseJqlDate(text: string, now: number): number | undefined {
  const trimmed = text.trim();
  const period = /^([-+]?)((?:\d+[yMwdhm]\s*)+)$/.exec(trimmed);
  if (period) {
    const unitMs: Record<string, number> = {
      y: 365 * 86_400_000,
      M: 30 * 86_400_000,
      w: 7 * 86_400_000,
      d: 86_400_000,
      h: 3_600_000,
      m: 60_000,
    };
    let total = 0;
    for (const part of (period[2] ?? '').matchAll(/(\d+)([yMwdhm])/g)) {
      total += Number(part[1]) * (unitMs[part[2] ?? 'd'] ?? 0);
    }
    return period[1] === '-' ? now - total : now + total;
  }
  const absolute = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:\s+(\d{2}):(\d{2}))?$/.exec(trimmed);
  if (!absolute) return undefined;
  const [, year, month, day, hour = '00', minute = '00'] = absolute;
  const ms = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute));
  return Number.isNaN(ms) ? undefined : ms;
}

// --- The site -------------------------------------------------------------------------------------------------------

type ApiVersion = 2 | 3;
type Flavor = 'cloud' | 'server';

interface UserRecord {
  accountId: string;
  displayName: string;
  emailAddress: string | undefined;
  /** Server/Data Center user name. */
  name: string;
  /** Server/Data Center user key ('JIRAUSER10000'). */
  key: string;
  active: boolean;
}

interface Named {
  id: string;
  name: string;
}

interface WorkflowRecord {
  id: string;
  name: string;
  statuses: JiraStatusDef[];
  transitions: JiraTransitionDef[];
}

interface ProjectRecord {
  key: string;
  id: string;
  name: string;
  workflow: WorkflowRecord;
  components: Named[];
  versions: Named[];
  issueTypes: Named[];
}

interface CommentRecord {
  id: string;
  author: string;
  updateAuthor: string;
  body: RichText;
  created: number;
  updated: number;
  visibility?: unknown;
}

interface IssueRecord {
  id: string;
  key: string;
  project: ProjectRecord;
  summary: string;
  description: RichText | undefined;
  issueType: Named;
  status: string;
  labels: string[];
  components: string[];
  priority: string;
  assignee: string | undefined;
  reporter: string | undefined;
  fixVersions: string[];
  resolution: string | undefined;
  resolutionDate: number | undefined;
  comments: CommentRecord[];
  properties: Map<string, unknown>;
  history: { id: string; from: string; to: string; at: number }[];
  remoteLinks: JiraRemoteLink[];
  created: number;
  updated: number;
}

interface Caller {
  user: UserRecord;
  permissions: ReadonlySet<JiraPermission>;
  /** The rate-limit bucket: one per credential. */
  bucket: string;
}

/** One API request as the operations read it. */
interface ApiCall {
  version: ApiVersion;
  caller: Caller;
  url: URL;
  /** Path parameters by template name, decoded. */
  params: Record<string, string>;
  body: unknown;
  /** False when the request had no body at all. */
  hasBody: boolean;
}

/** Field changes checked in full before any is applied, so a refused request changes nothing. */
interface ChangePlan {
  errors: Record<string, string>;
  changes: (() => void)[];
  comments: RichText[];
}

const ISSUE_KEY = /^([A-Z][A-Z0-9_]*)-(\d+)$/i;

function stableWorkflowId(index: number): string {
  return `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
}

function queryValues(url: URL, name: string): string[] {
  return url.searchParams
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

function integerParam(url: URL, name: string): number | undefined {
  const value = url.searchParams.get(name);
  if (value === null || !/^-?\d+$/.test(value.trim())) return undefined;
  return Number.parseInt(value, 10);
}

function fieldNotOnScreen(field: string): string {
  return `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`;
}

/** Finds `{name}` or `{id}` (or a bare name) among `known`. */
function findNamed(known: readonly Named[], value: unknown): Named | undefined {
  if (typeof value === 'string') return known.find((item) => sameText(item.name, value));
  if (!isPlainObject(value)) return undefined;
  if (typeof value.id === 'string' || typeof value.id === 'number') {
    return known.find((item) => item.id === String(value.id));
  }
  if (typeof value.name === 'string') return known.find((item) => sameText(item.name, value.name as string));
  return undefined;
}

function describeWanted(value: unknown): string {
  if (isPlainObject(value)) return String(value.name ?? value.id ?? '');
  return String(value);
}

class JiraSite {
  readonly users: UserRecord[];
  readonly projects: ProjectRecord[];
  readonly issues: IssueRecord[] = [];
  private readonly flavor: Flavor;
  private readonly url: string;
  private readonly now: () => number;
  private readonly issueTypeIds = new Map<string, string>();
  private readonly workflows = new Map<string, WorkflowRecord>();
  private nextIssueId = 10000;
  private nextCommentId = 10000;
  nextRemoteLinkId = 10000;
  private nextComponentOrVersionId = 10000;

  constructor(options: JiraEmulatorOptions, flavor: Flavor, url: string, now: () => number) {
    this.flavor = flavor;
    this.url = url;
    this.now = now;
    this.users = (options.users ?? defaultUsers()).map((user, index) => ({
      accountId: user.accountId,
      displayName: user.displayName,
      emailAddress: user.emailAddress,
      name: user.name ?? user.accountId,
      key: `JIRAUSER${10000 + index}`,
      active: user.active ?? true,
    }));
    const projects = options.projects ?? [{ key: 'FLOW', name: 'Flowkit', workflow: DEFAULT_JIRA_WORKFLOW }];
    this.projects = projects.map((project, index) => this.projectRecord(project, index));
    for (const issue of options.issues ?? []) this.addIssue(issue);
  }

  // --- Set-up --------------------------------------------------------------------------------------------------------

  private projectRecord(project: JiraProjectDef, index: number): ProjectRecord {
    return {
      key: project.key,
      id: project.id ?? String(10000 + index),
      name: project.name ?? project.key,
      workflow: this.workflowRecord(project.workflow),
      components: this.named(project.components ?? []),
      versions: this.named(project.versions ?? []),
      issueTypes: (project.issueTypes ?? DEFAULT_ISSUE_TYPES).map((name) => ({
        id: this.issueTypeId(name),
        name,
      })),
    };
  }

  /** Components and versions, each with a site-wide id. */
  private named(names: readonly string[]): Named[] {
    return names.map((name) => ({ id: String(this.nextComponentOrVersionId++), name }));
  }

  /** Checks a workflow and records it once per name: projects that name the same workflow share it, as in Jira. */
  private workflowRecord(workflow: JiraWorkflowDef): WorkflowRecord {
    const existing = this.workflows.get(workflow.name);
    if (existing) {
      if (
        existing.statuses !== workflow.statuses &&
        JSON.stringify(existing.statuses) !== JSON.stringify(workflow.statuses)
      ) {
        throw new Error(`Jira emulator: two different workflows are named "${workflow.name}"`);
      }
      return existing;
    }
    if (workflow.statuses.length === 0)
      throw new Error(`Jira emulator: workflow "${workflow.name}" has no statuses`);
    const statusNames = new Set(workflow.statuses.map((status) => status.name));
    const transitionIds = new Set<string>();
    for (const transition of workflow.transitions) {
      for (const name of [...transition.from, transition.to]) {
        if (!statusNames.has(name)) {
          throw new Error(
            `Jira emulator: transition "${transition.name}" of workflow "${workflow.name}" names status "${name}", which the workflow does not have`,
          );
        }
      }
      if (transitionIds.has(transition.id)) {
        throw new Error(
          `Jira emulator: workflow "${workflow.name}" has two transitions with id ${transition.id}`,
        );
      }
      transitionIds.add(transition.id);
      for (const field of transition.screen ?? []) {
        if (!SCREEN_FIELDS.includes(field)) {
          throw new Error(
            `Jira emulator: transition "${transition.name}" has screen field "${field}"; known fields are ${SCREEN_FIELDS.join(', ')}`,
          );
        }
      }
    }
    const record: WorkflowRecord = {
      id: stableWorkflowId(this.workflows.size),
      name: workflow.name,
      statuses: workflow.statuses,
      transitions: workflow.transitions,
    };
    this.workflows.set(workflow.name, record);
    return record;
  }

  /** Issue types are site-wide in Jira, so one name has one id in every project. */
  private issueTypeId(name: string): string {
    const lower = name.toLowerCase();
    let id = this.issueTypeIds.get(lower);
    if (id === undefined) {
      id = String(10001 + this.issueTypeIds.size);
      this.issueTypeIds.set(lower, id);
    }
    return id;
  }

  addIssue(def: JiraIssueDef): IssueRecord {
    const match = ISSUE_KEY.exec(def.key);
    if (!match) throw new Error(`Jira emulator: "${def.key}" is not an issue key (PROJECT-123)`);
    const key = def.key.toUpperCase();
    if (this.findIssueByKey(key)) throw new Error(`Jira emulator: issue ${key} already exists`);
    const project = this.projects.find((candidate) => candidate.key === match[1]?.toUpperCase());
    if (!project)
      throw new Error(`Jira emulator: no project ${match[1]} for issue ${key}; add it to projects`);
    const issueType = findNamed(project.issueTypes, def.issueType ?? 'Story');
    if (!issueType)
      throw new Error(`Jira emulator: project ${project.key} has no issue type "${def.issueType}"`);
    const status = def.status ?? project.workflow.statuses[0]?.name ?? '';
    if (!project.workflow.statuses.some((candidate) => candidate.name === status)) {
      throw new Error(`Jira emulator: workflow "${project.workflow.name}" has no status "${status}"`);
    }
    const priority = JIRA_PRIORITIES.find((candidate) => sameText(candidate.name, def.priority ?? 'Medium'));
    if (!priority) throw new Error(`Jira emulator: unknown priority "${def.priority}"`);
    for (const accountId of [def.assignee, def.reporter]) {
      if (accountId !== undefined && !this.userById(accountId)) {
        throw new Error(`Jira emulator: issue ${key} names user ${accountId}, who is not in users`);
      }
    }
    for (const component of def.components ?? []) {
      if (!findNamed(project.components, component)) {
        throw new Error(`Jira emulator: project ${project.key} has no component "${component}"`);
      }
    }
    for (const version of def.fixVersions ?? []) {
      if (!findNamed(project.versions, version)) {
        throw new Error(`Jira emulator: project ${project.key} has no version "${version}"`);
      }
    }
    const created = this.now();
    const issue: IssueRecord = {
      id: String(this.nextIssueId++),
      key,
      project,
      summary: def.summary,
      description: def.description === undefined ? undefined : { value: def.description, format: 'text' },
      issueType,
      status,
      labels: [...(def.labels ?? [])],
      components: [...(def.components ?? [])],
      priority: priority.name,
      assignee: def.assignee,
      reporter: def.reporter,
      fixVersions: [...(def.fixVersions ?? [])],
      resolution: this.categoryOf(project, status) === 'done' ? 'Done' : undefined,
      resolutionDate: this.categoryOf(project, status) === 'done' ? created : undefined,
      comments: [],
      properties: new Map(Object.entries(structuredClone(def.properties ?? {}))),
      history: [],
      remoteLinks: [],
      created,
      updated: created,
    };
    this.issues.push(issue);
    return issue;
  }

  // --- Look-ups ------------------------------------------------------------------------------------------------------

  userById(accountId: string): UserRecord | undefined {
    return this.users.find((user) => user.accountId === accountId);
  }

  userByName(name: string): UserRecord | undefined {
    return this.users.find((user) => sameText(user.name, name));
  }

  /** A user as the flavour identifies users in requests: accountId on Cloud, name on Server. */
  userByIdentifier(identifier: string): UserRecord | undefined {
    return this.flavor === 'cloud' ? this.userById(identifier) : this.userByName(identifier);
  }

  findIssueByKey(key: string): IssueRecord | undefined {
    const upper = key.toUpperCase();
    return this.issues.find((issue) => issue.key === upper);
  }

  findIssue(keyOrId: string): IssueRecord | undefined {
    return /^\d+$/.test(keyOrId)
      ? this.issues.find((issue) => issue.id === keyOrId)
      : this.findIssueByKey(keyOrId);
  }

  categoryOf(project: ProjectRecord, statusName: string): JiraStatusDef['category'] {
    return project.workflow.statuses.find((status) => status.name === statusName)?.category ?? 'new';
  }

  /** Transitions available from the issue's status: directed ones leaving it and global ones leading elsewhere. */
  availableTransitions(issue: IssueRecord): JiraTransitionDef[] {
    return issue.project.workflow.transitions.filter((transition) =>
      transition.from.length === 0 ? transition.to !== issue.status : transition.from.includes(issue.status),
    );
  }

  snapshot(issue: IssueRecord): JiraIssueSnapshot {
    return {
      key: issue.key,
      summary: issue.summary,
      status: issue.status,
      labels: [...issue.labels],
      components: [...issue.components],
      priority: issue.priority,
      assignee: issue.assignee,
      fixVersions: [...issue.fixVersions],
      resolution: issue.resolution,
      comments: issue.comments.map((comment) => ({
        id: comment.id,
        author: comment.author,
        body: structuredClone(comment.body.value),
        created: jiraTimestamp(comment.created),
      })),
      properties: Object.fromEntries(
        [...issue.properties].map(([key, value]) => [key, structuredClone(value)]),
      ),
      transitions: issue.history.map((move) => ({ ...move })),
      remoteLinks: structuredClone(issue.remoteLinks),
    };
  }

  // --- Views ---------------------------------------------------------------------------------------------------------

  private base(version: ApiVersion): string {
    return `${this.url}/rest/api/${version}`;
  }

  private avatarUrls(seed: string): Record<string, string> {
    return Object.fromEntries(
      ['48x48', '24x24', '16x16', '32x32'].map((size) => [
        size,
        `${this.url}/secure/useravatar?size=${size}&ownerId=${encodeURIComponent(seed)}`,
      ]),
    );
  }

  /** A user as an answer shows it. `full` adds what /myself and /user add (locale, groups, application roles). */
  userView(user: UserRecord, version: ApiVersion, full = false): Record<string, unknown> {
    // Cloud hides a user's email unless their profile makes it visible; the emulator always shows it, so tests can
    // find users by email (Flowkit must not depend on it: real sites often leave it out).
    const common =
      this.flavor === 'cloud'
        ? {
            self: `${this.base(version)}/user?accountId=${encodeURIComponent(user.accountId)}`,
            accountId: user.accountId,
            accountType: 'atlassian',
          }
        : {
            self: `${this.base(version)}/user?username=${encodeURIComponent(user.name)}`,
            key: user.key,
            name: user.name,
          };
    return withoutUndefined({
      ...common,
      emailAddress: user.emailAddress,
      avatarUrls: this.avatarUrls(user.accountId),
      displayName: user.displayName,
      active: user.active,
      timeZone: 'Etc/UTC',
      ...(full
        ? {
            locale: 'en_US',
            groups: { size: 0, items: [] },
            applicationRoles: { size: 1, items: [] },
            expand: 'groups,applicationRoles',
          }
        : {}),
    });
  }

  private userOrNull(accountId: string | undefined, version: ApiVersion): Record<string, unknown> | null {
    const user = accountId === undefined ? undefined : this.userById(accountId);
    return user ? this.userView(user, version) : null;
  }

  private statusCategoryView(
    category: JiraStatusDef['category'],
    version: ApiVersion,
  ): Record<string, unknown> {
    const { id, key, colorName, name } = STATUS_CATEGORIES[category];
    return { self: `${this.base(version)}/statuscategory/${id}`, id, key, colorName, name };
  }

  statusView(project: ProjectRecord, statusName: string, version: ApiVersion): Record<string, unknown> {
    const status = project.workflow.statuses.find((candidate) => candidate.name === statusName);
    const id = status?.id ?? '';
    return {
      self: `${this.base(version)}/status/${id}`,
      description: '',
      iconUrl: `${this.url}/images/icons/statuses/generic.png`,
      name: statusName,
      id,
      statusCategory: this.statusCategoryView(status?.category ?? 'new', version),
    };
  }

  private projectView(project: ProjectRecord, version: ApiVersion): Record<string, unknown> {
    return {
      self: `${this.base(version)}/project/${project.id}`,
      id: project.id,
      key: project.key,
      name: project.name,
      projectTypeKey: 'software',
      simplified: false,
      avatarUrls: this.avatarUrls(`project-${project.id}`),
    };
  }

  private versionView(project: ProjectRecord, name: string, version: ApiVersion): Record<string, unknown> {
    const found = findNamed(project.versions, name);
    return {
      self: `${this.base(version)}/version/${found?.id ?? ''}`,
      id: found?.id ?? '',
      name,
      archived: false,
      released: false,
    };
  }

  private componentView(project: ProjectRecord, name: string, version: ApiVersion): Record<string, unknown> {
    const found = findNamed(project.components, name);
    return { self: `${this.base(version)}/component/${found?.id ?? ''}`, id: found?.id ?? '', name };
  }

  private priorityView(name: string, version: ApiVersion): Record<string, unknown> {
    const found = JIRA_PRIORITIES.find((priority) => priority.name === name);
    return {
      self: `${this.base(version)}/priority/${found?.id ?? ''}`,
      iconUrl: `${this.url}/images/icons/priorities/${name.toLowerCase()}.svg`,
      name,
      id: found?.id ?? '',
    };
  }

  private resolutionView(name: string, version: ApiVersion): Record<string, unknown> {
    const found = JIRA_RESOLUTIONS.find((resolution) => resolution.name === name);
    return {
      self: `${this.base(version)}/resolution/${found?.id ?? ''}`,
      id: found?.id ?? '',
      description: found?.description ?? '',
      name,
    };
  }

  private issueTypeView(issueType: Named, version: ApiVersion): Record<string, unknown> {
    return {
      self: `${this.base(version)}/issuetype/${issueType.id}`,
      id: issueType.id,
      description: '',
      iconUrl: `${this.url}/images/icons/issuetypes/${issueType.name.toLowerCase()}.svg`,
      name: issueType.name,
      subtask: false,
      hierarchyLevel: 0,
    };
  }

  commentView(issue: IssueRecord, comment: CommentRecord, version: ApiVersion): Record<string, unknown> {
    return withoutUndefined({
      self: `${this.base(version)}/issue/${issue.id}/comment/${comment.id}`,
      id: comment.id,
      author: this.userOrNull(comment.author, version) ?? undefined,
      body: richTextFor(comment.body, version),
      updateAuthor: this.userOrNull(comment.updateAuthor, version) ?? undefined,
      created: jiraTimestamp(comment.created),
      updated: jiraTimestamp(comment.updated),
      visibility: comment.visibility,
      jsdPublic: true,
    });
  }

  private fieldValue(issue: IssueRecord, field: string, version: ApiVersion): unknown {
    switch (field) {
      case 'summary':
        return issue.summary;
      case 'status':
        return this.statusView(issue.project, issue.status, version);
      case 'issuetype':
        return this.issueTypeView(issue.issueType, version);
      case 'project':
        return this.projectView(issue.project, version);
      case 'priority':
        return this.priorityView(issue.priority, version);
      case 'labels':
        return [...issue.labels];
      case 'components':
        return issue.components.map((name) => this.componentView(issue.project, name, version));
      case 'fixVersions':
        return issue.fixVersions.map((name) => this.versionView(issue.project, name, version));
      case 'assignee':
        return this.userOrNull(issue.assignee, version);
      case 'reporter':
        return this.userOrNull(issue.reporter, version);
      case 'resolution':
        return issue.resolution === undefined ? null : this.resolutionView(issue.resolution, version);
      case 'resolutiondate':
        return issue.resolutionDate === undefined ? null : jiraTimestamp(issue.resolutionDate);
      case 'created':
        return jiraTimestamp(issue.created);
      case 'updated':
        return jiraTimestamp(issue.updated);
      case 'description':
        return richTextFor(issue.description, version);
      case 'comment':
        return {
          comments: issue.comments.map((comment) => this.commentView(issue, comment, version)),
          self: `${this.base(version)}/issue/${issue.id}/comment`,
          maxResults: issue.comments.length,
          total: issue.comments.length,
          startAt: 0,
        };
      default:
        return undefined;
    }
  }

  /** The fields a `fields` list selects: '*all', '*navigable', names, and '-name' to leave one out. */
  static selectFields(requested: readonly string[]): string[] {
    const selected = new Set<string>();
    for (const item of requested) {
      if (item === '*all') for (const field of ALL_FIELDS) selected.add(field);
      else if (item === '*navigable') for (const field of NAVIGABLE_FIELDS) selected.add(field);
      else if (!item.startsWith('-') && ALL_FIELDS.includes(item)) selected.add(item);
    }
    for (const item of requested) if (item.startsWith('-')) selected.delete(item.slice(1));
    return ALL_FIELDS.filter((field) => selected.has(field));
  }

  /** An issue as GET /issue and search show it; `properties` lists the property keys to include ('*all' for all). */
  issueView(
    issue: IssueRecord,
    version: ApiVersion,
    fields: readonly string[] | undefined,
    properties: readonly string[],
  ): Record<string, unknown> {
    const view: Record<string, unknown> = {
      expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
      id: issue.id,
      self: `${this.base(version)}/issue/${issue.id}`,
      key: issue.key,
    };
    if (fields !== undefined) {
      view.fields = Object.fromEntries(
        fields.map((field) => [field, this.fieldValue(issue, field, version)]),
      );
    }
    if (properties.length > 0) {
      const all = properties.includes('*all');
      view.properties = Object.fromEntries(
        [...issue.properties]
          .filter(([key]) => all || properties.includes(key))
          .map(([key, value]) => [key, structuredClone(value)]),
      );
    }
    return view;
  }

  /** Screen field metadata for `expand=transitions.fields`. */
  private screenFieldView(issue: IssueRecord, field: string, version: ApiVersion): Record<string, unknown> {
    const base = this.base(version);
    switch (field) {
      case 'resolution':
        // Jira makes the Resolution field required wherever it is on a screen.
        return {
          required: true,
          schema: { type: 'resolution', system: 'resolution' },
          name: 'Resolution',
          key: 'resolution',
          operations: ['set'],
          allowedValues: JIRA_RESOLUTIONS.map((resolution) => this.resolutionView(resolution.name, version)),
        };
      case 'fixVersions':
        return {
          required: false,
          schema: { type: 'array', items: 'version', system: 'fixVersions' },
          name: 'Fix versions',
          key: 'fixVersions',
          operations: ['set', 'add', 'remove'],
          allowedValues: issue.project.versions.map((item) =>
            this.versionView(issue.project, item.name, version),
          ),
        };
      case 'components':
        return {
          required: false,
          schema: { type: 'array', items: 'component', system: 'components' },
          name: 'Components',
          key: 'components',
          operations: ['add', 'set', 'remove'],
          allowedValues: issue.project.components.map((item) =>
            this.componentView(issue.project, item.name, version),
          ),
        };
      case 'labels':
        return {
          required: false,
          schema: { type: 'array', items: 'string', system: 'labels' },
          name: 'Labels',
          key: 'labels',
          autoCompleteUrl: `${base}/label/suggest?query=`,
          operations: ['add', 'set', 'remove'],
        };
      case 'assignee':
        return {
          required: false,
          schema: { type: 'user', system: 'assignee' },
          name: 'Assignee',
          key: 'assignee',
          autoCompleteUrl: `${base}/user/assignable/search?issueKey=${issue.key}&query=`,
          operations: ['set'],
        };
      case 'priority':
        return {
          required: false,
          schema: { type: 'priority', system: 'priority' },
          name: 'Priority',
          key: 'priority',
          operations: ['set'],
          allowedValues: JIRA_PRIORITIES.map((priority) => this.priorityView(priority.name, version)),
        };
      default:
        return {
          required: false,
          schema: { type: 'comments-page', system: 'comment' },
          name: 'Comment',
          key: 'comment',
          operations: ['add', 'edit', 'remove'],
        };
    }
  }

  transitionView(
    issue: IssueRecord,
    transition: JiraTransitionDef,
    version: ApiVersion,
    withFields: boolean,
  ): Record<string, unknown> {
    const screen = transition.screen ?? [];
    return withoutUndefined({
      id: transition.id,
      name: transition.name,
      to: this.statusView(issue.project, transition.to, version),
      hasScreen: screen.length > 0,
      isGlobal: transition.from.length === 0,
      isInitial: false,
      isAvailable: true,
      isConditional: false,
      isLooped: false,
      fields: withFields
        ? Object.fromEntries(screen.map((field) => [field, this.screenFieldView(issue, field, version)]))
        : undefined,
    });
  }

  // --- Changes -------------------------------------------------------------------------------------------------------

  /**
   * Checks `fields` and `update` of an edit, transition or create against the fields allowed there, and plans the
   * changes. Field errors use Jira's wording; nothing changes until the caller applies the plan.
   */
  planChanges(
    issue: IssueRecord,
    input: Record<string, unknown>,
    allowed: readonly string[],
    version: ApiVersion,
  ): ChangePlan {
    const plan: ChangePlan = { errors: {}, changes: [], comments: [] };
    const fields = isPlainObject(input.fields) ? input.fields : {};
    const update = isPlainObject(input.update) ? input.update : {};
    for (const [field, value] of Object.entries(fields)) {
      if (!allowed.includes(field) || field === 'comment') {
        plan.errors[field] = fieldNotOnScreen(field);
        continue;
      }
      this.planSet(issue, field, value, version, plan);
    }
    for (const [field, operations] of Object.entries(update)) {
      if (!allowed.includes(field)) {
        plan.errors[field] = fieldNotOnScreen(field);
        continue;
      }
      if (!Array.isArray(operations)) {
        plan.errors[field] = `Field '${field}': the update must be a list of operations.`;
        continue;
      }
      for (const operation of operations) {
        if (!isPlainObject(operation)) continue;
        for (const [verb, value] of Object.entries(operation))
          this.planOperation(issue, field, verb, value, version, plan);
      }
    }
    return plan;
  }

  private planOperation(
    issue: IssueRecord,
    field: string,
    verb: string,
    value: unknown,
    version: ApiVersion,
    plan: ChangePlan,
  ): void {
    if (verb === 'set') {
      this.planSet(issue, field, value, version, plan);
      return;
    }
    if (field === 'comment' && verb === 'add') {
      const body = isPlainObject(value) ? value.body : undefined;
      const problem = commentBodyProblem(body, version);
      if (problem) plan.errors.comment = problem;
      else plan.comments.push({ value: structuredClone(body), format: version === 3 ? 'adf' : 'text' });
      return;
    }
    const list = this.listField(issue, field);
    if (!list || (verb !== 'add' && verb !== 'remove')) {
      plan.errors[field] = `Field '${field}' does not support operation '${verb}'.`;
      return;
    }
    const name = this.listItemName(issue, field, value, plan);
    if (name === undefined) return;
    plan.changes.push(() => {
      const current = this.listField(issue, field) ?? [];
      const without = current.filter((item) => item !== name);
      this.setListField(issue, field, verb === 'add' ? [...without, name] : without);
    });
  }

  private listField(issue: IssueRecord, field: string): string[] | undefined {
    if (field === 'labels') return issue.labels;
    if (field === 'components') return issue.components;
    if (field === 'fixVersions') return issue.fixVersions;
    return undefined;
  }

  private setListField(issue: IssueRecord, field: string, values: string[]): void {
    if (field === 'labels') issue.labels = values;
    else if (field === 'components') issue.components = values;
    else if (field === 'fixVersions') issue.fixVersions = values;
  }

  /** The stored name of one label, component or version, or undefined (with an error) when Jira would refuse it. */
  private listItemName(
    issue: IssueRecord,
    field: string,
    value: unknown,
    plan: ChangePlan,
  ): string | undefined {
    if (field === 'labels') {
      if (typeof value !== 'string' || value === '') {
        plan.errors.labels = 'Labels must be strings.';
        return undefined;
      }
      if (/\s/.test(value)) {
        plan.errors.labels = `The label '${value}' contains spaces which is invalid.`;
        return undefined;
      }
      if (value.length > 255) {
        plan.errors.labels = 'The label must not be longer than 255 characters.';
        return undefined;
      }
      return value;
    }
    const known = field === 'components' ? issue.project.components : issue.project.versions;
    const found = findNamed(known, value);
    if (!found) {
      plan.errors[field] =
        field === 'components'
          ? `Component name '${describeWanted(value)}' is not valid`
          : `Version name '${describeWanted(value)}' is not valid`;
      return undefined;
    }
    return found.name;
  }

  private planSet(
    issue: IssueRecord,
    field: string,
    value: unknown,
    version: ApiVersion,
    plan: ChangePlan,
  ): void {
    switch (field) {
      case 'summary':
        if (typeof value !== 'string' || value.trim() === '')
          plan.errors.summary = 'You must specify a summary of the issue.';
        else if (value.length > 255) plan.errors.summary = 'Summary must be less than 255 characters.';
        else plan.changes.push(() => (issue.summary = value));
        return;
      case 'description': {
        if (value === null) {
          plan.changes.push(() => (issue.description = undefined));
        } else if (version === 3 && !isAdfDocument(value)) {
          // Jira Cloud's wording for a v3 rich-text field given anything but an ADF document.
          plan.errors.description =
            'Operation value must be an Atlassian Document (see the Atlassian Document Format)';
        } else if (version === 2 && typeof value !== 'string') {
          plan.errors.description = 'Operation value must be a string';
        } else {
          plan.changes.push(
            () =>
              (issue.description = { value: structuredClone(value), format: version === 3 ? 'adf' : 'text' }),
          );
        }
        return;
      }
      case 'labels':
      case 'components':
      case 'fixVersions': {
        if (!Array.isArray(value)) {
          plan.errors[field] = `Field '${field}' must be a list.`;
          return;
        }
        const names: string[] = [];
        for (const item of value) {
          const name = this.listItemName(issue, field, item, plan);
          if (name === undefined) return;
          if (!names.includes(name)) names.push(name);
        }
        plan.changes.push(() => this.setListField(issue, field, names));
        return;
      }
      case 'priority': {
        const found = findNamed(JIRA_PRIORITIES, value);
        if (!found) plan.errors.priority = "Could not find valid 'id' or 'name' in priority object.";
        else plan.changes.push(() => (issue.priority = found.name));
        return;
      }
      case 'resolution': {
        const found = findNamed(JIRA_RESOLUTIONS, value);
        if (!found) plan.errors.resolution = "Could not find valid 'id' or 'name' in resolution object.";
        else
          plan.changes.push(() => {
            issue.resolution = found.name;
            issue.resolutionDate = this.now();
          });
        return;
      }
      case 'assignee': {
        const target = this.assigneeTarget(value);
        if ('error' in target) plan.errors.assignee = target.error;
        else plan.changes.push(() => (issue.assignee = target.accountId));
        return;
      }
      default:
        plan.errors[field] = fieldNotOnScreen(field);
    }
  }

  /**
   * Who `{accountId}` (Cloud) or `{name}` (Server) names as assignee: undefined for null (unassigned) or "-1"
   * (the project's default assignee, which is "unassigned" on the emulated site), or an error worded like Jira's.
   */
  assigneeTarget(value: unknown): { accountId: string | undefined } | { error: string } {
    if (value === null) return { accountId: undefined };
    if (!isPlainObject(value)) return { error: 'expected Object' };
    const property = this.flavor === 'cloud' ? 'accountId' : 'name';
    if (!(property in value)) {
      return {
        error:
          this.flavor === 'cloud'
            ? "'accountId' must be the only user identifying query parameter in GDPR strict mode."
            : "expected Object containing a 'name' property",
      };
    }
    const identifier = value[property];
    if (identifier === null || identifier === '-1') return { accountId: undefined };
    const user = typeof identifier === 'string' ? this.userByIdentifier(identifier) : undefined;
    if (!user?.active) {
      return { error: `User '${String(identifier)}' cannot be assigned issues.` };
    }
    return { accountId: user.accountId };
  }

  addComment(issue: IssueRecord, body: RichText, author: string, visibility?: unknown): CommentRecord {
    const now = this.now();
    const comment: CommentRecord = {
      id: String(this.nextCommentId++),
      author,
      updateAuthor: author,
      body,
      created: now,
      updated: now,
      ...(visibility === undefined ? {} : { visibility: structuredClone(visibility) }),
    };
    issue.comments.push(comment);
    issue.updated = now;
    return comment;
  }

  // --- JQL -----------------------------------------------------------------------------------------------------------

  /** The issues `jql` selects that the caller may see, in its order; throws JqlError as Jira would refuse it. */
  search(jql: string, caller: Caller): { issues: IssueRecord[]; bounded: boolean } {
    const query = new JqlParser(jql).parse();
    const errors: string[] = [];
    const visible = caller.permissions.has('BROWSE_PROJECTS') ? this.issues : [];
    const predicate = query.where ? this.compile(query.where, caller, errors) : () => true;
    const compare = this.comparator(query.orderBy, errors);
    if (errors.length > 0) throw new JqlError(errors);
    return { issues: visible.filter(predicate).sort(compare), bounded: query.where !== undefined };
  }

  private compile(node: JqlNode, caller: Caller, errors: string[]): (issue: IssueRecord) => boolean {
    if (node.kind === 'clause') return this.compileClause(node, caller, errors);
    if (node.kind === 'not') {
      const inner = this.compile(node.item, caller, errors);
      return (issue) => !inner(issue);
    }
    const parts = node.items.map((item) => this.compile(item, caller, errors));
    return node.kind === 'and'
      ? (issue) => parts.every((part) => part(issue))
      : (issue) => parts.some((part) => part(issue));
  }

  private compileClause(
    clause: Extract<JqlNode, { kind: 'clause' }>,
    caller: Caller,
    errors: string[],
  ): (issue: IssueRecord) => boolean {
    const never = () => false;
    const field = JQL_FIELD_ALIASES[clause.field.toLowerCase()];
    if (!field) {
      errors.push(`Field '${clause.field}' does not exist or you do not have permission to view it.`);
      return never;
    }
    const isDate = field === 'created' || field === 'updated';
    const allowed = isDate
      ? ['=', '!=', '<', '>', '<=', '>=', 'is', 'is not']
      : ['=', '!=', 'in', 'not in', 'is', 'is not'];
    if (!allowed.includes(clause.operator)) {
      errors.push(
        `The operator '${clause.operator.toUpperCase()}' is not supported by the '${clause.field}' field.`,
      );
      return never;
    }
    const empty = clause.operands.some((operand) => operand.kind === 'empty');
    if (empty) {
      // 'IS EMPTY', or '= EMPTY', which Jira reads the same way.
      const wantEmpty = clause.operator === 'is' || clause.operator === '=' || clause.operator === 'in';
      return (issue) => (this.jqlValues(issue, field).length === 0) === wantEmpty;
    }
    if (isDate) {
      const operand = clause.operands[0];
      const moment = operand?.kind === 'value' ? parseJqlDate(operand.text, this.now()) : undefined;
      if (moment === undefined) {
        const shown =
          operand?.kind === 'value' ? operand.text : `${operand?.kind === 'function' ? operand.name : ''}()`;
        errors.push(
          `Date value '${shown}' for field '${clause.field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
        );
        return never;
      }
      const at = (issue: IssueRecord) => (field === 'created' ? issue.created : issue.updated);
      const tests: Record<string, (value: number) => boolean> = {
        '=': (value) => value === moment,
        '!=': (value) => value !== moment,
        '<': (value) => value < moment,
        '>': (value) => value > moment,
        '<=': (value) => value <= moment,
        '>=': (value) => value >= moment,
      };
      const test = tests[clause.operator] ?? never;
      return (issue) => test(at(issue));
    }
    const wanted: string[] = [];
    for (const operand of clause.operands) {
      const value = this.jqlOperand(field, clause.field, operand, caller, errors);
      if (value !== undefined) wanted.push(value);
    }
    const positive = clause.operator === '=' || clause.operator === 'in';
    return (issue) => {
      const values = this.jqlValues(issue, field);
      const hit = values.some((value) => wanted.includes(value));
      // Jira's '!=' and 'NOT IN' never match an empty field: 'assignee != x' leaves unassigned issues out.
      return positive ? hit : values.length > 0 && !hit;
    };
  }

  /** The normalised values of a field, for comparison with normalised operands. */
  private jqlValues(issue: IssueRecord, field: string): string[] {
    switch (field) {
      case 'key':
        return [issue.key];
      case 'project':
        return [issue.project.key];
      case 'status':
        return [issue.status.toLowerCase()];
      case 'issuetype':
        return [issue.issueType.name.toLowerCase()];
      case 'priority':
        return [issue.priority.toLowerCase()];
      case 'resolution':
        return issue.resolution === undefined ? [] : [issue.resolution.toLowerCase()];
      case 'labels':
        return issue.labels.map((label) => label.toLowerCase());
      case 'component':
        return issue.components.map((component) => component.toLowerCase());
      case 'fixVersion':
        return issue.fixVersions.map((version) => version.toLowerCase());
      case 'assignee':
        return issue.assignee === undefined ? [] : [issue.assignee];
      case 'reporter':
        return issue.reporter === undefined ? [] : [issue.reporter];
      default:
        return [];
    }
  }

  /** One operand, normalised like `jqlValues`; undefined (with an error) when Jira would refuse it. */
  private jqlOperand(
    field: string,
    shownField: string,
    operand: JqlOperand,
    caller: Caller,
    errors: string[],
  ): string | undefined {
    if (operand.kind === 'function') {
      if (operand.name.toLowerCase() === 'currentuser' && (field === 'assignee' || field === 'reporter')) {
        return caller.user.accountId;
      }
      errors.push(
        operand.name.toLowerCase() === 'currentuser'
          ? `Function 'currentUser' is not supported by the '${shownField}' field.`
          : `Unable to find JQL function '${operand.name}()'.`,
      );
      return undefined;
    }
    if (operand.kind === 'empty') return undefined;
    const text = operand.text;
    const notFound = () => {
      errors.push(`The value '${text}' does not exist for the field '${shownField}'.`);
      return undefined;
    };
    switch (field) {
      case 'key': {
        if (!ISSUE_KEY.test(text)) {
          errors.push(`The issue key '${text}' for field '${shownField}' is invalid.`);
          return undefined;
        }
        const issue = this.findIssueByKey(text);
        if (!issue || !caller.permissions.has('BROWSE_PROJECTS')) {
          errors.push(`An issue with key '${text.toUpperCase()}' does not exist for field '${shownField}'.`);
          return undefined;
        }
        return issue.key;
      }
      case 'project': {
        // A project the caller may not browse does not exist for it.
        const project = this.projects.find(
          (candidate) =>
            sameText(candidate.key, text) || sameText(candidate.name, text) || candidate.id === text,
        );
        return project && caller.permissions.has('BROWSE_PROJECTS') ? project.key : notFound();
      }
      case 'status': {
        const status = this.projects
          .flatMap((project) => project.workflow.statuses)
          .find((candidate) => sameText(candidate.name, text) || candidate.id === text);
        return status ? status.name.toLowerCase() : notFound();
      }
      case 'issuetype': {
        const type = this.projects
          .flatMap((project) => project.issueTypes)
          .find((candidate) => sameText(candidate.name, text) || candidate.id === text);
        return type ? type.name.toLowerCase() : notFound();
      }
      case 'priority': {
        const priority =
          findNamed(JIRA_PRIORITIES, text) ?? JIRA_PRIORITIES.find((candidate) => candidate.id === text);
        return priority ? priority.name.toLowerCase() : notFound();
      }
      case 'resolution': {
        const resolution = findNamed(JIRA_RESOLUTIONS, text);
        return resolution ? resolution.name.toLowerCase() : notFound();
      }
      case 'labels':
        return text.toLowerCase();
      case 'component': {
        const component = this.projects
          .flatMap((project) => project.components)
          .find((c) => sameText(c.name, text));
        return component ? component.name.toLowerCase() : notFound();
      }
      case 'fixVersion': {
        const version = this.projects
          .flatMap((project) => project.versions)
          .find((v) => sameText(v.name, text));
        return version ? version.name.toLowerCase() : notFound();
      }
      case 'assignee':
      case 'reporter': {
        const user = this.userByIdentifier(text);
        return user ? user.accountId : notFound();
      }
      default:
        return notFound();
    }
  }

  private comparator(
    orderBy: JqlQuery['orderBy'],
    errors: string[],
  ): (a: IssueRecord, b: IssueRecord) => number {
    const keyParts = (issue: IssueRecord): [string, number] => [
      issue.project.key,
      Number(issue.key.split('-')[1]),
    ];
    const byKey = (a: IssueRecord, b: IssueRecord) => {
      const [projectA, numberA] = keyParts(a);
      const [projectB, numberB] = keyParts(b);
      return projectA === projectB ? numberA - numberB : projectA.localeCompare(projectB);
    };
    const rank = (name: string) => JIRA_PRIORITIES.length - JIRA_PRIORITIES.findIndex((p) => p.name === name);
    const sorters: Record<string, (a: IssueRecord, b: IssueRecord) => number> = {
      key: byKey,
      created: (a, b) => a.created - b.created || byKey(a, b),
      updated: (a, b) => a.updated - b.updated || byKey(a, b),
      priority: (a, b) => rank(a.priority) - rank(b.priority),
      status: (a, b) => a.status.localeCompare(b.status),
      summary: (a, b) => a.summary.localeCompare(b.summary),
      issuetype: (a, b) => a.issueType.name.localeCompare(b.issueType.name),
      project: (a, b) => a.project.key.localeCompare(b.project.key),
      assignee: (a, b) => (a.assignee ?? '').localeCompare(b.assignee ?? ''),
    };
    const terms: { compare: (a: IssueRecord, b: IssueRecord) => number; descending: boolean }[] = [];
    for (const term of orderBy) {
      const field =
        JQL_FIELD_ALIASES[term.field.toLowerCase()] ??
        (term.field.toLowerCase() === 'summary' ? 'summary' : undefined);
      const compare = field === undefined ? undefined : sorters[field];
      if (compare) terms.push({ compare, descending: term.descending });
      else if (field !== undefined) errors.push(`Not able to sort using field '${term.field}'.`);
      else errors.push(`Field '${term.field}' does not exist or you do not have permission to view it.`);
    }
    // Without ORDER BY, and between equal issues, the newest issue comes first.
    terms.push({ compare: (a, b) => Number(a.id) - Number(b.id), descending: true });
    return (a, b) => {
      for (const term of terms) {
        const result = term.compare(a, b);
        if (result !== 0) return term.descending ? -result : result;
      }
      return 0;
    };
  }
}

/** JQL field names (lower case) and aliases → the field the emulator evaluates. */
const JQL_FIELD_ALIASES: Record<string, string> = {
  key: 'key',
  issuekey: 'key',
  project: 'project',
  status: 'status',
  issuetype: 'issuetype',
  type: 'issuetype',
  priority: 'priority',
  resolution: 'resolution',
  labels: 'labels',
  component: 'component',
  fixversion: 'fixVersion',
  assignee: 'assignee',
  reporter: 'reporter',
  created: 'created',
  createddate: 'created',
  updated: 'updated',
  updateddate: 'updated',
};

function defaultUsers(): JiraUserDef[] {
  return [
    {
      accountId: DEFAULT_JIRA_ACCOUNT_ID,
      displayName: 'Flowkit Bot',
      emailAddress: DEFAULT_JIRA_EMAIL,
      name: 'flowkit-bot',
    },
  ];
}

/** Why Jira refuses a comment body, in its words, or undefined when it accepts it. */
function commentBodyProblem(body: unknown, version: ApiVersion): string | undefined {
  if (body === undefined || body === null || body === '') return 'Comment body can not be empty!';
  if (version === 3 ? !isAdfDocument(body) : typeof body !== 'string') return 'Comment body is not valid!';
  const text = version === 3 ? adfToText(body) : String(body);
  if (text.trim() === '') return 'Comment body can not be empty!';
  if (text.length > MAX_COMMENT_LENGTH) {
    return 'The entered text is too long. It exceeds the allowed limit of 32,767 characters.';
  }
  return undefined;
}

// --- Operations -----------------------------------------------------------------------------------------------------

function decodePageToken(token: string, jql: string): number | undefined {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (isPlainObject(decoded) && decoded.jql === jql && Number.isInteger(decoded.offset))
      return decoded.offset as number;
  } catch {
    // Not a token the emulator made: refused below.
  }
  return undefined;
}

function encodePageToken(offset: number, jql: string): string {
  return Buffer.from(JSON.stringify({ offset, jql }), 'utf8').toString('base64url');
}

/** What a request names in its query or JSON body: a list given as repeated values, a comma list or an array. */
function listArgument(value: unknown): string[] {
  if (Array.isArray(value))
    return value
      .flatMap((item) => String(item).split(','))
      .map((item) => item.trim())
      .filter(Boolean);
  if (typeof value === 'string')
    return value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  return [];
}

/** A search argument from the JSON body of a POST, or the query of a GET (an array when repeated). */
function searchArgument(call: ApiCall, name: string): unknown {
  if (call.hasBody && isPlainObject(call.body)) return call.body[name];
  const values = call.url.searchParams.getAll(name);
  return values.length > 1 ? values : values[0];
}

function page<T>(items: readonly T[], startAt: number, maxResults: number): T[] {
  return items.slice(Math.max(0, startAt), Math.max(0, startAt) + Math.max(0, maxResults));
}

/** The REST resources: one method per operation, each answering as Jira does for the emulated site. */
class JiraOperations {
  private readonly site: JiraSite;
  private readonly flavor: Flavor;
  private readonly now: () => number;

  constructor(site: JiraSite, flavor: Flavor, now: () => number) {
    this.site = site;
    this.flavor = flavor;
    this.now = now;
  }

  private base(call: ApiCall): string {
    return `${call.url.origin}/rest/api/${call.version}`;
  }

  /** The issue in the path, or Jira's 404, which does not tell an unknown issue from one the caller may not see. */
  private visibleIssue(call: ApiCall): IssueRecord | Reply {
    const issue = this.site.findIssue(call.params.issueIdOrKey ?? '');
    if (!issue || !call.caller.permissions.has('BROWSE_PROJECTS')) return errorReply(404, [ISSUE_NOT_FOUND]);
    return issue;
  }

  private objectBody(call: ApiCall): Record<string, unknown> | Reply {
    // Jackson's words when a body is missing or is not an object.
    if (!call.hasBody) return errorReply(400, ['No content to map to Object due to end of input']);
    if (!isPlainObject(call.body))
      return errorReply(400, ['Can not deserialize instance of object out of the given token']);
    return call.body;
  }

  private denied(call: ApiCall, permission: JiraPermission): boolean {
    return !call.caller.permissions.has(permission);
  }

  // Issues

  getIssue(call: ApiCall): Reply {
    const issue = this.visibleIssue(call);
    if (isReply(issue)) return issue;
    const requested = queryValues(call.url, 'fields');
    const fields = JiraSite.selectFields(requested.length > 0 ? requested : ['*all']);
    return jsonReply(this.site.issueView(issue, call.version, fields, queryValues(call.url, 'properties')));
  }

  editIssue(call: ApiCall): Reply {
    const issue = this.visibleIssue(call);
    if (isReply(issue)) return issue;
    if (this.denied(call, 'EDIT_ISSUES'))
      return errorReply(403, ['You do not have permission to edit issues in this project.']);
    const body = this.objectBody(call);
    if (isReply(body)) return body;
    const plan = this.site.planChanges(issue, body, [...EDIT_SCREEN, 'comment'], call.version);
    const refused = this.refusal(call, plan);
    if (refused) return refused;
    this.apply(issue, plan, call);
    if (call.url.searchParams.get('returnIssue') === 'true') {
      return jsonReply(this.site.issueView(issue, call.version, JiraSite.selectFields(['*all']), []));
    }
    return emptyReply(204);
  }

  createIssue(call: ApiCall): Reply {
    if (this.denied(call, 'CREATE_ISSUES') || this.denied(call, 'BROWSE_PROJECTS')) {
      return errorReply(403, ['You do not have permission to create issues in this project.']);
    }
    const body = this.objectBody(call);
    if (isReply(body)) return body;
    const fields = isPlainObject(body.fields) ? body.fields : {};
    const errors: Record<string, string> = {};
    const project = this.site.projects.find((candidate) => {
      const wanted = fields.project;
      return isPlainObject(wanted) && (candidate.key === wanted.key || candidate.id === String(wanted.id));
    });
    if (!project) errors.project = 'Specify a valid project ID or key';
    const issueType = project ? findNamed(project.issueTypes, fields.issuetype) : undefined;
    if (project && !issueType)
      errors.issuetype =
        fields.issuetype === undefined ? 'Specify an issue type' : 'Specify a valid issue type';
    if (typeof fields.summary !== 'string' || fields.summary.trim() === '') {
      errors.summary = 'You must specify a summary of the issue.';
    }
    if (!project || !issueType || Object.keys(errors).length > 0) return fieldErrorReply(errors);
    const numbers = this.site.issues
      .filter((issue) => issue.project === project)
      .map((issue) => Number(issue.key.split('-')[1]));
    const key = `${project.key}-${Math.max(0, ...numbers) + 1}`;
    // The issue is created first, then its other fields are planned and checked; a refusal removes it again.
    const issue = this.site.addIssue({
      key,
      summary: String(fields.summary),
      issueType: issueType.name,
      reporter: call.caller.user.accountId,
    });
    const rest = Object.fromEntries(
      Object.entries(fields).filter(([name]) => !['project', 'issuetype', 'summary'].includes(name)),
    );
    const plan = this.site.planChanges(
      issue,
      { fields: rest, update: body.update },
      EDIT_SCREEN,
      call.version,
    );
    if (Object.keys(plan.errors).length > 0) {
      this.site.issues.splice(this.site.issues.indexOf(issue), 1);
      return fieldErrorReply(plan.errors);
    }
    this.apply(issue, plan, call);
    return jsonReply({ id: issue.id, key: issue.key, self: `${this.base(call)}/issue/${issue.id}` }, 201);
  }

  // Transitions

  getTransitions(call: ApiCall): Reply {
    const issue = this.visibleIssue(call);
    if (isReply(issue)) return issue;
    const withFields = queryValues(call.url, 'expand').includes('transitions.fields');
    const only = call.url.searchParams.get('transitionId');
    // Without Transition Issues the list is empty rather than refused (as Atlassian's description says).
    const available = this.denied(call, 'TRANSITION_ISSUES') ? [] : this.site.availableTransitions(issue);
    const transitions = available
      .filter((transition) => only === null || transition.id === only)
      .map((transition) => this.site.transitionView(issue, transition, call.version, withFields));
    return jsonReply({ expand: 'transitions', transitions });
  }

  doTransition(call: ApiCall): Reply {
    const issue = this.visibleIssue(call);
    if (isReply(issue)) return issue;
    const body = this.objectBody(call);
    if (isReply(body)) return body;
    // Atlassian's description lists a missing Transition Issues permission under 400.
    if (this.denied(call, 'TRANSITION_ISSUES'))
      return errorReply(400, ['You do not have permission to transition this issue.']);
    if (!isPlainObject(body.transition)) return errorReply(400, ["Missing 'transition' identifier"]);
    const id = body.transition.id;
    if (!(typeof id === 'number' && Number.isInteger(id)) && !(typeof id === 'string' && /^\d+$/.test(id))) {
      return errorReply(400, ["'transition' identifier must be an integer"]);
    }
    const transition = this.site.availableTransitions(issue).find((candidate) => candidate.id === String(id));
    if (!transition) return errorReply(400, [`Transition id '${String(id)}' is not valid for this issue.`]);
    const screen = transition.screen ?? [];
    const plan = this.site.planChanges(issue, body, screen, call.version);
    const fields = isPlainObject(body.fields) ? body.fields : {};
    const update = isPlainObject(body.update) ? body.update : {};
    if (screen.includes('resolution') && !('resolution' in fields) && !('resolution' in update)) {
      plan.errors.resolution ??= 'Resolution is required.';
    }
    const refused = this.refusal(call, plan);
    if (refused) return refused;
    const from = issue.status;
    issue.status = transition.to;
    const done = this.site.categoryOf(issue.project, transition.to) === 'done';
    if (!done) {
      // Leaving the done category clears the resolution, as Jira's shipped workflows do.
      issue.resolution = undefined;
      issue.resolutionDate = undefined;
    }
    this.apply(issue, plan, call);
    if (done && issue.resolution === undefined) {
      // Without a resolution screen, Jira's shipped workflows set "Done" when an issue reaches a done status.
      issue.resolution = 'Done';
      issue.resolutionDate = this.now();
    }
    issue.history.push({ id: transition.id, from, to: transition.to, at: this.now() });
    return emptyReply(204);
  }

  /** 403 when the plan adds a comment without Add Comments, 400 with field errors, or undefined when all is well. */
  private refusal(call: ApiCall, plan: ChangePlan): Reply | undefined {
    if (plan.comments.length > 0 && this.denied(call, 'ADD_COMMENTS')) {
      return errorReply(403, ['You do not have the permission to comment on this issue.']);
    }
    return Object.keys(plan.errors).length > 0 ? fieldErrorReply(plan.errors) : undefined;
  }

  private apply(issue: IssueRecord, plan: ChangePlan, call: ApiCall): void {
    for (const change of plan.changes) change();
    for (const comment of plan.comments) this.site.addComment(issue, comment, call.caller.user.accountId);
    issue.updated = this.now();
  }

  // Comments

  getComments(call: ApiCall): Reply {
    const issue = this.visibleIssue(call);
    if (isReply(issue)) return issue;
    const orderBy = call.url.searchParams.get('orderBy');
    if (orderBy !== null && !['created', '+created', '-created'].includes(orderBy)) {
      return errorReply(400, [`The orderBy parameter '${orderBy}' is not valid: use created or -created.`]);
    }
    const startAt = integerParam(call.url, 'startAt') ?? 0;
    const maxResults = integerParam(call.url, 'maxResults') ?? 100;
    const ordered = orderBy === '-created' ? [...issue.comments].reverse() : issue.comments;
    return jsonReply({
      startAt,
      maxResults,
      total: issue.comments.length,
      comments: page(ordered, startAt, maxResults).map((comment) =>
        this.site.commentView(issue, comment, call.version),
      ),
    });
  }

  addComment(call: ApiCall): Reply {
    const issue = this.visibleIssue(call);
    if (isReply(issue)) return issue;
    if (this.denied(call, 'ADD_COMMENTS'))
      return errorReply(403, ['You do not have the permission to comment on this issue.']);
    const body = this.objectBody(call);
    if (isReply(body)) return body;
    const problem = commentBodyProblem(body.body, call.version);
    if (problem) return fieldErrorReply({ comment: problem });
    const comment = this.site.addComment(
      issue,
      { value: structuredClone(body.body), format: call.version === 3 ? 'adf' : 'text' },
      call.caller.user.accountId,
      body.visibility,
    );
    return jsonReply(this.site.commentView(issue, comment, call.version), 201);
  }

  private findComment(call: ApiCall, issue: IssueRecord): CommentRecord | Reply {
    const id = call.params.id ?? '';
    const comment = issue.comments.find((candidate) => candidate.id === id);
    return comment ?? errorReply(404, [`Can not find a comment for the id: ${id}.`]);
  }

  getComment(call: ApiCall): Reply {
    const issue = this.visibleIssue(call);
    if (isReply(issue)) return issue;
    const comment = this.findComment(call, issue);
    if (isReply(comment)) return comment;
    return jsonReply(this.site.commentView(issue, comment, call.version));
  }

  updateComment(call: ApiCall): Reply {
    const issue = this.visibleIssue(call);
    if (isReply(issue)) return issue;
    const comment = this.findComment(call, issue);
    if (isReply(comment)) return comment;
    const own = comment.author === call.caller.user.accountId && !this.denied(call, 'ADD_COMMENTS');
    if (!own && this.denied(call, 'ADMINISTER')) {
      // Atlassian's description lists "no permission to edit the comment" under 400.
      return errorReply(400, ['You do not have the permission to edit this comment.']);
    }
    const body = this.objectBody(call);
    if (isReply(body)) return body;
    const problem = commentBodyProblem(body.body, call.version);
    if (problem) return fieldErrorReply({ comment: problem });
    comment.body = { value: structuredClone(body.body), format: call.version === 3 ? 'adf' : 'text' };
    comment.updated = this.now();
    comment.updateAuthor = call.caller.user.accountId;
    if (body.visibility !== undefined) comment.visibility = structuredClone(body.visibility);
    issue.updated = comment.updated;
    return jsonReply(this.site.commentView(issue, comment, call.version));
  }

  // Assignee

  assignIssue(call: ApiCall): Reply {
    const issue = this.visibleIssue(call);
    if (isReply(issue)) return issue;
    if (this.denied(call, 'ASSIGN_ISSUES'))
      return errorReply(403, ['You do not have permission to assign issues.']);
    if (!call.hasBody) return errorReply(400, ['No content to map to Object due to end of input']);
    const target = this.site.assigneeTarget(call.body);
    if ('error' in target) {
      // The GDPR message is about the request, the others about the assignee field.
      return target.error.startsWith("'accountId'")
        ? errorReply(400, [target.error])
        : fieldErrorReply({ assignee: target.error });
    }
    issue.assignee = target.accountId;
    issue.updated = this.now();
    return emptyReply(204);
  }

  // Issue properties

  getPropertyKeys(call: ApiCall): Reply {
    const issue = this.visibleIssue(call);
    if (isReply(issue)) return issue;
    return jsonReply({
      keys: [...issue.properties.keys()].map((key) => ({
        key,
        self: `${this.base(call)}/issue/${issue.id}/properties/${encodeURIComponent(key)}`,
      })),
    });
  }

  getProperty(call: ApiCall): Reply {
    const issue = this.visibleIssue(call);
    if (isReply(issue)) return issue;
    const key = call.params.propertyKey ?? '';
    if (!issue.properties.has(key))
      return errorReply(404, [`The property with key '${key}' does not exist.`]);
    return jsonReply({ key, value: structuredClone(issue.properties.get(key)) });
  }

  setProperty(call: ApiCall, rawBody: string): Reply {
    const issue = this.visibleIssue(call);
    if (isReply(issue)) return issue;
    if (this.denied(call, 'EDIT_ISSUES'))
      return errorReply(403, ['You do not have permission to edit this issue.']);
    const key = call.params.propertyKey ?? '';
    if (key.length > MAX_PROPERTY_KEY_LENGTH) {
      return errorReply(400, [
        `The property key cannot be longer than ${MAX_PROPERTY_KEY_LENGTH} characters.`,
      ]);
    }
    if (rawBody.trim() === '' || call.body === undefined) {
      return errorReply(400, ['The property value has to be a valid, non-empty JSON.']);
    }
    if (rawBody.length > MAX_PROPERTY_VALUE_LENGTH) {
      return errorReply(400, [
        `The property value cannot be longer than ${MAX_PROPERTY_VALUE_LENGTH} characters.`,
      ]);
    }
    const existed = issue.properties.has(key);
    issue.properties.set(key, structuredClone(call.body));
    issue.updated = this.now();
    return emptyReply(existed ? 200 : 201);
  }

  deleteProperty(call: ApiCall): Reply {
    const issue = this.visibleIssue(call);
    if (isReply(issue)) return issue;
    // Atlassian's description answers 404 (not 403) when the caller may not edit the issue.
    if (this.denied(call, 'EDIT_ISSUES'))
      return errorReply(404, ['You do not have permission to edit this issue.']);
    const key = call.params.propertyKey ?? '';
    if (!issue.properties.delete(key))
      return errorReply(404, [`The property with key '${key}' does not exist.`]);
    issue.updated = this.now();
    return emptyReply(204);
  }

  // Remote issue links

  /** GET /issue/{key}/remotelink: every link, or the one with `globalId` (404 when there is none). */
  getRemoteLinks(call: ApiCall): Reply {
    const issue = this.visibleIssue(call);
    if (isReply(issue)) return issue;
    const view = (link: JiraRemoteLink) => ({
      ...structuredClone(link),
      self: `${this.base(call)}/issue/${issue.id}/remotelink/${link.id}`,
    });
    const globalId = call.url.searchParams.get('globalId');
    if (globalId === null) return jsonReply(issue.remoteLinks.map(view));
    const found = issue.remoteLinks.find((link) => link.globalId === globalId);
    if (!found) return errorReply(404, ['No remote link with the given global ID exists.']);
    return jsonReply(view(found));
  }

  /**
   * POST /issue/{key}/remotelink: with a `globalId` that a link of the issue already has, that link is replaced
   * (fields left out become null) and 200 answered; otherwise a link is created (201).
   */
  createOrUpdateRemoteLink(call: ApiCall): Reply {
    const issue = this.visibleIssue(call);
    if (isReply(issue)) return issue;
    if (this.denied(call, 'LINK_ISSUES'))
      return errorReply(403, ['You do not have permission to link issues in this project.']);
    const body = call.body as Record<string, unknown> | undefined;
    const object = body?.object as Record<string, unknown> | undefined;
    if (typeof object !== 'object' || object === null)
      return fieldErrorReply({ object: "'object' is required." });
    if (typeof object.url !== 'string' || object.url === '')
      return fieldErrorReply({ url: "'url' is required." });
    if (typeof object.title !== 'string' || object.title === '')
      return fieldErrorReply({ title: "'title' is required." });
    const globalId = typeof body?.globalId === 'string' ? body.globalId : undefined;
    if (globalId !== undefined && globalId.length > 255)
      return fieldErrorReply({ globalId: 'The global ID must be 255 characters or less.' });
    const existing =
      globalId === undefined ? undefined : issue.remoteLinks.find((link) => link.globalId === globalId);
    const link: JiraRemoteLink = {
      id: existing?.id ?? this.site.nextRemoteLinkId++,
      globalId,
      relationship: typeof body?.relationship === 'string' ? body.relationship : undefined,
      application:
        typeof body?.application === 'object'
          ? (structuredClone(body.application) as Record<string, unknown>)
          : undefined,
      object: structuredClone(object) as JiraRemoteLink['object'],
    };
    if (existing) issue.remoteLinks[issue.remoteLinks.indexOf(existing)] = link;
    else issue.remoteLinks.push(link);
    issue.updated = this.now();
    return jsonReply(
      { id: link.id, self: `${this.base(call)}/issue/${issue.id}/remotelink/${link.id}` },
      existing ? 200 : 201,
    );
  }

  // Users

  myself(call: ApiCall): Reply {
    return jsonReply(this.site.userView(call.caller.user, call.version, true));
  }

  getUser(call: ApiCall): Reply {
    if (this.denied(call, 'USER_PICKER')) {
      return errorReply(403, ['You do not have the permission to browse users and groups.']);
    }
    const params = call.url.searchParams;
    if (this.flavor === 'cloud') {
      for (const name of ['username', 'key']) {
        if (params.has(name))
          return errorReply(400, [`The query parameter '${name}' is not supported in GDPR strict mode.`]);
      }
      const accountId = params.get('accountId');
      if (!accountId) return errorReply(400, ["The query parameter 'accountId' is required."]);
      const user = this.site.userById(accountId);
      if (!user) return errorReply(404, [`User with accountId '${accountId}' does not exist.`]);
      return jsonReply(this.site.userView(user, call.version, true));
    }
    const name = params.get('username') ?? params.get('key');
    if (!name) return errorReply(400, ["The query parameter 'username' or 'key' is required."]);
    const user = this.site.userByName(name) ?? this.site.users.find((candidate) => candidate.key === name);
    if (!user) return errorReply(404, [`The user named '${name}' does not exist`]);
    return jsonReply(this.site.userView(user, call.version, true));
  }

  /** True when `query` starts the display name, one of its words, the email or (Server) the user name. */
  private static matchesQuery(user: UserRecord, query: string): boolean {
    const wanted = query.toLowerCase();
    const words = [user.displayName, ...user.displayName.split(/\s+/), user.emailAddress ?? '', user.name];
    return words.some((word) => word.toLowerCase().startsWith(wanted));
  }

  /** The search text of a user search, or a 400 when it is missing or uses a parameter the flavour refuses. */
  private userQuery(
    call: ApiCall,
    required: boolean,
  ): { text: string | undefined; accountId: string | undefined } | Reply {
    const params = call.url.searchParams;
    if (this.flavor === 'cloud') {
      if (params.has('username')) {
        return errorReply(400, ["The query parameter 'username' is not supported in GDPR strict mode."]);
      }
      const text = params.get('query') ?? undefined;
      const accountId = params.get('accountId') ?? undefined;
      if (required && text === undefined && accountId === undefined) {
        return errorReply(400, ["One of 'query' or 'accountId' parameters must be provided."]);
      }
      return { text, accountId };
    }
    const text = params.get('username') ?? params.get('query') ?? undefined;
    if (required && text === undefined)
      return errorReply(400, ["The query parameter 'username' is required."]);
    return { text, accountId: undefined };
  }

  findUsers(call: ApiCall): Reply {
    const query = this.userQuery(call, true);
    if (isReply(query)) return query;
    // Without Browse users and groups, Jira Cloud answers an empty list rather than an error.
    const users = this.denied(call, 'USER_PICKER')
      ? []
      : this.site.users.filter(
          (user) =>
            (query.accountId === undefined || user.accountId === query.accountId) &&
            (query.text === undefined || JiraOperations.matchesQuery(user, query.text)),
        );
    const startAt = integerParam(call.url, 'startAt') ?? 0;
    const maxResults = integerParam(call.url, 'maxResults') ?? 50;
    return jsonReply(page(users, startAt, maxResults).map((user) => this.site.userView(user, call.version)));
  }

  findAssignableUsers(call: ApiCall): Reply {
    const params = call.url.searchParams;
    const issueKey = params.get('issueKey') ?? params.get('issueId');
    const projectKey = params.get('project');
    if (issueKey === null && projectKey === null) {
      return errorReply(400, ["One of the parameters 'issueKey', 'issueId' or 'project' must be provided."]);
    }
    if (issueKey !== null) {
      const issue = this.site.findIssue(issueKey);
      if (!issue || this.denied(call, 'BROWSE_PROJECTS')) return errorReply(404, [ISSUE_NOT_FOUND]);
    } else if (
      !this.site.projects.some(
        (project) => sameText(project.key, projectKey ?? '') || project.id === projectKey,
      )
    ) {
      return errorReply(404, [`No project could be found with key '${projectKey}'.`]);
    }
    const query = this.userQuery(call, false);
    if (isReply(query)) return query;
    // Inactive users cannot be assigned, so they are never offered.
    const users = this.site.users.filter(
      (user) =>
        user.active &&
        (query.accountId === undefined || user.accountId === query.accountId) &&
        (query.text === undefined || JiraOperations.matchesQuery(user, query.text)),
    );
    const startAt = integerParam(call.url, 'startAt') ?? 0;
    const maxResults = integerParam(call.url, 'maxResults') ?? 50;
    return jsonReply(page(users, startAt, maxResults).map((user) => this.site.userView(user, call.version)));
  }

  // Search

  private runSearch(jql: string, call: ApiCall): { issues: IssueRecord[]; bounded: boolean } | Reply {
    try {
      return this.site.search(jql, call.caller);
    } catch (error) {
      if (error instanceof JqlError) return errorReply(400, error.messages);
      throw error;
    }
  }

  /** GET and POST /search/jql: enhanced search, paged with nextPageToken. */
  searchJql(call: ApiCall): Reply {
    const args = (name: string) => searchArgument(call, name);
    const jql = typeof args('jql') === 'string' ? String(args('jql')) : '';
    const found = this.runSearch(jql, call);
    if (isReply(found)) return found;
    if (!found.bounded) return errorReply(400, [UNBOUNDED_JQL]);
    const tokenArgument = args('nextPageToken');
    let offset = 0;
    if (typeof tokenArgument === 'string' && tokenArgument !== '') {
      const decoded = decodePageToken(tokenArgument, jql);
      if (decoded === undefined) return errorReply(400, ['The nextPageToken is not valid for this query.']);
      offset = decoded;
    }
    const requestedMax = Number(args('maxResults') ?? 50);
    const maxResults = Number.isInteger(requestedMax) && requestedMax > 0 ? Math.min(requestedMax, 100) : 50;
    const requestedFields = listArgument(args('fields'));
    const fields = requestedFields.length > 0 ? JiraSite.selectFields(requestedFields) : undefined;
    const properties = listArgument(args('properties'));
    const issues = found.issues.slice(offset, offset + maxResults);
    const isLast = offset + issues.length >= found.issues.length;
    return jsonReply(
      withoutUndefined({
        issues: issues.map((issue) => this.site.issueView(issue, call.version, fields, properties)),
        nextPageToken: isLast ? undefined : encodePageToken(offset + issues.length, jql),
        isLast,
      }),
    );
  }

  approximateCount(call: ApiCall): Reply {
    const body = this.objectBody(call);
    if (isReply(body)) return body;
    const found = this.runSearch(typeof body.jql === 'string' ? body.jql : '', call);
    if (isReply(found)) return found;
    if (!found.bounded) return errorReply(400, [UNBOUNDED_JQL]);
    return jsonReply({ count: found.issues.length });
  }

  /** GET and POST /search: removed from Jira Cloud (410), still the search of Server/Data Center. */
  legacySearch(call: ApiCall): Reply {
    if (this.flavor === 'cloud') return errorReply(410, [SEARCH_REMOVED]);
    const args = (name: string) => searchArgument(call, name);
    const found = this.runSearch(typeof args('jql') === 'string' ? String(args('jql')) : '', call);
    if (isReply(found)) return found;
    const startAt = Math.max(0, Number(args('startAt') ?? 0) || 0);
    const requestedMax = Number(args('maxResults') ?? 50);
    const maxResults =
      Number.isInteger(requestedMax) && requestedMax >= 0 ? Math.min(requestedMax, 1000) : 50;
    const requestedFields = listArgument(args('fields'));
    const fields = JiraSite.selectFields(requestedFields.length > 0 ? requestedFields : ['*navigable']);
    const properties = listArgument(args('properties'));
    return jsonReply({
      expand: 'schema,names',
      startAt,
      maxResults,
      total: found.issues.length,
      issues: page(found.issues, startAt, maxResults).map((issue) =>
        this.site.issueView(issue, call.version, fields, properties),
      ),
    });
  }

  // Workflows

  /** POST /workflows "Bulk get workflows", for Flowkit's shortest-path fallback. */
  readWorkflows(call: ApiCall): Reply {
    if (this.denied(call, 'ADMINISTER'))
      return errorReply(403, ['Only Jira administrators can perform this operation.']);
    const body = this.objectBody(call);
    if (isReply(body)) return body;
    const selected = new Map<string, WorkflowRecord>();
    const pairs = Array.isArray(body.projectAndIssueTypes) ? body.projectAndIssueTypes : [];
    for (const pair of pairs) {
      if (!isPlainObject(pair)) continue;
      const project = this.site.projects.find((candidate) => candidate.id === String(pair.projectId));
      if (project?.issueTypes.some((type) => type.id === String(pair.issueTypeId))) {
        selected.set(project.workflow.id, project.workflow);
      }
    }
    const names = listArgument(body.workflowNames);
    const ids = listArgument(body.workflowIds);
    for (const project of this.site.projects) {
      if (names.includes(project.workflow.name) || ids.includes(project.workflow.id)) {
        selected.set(project.workflow.id, project.workflow);
      }
    }
    const statuses = new Map<string, JiraStatusDef>();
    for (const workflow of selected.values())
      for (const status of workflow.statuses) statuses.set(status.id, status);
    return jsonReply({
      workflows: [...selected.values()].map((workflow) => workflowView(workflow)),
      statuses: [...statuses.values()].map((status) => ({
        id: status.id,
        name: status.name,
        statusReference: status.id,
        statusCategory: STATUS_CATEGORIES[status.category].workflowName,
        scope: { type: 'GLOBAL' },
        description: '',
      })),
    });
  }
}

function isReply(value: unknown): value is Reply {
  return (
    isPlainObject(value) &&
    typeof value.status === 'number' &&
    typeof value.body === 'string' &&
    'headers' in value
  );
}

/** A workflow as "Bulk get workflows" shows it: statuses by reference, and transitions with their links. */
function workflowView(workflow: WorkflowRecord): Record<string, unknown> {
  const statusId = (name: string) => workflow.statuses.find((status) => status.name === name)?.id ?? '';
  const used = new Set(workflow.transitions.map((transition) => transition.id));
  let initialId = 1;
  while (used.has(String(initialId))) initialId++;
  const rule = { actions: [], validators: [], triggers: [], properties: {}, description: '' };
  return {
    id: workflow.id,
    name: workflow.name,
    description: '',
    scope: { type: 'GLOBAL' },
    isEditable: true,
    version: { id: workflow.id.replace(/^00000000/, '11111111'), versionNumber: 0 },
    statuses: workflow.statuses.map((status) => ({
      statusReference: status.id,
      deprecated: false,
      properties: {},
    })),
    transitions: [
      {
        ...rule,
        id: String(initialId),
        name: 'Create',
        type: 'INITIAL',
        toStatusReference: workflow.statuses[0]?.id ?? '',
        links: [],
      },
      ...workflow.transitions.map((transition) => ({
        ...rule,
        id: transition.id,
        name: transition.name,
        type: transition.from.length === 0 ? 'GLOBAL' : 'DIRECTED',
        toStatusReference: statusId(transition.to),
        links: transition.from.map((from) => ({
          fromStatusReference: statusId(from),
          fromPort: 0,
          toPort: 1,
        })),
      })),
    ],
  };
}

// --- The server -----------------------------------------------------------------------------------------------------

interface Route {
  method: string;
  /** The path after /rest/api/{2|3}, with {parameters} as Atlassian's description names them. */
  template: string;
  /** Which flavours serve it (both API versions unless `versions` says otherwise). */
  flavors: readonly Flavor[];
  versions?: readonly ApiVersion[];
  handle: (operations: JiraOperations, call: ApiCall, rawBody: string) => Reply;
  /** The body is read as the operation wants it (issue properties take any JSON), not refused when malformed. */
  anyBody?: boolean;
}

const BOTH: readonly Flavor[] = ['cloud', 'server'];
const CLOUD: readonly Flavor[] = ['cloud'];

const ROUTES: readonly Route[] = [
  { method: 'GET', template: '/issue/{issueIdOrKey}', flavors: BOTH, handle: (o, c) => o.getIssue(c) },
  { method: 'PUT', template: '/issue/{issueIdOrKey}', flavors: BOTH, handle: (o, c) => o.editIssue(c) },
  { method: 'POST', template: '/issue', flavors: BOTH, handle: (o, c) => o.createIssue(c) },
  {
    method: 'GET',
    template: '/issue/{issueIdOrKey}/transitions',
    flavors: BOTH,
    handle: (o, c) => o.getTransitions(c),
  },
  {
    method: 'POST',
    template: '/issue/{issueIdOrKey}/transitions',
    flavors: BOTH,
    handle: (o, c) => o.doTransition(c),
  },
  {
    method: 'GET',
    template: '/issue/{issueIdOrKey}/comment',
    flavors: BOTH,
    handle: (o, c) => o.getComments(c),
  },
  {
    method: 'POST',
    template: '/issue/{issueIdOrKey}/comment',
    flavors: BOTH,
    handle: (o, c) => o.addComment(c),
  },
  {
    method: 'GET',
    template: '/issue/{issueIdOrKey}/comment/{id}',
    flavors: BOTH,
    handle: (o, c) => o.getComment(c),
  },
  {
    method: 'PUT',
    template: '/issue/{issueIdOrKey}/comment/{id}',
    flavors: BOTH,
    handle: (o, c) => o.updateComment(c),
  },
  {
    method: 'PUT',
    template: '/issue/{issueIdOrKey}/assignee',
    flavors: BOTH,
    handle: (o, c) => o.assignIssue(c),
  },
  {
    method: 'GET',
    template: '/issue/{issueIdOrKey}/properties',
    flavors: BOTH,
    handle: (o, c) => o.getPropertyKeys(c),
  },
  {
    method: 'GET',
    template: '/issue/{issueIdOrKey}/properties/{propertyKey}',
    flavors: BOTH,
    handle: (o, c) => o.getProperty(c),
  },
  {
    method: 'PUT',
    template: '/issue/{issueIdOrKey}/properties/{propertyKey}',
    flavors: BOTH,
    anyBody: true,
    handle: (o, c, raw) => o.setProperty(c, raw),
  },
  {
    method: 'DELETE',
    template: '/issue/{issueIdOrKey}/properties/{propertyKey}',
    flavors: BOTH,
    handle: (o, c) => o.deleteProperty(c),
  },
  {
    method: 'GET',
    template: '/issue/{issueIdOrKey}/remotelink',
    flavors: BOTH,
    handle: (o, c) => o.getRemoteLinks(c),
  },
  {
    method: 'POST',
    template: '/issue/{issueIdOrKey}/remotelink',
    flavors: BOTH,
    handle: (o, c) => o.createOrUpdateRemoteLink(c),
  },
  { method: 'GET', template: '/myself', flavors: BOTH, handle: (o, c) => o.myself(c) },
  { method: 'GET', template: '/user', flavors: BOTH, handle: (o, c) => o.getUser(c) },
  { method: 'GET', template: '/user/search', flavors: BOTH, handle: (o, c) => o.findUsers(c) },
  {
    method: 'GET',
    template: '/user/assignable/search',
    flavors: BOTH,
    handle: (o, c) => o.findAssignableUsers(c),
  },
  { method: 'GET', template: '/search/jql', flavors: CLOUD, handle: (o, c) => o.searchJql(c) },
  { method: 'POST', template: '/search/jql', flavors: CLOUD, handle: (o, c) => o.searchJql(c) },
  {
    method: 'POST',
    template: '/search/approximate-count',
    flavors: CLOUD,
    handle: (o, c) => o.approximateCount(c),
  },
  { method: 'GET', template: '/search', flavors: BOTH, handle: (o, c) => o.legacySearch(c) },
  { method: 'POST', template: '/search', flavors: BOTH, handle: (o, c) => o.legacySearch(c) },
  { method: 'POST', template: '/workflows', flavors: CLOUD, handle: (o, c) => o.readWorkflows(c) },
];

/** A path segment decoded, or as it is when its percent-encoding is malformed. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The route's path parameters when `segments` fit its template, else undefined. */
function matchTemplate(template: string, segments: readonly string[]): Record<string, string> | undefined {
  const parts = template.split('/').filter(Boolean);
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of parts.entries()) {
    const segment = segments[index] ?? '';
    if (part.startsWith('{')) {
      if (segment === '') return undefined;
      params[part.slice(1, -1)] = safeDecode(segment);
    } else if (part !== segment) {
      return undefined;
    }
  }
  return params;
}

interface PendingFailure extends JiraFailure {
  match: JiraFailureMatch;
  remaining: number;
}

interface CredentialRecord {
  credential: JiraCredential;
  caller: Caller;
}

/** A Jira Cloud or Server/Data Center emulator on 127.0.0.1, with a request log, rate limits and faults. */
export class JiraEmulator {
  /** 'http://127.0.0.1:PORT', the site URL; the REST API is under /rest/api/2 and (Cloud) /rest/api/3. */
  readonly url: string;
  /** Every request in arrival order, recorded before its answer is sent. */
  readonly requests: JiraRecordedRequest[] = [];
  private readonly server: Server;
  private readonly flavor: Flavor;
  private readonly site: JiraSite;
  private readonly operations: JiraOperations;
  private readonly credentials: CredentialRecord[];
  private readonly rateLimit: RateLimit;
  private readonly limiter = new SlidingWindowLimiter();
  private readonly failures: PendingFailure[] = [];
  private readonly now: () => number;
  private stopped: Promise<void> | undefined;

  private constructor(server: Server, options: JiraEmulatorOptions) {
    const address = server.address() as AddressInfo;
    this.server = server;
    this.url = `http://127.0.0.1:${address.port}`;
    this.flavor = options.flavor ?? 'cloud';
    this.now = options.now ?? Date.now;
    this.site = new JiraSite(options, this.flavor, this.url, this.now);
    this.operations = new JiraOperations(this.site, this.flavor, this.now);
    this.rateLimit = options.rateLimit ?? DEFAULT_JIRA_RATE_LIMIT;
    const firstUser = this.site.users[0];
    const credentials = options.credentials ?? [
      {
        accountId: firstUser?.accountId ?? DEFAULT_JIRA_ACCOUNT_ID,
        email: firstUser?.emailAddress ?? DEFAULT_JIRA_EMAIL,
        apiToken: DEFAULT_JIRA_API_TOKEN,
        token: DEFAULT_JIRA_PAT,
      },
    ];
    this.credentials = credentials.map((credential, index) => {
      const user = this.site.userById(credential.accountId);
      if (!user)
        throw new Error(`Jira emulator: credential for ${credential.accountId} names a user not in users`);
      const permissions = new Set(
        credential.permissions ?? ALL_PERMISSIONS.filter((p) => p !== 'ADMINISTER'),
      );
      return { credential, caller: { user, permissions, bucket: `credential-${index}` } };
    });
  }

  /** Starts an emulator on 127.0.0.1 on a free port. */
  static async start(options: JiraEmulatorOptions = {}): Promise<JiraEmulator> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    let emulator: JiraEmulator;
    try {
      emulator = new JiraEmulator(server, options);
    } catch (error) {
      // A bad definition must not leave a listening server behind.
      await new Promise<void>((resolve) => server.close(() => resolve()));
      throw error;
    }
    server.on('request', (request, response) => {
      emulator.answer(request).then(
        (reply) => response.writeHead(reply.status, reply.headers).end(reply.body),
        (error: unknown) => {
          // An emulator bug must surface in the test, not hang the client.
          response
            .writeHead(500, { 'content-type': 'text/plain;charset=UTF-8' })
            .end(`emulator error: ${error instanceof Error ? error.stack : String(error)}`);
        },
      );
    });
    return emulator;
  }

  /** The issue as the emulator holds it now; throws for an unknown key. */
  issue(key: string): JiraIssueSnapshot {
    const issue = this.site.findIssueByKey(key);
    if (!issue) throw new Error(`Unknown issue "${key}": not in the emulator's issues`);
    return this.site.snapshot(issue);
  }

  /** Adds an issue (as if created in the UI); throws when its project, type, status or users are unknown. */
  addIssue(issue: JiraIssueDef): void {
    this.site.addIssue(issue);
  }

  /**
   * Makes the next request(s) matching `match` fail with `failure` and have no other effect: nothing changes and
   * the request does not count against the rate limit. A string path matches the pathname (or the path with
   * query) exactly; a RegExp is tested on the path with query.
   */
  failNext(match: JiraFailureMatch, failure: JiraFailure): void {
    this.failures.push({ ...failure, match, remaining: failure.times ?? 1 });
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
    let body: unknown;
    try {
      body = rawBody.trim() === '' ? undefined : JSON.parse(rawBody);
    } catch {
      body = undefined;
    }
    const record: JiraRecordedRequest = {
      httpMethod: (request.method ?? 'GET').toUpperCase(),
      path: target,
      pathname: url.pathname,
      operation: '',
      query: queryRecord(url.searchParams),
      headers: headerRecord(request.headers),
      body,
      rawBody,
      status: 0,
      response: undefined,
      responseHeaders: {},
      receivedAt,
    };
    const reply = this.route(url, record);
    record.status = reply.status;
    record.response = reply.response;
    record.responseHeaders = { ...reply.headers };
    // Recorded before the answer leaves, so a client that has its answer always finds the request logged.
    this.requests.push(record);
    return reply;
  }

  private takeFailure(record: JiraRecordedRequest): PendingFailure | undefined {
    const failure = this.failures.find(({ match }) => {
      if (match.method !== undefined && match.method.toUpperCase() !== record.httpMethod) return false;
      if (match.path === undefined) return true;
      if (typeof match.path === 'string') return match.path === record.pathname || match.path === record.path;
      return match.path.test(record.path);
    });
    if (!failure) return undefined;
    failure.remaining -= 1;
    if (failure.remaining <= 0) this.failures.splice(this.failures.indexOf(failure), 1);
    return failure;
  }

  private route(url: URL, record: JiraRecordedRequest): Reply {
    const api = /^\/rest\/api\/(2|3)(\/.*)?$/.exec(url.pathname);
    const version = Number(api?.[1] ?? 0) as ApiVersion;
    const segments = (api?.[2] ?? '').split('/').filter(Boolean);
    const served = ROUTES.filter(
      (route) => route.flavors.includes(this.flavor) && (route.versions ?? [2, 3]).includes(version),
    );
    const matching = api
      ? served.filter((route) => matchTemplate(route.template, segments) !== undefined)
      : [];
    const route = matching.find((candidate) => candidate.method === record.httpMethod);
    // Server/Data Center has no REST v3.
    const unsupportedVersion = this.flavor === 'server' && version === 3;
    if (route && !unsupportedVersion)
      record.operation = `${route.method} /rest/api/${version}${route.template}`;

    const failure = this.takeFailure(record);
    if (failure) return this.failureReply(failure);
    if (!api)
      return htmlReply(
        404,
        "<!DOCTYPE html><html><head><title>Oops, you've found a dead link.</title></head><body></body></html>",
      );
    if (matching.length === 0 || unsupportedVersion) return unknownResource(url);
    if (!route) return { ...emptyReply(405), headers: { allow: matching.map((m) => m.method).join(',') } };

    const caller = this.authenticate(record.headers.authorization);
    if (isReply(caller)) return caller;
    const verdict = this.limiter.tryAccept(caller.bucket, this.rateLimit, record.receivedAt);
    if (!verdict.accepted) return this.rateLimitedReply(verdict.retryAfter);

    const hasBody = record.rawBody.trim() !== '';
    if (hasBody && (record.httpMethod === 'POST' || record.httpMethod === 'PUT')) {
      const type = (record.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (type !== 'application/json') {
        // Jira's XSRF protection refuses a non-JSON write unless it carries X-Atlassian-Token: no-check.
        if ((record.headers['x-atlassian-token'] ?? '').toLowerCase() !== 'no-check') {
          return textReply(403, 'XSRF check failed');
        }
        return emptyReply(415);
      }
      if (record.body === undefined && !route.anyBody) {
        return errorReply(400, ['Unexpected character in the request body: it is not valid JSON.']);
      }
    }
    const call: ApiCall = {
      version,
      caller,
      url,
      params: matchTemplate(route.template, segments) ?? {},
      body: record.body,
      hasBody,
    };
    return route.handle(this.operations, call, record.rawBody);
  }

  /** The caller a credential names, or Jira's 401: JSON for no credentials, plain text for wrong ones. */
  private authenticate(authorization: string | undefined): Caller | Reply {
    if (!authorization) return errorReply(401, [NOT_AUTHENTICATED]);
    const [scheme = '', value = ''] = authorization.trim().split(/\s+/, 2);
    let found: CredentialRecord | undefined;
    if (this.flavor === 'cloud' && scheme.toLowerCase() === 'basic') {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const email = decoded.slice(0, colon);
      const token = decoded.slice(colon + 1);
      found = this.credentials.find(
        ({ credential }) =>
          colon > 0 &&
          credential.email !== undefined &&
          sameText(credential.email, email) &&
          credential.apiToken === token,
      );
    } else if (this.flavor === 'server' && scheme.toLowerCase() === 'bearer') {
      found = this.credentials.find(
        ({ credential }) => credential.token !== undefined && credential.token === value,
      );
    }
    if (!found)
      return textReply(401, CLIENT_MUST_AUTHENTICATE, { 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' });
    return found.caller;
  }

  /**
   * A 429 as each flavour sends it. Cloud: JSON, Retry-After and its X-RateLimit-* and RateLimit-Reason headers
   * (developer.atlassian.com/cloud/jira/platform/rate-limiting; API-token traffic meets the burst limit). Data
   * Center: Tomcat's HTML page with its token-bucket headers (ahungry/org-jira#365).
   */
  private rateLimitedReply(retryAfterSeconds: number): Reply {
    const limit = String(this.rateLimit.limit);
    if (this.flavor === 'server') {
      const reply = htmlReply(
        429,
        '<!doctype html><html lang="en"><head><title>HTTP Status 429 – Too Many Requests</title></head><body><h1>HTTP Status 429 – Too Many Requests</h1><p><b>Message</b> Rate limit exceeded.</p></body></html>',
      );
      Object.assign(reply.headers, {
        'retry-after': String(retryAfterSeconds),
        'x-ratelimit-limit': limit,
        'x-ratelimit-remaining': '0',
        'x-ratelimit-fillrate': limit,
        'x-ratelimit-interval-seconds': String(Math.max(1, Math.ceil(this.rateLimit.windowMs / 1000))),
      });
      return reply;
    }
    const reset = new Date(this.now() + retryAfterSeconds * 1000).toISOString().slice(0, 16);
    return jsonReply({ errorMessages: [RATE_LIMITED], errors: {}, status: 429 }, 429, {
      'retry-after': String(retryAfterSeconds),
      'x-ratelimit-limit': limit,
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': `${reset}Z`,
      'x-ratelimit-nearlimit': 'true',
      'ratelimit-reason': 'jira-burst-based',
    });
  }

  private failureReply(failure: PendingFailure): Reply {
    const { status, body } = failure;
    let reply: Reply;
    if (body === undefined) {
      if (status === 429) return this.rateLimitedReply(failure.retryAfterSeconds ?? 1);
      reply =
        status >= 500
          ? htmlReply(status)
          : errorReply(status, [`The emulator was told to fail this request (HTTP ${status}).`]);
    } else if (typeof body === 'string') {
      reply = body.trimStart().startsWith('<') ? htmlReply(status, body) : textReply(status, body);
    } else {
      reply = jsonReply(body, status);
    }
    if (failure.retryAfterSeconds !== undefined)
      reply.headers['retry-after'] = String(failure.retryAfterSeconds);
    return reply;
  }
}
