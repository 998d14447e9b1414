/** The flags of the project type's settings: the single source for parsing and for `--help`. */
import {
  BottlerocketEksSettings,
  CapacityType,
  DEFAULT_ARCHITECTURE,
  DEFAULT_CAPACITY_TYPE,
  DEFAULT_INSTANCE_TYPES,
  DEFAULT_KUBERNETES_VERSION,
  DEFAULT_NAT_GATEWAYS,
  DEFAULT_NODE_DESIRED_SIZE,
  DEFAULT_NODE_MAX_SIZE,
  DEFAULT_NODE_MIN_SIZE,
  DEFAULT_PUBLIC_ACCESS_CIDRS,
  DEFAULT_REGION,
  DEFAULT_VPC_CIDR,
  DEFAULT_ZONE_LETTERS,
  NodeArchitecture,
  SUPPORTED_KUBERNETES_VERSIONS,
  kebabCase,
  optionFlag,
} from 'bottlerocket-eks-config';

/** A setting name of the project type (camelCase), e.g. `pjPrefix`. */
export type SettingName = keyof BottlerocketEksSettings;

/** How a flag's value is read from the command line. */
export type OptionKind = 'string' | 'number' | 'list' | 'enum';

/** One known flag: the single source for parsing and for `--help`. */
export interface OptionSpec {
  /** The setting it fills; the flag is its kebab-case form (what projen's yargs expects too). */
  readonly setting: SettingName;
  readonly kind: OptionKind;
  /** Placeholder shown in `--help`, e.g. `<cidr>`. */
  readonly placeholder: string;
  readonly description: string;
  /** The default as shown in `--help`; taken from bottlerocket-eks-config so it cannot drift. */
  readonly defaultText: string;
  /** Allowed values of an enum flag. */
  readonly choices?: readonly string[];
  readonly required?: boolean;
}

/** The command-line flag of an option: `--pj-prefix`. */
export function flagOf(option: OptionSpec): string {
  return optionFlag(option.setting);
}

/** Every known flag, in the order `--help` lists them. */
export const OPTIONS: readonly OptionSpec[] = [
  {
    setting: 'pjPrefix',
    kind: 'string',
    placeholder: '<prefix>',
    required: true,
    description: 'Project prefix that starts every stack, export and resource name (1-24 of a-z, 0-9, -; starts with a letter)',
    defaultText: 'required',
  },
  {
    setting: 'region',
    kind: 'string',
    placeholder: '<region>',
    description: 'AWS region to deploy to',
    defaultText: DEFAULT_REGION,
  },
  {
    setting: 'availabilityZones',
    kind: 'list',
    placeholder: '<zone...>',
    description: 'Availability zones of the VPC, at least two, in the region',
    defaultText: `zones ${DEFAULT_ZONE_LETTERS.join(' and ')} of the region (${DEFAULT_ZONE_LETTERS.map((l) => DEFAULT_REGION + l).join(', ')})`,
  },
  {
    setting: 'vpcCidr',
    kind: 'string',
    placeholder: '<cidr>',
    description: 'IPv4 CIDR block of the VPC',
    defaultText: DEFAULT_VPC_CIDR,
  },
  {
    setting: 'natGateways',
    kind: 'number',
    placeholder: '<n>',
    description: 'NAT gateways: 1, or up to one per zone',
    defaultText: String(DEFAULT_NAT_GATEWAYS),
  },
  {
    setting: 'clusterName',
    kind: 'string',
    placeholder: '<name>',
    description: 'Name of the EKS cluster',
    defaultText: '<pj-prefix>-cluster',
  },
  {
    setting: 'kubernetesVersion',
    kind: 'string',
    placeholder: '<version>',
    description: `Kubernetes version (one of ${SUPPORTED_KUBERNETES_VERSIONS.join(', ')})`,
    defaultText: DEFAULT_KUBERNETES_VERSION,
  },
  {
    setting: 'endpointPublicAccessCidrs',
    kind: 'list',
    placeholder: '<cidr...>',
    description: 'CIDR blocks allowed to reach the public Kubernetes API endpoint',
    defaultText: DEFAULT_PUBLIC_ACCESS_CIDRS.join(', '),
  },
  {
    setting: 'adminPrincipalArns',
    kind: 'list',
    placeholder: '<arn...>',
    description: 'IAM role/user ARNs given cluster-admin access, besides the creator',
    defaultText: 'none',
  },
  {
    setting: 'instanceTypes',
    kind: 'list',
    placeholder: '<type...>',
    description: 'Instance types of the node group, all of one size',
    defaultText: `${DEFAULT_INSTANCE_TYPES[NodeArchitecture.X86_64].join(', ')}`
      + ` (arm64: Graviton ${DEFAULT_INSTANCE_TYPES[NodeArchitecture.ARM64].join(', ')})`,
  },
  {
    setting: 'capacityType',
    kind: 'enum',
    placeholder: '<type>',
    choices: Object.values(CapacityType),
    description: 'Spot or on-demand nodes',
    defaultText: DEFAULT_CAPACITY_TYPE,
  },
  {
    setting: 'architecture',
    kind: 'enum',
    placeholder: '<arch>',
    choices: Object.values(NodeArchitecture),
    description: 'CPU architecture of the nodes (arm64 = Graviton)',
    defaultText: DEFAULT_ARCHITECTURE,
  },
  {
    setting: 'nodeDesiredSize',
    kind: 'number',
    placeholder: '<n>',
    description: 'Desired number of nodes',
    defaultText: String(DEFAULT_NODE_DESIRED_SIZE),
  },
  {
    setting: 'nodeMinSize',
    kind: 'number',
    placeholder: '<n>',
    description: 'Minimum number of nodes',
    defaultText: String(DEFAULT_NODE_MIN_SIZE),
  },
  {
    setting: 'nodeMaxSize',
    kind: 'number',
    placeholder: '<n>',
    description: 'Maximum number of nodes',
    defaultText: String(DEFAULT_NODE_MAX_SIZE),
  },
  {
    setting: 'accountId',
    kind: 'string',
    placeholder: '<id>',
    description: '12-digit AWS account the stacks belong to (deploys elsewhere are refused)',
    defaultText: 'any account',
  },
];

/**
 * Looks a flag name (without dashes) up in the table. camelCase is accepted too, because
 * projen's yargs accepts `--pjPrefix` as well and we must not let it bypass validation.
 */
export function findOption(name: string): OptionSpec | undefined {
  return OPTIONS.find((o) => kebabCase(o.setting) === name || o.setting === name);
}

