// Traffic drivers by name: nginx (a generated include file), gateway-api (HTTPRoute weights) and command (any script).
import { type Clock, InputError, isRecord } from '@flowkit/core';
import { type CommandDriverOptions, commandDriver } from './command.ts';
import type { TrafficDriver } from './driver.ts';
import { type GatewayApiDriverOptions, gatewayApiDriver } from './gateway-api.ts';
import { type NginxDriverOptions, nginxDriver } from './nginx.ts';

export type { CommandDriverOptions } from './command.ts';
export { commandDriver } from './command.ts';
export type { GatewayApiDriverOptions } from './gateway-api.ts';
export { gatewayApiDriver, gatewayWeights } from './gateway-api.ts';
export type { NginxDriverOptions, NginxFileState, NginxSplitMode } from './nginx.ts';
export {
  nginxDriver,
  nginxServerWeights,
  nginxSetup,
  nginxVariable,
  parseNginxFile,
  readNginxOptions,
  renderNginxFile,
} from './nginx.ts';

/** The drivers and their options. */
export interface TrafficDriverOptionsByName {
  nginx: NginxDriverOptions;
  'gateway-api': GatewayApiDriverOptions;
  command: CommandDriverOptions;
}

export type TrafficDriverName = keyof TrafficDriverOptionsByName;

export const TRAFFIC_DRIVERS: readonly TrafficDriverName[] = ['nginx', 'gateway-api', 'command'];

/** What drivers may share besides their options (tests pass a clock). */
export interface TrafficDriverDeps {
  clock?: Clock;
}

/**
 * The driver called `name`, its options checked (InputError naming the first bad option) before anything is touched.
 * Options come from `traffic-options` YAML (a mapping) or from code.
 */
export function createTrafficDriver<N extends TrafficDriverName>(
  name: N,
  options: TrafficDriverOptionsByName[N],
  deps?: TrafficDriverDeps,
): TrafficDriver;
export function createTrafficDriver(
  name: string,
  options: Record<string, unknown>,
  deps?: TrafficDriverDeps,
): TrafficDriver;
export function createTrafficDriver(
  name: string,
  options: unknown,
  deps: TrafficDriverDeps = {},
): TrafficDriver {
  if (!(TRAFFIC_DRIVERS as readonly string[]).includes(name))
    throw new InputError(
      'traffic',
      `names no traffic driver: '${name.slice(0, 40)}'`,
      `Use one of: ${TRAFFIC_DRIVERS.join(', ')}.`,
    );
  if (!isRecord(options))
    throw new InputError(
      'traffic-options',
      'must be a mapping of option: value',
      'Write one option: value per line.',
    );
  switch (name as TrafficDriverName) {
    case 'nginx':
      return nginxDriver(options, deps);
    case 'gateway-api':
      return gatewayApiDriver(options, deps);
    case 'command':
      return commandDriver(options);
  }
}
