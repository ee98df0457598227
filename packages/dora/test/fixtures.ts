// A hand-built history for one service; the expected figures are computed by hand in keys.test.ts.
import type { DeploymentEvent, DoraHistory, IncidentEvent, TicketEvent } from '../src/events.ts';
import { DAY, HOUR } from '../src/units.ts';

/** Monday 2024-01-01T00:00:00Z. */
export const T0 = Date.UTC(2024, 0, 1);
export const h = (n: number): number => T0 + n * HOUR;

export function deployment(
  id: string,
  startedH: number,
  finishedH: number,
  outcome: DeploymentEvent['outcome'],
  commits: [string, number][],
  environment = 'production',
): DeploymentEvent {
  return {
    id,
    environment,
    sha: `sha-${id}`,
    startedAt: h(startedH),
    finishedAt: h(finishedH),
    outcome,
    commits: commits.map(([sha, atH]) => ({ sha, at: h(atH) })),
  };
}

//  id   start→finish (h)  outcome      commits (sha@h)        notes
//  d1    9 → 10           success      a@2, b@6               leads 8h, 4h
//  d2   20 → 21           rolled-back  c@18                   c's lead time does not end here
//  d3   25 → 26           success      c@18, d@24             leads 8h (c, after the rollback), 2h
//  d4   47 → 48           success      (none)                 redeploy of d3's sha: counted, no lead samples
//  d5   71 → 72           failure      e@70                   never reached production
//  d6   74 → 75           success      e@70, f@76             leads 5h, and f is 1h in the future → 0, skewed
//  s1    4 → 5            success      z@1  (staging)         other environment: ignored
export const deployments: DeploymentEvent[] = [
  deployment('d1', 9, 10, 'success', [
    ['a', 2],
    ['b', 6],
  ]),
  deployment('d2', 20, 21, 'rolled-back', [['c', 18]]),
  deployment('d3', 25, 26, 'success', [
    ['c', 18],
    ['d', 24],
  ]),
  { ...deployment('d4', 47, 48, 'success', []), sha: 'sha-d3' },
  deployment('d5', 71, 72, 'failure', [['e', 70]]),
  deployment('d6', 74, 75, 'success', [
    ['e', 70],
    ['f', 76],
  ]),
  deployment('s1', 4, 5, 'success', [['z', 1]], 'staging'),
];

//  i0  opened −1h (before the window, before any deployment)
//  i1  opened 20.5h, resolved 21.5h: during d2 (started 20h) → attributed to d2, which is rolled back anyway
//  i2  opened 96h, still open: latest deployment reaching production started ≤ 96h is d6 (d5 failed, never reached)
export const incidents: IncidentEvent[] = [
  { id: 'i0', openedAt: h(-1), resolvedAt: h(0), label: 'incident' },
  { id: 'i1', openedAt: h(20.5), resolvedAt: h(21.5), label: 'incident' },
  { id: 'i2', openedAt: h(96) },
];

//  J-1 created −2d, released 1d → 3d
//  J-2 created 1d, released 2d → 1d
//  J-3 created 2d, not released → unreleased
//  J-4 created 3d, released 2d23h (before created) → 0, skewed
//  J-5 created 6d, released 8d (after the window) → unreleased as of `to`
export const tickets: TicketEvent[] = [
  { key: 'J-1', createdAt: T0 - 2 * DAY, releasedAt: T0 + DAY },
  { key: 'J-2', createdAt: T0 + DAY, releasedAt: T0 + 2 * DAY },
  { key: 'J-3', createdAt: T0 + 2 * DAY },
  { key: 'J-4', createdAt: T0 + 3 * DAY, releasedAt: h(71) },
  { key: 'J-5', createdAt: T0 + 6 * DAY, releasedAt: T0 + 8 * DAY },
];

export const history: DoraHistory = { service: 'checkout', deployments, incidents, tickets };
