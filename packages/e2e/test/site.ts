// A tiny stand-in for a staging deployment, on 127.0.0.1 and a free port, for the fixture Playwright project.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running site: its base URL, how often each path was asked for, and how to stop it. */
export interface Site {
  url: string;
  hits: (path: string) => number;
  stop: () => Promise<void>;
}

const HOME = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Deployments</title></head>
<body>
<h1>Top 5 active deployments</h1>
<ol>
<li>checkout-api</li><li>dashboard</li><li>search</li><li>payments</li><li>auth</li>
</ol>
</body>
</html>`;

/**
 * Serves `/` (the dashboard), `/version` (`{"commit": …}`) and `/flaky`, which answers 503 the first time it
 * is asked and 200 afterwards: the "fails once, passes on retry" behaviour the flaky spec needs, kept in the
 * server because the action retries in a new Playwright process, where `testInfo.retry` starts at 0 again.
 */
export async function startSite(options: { commit?: string } = {}): Promise<Site> {
  const hits = new Map<string, number>();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://site').pathname;
    const count = (hits.get(path) ?? 0) + 1;
    hits.set(path, count);
    const html = (status: number, body: string) => {
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      response.end(body);
    };
    if (path === '/') html(200, HOME);
    else if (path === '/version') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ commit: options.commit ?? 'unknown' }));
    } else if (path === '/flaky') {
      if (count === 1) html(503, '<!doctype html><title>Warming up</title><h1>Warming up</h1>');
      else html(200, '<!doctype html><title>Ready</title><h1>Ready</h1>');
    } else html(404, '<!doctype html><title>Not found</title><h1>Not found</h1>');
  });
  // Chromium keeps connections alive; without this, close() would wait for them to time out.
  server.keepAliveTimeout = 100;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: (path) => hits.get(path) ?? 0,
    stop: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
