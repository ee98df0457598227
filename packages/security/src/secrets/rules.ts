// The secrets the scanner knows: a rule per token format, plus random-looking values assigned to key words.
import type { Severity } from '@flowkit/findings';
import { isPlaceholderToken, shannonEntropy, TOKEN_ENTROPY_THRESHOLD } from './entropy.ts';
import { redactSecret } from './redact.ts';

/** A kind of secret, as findings and allowlist entries name it. */
export interface SecretRule {
  /** Stable id: the finding's rule and what an allowlist entry's `rule` matches (`github-pat`). */
  id: string;
  /** What was found, in words (`GitHub personal access token (classic)`). */
  description: string;
  /** `error` for verified formats and private keys, `warning` for generic high-entropy values. */
  severity: Severity;
  /** How to recover: where to revoke it, and that the history must be cleaned too. */
  fix: string;
  helpUri?: string;
}

/** Where a secret is in the text, once a rule has checked a match. */
export interface ExtractedSecret {
  secret: string;
  /** Offset of the secret's first character. */
  start: number;
  /** Offset just past its last character. */
  end: number;
  /** What the message shows of it, when the first few characters would show too much or nothing. */
  preview?: string;
  /** A more precise description than the rule's (`Slack bot token`). */
  description?: string;
}

/** A rule that finds its secret with its own regex. */
export interface FormatRule extends SecretRule {
  /**
   * Regex source that JavaScript and Rust's regex crate (ripgrep) read alike, without capture groups: the
   * whole match is the secret, unless `extract` says otherwise.
   */
  pattern: string;
  /** Checks a match and returns the secret, or undefined when it is not one (a placeholder, docs example). */
  extract(text: string, start: number, match: string): ExtractedSecret | undefined;
}

const HISTORY =
  'then remove it from the file and from the history (git filter-repo or BFG), since old commits keep it, ' +
  'and keep the new one in a secret store such as a repository secret';

/** Accepts a token whose random part, after `prefixLength` fixed characters, is not a stand-in. */
function tokenAfterPrefix(prefixLength: number): FormatRule['extract'] {
  return (_text, start, match) =>
    isPlaceholderToken(match.slice(prefixLength))
      ? undefined
      : { secret: match, start, end: start + match.length };
}

function githubRule(id: string, prefix: string, description: string, fix: string): FormatRule {
  return {
    id,
    description,
    severity: 'error',
    fix: `${fix}, ${HISTORY}.`,
    helpUri:
      'https://docs.github.com/en/code-security/secret-scanning/working-with-secret-scanning-and-push-protection',
    pattern: String.raw`\b${prefix}[A-Za-z0-9]{36}\b`,
    extract: tokenAfterPrefix(prefix.length),
  };
}

const SLACK_KINDS: Record<string, string> = {
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
function extractPrivateKey(text: string, start: number, match: string): ExtractedSecret | undefined {
  const bodyStart = start + match.length;
  const window = text.slice(bodyStart, bodyStart + PRIVATE_KEY_REACH);
  const endMarker = window.indexOf('-----END');
  const lines = (endMarker === -1 ? window : window.slice(0, endMarker)).split(/\\r\\n|\\n|\r?\n/);
  let material = '';
  for (const line of lines) {
    const trimmed = line.replace(/^[\s"'+,]+|[\s"'+,\\]+$/g, '');
    if (trimmed === '' || (material === '' && ARMOR_HEADER.test(trimmed))) continue;
    const run = BASE64_RUN.exec(trimmed)?.[0] ?? '';
    material += run;
    // Outside a complete block, stop at the first line that is not all base64 (code after a header constant).
    if (run.length !== trimmed.length) {
      if (endMarker === -1) break;
      return undefined;
    }
  }
  // Entropy only: real key material has long runs of A (zero bytes in the encoding, as in every OpenSSH key).
  if (material.length < 40 || shannonEntropy(material) < TOKEN_ENTROPY_THRESHOLD) return undefined;
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
function isSignedJwtHeader(segment: string): boolean {
  try {
    const header: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    if (typeof header !== 'object' || header === null) return false;
    const alg = (header as { alg?: unknown }).alg;
    return typeof alg === 'string' && alg !== '' && alg.toLowerCase() !== 'none';
  } catch {
    // Deliberately no detail: a JSON.parse message quotes the text it failed on, which is the token.
    return false;
  }
}

/** Rules found by their own regex, in the order their alternatives are tried. */
export const FORMAT_RULES: readonly FormatRule[] = [
  githubRule(
    'github-pat',
    'ghp_',
    'GitHub personal access token (classic)',
    'Revoke it at https://github.com/settings/tokens (its owner can; an org owner can remove its access)',
  ),
  githubRule(
    'github-oauth-token',
    'gho_',
    'GitHub OAuth access token',
    'Revoke the OAuth app authorization at https://github.com/settings/applications',
  ),
  githubRule(
    'github-user-token',
    'ghu_',
    'GitHub App user access token',
    'Revoke the GitHub App authorization at https://github.com/settings/apps/authorizations',
  ),
  githubRule(
    'github-installation-token',
    'ghs_',
    "GitHub App installation token (or a workflow's GITHUB_TOKEN)",
    'Revoke it with DELETE /installation/token (it also expires within an hour)',
  ),
  githubRule(
    'github-refresh-token',
    'ghr_',
    'GitHub App refresh token',
    'Revoke the GitHub App authorization at https://github.com/settings/apps/authorizations',
  ),
  {
    id: 'github-fine-grained-pat',
    description: 'GitHub fine-grained personal access token',
    severity: 'error',
    fix: `Revoke it at https://github.com/settings/personal-access-tokens, ${HISTORY}.`,
    helpUri:
      'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens',
    pattern: String.raw`\bgithub_pat_[A-Za-z0-9_]{82}\b`,
    extract: tokenAfterPrefix('github_pat_'.length),
  },
  {
    id: 'slack-token',
    description: 'Slack token',
    severity: 'error',
    fix: `Revoke it at https://api.slack.com/apps (the app's OAuth & Permissions page) or with auth.revoke, ${HISTORY}.`,
    helpUri: 'https://api.slack.com/authentication/token-types',
    pattern: String.raw`\bxox[bpae]-[0-9]+-[A-Za-z0-9-]{16,}`,
    extract(_text, start, match) {
      // Only the last part is random: team and user IDs are digits, where runs like 888888 do occur.
      if (isPlaceholderToken(match.slice(match.lastIndexOf('-') + 1))) return undefined;
      return { secret: match, start, end: start + match.length, description: SLACK_KINDS[match.slice(0, 4)] };
    },
  },
  {
    id: 'slack-webhook-url',
    description: 'Slack incoming webhook URL',
    severity: 'error',
    fix: `Anyone with it can post to the channel: remove the webhook at https://api.slack.com/apps (Incoming Webhooks) and add a new one, ${HISTORY}.`,
    helpUri: 'https://api.slack.com/messaging/webhooks',
    pattern: String.raw`https://hooks\.slack\.com/services/T[A-Z0-9]{6,}/B[A-Z0-9]{6,}/[A-Za-z0-9]{20,}`,
    extract(_text, start, match) {
      // The secret is the path after the fixed prefix; its last segment authorizes, and is never shown.
      const prefix = 'https://hooks.slack.com/services/'.length;
      const path = match.slice(prefix);
      if (isPlaceholderToken(path.slice(path.lastIndexOf('/') + 1))) return undefined;
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
    pattern: String.raw`\b(?:AKIA|ASIA)[A-Z0-9]{16}\b`,
    extract(_text, start, match) {
      // AWS's own docs use AKIAIOSFODNN7EXAMPLE.
      if (match.endsWith('EXAMPLE') || isPlaceholderToken(match.slice(4))) return undefined;
      return { secret: match, start, end: start + match.length };
    },
  },
  {
    id: 'atlassian-api-token',
    description: 'Atlassian API token',
    severity: 'error',
    fix: `Revoke it at https://id.atlassian.com/manage-profile/security/api-tokens, ${HISTORY}.`,
    helpUri:
      'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/',
    pattern: String.raw`\bATATT3[A-Za-z0-9_=-]{180,}`,
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
    pattern: String.raw`\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{16,}`,
    extract(_text, start, match) {
      if (match.endsWith(JWT_IO_EXAMPLE_SIGNATURE)) return undefined;
      if (!isSignedJwtHeader(match.slice(0, match.indexOf('.')))) return undefined;
      return { secret: match, start, end: start + match.length };
    },
  },
];

// The parts of the assignment pattern, which the scanner also uses one by one (see detect.ts).
/** Words that make a name secret-like (matched case-insensitively, anywhere in the name). */
export const SECRET_KEY_WORDS =
  'passw(?:or)?d|passphrase|secret|token|api[_-]?key|app(?:lication)?[_-]?key|access[_-]?key|private[_-]?key|credential|datadog';
/**
 * ASCII whitespace, spelled out: JavaScript's `\s` would also take byte 0xA0 of UTF-8 text read as latin1,
 * and Rust's ASCII `\s` (what ripgrep runs) would not.
 */
export const ASSIGNMENT_SPACE_CHARS = String.raw`[\t\n\v\f\r ]`;
/** An assignment operator with the spaces and opening quote after it. */
export const ASSIGNMENT_OPERATOR = `(?::=|=>|=|:)${ASSIGNMENT_SPACE_CHARS}{0,5}["'\\x60]?`;
/** The characters of an assigned value: no spaces, quotes, brackets, commas, semicolons or ampersands. */
export const ASSIGNMENT_VALUE_CHARS = '[A-Za-z0-9+/=_.~!@#$%^*?-]';
/** Values shorter than this are never reported by the generic rule. */
export const MIN_ASSIGNED_VALUE_LENGTH = 16;

/**
 * An assignment of a value to a name with a key word in it (`DB_PASSWORD = "…"`, `"apiKey": "…"`,
 * `client_secret: …`, `--token=…`, `config['password'] = …`). Group 1 is the value: 16 to 200 characters
 * without spaces, quotes or brackets, so `${{ secrets.X }}`, `<your-token>` and calls never match. What the
 * value is (AWS secret key, Datadog key, generic secret or nothing) is decided by the scanner's checks.
 */
export const ASSIGNMENT_PATTERN = `(?i:${SECRET_KEY_WORDS})[\\w.-]{0,30}["']?\\]?${ASSIGNMENT_SPACE_CHARS}{0,5}${ASSIGNMENT_OPERATOR}(${ASSIGNMENT_VALUE_CHARS}{${MIN_ASSIGNED_VALUE_LENGTH},200})`;

/** A 40-character AWS secret access key, recognized only with AWS words in its name or just before it. */
export const AWS_SECRET_RULE: SecretRule = {
  id: 'aws-secret-access-key',
  description: 'AWS secret access key',
  severity: 'error',
  fix: `Deactivate and delete the access key pair in IAM (https://console.aws.amazon.com/iam/), ${HISTORY}.`,
  helpUri: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
};

/** A Datadog API key: 32 hex digits named or preceded by Datadog words. */
export const DATADOG_API_KEY_RULE: SecretRule = {
  id: 'datadog-api-key',
  description: 'Datadog API key',
  severity: 'error',
  fix: `Revoke it at https://app.datadoghq.com/organization-settings/api-keys (your Datadog site), ${HISTORY}.`,
  helpUri: 'https://docs.datadoghq.com/account_management/api-app-keys/',
};

/** A Datadog application key: 40 hex digits named or preceded by Datadog words. */
export const DATADOG_APP_KEY_RULE: SecretRule = {
  id: 'datadog-app-key',
  description: 'Datadog application key',
  severity: 'error',
  fix: `Revoke it at https://app.datadoghq.com/organization-settings/application-keys (your Datadog site), ${HISTORY}.`,
  helpUri: 'https://docs.datadoghq.com/account_management/api-app-keys/',
};

/** A random-looking value assigned to a name like password, secret, token or api_key. */
export const GENERIC_SECRET_RULE: SecretRule = {
  id: 'generic-secret',
  description: 'high-entropy value assigned to a secret-like name',
  severity: 'warning',
  fix:
    'If it is a real secret, rotate it where it was issued, read it from a secret store (e.g. ${{ secrets.NAME }} ' +
    'or an environment variable) and remove it from the history; if it is not, add an allowlist entry with the reason.',
};

/** Every rule, for listing and for checking allowlist entries' `rule`. */
export const SECRET_RULES: readonly SecretRule[] = [
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
export function secretPatterns(): string[] {
  return [...FORMAT_RULES.map((rule) => rule.pattern), ASSIGNMENT_PATTERN];
}
