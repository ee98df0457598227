import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 5515:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _flowkit_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8902);
/* harmony import */ var _flowkit_runner__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7795);
/* harmony import */ var _flowkit_slack__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9124);
// slack-notify: maps the step's inputs to @flowkit/slack and its result to outputs, summary and annotations.



await (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_1__/* .runAction */ .Cs)(async () => {
    // Mask first: nothing below may log a secret, even by accident.
    for (const secret of [(0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('token'), (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('webhook')])
        if (secret !== '')
            (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_1__/* .setSecret */ .Pq)(secret);
    const configPath = (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('config') || _flowkit_core__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_CONFIG_PATH */ .Bi;
    const config = await (0,_flowkit_core__WEBPACK_IMPORTED_MODULE_0__/* .loadConfig */ .Z9)(configPath, configPath === _flowkit_core__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_CONFIG_PATH */ .Bi ? undefined : 'config');
    const github = (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_1__/* .readGitHubContext */ .L7)();
    const settings = await (0,_flowkit_slack__WEBPACK_IMPORTED_MODULE_2__/* .readNotifySettings */ .JG)({
        input: (name) => (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)(name),
        config,
        lookup: (expression) => {
            const [scope, ...path] = expression.split('.');
            return scope === 'env' ? process.env[path.join('.')] : (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_1__/* .resolveGitHubExpression */ .SB)(github, path);
        },
    });
    const result = await (0,_flowkit_slack__WEBPACK_IMPORTED_MODULE_2__/* .notify */ .me)(settings, { log: { info: _flowkit_runner__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq, warning: _flowkit_runner__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e, debug: _flowkit_runner__WEBPACK_IMPORTED_MODULE_1__/* .debug */ .Yz }, run: github });
    (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_1__/* .setOutput */ .uH)('ok', String(result.ok));
    (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_1__/* .setOutput */ .uH)('updated', String(result.updated));
    for (const [name, value] of [
        ['ts', result.ts],
        ['thread-ts', result.threadTs],
        ['channel-id', result.channelId],
        ['permalink', result.permalink],
    ]) {
        if (value !== undefined)
            (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_1__/* .setOutput */ .uH)(name, value);
    }
    (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_1__/* .appendSummary */ .fe)(summaryLine(settings.message.kind === 'template' ? settings.message.template.name : 'custom', result));
    if (!result.ok) {
        const message = `Slack notification not sent: ${result.error}`;
        if (settings.failOnError) {
            (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)(message);
            process.exitCode = 1;
        }
        else {
            (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e)(`${message} (not failing the step: fail-on-error is false)`);
        }
    }
});
function summaryLine(kind, result) {
    if (!result.ok)
        return `- :warning: Slack \`${kind}\` message not sent: ${result.error}`;
    const where = result.permalink
        ? ` ([message](${result.permalink}))`
        : result.channelId
            ? ` in ${result.channelId}`
            : '';
    return `- :speech_balloon: Slack \`${kind}\` message ${result.updated ? 'updated' : 'posted'}${where}`;
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
  aB: () => (/* reexport */ RetryExhaustedError),
  bB: () => (/* reexport */ SyntaxProblem),
  N_: () => (/* reexport */ TransientError),
  P_: () => (/* reexport */ UnresolvedPlaceholder),
  bp: () => (/* reexport */ describeValue),
  gJ: () => (/* reexport */ errorMessage),
  kO: () => (/* reexport */ httpAttempt),
  GW: () => (/* reexport */ interpolate),
  u4: () => (/* reexport */ isRecord),
  iU: () => (/* reexport */ isUserError),
  Z9: () => (/* reexport */ loadConfig),
  zL: () => (/* reexport */ parseBooleanInput),
  _p: () => (/* reexport */ parseIntegerInput),
  U1: () => (/* reexport */ parseJsonOrYaml),
  mu: () => (/* reexport */ parseRetryAfter),
  qq: () => (/* reexport */ silentLogger),
  ml: () => (/* reexport */ systemClock),
  bD: () => (/* reexport */ withRetry)
});

// UNUSED EXPORTS: ConfigError, NetworkError, addDays, addedLineNumbers, clockTime, commandLine, configSchema, daysBetween, defaultConfig, formatPath, hasPlaceholder, httpRequest, instantOf, isLocalDate, isTimeZone, localParts, mapWithConcurrency, minutesOf, normalize, outputTail, parseAnswerBody, parseConfig, parsePatch, parseUnifiedDiff, runProcess, validateSchema, yamlProblem

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
  SB: () => (/* reexport */ resolveGitHubExpression),
  Cs: () => (/* reexport */ runAction),
  uH: () => (/* reexport */ setOutput),
  Pq: () => (/* reexport */ setSecret),
  $e: () => (/* reexport */ warning)
});

// UNUSED EXPORTS: endGroup, escapeData, escapeProperty, exportVariable, getState, isDebug, issueCommand, notice, redact, saveState, startGroup

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

/***/ 9124:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  me: () => (/* reexport */ notify),
  JG: () => (/* reexport */ readNotifySettings)
});

// UNUSED EXPORTS: ChannelHistoryStore, FIELD_LIMIT, HEADER_LIMIT, MESSAGE_EVENT_TYPE, MentionResolver, NOTIFY_INPUTS, SERVER_TROUBLE, SLACK_API_URL, SlackApiError, SlackClient, TEXT_LIMIT, channelIdByName, checkSlackApiUrl, checkSlackToken, checkValues, commitLink, context, escapeText, explain, findTemplate, fitEscaped, footerBlocks, header, isWebUrl, keyMetadata, link, list, map, mrkdwn, person, plainText, postToWebhookOnce, section, templates, text, ticketTag

// EXTERNAL MODULE: ./packages/core/src/index.ts + 13 modules
var src = __nccwpck_require__(8902);
;// CONCATENATED MODULE: ./packages/slack/src/errors.ts
// Slack's refusals, explained with the fix, and which of them are worth retrying.
/** Slack answered `ok: false` (Web API) or an HTTP error (incoming webhook). */
class SlackApiError extends Error {
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
const SLACK_API_URL = 'https://slack.com/api/';
/** Methods that change something; Slack takes their arguments as JSON. Reads go as GET query strings. */
const WRITE_METHODS = new Set(['chat.postMessage', 'chat.update', 'chat.delete', 'chat.postEphemeral']);
/** Calls Slack Web API methods. */
class SlackClient {
    apiUrl;
    /** Web API calls sent so far, retries included. */
    requestCount = 0;
    #token;
    #timeoutMs;
    #log;
    #clock;
    constructor(options) {
        this.#token = options.token;
        this.apiUrl = options.apiUrl ?? SLACK_API_URL;
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
            throw new SlackApiError(method, `unexpected_answer_http_${response.status}`);
        }
        if (parsed.ok === true)
            return parsed;
        const code = typeof parsed.error === 'string' ? parsed.error : 'unknown_error';
        if (SERVER_TROUBLE.has(code))
            throw new src/* TransientError */.N_(`${method} failed: ${code}`);
        const metadata = parsed.response_metadata;
        const details = Array.isArray(metadata?.messages) ? metadata.messages.map(String) : [];
        throw new SlackApiError(method, code, {
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
function escapeText(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** Escapes `text` and shortens it with '…' so that the escaped result fits in `limit` characters. */
function fitEscaped(text, limit) {
    const escaped = escapeText(text);
    if (escaped.length <= limit)
        return escaped;
    let keep = Math.min(text.length, limit - 1);
    while (keep > 0 && escapeText(text.slice(0, keep)).length > limit - 1)
        keep--;
    return `${escapeText(text.slice(0, keep))}…`;
}
/** A link in mrkdwn. The label is user text (escaped); a URL that is not http(s) gives the label alone. */
function text_link(url, label) {
    const safeLabel = escapeText(label).replace(/\|/g, '¦');
    if (url === undefined || !isWebUrl(url))
        return safeLabel;
    // `|` and `>` end Slack's link syntax; percent-encoding them keeps the URL intact.
    const safeUrl = url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
    return `<${safeUrl}|${safeLabel}>`;
}
/** True for an absolute http or https URL (no javascript:, no relative paths). */
function isWebUrl(text) {
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
        block.fields = shown.map(([label, value]) => mrkdwn(`*${escapeText(label)}*\n${value}`, FIELD_LIMIT));
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
class MentionResolver {
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
            return (await this.#lookupEmail(value)) ?? escapeText(value);
        const login = LOGIN.exec(value)?.[1];
        const person = login === undefined ? undefined : this.#people.get(login.toLowerCase());
        if (person === undefined)
            return escapeText(value);
        if (person.slack !== undefined)
            return `<@${person.slack}>`;
        const byEmail = person.email === undefined ? undefined : await this.#lookupEmail(person.email);
        return byEmail ?? escapeText(person.name ?? value);
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
            if (error instanceof SlackApiError && error.code === 'users_not_found') {
                this.#log.debug(`No Slack user has the email of a person to mention; writing it as plain text.`);
                return undefined;
            }
            if (error instanceof SlackApiError && error.code === 'missing_scope') {
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

;// CONCATENATED MODULE: ./packages/slack/src/store.ts
/** Slack message metadata event type that marks Flowkit's messages. */
const MESSAGE_EVENT_TYPE = 'flowkit_message';
/** The metadata Flowkit attaches to a keyed message. */
function keyMetadata(key, extra = {}) {
    return { event_type: MESSAGE_EVENT_TYPE, event_payload: { key, ...extra } };
}
/**
 * Reads the channel's recent history (or a thread's replies) with `include_all_metadata`, newest first,
 * in at most `maxPages` pages of `pageSize`. Needs channels:history (groups:history for private channels).
 */
class ChannelHistoryStore {
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

;// CONCATENATED MODULE: ./packages/slack/src/templates/template.ts
// What a message template is, and how its values are checked before anything is sent.


/**
 * Checks raw values (parsed from the `values` input) against a template's fields: unknown names, missing
 * required values and wrong shapes are InputErrors naming `values` and the field.
 */
function checkValues(template, raw) {
    if (raw !== undefined && !(0,src/* isRecord */.u4)(raw)) {
        throw new src/* InputError */.dz('values', `must be a mapping of names to values, got ${(0,src/* describeValue */.bp)(raw)}`, example(template));
    }
    const given = raw ?? {};
    const known = new Map(template.fields.map((field) => [field.name, field]));
    for (const name of Object.keys(given)) {
        if (!known.has(name)) {
            throw new src/* InputError */.dz('values', `has '${name}', which template '${template.name}' does not use`, `Its values are: ${template.fields.map((field) => field.name).join(', ')}.`);
        }
    }
    const values = {};
    for (const field of template.fields) {
        const value = given[field.name];
        if (value === undefined || value === null || value === '') {
            if (field.required) {
                throw new src/* InputError */.dz('values', `is missing '${field.name}' (${field.description}), which template '${template.name}' needs`, example(template));
            }
            continue;
        }
        values[field.name] = checkValue(template, field, value);
    }
    return values;
}
function checkValue(template, field, value) {
    const bad = (expected) => {
        throw new src/* InputError */.dz('values', `'${field.name}' must be ${expected}, got ${(0,src/* describeValue */.bp)(value)}`, example(template));
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
            if (!(0,src/* isRecord */.u4)(value))
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
function list(values, name) {
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
    return context.mentions.get(value) ?? escapeText(value);
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
        : escapeText(short);
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
        const workflow = escapeText(template_text(values, 'workflow') || context.workflow || 'Workflow');
        const job = template_text(values, 'job') || context.job;
        const ref = template_text(values, 'ref') || context.refName;
        const url = template_text(values, 'url') || context.runUrl;
        const actor = template_text(values, 'actor') || context.actor;
        const reason = template_text(values, 'reason');
        const key = template_text(values, 'key');
        const line = `${workflow} failed${ref === '' ? '' : ` on ${escapeText(ref)}`}${job === '' ? '' : ` (job ${escapeText(job)})`}`;
        const headline = `:x: ${key === '' ? '' : `${ticketTag(values)} `}*${line}*${url === '' ? '' : ` ${text_link(url, 'logs')}`}`;
        return {
            text: `${key === '' ? '' : `[${escapeText(key)}] `}${line}`,
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
        const plan = list(values, 'plan').map((weight) => `${weight.replace(/%$/, '')}%`);
        const line = `Promotion of ${release(values)} started by ${actor}${plan.length > 0 ? `: canary ${escapeText(plan.join(' → '))}` : ''}`;
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
        const position = step === '' ? '' : ` (step ${escapeText(step)}${of === '' ? '' : ` of ${escapeText(of)}`})`;
        const line = `Canary ${escapeText(template_text(values, 'version'))}: ${escapeText(template_text(values, 'weight'))}% of ${environment(values)} traffic${position}`;
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
        const from = weight === '' ? environment(values) : `${escapeText(weight)}% of ${environment(values)}`;
        const onCall = template_text(values, 'on-call');
        const line = `Rolled back ${escapeText(template_text(values, 'version'))} from ${from}: ${fitEscaped(template_text(values, 'reason'), 1500)}`;
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
        const line = `Released ${escapeText(template_text(values, 'version'))} to 100% of ${environment(values)}${duration === '' ? '' : ` in ${escapeText(duration)}`}`;
        return message(values, context, ':white_check_mark:', line);
    },
};
function environment(values) {
    return escapeText(template_text(values, 'environment') || 'production');
}
function release(values) {
    return `${escapeText(template_text(values, 'version'))} to ${environment(values)}`;
}
function metricFields(values) {
    return Object.entries(map(values, 'metrics')).map(([name, value]) => [name, escapeText(value)]);
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
        text: `${key === '' ? '' : `[${escapeText(key)}] `}${line}`,
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
            text: `New ticket: ${fitEscaped(title, 2000)} (${escapeText(key)}) - Assignee: ${who}`,
            blocks: [
                section(`:ticket: *New ticket* ${text_link(template_text(values, 'url') || undefined, key)}\n${fitEscaped(title, 2500)}`, [
                    ['Assignee', who],
                    ['Priority', escapeText(template_text(values, 'priority'))],
                    ['Team', escapeText(template_text(values, 'team'))],
                    ['Labels', fitEscaped(list(values, 'labels').join(', '), 1900)],
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
        const reviewers = list(values, 'reviewers').map((value) => person(context, value));
        const blocks = [
            section(`:white_check_mark: ${prefix}*Staging deployment successful.* Review here: ${text_link(url, url)}`, [
                ['Environment', escapeText(template_text(values, 'environment') || 'staging')],
                ['Commit', commitLink(context, template_text(values, 'commit') || context.sha)],
                ['Pull request', template_text(values, 'pr') ? text_link(template_text(values, 'pr'), 'open') : ''],
            ]),
        ];
        if (reviewers.length > 0)
            blocks.push(section(`${reviewers.join(' ')}: please review, then approve or request changes.`));
        return {
            text: `${key === '' ? '' : `[${escapeText(key)}] `}Staging deployment successful. Review here: ${escapeText(url)}`,
            blocks: [...blocks, ...footerBlocks(context)],
        };
    },
};

;// CONCATENATED MODULE: ./packages/slack/src/templates/index.ts
// The registry of message templates, by name.




/** Every template, in the order of the flow. */
const templates = [
    ticketCreated,
    stagingReady,
    promoteStarted,
    canaryStep,
    rolledBack,
    released,
    pipelineFailed,
];
/** The template with this name, or undefined. */
function findTemplate(name) {
    return templates.find((template) => template.name === name);
}

;// CONCATENATED MODULE: ./packages/slack/src/webhook.ts
// Sends a message through an incoming webhook: Slack answers only `ok` or an HTTP error with plain text.


/** Posts `payload` once. Throws SlackApiError for Slack's refusals and TransientError for what may pass. */
async function postToWebhookOnce(webhookUrl, payload, options = {}) {
    const clock = options.clock ?? src/* systemClock */.ml;
    // The label, not the URL: the URL is a secret.
    const response = await (0,src/* httpAttempt */.kO)({
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
        throw new src/* TransientError */.N_('the webhook was rate limited by Slack', {
            retryAfterMs: (0,src/* parseRetryAfter */.mu)(response.headers['retry-after'], clock.now()) ?? 1000,
            hadNoEffect: true,
        });
    }
    if (response.status >= 500)
        throw new src/* TransientError */.N_(`the webhook answered HTTP ${response.status}`);
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
    const clock = deps.clock ?? src/* systemClock */.ml;
    const deadline = clock.now() + settings.timeoutMs;
    const policy = () => ({
        retries: settings.retries,
        budgetMs: Math.max(0, deadline - clock.now()),
    });
    try {
        if (settings.transport.kind === 'webhook') {
            const { url } = settings.transport;
            const message = await buildMessage(settings, deps, new MentionResolver({ people: settings.config.people, policy, log: deps.log }));
            await (0,src/* withRetry */.bD)(({ remainingMs }) => postToWebhookOnce(url, message, { clock, timeoutMs: Math.min(10_000, remainingMs) }), policy(), { clock, log: deps.log });
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
        if (error instanceof src/* RetryExhaustedError */.aB)
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
    const sent = await (0,src/* withRetry */.bD)(async ({ remainingMs }) => {
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
            if (!(error instanceof src/* TransientError */.N_ && error.hadNoEffect))
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
    throw new SlackApiError('conversations.list', 'channel_not_found');
}
/** The Slack message to send: a rendered template or the custom payload. */
async function buildMessage(settings, deps, mentions) {
    const source = settings.message;
    if (source.kind === 'payload') {
        const { channel: _ignored, ...payload } = source.payload;
        return payload;
    }
    const people = source.template.fields.flatMap((field) => field.kind === 'person'
        ? [template_text(source.values, field.name)]
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
        throw new src/* InputError */.dz('token', 'and webhook are both empty', "Set 'token: ${{ secrets.SLACK_BOT_TOKEN }}' (Web API, needed for updates and threads) or 'webhook: ${{ secrets.SLACK_WEBHOOK_URL }}'.");
    }
    if (token !== '' && webhook !== '') {
        throw new src/* InputError */.dz('webhook', 'is set together with token', 'Give one of them: token for the Web API or webhook for an incoming webhook.');
    }
    const transport = token !== ''
        ? apiTransport(token, input('api-url') || config.slack['api-url'] || SLACK_API_URL)
        : webhookTransport(webhook);
    const updateKey = optionalKey(input, 'update-key');
    const threadKey = optionalKey(input, 'thread-key');
    const threadTs = input('thread-ts') || undefined;
    if (threadTs !== undefined && !TS.test(threadTs)) {
        throw new src/* InputError */.dz('thread-ts', `is not a Slack message timestamp: '${threadTs}'`, "Pass the 'ts' or 'thread-ts' output of an earlier slack-notify step, e.g. 1732752000.000100.");
    }
    if (threadTs !== undefined && threadKey !== undefined) {
        throw new src/* InputError */.dz('thread-ts', 'is set together with thread-key', 'Give one: thread-ts for a message of this job, thread-key to find it by key.');
    }
    if (transport.kind === 'webhook') {
        for (const [name, value] of [
            ['update-key', updateKey],
            ['thread-key', threadKey],
            ['thread-ts', threadTs],
            ['channel', input('channel') || undefined],
        ]) {
            if (value !== undefined) {
                throw new src/* InputError */.dz(name, 'cannot be used with an incoming webhook', name === 'channel'
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
        retries: (0,src/* parseIntegerInput */._p)('retries', input('retries'), 5, { min: 0, max: 20 }),
        timeoutMs: (0,src/* parseIntegerInput */._p)('timeout', input('timeout'), 60, { min: 1, max: 3600 }) * 1000,
        failOnError: (0,src/* parseBooleanInput */.zL)('fail-on-error', input('fail-on-error'), false),
        config,
    };
}
function apiTransport(token, apiUrl) {
    return { kind: 'api', token: checkSlackToken('token', token), apiUrl: checkSlackApiUrl('api-url', apiUrl) };
}
/** Checks that `token` looks like a Slack token (naming `input` in the error) and returns it. */
function checkSlackToken(input, token) {
    if (/\s/.test(token)) {
        throw new src/* InputError */.dz(input, 'contains spaces or line breaks', 'Copy the token again without surrounding text, and store it as a secret.');
    }
    if (!TOKEN.test(token)) {
        throw new src/* InputError */.dz(input, "is not a Slack token (they start with 'xoxb-')", 'Use the Bot User OAuth Token from the app’s OAuth & Permissions page.');
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
        throw new src/* InputError */.dz(name, 'is not a URL', `Give an absolute URL like ${example}.`);
    const parsed = new URL(url);
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
    if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) {
        throw new src/* InputError */.dz(name, 'must use https', `Give an https URL like ${example} (plain http is allowed only for localhost).`);
    }
    return url;
}
function optionalKey(input, name) {
    const key = input(name);
    if (key === '')
        return undefined;
    if (key.length > 200 || /[\r\n]/.test(key)) {
        throw new src/* InputError */.dz(name, 'must be one line of at most 200 characters', 'Use a ticket key (JIRA-1234) or a deployment id.');
    }
    return key;
}
function readChannel(channel) {
    if (channel === undefined || channel === '') {
        throw new src/* InputError */.dz('channel', 'is required with a bot token', "Set 'channel: C0123456789' (the channel ID) or 'channel: #team', or slack.channel in .github/flowkit.yml.");
    }
    if (!CHANNEL.test(channel)) {
        throw new src/* InputError */.dz('channel', `is not a channel ID or name: '${channel}'`, 'Use the channel ID (C0123456789, from the channel’s details) or its name (#devops-team-frontend).');
    }
    return channel;
}
async function readMessage(source, updateKey) {
    const { input, lookup } = source;
    const chosen = ['template', 'payload', 'payload-file'].filter((name) => input(name) !== '');
    if (chosen.length !== 1) {
        throw new src/* InputError */.dz(chosen[1] ?? 'template', chosen.length === 0
            ? 'is not set, and neither is payload or payload-file'
            : `is set together with ${chosen[0]}`, `Give exactly one: template (${templates.map((t) => t.name).join(', ')}), payload, or payload-file.`);
    }
    if (chosen[0] === 'template') {
        const template = findTemplate(input('template'));
        if (template === undefined) {
            throw new src/* InputError */.dz('template', `names no template: '${input('template')}'`, `Use one of: ${templates.map((t) => t.name).join(', ')}.`);
        }
        const raw = input('values') === '' ? undefined : await parseInput('values', input('values'));
        return {
            kind: 'template',
            template,
            values: checkValues(template, insertValues('values', () => (0,src/* interpolate */.GW)(raw, lookup).value)),
        };
    }
    if (input('values') !== '') {
        throw new src/* InputError */.dz('values', 'only applies to a template', 'With a custom payload, put {{ env.NAME }} placeholders in the payload itself.');
    }
    const name = chosen[0] ?? 'payload';
    const text = name === 'payload' ? input('payload') : await readPayloadFile(input('payload-file'));
    const parsed = await parseInput(name, text);
    if (!(0,src/* isRecord */.u4)(parsed)) {
        throw new src/* InputError */.dz(name, 'must be a JSON or YAML object (a mapping)', 'Give an object like {"text": "…", "blocks": […]}.');
    }
    if (!('text' in parsed) && !('blocks' in parsed) && !('attachments' in parsed)) {
        throw new src/* InputError */.dz(name, 'has no text, blocks or attachments', 'Slack needs at least one of them; text also serves as the notification text.');
    }
    if (updateKey !== undefined && 'metadata' in parsed) {
        throw new src/* InputError */.dz(name, 'has its own metadata, which update-key needs for itself', 'Remove metadata from the payload, or remove update-key.');
    }
    return { kind: 'payload', payload: insertValues(name, () => escapeInsertedValues(parsed, lookup)) };
}
async function readPayloadFile(path) {
    try {
        return await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new src/* InputError */.dz('payload-file', `cannot be read: '${path}' (${code ?? 'error'})`, 'Give a path relative to the repository root, and check out the repository before this step.');
    }
}
async function parseInput(name, text) {
    try {
        return await (0,src/* parseJsonOrYaml */.U1)(text);
    }
    catch (error) {
        if (!(error instanceof src/* SyntaxProblem */.bB))
            throw error;
        throw new src/* InputError */.dz(name, `is not valid JSON or YAML (${error.message})`, 'Do not build it with ${{ }} around user text: pass such text through env: and write {{ env.NAME }} where it goes.');
    }
}
function insertValues(name, insert) {
    try {
        return insert();
    }
    catch (error) {
        if (!(error instanceof src/* UnresolvedPlaceholder */.P_))
            throw error;
        const variable = error.expression.startsWith('env.') ? error.expression.slice(4) : undefined;
        throw new src/* InputError */.dz(name, `uses {{ ${error.expression} }}, which has no value`, variable === undefined
            ? 'Check the name against the github context.'
            : `Set ${variable} in the step's env: (an empty value is fine).`);
    }
}
/**
 * Inserts `{{ }}` values into the parsed payload: escaped wherever Slack renders text, and every mrkdwn
 * text object that received a value is marked verbatim so Slack does not auto-link names or mentions in it.
 */
function escapeInsertedValues(payload, lookup) {
    const { value, inserted } = (0,src/* interpolate */.GW)(payload, lookup, (text, path) => {
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
        if ((0,src/* isRecord */.u4)(parent) && parent.type === 'mrkdwn')
            parent.verbatim = true;
    }
    return result;
}

;// CONCATENATED MODULE: ./packages/slack/src/index.ts
// Slack for Flowkit: templates, safe text, the Web API and webhook senders, keyed messages and mentions.











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
/******/ var __webpack_exports__ = __nccwpck_require__(5515);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
