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

/**
 * New clusters get the newest version whose EKS dates are verified (`estimated: false`): a version
 * whose dates are estimated stays selectable (the preflight's support warnings say its date is an
 * estimate), but is never the default.
 */
export const DEFAULT_KUBERNETES_VERSION = newestVerified(KUBERNETES_VERSIONS);

function newestVerified(versions: readonly KubernetesVersionInfo[]): string {
  const verified = versions.filter((v) => !v.estimated);
  if (verified.length === 0) throw new Error('eks-versions-data.ts lists no Kubernetes version with verified dates: there is no default');
  return verified[verified.length - 1].version;
}

/** The table row of `version`, if the product supports it. */
export function kubernetesVersionInfo(version: string): KubernetesVersionInfo | undefined {
  return KUBERNETES_VERSIONS.find((v) => v.version === version);
}

/** The supported version after `version` (the one to upgrade to), if any. */
export function nextKubernetesVersion(version: string): string | undefined {
  const index = SUPPORTED_KUBERNETES_VERSIONS.indexOf(version);
  return index < 0 ? undefined : SUPPORTED_KUBERNETES_VERSIONS[index + 1];
}

/**
 * How long after an in-place upgrade EKS can roll a control plane back one minor version (EKS
 * Best Practices Guide, "Best Practices for Cluster Version Rollback": "within 7 days of an
 * in-place upgrade"); add-ons and managed node groups are the team's to move back.
 */
export const ROLLBACK_WINDOW_DAYS = 7;

/** Where EKS documents the rollback of a control plane. */
export const EKS_ROLLBACK_GUIDE = 'https://docs.aws.amazon.com/eks/latest/userguide/rollback-cluster.html';
