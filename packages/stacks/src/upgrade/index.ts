export * from './step';
export * from './record';
export * from './rollback';
export { setProjectOption, ProjenrcEditError } from './projenrc';
export { formatStep, formatRefusal, formatRollback } from './report';
export { type ProjenRunner, rewriteProjenrc, type RewriteRefusal, runProjen } from './rewrite';
