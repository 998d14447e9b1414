// The Kubernetes versions and EKS add-on versions the product offers, in one place.
//
// Curated by hand on 2026-11-25 from the sources noted below. Replace with live data by running
// `npx projen refresh-eks-versions` (EKS DescribeClusterVersions and DescribeAddonVersions;
// needs AWS credentials): it rewrites this whole file, with the date and region it asked.
//
// Kubernetes dates (UTC days):
// - 1.34: Amazon EKS User Guide, "Understand the Kubernetes version lifecycle on EKS",
//   Amazon EKS Kubernetes release calendar
//   (https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html; source
//   awsdocs/amazon-eks-user-guide latest/ug/versioning/kubernetes-versions.adoc).
// - 1.35: endoflife.date/amazon-eks, which follows that calendar: end of standard support
//   27 March 2027, EKS release 28 January 2026 there (27 January here: the end of standard
//   support is 14 months after the release day, and the first 1.35 platform version is dated
//   27 January).
// - 1.36: the EKS User Guide release notes say 1.36 is available on EKS, but the stored copy of
//   the calendar had no row for it. Release 2 June 2026 and end of standard support 2 August
//   2027 come from a third-party article ("Kubernetes 1.36 on Amazon EKS", devopsdreams,
//   2026-08-16); they agree with EKS's 14-month rule. `estimated: true` until refreshed.
// - 1.37: no EKS date found. Upstream Kubernetes released 1.37.0 on 26 August 2026
//   (kubernetes.io/releases/1.37); EKS has released each minor about five weeks after upstream,
//   so the EKS release is ESTIMATED as 1 October 2026 and the end of standard support as
//   14 months later. `estimated: true` until refreshed.
//
// Add-on versions: see ADDON_VERSION_SOURCES. Versions marked unverified there are the newest
// versions of that add-on found pinned in public code; the preflight asks EKS
// (DescribeAddonVersions) before every deploy and refuses a version EKS does not offer.

/** Where the data of this file came from. */
export const EKS_VERSIONS_SOURCE = 'curated by hand on 2026-11-25 (EKS User Guide and the sources in the header of eks-versions-data.ts)';

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
  { version: '1.35', eksRelease: '2026-01-27', endOfStandardSupport: '2027-03-27', estimated: false, source: 'endoflife.date/amazon-eks (after the EKS release calendar)' },
  { version: '1.36', eksRelease: '2026-06-02', endOfStandardSupport: '2027-08-02', estimated: true, source: 'third-party article (devopsdreams, 2026-08-16); consistent with the 14-month rule' },
  { version: '1.37', eksRelease: '2026-10-01', endOfStandardSupport: '2027-12-01', estimated: true, source: 'estimated: upstream 1.37.0 on 2026-08-26 plus about five weeks, then 14 months' },
];

/** The add-on version for each Kubernetes version (keys of `AddonsOptions`). */
export const ADDON_VERSION_ROWS: { readonly [kubernetesVersion: string]: { readonly [addon: string]: string } } = {
  1.34: {
    vpcCni: 'v1.20.1-eksbuild.3',
    kubeProxy: 'v1.34.6-eksbuild.13',
    podIdentityAgent: 'v1.3.9-eksbuild.3',
    coreDns: 'v1.13.2-eksbuild.11',
    ebsCsiDriver: 'v1.42.0-eksbuild.1',
    metricsServer: 'v0.8.0-eksbuild.2',
    nodeMonitoringAgent: 'v1.2.0-eksbuild.1',
  },
  1.35: {
    vpcCni: 'v1.20.1-eksbuild.3',
    kubeProxy: 'v1.35.3-eksbuild.13',
    podIdentityAgent: 'v1.3.9-eksbuild.3',
    coreDns: 'v1.14.3-eksbuild.3',
    ebsCsiDriver: 'v1.42.0-eksbuild.1',
    metricsServer: 'v0.8.0-eksbuild.2',
    nodeMonitoringAgent: 'v1.2.0-eksbuild.1',
  },
  1.36: {
    vpcCni: 'v1.20.1-eksbuild.3',
    kubeProxy: 'v1.36.0-eksbuild.14',
    podIdentityAgent: 'v1.3.9-eksbuild.3',
    coreDns: 'v1.14.3-eksbuild.3',
    ebsCsiDriver: 'v1.42.0-eksbuild.1',
    metricsServer: 'v0.8.0-eksbuild.2',
    nodeMonitoringAgent: 'v1.2.0-eksbuild.1',
  },
  1.37: {
    vpcCni: 'v1.20.1-eksbuild.3',
    kubeProxy: 'v1.36.0-eksbuild.14',
    podIdentityAgent: 'v1.3.9-eksbuild.3',
    coreDns: 'v1.14.3-eksbuild.3',
    ebsCsiDriver: 'v1.42.0-eksbuild.1',
    metricsServer: 'v0.8.0-eksbuild.2',
    nodeMonitoringAgent: 'v1.2.0-eksbuild.1',
  },
};

/** Where each add-on's versions came from. */
export const ADDON_VERSION_SOURCES: { readonly [addon: string]: string } = {
  vpcCni: 'UNVERIFIED for 1.34+: v1.20.1-eksbuild.3 is the newest version in the EKS User Guide table '
    + '"Amazon VPC CNI versions" found (listed for 1.27-1.33, one version for every Kubernetes version)',
  kubeProxy: 'EKS User Guide, "Manage kube-proxy", kube-proxy versions table (1.34, 1.35, 1.36; the newest stored copy was the Japanese edition); '
    + 'UNVERIFIED for 1.37: no 1.37 row found, the 1.36 build is within the kube-proxy skew policy',
  podIdentityAgent: 'UNVERIFIED: newest version found pinned in public Terraform (v1.3.9-eksbuild.3); '
    + 'the agent does not follow the Kubernetes version',
  coreDns: 'EKS User Guide, "Manage CoreDNS", CoreDNS versions table (1.34, 1.35, 1.36; the newest stored copy was the Japanese edition); '
    + 'UNVERIFIED for 1.37: the 1.36 version',
  ebsCsiDriver: 'UNVERIFIED: newest version found pinned in public Terraform (v1.42.0-eksbuild.1); '
    + 'the driver does not follow the Kubernetes version',
  metricsServer: 'UNVERIFIED: newest version of the EKS community add-on found pinned in public Terraform',
  nodeMonitoringAgent: 'UNVERIFIED: the add-on image tag found in a public Helm chart (v1.2.0-eksbuild.1)',
};
