// The gateway-api and command drivers, the registry and option checks.
//
// kubectl is not installed here, so the gateway-api driver runs a fake `kubectl`: a shell script that records each
// call's arguments into a file and prints canned JSON (per verb, in call order). The tests check the exact command
// lines the driver runs and the JSON patch it sends.
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Clock, InputError } from '@flowkit/core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { commandDriver } from '../src/traffic/command.ts';
import { gatewayApiDriver } from '../src/traffic/gateway-api.ts';
import { createTrafficDriver, TRAFFIC_DRIVERS } from '../src/traffic/index.ts';
import {
  nginxServerWeights,
  parseNginxFile,
  readNginxOptions,
  renderNginxFile,
} from '../src/traffic/nginx.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flowkit-traffic-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A clock whose waits pass at once (the in-force polling is tested without waiting). */
function instantClock(): Clock {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  };
}

const FAKE_KUBECTL = `#!/bin/sh
# Fake kubectl: records its arguments (one per line, calls separated by ---) and prints the next canned answer
# for its verb: <verb>-<n>.json for the verb's n-th call, else <verb>.json; exit-<verb> holds an exit status.
here="$(dirname "$0")"
for arg in "$@"; do printf '%s\\n' "$arg"; done >> "$here/calls"
echo --- >> "$here/calls"
verb=""
skip=0
for arg in "$@"; do
  if [ "$skip" = 1 ]; then skip=0; continue; fi
  case "$arg" in
    --kubeconfig|--context|--namespace) skip=1 ;;
    -*) ;;
    *) verb="$arg"; break ;;
  esac
done
n=$(( $(cat "$here/count-$verb" 2>/dev/null || echo 0) + 1 ))
echo "$n" > "$here/count-$verb"
if [ -f "$here/exit-$verb" ]; then echo "error: the server says no" >&2; exit "$(cat "$here/exit-$verb")"; fi
if [ -f "$here/$verb-$n.json" ]; then cat "$here/$verb-$n.json"; else cat "$here/$verb.json"; fi
`;

function route(options: {
  generation: number;
  stable: number;
  canary: number;
  observed?: number;
  accepted?: string;
}): unknown {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'web', namespace: 'prod', resourceVersion: '4711', generation: options.generation },
    spec: {
      parentRefs: [{ name: 'public' }],
      rules: [
        {
          matches: [{ path: { type: 'PathPrefix', value: '/admin' } }],
          backendRefs: [{ name: 'admin', port: 80 }],
        },
        {
          backendRefs: [
            { name: 'web-canary', port: 8080, weight: options.canary },
            { name: 'web-stable', port: 8080, weight: options.stable },
          ],
        },
      ],
    },
    status: {
      parents: [
        {
          parentRef: { name: 'public' },
          controllerName: 'example.com/gateway',
          conditions: [
            {
              type: 'Accepted',
              status: options.accepted ?? 'True',
              observedGeneration: options.observed ?? options.generation,
              message: 'Accepted',
            },
            {
              type: 'ResolvedRefs',
              status: 'True',
              observedGeneration: options.observed ?? options.generation,
            },
          ],
        },
      ],
    },
  };
}

describe('gateway-api driver (fake kubectl)', () => {
  let kube: string;
  let kubectl: string;

  beforeAll(async () => {
    kube = join(dir, 'kube');
    await import('node:fs/promises').then((fs) => fs.mkdir(kube));
    kubectl = join(kube, 'kubectl');
    await writeFile(kubectl, FAKE_KUBECTL);
    await chmod(kubectl, 0o755);
  });
  afterEach(async () => {
    for (const name of await readdir(kube)) if (name !== 'kubectl') await rm(join(kube, name));
  });

  async function calls(): Promise<string[][]> {
    const text = await readFile(join(kube, 'calls'), 'utf8').catch(() => '');
    return text
      .split('---\n')
      .filter((call) => call !== '')
      .map((call) => call.replace(/\n$/, '').split('\n'));
  }
  const answer = (name: string, body: unknown) => writeFile(join(kube, name), JSON.stringify(body));
  const options = {
    route: 'web',
    namespace: 'prod',
    context: 'prod-eu',
    stable: 'web-stable',
    canary: 'web-canary',
  };

  test('patches the two weights with a guarded JSON patch, then waits until the controller accepted it', async () => {
    await answer('get-1.json', route({ generation: 7, stable: 100, canary: 0 }));
    await answer('patch.json', route({ generation: 8, stable: 95, canary: 5, observed: 7 }));
    await answer('get-2.json', route({ generation: 8, stable: 95, canary: 5, observed: 7 }));
    await answer('get.json', route({ generation: 8, stable: 95, canary: 5 }));
    const driver = gatewayApiDriver({ ...options, kubectl }, { clock: instantClock() });

    await driver.setWeight(5);

    const [get, patch, ...polls] = await calls();
    const prefix = ['--context', 'prod-eu', '--namespace', 'prod'];
    expect(get).toEqual([...prefix, 'get', 'httproute', 'web', '-o', 'json']);
    expect(patch?.slice(0, 8)).toEqual([...prefix, 'patch', 'httproute', 'web', '--type=json']);
    expect(patch?.[8]).toBe('-p');
    expect(patch?.slice(10)).toEqual(['-o', 'json']);
    expect(JSON.parse(patch?.[9] as string)).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '4711' },
      { op: 'test', path: '/spec/rules/1/backendRefs/1/name', value: 'web-stable' },
      { op: 'add', path: '/spec/rules/1/backendRefs/1/weight', value: 95 },
      { op: 'test', path: '/spec/rules/1/backendRefs/0/name', value: 'web-canary' },
      { op: 'add', path: '/spec/rules/1/backendRefs/0/weight', value: 5 },
    ]);
    // Polled until the parent reported generation 8: once at 7, then accepted.
    expect(polls).toEqual([
      [...prefix, 'get', 'httproute', 'web', '-o', 'json'],
      [...prefix, 'get', 'httproute', 'web', '-o', 'json'],
    ]);
    expect(await driver.currentWeight()).toBe(5);
    expect(driver.describe()).toBe(
      'gateway-api: 5 % to web-canary (stable web-stable) in HTTPRoute web (--context prod-eu --namespace prod)',
    );
  });

  test('the weight in force: no patch; half a percent is sent per mille', async () => {
    await answer('get.json', route({ generation: 3, stable: 95, canary: 5 }));
    const driver = gatewayApiDriver({ ...options, kubectl }, { clock: instantClock() });
    await driver.setWeight(5);
    expect((await calls()).map((call) => call[4])).toEqual(['get', 'get']);

    await answer('get-3.json', route({ generation: 3, stable: 95, canary: 5 }));
    await answer('get.json', route({ generation: 4, stable: 995, canary: 5 }));
    await answer('patch.json', route({ generation: 4, stable: 995, canary: 5 }));
    await driver.setWeight(0.5);
    const patch = (await calls()).find((call) => call[4] === 'patch') as string[];
    expect(JSON.parse(patch[9] as string).filter((op: { op: string }) => op.op === 'add')).toEqual([
      { op: 'add', path: '/spec/rules/1/backendRefs/1/weight', value: 995 },
      { op: 'add', path: '/spec/rules/1/backendRefs/0/weight', value: 5 },
    ]);
    expect(await driver.currentWeight()).toBe(0.5);
  });

  test('fails naming the reason when the controller does not accept the route in time', async () => {
    await answer('get-1.json', route({ generation: 7, stable: 100, canary: 0 }));
    await answer('patch.json', route({ generation: 8, stable: 50, canary: 50, observed: 7 }));
    await answer(
      'get.json',
      route({ generation: 8, stable: 50, canary: 50, observed: 8, accepted: 'False' }),
    );
    const driver = gatewayApiDriver({ ...options, kubectl, timeoutMs: 5000 }, { clock: instantClock() });
    await expect(driver.setWeight(50)).rejects.toThrow(
      /HTTPRoute web was patched but is not in force after 5 s: a parent did not accept the route/,
    );
  });

  test("kubectl's own failure is reported with its output", async () => {
    await writeFile(join(kube, 'exit-get'), '1');
    const driver = gatewayApiDriver({ ...options, kubectl }, { clock: instantClock() });
    await expect(driver.setWeight(5)).rejects.toThrow(
      /kubectl failed: .* failed \(exit 1\):\nerror: the server says no/,
    );
  });

  test('a route without both Services is a user error', async () => {
    await answer('get.json', route({ generation: 1, stable: 1, canary: 0 }));
    const driver = gatewayApiDriver({ ...options, canary: 'web-next', kubectl }, { clock: instantClock() });
    const failure = driver.setWeight(5);
    await expect(failure).rejects.toThrow(InputError);
    await expect(failure).rejects.toThrow(/no rule sending traffic to both 'web-stable' and 'web-next'/);
  });

  test('finds kubectl on PATH; without it, one error naming the tool and how to set it up', async () => {
    await answer('get.json', route({ generation: 2, stable: 90, canary: 10 }));
    const path = process.env.PATH;
    process.env.PATH = `${kube}:${path}`;
    try {
      expect(await gatewayApiDriver(options).currentWeight()).toBe(10);
    } finally {
      process.env.PATH = path;
    }
    const missing = gatewayApiDriver({ ...options, kubectl: join(dir, 'no-kubectl') });
    const failure = missing.setWeight(5);
    await expect(failure).rejects.toThrow(InputError);
    await expect(failure).rejects.toThrow(
      /'traffic-options.kubectl' names a program that was not found.*install it/,
    );
  });
});

describe('command driver', () => {
  let script: string;
  let state: string;
  let runs: string;

  beforeAll(async () => {
    state = join(dir, 'weight');
    runs = join(dir, 'runs');
    script = join(dir, 'set-weight.sh');
    await writeFile(
      script,
      [
        '#!/bin/sh',
        `echo "$1 $FLOWKIT_CANARY_WEIGHT $SERVICE" > "${state}"`,
        `echo run >> "${runs}"`,
        'echo "weight set to $1"',
        '',
      ].join('\n'),
    );
    await chmod(script, 0o755);
  });

  test('runs the script with the weight as argument and environment; reads it back; skips the weight in force', async () => {
    const driver = commandDriver({
      command: [script],
      readCommand: `cut -d' ' -f1 "${state}" 2>/dev/null || echo 0`,
      env: { SERVICE: 'web' },
    });
    await driver.setWeight(5);
    expect(await readFile(state, 'utf8')).toBe('5 5 web\n');
    expect(await driver.currentWeight()).toBe(5);
    await driver.setWeight(5);
    expect((await readFile(runs, 'utf8')).trim().split('\n')).toHaveLength(1);
    await driver.setWeight(0.5);
    expect(await readFile(state, 'utf8')).toBe('0.5 0.5 web\n');
    expect(driver.describe()).toBe(`command: 0.5 % via ${script}`);
  });

  test('a shell command line gets the weight as $1; without a read command the weight is unknown', async () => {
    const out = join(dir, 'shell-out');
    const driver = commandDriver({ command: `echo "to $1 ($FLOWKIT_CANARY_WEIGHT)" > "${out}"` });
    await driver.setWeight(50);
    expect(await readFile(out, 'utf8')).toBe('to 50 (50)\n');
    expect(await driver.currentWeight()).toBeUndefined();
  });

  test('a failing script: an error with the last lines of its output', async () => {
    const driver = commandDriver({
      command: 'for i in $(seq 1 30); do echo "line $i"; done; echo "boom" >&2; exit 3',
    });
    const failure = driver.setWeight(10);
    await expect(failure).rejects.toThrow(/did not set the canary weight to 10 %: .* failed \(exit 3\):/);
    await expect(failure).rejects.toThrow(/line 30\nboom$/);
    await expect(failure).rejects.not.toThrow(/line 1\n/);
  });

  test('a script running past the timeout is killed and reported', async () => {
    const pidFile = join(dir, 'slow.pid');
    const driver = commandDriver({ command: `echo $$ > "${pidFile}"; exec sleep 60`, timeoutMs: 300 });
    await expect(driver.setWeight(1)).rejects.toThrow(/did not finish within 0\.3 s and was killed/);
    const pid = Number((await readFile(pidFile, 'utf8')).trim());
    expect(() => process.kill(pid, 0)).toThrow();
  });

  test('a read command printing something else is an error', async () => {
    const driver = commandDriver({ command: ['true'], readCommand: ['echo', 'fifty'] });
    await expect(driver.currentWeight()).rejects.toThrow(/printed 'fifty' on its last line, not a weight/);
  });
});

describe('registry and option checks', () => {
  const nginxOptions = {
    name: 'web',
    file: '/etc/nginx/flowkit/web.conf',
    stable: '10.0.0.1:8080',
    canary: '10.0.0.2:8080',
  };

  test('creates each driver by name; an unknown name lists the known ones', () => {
    expect(TRAFFIC_DRIVERS).toEqual(['nginx', 'gateway-api', 'command']);
    expect(createTrafficDriver('nginx', nginxOptions).name).toBe('nginx');
    expect(createTrafficDriver('gateway-api', { route: 'web', stable: 'a', canary: 'b' }).name).toBe(
      'gateway-api',
    );
    expect(createTrafficDriver('command', { command: ['true'] }).name).toBe('command');
    expect(() => createTrafficDriver('istio', {})).toThrow(
      new InputError(
        'traffic',
        "names no traffic driver: 'istio'",
        'Use one of: nginx, gateway-api, command.',
      ),
    );
  });

  test.each([
    [{ ...nginxOptions, stable: '10.0.0.1' }, /traffic-options.stable' is not host:port/],
    [
      { ...nginxOptions, canary: '10.0.0.2:8080; include /etc/passwd' },
      /traffic-options.canary' is not host:port/,
    ],
    [{ ...nginxOptions, canary: 'x:99999' }, /traffic-options.canary' is not host:port/],
    [{ ...nginxOptions, canary: '10.0.0.1:8080' }, /same address as stable/],
    [{ ...nginxOptions, name: 'web-app' }, /traffic-options.name' is not an nginx upstream name/],
    [{ ...nginxOptions, file: 'flowkit/web.conf' }, /traffic-options.file' must be an absolute path/],
    [{ ...nginxOptions, cookie: 'session' }, /traffic-options.cookie' only applies to sticky mode/],
    [
      { ...nginxOptions, mode: 'sticky', cookie: 'my-session' },
      /traffic-options.cookie' is not a cookie name/,
    ],
    [{ ...nginxOptions, mode: 'sticky', header: 'X User' }, /traffic-options.header' is not a header name/],
    [{ ...nginxOptions, mode: 'random' }, /traffic-options.mode' is not 'weighted' or 'sticky'/],
    [{ ...nginxOptions, statusListen: 'localhost' }, /traffic-options.statusListen' is not host:port/],
    [
      { ...nginxOptions, reloadCommand: 'systemctl reload nginx' },
      /traffic-options.reloadCommand' must be a non-empty list/,
    ],
    [
      { ...nginxOptions, timeoutMs: '30s' },
      /traffic-options.timeoutMs' must be a whole number of milliseconds/,
    ],
    [
      { ...nginxOptions, upstream: 'web' },
      /traffic-options.upstream' is not an option of the nginx traffic driver/,
    ],
    [
      { stable: '10.0.0.1:8080', canary: '10.0.0.2:8080', file: '/x.conf' },
      /traffic-options.name' is required/,
    ],
  ])('nginx options %#: %p', (options, message) => {
    expect(() => createTrafficDriver('nginx', options)).toThrow(InputError);
    expect(() => createTrafficDriver('nginx', options)).toThrow(message);
  });

  test.each([
    [
      'gateway-api',
      { route: 'Web_Route', stable: 'a', canary: 'b' },
      /'traffic-options.route' is not a Kubernetes object name/,
    ],
    ['gateway-api', { route: 'web', stable: 'a' }, /'traffic-options.canary' is required/],
    [
      'gateway-api',
      { route: 'web', stable: 'a', canary: 'b', namespace: 'Prod' },
      /namespace' is not a namespace name/,
    ],
    [
      'gateway-api',
      { route: 'web', stable: 'a', canary: 'b', waitForAccepted: 'yes' },
      /must be true or false/,
    ],
    ['command', {}, /'traffic-options.command' is required/],
    ['command', { command: [] }, /'traffic-options.command' must be a non-empty list/],
    ['command', { command: ['x'], env: { 'BAD-NAME': '1' } }, /has a bad variable name 'BAD-NAME'/],
    ['command', { command: ['x'], shell: true }, /not an option of the command traffic driver/],
  ])('%s options: %p', (name, options, message) => {
    expect(() => createTrafficDriver(name, options)).toThrow(InputError);
    expect(() => createTrafficDriver(name, options)).toThrow(message);
  });

  test('weights outside 0-100 or finer than a tenth are refused before anything is touched', async () => {
    const file = join(dir, 'never.conf');
    const driver = createTrafficDriver('nginx', { ...nginxOptions, file, nginx: join(dir, 'no-nginx') });
    for (const weight of [-1, 101, 0.05, Number.NaN])
      await expect(driver.setWeight(weight)).rejects.toThrow(
        /Input 'weight' must be a percentage from 0 to 100/,
      );
    await expect(readFile(file)).rejects.toThrow(/ENOENT/);
    expect(await driver.currentWeight()).toBeUndefined();
  });
});

describe('nginx file rendering', () => {
  const settings = readNginxOptions({
    name: 'web',
    file: '/etc/nginx/flowkit/web.conf',
    stable: '10.0.0.1:8080',
    canary: '[fd00::2]:8080',
  });

  test('weights are integers on a 1000 scale, reduced: 5 % is 19:1, half a percent 199:1', () => {
    expect(nginxServerWeights(5)).toEqual({ stable: 19, canary: 1 });
    expect(nginxServerWeights(0.5)).toEqual({ stable: 199, canary: 1 });
    expect(nginxServerWeights(50)).toEqual({ stable: 1, canary: 1 });
    expect(nginxServerWeights(12.5)).toEqual({ stable: 7, canary: 1 });
  });

  test('0 % and 100 % name one server; the marker line records the weight', () => {
    const at0 = renderNginxFile(settings, 0).text;
    expect(at0).toContain('upstream web {\n    server 10.0.0.1:8080 weight=1;\n}');
    const at100 = renderNginxFile(settings, 100).text;
    expect(at100).toContain('upstream web {\n    server [fd00::2]:8080 weight=1;\n}');
    expect(parseNginxFile(renderNginxFile(settings, 5).text)).toMatchObject({
      name: 'web',
      mode: 'weighted',
      weight: 5,
    });
    expect(parseNginxFile('upstream web { server 10.0.0.1:80; }')).toBeUndefined();
  });

  test('sticky: the canary bucket comes first, keyed by the header or the client address', () => {
    const sticky = readNginxOptions({
      ...settings,
      mode: 'sticky',
      header: 'X-User-Id',
      testCommand: ['true'],
    });
    const text = renderNginxFile(sticky, 2.5).text;
    expect(text).toContain(
      'map $http_x_user_id $flowkit_web_user {\n    "" $remote_addr;\n    default $http_x_user_id;\n}',
    );
    expect(text).toContain(
      'split_clients "${flowkit_web_user}/web" $flowkit_web {\n    2.5% web_canary;\n    * web_stable;\n}',
    );
    expect(renderNginxFile(sticky, 100).text).toContain('$flowkit_web {\n    * web_canary;\n}');
  });
});
