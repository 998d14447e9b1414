import { Match } from 'aws-cdk-lib/assertions';
import { synthAll } from './helpers';
import { SecurityProfile } from '../src';

const KEY_ARN = 'arn:aws:kms:ap-northeast-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('cluster security, strict profile', () => {
  const t = synthAll({ pjPrefix: 'team-a', securityProfile: SecurityProfile.STRICT }).templates.cluster;
  const json = t.toJSON();

  test('the API endpoint is private only, with no public CIDRs', () => {
    t.hasResourceProperties('AWS::EKS::Cluster', {
      ResourcesVpcConfig: { EndpointPublicAccess: false, EndpointPrivateAccess: true, PublicAccessCidrs: Match.absent() },
    });
  });

  test('secrets are envelope-encrypted with a created, rotated, retained key with an alias', () => {
    t.hasResourceProperties('AWS::EKS::Cluster', {
      EncryptionConfig: [{ Resources: ['secrets'], Provider: { KeyArn: { 'Fn::GetAtt': ['ClusterKey', 'Arn'] } } }],
    });
    t.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', Properties: Match.objectLike({ EnableKeyRotation: true }) });
    t.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/team-a-cluster', TargetKeyId: { Ref: 'ClusterKey' } });
  });

  test('the key lets the account administer it, CloudWatch Logs use it for the log group only, and grants go to AWS services only', () => {
    const statements = json.Resources.ClusterKey.Properties.KeyPolicy.Statement;
    expect(statements.map((s: any) => `${s.Effect} ${s.Sid}`)).toEqual([
      'Allow AccountAdministers', 'Allow CloudWatchLogsEncryptsTheControlPlaneLogGroup', 'Deny GrantsOnlyForAwsServices',
    ]);
    expect(JSON.stringify(statements[1].Condition)).toContain(':log-group:/aws/eks/team-a-cluster/cluster');
  });

  test('the cluster role may use the key, before the cluster is created', () => {
    t.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: 'ClusterRole' }],
      PolicyDocument: { Statement: [Match.objectLike({ Resource: { 'Fn::GetAtt': ['ClusterKey', 'Arn'] } })] },
    });
    expect(json.Resources.Cluster.DependsOn).toEqual(['ClusterRoleSecretsKeyPolicy', 'ControlPlaneLogGroup']);
  });

  test('the control plane log group exists before the cluster, kept a year, encrypted, retained', () => {
    t.hasResource('AWS::Logs::LogGroup', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: { LogGroupName: '/aws/eks/team-a-cluster/cluster', RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': ['ClusterKey', 'Arn'] } },
    });
  });

  test('a given key encrypts the secrets; the created key still encrypts the logs', () => {
    const given = synthAll({ pjPrefix: 'team-a', securityProfile: SecurityProfile.STRICT, secretsKmsKeyArn: KEY_ARN }).templates.cluster;
    given.hasResourceProperties('AWS::EKS::Cluster', { EncryptionConfig: [{ Resources: ['secrets'], Provider: { KeyArn: KEY_ARN } }] });
    given.hasResourceProperties('AWS::IAM::Policy', { PolicyDocument: { Statement: [Match.objectLike({ Resource: KEY_ARN })] } });
    given.hasResourceProperties('AWS::Logs::LogGroup', { KmsKeyId: { 'Fn::GetAtt': ['ClusterKey', 'Arn'] } });
  });
});

describe('cluster security options under the standard profile', () => {
  test('each option alone adds only its own resources', () => {
    const t = synthAll({ pjPrefix: 'team-a', endpointPublicAccess: false, secretsKmsKeyArn: KEY_ARN, logRetentionDays: 30 }).templates.cluster;
    t.hasResourceProperties('AWS::EKS::Cluster', {
      ResourcesVpcConfig: { EndpointPublicAccess: false, PublicAccessCidrs: Match.absent() },
      EncryptionConfig: [{ Resources: ['secrets'], Provider: { KeyArn: KEY_ARN } }],
    });
    t.resourceCountIs('AWS::KMS::Key', 0);
    t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30, KmsKeyId: Match.absent() });
  });

  test('the defaults add no key, no log group, no encryption', () => {
    const t = synthAll({ pjPrefix: 'team-a' }).templates.cluster;
    for (const type of ['AWS::KMS::Key', 'AWS::KMS::Alias', 'AWS::Logs::LogGroup', 'AWS::IAM::Policy']) t.resourceCountIs(type, 0);
    t.hasResourceProperties('AWS::EKS::Cluster', { EncryptionConfig: Match.absent(), ResourcesVpcConfig: Match.objectLike({ EndpointPublicAccess: true }) });
    expect(t.toJSON().Resources.Cluster.DependsOn).toBeUndefined();
  });
});
