// The public surface of the stacks library: what a team's CDK apps and tools use. The STS
// preflight is not here, so CDK apps never load the AWS SDK: import it from
// 'bottlerocket-eks-stacks/lib/preflight'; test helpers from 'bottlerocket-eks-stacks/lib/testing'.
export { NetworkStack, NetworkStackProps } from './network-stack';
export { ClusterStack, ClusterStackProps, CLUSTER_ADDONS, DEFAULT_CLUSTER_LOG_TYPES } from './cluster-stack';
export { NodegroupStack, NodegroupStackProps, NODE_ROLE_MANAGED_POLICIES } from './nodegroup-stack';
export { BottlerocketEksStack, BottlerocketEksStackProps } from './base-stack';
export { TemplateModeProps } from './stack-inputs';
export { NoBootstrapSynthesizer } from './synthesizer';
export { synthApp, synthApps, StackBuilder, teamAppProps, VALIDATE_ENV } from './app';
export { readSettingsFile, ReadSettingsOptions } from './settings-file';
export { renderBottlerocketToml } from './bottlerocket-toml';
export { plainTemplates } from './plain-templates';
export { toYaml } from './yaml-template';
export { STANDARD_PROFILE_CONTROL_TOWER_FINDINGS } from './control-tower';
// The settings types a team app or script meets, from the config package.
export {
  BottlerocketEksSettings, ResolvedSettings, ResolvedNodegroup, Settings, ResourceNames, ExportNames, StackKind,
  CapacityType, NodeArchitecture, BottlerocketVariant, TaintEffect, SecurityProfile, SETTINGS_FILE_NAME,
} from 'bottlerocket-eks-config';
