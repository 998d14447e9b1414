import { classifyAwsError } from './aws-errors';
import { Check, RunContext } from './check';
import { classifyStsError, PreflightError, PreflightErrorCode } from './errors';
import { GetCallerIdentityCommand, STSClient } from '../aws/sdk';

/** A destroy names the prefix it destroys (`--confirm=<pjPrefix>`). */
export const checkDestroyConfirmed: Check<RunContext> = async ({ operation, confirm, settings, names }) => {
  if (operation !== 'destroy' || confirm === settings.pjPrefix) return {};
  const given = confirm ? `--confirm=${confirm} does not name this repository's prefix` : 'no --confirm given';
  return {
    failure: new PreflightError(PreflightErrorCode.DESTROY_NOT_CONFIRMED,
      `Refusing to destroy ${names.stacks('destroy').join(', ')}: ${given}.`,
      `If you mean it, run \`npx projen destroy --confirm=${settings.pjPrefix}\`.`),
  };
};

/** The shell's region, when it names one, is the team's: the CDK CLI would deploy to the shell's. */
export const checkShellRegion: Check<RunContext> = async ({ shellRegion: shell, settings: { region } }) => {
  if (!shell || shell.region === region) return {};
  return {
    failure: new PreflightError(PreflightErrorCode.REGION_MISMATCH,
      `This shell points at region ${shell.region} (from ${shell.source}), but the team's region is ${region}.`,
      `Run \`export AWS_REGION=${region}\`, or change region in .projenrc.ts and run \`npx projen\` if ${shell.region} is right.`),
  };
};

/**
 * Who the credentials are (STS GetCallerIdentity), and that they are of the team's partition
 * and, when `accountId` pins one, of its account. Gives the target: which account, caller,
 * region and stacks the operation would hit. No or rejected credentials are refused with what
 * to do; another failure of the call is thrown (the runner reports it).
 */
export const checkIdentity: Check<RunContext> = async ({ settings, names, operation, shellRegion, clients }) => {
  const { region } = settings;
  const endpoint = await describeEndpoint(clients.sts);
  let identity;
  try {
    identity = await clients.sts.send(new GetCallerIdentityCommand({}));
  } catch (error) {
    const classified = classifyStsError(error, endpoint);
    throw PreflightError.is(classified) ? classified : classifyAwsError(error) ?? error;
  }
  const account = identity.Account ?? '';
  const callerArn = identity.Arn ?? '';
  const partition = callerArn.split(':')[1] ?? '';

  if (partition !== settings.partition) {
    return {
      failure: new PreflightError(PreflightErrorCode.PARTITION_MISMATCH,
        `The credentials are for partition ${partition}, but region ${region} is in partition ${settings.partition}.`,
        `Use credentials of an account in ${settings.partition}, or change region in .projenrc.ts to a region of ${partition}.`,
        callerArn),
    };
  }
  if (settings.accountId !== undefined && account !== settings.accountId) {
    return {
      failure: new PreflightError(PreflightErrorCode.ACCOUNT_MISMATCH,
        `The credentials are for account ${account}, but the team's accountId is ${settings.accountId}.`,
        `Use credentials of account ${settings.accountId} (for example \`export AWS_PROFILE=<a profile of that account>\`), `
        + 'or change accountId in .projenrc.ts and run `npx projen` if this account is right.',
        callerArn),
    };
  }
  return {
    target: {
      pjPrefix: settings.pjPrefix,
      account,
      callerArn,
      partition,
      region,
      regionSource: shellRegion?.source ?? 'settings',
      accountPinned: settings.accountId !== undefined,
      stacks: names.stacks(operation),
    },
  };
};

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
