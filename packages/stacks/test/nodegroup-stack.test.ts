import { Match } from 'aws-cdk-lib/assertions';
import { CapacityType, NodeArchitecture } from '../src';
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
      NodegroupName: 'team-a-bottlerocket-spot',
      Labels: Match.objectLike({ role: 'worker', 'bottlerocket-eks/nodegroup-name': 'team-a-bottlerocket-spot' }),
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

  test('gives nodes a role trusted by the partition EC2 principal with exactly the three blog policies', () => {
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
    nodegroup.hasOutput('*', { Export: { Name: 'team-a-nodegroup-name' }, Value: 'team-a-bottlerocket-spot' });
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
      NodegroupName: 'team-b-bottlerocket-ondemand',
      ScalingConfig: { DesiredSize: 3, MinSize: 3, MaxSize: 6 },
    });
  });
});
