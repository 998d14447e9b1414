import { fail, ResolvedSettings } from 'bottlerocket-eks-config';
import { deployRoleTemplatePath } from './deploy-role';
import { TeamDeployment } from './environments';

/** `arn:<partition>:iam::<12 digits>:role/<path/>name`. */
const ROLE_ARN = /^arn:aws(-cn|-us-gov|-iso|-iso-b|-iso-e|-iso-f|-eusc)?:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
/** `owner/name` of a GitHub repository. */
const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
/** A GitHub environment name: at most 255 characters, no quotes, commas, semicolons or slashes' neighbours. */
const ENVIRONMENT = /^[A-Za-z0-9 _.-]{1,255}$/;

/** The options of the workflows and the deploy role templates (a subset of the project options). */
export interface TeamCiOptions {
  /** @default true */
  readonly buildWorkflow?: boolean;
  /** @default true */
  readonly upgradeWorkflow?: boolean;
  /** @default - no deploy or diff workflow */
  readonly deployRoleArn?: string;
  /** @default - the project prefix */
  readonly deployEnvironment?: string;
  /** @default - none: the deploy role template asks for it */
  readonly githubRepository?: string;
  /** @default "main" */
  readonly defaultReleaseBranch?: string;
}

/**
 * Refuses a bad CI option with the one-line settings error (option, value, what is allowed):
 * run with the other validations, before any file is written.
 */
export function validateCiOptions(options: TeamCiOptions, path = ''): void {
  const { deployRoleArn, deployEnvironment, githubRepository } = options;
  if (deployRoleArn !== undefined && (typeof deployRoleArn !== 'string' || !ROLE_ARN.test(deployRoleArn))) {
    fail(`${path}deployRoleArn`, deployRoleArn, 'an IAM role ARN such as arn:aws:iam::123456789012:role/team-a-github-deploy');
  }
  if (deployEnvironment !== undefined && (typeof deployEnvironment !== 'string' || !ENVIRONMENT.test(deployEnvironment))) {
    fail(`${path}deployEnvironment`, deployEnvironment, 'a GitHub environment name: 1-255 letters, digits, spaces, "_", "." or "-"');
  }
  if (githubRepository !== undefined && (typeof githubRepository !== 'string' || !REPOSITORY.test(githubRepository))) {
    fail('githubRepository', githubRepository, 'the GitHub repository as owner/name, e.g. my-org/team-a-eks');
  }
}

/** The GitHub environment of the deploy job (and the deploy role's trust): the option, or the prefix. */
export function deployEnvironmentName(options: TeamCiOptions, settings: ResolvedSettings): string {
  return options.deployEnvironment ?? settings.pjPrefix;
}

/** How CI deploys one environment of a repository with environments. */
export interface CiEnvironment {
  /** The environment's name (`deploy:<name>`). */
  readonly name: string;
  /** Its resolved settings (prefix, region). */
  readonly settings: ResolvedSettings;
  /** The GitHub environment of its jobs, which its deploy role trusts: `deployEnvironment`, or its prefix. */
  readonly githubEnvironment: string;
  /** The role its jobs assume: its `deployRoleArn`, or the top-level one; none: CI does not deploy it. */
  readonly roleArn?: string;
  /** Its deploy role template, `templates/<name>/github-deploy-role.yaml`. */
  readonly roleTemplate: string;
}

/** The environments of a repository as CI sees them, in the order listed; empty without environments. */
export function ciEnvironments(options: TeamCiOptions, deployments: TeamDeployment[]): CiEnvironment[] {
  return deployments.flatMap((d) => (d.environment === undefined ? [] : [{
    name: d.environment,
    settings: d.settings,
    githubEnvironment: d.ci.deployEnvironment ?? d.settings.pjPrefix,
    roleArn: d.ci.deployRoleArn ?? options.deployRoleArn,
    roleTemplate: deployRoleTemplatePath(d.templates),
  }]));
}
