// The allowlist file: secrets a team accepted for a reason and until a date, and what happens when it lapses.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, InputError, yamlProblem } from '@flowkit/core';
import type { Finding } from '@flowkit/findings';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { SECRETS_TOOL } from './detect.ts';
import { pathGlobToRegExp } from './glob.ts';
import { SECRET_RULES } from './rules.ts';

/** Where the allowlist lives unless an input says otherwise, relative to the repository root. */
export const DEFAULT_ALLOWLIST_PATH = '.github/flowkit-secrets-allowlist.yml';

/** Rule of the finding that says an allowlist entry has expired. */
export const EXPIRED_ENTRY_RULE = 'allowlist-entry-expired';
/** Rule of the note that says an allowlist entry matched nothing. */
export const STALE_ENTRY_RULE = 'allowlist-entry-stale';

/**
 * One accepted secret or group of them. Every field given must match a finding for the entry to suppress it;
 * at least `fingerprint` or `path` is required, so no entry silences a rule everywhere.
 */
export interface AllowlistEntry {
  /** A rule id (`github-pat`, `generic-secret`…). */
  rule?: string;
  /** A glob over repository paths (`test/fixtures/**`, `*.pem`); see pathGlobToRegExp. */
  path?: string;
  /** A finding's fingerprint: sha256 hex of the rule and the secret, as the finding shows it. */
  fingerprint?: string;
  /** Why this is acceptable; shown beside what it suppresses. */
  reason: string;
  /** The last day (YYYY-MM-DD) the entry holds; after it, it suppresses nothing and the run fails. */
  expires: string;
  /** Where the entry starts in the file. */
  line: number;
}

/** A parsed allowlist file. */
export interface Allowlist {
  /** Its path as messages name it (relative to the repository root). */
  file: string;
  entries: AllowlistEntry[];
}

/** A finding an allowlist entry suppressed. */
export interface SuppressedFinding {
  finding: Finding;
  entry: AllowlistEntry;
}

/** Findings after the allowlist, and what the allowlist did. */
export interface AllowlistOutcome {
  /**
   * Findings still standing, plus an error for each expired entry and, when asked for, a note for each entry
   * that matched nothing.
   */
  findings: Finding[];
  suppressed: SuppressedFinding[];
  expired: AllowlistEntry[];
  stale: AllowlistEntry[];
}

const KEYS = ['rule', 'path', 'fingerprint', 'reason', 'expires'];
const RULE_IDS = SECRET_RULES.map((rule) => rule.id);
const FINGERPRINT = /^[0-9a-f]{64}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads the allowlist at `path` (relative to `root`; default DEFAULT_ALLOWLIST_PATH). A missing default file
 * is an empty allowlist; a missing file the user named (`input`) is an InputError.
 */
export async function loadAllowlist(root: string, path?: string, input = 'allowlist'): Promise<Allowlist> {
  const file = path ?? DEFAULT_ALLOWLIST_PATH;
  let text: string;
  try {
    text = await readFile(join(root, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (path === undefined) return { file, entries: [] };
    throw new InputError(
      input,
      `names '${file}', which does not exist`,
      `Create it, or remove the input to use ${DEFAULT_ALLOWLIST_PATH} when it exists.`,
    );
  }
  return parseAllowlist(text, file);
}

/**
 * Validates allowlist text: a YAML list of entries (or a mapping whose `allow` key holds the list). Throws a
 * ConfigError naming the file, the line, the entry's field and what was expected.
 */
export function parseAllowlist(text: string, file: string): Allowlist {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  const [syntax] = doc.errors;
  if (syntax !== undefined) {
    throw new ConfigError(
      file,
      '',
      `not valid YAML: ${yamlProblem(syntax.message)}`,
      syntax.linePos?.[0].line,
    );
  }
  const lineOf = (node: unknown): number | undefined => {
    const range = (node as Node | null)?.range;
    return range ? lines.linePos(range[0]).line : undefined;
  };
  let list: unknown = doc.contents;
  let prefix = '';
  if (list === null) return { file, entries: [] };
  if (isMap(list)) {
    const allow = list.items.find((pair) => isScalar(pair.key) && pair.key.value === 'allow');
    const other = list.items.find((pair) => !(isScalar(pair.key) && pair.key.value === 'allow'));
    if (other !== undefined || allow === undefined) {
      throw new ConfigError(
        file,
        '',
        "expected a list of entries (or a mapping with just 'allow:' holding the list)",
        lineOf(other?.key ?? list),
      );
    }
    list = allow.value;
    prefix = 'allow';
    if (list === null || (isScalar(list) && list.value === null)) return { file, entries: [] };
  }
  if (!isSeq(list)) {
    throw new ConfigError(
      file,
      prefix,
      'expected a list of entries, each like { path: "test/fixtures/**", reason: "…", expires: 2026-12-31 }',
      lineOf(list),
    );
  }
  const entries = list.items.map((item, index) => parseEntry(item, `${prefix}[${index}]`, file, lineOf));
  return { file, entries };
}

function parseEntry(
  item: unknown,
  path: string,
  file: string,
  lineOf: (node: unknown) => number | undefined,
): AllowlistEntry {
  const line = lineOf(item) ?? 1;
  if (!isMap(item)) {
    throw new ConfigError(file, path, `expected an entry with ${KEYS.join(', ')}`, line);
  }
  const fields: Record<string, string> = {};
  for (const pair of item.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const at = `${path}.${key}`;
    if (!KEYS.includes(key)) {
      throw new ConfigError(
        file,
        at,
        `unknown key '${key}'; expected one of: ${KEYS.join(', ')}`,
        lineOf(pair.key),
      );
    }
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      throw new ConfigError(
        file,
        at,
        `expected ${describeField(key)}`,
        lineOf(pair.value) ?? lineOf(pair.key),
      );
    }
    fields[key] = value.trim();
    checkField(key, fields[key] as string, file, at, lineOf(pair.value));
  }
  for (const key of ['reason', 'expires']) {
    if (fields[key] === undefined) {
      throw new ConfigError(file, path, `missing required key '${key}' (${describeField(key)})`, line);
    }
  }
  if (fields.fingerprint === undefined && fields.path === undefined) {
    throw new ConfigError(
      file,
      path,
      "needs a 'fingerprint' (from the finding) or a 'path' glob, so that no entry silences a rule everywhere",
      line,
    );
  }
  const entry: AllowlistEntry = { reason: fields.reason as string, expires: fields.expires as string, line };
  if (fields.rule !== undefined) entry.rule = fields.rule;
  if (fields.path !== undefined) entry.path = fields.path;
  if (fields.fingerprint !== undefined) entry.fingerprint = fields.fingerprint.toLowerCase();
  return entry;
}

function describeField(key: string): string {
  switch (key) {
    case 'rule':
      return `a rule id, one of: ${RULE_IDS.join(', ')}`;
    case 'path':
      return 'a glob over repository paths, like test/fixtures/** or *.pem';
    case 'fingerprint':
      return "a finding's fingerprint: 64 hex digits";
    case 'reason':
      return 'a sentence saying why this secret is acceptable';
    default:
      return 'the last day the entry holds, written YYYY-MM-DD';
  }
}

function checkField(key: string, value: string, file: string, at: string, line: number | undefined): void {
  const fail = (problem: string) => {
    throw new ConfigError(file, at, problem, line);
  };
  if (key === 'rule' && !RULE_IDS.includes(value)) {
    fail(`unknown rule '${value}'; expected ${describeField('rule')}`);
  }
  if (key === 'fingerprint' && !FINGERPRINT.test(value)) {
    // Never echo the value: a common mistake is pasting the secret itself here.
    fail(
      `expected ${describeField('fingerprint')}, got ${value.length} characters (never the secret itself)`,
    );
  }
  if (key === 'expires' && !isCalendarDate(value)) {
    fail(`expected ${describeField('expires')}, got ${JSON.stringify(value.slice(0, 40))}`);
  }
  if (key === 'path') {
    try {
      pathGlobToRegExp(value);
    } catch {
      fail(`expected ${describeField('path')}, got ${JSON.stringify(value)}`);
    }
  }
}

function isCalendarDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Today's date in UTC, YYYY-MM-DD: the default for `applyAllowlist`'s `today`. */
export function utcToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** True when the entry matches the finding on every field it gives. */
export function allowlistEntryMatches(entry: AllowlistEntry, finding: Finding): boolean {
  if (entry.rule !== undefined && entry.rule !== finding.rule) return false;
  if (entry.fingerprint !== undefined && entry.fingerprint !== finding.fingerprint) return false;
  if (
    entry.path !== undefined &&
    (finding.file === undefined || !pathGlobToRegExp(entry.path).test(finding.file))
  ) {
    return false;
  }
  return true;
}

/**
 * Applies the allowlist to secret findings. An entry past its `expires` date (compared with `today`,
 * YYYY-MM-DD) suppresses nothing and becomes an error finding that names it; with `reportStale`, an entry
 * that suppressed nothing becomes a note (leave it off for diff scans, which see only the changed lines).
 */
export function applyAllowlist(
  findings: readonly Finding[],
  allowlist: Allowlist,
  options: { today?: string; reportStale?: boolean } = {},
): AllowlistOutcome {
  const today = options.today ?? utcToday();
  const expired = allowlist.entries.filter((entry) => entry.expires < today);
  const active = allowlist.entries.filter((entry) => entry.expires >= today);
  const used = new Set<AllowlistEntry>();
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    const entry =
      finding.tool === SECRETS_TOOL
        ? active.find((candidate) => allowlistEntryMatches(candidate, finding))
        : undefined;
    if (entry === undefined) {
      kept.push(finding);
    } else {
      used.add(entry);
      suppressed.push({ finding, entry });
    }
  }
  const stale = options.reportStale ? active.filter((entry) => !used.has(entry)) : [];
  for (const entry of expired) {
    kept.push({
      tool: SECRETS_TOOL,
      rule: EXPIRED_ENTRY_RULE,
      severity: 'error',
      message: `Allowlist entry ${describeAllowlistEntry(entry)} expired on ${entry.expires} and no longer suppresses findings (its reason: ${entry.reason})`,
      file: allowlist.file,
      line: entry.line,
      fix: 'Renew it with a later expires date if the reason still holds, or remove it and deal with what it covered.',
    });
  }
  for (const entry of stale) {
    kept.push({
      tool: SECRETS_TOOL,
      rule: STALE_ENTRY_RULE,
      severity: 'note',
      message: `Allowlist entry ${describeAllowlistEntry(entry)} matched no finding in this scan`,
      file: allowlist.file,
      line: entry.line,
      fix: 'Remove it if the secret it covered is gone.',
    });
  }
  return { findings: kept, suppressed, expired, stale };
}

/** How messages name an entry: its line and the fields that select (a fingerprint shortened, it is long). */
export function describeAllowlistEntry(entry: AllowlistEntry): string {
  const parts: string[] = [];
  if (entry.rule !== undefined) parts.push(`rule ${entry.rule}`);
  if (entry.path !== undefined) parts.push(`path ${entry.path}`);
  if (entry.fingerprint !== undefined) parts.push(`fingerprint ${entry.fingerprint.slice(0, 12)}…`);
  return `at line ${entry.line} (${parts.join(', ')})`;
}
