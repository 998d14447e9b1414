import { AppProps, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { testApp } from './temp';
import {
  BottlerocketEksSettings, BottlerocketVariant, CapacityType, ClusterStack,
  ControlPlaneTier, NetworkStack, NodeArchitecture, NodegroupStack, NodeRepairAction,
  NodegroupUpdateStrategy, ResourceNames, SecurityProfile, Settings, TaintEffect,
} from '../src';
import { planStack, StackPlan } from '../src/plan';

/**
 * Settings far apart from each other, for checks that must hold for every configuration
 * (schema validity, security findings).
 */
export const SETTINGS_VARIANTS: Record<string, BottlerocketEksSettings> = {
  'defaults': { pjPrefix: 'team-a' },
  'arm64 on demand': { pjPrefix: 'team-a', architecture: NodeArchitecture.ARM64, capacityType: CapacityType.ON_DEMAND },
  '3 zones, 3 NAT gateways': {
    pjPrefix: 'team-a',
    availabilityZones: ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d'],
    natGateways: 3,
  },
  'strict security profile': { pjPrefix: 'team-a', securityProfile: SecurityProfile.STRICT, logRetentionDays: 400 },
  'accountId and an admin': {
    pjPrefix: 'team-a',
    controlPlaneTier: ControlPlaneTier.TIER_XL,
    accountId: '123456789012',
    adminPrincipalArns: ['arn:aws:iam::123456789012:role/admin'],
  },
  'node group options and extra groups': {
    pjPrefix: 'team-a',
    labels: { team: 'a' },
    taints: [{ key: 'spot', effect: TaintEffect.PREFER_NO_SCHEDULE }],
    httpPutResponseHopLimit: 2,
    dataVolumeSize: 100,
    volumeKmsKeyArn: 'arn:aws:kms:ap-northeast-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    bottlerocket: { maxPods: 58, sysctls: { 'net.core.somaxconn': '4096' } },
    nodeRepair: { maxUnhealthyNodeThresholdPercentage: 20, maxParallelNodesRepairedCount: 1, overrides: [{ nodeMonitoringCondition: 'KernelReady', nodeUnhealthyReason: 'SoftLockup', minRepairWaitTimeMins: 15, repairAction: NodeRepairAction.REBOOT }] },
    extraNodegroups: [
      { name: 'system', capacityType: CapacityType.ON_DEMAND, instanceTypes: ['m6i.large'], autoRepair: false, maxUnavailablePercentage: 50 },
      { name: 'gpu', variant: BottlerocketVariant.NVIDIA, minSize: 0, desiredSize: 0, updateStrategy: NodegroupUpdateStrategy.MINIMAL },
      { name: 'plain', launchTemplate: false },
    ],
  },
};

/** The three stacks of one prefix, synthesized in one app as a team's apps would. */
export function synthAll(settings: BottlerocketEksSettings, appProps: AppProps = {}) {
  // aws-cdk-lib's CloudFormation validation costs over a second a synth; one test runs it
  // on purpose (see contract.test.ts), the others skip it.
  const app = testApp({ builtinCloudFormationValidation: false, ...appProps });
  const props = { settings: Settings.resolve(settings) };
  const network = new NetworkStack(app, 'Network', props);
  const cluster = new ClusterStack(app, 'Cluster', props);
  const nodegroup = new NodegroupStack(app, 'Nodegroup', props);
  return {
    app,
    stacks: { network, cluster, nodegroup } as Record<string, Stack>,
    templates: {
      network: Template.fromStack(network),
      cluster: Template.fromStack(cluster),
      nodegroup: Template.fromStack(nodegroup),
    } as Record<string, Template>,
  };
}

/** Every string value of `Fn::ImportValue` in a template (literal names only). */
export function importedNames(template: any): string[] {
  const found: string[] = [];
  walk(template, (node) => {
    if (node && typeof node === 'object' && 'Fn::ImportValue' in node) found.push(node['Fn::ImportValue']);
  });
  return found;
}

/** Every export name declared in a template's outputs. */
export function exportedNames(template: any): string[] {
  return Object.values(template.Outputs ?? {}).map((o: any) => o.Export?.Name).filter((n) => n !== undefined);
}

export function walk(node: any, visit: (node: any) => void): void {
  visit(node);
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') Object.values(node).forEach((n) => walk(n, visit));
}

/** The three templates of some settings, by stack name. */
export function templatesByStackName(settings: BottlerocketEksSettings): Record<string, any> {
  const { stacks, templates } = synthAll(settings);
  return Object.fromEntries(Object.entries(templates).map(([kind, template]) => [stacks[kind].stackName, template.toJSON()]));
}

/** Who imports each export, as CloudFormation's ListImports would say for deployed stacks. */
export function importersOf(deployed: Record<string, any>): Record<string, string[]> {
  const importers: Record<string, string[]> = {};
  for (const [stackName, template] of Object.entries(deployed)) {
    for (const name of new Set(importedNames(template))) (importers[name] ??= []).push(stackName);
  }
  return importers;
}

/** The update plan of every stack of prefix `team-a`, from `deployed` (templates by stack name) to the templates of `to`. */
export function planFrom(deployed: Record<string, any>, to: BottlerocketEksSettings): StackPlan[] {
  const proposed = templatesByStackName(to);
  const importers = importersOf(deployed);
  const blockedReleases = Settings.resolve(to).blockedBottlerocketReleases;
  return new ResourceNames('team-a').stacks()
    .map((stackName) => planStack({ stackName, deployed: deployed[stackName], proposed: proposed[stackName], importers, blockedReleases }));
}
