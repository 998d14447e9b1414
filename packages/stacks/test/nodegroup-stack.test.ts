import { Match } from 'aws-cdk-lib/assertions';
import { BottlerocketEksSettings, CapacityType, NodeArchitecture } from '../src';
import { synthAll } from './helpers';

describe('NodegroupStack', () => {
  const { templates, stacks } = synthAll({ pjPrefix: 'team-a' });
  const nodegroup = templates.nodegroup;

  test('is named by the prefix and deploys to the blog region', () => {
    expect(stacks.nodegroup.stackName).toBe('team-a-nodegroup');
    expect(stacks.nodegroup.region).toBe('ap-northeast-1');
  });

  test('declares the blog node group: Bottlerocket, Spot, same-size types, worker label, sizes', () => {
    nodegroup.resourceCountIs('AWS::EKS::Nodegroup', 1);
    nodegroup.hasResourceProperties('AWS::EKS::Nodegroup', {
      AmiType: 'BOTTLEROCKET_x86_64',
      CapacityType: 'SPOT',
      InstanceTypes: ['m6i.xlarge', 'm6a.xlarge', 'm5.xlarge', 'm5a.xlarge', 'm7i.xlarge'],
      NodegroupName: Match.stringLikeRegexp('^team-a-bottlerocket-spot-[0-9a-f]{8}$'),
      Labels: Match.objectLike({ 'role': 'worker', 'bottlerocket-eks/nodegroup-name': 'team-a-bottlerocket-spot' }),
      ScalingConfig: { DesiredSize: 2, MinSize: 1, MaxSize: 4 },
      Tags: Match.objectLike({ 'nodegroup-type': 'Bottlerocket', 'bottlerocket-eks/nodegroup-type': 'managed' }),
      NodeRole: { 'Fn::GetAtt': [Match.stringLikeRegexp('^NodeInstanceRole'), 'Arn'] },
    });
  });

  test('takes the cluster name and subnets only from the earlier stacks exports', () => {
    nodegroup.hasResourceProperties('AWS::EKS::Nodegroup', {
      ClusterName: { 'Fn::ImportValue': 'team-a-cluster-name' },
      Subnets: [{ 'Fn::ImportValue': 'team-a-private-subnet-a' }, { 'Fn::ImportValue': 'team-a-private-subnet-c' }],
    });
  });

  test('gives nodes a role trusted by the partition EC2 principal with exactly the three blog policies, and Session Manager\'s', () => {
    const partitionArn = (name: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::aws:policy/${name}`]] });
    nodegroup.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{
          Action: ['sts:AssumeRole'],
          Effect: 'Allow',
          Principal: { Service: [{ 'Fn::FindInMap': ['ServicePrincipalPartitionMap', { Ref: 'AWS::Partition' }, 'EC2'] }] },
        }],
      },
      ManagedPolicyArns: [
        partitionArn('AmazonEC2ContainerRegistryReadOnly'),
        partitionArn('AmazonEKSWorkerNodePolicy'),
        partitionArn('AmazonEKS_CNI_Policy'),
        partitionArn('AmazonSSMManagedInstanceCore'),
      ],
    });
    expect(nodegroup.toJSON().Mappings.ServicePrincipalPartitionMap['aws-cn'].EC2).toBe('ec2.amazonaws.com.cn');
  });

  test('installs coredns after the nodes exist', () => {
    nodegroup.hasResource('AWS::EKS::Addon', {
      Properties: { AddonName: 'coredns', ClusterName: { 'Fn::ImportValue': 'team-a-cluster-name' } },
      DependsOn: [Match.stringLikeRegexp('^ManagedNodeGroup')],
    });
  });

  test('exports the node group name and node role ARN', () => {
    nodegroup.hasOutput('*', { Export: { Name: 'team-a-nodegroup-name' }, Value: Match.stringLikeRegexp('^team-a-bottlerocket-spot-[0-9a-f]{8}$') });
    nodegroup.hasOutput('*', { Export: { Name: 'team-a-node-role-arn' } });
  });

  test('follows architecture and capacity settings', () => {
    const arm = synthAll({
      pjPrefix: 'team-b',
      architecture: NodeArchitecture.ARM64,
      capacityType: CapacityType.ON_DEMAND,
      nodeMinSize: 3,
      nodeDesiredSize: 3,
      nodeMaxSize: 6,
    }).templates.nodegroup;
    arm.hasResourceProperties('AWS::EKS::Nodegroup', {
      AmiType: 'BOTTLEROCKET_ARM_64',
      CapacityType: 'ON_DEMAND',
      InstanceTypes: Match.arrayWith(['m7g.xlarge']),
      NodegroupName: Match.stringLikeRegexp('^team-b-bottlerocket-ondemand-[0-9a-f]{8}$'),
      ScalingConfig: { DesiredSize: 3, MinSize: 3, MaxSize: 6 },
    });
  });
});

describe('a node group changed on a deployed stack', () => {
  const nodegroupOf = (settings: Partial<BottlerocketEksSettings>) =>
    Object.values<any>(synthAll({ pjPrefix: 'team-a', ...settings }).templates.nodegroup.toJSON().Resources)
      .find((r) => r.Type === 'AWS::EKS::Nodegroup').Properties;
  const base = nodegroupOf({});

  test.each<[string, Partial<BottlerocketEksSettings>]>([
    ['instance types', { instanceTypes: ['m6i.xlarge'] }],
    ['instance type order', { instanceTypes: ['m6a.xlarge', 'm6i.xlarge', 'm5.xlarge', 'm5a.xlarge', 'm7i.xlarge'] }],
    ['capacity type', { capacityType: CapacityType.ON_DEMAND }],
    ['architecture', { architecture: NodeArchitecture.ARM64 }],
    ['a zone added', { availabilityZones: ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d'] }],
    ['no launch template', { launchTemplate: false }],
  ])('gets a new EKS name when a create-only property changes (%s), keeping its label', (_what, change) => {
    const changed = nodegroupOf(change);
    expect(changed.NodegroupName).not.toBe(base.NodegroupName);
    expect(changed.NodegroupName).toMatch(/^team-a-bottlerocket-(spot|ondemand)-[0-9a-f]{8}$/);
    expect(changed.Labels['bottlerocket-eks/nodegroup-name']).toBe(changed.NodegroupName.slice(0, -9));
  });

  test.each<[string, Partial<BottlerocketEksSettings>]>([
    ['sizes', { nodeMaxSize: 9 }],
    ['labels', { labels: { team: 'a' } }],
    ['Bottlerocket settings', { bottlerocket: { maxPods: 58 } }],
    ['zones listed in another order', { availabilityZones: ['ap-northeast-1c', 'ap-northeast-1a'] }],
  ])('keeps its EKS name when only updatable properties change (%s)', (_what, change) => {
    expect(nodegroupOf(change).NodegroupName).toBe(base.NodegroupName);
  });

  test('coredns outlives a delete of the stack, the documented way out of a refused change', () => {
    const addon = Object.values<any>(synthAll({ pjPrefix: 'team-a' }).templates.nodegroup.toJSON().Resources).find((r) => r.Type === 'AWS::EKS::Addon');
    expect(addon.Properties).toMatchObject({ AddonName: 'coredns', PreserveOnDelete: true });
  });
});
