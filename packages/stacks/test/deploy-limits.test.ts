import { Template } from 'aws-cdk-lib/assertions';
import { NetworkStack, plainTemplates, Settings } from '../src';
import { synthAll } from './helpers';
import { tempDir, testApp } from './temp';

/** What CloudFormation itself must refuse or keep, where the settings validation cannot reach. */
describe('the plain network template refuses two equal zone parameters (CloudFormation Rules)', () => {
  const assertion = (a: string, b: string) => ({
    Assert: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: `AvailabilityZone${a}` }, { Ref: `AvailabilityZone${b}` }] }] },
    AssertDescription: `AvailabilityZone${a} and AvailabilityZone${b} must name different zones: each zone letter's subnets go in a zone of their own`,
  });

  test('templates/network.yaml: zone A and zone C must differ', () => {
    const { network, cluster, nodegroup } = plainTemplates({ outdir: tempDir('plain') });
    expect(network.Rules).toEqual({ DistinctAvailabilityZones: { Assertions: [assertion('A', 'C')] } });
    expect(cluster.Rules).toBeUndefined();
    expect(nodegroup.Rules).toBeUndefined();
  });

  test('with three zones every pair is asserted', () => {
    const settings = Settings.resolve({ pjPrefix: 'team-a', availabilityZones: ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d'] });
    const stack = new NetworkStack(testApp({ builtinCloudFormationValidation: false }), 'Network', { settings, templateParameters: true });
    expect(Template.fromStack(stack).toJSON().Rules.DistinctAvailabilityZones.Assertions)
      .toEqual([assertion('A', 'C'), assertion('A', 'D'), assertion('C', 'D')]);
  });

  test('a team\'s own stacks name their zones literally and carry no rule (the settings refuse a zone listed twice)', () => {
    expect(synthAll({ pjPrefix: 'team-a' }).templates.network.toJSON().Rules).toBeUndefined();
  });
});

describe('the EBS CSI driver\'s role survives what its add-on survives', () => {
  test('DeletionPolicy and UpdateReplacePolicy Retain, and no fixed RoleName (a re-created stack makes a role of another name)', () => {
    const roles = synthAll({ pjPrefix: 'team-a' }).templates.nodegroup.findResources('AWS::IAM::Role');
    expect(roles.EbsCsiDriverRole).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(roles.EbsCsiDriverRole.Properties.RoleName).toBeUndefined();
  });

  test('the node role is not kept: only the role of a preserved add-on is', () => {
    const roles = synthAll({ pjPrefix: 'team-a' }).templates.nodegroup.findResources('AWS::IAM::Role');
    expect(roles.NodeInstanceRole.DeletionPolicy).toBeUndefined();
  });
});
