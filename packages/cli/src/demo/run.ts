// Runs the demo: starts the world, runs the steps in order with a live timeline, records the run, writes the report,
// and stops everything it started — after the last step, after a failure, or at once on cancel.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { errorMessage } from '@flowkit/core';
import { Observer, type TicketState } from './observe.ts';
import type { DemoRecord, TimelineEvent } from './record.ts';
import { renderReport } from './report.ts';
import type { DemoServices } from './services.ts';
import { type DemoContext, type DemoStep, SCHEDULES, STEPS } from './steps.ts';
import { timelinePrinter } from './timeline.ts';
import { REPO, SUMMARY, startWorld, type World } from './world.ts';

export interface DemoOptions {
  fast: boolean;
  /** Asks yes/no on the terminal for each approval; undefined: automatic approvals. */
  ask?: (question: string) => Promise<boolean>;
  /** The report's folder; index.html and run.json are written there. */
  reportDir: string;
  write: (text: string) => void;
  tty: boolean;
  /** Aborting it cancels the run: everything is stopped at once. */
  signal?: AbortSignal;
  /** The real Jira and Slack to use instead of the emulators. */
  services?: DemoServices;
  steps?: DemoStep[];
}

/** The machine-readable record next to the page: the report's data, and the final state of the ticket and releases. */
export interface DemoResult extends DemoRecord {
  /** The ticket at the end, as Jira answers. */
  issue?: TicketState;
  /** What the monitors step changed in Datadog. */
  monitors?: { changed: number; dashboardId: string };
  deployments: { environment: string; sha: string; states: string[]; descriptions: string[] }[];
  /** The repository's GitHub releases and the Confluence pages, as the emulators hold them at the end. */
  releases: { tag: string; name: string; body: string }[];
  pages: { space: string; title: string; body: string }[];
  /** What the run started (servers, staging, temporary folders); all of it is stopped or removed by the end. */
  resources: { urls: string[]; dirs: string[] };
}

/** Runs the demo; resolves with the record (also written to `<reportDir>/run.json`) once everything is stopped. */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const startedAt = Date.now();
  const timeline: TimelineEvent[] = [];
  const printer = timelinePrinter(options.write, options.tty, startedAt);
  const emit = (step: string, kind: TimelineEvent['kind'], text: string): void => {
    const event = { at: Date.now(), step, kind, text };
    timeline.push(event);
    printer.event(event);
  };
  let world: World | undefined;
  let cancelled = options.signal?.aborted === true;
  const onAbort = () => {
    cancelled = true;
    emit('demo', 'info', 'cancelled: stopping everything the demo started');
    void world?.stop();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const result: DemoResult = {
    startedAt,
    finishedAt: startedAt,
    ok: false,
    ticket: { key: '', summary: SUMMARY },
    services: {},
    timeline,
    slack: [],
    jira: [],
    canaries: [],
    dora: undefined,
    stagingUrl: undefined,
    deployments: [],
    releases: [],
    pages: [],
    resources: { urls: [], dirs: [] },
  };
  let context: DemoContext | undefined;
  let observer: Observer | undefined;
  try {
    const emulated = [
      ...(options.services?.jira === undefined ? ['Jira'] : []),
      ...(options.services?.slack === undefined ? ['Slack'] : []),
      ...(options.services?.datadog === undefined ? ['Datadog'] : []),
      'GitHub',
      'Confluence',
    ];
    emit(
      'demo',
      'start',
      `starting the ${emulated.join(', ')} emulators, the service’s three versions, nginx and Prometheus; filing the ticket`,
    );
    if (!cancelled) {
      try {
        world = await startWorld(options.services, startedAt, (text) => emit('demo', 'info', text));
      } catch (error) {
        // startWorld stopped what it had started; say why it could not (a refused token, a missing program).
        emit('demo', 'failed', cancelled ? 'cancelled' : `could not start: ${errorMessage(error)}`);
        throw error;
      }
    }
    if (world === undefined || cancelled) throw new Error('cancelled');
    result.resources = world.resources;
    result.services = world.services;
    result.ticket.key = world.story.key;
    emit(
      'demo',
      'done',
      `ready: ${world.story.key} filed in Jira ${world.jiraCredentials.url}; Slack ${world.slack.apiUrl}, GitHub ${world.github.url}`,
    );
    for (const name of ['Jira', 'Slack', 'Datadog']) emit('demo', 'info', `${name}: ${world.services[name]}`);
    const seen = new Observer(world, startedAt);
    observer = seen;
    await seen.look();
    let currentStep = 'demo';
    const stepContext: DemoContext = {
      world,
      startedAt,
      schedule: options.fast ? SCHEDULES.fast : SCHEDULES.default,
      ask: options.ask,
      note: (text) => emit(currentStep, 'info', text),
      canaries: result.canaries,
    };
    context = stepContext;
    for (const step of options.steps ?? STEPS) {
      if (cancelled) throw new Error('cancelled');
      currentStep = step.id;
      emit(step.id, 'start', step.title);
      try {
        emit(step.id, 'done', await step.run(stepContext));
      } catch (error) {
        emit(step.id, 'failed', cancelled ? 'cancelled' : errorMessage(error));
        throw error;
      } finally {
        if (!cancelled)
          await seen
            .look()
            .then(() => {
              stepContext.releasedAt ??= seen.seen('Done');
            })
            .catch((error: unknown) =>
              emit(step.id, 'info', `could not read Jira or Slack: ${errorMessage(error)}`),
            );
      }
    }
    result.ok = true;
  } catch {
    result.ok = false;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    result.stagingUrl = context?.stagingUrl;
    result.dora = context?.dora;
    if (context?.release !== undefined) result.release = context.release;
    if (context?.monitors !== undefined) result.monitors = context.monitors;
    if (result.stagingUrl !== undefined) result.resources.urls.push(result.stagingUrl);
    if (world !== undefined) {
      try {
        if (observer !== undefined && !cancelled) {
          const ticket = await observer.ticket();
          result.jira = ticket.history;
          result.issue = ticket.state;
          result.slack = observer.messages();
        }
        result.deployments = world.github.deployments(REPO.owner, REPO.repo).map((deployment) => ({
          environment: deployment.environment,
          sha: deployment.sha,
          states: deployment.statuses.map((status) => status.state),
          descriptions: deployment.statuses.map((status) => status.description ?? ''),
        }));
        result.releases = world.github.releases(REPO.owner, REPO.repo).map((release) => ({
          tag: release.tagName,
          name: release.name ?? '',
          body: release.body ?? '',
        }));
        result.pages = world.confluence.pages().map((page) => ({
          space: page.spaceId,
          title: page.title,
          body: page.body,
        }));
      } catch (error) {
        emit('demo', 'info', `could not read the run’s final state: ${errorMessage(error)}`);
      }
      emit('demo', 'start', 'stopping everything the demo started');
      await world.stop();
      emit(
        'demo',
        'done',
        `stopped: services, nginx, Prometheus, staging, emulators; temporary files removed${options.services?.jira === undefined ? '' : `; ${world.story.key} stays in your Jira`}`,
      );
    }
    result.finishedAt = Date.now();
    printer.close();
    const dir = resolve(options.reportDir);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'index.html'), renderReport(result));
    await writeFile(join(dir, 'run.json'), `${JSON.stringify(result, null, 2)}\n`);
  }
  return result;
}
