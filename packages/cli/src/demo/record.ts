// What a demo run recorded: the timeline, the Slack messages, the Jira history, the canary samples, the DORA figures.

/** One line of the timeline. */
export interface TimelineEvent {
  /** Epoch ms. */
  at: number;
  /** The step's id, e.g. `intake`. */
  step: string;
  kind: 'start' | 'done' | 'failed' | 'info';
  text: string;
}

/** A Slack message as posted (the emulator's record, or what the real API answered). */
export interface RecordedMessage {
  channel: string;
  ts: string;
  /** Set for a reply: its parent's ts. */
  threadTs?: string;
  text: string;
  edited: boolean;
}

/** One change of the ticket, in order. */
export interface JiraChange {
  at: number;
  kind: 'status' | 'labels' | 'assignee' | 'comment';
  /** For status: `To Do → In Progress`; labels: the labels; assignee: the name; comment: its author. */
  text: string;
  /** A comment's text. */
  detail?: string;
}

/** One sample of a canary rollout. */
export interface CanarySample {
  /** Seconds since the rollout started. */
  t: number;
  /** The canary's weight in percent as the rollout recorded it. */
  weight: number;
  /** 5xx answers / answers over the last seconds, per arm, 0–1; null when there was no traffic to measure. */
  canaryErrorRate: number | null;
  stableErrorRate: number | null;
}

/** One canary rollout. */
export interface CanaryRun {
  version: string;
  result: 'promoted' | 'rolled-back' | 'failed';
  reason: string;
  samples: CanarySample[];
}

/** Everything the report is rendered from. */
export interface DemoRecord {
  startedAt: number;
  finishedAt: number;
  ok: boolean;
  ticket: { key: string; summary: string };
  /** What was real and what emulated, e.g. { jira: 'emulator', nginx: 'nginx 1.26' }. */
  services: Record<string, string>;
  timeline: TimelineEvent[];
  slack: RecordedMessage[];
  jira: JiraChange[];
  canaries: CanaryRun[];
  /** The DORA table as text lines, and its HTML fragment (from @flowkit/dora's renderer). */
  dora: { text: string; html: string } | undefined;
  /** The release notes published after the promotion: the GitHub release and the Confluence page. */
  release?: { tag: string; url: string; issues: string[]; pageUrl: string };
  stagingUrl: string | undefined;
}
