// Reads of one resource that may not exist (undefined when AWS has none of that name, as each
// service says so in its own way; any other failure is thrown as it came), and of the version
// updates EKS lists for a resource.
import {
  type Addon, CloudFormationClient, type Cluster, DescribeAddonCommand, DescribeClusterCommand, DescribeStacksCommand, DescribeUpdateCommand,
  EKSClient, paginateListUpdates, type Stack,
} from './sdk';

/** A stack as DescribeStacks has it, or undefined when it does not exist (or was deleted). */
export async function describeStack(cfn: CloudFormationClient, stackName: string): Promise<Stack | undefined> {
  try {
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks?.[0];
    return stack?.StackStatus === 'DELETE_COMPLETE' ? undefined : stack;
  } catch (error) {
    if ((error as Error).name === 'ValidationError' && /does not exist/.test((error as Error).message)) return undefined;
    throw error;
  }
}

/** An EKS cluster (DescribeCluster), or undefined when there is none of that name. */
export async function describeCluster(eks: EKSClient, name: string): Promise<Cluster | undefined> {
  try {
    return (await eks.send(new DescribeClusterCommand({ name }))).cluster;
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

/** An add-on of a cluster (DescribeAddon), or undefined when the cluster has none of that name. */
export async function describeAddon(eks: EKSClient, clusterName: string, addonName: string): Promise<Addon | undefined> {
  try {
    return (await eks.send(new DescribeAddonCommand({ clusterName, addonName }))).addon;
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

/** A successful version update of a cluster or node group: when it started, and what it set (`Version`, `ReleaseVersion`, ...). */
export interface VersionUpdate {
  readonly createdAt: Date;
  readonly params: { readonly [type: string]: string };
}

/**
 * The successful version updates EKS lists for a cluster, or for one of its node groups, newest
 * first (`ListUpdates`, then `DescribeUpdate` of each).
 */
export async function successfulVersionUpdates(eks: EKSClient, clusterName: string, nodegroupName?: string): Promise<VersionUpdate[]> {
  const ids: string[] = [];
  for await (const page of paginateListUpdates({ client: eks }, { name: clusterName, nodegroupName })) ids.push(...(page.updateIds ?? []));
  const describe = async (updateId: string) => (await eks.send(new DescribeUpdateCommand({ name: clusterName, nodegroupName, updateId }))).update;
  const updates = await Promise.all(ids.map(describe));
  return updates
    .filter((u) => u?.type === 'VersionUpdate' && u.status === 'Successful' && u.createdAt !== undefined)
    .map((u) => ({ createdAt: u!.createdAt!, params: Object.fromEntries((u!.params ?? []).map((p) => [p.type ?? '', p.value ?? ''])) }))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}
