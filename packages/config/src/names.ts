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

/** Names of stacks and of the resources whose physical names the stacks choose. */
export class ResourceNames {
  /** The stack kinds in deploy order (destroy runs the other way). */
  public static readonly DEPLOY_ORDER: StackKind[] = [StackKind.NETWORK, StackKind.CLUSTER, StackKind.NODEGROUP];

  /** `<prefix>-<kind>`: the CloudFormation stack name of one stack. */
  public static stackName(pjPrefix: string, kind: StackKind): string {
    return `${pjPrefix}-${kind}`;
  }

  /** The default cluster name: `<prefix>-cluster`. */
  public static defaultClusterName(pjPrefix: string): string {
    return `${pjPrefix}-cluster`;
  }

  /** The node group name: `<prefix>-bottlerocket-spot` or `<prefix>-bottlerocket-ondemand`. */
  public static nodegroupName(pjPrefix: string, capacityType: string): string {
    return `${pjPrefix}-bottlerocket-${capacityType === 'SPOT' ? 'spot' : 'ondemand'}`;
  }

  /** The letter that names a zone's subnets: `ap-northeast-1a` in `ap-northeast-1` is `a`. */
  public static zoneLetter(region: string, availabilityZone: string): string {
    return availabilityZone.slice(region.length);
  }
}
