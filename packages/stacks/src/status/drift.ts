import type { DriftedResource, StackDrift } from './model';
import {
  CloudFormationClient, DescribeStackDriftDetectionStatusCommand, DescribeStackResourceDriftsCommand, DetectStackDriftCommand, StackResourceDrift,
} from '../aws/sdk';
import { sleep } from '../aws/wait';

/** How long to wait for a drift detection, and how often to ask. */
export interface DriftWait {
  /** Seconds before the drift is reported unknown. */
  readonly timeout: number;
  /** Milliseconds between two polls. */
  readonly pollMs: number;
  /** Aborted when the command ends. */
  readonly signal?: AbortSignal;
}

/**
 * Detects the drift of a stack: CloudFormation `DetectStackDrift`, then
 * `DescribeStackDriftDetectionStatus` until the detection ends or `wait.timeout` passes, then
 * the drifted resources with each property expected against actual (`DescribeStackResourceDrifts`).
 * A detection that does not end in time, or fails, leaves the drift unknown, with the reason;
 * it is never reported in sync.
 */
export async function detectStackDrift(cfn: CloudFormationClient, stackName: string, wait: DriftWait): Promise<StackDrift> {
  const { StackDriftDetectionId: id } = await cfn.send(new DetectStackDriftCommand({ StackName: stackName }));
  if (!id) return { status: 'UNKNOWN', reason: 'CloudFormation started no drift detection', resources: [] };
  const until = Date.now() + wait.timeout * 1000;
  for (;;) {
    const detection = await cfn.send(new DescribeStackDriftDetectionStatusCommand({ StackDriftDetectionId: id }));
    if (detection.DetectionStatus === 'DETECTION_FAILED') {
      return { status: 'UNKNOWN', reason: `the drift detection failed: ${detection.DetectionStatusReason ?? 'CloudFormation gives no reason'}`, resources: [] };
    }
    if (detection.DetectionStatus === 'DETECTION_COMPLETE') {
      if (detection.StackDriftStatus !== 'DRIFTED') return { status: 'IN_SYNC', resources: [] };
      return { status: 'DRIFTED', resources: await driftedResources(cfn, stackName) };
    }
    if (Date.now() + wait.pollMs > until) {
      return {
        status: 'UNKNOWN',
        reason: `the drift detection did not end within ${wait.timeout} s (it goes on in CloudFormation: see the stack's drifts in the console)`,
        resources: [],
      };
    }
    await sleep(wait.pollMs, wait.signal);
  }
}

/** The resources that drifted (modified or deleted), every page. */
async function driftedResources(cfn: CloudFormationClient, stackName: string): Promise<DriftedResource[]> {
  const drifts: StackResourceDrift[] = [];
  let NextToken: string | undefined;
  do {
    const page = await cfn.send(new DescribeStackResourceDriftsCommand({
      StackName: stackName, StackResourceDriftStatusFilters: ['MODIFIED', 'DELETED'], NextToken,
    }));
    drifts.push(...(page.StackResourceDrifts ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return drifts.map((drift) => ({
    logicalId: drift.LogicalResourceId ?? '?',
    type: drift.ResourceType ?? '?',
    status: drift.StackResourceDriftStatus ?? '?',
    properties: (drift.PropertyDifferences ?? []).map((p) => ({
      path: p.PropertyPath ?? '?', expected: p.ExpectedValue, actual: p.ActualValue, type: p.DifferenceType ?? 'NOT_EQUAL',
    })),
  }));
}
