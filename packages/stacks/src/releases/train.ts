import { compareBottlerocketReleases, findBlockedRelease, ReleaseTrain, ResolvedSettings } from 'bottlerocket-eks-config';
import type { EnvironmentObservation, EnvironmentTrain, GroupObservation, Promotion, PublishedRelease, ReleaseTrainPlan } from './model';

/** The settings of an environment the train reads. */
export type TrainSettings = Pick<ResolvedSettings, 'pjPrefix' | 'releaseTrain' | 'releaseSoakDays' | 'bottlerocketRelease' | 'blockedBottlerocketReleases'>;

/** One environment, in the order of `environments`: its settings, and what it runs (or why that is unknown). */
export interface TrainEnvironmentInput {
  readonly environment?: string;
  readonly settings: TrainSettings;
  readonly observation?: EnvironmentObservation;
  /** Why it could not be read, when it could not. */
  readonly unreadable?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The release train: for each environment in order, the release it should move to and from
 * when. The first environment takes the newest release published for every variant its
 * following groups use, as soon as it is published. Each next environment takes the release
 * the one before it runs, once all of that one's following groups have run it for this
 * environment's `releaseSoakDays`. Never a blocked release, never one not published for the
 * environment's variants, never a step back; nothing for a pinned environment or a pinned group.
 */
export function planReleaseTrain(environments: readonly TrainEnvironmentInput[], now: Date): ReleaseTrainPlan {
  const trains: EnvironmentTrain[] = [];
  environments.forEach((input, i) => trains.push(trainOf(input, i === 0 ? undefined : { input: environments[i - 1], train: trains[i - 1] }, now)));
  return { checkedAt: now.toISOString(), environments: trains };
}

type Previous = { readonly input: TrainEnvironmentInput; readonly train: EnvironmentTrain } | undefined;

function trainOf(input: TrainEnvironmentInput, previous: Previous, now: Date): EnvironmentTrain {
  const { settings, observation } = input;
  const base = {
    environment: input.environment,
    pjPrefix: settings.pjPrefix,
    train: settings.releaseTrain,
    soakDays: settings.releaseSoakDays,
    setRelease: settings.bottlerocketRelease,
    groups: observation?.groups ?? [],
    blocked: [],
  };
  if (!observation) return { ...base, waiting: `could not be read: ${input.unreadable ?? 'unknown'}`, notes: [] };
  const notes = [...observation.notes];
  const following = observation.groups.filter((g) => g.pinned === undefined);
  // With every group pinned, what they run still tells the next environment what ran here.
  const running = agreedRelease((following.length > 0 ? following : observation.groups).filter((g) => g.exists));
  const on = settings.bottlerocketRelease ?? running.release;
  if (settings.bottlerocketRelease && running.release && running.release !== settings.bottlerocketRelease) {
    notes.push(`set to ${settings.bottlerocketRelease}, but its nodes run ${running.release}: deploy it`);
  }
  const published = commonReleases(following.map((g) => observation.published[g.variant]));
  if (settings.bottlerocketRelease && published && !published.some((p) => p.release === settings.bottlerocketRelease)) {
    notes.push(`${settings.bottlerocketRelease} is not published (any more) for ${variantsOf(following)}: its groups cannot be created or replaced on it`);
  }
  const newer = (published ?? []).filter((p) => on === undefined || compareBottlerocketReleases(p.release, on) > 0);
  const blocked = newer.flatMap((p) => {
    const entry = findBlockedRelease(p.release, settings.blockedBottlerocketReleases);
    return entry ? [{ release: p.release, reason: entry.reason }] : [];
  });
  const newest = published?.find((p) => !findBlockedRelease(p.release, settings.blockedBottlerocketReleases))?.release;
  const train = { ...base, runs: running.release, runsSince: running.since, newest, blocked, notes };
  if (settings.releaseTrain === ReleaseTrain.PINNED) return { ...train, waiting: 'pinned (releaseTrain: pinned): nothing is proposed' };
  if (following.length === 0) return { ...train, waiting: 'every node group is pinned by its own releaseVersion' };
  if (!published) return { ...train, waiting: `the published releases of ${variantsOf(following)} could not be read` };

  if (!previous) {
    const candidate = newer.find((p) => !findBlockedRelease(p.release, settings.blockedBottlerocketReleases));
    if (!candidate) return { ...train, waiting: on ? `on the newest release published for ${variantsOf(following)}` : 'no release is published for its variants' };
    return { ...train, promotion: firstPromotion(candidate) };
  }

  const before = previous.train;
  const name = label(previous.input);
  if (!previous.input.observation) return { ...train, waiting: `waits for ${name}, which could not be read` };
  if (!before.runs) {
    const releases = [...new Set(before.groups.filter((g) => g.exists && g.release).map((g) => g.release))];
    return {
      ...train,
      waiting: releases.length > 1
        ? `waits for ${name} to settle on one release (its groups run ${releases.join(', ')})`
        : `waits for ${name}, which runs no release yet (not deployed)`,
    };
  }
  if (on !== undefined && compareBottlerocketReleases(before.runs, on) <= 0) return { ...train, waiting: `up to date with ${name} (${before.runs})` };
  const block = findBlockedRelease(before.runs, settings.blockedBottlerocketReleases);
  if (block) return { ...train, waiting: `${name} runs ${before.runs}, which is blocked here: ${block.reason}` };
  if (!published.some((p) => p.release === before.runs)) {
    return { ...train, waiting: `${name} runs ${before.runs}, which is not published for ${variantsOf(following)}` };
  }
  if (!before.runsSince) return { ...train, waiting: `${name} runs ${before.runs}, but since when is unknown: not promoted before that is known` };
  const eligibleAt = new Date(Date.parse(before.runsSince) + settings.releaseSoakDays * DAY_MS);
  const promotion: Promotion = {
    release: before.runs,
    eligibleAt: eligibleAt.toISOString(),
    due: eligibleAt.getTime() <= now.getTime(),
    because: `it has run in ${name} since ${day(before.runsSince)}; the soak here is ${settings.releaseSoakDays} day(s)`,
  };
  return { ...train, promotion };
}

function firstPromotion(candidate: PublishedRelease): Promotion {
  return {
    release: candidate.release,
    eligibleAt: candidate.publishedAt ?? new Date(0).toISOString(),
    due: true,
    because: `published${candidate.publishedAt ? ` ${day(candidate.publishedAt)}` : ''}; the first environment takes a release when it is published`,
  };
}

/** The release all the groups run and since when all of them do, when they agree. */
function agreedRelease(groups: GroupObservation[]): { release?: string; since?: string } {
  const releases = new Set(groups.map((g) => g.release));
  if (groups.length === 0 || releases.size !== 1 || !groups[0].release) return {};
  const times = groups.map((g) => g.since);
  const since = times.every((t): t is string => t !== undefined) ? times.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b)) : undefined;
  return { release: groups[0].release, since };
}

/** The releases published for every one of the variants, newest first; undefined when a list is missing (not read). */
function commonReleases(lists: Array<PublishedRelease[] | undefined>): PublishedRelease[] | undefined {
  if (lists.length === 0 || lists.some((l) => l === undefined)) return lists.length === 0 ? [] : undefined;
  const [first, ...rest] = lists as PublishedRelease[][];
  return first
    .filter((p) => rest.every((l) => l.some((q) => q.release === p.release)))
    .map((p) => ({
      release: p.release,
      // Published for all of them when it was published for the last.
      publishedAt: [p, ...rest.map((l) => l.find((q) => q.release === p.release)!)]
        .map((q) => q.publishedAt).reduce((a, b) => (a === undefined || b === undefined ? undefined : a > b ? a : b)),
    }))
    .sort((a, b) => compareBottlerocketReleases(b.release, a.release));
}

function variantsOf(groups: GroupObservation[]): string {
  return [...new Set(groups.map((g) => g.variant))].join(', ');
}

/** How the train names an environment: its name, or its prefix in a repository of one. */
export function label(input: { readonly environment?: string; readonly settings: { readonly pjPrefix: string } }): string {
  return input.environment ?? input.settings.pjPrefix;
}

function day(iso: string): string {
  return iso.slice(0, 10);
}
