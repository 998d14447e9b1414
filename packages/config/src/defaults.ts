import { CapacityType, NodeArchitecture } from './enums';

/** The region of the blog. */
export const DEFAULT_REGION = 'ap-northeast-1';
/** The zone letters of the blog (`private-subnet-a`, `private-subnet-c`). */
export const DEFAULT_ZONE_LETTERS = ['a', 'c'];
export const DEFAULT_VPC_CIDR = '10.0.0.0/16';
export const DEFAULT_NAT_GATEWAYS = 1;
export const DEFAULT_PUBLIC_ACCESS_CIDRS = ['0.0.0.0/0'];
export const DEFAULT_CAPACITY_TYPE = CapacityType.SPOT;
export const DEFAULT_ARCHITECTURE = NodeArchitecture.X86_64;
export const DEFAULT_NODE_DESIRED_SIZE = 2;
export const DEFAULT_NODE_MIN_SIZE = 1;
export const DEFAULT_NODE_MAX_SIZE = 4;

/**
 * Same-size (4 vCPU, 16 GiB) current-generation types, so Spot can draw on several pools;
 * the blog's m5/m4/m3/t3/t2 `.xlarge` with the previous generations replaced.
 */
export const DEFAULT_INSTANCE_TYPES: Record<NodeArchitecture, string[]> = {
  [NodeArchitecture.X86_64]: ['m6i.xlarge', 'm6a.xlarge', 'm5.xlarge', 'm5a.xlarge', 'm7i.xlarge'],
  [NodeArchitecture.ARM64]: ['m7g.xlarge', 'm6g.xlarge', 'm8g.xlarge', 'm6gd.xlarge', 'm7gd.xlarge'],
};

/** GPU types for the NVIDIA variant, 4 vCPU and one GPU each. */
export const DEFAULT_NVIDIA_INSTANCE_TYPES: Record<NodeArchitecture, string[]> = {
  [NodeArchitecture.X86_64]: ['g5.xlarge', 'g6.xlarge', 'g4dn.xlarge'],
  [NodeArchitecture.ARM64]: ['g5g.xlarge'],
};
/** A third of the nodes at a time during updates. */
export const DEFAULT_MAX_UNAVAILABLE_PERCENTAGE = 33;
/** GiB of the Bottlerocket data volume (images, container storage). */
export const DEFAULT_DATA_VOLUME_SIZE = 20;
