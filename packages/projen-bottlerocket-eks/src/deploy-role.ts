import { ResolvedSettings, ResourceNames, SecurityProfile } from 'bottlerocket-eks-config';
import { Component, Project, YamlFile } from 'projen';

/** Where the deploy role template is written (beside the synthesized `<kind>.yaml` templates, which the synth alone rewrites). */
export const DEPLOY_ROLE_TEMPLATE = 'templates/github-deploy-role.yaml';

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

/** Options of the deploy role template. */
export interface GitHubDeployRoleOptions {
  /** The repository (`owner/name`) the role trusts: the default of its `GitHubRepository` parameter. */
  readonly githubRepository?: string;
  /** The branch deploys run from. */
  readonly branch: string;
  /** The GitHub environment of the deploy job. */
  readonly environment: string;
  /**
   * Where the template is written.
   * @default DEPLOY_ROLE_TEMPLATE
   */
  readonly path?: string;
  /** The repository's environment the role deploys, if it has environments. */
  readonly teamEnvironment?: string;
}

/**
 * `templates/github-deploy-role.yaml`: a plain CloudFormation template (deployed once, by
 * hand, with `aws cloudformation deploy`) of the IAM role the `deploy` and `diff` workflows
 * assume through GitHub OIDC. Trusted only by this repository's default branch and its deploy
 * environment; allowed only what the three stacks of this prefix need.
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
  const cluster = names.cluster(settings.clusterName);
  const region = settings.region;
  const arn = (service: string, resource: string, inRegion = true) =>
    ({ 'Fn::Sub': `arn:\${AWS::Partition}:${service}:${inRegion ? region : ''}:\${AWS::AccountId}:${resource}` });
  const inRegion = { StringEquals: { 'aws:RequestedRegion': region } };
  const statements = [
    {
      Sid: 'Stacks',
      Effect: 'Allow',
      Action: [
        'cloudformation:CreateChangeSet', 'cloudformation:DeleteChangeSet', 'cloudformation:DescribeChangeSet',
        'cloudformation:ExecuteChangeSet', 'cloudformation:CreateStack', 'cloudformation:UpdateStack', 'cloudformation:DeleteStack',
        'cloudformation:DescribeStacks', 'cloudformation:DescribeStackEvents', 'cloudformation:DescribeStackResources',
        'cloudformation:GetTemplate', 'cloudformation:ListStackResources', 'cloudformation:ListChangeSets',
        'cloudformation:UpdateTerminationProtection', 'cloudformation:TagResource', 'cloudformation:UntagResource',
      ],
      Resource: [arn('cloudformation', `stack/${p}-*/*`), arn('cloudformation', 'changeSet/*/*')],
    },
    {
      Sid: 'StacksRead',
      Effect: 'Allow',
      Action: ['cloudformation:ListExports', 'cloudformation:ListImports', 'cloudformation:ListStacks', 'cloudformation:ValidateTemplate', 'cloudformation:GetTemplateSummary'],
      Resource: '*',
    },
    {
      Sid: 'Network',
      Effect: 'Allow',
      Action: [
        'ec2:CreateVpc', 'ec2:DeleteVpc', 'ec2:ModifyVpcAttribute',
        'ec2:CreateSubnet', 'ec2:DeleteSubnet', 'ec2:ModifySubnetAttribute',
        'ec2:CreateInternetGateway', 'ec2:DeleteInternetGateway', 'ec2:AttachInternetGateway', 'ec2:DetachInternetGateway',
        'ec2:CreateNatGateway', 'ec2:DeleteNatGateway',
        'ec2:AllocateAddress', 'ec2:ReleaseAddress', 'ec2:AssociateAddress', 'ec2:DisassociateAddress',
        'ec2:CreateRouteTable', 'ec2:DeleteRouteTable', 'ec2:CreateRoute', 'ec2:DeleteRoute', 'ec2:ReplaceRoute',
        'ec2:AssociateRouteTable', 'ec2:DisassociateRouteTable', 'ec2:ReplaceRouteTableAssociation',
        'ec2:CreateSecurityGroup', 'ec2:DeleteSecurityGroup', 'ec2:AuthorizeSecurityGroupIngress', 'ec2:AuthorizeSecurityGroupEgress',
        'ec2:RevokeSecurityGroupIngress', 'ec2:RevokeSecurityGroupEgress',
        'ec2:CreateLaunchTemplate', 'ec2:CreateLaunchTemplateVersion', 'ec2:ModifyLaunchTemplate',
        'ec2:DeleteLaunchTemplate', 'ec2:DeleteLaunchTemplateVersions', 'ec2:GetLaunchTemplateData',
        'ec2:CreateTags', 'ec2:DeleteTags', 'ec2:Describe*',
      ],
      Resource: '*',
      Condition: inRegion,
    },
    {
      Sid: 'Cluster',
      Effect: 'Allow',
      Action: 'eks:*',
      Resource: [
        arn('eks', `cluster/${cluster}`),
        arn('eks', `nodegroup/${cluster}/${p}-*/*`),
        arn('eks', `addon/${cluster}/*/*`),
        arn('eks', `access-entry/${cluster}/*`),
        arn('eks', `podidentityassociation/${cluster}/*`),
      ],
    },
    {
      Sid: 'ClusterRead',
      Effect: 'Allow',
      Action: ['eks:DescribeAddonVersions', 'eks:DescribeAddonConfiguration', 'eks:ListClusters', 'eks:DescribeClusterVersions', 'eks:ListAccessPolicies'],
      Resource: '*',
    },
    {
      // The stacks' roles are named after their stack: `<prefix>-<kind>-...`.
      Sid: 'Roles',
      Effect: 'Allow',
      Action: [
        'iam:CreateRole', 'iam:DeleteRole', 'iam:GetRole', 'iam:UpdateRole', 'iam:UpdateAssumeRolePolicy', 'iam:TagRole', 'iam:UntagRole',
        'iam:PutRolePolicy', 'iam:DeleteRolePolicy', 'iam:GetRolePolicy', 'iam:ListRolePolicies', 'iam:ListAttachedRolePolicies',
        'iam:DetachRolePolicy', 'iam:ListInstanceProfilesForRole',
      ],
      Resource: arn('iam', `role/${p}-*`, false),
    },
    {
      Sid: 'AttachAwsManagedPolicies',
      Effect: 'Allow',
      Action: 'iam:AttachRolePolicy',
      Resource: arn('iam', `role/${p}-*`, false),
      Condition: { ArnLike: { 'iam:PolicyARN': { 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/*' } } },
    },
    {
      Sid: 'PassRolesToEksAndEc2',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: arn('iam', `role/${p}-*`, false),
      // EKS for the cluster role, EC2 for the node role, EKS Pod Identity for add-on roles (the EBS CSI driver's).
      Condition: { StringEquals: { 'iam:PassedToService': ['eks.amazonaws.com', 'ec2.amazonaws.com', 'pods.eks.amazonaws.com'] } },
    },
    {
      Sid: 'ServiceLinkedRoles',
      Effect: 'Allow',
      Action: 'iam:CreateServiceLinkedRole',
      Resource: '*',
      Condition: {
        StringEquals: { 'iam:AWSServiceName': ['eks.amazonaws.com', 'eks-nodegroup.amazonaws.com', 'autoscaling.amazonaws.com', 'spot.amazonaws.com'] },
      },
    },
    {
      Sid: 'ClusterLogs',
      Effect: 'Allow',
      Action: [
        'logs:CreateLogGroup', 'logs:DeleteLogGroup', 'logs:PutRetentionPolicy', 'logs:DeleteRetentionPolicy', 'logs:TagResource', 'logs:UntagResource', 'logs:TagLogGroup',
        // The strict profile encrypts the log group with the cluster key.
        ...(settings.securityProfile === SecurityProfile.STRICT ? ['logs:AssociateKmsKey', 'logs:DisassociateKmsKey'] : []),
      ],
      Resource: [arn('logs', `log-group:/aws/eks/${cluster}/*`), arn('logs', `log-group:/aws/eks/${cluster}/*:*`)],
    },
    ...keyStatements(settings, arn, inRegion),
    {
      Sid: 'Preflight',
      Effect: 'Allow',
      Action: [
        'sts:GetCallerIdentity', 'logs:DescribeLogGroups',
        'servicequotas:GetServiceQuota', 'servicequotas:GetAWSDefaultServiceQuota', 'servicequotas:ListServiceQuotas',
      ],
      Resource: '*',
    },
  ];
  const sub = (suffix: string) => ({ 'Fn::Sub': `repo:\${GitHubRepository}:${suffix}` });
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `GitHub OIDC deploy role of ${p}: assumed by the deploy and diff workflows of one repository, for the ${names.stacks().join(', ')} stacks`,
    Parameters: {
      GitHubRepository: {
        Type: 'String',
        Description: 'The repository whose workflows may assume the role, as owner/name',
        AllowedPattern: '^[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+$',
        ...(options.githubRepository ? { Default: options.githubRepository } : {}),
      },
      Branch: { Type: 'String', Description: 'The branch deploys run from', Default: options.branch },
      DeployEnvironment: { Type: 'String', Description: 'The GitHub environment of the deploy job', Default: options.environment },
      RoleName: { Type: 'String', Description: 'The name of the deploy role', Default: `${p}-github-deploy` },
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
      DeployRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: { Ref: 'RoleName' },
          Description: `Deploys the ${p} stacks from GitHub Actions`,
          MaxSessionDuration: 7200,
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [{
              Effect: 'Allow',
              Principal: { Federated: { 'Fn::If': ['CreateOidcProvider', { Ref: 'GitHubOidcProvider' }, { Ref: 'ExistingOidcProviderArn' }] } },
              Action: 'sts:AssumeRoleWithWebIdentity',
              Condition: {
                StringEquals: {
                  [`${GITHUB_OIDC_HOST}:aud`]: 'sts.amazonaws.com',
                  [`${GITHUB_OIDC_HOST}:sub`]: [sub('ref:refs/heads/${Branch}'), sub('environment:${DeployEnvironment}')],
                },
              },
            }],
          },
          Policies: [{ PolicyName: 'deploy-stacks', PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
          Tags: [{ Key: 'bottlerocket-eks:prefix', Value: p }],
        },
      },
    },
    Outputs: {
      DeployRoleArn: {
        Description: options.teamEnvironment ? `Set as deployRoleArn of environment ${options.teamEnvironment} in .projenrc.ts` : 'Set as deployRoleArn in .projenrc.ts',
        Value: { 'Fn::GetAtt': ['DeployRole', 'Arn'] },
      },
    },
  };
}

type ArnOf = (service: string, resource: string, inRegion?: boolean) => Record<string, string>;

/**
 * What secrets encryption needs: with the strict profile the cluster stack creates a key (and
 * its alias `<prefix>-cluster`) for the secrets and the control plane log group; EKS uses
 * the secrets key with the deployer's rights when it creates the cluster (`kms:CreateGrant`).
 * Nothing without encryption.
 */
function keyStatements(settings: ResolvedSettings, arn: ArnOf, inRegion: Record<string, unknown>): Array<Record<string, unknown>> {
  const createsKey = settings.securityProfile === SecurityProfile.STRICT;
  if (!createsKey && !settings.secretsKmsKeyArn) return [];
  const keys = [...(createsKey ? [arn('kms', 'key/*')] : []), ...(settings.secretsKmsKeyArn ? [settings.secretsKmsKeyArn] : [])];
  return [
    ...(createsKey ? [{
      // A new key has no ARN to scope by.
      Sid: 'CreateClusterKey',
      Effect: 'Allow',
      Action: 'kms:CreateKey',
      Resource: '*',
      Condition: inRegion,
    }, {
      Sid: 'ClusterKeyAlias',
      Effect: 'Allow',
      Action: ['kms:CreateAlias', 'kms:DeleteAlias', 'kms:UpdateAlias'],
      Resource: [arn('kms', `alias/${settings.pjPrefix}-*`), arn('kms', 'key/*')],
    }] : []),
    {
      Sid: 'ClusterKey',
      Effect: 'Allow',
      Action: [
        'kms:DescribeKey', 'kms:CreateGrant',
        ...(createsKey ? ['kms:EnableKeyRotation', 'kms:GetKeyRotationStatus', 'kms:GetKeyPolicy', 'kms:PutKeyPolicy',
          'kms:TagResource', 'kms:UntagResource', 'kms:ListResourceTags', 'kms:ScheduleKeyDeletion'] : []),
      ],
      Resource: keys,
    },
  ];
}
