import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { ResolvedSettings, ResourceNames, StackKind } from 'bottlerocket-eks-config';
import { AssemblyStack } from '../assembly';
import { updatePlan, UpdatePlan } from '../plan';
import { PreflightError, PreflightErrorCode } from './errors';
import { DeployTarget } from './preflight';

/** What a deploy would do, once the caller is known to be the right one. */
export interface DeployCheck {
  /** The update plan of every stack. */
  readonly plan: UpdatePlan;
  /** Why the deploy must not start, if it must not. */
  readonly failure?: PreflightError;
}

/** What the deploy checks need. */
export interface DeployCheckOptions {
  readonly settings: ResolvedSettings;
  /** Who and where, from the identity preflight. */
  readonly target: DeployTarget;
  /** The synthesized stacks (from `cdk.out`). */
  readonly proposed: AssemblyStack[];
  /** A CloudFormation client of the team's region. */
  readonly cfn: CloudFormationClient;
}

/**
 * The checks of a deploy that need the deployed state: the update plan (deployed templates
 * against the synthesized ones, judged with the CloudFormation specification), and a first
 * deploy of the cluster by a caller that is also listed as an admin.
 */
export async function checkDeploy(options: DeployCheckOptions): Promise<DeployCheck> {
  const names = new ResourceNames(options.settings.pjPrefix);
  const plan = await updatePlan(options.cfn, options.proposed, names);
  if (plan.refusals.length > 0) {
    const [first] = plan.refusals;
    const failure = new PreflightError(PreflightErrorCode.UPDATE_REFUSED,
      `${plan.refusals.length} change${plan.refusals.length === 1 ? '' : 's'} would fail inside CloudFormation: ${first.reason}`
      + `${first.setting ? ` (setting ${first.setting})` : ''}. Nothing was deployed.`,
      first.wayOut, options.target.callerArn);
    return { plan, failure };
  }
  const clusterStack = names.stack(StackKind.CLUSTER);
  const creatingCluster = plan.stacks.some((s) => s.stackName === clusterStack && s.status === 'create');
  const listed = creatingCluster ? listedCaller(options.target.callerArn, options.settings.adminPrincipalArns) : undefined;
  if (listed) {
    const failure = new PreflightError(PreflightErrorCode.ADMIN_IS_CREATOR,
      `This deploy creates the cluster as ${options.target.callerArn}, which adminPrincipalArns also lists (${listed}): `
      + 'EKS gives the cluster\'s creator an access entry itself, so a second one for the same principal fails (409).',
      `Take ${listed} out of adminPrincipalArns for the first deploy (the creator is an admin anyway) and add it back afterwards, `
      + 'or deploy with the credentials of another principal.', options.target.callerArn);
    return { plan, failure };
  }
  return { plan };
}

/**
 * The entry of `adminPrincipalArns` that is the caller: its IAM user, or the IAM role of its
 * STS session (a session ARN names the role without its path, so roles match by account and name).
 */
export function listedCaller(callerArn: string, adminPrincipalArns: string[]): string | undefined {
  const session = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(callerArn);
  return adminPrincipalArns.find((arn) => {
    if (arn === callerArn) return true;
    const role = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(arn);
    return session !== null && role !== null && role[1] === session[1] && role[2] === session[2] && role[3] === session[3];
  });
}
