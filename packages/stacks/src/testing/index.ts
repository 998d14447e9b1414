// What a team repository's own tests use: import from 'bottlerocket-eks-stacks/lib/testing'
// (not re-exported by the main entry point).
// Contract checks a team repository's own tests run on its cloud assembly and templates/.
export * from './contract';
// The deployments (one, or one per environment) a team repository's tests check.
export * from './deployments';
// The settings the team's tests check the stacks against, without loading aws-cdk-lib.
export { readSettingsFile } from '../synth/settings-file';
