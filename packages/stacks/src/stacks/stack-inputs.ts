import { Aws, CfnParameter, CfnRule, Fn, Stack } from 'aws-cdk-lib/core';
import { ResolvedSettings, ResourceNames } from 'bottlerocket-eks-config';

/** What every stack of this library accepts besides its settings. */
export interface TemplateModeProps {
  /**
   * Render the stack as a plain, reusable CloudFormation template: the prefix becomes a
   * `PJPrefix` parameter (no default, so nobody deploys under another team's prefix by
   * accident; `settings.pjPrefix` is then unused), the region is the one deployed to, and
   * each zone is an `AvailabilityZone<letter>` parameter. Used for `templates/`.
   * @default false
   */
  readonly templateParameters?: boolean;
}

/**
 * The values a stack builds from: the resolved settings, and the prefix, region and zones
 * either as literals or, in template mode, as CloudFormation parameters and pseudo
 * parameters. Stacks take the prefix, region and zones from here only, never from
 * `settings`, so template mode cannot bake in a literal.
 */
export interface StackInputs {
  /** The resolved settings. */
  readonly settings: ResolvedSettings;
  /** The prefix: a literal, or the `PJPrefix` parameter in template mode. */
  readonly pjPrefix: string;
  /** The region: a literal, or `AWS::Region` in template mode. */
  readonly region: string;
  /** Every name derived from `pjPrefix`: stacks, exports, cluster, node groups. */
  readonly names: ResourceNames;
  /**
   * The zone letters (`a`, `c`), in alphabetical order whatever order the settings list the
   * zones in (so reordering them changes nothing): they name the subnet exports and slots.
   */
  readonly zoneLetters: string[];
  /** The availability zone of one zone letter: a literal, or a parameter in template mode. */
  availabilityZone(letter: string): string;
}

/** Derives a stack's inputs from resolved settings; in template mode, adds the `PJPrefix` parameter. */
export function stackInputs(stack: Stack, settings: ResolvedSettings, templateParameters: boolean): StackInputs {
  const zoneLetters = settings.availabilityZones.map((zone) => ResourceNames.zoneLetter(settings.region, zone)).sort();
  const pjPrefix = templateParameters ? prefixParameter(stack) : settings.pjPrefix;
  return {
    settings,
    pjPrefix,
    region: templateParameters ? Aws.REGION : settings.region,
    names: new ResourceNames(pjPrefix),
    zoneLetters,
    availabilityZone: (letter) => (templateParameters ? zoneParameter(stack, letter) : `${settings.region}${letter}`),
  };
}

/**
 * The `AvailabilityZone<letter>` parameter of a plain template: the zone whose subnets are
 * exported under that letter. A parameter, because not every region has every letter.
 */
function zoneParameter(stack: Stack, letter: string): string {
  const id = `AvailabilityZone${letter.toUpperCase()}`;
  const existing = stack.node.tryFindChild(id) as CfnParameter | undefined;
  if (existing) return existing.valueAsString;
  const others = stack.node.children.filter((c): c is CfnParameter => c instanceof CfnParameter && c.node.id.startsWith('AvailabilityZone'));
  const parameter = new CfnParameter(stack, id, {
    type: 'AWS::EC2::AvailabilityZone::Name',
    description: `The availability zone of the subnets exported as <PJPrefix>-private-subnet-${letter} and <PJPrefix>-public-subnet-${letter}`,
  });
  for (const other of others) {
    distinctZonesRule(stack).addAssertion(Fn.conditionNot(Fn.conditionEquals(other.valueAsString, parameter.valueAsString)),
      `${other.node.id} and ${id} must name different zones: each zone letter's subnets go in a zone of their own`);
  }
  return parameter.valueAsString;
}

/**
 * The `Rules` entry that makes CloudFormation refuse two equal zone parameters before it
 * creates anything (two letters in one zone would put both subnet pairs there, and the cluster
 * would get subnets in one zone only, which EKS refuses at cluster creation).
 */
function distinctZonesRule(stack: Stack): CfnRule {
  const id = 'DistinctAvailabilityZones';
  return stack.node.tryFindChild(id) as CfnRule | undefined ?? new CfnRule(stack, id);
}

/** The `PJPrefix` parameter of a plain template, with the rule the settings validation applies. */
function prefixParameter(stack: Stack): string {
  const prefix = new CfnParameter(stack, 'PJPrefix', {
    type: 'String',
    description: 'Project name prefix: starts every stack, export and resource name',
    allowedPattern: ResourceNames.NAME_PATTERN,
    maxLength: ResourceNames.PJ_PREFIX_MAX_LENGTH,
    constraintDescription: `lowercase letters, digits and hyphens, starting with a letter, at most ${ResourceNames.PJ_PREFIX_MAX_LENGTH} characters`,
  }).valueAsString;
  stack.templateOptions.metadata = {
    'AWS::CloudFormation::Interface': {
      ParameterGroups: [{ Label: { default: 'Project Name Prefix' }, Parameters: ['PJPrefix'] }],
    },
  };
  return prefix;
}
