// The live timeline on the terminal: on a TTY a step list redrawn in place; otherwise one plain line per event.
import type { TimelineEvent } from './record.ts';

const MARK = { start: '…', done: '✔', failed: '✘', info: ' ' } as const;

function clock(at: number, startedAt: number): string {
  const seconds = Math.max(0, Math.round((at - startedAt) / 1000));
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** One plain line for an event: `[01:23] ✔ staging: <text>`. */
export function plainLine(event: TimelineEvent, startedAt: number): string {
  return `[${clock(event.at, startedAt)}] ${MARK[event.kind]} ${event.step}: ${event.text}\n`;
}

export interface TimelinePrinter {
  event(event: TimelineEvent): void;
  /** Stops any redrawing. */
  close(): void;
}

/**
 * Prints events as they come. On a TTY the current step's line shows a running clock and is replaced by its outcome;
 * elsewhere (pipes, CI, tests) every event is one plain line.
 */
export function timelinePrinter(
  write: (text: string) => void,
  tty: boolean,
  startedAt: number,
): TimelinePrinter {
  if (!tty) return { event: (event) => write(plainLine(event, startedAt)), close() {} };
  let current: TimelineEvent | undefined;
  const redraw = () => {
    if (current !== undefined)
      write(`\r\x1b[2K\x1b[36m${clock(Date.now(), startedAt)} ⏵ ${current.step}: ${current.text}\x1b[0m`);
  };
  const timer = setInterval(redraw, 1000);
  timer.unref();
  return {
    event(event) {
      write('\r\x1b[2K');
      if (event.kind === 'start') {
        current = event;
        redraw();
        return;
      }
      const colour = event.kind === 'done' ? '\x1b[32m' : event.kind === 'failed' ? '\x1b[31m' : '\x1b[2m';
      write(`${colour}${plainLine(event, startedAt)}\x1b[0m`);
      if (event.kind !== 'info') current = undefined;
      redraw();
    },
    close() {
      clearInterval(timer);
      if (current !== undefined) write('\n');
    },
  };
}
