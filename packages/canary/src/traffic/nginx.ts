// The nginx traffic driver. Flowkit owns one generated file that the user's nginx.conf includes inside http {}; every
// weight change rewrites it atomically, has nginx check the whole configuration (`nginx -t`), puts the previous file
// back if nginx refuses it, then reloads nginx and, with a status listener, waits until nginx serves it.
//
// The generated file (for name `web`) defines:
//   upstream web_stable / web_canary   one server each: the two versions
//   upstream web                       weighted mode: both servers with weights (one server at 0 % and 100 %)
//   $flowkit_web                       the upstream to proxy to, in both modes: `proxy_pass http://$flowkit_web;`
//   split_clients … $flowkit_web       sticky mode: a hash of the user's cookie or header (else the client address)
//   server { listen <statusListen> }   optional: `GET /flowkit/web` answers the weight and generation in force
//
// Sticky mode lists the canary bucket first: split_clients maps the 32-bit MurmurHash2 range to buckets in order, so
// the canary's share is the hash range [0, p %); raising p only extends it and no canary user goes back to stable.
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import {
  type Clock,
  httpRequest,
  InputError,
  RetryExhaustedError,
  systemClock,
  TransientError,
  withRetry,
} from '@flowkit/core';
import type { TrafficDriver } from './driver.ts';
import { type CommandResult, describeFailure, oneAtATime, runCommand } from './exec.ts';
import {
  argsOption,
  argvOption,
  checkWeight,
  durationOption,
  formatWeight,
  isHostPort,
  optionInput,
  rejectUnknown,
  stringOption,
} from './options.ts';

/** How the canary's share is chosen. */
export type NginxSplitMode = 'weighted' | 'sticky';

/** The nginx driver's options, as `traffic-options` YAML or an object. */
export interface NginxDriverOptions {
  /** Base name of the generated upstreams and of `$flowkit_<name>`: letters, digits, _ (e.g. `web`). */
  name: string;
  /** Absolute path of the generated file, e.g. `/etc/nginx/flowkit/web.conf`. */
  file: string;
  /** The stable version's address, host:port. */
  stable: string;
  /** The canary's address, host:port. */
  canary: string;
  /** `weighted` (default): a share of requests. `sticky`: a share of users, each staying on its side. */
  mode?: NginxSplitMode;
  /** Sticky mode: the cookie identifying a user (e.g. the session cookie). */
  cookie?: string;
  /** Sticky mode: the header identifying a user, used when no cookie is named (e.g. `X-User-Id`). */
  header?: string;
  /** Sticky mode: mixed into the hash so each service picks its own users; default the name. */
  salt?: string;
  /** The nginx executable; default `nginx`. */
  nginx?: string;
  /** Arguments for every nginx call, e.g. `['-p', '/srv/nginx', '-c', 'nginx.conf']`. */
  nginxArgs?: string[];
  /** The check command; default `<nginx> <nginxArgs> -t`. */
  testCommand?: string[];
  /** The reload command; default `<nginx> <nginxArgs> -s reload` (e.g. `['sudo', 'systemctl', 'reload', 'nginx']`). */
  reloadCommand?: string[];
  /**
   * `127.0.0.1:9901`: the generated file adds a server listening there whose `GET /flowkit/<name>` answers the
   * generation in force; setWeight then waits until nginx answers the new one. Without it, setWeight resolves once
   * the reload command succeeded (nginx applies a reload asynchronously, so that is not proof).
   */
  statusListen?: string;
  /** Limit for each command and for the wait until the new configuration is served; default 30000. */
  timeoutMs?: number;
}

/** What the marker line of a generated file records. */
export interface NginxFileState {
  name: string;
  mode: NginxSplitMode;
  weight: number;
  generation: string;
}

const KNOWN = [
  'name',
  'file',
  'stable',
  'canary',
  'mode',
  'cookie',
  'header',
  'salt',
  'nginx',
  'nginxArgs',
  'testCommand',
  'reloadCommand',
  'statusListen',
  'timeoutMs',
] as const;

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,47}$/;
const COOKIE = /^[A-Za-z0-9_]{1,64}$/;
const HEADER = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
const SALT = /^[A-Za-z0-9_.-]{1,64}$/;
const MARKER = /^# flowkit-traffic (\{.*\})$/m;

/** Checked options with defaults filled in. */
interface NginxSettings {
  name: string;
  file: string;
  stable: string;
  canary: string;
  mode: NginxSplitMode;
  cookie: string | undefined;
  header: string | undefined;
  salt: string;
  testCommand: string[];
  reloadCommand: string[];
  statusListen: string | undefined;
  timeoutMs: number;
}

/** Checks the options; throws InputError naming the first bad one. Touches nothing. */
export function readNginxOptions(options: Record<string, unknown>): NginxSettings {
  rejectUnknown('nginx', options, KNOWN);
  const name = stringOption(options, 'name', {
    required: true,
    pattern: NAME,
    what: 'an nginx upstream name (a letter, then letters, digits and _)',
    fix: "Name the upstream, e.g. 'name: web'; the generated variable is $flowkit_web.",
  });
  const file = stringOption(options, 'file', {
    required: true,
    pattern: /^[^\s;{}'"$]+\.conf$/,
    what: 'an absolute path ending in .conf, without spaces or quotes',
    fix: "Give the file nginx includes, e.g. 'file: /etc/nginx/flowkit/web.conf'.",
  });
  if (!isAbsolute(file))
    throw new InputError(
      optionInput('file'),
      `must be an absolute path: '${file}'`,
      'e.g. /etc/nginx/flowkit/web.conf.',
    );
  const address = (key: 'stable' | 'canary') => {
    const value = stringOption(options, key, {
      required: true,
      fix: `Give the ${key} version's address as host:port, e.g. '${key}: 10.0.0.${key === 'stable' ? 1 : 2}:8080'.`,
    });
    if (!isHostPort(value))
      throw new InputError(
        optionInput(key),
        `is not host:port: '${value.slice(0, 80)}'`,
        `Give the ${key} version's address as host:port (a name, an IPv4 address or [IPv6]; port 1-65535).`,
      );
    return value;
  };
  const stable = address('stable');
  const canary = address('canary');
  if (stable === canary)
    throw new InputError(
      optionInput('canary'),
      `is the same address as stable: '${canary}'`,
      'Point it at the new version.',
    );
  const modeText = stringOption(options, 'mode', {
    pattern: /^(weighted|sticky)$/,
    what: "'weighted' or 'sticky'",
    fix: "Use 'mode: weighted' (a share of requests) or 'mode: sticky' (a share of users).",
  });
  const mode: NginxSplitMode = modeText === 'sticky' ? 'sticky' : 'weighted';
  const cookie = stringOption(options, 'cookie', {
    pattern: COOKIE,
    what: 'a cookie name nginx can read (letters, digits, _)',
    fix: "Name the cookie that identifies a user, e.g. 'cookie: session_id'.",
  });
  const header = stringOption(options, 'header', {
    pattern: HEADER,
    what: 'a header name (letters, digits, -)',
    fix: "Name the header that identifies a user, e.g. 'header: X-User-Id'.",
  });
  for (const [key, value] of [
    ['cookie', cookie],
    ['header', header],
  ] as const)
    if (value !== undefined && mode !== 'sticky')
      throw new InputError(
        optionInput(key),
        'only applies to sticky mode',
        "Add 'mode: sticky', or remove it.",
      );
  if (cookie !== undefined && header !== undefined)
    throw new InputError(
      optionInput('header'),
      'cannot be combined with cookie',
      'Identify users by a cookie or a header.',
    );
  const salt =
    stringOption(options, 'salt', {
      pattern: SALT,
      what: 'letters, digits, _ . -',
      fix: "e.g. 'salt: web-2025'.",
    }) ?? name;
  const nginx = stringOption(options, 'nginx', {
    fix: "Give the nginx executable, e.g. 'nginx: /usr/sbin/nginx'.",
  });
  const nginxArgs = argsOption(options, 'nginxArgs', "e.g. 'nginxArgs: [-p, /srv/nginx, -c, nginx.conf]'.");
  const testCommand = argvOption(
    options,
    'testCommand',
    "e.g. 'testCommand: [nginx, -t, -c, /etc/nginx/nginx.conf]'.",
  );
  const reloadCommand = argvOption(
    options,
    'reloadCommand',
    "e.g. 'reloadCommand: [sudo, systemctl, reload, nginx]'.",
  );
  const statusListen = stringOption(options, 'statusListen', {
    fix: "Give a free local address for Flowkit's status location, e.g. 'statusListen: 127.0.0.1:9901'.",
  });
  if (statusListen !== undefined && !isHostPort(statusListen))
    throw new InputError(
      optionInput('statusListen'),
      `is not host:port: '${statusListen.slice(0, 80)}'`,
      "Give a free local address, e.g. 'statusListen: 127.0.0.1:9901'.",
    );
  const timeoutMs = durationOption(options, 'timeoutMs', 30_000, { min: 100, max: 600_000 });
  const base = [nginx ?? 'nginx', ...nginxArgs];
  return {
    name,
    file,
    stable,
    canary,
    mode,
    cookie,
    header,
    salt,
    testCommand: testCommand ?? [...base, '-t'],
    reloadCommand: reloadCommand ?? [...base, '-s', 'reload'],
    statusListen,
    timeoutMs,
  };
}

/** The variable the user's `proxy_pass` names: `$flowkit_<name>`. */
export function nginxVariable(name: string): string {
  return `$flowkit_${name}`;
}

/** The one-time set-up lines for the user's nginx.conf. */
export function nginxSetup(options: Pick<NginxDriverOptions, 'name' | 'file'>): string {
  return [
    `http {`,
    `    include ${join(dirname(options.file), '*.conf')};   # Flowkit's generated files (a glob: none yet is fine)`,
    `    server {`,
    `        location / {`,
    `            proxy_pass http://${nginxVariable(options.name)};`,
    `        }`,
    `    }`,
    `}`,
  ].join('\n');
}

/** Integer nginx weights for stable and canary (a 1000 scale reduced, so 5 % is 19:1 and 0.5 % is 199:1). */
export function nginxServerWeights(percent: number): { stable: number; canary: number } {
  const canary = Math.round(percent * 10);
  const stable = 1000 - canary;
  const divisor = gcd(stable, canary);
  return { stable: stable / divisor, canary: canary / divisor };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** The generated file for `percent`, with its marker line and generation. */
export function renderNginxFile(
  settings: NginxSettings,
  percent: number,
): { text: string; state: NginxFileState } {
  const { name } = settings;
  const variable = nginxVariable(name);
  const routing: string[] = [
    `upstream ${name}_stable {`,
    `    server ${settings.stable};`,
    `}`,
    `upstream ${name}_canary {`,
    `    server ${settings.canary};`,
    `}`,
  ];
  if (settings.mode === 'weighted') {
    const weights = nginxServerWeights(percent);
    routing.push(`upstream ${name} {`);
    if (percent < 100) routing.push(`    server ${settings.stable} weight=${weights.stable};`);
    if (percent > 0) routing.push(`    server ${settings.canary} weight=${weights.canary};`);
    routing.push(`}`, `map $host ${variable} {`, `    default ${name};`, `}`);
  } else {
    const key = `$flowkit_${name}_user`;
    const source =
      settings.cookie !== undefined
        ? `$cookie_${settings.cookie}`
        : settings.header !== undefined
          ? `$http_${settings.header.toLowerCase().replace(/-/g, '_')}`
          : undefined;
    if (source === undefined) routing.push(`map $host ${key} {`, `    default $remote_addr;`, `}`);
    else routing.push(`map ${source} ${key} {`, `    "" $remote_addr;`, `    default ${source};`, `}`);
    routing.push(`split_clients "\${flowkit_${name}_user}/${settings.salt}" ${variable} {`);
    if (percent >= 100) routing.push(`    * ${name}_canary;`);
    else {
      if (percent > 0) routing.push(`    ${formatWeight(percent)}% ${name}_canary;`);
      routing.push(`    * ${name}_stable;`);
    }
    routing.push(`}`);
  }
  const generation = createHash('sha256').update(routing.join('\n')).digest('hex').slice(0, 16);
  const state: NginxFileState = { name, mode: settings.mode, weight: percent, generation };
  const lines = [
    `# Generated by Flowkit's nginx traffic driver: do not edit, every canary step rewrites this file.`,
    `# Use it with: proxy_pass http://${variable};`,
    `# flowkit-traffic ${JSON.stringify(state)}`,
    ...routing,
  ];
  if (settings.statusListen !== undefined)
    lines.push(
      `server {`,
      `    listen ${settings.statusListen};`,
      `    server_name flowkit-status-${name};`,
      `    access_log off;`,
      `    location = /flowkit/${name} {`,
      `        default_type application/json;`,
      `        add_header Cache-Control no-store always;`,
      // $pid: the worker that answered, so the driver can find its master's other (old) workers.
      `        return 200 '${JSON.stringify(state).slice(0, -1)},"worker":$pid}\\n';`,
      `    }`,
      `    location / {`,
      `        return 404;`,
      `    }`,
      `}`,
    );
  return { text: `${lines.join('\n')}\n`, state };
}

/** The marker of a generated file; undefined for a file Flowkit did not write. */
export function parseNginxFile(text: string): NginxFileState | undefined {
  const match = MARKER.exec(text);
  if (!match) return undefined;
  try {
    const state = JSON.parse(match[1] as string) as Partial<NginxFileState>;
    if (typeof state.weight !== 'number' || typeof state.generation !== 'string') return undefined;
    return {
      name: String(state.name),
      mode: state.mode === 'sticky' ? 'sticky' : 'weighted',
      weight: state.weight,
      generation: state.generation,
    };
  } catch {
    return undefined;
  }
}

/** The parent of a process, from /proc; undefined when it is not visible. */
async function parentOf(pid: number): Promise<number | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (stat === undefined) return undefined;
  // pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ')'.
  const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  return Number.isInteger(ppid) && ppid > 1 ? ppid : undefined;
}

/** The children of a process, from /proc. */
async function childrenOf(parent: number): Promise<number[]> {
  const entries = await readdir('/proc').catch(() => [] as string[]);
  const children: number[] = [];
  for (const entry of entries)
    if (/^\d+$/.test(entry) && (await parentOf(Number(entry))) === parent) children.push(Number(entry));
  return children;
}

/** True while an nginx worker exists and has not begun its graceful shutdown (which closes its listening sockets). */
async function stillAccepting(pid: number): Promise<boolean> {
  const title = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return title.includes('worker process') && !title.includes('shutting down');
}

export interface NginxDriverDeps {
  clock?: Clock;
}

/** The nginx driver. Options are checked at once (InputError), before anything is touched. */
export function nginxDriver(
  options: NginxDriverOptions | Record<string, unknown>,
  deps: NginxDriverDeps = {},
): TrafficDriver {
  const settings = readNginxOptions(options as Record<string, unknown>);
  const clock = deps.clock ?? systemClock;
  const statusUrl =
    settings.statusListen === undefined
      ? undefined
      : `http://${settings.statusListen}/flowkit/${settings.name}`;
  // setWeight calls run one after another: two rollout steps must never interleave their write/test/reload.
  const serial = oneAtATime();
  /** The weight this driver last put in force, for describe(). */
  let last: number | undefined;

  const readCurrent = async (): Promise<{ text: string | undefined; state: NginxFileState | undefined }> => {
    const text = await readFile(settings.file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    return { text, state: text === undefined ? undefined : parseNginxFile(text) };
  };

  const run = async (what: string, argv: string[]): Promise<CommandResult> => {
    const [command, ...args] = argv as [string, ...string[]];
    const result = await runCommand(command, args, { timeoutMs: settings.timeoutMs });
    if (result.exitCode !== 0) {
      const error = new Error(`${what}: ${describeFailure(command, args, result, settings.timeoutMs)}`);
      throw error;
    }
    return result;
  };

  /** What the status location answers now (on a new connection); undefined when it does not answer. */
  const probe = async (): Promise<{ generation: string; worker: number | undefined } | undefined> => {
    if (statusUrl === undefined) return undefined;
    try {
      const response = await httpRequest({ method: 'GET', url: statusUrl, timeoutMs: 2000 });
      if (response.status !== 200) return undefined;
      const state = JSON.parse(response.body) as { generation?: unknown; worker?: unknown };
      if (typeof state.generation !== 'string') return undefined;
      return {
        generation: state.generation,
        worker: typeof state.worker === 'number' ? state.worker : undefined,
      };
    } catch {
      return undefined;
    }
  };
  const servedGeneration = async () => (await probe())?.generation;

  /**
   * The worker processes serving now (the answering worker's master's children), read from /proc before a reload;
   * empty when nginx's processes are not visible here (another host or pid namespace, not Linux).
   */
  const currentWorkers = async (): Promise<number[]> => {
    const worker = (await probe())?.worker;
    if (worker === undefined) return [];
    const master = await parentOf(worker);
    return master === undefined ? [] : childrenOf(master);
  };

  /**
   * Waits until the status location answers `generation` and no worker of the previous generation accepts
   * connections any more: after a reload nginx's master starts the new workers, and only then (about 100 ms later)
   * tells the old ones to stop accepting and finish; each renames itself "worker process is shutting down" as it
   * closes its listening sockets.
   */
  const waitServed = async (generation: string, oldWorkers: number[]): Promise<void> => {
    if (statusUrl === undefined) return;
    let last: string | undefined;
    try {
      await withRetry(
        async () => {
          last = await servedGeneration();
          if (last !== generation)
            throw new TransientError(`nginx serves generation ${last ?? '(no answer)'}`);
          for (const pid of oldWorkers)
            if (await stillAccepting(pid)) {
              last = `${generation}, but worker ${pid} of the previous one still accepts connections`;
              throw new TransientError(`nginx serves generation ${last}`);
            }
        },
        { retries: 10_000, budgetMs: settings.timeoutMs, baseDelayMs: 20, maxDelayMs: 200 },
        { clock, random: () => 0.5 },
      );
    } catch (error) {
      if (!(error instanceof RetryExhaustedError)) throw error;
      throw new Error(
        `nginx did not serve the new configuration of ${settings.name} (generation ${generation}) within ${settings.timeoutMs / 1000} s: ${statusUrl} answered ${last === undefined ? 'nothing usable' : `generation ${last}`}. Check nginx's error log (a reload nginx cannot apply keeps the old configuration); the next step retries the reload.`,
      );
    }
  };

  const writeAtomically = async (text: string): Promise<void> => {
    const temporary = join(dirname(settings.file), `.${basename(settings.file)}.${process.pid}.flowkit-tmp`);
    try {
      await writeFile(temporary, text, { mode: 0o644 });
      await rename(temporary, settings.file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  };

  const restore = async (previous: string | undefined): Promise<void> => {
    if (previous === undefined) await rm(settings.file, { force: true });
    else await writeAtomically(previous);
  };

  const apply = async (percent: number): Promise<void> => {
    const rendered = renderNginxFile(settings, percent);
    const current = await readCurrent();
    if (current.state?.generation === rendered.state.generation) {
      // The file already says so; without a status location that is all we can know.
      if (statusUrl === undefined || (await servedGeneration()) === rendered.state.generation) return;
      // Written but not served (a reload that failed or was lost): reload again.
      const oldWorkers = await currentWorkers();
      await run(`nginx did not accept the configuration (${settings.file})`, settings.testCommand);
      await run(`reloading nginx failed`, settings.reloadCommand);
      await waitServed(rendered.state.generation, oldWorkers);
      return;
    }
    const oldWorkers = await currentWorkers();
    await writeAtomically(rendered.text);
    try {
      await run(
        `nginx rejected the configuration for ${formatWeight(percent)} % on the canary; ${settings.file} is back as it was and traffic is unchanged`,
        settings.testCommand,
      );
      await run(
        `reloading nginx failed; ${settings.file} is back as it was and traffic is unchanged`,
        settings.reloadCommand,
      );
    } catch (error) {
      await restore(current.text);
      throw error;
    }
    await waitServed(rendered.state.generation, oldWorkers);
  };

  return {
    name: 'nginx',
    async setWeight(percent) {
      const weight = checkWeight(percent);
      await serial(() => apply(weight));
      last = weight;
    },
    async currentWeight() {
      return (await readCurrent()).state?.weight;
    },
    describe() {
      const share = `${last === undefined ? '' : `${formatWeight(last)} % `}of ${settings.mode === 'weighted' ? 'requests' : 'users'}`;
      const how =
        settings.mode === 'weighted'
          ? share
          : settings.cookie !== undefined
            ? `${share} by cookie ${settings.cookie}`
            : settings.header !== undefined
              ? `${share} by header ${settings.header}`
              : `${share} by client address`;
      const check =
        statusUrl === undefined ? 'reload not verified: set statusListen' : `verified at ${statusUrl}`;
      return `nginx: ${how} to ${settings.canary} (stable ${settings.stable}) via ${nginxVariable(settings.name)} (${settings.file}, ${check})`;
    },
  };
}
