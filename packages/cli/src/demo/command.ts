// `flowkit demo`: the whole flow on this machine — ticket, CI, staging, approval, canary, DORA — with a report page.
// Light on purpose: every `flowkit` command loads it; the orchestrator (emulators, actions) is imported only by `run`.
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { Command, CommandIo } from '../commands.ts';
import { installDependencies, missingDependencies, missingMessage } from './deps.ts';

/** Yes/no questions on stdin, one line each; end of input answers no. */
function asker(io: CommandIo): (question: string) => Promise<boolean> {
  const lines = createInterface({ input: Readable.from(io.stdin), crlfDelay: Number.POSITIVE_INFINITY })[
    Symbol.asyncIterator
  ]();
  return async (question) => {
    io.write(`\n? ${question} [y/N] `);
    const answer = await lines.next();
    return !answer.done && /^\s*y(es)?\s*$/i.test(answer.value);
  };
}

export const demo: Command = {
  path: ['demo'],
  summary: 'Runs the whole flow on this machine with the example service, and writes a report page.',
  help: `
A Jira ticket arrives and is triaged (labels, Sarah on call, #devops-team-frontend told — that message is the
ticket's living card, updated in place at every stage); a push moves it to In Progress and CI lints and scans;
staging is provisioned with Ansible behind nginx and tested with Playwright in Chromium, and the ticket goes to QA;
QA and product approve; a canary with an injected fault is rolled back by the guard (real nginx and Prometheus), the
fixed version is promoted to 100% and the ticket is Done, and the release notes are published (a GitHub release and
a Confluence page); the run's DORA figures are printed. Each step runs the same action bundles, with the same
inputs, as Flowkit's reusable workflows. Jira, Slack, GitHub and Confluence are emulated on 127.0.0.1. Everything it
starts it stops, also on Ctrl-C.

Needs nginx, prometheus, chromium and ansible-playbook on PATH (apt-get install nginx prometheus chromium
ansible-core). Writes <report>/index.html (self-contained: timeline, Slack messages, Jira history, canary charts,
DORA) and <report>/run.json.
Exit codes: 0 the flow ran, 1 a step failed, 2 bad options or a missing program, 130 cancelled.`,
  options: [
    {
      name: 'fast',
      description: 'the compressed canary schedule the tests use (about 30 s per rollout)',
      flag: true,
    },
    { name: 'interactive', description: 'ask on the terminal for the QA and product approvals', flag: true },
    { name: 'install-deps', description: 'install missing programs with apt-get (as root)', flag: true },
    { name: 'report', description: 'folder for the report page', default: 'flowkit-report' },
  ],
  async run(options, io) {
    let missing = missingDependencies(process.env.PATH ?? '');
    if (missing.length > 0 && options['install-deps'] === 'true') {
      if (process.getuid?.() !== 0) {
        io.error(
          `flowkit: --install-deps runs apt-get, which needs root. Run: sudo apt-get install ${missing.map((d) => d.aptPackage).join(' ')}\n`,
        );
        return 2;
      }
      const code = await installDependencies(missing, io.write);
      missing = missingDependencies(process.env.PATH ?? '');
      if (code !== 0 || missing.length > 0) {
        io.error(
          `flowkit: apt-get install failed (exit ${code}).\n${missing.length > 0 ? missingMessage(missing) : ''}`,
        );
        return 1;
      }
    }
    if (missing.length > 0) {
      io.error(missingMessage(missing));
      return 2;
    }
    const reportDir = resolve(options.report ?? 'flowkit-report');
    const controller = new AbortController();
    const cancel = () => controller.abort();
    process.once('SIGINT', cancel);
    process.once('SIGTERM', cancel);
    try {
      const { runDemo } = await import('./run.ts');
      const result = await runDemo({
        fast: options.fast === 'true',
        ...(options.interactive === 'true' ? { ask: asker(io) } : {}),
        reportDir,
        // On a terminal the live step list goes where progress goes (stderr); otherwise plain lines on stdout.
        write: io.tty === true ? io.error : io.write,
        tty: io.tty === true,
        signal: controller.signal,
      });
      if (result.dora !== undefined) io.write(`\n${result.dora.text}\n`);
      io.write(`\nReport: ${join(reportDir, 'index.html')}\n`);
      if (controller.signal.aborted) return 130;
      return result.ok ? 0 : 1;
    } finally {
      process.removeListener('SIGINT', cancel);
      process.removeListener('SIGTERM', cancel);
    }
  },
};
