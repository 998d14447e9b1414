import { parseArgs } from 'util';
import { PREFLIGHT_FLAGS } from 'bottlerocket-eks-config';
import { AWS_LIMIT_OPTIONS, awsLimitsOf, failedCommandExit } from './aws-command';
import { AwsClients } from '../aws/clients';
import {
  DeployCheck, detectShellRegion, formatTarget, preflightClients, ReportFormat, runPreflight,
} from '../preflight';
import { withDeadline } from '../preflight/aws-errors';
import { CommandIo } from '../process/io';
import { usageError } from '../process/user-errors';
import { readAssembly } from '../synth/assembly';
import { readSettingsFile } from '../synth/settings-file';

/** `bottlerocket-eks preflight`: exit 0 when a deploy (or a confirmed destroy) may go ahead. */
export async function preflightCommand(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      // The flags the project type writes into a team's tasks, named once with it.
      [PREFLIGHT_FLAGS.json]: { type: 'boolean' },
      [PREFLIGHT_FLAGS.brief]: { type: 'boolean' },
      [PREFLIGHT_FLAGS.destroy]: { type: 'boolean' },
      [PREFLIGHT_FLAGS.confirm]: { type: 'string' },
      [PREFLIGHT_FLAGS.settings]: { type: 'string' },
      [PREFLIGHT_FLAGS.environment]: { type: 'string' },
      [PREFLIGHT_FLAGS.assembly]: { type: 'string' },
      ...AWS_LIMIT_OPTIONS,
    },
  });
  const limits = awsLimitsOf('preflight', values, io.env);
  if (values.json && values.brief) throw usageError('preflight: --json and --brief exclude each other.');
  if (values.confirm !== undefined && !values.destroy) throw usageError('preflight: --confirm only goes with --destroy.');
  if (values.assembly !== undefined && values.destroy) throw usageError('preflight: --assembly plans a deploy; it does not go with --destroy.');
  const format: ReportFormat = values.json ? 'json' : values.brief ? 'brief' : 'text';
  const operation = values.destroy ? 'destroy' : 'deploy';

  const settings = readSettingsFile({ file: values.settings, environment: values.environment });
  const proposed = values.assembly === undefined ? undefined : readAssembly(values.assembly);
  if (values.assembly !== undefined && !proposed?.length) {
    throw usageError(`preflight: no bottlerocket-eks stack in ${values.assembly}; synthesize first (npx projen synth).`);
  }
  const shellRegion = await detectShellRegion(io.env);
  let check: DeployCheck | undefined;
  // Every AWS client of the command, with its timeouts, retries and deadline.
  const aws = new AwsClients(settings.region, limits);
  try {
    await withDeadline(aws, async () => {
      const result = await runPreflight({
        settings, operation, confirm: values.confirm, shellRegion, proposed, clients: preflightClients(settings, shellRegion, aws),
      });
      check = result.check;
      if (result.failure) throw result.failure;
      io.out.write(formatTarget(result.target!, format, operation, check));
    });
    return 0;
  } catch (error) {
    // A finding, or a failed AWS call as one line (the stack trace only with --debug, from the command's caller).
    return failedCommandExit(error, io, format, 'Preflight', check);
  }
}
