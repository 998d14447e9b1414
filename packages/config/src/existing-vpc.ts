import { Cidr } from './cidr';
import { fail } from './errors';
import { BottlerocketEksSettings } from './options';
import { ResolvedExistingVpc } from './resolved';

/** `vpc-` and 8 or 17 hex digits: the short ids of old VPCs, the long ids of newer ones. */
const VPC_ID_PATTERN = /^vpc-([0-9a-f]{8}|[0-9a-f]{17})$/;
const SUBNET_ID_PATTERN = /^subnet-([0-9a-f]{8}|[0-9a-f]{17})$/;
/** Options that shape the VPC the network stack creates, so they mean nothing with `vpcId`. */
const CREATED_VPC_OPTIONS = ['vpcCidr', 'natGateways'] as const;

/**
 * The team's own VPC, when `vpcId` is set: the VPC id and one private (and optionally one
 * public) subnet per zone, validated. The zones are the keys of `privateSubnetIds`, and they
 * become `availabilityZones`, so the subnet exports keep their names (by zone letter).
 */
export function resolveExistingVpc(settings: BottlerocketEksSettings, region: string): ResolvedExistingVpc | undefined {
  if (settings.vpcId === undefined) {
    for (const option of ['privateSubnetIds', 'publicSubnetIds'] as const) {
      if (settings[option] !== undefined) fail(option, settings[option], 'unset, or vpcId set too (the subnets belong to an existing VPC)');
    }
    return undefined;
  }
  const vpcId = settings.vpcId;
  if (typeof vpcId !== 'string' || !VPC_ID_PATTERN.test(vpcId)) fail('vpcId', vpcId, 'a VPC id: vpc- and 8 or 17 hex digits, such as vpc-0123456789abcdef0');
  for (const option of CREATED_VPC_OPTIONS) {
    if (settings[option] !== undefined) fail(option, settings[option], `unset with vpcId (${option} shapes the VPC the network stack creates; with vpcId it creates none)`);
  }
  if (settings.privateSubnetIds === undefined) {
    fail('privateSubnetIds', undefined, 'the private subnet of each availability zone with vpcId, such as '
      + `{ "${region}a": "subnet-0123456789abcdef0", "${region}c": "subnet-0123456789abcdef1" }`);
  }
  const privateSubnetIds = checkSubnetMap('privateSubnetIds', settings.privateSubnetIds, region);
  const zones = Object.keys(privateSubnetIds).sort();
  const publicSubnetIds = settings.publicSubnetIds === undefined ? undefined : checkSubnetMap('publicSubnetIds', settings.publicSubnetIds, region);
  if (publicSubnetIds && Object.keys(publicSubnetIds).sort().join() !== zones.join()) {
    fail('publicSubnetIds', Object.keys(publicSubnetIds), `the zones of privateSubnetIds (${zones.join(', ')}), one public subnet each`);
  }
  const all = [...Object.values(privateSubnetIds), ...Object.values(publicSubnetIds ?? {})];
  const twice = all.find((id, i) => all.indexOf(id) !== i);
  if (twice) {
    fail(publicSubnetIds && Object.values(publicSubnetIds).includes(twice) ? 'publicSubnetIds' : 'privateSubnetIds', twice,
      'each subnet id listed once (a subnet is private or public, and in one zone)');
  }
  const given = settings.availabilityZones;
  if (given !== undefined && (!Array.isArray(given) || [...given].sort().join() !== zones.join())) {
    fail('availabilityZones', given, `unset with vpcId (the zones are those of privateSubnetIds: ${zones.join(', ')})`);
  }
  return { vpcId, privateSubnetIds, publicSubnetIds };
}

/** A map of availability zone to subnet id: at least two zones of the region, with letters that own subnet slots. */
function checkSubnetMap(option: string, map: unknown, region: string): { [availabilityZone: string]: string } {
  const letters = Cidr.ZONE_LETTERS;
  const example = `{ "${region}a": "subnet-0123456789abcdef0", "${region}c": "subnet-0123456789abcdef1" }`;
  if (typeof map !== 'object' || map === null || Array.isArray(map)) fail(option, map, `an object of availability zone to subnet id, such as ${example}`);
  const entries = Object.entries(map as Record<string, unknown>);
  if (entries.length < 2) fail(option, map, `at least two availability zones (EKS needs subnets in two), such as ${example}`);
  for (const [zone, subnetId] of entries) {
    if (!zone.startsWith(region) || !letters.includes(zone.slice(region.length))) {
      fail(option, zone, `zones of ${region} with the letters ${letters[0]}-${letters[letters.length - 1]}, such as ${region}a`);
    }
    if (typeof subnetId !== 'string' || !SUBNET_ID_PATTERN.test(subnetId)) {
      fail(`${option}["${zone}"]`, subnetId, 'one subnet id: subnet- and 8 or 17 hex digits, such as subnet-0123456789abcdef0');
    }
  }
  return { ...map as Record<string, string> };
}
