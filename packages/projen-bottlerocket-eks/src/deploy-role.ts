import { READ_ONLY_ACTIONS, ResolvedSettings, ResourceNames, TEMPLATES_DIR } from 'bottlerocket-eks-config';
import { Component, Project, YamlFile } from 'projen';
import { deployPolicy, rolesBoundaryStatements } from './ci-roles/deploy-policy';
import { PolicyStatement } from './ci-roles/policy-document';
import { statusPolicy } from './ci-roles/status-policy';

/** Where the deploy role template is written (beside the synthesized `<kind>.yaml` templates, which the synth alone rewrites). */
export const DEPLOY_ROLE_TEMPLATE = deployRoleTemplatePath(TEMPLATES_DIR);

/**
 * The deploy role template of a deployment's templates folder (`templates`, or
 * `templates/<environment>`): the synth's `--prune` removes only `<kind>.yaml` and folders
 * left empty, so it never takes this file (projen removes it with its environment).
 */
export function deployRoleTemplatePath(templates: string): string {
  return `${templates}/github-deploy-role.yaml`;
}

/** The GitHub OIDC issuer. */
const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';

/** How long a deploy may take (the deploy job's timeout): its session lasts as long. */
export const DEPLOY_SESSION_SECONDS = 7200;
/** How long a diff or a status may take (their jobs' timeouts fit in it): their sessions last as long. IAM's shortest maximum is an hour. */
export const READ_SESSION_SECONDS = 3600;

/**
 * The read-only role of a deploy role's template: same account and partition, its fixed name
 * (`ResourceNames.githubReadRole`).
 */
export function readRoleArn(deployRoleArn: string, settings: ResolvedSettings): string {
  return roleBeside(deployRoleArn, new ResourceNames(settings.pjPrefix).githubReadRole());
}

/**
 * The status role of a deploy role's template: same account and partition, its fixed name
 * (`ResourceNames.githubStatusRole`).
 */
export function statusRoleArn(deployRoleArn: string, settings: ResolvedSettings): string {
  return roleBeside(deployRoleArn, new ResourceNames(settings.pjPrefix).githubStatusRole());
}

/** The role named `name` in the account and partition of `deployRoleArn` (the template's roles have no path). */
function roleBeside(deployRoleArn: string, name: string): string {
  const [, partition, , , account] = deployRoleArn.split(':');
  return `arn:${partition}:iam::${account}:role/${name}`;
}

/** Options of the deploy role template. */
export interface GitHubDeployRoleOptions {
  /** The repository (`owner/name`) the role trusts: the default of its `GitHubRepository` parameter. */
  readonly githubRepository?: string;
  /** The GitHub environment of the deploy job. */
  readonly environment: string;
  /**
   * Where the template is written.
   * @default DEPLOY_ROLE_TEMPLATE
   */
  readonly path?: string;
  /** The repository's environment the role deploys, if it has environments. */
  readonly teamEnvironment?: string;
  /**
   * The branch whose workflow runs may assume the status role: the default of its
   * `StatusBranch` parameter.
   * @default "main"
   */
  readonly statusBranch?: string;
}

/**
 * `templates/github-deploy-role.yaml`: a plain CloudFormation template (deployed once, by
 * hand, with `aws cloudformation deploy --capabilities CAPABILITY_NAMED_IAM`) of the roles the
 * workflows assume through GitHub OIDC:
 * - the deploy role, trusted only by the deploy environment of this repository, allowed only
 *   what the stacks of this prefix need (from the CloudFormation handlers of their resource
 *   types), creating only roles that carry the boundary, never changing itself;
 * - a read-only role for the diff of pull requests;
 * - a read-only status role for the scheduled `status` and `releases` workflows, trusted only by
 *   workflow runs on the default branch: it reads the stacks, their drift, the cluster, its
 *   add-ons and node groups with their version updates, and the published Bottlerocket releases
 *   (`statusPolicy`);
 * - the permissions boundary of the stacks' roles.
 */
export class GitHubDeployRole extends Component {
  /** The template file. */
  public readonly file: YamlFile;

  constructor(project: Project, settings: ResolvedSettings, options: GitHubDeployRoleOptions) {
    super(project);
    this.file = new YamlFile(project, options.path ?? DEPLOY_ROLE_TEMPLATE, { obj: deployRoleTemplate(settings, options), readonly: true });
  }
}

/** The template, as an object (long-form intrinsics only, so it reads back as plain YAML). */
export function deployRoleTemplate(settings: ResolvedSettings, options: GitHubDeployRoleOptions): Record<string, unknown> {
  const p = settings.pjPrefix;
  const names = new ResourceNames(p);
  const roleArn = (name: string) => ({ 'Fn::Sub': `arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/${name}` });
  // A boundary of the team's own (`rolePermissionsBoundary`) replaces the one this template ships.
  const boundary = settings.rolePermissionsBoundary ?? names.rolesBoundaryPolicy();
  const shipsBoundary = boundary === names.rolesBoundaryPolicy();
  const boundaryArn = { 'Fn::Sub': `arn:\${AWS::Partition}:iam::\${AWS::AccountId}:policy/${boundary}` };
  const readRole = names.githubReadRole();
  const statusRole = names.githubStatusRole();
  // The deploy role may change no CI role: itself, the read-only role, the status role.
  const deployStatements = deployPolicy(settings, { boundaryArn, ciRoleArns: [roleArn('${RoleName}'), roleArn(readRole), roleArn(statusRole)] });
  const provider = { 'Fn::If': ['CreateOidcProvider', { Ref: 'GitHubOidcProvider' }, { Ref: 'ExistingOidcProviderArn' }] };
  const policy = (name: string, Statement: PolicyStatement[]) => ({ PolicyName: name, PolicyDocument: { Version: '2012-10-17', Statement } });
  const tags = [{ Key: ResourceNames.PREFIX_TAG, Value: p }];
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `GitHub OIDC roles of ${p}: the deploy role of the ${names.stacks().join(', ')} stacks, a read-only role for pull requests, a read-only status role for the scheduled status and releases workflows of the default branch, and the permissions boundary of the stacks' roles`,
    Parameters: {
      GitHubRepository: {
        Type: 'String',
        Description: 'The repository whose workflows may assume the roles, as owner/name: the repository part of the sub claim of its GitHub OIDC '
          + 'tokens (a repository whose tokens carry owner and repository ids in sub needs them here too)',
        AllowedPattern: '^[A-Za-z0-9][A-Za-z0-9@-]*/[A-Za-z0-9._@-]+$',
        ...(options.githubRepository ? { Default: options.githubRepository } : {}),
      },
      DeployEnvironment: {
        Type: 'String',
        Description: 'The GitHub environment of the deploy job: the only subject the deploy role trusts (allow only the default branch to deploy to it)',
        Default: options.environment,
      },
      StatusBranch: {
        Type: 'String',
        Description: 'The branch whose workflow runs may assume the status role: the only subject it trusts (the default branch, where scheduled workflows run)',
        Default: options.statusBranch ?? 'main',
      },
      RoleName: { Type: 'String', Description: 'The name of the deploy role', Default: names.githubDeployRole() },
      ExistingOidcProviderArn: {
        Type: 'String',
        Description: `The ARN of the account's existing ${GITHUB_OIDC_HOST} OIDC provider; empty to create one (an account has at most one)`,
        Default: '',
      },
    },
    Conditions: {
      CreateOidcProvider: { 'Fn::Equals': [{ Ref: 'ExistingOidcProviderArn' }, ''] },
    },
    Resources: {
      GitHubOidcProvider: {
        Type: 'AWS::IAM::OIDCProvider',
        Condition: 'CreateOidcProvider',
        Properties: { Url: `https://${GITHUB_OIDC_HOST}`, ClientIdList: ['sts.amazonaws.com'] },
      },
      ...(shipsBoundary ? {
        StackRolesBoundary: {
          Type: 'AWS::IAM::ManagedPolicy',
          Properties: {
            ManagedPolicyName: boundary,
            Description: `The permissions boundary every role of the ${p} stacks carries: the deploy role creates no role without it`,
            PolicyDocument: { Version: '2012-10-17', Statement: rolesBoundaryStatements() },
          },
        },
      } : {}),
      DeployRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: { Ref: 'RoleName' },
          Description: `Deploys the ${p} stacks from the GitHub environment of its deploy job`,
          MaxSessionDuration: DEPLOY_SESSION_SECONDS,
          AssumeRolePolicyDocument: githubTrust(provider, 'environment:${DeployEnvironment}'),
          Policies: [policy('deploy-stacks', deployStatements)],
          Tags: tags,
        },
      },
      ReadRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: readRole,
          Description: `Reads the ${p} stacks for the diff of pull requests (preflight, update plan, cdk diff): changes nothing`,
          MaxSessionDuration: READ_SESSION_SECONDS,
          AssumeRolePolicyDocument: githubTrust(provider, 'pull_request'),
          Policies: [policy('read-stacks', [{ Sid: 'Read', Effect: 'Allow', Action: READ_ONLY_ACTIONS, Resource: '*' }])],
          Tags: tags,
        },
      },
      StatusRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: statusRole,
          Description: `Reads the ${p} stacks, their drift, the cluster, its add-ons, node groups and Bottlerocket releases for the status and releases workflows of the default branch: changes no resource`,
          MaxSessionDuration: READ_SESSION_SECONDS,
          // A branch's push or schedule, never a pull request's or a GitHub environment's subject.
          AssumeRolePolicyDocument: githubTrust(provider, 'ref:refs/heads/${StatusBranch}'),
          Policies: [policy('read-status', statusPolicy(settings))],
          Tags: tags,
        },
      },
    },
    Outputs: {
      DeployRoleArn: {
        Description: options.teamEnvironment ? `Set as deployRoleArn of environment ${options.teamEnvironment} in .projenrc.ts` : 'Set as deployRoleArn in .projenrc.ts',
        Value: { 'Fn::GetAtt': ['DeployRole', 'Arn'] },
      },
      ReadRoleArn: {
        Description: 'The role of the diff workflow (found by its name beside the deploy role)',
        Value: { 'Fn::GetAtt': ['ReadRole', 'Arn'] },
      },
      StatusRoleArn: {
        Description: 'The role of the status workflow (found by its name beside the deploy role)',
        Value: { 'Fn::GetAtt': ['StatusRole', 'Arn'] },
      },
    },
  };
}

/** Trust of GitHub OIDC tokens of the repository with exactly this subject after `repo:<owner/name>:`, audience STS. */
function githubTrust(provider: unknown, subject: string): Record<string, unknown> {
  return {
    Version: '2012-10-17',
    Statement: [{
      Effect: 'Allow',
      Principal: { Federated: provider },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: {
          [`${GITHUB_OIDC_HOST}:aud`]: 'sts.amazonaws.com',
          [`${GITHUB_OIDC_HOST}:sub`]: { 'Fn::Sub': `repo:\${GitHubRepository}:${subject}` },
        },
      },
    }],
  };
}
