import { PRICE_TABLE, shippedPrices } from '../cost';
import { updatePlan } from '../plan';
import { Check, PlanContext } from './check';
import { PreflightError, PreflightErrorCode } from './errors';

/**
 * The update plan: each deployed template against the synthesized one, judged with the
 * CloudFormation specification (what is updated in place, what replaced, what refused).
 */
export const checkUpdatePlan: Check<PlanContext> = async ({ clients, proposed, names, settings }) => {
  const plan = await updatePlan(clients.cloudFormation, proposed, names, {
    blockedReleases: settings.blockedBottlerocketReleases,
    cost: { prices: shippedPrices(PRICE_TABLE.prices, settings.partition), region: settings.region },
  });
  if (plan.refusals.length === 0) return { plan };
  const [first] = plan.refusals;
  const count = plan.refusals.length;
  return {
    plan,
    failure: new PreflightError(PreflightErrorCode.UPDATE_REFUSED,
      `${count} change${count === 1 ? '' : 's'} would fail inside CloudFormation: ${first.reason}${first.setting ? ` (setting ${first.setting})` : ''}. `
      + 'Nothing was deployed.', first.wayOut),
  };
};
