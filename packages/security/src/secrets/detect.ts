// Finds secrets in one text: two regex passes over all of it, then checks only where they matched.
import type { Finding } from '@flowkit/findings';
import { isPlaceholderToken, isPlaceholderValue, isRandomLooking } from './entropy.ts';
import { fingerprintSecret, MAX_GENERIC_PREVIEW_CHARS, redactSecret } from './redact.ts';
import {
  ASSIGNMENT_OPERATOR,
  ASSIGNMENT_PATTERN,
  ASSIGNMENT_SPACE_CHARS,
  ASSIGNMENT_VALUE_CHARS,
  AWS_SECRET_RULE,
  DATADOG_API_KEY_RULE,
  DATADOG_APP_KEY_RULE,
  type ExtractedSecret,
  FORMAT_RULES,
  GENERIC_SECRET_RULE,
  MIN_ASSIGNED_VALUE_LENGTH,
  SECRET_KEY_WORDS,
  type SecretRule,
} from './rules.ts';

/** The tool name on every finding of this scanner. */
export const SECRETS_TOOL = 'secrets';

/** How to read the text given to `detectSecrets`. */
export interface SecretDetectOptions {
  /** The file's path relative to the repository root, for the findings. */
  file?: string;
  /**
   * The text is a file's bytes decoded as latin1 (one character per byte, the fastest decoding; every
   * pattern is ASCII). Columns are then counted in UTF-8 characters rather than bytes.
   */
  latin1?: boolean;
}

// Every format rule in one regex, each in its own group (the group tells which rule matched). The assignment
// pattern is found from its operator (see findAssignments), then matched anchored at its key word.
const FORMAT_SCAN = new RegExp(FORMAT_RULES.map((rule) => `(${rule.pattern})`).join('|'), 'g');
// The whole pattern case-insensitive instead of its `(?i:…)` group: the rest of it reads the same either way (its
// classes hold both cases), and V8's RegExp modifiers were seen ignored intermittently in CI (Node 24.21: upper-case
// key names missed only in a full test run, never alone), so JavaScript does not rely on them. ripgrep keeps `(?i:…)`.
const ASSIGNMENT_AT = new RegExp(ASSIGNMENT_PATTERN.replace('(?i:', '(?:'), 'iy');
// An operator with a value of at least the least length after it: where an assignment may end.
const OPERATOR_SCAN = new RegExp(
  `${ASSIGNMENT_OPERATOR}${ASSIGNMENT_VALUE_CHARS}{${MIN_ASSIGNED_VALUE_LENGTH}}`,
  'g',
);
const KEY_WORD_SCAN = new RegExp(SECRET_KEY_WORDS, 'gi');
const KEY_WORD = new RegExp(SECRET_KEY_WORDS, 'i');
// The longest key word (`application_key`, 15) and the 30 name characters the pattern allows after it.
const LONGEST_NAME = 45;
const SPACE = new RegExp(ASSIGNMENT_SPACE_CHARS);

// How far before an assignment its context may be (`datadog:` two lines above `api_key: …`).
const CONTEXT_CHARS = 200;
const AWS_SECRET_VALUE = /^[A-Za-z0-9/+]{40}$/;
const AWS_CONTEXT = /aws.{0,20}secret|secret.?access.?key/i;
const AWS_WORDS = /\baws(?:\b|_)|secret.?access.?key/gi;
const SECRET_WORD = /secret/i;
const DATADOG_CONTEXT = /datadog|\bdd[_-]?(?:api|app|application)[_-]?key|\bdd_(?:api|app)/i;
const DATADOG_WORDS = new RegExp(DATADOG_CONTEXT.source, 'gi');
const HEX_ONLY = /^[0-9a-f]+$/i;
const HEX_32 = /^[0-9a-f]{32}$/;
const HEX_40 = /^[0-9a-f]{40}$/;
const KEY_CHAR = /[\w.-]/;
const KEY_HEAD = /^[\w.-]+/;
const NON_ASCII = /[\x80-\xff]/;

/** Tracks line numbers through a text whose matches arrive in order, counting each newline once. */
class LineCursor {
  readonly text: string;
  readonly latin1: boolean;
  line = 1;
  lineStart = 0;

  constructor(text: string, latin1: boolean) {
    this.text = text;
    this.latin1 = latin1;
  }

  /** Line and column (1-based) of `index`, which must not be before the previous call's. */
  locate(index: number): { line: number; column: number } {
    for (;;) {
      const newline = this.text.indexOf('\n', this.lineStart);
      if (newline === -1 || newline >= index) break;
      this.line++;
      this.lineStart = newline + 1;
    }
    return { line: this.line, column: this.columnOf(this.lineStart, index) };
  }

  /** Line and column just past `end`, without moving the cursor. */
  locateEnd(start: number, end: number, startLine: number): { line: number; column: number } {
    let line = startLine;
    let lineStart = this.lineStart;
    for (let newline = this.text.indexOf('\n', start); newline !== -1 && newline < end - 1; ) {
      line++;
      lineStart = newline + 1;
      newline = this.text.indexOf('\n', lineStart);
    }
    return { line, column: this.columnOf(lineStart, end) };
  }

  private columnOf(lineStart: number, index: number): number {
    const before = this.text.slice(lineStart, index);
    if (!this.latin1 || !NON_ASCII.test(before)) return before.length + 1;
    return Buffer.from(before, 'latin1').toString('utf8').length + 1;
  }
}

/** A secret a rule accepted, before it is located and turned into a finding. */
interface Found extends ExtractedSecret {
  rule: SecretRule;
  message: string;
}

/**
 * Finds the secrets in `text`. Findings carry a redacted preview and a fingerprint, never the secret: nothing
 * this returns can leak one.
 */
export function detectSecrets(text: string, options: SecretDetectOptions = {}): Finding[] {
  const found = findFormatTokens(text);
  findAssignments(text, found);
  if (found.length === 0) return [];
  found.sort((a, b) => a.start - b.start);
  const cursor = new LineCursor(text, options.latin1 === true);
  return found.map((secret) => toFinding(secret, cursor, options.file));
}

// Two searches beat one regex of every alternative in V8 (measured: 180 against 234 ms for 50 MB), since the
// format alternatives then run at their own literal-prefix speed.
function findFormatTokens(text: string): Found[] {
  const found: Found[] = [];
  FORMAT_SCAN.lastIndex = 0;
  for (let match = FORMAT_SCAN.exec(text); match !== null; match = FORMAT_SCAN.exec(text)) {
    const secret = extractFormat(text, match);
    if (secret === undefined) continue;
    found.push({ ...secret, message: formatMessage(secret.rule, secret) });
    // A private key's block runs past the header the regex matched.
    if (secret.end > FORMAT_SCAN.lastIndex) FORMAT_SCAN.lastIndex = secret.end;
  }
  return found;
}

/**
 * Adds the assignments of secrets to key words, except where a format token was already found.
 *
 * Searching for ASSIGNMENT_PATTERN directly costs V8 about 2.9 ms per MB: its ten case-insensitive key words
 * start with common letters, so the regex is tried at almost every position. This finds the same matches
 * from the other end: an operator followed by 16 value characters (0.9 ms per MB, about two per KB of
 * code), then a look at the name just before it, and only when that name holds a key word the full pattern,
 * anchored where the key word starts.
 */
function findAssignments(text: string, found: Found[]): void {
  const tokens = found.length;
  OPERATOR_SCAN.lastIndex = 0;
  for (let operator = OPERATOR_SCAN.exec(text); operator !== null; operator = OPERATOR_SCAN.exec(text)) {
    const match = assignmentEndingAt(text, operator.index);
    if (match === undefined) {
      // Operators overlap (`a=token=…`): look again one character on.
      OPERATOR_SCAN.lastIndex = operator.index + 1;
      continue;
    }
    OPERATOR_SCAN.lastIndex = match.index + match[0].length;
    const value = match[1] as string;
    const valueStart = match.index + match[0].length - value.length;
    // `token: ghp_…` is reported once, by the token's own rule.
    if (overlapsToken(found, tokens, valueStart, valueStart + value.length)) continue;
    if (isCode(text, value, valueStart + value.length)) continue;
    const rule = classifyAssignment(text, match.index, match[0], value);
    if (rule === undefined) continue;
    const key = keyName(text, match.index, match[0]).name;
    const message = assignmentMessage(rule, key, value);
    found.push({ rule, message, secret: value, start: valueStart, end: valueStart + value.length });
  }
}

/**
 * The ASSIGNMENT_PATTERN match whose operator is at `operator`, if the name before it holds a key word:
 * `key word`, up to 30 name characters, an optional quote, an optional `]` and up to 5 spaces, read
 * backwards.
 */
function assignmentEndingAt(text: string, operator: number): RegExpExecArray | undefined {
  let nameEnd = operator;
  while (nameEnd > 0 && operator - nameEnd < 5 && SPACE.test(text.charAt(nameEnd - 1))) nameEnd--;
  if (text.charAt(nameEnd - 1) === ']') nameEnd--;
  const quote = text.charAt(nameEnd - 1);
  if (quote === '"' || quote === "'") nameEnd--;
  let nameStart = nameEnd;
  while (nameStart > 0 && nameEnd - nameStart < LONGEST_NAME && KEY_CHAR.test(text.charAt(nameStart - 1)))
    nameStart--;
  if (nameStart === nameEnd) return undefined;
  const name = text.slice(nameStart, nameEnd);
  KEY_WORD_SCAN.lastIndex = 0;
  // The leftmost key word from which the whole pattern matches is the match a plain search would give.
  for (let word = KEY_WORD_SCAN.exec(name); word !== null; word = KEY_WORD_SCAN.exec(name)) {
    ASSIGNMENT_AT.lastIndex = nameStart + word.index;
    const match = ASSIGNMENT_AT.exec(text);
    if (match !== null) return match;
    KEY_WORD_SCAN.lastIndex = word.index + 1;
  }
  return undefined;
}

/**
 * True for a value that is code rather than data: the rest of a comparison (`===0?…`), a call, a generic or an
 * index (`babel7Compat(…`, `OAuth2Credential<…`), or a name built from a key word (`OpeningParenToken$1`,
 * `r.tokenizeBlocks`): generated secrets do not spell words like token or secret.
 */
function isCode(text: string, value: string, valueEnd: number): boolean {
  if (value.startsWith('=')) return true;
  const after = text.charAt(valueEnd);
  if (after === '(' || after === '<' || after === '[' || after === '{') return true;
  return KEY_WORD.test(value);
}

function overlapsToken(found: Found[], count: number, start: number, end: number): boolean {
  for (let index = 0; index < count; index++) {
    const token = found[index] as Found;
    if (token.start < end && start < token.end) return true;
  }
  return false;
}

function toFinding(found: Found, cursor: LineCursor, file: string | undefined): Finding {
  const start = cursor.locate(found.start);
  const end = cursor.locateEnd(found.start, found.end, start.line);
  const finding: Finding = {
    tool: SECRETS_TOOL,
    rule: found.rule.id,
    severity: found.rule.severity,
    message: found.message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    fix: found.rule.fix,
    fingerprint: fingerprintSecret(found.rule.id, found.secret),
  };
  if (file !== undefined) finding.file = file;
  if (found.rule.helpUri !== undefined) finding.helpUri = found.rule.helpUri;
  return finding;
}

/** The format rule whose alternative matched, and its secret if the rule's checks accept it. */
function extractFormat(
  text: string,
  match: RegExpExecArray,
): (ExtractedSecret & { rule: SecretRule }) | undefined {
  for (let index = 0; index < FORMAT_RULES.length; index++) {
    const matched = match[index + 1];
    if (matched === undefined) continue;
    const rule = FORMAT_RULES[index] as (typeof FORMAT_RULES)[number];
    const secret = rule.extract(text, match.index, matched);
    return secret === undefined ? undefined : { ...secret, rule };
  }
  return undefined;
}

/** The whole name a key word sits in (`DD_API_KEY` around `API_KEY`), and where it starts. */
function keyName(text: string, keywordStart: number, assignment: string): { name: string; start: number } {
  let start = keywordStart;
  while (start > 0 && keywordStart - start < 40 && KEY_CHAR.test(text.charAt(start - 1))) start--;
  return { name: text.slice(start, keywordStart) + (KEY_HEAD.exec(assignment)?.[0] ?? ''), start };
}

/**
 * Which rule an assigned value falls under, or undefined when it is a placeholder, a reference or not random.
 * Most assignments the regex finds are not secrets (`password: process.env.DB_PASSWORD`), so the cheap
 * checks on the value come first and the context is read only for values shaped like a vendor's key.
 */
function classifyAssignment(
  text: string,
  keywordStart: number,
  assignment: string,
  value: string,
): SecretRule | undefined {
  const awsShaped = AWS_SECRET_VALUE.test(value) && !HEX_ONLY.test(value);
  const datadogShaped = HEX_32.test(value) || HEX_40.test(value);
  if (awsShaped || datadogShaped) {
    const vendor = vendorOf(text, keyName(text, keywordStart, assignment));
    if (vendor === 'aws' && awsShaped) {
      return value.includes('EXAMPLE') || isPlaceholderToken(value) ? undefined : AWS_SECRET_RULE;
    }
    if (vendor === 'datadog' && datadogShaped) {
      if (isPlaceholderToken(value)) return undefined;
      return value.length === 32 ? DATADOG_API_KEY_RULE : DATADOG_APP_KEY_RULE;
    }
  }
  if (isPlaceholderValue(value) || !isRandomLooking(value)) return undefined;
  return GENERIC_SECRET_RULE;
}

/**
 * Whose key the assignment holds, by the name it is assigned to or else by the nearest vendor word in the
 * lines just before (`datadog:` above `  api_key: …`).
 */
function vendorOf(text: string, key: { name: string; start: number }): 'aws' | 'datadog' | undefined {
  if (DATADOG_CONTEXT.test(key.name)) return 'datadog';
  if (AWS_CONTEXT.test(key.name)) return 'aws';
  const before = text.slice(Math.max(0, key.start - CONTEXT_CHARS), key.start);
  const datadog = lastIndexOf(DATADOG_WORDS, before);
  // `aws:` above `  secret_key: …`: the name must still say secret.
  const aws = SECRET_WORD.test(key.name) ? lastIndexOf(AWS_WORDS, before) : -1;
  if (datadog === -1 && aws === -1) return undefined;
  return datadog > aws ? 'datadog' : 'aws';
}

function lastIndexOf(pattern: RegExp, text: string): number {
  let last = -1;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) last = match.index;
  return last;
}

function formatMessage(rule: SecretRule, found: ExtractedSecret): string {
  const what = found.description ?? rule.description;
  return `${capitalize(what)} (${found.preview ?? redactSecret(found.secret)}) is in plain text`;
}

function assignmentMessage(rule: SecretRule, key: string, value: string): string {
  if (rule === GENERIC_SECRET_RULE) {
    return `Possible secret: a high-entropy value (${redactSecret(value, MAX_GENERIC_PREVIEW_CHARS)}) is assigned to '${key}'`;
  }
  return `${capitalize(rule.description)} (${redactSecret(value)}) is assigned to '${key}'`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
