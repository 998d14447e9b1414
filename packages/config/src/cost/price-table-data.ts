// Written by `npx projen refresh-prices` from AWS Price List offer files (packages/stacks/src/maintenance/price-table.ts).
// Empty until a maintainer runs it with offer files: every price it has carries its offer, version and date.
import type { PriceTable } from './price-table';

export const PRICE_TABLE: PriceTable = {
  offers: [],
  prices: [],
};
