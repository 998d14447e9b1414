export * from 'bottlerocket-eks-config/lib/cost';
export { readLivePrices, type LivePrices } from './live';
export { costReport, type CostReport, formatCostReport } from './report';
