// The public surface of the stacks library: what a team's CDK apps and tools use. The STS
// preflight is not here, so CDK apps never load the AWS SDK: import it from
// 'bottlerocket-eks-stacks/lib/preflight'; test helpers from 'bottlerocket-eks-stacks/lib/testing'.
export { NetworkStack, type NetworkStackProps } from './stacks/network-stack';
export { ClusterStack, type ClusterStackProps, CLUSTER_ADDONS, DEFAULT_CLUSTER_LOG_TYPES } from './stacks/cluster-stack';
export { NodegroupStack, type NodegroupStackProps, NODE_ROLE_MANAGED_POLICIES } from './stacks/nodegroup-stack';
export { BottlerocketEksStack, type BottlerocketEksStackProps } from './stacks/base-stack';
export type { TemplateModeProps } from './stacks/stack-inputs';
export { NoBootstrapSynthesizer } from './stacks/synthesizer';
export { synthApp, synthApps, type StackBuilder, teamAppProps, VALIDATE_ENV } from './synth/app';
export { pruneTemplates } from './synth/team-synth';
export { readSettingsFile, type ReadSettingsOptions } from './synth/settings-file';
export { renderBottlerocketToml } from './stacks/bottlerocket-toml';
export { plainTemplates } from './synth/plain-templates';
export { toYaml } from './synth/yaml-template';
export { STANDARD_PROFILE_CONTROL_TOWER_FINDINGS } from './stacks/control-tower';
// The settings types a team app or script meets, from the config package.
export {
  type BottlerocketEksSettings, type ResolvedSettings, type ResolvedNodegroup, Settings, ResourceNames, ExportNames, StackKind,
  CapacityType, NodeArchitecture, BottlerocketVariant, TaintEffect,
  SecurityProfile, NodegroupUpdateStrategy, ControlPlaneTier, NodeRepairAction, ReleaseTrain,
  SETTINGS_FILE_NAME,
} from 'bottlerocket-eks-config';
