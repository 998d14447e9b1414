import {
  BottlerocketEksSettings, CapacityType, Cidr, ExportNames, KNOWN_REGIONS, NodeArchitecture, ResourceNames,
  Settings, ADDON_NAMES, DEFAULT_KUBERNETES_VERSION, SecurityProfile, ReleaseTrain, KNOWN_BAD_BOTTLEROCKET_RELEASES,
} from '../src';

describe('Settings.resolve defaults', () => {
  test('fill in the blog setup for a bare prefix', () => {
    const { addons, ...settings } = Settings.resolve({ pjPrefix: 'team-a' });
    expect(addons.map((a) => a.name)).toEqual(Object.values(ADDON_NAMES));
    expect(settings).toEqual({
      pjPrefix: 'team-a',
      region: 'ap-northeast-1',
      partition: 'aws',
      availabilityZones: ['ap-northeast-1a', 'ap-northeast-1c'],
      vpcCidr: '10.0.0.0/16',
      natGateways: 1,
      clusterName: undefined,
      kubernetesVersion: DEFAULT_KUBERNETES_VERSION,
      endpointPublicAccessCidrs: ['0.0.0.0/0'],
      adminPrincipalArns: [],
      accountId: undefined,
      terminationProtection: true,
      deletionProtection: true,
      nodegroups: [{
        id: 'Main',
        name: 'bottlerocket-spot',
        optionPath: '',
        instanceTypes: ['m6i.xlarge', 'm6a.xlarge', 'm5.xlarge', 'm5a.xlarge', 'm7i.xlarge'],
        capacityType: CapacityType.SPOT,
        architecture: NodeArchitecture.X86_64,
        variant: 'STANDARD',
        amiType: 'BOTTLEROCKET_x86_64',
        desiredSize: 2,
        minSize: 1,
        maxSize: 4,
        labels: {},
        taints: [],
        maxUnavailablePercentage: 33,
        autoRepair: true,
        launchTemplate: true,
        httpPutResponseHopLimit: 1,
        dataVolumeSize: 20,
        volumeKmsKeyArn: undefined,
        bottlerocket: {},
        releaseVersion: undefined,
        detailedMonitoring: false,
      }],
      securityProfile: SecurityProfile.STANDARD,
      endpointPublicAccess: true,
      secretsEncryption: false,
      secretsKmsKeyArn: undefined,
      logRetentionDays: undefined,
      ssmAccess: true,
      existingVpc: undefined,
      bottlerocketRelease: undefined,
      releaseTrain: ReleaseTrain.FOLLOW,
      releaseSoakDays: 7,
      blockedBottlerocketReleases: [...KNOWN_BAD_BOTTLEROCKET_RELEASES],
    });
  });

  test('follow the region, the partition and the architecture', () => {
    const s = Settings.resolve({ pjPrefix: 'p', region: 'cn-north-1', architecture: NodeArchitecture.ARM64 });
    expect(s.availabilityZones).toEqual(['cn-north-1a', 'cn-north-1c']);
    expect(s.partition).toBe('aws-cn');
    expect(s.nodegroups[0].instanceTypes.every((t) => /^m\dgd?\./.test(t))).toBe(true);
    expect(Settings.partitionOf('us-gov-west-1')).toBe('aws-us-gov');
  });

  test('keep desired size inside a narrow min..max', () => {
    expect(Settings.resolve({ pjPrefix: 'p', nodeMinSize: 5, nodeMaxSize: 8 }).nodegroups[0].desiredSize).toBe(5);
    expect(Settings.resolve({ pjPrefix: 'p', nodeMinSize: 0, nodeMaxSize: 1 }).nodegroups[0].desiredSize).toBe(1);
  });
});

describe('Settings.resolve rejects bad values, naming option, value and what is allowed', () => {
  const cases: Array<[string, Partial<BottlerocketEksSettings>, RegExp]> = [
    ['empty prefix', { pjPrefix: '' }, /^Invalid pjPrefix "": expected 1-24 characters/],
    ['uppercase prefix', { pjPrefix: 'TeamA' }, /^Invalid pjPrefix "TeamA"/],
    ['prefix with underscore', { pjPrefix: 'team_a' }, /^Invalid pjPrefix "team_a"/],
    ['prefix ending in hyphen', { pjPrefix: 'team-' }, /^Invalid pjPrefix "team-"/],
    ['prefix starting with a digit', { pjPrefix: '1team' }, /^Invalid pjPrefix "1team"/],
    ['prefix too long for node group names', { pjPrefix: 'a'.repeat(25) }, /^Invalid pjPrefix "a{25}"/],
    ['malformed region', { region: 'tokyo' }, /^Invalid region "tokyo": expected an AWS region code/],
    ['a region AWS does not have', { region: 'ap-northeast-9' },
      /^Invalid region "ap-northeast-9": expected a region AWS has, such as ap-northeast-1 or us-east-1 \(for a region newer than this release, also set allowUnlistedRegion: true\)\.$/],
    ['a misspelt option', { instanceType: ['m5.large'] } as any, /^Invalid instanceType \["m5.large"\]: expected a known option \(did you mean instanceTypes\?\)\.$/],
    ['a misspelt option of an extra group', { extraNodegroups: [{ name: 'system', maxsize: 3 }] } as any,
      /^Invalid extraNodegroups\[0\]\.maxsize 3: expected a known option \(did you mean extraNodegroups\[0\]\.maxSize\?\)\.$/],
    ['a misspelt Bottlerocket setting', { bottlerocket: { maxPod: 20 } } as any,
      /^Invalid bottlerocket\.maxPod 20: expected a known option \(did you mean bottlerocket\.maxPods\?\)\.$/],
    ['an option that is nothing like one', { zzzzzzzz: 1 } as any, /^Invalid zzzzzzzz 1: expected a known option \(here: pjPrefix, region,/],
    ['instance types of two sizes', { instanceTypes: ['m5.xlarge', 'c5.2xlarge'] },
      /^Invalid instanceTypes "c5.2xlarge": expected instance types of one size, like the first \(m5.xlarge\): all .xlarge\.$/],
    ['an admin listed twice', { adminPrincipalArns: ['arn:aws:iam::123456789012:role/a', 'arn:aws:iam::123456789012:role/a'] },
      /^Invalid adminPrincipalArns "arn:aws:iam::123456789012:role\/a": expected each value listed once \(this one is listed more than once\)\.$/],
    ['an STS session as admin', { adminPrincipalArns: ['arn:aws:sts::123456789012:assumed-role/Admin/alice'] },
      /^Invalid adminPrincipalArns ".*": expected IAM role or user ARNs, not an STS session: use the role, arn:aws:iam::123456789012:role\/Admin\.$/],
    ['one zone', { availabilityZones: ['ap-northeast-1a'] }, /^Invalid availabilityZones \["ap-northeast-1a"\]: expected at least two distinct zones/],
    ['zone of another region', { availabilityZones: ['ap-northeast-1a', 'us-east-1b'] }, /^Invalid availabilityZones "us-east-1b"/],
    ['duplicate zones', { availabilityZones: ['ap-northeast-1a', 'ap-northeast-1a'] }, /^Invalid availabilityZones "ap-northeast-1a": expected each value listed once/],
    ['malformed CIDR', { vpcCidr: '10.0.0/16' }, /^Invalid vpcCidr "10.0.0\/16": expected an IPv4 CIDR block/],
    ['CIDR with host bits', { vpcCidr: '10.0.0.1/16' }, /^Invalid vpcCidr "10.0.0.1\/16"/],
    ['CIDR too small for the subnets', { vpcCidr: '10.0.0.0/24' }, /^Invalid vpcCidr "10.0.0.0\/24": expected an IPv4 CIDR block from \/16 to \/20/],
    ['octet over 255', { vpcCidr: '10.300.0.0/16' }, /^Invalid vpcCidr/],
    ['too many NAT gateways', { natGateways: 3 }, /^Invalid natGateways 3: expected 1, or up to one per availability zone \(2\)/],
    ['unsupported Kubernetes version', { kubernetesVersion: '1.21' }, /^Invalid kubernetesVersion "1.21": expected one of 1.34, 1.35/],
    ['bad cluster name', { clusterName: '-x' }, /^Invalid clusterName "-x"/],
    ['no instance types', { instanceTypes: [] }, /^Invalid instanceTypes \[\]: expected a list of at least 1/],
    ['malformed instance type', { instanceTypes: ['xlarge'] }, /^Invalid instanceTypes "xlarge": expected EC2 instance types/],
    ['Graviton type on x86_64', { instanceTypes: ['m7g.xlarge'] }, /^Invalid instanceTypes "m7g.xlarge": expected x86_64 instance types/],
    ['x86 type on arm64', { architecture: NodeArchitecture.ARM64, instanceTypes: ['m6i.xlarge'] }, /^Invalid instanceTypes "m6i.xlarge": expected Graviton/],
    ['unknown capacity type', { capacityType: 'CHEAP' as CapacityType }, /^Invalid capacityType "CHEAP": expected one of SPOT, ON_DEMAND/],
    ['min above max', { nodeMinSize: 3, nodeMaxSize: 2 }, /^Invalid nodeMaxSize 2/],
    ['desired above max', { nodeDesiredSize: 9, nodeMaxSize: 4 }, /^Invalid nodeDesiredSize 9: expected a whole number from nodeMinSize \(1\) to nodeMaxSize \(4\)/],
    ['negative min', { nodeMinSize: -1 }, /^Invalid nodeMinSize -1/],
    ['max of zero', { nodeMinSize: 0, nodeMaxSize: 0 }, /^Invalid nodeMaxSize 0/],
    ['fractional size', { nodeDesiredSize: 1.5 }, /^Invalid nodeDesiredSize 1.5/],
    ['malformed admin ARN', { adminPrincipalArns: ['admin'] }, /^Invalid adminPrincipalArns "admin": expected IAM role or user ARNs/],
    ['admin ARN of another partition', { adminPrincipalArns: ['arn:aws-cn:iam::123456789012:role/a'] }, /partition aws \(the partition of ap-northeast-1\)/],
    ['short account id', { accountId: '1234' }, /^Invalid accountId "1234": expected a 12-digit AWS account id/],
    ['account id as a number', { accountId: 123456789012 as any }, /^Invalid accountId 123456789012: expected a 12-digit AWS account id, as a string/],
    ['Kubernetes version as a number', { kubernetesVersion: 1.35 as any }, /^Invalid kubernetesVersion 1.35: expected one of 1.34, 1.35/],
    ['NVIDIA variant on a non-GPU type', { variant: 'NVIDIA' as any, instanceTypes: ['m6i.xlarge'] },
      /^Invalid instanceTypes "m6i.xlarge": expected NVIDIA GPU instance types such as g5.xlarge, because variant is NVIDIA/],
    ['NVIDIA arm64 on an x86 GPU type', { variant: 'NVIDIA' as any, architecture: NodeArchitecture.ARM64, instanceTypes: ['g5.xlarge'] },
      /^Invalid instanceTypes "g5.xlarge": expected Graviton/],
    ['unknown variant', { variant: 'GPU' as any }, /^Invalid variant "GPU": expected one of STANDARD, NVIDIA, FIPS/],
    ['hop limit of zero', { httpPutResponseHopLimit: 0 }, /^Invalid httpPutResponseHopLimit 0: expected a whole number from 1 to 64/],
    ['tiny data volume', { dataVolumeSize: 5 }, /^Invalid dataVolumeSize 5: expected a size in GiB from 10 to 16384/],
    ['KMS key of another partition', { volumeKmsKeyArn: 'arn:aws-cn:kms:cn-north-1:123456789012:key/abc' }, /^Invalid volumeKmsKeyArn .*: expected a KMS key or alias ARN of partition aws/],
    ['update percentage above 100', { maxUnavailablePercentage: 101 }, /^Invalid maxUnavailablePercentage 101: expected a whole number from 1 to 100/],
    ['volume option without a launch template', { launchTemplate: false, httpPutResponseHopLimit: 2 },
      /^Invalid launchTemplate false: expected true, because httpPutResponseHopLimit is set and lives in the launch template/],
    ['a label bottlerocket-eks sets', { labels: { role: 'db' } }, /^Invalid labels "role": expected a label other than role/],
    ['a malformed label key', { labels: { 'bad key': 'x' } }, /^Invalid labels "bad key": expected Kubernetes label keys/],
    ['a taint without effect', { taints: [{ key: 'dedicated' } as any] }, /^Invalid taints\[0\].effect undefined: expected one of NO_SCHEDULE/],
    ['an extra group without a name', { extraNodegroups: [{} as any] }, /^Invalid extraNodegroups\[0\].name undefined: expected lowercase letters/],
    ['two extra groups with one name', { extraNodegroups: [{ name: 'system' }, { name: 'system' }] },
      /^Invalid extraNodegroups\[1\].name "system": expected a name no other node group of team-a has/],
    ['an extra group named like the main one', { extraNodegroups: [{ name: 'bottlerocket-spot' }] }, /^Invalid extraNodegroups\[0\].name "bottlerocket-spot"/],
    ['an extra group whose name is too long', { extraNodegroups: [{ name: 'x'.repeat(60) }] }, /^Invalid extraNodegroups\[0\].name "team-a-x+": expected a node group name of at most 54 characters with the prefix \(EKS allows 63, and a fingerprint of 9 follows\)\.$/],
    ['an extra group with min above max', { extraNodegroups: [{ name: 'system', minSize: 3, maxSize: 2 }] },
      /^Invalid extraNodegroups\[0\].maxSize 2: expected a whole number from max\(1, extraNodegroups\[0\].minSize = 3\)/],
    ['bad Bottlerocket settings in an extra group', { extraNodegroups: [{ name: 'system', bottlerocket: { maxPods: 1000 } }] },
      /^Invalid extraNodegroups\[0\].bottlerocket.maxPods 1000/],
    ['public CIDR with host bits', { endpointPublicAccessCidrs: ['203.0.113.7/24'] }, /^Invalid endpointPublicAccessCidrs "203.0.113.7\/24"/],
  ];

  test('resolves the main node group and the extra ones with every default', () => {
    const resolved = Settings.resolve({ pjPrefix: 'team-a', extraNodegroups: [{ name: 'system-critical', capacityType: CapacityType.ON_DEMAND }] });
    expect(resolved.nodegroups.map((g) => [g.id, g.name, g.optionPath, g.amiType, g.capacityType])).toEqual([
      ['Main', 'bottlerocket-spot', '', 'BOTTLEROCKET_x86_64', 'SPOT'],
      ['SystemCritical', 'system-critical', 'extraNodegroups[0].', 'BOTTLEROCKET_x86_64', 'ON_DEMAND'],
    ]);
    expect(resolved.nodegroups[1]).toMatchObject({
      desiredSize: 2,
      minSize: 1,
      maxSize: 4,
      maxUnavailablePercentage: 33,
      autoRepair: true,
      launchTemplate: true,
      httpPutResponseHopLimit: 1,
      dataVolumeSize: 20,
      labels: {},
      taints: [],
      variant: 'STANDARD',
    });
  });

  test.each(cases)('%s', (_name, override, message) => {
    let error: any;
    try {
      Settings.resolve({ pjPrefix: 'team-a', ...override });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(message);
    expect(Settings.isSettingsError(error)).toBe(true);
  });

  test('a bug is not a settings error', () => {
    expect(Settings.isSettingsError(new TypeError('x'))).toBe(false);
  });
});

describe('names', () => {
  test('exports follow the contract table', () => {
    const n = new ExportNames('team-a');
    expect([n.vpcId, n.privateSubnet('a'), n.publicSubnet('c'), n.clusterName, n.clusterArn, n.clusterEndpoint,
      n.clusterCertificateAuthority, n.clusterSecurityGroupId, n.nodegroupName, n.nodeRoleArn]).toEqual([
      'team-a-vpc-id', 'team-a-private-subnet-a', 'team-a-public-subnet-c', 'team-a-cluster-name', 'team-a-cluster-arn',
      'team-a-cluster-endpoint', 'team-a-cluster-certificate-authority', 'team-a-cluster-security-group-id',
      'team-a-nodegroup-name', 'team-a-node-role-arn',
    ]);
  });

  test('the longest prefix still gives a node group name EKS accepts (63 characters)', () => {
    const longest = new ResourceNames('a'.repeat(ResourceNames.PJ_PREFIX_MAX_LENGTH));
    expect(longest.nodegroup(ResourceNames.mainNodegroup('ON_DEMAND')).length).toBeLessThanOrEqual(ResourceNames.NODEGROUP_NAME_MAX_LENGTH);
  });

  test('stacks, the cluster, node groups and launch templates are named after the prefix', () => {
    const names = new ResourceNames('team-a');
    expect(names.stacks()).toEqual(['team-a-network', 'team-a-cluster', 'team-a-nodegroup']);
    expect(names.stacks('destroy')).toEqual(['team-a-nodegroup', 'team-a-cluster', 'team-a-network']);
    expect([names.cluster(), names.cluster('shared'), names.nodegroup('system'), names.launchTemplate('system')])
      .toEqual(['team-a-cluster', 'shared', 'team-a-system', 'team-a-system']);
    expect(names.exports.vpcId).toBe('team-a-vpc-id');
  });

  test('a region newer than the known list is accepted when the team says so, with the partition from its name', () => {
    const s = Settings.resolve({ pjPrefix: 'p', region: 'us-gov-north-9', allowUnlistedRegion: true });
    expect([s.region, s.partition, s.availabilityZones[0]]).toEqual(['us-gov-north-9', 'aws-us-gov', 'us-gov-north-9a']);
  });

  test('every known region has a supported partition', () => {
    expect(new Set(Object.values(KNOWN_REGIONS))).toEqual(new Set(['aws', 'aws-cn', 'aws-us-gov']));
    expect(KNOWN_REGIONS['ap-northeast-1']).toBe('aws');
  });

  test('zone letters come from the zone name', () => {
    expect(ResourceNames.zoneLetter('us-east-1', 'us-east-1f')).toBe('f');
  });
});

describe('subnet slots', () => {
  test('each zone letter owns a private /19 and a public /22 of a /16, the same whatever other zones there are', () => {
    expect(['a', 'b', 'c', 'f'].map((z) => Cidr.privateSubnet('10.0.0.0/16', z))).toEqual(['10.0.0.0/19', '10.0.32.0/19', '10.0.64.0/19', '10.0.160.0/19']);
    expect(['a', 'b', 'c', 'f'].map((z) => Cidr.publicSubnet('10.0.0.0/16', z))).toEqual(['10.0.192.0/22', '10.0.196.0/22', '10.0.200.0/22', '10.0.212.0/22']);
    expect([Cidr.privateSubnet('192.168.16.0/20', 'f'), Cidr.publicSubnet('192.168.16.0/20', 'f')]).toEqual(['192.168.26.0/23', '192.168.29.64/26']);
    expect(() => Cidr.privateSubnet('10.0.0.0/16', 'g')).toThrow('no subnet slot for zone letter g');
  });

  test('zones beyond f have no slot, so they are refused', () => {
    expect(() => Settings.resolve({ pjPrefix: 'p', region: 'us-east-1', availabilityZones: ['us-east-1a', 'us-east-1g'] }))
      .toThrow(/^Invalid availabilityZones "us-east-1g": expected at least two distinct zones of us-east-1 with the letters a-f/);
  });
});

describe('Bottlerocket settings EKS accepts in launch template user data', () => {
  test.each<[string, object, RegExp]>([
    ['a quote in a typed value', { motd: 'say "hi"' }, /^Invalid bottlerocket.motd "say \\"hi\\"": expected a string without quotes, backslashes or control characters/],
    ['a backslash in an extra value', { extraSettings: { settings: { motd: 'a\\b' } } }, /^Invalid bottlerocket.extraSettings "settings.motd": expected a string without quotes/],
    ['a table name TOML would quote', { extraSettings: { settings: { 'host-containers': { 'my.box': { enabled: true } } } } },
      /^Invalid bottlerocket.extraSettings "settings.host-containers.my.box": expected table names of letters, digits, - and _ \(a table header with a quoted key, such as \[settings."my.box"\]/],
  ])('%s is refused with the option path', (_name, bottlerocket, message) => {
    expect(() => Settings.resolve({ pjPrefix: 'p', bottlerocket })).toThrow(message);
  });

  test('a dotted key in a key/value line (a sysctl) is fine: only table headers must be bare', () => {
    expect(() => Settings.resolve({ pjPrefix: 'p', bottlerocket: { sysctls: { 'net.core.somaxconn': '4096' } } })).not.toThrow();
  });
});

describe('fingerprints', () => {
  test('8 hexadecimal digits that follow the create-only values', () => {
    const a = ResourceNames.fingerprint({ instanceTypes: ['m6i.xlarge'] });
    expect(a).toMatch(/^[0-9a-f]{8}$/);
    expect(ResourceNames.fingerprint({ instanceTypes: ['m6i.xlarge'] })).toBe(a);
    expect(ResourceNames.fingerprint({ instanceTypes: ['m7i.xlarge'] })).not.toBe(a);
    expect(new ResourceNames('team-a').nodegroupVersion('system', a)).toBe(`team-a-system-${a}`);
  });
});
