import { Check, CheckFinding, DeployContext, TargetContext } from './check';
import { PreflightError, PreflightErrorCode } from './errors';
import { describeStack } from '../aws/reads';
import { CloudFormationClient, DescribeStackEventsCommand, type Stack, type StackEvent } from '../aws/sdk';

/** What the stack state check needs. */
export interface StackStateOptions {
  /** A CloudFormation client of the team's region. */
  readonly cfn: CloudFormationClient;
  /** The stacks the operation touches, in its order. */
  readonly stackNames: string[];
  readonly operation: 'deploy' | 'destroy';
  /** The team's region, for the commands of the fix. */
  readonly region: string;
  /**
   * The time the check runs at (to say how long a stack has been busy).
   * @default - now
   */
  readonly now?: Date;
}

/** Pages of stack events read at most (100 events each) to find why a stack failed. */
const MAX_EVENT_PAGES = 5;

/**
 * Before a deploy: each stack the update plan covers is in a state CloudFormation takes an
 * update in (see `checkStackStates`).
 */
export const checkStackState: Check<DeployContext> = (context) => checkStackStates({
  cfn: context.clients.cloudFormation,
  stackNames: context.plan.stacks.map((stack) => stack.stackName),
  operation: 'deploy',
  region: context.settings.region,
  now: context.now,
});

/** Before a destroy: the stacks it deletes, in its order, are in a state CloudFormation deletes (see `checkStackStates`). */
export const checkDestroyStackState: Check<TargetContext> = (context) => checkStackStates({
  cfn: context.clients.cloudFormation,
  stackNames: context.target.stacks,
  operation: 'destroy',
  region: context.settings.region,
  now: context.now,
});

/**
 * Reads each stack's status (CloudFormation DescribeStacks; a stack that does not exist is
 * fine) and refuses, with the way out, what CloudFormation would refuse or what would fail
 * half-way: a stack another operation is changing (`*_IN_PROGRESS`, but `REVIEW_IN_PROGRESS`,
 * a change set never executed, which the CDK CLI takes over); before a deploy also a stack whose
 * update rollback failed, whose delete failed, or whose first create was rolled back (the cause
 * from its events); before a destroy, stacks termination protection holds (the destroy runs
 * `cdk destroy`, which does not turn it off). A destroy of a failed stack is what it needs, so
 * it goes ahead. The first stack in the operation's order that is refused wins.
 */
export async function checkStackStates(options: StackStateOptions): Promise<CheckFinding> {
  const { cfn, operation } = options;
  const stacks = await Promise.all(options.stackNames.map((name) => describeStack(cfn, name)));
  const warnings: string[] = [];
  for (const [i, stack] of stacks.entries()) {
    if (!stack) continue;
    const failure = await stateFailure(options, options.stackNames[i], stack, warnings);
    if (failure) return { warnings, failure };
  }
  if (operation === 'destroy') {
    const failure = protectedStacks(options, options.stackNames.filter((_, i) => stacks[i]?.EnableTerminationProtection === true));
    if (failure) return { warnings, failure };
  }
  return { warnings };
}

async function stateFailure(options: StackStateOptions, name: string, stack: Stack, warnings: string[]): Promise<PreflightError | undefined> {
  const status = stack.StackStatus ?? '';
  const { region } = options;
  const at = `--stack-name ${name} --region ${region}`;
  if (status.endsWith('_IN_PROGRESS') && status !== 'REVIEW_IN_PROGRESS') {
    const since = stack.DeletionTime ?? stack.LastUpdatedTime ?? stack.CreationTime;
    return new PreflightError(PreflightErrorCode.STACK_BUSY,
      `The stack ${name} is ${status}${since ? ` since ${iso(since)} (${ago(since, options.now ?? new Date())})` : ''}: `
      + 'another deploy or destroy is changing it, and CloudFormation takes one operation on a stack at a time.',
      `Wait until it ends (\`aws cloudformation describe-stacks ${at} --query 'Stacks[0].StackStatus'\` shows a status without _IN_PROGRESS), `
      + `then ${options.operation} again.`);
  }
  if (options.operation === 'destroy') return undefined;
  switch (status) {
    case 'UPDATE_ROLLBACK_FAILED': {
      const failed = await failedEvents(options.cfn, name, stack, 'UPDATE_ROLLBACK_IN_PROGRESS', warnings);
      const resources = unique(failed.filter((e) => !isStackEvent(e, name)).map((e) => e.LogicalResourceId ?? ''));
      const last = failed.filter((e) => !isStackEvent(e, name)).pop();
      return new PreflightError(PreflightErrorCode.STACK_ROLLBACK_FAILED,
        `The stack ${name} is UPDATE_ROLLBACK_FAILED: an update failed and so did its rollback`
        + `${last ? ` (${describeEvent(last)})` : reasonOf(stack)}, and CloudFormation takes no update of it until the rollback is finished.`,
        `Fix what stopped the rollback, then \`aws cloudformation continue-update-rollback ${at}\` `
        + `(with \`--resources-to-skip ${resources.length > 0 ? resources.join(' ') : '<LogicalId> ...'}\` for resources that cannot be rolled back: `
        + 'they stay as they are), wait for UPDATE_ROLLBACK_COMPLETE, and deploy again.');
    }
    case 'DELETE_FAILED': {
      const failed = await failedEvents(options.cfn, name, stack, 'DELETE_IN_PROGRESS', warnings);
      const resources = failed.filter((e) => !isStackEvent(e, name));
      const ids = unique(resources.map((e) => e.LogicalResourceId ?? ''));
      return new PreflightError(PreflightErrorCode.STACK_DELETE_FAILED,
        `The stack ${name} is DELETE_FAILED: a delete of it stopped`
        + `${resources.length > 0 ? ` at ${resources.map(describeEvent).join('; ')}` : reasonOf(stack)}, and CloudFormation takes no update of it.`,
        'Fix the cause and finish the delete, keeping what cannot go: '
        + `\`aws cloudformation delete-stack ${at} --retain-resources ${ids.length > 0 ? ids.join(' ') : '<LogicalId> ...'}\`; `
        + 'then deploy again (it creates the stack anew).');
    }
    case 'ROLLBACK_COMPLETE':
    case 'ROLLBACK_FAILED': {
      const failed = await failedEvents(options.cfn, name, stack, 'CREATE_IN_PROGRESS', warnings);
      const first = failed.find((e) => !isStackEvent(e, name)) ?? failed[0];
      const retain = status === 'ROLLBACK_FAILED'
        ? ' (resources whose rollback failed may need `--retain-resources <LogicalId> ...`)' : '';
      return new PreflightError(PreflightErrorCode.STACK_ROLLED_BACK,
        `The stack ${name} is ${status}: its first create failed and was rolled back, so it can only be deleted; `
        + `${first ? `the first failure: ${describeEvent(first)}.` : `why: ${stack.StackStatusReason ? oneLine(stack.StackStatusReason) : 'see its events'}.`}`,
        `Fix the cause, delete the stack (\`aws cloudformation delete-stack ${at}${retain} && aws cloudformation wait stack-delete-complete ${at}\`), `
        + 'then deploy again.');
    }
    default:
      return undefined;
  }
}

function protectedStacks(options: StackStateOptions, names: string[]): PreflightError | undefined {
  if (names.length === 0) return undefined;
  const commands = names.map((name) => `aws cloudformation update-termination-protection --no-enable-termination-protection --stack-name ${name} --region ${options.region}`);
  return new PreflightError(PreflightErrorCode.STACK_PROTECTED,
    `Termination protection holds ${names.join(', ')}: CloudFormation would refuse to delete ${names.length === 1 ? 'it' : 'them'}, `
    + 'half-way through the destroy.',
    `Set terminationProtection: false in .projenrc.ts, run \`npx projen\` and deploy, or turn it off here: \`${commands.join(' && ')}\`; then destroy again.`);
}

/**
 * The `*_FAILED` events of the stack's last operation, oldest first: the events after the
 * stack's own event of status `start` (the operation's beginning), read newest first, at
 * most `MAX_EVENT_PAGES` pages. Events that cannot be read leave a warning and none.
 */
async function failedEvents(cfn: CloudFormationClient, name: string, stack: Stack, start: string, warnings: string[]): Promise<StackEvent[]> {
  const failed: StackEvent[] = [];
  let NextToken: string | undefined;
  try {
    for (let page = 0; page < MAX_EVENT_PAGES; page++) {
      const answer = await cfn.send(new DescribeStackEventsCommand({ StackName: stack.StackId ?? name, NextToken }));
      for (const event of answer.StackEvents ?? []) {
        if (isStackEvent(event, name) && event.ResourceStatus === start) return failed.reverse();
        if (event.ResourceStatus?.endsWith('_FAILED')) failed.push(event);
      }
      NextToken = answer.NextToken;
      if (!NextToken) return failed.reverse();
    }
  } catch (error) {
    warnings.push(`events of ${name} not read (${(error as Error).name}): allow cloudformation:DescribeStackEvents to have the preflight say why it failed`);
    return [];
  }
  // The operation began before the pages read: the earliest failures are not known.
  warnings.push(`events of ${name}: more than ${MAX_EVENT_PAGES * 100}, only the latest read`);
  return [];
}

function isStackEvent(event: StackEvent, name: string): boolean {
  return event.ResourceType === 'AWS::CloudFormation::Stack' && event.LogicalResourceId === name;
}

function describeEvent(event: StackEvent): string {
  return `${event.LogicalResourceId} (${event.ResourceType}) ${event.ResourceStatus}${event.ResourceStatusReason ? `: ${oneLine(event.ResourceStatusReason)}` : ''}`;
}

function reasonOf(stack: Stack): string {
  return stack.StackStatusReason ? ` (${oneLine(stack.StackStatusReason)})` : '';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}

function iso(date: Date): string {
  return date.toISOString().replace(/\.000Z$/, 'Z');
}

function ago(since: Date, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - since.getTime()) / 60_000));
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hours ago`;
  return `${Math.round(hours / 24)} days ago`;
}
