// Runs the demo: starts the world, runs the steps in order with a live timeline, records the run, writes the report,
// and stops everything it started — after the last step, after a failure, or at once on cancel.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { errorMessage } from '@flowkit/core';
import type { DemoRecord, JiraChange, RecordedMessage, TimelineEvent } from './record.ts';
import { renderReport } from './report.ts';
import { type DemoContext, type DemoStep, SCHEDULES, STEPS } from './steps.ts';
import { timelinePrinter } from './timeline.ts';
import { CHANNEL, PEOPLE, REPO, SUMMARY, startWorld, TICKET, type World } from './world.ts';

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
  steps?: DemoStep[];
}

/** The machine-readable record next to the page: the report's data, and the final state of the ticket and releases. */
export interface DemoResult extends DemoRecord {
  issue?: {
    status: string;
    labels: string[];
    assignee: string | undefined;
    properties: Record<string, unknown>;
    transitions: { from: string; to: string }[];
    /** The ticket's remote links (the card's permalink among them). */
    remoteLinks: { url: string; title: string }[];
  };
  deployments: { environment: string; sha: string; states: string[]; descriptions: string[] }[];
  /** The repository's GitHub releases and the Confluence pages, as the emulators hold them at the end. */
  releases: { tag: string; name: string; body: string }[];
  pages: { space: string; title: string; body: string }[];
  /** What the run started (servers, staging, temporary folders); all of it is stopped or removed by the end. */
  resources: { urls: string[]; dirs: string[] };
}

function plainText(body: unknown): string {
  if (typeof body === 'string') return body;
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const record = node as { type?: string; text?: string; content?: unknown[] };
    if (typeof record.text === 'string') texts.push(record.text);
    if (record.type === 'paragraph' && texts.length > 0) texts.push('\n');
    for (const child of record.content ?? []) walk(child);
  };
  walk(body);
  return texts.join('').trim();
}

const nameOf = (accountId: string | undefined): string =>
  accountId === undefined
    ? 'unassigned'
    : (Object.values(PEOPLE).find((person) => person.accountId === accountId)?.name ?? 'Flowkit');

/** The ticket's labels and assignee as they change between steps (Jira's own history holds moves and comments). */
function watchIssue(world: World, changes: JiraChange[]): () => void {
  let labels = '';
  let assignee: string | undefined;
  return () => {
    const issue = world.jira.issue(TICKET);
    const now = Date.now();
    if (issue.labels.join(', ') !== labels) {
      labels = issue.labels.join(', ');
      changes.push({ at: now, kind: 'labels', text: labels || '(none)' });
    }
    if (issue.assignee !== assignee) {
      assignee = issue.assignee;
      changes.push({ at: now, kind: 'assignee', text: nameOf(assignee) });
    }
  };
}

function jiraHistory(world: World, watched: JiraChange[]): JiraChange[] {
  const issue = world.jira.issue(TICKET);
  return [
    ...watched,
    ...issue.transitions.map((move) => ({
      at: move.at,
      kind: 'status' as const,
      text: `${move.from} → ${move.to}`,
    })),
    ...issue.comments.map((comment) => ({
      at: Date.parse(comment.created),
      kind: 'comment' as const,
      text: nameOf(comment.author),
      detail: plainText(comment.body),
    })),
  ].sort((a, b) => a.at - b.at);
}

function slackMessages(world: World): RecordedMessage[] {
  return world.slack.messages(CHANNEL.id).map((message) => ({
    channel: CHANNEL.name,
    ts: message.ts,
    ...(message.threadTs === undefined ? {} : { threadTs: message.threadTs }),
    text: message.text ?? '',
    edited: message.edited === true,
  }));
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
    ticket: { key: TICKET, summary: SUMMARY },
    services: {
      Jira: 'emulator',
      Slack: 'emulator',
      GitHub: 'emulator',
      Confluence: 'emulator',
      'nginx, Prometheus, Ansible, Chromium': 'real, on this machine',
      'the service': 'examples/deployments-dashboard, versions 1.0.0 (stable), 1.1.0 (faulty), 1.1.1 (fixed)',
    },
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
  const watched: JiraChange[] = [];
  let context: DemoContext | undefined;
  try {
    emit('demo', 'start', 'starting the emulators, the service’s three versions, nginx and Prometheus');
    if (!cancelled) world = await startWorld(startedAt);
    if (world === undefined || cancelled) throw new Error('cancelled');
    result.resources = world.resources;
    emit(
      'demo',
      'done',
      `ready: Jira ${world.jira.url}, Slack ${world.slack.url}, GitHub ${world.github.url}`,
    );
    const watch = watchIssue(world, watched);
    watch();
    let currentStep = 'demo';
    context = {
      world,
      startedAt,
      schedule: options.fast ? SCHEDULES.fast : SCHEDULES.default,
      ask: options.ask,
      note: (text) => emit(currentStep, 'info', text),
      canaries: result.canaries,
    };
    for (const step of options.steps ?? STEPS) {
      if (cancelled) throw new Error('cancelled');
      currentStep = step.id;
      emit(step.id, 'start', step.title);
      try {
        emit(step.id, 'done', await step.run(context));
      } catch (error) {
        emit(step.id, 'failed', cancelled ? 'cancelled' : errorMessage(error));
        throw error;
      } finally {
        watch();
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
    if (result.stagingUrl !== undefined) result.resources.urls.push(result.stagingUrl);
    if (world !== undefined) {
      try {
        result.slack = slackMessages(world);
        result.jira = jiraHistory(world, watched);
        const issue = world.jira.issue(TICKET);
        result.issue = {
          status: issue.status,
          labels: issue.labels,
          assignee: nameOf(issue.assignee),
          properties: issue.properties,
          transitions: issue.transitions.map((move) => ({ from: move.from, to: move.to })),
          remoteLinks: issue.remoteLinks.map((link) => ({ url: link.object.url, title: link.object.title })),
        };
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
        emit('demo', 'info', `could not read the emulators’ state: ${errorMessage(error)}`);
      }
      emit('demo', 'start', 'stopping everything the demo started');
      await world.stop();
      emit(
        'demo',
        'done',
        'stopped: services, nginx, Prometheus, staging, emulators; temporary files removed',
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
