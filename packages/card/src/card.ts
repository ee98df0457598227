// One living Slack card per ticket: found by the ticket key, rebuilt from Jira and GitHub at every write, updated in
// place, with one thread entry per stage change and a Jira link back to it.
import { type Clock, type FlowkitConfig, type Logger, type RetryPolicy, systemClock } from '@flowkit/core';
import type { GitHubClient, Repo } from '@flowkit/github';
import { asRef, JiraPropertyStore, SLACK_PROPERTY, TRIAGE_PROPERTY } from '@flowkit/intake';
import type { JiraApi, JiraIssue } from '@flowkit/jira';
import {
  ChannelHistoryStore,
  keyMetadata,
  MentionResolver,
  type MessageRef,
  type SlackClient,
} from '@flowkit/slack';
import { handoffPeople, mentionsOf } from './people.ts';
import {
  CARD_PROPERTY,
  type CardFacts,
  includesFacts,
  mergeFacts,
  readCardRecord,
  sameJson,
} from './record.ts';
import { type CardMessage, renderCard, renderEntry } from './render.ts';
import { decideStage, type Stage, threadEntryFor } from './stage.ts';
import { type CardState, gatherCardState } from './state.ts';

/** How many times a write re-reads and rewrites when another writer changed the state meanwhile. */
export const MAX_WRITES = 4;

/** What the card needs to reach. */
export interface CardDeps {
  jira: JiraApi;
  slack: SlackClient;
  github?: { client: GitHubClient; repo: Repo };
  policy: () => RetryPolicy;
  log: Logger;
  clock?: Clock;
}

/** One write of a ticket's card. */
export interface CardRequest {
  key: string;
  config: FlowkitConfig;
  /** The Jira site, for links to the ticket. */
  jiraUrl: string;
  /** What this run saw (may be empty: the card is then only refreshed). */
  facts: CardFacts;
  /** Where to post the card when the ticket has none yet (intake posts it normally). */
  channel?: string;
}

/** What the write did. */
export interface CardResult {
  message: MessageRef;
  permalink: string;
  stage: Stage;
  /** True when the card was posted now (the ticket had no message). */
  posted: boolean;
  /** Thread entries posted now (ids); reruns post none. */
  entries: string[];
  /** How many times the card was written (more than 1 when another writer changed the state meanwhile). */
  writes: number;
  /** Problems that did not stop the write, worded for people. */
  warnings: string[];
  state: CardState;
}

/**
 * Writes the card. Against concurrent writers (chat.update has no version check) each write re-reads the state
 * after updating and writes again while it changed, at most MAX_WRITES times, so the last writer leaves the newest
 * state; in workflows a concurrency group per ticket serializes the writers as well.
 */
export async function writeCard(deps: CardDeps, request: CardRequest): Promise<CardResult> {
  const clock = deps.clock ?? systemClock;
  const { jira, slack, policy, log } = deps;
  const sources = { jira, github: deps.github, config: request.config, jiraUrl: request.jiraUrl };
  const warnings: string[] = [];

  let issue = await readIssue(jira, request.key);
  let ref: MessageRef | undefined = asRef(issue.properties[SLACK_PROPERTY]);
  let posted = false;
  let written: CardMessage | undefined;
  let state: CardState | undefined;
  let writes = 0;
  for (;;) {
    const known = readCardRecord(issue.properties[CARD_PROPERTY]).facts;
    const facts = mergeFacts(known, request.facts);
    if (!sameJson(facts, known)) await jira.setProperty(request.key, CARD_PROPERTY, { version: 1, facts });
    state = await gatherCardState(sources, issue, facts, teamOf(issue));
    const message = renderCard(state, decideStage(state));
    if (written === undefined || !sameJson(written, message)) {
      if (ref === undefined) {
        ref = await postCard(deps, request, issue, state, message);
        posted = true;
      } else {
        await slack.call(
          'chat.update',
          { channel: ref.channel, ts: ref.ts, text: message.text, blocks: message.blocks },
          policy(),
        );
      }
      written = message;
      writes++;
    }
    // Another writer may have stored facts or moved the ticket meanwhile; read again and compare.
    issue = await readIssue(jira, request.key);
    const after = readCardRecord(issue.properties[CARD_PROPERTY]).facts;
    const lost = !includesFacts(after, request.facts);
    const again = await gatherCardState(sources, issue, after, teamOf(issue));
    const current = renderCard(again, decideStage(again));
    if (!lost && sameJson(current, written)) break;
    if (writes >= MAX_WRITES) {
      warnings.push(`The card kept changing under concurrent writes; it was written ${writes} times.`);
      break;
    }
    log.debug(`The state of ${request.key} changed while its card was written; writing again.`);
  }

  if (ref === undefined) throw new Error(`the card of ${request.key} was not written`);
  const stage = decideStage(state);
  const permalinkAnswer = await slack.call(
    'chat.getPermalink',
    { channel: ref.channel, message_ts: ref.ts },
    policy(),
  );
  const permalink = String(permalinkAnswer.permalink ?? '');
  // The global id makes the link one per card however often this runs.
  await jira.upsertRemoteLink(request.key, {
    globalId: `flowkit-slack-card=${ref.channel}/${ref.ts}`,
    url: permalink,
    title: `Slack: ${request.key} status card`,
    summary: 'Where this ticket is in the flow, updated at every stage.',
  });

  const entries: string[] = [];
  const entry = threadEntryFor(state, stage);
  if (entry !== undefined) {
    const entryKey = `${request.key}/${entry.id}`;
    const thread = new ChannelHistoryStore(slack, policy);
    const found = await thread.find(entryKey, { channel: ref.channel, threadTs: ref.ts });
    if (found === undefined) {
      let mentions: string[] = [];
      if (entry.handoff !== undefined) {
        const who = handoffPeople(entry.handoff, state, request.config, new Date(clock.now()));
        if (who.problem !== undefined) warnings.push(`Nobody was mentioned: ${who.problem}.`);
        const resolver = new MentionResolver({ people: request.config.people, client: slack, policy, log });
        mentions = await mentionsOf(resolver, who.people);
      }
      const reply = renderEntry(state, entry, mentions);
      const sent = await slack.call(
        'chat.postMessage',
        {
          channel: ref.channel,
          thread_ts: ref.ts,
          text: reply.text,
          blocks: reply.blocks,
          metadata: keyMetadata(entryKey),
          unfurl_links: false,
          unfurl_media: false,
        },
        policy(),
      );
      // Two writers racing past the lookup would both post: the later one takes its entry back.
      if (await hasEarlierEntry(deps, ref, entryKey, String(sent.ts)))
        await slack.call('chat.delete', { channel: ref.channel, ts: String(sent.ts) }, policy());
      else entries.push(entry.id);
    }
  }
  return { message: ref, permalink, stage, posted, entries, writes, warnings, state };
}

async function hasEarlierEntry(deps: CardDeps, card: MessageRef, key: string, ts: string): Promise<boolean> {
  const answer = await deps.slack.call(
    'conversations.replies',
    { channel: card.channel, ts: card.ts, limit: 200, include_all_metadata: true },
    deps.policy(),
  );
  const replies = Array.isArray(answer.messages)
    ? (answer.messages as { ts?: string; metadata?: { event_payload?: { key?: unknown } } }[])
    : [];
  return replies.some(
    (reply) => reply.metadata?.event_payload?.key === key && reply.ts !== undefined && reply.ts < ts,
  );
}

function readIssue(jira: JiraApi, key: string): Promise<JiraIssue> {
  return jira.getIssue(key, [SLACK_PROPERTY, CARD_PROPERTY, TRIAGE_PROPERTY]);
}

function teamOf(issue: JiraIssue): string | undefined {
  const team = (issue.properties[TRIAGE_PROPERTY] as { team?: unknown } | undefined)?.team;
  return typeof team === 'string' ? team : undefined;
}

async function postCard(
  deps: CardDeps,
  request: CardRequest,
  issue: JiraIssue,
  state: CardState,
  message: CardMessage,
): Promise<MessageRef> {
  const team = state.team === undefined ? undefined : request.config.teams[state.team];
  const channel = request.channel ?? team?.['slack-channel'] ?? request.config.slack.channel;
  if (channel === undefined) {
    throw new Error(
      `${issue.key} has no Slack card yet and there is no channel to post one: pass 'channel' or set slack.channel in .github/flowkit.yml`,
    );
  }
  const answer = await deps.slack.call(
    'chat.postMessage',
    {
      channel,
      text: message.text,
      blocks: message.blocks,
      metadata: keyMetadata(issue.key),
      unfurl_links: false,
      unfurl_media: false,
    },
    deps.policy(),
  );
  const ref = { channel: String(answer.channel), ts: String(answer.ts) };
  await new JiraPropertyStore(deps.jira).remember(issue.key, ref);
  return ref;
}
