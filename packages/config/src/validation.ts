import { bottlerocketTree, checkBottlerocketTree, mergeTrees } from './bottlerocket-tree';
import { checkBoolean, checkEnum, checkInteger, checkList, checkString } from './checks';
import { fail, SETTINGS_ERROR_NAME } from './errors';
import { Cidr } from './cidr';
import { resolveExtraNodegroups, resolveNodegroup } from './nodegroup-validation';
import * as defaults from './defaults';
import { ResourceNames } from './names';
import { BottlerocketSettings } from './nodegroup';
import { BottlerocketEksSettings, CapacityType, ResolvedSettings } from './settings';


/** Longest prefix: `<prefix>-bottlerocket-ondemand` must fit the 63 characters of a node group name and a label value. */
const MAX_PREFIX_LENGTH = 24;
const PREFIX_PATTERN_SOURCE = '^[a-z](?:[a-z0-9-]*[a-z0-9])?$';
const PREFIX_PATTERN = new RegExp(PREFIX_PATTERN_SOURCE);
const REGION_PATTERN = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;
const CLUSTER_NAME_PATTERN = /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/;
const ACCOUNT_ID_PATTERN = /^\d{12}$/;
const PRINCIPAL_ARN_PATTERN = /^arn:(aws|aws-cn|aws-us-gov):(iam|sts)::(\d{12}):(role|user|assumed-role)\/[\w+=,.@/-]+$/;

/** The main node group's options that are named differently at the top level. */
const MAIN_GROUP_OPTIONS: Record<string, string> = {
  desiredSize: 'nodeDesiredSize', minSize: 'nodeMinSize', maxSize: 'nodeMaxSize', name: 'pjPrefix',
};

/**
 * Applies defaults to settings and validates them.
 *
 * Every entry point (the stacks, the project type, the create command) calls this, so a
 * bad value fails the same way everywhere: an Error named `BottlerocketEksSettingsError`
 * whose message names the option, the value and what is allowed.
 */
export class Settings {
  /** The pattern a `pjPrefix` must match (also the `AllowedPattern` of the templates' `PJPrefix`). */
  public static readonly PJ_PREFIX_PATTERN = PREFIX_PATTERN_SOURCE;

  /** The longest `pjPrefix` allowed (also the `MaxLength` of the templates' `PJPrefix`). */
  public static readonly PJ_PREFIX_MAX_LENGTH = MAX_PREFIX_LENGTH;

  /** The error name of every settings error (see `SETTINGS_ERROR_NAME`). */
  public static readonly ERROR_NAME = SETTINGS_ERROR_NAME;

  /** Whether `error` is a settings error (a user error, not a bug). */
  public static isSettingsError(error: any): boolean {
    return error instanceof Error && error.name === SETTINGS_ERROR_NAME;
  }

  /** The AWS partition a region belongs to. */
  public static partitionOf(region: string): string {
    if (region.startsWith('cn-')) return 'aws-cn';
    if (region.startsWith('us-gov-')) return 'aws-us-gov';
    return 'aws';
  }

  /**
   * The TOML tree of a node group's Bottlerocket settings (typed options plus
   * `extraSettings`), validated; `option` names them in messages.
   */
  public static bottlerocketTree(settings: BottlerocketSettings, option: string): { [key: string]: any } {
    return bottlerocketTree(settings, option);
  }

  /** Checks a tree parsed from Bottlerocket TOML text, with the rules of `extraSettings`. */
  public static checkBottlerocketTree(tree: any, option: string): void {
    checkBottlerocketTree(tree, option);
  }

  /** `base` with `extra` merged in; fails on a key both set. */
  public static mergeBottlerocketTrees(base: { [key: string]: any }, extra: { [key: string]: any }, option: string): { [key: string]: any } {
    return mergeTrees(base, extra, option);
  }

  /** Applies defaults and validates; throws a `BottlerocketEksSettingsError` for the first bad value. */
  public static resolve(settings: BottlerocketEksSettings): ResolvedSettings {
    const pjPrefix = checkPrefix(settings.pjPrefix);
    const region = checkString('region', settings.region ?? defaults.DEFAULT_REGION, (r) => REGION_PATTERN.test(r),
      'an AWS region code such as ap-northeast-1 or us-east-1');
    const partition = Settings.partitionOf(region);
    const availabilityZones = checkZones(region, settings.availabilityZones ?? defaults.DEFAULT_ZONE_LETTERS.map((l) => `${region}${l}`));
    const vpcCidr = checkVpcCidr(settings.vpcCidr ?? defaults.DEFAULT_VPC_CIDR, availabilityZones.length);
    const natGateways = checkInteger('natGateways', settings.natGateways ?? defaults.DEFAULT_NAT_GATEWAYS, 1, availabilityZones.length,
      `1, or up to one per availability zone (${availabilityZones.length})`);
    const clusterName = checkString('clusterName', settings.clusterName ?? ResourceNames.defaultClusterName(pjPrefix),
      (n) => CLUSTER_NAME_PATTERN.test(n), '1-100 letters, digits, hyphens and underscores, starting with a letter or digit');
    const kubernetesVersion = checkString('kubernetesVersion', settings.kubernetesVersion ?? defaults.DEFAULT_KUBERNETES_VERSION,
      (v) => defaults.SUPPORTED_KUBERNETES_VERSIONS.includes(v), `one of ${defaults.SUPPORTED_KUBERNETES_VERSIONS.join(', ')} (EKS standard support)`);
    const endpointPublicAccessCidrs = checkList('endpointPublicAccessCidrs', settings.endpointPublicAccessCidrs ?? defaults.DEFAULT_PUBLIC_ACCESS_CIDRS,
      (c) => isAlignedCidr(c), 'IPv4 CIDR blocks such as 203.0.113.0/24, with no host bits set', 1);
    const adminPrincipalArns = checkList('adminPrincipalArns', settings.adminPrincipalArns ?? [],
      (a) => PRINCIPAL_ARN_PATTERN.exec(a)?.[1] === partition,
      `IAM role or user ARNs of partition ${partition} (the partition of ${region}), such as arn:${partition}:iam::123456789012:role/admin`, 0);
    const capacityType = checkEnum('capacityType', settings.capacityType ?? defaults.DEFAULT_CAPACITY_TYPE, Object.values(CapacityType));
    const main = resolveNodegroup(
      { ...settings, desiredSize: settings.nodeDesiredSize, minSize: settings.nodeMinSize, maxSize: settings.nodeMaxSize },
      'Main', ResourceNames.nodegroupName(pjPrefix, capacityType), partition, (key) => MAIN_GROUP_OPTIONS[key] ?? key);
    const nodegroups = [main, ...resolveExtraNodegroups(settings.extraNodegroups, pjPrefix, partition, main.nodegroupName)];
    const accountId = settings.accountId === undefined ? undefined
      : checkString('accountId', settings.accountId, (a) => ACCOUNT_ID_PATTERN.test(a), 'a 12-digit AWS account id, as a string such as "012345678901"');
    return {
      pjPrefix, region, partition, availabilityZones, vpcCidr, natGateways, clusterName, kubernetesVersion,
      endpointPublicAccessCidrs, adminPrincipalArns,
      instanceTypes: main.instanceTypes,
      capacityType: main.capacityType,
      architecture: main.architecture,
      nodeDesiredSize: main.desiredSize,
      nodeMinSize: main.minSize,
      nodeMaxSize: main.maxSize,
      accountId,
      terminationProtection: checkBoolean('terminationProtection', settings.terminationProtection ?? true),
      nodegroups,
    };
  }
}

function checkPrefix(prefix: unknown): string {
  const allowed = `1-${MAX_PREFIX_LENGTH} characters of lowercase letters, digits and hyphens, starting with a letter and `
    + 'not ending with a hyphen (it starts every stack, export and resource name)';
  if (typeof prefix !== 'string' || prefix.length > MAX_PREFIX_LENGTH || !PREFIX_PATTERN.test(prefix)) fail('pjPrefix', prefix, allowed);
  return prefix;
}



function checkZones(region: string, zones: unknown): string[] {
  const allowed = `at least two distinct zones of ${region}, such as ${region}a and ${region}c`;
  if (!Array.isArray(zones) || zones.length < 2) fail('availabilityZones', zones, allowed);
  return checkList('availabilityZones', zones, (z) => z.startsWith(region) && /^[a-z]$/.test(z.slice(region.length)), allowed, 2);
}

function isAlignedCidr(cidr: string): boolean {
  const parsed = Cidr.parse(cidr);
  return parsed !== undefined && parsed.address % 2 ** (32 - parsed.prefix) === 0;
}

function checkVpcCidr(cidr: string, zoneCount: number): string {
  const maxPrefix = Cidr.SMALLEST_SUBNET_PREFIX - Cidr.bitsFor(2 * zoneCount);
  return checkString('vpcCidr', cidr, (c) => {
    const parsed = Cidr.parse(c);
    return isAlignedCidr(c) && parsed!.prefix >= 16 && parsed!.prefix <= maxPrefix;
  }, `an IPv4 CIDR block from /16 to /${maxPrefix} with no host bits set, such as 10.0.0.0/16 `
    + `(${2 * zoneCount} subnets of at least /${Cidr.SMALLEST_SUBNET_PREFIX} must fit)`);
}

/** Graviton families carry a `g` right after the generation (m7g, c6gn, t4g, g5g); a1 is the first Graviton. */
