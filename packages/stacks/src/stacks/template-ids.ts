// Names and ids of resources in the stacks' templates that the preflight reads too, kept
// apart from the constructs so the preflight loads no aws-cdk-lib.
import { ADDON_STACKS, AddonKey, ResolvedAddon, StackKind } from 'bottlerocket-eks-config';

/** The stack kind that installs `addon` (see `ADDON_STACKS`). */
export function addonStack(addon: ResolvedAddon): StackKind {
  return ADDON_STACKS[addon.key as AddonKey];
}

/**
 * The construct id of an add-on, `Addon-<EKS name>` (logical id `Addonvpccni`...): the ids
 * deployed stacks already have, so their add-ons update in place.
 */
export function addonConstructId(addon: ResolvedAddon): string {
  return `Addon-${addon.name}`;
}

/** The logical id of the control plane log group: named in the `import-log-group` way out. */
export const CONTROL_PLANE_LOG_GROUP_ID = 'ControlPlaneLogGroup';

/** The log group EKS writes the control plane logs of `clusterName` to. */
export function controlPlaneLogGroupName(clusterName: string): string {
  return `/aws/eks/${clusterName}/cluster`;
}
