import * as iam from 'aws-cdk-lib/aws-iam';
import { Aws, CfnMapping, Stack, Validations } from 'aws-cdk-lib/core';

/**
 * Service principals per partition, as in the blog: EC2's principal differs in China,
 * so templates look it up by `AWS::Partition` instead of hard-coding it.
 */
const SERVICE_PRINCIPALS = {
  'aws': { EC2: 'ec2.amazonaws.com', EKS: 'eks.amazonaws.com' },
  'aws-cn': { EC2: 'ec2.amazonaws.com.cn', EKS: 'eks.amazonaws.com' },
  'aws-us-gov': { EC2: 'ec2.amazonaws.com', EKS: 'eks.amazonaws.com' },
};

/** The service principal of `service` in the partition the stack is deployed to. */
export function servicePrincipal(stack: Stack, service: 'EC2' | 'EKS'): string {
  const id = 'ServicePrincipalPartitionMap';
  const mapping = (stack.node.tryFindChild(id) as CfnMapping | undefined)
    ?? new CfnMapping(stack, id, { mapping: SERVICE_PRINCIPALS });
  // Through the mapping (not Fn.findInMap), so CDK knows it is used and adds no info annotation.
  return mapping.findInMap(Aws.PARTITION, service);
}

/** `arn:<partition>:iam::aws:policy/<name>`: an AWS managed policy in any partition. */
export function awsManagedPolicyArn(name: string): string {
  return `arn:${Aws.PARTITION}:iam::aws:policy/${name}`;
}

/**
 * A role that one AWS service assumes, trusted through the partition's service principal
 * and holding only the given AWS managed policies. `whyManaged` says, for security review
 * (AwsSolutions-IAM4), why AWS managed policies are the right ones here.
 */
export function serviceRole(
  stack: Stack, id: string, service: 'EC2' | 'EKS', actions: string[], managedPolicies: string[], whyManaged: string,
): iam.CfnRole {
  const role = new iam.CfnRole(stack, id, {
    assumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: [servicePrincipal(stack, service)] }, Action: actions }],
    },
    managedPolicyArns: managedPolicies.map(awsManagedPolicyArn),
    path: '/',
    tags: [{ key: 'Name', value: `${Aws.STACK_NAME}/${id}` }],
  });
  for (const name of managedPolicies) {
    Validations.of(role).acknowledge({ id: `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${name}]`, reason: whyManaged });
  }
  return role;
}
