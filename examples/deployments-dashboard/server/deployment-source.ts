// Where deployments come from (the GitHub API or a fixture file), behind one interface, with a small cache.
import type { DeploymentHistory } from './deployments.ts';

/** A provider of deployment histories. */
export interface DeploymentSource {
  /** Named in the API answer so a reader knows whether they see real or fixture data. */
  readonly kind: 'github' | 'fixture';
  /** Every deployment the source considers; rejects with a `SourceError` when it cannot say. */
  list(): Promise<DeploymentHistory[]>;
}

/** The source could not answer; the message is the reason given to the client in the 502. */
export class SourceError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SourceError';
  }
}

/**
 * The same source answering from memory for `ttlMs` after each success, and sharing one pending call between
 * concurrent requests: every browser refreshing the widget must not multiply calls to GitHub. Failures are not
 * kept, so the next request tries again.
 */
export function cachedSource(
  source: DeploymentSource,
  ttlMs: number,
  now: () => number = Date.now,
): DeploymentSource {
  let kept: { value: DeploymentHistory[]; at: number } | undefined;
  let pending: Promise<DeploymentHistory[]> | undefined;
  return {
    kind: source.kind,
    list() {
      if (kept && now() - kept.at < ttlMs) return Promise.resolve(kept.value);
      pending ??= source.list().then(
        (value) => {
          kept = { value, at: now() };
          pending = undefined;
          return value;
        },
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      );
      return pending;
    },
  };
}
