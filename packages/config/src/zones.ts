import { fail } from './errors';

/**
 * Availability zone IDs where EKS cannot put a cluster's subnets (the control plane's network
 * interfaces), by region. From the EKS User Guide, "View Amazon EKS networking requirements for
 * VPC and subnets" > "Subnet requirements for clusters"
 * (https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html#cluster-subnets; source
 * awsdocs/amazon-eks-user-guide, latest/ug/networking/network-reqs.adoc, "The subnets can't
 * reside in the following Availability Zones").
 *
 * These are zone IDs, which name the same zone in every account. The settings name zones
 * (`us-east-1e`), and a name maps to a different ID in each account, so this is checked where
 * the mapping is known: with `aws ec2 describe-availability-zones` (the preflight).
 */
export const EKS_UNSUPPORTED_ZONE_IDS: { readonly [region: string]: readonly string[] } = {
  'us-east-1': ['use1-az3'],
  'us-west-1': ['usw1-az2'],
  'ca-central-1': ['cac1-az3'],
};

/**
 * Refuses a zone of the settings that is, in the caller's account, a zone EKS cannot put a
 * cluster in. `zoneIds` maps each zone name of the settings to its zone ID in that account
 * (`ZoneName` -> `ZoneId` of DescribeAvailabilityZones); names it does not list are skipped.
 */
export function checkEksZoneIds(region: string, zones: readonly string[], zoneIds: { readonly [zoneName: string]: string }): void {
  const unsupported = EKS_UNSUPPORTED_ZONE_IDS[region] ?? [];
  for (const zone of zones) {
    const id = zoneIds[zone];
    if (id !== undefined && unsupported.includes(id)) {
      fail('availabilityZones', zone, `zones where EKS can create a cluster: in this account ${zone} is ${id}, which EKS does not support `
        + `for cluster subnets (${region}: not ${unsupported.join(', ')}); pick another zone letter`);
    }
  }
}
