import { parseArgs } from 'util';
import { STATUS_FLAGS } from 'bottlerocket-eks-config';
import { AWS_LIMIT_OPTIONS, awsLimitsOf, failedCommandExit } from './aws-command';
import { AWS_LIMIT_ENV, AwsClients } from '../aws/clients';
import { detectShellRegion, preflightClients } from '../preflight';
import { withDeadline } from '../preflight/aws-errors';
import { CommandIo } from '../process/io';
import { usageError } from '../process/user-errors';
import { DEFAULT_STATUS_OPTIONS, formatStatus, readStatus } from '../status';
import { readAssembly } from '../synth/assembly';
import { readSettingsFile } from '../synth/settings-file';

/** Drift detection can take minutes: the command's deadline (unless set) leaves room for it. */
const STATUS_DEADLINE = 300;

/**
 * `bottlerocket-eks status`: one screen of a deployed environment. Exit 0 when nothing needs
 * attention, 1 when something does (or AWS could not be asked: one line), 2 on wrong usage.
 */
export async function statusCommand(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      [STATUS_FLAGS.json]: { type: 'boolean' },
      [STATUS_FLAGS.settings]: { type: 'string' },
      [STATUS_FLAGS.environment]: { type: 'string' },
      [STATUS_FLAGS.assembly]: { type: 'string' },
      [STATUS_FLAGS.supportDays]: { type: 'string' },
      [STATUS_FLAGS.noDrift]: { type: 'boolean' },
      ...AWS_LIMIT_OPTIONS,
    },
  });
  const limits = awsLimitsOf('status', values, { [AWS_LIMIT_ENV.deadline]: String(STATUS_DEADLINE), ...io.env });
  const supportDays = values[STATUS_FLAGS.supportDays] === undefined ? DEFAULT_STATUS_OPTIONS.supportDays : Number(values[STATUS_FLAGS.supportDays]);
  if (!Number.isInteger(supportDays) || supportDays < 0 || supportDays > 3650) {
    throw usageError(`status: --${STATUS_FLAGS.supportDays}=${values[STATUS_FLAGS.supportDays]}: expected a whole number of days from 0 to 3650.`);
  }
  const settings = readSettingsFile({ file: values.settings, environment: values.environment });
  const proposed = values.assembly === undefined ? undefined : readAssembly(values.assembly);
  if (values.assembly !== undefined && !proposed?.length) {
    throw usageError(`status: no bottlerocket-eks stack in ${values.assembly}; synthesize first (npx projen synth).`);
  }
  const json = values.json === true;
  const shellRegion = await detectShellRegion(io.env);
  const aws = new AwsClients(settings.region, limits);
  try {
    const status = await withDeadline(aws, () => readStatus({
      settings,
      environment: values.environment,
      proposed,
      shellRegion,
      clients: preflightClients(settings, shellRegion, aws),
      options: { drift: values[STATUS_FLAGS.noDrift] !== true, supportDays, driftTimeout: Math.max(10, limits.deadline - 30) },
      signal: aws.signal,
    }), 'The status');
    const tty = (io.out as { isTTY?: boolean }).isTTY === true;
    io.out.write(formatStatus(status, { json, color: tty && io.env.NO_COLOR === undefined }));
    return status.attention.length === 0 ? 0 : 1;
  } catch (error) {
    return failedCommandExit(error, io, json ? 'json' : 'text', 'Status');
  }
}
