import * as fs from 'fs';
import * as path from 'path';
import { BottlerocketEksSettings, COST_ACTIONS, environmentSettingsFileName } from 'bottlerocket-eks-config';
import { FakeAwsOptions, FakePriceProduct } from 'bottlerocket-eks-test-support';
import { runAgainst, SETTINGS, writeSettings } from './support/deployed-environment';
import { tempDir } from './temp';

// `bottlerocket-eks cost` as a user runs it (from source): from the product's table and AWS's
// pages without AWS, and with --live against a local AWS answering the Price List Query API and
// EC2's Spot price history, also when they fail.
const TRANSCRIPTS = path.join(__dirname, '..', 'test-reports', 'cost-transcripts.txt');
const transcripts: string[] = [];
jest.setTimeout(90_000);

afterAll(() => {
  fs.mkdirSync(path.dirname(TRANSCRIPTS), { recursive: true });
  fs.writeFileSync(TRANSCRIPTS, transcripts.join('\n'));
});

const REGION = 'eu-west-1';
const TYPES = ['m6i.xlarge', 'm6a.xlarge', 'm5.xlarge', 'm5a.xlarge', 'm7i.xlarge'];
const instance = (instanceType: string, usd: string): FakePriceProduct => ({
  serviceCode: 'AmazonEC2',
  productFamily: 'Compute Instance',
  usd,
  unit: 'Hrs',
  attributes: { regionCode: REGION, instanceType, operatingSystem: 'Linux', tenancy: 'Shared', preInstalledSw: 'NA', capacitystatus: 'Used' },
});

/** AWS's prices as a local AWS answers them (test figures): on demand, NAT, gp3, and two zones of Spot prices per type. */
function pricesOfAws(): FakeAwsOptions {
  return {
    priceListProducts: [
      ...TYPES.map((t, i) => instance(t, ['0.2140000000', '0.1926000000', '0.2140000000', '0.1920000000', '0.2247000000'][i])),
      instance('m6i.large', '0.1070000000'),
      { serviceCode: 'AmazonEC2', productFamily: 'NAT Gateway', usd: '0.0480000000', unit: 'Hrs', attributes: { regionCode: REGION, usagetype: 'EU-NatGateway-Hours' } },
      { serviceCode: 'AmazonEC2', productFamily: 'NAT Gateway', usd: '0.0480000000', unit: 'GB', attributes: { regionCode: REGION, usagetype: 'EU-NatGateway-Bytes' } },
      { serviceCode: 'AmazonEC2', productFamily: 'Storage', usd: '0.0880000000', unit: 'GB-Mo', attributes: { regionCode: REGION, volumeApiName: 'gp3' } },
    ],
    spotPrices: TYPES.flatMap((instanceType, i) => ['a', 'c'].map((zone, z) => ({
      instanceType, availabilityZone: `${REGION}${zone}`, spotPrice: (0.07 + i * 0.002 + z * 0.01).toFixed(6), timestamp: new Date(Date.now() - 3600_000),
    }))),
  };
}

function repository(name: string, settings: BottlerocketEksSettings = SETTINGS): string {
  const dir = tempDir(name);
  writeSettings(dir, settings);
  return dir;
}

async function cost(name: string, dir: string, options: FakeAwsOptions, args: string[] = []) {
  const run = await runAgainst(dir, options, ['cost', ...args]);
  transcripts.push(`# ${name}\n${run.transcript}`);
  return run;
}

test('from the product\'s table and AWS\'s pages: asks AWS nothing; what it has no price of is unknown, not guessed', async () => {
  const { status, stdout, stderr, requests } = await cost('offline', repository('cost-offline'), {});
  expect({ status, stderr, requests: requests.length }).toEqual({ status: 0, stderr: '', requests: 0 });
  expect(stdout).toMatch(/^ {2}EKS control plane +1 cluster, Kubernetes 1\.35 in standard support at \$0\.1\/hour +\$73\.00 +\$73\.00$/m);
  expect(stdout).toMatch(/^ {2}Public IPv4 addresses +1 \(one per NAT gateway\) at \$0\.005\/hour +\$3\.65 +\$3\.65$/m);
  expect(stdout).toContain('  unknown: NAT gateways: no price of a NAT gateway hour in eu-west-1');
  expect(stdout).toContain('  usage-based: NAT data processed: depends on traffic');
  expect(stdout).toContain('Kubernetes 1.35: standard support until 2027-03-27; from 2027-03-27 EKS upgrades the cluster itself');
  expect(stdout).toContain('Prices from the product\'s table and AWS\'s pages (`--live` asks AWS for current ones):');
});

test('--live: on-demand, NAT and gp3 prices from the Price List, Spot as the range of the zones; only the calls of COST_ACTIONS', async () => {
  const { status, stdout, requests } = await cost('live', repository('cost-live'), pricesOfAws(), ['--live']);
  expect(status).toBe(0);
  expect(stdout).toMatch(/^ {2}NAT gateways +1 gateway\(s\) at \$0\.048\/hour +\$35\.04 +\$35\.04$/m);
  expect(stdout).toMatch(/^ {2}Nodes team-a-bottlerocket-spot +2 node\(s\), at most 4 of .*, Spot at \$0\.07-0\.088\/hour each +\$102\.20-128\.48 +\$204\.40-256\.96$/m);
  expect(stdout).toMatch(/^ {2}Volumes team-a-bottlerocket-spot +a 20 GiB gp3 data volume per node at \$0\.088\/GB-month/m);
  expect(stdout).toContain('Prices asked of AWS now, and AWS\'s pages:');
  expect(stdout).toMatch(/ {2}- AWS Price List Query API \(GetProducts\) \(as of \d{4}-\d\d-\d\d\)/);
  expect(stdout).toMatch(/ {2}- EC2 Spot price history \(DescribeSpotPriceHistory, 2 zone\(s\)\)/);
  expect(new Set(requests.map((r) => `${r.service}:${r.action}`))).toEqual(new Set(COST_ACTIONS));
});

test('two environments: each, then the repository\'s total; --json for scripts', async () => {
  const dir = tempDir('cost-two');
  for (const [name, extra] of [['dev', {}], ['prod', { natGateways: 2, nodeMaxSize: 8 }]] as const) {
    fs.writeFileSync(path.join(dir, environmentSettingsFileName(name)), JSON.stringify({ ...SETTINGS, pjPrefix: `team-a-${name}`, ...extra }));
  }
  const text = await cost('two environments', dir, pricesOfAws(), ['--environments', 'dev,prod', '--live']);
  expect(text.stdout).toMatch(/\ndev \(team-a-dev, eu-west-1\)\n[\s\S]*\nprod \(team-a-prod, eu-west-1\)\n/);
  expect(text.stdout).toMatch(/\nAll environments: at least \$[\d.-]+ a month \(at least \$[\d.-]+ at max size\), 4 line\(s\) not counted\.\n/);
  const { stdout } = await cost('json', dir, pricesOfAws(), ['--environments', 'dev,prod', '--live', '--json']);
  const report = JSON.parse(stdout);
  expect(report.environments.map((e: any) => e.environment)).toEqual(['dev', 'prod']);
  expect(report.total.low).toBeCloseTo(report.environments[0].total.low + report.environments[1].total.low, 2);
});

test('--live when the Price List may not be asked: one line naming the IAM action, exit 1, no stack trace', async () => {
  const run = await cost('pricing denied', repository('cost-denied'), { ...pricesOfAws(), deniedPricingOperations: ['GetProducts'] }, ['--live']);
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/^Cost failed \(AWS_ACCESS_DENIED\): .*pricing:GetProducts.*\n {2}fix {8}.+\n$/);
});
