import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ADDON_VERSIONS, DEFAULT_KUBERNETES_VERSION } from 'bottlerocket-eks-config';
import { FAKE_DEFAULT_ADDON_VERSION, FakeAws, FakeAwsOptions } from 'bottlerocket-eks-test-support';
import { BottlerocketEksSettings, CapacityType } from '../src';
import { importedNames, synthAll } from './helpers';
import { ACCOUNT, ALICE, KEY, SECRET } from './support/alice';
import { tempDir } from './temp';

// The real command (`bottlerocket-eks preflight --assembly cdk.out`, run from source by tsx)
// with the real SDK clients against a local AWS on 127.0.0.1 that answers in each service's
// wire format: STS, CloudFormation (GetTemplate, ListImports), EC2, EKS, Service Quotas.
const CLI = path.join(__dirname, '..', 'src', 'cli.ts');
const TSX = pathToFileURL(require.resolve('tsx')).href;
const TRANSCRIPTS = path.join(__dirname, '..', 'test-reports', 'update-plan-transcripts.txt');
const BASE: BottlerocketEksSettings = {
  pjPrefix: 'team-a',
  region: 'eu-west-1',
  accountId: ACCOUNT,
  availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
  adminPrincipalArns: [`arn:aws:iam::${ACCOUNT}:role/admin`],
  extraNodegroups: [{ name: 'system', capacityType: CapacityType.ON_DEMAND, instanceTypes: ['m6i.large'] }],
};
const QUOTAS = { 'vpc/L-F678F1CE': 5, 'ec2/L-0263D0A3': 5, 'eks/L-1194D53C': 100 };
const transcripts: string[] = [];

jest.setTimeout(60_000);

afterAll(() => {
  fs.mkdirSync(path.dirname(TRANSCRIPTS), { recursive: true });
  fs.writeFileSync(TRANSCRIPTS, transcripts.join('\n'));
});

/** The templates of some settings by stack name, and a cloud assembly of them. */
function synth(settings: BottlerocketEksSettings): { templates: Record<string, any>; assembly: string } {
  const { app, stacks, templates } = synthAll(settings);
  const assembly = app.synth().directory;
  return { templates: Object.fromEntries(Object.entries(templates).map(([kind, t]) => [stacks[kind].stackName, t.toJSON()])), assembly };
}

/** An account where `settings` are deployed: the stacks, and who imports their exports. */
function deployed(settings: BottlerocketEksSettings): Pick<FakeAwsOptions, 'stacks' | 'imports'> {
  const { templates } = synth(settings);
  const imports: Record<string, string[]> = {};
  for (const [stackName, template] of Object.entries(templates)) {
    for (const name of new Set(importedNames(template))) (imports[name] ??= []).push(stackName);
  }
  return { stacks: Object.fromEntries(Object.entries(templates).map(([name, template]) => [name, { template }])), imports };
}

/** Runs the preflight of a deploy of `settings` into the account `fake` describes, as a user would. */
async function preflight(name: string, settings: BottlerocketEksSettings, account: FakeAwsOptions, args: string[] = [], caller = ALICE) {
  const fake = new FakeAws({ [KEY]: { account: ACCOUNT, arn: caller } }, [], { quotas: QUOTAS, ...account });
  const endpoint = await fake.start();
  const repo = tempDir('deploy-checks');
  fs.writeFileSync(path.join(repo, 'bottlerocket-eks.settings.json'), JSON.stringify(settings));
  try {
    const result = await new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
      // A destroy plans nothing: no --assembly.
      const assembly = args.includes('--destroy') ? [] : ['--assembly', synth(settings).assembly];
      execFile(process.execPath, ['--import', TSX, CLI, 'preflight', ...assembly, ...args], {
        cwd: repo,
        encoding: 'utf-8',
        timeout: 30_000,
        env: {
          PATH: process.env.PATH,
          HOME: repo,
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          AWS_REGION: settings.region ?? 'eu-west-1',
          AWS_ENDPOINT_URL: endpoint,
          AWS_ACCESS_KEY_ID: KEY,
          AWS_SECRET_ACCESS_KEY: SECRET,
        },
      }, (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
    });
    transcripts.push(`$ bottlerocket-eks preflight ${args.includes('--destroy') ? '' : '--assembly cdk.out '}${args.join(' ')}   # ${name}\n${result.stdout}${result.stderr}exit ${result.status}\n`);
    return { ...result, services: fake.requests.map((r) => `${r.service}:${r.action}`) };
  } finally {
    await fake.stop();
  }
}

test('a first deploy: every stack is created, the quotas it counts against have room', async () => {
  const { status, stdout, stderr, services } = await preflight('first deploy', BASE, { vpcs: 1, elasticIps: 0, clusters: [] });
  expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
  expect(stdout).toMatch(/\n {2}team-a-network {2}create \(\d+ resources\)\n {2}team-a-cluster {2}create \(\d+ resources\)\n {2}team-a-nodegroup {2}create \(\d+ resources\)\n/);
  expect(stdout).toContain('Quotas in the region:\n  VPCs per region 1 used + 1 = 2 of 5  (ok; quota L-F678F1CE)\n');
  expect(services).toEqual(expect.arrayContaining(['sts:GetCallerIdentity', 'cloudformation:GetTemplate', 'ec2:DescribeVpcs',
    'ec2:DescribeAddresses', 'eks:ListClusters', 'servicequotas:GetServiceQuota']));
});

test('an update in place: the changed resources, no quota counted (nothing new of that kind)', async () => {
  const { status, stdout, services } = await preflight('node sizes', { ...BASE, nodeMaxSize: 8 }, deployed(BASE));
  expect(status).toBe(0);
  expect(stdout).toContain('  team-a-network  unchanged\n  team-a-cluster  unchanged\n  team-a-nodegroup  1 updated in place\n'
    + '    ~ ManagedNodeGroup  AWS::EKS::Nodegroup  update in place (ScalingConfig)\n');
  expect(stdout).not.toContain('Quotas');
  expect(services).not.toContain('servicequotas:GetServiceQuota');
  // The imports of every deployed export were asked for.
  expect(services.filter((s) => s === 'cloudformation:ListImports').length).toBeGreaterThanOrEqual(9);
});

test('a safe replacement: new instance types give the node group a new name', async () => {
  const { status, stdout } = await preflight('instance types', { ...BASE, instanceTypes: ['m7i.xlarge'] }, deployed(BASE), ['--brief']);
  expect(status).toBe(0);
  expect(stdout).toMatch(/^preflight ok: deploy team-a into account 123456789012/);
  expect(stdout).toContain('plan ok: team-a-nodegroup: 1 replaced\n');
});

test('a refusal: another VPC CIDR stops the deploy before any stack is touched, with the setting and the way out', async () => {
  const { status, stdout, stderr, services } = await preflight('another VPC CIDR', { ...BASE, vpcCidr: '10.1.0.0/16' }, deployed(BASE));
  expect(status).toBe(1);
  expect(stdout).toBe('');
  expect(stderr).toContain('    ± Vpc  '.replace('Vpc  ', 'Vpc'));
  expect(stderr).toContain('Refused in team-a-network: team-a-private-subnet-a\n'
    + '  why       export team-a-private-subnet-a would change value (PrivateSubnetA would be replaced), but team-a-cluster, team-a-nodegroup import it.\n'
    + '  setting   vpcCidr\n'
    + '  way out   Set vpcCidr back to 10.0.0.0/16: a VPC cannot change its CIDR block in place, and its subnets are in use.');
  expect(stderr).toMatch(/Preflight failed \(UPDATE_REFUSED\): 3 changes would fail inside CloudFormation: .*\(setting vpcCidr\)\. Nothing was deployed\.\n/);
  // Read-only calls only.
  expect(services.every((s) => /:(GetCallerIdentity|GetTemplate|ListImports|Describe\w+|List\w+|GetServiceQuota)$/.test(s))).toBe(true);
});

test('a refusal as JSON, for scripts: the plan and the error', async () => {
  const { status, stdout } = await preflight('the cluster renamed, --json', { ...BASE, clusterName: 'team-a-eks' }, deployed(BASE), ['--json']);
  expect(status).toBe(1);
  const report = JSON.parse(stdout);
  expect(report.error.code).toBe('UPDATE_REFUSED');
  expect(report.plan.refusals).toEqual([expect.objectContaining({ stackName: 'team-a-cluster', subject: 'team-a-cluster-name', setting: 'clusterName' })]);
  expect(report.plan.stacks.map((s: any) => [s.stackName, s.status, s.refused])).toEqual([
    ['team-a-network', 'unchanged', false], ['team-a-cluster', 'update', true], ['team-a-nodegroup', 'unchanged', false],
  ]);
});

test('a first deploy over the VPC quota is refused with the numbers', async () => {
  const { status, stderr } = await preflight('VPC quota', BASE, { vpcs: 5 });
  expect(status).toBe(1);
  expect(stderr).toContain('Preflight failed (QUOTA_EXCEEDED): The deploy would exceed a quota in eu-west-1: VPCs per region: 5 of 5 used, '
    + 'this deploy adds 1; quota L-F678F1CE.');
});

test('a quota that cannot be read is assumed at its AWS default and only warned about', async () => {
  const { status, stdout } = await preflight('quota unreadable', BASE, { vpcs: 5, unreadableQuotas: ['*'] });
  expect(status).toBe(0);
  expect(stdout).toContain('warning: VPCs per region: 5 used, this deploy adds 1, over the AWS default of 5');
});

test('a first deploy of the cluster by a principal adminPrincipalArns lists is refused (EKS would answer 409)', async () => {
  const { status, stderr } = await preflight('creator listed', BASE, {}, [], `arn:aws:sts::${ACCOUNT}:assumed-role/admin/alice`);
  expect(status).toBe(1);
  expect(stderr).toContain(`Preflight failed (ADMIN_IS_CREATOR): This deploy creates the cluster as arn:aws:sts::${ACCOUNT}:assumed-role/admin/alice, `
    + `which adminPrincipalArns also lists (arn:aws:iam::${ACCOUNT}:role/admin)`);
});

test('a volume key whose policy leaves out the EC2 Auto Scaling service-linked role is refused in one line, with the statements to add', async () => {
  const key = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
  // The default key policy: the account's root only (IAM policies decide).
  const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }] };
  const settings = { ...BASE, volumeKmsKeyArn: key };
  const { status, stdout, stderr, services } = await preflight('volume key policy', settings, { ...deployed(BASE), kmsKeys: { [key]: { policy } } });
  expect({ status, stdout }).toEqual({ status: 1, stdout: '' });
  const refusal = stderr.split('\n').filter((line) => line.startsWith('Preflight failed'));
  expect(refusal).toEqual([`Preflight failed (VOLUME_KEY_POLICY): The key policy of volumeKmsKeyArn ${key} does not allow the EC2 Auto Scaling service-linked role `
    + `arn:aws:iam::${ACCOUNT}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling what the User Guide's statement 1 (kms:Encrypt, kms:Decrypt, `
    + 'kms:ReEncrypt*, kms:GenerateDataKey*, kms:DescribeKey) and statement 2 (kms:CreateGrant with kms:GrantIsForAWSResource) grant; the policy\'s statement #1 '
    + `for the account's root (arn:aws:iam::${ACCOUNT}:root) only lets IAM policies grant access, and the role's own policy gives it none on customer managed keys: `
    + 'the node group would deploy, but no node would ever launch (KMS GetKeyPolicy).']);
  expect(stderr).toMatch(/\n {2}fix {8}Add these statements to the key policy, keeping the others \(https:\/\/docs\.aws\.amazon\.com\/autoscaling\/ec2\/userguide\/key-policy-requirements-EBS-encryption\.html\): \[\{"Sid":"Allow service-linked role use of the customer managed key"/);
  expect(services).toContain('kms:GetKeyPolicy');
});

test('a volume key policy the caller may not read is only warned about', async () => {
  const key = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
  const { status, stdout } = await preflight('volume key policy unreadable', { ...BASE, volumeKmsKeyArn: key }, { ...deployed(BASE), deniedKmsOperations: ['*'] });
  expect(status).toBe(0);
  expect(stdout).toContain(`warning: volumeKmsKeyArn ${key}: key policy not checked (AccessDeniedException): allow kms:GetKeyPolicy on the key`);
});

test('a zone that is, in this account, one where EKS cannot place a cluster is refused in one line, with the zones to pick instead', async () => {
  const settings = { ...BASE, region: 'us-east-1', availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'] };
  const zoneIds = { 'us-east-1a': 'use1-az6', 'us-east-1b': 'use1-az1', 'us-east-1c': 'use1-az3', 'us-east-1d': 'use1-az2', 'us-east-1e': 'use1-az4' };
  const { status, stdout, stderr, services } = await preflight('zone EKS does not support', settings, { zoneIds });
  expect({ status, stdout }).toEqual({ status: 1, stdout: '' });
  expect(stderr.split('\n').filter((line) => line.startsWith('Preflight failed'))).toEqual(['Preflight failed (ZONE_UNSUPPORTED): Invalid availabilityZones "us-east-1c": '
    + 'expected zones where EKS can create a cluster: in this account us-east-1c is use1-az3, which EKS does not support for cluster subnets (us-east-1: not use1-az3); '
    + `pick another zone letter (EC2 DescribeAvailabilityZones, account ${ACCOUNT}).`]);
  expect(stderr).toContain('\n  fix        Replace us-east-1c in availabilityZones with another zone of us-east-1 where EKS can create a cluster: '
    + 'us-east-1d (use1-az2), us-east-1e (use1-az4); then deploy again.\n');
  expect(services).toContain('ec2:DescribeAvailabilityZones');
});

test('a stack whose first create rolled back is refused in one line, with the first failure and how to delete it', async () => {
  const account = deployed(BASE);
  const reason = 'Resource handler returned message: "Cannot create cluster \'team-a-cluster\' because EKS does not support creating control plane instances '
    + 'in eu-west-1c, the targeted availability zone." (HandlerErrorCode: InvalidRequest)';
  account.stacks!['team-a-cluster'] = {
    ...account.stacks!['team-a-cluster'],
    status: 'ROLLBACK_COMPLETE',
    events: [
      { logicalId: 'team-a-cluster', status: 'CREATE_IN_PROGRESS', reason: 'User Initiated' },
      { logicalId: 'Cluster', type: 'AWS::EKS::Cluster', status: 'CREATE_FAILED', reason },
      { logicalId: 'ControlPlaneLogGroup', type: 'AWS::Logs::LogGroup', status: 'CREATE_FAILED', reason: 'Resource creation cancelled' },
      { logicalId: 'team-a-cluster', status: 'ROLLBACK_COMPLETE' },
    ],
  };
  const { status, stdout, stderr, services } = await preflight('first create rolled back', BASE, account);
  expect({ status, stdout }).toEqual({ status: 1, stdout: '' });
  expect(stderr.split('\n').filter((line) => line.startsWith('Preflight failed'))).toEqual(['Preflight failed (STACK_ROLLED_BACK): The stack team-a-cluster '
    + `is ROLLBACK_COMPLETE: its first create failed and was rolled back, so it can only be deleted; the first failure: Cluster (AWS::EKS::Cluster) CREATE_FAILED: ${reason}.`]);
  expect(stderr).toContain('\n  fix        Fix the cause, delete the stack (`aws cloudformation delete-stack --stack-name team-a-cluster --region eu-west-1 '
    + '&& aws cloudformation wait stack-delete-complete --stack-name team-a-cluster --region eu-west-1`), then deploy again.\n');
  expect(services).toEqual(expect.arrayContaining(['cloudformation:DescribeStacks', 'cloudformation:DescribeStackEvents']));
});

test('a destroy of stacks termination protection holds is refused before cdk destroy deletes the first one', async () => {
  const account = deployed(BASE);
  for (const name of ['team-a-network', 'team-a-cluster']) account.stacks![name] = { ...account.stacks![name], terminationProtection: true };
  const { status, stdout, stderr, services } = await preflight('destroy, termination protection', BASE, account, ['--destroy', '--confirm=team-a']);
  expect({ status, stdout }).toEqual({ status: 1, stdout: '' });
  expect(stderr.split('\n').filter((line) => line.startsWith('Preflight failed'))).toEqual(['Preflight failed (STACK_PROTECTED): Termination protection holds '
    + 'team-a-cluster, team-a-network: CloudFormation would refuse to delete them, half-way through the destroy.']);
  expect(stderr).toContain('update-termination-protection --no-enable-termination-protection --stack-name team-a-cluster --region eu-west-1');
  expect(services.filter((s) => s.startsWith('cloudformation:'))).toEqual(['cloudformation:DescribeStacks', 'cloudformation:DescribeStacks', 'cloudformation:DescribeStacks']);
  // Unprotected, the destroy goes ahead.
  const unprotected = await preflight('destroy', BASE, deployed(BASE), ['--destroy', '--confirm=team-a', '--brief']);
  expect(unprotected).toMatchObject({ status: 0, stderr: '' });
});

test('a caller that may not describe the availability zones is only warned about', async () => {
  const { status, stdout } = await preflight('zones unreadable', BASE, { deniedEc2Operations: ['DescribeAvailabilityZones'] });
  expect(status).toBe(0);
  expect(stdout).toContain('warning: availability zones not checked (UnauthorizedOperation): allow ec2:DescribeAvailabilityZones');
});

test('add-ons without a verified version: the report says which version EKS installs, and on Day 2 which one stays', async () => {
  const K8S = DEFAULT_KUBERNETES_VERSION;
  expect(ADDON_VERSIONS[K8S].metricsServer).toBeUndefined();
  const first = await preflight('add-ons left to EKS, first deploy', BASE, { vpcs: 1, elasticIps: 0, clusters: [] });
  expect(first.status).toBe(0);
  expect(first.stdout).toContain('warning: add-on metrics-server: no version in the template (none pinned with addons.metricsServer.version, '
    + `none verified for Kubernetes ${K8S}); EKS will install ${FAKE_DEFAULT_ADDON_VERSION}, its default for Kubernetes ${K8S}\n`);
  expect(first.services).toContain('eks:DescribeAddonVersions');

  // Deployed by a release that wrote a version; this one writes none: the resource is updated, the installed version stays.
  const pinned = { ...BASE, addons: { metricsServer: { version: 'v0.8.0-eksbuild.2' } } };
  const day2 = await preflight('an AddonVersion gone from the template', BASE,
    { ...deployed(pinned), installedAddons: { 'team-a-cluster': { 'metrics-server': 'v0.8.0-eksbuild.2' } } });
  expect(day2.status).toBe(0);
  expect(day2.stdout).toContain('~ Addonmetricsserver  AWS::EKS::Addon  update in place (AddonVersion)');
  expect(day2.stdout).toContain('warning: add-on metrics-server: no version in the template (none pinned with addons.metricsServer.version, '
    + `none verified for Kubernetes ${K8S}); the deploy keeps the installed v0.8.0-eksbuild.2, a version EKS does not offer for Kubernetes ${K8S} `
    + `on cluster team-a-cluster (EKS's default for Kubernetes ${K8S} is ${FAKE_DEFAULT_ADDON_VERSION}: set addons.metricsServer.version to move to it)\n`);
});
