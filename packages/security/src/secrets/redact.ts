// What of a found secret may be shown: a short prefix and a hash, never the secret itself.
import { createHash } from 'node:crypto';

/** The most characters of a secret a message may show. */
export const MAX_PREVIEW_CHARS = 6;

/** The most characters of a generic value (often a password, shorter than a token) a message may show. */
export const MAX_GENERIC_PREVIEW_CHARS = 4;

/**
 * The first characters of `secret` and an ellipsis: at most `maxChars` (6 by default), and at most a quarter
 * of the secret (`ghp_Ab…`, `S3cr…`).
 */
export function redactSecret(secret: string, maxChars = MAX_PREVIEW_CHARS): string {
  const shown = Math.min(maxChars, Math.floor(secret.length / 4));
  return `${secret.slice(0, shown)}…`;
}

/**
 * The finding's fingerprint: sha256 of the rule id and the secret, in hex. It is the same wherever the secret
 * sits, so an allowlist entry keeps matching when lines move, and it cannot be turned back into the secret.
 */
export function fingerprintSecret(ruleId: string, secret: string): string {
  return createHash('sha256').update(`${ruleId}:${secret}`).digest('hex');
}
