// What the flow's runs told the card (branch, CI jobs, deployments), kept in a Jira issue property between runs.

/** The issue property that holds the card's facts. The message itself is found through intake's `flowkit-slack`. */
export const CARD_PROPERTY = 'flowkit-card';

/** One CI job's result, as GitHub names it: success, failure, cancelled or skipped. */
export interface CiJob {
  name: string;
  result: string;
}

/**
 * Facts only runs know (everything else is read from Jira and GitHub at every write). `at` is when the run saw the
 * fact (ISO 8601), so a later push supersedes an earlier one.
 */
export interface CardFacts {
  branch?: string;
  pullRequest?: { number: number; url: string };
  ci?: { sha: string; runUrl?: string; jobs: CiJob[]; at: string };
  staging?: { deploymentId: number; at: string };
  production?: { deploymentId: number; numbers?: string; at: string };
  changesRequested?: { by?: string; at: string };
}

/** The property's value. */
export interface CardRecord {
  version: 1;
  facts: CardFacts;
}

/** Reads the property's value; anything else (absent, hand-edited) counts as no facts yet. */
export function readCardRecord(value: unknown): CardRecord {
  if (typeof value !== 'object' || value === null) return { version: 1, facts: {} };
  const facts = (value as { facts?: unknown }).facts;
  return { version: 1, facts: typeof facts === 'object' && facts !== null ? (facts as CardFacts) : {} };
}

/**
 * Adds what a run saw to what the card knew. Pure and order-independent for facts of one push: two CI jobs of the
 * same commit reporting at once both stay. A newer commit's CI replaces the older one; changes requested drops the
 * rejected staging deployment and is itself cleared by any later CI or staging fact.
 */
export function mergeFacts(known: CardFacts, seen: CardFacts): CardFacts {
  const merged: CardFacts = { ...known };
  if (seen.branch !== undefined) merged.branch = seen.branch;
  if (seen.pullRequest !== undefined) merged.pullRequest = seen.pullRequest;
  if (seen.ci !== undefined) {
    const before = known.ci;
    if (before !== undefined && before.sha === seen.ci.sha) {
      const jobs = new Map(before.jobs.map((job) => [job.name, job]));
      for (const job of seen.ci.jobs) jobs.set(job.name, job);
      merged.ci = {
        sha: before.sha,
        runUrl: seen.ci.runUrl ?? before.runUrl,
        jobs: [...jobs.values()].sort((a, b) => a.name.localeCompare(b.name)),
        at: later(before.at, seen.ci.at),
      };
    } else if (before === undefined || seen.ci.at >= before.at) {
      merged.ci = { ...seen.ci, jobs: [...seen.ci.jobs].sort((a, b) => a.name.localeCompare(b.name)) };
    }
  }
  if (seen.staging !== undefined && (known.staging === undefined || seen.staging.at >= known.staging.at))
    merged.staging = seen.staging;
  if (seen.production !== undefined) {
    const before = known.production;
    if (before !== undefined && before.deploymentId === seen.production.deploymentId)
      merged.production = { ...before, ...seen.production, at: later(before.at, seen.production.at) };
    else if (before === undefined || seen.production.at >= before.at) merged.production = seen.production;
  }
  if (seen.changesRequested !== undefined) {
    if (known.changesRequested === undefined || seen.changesRequested.at >= known.changesRequested.at) {
      merged.changesRequested = seen.changesRequested;
      if (merged.staging !== undefined && merged.staging.at <= seen.changesRequested.at)
        delete merged.staging;
    }
  }
  const request = merged.changesRequested;
  if (
    request !== undefined &&
    ((merged.ci !== undefined && merged.ci.at > request.at) ||
      (merged.staging !== undefined && merged.staging.at > request.at))
  )
    delete merged.changesRequested;
  return merged;
}

/** True when `facts` already holds everything `seen` adds. */
export function includesFacts(facts: CardFacts, seen: CardFacts): boolean {
  return sameJson(mergeFacts(facts, seen), facts);
}

/** Structural equality of JSON values (key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : inner,
  );
}

function later(a: string, b: string): string {
  return a >= b ? a : b;
}
