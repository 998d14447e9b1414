import { resolveAddons } from './addons-validation';
import { bottlerocketTree, checkBottlerocketTree, mergeTrees } from './bottlerocket-tree';
import { checkBoolean, checkEnum, checkInteger, checkKnownKeys, checkList, checkString } from './checks';
import { Cidr } from './cidr';
import { resolveClusterOptions } from './cluster-options';
import * as defaults from './defaults';
import { CapacityType } from './enums';
import { ResolvedEnvironment, resolveEnvironments } from './environments';
import { fail, isSettingsError, SETTINGS_ERROR_NAME } from './errors';
import { resolveExistingVpc } from './existing-vpc';
import { DEFAULT_KUBERNETES_VERSION, SUPPORTED_KUBERNETES_VERSIONS } from './kubernetes-versions';
import { ResourceNames } from './names';
import { BottlerocketSettings } from './nodegroup';
import { checkSystemPodNodes, NodegroupContext, resolveExtraNodegroups, resolveNodegroup } from './nodegroup-validation';
import { SETTING_NAMES } from './option-keys';
import { BottlerocketEksSettings, EnvironmentSettings } from './options';
import { KNOWN_REGIONS } from './regions';
import { resolveReleaseTrain } from './release-train';
import { ResolvedSettings } from './resolved';
import { resolveSecurity } from './security';

const NAME_PATTERN = new RegExp(ResourceNames.NAME_PATTERN);
const REGION_PATTERN = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;
const CLUSTER_NAME_PATTERN = /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/;
const ACCOUNT_ID_PATTERN = /^\d{12}$/;
const POLICY_NAME_PATTERN = /^[\w+=,.@-]{1,128}$/;
const PRINCIPAL_ARN_PATTERN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):(role|user)\/[\w+=,.@/-]+$/;
const ASSUMED_ROLE_ARN_PATTERN = /^arn:(aws|aws-cn|aws-us-gov):sts::(\d{12}):assumed-role\/([\w+=,.@-]+)\/[\w+=,.@-]+$/;

/** The main node group's options that are named differently at the top level. */
const MAIN_GROUP_OPTIONS: Record<string, string> = {
  desiredSize: 'nodeDesiredSize', minSize: 'nodeMinSize', maxSize: 'nodeMaxSize', name: 'pjPrefix',
};

/**
 * Applies defaults to settings and validates them.
 *
 * Every entry point (the stacks' settings-file reader, the project type, the create
 * command) calls `resolve` once and passes the result on, so a bad value fails the same way
 * everywhere: an Error named `BottlerocketEksSettingsError` whose message names the option,
 * the value and what is allowed.
 */
export class Settings {
  /** The error name of every settings error (see `isSettingsError`). */
  public static readonly ERROR_NAME = SETTINGS_ERROR_NAME;

  /** Whether `error` is a settings error (a user error, not a bug). */
  public static isSettingsError(error: any): boolean {
    return isSettingsError(error);
  }

  /** The AWS partition a region belongs to: from the known regions, else from its name. */
  public static partitionOf(region: string): string {
    if (KNOWN_REGIONS[region]) return KNOWN_REGIONS[region];
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

  /**
   * Resolves each environment of a repository with several: the top-level `settings` with the
   * environment's over them, each validated on its own (a bad value's message names the
   * environment); the top level alone is validated first.
   */
  public static resolveEnvironments(settings: BottlerocketEksSettings, environments: EnvironmentSettings[]): ResolvedEnvironment[] {
    Settings.resolve(settings);
    return resolveEnvironments(settings, environments, (options) => Settings.resolve(options));
  }

  /** Applies defaults and validates; throws a `BottlerocketEksSettingsError` for the first bad value. */
  public static resolve(settings: BottlerocketEksSettings): ResolvedSettings {
    checkKnownKeys('', settings, SETTING_NAMES);
    const pjPrefix = checkPrefix(settings.pjPrefix);
    const region = checkRegion(settings.region ?? defaults.DEFAULT_REGION, checkBoolean('allowUnlistedRegion', settings.allowUnlistedRegion ?? false));
    const partition = Settings.partitionOf(region);
    const existingVpc = resolveExistingVpc(settings, region);
    // With an existing VPC the zones are those its subnets are in.
    const availabilityZones = checkZones(region, settings.availabilityZones
      ?? (existingVpc ? Object.keys(existingVpc.privateSubnetIds) : defaults.DEFAULT_ZONE_LETTERS.map((l) => `${region}${l}`)));
    const vpcCidr = checkVpcCidr(settings.vpcCidr ?? defaults.DEFAULT_VPC_CIDR);
    const natGateways = checkInteger('natGateways', settings.natGateways ?? defaults.DEFAULT_NAT_GATEWAYS, 1, availabilityZones.length,
      `1, or up to one per availability zone (${availabilityZones.length})`);
    const clusterName = settings.clusterName === undefined ? undefined : checkString('clusterName', settings.clusterName,
      (n) => CLUSTER_NAME_PATTERN.test(n), '1-100 letters, digits, hyphens and underscores, starting with a letter or digit');
    const kubernetesVersion = checkString('kubernetesVersion', settings.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
      (v) => SUPPORTED_KUBERNETES_VERSIONS.includes(v), `one of ${SUPPORTED_KUBERNETES_VERSIONS.join(', ')} (EKS standard support)`);
    const endpointPublicAccessCidrs = checkList('endpointPublicAccessCidrs', settings.endpointPublicAccessCidrs ?? defaults.DEFAULT_PUBLIC_ACCESS_CIDRS,
      (c) => Cidr.isAligned(c), 'IPv4 CIDR blocks such as 203.0.113.0/24, with no host bits set', 1);
    const adminPrincipalArns = checkAdminPrincipals(settings.adminPrincipalArns ?? [], partition, region);
    const capacityType = checkEnum('capacityType', settings.capacityType ?? defaults.DEFAULT_CAPACITY_TYPE, Object.values(CapacityType));
    const security = resolveSecurity(settings, partition, region);
    const ssmAccess = checkBoolean('ssmAccess', settings.ssmAccess ?? true);
    const context: NodegroupContext = { names: new ResourceNames(pjPrefix), partition, securityProfile: security.securityProfile, ssmAccess };
    const main = resolveNodegroup(
      { ...settings, desiredSize: settings.nodeDesiredSize, minSize: settings.nodeMinSize, maxSize: settings.nodeMaxSize },
      { id: 'Main', name: ResourceNames.mainNodegroup(capacityType), optionPath: '' }, context,
      (key) => MAIN_GROUP_OPTIONS[key] ?? key);
    const nodegroups = [main, ...resolveExtraNodegroups(settings.extraNodegroups, context, [main.name])];
    const addons = resolveAddons(settings.addons, kubernetesVersion);
    checkSystemPodNodes(nodegroups, addons);
    const accountId = settings.accountId === undefined ? undefined
      : checkString('accountId', settings.accountId, (a) => ACCOUNT_ID_PATTERN.test(a), 'a 12-digit AWS account id, as a string such as "012345678901"');
    return {
      pjPrefix,
      region,
      partition,
      availabilityZones,
      vpcCidr,
      natGateways,
      clusterName,
      kubernetesVersion,
      endpointPublicAccessCidrs,
      adminPrincipalArns,
      accountId,
      terminationProtection: checkBoolean('terminationProtection', settings.terminationProtection ?? true),
      deletionProtection: checkBoolean('deletionProtection', settings.deletionProtection ?? true),
      nodegroups,
      addons,
      ...security,
      ...resolveClusterOptions(settings, security.securityProfile),
      ...resolveReleaseTrain(settings),
      rolePermissionsBoundary: settings.rolePermissionsBoundary === undefined ? undefined
        : checkString('rolePermissionsBoundary', settings.rolePermissionsBoundary, (n) => POLICY_NAME_PATTERN.test(n),
          'the name of an IAM managed policy of the account: 1-128 letters, digits and +=,.@_-'),
      ssmAccess,
      existingVpc,
    };
  }
}

function checkPrefix(prefix: unknown): string {
  const max = ResourceNames.PJ_PREFIX_MAX_LENGTH;
  const allowed = `1-${max} characters of lowercase letters, digits and hyphens, starting with a letter and `
    + 'not ending with a hyphen (it starts every stack, export and resource name)';
  return checkString('pjPrefix', prefix, (p) => p.length <= max && NAME_PATTERN.test(p), allowed);
}

function checkRegion(region: unknown, allowUnlisted: boolean): string {
  const checked = checkString('region', region, (r) => REGION_PATTERN.test(r), 'an AWS region code such as ap-northeast-1 or us-east-1');
  if (!allowUnlisted && KNOWN_REGIONS[checked] === undefined) {
    fail('region', checked, 'a region AWS has, such as ap-northeast-1 or us-east-1 (for a region newer than this release, '
      + 'also set allowUnlistedRegion: true)');
  }
  return checked;
}

function checkZones(region: string, zones: unknown): string[] {
  const letters = Cidr.ZONE_LETTERS;
  const allowed = `at least two distinct zones of ${region} with the letters ${letters[0]}-${letters[letters.length - 1]}, such as ${region}a and ${region}c`;
  if (!Array.isArray(zones) || zones.length < 2) fail('availabilityZones', zones, allowed);
  return checkList('availabilityZones', zones, (z) => z.startsWith(region) && letters.includes(z.slice(region.length)), allowed, 2);
}

/**
 * IAM roles and users only: an access entry for an STS session ARN (what `aws sts
 * get-caller-identity` prints under an assumed role) never matches a caller, so it is
 * refused with the role ARN to use instead.
 */
function checkAdminPrincipals(arns: unknown, partition: string, region: string): string[] {
  const option = 'adminPrincipalArns';
  if (Array.isArray(arns)) {
    for (const arn of arns) {
      const session = typeof arn === 'string' ? ASSUMED_ROLE_ARN_PATTERN.exec(arn) : null;
      if (session) fail(option, arn, `IAM role or user ARNs, not an STS session: use the role, arn:${session[1]}:iam::${session[2]}:role/${session[3]}`);
    }
  }
  return checkList(option, arns, (a) => PRINCIPAL_ARN_PATTERN.exec(a)?.[1] === partition,
    `IAM role or user ARNs of partition ${partition} (the partition of ${region}), such as arn:${partition}:iam::123456789012:role/admin`, 0);
}

function checkVpcCidr(cidr: unknown): string {
  const [largest, smallest] = [Cidr.LARGEST_VPC_PREFIX, Cidr.SMALLEST_VPC_PREFIX];
  return checkString('vpcCidr', cidr, (c) => Cidr.isAligned(c) && Cidr.parse(c)!.prefix >= largest && Cidr.parse(c)!.prefix <= smallest,
    `an IPv4 CIDR block from /${largest} to /${smallest} with no host bits set, such as 10.0.0.0/16 (each zone gets fixed subnet slots in it)`);
}
