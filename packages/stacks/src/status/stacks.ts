import { updatePlan } from '../plan';
import { readOrNote, StatusContext } from './context';
import { detectStackDrift } from './drift';
import type { PendingChanges, StackDrift, StackStatus, StatusNote } from './model';
import { describeStack } from '../aws/reads';

/**
 * Each stack of the environment, in deploy order: its status and last update
 * (DescribeStacks), its pending changes when the synthesized stacks are given (the update plan
 * of the preflight), and its drift (unless asked not to). Drift is detected only on a stack
 * in a stable state: CloudFormation refuses it on one being changed.
 */
export async function readStacks(context: StatusContext, notes: StatusNote[]): Promise<StackStatus[]> {
  const { clients, names, proposed, options, settings } = context;
  const cfn = clients.cloudFormation;
  const stackNames = names.stacks('deploy');
  const described = await Promise.all(stackNames.map((name) => describeStack(cfn, name)));
  const plan = proposed?.length ? await updatePlan(cfn, proposed, names, { blockedReleases: settings.blockedBottlerocketReleases }) : undefined;
  return Promise.all(stackNames.map(async (stackName, i): Promise<StackStatus> => {
    const stack = described[i];
    const stackPlan = plan?.stacks.find((s) => s.stackName === stackName);
    const pending = stackPlan && {
      create: stackPlan.changes.filter((c) => c.action === 'create').length,
      update: stackPlan.changes.filter((c) => c.action === 'update').length,
      replace: stackPlan.changes.filter((c) => c.action === 'replace').length,
      delete: stackPlan.changes.filter((c) => c.action === 'delete').length,
      refused: stackPlan.changes.filter((c) => c.refusal).length + stackPlan.exports.length,
    } satisfies PendingChanges;
    if (!stack) return { stackName, exists: false, pending };
    const status = stack.StackStatus ?? 'UNKNOWN';
    let drift: StackDrift | undefined;
    if (!options.drift) {drift = { status: 'NOT_CHECKED', resources: [] };} else if (!isStable(status)) {drift = { status: 'UNKNOWN', reason: `CloudFormation detects no drift of a stack in ${status}`, resources: [] };} else {
      drift = await readOrNote(notes, 'stacks', `the drift of ${stackName}`, () => detectStackDrift(cfn, stackName, {
        timeout: options.driftTimeout, pollMs: options.driftPollMs, signal: context.signal,
      })) ?? { status: 'UNKNOWN', reason: 'the credentials may not detect drift', resources: [] };
    }
    return {
      stackName,
      exists: true,
      status,
      statusReason: stack.StackStatusReason,
      lastUpdated: (stack.LastUpdatedTime ?? stack.CreationTime)?.toISOString(),
      pending,
      drift,
    };
  }));
}

/** A status in which CloudFormation takes a new operation on the stack (drift detection, an update). */
export function isStable(status: string): boolean {
  return ['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE', 'IMPORT_COMPLETE', 'IMPORT_ROLLBACK_COMPLETE'].includes(status);
}
