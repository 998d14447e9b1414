export * from 'bottlerocket-eks-config';
export * from './base-stack';
export * from './synthesizer';
export * from './bottlerocket-toml';
export * from './stack-inputs';
export * from './network-stack';
export * from './cluster-stack';
export * from './nodegroup-stack';
export * from './settings-file';
export * from './app';
export * from './plain-templates';
export * from './yaml-template';
// The STS preflight is not re-exported here, so CDK apps never load the AWS SDK: import it
// from 'bottlerocket-eks-stacks/lib/preflight'.
