export * from './step';
export * from './record';
export * from './rollback';
export { setKubernetesVersion, ProjenrcEditError } from './projenrc';
export { formatStep, formatRefusal, formatRollback } from './report';
