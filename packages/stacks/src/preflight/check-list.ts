import { checkAddons } from './addon-checks';
import { CheckStages } from './check';
import { checkCreatorListed } from './creator-check';
import { checkExistingVpc } from './existing-vpc-check';
import { checkDestroyConfirmed, checkIdentity, checkShellRegion } from './identity-checks';
import { checkKubernetesSupport } from './kubernetes-support';
import { checkControlPlaneLogGroup } from './log-group-check';
import { checkUpdatePlan } from './plan-checks';
import { checkQuotaHeadroom } from './quota-check';
import { checkDestroyStackState, checkStackState } from './stack-state-check';
import { checkVolumeKeyPolicy } from './volume-key-check';
import { checkAvailabilityZones } from './zone-check';

/**
 * Every check of the preflight, by stage. Within a stage the checks run side by side and the
 * first refusal in this order is the one reported; a check is one module and one line here.
 */
export const PREFLIGHT_CHECKS: CheckStages = {
  local: [checkDestroyConfirmed, checkShellRegion],
  identity: [checkIdentity],
  plan: [checkUpdatePlan],
  deploy: [
    checkStackState, // first: a stack CloudFormation takes no update of makes the other findings moot
    checkQuotaHeadroom,
    checkCreatorListed,
    checkExistingVpc,
    checkAvailabilityZones,
    checkKubernetesSupport,
    checkControlPlaneLogGroup,
    checkAddons,
    checkVolumeKeyPolicy,
  ],
  destroy: [checkDestroyStackState],
};
