import { StackKind, teamTaskCommand } from 'bottlerocket-eks-config';
import type { RollbackPlan } from './rollback';
import type { UpgradeRefusal, UpgradeStep } from './step';
import { table } from '../process/table';

/**
 * An upgrade step as a person reads it: what changes, in which order, how long, what to check,
 * and how to take it (`applyCommand`; undefined while it is being applied).
 */
export function formatStep(step: UpgradeStep, deployCommand: string, applyCommand?: string): string {
  const { from, to } = step;
  // One line an add-on: where it goes, or that it stays as installed.
  const addonLines = (addons: UpgradeStep['addons']) => (addons.length === 0 ? ['     none'] : table(addons.map((a) => {
    const installed = a.from ?? '(not installed)';
    const offered = a.offered === true ? `offered by EKS for ${to}` : a.offered === false ? `NOT offered by EKS for ${to}` : '';
    const eksDefault = a.eksDefault ? `EKS's default for ${to}: ${a.eksDefault}` : '';
    if (a.to === undefined) return [`   ${a.name}`, `${installed}, unchanged (no version set for ${to}${eksDefault ? `; ${eksDefault}` : ''})`];
    if (a.to === a.from) return [`   ${a.name}`, `${installed}, unchanged${offered ? ` (${offered})` : ''}`];
    return [`   ${a.name}`, `${installed} -> ${a.to}${offered ? ` (${offered})` : ''}`];
  })));
  const clusterAddons = step.addons.filter((a) => a.stack === StackKind.CLUSTER);
  const nodeAddons = step.addons.filter((a) => a.stack === StackKind.NODEGROUP);
  const lines = [
    `Upgrade ${step.environment ? `of ${step.environment} ` : ''}from Kubernetes ${from} to ${to}: kubernetesVersion '${to}'`,
    '',
    `In this order, by \`${deployCommand}\`:`,
    `  1. control plane ${from} -> ${to} (cluster stack). EKS: a version update "should finish within a few minutes" (UpdateClusterVersion API reference).`,
    '  2. cluster add-ons (cluster stack):',
    ...addonLines(clusterAddons),
    `  3. node groups ${from} -> ${to} (node group stack), each rolling by its update config: ${step.nodegroups.map((g) => `${g.name}: ${g.desired} node(s), `
      + `at most ${g.maxUnavailablePercentage}% unavailable, ${g.rounds} round(s)${g.updateStrategy === 'MINIMAL' ? ', old nodes terminated before new ones launch (MINIMAL)' : ''}`)
      .join('; ') || 'none'}. Each round drains its nodes first, as fast as the pods' disruption budgets let it.`,
    '  4. node add-ons (node group stack):',
    ...addonLines(nodeAddons),
    ...(step.addons.some((a) => a.to === undefined)
      ? ['  An add-on with no version set stays as installed (EKS does not move it): set addons.<name>.version to move it.'] : []),
    '',
    `Upgrade insights for ${to}: ${step.insights.length === 0 ? 'none from EKS yet (unknown, not passed)' : step.insights.map((i) => `${i.name}: ${i.status}`).join('; ')}`,
    ...step.warnings.map((w) => `warning: ${w}`),
  ];
  if (step.refusals.length > 0) {
    lines.push('', `Refused: the step to ${to} must not be taken now:`, ...step.refusals.map((r) => `  - ${r.reason}. Fix: ${r.fix}`));
  } else if (applyCommand) {
    lines.push('', `To take it: \`${applyCommand}\` (writes kubernetesVersion '${to}' into .projenrc.ts and runs npx projen), review and commit, then \`${deployCommand}\`.`,
      `Between steps: the status (\`${teamTaskCommand('status', step.environment)}\`) after the deploy, your workloads, and the insights of the next version.`);
  }
  return `${lines.join('\n')}\n`;
}

/** A refusal of any step. */
export function formatRefusal(refusal: UpgradeRefusal, what: string): string {
  return `${what} refused: ${refusal.reason}. Fix: ${refusal.fix}\n`;
}

/** The way back, in order. */
export function formatRollback(plan: RollbackPlan): string {
  return [
    `Rollback from Kubernetes ${plan.to} to ${plan.from}: EKS upgraded the cluster at ${plan.upgradedAt.slice(0, 16)} UTC; it can roll the control plane back until ${plan.rollbackUntil.slice(0, 16)} UTC.`,
    'In this order:',
    ...plan.steps.map((s, i) => `  ${i + 1}. ${s}`),
    '',
  ].join('\n');
}
