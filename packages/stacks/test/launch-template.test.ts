import { Match, Template } from 'aws-cdk-lib/assertions';
import { DEFAULT_KUBERNETES_VERSION } from 'bottlerocket-eks-config';
import { parse } from 'smol-toml';
import { testApp } from './temp';
import {
  BottlerocketEksSettings, BottlerocketVariant, CapacityType, NodeArchitecture,
  NodegroupStack, NodegroupUpdateStrategy, NodeRepairAction, Settings, TaintEffect,
} from '../src';

/** The node group stack alone (the others do not change with node group options). */
function nodegroupTemplate(settings: Partial<BottlerocketEksSettings> = {}): Template {
  const app = testApp({ builtinCloudFormationValidation: false });
  return Template.fromStack(new NodegroupStack(app, 'Nodegroup', { settings: Settings.resolve({ pjPrefix: 'team-a', ...settings }) }));
}

function resources(template: Template, type: string): any[] {
  return Object.values(template.findResources(type));
}

/** The launch template's user data, decoded from `Fn::Base64` and parsed as TOML. */
function userData(template: Template, index = 0): Record<string, any> {
  const lt = resources(template, 'AWS::EC2::LaunchTemplate')[index];
  return parse(lt.Properties.LaunchTemplateData.UserData['Fn::Base64']);
}

describe('the launch template, by default', () => {
  const template = nodegroupTemplate();
  const [lt] = resources(template, 'AWS::EC2::LaunchTemplate');
  const data = lt.Properties.LaunchTemplateData;

  test('exists, is named after the node group and is what the node group uses (latest version)', () => {
    template.resourceCountIs('AWS::EC2::LaunchTemplate', 1);
    expect(lt.Properties.LaunchTemplateName).toBe('team-a-bottlerocket-spot');
    template.hasResourceProperties('AWS::EKS::Nodegroup', {
      LaunchTemplate: { Id: { Ref: 'LaunchTemplate' }, Version: { 'Fn::GetAtt': ['LaunchTemplate', 'LatestVersionNumber'] } },
    });
  });

  test('names no AMI, instance profile, subnet, security group or instance type (EKS and the node group do)', () => {
    for (const key of ['ImageId', 'IamInstanceProfile', 'NetworkInterfaces', 'SubnetId', 'SecurityGroupIds', 'InstanceType', 'KeyName']) {
      expect(data).not.toHaveProperty(key);
    }
  });

  test('requires IMDSv2 with a hop limit of 1', () => {
    expect(data.MetadataOptions).toEqual({ HttpTokens: 'required', HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 1 });
  });

  test('encrypts gp3 root (/dev/xvda, AMI size) and data (/dev/xvdb, 20 GiB) volumes with the default key', () => {
    expect(data.BlockDeviceMappings).toEqual([
      { DeviceName: '/dev/xvda', Ebs: { VolumeType: 'gp3', Encrypted: true, DeleteOnTermination: true } },
      { DeviceName: '/dev/xvdb', Ebs: { VolumeType: 'gp3', VolumeSize: 20, Encrypted: true, DeleteOnTermination: true } },
    ]);
  });

  test('tags instances and volumes', () => {
    const tags = [{ Key: 'Name', Value: 'team-a-bottlerocket-spot' }, { Key: 'bottlerocket-eks/nodegroup-name', Value: 'team-a-bottlerocket-spot' }];
    expect(data.TagSpecifications).toEqual([{ ResourceType: 'instance', Tags: tags }, { ResourceType: 'volume', Tags: tags }]);
  });

  test('user data is Bottlerocket TOML with only the host containers (control on, admin off), no cluster details', () => {
    expect(userData(template)).toEqual({ settings: { 'host-containers': { admin: { enabled: false }, control: { enabled: true } } } });
  });

  test('the node group: Kubernetes version of the cluster, a third at a time, auto repair, no taints', () => {
    template.hasResourceProperties('AWS::EKS::Nodegroup', {
      Version: DEFAULT_KUBERNETES_VERSION,
      UpdateConfig: { MaxUnavailablePercentage: 33 },
      NodeRepairConfig: { Enabled: true },
      Taints: Match.absent(),
    });
  });
});

describe('launch template and node group options', () => {
  test('hop limit, data volume size and KMS key', () => {
    const key = 'arn:aws:kms:ap-northeast-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const [lt] = resources(nodegroupTemplate({ httpPutResponseHopLimit: 2, dataVolumeSize: 100, volumeKmsKeyArn: key }), 'AWS::EC2::LaunchTemplate');
    const data = lt.Properties.LaunchTemplateData;
    expect(data.MetadataOptions.HttpPutResponseHopLimit).toBe(2);
    expect(data.BlockDeviceMappings.map((m: any) => [m.Ebs.VolumeSize, m.Ebs.KmsKeyId])).toEqual([[undefined, key], [100, key]]);
  });

  test('launchTemplate: false creates the node group without one', () => {
    const template = nodegroupTemplate({ launchTemplate: false });
    template.resourceCountIs('AWS::EC2::LaunchTemplate', 0);
    template.hasResourceProperties('AWS::EKS::Nodegroup', { LaunchTemplate: Match.absent() });
  });

  test('taints, labels, update percentage and auto repair', () => {
    nodegroupTemplate({
      taints: [{ key: 'dedicated', value: 'batch', effect: TaintEffect.NO_SCHEDULE }, { key: 'spot', effect: TaintEffect.PREFER_NO_SCHEDULE }],
      labels: { team: 'payments' },
      maxUnavailablePercentage: 50,
      autoRepair: false,
      // An untainted group for the system pods (with every group NO_SCHEDULE the settings are refused).
      extraNodegroups: [{ name: 'system' }],
    }).hasResourceProperties('AWS::EKS::Nodegroup', {
      Taints: [{ Key: 'dedicated', Value: 'batch', Effect: 'NO_SCHEDULE' }, { Key: 'spot', Effect: 'PREFER_NO_SCHEDULE' }],
      Labels: { 'team': 'payments', 'role': 'worker', 'bottlerocket-eks/nodegroup-name': 'team-a-bottlerocket-spot' },
      UpdateConfig: { MaxUnavailablePercentage: 50 },
      NodeRepairConfig: { Enabled: false },
    });
  });

  test('update strategy and repair limits: in the template when set, absent by default (EKS\'s own)', () => {
    nodegroupTemplate({
      updateStrategy: NodegroupUpdateStrategy.MINIMAL, nodeRepair: { maxUnhealthyNodeThresholdPercentage: 20, maxParallelNodesRepairedCount: 1 },
    }).hasResourceProperties('AWS::EKS::Nodegroup', {
      UpdateConfig: { MaxUnavailablePercentage: 33, UpdateStrategy: 'MINIMAL' },
      NodeRepairConfig: { Enabled: true, MaxUnhealthyNodeThresholdPercentage: 20, MaxParallelNodesRepairedCount: 1 },
    });
    nodegroupTemplate({ nodeRepair: { overrides: [{ nodeMonitoringCondition: 'KernelReady', nodeUnhealthyReason: 'SoftLockup', minRepairWaitTimeMins: 15, repairAction: NodeRepairAction.REBOOT }] } }).hasResourceProperties('AWS::EKS::Nodegroup', {
      NodeRepairConfig: Match.exact({
        Enabled: true,
        NodeRepairConfigOverrides: [{ NodeMonitoringCondition: 'KernelReady', NodeUnhealthyReason: 'SoftLockup', MinRepairWaitTimeMins: 15, RepairAction: 'Reboot' }],
      }),
    });
    nodegroupTemplate({}).hasResourceProperties('AWS::EKS::Nodegroup', {
      UpdateConfig: { MaxUnavailablePercentage: 33, UpdateStrategy: Match.absent() },
      NodeRepairConfig: Match.exact({ Enabled: true }),
    });
  });

  test('the node group version follows the cluster version', () => {
    nodegroupTemplate({ kubernetesVersion: '1.34' }).hasResourceProperties('AWS::EKS::Nodegroup', { Version: '1.34' });
  });

  test.each([
    [NodeArchitecture.X86_64, BottlerocketVariant.STANDARD, 'BOTTLEROCKET_x86_64', 'm6i.xlarge'],
    [NodeArchitecture.ARM64, BottlerocketVariant.STANDARD, 'BOTTLEROCKET_ARM_64', 'm7g.xlarge'],
    [NodeArchitecture.X86_64, BottlerocketVariant.NVIDIA, 'BOTTLEROCKET_x86_64_NVIDIA', 'g5.xlarge'],
    [NodeArchitecture.ARM64, BottlerocketVariant.NVIDIA, 'BOTTLEROCKET_ARM_64_NVIDIA', 'g5g.xlarge'],
    [NodeArchitecture.X86_64, BottlerocketVariant.FIPS, 'BOTTLEROCKET_x86_64_FIPS', 'm6i.xlarge'],
    [NodeArchitecture.ARM64, BottlerocketVariant.FIPS, 'BOTTLEROCKET_ARM_64_FIPS', 'm7g.xlarge'],
  ])('%s %s -> %s, default types starting with %s', (architecture, variant, amiType, firstType) => {
    const [ng] = resources(nodegroupTemplate({ architecture, variant }), 'AWS::EKS::Nodegroup');
    expect(ng.Properties.AmiType).toBe(amiType);
    expect(ng.Properties.InstanceTypes[0]).toBe(firstType);
  });

  test('on-demand capacity renames the node group and its launch template', () => {
    const template = nodegroupTemplate({ capacityType: CapacityType.ON_DEMAND });
    template.hasResourceProperties('AWS::EKS::Nodegroup', { CapacityType: 'ON_DEMAND', NodegroupName: Match.stringLikeRegexp('^team-a-bottlerocket-ondemand-[0-9a-f]{8}$') });
    template.hasResourceProperties('AWS::EC2::LaunchTemplate', { LaunchTemplateName: 'team-a-bottlerocket-ondemand' });
  });
});

describe('Bottlerocket settings in the user data', () => {
  test('every typed option, rendered as TOML and parsed back equal', () => {
    const template = nodegroupTemplate({
      bottlerocket: {
        maxPods: 58,
        kubeReserved: { cpu: '100m', memory: '512Mi', ephemeralStorage: '1Gi' },
        systemReserved: { cpu: '50m', memory: '256Mi' },
        evictionHard: { 'memory.available': '10%', 'nodefs.available': '15%' },
        imageGcHighThresholdPercent: 80,
        imageGcLowThresholdPercent: 60,
        containerLogMaxSize: '50Mi',
        sysctls: { 'net.core.somaxconn': '4096', 'vm.max_map_count': '262144' },
        adminContainer: true,
        controlContainer: false,
        motd: 'team-a nodes',
        extraSettings: { settings: { kernel: { lockdown: 'integrity' } } },
        extraToml: '[settings.ntp]\ntime-servers = ["169.254.169.123"]\n',
      },
    });
    expect(userData(template)).toEqual({
      settings: {
        'kubernetes': {
          'max-pods': 58,
          'kube-reserved': { 'cpu': '100m', 'memory': '512Mi', 'ephemeral-storage': '1Gi' },
          'system-reserved': { cpu: '50m', memory: '256Mi' },
          'eviction-hard': { 'memory.available': '10%', 'nodefs.available': '15%' },
          'image-gc-high-threshold-percent': 80,
          'image-gc-low-threshold-percent': 60,
          'container-log-max-size': '50Mi',
        },
        'kernel': { sysctl: { 'net.core.somaxconn': '4096', 'vm.max_map_count': '262144' }, lockdown: 'integrity' },
        'host-containers': { admin: { enabled: true }, control: { enabled: false } },
        'motd': 'team-a nodes',
        'ntp': { 'time-servers': ['169.254.169.123'] },
      },
    });
  });

  test.each<[string, Partial<BottlerocketEksSettings>, RegExp]>([
    ['a key EKS injects (extraSettings)', { bottlerocket: { extraSettings: { settings: { kubernetes: { 'cluster-name': 'x' } } } } },
      /^Invalid bottlerocket.extraSettings "settings.kubernetes.cluster-name": expected no key that EKS injects \(api-server, cluster-certificate, cluster-name, cluster-dns-ip/],
    ['a key EKS injects (extraToml)', { bottlerocket: { extraToml: '[settings.kubernetes]\napi-server = "https://x"' } },
      /^Invalid bottlerocket.extraToml "settings.kubernetes.api-server": expected no key that EKS injects/],
    ['the cluster certificate', { bottlerocket: { extraToml: 'settings.kubernetes.cluster-certificate = "abc"' } },
      /"settings.kubernetes.cluster-certificate": expected no key that EKS injects/],
    ['the cluster DNS IP', { bottlerocket: { extraToml: 'settings.kubernetes.cluster-dns-ip = "10.100.0.10"' } },
      /"settings.kubernetes.cluster-dns-ip": expected no key that EKS injects/],
    ['node labels', { bottlerocket: { extraToml: '[settings.kubernetes.node-labels]\nteam = "a"' } },
      /^Invalid bottlerocket.extraToml "settings.kubernetes.node-labels": expected no node labels or taints here: set labels and taints on the node group\.$/],
    ['node taints', { bottlerocket: { extraSettings: { settings: { kubernetes: { 'node-taints': { a: 'b:NoSchedule' } } } } } },
      /"settings.kubernetes.node-taints": expected no node labels or taints here/],
    ['TOML that does not parse', { bottlerocket: { extraToml: '[settings.kernel\nlockdown = ' } },
      /^Invalid bottlerocket.extraToml "\[settings.kernel\\nlockdown = ": expected TOML that parses \(/],
    ['a mixed array (TOML text)', { bottlerocket: { extraToml: 'settings.ntp.time-servers = ["a", 1]' } },
      /^Invalid bottlerocket.extraToml "settings.ntp.time-servers": expected arrays of one type \(EKS refuses mixed arrays/],
    ['a mixed array (extraSettings)', { bottlerocket: { extraSettings: { settings: { ntp: { 'time-servers': ['a', true] } } } } },
      /^Invalid bottlerocket.extraSettings "settings.ntp.time-servers": expected arrays of one type/],
    ['a key outside settings', { bottlerocket: { extraToml: '[kubernetes]\nmax-pods = 1' } },
      /^Invalid bottlerocket.extraToml "kubernetes": expected settings under the top-level key "settings"/],
    ['a key a typed option sets', { bottlerocket: { maxPods: 20, extraToml: 'settings.kubernetes.max-pods = 30' } },
      /^Invalid bottlerocket.extraToml "settings.kubernetes.max-pods": expected keys that no typed option sets/],
    ['max-pods out of range', { bottlerocket: { maxPods: 0 } }, /^Invalid bottlerocket.maxPods 0: expected a whole number from 1 to 737/],
    ['a malformed quantity', { bottlerocket: { kubeReserved: { memory: '1 GB' } } }, /^Invalid bottlerocket.kubeReserved.memory "1 GB": expected a Kubernetes quantity/],
    ['an unknown eviction signal', { bottlerocket: { evictionHard: { 'memory.free': '1%' } } }, /^Invalid bottlerocket.evictionHard "memory.free": expected one of the eviction signals/],
    ['GC low above high', { bottlerocket: { imageGcHighThresholdPercent: 70, imageGcLowThresholdPercent: 75 } },
      /^Invalid bottlerocket.imageGcLowThresholdPercent 75: expected a whole number from 0 to 69/],
    ['a malformed sysctl', { bottlerocket: { sysctls: { 'NET CORE': '1' } } }, /^Invalid bottlerocket.sysctls "NET CORE": expected kernel parameter names/],
  ])('rejects %s with a message naming the option and the value', (_name, settings, message) => {
    let error: any;
    try {
      nodegroupTemplate(settings);
    } catch (e) {
      error = e;
    }
    expect(error?.name).toBe('BottlerocketEksSettingsError');
    expect(error.message).toMatch(message);
  });
});

describe('more than one node group', () => {
  const template = nodegroupTemplate({
    extraNodegroups: [
      {
        name: 'system',
        capacityType: CapacityType.ON_DEMAND,
        instanceTypes: ['m6i.large'],
        minSize: 2,
        maxSize: 3,
        desiredSize: 2,
        taints: [{ key: 'CriticalAddonsOnly', effect: TaintEffect.NO_SCHEDULE }],
        labels: { tier: 'system' },
      },
      { name: 'gpu', variant: BottlerocketVariant.NVIDIA, minSize: 0, maxSize: 2, desiredSize: 0, dataVolumeSize: 200 },
    ],
  });

  test('each group gets its own node group and launch template, named <prefix>-<name>, sharing the node role', () => {
    const names = resources(template, 'AWS::EKS::Nodegroup').map((ng) => ng.Properties.NodegroupName);
    expect(names).toEqual([
      expect.stringMatching(/^team-a-bottlerocket-spot-[0-9a-f]{8}$/), expect.stringMatching(/^team-a-system-[0-9a-f]{8}$/),
      expect.stringMatching(/^team-a-gpu-[0-9a-f]{8}$/),
    ]);
    const lts = resources(template, 'AWS::EC2::LaunchTemplate').map((lt) => lt.Properties.LaunchTemplateName);
    expect(lts).toEqual(['team-a-bottlerocket-spot', 'team-a-system', 'team-a-gpu']);
    // One node role for every group; the other role is the EBS CSI driver's.
    expect(Object.keys(template.findResources('AWS::IAM::Role')).sort()).toEqual(['EbsCsiDriverRole', 'NodeInstanceRole']);
    expect(resources(template, 'AWS::EKS::Nodegroup').map((ng) => ng.Properties.NodeRole)).toEqual(Array(3).fill({ 'Fn::GetAtt': ['NodeInstanceRole', 'Arn'] }));
  });

  test('their own options and the product defaults otherwise', () => {
    template.hasResourceProperties('AWS::EKS::Nodegroup', {
      NodegroupName: Match.stringLikeRegexp('^team-a-system-[0-9a-f]{8}$'),
      CapacityType: 'ON_DEMAND',
      InstanceTypes: ['m6i.large'],
      ScalingConfig: { DesiredSize: 2, MinSize: 2, MaxSize: 3 },
      Taints: [{ Key: 'CriticalAddonsOnly', Effect: 'NO_SCHEDULE' }],
      Labels: { 'tier': 'system', 'role': 'worker', 'bottlerocket-eks/nodegroup-name': 'team-a-system' },
      AmiType: 'BOTTLEROCKET_x86_64',
      UpdateConfig: { MaxUnavailablePercentage: 33 },
      LaunchTemplate: { Id: { Ref: 'LaunchTemplateSystem' } },
    });
    template.hasResourceProperties('AWS::EKS::Nodegroup', {
      NodegroupName: Match.stringLikeRegexp('^team-a-gpu-[0-9a-f]{8}$'),
      AmiType: 'BOTTLEROCKET_x86_64_NVIDIA',
      CapacityType: 'SPOT',
      InstanceTypes: ['g5.xlarge', 'g6.xlarge', 'g4dn.xlarge'],
    });
    const [, , gpu] = resources(template, 'AWS::EC2::LaunchTemplate');
    expect(gpu.Properties.LaunchTemplateData.BlockDeviceMappings[1].Ebs.VolumeSize).toBe(200);
  });

  test('every add-on of the stack (coredns first) waits for every node group', () => {
    const addons = Object.values(template.findResources('AWS::EKS::Addon'));
    expect(addons.map((a) => a.Properties.AddonName)).toEqual(['coredns', 'aws-ebs-csi-driver', 'metrics-server', 'eks-node-monitoring-agent']);
    for (const addon of addons) {
      expect(addon.DependsOn).toEqual(expect.arrayContaining(['ManagedNodeGroup', 'ManagedNodeGroupSystem', 'ManagedNodeGroupGpu']));
    }
  });
});
