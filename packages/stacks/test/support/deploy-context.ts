import { ResolvedSettings, ResourceNames } from 'bottlerocket-eks-config';
import { ACCOUNT, ALICE } from './alice';
import { UpdatePlan } from '../../src/plan';
import { DeployContext, DeployTarget, PreflightClients } from '../../src/preflight';

/**
 * The context a deploy check gets in a run, for tests of one check: alice deploys `settings`
 * with `plan`; only the clients the check asks are given (asking another is a bug the test shows).
 */
export function deployContext(options: {
  settings: ResolvedSettings; plan: UpdatePlan; clients: Partial<PreflightClients>; now?: Date;
}): DeployContext {
  const { settings } = options;
  return {
    settings,
    names: new ResourceNames(settings.pjPrefix),
    operation: 'deploy',
    proposed: [],
    target: aliceTarget(settings),
    plan: options.plan,
    clients: options.clients as PreflightClients,
    now: options.now ?? new Date('2026-11-25T00:00:00Z'),
  };
}

/** What the identity check finds when alice deploys `settings` (accountId not pinned). */
export function aliceTarget(settings: ResolvedSettings): DeployTarget {
  return {
    pjPrefix: settings.pjPrefix,
    account: ACCOUNT,
    callerArn: ALICE,
    partition: 'aws',
    region: settings.region,
    regionSource: 'settings',
    accountPinned: false,
    stacks: new ResourceNames(settings.pjPrefix).stacks('deploy'),
  };
}
