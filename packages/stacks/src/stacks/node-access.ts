import * as iam from 'aws-cdk-lib/aws-iam';
import { Validations } from 'aws-cdk-lib/core';
import { awsManagedPolicyArn } from './partition';

/** The AWS managed policy that lets the SSM agent of Bottlerocket's control container register the node with Session Manager. */
export const SSM_MANAGED_POLICY = 'AmazonSSMManagedInstanceCore';

/**
 * Adds Session Manager access to the node role (`ssmAccess`): an in-place update of the
 * role on a deployed stack. The blog's three policies stay first, so their order never moves.
 */
export function addSsmAccess(role: iam.CfnRole): void {
  role.managedPolicyArns = [...(role.managedPolicyArns ?? []), awsManagedPolicyArn(SSM_MANAGED_POLICY)];
  Validations.of(role).acknowledge({
    id: `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${SSM_MANAGED_POLICY}]`,
    reason: `${SSM_MANAGED_POLICY} is the AWS managed policy Session Manager documents for managed nodes: the SSM agent in Bottlerocket's `
      + 'control container registers the node with it (ssmAccess: false removes it together with the control container)',
  });
}
