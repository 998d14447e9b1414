import { ManagedPolicy, PermissionsBoundary } from 'aws-cdk-lib/aws-iam';
import { Stack, StackProps, Tags } from 'aws-cdk-lib/core';
import { ResolvedSettings, ResourceNames, STACK_KIND_TAG, StackKind } from 'bottlerocket-eks-config';
import { Construct } from 'constructs';
import { StackInputs, stackInputs, TemplateModeProps } from './stack-inputs';
import { NoBootstrapSynthesizer } from './synthesizer';

/** Props every stack of this library takes: the team's resolved settings, template mode and CDK's own. */
export interface BottlerocketEksStackProps extends Omit<StackProps, 'stackName' | 'env' | 'synthesizer'>, TemplateModeProps {
  /** The team's settings, resolved once: `readSettingsFile()` in a team app, or `Settings.resolve(...)`. */
  readonly settings: ResolvedSettings;
}

/**
 * What the three stacks share: a name derived from the prefix, the configured account and
 * region as environment (no lookups, so synth needs no credentials), and a synthesizer that
 * needs no `cdk bootstrap`: the CLI deploys with the caller's own credentials.
 */
export abstract class BottlerocketEksStack extends Stack {
  /** The resolved settings and the derived prefix, region, zones and names. */
  protected readonly inputs: StackInputs;

  protected constructor(scope: Construct, id: string, kind: StackKind, props: BottlerocketEksStackProps) {
    const { settings, templateParameters = false, ...stackProps } = props;
    super(scope, id, {
      ...stackProps,
      stackName: templateParameters ? undefined : new ResourceNames(settings.pjPrefix).stack(kind),
      env: templateParameters ? undefined : { region: settings.region, account: settings.accountId },
      synthesizer: new NoBootstrapSynthesizer(),
      // The node group stack is cheap to recreate; the VPC and the cluster are not.
      terminationProtection: settings.terminationProtection && kind !== StackKind.NODEGROUP,
    });
    this.inputs = stackInputs(this, settings, templateParameters);
    Tags.of(this).add(ResourceNames.PREFIX_TAG, this.inputs.pjPrefix);
    Tags.of(this).add(STACK_KIND_TAG, kind);
    // The GitHub deploy role may create and change only roles that carry this boundary.
    if (settings.rolePermissionsBoundary) {
      PermissionsBoundary.of(this).apply(ManagedPolicy.fromManagedPolicyName(this, 'RolesBoundary', settings.rolePermissionsBoundary));
    }
  }
}
