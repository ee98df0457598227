// Lists the files of a run's reports for upload as one artifact: the HTML reports, JUnit files and traces.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReportPaths } from './attempt.ts';

/** Every file under playwright-report/ and test-results/ (absolute paths), for an artifact rooted at `paths.cwd`. */
export async function reportFiles(paths: ReportPaths): Promise<string[]> {
  const files: string[] = [];
  for (const dir of [paths.reportDir, paths.resultsDir]) files.push(...(await filesUnder(dir)));
  return files.sort();
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}
