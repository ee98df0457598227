// The terraform and tofu drivers: a workspace per environment, apply with variables, the URL from an output.
import {
  type DriverContext,
  type DriverEnvironment,
  DriverOutputError,
  type EnvironmentDriver,
  runTool,
  varText,
} from '../driver.ts';

/** The terraform driver's settings. */
export interface TerraformOptions {
  /** terraform, or tofu (OpenTofu takes the same commands). */
  binary: 'terraform' | 'tofu';
  /** The output holding the environment's URL. */
  outputName: string;
}

/** The commands the terraform and tofu drivers run, and the pinned setup actions that install them. */
export const TERRAFORM_TOOLS = {
  terraform: {
    command: 'terraform',
    install:
      "'uses: hashicorp/setup-terraform@dfe3c3f87815947d99a8997f908cb6525fc44e9e # v4.0.1' with terraform_wrapper: false",
  },
  tofu: {
    command: 'tofu',
    install:
      "'uses: opentofu/setup-opentofu@a1320f892987e89d278cc92dc5adc984fb93aca4 # v2.0.2' with tofu_wrapper: false",
  },
} as const;

/**
 * The environment Terraform runs in: no prompts, automation-friendly output, and commit, environment and url as
 * TF_VAR_ variables (a module that declares them gets them; one that does not is not bothered, unlike -var).
 */
export function terraformEnvironment(env: DriverEnvironment): NodeJS.ProcessEnv {
  return {
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    TF_VAR_commit: env.commit,
    TF_VAR_environment: env.name,
    ...(env.url === undefined ? {} : { TF_VAR_url: env.url }),
  };
}

/** The user's variables as `-var name=value` arguments. */
export function terraformVarArgs(vars: Record<string, unknown>): string[] {
  return Object.entries(vars).flatMap(([name, value]) => ['-var', `${name}=${varText(value)}`]);
}

/**
 * The URL in `terraform output -json <name>`: a JSON string. Throws DriverOutputError for anything else, naming
 * what came.
 */
export function parseTerraformOutput(stdout: string, name: string): string {
  let value: unknown;
  try {
    value = JSON.parse(stdout);
  } catch {
    throw new DriverOutputError(
      `'output -json ${name}' did not print JSON: '${stdout.trim().slice(0, 200)}'`,
    );
  }
  if (typeof value !== 'string' || !/^https?:\/\/\S+$/.test(value)) {
    throw new DriverOutputError(
      `output '${name}' is ${JSON.stringify(value)?.slice(0, 200)}, not an http(s) URL: make it the environment's URL, or set terraform-output`,
    );
  }
  return value;
}

/** Creates the terraform (or tofu) driver. */
export function terraformDriver(options: TerraformOptions, context: DriverContext): EnvironmentDriver {
  const bin = options.binary;
  const label = bin === 'tofu' ? 'OpenTofu' : 'Terraform';
  const run = (env: DriverEnvironment, args: string[]) =>
    runTool(context, `${label} ${args[0]}`, bin, args, { env: terraformEnvironment(env) });
  const selectWorkspace = async (env: DriverEnvironment) => {
    await run(env, ['init', '-input=false', '-no-color']);
    await run(env, ['workspace', 'select', '-or-create', env.name]);
  };
  return {
    async provision(env) {
      await selectWorkspace(env);
      await run(env, ['apply', '-input=false', '-auto-approve', '-no-color', ...terraformVarArgs(env.vars)]);
      const output = await run(env, ['output', '-no-color', '-json', options.outputName]);
      return { url: parseTerraformOutput(output.stdout, options.outputName) };
    },
    async destroy(env) {
      await selectWorkspace(env);
      await run(env, [
        'destroy',
        '-input=false',
        '-auto-approve',
        '-no-color',
        ...terraformVarArgs(env.vars),
      ]);
      // A workspace cannot delete itself: step out to default first.
      await run(env, ['workspace', 'select', 'default']);
      await run(env, ['workspace', 'delete', env.name]);
    },
  };
}
