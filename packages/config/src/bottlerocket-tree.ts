import { fail } from './errors';
import { BottlerocketSettings, ReservedResources } from './nodegroup';

/** A TOML document as plain data: tables are objects, arrays hold one type. */
export type TomlTree = { [key: string]: any };

/** Keys EKS writes into the user data itself (so a launch template needs no cluster details). */
const EKS_INJECTED = ['api-server', 'cluster-certificate', 'cluster-name', 'cluster-dns-ip'];
/** Keys that belong on the node group, where EKS and the console can see them. */
const NODEGROUP_OWNED = ['node-labels', 'node-taints'];

/** A key TOML writes without quotes. */
const BARE_KEY = /^[A-Za-z0-9_-]+$/;
/** Characters TOML writes escaped in a string, a form EKS does not accept in launch template user data. */
const NEEDS_ESCAPING = /["\\\u0000-\u001f\u007f]/;
const UNESCAPED_STRING = 'a string without quotes, backslashes or control characters (TOML would write them escaped, '
  + 'which EKS does not accept in launch template user data)';
const QUANTITY = /^\d+(\.\d+)?(m|k|Ki|M|Mi|G|Gi|T|Ti)?$/;
const PERCENT_OR_QUANTITY = /^(\d+(\.\d+)?%|\d+(\.\d+)?(Ki|Mi|Gi|Ti|k|M|G|T)?)$/;
const EVICTION_SIGNALS = ['memory.available', 'nodefs.available', 'nodefs.inodesFree', 'imagefs.available', 'imagefs.inodesFree', 'pid.available'];
const SYSCTL_KEY = /^[a-z0-9_-]+(\.[a-z0-9_*-]+|\/[a-z0-9_*-]+)+$/;
const DEFAULT_IMAGE_GC_HIGH = 85;
const DEFAULT_IMAGE_GC_LOW = 80;

/**
 * The Bottlerocket TOML tree of a node group: the typed options, then `extraSettings`
 * checked and merged in. `option` names the settings in messages, e.g. `bottlerocket`.
 */
export function bottlerocketTree(settings: BottlerocketSettings, option: string): TomlTree {
  const kubernetes: TomlTree = {};
  if (settings.maxPods !== undefined) kubernetes['max-pods'] = integer(`${option}.maxPods`, settings.maxPods, 1, 737);
  if (settings.kubeReserved !== undefined) kubernetes['kube-reserved'] = reserved(`${option}.kubeReserved`, settings.kubeReserved);
  if (settings.systemReserved !== undefined) kubernetes['system-reserved'] = reserved(`${option}.systemReserved`, settings.systemReserved);
  if (settings.evictionHard !== undefined) kubernetes['eviction-hard'] = evictionHard(`${option}.evictionHard`, settings.evictionHard);
  if (settings.imageGcHighThresholdPercent !== undefined || settings.imageGcLowThresholdPercent !== undefined) {
    const high = integer(`${option}.imageGcHighThresholdPercent`, settings.imageGcHighThresholdPercent ?? DEFAULT_IMAGE_GC_HIGH, 1, 100);
    const low = integer(`${option}.imageGcLowThresholdPercent`, settings.imageGcLowThresholdPercent ?? DEFAULT_IMAGE_GC_LOW, 0, high - 1);
    kubernetes['image-gc-high-threshold-percent'] = high;
    kubernetes['image-gc-low-threshold-percent'] = low;
  }
  if (settings.containerLogMaxSize !== undefined) {
    kubernetes['container-log-max-size'] = text(`${option}.containerLogMaxSize`, settings.containerLogMaxSize, QUANTITY, 'a quantity such as 10Mi');
  }
  const tree: TomlTree = { settings: {} };
  if (Object.keys(kubernetes).length > 0) tree.settings.kubernetes = kubernetes;
  if (settings.sysctls !== undefined) tree.settings.kernel = { sysctl: sysctls(`${option}.sysctls`, settings.sysctls) };
  tree.settings['host-containers'] = {
    admin: { enabled: bool(`${option}.adminContainer`, settings.adminContainer ?? false) },
    control: { enabled: bool(`${option}.controlContainer`, settings.controlContainer ?? true) },
  };
  if (settings.motd !== undefined) tree.settings.motd = text(`${option}.motd`, settings.motd, /^[^\0]*$/, 'a string');
  if (settings.extraSettings !== undefined) {
    checkBottlerocketTree(settings.extraSettings, `${option}.extraSettings`);
    return mergeTrees(tree, settings.extraSettings, `${option}.extraSettings`);
  }
  return tree;
}

/**
 * Checks a tree meant for Bottlerocket user data (from `extraSettings`, or parsed TOML
 * text): only `settings`, none of the keys EKS injects or the node group owns, TOML values
 * only, no arrays of mixed types (EKS refuses them).
 */
export function checkBottlerocketTree(tree: unknown, option: string): void {
  if (!isTable(tree)) fail(option, tree, 'a table of Bottlerocket settings, such as { settings: { motd: "hi" } }');
  for (const key of Object.keys(tree)) {
    if (key !== 'settings') fail(option, key, 'settings under the top-level key "settings"');
  }
  walk(tree, [], option);
}

/** `base` with `extra` merged in; a leaf that both set is an error naming it. */
export function mergeTrees(base: TomlTree, extra: TomlTree, option: string, path: string[] = []): TomlTree {
  const merged: TomlTree = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const here = [...path, key];
    if (!(key in merged)) {
      merged[key] = value;
    } else if (isTable(merged[key]) && isTable(value)) {
      merged[key] = mergeTrees(merged[key], value, option, here);
    } else {
      fail(option, here.join('.'), 'keys that no typed option sets (set it through the typed option instead)');
    }
  }
  return merged;
}

function walk(node: unknown, path: string[], option: string): void {
  const dotted = path.join('.');
  if (isTable(node)) {
    for (const [key, value] of Object.entries(node)) {
      const here = [...path, key];
      if (isTable(value) && !BARE_KEY.test(key)) {
        fail(option, here.join('.'), 'table names of letters, digits, - and _ (a table header with a quoted key, such as '
          + `[settings."${key}"], is not accepted by EKS in launch template user data)`);
      }
      if (here.length === 3 && here[0] === 'settings' && here[1] === 'kubernetes') {
        if (EKS_INJECTED.includes(key)) {
          fail(option, here.join('.'), `no key that EKS injects (${EKS_INJECTED.join(', ')}: EKS sets them from the cluster)`);
        }
        if (NODEGROUP_OWNED.includes(key)) {
          fail(option, here.join('.'), 'no node labels or taints here: set labels and taints on the node group');
        }
      }
      walk(value, here, option);
    }
  } else if (Array.isArray(node)) {
    const types = new Set(node.map(kindOf));
    if (types.size > 1) fail(option, dotted, `arrays of one type (EKS refuses mixed arrays such as ${JSON.stringify(node)})`);
    node.forEach((item, i) => walk(item, [...path.slice(0, -1), `${path[path.length - 1]}[${i}]`], option));
  } else if (!['string', 'number', 'boolean'].includes(typeof node) && !(node instanceof Date)) {
    fail(option, dotted, `TOML values (string, number, boolean, date, array, table), not ${node === null ? 'null' : typeof node}`);
  } else if (typeof node === 'string' && NEEDS_ESCAPING.test(node)) {
    fail(option, dotted, UNESCAPED_STRING);
  } else if (typeof node === 'number' && !Number.isFinite(node)) {
    fail(option, dotted, 'finite numbers');
  }
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (isTable(value)) return 'table';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'float';
  return typeof value;
}

function isTable(value: unknown): value is TomlTree {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function integer(option: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) fail(option, value, `a whole number from ${min} to ${max}`);
  return value;
}

function bool(option: string, value: unknown): boolean {
  if (typeof value !== 'boolean') fail(option, value, 'true or false');
  return value;
}

function text(option: string, value: unknown, pattern: RegExp, allowed: string): string {
  if (typeof value === 'string' && NEEDS_ESCAPING.test(value)) fail(option, value, UNESCAPED_STRING);
  if (typeof value !== 'string' || !pattern.test(value)) fail(option, value, allowed);
  return value;
}

function reserved(option: string, value: ReservedResources): TomlTree {
  if (!isTable(value)) fail(option, value, 'an object with cpu, memory and/or ephemeralStorage');
  const names: Record<string, string> = { cpu: 'cpu', memory: 'memory', ephemeralStorage: 'ephemeral-storage' };
  const result: TomlTree = {};
  for (const [key, quantity] of Object.entries(value)) {
    if (!(key in names)) fail(option, key, 'cpu, memory or ephemeralStorage');
    result[names[key]] = text(`${option}.${key}`, quantity, QUANTITY, 'a Kubernetes quantity such as 100m, 512Mi or 1Gi');
  }
  return result;
}

function evictionHard(option: string, value: { [signal: string]: string }): TomlTree {
  if (!isTable(value)) fail(option, value, `an object of eviction signals (${EVICTION_SIGNALS.join(', ')}) to thresholds`);
  for (const [signal, threshold] of Object.entries(value)) {
    if (!EVICTION_SIGNALS.includes(signal)) fail(option, signal, `one of the eviction signals ${EVICTION_SIGNALS.join(', ')}`);
    text(`${option}["${signal}"]`, threshold, PERCENT_OR_QUANTITY, 'a percentage such as 10% or a quantity such as 500Mi');
  }
  return { ...value };
}

function sysctls(option: string, value: { [key: string]: string }): TomlTree {
  if (!isTable(value)) fail(option, value, 'an object of kernel parameters to values');
  for (const [key, setting] of Object.entries(value)) {
    text(option, key, SYSCTL_KEY, 'kernel parameter names such as net.core.somaxconn');
    text(`${option}["${key}"]`, setting, /^\S(.*\S)?$/, 'a non-empty string value');
  }
  return { ...value };
}
