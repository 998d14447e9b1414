// What the product's own tests share across packages; private, never published.
// A local AWS (STS, CloudFormation, EC2, EKS, Service Quotas, CloudWatch Logs, KMS, SSM, Price List) for the tests of the commands that call AWS.
export * from './fake-aws';
// A check of CloudFormation templates against the resource specification aws-cdk-lib is generated from.
export * from './cfn-schema';
