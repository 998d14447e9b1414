import { RELEASES_ACTIONS, ResolvedSettings, stackResourceTypes, STATUS_ACTIONS } from 'bottlerocket-eks-config';
import { ownArns } from './deploy-policy';
import { HANDLER_PERMISSIONS } from './handler-permissions';
import { ArnOf, arnsIn, PolicyStatement } from './policy-document';

/**
 * What the status role allows beside the drift detection reads: the calls of `bottlerocket-eks
 * status` (`STATUS_ACTIONS`) and of `bottlerocket-eks releases` for one environment
 * (`RELEASES_ACTIONS`: the scheduled `releases` workflow reads each environment as its status
 * role), each once.
 */
export const STATUS_ROLE_ACTIONS: string[] = [...new Set([...STATUS_ACTIONS, ...RELEASES_ACTIONS])];

/**
 * The calls of `bottlerocket-eks status` that IAM authorizes only on `*`: the Service
 * Authorization Reference gives them no resource type (or, for `ListImports`, none the call
 * names: it takes an export name).
 */
const UNSCOPED_STATUS_ACTIONS = [
  'sts:GetCallerIdentity', 'eks:DescribeClusterVersions', 'eks:DescribeAddonVersions',
  'cloudformation:DescribeStackDriftDetectionStatus', 'cloudformation:ListImports',
];

/** One statement of the status role: the actions of `STATUS_ROLE_ACTIONS` it takes, on which resources. */
interface StatusScope {
  readonly sid: string;
  readonly takes: (action: string) => boolean;
  readonly resource: unknown;
}

/**
 * The statements of the status role (the scheduled `status` and `releases` workflows of the default branch):
 * - each action of `STATUS_ROLE_ACTIONS` once, on the resources of this prefix where IAM allows it:
 *   its stacks, its cluster with its node groups and add-ons, and the public SSM parameters of
 *   the Bottlerocket releases; on `*` only the calls that take no resource;
 * - `DriftDetectionReads`: what the read handlers of the stacks' resource types call, on `*`.
 *   CloudFormation's drift detection reads each resource with the caller's credentials (AWS
 *   CloudFormation User Guide, drift detection considerations). Those of `STATUS_ROLE_ACTIONS` (the
 *   cluster, node group and add-on reads) stay scoped to the prefix above.
 * Nothing in it writes; a new action in `STATUS_ACTIONS` or `RELEASES_ACTIONS` without a scope here throws.
 */
export function statusPolicy(settings: ResolvedSettings): PolicyStatement[] {
  const arn: ArnOf = arnsIn(settings.region);
  const own = ownArns(settings);
  const scopes: StatusScope[] = [
    { sid: 'Read', takes: (a) => UNSCOPED_STATUS_ACTIONS.includes(a), resource: '*' },
    { sid: 'Stacks', takes: (a) => a.startsWith('cloudformation:'), resource: own.stacks },
    {
      // DescribeCluster, ListNodegroups, ListInsights and DescribeInsight are authorized on the
      // cluster, DescribeNodegroup and DescribeAddon on their node group or add-on; ListUpdates and
      // DescribeUpdate (a node group's version updates, for the release train) on the cluster, and
      // on the node group or add-on the update is of (Service Authorization Reference, Amazon EKS).
      sid: 'Cluster',
      takes: (a) => a.startsWith('eks:'),
      resource: [own.cluster, arn('eks', `nodegroup/${own.clusterName}/*/*`), own.addons],
    },
    {
      // The Bottlerocket releases of each Kubernetes version (the newest, GetParameter, and every
      // published one under a variant's path, GetParametersByPath): public parameters of AWS, in no account.
      sid: 'BottlerocketReleases',
      takes: (a) => a === 'ssm:GetParameter' || a === 'ssm:GetParametersByPath',
      resource: { 'Fn::Sub': `arn:\${AWS::Partition}:ssm:${settings.region}::parameter/aws/service/bottlerocket/*` },
    },
  ];
  const taken = new Map<string, string[]>(scopes.map((s) => [s.sid, []]));
  for (const action of STATUS_ROLE_ACTIONS) {
    const scope = scopes.find((s) => s.takes(action));
    if (!scope) throw new Error(`The status role has no scope for ${action}`);
    taken.get(scope.sid)!.push(action);
  }
  const statements = scopes.filter((s) => taken.get(s.sid)!.length > 0)
    .map((s): PolicyStatement => ({ Sid: s.sid, Effect: 'Allow', Action: taken.get(s.sid)!, Resource: s.resource }));
  return [...statements, { Sid: 'DriftDetectionReads', Effect: 'Allow', Action: driftDetectionReads(settings), Resource: '*' }];
}

/**
 * The actions of the read handlers of every resource type the stacks of these settings create,
 * sorted and each once, but those `STATUS_ROLE_ACTIONS` already allows (on the prefix's resources).
 */
export function driftDetectionReads(settings: ResolvedSettings): string[] {
  const reads = new Set<string>();
  for (const type of stackResourceTypes(settings)) {
    const handlers = HANDLER_PERMISSIONS[type];
    if (!handlers) throw new Error(`No CloudFormation handler permissions for ${type}: run npx projen refresh-handler-permissions`);
    for (const action of handlers.read ?? []) if (!STATUS_ROLE_ACTIONS.includes(action)) reads.add(action);
  }
  return [...reads].sort();
}
