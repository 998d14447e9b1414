import { ADDON_NAMES, ADDON_STACKS, AddonKey, nextKubernetesVersion, ResolvedSettings, StackKind } from 'bottlerocket-eks-config';
import type { Offer } from '../preflight/addon-checks';
import type { EnvironmentStatus, InsightStatus } from '../status';
import { UNDO_DRIFT } from '../status/attention';
import { isStable } from '../status/stacks';

/** Why a step must not be taken now, and what to do. */
export interface UpgradeRefusal {
  readonly reason: string;
  readonly fix: string;
}

/** An add-on in an upgrade step. */
export interface AddonStep {
  readonly name: string;
  /** The stack that installs it: the cluster stack (before the nodes) or the node group stack (after them). */
  readonly stack: StackKind;
  /** The version installed now. */
  readonly from?: string;
  /** The version the step asks for; undefined: no version in the template (EKS keeps what is installed). */
  readonly to?: string;
  /** Whether EKS offers `to` for the new Kubernetes version (DescribeAddonVersions); undefined: not known. */
  readonly offered?: boolean;
  /** EKS's default version for the new Kubernetes version, when known. */
  readonly eksDefault?: string;
}

/** A node group in an upgrade step: it rolls its nodes by its update config. */
export interface NodegroupStep {
  readonly name: string;
  readonly desired: number;
  readonly maxUnavailablePercentage: number;
  /** How many rounds of nodes it replaces, at most `maxUnavailable` nodes a round. */
  readonly rounds: number;
  /** `MINIMAL`: old nodes go before new ones come; undefined: EKS's default (new ones first). */
  readonly updateStrategy?: string;
}

/** One Kubernetes minor, from the deployed version to the next. */
export interface UpgradeStep {
  readonly environment?: string;
  readonly from: string;
  readonly to: string;
  readonly addons: AddonStep[];
  readonly nodegroups: NodegroupStep[];
  /** The upgrade insights for `to`, as EKS has them now. */
  readonly insights: InsightStatus[];
  /** What is not known or not clean, said but not refused. */
  readonly warnings: string[];
  /** Why the step must not be taken now; empty: it may. */
  readonly refusals: UpgradeRefusal[];
}

/** What a step is planned from. */
export interface UpgradeInputs {
  readonly status: EnvironmentStatus;
  /** The settings with the next version (the settings error's message, when they do not resolve). */
  readonly target: ResolvedSettings | string;
  /** What EKS offers of each add-on for the next version, by add-on name (absent: not known). */
  readonly offers: Record<string, Offer | undefined>;
  /** The command that carries the step out, e.g. `npx projen deploy:dev`. */
  readonly deployCommand: string;
}

/**
 * The next step of a deployed environment: from the Kubernetes version the cluster runs to the
 * next one the product supports. Refused while a stack is missing or not stable, drift is
 * found, a node group is not on the cluster's version (EKS upgrades a control plane only then),
 * an upgrade insight for the next version is in ERROR, or the settings do not already ask for
 * the deployed version. Insights EKS has not computed are said to be unknown, never passed.
 */
export function planUpgrade(inputs: UpgradeInputs): UpgradeStep | UpgradeRefusal {
  const { status, deployCommand } = inputs;
  const cluster = status.cluster;
  if (!cluster.exists || !cluster.version) {
    return {
      reason: `the cluster ${cluster.name} is not deployed, so there is nothing to upgrade`,
      fix: `set kubernetesVersion in .projenrc.ts and \`${deployCommand}\``,
    };
  }
  const from = cluster.version;
  if (cluster.settingsVersion !== from) {
    const pending = nextKubernetesVersion(from) === cluster.settingsVersion;
    return pending
      ? {
        reason: `the step to ${cluster.settingsVersion} is written in the settings but not deployed (the cluster runs ${from})`,
        fix: `\`${deployCommand}\` carries it out`,
      }
      : {
        reason: `the cluster runs Kubernetes ${from} but the settings say ${cluster.settingsVersion}`,
        fix: `set kubernetesVersion to ${from} in .projenrc.ts, run \`npx projen\`, then plan again`,
      };
  }
  const to = nextKubernetesVersion(from);
  if (!to) {
    return {
      reason: `Kubernetes ${from} is the newest version this bottlerocket-eks supports`,
      fix: 'update bottlerocket-eks (its upgrade workflow opens the pull request), then plan again',
    };
  }
  if (typeof inputs.target === 'string') {
    return {
      reason: `the settings do not take Kubernetes ${to}: ${inputs.target}`,
      fix: 'fix the setting it names in .projenrc.ts, then plan again',
    };
  }
  const target = inputs.target;
  const refusals: UpgradeRefusal[] = [];
  const warnings: string[] = [];

  for (const stack of status.stacks) {
    if (!stack.exists) {refusals.push({ reason: `the stack ${stack.stackName} is not deployed`, fix: `\`${deployCommand}\` first` });} else if (!isStable(stack.status ?? '')) {
      refusals.push({
        reason: `the stack ${stack.stackName} is ${stack.status}`,
        fix: `wait for it, or \`${deployCommand}\` to see what to do`,
      });
    }
    if (stack.drift?.status === 'DRIFTED') {
      refusals.push({
        reason: `the stack ${stack.stackName} drifted (${stack.drift.resources.map((r) => r.logicalId).join(', ')})`,
        fix: `${UNDO_DRIFT}; then plan again`,
      });
    }
    if (stack.drift?.status === 'UNKNOWN') warnings.push(`the drift of ${stack.stackName} is unknown (${stack.drift.reason})`);
    if (stack.drift?.status === 'NOT_CHECKED') warnings.push(`the drift of ${stack.stackName} was not checked`);
  }
  for (const group of status.nodegroups) {
    if (group.exists && group.version && group.version !== from) {
      refusals.push({
        reason: `the node group ${group.name} runs Kubernetes ${group.version}, the control plane ${from}: EKS upgrades a cluster only when its node groups run its version`,
        fix: `\`${deployCommand}\``,
      });
    }
  }
  const insights = (cluster.insights ?? []).filter((i) => i.kubernetesVersion === to);
  for (const insight of insights.filter((i) => i.status === 'ERROR')) {
    refusals.push({
      reason: `the EKS upgrade insight "${insight.name}" for ${to} is in ERROR${insight.reason ? `: ${insight.reason}` : ''}`,
      fix: insight.recommendation ?? 'see the insight in the EKS console',
    });
  }
  if (cluster.insights === undefined) warnings.push('the upgrade insights could not be read: they are unknown, not passed');
  else if (insights.length === 0) warnings.push(`EKS has no upgrade insight for ${to} yet: unknown, not passed (EKS refreshes them itself)`);
  for (const insight of insights.filter((i) => i.status === 'UNKNOWN')) {
    warnings.push(`the upgrade insight "${insight.name}" is UNKNOWN (not computed yet): not a pass`);
  }
  for (const insight of insights.filter((i) => i.status === 'WARNING')) {
    const recommendation = insight.recommendation ? ` (${insight.recommendation})` : '';
    warnings.push(`the upgrade insight "${insight.name}" is WARNING${insight.reason ? `: ${insight.reason}` : ''}${recommendation}`);
  }

  const installed = new Map(status.addons.map((a) => [a.name, a.version]));
  const keyOf = (name: string) => (Object.keys(ADDON_NAMES) as AddonKey[]).find((k) => ADDON_NAMES[k] === name);
  const addons = target.addons.map((addon): AddonStep => {
    const offer = inputs.offers[addon.name];
    const offered = offer === undefined || addon.version === undefined ? undefined : offer.versions.includes(addon.version);
    if (offered === false) {
      refusals.push({
        reason: `EKS does not offer ${addon.name} ${addon.version} for Kubernetes ${to}`,
        fix: `set addons.${addon.key}.version to one it offers${offer?.defaultVersion ? ` (EKS's default: ${offer.defaultVersion})` : ''}, or remove the pin`,
      });
    }
    const key = keyOf(addon.name);
    return {
      name: addon.name,
      stack: key ? ADDON_STACKS[key] : StackKind.NODEGROUP,
      from: installed.get(addon.name),
      to: addon.version,
      offered,
      eksDefault: offer?.defaultVersion,
    };
  });
  const nodegroups = target.nodegroups.map((group): NodegroupStep => {
    const maxUnavailable = Math.max(1, Math.floor((group.desiredSize * group.maxUnavailablePercentage) / 100));
    const rounds = Math.ceil(group.desiredSize / maxUnavailable);
    const { name, desiredSize: desired, maxUnavailablePercentage, updateStrategy } = group;
    return { name, desired, maxUnavailablePercentage, rounds, updateStrategy };
  });
  return { environment: status.environment, from, to, addons, nodegroups, insights, warnings, refusals };
}

/** True when `planned` is a step (rather than a refusal of any step). */
export function isStep(planned: UpgradeStep | UpgradeRefusal): planned is UpgradeStep {
  return (planned as UpgradeStep).to !== undefined;
}
