// Records real Playwright JUnit reports of the fixture project for the parser tests: `node packages/e2e/test/record-fixtures.ts`.
import { spawn, spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { startSite } from './site.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const PROJECT = join(import.meta.dirname, 'fixtures', 'project');
const JUNIT = join(import.meta.dirname, 'fixtures', 'junit');
const PLAYWRIGHT = join(ROOT, 'node_modules', '.bin', 'playwright');

/**
 * Runs Playwright in the fixture project; its JUnit report goes to `<temp>/<name>.xml`. Asynchronously: the site
 * answers from this process.
 */
async function playwright(
  temp: string,
  name: string,
  args: string[],
  env: Record<string, string>,
): Promise<number | null> {
  const child = spawn(
    PLAYWRIGHT,
    ['test', '--reporter=list,junit', `--output=${join(temp, `results-${name}`)}`, ...args],
    {
      cwd: PROJECT,
      env: {
        ...process.env,
        PLAYWRIGHT_JUNIT_OUTPUT_FILE: join(temp, `${name}.xml`),
        PLAYWRIGHT_LAST_RUN_OUTPUT_FILE: join(temp, 'last-run.json'),
        FORCE_COLOR: '0',
        ...env,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  console.log(`${name}: exit code ${status}`);
  return status;
}

const temp = await mkdtemp(join(tmpdir(), 'flowkit-e2e-record-'));
await mkdir(JUNIT, { recursive: true });
const exitCodes: Record<string, number | null> = {};
try {
  // The action's way: everything once, then only the failures (the flaky one passes: /flaky answered once).
  let site = await startSite();
  exitCodes['attempt-1'] = await playwright(temp, 'attempt-1', ['--retries=0'], { BASE_URL: site.url });
  exitCodes['attempt-2'] = await playwright(temp, 'attempt-2', ['--retries=0', '--last-failed'], {
    BASE_URL: site.url,
  });
  await site.stop();
  // Playwright's own retries, recorded in Surefire's dialect (flakyFailure, rerunFailure).
  site = await startSite();
  exitCodes['builtin-retries'] = await playwright(temp, 'builtin-retries', ['--retries=1'], {
    BASE_URL: site.url,
    PLAYWRIGHT_JUNIT_INCLUDE_RETRIES: '1',
  });
  // A Chromium that is not there, and a grep that matches nothing.
  exitCodes['browser-missing'] = await playwright(temp, 'browser-missing', ['--retries=0', '--grep=top 5'], {
    BASE_URL: site.url,
    CHROMIUM_PATH: '/opt/no-such-chromium/chrome',
  });
  exitCodes['no-tests'] = await playwright(temp, 'no-tests', ['--retries=0', '--grep=no such test'], {
    BASE_URL: site.url,
  });
  await site.stop();
  for (const name of Object.keys(exitCodes))
    await copyFile(join(temp, `${name}.xml`), join(JUNIT, `${name}.xml`));
  const version = JSON.parse(
    await readFile(join(ROOT, 'node_modules', '@playwright', 'test', 'package.json'), 'utf8'),
  ) as { version: string };
  const chromium = spawnSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout.trim();
  await writeFile(
    join(JUNIT, 'recording.json'),
    `${JSON.stringify(
      {
        // Stack frames in the reports are absolute paths under this root; the tests resolve them against it.
        root: ROOT,
        cwd: relative(ROOT, PROJECT),
        playwright: version.version,
        chromium,
        exitCodes,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`recorded ${Object.keys(exitCodes).length} reports in ${relative(ROOT, JUNIT)}`);
} finally {
  await rm(temp, { recursive: true, force: true });
}
