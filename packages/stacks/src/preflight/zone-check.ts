import { checkEksZoneIds, EKS_UNSUPPORTED_ZONE_IDS, isSettingsError, StackKind } from 'bottlerocket-eks-config';
import { isAccessDenied } from './aws-errors';
import { CheckFinding, DeployContext } from './check';
import { PreflightError, PreflightErrorCode } from './errors';
import { type AvailabilityZone, DescribeAvailabilityZonesCommand } from '../aws/sdk';

/** The zone letters the settings accept (`Cidr.ZONE_LETTERS`): alternatives outside them could not be set. */
const SETTABLE_LETTERS = /^[a-f]$/;

/**
 * When the network stack creates the VPC, or the team gives its own: each zone of the settings
 * (`availabilityZones`, or the zones of `privateSubnetIds`), where the cluster's subnets are,
 * is a zone EKS can place a cluster's control plane in. The settings name zones, and a name is
 * a different zone ID in each account, so EC2 `DescribeAvailabilityZones` tells the IDs, which
 * `checkEksZoneIds` judges against the EKS User Guide's list. Without this, CloudFormation
 * creates the network and then fails the cluster (UnsupportedAvailabilityZoneException).
 * A zone name EC2 does not know in the region is refused too; a denied call only warns.
 */
export async function checkAvailabilityZones(context: DeployContext): Promise<CheckFinding> {
  const { settings, names } = context;
  const creates = (kind: StackKind) => context.plan.stacks.some((s) => s.stackName === names.stack(kind) && s.status === 'create');
  if (!settings.existingVpc && !creates(StackKind.NETWORK) && !creates(StackKind.CLUSTER)) return {};
  const { region, availabilityZones: zones } = settings;
  const option = settings.existingVpc ? 'privateSubnetIds' : 'availabilityZones';
  let described: AvailabilityZone[];
  try {
    described = (await context.clients.ec2.send(new DescribeAvailabilityZonesCommand({ ZoneNames: zones }))).AvailabilityZones ?? [];
  } catch (error) {
    const { name, message } = error as Error;
    if (isAccessDenied(error)) {
      return { warnings: [`availability zones not checked (${name}): allow ec2:DescribeAvailabilityZones to have the preflight check that EKS can place the cluster in ${zones.join(', ')}`] };
    }
    if (name !== 'InvalidParameterValue') throw error;
    // A zone the region does not have (in this account): which one, and the others, from the whole region.
    const all = await regionZones(context);
    const missing = all ? zones.filter((zone) => !all.some((z) => z.ZoneName === zone)) : [];
    const what = missing.length > 0 ? missing.join(', ') : zones.join(', ');
    return {
      failure: new PreflightError(PreflightErrorCode.ZONE_UNSUPPORTED,
        `Invalid ${option} ${JSON.stringify(what)}: expected zones of ${region}, and account ${context.target.account} has no such zone there `
        + `(EC2 DescribeAvailabilityZones: ${message}).`,
        fix(context, option, missing, all)),
    };
  }
  const zoneIds = Object.fromEntries(described.flatMap((z) => (z.ZoneName && z.ZoneId ? [[z.ZoneName, z.ZoneId]] : [])));
  try {
    checkEksZoneIds(region, zones, zoneIds);
  } catch (error) {
    if (!isSettingsError(error)) throw error;
    const bad = zones.filter((zone) => (EKS_UNSUPPORTED_ZONE_IDS[region] ?? []).includes(zoneIds[zone]));
    return {
      failure: new PreflightError(PreflightErrorCode.ZONE_UNSUPPORTED,
        `${(error as Error).message.replace(/\.$/, '')} (EC2 DescribeAvailabilityZones, account ${context.target.account}).`,
        fix(context, option, bad, await regionZones(context))),
    };
  }
  return {};
}

/** The region's zones, for alternatives; undefined when EC2 would not list them. */
async function regionZones(context: DeployContext): Promise<AvailabilityZone[] | undefined> {
  try {
    return (await context.clients.ec2.send(new DescribeAvailabilityZonesCommand({}))).AvailabilityZones ?? [];
  } catch {
    return undefined;
  }
}

/** What to do: another zone of the region, naming those EKS can use (when the region's zones are known). */
function fix(context: DeployContext, option: string, bad: string[], all: AvailabilityZone[] | undefined): string {
  const { region, availabilityZones: zones, existingVpc } = context.settings;
  const unsupported = EKS_UNSUPPORTED_ZONE_IDS[region] ?? [];
  const allowed = (all ?? []).filter((z) => z.ZoneName && z.ZoneId && !zones.includes(z.ZoneName)
    && (z.ZoneType ?? 'availability-zone') === 'availability-zone' && SETTABLE_LETTERS.test(z.ZoneName.slice(region.length))
    && !unsupported.includes(z.ZoneId)).map((z) => `${z.ZoneName} (${z.ZoneId})`);
  const choices = all === undefined
    ? ` (\`aws ec2 describe-availability-zones --region ${region} --query "AvailabilityZones[].[ZoneName,ZoneId]" --output text\`; not ${unsupported.join(', ') || 'an unknown zone'})`
    : allowed.length > 0 ? `: ${allowed.join(', ')}` : ' (EC2 lists no other in this account)';
  const replace = bad.length > 0 ? bad.join(', ') : 'the zone';
  return existingVpc
    ? `Replace the subnets of ${replace} in ${option} (and publicSubnetIds) with subnets of ${existingVpc.vpcId} in another zone of ${region} where EKS can create a cluster${choices}; then deploy again.`
    : `Replace ${replace} in ${option} with another zone of ${region} where EKS can create a cluster${choices}; then deploy again.`;
}
