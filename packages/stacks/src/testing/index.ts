// Test helpers for scripts that run the preflight: import from
// 'bottlerocket-eks-stacks/lib/testing' (not re-exported by the main entry point).
export * from './fake-aws';
