import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 8810:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _flowkit_github__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1862);
/* harmony import */ var _flowkit_provision__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4627);
/* harmony import */ var _flowkit_runner__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9193);
// provision-staging: maps the step's inputs to @flowkit/provision, and its report to outputs, the summary and annotations.



await (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_2__/* .runAction */ .Cs)(async () => {
    const token = (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_2__/* .getInput */ .V4)('github-token');
    if (token !== '')
        (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_2__/* .setSecret */ .Pq)(token);
    const github = (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_2__/* .readGitHubContext */ .L7)();
    const settings = (0,_flowkit_provision__WEBPACK_IMPORTED_MODULE_1__/* .readProvisionSettings */ .fJ)((name) => (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_2__/* .getInput */ .V4)(name), {
        eventName: github.eventName,
        event: github.event,
        sha: github.sha,
        repository: github.repository,
        workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    });
    const log = { info: _flowkit_runner__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq, warning: _flowkit_runner__WEBPACK_IMPORTED_MODULE_2__/* .warning */ .$e, debug: _flowkit_runner__WEBPACK_IMPORTED_MODULE_2__/* .debug */ .Yz };
    const deps = {
        github: new _flowkit_github__WEBPACK_IMPORTED_MODULE_0__/* .GitHubClient */ .jh({
            token: settings.githubToken,
            apiUrl: github.apiUrl,
            policy: () => ({ retries: 4, budgetMs: 60_000 }),
            log,
        }),
        runUrl: github.runUrl,
        log,
        env: process.env,
        tempRoot: process.env.RUNNER_TEMP || undefined,
    };
    (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_2__/* .setOutput */ .uH)('environment', settings.environment);
    if (settings.mode === 'destroy') {
        const report = await (0,_flowkit_provision__WEBPACK_IMPORTED_MODULE_1__/* .destroyEnvironment */ .Wv)(settings, deps);
        (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_2__/* .setOutput */ .uH)('url', '');
        (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_2__/* .setOutput */ .uH)('deployment-id', '');
        (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_2__/* .appendSummary */ .fe)(destroySummary(report));
        if (report.failure !== undefined) {
            (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_2__/* .error */ .z3)(`Destroying ${report.environment} failed; its deployments are left as they were. ${report.failure}`);
            process.exitCode = 1;
            return;
        }
        (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq)(`${report.inactivated.length} deployment(s) of ${report.environment} marked inactive.`);
        const deletion = deletionSentence(report);
        if (report.deletion === 'forbidden')
            (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_2__/* .notice */ .lm)(deletion);
        else
            (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq)(deletion);
        return;
    }
    const report = await (0,_flowkit_provision__WEBPACK_IMPORTED_MODULE_1__/* .provisionEnvironment */ .hs)(settings, deps);
    (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_2__/* .setOutput */ .uH)('url', report.url ?? '');
    (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_2__/* .setOutput */ .uH)('deployment-id', String(report.deploymentId));
    (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_2__/* .appendSummary */ .fe)(provisionSummary(report));
    if (report.failure !== undefined) {
        (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_2__/* .error */ .z3)(`${report.failure}${report.cleanup === undefined ? '' : `\n${report.cleanup}`}`);
        process.exitCode = 1;
        return;
    }
    (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq)(`${report.environment} is ready at ${report.url}.`);
});
function provisionSummary(report) {
    const health = report.health;
    const healthText = health === undefined
        ? 'not checked'
        : `${health.verdict} (${health.attempts} attempt(s) in ${Math.round(health.elapsedMs / 100) / 10} s; last answer: ${(0,_flowkit_provision__WEBPACK_IMPORTED_MODULE_1__/* .describeAnswer */ .O1)(health.last)})`;
    const lines = [`### Staging: ${report.environment}`, ''];
    if (report.failure === undefined) {
        lines.push(`:white_check_mark: ${report.url} is healthy — ${report.healthUrl}: ${healthText}.`);
    }
    else {
        lines.push(`:x: ${report.url ?? 'no URL'} — ${report.failure.split('\n')[0]}`);
        if (health !== undefined)
            lines.push('', `Health: ${healthText}.`);
        if (report.cleanup !== undefined)
            lines.push('', report.cleanup);
    }
    lines.push('', `Deployment ${report.deploymentId}.`);
    return lines.join('\n');
}
function deletionSentence(report) {
    switch (report.deletion) {
        case 'deleted':
            return `The GitHub environment ${report.environment} was deleted.`;
        case 'absent':
            return `The GitHub environment ${report.environment} was already gone.`;
        case 'forbidden':
            return `The GitHub environment ${report.environment} was kept: deleting it needs Administration: write, which this token lacks (a workflow's GITHUB_TOKEN never has it; use a GitHub App token). Its deployments are inactive.`;
        default:
            return `The GitHub environment ${report.environment} was kept (delete-environment).`;
    }
}
function destroySummary(report) {
    if (report.failure !== undefined) {
        return `### Staging: ${report.environment}\n\n:x: Destroy failed: ${report.failure.split('\n')[0]}`;
    }
    return [
        `### Staging: ${report.environment}`,
        '',
        `:wastebasket: Removed; ${report.inactivated.length} deployment(s) marked inactive. ${deletionSentence(report)}`,
    ].join('\n');
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 8902:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  dz: () => (/* reexport */ errors_InputError),
  N_: () => (/* reexport */ TransientError),
  ay: () => (/* reexport */ commandLine),
  gJ: () => (/* reexport */ errorMessage),
  kO: () => (/* reexport */ httpAttempt),
  aj: () => (/* reexport */ httpRequest),
  iU: () => (/* reexport */ isUserError),
  ci: () => (/* reexport */ outputTail),
  Sp: () => (/* reexport */ parseAnswerBody),
  zL: () => (/* reexport */ parseBooleanInput),
  _p: () => (/* reexport */ parseIntegerInput),
  mu: () => (/* reexport */ parseRetryAfter),
  R3: () => (/* reexport */ runProcess),
  qq: () => (/* reexport */ silentLogger),
  ml: () => (/* reexport */ systemClock),
  bD: () => (/* reexport */ withRetry)
});

// UNUSED EXPORTS: ConfigError, DEFAULT_CONFIG_PATH, NetworkError, RetryExhaustedError, SyntaxProblem, UnresolvedPlaceholder, addDays, addedLineNumbers, clockTime, configSchema, daysBetween, defaultConfig, describeValue, formatPath, hasPlaceholder, instantOf, interpolate, isLocalDate, isRecord, isTimeZone, loadConfig, localParts, mapWithConcurrency, minutesOf, normalize, parseConfig, parseJsonOrYaml, parsePatch, parseUnifiedDiff, validateSchema, yamlProblem

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
    const { parseDocument } = await __nccwpck_require__.e(/* import() */ 815).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8815, 19));
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
    const { isMap, isSeq, LineCounter, parseDocument } = await __nccwpck_require__.e(/* import() */ 815).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8815, 19));
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
    throw new errors_InputError(name, `must be true or false, not '${value}'`, `Write '${name}: true' or '${name}: false'.`);
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

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./packages/core/src/process.ts
// Runs an external tool and collects its output; behind an interface so tests and other runners can swap it.

/** Output kept per stream; a linter printing more is cut from the start, keeping the end (where crashes are). */
const MAX_OUTPUT = 64 * 1024 * 1024;
/** Runs a process with node:child_process. */
const runProcess = (command, args, options) => new Promise((resolve) => {
    const child = (0,external_node_child_process_namespaceObject.spawn)(command, args, {
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

/***/ 1862:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  jh: () => (/* reexport */ GitHubClient),
  y_: () => (/* reexport */ GitHubError)
});

// UNUSED EXPORTS: DEPLOYMENT_HISTORY_QUERY, DEPLOYMENT_STATUSES_QUERY, graphqlUrl, rateLimitWait, readChangeText, readDeploymentHistory, readReleaseText

// EXTERNAL MODULE: ./packages/core/src/index.ts + 13 modules
var src = __nccwpck_require__(8902);
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

/***/ 4627:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  O1: () => (/* reexport */ describeAnswer),
  Wv: () => (/* reexport */ destroyEnvironment),
  hs: () => (/* reexport */ provisionEnvironment),
  fJ: () => (/* reexport */ readProvisionSettings)
});

// UNUSED EXPORTS: ANSIBLE_TOOL, COMMAND_TOOL, DESCRIPTION_MAX, DRIVER_NAMES, DriverError, DriverOutputError, HELM_TOOLS, PROVISION_INPUTS, TERRAFORM_TOOLS, ansibleDriver, ansibleVariables, commandDriver, commandEnvironment, createDriver, deactivateEnvironment, deleteEnvironment, errorLine, fillPlaceholders, findOnPath, finishDeployment, healthUrlFor, helmDriver, helmSetArgs, httpProbe, isDriverName, judgeAnswer, parseOutput, parseTerraformOutput, readOutputFile, readOutputUrl, readVars, requireTools, runTool, sameCommit, shortDescription, startDeployment, terraformDriver, terraformEnvironment, terraformVarArgs, toolEnvironment, urlFromNotes, urlFromValues, varText, waitForHealth

// EXTERNAL MODULE: ./packages/github/src/index.ts + 1 modules
var src = __nccwpck_require__(1862);
;// CONCATENATED MODULE: ./packages/provision/src/deployment.ts
// The GitHub side of an environment: its deployment and statuses, marking it inactive, deleting it.

/** GitHub refuses a deployment status description over 140 characters. */
const DESCRIPTION_MAX = 140;
/** `text` on one line, cut to GitHub's 140 characters with an ellipsis. */
function shortDescription(text) {
    const line = text.replace(/\s+/g, ' ').trim();
    const chars = [...line];
    return chars.length <= DESCRIPTION_MAX ? line : `${chars.slice(0, DESCRIPTION_MAX - 1).join('')}…`;
}
/**
 * Creates the deployment of `target.commit` to its environment and marks it in_progress. `required_contexts: []`
 * and `auto_merge: false` always: otherwise GitHub refuses (409) while any commit status is not success, or merges
 * the default branch into the ref first.
 */
async function startDeployment(github, target, logUrl) {
    const deployment = await github.createDeployment(target.repo, {
        ref: target.commit,
        environment: target.environment,
        task: 'deploy',
        auto_merge: false,
        required_contexts: [],
        payload: { flowkit: { driver: target.driver, commit: target.commit } },
        description: shortDescription(`Flowkit: ${target.environment} at ${target.commit.slice(0, 7)}`),
        transient_environment: target.transient,
        production_environment: false,
    });
    await github.createDeploymentStatus(target.repo, Number(deployment.id), {
        state: 'in_progress',
        ...(logUrl === '' ? {} : { log_url: logUrl }),
        description: shortDescription(`Provisioning ${target.environment} at ${target.commit.slice(0, 7)} with ${target.driver}`),
    });
    return deployment;
}
/** Marks a deployment success or failure, with the environment's URL when there is one. */
async function finishDeployment(github, repo, id, outcome) {
    await github.createDeploymentStatus(repo, id, {
        state: outcome.state,
        description: shortDescription(outcome.description),
        ...(outcome.url === undefined ? {} : { environment_url: outcome.url }),
        ...(outcome.logUrl === '' ? {} : { log_url: outcome.logUrl }),
    });
}
/** Adds an inactive status to every deployment of the environment whose latest status is not inactive. */
async function deactivateEnvironment(github, repo, environment, logUrl) {
    const changed = [];
    for (const deployment of await github.listDeployments(repo, environment, 100)) {
        const id = Number(deployment.id);
        const [latest] = await github.listDeploymentStatuses(repo, id);
        if (latest?.state === 'inactive')
            continue;
        await github.createDeploymentStatus(repo, id, {
            state: 'inactive',
            description: shortDescription(`${environment} was removed by Flowkit`),
            ...(logUrl === '' ? {} : { log_url: logUrl }),
        });
        changed.push(id);
    }
    return changed;
}
/**
 * Deletes the GitHub environment. 'forbidden' when the token may not (Administration: write, which a workflow's
 * GITHUB_TOKEN never has), 'absent' when it is already gone.
 */
async function deleteEnvironment(github, repo, environment) {
    try {
        await github.deleteEnvironment(repo, environment);
        return 'deleted';
    }
    catch (error) {
        if (error instanceof src/* GitHubError */.y_ && error.status === 403)
            return 'forbidden';
        if (error instanceof src/* GitHubError */.y_ && error.status === 404)
            return 'absent';
        throw error;
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
// EXTERNAL MODULE: ./packages/core/src/index.ts + 13 modules
var core_src = __nccwpck_require__(8902);
;// CONCATENATED MODULE: ./packages/provision/src/driver.ts
// The one interface every environment driver implements, what a driver runs with, and how its failures read.



/** A driver's tool ran and failed: the message carries its last output lines. */
class DriverError extends Error {
    lastLines;
    /** `shown` is the command as the message shows it (a script's text would drown the rest). */
    constructor(what, shown, result, lines = 20) {
        const tail = (0,core_src/* outputTail */.ci)(result, lines);
        const how = result.startError !== undefined
            ? `could not start (${result.startError})`
            : result.exitCode === null
                ? `was killed by ${result.signal ?? 'a signal'}`
                : `exited with ${result.exitCode}`;
        super(`${what} failed: ${shown} ${how}${tail.length > 0 ? `; its last lines:\n${tail.join('\n')}` : ''}`);
        this.name = 'DriverError';
        this.lastLines = tail;
    }
}
/** A driver could not work out something it needs (e.g. the URL); the message says what to set. */
class DriverOutputError extends Error {
    constructor(message) {
        super(message);
        this.name = 'DriverOutputError';
    }
}
/** The path of `command` on `path` (PATH's value), or undefined. A command with a slash is checked as it is. */
function findOnPath(command, path) {
    const candidates = command.includes('/')
        ? [command]
        : (path ?? '')
            .split(external_node_path_namespaceObject.delimiter)
            .filter(Boolean)
            .map((dir) => (0,external_node_path_namespaceObject.join)(dir, command));
    return candidates.find(isExecutable);
}
/**
 * Checks that every tool is on PATH before anything happens; an InputError on `driver` names the missing tool
 * and how to install it.
 */
function requireTools(driver, tools, path) {
    for (const tool of tools) {
        if (findOnPath(tool.command, path) !== undefined)
            continue;
        throw new core_src/* InputError */.dz('driver', `is ${driver}, but ${tool.command} is not on PATH`, `Install it in an earlier step: ${tool.install}.`);
    }
}
/** Runs one tool command and throws DriverError unless it exits 0; logs the command line first. */
async function runTool(context, what, command, args, options = {}) {
    const shown = options.shown ?? (0,core_src/* commandLine */.ay)(command, args);
    context.log.info(`$ ${shown}`);
    const result = await context.run(command, args, {
        cwd: options.cwd ?? context.cwd,
        env: { ...context.env, ...options.env },
    });
    // Indented, so a line of the tool's output can never pass for a workflow command (`::error::`, `::add-mask::`).
    for (const line of `${result.stdout}\n${result.stderr}`.split(/\r?\n/)) {
        if (line.trim() !== '')
            context.log.info(`  ${line.trimEnd()}`);
    }
    if (result.exitCode !== 0)
        throw new DriverError(what, shown, result);
    return result;
}
/** A variable's value as text for a command line: strings as they are, anything else as JSON. */
function varText(value) {
    return typeof value === 'string' ? value : JSON.stringify(value);
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

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
;// CONCATENATED MODULE: ./packages/provision/src/output-file.ts
// Reads the URL a driver's script or playbook left in Flowkit's output file: `url=…` lines or a JSON object.


/**
 * The values in an output file: a JSON object's top-level strings, or `name=value` lines (blank lines and `#`
 * comments skipped; the last value of a name wins). Undefined when the file does not exist.
 */
async function readOutputFile(path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
    return parseOutput(text, path);
}
/** Parses an output file's text; throws DriverOutputError naming the file and line that cannot be read. */
function parseOutput(text, where) {
    const trimmed = text.trim();
    if (trimmed.startsWith('{')) {
        let parsed;
        try {
            parsed = JSON.parse(trimmed);
        }
        catch (error) {
            throw new DriverOutputError(`${where} is not valid JSON: ${error.message}`);
        }
        const values = {};
        for (const [name, value] of Object.entries(parsed)) {
            if (typeof value === 'string')
                values[name] = value;
        }
        return values;
    }
    const values = {};
    for (const [index, raw] of text.split(/\r?\n/).entries()) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const at = line.indexOf('=');
        if (at <= 0) {
            throw new DriverOutputError(`${where}:${index + 1} is not 'name=value' or JSON: '${line.slice(0, 100)}'`);
        }
        values[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
    return values;
}
/** The `url` of an output file, checked to be http(s); undefined when the file or the value is absent. */
async function readOutputUrl(path) {
    const url = (await readOutputFile(path))?.url;
    if (url === undefined || url === '')
        return undefined;
    if (!/^https?:\/\/\S+$/.test(url)) {
        throw new DriverOutputError(`${path} gives url '${url.slice(0, 200)}', which is not an http(s) URL`);
    }
    return url;
}

;// CONCATENATED MODULE: ./packages/provision/src/drivers/ansible.ts
// The ansible driver: ansible-playbook with Flowkit's variables; the URL from the file the playbook writes.




/** The command the ansible driver runs. */
const ANSIBLE_TOOL = {
    command: 'ansible-playbook',
    install: "'pipx install ansible-core' (or 'sudo apt-get install -y ansible-core')",
};
// Ansible's own warnings about an inventory it guessed, and colour codes, would end up in the error message.
const ANSIBLE_ENV = {
    ANSIBLE_NOCOLOR: '1',
    ANSIBLE_FORCE_COLOR: '0',
    ANSIBLE_RETRY_FILES_ENABLED: '0',
    ANSIBLE_LOCALHOST_WARNING: 'false',
    ANSIBLE_INVENTORY_UNPARSED_WARNING: 'false',
    PYTHONUNBUFFERED: '1',
};
const LOCAL_INVENTORY = 'localhost ansible_connection=local ansible_python_interpreter=auto_silent\n';
/**
 * The variables Flowkit passes (as `--extra-vars @file`, JSON): the user's `vars`, then flowkit_environment,
 * flowkit_commit, flowkit_url (when the url input is set), flowkit_output_file and flowkit_state. They carry a
 * prefix because `environment` is a reserved name in Ansible (the variable would read as []).
 */
function ansibleVariables(env, state, outputFile) {
    return {
        ...env.vars,
        flowkit_environment: env.name,
        flowkit_commit: env.commit,
        ...(env.url === undefined ? {} : { flowkit_url: env.url }),
        flowkit_output_file: outputFile,
        flowkit_state: state,
    };
}
/** Creates the ansible driver. */
function ansibleDriver(options, context) {
    const play = async (env, state) => {
        const outputFile = (0,external_node_path_namespaceObject.join)(context.tempDir, `ansible-${state}-output.json`);
        const varsFile = (0,external_node_path_namespaceObject.join)(context.tempDir, `ansible-${state}-vars.json`);
        await (0,promises_.writeFile)(varsFile, JSON.stringify(ansibleVariables(env, state, outputFile)), { mode: 0o600 });
        let inventory = options.inventory;
        if (inventory === undefined) {
            inventory = (0,external_node_path_namespaceObject.join)(context.tempDir, 'inventory.ini');
            await (0,promises_.writeFile)(inventory, LOCAL_INVENTORY);
        }
        const playbook = state === 'absent' ? (options.destroyPlaybook ?? options.playbook) : options.playbook;
        await runTool(context, state === 'present' ? 'Provisioning with Ansible' : 'Removing with Ansible', ANSIBLE_TOOL.command, ['-i', inventory, '--extra-vars', `@${varsFile}`, playbook], { env: ANSIBLE_ENV });
        return outputFile;
    };
    return {
        async provision(env) {
            const outputFile = await play(env, 'present');
            return { url: await readOutputUrl(outputFile) };
        },
        async destroy(env) {
            await play(env, 'absent');
        },
    };
}

;// CONCATENATED MODULE: ./packages/provision/src/drivers/command.ts
// The command driver: the user's own scripts, told the environment and commit, leaving the URL in a file.




/** The command driver's shell. */
const COMMAND_TOOL = {
    command: 'bash',
    install: "bash (on every GitHub-hosted runner; 'apt-get install bash')",
};
/**
 * What a script is told: FLOWKIT_ENVIRONMENT, FLOWKIT_COMMIT, FLOWKIT_OUTPUT (the file to write `url=…` lines or
 * JSON to), FLOWKIT_STATE (present or absent), FLOWKIT_URL (the url input, when set) and FLOWKIT_VARS (the vars as
 * JSON).
 */
function commandEnvironment(env, state, outputFile) {
    return {
        FLOWKIT_ENVIRONMENT: env.name,
        FLOWKIT_COMMIT: env.commit,
        FLOWKIT_OUTPUT: outputFile,
        FLOWKIT_STATE: state,
        FLOWKIT_VARS: JSON.stringify(env.vars),
        ...(env.url === undefined ? {} : { FLOWKIT_URL: env.url }),
    };
}
/** Creates the command driver. */
function commandDriver(options, context) {
    const script = async (env, state, text) => {
        const outputFile = (0,external_node_path_namespaceObject.join)(context.tempDir, `command-${state}-output`);
        // A file left by an earlier run in the same folder must not pass for this run's answer.
        await (0,promises_.rm)(outputFile, { force: true });
        await runTool(context, state === 'present' ? 'provision-command' : 'destroy-command', COMMAND_TOOL.command, ['--noprofile', '--norc', '-eo', 'pipefail', '-c', text], {
            env: commandEnvironment(env, state, outputFile),
            shown: `bash -c <${state === 'present' ? 'provision' : 'destroy'}-command>`,
        });
        return outputFile;
    };
    return {
        async provision(env) {
            return { url: await readOutputUrl(await script(env, 'present', options.provision)) };
        },
        async destroy(env) {
            if (options.destroy === undefined) {
                context.log.info('No destroy-command: nothing to remove.');
                return;
            }
            await script(env, 'absent', options.destroy);
        },
    };
}

;// CONCATENATED MODULE: ./packages/provision/src/drivers/helm.ts
// The helm driver: upgrade --install into a namespace per environment; the URL from a template or the release's notes.

/** The commands the helm driver runs, and the pinned setup action that installs helm. */
const HELM_TOOLS = {
    helm: {
        command: 'helm',
        install: "'uses: azure/setup-helm@9bc31f4ebc9c6b171d7bfbaa5d006ae7abdb4310 # v5.0.1'",
    },
    kubectl: {
        command: 'kubectl',
        install: 'kubectl (preinstalled on GitHub-hosted Ubuntu runners; or azure/setup-kubectl)',
    },
};
/** `--set` splits on commas and reads dots and brackets in names; a value's commas and backslashes are escaped. */
function setValue(value) {
    return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,');
}
/**
 * The chart's values from Flowkit and the user: commit and environment as strings (`--set-string`, so a sha of
 * digits stays text), url when given, then the user's vars as `--set`.
 */
function helmSetArgs(env) {
    return [
        '--set-string',
        `commit=${env.commit}`,
        '--set-string',
        `environment=${setValue(env.name)}`,
        ...(env.url === undefined ? [] : ['--set-string', `url=${setValue(env.url)}`]),
        ...Object.entries(env.vars).flatMap(([name, value]) => ['--set', `${name}=${setValue(varText(value))}`]),
    ];
}
/** The first http(s) URL in a release's notes (`helm get notes`), or undefined. */
function urlFromNotes(notes) {
    return /https?:\/\/[^\s"'<>)\]]+/.exec(notes)?.[0]?.replace(/[.,;:]+$/, '');
}
/** The `url` value of `helm get values -o json`, or undefined. */
function urlFromValues(json) {
    try {
        const values = JSON.parse(json);
        return typeof values?.url === 'string' && /^https?:\/\//.test(values.url) ? values.url : undefined;
    }
    catch {
        return undefined;
    }
}
/** Creates the helm driver. */
function helmDriver(options, context) {
    const ns = ['--namespace', options.namespace];
    return {
        async provision(env) {
            await runTool(context, 'helm upgrade', HELM_TOOLS.helm.command, [
                'upgrade',
                '--install',
                options.release,
                options.chart,
                ...ns,
                '--create-namespace',
                '--wait',
                '--timeout',
                options.timeout,
                ...helmSetArgs(env),
            ]);
            // The url input (a template) wins; else the chart says where it is, in its notes or its values.
            if (env.url !== undefined)
                return { url: env.url };
            const notes = await runTool(context, 'helm get notes', 'helm', [
                'get',
                'notes',
                options.release,
                ...ns,
            ]);
            const fromNotes = urlFromNotes(notes.stdout);
            if (fromNotes !== undefined)
                return { url: fromNotes };
            const values = await runTool(context, 'helm get values', 'helm', [
                'get',
                'values',
                options.release,
                ...ns,
                '--all',
                '--output',
                'json',
            ]);
            const fromValues = urlFromValues(values.stdout);
            if (fromValues !== undefined)
                return { url: fromValues };
            throw new DriverOutputError(`release ${options.release} names no http(s) URL in its notes or a 'url' value: set the url input (e.g. https://{environment}.staging.example.com)`);
        },
        async destroy() {
            await runTool(context, 'helm uninstall', 'helm', [
                'uninstall',
                options.release,
                ...ns,
                '--wait',
                '--ignore-not-found',
            ]);
            if (options.deleteNamespace) {
                await runTool(context, 'kubectl delete namespace', HELM_TOOLS.kubectl.command, [
                    'delete',
                    'namespace',
                    options.namespace,
                    '--ignore-not-found',
                    '--wait=false',
                ]);
            }
        },
    };
}

;// CONCATENATED MODULE: ./packages/provision/src/drivers/terraform.ts
// The terraform and tofu drivers: a workspace per environment, apply with variables, the URL from an output.

/** The commands the terraform and tofu drivers run, and the pinned setup actions that install them. */
const TERRAFORM_TOOLS = {
    terraform: {
        command: 'terraform',
        install: "'uses: hashicorp/setup-terraform@dfe3c3f87815947d99a8997f908cb6525fc44e9e # v4.0.1' with terraform_wrapper: false",
    },
    tofu: {
        command: 'tofu',
        install: "'uses: opentofu/setup-opentofu@a1320f892987e89d278cc92dc5adc984fb93aca4 # v2.0.2' with tofu_wrapper: false",
    },
};
/**
 * The environment Terraform runs in: no prompts, automation-friendly output, and commit, environment and url as
 * TF_VAR_ variables (a module that declares them gets them; one that does not is not bothered, unlike -var).
 */
function terraformEnvironment(env) {
    return {
        TF_IN_AUTOMATION: '1',
        TF_INPUT: '0',
        TF_VAR_commit: env.commit,
        TF_VAR_environment: env.name,
        ...(env.url === undefined ? {} : { TF_VAR_url: env.url }),
    };
}
/** The user's variables as `-var name=value` arguments. */
function terraformVarArgs(vars) {
    return Object.entries(vars).flatMap(([name, value]) => ['-var', `${name}=${varText(value)}`]);
}
/**
 * The URL in `terraform output -json <name>`: a JSON string. Throws DriverOutputError for anything else, naming
 * what came.
 */
function parseTerraformOutput(stdout, name) {
    let value;
    try {
        value = JSON.parse(stdout);
    }
    catch {
        throw new DriverOutputError(`'output -json ${name}' did not print JSON: '${stdout.trim().slice(0, 200)}'`);
    }
    if (typeof value !== 'string' || !/^https?:\/\/\S+$/.test(value)) {
        throw new DriverOutputError(`output '${name}' is ${JSON.stringify(value)?.slice(0, 200)}, not an http(s) URL: make it the environment's URL, or set terraform-output`);
    }
    return value;
}
/** Creates the terraform (or tofu) driver. */
function terraformDriver(options, context) {
    const bin = options.binary;
    const label = bin === 'tofu' ? 'OpenTofu' : 'Terraform';
    const run = (env, args) => runTool(context, `${label} ${args[0]}`, bin, args, { env: terraformEnvironment(env) });
    const selectWorkspace = async (env) => {
        await run(env, ['init', '-input=false', '-no-color']);
        await run(env, ['workspace', 'select', '-or-create', env.name]);
    };
    return {
        async provision(env) {
            await selectWorkspace(env);
            await run(env, ['apply', '-input=false', '-auto-approve', '-no-color', ...terraformVarArgs(env.vars)]);
            const output = await run(env, ['output', '-no-color', '-json', options.outputName]);
            return { url: parseTerraformOutput(output.stdout, options.outputName) };
        },
        async destroy(env) {
            await selectWorkspace(env);
            await run(env, [
                'destroy',
                '-input=false',
                '-auto-approve',
                '-no-color',
                ...terraformVarArgs(env.vars),
            ]);
            // A workspace cannot delete itself: step out to default first.
            await run(env, ['workspace', 'select', 'default']);
            await run(env, ['workspace', 'delete', env.name]);
        },
    };
}

;// CONCATENATED MODULE: ./packages/provision/src/health.ts
// Waits until the environment answers healthy at the expected commit, so the old version never passes for the new.

/** Asks with Flowkit's HTTP helper: GET, no redirects followed, the body as text. */
const httpProbe = async (url, timeoutMs) => {
    const response = await (0,core_src/* httpRequest */.aj)({
        method: 'GET',
        url,
        headers: { accept: 'application/json', 'user-agent': 'flowkit-health' },
        timeoutMs,
    });
    return { status: response.status, body: response.body };
};
/** Judges one answer: 200, and the expected commit where `commitPath` says. */
function judgeAnswer(answer, commit, commitPath) {
    if ('error' in answer)
        return { ok: false, verdict: `no answer (${answer.error})` };
    if (answer.status !== 200)
        return { ok: false, verdict: `HTTP ${answer.status}, not 200` };
    const short = commit.slice(0, 7);
    if (commitPath === 'body') {
        const text = answer.body.toLowerCase();
        return text.includes(commit.toLowerCase()) || text.includes(short.toLowerCase())
            ? { ok: true, verdict: `HTTP 200 naming ${short}` }
            : { ok: false, verdict: `HTTP 200, but the body does not name ${short}` };
    }
    let json;
    try {
        json = JSON.parse(answer.body);
    }
    catch {
        return { ok: false, verdict: 'HTTP 200, but the body is not JSON' };
    }
    let node = json;
    for (const key of commitPath.split('.')) {
        node = typeof node === 'object' && node !== null ? node[key] : undefined;
    }
    if (typeof node !== 'string' || node === '') {
        return { ok: false, verdict: `HTTP 200, but it reports no commit at '${commitPath}'` };
    }
    return sameCommit(node, commit)
        ? { ok: true, verdict: `HTTP 200 at commit ${short}` }
        : { ok: false, verdict: `HTTP 200, but it reports commit ${node.slice(0, 40)}, not ${short}` };
}
/** True when `reported` is `expected`, or a 7+ digit prefix of it (or the other way round), in any case. */
function sameCommit(reported, expected) {
    const a = reported.trim().toLowerCase();
    const b = expected.trim().toLowerCase();
    if (a.length < 7 || b.length < 7)
        return a === b;
    return a.startsWith(b) || b.startsWith(a);
}
/** An answer for a message: the status and the first 200 characters of the body, or the connection error. */
function describeAnswer(answer) {
    if (answer === undefined)
        return 'none';
    if ('error' in answer)
        return answer.error;
    const body = answer.body.replace(/\s+/g, ' ').trim();
    return `HTTP ${answer.status} ${body.length > 200 ? `${body.slice(0, 200)}…` : body}`.trim();
}
/**
 * Asks `check.url` until an answer is healthy or `check.timeoutMs` passes (one last attempt at the deadline),
 * with growing pauses between attempts.
 */
async function waitForHealth(check, options = {}) {
    const { clock = core_src/* systemClock */.ml, probe = httpProbe, log = core_src/* silentLogger */.qq } = options;
    const maxInterval = check.maxIntervalMs ?? 10_000;
    const start = clock.now();
    const deadline = start + check.timeoutMs;
    let interval = check.intervalMs ?? 1000;
    let attempts = 0;
    let last;
    let verdict = 'not asked';
    for (;;) {
        attempts++;
        // The last attempt, at the deadline, still gets a second to answer: cut shorter, a busy machine would report
        // its own timeout instead of what the service says.
        const remaining = Math.max(1000, deadline - clock.now());
        try {
            last = await probe(check.url, Math.min(check.requestTimeoutMs ?? 5000, remaining));
        }
        catch (error) {
            last = { error: error instanceof Error ? error.message : String(error) };
        }
        const judged = judgeAnswer(last, check.commit, check.commitPath);
        verdict = judged.verdict;
        if (judged.ok)
            return { healthy: true, attempts, elapsedMs: clock.now() - start, last, verdict };
        const left = deadline - clock.now();
        if (left <= 0)
            break;
        log.debug(`Health: ${verdict}; asking again in ${Math.round(Math.min(interval, left))} ms`);
        await clock.sleep(Math.min(interval, left));
        interval = Math.min(maxInterval, interval * 1.5);
    }
    return { healthy: false, attempts, elapsedMs: clock.now() - start, last, verdict };
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./packages/provision/src/registry.ts
// The environment drivers, registered by the name the `driver` input uses.





const DRIVERS = {
    ansible: { tools: () => [ANSIBLE_TOOL], create: ansibleDriver },
    terraform: { tools: () => [TERRAFORM_TOOLS.terraform], create: terraformDriver },
    tofu: { tools: () => [TERRAFORM_TOOLS.tofu], create: terraformDriver },
    helm: {
        tools: (options) => (options.deleteNamespace ? [HELM_TOOLS.helm, HELM_TOOLS.kubectl] : [HELM_TOOLS.helm]),
        create: helmDriver,
    },
    command: { tools: () => [COMMAND_TOOL], create: commandDriver },
};
/** The names the `driver` input accepts. */
const DRIVER_NAMES = Object.keys(DRIVERS);
/** True when `name` is a built-in driver. */
function isDriverName(name) {
    return Object.hasOwn(DRIVERS, name);
}
/**
 * The driver the settings name, after checking its tools are on the context's PATH (an InputError on `driver`
 * says which one is missing and which setup step installs it). Runs nothing.
 */
function createDriver(settings, context) {
    const registration = DRIVERS[settings.name];
    requireTools(settings.name, registration.tools(settings.options), context.env.PATH);
    return registration.create(settings.options, context);
}

;// CONCATENATED MODULE: ./packages/provision/src/provision.ts
// Provisions or destroys one environment: the driver, the health wait and the GitHub deployment, in that order.








/** Variables a driver's tool must not see: the step's inputs hold the token, and the runner's own tokens. */
const PRIVATE = /^(INPUT_|ACTIONS_RUNTIME_TOKEN$|ACTIONS_ID_TOKEN_REQUEST_)/;
/** The environment for a driver's tool: the process's, without the step's inputs and the runner's tokens. */
function toolEnvironment(env) {
    return Object.fromEntries(Object.entries(env).filter(([name]) => !PRIVATE.test(name)));
}
function driverEnvironment(settings) {
    return { name: settings.environment, commit: settings.commit, url: settings.url, vars: settings.vars };
}
async function withDriverContext(settings, deps, body) {
    const tempDir = await (0,promises_.mkdtemp)((0,external_node_path_namespaceObject.join)(deps.tempRoot ?? (0,external_node_os_namespaceObject.tmpdir)(), 'flowkit-provision-'));
    try {
        return await body({
            run: deps.run ?? core_src/* runProcess */.R3,
            cwd: settings.workingDirectory,
            env: toolEnvironment(deps.env),
            tempDir,
            log: deps.log,
        });
    }
    finally {
        await (0,promises_.rm)(tempDir, { recursive: true, force: true });
    }
}
/**
 * The line of a tool's output that best says what went wrong, for the 140-character status: the last one naming an
 * error or failure (not a summary line like Ansible's 'ok=3 changed=1 … failed=1'), else the last line.
 */
function errorLine(lines) {
    const telling = lines.filter((line) => /\b(error|fatal|failed|failure|exception)\b/i.test(line) && !/\bok=\d+\s+changed=\d+/.test(line));
    return (telling.at(-1) ?? lines.at(-1))?.trim();
}
/** The health URL: the health-url input, else <url>/healthz. */
function healthUrlFor(url, configured) {
    return configured ?? `${url.replace(/\/+$/, '')}/healthz`;
}
/**
 * Creates the deployment, runs the driver, waits until the environment reports the commit, and sets the
 * deployment's final status. A failure of the driver or the health wait marks the deployment failure and (with
 * destroy-on-failure) runs the driver's destroy, so nothing is left half-provisioned. A missing tool is an
 * InputError thrown before anything happens.
 */
async function provisionEnvironment(settings, deps) {
    return withDriverContext(settings, deps, async (context) => {
        const driver = createDriver(settings.driver, context);
        const { log } = deps;
        const short = settings.commit.slice(0, 7);
        const deployment = await startDeployment(deps.github, {
            repo: settings.repo,
            environment: settings.environment,
            transient: settings.transient,
            commit: settings.commit,
            driver: settings.driver.name,
        }, deps.runUrl);
        const deploymentId = Number(deployment.id);
        log.info(`Deployment ${deploymentId}: ${settings.environment} at ${short} with ${settings.driver.name}.`);
        const env = driverEnvironment(settings);
        const report = {
            environment: settings.environment,
            deploymentId,
            url: undefined,
            healthUrl: undefined,
            health: undefined,
            failure: undefined,
            cleanup: undefined,
        };
        let failure;
        try {
            const result = await driver.provision(env);
            report.url = result.url ?? settings.url;
            if (report.url === undefined) {
                failure = {
                    message: `The ${settings.driver.name} driver reported no URL for ${settings.environment}, and the url input is not set.`,
                    description: `${settings.driver.name} reported no URL`,
                };
            }
        }
        catch (error) {
            const lines = error instanceof DriverError ? error.lastLines : [];
            failure = {
                message: (0,core_src/* errorMessage */.gJ)(error),
                description: `${settings.driver.name} failed: ${errorLine(lines) ?? (0,core_src/* errorMessage */.gJ)(error)}`,
            };
        }
        if (failure === undefined && report.url !== undefined) {
            report.healthUrl = healthUrlFor(report.url, settings.health.url);
            log.info(`Waiting up to ${settings.health.timeoutMs / 1000} s for ${report.healthUrl} to report ${short}.`);
            const health = await waitForHealth({
                url: report.healthUrl,
                commit: settings.commit,
                commitPath: settings.health.commitPath,
                timeoutMs: settings.health.timeoutMs,
            }, { clock: deps.clock ?? core_src/* systemClock */.ml, probe: deps.probe, log });
            report.health = health;
            if (!health.healthy) {
                failure = {
                    message: `${report.healthUrl} did not report commit ${short} healthy within ${settings.health.timeoutMs / 1000} s (${health.attempts} attempt(s)): ${health.verdict}. The last answer: ${describeAnswer(health.last)}`,
                    description: `Health check failed: ${health.verdict}`,
                };
            }
            else {
                log.info(`${report.healthUrl}: ${health.verdict} after ${Math.round(health.elapsedMs / 100) / 10} s.`);
            }
        }
        if (failure === undefined) {
            await finishDeployment(deps.github, settings.repo, deploymentId, {
                state: 'success',
                description: `${settings.environment} is healthy at ${short}`,
                url: report.url,
                logUrl: deps.runUrl,
            });
            return report;
        }
        report.failure = failure.message;
        await finishDeployment(deps.github, settings.repo, deploymentId, {
            state: 'failure',
            description: failure.description,
            url: report.url,
            logUrl: deps.runUrl,
        });
        if (!settings.destroyOnFailure) {
            report.cleanup = 'destroy-on-failure is false: the environment was left as the driver left it.';
            return report;
        }
        log.info(`Removing what was provisioned of ${settings.environment}, so nothing is left half-done.`);
        try {
            await driver.destroy(env);
            report.cleanup = `The ${settings.driver.name} driver's destroy removed ${settings.environment}.`;
        }
        catch (error) {
            report.cleanup = `The ${settings.driver.name} driver's destroy failed too: ${(0,core_src/* errorMessage */.gJ)(error)}`;
        }
        return report;
    });
}
/**
 * Runs the driver's destroy, then marks the environment's deployments inactive and, where allowed, deletes the
 * GitHub environment (delete-environment: auto deletes per-pull-request ones). A missing tool is an InputError
 * thrown before anything happens.
 */
async function destroyEnvironment(settings, deps) {
    return withDriverContext(settings, deps, async (context) => {
        const driver = createDriver(settings.driver, context);
        const report = {
            environment: settings.environment,
            inactivated: [],
            deletion: undefined,
            failure: undefined,
        };
        try {
            await driver.destroy(driverEnvironment(settings));
        }
        catch (error) {
            report.failure = (0,core_src/* errorMessage */.gJ)(error);
            return report;
        }
        deps.log.info(`The ${settings.driver.name} driver removed ${settings.environment}.`);
        report.inactivated = await deactivateEnvironment(deps.github, settings.repo, settings.environment, deps.runUrl);
        const wanted = settings.deleteEnvironment === 'auto' ? settings.transient : settings.deleteEnvironment;
        if (wanted)
            report.deletion = await deleteEnvironment(deps.github, settings.repo, settings.environment);
        return report;
    });
}

;// CONCATENATED MODULE: ./packages/provision/src/settings.ts
// Reads and checks every provision-staging input into one typed settings object, before anything runs.




/** Every input of the provision-staging action, as its action.yml declares them. */
const PROVISION_INPUTS = (/* unused pure expression or super */ null && ([
    'mode',
    'driver',
    'environment',
    'commit',
    'url',
    'vars',
    'working-directory',
    'playbook',
    'destroy-playbook',
    'inventory',
    'terraform-output',
    'chart',
    'release',
    'namespace',
    'helm-timeout',
    'delete-namespace',
    'provision-command',
    'destroy-command',
    'health-url',
    'health-commit-path',
    'health-timeout',
    'destroy-on-failure',
    'delete-environment',
    'github-token',
]));
/** Inputs that only one driver reads: given with another driver, they are a mistake worth naming. */
const DRIVER_INPUTS = {
    playbook: ['ansible'],
    'destroy-playbook': ['ansible'],
    inventory: ['ansible'],
    'terraform-output': ['terraform', 'tofu'],
    chart: ['helm'],
    release: ['helm'],
    namespace: ['helm'],
    'helm-timeout': ['helm'],
    'delete-namespace': ['helm'],
    'provision-command': ['command'],
    'destroy-command': ['command'],
};
const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
const COMMIT = /^[0-9a-fA-F]{7,64}$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** Checks every input; throws InputError for the first problem. Runs nothing and changes nothing. */
function readProvisionSettings(input, run) {
    const driverName = input('driver');
    if (driverName === '') {
        throw new core_src/* InputError */.dz('driver', 'is required', `Choose one of: ${DRIVER_NAMES.join(', ')}.`);
    }
    if (!isDriverName(driverName)) {
        throw new core_src/* InputError */.dz('driver', `names an unknown driver '${driverName}'`, `Choose one of: ${DRIVER_NAMES.join(', ')}.`);
    }
    for (const [name, drivers] of Object.entries(DRIVER_INPUTS)) {
        if (input(name) !== '' && !drivers.includes(driverName)) {
            throw new core_src/* InputError */.dz(name, `is for the ${drivers.join(' and ')} driver, not ${driverName}`, `Remove it, or set 'driver: ${drivers[0]}'.`);
        }
    }
    const [owner = '', repoName = ''] = run.repository.split('/');
    const pull = pullRequestOf(run);
    const mode = readMode(input('mode'), run);
    const environment = readEnvironment(input('environment'), pull);
    const commit = readCommit(input('commit'), run, pull);
    const fill = (name) => fillPlaceholders(name, input(name), { environment, commit, pull });
    const url = fill('url');
    if (url !== undefined)
        checkHttpUrl('url', url);
    const healthUrl = fill('health-url');
    if (healthUrl !== undefined)
        checkHttpUrl('health-url', healthUrl);
    const workingDirectory = readFolder('working-directory', input('working-directory') || '.', run.workspace);
    const githubToken = input('github-token');
    if (githubToken === '') {
        throw new core_src/* InputError */.dz('github-token', 'is empty, and the deployment and its statuses need it', "Leave it at its default (${{ github.token }}) and grant 'deployments: write'.");
    }
    return {
        mode,
        driver: readDriver(driverName, input, { run, environment, repoName }),
        environment,
        transient: /^pr-\d+$/.test(environment),
        commit,
        url,
        vars: readVars(input('vars')),
        workingDirectory,
        health: {
            url: healthUrl,
            commitPath: readCommitPath(input('health-commit-path')),
            timeoutMs: (0,core_src/* parseIntegerInput */._p)('health-timeout', input('health-timeout'), 300, { min: 1, max: 3600 }) * 1000,
        },
        destroyOnFailure: (0,core_src/* parseBooleanInput */.zL)('destroy-on-failure', input('destroy-on-failure'), true),
        deleteEnvironment: readDeleteEnvironment(input('delete-environment')),
        githubToken,
        repo: { owner, repo: repoName },
    };
}
function pullRequestOf(run) {
    if (!run.eventName.startsWith('pull_request'))
        return undefined;
    const pull = run.event.pull_request;
    const number = pull?.number ?? run.event.number;
    if (typeof number !== 'number')
        return undefined;
    return { number, headSha: typeof pull?.head?.sha === 'string' ? pull.head.sha : undefined };
}
function readMode(text, run) {
    if (text === 'provision' || text === 'destroy')
        return text;
    if (text !== '' && text !== 'auto') {
        throw new core_src/* InputError */.dz('mode', `must be auto, provision or destroy, not '${text}'`, "Write 'mode: destroy' in the job that runs on 'pull_request: closed'.");
    }
    return run.eventName.startsWith('pull_request') && run.event.action === 'closed' ? 'destroy' : 'provision';
}
function readEnvironment(text, pull) {
    const name = text || (pull === undefined ? 'staging' : `pr-${pull.number}`);
    if (!ENVIRONMENT_NAME.test(name)) {
        throw new core_src/* InputError */.dz('environment', `'${name.slice(0, 120)}' is not a name Flowkit can give every tool (workspaces, namespaces, file names)`, 'Use letters, digits, dots, dashes and underscores, starting with a letter or digit, up to 100 characters.');
    }
    return name;
}
function readCommit(text, run, pull) {
    const commit = text || pull?.headSha || run.sha;
    if (commit === '') {
        throw new core_src/* InputError */.dz('commit', 'is not set and neither is GITHUB_SHA', 'Give the commit being deployed, e.g. ${{ github.sha }}.');
    }
    if (!COMMIT.test(commit)) {
        throw new core_src/* InputError */.dz('commit', `'${commit.slice(0, 80)}' is not a commit sha`, 'Give the full sha of the commit being deployed.');
    }
    return commit.toLowerCase();
}
/**
 * Fills {environment}, {commit}, {short_commit} and {pr} in an input; undefined when the input is empty. An
 * unknown placeholder is an InputError.
 */
function fillPlaceholders(name, text, facts) {
    if (text === '')
        return undefined;
    const values = {
        environment: facts.environment,
        commit: facts.commit,
        short_commit: facts.commit.slice(0, 7),
        pr: facts.pull === undefined ? undefined : String(facts.pull.number),
    };
    return text.replace(/\{([a-z_]+)\}/g, (whole, key) => {
        const value = values[key];
        if (value !== undefined)
            return value;
        throw new core_src/* InputError */.dz(name, key === 'pr'
            ? 'uses {pr}, but this run is not for a pull request'
            : `has an unknown placeholder ${whole}`, 'Placeholders: {environment}, {commit}, {short_commit}, {pr} (pull requests only).');
    });
}
function checkHttpUrl(name, url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        parsed = undefined;
    }
    if (parsed === undefined || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
        throw new core_src/* InputError */.dz(name, `is not an http(s) URL: '${url.slice(0, 200)}'`, 'Write it like https://{environment}.staging.example.com.');
    }
}
/** The vars input: a JSON object, or `name=value` lines (blank lines and # comments skipped). */
function readVars(text) {
    const trimmed = text.trim();
    if (trimmed === '')
        return {};
    if (trimmed.startsWith('{')) {
        let parsed;
        try {
            parsed = JSON.parse(trimmed);
        }
        catch (error) {
            throw new core_src/* InputError */.dz('vars', `is not valid JSON: ${error.message}`, 'Write a JSON object, or one name=value per line.');
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
            throw new core_src/* InputError */.dz('vars', 'is JSON but not an object', 'Write a JSON object, or one name=value per line.');
        }
        for (const name of Object.keys(parsed))
            checkVarName(name);
        return parsed;
    }
    const vars = {};
    for (const [index, raw] of trimmed.split(/\r?\n/).entries()) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const at = line.indexOf('=');
        if (at <= 0) {
            throw new core_src/* InputError */.dz('vars', `line ${index + 1} is not name=value: '${line.slice(0, 80)}'`, 'Write one name=value per line, or a JSON object.');
        }
        const name = line.slice(0, at).trim();
        checkVarName(name);
        vars[name] = line.slice(at + 1).trim();
    }
    return vars;
}
function checkVarName(name) {
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) {
        throw new core_src/* InputError */.dz('vars', `has a variable named '${name.slice(0, 80)}'`, 'Names are letters, digits and underscores (dots for nested Helm values).');
    }
    if (name.startsWith('flowkit_')) {
        throw new core_src/* InputError */.dz('vars', `sets '${name}', which Flowkit sets itself`, 'Remove it: flowkit_* variables come from the environment, the commit and the url input.');
    }
}
function readCommitPath(text) {
    const path = text || 'commit';
    if (path !== 'body' && !/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(path)) {
        throw new core_src/* InputError */.dz('health-commit-path', `'${path}' is not a JSON path like commit or build.sha`, "Write a dotted path, or 'body' to find the commit anywhere in the answer.");
    }
    return path;
}
function readDeleteEnvironment(text) {
    if (text === '' || text === 'auto')
        return 'auto';
    return (0,core_src/* parseBooleanInput */.zL)('delete-environment', text, false);
}
/** A folder: absolute, or relative to `base`; it must exist. */
function readFolder(name, text, base) {
    const path = (0,external_node_path_namespaceObject.resolve)(base, text);
    if (!isDirectory(path)) {
        throw new core_src/* InputError */.dz(name, `is not a folder: '${text}' (looked at ${path})`, 'Check the path, and that actions/checkout ran before this step.');
    }
    return path;
}
/** A file: absolute, or relative to `base`; it must exist. */
function readFile(name, text, base) {
    const path = (0,external_node_path_namespaceObject.resolve)(base, text);
    if (!isFile(path)) {
        const where = (0,external_node_path_namespaceObject.isAbsolute)(text) ? '' : ` (looked at ${path})`;
        throw new core_src/* InputError */.dz(name, `names a file that does not exist: '${text}'${where}`, 'Check the path: relative paths start at the repository root.');
    }
    return path;
}
function readDriver(name, input, facts) {
    const { workspace } = facts.run;
    switch (name) {
        case 'ansible': {
            const playbook = input('playbook');
            if (playbook === '') {
                throw new core_src/* InputError */.dz('playbook', 'is required by the ansible driver', 'Give the playbook, e.g. deploy/staging.yml.');
            }
            const destroy = input('destroy-playbook');
            const inventory = input('inventory');
            return {
                name,
                options: {
                    playbook: readFile('playbook', playbook, workspace),
                    destroyPlaybook: destroy === '' ? undefined : readFile('destroy-playbook', destroy, workspace),
                    inventory: inventory === ''
                        ? undefined
                        : inventory.includes(',')
                            ? inventory
                            : readFile('inventory', inventory, workspace),
                },
            };
        }
        case 'terraform':
        case 'tofu': {
            const outputName = input('terraform-output') || 'url';
            if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(outputName)) {
                throw new core_src/* InputError */.dz('terraform-output', `'${outputName}' is not an output name`, 'Give the name of the output that holds the URL, e.g. url.');
            }
            return { name, options: { binary: name, outputName } };
        }
        case 'helm': {
            const chart = input('chart');
            if (chart === '') {
                throw new core_src/* InputError */.dz('chart', 'is required by the helm driver', 'Give a chart folder, repo/name or oci:// reference.');
            }
            const release = input('release') || dnsLabel(facts.repoName || 'app', 53);
            const namespace = input('namespace') || dnsLabel(`${facts.repoName || 'app'}-${facts.environment}`, 63);
            checkDnsLabel('release', release, 53);
            checkDnsLabel('namespace', namespace, 63);
            const timeout = input('helm-timeout') || '10m';
            if (!/^(\d+h)?(\d+m)?(\d+s)?$/.test(timeout) || timeout === '') {
                throw new core_src/* InputError */.dz('helm-timeout', `'${timeout}' is not a duration like 10m or 90s`, 'Write e.g. 10m.');
            }
            return {
                name,
                options: {
                    chart: /^(\.|\/)/.test(chart) ? (0,external_node_path_namespaceObject.resolve)(workspace, chart) : chart,
                    release,
                    namespace,
                    timeout,
                    deleteNamespace: (0,core_src/* parseBooleanInput */.zL)('delete-namespace', input('delete-namespace'), false),
                },
            };
        }
        case 'command': {
            const provision = input('provision-command');
            if (provision === '') {
                throw new core_src/* InputError */.dz('provision-command', 'is required by the command driver', 'Give the script that creates the environment and writes url=… to $FLOWKIT_OUTPUT.');
            }
            const destroy = input('destroy-command');
            return { name, options: { provision, destroy: destroy === '' ? undefined : destroy } };
        }
    }
}
/** `text` made a DNS label: lower case, other characters as '-', at most `max` long. */
function dnsLabel(text, max) {
    return text
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-')
        .slice(0, max)
        .replace(/^-+|-+$/g, '');
}
function checkDnsLabel(name, value, max) {
    if (value.length > max || !DNS_LABEL.test(value)) {
        throw new core_src/* InputError */.dz(name, `'${value.slice(0, 80)}' is not a DNS label of at most ${max} characters`, 'Use lower-case letters, digits and dashes, starting and ending with a letter or digit.');
    }
}
function isDirectory(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isDirectory();
    }
    catch {
        return false;
    }
}
function isFile(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isFile();
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./packages/provision/src/index.ts
// Staging environments: drivers (Ansible, Terraform/OpenTofu, Helm, commands), the health wait, GitHub deployments.













/***/ }),

/***/ 9193:
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

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
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
    const delimiter = `ghadelimiter_${(0,external_node_crypto_namespaceObject.randomUUID)()}`;
    if (name.includes(delimiter) || value.includes(delimiter)) {
        throw new Error(`Refusing to write ${name}: its value contains the delimiter`);
    }
    (0,external_node_fs_.appendFileSync)(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`, 'utf8');
}

// EXTERNAL MODULE: ./packages/core/src/index.ts + 13 modules
var src = __nccwpck_require__(8902);
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

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

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
/******/ var __webpack_exports__ = __nccwpck_require__(8810);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
