import { kubernetesVersionInfo, nextKubernetesVersion, StackKind } from 'bottlerocket-eks-config';
import type { Check, CheckFinding, DeployContext } from './check';
import { PreflightError, PreflightErrorCode } from './errors';

/** How long before the end of standard support the preflight starts to warn. */
export const SUPPORT_WARNING_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The end of EKS standard support of the cluster's Kubernetes version, from the product's
 * version table. The cluster's upgrade policy is STANDARD, so on that day EKS upgrades the
 * control plane by itself; the stacks still name the old version then, and a deploy that
 * creates or updates the cluster stack would ask for a version the cluster has left (a
 * downgrade). So: a warning in the last month, a refusal afterwards, with the way out.
 */
export const checkKubernetesSupport: Check = async (context) =>
  kubernetesSupportFinding(context.settings.kubernetesVersion, context.now, touchesCluster(context));

/** What the end of standard support of `version` means for a deploy at `now`. */
export function kubernetesSupportFinding(version: string, now: Date, clusterChanges: boolean): CheckFinding {
  const info = kubernetesVersionInfo(version);
  if (!info) return {};
  const end = new Date(`${info.endOfStandardSupport}T00:00:00Z`);
  const next = nextKubernetesVersion(version);
  const upgrade = next
    ? `set kubernetesVersion to ${next}, then run \`npx projen deploy\``
    : 'update bottlerocket-eks to a release that supports a newer Kubernetes version, set kubernetesVersion to it, then run `npx projen deploy`';
  const estimated = info.estimated ? ' (an estimated date: EKS has not published it)' : '';
  if (now.getTime() < end.getTime() - SUPPORT_WARNING_DAYS * DAY_MS) return {};
  if (now.getTime() < end.getTime()) {
    const days = daysUntil(info.endOfStandardSupport, now);
    return {
      warnings: [`Kubernetes ${version} leaves EKS standard support on ${info.endOfStandardSupport}${estimated}, in ${days} day${days === 1 ? '' : 's'}. `
        + `The cluster's upgrade policy is STANDARD, so EKS then upgrades the control plane${next ? ` to ${next}` : ''} by itself. `
        + `Upgrade first: ${upgrade}.`],
    };
  }
  const what = `Kubernetes ${version} left EKS standard support on ${info.endOfStandardSupport}${estimated}: EKS upgrades clusters with upgrade policy STANDARD on it by itself`;
  if (!clusterChanges) {
    return { warnings: [`${what}. This deploy leaves the cluster stack alone; the next one that changes it will be refused. Upgrade: ${upgrade}.`] };
  }
  return {
    failure: new PreflightError(PreflightErrorCode.VERSION_OUT_OF_SUPPORT,
      `${what}, so a template naming ${version} would ask for a version the cluster has left (EKS does not downgrade). Nothing was deployed.`,
      `${upgrade.charAt(0).toUpperCase()}${upgrade.slice(1)}.`),
  };
}

/** True when the deploy creates or updates the cluster stack. */
function touchesCluster(context: DeployContext): boolean {
  const clusterStack = context.names.stack(StackKind.CLUSTER);
  return context.plan.stacks.some((s) => s.stackName === clusterStack && s.status !== 'unchanged');
}

/** Whole days from `now` to the start of `day` (UTC, `YYYY-MM-DD`); negative once it has passed. */
export function daysUntil(day: string, now: Date): number {
  return Math.ceil((Date.parse(`${day}T00:00:00Z`) - now.getTime()) / DAY_MS);
}
