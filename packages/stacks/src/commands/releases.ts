import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { RELEASES_FLAGS, ResolvedSettings, teamTaskCommand } from 'bottlerocket-eks-config';
import { AWS_LIMIT_OPTIONS, awsLimitsOf, failedCommandExit } from './aws-command';
import { environmentsFlag } from './environments-flag';
import { AwsClients, AwsLimits } from '../aws/clients';
import { detectShellRegion, preflightClients, ShellRegion } from '../preflight';
import { classifyAwsError, withDeadline } from '../preflight/aws-errors';
import { CommandIo } from '../process/io';
import { usageError } from '../process/user-errors';
import {
  duePromotions, EnvironmentObservation, formatReleaseTrain, label, observeEnvironment, planReleaseTrain, pullRequestText, ReleaseTrainPlan,
  TrainEnvironmentInput,
} from '../releases';
import { readSettingsFile, settingsFileLocation } from '../synth/settings-file';
import { formatRefusal, ProjenRunner, rewriteProjenrc, runProjen, setProjectOption } from '../upgrade';

/** The observation file of an environment in the `--observations` folder: `<environment>.json`, `default.json` in a repository of one. */
export function observationFile(environment: string | undefined): string {
  return `${environment ?? 'default'}.json`;
}

/**
 * `bottlerocket-eks releases`: the Bottlerocket release train of the repository. Reads each
 * environment (from AWS, or from the files `--observe` wrote), then prints what runs where, what
 * is due when and what is blocked (`--json`), or only what is due (`--due`), or writes the
 * promotion due for one environment into `.projenrc.ts` (`--apply`). Exit 0 when every
 * environment was read (and the promotion applied), 1 when one could not be or `--apply` was
 * refused, 2 on wrong usage.
 */
export async function releasesCommand(args: string[], io: CommandIo, projen: ProjenRunner = runProjen): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      [RELEASES_FLAGS.json]: { type: 'boolean' },
      [RELEASES_FLAGS.environments]: { type: 'string' },
      [RELEASES_FLAGS.environment]: { type: 'string' },
      [RELEASES_FLAGS.observe]: { type: 'string' },
      [RELEASES_FLAGS.observations]: { type: 'string' },
      [RELEASES_FLAGS.due]: { type: 'boolean' },
      [RELEASES_FLAGS.apply]: { type: 'boolean' },
      [RELEASES_FLAGS.pullRequest]: { type: 'string' },
      ...AWS_LIMIT_OPTIONS,
    },
  });
  const limits = awsLimitsOf('releases', values, io.env);
  const environments = environmentsFlag('releases', values[RELEASES_FLAGS.environments]);
  const one = values[RELEASES_FLAGS.environment];
  if (one !== undefined && environments[0] !== undefined && !environments.includes(one)) {
    throw usageError(`releases: --environment ${one}: not one of --environments (${environments.join(', ')}).`);
  }
  if (values.observe !== undefined) {
    if (environments.length > 1 && one === undefined) throw usageError('releases: --observe reads one environment: name it with --environment.');
    return observe(io, one ?? environments[0], values.observe, limits);
  }
  if (values.apply && values.due) throw usageError('releases: --apply and --due exclude each other.');
  if (values.apply && environments.length > 1 && one === undefined) throw usageError('releases: --apply writes one environment: name it with --environment.');
  if (values[RELEASES_FLAGS.pullRequest] !== undefined && !values.apply) throw usageError(`releases: --${RELEASES_FLAGS.pullRequest} goes with --apply.`);

  const shellRegion = values.observations === undefined ? await detectShellRegion(io.env) : undefined;
  const inputs = await Promise.all(environments.map((environment) => readEnvironment(environment, values.observations, limits, shellRegion)));
  const plan = planReleaseTrain(inputs, new Date());
  const json = values.json === true;
  if (values.due) {
    const due = duePromotions(plan);
    io.out.write(json ? `${JSON.stringify(due)}\n` : due.map((d) => `${d.environment ?? '-'} ${d.release}\n`).join(''));
  } else if (values.apply) {
    return apply(io, projen, plan, one ?? environments[0], values[RELEASES_FLAGS.pullRequest]);
  } else {
    io.out.write(json ? `${JSON.stringify(plan, undefined, 2)}\n` : formatReleaseTrain(plan));
  }
  return inputs.some((i) => i.unreadable) ? 1 : 0;
}


/** One environment for the train: its settings, and what it runs from AWS or from its observation file. */
async function readEnvironment(
  environment: string | undefined, observations: string | undefined, limits: AwsLimits, shellRegion: ShellRegion | undefined,
): Promise<TrainEnvironmentInput> {
  const settings = readSettingsFile({ environment });
  if (observations !== undefined) {
    const file = path.join(observations, observationFile(environment));
    if (!fs.existsSync(file)) return { environment, settings, unreadable: `no observation ${file} (its observe job failed or was skipped)` };
    try {
      const observation = JSON.parse(fs.readFileSync(file, 'utf-8')) as EnvironmentObservation;
      if (observation.format !== 1 || observation.pjPrefix !== settings.pjPrefix) {
        return { environment, settings, unreadable: `${file} is not an observation of ${settings.pjPrefix} in format 1` };
      }
      return { environment, settings, observation };
    } catch (error) {
      return { environment, settings, unreadable: `${file} is not JSON (${(error as Error).message})` };
    }
  }
  try {
    return { environment, settings, observation: await read(environment, settings, shellRegion, limits) };
  } catch (error) {
    const failure = classifyAwsError(error);
    if (!failure) throw error;
    return { environment, settings, unreadable: `${failure.code}: ${failure.message} Fix: ${failure.fix}` };
  }
}

async function read(environment: string | undefined, settings: ResolvedSettings, shellRegion: ShellRegion | undefined, limits: AwsLimits) {
  const aws = new AwsClients(settings.region, limits);
  return withDeadline(aws, () => observeEnvironment({ settings, environment, shellRegion, clients: preflightClients(settings, shellRegion, aws) }), 'Reading the releases');
}

/** `--observe`: one environment from AWS into a file, for the scheduled workflow's plan job. */
async function observe(io: CommandIo, environment: string | undefined, file: string, limits: AwsLimits): Promise<number> {
  const settings = readSettingsFile({ environment });
  try {
    const observation = await read(environment, settings, await detectShellRegion(io.env), limits);
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(observation, undefined, 2)}\n`);
    io.err.write(`Observed ${environment ?? settings.pjPrefix}: ${observation.groups.length} node group(s), ${observation.notes.length} note(s); wrote ${file}.\n`);
    return 0;
  } catch (error) {
    return failedCommandExit(error, io, 'text', 'Releases');
  }
}

/** `--apply`: the environment's due promotion into `.projenrc.ts` (`bottlerocketRelease`), regenerated; the pull request's text when asked. */
function apply(io: CommandIo, projen: ProjenRunner, plan: ReleaseTrainPlan, environment: string | undefined, pullRequest?: string): number {
  const train = plan.environments.find((e) => e.environment === environment)!;
  const where = label({ environment, settings: train });
  if (!train.promotion?.due) {
    const reason = train.promotion ? `${train.promotion.release} may go to ${where} from ${train.promotion.eligibleAt.slice(0, 16).replace('T', ' ')} UTC, not yet`
      : `nothing is due for ${where}: ${train.waiting ?? 'it is up to date'}`;
    io.err.write(formatRefusal({ reason, fix: `\`${teamTaskCommand('releases')}\` shows the train` }, 'Apply'));
    return 1;
  }
  const release = train.promotion.release;
  const root = path.dirname(path.resolve(settingsFileLocation({ environment })));
  const byHand = `set bottlerocketRelease to '${release}'${environment ? ` in the entry of environment ${environment}` : ''} of .projenrc.ts yourself, then run npx projen`;
  const refusal = rewriteProjenrc(root, (source) => setProjectOption(source, 'bottlerocketRelease', release, environment), projen, byHand);
  if (refusal) {
    if (refusal.output) io.err.write(refusal.output);
    io.err.write(formatRefusal(refusal, 'Apply'));
    return 1;
  }
  if (pullRequest !== undefined) {
    const text = pullRequestText(train, plan);
    fs.writeFileSync(pullRequest, `${text.title}\n${text.body}`);
  }
  io.err.write(`Applied: bottlerocketRelease '${release}' for ${where} is in .projenrc.ts, and the settings and templates are regenerated. `
    + `Review and commit the changes, then \`${teamTaskCommand('deploy', environment)}\`.\n`);
  return 0;
}
