import * as fs from 'fs';
import * as path from 'path';
import { BottlerocketEksSettings, BottlerocketVariant, CapacityType, ControlPlaneTier, SecurityProfile, Settings } from 'bottlerocket-eks-config';
import { templatesByStackName } from './helpers';
import {
  billOfSettings, billOfTemplates, costChange, costReport, DOCUMENTED_PRICES, estimateEnvironment, EnvironmentCost,
  firstOf, formatCostReport, PRICE_KEYS, PRICE_TABLE, PriceEntry, signedUsd, tableSource,
} from '../src/cost';
import { OfferFile, priceTableOf, pricesFromOffer, renderPriceTable } from '../src/maintenance/price-table';
import { formatPlan, formatPlanBrief } from '../src/plan';

// The monthly estimate of an environment from its settings, with prices of a test table (the
// shipped table is filled by the maintainer's refresh from AWS's offer files).
const REGION = 'eu-west-1';
const TEST: PriceEntry[] = [
  { key: PRICE_KEYS.natGateway, region: REGION, usd: 0.048, unit: 'hour', source: 'test table', asOf: '2026-11-01' },
  { key: PRICE_KEYS.gp3, region: REGION, usd: 0.088, unit: 'GB-month', source: 'test table', asOf: '2026-11-01' },
  ...['m6i.xlarge', 'm6a.xlarge', 'm5.xlarge', 'm5a.xlarge', 'm7i.xlarge', 'm6i.large', 'g5.xlarge'].map((type, i): PriceEntry => ({
    key: PRICE_KEYS.instance(type), region: REGION, usd: [0.214, 0.1926, 0.214, 0.192, 0.2247, 0.107, 1.123][i], unit: 'hour', source: 'test table', asOf: '2026-11-01',
  })),
];
const PRICES = firstOf(tableSource(TEST, 'aws'), tableSource(DOCUMENTED_PRICES, 'aws'));
const BASE: BottlerocketEksSettings = { pjPrefix: 'team-a', region: REGION, kubernetesVersion: '1.35' };

function estimate(settings: Partial<BottlerocketEksSettings>, spot = false): EnvironmentCost {
  const resolved = Settings.resolve({ ...BASE, ...settings });
  return estimateEnvironment({
    bill: billOfSettings(resolved), prices: PRICES, spot: spot ? (type) => ({ low: 0.07, high: type === 'm7i.xlarge' ? 0.09 : 0.08, source: 'test spot', asOf: '2026-12-01' }) : undefined,
  });
}

const line = (cost: EnvironmentCost, item: string) => cost.lines.find((l) => l.item.startsWith(item));

describe('the estimate of an environment', () => {
  test.each<[string, Partial<BottlerocketEksSettings>, boolean, Record<string, string | undefined>]>([
    ['the defaults (Spot nodes, unpriced without Spot prices)', {}, false, {
      'EKS control plane': '73',
      'NAT gateways': '35.04',
      'Public IPv4 addresses': '3.65',
      'NAT data processed': undefined,
      'Nodes team-a-bottlerocket-spot': undefined,
      'Volumes team-a-bottlerocket-spot': '3.52',
    }],
    ['the defaults with Spot prices: a range from the cheapest zone to the dearest', {}, true, { 'Nodes team-a-bottlerocket-spot': '102.2-131.4' }],
    ['three zones with a NAT gateway per zone', { availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'], natGateways: 3 }, false, {
      'NAT gateways': '105.12', 'Public IPv4 addresses': '10.95',
    }],
    ['on demand GPU nodes', { capacityType: CapacityType.ON_DEMAND, variant: BottlerocketVariant.NVIDIA, instanceTypes: ['g5.xlarge'], nodeDesiredSize: 1, nodeMaxSize: 2 }, false, {
      'Nodes team-a-bottlerocket': '819.79',
    }],
    ['an extra on-demand group', { extraNodegroups: [{ name: 'system', capacityType: CapacityType.ON_DEMAND, instanceTypes: ['m6i.large'], desiredSize: 2, maxSize: 3 }] }, true, {
      'Nodes team-a-system': '156.22', 'Volumes team-a-system': '3.52',
    }],
    ['the team\'s own VPC: no NAT gateway of its own', {
      vpcId: 'vpc-0123456789abcdef0', privateSubnetIds: { 'eu-west-1a': 'subnet-0123456789abcdef0', 'eu-west-1c': 'subnet-0123456789abcdef1' },
    }, false, { 'NAT gateways': 'absent', 'Public IPv4 addresses': 'absent' }],
    ['the strict profile: its secrets key (no price shipped: unknown) and the control plane logs (usage-based)', { securityProfile: SecurityProfile.STRICT }, false, {
      'KMS key': undefined, 'Control plane logs': undefined,
    }],
  ])('%s', (_name, settings, spot, expected) => {
    const cost = estimate(settings, spot);
    for (const [item, figure] of Object.entries(expected)) {
      const found = line(cost, item);
      if (figure === 'absent') {
        expect(found).toBeUndefined();
        continue;
      }
      expect(found).toBeDefined();
      const monthly = found!.monthly;
      expect(monthly === undefined ? undefined : monthly.low === monthly.high ? String(monthly.low) : `${monthly.low}-${monthly.high}`).toBe(figure);
    }
  });

  test('at max size: the nodes and their volumes at the groups\' maximum', () => {
    const cost = estimate({ nodeDesiredSize: 2, nodeMaxSize: 6 }, true);
    expect(line(cost, 'Nodes')!.monthlyAtMax).toEqual({ low: 306.6, high: 394.2 });
    expect(line(cost, 'Volumes')!.monthlyAtMax).toEqual({ low: 10.56, high: 10.56 });
    expect(cost.totalAtMax.low).toBeGreaterThan(cost.total.low);
  });

  test('a price the sources do not have is unknown, named, and not in the total', () => {
    const cost = estimateEnvironment({ bill: billOfSettings(Settings.resolve({ ...BASE, region: 'ap-south-2' })), prices: PRICES });
    expect(line(cost, 'NAT gateways')).toMatchObject({ unknown: 'no price of a NAT gateway hour in ap-south-2' });
    expect(line(cost, 'NAT gateways')!.monthly).toBeUndefined();
    expect(line(cost, 'Nodes')!.unknown).toBe('Spot prices change by the hour: --live asks EC2\'s Spot price history');
    // The EKS control plane and public IPv4 prices are AWS's for every commercial region.
    expect(cost.total).toEqual({ low: 76.65, high: 76.65 });
    expect(cost.notCounted).toBe(5);
  });

  test('a provisioned control plane tier: priced only when a source has it', () => {
    expect(line(estimate({ controlPlaneTier: ControlPlaneTier.TIER_XL }), 'EKS control plane tier')!.unknown).toBe(`no price of the tier-xl tier in ${REGION}`);
    expect(line(estimate({ controlPlaneTier: ControlPlaneTier.STANDARD }), 'EKS control plane tier')).toBeUndefined();
  });

  test('the end of standard support, and what happens then', () => {
    expect(estimate({}).support).toMatchObject({
      version: '1.35',
      endOfStandardSupport: '2027-03-27',
      then: 'from 2027-03-27 EKS upgrades the cluster itself (upgrade policy STANDARD): no extended support is billed, which would be $0.6/hour instead of $0.1',
    });
  });

  test('China: the AWS pages\' prices are of the aws partition, not of China', () => {
    const cost = estimateEnvironment({ bill: billOfSettings(Settings.resolve({ ...BASE, region: 'cn-north-1' })), prices: firstOf(tableSource(DOCUMENTED_PRICES, 'aws-cn')) });
    expect(line(cost, 'EKS control plane')!.monthly).toBeUndefined();
  });
});

describe('the report', () => {
  const dev = estimate({}, true);
  const prod = estimateEnvironment({ bill: billOfSettings(Settings.resolve({ ...BASE, pjPrefix: 'team-a-prod', natGateways: 2 })), environment: 'prod', prices: PRICES });
  const report = costReport([{ ...dev, environment: 'dev' }, prod], 'table', new Date('2026-12-04T08:00:00Z'));

  test('the repository\'s total is the sum of the environments\'', () => {
    expect(report.total).toEqual({ low: round(dev.total.low + prod.total.low), high: round(dev.total.high + prod.total.high) });
    expect(report.notCounted).toBe(dev.notCounted + prod.notCounted);
  });

  test('as a person reads it: each line, unknown and usage-based lines said, every source with its date', () => {
    const text = formatCostReport(report);
    expect(text).toMatch(/^Monthly cost estimate, 2026-12-04 \(USD, 730 hours a month, before taxes, credits and discounts\)\n\ndev \(team-a, eu-west-1\)\n/);
    expect(text).toMatch(/^ {2}EKS control plane +1 cluster, Kubernetes 1\.35 in standard support at \$0\.1\/hour +\$73\.00 +\$73\.00$/m);
    expect(text).toMatch(/^ {2}Nodes team-a-bottlerocket-spot +2 node\(s\), at most 4 of m6i\.xlarge, .*, Spot at \$0\.07-0\.09\/hour each +\$102\.20-131\.40 +\$204\.40-262\.80$/m);
    expect(text).toContain('  usage-based: NAT data processed: depends on traffic');
    expect(text).toContain('  unknown: Nodes team-a-prod-bottlerocket-spot: Spot prices change by the hour: --live asks EC2\'s Spot price history');
    expect(text).toMatch(/All environments: at least \$[\d.-]+ a month \(at least \$[\d.-]+ at max size\), \d+ line\(s\) not counted\./);
    expect(text).toContain('  - test table (as of 2026-11-01)');
    expect(text).toContain('https://aws.amazon.com/blogs/containers/amazon-eks-extended-support-for-kubernetes-versions-pricing/ (as of 2024-04-01)');
  });
});

describe('the maintainer\'s refresh of the price table from AWS Price List offer files', () => {
  const offer: OfferFile = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'price-list', 'AmazonEC2-eu-west-1.json'), 'utf-8'));

  test('on-demand Linux instance hours, the NAT gateway hour and gp3 storage, each with its offer and date', () => {
    expect(pricesFromOffer(offer)).toEqual([
      { key: 'ebs:gp3', region: REGION, usd: 0.088, unit: 'GB-month', source: 'AWS Price List AmazonEC2 offer 20261120134512', asOf: '2026-11-20' },
      { key: 'ec2:m6i.xlarge', region: REGION, usd: 0.214, unit: 'hour', source: 'AWS Price List AmazonEC2 offer 20261120134512', asOf: '2026-11-20' },
      { key: 'vpc:nat-gateway', region: REGION, usd: 0.048, unit: 'hour', source: 'AWS Price List AmazonEC2 offer 20261120134512', asOf: '2026-11-20' },
    ]);
  });

  test('left out: Windows, dedicated tenancy, reserved capacity, bytes of NAT data, other volume types, a product with two prices', () => {
    const keys = pricesFromOffer(offer).map((e) => e.key);
    expect(keys).not.toContain('ec2:m6a.xlarge');
    expect(keys.filter((k) => k === 'ec2:m6i.xlarge')).toHaveLength(1);
  });

  test('the table file it writes is TypeScript the estimate reads back', () => {
    const table = priceTableOf([offer]);
    expect(table.offers).toEqual(['AmazonEC2 20261120134512 (eu-west-1), published 2026-11-20']);
    const source = renderPriceTable(table);
    expect(source).toContain('export const PRICE_TABLE: PriceTable = {');
    expect(source).toContain("key: 'ec2:m6i.xlarge',");
    const evaluated = new Function('exports', source.replace(/^import .*$/m, '').replace('export const PRICE_TABLE: PriceTable =', 'exports.table ='));
    const out: { table?: typeof table } = {};
    evaluated(out);
    expect(out.table).toEqual(table);
  });

  test('the shipped table holds only prices of offer files, each with its source and date', () => {
    for (const entry of PRICE_TABLE.prices) {
      expect(entry.source).toMatch(/^AWS Price List \w+ offer \d+$/);
      expect(entry.asOf).toMatch(/^\d{4}-\d\d-\d\d$/);
    }
  });
});

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

describe('what a settings change does to the monthly cost (the update plan)', () => {
  const templatesOf = (settings: Partial<BottlerocketEksSettings>) => Object.values(templatesByStackName({ ...BASE, ...settings }));
  const fromTemplates = (settings: Partial<BottlerocketEksSettings>) => estimateEnvironment({ bill: billOfTemplates(templatesOf(settings), 'team-a', REGION), prices: PRICES });

  test('the templates are billed as the settings are', () => {
    for (const settings of [{}, { securityProfile: SecurityProfile.STRICT }, { natGateways: 2, extraNodegroups: [{ name: 'system', capacityType: CapacityType.ON_DEMAND, instanceTypes: ['m6i.large'] }] }]) {
      const resolved = Settings.resolve({ ...BASE, ...settings });
      expect(billOfTemplates(templatesOf(settings), 'team-a', REGION)).toEqual(billOfSettings(resolved));
    }
  });

  test('natGateways 1 -> 3: the NAT gateways and their public IPv4 addresses, line by line', () => {
    const change = costChange(fromTemplates({}), fromTemplates({ availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'], natGateways: 3 }));
    expect(change.lines).toEqual([
      { item: 'NAT gateways', before: { low: 35.04, high: 35.04 }, after: { low: 105.12, high: 105.12 }, change: { low: 70.08, high: 70.08 } },
      { item: 'Public IPv4 addresses', before: { low: 3.65, high: 3.65 }, after: { low: 10.95, high: 10.95 }, change: { low: 7.3, high: 7.3 } },
    ]);
    expect(signedUsd(change.lines[0].change!)).toBe('+$70.08');
  });

  test('a new on-demand group: its nodes and volumes added; Spot nodes without prices: the change is unknown, not zero', () => {
    const added = costChange(fromTemplates({}), fromTemplates({ extraNodegroups: [{ name: 'system', capacityType: CapacityType.ON_DEMAND, instanceTypes: ['m6i.large'] }] }));
    expect(added.lines.map((l) => [l.item, l.change && signedUsd(l.change)])).toEqual([['Nodes team-a-system', '+$156.22'], ['Volumes team-a-system', '+$3.52']]);
    const resized = costChange(fromTemplates({}), fromTemplates({ nodeDesiredSize: 3 }));
    expect(resized.lines.map((l) => [l.item, l.change && signedUsd(l.change)])).toEqual([['Nodes team-a-bottlerocket-spot', undefined], ['Volumes team-a-bottlerocket-spot', '+$1.76']]);
  });

  test('in the plan a person reads, and in the brief one of CI', () => {
    const cost = costChange(fromTemplates({}), fromTemplates({ natGateways: 2 }));
    const plan = { stacks: [], refusals: [], cost };
    expect(formatPlan(plan)).toContain('Monthly cost (the product\'s prices, desired size; `npx projen cost` has the whole estimate): $115.21 -> $153.90\n'
      + '  NAT gateways           $35.04 -> $70.08  +$35.04\n  Public IPv4 addresses  $3.65 -> $7.30  +$3.65\n');
    expect(formatPlanBrief(plan)).toBe('plan cost: $115.21 -> $153.90 a month (NAT gateways +$35.04, Public IPv4 addresses +$3.65)\n');
  });
});
