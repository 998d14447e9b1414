import { ResolvedSettings, ResourceNames } from 'bottlerocket-eks-config';
import type { EnvironmentObservation, GroupObservation, PublishedRelease } from './model';
import { successfulVersionUpdates } from '../aws/reads';
import { DescribeNodegroupCommand, EKSClient, paginateGetParametersByPath, SSMClient } from '../aws/sdk';
import { PreflightClients, ShellRegion } from '../preflight/check';
import { PREFLIGHT_CHECKS } from '../preflight/check-list';
import { runPreflight } from '../preflight/runner';
import { readOrNote } from '../status/context';
import type { StatusNote } from '../status/model';
import { BOTTLEROCKET_PARAMETERS, bottlerocketVariant, findNodegroupName, listNodegroups } from '../status/nodegroups';

/** What `observeEnvironment` reads. */
export interface ObserveOptions {
  readonly settings: ResolvedSettings;
  /** The repository's environment, if it has several. */
  readonly environment?: string;
  readonly shellRegion?: ShellRegion;
  readonly clients: PreflightClients;
  /** @default - now */
  readonly now?: Date;
}

/** `<variant>/<arch>/<release>/image_version`: a release's own parameter (Bottlerocket's pubsys writes one per release). */
const RELEASE_PARAMETER = /\/(\d+\.\d+\.\d+-[0-9a-f]{8})\/image_version$/;

/**
 * What an environment runs: first the preflight's checks of who and where (a wrong account or
 * region is its one-line error), then each node group of the settings (`ListNodegroups`,
 * `DescribeNodegroup`): the release its nodes run and since when (its newest successful version
 * update that set that release, else its newest successful version update, else its creation:
 * never earlier than the truth, so a soak is never cut short), and the releases published for
 * each variant the groups use (`GetParametersByPath` under `/aws/service/bottlerocket/<variant>`).
 * A call the credentials may not make is a note and the part stays unknown.
 */
export async function observeEnvironment(run: ObserveOptions): Promise<EnvironmentObservation> {
  const { settings, clients } = run;
  const now = run.now ?? new Date();
  const { target, failure } = await runPreflight(
    { settings, operation: 'deploy', shellRegion: run.shellRegion, clients, now },
    { local: PREFLIGHT_CHECKS.local, identity: PREFLIGHT_CHECKS.identity, plan: [], deploy: [], destroy: [] },
  );
  if (failure || !target) throw failure;
  const names = new ResourceNames(settings.pjPrefix);
  const clusterName = names.cluster(settings.clusterName);
  const notes: StatusNote[] = [];
  const eksNames = await readOrNote(notes, 'nodegroups', `the node groups of ${clusterName}`, () => nodegroupsOf(clients.eks, clusterName)) ?? [];
  const groups = await Promise.all(settings.nodegroups.map(async (group): Promise<GroupObservation> => {
    const name = names.nodegroup(group.name);
    const nodegroupName = findNodegroupName(eksNames, name);
    const nodegroup = nodegroupName
      ? await readOrNote(notes, 'nodegroups', `node group ${nodegroupName}`,
        async () => (await clients.eks.send(new DescribeNodegroupCommand({ clusterName, nodegroupName }))).nodegroup)
      : undefined;
    const variant = bottlerocketVariant(nodegroup?.version ?? settings.kubernetesVersion, group);
    if (!nodegroup) return { name, exists: false, variant, pinned: group.releaseVersion };
    const release = nodegroup.releaseVersion;
    const updates = await readOrNote(notes, 'nodegroups', `the version updates of ${nodegroupName}`,
      () => successfulVersionUpdates(clients.eks, clusterName, nodegroupName));
    const since = updates === undefined ? undefined
      : (updates.find((u) => u.params.ReleaseVersion === release) ?? updates[0])?.createdAt ?? nodegroup.createdAt;
    return { name, exists: true, variant, pinned: group.releaseVersion, release, since: since?.toISOString() };
  }));
  const published: Record<string, PublishedRelease[]> = {};
  await Promise.all([...new Set(groups.map((g) => g.variant))].map(async (variant) => {
    const path = `${BOTTLEROCKET_PARAMETERS}/${variant}`;
    const releases = await readOrNote(notes, 'nodegroups', `the Bottlerocket releases published under ${path}`, () => publishedReleases(clients.ssm, path));
    if (releases) published[variant] = releases;
  }));
  return {
    format: 1,
    environment: run.environment,
    pjPrefix: settings.pjPrefix,
    observedAt: now.toISOString(),
    groups,
    published,
    notes: notes.map((n) => n.text),
  };
}

/** The cluster's node groups; none when the cluster does not exist. */
async function nodegroupsOf(eks: EKSClient, clusterName: string): Promise<string[]> {
  try {
    return await listNodegroups(eks, clusterName);
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') return [];
    throw error;
  }
}

/** The releases with a parameter of their own under `path`, newest parameter first. */
async function publishedReleases(ssm: SSMClient, path: string): Promise<PublishedRelease[]> {
  const releases: PublishedRelease[] = [];
  for await (const page of paginateGetParametersByPath({ client: ssm }, { Path: path, Recursive: true })) {
    for (const parameter of page.Parameters ?? []) {
      const release = RELEASE_PARAMETER.exec(parameter.Name ?? '')?.[1];
      if (release) releases.push({ release, publishedAt: parameter.LastModifiedDate?.toISOString() });
    }
  }
  return releases.sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
}
