import { AddonOptions, AddonsOptions } from './addons';
import { StackKind } from './names';
import { BottlerocketSettings, ExtraNodegroupOptions, NodegroupSettings, NodeRepairLimits, NodeRepairOverride } from './nodegroup';
import { BottlerocketEksSettings } from './options';

// Records rather than arrays: the compiler fails when an option is added to an interface
// but not here, so unknown-option checks and the project type never miss one.

/** Every option a node group has, the main one (at the top level) and the extra ones alike. */
const NODEGROUP_OPTION_NAMES = Object.keys({
  instanceTypes: true,
  capacityType: true,
  architecture: true,
  variant: true,
  labels: true,
  taints: true,
  maxUnavailablePercentage: true,
  updateStrategy: true,
  autoRepair: true,
  nodeRepair: true,
  launchTemplate: true,
  httpPutResponseHopLimit: true,
  dataVolumeSize: true,
  volumeKmsKeyArn: true,
  bottlerocket: true,
  releaseVersion: true,
  detailedMonitoring: true,
} satisfies Record<keyof NodegroupSettings, true>);

/** Every option of `nodeRepair`. */
export const NODE_REPAIR_OPTION_NAMES = Object.keys({
  maxUnhealthyNodeThresholdCount: true,
  maxUnhealthyNodeThresholdPercentage: true,
  maxParallelNodesRepairedCount: true,
  maxParallelNodesRepairedPercentage: true,
  overrides: true,
} satisfies Record<keyof NodeRepairLimits, true>);

/** Every option of an entry of `nodeRepair.overrides`. */
export const NODE_REPAIR_OVERRIDE_OPTION_NAMES = Object.keys({
  nodeMonitoringCondition: true,
  nodeUnhealthyReason: true,
  minRepairWaitTimeMins: true,
  repairAction: true,
} satisfies Record<keyof NodeRepairOverride, true>);

/** Every top-level setting of `BottlerocketEksSettings`. */
export const SETTING_NAMES = [
  ...Object.keys({
    pjPrefix: true,
    region: true,
    allowUnlistedRegion: true,
    availabilityZones: true,
    vpcCidr: true,
    natGateways: true,
    clusterName: true,
    kubernetesVersion: true,
    endpointPublicAccessCidrs: true,
    adminPrincipalArns: true,
    accountId: true,
    terminationProtection: true,
    deletionProtection: true,
    bottlerocketRelease: true,
    releaseTrain: true,
    releaseSoakDays: true,
    blockedBottlerocketReleases: true,
    nodeDesiredSize: true,
    nodeMinSize: true,
    nodeMaxSize: true,
    extraNodegroups: true,
    addons: true,
    securityProfile: true,
    endpointPublicAccess: true,
    secretsKmsKeyArn: true,
    logRetentionDays: true,
    rolePermissionsBoundary: true,
    zonalShift: true,
    controlPlaneTier: true,
    ssmAccess: true,
    vpcId: true,
    privateSubnetIds: true,
    publicSubnetIds: true,
  } satisfies Record<Exclude<keyof BottlerocketEksSettings, keyof NodegroupSettings>, true>),
  ...NODEGROUP_OPTION_NAMES,
] as Array<keyof BottlerocketEksSettings>;

/** Every option of an extra node group. */
export const EXTRA_NODEGROUP_OPTION_NAMES = [
  ...Object.keys({
    name: true, desiredSize: true, minSize: true, maxSize: true,
  } satisfies Record<Exclude<keyof ExtraNodegroupOptions, keyof NodegroupSettings>, true>),
  ...NODEGROUP_OPTION_NAMES,
];

/** Every typed Bottlerocket setting of a node group. */
export const BOTTLEROCKET_OPTION_NAMES = Object.keys({
  maxPods: true,
  kubeReserved: true,
  systemReserved: true,
  evictionHard: true,
  imageGcHighThresholdPercent: true,
  imageGcLowThresholdPercent: true,
  containerLogMaxSize: true,
  sysctls: true,
  adminContainer: true,
  controlContainer: true,
  motd: true,
  extraSettings: true,
  extraToml: true,
} satisfies Record<keyof BottlerocketSettings, true>);

/** Every add-on under `addons`, with its EKS name, in install order. */
export const ADDON_NAMES = {
  vpcCni: 'vpc-cni',
  kubeProxy: 'kube-proxy',
  podIdentityAgent: 'eks-pod-identity-agent',
  coreDns: 'coredns',
  ebsCsiDriver: 'aws-ebs-csi-driver',
  metricsServer: 'metrics-server',
  nodeMonitoringAgent: 'eks-node-monitoring-agent',
} satisfies Record<keyof AddonsOptions, string>;

/**
 * The stack that installs each add-on: the cluster stack for those nodes need to become Ready
 * (they run without nodes), the node group stack, after its groups, for those whose pods need nodes.
 */
export const ADDON_STACKS = {
  vpcCni: StackKind.CLUSTER,
  kubeProxy: StackKind.CLUSTER,
  podIdentityAgent: StackKind.CLUSTER,
  coreDns: StackKind.NODEGROUP,
  ebsCsiDriver: StackKind.NODEGROUP,
  metricsServer: StackKind.NODEGROUP,
  nodeMonitoringAgent: StackKind.NODEGROUP,
} satisfies Record<keyof AddonsOptions, StackKind>;

/** Every option of one add-on. */
export const ADDON_OPTION_NAMES = Object.keys({
  enabled: true, version: true, configurationValues: true,
} satisfies Record<keyof AddonOptions, true>);
