import { DescribeAvailabilityZonesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { FakeAws, FakeAwsOptions } from 'bottlerocket-eks-test-support';
import { BottlerocketEksSettings, Settings } from '../src';
import { PreflightErrorCode, DeployContext, PREFLIGHT_CHECKS, runDeployChecks } from '../src/preflight';
import { ACCOUNT, ALICE_IDENTITY, credentials } from './support/alice';
import { deployContext } from './support/deploy-context';
import { checkAvailabilityZones } from '../src/preflight/zone-check';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const region = 'us-east-1';
const BASE: BottlerocketEksSettings = { pjPrefix: 'team-a', region, availabilityZones: ['us-east-1a', 'us-east-1b'] };
/** An account where us-east-1b is use1-az3, the zone EKS cannot place a cluster in. */
const ZONE_IDS = {
  'us-east-1a': 'use1-az6', 'us-east-1b': 'use1-az3', 'us-east-1c': 'use1-az1', 'us-east-1d': 'use1-az2', 'us-east-1e': 'use1-az4', 'us-east-1f': 'use1-az5',
};

/** One fake AWS per test holding `options`, and a real EC2 client of it for `clientRegion` (the team's region). */
async function withAws<T>(options: FakeAwsOptions, body: (ec2: EC2Client, aws: FakeAws) => Promise<T>, clientRegion = region): Promise<T> {
  const aws = new FakeAws(ALICE_IDENTITY, [], options);
  const endpoint = await aws.start();
  const ec2 = new EC2Client({ region: clientRegion, endpoint, credentials });
  try {
    return await body(ec2, aws);
  } finally {
    ec2.destroy();
    await aws.stop();
  }
}

/** What the check gets: a plan that creates every stack (a first deploy), unless `creates` says otherwise. */
function context(settings: BottlerocketEksSettings, ec2: EC2Client, creates = ['network', 'cluster', 'nodegroup']): DeployContext {
  const status = (kind: string) => (creates.includes(kind) ? 'create' : 'unchanged');
  const stacks = ['network', 'cluster', 'nodegroup'].map((kind) => ({ stackName: `team-a-${kind}`, status: status(kind), changes: [] })) as any;
  return deployContext({ settings: Settings.resolve(settings), plan: { stacks, refusals: [] }, clients: { ec2 } });
}

const ec2Calls = (aws: FakeAws) => aws.requests.filter((r) => r.service === 'ec2').map((r) => `${r.action} ${r.body.replace(/&Version=[^&]*/, '')}`);

describe('the availability zone check (EC2 DescribeAvailabilityZones through the real client)', () => {
  test('is one of the live checks', () => {
    expect(PREFLIGHT_CHECKS.deploy).toContain(checkAvailabilityZones);
  });

  test('zones whose IDs EKS supports pass, with one call naming the zones of the settings', async () => {
    await withAws({ zoneIds: ZONE_IDS }, async (ec2, aws) => {
      const settings = { ...BASE, availabilityZones: ['us-east-1a', 'us-east-1c', 'us-east-1e'] };
      expect(await runDeployChecks(context(settings, ec2), [checkAvailabilityZones])).toEqual({ warnings: [], failure: undefined });
      expect(ec2Calls(aws)).toEqual(['DescribeAvailabilityZones Action=DescribeAvailabilityZones&ZoneName.1=us-east-1a&ZoneName.2=us-east-1c&ZoneName.3=us-east-1e']);
    });
  });

  test('a zone that is use1-az3 in this account is refused in one line, with the option, the zone, its ID and the zones EKS can use', async () => {
    await withAws({ zoneIds: ZONE_IDS }, async (ec2, aws) => {
      const { failure, warnings } = await runDeployChecks(context(BASE, ec2), [checkAvailabilityZones]);
      expect(warnings).toEqual([]);
      expect(failure?.code).toBe(PreflightErrorCode.ZONE_UNSUPPORTED);
      expect(failure?.message).toBe('Invalid availabilityZones "us-east-1b": expected zones where EKS can create a cluster: in this account us-east-1b is use1-az3, '
        + `which EKS does not support for cluster subnets (us-east-1: not use1-az3); pick another zone letter (EC2 DescribeAvailabilityZones, account ${ACCOUNT}).`);
      expect(failure?.fix).toBe('Replace us-east-1b in availabilityZones with another zone of us-east-1 where EKS can create a cluster: '
        + 'us-east-1c (use1-az1), us-east-1d (use1-az2), us-east-1e (use1-az4), us-east-1f (use1-az5); then deploy again.');
      // The second call lists the region's zones, for the alternatives.
      expect(ec2Calls(aws)).toEqual([
        'DescribeAvailabilityZones Action=DescribeAvailabilityZones&ZoneName.1=us-east-1a&ZoneName.2=us-east-1b',
        'DescribeAvailabilityZones Action=DescribeAvailabilityZones',
      ]);
    });
  });

  test('with the team\'s own VPC, the zones of privateSubnetIds are checked, and the fix is about its subnets', async () => {
    const own: BottlerocketEksSettings = {
      pjPrefix: 'team-a',
      region,
      vpcId: 'vpc-0123456789abcdef0',
      privateSubnetIds: { 'us-east-1a': 'subnet-0a00000000000000a', 'us-east-1b': 'subnet-0a00000000000000b' },
    };
    await withAws({ zoneIds: ZONE_IDS }, async (ec2) => {
      // Checked on an update too: the stacks do not create the VPC, so nothing else vouches for its zones.
      const { failure } = await checkAvailabilityZones(context(own, ec2, []));
      expect(failure?.code).toBe(PreflightErrorCode.ZONE_UNSUPPORTED);
      expect(failure?.message).toContain('in this account us-east-1b is use1-az3');
      expect(failure?.fix).toMatch(/^Replace the subnets of us-east-1b in privateSubnetIds \(and publicSubnetIds\) with subnets of vpc-0123456789abcdef0 in another zone of us-east-1 where EKS can create a cluster: us-east-1c \(use1-az1\), /);
    });
  });

  test('a zone the region does not have is refused in one line, naming the zones it has', async () => {
    const zoneIds = { 'eu-west-1a': 'euw1-az3', 'eu-west-1b': 'euw1-az1', 'eu-west-1c': 'euw1-az2' };
    await withAws({ zoneIds }, async (ec2) => {
      const settings = { pjPrefix: 'team-a', region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1d'] };
      const { failure } = await checkAvailabilityZones(context(settings, ec2));
      expect(failure?.code).toBe(PreflightErrorCode.ZONE_UNSUPPORTED);
      expect(failure?.message).toBe(`Invalid availabilityZones "eu-west-1d": expected zones of eu-west-1, and account ${ACCOUNT} has no such zone there `
        + '(EC2 DescribeAvailabilityZones: Invalid availability zone: [eu-west-1d]).');
      expect(failure?.message).not.toContain('\n');
      expect(failure?.fix).toBe('Replace eu-west-1d in availabilityZones with another zone of eu-west-1 where EKS can create a cluster: '
        + 'eu-west-1b (euw1-az1), eu-west-1c (euw1-az2); then deploy again.');
    }, 'eu-west-1');
  });

  test('a caller that may not call DescribeAvailabilityZones gets one warning naming ec2:DescribeAvailabilityZones, not a refusal', async () => {
    await withAws({ zoneIds: ZONE_IDS, deniedEc2Operations: ['DescribeAvailabilityZones'] }, async (ec2) => {
      expect(await runDeployChecks(context(BASE, ec2), [checkAvailabilityZones])).toEqual({
        warnings: ['availability zones not checked (UnauthorizedOperation): allow ec2:DescribeAvailabilityZones to have the preflight check '
          + 'that EKS can place the cluster in us-east-1a, us-east-1b'],
        failure: undefined,
      });
    });
  });

  test('does nothing (and calls nothing) when the stacks deploy nothing new and the VPC is the network stack\'s', async () => {
    await withAws({ zoneIds: ZONE_IDS }, async (ec2, aws) => {
      expect(await checkAvailabilityZones(context(BASE, ec2, []))).toEqual({});
      expect(ec2Calls(aws)).toEqual([]);
    });
  });

  test('runs when only the cluster stack is created (the network was deployed before, the cluster failed)', async () => {
    await withAws({ zoneIds: ZONE_IDS }, async (ec2) => {
      expect((await checkAvailabilityZones(context(BASE, ec2, ['cluster']))).failure?.code).toBe(PreflightErrorCode.ZONE_UNSUPPORTED);
    });
  });

  test('the fake\'s default zones never map to an ID EKS does not support (us-east-1c is use1-az4), so default settings pass', async () => {
    await withAws({}, async (ec2) => {
      const { AvailabilityZones } = await ec2.send(new DescribeAvailabilityZonesCommand({}));
      expect(AvailabilityZones?.map((z) => `${z.ZoneName} ${z.ZoneId} ${z.State} ${z.ZoneType}`)).toEqual([
        'us-east-1a use1-az1 available availability-zone', 'us-east-1b use1-az2 available availability-zone', 'us-east-1c use1-az4 available availability-zone',
        'us-east-1d use1-az5 available availability-zone', 'us-east-1e use1-az6 available availability-zone', 'us-east-1f use1-az7 available availability-zone',
      ]);
    });
    for (const other of ['ca-central-1', 'us-west-1']) {
      await withAws({}, async (ec2) => {
        expect(await checkAvailabilityZones(context({ pjPrefix: 'team-a', region: other }, ec2))).toEqual({});
      }, other);
    }
  });
});
