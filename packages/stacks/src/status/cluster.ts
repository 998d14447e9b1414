import { readOrNote, StatusContext } from './context';
import type { ClusterStatus, InsightStatus, StatusNote } from './model';
import { supportOf } from './support';
import { describeCluster } from '../aws/reads';
import { DescribeInsightCommand, EKSClient, paginateListInsights } from '../aws/sdk';

/**
 * The cluster: its Kubernetes and platform version, status and health (DescribeCluster), the
 * end of standard support of its version, and its upgrade insights (ListInsights, and
 * DescribeInsight for the recommendation of each one that does not pass).
 */
export async function readCluster(context: StatusContext, notes: StatusNote[]): Promise<ClusterStatus> {
  const { clients, names, settings, now } = context;
  const name = names.cluster(settings.clusterName);
  const settingsVersion = settings.kubernetesVersion;
  const cluster = await describeCluster(clients.eks, name);
  if (!cluster) return { name, exists: false, settingsVersion, healthIssues: [] };
  const version = cluster.version;
  const [support, insights] = await Promise.all([
    version ? supportOf(clients.eks, version, now) : undefined,
    readOrNote(notes, 'cluster', `the upgrade insights of ${name}`, () => upgradeInsights(clients.eks, name)),
  ]);
  return {
    name,
    exists: true,
    version,
    settingsVersion,
    platformVersion: cluster.platformVersion,
    status: cluster.status,
    healthIssues: (cluster.health?.issues ?? []).map((i) => ({ code: i.code ?? '?', message: i.message ?? '' })),
    support,
    insights,
  };
}

/**
 * The cluster's upgrade readiness insights, each with its status; those that do not pass also
 * with EKS's recommendation. EKS computes them on its own schedule and they can lag: one it
 * has not computed is `UNKNOWN`, never counted as passed.
 */
export async function upgradeInsights(eks: EKSClient, clusterName: string): Promise<InsightStatus[]> {
  const summaries = [];
  for await (const page of paginateListInsights({ client: eks }, { clusterName, filter: { categories: ['UPGRADE_READINESS'] } })) {
    summaries.push(...(page.insights ?? []));
  }
  return Promise.all(summaries.map(async (summary): Promise<InsightStatus> => {
    const status = summary.insightStatus?.status ?? 'UNKNOWN';
    const base = {
      id: summary.id ?? '?',
      name: summary.name ?? '?',
      kubernetesVersion: summary.kubernetesVersion ?? '?',
      status,
      reason: summary.insightStatus?.reason,
      lastRefresh: summary.lastRefreshTime?.toISOString(),
    };
    if (status === 'PASSING' || !summary.id) return base;
    const { insight } = await eks.send(new DescribeInsightCommand({ clusterName, id: summary.id }));
    return { ...base, recommendation: insight?.recommendation };
  }));
}
