export * from './errors';
export * from './preflight';
export * from './report';
export * from './deploy-checks';
export * from './quotas';
