import { READ_ONLY_ACTIONS, RELEASES_ACTIONS, ResourceNames, SecurityProfile, STATUS_ACTIONS, UNPROTECT_ACTIONS } from 'bottlerocket-eks-config';
import { parseCfnYaml } from 'bottlerocket-eks-test-support';
import { Testing } from 'projen/lib/testing';
import { ACCOUNT, actionResources, arnFrom, decide, Policy, resolveIntrinsics } from './iam-evaluator';
import { tempDir } from './temp';
import { BottlerocketEksProject, BottlerocketEksProjectOptions } from '../src';
import { neededActions } from '../src/ci-roles/deploy-policy';
import { HANDLER_PERMISSIONS, HANDLER_PERMISSIONS_SOURCES } from '../src/ci-roles/handler-permissions';
import { DEPLOY_ROLE_TEMPLATE } from '../src/deploy-role';

const REGION = 'eu-west-1';
const BOUNDARY = `arn:aws:iam::${ACCOUNT}:policy/team-a-stack-roles-boundary`;
const DEPLOY_ROLE = `arn:aws:iam::${ACCOUNT}:role/team-a-github-deploy`;
const READ_ROLE = `arn:aws:iam::${ACCOUNT}:role/team-a-github-read`;
const STATUS_ROLE = `arn:aws:iam::${ACCOUNT}:role/team-a-github-status`;
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const PREFIX_TAG = ResourceNames.PREFIX_TAG;

/** The placeholders of resource ARNs, as the stacks of prefix team-a name them. */
const OWN_NAMES: Record<string, string> = {
  RoleNameWithPath: 'team-a-cluster-ClusterRole-AB12CD34',
  ClusterName: 'team-a-cluster',
  NodegroupName: 'team-a-bottlerocket-spot-0a1b2c3d',
  AddonName: 'coredns',
  StackName: 'team-a-network',
  LogGroupName: '/aws/eks/team-a-cluster/cluster',
  AliasName: 'team-a-cluster',
  ChangeSetName: 'cdk-deploy-change-set',
  ServiceName: 'ec2',
  QuotaCode: 'L-F678F1CE',
  Alias: 'team-a-cluster',
  KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
};

/**
 * The kinds of resource the stacks create that carry the prefix tag (the stacks library's
 * deploy-role contract test holds the templates to it; launch templates carry none). An action
 * that may name many kinds (tagging, say) is asked about these; a launch template action, about launch templates.
 */
const TAGGED_KINDS = new Set([
  'vpc', 'subnet', 'internet-gateway', 'natgateway', 'elastic-ip', 'route-table',
  'cluster', 'nodegroup', 'addon', 'access-entry', 'podidentityassociation', 'log-group', 'key', 'role',
]);

/** What a deploy's requests carry: the team's region, the boundary on the roles it makes, the services it passes roles to. */
const DEPLOY_CONTEXT = {
  'aws:RequestedRegion': REGION,
  'iam:PermissionsBoundary': BOUNDARY,
  'iam:PassedToService': 'eks.amazonaws.com',
  'iam:AWSServiceName': 'eks.amazonaws.com',
  'iam:PolicyARN': 'arn:aws:iam::aws:policy/AmazonEKSClusterPolicy',
  'ec2:CreateAction': 'CreateVpc',
};

/** The prefix tag on a resource of a kind the stacks tag. */
const tagsOf = (kind: string): Record<string, string> => (TAGGED_KINDS.has(kind)
  ? { [`aws:ResourceTag/${PREFIX_TAG}`]: 'team-a', [`iam:ResourceTag/${PREFIX_TAG}`]: 'team-a' } : {});

/** The resource part of an ARN pattern up to its first placeholder: `key/` of `arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}`. */
const resourcePart = (pattern: string): string => pattern.split(':').slice(5).join(':').split('${')[0];

interface Roles {
  readonly deploy: Policy;
  readonly read: Policy;
  readonly status: Policy;
  readonly boundary: Policy;
}

function roles(options: Partial<BottlerocketEksProjectOptions> = {}): Roles {
  const project = new BottlerocketEksProject({ name: 'team-a', defaultReleaseBranch: 'main', pjPrefix: 'team-a', region: REGION, outdir: tempDir('ci-roles'), ...options });
  const doc: any = parseCfnYaml(Testing.synth(project)[DEPLOY_ROLE_TEMPLATE]);
  const parameters = Object.fromEntries(Object.entries<any>(doc.Parameters).map(([name, p]) => [name, p.Default ?? 'my-org/team-a-eks']));
  const resources = resolveIntrinsics(doc.Resources, parameters);
  const only = (policies: any[]) => { expect(policies).toHaveLength(1); return policies[0].PolicyDocument; };
  return {
    deploy: only(resources.DeployRole.Properties.Policies),
    read: only(resources.ReadRole.Properties.Policies),
    status: only(resources.StatusRole.Properties.Policies),
    boundary: resources.StackRolesBoundary.Properties.PolicyDocument,
  };
}

const VARIANTS: Array<[string, Partial<BottlerocketEksProjectOptions>]> = [
  ['the default settings', {}],
  ['the strict profile', { securityProfile: SecurityProfile.STRICT }],
  ['admins, a given secrets key and log retention', {
    adminPrincipalArns: [`arn:aws:iam::${ACCOUNT}:role/admin`],
    logRetentionDays: 30,
    secretsKmsKeyArn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
  }],
];

describe.each(VARIANTS)('the deploy role of %s', (_name, options) => {
  const { deploy } = roles(options);

  test('allows every action a deploy needs, on the resources of this prefix: the CloudFormation handlers of each resource type, the CDK CLI, the preflight', async () => {
    const project = new BottlerocketEksProject({ name: 'team-a', defaultReleaseBranch: 'main', pjPrefix: 'team-a', region: REGION, outdir: tempDir('ci-roles'), ...options });
    const denied: string[] = [];
    for (const { action, neededBy } of neededActions(project.settings)) {
      const { resources, required } = await actionResources(action);
      // Each kind an action requires, as the stacks have it (tagged or not); of the kinds it may
      // name, those of the stacks. `*` only for an action that names no kind at all (the
      // evaluator allows `*` when any one kind is allowed).
      const ours = (kind: string) => TAGGED_KINDS.has(kind) || ['stack', 'quota'].includes(kind) || (kind === 'launch-template' && action.includes('LaunchTemplate'));
      const asked = required ? resources : resources.filter((r) => ours(r.name));
      if (resources.length > 0 && asked.length === 0) denied.push(`${action} (for ${neededBy.join(', ')}): names no kind of resource the stacks have`);
      const requests = resources.length === 0 ? [{ resource: '*', context: DEPLOY_CONTEXT }]
        : asked.map((r) => ({ resource: arnFrom(r.arnPattern, REGION, OWN_NAMES), context: { ...DEPLOY_CONTEXT, ...tagsOf(r.name) } }));
      for (const { resource, context } of requests) {
        const decision = await decide(deploy, { action, resource, context });
        if (decision !== 'Allowed') denied.push(`${action} on ${resource} (for ${neededBy.join(', ')}): ${decision}`);
      }
    }
    expect(denied).toEqual([]);
  });

  test('every condition of an allow is one that its actions support, so none silently denies on AWS', async () => {
    const keysChecked = [`aws:ResourceTag/${PREFIX_TAG}`, `iam:ResourceTag/${PREFIX_TAG}`, 'iam:PermissionsBoundary', 'iam:PolicyARN', 'iam:PassedToService', 'iam:AWSServiceName', 'ec2:CreateAction'];
    const unsupported: string[] = [];
    for (const statement of deploy.Statement.filter((s) => s.Effect === 'Allow' && s.Condition)) {
      const keys = Object.values<Record<string, unknown>>(statement.Condition).flatMap((c) => Object.keys(c)).filter((k) => keysChecked.includes(k));
      // The kinds of resource the statement names (IAM authorizes each resource of a request on its own).
      const named = (pattern: string) => [statement.Resource].flat().some((arn: string) => arn === '*' || arn.split(':')[5]?.startsWith(resourcePart(pattern)));
      for (const action of [statement.Action].flat()) {
        const { resources, conditionKeys } = await actionResources(action);
        const kinds = resources.filter((r) => named(r.arnPattern));
        const supports = (key: string) => {
          const pattern = key.replace(`/${PREFIX_TAG}`, '/${TagKey}');
          return conditionKeys.includes(pattern) || (kinds.length > 0 && kinds.every((r) => r.conditionKeys.includes(pattern)));
        };
        for (const key of keys) if (!supports(key)) unsupported.push(`${statement.Sid}: ${action} does not support ${key}`);
      }
    }
    expect(unsupported).toEqual([]);
  });
});

describe('the deploy role cannot escalate', () => {
  const { deploy, boundary } = roles();
  const clusterRole = `arn:aws:iam::${ACCOUNT}:role/team-a-cluster-ClusterRole-AB12CD34`;
  const deployContext = { 'aws:RequestedRegion': REGION };

  test.each([
    ['put a policy on itself', 'iam:PutRolePolicy', DEPLOY_ROLE, { 'iam:PermissionsBoundary': BOUNDARY }],
    ['attach AdministratorAccess to itself', 'iam:AttachRolePolicy', DEPLOY_ROLE, { 'iam:PolicyARN': ADMIN }],
    ['change whom it trusts', 'iam:UpdateAssumeRolePolicy', DEPLOY_ROLE, { [`iam:ResourceTag/${PREFIX_TAG}`]: 'team-a' }],
    ['give itself a longer session', 'iam:UpdateRole', DEPLOY_ROLE, { [`iam:ResourceTag/${PREFIX_TAG}`]: 'team-a' }],
    ['change the read-only role', 'iam:PutRolePolicy', READ_ROLE, { 'iam:PermissionsBoundary': BOUNDARY }],
    ['change whom the status role trusts', 'iam:UpdateAssumeRolePolicy', STATUS_ROLE, { [`iam:ResourceTag/${PREFIX_TAG}`]: 'team-a' }],
    ['put a policy on the status role', 'iam:PutRolePolicy', STATUS_ROLE, { 'iam:PermissionsBoundary': BOUNDARY }],
    ['attach AdministratorAccess to a role of its stacks', 'iam:AttachRolePolicy', clusterRole, { 'iam:PolicyARN': ADMIN, 'iam:PermissionsBoundary': BOUNDARY }],
    ['attach a stack policy to a role without the boundary', 'iam:AttachRolePolicy', clusterRole, { 'iam:PolicyARN': 'arn:aws:iam::aws:policy/AmazonEKSClusterPolicy' }],
    ['create a role without the boundary', 'iam:CreateRole', `arn:aws:iam::${ACCOUNT}:role/team-a-escape`, {}],
    ['create a role with another boundary', 'iam:CreateRole', `arn:aws:iam::${ACCOUNT}:role/team-a-escape`, { 'iam:PermissionsBoundary': `arn:aws:iam::${ACCOUNT}:policy/wide-open` }],
    ['put a policy on a role without the boundary', 'iam:PutRolePolicy', clusterRole, {}],
    ['take the boundary off a role', 'iam:DeleteRolePermissionsBoundary', clusterRole, { 'iam:PermissionsBoundary': BOUNDARY }],
    ['rewrite the boundary', 'iam:CreatePolicyVersion', BOUNDARY, {}],
    ['delete the boundary', 'iam:DeletePolicy', BOUNDARY, {}],
    ['create a role outside its prefix', 'iam:CreateRole', `arn:aws:iam::${ACCOUNT}:role/admin`, { 'iam:PermissionsBoundary': BOUNDARY }],
    ['pass a role outside its prefix', 'iam:PassRole', `arn:aws:iam::${ACCOUNT}:role/admin`, { 'iam:PassedToService': 'ec2.amazonaws.com' }],
    ['pass its roles to Lambda', 'iam:PassRole', clusterRole, { 'iam:PassedToService': 'lambda.amazonaws.com' }],
    ['assume another role', 'sts:AssumeRole', `arn:aws:iam::${ACCOUNT}:role/admin`, {}],
  ])('cannot %s', async (_question, action, resource, context) => {
    expect(await decide(deploy, { action, resource, context: { ...deployContext, ...context } })).not.toBe('Allowed');
  });

  test.each([
    ['delete another team\'s VPC', 'ec2:DeleteVpc', `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/vpc-0123456789abcdef0`, 'team-b'],
    ['delete the VPC of a prefix that starts with its own', 'ec2:DeleteVpc', `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/vpc-0123456789abcdef0`, 'team-a-prd'],
    ['delete a subnet nobody tagged', 'ec2:DeleteSubnet', `arn:aws:ec2:${REGION}:${ACCOUNT}:subnet/subnet-0123456789abcdef0`, undefined],
    ['open another team\'s security group', 'ec2:AuthorizeSecurityGroupIngress', `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/sg-0123456789abcdef0`, 'team-b'],
    ['delete a role of a prefix that starts with its own', 'iam:DeleteRole', `arn:aws:iam::${ACCOUNT}:role/team-a-prd-cluster-ClusterRole-X`, 'team-a-prd'],
  ])('cannot %s', async (_question, action, resource, owner) => {
    const tags: Record<string, string> = owner ? { [`aws:ResourceTag/${PREFIX_TAG}`]: owner, [`iam:ResourceTag/${PREFIX_TAG}`]: owner } : {};
    expect(await decide(deploy, { action, resource, context: { ...deployContext, ...tags } })).not.toBe('Allowed');
  });

  test('may turn off its own cluster\'s deletion protection (the first step of a destroy), not another prefix\'s', async () => {
    const own = `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/team-a-cluster`;
    for (const action of UNPROTECT_ACTIONS) {
      expect([action, await decide(deploy, { action, resource: own, context: { ...deployContext, 'aws:ResourceTag/bottlerocket-eks:pj-prefix': 'team-a' } })])
        .toEqual([action, 'Allowed']);
    }
    expect(await decide(deploy, { action: 'eks:UpdateClusterConfig', resource: `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/team-b-cluster`, context: deployContext }))
      .not.toBe('Allowed');
  });

  test('cannot delete another prefix\'s cluster, or act in another region', async () => {
    expect(await decide(deploy, { action: 'eks:DeleteCluster', resource: `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/team-b-cluster` })).not.toBe('Allowed');
    expect(await decide(deploy, { action: 'eks:DeleteCluster', resource: `arn:aws:eks:us-east-1:${ACCOUNT}:cluster/team-a-cluster` })).not.toBe('Allowed');
    const tagged = { [`aws:ResourceTag/${PREFIX_TAG}`]: 'team-a' };
    expect(await decide(deploy, { action: 'ec2:CreateVpc', resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:vpc/vpc-1`, context: { 'aws:RequestedRegion': 'us-east-1' } })).not.toBe('Allowed');
    expect(await decide(deploy, { action: 'ec2:DeleteVpc', resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:vpc/vpc-1`, context: { 'aws:RequestedRegion': 'us-east-1', ...tagged } })).not.toBe('Allowed');
  });

  test('with the strict profile, cannot schedule another team\'s key for deletion; its own, it can', async () => {
    const strict = roles({ securityProfile: SecurityProfile.STRICT }).deploy;
    const key = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
    const ownedBy = (owner: string) => ({ 'aws:RequestedRegion': REGION, [`aws:ResourceTag/${PREFIX_TAG}`]: owner });
    expect(await decide(strict, { action: 'kms:ScheduleKeyDeletion', resource: key, context: ownedBy('team-b') })).not.toBe('Allowed');
    expect(await decide(strict, { action: 'kms:ScheduleKeyDeletion', resource: key, context: ownedBy('team-a') })).toBe('Allowed');
  });

  test('a role inside the boundary can neither create, change nor assume a role, even with AdministratorAccess', async () => {
    const admin: Policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
    for (const action of ['iam:CreateRole', 'iam:PutRolePolicy', 'iam:AttachRolePolicy', 'iam:UpdateAssumeRolePolicy', 'sts:AssumeRole']) {
      const resource = `arn:aws:iam::${ACCOUNT}:role/anything`;
      expect([action, await decide(admin, { action, resource }, boundary)]).toEqual([action, 'ImplicitlyDenied']);
    }
    // What the stacks' roles do stays within it.
    for (const action of ['ec2:AssignPrivateIpAddresses', 'ecr:BatchGetImage', 'eks:DescribeCluster', 'eks-auth:AssumeRoleForPodIdentity', 'ec2:CreateVolume', 'ssm:UpdateInstanceInformation']) {
      expect([action, await decide(admin, { action, resource: '*' }, boundary)]).toEqual([action, 'Allowed']);
    }
  });
});

describe('the read-only role of pull requests', () => {
  const { read } = roles();

  test('allows the preflight\'s and cdk diff\'s reads', async () => {
    for (const action of READ_ONLY_ACTIONS) expect([action, await decide(read, { action, resource: '*' })]).toEqual([action, 'Allowed']);
  });

  test.each([
    'cloudformation:CreateChangeSet', 'cloudformation:ExecuteChangeSet', 'cloudformation:DeleteStack', 'ec2:DeleteVpc', 'eks:DeleteCluster',
    'iam:PassRole', 'iam:CreateRole', 'kms:Decrypt', 'sts:AssumeRole',
  ])('cannot %s', async (action) => {
    expect(await decide(read, { action, resource: '*' })).not.toBe('Allowed');
  });
});

describe('the status role of the scheduled status and releases workflows', () => {
  const { status: asWritten } = roles();
  /**
   * The public parameters of the Bottlerocket releases are AWS's, in no account: their ARNs have
   * an empty account, which the evaluator cannot match to SSM's parameter pattern. It is asked
   * about the same policy and parameters with this account in that place.
   */
  const PUBLIC_PARAMETERS = `arn:aws:ssm:${REGION}::parameter/aws/service/bottlerocket/*`;
  const status: Policy = JSON.parse(JSON.stringify(asWritten).split(`:ssm:${REGION}::`).join(`:ssm:${REGION}:${ACCOUNT}:`));
  const RELEASE_PARAMETER = `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/aws/service/bottlerocket/aws-k8s-1.33/x86_64/latest/image_version`;
  /** The path `releases` lists the published releases of a variant under (`GetParametersByPath`). */
  const RELEASES_PATH = `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/aws/service/bottlerocket/aws-k8s-1.33/x86_64`;
  const OWN_CLUSTER = `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/team-a-cluster`;
  const OWN_NODEGROUP = `arn:aws:eks:${REGION}:${ACCOUNT}:nodegroup/team-a-cluster/team-a-bottlerocket-spot-0a1b2c3d/1`;
  const OWN_ADDON = `arn:aws:eks:${REGION}:${ACCOUNT}:addon/team-a-cluster/coredns/1`;

  test('reads the Bottlerocket releases from the public parameters only', () => {
    expect(asWritten.Statement.find((s) => s.Sid === 'BottlerocketReleases')).toEqual({
      Sid: 'BottlerocketReleases', Effect: 'Allow', Action: ['ssm:GetParameter', 'ssm:GetParametersByPath'], Resource: PUBLIC_PARAMETERS,
    });
  });

  test('allows every call of releases (one environment, as the scheduled releases workflow reads it) on a resource of this prefix', async () => {
    const denied: string[] = [];
    for (const action of RELEASES_ACTIONS) {
      const { resources } = await actionResources(action);
      // Each kind of resource the Service Authorization Reference lists for the action: the
      // version updates of a node group are asked of the cluster, and of the node group (or add-on) they are of.
      const requests = action === 'ssm:GetParameter' ? [RELEASE_PARAMETER]
        : action === 'ssm:GetParametersByPath' ? [RELEASES_PATH, RELEASE_PARAMETER.replace(/\/image_version$/, '')]
          : resources.length === 0 ? ['*']
            : resources.filter((r) => r.name !== 'capability').map((r) => arnFrom(r.arnPattern, REGION, OWN_NAMES));
      for (const resource of requests) {
        const decision = await decide(status, { action, resource });
        if (decision !== 'Allowed') denied.push(`${action} on ${resource}: ${decision}`);
      }
    }
    expect(denied).toEqual([]);
    // What the reference says the update calls are authorized on (cluster required; node group and add-on where the update is of one).
    for (const action of ['eks:ListUpdates', 'eks:DescribeUpdate']) {
      for (const resource of [OWN_CLUSTER, OWN_NODEGROUP, OWN_ADDON]) expect([action, resource, await decide(status, { action, resource })]).toEqual([action, resource, 'Allowed']);
    }
  });

  test('allows every call of status on a resource of this prefix (or on `*` where the call names none)', async () => {
    const denied: string[] = [];
    for (const action of STATUS_ACTIONS) {
      const { resources } = await actionResources(action);
      const requests = action === 'ssm:GetParameter' ? [RELEASE_PARAMETER]
        : resources.length === 0 ? ['*'] : resources.map((r) => arnFrom(r.arnPattern, REGION, OWN_NAMES));
      for (const resource of requests) {
        const decision = await decide(status, { action, resource });
        if (decision !== 'Allowed') denied.push(`${action} on ${resource}: ${decision}`);
      }
    }
    expect(denied).toEqual([]);
  });

  test('allows what CloudFormation\'s drift detection reads of the stacks\' resources', async () => {
    const reads: string[] = status.Statement.find((s) => s.Sid === 'DriftDetectionReads').Action;
    expect(reads.length).toBeGreaterThan(10);
    for (const action of reads) expect([action, await decide(status, { action, resource: '*' })]).toEqual([action, 'Allowed']);
  });

  test.each([
    ['cloudformation:UpdateStack', `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/team-a-cluster/1`],
    ['cloudformation:DeleteStack', `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/team-a-cluster/1`],
    ['cloudformation:CreateChangeSet', `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/team-a-cluster/1`],
    ['cloudformation:ExecuteChangeSet', `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/team-a-cluster/1`],
    ['eks:UpdateClusterVersion', `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/team-a-cluster`],
    ['eks:UpdateNodegroupVersion', `arn:aws:eks:${REGION}:${ACCOUNT}:nodegroup/team-a-cluster/team-a-bottlerocket-spot-0a1b2c3d/1`],
    ['eks:DeleteCluster', `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/team-a-cluster`],
    ['eks:UpdateAddon', `arn:aws:eks:${REGION}:${ACCOUNT}:addon/team-a-cluster/coredns/1`],
    ['ssm:PutParameter', RELEASE_PARAMETER],
    ['ssm:PutParameter', `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/team-a`],
    ['ssm:DeleteParameter', RELEASE_PARAMETER],
    ['ssm:LabelParameterVersion', RELEASE_PARAMETER],
    ['eks:UpdateNodegroupConfig', OWN_NODEGROUP],
    ['iam:PassRole', `arn:aws:iam::${ACCOUNT}:role/team-a-cluster-ClusterRole-AB12CD34`],
    ['iam:CreateRole', `arn:aws:iam::${ACCOUNT}:role/team-a-escape`],
    ['ec2:RunInstances', `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/*`],
    ['ec2:DeleteVpc', `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/vpc-0123456789abcdef0`],
    ['sts:AssumeRole', `arn:aws:iam::${ACCOUNT}:role/admin`],
  ])('cannot %s (%s)', async (action, resource) => {
    expect(await decide(status, { action, resource })).not.toBe('Allowed');
    expect(await decide(status, { action, resource: '*' })).not.toBe('Allowed');
  });

  test.each([
    ['cloudformation:DescribeStacks', `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/team-b-cluster/1`],
    ['cloudformation:GetTemplate', `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/team-b-cluster/1`],
    ['cloudformation:DetectStackDrift', `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/team-b-cluster/1`],
    ['cloudformation:DescribeStacks', `arn:aws:cloudformation:us-east-1:${ACCOUNT}:stack/team-a-cluster/1`],
    ['eks:DescribeCluster', `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/team-b-cluster`],
    ['eks:ListInsights', `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/team-b-cluster`],
    ['eks:DescribeNodegroup', `arn:aws:eks:${REGION}:${ACCOUNT}:nodegroup/team-b-cluster/team-b-bottlerocket-spot-0a1b2c3d/1`],
    ['eks:DescribeAddon', `arn:aws:eks:${REGION}:${ACCOUNT}:addon/team-b-cluster/coredns/1`],
    ['ssm:GetParameter', `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/team-b/secret`],
    ['ssm:GetParameter', `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/aws/service/bottlerocket/aws-k8s-1.33/x86_64/latest/image_version`],
    ['eks:ListUpdates', `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/team-b-cluster`],
    ['eks:ListUpdates', `arn:aws:eks:${REGION}:${ACCOUNT}:nodegroup/team-b-cluster/team-b-bottlerocket-spot-0a1b2c3d/1`],
    ['eks:DescribeUpdate', `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/team-b-cluster`],
    ['eks:DescribeUpdate', `arn:aws:eks:${REGION}:${ACCOUNT}:nodegroup/team-b-cluster/team-b-bottlerocket-spot-0a1b2c3d/1`],
    ['eks:DescribeUpdate', `arn:aws:eks:${REGION}:${ACCOUNT}:addon/team-b-cluster/coredns/1`],
    // A prefix that starts with this one (another environment's cluster) is another prefix.
    ['eks:DescribeUpdate', `arn:aws:eks:${REGION}:${ACCOUNT}:nodegroup/team-a-prd-cluster/team-a-prd-bottlerocket-spot-0a1b2c3d/1`],
    ['eks:ListNodegroups', `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/team-a-prd-cluster`],
    ['eks:DescribeUpdate', `arn:aws:eks:us-east-1:${ACCOUNT}:nodegroup/team-a-cluster/team-a-bottlerocket-spot-0a1b2c3d/1`],
    ['ssm:GetParametersByPath', `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/team-a`],
    ['ssm:GetParametersByPath', `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/team-b/secrets`],
    ['ssm:GetParametersByPath', `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/aws/service/eks/optimized-ami/1.33/amazon-linux-2023`],
    ['ssm:GetParametersByPath', `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/aws/service`],
    ['ssm:GetParametersByPath', `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/aws/service/bottlerocket/aws-k8s-1.33/x86_64`],
    ['ssm:GetParameter', `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64`],
  ])('cannot read another prefix\'s (or region\'s, or another SSM path\'s) %s: %s', async (action, resource) => {
    expect(await decide(status, { action, resource })).not.toBe('Allowed');
  });
});

describe('the handler permissions the deploy role is made of', () => {
  test('every resource type the stacks create has its create and delete handler permissions, with their source (a type CloudFormation runs itself has none)', () => {
    for (const [type, handlers] of Object.entries(HANDLER_PERMISSIONS)) {
      const expected = type === 'AWS::CloudFormation::WaitConditionHandle' ? [] : ['create', 'delete'];
      expect([type, Object.keys(handlers).filter((h) => ['create', 'delete'].includes(h)).sort()]).toEqual([type, expected]);
      expect(HANDLER_PERMISSIONS_SOURCES[type]).toMatch(/^[\w.-]+\/[\w.-]+\/.+@[0-9a-f]{40}$/);
    }
  });

  test('the node group\'s create handler may launch instances from a launch template and tag them, as the EKS User Guide asks of its caller', () => {
    expect(HANDLER_PERMISSIONS['AWS::EKS::Nodegroup'].create).toEqual(expect.arrayContaining(['ec2:RunInstances', 'ec2:CreateTags', 'iam:PassRole']));
  });
});
