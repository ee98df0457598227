import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
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

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
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
    return (0,external_node_crypto_namespaceObject.createHash)('sha256').update(`${ruleId}:${secret}`).digest('hex');
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

;// CONCATENATED MODULE: ./packages/security/src/secrets/scan-files.ts
// Reads and scans a batch of files synchronously: the work a scan worker (or the main thread) does.


/** A file is binary when its first 8 KB hold a NUL byte (git's own test). */
const BINARY_PROBE_BYTES = 8192;
// O_NOFOLLOW makes a symbolic link fail (ELOOP) instead of reading its target, with no lstat; O_NONBLOCK keeps a
// FIFO where a file was listed from blocking the open (it is then not a file, and skipped).
const OPEN_FLAGS = external_node_fs_namespaceObject.constants.O_RDONLY | (external_node_fs_namespaceObject.constants.O_NOFOLLOW ?? 0) | (external_node_fs_namespaceObject.constants.O_NONBLOCK ?? 0);
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
            descriptor = (0,external_node_fs_namespaceObject.openSync)(path, OPEN_FLAGS);
        }
        catch (error) {
            if (error.code === 'ELOOP')
                return 'symlink';
            throw error;
        }
        try {
            const stats = (0,external_node_fs_namespaceObject.fstatSync)(descriptor);
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
                const count = (0,external_node_fs_namespaceObject.readSync)(descriptor, this.buffer, length, stats.size - length, length);
                if (count === 0)
                    break;
                length += count;
            }
            return length;
        }
        finally {
            (0,external_node_fs_namespaceObject.closeSync)(descriptor);
        }
    }
}

;// CONCATENATED MODULE: ./packages/security/src/secrets/worker.ts
// A scan worker thread: scans the batches of files the main thread sends and posts back what it found.


const setup = external_node_worker_threads_namespaceObject.workerData;
const scanner = new FileScanner(setup.sizeLimit);
external_node_worker_threads_namespaceObject.parentPort?.on('message', (request) => {
    external_node_worker_threads_namespaceObject.parentPort?.postMessage(scanner.scanBatch(setup.root, request.files));
});

;// CONCATENATED MODULE: ./actions/security-scan/src/secret-scan-worker.ts
// The secret scanner's worker thread, bundled as dist/secret-scan-worker.js beside the action.


