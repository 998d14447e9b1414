import { parseArgs } from 'util';
import { usageError } from 'bottlerocket-eks-config';
import { readAssembly } from '../assembly';
import { CloudFormationClient } from '../aws-sdk';
import {
  checkDeploy, DeployCheck, detectShellRegion, formatFailure, formatTarget, preflight, PreflightError, quotaClients, ReportFormat, stsClientFor,
} from '../preflight';
import { refuseStackStates } from '../preflight/stack-state-check';
import { readSettingsFile } from '../settings-file';
import { CommandIo } from './io';

/** `bottlerocket-eks preflight`: exit 0 when a deploy (or a confirmed destroy) may go ahead. */
export async function preflightCommand(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      json: { type: 'boolean' },
      brief: { type: 'boolean' },
      destroy: { type: 'boolean' },
      confirm: { type: 'string' },
      settings: { type: 'string' },
      environment: { type: 'string' },
      assembly: { type: 'string' },
    },
  });
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
  try {
    const target = await preflight({ settings, sts: stsClientFor(settings, shellRegion), shellRegion, operation, confirm: values.confirm });
    if (operation === 'destroy') await refuseStackStates({ cfn: new CloudFormationClient({ region: settings.region }), stackNames: target.stacks, operation, region: settings.region });
    check = proposed && await checkDeploy({
      settings, target, proposed, cfn: new CloudFormationClient({ region: settings.region }), quotaClients: quotaClients(settings.region),
    });
    if (check?.failure) throw check.failure;
    io.out.write(formatTarget(target, format, operation, check));
    return 0;
  } catch (error) {
    if (!PreflightError.is(error)) throw error;
    (format === 'json' ? io.out : io.err).write(formatFailure(error, format, check));
    return 1;
  }
}
