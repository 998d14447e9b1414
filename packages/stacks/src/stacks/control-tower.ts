import { StackKind } from 'bottlerocket-eks-config';

/**
 * The AWS Control Tower proactive controls the default (`standard`) templates fail, per
 * stack, with why the standard profile accepts the failure. The `strict` profile fails none;
 * the tests run every Control Tower rule on both, and check the README lists these.
 */
export const STANDARD_PROFILE_CONTROL_TOWER_FINDINGS: Record<StackKind, Record<string, string>> = {
  [StackKind.NETWORK]: {},
  [StackKind.CLUSTER]: {
    'CT.EKS.PR.1': 'The public API endpoint is by design (kubectl from outside the VPC, as in the blog): it is limited to '
      + 'endpointPublicAccessCidrs and every call is authenticated by IAM through access entries.',
    'CT.EKS.PR.2': 'Secrets are encrypted at rest by EKS with an AWS-owned key; envelope encryption with a customer-managed '
      + 'key costs a key and can only be chosen at cluster creation, so it is opt-in (strict, or secretsKmsKeyArn).',
  },
  [StackKind.NODEGROUP]: {
    'CT.EC2.PR.10': 'Detailed (1-minute) EC2 monitoring is billed per instance; basic 5-minute metrics are enough for a '
      + 'Spot node group (opt in per group with detailedMonitoring, or with strict).',
  },
};
