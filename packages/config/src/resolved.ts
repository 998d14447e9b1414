import { BottlerocketVariant, CapacityType, NodeArchitecture } from './enums';
import { BottlerocketSettings, NodeTaint } from './nodegroup';

/** Settings with every default applied and every value validated. */
export interface ResolvedSettings {
  /** See `BottlerocketEksSettings.pjPrefix`. */
  readonly pjPrefix: string;
  /** See `BottlerocketEksSettings.region`. */
  readonly region: string;
  /** The AWS partition of `region`: `aws`, `aws-cn` or `aws-us-gov`. */
  readonly partition: string;
  /** See `BottlerocketEksSettings.availabilityZones`. */
  readonly availabilityZones: string[];
  /** See `BottlerocketEksSettings.vpcCidr`. */
  readonly vpcCidr: string;
  /** See `BottlerocketEksSettings.natGateways`. */
  readonly natGateways: number;
  /**
   * `BottlerocketEksSettings.clusterName` when the team set it; unset, the cluster is named
   * after the prefix (`ResourceNames.cluster`), which may be a template parameter.
   */
  readonly clusterName?: string;
  /** See `BottlerocketEksSettings.kubernetesVersion`. */
  readonly kubernetesVersion: string;
  /** See `BottlerocketEksSettings.endpointPublicAccessCidrs`. */
  readonly endpointPublicAccessCidrs: string[];
  /** See `BottlerocketEksSettings.adminPrincipalArns`. */
  readonly adminPrincipalArns: string[];
  /** See `BottlerocketEksSettings.accountId`. */
  readonly accountId?: string;
  /** See `BottlerocketEksSettings.terminationProtection`. */
  readonly terminationProtection: boolean;
  /** Every node group, the main one (the top-level node group options) first. */
  readonly nodegroups: ResolvedNodegroup[];
}

/** A node group with every default applied and every value validated. */
export interface ResolvedNodegroup {
  /** The construct id (`Main` for the main node group, else from the name). */
  readonly id: string;
  /**
   * The group's name after the prefix: `bottlerocket-spot` or `bottlerocket-ondemand` for
   * the main group, the given `name` for an extra one (`ResourceNames.nodegroup` adds the prefix).
   */
  readonly name: string;
  /** How messages name the group's options: `` for the main group, `extraNodegroups[0].` for the first extra one. */
  readonly optionPath: string;
  readonly instanceTypes: string[];
  readonly capacityType: CapacityType;
  readonly architecture: NodeArchitecture;
  readonly variant: BottlerocketVariant;
  /** The EKS AMI type for the architecture and variant, e.g. `BOTTLEROCKET_ARM_64_NVIDIA`. */
  readonly amiType: string;
  readonly desiredSize: number;
  readonly minSize: number;
  readonly maxSize: number;
  readonly labels: { [key: string]: string };
  readonly taints: NodeTaint[];
  readonly maxUnavailablePercentage: number;
  readonly autoRepair: boolean;
  readonly launchTemplate: boolean;
  readonly httpPutResponseHopLimit: number;
  readonly dataVolumeSize: number;
  readonly volumeKmsKeyArn?: string;
  readonly bottlerocket: BottlerocketSettings;
}
