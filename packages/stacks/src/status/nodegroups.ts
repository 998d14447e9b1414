import { BottlerocketVariant, ResolvedNodegroup } from 'bottlerocket-eks-config';
import { readOrNote, StatusContext } from './context';
import type { NodegroupStatus, StatusNote } from './model';
import { DescribeNodegroupCommand, EKSClient, GetParameterCommand, paginateListNodegroups, SSMClient } from '../aws/sdk';

/**
 * Each node group the settings define: its EKS node group (found by name among the cluster's:
 * the EKS name ends in a fingerprint of its create-only properties), status, health, sizes
 * and the Kubernetes version and Bottlerocket release its nodes run (DescribeNodegroup),
 * against the newest release for that version, architecture and variant (a public SSM parameter).
 */
export async function readNodegroups(context: StatusContext, notes: StatusNote[], clusterExists: boolean): Promise<NodegroupStatus[]> {
  const { clients, names, settings } = context;
  const clusterName = names.cluster(settings.clusterName);
  const eksNames = clusterExists ? await listNodegroups(clients.eks, clusterName) : [];
  // Groups of the same Kubernetes version, architecture and variant share a parameter: asked once.
  const releases = new Map<string, Promise<string | undefined>>();
  const newestRelease = (parameter: string) => {
    if (!releases.has(parameter)) {
      releases.set(parameter, readOrNote(notes, 'nodegroups', `the newest Bottlerocket release (${parameter})`, () => latestBottlerocketRelease(clients.ssm, parameter)));
    }
    return releases.get(parameter)!;
  };
  return Promise.all(settings.nodegroups.map(async (group): Promise<NodegroupStatus> => {
    const name = names.nodegroup(group.name);
    const settingsSize = { desired: group.desiredSize, min: group.minSize, max: group.maxSize };
    const nodegroupName = findNodegroupName(eksNames, name);
    const nodegroup = nodegroupName
      ? (await clients.eks.send(new DescribeNodegroupCommand({ clusterName, nodegroupName }))).nodegroup
      : undefined;
    const version = nodegroup?.version ?? settings.kubernetesVersion;
    const parameter = bottlerocketReleaseParameter(version, group);
    const latestRelease = await newestRelease(parameter);
    if (!nodegroup) return { name, exists: false, healthIssues: [], latestRelease, latestReleaseParameter: parameter, settingsSize };
    const scaling = nodegroup.scalingConfig;
    return {
      name,
      nodegroupName,
      exists: true,
      status: nodegroup.status,
      healthIssues: (nodegroup.health?.issues ?? []).map((i) => ({ code: i.code ?? '?', message: i.message ?? '' })),
      version: nodegroup.version,
      releaseVersion: nodegroup.releaseVersion,
      latestRelease,
      latestReleaseParameter: parameter,
      size: scaling ? { desired: scaling.desiredSize ?? 0, min: scaling.minSize ?? 0, max: scaling.maxSize ?? 0 } : undefined,
      settingsSize,
    };
  }));
}

/** Where Bottlerocket publishes its releases: public SSM parameters, one folder per variant and architecture. */
export const BOTTLEROCKET_PARAMETERS = '/aws/service/bottlerocket';

/** The Bottlerocket variant and architecture of a group's nodes, as its parameters name them: `aws-k8s-<version>[-nvidia|-fips]/<x86_64|arm64>`. */
export function bottlerocketVariant(kubernetesVersion: string, group: Pick<ResolvedNodegroup, 'architecture' | 'variant'>): string {
  const suffix = group.variant === BottlerocketVariant.NVIDIA ? '-nvidia' : group.variant === BottlerocketVariant.FIPS ? '-fips' : '';
  return `aws-k8s-${kubernetesVersion}${suffix}/${group.architecture}`;
}

/**
 * The public SSM parameter that names the newest Bottlerocket release of a variant:
 * `/aws/service/bottlerocket/aws-k8s-<version>[-nvidia|-fips]/<x86_64|arm64>/latest/image_version`.
 */
export function bottlerocketReleaseParameter(kubernetesVersion: string, group: Pick<ResolvedNodegroup, 'architecture' | 'variant'>): string {
  return `${BOTTLEROCKET_PARAMETERS}/${bottlerocketVariant(kubernetesVersion, group)}/latest/image_version`;
}

/** The EKS name of the group named `name` among a cluster's: it ends in a fingerprint of the group's create-only properties. */
export function findNodegroupName(eksNames: string[], name: string): string | undefined {
  return eksNames.find((n) => new RegExp(`^${escapeRegExp(name)}-[0-9a-f]+$`).test(n));
}

/** The release a parameter names, or undefined when AWS has no such parameter (no release of that variant). */
async function latestBottlerocketRelease(ssm: SSMClient, parameter: string): Promise<string | undefined> {
  try {
    return (await ssm.send(new GetParameterCommand({ Name: parameter }))).Parameter?.Value;
  } catch (error) {
    if ((error as Error).name === 'ParameterNotFound') return undefined;
    throw error;
  }
}

/** The names of a cluster's node groups (ListNodegroups). */
export async function listNodegroups(eks: EKSClient, clusterName: string): Promise<string[]> {
  const names: string[] = [];
  for await (const page of paginateListNodegroups({ client: eks }, { clusterName })) names.push(...(page.nodegroups ?? []));
  return names;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
