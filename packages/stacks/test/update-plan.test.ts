import * as fs from 'fs';
import * as path from 'path';
import { BottlerocketEksSettings, BottlerocketVariant, CapacityType, ControlPlaneTier, NodeArchitecture, NodegroupUpdateStrategy, NodeRepairAction, ReleaseTrain, ResourceNames, SecurityProfile, TaintEffect } from '../src';
import { planFrom, templatesByStackName } from './helpers';
import { explainAll, formatPlan, parseTemplate, StackPlan } from '../src/plan';
import { CREATE_ONLY_PROPERTIES } from '../src/plan/create-only-properties';

/** A team as it is after a while: three zones, two admins, an extra node group. */
const BASE: BottlerocketEksSettings = {
  pjPrefix: 'team-a',
  region: 'eu-west-1',
  accountId: '123456789012',
  kubernetesVersion: '1.34',
  availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
  adminPrincipalArns: ['arn:aws:iam::123456789012:role/admin', 'arn:aws:iam::123456789012:role/ops'],
  extraNodegroups: [{ name: 'system', capacityType: CapacityType.ON_DEMAND, instanceTypes: ['m6i.large'], minSize: 1, maxSize: 3, desiredSize: 2 }],
};
const [SYSTEM] = BASE.extraNodegroups!;

type Outcome = 'unchanged' | 'in place' | 'safe replacement' | `refused: ${string}`;

/** Settings changes a team makes over the years, and what each must come to. */
const MATRIX: Array<[string, Partial<BottlerocketEksSettings>, Outcome]> = [
  ['main group instance types', { instanceTypes: ['m6i.xlarge', 'm7i.xlarge'] }, 'safe replacement'],
  ['extra group instance types', { extraNodegroups: [{ ...SYSTEM, instanceTypes: ['m7i.large'] }] }, 'safe replacement'],
  ['architecture arm64', { architecture: NodeArchitecture.ARM64 }, 'safe replacement'],
  ['NVIDIA variant', { variant: BottlerocketVariant.NVIDIA }, 'safe replacement'],
  ['FIPS variant', { variant: BottlerocketVariant.FIPS }, 'safe replacement'],
  ['main group on demand', { capacityType: CapacityType.ON_DEMAND }, 'safe replacement'],
  ['extra group on Spot', { extraNodegroups: [{ ...SYSTEM, capacityType: CapacityType.SPOT }] }, 'safe replacement'],
  ['extra group without a launch template', { extraNodegroups: [{ ...SYSTEM, launchTemplate: false }] }, 'safe replacement'],
  // A new logical id: the new group is created, then the old one deleted.
  ['extra group renamed', { extraNodegroups: [{ ...SYSTEM, name: 'critical' }] }, 'in place'],
  ['a zone added', { availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c', 'eu-west-1d'] }, 'safe replacement'],
  ['node sizes', { nodeMinSize: 2, nodeDesiredSize: 3, nodeMaxSize: 8 }, 'in place'],
  ['labels', { labels: { team: 'payments' } }, 'in place'],
  ['taints', { taints: [{ key: 'spot', effect: TaintEffect.PREFER_NO_SCHEDULE }] }, 'in place'],
  ['update percentage', { maxUnavailablePercentage: 50 }, 'in place'],
  ['auto repair off', { autoRepair: false }, 'in place'],
  ['zonal shift on', { zonalShift: true }, 'in place'],
  ['deletion protection off', { deletionProtection: false }, 'in place'],
  ['a provisioned control plane tier', { controlPlaneTier: ControlPlaneTier.TIER_XL }, 'in place'],
  ['update strategy MINIMAL', { updateStrategy: NodegroupUpdateStrategy.MINIMAL }, 'in place'],
  ['node repair limits', { nodeRepair: { maxUnhealthyNodeThresholdPercentage: 20, maxParallelNodesRepairedCount: 1 } }, 'in place'],
  ['node repair overrides', { nodeRepair: { overrides: [{ nodeMonitoringCondition: 'KernelReady', nodeUnhealthyReason: 'SoftLockup', minRepairWaitTimeMins: 15, repairAction: NodeRepairAction.REBOOT }] } }, 'in place'],
  ['Bottlerocket settings', { bottlerocket: { maxPods: 58, sysctls: { 'net.core.somaxconn': '4096' } } }, 'in place'],
  ['data volume size', { dataVolumeSize: 60 }, 'in place'],
  ['IMDS hop limit', { httpPutResponseHopLimit: 2 }, 'in place'],
  ['volume KMS key', { volumeKmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' }, 'in place'],
  ['an extra group added', { extraNodegroups: [SYSTEM, { name: 'batch' }] }, 'in place'],
  ['the extra group removed', { extraNodegroups: [] }, 'in place'],
  ['an admin added', { adminPrincipalArns: [...BASE.adminPrincipalArns!, 'arn:aws:iam::123456789012:user/carol'] }, 'in place'],
  ['an admin removed', { adminPrincipalArns: ['arn:aws:iam::123456789012:role/ops'] }, 'in place'],
  ['admins reordered', { adminPrincipalArns: [...BASE.adminPrincipalArns!].reverse() }, 'unchanged'],
  ['zones reordered', { availabilityZones: ['eu-west-1c', 'eu-west-1a', 'eu-west-1b'] }, 'unchanged'],
  ['Kubernetes upgrade', { kubernetesVersion: '1.35' }, 'in place'],
  ['API endpoint CIDRs', { endpointPublicAccessCidrs: ['203.0.113.0/24'] }, 'in place'],
  ['one NAT gateway per zone', { natGateways: 3 }, 'in place'],
  ['termination protection off', { terminationProtection: false }, 'unchanged'],
  ['account pinned', { accountId: '210987654321' }, 'unchanged'],
  ['unlisted regions allowed', { allowUnlistedRegion: true }, 'unchanged'],
  ['a zone removed', { availabilityZones: ['eu-west-1a', 'eu-west-1b'] }, 'refused: availabilityZones'],
  ['another VPC CIDR', { vpcCidr: '10.1.0.0/16' }, 'refused: vpcCidr'],
  ['Session Manager access off', { ssmAccess: false }, 'in place'],
  ['detailed monitoring on', { detailedMonitoring: true }, 'in place'],
  ['a Bottlerocket release pinned', { releaseVersion: '1.50.0-5c5b35b5' }, 'in place'],
  ['the environment\'s Bottlerocket release set (the release train)', { bottlerocketRelease: '1.51.0-47438798' }, 'in place'],
  ['moved onto a release the team blocked', {
    bottlerocketRelease: '1.52.0-aabbccdd', blockedBottlerocketReleases: [{ release: '1.52.0', reason: 'our ingress controller crashes on it' }],
  }, 'refused: bottlerocketRelease'],
  ['moved onto a release of the product\'s block list', { bottlerocketRelease: '1.53.0-55d04a85' }, 'refused: bottlerocketRelease'],
  ['release train pinned, a longer soak, a release blocked', {
    releaseTrain: ReleaseTrain.PINNED, releaseSoakDays: 14, blockedBottlerocketReleases: [{ release: '1.52.0', reason: 'ours' }],
  }, 'unchanged'],
  ['an existing VPC instead of the created one', {
    vpcId: 'vpc-0123456789abcdef0',
    privateSubnetIds: { 'eu-west-1a': 'subnet-0123456789abcdef0', 'eu-west-1b': 'subnet-0123456789abcdef1', 'eu-west-1c': 'subnet-0123456789abcdef2' },
  }, 'refused: vpcId'],
  ['the cluster renamed', { clusterName: 'team-a-eks' }, 'refused: clusterName'],
  ['API endpoint private only', { endpointPublicAccess: false }, 'in place'],
  ['control plane log retention', { logRetentionDays: 90 }, 'in place'],
  ['metrics-server off', { addons: { metricsServer: { enabled: false } } }, 'in place'],
  ['an add-on version pinned', { addons: { coreDns: { version: 'v1.12.4-eksbuild.1' } } }, 'in place'],
  ['EBS CSI configuration values', { addons: { ebsCsiDriver: { configurationValues: { controller: { replicaCount: 1 } } } } }, 'in place'],
  ['strict security profile', { securityProfile: SecurityProfile.STRICT }, 'refused: securityProfile or secretsKmsKeyArn'],
  ['a secrets KMS key', { secretsKmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
    'refused: securityProfile or secretsKmsKeyArn'],
];

/** Changes the specification allows but EKS refuses; from a base on 1.35, since 1.34 is the oldest supported. */
const EKS_RULES: Array<[string, Partial<BottlerocketEksSettings>, Partial<BottlerocketEksSettings>, Outcome]> = [
  ['Kubernetes downgrade', { kubernetesVersion: '1.35' }, { kubernetesVersion: '1.34' }, 'refused: kubernetesVersion'],
];

const templates = templatesByStackName;

function plan(change: Partial<BottlerocketEksSettings>, deployed = templates(BASE)): StackPlan[] {
  return planFrom(deployed, { ...BASE, ...change });
}

function outcome(plans: StackPlan[]): Outcome {
  const refusals = explainAll(plans, new ResourceNames('team-a'));
  if (refusals.length > 0) return `refused: ${[...new Set(refusals.map((r) => r.setting ?? '?'))].join(', ')}`;
  const changes = plans.flatMap((p) => p.changes);
  if (changes.some((c) => c.action === 'replace')) return 'safe replacement';
  return changes.length > 0 ? 'in place' : 'unchanged';
}

test('a cluster deployed before deletion protection existed takes it in place (the first deploy after the upgrade of bottlerocket-eks)', () => {
  const deployed = templates(BASE);
  const cluster = Object.values<any>(deployed['team-a-cluster'].Resources).find((r) => r.Type === 'AWS::EKS::Cluster');
  delete cluster.Properties.DeletionProtection;
  const changes = plan({}, deployed).flatMap((p) => p.changes);
  expect(changes.map((c) => [c.logicalId, c.action])).toEqual([['Cluster', 'update']]);
});

describe('Bottlerocket releases in the update plan', () => {
  const onRelease = (release: string) => templates({ ...BASE, bottlerocketRelease: release });

  test('a deploy that moves the groups onto a blocked release is refused, with the release it runs as the way back', () => {
    const plans = plan({ bottlerocketRelease: '1.53.0-55d04a85' }, onRelease('1.52.0-0b1c2d3e'));
    const refusals = explainAll(plans, new ResourceNames('team-a'));
    expect(refusals.map((r) => r.subject)).toEqual(['ManagedNodeGroup', 'ManagedNodeGroupSystem']);
    expect(refusals[0].reason).toMatch(/^AWS::EKS::Nodegroup ManagedNodeGroup would run Bottlerocket 1\.53\.0-55d04a85, which is blocked: the EKS node monitoring agent/);
    expect(refusals[0].wayOut).toContain('such as the one it runs, 1.52.0-0b1c2d3e');
    expect(refusals[0].wayOut).toContain('npx projen releases');
    expect(formatPlan({ stacks: plans, refusals })).toMatch(/~ ManagedNodeGroup +AWS::EKS::Nodegroup {2}update: REFUSED \(ReleaseVersion\)/);
  });

  test('groups that already run a release blocked since are not refused: nothing moves them', () => {
    const deployed = onRelease('1.52.0-0b1c2d3e');
    const blocked = { bottlerocketRelease: '1.52.0-0b1c2d3e', blockedBottlerocketReleases: [{ release: '1.52.0', reason: 'found bad after the deploy' }] };
    expect(outcome(plan({ ...blocked, nodeMaxSize: 8 }, deployed))).toBe('in place');
  });

  test('a group created on a blocked release is refused too', () => {
    const plans = plan({ bottlerocketRelease: '1.53.0-55d04a85', extraNodegroups: [SYSTEM, { name: 'batch' }] }, onRelease('1.53.0-55d04a85'));
    expect(explainAll(plans, new ResourceNames('team-a')).map((r) => r.subject)).toEqual(['ManagedNodeGroupBatch']);
  });

  test('the plan names the groups whose nodes roll', () => {
    const plans = plan({ bottlerocketRelease: '1.54.0-1a2b3c4d' }, onRelease('1.52.0-0b1c2d3e'));
    const text = formatPlan({ stacks: plans, refusals: [] });
    expect(text).toContain('~ ManagedNodeGroup        AWS::EKS::Nodegroup  update in place: its nodes roll, by its update config (ReleaseVersion)');
  });
});

describe('the update plan of a settings change on deployed stacks', () => {
  const deployed = templates(BASE);
  const rows: string[] = ['| change | outcome | replaced (safely) | refused because |', '| --- | --- | --- | --- |'];

  afterAll(() => {
    const file = path.join(__dirname, '..', 'test-reports', 'update-plan-matrix.md');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${rows.join('\n')}\n`);
  });

  test(`the matrix has at least 25 changes (${MATRIX.length})`, () => {
    expect(MATRIX.length).toBeGreaterThanOrEqual(25);
  });

  test.each(MATRIX)('%s: %s', (name, change, expected) => {
    const plans = plan(change, deployed);
    const actual = outcome(plans);
    const replaced = plans.flatMap((p) => p.changes.filter((c) => c.action === 'replace' && !c.refusal).map((c) => c.logicalId));
    const refusals = explainAll(plans, new ResourceNames('team-a'));
    rows.push(`| ${name} | ${actual} | ${replaced.join(', ') || '-'} | ${refusals.map((r) => r.reason).join('; ') || '-'} |`);
    expect(actual).toBe(expected);
  });

  test('no change of the matrix replaces a resource under a name the old one holds without a refusal', () => {
    for (const [, change] of MATRIX) {
      const proposed = templates({ ...BASE, ...change });
      for (const stackPlan of plan(change, deployed)) {
        for (const c of stackPlan.changes.filter((x) => x.action === 'replace' && !x.refusal)) {
          // Safe only because the physical name changed (or CloudFormation names it).
          const before = deployed[stackPlan.stackName].Resources[c.logicalId].Properties;
          const after = proposed[stackPlan.stackName].Resources[c.logicalId].Properties;
          const nameProperty = { 'AWS::EKS::Nodegroup': 'NodegroupName', 'AWS::EC2::LaunchTemplate': 'LaunchTemplateName' }[c.type as string];
          if (nameProperty) expect(after[nameProperty]).not.toEqual(before[nameProperty]);
        }
      }
    }
  });

  test('replacements follow the CloudFormation specification, also through references', () => {
    const plans = plan({ vpcCidr: '10.1.0.0/16' }, deployed);
    const network = plans.find((p) => p.stackName === 'team-a-network')!;
    const replaced = (id: string) => network.changes.find((c) => c.logicalId === id);
    expect(replaced('Vpc')).toMatchObject({ action: 'replace', properties: ['CidrBlock'], deployedValues: { CidrBlock: '10.0.0.0/16' } });
    // The subnets' CidrBlock changes, and their VpcId refers to the replaced VPC.
    expect(replaced('PrivateSubnetA')).toMatchObject({ action: 'replace', properties: ['CidrBlock', 'VpcId'], replacedWith: ['Vpc'] });
    expect(replaced('PublicRouteTable')).toMatchObject({ action: 'replace', properties: ['VpcId'] });
    expect(CREATE_ONLY_PROPERTIES['AWS::EC2::RouteTable'].VpcId).toBe('yes');
    expect(network.exports.map((e) => [e.exportName, e.action, e.importers])).toEqual([
      ['team-a-private-subnet-a', 'change', ['team-a-cluster', 'team-a-nodegroup']],
      ['team-a-private-subnet-b', 'change', ['team-a-cluster', 'team-a-nodegroup']],
      ['team-a-private-subnet-c', 'change', ['team-a-cluster', 'team-a-nodegroup']],
    ]);
  });

  test.each(EKS_RULES)('%s is refused as EKS would refuse it', (_name, from, to, expected) => {
    const plans = plan(to, templates({ ...BASE, ...from }));
    expect(outcome(plans)).toBe(expected);
    const [refusal] = explainAll(plans, new ResourceNames('team-a'));
    expect(refusal.reason).toBe('AWS::EKS::Cluster Cluster would go from Kubernetes 1.35 to 1.34: a downgrade, which EKS does not do');
    expect(refusal.wayOut).toBe('Set kubernetesVersion back to 1.35, then move one minor version per deploy (EKS never downgrades): '
      + '`npx projen kubernetes-upgrade` plans each step and `-- --apply` writes it.');
  });

  test('secrets encryption on a deployed cluster is refused with the way out', () => {
    const [refusal] = explainAll(plan({ securityProfile: SecurityProfile.STRICT }), new ResourceNames('team-a'));
    expect(refusal).toMatchObject({ stackName: 'team-a-cluster', setting: 'securityProfile or secretsKmsKeyArn' });
    expect(refusal.reason).toContain('EncryptionConfig');
    expect(refusal.wayOut).toMatch(/^Secrets encryption with a KMS key is chosen when a cluster is created.*leave securityProfile "standard" and secretsKmsKeyArn unset.*deploy a new pjPrefix with securityProfile "strict"/);
  });

  test('another secrets key, or none, on an encrypted cluster is refused: keep the deployed one', () => {
    const strict = { securityProfile: SecurityProfile.STRICT };
    const key = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const [given] = explainAll(plan({ ...strict, secretsKmsKeyArn: key }, templates({ ...BASE, ...strict })), new ResourceNames('team-a'));
    expect(given).toMatchObject({ setting: 'securityProfile or secretsKmsKeyArn' });
    expect(given.wayOut).toContain('this cluster uses the key the stack created: keep securityProfile "strict" with secretsKmsKeyArn unset');
    const [standard] = explainAll(plan({}, templates({ ...BASE, ...strict })), new ResourceNames('team-a'));
    expect(standard.wayOut).toBe(given.wayOut);
    const [created] = explainAll(plan(strict, templates({ ...BASE, ...strict, secretsKmsKeyArn: key })), new ResourceNames('team-a'));
    expect(created).toMatchObject({ setting: 'secretsKmsKeyArn' });
    expect(created.wayOut).toContain(`set secretsKmsKeyArn back to ${key}`);
  });

  test('a new stack is simply created', () => {
    const [network] = plan({}, {});
    expect(network.status).toBe('create');
    expect(network.refused).toBe(false);
    expect(network.changes.every((c) => c.action === 'create')).toBe(true);
  });

  test('access entries of a release that keyed them by position are refused when a principal would move', () => {
    const positional = templates(BASE);
    const cluster = positional['team-a-cluster'];
    const entries = Object.keys(cluster.Resources).filter((id) => cluster.Resources[id].Type === 'AWS::EKS::AccessEntry');
    // Rename the deployed entries to position-keyed ids: the new ones then move each principal.
    entries.forEach((id, i) => {
      cluster.Resources[`AdminAccessEntry${i + 1}`] = cluster.Resources[id];
      delete cluster.Resources[id];
    });
    const [refusal] = explainAll(plan({}, positional), new ResourceNames('team-a'));
    expect(refusal).toMatchObject({ stackName: 'team-a-cluster', setting: 'adminPrincipalArns' });
    expect(refusal.reason).toMatch(/would be created under the name AdminAccessEntry\d still holds \(ClusterName .*, PrincipalArn arn:aws:iam::123456789012:role\/(admin|ops)\)/);
  });

  test('the plan reads as a person needs it: each change, and each refusal with why, the setting and the way out', () => {
    const plans = plan({ availabilityZones: ['eu-west-1a', 'eu-west-1b'], instanceTypes: ['m6i.xlarge'] }, deployed);
    const text = formatPlan({ stacks: plans, refusals: explainAll(plans, new ResourceNames('team-a')) });
    expect(text).toContain('  team-a-network  6 deleted; 1 refused\n    - PublicSubnetC         AWS::EC2::Subnet  delete\n');
    expect(text).toContain('  team-a-cluster  1 updated in place\n    ~ Cluster  AWS::EKS::Cluster  update in place (ResourcesVpcConfig)\n');
    expect(text).toMatch(/± ManagedNodeGroup +AWS::EKS::Nodegroup {2}replace: a new one is created, then the old one deleted \(.*InstanceTypes.*NodegroupName.*Subnets\)/);
    expect(text).toContain('Refused in team-a-network: team-a-private-subnet-c\n'
      + '  why       export team-a-private-subnet-c would be deleted, but team-a-cluster, team-a-nodegroup import it.\n'
      + '  setting   availabilityZones\n'
      + '  way out   Zone c is still used by team-a-cluster, team-a-nodegroup. Deploy those stacks first, so they let go of it: '
      + '`npx nx deploy nodegroup --exclude-task-dependencies`, then `npx nx deploy cluster --exclude-task-dependencies`, then `npx projen deploy`.');
  });
});

describe('deployed templates as CloudFormation returns them', () => {
  test('JSON, and YAML with the short forms of intrinsic functions', () => {
    expect(parseTemplate('{"Resources":{"A":{"Type":"AWS::EC2::VPC"}}}')).toEqual({ Resources: { A: { Type: 'AWS::EC2::VPC' } } });
    const yaml = parseTemplate([
      'Resources:',
      '  Subnet:',
      '    Type: AWS::EC2::Subnet',
      '    Properties:',
      '      VpcId: !Ref Vpc',
      '      AvailabilityZone: !Select [0, !GetAZs ""]',
      '      Tags: [{ Key: Name, Value: !Sub "${PJPrefix}-subnet" }]',
      'Outputs:',
      '  Id:',
      '    Value: !GetAtt Subnet.SubnetId',
      '    Export: { Name: !Join ["-", [!Ref PJPrefix, subnet]] }',
    ].join('\n'));
    expect(yaml.Resources!.Subnet.Properties).toEqual({
      VpcId: { Ref: 'Vpc' },
      AvailabilityZone: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
      Tags: [{ Key: 'Name', Value: { 'Fn::Sub': '${PJPrefix}-subnet' } }],
    });
    expect(yaml.Outputs!.Id).toEqual({ Value: { 'Fn::GetAtt': ['Subnet', 'SubnetId'] }, Export: { Name: { 'Fn::Join': ['-', [{ Ref: 'PJPrefix' }, 'subnet']] } } });
  });
});
