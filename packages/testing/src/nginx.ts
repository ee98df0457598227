// Runs a real nginx for a test: its own prefix in a temp dir (config, pid, logs, temp paths), one server on a free
// 127.0.0.1 port, in the foreground as a child process (`daemon off`). Stop it and the dir is gone.
//
// Flowkit's nginx traffic driver works with it unchanged: `nginxArgs` are the flags every nginx call needs for this
// instance (`-p`, `-c`, `-e`), and `includeDir` is a folder the http {} block includes (`include <dir>/*.conf`), where
// the driver's generated file goes.

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort, pollUntil } from './ports.ts';

export interface NginxTestOptions {
  /** Inside http {}, before the server (upstreams, maps, log formats). */
  httpBlock?: string;
  /** Inside the server {} on `port`: locations, add_header… Default: `location / { return 200 "ok\n"; }`. */
  serverBlock?: string;
  /** worker_processes; default 1 (weighted round robin is then exactly deterministic). */
  workerProcesses?: number;
  /** The nginx executable; default /usr/sbin/nginx. */
  nginx?: string;
  /**
   * Files written into `includeDir` before nginx starts (name → text), e.g. a traffic driver's first generated file
   * when the server block already proxies to its variable.
   */
  includeFiles?: Record<string, string>;
}

export interface RunningNginx {
  /** The server's port on 127.0.0.1. */
  port: number;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** The temp prefix (removed by stop). */
  prefix: string;
  /** `<prefix>/nginx.conf` */
  confFile: string;
  /** A folder the http {} block includes with `include <includeDir>/*.conf;` (empty at first). */
  includeDir: string;
  /** The nginx executable. */
  nginx: string;
  /** Flags that point any nginx command at this instance: `-p <prefix> -c <confFile> -e <error log>`. */
  nginxArgs: string[];
  /** The master's pid. */
  pid: number;
  /** Pids of the current worker processes (children of the master), sorted. */
  workerPids(): Promise<number[]>;
  /** The error log so far. */
  errorLog(): Promise<string>;
  /** `nginx -s reload`, then waits until no worker of the old generation is left. Throws with nginx's output. */
  reload(): Promise<void>;
  /** SIGQUIT (graceful), SIGTERM after 5 s, SIGKILL after 10 s; waits for the exit and removes the prefix. */
  stop(): Promise<void>;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Children of `pid`, read from /proc. */
async function childrenOf(pid: number): Promise<number[]> {
  const entries = await readdir('/proc').catch(() => [] as string[]);
  const children: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === pid) children.push(Number(entry));
  }
  return children.sort((a, b) => a - b);
}

function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
    child.on('error', (error) => {
      output += error.message;
    });
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Starts nginx and resolves once its port accepts connections. */
export async function startNginx(options: NginxTestOptions = {}): Promise<RunningNginx> {
  const nginx = options.nginx ?? '/usr/sbin/nginx';
  const prefix = await mkdtemp(join(tmpdir(), 'flowkit-nginx-'));
  let child: ChildProcess | undefined;
  try {
    const includeDir = join(prefix, 'flowkit');
    await mkdir(includeDir);
    await mkdir(join(prefix, 'logs'));
    for (const [name, text] of Object.entries(options.includeFiles ?? {})) {
      if (!/^[\w.-]+\.conf$/.test(name))
        throw new Error(`startNginx: include file names end in .conf: ${name}`);
      await writeFile(join(includeDir, name), text);
    }
    const confFile = join(prefix, 'nginx.conf');
    const errorLogFile = join(prefix, 'logs', 'error.log');
    const port = await freePort();
    const isRoot = process.getuid?.() === 0;
    const conf = [
      ...(isRoot ? [`user ${userInfo().username};`] : []),
      `worker_processes ${options.workerProcesses ?? 1};`,
      `daemon off;`,
      `master_process on;`,
      `pid ${join(prefix, 'nginx.pid')};`,
      `error_log ${errorLogFile} notice;`,
      `events {`,
      `    worker_connections 1024;`,
      `}`,
      `http {`,
      `    access_log off;`,
      `    client_body_temp_path ${join(prefix, 'client_body')};`,
      `    proxy_temp_path ${join(prefix, 'proxy')};`,
      `    fastcgi_temp_path ${join(prefix, 'fastcgi')};`,
      `    uwsgi_temp_path ${join(prefix, 'uwsgi')};`,
      `    scgi_temp_path ${join(prefix, 'scgi')};`,
      `    include ${includeDir}/*.conf;`,
      options.httpBlock ?? '',
      `    server {`,
      `        listen 127.0.0.1:${port};`,
      options.serverBlock ?? `        location / { return 200 "ok\\n"; }`,
      `    }`,
      `}`,
      '',
    ].join('\n');
    await writeFile(confFile, conf);
    const nginxArgs = ['-p', `${prefix}/`, '-c', confFile, '-e', errorLogFile];
    const started = spawn(nginx, nginxArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
    child = started;
    let stderr = '';
    started.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const exited = new Promise<void>((resolve) => started.once('exit', () => resolve()));
    started.once('error', (error) => {
      stderr += error.message;
    });
    await pollUntil(`nginx to listen on 127.0.0.1:${port}`, async () => {
      if (started.exitCode !== null || started.signalCode !== null)
        throw new Error(
          `nginx exited before listening: ${stderr}${await readFile(errorLogFile, 'utf8').catch(() => '')}`,
        );
      return accepts(port);
    });
    const pid = started.pid as number;
    let stopped = false;
    const workerPids = () => childrenOf(pid);
    return {
      port,
      url: `http://127.0.0.1:${port}`,
      prefix,
      confFile,
      includeDir,
      nginx,
      nginxArgs,
      pid,
      workerPids,
      errorLog: () => readFile(errorLogFile, 'utf8').catch(() => ''),
      async reload() {
        const before = await workerPids();
        const result = await run(nginx, [...nginxArgs, '-s', 'reload']);
        if (result.code !== 0) throw new Error(`nginx -s reload failed: ${result.output}`);
        await pollUntil('the old nginx workers to be replaced', async () => {
          const now = await workerPids();
          return now.length > 0 && now.every((worker) => !before.includes(worker));
        });
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        const signals: [NodeJS.Signals, number][] = [
          ['SIGQUIT', 5000],
          ['SIGTERM', 5000],
          ['SIGKILL', 5000],
        ];
        for (const [signal, waitMs] of signals) {
          if (started.exitCode !== null || started.signalCode !== null) break;
          started.kill(signal);
          const done = await Promise.race([
            exited.then(() => true),
            new Promise<boolean>((resolve) => setTimeout(() => resolve(false), waitMs).unref()),
          ]);
          if (done) break;
        }
        await exited;
        await rm(prefix, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (child !== undefined && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await rm(prefix, { recursive: true, force: true });
    throw error;
  }
}
