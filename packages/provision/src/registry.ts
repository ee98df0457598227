// The environment drivers, registered by the name the `driver` input uses.
import { type DriverContext, type EnvironmentDriver, requireTools, type ToolRequirement } from './driver.ts';
import { ANSIBLE_TOOL, type AnsibleOptions, ansibleDriver } from './drivers/ansible.ts';
import { COMMAND_TOOL, type CommandOptions, commandDriver } from './drivers/command.ts';
import { HELM_TOOLS, type HelmOptions, helmDriver } from './drivers/helm.ts';
import { TERRAFORM_TOOLS, type TerraformOptions, terraformDriver } from './drivers/terraform.ts';

/** A driver and its settings, as the `driver` input and the driver's own inputs give them. */
export type DriverSettings =
  | { name: 'ansible'; options: AnsibleOptions }
  | { name: 'terraform' | 'tofu'; options: TerraformOptions }
  | { name: 'helm'; options: HelmOptions }
  | { name: 'command'; options: CommandOptions };

/** The name of a built-in driver. */
export type DriverName = DriverSettings['name'];

interface Registration<Options> {
  /** The tools the driver runs, with these settings. */
  tools(options: Options): ToolRequirement[];
  create(options: Options, context: DriverContext): EnvironmentDriver;
}

type Registry = { [Name in DriverName]: Registration<Extract<DriverSettings, { name: Name }>['options']> };

const DRIVERS: Registry = {
  ansible: { tools: () => [ANSIBLE_TOOL], create: ansibleDriver },
  terraform: { tools: () => [TERRAFORM_TOOLS.terraform], create: terraformDriver },
  tofu: { tools: () => [TERRAFORM_TOOLS.tofu], create: terraformDriver },
  helm: {
    tools: (options) => (options.deleteNamespace ? [HELM_TOOLS.helm, HELM_TOOLS.kubectl] : [HELM_TOOLS.helm]),
    create: helmDriver,
  },
  command: { tools: () => [COMMAND_TOOL], create: commandDriver },
};

/** The names the `driver` input accepts. */
export const DRIVER_NAMES = Object.keys(DRIVERS) as DriverName[];

/** True when `name` is a built-in driver. */
export function isDriverName(name: string): name is DriverName {
  return Object.hasOwn(DRIVERS, name);
}

/**
 * The driver the settings name, after checking its tools are on the context's PATH (an InputError on `driver`
 * says which one is missing and which setup step installs it). Runs nothing.
 */
export function createDriver(settings: DriverSettings, context: DriverContext): EnvironmentDriver {
  const registration = DRIVERS[settings.name] as Registration<DriverSettings['options']>;
  requireTools(settings.name, registration.tools(settings.options), context.env.PATH);
  return registration.create(settings.options, context);
}
