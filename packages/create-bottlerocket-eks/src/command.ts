/** The project type (pjid) that `projen new` creates. */
export const PROJECT_TYPE = 'bottlerocket-eks';
/** The npm package that provides the project type. */
export const PROJECT_TYPE_PACKAGE = 'projen-bottlerocket-eks';
/** Overrides the default `--from` spec, e.g. for end-to-end tests against a local tarball. */
export const FROM_ENV_VAR = 'CREATE_BOTTLEROCKET_EKS_FROM';

/** The project type released together with this command: same version, so both agree on the options. */
export function defaultFromSpec(ownVersion: string): string {
  return `${PROJECT_TYPE_PACKAGE}@${ownVersion}`;
}

/** `--from` wins over the environment, which wins over the default. Empty counts as unset. */
export function chooseFromSpec(flag: string | undefined, env: string | undefined, ownVersion: string): string {
  if (flag) return flag;
  if (env) return env;
  return defaultFromSpec(ownVersion);
}

/** Everything the projen command depends on, so building it needs no I/O. */
export interface ProjenCommandInput {
  /** The node executable (`process.execPath`). */
  readonly nodePath: string;
  /** projen's bin script (`require.resolve('projen/bin/projen')`). */
  readonly projenBin: string;
  /** The version of the installed projen; the new repository pins the same. */
  readonly projenVersion: string;
  /** The npm spec of the project type module. */
  readonly from: string;
  /** The user's flags for projen, in order. */
  readonly passThrough: readonly string[];
  /** Absolute target directory. */
  readonly targetDir: string;
}

/** A process to run. */
export interface ProjenCommand {
  readonly command: string;
  readonly args: string[];
  readonly cwd: string;
}

/** Whether the user chose projen's version themselves (a second --projen-version would become an array in yargs). */
function setsProjenVersion(args: readonly string[]): boolean {
  return args.some((a) => /^--projen(-v|V)ersion(=|$)/.test(a));
}

/**
 * `node <projen bin> new --from <spec> bottlerocket-eks --projen-version <v> <user flags>`, run in the
 * target directory. Running projen's own bin with our node avoids depending on a `projen` on PATH.
 */
export function buildProjenCommand(input: ProjenCommandInput): ProjenCommand {
  const version = setsProjenVersion(input.passThrough) ? [] : ['--projen-version', input.projenVersion];
  return {
    command: input.nodePath,
    args: [input.projenBin, 'new', '--from', input.from, PROJECT_TYPE, ...version, ...input.passThrough],
    cwd: input.targetDir,
  };
}
