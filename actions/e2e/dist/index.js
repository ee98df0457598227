import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 57661:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _flowkit_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(48886);
/* harmony import */ var _flowkit_e2e__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(53691);
/* harmony import */ var _flowkit_github__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1862);
/* harmony import */ var _flowkit_runner__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(20435);
// e2e: maps the step's inputs to @flowkit/e2e, and its results to annotations, a summary, outputs and an artifact.




await (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .runAction */ .Cs)(async () => {
    // Mask first: a URL may carry a password (https://user:pass@staging…).
    const secret = (0,_flowkit_e2e__WEBPACK_IMPORTED_MODULE_1__/* .urlSecret */ .mz)((0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('url'));
    if (secret !== undefined)
        (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .setSecret */ .Pq)(secret);
    if ((0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('github-token') !== '')
        (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .setSecret */ .Pq)((0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('github-token'));
    const root = process.env.GITHUB_WORKSPACE || process.cwd();
    const settings = (0,_flowkit_e2e__WEBPACK_IMPORTED_MODULE_1__/* .readE2eSettings */ .qQ)((name) => (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)(name), root);
    const run = await (0,_flowkit_e2e__WEBPACK_IMPORTED_MODULE_1__/* .runE2e */ .Kg)(settings, {
        exec: (0,_flowkit_e2e__WEBPACK_IMPORTED_MODULE_1__/* .streamingRunner */ .pU)((text) => process.stdout.write((0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(text))),
        log: { info: _flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq, warning: _flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e, debug: _flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .debug */ .Yz },
    });
    (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .setOutput */ .uH)('report-dir', run.paths.reportDir);
    let warningsUsed = 0;
    const location = await upload(settings, run, () => warningsUsed++);
    const verdict = (0,_flowkit_e2e__WEBPACK_IMPORTED_MODULE_1__/* .judgeE2e */ .Qs)(run, { root, reserved: { warning: warningsUsed } });
    for (const finding of verdict.annotated)
        annotate(finding);
    (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .appendSummary */ .fe)((0,_flowkit_e2e__WEBPACK_IMPORTED_MODULE_1__/* .e2eSummary */ .rM)({ run, verdict, url: settings.url, root, location }));
    (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .setOutput */ .uH)('passed', String(verdict.counts.passed));
    (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .setOutput */ .uH)('failed', String(verdict.counts.failed));
    (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .setOutput */ .uH)('flaky', String(verdict.counts.flaky));
    (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .setOutput */ .uH)('skipped', String(verdict.counts.skipped));
    if (verdict.failed) {
        await markDeploymentFailed(settings, verdict.conclusion);
        (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .error */ .z3)(verdict.conclusion);
        process.exitCode = 1;
    }
    else
        (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq)(verdict.conclusion);
});
/** Failing tests fail the deployment they tested, so the environment's page shows it is not good to review. */
async function markDeploymentFailed(settings, conclusion) {
    if (settings.deploymentId === undefined || settings.githubToken === '')
        return;
    const github = (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .readGitHubContext */ .L7)();
    const [owner = '', repo = ''] = github.repository.split('/');
    const client = new _flowkit_github__WEBPACK_IMPORTED_MODULE_2__/* .GitHubClient */ .jh({
        token: settings.githubToken,
        apiUrl: github.apiUrl,
        policy: () => ({ retries: 3, budgetMs: 30_000 }),
    });
    try {
        await client.createDeploymentStatus({ owner, repo }, settings.deploymentId, {
            state: 'failure',
            ...(github.runUrl ? { log_url: github.runUrl } : {}),
            description: `End-to-end tests failed: ${conclusion}`.slice(0, 140),
        });
        (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq)(`Marked deployment ${settings.deploymentId} as failed.`);
    }
    catch (caught) {
        (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e)(`Could not mark deployment ${settings.deploymentId} as failed: ${(0,_flowkit_core__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(caught)}`);
    }
}
function annotate(finding) {
    const write = finding.severity === 'error' ? _flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .error */ .z3 : _flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e;
    write(finding.message, {
        title: `${finding.severity === 'error' ? 'Failed' : 'Flaky'}: ${finding.rule}`,
        file: finding.file,
        line: finding.line,
        col: finding.column,
    });
}
/**
 * Uploads playwright-report/ and test-results/ as one artifact where the runner's artifact service is; elsewhere
 * says where the reports are. An upload failure is a warning (counted by `warned`): the tests' verdict stands.
 */
async function upload(settings, run, warned) {
    const where = `${run.paths.reportDir} and ${run.paths.resultsDir}`;
    if (settings.artifactName === undefined) {
        (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq)(`artifact-name is empty, so nothing is uploaded; the reports are in ${where}.`);
        return { note: 'artifact-name is empty, so they were not uploaded.' };
    }
    if (!process.env.ACTIONS_RUNTIME_TOKEN || !process.env.ACTIONS_RESULTS_URL) {
        (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq)(`No artifact service here (ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set), so nothing is uploaded; the reports are in ${where}.`);
        return { note: 'there is no artifact service outside a GitHub runner, so they were not uploaded.' };
    }
    const files = await (0,_flowkit_e2e__WEBPACK_IMPORTED_MODULE_1__/* .reportFiles */ .IU)(run.paths);
    if (files.length === 0) {
        (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq)('Playwright wrote no reports, so there is nothing to upload.');
        return { note: 'Playwright wrote none, so nothing was uploaded.' };
    }
    try {
        const { DefaultArtifactClient } = await __nccwpck_require__.e(/* import() */ 609).then(__nccwpck_require__.bind(__nccwpck_require__, 93609));
        const { id } = await new DefaultArtifactClient().uploadArtifact(settings.artifactName, files, run.paths.cwd, {
            ...(settings.retentionDays === undefined ? {} : { retentionDays: settings.retentionDays }),
        });
        const github = (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .readGitHubContext */ .L7)();
        const url = id !== undefined && github.runUrl ? `${github.runUrl}/artifacts/${id}` : undefined;
        (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq)(`Uploaded ${files.length} report file(s) as the artifact ${settings.artifactName}${url ? `: ${url}` : ''}.`);
        return { artifact: { name: settings.artifactName, ...(url ? { url } : {}) } };
    }
    catch (caught) {
        (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e)(`Could not upload the reports as the artifact ${settings.artifactName}; they are in ${where}: ${(0,_flowkit_core__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(caught)}`);
        warned();
        return { note: `the upload failed (${(0,_flowkit_core__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(caught)}).` };
    }
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 48886:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  dz: () => (/* reexport */ errors_InputError),
  N_: () => (/* reexport */ TransientError),
  ay: () => (/* reexport */ commandLine),
  gJ: () => (/* reexport */ errorMessage),
  kO: () => (/* reexport */ httpAttempt),
  iU: () => (/* reexport */ isUserError),
  ci: () => (/* reexport */ outputTail),
  Sp: () => (/* reexport */ parseAnswerBody),
  _p: () => (/* reexport */ parseIntegerInput),
  mu: () => (/* reexport */ parseRetryAfter),
  R3: () => (/* reexport */ runProcess),
  qq: () => (/* reexport */ silentLogger),
  ml: () => (/* reexport */ systemClock),
  bD: () => (/* reexport */ withRetry)
});

// UNUSED EXPORTS: ConfigError, DEFAULT_CONFIG_PATH, NetworkError, RetryExhaustedError, SyntaxProblem, UnresolvedPlaceholder, addDays, addedLineNumbers, clockTime, configSchema, daysBetween, defaultConfig, describeValue, formatPath, hasPlaceholder, httpRequest, instantOf, interpolate, isLocalDate, isRecord, isTimeZone, loadConfig, localParts, mapWithConcurrency, minutesOf, normalize, parseBooleanInput, parseConfig, parseJsonOrYaml, parsePatch, parseUnifiedDiff, validateSchema, yamlProblem

;// CONCATENATED MODULE: ./packages/core/src/clock.ts
// Time as a dependency, so waits and deadlines are tested without real waiting.
/** The real clock. */
const systemClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(51455);
;// CONCATENATED MODULE: ./packages/core/src/errors.ts
// Errors a user can act on: each names what was wrong, where, and how to fix it.
/** A bad action input or CLI option. The message names the input, the problem and the fix. */
class errors_InputError extends Error {
    input;
    problem;
    fix;
    constructor(input, problem, fix) {
        super(`Input '${input}' ${problem}. ${fix}`);
        this.name = 'InputError';
        this.input = input;
        this.problem = problem;
        this.fix = fix;
    }
}
/** A bad configuration file. The message names the file, the path inside it and what was expected. */
class errors_ConfigError extends Error {
    file;
    path;
    line;
    constructor(file, path, problem, line) {
        super(`${file}${line === undefined ? '' : `:${line}`}: ${path === '' ? '' : `${path}: `}${problem}`);
        this.name = 'ConfigError';
        this.file = file;
        this.path = path;
        this.line = line;
    }
}
/** True for errors caused by what the user supplied (shown as one line, never with a stack trace). */
function isUserError(error) {
    return error instanceof errors_InputError || error instanceof errors_ConfigError;
}
/** The message of anything thrown, for logs and annotations. */
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./packages/core/src/zoned-time.ts
// Calendar arithmetic in an IANA time zone with Intl only: local dates of instants, and instants of local times.
const formatters = new Map();
function formatter(timeZone) {
    let found = formatters.get(timeZone);
    if (found === undefined) {
        found = new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
        });
        formatters.set(timeZone, found);
    }
    return found;
}
/** True when the runtime knows the IANA time zone (Europe/London, America/New_York, UTC). */
function isTimeZone(timeZone) {
    try {
        formatter(timeZone);
        return true;
    }
    catch {
        return false;
    }
}
/** Minutes since midnight of a local time 'HH:MM'. */
function minutesOf(time) {
    const [hours = 0, minutes = 0] = time.split(':').map(Number);
    return hours * 60 + minutes;
}
/** 'HH:MM' of minutes since midnight. */
function clockTime(minutes) {
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
/** The local date and minutes since local midnight of an instant in a time zone. */
function localParts(at, timeZone) {
    const parts = Object.fromEntries(formatter(timeZone)
        .formatToParts(at)
        .map((part) => [part.type, part.value]));
    return {
        date: `${parts.year}-${parts.month}-${parts.day}`,
        minutes: Number(parts.hour) * 60 + Number(parts.minute),
    };
}
/** The instant at which the clocks in `timeZone` show `date` at `minutes` past midnight (DST gaps move forward). */
function instantOf(date, minutes, timeZone) {
    const wanted = Date.UTC(...ymd(date), 0, minutes);
    // Guess with the offset at the wanted wall time, then correct once for a DST change between guess and result.
    let guess = wanted - offsetAt(new Date(wanted), timeZone);
    guess = wanted - offsetAt(new Date(guess), timeZone);
    return new Date(guess);
}
/** Days from `from` to `to` (negative when `to` is earlier). */
function daysBetween(from, to) {
    return Math.round((Date.UTC(...ymd(to)) - Date.UTC(...ymd(from))) / 86_400_000);
}
/** The date `days` after `date`. */
function addDays(date, days) {
    return new Date(Date.UTC(...ymd(date)) + days * 86_400_000).toISOString().slice(0, 10);
}
/** True for a real calendar date written YYYY-MM-DD. */
function isLocalDate(text) {
    return /^\d{4}-\d{2}-\d{2}$/.test(text) && addDays(text, 0) === text;
}
function ymd(date) {
    const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
    return [year, month - 1, day];
}
/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(at, timeZone) {
    const { date, minutes } = localParts(at, timeZone);
    const seconds = Number(formatter(timeZone)
        .formatToParts(at)
        .find((part) => part.type === 'second')?.value ?? 0);
    const local = Date.UTC(...ymd(date), 0, minutes) + seconds * 1000;
    return local - Math.floor(at.getTime() / 1000) * 1000;
}

;// CONCATENATED MODULE: ./packages/core/src/schema.ts
// A small JSON Schema subset: enough to validate Flowkit's config with messages that say what was expected.

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const FORMATS = {
    email: { test: (text) => EMAIL.test(text), expected: 'an email address' },
    uri: { test: (text) => URL.canParse(text), expected: 'an absolute URL' },
    date: { test: isLocalDate, expected: 'a date written YYYY-MM-DD' },
    'time-zone': { test: isTimeZone, expected: 'an IANA time zone like Europe/London' },
    regex: { test: isRegex, expected: 'a valid regular expression' },
};
function isRegex(text) {
    try {
        new RegExp(text);
        return true;
    }
    catch {
        return false;
    }
}
/** Lists every way `value` fails `schema` (empty when it fits). */
function schema_validateSchema(value, schema, path = []) {
    const problem = (message) => [{ path, message }];
    const got = describeValue(value);
    switch (schema.type) {
        case 'object': {
            if (typeof value !== 'object' || value === null || Array.isArray(value)) {
                return problem(`expected ${schema.expected ?? 'a mapping'}, got ${got}`);
            }
            const record = value;
            const problems = [];
            for (const key of schema.required ?? []) {
                if (!(key in record))
                    problems.push({ path, message: `missing required key '${key}'` });
            }
            const known = Object.keys(schema.properties ?? {});
            for (const [key, item] of Object.entries(record)) {
                const property = schema.properties?.[key];
                if (property !== undefined) {
                    problems.push(...schema_validateSchema(item, property, [...path, key]));
                    continue;
                }
                if (schema.propertyNames && !new RegExp(schema.propertyNames.pattern).test(key)) {
                    problems.push({ path: [...path, key], message: `'${key}' is not a valid name here` });
                    continue;
                }
                if (schema.additionalProperties === false) {
                    const hint = known.length > 0 ? `; expected one of: ${known.join(', ')}` : '';
                    problems.push({ path: [...path, key], message: `unknown key '${key}'${hint}` });
                }
                else if (typeof schema.additionalProperties === 'object') {
                    problems.push(...schema_validateSchema(item, schema.additionalProperties, [...path, key]));
                }
            }
            return problems;
        }
        case 'array': {
            if (schema.acceptSingle && !Array.isArray(value))
                return schema_validateSchema([value], schema, path);
            if (!Array.isArray(value))
                return problem(`expected ${schema.expected ?? 'a list'}, got ${got}`);
            if (schema.minItems !== undefined && value.length < schema.minItems) {
                return problem(`expected at least ${schema.minItems} item(s), got ${value.length}`);
            }
            return value.flatMap((item, index) => schema_validateSchema(item, schema.items, [...path, index]));
        }
        case 'string': {
            if (typeof value !== 'string')
                return problem(`expected ${schema.expected ?? 'a string'}, got ${got}`);
            const fits = (schema.enum === undefined || schema.enum.includes(value)) &&
                (schema.pattern === undefined || new RegExp(schema.pattern).test(value)) &&
                (schema.minLength === undefined || value.length >= schema.minLength) &&
                (schema.format === undefined || FORMATS[schema.format]?.test(value) === true);
            if (fits)
                return [];
            const expected = schema.expected ??
                (schema.enum
                    ? `one of: ${schema.enum.join(', ')}`
                    : (FORMATS[schema.format ?? '']?.expected ?? 'a valid value'));
            return problem(`expected ${expected}, got ${got}`);
        }
        case 'integer':
        case 'number': {
            const isNumber = typeof value === 'number' && Number.isFinite(value);
            if (!isNumber || (schema.type === 'integer' && !Number.isInteger(value))) {
                return problem(`expected ${schema.expected ?? `a${schema.type === 'integer' ? 'n integer' : ' number'}`}, got ${got}`);
            }
            const fits = (schema.minimum === undefined || value >= schema.minimum) &&
                (schema.maximum === undefined || value <= schema.maximum) &&
                (schema.enum === undefined || schema.enum.includes(value));
            if (fits)
                return [];
            const range = schema.enum
                ? `one of ${schema.enum.join(', ')}`
                : `a number from ${schema.minimum ?? '-∞'} to ${schema.maximum ?? '∞'}`;
            return problem(`expected ${schema.expected ?? range}, got ${got}`);
        }
        case 'boolean':
            return typeof value === 'boolean' ? [] : problem(`expected true or false, got ${got}`);
    }
}
/** Returns `value` shaped as `schema` says: single items of `acceptSingle` lists wrapped in a list. Call after validating. */
function schema_normalize(value, schema) {
    if (schema.type === 'array') {
        const list = Array.isArray(value) ? value : [value];
        return list.map((item) => schema_normalize(item, schema.items));
    }
    if (schema.type === 'object' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => {
            const property = schema.properties?.[key] ??
                (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
            return [key, property === undefined ? item : schema_normalize(item, property)];
        }));
    }
    return value;
}
/** Short description of a value for messages: strings quoted and cut, other types named. */
function describeValue(value) {
    if (value === null || value === undefined)
        return 'nothing';
    if (typeof value === 'string')
        return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    return `${typeof value} ${String(value)}`;
}
/** Formats a path as `people.sarah.email` or `steps[2]`. */
function schema_formatPath(path) {
    return path.reduce((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text === '' ? part : `${text}.${part}`), '');
}

;// CONCATENATED MODULE: ./packages/core/src/structured.ts
// Parses text that users write as JSON or YAML (payloads, value maps), reporting where it broke.
/** Where and why a JSON or YAML text could not be read. */
class SyntaxProblem extends Error {
    line;
    column;
    constructor(message, line, column) {
        super(line === undefined ? message : `line ${line}, column ${column ?? 1}: ${message}`);
        this.name = 'SyntaxProblem';
        this.line = line;
        this.column = column;
    }
}
/**
 * Parses JSON, or YAML when the text does not start like JSON. YAML is loaded only when needed,
 * so the common JSON case costs no start-up time. Throws SyntaxProblem with a line and column.
 */
async function parseJsonOrYaml(text) {
    const trimmed = text.trim();
    if (trimmed === '')
        throw new SyntaxProblem('the text is empty');
    if (trimmed.startsWith('{') || trimmed.startsWith('['))
        return parseJson(text);
    const { parseDocument } = await __nccwpck_require__.e(/* import() */ 815).then(__nccwpck_require__.t.bind(__nccwpck_require__, 38815, 19));
    const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
    const [first] = doc.errors;
    if (first !== undefined) {
        const pos = first.linePos?.[0];
        throw new SyntaxProblem(structured_yamlProblem(first.message), pos?.line, pos?.col);
    }
    return doc.toJS({ maxAliasCount: 100 });
}
/** The first line of a YAML error without its " at line …" suffix (SyntaxProblem adds the position). */
function structured_yamlProblem(message) {
    return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        // V8 locates most mistakes ("… in JSON at position 9 (line 3 column 1)"), not all ("Unexpected token").
        const message = error instanceof Error ? error.message : String(error);
        const at = /\(line (\d+) column (\d+)\)/.exec(message);
        const problem = message.replace(/ in JSON at position \d+.*$/, '').replace(/, ".*$/s, '');
        throw new SyntaxProblem(problem, at ? Number(at[1]) : undefined, at ? Number(at[2]) : undefined);
    }
}
/** True for a plain object (not an array, not null). */
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./packages/core/src/config.ts
// Loads and validates `.github/flowkit.yml`, the one config file a repository keeps for Flowkit.




/** Default location of the config file, relative to the repository root. */
const DEFAULT_CONFIG_PATH = '.github/flowkit.yml';
const CHANNEL = '^([CGD][A-Z0-9]{6,}|#?[a-z0-9][a-z0-9._-]{0,79})$';
const CHANNEL_SCHEMA = {
    type: 'string',
    pattern: CHANNEL,
    expected: 'a channel ID like C0123456789 or a name like #team',
};
const NAME = '^[a-z0-9][a-z0-9_-]*$';
const PROJECT_KEYS = {
    type: 'array',
    acceptSingle: true,
    items: { type: 'string', pattern: '^[A-Z][A-Z0-9_]{1,9}$', expected: 'a project key like JIRA' },
};
const STATUS_NAME = { type: 'string', minLength: 1, expected: 'a Jira status name' };
const MEMBER = { type: 'string', minLength: 1, expected: 'a GitHub login or an email' };
const WORDS = { type: 'array', acceptSingle: true, items: { type: 'string', minLength: 1 } };
function dateRange(extra) {
    return {
        type: 'object',
        additionalProperties: false,
        required: ['from', 'to', ...Object.keys(extra)],
        properties: {
            from: { type: 'string', format: 'date' },
            to: { type: 'string', format: 'date' },
            reason: { type: 'string' },
            ...extra,
        },
    };
}
/** The schema of `.github/flowkit.yml`. */
const configSchema = {
    type: 'object',
    additionalProperties: false,
    properties: {
        version: { type: 'integer', enum: [1], expected: '1 (the only config version so far)' },
        slack: {
            type: 'object',
            additionalProperties: false,
            properties: {
                channel: CHANNEL_SCHEMA,
                'api-url': { type: 'string', format: 'uri', expected: 'an absolute URL like https://slack.com/api/' },
            },
        },
        people: {
            type: 'object',
            description: 'GitHub login → person',
            propertyNames: { pattern: '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$' },
            additionalProperties: {
                type: 'object',
                additionalProperties: false,
                properties: {
                    name: { type: 'string', minLength: 1 },
                    email: { type: 'string', format: 'email', expected: 'an email address like name@example.com' },
                    slack: {
                        type: 'string',
                        pattern: '^[UW][A-Z0-9]{2,}$',
                        expected: 'a Slack member ID like U0123ABCD',
                    },
                },
            },
        },
        jira: {
            type: 'object',
            additionalProperties: false,
            properties: {
                url: { type: 'string', format: 'uri', expected: 'your site URL like https://acme.atlassian.net' },
                deployment: { type: 'string', enum: ['cloud', 'server'] },
                projects: PROJECT_KEYS,
                statuses: {
                    type: 'object',
                    propertyNames: { pattern: '^[a-z][a-z-]*$' },
                    additionalProperties: STATUS_NAME,
                },
                paths: { type: 'object', additionalProperties: { type: 'array', minItems: 1, items: STATUS_NAME } },
                approvals: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['groups'],
                    properties: {
                        status: STATUS_NAME,
                        groups: {
                            type: 'object',
                            propertyNames: { pattern: NAME },
                            additionalProperties: { type: 'array', minItems: 1, items: MEMBER },
                        },
                        phrase: { type: 'string', minLength: 1, expected: 'the words an approving comment starts with' },
                        'changes-phrase': {
                            type: 'string',
                            minLength: 1,
                            expected: 'the words that withdraw an approval',
                        },
                    },
                },
            },
        },
        teams: {
            type: 'object',
            propertyNames: { pattern: NAME },
            additionalProperties: {
                type: 'object',
                additionalProperties: false,
                properties: {
                    'slack-channel': CHANNEL_SCHEMA,
                    rotation: {
                        type: 'object',
                        additionalProperties: false,
                        required: ['cadence', 'start', 'time-zone', 'members'],
                        properties: {
                            cadence: { type: 'string', enum: ['daily', 'weekly'] },
                            start: {
                                type: 'string',
                                format: 'date',
                                expected: 'the first day of the rotation, YYYY-MM-DD',
                            },
                            'time-zone': { type: 'string', format: 'time-zone' },
                            handover: {
                                type: 'string',
                                pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
                                expected: 'a time like 09:00',
                            },
                            members: { type: 'array', minItems: 1, items: MEMBER },
                            overrides: { type: 'array', items: dateRange({ member: MEMBER }) },
                            unavailable: { type: 'array', items: dateRange({ member: MEMBER }) },
                        },
                    },
                    standup: {
                        type: 'object',
                        additionalProperties: false,
                        required: ['time', 'time-zone'],
                        properties: {
                            time: {
                                type: 'string',
                                pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
                                expected: 'a 24-hour time like 09:30',
                            },
                            'time-zone': {
                                type: 'string',
                                format: 'time-zone',
                                expected: 'an IANA time zone like Europe/Berlin',
                            },
                        },
                    },
                    holidays: {
                        type: 'array',
                        acceptSingle: true,
                        items: { type: 'string', format: 'date', expected: 'a date written YYYY-MM-DD' },
                    },
                    digest: {
                        type: 'object',
                        additionalProperties: false,
                        properties: {
                            'review-wait-hours': {
                                type: 'number',
                                minimum: 1,
                                maximum: 720,
                                expected: 'a number of hours from 1 to 720',
                            },
                            jql: {
                                type: 'string',
                                minLength: 1,
                                expected: 'a JQL restriction like labels = team-frontend',
                            },
                        },
                    },
                },
            },
        },
        routing: {
            type: 'array',
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['match'],
                properties: {
                    name: { type: 'string', minLength: 1 },
                    match: {
                        type: 'object',
                        additionalProperties: false,
                        properties: {
                            project: PROJECT_KEYS,
                            'issue-type': WORDS,
                            components: WORDS,
                            labels: WORDS,
                            priority: WORDS,
                            summary: { type: 'string', format: 'regex' },
                        },
                    },
                    team: { type: 'string', pattern: NAME, expected: 'a team name defined under teams:' },
                    labels: {
                        type: 'array',
                        acceptSingle: true,
                        items: { type: 'string', pattern: '^\\S+$', expected: 'a label without spaces' },
                    },
                },
            },
        },
    },
};
/** The config used when a repository has no file. */
function defaultConfig() {
    return { version: 1, slack: {}, people: {}, jira: {}, teams: {}, routing: [] };
}
/**
 * Reads the config file at `path`. A missing file gives the defaults, unless the path was chosen explicitly
 * (`explicitInput` names the input that chose it), in which case it is an error.
 */
async function loadConfig(path = DEFAULT_CONFIG_PATH, explicitInput) {
    let text;
    try {
        text = await readFile(path, 'utf8');
    }
    catch (error) {
        if (error.code !== 'ENOENT')
            throw error;
        if (explicitInput !== undefined) {
            throw new InputError(explicitInput, `names '${path}', which does not exist`, 'Check the path (relative to the repository root) or remove the input to use the defaults.');
        }
        return defaultConfig();
    }
    return parseConfig(text, path);
}
/** Validates config text; `file` is only used in messages. */
async function parseConfig(text, file) {
    const { isMap, isSeq, LineCounter, parseDocument } = await __nccwpck_require__.e(/* import() */ 815).then(__nccwpck_require__.t.bind(__nccwpck_require__, 38815, 19));
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
    const [syntax] = doc.errors;
    if (syntax !== undefined) {
        throw new ConfigError(file, '', `not valid YAML: ${yamlProblem(syntax.message)}`, syntax.linePos?.[0].line);
    }
    // The line of a problem: the key's line for a mapping entry, the item's for a list entry.
    const lineOf = (path) => {
        const parent = path.length <= 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
        const last = path[path.length - 1];
        let node;
        if (isMap(parent)) {
            node = parent.items.find((pair) => pair.key?.value === last)
                ?.key;
        }
        else if (isSeq(parent) && typeof last === 'number')
            node = parent.items[last];
        else
            node = parent;
        return node?.range ? lines.linePos(node.range[0]).line : undefined;
    };
    const value = doc.toJS({ maxAliasCount: 100 }) ?? {};
    const problems = validateSchema(value, configSchema);
    const [first] = problems;
    if (first !== undefined) {
        const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : '';
        throw new ConfigError(file, formatPath(first.path), `${first.message}${more}`, lineOf(first.path));
    }
    const config = {
        ...defaultConfig(),
        ...normalize(value, configSchema),
    };
    // References between parts of the file, which the schema cannot express.
    const teams = Object.keys(config.teams);
    const unknownTeam = config.routing.findIndex((rule) => rule.team !== undefined && !teams.includes(rule.team));
    if (unknownTeam !== -1) {
        const known = teams.length === 0 ? 'no teams are defined under teams:' : `the teams are: ${teams.join(', ')}`;
        const path = ['routing', unknownTeam, 'team'];
        const problem = `names team '${config.routing[unknownTeam]?.team}', which is not defined; ${known}`;
        throw new ConfigError(file, formatPath(path), problem, lineOf(path));
    }
    return config;
}

;// CONCATENATED MODULE: ./packages/core/src/retry.ts
// The one retry helper: bounded attempts, a total time budget, and the server's Retry-After honoured.

/** Thrown by an attempt that may succeed if tried again, optionally after the wait the server asked for. */
class TransientError extends Error {
    retryAfterMs;
    /**
     * True when the server certainly did not act on the request (a rate limit, a refused connection), so
     * even a non-idempotent request may simply be sent again.
     */
    hadNoEffect;
    constructor(message, options = {}) {
        super(message, { cause: options.cause });
        this.name = 'TransientError';
        this.retryAfterMs = options.retryAfterMs;
        this.hadNoEffect = options.hadNoEffect ?? false;
    }
}
/** Thrown when retries or the time budget ran out; `cause` is the last TransientError. */
class RetryExhaustedError extends Error {
    attempts;
    constructor(message, attempts, cause) {
        super(message, { cause });
        this.name = 'RetryExhaustedError';
        this.attempts = attempts;
    }
}
/**
 * Runs `attempt` until it returns, throws a non-transient error, or the retries or budget run out.
 * A wait longer than the rest of the budget is not started: the caller hears at once that it cannot succeed.
 */
async function withRetry(attempt, policy, options = {}) {
    const clock = options.clock ?? systemClock;
    const random = options.random ?? Math.random;
    const base = policy.baseDelayMs ?? 500;
    const cap = policy.maxDelayMs ?? 10_000;
    const deadline = clock.now() + policy.budgetMs;
    for (let n = 1;; n++) {
        try {
            return await attempt({ attempt: n, remainingMs: Math.max(0, deadline - clock.now()) });
        }
        catch (error) {
            if (!(error instanceof TransientError))
                throw error;
            if (n > policy.retries) {
                throw new RetryExhaustedError(`${error.message} (gave up after ${n} attempts)`, n, error);
            }
            const backoff = Math.min(cap, base * 2 ** (n - 1)) * (0.5 + random() / 2);
            const waitMs = error.retryAfterMs ?? Math.round(backoff);
            const remainingMs = deadline - clock.now();
            if (waitMs > remainingMs) {
                const asked = error.retryAfterMs === undefined ? 'a retry' : `a wait of ${seconds(waitMs)}`;
                throw new RetryExhaustedError(`${error.message} (${asked} would exceed the time budget: ${seconds(Math.max(0, remainingMs))} of ${seconds(policy.budgetMs)} left after ${n} attempts)`, n, error);
            }
            options.log?.info(`${error.message}; retrying in ${seconds(waitMs)} (attempt ${n + 1} of ${policy.retries + 1})`);
            await clock.sleep(waitMs);
        }
    }
}
/**
 * Reads a Retry-After header (delay in seconds, or an HTTP date) as milliseconds from `now`.
 * Returns undefined when absent or unreadable, so the caller falls back to backoff.
 */
function parseRetryAfter(value, now = Date.now()) {
    if (value === undefined)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed))
        return Math.ceil(Number(trimmed) * 1000);
    const date = Date.parse(trimmed);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
function seconds(ms) {
    return `${Math.round(ms / 100) / 10} s`;
}

;// CONCATENATED MODULE: ./packages/core/src/http.ts

/**
 * A request that got no answer. `maybeProcessed` is false when the server certainly never saw the request
 * (connection refused, name not resolved), so even a non-idempotent call may be sent again.
 */
class NetworkError extends Error {
    code;
    maybeProcessed;
    constructor(message, code, maybeProcessed) {
        super(message);
        this.name = 'NetworkError';
        this.code = code;
        this.maybeProcessed = maybeProcessed;
    }
}
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** Sends one request and reads the whole answer as text. Rejects with NetworkError when there is no answer. */
function httpRequest(request) {
    const url = typeof request.url === 'string' ? new URL(request.url) : request.url;
    const transport = url.protocol === 'https:'
        ? process.getBuiltinModule('node:https')
        : url.protocol === 'http:'
            ? process.getBuiltinModule('node:http')
            : undefined;
    if (transport === undefined) {
        return Promise.reject(new NetworkError(`unsupported URL scheme '${url.protocol}'`, 'EPROTO', false));
    }
    const headers = { ...request.headers };
    if (request.body !== undefined)
        headers['content-length'] = String(Buffer.byteLength(request.body));
    return new Promise((resolve, reject) => {
        const req = transport.request(url, { method: request.method, headers }, (res) => {
            const chunks = [];
            res.on('data', (chunk) => chunks.push(chunk));
            res.on('end', () => {
                clearTimeout(timer);
                resolve({
                    status: res.statusCode ?? 0,
                    headers: flattenHeaders(res.headers),
                    body: Buffer.concat(chunks).toString('utf8'),
                });
            });
            res.on('error', (error) => fail(error));
        });
        const timer = setTimeout(() => {
            req.destroy(new NetworkError(`no answer within ${request.timeoutMs} ms`, 'ETIMEDOUT', true));
        }, request.timeoutMs);
        function fail(error) {
            clearTimeout(timer);
            if (error instanceof NetworkError) {
                reject(error);
                return;
            }
            const code = error.code ?? 'ERR';
            reject(new NetworkError(`${code}: ${error.message}`, code, !NOT_SENT_CODES.has(code)));
        }
        req.on('error', fail);
        req.end(request.body);
    });
}
/**
 * One attempt of a request that withRetry may repeat: httpRequest, with no answer turned into a TransientError that
 * starts with `label` (and says the request had no effect when the server certainly never saw it).
 */
async function httpAttempt(request, label) {
    try {
        return await httpRequest(request);
    }
    catch (error) {
        if (!(error instanceof NetworkError))
            throw error;
        throw new TransientError(`${label}: ${error.message}`, {
            hadNoEffect: !error.maybeProcessed,
            cause: error,
        });
    }
}
/** An answer's body: its JSON, or the first 300 characters of a text one (an HTML error page), or undefined if empty. */
function parseAnswerBody(text) {
    if (text.trim() === '')
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return text.trim().slice(0, 300);
    }
}
function flattenHeaders(headers) {
    const flat = {};
    for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined)
            flat[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    return flat;
}

;// CONCATENATED MODULE: ./packages/core/src/inputs.ts
// Parses the text of an input or option into a typed value, naming the input when the text is wrong.

/** A boolean in YAML 1.2's spelling (true, True, TRUE, false, False, FALSE); '' gives the fallback. */
function parseBooleanInput(name, value, fallback) {
    if (value === '')
        return fallback;
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    throw new InputError(name, `must be true or false, not '${value}'`, `Write '${name}: true' or '${name}: false'.`);
}
/** A whole number within [min, max]; '' gives the fallback. */
function parseIntegerInput(name, value, fallback, range) {
    if (value === '')
        return fallback;
    const number = Number(value);
    if (!/^-?\d+$/.test(value) || number < range.min || number > range.max) {
        throw new errors_InputError(name, `must be a whole number from ${range.min} to ${range.max}, not '${value}'`, `Write for example '${name}: ${fallback}'.`);
    }
    return number;
}

;// CONCATENATED MODULE: ./packages/core/src/interpolate.ts
// Inserts values into an already-parsed payload, so quotes and newlines in them can never break its structure.
/** A placeholder the lookup could not resolve (e.g. `{{ env.TITLE }}` with TITLE unset). */
class UnresolvedPlaceholder extends Error {
    expression;
    constructor(expression) {
        super(`{{ ${expression} }} has no value`);
        this.name = 'UnresolvedPlaceholder';
        this.expression = expression;
    }
}
const PLACEHOLDER = /\{\{\s*((?:env|github)(?:\.[A-Za-z0-9_-]+)+)\s*\}\}/g;
/** True when a string holds at least one `{{ env.X }}` or `{{ github.x }}` placeholder. */
function hasPlaceholder(text) {
    PLACEHOLDER.lastIndex = 0;
    return PLACEHOLDER.test(text);
}
/**
 * Returns a copy of `value` with every `{{ env.NAME }}` and `{{ github.path }}` placeholder in its strings
 * replaced by `encode(lookup(expression), path, parent)`, where `parent` is the original object or array
 * holding the string. Keys are never interpolated; other `{{ }}` text is left as it is.
 * Throws UnresolvedPlaceholder when the lookup knows no value.
 */
function interpolate(value, lookup, encode = (text) => text) {
    const inserted = [];
    const walk = (node, path, parent) => {
        if (typeof node === 'string') {
            if (!hasPlaceholder(node))
                return node;
            inserted.push(path);
            return node.replace(PLACEHOLDER, (_match, expression) => {
                const found = lookup(expression);
                if (found === undefined)
                    throw new UnresolvedPlaceholder(expression);
                return encode(found, path, parent);
            });
        }
        if (Array.isArray(node))
            return node.map((item, index) => walk(item, [...path, index], node));
        if (typeof node === 'object' && node !== null) {
            const copy = {};
            for (const [key, item] of Object.entries(node))
                copy[key] = walk(item, [...path, key], node);
            return copy;
        }
        return node;
    };
    return { value: walk(value, [], undefined), inserted };
}

;// CONCATENATED MODULE: ./packages/core/src/log.ts
// The logging interface packages write to; actions pass the runner's commands, the CLI its own printer.
/** A logger that drops everything (tests that do not look at logs). */
const silentLogger = { info() { }, warning() { }, debug() { } };

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(31421);
;// CONCATENATED MODULE: ./packages/core/src/process.ts
// Runs an external tool and collects its output; behind an interface so tests and other runners can swap it.

/** Output kept per stream; a linter printing more is cut from the start, keeping the end (where crashes are). */
const MAX_OUTPUT = 64 * 1024 * 1024;
/** Runs a process with node:child_process. */
const runProcess = (command, args, options) => new Promise((resolve) => {
    const child = (0,external_node_child_process_.spawn)(command, args, {
        cwd: options.cwd,
        env: options.env,
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout = collect();
    const stderr = collect();
    child.stdout.on('data', stdout.add);
    child.stderr.on('data', stderr.add);
    let startError;
    child.on('error', (error) => {
        startError = error.message;
    });
    child.on('close', (exitCode, signal) => {
        resolve({
            exitCode: startError === undefined ? exitCode : null,
            signal,
            stdout: stdout.text(),
            stderr: stderr.text(),
            ...(startError === undefined ? {} : { startError }),
        });
    });
});
function collect() {
    const chunks = [];
    let size = 0;
    return {
        add: (chunk) => {
            chunks.push(chunk);
            size += chunk.length;
            while (size > MAX_OUTPUT && chunks.length > 1)
                size -= chunks.shift().length;
        },
        text: () => Buffer.concat(chunks).toString('utf8'),
    };
}
/** The last `count` non-empty lines of a process's output (stdout, then stderr), each cut to 500 characters. */
function outputTail(result, count = 20) {
    const lines = [result.stdout, result.stderr, result.startError ?? '']
        .flatMap((text) => text.split(/\r?\n/))
        .map((line) => line.trimEnd())
        .filter((line) => line.trim() !== '');
    return lines.slice(-count).map((line) => (line.length > 500 ? `${line.slice(0, 500)}…` : line));
}
/** `command args…` as a person would type it, for logs and the summary. */
function commandLine(command, args) {
    return [command, ...args]
        .map((part) => (/^[\w@%+=:,./-]+$/.test(part) ? part : `'${part.replace(/'/g, "'\\''")}'`))
        .join(' ');
}

;// CONCATENATED MODULE: ./packages/core/src/index.ts
// Flowkit's shared basics: errors, HTTP with retries, time, structured text, config.
















/***/ }),

/***/ 53691:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  rM: () => (/* reexport */ e2eSummary),
  Qs: () => (/* reexport */ judgeE2e),
  qQ: () => (/* reexport */ readE2eSettings),
  IU: () => (/* reexport */ reportFiles),
  Kg: () => (/* reexport */ runE2e),
  pU: () => (/* reexport */ streamingRunner),
  mz: () => (/* reexport */ urlSecret)
});

// UNUSED EXPORTS: DEFAULT_CHROMIUM_PATH, E2E_INPUTS, XmlError, attemptEnvironment, childrenNamed, countResults, decodeEntities, diagnoseAttempt, failureDetail, findPlaywright, locateFailure, mergeAttempts, parseJUnit, parseXml, planAttempt, reportPaths, resultsTable, tallyText, testFindings, testKey, testTitle, withoutCredentials

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
;// CONCATENATED MODULE: ./packages/e2e/src/artifact.ts
// Lists the files of a run's reports for upload as one artifact: the HTML reports, JUnit files and traces.


/** Every file under playwright-report/ and test-results/ (absolute paths), for an artifact rooted at `paths.cwd`. */
async function reportFiles(paths) {
    const files = [];
    for (const dir of [paths.reportDir, paths.resultsDir])
        files.push(...(await filesUnder(dir)));
    return files.sort();
}
async function filesUnder(dir) {
    const entries = await (0,promises_.readdir)(dir, { withFileTypes: true, recursive: true }).catch(() => []);
    return entries.filter((entry) => entry.isFile()).map((entry) => (0,external_node_path_.join)(entry.parentPath, entry.name));
}

;// CONCATENATED MODULE: ./packages/e2e/src/attempt.ts
// The Playwright command line and environment of one attempt: the first runs everything, retries only what failed.

/** The report folders of `settings`' working directory. */
function reportPaths(settings) {
    const cwd = (0,external_node_path_.resolve)(settings.root, settings.workingDirectory);
    const resultsDir = (0,external_node_path_.join)(cwd, 'test-results');
    return {
        cwd,
        reportDir: (0,external_node_path_.join)(cwd, 'playwright-report'),
        resultsDir,
        lastRunFile: (0,external_node_path_.join)(resultsDir, 'last-run.json'),
    };
}
/**
 * The command of attempt `number`, given `budgetMs` left of the timeout. Every attempt uses the action's
 * reporters (list for the log, JUnit to read, HTML to upload) and `--retries=0`, so retrying — and so telling
 * flaky from failed — is the action's alone. Retries add `--last-failed`: Playwright runs exactly the tests
 * whose IDs the previous attempt wrote to the last-run file; and `--trace=on`, which records what the usual
 * `trace: 'on-first-retry'` would (a retry in a new process is always Playwright's first try).
 */
function planAttempt(settings, paths, number, budgetMs) {
    const outputDir = (0,external_node_path_.join)(paths.resultsDir, `attempt-${number}`);
    const htmlDir = (0,external_node_path_.join)(paths.reportDir, `attempt-${number}`);
    const junitFile = (0,external_node_path_.join)(paths.reportDir, `junit-attempt-${number}.xml`);
    const args = [
        'test',
        '--reporter=list,junit,html',
        '--retries=0',
        `--output=${relativeTo(paths.cwd, outputDir)}`,
        `--last-failed-file=${relativeTo(paths.cwd, paths.lastRunFile)}`,
        ...settings.projects.map((project) => `--project=${project}`),
        ...(settings.grep === undefined ? [] : [`--grep=${settings.grep}`]),
        // Whole seconds: the first attempt gets exactly the timeout, not a few milliseconds less.
        `--global-timeout=${Math.max(1, Math.round(budgetMs / 1000)) * 1000}`,
        ...(number > 1 ? ['--last-failed', '--trace=on'] : []),
    ];
    const env = {
        BASE_URL: settings.url,
        // The default of Playwright's `baseURL` option, for configs that do not set one.
        PLAYWRIGHT_TEST_BASE_URL: settings.url,
        PLAYWRIGHT_JUNIT_OUTPUT_FILE: junitFile,
        PLAYWRIGHT_HTML_OUTPUT_DIR: htmlDir,
        PLAYWRIGHT_HTML_OPEN: 'never',
        PLAYWRIGHT_HTML_TITLE: number === 1
            ? 'End-to-end tests: attempt 1'
            : `End-to-end tests: attempt ${number} (failed tests again)`,
        // Escape codes would end up in the summary's output lines.
        FORCE_COLOR: '0',
        ...(settings.chromiumPath === undefined ? {} : { CHROMIUM_PATH: settings.chromiumPath }),
        ...(settings.expectedCommit === undefined ? {} : { EXPECTED_COMMIT: settings.expectedCommit }),
    };
    return { number, args, env, junitFile, htmlDir, outputDir };
}
/** Variables the tests (code from the repository, maybe from a pull request) must not see. */
const PRIVATE = /^(INPUT_|ACTIONS_RUNTIME_TOKEN$|ACTIONS_ID_TOKEN_REQUEST_)/;
/** The step's environment without the action's inputs and the runner's tokens, plus the attempt's variables. */
function attemptEnvironment(base, plan) {
    return {
        ...Object.fromEntries(Object.entries(base).filter(([name]) => !PRIVATE.test(name))),
        ...plan.env,
    };
}
function relativeTo(cwd, path) {
    return path.startsWith(`${cwd}/`) ? path.slice(cwd.length + 1) : path;
}

;// CONCATENATED MODULE: ./packages/e2e/src/xml.ts
// A small XML parser for test reports: elements, attributes, text, CDATA and entities; no DTDs, no namespaces.
/** XML that cannot be read; the message says what and on which line. */
class XmlError extends Error {
    line;
    constructor(problem, line) {
        super(`line ${line}: ${problem}`);
        this.name = 'XmlError';
        this.line = line;
    }
}
const NAME = /[A-Za-z_:][-\w.:]*/y;
const ATTRIBUTE = /\s*([A-Za-z_:][-\w.:]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
const NAMED = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/**
 * Parses a document and returns its root element. Comments, processing instructions (`<?xml …?>`) and a
 * DOCTYPE are skipped; the five predefined entities and numeric character references are decoded (an unknown
 * entity is kept as written). Malformed markup — an unclosed element, a mismatched end tag, a truncated file —
 * throws XmlError.
 */
function parseXml(source) {
    const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
    const stack = [];
    let root;
    let at = 0;
    const fail = (problem, offset = at) => {
        throw new XmlError(problem, lineOf(text, offset));
    };
    const addText = (content, offset) => {
        const parent = stack.at(-1);
        if (parent)
            parent.text += content;
        else if (content.trim() !== '')
            fail('text outside the root element', offset);
    };
    const skipTo = (marker, from, what) => {
        const end = text.indexOf(marker, from);
        if (end === -1)
            fail(`unterminated ${what}`, from);
        return end + marker.length;
    };
    while (at < text.length) {
        const open = text.indexOf('<', at);
        const textEnd = open === -1 ? text.length : open;
        if (textEnd > at)
            addText(decodeEntities(text.slice(at, textEnd)), at);
        if (open === -1)
            break;
        at = open;
        if (text.startsWith('<!--', at))
            at = skipTo('-->', at + 4, 'comment');
        else if (text.startsWith('<![CDATA[', at)) {
            const end = skipTo(']]>', at + 9, 'CDATA section');
            addText(text.slice(at + 9, end - 3), at);
            at = end;
        }
        else if (text.startsWith('<?', at))
            at = skipTo('?>', at + 2, 'processing instruction');
        else if (text.startsWith('<!', at))
            at = skipDoctype(text, at, fail);
        else if (text.startsWith('</', at)) {
            const name = readName(text, at + 2) ?? fail('an end tag without a name');
            const close = /\s*>/y;
            close.lastIndex = at + 2 + name.length;
            if (!close.test(text))
                fail(`malformed end tag </${name}`);
            const element = stack.pop() ?? fail(`</${name}> closes nothing`);
            if (element.name !== name)
                fail(`</${name}> closes <${element.name}>`);
            at = close.lastIndex;
        }
        else {
            const name = readName(text, at + 1) ?? fail("a '<' that starts no tag");
            const element = { name, attributes: {}, children: [], text: '' };
            let cursor = at + 1 + name.length;
            for (;;) {
                ATTRIBUTE.lastIndex = cursor;
                const match = ATTRIBUTE.exec(text);
                if (!match)
                    break;
                element.attributes[match[1] ?? ''] = decodeEntities(match[2] ?? match[3] ?? '');
                cursor = ATTRIBUTE.lastIndex;
            }
            const end = /\s*(\/?)>/y;
            end.lastIndex = cursor;
            const closing = end.exec(text) ?? fail(`malformed start tag <${name}`, cursor);
            const parent = stack.at(-1);
            if (parent)
                parent.children.push(element);
            else if (root)
                fail(`a second root element <${name}>`);
            else
                root = element;
            if (closing[1] !== '/')
                stack.push(element);
            at = end.lastIndex;
        }
    }
    const unclosed = stack.at(-1);
    if (unclosed)
        fail(`the document ends inside <${unclosed.name}> (a truncated file?)`, text.length);
    return root ?? fail('no root element', 0);
}
/** Decodes the predefined entities and character references; an unknown entity stays as written. */
function decodeEntities(text) {
    if (!text.includes('&'))
        return text;
    return text.replace(/&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z]+);/g, (whole, entity) => {
        if (entity.startsWith('#')) {
            const code = entity[1] === 'x' ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
            return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
        }
        return NAMED[entity] ?? whole;
    });
}
/** The direct children of `element` named `name`. */
function childrenNamed(element, name) {
    return element.children.filter((child) => child.name === name);
}
function readName(text, offset) {
    NAME.lastIndex = offset;
    return NAME.exec(text)?.[0];
}
/** Skips `<!DOCTYPE …>`, including an internal subset in brackets. */
function skipDoctype(text, offset, fail) {
    let depth = 0;
    for (let index = offset + 2; index < text.length; index++) {
        const char = text[index];
        if (char === '[')
            depth++;
        else if (char === ']')
            depth--;
        else if (char === '>' && depth <= 0)
            return index + 1;
    }
    return fail('unterminated declaration', offset);
}
function lineOf(text, offset) {
    let line = 1;
    for (let index = 0; index < offset && index < text.length; index++)
        if (text[index] === '\n')
            line++;
    return line;
}

;// CONCATENATED MODULE: ./packages/e2e/src/junit.ts
// Reads JUnit XML test reports (Playwright's and the common dialects) into a flat list of test cases.

/**
 * Parses a JUnit XML report: a `<testsuites>` root, or a single `<testsuite>`; suites may nest. Throws XmlError
 * for malformed XML, and an Error when the root is neither element.
 */
function parseJUnit(xml) {
    const root = parseXml(xml);
    if (root.name !== 'testsuites' && root.name !== 'testsuite') {
        throw new Error(`the root element is <${root.name}>, not <testsuites> or <testsuite>`);
    }
    const cases = [];
    if (root.name === 'testsuite')
        collectSuite(root, cases);
    else {
        for (const suite of childrenNamed(root, 'testsuite'))
            collectSuite(suite, cases);
        // Some tools put test cases straight under <testsuites>.
        for (const testcase of childrenNamed(root, 'testcase'))
            cases.push(readCase(testcase, root));
    }
    const declared = Number(root.attributes.tests);
    return {
        cases,
        ...(root.attributes.tests !== undefined && Number.isFinite(declared) ? { declaredTests: declared } : {}),
    };
}
function collectSuite(suite, cases) {
    for (const child of suite.children) {
        if (child.name === 'testcase')
            cases.push(readCase(child, suite));
        else if (child.name === 'testsuite')
            collectSuite(child, cases);
    }
}
function readCase(testcase, suite) {
    let failure;
    let skipReason;
    let skipped = false;
    const flakyFailures = [];
    const rerunFailures = [];
    const out = [];
    const err = [];
    for (const child of testcase.children) {
        switch (child.name) {
            case 'failure':
            case 'error':
                failure ??= readFailure(child, child.name);
                break;
            case 'skipped': {
                skipped = true;
                const reason = (child.attributes.message ?? child.text).trim();
                if (reason !== '')
                    skipReason = reason;
                break;
            }
            case 'flakyFailure':
            case 'flakyError':
                flakyFailures.push(readFailure(child, child.name === 'flakyError' ? 'error' : 'failure'));
                break;
            case 'rerunFailure':
            case 'rerunError':
                rerunFailures.push(readFailure(child, child.name === 'rerunError' ? 'error' : 'failure'));
                break;
            case 'system-out':
                out.push(child.text);
                break;
            case 'system-err':
                err.push(child.text);
                break;
        }
    }
    // Playwright puts a skip's reason in a property named "skip".
    if (skipped && skipReason === undefined) {
        const property = childrenNamed(testcase, 'properties')
            .flatMap((properties) => childrenNamed(properties, 'property'))
            .find((property) => property.attributes.name === 'skip');
        if (property?.attributes.value)
            skipReason = property.attributes.value;
    }
    const systemOut = out.join('\n');
    return {
        suite: suite.attributes.name ?? '',
        project: suite.attributes.hostname ?? '',
        classname: testcase.attributes.classname ?? '',
        name: testcase.attributes.name ?? '',
        durationMs: seconds(testcase.attributes.time),
        outcome: failure ? 'failed' : skipped ? 'skipped' : 'passed',
        ...(failure ? { failure } : {}),
        ...(skipReason === undefined ? {} : { skipReason }),
        flakyFailures,
        rerunFailures,
        attachments: [...systemOut.matchAll(/\[\[ATTACHMENT\|([^\]\r\n]+)\]\]/g)].map((match) => match[1] ?? ''),
        systemOut,
        systemErr: err.join('\n'),
    };
}
function readFailure(element, kind) {
    // Surefire's retry elements keep the stack in a child element.
    const stack = childrenNamed(element, 'stackTrace')
        .map((child) => child.text)
        .join('\n');
    const text = element.text.trim() === '' ? stack : element.text;
    return {
        kind,
        message: element.attributes.message ?? firstLine(text),
        type: element.attributes.type ?? '',
        text: text.replace(/^\n+|\s+$/g, ''),
    };
}
/** A `time` attribute in seconds ("1.5", "1,234.5") as whole milliseconds; 0 when absent or unreadable. */
function seconds(text) {
    const value = Number((text ?? '').replace(/,/g, ''));
    return text === undefined || !Number.isFinite(value) || value < 0 ? 0 : Math.round(value * 1000);
}
function firstLine(text) {
    return (text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .find(Boolean) ?? '');
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(73136);
;// CONCATENATED MODULE: ./packages/e2e/src/location.ts
// Finds where in the repository a test failed, from the stack frames in a failure's text.


// `at /abs/file.ts:8:66`, `at fn (/abs/file.ts:8:66)`, `at file:///abs/file.ts:8:66`, `at tests/a.spec.ts:8:66`.
const FRAME = /^\s*at (?:.*? \()?((?:file:\/\/)?[^\s()]+?):(\d+):(\d+)\)?\s*$/gm;
// Playwright's header line: `[project] › path/to/file.spec.ts:5:3 › describe › title`.
const HEADER = /(?:^|\s)›\s+([^\s›]+?):(\d+):(\d+)\s+›/m;
/**
 * The first stack frame in `text` that points at a file inside the repository and outside node_modules (the
 * test's own line, skipping Playwright's internals), else the test's declaration from Playwright's header when
 * exactly one spec file matches it; undefined when neither is found.
 */
function locateFailure(text, context) {
    for (const match of text.matchAll(FRAME)) {
        const [, path = '', line = '', column = ''] = match;
        const file = insideRepository(path, context);
        if (file !== undefined && !file.split('/').includes('node_modules')) {
            return { file, line: Number(line), column: Number(column) };
        }
    }
    const header = HEADER.exec(text);
    if (header && context.specFiles) {
        const [, path = '', line = '', column = ''] = header;
        const candidates = context.specFiles.filter((file) => file === path || file.endsWith(`/${path}`));
        if (candidates.length === 1 && candidates[0] !== undefined) {
            return { file: candidates[0], line: Number(line), column: Number(column) };
        }
    }
    return undefined;
}
function insideRepository(path, context) {
    let absolute;
    try {
        absolute = path.startsWith('file://') ? (0,external_node_url_.fileURLToPath)(path) : (0,external_node_path_.resolve)(context.cwd, path);
    }
    catch {
        return undefined;
    }
    const inside = (0,external_node_path_.relative)((0,external_node_path_.resolve)(context.root), absolute);
    if (inside === '' || inside.startsWith('..') || (0,external_node_path_.isAbsolute)(inside))
        return undefined;
    return inside.split(external_node_path_.sep).join('/');
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(73024);
;// CONCATENATED MODULE: ./packages/e2e/src/playwright-cli.ts
// Finds the repository's own Playwright CLI: node_modules/.bin/playwright from the working directory up to the root.


/**
 * The nearest node_modules/.bin/playwright from `cwd` up to `root` (hoisted installs sit higher up), or undefined.
 * Never one from PATH: the tests must run with the @playwright/test version the repository pins.
 */
function findPlaywright(root, cwd) {
    const top = (0,external_node_path_.resolve)(root);
    let dir = (0,external_node_path_.resolve)(cwd);
    for (;;) {
        const candidate = (0,external_node_path_.join)(dir, 'node_modules', '.bin', 'playwright');
        if (isExecutable(candidate))
            return candidate;
        if (dir === top || (0,external_node_path_.relative)(top, dir).startsWith('..'))
            return undefined;
        const parent = (0,external_node_path_.dirname)(dir);
        if (parent === dir)
            return undefined;
        dir = parent;
    }
}
function isExecutable(path) {
    try {
        if (!(0,external_node_fs_.statSync)(path).isFile())
            return false;
        (0,external_node_fs_.accessSync)(path, external_node_fs_.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: ./packages/core/src/index.ts + 12 modules
var src = __nccwpck_require__(48886);
;// CONCATENATED MODULE: ./packages/findings/src/changed-lines.ts
// Keeps only the findings on lines a pull request added or changed.

/** GitHub lists at most this many files of a pull request. */
const PULL_REQUEST_FILES_CAP = 3000;
/**
 * The changed lines of a pull request's files. A file GitHub gives no patch for (too large, binary) counts as
 * changed throughout: better a finding too many than one hidden.
 */
function changedLinesOf(files) {
    const map = new Map();
    for (const file of files) {
        if (file.status === 'removed')
            continue;
        map.set(file.filename, typeof file.patch === 'string'
            ? new Set(addedLineNumbers(parsePatch(file.filename, file.patch)))
            : 'all');
    }
    return { files: map, complete: files.length < PULL_REQUEST_FILES_CAP };
}
/**
 * Splits findings into those on changed lines and the rest. Kept: findings with no file (a broken config is
 * everyone's business), file-level findings (no line) in a changed file, and findings whose lines
 * (line…endLine) include an added one. When the file list may be incomplete, findings in unlisted files stay.
 */
function keepChangedLines(findings, changed) {
    const kept = [];
    const dropped = [];
    for (const finding of findings) {
        (onChangedLine(finding, changed) ? kept : dropped).push(finding);
    }
    return { kept, dropped };
}
function onChangedLine(finding, changed) {
    if (finding.file === undefined)
        return true;
    const lines = changed.files.get(finding.file);
    if (lines === undefined)
        return !changed.complete;
    if (lines === 'all' || finding.line === undefined)
        return true;
    const first = finding.line;
    const last = Math.max(first, finding.endLine ?? first);
    for (const line of lines)
        if (line >= first && line <= last)
            return true;
    return false;
}

;// CONCATENATED MODULE: ./packages/findings/src/finding.ts
// What every checker reports: one finding, with where it is, how bad it is, and how to fix it.
const RANK = { error: 0, warning: 1, note: 2 };
/** Worst first, then by file and line: the order findings are shown in. */
function finding_compareFindings(a, b) {
    return (RANK[a.severity] - RANK[b.severity] ||
        (a.file ?? '').localeCompare(b.file ?? '') ||
        (a.line ?? 0) - (b.line ?? 0) ||
        (a.column ?? 0) - (b.column ?? 0) ||
        a.rule.localeCompare(b.rule));
}
/** Severity at or above `threshold` (error ≥ warning ≥ note). */
function atLeast(severity, threshold) {
    return RANK[severity] <= RANK[threshold];
}

;// CONCATENATED MODULE: ./packages/findings/src/report.ts
// Shows findings within GitHub's limits: the worst as annotations, all of them in a summary table under 1 MiB.

/**
 * GitHub shows at most 10 error and 10 warning annotations per step (and 10 notices), 50 per job: more are
 * dropped silently. These are the per-step budgets.
 */
const ANNOTATION_LIMITS = { error: 10, warning: 10, note: 10 };
/** The job summary of one step may hold at most 1 MiB. */
const SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** Which findings become annotations (worst first, within the budgets) and which only reach the summary. */
function chooseAnnotations(findings, limits = ANNOTATION_LIMITS) {
    const used = { error: 0, warning: 0, note: 0 };
    const annotated = [];
    const rest = [];
    for (const finding of [...findings].sort(finding_compareFindings)) {
        if (used[finding.severity] < limits[finding.severity]) {
            used[finding.severity]++;
            annotated.push(finding);
        }
        else {
            rest.push(finding);
        }
    }
    return { annotated, rest };
}
/**
 * A Markdown table of findings, worst first, cut so the text stays within `limitBytes`, with a line saying how
 * many were left out. Cells are escaped so a message cannot break the table or inject Markdown links.
 */
function findingsTable(findings, limitBytes = SUMMARY_LIMIT_BYTES - 4096) {
    if (findings.length === 0)
        return '';
    const header = '| severity | where | tool | rule | message |\n|---|---|---|---|---|\n';
    const sorted = [...findings].sort(compareFindings);
    const rows = [header];
    // A running count keeps this linear however many findings there are.
    let bytes = Buffer.byteLength(header);
    for (const finding of sorted) {
        const where = finding.file === undefined
            ? ''
            : `${finding.file}${finding.line === undefined ? '' : `:${finding.line}`}`;
        const row = `| ${finding.severity} | ${cell(where)} | ${cell(finding.tool)} | ${cell(finding.rule)} | ${cell(finding.message)}${finding.fix ? ` — ${cell(finding.fix)}` : ''} |\n`;
        const size = Buffer.byteLength(row);
        // Leave room for the "N more" line.
        if (bytes + size > limitBytes - 200)
            break;
        rows.push(row);
        bytes += size;
    }
    const left = sorted.length - (rows.length - 1);
    const text = rows.join('');
    return left > 0
        ? `${text}\n… and ${left} more finding(s) not shown (the job summary is limited to 1 MiB).\n`
        : text;
}
function cell(text) {
    return text
        .replace(/\r\n|\r|\n/g, ' ')
        .replace(/\|/g, '\\|')
        .replace(/</g, '&lt;')
        .replace(/\[/g, '\\[')
        .slice(0, 1000);
}

;// CONCATENATED MODULE: ./packages/findings/src/index.ts
// Findings: what linters and scanners report, and how Flowkit shows them within GitHub's limits.




;// CONCATENATED MODULE: ./packages/e2e/src/merge.ts
/** The key that tells a test apart across attempts: its project, file and title path. */
function testKey(test) {
    return [test.project, test.suite, test.classname, test.name].join('\u0000');
}
/**
 * Merges the cases of each attempt (attempt 1 first). A test's last run decides, except that a test which
 * failed and then only got skipped never passed, so it failed. A pass after a failure — in an earlier attempt,
 * or in the same report's `<flakyFailure>` records — is flaky. Tests keep the order of their first appearance.
 */
function mergeAttempts(attempts) {
    const runs = new Map();
    attempts.forEach((cases, index) => {
        for (const testcase of cases) {
            const key = testKey(testcase);
            const list = runs.get(key) ?? [];
            if (list.length === 0)
                runs.set(key, list);
            list.push({ attempt: index + 1, testcase });
        }
    });
    return [...runs.values()].map((list) => resultOf(list));
}
function resultOf(list) {
    const first = list[0];
    const last = list.at(-1) ?? first;
    const failedRuns = list.filter((run) => run.testcase.outcome === 'failed');
    const failures = list.flatMap((run) => [
        ...run.testcase.rerunFailures,
        ...run.testcase.flakyFailures,
        ...(run.testcase.failure ? [run.testcase.failure] : []),
    ]);
    const { testcase } = last;
    const status = testcase.outcome === 'failed'
        ? 'failed'
        : testcase.outcome === 'passed'
            ? failures.length > 0
                ? 'flaky'
                : 'passed'
            : failedRuns.length > 0
                ? 'failed'
                : 'skipped';
    const failure = status === 'failed'
        ? (failedRuns.at(-1)?.testcase.failure ?? failures.at(-1))
        : status === 'flaky'
            ? failures[0]
            : undefined;
    return {
        project: testcase.project,
        suite: testcase.suite,
        classname: testcase.classname,
        name: testcase.name,
        status,
        durationMs: list.reduce((sum, run) => sum + run.testcase.durationMs, 0),
        retries: list.length -
            1 +
            list.reduce((sum, run) => sum + run.testcase.flakyFailures.length + run.testcase.rerunFailures.length, 0),
        failedAttempts: failedRuns.map((run) => run.attempt),
        ...(testcase.outcome === 'passed' ? { passedAttempt: last.attempt } : {}),
        ...(failure ? { failure } : {}),
        ...(status === 'skipped' && testcase.skipReason !== undefined ? { skipReason: testcase.skipReason } : {}),
    };
}
/** How many tests ended in each status. */
function countResults(results) {
    const counts = { passed: 0, failed: 0, flaky: 0, skipped: 0 };
    for (const result of results)
        counts[result.status]++;
    return counts;
}

;// CONCATENATED MODULE: ./packages/e2e/src/report.ts
// Decides what the step shows and whether it fails: annotations within GitHub's budgets, and the job summary.



/** The annotations the step writes besides the tests' own: `reserved` counts those already written. */
function judgeE2e(run, options, limits = ANNOTATION_LIMITS) {
    const counts = countResults(run.results);
    const failed = run.problem !== undefined || counts.failed > 0;
    // A browser that did not start fails every test the same way: its one explanation is the annotation.
    const findings = run.problem?.cause === 'browser' ? [] : testFindings(run, options.root);
    const used = (severity) => options.reserved?.[severity] ?? 0;
    const budget = {
        // The conclusion is an error too.
        error: Math.max(0, limits.error - used('error') - (failed ? 1 : 0)),
        warning: Math.max(0, limits.warning - used('warning')),
        note: Math.max(0, limits.note - used('note')),
    };
    const { annotated, rest } = chooseAnnotations(findings, budget);
    return { counts, annotated, rest, failed, conclusion: conclusionOf(run, counts) };
}
/** One finding per failed test (an error) and per flaky test (a warning), at the line the test failed on. */
function testFindings(run, root) {
    const context = { root, cwd: run.paths.cwd, specFiles: run.specFiles };
    const manyProjects = new Set(run.results.map((result) => result.project)).size > 1;
    return run.results
        .filter((result) => result.status === 'failed' || result.status === 'flaky')
        .map((result) => {
        const where = result.failure ? locateFailure(result.failure.text, context) : undefined;
        const detail = result.failure ? failureDetail(result.failure.text, result.failure.message) : '';
        const message = result.status === 'failed'
            ? `${detail}${detail ? '\n' : ''}${attemptsText(result)}`
            : `Flaky: failed in attempt ${result.failedAttempts.join(', ') || '1'}, then passed${result.passedAttempt ? ` in attempt ${result.passedAttempt}` : ''}.${detail ? `\n${detail}` : ''}`;
        return {
            tool: 'e2e',
            rule: testTitle(result, manyProjects),
            severity: result.status === 'failed' ? 'error' : 'warning',
            message,
            ...(where ? { file: where.file, line: where.line, column: where.column } : {}),
        };
    });
}
/** `file › describe › title`, with `[project]` first when the run has more than one project. */
function testTitle(result, withProject) {
    const title = [result.suite || result.classname, result.name].filter(Boolean).join(' › ');
    return withProject && result.project ? `[${result.project}] ${title}` : title;
}
function attemptsText(result) {
    const attempts = result.failedAttempts;
    return attempts.length > 1
        ? `Failed in all ${attempts.length} attempts.`
        : `Failed in attempt ${attempts[0] ?? 1}.`;
}
/**
 * The part of Playwright's failure text a reader needs: the error and what was expected, without the header,
 * call log, code frame, stack and attachment lines (the file and line are the annotation's own).
 */
function failureDetail(text, message, maxLines = 8) {
    const kept = [];
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (/^(Call log:|Error Context:|attachment #\d|at\s)/.test(line) || /^>?\s*\d+\s+\|/.test(line))
            break;
        if (line === '' || line.includes(' › ') || /^─+$/.test(line))
            continue;
        kept.push(line);
        if (kept.length === maxLines)
            break;
    }
    return kept.length > 0 ? kept.join('\n') : message;
}
function conclusionOf(run, counts) {
    const tally = tallyText(counts);
    // A problem's message already says what went wrong and what to do.
    if (run.problem)
        return run.problem.message;
    const attempts = run.attempts.length;
    if (counts.failed > 0) {
        return `E2E tests failed: ${tally}${attempts > 1 ? ` after ${attempts - 1} retr${attempts === 2 ? 'y' : 'ies'} of the failed tests` : ''}.`;
    }
    if (counts.flaky > 0) {
        return `E2E tests passed, but ${counts.flaky} test(s) are flaky: they failed, then passed when run again (${tally}). Flaky tests do not fail the step.`;
    }
    return `E2E tests passed: ${tally}.`;
}
/** "1 failed, 1 flaky, 2 passed, 1 skipped", leaving out the zeros. */
function tallyText(counts) {
    const parts = ['failed', 'flaky', 'passed', 'skipped']
        .filter((status) => counts[status] > 0)
        .map((status) => `${counts[status]} ${status}`);
    return parts.length > 0 ? parts.join(', ') : 'no tests';
}
const ICON = {
    failed: ':x: failed',
    flaky: ':warning: flaky',
    passed: ':white_check_mark: passed',
    skipped: ':heavy_minus_sign: skipped',
};
const ORDER = { failed: 0, flaky: 1, skipped: 2, passed: 3 };
/** The job summary in Markdown: the verdict, the attempts, a table of every test (cut under 1 MiB), the reports. */
function e2eSummary(input, limitBytes = SUMMARY_LIMIT_BYTES - 1024) {
    const { run, verdict } = input;
    const parts = ['### End-to-end tests', '', `Against ${report_cell(withoutCredentials(input.url))}.`, ''];
    parts.push(verdict.failed ? `**${verdict.conclusion}**` : verdict.conclusion, '');
    if (run.retryNote)
        parts.push(run.retryNote, '');
    parts.push('| attempt | command | exit code | tests | time |', '|---|---|---|---|---|', ...run.attempts.map((attempt) => `| ${attempt.number} | \`${attempt.command.replace(/`/g, "'").replace(/\|/g, '\\|')}\` | ${attempt.exitCode ?? 'killed'} | ${attemptTally(attempt.cases)} | ${report_seconds(attempt.durationMs)} |`), '');
    if (run.problem) {
        const tail = run.problem.tail.join('\n');
        const fence = '`'.repeat(Math.max(3, ...[...tail.matchAll(/`+/g)].map((match) => match[0].length + 1)));
        parts.push('<details><summary>Playwright: last output lines</summary>', '', `${fence}text`, tail, fence, '', '</details>', '');
    }
    if (verdict.rest.length > 0) {
        parts.push(`${verdict.annotated.length} test(s) are annotations; GitHub shows at most 10 errors and 10 warnings per step, so the other ${verdict.rest.length} are only in the table below.`, '');
    }
    parts.push(reportText(input.location, run, input.root), '');
    const head = parts.join('\n');
    return `${head}\n${resultsTable(run.results, Math.max(4096, limitBytes - Buffer.byteLength(head)))}`;
}
/**
 * Every test, failed first, then flaky, skipped and passed: suite, test, result, duration and retries, cut so
 * the text stays within `limitBytes` with a line saying how many were left out.
 */
function resultsTable(results, limitBytes) {
    if (results.length === 0)
        return 'No test ran.\n';
    const manyProjects = new Set(results.map((result) => result.project)).size > 1;
    const header = '| suite | test | result | duration | retries |\n|---|---|---|---|---|\n';
    const sorted = [...results].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
    const rows = [header];
    let bytes = Buffer.byteLength(header);
    for (const result of sorted) {
        const suite = manyProjects && result.project ? `[${result.project}] ${result.suite}` : result.suite;
        const why = result.status === 'skipped' && result.skipReason ? ` (${result.skipReason})` : '';
        const row = `| ${report_cell(suite || result.classname)} | ${report_cell(result.name)} | ${ICON[result.status]}${report_cell(why)} | ${result.status === 'skipped' ? '' : report_seconds(result.durationMs)} | ${result.retries} |\n`;
        const size = Buffer.byteLength(row);
        if (bytes + size > limitBytes - 200)
            break;
        rows.push(row);
        bytes += size;
    }
    const left = sorted.length - (rows.length - 1);
    return left > 0
        ? `${rows.join('')}\n… and ${left} more test(s) not shown (the job summary is limited to 1 MiB).\n`
        : rows.join('');
}
function reportText(location, run, root) {
    const folders = [run.paths.reportDir, run.paths.resultsDir].map((dir) => `\`${relativeName(root, dir)}/\``);
    const perAttempt = run.attempts.length > 1
        ? ` \`playwright-report/\` holds an HTML report per attempt (${run.attempts.map((attempt) => `\`attempt-${attempt.number}/\``).join(', ')}); a retry's holds only the tests it ran again.`
        : '';
    if (location.artifact) {
        const name = location.artifact.url
            ? `[${report_cell(location.artifact.name)}](${location.artifact.url})`
            : `\`${location.artifact.name}\``;
        return `The HTML report and traces (${folders.join(' and ')}) are in the artifact ${name}.${perAttempt}`;
    }
    return `The HTML report and traces are in ${folders.join(' and ')} on the runner${location.note ? `: ${location.note}` : '.'}${perAttempt}`;
}
/** The URL without a user name and password, for display. */
function withoutCredentials(url) {
    try {
        const parsed = new URL(url);
        if (parsed.username === '' && parsed.password === '')
            return url;
        parsed.username = '';
        parsed.password = '';
        return parsed.toString();
    }
    catch {
        return url;
    }
}
function relativeName(root, dir) {
    return dir.startsWith(`${root}/`) ? dir.slice(root.length + 1) : dir;
}
function attemptTally(cases) {
    if (cases.length === 0)
        return 'none';
    const count = (outcome) => cases.filter((testcase) => testcase.outcome === outcome).length;
    return ['failed', 'passed', 'skipped']
        .filter((outcome) => count(outcome) > 0)
        .map((outcome) => `${count(outcome)} ${outcome}`)
        .join(', ');
}
function report_seconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}
function report_cell(text) {
    return text
        .replace(/\r\n|\r|\n/g, ' ')
        .replace(/\|/g, '\\|')
        .replace(/</g, '&lt;')
        .replace(/\[/g, '\\[')
        .slice(0, 1000);
}

;// CONCATENATED MODULE: ./packages/e2e/src/diagnose.ts
// Playwright's messages when a browser does not start ("Executable doesn't exist at …", "Failed to launch …").
const LAUNCH = /browserType\.launch|Failed to launch|Executable doesn't exist/i;
const MISSING_AT = /executable doesn't exist at (\S+)/i;
/**
 * The problem of an attempt, or undefined when its result is about the tests (all passed, or some failed).
 * Order matters: a browser that does not start makes every test fail, which must not read as failed tests.
 */
function diagnoseAttempt(outcome, context) {
    const { result, cases, tail } = outcome;
    const problem = (cause, message) => ({ cause, message, tail });
    if (result.startError !== undefined) {
        return problem('not-started', `Playwright could not be started: ${result.startError}.`);
    }
    if (result.signal !== null && result.exitCode === null) {
        return problem('killed', `Playwright was killed by ${result.signal} before it finished.`);
    }
    const launch = cases?.find((testcase) => testcase.failure && LAUNCH.test(testcase.failure.message));
    if (launch?.failure)
        return problem('browser', browserMessage(launch.failure.message, context));
    const output = `${result.stdout}\n${result.stderr}`;
    // Playwright's --global-timeout: "Timed out waiting 60s for the test suite to run".
    if (result.exitCode !== 0 && /Timed out waiting [\d.]+s for the .+ to run/.test(output)) {
        return problem('timeout', `The tests ran out of time: timeout allows ${context.timeoutMinutes} minute(s) for all attempts together. Raise timeout, or look for a test that hangs.`);
    }
    // Without its report a run says nothing about the tests, whatever its exit code.
    if (cases === undefined) {
        const error = errorLine(result);
        return problem(error === undefined ? 'no-report' : 'config', error === undefined
            ? `Playwright exited with code ${result.exitCode} without a JUnit report (${outcome.reportError ?? 'none was written'}).`
            : `Playwright could not run the tests: ${error}`);
    }
    if (result.exitCode === 0)
        return undefined;
    if (cases.length === 0) {
        if (/No tests found/i.test(output)) {
            const filters = [
                context.projects.length > 0 ? `project: ${context.projects.join(', ')}` : '',
                context.grep === undefined ? '' : `grep: ${context.grep}`,
            ].filter(Boolean);
            return problem('no-tests', `No tests found in '${context.workingDirectory || '.'}'${filters.length > 0 ? ` (${filters.join('; ')})` : ''}. Check working-directory (the folder of playwright.config), testDir in the config, and the project and grep inputs.`);
        }
        return problem('config', `Playwright could not load its config or the test files: ${errorLine(result) ?? `it exited with code ${result.exitCode} before running a test`}`);
    }
    if (!cases.some((testcase) => testcase.outcome === 'failed')) {
        return problem('outside-tests', `Playwright exited with code ${result.exitCode}, yet no test failed: something outside the tests went wrong (global setup or teardown, a worker that crashed, an error in a test file). ${errorLine(result) ?? 'Its last output lines are in the job summary.'}`);
    }
    return undefined;
}
function browserMessage(message, context) {
    const firstLine = message.split(/\r?\n/)[0]?.replace(/^browserType\.launch:\s*/, '') ?? message;
    const missing = MISSING_AT.exec(message)?.[1];
    // Playwright says "Executable doesn't exist at …" for its own downloads (in PLAYWRIGHT_BROWSERS_PATH,
    // ~/.cache/ms-playwright by default), and "Failed to launch … because executable doesn't exist" for an
    // executablePath the config gave.
    const ownDownload = missing !== undefined && !/Failed to launch/i.test(message);
    if (ownDownload) {
        return context.chromiumPath === undefined
            ? `The browser could not be started: Playwright's own Chromium is not installed (${missing}). Run 'npx playwright install --with-deps chromium' before this step, or set chromium-path to a Chromium on the runner (e.g. /usr/bin/chromium) and have playwright.config use it.`
            : `The browser could not be started: Playwright looked for its own download (${missing}), so playwright.config does not use chromium-path (${context.chromiumPath}). Add \`launchOptions: { executablePath: process.env.CHROMIUM_PATH }\` under \`use\` in playwright.config (see the e2e action's README), or install Playwright's browsers before this step and set chromium-path to ''.`;
    }
    if (missing !== undefined && context.chromiumPath !== undefined && missing !== context.chromiumPath) {
        return `The browser could not be started: playwright.config launches ${missing}, which does not exist, instead of chromium-path (${context.chromiumPath}). Set \`executablePath: process.env.CHROMIUM_PATH\` in its launchOptions (see the e2e action's README).`;
    }
    return `The browser could not be started: ${firstLine}. Check that the Chromium at ${missing ?? context.chromiumPath ?? "the config's executablePath"} runs on this machine, and that playwright.config launches it with --no-sandbox (see the e2e action's README).`;
}
/** The first `Error: …` line of Playwright's output (its errors go to stderr), which names what it could not do. */
function errorLine(result) {
    return `${result.stderr}\n${result.stdout}`
        .split(/\r?\n/)
        .map((line) => line.trim())
        .find((line) => /^\w*Error: \S/.test(line));
}

;// CONCATENATED MODULE: ./packages/e2e/src/run.ts
// Runs the Playwright tests: a first attempt, then only the failed tests again, up to `retries` times.







/** A retry gets at least this long; with less time left, the run stops and says so. */
const MIN_RETRY_MS = 30_000;
/**
 * Runs the tests once, then, while tests failed and retries are left, runs only the tests that failed
 * (`--last-failed`, from the IDs the previous attempt wrote). It never throws for Playwright: a run that
 * could not test is `problem`. Old `playwright-report/` and `test-results/` are removed first, so only this
 * run's reports remain to upload.
 */
async function runE2e(settings, dependencies = {}) {
    const { exec = src/* runProcess */.R3, log = src/* silentLogger */.qq, env = process.env, now = () => performance.now(), } = dependencies;
    const paths = reportPaths(settings);
    await (0,promises_.rm)(paths.reportDir, { recursive: true, force: true });
    await (0,promises_.rm)(paths.resultsDir, { recursive: true, force: true });
    const deadline = now() + settings.timeoutMinutes * 60_000;
    const attempts = [];
    let problem;
    let retryNote;
    for (let number = 1;; number++) {
        const plan = planAttempt(settings, paths, number, deadline - now());
        const { record, failed, problem: found, } = await runAttempt(settings, plan, paths, { exec, log, env, now });
        attempts.push(record);
        if (found) {
            problem = found;
            break;
        }
        if (failed === 0)
            break;
        if (number > settings.retries)
            break;
        const ids = await failedTestIds(paths.lastRunFile);
        if (ids === undefined || ids.length === 0) {
            // With no list, --last-failed would run every test again.
            retryNote = `Failed tests were not run again: Playwright left no list of them in ${(0,external_node_path_.relative)(settings.root, paths.lastRunFile)}.`;
            break;
        }
        if (deadline - now() < MIN_RETRY_MS) {
            retryNote = `Failed tests were not run again: less than ${MIN_RETRY_MS / 1000} s of the ${settings.timeoutMinutes}-minute timeout was left.`;
            break;
        }
        log.info(`${failed} test(s) failed; running them again (retry ${number} of ${settings.retries}).`);
    }
    const results = mergeAttempts(attempts.map((attempt) => attempt.cases));
    const needsSpecFiles = results.some((result) => result.failure !== undefined);
    return {
        paths,
        attempts,
        results,
        ...(problem ? { problem } : {}),
        ...(retryNote ? { retryNote } : {}),
        specFiles: needsSpecFiles ? await listSpecFiles(settings.root, paths.cwd) : [],
    };
}
async function runAttempt(settings, plan, paths, dependencies) {
    const { exec, log, env, now } = dependencies;
    const command = (0,src/* commandLine */.ay)('playwright', plan.args);
    log.info(`Attempt ${plan.number}: ${command}`);
    const started = now();
    const result = await exec(settings.playwright, plan.args, {
        cwd: paths.cwd,
        env: attemptEnvironment(env, plan),
    });
    const durationMs = Math.round(now() - started);
    let cases;
    let reportError;
    try {
        cases = parseJUnit(await (0,promises_.readFile)(plan.junitFile, 'utf8')).cases;
    }
    catch (caught) {
        reportError =
            caught.code === 'ENOENT'
                ? 'none was written'
                : `it could not be read: ${(0,src/* errorMessage */.gJ)(caught)}`;
    }
    const tail = (0,src/* outputTail */.ci)(result, 30);
    const problem = diagnoseAttempt({ result, cases, tail, ...(reportError ? { reportError } : {}) }, settings);
    const failed = (cases ?? []).filter((testcase) => testcase.outcome === 'failed').length;
    return {
        record: {
            number: plan.number,
            command,
            exitCode: result.exitCode,
            durationMs,
            cases: cases ?? [],
            junitFile: plan.junitFile,
            htmlDir: plan.htmlDir,
            outputDir: plan.outputDir,
        },
        failed,
        problem,
    };
}
/** The test IDs in Playwright's last-run file, or undefined when it is missing or unreadable. */
async function failedTestIds(file) {
    try {
        const data = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
        return Array.isArray(data.failedTests)
            ? data.failedTests.filter((id) => typeof id === 'string')
            : undefined;
    }
    catch {
        return undefined;
    }
}
const SKIP = new Set(['node_modules', '.git', 'playwright-report', 'test-results']);
const SPEC = /\.(spec|test)\.[cm]?[jt]sx?$/;
/** Repository-relative paths of the spec files under `cwd` (at most 5,000; folders such as node_modules skipped). */
async function listSpecFiles(root, cwd) {
    const found = [];
    const pending = [cwd];
    while (pending.length > 0 && found.length < 5000) {
        const dir = pending.pop();
        const entries = await (0,promises_.readdir)(dir, { withFileTypes: true }).catch(() => []);
        for (const entry of entries) {
            if (entry.isDirectory() && !SKIP.has(entry.name))
                pending.push((0,external_node_path_.join)(dir, entry.name));
            else if (entry.isFile() && SPEC.test(entry.name)) {
                found.push((0,external_node_path_.relative)(root, (0,external_node_path_.join)(dir, entry.name)).split(external_node_path_.sep).join('/'));
            }
        }
    }
    return found.sort();
}

;// CONCATENATED MODULE: ./packages/e2e/src/settings.ts
// Reads and checks every e2e input before anything runs: one typed settings object comes out.




/** The inputs of the e2e action, as action.yml declares them. */
const E2E_INPUTS = (/* unused pure expression or super */ null && ([
    'url',
    'working-directory',
    'project',
    'grep',
    'retries',
    'chromium-path',
    'expected-commit',
    'artifact-name',
    'retention-days',
    'timeout',
    'deployment-id',
    'github-token',
]));
/** The Chromium Debian installs, which Flowkit's runners and GitHub's Ubuntu images provide. */
const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
// The characters GitHub refuses in an artifact's name.
const BAD_ARTIFACT_NAME = /["<>|*?:\\/\r\n]/;
/** Checks every input; throws InputError for the first problem. `root` is the repository root. Runs nothing. */
function readE2eSettings(input, root) {
    const url = readUrl(input('url'));
    const workingDirectory = readWorkingDirectory(input('working-directory'), root);
    const projects = input('project')
        .split(/[,\n]/)
        .map((name) => name.trim())
        .filter(Boolean);
    const grep = readGrep(input('grep'));
    const retries = (0,src/* parseIntegerInput */._p)('retries', input('retries'), 1, { min: 0, max: 5 });
    const chromiumPath = readChromiumPath(input('chromium-path'));
    const expectedCommit = input('expected-commit') || undefined;
    if (expectedCommit !== undefined && !/^[0-9a-f]{7,64}$/i.test(expectedCommit)) {
        throw new src/* InputError */.dz('expected-commit', `is not a commit SHA: '${expectedCommit}'`, 'Give the deployed commit, e.g. ${{ github.sha }}, or leave it out.');
    }
    const artifactName = input('artifact-name') || undefined;
    if (artifactName !== undefined && BAD_ARTIFACT_NAME.test(artifactName)) {
        throw new src/* InputError */.dz('artifact-name', `holds a character GitHub does not allow in artifact names: '${artifactName}'`, 'Leave out " : < > | * ? \\ / and line breaks, e.g. playwright-report-${{ matrix.shard }}.');
    }
    const retention = input('retention-days');
    const retentionDays = retention === '' ? undefined : (0,src/* parseIntegerInput */._p)('retention-days', retention, 30, { min: 1, max: 90 });
    const timeoutMinutes = (0,src/* parseIntegerInput */._p)('timeout', input('timeout'), 30, { min: 1, max: 360 });
    const cwd = (0,external_node_path_.resolve)(root, workingDirectory);
    const playwright = findPlaywright(root, cwd);
    if (playwright === undefined) {
        throw new src/* InputError */.dz('working-directory', `has no Playwright: node_modules/.bin/playwright was not found from '${workingDirectory || '.'}' up to the repository root`, "Add @playwright/test to the project's devDependencies and run 'npm ci' (or your package manager's install) before this step.");
    }
    return {
        url,
        root,
        workingDirectory,
        playwright,
        projects,
        grep,
        retries,
        chromiumPath,
        expectedCommit,
        artifactName,
        retentionDays,
        timeoutMinutes,
        deploymentId: readDeploymentId(input('deployment-id')),
        githubToken: input('github-token'),
    };
}
function readDeploymentId(text) {
    if (text === '')
        return undefined;
    if (!/^[1-9]\d{0,15}$/.test(text)) {
        throw new src/* InputError */.dz('deployment-id', `is not a deployment id: '${text.slice(0, 40)}'`, "Pass provision-staging's deployment-id output.");
    }
    return Number(text);
}
/** The password of a URL with credentials (https://user:pass@host), to mask before anything is logged. */
function urlSecret(text) {
    try {
        const password = new URL(text).password;
        return password === '' ? undefined : decodeURIComponent(password);
    }
    catch {
        return undefined;
    }
}
function readUrl(text) {
    if (text === '') {
        throw new src/* InputError */.dz('url', 'is required and was not given', "Add 'url:' with the deployment to test, e.g. the staging URL a provision step put out.");
    }
    let url;
    try {
        url = new URL(text);
    }
    catch {
        // The value may hold credentials, so it is not repeated.
        throw new src/* InputError */.dz('url', 'is not an absolute URL', 'Write it in full, e.g. https://staging.example.com.');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new src/* InputError */.dz('url', `must be an http or https URL, not ${url.protocol}`, 'Write it in full, e.g. https://staging.example.com.');
    }
    return text;
}
function readWorkingDirectory(text, root) {
    const inside = (0,external_node_path_.relative)((0,external_node_path_.resolve)(root), (0,external_node_path_.resolve)(root, text || '.'));
    if (inside.startsWith('..') || (0,external_node_path_.isAbsolute)(inside)) {
        throw new src/* InputError */.dz('working-directory', `is outside the repository: '${text}'`, 'Give the folder of playwright.config relative to the repository root, e.g. apps/web.');
    }
    const info = statSafe((0,external_node_path_.resolve)(root, inside));
    if (!info?.isDirectory()) {
        throw new src/* InputError */.dz('working-directory', `is not a folder of the repository: '${text}'`, 'Check the path, and that actions/checkout ran before this step.');
    }
    return inside.split(external_node_path_.sep).join('/');
}
function readGrep(text) {
    if (text === '')
        return undefined;
    // Playwright reads "/source/flags" as a literal and anything else as the source of a RegExp.
    const literal = /^\/(.*)\/([gi]*)$/.exec(text);
    try {
        new RegExp(literal ? (literal[1] ?? '') : text, literal ? literal[2] : 'gi');
    }
    catch (caught) {
        throw new src/* InputError */.dz('grep', `is not a regular expression: ${caught.message}`, 'Escape characters such as ( [ + ? with a backslash, or match a plain part of the titles.');
    }
    return text;
}
function readChromiumPath(text) {
    // Empty: the config picks the browser itself (Playwright's own download, a channel…).
    if (text === '')
        return undefined;
    if (!(0,external_node_path_.isAbsolute)(text)) {
        throw new src/* InputError */.dz('chromium-path', `must be an absolute path, not '${text}'`, `Write e.g. ${DEFAULT_CHROMIUM_PATH}, or leave it empty to let playwright.config choose the browser.`);
    }
    const info = statSafe(text);
    const executable = (() => {
        try {
            (0,external_node_fs_.accessSync)(text, external_node_fs_.constants.X_OK);
            return true;
        }
        catch {
            return false;
        }
    })();
    if (!info?.isFile() || !executable) {
        throw new src/* InputError */.dz('chromium-path', `is not an executable file: '${text}'${info === undefined ? ' does not exist' : ''}`, "Install Chromium before this step (on Debian and Ubuntu: 'sudo apt-get install -y chromium'), give the path of another Chromium or Chrome, or set chromium-path to '' to use Playwright's own browser.");
    }
    return text;
}
function statSafe(path) {
    try {
        return (0,external_node_fs_.statSync)(path);
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(31421);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(77598);
;// CONCATENATED MODULE: ./packages/e2e/src/stream.ts
// Runs a process like core's runProcess, but shows its output line by line as it comes: a test run takes minutes.


/** Output kept per stream for the result; the log has everything. */
const MAX_KEPT = 16 * 1024 * 1024;
/**
 * A ProcessRunner that writes each complete line of the child's stdout and stderr to `write` while it runs,
 * between `::stop-commands::` markers so that nothing a test prints (`::error::`, `::add-mask::`…) is taken
 * for a workflow command. It resolves with everything it printed, like runProcess; it never rejects.
 */
function streamingRunner(write) {
    return (command, args, options) => new Promise((resolve) => {
        const token = `e2e-${(0,external_node_crypto_.randomUUID)()}`;
        write(`::stop-commands::${token}\n`);
        const child = (0,external_node_child_process_.spawn)(command, args, {
            cwd: options.cwd,
            env: options.env,
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        const stdout = lines(write);
        const stderr = lines(write);
        child.stdout.on('data', stdout.add);
        child.stderr.on('data', stderr.add);
        let startError;
        child.on('error', (error) => {
            startError = error.message;
        });
        child.on('close', (exitCode, signal) => {
            stdout.flush();
            stderr.flush();
            write(`::${token}::\n`);
            resolve({
                exitCode: startError === undefined ? exitCode : null,
                signal,
                stdout: stdout.text(),
                stderr: stderr.text(),
                ...(startError === undefined ? {} : { startError }),
            });
        });
    });
}
function lines(write) {
    let pending = '';
    const kept = [];
    let size = 0;
    const keep = (text) => {
        kept.push(text);
        size += text.length;
        while (size > MAX_KEPT && kept.length > 1)
            size -= kept.shift().length;
    };
    const decoder = new TextDecoder();
    return {
        add: (chunk) => {
            const text = decoder.decode(chunk, { stream: true });
            keep(text);
            pending += text;
            const end = pending.lastIndexOf('\n');
            if (end === -1)
                return;
            // Whole lines only, so a mask the runner applies per line sees the whole secret.
            write(pending.slice(0, end + 1));
            pending = pending.slice(end + 1);
        },
        flush: () => {
            const rest = decoder.decode();
            keep(rest);
            pending += rest;
            if (pending !== '')
                write(`${pending}\n`);
            pending = '';
        },
        text: () => kept.join(''),
    };
}

;// CONCATENATED MODULE: ./packages/e2e/src/index.ts
// E2E: runs a repository's Playwright tests against a URL, retries only the failed ones, and reports the results.














/***/ }),

/***/ 1862:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  jh: () => (/* reexport */ GitHubClient)
});

// UNUSED EXPORTS: DEPLOYMENT_HISTORY_QUERY, DEPLOYMENT_STATUSES_QUERY, GitHubError, graphqlUrl, rateLimitWait, readChangeText, readDeploymentHistory, readReleaseText

// EXTERNAL MODULE: ./packages/core/src/index.ts + 12 modules
var src = __nccwpck_require__(48886);
;// CONCATENATED MODULE: ./packages/github/src/client.ts
// A small GitHub REST client over Flowkit's HTTP helper: pagination, rate limits and Retry-After handled in one place.

/**
 * GitHub refused a request: `status` and GitHub's `message`. For GraphQL, GitHub answers errors with HTTP 200:
 * `type` is the first error's type (NOT_FOUND, FORBIDDEN, EXCESSIVE_PAGINATION…) and `errors` all of them.
 */
class GitHubError extends Error {
    status;
    type;
    errors;
    constructor(request, status, message, errors = []) {
        super(`GitHub answered ${status} to ${request}: ${message}`);
        this.name = 'GitHubError';
        this.status = status;
        this.type = errors[0]?.type;
        this.errors = errors;
    }
}
/** Calls the GitHub REST API. Counts requests, for the API-economy figures. */
class GitHubClient {
    requestCount = 0;
    #options;
    constructor(options) {
        this.#options = options;
    }
    /** One request; JSON in and out. Rate limits wait for the reset or Retry-After within the time budget. */
    async request(method, path, options = {}) {
        const url = new URL(`${this.#options.apiUrl.replace(/\/$/, '')}${path}`);
        for (const [name, value] of Object.entries(options.query ?? {}))
            url.searchParams.set(name, String(value));
        return this.#send(method, url, options.body, (data, headers) => ({ data: data, headers }));
    }
    /**
     * One GraphQL query: POST to the GraphQL endpoint (`/graphql` beside api.github.com, `/api/graphql` for a
     * GitHub Enterprise Server `/api/v3` URL) with the same token, retries and rate-limit waits as `request`, counted
     * in `requestCount`. GraphQL reports errors with HTTP 200 and an `errors` list: a primary rate limit
     * (RATE_LIMITED) waits for the reset; any other error is a GitHubError naming each error's type and message,
     * even when part of `data` came back.
     */
    async graphql(query, variables) {
        const url = new URL(graphqlUrl(this.#options.apiUrl));
        const { clock = src/* systemClock */.ml } = this.#options;
        return this.#send('POST', url, { query, variables }, (body, headers, request) => {
            const answer = (typeof body === 'object' && body !== null ? body : {});
            const errors = Array.isArray(answer.errors) ? answer.errors.map(graphqlError) : [];
            if (errors.length > 0) {
                const message = errors.map((error) => error.type ? `${error.type}: ${error.message}` : error.message);
                if (errors.some((error) => error.type === 'RATE_LIMITED')) {
                    throw new src/* TransientError */.N_(`${request} was rate limited by GitHub (${message.join('; ')})`, {
                        retryAfterMs: rateLimitWait(403, headers, clock.now()) ?? 60_000,
                        hadNoEffect: true,
                    });
                }
                throw new GitHubError(request, 200, message.join('; '), errors);
            }
            if (answer.data === undefined || answer.data === null) {
                throw new GitHubError(request, 200, `no data in the answer: ${String(JSON.stringify(body)).slice(0, 300)}`);
            }
            return answer.data;
        });
    }
    /** Sends with retries; `accept` reads a 2xx answer (and may throw). */
    async #send(method, url, bodyValue, accept) {
        const { clock = src/* systemClock */.ml, log = src/* silentLogger */.qq, timeoutMs = 15_000 } = this.#options;
        const headers = {
            accept: 'application/vnd.github+json',
            authorization: `Bearer ${this.#options.token}`,
            'x-github-api-version': '2022-11-28',
            'user-agent': 'flowkit',
        };
        const body = bodyValue === undefined ? undefined : JSON.stringify(bodyValue);
        if (body !== undefined)
            headers['content-type'] = 'application/json';
        const request = `${method} ${url.pathname}`;
        return (0,src/* withRetry */.bD)(async ({ remainingMs }) => {
            this.requestCount++;
            const response = await (0,src/* httpAttempt */.kO)({ method, url, headers, body, timeoutMs: Math.max(1, Math.min(timeoutMs, remainingMs)) }, request);
            const data = (0,src/* parseAnswerBody */.Sp)(response.body);
            if (response.status >= 200 && response.status < 300)
                return accept(data, response.headers, request);
            const message = typeof data === 'object' && data !== null && 'message' in data
                ? String(data.message)
                : String(data ?? '');
            const limited = rateLimitWait(response.status, response.headers, clock.now());
            if (limited !== undefined)
                throw new src/* TransientError */.N_(`${request} was rate limited by GitHub (${message})`, {
                    retryAfterMs: limited,
                    hadNoEffect: true,
                });
            if (response.status >= 500)
                throw new src/* TransientError */.N_(`${request}: GitHub answered HTTP ${response.status}`);
            throw new GitHubError(request, response.status, message);
        }, this.#options.policy(), { clock, log });
    }
    /** Every page of a list endpoint (`per_page` 100), stopping after `maxItems`. */
    async paginate(path, query, maxItems, pick = (page) => page) {
        const items = [];
        for (let page = 1; items.length < maxItems; page++) {
            const { data, headers } = await this.request('GET', path, {
                query: { ...query, per_page: 100, page },
            });
            const found = pick(data);
            items.push(...found);
            if (found.length === 0 || !/rel="next"/.test(headers.link ?? ''))
                break;
        }
        return items.slice(0, maxItems);
    }
    /** The commits of a pull request (GitHub lists at most 250). */
    listPullRequestCommits({ owner, repo }, number) {
        return this.paginate(`/repos/${owner}/${repo}/pulls/${number}/commits`, {}, 250);
    }
    /**
     * The files a pull request changes, each with its `patch`. GitHub lists at most 3,000: a longer list may be
     * incomplete.
     */
    listPullRequestFiles({ owner, repo }, number) {
        return this.paginate(`/repos/${owner}/${repo}/pulls/${number}/files`, {}, 3000);
    }
    /** The commits reachable from `head` but not from `base`, oldest first (bounded at `max`). */
    async compareCommits({ owner, repo }, base, head, max = 1000) {
        const path = `/repos/${owner}/${repo}/compare/${encodeURIComponent(base)}...${encodeURIComponent(head)}`;
        return this.paginate(path, {}, max, (page) => page.commits ?? []);
    }
    /** Deployments to an environment, newest first. */
    listDeployments({ owner, repo }, environment, max = 100) {
        return this.paginate(`/repos/${owner}/${repo}/deployments`, { environment }, max);
    }
    /** A deployment's newest `max` statuses (at most 100), newest first. */
    async listDeploymentStatuses({ owner, repo }, id, max = 10) {
        const { data } = await this.request('GET', `/repos/${owner}/${repo}/deployments/${id}/statuses`, { query: { per_page: Math.min(100, max) } });
        return data;
    }
    /**
     * Creates a deployment (needs `deployments: write`). Pass `required_contexts: []` and `auto_merge: false` unless
     * GitHub should check commit statuses first or merge the default branch into the ref: either can answer 409.
     */
    async createDeployment({ owner, repo }, deployment) {
        const { data } = await this.request('POST', `/repos/${owner}/${repo}/deployments`, {
            body: deployment,
        });
        return data;
    }
    /** Adds a status to a deployment (needs `deployments: write`); `description` is at most 140 characters. */
    async createDeploymentStatus({ owner, repo }, id, status) {
        const { data } = await this.request('POST', `/repos/${owner}/${repo}/deployments/${id}/statuses`, { body: status });
        return data;
    }
    /**
     * Deletes a deployment environment with its secrets and protection rules. Needs Administration: write, which a
     * GitHub App or a fine-grained token can have and a workflow's GITHUB_TOKEN cannot (GitHub answers 403).
     */
    async deleteEnvironment({ owner, repo }, name) {
        await this.request('DELETE', `/repos/${owner}/${repo}/environments/${encodeURIComponent(name)}`);
    }
    /**
     * Uploads a SARIF log to code scanning (needs `security-events: write`); GitHub answers 202 with the upload's id
     * and processes it in the background.
     */
    async uploadSarif({ owner, repo }, upload) {
        const path = `/repos/${owner}/${repo}/code-scanning/sarifs`;
        const { data } = await this.request('POST', path, { body: upload });
        return data;
    }
    /** Where the processing of an uploaded SARIF stands: pending, complete, or failed with GitHub's errors. */
    async getSarifUpload({ owner, repo }, sarifId) {
        const { data } = await this.request('GET', `/repos/${owner}/${repo}/code-scanning/sarifs/${encodeURIComponent(sarifId)}`);
        return data;
    }
    /**
     * The newest deployment to `environment` whose latest status is success, looking at no more than `maxDeployments`
     * (one statuses request each) and skipping those of `exceptSha`, or undefined.
     */
    async lastSuccessfulDeployment(repo, environment, maxDeployments = 30, exceptSha) {
        for (const deployment of await this.listDeployments(repo, environment, maxDeployments)) {
            if (deployment.sha === exceptSha)
                continue;
            const [latest] = await this.listDeploymentStatuses(repo, Number(deployment.id));
            if (latest?.state === 'success' || latest?.state === 'inactive')
                return deployment;
        }
        return undefined;
    }
}
/**
 * How long to wait for a rate limit: Retry-After (secondary limits), else until x-ratelimit-reset when no requests
 * remain (primary limit); undefined when the answer is not a rate limit.
 */
function rateLimitWait(status, headers, now) {
    if (status !== 403 && status !== 429)
        return undefined;
    const retryAfter = (0,src/* parseRetryAfter */.mu)(headers['retry-after'], now);
    if (retryAfter !== undefined)
        return retryAfter;
    if (headers['x-ratelimit-remaining'] === '0' && headers['x-ratelimit-reset'] !== undefined) {
        return Math.max(1000, Number(headers['x-ratelimit-reset']) * 1000 - now);
    }
    return status === 429 ? 60_000 : undefined;
}
/**
 * The GraphQL endpoint for a REST API URL: https://api.github.com/graphql, and for GitHub Enterprise Server
 * (https://HOST/api/v3) https://HOST/api/graphql.
 */
function graphqlUrl(apiUrl) {
    const base = apiUrl.replace(/\/+$/, '');
    return /\/api\/v3$/.test(base) ? `${base.slice(0, -'/v3'.length)}/graphql` : `${base}/graphql`;
}
function graphqlError(entry) {
    const record = (typeof entry === 'object' && entry !== null ? entry : {});
    return {
        ...(typeof record.type === 'string' ? { type: record.type } : {}),
        message: typeof record.message === 'string' ? record.message : JSON.stringify(entry),
        ...(Array.isArray(record.path) ? { path: record.path } : {}),
    };
}

;// CONCATENATED MODULE: ./packages/github/src/index.ts
// GitHub for Flowkit: a REST client with rate limits handled, and reading what a change is about.





/***/ }),

/***/ 20435:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  fe: () => (/* reexport */ appendSummary),
  Yz: () => (/* reexport */ debug),
  z3: () => (/* reexport */ error),
  V4: () => (/* reexport */ getInput),
  pq: () => (/* reexport */ info),
  L7: () => (/* reexport */ readGitHubContext),
  E$: () => (/* reexport */ redact),
  Cs: () => (/* reexport */ runAction),
  uH: () => (/* reexport */ setOutput),
  Pq: () => (/* reexport */ setSecret),
  $e: () => (/* reexport */ warning)
});

// UNUSED EXPORTS: endGroup, escapeData, escapeProperty, exportVariable, getState, isDebug, issueCommand, notice, resolveGitHubExpression, saveState, startGroup

;// CONCATENATED MODULE: ./packages/runner/src/commands.ts
// Workflow commands on stdout (`::error::`, `::add-mask::` …), with the runner's escaping and secret redaction.
const secrets = new Set();
/** Writes one line to the log, with every registered secret replaced by ***. */
function info(message) {
    process.stdout.write(`${redact(message)}\n`);
}
/**
 * Registers a secret: the runner masks it in all later output, and this process redacts it from its own
 * output too (defence in depth, and it covers local runs where no runner is listening). Call it before
 * anything that could log the value.
 */
function setSecret(value) {
    const parts = [value, ...value.split(/\r?\n/)]
        .map((part) => part.trim())
        .filter((part) => part.length >= 4);
    for (const part of new Set(parts)) {
        if (secrets.has(part))
            continue;
        secrets.add(part);
        issueCommand('add-mask', {}, part);
    }
}
/** Replaces every registered secret in `text` with ***. */
function redact(text) {
    let result = text;
    for (const secret of secrets)
        result = result.split(secret).join('***');
    return result;
}
/** An error annotation: the step's log shows it and the run's summary lists it. */
function error(message, properties = {}) {
    issueCommand('error', properties, redact(message));
}
/** A warning annotation. */
function warning(message, properties = {}) {
    issueCommand('warning', properties, redact(message));
}
/** A notice annotation. */
function notice(message, properties = {}) {
    issueCommand('notice', properties, redact(message));
}
/** A line shown only when step debug logging is on. */
function debug(message) {
    issueCommand('debug', {}, redact(message));
}
/** True when the run has debug logging on (re-run with debug logging, or the ACTIONS_STEP_DEBUG secret). */
function isDebug() {
    return process.env.RUNNER_DEBUG === '1';
}
/** Opens a collapsible group in the log. */
function startGroup(title) {
    issueCommand('group', {}, redact(title));
}
/** Closes the group opened last. */
function endGroup() {
    issueCommand('endgroup', {}, '');
}
/** Writes `::name prop=value,…::message` with the runner's escaping. */
function issueCommand(name, properties, message) {
    const props = Object.entries(properties)
        .filter(([, value]) => value !== undefined && value !== '')
        .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
        .join(',');
    process.stdout.write(`::${name}${props === '' ? '' : ` ${props}`}::${escapeData(message)}\n`);
}
/** Escapes a command's message the way the runner unescapes it. */
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** Escapes a command property value the way the runner unescapes it. */
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(73024);
;// CONCATENATED MODULE: ./packages/runner/src/context.ts
// The GitHub context of the run, read from the runner's GITHUB_* variables and the event payload file.

/** Reads the context from `env` (the process environment by default). */
function readGitHubContext(env = process.env) {
    const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
    const repository = env.GITHUB_REPOSITORY ?? '';
    const runId = env.GITHUB_RUN_ID ?? '';
    return {
        serverUrl,
        apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
        repository,
        runId,
        runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
        workflow: env.GITHUB_WORKFLOW ?? '',
        job: env.GITHUB_JOB ?? '',
        sha: env.GITHUB_SHA ?? '',
        ref: env.GITHUB_REF ?? '',
        refName: env.GITHUB_REF_NAME ?? '',
        headRef: env.GITHUB_HEAD_REF ?? '',
        actor: env.GITHUB_ACTOR ?? '',
        eventName: env.GITHUB_EVENT_NAME ?? '',
        runUrl: repository && runId ? `${serverUrl}/${repository}/actions/runs/${runId}` : '',
        event: readEvent(env.GITHUB_EVENT_PATH),
    };
}
function readEvent(path) {
    if (!path)
        return {};
    try {
        const event = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
        return typeof event === 'object' && event !== null ? event : {};
    }
    catch {
        return {};
    }
}
/**
 * Resolves a `github.…` expression the way GitHub's expression syntax names context fields
 * (`github.event.pull_request.title`, `github.repository`, `github.run_id`); '' for what is absent.
 */
function resolveGitHubExpression(context, path) {
    const top = {
        server_url: context.serverUrl,
        api_url: context.apiUrl,
        repository: context.repository,
        repository_owner: context.repository.split('/')[0] ?? '',
        run_id: context.runId,
        run_attempt: context.runAttempt,
        workflow: context.workflow,
        job: context.job,
        sha: context.sha,
        ref: context.ref,
        ref_name: context.refName,
        actor: context.actor,
        event_name: context.eventName,
        event: context.event,
    };
    let node = top;
    for (const key of path) {
        if (typeof node !== 'object' || node === null)
            return '';
        node = node[key];
    }
    if (node === undefined || node === null)
        return '';
    return typeof node === 'object' ? JSON.stringify(node) : String(node);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(77598);
;// CONCATENATED MODULE: ./packages/runner/src/files.ts
// File commands: outputs, state for a post step, exported variables and the job summary.



/** Sets a step output (read by later steps as `steps.<id>.outputs.<name>`). */
function setOutput(name, value) {
    appendKeyValue('GITHUB_OUTPUT', name, value);
}
/** Saves a value for this action's `post:` step, which reads it with `getState`. */
function saveState(name, value) {
    appendKeyValue('GITHUB_STATE', name, value);
}
/** Reads a value saved by `saveState` in the main step ('' when absent). */
function getState(name) {
    return process.env[`STATE_${name}`] ?? '';
}
/** Sets an environment variable for the rest of the job and for this process. */
function exportVariable(name, value) {
    process.env[name] = value;
    appendKeyValue('GITHUB_ENV', name, value);
}
/** Appends Markdown to the job summary (GitHub shows it on the run page; each step's part is ≤ 1 MiB). */
function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (file)
        (0,external_node_fs_.appendFileSync)(file, `${redact(markdown)}\n`, 'utf8');
}
function appendKeyValue(fileVariable, name, value) {
    const file = process.env[fileVariable];
    // Outside a runner (a local run) there is nowhere to write; the value was already logged by the caller.
    if (!file)
        return;
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    if (name.includes(delimiter) || value.includes(delimiter)) {
        throw new Error(`Refusing to write ${name}: its value contains the delimiter`);
    }
    (0,external_node_fs_.appendFileSync)(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`, 'utf8');
}

// EXTERNAL MODULE: ./packages/core/src/index.ts + 12 modules
var src = __nccwpck_require__(48886);
;// CONCATENATED MODULE: ./packages/runner/src/inputs.ts
// Reads action inputs from INPUT_* variables, as the runner passes them.

/** The text of an input, trimmed ('' when not given). */
function getInput(name, options = {}) {
    const raw = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
    const value = options.trim === false ? raw : raw.trim();
    if (options.required && value === '') {
        throw new src/* InputError */.dz(name, 'is required and was not given', `Add '${name}:' under 'with:' in the step.`);
    }
    return value;
}

;// CONCATENATED MODULE: ./packages/runner/src/run.ts
// Runs an action's main function: user errors become one ::error:: line, never a stack trace.


/**
 * Awaits `main`; on failure writes a single `::error::` line and sets exit code 1. Unexpected errors
 * show their stack only with debug logging on.
 */
async function runAction(main) {
    try {
        await main();
    }
    catch (caught) {
        process.exitCode = 1;
        if ((0,src/* isUserError */.iU)(caught)) {
            error(caught.message);
            return;
        }
        error(`Unexpected failure: ${(0,src/* errorMessage */.gJ)(caught)}. Re-run with debug logging for details.`);
        if (isDebug() && caught instanceof Error && caught.stack)
            debug(caught.stack);
    }
}

;// CONCATENATED MODULE: ./packages/runner/src/index.ts
// The GitHub Actions runner's contract, from the action's side: inputs, outputs, commands, summary, context.







/***/ }),

/***/ 42613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 20181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 35317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 49140:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("constants");

/***/ }),

/***/ 76982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 24434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 91943:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs/promises");

/***/ }),

/***/ 58611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 65692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 69278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 34589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 16698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 31421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 37540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 77598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 53053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 40610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 78474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 51455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 32467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 44708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 98995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 77030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 48161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 76760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 41792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 46193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 41692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 73136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 57975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 73429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 75919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 38522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 70857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 16928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 13193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 53557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 64756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 52018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 87016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 43106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(57661);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
