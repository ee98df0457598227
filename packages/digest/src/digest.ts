// Runs the stand-up digest for each team: decide, look for today's digest, gather, render, post once.
import {
  type Clock,
  type Logger,
  type RetryPolicy,
  systemClock,
  TransientError,
  withRetry,
} from '@flowkit/core';
import { GitHubClient, type Repo } from '@flowkit/github';
import { JiraTransport } from '@flowkit/jira';
import {
  ChannelHistoryStore,
  channelIdByName,
  keyMetadata,
  MentionResolver,
  SlackClient,
} from '@flowkit/slack';
import { onCallAt, RotationError } from '@flowkit/teams';
import { readRepoDigest, readTickets } from './gather.ts';
import { type DigestMessage, peopleIn, renderDigest } from './render.ts';
import { decidePost, type PostDecision, previousDigestAt } from './schedule.ts';
import type { DigestSettings, TeamDigestSettings } from './settings.ts';

/** API requests made, per system (retries included). */
export interface ApiCalls {
  jira: number;
  github: number;
  slack: number;
  total: number;
}

/** What happened for one team. */
export interface TeamDigestResult {
  team: string;
  decision: PostDecision;
  /** Set when the digest was posted (or, in a dry run, would have been). */
  message?: DigestMessage;
  posted?: { channel: string; ts: string };
  /** Why the team's digest failed (Slack, Jira or GitHub refused, or retries ran out). */
  error?: string;
  calls: ApiCalls;
}

/** Where the run happens. */
export interface DigestDeps {
  repo: Repo;
  /** GITHUB_API_URL. */
  githubApiUrl: string;
  log: Logger;
  clock?: Clock;
}

/** The clients of one team's run, whose request counters make the API figures. */
interface Clients {
  slack: SlackClient;
  jira: JiraTransport;
  github: GitHubClient;
}

function countCalls({ slack, jira, github }: Clients): ApiCalls {
  return {
    jira: jira.requestCount,
    github: github.requestCount,
    slack: slack.requestCount,
    total: jira.requestCount + github.requestCount + slack.requestCount,
  };
}

/** The message key of a team's digest of one day: a rerun finds it in the channel and posts nothing. */
export function digestKey(team: string, date: string): string {
  return `standup-digest/${team}/${date}`;
}

/** Runs the digest of every team in `settings`. */
export async function runStandupDigest(
  settings: DigestSettings,
  deps: DigestDeps,
): Promise<TeamDigestResult[]> {
  const clock = deps.clock ?? systemClock;
  const deadline = clock.now() + settings.timeoutMs;
  const policy = (): RetryPolicy => ({
    retries: settings.retries,
    budgetMs: Math.max(0, deadline - clock.now()),
  });
  const results: TeamDigestResult[] = [];
  for (const team of settings.teams) {
    const { log } = deps;
    const clients: Clients = {
      slack: new SlackClient({
        token: settings.slackToken,
        apiUrl: settings.slackApiUrl,
        log,
        clock,
      }),
      jira: new JiraTransport({ ...settings.jira, policy, log, clock }),
      github: new GitHubClient({
        token: settings.githubToken,
        apiUrl: deps.githubApiUrl,
        policy,
        log,
        clock,
      }),
    };
    try {
      results.push(await runTeam(team, settings, deps, policy, clock, clients));
    } catch (error) {
      // One team's failure (its channel, a refused token) is reported and does not keep the others from posting.
      if (!(error instanceof Error) || error instanceof TypeError || error instanceof RangeError) throw error;
      const decision = decidePost(settings.now, team.schedule);
      results.push({
        team: team.name,
        decision,
        error: error.message,
        calls: countCalls(clients),
      });
    }
  }
  return results;
}

async function runTeam(
  team: TeamDigestSettings,
  settings: DigestSettings,
  deps: DigestDeps,
  policy: () => RetryPolicy,
  clock: Clock,
  clients: Clients,
): Promise<TeamDigestResult> {
  const { log } = deps;
  const { slack, jira, github } = clients;
  const calls = () => countCalls(clients);

  let decision = decidePost(settings.now, team.schedule);
  if (settings.force && ['too-early', 'too-late'].includes(decision.post ? '' : decision.why)) {
    decision = {
      post: true,
      date: decision.date,
      reason: 'A manual run (force) posts outside the stand-up time.',
    };
  }
  if (!decision.post) {
    log.info(`${team.name}: ${decision.reason}`);
    return { team: team.name, decision, calls: calls() };
  }

  const channel = /^[CGD][A-Z0-9]{6,}$/.test(team.channel)
    ? team.channel
    : await channelIdByName(slack, team.channel, policy);
  const key = digestKey(team.name, decision.date);
  const store = new ChannelHistoryStore(slack, policy, { pageSize: 100, maxPages: 2 });
  if ((await store.find(key, { channel })) !== undefined) {
    decision = decidePost(settings.now, team.schedule, true);
    if (decision.post) throw new Error('unreachable: an already posted digest must be skipped');
    log.info(`${team.name}: ${decision.reason}`);
    return { team: team.name, decision, calls: calls() };
  }

  const lastDigest = previousDigestAt(decision.date, team.schedule).getTime();
  const [tickets, repo] = await Promise.all([
    readTickets(jira, settings.jira.deployment, settings.jira.site, team.jql),
    readRepoDigest(
      github,
      deps.repo,
      { production: settings.production, stagingPrefix: settings.stagingPrefix },
      lastDigest,
    ),
  ]);
  let onCall: { member: string } | { problem: string } | undefined;
  if (team.rotation !== undefined) {
    try {
      onCall = { member: onCallAt(team.rotation, settings.now).member };
    } catch (error) {
      if (!(error instanceof RotationError)) throw error;
      onCall = { problem: `nobody (${error.message})` };
    }
  }
  const mentions = await new MentionResolver({
    people: settings.people,
    client: slack,
    policy,
    log,
  }).resolveAll(
    peopleIn(tickets, repo, onCall !== undefined && 'member' in onCall ? onCall.member : undefined),
  );
  const message = renderDigest({
    team: team.name,
    date: decision.date,
    timeZone: team.schedule.timeZone,
    now: settings.now.getTime(),
    tickets,
    repo,
    reviewWaitHours: team.reviewWaitHours,
    onCall,
    mentions,
    repository: `${deps.repo.owner}/${deps.repo.repo}`,
  });
  if (settings.dryRun) {
    log.info(`${team.name}: dry run, the digest was not posted.`);
    return { team: team.name, decision, message, calls: calls() };
  }
  const posted = await postOnce(slack, store, channel, key, message, policy, clock, log);
  log.info(`${team.name}: posted the digest (${posted.ts}) in ${posted.channel}.`);
  return { team: team.name, decision, message, posted, calls: calls() };
}

/**
 * Posts the digest with its key. A failure that may have posted it makes the next attempt look in the channel
 * first, so a retry never posts a second digest.
 */
async function postOnce(
  slack: SlackClient,
  store: ChannelHistoryStore,
  channel: string,
  key: string,
  message: DigestMessage,
  policy: () => RetryPolicy,
  clock: Clock,
  log: Logger,
): Promise<{ channel: string; ts: string }> {
  let lookAgain = false;
  return withRetry(
    async ({ remainingMs }) => {
      if (lookAgain) {
        const found = await store.find(key, { channel });
        if (found !== undefined) return { channel: found.channel, ts: found.ts };
        lookAgain = false;
      }
      try {
        const answer = await slack.callOnce(
          'chat.postMessage',
          {
            channel,
            text: message.text,
            blocks: message.blocks,
            unfurl_links: false,
            unfurl_media: false,
            metadata: keyMetadata(key),
          },
          remainingMs,
        );
        return { channel: String(answer.channel), ts: String(answer.ts) };
      } catch (error) {
        if (!(error instanceof TransientError && error.hadNoEffect)) lookAgain = true;
        throw error;
      }
    },
    policy(),
    { clock, log },
  );
}
