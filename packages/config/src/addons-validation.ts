import { ADDON_VERSIONS, AddonKey } from './addon-versions';
import { AddonOptions, AddonsOptions } from './addons';
import { checkBoolean, checkKnownKeys, checkString } from './checks';
import { fail } from './errors';
import { ADDON_NAMES, ADDON_OPTION_NAMES } from './option-keys';
import { ResolvedAddon } from './resolved';

/** Add-ons the cluster cannot work without: pods get no network, Services no routes, names no DNS, pods no IAM roles. */
export const REQUIRED_ADDONS: readonly AddonKey[] = ['vpcCni', 'kubeProxy', 'coreDns', 'podIdentityAgent'];

/** An EKS add-on version: `v1.20.4-eksbuild.1`. */
const ADDON_VERSION_PATTERN = /^v\d+\.\d+\.\d+-eksbuild\.\d+$/;

/**
 * Configuration values the product sets, under the team's own (the team's win). The EBS CSI
 * driver's `defaultStorageClass` creates `ebs-csi-default-sc` (gp3), marked as the default
 * class: since Kubernetes 1.30 EKS has none, and a PVC naming no class would never bind.
 */
export const DEFAULT_ADDON_CONFIGURATION: Partial<Record<AddonKey, { [key: string]: any }>> = {
  ebsCsiDriver: { defaultStorageClass: { enabled: true } },
};

/**
 * The add-ons to install for `kubernetesVersion`, in the order of `ADDON_NAMES`, with configuration values and
 * versions: the team's pin (`addons.<key>.version`), else the product's verified one, else none (EKS's default).
 */
export function resolveAddons(addons: AddonsOptions | undefined, kubernetesVersion: string): ResolvedAddon[] {
  if (addons !== undefined && !isPlainObject(addons)) fail('addons', addons, 'an object of add-on options, e.g. { "metricsServer": { "enabled": false } }');
  const options = addons ?? {};
  const keys = Object.keys(ADDON_NAMES) as AddonKey[];
  checkKnownKeys('addons.', options, keys);
  const resolved: ResolvedAddon[] = [];
  for (const key of keys) {
    const addon = resolveAddon(key, options[key], kubernetesVersion);
    if (addon) resolved.push(addon);
  }
  return resolved;
}

function resolveAddon(key: AddonKey, addon: AddonOptions | undefined, kubernetesVersion: string): ResolvedAddon | undefined {
  const path = `addons.${key}`;
  if (addon !== undefined && !isPlainObject(addon)) fail(path, addon, 'an object with enabled, version and configurationValues');
  const options = addon ?? {};
  checkKnownKeys(`${path}.`, options, ADDON_OPTION_NAMES);
  const enabled = checkBoolean(`${path}.enabled`, options.enabled ?? true);
  if (!enabled && REQUIRED_ADDONS.includes(key)) {
    fail(`${path}.enabled`, false, `true: the cluster needs ${ADDON_NAMES[key]} (${REQUIRED_ADDONS.map((k) => ADDON_NAMES[k]).join(', ')} `
      + 'carry pod networking, Services, DNS and pod IAM roles), so it cannot be turned off');
  }
  if (!enabled) return undefined;
  const version = options.version !== undefined
    ? checkString(`${path}.version`, options.version, (v) => ADDON_VERSION_PATTERN.test(v), 'an EKS add-on version such as v1.20.4-eksbuild.1')
    : tableVersion(key, kubernetesVersion);
  const own = options.configurationValues === undefined ? undefined : checkConfigurationValues(`${path}.configurationValues`, options.configurationValues);
  const defaults = DEFAULT_ADDON_CONFIGURATION[key];
  const configuration = defaults === undefined ? own : mergeUnder(defaults, own ?? {});
  return {
    key,
    name: ADDON_NAMES[key],
    version,
    configurationValues: configuration === undefined ? undefined : JSON.stringify(configuration),
  };
}

/**
 * The verified version of the add-on for `kubernetesVersion` (see `ADDON_VERSIONS`), or undefined:
 * none is verified, and EKS installs its default version for that Kubernetes version.
 */
function tableVersion(key: AddonKey, kubernetesVersion: string): string | undefined {
  return ADDON_VERSIONS[kubernetesVersion]?.[key];
}

/**
 * A plain JSON object: what `describe-addon-configuration` schemas describe. Values that
 * JSON text cannot carry (functions, undefined, NaN, dates...) would be dropped or changed
 * silently, so the object must come back equal from a JSON round trip.
 */
function checkConfigurationValues(option: string, value: unknown): { [key: string]: any } {
  const allowed = 'a JSON object of the add-on\'s configuration values (see aws eks describe-addon-configuration), e.g. { "replicas": 2 }';
  if (!isPlainObject(value)) fail(option, describe(value), allowed);
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch {
    // A BigInt or a cycle: JSON text cannot hold it, nor can the message show it.
    fail(option, '<not JSON>', allowed);
  }
  if (!jsonEqual(value, JSON.parse(text))) fail(option, describe(value), `${allowed}, holding only JSON values (no undefined, functions, NaN or Infinity)`);
  return value as { [key: string]: any };
}

/** `base` with `own` merged over it, objects key by key: `own` wins. */
function mergeUnder(base: { [key: string]: any }, own: { [key: string]: any }): { [key: string]: any } {
  const merged: { [key: string]: any } = { ...base };
  for (const [key, value] of Object.entries(own)) {
    merged[key] = isPlainObject(value) && isPlainObject(merged[key]) ? mergeUnder(merged[key], value) : value;
  }
  return merged;
}

function isPlainObject(value: unknown): value is { [key: string]: any } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Deep equality of a value and its JSON round trip: anything JSON changed differs. */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (typeof a === 'number') return a === b;
  if (typeof a !== 'object' || a === null) return a === b;
  if (typeof b !== 'object' || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (!Array.isArray(a) && !isPlainObject(a)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  return aKeys.length === bKeys.length && aKeys.every((k) => jsonEqual((a as any)[k], (b as any)[k]));
}

/** What a message shows of a value JSON text cannot show (a function would print nothing). */
function describe(value: unknown): unknown {
  if (typeof value === 'function') return '<function>';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}
