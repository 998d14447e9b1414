export * from './errors';
export * from './check';
export * from './check-list';
export * from './clients';
export * from './runner';
export * from './preflight';
export * from './report';
export * from './quotas';
export { listedCaller } from './creator-check';
