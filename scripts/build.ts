// Bundles every actions/<name>/src/main.ts into actions/<name>/dist with ncc; `--check` fails on any drift.
// Each action is bundled in its own process, two at a time: ncc keeps what it compiled for the life of the process,
// and a dozen bundles in one process exhaust its heap.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface NccResult {
  code: string;
  assets: Record<string, { source: string | Buffer }>;
}
type Ncc = (entry: string, options: Record<string, unknown>) => Promise<NccResult>;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ncc = createRequire(import.meta.url)('@vercel/ncc') as Ncc;

/**
 * The files an action's dist/ must hold, by name relative to dist/: src/main.ts as index.js, src/post.ts (the
 * `post:` step) as post.js, and each src/<name>-worker.ts (a worker thread's script) as <name>-worker.js beside it.
 */
async function bundle(actionDir: string): Promise<Map<string, Buffer>> {
  const entries = readdirSync(join(actionDir, 'src'))
    .filter((name) => /-worker\.ts$/.test(name) || name === 'post.ts')
    .map((name) => [name, name.replace(/\.ts$/, '.js')] as const);
  const files = new Map<string, Buffer>();
  for (const [entry, output] of [['main.ts', 'index.js'] as const, ...entries]) {
    const result = await ncc(join(actionDir, 'src', entry), {
      cache: false,
      minify: false,
      sourceMap: false,
      license: 'licenses.txt',
      quiet: true,
      target: 'es2022',
    });
    files.set(output, Buffer.from(result.code));
    for (const [name, asset] of Object.entries(result.assets)) {
      // A module may name a sibling .ts file by URL for unbundled runs (a worker); bundles ship their own entries.
      if (name.endsWith('.ts')) continue;
      const content = Buffer.from(asset.source);
      const earlier = files.get(name);
      if (earlier !== undefined && !earlier.equals(content) && name !== 'licenses.txt') {
        throw new Error(`${actionDir}: two entries produce different ${name}`);
      }
      if (name === 'licenses.txt' && earlier !== undefined) {
        files.set(name, Buffer.from(mergeLicenses(earlier.toString(), content.toString())));
      } else files.set(name, content);
    }
  }
  return files;
}

/** The main entry's license file, with a worker's appended when it names anything more. */
function mergeLicenses(main: string, worker: string): string {
  return main.includes(worker.trim()) ? main : `${main.trimEnd()}\n\n${worker}`;
}

/** Every action directory that has a src/main.ts. */
function actionDirs(): string[] {
  const actions = join(root, 'actions');
  return readdirSync(actions)
    .map((name) => join(actions, name))
    .filter((dir) => existsSync(join(dir, 'src', 'main.ts')))
    .sort();
}

function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}

/** Builds (or with `check`, compares) one action here; returns the dist files that differ from a fresh build. */
async function buildOne(dir: string, check: boolean): Promise<string[]> {
  const dist = join(dir, 'dist');
  const files = await bundle(dir);
  if (check) {
    const drifted: string[] = [];
    for (const name of new Set([...files.keys(), ...listFiles(dist)])) {
      const built = files.get(name);
      const path = join(dist, name);
      if (built === undefined || !existsSync(path) || !built.equals(readFileSync(path))) {
        drifted.push(relative(root, path));
      }
    }
    for (const path of drifted) console.log(`::error file=${path}::${path} differs from a fresh build`);
    return drifted;
  }
  rmSync(dist, { recursive: true, force: true });
  for (const [name, content] of files) {
    mkdirSync(dirname(join(dist, name)), { recursive: true });
    writeFileSync(join(dist, name), content);
  }
  const size = [...files.values()].reduce((sum, content) => sum + content.length, 0);
  console.log(`${relative(root, dist)}: ${files.size} files, ${Math.round(size / 1024)} KiB`);
  return [];
}

/** Runs this script for one action in a child process; resolves with its exit code. */
function buildInChild(name: string, check: boolean): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [fileURLToPath(import.meta.url), name, ...(check ? ['--check'] : [])],
      {
        stdio: 'inherit',
        env: { ...process.env, FLOWKIT_BUILD_ONE: '1' },
      },
    );
    child.on('close', (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  // `node scripts/build.ts slack-notify lint` builds only those actions; no names, every action.
  const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const dirs = actionDirs().filter(
    (dir) => only.length === 0 || only.some((name) => dir.endsWith(`/${name}`)),
  );
  if (process.env.FLOWKIT_BUILD_ONE === '1') {
    for (const dir of dirs) if ((await buildOne(dir, check)).length > 0) process.exitCode = 1;
    return;
  }
  const queue = dirs.map((dir) => dir.slice(dir.lastIndexOf('/') + 1));
  const failed: string[] = [];
  await Promise.all(
    [0, 1].map(async () => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift())
        if ((await buildInChild(name, check)) !== 0) failed.push(name);
    }),
  );
  if (failed.length > 0) {
    console.log(
      check
        ? `dist drift in ${failed.sort().join(', ')}. Run 'npm run build' and commit the result.`
        : `build failed for ${failed.sort().join(', ')}`,
    );
    process.exitCode = 1;
  } else if (check) console.log(`dist drift: none (${dirs.length} action(s) rebuilt and compared)`);
}

try {
  await main();
} catch (error) {
  // ncc's errors carry its own minified source as context; the message is what matters.
  console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
