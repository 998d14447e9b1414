import { ExtraNodegroupOptions, NodegroupSettings } from './nodegroup';

/**
 * What a team chooses for its deployment. Only `pjPrefix` is required; every other
 * setting has the default given in its doc comment. The node group options inherited from
 * `NodegroupSettings` are those of the main node group.
 */
export interface BottlerocketEksSettings extends NodegroupSettings {
  /**
   * The project prefix (the blog's `PJPrefix`): it starts every stack name, export name
   * and physical name, so two prefixes can share an account and region.
   * 1-24 characters: lowercase letters, digits and hyphens, starting with a letter and
   * not ending with a hyphen.
   */
  readonly pjPrefix: string;

  /**
   * The AWS region the stacks are deployed to.
   * @default "ap-northeast-1"
   * @featured
   */
  readonly region?: string;

  /**
   * Accept a `region` that is not in the product's list of known regions (taken from
   * aws-cdk-lib's region database), such as one AWS opened after this release. Its partition
   * is then taken from its name (`cn-` for aws-cn, `us-gov-` for aws-us-gov, else aws).
   * @default false
   */
  readonly allowUnlistedRegion?: boolean;

  /**
   * The availability zones of the VPC, at least two, all in `region`. Each gets one
   * public and one private subnet, exported by its zone letter.
   * @default - zones `a` and `c` of the region, as in the blog
   * @featured
   */
  readonly availabilityZones?: string[];

  /**
   * The IPv4 CIDR block of the VPC, split evenly into the subnets.
   * @default "10.0.0.0/16"
   */
  readonly vpcCidr?: string;

  /**
   * How many NAT gateways to run: 1 (cheaper, one zone's NAT serves all) or one per zone.
   * @default 1
   */
  readonly natGateways?: number;

  /**
   * The name of the EKS cluster.
   * @default "<pjPrefix>-cluster"
   */
  readonly clusterName?: string;

  /**
   * The Kubernetes version of the cluster (and of its node groups).
   * @default "1.35"
   * @featured
   */
  readonly kubernetesVersion?: string;

  /**
   * CIDR blocks allowed to reach the public endpoint of the Kubernetes API.
   * @default ["0.0.0.0/0"]
   */
  readonly endpointPublicAccessCidrs?: string[];

  /**
   * IAM role or user ARNs that get cluster-admin access entries, besides the creator.
   * @default - none
   * @featured
   */
  readonly adminPrincipalArns?: string[];

  /**
   * Desired number of nodes.
   * @default 2
   * @featured
   */
  readonly nodeDesiredSize?: number;

  /**
   * Minimum number of nodes.
   * @default 1
   * @featured
   */
  readonly nodeMinSize?: number;

  /**
   * Maximum number of nodes.
   * @default 4
   * @featured
   */
  readonly nodeMaxSize?: number;

  /**
   * More node groups in the node group stack, e.g. an on-demand system group beside the Spot
   * workers. Their unset options take the defaults of `NodegroupSettings`, not the main
   * group's values.
   * @default - none
   */
  readonly extraNodegroups?: ExtraNodegroupOptions[];

  /**
   * Termination protection on the network and cluster stacks, so a stray `delete-stack`
   * cannot take them (the node group stack is cheap to recreate). Turn it off, deploy, then
   * destroy.
   * @default true
   */
  readonly terminationProtection?: boolean;

  /**
   * The AWS account the stacks belong to. When set, deploys to any other account are
   * refused by the preflight.
   * @default - any account
   * @featured
   */
  readonly accountId?: string;
}
