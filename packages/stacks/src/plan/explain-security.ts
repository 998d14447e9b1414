import { Explanation } from './explanation';
import { ResourceChange } from './plan';

/**
 * The way out of a cluster replacement forced by `EncryptionConfig`, which CloudFormation
 * sets at creation only: secrets encryption turned on for a deployed cluster (securityProfile
 * strict, or secretsKmsKeyArn), or its key changed or removed.
 */
export function explainSecretsEncryption(cluster: ResourceChange, recreate: string): Explanation {
  const deployedKey = (cluster.deployedValues?.EncryptionConfig as any)?.[0]?.Provider?.KeyArn;
  if (deployedKey === undefined) {
    return {
      // Either turns it on; the plan sees only the cluster's new EncryptionConfig.
      setting: 'securityProfile or secretsKmsKeyArn',
      wayOut: 'Secrets encryption with a KMS key is chosen when a cluster is created, and this one was created without it. Keep it off for this '
        + 'cluster: leave securityProfile "standard" and secretsKmsKeyArn unset (endpointPublicAccess: false and logRetentionDays still apply '
        + `on their own, in place). Or, for the strict profile, deploy a new pjPrefix with securityProfile "strict" beside this one and move the workloads over; or ${recreate}.`,
    };
  }
  if (typeof deployedKey === 'string') {
    return {
      setting: 'secretsKmsKeyArn',
      wayOut: `EKS never changes or removes the key of a cluster's secrets encryption: set secretsKmsKeyArn back to ${deployedKey}. `
        + `To use another key, ${recreate}.`,
    };
  }
  return {
    setting: 'securityProfile or secretsKmsKeyArn',
    wayOut: 'EKS never changes or removes the key of a cluster\'s secrets encryption, and this cluster uses the key the stack created: '
      + `keep securityProfile "strict" with secretsKmsKeyArn unset. To use another key or none, ${recreate}.`,
  };
}
