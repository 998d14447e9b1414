import { CheckFinding, DeployContext } from './check';
import { PreflightError, PreflightErrorCode } from './errors';
import { DescribeSubnetsCommand, type Subnet } from '../aws/sdk';

/** The tag each kind of subnet needs for Kubernetes load balancers to find it. */
const ROLE_TAGS = { private: 'kubernetes.io/role/internal-elb', public: 'kubernetes.io/role/elb' } as const;

/** One subnet of the settings: where the settings put it. */
interface ExpectedSubnet {
  readonly subnetId: string;
  readonly kind: keyof typeof ROLE_TAGS;
  readonly zone: string;
  /** How the settings name it, e.g. `privateSubnetIds["eu-west-1a"]`. */
  readonly option: string;
}

/**
 * With `vpcId`: each subnet of the settings exists, is in the VPC and in the zone the settings
 * give it (else the cluster and nodes would land elsewhere, or the deploy fail half-way). A
 * subnet without the load balancer role tag is a warning: the cluster works, but Kubernetes
 * load balancers of that kind find no subnet.
 */
export async function checkExistingVpc(context: DeployContext): Promise<CheckFinding> {
  const vpc = context.settings.existingVpc;
  if (!vpc) return {};
  const expected: ExpectedSubnet[] = [
    ...Object.entries(vpc.privateSubnetIds).map(([zone, subnetId]) => ({ subnetId, kind: 'private' as const, zone, option: `privateSubnetIds["${zone}"]` })),
    ...Object.entries(vpc.publicSubnetIds ?? {}).map(([zone, subnetId]) => ({ subnetId, kind: 'public' as const, zone, option: `publicSubnetIds["${zone}"]` })),
  ];
  const region = context.settings.region;
  const fix = `Set privateSubnetIds and publicSubnetIds to subnets of ${vpc.vpcId}, each under its own zone: `
    + `\`aws ec2 describe-subnets --region ${region} --filters Name=vpc-id,Values=${vpc.vpcId} `
    + '--query "Subnets[].[SubnetId,AvailabilityZone,Tags[?Key==\'Name\'].Value|[0]]" --output table`.';
  let found: Subnet[];
  try {
    found = (await context.clients.ec2.send(new DescribeSubnetsCommand({ SubnetIds: expected.map((s) => s.subnetId) }))).Subnets ?? [];
  } catch (error) {
    if ((error as Error).name !== 'InvalidSubnetID.NotFound') throw error;
    return {
      failure: new PreflightError(PreflightErrorCode.EXISTING_VPC_MISMATCH,
        `A subnet of the settings is not in account ${context.target.account}, ${region}: ${(error as Error).message} (EC2 DescribeSubnets).`, fix),
    };
  }
  const problems: string[] = [];
  const warnings: string[] = [];
  for (const subnet of expected) {
    const actual = found.find((s) => s.SubnetId === subnet.subnetId);
    if (!actual) {
      problems.push(`${subnet.option} ${subnet.subnetId}: EC2 did not return it`);
      continue;
    }
    if (actual.VpcId !== vpc.vpcId) problems.push(`${subnet.option} ${subnet.subnetId} is in ${actual.VpcId}, not in vpcId ${vpc.vpcId}`);
    if (actual.AvailabilityZone !== subnet.zone) problems.push(`${subnet.option} ${subnet.subnetId} is in zone ${actual.AvailabilityZone}, not ${subnet.zone}`);
    const tag = ROLE_TAGS[subnet.kind];
    if (!(actual.Tags ?? []).some((t) => t.Key === tag)) {
      warnings.push(`${subnet.kind} subnet ${subnet.subnetId} (${subnet.option}) has no tag ${tag}: Kubernetes ${subnet.kind === 'private' ? 'internal' : 'internet-facing'} `
        + `load balancers will not find it (\`aws ec2 create-tags --region ${region} --resources ${subnet.subnetId} --tags Key=${tag},Value=1\`)`);
    }
  }
  if (problems.length > 0) {
    return { warnings, failure: new PreflightError(PreflightErrorCode.EXISTING_VPC_MISMATCH, `The subnets of the settings are not where they say (EC2 DescribeSubnets): ${problems.join('; ')}.`, fix) };
  }
  return { warnings };
}
