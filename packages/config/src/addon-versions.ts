import { ADDON_VERSION_ROWS } from './eks-versions-data';
import { ADDON_NAMES } from './option-keys';

/** The EKS add-on name of each key of `AddonsOptions`. */
export type AddonKey = keyof typeof ADDON_NAMES;

/** Per Kubernetes version, one value per add-on that has one (a missing add-on has none). */
export type AddonTable<T> = Record<string, Partial<Record<AddonKey, T>>>;

function column<T>(pick: (row: { version: string; source: string }) => T): AddonTable<T> {
  return Object.fromEntries(Object.entries(ADDON_VERSION_ROWS).map(([kubernetesVersion, row]) => [kubernetesVersion,
    Object.fromEntries(Object.entries(row).map(([key, entry]) => [key, pick(entry)]))]));
}

/**
 * The verified version of each add-on per supported Kubernetes version: only versions read from
 * a source that says what EKS offers (the EKS API, or the EKS User Guide's tables). An add-on
 * missing from a row has no verified version: unless the team pins one (`addons.<key>.version`),
 * its `AWS::EKS::Addon` has no `AddonVersion` and EKS installs its default version for the
 * cluster's Kubernetes version. Because a listed version follows `kubernetesVersion`, upgrading
 * the cluster upgrades those add-ons in the same deploy. The data and its sources are in
 * `eks-versions-data.ts`, which `npx projen refresh-eks-versions` rewrites from EKS
 * `DescribeAddonVersions`.
 */
export const ADDON_VERSIONS: AddonTable<string> = column((entry) => entry.version);

/** Where each version of `ADDON_VERSIONS` came from, in the same shape. */
export const ADDON_VERSIONS_SOURCES: AddonTable<string> = column((entry) => entry.source);
