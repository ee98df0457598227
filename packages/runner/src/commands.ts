// Workflow commands on stdout (`::error::`, `::add-mask::` …), with the runner's escaping and secret redaction.

/** Where an annotation points. */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
}

const secrets = new Set<string>();

/** Writes one line to the log, with every registered secret replaced by ***. */
export function info(message: string): void {
  process.stdout.write(`${redact(message)}\n`);
}

/**
 * Registers a secret: the runner masks it in all later output, and this process redacts it from its own
 * output too (defence in depth, and it covers local runs where no runner is listening). Call it before
 * anything that could log the value.
 */
export function setSecret(value: string): void {
  const parts = [value, ...value.split(/\r?\n/)]
    .map((part) => part.trim())
    .filter((part) => part.length >= 4);
  for (const part of new Set(parts)) {
    if (secrets.has(part)) continue;
    secrets.add(part);
    issueCommand('add-mask', {}, part);
  }
}

/** Replaces every registered secret in `text` with ***. */
export function redact(text: string): string {
  let result = text;
  for (const secret of secrets) result = result.split(secret).join('***');
  return result;
}

/** An error annotation: the step's log shows it and the run's summary lists it. */
export function error(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('error', properties, redact(message));
}

/** A warning annotation. */
export function warning(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('warning', properties, redact(message));
}

/** A notice annotation. */
export function notice(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('notice', properties, redact(message));
}

/** A line shown only when step debug logging is on. */
export function debug(message: string): void {
  issueCommand('debug', {}, redact(message));
}

/** True when the run has debug logging on (re-run with debug logging, or the ACTIONS_STEP_DEBUG secret). */
export function isDebug(): boolean {
  return process.env.RUNNER_DEBUG === '1';
}

/** Opens a collapsible group in the log. */
export function startGroup(title: string): void {
  issueCommand('group', {}, redact(title));
}

/** Closes the group opened last. */
export function endGroup(): void {
  issueCommand('endgroup', {}, '');
}

/** Writes `::name prop=value,…::message` with the runner's escaping. */
export function issueCommand(name: string, properties: object, message: string): void {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  process.stdout.write(`::${name}${props === '' ? '' : ` ${props}`}::${escapeData(message)}\n`);
}

/** Escapes a command's message the way the runner unescapes it. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command property value the way the runner unescapes it. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
