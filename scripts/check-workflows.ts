// CLI: lints every workflow, workflow template and action.yml in the repository; exits 1 on any finding.
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkRepository, formatFinding, formatSummary } from './lib/workflow-check.ts';

const usage = 'usage: node scripts/check-workflows.ts [--root <dir>]';

/** Parses the arguments, runs the check and returns the exit code: 0 clean, 1 findings, 2 bad usage. */
async function main(args: string[]): Promise<number> {
  let root: string;
  try {
    const { values } = parseArgs({
      args,
      options: { root: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    });
    if (values.help) {
      console.log(usage);
      return 0;
    }
    root = values.root ?? fileURLToPath(new URL('..', import.meta.url));
    // A mistyped --root would otherwise pass as a tree with nothing to check.
    const rootStat = await stat(root).catch(() => undefined);
    if (!rootStat?.isDirectory()) throw new Error(`--root ${root} is not a directory`);
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }

  const result = await checkRepository(root);
  for (const finding of result.findings) console.log(formatFinding(finding));
  console.log(formatSummary(result));
  return result.findings.length > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
