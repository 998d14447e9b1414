import { PRICE_KEYS, PriceUnit } from 'bottlerocket-eks-config/lib/cost';

// How a price of the product's table is found in AWS's price list: the same product, whether
// read from a bulk offer file (the maintainer's refresh) or asked of the Price List Query API
// (`cost --live`). One definition for both, so the two cannot look for different things.

/** A product of the price list, as both the offer files and `GetProducts` give it. */
export interface PriceListProduct {
  readonly sku?: string;
  readonly productFamily?: string;
  readonly attributes?: { readonly [name: string]: string };
}

/** A price list document: a product and its terms (`GetProducts` answers one per string; an offer file keys them by SKU). */
export interface PriceListDocument {
  readonly product: PriceListProduct;
  readonly terms?: { readonly OnDemand?: Terms };
  readonly publicationDate?: string;
  readonly version?: string;
}

/** A price dimension of a term: its unit and its price per unit. */
interface PriceDimension {
  readonly unit?: string;
  readonly pricePerUnit?: { readonly USD?: string };
}

type Terms = { readonly [key: string]: { readonly priceDimensions?: { readonly [key: string]: PriceDimension } } };

/** What to look for: the offer (service code), attributes the product must have, and the unit of the price. */
export interface PriceListQuery {
  readonly serviceCode: string;
  /** Attribute values the product must have (`productFamily` included). */
  readonly attributes: { readonly [name: string]: string };
  /** The product's `usagetype` must match (it carries a region prefix in most regions). */
  readonly usagetype?: RegExp;
  /** The price list's unit of the price (`Hrs`, `GB-Mo`). */
  readonly unit: string;
  /** The product's unit. */
  readonly priceUnit: PriceUnit;
}

/** The price list query of a price key in a region, or undefined for a key the price list is not asked for. */
export function priceListQuery(key: string, region: string): PriceListQuery | undefined {
  if (key.startsWith('ec2:')) {
    return {
      serviceCode: 'AmazonEC2',
      attributes: {
        regionCode: region, instanceType: key.slice('ec2:'.length), operatingSystem: 'Linux', tenancy: 'Shared', preInstalledSw: 'NA', capacitystatus: 'Used',
      },
      unit: 'Hrs',
      priceUnit: 'hour',
    };
  }
  if (key === PRICE_KEYS.natGateway) {
    return { serviceCode: 'AmazonEC2', attributes: { regionCode: region, productFamily: 'NAT Gateway' }, usagetype: /(^|-)NatGateway-Hours$/, unit: 'Hrs', priceUnit: 'hour' };
  }
  if (key === PRICE_KEYS.gp3) {
    return { serviceCode: 'AmazonEC2', attributes: { regionCode: region, productFamily: 'Storage', volumeApiName: 'gp3' }, unit: 'GB-Mo', priceUnit: 'GB-month' };
  }
  return undefined;
}

/** Whether a product is the one `query` looks for. */
export function matches(product: PriceListProduct, query: PriceListQuery): boolean {
  const value = (name: string) => (name === 'productFamily' ? product.productFamily ?? product.attributes?.productFamily : product.attributes?.[name]);
  return Object.entries(query.attributes).every(([name, wanted]) => value(name) === wanted)
    && (query.usagetype === undefined || query.usagetype.test(product.attributes?.usagetype ?? ''));
}

/** The on-demand price of a product in US dollars per `unit`, when its terms have exactly one such price above zero. */
export function onDemandUsd(terms: Terms | undefined, unit: string): number | undefined {
  const prices = Object.values(terms ?? {})
    .flatMap((term) => Object.values(term.priceDimensions ?? {}))
    .filter((d) => d.unit === unit && d.pricePerUnit?.USD !== undefined)
    .map((d) => Number(d.pricePerUnit!.USD))
    .filter((usd) => Number.isFinite(usd) && usd > 0);
  return prices.length === 1 ? prices[0] : undefined;
}
