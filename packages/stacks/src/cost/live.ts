import { SpotPrice, SpotSource, Price, PRICE_KEYS, PriceSource } from 'bottlerocket-eks-config/lib/cost';
import { matches, onDemandUsd, PriceListDocument, priceListQuery } from './price-list';
import { EC2Client, paginateDescribeSpotPriceHistory, paginateGetProducts, PricingClient } from '../aws/sdk';

/** Live prices of a region, read before an estimate is made (the estimate itself asks nothing). */
export interface LivePrices {
  readonly prices: PriceSource;
  readonly spot: SpotSource;
}

/**
 * Asks AWS for the prices an estimate of `region` needs: each on-demand instance type, the NAT
 * gateway hour and gp3 storage from the Price List Query API (`GetProducts`, the same products as
 * the maintainer's table, `price-list.ts`), and the latest Spot price of each Spot instance type in
 * each zone (EC2 `DescribeSpotPriceHistory`, Linux/UNIX). A product with no single price is left
 * unknown; AWS's failures are thrown as they come (the command's one line).
 */
export async function readLivePrices(
  pricing: PricingClient, ec2: EC2Client, region: string, needs: { onDemand: string[]; spot: string[] }, now: Date = new Date(),
): Promise<LivePrices> {
  const asOf = now.toISOString().slice(0, 10);
  const keys = [...new Set([...needs.onDemand.map((t) => PRICE_KEYS.instance(t)), PRICE_KEYS.natGateway, PRICE_KEYS.gp3])];
  const found = new Map<string, Price>();
  await Promise.all(keys.map(async (key) => {
    const query = priceListQuery(key, region)!;
    const usd: number[] = [];
    const filters = Object.entries(query.attributes).map(([Field, Value]) => ({ Type: 'TERM_MATCH' as const, Field, Value }));
    for await (const page of paginateGetProducts({ client: pricing }, { ServiceCode: query.serviceCode, Filters: filters, FormatVersion: 'aws_v1' })) {
      for (const text of page.PriceList ?? []) {
        const document = JSON.parse(text) as PriceListDocument;
        const price = matches(document.product, query) ? onDemandUsd(document.terms?.OnDemand, query.unit) : undefined;
        if (price !== undefined) usd.push(price);
      }
    }
    // One product, one price: anything else is not a price the product can stand behind.
    if (new Set(usd).size === 1) found.set(key, { usd: usd[0], unit: query.priceUnit, source: 'AWS Price List Query API (GetProducts)', asOf });
  }));
  const spot = new Map<string, SpotPrice>();
  if (needs.spot.length > 0) {
    const latest = new Map<string, { usd: number; at: number }>();
    const input = { InstanceTypes: needs.spot as never[], ProductDescriptions: ['Linux/UNIX'], StartTime: now };
    for await (const page of paginateDescribeSpotPriceHistory({ client: ec2 }, input)) {
      for (const item of page.SpotPriceHistory ?? []) {
        const zoneKey = `${item.InstanceType} ${item.AvailabilityZone}`;
        const at = item.Timestamp?.getTime() ?? 0;
        const usd = Number(item.SpotPrice);
        if (Number.isFinite(usd) && (latest.get(zoneKey)?.at ?? -1) < at) latest.set(zoneKey, { usd, at });
      }
    }
    for (const type of needs.spot) {
      const zones = [...latest.entries()].filter(([k]) => k.startsWith(`${type} `)).map(([, v]) => v);
      if (zones.length === 0) continue;
      spot.set(type, {
        low: Math.min(...zones.map((z) => z.usd)),
        high: Math.max(...zones.map((z) => z.usd)),
        source: `EC2 Spot price history (DescribeSpotPriceHistory, ${zones.length} zone(s))`,
        asOf: new Date(Math.max(...zones.map((z) => z.at))).toISOString().slice(0, 10),
      });
    }
  }
  return { prices: { price: (key) => found.get(key) }, spot: (type) => spot.get(type) };
}
