// Rate limiting shared by the SaaS emulators: the rule shape, and a sliding-window limiter counting per key.

/** At most `limit` accepted calls in any window of `windowMs` milliseconds. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

/**
 * Remembers when calls were accepted, per key, and refuses a call that would put more than `limit` in a
 * window.
 */
export class SlidingWindowLimiter {
  private readonly accepted = new Map<string, number[]>();

  /** Accepts and counts the call, or says in whole seconds (at least 1) when the next slot frees. */
  tryAccept(
    key: string,
    rule: RateLimit,
    now: number,
  ): { accepted: true } | { accepted: false; retryAfter: number } {
    const recent = (this.accepted.get(key) ?? []).filter((time) => now - time < rule.windowMs);
    if (recent.length >= rule.limit) {
      // The call fits once the oldest of the `limit` calls filling the window leaves it (never, for limit 0).
      const blocking = recent[recent.length - rule.limit];
      const waitMs = blocking === undefined ? rule.windowMs : blocking + rule.windowMs - now;
      this.accepted.set(key, recent);
      return { accepted: false, retryAfter: Math.max(1, Math.ceil(waitMs / 1000)) };
    }
    recent.push(now);
    this.accepted.set(key, recent);
    return { accepted: true };
  }
}
