import { ControlPlaneTier } from '../enums';

/** What a price is per: an hour of a resource, or a GB of storage for a month. */
export type PriceUnit = 'hour' | 'GB-month' | 'month';

/** A price in US dollars, with where it comes from and how old it is. */
export interface Price {
  readonly usd: number;
  readonly unit: PriceUnit;
  /** Where the figure comes from: a price list file (offer and version), an AWS page, or the Price List API. */
  readonly source: string;
  /** When the source says the price took effect or was published (`YYYY-MM-DD`). */
  readonly asOf: string;
}

/** A price of the product's table: what it is the price of, and where. */
export interface PriceEntry extends Price {
  /** What it is the price of (`PRICE_KEYS`). */
  readonly key: string;
  /** The region; undefined: every region of the `aws` partition. */
  readonly region?: string;
}

/** What a price is the price of. */
export const PRICE_KEYS = {
  /** The EKS control plane of a cluster in standard support, per hour. */
  eksCluster: 'eks:cluster',
  /** The EKS control plane of a cluster in extended support, per hour. */
  eksExtendedSupport: 'eks:cluster:extended-support',
  /** A provisioned control plane tier, per hour. */
  eksTier: (tier: ControlPlaneTier) => `eks:tier:${tier}`,
  /** A NAT gateway, per hour (data processed is billed by the GB, on top). */
  natGateway: 'vpc:nat-gateway',
  /** A public IPv4 address, per hour. */
  publicIpv4: 'vpc:public-ipv4',
  /** An EC2 instance on demand, Linux, shared tenancy, per hour. */
  instance: (instanceType: string) => `ec2:${instanceType}`,
  /** gp3 EBS storage, per GB-month. */
  gp3: 'ebs:gp3',
  /** A customer managed KMS key, per month. */
  kmsKey: 'kms:key',
} as const;

/**
 * Prices AWS states once for every commercial region, each with the AWS page that says so. Only
 * these; every other price comes from the price table (`npx projen refresh-prices`) or, with
 * `--live`, from the Price List API.
 */
export const DOCUMENTED_PRICES: readonly PriceEntry[] = [
  {
    key: PRICE_KEYS.eksCluster,
    usd: 0.10,
    unit: 'hour',
    asOf: '2024-04-01',
    source: 'AWS Containers Blog, "Amazon EKS extended support for Kubernetes versions pricing" (standard support: $0.10 per cluster per hour), '
      + 'https://aws.amazon.com/blogs/containers/amazon-eks-extended-support-for-kubernetes-versions-pricing/',
  },
  {
    key: PRICE_KEYS.eksExtendedSupport,
    usd: 0.60,
    unit: 'hour',
    asOf: '2024-04-01',
    source: 'AWS Containers Blog, "Amazon EKS extended support for Kubernetes versions pricing" (extended support: $0.60 per cluster per hour), '
      + 'https://aws.amazon.com/blogs/containers/amazon-eks-extended-support-for-kubernetes-versions-pricing/',
  },
  {
    key: PRICE_KEYS.publicIpv4,
    usd: 0.005,
    unit: 'hour',
    asOf: '2024-02-01',
    source: 'AWS News Blog, "New - AWS Public IPv4 Address Charge + Public IP Insights" ($0.005 per IP per hour from February 1, 2024), '
      + 'https://aws.amazon.com/blogs/aws/new-aws-public-ipv4-address-charge-public-ip-insights/',
  },
];

/** Where an estimate looks a price up. */
export interface PriceSource {
  /** The price of `key` in `region`, or undefined when this source has none. */
  price(key: string, region: string): Price | undefined;
}

/** A source of table entries: an entry of the region first, then one of every region of the partition. */
export function tableSource(entries: readonly PriceEntry[], partition: string): PriceSource {
  return {
    price: (key, region) => entries.find((e) => e.key === key && e.region === region)
      ?? (partition === 'aws' ? entries.find((e) => e.key === key && e.region === undefined) : undefined),
  };
}

/** The prices the product ships: its table (AWS Price List offer files), then AWS's pages. */
export function shippedPrices(table: readonly PriceEntry[], partition: string): PriceSource {
  return firstOf(tableSource(table, partition), tableSource(DOCUMENTED_PRICES, partition));
}

/** The first source that has the price. */
export function firstOf(...sources: PriceSource[]): PriceSource {
  return { price: (key, region) => sources.reduce<Price | undefined>((found, s) => found ?? s.price(key, region), undefined) };
}
