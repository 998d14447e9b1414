import { StackKind } from 'bottlerocket-eks-config';
import { transportFailure } from './aws-errors';
import { Check } from './check';
import { checkQuotas, quotaError, quotaNeed, QuotaFinding } from './quotas';

/**
 * The quotas a first deploy of the network or the cluster counts against. Over a quota the
 * account's Service Quotas say, the deploy is refused; over a default assumed because the
 * quota could not be read, it is only warned of (the account's quota may be higher). A count
 * that cannot run (the caller may not list VPCs, say) is a warning: the deploy may well fit.
 */
export const checkQuotaHeadroom: Check = async ({ settings, names, plan, target, clients }) => {
  const creates = (kind: StackKind) => plan.stacks.some((s) => s.stackName === names.stack(kind) && s.status === 'create');
  const need = quotaNeed(settings, { network: creates(StackKind.NETWORK), cluster: creates(StackKind.CLUSTER) });
  let quotas: QuotaFinding[];
  try {
    quotas = await checkQuotas(clients, need, { account: target.account });
  } catch (error) {
    // AWS could not be asked at all (timeout, throttling, a proxy's answer, expired credentials): the runner stops the deploy.
    if (transportFailure(error)) throw error;
    return { quotas: [], warnings: [`quotas not checked: ${(error as Error).name}: ${(error as Error).message}`] };
  }
  const warnings = quotas.filter((q) => !q.ok && q.source === 'default').map((assumed) =>
    `${assumed.name}: ${assumed.used} used, this deploy adds ${assumed.adding}, over the AWS default of ${assumed.quota} `
    + `(the account's quota ${assumed.quotaCode} could not be read: allow servicequotas:GetServiceQuota to have it checked)`);
  return {
    quotas,
    warnings,
    failure: quotaError(quotas.filter((q) => q.source === 'service-quotas'), { region: settings.region, callerArn: target.callerArn }),
  };
};
