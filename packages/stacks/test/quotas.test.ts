import * as path from 'path';
import { DescribeAddressesCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { EKSClient, ListClustersCommand } from '@aws-sdk/client-eks';
import {
  AccessDeniedException, GetServiceQuotaCommand, NoSuchResourceException, ServiceQuotasClient, TooManyRequestsException,
} from '@aws-sdk/client-service-quotas';
import { mockClient } from 'aws-sdk-client-mock';
import { FakeAws } from 'bottlerocket-eks-test-support';
import { Settings } from '../src';
import {
  checkQuotas, formatFailure, PreflightClients, PreflightError, QuotaClients, preflightClients, quotaError, QuotaFinding, quotaNeed, QuotaNeed,
} from '../src/preflight';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const ACCOUNT = '123456789012';
const AZS = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
const NONE: QuotaNeed = { vpcs: 0, elasticIps: 0, clusters: 0 };
const metadata = { $metadata: { httpStatusCode: 400 } };

describe('checkQuotas (mocked clients)', () => {
  // Mocks of these instances only: the clients of the FakeAws test below stay real.
  const clients: QuotaClients = {
    ec2: new EC2Client({ region: 'eu-west-1' }),
    eks: new EKSClient({ region: 'eu-west-1' }),
    serviceQuotas: new ServiceQuotasClient({ region: 'eu-west-1' }),
  };
  const ec2 = mockClient(clients.ec2);
  const eks = mockClient(clients.eks);
  const serviceQuotas = mockClient(clients.serviceQuotas);

  /** An account with these quotas (absent: NoSuchResourceException) and this many VPCs, Elastic IPs and clusters (absent: unmocked). */
  function account(quotas: Record<string, number>, usage: { vpcs?: number; elasticIps?: number; clusters?: number }) {
    for (const [code, value] of Object.entries(quotas)) {
      serviceQuotas.on(GetServiceQuotaCommand, { QuotaCode: code }).resolves({ Quota: { QuotaCode: code, Value: value } });
    }
    const many = (n = 0) => Array.from({ length: n }, (_, i) => i);
    if (usage.vpcs !== undefined) ec2.on(DescribeVpcsCommand).resolves({ Vpcs: many(usage.vpcs).map((i) => ({ VpcId: `vpc-${i}`, OwnerId: ACCOUNT })) });
    if (usage.elasticIps !== undefined) {
      ec2.on(DescribeAddressesCommand).resolves({ Addresses: many(usage.elasticIps).map((i) => ({ AllocationId: `eipalloc-${i}`, Domain: 'vpc' })) });
    }
    if (usage.clusters !== undefined) eks.on(ListClustersCommand).resolves({ clusters: many(usage.clusters).map((i) => `cluster-${i}`) });
  }

  beforeEach(() => {
    ec2.reset();
    eks.reset();
    serviceQuotas.reset();
    serviceQuotas.on(GetServiceQuotaCommand).rejects(new NoSuchResourceException({ message: 'The request failed because the specified service does not exist.', ...metadata }));
  });

  afterAll(() => {
    for (const stub of [ec2, eks, serviceQuotas]) stub.restore();
  });

  describe.each([
    ['under', 3, true],
    ['at', 4, true],
    ['over', 5, false],
  ])('VPCs per region, %s the quota', (_, used, ok) => {
    test(`${used} of 5 used, adding 1: ok=${ok}`, async () => {
      account({ 'L-F678F1CE': 5 }, { vpcs: used });
      expect(await checkQuotas(clients, { ...NONE, vpcs: 1 })).toEqual([{
        name: 'VPCs per region', serviceCode: 'vpc', quotaCode: 'L-F678F1CE', quota: 5, source: 'service-quotas', used, adding: 1, ok,
      }]);
    });
  });

  describe.each([
    ['under', 1, true],
    ['at', 2, true],
    ['over', 3, false],
  ])('EC2-VPC Elastic IPs, %s the quota', (_, used, ok) => {
    test(`${used} of 5 used, adding 3 (one per NAT gateway): ok=${ok}`, async () => {
      account({ 'L-0263D0A3': 5 }, { elasticIps: used });
      expect(await checkQuotas(clients, { ...NONE, elasticIps: 3 })).toEqual([{
        name: 'EC2-VPC Elastic IPs', serviceCode: 'ec2', quotaCode: 'L-0263D0A3', quota: 5, source: 'service-quotas', used, adding: 3, ok,
      }]);
    });
  });

  describe.each([
    ['under', 8, true],
    ['at', 9, true],
    ['over', 10, false],
  ])('EKS clusters per region, %s the quota', (_, used, ok) => {
    test(`${used} of 10 used, adding 1: ok=${ok}`, async () => {
      account({ 'L-1194D53C': 10 }, { clusters: used });
      expect(await checkQuotas(clients, { ...NONE, clusters: 1 })).toEqual([{
        name: 'EKS clusters per region', serviceCode: 'eks', quotaCode: 'L-1194D53C', quota: 10, source: 'service-quotas', used, adding: 1, ok,
      }]);
    });
  });

  test('all three, in a fixed order, each asking Service Quotas for its own code', async () => {
    account({ 'L-F678F1CE': 20, 'L-0263D0A3': 20, 'L-1194D53C': 100 }, { vpcs: 2, elasticIps: 1, clusters: 0 });
    const findings = await checkQuotas(clients, { vpcs: 1, elasticIps: 2, clusters: 1 });
    expect(findings.map((f) => [f.name, f.used, f.adding, f.quota, f.ok])).toEqual([
      ['VPCs per region', 2, 1, 20, true],
      ['EC2-VPC Elastic IPs', 1, 2, 20, true],
      ['EKS clusters per region', 0, 1, 100, true],
    ]);
    expect(serviceQuotas.commandCalls(GetServiceQuotaCommand).map((c) => c.args[0].input)).toEqual(expect.arrayContaining([
      { ServiceCode: 'vpc', QuotaCode: 'L-F678F1CE' },
      { ServiceCode: 'ec2', QuotaCode: 'L-0263D0A3' },
      { ServiceCode: 'eks', QuotaCode: 'L-1194D53C' },
    ]));
  });

  test('an unreadable quota falls back to the documented default, and says why', async () => {
    account({}, { vpcs: 5, elasticIps: 0, clusters: 99 });
    serviceQuotas.on(GetServiceQuotaCommand, { QuotaCode: 'L-F678F1CE' })
      .rejects(new AccessDeniedException({ message: 'User: alice is not authorized to perform: servicequotas:GetServiceQuota', ...metadata }));
    const findings = await checkQuotas(clients, { vpcs: 1, elasticIps: 1, clusters: 1 });
    const denied = 'AccessDeniedException: User: alice is not authorized to perform: servicequotas:GetServiceQuota';
    const noSuchQuota = 'NoSuchResourceException: The request failed because the specified service does not exist.';
    expect(findings).toEqual([
      expect.objectContaining({ quotaCode: 'L-F678F1CE', quota: 5, source: 'default', used: 5, ok: false, reason: denied }),
      expect.objectContaining({ quotaCode: 'L-0263D0A3', quota: 5, source: 'default', used: 0, ok: true }),
      expect.objectContaining({ quotaCode: 'L-1194D53C', quota: 100, source: 'default', used: 99, ok: true, reason: noSuchQuota }),
    ]);
  });

  test('other Service Quotas errors are not hidden behind a default', async () => {
    account({}, { vpcs: 1 });
    serviceQuotas.on(GetServiceQuotaCommand).rejects(new TooManyRequestsException({ message: 'Rate exceeded', ...metadata }));
    await expect(checkQuotas(clients, { ...NONE, vpcs: 1 })).rejects.toThrow('Rate exceeded');
  });

  test('ListClusters and DescribeVpcs are followed through every page', async () => {
    account({ 'L-1194D53C': 100, 'L-F678F1CE': 5 }, {});
    // The paginators reuse one input object, so the token of each call is recorded as it is made.
    const clusterPages: Record<string, { clusters: string[]; nextToken?: string }> = {
      'start': { clusters: ['a', 'b'], nextToken: 'page-2' },
      'page-2': { clusters: ['c', 'd'], nextToken: 'page-3' },
      'page-3': { clusters: ['e'] },
    };
    const vpcPages: Record<string, { Vpcs: object[]; NextToken?: string }> = {
      start: { Vpcs: [{ VpcId: 'vpc-1' }, { VpcId: 'vpc-2' }], NextToken: 'next' },
      next: { Vpcs: [{ VpcId: 'vpc-3' }] },
    };
    const tokens: string[] = [];
    eks.on(ListClustersCommand).callsFake((input) => {
      tokens.push(`eks:${input.nextToken}`);
      return clusterPages[input.nextToken ?? 'start'];
    });
    ec2.on(DescribeVpcsCommand).callsFake((input) => {
      tokens.push(`ec2:${input.NextToken}`);
      return vpcPages[input.NextToken ?? 'start'];
    });
    const findings = await checkQuotas(clients, { ...NONE, vpcs: 1, clusters: 1 });
    expect(findings.map((f) => f.used)).toEqual([3, 5]);
    expect(tokens.filter((t) => t.startsWith('eks:'))).toEqual(['eks:undefined', 'eks:page-2', 'eks:page-3']);
    expect(tokens.filter((t) => t.startsWith('ec2:'))).toEqual(['ec2:undefined', 'ec2:next']);
  });

  test('VPCs other accounts share with this one are not counted, when the account is known', async () => {
    account({ 'L-F678F1CE': 5 }, {});
    ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [{ OwnerId: ACCOUNT }, { OwnerId: '210987654321' }, { OwnerId: ACCOUNT }] });
    expect((await checkQuotas(clients, { ...NONE, vpcs: 1 }, { account: ACCOUNT }))[0].used).toBe(2);
    expect((await checkQuotas(clients, { ...NONE, vpcs: 1 }))[0].used).toBe(3);
  });

  test('a check the deploy does not need makes no call', async () => {
    account({ 'L-1194D53C': 100 }, { clusters: 1 });
    expect(await checkQuotas(clients, NONE)).toEqual([]);
    expect([ec2.calls(), eks.calls(), serviceQuotas.calls()].map((calls) => calls.length)).toEqual([0, 0, 0]);

    const findings = await checkQuotas(clients, { ...NONE, clusters: 1 });
    expect(findings.map((f) => f.quotaCode)).toEqual(['L-1194D53C']);
    expect(ec2.calls()).toHaveLength(0);
    expect(serviceQuotas.commandCalls(GetServiceQuotaCommand).map((c) => c.args[0].input.QuotaCode)).toEqual(['L-1194D53C']);
  });

  test('errors counting what is used are thrown', async () => {
    account({ 'L-0263D0A3': 5 }, {});
    ec2.on(DescribeAddressesCommand).rejects(Object.assign(new Error('You are not authorized to perform this operation.'), { name: 'UnauthorizedOperation' }));
    await expect(checkQuotas(clients, { ...NONE, elasticIps: 2 })).rejects.toThrow('You are not authorized');
  });
});

describe('quotaNeed', () => {
  const settings = Settings.resolve({ pjPrefix: 'team-a', region: 'eu-west-1', availabilityZones: AZS, natGateways: 3 });

  test('creating the network needs a VPC and an Elastic IP per NAT gateway; creating the cluster, a cluster', () => {
    expect(quotaNeed(settings, { network: true, cluster: true })).toEqual({ vpcs: 1, elasticIps: 3, clusters: 1 });
    expect(quotaNeed(settings, { network: false, cluster: true })).toEqual({ vpcs: 0, elasticIps: 0, clusters: 1 });
    expect(quotaNeed(settings, { network: false, cluster: false })).toEqual(NONE);
  });
});

describe('quotaError', () => {
  const finding = (overrides: Partial<QuotaFinding>): QuotaFinding => ({
    name: 'VPCs per region', serviceCode: 'vpc', quotaCode: 'L-F678F1CE', quota: 5, source: 'service-quotas', used: 5, adding: 1, ok: false, ...overrides,
  });
  const eips = (overrides: Partial<QuotaFinding>) => finding({ name: 'EC2-VPC Elastic IPs', serviceCode: 'ec2', quotaCode: 'L-0263D0A3', ...overrides });

  test('no error when every quota is ok', () => {
    expect(quotaError([])).toBeUndefined();
    expect(quotaError([finding({ used: 4, ok: true })])).toBeUndefined();
  });

  test('one quota exceeded: the numbers, how to free one, how to ask for more', () => {
    const error = quotaError([finding({}), eips({ used: 1, adding: 3, ok: true })], {
      region: 'eu-west-1', callerArn: `arn:aws:iam::${ACCOUNT}:user/alice`,
    });
    expect(PreflightError.is(error)).toBe(true);
    expect(error?.code).toBe('QUOTA_EXCEEDED');
    expect(error?.message).toBe('The deploy would exceed a quota in eu-west-1: VPCs per region: 5 of 5 used, this deploy adds 1; quota L-F678F1CE.');
    expect(error?.fix).toBe('VPCs per region: delete 1 VPC you no longer use (`aws ec2 describe-vpcs` lists them), or request an increase with '
      + '`aws service-quotas request-service-quota-increase --service-code vpc --quota-code L-F678F1CE --desired-value 10 --region eu-west-1`.');
    expect(error?.callerArn).toBe(`arn:aws:iam::${ACCOUNT}:user/alice`);
    expect(formatFailure(error!, 'text')).toBe([
      'Preflight failed (QUOTA_EXCEEDED): The deploy would exceed a quota in eu-west-1: VPCs per region: 5 of 5 used, this deploy adds 1; quota L-F678F1CE.',
      `  caller     arn:aws:iam::${ACCOUNT}:user/alice`,
      `  fix        ${error?.fix}`,
      '',
    ].join('\n'));
  });

  test('several quotas exceeded, one of them only by the default', () => {
    const error = quotaError([
      finding({ used: 7, quota: 5, source: 'default', reason: 'AccessDeniedException: User: alice is not authorized' }),
      eips({ used: 4, adding: 3 }),
    ]);
    expect(error?.message).toBe('The deploy would exceed 2 quotas: '
      + "VPCs per region: 7 of 5 used, this deploy adds 1; quota L-F678F1CE (the AWS default: the account's quota could not be read, AccessDeniedException). "
      + 'EC2-VPC Elastic IPs: 4 of 5 used, this deploy adds 3; quota L-0263D0A3.');
    expect(error?.fix).toBe('VPCs per region: delete 3 VPCs you no longer use (`aws ec2 describe-vpcs` lists them), or request an increase with '
      + '`aws service-quotas request-service-quota-increase --service-code vpc --quota-code L-F678F1CE --desired-value 10` '
      + "(if the account's quota is higher, allow servicequotas:GetServiceQuota so the preflight can read it). "
      + 'EC2-VPC Elastic IPs: release 2 Elastic IPs you no longer use (`aws ec2 describe-addresses`, then `aws ec2 release-address --allocation-id <id>`), '
      + 'or lower natGateways in .projenrc.ts, or request an increase with '
      + '`aws service-quotas request-service-quota-increase --service-code ec2 --quota-code L-0263D0A3 --desired-value 10`.');
  });
});

describe('through FakeAws, with the real clients and their default chains', () => {
  const KEY = 'AKIAALICEEXAMPLE0001';
  const aws = new FakeAws({ [KEY]: { account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/alice` } }, [], {
    vpcs: 5,
    elasticIps: 2,
    clusters: ['other-team'],
    quotas: { 'vpc/L-F678F1CE': 5 },
    unreadableQuotas: ['ec2/L-0263D0A3'],
  });
  const saved = { ...process.env };
  let clients: PreflightClients | undefined;

  beforeAll(async () => {
    const endpoint = await aws.start();
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_EC2: endpoint,
      AWS_ENDPOINT_URL_EKS: endpoint,
      AWS_ENDPOINT_URL_SERVICE_QUOTAS: endpoint,
      AWS_ACCESS_KEY_ID: KEY,
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      AWS_CONFIG_FILE: path.join(__dirname, 'no-such-aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(__dirname, 'no-such-aws-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    delete process.env.AWS_PROFILE;
    delete process.env.AWS_SESSION_TOKEN;
  });

  afterAll(async () => {
    for (const client of Object.values(clients ?? {})) client.destroy();
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
    await aws.stop();
  });

  test('a first deploy of a 3-NAT network and a cluster into an account with 5 VPCs is refused', async () => {
    clients = preflightClients(Settings.resolve({ pjPrefix: 'team-a', region: 'eu-west-1' }));
    const need = quotaNeed(Settings.resolve({ pjPrefix: 'team-a', region: 'eu-west-1', availabilityZones: AZS, natGateways: 3 }), { network: true, cluster: true });
    const findings = await checkQuotas(clients, need, { account: ACCOUNT });
    const denied = `AccessDeniedException: User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: servicequotas:GetServiceQuota `
      + `on resource: arn:aws:servicequotas:eu-west-1:${ACCOUNT}:ec2/L-0263D0A3 with an explicit deny in a service control policy`;
    const noSuchQuota = 'NoSuchResourceException: The request failed because the specified service does not exist.';
    expect(findings).toEqual([
      { name: 'VPCs per region', serviceCode: 'vpc', quotaCode: 'L-F678F1CE', quota: 5, source: 'service-quotas', used: 5, adding: 1, ok: false },
      { name: 'EC2-VPC Elastic IPs', serviceCode: 'ec2', quotaCode: 'L-0263D0A3', quota: 5, source: 'default', used: 2, adding: 3, ok: true, reason: denied },
      { name: 'EKS clusters per region', serviceCode: 'eks', quotaCode: 'L-1194D53C', quota: 100, source: 'default', used: 1, adding: 1, ok: true, reason: noSuchQuota },
    ]);
    expect(quotaError(findings, { region: 'eu-west-1' })?.message)
      .toBe('The deploy would exceed a quota in eu-west-1: VPCs per region: 5 of 5 used, this deploy adds 1; quota L-F678F1CE.');
    expect(aws.requests.map((r) => `${r.service}:${r.action}`).sort()).toEqual([
      'ec2:DescribeAddresses', 'ec2:DescribeVpcs', 'eks:ListClusters',
      'servicequotas:GetServiceQuota', 'servicequotas:GetServiceQuota', 'servicequotas:GetServiceQuota',
    ]);
    for (const request of aws.requests) expect(request.authorization).toContain(`Credential=${KEY}/`);
  });
});
