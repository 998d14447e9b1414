import { parseCfnYaml, validateTemplate } from '../src';

describe('the validator', () => {
  test('finds an unknown type, unknown and missing properties, wrong types and disallowed values', () => {
    const report = validateTemplate({
      Resources: {
        Group: {
          Type: 'AWS::EKS::Nodegroup',
          Properties: {
            ClusterName: 'c',
            NodeRole: 'arn:aws:iam::123456789012:role/node',
            Bar: 1,
            ScalingConfig: { MinSize: '1', MaxSize: 2.5, Foo: true },
            Labels: { role: 7 },
            Tags: ['a'],
          },
        },
        Thing: { Type: 'AWS::Foo::Bar', Properties: {} },
        Addon: {
          Type: 'AWS::EKS::Addon',
          Properties: { ClusterName: 'c', AddonName: 'coredns', ResolveConflicts: 'overwrite' },
          DependOn: 'Group',
        },
        Cluster: {
          Type: 'AWS::EKS::Cluster',
          Properties: {
            RoleArn: 'arn',
            ResourcesVpcConfig: { SubnetIds: 'subnet-1', EndpointPublicAccess: 'true' },
            Logging: { ClusterLogging: { EnabledTypes: [{ Type: 'api' }, { Type: 'kubelet' }] } },
            Tags: [{ Key: 'a' }],
          },
        },
        Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: 42 } },
      },
    });
    expect(report).toEqual({
      resources: 5,
      findings: [
        'AWS::EKS::Nodegroup Group: missing required property Subnets',
        'AWS::EKS::Nodegroup Group: unknown property Bar',
        'AWS::EKS::Nodegroup Group: ScalingConfig.MinSize must be an integer, got string "1"',
        'AWS::EKS::Nodegroup Group: ScalingConfig.MaxSize must be an integer, got number 2.5',
        'AWS::EKS::Nodegroup Group: unknown property ScalingConfig.Foo',
        'AWS::EKS::Nodegroup Group: Labels.role must be a string, got number 7',
        'AWS::EKS::Nodegroup Group: Tags must be a map, got a list',
        'AWS::Foo::Bar Thing: unknown resource type',
        'AWS::EKS::Addon Addon: unknown resource attribute DependOn',
        'AWS::EKS::Addon Addon: ResolveConflicts "overwrite" is not one of NONE, OVERWRITE, PRESERVE',
        'AWS::EKS::Cluster Cluster: ResourcesVpcConfig.SubnetIds must be a list, got string "subnet-1"',
        'AWS::EKS::Cluster Cluster: ResourcesVpcConfig.EndpointPublicAccess must be a boolean, got string "true"',
        'AWS::EKS::Cluster Cluster: Logging.ClusterLogging.EnabledTypes[1].Type "kubelet" is not one of api, audit, authenticator, controllerManager, scheduler',
        'AWS::EKS::Cluster Cluster: missing required property Tags[0].Value',
        'AWS::IAM::Role Role: AssumeRolePolicyDocument must be one of json | string, got number 42',
      ],
    });
  });

  test('skips values made by intrinsic functions, which are only known at deploy', () => {
    expect(validateTemplate({
      Resources: {
        Group: {
          Type: 'AWS::EKS::Nodegroup',
          Properties: {
            ClusterName: { 'Fn::ImportValue': 'team-a-cluster-name' },
            NodeRole: { 'Fn::GetAtt': ['Role', 'Arn'] },
            Subnets: { 'Fn::Split': [',', { Ref: 'Subnets' }] },
            ScalingConfig: { MinSize: { Ref: 'NodeMinSize' } },
            CapacityType: { 'Fn::If': ['Spot', 'SPOT', { Ref: 'AWS::NoValue' }] },
          },
        },
      },
    }).findings).toEqual([]);
  });

  test('refuses YAML with short-form intrinsics rather than reading !Ref X as the string X', () => {
    expect(() => parseCfnYaml('Resources:\n  R:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Ref Name\n'))
      .toThrow(/Unresolved tag: !Ref/);
    expect(parseCfnYaml('Resources:\n  R:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName:\n        Ref: Name\n'))
      .toEqual({ Resources: { R: { Type: 'AWS::SNS::Topic', Properties: { TopicName: { Ref: 'Name' } } } } });
  });
});
