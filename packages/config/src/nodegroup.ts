import { BottlerocketVariant, CapacityType, NodeArchitecture, NodegroupUpdateStrategy, TaintEffect, NodeRepairAction } from './enums';

/** A Kubernetes taint on every node of a node group. */
export interface NodeTaint {
  /** The taint key, e.g. `dedicated` or `nvidia.com/gpu`. */
  readonly key: string;
  /**
   * The taint value.
   * @default - no value
   */
  readonly value?: string;
  /** The effect on pods that do not tolerate it. */
  readonly effect: TaintEffect;
}

/**
 * The limits of EKS node auto repair (the EKS API reference, `NodeRepairConfig`). Each pair is a
 * count or a percentage, not both.
 */
export interface NodeRepairLimits {
  /** Above this many unhealthy nodes, repair stops (1-1000). */
  readonly maxUnhealthyNodeThresholdCount?: number;
  /** Above this percentage of unhealthy nodes, repair stops (1-100). */
  readonly maxUnhealthyNodeThresholdPercentage?: number;
  /** At most this many nodes are repaired at once (1-1000). */
  readonly maxParallelNodesRepairedCount?: number;
  /** At most this percentage of the nodes is repaired at once (1-100). */
  readonly maxParallelNodesRepairedPercentage?: number;
  /**
   * What to do, and after how long, for a condition and reason the node monitoring agent reports,
   * instead of EKS's default repair (EKS API `NodeRepairConfigOverrides`). Changed in place.
   * @default - EKS's default repair for every condition
   */
  readonly overrides?: NodeRepairOverride[];
}

/** A repair of its own for one unhealthy condition and reason the node monitoring agent reports. */
export interface NodeRepairOverride {
  /** The unhealthy condition the node monitoring agent reports, such as `KernelReady` or `AcceleratedHardwareReady`. */
  readonly nodeMonitoringCondition: string;
  /** The reason the node monitoring agent reports with that condition. */
  readonly nodeUnhealthyReason: string;
  /** Minutes a node must stay in that state before it is repaired (at least 1). */
  readonly minRepairWaitTimeMins: number;
  /** What EKS does to such a node. */
  readonly repairAction: NodeRepairAction;
}

/** Resources the kubelet keeps back from pods (`kube-reserved`, `system-reserved`). */
export interface ReservedResources {
  /**
   * CPU, as a Kubernetes quantity such as `100m`.
   * @default - Bottlerocket's default
   */
  readonly cpu?: string;
  /**
   * Memory, as a Kubernetes quantity such as `512Mi`.
   * @default - Bottlerocket's default
   */
  readonly memory?: string;
  /**
   * Ephemeral storage, as a Kubernetes quantity such as `1Gi`.
   * @default - Bottlerocket's default
   */
  readonly ephemeralStorage?: string;
}

/**
 * Bottlerocket settings of a node group, rendered as TOML user data. EKS merges its own
 * bootstrap settings (API server, certificate, cluster name, DNS IP) into them, so the
 * launch template names no cluster. Labels and taints belong on the node group.
 */
export interface BottlerocketSettings {
  /**
   * `settings.kubernetes.max-pods`: pods per node.
   * @default - Bottlerocket's value for the instance type
   */
  readonly maxPods?: number;
  /**
   * `settings.kubernetes.kube-reserved`.
   * @default - Bottlerocket's defaults
   */
  readonly kubeReserved?: ReservedResources;
  /**
   * `settings.kubernetes.system-reserved`.
   * @default - none
   */
  readonly systemReserved?: ReservedResources;
  /**
   * `settings.kubernetes.eviction-hard`: signal to threshold, e.g. `{ 'memory.available': '10%' }`.
   * @default - the kubelet's defaults
   */
  readonly evictionHard?: { [signal: string]: string };
  /**
   * `settings.kubernetes.image-gc-high-threshold-percent`, 0-100.
   * @default 85
   */
  readonly imageGcHighThresholdPercent?: number;
  /**
   * `settings.kubernetes.image-gc-low-threshold-percent`, 0-100, below the high threshold.
   * @default 80
   */
  readonly imageGcLowThresholdPercent?: number;
  /**
   * `settings.kubernetes.container-log-max-size`, a quantity such as `10Mi`.
   * @default "10Mi"
   */
  readonly containerLogMaxSize?: string;
  /**
   * `settings.kernel.sysctl`: kernel parameters, e.g. `{ 'net.core.somaxconn': '1024' }`.
   * @default - none
   */
  readonly sysctls?: { [key: string]: string };
  /**
   * Enable the admin host container (root shell through the control container).
   * @default false
   */
  readonly adminContainer?: boolean;
  /**
   * Enable the control host container (SSM access to the node).
   * @default true
   */
  readonly controlContainer?: boolean;
  /**
   * `settings.motd`: the message of the day.
   * @default - Bottlerocket's
   */
  readonly motd?: string;
  /**
   * More settings, as the TOML tree they become: top-level key `settings`, e.g.
   * `{ settings: { kernel: { lockdown: 'integrity' } } }`. Checked like TOML text: no keys
   * that EKS injects or that the typed options above set, no labels or taints, no arrays of
   * mixed types.
   * @default - none
   */
  readonly extraSettings?: { [key: string]: any };
  /**
   * More settings as TOML text, with the rules of `extraSettings`. Parsed by the stacks
   * library at synth (a TOML parser is not part of the option types).
   * @default - none
   */
  readonly extraToml?: string;
}

/** What every node group can choose; unset options take the defaults given here. */
export interface NodegroupSettings {
  /**
   * Instance types, all of one size (e.g. all `.xlarge`) so Spot can swap them; they must fit the
   * architecture (Graviton for arm64) and the variant (NVIDIA GPUs for NVIDIA).
   * @default - m6i, m6a, m5, m5a and m7i `.xlarge` (x86_64); m7g, m6g, m8g, m6gd, m7gd `.xlarge` (arm64); GPU types for NVIDIA
   * @featured
   */
  readonly instanceTypes?: string[];
  /**
   * Spot or on-demand capacity.
   * @default CapacityType.SPOT
   * @featured
   */
  readonly capacityType?: CapacityType;
  /**
   * CPU architecture of the nodes.
   * @default NodeArchitecture.X86_64
   */
  readonly architecture?: NodeArchitecture;
  /**
   * Bottlerocket variant.
   * @default BottlerocketVariant.STANDARD
   */
  readonly variant?: BottlerocketVariant;
  /**
   * Kubernetes labels of the nodes, besides `role: worker` and `bottlerocket-eks/nodegroup-name`.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * Kubernetes taints of the nodes.
   * @default - none
   */
  readonly taints?: NodeTaint[];
  /**
   * Percentage of nodes replaced at once during an update (1-100).
   * @default 33
   */
  readonly maxUnavailablePercentage?: number;
  /**
   * How EKS replaces the nodes on an update: `DEFAULT` launches the new nodes before it
   * terminates the old ones, `MINIMAL` terminates first (no extra capacity; a group on scarce
   * instance types). Changed in place on a deployed group.
   * @default - EKS's default (`DEFAULT`)
   */
  readonly updateStrategy?: NodegroupUpdateStrategy;
  /**
   * EKS node auto repair: replace nodes that report unhealthy.
   * @default true
   */
  readonly autoRepair?: boolean;
  /**
   * Limits of node auto repair (with `autoRepair`): above how many unhealthy nodes it stops, and
   * how many nodes it repairs at once, each as a count or a percentage. Changed in place.
   * @default - EKS's defaults
   */
  readonly nodeRepair?: NodeRepairLimits;
  /**
   * Create the node group with a launch template (IMDSv2, encrypted gp3 volumes, Bottlerocket
   * settings). A node group created without one can never be moved to one.
   * @default true
   */
  readonly launchTemplate?: boolean;
  /**
   * IMDSv2 hop limit. Keep 1, so pods cannot reach the node's instance credentials; raise
   * to 2 only for pods that must read the instance metadata.
   * @default 1
   */
  readonly httpPutResponseHopLimit?: number;
  /**
   * Size of the data volume `/dev/xvdb` in GiB (images and container storage), 20-16384.
   * @default 20
   */
  readonly dataVolumeSize?: number;
  /**
   * KMS key ARN that encrypts the root and data volumes.
   * @default - the account's default EBS key
   */
  readonly volumeKmsKeyArn?: string;
  /**
   * Bottlerocket settings rendered as TOML user data.
   * @default - only the host containers: control on (off when `ssmAccess` is false), admin off
   */
  readonly bottlerocket?: BottlerocketSettings;
  /**
   * The Bottlerocket release the nodes run, e.g. `1.50.0-5c5b35b5` (see `aws ssm
   * get-parameter --name /aws/service/bottlerocket/aws-k8s-<version>/x86_64/latest/image_version`).
   * Changing it rolls the nodes.
   * @default - the latest release when the group is created or its Kubernetes version changes
   */
  readonly releaseVersion?: string;
  /**
   * EC2 detailed monitoring (one-minute metrics) of the nodes, set in the launch template.
   * @default - false; true with the strict security profile
   */
  readonly detailedMonitoring?: boolean;
}

/** A node group besides the main one, in the same stack. */
export interface ExtraNodegroupOptions extends NodegroupSettings {
  /** Short name: the node group is `<pjPrefix>-<name>` (lowercase letters, digits, hyphens). */
  readonly name: string;
  /**
   * Desired number of nodes.
   * @default 2
   */
  readonly desiredSize?: number;
  /**
   * Minimum number of nodes.
   * @default 1
   */
  readonly minSize?: number;
  /**
   * Maximum number of nodes.
   * @default 4
   */
  readonly maxSize?: number;
}
