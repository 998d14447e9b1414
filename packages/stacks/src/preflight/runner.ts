import { ResourceNames } from 'bottlerocket-eks-config';
import { UpdatePlan } from '../plan';
import { transportFailure } from './aws-errors';
import { Check, CheckFinding, CheckStages, DeployContext, DeployTarget, PlanContext, RunContext } from './check';
import { PREFLIGHT_CHECKS } from './check-list';
import { PreflightError } from './errors';
import { QuotaFinding } from './quotas';

/** What a deploy of synthesized stacks would do, once the caller is known to be the right one. */
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

/** What a run of the preflight found. */
export interface PreflightResult {
  /** Who and where, when STS answered. */
  readonly target?: DeployTarget;
  /** The deploy's plan, quotas and warnings, when the run planned synthesized stacks. */
  readonly check?: DeployCheck;
  /** Why the operation must not start (the first refusal, in stage and list order); undefined: it may go ahead. */
  readonly failure?: PreflightError;
}

/** The context of a run, as its caller gives it (the names follow from the settings). */
export type RunOptions = Omit<RunContext, 'names' | 'now'> & { readonly now?: Date };

/**
 * Runs the checks of `stages` that the operation needs, stage after stage: local checks,
 * identity, then for a deploy of synthesized stacks the update plan and the checks of the
 * deployed state, for a destroy the state of its stacks. A stage runs when the ones before
 * refused nothing. An AWS failure of an identity, plan or destroy check, or AWS not answering
 * at all, is thrown (the command reports it as one line); any other error of a deploy check is
 * a warning that it could not run.
 */
export async function runPreflight(options: RunOptions, stages: CheckStages = PREFLIGHT_CHECKS): Promise<PreflightResult> {
  const context: RunContext = { ...options, names: new ResourceNames(options.settings.pjPrefix), now: options.now ?? new Date() };
  const opening = await runStage(stages.local, context);
  if (opening.failure) return { failure: opening.failure };
  const identity = await runStage(stages.identity, context);
  if (identity.failure || !identity.target) return { failure: identity.failure };
  const target = identity.target;
  if (context.operation === 'destroy') {
    return { target, failure: (await runStage(stages.destroy, { ...context, target })).failure };
  }
  if (!context.proposed) return { target };
  return { target, ...await deployStages(stages, { ...context, target, proposed: context.proposed }) };
}

/** The update plan, then (whatever it refused, so the report is whole) the checks of the deployed state. */
async function deployStages(stages: CheckStages, context: PlanContext): Promise<Pick<PreflightResult, 'check' | 'failure'>> {
  const planned = await runStage(stages.plan, context);
  if (!planned.plan) return { failure: planned.failure };
  const deployed = await runStage(stages.deploy, { ...context, plan: planned.plan }, { tolerant: true });
  const check: DeployCheck = {
    plan: planned.plan,
    quotas: deployed.quotas ?? [],
    warnings: [...planned.warnings, ...deployed.warnings],
    failure: planned.failure ?? deployed.failure,
  };
  return { check, failure: check.failure };
}

/**
 * Runs checks of a deploy's deployed state side by side, as a run does (a check that throws
 * warns, or refuses when AWS could not be asked at all): the first refusal in list order, every warning.
 */
export function runDeployChecks(context: DeployContext, checks: readonly Check[] = PREFLIGHT_CHECKS.deploy): Promise<StageFinding> {
  return runStage(checks, context, { tolerant: true });
}

/** The findings of one stage, merged: warnings in list order, the first refusal, what the checks established. */
export interface StageFinding extends Omit<CheckFinding, 'warnings'> {
  readonly warnings: string[];
}

async function runStage<C extends RunContext>(checks: readonly Check<C>[], context: C, options: { tolerant?: boolean } = {}): Promise<StageFinding> {
  const findings = await Promise.all(checks.map(async (check) => {
    try {
      return await check(context);
    } catch (error) {
      if (!options.tolerant) throw error;
      return caught(error);
    }
  }));
  return {
    warnings: findings.flatMap((f) => f.warnings ?? []),
    failure: findings.find((f) => f.failure)?.failure,
    target: findings.find((f) => f.target)?.target,
    plan: findings.find((f) => f.plan)?.plan,
    quotas: findings.find((f) => f.quotas)?.quotas,
  };
}

/** A deploy check that threw: a refusal when AWS could not be asked at all, else a warning that it could not run. */
function caught(error: unknown): CheckFinding {
  if (PreflightError.is(error)) return { failure: error };
  // A timeout, throttling, a proxy's answer or expired credentials: the other findings cannot be trusted either.
  const failure = transportFailure(error);
  if (failure) return { failure };
  return { warnings: [`a check could not run: ${(error as Error).name}: ${(error as Error).message}`] };
}
