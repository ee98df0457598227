// Test support for real deployments: free ports, polling, and stopping every process a deploy root's pid files name.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort, pollUntil as waitUntil } from '@flowkit/testing';

export { freePort, waitUntil };

/** True when a process with this pid exists. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every *.pid file under `root` and the pid it holds. */
export async function pidFiles(root: string): Promise<{ file: string; pid: number }[]> {
  const found: { file: string; pid: number }[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith('.pid')) {
        const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
        if (Number.isInteger(pid) && pid > 1) found.push({ file: path, pid });
      }
    }
  };
  await walk(root);
  return found;
}

/**
 * Stops every process a pid file under `root` names (SIGTERM, then SIGKILL after 5 s) and removes `root`: a test's
 * cleanup, run even when the test failed half-way.
 */
export async function stopAndRemove(root: string): Promise<void> {
  const pids = (await pidFiles(root)).map((entry) => entry.pid).filter(isRunning);
  for (const pid of pids) process.kill(pid, 'SIGTERM');
  try {
    await waitUntil('the processes to stop', () => pids.every((pid) => !isRunning(pid)), 5000);
  } catch {
    for (const pid of pids.filter(isRunning)) process.kill(pid, 'SIGKILL');
  }
  await rm(root, { recursive: true, force: true });
}

/** GET `url`: status and body, or the connection error's message. */
export async function get(url: string): Promise<{ status: number; body: string } | { error: string }> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    return { status: response.status, body: await response.text() };
  } catch (error) {
    return { error: String((error as Error).cause ?? error) };
  }
}
