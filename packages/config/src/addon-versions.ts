import { ADDON_VERSION_ROWS, ADDON_VERSION_SOURCES } from './eks-versions-data';
import { ADDON_NAMES } from './option-keys';

/** The EKS add-on name of each key of `AddonsOptions`. */
export type AddonKey = keyof typeof ADDON_NAMES;

/**
 * The version of each add-on per supported Kubernetes version. Because the version follows
 * `kubernetesVersion`, upgrading the cluster upgrades the add-ons in the same deploy. The data
 * and its sources are in `eks-versions-data.ts`, which `npx projen refresh-eks-versions`
 * rewrites from EKS `DescribeAddonVersions`.
 */
export const ADDON_VERSIONS = ADDON_VERSION_ROWS as Record<string, Record<AddonKey, string>>;

/** Where the versions of each add-on came from (unverified ones say so). */
export const ADDON_VERSIONS_SOURCES = ADDON_VERSION_SOURCES as Record<AddonKey, string>;
