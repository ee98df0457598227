// How to reach a target status: directly, along a configured path, or along the workflow's shortest path. Pure.
import type { WorkflowGraph } from './client.ts';

/** How a route to the target was found, for the explanation users see. */
export type RouteSource = 'direct' | 'configured' | 'workflow';

/**
 * The statuses to pass through after `current`, ending with the target, from a configured path
 * (`jira.paths.<target>`). If `current` is on the path, the route continues after it; otherwise it is the
 * whole path. Undefined when no path is configured for the target.
 */
export function configuredRoute(
  current: string,
  target: string,
  paths: Record<string, string[]> | undefined,
): string[] | undefined {
  const entry = Object.entries(paths ?? {}).find(([status]) => sameStatus(status, target));
  if (entry === undefined) return undefined;
  const path = sameStatus(entry[1].at(-1) ?? '', target) ? entry[1] : [...entry[1], target];
  const at = path.findIndex((status) => sameStatus(status, current));
  return at === -1 ? path : path.slice(at + 1);
}

/** The shortest sequence of statuses after `from` that ends at `to` in the workflow graph, or undefined. */
export function shortestRoute(graph: WorkflowGraph, from: string, to: string): string[] | undefined {
  const previous = new Map<string, string>([[key(from), '']]);
  const queue = [from];
  while (queue.length > 0) {
    const status = queue.shift() ?? '';
    if (sameStatus(status, to)) {
      const route: string[] = [];
      for (let at = status; key(at) !== key(from); at = previous.get(key(at)) ?? from) route.unshift(at);
      return route;
    }
    for (const transition of graph.transitions) {
      const leaves =
        transition.from.length === 0 || transition.from.some((source) => sameStatus(source, status));
      if (leaves && !previous.has(key(transition.to))) {
        previous.set(key(transition.to), status);
        queue.push(transition.to);
      }
    }
  }
  return undefined;
}

/** Jira compares status names without regard to case. */
export function sameStatus(a: string, b: string): boolean {
  return key(a) === key(b);
}

function key(status: string): string {
  return status.trim().toLowerCase();
}
