// An action's log as a person reads it: workflow commands become human lines and `::group::`s a live step list.

/** One thing an action's step printed, or a moment of the run (tick, end). */
export type LogEvent =
  | { kind: 'line'; text: string }
  | { kind: 'error' | 'warning' | 'notice'; message: string; properties: Record<string, string> }
  | { kind: 'debug'; message: string }
  | { kind: 'mask'; value: string }
  | { kind: 'group'; title: string; at: number }
  | { kind: 'endgroup'; at: number }
  /** The spinner's next frame (a terminal redraws the open step). */
  | { kind: 'tick' }
  /** The step ended; `failed` when it exited non-zero. */
  | { kind: 'end'; at: number; failed: boolean };

/** Reads one stdout line of an action: a workflow command, or a plain line. */
export function parseLogLine(line: string, at: number): LogEvent | undefined {
  const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) return { kind: 'line', text: line };
  const command = match[1] as string;
  const message = unescapeCommand(match[3] ?? '', false);
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
    const equals = pair.indexOf('=');
    if (equals > 0) properties[pair.slice(0, equals)] = unescapeCommand(pair.slice(equals + 1), true);
  }
  switch (command) {
    case 'error':
    case 'warning':
    case 'notice':
      return { kind: command, message, properties };
    case 'debug':
      return { kind: 'debug', message };
    case 'add-mask':
      return { kind: 'mask', value: message };
    case 'group':
      return { kind: 'group', title: message, at };
    case 'endgroup':
      return { kind: 'endgroup', at };
    default:
      // Other commands (echo, stop-commands, the deprecated set-output) mean nothing outside a runner.
      return undefined;
  }
}

function unescapeCommand(text: string, property: boolean): string {
  let result = text.replace(/%0D/g, '\r').replace(/%0A/g, '\n');
  if (property) result = result.replace(/%3A/g, ':').replace(/%2C/g, ',');
  return result.replace(/%25/g, '%');
}

/** What the view remembers between events. */
export interface LogState {
  /** A terminal: steps are redrawn in place with a spinner; otherwise plain lines for CI logs. */
  tty: boolean;
  /** Show `::debug::` lines and, on a terminal, the lines inside steps. */
  verbose: boolean;
  masks: string[];
  step: { title: string; startedAt: number; failed: boolean; hidden: string[] } | undefined;
  frame: number;
}

export function initialLogState(tty: boolean, verbose: boolean, masks: string[] = []): LogState {
  return { tty, verbose, masks: masks.filter((mask) => mask.length > 0), step: undefined, frame: 0 };
}

export const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const CLEAR_LINE = '\r\x1b[2K';

/** A duration as people read it: 0.4s, 12.0s, 3m 05s. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, '0')}s`;
}

/** `error: message (file:line:col)`. */
export function annotationLine(kind: string, message: string, properties: Record<string, string>): string {
  const where = [properties.file, properties.line, properties.col].filter(Boolean).join(':');
  const title = properties.title ? `${properties.title}: ` : '';
  return `${kind}: ${title}${message}${where === '' ? '' : ` (${where})`}`;
}

/** Replaces every masked value in `text` with ***, longest first (so a value containing another is hidden whole). */
export function mask(text: string, masks: readonly string[]): string {
  let result = text;
  for (const value of [...masks].sort((a, b) => b.length - a.length))
    result = result.split(value).join('***');
  return result;
}

/**
 * The view's next state and the text to write for `event`: a pure function, so tests can check both renderings.
 * On a terminal an open step is one redrawn line (spinner, then ✓ or ✗ with its duration), the lines inside it are
 * shown only when it fails or with verbose; annotations always show. Plain mode writes `▶ Title` and every line.
 */
export function renderLog(state: LogState, event: LogEvent): { state: LogState; text: string } {
  if (event.kind === 'mask') {
    const masks = event.value.trim() === '' ? state.masks : [...state.masks, event.value];
    return { state: { ...state, masks }, text: '' };
  }
  const out = (text: string) => mask(text, state.masks);
  const live = state.tty && state.step !== undefined;
  const spinnerLine = (next: LogState) =>
    next.step === undefined ? '' : `${SPINNER[next.frame % SPINNER.length]} ${out(next.step.title)}`;
  /** A line printed above the live step line, which is then redrawn. */
  const above = (next: LogState, line: string) =>
    live ? `${CLEAR_LINE}${out(line)}\n${spinnerLine(next)}` : `${out(line)}\n`;

  switch (event.kind) {
    case 'line': {
      if (live && state.step !== undefined && !state.verbose) {
        const step = { ...state.step, hidden: [...state.step.hidden, event.text] };
        return { state: { ...state, step }, text: '' };
      }
      return { state, text: above(state, event.text) };
    }
    case 'debug':
      return state.verbose ? { state, text: above(state, `debug: ${event.message}`) } : { state, text: '' };
    case 'error':
    case 'warning':
    case 'notice': {
      const next =
        event.kind === 'error' && state.step !== undefined
          ? { ...state, step: { ...state.step, failed: true } }
          : state;
      return { state: next, text: above(next, annotationLine(event.kind, event.message, event.properties)) };
    }
    case 'group': {
      const closed = closeStep(state, event.at, false);
      const next: LogState = {
        ...closed.state,
        step: { title: event.title, startedAt: event.at, failed: false, hidden: [] },
        frame: 0,
      };
      return { state: next, text: closed.text + (state.tty ? spinnerLine(next) : `▶ ${out(event.title)}\n`) };
    }
    case 'endgroup':
      return closeStep(state, event.at, false);
    case 'tick': {
      if (!live) return { state, text: '' };
      const next = { ...state, frame: state.frame + 1 };
      return { state: next, text: `${CLEAR_LINE}${spinnerLine(next)}` };
    }
    case 'end':
      return closeStep(state, event.at, event.failed);
  }
}

/** Ends the open step: on a terminal its ✓/✗ line (and, when it failed, the lines it hid). */
function closeStep(state: LogState, at: number, failed: boolean): { state: LogState; text: string } {
  const step = state.step;
  if (step === undefined) return { state, text: '' };
  const next = { ...state, step: undefined };
  if (!state.tty) return { state: next, text: '' };
  const bad = failed || step.failed;
  const hidden = bad ? step.hidden.map((line) => `  ${line}\n`).join('') : '';
  const text = `${CLEAR_LINE}${bad ? '✗' : '✓'} ${step.title} (${formatDuration(at - step.startedAt)})\n${hidden}`;
  return { state: next, text: mask(text, state.masks) };
}
