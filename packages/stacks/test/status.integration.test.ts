import * as fs from 'fs';
import * as path from 'path';
import { ADDON_VERSIONS, STATUS_ACTIONS } from 'bottlerocket-eks-config';
import { FakeAwsOptions } from 'bottlerocket-eks-test-support';
import { synthAll } from './helpers';
import { ACCOUNT, CLUSTER, deployed, NAMES, NODEGROUP, PARAMETER, RELEASE, runAgainst, SETTINGS, writeSettings } from './support/deployed-environment';
import { tempDir } from './temp';

// `bottlerocket-eks status` as a user runs it, against a local AWS (see support/deployed-environment.ts).
const TRANSCRIPTS = path.join(__dirname, '..', 'test-reports', 'status-transcripts.txt');
const NOW = Date.now();
const DAY = 24 * 60 * 60 * 1000;

const repo = tempDir('status');
const assembly = path.join(repo, 'cdk.out');
const transcripts: string[] = [];
jest.setTimeout(90_000);

beforeAll(() => {
  writeSettings(repo);
  synthAll(SETTINGS, { outdir: assembly }).app.synth();
});

afterAll(() => {
  fs.mkdirSync(path.dirname(TRANSCRIPTS), { recursive: true });
  fs.writeFileSync(TRANSCRIPTS, transcripts.join('\n'));
});

async function status(name: string, options: FakeAwsOptions, args: string[] = []) {
  const run = await runAgainst(repo, options, ['status', ...args]);
  transcripts.push(`# ${name}\n${run.transcript}`);
  return run;
}

test('an environment as its settings say: every part shown, nothing needs attention, exit 0', async () => {
  const { status: code, stdout, stderr, requests } = await status('up to date', deployed(), ['--assembly', assembly]);
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  expect(stdout).toMatch(/^Status of team-a: account 123456789012, eu-west-1, as arn:aws:iam::123456789012:user\/alice, at /);
  for (const stack of NAMES.stacks()) expect(stdout).toMatch(new RegExp(`${stack} +UPDATE_COMPLETE +2026-11-20 +up to date +in sync`));
  expect(stdout).toContain('Kubernetes 1.35, platform eks.12, ACTIVE');
  expect(stdout).toMatch(/standard support until 2027-03-27: \d+ day\(s\) left \(from EKS DescribeClusterVersions\); next version 1\.36/);
  expect(stdout).toContain('upgrade insights (to 1.36): 1 passing, 0 warning, 0 error, 0 unknown');
  expect(stdout).toMatch(new RegExp(`kube-proxy +${ADDON_VERSIONS['1.35'].kubeProxy} +${ADDON_VERSIONS['1.35'].kubeProxy}`));
  expect(stdout).toMatch(new RegExp(`${NODEGROUP} +ACTIVE +1\\.35 +${RELEASE} +current +2/1/4 \\(2/1/4\\)`));
  expect(stdout).toMatch(/Nothing needs attention\.\n$/);
  // Read-only: nothing but reads and drift detection.
  expect(requests.map((r) => r.action).filter((a) => !/^(Get|Describe|List|Detect)/.test(a))).toEqual([]);
});

test('least privilege: a run that reads every part asks exactly the calls the status role allows', async () => {
  // Drift found (its resources are read) and an insight that does not pass (its recommendation is read).
  const options = deployed();
  options.stacks!['team-a-nodegroup'] = {
    ...options.stacks!['team-a-nodegroup'],
    drift: [{ logicalId: 'LaunchTemplate', type: 'AWS::EC2::LaunchTemplate', status: 'DELETED' }],
  };
  options.eksClusters![CLUSTER] = {
    ...options.eksClusters![CLUSTER],
    insights: [{ id: 'e7f8a9', name: 'Amazon EKS add-on version compatibility', kubernetesVersion: '1.36', status: 'WARNING', recommendation: 'Upgrade the add-on' }],
  };
  const { requests } = await status('every call', options, ['--assembly', assembly]);
  // IAM authorizes DetectStackResourceDrift along with DetectStackDrift: it has no call of its own.
  const made = new Set(requests.map((r) => `${r.service}:${r.action}`));
  expect(made).toEqual(new Set(STATUS_ACTIONS.filter((a) => a !== 'cloudformation:DetectStackResourceDrift')));
});

test('--json: the same status for scripts', async () => {
  const { status: code, stdout } = await status('json', deployed(), ['--json', '--no-drift']);
  expect(code).toBe(0);
  const parsed = JSON.parse(stdout);
  expect(parsed).toMatchObject({ target: { account: ACCOUNT, region: 'eu-west-1' }, attention: [], cluster: { version: '1.35', exists: true } });
  expect(parsed.stacks.map((s: any) => s.drift.status)).toEqual(['NOT_CHECKED', 'NOT_CHECKED', 'NOT_CHECKED']);
});

test('drift: each drifted property, expected against actual; exit 1', async () => {
  const options = deployed();
  options.stacks!['team-a-cluster'] = {
    ...options.stacks!['team-a-cluster'],
    drift: [{
      logicalId: 'Cluster',
      type: 'AWS::EKS::Cluster',
      status: 'MODIFIED',
      differences: [{ path: '/ResourcesVpcConfig/EndpointPublicAccess', expected: 'true', actual: 'false', type: 'NOT_EQUAL' }],
    }],
  };
  const { status: code, stdout } = await status('drifted', options);
  expect(code).toBe(1);
  expect(stdout).toMatch(/team-a-cluster +UPDATE_COMPLETE +2026-11-20 +not planned +DRIFTED \(1\)/);
  expect(stdout).toContain('team-a-cluster: Cluster (AWS::EKS::Cluster) MODIFIED\n      /ResourcesVpcConfig/EndpointPublicAccess: expected true, actual false');
  expect(stdout).toContain('  - stacks: team-a-cluster: drifted: Cluster modified. Fix: set the drifted properties back to the template\'s values');
});

test('near the end of standard support, with an upgrade insight in ERROR: both named, exit 1', async () => {
  const end = new Date(NOW + 10 * DAY);
  const options = deployed({ clusterVersions: [{ clusterVersion: '1.35', endOfStandardSupportDate: end }] });
  options.eksClusters![CLUSTER] = {
    ...options.eksClusters![CLUSTER],
    insights: [{
      id: 'd4e5f6',
      name: 'Deprecated APIs removed in Kubernetes v1.36',
      kubernetesVersion: '1.36',
      status: 'ERROR',
      reason: 'Deprecated API usage detected within last 30 days',
      recommendation: 'Update manifests and clients to use newer Kubernetes APIs',
    }],
  };
  const { status: code, stdout } = await status('end of support', options, ['--no-drift']);
  expect(code).toBe(1);
  expect(stdout).toMatch(/  - cluster: Kubernetes 1\.35: leaves standard support on \d{4}-\d\d-\d\d, in (9|10) day\(s\)\. Fix: `npx projen kubernetes-upgrade`/);
  expect(stdout).toContain('  - cluster: insight "Deprecated APIs removed in Kubernetes v1.36" (1.36): ERROR: Deprecated API usage detected within last 30 days. '
    + 'Fix: Update manifests and clients to use newer Kubernetes APIs');
});

test('an environment not deployed yet: the stacks are not deployed, exit 1', async () => {
  const { status: code, stdout } = await status('not deployed', { ssmParameters: { [PARAMETER]: RELEASE } });
  expect(code).toBe(1);
  for (const stack of NAMES.stacks()) expect(stdout).toMatch(new RegExp(`${stack} +not deployed`));
  expect(stdout).toContain(`Cluster ${CLUSTER}\n  not deployed (the settings ask for Kubernetes 1.35)`);
  expect(stdout).toContain('  - stacks: team-a-network: not deployed. Fix: `npx projen deploy`');
});

test('a drift detection that does not end is unknown, never in sync', async () => {
  const options = deployed();
  options.stacks!['team-a-network'] = { ...options.stacks!['team-a-network'], driftDetection: 'IN_PROGRESS' };
  const { status: code, stdout } = await status('drift detection stuck', options, ['--deadline', '40']);
  expect(code).toBe(1);
  expect(stdout).toMatch(/team-a-network +UPDATE_COMPLETE .* unknown/);
  expect(stdout).toContain('team-a-network: drift unknown: the drift detection did not end within 10 s');
});

test('a call the credentials may not make: the part says so with the IAM action, the rest is shown, exit 1', async () => {
  const { status: code, stdout } = await status('insights denied', deployed({ deniedEksOperations: ['ListInsights'] }), ['--no-drift']);
  expect(code).toBe(1);
  expect(stdout).toContain('upgrade insights: could not be read');
  expect(stdout).toContain('could not read the upgrade insights of team-a-cluster: The credentials may not call eks:ListInsights');
  expect(stdout).toContain('Kubernetes 1.35, platform eks.12, ACTIVE');
});

test('AWS not answering: one line naming the call, no stack trace, exit 1', async () => {
  const result = await runAgainst(repo, {}, ['status', '--max-attempts', '1'], true);
  transcripts.push(`# AWS not answering\n${result.transcript}`);
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/^(Status|Preflight) failed \(STS_UNREACHABLE\): Could not reach STS at http:\/\/127\.0\.0\.1:\d+/);
  expect(result.stderr).not.toMatch(/\n\s+at /);
});
