// The programs the demo runs for real (nginx, Prometheus, Chromium, Ansible): found on PATH, or named with the fix.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** A program the demo needs, and the Debian/Ubuntu package that brings it. */
export interface Dependency {
  program: string;
  what: string;
  aptPackage: string;
}

export const DEPENDENCIES: readonly Dependency[] = [
  { program: 'nginx', what: 'the staging and canary proxy', aptPackage: 'nginx' },
  { program: 'prometheus', what: 'the canary guard’s metrics', aptPackage: 'prometheus' },
  { program: 'chromium', what: 'the end-to-end tests’ browser', aptPackage: 'chromium' },
  { program: 'ansible-playbook', what: 'staging provisioning', aptPackage: 'ansible-core' },
];

/** The absolute path of `program` in the directories of `path`, or undefined. */
export function findProgram(program: string, path: string): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  return undefined;
}

/** The dependencies `path` lacks, in DEPENDENCIES order. */
export function missingDependencies(path: string): Dependency[] {
  return DEPENDENCIES.filter((dependency) => findProgram(dependency.program, path) === undefined);
}

/** The message for missing programs: which, what for, and the two ways to get them. */
export function missingMessage(missing: readonly Dependency[]): string {
  const packages = missing.map((dependency) => dependency.aptPackage).join(' ');
  return [
    `flowkit demo runs real programs and cannot find ${missing.length === 1 ? 'this one' : 'these'} on PATH:`,
    ...missing.map((dependency) => `  ${dependency.program} (${dependency.what})`),
    `Install ${missing.length === 1 ? 'it' : 'them'} with:  sudo apt-get install ${packages}`,
    "or run 'flowkit demo --install-deps' as root, which does that for you.",
    '',
  ].join('\n');
}

/** Runs `apt-get install -y <packages>` (after `apt-get update`), streaming its output; resolves with its exit code. */
export async function installDependencies(
  missing: readonly Dependency[],
  write: (text: string) => void,
): Promise<number> {
  const run = (args: string[]): Promise<number> =>
    new Promise((resolve) => {
      write(`$ apt-get ${args.join(' ')}\n`);
      const child = spawn('apt-get', args, {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
      child.stdout.setEncoding('utf8').on('data', write);
      child.stderr.setEncoding('utf8').on('data', write);
      child.on('error', (error) => {
        write(`apt-get could not be started: ${error.message}\n`);
        resolve(127);
      });
      child.on('close', (code) => resolve(code ?? 1));
    });
  const updated = await run(['update']);
  if (updated !== 0) return updated;
  return run([
    'install',
    '-y',
    '--no-install-recommends',
    ...missing.map((dependency) => dependency.aptPackage),
  ]);
}
