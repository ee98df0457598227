// Bundles every actions/<name>/src/main.ts into actions/<name>/dist with ncc; `--check` fails on any drift.
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

/** The files an action's dist/ must hold, by name relative to dist/. */
async function bundle(actionDir: string): Promise<Map<string, Buffer>> {
  const result = await ncc(join(actionDir, 'src', 'main.ts'), {
    cache: false,
    minify: false,
    sourceMap: false,
    license: 'licenses.txt',
    quiet: true,
    target: 'es2022',
  });
  const files = new Map<string, Buffer>([['index.js', Buffer.from(result.code)]]);
  for (const [name, asset] of Object.entries(result.assets)) files.set(name, Buffer.from(asset.source));
  return files;
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

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const drifted: string[] = [];
  for (const dir of actionDirs()) {
    const dist = join(dir, 'dist');
    const files = await bundle(dir);
    if (check) {
      for (const name of new Set([...files.keys(), ...listFiles(dist)])) {
        const built = files.get(name);
        const path = join(dist, name);
        if (built === undefined || !existsSync(path) || !built.equals(readFileSync(path))) {
          drifted.push(relative(root, path));
        }
      }
      continue;
    }
    rmSync(dist, { recursive: true, force: true });
    for (const [name, content] of files) {
      mkdirSync(dirname(join(dist, name)), { recursive: true });
      writeFileSync(join(dist, name), content);
    }
    const size = [...files.values()].reduce((sum, content) => sum + content.length, 0);
    console.log(`${relative(root, dist)}: ${files.size} files, ${Math.round(size / 1024)} KiB`);
  }
  if (check) {
    if (drifted.length > 0) {
      for (const path of drifted) console.log(`::error file=${path}::${path} differs from a fresh build`);
      console.log(`dist drift: ${drifted.length} file(s) differ. Run 'npm run build' and commit the result.`);
      process.exitCode = 1;
    } else {
      console.log(`dist drift: none (${actionDirs().length} action(s) rebuilt and compared)`);
    }
  }
}

try {
  await main();
} catch (error) {
  // ncc's errors carry its own minified source as context; the message is what matters.
  console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
