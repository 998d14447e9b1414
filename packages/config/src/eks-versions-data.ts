// The Kubernetes versions and EKS add-on versions the product offers, in one place.
//
// Curated by hand on 2026-11-25, add-on versions reviewed on 2026-12-03, from the sources noted below. Replace with live data by running
// `npx projen refresh-eks-versions` (EKS DescribeClusterVersions and DescribeAddonVersions;
// needs AWS credentials): it rewrites this whole file, with the date and region it asked.
//
// Kubernetes dates (UTC days). A row is `estimated: false` only when its end of standard support
// comes from EKS's own release calendar (directly, or through a copy of it); the default version
// for new clusters is the newest such row (`DEFAULT_KUBERNETES_VERSION`). Estimated rows stay
// selectable; the preflight's end-of-support warnings on them say the date is an estimate (it
// reads these dates, not EKS's: `npx projen refresh-eks-versions` replaces them with EKS's).
// - 1.34: Amazon EKS User Guide, "Understand the Kubernetes version lifecycle on EKS", table
//   "Amazon EKS Kubernetes release calendar"
//   (https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html; source
//   awsdocs/amazon-eks-user-guide latest/ug/versioning/kubernetes-versions.adoc at commit
//   013856044148d6eeed4723027a45aa2180536bcb, whose newest row is 1.34: release October 2, 2025,
//   end of standard support December 2, 2026).
// - 1.35: end of standard support 27 March 2027 from endoflife.date (endoflife-date/endoflife.date
//   products/amazon-eks.md at commit a70eca337600e7d721dc48112c271f98661d208b, 2026-08-22), which
//   scrapes its end dates from that EKS calendar (its `release_table` is kubernetes-versions.html);
//   the 1.35 row of the calendar itself was not found in a stored copy. The EKS release day is
//   NOT from EKS: endoflife.date's release dates come from EKS-Distro/platform data (28 January
//   2026; 27 January here, the first 1.35 platform version), so `eksRelease` is approximate.
// - 1.36: the same endoflife.date file (1.36 added in its commit 4c9568cb, 2026-06-05): end of
//   standard support 2 August 2027, release 2 June 2026 (EKS-Distro data, not the calendar).
//   Kept `estimated: true`: no copy of the EKS calendar with a 1.36 row was found, and the date
//   agrees with a third-party article (devopsdreams, "Kubernetes 1.36 on Amazon EKS", 2026-08-16).
// - 1.37: no EKS date found anywhere (not in endoflife.date as of 2026-08-22). Upstream
//   Kubernetes released 1.37.0 on 26 August 2026 (kubernetes.io/releases/1.37); EKS has released
//   each minor about five weeks after upstream, so the EKS release is ESTIMATED as 1 October 2026
//   and the end of standard support as 14 months later. `estimated: true` until refreshed.
//
// Add-on versions: only versions read from a source that says what EKS offers are listed, each
// with that source; every other add-on version is absent, and the stacks then write no
// `AddonVersion`: EKS installs its default version for the cluster's Kubernetes version at
// creation (the preflight says which, from DescribeAddonVersions). The listed ones are the
// Amazon EKS User Guide tables "The following table lists the latest version of the Amazon EKS
// add-on type for each Kubernetes version" of kube-proxy and CoreDNS, newest stored copy: the
// Japanese edition (docs.aws.amazon.com/ja_jp/eks/latest/userguide/managing-kube-proxy.md and
// managing-coredns.md, capture date unknown, rows 1.30-1.36). Older copies (zh_cn, en) list
// older builds of the same minors. No source was found for vpc-cni (the guide's table stops at
// 1.33), eks-pod-identity-agent, aws-ebs-csi-driver, metrics-server, eks-node-monitoring-agent,
// nor for any add-on on 1.37.

/** Where the data of this file came from. */
export const EKS_VERSIONS_SOURCE = 'curated by hand on 2026-11-25, reviewed on 2026-12-03 (EKS User Guide and the sources in the header of eks-versions-data.ts)';

/** One row of the Kubernetes table; see `KubernetesVersionInfo`. */
export interface KubernetesVersionRow {
  readonly version: string;
  readonly eksRelease: string;
  readonly endOfStandardSupport: string;
  readonly estimated: boolean;
  readonly source: string;
}

/** The Kubernetes versions in EKS standard support, oldest first. */
export const KUBERNETES_VERSION_ROWS: KubernetesVersionRow[] = [
  { version: '1.34', eksRelease: '2025-10-02', endOfStandardSupport: '2026-12-02', estimated: false, source: 'EKS User Guide release calendar' },
  { version: '1.35', eksRelease: '2026-01-27', endOfStandardSupport: '2027-03-27', estimated: false, source: 'endoflife.date/amazon-eks (its end dates scraped from the EKS release calendar); EKS release day approximate' },
  { version: '1.36', eksRelease: '2026-06-02', endOfStandardSupport: '2027-08-02', estimated: true, source: 'endoflife.date/amazon-eks, no EKS calendar row seen; a third-party article (devopsdreams, 2026-08-16) agrees' },
  { version: '1.37', eksRelease: '2026-10-01', endOfStandardSupport: '2027-12-01', estimated: true, source: 'estimated: upstream 1.37.0 on 2026-08-26 plus about five weeks, then 14 months' },
];

/** A verified add-on version: the version, and where it was read. */
export interface AddonVersionRow {
  readonly version: string;
  readonly source: string;
}

const KUBE_PROXY_TABLE = 'EKS User Guide, "Manage kube-proxy", kube-proxy versions table (docs.aws.amazon.com/ja_jp/eks/latest/userguide/managing-kube-proxy.md)';
const COREDNS_TABLE = 'EKS User Guide, "Manage CoreDNS", CoreDNS versions table (docs.aws.amazon.com/ja_jp/eks/latest/userguide/managing-coredns.md)';

/**
 * The verified add-on versions for each Kubernetes version (keys of `AddonsOptions`). An add-on
 * without an entry has no verified version: the stacks leave its version to EKS.
 */
export const ADDON_VERSION_ROWS: { readonly [kubernetesVersion: string]: { readonly [addon: string]: AddonVersionRow } } = {
  1.34: {
    kubeProxy: { version: 'v1.34.6-eksbuild.13', source: KUBE_PROXY_TABLE },
    coreDns: { version: 'v1.13.2-eksbuild.11', source: COREDNS_TABLE },
  },
  1.35: {
    kubeProxy: { version: 'v1.35.3-eksbuild.13', source: KUBE_PROXY_TABLE },
    coreDns: { version: 'v1.14.3-eksbuild.3', source: COREDNS_TABLE },
  },
  1.36: {
    kubeProxy: { version: 'v1.36.0-eksbuild.14', source: KUBE_PROXY_TABLE },
    coreDns: { version: 'v1.14.3-eksbuild.3', source: COREDNS_TABLE },
  },
  1.37: {},
};
