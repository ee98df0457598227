// Audits a repository's own workflows and composite actions for the problems zizmor and OpenSSF Scorecard flag.
//
// Checks (rule ids follow zizmor's audit names where one exists, https://docs.zizmor.sh/audits/):
// - template-injection: `${{ }}` of text an outsider controls inside `run:` or actions/github-script's `script:`.
// - unpinned-uses / pin-without-version-comment: Scorecard's Pinned-Dependencies.
// - default-permissions / excessive-permissions: Scorecard's Token-Permissions, zizmor's excessive-permissions.
// - dangerous-triggers: pull_request_target / workflow_run checking out the pull request's code.
// - secrets-inherit and artipacked (persist-credentials), as zizmor names them.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Finding, Severity } from '@flowkit/findings';
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type Pair,
  parseDocument,
  type Scalar,
  type YAMLMap,
} from 'yaml';

/** The tool name on every finding of this module. */
export const WORKFLOW_AUDIT_TOOL = 'workflow-audit';

/** How strict the audit is. */
export interface WorkflowAuditOptions {
  /**
   * Owners whose actions may be referenced by tag (e.g. ['actions', 'github', 'my-org']). Default none: like
   * Scorecard's Pinned-Dependencies, every action must be pinned to a commit, first-party ones included.
   */
  trustedOwners?: readonly string[];
  /**
   * Directory names `auditRepository` does not search for action.yml files. Default `DEFAULT_SKIPPED_DIRECTORIES`:
   * dependencies, build output and test fixtures, whose actions nobody runs from this repository.
   */
  skipDirectories?: readonly string[];
}

/** Directories not searched for action.yml: node_modules, .git, dist, and test fixtures. */
export const DEFAULT_SKIPPED_DIRECTORIES: readonly string[] = [
  'node_modules',
  '.git',
  'dist',
  'fixtures',
  'testdata',
];

/**
 * `github.event` fields whose text whoever triggers the event writes: titles and bodies of issues, pull requests,
 * comments, reviews and discussions, commit messages and author names and emails, branch and label names, wiki
 * page names. Taken from the fields zizmor's context-capabilities table classes as "arbitrary" (emails as
 * "structured"; git does not check them) (github.com/zizmorcore/zizmor, crates/zizmor/data/context-capabilities.csv,
 * generated from GitHub's webhook schemas), keeping those an outsider writes free text into. Left out: logins
 * (GitHub limits them to letters, digits and '-'), ids, shas, numbers, timestamps and API URLs.
 */
const UNTRUSTED_EVENT_FIELDS = new Set([
  'title',
  'body',
  'message',
  'name',
  'email',
  'page_name',
  'ref',
  'head_ref',
  'base_ref',
  'label',
  'default_branch',
  'description',
  'display_title',
  'head_branch',
  'tag_name',
  'full_name',
]);

/**
 * Objects of the event payload that hold such fields: `toJSON(github.event.issue)` expands the title and body too.
 */
const UNTRUSTED_EVENT_OBJECTS = new Set([
  'event',
  'issue',
  'pull_request',
  'comment',
  'review',
  'review_comment',
  'discussion',
  'answer',
  'head_commit',
  'commits',
  'pages',
  'release',
  'workflow_run',
  'head',
  'base',
  'repo',
  'head_repository',
  'repository',
  'author',
  'committer',
  'pusher',
  'labels',
  'changes',
  'client_payload',
]);

/** Contexts outside `github.event` that an outsider writes: the branch name of a fork's pull request. */
const UNTRUSTED_GITHUB_CONTEXTS = new Set(['github.head_ref']);

/** Contexts the runner already exports as environment variables, so the fix needs no `env:`. */
const DEFAULT_ENV: Record<string, string> = {
  'github.head_ref': 'GITHUB_HEAD_REF',
  'github.base_ref': 'GITHUB_BASE_REF',
  'github.ref_name': 'GITHUB_REF_NAME',
};

/** Where expanded text runs, and how the fix reads the variable there. */
const SINKS = {
  run: {
    where: 'run:',
    language: 'shell script',
    syntax: 'quotes, $( ) and backticks',
    usage: (name: string) => `"$${name}"`,
  },
  powershell: {
    where: 'run:',
    language: 'PowerShell script',
    syntax: 'quotes, $( ) and semicolons',
    usage: (name: string) => `$env:${name}`,
  },
  script: {
    where: 'actions/github-script script:',
    language: 'JavaScript',
    syntax: 'quotes and backticks',
    usage: (name: string) => `process.env.${name}`,
  },
} as const;

/** Input types that cannot carry shell syntax (workflow_dispatch and workflow_call `type:`). */
const SAFE_INPUT_TYPES = new Set(['boolean', 'number', 'choice', 'environment']);

/** Triggers that run with the base repository's secrets and token on behalf of an outsider. */
const PRIVILEGED_PR_TRIGGERS = ['pull_request_target', 'workflow_run'];

/** Triggers on which a write-scoped token serves text or code an outsider controls. */
const WRITE_SENSITIVE_TRIGGERS = ['pull_request_target', 'issue_comment'];

/** Expressions naming the pull request's own code (a fork's, for pull_request_target and workflow_run). */
const UNTRUSTED_REF_PATTERN =
  /github\.event\.pull_request\.head\.(sha|ref)|github\.event\.pull_request\.merge_commit_sha|github\.head_ref|github\.event\.workflow_run\.head_(sha|branch)|github\.event\.workflow_run\.head_commit\.id|github\.event\.pull_request\.head\.repo\.full_name|github\.event\.workflow_run\.head_repository\.full_name|refs\/pull\//i;

const FULL_SHA = /^[0-9a-f]{40}$/i;

const ZIZMOR = 'https://docs.zizmor.sh/audits/';
const SCORECARD = 'https://github.com/ossf/scorecard/blob/main/docs/checks.md';

/** Where each rule is explained. */
const HELP: Record<string, string> = {
  'template-injection': `${ZIZMOR}#template-injection`,
  'unpinned-uses': `${SCORECARD}#pinned-dependencies`,
  'pin-without-version-comment': `${ZIZMOR}#unpinned-uses`,
  'default-permissions': `${SCORECARD}#token-permissions`,
  'excessive-permissions': `${ZIZMOR}#excessive-permissions`,
  'dangerous-triggers': `${ZIZMOR}#dangerous-triggers`,
  'secrets-inherit': `${ZIZMOR}#secrets-inherit`,
  artipacked: `${ZIZMOR}#artipacked`,
  'invalid-yaml': 'https://docs.github.com/actions/reference/workflows-and-actions/workflow-syntax',
};
const VERSION_COMMENT = /\bv?\d+(\.\d+)*\b/;

/** Audits one workflow file (`.github/workflows/*.yml`). `file` is the path shown in findings. */
export function auditWorkflow(file: string, text: string, options: WorkflowAuditOptions = {}): Finding[] {
  const audit = new Audit(file, text, options);
  const root = audit.parse();
  if (root === undefined) return audit.done();
  const triggers = triggersOf(root.get('on', true) as Node | undefined);
  const inputs = workflowInputTypes(root.get('on', true) as Node | undefined);
  const topPermissions = pairOf(root, 'permissions');
  audit.checkPermissions(topPermissions, triggers, 'the workflow');
  const jobs = root.get('jobs', true);
  if (!isMap(jobs)) return audit.done();
  const onlyCalled = triggers.size > 0 && [...triggers].every((trigger) => trigger === 'workflow_call');
  for (const jobPair of jobs.items) {
    const jobId = String(scalarValue(jobPair.key) ?? '');
    const job = jobPair.value;
    if (!isMap(job)) continue;
    const jobPermissions = pairOf(job, 'permissions');
    audit.checkPermissions(jobPermissions, triggers, `job '${jobId}'`);
    // A workflow that only runs through workflow_call gets the caller's token, never more: the caller decides.
    if (topPermissions === undefined && jobPermissions === undefined && !onlyCalled) {
      audit.report(jobPair.key as Node, {
        rule: 'default-permissions',
        severity: 'warning',
        key: [jobId],
        message: `Job '${jobId}' has no permissions: and neither has the workflow, so its GITHUB_TOKEN gets the repository's default permissions, which may be read-write on everything.`,
        fix: 'Add `permissions:` at the top of the workflow with only what it needs (e.g. `contents: read`), and widen it per job where a job needs more.',
      });
    }
    const reusable = job.get('uses', true);
    if (isScalar(reusable)) audit.checkUses(reusable, [jobId]);
    const secrets = job.get('secrets', true);
    if (isScalar(secrets) && secrets.value === 'inherit') {
      audit.report(secrets, {
        rule: 'secrets-inherit',
        severity: 'warning',
        key: [jobId],
        message: `Job '${jobId}' passes every secret of the repository to the reusable workflow it calls (secrets: inherit).`,
        fix: 'Pass only the secrets the called workflow declares, e.g. `secrets: { token: ${{ secrets.DEPLOY_TOKEN }} }`.',
      });
    }
    const steps = job.get('steps', true);
    if (isSeq(steps)) {
      audit.checkSteps(
        steps.items,
        jobId,
        inputs,
        PRIVILEGED_PR_TRIGGERS.filter((t) => triggers.has(t)),
      );
    }
  }
  return audit.done();
}

/** Audits one action metadata file (`action.yml`); only composite actions have steps to audit. */
export function auditAction(file: string, text: string, options: WorkflowAuditOptions = {}): Finding[] {
  const audit = new Audit(file, text, options);
  const root = audit.parse();
  if (root === undefined) return audit.done();
  const runs = root.get('runs', true);
  if (!isMap(runs) || runs.get('using') !== 'composite') return audit.done();
  const steps = runs.get('steps', true);
  // Every input of an action is a string.
  if (isSeq(steps)) audit.checkSteps(steps.items, 'runs', 'string', []);
  return audit.done();
}

/**
 * Audits every workflow under `.github/workflows/` and every `action.yml`/`action.yaml` in the repository at
 * `root` (outside `options.skipDirectories`). Finding paths are relative to `root`, with '/'.
 */
export async function auditRepository(root: string, options: WorkflowAuditOptions = {}): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const path of await workflowFiles(root)) {
    findings.push(...auditWorkflow(toPosix(relative(root, path)), await readFile(path, 'utf8'), options));
  }
  const skipped = new Set(options.skipDirectories ?? DEFAULT_SKIPPED_DIRECTORIES);
  for (const path of await actionFiles(root, skipped)) {
    findings.push(...auditAction(toPosix(relative(root, path)), await readFile(path, 'utf8'), options));
  }
  return findings;
}

async function workflowFiles(root: string): Promise<string[]> {
  const dir = join(root, '.github', 'workflows');
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

async function actionFiles(dir: string, skipped: ReadonlySet<string>): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.isDirectory() && !skipped.has(entry.name))
      found.push(...(await actionFiles(join(dir, entry.name), skipped)));
    else if (entry.isFile() && /^action\.ya?ml$/.test(entry.name)) found.push(join(dir, entry.name));
  }
  return found;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

// --- One file's audit ---------------------------------------------------------------------------------------

interface Report {
  rule: string;
  severity: Severity;
  message: string;
  fix: string;
  /** What identifies the finding apart from its line: job, step and the offending text. */
  key: string[];
  /** Offset in the source of the exact offending text, when finer than the node. */
  offset?: number;
}

/** Input types of a workflow by name, or 'string' for an action (all its inputs are strings). */
type InputTypes = Map<string, string> | 'string';

class Audit {
  readonly #file: string;
  readonly #text: string;
  readonly #options: WorkflowAuditOptions;
  readonly #lines = new LineCounter();
  readonly #findings: Finding[] = [];
  readonly #seen = new Map<string, number>();

  constructor(file: string, text: string, options: WorkflowAuditOptions) {
    this.#file = file;
    this.#text = text;
    this.#options = options;
  }

  /** The document's top mapping; a YAML error becomes a finding instead. */
  parse(): YAMLMap | undefined {
    const doc = parseDocument(this.#text, { lineCounter: this.#lines, uniqueKeys: false });
    const [error] = doc.errors;
    if (error !== undefined) {
      const [line, column] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : [1, 1];
      this.#findings.push({
        tool: WORKFLOW_AUDIT_TOOL,
        rule: 'invalid-yaml',
        severity: 'error',
        message: `Not valid YAML: ${error.message.split('\n')[0]}`,
        file: this.#file,
        line,
        column,
        fix: 'Fix the YAML syntax; GitHub will not run this file as it is.',
        helpUri: HELP['invalid-yaml'],
        fingerprint: fingerprintOf([WORKFLOW_AUDIT_TOOL, 'invalid-yaml', this.#file]),
      });
      return undefined;
    }
    return isMap(doc.contents) ? doc.contents : undefined;
  }

  done(): Finding[] {
    return this.#findings;
  }

  report(node: Node, report: Report): void {
    const offset = report.offset ?? node.range?.[0] ?? 0;
    const { line, col } = this.#lines.linePos(offset);
    const identity = [WORKFLOW_AUDIT_TOOL, report.rule, this.#file, ...report.key].join('\0');
    const occurrence = (this.#seen.get(identity) ?? 0) + 1;
    this.#seen.set(identity, occurrence);
    this.#findings.push({
      tool: WORKFLOW_AUDIT_TOOL,
      rule: report.rule,
      severity: report.severity,
      message: report.message,
      file: this.#file,
      line,
      column: col,
      fix: report.fix,
      helpUri: HELP[report.rule],
      fingerprint: fingerprintOf([identity, String(occurrence)]),
    });
  }

  checkSteps(
    steps: readonly unknown[],
    jobId: string,
    inputs: InputTypes,
    privilegedTriggers: string[],
  ): void {
    steps.forEach((step, index) => {
      if (!isMap(step)) return;
      const label = stepLabel(step, index);
      const key = [jobId, label];
      const uses = step.get('uses', true);
      const withMap = step.get('with', true);
      const run = step.get('run', true);
      if (isScalar(uses)) {
        this.checkUses(uses, key);
        const action = String(uses.value).toLowerCase();
        if (action.startsWith('actions/github-script@') && isMap(withMap)) {
          const script = withMap.get('script', true);
          if (isScalar(script)) this.checkInjection(script, key, inputs, 'script');
        }
        if (action.startsWith('actions/checkout@'))
          this.checkCheckout(uses, withMap, key, privilegedTriggers);
      }
      if (isScalar(run)) {
        const shell = step.get('shell');
        const powershell = typeof shell === 'string' && /^(pwsh|powershell)\b/.test(shell);
        this.checkInjection(run, key, inputs, powershell ? 'powershell' : 'run');
        if (privilegedTriggers.length > 0) this.checkRunCheckout(run, key, privilegedTriggers);
      }
    });
  }

  checkUses(uses: Scalar, key: string[]): void {
    const value = String(uses.value ?? '').trim();
    if (value.startsWith('./')) return;
    if (value.startsWith('docker://')) {
      if (/@sha256:[0-9a-f]{64}$/i.test(value)) return;
      this.report(uses, {
        rule: 'unpinned-uses',
        severity: 'error',
        key: [...key, value],
        message: `uses: ${value} names a container image by tag, which can be pushed over with other code.`,
        fix: 'Pin the image by digest: `docker://image@sha256:<digest>`.',
      });
      return;
    }
    const at = value.lastIndexOf('@');
    const target = at < 0 ? value : value.slice(0, at);
    const ref = at < 0 ? '' : value.slice(at + 1);
    const owner = target.split('/')[0]?.toLowerCase() ?? '';
    if (FULL_SHA.test(ref)) {
      if (!VERSION_COMMENT.test(uses.comment ?? '')) {
        this.report(uses, {
          rule: 'pin-without-version-comment',
          severity: 'warning',
          key: [...key, target],
          message: `uses: ${target} is pinned to a commit without a comment saying which version it is, so reviewers and Dependabot cannot tell what it runs.`,
          fix: `Add the release the commit belongs to as a comment: \`uses: ${target}@${ref} # v1.2.3\`.`,
        });
      }
      return;
    }
    if ((this.#options.trustedOwners ?? []).some((trusted) => trusted.toLowerCase() === owner)) return;
    const repository = target.split('/').slice(0, 2).join('/');
    const version = VERSION_COMMENT.test(ref) ? ref : 'v1.2.3';
    this.report(uses, {
      rule: 'unpinned-uses',
      severity: 'error',
      key: [...key, target],
      message:
        ref === ''
          ? `uses: ${value} names no version at all.`
          : `uses: ${value} is not pinned to a commit: whoever can push to ${repository} can move '${ref}' to other code, which then runs with this job's secrets and token.`,
      fix: `Pin it to the full 40-character commit SHA of a release, with the version as a comment: \`uses: ${target}@<sha> # ${version}\` (tools such as pinact or Dependabot keep pins current).`,
    });
  }

  checkInjection(
    node: Scalar,
    key: string[],
    inputs: InputTypes,
    sink: 'run' | 'powershell' | 'script',
  ): void {
    const source = String(node.value ?? '');
    // Where the scalar's text sits in the file: block scalars keep `${{ }}` verbatim, so the first match after the
    // node's start is its line.
    const [start = 0, end = this.#text.length] = node.range ?? [];
    let cursor = start;
    for (const expression of expressionsIn(source)) {
      const found = this.#text.indexOf(expression.raw, cursor);
      const offset = found >= 0 && found < end ? found : start;
      if (found >= 0 && found < end) cursor = found + expression.raw.length;
      for (const context of flowingContexts(expression.inner)) {
        const trust = classify(context, inputs);
        if (trust === undefined) continue;
        const variable = envName(context);
        const usage = SINKS[sink].usage(variable);
        const envLine = DEFAULT_ENV[context]
          ? ''
          : `add \`env: ${variable}: \${{ ${context} }}\` to the step and `;
        this.report(node, {
          rule: 'template-injection',
          severity: trust.severity,
          key: [...key, context],
          offset,
          message: `${SINKS[sink].where} expands \${{ ${context} }} into the ${SINKS[sink].language} before it runs; ${trust.why}, so ${SINKS[sink].syntax} in it run as code.`,
          fix: `Do not expand it in the script: ${envLine}use ${usage} instead.`,
        });
      }
    }
  }

  checkCheckout(uses: Scalar, withMap: unknown, key: string[], privilegedTriggers: string[]): void {
    const persist = isMap(withMap) ? withMap.get('persist-credentials') : undefined;
    if (persist !== false && String(persist).toLowerCase() !== 'false') {
      this.report(uses, {
        rule: 'artipacked',
        severity: 'warning',
        key,
        message:
          'actions/checkout keeps the GITHUB_TOKEN in .git/config (persist-credentials defaults to true), where any later step, or an uploaded artifact of the workspace, can read it.',
        fix: 'Add `with: persist-credentials: false`; give the token explicitly to the one step that pushes, if any.',
      });
    }
    if (privilegedTriggers.length === 0 || !isMap(withMap)) return;
    for (const name of ['ref', 'repository']) {
      const value = withMap.get(name, true);
      if (!isScalar(value) || !UNTRUSTED_REF_PATTERN.test(String(value.value))) continue;
      this.report(value, {
        rule: 'dangerous-triggers',
        severity: 'error',
        key: [...key, name],
        message: `This workflow runs on ${privilegedTriggers.join(' and ')}, with the base repository's secrets and a write token, and checks out the pull request's own code (${name}: ${String(value.value)}): a fork's build scripts then run with them.`,
        fix: 'Build untrusted code in a `pull_request` workflow, which gets no secrets; if results must be published, have a separate workflow_run job read them as data, never execute them.',
      });
    }
  }

  checkRunCheckout(run: Scalar, key: string[], privilegedTriggers: string[]): void {
    const script = String(run.value ?? '');
    const fetches = /\b(git\s+(checkout|fetch|switch|pull)|gh\s+pr\s+checkout)\b/.test(script);
    const line = script
      .split('\n')
      .find((text) => /gh\s+pr\s+checkout/.test(text) || (fetches && UNTRUSTED_REF_PATTERN.test(text)));
    if (!fetches || line === undefined) return;
    const [start = 0, end = this.#text.length] = run.range ?? [];
    const found = this.#text.indexOf(line.trim(), start);
    this.report(run, {
      rule: 'dangerous-triggers',
      severity: 'error',
      key: [...key, 'run'],
      ...(found >= 0 && found < end ? { offset: found } : {}),
      message: `This workflow runs on ${privilegedTriggers.join(' and ')}, with the base repository's secrets and a write token, and its script fetches the pull request's own code: a fork's build scripts then run with them.`,
      fix: 'Build untrusted code in a `pull_request` workflow, which gets no secrets; if results must be published, have a separate workflow_run job read them as data, never execute them.',
    });
  }

  /** Checks one `permissions:` (the workflow's or a job's) against the triggers. */
  checkPermissions(pair: Pair | undefined, triggers: Set<string>, owner: string): void {
    if (pair === undefined) return;
    const value = pair.value as Node | null;
    const sensitive = WRITE_SENSITIVE_TRIGGERS.filter((trigger) => triggers.has(trigger));
    if (isScalar(value) && value.value === 'write-all') {
      this.report(value, {
        rule: 'excessive-permissions',
        severity: 'error',
        key: [owner, 'write-all'],
        message: `${capitalize(owner)} grants its GITHUB_TOKEN write access to everything (permissions: write-all).`,
        fix: 'List only the scopes it needs, e.g. `permissions: { contents: read }`, adding `<scope>: write` where a job writes.',
      });
      return;
    }
    if (!isMap(value) || sensitive.length === 0) return;
    for (const scope of value.items) {
      if (!isScalar(scope.value) || scope.value.value !== 'write') continue;
      const name = String(scalarValue(scope.key));
      this.report(scope.value, {
        rule: 'excessive-permissions',
        severity: 'error',
        key: [owner, name],
        message: `${capitalize(owner)} grants \`${name}: write\` on ${sensitive.join(' and ')}, which runs for pull requests and comments from anyone: text or code they control then acts with a token that can write.`,
        fix: `Keep the workflow read-only (\`${name}: read\`); move the writing step to a separate workflow that gets only the data it needs, or gate it on a trusted actor.`,
      });
    }
  }
}

/** 32 hex digits of SHA-256 over the parts: what identifies a finding, never its line. */
function fingerprintOf(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 32);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : undefined;
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => scalarValue(pair.key) === key) as Pair | undefined;
}

function stepLabel(step: YAMLMap, index: number): string {
  for (const name of ['id', 'name', 'uses']) {
    const value = step.get(name);
    if (typeof value === 'string' && value !== '') return `${name}=${value}`;
  }
  return `#${index + 1}`;
}

/** The event names of `on:` (a name, a list of names, or a map of name to settings). */
function triggersOf(on: Node | undefined): Set<string> {
  if (isScalar(on)) return new Set([String(on.value)]);
  if (isSeq(on)) return new Set(on.items.map((item) => String(scalarValue(item))));
  if (isMap(on)) return new Set(on.items.map((pair) => String(scalarValue(pair.key))));
  return new Set();
}

/** The declared `type:` of each workflow_dispatch and workflow_call input; untyped dispatch inputs are strings. */
function workflowInputTypes(on: Node | undefined): Map<string, string> {
  const types = new Map<string, string>();
  if (!isMap(on)) return types;
  for (const trigger of ['workflow_dispatch', 'workflow_call']) {
    const inputs = on.getIn([trigger, 'inputs'], true);
    if (!isMap(inputs)) continue;
    for (const pair of inputs.items) {
      const name = String(scalarValue(pair.key)).toLowerCase();
      const type = isMap(pair.value) ? String(pair.value.get('type') ?? 'string') : 'string';
      // The same name in both triggers: it is as unsafe as its least safe declaration.
      if (types.get(name) !== 'string') types.set(name, type);
    }
  }
  return types;
}

// --- Expressions --------------------------------------------------------------------------------------------

/** Each `${{ … }}` of a text: as written, and what is inside. */
export function expressionsIn(text: string): { raw: string; inner: string }[] {
  return [...text.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((match) => ({
    raw: match[0],
    inner: match[1] ?? '',
  }));
}

/**
 * The context paths an expression reads, lower case, dotted, with '*' for an index: `github.event.issue.title`,
 * `github.event.commits.*.message`, `inputs.name`. Function names and literals are left out.
 */
export function contextsIn(expression: string): string[] {
  return pathsIn(normalize(expression));
}

/**
 * The contexts whose text can end up in what an expression expands to, as zizmor's dataflow analysis sees it: not
 * those only compared (`==`, `!=`, `<`, `!x`) or tested by contains(), startsWith() or endsWith(), which expand to
 * true or false.
 */
export function flowingContexts(expression: string): string[] {
  const withoutTests = removeCalls(normalize(expression), /\b(contains|startswith|endswith)\s*\(/gi);
  const flowing = withoutTests
    .split(/&&|\|\|/)
    .filter((operand) => !/==|!=|<|>|^\s*\(*\s*!/.test(operand))
    .join(' ');
  return pathsIn(flowing);
}

/** Indexes as dotted paths (`['name']` is `.name`, `[0]` is `.*`); string literals blanked, being data. */
function normalize(expression: string): string {
  return expression
    .replace(/\[\s*'([^']*)'\s*\]/g, '.$1')
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/\[\s*[^\]]*\]/g, '.*');
}

/** Replaces each call matched by `start` (which ends at its opening parenthesis) with `true`. */
function removeCalls(text: string, start: RegExp): string {
  let result = text;
  for (let match = start.exec(result); match !== null; match = start.exec(result)) {
    let depth = 0;
    let end = match.index + match[0].length - 1;
    for (; end < result.length; end++) {
      if (result[end] === '(') depth++;
      else if (result[end] === ')' && --depth === 0) break;
    }
    result = `${result.slice(0, match.index)}true${result.slice(end + 1)}`;
    start.lastIndex = 0;
  }
  return result;
}

function pathsIn(normalized: string): string[] {
  const found = new Set<string>();
  for (const match of normalized.matchAll(
    /(?<![\w.-])([A-Za-z_][\w-]*(?:\s*\.\s*(?:[\w-]+|\*))*)(\s*\()?/g,
  )) {
    if (match[2] !== undefined) continue;
    const path = (match[1] ?? '').replace(/\s+/g, '').toLowerCase();
    if (path.includes('.')) found.add(path);
  }
  return [...found];
}

interface Untrusted {
  severity: Severity;
  why: string;
}

/** Whether a context carries text an outsider (or a caller) chose; undefined when it does not. */
function classify(context: string, inputs: InputTypes): Untrusted | undefined {
  const parts = context.split('.');
  if (UNTRUSTED_GITHUB_CONTEXTS.has(context)) {
    return { severity: 'error', why: "it is the pull request's branch name, which a fork's author picks" };
  }
  if (parts[0] === 'inputs' || (parts[0] === 'github' && parts[1] === 'event' && parts[2] === 'inputs')) {
    const name = parts[0] === 'inputs' ? parts[1] : parts[3];
    if (name === undefined) return undefined;
    const type = inputs === 'string' ? 'string' : inputs.get(name);
    if (type !== undefined && SAFE_INPUT_TYPES.has(type)) return undefined;
    return { severity: 'warning', why: 'it is a string input, which whoever runs or calls this passes in' };
  }
  if (parts[0] !== 'github' || parts[1] !== 'event') return undefined;
  const leaf = parts.at(-1) ?? '';
  if (parts.includes('client_payload')) {
    return { severity: 'error', why: 'repository_dispatch payloads are whatever the sender put in them' };
  }
  if (UNTRUSTED_EVENT_FIELDS.has(leaf) || UNTRUSTED_EVENT_OBJECTS.has(leaf)) {
    return { severity: 'error', why: 'whoever triggers the event writes this text' };
  }
  return undefined;
}

/** A readable variable name for a context: github.event.issue.title → ISSUE_TITLE, inputs.tag → TAG. */
function envName(context: string): string {
  const known = DEFAULT_ENV[context];
  if (known !== undefined) return known;
  const parts = context
    .split('.')
    .filter((part) => part !== '*')
    .map((part) => part.replace(/[^a-z0-9]+/gi, '_').toUpperCase());
  const tail = parts[0] === 'INPUTS' ? parts.slice(1) : parts.slice(-2);
  return tail.join('_') || 'VALUE';
}
