import { CapacityType, ControlPlaneTier } from '../enums';
import { kubernetesVersionInfo } from '../kubernetes-versions';
import { ResourceNames } from '../names';
import type { ResolvedNodegroup, ResolvedSettings } from '../resolved';
import { Price, PRICE_KEYS, PriceSource } from './prices';

/** Hours in a month, as the AWS Pricing Calculator counts them (8,760 hours a year over 12 months). */
export const HOURS_PER_MONTH = 730;

/** US dollars a month, from the low end to the high end (equal when there is one price). */
export interface UsdRange {
  readonly low: number;
  readonly high: number;
}

/** Spot prices of an instance type in a region: the lowest and highest of its zones' latest prices. */
export interface SpotPrice extends UsdRange {
  readonly source: string;
  readonly asOf: string;
}

/** Where Spot prices come from (EC2's Spot price history, with `--live`); none without. */
export type SpotSource = (instanceType: string) => SpotPrice | undefined;

/** One line of an estimate. */
export interface CostLine {
  readonly item: string;
  /** How much of what, at what price. */
  readonly detail: string;
  /** A month at the settings' desired size; undefined when a price is unknown or the cost depends on use. */
  readonly monthly?: UsdRange;
  /** A month at the node groups' maximum size, where it differs. */
  readonly monthlyAtMax?: UsdRange;
  /** Why there is no figure: a price the product does not have, or a cost that depends on use. */
  readonly unknown?: string;
  readonly usageBased?: boolean;
  /** Where its prices come from. */
  readonly sources: string[];
}

/** The estimate of one environment. */
export interface EnvironmentCost {
  readonly environment?: string;
  readonly pjPrefix: string;
  readonly region: string;
  readonly lines: CostLine[];
  /** The sum of the lines with a figure, at desired and at maximum size. */
  readonly total: UsdRange;
  readonly totalAtMax: UsdRange;
  /** Lines without a figure (unknown prices and usage-based costs): the total does not include them. */
  readonly notCounted: number;
  /** The Kubernetes version's end of standard support, and what happens then. */
  readonly support: { readonly version: string; readonly endOfStandardSupport?: string; readonly estimated?: boolean; readonly then: string };
}

/**
 * What an environment is billed for, whether read from its settings or from its templates: the
 * cluster, the NAT gateways (each with a public IPv4 address), the node groups.
 */
export interface Bill {
  readonly pjPrefix: string;
  /** Whether there is a cluster (templates of stacks not deployed yet have none). */
  readonly cluster: boolean;
  readonly region: string;
  readonly kubernetesVersion?: string;
  readonly controlPlaneTier?: string;
  readonly natGateways: number;
  /** Customer managed KMS keys the stacks create (the strict profile's secrets key). */
  readonly kmsKeys: number;
  readonly nodegroups: BillNodegroup[];
}

/** A node group as billed. */
export interface BillNodegroup {
  /** Its name (`<prefix>-<group>`). */
  readonly name: string;
  readonly spot: boolean;
  readonly instanceTypes: string[];
  /** Undefined when not known (a template parameter). */
  readonly desired?: number;
  readonly max?: number;
  /** The data volume of each node, GiB; undefined without a launch template of the product's. */
  readonly dataVolumeGiB?: number;
}

/** What the settings make. */
export function billOfSettings(settings: ResolvedSettings): Bill {
  const names = new ResourceNames(settings.pjPrefix);
  return {
    pjPrefix: settings.pjPrefix,
    cluster: true,
    region: settings.region,
    kubernetesVersion: settings.kubernetesVersion,
    controlPlaneTier: settings.controlPlaneTier,
    natGateways: settings.existingVpc ? 0 : settings.natGateways,
    kmsKeys: settings.secretsEncryption && settings.secretsKmsKeyArn === undefined ? 1 : 0,
    nodegroups: settings.nodegroups.map((g: ResolvedNodegroup) => ({
      name: names.nodegroup(g.name),
      spot: g.capacityType === CapacityType.SPOT,
      instanceTypes: g.instanceTypes,
      desired: g.desiredSize,
      max: g.maxSize,
      dataVolumeGiB: g.launchTemplate ? g.dataVolumeSize : undefined,
    })),
  };
}

/** What an estimate is made from. */
export interface EstimateInput {
  readonly bill: Bill;
  readonly environment?: string;
  readonly prices: PriceSource;
  /** Spot prices (`--live`); without them Spot nodes are not priced. */
  readonly spot?: SpotSource;
}

/**
 * The monthly cost of an environment, line by line: the EKS control plane (and its tier), NAT
 * gateways and their public IPv4 addresses, each node group's nodes at desired and at maximum size
 * (on demand at each instance type's price, Spot as the range of its zones), their data volumes,
 * and what depends on use (NAT data processed, control plane logs) said as such. A price the
 * sources do not have makes its line unknown, never a guess.
 */
export function estimateEnvironment(input: EstimateInput): EnvironmentCost {
  const { bill, prices } = input;
  const region = bill.region;
  const price = (key: string) => prices.price(key, region);
  const lines: CostLine[] = [];
  const perMonth = (p: Price, quantity: number): UsdRange => {
    const usd = roundCents(p.usd * quantity * (p.unit === 'hour' ? HOURS_PER_MONTH : 1));
    return { low: usd, high: usd };
  };
  const fixed = (item: string, detail: string, key: string, quantity: number, unit: string): CostLine => {
    const p = price(key);
    return p
      ? { item, detail: `${detail} at $${p.usd}/${p.unit}`, monthly: perMonth(p, quantity), sources: [source(p)] }
      : { item, detail, unknown: `no price of ${unit} in ${region}`, sources: [] };
  };

  const version = bill.kubernetesVersion;
  const info = version ? kubernetesVersionInfo(version) : undefined;
  if (bill.cluster) {
    lines.push(fixed('EKS control plane', `1 cluster, Kubernetes ${version ?? '(a parameter)'} in standard support`, PRICE_KEYS.eksCluster, 1, 'the EKS control plane'));
  }
  const tier = bill.controlPlaneTier as ControlPlaneTier | undefined;
  if (tier !== undefined && tier !== ControlPlaneTier.STANDARD) {
    lines.push(fixed('EKS control plane tier', `provisioned ${tier}`, PRICE_KEYS.eksTier(tier), 1, `the ${tier} tier`));
  }
  if (bill.natGateways > 0) {
    lines.push(fixed('NAT gateways', `${bill.natGateways} gateway(s)`, PRICE_KEYS.natGateway, bill.natGateways, 'a NAT gateway hour'));
    lines.push(fixed('Public IPv4 addresses', `${bill.natGateways} (one per NAT gateway)`, PRICE_KEYS.publicIpv4, bill.natGateways, 'a public IPv4 address hour'));
    lines.push({ item: 'NAT data processed', detail: 'per GB through the NAT gateways', usageBased: true, unknown: 'depends on traffic', sources: [] });
  }
  if (bill.kmsKeys > 0) {
    lines.push(fixed('KMS key', `${bill.kmsKeys} customer managed key(s) (Kubernetes secrets)`, PRICE_KEYS.kmsKey, bill.kmsKeys, 'a KMS key month'));
  }
  for (const group of bill.nodegroups) lines.push(...nodegroupLines(group, region, input));
  // The cluster stack turns every control plane log type on.
  if (bill.cluster) lines.push({ item: 'Control plane logs', detail: 'CloudWatch Logs ingestion and storage', usageBased: true, unknown: 'depends on the API server\'s traffic', sources: [] });
  const counted = lines.filter((l) => l.monthly);
  const sum = (pick: (l: CostLine) => UsdRange | undefined): UsdRange => counted.reduce(
    (acc, l) => ({ low: roundCents(acc.low + pick(l)!.low), high: roundCents(acc.high + pick(l)!.high) }), { low: 0, high: 0 });
  const end = info?.endOfStandardSupport;
  return {
    environment: input.environment,
    pjPrefix: bill.pjPrefix,
    region,
    lines,
    total: sum((l) => l.monthly),
    totalAtMax: sum((l) => l.monthlyAtMax ?? l.monthly),
    notCounted: lines.length - counted.length,
    support: {
      version: version ?? '?',
      endOfStandardSupport: end,
      estimated: info?.estimated,
      then: end
        ? `from ${end} EKS upgrades the cluster itself (upgrade policy STANDARD): no extended support is billed, `
          + `which would be $${price(PRICE_KEYS.eksExtendedSupport)?.usd ?? '?'}/hour instead of $${price(PRICE_KEYS.eksCluster)?.usd ?? '?'}`
        : 'the product has no date for this version',
    },
  };
}

/** A node group's nodes (on demand by instance type, or Spot from the Spot prices) and their data volumes. */
function nodegroupLines(group: BillNodegroup, region: string, input: EstimateInput): CostLine[] {
  const { name, spot } = group;
  const sizes = `${group.desired ?? '?'} node(s), at most ${group.max ?? '?'}`;
  const types = group.instanceTypes.join(', ');
  const hourlyOf = (type: string) => (spot ? input.spot?.(type) : onDemand(input.prices.price(PRICE_KEYS.instance(type), region)));
  const perNode = group.instanceTypes.map(hourlyOf);
  const missing = group.instanceTypes.filter((_, i) => perNode[i] === undefined);
  const counts = group.desired !== undefined && group.max !== undefined ? { desired: group.desired, max: group.max } : undefined;
  const what = `${sizes} of ${types}, ${spot ? 'Spot' : 'on demand'}`;
  let nodes: CostLine;
  if (!counts) {nodes = { item: `Nodes ${name}`, detail: what, unknown: 'its sizes are template parameters', sources: [] };} else if (missing.length > 0) {
    nodes = {
      item: `Nodes ${name}`,
      detail: what,
      unknown: spot && !input.spot ? 'Spot prices change by the hour: --live asks EC2\'s Spot price history' : `no ${spot ? 'Spot' : 'on-demand'} price of ${missing.join(', ')} in ${region}`,
      sources: [],
    };
  } else {
    const hourly = { low: Math.min(...perNode.map((p) => p!.low)), high: Math.max(...perNode.map((p) => p!.high)) };
    const month = (count: number): UsdRange => ({
      low: roundCents(hourly.low * count * HOURS_PER_MONTH), high: roundCents(hourly.high * count * HOURS_PER_MONTH),
    });
    nodes = {
      item: `Nodes ${name}`,
      detail: `${what} at $${hourly.low}${hourly.high !== hourly.low ? `-${hourly.high}` : ''}/hour each`,
      monthly: month(counts.desired),
      monthlyAtMax: month(counts.max),
      sources: [...new Set(perNode.map((p) => p!.source))],
    };
  }
  const gp3 = input.prices.price(PRICE_KEYS.gp3, region);
  const gib = group.dataVolumeGiB;
  let volumes: CostLine;
  if (gib === undefined) {volumes = { item: `Volumes ${name}`, detail: 'the disk EKS gives a group without a launch template', unknown: 'not set by the product', sources: [] };} else if (!gp3 || !counts) {
    volumes = { item: `Volumes ${name}`, detail: `a ${gib} GiB gp3 data volume per node`, unknown: gp3 ? 'its sizes are template parameters' : `no price of gp3 storage in ${region}`, sources: [] };
  } else {
    const month = (count: number) => ({ low: roundCents(gp3.usd * gib * count), high: roundCents(gp3.usd * gib * count) });
    volumes = {
      item: `Volumes ${name}`,
      detail: `a ${gib} GiB gp3 data volume per node at $${gp3.usd}/GB-month (the root volume is the AMI's size: not counted)`,
      monthly: month(counts.desired),
      monthlyAtMax: month(counts.max),
      sources: [source(gp3)],
    };
  }
  return [nodes, volumes];
}

function onDemand(price: Price | undefined): SpotPrice | undefined {
  return price && { low: price.usd, high: price.usd, source: source(price), asOf: price.asOf };
}

/** A price's source, with its date. */
function source(price: Pick<Price, 'source' | 'asOf'>): string {
  return `${price.source} (as of ${price.asOf})`;
}

/** Dollars to the cent. */
export function roundCents(usd: number): number {
  return Math.round(usd * 100) / 100;
}
