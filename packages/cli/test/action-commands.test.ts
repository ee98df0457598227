// The action commands through their doors: runCli and the flowkit executable, a fake action and the Slack emulator.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ACTION_COMMANDS,
  actionCommand,
  COMMANDS,
  type CommandIo,
  optionWording,
  runCli,
} from '@flowkit/cli';
import { DEFAULT_SLACK_TOKEN, SlackEmulator } from '@flowkit/testing';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
const BIN = join(SRC, '..', 'bin', 'flowkit.js');

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** runCli with captured streams. */
async function cli(
  args: string[],
  options: { tty?: boolean; commands?: typeof COMMANDS } = {},
): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const io: CommandIo = {
    stdin: Readable.from([]),
    write: (text) => (stdout += text),
    error: (text) => (stderr += text),
    tty: options.tty ?? false,
  };
  const code = await runCli(args, io, options.commands);
  return { code, stdout, stderr };
}

const FAKE_ACTION_YML = `name: Fake
description: A fake action for the CLI's tests.
inputs:
  mode:
    description: What to do (ok, fail, wait).
    required: true
  token:
    description: A secret.
  greeting:
    description: Said first.
    default: hello
outputs:
  said:
    description: What it said.
runs:
  using: node24
  main: dist/index.js
  post: dist/post.js
`;

const FAKE_MAIN = `const fs = require('node:fs');
const env = process.env;
const out = (name, value) => fs.appendFileSync(env.GITHUB_OUTPUT, name + '<<EOF\\n' + value + '\\nEOF\\n');
fs.appendFileSync(env.GITHUB_STATE, 'started=' + env.INPUT_MODE + '\\n');
console.log('::group::Preparing');
console.log(env.INPUT_GREETING + ' from ' + env.GITHUB_REPOSITORY + '@' + env.GITHUB_SHA);
console.log('::endgroup::');
console.log('token is ' + env.INPUT_TOKEN);
console.log('::add-mask::hunter22');
console.log('password hunter22');
console.log('::debug::a detail');
if (env.INPUT_MODE === 'fail') {
  console.log('::group::Checking');
  console.log('checked 3 files');
  console.log('::error file=src/a.ts,line=3::It broke');
  process.exitCode = 1;
} else if (env.INPUT_MODE === 'crash') {
  process.exit(3);
} else if (env.INPUT_MODE === 'wait') {
  console.log('::group::Waiting');
  process.on('SIGINT', () => { console.log('::error::Interrupted'); process.exit(1); });
  console.log('ready');
  setInterval(() => {}, 1000);
} else {
  out('said', env.INPUT_GREETING + '\\nworld');
  out('mode', env.INPUT_MODE);
  fs.appendFileSync(env.GITHUB_STEP_SUMMARY, '### Done\\n');
}
`;

const FAKE_POST = `const fs = require('node:fs');
console.log('post saw ' + process.env.STATE_started);
if (process.env.STATE_started === 'wait') fs.writeFileSync(process.env.GITHUB_WORKSPACE + '/rolled-back.txt', 'yes');
`;

let temp: string;
let actions: string;
let fake: (typeof COMMANDS)[number];

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'flowkit-cli-test-'));
  actions = join(temp, 'actions');
  await mkdir(join(actions, 'fake', 'dist'), { recursive: true });
  await writeFile(join(actions, 'fake', 'action.yml'), FAKE_ACTION_YML);
  await writeFile(join(actions, 'fake', 'dist', 'index.js'), FAKE_MAIN);
  await writeFile(join(actions, 'fake', 'dist', 'post.js'), FAKE_POST);
  fake = actionCommand({ path: ['fake', 'run'], action: 'fake', summary: 'A fake.' }, actions);
});
afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

const ESC = String.fromCharCode(27);
const CONTEXT = ['--repository', 'acme/shop', '--sha', 'abc123'];

describe('help', () => {
  test('every command has help; an action command lists every input as an option and every output', async () => {
    for (const command of COMMANDS) {
      const { code, stdout } = await cli([...command.path, '--help']);
      expect(code).toBe(0);
      expect(stdout).toContain(`Usage: flowkit ${command.path.join(' ')} [options]`);
    }
    const { parse } = await import('yaml');
    for (const spec of ACTION_COMMANDS) {
      const metadata = parse(
        await readFile(join(SRC, '..', '..', '..', 'actions', spec.action, 'action.yml'), 'utf8'),
      ) as { inputs: Record<string, { default?: string }>; outputs: Record<string, unknown> };
      const { stdout } = await cli([...spec.path, '--help']);
      for (const [name, input] of Object.entries(metadata.inputs)) {
        if (spec.fixed && name in spec.fixed) expect(stdout).not.toContain(`--${name} `);
        else expect(stdout).toMatch(new RegExp(`^ {2}--${name} <value> `, 'm'));
        if (input.default !== undefined && !String(input.default).includes('${{'))
          expect(stdout).toContain(`(default ${input.default})`);
      }
      for (const output of Object.keys(metadata.outputs ?? {}))
        expect(stdout).toMatch(new RegExp(`^ {2}${output} `, 'm'));
    }
  });

  test('flowkit --help groups the commands', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Flow steps:\n {2}slack notify .*\n/);
    expect(stdout).toMatch(
      /Monitoring:\n {2}guard gate[^\n]*\n {2}guard watch[^\n]*\n {2}guard setup[^\n]*\n {2}guard replay/,
    );
    expect(stdout).toMatch(/Configuration:\n {2}config check/);
  });

  test('the executable answers --help too', async () => {
    const run = await new Promise<Result>((done) => {
      const child = spawn(process.execPath, [BIN, 'canary', 'promote', '--help'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
    });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^ {2}--traffic <value> +\(required\) Traffic driver/m);
    expect(run.stdout).toMatch(
      /^ {2}--github-token <value> +Token with deployments write\. \(default \$GITHUB_TOKEN\)$/m,
    );
    expect(run.stdout).toMatch(/^ {2}result +promoted or rolled-back\./m);
  });
});

describe('exit codes and usage', () => {
  test('an unknown option, a missing value or a missing required input: exit 2, one line, nothing run', async () => {
    const commands = [fake];
    expect(await cli(['fake', 'run', '--mode', 'ok', '--colour', 'red'], { commands })).toEqual({
      code: 2,
      stdout: '',
      stderr: "flowkit: Input '--colour' is not an option of this command. See 'flowkit fake run --help'.\n",
    });
    expect(await cli(['fake', 'run', '--mode'], { commands })).toMatchObject({
      code: 2,
      stderr: "flowkit: Input '--mode' needs a value. Write '--mode <value>'.\n",
    });
    expect(await cli(['fake', 'run', ...CONTEXT], { commands })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "flowkit: Input '--mode' is required and was not given. Add '--mode <value>'; see 'flowkit fake run --help'.\n",
    });
    expect(await cli(['fake', 'run', '--mode', 'ok', '--json=yes'], { commands })).toMatchObject({ code: 2 });
  });

  test('success: exit 0, outputs on stdout as name=value (heredoc when multi-line), or JSON; the summary saved', async () => {
    const summary = join(temp, 'summary.md');
    const run = await cli(
      ['fake', 'run', '--mode', 'ok', '--greeting', 'hi', ...CONTEXT, '--summary', summary],
      {
        commands: [fake],
      },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('said<<FLOWKIT_EOF\nhi\nworld\nFLOWKIT_EOF\nmode=ok\n');
    expect(await readFile(summary, 'utf8')).toBe('### Done\n');
    const json = await cli(['fake', 'run', '--mode', 'ok', ...CONTEXT, '--json'], { commands: [fake] });
    expect(JSON.parse(json.stdout)).toEqual({ said: 'hello\nworld', mode: 'ok' });
  });

  test('the action ends non-zero without an error: exit 1 and one error line saying how it ended', async () => {
    const run = await cli(['fake', 'run', '--mode', 'crash', ...CONTEXT], { commands: [fake] });
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n').filter((line) => line.startsWith('error: '))).toEqual([
      'error: index.js ended with exit code 3',
    ]);
  });

  test('the action fails: exit 1, its error as a human line with its place; the post step still runs', async () => {
    const run = await cli(['fake', 'run', '--mode', 'fail', ...CONTEXT], { commands: [fake] });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('error: It broke (src/a.ts:3)\n');
    expect(run.stderr).not.toContain('::');
    expect(run.stderr).toMatch(/post saw fail\n$/);
  });
});

describe('log', () => {
  test('plain (CI): ▶ per group, every line, context from the options, no debug lines', async () => {
    const run = await cli(['fake', 'run', '--mode', 'ok', ...CONTEXT], { commands: [fake] });
    expect(run.stderr).toBe(
      [
        '▶ Preparing',
        'hello from acme/shop@abc123',
        'token is undefined',
        'password ***',
        'post saw ok',
        '',
      ].join('\n'),
    );
    const verbose = await cli(['fake', 'run', '--mode', 'ok', ...CONTEXT, '--verbose'], { commands: [fake] });
    expect(verbose.stderr).toContain('debug: a detail\n');
  });

  test('terminal: a step list with ✓ and the duration; a failed step shows ✗ and the lines it hid', async () => {
    const ok = await cli(['fake', 'run', '--mode', 'ok', ...CONTEXT], { commands: [fake], tty: true });
    expect(ok.stderr).toMatch(new RegExp(`\r${ESC}\\[2K✓ Preparing \\(\\d+\\.\\ds\\)\n`));
    expect(ok.stderr).not.toContain('hello from');
    const failed = await cli(['fake', 'run', '--mode', 'fail', ...CONTEXT], { commands: [fake], tty: true });
    expect(failed.stderr).toContain('error: It broke (src/a.ts:3)\n');
    expect(failed.stderr).toMatch(/✗ Checking \(\d+\.\ds\)\n {2}checked 3 files\n/);
  });

  test('a secret given as an option, and what the action masks, never appear', async () => {
    const secret = 'xoxb-1234-very-secret';
    const run = await cli(['fake', 'run', '--mode', 'ok', '--token', secret, ...CONTEXT], {
      commands: [fake],
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('token is ***\n');
    expect(`${run.stdout}${run.stderr}`).not.toContain(secret);
    expect(`${run.stdout}${run.stderr}`).not.toContain('hunter22');
  });
});

/**
 * The fake action's command in a process of its own, as the executable runs: `env` replaces the environment (PATH
 * kept); `interruptWhen` sends SIGINT once stderr satisfies it.
 */
async function runFake(
  args: string[],
  options: { cwd: string; env?: Record<string, string>; interruptWhen?: (stderr: string) => boolean },
): Promise<Result> {
  const script = join(temp, 'run-fake.mjs');
  await writeFile(
    script,
    `import { actionCommand } from ${JSON.stringify(pathToFileURL(join(SRC, 'action-command.ts')).href)};
import { runCli } from ${JSON.stringify(pathToFileURL(join(SRC, 'main.ts')).href)};
const command = actionCommand({ path: ['fake', 'run'], action: 'fake', summary: 'A fake.' }, process.argv[2]);
const io = { stdin: process.stdin, write: (t) => process.stdout.write(t), error: (t) => process.stderr.write(t) };
process.exitCode = await runCli(process.argv.slice(3), io, [command]);
`,
  );
  return new Promise<Result>((done) => {
    const child = spawn(process.execPath, [script, actions, 'fake', 'run', ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (!sent && options.interruptWhen?.(stderr)) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

describe('in its own process', () => {
  test('Ctrl-C during main: main gets SIGINT, the post step runs with the saved state, exit 130', async () => {
    const workspace = await mkdtemp(join(temp, 'workspace-'));
    const run = await runFake(['--mode', 'wait', ...CONTEXT], {
      cwd: workspace,
      interruptWhen: (stderr) => stderr.includes('ready\n'),
    });
    expect(run.stderr).toMatch(/▶ Waiting\nready\nerror: Interrupted\npost saw wait\n$/);
    expect(run.code).toBe(130);
    expect(await readFile(join(workspace, 'rolled-back.txt'), 'utf8')).toBe('yes');
  });

  test("on GitLab CI the action sees GitLab's project and commit as its GitHub context", async () => {
    const workspace = await mkdtemp(join(temp, 'workspace-'));
    const run = await runFake(['--mode', 'ok'], {
      cwd: workspace,
      env: { CI: 'true', GITLAB_CI: 'true', CI_PROJECT_PATH: 'acme/gitlab-shop', CI_COMMIT_SHA: 'cafe42' },
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('hello from acme/gitlab-shop@cafe42\n');
  });
});

describe('flowkit slack notify against the Slack emulator', () => {
  const CHANNEL = 'C0FRONTEND';
  let slack: SlackEmulator;
  beforeAll(async () => {
    slack = await SlackEmulator.start({
      channels: [{ id: CHANNEL, name: 'devops-team-frontend', members: ['UBOT'] }],
    });
  });
  afterAll(async () => {
    await slack.stop();
  });

  test('posts the message, prints the outputs, exit 0, the token never shown', async () => {
    const run = await cli([
      'slack',
      'notify',
      '--token',
      DEFAULT_SLACK_TOKEN,
      '--api-url',
      slack.apiUrl,
      '--channel',
      CHANNEL,
      '--payload',
      '{"text": "Staging is ready"}',
      ...CONTEXT,
    ]);
    expect(run.stderr).not.toContain(DEFAULT_SLACK_TOKEN);
    expect(run.code).toBe(0);
    expect(slack.messages(CHANNEL).map((message) => message.text)).toEqual(['Staging is ready']);
    const [message] = slack.messages(CHANNEL);
    expect(run.stdout).toContain(`ok=true\n`);
    expect(run.stdout).toContain(`ts=${message?.ts}\n`);
    expect(run.stdout).toContain(`channel-id=${CHANNEL}\n`);
    expect(run.stdout).not.toContain(DEFAULT_SLACK_TOKEN);
  });

  test("a bad input value: exit 1 with the action's one error line, no stack, nothing posted", async () => {
    const before = slack.requests.length;
    const run = await cli([
      'slack',
      'notify',
      '--token',
      'not-a-token',
      '--channel',
      CHANNEL,
      '--template',
      'nope',
    ]);
    expect(run.code).toBe(1);
    const errors = run.stderr.split('\n').filter((line) => line.startsWith('error: '));
    expect(errors).toEqual([expect.stringMatching(/^error: Input '--token' is not a Slack token/)]);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
    expect(slack.requests.length).toBe(before);
  });
});

test("an action's message names options the way the command takes them", () => {
  const names = ['prometheus-url', 'metrics', 'token'];
  expect(
    optionWording(
      "Input 'prometheus-url' is required with metrics: prometheus. Set 'prometheus-url: https://prometheus.example.com'.",
      names,
    ),
  ).toBe(
    "Input '--prometheus-url' is required with metrics: prometheus. Set '--prometheus-url https://prometheus.example.com'.",
  );
  // Names that are not inputs stay as they are.
  expect(optionWording("Input 'tokens' and 'with: x' are kept", names)).toBe(
    "Input 'tokens' and 'with: x' are kept",
  );
});
