import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 5709:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _flowkit_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8902);
/* harmony import */ var _flowkit_digest__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6583);
/* harmony import */ var _flowkit_jira__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(2796);
/* harmony import */ var _flowkit_runner__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(7795);
// standup-digest: maps the step's inputs to @flowkit/digest and the results to outputs and the job summary.




await (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .runAction */ .Cs)(async () => {
    for (const secret of [(0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('slack-token'), (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('github-token'), ...(0,_flowkit_jira__WEBPACK_IMPORTED_MODULE_2__/* .jiraSecrets */ .et)(_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)])
        if (secret !== '')
            (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .setSecret */ .Pq)(secret);
    const configPath = (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('config') || _flowkit_core__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_CONFIG_PATH */ .Bi;
    const config = await (0,_flowkit_core__WEBPACK_IMPORTED_MODULE_0__/* .loadConfig */ .Z9)(configPath, configPath === _flowkit_core__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_CONFIG_PATH */ .Bi ? undefined : 'config');
    const settings = (0,_flowkit_digest__WEBPACK_IMPORTED_MODULE_1__/* .readDigestSettings */ .MV)((name) => (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)(name), config, new Date());
    const github = (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .readGitHubContext */ .L7)();
    const [owner = '', repo = ''] = github.repository.split('/');
    const results = await (0,_flowkit_digest__WEBPACK_IMPORTED_MODULE_1__/* .runStandupDigest */ .ji)(settings, {
        repo: { owner, repo },
        githubApiUrl: github.apiUrl,
        log: { info: _flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq, warning: _flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e, debug: _flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .debug */ .Yz },
    });
    (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .setOutput */ .uH)('posted', results
        .filter((result) => result.posted)
        .map((result) => result.team)
        .join(','));
    (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .setOutput */ .uH)('skipped', results
        .filter((result) => !result.decision.post)
        .map((result) => result.team)
        .join(','));
    (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .setOutput */ .uH)('requests', JSON.stringify(Object.fromEntries(results.map((result) => [result.team, result.calls]))));
    if (settings.dryRun) {
        const messages = results
            .filter((result) => result.message)
            .map((result) => [result.team, result.message]);
        (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .setOutput */ .uH)('messages', JSON.stringify(Object.fromEntries(messages)));
    }
    (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .appendSummary */ .fe)(summary(results, settings.dryRun));
    for (const result of results) {
        if (result.error === undefined)
            continue;
        (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_3__/* .error */ .z3)(`${result.team}: the digest failed: ${result.error}`);
        process.exitCode = 1;
    }
});
function summary(results, dryRun) {
    const cell = (text) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
    const rows = results.map((result) => {
        const outcome = result.error
            ? `failed: ${cell(result.error)}`
            : result.posted
                ? `posted (${result.posted.ts})`
                : result.decision.post && dryRun
                    ? 'dry run: not posted'
                    : 'skipped';
        const calls = `${result.calls.total} (Jira ${result.calls.jira}, GitHub ${result.calls.github}, Slack ${result.calls.slack})`;
        return `| ${cell(result.team)} | ${outcome} | ${cell(result.decision.reason)} | ${calls} |`;
    });
    return [
        '### Stand-up digest',
        '',
        '| team | digest | why | API requests |',
        '|---|---|---|---|',
        ...rows,
    ].join('\n');
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 8902:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Bi: () => (/* reexport */ DEFAULT_CONFIG_PATH),
  dz: () => (/* reexport */ InputError),
  N_: () => (/* reexport */ TransientError),
  fi: () => (/* reexport */ addDays),
  qo: () => (/* reexport */ clockTime),
  YM: () => (/* reexport */ daysBetween),
  gJ: () => (/* reexport */ errorMessage),
  kO: () => (/* reexport */ httpAttempt),
  B9: () => (/* reexport */ instantOf),
  u4: () => (/* reexport */ isRecord),
  iU: () => (/* reexport */ isUserError),
  Z9: () => (/* reexport */ loadConfig),
  IY: () => (/* reexport */ localParts),
  dp: () => (/* reexport */ minutesOf),
  Sp: () => (/* reexport */ parseAnswerBody),
  zL: () => (/* reexport */ parseBooleanInput),
  _p: () => (/* reexport */ parseIntegerInput),
  mu: () => (/* reexport */ parseRetryAfter),
  qq: () => (/* reexport */ silentLogger),
  ml: () => (/* reexport */ systemClock),
  bD: () => (/* reexport */ withRetry)
});

// UNUSED EXPORTS: ConfigError, NetworkError, RetryExhaustedError, SyntaxProblem, UnresolvedPlaceholder, addedLineNumbers, commandLine, configSchema, defaultConfig, describeValue, formatPath, hasPlaceholder, httpRequest, interpolate, isLocalDate, isTimeZone, mapWithConcurrency, normalize, outputTail, parseConfig, parseJsonOrYaml, parsePatch, parseUnifiedDiff, runProcess, validateSchema, yamlProblem

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
    const { parseDocument } = await __nccwpck_require__.e(/* import() */ 815).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8815, 19));
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

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./packages/core/src/process.ts
// Runs an external tool and collects its output; behind an interface so tests and other runners can swap it.

/** Output kept per stream; a linter printing more is cut from the start, keeping the end (where crashes are). */
const MAX_OUTPUT = (/* unused pure expression or super */ null && (64 * 1024 * 1024));
/** Runs a process with node:child_process. */
const runProcess = (command, args, options) => new Promise((resolve) => {
    const child = spawn(command, args, {
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

/***/ 6583:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  MV: () => (/* reexport */ readDigestSettings),
  ji: () => (/* reexport */ runStandupDigest)
});

// UNUSED EXPORTS: DIGEST_INPUTS, STANDUP_DIGEST_QUERY, decidePost, digestKey, peopleIn, previousDigestAt, previousWorkingDay, readDeployments, readRepoDigest, readTickets, renderDigest

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




// EXTERNAL MODULE: ./packages/jira/src/index.ts + 6 modules
var jira_src = __nccwpck_require__(2796);
;// CONCATENATED MODULE: ./packages/slack/src/errors.ts
// Slack's refusals, explained with the fix, and which of them are worth retrying.
/** Slack answered `ok: false` (Web API) or an HTTP error (incoming webhook). */
class errors_SlackApiError extends Error {
    /** Slack's error code, e.g. `channel_not_found`. */
    code;
    method;
    /** For `missing_scope`: the scope Slack says is needed. */
    needed;
    /** Details Slack gave (`response_metadata.messages`, e.g. which block is invalid). */
    details;
    constructor(method, code, options = {}) {
        const details = options.details ?? [];
        super(`${method} failed: ${code}${details.length > 0 ? ` (${details.join('; ')})` : ''}. ${explain(code, options.needed)}`);
        this.name = 'SlackApiError';
        this.code = code;
        this.method = method;
        this.needed = options.needed;
        this.details = details;
    }
}
const FIXES = {
    not_authed: 'No token reached Slack: check that the secret passed as `token` exists in this repository or organization.',
    invalid_auth: 'Slack does not accept the token: copy the Bot User OAuth Token (xoxb-…) again from the app’s OAuth & Permissions page.',
    token_revoked: 'The token was revoked: reinstall the Slack app and update the secret.',
    token_expired: 'The token expired: reinstall the Slack app (or refresh a rotating token) and update the secret.',
    account_inactive: 'The bot or its workspace is deactivated: reinstall the Slack app and update the secret.',
    no_permission: 'The token may not do this: check the app’s scopes and that an admin approved it.',
    channel_not_found: 'Slack cannot find the channel, or the bot cannot see it: use the channel ID (C…, from the channel’s details), and for a private channel invite the bot with /invite @your-app.',
    not_in_channel: 'The bot is not a member of the channel: invite it with /invite @your-app, or add the chat:write.public scope to post in public channels without joining.',
    is_archived: 'The channel is archived: unarchive it or send to another channel.',
    channel_is_archived: 'The channel is archived: unarchive it or create a new webhook for another channel.',
    msg_too_long: 'The message text is longer than Slack allows (40,000 characters): shorten it.',
    no_text: 'The message has no text and no blocks: give a template, or a payload with text or blocks.',
    invalid_blocks: 'Slack rejected the blocks: check the payload against Block Kit (app.slack.com/block-kit-builder).',
    invalid_blocks_format: 'The blocks are not a list of Block Kit blocks: check the payload’s `blocks`.',
    invalid_metadata_format: 'The message metadata must be {event_type, event_payload}.',
    message_not_found: 'The message to update no longer exists (deleted?): run again without it to post a new one.',
    cant_update_message: 'Only messages the bot itself posted can be updated: the key points at someone else’s message.',
    edit_window_closed: 'The workspace does not allow editing this message any more.',
    thread_not_found: 'The thread to reply to no longer exists.',
    restricted_action: 'A workspace preference prevents the bot from posting in this channel.',
    users_not_found: 'No Slack user has this email address.',
    ratelimited: 'Slack rate-limited the calls: the notification was retried until the time budget ran out.',
    rate_limited: 'Slack rate-limited the webhook: the notification was retried until the time budget ran out.',
    invalid_payload: 'Slack could not read the webhook payload: check the payload is a JSON object with text or blocks.',
    no_service: 'The webhook URL is unknown or the webhook was removed: create a new incoming webhook and update the secret.',
    no_active_hooks: 'The webhook is disabled: re-enable it in the Slack app’s Incoming Webhooks page.',
    action_prohibited: 'An admin restricted this webhook: ask a workspace admin.',
    posting_to_general_channel_denied: 'Only admins may post in this channel.',
    team_disabled: 'The Slack workspace is disabled.',
};
/** The fix for a Slack error code, for messages shown to users. */
function explain(code, needed) {
    if (code === 'missing_scope') {
        const scope = needed ? `the ${needed} scope` : 'a scope';
        return `The token lacks ${scope}: add it on the app’s OAuth & Permissions page, reinstall the app, and update the secret.`;
    }
    return FIXES[code] ?? 'See the Slack API documentation for this error.';
}
/**
 * Errors where Slack may or may not have acted, and where trying again may work
 * (server trouble). Rate limits are handled separately: they never act.
 */
const SERVER_TROUBLE = new Set([
    'internal_error',
    'fatal_error',
    'service_unavailable',
    'request_timeout',
]);

;// CONCATENATED MODULE: ./packages/slack/src/client.ts
// A minimal Slack Web API client over core's HTTP helper: bearer token, ok:false as errors, rate limits as retries.


/** Slack's public Web API base URL. */
const client_SLACK_API_URL = 'https://slack.com/api/';
/** Methods that change something; Slack takes their arguments as JSON. Reads go as GET query strings. */
const WRITE_METHODS = new Set(['chat.postMessage', 'chat.update', 'chat.delete', 'chat.postEphemeral']);
/** Calls Slack Web API methods. */
class client_SlackClient {
    apiUrl;
    /** Web API calls sent so far, retries included. */
    requestCount = 0;
    #token;
    #timeoutMs;
    #log;
    #clock;
    constructor(options) {
        this.#token = options.token;
        this.apiUrl = options.apiUrl ?? client_SLACK_API_URL;
        this.#timeoutMs = options.timeoutMs ?? 10_000;
        this.#log = options.log ?? src/* silentLogger */.qq;
        this.#clock = options.clock ?? src/* systemClock */.ml;
    }
    /**
     * Calls `method` once, waiting at most `timeoutMs` (never more than the client's per-request timeout).
     * Throws SlackApiError for Slack's refusals, TransientError for rate limits, server trouble and lost
     * connections (with Retry-After when Slack gave one).
     */
    async callOnce(method, args, timeoutMs = this.#timeoutMs) {
        this.requestCount++;
        const url = new URL(method, this.apiUrl);
        const headers = { authorization: `Bearer ${this.#token}` };
        let body;
        if (WRITE_METHODS.has(method)) {
            headers['content-type'] = 'application/json; charset=utf-8';
            body = JSON.stringify(args);
        }
        else {
            for (const [name, value] of Object.entries(args)) {
                if (value !== undefined)
                    url.searchParams.set(name, String(value));
            }
        }
        const response = await (0,src/* httpAttempt */.kO)({
            method: body === undefined ? 'GET' : 'POST',
            url,
            headers,
            body,
            timeoutMs: Math.max(1, Math.min(timeoutMs, this.#timeoutMs)),
        }, method);
        if (response.status === 429) {
            const retryAfterMs = (0,src/* parseRetryAfter */.mu)(response.headers['retry-after'], this.#clock.now()) ?? 1000;
            throw new src/* TransientError */.N_(`${method} was rate limited by Slack`, { retryAfterMs, hadNoEffect: true });
        }
        if (response.status >= 500) {
            throw new src/* TransientError */.N_(`${method}: Slack answered HTTP ${response.status}`, {
                retryAfterMs: (0,src/* parseRetryAfter */.mu)(response.headers['retry-after'], this.#clock.now()),
            });
        }
        let parsed;
        try {
            parsed = JSON.parse(response.body);
        }
        catch {
            throw new errors_SlackApiError(method, `unexpected_answer_http_${response.status}`);
        }
        if (parsed.ok === true)
            return parsed;
        const code = typeof parsed.error === 'string' ? parsed.error : 'unknown_error';
        if (SERVER_TROUBLE.has(code))
            throw new src/* TransientError */.N_(`${method} failed: ${code}`);
        const metadata = parsed.response_metadata;
        const details = Array.isArray(metadata?.messages) ? metadata.messages.map(String) : [];
        throw new errors_SlackApiError(method, code, {
            needed: typeof parsed.needed === 'string' ? parsed.needed : undefined,
            details,
        });
    }
    /** Calls `method`, retrying rate limits and transient failures within `policy`. */
    call(method, args, policy) {
        return (0,src/* withRetry */.bD)(({ remainingMs }) => this.callOnce(method, args, remainingMs), policy, {
            clock: this.#clock,
            log: this.#log,
        });
    }
}

;// CONCATENATED MODULE: ./packages/slack/src/text.ts
/** Slack's limit for a text object in a section or context. */
const TEXT_LIMIT = 3000;
/** Slack's limit for a header's plain text. */
const HEADER_LIMIT = 150;
/** Slack's limit for a section field. */
const FIELD_LIMIT = 2000;
/**
 * Escapes the three characters Slack treats as markup (`&`, `<`, `>`), so `<!channel>`, `<@U123>` and
 * `<https://evil|click>` in user text arrive as plain text.
 */
function text_escapeText(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** Escapes `text` and shortens it with '…' so that the escaped result fits in `limit` characters. */
function fitEscaped(text, limit) {
    const escaped = text_escapeText(text);
    if (escaped.length <= limit)
        return escaped;
    let keep = Math.min(text.length, limit - 1);
    while (keep > 0 && text_escapeText(text.slice(0, keep)).length > limit - 1)
        keep--;
    return `${text_escapeText(text.slice(0, keep))}…`;
}
/** A link in mrkdwn. The label is user text (escaped); a URL that is not http(s) gives the label alone. */
function text_link(url, label) {
    const safeLabel = text_escapeText(label).replace(/\|/g, '¦');
    if (url === undefined || !text_isWebUrl(url))
        return safeLabel;
    // `|` and `>` end Slack's link syntax; percent-encoding them keeps the URL intact.
    const safeUrl = url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
    return `<${safeUrl}|${safeLabel}>`;
}
/** True for an absolute http or https URL (no javascript:, no relative paths). */
function text_isWebUrl(text) {
    return /^https?:\/\/[^\s]+$/i.test(text) && URL.canParse(text);
}
/**
 * A mrkdwn text object that Slack will not auto-parse (`verbatim: true`): plain words stay words,
 * only the markup Flowkit built (links, mentions) is active. Pass text already escaped.
 */
function mrkdwn(markup, limit = TEXT_LIMIT) {
    return { type: 'mrkdwn', text: clip(markup, limit), verbatim: true };
}
/** A plain_text object: Slack shows it exactly, no formatting, no mentions. */
function plainText(text, limit = TEXT_LIMIT) {
    return { type: 'plain_text', text: fitEscaped(text, limit), emoji: true };
}
/** A section with safe mrkdwn text and optional two-column fields. */
function section(markup, fields = []) {
    const block = { type: 'section', text: mrkdwn(markup) };
    const shown = fields.filter(([, value]) => value !== '').slice(0, 10);
    if (shown.length > 0) {
        block.fields = shown.map(([label, value]) => mrkdwn(`*${text_escapeText(label)}*\n${value}`, FIELD_LIMIT));
    }
    return block;
}
/** A header block (plain text, at most 150 characters). */
function header(text) {
    return { type: 'header', text: plainText(text, HEADER_LIMIT) };
}
/** A context block of small mrkdwn parts (at most 10, as Slack allows). */
function text_context(parts) {
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
function clip(markup, limit) {
    if (markup.length <= limit)
        return markup;
    let cut = limit - 1;
    const open = markup.lastIndexOf('<', cut);
    if (open > markup.lastIndexOf('>', cut))
        cut = open;
    const amp = markup.lastIndexOf('&', cut);
    if (amp > cut - 6 && markup.indexOf(';', amp) >= cut)
        cut = amp;
    return `${markup.slice(0, cut)}…`;
}

;// CONCATENATED MODULE: ./packages/slack/src/mentions.ts
// Turns people (email, GitHub login, Slack ID) into Slack mentions, falling back to plain text.



const MEMBER_ID = /^[UW][A-Z0-9]{8,}$/;
const MENTION = /^<@([UW][A-Z0-9]{8,})>$/;
const EMAIL = /^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/;
const LOGIN = /^@?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))$/;
/**
 * Resolves people once per run: a Slack ID or `<@ID>` as it is; a GitHub login through the config's
 * `people` map; an email through users.lookupByEmail (users:read.email). Anything unresolved becomes
 * escaped plain text, so a failed lookup never blocks a notification.
 */
class mentions_MentionResolver {
    #people;
    #client;
    #policy;
    #log;
    #cache = new Map();
    #byEmail = new Map();
    #warnedScope = false;
    constructor(options) {
        this.#people = new Map(Object.entries(options.people ?? {}).map(([login, person]) => [login.toLowerCase(), person]));
        this.#client = options.client;
        this.#policy = options.policy;
        this.#log = options.log ?? src/* silentLogger */.qq;
    }
    /** Resolves every value; the map holds mrkdwn for each (a mention or escaped text). */
    async resolveAll(values) {
        const unique = [...new Set(values)].filter((value) => value.trim() !== '');
        const resolved = await Promise.all(unique.map(async (value) => [value, await this.resolve(value)]));
        return new Map(resolved);
    }
    /** One person as mrkdwn. */
    resolve(value) {
        let pending = this.#cache.get(value);
        if (pending === undefined) {
            pending = this.#resolve(value.trim());
            this.#cache.set(value, pending);
        }
        return pending;
    }
    async #resolve(value) {
        const mention = MENTION.exec(value)?.[1] ?? (MEMBER_ID.test(value) ? value : undefined);
        if (mention !== undefined)
            return `<@${mention}>`;
        if (EMAIL.test(value))
            return (await this.#lookupEmail(value)) ?? text_escapeText(value);
        const login = LOGIN.exec(value)?.[1];
        const person = login === undefined ? undefined : this.#people.get(login.toLowerCase());
        if (person === undefined)
            return text_escapeText(value);
        if (person.slack !== undefined)
            return `<@${person.slack}>`;
        const byEmail = person.email === undefined ? undefined : await this.#lookupEmail(person.email);
        return byEmail ?? text_escapeText(person.name ?? value);
    }
    #lookupEmail(email) {
        const key = email.toLowerCase();
        let pending = this.#byEmail.get(key);
        if (pending === undefined) {
            pending = this.#lookupEmailOnce(email);
            this.#byEmail.set(key, pending);
        }
        return pending;
    }
    async #lookupEmailOnce(email) {
        if (this.#client === undefined)
            return undefined;
        try {
            const answer = await this.#client.call('users.lookupByEmail', { email }, this.#policy());
            const id = answer.user?.id;
            return id === undefined ? undefined : `<@${id}>`;
        }
        catch (error) {
            if (error instanceof errors_SlackApiError && error.code === 'users_not_found') {
                this.#log.debug(`No Slack user has the email of a person to mention; writing it as plain text.`);
                return undefined;
            }
            if (error instanceof errors_SlackApiError && error.code === 'missing_scope') {
                if (!this.#warnedScope)
                    this.#log.warning(`Cannot mention people by email: ${error.message}`);
                this.#warnedScope = true;
                return undefined;
            }
            this.#log.warning(`Could not look up a Slack user by email, writing plain text instead: ${error.message}`);
            return undefined;
        }
    }
}

;// CONCATENATED MODULE: ./packages/slack/src/templates/template.ts
// What a message template is, and how its values are checked before anything is sent.


/**
 * Checks raw values (parsed from the `values` input) against a template's fields: unknown names, missing
 * required values and wrong shapes are InputErrors naming `values` and the field.
 */
function template_checkValues(template, raw) {
    if (raw !== undefined && !isRecord(raw)) {
        throw new InputError('values', `must be a mapping of names to values, got ${describeValue(raw)}`, example(template));
    }
    const given = raw ?? {};
    const known = new Map(template.fields.map((field) => [field.name, field]));
    for (const name of Object.keys(given)) {
        if (!known.has(name)) {
            throw new InputError('values', `has '${name}', which template '${template.name}' does not use`, `Its values are: ${template.fields.map((field) => field.name).join(', ')}.`);
        }
    }
    const values = {};
    for (const field of template.fields) {
        const value = given[field.name];
        if (value === undefined || value === null || value === '') {
            if (field.required) {
                throw new InputError('values', `is missing '${field.name}' (${field.description}), which template '${template.name}' needs`, example(template));
            }
            continue;
        }
        values[field.name] = checkValue(template, field, value);
    }
    return values;
}
function checkValue(template, field, value) {
    const bad = (expected) => {
        throw new InputError('values', `'${field.name}' must be ${expected}, got ${describeValue(value)}`, example(template));
    };
    const scalar = (item) => typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean'
        ? String(item)
        : bad('text');
    switch (field.kind) {
        case 'text':
        case 'person':
            return scalar(value);
        case 'url': {
            const url = scalar(value);
            return isWebUrl(url) ? url : bad('an http(s) URL');
        }
        case 'list':
        case 'people': {
            const items = Array.isArray(value) ? value.map(scalar) : scalar(value).split(',');
            return items.map((item) => item.trim()).filter((item) => item !== '');
        }
        case 'map': {
            if (!isRecord(value))
                return bad('a mapping of names to values');
            return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scalar(item)]));
        }
    }
}
function example(template) {
    const lines = template.fields
        .filter((field) => field.required)
        .map((field) => `${field.name}: …`)
        .join(', ');
    return `Template '${template.name}' needs ${lines === '' ? 'no values' : lines}; see the slack-notify README.`;
}
/** Reads a text value ('' when absent). */
function template_text(values, name) {
    const value = values[name];
    return typeof value === 'string' ? value : '';
}
/** Reads a list value ([] when absent). */
function template_list(values, name) {
    const value = values[name];
    return Array.isArray(value) ? value : [];
}
/** Reads a map value ({} when absent). */
function map(values, name) {
    const value = values[name];
    return (0,src/* isRecord */.u4)(value) ? value : {};
}
/** A person as mrkdwn: the resolved mention, or the escaped name. */
function person(context, value) {
    return context.mentions.get(value) ?? text_escapeText(value);
}
/** `[JIRA-1234]` linked to the ticket, or '' without a key. */
function ticketTag(values) {
    const key = template_text(values, 'key');
    return key === '' ? '' : `[${text_link(template_text(values, 'ticket-url') || undefined, key)}]`;
}
/** The footer every message carries: repository and run links (none outside a run). */
function footerBlocks(context) {
    const parts = [];
    if (context.repository)
        parts.push(text_link(`${context.serverUrl}/${context.repository}`, context.repository));
    if (context.runUrl)
        parts.push(text_link(context.runUrl, context.workflow ? `${context.workflow} run` : 'workflow run'));
    return parts.length > 0 ? [text_context([parts.join(' · ')])] : [];
}
/** A commit as a short linked SHA. */
function commitLink(context, sha) {
    if (sha === '')
        return '';
    const short = sha.slice(0, 7);
    return context.repository
        ? text_link(`${context.serverUrl}/${context.repository}/commit/${sha}`, short)
        : text_escapeText(short);
}

;// CONCATENATED MODULE: ./packages/slack/src/templates/pipeline.ts
// The template for a red pipeline: which workflow and job failed, on which ref, and a link to the logs.


/** `Build failed on JIRA-1234-widget (job test): <run>` */
const pipelineFailed = {
    name: 'pipeline-failed',
    summary: 'A workflow failed',
    fields: [
        { name: 'workflow', kind: 'text', description: 'workflow name (default: this run’s)' },
        { name: 'job', kind: 'text', description: 'failed job (default: this job)' },
        { name: 'ref', kind: 'text', description: 'branch or tag (default: this run’s)' },
        { name: 'commit', kind: 'text', description: 'commit SHA (default: this run’s)' },
        { name: 'actor', kind: 'person', description: 'who pushed (default: the run’s actor)' },
        { name: 'reason', kind: 'text', description: 'what failed, in a line' },
        { name: 'url', kind: 'url', description: 'link to the failed run (default: this run)' },
        { name: 'key', kind: 'text', description: 'the ticket key' },
        { name: 'ticket-url', kind: 'url', description: 'link to the ticket' },
    ],
    render(values, context) {
        const workflow = text_escapeText(template_text(values, 'workflow') || context.workflow || 'Workflow');
        const job = template_text(values, 'job') || context.job;
        const ref = template_text(values, 'ref') || context.refName;
        const url = template_text(values, 'url') || context.runUrl;
        const actor = template_text(values, 'actor') || context.actor;
        const reason = template_text(values, 'reason');
        const key = template_text(values, 'key');
        const line = `${workflow} failed${ref === '' ? '' : ` on ${text_escapeText(ref)}`}${job === '' ? '' : ` (job ${text_escapeText(job)})`}`;
        const headline = `:x: ${key === '' ? '' : `${ticketTag(values)} `}*${line}*${url === '' ? '' : ` ${text_link(url, 'logs')}`}`;
        return {
            text: `${key === '' ? '' : `[${text_escapeText(key)}] `}${line}`,
            blocks: [
                section(reason === '' ? headline : `${headline}\n${fitEscaped(reason, 2000)}`, [
                    ['Commit', commitLink(context, template_text(values, 'commit') || context.sha)],
                    ['Pushed by', actor === '' ? '' : person(context, actor)],
                ]),
                ...footerBlocks(context),
            ],
        };
    },
};

;// CONCATENATED MODULE: ./packages/slack/src/templates/release.ts
// Templates for a release's moments (steps 8–9 of the flow): promotion starts, each canary step, rollback, release.


const common = [
    { name: 'key', kind: 'text', description: 'the ticket key' },
    { name: 'ticket-url', kind: 'url', description: 'link to the ticket' },
    { name: 'environment', kind: 'text', description: "environment name (default 'production')" },
    { name: 'url', kind: 'url', description: 'link to the deployment or the promote run' },
];
/** `Promotion of v1.4.0 to production started by @sarah: 1% → 5% → 10% → 50% → 100%` */
const promoteStarted = {
    name: 'promote-started',
    summary: 'Someone pressed Promote; the canary begins',
    fields: [
        { name: 'version', kind: 'text', required: true, description: 'the version being released' },
        { name: 'actor', kind: 'person', description: 'who pressed Promote (default: the run’s actor)' },
        { name: 'plan', kind: 'list', description: 'canary weights in percent, e.g. 1,5,10,50,100' },
        ...common,
    ],
    render(values, context) {
        const actor = person(context, template_text(values, 'actor') || context.actor || 'someone');
        const plan = template_list(values, 'plan').map((weight) => `${weight.replace(/%$/, '')}%`);
        const line = `Promotion of ${release(values)} started by ${actor}${plan.length > 0 ? `: canary ${text_escapeText(plan.join(' → '))}` : ''}`;
        return message(values, context, ':rocket:', line);
    },
};
/** `Canary v1.4.0: 10% of production traffic (step 3 of 5)` with the numbers behind the decision. */
const canaryStep = {
    name: 'canary-step',
    summary: 'The canary moved to a new traffic weight',
    fields: [
        { name: 'version', kind: 'text', required: true, description: 'the canary version' },
        { name: 'weight', kind: 'text', required: true, description: 'percent of traffic on the canary now' },
        { name: 'step', kind: 'text', description: 'step number' },
        { name: 'steps', kind: 'text', description: 'number of steps' },
        { name: 'decision', kind: 'text', description: 'why the canary advanced, held or stopped' },
        { name: 'metrics', kind: 'map', description: 'figures behind the decision, name → value' },
        ...common,
    ],
    render(values, context) {
        const step = template_text(values, 'step');
        const of = template_text(values, 'steps');
        const position = step === '' ? '' : ` (step ${text_escapeText(step)}${of === '' ? '' : ` of ${text_escapeText(of)}`})`;
        const line = `Canary ${text_escapeText(template_text(values, 'version'))}: ${text_escapeText(template_text(values, 'weight'))}% of ${environment(values)} traffic${position}`;
        return message(values, context, ':hatching_chick:', line, metricFields(values), template_text(values, 'decision'));
    },
};
/** `Rolled back v1.4.0 from 10% of production: error rate 4.1% vs 0.5%` with the on-call engineer mentioned. */
const rolledBack = {
    name: 'rolled-back',
    summary: 'The guard rolled the canary back',
    fields: [
        { name: 'version', kind: 'text', required: true, description: 'the version rolled back' },
        { name: 'reason', kind: 'text', required: true, description: 'why, with the numbers' },
        { name: 'weight', kind: 'text', description: 'canary weight when it was stopped' },
        { name: 'metrics', kind: 'map', description: 'figures behind the decision, name → value' },
        { name: 'on-call', kind: 'person', description: 'who should look now' },
        ...common,
    ],
    render(values, context) {
        const weight = template_text(values, 'weight');
        const from = weight === '' ? environment(values) : `${text_escapeText(weight)}% of ${environment(values)}`;
        const onCall = template_text(values, 'on-call');
        const line = `Rolled back ${text_escapeText(template_text(values, 'version'))} from ${from}: ${fitEscaped(template_text(values, 'reason'), 1500)}`;
        const note = onCall === '' ? '' : `${person(context, onCall)}: please take a look.`;
        return message(values, context, ':rotating_light:', line, metricFields(values), note, false);
    },
};
/** `Released v1.4.0 to 100% of production in 42 min` */
const released = {
    name: 'released',
    summary: 'The canary reached 100%',
    fields: [
        { name: 'version', kind: 'text', required: true, description: 'the released version' },
        { name: 'duration', kind: 'text', description: 'how long the rollout took, e.g. 42 min' },
        ...common,
    ],
    render(values, context) {
        const duration = template_text(values, 'duration');
        const line = `Released ${text_escapeText(template_text(values, 'version'))} to 100% of ${environment(values)}${duration === '' ? '' : ` in ${text_escapeText(duration)}`}`;
        return message(values, context, ':white_check_mark:', line);
    },
};
function environment(values) {
    return text_escapeText(template_text(values, 'environment') || 'production');
}
function release(values) {
    return `${text_escapeText(template_text(values, 'version'))} to ${environment(values)}`;
}
function metricFields(values) {
    return Object.entries(map(values, 'metrics')).map(([name, value]) => [name, text_escapeText(value)]);
}
/** One headline with emoji, tag and link; optional fields and a second line; the footer. */
function message(values, context, emoji, line, fields = [], note = '', plainNote = true) {
    const tag = template_text(values, 'key') === '' ? '' : `${ticketTag(values)} `;
    const url = template_text(values, 'url');
    const headline = `${emoji} ${tag}${line}${url === '' ? '' : ` (${text_link(url, 'details')})`}`;
    const blocks = [section(headline, fields)];
    if (note !== '')
        blocks.push(section(plainNote ? fitEscaped(note, 2900) : note));
    const key = template_text(values, 'key');
    return {
        text: `${key === '' ? '' : `[${text_escapeText(key)}] `}${line}`,
        blocks: [...blocks, ...footerBlocks(context)],
    };
}

;// CONCATENATED MODULE: ./packages/slack/src/templates/ticket.ts
// Templates for a ticket's moments: it arrives (steps 1–2 of the flow) and its change reaches staging (step 6).


/** `New ticket: [FEAT] … (JIRA-1234) - Assignee: @sarah` */
const ticketCreated = {
    name: 'ticket-created',
    summary: 'A new ticket was triaged and assigned',
    fields: [
        { name: 'key', kind: 'text', required: true, description: 'the ticket key, e.g. JIRA-1234' },
        { name: 'title', kind: 'text', required: true, description: 'the ticket summary' },
        { name: 'url', kind: 'url', description: 'link to the ticket' },
        { name: 'assignee', kind: 'person', description: 'email, GitHub login or Slack ID of the assignee' },
        { name: 'priority', kind: 'text', description: 'priority label' },
        { name: 'labels', kind: 'list', description: 'tags given by the routing rules' },
        { name: 'team', kind: 'text', description: 'the owning team' },
    ],
    render(values, context) {
        const key = template_text(values, 'key');
        const title = template_text(values, 'title');
        const assignee = template_text(values, 'assignee');
        const who = assignee === '' ? 'unassigned' : person(context, assignee);
        return {
            text: `New ticket: ${fitEscaped(title, 2000)} (${text_escapeText(key)}) - Assignee: ${who}`,
            blocks: [
                section(`:ticket: *New ticket* ${text_link(template_text(values, 'url') || undefined, key)}\n${fitEscaped(title, 2500)}`, [
                    ['Assignee', who],
                    ['Priority', text_escapeText(template_text(values, 'priority'))],
                    ['Team', text_escapeText(template_text(values, 'team'))],
                    ['Labels', fitEscaped(template_list(values, 'labels').join(', '), 1900)],
                ]),
                ...footerBlocks(context),
            ],
        };
    },
};
/** `[JIRA-1234] Staging deployment successful. Review here: URL` */
const stagingReady = {
    name: 'staging-ready',
    summary: 'Staging was deployed and passed its end-to-end tests',
    fields: [
        { name: 'url', kind: 'url', required: true, description: 'the staging URL to review' },
        { name: 'key', kind: 'text', description: 'the ticket key' },
        { name: 'ticket-url', kind: 'url', description: 'link to the ticket' },
        { name: 'environment', kind: 'text', description: "environment name (default 'staging')" },
        { name: 'reviewers', kind: 'people', description: 'who should review (QA, product)' },
        { name: 'pr', kind: 'url', description: 'link to the pull request' },
        { name: 'commit', kind: 'text', description: 'deployed commit (default: the run’s commit)' },
    ],
    render(values, context) {
        const url = template_text(values, 'url');
        const key = template_text(values, 'key');
        const prefix = key === '' ? '' : `${ticketTag(values)} `;
        const reviewers = template_list(values, 'reviewers').map((value) => person(context, value));
        const blocks = [
            section(`:white_check_mark: ${prefix}*Staging deployment successful.* Review here: ${text_link(url, url)}`, [
                ['Environment', text_escapeText(template_text(values, 'environment') || 'staging')],
                ['Commit', commitLink(context, template_text(values, 'commit') || context.sha)],
                ['Pull request', template_text(values, 'pr') ? text_link(template_text(values, 'pr'), 'open') : ''],
            ]),
        ];
        if (reviewers.length > 0)
            blocks.push(section(`${reviewers.join(' ')}: please review, then approve or request changes.`));
        return {
            text: `${key === '' ? '' : `[${text_escapeText(key)}] `}Staging deployment successful. Review here: ${text_escapeText(url)}`,
            blocks: [...blocks, ...footerBlocks(context)],
        };
    },
};

;// CONCATENATED MODULE: ./packages/slack/src/templates/index.ts
// The registry of message templates, by name.




/** Every template, in the order of the flow. */
const templates_templates = [
    ticketCreated,
    stagingReady,
    promoteStarted,
    canaryStep,
    rolledBack,
    released,
    pipelineFailed,
];
/** The template with this name, or undefined. */
function templates_findTemplate(name) {
    return templates_templates.find((template) => template.name === name);
}

;// CONCATENATED MODULE: ./packages/slack/src/webhook.ts
// Sends a message through an incoming webhook: Slack answers only `ok` or an HTTP error with plain text.


/** Posts `payload` once. Throws SlackApiError for Slack's refusals and TransientError for what may pass. */
async function webhook_postToWebhookOnce(webhookUrl, payload, options = {}) {
    const clock = options.clock ?? systemClock;
    // The label, not the URL: the URL is a secret.
    const response = await httpAttempt({
        method: 'POST',
        url: webhookUrl,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(payload),
        timeoutMs: Math.max(1, options.timeoutMs ?? 10_000),
    }, 'webhook');
    const text = response.body.trim();
    if (response.status === 200)
        return;
    if (response.status === 429) {
        throw new TransientError('the webhook was rate limited by Slack', {
            retryAfterMs: parseRetryAfter(response.headers['retry-after'], clock.now()) ?? 1000,
            hadNoEffect: true,
        });
    }
    if (response.status >= 500)
        throw new TransientError(`the webhook answered HTTP ${response.status}`);
    const code = /^[a-z_]+$/.test(text) ? text : `http_${response.status}`;
    throw new SlackApiError('webhook', code);
}

;// CONCATENATED MODULE: ./packages/slack/src/notify.ts
// Sends one notification: renders it, finds an earlier message with the same key, then updates or posts.







const CHANNEL_ID = /^[CGD][A-Z0-9]{6,}$/;
/**
 * Sends the notification described by `settings`. Slack's refusals and exhausted retries come back as
 * `ok: false` with an explanation (the caller decides whether that fails the step); bugs still throw.
 */
async function notify(settings, deps) {
    const clock = deps.clock ?? systemClock;
    const deadline = clock.now() + settings.timeoutMs;
    const policy = () => ({
        retries: settings.retries,
        budgetMs: Math.max(0, deadline - clock.now()),
    });
    try {
        if (settings.transport.kind === 'webhook') {
            const { url } = settings.transport;
            const message = await buildMessage(settings, deps, new MentionResolver({ people: settings.config.people, policy, log: deps.log }));
            await withRetry(({ remainingMs }) => postToWebhookOnce(url, message, { clock, timeoutMs: Math.min(10_000, remainingMs) }), policy(), { clock, log: deps.log });
            deps.log.info('Posted the message through the incoming webhook.');
            return { ok: true, updated: false };
        }
        const client = new SlackClient({
            token: settings.transport.token,
            apiUrl: settings.transport.apiUrl,
            log: deps.log,
            clock,
        });
        const store = (deps.store ?? ((c, p) => new ChannelHistoryStore(c, p)))(client, policy);
        const mentions = new MentionResolver({ people: settings.config.people, client, policy, log: deps.log });
        const message = await buildMessage(settings, deps, mentions);
        return await sendWithClient(settings, deps, client, store, message, policy, clock);
    }
    catch (error) {
        if (error instanceof SlackApiError)
            return { ok: false, updated: false, error: error.message, errorCode: error.code };
        if (error instanceof RetryExhaustedError)
            return { ok: false, updated: false, error: error.message, errorCode: 'retries_exhausted' };
        throw error;
    }
}
async function sendWithClient(settings, deps, client, store, message, policy, clock) {
    const needsId = settings.updateKey !== undefined || settings.threadKey !== undefined;
    const named = settings.channel ?? '';
    const channel = needsId && !CHANNEL_ID.test(named) ? await channelIdByName(client, named, policy) : named;
    let threadTs = settings.threadTs;
    if (settings.threadKey !== undefined) {
        const parent = await store.find(settings.threadKey, { channel });
        if (parent === undefined) {
            deps.log.warning(`No message with key '${settings.threadKey}' found in the channel's recent history; posting at the top level instead.`);
        }
        threadTs = parent?.ts;
    }
    const key = settings.updateKey;
    const metadata = key === undefined ? undefined : keyMetadata(key, { repository: deps.run.repository });
    let existing;
    let lookedUp = false;
    // One attempt = look up the key (again, after a failure that may have posted), then update or post.
    // Retrying the whole step is what keeps a retried post from duplicating a message that did arrive.
    const sent = await withRetry(async ({ remainingMs }) => {
        if (key !== undefined && !lookedUp) {
            existing = await store.find(key, { channel, threadTs });
            lookedUp = true;
        }
        try {
            if (existing !== undefined) {
                const answer = await client.callOnce('chat.update', { ...updatable(message), channel: existing.channel, ts: existing.ts, metadata }, remainingMs);
                return { channel: String(answer.channel), ts: String(answer.ts), updated: true };
            }
            const answer = await client.callOnce('chat.postMessage', { ...message, channel, thread_ts: threadTs, metadata }, remainingMs);
            return { channel: String(answer.channel), ts: String(answer.ts), updated: false };
        }
        catch (error) {
            // A failure that may have posted the message invalidates the lookup: look again before retrying.
            if (!(error instanceof TransientError && error.hadNoEffect))
                lookedUp = false;
            throw error;
        }
    }, policy(), { clock, log: deps.log });
    deps.log.info(`${sent.updated ? 'Updated' : 'Posted'} message ${sent.ts} in ${sent.channel}.`);
    if (key !== undefined && !sent.updated && store.remember !== undefined) {
        await store.remember(key, { channel: sent.channel, ts: sent.ts, threadTs });
    }
    const permalink = await client
        .call('chat.getPermalink', { channel: sent.channel, message_ts: sent.ts }, policy())
        .then((answer) => String(answer.permalink))
        .catch((error) => {
        deps.log.debug(`No permalink: ${error.message}`);
        return undefined;
    });
    return {
        ok: true,
        ts: sent.ts,
        threadTs: threadTs ?? sent.ts,
        channelId: sent.channel,
        permalink,
        updated: sent.updated,
    };
}
/** Finds a channel's ID from its name (channels:read, groups:read for private channels). */
async function channelIdByName(client, name, policy) {
    const wanted = name.replace(/^#/, '');
    let cursor;
    for (let page = 0; page < 10; page++) {
        const answer = await client.call('conversations.list', { types: 'public_channel,private_channel', exclude_archived: true, limit: 1000, cursor }, policy());
        const channels = (answer.channels ?? []);
        const found = channels.find((channel) => channel.name === wanted);
        if (found)
            return found.id;
        cursor = answer.response_metadata?.next_cursor || undefined;
        if (cursor === undefined)
            break;
    }
    throw new errors_SlackApiError('conversations.list', 'channel_not_found');
}
/** The Slack message to send: a rendered template or the custom payload. */
async function buildMessage(settings, deps, mentions) {
    const source = settings.message;
    if (source.kind === 'payload') {
        const { channel: _ignored, ...payload } = source.payload;
        return payload;
    }
    const people = source.template.fields.flatMap((field) => field.kind === 'person'
        ? [text(source.values, field.name)]
        : field.kind === 'people'
            ? list(source.values, field.name)
            : []);
    const resolved = await mentions.resolveAll([...people, deps.run.actor]);
    const rendered = source.template.render(source.values, { ...deps.run, mentions: resolved });
    return { text: rendered.text, blocks: rendered.blocks, unfurl_links: false, unfurl_media: false };
}
/** The parts of a message chat.update accepts. */
function updatable(message) {
    const { text: body, blocks, attachments } = message;
    return { text: body, blocks, attachments };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
;// CONCATENATED MODULE: ./packages/slack/src/settings.ts
// Reads and checks every slack-notify input before anything is sent: one typed settings object comes out.





/** The inputs of slack-notify, as action.yml declares them. */
const NOTIFY_INPUTS = (/* unused pure expression or super */ null && ([
    'token',
    'webhook',
    'channel',
    'template',
    'values',
    'payload',
    'payload-file',
    'update-key',
    'thread-key',
    'thread-ts',
    'api-url',
    'retries',
    'timeout',
    'fail-on-error',
    'config',
]));
const CHANNEL = /^([CGD][A-Z0-9]{6,}|#?[a-z0-9][a-z0-9._-]{0,79})$/;
const TOKEN = /^xox(?:[bpae]|e\.xox[bp])-[A-Za-z0-9-]+$/;
const TS = /^\d{9,11}\.\d{1,6}$/;
/** Payload fields that are identifiers or URLs, not text Slack renders: inserted values go in unescaped. */
const NOT_RENDERED = new Set([
    'url',
    'image_url',
    'alt_text',
    'value',
    'action_id',
    'block_id',
    'channel',
    'thread_ts',
    'icon_url',
    'event_type',
]);
/** Checks every input; throws InputError for the first problem found. Sends nothing. */
async function readNotifySettings(source) {
    const { input, config } = source;
    const token = input('token');
    const webhook = input('webhook');
    if (token === '' && webhook === '') {
        throw new InputError('token', 'and webhook are both empty', "Set 'token: ${{ secrets.SLACK_BOT_TOKEN }}' (Web API, needed for updates and threads) or 'webhook: ${{ secrets.SLACK_WEBHOOK_URL }}'.");
    }
    if (token !== '' && webhook !== '') {
        throw new InputError('webhook', 'is set together with token', 'Give one of them: token for the Web API or webhook for an incoming webhook.');
    }
    const transport = token !== ''
        ? apiTransport(token, input('api-url') || config.slack['api-url'] || SLACK_API_URL)
        : webhookTransport(webhook);
    const updateKey = optionalKey(input, 'update-key');
    const threadKey = optionalKey(input, 'thread-key');
    const threadTs = input('thread-ts') || undefined;
    if (threadTs !== undefined && !TS.test(threadTs)) {
        throw new InputError('thread-ts', `is not a Slack message timestamp: '${threadTs}'`, "Pass the 'ts' or 'thread-ts' output of an earlier slack-notify step, e.g. 1732752000.000100.");
    }
    if (threadTs !== undefined && threadKey !== undefined) {
        throw new InputError('thread-ts', 'is set together with thread-key', 'Give one: thread-ts for a message of this job, thread-key to find it by key.');
    }
    if (transport.kind === 'webhook') {
        for (const [name, value] of [
            ['update-key', updateKey],
            ['thread-key', threadKey],
            ['thread-ts', threadTs],
            ['channel', input('channel') || undefined],
        ]) {
            if (value !== undefined) {
                throw new InputError(name, 'cannot be used with an incoming webhook', name === 'channel'
                    ? 'A webhook always posts to the channel chosen when it was created: remove channel, or use a bot token.'
                    : 'Webhooks return no message timestamp, so messages cannot be updated or threaded: use a bot token (token:) instead.');
            }
        }
    }
    const message = await readMessage(source, updateKey);
    const payloadChannel = message.kind === 'payload' && typeof message.payload.channel === 'string'
        ? message.payload.channel
        : undefined;
    const channel = transport.kind === 'api'
        ? readChannel(input('channel') || payloadChannel || config.slack.channel)
        : undefined;
    return {
        transport,
        channel,
        message,
        updateKey,
        threadKey,
        threadTs,
        retries: parseIntegerInput('retries', input('retries'), 5, { min: 0, max: 20 }),
        timeoutMs: parseIntegerInput('timeout', input('timeout'), 60, { min: 1, max: 3600 }) * 1000,
        failOnError: parseBooleanInput('fail-on-error', input('fail-on-error'), false),
        config,
    };
}
function apiTransport(token, apiUrl) {
    return { kind: 'api', token: checkSlackToken('token', token), apiUrl: checkSlackApiUrl('api-url', apiUrl) };
}
/** Checks that `token` looks like a Slack token (naming `input` in the error) and returns it. */
function checkSlackToken(input, token) {
    if (/\s/.test(token)) {
        throw new InputError(input, 'contains spaces or line breaks', 'Copy the token again without surrounding text, and store it as a secret.');
    }
    if (!TOKEN.test(token)) {
        throw new InputError(input, "is not a Slack token (they start with 'xoxb-')", 'Use the Bot User OAuth Token from the app’s OAuth & Permissions page.');
    }
    return token;
}
/** Checks a Web API base URL (https, or http on loopback) and returns it ending with '/'. */
function checkSlackApiUrl(input, url) {
    return checkUrl(input, url.endsWith('/') ? url : `${url}/`, 'https://slack.com/api/');
}
function webhookTransport(url) {
    // Never echo the value: a webhook URL is a secret.
    checkUrl('webhook', url, 'https://hooks.slack.com/services/T…/B…/…');
    return { kind: 'webhook', url };
}
function checkUrl(name, url, example) {
    if (!URL.canParse(url))
        throw new InputError(name, 'is not a URL', `Give an absolute URL like ${example}.`);
    const parsed = new URL(url);
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
    if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) {
        throw new InputError(name, 'must use https', `Give an https URL like ${example} (plain http is allowed only for localhost).`);
    }
    return url;
}
function optionalKey(input, name) {
    const key = input(name);
    if (key === '')
        return undefined;
    if (key.length > 200 || /[\r\n]/.test(key)) {
        throw new InputError(name, 'must be one line of at most 200 characters', 'Use a ticket key (JIRA-1234) or a deployment id.');
    }
    return key;
}
function readChannel(channel) {
    if (channel === undefined || channel === '') {
        throw new InputError('channel', 'is required with a bot token', "Set 'channel: C0123456789' (the channel ID) or 'channel: #team', or slack.channel in .github/flowkit.yml.");
    }
    if (!CHANNEL.test(channel)) {
        throw new InputError('channel', `is not a channel ID or name: '${channel}'`, 'Use the channel ID (C0123456789, from the channel’s details) or its name (#devops-team-frontend).');
    }
    return channel;
}
async function readMessage(source, updateKey) {
    const { input, lookup } = source;
    const chosen = ['template', 'payload', 'payload-file'].filter((name) => input(name) !== '');
    if (chosen.length !== 1) {
        throw new InputError(chosen[1] ?? 'template', chosen.length === 0
            ? 'is not set, and neither is payload or payload-file'
            : `is set together with ${chosen[0]}`, `Give exactly one: template (${templates.map((t) => t.name).join(', ')}), payload, or payload-file.`);
    }
    if (chosen[0] === 'template') {
        const template = findTemplate(input('template'));
        if (template === undefined) {
            throw new InputError('template', `names no template: '${input('template')}'`, `Use one of: ${templates.map((t) => t.name).join(', ')}.`);
        }
        const raw = input('values') === '' ? undefined : await parseInput('values', input('values'));
        return {
            kind: 'template',
            template,
            values: checkValues(template, insertValues('values', () => interpolate(raw, lookup).value)),
        };
    }
    if (input('values') !== '') {
        throw new InputError('values', 'only applies to a template', 'With a custom payload, put {{ env.NAME }} placeholders in the payload itself.');
    }
    const name = chosen[0] ?? 'payload';
    const text = name === 'payload' ? input('payload') : await readPayloadFile(input('payload-file'));
    const parsed = await parseInput(name, text);
    if (!isRecord(parsed)) {
        throw new InputError(name, 'must be a JSON or YAML object (a mapping)', 'Give an object like {"text": "…", "blocks": […]}.');
    }
    if (!('text' in parsed) && !('blocks' in parsed) && !('attachments' in parsed)) {
        throw new InputError(name, 'has no text, blocks or attachments', 'Slack needs at least one of them; text also serves as the notification text.');
    }
    if (updateKey !== undefined && 'metadata' in parsed) {
        throw new InputError(name, 'has its own metadata, which update-key needs for itself', 'Remove metadata from the payload, or remove update-key.');
    }
    return { kind: 'payload', payload: insertValues(name, () => escapeInsertedValues(parsed, lookup)) };
}
async function readPayloadFile(path) {
    try {
        return await readFile(path, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new InputError('payload-file', `cannot be read: '${path}' (${code ?? 'error'})`, 'Give a path relative to the repository root, and check out the repository before this step.');
    }
}
async function parseInput(name, text) {
    try {
        return await parseJsonOrYaml(text);
    }
    catch (error) {
        if (!(error instanceof SyntaxProblem))
            throw error;
        throw new InputError(name, `is not valid JSON or YAML (${error.message})`, 'Do not build it with ${{ }} around user text: pass such text through env: and write {{ env.NAME }} where it goes.');
    }
}
function insertValues(name, insert) {
    try {
        return insert();
    }
    catch (error) {
        if (!(error instanceof UnresolvedPlaceholder))
            throw error;
        const variable = error.expression.startsWith('env.') ? error.expression.slice(4) : undefined;
        throw new InputError(name, `uses {{ ${error.expression} }}, which has no value`, variable === undefined
            ? 'Check the name against the github context.'
            : `Set ${variable} in the step's env: (an empty value is fine).`);
    }
}
/**
 * Inserts `{{ }}` values into the parsed payload: escaped wherever Slack renders text, and every mrkdwn
 * text object that received a value is marked verbatim so Slack does not auto-link names or mentions in it.
 */
function escapeInsertedValues(payload, lookup) {
    const { value, inserted } = interpolate(payload, lookup, (text, path) => {
        const key = path[path.length - 1];
        return typeof key === 'string' && NOT_RENDERED.has(key) ? text : escapeText(text);
    });
    const result = value;
    for (const path of inserted) {
        if (path[path.length - 1] !== 'text')
            continue;
        let parent = result;
        for (const part of path.slice(0, -1))
            parent = parent[part];
        if (isRecord(parent) && parent.type === 'mrkdwn')
            parent.verbatim = true;
    }
    return result;
}

;// CONCATENATED MODULE: ./packages/slack/src/store.ts
/** Slack message metadata event type that marks Flowkit's messages. */
const MESSAGE_EVENT_TYPE = 'flowkit_message';
/** The metadata Flowkit attaches to a keyed message. */
function store_keyMetadata(key, extra = {}) {
    return { event_type: MESSAGE_EVENT_TYPE, event_payload: { key, ...extra } };
}
/**
 * Reads the channel's recent history (or a thread's replies) with `include_all_metadata`, newest first,
 * in at most `maxPages` pages of `pageSize`. Needs channels:history (groups:history for private channels).
 */
class store_ChannelHistoryStore {
    #client;
    #policy;
    #pageSize;
    #maxPages;
    constructor(client, policy, options = {}) {
        this.#client = client;
        this.#policy = policy;
        this.#pageSize = options.pageSize ?? 200;
        this.#maxPages = options.maxPages ?? 5;
    }
    async find(key, where) {
        const method = where.threadTs === undefined ? 'conversations.history' : 'conversations.replies';
        let cursor;
        for (let page = 0; page < this.#maxPages; page++) {
            const answer = await this.#client.call(method, {
                channel: where.channel,
                ts: where.threadTs,
                limit: this.#pageSize,
                include_all_metadata: true,
                cursor,
            }, this.#policy());
            const messages = Array.isArray(answer.messages) ? answer.messages : [];
            // Replies come oldest first with the parent on top; a rerun wants the latest match, so scan from the end.
            const ordered = where.threadTs === undefined ? messages : [...messages].reverse();
            const found = ordered.find((message) => message.metadata?.event_type === MESSAGE_EVENT_TYPE &&
                message.metadata.event_payload?.key === key &&
                message.ts !== where.threadTs);
            if (found?.ts)
                return { channel: where.channel, ts: found.ts, threadTs: where.threadTs };
            cursor = answer.response_metadata?.next_cursor || undefined;
            if (cursor === undefined)
                return undefined;
        }
        return undefined;
    }
}

;// CONCATENATED MODULE: ./packages/slack/src/index.ts
// Slack for Flowkit: templates, safe text, the Web API and webhook senders, keyed messages and mentions.










;// CONCATENATED MODULE: ./packages/teams/src/rotation.ts
// Who is on call: a daily or weekly round-robin in the team's time zone, with overrides and skips. Pure.

/** A team's rotation as .github/flowkit.yml writes it (`teams.<name>.rotation`), in this module's terms. */
function toRotation(rotation) {
    return {
        cadence: rotation.cadence,
        start: rotation.start,
        timeZone: rotation['time-zone'],
        handover: rotation.handover,
        members: rotation.members,
        overrides: rotation.overrides,
        unavailable: rotation.unavailable,
    };
}
/** Thrown when nobody can be on call (the rotation has not started, or everyone is away). */
class RotationError extends Error {
    constructor(message) {
        super(message);
        this.name = 'RotationError';
    }
}
/** Who is on call at `at`. Deterministic: the same rotation and instant always give the same answer. */
function onCallAt(rotation, at) {
    if (rotation.members.length === 0)
        throw new RotationError('the rotation has no members');
    const handover = (0,src/* minutesOf */.dp)(rotation.handover ?? '09:00');
    const local = (0,src/* localParts */.IY)(at, rotation.timeZone);
    // Before the handover time a moment still belongs to the previous day's shift.
    const day = local.minutes < handover ? (0,src/* addDays */.fi)(local.date, -1) : local.date;
    const elapsed = (0,src/* daysBetween */.YM)(rotation.start, day);
    if (elapsed < 0)
        throw new RotationError(`the rotation starts on ${rotation.start}, after ${day}`);
    const length = rotation.cadence === 'daily' ? 1 : 7;
    const index = Math.floor(elapsed / length);
    const firstDay = (0,src/* addDays */.fi)(rotation.start, index * length);
    const lastDay = (0,src/* addDays */.fi)(firstDay, length - 1);
    const shift = {
        shiftNumber: index + 1,
        firstDay,
        lastDay,
        start: (0,src/* instantOf */.B9)(firstDay, handover, rotation.timeZone),
        end: (0,src/* instantOf */.B9)((0,src/* addDays */.fi)(firstDay, length), handover, rotation.timeZone),
    };
    const unit = rotation.cadence === 'daily' ? 'day' : 'week';
    const when = `${firstDay === lastDay ? firstDay : `${firstDay} → ${lastDay}`}, ${unit} ${index + 1} of the rotation`;
    const override = (rotation.overrides ?? []).find((entry) => contains(entry, day));
    const scheduled = rotation.members[index % rotation.members.length] ?? '';
    if (override !== undefined) {
        const why = override.reason ? ` (${override.reason})` : '';
        return {
            member: override.member,
            ...shift,
            via: 'override',
            skipped: [],
            explanation: `${override.member} is on call on ${day} instead of ${scheduled}${why}; the shift is ${when}.`,
        };
    }
    const skipped = [];
    for (let step = 0; step < rotation.members.length; step++) {
        const member = rotation.members[(index + step) % rotation.members.length] ?? '';
        const away = (rotation.unavailable ?? []).find((entry) => entry.member === member && contains(entry, day));
        if (away === undefined) {
            const passed = skipped.map((entry) => `${entry.member} (${entry.reason})`).join(', ');
            return {
                member,
                ...shift,
                via: skipped.length === 0 ? 'rotation' : 'skip',
                skipped,
                explanation: `${member} is on call ${when}${skipped.length === 0 ? '' : `; skipped ${passed}`}.`,
            };
        }
        skipped.push({
            member,
            reason: `unavailable ${away.from} → ${away.to}${away.reason ? `: ${away.reason}` : ''}`,
        });
    }
    throw new RotationError(`nobody in the rotation is available on ${day}: ${skipped.map((entry) => entry.member).join(', ')} are all away`);
}
function contains(range, day) {
    return (0,src/* daysBetween */.YM)(range.from, day) >= 0 && (0,src/* daysBetween */.YM)(day, range.to) >= 0;
}

;// CONCATENATED MODULE: ./packages/teams/src/index.ts
// Teams: who owns a ticket (routing rules) and who is on call (rotations).



;// CONCATENATED MODULE: ./packages/canary/src/rollout/plan.ts
// The canary plan: traffic weights, how long the whole rollout should take, and how the guard paces it.

const DEFAULT_PLAN = {
    steps: [1, 5, 10, 50, 100],
    durationSeconds: 3600,
    minStepSeconds: 180,
    earlyAdvance: true,
    watchSeconds: 900,
    intervalSeconds: 15,
};
/** Nominal time of each step below 100%. */
function stepSeconds(plan) {
    return plan.durationSeconds / Math.max(1, plan.steps.length - 1);
}
/** '1,5,10,50,100' or '1 5 10 50 100' (a trailing % is allowed): increasing weights ending at 100. */
function parseSteps(name, text) {
    const parts = text
        .split(/[\s,→>]+/)
        .map((part) => part.replace(/%$/, ''))
        .filter((part) => part !== '');
    const weights = parts.map(Number);
    const fix = `Write increasing percentages ending at 100, e.g. '${name}: 1,5,10,50,100'.`;
    if (parts.length === 0 || weights.some((weight, i) => !/^\d+(\.\d+)?$/.test(parts[i] ?? '') || weight <= 0))
        throw new InputError(name, `is not a list of weights: '${text.slice(0, 60)}'`, fix);
    if (weights.some((weight, i) => i > 0 && weight <= weights[i - 1]))
        throw new InputError(name, `must increase step by step: '${text.slice(0, 60)}'`, fix);
    if (weights.at(-1) !== 100)
        throw new InputError(name, `must end at 100: '${text.slice(0, 60)}'`, fix);
    if (weights.length > 20)
        throw new InputError(name, `has ${weights.length} steps; at most 20`, fix);
    return weights;
}
const UNIT_SECONDS = { s: 1, m: 60, h: 3600 };
/** '90s', '15m', '1h', '1h30m'; a bare number is minutes. Returns seconds within [min, max]. */
function parseDuration(name, text, range) {
    const trimmed = text.trim();
    let seconds;
    if (/^\d+(\.\d+)?$/.test(trimmed))
        seconds = Number(trimmed) * 60;
    else if (/^(\d+(\.\d+)?[hms])+$/.test(trimmed)) {
        seconds = 0;
        for (const [, amount, unit] of trimmed.matchAll(/(\d+(?:\.\d+)?)([hms])/g))
            seconds += Number(amount) * UNIT_SECONDS[unit];
    }
    if (seconds === undefined || seconds < range.min || seconds > range.max)
        throw new InputError(name, `must be a duration from ${plan_formatDuration(range.min)} to ${plan_formatDuration(range.max)}, not '${text.slice(0, 40)}'`, `Write for example '${name}: 15m' (s, m or h; a bare number is minutes).`);
    return Math.round(seconds);
}
/** 3600 → '60m', 90 → '1m30s', 45 → '45s'. */
function plan_formatDuration(seconds) {
    const whole = Math.round(seconds);
    if (whole < 60)
        return `${whole}s`;
    const minutes = Math.floor(whole / 60);
    const rest = whole % 60;
    return rest === 0 ? `${minutes}m` : `${minutes}m${rest}s`;
}
/** Reads a plan from inputs over `base` (the config's plan or the default), checking that the parts fit together. */
function readPlan(inputs, base = DEFAULT_PLAN) {
    const plan = { ...base, steps: [...base.steps] };
    if (inputs.steps !== '')
        plan.steps = parseSteps('steps', inputs.steps);
    if (inputs.duration !== '')
        plan.durationSeconds = parseDuration('duration', inputs.duration, { min: 10, max: 7 * 86400 });
    if (inputs['min-step'] !== '')
        plan.minStepSeconds = parseDuration('min-step', inputs['min-step'], { min: 1, max: 86400 });
    if (inputs['early-advance'] !== '') {
        const value = inputs['early-advance'];
        if (!['true', 'false'].includes(value))
            throw new InputError('early-advance', `must be true or false, not '${value}'`, "Write 'early-advance: false' to hold every step for its full time.");
        plan.earlyAdvance = value === 'true';
    }
    if (inputs.watch !== '')
        plan.watchSeconds = parseDuration('watch', inputs.watch, { min: 0, max: 86400 });
    if (inputs.interval !== '')
        plan.intervalSeconds = parseDuration('interval', inputs.interval, { min: 1, max: 3600 });
    const step = stepSeconds(plan);
    if (plan.intervalSeconds > step)
        throw new InputError('interval', `(${plan_formatDuration(plan.intervalSeconds)}) is longer than a step (${plan_formatDuration(step)})`, 'Read the metrics at least once per step: shorten the interval or lengthen the duration.');
    if (plan.minStepSeconds > step)
        plan.minStepSeconds = step;
    return plan;
}
/** `1% → 5% → 10% → 50% → 100% over 60m (steps of 15m, at least 3m each, early advance on)` */
function describePlan(plan) {
    return `${plan.steps.map((w) => `${w}%`).join(' → ')} over ${plan_formatDuration(plan.durationSeconds)} (steps of ${plan_formatDuration(stepSeconds(plan))}, at least ${plan_formatDuration(plan.minStepSeconds)} each, early advance ${plan.earlyAdvance ? 'on' : 'off'}; watch ${plan_formatDuration(plan.watchSeconds)} after 100%)`;
}

;// CONCATENATED MODULE: ./packages/canary/src/rollout/record.ts
// A rollout's state, written to GitHub deployment statuses after every step so a rerun resumes and a crashed run
// is rolled back. Descriptions are limited to 140 characters, so each status carries one fact in a fixed form that
// reads well in GitHub's deployment log and parses back exactly.

/** GitHub's limit on a deployment status description. */
const DESCRIPTION_LIMIT = 140;
const MARK = '[flowkit]';
function iso(ms) {
    return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
/** `Canary plan 1,5,10,50,100% in 60m min 3m early watch 15m every 30s from 2026-11-28T02:10:00Z [flowkit]` */
function planDescription(plan, startedAt) {
    const text = `Canary plan ${plan.steps.join(',')}% in ${formatDuration(plan.durationSeconds)} min ${formatDuration(plan.minStepSeconds)} ${plan.earlyAdvance ? 'early' : 'full'} watch ${formatDuration(plan.watchSeconds)} every ${formatDuration(plan.intervalSeconds)} from ${iso(startedAt)} ${MARK}`;
    if (text.length > DESCRIPTION_LIMIT)
        throw new RangeError(`the plan does not fit a deployment status (${text.length} > 140 characters)`);
    return text;
}
/** `Canary at 5% (step 2 of 5) since 2026-11-28T02:25:00Z [flowkit]` */
function stepDescription(step, of) {
    return `Canary at ${step.weight}% (step ${step.index + 1} of ${of}) since ${iso(step.since)} ${MARK}`;
}
/** `Released: 100% since 2026-11-28T03:02:00Z [flowkit]` */
function promotedDescription(at) {
    return `Released: 100% since ${iso(at)} ${MARK}`;
}
/** `Rolled back from 5%: <reason> [flowkit]`, the reason cut to fit. */
function rolledBackDescription(weight, reason) {
    const head = `Rolled back from ${weight}%: `;
    const room = DESCRIPTION_LIMIT - head.length - MARK.length - 1;
    const cut = reason.length > room ? `${reason.slice(0, room - 1)}…` : reason;
    return `${head}${cut} ${MARK}`;
}
const DURATION = '(\\d+h)?(\\d+m)?(\\d+s)?';
const PLAN = new RegExp(`^Canary plan ([\\d.,]+)% in ${DURATION} min ${DURATION} (early|full) watch ${DURATION} every ${DURATION} from (\\S+) \\[flowkit\\]$`);
const ROLLED_BACK = /^Rolled back from ([\d.]+)%: (.*) \[flowkit\]$/s;
const STEP = /^Canary at ([\d.]+)% \(step (\d+) of (\d+)\) since (\S+) \[flowkit\]$/;
function seconds(h, m, s) {
    return (Number.parseInt(h ?? '0', 10) * 3600 + Number.parseInt(m ?? '0', 10) * 60 + Number.parseInt(s ?? '0', 10));
}
/**
 * Reads a rollout back from its deployment's status descriptions (any order; GitHub lists newest first), or
 * undefined when no Flowkit plan is among them.
 */
function readRolloutRecord(statuses) {
    // Timestamps have whole seconds, so ids (increasing) order statuses made within one second.
    const oldestFirst = [...statuses].sort((a, b) => (a.created_at ?? '').localeCompare(b.created_at ?? '') || Number(a.id ?? 0) - Number(b.id ?? 0));
    let record;
    for (const status of oldestFirst) {
        const text = status.description ?? '';
        const plan = PLAN.exec(text);
        if (plan) {
            const [, steps, dh, dm, ds, mh, mm, ms, mode, wh, wm, wsec, ih, im, isec, from] = plan;
            record = {
                plan: {
                    steps: steps.split(',').map(Number),
                    durationSeconds: seconds(dh, dm, ds),
                    minStepSeconds: seconds(mh, mm, ms),
                    earlyAdvance: mode === 'early',
                    watchSeconds: seconds(wh, wm, wsec),
                    intervalSeconds: seconds(ih, im, isec),
                },
                startedAt: Date.parse(from),
                steps: [],
            };
            continue;
        }
        if (record === undefined)
            continue;
        const step = STEP.exec(text);
        if (step) {
            record.steps.push({
                index: Number(step[2]) - 1,
                weight: Number(step[1]),
                since: Date.parse(step[4]),
            });
        }
        else if (text.startsWith('Released: ') && text.endsWith(MARK))
            record.outcome = 'promoted';
        else if (text.startsWith('Rolled back from ') && text.endsWith(MARK)) {
            record.outcome = 'rolled-back';
            const rolled = ROLLED_BACK.exec(text);
            if (rolled)
                record.rolledBack = { from: Number(rolled[1]), reason: rolled[2] };
        }
    }
    return record;
}

;// CONCATENATED MODULE: ./packages/digest/src/gather.ts
// What the digest reports, read in a fixed number of requests: one JQL search (per 100 tickets), one GraphQL query.


const TICKET_FIELDS = ['summary', 'status', 'assignee'];
/**
 * The tickets `jql` selects, one request per 100 (Jira's largest page; Cloud and Server/Data Center alike).
 * `site` is the Jira base URL for links.
 */
async function readTickets(transport, deployment, site, jql, maxTickets = 500) {
    const raw = await (0,jira_src/* searchJql */.k3)(transport, deployment, {
        jql,
        fields: TICKET_FIELDS,
        maxIssues: maxTickets,
    });
    return raw.map((issue) => {
        const fields = issue.fields ?? {};
        const assignee = fields.assignee ?? undefined;
        return {
            key: issue.key ?? '',
            summary: String(fields.summary ?? ''),
            url: `${site.replace(/\/$/, '')}/browse/${issue.key ?? ''}`,
            status: fields.status?.name ?? '',
            assignee: assignee === undefined || assignee === null
                ? undefined
                : {
                    name: assignee.displayName ?? assignee.accountId ?? assignee.name ?? '',
                    ...(assignee.emailAddress ? { email: assignee.emailAddress } : {}),
                },
        };
    });
}
/**
 * The digest's one GitHub query: open pull requests with their review requests and reviews, and the newest
 * deployments of every environment with their statuses. 100 pull requests and 100 deployments × 20 statuses cost
 * 2 points of GitHub's GraphQL rate limit.
 */
const STANDUP_DIGEST_QUERY = `query FlowkitStandupDigest($owner: String!, $name: String!, $pulls: Int!, $deployments: Int!, $statuses: Int!) {
  rateLimit { cost remaining resetAt }
  repository(owner: $owner, name: $name) {
    pullRequests(states: [OPEN], first: $pulls, orderBy: {field: CREATED_AT, direction: ASC}) {
      totalCount
      nodes {
        number
        title
        url
        createdAt
        isDraft
        author { login }
        reviewRequests(first: 10) { nodes { requestedReviewer { ... on User { login } ... on Team { name } } } }
        reviews(first: 1) { totalCount }
      }
    }
    deployments(first: $deployments, orderBy: {field: CREATED_AT, direction: DESC}) {
      nodes {
        databaseId
        commitOid
        createdAt
        environment
        statuses(first: $statuses) { nodes { state createdAt description environmentUrl } }
      }
    }
  }
}`;
/**
 * Reads the repository's state in one GraphQL query. `rollbacksSince` (epoch ms) is the previous digest's time:
 * rollbacks before it were reported then.
 */
async function readRepoDigest(github, repo, environments, rollbacksSince) {
    const answer = await github.graphql(STANDUP_DIGEST_QUERY, {
        owner: repo.owner,
        name: repo.repo,
        pulls: 100,
        deployments: 100,
        statuses: 20,
    });
    if (answer.repository === null)
        throw new Error(`GitHub found no repository ${repo.owner}/${repo.repo}`);
    const { pullRequests, deployments } = answer.repository;
    const openPulls = pullRequests.nodes.filter((node) => node !== null);
    const pulls = openPulls
        .filter((pull) => !pull.isDraft && (pull.reviews?.totalCount ?? 0) === 0)
        .map((pull) => ({
        number: pull.number,
        title: pull.title,
        url: pull.url,
        author: pull.author?.login ?? 'ghost',
        createdAt: Date.parse(pull.createdAt),
        reviewers: (pull.reviewRequests?.nodes ?? []).flatMap((request) => {
            const who = request?.requestedReviewer;
            const name = who?.login ?? who?.name;
            return name === undefined ? [] : [name];
        }),
    }));
    return {
        pulls,
        morePulls: Math.max(0, pullRequests.totalCount - openPulls.length),
        ...readDeployments(deployments.nodes.filter((node) => node !== null), environments, rollbacksSince),
    };
}
/** The deployment part of the digest, from deployments newest first. Pure. */
function readDeployments(nodes, environments, rollbacksSince) {
    const newest = new Map();
    for (const node of nodes) {
        const environment = node.environment ?? '';
        if (!newest.has(environment))
            newest.set(environment, node);
    }
    const production = nodes.filter((node) => node.environment === environments.production);
    const releasedShas = new Set(production.map((node) => node.commitOid));
    const awaitingApproval = [];
    for (const [environment, node] of newest) {
        const statuses = newestFirst(node);
        const latest = statuses[0];
        if (latest === undefined)
            continue;
        const url = statuses.find((status) => status.environmentUrl)?.environmentUrl ?? undefined;
        if (latest.state.toLowerCase() === 'waiting') {
            awaitingApproval.push({
                environment,
                sha: node.commitOid,
                url,
                since: Date.parse(latest.createdAt),
                kind: 'reviewers',
            });
        }
        else if (environment.startsWith(environments.stagingPrefix) &&
            latest.state.toLowerCase() === 'success' &&
            !releasedShas.has(node.commitOid)) {
            awaitingApproval.push({
                environment,
                sha: node.commitOid,
                url,
                since: Date.parse(latest.createdAt),
                kind: 'review',
            });
        }
    }
    const canaries = [];
    const rollbacks = [];
    for (const node of production) {
        const statuses = newestFirst(node);
        const record = readRolloutRecord(statuses.map((status) => ({ description: status.description, created_at: status.createdAt })));
        if (record === undefined)
            continue;
        if (record.outcome === 'rolled-back') {
            const status = statuses.find((entry) => (entry.description ?? '').startsWith('Rolled back from '));
            const at = Date.parse(status?.createdAt ?? node.createdAt);
            if (at >= rollbacksSince) {
                rollbacks.push({
                    sha: node.commitOid,
                    at,
                    reason: (status?.description ?? '').replace(/ \[flowkit\]$/, ''),
                });
            }
        }
        else if (record.outcome === undefined &&
            ['in_progress', 'queued', 'pending'].includes(stateOf(statuses[0]))) {
            const step = record.steps.at(-1);
            canaries.push({
                sha: node.commitOid,
                weight: step?.weight,
                step: step === undefined
                    ? 'starting'
                    : `${step.weight}% (step ${step.index + 1} of ${record.plan.steps.length})`,
                since: step?.since ?? record.startedAt,
            });
        }
    }
    return { awaitingApproval, canaries, rollbacks };
}
function newestFirst(node) {
    // The connection lists statuses oldest first; equal seconds keep that order reversed.
    return (node.statuses?.nodes ?? [])
        .filter((status) => status !== null)
        .reverse()
        .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}
function stateOf(status) {
    return (status?.state ?? '').toLowerCase();
}

;// CONCATENATED MODULE: ./packages/digest/src/render.ts
// The digest as a Slack message: Block Kit sections in mrkdwn, every piece of user text escaped. Pure.


/** Tickets listed per person before "and N more". */
const TICKETS_PER_PERSON = 8;
/** Lines listed per section before "and N more" (a section holds 3,000 characters). */
const LINES_PER_SECTION = 15;
/** The people the digest mentions, to resolve before rendering. */
function peopleIn(tickets, repo, onCall) {
    return [
        ...tickets.flatMap((ticket) => (ticket.assignee ? [personKey(ticket.assignee)] : [])),
        ...repo.pulls.map((pull) => pull.author),
        ...(onCall === undefined ? [] : [onCall]),
    ];
}
/** Renders the digest. */
function renderDigest(content) {
    const who = (person) => content.mentions.get(person) ?? text_escapeText(person);
    const when = (ms) => localTime(ms, content.timeZone, content.now);
    const waitLimit = content.reviewWaitHours * 3_600_000;
    const waiting = content.repo.pulls
        .filter((pull) => content.now - pull.createdAt > waitLimit)
        .sort((a, b) => a.createdAt - b.createdAt);
    const blocks = [header(`Stand-up digest: ${content.team}, ${content.date}`)];
    // In progress, by person.
    const byPerson = new Map();
    for (const ticket of content.tickets) {
        const key = ticket.assignee === undefined ? '' : personKey(ticket.assignee);
        byPerson.set(key, [...(byPerson.get(key) ?? []), ticket]);
    }
    const people = [...byPerson.entries()].sort(([a], [b]) => a === '' ? 1 : b === '' ? -1 : a.localeCompare(b));
    const personLines = people.map(([person, tickets]) => {
        const name = person === '' ? '_Unassigned_' : who(person);
        const shown = tickets
            .slice(0, TICKETS_PER_PERSON)
            .map((ticket) => `${text_link(ticket.url, ticket.key)} ${text_escapeText(ticket.summary)}`);
        const more = tickets.length > TICKETS_PER_PERSON ? `, and ${tickets.length - TICKETS_PER_PERSON} more` : '';
        return `• ${name} (${tickets.length}): ${shown.join('; ')}${more}`;
    });
    blocks.push(...listSections(`*In progress* (${content.tickets.length})`, personLines, 'Nothing in progress.'));
    blocks.push(...listSections(`*Waiting for review for more than ${content.reviewWaitHours} h* (${waiting.length})`, waiting.map((pull) => {
        const reviewers = pull.reviewers.length === 0
            ? 'no reviewer requested'
            : `reviewers: ${pull.reviewers.map((name) => text_escapeText(name)).join(', ')}`;
        return `• ${text_link(pull.url, `#${pull.number} ${pull.title}`)} by ${who(pull.author)}, ${hours(content.now - pull.createdAt)} (${reviewers})`;
    }), 'No pull request waits that long.', content.repo.morePulls > 0
        ? `More than 100 pull requests are open; ${content.repo.morePulls} were not read.`
        : undefined));
    blocks.push(...listSections(`*Waiting for approval* (${content.repo.awaitingApproval.length})`, content.repo.awaitingApproval.map((entry) => {
        const what = entry.kind === 'reviewers' ? 'waits for its required reviewers' : 'ready for review';
        return `• ${text_link(entry.url, entry.environment)} \`${entry.sha.slice(0, 7)}\` ${what} since ${when(entry.since)} (${hours(content.now - entry.since)})`;
    }), 'Nothing waits for approval.'));
    blocks.push(...listSections(`*Canary in progress* (${content.repo.canaries.length})`, content.repo.canaries.map((canary) => `• \`${canary.sha.slice(0, 7)}\` at ${text_escapeText(canary.step)} since ${when(canary.since)}`), 'No canary running.'));
    blocks.push(...listSections(`*Rollbacks since the last digest* (${content.repo.rollbacks.length})`, content.repo.rollbacks.map((rollback) => `• \`${rollback.sha.slice(0, 7)}\` at ${when(rollback.at)}: ${text_escapeText(rollback.reason)}`), 'No rollbacks.'));
    const onCall = content.onCall === undefined
        ? 'no rotation configured'
        : 'member' in content.onCall
            ? who(content.onCall.member)
            : text_escapeText(content.onCall.problem);
    blocks.push(section(`*On call*: ${onCall}`));
    blocks.push(text_context([`${text_escapeText(content.repository)} · ${content.date} (${text_escapeText(content.timeZone)})`]));
    const text = text_escapeText(`Stand-up digest for ${content.team}, ${content.date}: ${content.tickets.length} in progress, ${waiting.length} pull request(s) waiting for review, ${content.repo.awaitingApproval.length} waiting for approval, ${content.repo.canaries.length} canary, ${content.repo.rollbacks.length} rollback(s).`);
    return { text, blocks };
}
/** How a ticket's assignee is looked up: by email where Jira shows it, else by name. */
function personKey(assignee) {
    return assignee.email ?? assignee.name;
}
/** A titled list as sections of at most LINES_PER_SECTION lines. */
function listSections(title, lines, empty, note) {
    if (lines.length === 0)
        return [section(`${title}\n${empty}${note ? `\n${note}` : ''}`)];
    const blocks = [];
    const shown = lines.slice(0, LINES_PER_SECTION * 3);
    for (let start = 0; start < shown.length; start += LINES_PER_SECTION) {
        const part = shown.slice(start, start + LINES_PER_SECTION).join('\n');
        blocks.push(section(start === 0 ? `${title}\n${part}` : part));
    }
    const rest = lines.length - shown.length;
    if (rest > 0 || note) {
        blocks.push(text_context([[rest > 0 ? `and ${rest} more` : '', note ?? ''].filter(Boolean).join('; ')]));
    }
    return blocks;
}
/** 'HH:MM' in the team's zone, with the date when it is not the day of `now`. */
function localTime(ms, timeZone, now) {
    const at = (0,src/* localParts */.IY)(new Date(ms), timeZone);
    const time = (0,src/* clockTime */.qo)(at.minutes);
    return at.date === (0,src/* localParts */.IY)(new Date(now), timeZone).date ? time : `${at.date} ${time}`;
}
function hours(ms) {
    const total = Math.max(0, Math.floor(ms / 3_600_000));
    return total >= 48 ? `${Math.floor(total / 24)} d ${total % 24} h` : `${total} h`;
}

;// CONCATENATED MODULE: ./packages/digest/src/schedule.ts
// When a team's stand-up digest is due: its stand-up time in its own time zone, weekdays only, not on holidays. Pure.

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/**
 * Decides whether the digest is posted at `now`. Local dates and times come from the time zone's rules at that
 * instant, so daylight saving changes move the UTC moment of the stand-up and nothing else.
 */
function decidePost(now, schedule, alreadyPosted = false) {
    const { date, minutes } = (0,src/* localParts */.IY)(now, schedule.timeZone);
    const weekday = WEEKDAYS[weekdayOf(date)] ?? '';
    const local = `${date} ${(0,src/* clockTime */.qo)(minutes)} ${schedule.timeZone}`;
    if (isWeekend(date))
        return { post: false, date, why: 'weekend', reason: `It is ${weekday} (${local}): no stand-up.` };
    if (schedule.holidays.includes(date))
        return { post: false, date, why: 'holiday', reason: `${date} is a holiday (${local}): no stand-up.` };
    const start = (0,src/* minutesOf */.dp)(schedule.time);
    if (minutes < start) {
        return {
            post: false,
            date,
            why: 'too-early',
            reason: `It is ${local}; the stand-up is at ${schedule.time}.`,
        };
    }
    if (minutes >= start + schedule.windowMinutes) {
        return {
            post: false,
            date,
            why: 'too-late',
            reason: `It is ${local}, more than ${schedule.windowMinutes} minutes after the ${schedule.time} stand-up; the next digest is due on the next working day.`,
        };
    }
    if (alreadyPosted)
        return {
            post: false,
            date,
            why: 'already-posted',
            reason: `Today's digest (${date}) is already posted.`,
        };
    return { post: true, date, reason: `It is ${local}: stand-up time (${schedule.time}).` };
}
/** When the previous working day's digest was due: rollbacks since then go into today's. */
function previousDigestAt(date, schedule) {
    return (0,src/* instantOf */.B9)(previousWorkingDay(date, schedule.holidays), (0,src/* minutesOf */.dp)(schedule.time), schedule.timeZone);
}
/** The working day before `date` (weekends and holidays skipped), whose digest the rollbacks are counted from. */
function previousWorkingDay(date, holidays) {
    let day = (0,src/* addDays */.fi)(date, -1);
    for (let step = 0; step < 31; step++) {
        if (!isWeekend(day) && !holidays.includes(day))
            return day;
        day = (0,src/* addDays */.fi)(day, -1);
    }
    return day;
}
/** 0 Sunday … 6 Saturday. */
function weekdayOf(date) {
    return new Date(`${date}T00:00:00Z`).getUTCDay();
}
function isWeekend(date) {
    const weekday = weekdayOf(date);
    return weekday === 0 || weekday === 6;
}

;// CONCATENATED MODULE: ./packages/digest/src/digest.ts
// Runs the stand-up digest for each team: decide, look for today's digest, gather, render, post once.








function countCalls({ slack, jira, github }) {
    return {
        jira: jira.requestCount,
        github: github.requestCount,
        slack: slack.requestCount,
        total: jira.requestCount + github.requestCount + slack.requestCount,
    };
}
/** The message key of a team's digest of one day: a rerun finds it in the channel and posts nothing. */
function digestKey(team, date) {
    return `standup-digest/${team}/${date}`;
}
/** Runs the digest of every team in `settings`. */
async function runStandupDigest(settings, deps) {
    const clock = deps.clock ?? src/* systemClock */.ml;
    const deadline = clock.now() + settings.timeoutMs;
    const policy = () => ({
        retries: settings.retries,
        budgetMs: Math.max(0, deadline - clock.now()),
    });
    const results = [];
    for (const team of settings.teams) {
        const { log } = deps;
        const clients = {
            slack: new client_SlackClient({
                token: settings.slackToken,
                apiUrl: settings.slackApiUrl,
                log,
                clock,
            }),
            jira: new jira_src/* JiraTransport */.s({ ...settings.jira, policy, log, clock }),
            github: new GitHubClient({
                token: settings.githubToken,
                apiUrl: deps.githubApiUrl,
                policy,
                log,
                clock,
            }),
        };
        try {
            results.push(await runTeam(team, settings, deps, policy, clock, clients));
        }
        catch (error) {
            // One team's failure (its channel, a refused token) is reported and does not keep the others from posting.
            if (!(error instanceof Error) || error instanceof TypeError || error instanceof RangeError)
                throw error;
            const decision = decidePost(settings.now, team.schedule);
            results.push({
                team: team.name,
                decision,
                error: error.message,
                calls: countCalls(clients),
            });
        }
    }
    return results;
}
async function runTeam(team, settings, deps, policy, clock, clients) {
    const { log } = deps;
    const { slack, jira, github } = clients;
    const calls = () => countCalls(clients);
    let decision = decidePost(settings.now, team.schedule);
    if (settings.force && ['too-early', 'too-late'].includes(decision.post ? '' : decision.why)) {
        decision = {
            post: true,
            date: decision.date,
            reason: 'A manual run (force) posts outside the stand-up time.',
        };
    }
    if (!decision.post) {
        log.info(`${team.name}: ${decision.reason}`);
        return { team: team.name, decision, calls: calls() };
    }
    const channel = /^[CGD][A-Z0-9]{6,}$/.test(team.channel)
        ? team.channel
        : await channelIdByName(slack, team.channel, policy);
    const key = digestKey(team.name, decision.date);
    const store = new store_ChannelHistoryStore(slack, policy, { pageSize: 100, maxPages: 2 });
    if ((await store.find(key, { channel })) !== undefined) {
        decision = decidePost(settings.now, team.schedule, true);
        if (decision.post)
            throw new Error('unreachable: an already posted digest must be skipped');
        log.info(`${team.name}: ${decision.reason}`);
        return { team: team.name, decision, calls: calls() };
    }
    const lastDigest = previousDigestAt(decision.date, team.schedule).getTime();
    const [tickets, repo] = await Promise.all([
        readTickets(jira, settings.jira.deployment, settings.jira.site, team.jql),
        readRepoDigest(github, deps.repo, { production: settings.production, stagingPrefix: settings.stagingPrefix }, lastDigest),
    ]);
    let onCall;
    if (team.rotation !== undefined) {
        try {
            onCall = { member: onCallAt(team.rotation, settings.now).member };
        }
        catch (error) {
            if (!(error instanceof RotationError))
                throw error;
            onCall = { problem: `nobody (${error.message})` };
        }
    }
    const mentions = await new mentions_MentionResolver({
        people: settings.people,
        client: slack,
        policy,
        log,
    }).resolveAll(peopleIn(tickets, repo, onCall !== undefined && 'member' in onCall ? onCall.member : undefined));
    const message = renderDigest({
        team: team.name,
        date: decision.date,
        timeZone: team.schedule.timeZone,
        now: settings.now.getTime(),
        tickets,
        repo,
        reviewWaitHours: team.reviewWaitHours,
        onCall,
        mentions,
        repository: `${deps.repo.owner}/${deps.repo.repo}`,
    });
    if (settings.dryRun) {
        log.info(`${team.name}: dry run, the digest was not posted.`);
        return { team: team.name, decision, message, calls: calls() };
    }
    const posted = await postOnce(slack, store, channel, key, message, policy, clock, log);
    log.info(`${team.name}: posted the digest (${posted.ts}) in ${posted.channel}.`);
    return { team: team.name, decision, message, posted, calls: calls() };
}
/**
 * Posts the digest with its key. A failure that may have posted it makes the next attempt look in the channel
 * first, so a retry never posts a second digest.
 */
async function postOnce(slack, store, channel, key, message, policy, clock, log) {
    let lookAgain = false;
    return (0,src/* withRetry */.bD)(async ({ remainingMs }) => {
        if (lookAgain) {
            const found = await store.find(key, { channel });
            if (found !== undefined)
                return { channel: found.channel, ts: found.ts };
            lookAgain = false;
        }
        try {
            const answer = await slack.callOnce('chat.postMessage', {
                channel,
                text: message.text,
                blocks: message.blocks,
                unfurl_links: false,
                unfurl_media: false,
                metadata: store_keyMetadata(key),
            }, remainingMs);
            return { channel: String(answer.channel), ts: String(answer.ts) };
        }
        catch (error) {
            if (!(error instanceof src/* TransientError */.N_ && error.hadNoEffect))
                lookAgain = true;
            throw error;
        }
    }, policy(), { clock, log });
}

;// CONCATENATED MODULE: ./packages/digest/src/settings.ts
// Reads the digest's inputs and the config into one checked settings object, before anything is sent.



/** The inputs the digest reads. */
const DIGEST_INPUTS = [
    'team',
    'config',
    'slack-token',
    'github-token',
    'now',
    'force',
    'dry-run',
    'production-environment',
    'staging-prefix',
    'window-minutes',
    'retries',
    'timeout',
    ...jira_src/* JIRA_CONNECTION_INPUTS */.o2,
];
/** Reads and checks the inputs; every problem is an InputError naming the input and the fix. */
function readDigestSettings(input, config, systemNow) {
    const configured = Object.entries(config.teams).filter(([, team]) => team.standup !== undefined);
    const wanted = input('team')
        .split(/[\s,]+/)
        .filter((name) => name !== '');
    for (const name of wanted) {
        const team = config.teams[name];
        const known = configured.map(([key]) => key).join(', ') || 'none';
        if (team === undefined)
            throw new src/* InputError */.dz('team', `names team '${name}', which is not under teams: in the config`, `Use one of the teams with a stand-up (${known}) or add it to .github/flowkit.yml.`);
        if (team.standup === undefined)
            throw new src/* InputError */.dz('team', `names team '${name}', which has no stand-up`, `Add teams.${name}.standup: { time: "09:30", time-zone: "Europe/Berlin" } to .github/flowkit.yml.`);
    }
    const chosen = wanted.length > 0 ? configured.filter(([name]) => wanted.includes(name)) : configured;
    if (chosen.length === 0)
        throw new src/* InputError */.dz('team', 'finds no team with a stand-up in the config', 'Give a team teams.<name>.standup: { time: "09:30", time-zone: "Europe/Berlin" } in .github/flowkit.yml.');
    const windowMinutes = (0,src/* parseIntegerInput */._p)('window-minutes', input('window-minutes'), 120, {
        min: 15,
        max: 720,
    });
    const inProgress = config.jira.statuses?.['in-progress'] ?? 'In Progress';
    const teams = chosen.map(([name, team]) => {
        const channel = team['slack-channel'] ?? config.slack.channel;
        if (channel === undefined)
            throw new src/* InputError */.dz('team', `names team '${name}', which has no Slack channel`, `Set teams.${name}.slack-channel (or slack.channel) in .github/flowkit.yml.`);
        const standup = team.standup;
        const restriction = team.digest?.jql ?? `labels = ${(0,jira_src/* jqlString */.VU)(`team-${name}`)}`;
        return {
            name,
            channel,
            schedule: {
                time: standup.time,
                timeZone: standup['time-zone'],
                holidays: team.holidays ?? [],
                windowMinutes,
            },
            reviewWaitHours: team.digest?.['review-wait-hours'] ?? 24,
            jql: `(${restriction}) AND status = ${(0,jira_src/* jqlString */.VU)(inProgress)}`,
            rotation: team.rotation === undefined ? undefined : toRotation(team.rotation),
        };
    });
    const slackToken = input('slack-token');
    if (slackToken === '')
        throw new src/* InputError */.dz('slack-token', 'is required', "Give a bot token (xoxb-…) with chat:write, channels:history, channels:read and users:read.email as 'slack-token'.");
    const githubToken = input('github-token');
    if (githubToken === '')
        throw new src/* InputError */.dz('github-token', 'is empty', 'Leave the default (${{ github.token }}) or give a token with pull-requests: read and deployments: read.');
    const nowText = input('now');
    const now = nowText === '' ? systemNow : new Date(nowText);
    if (nowText !== '' && (!/^\d{4}-\d{2}-\d{2}T/.test(nowText) || Number.isNaN(now.getTime())))
        throw new src/* InputError */.dz('now', `is not an ISO 8601 instant: '${nowText}'`, 'Give a moment like 2026-11-30T08:30:00Z, or leave it empty (it exists for tests and backfills).');
    return {
        teams,
        slackToken,
        slackApiUrl: config.slack['api-url'],
        jira: (0,jira_src/* readJiraConnection */.d2)(input, config),
        githubToken,
        production: input('production-environment') || 'production',
        stagingPrefix: input('staging-prefix') || 'staging',
        now,
        force: (0,src/* parseBooleanInput */.zL)('force', input('force'), false),
        dryRun: (0,src/* parseBooleanInput */.zL)('dry-run', input('dry-run'), false),
        people: config.people,
        retries: (0,src/* parseIntegerInput */._p)('retries', input('retries'), 4, { min: 0, max: 20 }),
        timeoutMs: (0,src/* parseIntegerInput */._p)('timeout', input('timeout'), 120, { min: 5, max: 3600 }) * 1000,
    };
}

;// CONCATENATED MODULE: ./packages/digest/src/index.ts
// The stand-up digest: when to post (pure), what to gather in few requests, how it reads in Slack, posting once.







/***/ }),

/***/ 2796:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  o2: () => (/* reexport */ JIRA_CONNECTION_INPUTS),
  s: () => (/* reexport */ transport_JiraTransport),
  et: () => (/* reexport */ jiraSecrets),
  VU: () => (/* reexport */ jqlString),
  d2: () => (/* reexport */ connection_readJiraConnection),
  k3: () => (/* reexport */ search_searchJql)
});

// UNUSED EXPORTS: DEFAULT_STAGES, JQL_PAGE, JiraApi, JiraError, TRANSITION_INPUTS, addCommentOnce, bodyText, checkApprovals, configuredRoute, connectJira, decideApproval, findIssueKeys, isIssueKey, plainText, readTransitionSettings, sameStatus, shortestRoute, toAdf, toWiki, transitionIssues

// EXTERNAL MODULE: ./packages/core/src/index.ts + 13 modules
var src = __nccwpck_require__(8902);
;// CONCATENATED MODULE: ./packages/jira/src/transport.ts
// jira.js's Client interface over Flowkit's HTTP helper: timeouts, one retry policy, Retry-After, Server's v2 paths.

/** Jira refused a request. `status` is the HTTP status; `messages` Jira's errorMessages and field errors. */
class transport_JiraError extends Error {
    status;
    messages;
    fieldErrors;
    constructor(request, status, messages, fieldErrors) {
        const all = [...messages, ...Object.entries(fieldErrors).map(([field, text]) => `${field}: ${text}`)];
        super(`Jira answered ${status} to ${request}${all.length > 0 ? `: ${all.join('; ')}` : ''}`);
        this.name = 'JiraError';
        this.status = status;
        this.messages = messages;
        this.fieldErrors = fieldErrors;
    }
}
/** Sends jira.js's requests. Counts them, for the API-economy figures. */
class transport_JiraTransport {
    /** Requests sent, retries included. */
    requestCount = 0;
    #options;
    #authorization;
    constructor(options) {
        this.#options = options;
        this.#authorization =
            options.auth.kind === 'basic'
                ? `Basic ${Buffer.from(`${options.auth.email}:${options.auth.apiToken}`).toString('base64')}`
                : `Bearer ${options.auth.token}`;
    }
    async sendRequest(options) {
        const { clock = src/* systemClock */.ml, log = src/* silentLogger */.qq, timeoutMs = 15_000 } = this.#options;
        const path = this.#options.deployment === 'server'
            ? options.url.replace('/rest/api/3/', '/rest/api/2/')
            : options.url;
        // Appended, not resolved: Server/Data Center may live under a context path (https://host/jira).
        const url = new URL(`${this.#options.site.replace(/\/$/, '')}${path}`);
        for (const [name, value] of Object.entries(options.searchParams ?? {})) {
            if (value === undefined || value === null)
                continue;
            if (Array.isArray(value))
                for (const item of value)
                    url.searchParams.append(name, String(item));
            else
                url.searchParams.set(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
        }
        const method = options.method ?? 'GET';
        const headers = {
            accept: 'application/json',
            authorization: this.#authorization,
        };
        const body = options.body === undefined ? undefined : JSON.stringify(options.body);
        if (body !== undefined)
            headers['content-type'] = 'application/json';
        const request = `${method} ${url.pathname}`;
        return (0,src/* withRetry */.bD)(async ({ remainingMs }) => {
            this.requestCount++;
            const response = await (0,src/* httpAttempt */.kO)({ method, url, headers, body, timeoutMs: Math.max(1, Math.min(timeoutMs, remainingMs)) }, request);
            if (response.status === 429) {
                throw new src/* TransientError */.N_(`${request} was rate limited by Jira`, {
                    retryAfterMs: (0,src/* parseRetryAfter */.mu)(response.headers['retry-after'], clock.now()) ?? 1000,
                    hadNoEffect: true,
                });
            }
            if ([502, 503, 504].includes(response.status)) {
                throw new src/* TransientError */.N_(`${request}: Jira answered HTTP ${response.status}`, {
                    retryAfterMs: (0,src/* parseRetryAfter */.mu)(response.headers['retry-after'], clock.now()),
                });
            }
            const parsed = (0,src/* parseAnswerBody */.Sp)(response.body);
            if (response.status >= 200 && response.status < 300)
                return parsed;
            const { errorMessages, errors } = (parsed ?? {});
            throw new transport_JiraError(request, response.status, Array.isArray(errorMessages)
                ? errorMessages.map(String)
                : typeof parsed === 'string' && parsed
                    ? [parsed]
                    : [], typeof errors === 'object' && errors !== null ? errors : {});
        }, this.#options.policy(), { clock, log });
    }
}

;// CONCATENATED MODULE: ./packages/jira/src/client.ts
// The Jira operations Flowkit uses, over jira.js's Cloud API surface and Flowkit's transport.




const ISSUE_FIELDS = (/* unused pure expression or super */ null && ([
    'summary',
    'status',
    'project',
    'issuetype',
    'labels',
    'components',
    'priority',
    'assignee',
    'created',
]));
/** Jira, as Flowkit uses it. */
class client_JiraApi {
    deployment;
    #transport;
    #jira;
    constructor(transport, deployment) {
        this.#transport = transport;
        this.deployment = deployment;
        this.#jira = createCloudClient(transport);
    }
    /** Requests sent so far. */
    get requestCount() {
        return this.#transport.requestCount;
    }
    async getIssue(key, properties = []) {
        const issue = (await this.#jira.issues.getIssue({
            issueIdOrKey: key,
            fields: ISSUE_FIELDS,
            properties: properties.length > 0 ? properties : undefined,
        }));
        return this.#toIssue(issue, key);
    }
    /**
     * The issues with these keys, in one search per hundred keys (`key in (…)`). Jira refuses the whole query when
     * one key does not exist; those keys are taken out, returned in `missing`, and the search is repeated.
     */
    async getIssues(keys) {
        const issues = [];
        const missing = [];
        for (let start = 0; start < keys.length; start += 100) {
            let batch = keys.slice(start, start + 100);
            for (let attempt = 0; batch.length > 0; attempt++) {
                const jql = `key in (${batch.map(jqlString).join(', ')})`;
                try {
                    const found = await this.#search(jql, batch.length);
                    issues.push(...found.map((raw) => this.#toIssue(raw, raw.key ?? '')));
                    break;
                }
                catch (error) {
                    const absent = error instanceof JiraError && error.status === 400 ? unknownKeys(error.messages) : [];
                    if (absent.length === 0 || attempt >= 3)
                        throw error;
                    missing.push(...absent);
                    batch = batch.filter((key) => !absent.includes(key));
                }
            }
        }
        return { issues, missing };
    }
    #search(jql, maxResults) {
        return searchJql(this.#transport, this.deployment, {
            jql,
            fields: ISSUE_FIELDS,
            maxIssues: maxResults,
        });
    }
    #toIssue(issue, key) {
        const fields = issue.fields ?? {};
        return {
            key: issue.key ?? key,
            summary: String(fields.summary ?? ''),
            status: fields.status?.name ?? '',
            statusCategory: fields.status?.statusCategory?.key ?? '',
            projectId: String(fields.project?.id ?? ''),
            projectKey: fields.project?.key ?? key.split('-')[0] ?? '',
            issueTypeId: String(fields.issuetype?.id ?? ''),
            issueType: fields.issuetype?.name ?? '',
            labels: fields.labels ?? [],
            components: (fields.components ?? []).map((component) => component.name ?? ''),
            priority: fields.priority?.name ?? '',
            assignee: fields.assignee
                ? this.deployment === 'cloud'
                    ? fields.assignee.accountId
                    : fields.assignee.name
                : undefined,
            assigneeName: fields.assignee?.displayName ?? undefined,
            created: typeof fields.created === 'string' && !Number.isNaN(Date.parse(fields.created))
                ? new Date(fields.created)
                : undefined,
            properties: issue.properties ?? {},
        };
    }
    async getTransitions(key) {
        const answer = (await this.#jira.issues.getTransitions({
            issueIdOrKey: key,
            expand: 'transitions.fields',
        }));
        return (answer.transitions ?? []).map((transition) => ({
            id: String(transition.id ?? ''),
            name: transition.name ?? '',
            to: transition.to?.name ?? '',
            screenFields: Object.keys(transition.fields ?? {}),
        }));
    }
    async doTransition(key, id, change = {}) {
        await this.#jira.issues.doTransition({ issueIdOrKey: key, transition: { id }, ...change });
    }
    async editIssue(key, change) {
        await this.#jira.issues.editIssue({ issueIdOrKey: key, ...change });
    }
    /** The words of the newest comments (up to 50), for idempotency checks. */
    async recentCommentBodies(key) {
        const answer = (await this.#jira.issueComments.getComments({
            issueIdOrKey: key,
            orderBy: '-created',
            maxResults: 50,
        }));
        return (answer.comments ?? []).map((comment) => comment.body);
    }
    /** Every comment (up to 500), oldest first, with its author's id and name and its words. */
    async authoredComments(key) {
        const comments = [];
        for (let startAt = 0; startAt < 500; startAt += 100) {
            const answer = (await this.#jira.issueComments.getComments({
                issueIdOrKey: key,
                orderBy: 'created',
                startAt,
                maxResults: 100,
            }));
            const page = answer.comments ?? [];
            for (const comment of page) {
                const author = comment.author?.accountId ?? comment.author?.name ?? '';
                comments.push({
                    author,
                    authorName: comment.author?.displayName ?? author,
                    text: bodyText(comment.body),
                    ...(comment.created === undefined ? {} : { created: comment.created }),
                });
            }
            if (page.length < 100 || startAt + page.length >= (answer.total ?? 0))
                break;
        }
        return comments;
    }
    async addComment(key, comment) {
        const body = this.deployment === 'cloud' ? toAdf(comment) : toWiki(comment);
        await this.#transport.sendRequest({
            url: `/rest/api/3/issue/${key}/comment`,
            method: 'POST',
            body: { body },
        });
    }
    async assign(key, user) {
        const body = this.deployment === 'cloud' ? { accountId: user?.id ?? null } : { name: user?.id ?? null };
        await this.#transport.sendRequest({ url: `/rest/api/3/issue/${key}/assignee`, method: 'PUT', body });
    }
    /** The active user with exactly this email, or undefined. */
    async findUserByEmail(email) {
        const users = (await this.#transport.sendRequest({
            url: '/rest/api/3/user/search',
            method: 'GET',
            searchParams: this.deployment === 'cloud' ? { query: email } : { username: email },
        }));
        const match = (users ?? []).find((user) => user.active !== false && (user.emailAddress ?? '').toLowerCase() === email.toLowerCase());
        const id = match === undefined ? undefined : this.deployment === 'cloud' ? match.accountId : match.name;
        return id === undefined ? undefined : { id, displayName: match?.displayName ?? email };
    }
    /** A user's display name, and email when Jira shows it (profile visibility may hide it). */
    async getUser(id) {
        const user = (await this.#transport.sendRequest({
            url: '/rest/api/3/user',
            method: 'GET',
            searchParams: this.deployment === 'cloud' ? { accountId: id } : { username: id },
        }));
        return { id, displayName: user.displayName ?? id, email: user.emailAddress || undefined };
    }
    /**
     * Creates a web link on the issue to something outside Jira, or replaces the issue's link with the same
     * `globalId`, so calling it again never adds a second link.
     */
    async upsertRemoteLink(key, link) {
        const object = { url: link.url, title: link.title };
        if (link.summary !== undefined)
            object.summary = link.summary;
        if (link.iconUrl !== undefined)
            object.icon = { url16x16: link.iconUrl, title: link.title };
        await this.#transport.sendRequest({
            url: `/rest/api/3/issue/${key}/remotelink`,
            method: 'POST',
            body: { globalId: link.globalId, object },
        });
    }
    /** The issue's links to things outside Jira. */
    async remoteLinks(key) {
        const links = (await this.#transport.sendRequest({
            url: `/rest/api/3/issue/${key}/remotelink`,
            method: 'GET',
        }));
        return (links ?? []).map((link) => ({
            globalId: link.globalId ?? '',
            url: link.object?.url ?? '',
            title: link.object?.title ?? '',
        }));
    }
    /** Files an issue; resolves with its key. Jira's field errors come back as a JiraError with `fieldErrors`. */
    async createIssue(fields) {
        const answer = (await this.#transport.sendRequest({
            url: '/rest/api/3/issue',
            method: 'POST',
            body: {
                fields: {
                    project: { key: fields.project },
                    issuetype: { name: fields.issueType },
                    summary: fields.summary,
                    ...(fields.priority === undefined ? {} : { priority: { name: fields.priority } }),
                    ...(fields.labels === undefined ? {} : { labels: fields.labels }),
                },
            },
        }));
        if (typeof answer?.key !== 'string')
            throw new Error('Jira created the issue but did not answer its key');
        return answer.key;
    }
    async setProperty(key, property, value) {
        await this.#jira.issueProperties.setIssueProperty({
            issueIdOrKey: key,
            propertyKey: property,
            body: value,
        });
    }
    /**
     * The workflow an issue type follows in a project, or undefined when the credentials may not read workflows
     * (Administer Jira, or Administer projects + View workflow, are needed).
     */
    async readWorkflow(projectId, issueTypeId) {
        let answer;
        try {
            answer = (await this.#jira.workflows.readWorkflows({
                projectAndIssueTypes: [{ projectId, issueTypeId }],
            }));
        }
        catch (error) {
            if (error instanceof JiraError &&
                (error.status === 403 || error.status === 401 || error.status === 404))
                return undefined;
            throw error;
        }
        const names = new Map((answer.statuses ?? []).map((status) => [status.statusReference ?? status.id ?? '', status.name ?? '']));
        const workflow = answer.workflows?.[0];
        if (workflow === undefined)
            return undefined;
        const name = (reference) => names.get(reference ?? '') ?? reference ?? '';
        return {
            statuses: (workflow.statuses ?? []).map((status) => name(status.statusReference)),
            transitions: (workflow.transitions ?? [])
                .filter((transition) => transition.type !== 'INITIAL')
                .map((transition) => ({
                name: transition.name ?? '',
                from: transition.type === 'GLOBAL'
                    ? []
                    : (transition.links ?? []).map((link) => name(link.fromStatusReference)),
                to: name(transition.toStatusReference),
            })),
        };
    }
}
/** A JQL string literal: quoted, with backslashes and quotes escaped, so no value can change the query. */
function jqlString(value) {
    return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
/** The keys Jira names in "An issue with key 'X' does not exist for field 'key'." messages. */
function unknownKeys(messages) {
    return messages.flatMap((message) => [...message.matchAll(/key '([A-Z][A-Z0-9_]*-\d+)' does not exist/g)].map((match) => match[1] ?? ''));
}

;// CONCATENATED MODULE: ./packages/jira/src/connection.ts
// Reads and checks how to reach Jira (site, credentials, Cloud or Server) from inputs and the config file.



/** The inputs every Jira action takes to reach Jira. */
const JIRA_CONNECTION_INPUTS = [
    'jira-url',
    'jira-email',
    'jira-api-token',
    'jira-token',
    'jira-deployment',
];
/** Checks the connection inputs (names them in errors) before anything is sent. */
function connection_readJiraConnection(input, config) {
    const site = input('jira-url') || config.jira.url || '';
    if (site === '') {
        throw new src/* InputError */.dz('jira-url', 'is not set, and neither is jira.url in .github/flowkit.yml', "Set 'jira-url: https://your-site.atlassian.net' or jira.url in the config.");
    }
    const url = URL.canParse(site) ? new URL(site) : undefined;
    const loopback = url !== undefined && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if (url === undefined || !(url.protocol === 'https:' || (url.protocol === 'http:' && loopback))) {
        throw new src/* InputError */.dz('jira-url', `is not an https URL: '${site}'`, 'Give the site URL, e.g. https://acme.atlassian.net (Server/Data Center: its base URL).');
    }
    const deployment = (input('jira-deployment') || config.jira.deployment || 'cloud');
    if (deployment !== 'cloud' && deployment !== 'server') {
        throw new src/* InputError */.dz('jira-deployment', `must be cloud or server, not '${deployment}'`, "Use 'cloud' for *.atlassian.net, 'server' for Jira Server or Data Center.");
    }
    const email = input('jira-email');
    const apiToken = input('jira-api-token');
    const token = input('jira-token');
    if (deployment === 'cloud') {
        if (token !== '' && apiToken === '') {
            throw new src/* InputError */.dz('jira-token', 'is a personal access token, which only Jira Server/Data Center accepts', "For Jira Cloud give 'jira-email' and 'jira-api-token'; for Server/Data Center set 'jira-deployment: server'.");
        }
        if (email === '' || apiToken === '') {
            const missing = email === '' ? 'jira-email' : 'jira-api-token';
            throw new src/* InputError */.dz(missing, 'is required for Jira Cloud', "Give 'jira-email' (the account Flowkit acts as) and 'jira-api-token' (from id.atlassian.com, as a secret).");
        }
        if (!/^[^@\s]+@[^@\s]+$/.test(email))
            throw new src/* InputError */.dz('jira-email', `is not an email address: '${email}'`, 'Give the email of the Atlassian account Flowkit signs in as.');
        return {
            site: url.origin + url.pathname.replace(/\/$/, ''),
            auth: { kind: 'basic', email, apiToken },
            deployment,
        };
    }
    if (token === '') {
        throw new src/* InputError */.dz('jira-token', 'is required for Jira Server/Data Center', "Give a personal access token as 'jira-token' (from your Jira profile, as a secret).");
    }
    return { site: url.origin + url.pathname.replace(/\/$/, ''), auth: { kind: 'bearer', token }, deployment };
}
/** A Jira client for a checked connection. */
function connectJira(connection, policy, log) {
    return new JiraApi(new JiraTransport({ ...connection, policy, log }), connection.deployment);
}
/** The secrets among the connection inputs, to mask before anything is logged. */
function jiraSecrets(input) {
    return [input('jira-api-token'), input('jira-token')].filter((secret) => secret !== '');
}

;// CONCATENATED MODULE: ./packages/jira/src/search.ts
/** Jira's largest page for a search. */
const JQL_PAGE = 100;
/** The issues `jql` selects, at most `maxIssues` (one request per 100), as Jira returns them (`T` their shape). */
async function search_searchJql(transport, deployment, search) {
    const found = [];
    const fields = [...search.fields];
    if (deployment === 'cloud') {
        // Jira Cloud removed /search (410): /search/jql pages with nextPageToken.
        let nextPageToken;
        do {
            const page = (await transport.sendRequest({
                url: '/rest/api/3/search/jql',
                method: 'POST',
                body: {
                    jql: search.jql,
                    fields,
                    maxResults: Math.min(JQL_PAGE, search.maxIssues - found.length),
                    nextPageToken,
                },
            }));
            found.push(...(page.issues ?? []));
            nextPageToken = page.nextPageToken || undefined;
        } while (nextPageToken !== undefined && found.length < search.maxIssues);
    }
    else {
        // Server/Data Center has only /search (the transport sends it to REST v2), paged with startAt.
        for (let startAt = 0; found.length < search.maxIssues; startAt += JQL_PAGE) {
            const page = (await transport.sendRequest({
                url: '/rest/api/3/search',
                method: 'POST',
                body: {
                    jql: search.jql,
                    fields,
                    startAt,
                    maxResults: Math.min(JQL_PAGE, search.maxIssues - found.length),
                },
            }));
            const issues = page.issues ?? [];
            found.push(...issues);
            if (issues.length === 0 || startAt + issues.length >= (page.total ?? 0))
                break;
        }
    }
    return found.slice(0, search.maxIssues);
}

;// CONCATENATED MODULE: ./packages/jira/src/transition.ts
// Moves issues to a target status (or through a named transition), idempotently, explaining each move.




/** Tries every key (four at a time) and reports each; a failure of one never stops the others. */
async function transitionIssues(api, request, log) {
    const workflows = new Map();
    let assignee;
    const context = {
        api,
        request,
        workflow: (issue) => {
            const id = `${issue.projectId}/${issue.issueTypeId}`;
            let graph = workflows.get(id);
            if (graph === undefined) {
                graph = api.readWorkflow(issue.projectId, issue.issueTypeId);
                workflows.set(id, graph);
            }
            return graph;
        },
        assignee: () => {
            assignee ??= request.assignee ? lookUp(api, request.assignee.email) : Promise.resolve(null);
            return assignee;
        },
    };
    // One search reads every issue (1 request instead of one per key); moves then go four at a time.
    let read;
    try {
        read = await api.getIssues(request.keys);
    }
    catch (error) {
        return request.keys.map((key) => failure(key, error));
    }
    const byKey = new Map(read.issues.map((issue) => [issue.key, issue]));
    return mapWithConcurrency(request.keys, 4, async (key) => {
        const issue = byKey.get(key);
        const result = issue === undefined
            ? failure(key, new JiraError(`search for ${key}`, 404, [], {}))
            : await moveOne(context, issue).catch((error) => failure(key, error));
        // Failures are the caller's to annotate (as warnings or errors); successes are logged here.
        if (result.outcome !== 'failed')
            log.info(`${key}: ${result.message}`);
        return result;
    });
}
async function moveOne(context, issue) {
    const { api, request } = context;
    const key = issue.key;
    const from = issue.status;
    const goal = request.goal;
    if (goal.kind === 'comment') {
        const commented = request.comment === undefined ? '' : await addCommentOnce(api, key, request.comment);
        // Nothing moves: every key is 'unchanged', and the message says whether the comment was added.
        return { key, outcome: 'unchanged', from, to: from, message: `left in ${from}${commented}` };
    }
    if (goal.kind === 'status' && sameStatus(from, goal.status)) {
        return { key, outcome: 'unchanged', from, to: from, message: `already in ${from}; left alone` };
    }
    let transitions = await api.getTransitions(key);
    const available = describeAvailable(transitions);
    let route;
    let source;
    let named;
    if (goal.kind === 'transition') {
        named = transitions.find((t) => t.id === goal.transition || sameStatus(t.name, goal.transition));
        if (named === undefined) {
            return {
                key,
                outcome: 'failed',
                from,
                message: `transition '${goal.transition}' is not available from ${from}; ${available}`,
            };
        }
        route = [named.to];
        source = 'direct';
    }
    else if (transitions.some((t) => sameStatus(t.to, goal.status))) {
        route = [goal.status];
        source = 'direct';
    }
    else {
        const configured = configuredRoute(from, goal.status, request.paths);
        const graph = configured === undefined ? await context.workflow(issue) : undefined;
        const found = configured ?? (graph === undefined ? undefined : shortestRoute(graph, from, goal.status));
        if (found === undefined || found.length === 0) {
            const why = graph === undefined && configured === undefined
                ? `add jira.paths."${goal.status}" to .github/flowkit.yml, or let Flowkit's account read workflows (Administer Jira, or Administer projects + View workflow)`
                : `the workflow has no route from ${from} to ${goal.status}`;
            return {
                key,
                outcome: 'failed',
                from,
                message: `no transition leads from ${from} to ${goal.status} (${available}); ${why}`,
            };
        }
        route = found;
        source = configured === undefined ? 'workflow' : 'configured';
    }
    let at = from;
    for (const [index, hop] of route.entries()) {
        if (index > 0)
            transitions = await api.getTransitions(key);
        const transition = named ?? transitions.find((t) => sameStatus(t.to, hop));
        if (transition === undefined) {
            const path = [from, ...route].join(' → ');
            return {
                key,
                outcome: 'failed',
                from,
                to: at,
                route: source,
                message: `the ${source} route ${path} breaks at ${hop}: from ${at} ${describeAvailable(transitions)}${at === from ? '' : `; the issue stays in ${at}`}`,
            };
        }
        const last = index === route.length - 1;
        const { withTransition, afterwards } = last
            ? splitChange(request, transition)
            : { withTransition: {}, afterwards: undefined };
        try {
            await api.doTransition(key, transition.id, withTransition);
        }
        catch (error) {
            if (!(error instanceof JiraError) || error.status !== 400)
                throw error;
            return {
                key,
                outcome: 'failed',
                from,
                to: at,
                route: source,
                message: `Jira refused transition '${transition.name}' (${transition.id}) from ${at} to ${transition.to}: ${[...error.messages, ...Object.entries(error.fieldErrors).map(([field, text]) => `${field}: ${text}`)].join('; ')}`,
            };
        }
        at = transition.to;
        if (afterwards !== undefined)
            await api.editIssue(key, afterwards);
    }
    if (request.assignee !== undefined)
        await api.assign(key, await context.assignee());
    const commented = request.comment === undefined ? '' : await addCommentOnce(api, key, request.comment);
    const via = route.length > 1 ? ` via ${route.slice(0, -1).join(', ')}` : '';
    const how = source === 'direct'
        ? 'a direct transition'
        : source === 'configured'
            ? 'the path configured in jira.paths'
            : "the workflow's shortest path";
    return {
        key,
        outcome: 'transitioned',
        from,
        to: at,
        route: source,
        message: `${from} → ${at}${via} (${how})${commented}`,
    };
}
/** Fields go with the transition when they are on its screen; labels and fix versions otherwise by an edit after it. */
function splitChange(request, transition) {
    const onScreen = new Set(transition.screenFields);
    const withTransition = {};
    const afterwards = {};
    // Resolution has no other door: send it, so Jira's own refusal is what the user reads if it is not on the screen.
    if (request.resolution !== undefined)
        withTransition.fields = { resolution: { name: request.resolution } };
    const labels = [
        ...(request.addLabels ?? []).map((label) => ({ add: label })),
        ...(request.removeLabels ?? []).map((label) => ({ remove: label })),
    ];
    const versions = (request.fixVersions ?? []).map((name) => ({ add: { name } }));
    for (const [field, operations] of [
        ['labels', labels],
        ['fixVersions', versions],
    ]) {
        if (operations.length === 0)
            continue;
        const target = onScreen.has(field) ? withTransition : afterwards;
        target.update = { ...target.update, [field]: operations };
    }
    return { withTransition, afterwards: afterwards.update === undefined ? undefined : afterwards };
}
/** Adds the comment unless one with the same words is among the newest; says which happened. */
async function addCommentOnce(api, key, comment) {
    const text = plainText(comment);
    const existing = await api.recentCommentBodies(key);
    if (existing.some((body) => bodyText(body) === text))
        return '; the same comment is already there';
    await api.addComment(key, comment);
    return '; commented';
}
async function lookUp(api, email) {
    const user = await api.findUserByEmail(email);
    if (user === undefined)
        throw new JiraError(`user search for ${email}`, 404, [`no active Jira user has the email ${email}`], {});
    return user;
}
function describeAvailable(transitions) {
    if (transitions.length === 0)
        return 'no transitions are available';
    return `the transitions lead to: ${transitions.map((t) => `${t.to} ('${t.name}', id ${t.id})`).join(', ')}`;
}
function failure(key, error) {
    if (error instanceof JiraError && error.status === 404) {
        return {
            key,
            outcome: 'failed',
            message: `${key} does not exist, or Flowkit's account may not browse it`,
        };
    }
    if (error instanceof JiraError && error.status === 401) {
        return {
            key,
            outcome: 'failed',
            message: 'Jira did not accept the credentials: check the email and API token (or the personal access token)',
        };
    }
    if (error instanceof JiraError && error.status === 403) {
        return {
            key,
            outcome: 'failed',
            message: `Flowkit's account lacks a permission: ${error.message}. It needs Browse projects, Transition issues, Add comments and Assign issues`,
        };
    }
    if (error instanceof JiraError || error instanceof RetryExhaustedError)
        return { key, outcome: 'failed', message: error.message };
    return { key, outcome: 'failed', message: `unexpected: ${errorMessage(error)}` };
}

;// CONCATENATED MODULE: ./packages/jira/src/transition-settings.ts
// Reads and checks every jira-transition input before anything is sent: one typed settings object comes out.



/** The inputs of jira-transition, as action.yml declares them. */
const TRANSITION_INPUTS = [
    ...JIRA_CONNECTION_INPUTS,
    'status',
    'transition',
    'keys',
    'projects',
    'since-deployment',
    'comment',
    'staging-url',
    'resolution',
    'fix-versions',
    'add-labels',
    'remove-labels',
    'assignee',
    'github-token',
    'check-approvals',
    'fail-on-error',
    'retries',
    'timeout',
    'config',
];
/** The flow's stages and the status names Jira's default software workflow gives them. */
const DEFAULT_STAGES = {
    'to-do': 'To Do',
    'in-progress': 'In Progress',
    'in-review': 'In Review',
    'in-qa': 'In QA',
    done: 'Done',
};
/** Checks every input; throws InputError for the first problem. Sends nothing. */
function readTransitionSettings(input, config) {
    const connection = readJiraConnection(input, config);
    const approvals = readApprovals(input, config);
    const goal = approvals === undefined
        ? readGoal(input('status'), input('transition'), input('comment'), config)
        : { kind: 'comment' };
    const keys = input('keys') === '' ? undefined : list(input('keys'));
    for (const key of keys ?? []) {
        if (!isIssueKey(key))
            throw new InputError('keys', `has '${key}', which is not an issue key`, 'List keys like JIRA-1234, separated by commas, spaces or new lines.');
    }
    const projects = input('projects') === '' ? (config.jira.projects ?? []) : list(input('projects'));
    for (const project of projects) {
        if (!/^[A-Z][A-Z0-9_]{1,9}$/.test(project))
            throw new InputError('projects', `has '${project}', which is not a project key`, 'List project keys like JIRA, DASH.');
    }
    const stagingUrl = input('staging-url') || undefined;
    if (stagingUrl !== undefined && !/^https?:\/\/\S+$/.test(stagingUrl)) {
        throw new InputError('staging-url', `is not an http(s) URL: '${stagingUrl}'`, 'Give the URL reviewers open, e.g. https://staging.example.com.');
    }
    const assigneeText = input('assignee');
    let assignee;
    if (assigneeText === 'unassigned')
        assignee = null;
    else if (assigneeText !== '') {
        if (!/^[^@\s]+@[^@\s]+$/.test(assigneeText))
            throw new InputError('assignee', `must be an email or 'unassigned', not '${assigneeText}'`, 'Give the email of the Jira user to assign.');
        assignee = { email: assigneeText };
    }
    const sinceDeployment = input('since-deployment') || undefined;
    if (sinceDeployment !== undefined && keys !== undefined) {
        throw new InputError('since-deployment', 'is set together with keys', 'Give keys explicitly, or let Flowkit find them since the last deployment, not both.');
    }
    return {
        connection,
        approvals,
        goal,
        keys,
        projects,
        sinceDeployment,
        comment: input('comment') || undefined,
        stagingUrl,
        resolution: input('resolution') || undefined,
        fixVersions: list(input('fix-versions'), /[\n,]+/),
        addLabels: labels('add-labels', input('add-labels')),
        removeLabels: labels('remove-labels', input('remove-labels')),
        assignee,
        githubToken: input('github-token'),
        failOnError: parseBooleanInput('fail-on-error', input('fail-on-error'), false),
        retries: parseIntegerInput('retries', input('retries'), 4, { min: 0, max: 20 }),
        timeoutMs: parseIntegerInput('timeout', input('timeout'), 120, { min: 1, max: 3600 }) * 1000,
    };
}
function readApprovals(input, config) {
    if (!parseBooleanInput('check-approvals', input('check-approvals'), false))
        return undefined;
    const rules = config.jira.approvals;
    if (rules === undefined)
        throw new InputError('check-approvals', 'is true but .github/flowkit.yml has no jira.approvals', 'Add jira.approvals with the groups that must approve, e.g. groups: { qa: [qa@example.com], product: [pm@example.com] }.');
    for (const name of ['status', 'transition', 'comment'])
        if (input(name) !== '')
            throw new InputError(name, 'is set together with check-approvals', 'Check approvals in a step of its own, before the promotion.');
    return {
        status: rules.status === undefined ? undefined : (config.jira.statuses?.[rules.status] ?? rules.status),
        groups: rules.groups,
        phrase: rules.phrase,
        changesPhrase: rules['changes-phrase'],
    };
}
function readGoal(status, transition, comment, config) {
    if (status !== '' && transition !== '') {
        throw new InputError('transition', 'is set together with status', 'Give the target status (preferred: reruns know when there is nothing to do) or a transition name or id.');
    }
    if (transition !== '')
        return { kind: 'transition', transition };
    // A comment alone (no status, no transition) comments without moving anything: e.g. "staging failed".
    if (status === '' && comment !== '')
        return { kind: 'comment' };
    if (status === '') {
        throw new InputError('status', 'is required (or transition, or a comment alone)', `Give a status name like 'In Review', or a stage: ${Object.keys({ ...DEFAULT_STAGES, ...config.jira.statuses }).join(', ')}.`);
    }
    const stage = config.jira.statuses?.[status] ?? DEFAULT_STAGES[status];
    return { kind: 'status', status: stage ?? status };
}
/** Items separated by commas, spaces or new lines (version names, which may hold spaces: commas or new lines). */
function list(text, separator = /[\s,]+/) {
    return text
        .split(separator)
        .map((item) => item.trim())
        .filter((item) => item !== '');
}
function labels(name, text) {
    const found = list(text);
    for (const label of found) {
        if (label.length > 255)
            throw new InputError(name, 'has a label longer than 255 characters', 'Shorten the label.');
    }
    return found;
}

;// CONCATENATED MODULE: ./packages/jira/src/index.ts
// Jira for Flowkit: issue keys, a transport for jira.js, the operations Flowkit uses, and moving issues.












/***/ }),

/***/ 7795:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  fe: () => (/* reexport */ appendSummary),
  Yz: () => (/* reexport */ debug),
  z3: () => (/* reexport */ error),
  V4: () => (/* reexport */ getInput),
  pq: () => (/* reexport */ info),
  L7: () => (/* reexport */ readGitHubContext),
  Cs: () => (/* reexport */ runAction),
  uH: () => (/* reexport */ setOutput),
  Pq: () => (/* reexport */ setSecret),
  $e: () => (/* reexport */ warning)
});

// UNUSED EXPORTS: endGroup, escapeData, escapeProperty, exportVariable, getState, isDebug, issueCommand, notice, redact, resolveGitHubExpression, saveState, startGroup

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

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
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
        const event = JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(path, 'utf8'));
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
        (0,external_node_fs_namespaceObject.appendFileSync)(file, `${redact(markdown)}\n`, 'utf8');
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
    (0,external_node_fs_namespaceObject.appendFileSync)(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`, 'utf8');
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
/******/ var __webpack_exports__ = __nccwpck_require__(5709);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
