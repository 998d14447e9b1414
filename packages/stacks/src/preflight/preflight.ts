// The preflight as a library: its whole run (`runPreflight`), and two parts of it for callers
// that want only one: who and where (`preflight`), and what a deploy would do (`checkDeploy`).
import { ResolvedSettings } from 'bottlerocket-eks-config';
import { DeployTarget, Operation, PreflightClients, ShellRegion } from './check';
import { PREFLIGHT_CHECKS } from './check-list';
import { preflightClients } from './clients';
import { DeployCheck, runPreflight } from './runner';
import { STSClient } from '../aws/sdk';
import { AssemblyStack } from '../synth/assembly';

/** What to check before which operation. */
export interface PreflightOptions {
  /** The team's resolved settings. */
  readonly settings: ResolvedSettings;
  /** The STS client to ask; its credentials and endpoint come from the SDK's default chains. */
  readonly sts: STSClient;
  /** The region the shell points at, if any (see `detectShellRegion`). */
  readonly shellRegion?: ShellRegion;
  /** `destroy` reverses the stack order and needs `confirm` to equal the prefix. */
  readonly operation?: Operation;
  /** The value of `--confirm` (destroy only). */
  readonly confirm?: string;
}

/**
 * Says which account, caller, partition and region a deploy would hit, and throws a
 * `PreflightError` when it must not go ahead: no or rejected credentials, another region,
 * partition or account than the team's, or an unconfirmed destroy. Cheap checks run first,
 * so a wrong region or a missing confirmation needs no network call.
 */
export async function preflight(options: PreflightOptions): Promise<DeployTarget> {
  const { settings, shellRegion } = options;
  const { target, failure } = await runPreflight({
    settings,
    operation: options.operation ?? 'deploy',
    confirm: options.confirm,
    shellRegion,
    clients: { ...preflightClients(settings, shellRegion), sts: options.sts },
  }, { ...PREFLIGHT_CHECKS, destroy: [] });
  if (failure || !target) throw failure;
  return target;
}

/** What the deploy checks need. */
export interface DeployCheckOptions {
  readonly settings: ResolvedSettings;
  /** Who and where, from `preflight`. */
  readonly target: DeployTarget;
  /** The synthesized stacks (from `cdk.out`). */
  readonly proposed: AssemblyStack[];
  /** The clients of the team's region (see `preflightClients`). */
  readonly clients: PreflightClients;
  /**
   * The time the checks run at.
   * @default - now
   */
  readonly now?: Date;
}

/**
 * The checks of a deploy that need the deployed state, for a caller already known to be the
 * right one: the update plan (deployed templates against the synthesized ones, judged with the
 * CloudFormation specification), then every check of the deployed state (quotas, stack states,
 * what is outside the stacks: see `PREFLIGHT_CHECKS`).
 */
export async function checkDeploy(options: DeployCheckOptions): Promise<DeployCheck> {
  const { target } = options;
  const { check } = await runPreflight(
    { settings: options.settings, operation: 'deploy', proposed: options.proposed, clients: options.clients, now: options.now },
    { ...PREFLIGHT_CHECKS, local: [], identity: [async () => ({ target })] },
  );
  // The plan stage throws when it cannot plan, so a run that got this far has planned.
  return check!;
}
