import { ADDON_VERSIONS, BottlerocketEksSettings, nextKubernetesVersion, ResolvedSettings, Settings, SUPPORTED_KUBERNETES_VERSIONS } from 'bottlerocket-eks-config';
import { EnvironmentStatus, InsightStatus } from '../src/status';
import { isStep, planRollback, planUpgrade, ProjenrcEditError, setProjectOption, UpgradeRecord, UpgradeRefusal, UpgradeStep } from '../src/upgrade';
import { aliceTarget } from './support/deploy-context';
import { healthyNodegroup } from './support/status-fixtures';

const OPTIONS: BottlerocketEksSettings = { pjPrefix: 'team-a', region: 'eu-west-1' };
const DEPLOY = 'npx projen deploy';

/** A healthy environment on `version`, deployed as its settings say. */
function statusOn(version: string, changes: Partial<EnvironmentStatus> = {}, insights: InsightStatus[] = []): EnvironmentStatus {
  const settings = Settings.resolve({ ...OPTIONS, kubernetesVersion: version });
  return {
    target: aliceTarget(settings),
    checkedAt: '2026-12-04T06:00:00.000Z',
    stacks: ['team-a-network', 'team-a-cluster', 'team-a-nodegroup'].map((stackName) => ({
      stackName, exists: true, status: 'UPDATE_COMPLETE', drift: { status: 'IN_SYNC', resources: [] },
    })),
    cluster: { name: 'team-a-cluster', exists: true, version, settingsVersion: version, status: 'ACTIVE', healthIssues: [], insights },
    addons: settings.addons.map((a) => ({ name: a.name, installed: true, version: a.version ?? 'v1.0.0-eksbuild.1', settingsVersion: a.version, healthIssues: [] })),
    nodegroups: [healthyNodegroup(version)],
    attention: [],
    notes: [],
    ...changes,
  };
}

/** The step from what `status` runs, with the settings of the next version unless given. */
function plan(status: EnvironmentStatus, target?: ResolvedSettings | string) {
  const next = target ?? Settings.resolve({ ...OPTIONS, kubernetesVersion: nextKubernetesVersion(status.cluster.version!) });
  return planUpgrade({ status, target: next, offers: {}, deployCommand: DEPLOY });
}

function step(planned: UpgradeStep | UpgradeRefusal): UpgradeStep {
  if (!isStep(planned)) throw new Error(`refused: ${planned.reason}`);
  return planned;
}

const STEPS = SUPPORTED_KUBERNETES_VERSIONS.slice(0, -1).map((from) => [from, nextKubernetesVersion(from)!]);

describe.each(STEPS)('from Kubernetes %s', (from, to) => {
  const passing = [{ id: 'i1', name: 'Kubernetes API deprecations', kubernetesVersion: to, status: 'PASSING' }];

  test(`the step goes to ${to}, with the add-on versions of the product's table, in order`, () => {
    const planned = step(plan(statusOn(from, {}, passing)));
    expect(planned).toMatchObject({ from, to, refusals: [] });
    for (const addon of planned.addons) {
      const key = Object.entries(ADDON_VERSIONS[to]).find(([, v]) => v === addon.to)?.[0];
      if (addon.to !== undefined) expect(key).toBeDefined();
    }
    expect(planned.addons.find((a) => a.name === 'kube-proxy')?.to).toBe(ADDON_VERSIONS[to].kubeProxy);
    expect(planned.addons.filter((a) => a.stack === 'cluster').map((a) => a.name)).toEqual(['vpc-cni', 'kube-proxy', 'eks-pod-identity-agent']);
    expect(planned.nodegroups).toEqual([{ name: 'bottlerocket-spot', desired: 2, maxUnavailablePercentage: 33, rounds: 2 }]);
  });

  test(`refused while an upgrade insight for ${to} is in ERROR, naming it and its recommendation`, () => {
    const planned = step(plan(statusOn(from, {}, [{
      id: 'i2', name: 'Deprecated APIs removed', kubernetesVersion: to, status: 'ERROR', reason: 'in use', recommendation: 'Move to the new APIs',
    }])));
    expect(planned.refusals).toEqual([{ reason: `the EKS upgrade insight "Deprecated APIs removed" for ${to} is in ERROR: in use`, fix: 'Move to the new APIs' }]);
  });

  test('insights EKS has not computed are unknown, never passed', () => {
    expect(step(plan(statusOn(from))).warnings).toContain(`EKS has no upgrade insight for ${to} yet: unknown, not passed (EKS refreshes them itself)`);
    const unknown = step(plan(statusOn(from, {}, [{ id: 'i3', name: 'Cluster health', kubernetesVersion: to, status: 'UNKNOWN' }])));
    expect(unknown.refusals).toEqual([]);
    expect(unknown.warnings).toContain('the upgrade insight "Cluster health" is UNKNOWN (not computed yet): not a pass');
  });
});

describe('refusals', () => {
  const from = SUPPORTED_KUBERNETES_VERSIONS[0];
  const to = nextKubernetesVersion(from)!;

  test('a stack being changed, a drifted stack, a node group on another version: each named', () => {
    const base = statusOn(from);
    const stacks = [
      { ...base.stacks[0], status: 'UPDATE_IN_PROGRESS' },
      { ...base.stacks[1], drift: { status: 'DRIFTED' as const, resources: [{ logicalId: 'Cluster', type: 'AWS::EKS::Cluster', status: 'MODIFIED', properties: [] }] } },
      base.stacks[2],
    ];
    const nodegroups = [{ ...base.nodegroups[0], version: '1.33' }];
    const reasons = step(plan(statusOn(from, { stacks, nodegroups }))).refusals.map((r) => r.reason);
    expect(reasons).toEqual([
      'the stack team-a-network is UPDATE_IN_PROGRESS',
      'the stack team-a-cluster drifted (Cluster)',
      `the node group team-a-bottlerocket-spot runs Kubernetes 1.33, the control plane ${from}: EKS upgrades a cluster only when its node groups run its version`,
    ]);
  });

  test('a pinned add-on version EKS does not offer for the next version', () => {
    const target = Settings.resolve({ ...OPTIONS, kubernetesVersion: to, addons: { metricsServer: { version: 'v0.7.2-eksbuild.1' } } });
    const planned = step(planUpgrade({
      status: statusOn(from), target, offers: { 'metrics-server': { versions: ['v0.8.0-eksbuild.1'], defaultVersion: 'v0.8.0-eksbuild.1' } }, deployCommand: DEPLOY,
    }));
    expect(planned.refusals).toEqual([{
      reason: `EKS does not offer metrics-server v0.7.2-eksbuild.1 for Kubernetes ${to}`,
      fix: 'set addons.metricsServer.version to one it offers (EKS\'s default: v0.8.0-eksbuild.1), or remove the pin',
    }]);
  });

  test('no cluster, a step written but not deployed, settings that differ, the newest version: no step at all', () => {
    const newest = SUPPORTED_KUBERNETES_VERSIONS[SUPPORTED_KUBERNETES_VERSIONS.length - 1];
    const none = statusOn(from, { cluster: { name: 'team-a-cluster', exists: false, settingsVersion: from, healthIssues: [] } });
    expect(plan(none, 'unused')).toMatchObject({ reason: 'the cluster team-a-cluster is not deployed, so there is nothing to upgrade' });
    const written = statusOn(from);
    expect(plan({ ...written, cluster: { ...written.cluster, settingsVersion: to } }))
      .toEqual({ reason: `the step to ${to} is written in the settings but not deployed (the cluster runs ${from})`, fix: '`npx projen deploy` carries it out' });
    expect(plan({ ...written, cluster: { ...written.cluster, settingsVersion: newest } }, 'unused'))
      .toMatchObject({ reason: `the cluster runs Kubernetes ${from} but the settings say ${newest}` });
    expect(plan(statusOn(newest), 'unused')).toMatchObject({ reason: `Kubernetes ${newest} is the newest version this bottlerocket-eks supports` });
  });
});

describe('setProjectOption (.projenrc.ts)', () => {
  const projenrc = (body: string) => `import { BottlerocketEksProject } from 'projen-bottlerocket-eks';\n\nconst project = new BottlerocketEksProject({\n${body}});\nproject.synth();\n`;

  test('replaces the version the options give, nothing else', () => {
    const source = projenrc("  pjPrefix: 'team-a',\n  kubernetesVersion: '1.34', // pinned\n  defaultReleaseBranch: 'main',\n");
    expect(setProjectOption(source, 'kubernetesVersion', '1.35', undefined)).toBe(source.replace("'1.34'", "'1.35'"));
  });

  test('adds it as the first option when there is none, indented as the others', () => {
    const source = projenrc("  pjPrefix: 'team-a',\n  defaultReleaseBranch: 'main',\n");
    expect(setProjectOption(source, 'kubernetesVersion', '1.36', undefined)).toBe(projenrc("  kubernetesVersion: '1.36',\n  pjPrefix: 'team-a',\n  defaultReleaseBranch: 'main',\n"));
  });

  test('in an environment: its own entry, added when it has none; the others keep theirs', () => {
    const source = projenrc("  pjPrefix: 'team',\n  kubernetesVersion: '1.34',\n  environments: [\n    { name: 'dev', pjPrefix: 'team-dev' },\n"
      + "    { name: 'prd', pjPrefix: 'team-prd', kubernetesVersion: '1.34' },\n  ],\n");
    const dev = setProjectOption(source, 'kubernetesVersion', '1.35', 'dev');
    expect(dev).toContain("    { name: 'dev', kubernetesVersion: '1.35', pjPrefix: 'team-dev' },");
    expect(dev).toContain("  kubernetesVersion: '1.34',\n  environments");
    expect(setProjectOption(source, 'kubernetesVersion', '1.35', 'prd')).toContain("{ name: 'prd', pjPrefix: 'team-prd', kubernetesVersion: '1.35' }");
  });

  test('options it cannot find: an error saying what it looked for', () => {
    expect(() => setProjectOption('const options = {};\nnew BottlerocketEksProject(options);\n', 'kubernetesVersion', '1.35', undefined))
      .toThrow(new ProjenrcEditError('found no `new BottlerocketEksProject({ ... })` with its options written in place'));
    expect(() => setProjectOption(projenrc("  pjPrefix: 'team',\n"), 'kubernetesVersion', '1.35', 'dev'))
      .toThrow('found no entry `{ name: \'dev\', ... }` written in place in `environments`');
  });
});

describe('rollback', () => {
  const record: UpgradeRecord = {
    format: 1,
    from: '1.35',
    to: '1.36',
    appliedAt: '2026-12-01T10:00:00.000Z',
    addons: [{ name: 'kube-proxy', from: 'v1.35.3-eksbuild.13', to: 'v1.36.0-eksbuild.14' }, { name: 'vpc-cni', from: 'v1.0.0-eksbuild.1' }],
    nodegroups: [{ name: 'team-a-bottlerocket-spot', nodegroupName: 'team-a-bottlerocket-spot-2114074d', version: '1.35', releaseVersion: '1.51.0-47438798' }],
  };
  const upgradedAt = new Date('2026-12-02T10:00:00Z');

  test('within the window: node groups, then the control plane by EKS, then add-ons, then the repository', () => {
    const planned = planRollback(record, statusOn('1.36'), upgradedAt, new Date('2026-12-04T10:00:00Z'), DEPLOY);
    expect(planned).toMatchObject({ from: '1.35', to: '1.36', rollbackUntil: '2026-12-09T10:00:00.000Z' });
    const steps = (planned as { steps: string[] }).steps;
    expect(steps[0]).toContain('back to team-a-bottlerocket-spot-2114074d: Kubernetes 1.35, Bottlerocket 1.51.0-47438798');
    expect(steps[1]).toMatch(/^Control plane \(EKS rolls it back\): start the version rollback to 1\.35 before 2026-12-09T10:00 UTC/);
    expect(steps[2]).toBe('Add-ons (yours; EKS does not roll them back): kube-proxy v1.36.0-eksbuild.14 -> v1.35.3-eksbuild.13; vpc-cni EKS default -> v1.0.0-eksbuild.1.');
    expect(steps[3]).toContain('set kubernetesVersion back to 1.35 in .projenrc.ts');
  });

  test('after the window, before the deploy, or with no update EKS knows of: refused with the reason', () => {
    expect(planRollback(record, statusOn('1.36'), upgradedAt, new Date('2026-12-10T10:00:00Z'), DEPLOY)).toMatchObject({
      reason: 'EKS upgraded team-a-cluster to 1.36 on 2026-12-02T10:00 UTC: the 7-day rollback window ended on 2026-12-09T10:00 UTC',
    });
    expect(planRollback(record, statusOn('1.35'), undefined, new Date(), DEPLOY)).toMatchObject({ reason: 'the recorded step 1.35 -> 1.36 was not deployed: the cluster still runs 1.35' });
    expect(planRollback(record, statusOn('1.36'), undefined, new Date(), DEPLOY)).toMatchObject({ reason: 'EKS lists no successful version update of team-a-cluster to 1.36' });
  });
});
