import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { FakeAws, FakeStack, FakeStackEvent } from 'bottlerocket-eks-test-support';
import { Settings } from '../src';
import { PreflightErrorCode, PREFLIGHT_CHECKS, runDeployChecks } from '../src/preflight';
import { ACCOUNT, ALICE_IDENTITY, credentials } from './support/alice';
import { deployContext } from './support/deploy-context';
import { checkStackState, checkStackStates, StackStateOptions } from '../src/preflight/stack-state-check';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
jest.setTimeout(20_000);

const region = 'eu-west-1';
const STACKS = ['team-a-network', 'team-a-cluster', 'team-a-nodegroup'];
const DESTROY_ORDER = [...STACKS].reverse();
const NOW = new Date('2026-11-25T12:00:00Z');
const stack = (status: string, more: Partial<FakeStack> = {}): FakeStack => ({ template: {}, status, ...more });

/** Runs `body` with a CloudFormation client against a fake account holding `stacks`; always stops the fake. */
async function withStacks<T>(stacks: Record<string, FakeStack>, body: (cfn: CloudFormationClient, aws: FakeAws) => Promise<T>): Promise<T> {
  const aws = new FakeAws(ALICE_IDENTITY, [], { stacks });
  const endpoint = await aws.start();
  const cfn = new CloudFormationClient({ region, endpoint, credentials, maxAttempts: 1, requestHandler: { requestTimeout: 5_000 } });
  try {
    return await body(cfn, aws);
  } finally {
    cfn.destroy();
    await aws.stop();
  }
}

/** The finding of a deploy (or destroy) of the three stacks of team-a, and the CloudFormation calls made. */
async function check(stacks: Record<string, FakeStack>, operation: StackStateOptions['operation'] = 'deploy') {
  return withStacks(stacks, async (cfn, aws) => {
    const finding = await checkStackStates({ cfn, stackNames: operation === 'deploy' ? STACKS : DESTROY_ORDER, operation, region, now: NOW });
    return { ...finding, calls: aws.requests.map((r) => `${r.action} ${new URLSearchParams(r.body).get('StackName')}`) };
  });
}

/** Events from the stack's own `start` event on, a second apart. */
function events(name: string, ...rest: Array<[string, string, string, string?]>): FakeStackEvent[] {
  return rest.map(([logicalId, type, status, reason]) => ({ logicalId: logicalId === '.' ? name : logicalId, type, status, reason }));
}

const STACK = 'AWS::CloudFormation::Stack';
const CLUSTER_REASON = 'Resource handler returned message: "Cannot create cluster \'team-a-cluster\' because EKS does not support creating control plane '
  + 'instances in us-east-1e, the targeted availability zone." (RequestToken: 0123, HandlerErrorCode: InvalidRequest)';
/** A first create of the cluster stack that failed at the cluster, then rolled back. */
const FAILED_CREATE = events('team-a-cluster',
  ['.', STACK, 'CREATE_IN_PROGRESS', 'User Initiated'],
  ['ClusterRole', 'AWS::IAM::Role', 'CREATE_IN_PROGRESS'],
  ['ClusterRole', 'AWS::IAM::Role', 'CREATE_COMPLETE'],
  ['Cluster', 'AWS::EKS::Cluster', 'CREATE_IN_PROGRESS'],
  ['Cluster', 'AWS::EKS::Cluster', 'CREATE_FAILED', CLUSTER_REASON],
  ['ControlPlaneLogGroup', 'AWS::Logs::LogGroup', 'CREATE_FAILED', 'Resource creation cancelled'],
  ['.', STACK, 'ROLLBACK_IN_PROGRESS', 'The following resource(s) failed to create: [ControlPlaneLogGroup, Cluster]. Rollback requested by user.'],
  ['ClusterRole', 'AWS::IAM::Role', 'DELETE_IN_PROGRESS'],
  ['ClusterRole', 'AWS::IAM::Role', 'DELETE_COMPLETE'],
  ['.', STACK, 'ROLLBACK_COMPLETE']);

describe('the stack state check (CloudFormation DescribeStacks through the real client)', () => {
  test('is the first of the live checks, over the stacks of the plan', async () => {
    expect(PREFLIGHT_CHECKS.deploy[0]).toBe(checkStackState);
    await withStacks({ 'team-a-cluster': stack('UPDATE_IN_PROGRESS') }, async (cfn, aws) => {
      const context = deployContext({
        settings: Settings.resolve({ pjPrefix: 'team-a', region }),
        plan: { stacks: ['team-a-cluster', 'team-a-nodegroup'].map((stackName) => ({ stackName, status: 'update', changes: [] })) as any, refusals: [] },
        clients: { cloudFormation: cfn },
        now: NOW,
      });
      const { failure } = await runDeployChecks(context, [checkStackState]);
      expect(failure?.code).toBe(PreflightErrorCode.STACK_BUSY);
      expect(aws.requests.map((r) => r.action)).toEqual(['DescribeStacks', 'DescribeStacks']);
    });
  });

  test.each([
    ['no stack deployed yet', {}],
    ['CREATE_COMPLETE', { 'team-a-network': stack('CREATE_COMPLETE'), 'team-a-cluster': stack('CREATE_COMPLETE') }],
    ['UPDATE_COMPLETE', { 'team-a-network': stack('UPDATE_COMPLETE'), 'team-a-cluster': stack('UPDATE_COMPLETE'), 'team-a-nodegroup': stack('UPDATE_COMPLETE') }],
    ['UPDATE_ROLLBACK_COMPLETE', { 'team-a-cluster': stack('UPDATE_ROLLBACK_COMPLETE') }],
    ['REVIEW_IN_PROGRESS (a change set never executed: the CDK CLI takes it over)', { 'team-a-nodegroup': stack('REVIEW_IN_PROGRESS') }],
  ])('a deploy goes ahead: %s, with one DescribeStacks per stack', async (_, stacks) => {
    const { failure, warnings, calls } = await check(stacks);
    expect({ failure, warnings }).toEqual({ failure: undefined, warnings: [] });
    expect(calls.sort()).toEqual(STACKS.map((name) => `DescribeStacks ${name}`).sort());
  });

  test('a stack another deploy is updating: since when, and how to watch it', async () => {
    const { failure } = await check({
      'team-a-network': stack('UPDATE_COMPLETE'),
      'team-a-cluster': stack('UPDATE_IN_PROGRESS', { creationTime: new Date('2026-01-15T10:00:00Z'), lastUpdatedTime: new Date('2026-11-25T11:48:00Z') }),
    });
    expect(failure?.code).toBe(PreflightErrorCode.STACK_BUSY);
    expect(failure?.message).toBe('The stack team-a-cluster is UPDATE_IN_PROGRESS since 2026-11-25T11:48:00Z (12 minutes ago): '
      + 'another deploy or destroy is changing it, and CloudFormation takes one operation on a stack at a time.');
    expect(failure?.fix).toBe('Wait until it ends (`aws cloudformation describe-stacks --stack-name team-a-cluster --region eu-west-1 '
      + '--query \'Stacks[0].StackStatus\'` shows a status without _IN_PROGRESS), then deploy again.');
  });

  test('a first create in progress is busy since its creation; so is a rollback', async () => {
    const created = await check({ 'team-a-network': stack('CREATE_IN_PROGRESS', { creationTime: new Date('2026-11-25T09:00:00Z') }) });
    expect(created.failure?.message).toMatch(/^The stack team-a-network is CREATE_IN_PROGRESS since 2026-11-25T09:00:00Z \(3 hours ago\): /);
    for (const status of ['UPDATE_ROLLBACK_IN_PROGRESS', 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', 'ROLLBACK_IN_PROGRESS', 'DELETE_IN_PROGRESS', 'IMPORT_IN_PROGRESS']) {
      expect((await check({ 'team-a-nodegroup': stack(status) })).failure?.code).toBe(PreflightErrorCode.STACK_BUSY);
    }
  });

  test('UPDATE_ROLLBACK_FAILED: the resource whose rollback failed, and continue-update-rollback skipping it', async () => {
    const { failure, calls } = await check({
      'team-a-cluster': stack('UPDATE_ROLLBACK_FAILED', {
        events: events('team-a-cluster',
          ['.', STACK, 'UPDATE_IN_PROGRESS', 'User Initiated'],
          ['Cluster', 'AWS::EKS::Cluster', 'UPDATE_FAILED', 'Resource handler returned message: "Unsupported Kubernetes minor version update from 1.33 to 1.35"'],
          ['.', STACK, 'UPDATE_ROLLBACK_IN_PROGRESS', 'The following resource(s) failed to update: [Cluster].'],
          ['Addon', 'AWS::EKS::Addon', 'UPDATE_FAILED', 'Addon version v1.9.0 is not supported'],
          ['.', STACK, 'UPDATE_ROLLBACK_FAILED', 'The following resource(s) failed to update: [Addon].'],
        ),
      }),
    });
    expect(failure?.code).toBe(PreflightErrorCode.STACK_ROLLBACK_FAILED);
    expect(failure?.message).toBe('The stack team-a-cluster is UPDATE_ROLLBACK_FAILED: an update failed and so did its rollback '
      + '(Addon (AWS::EKS::Addon) UPDATE_FAILED: Addon version v1.9.0 is not supported), '
      + 'and CloudFormation takes no update of it until the rollback is finished.');
    expect(failure?.fix).toBe('Fix what stopped the rollback, then `aws cloudformation continue-update-rollback --stack-name team-a-cluster --region eu-west-1` '
      + '(with `--resources-to-skip Addon` for resources that cannot be rolled back: they stay as they are), wait for UPDATE_ROLLBACK_COMPLETE, and deploy again.');
    expect(calls).toContain(`DescribeStackEvents arn:aws:cloudformation:eu-west-1:${ACCOUNT}:stack/team-a-cluster/6b5f8a40-0000-4000-8000-000000000001`);
  });

  test('DELETE_FAILED: the resources that would not go, and delete-stack keeping them', async () => {
    const { failure } = await check({
      'team-a-network': stack('DELETE_FAILED', {
        events: events('team-a-network',
          ['.', STACK, 'CREATE_IN_PROGRESS', 'User Initiated'],
          ['PrivateSubnetA', 'AWS::EC2::Subnet', 'CREATE_FAILED', 'an earlier failure, of another operation'],
          ['.', STACK, 'DELETE_IN_PROGRESS', 'User Initiated'],
          ['PrivateSubnetA', 'AWS::EC2::Subnet', 'DELETE_FAILED', 'The subnet \'subnet-0a1\' has dependencies and cannot be deleted.'],
          ['.', STACK, 'DELETE_FAILED', 'The following resource(s) failed to delete: [PrivateSubnetA].'],
        ),
      }),
    });
    expect(failure?.code).toBe(PreflightErrorCode.STACK_DELETE_FAILED);
    expect(failure?.message).toBe('The stack team-a-network is DELETE_FAILED: a delete of it stopped at '
      + 'PrivateSubnetA (AWS::EC2::Subnet) DELETE_FAILED: The subnet \'subnet-0a1\' has dependencies and cannot be deleted., '
      + 'and CloudFormation takes no update of it.');
    expect(failure?.fix).toBe('Fix the cause and finish the delete, keeping what cannot go: '
      + '`aws cloudformation delete-stack --stack-name team-a-network --region eu-west-1 --retain-resources PrivateSubnetA`; then deploy again (it creates the stack anew).');
  });

  test('ROLLBACK_COMPLETE: the first failed event\'s reason (not the cancellations after it), and how to delete the stack', async () => {
    const { failure } = await check({ 'team-a-cluster': stack('ROLLBACK_COMPLETE', { events: FAILED_CREATE }) });
    expect(failure?.code).toBe(PreflightErrorCode.STACK_ROLLED_BACK);
    expect(failure?.message).toBe('The stack team-a-cluster is ROLLBACK_COMPLETE: its first create failed and was rolled back, so it can only be deleted; '
      + `the first failure: Cluster (AWS::EKS::Cluster) CREATE_FAILED: ${CLUSTER_REASON}.`);
    expect(failure?.fix).toBe('Fix the cause, delete the stack (`aws cloudformation delete-stack --stack-name team-a-cluster --region eu-west-1 '
      + '&& aws cloudformation wait stack-delete-complete --stack-name team-a-cluster --region eu-west-1`), then deploy again.');
  });

  test('ROLLBACK_FAILED: the first failure too, through pages of events (newest first, 100 a page)', async () => {
    const many = Array.from({ length: 150 }, (_, i): FakeStackEvent => ({ logicalId: `Thing${i}`, type: 'AWS::EC2::Route', status: 'DELETE_COMPLETE' }));
    const { failure, warnings, calls } = await check({
      'team-a-cluster': stack('ROLLBACK_FAILED', {
        events: [...FAILED_CREATE.slice(0, -1), ...many, { logicalId: 'team-a-cluster', type: STACK, status: 'ROLLBACK_FAILED' }],
      }),
    });
    expect(warnings).toEqual([]);
    expect(calls.filter((c) => c.startsWith('DescribeStackEvents'))).toHaveLength(2);
    expect(failure?.code).toBe(PreflightErrorCode.STACK_ROLLED_BACK);
    expect(failure?.message).toContain('is ROLLBACK_FAILED: its first create failed and was rolled back, so it can only be deleted; '
      + 'the first failure: Cluster (AWS::EKS::Cluster) CREATE_FAILED: Resource handler');
    expect(failure?.fix).toContain('delete-stack --stack-name team-a-cluster --region eu-west-1 (resources whose rollback failed may need `--retain-resources');
  });

  test('without events, the stack\'s status reason', async () => {
    const { failure } = await check({ 'team-a-cluster': stack('ROLLBACK_COMPLETE', { statusReason: 'Requires capabilities : [CAPABILITY_NAMED_IAM]' }) });
    expect(failure?.message).toBe('The stack team-a-cluster is ROLLBACK_COMPLETE: its first create failed and was rolled back, so it can only be deleted; '
      + 'why: Requires capabilities : [CAPABILITY_NAMED_IAM].');
  });

  test('the first stack refused, in the operation\'s order, wins', async () => {
    const { failure } = await check({ 'team-a-network': stack('DELETE_FAILED'), 'team-a-nodegroup': stack('UPDATE_IN_PROGRESS') });
    expect(failure?.code).toBe(PreflightErrorCode.STACK_DELETE_FAILED);
  });
});

describe('before a destroy', () => {
  test('termination protection: every stack it holds, with the commands that turn it off', async () => {
    const { failure } = await check({
      'team-a-network': stack('CREATE_COMPLETE', { terminationProtection: true }),
      'team-a-cluster': stack('UPDATE_COMPLETE', { terminationProtection: true }),
      'team-a-nodegroup': stack('CREATE_COMPLETE'),
    }, 'destroy');
    expect(failure?.code).toBe(PreflightErrorCode.STACK_PROTECTED);
    expect(failure?.message).toBe('Termination protection holds team-a-cluster, team-a-network: CloudFormation would refuse to delete them, half-way through the destroy.');
    expect(failure?.fix).toBe('Set terminationProtection: false in .projenrc.ts, run `npx projen` and deploy, or turn it off here: '
      + '`aws cloudformation update-termination-protection --no-enable-termination-protection --stack-name team-a-cluster --region eu-west-1 '
      + '&& aws cloudformation update-termination-protection --no-enable-termination-protection --stack-name team-a-network --region eu-west-1`; then destroy again.');
  });

  test('a stack being changed is busy', async () => {
    const { failure } = await check({ 'team-a-nodegroup': stack('DELETE_IN_PROGRESS', { lastUpdatedTime: new Date('2026-11-25T11:59:00Z') }) }, 'destroy');
    expect(failure?.message).toBe('The stack team-a-nodegroup is DELETE_IN_PROGRESS since 2026-11-25T11:59:00Z (1 minute ago): '
      + 'another deploy or destroy is changing it, and CloudFormation takes one operation on a stack at a time.');
    expect(failure?.fix).toMatch(/, then destroy again\.$/);
  });

  test('failed and unprotected stacks go ahead: deleting them is the way out', async () => {
    const { failure, warnings, calls } = await check({
      'team-a-network': stack('DELETE_FAILED'), 'team-a-cluster': stack('ROLLBACK_COMPLETE'), 'team-a-nodegroup': stack('UPDATE_ROLLBACK_FAILED'),
    }, 'destroy');
    expect({ failure, warnings }).toEqual({ failure: undefined, warnings: [] });
    expect(calls).toEqual(expect.arrayContaining(DESTROY_ORDER.map((name) => `DescribeStacks ${name}`)));
    expect(calls).toHaveLength(3);
  });
});
