// The widget: the top 5 active deployments from the API, refreshed every 30 s, with loading, empty and error states.
import { useEffect, useRef, useState } from 'react';
import { type ActiveDeployment, parseTopDeployments, relativeTime, stateLabel } from './format.ts';

/** How often the widget asks again. */
export const REFRESH_MS = 30_000;

/** A request that takes longer than this counts as failed: a hung API must show as an error, not as old data. */
export const REQUEST_TIMEOUT_MS = 10_000;

/** Where the widget reads from and how often. */
export interface TopDeploymentsProps {
  endpoint?: string;
  refreshMs?: number;
}

type View =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; deployments: ActiveDeployment[]; receivedAt: number };

async function fetchTopDeployments(endpoint: string, signal: AbortSignal): Promise<ActiveDeployment[]> {
  const response = await fetch(endpoint, {
    signal: AbortSignal.any([signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`the API answered HTTP ${response.status}`);
  return parseTopDeployments(await response.json());
}

function describeError(error: unknown): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return `the API did not answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
  }
  return error instanceof Error ? error.message : String(error);
}

function CommitCell({ deployment }: { deployment: ActiveDeployment }) {
  const sha = <code>{deployment.sha}</code>;
  if (!deployment.environment_url) return sha;
  return (
    <a
      href={deployment.environment_url}
      title={`Open ${deployment.environment} (${deployment.environment_url})`}
    >
      {sha}
    </a>
  );
}

function DeploymentsTable({
  deployments,
  receivedAt,
}: {
  deployments: ActiveDeployment[];
  receivedAt: number;
}) {
  // The server dated each row by its own clock; only the time since the answer is measured here.
  const sinceAnswerSeconds = (Date.now() - receivedAt) / 1000;
  return (
    <table className="deployments" aria-labelledby="top-deployments-title">
      <thead>
        <tr>
          <th scope="col">Environment</th>
          <th scope="col">Ref</th>
          <th scope="col">Commit</th>
          <th scope="col">State</th>
          <th scope="col">Updated</th>
          <th scope="col">By</th>
        </tr>
      </thead>
      <tbody>
        {deployments.map((deployment) => (
          <tr key={deployment.id}>
            <th scope="row">{deployment.environment}</th>
            <td>
              <code>{deployment.ref}</code>
            </td>
            <td>
              <CommitCell deployment={deployment} />
            </td>
            <td>
              <span className={`badge badge-${deployment.state}`}>{stateLabel(deployment.state)}</span>
            </td>
            <td>
              <time dateTime={deployment.updated_at} title={new Date(deployment.updated_at).toUTCString()}>
                {relativeTime(deployment.age_seconds + sinceAnswerSeconds)}
              </time>
            </td>
            <td>{deployment.creator}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The top 5 active deployments as a table; reloads every `refreshMs` and on "Try again". */
export function TopDeployments({
  endpoint = '/api/deployments/top',
  refreshMs = REFRESH_MS,
}: TopDeploymentsProps) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [refreshing, setRefreshing] = useState(false);
  // The effect's loader, so "Try again" reloads at once without restarting the refresh rhythm.
  const reload = useRef<() => void>(() => {});

  useEffect(() => {
    const controller = new AbortController();
    let busy = false;
    const load = async () => {
      // A slow answer must not be overtaken by the next one and then overwrite it.
      if (busy) return;
      busy = true;
      setRefreshing(true);
      try {
        const deployments = await fetchTopDeployments(endpoint, controller.signal);
        setView({ kind: 'ready', deployments, receivedAt: Date.now() });
      } catch (error) {
        if (!controller.signal.aborted) setView({ kind: 'error', message: describeError(error) });
      } finally {
        busy = false;
        if (!controller.signal.aborted) setRefreshing(false);
      }
    };
    reload.current = () => void load();
    void load();
    const timer = setInterval(load, refreshMs);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [endpoint, refreshMs]);

  let note = '';
  if (view.kind === 'loading') note = 'Loading deployments…';
  else if (view.kind === 'ready' && view.deployments.length === 0) note = 'No active deployments.';

  return (
    <section className="top-deployments" aria-labelledby="top-deployments-title" aria-busy={refreshing}>
      <h2 id="top-deployments-title">Top 5 active deployments</h2>
      {view.kind === 'ready' && view.deployments.length > 0 ? (
        <DeploymentsTable deployments={view.deployments} receivedAt={view.receivedAt} />
      ) : null}
      {view.kind === 'error' ? (
        <div role="alert" className="error">
          <p>Could not load deployments: {view.message}.</p>
          <button
            type="button"
            onClick={() => {
              setView({ kind: 'loading' });
              reload.current();
            }}
          >
            Try again
          </button>
        </div>
      ) : null}
      {/* Always present, so screen readers announce its changes; the table itself is not re-announced. */}
      <p role="status" className="note">
        {note}
      </p>
    </section>
  );
}
