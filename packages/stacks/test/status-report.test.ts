import { Settings } from 'bottlerocket-eks-config';
import { EnvironmentStatus, formatStatus } from '../src/status';
import { aliceTarget } from './support/deploy-context';
import { healthyNodegroup } from './support/status-fixtures';
import { attentionOf, AttentionInput } from '../src/status/attention';

const SETTINGS = Settings.resolve({ pjPrefix: 'team-a', region: 'eu-west-1' });

/** A healthy environment on Kubernetes 1.35 with 100 days of standard support left. */
function healthy(): AttentionInput {
  return {
    stacks: [{ stackName: 'team-a-network', exists: true, status: 'UPDATE_COMPLETE', drift: { status: 'IN_SYNC', resources: [] } }],
    cluster: {
      name: 'team-a-cluster',
      exists: true,
      version: '1.35',
      settingsVersion: '1.35',
      status: 'ACTIVE',
      healthIssues: [],
      insights: [],
      support: { endOfStandardSupport: '2027-03-27', daysLeft: 100, source: 'EKS DescribeClusterVersions', estimated: false, next: '1.36' },
    },
    addons: [{ name: 'kube-proxy', installed: true, version: 'v1.35.3-eksbuild.13', settingsVersion: 'v1.35.3-eksbuild.13', status: 'ACTIVE', healthIssues: [] }],
    nodegroups: [healthyNodegroup('1.35', { releaseVersion: '1.50.0-1', latestRelease: '1.51.0-2' })],
    notes: [],
    supportDays: 30,
    deployCommand: 'npx projen deploy',
    upgradeCommand: 'npx projen kubernetes-upgrade',
  };
}

describe('what needs attention', () => {
  test('nothing, in a healthy environment whose nodes run an older Bottlerocket release than the newest (shown, not attention)', () => {
    expect(attentionOf(healthy())).toEqual([]);
  });

  test.each<[string, (input: AttentionInput) => AttentionInput, string]>([
    ['a failed stack', (i) => ({ ...i, stacks: [{ ...i.stacks[0], status: 'UPDATE_ROLLBACK_FAILED' }] }), 'stacks: team-a-network: UPDATE_ROLLBACK_FAILED'],
    ['drift that could not be established', (i) => ({ ...i, stacks: [{ ...i.stacks[0], drift: { status: 'UNKNOWN', reason: 'it timed out', resources: [] } }] }),
      'stacks: team-a-network: drift unknown: it timed out'],
    ['a cluster on another version than the settings (EKS upgraded it)', (i) => ({
      ...i, cluster: { ...i.cluster, version: '1.36' }, nodegroups: [{ ...i.nodegroups[0], version: '1.36' }],
    }),
    'cluster: team-a-cluster: runs Kubernetes 1.36, the settings say 1.35'],
    ['a health issue of the cluster', (i) => ({ ...i, cluster: { ...i.cluster, healthIssues: [{ code: 'SUBNET_NOT_FOUND', message: 'gone' }] } }),
      'cluster: team-a-cluster: health: SUBNET_NOT_FOUND: gone'],
    ['support within the days set', (i) => ({ ...i, supportDays: 120 }), 'cluster: Kubernetes 1.35: leaves standard support on 2027-03-27, in 100 day(s)'],
    ['a degraded add-on', (i) => ({ ...i, addons: [{ ...i.addons[0], status: 'DEGRADED' }] }), 'addons: kube-proxy: status DEGRADED'],
    ['a node group on another version than the control plane', (i) => ({ ...i, nodegroups: [{ ...i.nodegroups[0], version: '1.34' }] }),
      'nodegroups: team-a-bottlerocket-spot: nodes run Kubernetes 1.34, the control plane 1.35'],
    ['a node group whose limits differ from the settings', (i) => ({ ...i, nodegroups: [{ ...i.nodegroups[0], size: { desired: 2, min: 1, max: 9 } }] }),
      'nodegroups: team-a-bottlerocket-spot: min/max 1/9, the settings say 1/4'],
    ['a part that could not be read', (i) => ({ ...i, notes: [{ section: 'cluster', text: 'could not read the upgrade insights' }] }),
      'cluster: unread: could not read the upgrade insights'],
  ])('%s', (_name, change, expected) => {
    const found = attentionOf(change(healthy())).map((a) => `${a.section}: ${a.subject}: ${a.reason}`);
    expect(found).toEqual([expected]);
  });
});

describe('the screen', () => {
  const status: EnvironmentStatus = {
    ...healthy(), target: aliceTarget(SETTINGS), checkedAt: '2026-12-04T06:00:00.000Z', attention: [],
  } as unknown as EnvironmentStatus;

  test('colour only when asked (a terminal): the same text otherwise', () => {
    const plain = formatStatus(status, { color: false });
    const coloured = formatStatus(status, { color: true });
    expect(plain).not.toContain('\u001b[');
    expect(coloured).toContain('\u001b[32mNothing needs attention.\u001b[0m');
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });

  test('a newer Bottlerocket release is shown beside the one the nodes run', () => {
    expect(formatStatus(status)).toMatch(/team-a-bottlerocket-spot-2114074d +ACTIVE +1\.35 +1\.50\.0-1 +1\.51\.0-2 available +2\/1\/4 \(2\/1\/4\)/);
  });
});
