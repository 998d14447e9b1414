import { SETTINGS_VARIANTS, synthAll, walk } from './helpers';

// What a security reviewer checks first, for every configuration variant.
describe.each(Object.entries(SETTINGS_VARIANTS))('security defaults, %s', (_variant, settings) => {
  const { templates, stacks } = synthAll(settings);
  const all = Object.values(templates).map((t) => t.toJSON());
  const resources = (type: string) => all.flatMap((t) => Object.values<any>(t.Resources ?? {}).filter((r) => r.Type === type));

  test('the cluster authenticates through the API (access entries) and logs api, audit and authenticator', () => {
    const [cluster] = resources('AWS::EKS::Cluster');
    expect(cluster.Properties.AccessConfig.AuthenticationMode).toBe('API');
    expect(cluster.Properties.Logging.ClusterLogging.EnabledTypes.map((t: any) => t.Type)).toEqual(['api', 'audit', 'authenticator']);
  });

  test('every launch template requires IMDSv2 and encrypts every volume', () => {
    const launchTemplates = resources('AWS::EC2::LaunchTemplate');
    expect(launchTemplates.length).toBeGreaterThan(0);
    for (const lt of launchTemplates) {
      expect(lt.Properties.LaunchTemplateData.MetadataOptions.HttpTokens).toBe('required');
      for (const mapping of lt.Properties.LaunchTemplateData.BlockDeviceMappings) expect(mapping.Ebs.Encrypted).toBe(true);
    }
  });

  test('no security group and no ingress rule of ours opens anything to the world', () => {
    const openToWorld: string[] = [];
    for (const template of all) {
      walk(template.Resources ?? {}, (node) => {
        if (node && typeof node === 'object' && (node.CidrIp === '0.0.0.0/0' || node.CidrIpv6 === '::/0')) openToWorld.push(JSON.stringify(node));
      });
    }
    expect(openToWorld).toEqual([]);
    expect([...resources('AWS::EC2::SecurityGroup'), ...resources('AWS::EC2::SecurityGroupIngress')]).toEqual([]);
  });

  test('the node role holds exactly the three managed policies of the blog (and Session Manager\'s) and no inline policy', () => {
    const roles = resources('AWS::IAM::Role');
    const nodeRole = roles.find((r) => JSON.stringify(r.Properties.AssumeRolePolicyDocument).includes('EC2'));
    expect(nodeRole.Properties.ManagedPolicyArns.map((a: any) => a['Fn::Join'][1][2])).toEqual([
      ':iam::aws:policy/AmazonEC2ContainerRegistryReadOnly', ':iam::aws:policy/AmazonEKSWorkerNodePolicy', ':iam::aws:policy/AmazonEKS_CNI_Policy',
      ':iam::aws:policy/AmazonSSMManagedInstanceCore',
    ]);
    for (const role of roles) expect(role.Properties.Policies).toBeUndefined();
    // The one inline policy: the cluster role's use of the secrets key, when secrets are encrypted.
    expect(resources('AWS::IAM::Policy').map((p) => p.Properties.PolicyName).filter((name) => name !== 'secrets-encryption-key')).toEqual([]);
  });

  test('termination protection on the network and cluster stacks', () => {
    expect(stacks.network.terminationProtection).toBe(true);
    expect(stacks.cluster.terminationProtection).toBe(true);
    expect(stacks.nodegroup.terminationProtection).toBe(false);
  });
});
