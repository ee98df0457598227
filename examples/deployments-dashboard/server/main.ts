// Entry point: `node server/main.ts` reads the environment, serves, and exits 0 after a graceful SIGTERM/SIGINT.
import { ConfigError, readConfig } from './config.ts';
import { FixtureError } from './fixture-source.ts';
import { startServer } from './server.ts';

/** Exit code for a configuration the service cannot run with. */
const EXIT_BAD_CONFIG = 2;

function fail(line: string, code: number): never {
  process.stderr.write(`${line}\n`);
  process.exit(code);
}

let config: ReturnType<typeof readConfig>;
try {
  config = readConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) fail(error.message, EXIT_BAD_CONFIG);
  throw error;
}

let running: Awaited<ReturnType<typeof startServer>> | undefined;
let stopping = false;

// Handlers go in before the port is announced: a supervisor may signal as soon as it reads the first line.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) {
      // A second signal means "now": whatever is still in flight is cut.
      process.stderr.write(`${signal} again: exiting without waiting\n`);
      process.exit(1);
    }
    stopping = true;
    process.stdout.write(`${signal}: finishing in-flight requests\n`);
    // Signalled while still starting, there is nothing in flight to wait for.
    (running?.close() ?? Promise.resolve()).then(() => {
      process.stdout.write('stopped\n');
      process.exit(0);
    });
  });
}

try {
  running = await startServer(config);
} catch (error) {
  if (error instanceof FixtureError) fail(`FIXTURE: ${error.message}`, EXIT_BAD_CONFIG);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') fail(`PORT: ${config.host}:${config.port} is already in use`, 1);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    fail(`HOST: cannot listen on ${config.host} (${code})`, 1);
  throw error;
}
// The first stdout line is a contract: whoever started us with PORT=0 reads the port from it.
process.stdout.write(`listening on ${running.url}\n`);
const source =
  config.source.kind === 'github'
    ? `GitHub ${config.source.owner}/${config.source.repo}`
    : config.source.path;
process.stdout.write(`version ${config.version} (commit ${config.commit}); deployments from ${source}\n`);
if (!config.staticDirExists) {
  process.stderr.write(`warning: ${config.staticDir} does not exist; / answers 404 until npm run build\n`);
}
