/** A Kubernetes minor version EKS offers, with the dates that matter for a cluster on it. */
export interface KubernetesVersionInfo {
  /** The minor version, e.g. `1.35`. */
  readonly version: string;
  /** The day EKS released it (UTC). */
  readonly eksRelease: string;
  /** The last day of EKS standard support (UTC); after it, a STANDARD-policy cluster is upgraded by EKS. */
  readonly endOfStandardSupport: string;
}

/**
 * The Kubernetes versions the product creates and upgrades clusters to, oldest first.
 * Source: the Amazon EKS Kubernetes release calendar (EKS User Guide, "Understand the
 * Kubernetes version lifecycle on EKS").
 */
export const KUBERNETES_VERSIONS: KubernetesVersionInfo[] = [
  { version: '1.34', eksRelease: '2025-10-02', endOfStandardSupport: '2026-12-02' },
  { version: '1.35', eksRelease: '2026-01-27', endOfStandardSupport: '2027-03-27' },
];

/** Every version in `KUBERNETES_VERSIONS`. */
export const SUPPORTED_KUBERNETES_VERSIONS = KUBERNETES_VERSIONS.map((v) => v.version);

/** New clusters get the newest version. */
export const DEFAULT_KUBERNETES_VERSION = SUPPORTED_KUBERNETES_VERSIONS[SUPPORTED_KUBERNETES_VERSIONS.length - 1];
