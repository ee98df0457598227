// The Kubernetes Gateway API traffic driver: the weights of an HTTPRoute's backendRefs (the successor of the
// ingress-nginx canary annotations). The HTTPRoute stays the user's (parents, hostnames, matches); Flowkit changes
// only the `weight` of the two backendRefs naming the stable and the canary Service, with a JSON patch whose `test`
// operations make it fail rather than change a route that moved under it. "In force" means the route's controller
// reports every parent Accepted (and ResolvedRefs) for the patched generation.
import {
  type Clock,
  InputError,
  RetryExhaustedError,
  systemClock,
  TransientError,
  withRetry,
} from '@flowkit/core';
import type { TrafficDriver } from './driver.ts';
import { type CommandResult, describeFailure, notFound, oneAtATime, runCommand } from './exec.ts';
import {
  booleanOption,
  checkWeight,
  durationOption,
  formatWeight,
  optionInput,
  rejectUnknown,
  stringOption,
} from './options.ts';

/** The gateway-api driver's options. */
export interface GatewayApiDriverOptions {
  /** The HTTPRoute's name. */
  route: string;
  /** Its namespace; default kubectl's. */
  namespace?: string;
  /** kubectl's --context. */
  context?: string;
  /** kubectl's --kubeconfig. */
  kubeconfig?: string;
  /** The kubectl executable; default `kubectl`. */
  kubectl?: string;
  /** The stable version's Service (a backendRef name). */
  stable: string;
  /** The canary's Service. */
  canary: string;
  /** Wait until the controller accepted the new generation; default true. */
  waitForAccepted?: boolean;
  /** Limit for each kubectl call and for the wait; default 60000. */
  timeoutMs?: number;
}

const KNOWN = [
  'route',
  'namespace',
  'context',
  'kubeconfig',
  'kubectl',
  'stable',
  'canary',
  'waitForAccepted',
  'timeoutMs',
] as const;

const DNS_SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9.]{0,251}[a-z0-9])?$/;
const DNS_LABEL = /^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?$/;

interface GatewaySettings {
  route: string;
  stable: string;
  canary: string;
  kubectl: string;
  /** --kubeconfig/--context/--namespace, before the verb. */
  globalArgs: string[];
  waitForAccepted: boolean;
  timeoutMs: number;
}

/** Checks the options; throws InputError naming the first bad one. Touches nothing. */
export function readGatewayApiOptions(options: Record<string, unknown>): GatewaySettings {
  rejectUnknown('gateway-api', options, KNOWN);
  const route = stringOption(options, 'route', {
    required: true,
    pattern: DNS_SUBDOMAIN,
    what: 'a Kubernetes object name',
    fix: "Name the HTTPRoute, e.g. 'route: web'.",
  });
  const service = (key: 'stable' | 'canary') =>
    stringOption(options, key, {
      required: true,
      pattern: DNS_LABEL,
      what: 'a Service name',
      fix: `Name the ${key} version's Service as the HTTPRoute's backendRefs do, e.g. '${key}: web-${key}'.`,
    });
  const stable = service('stable');
  const canary = service('canary');
  if (stable === canary)
    throw new InputError(
      optionInput('canary'),
      `is the same Service as stable: '${canary}'`,
      'Name the canary Service.',
    );
  const namespace = stringOption(options, 'namespace', {
    pattern: DNS_LABEL,
    what: 'a namespace name',
    fix: "e.g. 'namespace: production'.",
  });
  const context = stringOption(options, 'context', {
    pattern: /^[^\s]{1,253}$/,
    what: 'a kubeconfig context name',
    fix: "e.g. 'context: prod-eu'.",
  });
  const kubeconfig = stringOption(options, 'kubeconfig', {
    fix: "e.g. 'kubeconfig: /home/runner/.kube/config'.",
  });
  const kubectl =
    stringOption(options, 'kubectl', { fix: "e.g. 'kubectl: /usr/local/bin/kubectl'." }) ?? 'kubectl';
  return {
    route,
    stable,
    canary,
    kubectl,
    globalArgs: [
      ...(kubeconfig === undefined ? [] : ['--kubeconfig', kubeconfig]),
      ...(context === undefined ? [] : ['--context', context]),
      ...(namespace === undefined ? [] : ['--namespace', namespace]),
    ],
    waitForAccepted: booleanOption(options, 'waitForAccepted', true),
    timeoutMs: durationOption(options, 'timeoutMs', 60_000, { min: 100, max: 1_800_000 }),
  };
}

/** Gateway API weights for stable and canary: percentages, or per mille when the weight has a decimal. */
export function gatewayWeights(percent: number): { stable: number; canary: number } {
  return Number.isInteger(percent)
    ? { stable: 100 - percent, canary: percent }
    : { stable: 1000 - Math.round(percent * 10), canary: Math.round(percent * 10) };
}

interface BackendRef {
  name?: unknown;
  kind?: unknown;
  weight?: unknown;
}

interface HttpRoute {
  metadata?: { resourceVersion?: unknown; generation?: unknown };
  spec?: { rules?: { backendRefs?: BackendRef[] }[] };
  status?: {
    parents?: {
      conditions?: { type?: unknown; status?: unknown; observedGeneration?: unknown; message?: unknown }[];
    }[];
  };
}

/** The backendRefs of each rule that names both Services: [rule index, stable ref index, canary ref index]. */
function splitRules(route: HttpRoute, stable: string, canary: string): [number, number, number][] {
  const found: [number, number, number][] = [];
  const isService = (ref: BackendRef, name: string) =>
    ref.name === name && (ref.kind === undefined || ref.kind === 'Service');
  (route.spec?.rules ?? []).forEach((rule, index) => {
    const refs = rule.backendRefs ?? [];
    const s = refs.findIndex((ref) => isService(ref, stable));
    const c = refs.findIndex((ref) => isService(ref, canary));
    if (s >= 0 && c >= 0) found.push([index, s, c]);
  });
  return found;
}

/** A backendRef's weight (Gateway API's default is 1). */
function weightOf(ref: BackendRef | undefined): number {
  return typeof ref?.weight === 'number' ? ref.weight : 1;
}

/** Why the route is not yet in force, or undefined when every parent accepted `generation`. */
export function routeNotInForce(route: HttpRoute, generation: number): string | undefined {
  const parents = route.status?.parents ?? [];
  if (parents.length === 0) return 'no Gateway controller reports on the route (status.parents is empty)';
  for (const parent of parents) {
    const conditions = parent.conditions ?? [];
    const accepted = conditions.find((condition) => condition.type === 'Accepted');
    if (accepted === undefined) return 'a parent has no Accepted condition yet';
    if (typeof accepted.observedGeneration === 'number' && accepted.observedGeneration < generation)
      return `a parent reports generation ${accepted.observedGeneration}, not ${generation}`;
    if (accepted.status !== 'True')
      return `a parent did not accept the route: ${String(accepted.message ?? '')}`;
    const resolved = conditions.find((condition) => condition.type === 'ResolvedRefs');
    if (resolved !== undefined && resolved.status !== 'True')
      return `a parent cannot resolve the backendRefs: ${String(resolved.message ?? '')}`;
  }
  return undefined;
}

export interface GatewayApiDriverDeps {
  clock?: Clock;
}

/** The gateway-api driver. Options are checked at once (InputError), before anything is touched. */
export function gatewayApiDriver(
  options: GatewayApiDriverOptions | Record<string, unknown>,
  deps: GatewayApiDriverDeps = {},
): TrafficDriver {
  const settings = readGatewayApiOptions(options as Record<string, unknown>);
  const clock = deps.clock ?? systemClock;
  const where = `HTTPRoute ${settings.route}`;

  const kubectl = async (args: string[]): Promise<CommandResult> => {
    const full = [...settings.globalArgs, ...args];
    const result = await runCommand(settings.kubectl, full, { timeoutMs: settings.timeoutMs });
    if (notFound(result))
      throw new InputError(
        optionInput('kubectl'),
        `names a program that was not found: '${settings.kubectl}'`,
        'The gateway-api traffic driver runs kubectl: install it on the runner (e.g. the azure/setup-kubectl action) with access to the cluster (a kubeconfig, or the context option), or set kubectl to its path.',
      );
    if (result.exitCode !== 0)
      throw new Error(
        `kubectl failed: ${describeFailure(settings.kubectl, full, result, settings.timeoutMs)}`,
      );
    return result;
  };

  const getRoute = async (): Promise<HttpRoute> => {
    const result = await kubectl(['get', 'httproute', settings.route, '-o', 'json']);
    try {
      return JSON.parse(result.stdout) as HttpRoute;
    } catch {
      throw new Error(
        `kubectl get httproute ${settings.route} did not print JSON: ${result.stdout.slice(0, 200)}`,
      );
    }
  };

  const rulesOf = (route: HttpRoute) => {
    const rules = splitRules(route, settings.stable, settings.canary);
    if (rules.length === 0)
      throw new InputError(
        optionInput('route'),
        `names an HTTPRoute with no rule sending traffic to both '${settings.stable}' and '${settings.canary}'`,
        `Give one rule two backendRefs: {name: ${settings.stable}, port: …, weight: 100} and {name: ${settings.canary}, port: …, weight: 0}.`,
      );
    return rules;
  };

  const waitInForce = async (generation: number): Promise<void> => {
    if (!settings.waitForAccepted) return;
    let reason: string | undefined;
    try {
      await withRetry(
        async () => {
          reason = routeNotInForce(await getRoute(), generation);
          if (reason !== undefined) throw new TransientError(reason);
        },
        { retries: 10_000, budgetMs: settings.timeoutMs, baseDelayMs: 250, maxDelayMs: 2000 },
        { clock, random: () => 0.5 },
      );
    } catch (error) {
      if (!(error instanceof RetryExhaustedError)) throw error;
      throw new Error(
        `${where} was patched but is not in force after ${settings.timeoutMs / 1000} s: ${reason ?? 'unknown'}. Check the Gateway controller (kubectl describe httproute ${settings.route}).`,
      );
    }
  };

  const serial = oneAtATime();
  const apply = async (percent: number): Promise<void> => {
    const route = await getRoute();
    const rules = rulesOf(route);
    const want = gatewayWeights(percent);
    const refs = route.spec?.rules ?? [];
    const same = rules.every(([rule, s, c]) => {
      const backendRefs = refs[rule]?.backendRefs ?? [];
      const stable = weightOf(backendRefs[s]);
      const canary = weightOf(backendRefs[c]);
      return stable + canary > 0 && canary * (want.stable + want.canary) === want.canary * (stable + canary);
    });
    if (same) {
      await waitInForce(typeof route.metadata?.generation === 'number' ? route.metadata.generation : 0);
      return;
    }
    const patch: unknown[] = [];
    if (typeof route.metadata?.resourceVersion === 'string')
      patch.push({ op: 'test', path: '/metadata/resourceVersion', value: route.metadata.resourceVersion });
    for (const [rule, s, c] of rules) {
      const base = `/spec/rules/${rule}/backendRefs`;
      patch.push(
        { op: 'test', path: `${base}/${s}/name`, value: settings.stable },
        { op: 'add', path: `${base}/${s}/weight`, value: want.stable },
        { op: 'test', path: `${base}/${c}/name`, value: settings.canary },
        { op: 'add', path: `${base}/${c}/weight`, value: want.canary },
      );
    }
    const result = await kubectl([
      'patch',
      'httproute',
      settings.route,
      '--type=json',
      '-p',
      JSON.stringify(patch),
      '-o',
      'json',
    ]);
    let patched: HttpRoute;
    try {
      patched = JSON.parse(result.stdout) as HttpRoute;
    } catch {
      throw new Error(
        `kubectl patch httproute ${settings.route} did not print JSON: ${result.stdout.slice(0, 200)}`,
      );
    }
    await waitInForce(typeof patched.metadata?.generation === 'number' ? patched.metadata.generation : 0);
  };

  let last: number | undefined;
  return {
    name: 'gateway-api',
    async setWeight(percent) {
      const weight = checkWeight(percent);
      await serial(() => apply(weight));
      last = weight;
    },
    async currentWeight() {
      const route = await getRoute();
      const [rule, s, c] = rulesOf(route)[0] as [number, number, number];
      const backendRefs = route.spec?.rules?.[rule]?.backendRefs ?? [];
      const stable = weightOf(backendRefs[s]);
      const canary = weightOf(backendRefs[c]);
      if (stable + canary === 0) return undefined;
      return Math.round((canary / (stable + canary)) * 1000) / 10;
    },
    describe() {
      const at = last === undefined ? '' : `${formatWeight(last)} % `;
      return `gateway-api: ${at}to ${settings.canary} (stable ${settings.stable}) in ${where}${settings.globalArgs.length === 0 ? '' : ` (${settings.globalArgs.join(' ')})`}`;
    },
  };
}
