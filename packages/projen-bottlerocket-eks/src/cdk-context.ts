import { RECOMMENDED_CDK_FEATURE_FLAGS } from './cdk-feature-flags';

/**
 * Recommended feature flags that would change what the stacks library synthesizes, kept at
 * the behaviour the library is built and tested with (so the templates stay as they are).
 */
const KEPT_BEHAVIOUR: { [flag: string]: unknown } = {
  // The library tags each stack with Tags.of(stack): the tags become the stack's own
  // CloudFormation tags, which CloudFormation passes on to every resource and which
  // `bottlerocket-eks templates-from` reads the stack kind from. This flag would drop them.
  '@aws-cdk/core:explicitStackTags': false,
};

/**
 * The context of every `cdk.json` of a team repository: the feature flags `cdk init` gives a
 * new app (those of the aws-cdk-lib this release is built with), so the CDK CLI has none to
 * report as unconfigured, with the few that would change the templates kept as they are.
 */
export function cdkContext(): { [key: string]: unknown } {
  return { ...RECOMMENDED_CDK_FEATURE_FLAGS, ...KEPT_BEHAVIOUR };
}

