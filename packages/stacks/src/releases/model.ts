/**
 * What one environment runs, as read from AWS by `bottlerocket-eks releases`: the input of the
 * release train. Plain JSON, so the scheduled workflow can read each environment with its own
 * role in a job of its own and plan the train from the files in another.
 */
export interface EnvironmentObservation {
  readonly format: 1;
  /** The repository's environment, if it has several. */
  readonly environment?: string;
  readonly pjPrefix: string;
  /** When it was read (ISO 8601). */
  readonly observedAt: string;
  readonly groups: GroupObservation[];
  /** The releases published for each variant the groups use (`aws-k8s-1.35/x86_64`), newest first. */
  readonly published: { readonly [variant: string]: PublishedRelease[] };
  /** What could not be read (the credentials may not make a call): one line each. */
  readonly notes: string[];
}

/** One node group of the settings, and what its nodes run. */
export interface GroupObservation {
  /** The node group's name without its fingerprint (`team-a-bottlerocket-spot`). */
  readonly name: string;
  /** Whether EKS has it. */
  readonly exists: boolean;
  /** The Bottlerocket variant and architecture of its nodes: `aws-k8s-<version>[-nvidia|-fips]/<arch>`. */
  readonly variant: string;
  /** The group's own `releaseVersion`: pinned, the train leaves it alone. */
  readonly pinned?: string;
  /** The release its nodes run (DescribeNodegroup). */
  readonly release?: string;
  /** Since when (ISO 8601): its last successful version update to that release, else its creation. */
  readonly since?: string;
}

/** A release published for a variant. */
export interface PublishedRelease {
  /** `1.54.0-1a2b3c4d`. */
  readonly release: string;
  /** When its parameter was written (SSM's LastModifiedDate, ISO 8601). */
  readonly publishedAt?: string;
}

/** A promotion the train proposes: a release for an environment, and from when. */
export interface Promotion {
  readonly release: string;
  /** From when it may be promoted (ISO 8601). */
  readonly eligibleAt: string;
  /** Whether it is due now. */
  readonly due: boolean;
  /** Why this release, and why then. */
  readonly because: string;
}

/** One environment of the train. */
export interface EnvironmentTrain {
  readonly environment?: string;
  readonly pjPrefix: string;
  /** `follow` or `pinned`. */
  readonly train: string;
  readonly soakDays: number;
  /** The environment's `bottlerocketRelease`. */
  readonly setRelease?: string;
  /** The one release its following groups run, when they agree. */
  readonly runs?: string;
  /** Since when all of them run it (ISO 8601). */
  readonly runsSince?: string;
  readonly groups: GroupObservation[];
  /** The newest release published for every variant of its following groups. */
  readonly newest?: string;
  /** The release proposed, if any. */
  readonly promotion?: Promotion;
  /** Why nothing is proposed, when nothing is. */
  readonly waiting?: string;
  /** Releases newer than the one it is on that will not be proposed, with why. */
  readonly blocked: { readonly release: string; readonly reason: string }[];
  /** What else to know: a release set but not deployed, a release no longer published, what could not be read. */
  readonly notes: string[];
}

/** The release train of the repository, environment by environment in their order. */
export interface ReleaseTrainPlan {
  readonly checkedAt: string;
  readonly environments: EnvironmentTrain[];
}
