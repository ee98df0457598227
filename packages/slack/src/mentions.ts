// Turns people (email, GitHub login, Slack ID) into Slack mentions, falling back to plain text.
import { type Logger, type Person, type RetryPolicy, silentLogger } from '@flowkit/core';
import type { SlackClient } from './client.ts';
import { SlackApiError } from './errors.ts';
import { escapeText } from './text.ts';

const MEMBER_ID = /^[UW][A-Z0-9]{8,}$/;
const MENTION = /^<@([UW][A-Z0-9]{8,})>$/;
const EMAIL = /^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/;
const LOGIN = /^@?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))$/;

/**
 * Resolves people once per run: a Slack ID or `<@ID>` as it is; a GitHub login through the config's
 * `people` map; an email through users.lookupByEmail (users:read.email). Anything unresolved becomes
 * escaped plain text, so a failed lookup never blocks a notification.
 */
export class MentionResolver {
  readonly #people: Map<string, Person>;
  readonly #client: SlackClient | undefined;
  readonly #policy: () => RetryPolicy;
  readonly #log: Logger;
  readonly #cache = new Map<string, Promise<string>>();
  readonly #byEmail = new Map<string, Promise<string | undefined>>();
  #warnedScope = false;

  constructor(options: {
    people?: Record<string, Person>;
    client?: SlackClient;
    policy: () => RetryPolicy;
    log?: Logger;
  }) {
    this.#people = new Map(
      Object.entries(options.people ?? {}).map(([login, person]) => [login.toLowerCase(), person]),
    );
    this.#client = options.client;
    this.#policy = options.policy;
    this.#log = options.log ?? silentLogger;
  }

  /** Resolves every value; the map holds mrkdwn for each (a mention or escaped text). */
  async resolveAll(values: Iterable<string>): Promise<Map<string, string>> {
    const unique = [...new Set(values)].filter((value) => value.trim() !== '');
    const resolved = await Promise.all(
      unique.map(async (value) => [value, await this.resolve(value)] as const),
    );
    return new Map(resolved);
  }

  /** One person as mrkdwn. */
  resolve(value: string): Promise<string> {
    let pending = this.#cache.get(value);
    if (pending === undefined) {
      pending = this.#resolve(value.trim());
      this.#cache.set(value, pending);
    }
    return pending;
  }

  async #resolve(value: string): Promise<string> {
    const mention = MENTION.exec(value)?.[1] ?? (MEMBER_ID.test(value) ? value : undefined);
    if (mention !== undefined) return `<@${mention}>`;
    if (EMAIL.test(value)) return (await this.#lookupEmail(value)) ?? escapeText(value);
    const login = LOGIN.exec(value)?.[1];
    const person = login === undefined ? undefined : this.#people.get(login.toLowerCase());
    if (person === undefined) return escapeText(value);
    if (person.slack !== undefined) return `<@${person.slack}>`;
    const byEmail = person.email === undefined ? undefined : await this.#lookupEmail(person.email);
    return byEmail ?? escapeText(person.name ?? value);
  }

  #lookupEmail(email: string): Promise<string | undefined> {
    const key = email.toLowerCase();
    let pending = this.#byEmail.get(key);
    if (pending === undefined) {
      pending = this.#lookupEmailOnce(email);
      this.#byEmail.set(key, pending);
    }
    return pending;
  }

  async #lookupEmailOnce(email: string): Promise<string | undefined> {
    if (this.#client === undefined) return undefined;
    try {
      const answer = await this.#client.call('users.lookupByEmail', { email }, this.#policy());
      const id = (answer.user as { id?: string } | undefined)?.id;
      return id === undefined ? undefined : `<@${id}>`;
    } catch (error) {
      if (error instanceof SlackApiError && error.code === 'users_not_found') {
        this.#log.debug(`No Slack user has the email of a person to mention; writing it as plain text.`);
        return undefined;
      }
      if (error instanceof SlackApiError && error.code === 'missing_scope') {
        if (!this.#warnedScope) this.#log.warning(`Cannot mention people by email: ${error.message}`);
        this.#warnedScope = true;
        return undefined;
      }
      this.#log.warning(
        `Could not look up a Slack user by email, writing plain text instead: ${(error as Error).message}`,
      );
      return undefined;
    }
  }
}
