// Every part of the AWS SDK the preflight and the maintainer's scripts use, in one module.
//
// The build bundles this module with what it needs of the SDK (esbuild, tree-shaken) into
// lib/aws/sdk.js, so a team repository installs no SDK package: the eight clients are some 8,000
// files, a third of a new team repository's install. In the library's own tests (run from
// src/) the names come from the SDK packages themselves, so aws-sdk-client-mock sees the very
// classes the code uses. Licenses of what is bundled: lib/THIRD_PARTY_LICENSES.
/* eslint-disable import/no-extraneous-dependencies -- build-time dependencies: bundled, never installed by a team */
export {
  CloudFormationClient, DescribeStackDriftDetectionStatusCommand, DescribeStackEventsCommand, DescribeStackResourceDriftsCommand,
  DescribeStacksCommand, DetectStackDriftCommand, GetTemplateCommand, ListImportsCommand, type Stack, type StackEvent, type StackResourceDrift,
} from '@aws-sdk/client-cloudformation';
export { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
export {
  type AvailabilityZone, DescribeAddressesCommand, DescribeAvailabilityZonesCommand, DescribeSubnetsCommand, EC2Client,
  paginateDescribeSpotPriceHistory, paginateDescribeVpcs, type Subnet,
} from '@aws-sdk/client-ec2';
export {
  type Addon, type AddonInfo, type Cluster, type ClusterVersionInformation, DescribeAddonCommand, DescribeAddonVersionsCommand,
  DescribeClusterCommand, DescribeInsightCommand, DescribeNodegroupCommand, DescribeUpdateCommand, EKSClient, type InsightSummary, type Nodegroup,
  paginateDescribeAddonVersions, paginateDescribeClusterVersions, paginateListClusters, paginateListInsights, paginateListNodegroups,
  paginateListUpdates, UpdateClusterConfigCommand,
} from '@aws-sdk/client-eks';
export { DescribeKeyCommand, GetKeyPolicyCommand, KMSClient } from '@aws-sdk/client-kms';
export { GetServiceQuotaCommand, ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
export { GetParameterCommand, paginateGetParametersByPath, SSMClient } from '@aws-sdk/client-ssm';
export { paginateGetProducts, PricingClient } from '@aws-sdk/client-pricing';
export { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
