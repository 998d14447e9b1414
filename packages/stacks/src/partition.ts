import { Aws, CfnMapping, Fn, Stack } from 'aws-cdk-lib';

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
  return Fn.findInMap(mapping.logicalId, Aws.PARTITION, service);
}

/** `arn:<partition>:iam::aws:policy/<name>`: an AWS managed policy in any partition. */
export function awsManagedPolicyArn(name: string): string {
  return `arn:${Aws.PARTITION}:iam::aws:policy/${name}`;
}
