// Keeps where a ticket's Slack message lives in a Jira issue property, so later stages find it without searching.
import type { JiraApi } from '@flowkit/jira';
import type { MessageRef, MessageStore } from '@flowkit/slack';

/** The issue property that holds the Slack message of a ticket. */
export const SLACK_PROPERTY = 'flowkit-slack';

/** A MessageStore whose keys are Jira issue keys. */
export class JiraPropertyStore implements MessageStore {
  readonly #jira: JiraApi;
  readonly #known = new Map<string, MessageRef | undefined>();

  /** `known` holds what was already read with the issue (undefined: no message yet), saving a request. */
  constructor(jira: JiraApi, known: Record<string, MessageRef | undefined> = {}) {
    this.#jira = jira;
    for (const [key, ref] of Object.entries(known)) this.#known.set(key, ref);
  }

  async find(key: string, where: { channel: string }): Promise<MessageRef | undefined> {
    let ref = this.#known.get(key);
    if (!this.#known.has(key)) {
      const issue = await this.#jira.getIssue(key, [SLACK_PROPERTY]);
      ref = asRef(issue.properties[SLACK_PROPERTY]);
      this.#known.set(key, ref);
    }
    // A message in another channel (the team's channel changed) is not this one.
    return ref !== undefined && ref.channel === where.channel ? ref : undefined;
  }

  async remember(key: string, message: MessageRef): Promise<void> {
    this.#known.set(key, message);
    await this.#jira.setProperty(key, SLACK_PROPERTY, { channel: message.channel, ts: message.ts });
  }
}

/** Reads a stored location, or undefined when the value is not one. */
export function asRef(value: unknown): MessageRef | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { channel, ts } = value as { channel?: unknown; ts?: unknown };
  return typeof channel === 'string' && typeof ts === 'string' ? { channel, ts } : undefined;
}
