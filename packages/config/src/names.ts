import { createHash } from 'crypto';

/**
 * The export contract between the stacks, in one place: every stack, template and test
 * derives export names from this class, never by writing them out.
 */
export class ExportNames {
  constructor(
    /** The project prefix the names start with. */
    public readonly pjPrefix: string,
  ) {}

  /** `<prefix>-vpc-id`, exported by the network stack. */
  public get vpcId(): string {
    return `${this.pjPrefix}-vpc-id`;
  }

  /** `<prefix>-private-subnet-<letter>`, exported by the network stack for each zone. */
  public privateSubnet(zoneLetter: string): string {
    return `${this.pjPrefix}-private-subnet-${zoneLetter}`;
  }

  /** `<prefix>-public-subnet-<letter>`, exported by the network stack for each zone. */
  public publicSubnet(zoneLetter: string): string {
    return `${this.pjPrefix}-public-subnet-${zoneLetter}`;
  }

  /** `<prefix>-cluster-name`, exported by the cluster stack. */
  public get clusterName(): string {
    return `${this.pjPrefix}-cluster-name`;
  }

  /** `<prefix>-cluster-arn`, exported by the cluster stack. */
  public get clusterArn(): string {
    return `${this.pjPrefix}-cluster-arn`;
  }

  /** `<prefix>-cluster-endpoint`, exported by the cluster stack. */
  public get clusterEndpoint(): string {
    return `${this.pjPrefix}-cluster-endpoint`;
  }

  /** `<prefix>-cluster-certificate-authority`, exported by the cluster stack. */
  public get clusterCertificateAuthority(): string {
    return `${this.pjPrefix}-cluster-certificate-authority`;
  }

  /** `<prefix>-cluster-security-group-id`, exported by the cluster stack. */
  public get clusterSecurityGroupId(): string {
    return `${this.pjPrefix}-cluster-security-group-id`;
  }

  /** `<prefix>-nodegroup-name`, exported by the node group stack. */
  public get nodegroupName(): string {
    return `${this.pjPrefix}-nodegroup-name`;
  }

  /** `<prefix>-node-role-arn`, exported by the node group stack. */
  public get nodeRoleArn(): string {
    return `${this.pjPrefix}-node-role-arn`;
  }
}

/** The three stacks, in deploy order. */
export enum StackKind {
  /** VPC, subnets, gateways: exports the VPC and subnet ids. */
  NETWORK = 'network',
  /** The EKS cluster: imports the private subnets. */
  CLUSTER = 'cluster',
  /** The Bottlerocket managed node group: imports the cluster and the private subnets. */
  NODEGROUP = 'nodegroup',
}

/**
 * Every name derived from the project prefix: stacks, exports, the cluster, node groups and
 * their launch templates. The prefix is a literal, or a CloudFormation parameter's token in
 * the plain templates; names are built by concatenation only, so both work.
 */
export class ResourceNames {
  /** The stack kinds in deploy order (destroy runs the other way). */
  public static readonly DEPLOY_ORDER: StackKind[] = [StackKind.NETWORK, StackKind.CLUSTER, StackKind.NODEGROUP];

  /**
   * The tag every taggable resource of the stacks carries, with the prefix as its value: the
   * GitHub deploy role changes and deletes only what carries its own prefix.
   */
  public static readonly PREFIX_TAG = 'bottlerocket-eks:pj-prefix';

  /**
   * The rule of a `pjPrefix` and of a node group's short name: lowercase letters, digits and
   * hyphens, starting with a letter, not ending with a hyphen (they become DNS-like names).
   */
  public static readonly NAME_PATTERN = '^[a-z](?:[a-z0-9-]*[a-z0-9])?$';

  /**
   * The longest `pjPrefix`: `<prefix>-bottlerocket-ondemand` must fit the 63 characters of a
   * node group name and of a label value.
   */
  public static readonly PJ_PREFIX_MAX_LENGTH = 24;

  /** The longest EKS node group name (also a Kubernetes label value). */
  public static readonly NODEGROUP_NAME_MAX_LENGTH = 63;

  /** What a fingerprint adds to a node group's name: a hyphen and 8 hexadecimal digits. */
  public static readonly FINGERPRINT_LENGTH = 9;

  /**
   * 8 hexadecimal digits that change whenever `createOnly` changes: the values of the
   * properties CloudFormation can only set by replacing a resource. In the resource's name,
   * they make a replacement create the new resource under a new name beside the old one,
   * where a fixed name would stop the update ("cannot update a stack when a custom-named
   * resource requires replacing").
   */
  public static fingerprint(createOnly: any): string {
    return createHash('sha256').update(JSON.stringify(createOnly)).digest('hex').slice(0, 8);
  }

  /** The letter that names a zone's subnets: `ap-northeast-1a` in `ap-northeast-1` is `a`. */
  public static zoneLetter(region: string, availabilityZone: string): string {
    return availabilityZone.slice(region.length);
  }

  /** The main node group's name after the prefix: `bottlerocket-spot` or `bottlerocket-ondemand`. */
  public static mainNodegroup(capacityType: string): string {
    return `bottlerocket-${capacityType === 'SPOT' ? 'spot' : 'ondemand'}`;
  }

  /** The export names of this prefix. */
  public readonly exports: ExportNames;

  constructor(
    /** The project prefix: a literal, or the `PJPrefix` parameter of a plain template. */
    public readonly pjPrefix: string,
  ) {
    this.exports = new ExportNames(pjPrefix);
  }

  /** `<prefix>-<kind>`: the CloudFormation stack name of one stack. */
  public stack(kind: StackKind): string {
    return `${this.pjPrefix}-${kind}`;
  }

  /** The stacks in the order an operation runs them: deploy order, or the reverse for destroy. */
  public stacks(operation: 'deploy' | 'destroy' = 'deploy'): string[] {
    const order = operation === 'destroy' ? [...ResourceNames.DEPLOY_ORDER].reverse() : ResourceNames.DEPLOY_ORDER;
    return order.map((kind) => this.stack(kind));
  }

  /** The EKS cluster: the name the team chose, else `<prefix>-cluster`. */
  public cluster(clusterName?: string): string {
    return clusterName ?? `${this.pjPrefix}-cluster`;
  }

  /**
   * `<prefix>-<group>`: the name a node group keeps for life, from its short name
   * (`ResolvedNodegroup.name`): its label, tags, launch template and README entry.
   */
  public nodegroup(group: string): string {
    return `${this.pjPrefix}-${group}`;
  }

  /**
   * `<prefix>-<group>-<fingerprint>`: the EKS node group's own name, new whenever one of its
   * create-only properties changes (see `fingerprint`), so EKS replaces the group in a
   * rolling way: the new group is created, the old one drained and deleted.
   */
  public nodegroupVersion(group: string, fingerprint: string): string {
    return `${this.nodegroup(group)}-${fingerprint}`;
  }

  /**
   * `<prefix>-stack-roles-boundary`: the managed policy the deploy role template ships, the
   * permissions boundary every role the stacks create must carry when CI deploys them.
   */
  public rolesBoundaryPolicy(): string {
    return `${this.pjPrefix}-stack-roles-boundary`;
  }

  /** `<prefix>-github-deploy`: the role CI deploys with (the default of its template's `RoleName`). */
  public githubDeployRole(): string {
    return `${this.pjPrefix}-github-deploy`;
  }

  /** `<prefix>-github-read`: the read-only role of pull requests (preflight, update plan, `cdk diff`). */
  public githubReadRole(): string {
    return `${this.pjPrefix}-github-read`;
  }

  /** `<prefix>-github-status`: the read-only role of the scheduled `status` workflow on the default branch. */
  public githubStatusRole(): string {
    return `${this.pjPrefix}-github-status`;
  }

  /** A node group's launch template: named like the node group, without the fingerprint (it is updated in place). */
  public launchTemplate(group: string): string {
    return this.nodegroup(group);
  }
}
