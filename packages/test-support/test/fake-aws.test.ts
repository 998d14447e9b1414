import {
  CloudFormationClient, CloudFormationServiceException, DescribeStacksCommand, GetTemplateCommand, ListImportsCommand,
} from '@aws-sdk/client-cloudformation';
import {
  DescribeAddressesCommand, DescribeRouteTablesCommand, DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client, EC2ServiceException,
  paginateDescribeVpcs,
} from '@aws-sdk/client-ec2';
import { EKSClient, ListClustersCommand, paginateListClusters } from '@aws-sdk/client-eks';
import {
  AccessDeniedException, GetServiceQuotaCommand, NoSuchResourceException, ServiceQuotasClient,
} from '@aws-sdk/client-service-quotas';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { FakeAws } from '../src';

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
