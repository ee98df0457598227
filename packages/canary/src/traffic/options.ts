// Reads a traffic driver's options (a YAML mapping from `traffic-options`, or an object from code): every value is
// checked, with an InputError naming the option, before a driver touches anything.
import { InputError } from '@flowkit/core';

/** The input an option error names: `traffic-options.<option>`. */
export function optionInput(key: string): string {
  return `traffic-options.${key}`;
}

/** Rejects options the driver does not know (a typo must not silently fall back to a default). */
export function rejectUnknown(
  driver: string,
  options: Record<string, unknown>,
  known: readonly string[],
): void {
  for (const key of Object.keys(options))
    if (!known.includes(key))
      throw new InputError(
        optionInput(key),
        `is not an option of the ${driver} traffic driver`,
        `Use one of: ${known.join(', ')}.`,
      );
}

/** A string option; `pattern` with `what` describes the expected form. */
export function stringOption(
  options: Record<string, unknown>,
  key: string,
  check: { required: true; pattern?: RegExp; what?: string; fix: string },
): string;
export function stringOption(
  options: Record<string, unknown>,
  key: string,
  check: { required?: false; pattern?: RegExp; what?: string; fix: string },
): string | undefined;
export function stringOption(
  options: Record<string, unknown>,
  key: string,
  check: { required?: boolean; pattern?: RegExp; what?: string; fix: string },
): string | undefined {
  const value = options[key];
  if (value === undefined || value === null || value === '') {
    if (check.required) throw new InputError(optionInput(key), 'is required and was not given', check.fix);
    return undefined;
  }
  if (typeof value !== 'string')
    throw new InputError(optionInput(key), `must be a string, not ${typeof value}`, check.fix);
  if (check.pattern !== undefined && !check.pattern.test(value))
    throw new InputError(
      optionInput(key),
      `is not ${check.what ?? 'valid'}: '${value.slice(0, 80)}'`,
      check.fix,
    );
  return value;
}

/** A command as an argv list (each entry a non-empty string). */
export function argvOption(options: Record<string, unknown>, key: string, fix: string): string[] | undefined {
  const value = options[key];
  if (value === undefined || value === null) return undefined;
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    value.some((part) => typeof part !== 'string' || part === '')
  )
    throw new InputError(optionInput(key), 'must be a non-empty list of non-empty strings', fix);
  return [...(value as string[])];
}

/** A list of arguments (may be empty). */
export function argsOption(options: Record<string, unknown>, key: string, fix: string): string[] {
  const value = options[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((part) => typeof part !== 'string' || part === ''))
    throw new InputError(optionInput(key), 'must be a list of non-empty strings', fix);
  return [...(value as string[])];
}

/** A duration in milliseconds, within bounds. */
export function durationOption(
  options: Record<string, unknown>,
  key: string,
  fallback: number,
  bounds: { min: number; max: number },
): number {
  const value = options[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < bounds.min || value > bounds.max)
    throw new InputError(
      optionInput(key),
      `must be a whole number of milliseconds from ${bounds.min} to ${bounds.max}, not '${String(value).slice(0, 40)}'`,
      `e.g. '${key}: ${fallback}'.`,
    );
  return value;
}

/** A boolean option. */
export function booleanOption(options: Record<string, unknown>, key: string, fallback: boolean): boolean {
  const value = options[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean')
    throw new InputError(
      optionInput(key),
      `must be true or false, not '${String(value).slice(0, 40)}'`,
      `e.g. '${key}: ${fallback}'.`,
    );
  return value;
}

/** A string-to-string map (environment variables). */
export function stringMapOption(
  options: Record<string, unknown>,
  key: string,
  fix: string,
): Record<string, string> {
  const value = options[key];
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw new InputError(optionInput(key), 'must be a mapping of NAME: value', fix);
  const result: Record<string, string> = {};
  for (const [name, entry] of Object.entries(value as Record<string, unknown>)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new InputError(optionInput(key), `has a bad variable name '${name.slice(0, 40)}'`, fix);
    if (typeof entry !== 'string' && typeof entry !== 'number' && typeof entry !== 'boolean')
      throw new InputError(optionInput(key), `has a value for ${name} that is not text`, fix);
    result[name] = String(entry);
  }
  return result;
}

/**
 * The canary weight asked for: a percentage from 0 to 100 with at most one decimal (0.5 is half a percent).
 * Returns it rounded to that decimal, so 5 and 5.0 are the same weight.
 */
export function checkWeight(percent: number): number {
  const tenths = Math.round(percent * 10);
  if (!Number.isFinite(percent) || percent < 0 || percent > 100 || Math.abs(percent * 10 - tenths) > 1e-6)
    throw new InputError(
      'weight',
      `must be a percentage from 0 to 100 with at most one decimal, not ${String(percent)}`,
      'Use steps like 0.5, 1, 5, 10, 50, 100.',
    );
  return tenths / 10;
}

/** A weight for display and commands: `5`, `0.5`. */
export function formatWeight(percent: number): string {
  return String(Math.round(percent * 10) / 10);
}

/** host:port with a host name, an IPv4 address or a bracketed IPv6 address. */
export const HOST_PORT =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*|\[[0-9A-Fa-f:.]+\]):([1-9][0-9]{0,4})$/;

/** True for host:port with a port from 1 to 65535. */
export function isHostPort(value: string): boolean {
  const match = HOST_PORT.exec(value);
  return match !== null && Number(match[1]) <= 65535;
}
