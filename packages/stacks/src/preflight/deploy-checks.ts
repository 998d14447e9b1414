import { ResolvedSettings, ResourceNames, StackKind } from 'bottlerocket-eks-config';
import { CloudFormationClient } from '../aws/sdk';
import { updatePlan, UpdatePlan } from '../plan';
import { transportFailure } from './aws-errors';
import { PreflightError, PreflightErrorCode } from './errors';
import { runLiveChecks } from './live-checks';
import { DeployTarget } from './preflight';
import { checkQuotas, QuotaClients, quotaError, QuotaFinding, QuotaNeed, quotaNeed } from './quotas';
import { AssemblyStack } from '../synth/assembly';

/** What a deploy would do, once the caller is known to be the right one. */
export interface DeployCheck {
  /** The update plan of every stack. */
  readonly plan: UpdatePlan;
  /** The quotas a first deploy of the network or cluster counts against (empty when it creates neither). */
  readonly quotas: QuotaFinding[];
  /** What the checks could not establish, said but not refused. */
  readonly warnings: string[];
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
  /** EC2, EKS and Service Quotas clients of the team's region. */
  readonly quotaClients: QuotaClients;
  /**
   * The time the checks run at.
   * @default - now
   */
  readonly now?: Date;
}

/**
 * The checks of a deploy that need the deployed state: the update plan (deployed templates
 * against the synthesized ones, judged with the CloudFormation specification), the quotas a
 * first deploy of the network or the cluster counts against, and a first deploy of the
 * cluster by a caller that is also listed as an admin.
 */
export async function checkDeploy(options: DeployCheckOptions): Promise<DeployCheck> {
  const { settings, target } = options;
  const names = new ResourceNames(settings.pjPrefix);
  const plan = await updatePlan(options.cfn, options.proposed, names);
  const creates = (kind: StackKind) => plan.stacks.some((s) => s.stackName === names.stack(kind) && s.status === 'create');
  const warnings: string[] = [];
  const need = quotaNeed(settings, { network: creates(StackKind.NETWORK), cluster: creates(StackKind.CLUSTER) });
  const [quotas, live] = await Promise.all([
    countQuotas(options.quotaClients, need, target.account, warnings),
    runLiveChecks({ settings, names, target, plan, cfn: options.cfn, clients: options.quotaClients, now: options.now ?? new Date() }),
  ]);
  warnings.push(...live.warnings);
  return {
    plan,
    quotas,
    warnings,
    failure: refusal(plan) ?? quotaRefusal(quotas, settings.region, target.callerArn, warnings)
    ?? (creates(StackKind.CLUSTER) ? creatorListed(target, settings.adminPrincipalArns) : undefined)
    ?? live.failure,
  };
}

function refusal(plan: UpdatePlan): PreflightError | undefined {
  if (plan.refusals.length === 0) return undefined;
  const [first] = plan.refusals;
  const count = plan.refusals.length;
  return new PreflightError(PreflightErrorCode.UPDATE_REFUSED,
    `${count} change${count === 1 ? '' : 's'} would fail inside CloudFormation: ${first.reason}${first.setting ? ` (setting ${first.setting})` : ''}. `
    + 'Nothing was deployed.', first.wayOut);
}

/**
 * The quotas a first deploy counts against. A check that cannot run (the caller may not list
 * VPCs, say) is a warning, not a refusal: the deploy may well fit.
 */
async function countQuotas(clients: QuotaClients, need: QuotaNeed, account: string, warnings: string[]): Promise<QuotaFinding[]> {
  try {
    return await checkQuotas(clients, need, { account });
  } catch (error) {
    // AWS could not be asked at all (timeout, throttling, a proxy's answer, expired credentials): that stops the deploy.
    const failure = transportFailure(error);
    if (failure) throw failure;
    warnings.push(`quotas not checked: ${(error as Error).name}: ${(error as Error).message}`);
    return [];
  }
}

/**
 * Refuses a deploy over a quota the account's Service Quotas say; over a default assumed
 * because the quota could not be read, it only warns (the account's quota may be higher).
 */
function quotaRefusal(quotas: QuotaFinding[], region: string, callerArn: string, warnings: string[]): PreflightError | undefined {
  for (const assumed of quotas.filter((q) => !q.ok && q.source === 'default')) {
    warnings.push(`${assumed.name}: ${assumed.used} used, this deploy adds ${assumed.adding}, over the AWS default of ${assumed.quota} `
      + `(the account's quota ${assumed.quotaCode} could not be read: allow servicequotas:GetServiceQuota to have it checked)`);
  }
  return quotaError(quotas.filter((q) => q.source === 'service-quotas'), { region, callerArn });
}

function creatorListed(target: DeployTarget, adminPrincipalArns: string[]): PreflightError | undefined {
  const listed = listedCaller(target.callerArn, adminPrincipalArns);
  if (!listed) return undefined;
  return new PreflightError(PreflightErrorCode.ADMIN_IS_CREATOR,
    `This deploy creates the cluster as ${target.callerArn}, which adminPrincipalArns also lists (${listed}): `
    + 'EKS gives the cluster\'s creator an access entry itself, so a second one for the same principal fails (409).',
    `Take ${listed} out of adminPrincipalArns for the first deploy (the creator is an admin anyway) and add it back afterwards, `
    + 'or deploy with the credentials of another principal.', target.callerArn);
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
