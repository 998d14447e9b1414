import { READ_ONLY_ACTIONS, ResolvedSettings, ResourceNames, SecurityProfile, STACK_MANAGED_POLICIES, stackResourceTypes } from 'bottlerocket-eks-config';
import { HANDLER_PERMISSIONS } from './handler-permissions';
import { ArnOf, arnsIn, PolicyStatement } from './policy-document';


/** The service principals the stacks' roles are passed to: EKS (cluster), EC2 (nodes), EKS Pod Identity (the EBS CSI driver). */
const PASSED_TO_SERVICES = ['eks.amazonaws.com', 'ec2.amazonaws.com', 'pods.eks.amazonaws.com'];

/** The service-linked roles EKS, its node groups, Auto Scaling and Spot create on first use. */
const SERVICE_LINKED_ROLES = ['eks.amazonaws.com', 'eks-nodegroup.amazonaws.com', 'autoscaling.amazonaws.com', 'spot.amazonaws.com'];

/** What the CDK CLI calls to deploy a stack from a cloud assembly (change sets, events, protection). */
const STACK_ACTIONS = [
  'cloudformation:CreateChangeSet', 'cloudformation:DeleteChangeSet', 'cloudformation:DescribeChangeSet', 'cloudformation:ExecuteChangeSet',
  'cloudformation:ListChangeSets', 'cloudformation:CreateStack', 'cloudformation:UpdateStack', 'cloudformation:DeleteStack',
  'cloudformation:DescribeStackEvents', 'cloudformation:DescribeStackResources', 'cloudformation:UpdateTerminationProtection',
  'cloudformation:TagResource', 'cloudformation:UntagResource',
];

/** KMS actions IAM authorizes against the alias and the key both. */
const KEY_ALIAS_ACTIONS = /^kms:(Create|Delete|Update)Alias$/;

/** IAM role writes that the `iam:PermissionsBoundary` condition key governs. */
const BOUNDED_ROLE_WRITES = ['iam:CreateRole', 'iam:PutRolePolicy', 'iam:DeleteRolePolicy', 'iam:DetachRolePolicy', 'iam:PutRolePermissionsBoundary'];

const GROUPS_AND_USERS = 'policies of IAM groups and users (AWS::IAM::Policy Groups, Users): the stacks give policies to roles only';
const AUTO_MODE = 'EKS Auto Mode\'s node instance profile (AWS::EKS::Cluster ComputeConfig): the stacks run managed node groups';
const LOG_ACCOUNT_WIDE = 'log resource policies, field indexes and deliveries (AWS::Logs::LogGroup): not set by the stacks, and the actions '
  + 'take no log group ARN, so they would reach every log group of the account';

/**
 * Actions the handlers list for properties these stacks never set, or that the deploy role
 * must never have: left out, each with the reason.
 */
export const LEFT_OUT_HANDLER_ACTIONS: Record<string, string> = {
  'firehose:TagDeliveryStream': 'log delivery to Firehose (AWS::Logs::LogGroup): the control plane log group delivers nowhere',
  's3:REST.PUT.OBJECT': 'an S3 REST operation, not an IAM action (AWS::Logs::LogGroup)',
  'ec2:AcceptAddressTransfer': 'Elastic IP transfers from another account (AWS::EC2::EIP TransferAddress): not used',
  'ec2:AssociateAddress': 'an Elastic IP on an instance or interface (AWS::EC2::EIP InstanceId): the stacks give the address to a NAT gateway',
  'ec2:DisassociateAddress': 'an Elastic IP on an instance or interface (AWS::EC2::EIP InstanceId): the stacks give the address to a NAT gateway',
  'ec2:AttachVpnGateway': 'VPN gateways (AWS::EC2::VPCGatewayAttachment VpnGatewayId): the stacks attach an internet gateway',
  'ec2:DetachVpnGateway': 'VPN gateways (AWS::EC2::VPCGatewayAttachment VpnGatewayId): the stacks attach an internet gateway',
  'iam:PutGroupPolicy': GROUPS_AND_USERS,
  'iam:GetGroupPolicy': GROUPS_AND_USERS,
  'iam:DeleteGroupPolicy': GROUPS_AND_USERS,
  'iam:PutUserPolicy': GROUPS_AND_USERS,
  'iam:GetUserPolicy': GROUPS_AND_USERS,
  'iam:DeleteUserPolicy': GROUPS_AND_USERS,
  'iam:CreateInstanceProfile': AUTO_MODE,
  'iam:TagInstanceProfile': AUTO_MODE,
  'iam:AddRoleToInstanceProfile': AUTO_MODE,
  'iam:GetInstanceProfile': AUTO_MODE,
  'iam:DeleteInstanceProfile': AUTO_MODE,
  'iam:RemoveRoleFromInstanceProfile': AUTO_MODE,
  'logs:PutResourcePolicy': LOG_ACCOUNT_WIDE,
  'logs:DeleteResourcePolicy': LOG_ACCOUNT_WIDE,
  'logs:PutIndexPolicy': LOG_ACCOUNT_WIDE,
  'logs:DeleteIndexPolicy': LOG_ACCOUNT_WIDE,
  'logs:CreateLogDelivery': LOG_ACCOUNT_WIDE,
  'iam:DeleteRolePermissionsBoundary': 'taking the boundary off a role (AWS::IAM::Role PermissionsBoundary removed): never the deploy role\'s to do',
};

/** The parts of a deploy role's policy that are not in the settings: where its boundary and it are. */
export interface DeployPolicyTargets {
  /** The ARN of the permissions boundary the roles it creates must carry. */
  readonly boundaryArn: unknown;
  /** The ARNs of the CI roles themselves, which it may never change. */
  readonly ciRoleArns: unknown[];
}

/** An action with the resource types whose handlers need it. */
interface NeededAction {
  readonly action: string;
  readonly neededBy: string[];
}

/**
 * The actions a deploy of these settings needs: what the CloudFormation resource handlers of
 * every resource type the stacks create call (create, update, delete and read), what the CDK
 * CLI calls on the stacks, and the read-only calls of the preflight.
 */
export function neededActions(settings: ResolvedSettings): NeededAction[] {
  const needed = new Map<string, string[]>();
  const add = (action: string, by: string) => needed.set(action, [...(needed.get(action) ?? []), by]);
  for (const type of stackResourceTypes(settings)) {
    const handlers = HANDLER_PERMISSIONS[type];
    if (!handlers) throw new Error(`No CloudFormation handler permissions for ${type}: run npx projen refresh-handler-permissions`);
    for (const action of new Set(Object.values(handlers).flat())) {
      if (action in LEFT_OUT_HANDLER_ACTIONS) continue;
      // The cluster's handler uses a key only for secrets encryption.
      if (action.startsWith('kms:') && !settings.secretsEncryption) continue;
      add(action, type);
    }
  }
  for (const action of STACK_ACTIONS) add(action, 'the CDK CLI');
  for (const action of READ_ONLY_ACTIONS) add(action, 'the preflight');
  return [...needed].map(([action, neededBy]) => ({ action, neededBy })).sort((a, b) => a.action.localeCompare(b.action));
}

/** The ARNs of a deployment's stacks and cluster, as its CI roles' policies name them (in its region, this account). */
export interface OwnArns {
  /** Every stack of the prefix, `stack/<prefix>-*` with any stack id (change sets are authorized on their stack too). */
  readonly stacks: unknown;
  /** The cluster's name: `<prefix>-cluster`, or `clusterName`. */
  readonly clusterName: string;
  /** The cluster: `cluster/<cluster>`. */
  readonly cluster: unknown;
  /** Every add-on of the cluster, `addon/<cluster>/<name>/<id>`. */
  readonly addons: unknown;
}

/** The ARNs of the stacks and the cluster of these settings. */
export function ownArns(settings: ResolvedSettings): OwnArns {
  const arn: ArnOf = arnsIn(settings.region);
  const clusterName = new ResourceNames(settings.pjPrefix).cluster(settings.clusterName);
  return {
    stacks: arn('cloudformation', `stack/${settings.pjPrefix}-*/*`),
    clusterName,
    cluster: arn('eks', `cluster/${clusterName}`),
    addons: arn('eks', `addon/${clusterName}/*/*`),
  };
}

/** What a scope grants its actions: resources and conditions. */
type Grant = Pick<PolicyStatement, 'Resource' | 'Condition'>;

/** One statement of the deploy role: the actions it takes, and what it grants them (`undefined`: not for these settings). */
interface Scope {
  readonly sid: string;
  readonly takes: (action: string) => boolean;
  readonly grant: () => Grant | undefined;
}

/**
 * The deploy role's statements: each needed action in exactly one scope (two for `ec2:CreateTags`
 * and the KMS alias actions, which IAM authorizes against two resources), scoped by ARN, the
 * prefix tag and the region wherever the action allows it; then the denials that keep the role
 * from changing itself or the boundary. Every resource type the stacks tag is tagged on creation
 * (`tagOnCreate` in its provider schema), so a tag condition holds from the call after the create.
 */
export function deployPolicy(settings: ResolvedSettings, targets: DeployPolicyTargets): PolicyStatement[] {
  const p = settings.pjPrefix;
  const arn: ArnOf = arnsIn(settings.region);
  const own = ownArns(settings);
  const cluster = own.clusterName;
  const inRegion = { 'aws:RequestedRegion': settings.region };
  const ownRoles = arn('iam', `role/${p}-*`, '');
  const ownTag = (key: string) => ({ [`${key}/${ResourceNames.PREFIX_TAG}`]: p });
  const createsKey = settings.securityProfile === SecurityProfile.STRICT;

  const scopes: Scope[] = [
    // Change sets are authorized on their stack.
    { sid: 'Stacks', takes: (a) => STACK_ACTIONS.includes(a), grant: () => ({ Resource: own.stacks }) },
    {
      // Reads that take no resource ARN, or that the preflight makes account-wide (quotas, clusters, versions).
      sid: 'Read',
      takes: (a) => READ_ONLY_ACTIONS.includes(a) || /^(ec2|eks|logs|cloudformation|servicequotas|sts):(Describe|List|Get)|^kms:List/.test(a),
      grant: () => ({ Resource: '*' }),
    },
    {
      // A new resource has no tag yet to scope by. A route goes into an existing table, a launch
      // template version into an existing template: those are changes (below).
      sid: 'Ec2Create',
      takes: (a) => /^ec2:(Create(?!Tags$|Route$|LaunchTemplateVersion$)|Allocate|RunInstances$)/.test(a),
      grant: () => ({ Resource: '*', Condition: { StringEquals: inRegion } }),
    },
    {
      sid: 'Ec2TagOnCreate',
      takes: (a) => a === 'ec2:CreateTags',
      grant: () => ({
        Resource: '*',
        Condition: { 'StringEquals': inRegion, 'ForAnyValue:StringLike': { 'ec2:CreateAction': ['Create*', 'RunInstances', 'AllocateAddress'] } },
      }),
    },
    {
      // A launch template carries no tag of its own: CloudFormation applies a template's own
      // tags only when it creates it (aws-cloudformation/cloudformation-coverage-roadmap#957),
      // and a changed one is a new version that rolls the nodes. Region only.
      sid: 'LaunchTemplates',
      takes: (a) => /^ec2:(CreateLaunchTemplateVersion|ModifyLaunchTemplate|DeleteLaunchTemplate|DeleteLaunchTemplateVersions)$/.test(a),
      grant: () => ({ Resource: arn('ec2', 'launch-template/*'), Condition: { StringEquals: inRegion } }),
    },
    {
      // Changing, attaching, associating or deleting: only what carries this prefix's tag.
      sid: 'Ec2ChangeOwn',
      takes: (a) => a.startsWith('ec2:'),
      grant: () => ({ Resource: '*', Condition: { StringEquals: { ...inRegion, ...ownTag('aws:ResourceTag') } } }),
    },
    {
      // The Service Authorization Reference gives CreateCluster no resource type: only `*` matches it.
      sid: 'CreateCluster',
      takes: (a) => a === 'eks:CreateCluster',
      grant: () => ({ Resource: '*', Condition: { StringEquals: inRegion } }),
    },
    {
      sid: 'Cluster',
      takes: (a) => a.startsWith('eks:'),
      grant: () => ({
        Resource: [
          own.cluster, arn('eks', `nodegroup/${cluster}/${p}-*/*`), own.addons,
          arn('eks', `access-entry/${cluster}/*`), arn('eks', `podidentityassociation/${cluster}/*`),
        ],
      }),
    },
    {
      sid: 'PassOwnRoles',
      takes: (a) => a === 'iam:PassRole',
      grant: () => ({ Resource: ownRoles, Condition: { StringEquals: { 'iam:PassedToService': PASSED_TO_SERVICES, ...ownTag('iam:ResourceTag') } } }),
    },
    {
      sid: 'ServiceLinkedRoles',
      takes: (a) => a === 'iam:CreateServiceLinkedRole',
      grant: () => ({ Resource: '*', Condition: { StringEquals: { 'iam:AWSServiceName': SERVICE_LINKED_ROLES } } }),
    },
    {
      // Only the AWS managed policies the stacks use, and only onto roles that carry the boundary.
      sid: 'AttachStackPolicies',
      takes: (a) => a === 'iam:AttachRolePolicy',
      grant: () => ({
        Resource: ownRoles,
        Condition: {
          StringEquals: { 'iam:PermissionsBoundary': targets.boundaryArn },
          ArnEquals: { 'iam:PolicyARN': STACK_MANAGED_POLICIES.map((name) => ({ 'Fn::Sub': `arn:\${AWS::Partition}:iam::aws:policy/${name}` })) },
        },
      }),
    },
    {
      sid: 'BoundedRoles',
      takes: (a) => BOUNDED_ROLE_WRITES.includes(a),
      grant: () => ({ Resource: ownRoles, Condition: { StringEquals: { 'iam:PermissionsBoundary': targets.boundaryArn } } }),
    },
    { sid: 'ReadOwnRoles', takes: (a) => /^iam:(Get|List)/.test(a), grant: () => ({ Resource: ownRoles }) },
    {
      // Role writes without a boundary condition key: only roles that carry this prefix's tag.
      sid: 'ChangeOwnRoles',
      takes: (a) => a.startsWith('iam:'),
      grant: () => ({ Resource: ownRoles, Condition: { StringEquals: ownTag('iam:ResourceTag') } }),
    },
    {
      sid: 'ClusterLogs',
      takes: (a) => a.startsWith('logs:'),
      grant: () => ({ Resource: [arn('logs', `log-group:/aws/eks/${cluster}/*`), arn('logs', `log-group:/aws/eks/${cluster}/*:*`)] }),
    },
    {
      // A new key has no ARN or tag to scope by.
      sid: 'CreateClusterKey',
      takes: (a) => a === 'kms:CreateKey',
      grant: () => (createsKey ? { Resource: '*', Condition: { StringEquals: inRegion } } : undefined),
    },
    {
      sid: 'ClusterKeyAlias',
      takes: (a) => KEY_ALIAS_ACTIONS.test(a),
      grant: () => (createsKey ? { Resource: arn('kms', `alias/${p}-*`) } : undefined),
    },
    {
      // The key the cluster stack creates: only keys of the region with this prefix's tag.
      sid: 'ClusterKey',
      takes: (a) => a.startsWith('kms:'),
      grant: () => (createsKey ? { Resource: arn('kms', 'key/*'), Condition: { StringEquals: ownTag('aws:ResourceTag') } } : undefined),
    },
    {
      // A key the team gives (secretsKmsKeyArn) is only used: EKS makes a grant on it.
      sid: 'GivenKey',
      takes: (a) => a === 'kms:CreateGrant',
      grant: () => (settings.secretsKmsKeyArn ? { Resource: settings.secretsKmsKeyArn } : undefined),
    },
  ];

  const taken = new Map<string, string[]>(scopes.map((s) => [s.sid, []]));
  for (const { action, neededBy } of neededActions(settings)) {
    const matching = scopes.filter((s) => s.takes(action));
    if (matching.length === 0) throw new Error(`The deploy role has no scope for ${action} (needed by ${neededBy.join(', ')})`);
    // The first scope that takes an action owns it; tagging, key aliases and grants on a given
    // key are authorized in two places.
    const twice = action === 'ec2:CreateTags' ? ['Ec2TagOnCreate', 'Ec2ChangeOwn']
      : KEY_ALIAS_ACTIONS.test(action) ? ['ClusterKeyAlias', 'ClusterKey']
        : action === 'kms:CreateGrant' ? ['ClusterKey', 'GivenKey'] : undefined;
    for (const owner of twice ? matching.filter((s) => twice.includes(s.sid)) : [matching[0]]) taken.get(owner.sid)!.push(action);
  }
  const allows = scopes.flatMap((s): PolicyStatement[] => {
    const actions = taken.get(s.sid)!;
    const grant = actions.length > 0 ? s.grant() : undefined;
    return grant ? [{ Sid: s.sid, Effect: 'Allow', Action: actions, Resource: grant.Resource, ...(grant.Condition ? { Condition: grant.Condition } : {}) }] : [];
  });
  return [...allows, ...guardrails(targets, ownRoles)];
}

/**
 * What the deploy role may never do, whatever else allows it: change the CI roles (itself
 * included) or the boundary, or take the boundary off a role.
 */
function guardrails(targets: DeployPolicyTargets, ownRoles: unknown): PolicyStatement[] {
  return [
    { Sid: 'NeverChangeCiRoles', Effect: 'Deny', NotAction: ['iam:Get*', 'iam:List*'], Resource: targets.ciRoleArns },
    {
      Sid: 'NeverChangeBoundary',
      Effect: 'Deny',
      Action: ['iam:CreatePolicyVersion', 'iam:DeletePolicyVersion', 'iam:SetDefaultPolicyVersion', 'iam:DeletePolicy', 'iam:TagPolicy', 'iam:UntagPolicy'],
      Resource: targets.boundaryArn,
    },
    { Sid: 'NeverRemoveBoundary', Effect: 'Deny', Action: 'iam:DeleteRolePermissionsBoundary', Resource: ownRoles },
  ];
}

/**
 * The permissions boundary of every role the stacks create: what the managed policies they
 * attach and the cluster role's key policy use (EC2, ECR, EKS, Auto Scaling, load balancing,
 * Session Manager, logs and metrics, KMS) and service-linked roles, and nothing of IAM, STS
 * or Organizations, so no role inside it can create, change or assume another.
 */
export function rolesBoundaryStatements(): PolicyStatement[] {
  return [
    {
      Sid: 'WhatStackRolesUse',
      Effect: 'Allow',
      Action: [
        'ec2:*', 'ecr:*', 'eks:*', 'eks-auth:*', 'autoscaling:*', 'elasticloadbalancing:*', 'ssm:*', 'ssmmessages:*', 'ec2messages:*',
        'logs:*', 'cloudwatch:*', 'kms:*', 'iam:CreateServiceLinkedRole',
      ],
      Resource: '*',
    },
  ];
}
