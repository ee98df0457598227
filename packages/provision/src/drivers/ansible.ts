// The ansible driver: ansible-playbook with Flowkit's variables; the URL from the file the playbook writes.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type DriverContext, type DriverEnvironment, type EnvironmentDriver, runTool } from '../driver.ts';
import { readOutputUrl } from '../output-file.ts';

/** The ansible driver's settings. */
export interface AnsibleOptions {
  /** The playbook, absolute. */
  playbook: string;
  /** A playbook that removes the environment; default the same playbook with flowkit_state=absent. */
  destroyPlaybook: string | undefined;
  /** An inventory file or host list; default localhost with a local connection. */
  inventory: string | undefined;
}

/** The command the ansible driver runs. */
export const ANSIBLE_TOOL = {
  command: 'ansible-playbook',
  install: "'pipx install ansible-core' (or 'sudo apt-get install -y ansible-core')",
};

// Ansible's own warnings about an inventory it guessed, and colour codes, would end up in the error message.
const ANSIBLE_ENV = {
  ANSIBLE_NOCOLOR: '1',
  ANSIBLE_FORCE_COLOR: '0',
  ANSIBLE_RETRY_FILES_ENABLED: '0',
  ANSIBLE_LOCALHOST_WARNING: 'false',
  ANSIBLE_INVENTORY_UNPARSED_WARNING: 'false',
  PYTHONUNBUFFERED: '1',
};

const LOCAL_INVENTORY = 'localhost ansible_connection=local ansible_python_interpreter=auto_silent\n';

/**
 * The variables Flowkit passes (as `--extra-vars @file`, JSON): the user's `vars`, then flowkit_environment,
 * flowkit_commit, flowkit_url (when the url input is set), flowkit_output_file and flowkit_state. They carry a
 * prefix because `environment` is a reserved name in Ansible (the variable would read as []).
 */
export function ansibleVariables(
  env: DriverEnvironment,
  state: 'present' | 'absent',
  outputFile: string,
): Record<string, unknown> {
  return {
    ...env.vars,
    flowkit_environment: env.name,
    flowkit_commit: env.commit,
    ...(env.url === undefined ? {} : { flowkit_url: env.url }),
    flowkit_output_file: outputFile,
    flowkit_state: state,
  };
}

/** Creates the ansible driver. */
export function ansibleDriver(options: AnsibleOptions, context: DriverContext): EnvironmentDriver {
  const play = async (env: DriverEnvironment, state: 'present' | 'absent'): Promise<string> => {
    const outputFile = join(context.tempDir, `ansible-${state}-output.json`);
    const varsFile = join(context.tempDir, `ansible-${state}-vars.json`);
    await writeFile(varsFile, JSON.stringify(ansibleVariables(env, state, outputFile)), { mode: 0o600 });
    let inventory = options.inventory;
    if (inventory === undefined) {
      inventory = join(context.tempDir, 'inventory.ini');
      await writeFile(inventory, LOCAL_INVENTORY);
    }
    const playbook = state === 'absent' ? (options.destroyPlaybook ?? options.playbook) : options.playbook;
    await runTool(
      context,
      state === 'present' ? 'Provisioning with Ansible' : 'Removing with Ansible',
      ANSIBLE_TOOL.command,
      ['-i', inventory, '--extra-vars', `@${varsFile}`, playbook],
      { env: ANSIBLE_ENV },
    );
    return outputFile;
  };
  return {
    async provision(env) {
      const outputFile = await play(env, 'present');
      return { url: await readOutputUrl(outputFile) };
    },
    async destroy(env) {
      await play(env, 'absent');
    },
  };
}
