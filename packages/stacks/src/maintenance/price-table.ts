import type { PriceTable } from 'bottlerocket-eks-config/lib/cost';
import { PRICE_KEYS, PriceEntry } from 'bottlerocket-eks-config/lib/cost';
import { matches, onDemandUsd, PriceListDocument, PriceListProduct, priceListQuery } from '../cost/price-list';

// The maintainer's refresh of the product's price table from AWS Price List bulk offer files
// (the JSON of https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/<offerCode>/current/<region>/index.json).
// Reading files and rendering the table are apart so tests run them on a fixture in that format.

/** A bulk offer file: products by SKU, and their terms by SKU then term. */
export interface OfferFile {
  readonly offerCode: string;
  readonly version: string;
  readonly publicationDate: string;
  readonly products: { readonly [sku: string]: PriceListProduct & { readonly sku: string } };
  readonly terms?: { readonly OnDemand?: { readonly [sku: string]: NonNullable<PriceListDocument['terms']>['OnDemand'] } };
}

/** The command that writes the table, as its header says. */
export const REFRESH_PRICES_COMMAND = 'npx projen refresh-prices -- <offer files>';

/**
 * The prices of an offer file the product estimates with: each EC2 instance type on demand (Linux,
 * shared tenancy), the NAT gateway hour and gp3 storage, per region of the file. A product whose
 * terms do not give exactly one price in the expected unit is left out, never guessed.
 */
export function pricesFromOffer(offer: OfferFile): PriceEntry[] {
  const asOf = offer.publicationDate.slice(0, 10);
  const source = `AWS Price List ${offer.offerCode} offer ${offer.version}`;
  const entries: PriceEntry[] = [];
  for (const product of Object.values(offer.products)) {
    const region = product.attributes?.regionCode;
    if (!region) continue;
    const key = candidateKey(product);
    const query = key && priceListQuery(key, region);
    if (!key || !query || query.serviceCode !== offer.offerCode || !matches(product, query)) continue;
    const usd = onDemandUsd(offer.terms?.OnDemand?.[product.sku], query.unit);
    if (usd !== undefined) entries.push({ key, region, usd, unit: query.priceUnit, source, asOf });
  }
  return entries.sort((a, b) => `${a.region} ${a.key}`.localeCompare(`${b.region} ${b.key}`));
}

function candidateKey(product: PriceListProduct): string | undefined {
  const family = product.productFamily ?? product.attributes?.productFamily;
  if (family === 'Compute Instance' && product.attributes?.instanceType) return PRICE_KEYS.instance(product.attributes.instanceType);
  if (family === 'NAT Gateway') return PRICE_KEYS.natGateway;
  if (family === 'Storage') return PRICE_KEYS.gp3;
  return undefined;
}

/** The table of the offers, each entry once (a later offer file replaces an earlier one's price of the same key and region). */
export function priceTableOf(offers: OfferFile[]): PriceTable {
  const byKey = new Map<string, PriceEntry>();
  for (const offer of offers) for (const entry of pricesFromOffer(offer)) byKey.set(`${entry.region} ${entry.key}`, entry);
  return {
    offers: offers.map((o) => `${o.offerCode} ${o.version} (${[...new Set(Object.values(o.products).map((p) => p.attributes?.regionCode).filter(Boolean))].join(', ')}), published ${o.publicationDate.slice(0, 10)}`),
    prices: [...byKey.values()],
  };
}

/** The TypeScript of `price-table-data.ts`. */
export function renderPriceTable(table: PriceTable): string {
  return `// Written by \`${REFRESH_PRICES_COMMAND}\` from AWS Price List offer files (packages/stacks/src/maintenance/price-table.ts).
// Do not edit by hand: every price carries its offer, version and date.
import type { PriceTable } from './price-table';

export const PRICE_TABLE: PriceTable = ${typescriptLiteral(table)};
`;
}

/** JSON as TypeScript of this repository's style: identifier keys bare, strings in single quotes. */
function typescriptLiteral(value: unknown): string {
  return JSON.stringify(value, undefined, 2)
    .replace(/"((?:[^"\\]|\\.)*)"(:?)/g, (_, text: string, colon: string) => {
      const raw = JSON.parse(`"${text}"`) as string;
      if (colon && /^[A-Za-z_$][\w$]*$/.test(raw)) return `${raw}:`;
      return `'${raw.replace(/\\/g, '\\\\').replace(/'/g, '\\\'')}'${colon}`;
    });
}
