import { AddonsOptions } from './addons';
import { ControlPlaneTier, ReleaseTrain, SecurityProfile } from './enums';
import { ExtraNodegroupOptions, NodegroupSettings } from './nodegroup';
import { BlockedBottlerocketRelease } from './release-train';

/**
 * Every setting of a deployment but its prefix: what the top level of the settings gives all
 * environments, and what an environment may override. The node group options inherited from
 * `NodegroupSettings` are those of the main node group.
 */
export interface DeploymentSettings extends NodegroupSettings {
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
   * The Kubernetes version of the cluster (and of its node groups and add-ons): one in EKS
   * standard support. Upgrade one minor version at a time.
   * @default - the newest version whose EKS dates the product has verified (`projen new` writes it into `.projenrc.ts`)
   * @pjnew "1.35"
   * @featured
   */
  readonly kubernetesVersion?: string;

  /**
   * The EKS add-ons: each can be turned off (except the networking ones), pinned to a
   * version or given configuration values.
   * @default - every add-on, at the version the product lists for `kubernetesVersion`
   */
  readonly addons?: AddonsOptions;

  /**
   * The security profile. `strict` turns on what the AWS Control Tower proactive controls
   * require: private-only API endpoint, secrets encryption with a customer-managed KMS key,
   * control plane log retention, detailed monitoring of the nodes.
   * @default SecurityProfile.STANDARD
   */
  readonly securityProfile?: SecurityProfile;

  /**
   * Whether the Kubernetes API endpoint is reachable from the internet (limited to
   * `endpointPublicAccessCidrs`). The private endpoint is always on.
   * @default - true with the standard profile, false with strict
   */
  readonly endpointPublicAccess?: boolean;

  /**
   * Envelope encryption of Kubernetes secrets with this KMS key (a key ARN of the cluster's
   * region, not an alias). Only at cluster creation: EKS cannot remove or change it later.
   * @default - with the strict profile, a key the cluster stack creates (with rotation); else none
   */
  readonly secretsKmsKeyArn?: string;

  /**
   * The name of an IAM managed policy of the account that every IAM role the stacks create
   * (cluster, nodes, EBS CSI driver) carries as its permissions boundary. The GitHub deploy
   * role may only create and change roles that carry the boundary its template ships, so a
   * team repository sets this to that policy (`<prefix>-stack-roles-boundary`) for every
   * deployment CI deploys. Changing it updates the roles in place.
   * @default - none; in a team repository, the deploy role template's boundary where CI deploys
   */
  readonly rolePermissionsBoundary?: string;

  /**
   * Days CloudWatch Logs keeps the control plane logs (one of CloudWatch's retention
   * periods: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827,
   * 2192, 2557, 2922, 3288, 3653; at least 365 with the strict profile). When set, the cluster
   * stack owns the log group (an existing one must be imported first: the preflight says how).
   * @default - 365 with the strict profile; else the log group EKS creates, kept forever
   */
  readonly logRetentionDays?: number;

  /**
   * Amazon Application Recovery Controller zonal shift for the cluster: shift traffic away from
   * an impaired availability zone. Changed in place.
   * @default - on with the strict profile; else off (EKS's default)
   */
  readonly zonalShift?: boolean;

  /**
   * The control plane's scaling tier (EKS Provisioned Control Plane): `standard` scales with
   * demand at no extra cost; `tier-xl` to `tier-8xl` keep a fixed capacity, billed per hour by
   * tier (Amazon EKS pricing). Changed in place.
   * @default - EKS's default (`standard`)
   */
  readonly controlPlaneTier?: ControlPlaneTier;

  /**
   * Session Manager access to the nodes: the Bottlerocket control container, and
   * `AmazonSSMManagedInstanceCore` on the node role. Off turns both off.
   * @default true
   */
  readonly ssmAccess?: boolean;

  /**
   * Use this existing VPC instead of creating one: the network stack then creates nothing and
   * exports the given ids under the same export names. Needs `privateSubnetIds`.
   * @default - the network stack creates a VPC
   */
  readonly vpcId?: string;

  /**
   * With `vpcId`: the private subnet of each availability zone, e.g.
   * `{ 'ap-northeast-1a': 'subnet-0123456789abcdef0', ... }`, at least two zones. The zones
   * become `availabilityZones`.
   * @default - none
   */
  readonly privateSubnetIds?: { [availabilityZone: string]: string };

  /**
   * With `vpcId`: the public subnet of each availability zone, for internet-facing load
   * balancers; the same zones as `privateSubnetIds`.
   * @default - no public subnets are exported
   */
  readonly publicSubnetIds?: { [availabilityZone: string]: string };

  /**
   * CIDR blocks allowed to reach the public endpoint of the Kubernetes API (refused while the
   * endpoint is private-only).
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
   * EKS deletion protection on the cluster: EKS refuses to delete it (by hand, or by a stack
   * delete) until it is turned off. `npx projen destroy` turns it off as its first step after
   * `--confirm`, and says so. Changed in place on a deployed cluster.
   * @default true
   */
  readonly deletionProtection?: boolean;

  /**
   * The Bottlerocket release of every node group that sets no `releaseVersion` of its own, such
   * as `1.51.0-47438798`. The release train's pull requests write it. Changing it rolls the
   * groups' nodes in place, by their update configuration.
   * @default - EKS's newest release when a group is created, then unchanged
   */
  readonly bottlerocketRelease?: string;

  /**
   * Whether the release train proposes new Bottlerocket releases to this environment
   * (`follow`) or leaves it where it is (`pinned`). Groups with their own `releaseVersion`
   * are always left where they are.
   * @default ReleaseTrain.FOLLOW
   */
  readonly releaseTrain?: ReleaseTrain;

  /**
   * Days a release must have run in the environment listed before this one (in `environments`)
   * before the release train proposes it here. Not used by the first environment, which gets
   * a release as soon as it is published.
   * @default 7
   */
  readonly releaseSoakDays?: number;

  /**
   * Bottlerocket releases never to run, each with why: the release train does not propose them,
   * and the update plan refuses a deploy that would move a node group onto one. The product's
   * own list of releases with a documented regression applies as well.
   * @default - the product's list only
   */
  readonly blockedBottlerocketReleases?: BlockedBottlerocketRelease[];

  /**
   * The AWS account the stacks belong to. When set, deploys to any other account are
   * refused by the preflight.
   * @default - any account
   * @featured
   */
  readonly accountId?: string;
}

/**
 * What a team chooses for its deployment. Only `pjPrefix` is required; every other
 * setting has the default given in its doc comment.
 */
export interface BottlerocketEksSettings extends DeploymentSettings {
  /**
   * The project prefix (the blog's `PJPrefix`): it starts every stack name, export name
   * and physical name, so two prefixes can share an account and region.
   * 1-24 characters: lowercase letters, digits and hyphens, starting with a letter and
   * not ending with a hyphen.
   */
  readonly pjPrefix: string;
}

/**
 * One environment of a team repository (development, production, a second region): its
 * name, its prefix, and the settings in which it differs from the top level. A setting it
 * gives replaces the top-level one whole (a list or object is not merged).
 */
export interface EnvironmentSettings extends DeploymentSettings {
  /**
   * The environment's name: lowercase letters, digits and hyphens, starting with a letter, at
   * most 16 characters (it names tasks, files and GitHub environments).
   */
  readonly name: string;
  /**
   * The environment's project prefix.
   * @default "<pjPrefix>-<name>"
   */
  readonly pjPrefix?: string;
}
