import * as path from 'path';
import { parseArgs } from 'util';
import { deploymentPaths, isSettingsError, nextKubernetesVersion, Settings, teamTaskCommand, UPGRADE_FLAGS } from 'bottlerocket-eks-config';
import { AWS_LIMIT_OPTIONS, awsLimitsOf, failedCommandExit } from './aws-command';
import { AWS_LIMIT_ENV, AwsClients } from '../aws/clients';
import { detectShellRegion, preflightClients } from '../preflight';
import { offeredVersions, Offer } from '../preflight/addon-checks';
import { isAccessDenied, withDeadline } from '../preflight/aws-errors';
import { CommandIo } from '../process/io';
import { usageError } from '../process/user-errors';
import { EnvironmentStatus, readStatus } from '../status';
import { readSettingsOptions, settingsFileLocation } from '../synth/settings-file';
import {
  formatRefusal, formatRollback, formatStep, isStep, planRollback, planUpgrade, ProjenRunner, readUpgradeRecord, rewriteProjenrc, runProjen,
  setProjectOption,
  UpgradeRecord, UpgradeStep, versionUpdateTime, writeUpgradeRecord,
} from '../upgrade';

/** Drift detection can take minutes: the deadline (unless set) leaves room for it. */
const UPGRADE_DEADLINE = 300;

/**
 * `bottlerocket-eks upgrade`: the next Kubernetes minor of a deployed environment (a plan; with
 * `--apply` written into `.projenrc.ts`), or with `--rollback` the way back of the recorded step.
 * Exit 0 when the step (or way back) may be taken, 1 when refused or AWS could not be asked, 2 on wrong usage.
 */
export async function upgradeCommand(args: string[], io: CommandIo, projen: ProjenRunner = runProjen): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      [UPGRADE_FLAGS.json]: { type: 'boolean' },
      [UPGRADE_FLAGS.settings]: { type: 'string' },
      [UPGRADE_FLAGS.environment]: { type: 'string' },
      [UPGRADE_FLAGS.apply]: { type: 'boolean' },
      [UPGRADE_FLAGS.rollback]: { type: 'boolean' },
      ...AWS_LIMIT_OPTIONS,
    },
  });
  if (values.apply && values.rollback) throw usageError('upgrade: --apply and --rollback exclude each other (--rollback only plans).');
  const limits = awsLimitsOf('upgrade', values, { [AWS_LIMIT_ENV.deadline]: String(UPGRADE_DEADLINE), ...io.env });
  const environment = values.environment;
  const location = settingsFileLocation({ file: values.settings, environment });
  const root = path.dirname(path.resolve(location));
  const options = readSettingsOptions(location);
  const settings = Settings.resolve(options);
  const deployCommand = teamTaskCommand('deploy', environment);
  const recordFile = path.join(root, deploymentPaths(environment).upgradeRecord);
  const json = values.json === true;
  const shellRegion = await detectShellRegion(io.env);
  const aws = new AwsClients(settings.region, limits);
  try {
    return await withDeadline(aws, async () => {
      const clients = preflightClients(settings, shellRegion, aws);
      const status = await readStatus({
        settings, environment, shellRegion, clients, signal: aws.signal, options: { driftTimeout: Math.max(10, limits.deadline - 60) },
      });
      if (values.rollback) {
        const record = readUpgradeRecord(recordFile);
        if (!record) return refused(io, json, { reason: `no upgrade step is recorded (${path.basename(recordFile)})`, fix: 'only a step written by `upgrade --apply` can be planned back' }, 'Rollback');
        const upgradedAt = status.cluster.version === record.to ? await versionUpdateTime(clients.eks, status.cluster.name, record.to) : undefined;
        const plan = planRollback(record, status, upgradedAt, new Date(), deployCommand);
        if (!('steps' in plan)) return refused(io, json, plan, 'Rollback');
        io.out.write(json ? `${JSON.stringify({ ok: true, rollback: plan }, undefined, 2)}\n` : formatRollback(plan));
        return 0;
      }
      const next = status.cluster.version ? nextKubernetesVersion(status.cluster.version) : undefined;
      const target = next ? resolveTarget(options, next) : settings;
      const offers: Record<string, Offer | undefined> = {};
      if (next && typeof target !== 'string') {
        await Promise.all(target.addons.map(async (addon) => {
          offers[addon.name] = await offeredVersions(clients.eks, addon.name, next).catch((error) => {
            if (isAccessDenied(error)) return undefined;
            throw error;
          });
        }));
      }
      const planned = planUpgrade({ status, target, offers, deployCommand });
      if (!isStep(planned)) return refused(io, json, planned, 'Upgrade');
      const applyCommand = teamTaskCommand('kubernetesUpgrade', environment, `--${UPGRADE_FLAGS.apply}`);
      const shown = formatStep(planned, deployCommand, values.apply ? undefined : applyCommand);
      io.out.write(json ? `${JSON.stringify({ ok: planned.refusals.length === 0, step: planned }, undefined, 2)}\n` : shown);
      if (planned.refusals.length > 0) return 1;
      if (!values.apply) return 0;
      return apply(io, projen, root, planned, status, recordFile);
    }, 'The upgrade');
  } catch (error) {
    return failedCommandExit(error, io, json ? 'json' : 'text', 'Upgrade');
  }
}

/** The settings with `kubernetesVersion` set to `version`, or the one line of why they do not resolve. */
function resolveTarget(options: ReturnType<typeof readSettingsOptions>, version: string) {
  try {
    return Settings.resolve({ ...options, kubernetesVersion: version });
  } catch (error) {
    if (isSettingsError(error)) return (error as Error).message;
    throw error;
  }
}

function refused(io: CommandIo, json: boolean, refusal: { reason: string; fix: string }, what: string): number {
  if (json) io.out.write(`${JSON.stringify({ ok: false, refused: refusal }, undefined, 2)}\n`);
  else io.err.write(formatRefusal(refusal, what));
  return 1;
}

/** Writes the step into `.projenrc.ts` and regenerates the repository (or leaves both as they were), then records what the step moves. */
function apply(io: CommandIo, projen: ProjenRunner, root: string, step: UpgradeStep, status: EnvironmentStatus, recordFile: string): number {
  const byHand = `set kubernetesVersion to '${step.to}'${step.environment ? ` in the entry of environment ${step.environment}` : ''} of .projenrc.ts yourself, then run npx projen`;
  const refusal = rewriteProjenrc(root, (source) => setProjectOption(source, 'kubernetesVersion', step.to, step.environment), projen, byHand);
  if (refusal) {
    if (refusal.output) io.err.write(refusal.output);
    return refused(io, false, refusal, 'Apply');
  }
  const record: UpgradeRecord = {
    format: 1,
    environment: step.environment,
    from: step.from,
    to: step.to,
    appliedAt: new Date().toISOString(),
    addons: step.addons.map((a) => ({ name: a.name, from: a.from, to: a.to })),
    nodegroups: status.nodegroups.map(({ name, nodegroupName, version, releaseVersion }) => ({ name, nodegroupName, version, releaseVersion })),
  };
  writeUpgradeRecord(recordFile, record);
  io.err.write(`Applied: kubernetesVersion '${step.to}' is in .projenrc.ts, and the settings and templates are regenerated; `
    + `the step is recorded in ${path.basename(recordFile)}. Review and commit the changes, then \`${teamTaskCommand('deploy', step.environment)}\`.\n`);
  return 0;
}
