import * as eks from 'aws-cdk-lib/aws-eks';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Aws, CfnDeletionPolicy, CfnResource, Stack } from 'aws-cdk-lib/core';
import { SecurityProfile } from 'bottlerocket-eks-config';
import { StackInputs } from './stack-inputs';
import { CONTROL_PLANE_LOG_GROUP_ID, controlPlaneLogGroupName } from './template-ids';

/** What the cluster stack adds for the security settings, and what the cluster takes from it. */
export interface ClusterSecurity {
  /** The cluster's `EncryptionConfig`, or undefined (then the property stays out of the template). */
  readonly encryptionConfig?: eks.CfnCluster.EncryptionConfigProperty[];
  /**
   * What the cluster must wait for: the role's key permissions, and the log group (created
   * first, EKS finds it and makes none of its own).
   */
  readonly clusterDependencies: CfnResource[];
}

/**
 * The key and log group of the security settings. The strict profile creates a key (with
 * rotation): it encrypts the secrets unless `secretsKmsKeyArn` names another key, and it
 * always encrypts the control plane log group (a given key's policy may not let CloudWatch
 * Logs use it). Settings that use none of this add nothing.
 */
export function clusterSecurity(stack: Stack, inputs: StackInputs, clusterRole: iam.CfnRole, clusterName: string): ClusterSecurity {
  const { settings, names } = inputs;
  const logGroupName = controlPlaneLogGroupName(clusterName);
  const key = settings.securityProfile === SecurityProfile.STRICT ? clusterKey(stack, names.pjPrefix, logGroupName) : undefined;
  const secretsKeyArn = settings.secretsKmsKeyArn ?? (settings.secretsEncryption ? key?.attrArn : undefined);
  const clusterDependencies: CfnResource[] = [];
  if (secretsKeyArn !== undefined) clusterDependencies.push(allowSecretsKey(stack, clusterRole, secretsKeyArn));

  if (settings.logRetentionDays !== undefined) {
    const logGroup = new logs.CfnLogGroup(stack, CONTROL_PLANE_LOG_GROUP_ID, {
      logGroupName,
      retentionInDays: settings.logRetentionDays,
      kmsKeyId: key?.attrArn,
    });
    // Audit logs outlive the cluster (that is what retention is for); and CloudFormation
    // imports only resources whose deletion policy is Retain (see `import-log-group`).
    logGroup.cfnOptions.deletionPolicy = CfnDeletionPolicy.RETAIN;
    logGroup.cfnOptions.updateReplacePolicy = CfnDeletionPolicy.RETAIN;
    clusterDependencies.push(logGroup);
  }
  return {
    encryptionConfig: secretsKeyArn === undefined ? undefined : [{ resources: ['secrets'], provider: { keyArn: secretsKeyArn } }],
    clusterDependencies,
  };
}

/**
 * A customer-managed key for the secrets and the control plane logs. Retained when the stack
 * goes: the retained log group stays readable only with it, and a deleted key cannot be
 * brought back after its waiting period (the alias goes with the stack; the key costs
 * 1 USD a month until someone schedules its deletion).
 */
function clusterKey(stack: Stack, pjPrefix: string, logGroupName: string): kms.CfnKey {
  const logGroupArn = `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:${logGroupName}`;
  const key = new kms.CfnKey(stack, 'ClusterKey', {
    description: `${pjPrefix}: envelope encryption of Kubernetes secrets and the control plane logs`,
    enableKeyRotation: true,
    keyPolicy: {
      Version: '2012-10-17',
      Statement: [
        {
          // IAM policies of the account decide who else uses the key (as with any AWS default key policy).
          Sid: 'AccountAdministers',
          Effect: 'Allow',
          Principal: { AWS: `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
        {
          Sid: 'CloudWatchLogsEncryptsTheControlPlaneLogGroup',
          Effect: 'Allow',
          Principal: { Service: `logs.${Aws.REGION}.${Aws.URL_SUFFIX}` },
          Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
          Resource: '*',
          Condition: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': logGroupArn } },
        },
        {
          // Grants only for AWS services acting for a resource (EKS grants itself the key for the secrets).
          Sid: 'GrantsOnlyForAwsServices',
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: 'kms:CreateGrant',
          Resource: '*',
          Condition: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
        },
      ],
    },
  });
  key.cfnOptions.deletionPolicy = CfnDeletionPolicy.RETAIN;
  key.cfnOptions.updateReplacePolicy = CfnDeletionPolicy.RETAIN;
  new kms.CfnAlias(stack, 'ClusterKeyAlias', { aliasName: `alias/${pjPrefix}-cluster`, targetKeyId: key.ref });
  return key;
}

/** Lets the control plane use the secrets key, as EKS asks of the cluster role. */
function allowSecretsKey(stack: Stack, clusterRole: iam.CfnRole, keyArn: string): iam.CfnPolicy {
  return new iam.CfnPolicy(stack, 'ClusterRoleSecretsKeyPolicy', {
    policyName: 'secrets-encryption-key',
    roles: [clusterRole.ref],
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow',
        Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:DescribeKey', 'kms:CreateGrant'],
        Resource: keyArn,
      }],
    },
  });
}
