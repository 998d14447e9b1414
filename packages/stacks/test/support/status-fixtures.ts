import { NodegroupStatus } from '../../src/status';

/** The main node group of prefix `team-a` as status reads it: active, healthy, on `version`, at its settings' sizes. */
export function healthyNodegroup(version: string, changes: Partial<NodegroupStatus> = {}): NodegroupStatus {
  return {
    name: 'team-a-bottlerocket-spot',
    nodegroupName: 'team-a-bottlerocket-spot-2114074d',
    exists: true,
    status: 'ACTIVE',
    healthIssues: [],
    version,
    releaseVersion: '1.51.0-47438798',
    latestRelease: '1.51.0-47438798',
    latestReleaseParameter: `/aws/service/bottlerocket/aws-k8s-${version}/x86_64/latest/image_version`,
    size: { desired: 2, min: 1, max: 4 },
    settingsSize: { desired: 2, min: 1, max: 4 },
    ...changes,
  };
}
