/** Whether nodes run on Spot or on-demand capacity. */
export enum CapacityType {
  /** Spare EC2 capacity at a discount; nodes can be reclaimed (the blog's choice). */
  SPOT = 'SPOT',
  /** Regular on-demand capacity. */
  ON_DEMAND = 'ON_DEMAND',
}

/** The CPU architecture of the nodes, which picks the Bottlerocket AMI type. */
export enum NodeArchitecture {
  /** Intel and AMD instances: `BOTTLEROCKET_x86_64`. */
  X86_64 = 'x86_64',
  /** AWS Graviton instances: `BOTTLEROCKET_ARM_64`. */
  ARM64 = 'arm64',
}

/** Which Bottlerocket build the nodes run; with the architecture it picks the EKS AMI type. */
export enum BottlerocketVariant {
  /** The standard Kubernetes variant: `BOTTLEROCKET_x86_64` / `BOTTLEROCKET_ARM_64`. */
  STANDARD = 'STANDARD',
  /** With NVIDIA drivers, for GPU instance types: `BOTTLEROCKET_*_NVIDIA`. */
  NVIDIA = 'NVIDIA',
  /** Built with FIPS 140-3 validated cryptography: `BOTTLEROCKET_*_FIPS`. */
  FIPS = 'FIPS',
}

/**
 * How EKS replaces a node group's nodes when it moves them to a new version or launch template
 * (the EKS API reference, `NodegroupUpdateConfig.updateStrategy`).
 */
export enum NodegroupUpdateStrategy {
  /** Launches the new nodes first, then terminates the old ones, with EKS's guardrails (EKS's default). */
  DEFAULT = 'DEFAULT',
  /** Terminates old nodes before it launches new ones: for groups short of capacity or budget (GPUs, say). */
  MINIMAL = 'MINIMAL',
}

/** What a Kubernetes taint does to pods that do not tolerate it (EKS's spelling). */
export enum TaintEffect {
  NO_SCHEDULE = 'NO_SCHEDULE',
  PREFER_NO_SCHEDULE = 'PREFER_NO_SCHEDULE',
  NO_EXECUTE = 'NO_EXECUTE',
}

/**
 * The control plane's scaling tier (EKS Provisioned Control Plane; the EKS API reference,
 * `ControlPlaneScalingConfig.tier`). `standard` scales with demand at no extra cost; the others
 * keep a fixed capacity and are billed for it (see Amazon EKS pricing).
 */
export enum ControlPlaneTier {
  STANDARD = 'standard',
  TIER_XL = 'tier-xl',
  TIER_2XL = 'tier-2xl',
  TIER_4XL = 'tier-4xl',
  TIER_8XL = 'tier-8xl',
}

/** What EKS node auto repair does to a node in a given unhealthy state (EKS API `RepairAction`). */
export enum NodeRepairAction {
  /** A new node replaces it. */
  REPLACE = 'Replace',
  /** It is rebooted. */
  REBOOT = 'Reboot',
  /** Nothing: the condition is left alone. */
  NO_ACTION = 'NoAction',
}

/**
 * How an environment takes new Bottlerocket releases: the release train (`bottlerocket-eks releases`)
 * proposes them to a following environment by pull request, never to a pinned one.
 */
export enum ReleaseTrain {
  /** New releases are proposed: to the first environment when published, to each next one after they soaked in the one before. */
  FOLLOW = 'follow',
  /** The environment stays on its `bottlerocketRelease` (or what its nodes run); nothing is proposed. */
  PINNED = 'pinned',
}

/** How strictly the stacks are locked down. */
export enum SecurityProfile {
  /** The blog's setup: public API endpoint (limited to `endpointPublicAccessCidrs`), EKS-managed secrets encryption. */
  STANDARD = 'standard',
  /**
   * Passes the AWS Control Tower proactive controls: private-only API endpoint, Kubernetes
   * secrets encrypted with a customer-managed KMS key, control plane logs kept for a set
   * time, detailed monitoring of the nodes.
   */
  STRICT = 'strict',
}
