import * as http from 'http';
import { AddressInfo } from 'net';
import { ADDON_NAMES, ADDON_VERSIONS, AddonKey, EKS_UNSUPPORTED_ZONE_IDS } from 'bottlerocket-eks-config';

/** One identity the fake STS knows, by access key id. */
export interface FakeIdentity {
  readonly account: string;
  readonly arn: string;
}

/** A request the fake received (to check what the real client sent). */
export interface ReceivedRequest {
  /** The HTTP method (`POST` for the query and JSON protocols, `GET` for EKS reads). */
  readonly method: string;
  /** The request body (form-encoded for STS, CloudFormation and EC2; JSON for Service Quotas, CloudWatch Logs, KMS, SSM, Pricing and EKS writes). */
  readonly body: string;
  /** The `Authorization` header (SigV4: `AWS4-HMAC-SHA256 Credential=<key>/<date>/<region>/<service>/aws4_request, ...`). */
  readonly authorization: string;
  /** The service of the SigV4 credential scope (`sts`, `cloudformation`, `ec2`, `eks`, `servicequotas`, `logs`, `kms`, `ssm`, `pricing`), or `''` when unsigned. */
  readonly service: string;
  /** The operation, whatever the protocol: `GetCallerIdentity`, `DescribeStacks`, `DescribeVpcs`, `ListClusters`, `GetServiceQuota`, ... */
  readonly action: string;
  /** The path and query string, e.g. `/clusters?maxResults=100`. */
  readonly path: string;
}

/** A deployed CloudFormation stack of the fake account. */
export interface FakeStack {
  /** The deployed template: an object (answered as its JSON) or the template body as deployed. */
  readonly template: unknown;
  /** The stack status. Default `CREATE_COMPLETE`. */
  readonly status?: string;
  /** When the stack was created. Default 2024-01-15T10:00:00Z. */
  readonly creationTime?: Date;
  /** The stack's outputs. Default none. */
  readonly outputs?: FakeStackOutput[];
  /** When the stack was last updated. Default its creation time for an `UPDATE_*` status, else none. */
  readonly lastUpdatedTime?: Date;
  /** The reason of its status (`StackStatusReason`). Default none. */
  readonly statusReason?: string;
  /** Whether termination protection is on. Default false. */
  readonly terminationProtection?: boolean;
  /** The stack's events (DescribeStackEvents), oldest first; answered newest first, 100 a page. Default none. */
  readonly events?: FakeStackEvent[];
  /**
   * The resources that drifted from the template (DescribeStackResourceDrifts); every other resource of
   * the template (an object or JSON text; a YAML template's are not read) is `IN_SYNC`. Default none: the stack is in sync.
   */
  readonly drift?: FakeResourceDrift[];
  /**
   * How a drift detection of the stack (DetectStackDrift) ends: `COMPLETE`, `IN_PROGRESS` (it never ends,
   * to test a bound on the wait) or `FAILED` (`DETECTION_FAILED`, with a `DetectionStatusReason`). A detection
   * is at once what it ends as; its `Timestamp` (and that of the resource drifts after it) is when DetectStackDrift
   * was called. Default `COMPLETE`.
   */
  readonly driftDetection?: 'COMPLETE' | 'IN_PROGRESS' | 'FAILED';
}

/** A resource of a `FakeStack` that drifted from its template. */
export interface FakeResourceDrift {
  /** The resource's logical id in the template. */
  readonly logicalId: string;
  /** The resource type, e.g. `AWS::EKS::Nodegroup`. */
  readonly type: string;
  /** The resource's physical id. Default none. */
  readonly physicalId?: string;
  /** `MODIFIED` (its properties differ from the template) or `DELETED` (deleted outside CloudFormation). */
  readonly status: 'MODIFIED' | 'DELETED';
  /** How its properties differ (a `MODIFIED` resource's `PropertyDifferences`). Default none. */
  readonly differences?: FakePropertyDifference[];
}

/** One property difference of a `FakeResourceDrift`. */
export interface FakePropertyDifference {
  /** The property's path, a JSON pointer into the resource's properties, e.g. `/ScalingConfig/DesiredSize`. */
  readonly path: string;
  /** The value the template sets, as CloudFormation answers it: a string (JSON for an object or a list). */
  readonly expected: string;
  /** The value the resource has. */
  readonly actual: string;
  /** `NOT_EQUAL`, `ADD` (the resource has a value the template does not set) or `REMOVE`. Default `NOT_EQUAL`. */
  readonly type?: 'NOT_EQUAL' | 'ADD' | 'REMOVE';
}

/** One event of a `FakeStack`. */
export interface FakeStackEvent {
  /** The resource's logical id (the stack's name for the stack's own events). */
  readonly logicalId: string;
  /** The resource type. Default `AWS::CloudFormation::Stack`. */
  readonly type?: string;
  /** `CREATE_IN_PROGRESS`, `CREATE_FAILED`, ... */
  readonly status: string;
  readonly reason?: string;
  /** Default one second after the event before it, from the stack's creation time on. */
  readonly timestamp?: Date;
}

/** One output of a `FakeStack`. */
export interface FakeStackOutput {
  readonly key: string;
  readonly value: string;
  /** The name the output is exported under, if any. */
  readonly exportName?: string;
}

/** A VPC of the fake account; unset fields are made up from its position. */
export interface FakeVpc {
  /** Default `vpc-0a000000000000001`, `vpc-0a000000000000002`, ... */
  readonly vpcId?: string;
  /** Default `10.1.0.0/16`, `10.2.0.0/16`, ... */
  readonly cidrBlock?: string;
  /** Default false. */
  readonly isDefault?: boolean;
  /** The account that owns the VPC (another one for a VPC shared through RAM). Default the caller's account. */
  readonly ownerId?: string;
}

/** A subnet of the fake account (DescribeSubnets). */
export interface FakeSubnet {
  readonly subnetId: string;
  readonly vpcId: string;
  readonly availabilityZone: string;
  /** Default `10.0.<position>.0/24`. */
  readonly cidrBlock?: string;
  /** The subnet's tags. Default none. */
  readonly tags?: Record<string, string>;
}

/** A KMS key of the fake account (GetKeyPolicy, DescribeKey). */
export interface FakeKmsKey {
  /** The key policy named `default`: an object (answered as its JSON) or the policy text. */
  readonly policy: unknown;
  /** Alias names of the key, e.g. `alias/ebs`. Default none. */
  readonly aliases?: string[];
  /** `CUSTOMER` for a customer managed key, `AWS` for an AWS managed one (`alias/aws/ebs`). Default `CUSTOMER`. */
  readonly keyManager?: 'CUSTOMER' | 'AWS';
}

/** An Elastic IP of the fake account; unset fields are made up from its position. */
export interface FakeElasticIp {
  /** Default `eipalloc-0b000000000000001`, ... */
  readonly allocationId?: string;
  /** Default `203.0.113.1`, `203.0.113.2`, ... (TEST-NET-3). */
  readonly publicIp?: string;
  /** The association, when the address is attached to a network interface. Default none. */
  readonly associationId?: string;
}

/** A health issue of an EKS cluster, node group or add-on (`health.issues`). */
export interface FakeHealthIssue {
  /** The issue code, e.g. `Ec2SubnetNotFound`, `AsgInstanceLaunchFailures`, `InsufficientNumberOfReplicas`. */
  readonly code: string;
  /** What EKS says of the issue. */
  readonly message: string;
  /** The resources the issue is about. Default none. */
  readonly resourceIds?: string[];
}

/** An EKS cluster of the fake account, with its details (DescribeCluster). */
export interface FakeCluster {
  /** The Kubernetes version, e.g. `1.33`. */
  readonly version: string;
  /** The EKS platform version. Default `eks.1`. */
  readonly platformVersion?: string;
  /** `ACTIVE`, `CREATING`, `UPDATING`, `FAILED`, ... Default `ACTIVE`. */
  readonly status?: string;
  /** The cluster's health issues. Default none. */
  readonly healthIssues?: FakeHealthIssue[];
  /** When the cluster was created. Default 2024-01-15T10:00:00Z. */
  readonly createdAt?: Date;
  /** The support type of the upgrade policy (`upgradePolicy.supportType`). Default `STANDARD`. */
  readonly upgradePolicy?: 'STANDARD' | 'EXTENDED';
  /** The managed node groups, by name (ListNodegroups, DescribeNodegroup). Default none. */
  readonly nodegroups?: Record<string, FakeNodegroup>;
  /** The cluster's insights (ListInsights, DescribeInsight). Default none. */
  readonly insights?: FakeInsight[];
  /** The cluster's updates, oldest first (ListUpdates, DescribeUpdate). Default none. */
  readonly updates?: FakeUpdate[];
  /** Whether EKS deletion protection is on (DescribeCluster); `UpdateClusterConfig` turns it off. Default false. */
  readonly deletionProtection?: boolean;
  /**
   * How an `UpdateClusterConfig` of the cluster ends: it answers `InProgress`, and DescribeUpdate
   * then this status (with an error when `Failed`). Default `Successful`.
   */
  readonly configUpdateOutcome?: 'Successful' | 'Failed';
}

/** A managed node group of a `FakeCluster` (DescribeNodegroup). */
export interface FakeNodegroup {
  /** The Kubernetes version, e.g. `1.33`. */
  readonly version: string;
  /** The AMI release version, e.g. `1.42.0-a1b2c3d4` for Bottlerocket. */
  readonly releaseVersion: string;
  /** `ACTIVE`, `UPDATING`, `DEGRADED`, ... Default `ACTIVE`. */
  readonly status?: string;
  /** Default `BOTTLEROCKET_x86_64`. */
  readonly amiType?: string;
  /** `ON_DEMAND` or `SPOT`. Default `SPOT`. */
  readonly capacityType?: string;
  /** Default `['m6i.large']`. */
  readonly instanceTypes?: string[];
  /** The scaling configuration. Default min 1, max 3, desired 2. */
  readonly scaling?: { readonly min: number; readonly max: number; readonly desired: number };
  /** `updateConfig.maxUnavailablePercentage`. Default 33. */
  readonly maxUnavailablePercentage?: number;
  /** The node group's health issues. Default none. */
  readonly healthIssues?: FakeHealthIssue[];
  /** The node group's updates, oldest first (ListUpdates and DescribeUpdate by `nodegroupName`). Default none. */
  readonly updates?: FakeUpdate[];
  /** When the node group was created (`createdAt`; `modifiedAt` is the same: never modified since). Default 2024-01-15T10:00:00Z. */
  readonly createdAt?: Date;
}

/** An insight of a `FakeCluster` (ListInsights, DescribeInsight). */
export interface FakeInsight {
  /** The insight's id (a UUID at EKS). */
  readonly id: string;
  /** e.g. `Deprecated APIs removed in Kubernetes v1.32`. */
  readonly name: string;
  /** Default `UPGRADE_READINESS`. */
  readonly category?: 'UPGRADE_READINESS' | 'MISCONFIGURATION';
  /** The Kubernetes version the insight is about, e.g. `1.32`. */
  readonly kubernetesVersion: string;
  /** The insight's status (`insightStatus.status`). */
  readonly status: 'PASSING' | 'WARNING' | 'ERROR' | 'UNKNOWN';
  /** Why the insight has its status (`insightStatus.reason`). Default none. */
  readonly reason?: string;
  /** Default the insight's name. */
  readonly description?: string;
  /** What to do about it (DescribeInsight). Default none. */
  readonly recommendation?: string;
  /** Default 2024-01-15T10:00:00Z. */
  readonly lastRefreshTime?: Date;
  /** Default 2024-01-15T10:00:00Z. */
  readonly lastTransitionTime?: Date;
}

/** An update of a `FakeCluster` or `FakeNodegroup` (ListUpdates, DescribeUpdate). */
export interface FakeUpdate {
  /** The update's id (a UUID at EKS). */
  readonly id: string;
  /** `VersionUpdate`, `ConfigUpdate`, `AddonUpdate`, ... Default `VersionUpdate`. */
  readonly type?: string;
  /** `InProgress`, `Failed`, `Cancelled` or `Successful`. Default `Successful`. */
  readonly status?: string;
  /** When the update was started. */
  readonly createdAt: Date;
  /** The update's parameters, e.g. `[{ type: 'Version', value: '1.33' }]`. Default none. */
  readonly params?: { readonly type: string; readonly value: string }[];
}

/** An add-on installed on a cluster (DescribeAddon). */
export interface FakeAddon {
  /** The installed version, e.g. `v1.19.0-eksbuild.1`. */
  readonly version: string;
  /** `ACTIVE`, `DEGRADED`, `UPDATING`, ... Default `ACTIVE`. */
  readonly status?: string;
  /** The add-on's health issues. Default none. */
  readonly healthIssues?: FakeHealthIssue[];
}

/** A Kubernetes version EKS offers (DescribeClusterVersions), with the SDK's `ClusterVersionInformation` field names. */
export interface FakeClusterVersion {
  /** e.g. `1.33`. */
  readonly clusterVersion: string;
  /** Default none. */
  readonly releaseDate?: Date;
  /** Default none. */
  readonly endOfStandardSupportDate?: Date;
  /** Default none. */
  readonly endOfExtendedSupportDate?: Date;
  /** The deprecated `status` field. Default the `versionStatus`. */
  readonly status?: 'STANDARD_SUPPORT' | 'EXTENDED_SUPPORT' | 'UNSUPPORTED';
  /** Whether it is the default version for new clusters. Default false. */
  readonly defaultVersion?: boolean;
  /** Default `eks.1`. */
  readonly defaultPlatformVersion?: string;
  /** The support status, which `versionStatus` filters on. Default `STANDARD_SUPPORT`. */
  readonly versionStatus?: 'STANDARD_SUPPORT' | 'EXTENDED_SUPPORT' | 'UNSUPPORTED';
  /** e.g. `1.33.5`. Default none. */
  readonly kubernetesPatchVersion?: string;
}

/** An SSM parameter of `ssmParameters` with its date (GetParameter, GetParametersByPath). */
export interface FakeSsmParameter {
  /** The parameter's value. */
  readonly value: string;
  /** When the parameter was last changed (`LastModifiedDate`). */
  readonly lastModified: Date;
}

/**
 * A product of the AWS Price List (GetProducts), with its one On-Demand price; the fake writes the
 * Price List document (`aws_v1`) of it.
 */
export interface FakePriceProduct {
  /** The service code, e.g. `AmazonEC2`, `AmazonVPC`, `AmazonEKS`. */
  readonly serviceCode: string;
  /** The product family, e.g. `Compute Instance`, `NAT Gateway`, `Storage`. Default none. */
  readonly productFamily?: string;
  /**
   * The product's attributes, e.g. `{ instanceType: 'm6i.large', regionCode: 'eu-west-1', operatingSystem: 'Linux', tenancy: 'Shared' }`.
   * The document also has `servicecode` (the service code) among them unless given here, as the Price List's documents do.
   */
  readonly attributes: Record<string, string>;
  /** The On-Demand price in USD per unit, as the Price List writes it, e.g. `0.1920000000`. */
  readonly usd: string;
  /** The unit of the price, e.g. `Hrs`, `GB-Mo`, `Quantity`. */
  readonly unit: string;
  /** The SKU. Default `FAKESKU000000001`, `FAKESKU000000002`, ... by the product's position in `priceListProducts`. */
  readonly sku?: string;
}

/** A Spot price of the account's regions (DescribeSpotPriceHistory): the price in effect from its timestamp until the next of its zone, type and product. */
export interface FakeSpotPrice {
  /** e.g. `m6i.large`. */
  readonly instanceType: string;
  /** e.g. `eu-west-1a`: the price belongs to the region the zone name starts with. */
  readonly availabilityZone: string;
  /** The price per hour in USD, as EC2 writes it, e.g. `0.072100`. */
  readonly spotPrice: string;
  /** When the price took effect. */
  readonly timestamp: Date;
  /** Default `Linux/UNIX`. */
  readonly productDescription?: string;
}

/**
 * What the fake account holds. Everything is optional and empty by default, so
 * `new FakeAws(identities)` is an account with no stacks, VPCs, Elastic IPs or clusters.
 * The fake has one account and ignores the region: every region holds the same resources.
 */
export interface FakeAwsOptions {
  /** The deployed CloudFormation stacks, by stack name (DescribeStacks, GetTemplate). */
  readonly stacks?: Record<string, FakeStack>;
  /** For each export name, the names of the stacks importing it (ListImports). */
  readonly imports?: Record<string, string[]>;
  /**
   * CloudFormation operations the caller may not call (`DescribeStacks`, `DetectStackDrift`, ..., or `*`):
   * they answer 403 AccessDenied, as when no identity-based policy allows them.
   */
  readonly deniedCloudFormationOperations?: string[];
  /** The VPCs of the region (DescribeVpcs): how many (made up), or each one. */
  readonly vpcs?: number | FakeVpc[];
  /** The Elastic IPs of the region (DescribeAddresses): how many (made up), or each one. */
  readonly elasticIps?: number | FakeElasticIp[];
  /** The subnets of the region (DescribeSubnets). */
  readonly subnets?: FakeSubnet[];
  /**
   * The availability zones of the account (DescribeAvailabilityZones): the zone ID of each zone name,
   * e.g. `{ 'us-east-1a': 'use1-az6', 'us-east-1b': 'use1-az3' }`. A region's zones are the names
   * of the region and one letter; a name asked for that is not one of them answers InvalidParameterValue.
   * @default - zones a to f of every region, with IDs `<region's ID prefix>-az<n>` (`euw1-az1`, ...) numbered
   * in letter order, skipping the IDs where EKS cannot place a cluster (`EKS_UNSUPPORTED_ZONE_IDS`):
   * us-east-1c is use1-az4, so no default zone is one the preflight refuses
   */
  readonly zoneIds?: Record<string, string>;
  /** EC2 operations the caller may not call (`DescribeAvailabilityZones`, `DescribeSpotPriceHistory`, ..., or `*`): they answer UnauthorizedOperation. */
  readonly deniedEc2Operations?: string[];
  /**
   * The Spot price history (DescribeSpotPriceHistory), in any order: each price is in effect from its timestamp until the next
   * one of the same zone, instance type and product description. A request sees the prices of the zones of its region
   * (by `InstanceType.N`, `ProductDescription.N`, `AvailabilityZone` or `AvailabilityZoneId`), those in effect at some time from its
   * `StartTime` to its `EndTime` (so `StartTime` alone, now, answers the current price of each zone), newest first, 1000 a page
   * or `MaxResults`; each with its zone's ID (`availabilityZoneId`) when `zoneIds` (or the default zones) has one. Default none.
   */
  readonly spotPrices?: FakeSpotPrice[];
  /**
   * The names of the EKS clusters of the region (ListClusters), with `eksClusters`. A name only here has
   * no details: DescribeCluster and the cluster's other reads answer ResourceNotFoundException.
   */
  readonly clusters?: string[];
  /**
   * The EKS clusters of the region with their details, by cluster name (DescribeCluster, ListNodegroups, DescribeNodegroup,
   * ListInsights, DescribeInsight, ListUpdates, DescribeUpdate); ListClusters answers their names after
   * those of `clusters`. A cluster not listed answers ResourceNotFoundException, as EKS does.
   */
  readonly eksClusters?: Record<string, FakeCluster>;
  /**
   * The add-ons installed on each cluster (DescribeAddon), by cluster name, then add-on name: the
   * installed version, or the add-on with its status and health. An add-on not listed answers
   * ResourceNotFoundException, as EKS does.
   */
  readonly installedAddons?: Record<string, Record<string, string | FakeAddon>>;
  /**
   * The Kubernetes versions EKS offers (DescribeClusterVersions, by `clusterVersions`, `versionStatus`,
   * `defaultOnly`; `UNSUPPORTED` ones only with `includeAll`).
   * @default - none given: DescribeClusterVersions fails with 404 UnknownOperationException, as an operation the fake
   * does not speak (so no test reads versions it did not give)
   */
  readonly clusterVersions?: FakeClusterVersion[];
  /**
   * The add-on versions EKS offers (DescribeAddonVersions), newest first, by add-on name, then
   * Kubernetes version. An add-on or Kubernetes version not listed has none.
   * @default - the versions of the product's add-on table (`ADDON_VERSIONS`), one per add-on and Kubernetes version
   * (`FAKE_DEFAULT_ADDON_VERSION` where the table has none), each the default
   */
  readonly addonVersions?: Record<string, Record<string, string[]>>;
  /**
   * EKS operations the caller may not call (`DescribeAddon`, `DescribeAddonVersions`, `DescribeCluster`, `ListNodegroups`, `DescribeNodegroup`,
   * `ListInsights`, `DescribeInsight`, `ListUpdates`, `DescribeUpdate`, `DescribeClusterVersions`, or `*`; not ListClusters):
   * they answer AccessDeniedException.
   */
  readonly deniedEksOperations?: string[];
  /** The names of the CloudWatch Logs log groups of the region (DescribeLogGroups). */
  readonly logGroups?: string[];
  /**
   * The applied quota values Service Quotas answers (GetServiceQuota), by `<serviceCode>/<quotaCode>`,
   * e.g. `{ 'vpc/L-F678F1CE': 5 }`. A quota neither here nor in `unreadableQuotas` answers
   * NoSuchResourceException, as for a quota code Service Quotas does not know.
   */
  readonly quotas?: Record<string, number>;
  /**
   * Quotas (`<serviceCode>/<quotaCode>`, or `*` for all) the caller may not read: GetServiceQuota
   * answers AccessDeniedException, as when a policy or an SCP denies `servicequotas:GetServiceQuota`.
   */
  readonly unreadableQuotas?: string[];
  /**
   * The KMS keys of the region by key ARN (GetKeyPolicy by key id or ARN; DescribeKey also by alias
   * name or ARN). A key not listed answers NotFoundException, as KMS does.
   */
  readonly kmsKeys?: Record<string, FakeKmsKey>;
  /** KMS operations the caller may not call (`GetKeyPolicy`, `DescribeKey`, or `*`): they answer AccessDeniedException. */
  readonly deniedKmsOperations?: string[];
  /**
   * The SSM parameters of the region (GetParameter, GetParametersByPath) by name, e.g. the public
   * `/aws/service/bottlerocket/aws-k8s-1.33/x86_64/latest/image_version`: the value (last modified
   * 2024-01-15T10:00:00Z), or the value with its `LastModifiedDate`. A name not listed answers ParameterNotFound
   * (GetParameter); a path with nothing below it answers no parameters (GetParametersByPath).
   */
  readonly ssmParameters?: Record<string, string | FakeSsmParameter>;
  /** SSM operations the caller may not call (`GetParameter`, `GetParametersByPath`, or `*`): they answer AccessDeniedException. */
  readonly deniedSsmOperations?: string[];
  /**
   * The products of the AWS Price List Query API (GetProducts, by `ServiceCode` and `Filters`, 100 a page or `MaxResults` of 1 to 100),
   * in the order given. The service codes are those of these products: any other answers NotFoundException (as an unknown
   * service code does), so give a product of each service a test reads. Default none.
   */
  readonly priceListProducts?: FakePriceProduct[];
  /** Price List Query API operations the caller may not call (`GetProducts`, or `*`): they answer AccessDeniedException. */
  readonly deniedPricingOperations?: string[];
}

/**
 * A local AWS on 127.0.0.1 for tests, answering the real SDK clients in each service's wire
 * format. It tells services apart by the service of the SigV4 credential scope:
 * - STS (awsQuery): `GetCallerIdentity`, the identity of the signing access key, or the error of
 *   an expired token (400 ExpiredToken) or an unknown key (403 InvalidClientTokenId);
 * - CloudFormation (awsQuery): `DescribeStacks`, `DescribeStackEvents`, `GetTemplate` and `ListImports` of the stacks and
 *   imports of the options; a stack that is not there does not exist (400 ValidationError), so
 *   `cdk diff` compares against nothing and `cdk destroy` has nothing to do; drift detection:
 *   `DetectStackDrift`, `DescribeStackDriftDetectionStatus` (as the stack's `driftDetection` says) and
 *   `DescribeStackResourceDrifts` (the stack's `drift`, by `StackResourceDriftStatusFilters.member.N`, one page);
 *   an operation of `deniedCloudFormationOperations` answers 403 AccessDenied;
 * - EC2 (ec2Query): `DescribeVpcs` (paginated by MaxResults), `DescribeAddresses`, `DescribeSubnets`
 *   (by `SubnetId.N`: an id it does not hold fails the call with InvalidSubnetID.NotFound, as EC2 does)
 *   and `DescribeAvailabilityZones` (the zone IDs of `zoneIds`, by `ZoneName.N`: a name the region does
 *   not have fails the call with InvalidParameterValue, as EC2 does); `DescribeSpotPriceHistory` of `spotPrices`
 *   (by `InstanceType.N`, `ProductDescription.N`, `AvailabilityZone`, `StartTime`, `EndTime`, paginated by MaxResults);
 *   an operation of `deniedEc2Operations` answers 403 UnauthorizedOperation;
 * - EKS (restJson1): `ListClusters` (paginated by maxResults), `DescribeAddon` and `DescribeAddonVersions`
 *   (by `addonName` and `kubernetesVersion`); of the `eksClusters`: `DescribeCluster`, `ListNodegroups`, `DescribeNodegroup`,
 *   `ListInsights` (by the `filter`'s categories, Kubernetes versions and statuses, paginated by maxResults),
 *   `DescribeInsight`, `ListUpdates` (of the cluster, or of a node group by `nodegroupName`) and `DescribeUpdate`, and
 *   `UpdateClusterConfig` turning deletion protection off (its update then `configUpdateOutcome`);
 *   `DescribeClusterVersions` of `clusterVersions` (by `clusterVersions`, `versionStatus`, `defaultOnly`, `includeAll`);
 *   a cluster, node group, insight or update it does not hold answers 404 ResourceNotFoundException;
 * - Service Quotas (awsJson1_1): `GetServiceQuota`;
 * - CloudWatch Logs (awsJson1_1): `DescribeLogGroups` (by `logGroupNamePrefix`);
 * - KMS (awsJson1_1): `GetKeyPolicy` and `DescribeKey` of the keys of the options;
 * - SSM (awsJson1_1): `GetParameter` of `ssmParameters` (a name it does not hold answers 400 ParameterNotFound) and
 *   `GetParametersByPath` (by `Path`, `Recursive`, paginated by `MaxResults` of 1 to 10, in name order; a path not
 *   starting with `/` or a `MaxResults` out of range answers 400 ValidationException);
 *   an operation of `deniedSsmOperations` answers 400 AccessDeniedException;
 * - AWS Price List Query API (awsJson1_1, `pricing`): `GetProducts` of `priceListProducts` (by `ServiceCode` and the `Filters`,
 *   paginated by `MaxResults` of 1 to 100), each product a Price List document (`aws_v1`) as a JSON string; a service code
 *   no product has answers 400 NotFoundException; an operation of `deniedPricingOperations` answers 400 AccessDeniedException.
 * Only STS checks the access key; the other services answer any signed request, for the account
 * of the key's identity (123456789012 for a key it does not know). Request filters (EC2 `Filter.N`,
 * `VpcId.N`, ...) are ignored. Point the SDK at it with `AWS_ENDPOINT_URL` (all services) or
 * `AWS_ENDPOINT_URL_STS`, `_CLOUDFORMATION`, `_EC2`, `_EKS`, `_SERVICE_QUOTAS`, `_CLOUDWATCH_LOGS`, `_KMS`, `_SSM`, `_PRICING`,
 * and fake static keys.
 */
export class FakeAws {
  /** Every request received, oldest first. */
  public readonly requests: ReceivedRequest[] = [];
  private readonly server: http.Server;
  /** The clusters whose deletion protection an `UpdateClusterConfig` turned off. */
  private readonly unprotected = new Set<string>();
  /** The `UpdateClusterConfig` updates made, for DescribeUpdate. */
  private readonly configUpdates: { readonly id: string; readonly cluster: string; readonly outcome: 'Successful' | 'Failed' }[] = [];
  /** The drift detections started (DetectStackDrift), by detection id. */
  private readonly driftDetections = new Map<string, { readonly stackName: string; readonly timestamp: Date }>();

  constructor(
    private readonly identities: Record<string, FakeIdentity>,
    private readonly expiredKeys: string[] = [],
    private readonly options: FakeAwsOptions = {},
  ) {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => { body += chunk; });
      req.on('end', () => {
        const request = parseRequest(req, body);
        const response = this.answer(request);
        this.requests.push({
          method: request.method,
          body,
          authorization: request.authorization,
          service: request.service,
          action: response.action,
          path: request.path,
        });
        res.writeHead(response.status, { 'content-type': response.contentType, 'x-amzn-requestid': REQUEST_ID, ...response.headers });
        res.end(response.body);
      });
    });
  }

  /** Listens on an ephemeral port of 127.0.0.1; resolves to the endpoint URL. */
  public async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Stops listening, and closes the connections clients keep alive. */
  public async stop(): Promise<void> {
    const closed = new Promise<void>((resolve, reject) => this.server.close((e) => (e ? reject(e) : resolve())));
    this.server.closeAllConnections();
    await closed;
  }

  private answer(request: AwsRequest): Answer {
    switch (request.service) {
      case 'sts': return this.sts(request);
      case 'cloudformation': return this.cloudFormation(request);
      case 'ec2': return this.ec2(request);
      case 'eks': return this.eks(request);
      case 'servicequotas': return this.serviceQuotas(request);
      case 'logs': return this.logs(request);
      case 'kms': return this.kms(request);
      case 'ssm': return this.ssm(request);
      case 'pricing': return this.pricing(request);
      case '': // unsigned: told apart by the action, as before services were
        return request.form.get('Action') === 'GetCallerIdentity' ? this.sts(request) : this.cloudFormation(request);
      default: {
        const action = request.form.get('Action') ?? '';
        return xml(action, 400, errorXml(STS_NS, 'InvalidAction', `This fake AWS does not speak ${request.service} (${action || request.path})`));
      }
    }
  }

  private sts(request: AwsRequest): Answer {
    const action = request.form.get('Action') ?? '';
    if (action !== 'GetCallerIdentity') return xml(action, 400, errorXml(STS_NS, 'InvalidAction', `Could not find operation ${action}`));
    if (this.expiredKeys.includes(request.accessKeyId)) {
      return xml(action, 400, errorXml(STS_NS, 'ExpiredToken', 'The security token included in the request is expired'));
    }
    const identity = this.identities[request.accessKeyId];
    if (!identity) return xml(action, 403, errorXml(STS_NS, 'InvalidClientTokenId', 'The security token included in the request is invalid.'));
    return xml(action, 200, queryResponse(STS_NS, action, `
    <Arn>${escapeXml(identity.arn)}</Arn>
    <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>
    <Account>${escapeXml(identity.account)}</Account>`));
  }

  private cloudFormation(request: AwsRequest): Answer {
    const action = request.form.get('Action') ?? '';
    const stacks = this.options.stacks ?? {};
    const names = Object.keys(stacks);
    const stackId = (name: string) => {
      const id = String(names.indexOf(name) + 1).padStart(12, '0');
      return `arn:${partitionOf(request.region)}:cloudformation:${request.region}:${this.accountOf(request)}:stack/${name}/6b5f8a40-0000-4000-8000-${id}`;
    };
    const find = (): string | undefined => {
      const wanted = request.form.get('StackName');
      return names.find((name) => name === wanted || stackId(name) === wanted);
    };
    const notFound = () => xml(action, 400, errorXml(CFN_NS, 'ValidationError', `Stack with id ${request.form.get('StackName')} does not exist`));
    const denied = this.options.deniedCloudFormationOperations ?? [];
    if (denied.includes(action) || denied.includes('*')) {
      const caller = this.identities[request.accessKeyId]?.arn ?? `arn:${partitionOf(request.region)}:iam::${this.accountOf(request)}:user/unknown`;
      const wanted = request.form.get('StackName');
      const resource = wanted === null ? '*' : wanted.startsWith('arn:') ? wanted
        : `arn:${partitionOf(request.region)}:cloudformation:${request.region}:${this.accountOf(request)}:stack/${wanted}/*`;
      return xml(action, 403, errorXml(CFN_NS, 'AccessDenied', `User: ${caller} is not authorized to perform: cloudformation:${action} `
        + `on resource: ${resource} because no identity-based policy allows the cloudformation:${action} action`));
    }

    switch (action) {
      case 'DescribeStacks': {
        const wanted = request.form.has('StackName') ? find() : undefined;
        if (request.form.has('StackName') && wanted === undefined) return notFound();
        const members = (wanted === undefined ? names : [wanted]).map((name) => stackXml(name, stackId(name), stacks[name]));
        return xml(action, 200, queryResponse(CFN_NS, action, `
    <Stacks>${members.join('')}
    </Stacks>`));
      }
      case 'DescribeStackEvents': {
        const name = find();
        if (name === undefined) return notFound();
        const stack = stacks[name];
        let time = (stack.creationTime ?? new Date('2024-01-15T10:00:00Z')).getTime();
        const events = (stack.events ?? []).map((event, i) => {
          time = event.timestamp?.getTime() ?? (i === 0 ? time : time + 1000);
          return stackEventXml(event, i, name, stackId(name), new Date(time));
        }).reverse();
        const { page, nextToken } = paginate(events, '100', request.form.get('NextToken'));
        return xml(action, 200, queryResponse(CFN_NS, action, `
    <StackEvents>${page.join('')}
    </StackEvents>${nextToken !== undefined ? `
    <NextToken>${nextToken}</NextToken>` : ''}`));
      }
      case 'GetTemplate': {
        const name = find();
        if (name === undefined) return notFound();
        return xml(action, 200, queryResponse(CFN_NS, action, `
    <TemplateBody>${escapeXml(templateBody(stacks[name].template))}</TemplateBody>
    <StagesAvailable>
      <member>Original</member>
      <member>Processed</member>
    </StagesAvailable>`));
      }
      case 'ListImports': {
        const exportName = request.form.get('ExportName') ?? '';
        const importers = this.options.imports?.[exportName] ?? [];
        if (importers.length === 0) return xml(action, 400, errorXml(CFN_NS, 'ValidationError', `Export '${exportName}' is not imported by any stack.`));
        return xml(action, 200, queryResponse(CFN_NS, action, `
    <Imports>${importers.map((name) => `
      <member>${escapeXml(name)}</member>`).join('')}
    </Imports>`));
      }
      case 'DetectStackDrift': {
        const name = find();
        if (name === undefined) return notFound();
        const count = this.driftDetections.size + 1;
        const id = `${hexId(names.indexOf(name) + 1, 8)}-d71f-4000-8000-${hexId(count, 12)}`;
        this.driftDetections.set(id, { stackName: name, timestamp: new Date() });
        return xml(action, 200, queryResponse(CFN_NS, action, `
    <StackDriftDetectionId>${id}</StackDriftDetectionId>`));
      }
      case 'DescribeStackDriftDetectionStatus': {
        const id = request.form.get('StackDriftDetectionId') ?? '';
        const detection = this.driftDetections.get(id);
        if (detection === undefined || !(detection.stackName in stacks)) {
          return xml(action, 400, errorXml(CFN_NS, 'ValidationError', `Drift detection with id ${id} does not exist`));
        }
        const stack = stacks[detection.stackName];
        const drifted = (stack.drift ?? []).length;
        const state = stack.driftDetection ?? 'COMPLETE';
        const checked = state !== 'IN_PROGRESS';
        return xml(action, 200, queryResponse(CFN_NS, action, `
    <StackId>${escapeXml(stackId(detection.stackName))}</StackId>
    <StackDriftDetectionId>${id}</StackDriftDetectionId>
    <StackDriftStatus>${!checked ? 'NOT_CHECKED' : drifted > 0 ? 'DRIFTED' : 'IN_SYNC'}</StackDriftStatus>
    <DetectionStatus>${{ COMPLETE: 'DETECTION_COMPLETE', IN_PROGRESS: 'DETECTION_IN_PROGRESS', FAILED: 'DETECTION_FAILED' }[state]}</DetectionStatus>${state === 'FAILED' ? `
    <DetectionStatusReason>${escapeXml(`Failed to detect drift on resources [${templateResourceIds(stack.template)[0] ?? 'Resource'}]: Internal Failure`)}</DetectionStatusReason>` : ''}${checked ? `
    <DriftedStackResourceCount>${drifted}</DriftedStackResourceCount>` : ''}
    <Timestamp>${detection.timestamp.toISOString()}</Timestamp>`));
      }
      case 'DescribeStackResourceDrifts': {
        const name = find();
        if (name === undefined) return notFound();
        const stack = stacks[name];
        const detections = [...this.driftDetections.values()].filter((detection) => detection.stackName === name);
        const timestamp = detections[detections.length - 1]?.timestamp ?? stack.lastUpdatedTime ?? stack.creationTime ?? new Date('2024-01-15T10:00:00Z');
        const wantedStatuses = [...request.form.entries()].filter(([key]) => /^StackResourceDriftStatusFilters\.member\.\d+$/.test(key)).map(([, value]) => value);
        const drifts: FakeResourceDrift[] = stack.drift ?? [];
        const inSync = templateResourceIds(stack.template).filter((logicalId) => !drifts.some((drift) => drift.logicalId === logicalId));
        const members = [
          ...inSync.map((logicalId) => ({ status: 'IN_SYNC', body: resourceDriftXml(stackId(name), stack.template, timestamp, { logicalId }) })),
          ...drifts.map((drift) => ({ status: drift.status, body: resourceDriftXml(stackId(name), stack.template, timestamp, { ...drift }) })),
        ].filter((member) => wantedStatuses.length === 0 || wantedStatuses.includes(member.status));
        return xml(action, 200, queryResponse(CFN_NS, action, `
    <StackResourceDrifts>${members.map((member) => member.body).join('')}
    </StackResourceDrifts>`));
      }
      default:
        return xml(action, 400, errorXml(CFN_NS, 'InvalidAction', `Could not find operation ${action}`));
    }
  }

  private ec2(request: AwsRequest): Answer {
    const action = request.form.get('Action') ?? '';
    const denied = this.options.deniedEc2Operations ?? [];
    if (denied.includes(action) || denied.includes('*')) {
      const caller = this.identities[request.accessKeyId]?.arn ?? `arn:${partitionOf(request.region)}:iam::${this.accountOf(request)}:user/unknown`;
      return xml(action, 403, ec2Error('UnauthorizedOperation', `You are not authorized to perform this operation. User: ${caller} is not authorized to perform: `
        + `ec2:${action} because no identity-based policy allows the ec2:${action} action`));
    }
    switch (action) {
      case 'DescribeVpcs': {
        const all = listOf(this.options.vpcs).map((vpc, i) => ({
          vpcId: vpc.vpcId ?? `vpc-0a${hexId(i + 1, 15)}`,
          cidrBlock: vpc.cidrBlock ?? `10.${(i + 1) % 256}.0.0/16`,
          isDefault: vpc.isDefault ?? false,
          ownerId: vpc.ownerId ?? this.accountOf(request),
        }));
        const { page, nextToken } = paginate(all, request.form.get('MaxResults'), request.form.get('NextToken'));
        return xml(action, 200, ec2Response(action, `
  <vpcSet>${page.map((vpc) => `
    <item>
      <vpcId>${escapeXml(vpc.vpcId)}</vpcId>
      <ownerId>${escapeXml(vpc.ownerId)}</ownerId>
      <state>available</state>
      <cidrBlock>${escapeXml(vpc.cidrBlock)}</cidrBlock>
      <cidrBlockAssociationSet>
        <item>
          <cidrBlock>${escapeXml(vpc.cidrBlock)}</cidrBlock>
          <associationId>vpc-cidr-assoc-${vpc.vpcId.replace(/^vpc-/, '')}</associationId>
          <cidrBlockState>
            <state>associated</state>
          </cidrBlockState>
        </item>
      </cidrBlockAssociationSet>
      <dhcpOptionsId>dopt-0c000000000000001</dhcpOptionsId>
      <instanceTenancy>default</instanceTenancy>
      <isDefault>${vpc.isDefault}</isDefault>
    </item>`).join('')}
  </vpcSet>${nextToken ? `
  <nextToken>${nextToken}</nextToken>` : ''}`));
      }
      case 'DescribeAddresses': {
        const addresses = listOf(this.options.elasticIps).map((address, i) => ({
          allocationId: address.allocationId ?? `eipalloc-0b${hexId(i + 1, 15)}`,
          publicIp: address.publicIp ?? `203.0.113.${(i % 254) + 1}`,
          associationId: address.associationId,
        }));
        return xml(action, 200, ec2Response(action, `
  <addressesSet>${addresses.map((address) => `
    <item>
      <publicIp>${escapeXml(address.publicIp)}</publicIp>
      <allocationId>${escapeXml(address.allocationId)}</allocationId>
      <domain>vpc</domain>${address.associationId ? `
      <associationId>${escapeXml(address.associationId)}</associationId>` : ''}
      <publicIpv4Pool>amazon</publicIpv4Pool>
      <networkBorderGroup>${escapeXml(request.region)}</networkBorderGroup>
    </item>`).join('')}
  </addressesSet>`));
      }
      case 'DescribeSubnets':
        return this.describeSubnets(request, action);
      case 'DescribeAvailabilityZones':
        return this.describeAvailabilityZones(request, action);
      case 'DescribeSpotPriceHistory':
        return this.describeSpotPriceHistory(request, action);
      default:
        return xml(action, 400, `<?xml version="1.0" encoding="UTF-8"?>
<Response><Errors><Error><Code>InvalidAction</Code><Message>The action ${escapeXml(action)} is not valid for this web service.</Message></Error></Errors><RequestID>${REQUEST_ID}</RequestID></Response>
`);
    }
  }

  /** The subnets asked for by `SubnetId.N` (all when none is), or EC2's error naming the ids it does not hold. */
  private describeSubnets(request: AwsRequest, action: string): Answer {
    const all = this.options.subnets ?? [];
    const asked = [...request.form.entries()].filter(([key]) => /^SubnetId\.\d+$/.test(key)).map(([, value]) => value);
    const missing = asked.filter((id) => !all.some((subnet) => subnet.subnetId === id));
    if (missing.length > 0) {
      const message = missing.length === 1 ? `The subnet ID '${missing[0]}' does not exist` : `The subnet IDs '${missing.join(', ')}' do not exist`;
      return xml(action, 400, `<?xml version="1.0" encoding="UTF-8"?>
<Response><Errors><Error><Code>InvalidSubnetID.NotFound</Code><Message>${escapeXml(message)}</Message></Error></Errors><RequestID>${REQUEST_ID}</RequestID></Response>
`);
    }
    const subnets = asked.length > 0 ? all.filter((subnet) => asked.includes(subnet.subnetId)) : all;
    return xml(action, 200, ec2Response(action, `
  <subnetSet>${subnets.map((subnet, i) => `
    <item>
      <subnetId>${escapeXml(subnet.subnetId)}</subnetId>
      <state>available</state>
      <vpcId>${escapeXml(subnet.vpcId)}</vpcId>
      <cidrBlock>${escapeXml(subnet.cidrBlock ?? `10.0.${i % 256}.0/24`)}</cidrBlock>
      <availableIpAddressCount>251</availableIpAddressCount>
      <availabilityZone>${escapeXml(subnet.availabilityZone)}</availabilityZone>
      <ownerId>${escapeXml(this.accountOf(request))}</ownerId>${Object.keys(subnet.tags ?? {}).length > 0 ? `
      <tagSet>${Object.entries(subnet.tags ?? {}).map(([key, value]) => `
        <item>
          <key>${escapeXml(key)}</key>
          <value>${escapeXml(value)}</value>
        </item>`).join('')}
      </tagSet>` : ''}
    </item>`).join('')}
  </subnetSet>`));
  }

  /** The zones of the request's region (`ZoneName.N`, `ZoneId.N` narrow them; a name or ID it does not have fails the call, as EC2 does). */
  private describeAvailabilityZones(request: AwsRequest, action: string): Answer {
    const region = request.region;
    const all = Object.entries(this.options.zoneIds ?? defaultZoneIds(region))
      .filter(([name]) => name.length === region.length + 1 && name.startsWith(region) && /[a-z]$/.test(name))
      .sort(([a], [b]) => a.localeCompare(b));
    const asked = (prefix: string) => [...request.form.entries()].filter(([key]) => new RegExp(`^${prefix}\\.\\d+$`).test(key)).map(([, value]) => value);
    const names = asked('ZoneName');
    const ids = asked('ZoneId');
    const unknownName = names.find((name) => !all.some(([zone]) => zone === name));
    if (unknownName !== undefined) return xml(action, 400, ec2Error('InvalidParameterValue', `Invalid availability zone: [${unknownName}]`));
    const unknownId = ids.find((id) => !all.some(([, zoneId]) => zoneId === id));
    if (unknownId !== undefined) return xml(action, 400, ec2Error('InvalidParameterValue', `Invalid availability zone ID: [${unknownId}]`));
    const zones = all.filter(([name, id]) => (names.length === 0 && ids.length === 0) || names.includes(name) || ids.includes(id));
    return xml(action, 200, ec2Response(action, `
  <availabilityZoneInfo>${zones.map(([name, id]) => `
    <item>
      <optInStatus>opt-in-not-required</optInStatus>
      <zoneName>${escapeXml(name)}</zoneName>
      <zoneId>${escapeXml(id)}</zoneId>
      <groupName>${escapeXml(region)}-zg-1</groupName>
      <networkBorderGroup>${escapeXml(region)}</networkBorderGroup>
      <zoneType>availability-zone</zoneType>
      <groupLongName>${escapeXml(region)}</groupLongName>
      <zoneState>available</zoneState>
      <regionName>${escapeXml(region)}</regionName>
      <messageSet/>
    </item>`).join('')}
  </availabilityZoneInfo>`));
  }

  /**
   * The Spot prices of the request's region, by `InstanceType.N`, `ProductDescription.N`, `AvailabilityZone` (or `AvailabilityZoneId`),
   * in effect at some time from `StartTime` to `EndTime`; newest first, paginated by MaxResults (1000 by default).
   */
  private describeSpotPriceHistory(request: AwsRequest, action: string): Answer {
    const form = request.form;
    const asked = (prefix: string) => [...form.entries()].filter(([key]) => new RegExp(`^${prefix}\\.\\d+$`).test(key)).map(([, value]) => value);
    const types = asked('InstanceType');
    const products = asked('ProductDescription');
    const zone = form.get('AvailabilityZone');
    const zoneId = form.get('AvailabilityZoneId');
    const start = form.has('StartTime') ? Date.parse(form.get('StartTime') ?? '') : undefined;
    const end = form.has('EndTime') ? Date.parse(form.get('EndTime') ?? '') : undefined;
    const zoneIds = this.options.zoneIds ?? defaultZoneIds(request.region);
    const all = (this.options.spotPrices ?? []).map((price) => ({ ...price, productDescription: price.productDescription ?? 'Linux/UNIX' }));
    // Until when each price is in effect: the timestamp of the next price of its zone, type and product.
    const until = (price: typeof all[number]) => Math.min(Infinity, ...all
      .filter((other) => other.availabilityZone === price.availabilityZone && other.instanceType === price.instanceType
        && other.productDescription === price.productDescription && other.timestamp.getTime() > price.timestamp.getTime())
      .map((other) => other.timestamp.getTime()));
    const prices = all
      .filter((price) => price.availabilityZone.startsWith(request.region) && !/^\d/.test(price.availabilityZone.slice(request.region.length)))
      .filter((price) => (types.length === 0 || types.includes(price.instanceType))
        && (products.length === 0 || products.includes(price.productDescription))
        && (zone === null || price.availabilityZone === zone) && (zoneId === null || zoneIds[price.availabilityZone] === zoneId)
        && (end === undefined || price.timestamp.getTime() <= end) && (start === undefined || until(price) > start))
      .map((price, i) => ({ price, i }))
      .sort((a, b) => b.price.timestamp.getTime() - a.price.timestamp.getTime() || a.i - b.i)
      .map(({ price }) => price);
    const { page, nextToken } = paginate(prices, form.get('MaxResults') ?? '1000', form.get('NextToken'));
    return xml(action, 200, ec2Response(action, `
  <spotPriceHistorySet>${page.map((price) => `
    <item>
      <availabilityZone>${escapeXml(price.availabilityZone)}</availabilityZone>${zoneIds[price.availabilityZone] !== undefined ? `
      <availabilityZoneId>${escapeXml(zoneIds[price.availabilityZone])}</availabilityZoneId>` : ''}
      <instanceType>${escapeXml(price.instanceType)}</instanceType>
      <productDescription>${escapeXml(price.productDescription)}</productDescription>
      <spotPrice>${escapeXml(price.spotPrice)}</spotPrice>
      <timestamp>${price.timestamp.toISOString()}</timestamp>
    </item>`).join('')}
  </spotPriceHistorySet>${nextToken ? `
  <nextToken>${nextToken}</nextToken>` : `
  <nextToken/>`}`));
  }

  private eks(request: AwsRequest): Answer {
    const url = new URL(request.path, 'http://fake');
    if (request.method === 'GET' && url.pathname === '/clusters') {
      const clusters = [...new Set([...this.options.clusters ?? [], ...Object.keys(this.options.eksClusters ?? {})])];
      const { page, nextToken } = paginate(clusters, url.searchParams.get('maxResults') ?? '100', url.searchParams.get('nextToken'));
      return json('ListClusters', 200, { clusters: page, ...(nextToken ? { nextToken } : {}) });
    }
    const addon = /^\/clusters\/([^/]+)\/addons\/([^/]+)$/.exec(url.pathname);
    if (request.method === 'GET' && addon) return this.describeAddon(request, decodeURIComponent(addon[1]), decodeURIComponent(addon[2]));
    if (request.method === 'GET' && url.pathname === '/addons/supported-versions') return this.describeAddonVersions(request, url.searchParams);
    if (request.method === 'GET' && url.pathname === '/cluster-versions' && this.options.clusterVersions !== undefined) {
      return this.describeClusterVersions(request, this.options.clusterVersions, url.searchParams);
    }
    // /clusters/{name}, and its node groups, insights and updates
    const route = /^\/clusters\/([^/]+)(?:\/(node-groups|insights|updates|update-config)(?:\/([^/]+))?)?$/.exec(url.pathname);
    const operation = route === null ? undefined : EKS_CLUSTER_ROUTES[`${request.method} ${route[2] ?? ''}${route[3] !== undefined ? '/{id}' : ''}`];
    if (route !== null && operation !== undefined) {
      const id = route[3] === undefined ? undefined : decodeURIComponent(route[3]);
      return this.eksCluster(request, operation, decodeURIComponent(route[1]), id, url.searchParams);
    }
    return json('', 404, { message: `No route for ${request.method} ${url.pathname} in this fake EKS` }, { 'x-amzn-errortype': 'UnknownOperationException' });
  }

  /** The reads of one of the `eksClusters`: DescribeCluster, DescribeNodegroup, ListNodegroups, ListInsights, DescribeInsight, ListUpdates, DescribeUpdate. */
  private eksCluster(request: AwsRequest, operation: string, clusterName: string, id: string | undefined, query: URLSearchParams): Answer {
    const denied = this.eksDenied(request, operation);
    if (denied) return denied;
    const notFound = (message: string, fields: Record<string, string> = {}) =>
      json(operation, 404, { message, clusterName, ...fields }, { 'x-amzn-errortype': 'ResourceNotFoundException' });
    const cluster = this.options.eksClusters?.[clusterName];
    if (cluster === undefined) return notFound(`No cluster found for name: ${clusterName}.`);
    const arnPrefix = `arn:${partitionOf(request.region)}:eks:${request.region}:${this.accountOf(request)}`;
    const epoch = (date: Date | undefined) => (date ?? new Date('2024-01-15T10:00:00Z')).getTime() / 1000;
    const nodegroups = cluster.nodegroups ?? {};
    const insights = cluster.insights ?? [];
    const insightSummary = (insight: FakeInsight) => ({
      id: insight.id,
      name: insight.name,
      category: insight.category ?? 'UPGRADE_READINESS',
      kubernetesVersion: insight.kubernetesVersion,
      lastRefreshTime: epoch(insight.lastRefreshTime),
      lastTransitionTime: epoch(insight.lastTransitionTime),
      description: insight.description ?? insight.name,
      insightStatus: { status: insight.status, ...(insight.reason !== undefined ? { reason: insight.reason } : {}) },
    });
    switch (operation) {
      case 'DescribeCluster':
        return json(operation, 200, {
          cluster: {
            name: clusterName,
            arn: `${arnPrefix}:cluster/${clusterName}`,
            createdAt: epoch(cluster.createdAt),
            version: cluster.version,
            endpoint: `https://${hexId(Object.keys(this.options.eksClusters ?? {}).indexOf(clusterName) + 1, 32).toUpperCase()}.gr7.${request.region}.eks.amazonaws.com`,
            roleArn: `arn:${partitionOf(request.region)}:iam::${this.accountOf(request)}:role/${clusterName}-cluster`,
            resourcesVpcConfig: {
              subnetIds: [],
              securityGroupIds: [],
              clusterSecurityGroupId: 'sg-0d000000000000001',
              vpcId: 'vpc-0a000000000000001',
              endpointPublicAccess: false,
              endpointPrivateAccess: true,
              publicAccessCidrs: [],
            },
            kubernetesNetworkConfig: { serviceIpv4Cidr: '172.20.0.0/16', ipFamily: 'ipv4' },
            status: cluster.status ?? 'ACTIVE',
            platformVersion: cluster.platformVersion ?? 'eks.1',
            tags: {},
            health: healthOf(cluster.healthIssues),
            upgradePolicy: { supportType: cluster.upgradePolicy ?? 'STANDARD' },
            deletionProtection: (cluster.deletionProtection ?? false) && !this.unprotected.has(clusterName),
          },
        });
      case 'UpdateClusterConfig': {
        // Deletion protection only: the one change of a cluster's configuration the product makes itself.
        const body: { deletionProtection?: boolean } = JSON.parse(request.body || '{}');
        if (body.deletionProtection !== false) {
          return json(operation, 400, { message: 'This fake EKS updates deletionProtection: false only' }, { 'x-amzn-errortype': 'InvalidParameterException' });
        }
        const update = { id: `fake-config-update-${this.configUpdates.length + 1}`, cluster: clusterName, outcome: cluster.configUpdateOutcome ?? 'Successful' };
        this.configUpdates.push(update);
        if (update.outcome === 'Successful') this.unprotected.add(clusterName);
        return json(operation, 200, {
          update: {
            id: update.id,
            status: 'InProgress',
            type: 'DeletionProtectionUpdate',
            params: [{ type: 'DeletionProtection', value: 'false' }],
            createdAt: Date.now() / 1000,
            errors: [],
          },
        });
      }
      case 'ListNodegroups': {
        const { page, nextToken } = paginate(Object.keys(nodegroups), query.get('maxResults') ?? '100', query.get('nextToken'));
        return json(operation, 200, { nodegroups: page, ...(nextToken ? { nextToken } : {}) });
      }
      case 'DescribeNodegroup': {
        const nodegroup = nodegroups[id ?? ''];
        if (nodegroup === undefined) return notFound(`No node group found for name: ${id}.`, { nodegroupName: id ?? '' });
        const scaling = nodegroup.scaling ?? { min: 1, max: 3, desired: 2 };
        return json(operation, 200, {
          nodegroup: {
            nodegroupName: id,
            nodegroupArn: `${arnPrefix}:nodegroup/${clusterName}/${id}/00000000-0000-0000-0000-${hexId(Object.keys(nodegroups).indexOf(id ?? '') + 1, 12)}`,
            clusterName,
            version: nodegroup.version,
            releaseVersion: nodegroup.releaseVersion,
            createdAt: epoch(nodegroup.createdAt),
            modifiedAt: epoch(nodegroup.createdAt),
            status: nodegroup.status ?? 'ACTIVE',
            capacityType: nodegroup.capacityType ?? 'SPOT',
            scalingConfig: { minSize: scaling.min, maxSize: scaling.max, desiredSize: scaling.desired },
            instanceTypes: nodegroup.instanceTypes ?? ['m6i.large'],
            subnets: [],
            amiType: nodegroup.amiType ?? 'BOTTLEROCKET_x86_64',
            nodeRole: `arn:${partitionOf(request.region)}:iam::${this.accountOf(request)}:role/${clusterName}-node`,
            labels: {},
            health: healthOf(nodegroup.healthIssues),
            updateConfig: { maxUnavailablePercentage: nodegroup.maxUnavailablePercentage ?? 33 },
            tags: {},
          },
        });
      }
      case 'ListInsights': {
        let input: {
          filter?: { categories?: string[]; kubernetesVersions?: string[]; statuses?: string[] };
          maxResults?: number;
          nextToken?: string;
        };
        try {
          input = JSON.parse(request.body || '{}');
        } catch {
          return json(operation, 400, { message: 'The request body is not JSON.' }, { 'x-amzn-errortype': 'InvalidParameterException' });
        }
        const filter = input.filter ?? {};
        const matches = (wanted: string[] | undefined, value: string) => wanted === undefined || wanted.length === 0 || wanted.includes(value);
        const summaries = insights.map(insightSummary).filter((insight) => matches(filter.categories, insight.category)
          && matches(filter.kubernetesVersions, insight.kubernetesVersion) && matches(filter.statuses, insight.insightStatus.status));
        const { page, nextToken } = paginate(summaries, input.maxResults === undefined ? null : String(input.maxResults), input.nextToken ?? null);
        return json(operation, 200, { insights: page, ...(nextToken ? { nextToken } : {}) });
      }
      case 'DescribeInsight': {
        const insight = insights.find((candidate) => candidate.id === id);
        if (insight === undefined) return notFound(`No insight found for id: ${id}.`);
        const summary = insightSummary(insight);
        return json(operation, 200, {
          insight: {
            ...summary,
            ...(insight.recommendation !== undefined ? { recommendation: insight.recommendation } : {}),
            additionalInfo: {},
            resources: [],
            categorySpecificSummary: summary.category === 'UPGRADE_READINESS' ? { deprecationDetails: [], addonCompatibilityDetails: [] } : {},
          },
        });
      }
      case 'ListUpdates':
      case 'DescribeUpdate': {
        const nodegroupName = query.get('nodegroupName');
        if (nodegroupName !== null && nodegroups[nodegroupName] === undefined) {
          return notFound(`No node group found for name: ${nodegroupName}.`, { nodegroupName });
        }
        const updates = (nodegroupName !== null ? nodegroups[nodegroupName].updates : query.get('addonName') !== null ? [] : cluster.updates) ?? [];
        if (operation === 'ListUpdates') {
          const { page, nextToken } = paginate(updates.map((update) => update.id), query.get('maxResults') ?? '100', query.get('nextToken'));
          return json(operation, 200, { updateIds: page, ...(nextToken ? { nextToken } : {}) });
        }
        const configUpdate = this.configUpdates.find((candidate) => candidate.id === id && candidate.cluster === clusterName);
        if (operation === 'DescribeUpdate' && configUpdate !== undefined) {
          const failed = configUpdate.outcome === 'Failed';
          return json(operation, 200, {
            update: {
              id: configUpdate.id,
              status: configUpdate.outcome,
              type: 'DeletionProtectionUpdate',
              params: [{ type: 'DeletionProtection', value: 'false' }],
              createdAt: Date.now() / 1000,
              errors: failed ? [{ errorCode: 'Unknown', errorMessage: 'The update failed in this fake EKS', resourceIds: [clusterName] }] : [],
            },
          });
        }
        const update = updates.find((candidate) => candidate.id === id);
        if (update === undefined) return notFound(`No update found for ID: ${id}.`);
        return json(operation, 200, {
          update: {
            id: update.id,
            status: update.status ?? 'Successful',
            type: update.type ?? 'VersionUpdate',
            params: update.params ?? [],
            createdAt: epoch(update.createdAt),
            errors: [],
          },
        });
      }
      default:
        return json(operation, 404, { message: `No route for ${operation} in this fake EKS` }, { 'x-amzn-errortype': 'UnknownOperationException' });
    }
  }

  /** DescribeClusterVersions of `clusterVersions`: by `clusterVersions`, `versionStatus` (or the deprecated `status`) and `defaultOnly`; the unsupported ones only with `includeAll`. */
  private describeClusterVersions(request: AwsRequest, all: FakeClusterVersion[], query: URLSearchParams): Answer {
    const denied = this.eksDenied(request, 'DescribeClusterVersions');
    if (denied) return denied;
    const wanted = query.getAll('clusterVersions');
    const versionStatus = query.get('versionStatus') ?? query.get('status')?.toUpperCase().replace(/-/g, '_');
    const includeAll = query.get('includeAll') === 'true';
    const versions = all.map((version) => ({
      clusterVersion: version.clusterVersion,
      clusterType: 'eks',
      defaultPlatformVersion: version.defaultPlatformVersion ?? 'eks.1',
      defaultVersion: version.defaultVersion ?? false,
      ...(version.releaseDate !== undefined ? { releaseDate: version.releaseDate.getTime() / 1000 } : {}),
      ...(version.endOfStandardSupportDate !== undefined ? { endOfStandardSupportDate: version.endOfStandardSupportDate.getTime() / 1000 } : {}),
      ...(version.endOfExtendedSupportDate !== undefined ? { endOfExtendedSupportDate: version.endOfExtendedSupportDate.getTime() / 1000 } : {}),
      status: version.status ?? version.versionStatus ?? 'STANDARD_SUPPORT',
      versionStatus: version.versionStatus ?? 'STANDARD_SUPPORT',
      ...(version.kubernetesPatchVersion !== undefined ? { kubernetesPatchVersion: version.kubernetesPatchVersion } : {}),
    })).filter((version) => (wanted.length === 0 || wanted.includes(version.clusterVersion))
      && (versionStatus === undefined || version.versionStatus === versionStatus)
      && (query.get('defaultOnly') !== 'true' || version.defaultVersion)
      && (includeAll || version.versionStatus !== 'UNSUPPORTED'));
    const { page, nextToken } = paginate(versions, query.get('maxResults'), query.get('nextToken'));
    return json('DescribeClusterVersions', 200, { clusterVersions: page, ...(nextToken ? { nextToken } : {}) });
  }

  /** EKS's answer to an operation the options deny, as an IAM policy or an SCP would. */
  private eksDenied(request: AwsRequest, operation: string): Answer | undefined {
    const denied = this.options.deniedEksOperations ?? [];
    if (!denied.includes(operation) && !denied.includes('*')) return undefined;
    const caller = this.identities[request.accessKeyId]?.arn ?? `arn:${partitionOf(request.region)}:iam::${this.accountOf(request)}:user/unknown`;
    return json(operation, 403, { message: `User: ${caller} is not authorized to perform: eks:${operation}` },
      { 'x-amzn-errortype': 'AccessDeniedException' });
  }

  private describeAddon(request: AwsRequest, clusterName: string, addonName: string): Answer {
    const denied = this.eksDenied(request, 'DescribeAddon');
    if (denied) return denied;
    const installed = this.options.installedAddons?.[clusterName]?.[addonName];
    if (installed === undefined) {
      return json('DescribeAddon', 404, { message: `No addon: ${addonName} found in cluster: ${clusterName}`, clusterName, addonName },
        { 'x-amzn-errortype': 'ResourceNotFoundException' });
    }
    const addon: FakeAddon = typeof installed === 'string' ? { version: installed } : installed;
    const created = Date.parse('2024-01-15T10:00:00Z') / 1000;
    return json('DescribeAddon', 200, {
      addon: {
        addonName,
        clusterName,
        status: addon.status ?? 'ACTIVE',
        addonVersion: addon.version,
        health: healthOf(addon.healthIssues),
        addonArn: `arn:${partitionOf(request.region)}:eks:${request.region}:${this.accountOf(request)}:addon/${clusterName}/${addonName}/00000000-0000-0000-0000-000000000000`,
        createdAt: created,
        modifiedAt: created,
        tags: {},
      },
    });
  }

  private describeAddonVersions(request: AwsRequest, query: URLSearchParams): Answer {
    const denied = this.eksDenied(request, 'DescribeAddonVersions');
    if (denied) return denied;
    const addonName = query.get('addonName') ?? '';
    const kubernetesVersion = query.get('kubernetesVersion') ?? '';
    const versions = (this.options.addonVersions ?? tableOffer())[addonName]?.[kubernetesVersion] ?? [];
    return json('DescribeAddonVersions', 200, {
      addons: versions.length === 0 ? [] : [{
        addonName,
        type: 'networking',
        owner: 'aws',
        publisher: 'eks',
        addonVersions: versions.map((addonVersion, i) => ({
          addonVersion,
          architecture: ['amd64', 'arm64'],
          compatibilities: [{ clusterVersion: kubernetesVersion, platformVersions: ['*'], defaultVersion: i === 0 }],
          requiresConfiguration: false,
        })),
      }],
    });
  }

  private serviceQuotas(request: AwsRequest): Answer {
    const target = request.target.replace(/^ServiceQuotasV20190624\./, '');
    // Errors as the service model has them: `__type` and `Message`, with the status of the error's httpError trait.
    const jsonError = (status: number, type: string, message: string) => json(target, status, { __type: type, Message: message }, {}, JSON_1_1);
    if (target !== 'GetServiceQuota') return jsonError(400, 'UnknownOperationException', `Unknown operation ${request.target}`);
    let input: { ServiceCode?: string; QuotaCode?: string };
    try {
      input = JSON.parse(request.body || '{}');
    } catch {
      return jsonError(400, 'SerializationException', 'The request body is not JSON.');
    }
    const serviceCode = input.ServiceCode ?? '';
    const quotaCode = input.QuotaCode ?? '';
    const key = `${serviceCode}/${quotaCode}`;
    const quotaArn = `arn:${partitionOf(request.region)}:servicequotas:${request.region}:${this.accountOf(request)}:${key}`;
    const unreadable = this.options.unreadableQuotas ?? [];
    if (unreadable.includes(key) || unreadable.includes('*')) {
      const caller = this.identities[request.accessKeyId]?.arn ?? `arn:${partitionOf(request.region)}:iam::${this.accountOf(request)}:user/unknown`;
      return jsonError(403, 'AccessDeniedException',
        `User: ${caller} is not authorized to perform: servicequotas:GetServiceQuota on resource: ${quotaArn} with an explicit deny in a service control policy`);
    }
    const value = this.options.quotas?.[key];
    if (value === undefined) return jsonError(404, 'NoSuchResourceException', 'The request failed because the specified service does not exist.');
    const known = KNOWN_QUOTAS[key];
    return json(target, 200, {
      Quota: {
        ServiceCode: serviceCode,
        ServiceName: known?.serviceName ?? serviceCode,
        QuotaArn: quotaArn,
        QuotaCode: quotaCode,
        QuotaName: known?.quotaName ?? quotaCode,
        Value: value,
        Unit: 'None',
        Adjustable: true,
        GlobalQuota: false,
        QuotaAppliedAtLevel: 'ACCOUNT',
      },
    }, {}, JSON_1_1);
  }

  /** CloudWatch Logs (awsJson1_1): `DescribeLogGroups` by `logGroupNamePrefix`, one page. */
  private logs(request: AwsRequest): Answer {
    const target = request.target.replace(/^Logs_20140328\./, '');
    if (target !== 'DescribeLogGroups') {
      return json(target, 400, { __type: 'UnknownOperationException', message: `Unknown operation ${request.target}` }, {}, JSON_1_1);
    }
    const prefix: string = JSON.parse(request.body || '{}').logGroupNamePrefix ?? '';
    const logGroups = (this.options.logGroups ?? []).filter((name) => name.startsWith(prefix)).map((logGroupName) => ({
      logGroupName,
      arn: `arn:${partitionOf(request.region)}:logs:${request.region}:${this.accountOf(request)}:log-group:${logGroupName}:*`,
      creationTime: Date.UTC(2024, 0, 15, 10),
      storedBytes: 0,
    }));
    return json(target, 200, { logGroups }, {}, JSON_1_1);
  }

  /** KMS (awsJson1_1): `GetKeyPolicy` (by key id or ARN) and `DescribeKey` (also by alias), of `kmsKeys`. */
  private kms(request: AwsRequest): Answer {
    const target = request.target.replace(/^TrentService\./, '');
    // Errors as the KMS model has them: `__type` and `message`, HTTP 400 (AccessDeniedException too).
    const jsonError = (type: string, message: string) => json(target, 400, { __type: type, message }, {}, JSON_1_1);
    if (target !== 'GetKeyPolicy' && target !== 'DescribeKey') return jsonError('UnknownOperationException', `Unknown operation ${request.target}`);
    const input: { KeyId?: string; PolicyName?: string } = JSON.parse(request.body || '{}');
    const keyId = input.KeyId ?? '';
    const denied = this.options.deniedKmsOperations ?? [];
    if (denied.includes(target) || denied.includes('*')) {
      const caller = this.identities[request.accessKeyId]?.arn ?? `arn:${partitionOf(request.region)}:iam::${this.accountOf(request)}:user/unknown`;
      return jsonError('AccessDeniedException', `User: ${caller} is not authorized to perform: kms:${target} on resource: ${keyId} because no identity-based policy allows the kms:${target} action`);
    }
    const keys = this.options.kmsKeys ?? {};
    const byAlias = target === 'DescribeKey';
    const arn = Object.keys(keys).find((keyArn) => keyArn === keyId || keyArn.endsWith(`:key/${keyId}`)
      || (byAlias && (keys[keyArn].aliases ?? []).some((alias) => alias === keyId || keyId.endsWith(`:${alias}`))));
    if (arn === undefined) return jsonError('NotFoundException', `Key '${keyId}' does not exist`);
    const key = keys[arn];
    if (target === 'GetKeyPolicy') {
      if ((input.PolicyName ?? 'default') !== 'default') return jsonError('NotFoundException', `No such policy: ${input.PolicyName}`);
      return json(target, 200, { Policy: typeof key.policy === 'string' ? key.policy : JSON.stringify(key.policy), PolicyName: 'default' }, {}, JSON_1_1);
    }
    return json(target, 200, {
      KeyMetadata: {
        AWSAccountId: arn.split(':')[4],
        KeyId: arn.split('/').pop(),
        Arn: arn,
        CreationDate: Date.UTC(2024, 0, 15, 10) / 1000,
        Enabled: true,
        KeyUsage: 'ENCRYPT_DECRYPT',
        KeyState: 'Enabled',
        Origin: 'AWS_KMS',
        KeyManager: key.keyManager ?? 'CUSTOMER',
        KeySpec: 'SYMMETRIC_DEFAULT',
        EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
        MultiRegion: false,
      },
    }, {}, JSON_1_1);
  }

  /** SSM (awsJson1_1): `GetParameter` and `GetParametersByPath` of `ssmParameters`. */
  private ssm(request: AwsRequest): Answer {
    const target = request.target.replace(/^AmazonSSM\./, '');
    // Errors as SSM sends them: `__type` (and `message`), HTTP 400 (AccessDeniedException too); ParameterNotFound has no message.
    const jsonError = (type: string, message?: string) =>
      json(target, 400, { __type: type, ...(message !== undefined ? { message } : {}) }, {}, JSON_1_1);
    if (target !== 'GetParameter' && target !== 'GetParametersByPath') return jsonError('UnknownOperationException', `Unknown operation ${request.target}`);
    let input: { Name?: string; WithDecryption?: boolean; Path?: string; Recursive?: boolean; MaxResults?: number; NextToken?: string };
    try {
      input = JSON.parse(request.body || '{}');
    } catch {
      return jsonError('SerializationException', 'The request body is not JSON.');
    }
    const parameters = this.options.ssmParameters ?? {};
    const denied = this.options.deniedSsmOperations ?? [];
    /** AccessDeniedException as IAM words it, for the parameter or path `resource`. */
    const deny = (resource: string) => {
      const caller = this.identities[request.accessKeyId]?.arn ?? `arn:${partitionOf(request.region)}:iam::${this.accountOf(request)}:user/unknown`;
      return jsonError('AccessDeniedException', `User: ${caller} is not authorized to perform: ssm:${target} on resource: ${this.ssmArn(request, resource)} `
        + `because no identity-based policy allows the ssm:${target} action`);
    };
    const parameter = (name: string) => {
      const held = parameters[name];
      const { value, lastModified } = typeof held === 'string' ? { value: held, lastModified: new Date('2024-01-15T10:00:00Z') } : held;
      return {
        Name: name,
        Type: 'String',
        Value: value,
        Version: 1,
        LastModifiedDate: lastModified.getTime() / 1000,
        ARN: this.ssmArn(request, name),
        DataType: 'text',
      };
    };
    if (target === 'GetParameter') {
      const name = input.Name ?? '';
      if (denied.includes(target) || denied.includes('*')) return deny(name);
      if (parameters[name] === undefined) return jsonError('ParameterNotFound');
      return json(target, 200, { Parameter: parameter(name) }, {}, JSON_1_1);
    }
    // GetParametersByPath: the input's constraints first (as the service model checks them), then the caller's rights.
    const maxResults = input.MaxResults ?? 10;
    if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 10) {
      return jsonError('ValidationException', `1 validation error detected: Value '${maxResults}' at 'maxResults' failed to satisfy constraint: `
        + `Member must have value ${maxResults < 1 ? 'greater than or equal to 1' : 'less than or equal to 10'}`);
    }
    const path = input.Path ?? '';
    if (!path.startsWith('/')) return jsonError('ValidationException', `The parameter path ${path} is not valid: a path must begin with a forward slash (/).`);
    if (denied.includes(target) || denied.includes('*')) return deny(path);
    // Below `/a/b` (or `/a/b/`): `/a/b/c`, and with Recursive also `/a/b/c/d`, ...; never `/a/b` itself.
    const prefix = `${path.replace(/\/+$/, '')}/`;
    const names = Object.keys(parameters)
      .filter((name) => name.length > prefix.length && name.startsWith(prefix) && (input.Recursive === true || !name.slice(prefix.length).includes('/')))
      .sort();
    const { page, nextToken } = paginate(names, String(maxResults), input.NextToken ?? null);
    return json(target, 200, { Parameters: page.map(parameter), ...(nextToken ? { NextToken: nextToken } : {}) }, {}, JSON_1_1);
  }

  /**
   * The AWS Price List Query API (awsJson1_1): `GetProducts` of `priceListProducts`, by `ServiceCode` and `Filters`
   * (`TERM_MATCH` and `EQUALS`: the field's value is the filter's; `CONTAINS`: it contains it; `ANY_OF`, `NONE_OF`: it is, or is not,
   * one of the filter's comma-separated values). A field is `ServiceCode`, `productFamily` or an attribute name, in any case.
   */
  private pricing(request: AwsRequest): Answer {
    const target = request.target.replace(/^AWSPriceListService\./, '');
    // Errors as the service model has them: `__type` and `Message`, HTTP 400 (AccessDeniedException as an IAM denial, in the common errors).
    const jsonError = (type: string, message: string) => json(target, 400, { __type: type, Message: message }, {}, JSON_1_1);
    if (target !== 'GetProducts') return jsonError('UnknownOperationException', `Unknown operation ${request.target}`);
    let input: {
      ServiceCode?: string;
      Filters?: { Type?: string; Field?: string; Value?: string }[];
      FormatVersion?: string;
      MaxResults?: number;
      NextToken?: string;
    };
    try {
      input = JSON.parse(request.body || '{}');
    } catch {
      return jsonError('SerializationException', 'The request body is not JSON.');
    }
    const maxResults = input.MaxResults ?? 100;
    if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 100) {
      return jsonError('InvalidParameterException', `Input Parameters are invalid. maxResults must be between 1 and 100, was ${maxResults}`);
    }
    const denied = this.options.deniedPricingOperations ?? [];
    if (denied.includes(target) || denied.includes('*')) {
      const caller = this.identities[request.accessKeyId]?.arn ?? `arn:${partitionOf(request.region)}:iam::${this.accountOf(request)}:user/unknown`;
      return jsonError('AccessDeniedException',
        `User: ${caller} is not authorized to perform: pricing:${target} because no identity-based policy allows the pricing:${target} action`);
    }
    const serviceCode = input.ServiceCode ?? '';
    if (serviceCode === '') return jsonError('InvalidParameterException', 'Input Parameters are invalid. serviceCode cannot be null or empty');
    if ((input.FormatVersion ?? 'aws_v1') !== 'aws_v1') {
      return jsonError('InvalidParameterException', `Input Parameters are invalid. Invalid formatVersion: ${input.FormatVersion}`);
    }
    const filters = input.Filters ?? [];
    const unknownType = filters.find((filter) => !['TERM_MATCH', 'EQUALS', 'CONTAINS', 'ANY_OF', 'NONE_OF'].includes(filter.Type ?? ''));
    if (unknownType !== undefined) return jsonError('InvalidParameterException', `Input Parameters are invalid. Invalid filter type: ${unknownType.Type}`);
    if (input.NextToken !== undefined && !/^\d+$/.test(input.NextToken)) return jsonError('InvalidNextTokenException', 'The pagination token is invalid.');
    const all = (this.options.priceListProducts ?? []).map((product, i) => ({ product, sku: product.sku ?? `FAKESKU${String(i + 1).padStart(9, '0')}` }));
    if (!all.some(({ product }) => product.serviceCode === serviceCode)) {
      return jsonError('NotFoundException', `Could not find the service code: ${serviceCode}`);
    }
    /** The value of a filter's field for a product: its service code, product family or attribute (the field's case aside). */
    const fieldOf = (product: FakePriceProduct, field: string): string | undefined => {
      const name = field.toLowerCase();
      if (name === 'servicecode') return product.serviceCode;
      if (name === 'productfamily') return product.productFamily;
      return Object.entries(product.attributes).find(([key]) => key.toLowerCase() === name)?.[1];
    };
    const matches = (product: FakePriceProduct) => filters.every((filter) => {
      const value = fieldOf(product, filter.Field ?? '');
      const wanted = filter.Value ?? '';
      const list = wanted.split(',').map((item) => item.trim());
      switch (filter.Type) {
        case 'CONTAINS': return value !== undefined && value.includes(wanted);
        case 'ANY_OF': return value !== undefined && list.includes(value);
        case 'NONE_OF': return value === undefined || !list.includes(value);
        default: return value === wanted; // TERM_MATCH, EQUALS
      }
    });
    const found = all.filter(({ product }) => product.serviceCode === serviceCode && matches(product));
    const { page, nextToken } = paginate(found, String(maxResults), input.NextToken ?? null);
    return json(target, 200, {
      FormatVersion: 'aws_v1',
      PriceList: page.map(({ product, sku }) => JSON.stringify(priceListDocument(product, sku))),
      ...(nextToken ? { NextToken: nextToken } : {}),
    }, {}, JSON_1_1);
  }

  /** The ARN of an SSM parameter or path: public parameters (`/aws/service/...`) belong to no account; the account's own do. */
  private ssmArn(request: AwsRequest, name: string): string {
    const account = /^\/aws(\/|$)/.test(name) ? '' : this.accountOf(request);
    return `arn:${partitionOf(request.region)}:ssm:${request.region}:${account}:parameter${name.startsWith('/') ? '' : '/'}${name}`;
  }

  /** The account of the signing key's identity, or a made-up one for a key the fake does not know. */
  private accountOf(request: AwsRequest): string {
    return this.identities[request.accessKeyId]?.account ?? DEFAULT_ACCOUNT;
  }
}

const REQUEST_ID = '01234567-89ab-cdef-0123-456789abcdef';

/** The operation of a request under `/clusters/{name}`, by `<method> <what follows the name>` (as the EKS model routes them). */
const EKS_CLUSTER_ROUTES: Record<string, string> = {
  'GET ': 'DescribeCluster',
  'GET node-groups': 'ListNodegroups',
  'GET node-groups/{id}': 'DescribeNodegroup',
  'POST insights': 'ListInsights',
  'GET insights/{id}': 'DescribeInsight',
  'GET updates': 'ListUpdates',
  'GET updates/{id}': 'DescribeUpdate',
  'POST update-config': 'UpdateClusterConfig',
};
const DEFAULT_ACCOUNT = '123456789012';
const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const CFN_NS = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';
const EC2_NS = 'http://ec2.amazonaws.com/doc/2016-11-15/';
const JSON_1_1 = 'application/x-amz-json-1.1';

/** Names of the quotas the preflight reads, as Service Quotas answers them. */
const KNOWN_QUOTAS: Record<string, { serviceName: string; quotaName: string }> = {
  'vpc/L-F678F1CE': { serviceName: 'Amazon Virtual Private Cloud (Amazon VPC)', quotaName: 'VPCs per Region' },
  'ec2/L-0263D0A3': { serviceName: 'Amazon Elastic Compute Cloud (Amazon EC2)', quotaName: 'EC2-VPC Elastic IPs' },
  'eks/L-1194D53C': { serviceName: 'Amazon Elastic Kubernetes Service (Amazon EKS)', quotaName: 'Clusters' },
};

/** A request as the fake routes it. */
interface AwsRequest {
  readonly method: string;
  readonly path: string;
  readonly body: string;
  readonly form: URLSearchParams;
  readonly authorization: string;
  readonly accessKeyId: string;
  readonly region: string;
  readonly service: string;
  readonly target: string;
}

/** What the fake answers, and the operation it took the request for. */
interface Answer {
  readonly action: string;
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  readonly headers: Record<string, string>;
}

function parseRequest(req: http.IncomingMessage, body: string): AwsRequest {
  const authorization = String(req.headers.authorization ?? '');
  // Credential=<access key id>/<yyyymmdd>/<region>/<service>/aws4_request
  const scope = /Credential=([^/]*)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(authorization);
  const contentType = String(req.headers['content-type'] ?? '');
  return {
    method: req.method ?? '',
    path: req.url ?? '/',
    body,
    form: new URLSearchParams(contentType.startsWith('application/json') || contentType.startsWith('application/x-amz-json') ? '' : body),
    authorization,
    accessKeyId: scope?.[1] ?? /Credential=([^/]+)\//.exec(authorization)?.[1] ?? '',
    region: scope?.[2] ?? 'us-east-1',
    service: scope?.[3] ?? '',
    target: String(req.headers['x-amz-target'] ?? ''),
  };
}

function xml(action: string, status: number, body: string): Answer {
  return { action, status, contentType: 'text/xml', body, headers: {} };
}

function json(action: string, status: number, body: unknown, headers: Record<string, string> = {}, contentType = 'application/json'): Answer {
  return { action, status, contentType, body: JSON.stringify(body), headers };
}

/** The awsQuery success envelope: `<XResponse><XResult>...</XResult><ResponseMetadata>`. */
function queryResponse(namespace: string, action: string, result: string): string {
  return `<${action}Response xmlns="${namespace}">
  <${action}Result>${result}
  </${action}Result>
  <ResponseMetadata>
    <RequestId>${REQUEST_ID}</RequestId>
  </ResponseMetadata>
</${action}Response>
`;
}

/** The ec2Query success envelope: no Result wrapper, the request id in the body. */
function ec2Response(action: string, content: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<${action}Response xmlns="${EC2_NS}">
  <requestId>${REQUEST_ID}</requestId>${content}
</${action}Response>
`;
}

/** The ec2Query error envelope. */
function ec2Error(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Response><Errors><Error><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error></Errors><RequestID>${REQUEST_ID}</RequestID></Response>
`;
}

/**
 * The zone ID prefix of a region, as EC2 makes it: the country code, the first letter of each
 * compass word (`gov` counts), the number: `use1`, `euw1`, `apse2`, `cac1`, `usgw1`.
 */
function zoneIdPrefix(region: string): string {
  const parts = region.split('-');
  const words = parts.slice(1, -1).map((word) => (word.match(/north|south|east|west|central|gov/g) ?? [word]).map((w) => w[0]).join(''));
  return `${parts[0]}${words.join('')}${parts[parts.length - 1]}`;
}

/** The default zones of a region: a to f, numbered in letter order past the IDs EKS does not support. */
function defaultZoneIds(region: string): Record<string, string> {
  const unsupported = EKS_UNSUPPORTED_ZONE_IDS[region] ?? [];
  const ids: Record<string, string> = {};
  let n = 0;
  for (const letter of ['a', 'b', 'c', 'd', 'e', 'f']) {
    let id: string;
    do id = `${zoneIdPrefix(region)}-az${++n}`; while (unsupported.includes(id));
    ids[`${region}${letter}`] = id;
  }
  return ids;
}

/** The awsQuery error envelope. */
function errorXml(namespace: string, code: string, message: string): string {
  return `<ErrorResponse xmlns="${namespace}">
  <Error>
    <Type>Sender</Type>
    <Code>${code}</Code>
    <Message>${escapeXml(message)}</Message>
  </Error>
  <RequestId>${REQUEST_ID}</RequestId>
</ErrorResponse>
`;
}

function stackXml(name: string, stackId: string, stack: FakeStack): string {
  const status = stack.status ?? 'CREATE_COMPLETE';
  const created = (stack.creationTime ?? new Date('2024-01-15T10:00:00Z')).toISOString();
  const updated = stack.lastUpdatedTime?.toISOString() ?? (status.startsWith('UPDATE_') ? created : undefined);
  const template = stack.template as { Description?: unknown } | undefined;
  const description = typeof template === 'object' && typeof template?.Description === 'string' ? template.Description : undefined;
  const outputs = stack.outputs ?? [];
  return `
      <member>
        <StackId>${escapeXml(stackId)}</StackId>
        <StackName>${escapeXml(name)}</StackName>${description !== undefined ? `
        <Description>${escapeXml(description)}</Description>` : ''}
        <CreationTime>${created}</CreationTime>${updated !== undefined ? `
        <LastUpdatedTime>${updated}</LastUpdatedTime>` : ''}
        <StackStatus>${escapeXml(status)}</StackStatus>${stack.statusReason !== undefined ? `
        <StackStatusReason>${escapeXml(stack.statusReason)}</StackStatusReason>` : ''}
        <DisableRollback>false</DisableRollback>
        <NotificationARNs/>${outputs.length > 0 ? `
        <Outputs>${outputs.map((output) => `
          <member>
            <OutputKey>${escapeXml(output.key)}</OutputKey>
            <OutputValue>${escapeXml(output.value)}</OutputValue>${output.exportName !== undefined ? `
            <ExportName>${escapeXml(output.exportName)}</ExportName>` : ''}
          </member>`).join('')}
        </Outputs>` : ''}
        <Tags/>
        <EnableTerminationProtection>${stack.terminationProtection === true}</EnableTerminationProtection>
        <DriftInformation>
          <StackDriftStatus>NOT_CHECKED</StackDriftStatus>
        </DriftInformation>
      </member>`;
}

function stackEventXml(event: FakeStackEvent, index: number, stackName: string, stackId: string, timestamp: Date): string {
  const type = event.type ?? 'AWS::CloudFormation::Stack';
  return `
      <member>
        <StackId>${escapeXml(stackId)}</StackId>
        <EventId>${escapeXml(`${event.logicalId}-${hexId(index + 1, 8)}`)}</EventId>
        <StackName>${escapeXml(stackName)}</StackName>
        <LogicalResourceId>${escapeXml(event.logicalId)}</LogicalResourceId>
        <PhysicalResourceId>${escapeXml(type === 'AWS::CloudFormation::Stack' ? stackId : '')}</PhysicalResourceId>
        <ResourceType>${escapeXml(type)}</ResourceType>
        <Timestamp>${timestamp.toISOString()}</Timestamp>
        <ResourceStatus>${escapeXml(event.status)}</ResourceStatus>${event.reason !== undefined ? `
        <ResourceStatusReason>${escapeXml(event.reason)}</ResourceStatusReason>` : ''}
      </member>`;
}

/** The resources of a template (an object, or JSON text; none for YAML text), by logical id. */
function templateResources(template: unknown): Record<string, { Type?: string; Properties?: unknown }> {
  let parsed = template;
  if (typeof template === 'string') {
    try {
      parsed = JSON.parse(template);
    } catch {
      return {};
    }
  }
  const resources = (parsed as { Resources?: unknown } | undefined)?.Resources;
  return typeof resources === 'object' && resources !== null ? resources as Record<string, { Type?: string; Properties?: unknown }> : {};
}

function templateResourceIds(template: unknown): string[] {
  return Object.keys(templateResources(template));
}

/**
 * One member of DescribeStackResourceDrifts: a resource in sync (no status given) or drifted. Its expected
 * properties are the template's with the differences' expected values, its actual ones the template's with
 * the actual values; a deleted resource has no actual properties.
 */
function resourceDriftXml(stackId: string, template: unknown, timestamp: Date, drift: Partial<FakeResourceDrift> & { logicalId: string }): string {
  const resource = templateResources(template)[drift.logicalId];
  const base = typeof resource?.Properties === 'object' && resource.Properties !== null ? resource.Properties : {};
  const differences = drift.differences ?? [];
  const expected: unknown = JSON.parse(JSON.stringify(base));
  const actual: unknown = JSON.parse(JSON.stringify(base));
  for (const difference of differences) {
    const type = difference.type ?? 'NOT_EQUAL';
    const current = getPointer(base, difference.path);
    setPointer(expected, difference.path, type === 'ADD' ? undefined : propertyValue(difference.expected, current));
    setPointer(actual, difference.path, type === 'REMOVE' ? undefined : propertyValue(difference.actual, current));
  }
  const status = drift.status ?? 'IN_SYNC';
  return `
      <member>
        <StackId>${escapeXml(stackId)}</StackId>
        <LogicalResourceId>${escapeXml(drift.logicalId)}</LogicalResourceId>${drift.physicalId !== undefined ? `
        <PhysicalResourceId>${escapeXml(drift.physicalId)}</PhysicalResourceId>` : ''}
        <ResourceType>${escapeXml(drift.type ?? resource?.Type ?? '')}</ResourceType>
        <ExpectedProperties>${escapeXml(JSON.stringify(expected))}</ExpectedProperties>${status !== 'DELETED' ? `
        <ActualProperties>${escapeXml(JSON.stringify(actual))}</ActualProperties>` : ''}${status === 'MODIFIED' ? `
        <PropertyDifferences>${differences.map((difference) => `
          <member>
            <PropertyPath>${escapeXml(difference.path)}</PropertyPath>
            <ExpectedValue>${escapeXml(difference.expected)}</ExpectedValue>
            <ActualValue>${escapeXml(difference.actual)}</ActualValue>
            <DifferenceType>${difference.type ?? 'NOT_EQUAL'}</DifferenceType>
          </member>`).join('')}
        </PropertyDifferences>` : ''}
        <StackResourceDriftStatus>${status}</StackResourceDriftStatus>
        <Timestamp>${timestamp.toISOString()}</Timestamp>
      </member>`;
}

/**
 * The property value of a difference's text, as CloudFormation writes values there: JSON for an object or a
 * list, the number or boolean as text where the template has a number or boolean, else the string.
 */
function propertyValue(text: string, templateValue: unknown): unknown {
  if (!/^\s*[[{]/.test(text) && typeof templateValue !== 'number' && typeof templateValue !== 'boolean') return text;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' ? text : value;
  } catch {
    return text;
  }
}

/** The value at a JSON pointer, or undefined. */
function getPointer(root: unknown, pointer: string): unknown {
  return pointer.split('/').slice(1).map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), root);
}

/** Sets (or, for `undefined`, removes) the value at a JSON pointer (`/ScalingConfig/DesiredSize`, `/Tags/0/Value`). */
function setPointer(root: unknown, pointer: string, value: unknown): void {
  const keys = pointer.split('/').slice(1).map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (keys.length === 0) return;
  let node = root as Record<string, unknown>;
  for (const [i, key] of keys.slice(0, -1).entries()) {
    if (typeof node[key] !== 'object' || node[key] === null) {
      if (value === undefined) return;
      node[key] = /^\d+$/.test(keys[i + 1]) ? [] : {};
    }
    node = node[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (value !== undefined) node[last] = value;
  else if (Array.isArray(node)) node.splice(Number(last), 1);
  else delete node[last];
}

/** The `health` of an EKS cluster, node group or add-on. */
function healthOf(issues: FakeHealthIssue[] | undefined): { issues: { code: string; message: string; resourceIds: string[] }[] } {
  return { issues: (issues ?? []).map((issue) => ({ code: issue.code, message: issue.message, resourceIds: issue.resourceIds ?? [] })) };
}

function templateBody(template: unknown): string {
  return typeof template === 'string' ? template : JSON.stringify(template);
}

function listOf<T>(items: number | T[] | undefined): Partial<T>[] {
  if (typeof items === 'number') return Array.from({ length: items }, () => ({}));
  return items ?? [];
}

/** A page of `items` from the opaque token (here an offset) on, and the token of the next page. */
function paginate<T>(items: T[], maxResults: string | null, token: string | null): { page: T[]; nextToken?: string } {
  const start = Math.max(0, Number(token ?? 0) || 0);
  const size = maxResults ? Math.max(1, Number(maxResults) || items.length) : items.length;
  const end = start + size;
  return { page: items.slice(start, end), nextToken: end < items.length ? String(end) : undefined };
}

/** The On-Demand offer term and the hourly rate of the Price List (the codes AWS uses for every On-Demand price). */
const ON_DEMAND_TERM = 'JRTCKXETXF';
const ON_DEMAND_RATE = '6YS6EN2CT7';

/** The Price List document (`aws_v1`) of a product: its product part, service code, one On-Demand term with one price dimension. */
function priceListDocument(product: FakePriceProduct, sku: string): unknown {
  const term = `${sku}.${ON_DEMAND_TERM}`;
  const rateCode = `${term}.${ON_DEMAND_RATE}`;
  return {
    product: {
      ...(product.productFamily !== undefined ? { productFamily: product.productFamily } : {}),
      attributes: { servicecode: product.serviceCode, ...product.attributes },
      sku,
    },
    serviceCode: product.serviceCode,
    terms: {
      OnDemand: {
        [term]: {
          priceDimensions: {
            [rateCode]: {
              unit: product.unit,
              endRange: 'Inf',
              description: `$${product.usd} per ${product.unit}`,
              appliesTo: [],
              rateCode,
              beginRange: '0',
              pricePerUnit: { USD: product.usd },
            },
          },
          sku,
          effectiveDate: '2024-01-01T00:00:00Z',
          offerTermCode: ON_DEMAND_TERM,
          termAttributes: {},
        },
      },
    },
    version: '20240115100000',
    publicationDate: '2024-01-15T10:00:00Z',
  };
}

function hexId(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * The version the fake offers (as EKS's default) for an add-on the product's table has no
 * verified version of.
 */
export const FAKE_DEFAULT_ADDON_VERSION = 'v1.0.0-eksbuild.1';

/**
 * What EKS offers when a test says nothing: the product's add-on table, and
 * `FAKE_DEFAULT_ADDON_VERSION` for each add-on the table has no version of.
 */
function tableOffer(): Record<string, Record<string, string[]>> {
  return Object.fromEntries(Object.entries(ADDON_NAMES).map(([key, name]) => [name,
    Object.fromEntries(Object.entries(ADDON_VERSIONS).map(([kubernetesVersion, row]) => [kubernetesVersion,
      [row[key as AddonKey] ?? FAKE_DEFAULT_ADDON_VERSION]]))]));
}
