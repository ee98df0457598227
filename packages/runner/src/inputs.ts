// Reads action inputs from INPUT_* variables, as the runner passes them.
import { InputError } from '@flowkit/core';

/** The text of an input, trimmed ('' when not given). */
export function getInput(name: string, options: { required?: boolean; trim?: boolean } = {}): string {
  const raw = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
  const value = options.trim === false ? raw : raw.trim();
  if (options.required && value === '') {
    throw new InputError(name, 'is required and was not given', `Add '${name}:' under 'with:' in the step.`);
  }
  return value;
}
