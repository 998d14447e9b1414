import { KUBERNETES_VERSION_ROWS } from './eks-versions-data';

/** A Kubernetes minor version EKS offers, with the dates that matter for a cluster on it. */
export interface KubernetesVersionInfo {
  /** The minor version, e.g. `1.35`. */
  readonly version: string;
  /** The day EKS released it (UTC, `YYYY-MM-DD`). */
  readonly eksRelease: string;
  /**
   * The day EKS standard support ends (UTC, `YYYY-MM-DD`; extended support is billed from the
   * start of that day). A cluster with upgrade policy STANDARD is upgraded by EKS from then on.
   */
  readonly endOfStandardSupport: string;
  /** True when the dates are not from EKS but estimated (14 months of standard support). */
  readonly estimated: boolean;
  /** Where the dates came from. */
  readonly source: string;
}

/**
 * The Kubernetes versions in EKS standard support that the product creates and upgrades
 * clusters to, oldest first. The data and its sources are in `eks-versions-data.ts`, which
 * `npx projen refresh-eks-versions` rewrites from the EKS API.
 */
export const KUBERNETES_VERSIONS: KubernetesVersionInfo[] = KUBERNETES_VERSION_ROWS;

/** Every version in `KUBERNETES_VERSIONS`. */
export const SUPPORTED_KUBERNETES_VERSIONS = KUBERNETES_VERSIONS.map((v) => v.version);

/** New clusters get the newest version. */
export const DEFAULT_KUBERNETES_VERSION = SUPPORTED_KUBERNETES_VERSIONS[SUPPORTED_KUBERNETES_VERSIONS.length - 1];

/** The table row of `version`, if the product supports it. */
export function kubernetesVersionInfo(version: string): KubernetesVersionInfo | undefined {
  return KUBERNETES_VERSIONS.find((v) => v.version === version);
}

/** The supported version after `version` (the one to upgrade to), if any. */
export function nextKubernetesVersion(version: string): string | undefined {
  const index = SUPPORTED_KUBERNETES_VERSIONS.indexOf(version);
  return index < 0 ? undefined : SUPPORTED_KUBERNETES_VERSIONS[index + 1];
}
