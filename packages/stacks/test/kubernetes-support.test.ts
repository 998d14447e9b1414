import * as path from 'path';
import { KUBERNETES_VERSIONS, nextKubernetesVersion } from 'bottlerocket-eks-config';
import { FakeAws, FakeAwsOptions } from 'bottlerocket-eks-test-support';
import { BottlerocketEksSettings, Settings } from '../src';
import { synthAll } from './helpers';
import { checkDeploy, DeployTarget, PreflightErrorCode, preflightClients } from '../src/preflight';
import { ACCOUNT, ALICE, KEY, SECRET } from './support/alice';
import { kubernetesSupportFinding, SUPPORT_WARNING_DAYS } from '../src/preflight/kubernetes-support';
import { AssemblyStack } from '../src/synth/assembly';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const at = (iso: string) => new Date(iso);

describe('end of standard support, from the version table', () => {
  // 1.34 leaves EKS standard support on 2 December 2026 (EKS release calendar).
  test('says nothing before the last month', () => {
    expect(kubernetesSupportFinding('1.34', at('2026-11-01T23:59:59Z'), true)).toEqual({});
  });

  test('warns in the last month with the date, what EKS does then, and how to upgrade first', () => {
    const finding = kubernetesSupportFinding('1.34', at('2026-11-25T12:00:00Z'), true);
    expect(finding.failure).toBeUndefined();
    expect(finding.warnings).toEqual([
      'Kubernetes 1.34 leaves EKS standard support on 2026-12-02, in 7 days. The cluster\'s upgrade policy is STANDARD, '
      + 'so EKS then upgrades the control plane to 1.35 by itself. Upgrade first: set kubernetesVersion to 1.35, then run `npx projen deploy`.',
    ]);
  });

  test(`starts warning exactly ${SUPPORT_WARNING_DAYS} days before`, () => {
    expect(kubernetesSupportFinding('1.34', at('2026-11-02T00:00:00Z'), false).warnings?.[0]).toContain('in 30 days');
  });

  test('refuses, from the end day on, a deploy that creates or updates the cluster on that version', () => {
    const { failure, warnings } = kubernetesSupportFinding('1.34', at('2026-12-02T00:00:00Z'), true);
    expect(warnings).toBeUndefined();
    expect(failure?.code).toBe(PreflightErrorCode.VERSION_OUT_OF_SUPPORT);
    expect(failure?.message).toBe('Kubernetes 1.34 left EKS standard support on 2026-12-02: EKS upgrades clusters with upgrade policy STANDARD '
      + 'on it by itself, so a template naming 1.34 would ask for a version the cluster has left (EKS does not downgrade). Nothing was deployed.');
    expect(failure?.fix).toBe('Set kubernetesVersion to 1.35, then run `npx projen deploy`.');
  });

  test('only warns after the end day when the deploy leaves the cluster stack alone', () => {
    const { failure, warnings } = kubernetesSupportFinding('1.34', at('2027-01-10T00:00:00Z'), false);
    expect(failure).toBeUndefined();
    expect(warnings?.[0]).toContain('the next one that changes it will be refused. Upgrade: set kubernetesVersion to 1.35');
  });

  test('the newest version points at a product update, and estimated dates say so', () => {
    // The newest version the product lists (not the default, which is the newest with verified dates).
    const newest = KUBERNETES_VERSIONS[KUBERNETES_VERSIONS.length - 1];
    expect(nextKubernetesVersion(newest.version)).toBeUndefined();
    const dayBefore = new Date(Date.parse(`${newest.endOfStandardSupport}T00:00:00Z`) - 24 * 3600 * 1000);
    const [warning] = kubernetesSupportFinding(newest.version, dayBefore, true).warnings ?? [];
    expect(warning).toContain('in 1 day.');
    expect(warning).toContain('update bottlerocket-eks to a release that supports a newer Kubernetes version');
    expect(warning.includes('(an estimated date: EKS has not published it)')).toBe(newest.estimated);
  });

  test('every supported version is quiet on its EKS release day', () => {
    for (const v of KUBERNETES_VERSIONS) expect(kubernetesSupportFinding(v.version, at(`${v.eksRelease}T00:00:00Z`), true)).toEqual({});
  });
});

describe('checkDeploy against an account (FakeAws)', () => {
  const SETTINGS: BottlerocketEksSettings = {
    pjPrefix: 'team-a',
    region: 'eu-west-1',
    accountId: ACCOUNT,
    availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
    kubernetesVersion: '1.34',
  };
  const { stacks, templates } = synthAll(SETTINGS);
  const TARGET: DeployTarget = {
    pjPrefix: 'team-a',
    account: ACCOUNT,
    callerArn: ALICE,
    partition: 'aws',
    region: 'eu-west-1',
    regionSource: 'settings',
    accountPinned: true,
    stacks: Object.values(stacks).map((s) => s.stackName),
  };
  const QUOTAS = { 'vpc/L-F678F1CE': 5, 'ec2/L-0263D0A3': 5, 'eks/L-1194D53C': 100 };
  const saved = { ...process.env };
  const proposed: AssemblyStack[] = Object.entries(stacks).map(([kind, stack]) => ({
    kind: kind as AssemblyStack['kind'], stackName: stack.stackName, template: templates[kind].toJSON(),
  }));

  async function deployCheck(account: FakeAwsOptions, now: Date) {
    const fake = new FakeAws({ [KEY]: { account: ACCOUNT, arn: ALICE } }, [], { quotas: QUOTAS, ...account });
    const endpoint = await fake.start();
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: endpoint,
      AWS_ACCESS_KEY_ID: KEY,
      AWS_SECRET_ACCESS_KEY: SECRET,
      AWS_CONFIG_FILE: path.join(__dirname, 'no-such-aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(__dirname, 'no-such-aws-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    const clients = preflightClients(Settings.resolve({ pjPrefix: 'team-a', region: 'eu-west-1' }));
    try {
      return await checkDeploy({ settings: Settings.resolve(SETTINGS), target: TARGET, proposed, clients, now });
    } finally {
      for (const client of Object.values(clients)) client.destroy();
      await fake.stop();
    }
  }

  afterEach(() => {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  });

  test('a first deploy of a 1.34 cluster after 2 December 2026 is refused before CloudFormation', async () => {
    const check = await deployCheck({}, at('2026-12-03T09:00:00Z'));
    expect(check.failure?.code).toBe(PreflightErrorCode.VERSION_OUT_OF_SUPPORT);
  });

  test('a first deploy of a 1.34 cluster in its last month goes ahead with the warning', async () => {
    const check = await deployCheck({}, at('2026-11-25T09:00:00Z'));
    expect(check.failure).toBeUndefined();
    expect(check.warnings).toEqual(expect.arrayContaining([expect.stringContaining('Kubernetes 1.34 leaves EKS standard support on 2026-12-02')]));
  });

  test('a deploy that changes nothing after the end day only warns', async () => {
    const deployed = Object.fromEntries(proposed.map((s) => [s.stackName, { template: s.template }]));
    const check = await deployCheck({ stacks: deployed }, at('2026-12-03T09:00:00Z'));
    expect(check.plan.stacks.every((s) => s.status === 'unchanged')).toBe(true);
    expect(check.failure).toBeUndefined();
    expect(check.warnings).toEqual(expect.arrayContaining([expect.stringContaining('Kubernetes 1.34 left EKS standard support on 2026-12-02')]));
  });
});
