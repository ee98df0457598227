import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 943:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _flowkit_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2599);
/* harmony import */ var _flowkit_findings__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2838);
/* harmony import */ var _flowkit_github__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1862);
/* harmony import */ var _flowkit_runner__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(435);
/* harmony import */ var _flowkit_security__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(7742);
// security-scan: maps the step's inputs to @flowkit/security and its result to outputs, annotations and summary.





await (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .runAction */ .Cs)(async () => {
    const token = (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('github-token');
    if (token !== '')
        (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .setSecret */ .Pq)(token);
    const config = await (0,_flowkit_core__WEBPACK_IMPORTED_MODULE_0__/* .loadConfig */ .Z9)(_flowkit_core__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_CONFIG_PATH */ .Bi);
    const settings = (0,_flowkit_security__WEBPACK_IMPORTED_MODULE_4__/* .readSecurityScanSettings */ .bc)((name) => (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)(name), config);
    const github = (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .readGitHubContext */ .L7)();
    const log = { info: _flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq, warning: _flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e, debug: _flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .debug */ .Yz };
    const deadline = Date.now() + settings.timeoutMs;
    const policy = () => ({ retries: 3, budgetMs: Math.max(0, deadline - Date.now()) });
    const [owner = '', repo = ''] = github.repository.split('/');
    const pull = github.event.pull_request;
    const root = process.env.GITHUB_WORKSPACE ?? process.cwd();
    // Scanned tools run the repository's code on pull requests: they get no step inputs (the token) in their env.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('INPUT_')));
    const result = await (0,_flowkit_security__WEBPACK_IMPORTED_MODULE_4__/* .runSecurityScan */ .nt)(settings, {
        root,
        // The scanner's worker threads run this bundle's copy of the worker (built from src/secret-scan-worker.ts).
        secretScanWorker: new URL(/* asset import */ __nccwpck_require__(4526), __nccwpck_require__.b),
        repo: { owner, repo },
        commitSha: github.event.pull_request?.head?.sha ?? github.sha,
        ref: github.ref,
        pullRequest: typeof pull?.number === 'number'
            ? { number: pull.number, fromFork: pull.head?.repo?.fork === true }
            : undefined,
        github: token === '' ? undefined : new _flowkit_github__WEBPACK_IMPORTED_MODULE_2__/* .GitHubClient */ .jh({ token, apiUrl: github.apiUrl, policy, log }),
        run: _flowkit_core__WEBPACK_IMPORTED_MODULE_0__/* .runProcess */ .R3,
        env,
        tempDir: process.env.RUNNER_TEMP ?? root,
        log,
    });
    for (const note of result.notes)
        (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e)(note);
    const shown = result.verdict === undefined ? result.judged : result.judged;
    const { annotated } = (0,_flowkit_findings__WEBPACK_IMPORTED_MODULE_1__/* .chooseAnnotations */ .eZ)(shown);
    for (const finding of annotated)
        annotate(finding);
    (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .setOutput */ .uH)('findings', String(result.findings.length));
    (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .setOutput */ .uH)('blocking', String(result.verdict?.blocking.length ?? 0));
    (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .setOutput */ .uH)('sarif-file', result.sarifFile);
    (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .setOutput */ .uH)('sarif-id', result.upload !== undefined && 'sarifId' in result.upload ? result.upload.sarifId : '');
    const byTool = new Map();
    for (const finding of result.findings)
        byTool.set(finding.tool, (byTool.get(finding.tool) ?? 0) + 1);
    (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .appendSummary */ .fe)([
        '### Security scan',
        '',
        result.verdict?.explanation ?? `${result.findings.length} finding(s); fail-on-severity is never.`,
        '',
        [...byTool].map(([tool, count]) => `- ${tool}: ${count}`).join('\n') || '- no findings',
        result.judged.length < result.findings.length
            ? `\n${result.findings.length - result.judged.length} finding(s) outside the lines this pull request changed are listed but cannot fail it.`
            : '',
        result.upload === undefined ? '' : `\nCode scanning upload: ${uploadLine(result.upload)}`,
        '',
        result.secrets === undefined ? '' : (0,_flowkit_security__WEBPACK_IMPORTED_MODULE_4__/* .summarizeSecretScan */ .rs)(result.secrets),
        '',
        (0,_flowkit_findings__WEBPACK_IMPORTED_MODULE_1__/* .findingsTable */ .f9)(result.findings),
    ].join('\n'));
    if (result.upload?.status === 'failed')
        (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e)(`Code scanning could not process the upload: ${result.upload.errors.join('; ')}`);
    if (result.verdict?.failed) {
        process.exitCode = 1;
        (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .error */ .z3)(`Security scan failed: ${result.verdict.explanation}`);
    }
});
function annotate(finding) {
    const properties = { title: `${finding.tool}: ${finding.rule}` };
    if (finding.file !== undefined)
        properties.file = finding.file;
    if (finding.line !== undefined)
        properties.line = finding.line;
    if (finding.endLine !== undefined)
        properties.endLine = finding.endLine;
    if (finding.column !== undefined)
        properties.col = finding.column;
    const message = finding.fix === undefined ? finding.message : `${finding.message} — ${finding.fix}`;
    if (finding.severity === 'error')
        (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .error */ .z3)(message, properties);
    else if (finding.severity === 'warning')
        (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e)(message, properties);
    else
        (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .notice */ .lm)(message, properties);
}
function uploadLine(upload) {
    switch (upload.status) {
        case 'skipped':
            return upload.reason;
        case 'complete':
            return `processed (${upload.sarifId})${upload.analysesUrl ? `, [analyses](${upload.analysesUrl})` : ''}`;
        case 'failed':
            return `failed: ${upload.errors.join('; ')}`;
        case 'pending':
            return `still processing after ${Math.round(upload.waitedMs / 1000)} s (${upload.sarifId})`;
    }
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  xL: () => (/* reexport */ ConfigError),
  Bi: () => (/* reexport */ DEFAULT_CONFIG_PATH),
  dz: () => (/* reexport */ InputError),
  N_: () => (/* reexport */ TransientError),
  Rd: () => (/* reexport */ addedLineNumbers),
  gJ: () => (/* reexport */ errorMessage),
  kO: () => (/* reexport */ httpAttempt),
  iU: () => (/* reexport */ isUserError),
  Z9: () => (/* reexport */ loadConfig),
  Sp: () => (/* reexport */ parseAnswerBody),
  zL: () => (/* reexport */ parseBooleanInput),
  _p: () => (/* reexport */ parseIntegerInput),
  iz: () => (/* reexport */ parsePatch),
  mu: () => (/* reexport */ parseRetryAfter),
  rj: () => (/* reexport */ parseUnifiedDiff),
  R3: () => (/* reexport */ runProcess),
  qq: () => (/* reexport */ silentLogger),
  ml: () => (/* reexport */ systemClock),
  bD: () => (/* reexport */ withRetry),
  Td: () => (/* reexport */ yamlProblem)
});

// UNUSED EXPORTS: NetworkError, RetryExhaustedError, SyntaxProblem, UnresolvedPlaceholder, addDays, clockTime, commandLine, configSchema, daysBetween, defaultConfig, describeValue, formatPath, hasPlaceholder, httpRequest, instantOf, interpolate, isLocalDate, isRecord, isTimeZone, localParts, mapWithConcurrency, minutesOf, normalize, outputTail, parseConfig, parseJsonOrYaml, validateSchema

;// CONCATENATED MODULE: ./packages/core/src/clock.ts
// Time as a dependency, so waits and deadlines are tested without real waiting.
/** The real clock. */
const systemClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
;// CONCATENATED MODULE: ./packages/core/src/errors.ts
// Errors a user can act on: each names what was wrong, where, and how to fix it.
/** A bad action input or CLI option. The message names the input, the problem and the fix. */
class InputError extends Error {
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
class ConfigError extends Error {
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
    return error instanceof InputError || error instanceof ConfigError;
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
function validateSchema(value, schema, path = []) {
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
                    problems.push(...validateSchema(item, property, [...path, key]));
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
                    problems.push(...validateSchema(item, schema.additionalProperties, [...path, key]));
                }
            }
            return problems;
        }
        case 'array': {
            if (schema.acceptSingle && !Array.isArray(value))
                return validateSchema([value], schema, path);
            if (!Array.isArray(value))
                return problem(`expected ${schema.expected ?? 'a list'}, got ${got}`);
            if (schema.minItems !== undefined && value.length < schema.minItems) {
                return problem(`expected at least ${schema.minItems} item(s), got ${value.length}`);
            }
            return value.flatMap((item, index) => validateSchema(item, schema.items, [...path, index]));
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
function normalize(value, schema) {
    if (schema.type === 'array') {
        const list = Array.isArray(value) ? value : [value];
        return list.map((item) => normalize(item, schema.items));
    }
    if (schema.type === 'object' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => {
            const property = schema.properties?.[key] ??
                (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
            return [key, property === undefined ? item : normalize(item, property)];
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
function formatPath(path) {
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
    const { parseDocument } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8815, 19));
    const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
    const [first] = doc.errors;
    if (first !== undefined) {
        const pos = first.linePos?.[0];
        throw new SyntaxProblem(yamlProblem(first.message), pos?.line, pos?.col);
    }
    return doc.toJS({ maxAliasCount: 100 });
}
/** The first line of a YAML error without its " at line …" suffix (SyntaxProblem adds the position). */
function yamlProblem(message) {
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
        text = await (0,promises_.readFile)(path, 'utf8');
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
    const { isMap, isSeq, LineCounter, parseDocument } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8815, 19));
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

;// CONCATENATED MODULE: ./packages/core/src/diff.ts
// Reads unified diffs (`git diff`, `diff -u`, GitHub's per-file patches) into the new-side lines of each file.
const HUNK_HEADER = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
/**
 * Reads `git diff` output (one or more `diff --git` sections, or plain `---`/`+++` file headers) into files
 * and their hunks. Deleted files are left out. Hunk lengths from the `@@` headers decide where a hunk ends,
 * so an added line that starts with `++` or `--` is never mistaken for a file header.
 */
function parseUnifiedDiff(diff) {
    // A diff saved on Windows ends its lines with CRLF; the CR is not part of any line.
    const lines = diff.split(/\r?\n/);
    const files = [];
    let current;
    let pendingBinary;
    for (let index = 0; index < lines.length; index++) {
        const line = lines[index];
        if (line.startsWith('diff --git ')) {
            current = undefined;
            pendingBinary = gitHeaderPath(line);
            continue;
        }
        if ((line.startsWith('Binary files ') && line.endsWith(' differ')) || line === 'GIT binary patch') {
            const file = (line === 'GIT binary patch' ? undefined : binaryPath(line)) ?? pendingBinary;
            if (file !== undefined)
                files.push({ file, hunks: [], binary: true });
            pendingBinary = undefined;
            continue;
        }
        if (line.startsWith('+++ ') && lines[index - 1]?.startsWith('--- ')) {
            const file = headerPath(line.slice(4));
            current = file === undefined ? undefined : { file, hunks: [], binary: false };
            if (current !== undefined)
                files.push(current);
            continue;
        }
        const header = HUNK_HEADER.exec(line);
        if (header !== null && current !== undefined) {
            const hunk = readHunk(lines, index, header);
            current.hunks.push(hunk.lines);
            index = hunk.last;
        }
    }
    return files;
}
/** Reads GitHub's `patch` of one file: hunks without file headers. */
function parsePatch(file, patch) {
    const lines = patch.split(/\r?\n/);
    const result = { file, hunks: [], binary: false };
    for (let index = 0; index < lines.length; index++) {
        const header = HUNK_HEADER.exec(lines[index]);
        if (header === null)
            continue;
        const hunk = readHunk(lines, index, header);
        result.hunks.push(hunk.lines);
        index = hunk.last;
    }
    return result;
}
/** The new-side lines of the hunk whose header is at `start`, and the index of its last line. */
function readHunk(lines, start, header) {
    let oldLeft = header[1] === undefined ? 1 : Number(header[1]);
    let newLeft = header[3] === undefined ? 1 : Number(header[3]);
    let number = Number(header[2]);
    const hunk = [];
    let index = start + 1;
    for (; index < lines.length && (oldLeft > 0 || newLeft > 0); index++) {
        const line = lines[index];
        const marker = line.charAt(0);
        if (marker === '+') {
            hunk.push({ number: number++, text: line.slice(1), added: true });
            newLeft--;
        }
        else if (marker === '-') {
            oldLeft--;
        }
        else if (marker === '\\') {
            // "\ No newline at end of file"
        }
        else if (marker === ' ' || line === '') {
            // Some tools strip the space of an empty context line.
            hunk.push({ number: number++, text: line.slice(1), added: false });
            oldLeft--;
            newLeft--;
        }
        else {
            break;
        }
    }
    // A trailing "\ No newline at end of file" belongs to this hunk.
    if (lines[index]?.startsWith('\\'))
        index++;
    return { lines: hunk, last: index - 1 };
}
/** The new path from a `+++ ` header, or undefined for /dev/null (a deleted file). */
function headerPath(text) {
    // Non-git diffs put a timestamp after a tab.
    const path = unquote(text.split('\t')[0]);
    if (path === '/dev/null')
        return undefined;
    return path.startsWith('b/') ? path.slice(2) : path;
}
function gitHeaderPath(line) {
    const match = / b\/(.+)$/.exec(line) ?? / "b\/(.+)"$/.exec(line);
    return match?.[1];
}
function binaryPath(line) {
    const match = / and (.+) differ$/.exec(line);
    if (match === null)
        return undefined;
    const path = unquote(match[1]);
    if (path === '/dev/null')
        return undefined;
    return path.startsWith('b/') ? path.slice(2) : path;
}
/** Git quotes paths with unusual bytes C-style: "b/caf\303\251.txt". */
function unquote(path) {
    if (!path.startsWith('"') || !path.endsWith('"'))
        return path;
    const bytes = [];
    const body = path.slice(1, -1);
    const escapes = { n: 10, t: 9, '"': 34, '\\': 92, a: 7, b: 8, f: 12, r: 13, v: 11 };
    for (let index = 0; index < body.length; index++) {
        const char = body.charAt(index);
        if (char !== '\\') {
            bytes.push(...Buffer.from(char, 'utf8'));
            continue;
        }
        const next = body.charAt(index + 1);
        if (/[0-7]/.test(next)) {
            bytes.push(Number.parseInt(body.slice(index + 1, index + 4), 8));
            index += 3;
        }
        else {
            bytes.push(escapes[next] ?? next.charCodeAt(0));
            index += 1;
        }
    }
    return Buffer.from(bytes).toString('utf8');
}
/** The new-file line numbers a diff adds to a file, ascending. */
function addedLineNumbers(file) {
    return file.hunks.flatMap((hunk) => hunk.filter((line) => line.added).map((line) => line.number));
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
        throw new InputError(name, `must be a whole number from ${range.min} to ${range.max}, not '${value}'`, `Write for example '${name}: ${fallback}'.`);
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
var external_node_child_process_ = __nccwpck_require__(1421);
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

/***/ 2838:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  jZ: () => (/* reexport */ atLeast),
  HM: () => (/* reexport */ changedLinesOf),
  eZ: () => (/* reexport */ chooseAnnotations),
  Eg: () => (/* reexport */ compareFindings),
  f9: () => (/* reexport */ findingsTable),
  rg: () => (/* reexport */ keepChangedLines)
});

// UNUSED EXPORTS: ANNOTATION_LIMITS, PULL_REQUEST_FILES_CAP, SUMMARY_LIMIT_BYTES

// EXTERNAL MODULE: ./packages/core/src/index.ts + 13 modules
var src = __nccwpck_require__(2599);
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
            ? new Set((0,src/* addedLineNumbers */.Rd)((0,src/* parsePatch */.iz)(file.filename, file.patch)))
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
function compareFindings(a, b) {
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
    for (const finding of [...findings].sort(compareFindings)) {
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





/***/ }),

/***/ 1862:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  jh: () => (/* reexport */ GitHubClient),
  y_: () => (/* reexport */ GitHubError)
});

// UNUSED EXPORTS: DEPLOYMENT_HISTORY_QUERY, DEPLOYMENT_STATUSES_QUERY, graphqlUrl, rateLimitWait, readChangeText, readDeploymentHistory, readReleaseText

// EXTERNAL MODULE: ./packages/core/src/index.ts + 13 modules
var src = __nccwpck_require__(2599);
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

/***/ 435:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  fe: () => (/* reexport */ appendSummary),
  Yz: () => (/* reexport */ debug),
  z3: () => (/* reexport */ error),
  V4: () => (/* reexport */ getInput),
  pq: () => (/* reexport */ info),
  lm: () => (/* reexport */ notice),
  L7: () => (/* reexport */ readGitHubContext),
  Cs: () => (/* reexport */ runAction),
  uH: () => (/* reexport */ setOutput),
  Pq: () => (/* reexport */ setSecret),
  $e: () => (/* reexport */ warning)
});

// UNUSED EXPORTS: endGroup, escapeData, escapeProperty, exportVariable, getState, isDebug, issueCommand, redact, resolveGitHubExpression, saveState, startGroup

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
var external_node_fs_ = __nccwpck_require__(3024);
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
var external_node_crypto_ = __nccwpck_require__(7598);
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

// EXTERNAL MODULE: ./packages/core/src/index.ts + 13 modules
var src = __nccwpck_require__(2599);
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

/***/ 7742:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  bc: () => (/* reexport */ readSecurityScanSettings),
  nt: () => (/* reexport */ runSecurityScan),
  rs: () => (/* reexport */ summarizeSecretScan)
});

// UNUSED EXPORTS: ASSIGNMENT_OPERATOR, ASSIGNMENT_PATTERN, ASSIGNMENT_SPACE_CHARS, ASSIGNMENT_VALUE_CHARS, AWS_SECRET_RULE, DATADOG_API_KEY_RULE, DATADOG_APP_KEY_RULE, DEFAULT_ALLOWLIST_PATH, DEFAULT_SIZE_LIMIT, DEFAULT_SKIPPED_DIRECTORIES, EXPIRED_ENTRY_RULE, FORMAT_RULES, GENERIC_ENTROPY_THRESHOLD, GENERIC_SECRET_RULE, HEX_ENTROPY_THRESHOLD, MAX_GENERIC_PREVIEW_CHARS, MAX_PREVIEW_CHARS, MIN_ASSIGNED_VALUE_LENGTH, SARIF_UPLOAD_LIMITS, SARIF_UPLOAD_PERMISSIONS, SECRETS_TOOL, SECRET_KEY_WORDS, SECRET_RULES, SECURITY_SCAN_INPUTS, STALE_ENTRY_RULE, SarifUploadError, TOKEN_ENTROPY_THRESHOLD, WALK_SKIPPED_DIRECTORIES, WORKFLOW_AUDIT_TOOL, allowlistEntryMatches, applyAllowlist, auditAction, auditRepository, auditWorkflow, contextsIn, describeAllowlistEntry, detectSecrets, evaluatePolicy, expressionsIn, findingFingerprint, fingerprintSecret, flowingContexts, gitLsFiles, isPlaceholderToken, isPlaceholderValue, isRandomLooking, lineOf, listTreeFiles, loadAllowlist, matchesPathGlob, newFindings, parseAllowlist, parseNpmAudit, parseOsvScanner, parseSarif, pathGlobToRegExp, readSarifFile, redactSecret, runDependencyAudit, runSecretScan, sarifCategories, scanDiff, scanPatches, scanTree, secretPatterns, severityOf, shannonEntropy, uploadSarif, utcToday, writeSarif

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./packages/security/src/audit/npm-audit.ts
/** npm and OSV severities → finding severity: critical/high fail, moderate warns, low/info note. */
function severityOf(level) {
    switch ((level ?? '').toLowerCase()) {
        case 'critical':
        case 'high':
            return 'error';
        case 'moderate':
        case 'medium':
            return 'warning';
        default:
            return 'note';
    }
}
/**
 * Parses npm's JSON audit report. One finding per advisory per package, located at the package's entry in
 * `lockfile` (line numbers found with `lockfileText` when given). An `{"error": …}` report (npm could not audit)
 * throws with npm's own summary.
 */
function parseNpmAudit(text, lockfile = 'package-lock.json', lockfileText = '') {
    let report;
    try {
        report = JSON.parse(text);
    }
    catch {
        throw new Error(`npm audit did not print JSON: ${text.trim().slice(0, 200)}`);
    }
    if (!isObject(report))
        throw new Error('npm audit printed JSON that is not an object');
    if (isObject(report.error)) {
        // npm writes {"error": {code, summary}} and, for registry refusals, a top-level "message" with an empty summary.
        const { code, summary } = report.error;
        const said = [summary, report.message].find((text) => typeof text === 'string' && text.trim() !== '');
        throw new Error(`npm audit failed${typeof code === 'string' ? ` (${code})` : ''}: ${typeof said === 'string' ? said : 'no reason given'}`);
    }
    const version = report.auditReportVersion;
    if (version !== 2)
        throw new Error(`npm audit report version ${String(version)} is not supported (expected 2, from npm ≥ 7)`);
    const findings = [];
    const unreadable = [];
    const vulnerabilities = isObject(report.vulnerabilities) ? report.vulnerabilities : {};
    for (const [name, entry] of Object.entries(vulnerabilities)) {
        if (!isObject(entry)) {
            unreadable.push(`${name}: not an object`);
            continue;
        }
        const via = Array.isArray(entry.via) ? entry.via : [];
        const advisories = via.filter(isObject);
        const line = lineOf(lockfileText, `"node_modules/${name}"`);
        const fix = fixText(name, entry.fixAvailable);
        if (advisories.length === 0) {
            // Only vulnerable through other packages: reported where those packages are, not here.
            if (via.length === 0)
                unreadable.push(`${name}: no advisories and no dependencies named in "via"`);
            continue;
        }
        for (const advisory of advisories) {
            const title = typeof advisory.title === 'string' ? advisory.title : 'vulnerability';
            const url = typeof advisory.url === 'string' ? advisory.url : undefined;
            const id = url?.match(/GHSA-[\w-]+/)?.[0] ??
                (advisory.source === undefined ? 'advisory' : `npm-${String(advisory.source)}`);
            const level = typeof advisory.severity === 'string'
                ? advisory.severity
                : typeof entry.severity === 'string'
                    ? entry.severity
                    : undefined;
            const range = typeof advisory.range === 'string' ? ` ${advisory.range}` : '';
            findings.push({
                tool: 'npm-audit',
                rule: id,
                severity: severityOf(level),
                message: `${name}${range}: ${title} (${id}, ${level ?? 'unknown severity'})`,
                file: lockfile,
                ...(line === undefined ? {} : { line }),
                fix,
                ...(url === undefined ? {} : { helpUri: url }),
                fingerprint: `npm-audit/${id}/${name}`,
            });
        }
    }
    const totals = isObject(report.metadata) && isObject(report.metadata.vulnerabilities)
        ? numbers(report.metadata.vulnerabilities)
        : {};
    return { findings, unreadable, totals };
}
function fixText(name, fixAvailable) {
    if (fixAvailable === true)
        return 'Run `npm audit fix`.';
    if (isObject(fixAvailable) && typeof fixAvailable.name === 'string') {
        const major = fixAvailable.isSemVerMajor === true ? ' (a semver-major upgrade: check for breaking changes)' : '';
        return `Upgrade ${fixAvailable.name} to ${String(fixAvailable.version ?? 'a fixed version')}${major}.`;
    }
    return `No fix is available yet for ${name}: consider replacing it or accept the risk in the allowlist.`;
}
/** The 1-based line of the first occurrence of `needle`, or undefined. */
function lineOf(text, needle) {
    const at = text.indexOf(needle);
    return at === -1 ? undefined : text.slice(0, at).split('\n').length;
}
function numbers(record) {
    return Object.fromEntries(Object.entries(record).filter(([, value]) => typeof value === 'number'));
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./packages/security/src/audit/osv-scanner.ts

/** OSV-Scanner scores groups with CVSS numbers; these are CVSS v3's bands. */
function bandOf(score) {
    if (score >= 9)
        return 'critical';
    if (score >= 7)
        return 'high';
    if (score >= 4)
        return 'moderate';
    return 'low';
}
/** Parses OSV-Scanner's JSON report; paths are made relative to `root`. */
function parseOsvScanner(text, root) {
    let report;
    try {
        report = JSON.parse(text);
    }
    catch {
        throw new Error(`osv-scanner did not print JSON: ${text.trim().slice(0, 200)}`);
    }
    const results = osv_scanner_isObject(report) && Array.isArray(report.results) ? report.results : undefined;
    if (results === undefined)
        throw new Error('osv-scanner printed JSON without "results"');
    const findings = [];
    const unreadable = [];
    for (const result of results) {
        const source = osv_scanner_isObject(result) && osv_scanner_isObject(result.source) && typeof result.source.path === 'string'
            ? result.source.path
            : undefined;
        const file = source === undefined ? undefined : relative(source, root);
        for (const entry of osv_scanner_isObject(result) && Array.isArray(result.packages) ? result.packages : []) {
            if (!osv_scanner_isObject(entry) || !osv_scanner_isObject(entry.package)) {
                unreadable.push('a package entry without "package"');
                continue;
            }
            const name = String(entry.package.name ?? 'unknown');
            const version = String(entry.package.version ?? '');
            const groups = Array.isArray(entry.groups) ? entry.groups.filter(osv_scanner_isObject) : [];
            for (const vulnerability of Array.isArray(entry.vulnerabilities)
                ? entry.vulnerabilities.filter(osv_scanner_isObject)
                : []) {
                const id = String(vulnerability.id ?? 'OSV');
                const group = groups.find((g) => Array.isArray(g.ids) && g.ids.includes(id));
                const score = Number(group?.max_severity);
                const named = osv_scanner_isObject(vulnerability.database_specific)
                    ? vulnerability.database_specific.severity
                    : undefined;
                const level = typeof named === 'string' ? named : Number.isFinite(score) ? bandOf(score) : undefined;
                findings.push({
                    tool: 'osv-scanner',
                    rule: id,
                    severity: severityOf(level),
                    message: `${name}@${version}: ${String(vulnerability.summary ?? 'vulnerability')} (${id}, ${level?.toLowerCase() ?? 'unknown severity'})`,
                    ...(file === undefined ? {} : { file }),
                    fix: `Upgrade ${name} past the versions ${id} affects (see https://osv.dev/vulnerability/${id}).`,
                    helpUri: `https://osv.dev/vulnerability/${id}`,
                    fingerprint: `osv/${id}/${name}`,
                });
            }
        }
    }
    return { findings, unreadable, totals: {} };
}
function relative(path, root) {
    const base = root.endsWith('/') ? root : `${root}/`;
    return path.startsWith(base) ? path.slice(base.length) : path;
}
function osv_scanner_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./packages/security/src/audit/run.ts
// Runs the dependency audit a repository allows: npm audit (npm ≥ 11), else OSV-Scanner when it is on the runner.





/**
 * Audits the dependencies of the repository at `root`. npm before 11, `yarn audit` (v1) and `pnpm audit` call
 * registry endpoints npm has retired, so only npm ≥ 11 is trusted; otherwise OSV-Scanner, when installed.
 */
async function runDependencyAudit(root, run, env) {
    const notes = [];
    const lockfile = ['package-lock.json', 'npm-shrinkwrap.json'].find((name) => (0,external_node_fs_.existsSync)((0,external_node_path_namespaceObject.join)(root, name)));
    if (lockfile !== undefined) {
        const version = await run('npm', ['--version'], { cwd: root, env });
        const major = Number(version.stdout.trim().split('.')[0]);
        if (version.exitCode === 0 && major >= 11) {
            const audit = await run('npm', ['audit', '--json'], { cwd: root, env });
            try {
                const report = parseNpmAudit(audit.stdout, lockfile, await (0,promises_.readFile)((0,external_node_path_namespaceObject.join)(root, lockfile), 'utf8'));
                for (const entry of report.unreadable)
                    notes.push(`npm audit: an entry was not understood and skipped (${entry}).`);
                return { tool: 'npm-audit', findings: report.findings, notes };
            }
            catch (error) {
                notes.push(`${error instanceof Error ? error.message : String(error)}. The dependency audit did not run.`);
                return { tool: 'npm-audit', findings: [], notes };
            }
        }
        notes.push(version.exitCode === 0
            ? `npm ${version.stdout.trim()} is older than 11, whose audit uses the registry's current endpoint; set up Node with a recent npm, or install OSV-Scanner.`
            : 'npm is not on the runner; set up Node to audit package-lock.json.');
    }
    else if (['yarn.lock', 'pnpm-lock.yaml'].some((name) => (0,external_node_fs_.existsSync)((0,external_node_path_namespaceObject.join)(root, name)))) {
        notes.push('yarn audit (v1) and pnpm audit call retired registry endpoints; Flowkit audits these lockfiles with OSV-Scanner when it is installed.');
    }
    const osv = await run('osv-scanner', ['scan', 'source', '--format', 'json', '--recursive', root], {
        cwd: root,
        env,
    });
    if (osv.startError === undefined && osv.stdout.trim().startsWith('{')) {
        try {
            const report = parseOsvScanner(osv.stdout, root);
            return {
                tool: 'osv-scanner',
                findings: report.findings,
                notes: [...notes, ...report.unreadable.map((entry) => `osv-scanner: skipped ${entry}.`)],
            };
        }
        catch (error) {
            notes.push(`${error instanceof Error ? error.message : String(error)}. The dependency audit did not run.`);
            return { tool: 'osv-scanner', findings: [], notes };
        }
    }
    if (lockfile === undefined && notes.length === 0) {
        notes.push('No dependency audit: no package-lock.json, and OSV-Scanner is not on the runner.');
    }
    else if (osv.startError !== undefined) {
        notes.push('OSV-Scanner is not on the runner (install it with its pinned setup action to audit other ecosystems).');
    }
    return { tool: 'none', findings: [], notes };
}

;// CONCATENATED MODULE: ./packages/security/src/audit/index.ts
// Dependency audit: npm audit and OSV-Scanner reports as findings.




// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
// EXTERNAL MODULE: ./packages/core/src/index.ts + 13 modules
var src = __nccwpck_require__(2599);
// EXTERNAL MODULE: ./packages/findings/src/index.ts + 3 modules
var findings_src = __nccwpck_require__(2838);
// EXTERNAL MODULE: ./packages/github/src/index.ts + 1 modules
var github_src = __nccwpck_require__(1862);
;// CONCATENATED MODULE: ./packages/security/src/sarif.ts
// SARIF 2.1.0 for the security scan: other scanners' logs in, a pass/fail policy, one log out to code scanning.








const SARIF_INPUT = 'sarif';
/**
 * Reads a SARIF 2.1.0 log into findings: one per result, with the tool's name (`runs[].tool.driver.name`), the rule,
 * a severity from `properties.security-severity` where the rule has one (as GitHub ranks it) or else the result's or
 * rule's `level`, the first location as a repository path, and a fingerprint that survives line moves. `file` names
 * the log in errors. Throws InputError (input `sarif`) for text that is not JSON, a version other than 2.1.0, or a log
 * without runs.
 */
function parseSarif(text, file, options = {}) {
    let log;
    try {
        log = JSON.parse(text.replace(/^\uFEFF/, ''));
    }
    catch (error) {
        throw new src/* InputError */.dz(SARIF_INPUT, `names ${file}, which is not JSON (${error.message})`, 'Point it at the SARIF file the scanner wrote (e.g. `trivy fs --format sarif --output trivy.sarif .`), not at its log or table output.');
    }
    if (!isRecord(log)) {
        throw new src/* InputError */.dz(SARIF_INPUT, `names ${file}, which holds no SARIF log object`, SARIF_FIX);
    }
    if (log.version !== '2.1.0') {
        throw new src/* InputError */.dz(SARIF_INPUT, `names ${file}, which is SARIF version ${JSON.stringify(log.version ?? null)}, not "2.1.0"`, 'Have the scanner write SARIF 2.1.0, the only version GitHub code scanning accepts.');
    }
    if (!Array.isArray(log.runs) || log.runs.length === 0) {
        throw new src/* InputError */.dz(SARIF_INPUT, `names ${file}, which has no runs`, SARIF_FIX);
    }
    const findings = [];
    log.runs.forEach((run, index) => {
        const driver = isRecord(run) && isRecord(run.tool) ? run.tool.driver : undefined;
        if (!isRecord(driver) || typeof driver.name !== 'string' || driver.name === '') {
            throw new src/* InputError */.dz(SARIF_INPUT, `names ${file}, whose runs[${index}] has no tool.driver.name`, SARIF_FIX);
        }
        const sarifRun = run;
        for (const result of Array.isArray(sarifRun.results) ? sarifRun.results : []) {
            if (isRecord(result))
                findings.push(resultToFinding(sarifRun, result, options));
        }
    });
    return findings;
}
const SARIF_FIX = 'Point it at a SARIF 2.1.0 log with at least one run, as the scanner writes it.';
/** Reads a SARIF file from disk (see `parseSarif`); a missing file is an InputError too. */
async function readSarifFile(path, options = {}) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new src/* InputError */.dz(SARIF_INPUT, code === 'ENOENT'
            ? `names ${path}, which does not exist`
            : `names ${path}, which cannot be read (${code})`, 'Check the path, and that the scanner step ran before this one and wrote its SARIF there.');
    }
    return parseSarif(text, path, options);
}
function resultToFinding(run, result, options) {
    const tool = run.tool.driver.name;
    const rule = ruleOf(run, result);
    const ruleId = result.ruleId ?? result.rule?.id ?? rule?.id ?? 'unknown';
    const physical = result.locations?.[0]?.physicalLocation;
    const artifact = artifactOf(run, physical?.artifactLocation);
    const file = artifact === undefined ? undefined : repositoryPath(run, artifact, options.root);
    const region = physical?.region ?? {};
    const finding = {
        tool,
        rule: ruleId,
        severity: sarif_severityOf(result, rule),
        message: messageOf(result, rule, ruleId),
    };
    if (file !== undefined)
        finding.file = file;
    for (const [key, value] of [
        ['line', region.startLine],
        ['column', region.startColumn],
        ['endLine', region.endLine],
        ['endColumn', region.endColumn],
    ]) {
        if (Number.isInteger(value) && value > 0)
            finding[key] = value;
    }
    const fix = result.fixes?.find((candidate) => candidate.description?.text)?.description?.text;
    if (fix !== undefined)
        finding.fix = fix;
    if (typeof rule?.helpUri === 'string')
        finding.helpUri = rule.helpUri;
    finding.fingerprint = resultFingerprint(tool, ruleId, finding, result);
    return finding;
}
/**
 * The rule of a result: CodeQL keeps its rules in `tool.extensions` (one per query pack) and points at them with
 * `rule.toolComponent` and `rule.index`; Trivy and OSV-Scanner give `ruleIndex` into the driver's rules; gitleaks
 * gives only `ruleId`.
 */
function ruleOf(run, result) {
    const components = [run.tool.driver, ...(run.tool.extensions ?? [])];
    const reference = result.rule?.toolComponent;
    let component = run.tool.driver;
    if (reference?.index !== undefined)
        component = run.tool.extensions?.[reference.index];
    else if (reference?.name !== undefined)
        component = components.find((c) => c.name === reference.name);
    const id = result.ruleId ?? result.rule?.id;
    const index = result.rule?.index ?? result.ruleIndex;
    const indexed = index === undefined ? undefined : component?.rules?.[index];
    // A hierarchical ruleId ('a/b/c') may name a rule 'a/b'.
    if (indexed !== undefined && (id === undefined || id === indexed.id || id.startsWith(`${indexed.id}/`))) {
        return indexed;
    }
    if (id === undefined)
        return undefined;
    const segments = id.split('/');
    for (let length = segments.length; length > 0; length--) {
        const wanted = segments.slice(0, length).join('/');
        for (const candidate of [component, ...components]) {
            const found = candidate?.rules?.find((rule) => rule.id === wanted);
            if (found !== undefined)
                return found;
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
function sarif_severityOf(result, rule) {
    const score = Number(result.properties?.['security-severity'] ?? rule?.properties?.['security-severity']);
    if (Number.isFinite(score) && score > 0 && score <= 10) {
        return score >= 7 ? 'error' : score >= 4 ? 'warning' : 'note';
    }
    const level = result.level ?? rule?.defaultConfiguration?.level ?? 'warning';
    return level === 'error' ? 'error' : level === 'warning' ? 'warning' : 'note';
}
function messageOf(result, rule, ruleId) {
    const message = result.message ?? {};
    let text = message.text ?? message.markdown;
    if (text === undefined && message.id !== undefined) {
        const template = rule?.messageStrings?.[message.id]?.text;
        text = template?.replace(/\{(\d+)\}/g, (whole, n) => message.arguments?.[Number(n)] ?? whole);
    }
    text ??= rule?.shortDescription?.text ?? ruleId;
    // CodeQL links related locations as [text](1): the text is the message.
    return text.replace(/\[([^\]]+)\]\(\d+\)/g, '$1').trim();
}
function artifactOf(run, location) {
    if (location === undefined)
        return undefined;
    if (location.uri !== undefined || location.index === undefined)
        return location;
    return run.artifacts?.[location.index]?.location;
}
/**
 * A location as a path in the repository. Relative URIs are relative to the repository (GitHub reads them so),
 * unless their `uriBaseId` points elsewhere under `root`; absolute ones (`file://` URIs, as OSV-Scanner writes)
 * are made relative to `root`, else to the run's working directory, else kept.
 */
function repositoryPath(run, location, root) {
    if (location.uri === undefined || location.uri === '')
        return undefined;
    const uri = decode(location.uri);
    let absolute = absolutePath(uri);
    if (absolute === undefined && location.uriBaseId !== undefined) {
        const base = baseDirectory(run, location.uriBaseId, 0);
        if (base !== undefined)
            absolute = external_node_path_namespaceObject.posix.join(base, uri);
    }
    if (absolute === undefined)
        return clean(uri);
    const workingDirectory = run.invocations?.[0]?.workingDirectory?.uri;
    for (const candidate of [
        root,
        workingDirectory === undefined ? undefined : absolutePath(decode(workingDirectory)),
    ]) {
        if (candidate === undefined)
            continue;
        const inside = external_node_path_namespaceObject.posix.relative(candidate.replace(/\\/g, '/'), absolute);
        if (inside !== '' && !inside.startsWith('../') && !external_node_path_namespaceObject.posix.isAbsolute(inside))
            return inside;
    }
    // A base outside the checkout (another machine's path) still names a place relative to the repository.
    return absolutePath(uri) === undefined ? clean(uri) : absolute;
}
/** The directory a uriBaseId stands for, following bases of bases; undefined when the log does not say. */
function baseDirectory(run, id, depth) {
    const base = run.originalUriBaseIds?.[id];
    if (base?.uri === undefined || depth > 5)
        return undefined;
    const uri = decode(base.uri);
    const absolute = absolutePath(uri);
    if (absolute !== undefined)
        return absolute;
    const parent = base.uriBaseId === undefined ? undefined : baseDirectory(run, base.uriBaseId, depth + 1);
    return parent === undefined ? undefined : external_node_path_namespaceObject.posix.join(parent, uri);
}
function absolutePath(uri) {
    if (/^file:/i.test(uri)) {
        try {
            return (0,external_node_url_namespaceObject.fileURLToPath)(uri.replace(/%(?![0-9a-f]{2})/gi, '%25'));
        }
        catch {
            return uri.replace(/^file:\/\//i, '');
        }
    }
    return uri.startsWith('/') ? uri : undefined;
}
function decode(uri) {
    if (/^file:/i.test(uri))
        return uri;
    try {
        return decodeURIComponent(uri);
    }
    catch {
        return uri;
    }
}
function clean(path) {
    return external_node_path_namespaceObject.posix.normalize(path.replace(/\\/g, '/')).replace(/^(\.\/)+/, '');
}
/** The key of `fingerprints` under which Flowkit writes a finding's fingerprint. */
const FLOWKIT_FINGERPRINT = 'flowkit/v1';
/**
 * What identifies a result across runs: the tool's own `fingerprints`, else code scanning's
 * `primaryLocationLineHash` (CodeQL's, which follows the code when lines move), else the other partial fingerprints
 * (gitleaks' commit, author and date) with the place, else the rule, file and message (Trivy's and OSV-Scanner's
 * messages name the package and version).
 */
function resultFingerprint(tool, rule, finding, result) {
    // A log Flowkit wrote carries the finding's own fingerprint: read back, it matches the finding it came from.
    const flowkit = result.fingerprints?.[FLOWKIT_FINGERPRINT];
    if (typeof flowkit === 'string')
        return flowkit;
    const own = firstValue(result.fingerprints);
    const lineHash = result.partialFingerprints?.primaryLocationLineHash;
    let identity;
    if (own !== undefined)
        identity = `fingerprint:${own}`;
    else if (lineHash !== undefined)
        identity = `line-hash:${finding.file ?? ''}:${lineHash}`;
    else if (result.partialFingerprints && Object.keys(result.partialFingerprints).length > 0) {
        identity = `partial:${finding.file ?? ''}:${finding.line ?? ''}:${stableJson(result.partialFingerprints)}`;
    }
    else
        identity = `content:${finding.file ?? ''}:${finding.message}`;
    return digest([tool, rule, identity]);
}
function firstValue(record) {
    if (!isRecord(record))
        return undefined;
    const [key] = Object.keys(record).sort();
    return key === undefined ? undefined : String(record[key]);
}
function stableJson(record) {
    return JSON.stringify(Object.keys(record)
        .sort()
        .map((key) => [key, record[key]]));
}
function digest(parts) {
    return (0,external_node_crypto_.createHash)('sha256').update(parts.join('\0')).digest('hex').slice(0, 32);
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
// --- Policy -------------------------------------------------------------------------------------------------
/**
 * What identifies a finding across runs: its own fingerprint, else one made from the tool, rule, file and
 * message (never the line, which moves).
 */
function findingFingerprint(finding) {
    return finding.fingerprint ?? digest([finding.tool, finding.rule, finding.file ?? '', finding.message]);
}
/**
 * The findings that the base (its findings, or their fingerprints) does not have. Counted, not just matched: a base
 * with one finding of a fingerprint and a head with two has one new one.
 */
function newFindings(findings, base) {
    const known = new Map();
    for (const item of base) {
        const fingerprint = typeof item === 'string' ? item : findingFingerprint(item);
        known.set(fingerprint, (known.get(fingerprint) ?? 0) + 1);
    }
    return findings.filter((finding) => {
        const fingerprint = findingFingerprint(finding);
        const left = known.get(fingerprint) ?? 0;
        if (left === 0)
            return true;
        known.set(fingerprint, left - 1);
        return false;
    });
}
/** Applies the policy to the findings of every tool. */
function evaluatePolicy(findings, policy) {
    const serious = findings.filter((finding) => (0,findings_src/* atLeast */.jZ)(finding.severity, policy.failOn));
    const blocking = (policy.base === undefined ? serious : newFindings(serious, policy.base)).sort(findings_src/* compareFindings */.Eg);
    const blockingSet = new Set(blocking);
    const preexisting = serious.filter((finding) => !blockingSet.has(finding)).sort(findings_src/* compareFindings */.Eg);
    const at = `at or above ${policy.failOn}`;
    const tools = new Set(findings.map((finding) => finding.tool)).size;
    const found = `${findings.length} finding(s) from ${tools} tool(s), ${serious.length} ${at}`;
    const explanation = blocking.length === 0
        ? policy.base === undefined
            ? `Passed: ${found}.`
            : `Passed: ${found}, none new against the base (${preexisting.length} already there).`
        : policy.base === undefined
            ? `Failed: ${found}.`
            : `Failed: ${found}, ${blocking.length} of them new against the base (${preexisting.length} already there).`;
    return { failed: blocking.length > 0, blocking, preexisting, explanation };
}
/**
 * GitHub's limits for a SARIF upload (docs.github.com/rest/code-scanning/code-scanning#upload-an-analysis-as-sarif-data
 * and .../sarif-support-for-code-scanning#validating-your-sarif-file). "10 MB" is read as 10,000,000 bytes, the
 * stricter of its two readings.
 */
const SARIF_UPLOAD_LIMITS = {
    maxRuns: 20,
    maxResultsPerRun: 25_000,
    maxGzippedBytes: 10_000_000,
};
const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SEVERITY_RANK = { error: 0, warning: 1, note: 2, none: 3 };
/**
 * Writes findings as SARIF 2.1.0 for code scanning: one run per tool, each with its own category in
 * `runs[].automationDetails.id` (`flowkit/<tool>/`), because since July 2025 code scanning rejects a delivery in
 * which several runs share a category (github.blog/changelog/2025-07-21-code-scanning-will-stop-combining-multiple-sarif-runs-uploaded-in-the-same-sarif-file).
 * Within GitHub's limits: at most 20 runs (the tools with the worst findings are kept), 25,000 results per run and
 * 10 MB gzipped (the worst findings are kept); what is dropped is counted in `dropped` and `notes`. Findings without
 * a file are left out: code scanning shows only results in a file.
 */
function writeSarif(findings, options = {}) {
    const limits = { ...SARIF_UPLOAD_LIMITS, ...options.limits };
    const dropped = [];
    const drop = (tool, count, reason) => {
        if (count > 0)
            dropped.push({ tool, count, reason });
    };
    const byTool = new Map();
    for (const tool of options.tools ?? [])
        byTool.set(tool, []);
    for (const finding of findings) {
        const list = byTool.get(finding.tool) ?? [];
        list.push(finding);
        byTool.set(finding.tool, list);
    }
    for (const [tool, list] of byTool) {
        const located = list.filter((finding) => finding.file !== undefined && finding.file !== '');
        drop(tool, list.length - located.length, 'no-file');
        byTool.set(tool, located.sort(findings_src/* compareFindings */.Eg));
    }
    // Keep the tools whose findings are worst: by their worst finding, then by how many they have.
    const rank = (tool) => SEVERITY_RANK[byTool.get(tool)?.[0]?.severity ?? 'none'];
    const count = (tool) => byTool.get(tool)?.length ?? 0;
    const tools = [...byTool.keys()].sort((a, b) => rank(a) - rank(b) || count(b) - count(a) || a.localeCompare(b));
    for (const tool of tools.slice(limits.maxRuns))
        drop(tool, byTool.get(tool)?.length ?? 0, 'too-many-runs');
    const kept = tools.slice(0, limits.maxRuns).sort((a, b) => a.localeCompare(b));
    const categories = categoriesFor(kept, options.categoryPrefix ?? 'flowkit');
    for (const tool of kept) {
        const list = byTool.get(tool) ?? [];
        drop(tool, list.length - limits.maxResultsPerRun, 'too-many-results');
        byTool.set(tool, list.slice(0, limits.maxResultsPerRun));
    }
    let log = buildLog(kept, byTool, categories);
    let text = JSON.stringify(log);
    let gzipped = (0,external_node_zlib_namespaceObject.gzipSync)(text);
    // Too large: keep the worst findings of all tools, shrinking in proportion until the log fits.
    for (let attempt = 0; gzipped.length > limits.maxGzippedBytes; attempt++) {
        const all = kept.flatMap((tool) => byTool.get(tool) ?? []).sort(findings_src/* compareFindings */.Eg);
        if (all.length === 0 || attempt > 30) {
            throw new Error(`The SARIF log is ${gzipped.length} bytes gzipped even with ${all.length} result(s); code scanning accepts ${limits.maxGzippedBytes}.`);
        }
        const keep = Math.min(all.length - 1, Math.floor((all.length * limits.maxGzippedBytes * 0.9) / gzipped.length));
        const survivors = new Set(all.slice(0, Math.max(0, keep)));
        for (const tool of kept) {
            const list = byTool.get(tool) ?? [];
            const remaining = list.filter((finding) => survivors.has(finding));
            drop(tool, list.length - remaining.length, 'too-large');
            byTool.set(tool, remaining);
        }
        log = buildLog(kept, byTool, categories);
        text = JSON.stringify(log);
        gzipped = (0,external_node_zlib_namespaceObject.gzipSync)(text);
    }
    const merged = mergeDrops(dropped);
    return { log, text, gzipped, dropped: merged, notes: merged.map((d) => dropNote(d, limits)) };
}
/** Each tool's category, `<prefix>/<tool>/`, unique even when two tool names make the same slug. */
function sarifCategories(tools, prefix = 'flowkit') {
    return categoriesFor(tools, prefix);
}
function categoriesFor(tools, prefix) {
    const categories = new Map();
    const used = new Set();
    for (const tool of tools) {
        const slug = tool
            .toLowerCase()
            .replace(/[^a-z0-9._-]+/g, '-')
            .replace(/^-+|-+$/g, '') || 'tool';
        let category = `${prefix}/${slug}/`;
        for (let n = 2; used.has(category); n++)
            category = `${prefix}/${slug}-${n}/`;
        used.add(category);
        categories.set(tool, category);
    }
    return categories;
}
function buildLog(tools, byTool, categories) {
    return {
        $schema: SCHEMA,
        version: '2.1.0',
        runs: tools.map((tool) => buildRun(tool, byTool.get(tool) ?? [], categories.get(tool) ?? `flowkit/${tool}/`)),
    };
}
function buildRun(tool, findings, category) {
    const rules = [];
    const ruleIndex = new Map();
    const results = findings.map((finding) => {
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
        const region = { startLine: finding.line ?? 1 };
        if (finding.column !== undefined)
            region.startColumn = finding.column;
        if (finding.endLine !== undefined)
            region.endLine = finding.endLine;
        if (finding.endColumn !== undefined)
            region.endColumn = finding.endColumn;
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
function mergeDrops(drops) {
    const merged = new Map();
    for (const drop of drops) {
        const key = `${drop.tool}\0${drop.reason}`;
        const existing = merged.get(key);
        if (existing)
            existing.count += drop.count;
        else
            merged.set(key, { ...drop });
    }
    return [...merged.values()];
}
function dropNote(drop, limits) {
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
/** GitHub refused the upload; the message says what to change. */
class SarifUploadError extends Error {
    status;
    constructor(message, status, cause) {
        super(message, { cause });
        this.name = 'SarifUploadError';
        this.status = status;
    }
}
/** The permissions an upload needs, as a workflow's `permissions:` grants them. */
const SARIF_UPLOAD_PERMISSIONS = '`security-events: write` (and `actions: read` in private repositories)';
/**
 * Uploads a written log to code scanning (`POST /repos/{owner}/{repo}/code-scanning/sarifs`, gzip then Base64), then
 * polls `GET …/code-scanning/sarifs/{sarif_id}` with backoff until processing is complete or failed, or the polls run
 * out (then 'pending': GitHub goes on processing). A read-only token (fork pull requests) skips the upload; a 403
 * names the permission the workflow needs.
 */
async function uploadSarif(written, options) {
    const { client, repo, clock = src/* systemClock */.ml, log = src/* silentLogger */.qq } = options;
    if (!/^([0-9a-f]{40}|[0-9a-f]{64})$/i.test(options.commitSha)) {
        throw new src/* InputError */.dz('sha', `"${options.commitSha}" is not a full commit SHA`, 'Pass the 40-character SHA of the analysed commit (GITHUB_SHA).');
    }
    if (!/^refs\/(heads|tags|pull)\/./.test(options.ref)) {
        throw new src/* InputError */.dz('ref', `"${options.ref}" is not a full Git ref`, 'Pass refs/heads/<branch>, refs/tags/<tag> or refs/pull/<number>/merge (GITHUB_REF).');
    }
    if (options.readOnlyToken) {
        const reason = `Not uploading SARIF to code scanning: this run's token is read-only (a pull request from a fork or by Dependabot), and uploading needs ${SARIF_UPLOAD_PERMISSIONS}. The findings are in the job summary.`;
        log.info(reason);
        return { status: 'skipped', reason };
    }
    let sarifId;
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
    }
    catch (error) {
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
        log.debug(`SARIF upload ${sarifId} is still ${status.processing_status ?? 'pending'} after ${waitedMs} ms`);
        delay = Math.min(maxDelayMs, delay * 2);
    }
    log.warning(`SARIF upload ${sarifId} was still being processed after ${waitedMs} ms; GitHub will finish it on its own.`);
    return { status: 'pending', sarifId, waitedMs };
}
function explainUploadError(error, repo) {
    if (!(error instanceof github_src/* GitHubError */.y_))
        return error;
    const where = `${repo.owner}/${repo.repo}`;
    if (error.status === 403 && /not accessible by integration|permission/i.test(error.message)) {
        return new SarifUploadError(`Code scanning refused the SARIF upload to ${where} (403): the workflow's GITHUB_TOKEN needs ${SARIF_UPLOAD_PERMISSIONS}. Add them to the job's permissions:, e.g. \`permissions: { contents: read, security-events: write, actions: read }\`.`, 403, error);
    }
    if (error.status === 403) {
        return new SarifUploadError(`Code scanning refused the SARIF upload to ${where} (${error.message}): enable code scanning (GitHub Advanced Security for private repositories) in the repository's settings, or turn the upload off.`, 403, error);
    }
    if (error.status === 413) {
        return new SarifUploadError(`Code scanning refused the SARIF upload to ${where} as too large (${error.message}): it accepts ${SARIF_UPLOAD_LIMITS.maxGzippedBytes} bytes gzipped; write it with writeSarif, which keeps under the limit.`, 413, error);
    }
    return new SarifUploadError(`Code scanning refused the SARIF upload to ${where}: ${error.message}`, error.status, error);
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
;// CONCATENATED MODULE: ./packages/security/src/secrets/entropy.ts
// Tells random-looking values from words, code and placeholders: what the generic secret rule relies on.
/**
 * Bits of Shannon entropy per character of `text`, from its own character frequencies.
 * A 16-character random base62 string scores about 3.75; `process.env.TOKEN` about 3.3; `xxxxxxxx` 0.
 */
function shannonEntropy(text) {
    if (text.length === 0)
        return 0;
    const counts = new Map();
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    let bits = 0;
    for (const count of counts.values()) {
        const p = count / text.length;
        bits -= p * Math.log2(p);
    }
    return bits;
}
/**
 * The least entropy (bits per character) a generic value needs to count as random. Measured over 20,000
 * samples each: random base62 strings of 16 characters score ≥ 3.50 in 95% of cases (median 3.75), of 20
 * characters ≥ 3.65 in 99%; words and identifiers of the same length (`databasePasswordFile`) have a median
 * of 3.55 and are mostly turned away by the digit rule instead (see `isRandomLooking`).
 */
const GENERIC_ENTROPY_THRESHOLD = 3.5;
/**
 * The same bar for values made only of hex digits, whose alphabet of 16 symbols caps entropy at 4 bits:
 * random 32-digit hex scores ≥ 3.38 in 95% of cases, 16-digit hex has a median of 3.2.
 */
const HEX_ENTROPY_THRESHOLD = 3.0;
/**
 * The least entropy the random part of a known token format must have. Low, because the bar is only to turn
 * away stand-ins (`abababab…`): 16 random base32 characters (an AWS key ID) fall under 3.0 in 0.4% of cases,
 * under 2.5 in none of 200,000.
 */
const TOKEN_ENTROPY_THRESHOLD = 2.5;
const HEX_ONLY = /^[0-9a-f]+$/i;
const DIGIT = /[0-9]/;
const LETTER = /[A-Za-z]/;
/**
 * True when a generic value looks generated rather than written: it mixes letters and digits (identifiers and
 * words rarely carry digits, generated secrets almost always do) and its entropy clears the threshold for
 * its alphabet.
 */
function isRandomLooking(value) {
    if (!DIGIT.test(value) || !LETTER.test(value))
        return false;
    const threshold = HEX_ONLY.test(value) ? HEX_ENTROPY_THRESHOLD : GENERIC_ENTROPY_THRESHOLD;
    return shannonEntropy(value) >= threshold;
}
// Six or more of one character (xxxxxx, 000000, ******), or eight in a row of the alphabet or the digits:
// docs write them, generators practically never do (a 36-character random token has a ~1e-8 chance).
const REPEATED_RUN = /(.)\1{5}/;
const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
function hasSequentialRun(text, length) {
    for (const sequence of SEQUENCES) {
        for (let start = 0; start + length <= sequence.length; start++) {
            if (text.includes(sequence.slice(start, start + length)))
                return true;
        }
    }
    return false;
}
/**
 * True for the random part of a token that is plainly a stand-in (`ghp_XXXXXXXX…`, `…/B00000000/…`,
 * `1234567890abcdef…`) or too uniform to be generated.
 */
function isPlaceholderToken(body) {
    return (REPEATED_RUN.test(body) || hasSequentialRun(body, 8) || shannonEntropy(body) < TOKEN_ENTROPY_THRESHOLD);
}
// Words people put where a secret goes in examples, docs and templates.
const PLACEHOLDER_WORDS = /example|sample|dummy|placeholder|change_?me|your[_-]?|redacted|replace|insert|xxxx|\*\*\*\*|<[^>]*>|todo|fixme/i;
// References to a secret kept elsewhere: $VAR, ${VAR}, $(cmd), %VAR%, process.env.X, os.environ, getenv(…),
// ENV[…], secrets.X, vars.X.
const REFERENCE = /^[$%]|process\.env|os\.environ|getenv|\bENV\[|(?:^|\.)(?:secrets|vars|env)\./i;
// A chain of identifiers (config.github.token, this.tokenService) is code, not a value.
const DOTTED_IDENTIFIERS = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/;
// A path (/etc/secrets/db-password, ./keys/app.pem, ~/.ssh/id_rsa).
const PATH = /^(?:\.{0,2}\/|~\/)[\w./-]*$/;
/** True for a generic value that is a stand-in, a reference to a secret kept elsewhere, code or a path. */
function isPlaceholderValue(value) {
    return (REFERENCE.test(value) ||
        PLACEHOLDER_WORDS.test(value) ||
        DOTTED_IDENTIFIERS.test(value) ||
        PATH.test(value) ||
        REPEATED_RUN.test(value) ||
        hasSequentialRun(value, 8));
}

;// CONCATENATED MODULE: ./packages/security/src/secrets/redact.ts
// What of a found secret may be shown: a short prefix and a hash, never the secret itself.

/** The most characters of a secret a message may show. */
const MAX_PREVIEW_CHARS = 6;
/** The most characters of a generic value (often a password, shorter than a token) a message may show. */
const MAX_GENERIC_PREVIEW_CHARS = 4;
/**
 * The first characters of `secret` and an ellipsis: at most `maxChars` (6 by default), and at most a quarter
 * of the secret (`ghp_Ab…`, `S3cr…`).
 */
function redactSecret(secret, maxChars = MAX_PREVIEW_CHARS) {
    const shown = Math.min(maxChars, Math.floor(secret.length / 4));
    return `${secret.slice(0, shown)}…`;
}
/**
 * The finding's fingerprint: sha256 of the rule id and the secret, in hex. It is the same wherever the secret
 * sits, so an allowlist entry keeps matching when lines move, and it cannot be turned back into the secret.
 */
function fingerprintSecret(ruleId, secret) {
    return (0,external_node_crypto_.createHash)('sha256').update(`${ruleId}:${secret}`).digest('hex');
}

;// CONCATENATED MODULE: ./packages/security/src/secrets/rules.ts


const HISTORY = 'then remove it from the file and from the history (git filter-repo or BFG), since old commits keep it, ' +
    'and keep the new one in a secret store such as a repository secret';
/** Accepts a token whose random part, after `prefixLength` fixed characters, is not a stand-in. */
function tokenAfterPrefix(prefixLength) {
    return (_text, start, match) => isPlaceholderToken(match.slice(prefixLength))
        ? undefined
        : { secret: match, start, end: start + match.length };
}
function githubRule(id, prefix, description, fix) {
    return {
        id,
        description,
        severity: 'error',
        fix: `${fix}, ${HISTORY}.`,
        helpUri: 'https://docs.github.com/en/code-security/secret-scanning/working-with-secret-scanning-and-push-protection',
        pattern: String.raw `\b${prefix}[A-Za-z0-9]{36}\b`,
        extract: tokenAfterPrefix(prefix.length),
    };
}
const SLACK_KINDS = {
    xoxb: 'Slack bot token',
    xoxp: 'Slack user token',
    xoxa: 'Slack app token',
    xoxe: 'Slack refresh token',
};
// The header of a PEM or PGP block; the secret is the key material after it.
const PRIVATE_KEY_HEADER = '-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----';
// How far past the header the END line may be (a 16384-bit RSA key is about 12 KB of PEM).
const PRIVATE_KEY_REACH = 16384;
const ARMOR_HEADER = /^[A-Za-z-]+:/;
const BASE64_RUN = /^[A-Za-z0-9+/=]+/;
/**
 * The key material of a private-key block: the base64 lines between the header and the END line, whether the
 * lines are real or escaped (`\n` in JSON, as in a cloud service-account file), after armor headers such as
 * `Proc-Type:`. Docs write `...` there; a key has hundreds of base64 characters.
 */
function extractPrivateKey(text, start, match) {
    const bodyStart = start + match.length;
    const window = text.slice(bodyStart, bodyStart + PRIVATE_KEY_REACH);
    const endMarker = window.indexOf('-----END');
    const lines = (endMarker === -1 ? window : window.slice(0, endMarker)).split(/\\r\\n|\\n|\r?\n/);
    let material = '';
    for (const line of lines) {
        const trimmed = line.replace(/^[\s"'+,]+|[\s"'+,\\]+$/g, '');
        if (trimmed === '' || (material === '' && ARMOR_HEADER.test(trimmed)))
            continue;
        const run = BASE64_RUN.exec(trimmed)?.[0] ?? '';
        material += run;
        // Outside a complete block, stop at the first line that is not all base64 (code after a header constant).
        if (run.length !== trimmed.length) {
            if (endMarker === -1)
                break;
            return undefined;
        }
    }
    // Entropy only: real key material has long runs of A (zero bytes in the encoding, as in every OpenSSH key).
    if (material.length < 40 || shannonEntropy(material) < TOKEN_ENTROPY_THRESHOLD)
        return undefined;
    const closing = endMarker === -1 ? -1 : window.indexOf('-----', endMarker + 8);
    const end = closing === -1 ? bodyStart + window.length : bodyStart + closing + 5;
    const kind = match.slice('-----BEGIN '.length, -'-----'.length).trim();
    const description = kind.replace(/PRIVATE KEY( BLOCK)?$/, (words) => words.toLowerCase());
    return { secret: material, start, end, preview: `-----BEGIN ${kind}-----`, description };
}
// The signature of jwt.io's example token ("John Doe", signed with "your-256-bit-secret"), copied into countless
// docs and tests.
const JWT_IO_EXAMPLE_SIGNATURE = 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
/** True when the first segment of a JWT decodes to a JSON header naming a signing algorithm (not `none`). */
function isSignedJwtHeader(segment) {
    try {
        const header = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
        if (typeof header !== 'object' || header === null)
            return false;
        const alg = header.alg;
        return typeof alg === 'string' && alg !== '' && alg.toLowerCase() !== 'none';
    }
    catch {
        // Deliberately no detail: a JSON.parse message quotes the text it failed on, which is the token.
        return false;
    }
}
/** Rules found by their own regex, in the order their alternatives are tried. */
const FORMAT_RULES = [
    githubRule('github-pat', 'ghp_', 'GitHub personal access token (classic)', 'Revoke it at https://github.com/settings/tokens (its owner can; an org owner can remove its access)'),
    githubRule('github-oauth-token', 'gho_', 'GitHub OAuth access token', 'Revoke the OAuth app authorization at https://github.com/settings/applications'),
    githubRule('github-user-token', 'ghu_', 'GitHub App user access token', 'Revoke the GitHub App authorization at https://github.com/settings/apps/authorizations'),
    githubRule('github-installation-token', 'ghs_', "GitHub App installation token (or a workflow's GITHUB_TOKEN)", 'Revoke it with DELETE /installation/token (it also expires within an hour)'),
    githubRule('github-refresh-token', 'ghr_', 'GitHub App refresh token', 'Revoke the GitHub App authorization at https://github.com/settings/apps/authorizations'),
    {
        id: 'github-fine-grained-pat',
        description: 'GitHub fine-grained personal access token',
        severity: 'error',
        fix: `Revoke it at https://github.com/settings/personal-access-tokens, ${HISTORY}.`,
        helpUri: 'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens',
        pattern: String.raw `\bgithub_pat_[A-Za-z0-9_]{82}\b`,
        extract: tokenAfterPrefix('github_pat_'.length),
    },
    {
        id: 'slack-token',
        description: 'Slack token',
        severity: 'error',
        fix: `Revoke it at https://api.slack.com/apps (the app's OAuth & Permissions page) or with auth.revoke, ${HISTORY}.`,
        helpUri: 'https://api.slack.com/authentication/token-types',
        pattern: String.raw `\bxox[bpae]-[0-9]+-[A-Za-z0-9-]{16,}`,
        extract(_text, start, match) {
            // Only the last part is random: team and user IDs are digits, where runs like 888888 do occur.
            if (isPlaceholderToken(match.slice(match.lastIndexOf('-') + 1)))
                return undefined;
            return { secret: match, start, end: start + match.length, description: SLACK_KINDS[match.slice(0, 4)] };
        },
    },
    {
        id: 'slack-webhook-url',
        description: 'Slack incoming webhook URL',
        severity: 'error',
        fix: `Anyone with it can post to the channel: remove the webhook at https://api.slack.com/apps (Incoming Webhooks) and add a new one, ${HISTORY}.`,
        helpUri: 'https://api.slack.com/messaging/webhooks',
        pattern: String.raw `https://hooks\.slack\.com/services/T[A-Z0-9]{6,}/B[A-Z0-9]{6,}/[A-Za-z0-9]{20,}`,
        extract(_text, start, match) {
            // The secret is the path after the fixed prefix; its last segment authorizes, and is never shown.
            const prefix = 'https://hooks.slack.com/services/'.length;
            const path = match.slice(prefix);
            if (isPlaceholderToken(path.slice(path.lastIndexOf('/') + 1)))
                return undefined;
            return {
                secret: path,
                start,
                end: start + match.length,
                preview: `https://hooks.slack.com/services/${redactSecret(path)}`,
            };
        },
    },
    {
        id: 'aws-access-key-id',
        description: 'AWS access key ID',
        severity: 'error',
        fix: `Deactivate and delete the access key in IAM (https://console.aws.amazon.com/iam/, the user's Security credentials), rotate its secret access key, ${HISTORY}.`,
        helpUri: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
        pattern: String.raw `\b(?:AKIA|ASIA)[A-Z0-9]{16}\b`,
        extract(_text, start, match) {
            // AWS's own docs use AKIAIOSFODNN7EXAMPLE.
            if (match.endsWith('EXAMPLE') || isPlaceholderToken(match.slice(4)))
                return undefined;
            return { secret: match, start, end: start + match.length };
        },
    },
    {
        id: 'atlassian-api-token',
        description: 'Atlassian API token',
        severity: 'error',
        fix: `Revoke it at https://id.atlassian.com/manage-profile/security/api-tokens, ${HISTORY}.`,
        helpUri: 'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/',
        pattern: String.raw `\bATATT3[A-Za-z0-9_=-]{180,}`,
        extract: tokenAfterPrefix('ATATT3'.length),
    },
    {
        id: 'private-key',
        description: 'private key',
        severity: 'error',
        fix: `Treat the key as compromised: replace it wherever it is trusted (certificates, deploy keys, authorized_keys, signing keys), ${HISTORY}.`,
        pattern: PRIVATE_KEY_HEADER,
        extract: extractPrivateKey,
    },
    {
        id: 'jwt',
        description: 'JSON Web Token',
        severity: 'error',
        fix: `Revoke the session it belongs to or rotate the issuer's signing key, ${HISTORY}.`,
        helpUri: 'https://datatracker.ietf.org/doc/html/rfc7519',
        pattern: String.raw `\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{16,}`,
        extract(_text, start, match) {
            if (match.endsWith(JWT_IO_EXAMPLE_SIGNATURE))
                return undefined;
            if (!isSignedJwtHeader(match.slice(0, match.indexOf('.'))))
                return undefined;
            return { secret: match, start, end: start + match.length };
        },
    },
];
// The parts of the assignment pattern, which the scanner also uses one by one (see detect.ts).
/** Words that make a name secret-like (matched case-insensitively, anywhere in the name). */
const SECRET_KEY_WORDS = 'passw(?:or)?d|passphrase|secret|token|api[_-]?key|app(?:lication)?[_-]?key|access[_-]?key|private[_-]?key|credential|datadog';
/**
 * ASCII whitespace, spelled out: JavaScript's `\s` would also take byte 0xA0 of UTF-8 text read as latin1,
 * and Rust's ASCII `\s` (what ripgrep runs) would not.
 */
const ASSIGNMENT_SPACE_CHARS = String.raw `[\t\n\v\f\r ]`;
/** An assignment operator with the spaces and opening quote after it. */
const ASSIGNMENT_OPERATOR = `(?::=|=>|=|:)${ASSIGNMENT_SPACE_CHARS}{0,5}["'\\x60]?`;
/** The characters of an assigned value: no spaces, quotes, brackets, commas, semicolons or ampersands. */
const ASSIGNMENT_VALUE_CHARS = '[A-Za-z0-9+/=_.~!@#$%^*?-]';
/** Values shorter than this are never reported by the generic rule. */
const MIN_ASSIGNED_VALUE_LENGTH = 16;
/**
 * An assignment of a value to a name with a key word in it (`DB_PASSWORD = "…"`, `"apiKey": "…"`,
 * `client_secret: …`, `--token=…`, `config['password'] = …`). Group 1 is the value: 16 to 200 characters
 * without spaces, quotes or brackets, so `${{ secrets.X }}`, `<your-token>` and calls never match. What the
 * value is (AWS secret key, Datadog key, generic secret or nothing) is decided by the scanner's checks.
 */
const ASSIGNMENT_PATTERN = `(?i:${SECRET_KEY_WORDS})[\\w.-]{0,30}["']?\\]?${ASSIGNMENT_SPACE_CHARS}{0,5}${ASSIGNMENT_OPERATOR}(${ASSIGNMENT_VALUE_CHARS}{${MIN_ASSIGNED_VALUE_LENGTH},200})`;
/** A 40-character AWS secret access key, recognized only with AWS words in its name or just before it. */
const AWS_SECRET_RULE = {
    id: 'aws-secret-access-key',
    description: 'AWS secret access key',
    severity: 'error',
    fix: `Deactivate and delete the access key pair in IAM (https://console.aws.amazon.com/iam/), ${HISTORY}.`,
    helpUri: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
};
/** A Datadog API key: 32 hex digits named or preceded by Datadog words. */
const DATADOG_API_KEY_RULE = {
    id: 'datadog-api-key',
    description: 'Datadog API key',
    severity: 'error',
    fix: `Revoke it at https://app.datadoghq.com/organization-settings/api-keys (your Datadog site), ${HISTORY}.`,
    helpUri: 'https://docs.datadoghq.com/account_management/api-app-keys/',
};
/** A Datadog application key: 40 hex digits named or preceded by Datadog words. */
const DATADOG_APP_KEY_RULE = {
    id: 'datadog-app-key',
    description: 'Datadog application key',
    severity: 'error',
    fix: `Revoke it at https://app.datadoghq.com/organization-settings/application-keys (your Datadog site), ${HISTORY}.`,
    helpUri: 'https://docs.datadoghq.com/account_management/api-app-keys/',
};
/** A random-looking value assigned to a name like password, secret, token or api_key. */
const GENERIC_SECRET_RULE = {
    id: 'generic-secret',
    description: 'high-entropy value assigned to a secret-like name',
    severity: 'warning',
    fix: 'If it is a real secret, rotate it where it was issued, read it from a secret store (e.g. ${{ secrets.NAME }} ' +
        'or an environment variable) and remove it from the history; if it is not, add an allowlist entry with the reason.',
};
/** Every rule, for listing and for checking allowlist entries' `rule`. */
const SECRET_RULES = [
    ...FORMAT_RULES,
    AWS_SECRET_RULE,
    DATADOG_API_KEY_RULE,
    DATADOG_APP_KEY_RULE,
    GENERIC_SECRET_RULE,
];
/**
 * The regexes the scanner searches with, as JavaScript sources that Rust's regex crate reads the same way
 * (ripgrep runs them in the benchmark, prefixed with `(?-u)` for JavaScript's ASCII `\b` and `\w`).
 */
function secretPatterns() {
    return [...FORMAT_RULES.map((rule) => rule.pattern), ASSIGNMENT_PATTERN];
}

;// CONCATENATED MODULE: ./packages/security/src/secrets/detect.ts



/** The tool name on every finding of this scanner. */
const SECRETS_TOOL = 'secrets';
// Every format rule in one regex, each in its own group (the group tells which rule matched). The assignment
// pattern is found from its operator (see findAssignments), then matched anchored at its key word.
const FORMAT_SCAN = new RegExp(FORMAT_RULES.map((rule) => `(${rule.pattern})`).join('|'), 'g');
// The whole pattern case-insensitive instead of its `(?i:…)` group: the rest of it reads the same either way (its
// classes hold both cases), and V8's RegExp modifiers were seen ignored intermittently in CI (Node 24.21: upper-case
// key names missed only in a full test run, never alone), so JavaScript does not rely on them. ripgrep keeps `(?i:…)`.
const ASSIGNMENT_AT = new RegExp(ASSIGNMENT_PATTERN.replace('(?i:', '(?:'), 'iy');
// An operator with a value of at least the least length after it: where an assignment may end.
const OPERATOR_SCAN = new RegExp(`${ASSIGNMENT_OPERATOR}${ASSIGNMENT_VALUE_CHARS}{${MIN_ASSIGNED_VALUE_LENGTH}}`, 'g');
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
const detect_HEX_ONLY = /^[0-9a-f]+$/i;
const HEX_32 = /^[0-9a-f]{32}$/;
const HEX_40 = /^[0-9a-f]{40}$/;
const KEY_CHAR = /[\w.-]/;
const KEY_HEAD = /^[\w.-]+/;
const NON_ASCII = /[\x80-\xff]/;
/** Tracks line numbers through a text whose matches arrive in order, counting each newline once. */
class LineCursor {
    text;
    latin1;
    line = 1;
    lineStart = 0;
    constructor(text, latin1) {
        this.text = text;
        this.latin1 = latin1;
    }
    /** Line and column (1-based) of `index`, which must not be before the previous call's. */
    locate(index) {
        for (;;) {
            const newline = this.text.indexOf('\n', this.lineStart);
            if (newline === -1 || newline >= index)
                break;
            this.line++;
            this.lineStart = newline + 1;
        }
        return { line: this.line, column: this.columnOf(this.lineStart, index) };
    }
    /** Line and column just past `end`, without moving the cursor. */
    locateEnd(start, end, startLine) {
        let line = startLine;
        let lineStart = this.lineStart;
        for (let newline = this.text.indexOf('\n', start); newline !== -1 && newline < end - 1;) {
            line++;
            lineStart = newline + 1;
            newline = this.text.indexOf('\n', lineStart);
        }
        return { line, column: this.columnOf(lineStart, end) };
    }
    columnOf(lineStart, index) {
        const before = this.text.slice(lineStart, index);
        if (!this.latin1 || !NON_ASCII.test(before))
            return before.length + 1;
        return Buffer.from(before, 'latin1').toString('utf8').length + 1;
    }
}
/**
 * Finds the secrets in `text`. Findings carry a redacted preview and a fingerprint, never the secret: nothing
 * this returns can leak one.
 */
function detectSecrets(text, options = {}) {
    const found = findFormatTokens(text);
    findAssignments(text, found);
    if (found.length === 0)
        return [];
    found.sort((a, b) => a.start - b.start);
    const cursor = new LineCursor(text, options.latin1 === true);
    return found.map((secret) => toFinding(secret, cursor, options.file));
}
// Two searches beat one regex of every alternative in V8 (measured: 180 against 234 ms for 50 MB), since the
// format alternatives then run at their own literal-prefix speed.
function findFormatTokens(text) {
    const found = [];
    FORMAT_SCAN.lastIndex = 0;
    for (let match = FORMAT_SCAN.exec(text); match !== null; match = FORMAT_SCAN.exec(text)) {
        const secret = extractFormat(text, match);
        if (secret === undefined)
            continue;
        found.push({ ...secret, message: formatMessage(secret.rule, secret) });
        // A private key's block runs past the header the regex matched.
        if (secret.end > FORMAT_SCAN.lastIndex)
            FORMAT_SCAN.lastIndex = secret.end;
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
function findAssignments(text, found) {
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
        const value = match[1];
        const valueStart = match.index + match[0].length - value.length;
        // `token: ghp_…` is reported once, by the token's own rule.
        if (overlapsToken(found, tokens, valueStart, valueStart + value.length))
            continue;
        if (isCode(text, value, valueStart + value.length))
            continue;
        const rule = classifyAssignment(text, match.index, match[0], value);
        if (rule === undefined)
            continue;
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
function assignmentEndingAt(text, operator) {
    let nameEnd = operator;
    while (nameEnd > 0 && operator - nameEnd < 5 && SPACE.test(text.charAt(nameEnd - 1)))
        nameEnd--;
    if (text.charAt(nameEnd - 1) === ']')
        nameEnd--;
    const quote = text.charAt(nameEnd - 1);
    if (quote === '"' || quote === "'")
        nameEnd--;
    let nameStart = nameEnd;
    while (nameStart > 0 && nameEnd - nameStart < LONGEST_NAME && KEY_CHAR.test(text.charAt(nameStart - 1)))
        nameStart--;
    if (nameStart === nameEnd)
        return undefined;
    const name = text.slice(nameStart, nameEnd);
    KEY_WORD_SCAN.lastIndex = 0;
    // The leftmost key word from which the whole pattern matches is the match a plain search would give.
    for (let word = KEY_WORD_SCAN.exec(name); word !== null; word = KEY_WORD_SCAN.exec(name)) {
        ASSIGNMENT_AT.lastIndex = nameStart + word.index;
        const match = ASSIGNMENT_AT.exec(text);
        if (match !== null)
            return match;
        KEY_WORD_SCAN.lastIndex = word.index + 1;
    }
    return undefined;
}
/**
 * True for a value that is code rather than data: the rest of a comparison (`===0?…`), a call, a generic or an
 * index (`babel7Compat(…`, `OAuth2Credential<…`), or a name built from a key word (`OpeningParenToken$1`,
 * `r.tokenizeBlocks`): generated secrets do not spell words like token or secret.
 */
function isCode(text, value, valueEnd) {
    if (value.startsWith('='))
        return true;
    const after = text.charAt(valueEnd);
    if (after === '(' || after === '<' || after === '[' || after === '{')
        return true;
    return KEY_WORD.test(value);
}
function overlapsToken(found, count, start, end) {
    for (let index = 0; index < count; index++) {
        const token = found[index];
        if (token.start < end && start < token.end)
            return true;
    }
    return false;
}
function toFinding(found, cursor, file) {
    const start = cursor.locate(found.start);
    const end = cursor.locateEnd(found.start, found.end, start.line);
    const finding = {
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
    if (file !== undefined)
        finding.file = file;
    if (found.rule.helpUri !== undefined)
        finding.helpUri = found.rule.helpUri;
    return finding;
}
/** The format rule whose alternative matched, and its secret if the rule's checks accept it. */
function extractFormat(text, match) {
    for (let index = 0; index < FORMAT_RULES.length; index++) {
        const matched = match[index + 1];
        if (matched === undefined)
            continue;
        const rule = FORMAT_RULES[index];
        const secret = rule.extract(text, match.index, matched);
        return secret === undefined ? undefined : { ...secret, rule };
    }
    return undefined;
}
/** The whole name a key word sits in (`DD_API_KEY` around `API_KEY`), and where it starts. */
function keyName(text, keywordStart, assignment) {
    let start = keywordStart;
    while (start > 0 && keywordStart - start < 40 && KEY_CHAR.test(text.charAt(start - 1)))
        start--;
    return { name: text.slice(start, keywordStart) + (KEY_HEAD.exec(assignment)?.[0] ?? ''), start };
}
/**
 * Which rule an assigned value falls under, or undefined when it is a placeholder, a reference or not random.
 * Most assignments the regex finds are not secrets (`password: process.env.DB_PASSWORD`), so the cheap
 * checks on the value come first and the context is read only for values shaped like a vendor's key.
 */
function classifyAssignment(text, keywordStart, assignment, value) {
    const awsShaped = AWS_SECRET_VALUE.test(value) && !detect_HEX_ONLY.test(value);
    const datadogShaped = HEX_32.test(value) || HEX_40.test(value);
    if (awsShaped || datadogShaped) {
        const vendor = vendorOf(text, keyName(text, keywordStart, assignment));
        if (vendor === 'aws' && awsShaped) {
            return value.includes('EXAMPLE') || isPlaceholderToken(value) ? undefined : AWS_SECRET_RULE;
        }
        if (vendor === 'datadog' && datadogShaped) {
            if (isPlaceholderToken(value))
                return undefined;
            return value.length === 32 ? DATADOG_API_KEY_RULE : DATADOG_APP_KEY_RULE;
        }
    }
    if (isPlaceholderValue(value) || !isRandomLooking(value))
        return undefined;
    return GENERIC_SECRET_RULE;
}
/**
 * Whose key the assignment holds, by the name it is assigned to or else by the nearest vendor word in the
 * lines just before (`datadog:` above `  api_key: …`).
 */
function vendorOf(text, key) {
    if (DATADOG_CONTEXT.test(key.name))
        return 'datadog';
    if (AWS_CONTEXT.test(key.name))
        return 'aws';
    const before = text.slice(Math.max(0, key.start - CONTEXT_CHARS), key.start);
    const datadog = lastIndexOf(DATADOG_WORDS, before);
    // `aws:` above `  secret_key: …`: the name must still say secret.
    const aws = SECRET_WORD.test(key.name) ? lastIndexOf(AWS_WORDS, before) : -1;
    if (datadog === -1 && aws === -1)
        return undefined;
    return datadog > aws ? 'datadog' : 'aws';
}
function lastIndexOf(pattern, text) {
    let last = -1;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text))
        last = match.index;
    return last;
}
function formatMessage(rule, found) {
    const what = found.description ?? rule.description;
    return `${capitalize(what)} (${found.preview ?? redactSecret(found.secret)}) is in plain text`;
}
function assignmentMessage(rule, key, value) {
    if (rule === GENERIC_SECRET_RULE) {
        return `Possible secret: a high-entropy value (${redactSecret(value, MAX_GENERIC_PREVIEW_CHARS)}) is assigned to '${key}'`;
    }
    return `${capitalize(rule.description)} (${redactSecret(value)}) is assigned to '${key}'`;
}
function capitalize(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

;// CONCATENATED MODULE: ./packages/security/src/secrets/glob.ts
// Matches repository paths against the globs of allowlist entries.
/**
 * A regex for a path glob: `*` and `?` stay within one directory, `**` spans any number, `{a,b}` is either,
 * `[…]` a character class. A glob without `/` matches the file name in any directory (as in .gitignore); a
 * leading `/` anchors it at the root. Dotfiles are not special (`**` matches `.github`).
 */
function pathGlobToRegExp(glob) {
    let pattern = glob.startsWith('/') ? glob.slice(1) : glob;
    const anyDirectory = !glob.startsWith('/') && !pattern.includes('/');
    if (pattern.endsWith('/'))
        pattern += '**';
    let source = '';
    for (let index = 0; index < pattern.length; index++) {
        const char = pattern.charAt(index);
        if (char === '*' && pattern.charAt(index + 1) === '*') {
            const slashAfter = pattern.charAt(index + 2) === '/';
            const atSegmentStart = index === 0 || pattern.charAt(index - 1) === '/';
            if (atSegmentStart && slashAfter) {
                source += '(?:.*/)?';
                index += 2;
            }
            else if (atSegmentStart && index + 2 === pattern.length && index > 0) {
                // `dir/**`: the directory's contents at any depth.
                source = `${source.slice(0, -1)}(?:/.*)?`;
                index += 1;
            }
            else {
                source += '.*';
                index += 1;
            }
        }
        else if (char === '*') {
            source += '[^/]*';
        }
        else if (char === '?') {
            source += '[^/]';
        }
        else if (char === '{') {
            const close = pattern.indexOf('}', index);
            if (close === -1) {
                source += '\\{';
                continue;
            }
            const options = pattern
                .slice(index + 1, close)
                .split(',')
                .map(escapeRegExp);
            source += `(?:${options.join('|')})`;
            index = close;
        }
        else if (char === '[') {
            const close = pattern.indexOf(']', index + 2);
            if (close === -1) {
                source += '\\[';
                continue;
            }
            const body = pattern
                .slice(index + 1, close)
                .replace(/^!/, '^')
                .replace(/\\/g, '\\\\');
            source += `[${body}]`;
            index = close;
        }
        else {
            source += escapeRegExp(char);
        }
    }
    return new RegExp(`^${anyDirectory ? '(?:.*/)?' : ''}${source}$`);
}
/** True when `path` (relative, with '/') matches `glob`. */
function matchesPathGlob(path, glob) {
    return pathGlobToRegExp(glob).test(path);
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

;// CONCATENATED MODULE: ./packages/security/src/secrets/allowlist.ts
// The allowlist file: secrets a team accepted for a reason and until a date, and what happens when it lapses.







/** Where the allowlist lives unless an input says otherwise, relative to the repository root. */
const DEFAULT_ALLOWLIST_PATH = '.github/flowkit-secrets-allowlist.yml';
/** Rule of the finding that says an allowlist entry has expired. */
const EXPIRED_ENTRY_RULE = 'allowlist-entry-expired';
/** Rule of the note that says an allowlist entry matched nothing. */
const STALE_ENTRY_RULE = 'allowlist-entry-stale';
const KEYS = ['rule', 'path', 'fingerprint', 'reason', 'expires'];
const RULE_IDS = SECRET_RULES.map((rule) => rule.id);
const FINGERPRINT = /^[0-9a-f]{64}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/**
 * Reads the allowlist at `path` (relative to `root`; default DEFAULT_ALLOWLIST_PATH). A missing default file
 * is an empty allowlist; a missing file the user named (`input`) is an InputError.
 */
async function loadAllowlist(root, path, input = 'allowlist') {
    const file = path ?? DEFAULT_ALLOWLIST_PATH;
    let text;
    try {
        text = await (0,promises_.readFile)((0,external_node_path_namespaceObject.join)(root, file), 'utf8');
    }
    catch (error) {
        if (error.code !== 'ENOENT')
            throw error;
        if (path === undefined)
            return { file, entries: [] };
        throw new src/* InputError */.dz(input, `names '${file}', which does not exist`, `Create it, or remove the input to use ${DEFAULT_ALLOWLIST_PATH} when it exists.`);
    }
    return parseAllowlist(text, file);
}
/**
 * Validates allowlist text: a YAML list of entries (or a mapping whose `allow` key holds the list). Throws a
 * ConfigError naming the file, the line, the entry's field and what was expected.
 */
function parseAllowlist(text, file) {
    const lines = new dist.LineCounter();
    const doc = (0,dist.parseDocument)(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
    const [syntax] = doc.errors;
    if (syntax !== undefined) {
        throw new src/* ConfigError */.xL(file, '', `not valid YAML: ${(0,src/* yamlProblem */.Td)(syntax.message)}`, syntax.linePos?.[0].line);
    }
    const lineOf = (node) => {
        const range = node?.range;
        return range ? lines.linePos(range[0]).line : undefined;
    };
    let list = doc.contents;
    let prefix = '';
    if (list === null)
        return { file, entries: [] };
    if ((0,dist.isMap)(list)) {
        const allow = list.items.find((pair) => (0,dist/* isScalar */.jn)(pair.key) && pair.key.value === 'allow');
        const other = list.items.find((pair) => !((0,dist/* isScalar */.jn)(pair.key) && pair.key.value === 'allow'));
        if (other !== undefined || allow === undefined) {
            throw new src/* ConfigError */.xL(file, '', "expected a list of entries (or a mapping with just 'allow:' holding the list)", lineOf(other?.key ?? list));
        }
        list = allow.value;
        prefix = 'allow';
        if (list === null || ((0,dist/* isScalar */.jn)(list) && list.value === null))
            return { file, entries: [] };
    }
    if (!(0,dist.isSeq)(list)) {
        throw new src/* ConfigError */.xL(file, prefix, 'expected a list of entries, each like { path: "test/fixtures/**", reason: "…", expires: 2026-12-31 }', lineOf(list));
    }
    const entries = list.items.map((item, index) => parseEntry(item, `${prefix}[${index}]`, file, lineOf));
    return { file, entries };
}
function parseEntry(item, path, file, lineOf) {
    const line = lineOf(item) ?? 1;
    if (!(0,dist.isMap)(item)) {
        throw new src/* ConfigError */.xL(file, path, `expected an entry with ${KEYS.join(', ')}`, line);
    }
    const fields = {};
    for (const pair of item.items) {
        const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : '';
        const at = `${path}.${key}`;
        if (!KEYS.includes(key)) {
            throw new src/* ConfigError */.xL(file, at, `unknown key '${key}'; expected one of: ${KEYS.join(', ')}`, lineOf(pair.key));
        }
        const value = (0,dist/* isScalar */.jn)(pair.value) ? pair.value.value : undefined;
        if (typeof value !== 'string' || value.trim() === '') {
            throw new src/* ConfigError */.xL(file, at, `expected ${describeField(key)}`, lineOf(pair.value) ?? lineOf(pair.key));
        }
        fields[key] = value.trim();
        checkField(key, fields[key], file, at, lineOf(pair.value));
    }
    for (const key of ['reason', 'expires']) {
        if (fields[key] === undefined) {
            throw new src/* ConfigError */.xL(file, path, `missing required key '${key}' (${describeField(key)})`, line);
        }
    }
    if (fields.fingerprint === undefined && fields.path === undefined) {
        throw new src/* ConfigError */.xL(file, path, "needs a 'fingerprint' (from the finding) or a 'path' glob, so that no entry silences a rule everywhere", line);
    }
    const entry = { reason: fields.reason, expires: fields.expires, line };
    if (fields.rule !== undefined)
        entry.rule = fields.rule;
    if (fields.path !== undefined)
        entry.path = fields.path;
    if (fields.fingerprint !== undefined)
        entry.fingerprint = fields.fingerprint.toLowerCase();
    return entry;
}
function describeField(key) {
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
function checkField(key, value, file, at, line) {
    const fail = (problem) => {
        throw new src/* ConfigError */.xL(file, at, problem, line);
    };
    if (key === 'rule' && !RULE_IDS.includes(value)) {
        fail(`unknown rule '${value}'; expected ${describeField('rule')}`);
    }
    if (key === 'fingerprint' && !FINGERPRINT.test(value)) {
        // Never echo the value: a common mistake is pasting the secret itself here.
        fail(`expected ${describeField('fingerprint')}, got ${value.length} characters (never the secret itself)`);
    }
    if (key === 'expires' && !isCalendarDate(value)) {
        fail(`expected ${describeField('expires')}, got ${JSON.stringify(value.slice(0, 40))}`);
    }
    if (key === 'path') {
        try {
            pathGlobToRegExp(value);
        }
        catch {
            fail(`expected ${describeField('path')}, got ${JSON.stringify(value)}`);
        }
    }
}
function isCalendarDate(text) {
    if (!DATE.test(text))
        return false;
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
/** Today's date in UTC, YYYY-MM-DD: the default for `applyAllowlist`'s `today`. */
function utcToday(now = new Date()) {
    return now.toISOString().slice(0, 10);
}
/** True when the entry matches the finding on every field it gives. */
function allowlistEntryMatches(entry, finding) {
    if (entry.rule !== undefined && entry.rule !== finding.rule)
        return false;
    if (entry.fingerprint !== undefined && entry.fingerprint !== finding.fingerprint)
        return false;
    if (entry.path !== undefined &&
        (finding.file === undefined || !pathGlobToRegExp(entry.path).test(finding.file))) {
        return false;
    }
    return true;
}
/**
 * Applies the allowlist to secret findings. An entry past its `expires` date (compared with `today`,
 * YYYY-MM-DD) suppresses nothing and becomes an error finding that names it; with `reportStale`, an entry
 * that suppressed nothing becomes a note (leave it off for diff scans, which see only the changed lines).
 */
function applyAllowlist(findings, allowlist, options = {}) {
    const today = options.today ?? utcToday();
    const expired = allowlist.entries.filter((entry) => entry.expires < today);
    const active = allowlist.entries.filter((entry) => entry.expires >= today);
    const used = new Set();
    const kept = [];
    const suppressed = [];
    for (const finding of findings) {
        const entry = finding.tool === SECRETS_TOOL
            ? active.find((candidate) => allowlistEntryMatches(candidate, finding))
            : undefined;
        if (entry === undefined) {
            kept.push(finding);
        }
        else {
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
function describeAllowlistEntry(entry) {
    const parts = [];
    if (entry.rule !== undefined)
        parts.push(`rule ${entry.rule}`);
    if (entry.path !== undefined)
        parts.push(`path ${entry.path}`);
    if (entry.fingerprint !== undefined)
        parts.push(`fingerprint ${entry.fingerprint.slice(0, 12)}…`);
    return `at line ${entry.line} (${parts.join(', ')})`;
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "node:timers/promises"
const external_node_timers_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(1421);
;// CONCATENATED MODULE: ./packages/security/src/secrets/files.ts
// Lists what a tree scan reads: the files git tracks in a checkout, else every file below the root.




/** Directories a walk never enters: git's own data and installed dependencies. */
const WALK_SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);
/** Runs `git ls-files -z` in `root`. */
const gitLsFiles = (root) => new Promise((resolve) => {
    (0,external_node_child_process_.execFile)('git', ['ls-files', '-z'], { cwd: root, maxBuffer: 1024 * 1024 * 1024, encoding: 'utf8' }, (error, stdout) => resolve(error ? undefined : stdout.split('\0').filter((file) => file !== '')));
});
/**
 * The files to scan under `root`: when `root` is the top of a git checkout (it holds `.git`), the files
 * `git ls-files` lists, so build output and ignored files are left out as the repository leaves them out;
 * otherwise (or when git fails) a walk that skips `.git`, `node_modules` and symbolic links.
 */
async function listTreeFiles(root, listGitFiles = gitLsFiles) {
    if ((0,external_node_fs_.existsSync)((0,external_node_path_namespaceObject.join)(root, '.git'))) {
        const files = await listGitFiles(root);
        if (files !== undefined)
            return { files, source: 'git', symlinks: 0, unreadableDirectories: [] };
    }
    const listed = { files: [], source: 'walk', symlinks: 0, unreadableDirectories: [] };
    listed.symlinks = await walk(root, '', listed);
    return listed;
}
async function walk(root, relative, listed) {
    const { files } = listed;
    let entries;
    try {
        entries = await (0,promises_.readdir)(relative === '' ? root : (0,external_node_path_namespaceObject.join)(root, relative), { withFileTypes: true });
    }
    catch (error) {
        // The root itself must be readable; a subdirectory that is not is reported, and the walk goes on.
        if (relative === '')
            throw error;
        listed.unreadableDirectories.push(`${relative}/`);
        return 0;
    }
    const subdirectories = [];
    let symlinks = 0;
    for (const entry of entries) {
        const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
        let kind = kindOf(entry);
        if (kind === 'other') {
            // Some file systems do not report the type in the listing; ask for it.
            const stats = await (0,promises_.lstat)((0,external_node_path_namespaceObject.join)(root, path)).catch(() => undefined);
            if (stats !== undefined)
                kind = kindOf(stats);
        }
        if (kind === 'file')
            files.push(path);
        else if (kind === 'symlink')
            symlinks++;
        else if (kind === 'directory' && !WALK_SKIPPED_DIRECTORIES.has(entry.name))
            subdirectories.push(path);
    }
    // Sibling directories are read concurrently; the order of `files` does not matter (findings are sorted).
    const counts = await Promise.all(subdirectories.map((path) => walk(root, path, listed)));
    return counts.reduce((sum, count) => sum + count, symlinks);
}
/** What a directory entry is; sockets, FIFOs and devices are `other`, and never read. */
function kindOf(entry) {
    if (entry.isFile())
        return 'file';
    if (entry.isDirectory())
        return 'directory';
    if (entry.isSymbolicLink())
        return 'symlink';
    return 'other';
}

;// CONCATENATED MODULE: ./packages/security/src/secrets/scan-files.ts
// Reads and scans a batch of files synchronously: the work a scan worker (or the main thread) does.


/** A file is binary when its first 8 KB hold a NUL byte (git's own test). */
const BINARY_PROBE_BYTES = 8192;
// O_NOFOLLOW makes a symbolic link fail (ELOOP) instead of reading its target, with no lstat; O_NONBLOCK keeps a
// FIFO where a file was listed from blocking the open (it is then not a file, and skipped).
const OPEN_FLAGS = external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NOFOLLOW ?? 0) | (external_node_fs_.constants.O_NONBLOCK ?? 0);
/** Reuses one buffer for every file of a thread, so reading allocates nothing per file. */
class FileScanner {
    buffer;
    sizeLimit;
    constructor(sizeLimit) {
        this.sizeLimit = sizeLimit;
        this.buffer = Buffer.allocUnsafe(Math.min(sizeLimit, 1024 * 1024));
    }
    /** Scans `files` (relative to the absolute `root`, with '/'); a file that cannot be read is listed, never thrown. */
    scanBatch(root, files) {
        const result = {
            findings: [],
            filesScanned: 0,
            bytesScanned: 0,
            binary: 0,
            symlinks: 0,
            tooLargeFiles: [],
            unreadableFiles: [],
        };
        for (const file of files) {
            let length;
            try {
                const read = this.read(`${root}/${file}`);
                if (read === 'symlink' || read === 'not-a-file') {
                    if (read === 'symlink')
                        result.symlinks++;
                    continue;
                }
                if (read === 'too-large') {
                    result.tooLargeFiles.push(file);
                    continue;
                }
                length = read;
            }
            catch {
                // The error says nothing about the content; the path is enough to look.
                result.unreadableFiles.push(file);
                continue;
            }
            if (this.buffer.subarray(0, Math.min(length, BINARY_PROBE_BYTES)).includes(0)) {
                result.binary++;
                continue;
            }
            result.filesScanned++;
            result.bytesScanned += length;
            const text = this.buffer.toString('latin1', 0, length);
            for (const finding of detectSecrets(text, { file, latin1: true }))
                result.findings.push(finding);
        }
        return result;
    }
    /** Reads a file into the buffer and returns its length, or why it was not read. */
    read(path) {
        let descriptor;
        try {
            descriptor = (0,external_node_fs_.openSync)(path, OPEN_FLAGS);
        }
        catch (error) {
            if (error.code === 'ELOOP')
                return 'symlink';
            throw error;
        }
        try {
            const stats = (0,external_node_fs_.fstatSync)(descriptor);
            if (!stats.isFile())
                return 'not-a-file';
            if (stats.size > this.sizeLimit)
                return 'too-large';
            if (stats.size > this.buffer.length)
                this.buffer = Buffer.allocUnsafe(Math.min(this.sizeLimit, stats.size * 2));
            // Read the size fstat gave (one read for most files, no extra read to see the end); a file that shrank
            // meanwhile ends early.
            let length = 0;
            while (length < stats.size) {
                const count = (0,external_node_fs_.readSync)(descriptor, this.buffer, length, stats.size - length, length);
                if (count === 0)
                    break;
                length += count;
            }
            return length;
        }
        finally {
            (0,external_node_fs_.closeSync)(descriptor);
        }
    }
}

;// CONCATENATED MODULE: ./packages/security/src/secrets/scan.ts
// Scans a whole tree for secrets, spreading files over worker threads.









/** Files larger than this are skipped by default (generated bundles, dumps, datasets). */
const DEFAULT_SIZE_LIMIT = 5 * 1024 * 1024;
/** Below this many files, starting threads costs more than it saves. */
const WORKER_THRESHOLD = 1000;
/** More threads than this gain nothing: reading files becomes the limit. */
const MAX_WORKERS = 7;
/** Files per message to a worker: large enough that messaging is noise, small enough to balance the load. */
const BATCH_FILES = 64;
/**
 * Scans every file under `root` (see `listTreeFiles` for which) and returns the findings with counts of what was
 * skipped: binary files, files over the size limit, files that could not be read.
 */
async function scanTree(root, options = {}) {
    const sizeLimit = options.sizeLimit ?? DEFAULT_SIZE_LIMIT;
    if (!Number.isInteger(sizeLimit) || sizeLimit <= 0) {
        throw new src/* InputError */.dz('max-file-size', `must be a positive whole number of bytes, got ${sizeLimit}`, 'Use e.g. 5242880 for 5 MB.');
    }
    const absoluteRoot = (0,external_node_path_namespaceObject.resolve)(root);
    const rootStats = await (0,promises_.stat)(absoluteRoot).catch(() => undefined);
    if (!rootStats?.isDirectory()) {
        throw new src/* InputError */.dz('path', `names ${JSON.stringify(root)}, which is not a directory`, 'Give the directory to scan, e.g. the checkout root.');
    }
    // Threads start while the files are listed: starting one (loading the scanner) takes about as long.
    const pool = options.workers === 0 ? undefined : new WorkerPool(absoluteRoot, sizeLimit, options);
    try {
        const listed = await listTreeFiles(absoluteRoot, options.listGitFiles ?? gitLsFiles);
        const batches = [];
        for (let start = 0; start < listed.files.length; start += BATCH_FILES) {
            batches.push(listed.files.slice(start, start + BATCH_FILES));
        }
        const queue = { batches, next: 0 };
        const useWorkers = options.workers !== undefined || listed.files.length >= WORKER_THRESHOLD;
        if (!useWorkers)
            pool?.stop();
        const results = await Promise.all([
            ...(useWorkers && pool !== undefined ? pool.run(queue) : []),
            scanOnThisThread(absoluteRoot, sizeLimit, queue),
        ]);
        // Batches a failed worker gave back after this thread had finished.
        results.push(await scanOnThisThread(absoluteRoot, sizeLimit, queue));
        return combine(listed, results.flat());
    }
    finally {
        pool?.stop();
    }
}
function take(queue) {
    const batch = queue.batches[queue.next];
    if (batch !== undefined)
        queue.next++;
    return batch;
}
/**
 * Scans batches on the calling thread too, giving the event loop a turn after each one so the workers'
 * answers are read and they get their next batch without waiting.
 */
async function scanOnThisThread(root, sizeLimit, queue) {
    const scanner = new FileScanner(sizeLimit);
    const results = [];
    for (let batch = take(queue); batch !== undefined; batch = take(queue)) {
        results.push(scanner.scanBatch(root, batch));
        await (0,external_node_timers_promises_namespaceObject.setImmediate)();
    }
    return results;
}
/** Worker threads that scan batches beside the calling thread: one per extra CPU unless told otherwise. */
class WorkerPool {
    slots = [];
    logger;
    stopping = false;
    constructor(root, sizeLimit, options) {
        this.logger = options.logger ?? src/* silentLogger */.qq;
        const count = options.workers ?? Math.min((0,external_node_os_namespaceObject.availableParallelism)() - 1, MAX_WORKERS);
        const url = options.workerUrl ?? __nccwpck_require__.ab + "worker.ts";
        const setup = { root, sizeLimit };
        // `node --input-type=module -e …` would pass its flag on, and a worker loading a file refuses it.
        const execArgv = process.execArgv.filter((arg) => !arg.startsWith('--input-type'));
        for (let index = 0; index < count; index++) {
            try {
                this.slots.push(this.watch(new external_node_worker_threads_namespaceObject.Worker(url, { workerData: setup, execArgv })));
            }
            catch (error) {
                this.logger.warning(`Could not start a secret-scan worker (${(0,src/* errorMessage */.gJ)(error)}); scanning on fewer threads.`);
            }
        }
    }
    /** Starts every worker on the queue; each promise ends with that worker's results. */
    run(queue) {
        return this.slots.map((slot) => this.feed(slot, queue));
    }
    stop() {
        this.stopping = true;
        for (const slot of this.slots)
            void slot.worker.terminate();
    }
    /**
     * Listens for failure from the start: a worker can fail while loading (a bundle without the worker script),
     * before it is given any work, and an unheard 'error' would end the process.
     */
    watch(worker) {
        const slot = { worker, failed: false };
        const fail = (why) => {
            if (slot.failed || this.stopping)
                return;
            slot.failed = true;
            this.logger.warning(`A secret-scan worker failed (${why}); its files are scanned on another thread.`);
            slot.onFailure?.();
        };
        worker.on('error', (error) => fail(`${error.name}: ${error.message}`));
        worker.on('exit', (code) => fail(`it exited with code ${code}`));
        return slot;
    }
    /**
     * Keeps two batches in flight on the slot's worker so it never waits for this thread. If the worker fails,
     * its batches go back on the queue for the other threads.
     */
    feed(slot, queue) {
        return new Promise((done) => {
            const results = [];
            if (slot.failed) {
                done(results);
                return;
            }
            const inFlight = [];
            const send = () => {
                const batch = take(queue);
                if (batch === undefined)
                    return;
                inFlight.push(batch);
                slot.worker.postMessage({ files: batch });
            };
            slot.onFailure = () => {
                queue.batches.push(...inFlight.splice(0));
                done(results);
            };
            slot.worker.on('message', (result) => {
                inFlight.shift();
                results.push(result);
                send();
                if (inFlight.length === 0)
                    done(results);
            });
            send();
            send();
            if (inFlight.length === 0)
                done(results);
        });
    }
}
function combine(listed, results) {
    const combined = {
        findings: [],
        source: listed.source,
        filesScanned: 0,
        bytesScanned: 0,
        skipped: { binary: 0, tooLarge: 0, unreadable: 0, symlinks: listed.symlinks },
        tooLargeFiles: [],
        unreadableFiles: [...listed.unreadableDirectories],
    };
    for (const result of results) {
        combined.findings.push(...result.findings);
        combined.filesScanned += result.filesScanned;
        combined.bytesScanned += result.bytesScanned;
        combined.skipped.binary += result.binary;
        combined.skipped.symlinks += result.symlinks;
        combined.tooLargeFiles.push(...result.tooLargeFiles);
        combined.unreadableFiles.push(...result.unreadableFiles);
    }
    combined.skipped.tooLarge = combined.tooLargeFiles.length;
    combined.skipped.unreadable = combined.unreadableFiles.length;
    combined.findings.sort(findings_src/* compareFindings */.Eg);
    combined.tooLargeFiles.sort();
    combined.unreadableFiles.sort();
    return combined;
}

;// CONCATENATED MODULE: ./packages/security/src/secrets/diff.ts
// Scans only what a change adds: the added lines of a unified diff (`git diff`, or GitHub's file patches).




/**
 * Scans the added lines of `git diff` output. Context lines are read too, so a secret's surroundings count
 * (`datadog:` above an added `api_key:`), but only findings that start on an added line are kept, with their
 * line numbers in the new version of the file.
 */
function scanDiff(diff, options = {}) {
    return scanDiffFiles((0,src/* parseUnifiedDiff */.rj)(diff), [], options);
}
/** Scans the added lines of GitHub's patches of a pull request's files; files without a patch are listed. */
function scanPatches(files, options = {}) {
    const parsed = [];
    const withoutPatch = [];
    for (const file of files) {
        if (file.status === 'removed')
            continue;
        if (file.patch === undefined)
            withoutPatch.push(file.filename);
        else
            parsed.push((0,src/* parsePatch */.iz)(file.filename, file.patch));
    }
    return scanDiffFiles(parsed, withoutPatch, options);
}
function scanDiffFiles(files, withoutPatch, options) {
    const sizeLimit = options.sizeLimit ?? DEFAULT_SIZE_LIMIT;
    const result = {
        findings: [],
        source: 'diff',
        filesScanned: 0,
        bytesScanned: 0,
        skipped: { binary: 0, tooLarge: 0, unreadable: withoutPatch.length, symlinks: 0 },
        tooLargeFiles: [],
        unreadableFiles: [...withoutPatch].sort(),
    };
    for (const file of files) {
        if (file.binary) {
            result.skipped.binary++;
            continue;
        }
        if (!file.hunks.some((hunk) => hunk.some((line) => line.added)))
            continue;
        // One text per file: hunks joined, with an empty line between them so nothing spans two hunks.
        const shown = [];
        for (const hunk of file.hunks) {
            if (shown.length > 0)
                shown.push(undefined);
            shown.push(...hunk);
        }
        const text = shown.map((line) => line?.text ?? '').join('\n');
        if (text.length > sizeLimit) {
            result.tooLargeFiles.push(file.file);
            continue;
        }
        result.filesScanned++;
        result.bytesScanned += Buffer.byteLength(text);
        for (const finding of detectSecrets(text, { file: file.file })) {
            const start = shown[(finding.line ?? 1) - 1];
            if (start === undefined || !start.added)
                continue;
            const end = shown[(finding.endLine ?? finding.line ?? 1) - 1];
            result.findings.push({ ...finding, line: start.number, endLine: end?.number ?? start.number });
        }
    }
    result.skipped.tooLarge = result.tooLargeFiles.length;
    result.tooLargeFiles.sort();
    result.findings.sort(findings_src/* compareFindings */.Eg);
    return result;
}

;// CONCATENATED MODULE: ./packages/security/src/secrets/run.ts
// One secret scan as the action and the CLI run it: allowlist, then the tree or the diff, then the verdict.




/**
 * Loads and checks the allowlist (a bad one fails before anything is read), scans the diff or patches when
 * given and the tree otherwise, and applies the allowlist.
 */
async function runSecretScan(request) {
    const allowlist = await loadAllowlist(request.root, request.allowlist);
    const scan = request.diff !== undefined
        ? scanDiff(request.diff, request)
        : request.patches !== undefined
            ? scanPatches(request.patches, request)
            : await scanTree(request.root, request);
    const outcome = applyAllowlist(scan.findings, allowlist, {
        ...(request.today === undefined ? {} : { today: request.today }),
        reportStale: scan.source !== 'diff',
    });
    return {
        ...scan,
        findings: outcome.findings.sort(findings_src/* compareFindings */.Eg),
        allowlist: { file: allowlist.file, entries: allowlist.entries.length },
        suppressed: outcome.suppressed,
        expired: outcome.expired,
        stale: outcome.stale,
    };
}
/**
 * A Markdown account of a scan for the job summary: what was read, what was skipped and why, and each finding
 * the allowlist suppressed with the entry's reason. Like the findings, it holds no secret.
 */
function summarizeSecretScan(report) {
    const size = `${(report.bytesScanned / (1024 * 1024)).toFixed(1)} MiB`;
    const lister = report.source === 'git' ? 'git ls-files' : 'a directory walk';
    const lines = [
        report.source === 'diff'
            ? `Scanned the added lines of ${report.filesScanned} changed file(s) (${size}).`
            : `Scanned ${report.filesScanned} file(s) (${size}), listed by ${lister}.`,
    ];
    const skipped = [];
    if (report.skipped.binary > 0)
        skipped.push(`${report.skipped.binary} binary`);
    if (report.skipped.tooLarge > 0) {
        skipped.push(`${report.skipped.tooLarge} over the size limit (${someOf(report.tooLargeFiles)})`);
    }
    if (report.skipped.unreadable > 0) {
        skipped.push(`${report.skipped.unreadable} unreadable or without a patch (${someOf(report.unreadableFiles)})`);
    }
    if (report.skipped.symlinks > 0)
        skipped.push(`${report.skipped.symlinks} symbolic link(s)`);
    if (skipped.length > 0)
        lines.push(`Skipped ${skipped.join('; ')}.`);
    if (report.suppressed.length > 0) {
        lines.push('', `${report.suppressed.length} finding(s) suppressed by ${report.allowlist.file}:`, '');
        lines.push('| where | rule | fingerprint | allowlist entry | reason | expires |', '|---|---|---|---|---|---|');
        for (const { finding, entry } of report.suppressed)
            lines.push(suppressedRow(finding, entry));
    }
    return `${lines.join('\n')}\n`;
}
/** The first few paths of a list, for a sentence. */
function someOf(files) {
    return files.length > 5 ? `${files.slice(0, 5).join(', ')}, …` : files.join(', ');
}
function suppressedRow(finding, entry) {
    const where = `${finding.file ?? ''}${finding.line === undefined ? '' : `:${finding.line}`}`;
    const cells = [
        where,
        finding.rule,
        `${(finding.fingerprint ?? '').slice(0, 12)}…`,
        describeAllowlistEntry(entry),
        entry.reason,
        entry.expires,
    ];
    return `| ${cells.map(cell).join(' | ')} |`;
}
/** Escapes a table cell so that text from the allowlist cannot break the table or inject links. */
function cell(text) {
    return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\[/g, '\\[');
}

;// CONCATENATED MODULE: ./packages/security/src/secrets/index.ts
// The built-in secret scanner: token rules, whole-tree and diff scans, and the allowlist.











;// CONCATENATED MODULE: ./packages/security/src/workflow-audit.ts
// Audits a repository's own workflows and composite actions for the problems zizmor and OpenSSF Scorecard flag.
//
// Checks (rule ids follow zizmor's audit names where one exists, https://docs.zizmor.sh/audits/):
// - template-injection: `${{ }}` of text an outsider controls inside `run:` or actions/github-script's `script:`.
// - unpinned-uses / pin-without-version-comment: Scorecard's Pinned-Dependencies.
// - default-permissions / excessive-permissions: Scorecard's Token-Permissions, zizmor's excessive-permissions.
// - dangerous-triggers: pull_request_target / workflow_run checking out the pull request's code.
// - secrets-inherit and artipacked (persist-credentials), as zizmor names them.




/** The tool name on every finding of this module. */
const WORKFLOW_AUDIT_TOOL = 'workflow-audit';
/** Directories not searched for action.yml: node_modules, .git, dist, and test fixtures. */
const DEFAULT_SKIPPED_DIRECTORIES = [
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
const DEFAULT_ENV = {
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
        usage: (name) => `"$${name}"`,
    },
    powershell: {
        where: 'run:',
        language: 'PowerShell script',
        syntax: 'quotes, $( ) and semicolons',
        usage: (name) => `$env:${name}`,
    },
    script: {
        where: 'actions/github-script script:',
        language: 'JavaScript',
        syntax: 'quotes and backticks',
        usage: (name) => `process.env.${name}`,
    },
};
/** Input types that cannot carry shell syntax (workflow_dispatch and workflow_call `type:`). */
const SAFE_INPUT_TYPES = new Set(['boolean', 'number', 'choice', 'environment']);
/** Triggers that run with the base repository's secrets and token on behalf of an outsider. */
const PRIVILEGED_PR_TRIGGERS = ['pull_request_target', 'workflow_run'];
/** Triggers on which a write-scoped token serves text or code an outsider controls. */
const WRITE_SENSITIVE_TRIGGERS = ['pull_request_target', 'issue_comment'];
/** Expressions naming the pull request's own code (a fork's, for pull_request_target and workflow_run). */
const UNTRUSTED_REF_PATTERN = /github\.event\.pull_request\.head\.(sha|ref)|github\.event\.pull_request\.merge_commit_sha|github\.head_ref|github\.event\.workflow_run\.head_(sha|branch)|github\.event\.workflow_run\.head_commit\.id|github\.event\.pull_request\.head\.repo\.full_name|github\.event\.workflow_run\.head_repository\.full_name|refs\/pull\//i;
const FULL_SHA = /^[0-9a-f]{40}$/i;
const ZIZMOR = 'https://docs.zizmor.sh/audits/';
const SCORECARD = 'https://github.com/ossf/scorecard/blob/main/docs/checks.md';
/** Where each rule is explained. */
const HELP = {
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
function auditWorkflow(file, text, options = {}) {
    const audit = new Audit(file, text, options);
    const root = audit.parse();
    if (root === undefined)
        return audit.done();
    const triggers = triggersOf(root.get('on', true));
    const inputs = workflowInputTypes(root.get('on', true));
    const topPermissions = pairOf(root, 'permissions');
    audit.checkPermissions(topPermissions, triggers, 'the workflow');
    const jobs = root.get('jobs', true);
    if (!(0,dist.isMap)(jobs))
        return audit.done();
    const onlyCalled = triggers.size > 0 && [...triggers].every((trigger) => trigger === 'workflow_call');
    for (const jobPair of jobs.items) {
        const jobId = String(scalarValue(jobPair.key) ?? '');
        const job = jobPair.value;
        if (!(0,dist.isMap)(job))
            continue;
        const jobPermissions = pairOf(job, 'permissions');
        audit.checkPermissions(jobPermissions, triggers, `job '${jobId}'`);
        // A workflow that only runs through workflow_call gets the caller's token, never more: the caller decides.
        if (topPermissions === undefined && jobPermissions === undefined && !onlyCalled) {
            audit.report(jobPair.key, {
                rule: 'default-permissions',
                severity: 'warning',
                key: [jobId],
                message: `Job '${jobId}' has no permissions: and neither has the workflow, so its GITHUB_TOKEN gets the repository's default permissions, which may be read-write on everything.`,
                fix: 'Add `permissions:` at the top of the workflow with only what it needs (e.g. `contents: read`), and widen it per job where a job needs more.',
            });
        }
        const reusable = job.get('uses', true);
        if ((0,dist/* isScalar */.jn)(reusable))
            audit.checkUses(reusable, [jobId]);
        const secrets = job.get('secrets', true);
        if ((0,dist/* isScalar */.jn)(secrets) && secrets.value === 'inherit') {
            audit.report(secrets, {
                rule: 'secrets-inherit',
                severity: 'warning',
                key: [jobId],
                message: `Job '${jobId}' passes every secret of the repository to the reusable workflow it calls (secrets: inherit).`,
                fix: 'Pass only the secrets the called workflow declares, e.g. `secrets: { token: ${{ secrets.DEPLOY_TOKEN }} }`.',
            });
        }
        const steps = job.get('steps', true);
        if ((0,dist.isSeq)(steps)) {
            audit.checkSteps(steps.items, jobId, inputs, PRIVILEGED_PR_TRIGGERS.filter((t) => triggers.has(t)));
        }
    }
    return audit.done();
}
/** Audits one action metadata file (`action.yml`); only composite actions have steps to audit. */
function auditAction(file, text, options = {}) {
    const audit = new Audit(file, text, options);
    const root = audit.parse();
    if (root === undefined)
        return audit.done();
    const runs = root.get('runs', true);
    if (!(0,dist.isMap)(runs) || runs.get('using') !== 'composite')
        return audit.done();
    const steps = runs.get('steps', true);
    // Every input of an action is a string.
    if ((0,dist.isSeq)(steps))
        audit.checkSteps(steps.items, 'runs', 'string', []);
    return audit.done();
}
/**
 * Audits every workflow under `.github/workflows/` and every `action.yml`/`action.yaml` in the repository at
 * `root` (outside `options.skipDirectories`). Finding paths are relative to `root`, with '/'.
 */
async function auditRepository(root, options = {}) {
    const findings = [];
    for (const path of await workflowFiles(root)) {
        findings.push(...auditWorkflow(toPosix((0,external_node_path_namespaceObject.relative)(root, path)), await (0,promises_.readFile)(path, 'utf8'), options));
    }
    const skipped = new Set(options.skipDirectories ?? DEFAULT_SKIPPED_DIRECTORIES);
    for (const path of await actionFiles(root, skipped)) {
        findings.push(...auditAction(toPosix((0,external_node_path_namespaceObject.relative)(root, path)), await (0,promises_.readFile)(path, 'utf8'), options));
    }
    return findings;
}
async function workflowFiles(root) {
    const dir = (0,external_node_path_namespaceObject.join)(root, '.github', 'workflows');
    let names;
    try {
        names = await (0,promises_.readdir)(dir);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return [];
        throw error;
    }
    return names
        .filter((name) => /\.ya?ml$/.test(name))
        .sort()
        .map((name) => (0,external_node_path_namespaceObject.join)(dir, name));
}
async function actionFiles(dir, skipped) {
    const found = [];
    const entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
        if (entry.isDirectory() && !skipped.has(entry.name))
            found.push(...(await actionFiles((0,external_node_path_namespaceObject.join)(dir, entry.name), skipped)));
        else if (entry.isFile() && /^action\.ya?ml$/.test(entry.name))
            found.push((0,external_node_path_namespaceObject.join)(dir, entry.name));
    }
    return found;
}
function toPosix(path) {
    return path.split(external_node_path_namespaceObject.sep).join('/');
}
class Audit {
    #file;
    #text;
    #options;
    #lines = new dist.LineCounter();
    #findings = [];
    #seen = new Map();
    constructor(file, text, options) {
        this.#file = file;
        this.#text = text;
        this.#options = options;
    }
    /** The document's top mapping; a YAML error becomes a finding instead. */
    parse() {
        const doc = (0,dist.parseDocument)(this.#text, { lineCounter: this.#lines, uniqueKeys: false });
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
        return (0,dist.isMap)(doc.contents) ? doc.contents : undefined;
    }
    done() {
        return this.#findings;
    }
    report(node, report) {
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
    checkSteps(steps, jobId, inputs, privilegedTriggers) {
        steps.forEach((step, index) => {
            if (!(0,dist.isMap)(step))
                return;
            const label = stepLabel(step, index);
            const key = [jobId, label];
            const uses = step.get('uses', true);
            const withMap = step.get('with', true);
            const run = step.get('run', true);
            if ((0,dist/* isScalar */.jn)(uses)) {
                this.checkUses(uses, key);
                const action = String(uses.value).toLowerCase();
                if (action.startsWith('actions/github-script@') && (0,dist.isMap)(withMap)) {
                    const script = withMap.get('script', true);
                    if ((0,dist/* isScalar */.jn)(script))
                        this.checkInjection(script, key, inputs, 'script');
                }
                if (action.startsWith('actions/checkout@'))
                    this.checkCheckout(uses, withMap, key, privilegedTriggers);
            }
            if ((0,dist/* isScalar */.jn)(run)) {
                const shell = step.get('shell');
                const powershell = typeof shell === 'string' && /^(pwsh|powershell)\b/.test(shell);
                this.checkInjection(run, key, inputs, powershell ? 'powershell' : 'run');
                if (privilegedTriggers.length > 0)
                    this.checkRunCheckout(run, key, privilegedTriggers);
            }
        });
    }
    checkUses(uses, key) {
        const value = String(uses.value ?? '').trim();
        if (value.startsWith('./'))
            return;
        if (value.startsWith('docker://')) {
            if (/@sha256:[0-9a-f]{64}$/i.test(value))
                return;
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
        if ((this.#options.trustedOwners ?? []).some((trusted) => trusted.toLowerCase() === owner))
            return;
        const repository = target.split('/').slice(0, 2).join('/');
        const version = VERSION_COMMENT.test(ref) ? ref : 'v1.2.3';
        this.report(uses, {
            rule: 'unpinned-uses',
            severity: 'error',
            key: [...key, target],
            message: ref === ''
                ? `uses: ${value} names no version at all.`
                : `uses: ${value} is not pinned to a commit: whoever can push to ${repository} can move '${ref}' to other code, which then runs with this job's secrets and token.`,
            fix: `Pin it to the full 40-character commit SHA of a release, with the version as a comment: \`uses: ${target}@<sha> # ${version}\` (tools such as pinact or Dependabot keep pins current).`,
        });
    }
    checkInjection(node, key, inputs, sink) {
        const source = String(node.value ?? '');
        // Where the scalar's text sits in the file: block scalars keep `${{ }}` verbatim, so the first match after the
        // node's start is its line.
        const [start = 0, end = this.#text.length] = node.range ?? [];
        let cursor = start;
        for (const expression of expressionsIn(source)) {
            const found = this.#text.indexOf(expression.raw, cursor);
            const offset = found >= 0 && found < end ? found : start;
            if (found >= 0 && found < end)
                cursor = found + expression.raw.length;
            for (const context of flowingContexts(expression.inner)) {
                const trust = classify(context, inputs);
                if (trust === undefined)
                    continue;
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
    checkCheckout(uses, withMap, key, privilegedTriggers) {
        const persist = (0,dist.isMap)(withMap) ? withMap.get('persist-credentials') : undefined;
        if (persist !== false && String(persist).toLowerCase() !== 'false') {
            this.report(uses, {
                rule: 'artipacked',
                severity: 'warning',
                key,
                message: 'actions/checkout keeps the GITHUB_TOKEN in .git/config (persist-credentials defaults to true), where any later step, or an uploaded artifact of the workspace, can read it.',
                fix: 'Add `with: persist-credentials: false`; give the token explicitly to the one step that pushes, if any.',
            });
        }
        if (privilegedTriggers.length === 0 || !(0,dist.isMap)(withMap))
            return;
        for (const name of ['ref', 'repository']) {
            const value = withMap.get(name, true);
            if (!(0,dist/* isScalar */.jn)(value) || !UNTRUSTED_REF_PATTERN.test(String(value.value)))
                continue;
            this.report(value, {
                rule: 'dangerous-triggers',
                severity: 'error',
                key: [...key, name],
                message: `This workflow runs on ${privilegedTriggers.join(' and ')}, with the base repository's secrets and a write token, and checks out the pull request's own code (${name}: ${String(value.value)}): a fork's build scripts then run with them.`,
                fix: 'Build untrusted code in a `pull_request` workflow, which gets no secrets; if results must be published, have a separate workflow_run job read them as data, never execute them.',
            });
        }
    }
    checkRunCheckout(run, key, privilegedTriggers) {
        const script = String(run.value ?? '');
        const fetches = /\b(git\s+(checkout|fetch|switch|pull)|gh\s+pr\s+checkout)\b/.test(script);
        const line = script
            .split('\n')
            .find((text) => /gh\s+pr\s+checkout/.test(text) || (fetches && UNTRUSTED_REF_PATTERN.test(text)));
        if (!fetches || line === undefined)
            return;
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
    checkPermissions(pair, triggers, owner) {
        if (pair === undefined)
            return;
        const value = pair.value;
        const sensitive = WRITE_SENSITIVE_TRIGGERS.filter((trigger) => triggers.has(trigger));
        if ((0,dist/* isScalar */.jn)(value) && value.value === 'write-all') {
            this.report(value, {
                rule: 'excessive-permissions',
                severity: 'error',
                key: [owner, 'write-all'],
                message: `${workflow_audit_capitalize(owner)} grants its GITHUB_TOKEN write access to everything (permissions: write-all).`,
                fix: 'List only the scopes it needs, e.g. `permissions: { contents: read }`, adding `<scope>: write` where a job writes.',
            });
            return;
        }
        if (!(0,dist.isMap)(value) || sensitive.length === 0)
            return;
        for (const scope of value.items) {
            if (!(0,dist/* isScalar */.jn)(scope.value) || scope.value.value !== 'write')
                continue;
            const name = String(scalarValue(scope.key));
            this.report(scope.value, {
                rule: 'excessive-permissions',
                severity: 'error',
                key: [owner, name],
                message: `${workflow_audit_capitalize(owner)} grants \`${name}: write\` on ${sensitive.join(' and ')}, which runs for pull requests and comments from anyone: text or code they control then acts with a token that can write.`,
                fix: `Keep the workflow read-only (\`${name}: read\`); move the writing step to a separate workflow that gets only the data it needs, or gate it on a trusted actor.`,
            });
        }
    }
}
/** 32 hex digits of SHA-256 over the parts: what identifies a finding, never its line. */
function fingerprintOf(parts) {
    return (0,external_node_crypto_.createHash)('sha256').update(parts.join('\0')).digest('hex').slice(0, 32);
}
function workflow_audit_capitalize(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
function scalarValue(node) {
    return (0,dist/* isScalar */.jn)(node) ? node.value : undefined;
}
function pairOf(map, key) {
    return map.items.find((pair) => scalarValue(pair.key) === key);
}
function stepLabel(step, index) {
    for (const name of ['id', 'name', 'uses']) {
        const value = step.get(name);
        if (typeof value === 'string' && value !== '')
            return `${name}=${value}`;
    }
    return `#${index + 1}`;
}
/** The event names of `on:` (a name, a list of names, or a map of name to settings). */
function triggersOf(on) {
    if ((0,dist/* isScalar */.jn)(on))
        return new Set([String(on.value)]);
    if ((0,dist.isSeq)(on))
        return new Set(on.items.map((item) => String(scalarValue(item))));
    if ((0,dist.isMap)(on))
        return new Set(on.items.map((pair) => String(scalarValue(pair.key))));
    return new Set();
}
/** The declared `type:` of each workflow_dispatch and workflow_call input; untyped dispatch inputs are strings. */
function workflowInputTypes(on) {
    const types = new Map();
    if (!(0,dist.isMap)(on))
        return types;
    for (const trigger of ['workflow_dispatch', 'workflow_call']) {
        const inputs = on.getIn([trigger, 'inputs'], true);
        if (!(0,dist.isMap)(inputs))
            continue;
        for (const pair of inputs.items) {
            const name = String(scalarValue(pair.key)).toLowerCase();
            const type = (0,dist.isMap)(pair.value) ? String(pair.value.get('type') ?? 'string') : 'string';
            // The same name in both triggers: it is as unsafe as its least safe declaration.
            if (types.get(name) !== 'string')
                types.set(name, type);
        }
    }
    return types;
}
// --- Expressions --------------------------------------------------------------------------------------------
/** Each `${{ … }}` of a text: as written, and what is inside. */
function expressionsIn(text) {
    return [...text.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((match) => ({
        raw: match[0],
        inner: match[1] ?? '',
    }));
}
/**
 * The context paths an expression reads, lower case, dotted, with '*' for an index: `github.event.issue.title`,
 * `github.event.commits.*.message`, `inputs.name`. Function names and literals are left out.
 */
function contextsIn(expression) {
    return pathsIn(normalize(expression));
}
/**
 * The contexts whose text can end up in what an expression expands to, as zizmor's dataflow analysis sees it: not
 * those only compared (`==`, `!=`, `<`, `!x`) or tested by contains(), startsWith() or endsWith(), which expand to
 * true or false.
 */
function flowingContexts(expression) {
    const withoutTests = removeCalls(normalize(expression), /\b(contains|startswith|endswith)\s*\(/gi);
    const flowing = withoutTests
        .split(/&&|\|\|/)
        .filter((operand) => !/==|!=|<|>|^\s*\(*\s*!/.test(operand))
        .join(' ');
    return pathsIn(flowing);
}
/** Indexes as dotted paths (`['name']` is `.name`, `[0]` is `.*`); string literals blanked, being data. */
function normalize(expression) {
    return expression
        .replace(/\[\s*'([^']*)'\s*\]/g, '.$1')
        .replace(/'(?:[^']|'')*'/g, "''")
        .replace(/\[\s*[^\]]*\]/g, '.*');
}
/** Replaces each call matched by `start` (which ends at its opening parenthesis) with `true`. */
function removeCalls(text, start) {
    let result = text;
    for (let match = start.exec(result); match !== null; match = start.exec(result)) {
        let depth = 0;
        let end = match.index + match[0].length - 1;
        for (; end < result.length; end++) {
            if (result[end] === '(')
                depth++;
            else if (result[end] === ')' && --depth === 0)
                break;
        }
        result = `${result.slice(0, match.index)}true${result.slice(end + 1)}`;
        start.lastIndex = 0;
    }
    return result;
}
function pathsIn(normalized) {
    const found = new Set();
    for (const match of normalized.matchAll(/(?<![\w.-])([A-Za-z_][\w-]*(?:\s*\.\s*(?:[\w-]+|\*))*)(\s*\()?/g)) {
        if (match[2] !== undefined)
            continue;
        const path = (match[1] ?? '').replace(/\s+/g, '').toLowerCase();
        if (path.includes('.'))
            found.add(path);
    }
    return [...found];
}
/** Whether a context carries text an outsider (or a caller) chose; undefined when it does not. */
function classify(context, inputs) {
    const parts = context.split('.');
    if (UNTRUSTED_GITHUB_CONTEXTS.has(context)) {
        return { severity: 'error', why: "it is the pull request's branch name, which a fork's author picks" };
    }
    if (parts[0] === 'inputs' || (parts[0] === 'github' && parts[1] === 'event' && parts[2] === 'inputs')) {
        const name = parts[0] === 'inputs' ? parts[1] : parts[3];
        if (name === undefined)
            return undefined;
        const type = inputs === 'string' ? 'string' : inputs.get(name);
        if (type !== undefined && SAFE_INPUT_TYPES.has(type))
            return undefined;
        return { severity: 'warning', why: 'it is a string input, which whoever runs or calls this passes in' };
    }
    if (parts[0] !== 'github' || parts[1] !== 'event')
        return undefined;
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
function envName(context) {
    const known = DEFAULT_ENV[context];
    if (known !== undefined)
        return known;
    const parts = context
        .split('.')
        .filter((part) => part !== '*')
        .map((part) => part.replace(/[^a-z0-9]+/gi, '_').toUpperCase());
    const tail = parts[0] === 'INPUTS' ? parts.slice(1) : parts.slice(-2);
    return tail.join('_') || 'VALUE';
}

;// CONCATENATED MODULE: ./packages/security/src/security-scan.ts
// The security-scan action's work: secrets, dependencies, workflows and other scanners' SARIF, under one policy.








/** The inputs of security-scan, as action.yml declares them. */
const SECURITY_SCAN_INPUTS = (/* unused pure expression or super */ null && ([
    'secrets',
    'dependencies',
    'workflows',
    'sarif',
    'allowlist',
    'fail-on-severity',
    'only-new',
    'upload',
    'trusted-owners',
    'github-token',
    'timeout',
]));
const SEVERITIES = ['error', 'warning', 'note', 'never'];
/** Checks every input; throws InputError for the first problem. Runs nothing. */
function readSecurityScanSettings(input, _config) {
    const failOn = input('fail-on-severity') || 'error';
    if (!SEVERITIES.includes(failOn)) {
        throw new src/* InputError */.dz('fail-on-severity', `must be one of ${SEVERITIES.join(', ')}, not '${failOn}'`, 'Use error to fail only on errors, or never to report without failing.');
    }
    const sarif = input('sarif')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
    for (const path of sarif) {
        if (path.startsWith('/') || path.split('/').includes('..')) {
            throw new src/* InputError */.dz('sarif', `names '${path}', outside the workspace`, 'Give SARIF paths relative to the repository root, one per line.');
        }
    }
    return {
        secrets: (0,src/* parseBooleanInput */.zL)('secrets', input('secrets'), true),
        dependencies: (0,src/* parseBooleanInput */.zL)('dependencies', input('dependencies'), true),
        workflows: (0,src/* parseBooleanInput */.zL)('workflows', input('workflows'), true),
        sarif,
        // The default file is optional; a file the user names must exist.
        allowlist: input('allowlist') === '' || input('allowlist') === DEFAULT_ALLOWLIST_PATH
            ? undefined
            : input('allowlist'),
        failOn: failOn,
        onlyNew: (0,src/* parseBooleanInput */.zL)('only-new', input('only-new'), true),
        upload: (0,src/* parseBooleanInput */.zL)('upload', input('upload'), true),
        trustedOwners: input('trusted-owners')
            .split(/[\s,]+/)
            .filter((owner) => owner !== ''),
        githubToken: input('github-token'),
        timeoutMs: (0,src/* parseIntegerInput */._p)('timeout', input('timeout'), 300, { min: 10, max: 3600 }) * 1000,
    };
}
/** Runs every scan the settings ask for, applies the policy, writes SARIF and uploads it. */
async function runSecurityScan(settings, context) {
    const findings = [];
    const notes = [];
    const { root, pullRequest, github } = context;
    let files;
    if (pullRequest !== undefined && github !== undefined && (settings.secrets || settings.onlyNew)) {
        files = await github.listPullRequestFiles(context.repo, pullRequest.number);
    }
    let secrets;
    if (settings.secrets) {
        secrets = await runSecretScan({
            root,
            ...(settings.allowlist === undefined ? {} : { allowlist: settings.allowlist }),
            ...(context.secretScanWorker === undefined ? {} : { workerUrl: context.secretScanWorker }),
            ...(files === undefined ? {} : { patches: files }),
        });
        findings.push(...secrets.findings);
    }
    let audit;
    if (settings.dependencies) {
        audit = await runDependencyAudit(root, context.run, context.env);
        findings.push(...audit.findings);
        notes.push(...audit.notes);
    }
    if (settings.workflows)
        findings.push(...(await auditRepository(root, { trustedOwners: settings.trustedOwners })));
    for (const path of settings.sarif)
        findings.push(...(await readSarifFile((0,external_node_path_namespaceObject.join)(root, path), { root })));
    // On a pull request, a finding is new when it sits on a line the pull request changed.
    const judged = files !== undefined && settings.onlyNew
        ? (0,findings_src/* keepChangedLines */.rg)(findings, (0,findings_src/* changedLinesOf */.HM)(files)).kept
        : findings;
    const verdict = settings.failOn === 'never' ? undefined : evaluatePolicy(judged, { failOn: settings.failOn });
    const written = writeSarif(findings);
    const sarifFile = (0,external_node_path_namespaceObject.join)(context.tempDir, 'flowkit-security.sarif');
    await (0,promises_.writeFile)(sarifFile, written.text);
    for (const dropped of written.dropped)
        notes.push(`SARIF: ${dropped.count} result(s) of ${dropped.tool} left out (${dropped.reason}).`);
    let upload;
    if (settings.upload && github !== undefined) {
        upload = await uploadSarif(written, {
            client: github,
            repo: context.repo,
            commitSha: context.commitSha,
            ref: context.ref,
            readOnlyToken: pullRequest?.fromFork === true,
            log: context.log,
        });
    }
    return { findings, judged, verdict, secrets, audit, sarifFile, upload, notes };
}

;// CONCATENATED MODULE: ./packages/security/src/index.ts
// Security scanning: secrets, dependency audits and workflow audits, reported as findings.







/***/ }),

/***/ 4526:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__.p + "9db95dd67873d49834e1.ts";

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(4980);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 4980:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
__webpack_unused_export__ = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.isMap = identity.isMap;
__webpack_unused_export__ = identity.isNode;
__webpack_unused_export__ = identity.isPair;
exports.jn = identity.isScalar;
exports.isSeq = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
exports.LineCounter = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
__webpack_unused_export__ = publicApi.parse;
__webpack_unused_export__ = publicApi.parseAllDocuments;
exports.parseDocument = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


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
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
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
/******/ /* webpack/runtime/publicPath */
/******/ (() => {
/******/ 	var scriptUrl;
/******/ 	if (typeof import.meta.url === "string") scriptUrl = import.meta.url
/******/ 	// When supporting browsers where an automatic publicPath is not supported you must specify an output.publicPath manually via configuration
/******/ 	// or pass an empty string ("") and set the __webpack_public_path__ variable from your code to use your own logic.
/******/ 	if (!scriptUrl) throw new Error("Automatic publicPath is not supported in this browser");
/******/ 	scriptUrl = scriptUrl.replace(/#.*$/, "").replace(/\?.*$/, "").replace(/\/[^\/]+$/, "/");
/******/ 	__nccwpck_require__.p = scriptUrl;
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	__nccwpck_require__.b = new URL("./", import.meta.url);
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	// no install chunk
/******/ 	
/******/ 	// no chunk on demand loading
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
/******/ var __webpack_exports__ = __nccwpck_require__(943);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
