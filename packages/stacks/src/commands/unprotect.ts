import { parseArgs } from 'util';
import { PREFLIGHT_FLAGS, ResourceNames } from 'bottlerocket-eks-config';
import { AWS_LIMIT_OPTIONS, awsLimitsOf, failedCommandExit } from './aws-command';
import { AWS_LIMIT_ENV, AwsClients } from '../aws/clients';
import { ClusterUpdateFailed, turnOffDeletionProtection } from '../destroy/deletion-protection';
import { detectShellRegion, PREFLIGHT_CHECKS, preflightClients, runPreflight } from '../preflight';
import { withDeadline } from '../preflight/aws-errors';
import { CommandIo } from '../process/io';
import { readSettingsFile } from '../synth/settings-file';

/** Milliseconds between two polls of EKS's update. */
const UPDATE_POLL_MS = 5000;

/** EKS's update takes longer than the preflight's reads: the deadline (unless set) leaves room for it. */
const UNPROTECT_DEADLINE = 600;

/**
 * `bottlerocket-eks unprotect --confirm=<pjPrefix>`: the first step of a confirmed destroy. With
 * the preflight's checks of a destroy first (the confirmation, the region, the account), it turns
 * the cluster's EKS deletion protection off, so the stack delete after it can delete the cluster,
 * and says so. Exit 0 when the cluster can be deleted (or there is none), 1 otherwise.
 */
export async function unprotectCommand(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      [PREFLIGHT_FLAGS.confirm]: { type: 'string' },
      [PREFLIGHT_FLAGS.settings]: { type: 'string' },
      [PREFLIGHT_FLAGS.environment]: { type: 'string' },
      ...AWS_LIMIT_OPTIONS,
    },
  });
  const limits = awsLimitsOf('unprotect', values, { [AWS_LIMIT_ENV.deadline]: String(UNPROTECT_DEADLINE), ...io.env });
  const settings = readSettingsFile({ file: values.settings, environment: values.environment });
  const clusterName = new ResourceNames(settings.pjPrefix).cluster(settings.clusterName);
  const shellRegion = await detectShellRegion(io.env);
  const aws = new AwsClients(settings.region, limits);
  try {
    return await withDeadline(aws, async () => {
      const clients = preflightClients(settings, shellRegion, aws);
      // Who and where, and the confirmation: the preflight's own checks of a destroy.
      const { failure } = await runPreflight({ settings, operation: 'destroy', confirm: values.confirm, shellRegion, clients },
        { ...PREFLIGHT_CHECKS, plan: [], deploy: [], destroy: [] });
      if (failure) throw failure;
      const result = await turnOffDeletionProtection(clients.eks, clusterName, { pollMs: UPDATE_POLL_MS, signal: aws.signal });
      io.err.write(result.state === 'turned-off'
        ? `Deletion protection of the EKS cluster ${clusterName} is off (EKS update ${result.updateId}): the destroy deletes it next. `
          + 'If the destroy stops before, turn it back on (EKS UpdateClusterConfig, deletionProtection true): a deploy does not, since the template did not change.\n'
        : result.state === 'already-off' ? `Deletion protection of the EKS cluster ${clusterName} is already off.\n`
          : `No EKS cluster ${clusterName}: no deletion protection to turn off.\n`);
      return 0;
    }, 'Unprotect');
  } catch (error) {
    if (error instanceof ClusterUpdateFailed) {
      io.err.write(`Unprotect failed: ${error.message}. Nothing was deleted; see the update in the EKS console, then destroy again.\n`);
      return 1;
    }
    return failedCommandExit(error, io, 'text', 'Unprotect');
  }
}
