// Terraform, OpenTofu and Helm on the exact command lines they run (a recording runner) and the outputs they parse;
// the command driver and the tool check for real.
import { readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, type ProcessResult, type ProcessRunner, runProcess, silentLogger } from '@flowkit/core';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { type DriverContext, type DriverEnvironment, DriverError, DriverOutputError } from '../src/driver.ts';
import { ansibleDriver } from '../src/drivers/ansible.ts';
import { urlFromNotes, urlFromValues } from '../src/drivers/helm.ts';
import { parseTerraformOutput } from '../src/drivers/terraform.ts';
import { createDriver, DRIVER_NAMES } from '../src/registry.ts';

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const ENV: DriverEnvironment = {
  name: 'pr-12',
  commit: COMMIT,
  url: undefined,
  vars: { replicas: 2, tier: 'web' },
};

interface Call {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** A runner that records each command and answers from `answer` (default: exit 0, no output). */
function recorder(answer: (call: Call) => Partial<ProcessResult> = () => ({})) {
  const calls: Call[] = [];
  const run: ProcessRunner = async (command, args, options) => {
    const call = { command, args, cwd: options.cwd, env: options.env };
    calls.push(call);
    return { exitCode: 0, signal: null, stdout: '', stderr: '', ...answer(call) };
  };
  return { calls, run, lines: () => calls.map((c) => [c.command, ...c.args].join(' ')) };
}

let temp: string;
let bin: string;

beforeEach(async () => {
  temp = await mkdtemp(join(tmpdir(), 'flowkit-drivers-'));
  // Stand-in executables, so the tool check passes whatever this machine has installed.
  bin = join(temp, 'bin');
  await mkdir(bin);
  for (const tool of ['terraform', 'tofu', 'helm', 'kubectl', 'ansible-playbook']) {
    await writeFile(join(bin, tool), '#!/bin/sh\nexit 0\n');
    await chmod(join(bin, tool), 0o755);
  }
});

afterEach(async () => {
  await rm(temp, { recursive: true, force: true });
});

function context(run: ProcessRunner, path = bin): DriverContext {
  return { run, cwd: join(temp, 'infra'), env: { PATH: path }, tempDir: temp, log: silentLogger };
}

describe('terraform and tofu', () => {
  test('provision: init, a workspace per environment, apply with vars, the URL from output -json', async () => {
    const recorded = await readFile(join(FIXTURES, 'terraform-output-url.json'), 'utf8');
    const runner = recorder((call) => (call.args[0] === 'output' ? { stdout: recorded } : {}));
    const driver = createDriver(
      { name: 'terraform', options: { binary: 'terraform', outputName: 'url' } },
      context(runner.run),
    );
    expect(await driver.provision(ENV)).toEqual({ url: 'https://pr-12.staging.example.com' });
    expect(runner.lines()).toEqual([
      'terraform init -input=false -no-color',
      'terraform workspace select -or-create pr-12',
      'terraform apply -input=false -auto-approve -no-color -var replicas=2 -var tier=web',
      'terraform output -no-color -json url',
    ]);
    expect(runner.calls.every((call) => call.cwd === join(temp, 'infra'))).toBe(true);
    expect(runner.calls[2]?.env).toMatchObject({
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      TF_VAR_commit: COMMIT,
      TF_VAR_environment: 'pr-12',
    });
  });

  test('destroy: destroy in the workspace, step out to default, delete the workspace', async () => {
    const runner = recorder();
    const driver = createDriver(
      { name: 'tofu', options: { binary: 'tofu', outputName: 'url' } },
      context(runner.run),
    );
    await driver.destroy({ ...ENV, vars: {} });
    expect(runner.lines()).toEqual([
      'tofu init -input=false -no-color',
      'tofu workspace select -or-create pr-12',
      'tofu destroy -input=false -auto-approve -no-color',
      'tofu workspace select default',
      'tofu workspace delete pr-12',
    ]);
  });

  test('a failing apply: its last lines in the error, nothing run after it', async () => {
    const runner = recorder((call) =>
      call.args[0] === 'apply'
        ? {
            exitCode: 1,
            stdout: 'aws_instance.web: Creating...\n',
            stderr: '\nError: creating EC2 Instance: UnauthorizedOperation\n\n  with aws_instance.web,\n',
          }
        : {},
    );
    const driver = createDriver(
      { name: 'terraform', options: { binary: 'terraform', outputName: 'url' } },
      context(runner.run),
    );
    const failure = await driver.provision(ENV).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DriverError);
    expect((failure as DriverError).message).toBe(
      'Terraform apply failed: terraform apply -input=false -auto-approve -no-color -var replicas=2 -var tier=web exited with 1; its last lines:\naws_instance.web: Creating...\nError: creating EC2 Instance: UnauthorizedOperation\n  with aws_instance.web,',
    );
    expect(runner.calls).toHaveLength(3);
  });

  test('output parsing: a JSON string URL, else a clear error', () => {
    expect(parseTerraformOutput('"http://127.0.0.1:8080"\n', 'url')).toBe('http://127.0.0.1:8080');
    expect(() => parseTerraformOutput('{"host":"x"}', 'url')).toThrow(
      new DriverOutputError(
        `output 'url' is {"host":"x"}, not an http(s) URL: make it the environment's URL, or set terraform-output`,
      ),
    );
    expect(() => parseTerraformOutput('╷\n│ Error: Output "url" not found', 'url')).toThrow(
      /did not print JSON/,
    );
  });
});

describe('helm', () => {
  const options = {
    chart: './charts/dashboard',
    release: 'shop',
    namespace: 'shop-pr-12',
    deleteNamespace: true,
    timeout: '10m',
  };

  test('provision: upgrade --install in the environment’s namespace; the URL from the notes', async () => {
    const notes = await readFile(join(FIXTURES, 'helm-notes.txt'), 'utf8');
    const runner = recorder((call) => (call.args[1] === 'notes' ? { stdout: notes } : {}));
    const driver = createDriver({ name: 'helm', options }, context(runner.run));
    const env = { ...ENV, vars: { 'image.tag': 'v1,2', replicas: 2 } };
    expect(await driver.provision(env)).toEqual({ url: 'https://pr-12.staging.example.com/deployments' });
    expect(runner.calls.map((c) => [c.command, ...c.args])).toEqual([
      [
        'helm',
        'upgrade',
        '--install',
        'shop',
        './charts/dashboard',
        '--namespace',
        'shop-pr-12',
        '--create-namespace',
        '--wait',
        '--timeout',
        '10m',
        '--set-string',
        `commit=${COMMIT}`,
        '--set-string',
        'environment=pr-12',
        '--set',
        'image.tag=v1\\,2',
        '--set',
        'replicas=2',
      ],
      ['helm', 'get', 'notes', 'shop', '--namespace', 'shop-pr-12'],
    ]);
  });

  test('the url input wins: no notes asked for, and it is passed as a value', async () => {
    const runner = recorder();
    const driver = createDriver({ name: 'helm', options }, context(runner.run));
    const env = { ...ENV, url: 'https://pr-12.staging.example.com', vars: {} };
    expect(await driver.provision(env)).toEqual({ url: 'https://pr-12.staging.example.com' });
    expect(runner.lines()).toEqual([
      `helm upgrade --install shop ./charts/dashboard --namespace shop-pr-12 --create-namespace --wait --timeout 10m --set-string commit=${COMMIT} --set-string environment=pr-12 --set-string url=https://pr-12.staging.example.com`,
    ]);
  });

  test('no URL in the notes: the values’ url; neither: an error saying to set url', async () => {
    const runner = recorder((call) =>
      call.args[1] === 'values'
        ? { stdout: '{"url":"https://pr-12.example.com","replicas":2}' }
        : { stdout: 'NOTES:\nInstalled.\n' },
    );
    const driver = createDriver({ name: 'helm', options }, context(runner.run));
    expect(await driver.provision({ ...ENV, vars: {} })).toEqual({ url: 'https://pr-12.example.com' });
    expect(runner.lines().at(-1)).toBe('helm get values shop --namespace shop-pr-12 --all --output json');
    expect(urlFromValues('null')).toBeUndefined();
    expect(urlFromNotes('see http://a.example.com/x).')).toBe('http://a.example.com/x');
    const bare = createDriver({ name: 'helm', options }, context(recorder(() => ({ stdout: '{}' })).run));
    await expect(bare.provision({ ...ENV, vars: {} })).rejects.toThrow(
      /names no http\(s\) URL .*set the url input/,
    );
  });

  test('destroy: uninstall, then the namespace with kubectl when asked', async () => {
    const runner = recorder();
    await createDriver({ name: 'helm', options }, context(runner.run)).destroy(ENV);
    expect(runner.lines()).toEqual([
      'helm uninstall shop --namespace shop-pr-12 --wait --ignore-not-found',
      'kubectl delete namespace shop-pr-12 --ignore-not-found --wait=false',
    ]);
  });
});

describe('ansible command line', () => {
  test('a localhost inventory and the variables as an extra-vars file', async () => {
    // The files exist only while the driver runs: read them when the recorded command runs.
    let vars: unknown;
    let inventory = '';
    const runner = recorder((call) => {
      vars = JSON.parse(readFileSync(call.args[3]?.slice(1) ?? '', 'utf8'));
      inventory = readFileSync(call.args[1] ?? '', 'utf8');
      return {};
    });
    const driver = ansibleDriver(
      { playbook: '/repo/deploy.yml', destroyPlaybook: undefined, inventory: undefined },
      context(runner.run),
    );
    expect(await driver.provision({ ...ENV, url: 'http://127.0.0.1:8080' })).toEqual({ url: undefined });
    expect(runner.lines()).toEqual([
      `ansible-playbook -i ${temp}/inventory.ini --extra-vars @${temp}/ansible-present-vars.json /repo/deploy.yml`,
    ]);
    expect(inventory).toBe('localhost ansible_connection=local ansible_python_interpreter=auto_silent\n');
    expect(vars).toEqual({
      replicas: 2,
      tier: 'web',
      flowkit_environment: 'pr-12',
      flowkit_commit: COMMIT,
      flowkit_url: 'http://127.0.0.1:8080',
      flowkit_output_file: `${temp}/ansible-present-output.json`,
      flowkit_state: 'present',
    });
    expect(runner.calls[0]?.env).toMatchObject({ ANSIBLE_NOCOLOR: '1' });
  });
});

describe('command (real bash)', () => {
  const run = (provision: string, destroy?: string) =>
    createDriver(
      { name: 'command', options: { provision, destroy } },
      { ...context(runProcess, process.env.PATH), cwd: temp },
    );

  test('the script is told the environment and commit, and its url= line is the URL', async () => {
    const driver = run(
      'echo "# $FLOWKIT_ENVIRONMENT at $FLOWKIT_COMMIT ($FLOWKIT_STATE) $FLOWKIT_VARS" > seen.txt\necho "url=https://$FLOWKIT_ENVIRONMENT.example.com" >> "$FLOWKIT_OUTPUT"',
    );
    expect(await driver.provision(ENV)).toEqual({ url: 'https://pr-12.example.com' });
    expect(await readFile(join(temp, 'seen.txt'), 'utf8')).toBe(
      `# pr-12 at ${COMMIT} (present) {"replicas":2,"tier":"web"}\n`,
    );
  });

  test('JSON output works too; a script that fails gives its last lines', async () => {
    expect(await run(`echo '{"url": "http://127.0.0.1:1234"}' > "$FLOWKIT_OUTPUT"`).provision(ENV)).toEqual({
      url: 'http://127.0.0.1:1234',
    });
    const failing = run('for i in $(seq 30); do echo "step $i"; done\necho "quota exceeded" >&2\nexit 3');
    const failure = (await failing.provision(ENV).catch((error: unknown) => error)) as DriverError;
    expect(failure.message).toMatch(
      /^provision-command failed: bash -c <provision-command> exited with 3; its last lines:\nstep 12\n/,
    );
    expect(failure.lastLines).toHaveLength(20);
    expect(failure.lastLines.at(-1)).toBe('quota exceeded');
  });

  test('a URL that is not http(s) is refused; no destroy-command means nothing to do', async () => {
    await expect(run('echo "url=ftp://x" > "$FLOWKIT_OUTPUT"').provision(ENV)).rejects.toThrow(
      /gives url 'ftp:\/\/x', which is not an http\(s\) URL/,
    );
    await run('true').destroy(ENV);
    const destroy = run('true', 'echo "$FLOWKIT_STATE $FLOWKIT_ENVIRONMENT" > gone.txt');
    await destroy.destroy(ENV);
    expect(await readFile(join(temp, 'gone.txt'), 'utf8')).toBe('absent pr-12\n');
  });
});

describe('the tool check', () => {
  test.each([
    [
      'terraform',
      /^Input 'driver' is terraform, but terraform is not on PATH\. Install it in an earlier step: 'uses: hashicorp\/setup-terraform@dfe3c3f87815947d99a8997f908cb6525fc44e9e # v4\.0\.1'/,
    ],
    ['tofu', /opentofu\/setup-opentofu@a1320f892987e89d278cc92dc5adc984fb93aca4 # v2\.0\.2/],
    ['helm', /azure\/setup-helm@9bc31f4ebc9c6b171d7bfbaa5d006ae7abdb4310 # v5\.0\.1/],
    [
      'ansible',
      /ansible-playbook is not on PATH\. Install it in an earlier step: 'pipx install ansible-core'/,
    ],
  ] as const)(
    '%s missing: an InputError naming the tool and its setup, before anything runs',
    (name, message) => {
      const runner = recorder();
      const settings =
        name === 'ansible'
          ? { name, options: { playbook: '/p.yml', destroyPlaybook: undefined, inventory: undefined } }
          : name === 'helm'
            ? {
                name,
                options: { chart: 'c', release: 'r', namespace: 'n', deleteNamespace: false, timeout: '5m' },
              }
            : { name, options: { binary: name, outputName: 'url' } };
      const create = () =>
        createDriver(
          settings as Parameters<typeof createDriver>[0],
          context(runner.run, join(temp, 'empty')),
        );
      expect(create).toThrow(InputError);
      expect(create).toThrow(message);
      expect(runner.calls).toEqual([]);
    },
  );

  test('the registry lists every driver', () => {
    expect(DRIVER_NAMES).toEqual(['ansible', 'terraform', 'tofu', 'helm', 'command']);
  });
});
