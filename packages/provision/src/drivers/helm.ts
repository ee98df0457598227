// The helm driver: upgrade --install into a namespace per environment; the URL from a template or the release's notes.
import {
  type DriverContext,
  type DriverEnvironment,
  DriverOutputError,
  type EnvironmentDriver,
  runTool,
  varText,
} from '../driver.ts';

/** The helm driver's settings. */
export interface HelmOptions {
  /** A chart reference: a folder, a packaged chart, repo/name or oci://… */
  chart: string;
  release: string;
  namespace: string;
  /** Also delete the namespace with kubectl on destroy. */
  deleteNamespace: boolean;
  /** How long --wait waits, e.g. 10m. */
  timeout: string;
}

/** The commands the helm driver runs, and the pinned setup action that installs helm. */
export const HELM_TOOLS = {
  helm: {
    command: 'helm',
    install: "'uses: azure/setup-helm@9bc31f4ebc9c6b171d7bfbaa5d006ae7abdb4310 # v5.0.1'",
  },
  kubectl: {
    command: 'kubectl',
    install: 'kubectl (preinstalled on GitHub-hosted Ubuntu runners; or azure/setup-kubectl)',
  },
} as const;

/** `--set` splits on commas and reads dots and brackets in names; a value's commas and backslashes are escaped. */
function setValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,');
}

/**
 * The chart's values from Flowkit and the user: commit and environment as strings (`--set-string`, so a sha of
 * digits stays text), url when given, then the user's vars as `--set`.
 */
export function helmSetArgs(env: DriverEnvironment): string[] {
  return [
    '--set-string',
    `commit=${env.commit}`,
    '--set-string',
    `environment=${setValue(env.name)}`,
    ...(env.url === undefined ? [] : ['--set-string', `url=${setValue(env.url)}`]),
    ...Object.entries(env.vars).flatMap(([name, value]) => ['--set', `${name}=${setValue(varText(value))}`]),
  ];
}

/** The first http(s) URL in a release's notes (`helm get notes`), or undefined. */
export function urlFromNotes(notes: string): string | undefined {
  return /https?:\/\/[^\s"'<>)\]]+/.exec(notes)?.[0]?.replace(/[.,;:]+$/, '');
}

/** The `url` value of `helm get values -o json`, or undefined. */
export function urlFromValues(json: string): string | undefined {
  try {
    const values = JSON.parse(json) as { url?: unknown } | null;
    return typeof values?.url === 'string' && /^https?:\/\//.test(values.url) ? values.url : undefined;
  } catch {
    return undefined;
  }
}

/** Creates the helm driver. */
export function helmDriver(options: HelmOptions, context: DriverContext): EnvironmentDriver {
  const ns = ['--namespace', options.namespace];
  return {
    async provision(env) {
      await runTool(context, 'helm upgrade', HELM_TOOLS.helm.command, [
        'upgrade',
        '--install',
        options.release,
        options.chart,
        ...ns,
        '--create-namespace',
        '--wait',
        '--timeout',
        options.timeout,
        ...helmSetArgs(env),
      ]);
      // The url input (a template) wins; else the chart says where it is, in its notes or its values.
      if (env.url !== undefined) return { url: env.url };
      const notes = await runTool(context, 'helm get notes', 'helm', [
        'get',
        'notes',
        options.release,
        ...ns,
      ]);
      const fromNotes = urlFromNotes(notes.stdout);
      if (fromNotes !== undefined) return { url: fromNotes };
      const values = await runTool(context, 'helm get values', 'helm', [
        'get',
        'values',
        options.release,
        ...ns,
        '--all',
        '--output',
        'json',
      ]);
      const fromValues = urlFromValues(values.stdout);
      if (fromValues !== undefined) return { url: fromValues };
      throw new DriverOutputError(
        `release ${options.release} names no http(s) URL in its notes or a 'url' value: set the url input (e.g. https://{environment}.staging.example.com)`,
      );
    },
    async destroy() {
      await runTool(context, 'helm uninstall', 'helm', [
        'uninstall',
        options.release,
        ...ns,
        '--wait',
        '--ignore-not-found',
      ]);
      if (options.deleteNamespace) {
        await runTool(context, 'kubectl delete namespace', HELM_TOOLS.kubectl.command, [
          'delete',
          'namespace',
          options.namespace,
          '--ignore-not-found',
          '--wait=false',
        ]);
      }
    },
  };
}
