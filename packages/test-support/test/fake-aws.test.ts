import {
  CloudFormationClient, CloudFormationServiceException, DescribeStackDriftDetectionStatusCommand, DescribeStackResourceDriftsCommand,
  DescribeStacksCommand, DetectStackDriftCommand, GetTemplateCommand, ListImportsCommand,
} from '@aws-sdk/client-cloudformation';
import {
  DescribeAddressesCommand, DescribeRouteTablesCommand, DescribeSpotPriceHistoryCommand, DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client,
  EC2ServiceException, paginateDescribeSpotPriceHistory, paginateDescribeVpcs,
} from '@aws-sdk/client-ec2';
import {
  DescribeAddonCommand, DescribeClusterCommand, DescribeClusterVersionsCommand, type DescribeClusterVersionsCommandInput, DescribeInsightCommand,
  DescribeNodegroupCommand, DescribeUpdateCommand, EKSClient, ListClustersCommand, ListInsightsCommand, ListNodegroupsCommand, ListUpdatesCommand,
  paginateListClusters, paginateListInsights, ResourceNotFoundException, UpdateClusterConfigCommand,
} from '@aws-sdk/client-eks';
import {
  GetProductsCommand, NotFoundException as PriceListNotFoundException, paginateGetProducts, PricingClient, PricingServiceException,
} from '@aws-sdk/client-pricing';
import {
  AccessDeniedException, GetServiceQuotaCommand, NoSuchResourceException, ServiceQuotasClient,
} from '@aws-sdk/client-service-quotas';
import { GetParameterCommand, GetParametersByPathCommand, paginateGetParametersByPath, ParameterNotFound, SSMClient } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { FakeAws, FakeAwsOptions, FakePriceProduct, FakeResourceDrift, FakeSpotPrice } from '../src';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

// Each operation of the fake, driven by the real SDK client: what the client serialises, the
// fake routes by the SigV4 credential scope and answers in the wire format the client parses.
const ACCOUNT = '123456789012';
const KEY = 'AKIAALICEEXAMPLE0001';
const credentials = { accessKeyId: KEY, secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const region = 'eu-west-1';

const networkTemplate = {
  Description: 'team-a network: a VPC & its "subnets" <2 AZs>',
  Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } } },
  Outputs: { PrivateSubnetA: { Value: { Ref: 'Vpc' }, Export: { Name: 'team-a-private-subnet-a' } } },
};

const aws = new FakeAws({ [KEY]: { account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/alice` } }, [], {
  stacks: {
    'team-a-network': {
      template: networkTemplate,
      status: 'UPDATE_COMPLETE',
      creationTime: new Date('2025-03-01T12:00:00Z'),
      outputs: [{ key: 'PrivateSubnetA', value: 'subnet-0123', exportName: 'team-a-private-subnet-a' }],
    },
    'team-a-cluster': { template: 'Resources:\n  Cluster:\n    Type: AWS::EKS::Cluster\n' },
  },
  imports: { 'team-a-private-subnet-a': ['team-a-cluster', 'team-a-nodegroup'] },
  vpcs: [{ vpcId: 'vpc-default', cidrBlock: '172.31.0.0/16', isDefault: true }, {}, {}, {}, {}, {}, { ownerId: '210987654321' }],
  elasticIps: 3,
  subnets: [{ subnetId: 'subnet-0123456789abcdef0', vpcId: 'vpc-0a000000000000002', availabilityZone: 'eu-west-1a', tags: { 'kubernetes.io/role/internal-elb': '1' } }],
  clusters: ['alpha', 'beta', 'gamma'],
  quotas: { 'vpc/L-F678F1CE': 5, 'ec2/L-0263D0A3': 10 },
  unreadableQuotas: ['eks/L-1194D53C'],
});
let endpoint = '';
const clients: { destroy(): void }[] = [];

/** A real client of the fake, with fake static keys; destroyed after the tests. */
function client<T extends { destroy(): void }>(Client: new (config: object) => T): T {
  const made = new Client({ region, endpoint, credentials });
  clients.push(made);
  return made;
}

/** The error a promise rejects with (failing the test if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<Error & { $metadata: { httpStatusCode?: number } }> {
  const error = await promise.then(() => undefined, (e) => e);
  expect(error).toBeInstanceOf(Error);
  return error;
}

beforeAll(async () => {
  endpoint = await aws.start();
});

afterAll(async () => {
  for (const made of clients) made.destroy();
  await aws.stop();
});

beforeEach(() => aws.requests.splice(0));

describe('CloudFormation (awsQuery)', () => {
  test('DescribeStacks of a deployed stack: its id, status, times and outputs', async () => {
    const { Stacks } = await client(CloudFormationClient).send(new DescribeStacksCommand({ StackName: 'team-a-network' }));
    expect(Stacks).toEqual([{
      StackId: `arn:aws:cloudformation:eu-west-1:${ACCOUNT}:stack/team-a-network/6b5f8a40-0000-4000-8000-000000000001`,
      StackName: 'team-a-network',
      Description: networkTemplate.Description,
      CreationTime: new Date('2025-03-01T12:00:00Z'),
      LastUpdatedTime: new Date('2025-03-01T12:00:00Z'),
      StackStatus: 'UPDATE_COMPLETE',
      DisableRollback: false,
      NotificationARNs: [],
      Outputs: [{ OutputKey: 'PrivateSubnetA', OutputValue: 'subnet-0123', ExportName: 'team-a-private-subnet-a' }],
      Tags: [],
      EnableTerminationProtection: false,
      DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
    }]);
    const request = aws.requests[0];
    expect(request).toMatchObject({ method: 'POST', service: 'cloudformation', action: 'DescribeStacks', path: '/' });
    expect(request.authorization).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${KEY}/\\d{8}/eu-west-1/cloudformation/aws4_request`));
  });

  test('DescribeStacks by stack id, and of all stacks', async () => {
    const cfn = client(CloudFormationClient);
    const all = await cfn.send(new DescribeStacksCommand({}));
    expect(all.Stacks?.map((s) => [s.StackName, s.StackStatus])).toEqual([['team-a-network', 'UPDATE_COMPLETE'], ['team-a-cluster', 'CREATE_COMPLETE']]);
    const byId = await cfn.send(new DescribeStacksCommand({ StackName: all.Stacks?.[1].StackId }));
    expect(byId.Stacks?.map((s) => s.StackName)).toEqual(['team-a-cluster']);
  });

  test('DescribeStacks of a stack that is not deployed: 400 ValidationError', async () => {
    const error = await rejection(client(CloudFormationClient).send(new DescribeStacksCommand({ StackName: 'team-a-nodegroup' })));
    expect(error).toBeInstanceOf(CloudFormationServiceException);
    expect(error).toMatchObject({ name: 'ValidationError', message: 'Stack with id team-a-nodegroup does not exist', $metadata: { httpStatusCode: 400 } });
  });

  test('GetTemplate: the deployed template, XML-escaped on the wire, exact in the client', async () => {
    const cfn = client(CloudFormationClient);
    const network = await cfn.send(new GetTemplateCommand({ StackName: 'team-a-network' }));
    expect(JSON.parse(network.TemplateBody ?? '')).toEqual(networkTemplate);
    expect(network.StagesAvailable).toEqual(['Original', 'Processed']);
    const cluster = await cfn.send(new GetTemplateCommand({ StackName: 'team-a-cluster' }));
    expect(cluster.TemplateBody).toBe('Resources:\n  Cluster:\n    Type: AWS::EKS::Cluster\n');
    const error = await rejection(cfn.send(new GetTemplateCommand({ StackName: 'team-a-nodegroup' })));
    expect(error).toMatchObject({ name: 'ValidationError', message: 'Stack with id team-a-nodegroup does not exist' });
  });

  test('ListImports: the importing stacks; none is a 400 ValidationError, as AWS answers', async () => {
    const cfn = client(CloudFormationClient);
    const { Imports } = await cfn.send(new ListImportsCommand({ ExportName: 'team-a-private-subnet-a' }));
    expect(Imports).toEqual(['team-a-cluster', 'team-a-nodegroup']);
    const error = await rejection(cfn.send(new ListImportsCommand({ ExportName: 'team-a-private-subnet-b' })));
    expect(error).toMatchObject({ name: 'ValidationError', message: "Export 'team-a-private-subnet-b' is not imported by any stack." });
    expect(aws.requests.map((r) => r.action)).toEqual(['ListImports', 'ListImports']);
  });
});

describe('EC2 (ec2Query)', () => {
  test('DescribeVpcs: every VPC, with made-up ids and CIDRs where the test gives none', async () => {
    const { Vpcs, NextToken } = await client(EC2Client).send(new DescribeVpcsCommand({}));
    expect(NextToken).toBeUndefined();
    expect(Vpcs).toHaveLength(7);
    expect(Vpcs?.[0]).toMatchObject({ VpcId: 'vpc-default', CidrBlock: '172.31.0.0/16', IsDefault: true, State: 'available', OwnerId: ACCOUNT });
    expect(Vpcs?.[1]).toEqual({
      VpcId: 'vpc-0a000000000000002',
      OwnerId: ACCOUNT,
      State: 'available',
      CidrBlock: '10.2.0.0/16',
      CidrBlockAssociationSet: [{ CidrBlock: '10.2.0.0/16', AssociationId: 'vpc-cidr-assoc-0a000000000000002', CidrBlockState: { State: 'associated' } }],
      DhcpOptionsId: 'dopt-0c000000000000001',
      InstanceTenancy: 'default',
      IsDefault: false,
    });
    expect(Vpcs?.[6].OwnerId).toBe('210987654321');
    expect(aws.requests[0]).toMatchObject({ service: 'ec2', action: 'DescribeVpcs' });
  });

  test('DescribeVpcs pages by MaxResults and NextToken', async () => {
    const pages = [];
    for await (const page of paginateDescribeVpcs({ client: client(EC2Client), pageSize: 5 }, {})) pages.push(page.Vpcs?.length);
    expect(pages).toEqual([5, 2]);
    expect(aws.requests.map((r) => new URLSearchParams(r.body).get('NextToken'))).toEqual([null, '5']);
  });

  test('DescribeAddresses: the Elastic IPs, in the VPC domain', async () => {
    const { Addresses } = await client(EC2Client).send(new DescribeAddressesCommand({}));
    expect(Addresses?.map((a) => [a.AllocationId, a.PublicIp, a.Domain])).toEqual([
      ['eipalloc-0b000000000000001', '203.0.113.1', 'vpc'],
      ['eipalloc-0b000000000000002', '203.0.113.2', 'vpc'],
      ['eipalloc-0b000000000000003', '203.0.113.3', 'vpc'],
    ]);
  });

  test('an operation the fake does not speak: 400 InvalidAction in the EC2 error shape', async () => {
    const error = await rejection(client(EC2Client).send(new DescribeRouteTablesCommand({})));
    expect(error).toBeInstanceOf(EC2ServiceException);
    expect(error).toMatchObject({ name: 'InvalidAction', message: 'The action DescribeRouteTables is not valid for this web service.' });
  });

  test('DescribeSubnets: the subnets asked for, with zone, VPC and tags; an unknown id fails the call as EC2 does', async () => {
    const { Subnets } = await client(EC2Client).send(new DescribeSubnetsCommand({ SubnetIds: ['subnet-0123456789abcdef0'] }));
    expect(Subnets).toEqual([expect.objectContaining({
      SubnetId: 'subnet-0123456789abcdef0',
      VpcId: 'vpc-0a000000000000002',
      AvailabilityZone: 'eu-west-1a',
      State: 'available',
      Tags: [{ Key: 'kubernetes.io/role/internal-elb', Value: '1' }],
    })]);
    const error = await rejection(client(EC2Client).send(new DescribeSubnetsCommand({ SubnetIds: ['subnet-0123456789abcdef0', 'subnet-0000000f'] })));
    expect(error).toMatchObject({ name: 'InvalidSubnetID.NotFound', message: 'The subnet ID \'subnet-0000000f\' does not exist', $metadata: { httpStatusCode: 400 } });
  });
});

describe('EKS (restJson1)', () => {
  test('ListClusters: GET /clusters', async () => {
    const { clusters, nextToken } = await client(EKSClient).send(new ListClustersCommand({}));
    expect({ clusters, nextToken }).toEqual({ clusters: ['alpha', 'beta', 'gamma'], nextToken: undefined });
    expect(aws.requests[0]).toMatchObject({ method: 'GET', service: 'eks', action: 'ListClusters', path: '/clusters' });
  });

  test('ListClusters pages by maxResults and nextToken', async () => {
    const pages = [];
    for await (const page of paginateListClusters({ client: client(EKSClient), pageSize: 2 }, {})) pages.push(page.clusters);
    expect(pages).toEqual([['alpha', 'beta'], ['gamma']]);
    expect(aws.requests.map((r) => r.path)).toEqual(['/clusters?maxResults=2', '/clusters?maxResults=2&nextToken=2']);
  });
});

describe('Service Quotas (awsJson1_1)', () => {
  test('GetServiceQuota: the applied value', async () => {
    const { Quota } = await client(ServiceQuotasClient).send(new GetServiceQuotaCommand({ ServiceCode: 'vpc', QuotaCode: 'L-F678F1CE' }));
    expect(Quota).toEqual({
      ServiceCode: 'vpc',
      ServiceName: 'Amazon Virtual Private Cloud (Amazon VPC)',
      QuotaArn: `arn:aws:servicequotas:eu-west-1:${ACCOUNT}:vpc/L-F678F1CE`,
      QuotaCode: 'L-F678F1CE',
      QuotaName: 'VPCs per Region',
      Value: 5,
      Unit: 'None',
      Adjustable: true,
      GlobalQuota: false,
      QuotaAppliedAtLevel: 'ACCOUNT',
    });
    const request = aws.requests[0];
    expect(request).toMatchObject({ method: 'POST', service: 'servicequotas', action: 'GetServiceQuota' });
    expect(JSON.parse(request.body)).toEqual({ ServiceCode: 'vpc', QuotaCode: 'L-F678F1CE' });
  });

  test('a quota the test denies: AccessDeniedException', async () => {
    const error = await rejection(client(ServiceQuotasClient).send(new GetServiceQuotaCommand({ ServiceCode: 'eks', QuotaCode: 'L-1194D53C' })));
    expect(error).toBeInstanceOf(AccessDeniedException);
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.message).toBe(`User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: servicequotas:GetServiceQuota `
      + `on resource: arn:aws:servicequotas:eu-west-1:${ACCOUNT}:eks/L-1194D53C with an explicit deny in a service control policy`);
  });

  test('a quota the test does not describe: NoSuchResourceException', async () => {
    const error = await rejection(client(ServiceQuotasClient).send(new GetServiceQuotaCommand({ ServiceCode: 'ec2', QuotaCode: 'L-0000000' })));
    expect(error).toBeInstanceOf(NoSuchResourceException);
    expect(error.$metadata.httpStatusCode).toBe(404);
    expect(error.message).toBe('The request failed because the specified service does not exist.');
  });
});

describe('one endpoint for all services', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  });

  test('AWS_ENDPOINT_URL: each client reaches the fake, routed by the service it signs for', async () => {
    process.env.AWS_ENDPOINT_URL = endpoint;
    process.env.AWS_CONFIG_FILE = `${__dirname}/no-such-aws-config`;
    const make = <T extends { destroy(): void }>(Client: new (config: object) => T): T => {
      const made = new Client({ region, credentials });
      clients.push(made);
      return made;
    };
    const identity = await make(STSClient).send(new GetCallerIdentityCommand({}));
    const stacks = await make(CloudFormationClient).send(new DescribeStacksCommand({ StackName: 'team-a-cluster' }));
    const addresses = await make(EC2Client).send(new DescribeAddressesCommand({}));
    const clusters = await make(EKSClient).send(new ListClustersCommand({}));
    const quota = await make(ServiceQuotasClient).send(new GetServiceQuotaCommand({ ServiceCode: 'ec2', QuotaCode: 'L-0263D0A3' }));
    expect([identity.Account, stacks.Stacks?.[0].StackStatus, addresses.Addresses?.length, clusters.clusters?.length, quota.Quota?.Value])
      .toEqual([ACCOUNT, 'CREATE_COMPLETE', 3, 3, 10]);
    expect(aws.requests.map((r) => `${r.service}:${r.action}`)).toEqual([
      'sts:GetCallerIdentity', 'cloudformation:DescribeStacks', 'ec2:DescribeAddresses', 'eks:ListClusters', 'servicequotas:GetServiceQuota',
    ]);
  });
});

/** A fake of its own for a test: started, handed with its endpoint to the body, stopped (with its clients) whatever happens. */
async function withFake<T>(
  options: FakeAwsOptions,
  body: (fake: FakeAws, make: <C extends { destroy(): void }>(Client: new (config: object) => C) => C, url: string) => Promise<T>,
): Promise<T> {
  const fake = new FakeAws({ [KEY]: { account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/alice` } }, [], options);
  const url = await fake.start();
  const made: { destroy(): void }[] = [];
  try {
    return await body(fake, (Client) => {
      const c = new Client({ region, endpoint: url, credentials });
      made.push(c);
      return c;
    }, url);
  } finally {
    for (const c of made) c.destroy();
    await fake.stop();
  }
}

describe('CloudFormation drift detection (awsQuery)', () => {
  const nodegroupTemplate = {
    Resources: {
      Nodegroup: { Type: 'AWS::EKS::Nodegroup', Properties: { ScalingConfig: { MinSize: 1, MaxSize: 3, DesiredSize: 2 }, Labels: { team: 'a' } } },
      LaunchTemplate: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { ImageId: 'ami-1' } } },
      Role: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'team-a-node' } },
    },
  };
  const drift: FakeResourceDrift[] = [
    {
      logicalId: 'Nodegroup',
      type: 'AWS::EKS::Nodegroup',
      physicalId: 'team-a/ng-1',
      status: 'MODIFIED',
      differences: [
        { path: '/ScalingConfig/DesiredSize', expected: '2', actual: '5' },
        { path: '/Labels/extra', expected: '', actual: 'yes', type: 'ADD' },
        { path: '/Labels/team', expected: 'a', actual: '', type: 'REMOVE' },
      ],
    },
    { logicalId: 'Role', type: 'AWS::IAM::Role', physicalId: 'team-a-node', status: 'DELETED' },
  ];
  const stacks = {
    'team-a-nodegroup': { template: nodegroupTemplate, drift },
    'team-a-network': { template: networkTemplate },
    'team-a-slow': { template: networkTemplate, driftDetection: 'IN_PROGRESS' as const },
    'team-a-broken': { template: nodegroupTemplate, drift, driftDetection: 'FAILED' as const },
  };

  test('DetectStackDrift, then DescribeStackDriftDetectionStatus: DRIFTED with the count of drifted resources', async () => {
    await withFake({ stacks }, async (fake, make) => {
      const cfn = make(CloudFormationClient);
      const { StackDriftDetectionId } = await cfn.send(new DetectStackDriftCommand({ StackName: 'team-a-nodegroup' }));
      expect(StackDriftDetectionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      const again = await cfn.send(new DetectStackDriftCommand({ StackName: 'team-a-nodegroup' }));
      expect(again.StackDriftDetectionId).not.toBe(StackDriftDetectionId);
      const status = await cfn.send(new DescribeStackDriftDetectionStatusCommand({ StackDriftDetectionId }));
      expect(status).toEqual(expect.objectContaining({
        StackId: `arn:aws:cloudformation:eu-west-1:${ACCOUNT}:stack/team-a-nodegroup/6b5f8a40-0000-4000-8000-000000000001`,
        StackDriftDetectionId,
        StackDriftStatus: 'DRIFTED',
        DetectionStatus: 'DETECTION_COMPLETE',
        DriftedStackResourceCount: 2,
        Timestamp: expect.any(Date),
      }));
      expect(status.DetectionStatusReason).toBeUndefined();
      expect(fake.requests.map((r) => r.action)).toEqual(['DetectStackDrift', 'DetectStackDrift', 'DescribeStackDriftDetectionStatus']);
    });
  });

  test('a stack in sync, a detection that never ends, a detection that fails', async () => {
    await withFake({ stacks }, async (_fake, make) => {
      const cfn = make(CloudFormationClient);
      const statusOf = async (StackName: string) => {
        const { StackDriftDetectionId } = await cfn.send(new DetectStackDriftCommand({ StackName }));
        return cfn.send(new DescribeStackDriftDetectionStatusCommand({ StackDriftDetectionId }));
      };
      expect(await statusOf('team-a-network')).toMatchObject({ StackDriftStatus: 'IN_SYNC', DetectionStatus: 'DETECTION_COMPLETE', DriftedStackResourceCount: 0 });
      const slow = await statusOf('team-a-slow');
      expect(slow).toMatchObject({ StackDriftStatus: 'NOT_CHECKED', DetectionStatus: 'DETECTION_IN_PROGRESS' });
      expect(slow.DriftedStackResourceCount).toBeUndefined();
      expect(await statusOf('team-a-broken')).toMatchObject({
        StackDriftStatus: 'DRIFTED',
        DetectionStatus: 'DETECTION_FAILED',
        DetectionStatusReason: 'Failed to detect drift on resources [Nodegroup]: Internal Failure',
      });
    });
  });

  test('DescribeStackResourceDrifts: every resource of the template, the drifted ones with their differences; by status filter', async () => {
    await withFake({ stacks }, async (_fake, make) => {
      const cfn = make(CloudFormationClient);
      const all = await cfn.send(new DescribeStackResourceDriftsCommand({ StackName: 'team-a-nodegroup' }));
      const stackId = `arn:aws:cloudformation:eu-west-1:${ACCOUNT}:stack/team-a-nodegroup/6b5f8a40-0000-4000-8000-000000000001`;
      expect(all.StackResourceDrifts?.map((d) => [d.LogicalResourceId, d.StackResourceDriftStatus])).toEqual([
        ['LaunchTemplate', 'IN_SYNC'], ['Nodegroup', 'MODIFIED'], ['Role', 'DELETED'],
      ]);
      expect(all.StackResourceDrifts?.[0]).toEqual({
        StackId: stackId,
        LogicalResourceId: 'LaunchTemplate',
        ResourceType: 'AWS::EC2::LaunchTemplate',
        ExpectedProperties: '{"LaunchTemplateData":{"ImageId":"ami-1"}}',
        ActualProperties: '{"LaunchTemplateData":{"ImageId":"ami-1"}}',
        StackResourceDriftStatus: 'IN_SYNC',
        Timestamp: new Date('2024-01-15T10:00:00Z'),
      });
      const modified = all.StackResourceDrifts?.[1];
      expect(modified).toMatchObject({ StackId: stackId, PhysicalResourceId: 'team-a/ng-1', ResourceType: 'AWS::EKS::Nodegroup' });
      expect(JSON.parse(modified?.ExpectedProperties ?? '')).toEqual({ ScalingConfig: { MinSize: 1, MaxSize: 3, DesiredSize: 2 }, Labels: { team: 'a' } });
      expect(JSON.parse(modified?.ActualProperties ?? '')).toEqual({ ScalingConfig: { MinSize: 1, MaxSize: 3, DesiredSize: 5 }, Labels: { extra: 'yes' } });
      expect(modified?.PropertyDifferences).toEqual([
        { PropertyPath: '/ScalingConfig/DesiredSize', ExpectedValue: '2', ActualValue: '5', DifferenceType: 'NOT_EQUAL' },
        { PropertyPath: '/Labels/extra', ExpectedValue: '', ActualValue: 'yes', DifferenceType: 'ADD' },
        { PropertyPath: '/Labels/team', ExpectedValue: 'a', ActualValue: '', DifferenceType: 'REMOVE' },
      ]);
      const deleted = all.StackResourceDrifts?.[2];
      expect(deleted).toMatchObject({ PhysicalResourceId: 'team-a-node', ExpectedProperties: '{"RoleName":"team-a-node"}' });
      expect(deleted?.ActualProperties).toBeUndefined();
      const filtered = await cfn.send(new DescribeStackResourceDriftsCommand({ StackName: 'team-a-nodegroup', StackResourceDriftStatusFilters: ['MODIFIED', 'DELETED'] }));
      expect(filtered.StackResourceDrifts?.map((d) => d.LogicalResourceId)).toEqual(['Nodegroup', 'Role']);
      const detection = await cfn.send(new DetectStackDriftCommand({ StackName: 'team-a-nodegroup' }));
      const status = await cfn.send(new DescribeStackDriftDetectionStatusCommand({ StackDriftDetectionId: detection.StackDriftDetectionId }));
      const after = await cfn.send(new DescribeStackResourceDriftsCommand({ StackName: 'team-a-nodegroup', StackResourceDriftStatusFilters: ['IN_SYNC'] }));
      expect(after.StackResourceDrifts?.map((d) => [d.LogicalResourceId, d.Timestamp])).toEqual([['LaunchTemplate', status.Timestamp]]);
    });
  });

  test('an unknown stack or detection id: 400 ValidationError', async () => {
    await withFake({ stacks }, async (_fake, make) => {
      const cfn = make(CloudFormationClient);
      expect(await rejection(cfn.send(new DetectStackDriftCommand({ StackName: 'team-a-nothing' }))))
        .toMatchObject({ name: 'ValidationError', message: 'Stack with id team-a-nothing does not exist', $metadata: { httpStatusCode: 400 } });
      expect(await rejection(cfn.send(new DescribeStackResourceDriftsCommand({ StackName: 'team-a-nothing' }))))
        .toMatchObject({ name: 'ValidationError', message: 'Stack with id team-a-nothing does not exist' });
      const unknownId = '00000000-0000-4000-8000-000000000000';
      expect(await rejection(cfn.send(new DescribeStackDriftDetectionStatusCommand({ StackDriftDetectionId: unknownId }))))
        .toMatchObject({ name: 'ValidationError', message: `Drift detection with id ${unknownId} does not exist` });
    });
  });

  test('deniedCloudFormationOperations: 403 AccessDenied with IAM\'s message, the other operations answered', async () => {
    await withFake({ stacks, deniedCloudFormationOperations: ['DetectStackDrift'] }, async (_fake, make) => {
      const cfn = make(CloudFormationClient);
      const error = await rejection(cfn.send(new DetectStackDriftCommand({ StackName: 'team-a-network' })));
      expect(error).toMatchObject({
        name: 'AccessDenied',
        message: `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: cloudformation:DetectStackDrift on resource: `
          + `arn:aws:cloudformation:eu-west-1:${ACCOUNT}:stack/team-a-network/* because no identity-based policy allows the cloudformation:DetectStackDrift action`,
        $metadata: { httpStatusCode: 403 },
      });
      expect((await cfn.send(new DescribeStacksCommand({ StackName: 'team-a-network' }))).Stacks).toHaveLength(1);
    });
    await withFake({ stacks, deniedCloudFormationOperations: ['*'] }, async (_fake, make) => {
      const error = await rejection(make(CloudFormationClient).send(new DescribeStacksCommand({})));
      expect(error).toMatchObject({ name: 'AccessDenied', message: expect.stringContaining('cloudformation:DescribeStacks on resource: * because') });
    });
  });
});

describe('EKS clusters, node groups, insights, updates and versions (restJson1)', () => {
  const created = new Date('2025-02-01T08:00:00Z');
  const eksClusters: FakeAwsOptions['eksClusters'] = {
    'team-a': {
      version: '1.32',
      platformVersion: 'eks.9',
      createdAt: created,
      upgradePolicy: 'EXTENDED',
      healthIssues: [{ code: 'Ec2SubnetNotFound', message: 'One or more subnets were deleted.', resourceIds: ['subnet-0123'] }],
      nodegroups: {
        'team-a-ng': {
          version: '1.32',
          releaseVersion: '1.42.0-a1b2c3d4',
          status: 'DEGRADED',
          healthIssues: [{ code: 'AsgInstanceLaunchFailures', message: 'Could not launch Spot Instances.' }],
          updates: [{ id: 'ng-update-1', createdAt: created, params: [{ type: 'ReleaseVersion', value: '1.42.0-a1b2c3d4' }] }],
        },
        'team-a-ondemand': { version: '1.31', releaseVersion: '1.41.0-00000000', capacityType: 'ON_DEMAND', instanceTypes: ['m7i.xlarge'], scaling: { min: 2, max: 4, desired: 3 }, maxUnavailablePercentage: 50 },
      },
      insights: [
        { id: 'a1b2c3d4-0000-4000-8000-000000000001', name: 'Deprecated APIs removed in Kubernetes v1.33', kubernetesVersion: '1.33', status: 'ERROR', reason: 'Deprecated API usage detected', recommendation: 'Update the manifests.' },
        { id: 'a1b2c3d4-0000-4000-8000-000000000002', name: 'Kubelet version skew', kubernetesVersion: '1.33', status: 'PASSING' },
        { id: 'a1b2c3d4-0000-4000-8000-000000000003', name: 'Cluster health issues', category: 'MISCONFIGURATION', kubernetesVersion: '1.32', status: 'WARNING', description: 'A health issue.' },
      ],
      updates: [
        { id: 'update-1', createdAt: created, params: [{ type: 'Version', value: '1.31' }, { type: 'PlatformVersion', value: 'eks.20' }] },
        { id: 'update-2', type: 'VersionUpdate', status: 'InProgress', createdAt: new Date('2025-06-01T00:00:00Z'), params: [{ type: 'Version', value: '1.32' }] },
      ],
    },
  };

  test('ListClusters: the names of clusters and eksClusters, no duplicates', async () => {
    await withFake({ clusters: ['legacy', 'team-a'], eksClusters }, async (_fake, make) => {
      expect((await make(EKSClient).send(new ListClustersCommand({}))).clusters).toEqual(['legacy', 'team-a']);
    });
  });

  test('UpdateClusterConfig turns deletion protection off: InProgress, then DescribeUpdate says how it ended', async () => {
    const protectedClusters: FakeAwsOptions['eksClusters'] = {
      ok: { version: '1.35', deletionProtection: true },
      stuck: { version: '1.35', deletionProtection: true, configUpdateOutcome: 'Failed' },
    };
    await withFake({ eksClusters: protectedClusters }, async (_fake, make) => {
      const eks = make(EKSClient);
      expect((await eks.send(new DescribeClusterCommand({ name: 'ok' }))).cluster?.deletionProtection).toBe(true);
      const { update } = await eks.send(new UpdateClusterConfigCommand({ name: 'ok', deletionProtection: false }));
      expect(update).toMatchObject({ status: 'InProgress', type: 'DeletionProtectionUpdate' });
      expect((await eks.send(new DescribeUpdateCommand({ name: 'ok', updateId: update!.id! }))).update?.status).toBe('Successful');
      expect((await eks.send(new DescribeClusterCommand({ name: 'ok' }))).cluster?.deletionProtection).toBe(false);
      const failed = (await eks.send(new UpdateClusterConfigCommand({ name: 'stuck', deletionProtection: false }))).update!;
      const described = (await eks.send(new DescribeUpdateCommand({ name: 'stuck', updateId: failed.id! }))).update;
      expect(described).toMatchObject({ status: 'Failed', errors: [{ errorCode: 'Unknown' }] });
      expect((await eks.send(new DescribeClusterCommand({ name: 'stuck' }))).cluster?.deletionProtection).toBe(true);
    });
  });

  test('DescribeCluster: version, platform, status, health, upgrade policy; an unknown cluster is 404 ResourceNotFoundException', async () => {
    await withFake({ clusters: ['legacy'], eksClusters }, async (fake, make) => {
      const eks = make(EKSClient);
      const { cluster } = await eks.send(new DescribeClusterCommand({ name: 'team-a' }));
      expect(cluster).toMatchObject({
        name: 'team-a',
        arn: `arn:aws:eks:eu-west-1:${ACCOUNT}:cluster/team-a`,
        version: '1.32',
        platformVersion: 'eks.9',
        status: 'ACTIVE',
        createdAt: created,
        health: { issues: [{ code: 'Ec2SubnetNotFound', message: 'One or more subnets were deleted.', resourceIds: ['subnet-0123'] }] },
        upgradePolicy: { supportType: 'EXTENDED' },
        roleArn: `arn:aws:iam::${ACCOUNT}:role/team-a-cluster`,
        resourcesVpcConfig: { endpointPrivateAccess: true, endpointPublicAccess: false },
        tags: {},
      });
      expect(fake.requests[0]).toMatchObject({ method: 'GET', service: 'eks', action: 'DescribeCluster', path: '/clusters/team-a' });
      for (const name of ['team-b', 'legacy']) {
        const error = await rejection(eks.send(new DescribeClusterCommand({ name })));
        expect(error).toBeInstanceOf(ResourceNotFoundException);
        expect(error).toMatchObject({ name: 'ResourceNotFoundException', message: `No cluster found for name: ${name}.`, $metadata: { httpStatusCode: 404 } });
      }
      const defaults = await withFake({ eksClusters: { bare: { version: '1.33' } } }, async (_f, makeBare) => (await makeBare(EKSClient).send(new DescribeClusterCommand({ name: 'bare' }))).cluster);
      expect(defaults).toMatchObject({ version: '1.33', platformVersion: 'eks.1', status: 'ACTIVE', createdAt: new Date('2024-01-15T10:00:00Z'), health: { issues: [] }, upgradePolicy: { supportType: 'STANDARD' } });
    });
  });

  test('ListNodegroups and DescribeNodegroup: versions, scaling, update config, health; unknown ones are 404 ResourceNotFoundException', async () => {
    await withFake({ eksClusters }, async (fake, make) => {
      const eks = make(EKSClient);
      expect((await eks.send(new ListNodegroupsCommand({ clusterName: 'team-a' }))).nodegroups).toEqual(['team-a-ng', 'team-a-ondemand']);
      const { nodegroup } = await eks.send(new DescribeNodegroupCommand({ clusterName: 'team-a', nodegroupName: 'team-a-ng' }));
      expect(nodegroup).toMatchObject({
        nodegroupName: 'team-a-ng',
        nodegroupArn: expect.stringMatching(new RegExp(`^arn:aws:eks:eu-west-1:${ACCOUNT}:nodegroup/team-a/team-a-ng/`)),
        clusterName: 'team-a',
        version: '1.32',
        releaseVersion: '1.42.0-a1b2c3d4',
        status: 'DEGRADED',
        capacityType: 'SPOT',
        amiType: 'BOTTLEROCKET_x86_64',
        instanceTypes: ['m6i.large'],
        scalingConfig: { minSize: 1, maxSize: 3, desiredSize: 2 },
        updateConfig: { maxUnavailablePercentage: 33 },
        health: { issues: [{ code: 'AsgInstanceLaunchFailures', message: 'Could not launch Spot Instances.', resourceIds: [] }] },
        createdAt: new Date('2024-01-15T10:00:00Z'),
        modifiedAt: new Date('2024-01-15T10:00:00Z'),
        labels: {},
        tags: {},
      });
      const ondemand = (await eks.send(new DescribeNodegroupCommand({ clusterName: 'team-a', nodegroupName: 'team-a-ondemand' }))).nodegroup;
      expect(ondemand).toMatchObject({ capacityType: 'ON_DEMAND', instanceTypes: ['m7i.xlarge'], scalingConfig: { minSize: 2, maxSize: 4, desiredSize: 3 }, updateConfig: { maxUnavailablePercentage: 50 } });
      expect(fake.requests.map((r) => `${r.action} ${r.path}`)).toEqual([
        'ListNodegroups /clusters/team-a/node-groups', 'DescribeNodegroup /clusters/team-a/node-groups/team-a-ng', 'DescribeNodegroup /clusters/team-a/node-groups/team-a-ondemand',
      ]);
      expect(await rejection(eks.send(new DescribeNodegroupCommand({ clusterName: 'team-a', nodegroupName: 'team-a-gone' }))))
        .toMatchObject({ name: 'ResourceNotFoundException', message: 'No node group found for name: team-a-gone.', $metadata: { httpStatusCode: 404 } });
      expect(await rejection(eks.send(new DescribeNodegroupCommand({ clusterName: 'team-b', nodegroupName: 'team-a-ng' }))))
        .toMatchObject({ name: 'ResourceNotFoundException', message: 'No cluster found for name: team-b.' });
    });
  });

  test('DescribeNodegroup: createdAt (and modifiedAt) of the node group, 2024-01-15T10:00:00Z by default', async () => {
    const nodegroupCreated = new Date('2025-05-20T14:30:00Z');
    const clusters: FakeAwsOptions['eksClusters'] = {
      'team-a': {
        version: '1.33',
        nodegroups: {
          'default-ng': { version: '1.33', releaseVersion: '1.42.0-a1b2c3d4' },
          'dated-ng': { version: '1.33', releaseVersion: '1.42.0-a1b2c3d4', createdAt: nodegroupCreated },
        },
      },
    };
    await withFake({ eksClusters: clusters }, async (_fake, make) => {
      const eks = make(EKSClient);
      const byDefault = (await eks.send(new DescribeNodegroupCommand({ clusterName: 'team-a', nodegroupName: 'default-ng' }))).nodegroup;
      expect(byDefault?.createdAt).toEqual(new Date('2024-01-15T10:00:00Z'));
      expect(byDefault?.modifiedAt).toEqual(new Date('2024-01-15T10:00:00Z'));
      const dated = (await eks.send(new DescribeNodegroupCommand({ clusterName: 'team-a', nodegroupName: 'dated-ng' }))).nodegroup;
      expect(dated?.createdAt).toBeInstanceOf(Date);
      expect(dated?.createdAt).toEqual(nodegroupCreated);
      expect(dated?.modifiedAt).toEqual(nodegroupCreated);
    });
  });

  test('ListInsights: POST with a filter of categories, versions and statuses, paginated; DescribeInsight: one with its recommendation', async () => {
    await withFake({ eksClusters }, async (fake, make) => {
      const eks = make(EKSClient);
      const { insights } = await eks.send(new ListInsightsCommand({ clusterName: 'team-a' }));
      expect(insights?.map((i) => i.name)).toEqual(['Deprecated APIs removed in Kubernetes v1.33', 'Kubelet version skew', 'Cluster health issues']);
      expect(insights?.[0]).toEqual({
        id: 'a1b2c3d4-0000-4000-8000-000000000001',
        name: 'Deprecated APIs removed in Kubernetes v1.33',
        category: 'UPGRADE_READINESS',
        kubernetesVersion: '1.33',
        lastRefreshTime: new Date('2024-01-15T10:00:00Z'),
        lastTransitionTime: new Date('2024-01-15T10:00:00Z'),
        description: 'Deprecated APIs removed in Kubernetes v1.33',
        insightStatus: { status: 'ERROR', reason: 'Deprecated API usage detected' },
      });
      expect(fake.requests[0]).toMatchObject({ method: 'POST', action: 'ListInsights', path: '/clusters/team-a/insights' });
      const filtered = await eks.send(new ListInsightsCommand({
        clusterName: 'team-a', filter: { categories: ['UPGRADE_READINESS'], kubernetesVersions: ['1.33'], statuses: ['ERROR', 'WARNING'] },
      }));
      expect(filtered.insights?.map((i) => i.id)).toEqual(['a1b2c3d4-0000-4000-8000-000000000001']);
      expect(JSON.parse(fake.requests[1].body)).toEqual({ filter: { categories: ['UPGRADE_READINESS'], kubernetesVersions: ['1.33'], statuses: ['ERROR', 'WARNING'] } });
      const pages = [];
      for await (const page of paginateListInsights({ client: eks, pageSize: 2 }, { clusterName: 'team-a' })) pages.push(page.insights?.length);
      expect(pages).toEqual([2, 1]);

      const { insight } = await eks.send(new DescribeInsightCommand({ clusterName: 'team-a', id: 'a1b2c3d4-0000-4000-8000-000000000001' }));
      expect(insight).toMatchObject({
        id: 'a1b2c3d4-0000-4000-8000-000000000001',
        category: 'UPGRADE_READINESS',
        insightStatus: { status: 'ERROR', reason: 'Deprecated API usage detected' },
        recommendation: 'Update the manifests.',
        additionalInfo: {},
        resources: [],
        categorySpecificSummary: { deprecationDetails: [], addonCompatibilityDetails: [] },
      });
      expect(await rejection(eks.send(new DescribeInsightCommand({ clusterName: 'team-a', id: 'no-such-insight' }))))
        .toMatchObject({ name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 404 } });
      expect(await rejection(eks.send(new ListInsightsCommand({ clusterName: 'team-b' })))).toMatchObject({ name: 'ResourceNotFoundException' });
    });
  });

  test('ListUpdates and DescribeUpdate, of the cluster or of a node group; an unknown update is 404 ResourceNotFoundException', async () => {
    await withFake({ eksClusters }, async (_fake, make) => {
      const eks = make(EKSClient);
      expect((await eks.send(new ListUpdatesCommand({ name: 'team-a' }))).updateIds).toEqual(['update-1', 'update-2']);
      expect((await eks.send(new ListUpdatesCommand({ name: 'team-a', nodegroupName: 'team-a-ng' }))).updateIds).toEqual(['ng-update-1']);
      expect((await eks.send(new DescribeUpdateCommand({ name: 'team-a', updateId: 'update-1' }))).update).toEqual({
        id: 'update-1',
        status: 'Successful',
        type: 'VersionUpdate',
        params: [{ type: 'Version', value: '1.31' }, { type: 'PlatformVersion', value: 'eks.20' }],
        createdAt: created,
        errors: [],
      });
      expect((await eks.send(new DescribeUpdateCommand({ name: 'team-a', updateId: 'update-2' }))).update).toMatchObject({ status: 'InProgress' });
      expect((await eks.send(new DescribeUpdateCommand({ name: 'team-a', updateId: 'ng-update-1', nodegroupName: 'team-a-ng' }))).update)
        .toMatchObject({ params: [{ type: 'ReleaseVersion', value: '1.42.0-a1b2c3d4' }] });
      expect(await rejection(eks.send(new DescribeUpdateCommand({ name: 'team-a', updateId: 'ng-update-1' }))))
        .toMatchObject({ name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 404 } });
    });
  });

  test('DescribeAddon: an installed add-on with its status and health issues, or just its version', async () => {
    const installedAddons = {
      'team-a': {
        'vpc-cni': 'v1.19.0-eksbuild.1',
        'coredns': { version: 'v1.11.4-eksbuild.2', status: 'DEGRADED', healthIssues: [{ code: 'InsufficientNumberOfReplicas', message: 'The add-on is unhealthy.', resourceIds: ['coredns'] }] },
      },
    };
    await withFake({ installedAddons }, async (_fake, make) => {
      const eks = make(EKSClient);
      expect((await eks.send(new DescribeAddonCommand({ clusterName: 'team-a', addonName: 'vpc-cni' }))).addon)
        .toMatchObject({ addonVersion: 'v1.19.0-eksbuild.1', status: 'ACTIVE', health: { issues: [] } });
      expect((await eks.send(new DescribeAddonCommand({ clusterName: 'team-a', addonName: 'coredns' }))).addon).toMatchObject({
        addonVersion: 'v1.11.4-eksbuild.2',
        status: 'DEGRADED',
        health: { issues: [{ code: 'InsufficientNumberOfReplicas', message: 'The add-on is unhealthy.', resourceIds: ['coredns'] }] },
      });
    });
  });

  test('DescribeClusterVersions: by version list and status, unsupported ones only with includeAll; not answered without clusterVersions', async () => {
    const clusterVersions: FakeAwsOptions['clusterVersions'] = [
      { clusterVersion: '1.33', defaultVersion: true, releaseDate: new Date('2025-05-29T00:00:00Z'), endOfStandardSupportDate: new Date('2026-07-29T00:00:00Z'), endOfExtendedSupportDate: new Date('2027-07-29T00:00:00Z'), defaultPlatformVersion: 'eks.5', kubernetesPatchVersion: '1.33.5' },
      { clusterVersion: '1.30', versionStatus: 'EXTENDED_SUPPORT' },
      { clusterVersion: '1.23', versionStatus: 'UNSUPPORTED' },
    ];
    await withFake({ clusterVersions }, async (fake, make) => {
      const eks = make(EKSClient);
      const all = await eks.send(new DescribeClusterVersionsCommand({}));
      expect(all.clusterVersions?.[0]).toEqual({
        clusterVersion: '1.33',
        clusterType: 'eks',
        defaultPlatformVersion: 'eks.5',
        defaultVersion: true,
        releaseDate: new Date('2025-05-29T00:00:00Z'),
        endOfStandardSupportDate: new Date('2026-07-29T00:00:00Z'),
        endOfExtendedSupportDate: new Date('2027-07-29T00:00:00Z'),
        status: 'STANDARD_SUPPORT',
        versionStatus: 'STANDARD_SUPPORT',
        kubernetesPatchVersion: '1.33.5',
      });
      expect(all.clusterVersions?.map((v) => v.clusterVersion)).toEqual(['1.33', '1.30']);
      const versions = async (input: DescribeClusterVersionsCommandInput) =>
        (await eks.send(new DescribeClusterVersionsCommand(input))).clusterVersions?.map((v) => v.clusterVersion);
      expect(await versions({ includeAll: true })).toEqual(['1.33', '1.30', '1.23']);
      expect(await versions({ versionStatus: 'EXTENDED_SUPPORT' })).toEqual(['1.30']);
      expect(await versions({ clusterVersions: ['1.30', '1.33'] })).toEqual(['1.33', '1.30']);
      expect(await versions({ defaultOnly: true })).toEqual(['1.33']);
      expect(fake.requests[3].path).toBe('/cluster-versions?clusterVersions=1.30&clusterVersions=1.33');
    });
    await withFake({}, async (_fake, make) => {
      expect(await rejection(make(EKSClient).send(new DescribeClusterVersionsCommand({})))).toMatchObject({ name: 'UnknownOperationException', $metadata: { httpStatusCode: 404 } });
    });
  });

  test('deniedEksOperations applies to each new operation: 403 AccessDeniedException', async () => {
    const operations: [string, (eks: EKSClient) => Promise<unknown>][] = [
      ['DescribeCluster', (eks) => eks.send(new DescribeClusterCommand({ name: 'team-a' }))],
      ['DescribeNodegroup', (eks) => eks.send(new DescribeNodegroupCommand({ clusterName: 'team-a', nodegroupName: 'team-a-ng' }))],
      ['ListInsights', (eks) => eks.send(new ListInsightsCommand({ clusterName: 'team-a' }))],
      ['DescribeInsight', (eks) => eks.send(new DescribeInsightCommand({ clusterName: 'team-a', id: 'a1b2c3d4-0000-4000-8000-000000000001' }))],
      ['ListUpdates', (eks) => eks.send(new ListUpdatesCommand({ name: 'team-a' }))],
      ['DescribeUpdate', (eks) => eks.send(new DescribeUpdateCommand({ name: 'team-a', updateId: 'update-1' }))],
      ['DescribeClusterVersions', (eks) => eks.send(new DescribeClusterVersionsCommand({}))],
    ];
    for (const [operation, call] of operations) {
      await withFake({ eksClusters, clusterVersions: [], deniedEksOperations: [operation] }, async (_fake, make) => {
        const error = await rejection(call(make(EKSClient)));
        expect(error).toMatchObject({
          name: 'AccessDeniedException',
          message: `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: eks:${operation}`,
          $metadata: { httpStatusCode: 403 },
        });
      });
    }
  });
});

describe('SSM (awsJson1_1)', () => {
  const name = '/aws/service/bottlerocket/aws-k8s-1.33/x86_64/latest/image_version';

  test('GetParameter: a public parameter, with no account in its ARN; an own parameter with one', async () => {
    await withFake({ ssmParameters: { [name]: '1.42.0-a1b2c3d4', '/team-a/setting': 'on' } }, async (fake, make) => {
      const ssm = make(SSMClient);
      const { Parameter } = await ssm.send(new GetParameterCommand({ Name: name }));
      expect(Parameter).toEqual({
        Name: name,
        Type: 'String',
        Value: '1.42.0-a1b2c3d4',
        Version: 1,
        LastModifiedDate: new Date('2024-01-15T10:00:00Z'),
        ARN: `arn:aws:ssm:eu-west-1::parameter${name}`,
        DataType: 'text',
      });
      expect(fake.requests[0]).toMatchObject({ method: 'POST', service: 'ssm', action: 'GetParameter' });
      expect(JSON.parse(fake.requests[0].body)).toEqual({ Name: name });
      expect((await ssm.send(new GetParameterCommand({ Name: '/team-a/setting' }))).Parameter?.ARN).toBe(`arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/team-a/setting`);
    });
  });

  test('a parameter not there: 400 ParameterNotFound; a denied operation: 400 AccessDeniedException with IAM\'s message', async () => {
    await withFake({}, async (_fake, make) => {
      const error = await rejection(make(SSMClient).send(new GetParameterCommand({ Name: name })));
      expect(error).toBeInstanceOf(ParameterNotFound);
      expect(error).toMatchObject({ name: 'ParameterNotFound', $metadata: { httpStatusCode: 400 } });
    });
    await withFake({ ssmParameters: { [name]: '1.42.0-a1b2c3d4' }, deniedSsmOperations: ['GetParameter'] }, async (_fake, make) => {
      const error = await rejection(make(SSMClient).send(new GetParameterCommand({ Name: name })));
      expect(error).toMatchObject({
        name: 'AccessDeniedException',
        message: `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: ssm:GetParameter on resource: `
          + `arn:aws:ssm:eu-west-1::parameter${name} because no identity-based policy allows the ssm:GetParameter action`,
        $metadata: { httpStatusCode: 400 },
      });
    });
  });

  describe('GetParametersByPath', () => {
    const base = '/aws/service/bottlerocket/aws-k8s-1.33';
    const ssmParameters: FakeAwsOptions['ssmParameters'] = {
      [`${base}/x86_64/latest/image_version`]: '1.42.0-a1b2c3d4',
      [`${base}/x86_64/latest/image_id`]: 'ami-0123456789abcdef0',
      [`${base}/arm64/latest/image_version`]: '1.42.0-a1b2c3d4',
      [`${base}/notes`]: 'direct',
      [base]: 'the path itself is no parameter below it',
      '/aws/service/bottlerocket/aws-k8s-1.330/x86_64/latest/image_version': 'not below the path',
      '/team-a/setting': { value: 'on', lastModified: new Date('2025-04-01T09:30:00Z') },
    };

    test('not recursive: only the parameters directly below the path; recursive: every level below; in name order', async () => {
      await withFake({ ssmParameters }, async (fake, make) => {
        const ssm = make(SSMClient);
        const direct = await ssm.send(new GetParametersByPathCommand({ Path: base }));
        expect(direct).toMatchObject({ Parameters: [{ Name: `${base}/notes`, Value: 'direct' }] });
        expect(direct.NextToken).toBeUndefined();
        expect(fake.requests[0]).toMatchObject({ method: 'POST', service: 'ssm', action: 'GetParametersByPath' });
        expect(JSON.parse(fake.requests[0].body)).toEqual({ Path: base });
        const all = await ssm.send(new GetParametersByPathCommand({ Path: base, Recursive: true }));
        expect(all.Parameters?.map((p) => p.Name)).toEqual([
          `${base}/arm64/latest/image_version`, `${base}/notes`, `${base}/x86_64/latest/image_id`, `${base}/x86_64/latest/image_version`,
        ]);
        expect(all.Parameters?.[3]).toEqual({
          Name: `${base}/x86_64/latest/image_version`,
          Type: 'String',
          Value: '1.42.0-a1b2c3d4',
          Version: 1,
          LastModifiedDate: new Date('2024-01-15T10:00:00Z'),
          ARN: `arn:aws:ssm:eu-west-1::parameter${base}/x86_64/latest/image_version`,
          DataType: 'text',
        });
        const trailing = await ssm.send(new GetParametersByPathCommand({ Path: `${base}/x86_64/`, Recursive: true }));
        expect(trailing.Parameters?.map((p) => p.Name)).toEqual([`${base}/x86_64/latest/image_id`, `${base}/x86_64/latest/image_version`]);
        expect((await ssm.send(new GetParametersByPathCommand({ Path: `${base}/x86_64` }))).Parameters).toEqual([]);
        expect(await ssm.send(new GetParametersByPathCommand({ Path: '/nothing/here', Recursive: true }))).toMatchObject({ Parameters: [] });
      });
    });

    test('an own parameter: the account in its ARN, LastModifiedDate of the object form as a Date; GetParameter too', async () => {
      await withFake({ ssmParameters }, async (_fake, make) => {
        const ssm = make(SSMClient);
        const { Parameters } = await ssm.send(new GetParametersByPathCommand({ Path: '/team-a' }));
        expect(Parameters).toEqual([{
          Name: '/team-a/setting',
          Type: 'String',
          Value: 'on',
          Version: 1,
          LastModifiedDate: new Date('2025-04-01T09:30:00Z'),
          ARN: `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/team-a/setting`,
          DataType: 'text',
        }]);
        expect(Parameters?.[0].LastModifiedDate).toBeInstanceOf(Date);
        const { Parameter } = await ssm.send(new GetParameterCommand({ Name: '/team-a/setting' }));
        expect(Parameter).toMatchObject({ Value: 'on', LastModifiedDate: new Date('2025-04-01T09:30:00Z') });
      });
    });

    test('23 parameters by 10: 3 pages with NextToken, all names in order; the SDK paginator reads them all', async () => {
      const many = Object.fromEntries(Array.from({ length: 23 }, (_, i) => [`/team-a/many/p${String(i).padStart(2, '0')}`, `v${i}`]));
      const names = Object.keys(many).sort();
      await withFake({ ssmParameters: { ...many, '/team-a/other': 'x' } }, async (fake, make) => {
        const ssm = make(SSMClient);
        const pages: string[][] = [];
        let token: string | undefined;
        do {
          const answer = await ssm.send(new GetParametersByPathCommand({ Path: '/team-a/many', MaxResults: 10, NextToken: token }));
          pages.push((answer.Parameters ?? []).map((p) => p.Name!));
          token = answer.NextToken;
        } while (token !== undefined && pages.length < 10);
        expect(pages.map((page) => page.length)).toEqual([10, 10, 3]);
        expect(pages.flat()).toEqual(names);
        fake.requests.splice(0);
        const read: string[] = [];
        for await (const page of paginateGetParametersByPath({ client: ssm, pageSize: 10 }, { Path: '/team-a/many/' })) {
          read.push(...(page.Parameters ?? []).map((p) => p.Name!));
        }
        expect(read).toEqual(names);
        expect(fake.requests.map((r) => JSON.parse(r.body).MaxResults)).toEqual([10, 10, 10]);
        // No MaxResults: 10 a page, as SSM.
        expect((await ssm.send(new GetParametersByPathCommand({ Path: '/team-a/many' }))).Parameters).toHaveLength(10);
      });
    });

    test('MaxResults outside 1 to 10, or a path without its leading slash: 400 ValidationException', async () => {
      await withFake({ ssmParameters }, async (_fake, make) => {
        const ssm = make(SSMClient);
        for (const [MaxResults, constraint] of [[11, 'less than or equal to 10'], [0, 'greater than or equal to 1']] as const) {
          expect(await rejection(ssm.send(new GetParametersByPathCommand({ Path: base, MaxResults })))).toMatchObject({
            name: 'ValidationException',
            message: `1 validation error detected: Value '${MaxResults}' at 'maxResults' failed to satisfy constraint: Member must have value ${constraint}`,
            $metadata: { httpStatusCode: 400 },
          });
        }
        expect(await rejection(ssm.send(new GetParametersByPathCommand({ Path: 'aws/service/bottlerocket' })))).toMatchObject({
          name: 'ValidationException',
          message: expect.stringContaining('must begin with a forward slash'),
          $metadata: { httpStatusCode: 400 },
        });
      });
    });

    test('denied (by name or *): 400 AccessDeniedException with IAM\'s message and the ARN of the path; GetParameter still allowed', async () => {
      for (const deniedSsmOperations of [['GetParametersByPath'], ['*']]) {
        await withFake({ ssmParameters, deniedSsmOperations }, async (_fake, make) => {
          const ssm = make(SSMClient);
          expect(await rejection(ssm.send(new GetParametersByPathCommand({ Path: base, Recursive: true })))).toMatchObject({
            name: 'AccessDeniedException',
            message: `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: ssm:GetParametersByPath on resource: `
              + `arn:aws:ssm:eu-west-1::parameter${base} because no identity-based policy allows the ssm:GetParametersByPath action`,
            $metadata: { httpStatusCode: 400 },
          });
          const own = await rejection(ssm.send(new GetParametersByPathCommand({ Path: '/team-a' })));
          expect(own.message).toContain(`on resource: arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/team-a because`);
          const getParameter = ssm.send(new GetParameterCommand({ Name: '/team-a/setting' }));
          if (deniedSsmOperations[0] === '*') expect(await rejection(getParameter)).toMatchObject({ name: 'AccessDeniedException' });
          else expect((await getParameter).Parameter?.Value).toBe('on');
        });
      }
    });
  });

  test('AWS_ENDPOINT_URL_SSM points the client at the fake', async () => {
    const saved = { ...process.env };
    await withFake({ ssmParameters: { [name]: '1.42.0-a1b2c3d4' } }, async (fake, _make, url) => {
      process.env.AWS_ENDPOINT_URL_SSM = url;
      process.env.AWS_CONFIG_FILE = `${__dirname}/no-such-aws-config`;
      const ssm = new SSMClient({ region, credentials });
      try {
        expect((await ssm.send(new GetParameterCommand({ Name: name }))).Parameter?.Value).toBe('1.42.0-a1b2c3d4');
        expect(fake.requests.map((r) => `${r.service}:${r.action}`)).toEqual(['ssm:GetParameter']);
      } finally {
        ssm.destroy();
        for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
        Object.assign(process.env, saved);
      }
    });
  });
});

describe('AWS Price List Query API (awsJson1_1)', () => {
  const m6iLarge: FakePriceProduct = {
    serviceCode: 'AmazonEC2',
    productFamily: 'Compute Instance',
    attributes: { instanceType: 'm6i.large', regionCode: 'eu-west-1', operatingSystem: 'Linux', tenancy: 'Shared', capacitystatus: 'Used' },
    usd: '0.1070000000',
    unit: 'Hrs',
  };
  const priceListProducts: FakePriceProduct[] = [
    m6iLarge,
    { ...m6iLarge, attributes: { ...m6iLarge.attributes, regionCode: 'us-east-1' }, usd: '0.0960000000' },
    { ...m6iLarge, attributes: { ...m6iLarge.attributes, instanceType: 'm6i.xlarge' }, usd: '0.2140000000', sku: 'ABCDEFGHJKLMNPQR' },
    { ...m6iLarge, attributes: { ...m6iLarge.attributes, instanceType: 'm6i.xlarge', operatingSystem: 'Windows' }, usd: '0.3980000000' },
    { serviceCode: 'AmazonVPC', productFamily: 'NAT Gateway', attributes: { regionCode: 'eu-west-1', usagetype: 'EU-NatGateway-Hours' }, usd: '0.0480000000', unit: 'Hrs' },
    { serviceCode: 'AmazonEC2', productFamily: 'Storage', attributes: { regionCode: 'eu-west-1', volumeApiName: 'gp3' }, usd: '0.0880000000', unit: 'GB-Mo' },
  ];
  const term = (Field: string, Value: string) => ({ Type: 'TERM_MATCH' as const, Field, Value });
  const documents = (priceList: unknown) => (priceList as unknown[] ?? []).map((text) => JSON.parse(String(text)));

  test('GetProducts by two TERM_MATCH filters: each product a Price List document as a JSON string', async () => {
    await withFake({ priceListProducts }, async (fake, make) => {
      const pricing = make(PricingClient);
      const answer = await pricing.send(new GetProductsCommand({
        ServiceCode: 'AmazonEC2', Filters: [term('instanceType', 'm6i.large'), term('regionCode', 'eu-west-1')], FormatVersion: 'aws_v1',
      }));
      expect(answer.FormatVersion).toBe('aws_v1');
      expect(answer.NextToken).toBeUndefined();
      expect(answer.PriceList).toHaveLength(1);
      // The JSON text (the client hands it over as a String object of the SDK's, which JSON.parse takes as it is).
      expect(String(answer.PriceList?.[0])).toMatch(/^\{"product":\{"productFamily":"Compute Instance","attributes":\{"servicecode":"AmazonEC2",/);
      expect(JSON.parse(answer.PriceList?.[0] as unknown as string).serviceCode).toBe('AmazonEC2');
      expect(documents(answer.PriceList)).toEqual([{
        product: {
          productFamily: 'Compute Instance',
          attributes: { servicecode: 'AmazonEC2', ...m6iLarge.attributes },
          sku: 'FAKESKU000000001',
        },
        serviceCode: 'AmazonEC2',
        terms: {
          OnDemand: {
            'FAKESKU000000001.JRTCKXETXF': {
              priceDimensions: {
                'FAKESKU000000001.JRTCKXETXF.6YS6EN2CT7': {
                  unit: 'Hrs',
                  endRange: 'Inf',
                  description: '$0.1070000000 per Hrs',
                  appliesTo: [],
                  rateCode: 'FAKESKU000000001.JRTCKXETXF.6YS6EN2CT7',
                  beginRange: '0',
                  pricePerUnit: { USD: '0.1070000000' },
                },
              },
              sku: 'FAKESKU000000001',
              effectiveDate: '2024-01-01T00:00:00Z',
              offerTermCode: 'JRTCKXETXF',
              termAttributes: {},
            },
          },
        },
        version: '20240115100000',
        publicationDate: '2024-01-15T10:00:00Z',
      }]);
      const request = fake.requests[0];
      expect(request).toMatchObject({ method: 'POST', service: 'pricing', action: 'GetProducts' });
      expect(request.authorization).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${KEY}/\\d{8}/eu-west-1/pricing/aws4_request`));
      expect(JSON.parse(request.body)).toEqual({
        ServiceCode: 'AmazonEC2', Filters: [term('instanceType', 'm6i.large'), term('regionCode', 'eu-west-1')], FormatVersion: 'aws_v1',
      });
    });
  });

  test('fields: ServiceCode, productFamily and attribute names in any case; a given SKU; no filter: all products of the service, in order', async () => {
    await withFake({ priceListProducts }, async (_fake, make) => {
      const pricing = make(PricingClient);
      /** The USD price of each product found: that of the one price dimension of its one On-Demand term. */
      const usd = async (ServiceCode: string, Filters: { Type: 'TERM_MATCH' | 'EQUALS' | 'CONTAINS' | 'ANY_OF' | 'NONE_OF'; Field: string; Value: string }[]) =>
        documents((await pricing.send(new GetProductsCommand({ ServiceCode, Filters }))).PriceList).map((document) => {
          type Term = { priceDimensions: Record<string, { pricePerUnit: { USD: string } }> };
          const [onDemand] = Object.values(document.terms.OnDemand as Record<string, Term>);
          return Object.values(onDemand.priceDimensions)[0].pricePerUnit.USD;
        });
      expect(await usd('AmazonEC2', [])).toEqual(['0.1070000000', '0.0960000000', '0.2140000000', '0.3980000000', '0.0880000000']);
      expect(await usd('AmazonEC2', [term('productFamily', 'Storage')])).toEqual(['0.0880000000']);
      expect(await usd('AmazonEC2', [term('ServiceCode', 'AmazonEC2'), term('INSTANCETYPE', 'm6i.xlarge'), term('operatingSystem', 'Linux')])).toEqual(['0.2140000000']);
      expect(await usd('AmazonVPC', [term('serviceCode', 'AmazonVPC'), term('usagetype', 'EU-NatGateway-Hours')])).toEqual(['0.0480000000']);
      expect(await usd('AmazonEC2', [term('instanceType', 'm6i.2xlarge')])).toEqual([]);
      expect(await usd('AmazonEC2', [{ Type: 'EQUALS', Field: 'regionCode', Value: 'us-east-1' }])).toEqual(['0.0960000000']);
      expect(await usd('AmazonEC2', [{ Type: 'CONTAINS', Field: 'instanceType', Value: 'xlarge' }])).toEqual(['0.2140000000', '0.3980000000']);
      expect(await usd('AmazonEC2', [{ Type: 'ANY_OF', Field: 'operatingSystem', Value: 'Windows, RHEL' }])).toEqual(['0.3980000000']);
      expect(await usd('AmazonEC2', [{ Type: 'NONE_OF', Field: 'instanceType', Value: 'm6i.large,m6i.xlarge' }])).toEqual(['0.0880000000']);
      const [xlarge] = documents((await pricing.send(new GetProductsCommand({ ServiceCode: 'AmazonEC2', Filters: [term('instanceType', 'm6i.xlarge')], MaxResults: 1 }))).PriceList);
      expect(xlarge.product.sku).toBe('ABCDEFGHJKLMNPQR');
      expect(Object.keys(xlarge.terms.OnDemand)).toEqual(['ABCDEFGHJKLMNPQR.JRTCKXETXF']);
    });
  });

  test('MaxResults 1: one product a page with NextToken; the SDK paginator reads them all; MaxResults outside 1 to 100 is InvalidParameterException', async () => {
    await withFake({ priceListProducts }, async (fake, make) => {
      const pricing = make(PricingClient);
      const Filters = [term('regionCode', 'eu-west-1'), term('tenancy', 'Shared')];
      const first = await pricing.send(new GetProductsCommand({ ServiceCode: 'AmazonEC2', Filters, MaxResults: 1 }));
      expect(first.PriceList).toHaveLength(1);
      expect(first.NextToken).toEqual(expect.any(String));
      const second = await pricing.send(new GetProductsCommand({ ServiceCode: 'AmazonEC2', Filters, MaxResults: 1, NextToken: first.NextToken }));
      expect(documents(second.PriceList).map((d) => d.product.attributes.instanceType)).toEqual(['m6i.xlarge']);
      fake.requests.splice(0);
      const skus: string[] = [];
      for await (const page of paginateGetProducts({ client: pricing, pageSize: 1 }, { ServiceCode: 'AmazonEC2', Filters, FormatVersion: 'aws_v1' })) {
        expect(page.PriceList).toHaveLength(1);
        skus.push(...documents(page.PriceList).map((d) => d.product.sku));
      }
      expect(skus).toEqual(['FAKESKU000000001', 'ABCDEFGHJKLMNPQR', 'FAKESKU000000004']);
      expect(fake.requests.map((r) => JSON.parse(r.body).NextToken)).toEqual([undefined, '1', '2']);
      for (const MaxResults of [0, 101]) {
        const error = await rejection(pricing.send(new GetProductsCommand({ ServiceCode: 'AmazonEC2', MaxResults })));
        expect(error).toMatchObject({ name: 'InvalidParameterException', $metadata: { httpStatusCode: 400 } });
      }
      expect(await rejection(pricing.send(new GetProductsCommand({ ServiceCode: 'AmazonEC2', NextToken: 'not-a-token' }))))
        .toMatchObject({ name: 'InvalidNextTokenException', $metadata: { httpStatusCode: 400 } });
    });
  });

  test('a service code no product has: 400 NotFoundException; so with no products at all', async () => {
    for (const options of [{ priceListProducts }, {}]) {
      await withFake(options, async (_fake, make) => {
        const error = await rejection(make(PricingClient).send(new GetProductsCommand({ ServiceCode: 'AmazonEKS', Filters: [term('regionCode', 'eu-west-1')] })));
        expect(error).toBeInstanceOf(PriceListNotFoundException);
        expect(error).toMatchObject({ name: 'NotFoundException', message: 'Could not find the service code: AmazonEKS', $metadata: { httpStatusCode: 400 } });
      });
    }
  });

  test('deniedPricingOperations (by name or *): 400 AccessDeniedException with IAM\'s message', async () => {
    for (const deniedPricingOperations of [['GetProducts'], ['*']]) {
      await withFake({ priceListProducts, deniedPricingOperations }, async (_fake, make) => {
        const error = await rejection(make(PricingClient).send(new GetProductsCommand({ ServiceCode: 'AmazonEC2' })));
        expect(error).toBeInstanceOf(PricingServiceException);
        expect(error).toMatchObject({
          name: 'AccessDeniedException',
          message: `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: pricing:GetProducts `
            + 'because no identity-based policy allows the pricing:GetProducts action',
          $metadata: { httpStatusCode: 400 },
        });
      });
    }
  });

  test('AWS_ENDPOINT_URL_PRICING points the client at the fake', async () => {
    const saved = { ...process.env };
    await withFake({ priceListProducts }, async (fake, _make, url) => {
      process.env.AWS_ENDPOINT_URL_PRICING = url;
      process.env.AWS_CONFIG_FILE = `${__dirname}/no-such-aws-config`;
      const pricing = new PricingClient({ region: 'us-east-1', credentials });
      try {
        expect((await pricing.send(new GetProductsCommand({ ServiceCode: 'AmazonVPC' }))).PriceList).toHaveLength(1);
        expect(fake.requests.map((r) => `${r.service}:${r.action}`)).toEqual(['pricing:GetProducts']);
      } finally {
        pricing.destroy();
        for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
        Object.assign(process.env, saved);
      }
    });
  });
});

describe('EC2 DescribeSpotPriceHistory (ec2Query)', () => {
  const at = (time: string) => new Date(`2026-12-01T${time}Z`);
  const spotPrices: FakeSpotPrice[] = [
    { instanceType: 'm6i.large', availabilityZone: 'eu-west-1a', spotPrice: '0.041000', timestamp: at('08:00:00') },
    { instanceType: 'm6i.large', availabilityZone: 'eu-west-1a', spotPrice: '0.042100', timestamp: at('10:00:00') },
    { instanceType: 'm6i.large', availabilityZone: 'eu-west-1b', spotPrice: '0.039800', timestamp: at('09:30:00') },
    { instanceType: 'm6i.xlarge', availabilityZone: 'eu-west-1a', spotPrice: '0.072100', timestamp: at('10:00:00') },
    { instanceType: 'm6i.large', availabilityZone: 'eu-west-1a', spotPrice: '0.090000', timestamp: at('07:00:00'), productDescription: 'Windows' },
    { instanceType: 'm6i.large', availabilityZone: 'us-east-1a', spotPrice: '0.035000', timestamp: at('10:00:00') },
  ];

  test('by instance type and zone: the prices as the real client parses them, newest first', async () => {
    await withFake({ spotPrices }, async (fake, make) => {
      const ec2 = make(EC2Client);
      const answer = await ec2.send(new DescribeSpotPriceHistoryCommand({ InstanceTypes: ['m6i.large'], AvailabilityZone: 'eu-west-1a' }));
      expect(answer.SpotPriceHistory).toEqual([
        { AvailabilityZone: 'eu-west-1a', AvailabilityZoneId: 'euw1-az1', InstanceType: 'm6i.large', ProductDescription: 'Linux/UNIX', SpotPrice: '0.042100', Timestamp: at('10:00:00') },
        { AvailabilityZone: 'eu-west-1a', AvailabilityZoneId: 'euw1-az1', InstanceType: 'm6i.large', ProductDescription: 'Linux/UNIX', SpotPrice: '0.041000', Timestamp: at('08:00:00') },
        { AvailabilityZone: 'eu-west-1a', AvailabilityZoneId: 'euw1-az1', InstanceType: 'm6i.large', ProductDescription: 'Windows', SpotPrice: '0.090000', Timestamp: at('07:00:00') },
      ]);
      expect(answer.SpotPriceHistory?.[0].Timestamp).toBeInstanceOf(Date);
      expect(answer.NextToken).toBe('');
      expect(fake.requests[0]).toMatchObject({ method: 'POST', service: 'ec2', action: 'DescribeSpotPriceHistory' });
      expect(Object.fromEntries(new URLSearchParams(fake.requests[0].body))).toMatchObject({ 'InstanceType.1': 'm6i.large', 'AvailabilityZone': 'eu-west-1a' });
      const linux = await ec2.send(new DescribeSpotPriceHistoryCommand({ InstanceTypes: ['m6i.large', 'm6i.xlarge'], ProductDescriptions: ['Linux/UNIX'] }));
      expect(linux.SpotPriceHistory?.map((p) => [p.AvailabilityZone, p.InstanceType, p.SpotPrice])).toEqual([
        ['eu-west-1a', 'm6i.large', '0.042100'], ['eu-west-1a', 'm6i.xlarge', '0.072100'], ['eu-west-1b', 'm6i.large', '0.039800'], ['eu-west-1a', 'm6i.large', '0.041000'],
      ]);
      const byZoneId = await ec2.send(new DescribeSpotPriceHistoryCommand({ AvailabilityZoneId: 'euw1-az2' }));
      expect(byZoneId.SpotPriceHistory?.map((p) => [p.AvailabilityZone, p.SpotPrice])).toEqual([['eu-west-1b', '0.039800']]);
    });
  });

  test('StartTime and EndTime: the prices in effect in that time, so StartTime now is the current price of each zone', async () => {
    await withFake({ spotPrices }, async (_fake, make) => {
      const ec2 = make(EC2Client);
      const prices = async (input: { StartTime?: Date; EndTime?: Date }) => ((await ec2.send(new DescribeSpotPriceHistoryCommand({
        InstanceTypes: ['m6i.large'], ProductDescriptions: ['Linux/UNIX'], ...input,
      }))).SpotPriceHistory ?? []).map((p) => `${p.AvailabilityZone} ${p.SpotPrice}`);
      expect(await prices({ StartTime: at('12:00:00') })).toEqual(['eu-west-1a 0.042100', 'eu-west-1b 0.039800']);
      expect(await prices({ StartTime: at('09:00:00'), EndTime: at('09:45:00') })).toEqual(['eu-west-1b 0.039800', 'eu-west-1a 0.041000']);
      expect(await prices({ EndTime: at('09:00:00') })).toEqual(['eu-west-1a 0.041000']);
      expect(await prices({ StartTime: at('10:00:00'), EndTime: at('10:00:00') })).toEqual(['eu-west-1a 0.042100', 'eu-west-1b 0.039800']);
    });
  });

  test('region scoping: a region sees only the prices of its zones', async () => {
    await withFake({ spotPrices: [...spotPrices, { instanceType: 'm6i.large', availabilityZone: 'eu-west-10a', spotPrice: '1.000000', timestamp: at('10:00:00') }] },
      async (_fake, _make, url) => {
        const zones = async (of: string) => {
          const ec2 = new EC2Client({ region: of, endpoint: url, credentials });
          try {
            return ((await ec2.send(new DescribeSpotPriceHistoryCommand({ InstanceTypes: ['m6i.large'] }))).SpotPriceHistory ?? []).map((p) => p.AvailabilityZone);
          } finally {
            ec2.destroy();
          }
        };
        expect(await zones('eu-west-1')).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1a', 'eu-west-1a']);
        expect(await zones('us-east-1')).toEqual(['us-east-1a']);
        expect(await zones('ap-south-1')).toEqual([]);
      });
  });

  test('pages by MaxResults and NextToken; the SDK paginator reads them all', async () => {
    await withFake({ spotPrices }, async (fake, make) => {
      const ec2 = make(EC2Client);
      const pages: string[][] = [];
      for await (const page of paginateDescribeSpotPriceHistory({ client: ec2, pageSize: 2 }, {})) {
        pages.push((page.SpotPriceHistory ?? []).map((p) => p.SpotPrice!));
      }
      expect(pages).toEqual([['0.042100', '0.072100'], ['0.039800', '0.041000'], ['0.090000']]);
      expect(fake.requests.map((r) => new URLSearchParams(r.body).get('NextToken'))).toEqual([null, '2', '4']);
      expect((await ec2.send(new DescribeSpotPriceHistoryCommand({}))).SpotPriceHistory).toHaveLength(5);
    });
    await withFake({}, async (_fake, make) => {
      expect((await make(EC2Client).send(new DescribeSpotPriceHistoryCommand({}))).SpotPriceHistory).toEqual([]);
    });
  });

  test('deniedEc2Operations: 403 UnauthorizedOperation', async () => {
    for (const deniedEc2Operations of [['DescribeSpotPriceHistory'], ['*']]) {
      await withFake({ spotPrices, deniedEc2Operations }, async (_fake, make) => {
        const error = await rejection(make(EC2Client).send(new DescribeSpotPriceHistoryCommand({ InstanceTypes: ['m6i.large'] })));
        expect(error).toBeInstanceOf(EC2ServiceException);
        expect(error).toMatchObject({
          name: 'UnauthorizedOperation',
          message: expect.stringContaining(`User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: ec2:DescribeSpotPriceHistory`),
          $metadata: { httpStatusCode: 403 },
        });
      });
    }
  });
});
