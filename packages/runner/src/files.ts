// File commands: outputs, state for a post step, exported variables and the job summary.
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { redact } from './commands.ts';

/** Sets a step output (read by later steps as `steps.<id>.outputs.<name>`). */
export function setOutput(name: string, value: string): void {
  appendKeyValue('GITHUB_OUTPUT', name, value);
}

/** Saves a value for this action's `post:` step, which reads it with `getState`. */
export function saveState(name: string, value: string): void {
  appendKeyValue('GITHUB_STATE', name, value);
}

/** Reads a value saved by `saveState` in the main step ('' when absent). */
export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? '';
}

/** Sets an environment variable for the rest of the job and for this process. */
export function exportVariable(name: string, value: string): void {
  process.env[name] = value;
  appendKeyValue('GITHUB_ENV', name, value);
}

/** Appends Markdown to the job summary (GitHub shows it on the run page; each step's part is ≤ 1 MiB). */
export function appendSummary(markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, `${redact(markdown)}\n`, 'utf8');
}

function appendKeyValue(fileVariable: string, name: string, value: string): void {
  const file = process.env[fileVariable];
  // Outside a runner (a local run) there is nowhere to write; the value was already logged by the caller.
  if (!file) return;
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`Refusing to write ${name}: its value contains the delimiter`);
  }
  appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`, 'utf8');
}
