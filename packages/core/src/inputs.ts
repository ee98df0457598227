// Parses the text of an input or option into a typed value, naming the input when the text is wrong.
import { InputError } from './errors.ts';

/** A boolean in YAML 1.2's spelling (true, True, TRUE, false, False, FALSE); '' gives the fallback. */
export function parseBooleanInput(name: string, value: string, fallback: boolean): boolean {
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(
    name,
    `must be true or false, not '${value}'`,
    `Write '${name}: true' or '${name}: false'.`,
  );
}

/** A whole number within [min, max]; '' gives the fallback. */
export function parseIntegerInput(
  name: string,
  value: string,
  fallback: number,
  range: { min: number; max: number },
): number {
  if (value === '') return fallback;
  const number = Number(value);
  if (!/^-?\d+$/.test(value) || number < range.min || number > range.max) {
    throw new InputError(
      name,
      `must be a whole number from ${range.min} to ${range.max}, not '${value}'`,
      `Write for example '${name}: ${fallback}'.`,
    );
  }
  return number;
}
