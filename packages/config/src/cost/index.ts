// The monthly estimate of an environment, and the prices it is made with: a module of its own (not
// exported by the package's index: its function types are no jsii API), imported as
// `bottlerocket-eks-config/lib/cost` by the stacks library (the `cost` command, the update plan)
// and the project type (the team README's estimate).
export * from './estimate';
export * from './prices';
export { billOfTemplates } from './bill-of-templates';
export { costChange, type CostChange, type CostLineChange, signedUsd, usd } from './change';
export { PRICE_TABLE } from './price-table-data';
export type { PriceTable } from './price-table';
