import { BlockedBottlerocketRelease, ResourceNames } from 'bottlerocket-eks-config';
import { billOfTemplates, CostChange, costChange, estimateEnvironment, PriceSource, signedUsd, usd } from '../cost';
import { readDeployedStack } from './deployed';
import { explainRefusal } from './explain';
import { Explanation } from './explanation';
import { CfnTemplate, ExportChange, planStack, ResourceChange, StackPlan } from './plan';
import { CloudFormationClient } from '../aws/sdk';
import { AssemblyStack } from '../synth/assembly';

export * from './plan';
export { explainRefusal } from './explain';
export type { Explanation } from './explanation';
export { parseTemplate } from './deployed';

/** A refused change with the stack it is in and what to do instead. */
export interface ExplainedRefusal extends Explanation {
  readonly stackName: string;
  /** The resource (logical id) or export name. */
  readonly subject: string;
  readonly reason: string;
}

/** What a deploy of every stack would do, stack by stack in deploy order, and what is refused. */
export interface UpdatePlan {
  readonly stacks: StackPlan[];
  readonly refusals: ExplainedRefusal[];
  /** What the deploy does to the monthly estimate, with the product's prices (when asked). */
  readonly cost?: CostChange;
}

/** What else an update plan looks at. */
export interface UpdatePlanOptions {
  /** Bottlerocket releases no node group may move onto (the settings' and the product's). */
  readonly blockedReleases?: readonly BlockedBottlerocketRelease[];
  /** With prices: the deploy's change of the monthly estimate of the environment, in `region`. */
  readonly cost?: { readonly prices: PriceSource; readonly region: string };
}

/**
 * Compares the templates deployed now (CloudFormation `GetTemplate`, and `ListImports` for
 * their exports) with the synthesized ones, stack by stack in deploy order; a node group moved
 * onto one of `blockedReleases` is refused.
 */
export async function updatePlan(
  cfn: CloudFormationClient, proposed: AssemblyStack[], names: ResourceNames, options: UpdatePlanOptions = {},
): Promise<UpdatePlan> {
  const ordered = [...proposed].sort((a, b) => ResourceNames.DEPLOY_ORDER.indexOf(a.kind) - ResourceNames.DEPLOY_ORDER.indexOf(b.kind));
  const stacks: StackPlan[] = [];
  const deployedTemplates = [];
  for (const stack of ordered) {
    const deployed = await readDeployedStack(cfn, stack.stackName);
    const { template, importers } = deployed;
    if (template) deployedTemplates.push(template);
    const { blockedReleases } = options;
    stacks.push(planStack({ stackName: stack.stackName, deployed: template, proposed: stack.template, importers, blockedReleases }));
  }
  const estimate = (templates: CfnTemplate[]) => options.cost
    && estimateEnvironment({ bill: billOfTemplates(templates, names.pjPrefix, options.cost.region), prices: options.cost.prices });
  const [before, after] = [estimate(deployedTemplates), estimate(ordered.map((s) => s.template))];
  return { stacks, refusals: explainAll(stacks, names), cost: before && after ? costChange(before, after) : undefined };
}

/** Every refusal of the plans, in the team's terms. */
export function explainAll(stacks: StackPlan[], names: ResourceNames): ExplainedRefusal[] {
  return stacks.flatMap((plan) => [
    ...plan.changes.filter((c) => c.refusal).map((c) => explained(plan, c, c.logicalId, stacks, names)),
    ...plan.exports.map((e) => explained(plan, e, e.exportName, stacks, names)),
  ]);
}

function explained(
  plan: StackPlan, change: ResourceChange | ExportChange, subject: string, stacks: StackPlan[], names: ResourceNames,
): ExplainedRefusal {
  return { stackName: plan.stackName, subject, reason: change.refusal!.reason, ...explainRefusal(change, stacks, names) };
}

/** The plan for a person: one block per stack, one line per change, each refusal with why and the way out. */
export function formatPlan(plan: UpdatePlan): string {
  const lines = ['Update plan (deployed templates against the synthesized ones):'];
  for (const stack of plan.stacks) {
    lines.push(`  ${stack.stackName}  ${summary(stack)}`);
    if (stack.status === 'create') continue;
    const width = Math.max(0, ...stack.changes.map((c) => c.logicalId.length));
    for (const change of stack.changes) {
      const detail = change.properties.length > 0 ? ` (${change.properties.join(', ')}${change.replacedWith ? `; ${change.replacedWith.join(', ')} replaced` : ''})` : '';
      lines.push(`    ${SYMBOL[change.action]} ${change.logicalId.padEnd(width)}  ${change.type}  ${describe(change)}${detail}`);
    }
  }
  if (plan.cost && plan.cost.lines.length > 0) {
    const { before, after } = plan.cost;
    lines.push('', `Monthly cost (the product's prices, desired size; \`npx projen cost\` has the whole estimate): ${usd(before)} -> ${usd(after)}`);
    const width = Math.max(...plan.cost.lines.map((l) => l.item.length));
    for (const l of plan.cost.lines) {
      lines.push(`  ${l.item.padEnd(width)}  ${l.before ? usd(l.before) : l.after && !l.change ? 'unknown' : '-'} -> ${l.after ? usd(l.after) : l.before && !l.change ? 'unknown' : '-'}`
        + `  ${l.change ? signedUsd(l.change) : 'a price is unknown'}`);
    }
  }
  for (const refusal of plan.refusals) {
    lines.push('', `Refused in ${refusal.stackName}: ${refusal.subject}`, `  why       ${refusal.reason}.`);
    if (refusal.setting) lines.push(`  setting   ${refusal.setting}`);
    lines.push(`  way out   ${refusal.wayOut}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One line per stack, for logs: `team-a-cluster: 1 updated in place, 1 replaced`. */
export function formatPlanBrief(plan: UpdatePlan): string {
  const cost = plan.cost && plan.cost.lines.length > 0
    ? `plan cost: ${usd(plan.cost.before)} -> ${usd(plan.cost.after)} a month (${plan.cost.lines.map((l) => `${l.item} ${l.change ? signedUsd(l.change) : 'unknown'}`).join(', ')})\n`
    : '';
  return plan.stacks.map((s) => `plan ${s.refused ? 'refused' : 'ok'}: ${s.stackName}: ${summary(s)}\n`).join('') + cost;
}

const SYMBOL: Record<ResourceChange['action'], string> = { create: '+', update: '~', replace: '±', delete: '-' };

function describe(change: ResourceChange): string {
  if (change.refusal) return `${change.action}: REFUSED`;
  if (change.action === 'replace') return 'replace: a new one is created, then the old one deleted';
  if (change.action === 'update') return rolls(change) ? 'update in place: its nodes roll, by its update config' : 'update in place';
  return change.action;
}

/** A node group update that replaces its nodes: a new Kubernetes version, Bottlerocket release or launch template. */
function rolls(change: ResourceChange): boolean {
  return change.type === 'AWS::EKS::Nodegroup' && change.properties.some((p) => ['Version', 'ReleaseVersion', 'LaunchTemplate'].includes(p));
}

function summary(stack: StackPlan): string {
  if (stack.status === 'create') return `create (${stack.changes.length} resources)`;
  if (stack.status === 'unchanged') return 'unchanged';
  const count = (action: ResourceChange['action']) => stack.changes.filter((c) => c.action === action).length;
  const parts = [
    [count('update'), 'updated in place'], [count('replace'), 'replaced'], [count('create'), 'added'], [count('delete'), 'deleted'],
  ].filter(([n]) => n as number > 0).map(([n, what]) => `${n} ${what}`);
  const refusals = stack.changes.filter((c) => c.refusal).length + stack.exports.length;
  return `${parts.join(', ') || 'exports only'}${refusals > 0 ? `; ${refusals} refused` : ''}`;
}
