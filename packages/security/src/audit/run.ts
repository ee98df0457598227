// Runs the dependency audit a repository allows: npm audit (npm ≥ 11), else OSV-Scanner when it is on the runner.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProcessRunner } from '@flowkit/core';
import type { Finding } from '@flowkit/findings';
import { parseNpmAudit } from './npm-audit.ts';
import { parseOsvScanner } from './osv-scanner.ts';

/** What the audit did: which tool, its findings, and notes for people (why a tool was or was not used). */
export interface AuditOutcome {
  tool: 'npm-audit' | 'osv-scanner' | 'none';
  findings: Finding[];
  /** Things to say as warnings: a tool that could not run, parts of a report not understood. */
  notes: string[];
}

/**
 * Audits the dependencies of the repository at `root`. npm before 11, `yarn audit` (v1) and `pnpm audit` call
 * registry endpoints npm has retired, so only npm ≥ 11 is trusted; otherwise OSV-Scanner, when installed.
 */
export async function runDependencyAudit(
  root: string,
  run: ProcessRunner,
  env: NodeJS.ProcessEnv,
): Promise<AuditOutcome> {
  const notes: string[] = [];
  const lockfile = ['package-lock.json', 'npm-shrinkwrap.json'].find((name) => existsSync(join(root, name)));
  if (lockfile !== undefined) {
    const version = await run('npm', ['--version'], { cwd: root, env });
    const major = Number(version.stdout.trim().split('.')[0]);
    if (version.exitCode === 0 && major >= 11) {
      const audit = await run('npm', ['audit', '--json'], { cwd: root, env });
      try {
        const report = parseNpmAudit(audit.stdout, lockfile, await readFile(join(root, lockfile), 'utf8'));
        for (const entry of report.unreadable)
          notes.push(`npm audit: an entry was not understood and skipped (${entry}).`);
        return { tool: 'npm-audit', findings: report.findings, notes };
      } catch (error) {
        notes.push(
          `${error instanceof Error ? error.message : String(error)}. The dependency audit did not run.`,
        );
        return { tool: 'npm-audit', findings: [], notes };
      }
    }
    notes.push(
      version.exitCode === 0
        ? `npm ${version.stdout.trim()} is older than 11, whose audit uses the registry's current endpoint; set up Node with a recent npm, or install OSV-Scanner.`
        : 'npm is not on the runner; set up Node to audit package-lock.json.',
    );
  } else if (['yarn.lock', 'pnpm-lock.yaml'].some((name) => existsSync(join(root, name)))) {
    notes.push(
      'yarn audit (v1) and pnpm audit call retired registry endpoints; Flowkit audits these lockfiles with OSV-Scanner when it is installed.',
    );
  }
  const osv = await run('osv-scanner', ['scan', 'source', '--format', 'json', '--recursive', root], {
    cwd: root,
    env,
  });
  if (osv.startError === undefined && osv.stdout.trim().startsWith('{')) {
    try {
      const report = parseOsvScanner(osv.stdout, root);
      return {
        tool: 'osv-scanner',
        findings: report.findings,
        notes: [...notes, ...report.unreadable.map((entry) => `osv-scanner: skipped ${entry}.`)],
      };
    } catch (error) {
      notes.push(
        `${error instanceof Error ? error.message : String(error)}. The dependency audit did not run.`,
      );
      return { tool: 'osv-scanner', findings: [], notes };
    }
  }
  if (lockfile === undefined && notes.length === 0) {
    notes.push('No dependency audit: no package-lock.json, and OSV-Scanner is not on the runner.');
  } else if (osv.startError !== undefined) {
    notes.push(
      'OSV-Scanner is not on the runner (install it with its pinned setup action to audit other ecosystems).',
    );
  }
  return { tool: 'none', findings: [], notes };
}
