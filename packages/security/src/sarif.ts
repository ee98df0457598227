// SARIF 2.1.0 for the security scan: other scanners' logs in, a pass/fail policy, one log out to code scanning.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type Clock, InputError, type Logger, silentLogger, systemClock } from '@flowkit/core';
import { atLeast, compareFindings, type Finding, type Severity } from '@flowkit/findings';
import { type GitHubClient, GitHubError, type Repo } from '@flowkit/github';

// --- The parts of SARIF 2.1.0 that are read and written (docs.oasis-open.org/sarif/sarif/v2.1.0) --------------

/** A SARIF log: the version and one run per tool. */
export interface SarifLog {
  $schema?: string;
  version: string;
  runs: SarifRun[];
}

/** One analysis by one tool. */
export interface SarifRun {
  tool: { driver: SarifToolComponent; extensions?: SarifToolComponent[] };
  results?: SarifResult[];
  /** `id` is `<category>/<run id>`: code scanning keeps one analysis per tool and category. */
  automationDetails?: { id?: string };
  /** Where each `uriBaseId` points, e.g. `{ "%SRCROOT%": { "uri": "file:///work/repo/" } }`. */
  originalUriBaseIds?: Record<string, SarifArtifactLocation>;
  artifacts?: { location?: SarifArtifactLocation }[];
  invocations?: { workingDirectory?: { uri?: string } }[];
  columnKind?: string;
  [property: string]: unknown;
}

/** The tool (its driver) or a plug-in of it (CodeQL's query packs are `extensions`). */
export interface SarifToolComponent {
  name: string;
  version?: string;
  semanticVersion?: string;
  informationUri?: string;
  rules?: SarifRule[];
  [property: string]: unknown;
}

/** A rule (`reportingDescriptor`). */
export interface SarifRule {
  id: string;
  name?: string;
  shortDescription?: { text?: string };
  fullDescription?: { text?: string };
  help?: { text?: string; markdown?: string };
  helpUri?: string;
  defaultConfiguration?: { level?: string };
  messageStrings?: Record<string, { text?: string }>;
  /** `security-severity` (a number as a string, 0.1–10) and `tags`, among others. */
  properties?: Record<string, unknown>;
  [property: string]: unknown;
}

/** A file location; `uri` relative to `uriBaseId`, or absolute. */
export interface SarifArtifactLocation {
  uri?: string;
  uriBaseId?: string;
  index?: number;
}

/** One result. */
export interface SarifResult {
  ruleId?: string;
  ruleIndex?: number;
  rule?: { id?: string; index?: number; toolComponent?: { index?: number; name?: string } };
  level?: string;
  message?: { text?: string; markdown?: string; id?: string; arguments?: string[] };
  locations?: {
    physicalLocation?: {
      artifactLocation?: SarifArtifactLocation;
      region?: { startLine?: number; startColumn?: number; endLine?: number; endColumn?: number };
    };
  }[];
  fingerprints?: Record<string, string>;
  partialFingerprints?: Record<string, string>;
  properties?: Record<string, unknown>;
  fixes?: { description?: { text?: string } }[];
  [property: string]: unknown;
}

// --- Reading ------------------------------------------------------------------------------------------------

/** How to read a SARIF log. */
export interface SarifReadOptions {
  /**
   * The absolute path of the checkout the scan ran in: `file://` URIs and absolute paths under it become
   * repository paths (OSV-Scanner writes absolute `file://` URIs, Trivy a `ROOTPATH` base).
   */
  root?: string;
}

const SARIF_INPUT = 'sarif';

/**
 * Reads a SARIF 2.1.0 log into findings: one per result, with the tool's name (`runs[].tool.driver.name`), the rule,
 * a severity from `properties.security-severity` where the rule has one (as GitHub ranks it) or else the result's or
 * rule's `level`, the first location as a repository path, and a fingerprint that survives line moves. `file` names
 * the log in errors. Throws InputError (input `sarif`) for text that is not JSON, a version other than 2.1.0, or a log
 * without runs.
 */
export function parseSarif(text: string, file: string, options: SarifReadOptions = {}): Finding[] {
  let log: unknown;
  try {
    log = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(
      SARIF_INPUT,
      `names ${file}, which is not JSON (${(error as Error).message})`,
      'Point it at the SARIF file the scanner wrote (e.g. `trivy fs --format sarif --output trivy.sarif .`), not at its log or table output.',
    );
  }
  if (!isRecord(log)) {
    throw new InputError(SARIF_INPUT, `names ${file}, which holds no SARIF log object`, SARIF_FIX);
  }
  if (log.version !== '2.1.0') {
    throw new InputError(
      SARIF_INPUT,
      `names ${file}, which is SARIF version ${JSON.stringify(log.version ?? null)}, not "2.1.0"`,
      'Have the scanner write SARIF 2.1.0, the only version GitHub code scanning accepts.',
    );
  }
  if (!Array.isArray(log.runs) || log.runs.length === 0) {
    throw new InputError(SARIF_INPUT, `names ${file}, which has no runs`, SARIF_FIX);
  }
  const findings: Finding[] = [];
  log.runs.forEach((run: unknown, index) => {
    const driver = isRecord(run) && isRecord(run.tool) ? run.tool.driver : undefined;
    if (!isRecord(driver) || typeof driver.name !== 'string' || driver.name === '') {
      throw new InputError(
        SARIF_INPUT,
        `names ${file}, whose runs[${index}] has no tool.driver.name`,
        SARIF_FIX,
      );
    }
    const sarifRun = run as SarifRun;
    for (const result of Array.isArray(sarifRun.results) ? sarifRun.results : []) {
      if (isRecord(result)) findings.push(resultToFinding(sarifRun, result as SarifResult, options));
    }
  });
  return findings;
}

const SARIF_FIX = 'Point it at a SARIF 2.1.0 log with at least one run, as the scanner writes it.';

/** Reads a SARIF file from disk (see `parseSarif`); a missing file is an InputError too. */
export async function readSarifFile(path: string, options: SarifReadOptions = {}): Promise<Finding[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      SARIF_INPUT,
      code === 'ENOENT'
        ? `names ${path}, which does not exist`
        : `names ${path}, which cannot be read (${code})`,
      'Check the path, and that the scanner step ran before this one and wrote its SARIF there.',
    );
  }
  return parseSarif(text, path, options);
}

function resultToFinding(run: SarifRun, result: SarifResult, options: SarifReadOptions): Finding {
  const tool = run.tool.driver.name;
  const rule = ruleOf(run, result);
  const ruleId = result.ruleId ?? result.rule?.id ?? rule?.id ?? 'unknown';
  const physical = result.locations?.[0]?.physicalLocation;
  const artifact = artifactOf(run, physical?.artifactLocation);
  const file = artifact === undefined ? undefined : repositoryPath(run, artifact, options.root);
  const region = physical?.region ?? {};
  const finding: Finding = {
    tool,
    rule: ruleId,
    severity: severityOf(result, rule),
    message: messageOf(result, rule, ruleId),
  };
  if (file !== undefined) finding.file = file;
  for (const [key, value] of [
    ['line', region.startLine],
    ['column', region.startColumn],
    ['endLine', region.endLine],
    ['endColumn', region.endColumn],
  ] as const) {
    if (Number.isInteger(value) && (value as number) > 0) finding[key] = value as number;
  }
  const fix = result.fixes?.find((candidate) => candidate.description?.text)?.description?.text;
  if (fix !== undefined) finding.fix = fix;
  if (typeof rule?.helpUri === 'string') finding.helpUri = rule.helpUri;
  finding.fingerprint = resultFingerprint(tool, ruleId, finding, result);
  return finding;
}

/**
 * The rule of a result: CodeQL keeps its rules in `tool.extensions` (one per query pack) and points at them with
 * `rule.toolComponent` and `rule.index`; Trivy and OSV-Scanner give `ruleIndex` into the driver's rules; gitleaks
 * gives only `ruleId`.
 */
function ruleOf(run: SarifRun, result: SarifResult): SarifRule | undefined {
  const components = [run.tool.driver, ...(run.tool.extensions ?? [])];
  const reference = result.rule?.toolComponent;
  let component: SarifToolComponent | undefined = run.tool.driver;
  if (reference?.index !== undefined) component = run.tool.extensions?.[reference.index];
  else if (reference?.name !== undefined) component = components.find((c) => c.name === reference.name);
  const id = result.ruleId ?? result.rule?.id;
  const index = result.rule?.index ?? result.ruleIndex;
  const indexed = index === undefined ? undefined : component?.rules?.[index];
  // A hierarchical ruleId ('a/b/c') may name a rule 'a/b'.
  if (indexed !== undefined && (id === undefined || id === indexed.id || id.startsWith(`${indexed.id}/`))) {
    return indexed;
  }
  if (id === undefined) return undefined;
  const segments = id.split('/');
  for (let length = segments.length; length > 0; length--) {
    const wanted = segments.slice(0, length).join('/');
    for (const candidate of [component, ...components]) {
      const found = candidate?.rules?.find((rule) => rule.id === wanted);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * GitHub ranks results of rules with a `security-severity` by it: over 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium,
 * 0.1–3.9 low (docs.github.com/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning).
 * Critical and high are errors, medium warnings, low notes. Without one, the result's `level`, else the rule's
 * default level, else SARIF's default, warning; `none` is a note.
 */
function severityOf(result: SarifResult, rule: SarifRule | undefined): Severity {
  const score = Number(result.properties?.['security-severity'] ?? rule?.properties?.['security-severity']);
  if (Number.isFinite(score) && score > 0 && score <= 10) {
    return score >= 7 ? 'error' : score >= 4 ? 'warning' : 'note';
  }
  const level = result.level ?? rule?.defaultConfiguration?.level ?? 'warning';
  return level === 'error' ? 'error' : level === 'warning' ? 'warning' : 'note';
}

function messageOf(result: SarifResult, rule: SarifRule | undefined, ruleId: string): string {
  const message = result.message ?? {};
  let text = message.text ?? message.markdown;
  if (text === undefined && message.id !== undefined) {
    const template = rule?.messageStrings?.[message.id]?.text;
    text = template?.replace(/\{(\d+)\}/g, (whole, n: string) => message.arguments?.[Number(n)] ?? whole);
  }
  text ??= rule?.shortDescription?.text ?? ruleId;
  // CodeQL links related locations as [text](1): the text is the message.
  return text.replace(/\[([^\]]+)\]\(\d+\)/g, '$1').trim();
}

function artifactOf(
  run: SarifRun,
  location: SarifArtifactLocation | undefined,
): SarifArtifactLocation | undefined {
  if (location === undefined) return undefined;
  if (location.uri !== undefined || location.index === undefined) return location;
  return run.artifacts?.[location.index]?.location;
}

/**
 * A location as a path in the repository. Relative URIs are relative to the repository (GitHub reads them so),
 * unless their `uriBaseId` points elsewhere under `root`; absolute ones (`file://` URIs, as OSV-Scanner writes)
 * are made relative to `root`, else to the run's working directory, else kept.
 */
function repositoryPath(
  run: SarifRun,
  location: SarifArtifactLocation,
  root: string | undefined,
): string | undefined {
  if (location.uri === undefined || location.uri === '') return undefined;
  const uri = decode(location.uri);
  let absolute = absolutePath(uri);
  if (absolute === undefined && location.uriBaseId !== undefined) {
    const base = baseDirectory(run, location.uriBaseId, 0);
    if (base !== undefined) absolute = posix.join(base, uri);
  }
  if (absolute === undefined) return clean(uri);
  const workingDirectory = run.invocations?.[0]?.workingDirectory?.uri;
  for (const candidate of [
    root,
    workingDirectory === undefined ? undefined : absolutePath(decode(workingDirectory)),
  ]) {
    if (candidate === undefined) continue;
    const inside = posix.relative(candidate.replace(/\\/g, '/'), absolute);
    if (inside !== '' && !inside.startsWith('../') && !posix.isAbsolute(inside)) return inside;
  }
  // A base outside the checkout (another machine's path) still names a place relative to the repository.
  return absolutePath(uri) === undefined ? clean(uri) : absolute;
}

/** The directory a uriBaseId stands for, following bases of bases; undefined when the log does not say. */
function baseDirectory(run: SarifRun, id: string, depth: number): string | undefined {
  const base = run.originalUriBaseIds?.[id];
  if (base?.uri === undefined || depth > 5) return undefined;
  const uri = decode(base.uri);
  const absolute = absolutePath(uri);
  if (absolute !== undefined) return absolute;
  const parent = base.uriBaseId === undefined ? undefined : baseDirectory(run, base.uriBaseId, depth + 1);
  return parent === undefined ? undefined : posix.join(parent, uri);
}

function absolutePath(uri: string): string | undefined {
  if (/^file:/i.test(uri)) {
    try {
      return fileURLToPath(uri.replace(/%(?![0-9a-f]{2})/gi, '%25'));
    } catch {
      return uri.replace(/^file:\/\//i, '');
    }
  }
  return uri.startsWith('/') ? uri : undefined;
}

function decode(uri: string): string {
  if (/^file:/i.test(uri)) return uri;
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

function clean(path: string): string {
  return posix.normalize(path.replace(/\\/g, '/')).replace(/^(\.\/)+/, '');
}

/** The key of `fingerprints` under which Flowkit writes a finding's fingerprint. */
const FLOWKIT_FINGERPRINT = 'flowkit/v1';

/**
 * What identifies a result across runs: the tool's own `fingerprints`, else code scanning's
 * `primaryLocationLineHash` (CodeQL's, which follows the code when lines move), else the other partial fingerprints
 * (gitleaks' commit, author and date) with the place, else the rule, file and message (Trivy's and OSV-Scanner's
 * messages name the package and version).
 */
function resultFingerprint(tool: string, rule: string, finding: Finding, result: SarifResult): string {
  // A log Flowkit wrote carries the finding's own fingerprint: read back, it matches the finding it came from.
  const flowkit = result.fingerprints?.[FLOWKIT_FINGERPRINT];
  if (typeof flowkit === 'string') return flowkit;
  const own = firstValue(result.fingerprints);
  const lineHash = result.partialFingerprints?.primaryLocationLineHash;
  let identity: string;
  if (own !== undefined) identity = `fingerprint:${own}`;
  else if (lineHash !== undefined) identity = `line-hash:${finding.file ?? ''}:${lineHash}`;
  else if (result.partialFingerprints && Object.keys(result.partialFingerprints).length > 0) {
    identity = `partial:${finding.file ?? ''}:${finding.line ?? ''}:${stableJson(result.partialFingerprints)}`;
  } else identity = `content:${finding.file ?? ''}:${finding.message}`;
  return digest([tool, rule, identity]);
}

function firstValue(record: Record<string, string> | undefined): string | undefined {
  if (!isRecord(record)) return undefined;
  const [key] = Object.keys(record).sort();
  return key === undefined ? undefined : String(record[key]);
}

function stableJson(record: Record<string, string>): string {
  return JSON.stringify(
    Object.keys(record)
      .sort()
      .map((key) => [key, record[key]]),
  );
}

function digest(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 32);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// --- Policy -------------------------------------------------------------------------------------------------

/**
 * What identifies a finding across runs: its own fingerprint, else one made from the tool, rule, file and
 * message (never the line, which moves).
 */
export function findingFingerprint(finding: Finding): string {
  return finding.fingerprint ?? digest([finding.tool, finding.rule, finding.file ?? '', finding.message]);
}

/**
 * The findings that the base (its findings, or their fingerprints) does not have. Counted, not just matched: a base
 * with one finding of a fingerprint and a head with two has one new one.
 */
export function newFindings(findings: readonly Finding[], base: readonly (Finding | string)[]): Finding[] {
  const known = new Map<string, number>();
  for (const item of base) {
    const fingerprint = typeof item === 'string' ? item : findingFingerprint(item);
    known.set(fingerprint, (known.get(fingerprint) ?? 0) + 1);
  }
  return findings.filter((finding) => {
    const fingerprint = findingFingerprint(finding);
    const left = known.get(fingerprint) ?? 0;
    if (left === 0) return true;
    known.set(fingerprint, left - 1);
    return false;
  });
}

/** When the scan fails. */
export interface SecurityPolicy {
  /** Fail on any finding at or above this severity (error ≥ warning ≥ note). */
  failOn: Severity;
  /** On a pull request: the base's findings or fingerprints; only findings new against them can fail the scan. */
  base?: readonly (Finding | string)[];
}

/** The policy's decision, with the findings behind it. */
export interface PolicyVerdict {
  failed: boolean;
  /** The findings that fail the scan, worst first. */
  blocking: Finding[];
  /** Findings at or above the threshold the base already had: reported, not failing. */
  preexisting: Finding[];
  /** One sentence with the numbers, for the job summary. */
  explanation: string;
}

/** Applies the policy to the findings of every tool. */
export function evaluatePolicy(findings: readonly Finding[], policy: SecurityPolicy): PolicyVerdict {
  const serious = findings.filter((finding) => atLeast(finding.severity, policy.failOn));
  const blocking = (policy.base === undefined ? serious : newFindings(serious, policy.base)).sort(
    compareFindings,
  );
  const blockingSet = new Set(blocking);
  const preexisting = serious.filter((finding) => !blockingSet.has(finding)).sort(compareFindings);
  const at = `at or above ${policy.failOn}`;
  const tools = new Set(findings.map((finding) => finding.tool)).size;
  const found = `${findings.length} finding(s) from ${tools} tool(s), ${serious.length} ${at}`;
  const explanation =
    blocking.length === 0
      ? policy.base === undefined
        ? `Passed: ${found}.`
        : `Passed: ${found}, none new against the base (${preexisting.length} already there).`
      : policy.base === undefined
        ? `Failed: ${found}.`
        : `Failed: ${found}, ${blocking.length} of them new against the base (${preexisting.length} already there).`;
  return { failed: blocking.length > 0, blocking, preexisting, explanation };
}

// --- Writing ------------------------------------------------------------------------------------------------

/** What code scanning accepts in one upload. */
export interface SarifLimits {
  /** Runs per file: 20. */
  maxRuns: number;
  /** Results per run: 25,000 (only the top 5,000 by severity are shown). */
  maxResultsPerRun: number;
  /** The gzip-compressed log: 10 MB. */
  maxGzippedBytes: number;
}

/**
 * GitHub's limits for a SARIF upload (docs.github.com/rest/code-scanning/code-scanning#upload-an-analysis-as-sarif-data
 * and .../sarif-support-for-code-scanning#validating-your-sarif-file). "10 MB" is read as 10,000,000 bytes, the
 * stricter of its two readings.
 */
export const SARIF_UPLOAD_LIMITS: Readonly<SarifLimits> = {
  maxRuns: 20,
  maxResultsPerRun: 25_000,
  maxGzippedBytes: 10_000_000,
};

/** How to write the log. */
export interface SarifWriteOptions {
  /**
   * Every tool that ran. A tool with no findings still gets a run with no results, which closes its alerts from
   * earlier analyses.
   */
  tools?: readonly string[];
  /** The start of each run's category; default 'flowkit', giving `flowkit/<tool>/`. */
  categoryPrefix?: string;
  /** Default `SARIF_UPLOAD_LIMITS`. */
  limits?: Partial<SarifLimits>;
}

/** Findings left out of the log, and why. */
export interface SarifDrop {
  tool: string;
  count: number;
  reason: 'no-file' | 'too-many-runs' | 'too-many-results' | 'too-large';
}

/** The written log, as JSON and gzipped for upload, with what had to be left out. */
export interface WrittenSarif {
  log: SarifLog;
  text: string;
  gzipped: Buffer;
  dropped: SarifDrop[];
  /** One sentence per drop, for the job summary. */
  notes: string[];
}

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SEVERITY_RANK: Record<Severity | 'none', number> = { error: 0, warning: 1, note: 2, none: 3 };

/**
 * Writes findings as SARIF 2.1.0 for code scanning: one run per tool, each with its own category in
 * `runs[].automationDetails.id` (`flowkit/<tool>/`), because since July 2025 code scanning rejects a delivery in
 * which several runs share a category (github.blog/changelog/2025-07-21-code-scanning-will-stop-combining-multiple-sarif-runs-uploaded-in-the-same-sarif-file).
 * Within GitHub's limits: at most 20 runs (the tools with the worst findings are kept), 25,000 results per run and
 * 10 MB gzipped (the worst findings are kept); what is dropped is counted in `dropped` and `notes`. Findings without
 * a file are left out: code scanning shows only results in a file.
 */
export function writeSarif(findings: readonly Finding[], options: SarifWriteOptions = {}): WrittenSarif {
  const limits = { ...SARIF_UPLOAD_LIMITS, ...options.limits };
  const dropped: SarifDrop[] = [];
  const drop = (tool: string, count: number, reason: SarifDrop['reason']) => {
    if (count > 0) dropped.push({ tool, count, reason });
  };
  const byTool = new Map<string, Finding[]>();
  for (const tool of options.tools ?? []) byTool.set(tool, []);
  for (const finding of findings) {
    const list = byTool.get(finding.tool) ?? [];
    list.push(finding);
    byTool.set(finding.tool, list);
  }
  for (const [tool, list] of byTool) {
    const located = list.filter((finding) => finding.file !== undefined && finding.file !== '');
    drop(tool, list.length - located.length, 'no-file');
    byTool.set(tool, located.sort(compareFindings));
  }
  // Keep the tools whose findings are worst: by their worst finding, then by how many they have.
  const rank = (tool: string) => SEVERITY_RANK[byTool.get(tool)?.[0]?.severity ?? 'none'];
  const count = (tool: string) => byTool.get(tool)?.length ?? 0;
  const tools = [...byTool.keys()].sort(
    (a, b) => rank(a) - rank(b) || count(b) - count(a) || a.localeCompare(b),
  );
  for (const tool of tools.slice(limits.maxRuns)) drop(tool, byTool.get(tool)?.length ?? 0, 'too-many-runs');
  const kept = tools.slice(0, limits.maxRuns).sort((a, b) => a.localeCompare(b));
  const categories = categoriesFor(kept, options.categoryPrefix ?? 'flowkit');
  for (const tool of kept) {
    const list = byTool.get(tool) ?? [];
    drop(tool, list.length - limits.maxResultsPerRun, 'too-many-results');
    byTool.set(tool, list.slice(0, limits.maxResultsPerRun));
  }

  let log = buildLog(kept, byTool, categories);
  let text = JSON.stringify(log);
  let gzipped = gzipSync(text);
  // Too large: keep the worst findings of all tools, shrinking in proportion until the log fits.
  for (let attempt = 0; gzipped.length > limits.maxGzippedBytes; attempt++) {
    const all = kept.flatMap((tool) => byTool.get(tool) ?? []).sort(compareFindings);
    if (all.length === 0 || attempt > 30) {
      throw new Error(
        `The SARIF log is ${gzipped.length} bytes gzipped even with ${all.length} result(s); code scanning accepts ${limits.maxGzippedBytes}.`,
      );
    }
    const keep = Math.min(
      all.length - 1,
      Math.floor((all.length * limits.maxGzippedBytes * 0.9) / gzipped.length),
    );
    const survivors = new Set(all.slice(0, Math.max(0, keep)));
    for (const tool of kept) {
      const list = byTool.get(tool) ?? [];
      const remaining = list.filter((finding) => survivors.has(finding));
      drop(tool, list.length - remaining.length, 'too-large');
      byTool.set(tool, remaining);
    }
    log = buildLog(kept, byTool, categories);
    text = JSON.stringify(log);
    gzipped = gzipSync(text);
  }
  const merged = mergeDrops(dropped);
  return { log, text, gzipped, dropped: merged, notes: merged.map((d) => dropNote(d, limits)) };
}

/** Each tool's category, `<prefix>/<tool>/`, unique even when two tool names make the same slug. */
export function sarifCategories(tools: readonly string[], prefix = 'flowkit'): Map<string, string> {
  return categoriesFor(tools, prefix);
}

function categoriesFor(tools: readonly string[], prefix: string): Map<string, string> {
  const categories = new Map<string, string>();
  const used = new Set<string>();
  for (const tool of tools) {
    const slug =
      tool
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'tool';
    let category = `${prefix}/${slug}/`;
    for (let n = 2; used.has(category); n++) category = `${prefix}/${slug}-${n}/`;
    used.add(category);
    categories.set(tool, category);
  }
  return categories;
}

function buildLog(
  tools: readonly string[],
  byTool: ReadonlyMap<string, Finding[]>,
  categories: ReadonlyMap<string, string>,
): SarifLog {
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: tools.map((tool) =>
      buildRun(tool, byTool.get(tool) ?? [], categories.get(tool) ?? `flowkit/${tool}/`),
    ),
  };
}

function buildRun(tool: string, findings: readonly Finding[], category: string): SarifRun {
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  const results: SarifResult[] = findings.map((finding) => {
    let index = ruleIndex.get(finding.rule);
    if (index === undefined) {
      index = rules.length;
      ruleIndex.set(finding.rule, index);
      rules.push({
        id: finding.rule,
        name: finding.rule,
        shortDescription: { text: finding.rule },
        fullDescription: { text: finding.message.slice(0, 1024) },
        help: { text: finding.fix ?? finding.message },
        ...(finding.helpUri === undefined ? {} : { helpUri: finding.helpUri }),
        // Findings are sorted worst first, so the first of a rule has its worst level.
        defaultConfiguration: { level: finding.severity },
      });
    }
    const region: Record<string, number> = { startLine: finding.line ?? 1 };
    if (finding.column !== undefined) region.startColumn = finding.column;
    if (finding.endLine !== undefined) region.endLine = finding.endLine;
    if (finding.endColumn !== undefined) region.endColumn = finding.endColumn;
    return {
      ruleId: finding.rule,
      ruleIndex: index,
      level: finding.severity,
      message: {
        text: finding.fix === undefined ? finding.message : `${finding.message}\n\nFix: ${finding.fix}`,
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: {
              uri: (finding.file ?? '').split('/').map(encodeURIComponent).join('/'),
              uriBaseId: '%SRCROOT%',
            },
            region,
          },
        },
      ],
      // Code scanning matches alerts across analyses by primaryLocationLineHash only; `fingerprints` keeps the
      // finding's own, so reading the log back gives the same fingerprints.
      fingerprints: { [FLOWKIT_FINGERPRINT]: findingFingerprint(finding) },
      partialFingerprints: { primaryLocationLineHash: findingFingerprint(finding) },
    };
  });
  return {
    tool: { driver: { name: tool, rules } },
    automationDetails: { id: category },
    columnKind: 'utf16CodeUnits',
    results,
  };
}

function mergeDrops(drops: readonly SarifDrop[]): SarifDrop[] {
  const merged = new Map<string, SarifDrop>();
  for (const drop of drops) {
    const key = `${drop.tool}\0${drop.reason}`;
    const existing = merged.get(key);
    if (existing) existing.count += drop.count;
    else merged.set(key, { ...drop });
  }
  return [...merged.values()];
}

function dropNote(drop: SarifDrop, limits: SarifLimits): string {
  switch (drop.reason) {
    case 'no-file':
      return `${drop.count} ${drop.tool} finding(s) name no file, so they are in the summary but not in code scanning.`;
    case 'too-many-runs':
      return `${drop.tool}'s ${drop.count} finding(s) were left out of the upload: code scanning takes at most ${limits.maxRuns} tools (runs) per upload, and the others had worse findings.`;
    case 'too-many-results':
      return `${drop.count} of ${drop.tool}'s least severe findings were left out of the upload: code scanning takes at most ${limits.maxResultsPerRun} results per tool.`;
    case 'too-large':
      return `${drop.count} of ${drop.tool}'s least severe findings were left out of the upload to keep it under ${limits.maxGzippedBytes} bytes gzipped.`;
  }
}

// --- Uploading ----------------------------------------------------------------------------------------------

/** Where and how to upload. */
export interface SarifUploadOptions {
  client: GitHubClient;
  repo: Repo;
  /** The analysed commit: 40 hex digits (64 for SHA-256 repositories). */
  commitSha: string;
  /** `refs/heads/<branch>`, `refs/tags/<tag>`, or `refs/pull/<n>/merge` (`/head`) for a pull request. */
  ref: string;
  /**
   * The token cannot write: a pull request from a fork, or one Dependabot opened. The upload is skipped with a
   * notice instead of failing on GitHub's 403.
   */
  readOnlyToken?: boolean;
  /** The checkout the analysis ran in, as a file:// URI, for absolute URIs in the log. */
  checkoutUri?: string;
  clock?: Clock;
  log?: Logger;
  /** Polling for the processing result: first after `firstDelayMs` (2 s), then doubling to `maxDelayMs` (30 s), `maxPolls` times (8). */
  poll?: { firstDelayMs?: number; maxDelayMs?: number; maxPolls?: number };
}

/** How an upload ended. */
export type SarifUploadResult =
  | { status: 'skipped'; reason: string }
  | { status: 'complete'; sarifId: string; analysesUrl: string | undefined }
  | { status: 'failed'; sarifId: string; errors: string[] }
  | { status: 'pending'; sarifId: string; waitedMs: number };

/** GitHub refused the upload; the message says what to change. */
export class SarifUploadError extends Error {
  readonly status: number;

  constructor(message: string, status: number, cause: unknown) {
    super(message, { cause });
    this.name = 'SarifUploadError';
    this.status = status;
  }
}

/** The permissions an upload needs, as a workflow's `permissions:` grants them. */
export const SARIF_UPLOAD_PERMISSIONS =
  '`security-events: write` (and `actions: read` in private repositories)';

/**
 * Uploads a written log to code scanning (`POST /repos/{owner}/{repo}/code-scanning/sarifs`, gzip then Base64), then
 * polls `GET …/code-scanning/sarifs/{sarif_id}` with backoff until processing is complete or failed, or the polls run
 * out (then 'pending': GitHub goes on processing). A read-only token (fork pull requests) skips the upload; a 403
 * names the permission the workflow needs.
 */
export async function uploadSarif(
  written: Pick<WrittenSarif, 'gzipped'>,
  options: SarifUploadOptions,
): Promise<SarifUploadResult> {
  const { client, repo, clock = systemClock, log = silentLogger } = options;
  if (!/^([0-9a-f]{40}|[0-9a-f]{64})$/i.test(options.commitSha)) {
    throw new InputError(
      'sha',
      `"${options.commitSha}" is not a full commit SHA`,
      'Pass the 40-character SHA of the analysed commit (GITHUB_SHA).',
    );
  }
  if (!/^refs\/(heads|tags|pull)\/./.test(options.ref)) {
    throw new InputError(
      'ref',
      `"${options.ref}" is not a full Git ref`,
      'Pass refs/heads/<branch>, refs/tags/<tag> or refs/pull/<number>/merge (GITHUB_REF).',
    );
  }
  if (options.readOnlyToken) {
    const reason = `Not uploading SARIF to code scanning: this run's token is read-only (a pull request from a fork or by Dependabot), and uploading needs ${SARIF_UPLOAD_PERMISSIONS}. The findings are in the job summary.`;
    log.info(reason);
    return { status: 'skipped', reason };
  }
  let sarifId: string;
  try {
    const receipt = await client.uploadSarif(repo, {
      commit_sha: options.commitSha,
      ref: options.ref,
      sarif: written.gzipped.toString('base64'),
      ...(options.checkoutUri === undefined ? {} : { checkout_uri: options.checkoutUri }),
    });
    if (typeof receipt.id !== 'string')
      throw new Error('GitHub accepted the SARIF upload but returned no id');
    sarifId = receipt.id;
  } catch (error) {
    throw explainUploadError(error, repo);
  }
  log.info(`Uploaded SARIF to code scanning (id ${sarifId}); waiting for GitHub to process it.`);
  const { firstDelayMs = 2000, maxDelayMs = 30_000, maxPolls = 8 } = options.poll ?? {};
  let delay = firstDelayMs;
  let waitedMs = 0;
  for (let poll = 1; poll <= maxPolls; poll++) {
    await clock.sleep(delay);
    waitedMs += delay;
    const status = await client.getSarifUpload(repo, sarifId);
    if (status.processing_status === 'complete') {
      return { status: 'complete', sarifId, analysesUrl: status.analyses_url ?? undefined };
    }
    if (status.processing_status === 'failed') {
      const errors = [...(status.errors ?? [])];
      log.warning(`Code scanning could not process the SARIF upload ${sarifId}: ${errors.join('; ')}`);
      return { status: 'failed', sarifId, errors };
    }
    log.debug(
      `SARIF upload ${sarifId} is still ${status.processing_status ?? 'pending'} after ${waitedMs} ms`,
    );
    delay = Math.min(maxDelayMs, delay * 2);
  }
  log.warning(
    `SARIF upload ${sarifId} was still being processed after ${waitedMs} ms; GitHub will finish it on its own.`,
  );
  return { status: 'pending', sarifId, waitedMs };
}

function explainUploadError(error: unknown, repo: Repo): unknown {
  if (!(error instanceof GitHubError)) return error;
  const where = `${repo.owner}/${repo.repo}`;
  if (error.status === 403 && /not accessible by integration|permission/i.test(error.message)) {
    return new SarifUploadError(
      `Code scanning refused the SARIF upload to ${where} (403): the workflow's GITHUB_TOKEN needs ${SARIF_UPLOAD_PERMISSIONS}. Add them to the job's permissions:, e.g. \`permissions: { contents: read, security-events: write, actions: read }\`.`,
      403,
      error,
    );
  }
  if (error.status === 403) {
    return new SarifUploadError(
      `Code scanning refused the SARIF upload to ${where} (${error.message}): enable code scanning (GitHub Advanced Security for private repositories) in the repository's settings, or turn the upload off.`,
      403,
      error,
    );
  }
  if (error.status === 413) {
    return new SarifUploadError(
      `Code scanning refused the SARIF upload to ${where} as too large (${error.message}): it accepts ${SARIF_UPLOAD_LIMITS.maxGzippedBytes} bytes gzipped; write it with writeSarif, which keeps under the limit.`,
      413,
      error,
    );
  }
  return new SarifUploadError(
    `Code scanning refused the SARIF upload to ${where}: ${error.message}`,
    error.status,
    error,
  );
}
