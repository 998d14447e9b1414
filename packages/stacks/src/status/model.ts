// What `bottlerocket-eks status` finds in a deployed environment: plain data, the same for the
// table a person reads and the JSON a script reads. Types only.
import type { DeployTarget } from '../preflight/check';

/** An issue EKS reports on a cluster, add-on or node group (`health.issues`). */
export interface HealthIssue {
  readonly code: string;
  readonly message: string;
}

/** One thing that needs the team's attention: what, why, and what to do. */
export interface Attention {
  /** The part of the screen it belongs to. */
  readonly section: StatusSectionName;
  /** What it is about: a stack, the cluster, an add-on, a node group, an insight. */
  readonly subject: string;
  readonly reason: string;
  /** What to do about it, when there is something to do. */
  readonly fix?: string;
}

/** The parts of a status screen, in the order shown. */
export type StatusSectionName = 'stacks' | 'cluster' | 'addons' | 'nodegroups';

/** A property of a resource that drifted: what the template says against what runs. */
export interface PropertyDrift {
  readonly path: string;
  readonly expected?: string;
  readonly actual?: string;
  /** `NOT_EQUAL`, `ADD` or `REMOVE`. */
  readonly type: string;
}

/** A resource of a stack changed or deleted outside CloudFormation. */
export interface DriftedResource {
  readonly logicalId: string;
  readonly type: string;
  /** `MODIFIED` or `DELETED`. */
  readonly status: string;
  readonly properties: PropertyDrift[];
}

/** The drift of a stack: checked and found in sync or drifted, or why it is not known. */
export interface StackDrift {
  /** `IN_SYNC`, `DRIFTED`, `UNKNOWN` (the detection did not end, or failed), or `NOT_CHECKED` (`--no-drift`). */
  readonly status: 'IN_SYNC' | 'DRIFTED' | 'UNKNOWN' | 'NOT_CHECKED';
  /** Why it is unknown. */
  readonly reason?: string;
  readonly resources: DriftedResource[];
}

/** What a deploy would change in a stack (the update plan in brief). */
export interface PendingChanges {
  readonly create: number;
  readonly update: number;
  readonly replace: number;
  readonly delete: number;
  /** Changes CloudFormation could not carry out (the preflight refuses the deploy). */
  readonly refused: number;
}

/** A stack of the environment. */
export interface StackStatus {
  readonly stackName: string;
  /** False when the stack does not exist (not deployed yet, or deleted). */
  readonly exists: boolean;
  readonly status?: string;
  readonly statusReason?: string;
  /** When it was last created or updated (ISO 8601). */
  readonly lastUpdated?: string;
  /** Pending changes, when the synthesized stacks were given; undefined when not known. */
  readonly pending?: PendingChanges;
  readonly drift?: StackDrift;
}

/** Where the end of standard support of a version came from. */
export type SupportSource = 'EKS DescribeClusterVersions' | 'the product\'s version table';

/** How long the cluster's Kubernetes version stays in standard support, and what comes next. */
export interface SupportStatus {
  /** The last day of standard support (UTC, `YYYY-MM-DD`). */
  readonly endOfStandardSupport: string;
  /** Whole days from now to that day; negative once it has passed. */
  readonly daysLeft: number;
  readonly source: SupportSource;
  /** True when the product's table has the date as an estimate. */
  readonly estimated: boolean;
  /** The next minor version the product supports, if any. */
  readonly next?: string;
}

/** An EKS upgrade insight (UPGRADE_READINESS) of the cluster. */
export interface InsightStatus {
  readonly id: string;
  readonly name: string;
  /** The Kubernetes version the insight is about (the version an upgrade goes to). */
  readonly kubernetesVersion: string;
  /** `PASSING`, `WARNING`, `ERROR` or `UNKNOWN` (EKS has not computed it yet: never "passed"). */
  readonly status: string;
  readonly reason?: string;
  readonly recommendation?: string;
  /** When EKS last refreshed it (ISO 8601). */
  readonly lastRefresh?: string;
}

/** The EKS cluster of the environment. */
export interface ClusterStatus {
  readonly name: string;
  readonly exists: boolean;
  /** The Kubernetes version that runs. */
  readonly version?: string;
  /** The version the settings ask for. */
  readonly settingsVersion: string;
  readonly platformVersion?: string;
  readonly status?: string;
  readonly healthIssues: HealthIssue[];
  readonly support?: SupportStatus;
  /** Upgrade insights; undefined when they could not be read (see the notes). */
  readonly insights?: InsightStatus[];
}

/** An add-on the settings install. */
export interface AddonStatus {
  /** The EKS add-on name. */
  readonly name: string;
  /** False when EKS has no such add-on on the cluster. */
  readonly installed: boolean;
  readonly version?: string;
  /** The version the settings ask for (the team's pin or the product's table); undefined: EKS's default at creation. */
  readonly settingsVersion?: string;
  /** The default version EKS offers for the cluster's Kubernetes version, when known. */
  readonly eksDefault?: string;
  readonly status?: string;
  readonly healthIssues: HealthIssue[];
}

/** A node group the settings define. */
export interface NodegroupStatus {
  /** The group's name without its fingerprint, `<prefix>-<group>`. */
  readonly name: string;
  /** The EKS node group's name (with its fingerprint), when one exists. */
  readonly nodegroupName?: string;
  readonly exists: boolean;
  readonly status?: string;
  readonly healthIssues: HealthIssue[];
  /** Kubernetes version of the nodes. */
  readonly version?: string;
  /** The Bottlerocket release the nodes run (`releaseVersion`). */
  readonly releaseVersion?: string;
  /** The newest Bottlerocket release for its Kubernetes version, architecture and variant (public SSM parameter). */
  readonly latestRelease?: string;
  /** The SSM parameter that names it. */
  readonly latestReleaseParameter: string;
  readonly size?: { readonly desired: number; readonly min: number; readonly max: number };
  readonly settingsSize: { readonly desired: number; readonly min: number; readonly max: number };
}

/** The status of one environment. */
export interface EnvironmentStatus {
  /** The repository's environment, if it has several. */
  readonly environment?: string;
  readonly target: DeployTarget;
  /** When the status was read (ISO 8601). */
  readonly checkedAt: string;
  readonly stacks: StackStatus[];
  readonly cluster: ClusterStatus;
  readonly addons: AddonStatus[];
  readonly nodegroups: NodegroupStatus[];
  /** What needs attention; empty when nothing does (exit code 0). */
  readonly attention: Attention[];
  /** What could not be read, and why (each also needs attention). */
  readonly notes: StatusNote[];
}

/** A part of the status that could not be read, and why. */
export interface StatusNote {
  readonly section: StatusSectionName;
  readonly text: string;
}
