import type { PriceEntry } from './prices';

/** The product's price table: prices read from AWS Price List offer files, each with its source and date. */
export interface PriceTable {
  /** The offer files it was made from: `<offerCode> <version> (<region>), published <date>`. */
  readonly offers: string[];
  readonly prices: PriceEntry[];
}
