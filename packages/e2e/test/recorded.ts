// The JUnit reports recorded from real Playwright runs of the fixture project (see record-fixtures.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(import.meta.dirname, 'fixtures', 'junit');

/** How the reports were recorded: stack frames in them are absolute paths under `root`. */
export interface Recording {
  root: string;
  /** The fixture project, relative to root. */
  cwd: string;
  playwright: string;
  chromium: string;
  exitCodes: Record<string, number | null>;
}

/** The names of the recorded reports. */
export type RecordedReport = 'attempt-1' | 'attempt-2' | 'builtin-retries' | 'browser-missing' | 'no-tests';

/** The text of a recorded report. */
export function recordedJUnit(name: RecordedReport): string {
  return readFileSync(join(DIR, `${name}.xml`), 'utf8');
}

/** The recording's metadata. */
export const recording = JSON.parse(readFileSync(join(DIR, 'recording.json'), 'utf8')) as Recording;
