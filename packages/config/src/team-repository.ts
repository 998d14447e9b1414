// The contract between the stacks library and the project type: where a team repository keeps
// each deployment's files, what its tasks run, and what the synthesized stacks carry. The
// project type writes these into a team's generated files and the library reads them back, so
// each is named here once: a change on one side is a change on the other.
import { StackKind } from './names';
import { environmentSettingsFileName, SETTINGS_FILE_NAME } from './settings-file';

/** The cloud assembly folder of a team repository's synth (`cdk.out/<environment>` with several). */
export const ASSEMBLY_DIR = 'cdk.out';

/** The folder of a team repository's committed YAML templates (`templates/<environment>` with several). */
export const TEMPLATES_DIR = 'templates';

/** Where one deployment's files are, relative to the repository root. */
export interface DeploymentPaths {
  /** Its settings file: `bottlerocket-eks.settings.json`, or `bottlerocket-eks.<environment>.settings.json`. */
  readonly settingsFile: string;
  /** Its cloud assembly: `cdk.out`, or `cdk.out/<environment>`. */
  readonly assembly: string;
  /** Its templates folder: `templates`, or `templates/<environment>`. */
  readonly templates: string;
  /**
   * What its last `bottlerocket-eks upgrade --apply` moved (the way back of `upgrade --rollback`):
   * `bottlerocket-eks.upgrade.json`, or `bottlerocket-eks.<environment>.upgrade.json`. The team commits it.
   */
  readonly upgradeRecord: string;
}

/**
 * The files of the repository's one deployment, or of `environment` in a repository of several.
 * Paths are joined with `/`: they go into generated files (tasks, nx.json), the same on every OS.
 */
export function deploymentPaths(environment?: string): DeploymentPaths {
  if (environment === undefined) {
    return { settingsFile: SETTINGS_FILE_NAME, assembly: ASSEMBLY_DIR, templates: TEMPLATES_DIR, upgradeRecord: 'bottlerocket-eks.upgrade.json' };
  }
  return {
    settingsFile: environmentSettingsFileName(environment),
    assembly: `${ASSEMBLY_DIR}/${environment}`,
    templates: `${TEMPLATES_DIR}/${environment}`,
    upgradeRecord: `bottlerocket-eks.${environment}.upgrade.json`,
  };
}

/** The template of a stack in a deployment's templates folder: `<kind>.yaml`. */
export function templateFileName(kind: StackKind): string {
  return `${kind}.yaml`;
}

/** The npm package of the stacks library, which a team repository installs. */
export const STACKS_PACKAGE = 'bottlerocket-eks-stacks';

/** The stacks library's CDK app of several stack apps, in its package: what every team synth runs. */
export const SYNTH_ENTRY = 'lib/all-apps.js';

/** The synth entry as installed, from a folder `toRoot` (`.` or `../..`) below the repository root. */
export function synthEntryPath(toRoot: string): string {
  return `${toRoot}/node_modules/${STACKS_PACKAGE}/${SYNTH_ENTRY}`;
}

/** The command the stacks library installs (its package's `bin`), which team tasks run. */
export const COMMAND_NAME = 'bottlerocket-eks';

/** The preflight subcommand of `COMMAND_NAME`. */
export const PREFLIGHT_COMMAND = 'preflight';

/**
 * The flags of `bottlerocket-eks preflight`, by name: the command's parser and the task lines the
 * project type writes use these, so a renamed flag cannot leave a generated task behind.
 */
export const PREFLIGHT_FLAGS = {
  json: 'json',
  brief: 'brief',
  destroy: 'destroy',
  confirm: 'confirm',
  settings: 'settings',
  environment: 'environment',
  assembly: 'assembly',
} as const;

/** What a preflight command line asks for. */
export interface PreflightCommandOptions {
  /** One line of output (what nx targets show). */
  readonly brief?: boolean;
  /** The environment, in a repository of several. */
  readonly environment?: string;
  /** The cloud assembly to plan a deploy from (not with `destroy`). */
  readonly assembly?: string;
  /** Check a destroy rather than a deploy. */
  readonly destroy?: boolean;
  /** The prefix that confirms a destroy (or a placeholder the task runner fills in, `{args.confirm}`). */
  readonly confirm?: string;
}

/**
 * The preflight command line of a team task: `bottlerocket-eks preflight`, then `--brief`,
 * `--environment`, `--assembly`, `--destroy` and `--confirm` in that order, each when given.
 */
export function preflightCommandLine(options: PreflightCommandOptions = {}): string {
  return commandLine(PREFLIGHT_COMMAND, [
    [PREFLIGHT_FLAGS.brief, options.brief],
    [PREFLIGHT_FLAGS.environment, options.environment],
    [PREFLIGHT_FLAGS.assembly, options.assembly],
    [PREFLIGHT_FLAGS.destroy, options.destroy],
    [`${PREFLIGHT_FLAGS.confirm}=`, options.confirm],
  ]);
}

/**
 * `bottlerocket-eks <command>` with each flag that is given, in order: a switch (`true`) as
 * `--flag`, a value as `--flag value`, or as `--flag=value` when the flag's name ends in `=`.
 */
function commandLine(command: string, flags: Array<[flag: string, value: string | boolean | undefined]>): string {
  const parts = [COMMAND_NAME, command];
  for (const [flag, value] of flags) {
    if (value === undefined || value === false) continue;
    parts.push(value === true ? `--${flag}` : flag.endsWith('=') ? `--${flag}${value}` : `--${flag} ${value}`);
  }
  return parts.join(' ');
}

/** The subcommand of `COMMAND_NAME` that shows a deployed environment: stacks, drift, cluster, add-ons, node groups. */
export const STATUS_COMMAND = 'status';

/** The flags of `bottlerocket-eks status`, by name (its parser and the project type's task lines use these). */
export const STATUS_FLAGS = {
  json: 'json',
  settings: 'settings',
  environment: 'environment',
  assembly: 'assembly',
  /** Days before the end of standard support from which the status needs attention (default 30). */
  supportDays: 'support-days',
  /** Skip drift detection (it starts an operation in CloudFormation and can take minutes). */
  noDrift: 'no-drift',
} as const;

/** What a status command line asks for. */
export interface StatusCommandOptions {
  /** The environment, in a repository of several. */
  readonly environment?: string;
  /** The cloud assembly to compare the deployed stacks with (pending changes). */
  readonly assembly?: string;
}

/** The status command line of a team task: `bottlerocket-eks status`, then `--environment` and `--assembly`, each when given. */
export function statusCommandLine(options: StatusCommandOptions = {}): string {
  return commandLine(STATUS_COMMAND, [[STATUS_FLAGS.environment, options.environment], [STATUS_FLAGS.assembly, options.assembly]]);
}

/**
 * The team tasks the stacks library's messages tell a team to run, by what they do: the project
 * type adds them under these names (`<name>` with one deployment, `<name>:<environment>` with
 * several). Not `upgrade` for Kubernetes: that is projen's dependency-upgrade task once a team
 * sets `depsUpgrade`, and the repository's `upgrade` workflow bumps its dependencies.
 */
export const TEAM_TASKS = {
  synth: 'synth',
  deploy: 'deploy',
  status: 'status',
  kubernetesUpgrade: 'kubernetes-upgrade',
  releases: 'releases',
  cost: 'cost',
} as const;

/** How a message names a team task: `npx projen <task>[:<environment>][ -- <args>]`. */
export function teamTaskCommand(task: keyof typeof TEAM_TASKS, environment?: string, args?: string): string {
  return `npx projen ${TEAM_TASKS[task]}${environment ? `:${environment}` : ''}${args ? ` -- ${args}` : ''}`;
}

/** The subcommand of `COMMAND_NAME` that plans (and with `--apply` writes) the next Kubernetes minor, or the way back. */
export const UPGRADE_COMMAND = 'upgrade';

/** The flags of `bottlerocket-eks upgrade`, by name. */
export const UPGRADE_FLAGS = {
  json: 'json',
  settings: 'settings',
  environment: 'environment',
  /** Write the step into `.projenrc.ts` and run `npx projen`. */
  apply: 'apply',
  /** Plan the way back of the last applied step. */
  rollback: 'rollback',
} as const;

/** The upgrade command line of a team task: `bottlerocket-eks upgrade`, then `--environment` when given. */
export function upgradeCommandLine(options: { readonly environment?: string } = {}): string {
  return commandLine(UPGRADE_COMMAND, [[UPGRADE_FLAGS.environment, options.environment]]);
}

/** The subcommand of `COMMAND_NAME` that shows the Bottlerocket release train: what runs where, what is due, what is blocked. */
export const RELEASES_COMMAND = 'releases';

/** The flags of `bottlerocket-eks releases`, by name. */
export const RELEASES_FLAGS = {
  json: 'json',
  /** The repository's environments, comma-separated, in the order of `environments` (the train's order). */
  environments: 'environments',
  /** With `observe` or `apply`: the one environment (in a repository of several). */
  environment: 'environment',
  /** Read one environment from AWS and write what it runs to this file (a job of the scheduled workflow, with that environment's role). */
  observe: 'observe',
  /** Read the environments from the files `observe` wrote in this folder instead of from AWS. */
  observations: 'observations',
  /**
   * Print only the promotions due now, one `<environment> <release>` a line; with `json`, a list of
   * `{ environment?, release, branch, applyArgs }` (the scheduled workflow's matrix).
   */
  due: 'due',
  /** Write the promotion due for `environment` (or the one deployment) into `.projenrc.ts` and regenerate (`npx projen`, synth). */
  apply: 'apply',
  /** With `apply`: also write the pull request's title (first line) and body to this file. */
  pullRequest: 'pull-request',
} as const;

/** The releases command line of a team task: `bottlerocket-eks releases`, then `--environments` when the repository has several. */
export function releasesCommandLine(options: { readonly environments?: string[] } = {}): string {
  return commandLine(RELEASES_COMMAND, [[RELEASES_FLAGS.environments, options.environments?.join(',')]]);
}

/** The subcommand of `COMMAND_NAME` that estimates what the environments cost a month. */
export const COST_COMMAND = 'cost';

/** The flags of `bottlerocket-eks cost`, by name. */
export const COST_FLAGS = {
  json: 'json',
  /** The repository's environments, comma-separated (all of them are estimated, and the repository's total). */
  environments: 'environments',
  /** Ask AWS for the prices (Price List Query API, EC2 Spot price history) instead of the product's table. */
  live: 'live',
} as const;

/** The cost command line of a team task: `bottlerocket-eks cost`, then `--environments` when the repository has several. */
export function costCommandLine(options: { readonly environments?: string[] } = {}): string {
  return commandLine(COST_COMMAND, [[COST_FLAGS.environments, options.environments?.join(',')]]);
}

/** The subcommand of `COMMAND_NAME` that turns the cluster's deletion protection off: the first step of a confirmed destroy. */
export const UNPROTECT_COMMAND = 'unprotect';

/**
 * The unprotect command line of a team's destroy task: `bottlerocket-eks unprotect`, then
 * `--environment` and `--confirm=<value>`, each when given (the task passes on the team's `--confirm`).
 */
export function unprotectCommandLine(options: { readonly environment?: string; readonly confirm?: string } = {}): string {
  return commandLine(UNPROTECT_COMMAND, [[PREFLIGHT_FLAGS.environment, options.environment], [`${PREFLIGHT_FLAGS.confirm}=`, options.confirm]]);
}

/**
 * Set to `1` to run aws-cdk-lib's built-in CloudFormation validation in a team's synth. The
 * library reads it; the project type lists it among the inputs of nx's synth cache, so a cached
 * synth without it does not stand in for one with it.
 */
export const VALIDATE_ENV = 'BOTTLEROCKET_EKS_VALIDATE';

/**
 * The class of the stacks library each stack kind instantiates: the sample `src/main.ts` of
 * each team app imports it by this name, so the library must export a class of each.
 */
export const STACK_CLASS_NAMES: Readonly<Record<StackKind, string>> = {
  [StackKind.NETWORK]: 'NetworkStack',
  [StackKind.CLUSTER]: 'ClusterStack',
  [StackKind.NODEGROUP]: 'NodegroupStack',
};

/**
 * The tag every stack of the library carries: its kind. Readers of a cloud assembly (the
 * templates writer, the preflight) find the library's stacks and name their files by it.
 */
export const STACK_KIND_TAG = 'bottlerocket-eks:stack';
