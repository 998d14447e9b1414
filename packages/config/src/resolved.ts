import { BottlerocketVariant, CapacityType, ControlPlaneTier, NodeArchitecture, NodegroupUpdateStrategy, ReleaseTrain, SecurityProfile } from './enums';
import { BottlerocketSettings, NodeRepairLimits, NodeTaint } from './nodegroup';
import { BlockedBottlerocketRelease } from './release-train';

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
  /** See `BottlerocketEksSettings.deletionProtection`. */
  readonly deletionProtection: boolean;
  /** Every node group, the main one (the top-level node group options) first. */
  readonly nodegroups: ResolvedNodegroup[];
  /** The add-ons to install (those turned off are not listed), in the order of `ADDON_NAMES`. */
  readonly addons: ResolvedAddon[];
  /** See `BottlerocketEksSettings.securityProfile`. */
  readonly securityProfile: SecurityProfile;
  /** See `BottlerocketEksSettings.endpointPublicAccess`. */
  readonly endpointPublicAccess: boolean;
  /** Whether Kubernetes secrets are envelope-encrypted (with `secretsKmsKeyArn`, else a key the cluster stack creates). */
  readonly secretsEncryption: boolean;
  /** See `BottlerocketEksSettings.secretsKmsKeyArn`. */
  readonly secretsKmsKeyArn?: string;
  /** See `BottlerocketEksSettings.logRetentionDays`; unset, the cluster stack owns no log group. */
  readonly logRetentionDays?: number;
  /** See `BottlerocketEksSettings.rolePermissionsBoundary`. */
  readonly rolePermissionsBoundary?: string;
  /** See `BottlerocketEksSettings.zonalShift`; undefined: EKS's default (off), and the template names none. */
  readonly zonalShift?: boolean;
  /** See `BottlerocketEksSettings.controlPlaneTier`; undefined: EKS's default. */
  readonly controlPlaneTier?: ControlPlaneTier;
  /** See `BottlerocketEksSettings.ssmAccess`. */
  readonly ssmAccess: boolean;
  /** See `BottlerocketEksSettings.bottlerocketRelease`. */
  readonly bottlerocketRelease?: string;
  /** See `BottlerocketEksSettings.releaseTrain`. */
  readonly releaseTrain: ReleaseTrain;
  /** See `BottlerocketEksSettings.releaseSoakDays`. */
  readonly releaseSoakDays: number;
  /** The team's `blockedBottlerocketReleases`, then the product's list of releases with a documented regression. */
  readonly blockedBottlerocketReleases: BlockedBottlerocketRelease[];
  /** The team's own VPC (`vpcId`), when given: the network stack then creates nothing. */
  readonly existingVpc?: ResolvedExistingVpc;
}

/** An EKS add-on to install. */
export interface ResolvedAddon {
  /** The option key under `addons`, e.g. `ebsCsiDriver`. */
  readonly key: string;
  /** The EKS add-on name, e.g. `aws-ebs-csi-driver`. */
  readonly name: string;
  /**
   * The add-on version: the team's pin, else the product's verified version for the cluster's
   * Kubernetes version; none when neither exists (the template then has no `AddonVersion`, and
   * EKS installs its default version for that Kubernetes version at creation).
   */
  readonly version?: string;
  /** The configuration values as JSON text, when there are any. */
  readonly configurationValues?: string;
}

/** A VPC the team already has, with one private (and optionally one public) subnet per zone. */
export interface ResolvedExistingVpc {
  /** The VPC id. */
  readonly vpcId: string;
  /** Private subnet ids by availability zone name. */
  readonly privateSubnetIds: { [availabilityZone: string]: string };
  /** Public subnet ids by availability zone name, when given. */
  readonly publicSubnetIds?: { [availabilityZone: string]: string };
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
  /** See `NodegroupSettings.updateStrategy`; undefined: EKS's default. */
  readonly updateStrategy?: NodegroupUpdateStrategy;
  readonly autoRepair: boolean;
  /** See `NodegroupSettings.nodeRepair`; undefined: EKS's defaults. */
  readonly nodeRepair?: NodeRepairLimits;
  readonly launchTemplate: boolean;
  readonly httpPutResponseHopLimit: number;
  readonly dataVolumeSize: number;
  readonly volumeKmsKeyArn?: string;
  readonly bottlerocket: BottlerocketSettings;
  /** See `NodegroupSettings.releaseVersion`. */
  readonly releaseVersion?: string;
  /** See `NodegroupSettings.detailedMonitoring`. */
  readonly detailedMonitoring: boolean;
}
