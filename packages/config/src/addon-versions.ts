import { ADDON_NAMES } from './option-keys';

/** The EKS add-on name of each key of `AddonsOptions`. */
export type AddonKey = keyof typeof ADDON_NAMES;

/**
 * The version of each add-on per Kubernetes version.
 */
export const ADDON_VERSIONS: Record<string, Record<AddonKey, string>> = {};
