import { Aws, CfnParameter, Stack } from 'aws-cdk-lib';
import { ExportNames, ResolvedSettings, ResourceNames, Settings } from 'bottlerocket-eks-config';

/** What every stack of this library accepts besides its settings. */
export interface TemplateModeProps {
  /**
   * Render the stack as a plain, reusable CloudFormation template: the prefix becomes a
   * `PJPrefix` parameter (no default, so nobody deploys under another team's prefix by
   * accident; `pjPrefix` is then only validated), the region is the one deployed to,
   * and zones are named by their letters in that region. Used for `templates/`.
   * @default false
   */
  readonly templateParameters?: boolean;
}

/**
 * The values a stack builds from: validated settings, and the prefix, region and zones
 * either as literals or, in template mode, as CloudFormation parameters and pseudo
 * parameters.
 */
export interface StackInputs {
  /** The validated settings as given (literal values). */
  readonly settings: ResolvedSettings;
  /** The prefix: a literal, or the `PJPrefix` parameter in template mode. */
  readonly pjPrefix: string;
  /** The region: a literal, or `AWS::Region` in template mode. */
  readonly region: string;
  /** Export names derived from `pjPrefix`. */
  readonly exportNames: ExportNames;
  /** The zone letters (`a`, `c`): they name the subnet exports. */
  readonly zoneLetters: string[];
  /** The availability zone of one zone letter. */
  availabilityZone(letter: string): string;
}

/** Derives a stack's inputs from validated settings; in template mode, adds the `PJPrefix` parameter. */
export function stackInputs(stack: Stack, settings: ResolvedSettings, templateParameters: boolean): StackInputs {
  const zoneLetters = settings.availabilityZones.map((zone) => ResourceNames.zoneLetter(settings.region, zone));
  let pjPrefix = settings.pjPrefix;
  let region = settings.region;
  if (templateParameters) {
    pjPrefix = new CfnParameter(stack, 'PJPrefix', {
      type: 'String',
      description: 'Project name prefix: starts every stack, export and resource name',
      // The same rule the settings validation applies.
      allowedPattern: Settings.PJ_PREFIX_PATTERN,
      maxLength: Settings.PJ_PREFIX_MAX_LENGTH,
      constraintDescription: `lowercase letters, digits and hyphens, starting with a letter, at most ${Settings.PJ_PREFIX_MAX_LENGTH} characters`,
    }).valueAsString;
    region = Aws.REGION;
    stack.templateOptions.metadata = {
      'AWS::CloudFormation::Interface': {
        ParameterGroups: [{ Label: { default: 'Project Name Prefix' }, Parameters: ['PJPrefix'] }],
      },
    };
  }
  return {
    settings,
    pjPrefix,
    region,
    exportNames: new ExportNames(pjPrefix),
    zoneLetters,
    availabilityZone: (letter) => `${region}${letter}`,
  };
}
