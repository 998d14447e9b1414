import { ResolvedSettings, ResourceNames } from 'bottlerocket-eks-config';
import { classifyAwsError } from './aws-errors';
import { classifyStsError, PreflightError, PreflightErrorCode } from './errors';
import { AwsClients, defaultChainRegion } from '../aws/clients';
import { GetCallerIdentityCommand, STSClient } from '../aws/sdk';

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

/** What to check before which operation. */
export interface PreflightOptions {
  /** The team's resolved settings. */
  readonly settings: ResolvedSettings;
  /** The STS client to ask; its credentials and endpoint come from the SDK's default chains. */
  readonly sts: STSClient;
  /** The region the shell points at, if any (see `detectShellRegion`). */
  readonly shellRegion?: ShellRegion;
  /** `destroy` reverses the stack order and needs `confirm` to equal the prefix. */
  readonly operation?: 'deploy' | 'destroy';
  /** The value of `--confirm` (destroy only). */
  readonly confirm?: string;
}

/**
 * The region the SDK's default chain finds (`AWS_REGION`, else the profile in
 * `~/.aws/config`), or undefined when none is set.
 */
export async function detectShellRegion(env: NodeJS.ProcessEnv = process.env): Promise<ShellRegion | undefined> {
  try {
    const region = await defaultChainRegion();
    const source = env.AWS_REGION ? 'AWS_REGION' : `profile ${env.AWS_PROFILE ?? 'default'}`;
    return { region, source };
  } catch {
    return undefined;
  }
}

/** An STS client for the team's region unless the shell names one (the mismatch is reported, not hidden). */
export function stsClientFor(
  settings: ResolvedSettings, shellRegion?: ShellRegion, clients: AwsClients = new AwsClients(settings.region),
): STSClient {
  return clients.sts(shellRegion?.region ?? settings.region);
}

/**
 * Says which account, caller, partition and region a deploy would hit, and throws a
 * `PreflightError` when it must not go ahead: no or rejected credentials, another region,
 * partition or account than the team's, or an unconfirmed destroy. Cheap checks run first,
 * so a wrong region or a missing confirmation needs no network call.
 */
export async function preflight(options: PreflightOptions): Promise<DeployTarget> {
  const { settings } = options;
  const { pjPrefix, region } = settings;
  const operation = options.operation ?? 'deploy';
  const stacks = new ResourceNames(pjPrefix).stacks(operation);

  if (operation === 'destroy' && options.confirm !== pjPrefix) {
    const given = options.confirm ? `--confirm=${options.confirm} does not name this repository's prefix` : 'no --confirm given';
    throw new PreflightError(PreflightErrorCode.DESTROY_NOT_CONFIRMED,
      `Refusing to destroy ${stacks.join(', ')}: ${given}.`,
      `If you mean it, run \`npx projen destroy --confirm=${pjPrefix}\`.`);
  }

  const shell = options.shellRegion;
  if (shell && shell.region !== region) {
    throw new PreflightError(PreflightErrorCode.REGION_MISMATCH,
      `This shell points at region ${shell.region} (from ${shell.source}), but the team's region is ${region}.`,
      `Run \`export AWS_REGION=${region}\`, or change region in .projenrc.ts and run \`npx projen\` if ${shell.region} is right.`);
  }

  const endpoint = await describeEndpoint(options.sts);
  let identity;
  try {
    identity = await options.sts.send(new GetCallerIdentityCommand({}));
  } catch (error) {
    const classified = classifyStsError(error, endpoint);
    throw PreflightError.is(classified) ? classified : classifyAwsError(error) ?? error;
  }
  const account = identity.Account ?? '';
  const callerArn = identity.Arn ?? '';
  const partition = callerArn.split(':')[1] ?? '';

  if (partition !== settings.partition) {
    throw new PreflightError(PreflightErrorCode.PARTITION_MISMATCH,
      `The credentials are for partition ${partition}, but region ${region} is in partition ${settings.partition}.`,
      `Use credentials of an account in ${settings.partition}, or change region in .projenrc.ts to a region of ${partition}.`,
      callerArn);
  }
  if (settings.accountId !== undefined && account !== settings.accountId) {
    throw new PreflightError(PreflightErrorCode.ACCOUNT_MISMATCH,
      `The credentials are for account ${account}, but the team's accountId is ${settings.accountId}.`,
      `Use credentials of account ${settings.accountId} (for example \`export AWS_PROFILE=<a profile of that account>\`), `
      + 'or change accountId in .projenrc.ts and run `npx projen` if this account is right.',
      callerArn);
  }
  return {
    pjPrefix,
    account,
    callerArn,
    partition,
    region,
    regionSource: shell?.source ?? 'settings',
    accountPinned: settings.accountId !== undefined,
    stacks,
  };
}

/** The STS endpoint the client will call, for messages (an override shows as itself). */
async function describeEndpoint(sts: STSClient): Promise<string> {
  const override = process.env.AWS_ENDPOINT_URL_STS ?? process.env.AWS_ENDPOINT_URL;
  if (override) return override;
  try {
    return `sts.${await sts.config.region()} (the SDK's default endpoint)`;
  } catch {
    return 'the default STS endpoint';
  }
}
