import { ResolvedSettings, ResourceNames, teamTaskCommand } from 'bottlerocket-eks-config';
import { readAddons } from './addons';
import { attentionOf } from './attention';
import { readCluster } from './cluster';
import { DEFAULT_STATUS_OPTIONS, StatusContext, StatusOptions } from './context';
import type { AddonStatus, EnvironmentStatus, StatusNote } from './model';
import { readNodegroups } from './nodegroups';
import { readStacks } from './stacks';
import { PreflightClients, ShellRegion } from '../preflight/check';
import { PREFLIGHT_CHECKS } from '../preflight/check-list';
import { runPreflight } from '../preflight/runner';
import { AssemblyStack } from '../synth/assembly';

/** What `readStatus` looks at. */
export interface ReadStatusOptions {
  readonly settings: ResolvedSettings;
  /** The repository's environment, if it has several. */
  readonly environment?: string;
  /** The synthesized stacks, for pending changes; without them none are shown. */
  readonly proposed?: AssemblyStack[];
  readonly shellRegion?: ShellRegion;
  readonly clients: PreflightClients;
  readonly options?: Partial<StatusOptions>;
  /** Aborted when the command ends or passes its deadline. */
  readonly signal?: AbortSignal;
  /** @default - now */
  readonly now?: Date;
}

/**
 * The status of a deployed environment. First the preflight's own checks of who and where
 * (the shell's region, the account and partition of the credentials: a refusal is thrown as the
 * preflight's one-line error), then the stacks and the cluster side by side, then the add-ons
 * and node groups, then what needs attention.
 */
export async function readStatus(run: ReadStatusOptions): Promise<EnvironmentStatus> {
  const { settings, environment, clients } = run;
  const now = run.now ?? new Date();
  const { target, failure } = await runPreflight(
    { settings, operation: 'deploy', shellRegion: run.shellRegion, clients, now },
    { local: PREFLIGHT_CHECKS.local, identity: PREFLIGHT_CHECKS.identity, plan: [], deploy: [], destroy: [] },
  );
  if (failure || !target) throw failure;
  const options = { ...DEFAULT_STATUS_OPTIONS, ...run.options };
  const context: StatusContext = {
    settings,
    names: new ResourceNames(settings.pjPrefix),
    operation: 'deploy',
    shellRegion: run.shellRegion,
    proposed: run.proposed,
    clients,
    now,
    target,
    options,
    signal: run.signal,
  };
  const notes: StatusNote[] = [];
  const [stacks, cluster] = await Promise.all([readStacks(context, notes), readCluster(context, notes)]);
  const [addons, nodegroups] = await Promise.all([
    cluster.exists ? readAddons(context, notes, cluster.version) : settings.addons.map((a): AddonStatus => ({
      name: a.name, installed: false, settingsVersion: a.version, healthIssues: [],
    })),
    readNodegroups(context, notes, cluster.exists),
  ]);
  const attention = attentionOf({
    stacks,
    cluster,
    addons,
    nodegroups,
    notes,
    supportDays: options.supportDays,
    deployCommand: teamTaskCommand('deploy', environment),
    upgradeCommand: teamTaskCommand('kubernetesUpgrade', environment),
  });
  return { environment, target, checkedAt: now.toISOString(), stacks, cluster, addons, nodegroups, attention, notes };
}
