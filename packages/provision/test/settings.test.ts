// The settings reader: defaults from the event, each driver's inputs, and one InputError per mistake.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import {
  PROVISION_INPUTS,
  type ProvisionInputName,
  type RunFacts,
  readProvisionSettings,
  readVars,
} from '../src/settings.ts';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const HEAD = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
let workspace: string;

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'flowkit-settings-'));
  await writeFile(join(workspace, 'deploy.yml'), '- hosts: localhost\n');
});

afterAll(async () => {
  await rm(workspace, { recursive: true, force: true });
});

function read(inputs: Partial<Record<ProvisionInputName, string>>, run: Partial<RunFacts> = {}) {
  const defaults: Partial<Record<ProvisionInputName, string>> = {
    'github-token': 'ghs_x',
    'working-directory': '.',
  };
  return readProvisionSettings((name) => inputs[name] ?? defaults[name] ?? '', {
    eventName: 'push',
    event: {},
    sha: SHA,
    repository: 'acme/shop',
    workspace,
    ...run,
  });
}

const PULL = {
  eventName: 'pull_request',
  event: { action: 'synchronize', number: 12, pull_request: { number: 12, head: { sha: HEAD } } },
};

describe('defaults from the run', () => {
  test('a push: staging at GITHUB_SHA, provision, <url>/healthz later', () => {
    const settings = read({ driver: 'ansible', playbook: 'deploy.yml' });
    expect(settings).toMatchObject({
      mode: 'provision',
      environment: 'staging',
      transient: false,
      commit: SHA,
      url: undefined,
      vars: {},
      workingDirectory: workspace,
      health: { url: undefined, commitPath: 'commit', timeoutMs: 300_000 },
      destroyOnFailure: true,
      deleteEnvironment: 'auto',
      repo: { owner: 'acme', repo: 'shop' },
      driver: { name: 'ansible', options: { playbook: join(workspace, 'deploy.yml') } },
    });
  });

  test('a pull request: pr-<number>, transient, at its head; closing it destroys', () => {
    expect(read({ driver: 'ansible', playbook: 'deploy.yml' }, PULL)).toMatchObject({
      environment: 'pr-12',
      transient: true,
      commit: HEAD,
      mode: 'provision',
    });
    const closed = { ...PULL, event: { ...PULL.event, action: 'closed' } };
    expect(read({ driver: 'ansible', playbook: 'deploy.yml' }, closed).mode).toBe('destroy');
  });

  test('placeholders in url and health-url', () => {
    const settings = read(
      {
        driver: 'command',
        'provision-command': 'true',
        url: 'https://{environment}.staging.example.com/?c={short_commit}&pr={pr}',
        'health-url': 'https://{environment}.staging.example.com/version/{commit}',
      },
      PULL,
    );
    expect(settings.url).toBe('https://pr-12.staging.example.com/?c=aaaaaaa&pr=12');
    expect(settings.health.url).toBe(`https://pr-12.staging.example.com/version/${HEAD}`);
  });

  test('helm: release and a namespace per environment, from the repository’s name', () => {
    expect(read({ driver: 'helm', chart: 'oci://registry.example.com/dashboard' }, PULL).driver).toEqual({
      name: 'helm',
      options: {
        chart: 'oci://registry.example.com/dashboard',
        release: 'shop',
        namespace: 'shop-pr-12',
        timeout: '10m',
        deleteNamespace: false,
      },
    });
  });

  test('vars: JSON keeps types; name=value lines are text', () => {
    expect(readVars('{"replicas": 2, "flags": {"a": true}}')).toEqual({ replicas: 2, flags: { a: true } });
    expect(readVars('# sizes\nreplicas=2\nimage.tag = v1=beta\n')).toEqual({
      replicas: '2',
      'image.tag': 'v1=beta',
    });
  });
});

describe('bad input: one InputError naming the input', () => {
  const bad: [string, Partial<Record<ProvisionInputName, string>>, RegExp][] = [
    [
      'no driver',
      {},
      /^Input 'driver' is required\. Choose one of: ansible, terraform, tofu, helm, command\.$/,
    ],
    [
      'an unknown driver',
      { driver: 'pulumi' },
      /^Input 'driver' names an unknown driver 'pulumi'\. Choose one of: ansible, terraform, tofu, helm, command\.$/,
    ],
    ['no playbook', { driver: 'ansible' }, /^Input 'playbook' is required by the ansible driver/],
    [
      'a missing playbook',
      { driver: 'ansible', playbook: 'deploy/staging.yml' },
      /^Input 'playbook' names a file that does not exist: 'deploy\/staging\.yml' \(looked at .*\/deploy\/staging\.yml\)/,
    ],
    [
      'a playbook with another driver',
      { driver: 'terraform', playbook: 'deploy.yml' },
      /^Input 'playbook' is for the ansible driver, not terraform/,
    ],
    ['no chart', { driver: 'helm' }, /^Input 'chart' is required by the helm driver/],
    [
      'a bad namespace',
      { driver: 'helm', chart: 'c', namespace: 'Shop_PR' },
      /^Input 'namespace' 'Shop_PR' is not a DNS label/,
    ],
    ['no provision-command', { driver: 'command' }, /^Input 'provision-command' is required/],
    [
      'a bad mode',
      { driver: 'command', 'provision-command': 'x', mode: 'teardown' },
      /^Input 'mode' must be auto/,
    ],
    [
      'a bad environment',
      { driver: 'command', 'provision-command': 'x', environment: 'pr 12; rm -rf /' },
      /^Input 'environment' 'pr 12; rm -rf \/' is not a name/,
    ],
    [
      'a bad commit',
      { driver: 'command', 'provision-command': 'x', commit: 'main' },
      /^Input 'commit' 'main' is not a commit sha/,
    ],
    [
      'a bad url',
      { driver: 'command', 'provision-command': 'x', url: 'javascript:alert(1)' },
      /^Input 'url' is not an http\(s\) URL/,
    ],
    [
      'an unknown placeholder',
      { driver: 'command', 'provision-command': 'x', url: 'https://{branch}.x' },
      /^Input 'url' has an unknown placeholder \{branch\}/,
    ],
    [
      '{pr} on a push',
      { driver: 'command', 'provision-command': 'x', url: 'https://pr-{pr}.x' },
      /^Input 'url' uses \{pr\}, but this run is not for a pull request/,
    ],
    [
      'vars that are not vars',
      { driver: 'command', 'provision-command': 'x', vars: 'replicas' },
      /^Input 'vars' line 1 is not name=value/,
    ],
    [
      'a flowkit_ var',
      { driver: 'command', 'provision-command': 'x', vars: '{"flowkit_commit":"x"}' },
      /^Input 'vars' sets 'flowkit_commit', which Flowkit sets itself/,
    ],
    [
      'a bad health path',
      { driver: 'command', 'provision-command': 'x', 'health-commit-path': '$.commit' },
      /^Input 'health-commit-path' '\$\.commit' is not a JSON path/,
    ],
    [
      'a bad timeout',
      { driver: 'command', 'provision-command': 'x', 'health-timeout': '0' },
      /^Input 'health-timeout' must be a whole number from 1 to 3600/,
    ],
    [
      'a missing folder',
      { driver: 'command', 'provision-command': 'x', 'working-directory': 'infra' },
      /^Input 'working-directory' is not a folder: 'infra'/,
    ],
    [
      'no token',
      { driver: 'command', 'provision-command': 'x', 'github-token': '' },
      /^Input 'github-token' is empty/,
    ],
  ];

  test.each(bad)('%s', (_name, inputs, message) => {
    expect(() => read(inputs)).toThrow(message);
  });

  test('every input the reader knows is listed once', () => {
    expect(new Set(PROVISION_INPUTS).size).toBe(PROVISION_INPUTS.length);
  });
});
