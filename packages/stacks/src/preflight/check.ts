// The one shape of every preflight check, and what a run hands it. Types only: the checks,
// the list of them and the runner import this module, and it imports none of them.
import type { ResolvedSettings, ResourceNames } from 'bottlerocket-eks-config';
import type {
  CloudFormationClient, CloudWatchLogsClient, EC2Client, EKSClient, KMSClient, ServiceQuotasClient, SSMClient, STSClient,
} from '../aws/sdk';
import type { UpdatePlan } from '../plan';
import type { PreflightError } from './errors';
import type { QuotaFinding } from './quotas';
import type { AssemblyStack } from '../synth/assembly';

/** What the run checks before: a deploy, or a destroy. */
export type Operation = 'deploy' | 'destroy';

/** The region the shell points at, and where the SDK found it. */
export interface ShellRegion {
  /** The region name, e.g. `eu-west-1`. */
  readonly region: string;
  /** Where it came from: `AWS_REGION`, or the profile's config file. */
  readonly source: string;
}

/** What a deploy (or destroy) with the current credentials would hit. */
export interface DeployTarget {
  /** The team's project prefix. */
  readonly pjPrefix: string;
  /** The account the credentials belong to. */
  readonly account: string;
  /** The caller's ARN (user, role session, ...). */
  readonly callerArn: string;
  /** The partition of the caller's ARN. */
  readonly partition: string;
  /** The region the stacks deploy to (always the team's configured region). */
  readonly region: string;
  /** Where the shell's region came from, or `settings` when the shell sets none. */
  readonly regionSource: string;
  /** Whether the team pinned `accountId` (if not, any account is accepted). */
  readonly accountPinned: boolean;
  /** The CloudFormation stacks, in the order the operation runs them. */
  readonly stacks: string[];
}

/** Every AWS client the checks ask, made once per run (see `preflightClients`). */
export interface PreflightClients {
  /** STS of the shell's region when it names one (a mismatch is reported, not hidden), else the team's. */
  readonly sts: STSClient;
  readonly cloudFormation: CloudFormationClient;
  readonly ec2: EC2Client;
  readonly eks: EKSClient;
  readonly serviceQuotas: ServiceQuotasClient;
  readonly logs: CloudWatchLogsClient;
  readonly kms: KMSClient;
  /** The public parameters of AWS (the newest Bottlerocket releases): `status` only. */
  readonly ssm: SSMClient;
}

/** What every check gets: the settings, the operation and the clients. */
export interface RunContext {
  readonly settings: ResolvedSettings;
  readonly names: ResourceNames;
  readonly operation: Operation;
  /** The value of `--confirm` (destroy only). */
  readonly confirm?: string;
  /** The region the shell points at, if any. */
  readonly shellRegion?: ShellRegion;
  /** The synthesized stacks a deploy would send (from `cdk.out`); without them a deploy is checked for its target only. */
  readonly proposed?: AssemblyStack[];
  readonly clients: PreflightClients;
  /** The time the checks run at (the deadline checks compare dates with it). */
  readonly now: Date;
}

/** The context of the checks after the identity stage: who and where. */
export interface TargetContext extends RunContext {
  readonly target: DeployTarget;
}

/** The context of the update plan: the synthesized stacks are there. */
export interface PlanContext extends TargetContext {
  readonly proposed: AssemblyStack[];
}

/** The context of the checks of a deploy's deployed state: the update plan of every stack is known. */
export interface DeployContext extends PlanContext {
  readonly plan: UpdatePlan;
}

/** What one check found. */
export interface CheckFinding {
  /** What it could not establish, said but not refused. */
  readonly warnings?: string[];
  /** Why the operation must not start, if it must not. */
  readonly failure?: PreflightError;
  /** Who and where (the identity check), for the checks after it and the report. */
  readonly target?: DeployTarget;
  /** The update plan (the plan check), for the checks after it and the report. */
  readonly plan?: UpdatePlan;
  /** The quotas counted (the quota check), for the report. */
  readonly quotas?: QuotaFinding[];
}

/**
 * A preflight check: it reads what it needs of the context (and of AWS) and says what it
 * found. A check that cannot read what it needs warns rather than refuses, unless the reason
 * is AWS not answering at all, which it throws.
 */
export type Check<C extends RunContext = DeployContext> = (context: C) => Promise<CheckFinding>;

/**
 * The checks of a run by stage, each stage in list order. A stage starts when the stages
 * before it refused nothing; its checks run side by side, and the first refusal in list order
 * is the one reported.
 */
export interface CheckStages {
  /** Checks of the settings and the shell that need no AWS call. */
  readonly local: readonly Check<RunContext>[];
  /** Who the credentials are (STS): gives the target. */
  readonly identity: readonly Check<RunContext>[];
  /** A deploy of synthesized stacks: the update plan. */
  readonly plan: readonly Check<PlanContext>[];
  /** A deploy of synthesized stacks: its deployed state, quotas and what is outside the stacks. */
  readonly deploy: readonly Check<DeployContext>[];
  /** A destroy: the state of the stacks it deletes. */
  readonly destroy: readonly Check<TargetContext>[];
}
