// ShellCheck on the repository's shell scripts (`*.sh`, `*.bash`, and sh/bash shebangs).
import type { Finding } from '@flowkit/findings';
import { existingFiles, findShellScripts } from '../files.ts';
import type { Linter, LinterOutcome } from '../linter.ts';
import { parseShellcheckJson } from '../parsers/shellcheck.ts';
import { interpret, parseContext, runTool } from './shared.ts';

/** Scripts per ShellCheck call, to stay far below the system's argument length limit. */
const BATCH = 200;

/** ShellCheck's json1 report; exit 1 means comments were found, anything above a crash. */
export const shellcheck: Linter = {
  name: 'shellcheck',
  tool: 'shellcheck',
  install: "install it with 'sudo apt-get install shellcheck' (GitHub's Ubuntu runners have it)",
  looksFor: 'shell scripts (*.sh, *.bash, or a sh/bash shebang)',
  caches: false,

  async detect(dir) {
    const files = await findShellScripts(dir);
    return files.length > 0 ? { configFiles: existingFiles(dir, ['.shellcheckrc']), files } : undefined;
  },

  async run(job) {
    const files = job.detection.files ?? [];
    const findings: Finding[] = [];
    const command = `shellcheck -f json1 ${files.length <= 5 ? files.join(' ') : `<${files.length} scripts>`}`;
    for (let start = 0; start < files.length; start += BATCH) {
      const run = await runTool(job, ['-f', 'json1', ...files.slice(start, start + BATCH)]);
      const outcome: LinterOutcome = interpret(run.result, command, [0, 1], () =>
        parseShellcheckJson(run.result.stdout, parseContext(job, 'shellcheck')),
      );
      findings.push(...outcome.findings);
      if (outcome.crash) return { findings, command, crash: outcome.crash };
    }
    return { findings, command };
  },
};
