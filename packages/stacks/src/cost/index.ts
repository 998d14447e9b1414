export * from './estimate';
export * from './prices';
export { readLivePrices, type LivePrices } from './live';
export { costReport, type CostReport, formatCostReport, usd } from './report';
export { PRICE_TABLE } from './price-table-data';
export type { PriceTable } from './price-table';
export { billOfTemplates } from './bill-of-templates';
export { costChange, type CostChange, type CostLineChange, signedUsd } from './change';
