import { ResolvedSettings, ResourceNames } from 'bottlerocket-eks-config';
import { CloudFormationClient } from '../aws/sdk';
import { UpdatePlan } from '../plan';
import { checkAddons } from './addon-checks';
import { transportFailure } from './aws-errors';
import { PreflightError } from './errors';
import { checkExistingVpc } from './existing-vpc-check';
import { checkKubernetesSupport } from './kubernetes-support';
import { checkControlPlaneLogGroup } from './log-group-check';
import { DeployTarget } from './preflight';
import { QuotaClients } from './quotas';
import { checkStackState } from './stack-state-check';
import { checkVolumeKeyPolicy } from './volume-key-check';
import { checkAvailabilityZones } from './zone-check';

/** What a check of the deployed resources gets. */
export interface LiveCheckContext {
  readonly settings: ResolvedSettings;
  readonly names: ResourceNames;
  readonly target: DeployTarget;
  /** The update plan of every stack (which stacks are created, which updated). */
  readonly plan: UpdatePlan;
  readonly cfn: CloudFormationClient;
  readonly clients: QuotaClients;
  /** The time the checks run at (the deadline checks compare dates with it). */
  readonly now: Date;
}

/** What one check found: warnings to print, and the reason to stop, if any. */
export interface LiveFinding {
  readonly warnings?: string[];
  readonly failure?: PreflightError;
}

/**
 * A check of what is deployed that the update plan cannot see from templates alone
 * (resources made outside the stacks, versions EKS offers, dates). A check that cannot
 * read what it needs returns a warning rather than a failure.
 */
export type LiveCheck = (context: LiveCheckContext) => Promise<LiveFinding>;

/** Every live check, run side by side; the first failure in this order stops the deploy. */
export const LIVE_CHECKS: LiveCheck[] = [
  checkStackState, // first: a stack CloudFormation takes no update of makes the other findings moot
  checkExistingVpc,
  checkAvailabilityZones,
  checkKubernetesSupport,
  checkControlPlaneLogGroup,
  checkAddons,
  checkVolumeKeyPolicy,
];

/** Runs `checks`, collecting warnings; the first failure (in list order) wins. */
export async function runLiveChecks(context: LiveCheckContext, checks: LiveCheck[] = LIVE_CHECKS): Promise<Required<LiveFinding>> {
  const findings = await Promise.all(checks.map(async (check) => {
    try {
      return await check(context);
    } catch (error) {
      // AWS could not be asked at all (timeout, throttling, a proxy's answer, expired credentials): that stops the deploy.
      const failure = transportFailure(error);
      if (failure) return { failure };
      return { warnings: [`a check could not run: ${(error as Error).name}: ${(error as Error).message}`] };
    }
  }));
  return {
    warnings: findings.flatMap((f) => f.warnings ?? []),
    failure: findings.find((f) => f.failure)?.failure as PreflightError,
  };
}
