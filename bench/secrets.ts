// Secret-scan throughput: Flowkit's scanner against ripgrep running the same patterns on the same tree.
//
// The tree is generated in a temp dir from a seeded generator (so every run scans the same bytes):
// source-like text in TypeScript, Python, YAML, JSON and Markdown, a few binary files, a few hundred fake
// secrets of every kind the scanner knows, and decoys it must pass over (placeholders, env references, docs
// examples). Each tool runs once to warm the page cache, then three times, interleaved so that both see the
// same machine load.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { scanTree, secretPatterns } from '@flowkit/security';

const RIPGREP = process.env.RIPGREP ?? '/usr/bin/rg';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_RATIO = 2;
const REPOSITORY_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What the generated tree holds. */
interface GeneratedTree {
  files: number;
  bytes: number;
  /** Fake secrets written (some lines hold two: an AWS key pair, a Datadog API and application key). */
  planted: number;
}

/** mulberry32: a small seeded generator, so the tree is the same on every machine and run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const WORDS = (
  'the a of to and in is it for on with as by this that from be are at or an not can when each only ' +
  'value result request response user team deploy service config error retry channel message issue status ' +
  'release canary staging build test check path file line name item list map set get update create delete ' +
  'find load save parse read write open close start stop run wait time date count index offset limit size ' +
  'total state event hook handler client server route query cache queue worker job step stage flow label ' +
  'rule match group scope field record entry node tree widget dashboard metric latency rollout traffic'
).split(' ');
const NOUNS = WORDS.slice(WORDS.indexOf('value'));

/** Text generators for one tree; every choice comes from `random`. */
class TreeText {
  readonly random: () => number;

  constructor(random: () => number) {
    this.random = random;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }

  chars(alphabet: string, length: number): string {
    let text = '';
    for (let i = 0; i < length; i++) text += alphabet.charAt(Math.floor(this.random() * alphabet.length));
    return text;
  }

  number(max: number): number {
    return Math.floor(this.random() * max);
  }

  camel(): string {
    const second = this.pick(NOUNS);
    return `${this.pick(NOUNS)}${second.charAt(0).toUpperCase()}${second.slice(1)}`;
  }

  pascal(): string {
    const name = this.camel();
    return name.charAt(0).toUpperCase() + name.slice(1);
  }

  snake(): string {
    return `${this.pick(NOUNS)}_${this.pick(NOUNS)}`;
  }

  sentence(words: number): string {
    const parts: string[] = [];
    for (let i = 0; i < words; i++) parts.push(this.pick(WORDS));
    return parts.join(' ');
  }

  typescript(): string {
    switch (this.number(12)) {
      case 0:
        return `import { ${this.pascal()} } from './${this.pick(NOUNS)}/${this.camel()}.ts';`;
      case 1:
        return `export async function ${this.camel()}(${this.camel()}: ${this.pascal()}, limit = ${this.number(500)}): Promise<${this.pascal()}> {`;
      case 2:
        return `  const ${this.camel()} = await ${this.camel()}.${this.camel()}(${this.camel()}, ${this.number(10000)});`;
      case 3:
        return `  if (${this.camel()} === undefined) throw new Error(\`${this.sentence(7)}\`);`;
      case 4:
        return `  return ${this.camel()}.map((${this.pick(NOUNS)}) => ${this.pick(NOUNS)}.${this.camel()});`;
      case 5:
        return `  // ${this.sentence(11)}`;
      case 6:
        return `  ${this.camel()}: { ${this.pick(NOUNS)}: '${this.pick(NOUNS)}-${this.pick(NOUNS)}', ${this.pick(NOUNS)}: ${this.number(100)} },`;
      case 7:
        return `/** ${this.sentence(12)}. */`;
      case 8:
        return `  for (const ${this.pick(NOUNS)} of ${this.camel()}.${this.pick(NOUNS)}s) ${this.camel()}.push(${this.pick(NOUNS)});`;
      case 9:
        return '}';
      case 10:
        return `  logger.info(\`${this.sentence(5)} \${${this.camel()}.length} ${this.pick(NOUNS)}s\`);`;
      default:
        return '';
    }
  }

  python(): string {
    switch (this.number(7)) {
      case 0:
        return `def ${this.snake()}(${this.snake()}, ${this.pick(NOUNS)}=None):`;
      case 1:
        return `    ${this.snake()} = ${this.snake()}.${this.snake()}(${this.number(1000)})`;
      case 2:
        return `        raise ValueError("${this.sentence(8)}")`;
      case 3:
        return `    return [${this.pick(NOUNS)} for ${this.pick(NOUNS)} in ${this.snake()} if ${this.pick(NOUNS)}]`;
      case 4:
        return `# ${this.sentence(10)}`;
      case 5:
        return `from ${this.pick(NOUNS)}.${this.snake()} import ${this.pascal()}`;
      default:
        return '';
    }
  }

  yaml(): string {
    switch (this.number(7)) {
      case 0:
        return `  ${this.pick(NOUNS)}-${this.pick(NOUNS)}: ${this.pick(NOUNS)}`;
      case 1:
        return `      - uses: actions/${this.pick(NOUNS)}@${this.chars(HEX, 40)} # v${this.number(5)}`;
      case 2:
        return `      - name: ${this.sentence(5)}`;
      case 3:
        return `        run: npm run ${this.pick(NOUNS)} -- --${this.pick(NOUNS)}=${this.number(100)}`;
      case 4:
        return `    ${this.pick(NOUNS)}: ${this.number(65536)}`;
      case 5:
        return `# ${this.sentence(9)}`;
      default:
        return `  ${this.pick(NOUNS)}:`;
    }
  }

  json(): string {
    switch (this.number(5)) {
      case 0: {
        const name = `${this.pick(NOUNS)}-${this.pick(NOUNS)}`;
        return `    "node_modules/${name}": {\n      "version": "${this.number(9)}.${this.number(30)}.${this.number(20)}",\n      "resolved": "https://registry.npmjs.org/${name}/-/${name}-1.0.0.tgz",`;
      }
      case 1:
        return `      "integrity": "sha512-${this.chars(`${BASE62}+/`, 86)}==",`;
      case 2:
        return `    "${this.camel()}": "${this.sentence(4)}",`;
      case 3:
        return `    "${this.camel()}": ${this.number(100000)},`;
      default:
        return '    },';
    }
  }

  markdown(): string {
    switch (this.number(6)) {
      case 0:
        return `## ${this.sentence(4)}`;
      case 1:
        return '';
      case 2:
        return `- \`${this.camel()}\`: ${this.sentence(12)}.`;
      default:
        return `${this.sentence(14)}. ${this.sentence(9)}.`;
    }
  }

  /** Lines that look like secrets but are not: the scanner must pass over them. */
  decoy(): string {
    return this.pick([
      '  const token = await client.getToken();',
      '    password: process.env.DB_PASSWORD,',
      'api_key = os.environ["API_KEY"]',
      '          token: ${{ secrets.GITHUB_TOKEN }}',
      '    "secret": "<your-secret-here>",',
      'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
      'SLACK_WEBHOOK=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
      '  // rotate the token every 90 days; the secret lives in the vault',
      '  tokenizer: new Tokenizer({ maxTokens: 4096 }),',
      '  password: changeme-changeme-changeme',
      `  cacheKey: '${this.pick(NOUNS)}-${this.pick(NOUNS)}-${this.number(100)}',`,
      `  secretName: ${this.camel()}SecretName,`,
    ]);
  }

  /** Fake secrets in a format the scanner knows (made up here, never real): the lines and how many. */
  secret(): { lines: string; count: number } {
    const kind = this.number(10);
    return { lines: this.secretLines(kind), count: kind === 4 || kind === 6 ? 2 : 1 };
  }

  private secretLines(kind: number): string {
    switch (kind) {
      case 0:
        return `  const token = 'ghp_${this.chars(BASE62, 36)}';`;
      case 1:
        return `GH_TOKEN=github_pat_${this.chars(BASE62, 22)}_${this.chars(BASE62, 59)}`;
      case 2:
        return `slack_token: xoxb-${this.chars('0123456789', 12)}-${this.chars('0123456789', 13)}-${this.chars(BASE62, 24)}`;
      case 3:
        return `  webhook: 'https://hooks.slack.com/services/T${this.chars(UPPER_DIGITS, 10)}/B${this.chars(UPPER_DIGITS, 10)}/${this.chars(BASE62, 24)}',`;
      case 4:
        return `aws_access_key_id = AKIA${this.chars(UPPER_DIGITS, 16)}\naws_secret_access_key = ${this.chars(`${BASE62}+/`, 40)}`;
      case 5:
        return `JIRA_API_TOKEN=ATATT3${this.chars(`${BASE62}_-`, 178)}=${this.chars('0123456789ABCDEF', 8)}`;
      case 6:
        return `datadog:\n  api_key: ${this.chars(HEX, 32)}\n  app_key: ${this.chars(HEX, 40)}`;
      case 7: {
        const lines = Array.from({ length: 8 }, () => this.chars(`${BASE62}+/`, 64));
        return `-----BEGIN RSA PRIVATE KEY-----\n${lines.join('\n')}\n-----END RSA PRIVATE KEY-----`;
      }
      case 8: {
        const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
        const payload = Buffer.from(
          `{"sub":"${this.number(1e9)}","iat":${1.7e9 + this.number(1e8)}}`,
        ).toString('base64url');
        return `  authorization: 'Bearer ${header}.${payload}.${this.chars(`${BASE62}-_`, 43)}',`;
      }
      default:
        return `DB_PASSWORD="${this.chars(BASE62, 12)}${this.number(10)}${this.chars(BASE62, 7)}"`;
    }
  }
}

const KINDS = [
  { extension: 'ts', weight: 5, line: (text: TreeText) => text.typescript() },
  { extension: 'py', weight: 2, line: (text: TreeText) => text.python() },
  { extension: 'yml', weight: 1, line: (text: TreeText) => text.yaml() },
  { extension: 'json', weight: 1, line: (text: TreeText) => text.json() },
  { extension: 'md', weight: 1, line: (text: TreeText) => text.markdown() },
] as const;
const KIND_WEIGHTS = KINDS.reduce((sum, kind) => sum + kind.weight, 0);

/** The kind of file that `draw` (0 ≤ draw < KIND_WEIGHTS) falls on. */
function pickKind(draw: number): (typeof KINDS)[number] {
  let left = draw;
  for (const kind of KINDS) {
    if (left < kind.weight) return kind;
    left -= kind.weight;
  }
  return KINDS[0];
}

/**
 * Writes `fileCount` files into `dir` (about 9 KB each on average) with fake secrets at `secretCount` random
 * places, a decoy on about one line in 170, and 40 binary files.
 */
export async function generateSecretsTree(
  dir: string,
  fileCount = 24_000,
  secretCount = 300,
  seed = 20261128,
): Promise<GeneratedTree> {
  const text = new TreeText(seededRandom(seed));
  const secretsIn = new Map<number, number>();
  for (let i = 0; i < secretCount; i++) {
    const file = text.number(fileCount);
    secretsIn.set(file, (secretsIn.get(file) ?? 0) + 1);
  }
  let bytes = 0;
  let planted = 0;
  const directories = new Set<string>();
  for (let index = 0; index < fileCount; index++) {
    const kind = pickKind(text.number(KIND_WEIGHTS));
    // About 2,000 directories of a dozen files, as in a monorepo.
    const directory = join(
      dir,
      `package-${index % 60}`,
      text.pick(['src', 'lib', 'test', 'docs']),
      text.pick(NOUNS.slice(0, 8)),
    );
    if (!directories.has(directory)) {
      await mkdir(directory, { recursive: true });
      directories.add(directory);
    }
    const target = 1000 + Math.min(150_000, Math.floor(-Math.log(1 - text.random()) * 8000));
    const lines: string[] = [];
    let size = 0;
    while (size < target) {
      const line = text.random() < 0.006 ? text.decoy() : kind.line(text);
      lines.push(line);
      size += line.length + 1;
    }
    for (let i = secretsIn.get(index) ?? 0; i > 0; i--) {
      const secret = text.secret();
      lines.splice(text.number(lines.length), 0, secret.lines);
      planted += secret.count;
    }
    const content = `${lines.join('\n')}\n`;
    bytes += Buffer.byteLength(content);
    await writeFile(join(directory, `${text.camel()}-${index}.${kind.extension}`), content);
  }
  for (let index = 0; index < 40; index++) {
    const image = Buffer.alloc(20_000 + text.number(40_000));
    for (let i = 0; i < image.length; i += 7) image[i] = text.number(256);
    await writeFile(join(dir, `asset-${index}.png`), image);
  }
  return { files: fileCount + 40, bytes, planted };
}

/** The scanner's patterns as ripgrep reads them: `(?-u)` gives `\b` and `\w` JavaScript's ASCII meaning. */
export function ripgrepPatterns(): string[] {
  return secretPatterns().map((pattern) => `(?-u)${pattern}`);
}

/** Runs ripgrep over `dir` and returns the number of matching lines. */
async function runRipgrep(dir: string, patternsFile: string): Promise<number> {
  const args = [
    '--no-ignore',
    '--hidden',
    '--no-messages',
    '--max-filesize',
    '5M',
    '-c',
    '-f',
    patternsFile,
    dir,
  ];
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(RIPGREP, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      text += chunk;
    });
    child.on('error', reject);
    // 1 means "no match", which is an answer too.
    child.on('close', (code) =>
      code === 0 || code === 1 ? resolve(text) : reject(new Error(`rg exited with ${code}`)),
    );
  });
  return output
    .split('\n')
    .filter((line) => line !== '')
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(':') + 1)), 0);
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * Runs `script` (an ES module) in a fresh Node process from the repository root, so that @flowkit/security
 * resolves, and returns what it printed.
 */
async function runNode(script: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: REPOSITORY_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      text += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`node exited with ${code}`))));
  });
}

/** A whole scan in a fresh Node process, as an action step runs it. */
const scanInProcess = (dir: string) =>
  runNode(
    `import { scanTree } from '@flowkit/security'; const r = await scanTree(${JSON.stringify(dir)}); process.stdout.write(String(r.findings.length));`,
  );

/** Only starting Node and loading the scanner's TypeScript modules. */
const loadInProcess = () => runNode("import '@flowkit/security';");

/** Generates the tree, times both tools on it and returns the Markdown section for bench/results.md. */
export async function benchSecrets(): Promise<string> {
  const work = await mkdtemp(join(tmpdir(), 'flowkit-bench-secrets-'));
  try {
    const tree = join(work, 'tree');
    const generated = await generateSecretsTree(tree);
    const patternsFile = join(work, 'patterns.txt');
    await writeFile(patternsFile, `${ripgrepPatterns().join('\n')}\n`);

    // One warm-up each (page cache, JIT), then the timed runs, interleaved so that both see the same load.
    let scan = await scanTree(tree);
    let rgMatches = await runRipgrep(tree, patternsFile);
    await scanInProcess(tree);
    const times = { rg: [] as number[], scan: [] as number[], process: [] as number[], load: [] as number[] };
    for (let run = 0; run < RUNS; run++) {
      const rg = await timed(() => runRipgrep(tree, patternsFile));
      times.rg.push(rg.ms);
      rgMatches = rg.value;
      const flowkit = await timed(() => scanTree(tree));
      times.scan.push(flowkit.ms);
      scan = flowkit.value;
      times.process.push((await timed(() => scanInProcess(tree))).ms);
      times.load.push((await timed(loadInProcess)).ms);
    }
    const rgMs = median(times.rg);
    const scanMs = median(times.scan);
    const processMs = median(times.process);
    const loadMs = median(times.load);
    const megabytes = generated.bytes / 1e6;
    const rate = (ms: number) => (megabytes / (ms / 1000)).toFixed(0);
    const ratio = scanMs / rgMs;
    const bySeverity = (severity: string) =>
      scan.findings.filter((finding) => finding.severity === severity).length;
    const found = `${scan.findings.length} (${bySeverity('error')} errors, ${bySeverity('warning')} warnings)`;
    return [
      '## Secret scan throughput',
      '',
      `A generated tree of ${generated.files.toLocaleString('en')} files, ${megabytes.toFixed(0)} MB of source-like text ` +
        `(TypeScript, Python, YAML, JSON, Markdown) with ${generated.planted} fake secrets, decoys and 40 binary files. ` +
        `Both tools search with the scanner's ${secretPatterns().length} patterns on all ${availableParallelism()} cores; ` +
        `median of ${RUNS} runs after a warm-up, interleaved. Ripgrep counts matching lines; the scanner reports ` +
        'findings after its checks (entropy, placeholders, JWT headers, private-key bodies). `scanTree` is timed as a ' +
        'call (its worker threads start inside it); the last row adds starting Node, as an action step does.',
      '',
      '| tool | wall ms (median) | MB/s | files | findings |',
      '|---|---:|---:|---:|---:|',
      `| ripgrep ${RIPGREP} (\`-c\`, ${ripgrepPatterns().length} patterns) | ${rgMs.toFixed(0)} | ${rate(rgMs)} | ${generated.files} | ${rgMatches} matching lines |`,
      `| Flowkit \`scanTree\` | ${scanMs.toFixed(0)} | ${rate(scanMs)} | ${scan.filesScanned} scanned, ${scan.skipped.binary} binary skipped | ${found} |`,
      `| Flowkit \`scanTree\` in a fresh \`node\` process | ${processMs.toFixed(0)} | ${rate(processMs)} | ${scan.filesScanned} | ${found} |`,
      '',
      `Flowkit's scanner: ${ratio.toFixed(2)}× ripgrep's wall time (target ≤ ${TARGET_RATIO}×): ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'}.`,
      '',
      `Counting a fresh Node process, ${(processMs / rgMs).toFixed(2)}×: starting Node and loading the scanner from its ` +
        `TypeScript sources (type stripping) alone takes ${loadMs.toFixed(0)} ms; an action's bundle is plain JavaScript.`,
      '',
    ].join('\n');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(await benchSecrets());
}
