import * as fs from 'fs';
import * as path from 'path';
import { SETTINGS_VARIANTS, synthAll } from './helpers';
import { CfnTemplate, parseCfnYaml, validateTemplate } from './support/cfn-schema';

/** Settings that change which resources and property values the stacks emit. */
const VARIANTS = SETTINGS_VARIANTS;

const TEMPLATES_DIR = path.join(__dirname, '..', '..', '..', 'templates');

/** [name, resource count, template]: every synthesized stack of every variant, then every committed template. */
function everyTemplate(): [string, number, CfnTemplate][] {
  const result: [string, CfnTemplate][] = [];
  for (const [variant, settings] of Object.entries(VARIANTS)) {
    for (const [kind, template] of Object.entries(synthAll(settings).templates)) result.push([`stack ${kind} (${variant})`, template.toJSON()]);
  }
  for (const file of fs.readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith('.yaml')).sort()) {
    result.push([`templates/${file}`, parseCfnYaml(fs.readFileSync(path.join(TEMPLATES_DIR, file), 'utf-8'))]);
  }
  return result.map(([name, template]) => [name, Object.keys(template.Resources ?? {}).length, template]);
}

describe('every resource validates against the CloudFormation resource spec (@aws-cdk/aws-service-spec)', () => {
  const templates = everyTemplate();
  const total = templates.reduce((sum, [, count]) => sum + count, 0);

  test('covers the three committed templates and every stack of every variant', () => {
    expect(templates.filter(([name]) => name.startsWith('templates/')).map(([name]) => name))
      .toEqual(expect.arrayContaining(['templates/cluster.yaml', 'templates/network.yaml', 'templates/nodegroup.yaml']));
    expect(templates).toHaveLength(3 * Object.keys(VARIANTS).length + fs.readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith('.yaml')).length);
  });

  test.each(templates)('%s: validates %d resources', (_name, count, template) => {
    const report = validateTemplate(template);
    expect(report.findings).toEqual([]);
    expect(report.resources).toBe(count);
    expect(count).toBeGreaterThan(0);
  });

  // A floor, so a template that silently lost its resources cannot pass by having nothing to check.
  test(`validates ${total} resources in all`, () => {
    expect(total).toBeGreaterThanOrEqual(120);
  });
});

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
