import { kubernetesVersionInfo, nextKubernetesVersion } from 'bottlerocket-eks-config';
import type { SupportStatus } from './model';
import { EKSClient, paginateDescribeClusterVersions } from '../aws/sdk';
import { isAccessDenied } from '../preflight/aws-errors';
import { daysUntil } from '../preflight/kubernetes-support';

/**
 * The end of standard support of a Kubernetes version: EKS's own date (DescribeClusterVersions)
 * when the credentials may ask it, else the product's version table; the result says which.
 * Undefined when neither knows the version.
 */
export async function supportOf(eks: EKSClient, version: string, now: Date): Promise<SupportStatus | undefined> {
  const next = nextKubernetesVersion(version);
  try {
    for await (const page of paginateDescribeClusterVersions({ client: eks }, { clusterVersions: [version] })) {
      const info = (page.clusterVersions ?? []).find((v) => v.clusterVersion === version);
      if (info?.endOfStandardSupportDate) {
        const end = info.endOfStandardSupportDate.toISOString().slice(0, 10);
        return { endOfStandardSupport: end, daysLeft: daysUntil(end, now), source: 'EKS DescribeClusterVersions', estimated: false, next };
      }
    }
  } catch (error) {
    if (!isAccessDenied(error)) throw error;
  }
  const row = kubernetesVersionInfo(version);
  if (!row) return undefined;
  return {
    endOfStandardSupport: row.endOfStandardSupport,
    daysLeft: daysUntil(row.endOfStandardSupport, now),
    source: 'the product\'s version table',
    estimated: row.estimated,
    next,
  };
}
