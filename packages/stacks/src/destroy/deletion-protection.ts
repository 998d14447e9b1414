import { describeCluster } from '../aws/reads';
import { DescribeUpdateCommand, EKSClient, UpdateClusterConfigCommand } from '../aws/sdk';
import { sleep } from '../aws/wait';

/** What turning a cluster's deletion protection off came to. */
export type UnprotectResult =
  | { readonly state: 'no-cluster' }
  | { readonly state: 'already-off' }
  | { readonly state: 'turned-off'; readonly updateId: string };

/** How long to wait for EKS's update, and how often to ask. */
export interface UpdateWait {
  /** Milliseconds between two polls. */
  readonly pollMs: number;
  /** Aborted when the command ends or passes its deadline (which bounds the wait). */
  readonly signal?: AbortSignal;
}

/** An EKS update that ended without success: its status and errors. */
export class ClusterUpdateFailed extends Error {}

/**
 * Turns the deletion protection of `clusterName` off, so a stack delete can delete the cluster:
 * EKS `UpdateClusterConfig` (`deletionProtection: false`), then `DescribeUpdate` until the update
 * succeeds. A cluster that does not exist, or is not protected, is left alone.
 */
export async function turnOffDeletionProtection(eks: EKSClient, clusterName: string, wait: UpdateWait): Promise<UnprotectResult> {
  const cluster = await describeCluster(eks, clusterName);
  if (!cluster) return { state: 'no-cluster' };
  if (cluster.deletionProtection !== true) return { state: 'already-off' };
  const { update } = await eks.send(new UpdateClusterConfigCommand({ name: clusterName, deletionProtection: false }));
  const updateId = update?.id ?? '';
  for (let status = update?.status; status !== 'Successful';) {
    if (status === 'Failed' || status === 'Cancelled') {
      throw new ClusterUpdateFailed(`EKS update ${updateId} of ${clusterName} (deletion protection off) is ${status}`);
    }
    await sleep(wait.pollMs, wait.signal);
    const described = (await eks.send(new DescribeUpdateCommand({ name: clusterName, updateId }))).update;
    status = described?.status;
    if (status === 'Failed') {
      const errors = (described?.errors ?? []).map((e) => `${e.errorCode}: ${e.errorMessage}`).join('; ');
      throw new ClusterUpdateFailed(`EKS update ${updateId} of ${clusterName} (deletion protection off) failed${errors ? `: ${errors}` : ''}`);
    }
  }
  return { state: 'turned-off', updateId };
}
