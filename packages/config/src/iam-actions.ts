/**
 * The AWS API calls of a read-only look at a deployment, as IAM actions: the preflight (caller,
 * deployed templates and imports, quotas, add-ons, log groups, subnets, keys) and `cdk diff`
 * (stacks and their templates). The read-only CI role allows exactly these; the deploy role
 * allows them too, since every deploy starts with the preflight and the update plan.
 */
export const READ_ONLY_ACTIONS: string[] = [
  'sts:GetCallerIdentity',
  'cloudformation:DescribeStacks', 'cloudformation:DescribeStackEvents', 'cloudformation:GetTemplate', 'cloudformation:GetTemplateSummary',
  'cloudformation:ListStackResources', 'cloudformation:ListExports', 'cloudformation:ListImports',
  'ec2:DescribeVpcs', 'ec2:DescribeSubnets', 'ec2:DescribeAddresses', 'ec2:DescribeAvailabilityZones',
  'eks:ListClusters', 'eks:DescribeCluster', 'eks:DescribeClusterVersions', 'eks:DescribeAddon', 'eks:DescribeAddonVersions',
  'servicequotas:GetServiceQuota',
  'logs:DescribeLogGroups',
  'kms:DescribeKey', 'kms:GetKeyPolicy',
];
