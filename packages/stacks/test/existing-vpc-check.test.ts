import { EC2Client } from '@aws-sdk/client-ec2';
import { FakeAws } from 'bottlerocket-eks-test-support';
import { BottlerocketEksSettings, Settings } from '../src';
import { DeployContext, PREFLIGHT_CHECKS, runDeployChecks } from '../src/preflight';
import { ACCOUNT, ALICE_IDENTITY, credentials } from './support/alice';
import { deployContext } from './support/deploy-context';
import { checkExistingVpc } from '../src/preflight/existing-vpc-check';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const region = 'eu-west-1';
const VPC = 'vpc-0123456789abcdef0';
const ids = { privA: 'subnet-0a00000000000000a', privC: 'subnet-0a00000000000000c', pubA: 'subnet-0b00000000000000a', pubC: 'subnet-0b00000000000000c' };
const OWN: BottlerocketEksSettings = {
  pjPrefix: 'team-a',
  region,
  vpcId: VPC,
  privateSubnetIds: { 'eu-west-1a': ids.privA, 'eu-west-1c': ids.privC },
  publicSubnetIds: { 'eu-west-1a': ids.pubA, 'eu-west-1c': ids.pubC },
};
const INTERNAL = { 'kubernetes.io/role/internal-elb': '1' };
const ELB = { 'kubernetes.io/role/elb': '1' };

const aws = new FakeAws(ALICE_IDENTITY, [], {
  subnets: [
    { subnetId: ids.privA, vpcId: VPC, availabilityZone: 'eu-west-1a', tags: { Name: 'private-a', ...INTERNAL } },
    { subnetId: ids.privC, vpcId: VPC, availabilityZone: 'eu-west-1c', tags: INTERNAL },
    { subnetId: ids.pubA, vpcId: VPC, availabilityZone: 'eu-west-1a', tags: ELB },
    { subnetId: ids.pubC, vpcId: VPC, availabilityZone: 'eu-west-1c' },
    { subnetId: 'subnet-0c00000000000000b', vpcId: VPC, availabilityZone: 'eu-west-1b', tags: INTERNAL },
    { subnetId: 'subnet-0d000000000000000', vpcId: 'vpc-0fedcba9876543210', availabilityZone: 'eu-west-1a', tags: INTERNAL },
  ],
});
let ec2: EC2Client;

beforeAll(async () => {
  const endpoint = await aws.start();
  ec2 = new EC2Client({ region, endpoint, credentials });
});

afterAll(async () => {
  ec2.destroy();
  await aws.stop();
});

/** What the live check gets; only EC2 is called, so the other clients are never used. */
function context(settings: BottlerocketEksSettings): DeployContext {
  return deployContext({ settings: Settings.resolve(settings), plan: { stacks: [], refusals: [] }, clients: { ec2 } });
}

describe('the preflight check of an existing VPC (EC2 DescribeSubnets through the real client)', () => {
  test('is one of the live checks', () => {
    expect(PREFLIGHT_CHECKS.deploy).toContain(checkExistingVpc);
  });

  test('does nothing (and calls nothing) when the network stack creates the VPC', async () => {
    const before = aws.requests.length;
    expect(await checkExistingVpc(context({ pjPrefix: 'team-a', region }))).toEqual({});
    expect(aws.requests.length).toBe(before);
  });

  test('subnets in the VPC and zones of the settings pass; a subnet without its load balancer tag is a warning', async () => {
    const finding = await runDeployChecks(context(OWN), [checkExistingVpc]);
    expect(finding.failure).toBeUndefined();
    expect(finding.warnings).toEqual([
      `public subnet ${ids.pubC} (publicSubnetIds["eu-west-1c"]) has no tag kubernetes.io/role/elb: Kubernetes internet-facing load balancers will not find it `
      + `(\`aws ec2 create-tags --region eu-west-1 --resources ${ids.pubC} --tags Key=kubernetes.io/role/elb,Value=1\`)`,
    ]);
    expect(aws.requests[aws.requests.length - 1]).toMatchObject({ service: 'ec2', action: 'DescribeSubnets' });
  });

  test('a subnet AWS does not know is refused with what EC2 says', async () => {
    const { failure } = await runDeployChecks(context({ ...OWN, privateSubnetIds: { 'eu-west-1a': ids.privA, 'eu-west-1c': 'subnet-0e00000000000000c' } }), [checkExistingVpc]);
    expect(failure).toMatchObject({
      code: 'EXISTING_VPC_MISMATCH',
      message: `A subnet of the settings is not in account ${ACCOUNT}, eu-west-1: The subnet ID 'subnet-0e00000000000000c' does not exist (EC2 DescribeSubnets).`,
    });
    expect(failure?.fix).toContain(`aws ec2 describe-subnets --region eu-west-1 --filters Name=vpc-id,Values=${VPC}`);
  });

  test('a subnet of another VPC, or in another zone than the settings say, is refused naming each', async () => {
    const { failure } = await runDeployChecks(context({
      ...OWN, publicSubnetIds: undefined, privateSubnetIds: { 'eu-west-1a': 'subnet-0d000000000000000', 'eu-west-1c': 'subnet-0c00000000000000b' },
    }), [checkExistingVpc]);
    expect(failure?.message).toBe('The subnets of the settings are not where they say (EC2 DescribeSubnets): '
      + `privateSubnetIds["eu-west-1a"] subnet-0d000000000000000 is in vpc-0fedcba9876543210, not in vpcId ${VPC}; `
      + 'privateSubnetIds["eu-west-1c"] subnet-0c00000000000000b is in zone eu-west-1b, not eu-west-1c.');
  });
});
