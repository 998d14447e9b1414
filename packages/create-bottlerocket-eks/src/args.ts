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

/** `pjPrefix` -> `pj-prefix`: the same switch names projen derives from the project type's options. */
export function kebabCase(setting: string): string {
  return setting.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The command-line flag of an option, with its dashes: `--pj-prefix`. */
export function flagOf(option: OptionSpec): string {
  return `--${kebabCase(option.setting)}`;
}

/** Every known flag, in the order `--help` lists them. */
export const OPTIONS: readonly OptionSpec[] = [
  {
    setting: 'pjPrefix', kind: 'string', placeholder: '<prefix>', required: true,
    description: 'Project prefix that starts every stack, export and resource name (1-24 of a-z, 0-9, -; starts with a letter)',
    defaultText: 'required',
  },
  {
    setting: 'region', kind: 'string', placeholder: '<region>',
    description: 'AWS region to deploy to', defaultText: DEFAULT_REGION,
  },
  {
    setting: 'availabilityZones', kind: 'list', placeholder: '<zone...>',
    description: 'Availability zones of the VPC, at least two, in the region',
    defaultText: `zones ${DEFAULT_ZONE_LETTERS.join(' and ')} of the region (${DEFAULT_ZONE_LETTERS.map((l) => DEFAULT_REGION + l).join(', ')})`,
  },
  {
    setting: 'vpcCidr', kind: 'string', placeholder: '<cidr>',
    description: 'IPv4 CIDR block of the VPC', defaultText: DEFAULT_VPC_CIDR,
  },
  {
    setting: 'natGateways', kind: 'number', placeholder: '<n>',
    description: 'NAT gateways: 1, or up to one per zone', defaultText: String(DEFAULT_NAT_GATEWAYS),
  },
  {
    setting: 'clusterName', kind: 'string', placeholder: '<name>',
    description: 'Name of the EKS cluster', defaultText: '<pj-prefix>-cluster',
  },
  {
    setting: 'kubernetesVersion', kind: 'string', placeholder: '<version>',
    description: `Kubernetes version (one of ${SUPPORTED_KUBERNETES_VERSIONS.join(', ')})`,
    defaultText: DEFAULT_KUBERNETES_VERSION,
  },
  {
    setting: 'endpointPublicAccessCidrs', kind: 'list', placeholder: '<cidr...>',
    description: 'CIDR blocks allowed to reach the public Kubernetes API endpoint',
    defaultText: DEFAULT_PUBLIC_ACCESS_CIDRS.join(', '),
  },
  {
    setting: 'adminPrincipalArns', kind: 'list', placeholder: '<arn...>',
    description: 'IAM role/user ARNs given cluster-admin access, besides the creator', defaultText: 'none',
  },
  {
    setting: 'instanceTypes', kind: 'list', placeholder: '<type...>',
    description: 'Instance types of the node group, all of one size',
    defaultText: `${DEFAULT_INSTANCE_TYPES[NodeArchitecture.X86_64].join(', ')}`
      + ` (arm64: Graviton ${DEFAULT_INSTANCE_TYPES[NodeArchitecture.ARM64].join(', ')})`,
  },
  {
    setting: 'capacityType', kind: 'enum', placeholder: '<type>', choices: Object.values(CapacityType),
    description: 'Spot or on-demand nodes', defaultText: DEFAULT_CAPACITY_TYPE,
  },
  {
    setting: 'architecture', kind: 'enum', placeholder: '<arch>', choices: Object.values(NodeArchitecture),
    description: 'CPU architecture of the nodes (arm64 = Graviton)', defaultText: DEFAULT_ARCHITECTURE,
  },
  {
    setting: 'nodeDesiredSize', kind: 'number', placeholder: '<n>',
    description: 'Desired number of nodes', defaultText: String(DEFAULT_NODE_DESIRED_SIZE),
  },
  {
    setting: 'nodeMinSize', kind: 'number', placeholder: '<n>',
    description: 'Minimum number of nodes', defaultText: String(DEFAULT_NODE_MIN_SIZE),
  },
  {
    setting: 'nodeMaxSize', kind: 'number', placeholder: '<n>',
    description: 'Maximum number of nodes', defaultText: String(DEFAULT_NODE_MAX_SIZE),
  },
  {
    setting: 'accountId', kind: 'string', placeholder: '<id>',
    description: '12-digit AWS account the stacks belong to (deploys elsewhere are refused)', defaultText: 'any account',
  },
];

/**
 * Looks a flag name (without dashes) up in the table. camelCase is accepted too, because
 * projen's yargs accepts `--pjPrefix` as well and we must not let it bypass validation.
 */
export function findOption(name: string): OptionSpec | undefined {
  return OPTIONS.find((o) => kebabCase(o.setting) === name || o.setting === name);
}

/**
 * Settings as typed on the command line. Values are kept raw where they do not parse
 * (e.g. `--nat-gateways two`) so that `Settings.resolve` reports them in its own words.
 */
export type RawSettings = { [K in SettingName]?: string | number | string[] };

/** What the command line asks for. */
export interface ParsedArgs {
  /** The first positional argument: where to create the repository. */
  readonly targetDir?: string;
  /** `--from <spec>`: the npm spec of the project type module. */
  readonly from?: string;
  /** The known flags, as setting values. */
  readonly settings: RawSettings;
  /** Everything for projen, in the user's order: known flags and unknown ones (`--no-git`, ...). */
  readonly passThrough: string[];
  readonly help: boolean;
  readonly version: boolean;
}

/** A malformed command line (missing value, stray argument); a user error, not a bug. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CreateBottlerocketEksUsageError';
  }
}

/** projen's boolean switches: they take no value, so a word after them is not theirs. */
const PROJEN_BOOLEAN_FLAGS = new Set(['post', 'watch', 'w', 'debug', 'synth', 'comments', 'git']);

/** A flag starts with `-`; a negative number (`-1`) is a value, so validation can report it. */
function isFlag(token: string): boolean {
  return token.length > 1 && token.startsWith('-') && !/^-\d/.test(token);
}

/** A comma list and a space list mean the same: `a,b` and `a b`. */
function splitList(values: string[]): string[] {
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

/** `"3"` -> 3; anything else stays a string for `Settings.resolve` to reject by name. */
function parseNumber(value: string): number | string {
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) ? n : value;
}

/**
 * Parses the command line. Pure: no I/O, no defaults applied (validation does that).
 * Throws a `UsageError` for a malformed command line, unless `--help` or `--version`
 * was given (they win, as in most CLIs).
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const settings: RawSettings = {};
  const passThrough: string[] = [];
  let targetDir: string | undefined;
  let from: string | undefined;
  let help = false;
  let version = false;
  let firstError: string | undefined;
  const error = (message: string) => { firstError = firstError ?? message; };

  // The words after a flag, up to the next flag (yargs array style).
  const takeValues = (start: number): string[] => {
    const values: string[] = [];
    for (let j = start; j < argv.length && !isFlag(argv[j]) && argv[j] !== '--'; j++) values.push(argv[j]);
    return values;
  };

  let i = 0;
  while (i < argv.length) {
    const token = argv[i];

    // `--` ends option parsing: the rest belongs to projen as written.
    if (token === '--') {
      passThrough.push(...argv.slice(i));
      break;
    }

    if (!isFlag(token)) {
      if (targetDir === undefined) targetDir = token;
      else error(`unexpected argument "${token}" (only one target directory can be given; put it first)`);
      i++;
      continue;
    }

    const eq = token.indexOf('=');
    const name = token.slice(0, eq === -1 ? undefined : eq).replace(/^--?/, '');
    const inline = eq === -1 ? undefined : token.slice(eq + 1);

    if (token === '--help' || token === '-h') { help = true; i++; continue; }
    if (token === '--version') { version = true; i++; continue; }

    // --from picks the module to create from; projen gets it from us, once.
    if (name === 'from' || token === '-f' || token.startsWith('-f=')) {
      const value = inline ?? takeValues(i + 1).slice(0, 1)[0];
      if (value === undefined || value === '') error(`${token} needs a value, e.g. --from projen-bottlerocket-eks@1.2.3`);
      else if (from !== undefined) error('--from was given more than once');
      else from = value;
      i += inline === undefined && value !== undefined ? 2 : 1;
      continue;
    }

    const option = token.startsWith('--') ? findOption(name) : undefined;
    if (!option) {
      // Not ours: hand it to projen untouched, with the words that follow it unless it is a switch.
      const isSwitch = inline !== undefined || name.startsWith('no-') || PROJEN_BOOLEAN_FLAGS.has(name);
      const values = isSwitch ? [] : takeValues(i + 1);
      passThrough.push(token, ...values);
      i += 1 + values.length;
      continue;
    }

    const flag = flagOf(option);
    if (option.kind === 'list') {
      const raw = inline !== undefined ? [inline] : takeValues(i + 1);
      const values = splitList(raw);
      if (values.length === 0) error(`${flag} needs at least one value`);
      const previous = settings[option.setting];
      settings[option.setting] = [...(Array.isArray(previous) ? previous : []), ...values];
      // projen's yargs does not split commas, so a comma list reaches it as separate words.
      if (raw.some((v) => v.includes(','))) passThrough.push(flag, ...values);
      else passThrough.push(token, ...(inline !== undefined ? [] : raw));
      i += 1 + (inline !== undefined ? 0 : raw.length);
      continue;
    }

    const value = inline ?? takeValues(i + 1).slice(0, 1)[0];
    if (value === undefined) {
      error(`${flag} needs a value`);
      i++;
      continue;
    }
    // yargs would turn a repeated scalar into an array; refuse it instead of guessing.
    if (settings[option.setting] !== undefined) error(`${flag} was given more than once`);
    settings[option.setting] = option.kind === 'number' ? parseNumber(value) : value;
    passThrough.push(token, ...(inline !== undefined ? [] : [value]));
    i += inline !== undefined ? 1 : 2;
  }

  if (firstError !== undefined && !help && !version) throw new UsageError(firstError);
  return { targetDir, from, settings, passThrough, help, version };
}
