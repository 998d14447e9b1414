import { bottlerocketTree } from './bottlerocket-tree';
import { checkBoolean, checkEnum, checkInteger, checkKnownKeys, checkList, checkString } from './checks';
import * as defaults from './defaults';
import { BottlerocketVariant, CapacityType, NodeArchitecture, NodegroupUpdateStrategy, NodeRepairAction, SecurityProfile, TaintEffect } from './enums';
import { fail } from './errors';
import { ResourceNames } from './names';
import { checkReleaseVersion, withControlContainer } from './node-access';
import { ExtraNodegroupOptions, NodegroupSettings, NodeRepairLimits, NodeRepairOverride, NodeTaint } from './nodegroup';
import { BOTTLEROCKET_OPTION_NAMES, EXTRA_NODEGROUP_OPTION_NAMES, NODE_REPAIR_OPTION_NAMES, NODE_REPAIR_OVERRIDE_OPTION_NAMES } from './option-keys';
import { extraNodegroupOption } from './option-names';
import { ResolvedAddon, ResolvedNodegroup } from './resolved';

const INSTANCE_TYPE_PATTERN = /^([a-z]+)(\d+)([a-z-]*)\.([a-z0-9]+)$/;
/** Families with NVIDIA GPUs (the NVIDIA variant's drivers do nothing on the others). */
const NVIDIA_FAMILIES = ['g4dn', 'g5', 'g5g', 'g6', 'g6e', 'g6f', 'gr6', 'gr6f', 'p3', 'p3dn', 'p4d', 'p4de', 'p5', 'p5e', 'p5en', 'p6-b200', 'p6e-gb200'];
const LABEL_KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;
const NAME_PATTERN = new RegExp(ResourceNames.NAME_PATTERN);
/** EKS CreateNodegroup takes at most 20 `instanceTypes`. */
const MAX_INSTANCE_TYPES = 20;
/** The EKS `Taint` API: a key of 1-63 characters, prefix included (a value of 0-63, which LABEL_VALUE already bounds). */
const MAX_TAINT_KEY_LENGTH = 63;
/** Taint effects that keep pods without a matching toleration off a node. */
const REPELLING_EFFECTS: readonly TaintEffect[] = [TaintEffect.NO_SCHEDULE, TaintEffect.NO_EXECUTE];
/**
 * The add-ons whose pods are the cluster's own system pods and need a node to run on: coredns,
 * the EBS CSI controller, metrics-server. Installed after the node groups, each waits for its
 * pods; none scheduled, its add-on stays DEGRADED and the node group stack times out.
 */
const SYSTEM_POD_ADDONS: readonly string[] = ['coreDns', 'ebsCsiDriver', 'metricsServer'];
/** Labels every node gets from this product. */
const OWN_LABELS = ['role', 'bottlerocket-eks/nodegroup-name'];

/** The size options of a group, which the main group names `node*Size`. */
interface GroupSizes {
  readonly desiredSize?: number;
  readonly minSize?: number;
  readonly maxSize?: number;
}

/** What node groups take from the top-level settings. */
export interface NodegroupContext {
  readonly names: ResourceNames;
  readonly partition: string;
  /** The strict profile turns detailed monitoring on by default. */
  readonly securityProfile: SecurityProfile;
  /** Off turns the control container off by default (and refuses it on). */
  readonly ssmAccess: boolean;
}

/** How a node group is known: construct id, short name and the option path of its options. */
type GroupIdentity = Pick<ResolvedNodegroup, 'id' | 'name' | 'optionPath'>;

/**
 * Resolves one node group. `option` turns an option name into the one the user wrote
 * (`instanceTypes` for the main group, `extraNodegroups[0].instanceTypes` for an extra).
 */
export function resolveNodegroup(
  group: NodegroupSettings & GroupSizes, identity: GroupIdentity, context: NodegroupContext, option: (key: string) => string,
): ResolvedNodegroup {
  const { names, partition } = context;
  const nodegroupName = names.nodegroup(identity.name);
  const maxLength = ResourceNames.NODEGROUP_NAME_MAX_LENGTH - ResourceNames.FINGERPRINT_LENGTH;
  if (nodegroupName.length > maxLength) {
    fail(option('name'), nodegroupName, `a node group name of at most ${maxLength} characters with the prefix (EKS allows 63, and a fingerprint of `
      + `${ResourceNames.FINGERPRINT_LENGTH} follows)`);
  }
  const capacityType = checkEnum(option('capacityType'), group.capacityType ?? defaults.DEFAULT_CAPACITY_TYPE, Object.values(CapacityType));
  const architecture = checkEnum(option('architecture'), group.architecture ?? defaults.DEFAULT_ARCHITECTURE, Object.values(NodeArchitecture));
  const variant = checkEnum(option('variant'), group.variant ?? BottlerocketVariant.STANDARD, Object.values(BottlerocketVariant));
  const instanceTypes = checkInstanceTypes(option('instanceTypes'), group.instanceTypes ?? defaultInstanceTypes(architecture, variant), architecture, variant);
  const minSize = checkInteger(option('minSize'), group.minSize ?? defaults.DEFAULT_NODE_MIN_SIZE, 0, 1000, 'a whole number from 0 to 1000');
  const maxSize = checkInteger(option('maxSize'), group.maxSize ?? defaults.DEFAULT_NODE_MAX_SIZE, Math.max(1, minSize), 1000,
    `a whole number from max(1, ${option('minSize')} = ${minSize}) to 1000`);
  const desiredSize = checkInteger(option('desiredSize'), group.desiredSize ?? Math.max(minSize, Math.min(defaults.DEFAULT_NODE_DESIRED_SIZE, maxSize)),
    minSize, maxSize, `a whole number from ${option('minSize')} (${minSize}) to ${option('maxSize')} (${maxSize})`);
  const launchTemplate = checkBoolean(option('launchTemplate'), group.launchTemplate ?? true);
  const autoRepair = checkBoolean(option('autoRepair'), group.autoRepair ?? true);
  if (!launchTemplate) {
    const needsTemplate = (['httpPutResponseHopLimit', 'dataVolumeSize', 'volumeKmsKeyArn', 'bottlerocket', 'detailedMonitoring'] as const)
      .find((k) => group[k] !== undefined);
    if (needsTemplate) fail(option('launchTemplate'), false, `true, because ${option(needsTemplate)} is set and lives in the launch template`);
  }
  checkKnownKeys(`${option('bottlerocket')}.`, group.bottlerocket ?? {}, BOTTLEROCKET_OPTION_NAMES);
  const bottlerocket = withControlContainer(group.bottlerocket ?? {}, context.ssmAccess, option, launchTemplate);
  bottlerocketTree(bottlerocket, option('bottlerocket')); // validates; the stacks render it
  return {
    ...identity,
    instanceTypes,
    capacityType,
    architecture,
    variant,
    amiType: amiType(architecture, variant),
    desiredSize,
    minSize,
    maxSize,
    labels: checkLabels(option('labels'), group.labels ?? {}),
    taints: checkTaints(option('taints'), group.taints ?? []),
    maxUnavailablePercentage: checkInteger(option('maxUnavailablePercentage'), group.maxUnavailablePercentage ?? defaults.DEFAULT_MAX_UNAVAILABLE_PERCENTAGE,
      1, 100, 'a whole number from 1 to 100'),
    updateStrategy: group.updateStrategy === undefined ? undefined
      : checkEnum(option('updateStrategy'), group.updateStrategy, Object.values(NodegroupUpdateStrategy)),
    autoRepair,
    nodeRepair: checkNodeRepair(option, group.nodeRepair, autoRepair),
    launchTemplate,
    httpPutResponseHopLimit: checkInteger(option('httpPutResponseHopLimit'), group.httpPutResponseHopLimit ?? 1, 1, 64,
      'a whole number from 1 to 64 (1 keeps pods away from the node\'s instance credentials)'),
    dataVolumeSize: checkInteger(option('dataVolumeSize'), group.dataVolumeSize ?? defaults.DEFAULT_DATA_VOLUME_SIZE, 10, 16384,
      'a size in GiB from 10 to 16384'),
    volumeKmsKeyArn: group.volumeKmsKeyArn === undefined ? undefined
      : checkString(option('volumeKmsKeyArn'), group.volumeKmsKeyArn, (a) => new RegExp(`^arn:${partition}:kms:[a-z0-9-]+:\\d{12}:(key|alias)/[\\w/-]+$`).test(a),
        `a KMS key or alias ARN of partition ${partition}, such as arn:${partition}:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab`),
    bottlerocket,
    releaseVersion: checkReleaseVersion(option('releaseVersion'), group.releaseVersion),
    // Set in the launch template, so a group without one has none.
    detailedMonitoring: launchTemplate
      && checkBoolean(option('detailedMonitoring'), group.detailedMonitoring ?? context.securityProfile === SecurityProfile.STRICT),
  };
}

/**
 * The limits of node auto repair, each pair a count (1-1000) or a percentage (1-100), not both
 * (EKS refuses both); only with `autoRepair`, which they limit.
 */
function checkNodeRepair(option: (key: string) => string, limits: unknown, autoRepair: boolean): NodeRepairLimits | undefined {
  if (limits === undefined) return undefined;
  const at = option('nodeRepair');
  if (typeof limits !== 'object' || limits === null || Array.isArray(limits)) fail(at, limits, 'an object of repair limits');
  checkKnownKeys(`${at}.`, limits, NODE_REPAIR_OPTION_NAMES);
  if (!autoRepair) fail(option('autoRepair'), false, `true, because ${at} limits node auto repair`);
  const given = limits as NodeRepairLimits;
  const checked: Record<string, unknown> = {};
  for (const [count, percentage] of [['maxUnhealthyNodeThresholdCount', 'maxUnhealthyNodeThresholdPercentage'],
    ['maxParallelNodesRepairedCount', 'maxParallelNodesRepairedPercentage']] as const) {
    if (given[count] !== undefined && given[percentage] !== undefined) {
      fail(`${at}.${percentage}`, given[percentage], `nothing while ${at}.${count} is set (EKS takes a count or a percentage, not both)`);
    }
    if (given[count] !== undefined) checked[count] = checkInteger(`${at}.${count}`, given[count], 1, 1000, 'a whole number from 1 to 1000');
    if (given[percentage] !== undefined) checked[percentage] = checkInteger(`${at}.${percentage}`, given[percentage], 1, 100, 'a whole number from 1 to 100');
  }
  if (given.overrides !== undefined) checked.overrides = checkRepairOverrides(`${at}.overrides`, given.overrides);
  return checked as NodeRepairLimits;
}

/**
 * Repair overrides: each names a condition and reason of the node monitoring agent, a wait of
 * at least a minute and an action, all four (EKS requires all of them); one override a pair.
 */
function checkRepairOverrides(at: string, overrides: unknown): NodeRepairOverride[] {
  if (!Array.isArray(overrides) || overrides.length === 0) fail(at, overrides, 'a list of { nodeMonitoringCondition, nodeUnhealthyReason, minRepairWaitTimeMins, repairAction }');
  const seen = new Set<string>();
  return overrides.map((override: NodeRepairOverride, i) => {
    const item = `${at}[${i}]`;
    if (typeof override !== 'object' || override === null || Array.isArray(override)) fail(item, override, 'an object of the four values of an override');
    checkKnownKeys(`${item}.`, override, NODE_REPAIR_OVERRIDE_OPTION_NAMES);
    // Names the agent reports (EKS lists no fixed set): one word each.
    const text = (key: 'nodeMonitoringCondition' | 'nodeUnhealthyReason', what: string) => checkString(`${item}.${key}`, override[key],
      (v) => /^\S+$/.test(v), `${what} the node monitoring agent reports, as one word`);
    const checked: NodeRepairOverride = {
      nodeMonitoringCondition: text('nodeMonitoringCondition', 'a condition, such as KernelReady or AcceleratedHardwareReady,'),
      nodeUnhealthyReason: text('nodeUnhealthyReason', 'the reason'),
      minRepairWaitTimeMins: checkInteger(`${item}.minRepairWaitTimeMins`, override.minRepairWaitTimeMins, 1, 2147483647, 'whole minutes, at least 1'),
      repairAction: checkEnum(`${item}.repairAction`, override.repairAction, Object.values(NodeRepairAction)),
    };
    const pair = `${checked.nodeMonitoringCondition}/${checked.nodeUnhealthyReason}`;
    if (seen.has(pair)) fail(`${item}.nodeUnhealthyReason`, checked.nodeUnhealthyReason, `a reason no other override of ${checked.nodeMonitoringCondition} names`);
    seen.add(pair);
    return checked;
  });
}

/** Resolves the extra node groups, checking their names are unique and differ from the names `taken`. */
export function resolveExtraNodegroups(extras: unknown, context: NodegroupContext, taken: string[]): ResolvedNodegroup[] {
  const { names } = context;
  if (extras === undefined) return [];
  if (!Array.isArray(extras)) fail('extraNodegroups', extras, 'a list of node groups, each with a name');
  const seen = new Set(taken);
  return extras.map((extra: ExtraNodegroupOptions, i) => {
    const option = (key: string) => extraNodegroupOption(i, key);
    checkKnownKeys(option(''), extra, EXTRA_NODEGROUP_OPTION_NAMES);
    const name = checkString(option('name'), extra?.name, (n) => NAME_PATTERN.test(n),
      'lowercase letters, digits and hyphens, starting with a letter (the node group is <pjPrefix>-<name>)');
    if (seen.has(name)) fail(option('name'), name, `a name no other node group of ${names.pjPrefix} has (${[...seen].join(', ')})`);
    seen.add(name);
    const id = name.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
    return resolveNodegroup(extra, { id, name, optionPath: option('') }, context, option);
  });
}

/** The EKS AMI type: `BOTTLEROCKET_<x86_64|ARM_64>[_NVIDIA|_FIPS]`. */
function amiType(architecture: NodeArchitecture, variant: BottlerocketVariant): string {
  const arch = architecture === NodeArchitecture.ARM64 ? 'ARM_64' : 'x86_64';
  return variant === BottlerocketVariant.STANDARD ? `BOTTLEROCKET_${arch}` : `BOTTLEROCKET_${arch}_${variant}`;
}

/** Whether an instance type is a Graviton (or A1) type. */
function isArmInstanceType(instanceType: string): boolean {
  const match = INSTANCE_TYPE_PATTERN.exec(instanceType);
  if (!match) return false;
  return (match[1] === 'a' && match[2] === '1') || match[3].startsWith('g');
}

function isNvidiaInstanceType(instanceType: string): boolean {
  const match = INSTANCE_TYPE_PATTERN.exec(instanceType);
  return match !== null && NVIDIA_FAMILIES.includes(`${match[1]}${match[2]}${match[3]}`);
}

function defaultInstanceTypes(architecture: NodeArchitecture, variant: BottlerocketVariant): string[] {
  const table = variant === BottlerocketVariant.NVIDIA ? defaults.DEFAULT_NVIDIA_INSTANCE_TYPES : defaults.DEFAULT_INSTANCE_TYPES;
  return table[architecture];
}

function checkInstanceTypes(option: string, types: unknown, architecture: NodeArchitecture, variant: BottlerocketVariant): string[] {
  const list = checkList(option, types, (t) => INSTANCE_TYPE_PATTERN.test(t), 'EC2 instance types such as m6i.xlarge', 1);
  if (list.length > MAX_INSTANCE_TYPES) {
    fail(option, list, `at most ${MAX_INSTANCE_TYPES} instance types (EKS takes up to ${MAX_INSTANCE_TYPES} per node group; this list has ${list.length})`);
  }
  // One size, so every node the group scales to has the same vCPUs (the autoscaler and Spot
  // rebalancing treat the group as one shape).
  const size = (type: string) => INSTANCE_TYPE_PATTERN.exec(type)![4];
  const odd = list.find((t) => size(t) !== size(list[0]));
  if (odd) fail(option, odd, `instance types of one size, like the first (${list[0]}): all .${size(list[0])}`);
  for (const type of list) {
    if (isArmInstanceType(type) !== (architecture === NodeArchitecture.ARM64)) {
      fail(option, type, architecture === NodeArchitecture.ARM64
        ? 'Graviton (arm64) instance types such as m7g.xlarge, because architecture is arm64'
        : 'x86_64 instance types such as m6i.xlarge, because architecture is x86_64 (set architecture to arm64 for Graviton types)');
    }
    if (variant === BottlerocketVariant.NVIDIA && !isNvidiaInstanceType(type)) {
      fail(option, type, `NVIDIA GPU instance types such as ${defaults.DEFAULT_NVIDIA_INSTANCE_TYPES[architecture][0]}, because variant is NVIDIA`);
    }
  }
  return list;
}

function checkLabels(option: string, labels: unknown): { [key: string]: string } {
  if (typeof labels !== 'object' || labels === null || Array.isArray(labels)) fail(option, labels, 'an object of label keys to values');
  for (const [key, value] of Object.entries(labels)) {
    if (OWN_LABELS.includes(key)) fail(option, key, `a label other than ${OWN_LABELS.join(' and ')}, which bottlerocket-eks sets`);
    checkString(option, key, (k) => LABEL_KEY.test(k), 'Kubernetes label keys such as team or example.com/tier');
    checkString(`${option}["${key}"]`, value, (v) => LABEL_VALUE.test(v), 'a label value: up to 63 letters, digits, -, _ and .');
  }
  return { ...labels as Record<string, string> };
}

function checkTaints(option: string, taints: unknown): NodeTaint[] {
  if (!Array.isArray(taints) || taints.length > 50) fail(option, taints, 'a list of up to 50 taints');
  return taints.map((taint: NodeTaint, i) => {
    checkString(`${option}[${i}].key`, taint?.key, (k) => LABEL_KEY.test(k), 'a taint key such as dedicated or nvidia.com/gpu');
    if (taint.key.length > MAX_TAINT_KEY_LENGTH) {
      fail(`${option}[${i}].key`, taint.key, `a taint key of at most ${MAX_TAINT_KEY_LENGTH} characters, prefix included (EKS allows 1-${MAX_TAINT_KEY_LENGTH}; `
        + `this one has ${taint.key.length})`);
    }
    if (taint.value !== undefined) checkString(`${option}[${i}].value`, taint.value, (v) => LABEL_VALUE.test(v), 'up to 63 letters, digits, -, _ and .');
    checkEnum(`${option}[${i}].effect`, taint.effect, Object.values(TaintEffect));
    return { key: taint.key, value: taint.value, effect: taint.effect };
  });
}

/**
 * Refuses settings under which no node can take the cluster's own system pods (coredns, the
 * EBS CSI controller, metrics-server): every group at desired size 0, or every group with a
 * NO_SCHEDULE or NO_EXECUTE taint. Their add-ons would stay DEGRADED and the node group stack
 * would time out after its node groups were created. Checked only while one of those add-ons
 * is enabled (coredns always is). A team that sets `tolerations` in the configuration values
 * of every such enabled add-on places their pods itself, so then only the sizes count.
 * The option named is the main group's: `nodeDesiredSize` when it has no nodes, else `taints`.
 */
export function checkSystemPodNodes(nodegroups: readonly ResolvedNodegroup[], addons: readonly ResolvedAddon[]): void {
  const systemAddons = addons.filter((a) => SYSTEM_POD_ADDONS.includes(a.key));
  if (systemAddons.length === 0) return;
  const tolerated = systemAddons.every((a) => a.configurationValues !== undefined && hasKey(JSON.parse(a.configurationValues), 'tolerations'));
  const takesSystemPods = (g: ResolvedNodegroup) => g.desiredSize >= 1 && (tolerated || !g.taints.some((t) => REPELLING_EFFECTS.includes(t.effect)));
  if (nodegroups.some(takesSystemPods)) return;
  const main = nodegroups[0];
  const names = systemAddons.map((a) => a.name);
  const listed = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
  const allowed = 'at least one node group with desired size >= 1 and no NO_SCHEDULE or NO_EXECUTE taint, '
    + `to run the system pods of ${listed} (without one their add-ons never become active)`;
  if (main.desiredSize === 0) fail('nodeDesiredSize', main.desiredSize, allowed);
  fail('taints', main.taints, allowed);
}

/** Whether a JSON value has `key` as an object key at any depth. */
function hasKey(value: unknown, key: string): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (!Array.isArray(value) && key in value) return true;
  return Object.values(value).some((v) => hasKey(v, key));
}
