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

/**
 * The AWS API calls of `bottlerocket-eks status`, as IAM actions: who the caller is, the stacks
 * and their update plan, drift detection, the cluster with its versions and upgrade insights,
 * the add-ons, the node groups and the newest Bottlerocket release (a public SSM parameter).
 * The scheduled status workflow's role allows exactly these, plus the read permissions of the
 * stacks' resource types that CloudFormation's drift detection uses with the caller's
 * credentials (AWS CloudFormation User Guide, "Detect unmanaged configuration changes to stacks
 * and resources with drift detection", considerations).
 */
export const STATUS_ACTIONS: string[] = [
  'sts:GetCallerIdentity',
  'cloudformation:DescribeStacks', 'cloudformation:GetTemplate', 'cloudformation:ListImports',
  'cloudformation:DetectStackDrift', 'cloudformation:DetectStackResourceDrift',
  'cloudformation:DescribeStackDriftDetectionStatus', 'cloudformation:DescribeStackResourceDrifts',
  'eks:DescribeCluster', 'eks:DescribeClusterVersions', 'eks:ListInsights', 'eks:DescribeInsight',
  'eks:DescribeAddon', 'eks:DescribeAddonVersions', 'eks:ListNodegroups', 'eks:DescribeNodegroup',
  'ssm:GetParameter',
];

/**
 * The AWS API calls of `bottlerocket-eks upgrade` beyond those of `status`: the cluster's past
 * version updates, for the rollback window.
 */
export const UPGRADE_ACTIONS: string[] = ['eks:ListUpdates', 'eks:DescribeUpdate'];

/**
 * The AWS API calls of `bottlerocket-eks releases` for one environment: who the caller is, the
 * node groups and the release each runs (`DescribeNodegroup`), since when (their successful
 * version updates, else their creation), and the published releases of each variant (the
 * public Bottlerocket SSM parameters, `GetParametersByPath` under
 * `/aws/service/bottlerocket/<variant>/<arch>`). The scheduled workflow's status role allows them.
 */
export const RELEASES_ACTIONS: string[] = [
  'sts:GetCallerIdentity',
  'eks:ListNodegroups', 'eks:DescribeNodegroup', 'eks:ListUpdates', 'eks:DescribeUpdate',
  'ssm:GetParametersByPath',
];

/**
 * The AWS API calls of `bottlerocket-eks cost --live`: the on-demand prices of the Price List Query
 * API and EC2's Spot price history. Neither names a resource: any credentials of the account may
 * be given them (`Resource: *`).
 */
export const COST_ACTIONS: string[] = ['pricing:GetProducts', 'ec2:DescribeSpotPriceHistory'];

/**
 * The AWS API calls of `bottlerocket-eks unprotect`, the first step of a confirmed destroy: the
 * cluster's deletion protection turned off (EKS `UpdateClusterConfig`), and the update waited for.
 * The deploy role allows them on the prefix's cluster (CloudFormation's cluster handler needs them too).
 */
export const UNPROTECT_ACTIONS: string[] = ['eks:DescribeCluster', 'eks:UpdateClusterConfig', 'eks:DescribeUpdate'];
