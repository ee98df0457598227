// `flowkit demo`: the whole flow on this machine — ticket, CI, staging, approval, canary, DORA — with a report page.
// Light on purpose: every `flowkit` command loads it; the orchestrator (emulators, actions) is imported only by `run`.
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { Command, CommandIo } from '../commands.ts';
import { installDependencies, missingDependencies, missingMessage } from './deps.ts';
import { readDemoServices } from './services.ts';

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
fixed version is promoted to 100% and the ticket is Done, the release notes are published (a GitHub release and a
Confluence page) and the service's Datadog monitors and dashboard set up; the run's DORA figures are printed. Each
step runs the same action bundles, with the same inputs, as Flowkit's reusable workflows. Everything it starts it
stops, also on Ctrl-C.

Jira, Slack, Datadog, GitHub and Confluence are emulated on 127.0.0.1 unless the environment names real ones:
  JIRA_URL, JIRA_EMAIL, JIRA_API_TOKEN, JIRA_PROJECT   your Jira Cloud site, an account's API token, and the project
      to file the ticket in; its workflow must reach In Progress, QA (or JIRA_QA_STATUS) and Done. You are the
      on-call engineer and both approvers (nobody else's credentials are at hand); --interactive asks before your
      approval comment. The ticket stays in your Jira, Done, as the run's record.
  SLACK_BOT_TOKEN, SLACK_CHANNEL   a bot token (chat:write, channels:history, users:read.email) and the ID of a
      channel the bot is in; SLACK_API_URL for another Slack API base URL.
  DD_API_KEY, DD_APP_KEY   the Datadog organisation the service's monitors and dashboard are set up in (DD_SITE,
      e.g. datadoghq.eu; DD_API_URL for another API base URL). The canary itself reads Prometheus on this machine.
Each service's variables come all or none. GitHub and Confluence stay emulated: the run's deployments, release
and release notes must not land in a real repository or wiki.

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
    const services = readDemoServices(io.env ?? process.env);
    if ('error' in services) {
      io.error(`flowkit demo: ${services.error}\n`);
      return 2;
    }
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
        services: services.services,
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
