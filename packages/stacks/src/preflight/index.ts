export * from './errors';
export * from './preflight';
export * from './report';
