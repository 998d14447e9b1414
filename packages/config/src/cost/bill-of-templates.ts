import type { Bill, BillNodegroup } from './estimate';

/** A template as the update plan reads it: its resources by logical id. */
interface Template {
  readonly Resources?: { readonly [logicalId: string]: { readonly Type: string; readonly Properties?: { readonly [name: string]: any } } };
}

/**
 * What a set of stack templates (an environment's, deployed or synthesized) is billed for: the
 * cluster's version and tier, the NAT gateways, and each managed node group with its sizes, its
 * instance types and its launch template's data volume. A value that is not a literal (a
 * parameter, a reference) is unknown.
 */
export function billOfTemplates(templates: Template[], pjPrefix: string, region: string): Bill {
  const resources = templates.flatMap((t) => Object.entries(t.Resources ?? {}));
  const ofType = (type: string) => resources.filter(([, r]) => r.Type === type);
  const cluster = ofType('AWS::EKS::Cluster')[0]?.[1].Properties ?? {};
  const launchTemplates = new Map(ofType('AWS::EC2::LaunchTemplate').map(([id, r]) => [id, r.Properties ?? {}]));
  const nodegroups = ofType('AWS::EKS::Nodegroup').map(([id, r]): BillNodegroup => {
    const p = r.Properties ?? {};
    const launchTemplate = launchTemplates.get(p.LaunchTemplate?.Id?.Ref);
    const data = (launchTemplate?.LaunchTemplateData?.BlockDeviceMappings ?? []).find((m: any) => m.DeviceName === '/dev/xvdb');
    return {
      // The EKS name without its fingerprint, as the settings' estimate names the group.
      name: typeof p.NodegroupName === 'string' ? p.NodegroupName.replace(/-[0-9a-f]{8}$/, '') : id,
      spot: p.CapacityType === 'SPOT',
      instanceTypes: Array.isArray(p.InstanceTypes) ? p.InstanceTypes.filter((t: unknown): t is string => typeof t === 'string') : [],
      desired: literalNumber(p.ScalingConfig?.DesiredSize),
      max: literalNumber(p.ScalingConfig?.MaxSize),
      dataVolumeGiB: literalNumber(data?.Ebs?.VolumeSize),
    };
  });
  return {
    pjPrefix,
    cluster: ofType('AWS::EKS::Cluster').length > 0,
    region,
    kubernetesVersion: typeof cluster.Version === 'string' ? cluster.Version : undefined,
    controlPlaneTier: typeof cluster.ControlPlaneScalingConfig?.Tier === 'string' ? cluster.ControlPlaneScalingConfig.Tier : undefined,
    natGateways: ofType('AWS::EC2::NatGateway').length,
    kmsKeys: ofType('AWS::KMS::Key').length,
    nodegroups,
  };
}

function literalNumber(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}
