import { EKS_ROLLBACK_GUIDE, ROLLBACK_WINDOW_DAYS } from 'bottlerocket-eks-config';
import { successfulVersionUpdates } from '../aws/reads';
import { EKSClient } from '../aws/sdk';
import type { EnvironmentStatus } from '../status';
import type { UpgradeRecord } from './record';
import type { UpgradeRefusal } from './step';

/** The way back of a recorded upgrade step, in the order to take it. */
export interface RollbackPlan {
  readonly from: string;
  readonly to: string;
  /** When EKS finished the version update, and until when it can roll the control plane back (ISO 8601). */
  readonly upgradedAt: string;
  readonly rollbackUntil: string;
  /** What EKS rolls back, and what the team moves back itself, in order. */
  readonly steps: string[];
}

/** When EKS's last successful version update of the cluster to `version` was made (ListUpdates, DescribeUpdate), if any. */
export async function versionUpdateTime(eks: EKSClient, clusterName: string, version: string): Promise<Date | undefined> {
  return (await successfulVersionUpdates(eks, clusterName)).find((u) => u.params.Version === version)?.createdAt;
}

/**
 * The way back of `record` for the cluster as it runs now: refused when the step was not
 * deployed (nothing to roll back in AWS: revert the commit), when the cluster runs another
 * version than the step's, when EKS has no record of the update, or after the rollback window.
 */
export function planRollback(
  record: UpgradeRecord, status: EnvironmentStatus, upgradedAt: Date | undefined, now: Date, deployCommand: string,
): RollbackPlan | UpgradeRefusal {
  const running = status.cluster.version;
  const { from, to } = record;
  if (running === from) {
    return { reason: `the recorded step ${from} -> ${to} was not deployed: the cluster still runs ${from}`, fix: `set kubernetesVersion back to ${from} in .projenrc.ts (or revert the commit of the step) and run \`npx projen\`` };
  }
  if (running !== to) return { reason: `the cluster runs Kubernetes ${running ?? 'nothing'}, not ${to} of the recorded step ${from} -> ${to}`, fix: 'there is no recorded step to take back' };
  if (!upgradedAt) return { reason: `EKS lists no successful version update of ${status.cluster.name} to ${to}`, fix: `see the cluster's update history (aws eks list-updates --name ${status.cluster.name})` };
  const until = new Date(upgradedAt.getTime() + ROLLBACK_WINDOW_DAYS * 24 * 60 * 60 * 1000);
  if (now.getTime() > until.getTime()) {
    return {
      reason: `EKS upgraded ${status.cluster.name} to ${to} on ${upgradedAt.toISOString().slice(0, 16)} UTC: the ${ROLLBACK_WINDOW_DAYS}-day rollback window ended on ${until.toISOString().slice(0, 16)} UTC`,
      fix: `a control plane does not go back to ${from} after that: fix forward (workloads, add-ons), or rebuild the environment on ${from}`,
    };
  }
  const nodegroups = record.nodegroups.map((g) => `${g.nodegroupName ?? g.name}: Kubernetes ${g.version ?? from}, Bottlerocket ${g.releaseVersion ?? 'as before'}`);
  const addons = record.addons.filter((a) => a.from !== a.to).map((a) => `${a.name} ${a.to ?? 'EKS default'} -> ${a.from ?? 'as before'}`);
  return {
    from,
    to,
    upgradedAt: upgradedAt.toISOString(),
    rollbackUntil: until.toISOString(),
    steps: [
      `Node groups (yours to move; Kubernetes does not let nodes run a newer version than the control plane): back to ${nodegroups.join('; ') || from}.`,
      `Control plane (EKS rolls it back): start the version rollback to ${from} before ${until.toISOString().slice(0, 16)} UTC, as the EKS User Guide says (${EKS_ROLLBACK_GUIDE}); `
        + 'EKS reverts the API server and control plane components and keeps etcd data, workloads and volumes.',
      `Add-ons (yours; EKS does not roll them back): ${addons.join('; ') || 'none changed versions'}.`,
      `The repository: set kubernetesVersion back to ${from} in .projenrc.ts (or revert the commit of the step), run \`npx projen\`, and \`${deployCommand}\` once the rollback is done, so the templates say what runs.`,
    ],
  };
}
