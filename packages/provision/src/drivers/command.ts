// The command driver: the user's own scripts, told the environment and commit, leaving the URL in a file.

import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type DriverContext, type DriverEnvironment, type EnvironmentDriver, runTool } from '../driver.ts';
import { readOutputUrl } from '../output-file.ts';

/** The command driver's settings. */
export interface CommandOptions {
  /** A bash script that creates or updates the environment. */
  provision: string;
  /** A bash script that removes it; none: destroy does nothing. */
  destroy: string | undefined;
}

/** The command driver's shell. */
export const COMMAND_TOOL = {
  command: 'bash',
  install: "bash (on every GitHub-hosted runner; 'apt-get install bash')",
};

/**
 * What a script is told: FLOWKIT_ENVIRONMENT, FLOWKIT_COMMIT, FLOWKIT_OUTPUT (the file to write `url=…` lines or
 * JSON to), FLOWKIT_STATE (present or absent), FLOWKIT_URL (the url input, when set) and FLOWKIT_VARS (the vars as
 * JSON).
 */
export function commandEnvironment(
  env: DriverEnvironment,
  state: 'present' | 'absent',
  outputFile: string,
): NodeJS.ProcessEnv {
  return {
    FLOWKIT_ENVIRONMENT: env.name,
    FLOWKIT_COMMIT: env.commit,
    FLOWKIT_OUTPUT: outputFile,
    FLOWKIT_STATE: state,
    FLOWKIT_VARS: JSON.stringify(env.vars),
    ...(env.url === undefined ? {} : { FLOWKIT_URL: env.url }),
  };
}

/** Creates the command driver. */
export function commandDriver(options: CommandOptions, context: DriverContext): EnvironmentDriver {
  const script = async (env: DriverEnvironment, state: 'present' | 'absent', text: string) => {
    const outputFile = join(context.tempDir, `command-${state}-output`);
    // A file left by an earlier run in the same folder must not pass for this run's answer.
    await rm(outputFile, { force: true });
    await runTool(
      context,
      state === 'present' ? 'provision-command' : 'destroy-command',
      COMMAND_TOOL.command,
      ['--noprofile', '--norc', '-eo', 'pipefail', '-c', text],
      {
        env: commandEnvironment(env, state, outputFile),
        shown: `bash -c <${state === 'present' ? 'provision' : 'destroy'}-command>`,
      },
    );
    return outputFile;
  };
  return {
    async provision(env) {
      return { url: await readOutputUrl(await script(env, 'present', options.provision)) };
    },
    async destroy(env) {
      if (options.destroy === undefined) {
        context.log.info('No destroy-command: nothing to remove.');
        return;
      }
      await script(env, 'absent', options.destroy);
    },
  };
}
